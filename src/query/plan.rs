//! From a [`Pattern`] to a [`Plan`]: names resolved to nodes, labels and relation types checked,
//! conditions sorted into those on evidence and those on answers. The plan is the one form the
//! evaluator runs; questions reach it through their pattern (`lower.rs`).
//!
//! The patterns it accepts, each a shape the evaluator knows:
//! - a scan of relationships: `(a)-[r:TYPES]-(b)` with neither end named, one row a pair;
//! - a star: one or more parts `(NAMED)-[r:TYPES]-(x)` around one answer variable `x` (or an
//!   anonymous `()`), one row an answer;
//! - a scan: one node `(x:Label)` or `(x {name: "..."})`, one row a node;
//! - a neighbourhood: `(NAMED)-[r*1..N]-(x)`, one row a node within N hops;
//! - a path: `(NAMED)-[r*..N]-(NAMED)`, one row a hop of a shortest path;
//! - the documents: `(d:Document)`, one row an article.
//!
//! `plan/shape.rs` decides the shape, `plan/names.rs` resolves names and labels,
//! `plan/conditions.rs` sorts the `where` conditions, `plan/columns.rs` the returned columns.

mod columns;
mod conditions;
mod names;
mod shape;
#[cfg(test)]
mod tests;

use crate::graph::{DateHull, KnowledgeGraph, NodeId};
pub(super) use crate::model::Status;
use crate::model::{Date, EntityKind, RelationKind};
use crate::text::Span;

use super::ast::{Direction, Ident, Op, Pattern, Property};
use super::error::QueryError;
use super::places::Area;
pub(super) use super::topics::Term;

pub(super) use names::Chosen;

type Result<T> = std::result::Result<T, QueryError>;

/// A resolved pattern.
#[derive(Clone, Debug)]
pub(super) struct Plan {
    /// What is walked.
    pub shape: Shape,
    /// Conditions on the answer node.
    pub node_conditions: Vec<NodeCondition>,
    /// Conditions on the second node of a scan of relationships.
    pub second_conditions: Vec<NodeCondition>,
    /// The columns.
    pub columns: Vec<Column>,
    /// `order by`: the index of a column, and largest first.
    pub order: Option<(usize, bool)>,
    /// `limit`, at most [`MAX_ROWS`].
    pub limit: Option<usize>,
    /// Where an answer with more than [`MAX_ROWS`] rows and no `limit` is an error: the parts
    /// of the pattern.
    pub rows_span: Span,
    /// `return count(*)`: one row, the number of answers.
    pub count: bool,
    /// Rows that rest only on denied evidence are kept (the answer shows a status).
    pub keep_denied: bool,
    /// `a.name < b.name` between the two ends of a scan of relationships: each pair once.
    pub pair_order: Option<Op>,
    /// The entities the names of the pattern were taken to mean, in the order written.
    pub chosen: Vec<Chosen>,
}

/// The shapes of pattern the evaluator runs.
#[derive(Clone, Debug)]
pub(super) enum Shape {
    /// Answers reached from every anchor by one edge the filter accepts.
    Star(Star),
    /// Every relationship of some types.
    Pairs(Pairs),
    /// Nodes: these, or every node of the label.
    Scan {
        /// Named nodes (every candidate of an ambiguous name), or none for all.
        nodes: Option<Vec<NodeId>>,
        /// The label.
        kind: Option<EntityKind>,
    },
    /// Nodes within `max` hops of `from`, and `from` itself when `min` is 0.
    Neighbours {
        /// The centre.
        from: NodeId,
        /// The relations followed.
        kinds: Vec<RelationKind>,
        /// Which way, from the centre.
        direction: Direction,
        /// Fewest hops.
        min: u32,
        /// Most hops.
        max: u32,
        /// The label of the answers.
        kind: Option<EntityKind>,
    },
    /// The documents read, one row each.
    Documents(DocumentFilter),
    /// A shortest path; of no hops when both ends are one node (only `*0..` allows that).
    Path {
        /// One end.
        from: NodeId,
        /// The other end.
        to: NodeId,
        /// The relations it may use.
        kinds: Vec<RelationKind>,
        /// Which way, from `from` towards `to` (symmetric relations go either way).
        direction: Direction,
        /// Most hops.
        max: u32,
    },
}

