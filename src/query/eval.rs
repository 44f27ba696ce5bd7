//! Runs a [`Plan`] over the graph and lays the result out as an [`Answer`].
//!
//! A star gathers, for every answer, the evidence sentences that lead to it; everything in a row
//! (status, dates, topics, counts) is computed from exactly that evidence, so a row never claims
//! more than the sentences shown with it. Denied events (`negated`) count only for rows that
//! nothing else supports, and such rows are shown only when the answer has a status column.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

use rustc_hash::FxHashMap;

use crate::graph::{DocId, Edge, EdgeId, Evidence, KnowledgeGraph, NodeId, Resolution};
use crate::model::{EntityKind, RelationKind, Role};
use crate::names::normalize;
use crate::text::Span;

use super::answer::{Answer, EvidenceRef, Row, Value};
use super::ast::{Direction, Op};
use super::plan::{
    ColumnValue, EdgeKey, EvidenceFilter, NodeCondition, NodeKey, Pairs, Plan, Shape, Star,
};

/// Runs a plan.
pub(super) fn execute(graph: &KnowledgeGraph, plan: &Plan) -> Answer {
    let mut rows: Vec<Found> = match &plan.shape {
        Shape::Star(star) => star_rows(graph, star, plan.keep_denied),
        Shape::Pairs(pairs) => pair_rows(graph, pairs, plan),
        Shape::Scan { nodes, kind } => scan_rows(graph, nodes.as_deref(), *kind, plan),
        Shape::Neighbours {
            from,
            kinds,
            direction,
            min,
            max,
            kind,
        } => neighbour_rows(graph, *from, kinds, *direction, (*min, *max), *kind),
        Shape::Path {
            from,
            to,
            kinds,
            max,
        } => return path_answer(graph, *from, *to, kinds, *max),
    };
    rows.retain(|row| match row.key {
        Key::Node(id) => plan
            .node_conditions
            .iter()
            .all(|c| node_condition(graph, id, c)),
        Key::Text(_) => plan.node_conditions.is_empty(),
    });
    // (Pairs are filtered on both ends as they are found.)
    let columns: Vec<String> = plan.columns.iter().map(|c| c.name.clone()).collect();
    if plan.count {
        return Answer {
            columns,
            rows: vec![Row {
                cells: vec![Value::Number(rows.len() as u64)],
                evidence: Vec::new(),
            }],
            with_evidence: false,
        };
    }
    let anchors: Vec<NodeId> = match &plan.shape {
        Shape::Star(star) => star.arms.iter().map(|a| a.anchor).collect(),
        _ => Vec::new(),
    };
    let cells_of = |row: &Found| -> Vec<Value> {
        plan.columns
            .iter()
            .map(|c| cell(graph, &c.value, row, &anchors))
            .collect()
    };
    let mut out: Vec<(Vec<Value>, &Found)> = Vec::new();
    match plan.order {
        Some((index, descending)) => {
            // Sort on the one column first, so that a `limit` spares computing the others.
            let mut keyed: Vec<(Value, &Found)> = rows
                .iter()
                .map(|row| (cell(graph, &plan.columns[index].value, row, &anchors), row))
                .collect();
            keyed.sort_by(|a, b| {
                let order = compare(&a.0, &b.0);
                if descending { order.reverse() } else { order }
            });
            keyed.truncate(plan.limit.unwrap_or(usize::MAX));
            out.extend(keyed.into_iter().map(|(_, row)| (cells_of(row), row)));
        }
        None => {
            let limit = plan.limit.unwrap_or(usize::MAX);
            out.extend(rows.iter().take(limit).map(|row| (cells_of(row), row)));
        }
    }
    Answer {
        columns,
        rows: out
            .into_iter()
            .map(|(cells, row)| Row {
                cells,
                evidence: row.evidence.clone(),
            })
            .collect(),
        with_evidence: false,
    }
}

/// Numbers by value, text by its folded form, nothing last.
fn compare(a: &Value, b: &Value) -> std::cmp::Ordering {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.cmp(y),
        (Value::Null, Value::Null) => std::cmp::Ordering::Equal,
        (Value::Null, _) => std::cmp::Ordering::Greater,
        (_, Value::Null) => std::cmp::Ordering::Less,
        _ => normalize(&a.to_text()).cmp(&normalize(&b.to_text())),
    }
}

