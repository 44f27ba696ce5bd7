//! The syntax tree of a query: a controlled-English [`Question`] or a Cypher-like [`Pattern`],
//! with names as the user wrote them and a byte [`Span`] on every node. Questions are lowered to
//! patterns (`lower.rs`); names are resolved later, by the planner.

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
    /// `order by COLUMN [desc]` after the question.
    pub order: Option<QuestionOrder>,
    /// `limit N` after the question.
    pub limit: Option<Number>,
    /// The question without its order, limit, `with evidence`, the question mark and the
    /// output clause.
    pub span: Span,
}

/// `order by COLUMN [asc|desc]` after a question: a column of its answer by its name.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionOrder {
    /// The column's name as written (`date`, `docs`, `who`).
    pub column: Ident,
    /// Largest first.
    pub descending: bool,
}

/// What a `when`-shaped question asks of an event between two names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    /// `when did X meet Y`: the dates.
    When,
    /// `where did X meet Y`: the places.
    Where,
    /// `did X meet Y`: yes or no, with the evidence.
    Whether,
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
    /// `when did X meet Y`, `when did X call Y`, `when did X visit P`: the dates of the events;
    /// `where did X meet Y` their places, `did X meet Y` whether there were any.
    When {
        /// Who met, called or visited.
        who: Name,
        /// Which kind of event.
        event: Event,
        /// Whom or where.
        other: Name,
        /// When, where, or whether.
        ask: Ask,
    },
    /// `who met whom`, `who called whom`: every pair, once.
    Pairs {
        /// Meetings or calls.
        event: Event,
    },
    /// `who said anything about T`: speakers and their statements.
    Speakers,
    /// `who is the TITLE of X`: who holds a role of X.
    Holder {
        /// The title, as written (`president`, `foreign minister`).
        title: Name,
        /// What it is a role of (`Brazil`).
        of: Name,
    },
    /// `list documents`: the articles read.
    Documents,
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
    /// `count TYPE [that met X]`, `how many TYPE met X`, `how many TYPE did X visit`.
    Count {
        /// What is counted.
        what: TypeWord,
        /// `that VERB NAME`.
        that: Option<(RelationWord, Name)>,
        /// `how many TYPE did NAME VERB`: the name does the verb, the counted are its objects.
        agent_first: bool,
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

/// A number with a fractional part, `0.8`, in thousandths (so 0.8 is 800).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fraction {
    /// Its value in thousandths.
    pub thousandths: u64,
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
    /// `published since D`: a date modifier on the article's own date, not the event's.
    pub published: bool,
    /// The keyword and its argument.
    pub span: Span,
}

/// The argument of a modifier.
#[derive(Clone, Debug, PartialEq)]
pub enum FilterArg {
    /// `in`, `with`, `from source`.
    Name(Name),
    /// `about A and B` (every one), `about A or B` (`any`: one of them).
    Topics {
        /// The topics, at least one.
        topics: Vec<Name>,
        /// Joined by `or`.
        any: bool,
    },
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
    /// `from source "S"`: the article's id or title holds S.
    Source,
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
            FilterKind::Source => "from source",
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
    /// `(COND or COND ...)`: one of them.
    Any(Vec<Condition>),
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
    /// `within`: the place, or a place inside it.
    Within,
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
            Op::Within => "within",
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
    /// `0.8`.
    Fraction(Fraction),
    /// `whom.name`: another property of the same row.
    Property(Property),
}

impl Literal {
    /// Where.
    pub fn span(&self) -> Span {
        match self {
            Literal::Text(name) => name.span,
            Literal::Date(date) => date.span,
            Literal::Number(n) => n.span,
            Literal::Fraction(f) => f.span,
            Literal::Property(p) => p.span(),
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

mod print;
