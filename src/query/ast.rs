//! The syntax tree of a query: a controlled-English [`Question`] or a Cypher-like [`Pattern`],
//! with names as the user wrote them and a byte [`Span`] on every node. Questions are lowered to
//! patterns (`lower.rs`); names are resolved later, by the planner.

use std::fmt;

use crate::text::Span;

/// A parsed query.
#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    /// The text it was parsed from.
    pub text: String,
    /// `explain` in front: print the pattern instead of answering.
    pub explain: bool,
    /// What is asked.
    pub body: Body,
    /// True when the query ends in `with evidence`: show the supporting sentences.
    pub evidence: bool,
    /// `as json`, `as dot > answer.dot`: how to print the answer, and where.
    pub output: Option<Output>,
}

/// The two layers of the language.
#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// Controlled English.
    Question(Question),
    /// A pattern.
    Pattern(Pattern),
}

/// The output clause.
#[derive(Clone, Debug, PartialEq)]
pub struct Output {
    /// The format.
    pub format: OutputFormat,
    /// The file to write, with its span; none prints.
    pub path: Option<(String, Span)>,
    /// `>!` rather than `>`: the file may be replaced if it exists.
    pub replace: bool,
    /// The whole clause.
    pub span: Span,
}

/// Formats of the output clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    /// An aligned table.
    Table,
    /// JSON as in the contract.
    Json,
    /// CSV with a header row.
    Csv,
    /// Graphviz DOT of the nodes and edges the answer touches.
    Dot,
}

impl OutputFormat {
    /// The keyword.
    pub const fn as_str(self) -> &'static str {
        match self {
            OutputFormat::Table => "table",
            OutputFormat::Json => "json",
            OutputFormat::Csv => "csv",
            OutputFormat::Dot => "dot",
        }
    }
}

/// One question: its form, the type `which TYPE` asks for, and the modifiers.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// The form, with the names it is about.
    pub form: Form,
    /// `which people ...`: the type word, when the question starts with `which`.
    pub which: Option<TypeWord>,
    /// `about`, `in`, `with` and date modifiers, in the order written; at most one of each kind.
    pub filters: Vec<Filter>,
    /// The question without `with evidence`, the question mark and the output clause.
    pub span: Span,
}

/// The forms of question the language knows.
#[derive(Clone, Debug, PartialEq)]
pub enum Form {
    /// `who met X`, `who did X meet`, `who met X and Y`: the people every one of them met.
    Met {
        /// The people met, at least one.
        people: Vec<Name>,
    },
    /// `who called X`, `who did X call`: the parties of phone or video calls.
    Called {
        /// The people called, at least one.
        people: Vec<Name>,
    },
    /// `where did X go`, `where has X been`: the places X visited.
    WentTo {
        /// The traveller.
        who: Name,
    },
    /// `who visited P`, `who went to P`: the visitors of a place.
    Visitors {
        /// The place.
        place: Name,
    },
    /// `what did X discuss`, `what did X talk about`: the topics of X's talks.
    Discussed {
        /// Who discussed.
        who: Name,
    },
    /// `what did X say`: X's quoted statements.
    Said {
        /// The speaker.
        who: Name,
    },
    /// `who is X`, `what is X`: what the graph knows of one entity.
    Describe {
        /// The question word the user chose.
        wh: Wh,
        /// The entity.
        who: Name,
    },
    /// `when did X meet Y`, `when did X call Y`, `when did X visit P`: the dates of the events.
    When {
        /// Who met, called or visited.
        who: Name,
        /// Which kind of event.
        event: Event,
        /// Whom or where.
        other: Name,
    },
    /// `how is X connected to Y`, `path from X to Y [max N] [via ...]`: a shortest path.
    Path {
        /// One end.
        from: Name,
        /// The other end.
        to: Name,
        /// The longest path looked for, in hops.
        max: Option<Number>,
        /// The relations it may use; empty for meetings, calls, visits and roles.
        via: Vec<RelationWord>,
    },
    /// `neighbours of X [depth N] [via ...]`: what lies within N hops of X.
    Neighbours {
        /// The centre.
        of: Name,
        /// How far, in hops (1 when not given).
        depth: Option<Number>,
        /// The relations followed; empty for meetings, calls, visits and roles.
        via: Vec<RelationWord>,
    },
    /// `count TYPE [that met X]`.
    Count {
        /// What is counted.
        what: TypeWord,
        /// `that VERB NAME`.
        that: Option<(RelationWord, Name)>,
    },
    /// `top N TYPE by degree|mentions`.
    Top {
        /// How many.
        n: Number,
        /// Of what.
        what: TypeWord,
        /// Ranked by.
        by: Ranking,
    },
}