/// What a row is about: a node, or a topic phrase that is not one.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Key {
    Node(NodeId),
    Text(String),
}

/// One answer before it becomes cells.
struct Found {
    key: Key,
    /// The evidence behind it, best first.
    evidence: Vec<EvidenceRef>,
    /// Hops from the centre, for a neighbourhood.
    hops: Option<u32>,
    /// Relation types that reached it, for a neighbourhood.
    via: Option<RelationKind>,
    /// The second end, for a scan of relationships.
    second: Option<NodeId>,
}

/// Sentences in which someone met a given node: (the other party, document, sentence span).
type MetSentences = HashSet<(NodeId, DocId, Span)>;

fn along(direction: Direction, outgoing: bool) -> bool {
    match direction {
        Direction::Right => outgoing,
        Direction::Left => !outgoing,
        Direction::Both => true,
    }
}

fn star_rows(graph: &KnowledgeGraph, star: &Star, keep_denied: bool) -> Vec<Found> {
    let partners: Vec<MetSentences> = star
        .filter
        .with
        .iter()
        .map(|&y| met_sentences(graph, y))
        .collect();
    let mut topic_keys: HashMap<&str, Key> = HashMap::new();
    let mut found: Option<BTreeMap<Key, BTreeSet<EvidenceRef>>> = None;
    for arm in &star.arms {
        let mut here: BTreeMap<Key, BTreeSet<EvidenceRef>> = BTreeMap::new();
        for (edge_id, other, edge, outgoing) in graph.edges_of(arm.anchor, None) {
            if !arm.kinds.contains(&edge.kind) || !along(arm.direction, outgoing) {
                continue;
            }
            if !star.by_topic
                && let Some(kind) = star.kind
                && graph.node(other).kind != kind
            {
                continue;
            }
            for (index, evidence) in edge.evidence.iter().enumerate() {
                let ends = [arm.anchor, other];
                if !accepts(graph, &star.filter, &partners, evidence, ends, edge.kind) {
                    continue;
                }
                let at = EvidenceRef {
                    edge: edge_id,
                    index,
                };
                if !star.by_topic || edge.kind == RelationKind::Discussed {
                    here.entry(Key::Node(other)).or_default().insert(at);
                } else {
                    for topic in &evidence.topics {
                        let key = topic_keys
                            .entry(topic)
                            .or_insert_with(|| topic_key(graph, topic))
                            .clone();
                        here.entry(key).or_default().insert(at);
                    }
                }
            }
        }
        // `who met X and Y`: an answer must be reached from every anchor; it keeps the
        // evidence from all of them.
        found = Some(match found {
            None => here,
            Some(mut before) => {
                before.retain(|key, _| here.contains_key(key));
                for (key, refs) in &mut before {
                    refs.extend(here.get(key).into_iter().flatten());
                }
                before
            }
        });
    }

    let excluded: Vec<Key> = star
        .arms
        .iter()
        .map(|a| a.anchor)
        .chain(star.filter.with.iter().copied())
        .map(Key::Node)
        .collect();
    let mut rows: Vec<(Key, Vec<EvidenceRef>, bool)> = Vec::new();
    for (key, refs) in found.unwrap_or_default() {
        if excluded.contains(&key) {
            continue;
        }
        let (denied, affirmed): (Vec<EvidenceRef>, Vec<EvidenceRef>) = refs
            .into_iter()
            .partition(|&r| evidence_at(graph, r).is_some_and(|e| e.status.is_denied()));
        if !affirmed.is_empty() {
            rows.push((key, best_first(graph, affirmed), false));
        } else if keep_denied && !denied.is_empty() {
            rows.push((key, best_first(graph, denied), true));
        }
    }
    // The best supported answer first, denials last; then by name, so the order never depends
    // on the order documents were read in.
    rows.sort_by_cached_key(|(key, refs, denied)| {
        let label = label(graph, key);
        (
            *denied,
            std::cmp::Reverse(refs.len()),
            normalize(&label),
            label,
        )
    });
    rows.into_iter()
        .map(|(key, evidence, _)| Found {
            key,
            evidence,
            hops: None,
            via: None,
            second: None,
        })
        .collect()
}

