//! Scans of nodes, neighbourhoods and shortest paths.

use std::collections::VecDeque;

use rustc_hash::FxHashMap;

use crate::graph::{Edge, EdgeId, KnowledgeGraph, NodeId};
use crate::model::{EntityKind, RelationKind};
use crate::names::normalize;

use super::super::answer::{Answer, EvidenceRef, Refs, Row, Value};
use super::super::ast::Direction;
use super::super::plan::Plan;
use super::cells::entity;
use super::{Found, Key, along, best_first};

/// The sentences that give a node its roles.
fn role_evidence(graph: &KnowledgeGraph, id: NodeId) -> Refs {
    let mut refs = Refs::new();
    for (edge_id, _, edge, outgoing) in graph.edges_of(id, Some(RelationKind::HoldsRole)) {
        if !outgoing {
            continue;
        }
        for (index, e) in edge.evidence.iter().enumerate() {
            if !e.status.is_denied() {
                refs.push(EvidenceRef {
                    edge: edge_id,
                    index,
                });
            }
        }
    }
    best_first(graph, refs)
}

pub(super) fn scan_rows(
    graph: &KnowledgeGraph,
    nodes: Option<&[NodeId]>,
    kind: Option<EntityKind>,
    plan: &Plan,
) -> Vec<Found> {
    let fits = |id: NodeId| kind.is_none_or(|k| graph.node(id).kind == k);
    let ids: Vec<NodeId> = match nodes {
        Some(ids) => ids.iter().copied().filter(|&id| fits(id)).collect(),
        None => {
            let mut ids: Vec<NodeId> = graph
                .nodes()
                .filter(|(id, node)| node.kind != EntityKind::Quote || kind.is_some() && fits(*id))
                .map(|(id, _)| id)
                .filter(|&id| fits(id))
                .collect();
            if plan.order.is_none() {
                ids.sort_by_cached_key(|&id| normalize(&graph.node(id).name));
            }
            ids
        }
    };
    // Role sentences are evidence only where few rows are shown.
    let small = ids.len() <= 100;
    ids.into_iter()
        .map(|id| Found {
            key: Key::Node(id),
            evidence: if small {
                role_evidence(graph, id)
            } else {
                Refs::new()
            },
            hops: None,
            via: None,
            second: None,
        })
        .collect()
}

/// Does an edge stand on at least one sentence that does not deny it?
pub(super) fn affirmed(edge: &Edge) -> bool {
    edge.evidence.iter().any(|e| !e.status.is_denied())
}

/// The best sentence of an edge that does not deny it.
fn best_of(graph: &KnowledgeGraph, edge_id: EdgeId) -> Refs {
    let refs: Refs = graph
        .edge(edge_id)
        .evidence
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.status.is_denied())
        .map(|(index, _)| EvidenceRef {
            edge: edge_id,
            index,
        })
        .collect();
    best_first(graph, refs)
}

pub(super) fn neighbour_rows(
    graph: &KnowledgeGraph,
    from: NodeId,
    kinds: &[RelationKind],
    direction: Direction,
    (min, max): (u32, u32),
    kind: Option<EntityKind>,
) -> Vec<Found> {
    let mut seen: FxHashMap<NodeId, (u32, EdgeId)> = FxHashMap::default();
    let mut queue = VecDeque::from([(from, 0u32)]);
    let mut order = Vec::new();
    while let Some((node, hops)) = queue.pop_front() {
        if hops == max {
            continue;
        }
        for (edge_id, other, edge, outgoing) in graph.edges_of(node, None) {
            if other == from
                || !kinds.contains(&edge.kind)
                || !along(direction, outgoing, edge.kind)
                || seen.contains_key(&other)
                || !affirmed(edge)
            {
                continue;
            }
            seen.insert(other, (hops + 1, edge_id));
            order.push(other);
            queue.push_back((other, hops + 1));
        }
    }
    // `*0..`: the start itself, at no hops.
    if min == 0 {
        order.insert(0, from);
    }
    let mut rows: Vec<Found> = order
        .into_iter()
        .filter_map(|id| {
            if id == from {
                return kind
                    .is_none_or(|k| graph.node(id).kind == k)
                    .then(|| Found {
                        key: Key::Node(id),
                        evidence: Refs::new(),
                        hops: Some(0),
                        via: None,
                        second: None,
                    });
            }
            let (hops, edge_id) = seen[&id];
            (hops >= min && kind.is_none_or(|k| graph.node(id).kind == k)).then(|| Found {
                key: Key::Node(id),
                evidence: best_of(graph, edge_id),
                hops: Some(hops),
                via: Some(graph.edge(edge_id).kind),
                second: None,
            })
        })
        .collect();
    rows.sort_by_cached_key(|row| {
        let Key::Node(id) = row.key else {
            return (0, std::cmp::Reverse(0), String::new());
        };
        let node = graph.node(id);
        (
            row.hops.unwrap_or(0),
            std::cmp::Reverse(node.mentions),
            normalize(&node.name),
        )
    });
    rows
}