/// A number as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Number {
    /// Its value.
    pub value: u64,
    /// Where.
    pub span: Span,
}

/// A type word: `people`, `countries`, ... with where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct TypeWord {
    /// The word, lower case.
    pub word: String,
    /// Where.
    pub span: Span,
}

/// A relation named by its verb (`met`, `visited`) in `via` and `that`.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationWord {
    /// The word, lower case.
    pub word: String,
    /// Where.
    pub span: Span,
}

/// The events `when` asks about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A meeting.
    Met,
    /// A call.
    Called,
    /// A visit.
    Visited,
}

impl Event {
    /// The verb, as `when did X VERB Y` writes it.
    pub const fn verb(self) -> &'static str {
        match self {
            Event::Met => "meet",
            Event::Called => "call",
            Event::Visited => "visit",
        }
    }
}

/// What `top` ranks by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ranking {
    /// The number of distinct neighbours.
    Degree,
    /// How often the entity is mentioned.
    Mentions,
}

impl Ranking {
    /// The keyword.
    pub const fn as_str(self) -> &'static str {
        match self {
            Ranking::Degree => "degree",
            Ranking::Mentions => "mentions",
        }
    }
}

/// The question word of `who is X` / `what is X`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wh {
    /// `who`
    Who,
    /// `what`
    What,
}

impl Wh {
    /// The word.
    pub const fn as_str(self) -> &'static str {
        match self {
            Wh::Who => "who",
            Wh::What => "what",
        }
    }
}

/// A modifier: `about T`, `in P`, `with Y`, `since D`, `between D and E`, ...
#[derive(Clone, Debug, PartialEq)]
pub struct Filter {
    /// Which modifier.
    pub kind: FilterKind,
    /// Its argument.
    pub arg: FilterArg,
    /// The keyword and its argument.
    pub span: Span,
}

/// The argument of a modifier.
#[derive(Clone, Debug, PartialEq)]
pub enum FilterArg {
    /// `about`, `in`, `with`.
    Name(Name),
    /// A date; `between` has two.
    Dates(DateLit, Option<DateLit>),
}

/// The kinds of modifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum FilterKind {
    /// `about T`: the evidence names topic T.
    About,
    /// `in P`: the evidence places the event in P.
    In,
    /// `with Y`: Y took part in the same event.
    With,
    /// `since D`: on or after the start of D.
    Since,
    /// `before D`: before the start of D.
    Before,
    /// `after D`: after the end of D.
    After,
    /// `on D`: at some time within D.
    On,
    /// `between D and E`: within D to E.
    Between,
}

impl FilterKind {
    /// The keyword.
    pub const fn keyword(self) -> &'static str {
        match self {
            FilterKind::About => "about",
            FilterKind::In => "in",
            FilterKind::With => "with",
            FilterKind::Since => "since",
            FilterKind::Before => "before",
            FilterKind::After => "after",
            FilterKind::On => "on",
            FilterKind::Between => "between",
        }
    }
}

/// A date: a year, a month or a day, in ISO form (`2016`, `2016-03`, `2016-03-24`) whatever
/// way it was written. Checked to be a real date by the parser.
#[derive(Clone, Debug, PartialEq)]
pub struct DateLit {
    /// The ISO form.
    pub iso: String,
    /// Where it was written.
    pub span: Span,
}

impl DateLit {
    /// The first day it covers, `YYYY-MM-DD`.
    pub fn first_day(&self) -> String {
        match self.iso.len() {
            4 => format!("{}-01-01", self.iso),
            7 => format!("{}-01", self.iso),
            _ => self.iso.clone(),
        }
    }