/// Every relationship of some types, one row a pair of ends, `(a)-[r]-(b)`.
#[derive(Clone, Debug)]
pub(super) struct Pairs {
    /// The relations.
    pub kinds: Vec<RelationKind>,
    /// Which way, from the left node to the right one.
    pub direction: Direction,
    /// The label of the left node.
    pub left: Option<EntityKind>,
    /// The label of the right node.
    pub right: Option<EntityKind>,
    /// Which evidence counts.
    pub filter: EvidenceFilter,
}

/// The star shape.
#[derive(Clone, Debug)]
pub(super) struct Star {
    /// One arm a part.
    pub arms: Vec<Arm>,
    /// The label of the answer node.
    pub kind: Option<EntityKind>,
    /// One row a topic of the evidence rather than a node at the far end.
    pub by_topic: bool,
    /// Which evidence counts.
    pub filter: EvidenceFilter,
}

/// Conditions on the documents of `list documents`.
#[derive(Clone, Debug, Default)]
pub(super) struct DocumentFilter {
    /// `d.date OP D`.
    pub dates: Vec<DateCondition>,
    /// `d.source = "S"`: folded text the id or title must hold.
    pub source: Vec<String>,
}

/// One part of a star: from a named node along some relations.
#[derive(Clone, Debug)]
pub(super) struct Arm {
    /// The named node.
    pub anchor: NodeId,
    /// The places within a named place that VISITED leads to: walked as the anchor is.
    pub within: Vec<NodeId>,
    /// The relations.
    pub kinds: Vec<RelationKind>,
    /// Which way, seen from the anchor.
    pub direction: Direction,
}

/// Conditions on one event (see `events.rs`): each holds when some sentence of the event
/// satisfies it, so that conditions read from different sentences of one meeting meet.
#[derive(Clone, Debug, Default)]
pub(super) struct EvidenceFilter {
    /// `"T" in r.topics`, one group a condition: a topic of the event is one of the group's
    /// terms (a group of several is `("A" in r.topics or "B" in r.topics)`).
    pub about: Vec<Vec<Term>>,
    /// `r.place = "P"`, `<>`, `within`.
    pub place: Vec<PlaceCondition>,
    /// `"Y" in r.with`: Y met one end of the edge in the event's document.
    pub with: Vec<NodeId>,
    /// Date conditions, all met by one date of the event.
    pub dates: Vec<DateCondition>,
    /// `r.published OP D`: the article's date.
    pub published: Vec<DateCondition>,
    /// `r.source = "S"`: folded text the article's id or title must hold.
    pub source: Vec<String>,
    /// `r.status = "..."` (true: some sentence has it) or `<>` (false: none has).
    pub status: Vec<(Status, bool)>,
    /// `r.role = "T"`: the folded title of a role, as its words' stems.
    pub role: Vec<Vec<String>>,
    /// `r.confidence >= 0.8`: the comparison and the value in thousandths, met by one
    /// sentence of the event.
    pub confidence: Vec<(Op, u64)>,
}

impl EvidenceFilter {
    /// True when no condition narrows the evidence: every sentence counts.
    pub fn is_empty(&self) -> bool {
        self.about.is_empty()
            && self.place.is_empty()
            && self.with.is_empty()
            && self.dates.is_empty()
            && self.published.is_empty()
            && self.source.is_empty()
            && self.status.is_empty()
            && self.role.is_empty()
            && self.confidence.is_empty()
    }
}

/// `r.place = "P"` (`within`: or a place inside P), or `<>` when `equal` is false.
#[derive(Clone, Debug)]
pub(super) struct PlaceCondition {
    /// The place named.
    pub area: Area,
    /// `within` rather than `=`.
    pub within: bool,
    /// `=` or `within` (true), `<>` (false).
    pub equal: bool,
}

