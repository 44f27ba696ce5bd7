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
//! - a path: `(NAMED)-[r*..N]-(NAMED)`, one row a hop of a shortest path.

use rustc_hash::FxHashMap;

use crate::graph::{KnowledgeGraph, NodeId, Resolution};
pub(super) use crate::model::Status;
use crate::model::{Date, EntityKind, RelationKind};
use crate::names::normalize;
use crate::text::Span;

use super::ast::{
    Condition, Direction, Expr, Ident, Literal, Name, NodePattern, Op, Pattern, Property,
    RelPattern,
};
use super::error::{QueryError, or_list};
use super::{MAX_COLUMNS, MAX_ROWS};

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

/// One part of a star: from a named node along some relations.
#[derive(Clone, Debug)]
pub(super) struct Arm {
    /// The named node.
    pub anchor: NodeId,
    /// The relations.
    pub kinds: Vec<RelationKind>,
    /// Which way, seen from the anchor.
    pub direction: Direction,
}

/// Conditions on one evidence sentence.
#[derive(Clone, Debug, Default)]
pub(super) struct EvidenceFilter {
    /// `"T" in r.topics`: a topic of the sentence is T (for a quote: or the quote mentions T).
    pub about: Vec<Term>,
    /// `r.place = "P"` (true) or `<>` (false).
    pub place: Vec<(Term, bool)>,
    /// `"Y" in r.with`: the same sentence says that Y met one end of the edge.
    pub with: Vec<NodeId>,
    /// Date conditions.
    pub dates: Vec<DateCondition>,
    /// `r.status = "..."` (true) or `<>` (false).
    pub status: Vec<(Status, bool)>,
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
            Op::Ne => !(start <= last && end >= first),
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
}

const EDGE_KEYS: &[&str] = &[
    "topics", "place", "date", "status", "docs", "with", "type", "hops",
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
}

/// A topic or place the user named, as the set of folded names that match it.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Term {
    /// A known entity (or several, when the name is ambiguous): a topic matches when it folds to
    /// one of their names or aliases.
    Known(Vec<String>),
    /// Not an entity of the graph ("climate change" may be only a topic phrase): a topic
    /// matches when these folded words occur in it, whole words only.
    Words(String),
}

impl Term {
    /// Does a topic or place name, as stored in evidence, match?
    pub fn matches(&self, name: &str) -> bool {
        let folded = normalize(name);
        match self {
            Term::Known(names) => names.contains(&folded),
            Term::Words(words) => contains_words(&folded, words),
        }
    }

    /// Does a longer text (a quote) mention the term?
    pub fn mentioned_in(&self, text: &str) -> bool {
        let folded = normalize(text);
        match self {
            Term::Known(names) => names.iter().any(|n| contains_words(&folded, n)),
            Term::Words(words) => contains_words(&folded, words),
        }
    }
}

/// True when the folded `words` occur in the folded `text` as whole words.
fn contains_words(text: &str, words: &str) -> bool {
    !words.is_empty() && format!(" {text} ").contains(&format!(" {words} "))
}

/// The most hops of a variable-length relationship whose range has no end (`*1..`), and of a
/// path question without `max`.
pub(super) const DEFAULT_MAX_HOPS: u32 = 6;

/// Who can meet, travel, discuss and speak.
const AGENTS: &[EntityKind] = &[EntityKind::Person, EntityKind::Organization];
/// What can be visited.
const PLACES: &[EntityKind] = &[EntityKind::Place];

/// The variables of a pattern, by role.
#[derive(Default)]
struct Vars<'p> {
    /// The answer variable and its label.
    answer: Option<&'p str>,
    /// The relationship variables.
    edges: Vec<&'p str>,
    /// The second answer variable of a scan of relationships, `(a)-[r]-(b)`.
    second: Option<&'p str>,
    /// Named nodes' variables, with the node.
    fixed: Vec<(&'p str, NodeId)>,
}

/// The graph's names as one pattern asks for them: each distinct name is resolved once, however
/// often the pattern repeats it (`who met Reagan and Reagan and ...`).
struct Names<'g> {
    graph: &'g KnowledgeGraph,
    /// Name as written -> how it resolved.
    seen: FxHashMap<String, Resolution>,
}