    /// The last day it covers, `YYYY-MM-DD`.
    pub fn last_day(&self) -> String {
        match self.iso.len() {
            4 => format!("{}-12-31", self.iso),
            7 => {
                let date = jiff::civil::Date::strptime("%Y-%m-%d", format!("{}-01", self.iso));
                date.map_or_else(
                    |_| format!("{}-31", self.iso),
                    |d| d.last_of_month().to_string(),
                )
            }
            _ => self.iso.clone(),
        }
    }
}

/// A name as written: bare words joined by single spaces, or the contents of a quoted name with
/// its escapes undone.
#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    /// The name.
    pub text: String,
    /// Where it is in the query, quotes included.
    pub span: Span,
}

// ---------------------------------------------------------------------------------------------
// Patterns.

/// `match PART, ... [where COND and ...] return ITEM, ... [order by EXPR [desc]] [limit N]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    /// The parts, each a node or node-relationship-node.
    pub parts: Vec<Part>,
    /// Conditions, all of which must hold.
    pub conditions: Vec<Condition>,
    /// What to return.
    pub items: Vec<Item>,
    /// `order by`.
    pub order: Option<Order>,
    /// `limit N`.
    pub limit: Option<Number>,
    /// The whole pattern.
    pub span: Span,
}

impl Pattern {
    /// A pattern with nothing in it yet, over `span` of the query.
    pub fn new(span: Span) -> Pattern {
        Pattern {
            parts: Vec::new(),
            conditions: Vec::new(),
            items: Vec::new(),
            order: None,
            limit: None,
            span,
        }
    }
}

/// `(a)` or `(a)-[r]-(b)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// The first node.
    pub left: NodePattern,
    /// The relationship and the second node.
    pub right: Option<(RelPattern, NodePattern)>,
}

/// `(var:Label {name: "..."})`, every piece optional.
#[derive(Clone, Debug, PartialEq)]
pub struct NodePattern {
    /// The variable.
    pub var: Option<Ident>,
    /// The label (entity type).
    pub label: Option<Ident>,
    /// `{name: "..."}`.
    pub name: Option<Name>,
    /// The node in parentheses.
    pub span: Span,
}

/// `-[var:TYPE|TYPE*min..max]->`.
#[derive(Clone, Debug, PartialEq)]
pub struct RelPattern {
    /// The variable.
    pub var: Option<Ident>,
    /// The relation types; empty for any.
    pub types: Vec<Ident>,
    /// Which way.
    pub direction: Direction,
    /// `*min..max` for a variable-length relationship.
    pub hops: Option<Hops>,
    /// The whole relationship, dashes included.
    pub span: Span,
}

/// The direction of a relationship as written, left node to right node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// `-[]->`
    Right,
    /// `<-[]-`
    Left,
    /// `-[]-`
    Both,
}

/// `*`, `*2`, `*1..3`, `*..3`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hops {
    /// The fewest hops (1 when not given).
    pub min: u32,
    /// The most; none for "as many as it takes".
    pub max: Option<u32>,
    /// Where.
    pub span: Span,
}

/// A variable, label, relation type or property key as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    /// The text.
    pub text: String,
    /// Where.
    pub span: Span,
}

/// A condition of `where`.
#[derive(Clone, Debug, PartialEq)]
pub enum Condition {
    /// `m.date >= 2016-03-01`, `p.type = "Person"`.
    Compare {
        /// The property.
        property: Property,
        /// The operator.
        op: Op,
        /// The value compared to.
        value: Literal,
    },
    /// `"Syria" in m.topics`.
    In {
        /// The value looked for.
        value: Literal,
        /// The list property.
        property: Property,
    },
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// `=`
    Eq,
    /// `<>` or `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl Op {
    /// The operator as printed.
    pub const fn as_str(self) -> &'static str {
        match self {
            Op::Eq => "=",
            Op::Ne => "<>",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }
}

/// `var.key`.
#[derive(Clone, Debug, PartialEq)]
pub struct Property {
    /// The variable.
    pub var: Ident,
    /// The key.
    pub key: Ident,
}