impl PlaceCondition {
    /// Is a place, by its name as stored, the place named (or, for `within`, inside it)?
    pub fn admits(&self, graph: &KnowledgeGraph, place: &str) -> bool {
        if self.within {
            self.area.contains(graph, place)
        } else {
            self.area.is(place)
        }
    }

    /// Is a place node the place named (or, for `within`, inside it)?
    pub fn admits_node(&self, graph: &KnowledgeGraph, id: NodeId) -> bool {
        if self.within {
            self.area.contains_node(graph, id)
        } else {
            self.area.is_node(graph, id)
        }
    }
}

const STATUSES: [Status; 4] = [
    Status::Happened,
    Status::Reported,
    Status::Planned,
    Status::Denied,
];

/// `r.date OP D`, with D as its first and last day.
#[derive(Clone, Debug)]
pub(super) struct DateCondition {
    /// The operator.
    pub op: Op,
    /// The first day of D.
    pub first: Date,
    /// The last day of D.
    pub last: Date,
}

impl DateCondition {
    /// Does an event from `start` to `end` satisfy it?
    pub fn accepts(&self, start: Date, end: Date) -> bool {
        let (first, last) = (self.first, self.last);
        match self.op {
            Op::Ge => end >= first,
            Op::Gt => start > last,
            Op::Lt => start < first,
            Op::Le => start <= last,
            Op::Eq => start <= last && end >= first,
            Op::Ne | Op::Within => !(start <= last && end >= first),
        }
    }

    /// Could some event within these bounds satisfy it? False only when none can.
    pub fn may_accept(&self, hull: &DateHull) -> bool {
        let (first, last) = (self.first, self.last);
        match self.op {
            Op::Ge => hull.max_end >= first,
            Op::Gt => hull.max_start > last,
            Op::Lt => hull.min_start < first,
            Op::Le => hull.min_start <= last,
            Op::Eq => hull.min_start <= last && hull.max_end >= first,
            Op::Ne | Op::Within => true,
        }
    }
}

/// A condition on the answer node.
#[derive(Clone, Debug)]
pub(super) enum NodeCondition {
    /// `x.type`, `x.kind`, `x.name` compared to text.
    Text(NodeKey, Op, String),
    /// `x.mentions`, `x.degree`, ... compared to a number.
    Number(NodeKey, Op, u64),
    /// `x.name = "..."` (true) or `<>` (false): the nodes the name resolves to.
    Among(Vec<NodeId>, bool),
    /// `x.name within "P"`: the place, or one inside it.
    Within(Area),
}

/// The properties of a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum NodeKey {
    Name,
    Type,
    Kind,
    Roles,
    Aliases,
    Mentions,
    Degree,
    Docs,
    /// For a place: the country it is in.
    Country,
    /// The number of others joined to it by a relation.
    Count(RelationKind),
}

const NODE_KEYS: &[&str] = &[
    "name",
    "type",
    "kind",
    "roles",
    "aliases",
    "mentions",
    "degree",
    "docs",
    "country",
    "met",
    "called",
    "visited",
    "discussed",
    "said",
];

fn node_key(key: &str) -> Option<NodeKey> {
    Some(match key {
        "name" => NodeKey::Name,
        "type" => NodeKey::Type,
        "kind" => NodeKey::Kind,
        "roles" => NodeKey::Roles,
        "aliases" => NodeKey::Aliases,
        "mentions" => NodeKey::Mentions,
        "degree" => NodeKey::Degree,
        "docs" => NodeKey::Docs,
        "country" => NodeKey::Country,
        "met" => NodeKey::Count(RelationKind::Met),
        "called" => NodeKey::Count(RelationKind::Called),
        "visited" => NodeKey::Count(RelationKind::Visited),
        "discussed" => NodeKey::Count(RelationKind::Discussed),
        "said" => NodeKey::Count(RelationKind::Said),
        _ => return None,
    })
}

/// The properties of a relationship, over the evidence of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum EdgeKey {
    Topics,
    Place,
    Date,
    Status,
    Docs,
    With,
    Type,
    Hops,
    /// The countries of the places.
    Country,
    /// The dates of the articles.
    Published,
    /// The articles' ids.
    Source,
    /// For HOLDS_ROLE: the titles.
    Role,
    /// The extractor's confidence in a sentence (0 to 1).
    Confidence,
}