impl<'g> Names<'g> {
    fn new(graph: &'g KnowledgeGraph) -> Names<'g> {
        Names {
            graph,
            seen: FxHashMap::default(),
        }
    }

    fn resolve(&mut self, name: &str) -> Resolution {
        if let Some(known) = self.seen.get(name) {
            return known.clone();
        }
        let resolution = self.graph.resolve(name);
        self.seen.insert(name.to_string(), resolution.clone());
        resolution
    }
}

/// Resolves a pattern against the graph.
pub(super) fn plan(graph: &KnowledgeGraph, pattern: &Pattern) -> Result<Plan> {
    plan_with(&mut Names::new(graph), pattern)
}

fn plan_with(names: &mut Names<'_>, pattern: &Pattern) -> Result<Plan> {
    few_columns(pattern)?;
    let mut vars = Vars::default();
    let mut shape = None;
    let mut answer_kind: Option<EntityKind> = None;
    let mut arms = Vec::new();
    let mut by_topic = false;

    let first_is_topics = matches!(
        pattern.items.first().map(|i| &i.expr),
        Some(Expr::Property(p)) if p.key.text == "topics"
    );

    // Labels, relation types and hop ranges first, so that the first mistake in the text is the
    // one shown.
    for part in &pattern.parts {
        label(part.left.label.as_ref())?;
        if let Some((rel, right)) = &part.right {
            relation_types(rel)?;
            if let Some(hops) = rel.hops {
                let max = hops.max.unwrap_or(DEFAULT_MAX_HOPS);
                if max == 0 {
                    return Err(QueryError::new(
                        "a path or a neighbourhood needs at least one hop",
                        hops.span,
                        "zero hops",
                    )
                    .with_help("use 1 or more"));
                }
                if hops.min > max {
                    return Err(QueryError::new(
                        "no number of hops fits this range",
                        hops.span,
                        "empty range",
                    )
                    .with_help("write a range such as `*1..3`"));
                }
            }
            label(right.label.as_ref())?;
        }
    }
    for part in &pattern.parts {
        let Some((rel, right)) = &part.right else {
            if pattern.parts.len() > 1 {
                return Err(unsupported(
                    part.left.span,
                    "a lone node must be the only part of a pattern",
                ));
            }
            let kind = label(part.left.label.as_ref())?;
            let nodes = match &part.left.name {
                Some(name) => Some(match names.resolve(&name.text) {
                    Resolution::One(id) => vec![id],
                    Resolution::Ambiguous(ids) => ids,
                    Resolution::Unknown(suggestions) => return Err(unknown(name, &suggestions)),
                }),
                None => None,
            };
            if let Some(v) = &part.left.var {
                vars.answer = Some(&v.text);
            }
            shape = Some(Shape::Scan { nodes, kind });
            continue;
        };
        let kinds = relation_types(rel)?;
        if let Some(v) = &rel.var {
            vars.edges.push(&v.text);
        }
        // Which end is named?
        let (anchor, free, direction) = match (&part.left.name, &right.name) {
            (Some(_), None) => (&part.left, right, rel.direction),
            (None, Some(_)) => (right, &part.left, flip(rel.direction)),
            (Some(_), Some(_)) => {
                let Some(hops) = rel.hops else {
                    return Err(unsupported(
                        rel.span,
                        "a relationship between two named nodes must be variable-length (`*..4`): it asks for a path",
                    ));
                };
                if pattern.parts.len() > 1 {
                    return Err(unsupported(
                        rel.span,
                        "a path must be the only part of a pattern",
                    ));
                }
                if hops.min > 1 {
                    return Err(unsupported(
                        hops.span,
                        "a path between two named nodes is the shortest one: its range sets the \
                         most hops (`*..4`), and `*0..4` also lets the two names be one entity",
                    ));
                }
                let from = entity(names, &part.left, AGENTS)?;
                let to = entity(names, right, AGENTS)?;
                if from == to && hops.min > 0 {
                    let (right_name, left_name) = (&right.name, &part.left.name);
                    let span = right_name.as_ref().map_or(right.span, |n| n.span);
                    let first = left_name.as_ref().map_or("", |n| n.text.as_str());
                    return Err(QueryError::new(
                        "a path joins two entities, and both names are one",
                        span,
                        format!("the same entity as `{first}`"),
                    )
                    .with_help(
                        "name two entities; in a pattern, `*0..` accepts the path of no hops \
                         from an entity to itself",
                    ));
                }
                if let Some(v) = &part.left.var {
                    vars.fixed.push((&v.text, from));
                }
                if let Some(v) = &right.var {
                    vars.fixed.push((&v.text, to));
                }
                shape = Some(Shape::Path {
                    from,
                    to,
                    kinds,
                    direction: rel.direction,
                    max: hops.max.unwrap_or(DEFAULT_MAX_HOPS),
                });
                continue;
            }
            (None, None) => {
                if pattern.parts.len() > 1 || rel.hops.is_some() {
                    return Err(unsupported(
                        part.left.span,
                        "a relationship between two unnamed nodes must be the only part, of one hop; \
                         elsewhere each part needs a named node: `(x)-[:MET]-({name: \"Kerry\"})`",
                    ));
                }
                if let (Some(a), Some(b)) = (&part.left.var, &right.var)
                    && a.text == b.text
                {
                    return Err(unsupported(b.span, "the two ends need two variables"));
                }
                vars.answer = part.left.var.as_ref().map(|v| v.text.as_str());
                vars.second = right.var.as_ref().map(|v| v.text.as_str());
                shape = Some(Shape::Pairs(Pairs {
                    kinds,
                    direction: rel.direction,
                    left: label(part.left.label.as_ref())?,
                    right: label(right.label.as_ref())?,
                    filter: EvidenceFilter::default(),
                }));
                continue;
            }
        };
        let expected = match (kinds.as_slice(), direction) {
            ([RelationKind::Visited], Direction::Left) => PLACES,
            _ => AGENTS,
        };
        let id = entity(names, anchor, expected)?;
        if let Some(v) = &anchor.var {
            vars.fixed.push((&v.text, id));
        }
        if let Some(v) = &free.var {
            if vars.answer.is_some_and(|a| a != v.text) {
                return Err(unsupported(
                    v.span,
                    "every part must lead to the same answer variable",
                ));
            }
            vars.answer = Some(&v.text);
        }
        if let Some(l) = label(free.label.as_ref())? {
            answer_kind = Some(l);
        }
        if let Some(hops) = rel.hops {
            if pattern.parts.len() > 1 {
                return Err(unsupported(
                    rel.span,
                    "a variable-length relationship must be the only part of a pattern",
                ));
            }
            shape = Some(Shape::Neighbours {
                from: id,
                kinds,
                direction,
                min: hops.min,
                max: hops.max.unwrap_or(DEFAULT_MAX_HOPS),
                kind: answer_kind,
            });
            continue;
        }
        by_topic = first_is_topics;
        // A part written twice asks nothing more.
        if !arms
            .iter()
            .any(|a: &Arm| a.anchor == id && a.kinds == kinds && a.direction == direction)
        {
            arms.push(Arm {
                anchor: id,
                kinds,
                direction,
            });
        }
    }
    let shape = match shape {
        Some(shape) => shape,
        None => Shape::Star(Star {
            arms,
            kind: answer_kind,
            by_topic,
            filter: EvidenceFilter::default(),
        }),
    };
    let mut plan = Plan {
        shape,
        node_conditions: Vec::new(),
        second_conditions: Vec::new(),
        columns: Vec::new(),
        order: None,
        limit: None,
        rows_span: parts_span(pattern),
        count: false,
        keep_denied: false,
    };
    conditions(names, pattern, &vars, &mut plan)?;
    columns(pattern, &vars, &mut plan)?;
    if let Some(limit) = &pattern.limit {
        if limit.value == 0 {
            return Err(
                QueryError::new("a limit of 0 leaves nothing to show", limit.span, "zero")
                    .with_help("use a limit of 1 or more, or leave it out"),
            );
        }
        if limit.value > MAX_ROWS as u64 {
            return Err(QueryError::new(
                format!("too many rows: at most {MAX_ROWS}"),
                limit.span,
                "above the most rows an answer holds",
            )
            .with_help(format!(
                "ask for {MAX_ROWS} or fewer; a count (`count people`, `return count(*)`) has no limit"
            )));
        }
        plan.limit = Some(usize::try_from(limit.value).unwrap_or(MAX_ROWS));
    }
    Ok(plan)
}

/// Where a pattern's matches are asked for: its parts (for a question, the whole question).
fn parts_span(pattern: &Pattern) -> Span {
    let first = pattern.parts.first().map(|p| p.left.span);
    let last = pattern
        .parts
        .last()
        .map(|p| p.right.as_ref().map_or(p.left.span, |(_, node)| node.span));
    match (first, last) {
        (Some(first), Some(last)) => {
            Span::new(first.start.min(last.start), first.end.max(last.end))
        }
        _ => pattern.span,
    }
}

/// At most [`MAX_COLUMNS`] columns: the first item past the limit and all after it are the
/// offending part.
fn few_columns(pattern: &Pattern) -> Result<()> {
    let (Some(first), Some(last)) = (pattern.items.get(MAX_COLUMNS), pattern.items.last()) else {
        return Ok(());
    };
    let end = last
        .alias
        .as_ref()
        .map_or(last.expr.span().end, |a| a.span.end);
    Err(QueryError::new(
        format!("too many columns: at most {MAX_COLUMNS}"),
        Span::new(first.expr.span().start, end.max(first.expr.span().end)),
        match pattern.items.len() {
            n if n == MAX_COLUMNS + 1 => format!("column {n}"),
            n => format!("columns {} to {n}", MAX_COLUMNS + 1),
        },
    )
    .with_help("return fewer columns, or ask for the rest in another query"))
}

fn flip(direction: Direction) -> Direction {
    match direction {
        Direction::Left => Direction::Right,
        Direction::Right => Direction::Left,
        Direction::Both => Direction::Both,
    }
}

fn unsupported(span: Span, what: &str) -> QueryError {
    QueryError::new(format!("unsupported pattern: {what}"), span, "here")
}

/// Did-you-mean among a list of words.
fn closest<'a>(word: &str, among: &[&'a str]) -> Option<&'a str> {
    among
        .iter()
        .map(|w| {
            (
                strsim::jaro_winkler(&word.to_lowercase(), &w.to_lowercase()),
                *w,
            )
        })
        .filter(|(score, _)| *score >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, w)| w)
}