impl Property {
    /// From the variable to the key.
    pub fn span(&self) -> Span {
        Span::new(self.var.span.start, self.key.span.end)
    }
}

/// A literal value.
#[derive(Clone, Debug, PartialEq)]
pub enum Literal {
    /// `"text"`.
    Text(Name),
    /// `2016-03-01`, `2016-03` (a bare year is a number).
    Date(DateLit),
    /// `10`, `2016`.
    Number(Number),
}

impl Literal {
    /// Where.
    pub fn span(&self) -> Span {
        match self {
            Literal::Text(name) => name.span,
            Literal::Date(date) => date.span,
            Literal::Number(n) => n.span,
        }
    }
}

/// An item of `return`: an expression and its column name.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// What.
    pub expr: Expr,
    /// `as NAME`.
    pub alias: Option<Ident>,
}

/// What `return` and `order by` can name.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A variable.
    Var(Ident),
    /// A property.
    Property(Property),
    /// `count(*)`.
    CountAll(Span),
}

impl Expr {
    /// Where.
    pub fn span(&self) -> Span {
        match self {
            Expr::Var(v) => v.span,
            Expr::Property(p) => p.span(),
            Expr::CountAll(span) => *span,
        }
    }
}

/// `order by EXPR [asc|desc]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Order {
    /// What to sort by.
    pub expr: Expr,
    /// Largest first.
    pub descending: bool,
}

// ---------------------------------------------------------------------------------------------
// Printing: every tree prints in a normal form that parses back to the same tree.

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
                if super::parser::is_bare_path(path) {
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
                list(f, people)?;
            }
            Form::Called { people } => {
                asker(f, "who")?;
                f.write_str(" called ")?;
                list(f, people)?;
            }
            Form::WentTo { who } => match &self.which {
                Some(t) => write!(f, "which {} did {who} visit", t.word)?,
                None => write!(f, "where did {who} go")?,
            },
            Form::Visitors { place } => {
                asker(f, "who")?;
                write!(f, " visited {place}")?;
            }
            Form::Discussed { who } => write!(f, "what did {who} discuss")?,
            Form::Said { who } => write!(f, "what did {who} say")?,
            Form::Describe { wh, who } => write!(f, "{} is {who}", wh.as_str())?,
            Form::When { who, event, other } => {
                if super::parser::is_when_subject(&who.text) {
                    write!(f, "when did {} {} {other}", who.text, event.verb())?;
                } else {
                    write!(f, "when did {} {} {other}", Quoted(&who.text), event.verb())?;
                }
            }
            Form::Path { from, to, max, via } => {
                write!(f, "path from {} to {to}", PathEnd(from))?;
                if let Some(max) = max {
                    write!(f, " max {}", max.value)?;
                }
                via_list(f, via)?;
            }
            Form::Neighbours { of, depth, via } => {
                write!(f, "neighbours of {of}")?;
                if let Some(depth) = depth {
                    write!(f, " depth {}", depth.value)?;
                }
                via_list(f, via)?;
            }
            Form::Count { what, that } => {
                write!(f, "count {}", what.word)?;
                if let Some((verb, name)) = that {
                    write!(f, " that {} {name}", verb.word)?;
                }
            }
            Form::Top { n, what, by } => {
                write!(f, "top {} {} by {}", n.value, what.word, by.as_str())?;
            }
        }
        for filter in &self.filters {
            write!(f, " {}", filter.kind.keyword())?;
            match &filter.arg {
                FilterArg::Name(name) => write!(f, " {name}")?,
                FilterArg::Dates(a, b) => {
                    write!(f, " {}", a.iso)?;
                    if let Some(b) = b {
                        write!(f, " and {}", b.iso)?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// The first name of `path from X to Y`, which also ends at `to` and `connected`.
struct PathEnd<'a>(&'a Name);

impl fmt::Display for PathEnd<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if super::parser::is_bare_name(&self.0.text) {
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
        if super::parser::is_bare_name(&self.text) {
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
            match condition {
                Condition::Compare {
                    property,
                    op,
                    value,
                } => write!(f, "{property} {} {value}", op.as_str())?,
                Condition::In { value, property } => write!(f, "{value} in {property}")?,
            }
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