/// Every relationship of the types, once for each way it may be read: an undirected pattern
/// reads a meeting of A and B as (A, B) and as (B, A), as Cypher does.
fn pair_rows(graph: &KnowledgeGraph, pairs: &Pairs, plan: &Plan) -> Vec<Found> {
    let partners: Vec<MetSentences> = pairs
        .filter
        .with
        .iter()
        .map(|&y| met_sentences(graph, y))
        .collect();
    let fits = |id: NodeId, kind: Option<EntityKind>, conditions: &[NodeCondition]| {
        kind.is_none_or(|k| graph.node(id).kind == k)
            && conditions.iter().all(|c| node_condition(graph, id, c))
    };
    let mut rows: Vec<(bool, Found)> = Vec::new();
    for (edge_id, source, target, edge) in graph.edges() {
        if !pairs.kinds.contains(&edge.kind) {
            continue;
        }
        let readings: &[(NodeId, NodeId)] = match pairs.direction {
            Direction::Right => &[(source, target)],
            Direction::Left => &[(target, source)],
            Direction::Both => &[(source, target), (target, source)],
        };
        let refs: Vec<EvidenceRef> = edge
            .evidence
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                accepts(
                    graph,
                    &pairs.filter,
                    &partners,
                    e,
                    [source, target],
                    edge.kind,
                )
            })
            .map(|(index, _)| EvidenceRef {
                edge: edge_id,
                index,
            })
            .collect();
        let (denied, affirmed): (Vec<EvidenceRef>, Vec<EvidenceRef>) = refs
            .into_iter()
            .partition(|&r| evidence_at(graph, r).is_some_and(|e| e.status.is_denied()));
        let (evidence, is_denied) = if !affirmed.is_empty() {
            (affirmed, false)
        } else if plan.keep_denied && !denied.is_empty() {
            (denied, true)
        } else {
            continue;
        };
        for &(a, b) in readings {
            if !fits(a, pairs.left, &plan.node_conditions)
                || !fits(b, pairs.right, &plan.second_conditions)
            {
                continue;
            }
            rows.push((
                is_denied,
                Found {
                    key: Key::Node(a),
                    evidence: best_first(graph, evidence.clone()),
                    hops: None,
                    via: None,
                    second: Some(b),
                },
            ));
        }
    }
    rows.sort_by_cached_key(|(denied, row)| {
        let name = |id: NodeId| normalize(&graph.node(id).name);
        let Key::Node(a) = row.key else {
            return (*denied, std::cmp::Reverse(0), String::new(), String::new());
        };
        (
            *denied,
            std::cmp::Reverse(row.evidence.len()),
            name(a),
            row.second.map(name).unwrap_or_default(),
        )
    });
    rows.into_iter().map(|(_, row)| row).collect()
}

/// Does one evidence sentence of an edge between `ends` pass the filter?
fn accepts(
    graph: &KnowledgeGraph,
    filter: &EvidenceFilter,
    partners: &[MetSentences],
    evidence: &Evidence,
    ends: [NodeId; 2],
    relation: RelationKind,
) -> bool {
    for about in &filter.about {
        let on_topic = evidence.topics.iter().any(|t| about.matches(t))
            // A quote is about what it mentions, whether or not the extractor named a topic.
            || (relation == RelationKind::Said && about.mentioned_in(&graph.node(ends[1]).name))
            // A discussion is about what was discussed.
            || (relation == RelationKind::Discussed && about.matches(&graph.node(ends[1]).name));
        if !on_topic {
            return false;
        }
    }
    for (place, equal) in &filter.place {
        let at = evidence.place.as_deref().is_some_and(|p| place.matches(p));
        if at != *equal {
            return false;
        }
    }
    for partners in partners {
        if !ends
            .iter()
            .any(|&end| partners.contains(&(end, evidence.doc, evidence.span)))
        {
            return false;
        }
    }
    if !filter.dates.is_empty() {
        let Some((start, end)) = evidence
            .date
            .as_ref()
            .and_then(|d| d.range.map(|r| (r.start, r.end)))
        else {
            return false;
        };
        if !filter.dates.iter().all(|c| c.accepts(start, end)) {
            return false;
        }
    }
    let status = evidence.status;
    filter
        .status
        .iter()
        .all(|&(wanted, equal)| (status == wanted) == equal)
}

