//! Printing: every tree prints in a normal form that parses back to the same tree.

use std::fmt;

use super::*;

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.explain {
            f.write_str("explain ")?;
        }
        match &self.body {
            Body::Question(q) => write!(f, "{q}")?,
            Body::Pattern(p) => write!(f, "{p}")?,
        }
        if self.evidence {
            f.write_str(" with evidence")?;
        }
        if let Some(output) = &self.output {
            write!(f, " as {}", output.format.as_str())?;
            if let Some((path, _)) = &output.path {
                let redirect = if output.replace { ">!" } else { ">" };
                if super::super::parser::is_bare_path(path) {
                    write!(f, " {redirect} {path}")?;
                } else {
                    write!(f, " {redirect} {}", Quoted(path))?;
                }
            }
        }
        Ok(())
    }
}

fn via_list(f: &mut fmt::Formatter<'_>, via: &[RelationWord]) -> fmt::Result {
    if via.is_empty() {
        return Ok(());
    }
    let words: Vec<&str> = via.iter().map(|w| w.word.as_str()).collect();
    write!(f, " via {}", words.join("|"))
}

impl fmt::Display for Question {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.form_text(f)?;
        for filter in &self.filters {
            write!(f, " {filter}")?;
        }
        if let Some(order) = &self.order {
            write!(f, " order by {}", order.column.text)?;
            if order.descending {
                f.write_str(" desc")?;
            }
        }
        if let Some(limit) = &self.limit {
            write!(f, " limit {}", limit.value)?;
        }
        Ok(())
    }
}

impl Question {
    /// The question's form with its names, before the modifiers.
    fn form_text(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let asker = |f: &mut fmt::Formatter<'_>, default: &str| match &self.which {
            Some(t) => write!(f, "which {}", t.word),
            None => f.write_str(default),
        };
        let list = |f: &mut fmt::Formatter<'_>, people: &[Name]| {
            for (i, person) in people.iter().enumerate() {
                if i > 0 {
                    f.write_str(" and ")?;
                }
                write!(f, "{person}")?;
            }
            Ok(())
        };
        match &self.form {
            Form::Met { people } => {
                asker(f, "who")?;
                f.write_str(" met ")?;
                list(f, people)
            }
            Form::Called { people } => {
                asker(f, "who")?;
                f.write_str(" called ")?;
                list(f, people)
            }
            Form::Pairs { event } => match event {
                Event::Called => f.write_str("who called whom"),
                _ => f.write_str("who met whom"),
            },
            Form::WentTo { who } => match &self.which {
                Some(t) => write!(f, "which {} did {who} visit", t.word),
                None => write!(f, "where did {who} go"),
            },
            Form::Visitors { place } => {
                asker(f, "who")?;
                write!(f, " visited {place}")
            }
            Form::Discussed { who } => write!(f, "what did {who} discuss"),
            Form::Said { who } => write!(f, "what did {who} say"),
            Form::Speakers => f.write_str("who said anything"),
            Form::Holder { title, of } => write!(f, "who is the {} of {of}", title.text),
            Form::Describe { wh, who } => write!(f, "{} is {who}", wh.as_str()),
            Form::When {
                who,
                event,
                other,
                ask,
            } => {
                let wh = match ask {
                    Ask::When => "when ",
                    Ask::Where => "where ",
                    Ask::Whether => "",
                };
                if crate::query::parser::is_when_subject(&who.text) {
                    write!(f, "{wh}did {} {} {other}", who.text, event.verb())
                } else {
                    write!(f, "{wh}did {} {} {other}", Quoted(&who.text), event.verb())
                }
            }
            Form::Path { from, to, max, via } => {
                write!(f, "path from {} to {to}", PathEnd(from))?;
                if let Some(max) = max {
                    write!(f, " max {}", max.value)?;
                }
                via_list(f, via)
            }
            Form::Neighbours { of, depth, via } => {
                match &self.which {
                    Some(t) => write!(f, "which {} are linked to {of}", t.word)?,
                    None => write!(f, "neighbours of {of}")?,
                }
                if let Some(depth) = depth {
                    write!(f, " depth {}", depth.value)?;
                }
                via_list(f, via)
            }
            Form::Count {
                what,
                that,
                agent_first,
            } => match that {
                Some((verb, name)) if *agent_first => {
                    let base = match verb.word.as_str() {
                        "called" => "call",
                        "visited" => "visit",
                        "discussed" => "discuss",
                        _ => "meet",
                    };
                    write!(
                        f,
                        "how many {} did {} {base}",
                        what.word,
                        CountSubject(name)
                    )
                }
                Some((verb, name)) => {
                    write!(f, "count {} that {} {name}", what.word, verb.word)
                }
                None => write!(f, "count {}", what.word),
            },
            Form::Top { n, what, by } => {
                write!(f, "top {} {} by {}", n.value, what.word, by.as_str())
            }
            Form::Documents => f.write_str("list documents"),
        }
    }
}