const EDGE_KEYS: &[&str] = &[
    "topics",
    "place",
    "date",
    "status",
    "docs",
    "with",
    "type",
    "hops",
    "country",
    "published",
    "source",
    "role",
    "confidence",
];

fn edge_key(key: &str) -> Option<EdgeKey> {
    Some(match key {
        "topics" => EdgeKey::Topics,
        "place" => EdgeKey::Place,
        "date" => EdgeKey::Date,
        "status" => EdgeKey::Status,
        "docs" => EdgeKey::Docs,
        "with" => EdgeKey::With,
        "type" => EdgeKey::Type,
        "hops" => EdgeKey::Hops,
        "country" => EdgeKey::Country,
        "published" => EdgeKey::Published,
        "source" => EdgeKey::Source,
        "role" => EdgeKey::Role,
        "confidence" => EdgeKey::Confidence,
        _ => return None,
    })
}

/// One column of the answer.
#[derive(Clone, Debug)]
pub(super) struct Column {
    /// Its header.
    pub name: String,
    /// What fills it.
    pub value: ColumnValue,
}

/// What fills a column.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum ColumnValue {
    /// The answer itself (a node, or a topic).
    Answer,
    /// A property of the answer node.
    AnswerProperty(NodeKey),
    /// The second node of a scan of relationships.
    Second,
    /// A property of the second node.
    SecondProperty(NodeKey),
    /// A named node of the pattern.
    Fixed(NodeId),
    /// A property of a named node.
    FixedProperty(NodeId, NodeKey),
    /// A property of the relationship, over the row's evidence.
    Edge(EdgeKey),
    /// The hops of a path: three columns, from, relation, to.
    Hops,
    /// `count(*)`.
    Count,
    /// A property of a document of `list documents`.
    Document(DocumentKey),
}

/// The properties of a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DocumentKey {
    /// Its id (the file name or the record's id).
    Id,
    /// The article's date.
    Date,
    /// Its title.
    Title,
    /// How many sentences of it the graph keeps as evidence.
    Relations,
}

const DOCUMENT_KEYS: &[&str] = &["id", "date", "title", "source", "relations"];

fn document_key(key: &str) -> Option<DocumentKey> {
    Some(match key {
        "id" | "source" => DocumentKey::Id,
        "date" => DocumentKey::Date,
        "title" => DocumentKey::Title,
        "relations" => DocumentKey::Relations,
        _ => return None,
    })
}

/// The most hops of a variable-length relationship whose range has no end (`*1..`), and of a
/// path question without `max`.
pub(super) const DEFAULT_MAX_HOPS: u32 = 6;

/// Who can meet, travel, discuss and speak.
const AGENTS: &[EntityKind] = &[EntityKind::Person, EntityKind::Organization];
/// What can be visited.
const PLACES: &[EntityKind] = &[EntityKind::Place];

/// Resolves a pattern against the graph.
pub(super) fn plan(graph: &KnowledgeGraph, pattern: &Pattern) -> Result<Plan> {
    shape::plan_with(&mut names::Names::new(graph), pattern)
}

pub(super) fn key_error(key: &Ident, what: &str, keys: &[&str]) -> QueryError {
    let error = QueryError::new(
        format!("{what} has no property `{}`", key.text),
        key.span,
        "unknown property",
    );
    match names::closest(&key.text, keys) {
        Some(best) => error.with_help(format!("did you mean `{best}`?")),
        None => error.with_help(format!(
            "the properties are {}",
            keys.iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

pub(super) fn node_property(property: &Property) -> Result<NodeKey> {
    node_key(&property.key.text).ok_or_else(|| key_error(&property.key, "a node", NODE_KEYS))
}

pub(super) fn edge_property(property: &Property) -> Result<EdgeKey> {
    edge_key(&property.key.text)
        .ok_or_else(|| key_error(&property.key, "a relationship", EDGE_KEYS))
}