/// Every sentence that says `y` met someone, with who.
fn met_sentences(graph: &KnowledgeGraph, y: NodeId) -> MetSentences {
    let mut sentences = MetSentences::new();
    for (_, other, edge, _) in graph.edges_of(y, Some(RelationKind::Met)) {
        for evidence in edge.evidence.iter().filter(|e| !e.status.is_denied()) {
            sentences.insert((other, evidence.doc, evidence.span));
        }
    }
    sentences
}

/// A topic named in evidence is the canonical name of a node when it was read; find that node
/// again (names can later become aliases through merges), or keep the phrase.
fn topic_key(graph: &KnowledgeGraph, topic: &str) -> Key {
    // `lookup`, not `resolve`: the suggestions for an unknown name are not wanted here.
    match graph.lookup(topic) {
        Some(Resolution::One(id)) => Key::Node(id),
        Some(Resolution::Ambiguous(ids)) => ids
            .into_iter()
            .find(|&id| graph.node(id).name == topic)
            .map_or_else(|| Key::Text(topic.to_string()), Key::Node),
        Some(Resolution::Unknown(_)) | None => Key::Text(topic.to_string()),
    }
}

fn label(graph: &KnowledgeGraph, key: &Key) -> String {
    match key {
        Key::Node(id) => graph.node(*id).name.clone(),
        Key::Text(text) => text.clone(),
    }
}

fn evidence_at(graph: &KnowledgeGraph, at: EvidenceRef) -> Option<&Evidence> {
    graph.edge(at.edge).evidence.get(at.index)
}

/// Happened before reported before planned, then by confidence, then in reading order.
fn best_first(graph: &KnowledgeGraph, mut refs: Vec<EvidenceRef>) -> Vec<EvidenceRef> {
    refs.sort_by(|&a, &b| {
        match (evidence_at(graph, a), evidence_at(graph, b)) {
            (Some(x), Some(y)) => x
                .status
                .cmp(&y.status)
                .then(y.confidence.total_cmp(&x.confidence))
                .then(x.doc.cmp(&y.doc))
                .then(x.span.cmp(&y.span)),
            _ => std::cmp::Ordering::Equal,
        }
        .then(a.cmp(&b))
    });
    refs
}

// ---------------------------------------------------------------------------------------------
// Scans, neighbourhoods and paths.

/// The sentences that give a node its roles.
fn role_evidence(graph: &KnowledgeGraph, id: NodeId) -> Vec<EvidenceRef> {
    let mut refs = Vec::new();
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

fn scan_rows(
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
                Vec::new()
            },
            hops: None,
            via: None,
            second: None,
        })
        .collect()
}

/// Does an edge stand on at least one sentence that does not deny it?
fn affirmed(edge: &Edge) -> bool {
    edge.evidence.iter().any(|e| !e.status.is_denied())
}