impl fmt::Display for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.published {
            f.write_str("published ")?;
        }
        f.write_str(self.kind.keyword())?;
        match &self.arg {
            FilterArg::Name(name) => write!(f, " {name}"),
            FilterArg::Topics { topics, any } => {
                for (i, topic) in topics.iter().enumerate() {
                    if i > 0 {
                        f.write_str(if *any { " or" } else { " and" })?;
                    }
                    write!(f, " {}", Topic(topic))?;
                }
                Ok(())
            }
            FilterArg::Dates(a, b) => {
                // `published in 2016` reads as `published on 2016`; a bare `in 2016` is `on`.
                write!(f, " {}", a.iso)?;
                if let Some(b) = b {
                    write!(f, " and {}", b.iso)?;
                }
                Ok(())
            }
        }
    }
}

/// A topic of `about`: bare unless a word of it would end it (`and`, `or`, a modifier).
struct Topic<'a>(&'a Name);

impl fmt::Display for Topic<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The name in `how many TYPE did NAME VERB`, which also ends before the verb.
struct CountSubject<'a>(&'a Name);

impl fmt::Display for CountSubject<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if crate::query::parser::is_count_subject(&self.0.text) {
            f.write_str(&self.0.text)
        } else {
            write!(f, "{}", Quoted(&self.0.text))
        }
    }
}

/// The first name of `path from X to Y`, which also ends at `to` and `connected`.
struct PathEnd<'a>(&'a Name);

impl fmt::Display for PathEnd<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if super::super::parser::is_bare_name(&self.0.text) {
            f.write_str(&self.0.text)
        } else {
            write!(f, "{}", Quoted(&self.0.text))
        }
    }
}

/// Text in double quotes, `"` and `\` escaped.
pub(crate) struct Quoted<'a>(pub &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for c in self.0.chars() {
            if c == '"' || c == '\\' {
                f.write_str("\\")?;
            }
            write!(f, "{c}")?;
        }
        f.write_str("\"")
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if super::super::parser::is_bare_name(&self.text) {
            return f.write_str(&self.text);
        }
        write!(f, "{}", Quoted(&self.text))
    }
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("match ")?;
        for (i, part) in self.parts.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{}", part.left)?;
            if let Some((rel, node)) = &part.right {
                write!(f, "{rel}{node}")?;
            }
        }
        for (i, condition) in self.conditions.iter().enumerate() {
            f.write_str(if i == 0 { " where " } else { " and " })?;
            write!(f, "{condition}")?;
        }
        f.write_str(" return ")?;
        for (i, item) in self.items.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{}", item.expr)?;
            if let Some(alias) = &item.alias {
                write!(f, " as {}", alias.text)?;
            }
        }
        if let Some(order) = &self.order {
            write!(f, " order by {}", order.expr)?;
            if order.descending {
                f.write_str(" desc")?;
            }
        }
        if let Some(limit) = &self.limit {
            write!(f, " limit {}", limit.value)?;
        }
        Ok(())
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Condition::Compare {
                property,
                op,
                value,
            } => write!(f, "{property} {} {value}", op.as_str()),
            Condition::In { value, property } => write!(f, "{value} in {property}"),
            Condition::Any(conditions) => {
                f.write_str("(")?;
                for (i, condition) in conditions.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" or ")?;
                    }
                    write!(f, "{condition}")?;
                }
                f.write_str(")")
            }
        }
    }
}

impl fmt::Display for NodePattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(")?;
        if let Some(var) = &self.var {
            f.write_str(&var.text)?;
        }
        if let Some(label) = &self.label {
            write!(f, ":{}", label.text)?;
        }
        if let Some(name) = &self.name {
            if self.var.is_some() || self.label.is_some() {
                f.write_str(" ")?;
            }
            write!(f, "{{name: {}}}", Quoted(&name.text))?;
        }
        f.write_str(")")
    }
}

impl fmt::Display for RelPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.direction == Direction::Left {
            f.write_str("<")?;
        }
        f.write_str("-[")?;
        if let Some(var) = &self.var {
            f.write_str(&var.text)?;
        }
        let types: Vec<&str> = self.types.iter().map(|t| t.text.as_str()).collect();
        if !types.is_empty() {
            write!(f, ":{}", types.join("|"))?;
        }
        if let Some(hops) = &self.hops {
            f.write_str("*")?;
            match hops.max {
                Some(max) if max == hops.min => write!(f, "{max}")?,
                Some(max) => write!(f, "{}..{max}", hops.min)?,
                None => write!(f, "{}..", hops.min)?,
            }
        }
        f.write_str("]-")?;
        if self.direction == Direction::Right {
            f.write_str(">")?;
        }
        Ok(())
    }
}

impl fmt::Display for Property {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.var.text, self.key.text)
    }
}

impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Literal::Text(name) => write!(f, "{}", Quoted(&name.text)),
            Literal::Date(date) => f.write_str(&date.iso),
            Literal::Number(n) => write!(f, "{}", n.value),
            Literal::Fraction(x) => {
                let digits = format!("{:03}", x.thousandths % 1000);
                write!(
                    f,
                    "{}.{}",
                    x.thousandths / 1000,
                    digits.trim_end_matches('0').max("0")
                )
            }
            Literal::Property(p) => write!(f, "{p}"),
        }
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Var(v) => f.write_str(&v.text),
            Expr::Property(p) => write!(f, "{p}"),
            Expr::CountAll(_) => f.write_str("count(*)"),
        }
    }
}