fn label(label: Option<&Ident>) -> Result<Option<EntityKind>> {
    let Some(label) = label else {
        return Ok(None);
    };
    if let Some(kind) = EntityKind::ALL
        .into_iter()
        .find(|k| k.as_str().eq_ignore_ascii_case(&label.text))
    {
        return Ok(Some(kind));
    }
    let names: Vec<&str> = EntityKind::ALL.iter().map(|k| k.as_str()).collect();
    let mut error = QueryError::new(
        format!("unknown type `{}`", label.text),
        label.span,
        "not a type",
    );
    error = match closest(&label.text, &names) {
        Some(best) => error.with_help(format!("did you mean `{best}`?")),
        None => error.with_help(format!(
            "the types are {}",
            or_list(&names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>())
        )),
    };
    Err(error)
}

fn relation_types(rel: &RelPattern) -> Result<Vec<RelationKind>> {
    if rel.types.is_empty() {
        return Ok(RelationKind::ALL.to_vec());
    }
    let mut kinds = Vec::new();
    for t in &rel.types {
        match RelationKind::parse(&t.text) {
            Some(kind) => {
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
            None => {
                let names: Vec<&str> = RelationKind::ALL.iter().map(|k| k.as_str()).collect();
                let error = QueryError::new(
                    format!("unknown relation type `{}`", t.text),
                    t.span,
                    "not a relation type",
                );
                return Err(match closest(&t.text, &names) {
                    Some(best) => error.with_help(format!("did you mean `{best}`?")),
                    None => error.with_help(format!(
                        "the relation types are {}",
                        or_list(&names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>())
                    )),
                });
            }
        }
    }
    Ok(kinds)
}

/// The one node a named node pattern stands for, or an error under the name.
///
/// An ambiguous name is settled by the node's label, else by the kind of thing its place
/// needs, when that leaves one candidate: `who visited Jordan` means the country, `who met
/// Jordan` the person; or by how much more one candidate is mentioned than the others. A node of
/// another kind is still accepted when the name is not ambiguous, since the extractor's typing
/// is not infallible and the edges decide the answer anyway.
fn entity(names: &mut Names<'_>, node: &NodePattern, expected: &[EntityKind]) -> Result<NodeId> {
    let graph = names.graph;
    let Some(name) = &node.name else {
        return Err(unsupported(node.span, "this node needs a name"));
    };
    let wanted = label(node.label.as_ref())?;
    let expected: Vec<EntityKind> = wanted.map_or_else(|| expected.to_vec(), |k| vec![k]);
    match names.resolve(&name.text) {
        Resolution::One(id) => Ok(id),
        Resolution::Ambiguous(ids) => {
            let fitting: Vec<NodeId> = ids
                .iter()
                .copied()
                .filter(|&id| expected.contains(&graph.node(id).kind))
                .collect();
            if let [one] = fitting[..] {
                return Ok(one);
            }
            // One candidate far more talked about than the next is what the user means: a
            // stray namesake must not make "who met Kerry" unanswerable. Candidates come
            // ranked by mentions.
            if let [first, second, ..] = fitting[..] {
                let (a, b) = (graph.node(first).mentions, graph.node(second).mentions);
                if a >= 3 && a >= 3 * b {
                    return Ok(first);
                }
            }
            let ids = if fitting.is_empty() { ids } else { fitting };
            let candidates: Vec<String> = ids
                .iter()
                .map(|&id| {
                    let node = graph.node(id);
                    format!("`{}` ({})", node.name, node.kind)
                })
                .collect();
            Err(QueryError::new(
                format!("`{}` names {} entities", name.text, ids.len()),
                name.span,
                "ambiguous name",
            )
            .with_help(format!("did you mean {}?", or_list(&candidates))))
        }
        Resolution::Unknown(suggestions) => Err(unknown(name, &suggestions)),
    }
}

fn unknown(name: &Name, suggestions: &[String]) -> QueryError {
    let error = QueryError::new(
        format!("no entity named `{}`", name.text),
        name.span,
        "not in the graph",
    );
    let words: Vec<&str> = name.text.split(' ').collect();
    if let [.., before, as_, format] = words[..]
        && as_.eq_ignore_ascii_case("as")
        && !before.is_empty()
    {
        return error.with_help(format!(
            "`as {format}` is no output format: write `as table`, `as json`, `as csv` or `as dot`"
        ));
    }
    if suggestions.is_empty() {
        return error;
    }
    let quoted: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
    error.with_help(format!("did you mean {}?", or_list(&quoted)))
}

/// A topic or place: the entities it names, or its words when it names none. Never an error,
/// since topics need not be entities.
fn term(graph: &KnowledgeGraph, name: &Name) -> Term {
    let ids = match graph.lookup(&name.text) {
        Resolution::One(id) => vec![id],
        Resolution::Ambiguous(ids) => ids,
        Resolution::Unknown(_) => return Term::Words(normalize(&name.text)),
    };
    let mut names = vec![normalize(&name.text)];
    for id in ids {
        let node = graph.node(id);
        names.push(normalize(&node.name));
        names.extend(node.aliases.iter().map(|a| normalize(a)));
    }
    names.sort();
    names.dedup();
    Term::Known(names)
}

/// Which variable a property is on.
enum On {
    Answer,
    Second,
    Edge,
    Fixed(NodeId),
}

fn on(vars: &Vars<'_>, var: &Ident) -> Result<On> {
    if vars.answer == Some(var.text.as_str()) {
        return Ok(On::Answer);
    }
    if vars.second == Some(var.text.as_str()) {
        return Ok(On::Second);
    }
    if vars.edges.contains(&var.text.as_str()) {
        return Ok(On::Edge);
    }
    if let Some((_, id)) = vars.fixed.iter().find(|(v, _)| *v == var.text) {
        return Ok(On::Fixed(*id));
    }
    let mut known: Vec<&str> = vars.answer.into_iter().chain(vars.second).collect();
    known.extend(&vars.edges);
    known.extend(vars.fixed.iter().map(|(v, _)| *v));
    let error = QueryError::new(
        format!("unknown variable `{}`", var.text),
        var.span,
        "not in the pattern",
    );
    Err(match closest(&var.text, &known) {
        Some(best) => error.with_help(format!("did you mean `{best}`?")),
        None if known.is_empty() => {
            error.with_help("name a node or relationship in the pattern, as in `(p)` or `-[m]-`")
        }
        None => error.with_help(format!(
            "the pattern names {}",
            or_list(&known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>())
        )),
    })
}

fn key_error(key: &Ident, what: &str, keys: &[&str]) -> QueryError {
    let error = QueryError::new(
        format!("{what} has no property `{}`", key.text),
        key.span,
        "unknown property",
    );
    match closest(&key.text, keys) {
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

fn node_property(property: &Property) -> Result<NodeKey> {
    node_key(&property.key.text).ok_or_else(|| key_error(&property.key, "a node", NODE_KEYS))
}

fn edge_property(property: &Property) -> Result<EdgeKey> {
    edge_key(&property.key.text)
        .ok_or_else(|| key_error(&property.key, "a relationship", EDGE_KEYS))
}

fn literal_text(value: &Literal) -> Option<&Name> {
    match value {
        Literal::Text(name) => Some(name),
        _ => None,
    }
}

fn needs(value: &Literal, what: &str) -> QueryError {
    QueryError::new(
        format!("expected {what} here"),
        value.span(),
        "wrong kind of value",
    )
}

fn conditions(
    names: &mut Names<'_>,
    pattern: &Pattern,
    vars: &Vars<'_>,
    plan: &mut Plan,
) -> Result<()> {
    let graph = names.graph;
    let mut filter = EvidenceFilter::default();
    for condition in &pattern.conditions {
        let (property, op, value, member) = match condition {
            Condition::Compare {
                property,
                op,
                value,
            } => (property, *op, value, false),
            Condition::In { value, property } => (property, Op::Eq, value, true),
        };
        match on(vars, &property.var)? {
            On::Edge => {
                if !matches!(plan.shape, Shape::Star(_) | Shape::Pairs(_)) {
                    return Err(unsupported(
                        property.span(),
                        "conditions on a relationship are for single-hop patterns",
                    ));
                }
                let key = edge_property(property)?;
                let list_key = matches!(key, EdgeKey::Topics | EdgeKey::With);
                if member != list_key {
                    let help = if list_key {
                        format!(
                            "`{}` is a list: write `\"...\" in {property}`",
                            property.key.text
                        )
                    } else {
                        format!("compare it: `{property} = ...`")
                    };
                    return Err(QueryError::new(
                        format!("`{property}` cannot be used this way"),
                        property.span(),
                        if list_key { "a list" } else { "a single value" },
                    )
                    .with_help(help));
                }
                match key {
                    EdgeKey::Topics => {
                        let name =
                            literal_text(value).ok_or_else(|| needs(value, "a quoted topic"))?;
                        filter.about.push(term(graph, name));
                    }
                    EdgeKey::With => {
                        let name =
                            literal_text(value).ok_or_else(|| needs(value, "a quoted name"))?;
                        let node = NodePattern {
                            var: None,
                            label: None,
                            name: Some(name.clone()),
                            span: name.span,
                        };
                        let id = entity(names, &node, AGENTS).map_err(|e| {
                            if name.text.eq_ignore_ascii_case("evidence") {
                                e.with_help(
                                    "to see the evidence, end the question with `with evidence`",
                                )
                            } else {
                                e
                            }
                        })?;
                        filter.with.push(id);
                    }
                    EdgeKey::Place => {
                        let name =
                            literal_text(value).ok_or_else(|| needs(value, "a quoted place"))?;
                        if !matches!(op, Op::Eq | Op::Ne) {
                            return Err(needs(value, "`=` or `<>` before a place"));
                        }
                        filter.place.push((term(graph, name), op == Op::Eq));
                    }
                    EdgeKey::Status => {
                        let name =
                            literal_text(value).ok_or_else(|| needs(value, "a quoted status"))?;
                        let status = STATUSES
                            .into_iter()
                            .find(|s| s.as_str().eq_ignore_ascii_case(&name.text))
                            .ok_or_else(|| {
                                QueryError::new(
                                    format!("unknown status `{}`", name.text),
                                    name.span,
                                    "not a status",
                                )
                                .with_help("the statuses are `happened`, `reported`, `planned` and `denied`")
                            })?;
                        if !matches!(op, Op::Eq | Op::Ne) {
                            return Err(needs(value, "`=` or `<>` before a status"));
                        }
                        filter.status.push((status, op == Op::Eq));
                        plan.keep_denied = true;
                    }
                    EdgeKey::Date => {
                        let (first, last) = match value {
                            Literal::Date(date) => (date.first_day(), date.last_day()),
                            Literal::Number(n) if (1000..=9999).contains(&n.value) => {
                                (format!("{}-01-01", n.value), format!("{}-12-31", n.value))
                            }
                            _ => return Err(needs(value, "a date such as `2016-03-24`")),
                        };
                        let day = |iso: String| {
                            iso.parse::<Date>()
                                .map_err(|_| needs(value, "a date such as `2016-03-24`"))
                        };
                        let (first, last) = (day(first)?, day(last)?);
                        filter.dates.push(DateCondition { op, first, last });
                    }
                    _ => {
                        return Err(unsupported(
                            property.span(),
                            "conditions on this property are not supported",
                        ));
                    }
                }
            }
            side @ (On::Answer | On::Second) => {
                let key = node_property(property)?;
                let condition = match (key, value) {
                    // A name means what it means everywhere: through aliases and surnames.
                    (NodeKey::Name, Literal::Text(name)) if matches!(op, Op::Eq | Op::Ne) => {
                        let ids = match names.resolve(&name.text) {
                            Resolution::One(id) => vec![id],
                            Resolution::Ambiguous(ids) => ids,
                            Resolution::Unknown(suggestions) => {
                                return Err(unknown(name, &suggestions));
                            }
                        };
                        NodeCondition::Among(ids, op == Op::Eq)
                    }
                    (NodeKey::Name | NodeKey::Type | NodeKey::Kind, Literal::Text(text)) => {
                        NodeCondition::Text(key, op, normalize(&text.text))
                    }
                    (
                        NodeKey::Mentions | NodeKey::Degree | NodeKey::Docs | NodeKey::Count(_),
                        Literal::Number(n),
                    ) => NodeCondition::Number(key, op, n.value),
                    (NodeKey::Name | NodeKey::Type | NodeKey::Kind, _) => {
                        return Err(needs(value, "a quoted text"));
                    }
                    (NodeKey::Roles | NodeKey::Aliases, _) => {
                        return Err(unsupported(
                            property.span(),
                            "conditions on roles and aliases are not supported",
                        ));
                    }
                    _ => return Err(needs(value, "a number")),
                };
                if member {
                    return Err(QueryError::new(
                        format!("`{property}` is not a list"),
                        property.span(),
                        "a single value",
                    )
                    .with_help(format!("compare it: `{property} = ...`")));
                }
                if matches!(side, On::Second) {
                    plan.second_conditions.push(condition);
                } else {
                    plan.node_conditions.push(condition);
                }
            }
            On::Fixed(_) => {
                return Err(unsupported(
                    property.span(),
                    "conditions on a named node (it is already one node)",
                ));
            }
        }
    }
    match &mut plan.shape {
        Shape::Star(star) => star.filter = filter,
        Shape::Pairs(pairs) => pairs.filter = filter,
        _ => {}
    }
    Ok(())
}

fn columns(pattern: &Pattern, vars: &Vars<'_>, plan: &mut Plan) -> Result<()> {
    let path = matches!(plan.shape, Shape::Path { .. });
    for item in &pattern.items {
        let (name, value) = match &item.expr {
            Expr::CountAll(_) => {
                plan.count = true;
                ("count".to_string(), ColumnValue::Count)
            }
            Expr::Var(v) => {
                let value = match on(vars, v)? {
                    On::Answer => ColumnValue::Answer,
                    On::Second => ColumnValue::Second,
                    On::Fixed(id) => ColumnValue::Fixed(id),
                    On::Edge if path => ColumnValue::Hops,
                    On::Edge => {
                        return Err(QueryError::new(
                            format!("`{}` is a relationship: return its properties", v.text),
                            v.span,
                            "a relationship",
                        )
                        .with_help(format!("for example `{0}.date, {0}.status`", v.text)));
                    }
                };
                (v.text.clone(), value)
            }
            Expr::Property(p) => {
                let value = match on(vars, &p.var)? {
                    On::Answer => ColumnValue::AnswerProperty(node_property(p)?),
                    On::Second => ColumnValue::SecondProperty(node_property(p)?),
                    On::Fixed(id) => ColumnValue::FixedProperty(id, node_property(p)?),
                    On::Edge => {
                        let key = edge_property(p)?;
                        if key == EdgeKey::Hops && !matches!(plan.shape, Shape::Neighbours { .. }) {
                            return Err(unsupported(
                                p.span(),
                                "`hops` is known for a variable-length relationship only",
                            ));
                        }
                        ColumnValue::Edge(key)
                    }
                };
                (p.key.text.clone(), value)
            }
        };
        // `return d.topics as what, ...`: one row a topic, the topic first.
        let by_topic = matches!(&plan.shape, Shape::Star(star) if star.by_topic);
        let value = if by_topic && plan.columns.is_empty() {
            ColumnValue::Answer
        } else {
            value
        };
        let name = item.alias.as_ref().map_or(name, |a| a.text.clone());
        if value == ColumnValue::Edge(EdgeKey::Status) {
            plan.keep_denied = true;
        }
        plan.columns.push(Column { name, value });
    }
    if plan.count && plan.columns.len() > 1 {
        return Err(unsupported(
            pattern.items[1].expr.span(),
            "`count(*)` must be returned alone",
        ));
    }
    if path && plan.columns.iter().any(|c| c.value != ColumnValue::Hops) {
        return Err(unsupported(
            pattern.span,
            "a path returns its relationship variable only: `return r`",
        ));
    }
    if let Some(order) = &pattern.order {
        let wanted = order.expr.to_string();
        let index = pattern
            .items
            .iter()
            .position(|item| {
                item.expr.to_string() == wanted
                    || item.alias.as_ref().is_some_and(|a| a.text == wanted)
            })
            .ok_or_else(|| {
                QueryError::new(
                    format!("`order by {wanted}` names no returned column"),
                    order.expr.span(),
                    "not returned",
                )
                .with_help(format!("add `{wanted}` to `return`"))
            })?;
        plan.order = Some((index, order.descending));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> KnowledgeGraph {
        let lexicon = crate::lexicon::Lexicon::builtin();
        let mut graph = KnowledgeGraph::new();
        for doc in crate::sample::documents() {
            let extraction = crate::extract::extract(&doc, lexicon);
            graph.add(&doc, &extraction);
        }
        graph
    }

    /// `who met Kerry and Kerry and ...`: the name is resolved once and walked once.
    #[test]
    fn repeated_names_resolve_once() -> std::result::Result<(), QueryError> {
        let graph = sample();
        let question = format!("who met Kerry{}", " and Kerry".repeat(23));
        let query = crate::query::parse(&question)?;
        let pattern = crate::query::pattern_for(&graph, &query);
        assert_eq!(pattern.parts.len(), 24);
        let mut names = Names::new(&graph);
        let plan = plan_with(&mut names, &pattern)?;
        assert_eq!(names.seen.len(), 1);
        let Shape::Star(star) = &plan.shape else {
            panic!("not a star: {:?}", plan.shape);
        };
        assert_eq!(star.arms.len(), 1);
        // Two names of one person are two lookups, still one walk.
        let query = crate::query::parse("who met Kerry and John Kerry and kerry")?;
        let mut names = Names::new(&graph);
        let plan = plan_with(&mut names, &crate::query::pattern_for(&graph, &query))?;
        assert_eq!(names.seen.len(), 3);
        assert!(matches!(&plan.shape, Shape::Star(star) if star.arms.len() == 1));
        Ok(())
    }
}
