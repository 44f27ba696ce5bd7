//! Every node's edges in one array, for questions: walking petgraph's lists follows a pointer
//! into the edge array (a cache miss on a large graph) for each edge, and reading whether an
//! edge's evidence is denied or in its best order follows two more. A hub of 10,000 edges is
//! answered from here by reading 10,000 neighbouring entries.

use std::cmp::Ordering;

use petgraph::Direction;
use petgraph::visit::EdgeRef;

use crate::model::{Date, EntityKind, RelationKind};

use super::{DocId, EdgeId, Evidence, KnowledgeGraph, NodeId};

/// One edge as seen from one of its ends.
#[derive(Clone, Copy, Debug)]
pub struct Arc {
    /// The edge.
    pub edge: EdgeId,
    /// The node at the other end.
    pub other: NodeId,
    /// The edge's relation.
    pub kind: RelationKind,
    /// The type of the node at the other end.
    pub other_kind: EntityKind,
    /// The edge leaves this node (stored from it).
    pub outgoing: bool,
    /// How many sentences support the edge.
    pub evidence: u32,
    /// Some sentence supports the edge, none denies the event, and the sentences, as stored, are in
    /// [`Evidence::best_first`] order: an answer may show them as they are.
    pub plain: bool,
    /// The bounds of the days its sentences name, when some sentence names one: a question
    /// about dates passes over an edge none of whose sentences can match, unread.
    pub dates: Option<DateHull>,
    /// The article of every sentence, when they all come from one (most edges): a question
    /// about places reads the article's visits without reading the sentences.
    pub one_doc: Option<DocId>,
    /// Some sentence names where the event took place.
    pub placed: bool,
}

/// What an edge's sentences hold, read once an edge.
#[derive(Clone, Copy, Debug, Default)]
struct Facts {
    evidence: u32,
    plain: bool,
    dates: Option<DateHull>,
    one_doc: Option<DocId>,
    placed: bool,
}

impl Facts {
    fn of(evidence: &[Evidence]) -> Facts {
        let plain = !evidence.is_empty()
            && evidence.iter().all(|x| !x.status.is_denied())
            && evidence
                .windows(2)
                .all(|w| Evidence::best_first(&w[0], &w[1]) != Ordering::Greater);
        let first = evidence.first().map(|e| e.doc);
        Facts {
            evidence: evidence.len() as u32,
            plain,
            dates: DateHull::of(evidence),
            one_doc: first.filter(|&d| evidence.iter().all(|e| e.doc == d)),
            placed: evidence.iter().any(|e| e.place.is_some()),
        }
    }
}

/// The bounds of the date ranges of an edge's sentences.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateHull {
    /// The earliest first day.
    pub min_start: Date,
    /// The latest first day.
    pub max_start: Date,
    /// The latest last day.
    pub max_end: Date,
}

impl DateHull {
    /// The bounds of the resolved dates of some sentences; none when none is resolved.
    fn of(evidence: &[Evidence]) -> Option<DateHull> {
        let mut hull: Option<DateHull> = None;
        for range in evidence.iter().filter_map(|e| e.date.as_ref()?.range) {
            let h = hull.get_or_insert(DateHull {
                min_start: range.start,
                max_start: range.start,
                max_end: range.end,
            });
            h.min_start = h.min_start.min(range.start);
            h.max_start = h.max_start.max(range.start);
            h.max_end = h.max_end.max(range.end);
        }
        hull
    }
}

/// The arcs of every node, node by node.
#[derive(Clone, Debug, Default)]
pub(super) struct Adjacency {
    /// Node index -> where its arcs begin in `arcs`; one more entry than nodes.
    start: Vec<u32>,
    arcs: Vec<Arc>,
}

impl Adjacency {
    /// Reads the graph once: each node's arcs in the order [`KnowledgeGraph::edges_of`] gives
    /// them (outgoing, then incoming).
    pub(super) fn new(graph: &KnowledgeGraph) -> Adjacency {
        // What each edge's sentences hold, read once an edge (not once an end), in the order
        // the edges are stored.
        let edges = graph.graph.edge_indices().map(|e| e.index() + 1).max();
        let mut facts: Vec<Facts> = vec![Facts::default(); edges.unwrap_or(0)];
        for e in graph.graph.edge_indices() {
            facts[e.index()] = Facts::of(&graph.graph[e].evidence);
        }
        let bound = graph.graph.node_indices().map(|n| n.index() + 1).max();
        let bound = bound.unwrap_or(0);
        let mut start = Vec::with_capacity(bound + 1);
        let mut arcs = Vec::with_capacity(graph.graph.edge_count() * 2);
        for index in 0..bound {
            start.push(arcs.len() as u32);
            let id = NodeId::new(index);
            if graph.graph.node_weight(id).is_none() {
                continue;
            }
            for (direction, outgoing) in [(Direction::Outgoing, true), (Direction::Incoming, false)]
            {
                for e in graph.graph.edges_directed(id, direction) {
                    let other = if outgoing { e.target() } else { e.source() };
                    let facts = facts[e.id().index()];
                    arcs.push(Arc {
                        edge: e.id(),
                        other,
                        kind: e.weight().kind,
                        other_kind: graph.graph[other].kind,
                        outgoing,
                        evidence: facts.evidence,
                        plain: facts.plain,
                        dates: facts.dates,
                        one_doc: facts.one_doc,
                        placed: facts.placed,
                    });
                }
            }
        }
        start.push(arcs.len() as u32);
        Adjacency { start, arcs }
    }

    /// The arcs of a node: none for a node the graph does not hold.
    pub(super) fn arcs(&self, id: NodeId) -> &[Arc] {
        let i = id.index();
        match (self.start.get(i), self.start.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.arcs[a as usize..b as usize],
            _ => &[],
        }
    }
}

impl Evidence {
    /// The order answers show sentences in: happened before reported before planned (and
    /// denied), then the most trusted first, then in reading order.
    pub fn best_first(a: &Evidence, b: &Evidence) -> Ordering {
        a.status
            .cmp(&b.status)
            .then(b.confidence.total_cmp(&a.confidence))
            .then(a.doc.cmp(&b.doc))
            .then(a.span.cmp(&b.span))
    }
}

impl KnowledgeGraph {
    /// The edges of a node as stored in one array (built at the first call after the graph
    /// changed): the same edges, in the same order, as [`KnowledgeGraph::edges_of`] with no
    /// relation named.
    pub fn arcs(&self, id: NodeId) -> &[Arc] {
        self.adjacency.get_or_init(|| Adjacency::new(self)).arcs(id)
    }
}