/// The best sentence of an edge that does not deny it.
fn best_of(graph: &KnowledgeGraph, edge_id: EdgeId) -> Vec<EvidenceRef> {
    let refs: Vec<EvidenceRef> = graph
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

fn neighbour_rows(
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
                || !along(direction, outgoing)
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
    let mut rows: Vec<Found> = order
        .into_iter()
        .filter_map(|id| {
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
/// Edges that only deny an event, and quotes, are not followed.
fn path_answer(
    graph: &KnowledgeGraph,
    from: NodeId,
    to: NodeId,
    kinds: &[RelationKind],
    max: u32,
) -> Answer {
    let columns = ["from", "relation", "to"].map(String::from).to_vec();
    let empty = Answer {
        columns: columns.clone(),
        rows: Vec::new(),
        with_evidence: false,
    };
    if from == to {
        return empty;
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
                for (edge_id, other, edge, _) in graph.edges_of(node, Some(kind)) {
                    if back[side].contains_key(&other)
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
    Answer {
        columns,
        rows: hops
            .into_iter()
            .map(|(a, edge, b)| Row {
                cells: vec![
                    entity(graph, a),
                    Value::Text(graph.edge(edge).kind.as_str().to_string()),
                    entity(graph, b),
                ],
                evidence: best_of(graph, edge),
            })
            .collect(),
        with_evidence: false,
    }
}

// ---------------------------------------------------------------------------------------------
// Cells.

fn entity(graph: &KnowledgeGraph, id: NodeId) -> Value {
    let node = graph.node(id);
    Value::Entity {
        id,
        name: node.name.clone(),
        kind: node.kind,
    }
}

fn cell(graph: &KnowledgeGraph, value: &ColumnValue, row: &Found, anchors: &[NodeId]) -> Value {
    match value {
        ColumnValue::Answer => match &row.key {
            Key::Node(id) => entity(graph, *id),
            Key::Text(text) => Value::Text(text.clone()),
        },
        ColumnValue::AnswerProperty(key) => match &row.key {
            Key::Node(id) => node_value(graph, *id, *key),
            Key::Text(text) => match key {
                NodeKey::Name => Value::Text(text.clone()),
                NodeKey::Type => Value::Text(EntityKind::Topic.as_str().to_string()),
                _ => Value::Null,
            },
        },
        ColumnValue::Second => row.second.map_or(Value::Null, |id| entity(graph, id)),
        ColumnValue::SecondProperty(key) => row
            .second
            .map_or(Value::Null, |id| node_value(graph, id, *key)),
        ColumnValue::Fixed(id) => entity(graph, *id),
        ColumnValue::FixedProperty(id, key) => node_value(graph, *id, *key),
        ColumnValue::Edge(key) => edge_value(graph, *key, row, anchors),
        ColumnValue::Hops | ColumnValue::Count => Value::Null,
    }
}

fn node_value(graph: &KnowledgeGraph, id: NodeId, key: NodeKey) -> Value {
    let node = graph.node(id);
    match key {
        NodeKey::Name => Value::Text(node.name.clone()),
        NodeKey::Type => Value::Text(node.kind.as_str().to_string()),
        NodeKey::Kind => node
            .place_kind
            .map_or(Value::Null, |k| Value::Text(k.as_str().to_string())),
        NodeKey::Roles => {
            let mut roles: BTreeSet<Role> = node.roles.clone();
            for (_, other, edge, outgoing) in graph.edges_of(id, Some(RelationKind::HoldsRole)) {
                if !outgoing {
                    continue;
                }
                for e in edge.evidence.iter().filter(|e| !e.status.is_denied()) {
                    if let Some(title) = &e.role {
                        roles.insert(Role {
                            title: title.clone(),
                            of: Some(graph.node(other).name.clone()),
                        });
                    }
                }
            }
            let roles: Vec<String> = roles.iter().map(Role::to_string).collect();
            list(&roles)
        }
        NodeKey::Aliases => {
            let aliases: Vec<&String> = node.aliases.iter().collect();
            list(&aliases)
        }
        NodeKey::Mentions => Value::Number(u64::from(node.mentions)),
        NodeKey::Docs => Value::Number(node.docs.len() as u64),
        NodeKey::Degree => {
            let others: BTreeSet<NodeId> = graph.edges_of(id, None).map(|(_, o, _, _)| o).collect();
            Value::Number(others.len() as u64)
        }
        NodeKey::Count(kind) => {
            let others: BTreeSet<NodeId> = graph
                .edges_of(id, Some(kind))
                .filter(|(_, _, edge, _)| affirmed(edge))
                .map(|(_, other, _, _)| other)
                .collect();
            Value::Number(others.len() as u64)
        }
    }
}

fn node_condition(graph: &KnowledgeGraph, id: NodeId, condition: &NodeCondition) -> bool {
    let test = |ordering: std::cmp::Ordering, op: Op| match op {
        Op::Eq => ordering.is_eq(),
        Op::Ne => !ordering.is_eq(),
        Op::Lt => ordering.is_lt(),
        Op::Le => ordering.is_le(),
        Op::Gt => ordering.is_gt(),
        Op::Ge => ordering.is_ge(),
    };
    match condition {
        NodeCondition::Text(key, op, wanted) => {
            let value = node_value(graph, id, *key).to_text();
            test(normalize(&value).cmp(wanted), *op)
        }
        NodeCondition::Among(ids, equal) => ids.contains(&id) == *equal,
        NodeCondition::Number(key, op, wanted) => match node_value(graph, id, *key) {
            Value::Number(n) => test(n.cmp(wanted), *op),
            _ => false,
        },
    }
}

fn edge_value(graph: &KnowledgeGraph, key: EdgeKey, row: &Found, anchors: &[NodeId]) -> Value {
    let evidence: Vec<&Evidence> = row
        .evidence
        .iter()
        .filter_map(|&r| evidence_at(graph, r))
        .collect();
    match key {
        EdgeKey::Topics => {
            let mut topics: Vec<&str> = Vec::new();
            for r in &row.evidence {
                let edge = graph.edge(r.edge);
                if edge.kind == RelationKind::Discussed {
                    let (_, target) = graph.endpoints(r.edge);
                    topics.push(&graph.node(target).name);
                }
            }
            topics.extend(
                evidence
                    .iter()
                    .flat_map(|e| e.topics.iter().map(String::as_str)),
            );
            list(&distinct(topics))
        }
        EdgeKey::Place => list(&distinct(evidence.iter().filter_map(|e| e.place.as_ref()))),
        EdgeKey::Date => {
            // Distinct dates before their text: a hub's row may rest on thousands of sentences
            // and few dates.
            let mut dates: Vec<&crate::model::DateRef> =
                evidence.iter().filter_map(|e| e.date.as_ref()).collect();
            dates.sort_unstable_by(|a, b| (&a.range, &a.text).cmp(&(&b.range, &b.text)));
            dates.dedup();
            let mut dates: Vec<String> = dates.into_iter().map(|d| d.iso()).collect();
            dates.sort();
            dates.dedup();
            list(&dates)
        }
        EdgeKey::Status => evidence
            .iter()
            .map(|e| e.status)
            .min()
            .map_or(Value::Null, |s| Value::Text(s.as_str().to_string())),
        EdgeKey::Docs => Value::Number(
            evidence
                .iter()
                .map(|e| e.doc)
                .collect::<BTreeSet<_>>()
                .len() as u64,
        ),
        EdgeKey::With => {
            // The people on the other side of the meetings the evidence tells of.
            let mut people: Vec<&str> = Vec::new();
            for &r in &row.evidence {
                let Some(e) = evidence_at(graph, r) else {
                    continue;
                };
                let (s, t) = graph.endpoints(r.edge);
                let mut parties: Vec<NodeId> = Vec::new();
                if graph.edge(r.edge).kind == RelationKind::Met {
                    parties.extend([s, t]);
                } else {
                    // Who met the agent in the same sentence.
                    for (_, other, edge, _) in graph.edges_of(s, Some(RelationKind::Met)) {
                        if edge
                            .evidence
                            .iter()
                            .any(|x| x.doc == e.doc && x.span == e.span)
                        {
                            parties.push(other);
                        }
                    }
                }
                for id in parties {
                    if !anchors.contains(&id) && row.key != Key::Node(id) {
                        people.push(&graph.node(id).name);
                    }
                }
            }
            list(&distinct(people))
        }
        EdgeKey::Type => match row.via {
            Some(kind) => Value::Text(kind.as_str().to_string()),
            None => list(&distinct(
                row.evidence
                    .iter()
                    .map(|r| graph.edge(r.edge).kind.as_str()),
            )),
        },
        EdgeKey::Hops => row
            .hops
            .map_or(Value::Null, |h| Value::Number(u64::from(h))),
    }
}

/// Text joined from several parts with `; `, or null when there are none.
fn list<S: AsRef<str>>(parts: &[S]) -> Value {
    if parts.is_empty() {
        return Value::Null;
    }
    let parts: Vec<&str> = parts.iter().map(AsRef::as_ref).collect();
    Value::Text(parts.join("; "))
}

/// The items in first-seen order, each once.
fn distinct<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Vec<String> {
    let mut seen = Vec::<String>::new();
    for item in items {
        let item = item.as_ref();
        if !seen.iter().any(|s| s == item) {
            seen.push(item.to_string());
        }
    }
    seen
}
