//! The syntax tree of a question: what was asked, with names as the user wrote them and a byte
//! [`Span`] on every node. Names are resolved later, by the evaluator.

use std::fmt;

use crate::text::Span;

/// A parsed question.
#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    /// The text it was parsed from.
    pub text: String,
    /// What is asked.
    pub question: Question,
    /// True when the question ends in `with evidence`: show the supporting sentences. A caller
    /// rendering the answer passes `query.evidence || its own flag` to [`Answer::render`].
    ///
    /// [`Answer::render`]: super::Answer::render
    pub evidence: bool,
}

/// One question: its form and the modifiers that narrow its evidence.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    /// The form, with the names it is about.
    pub form: Form,
    /// `about`, `in` and `with` modifiers, in the order written; at most one of each kind.
    pub filters: Vec<Filter>,
    /// The question without `with evidence` and the question mark.
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

/// A modifier: `about T`, `in P`, `with Y`.
#[derive(Clone, Debug, PartialEq)]
pub struct Filter {
    /// Which modifier.
    pub kind: FilterKind,
    /// Its argument.
    pub name: Name,
    /// The keyword and the name.
    pub span: Span,
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
}

impl FilterKind {
    /// The keyword.
    pub const fn keyword(self) -> &'static str {
        match self {
            FilterKind::About => "about",
            FilterKind::In => "in",
            FilterKind::With => "with",
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

impl Query {
    /// The same query with every span set to zero and no source text: two queries that say the
    /// same thing in different words (`who did Kerry meet`, `who met kerry`) compare equal
    /// this way when their names are written alike.
    pub fn without_spans(&self) -> Query {
        let zero = Span::default();
        let name = |n: &Name| Name {
            text: n.text.clone(),
            span: zero,
        };
        let form = match &self.question.form {
            Form::Met { people } => Form::Met {
                people: people.iter().map(name).collect(),
            },
            Form::WentTo { who } => Form::WentTo { who: name(who) },
            Form::Visitors { place } => Form::Visitors { place: name(place) },
            Form::Discussed { who } => Form::Discussed { who: name(who) },
            Form::Said { who } => Form::Said { who: name(who) },
            Form::Describe { wh, who } => Form::Describe {
                wh: *wh,
                who: name(who),
            },
        };
        Query {
            text: String::new(),
            question: Question {
                form,
                filters: self
                    .question
                    .filters
                    .iter()
                    .map(|f| Filter {
                        kind: f.kind,
                        name: name(&f.name),
                        span: zero,
                    })
                    .collect(),
                span: zero,
            },
            evidence: self.evidence,
        }
    }
}

/// Prints the question in its normal form, which parses back to the same tree: one verb per
/// form, single spaces, names quoted only where a bare name would read differently.
impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.question)?;
        if self.evidence {
            f.write_str(" with evidence")?;
        }
        Ok(())
    }
}

impl fmt::Display for Question {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.form {
            Form::Met { people } => {
                f.write_str("who met ")?;
                for (i, person) in people.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" and ")?;
                    }
                    write!(f, "{person}")?;
                }
            }
            Form::WentTo { who } => write!(f, "where did {who} go")?,
            Form::Visitors { place } => write!(f, "who visited {place}")?,
            Form::Discussed { who } => write!(f, "what did {who} discuss")?,
            Form::Said { who } => write!(f, "what did {who} say")?,
            Form::Describe { wh, who } => write!(f, "{} is {who}", wh.as_str())?,
        }
        for filter in &self.filters {
            write!(f, " {} {}", filter.kind.keyword(), filter.name)?;
        }
        Ok(())
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if super::parser::is_bare_name(&self.text) {
            return f.write_str(&self.text);
        }
        f.write_str("\"")?;
        for c in self.text.chars() {
            if c == '"' || c == '\\' {
                f.write_str("\\")?;
            }
            write!(f, "{c}")?;
        }
        f.write_str("\"")
    }
}