/// A shortest path by a search from both ends at once, always growing the smaller frontier.
/// Edges that only deny an event, and quotes, are not followed. From a node to itself the path
/// has no hops: one row with no relation (the planner allows that only for `*0..`).
pub(super) fn path_answer(
    graph: &KnowledgeGraph,
    (from, to): (NodeId, NodeId),
    kinds: &[RelationKind],
    direction: Direction,
    max: u32,
) -> Answer {
    let columns = ["from", "relation", "to"].map(String::from).to_vec();
    if from == to {
        return Answer::new(
            columns,
            vec![Row {
                cells: smallvec::smallvec![entity(graph, from), Value::Null, entity(graph, to)],
                evidence: Refs::new(),
            }],
        );
    }
    // node -> (the node it was reached from, by which edge); the ends map to themselves.
    let mut back: [FxHashMap<NodeId, Option<(NodeId, EdgeId)>>; 2] =
        [FxHashMap::default(), FxHashMap::default()];
    back[0].insert(from, None);
    back[1].insert(to, None);
    let mut frontier = [vec![from], vec![to]];
    let mut depth = [0u32, 0u32];
    let mut meeting = None;
    'search: while depth[0] + depth[1] < max && !frontier[0].is_empty() && !frontier[1].is_empty() {
        let side = usize::from(frontier[1].len() < frontier[0].len());
        let mut next = Vec::new();
        // Relations in the order written: among shortest paths, one by meetings is found before
        // one through a country two people both serve.
        for &kind in kinds {
            for &node in &frontier[side] {
                for (edge_id, other, edge, outgoing) in graph.edges_of(node, Some(kind)) {
                    // The search from `to` walks the arrow backwards.
                    if !along(direction, outgoing == (side == 0), kind)
                        || back[side].contains_key(&other)
                        || graph.node(other).kind == EntityKind::Quote
                        || !affirmed(edge)
                    {
                        continue;
                    }
                    back[side].insert(other, Some((node, edge_id)));
                    if back[1 - side].contains_key(&other) {
                        meeting = Some(other);
                        break 'search;
                    }
                    next.push(other);
                }
            }
        }
        depth[side] += 1;
        frontier[side] = next;
    }
    let Some(meeting) = meeting else {
        let mut empty = Answer::new(columns, Vec::new());
        empty.notes.push(format!(
            "no path between {} and {} within {max} {}",
            graph.node(from).name,
            graph.node(to).name,
            if max == 1 { "hop" } else { "hops" }
        ));
        return empty;
    };
    // Walk back to each end: the first half reversed, then the second.
    let mut hops: Vec<(NodeId, EdgeId, NodeId)> = Vec::new();
    let mut at = meeting;
    while let Some(Some((prev, edge))) = back[0].get(&at) {
        hops.push((*prev, *edge, at));
        at = *prev;
    }
    hops.reverse();
    let mut at = meeting;
    while let Some(Some((next, edge))) = back[1].get(&at) {
        hops.push((at, *edge, *next));
        at = *next;
    }
    Answer::new(
        columns,
        hops.into_iter()
            .map(|(a, edge, b)| {
                let (a, b) = stated(graph, edge, a, b);
                Row {
                    cells: smallvec::smallvec![
                        entity(graph, a),
                        Value::Text(graph.edge(edge).kind.as_str().to_string()),
                        entity(graph, b),
                    ],
                    evidence: best_of(graph, edge),
                }
            })
            .collect(),
    )
}

/// The ends of a hop walked from `a` to `b`, in the order its relation states them: a directed
/// relation from its source to its target (`John Kerry VISITED Moscow`, even on a path walked
/// from Moscow), a symmetric one (MET, CALLED) in the order walked.
fn stated(graph: &KnowledgeGraph, edge: EdgeId, a: NodeId, b: NodeId) -> (NodeId, NodeId) {
    if graph.edge(edge).kind.is_symmetric() {
        (a, b)
    } else {
        graph.endpoints(edge)
    }
}
