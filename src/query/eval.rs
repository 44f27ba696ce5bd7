//! Runs a [`Plan`] over the graph and lays the result out as an [`Answer`].
//!
//! A walk gathers, for every answer, the evidence sentences that lead to it; everything in a row
//! (status, dates, topics, counts) is computed from exactly that evidence, so a row never claims
//! more than the sentences shown with it. Denied events (`negated`) are never evidence.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::extract::{Modality, RelationKind, Role};
use crate::graph::{DocId, Evidence, KnowledgeGraph, NodeId, Resolution};
use crate::names::normalize;
use crate::text::Span;

use super::answer::{Answer, EvidenceRef, Row, Value};
use super::ast::Wh;
use super::plan::{Direction, EvidenceFilter, Plan, Shape, Walk, Yield};

/// Runs a plan.
pub(super) fn execute(graph: &KnowledgeGraph, plan: &Plan) -> Answer {
    match plan {
        Plan::Walk(walk) => execute_walk(graph, walk),
        Plan::Describe { wh, nodes } => describe(graph, *wh, nodes),
    }
}

/// What a row is about: a node, or a topic phrase that is not one.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Key {
    Node(NodeId),
    Text(String),
}

/// Sentences in which someone met a given node: (the other party, document, sentence span).
type MetSentences = HashSet<(NodeId, DocId, Span)>;

fn execute_walk(graph: &KnowledgeGraph, walk: &Walk) -> Answer {
    let partners = walk.filter.with.map(|y| met_sentences(graph, y));
    let mut topic_keys: HashMap<&str, Key> = HashMap::new();
    let mut found: Option<BTreeMap<Key, BTreeSet<EvidenceRef>>> = None;
    for &anchor in &walk.anchors {
        let mut here: BTreeMap<Key, BTreeSet<EvidenceRef>> = BTreeMap::new();
        for step in walk.steps {
            for (edge_id, other, edge, outgoing) in graph.edges_of(anchor, Some(step.relation)) {
                let along = match step.direction {
                    Direction::Out => outgoing,
                    Direction::In => !outgoing,
                    Direction::Either => true,
                };
                if !along {
                    continue;
                }
                for (index, evidence) in edge.evidence.iter().enumerate() {
                    let ends = [anchor, other];
                    if evidence.negated
                        || !accepts(
                            graph,
                            &walk.filter,
                            partners.as_ref(),
                            evidence,
                            ends,
                            edge.kind,
                        )
                    {
                        continue;
                    }
                    let at = EvidenceRef {
                        edge: edge_id,
                        index,
                    };
                    match step.yields {
                        Yield::OtherEnd => {
                            here.entry(Key::Node(other)).or_default().insert(at);
                        }
                        Yield::Topics => {
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

    let excluded: Vec<Key> = walk
        .anchors
        .iter()
        .chain(&walk.filter.with)
        .map(|&id| Key::Node(id))
        .collect();
    let mut rows: Vec<(Key, Vec<EvidenceRef>)> = found
        .unwrap_or_default()
        .into_iter()
        .filter(|(key, _)| !excluded.contains(key))
        .map(|(key, refs)| (key, best_first(graph, refs)))
        .collect();
    // The best supported answer first; then by name, so the order never depends on the order
    // documents were read in.
    rows.sort_by_cached_key(|(key, refs)| {
        let label = label(graph, key);
        (
            std::cmp::Reverse(refs.len()),
            normalize(&label),
            label,
            key.clone(),
        )
    });

    let shape = walk.shape;
    Answer {
        with_evidence: false,
        columns: columns(shape).iter().map(|c| c.to_string()).collect(),
        rows: rows
            .into_iter()
            .map(|(key, refs)| Row {
                cells: cells(graph, shape, &key, &refs, &walk.anchors),
                evidence: refs,
            })
            .collect(),
    }
}

/// Does one evidence sentence of an edge between `ends` pass the filter?
fn accepts(
    graph: &KnowledgeGraph,
    filter: &EvidenceFilter,
    partners: Option<&MetSentences>,
    evidence: &Evidence,
    ends: [NodeId; 2],
    relation: RelationKind,
) -> bool {
    if let Some(about) = &filter.about {
        let on_topic = evidence.topics.iter().any(|t| about.matches(t))
            // A quote is about what it mentions, whether or not the extractor named a topic.
            || (relation == RelationKind::Said && about.mentioned_in(&graph.node(ends[1]).name));
        if !on_topic {
            return false;
        }
    }
    if let Some(place) = &filter.place
        && !evidence.place.as_deref().is_some_and(|p| place.matches(p))
    {
        return false;
    }
    if let Some(partners) = partners
        && !ends
            .iter()
            .any(|&end| partners.contains(&(end, evidence.doc, evidence.span)))
    {
        return false;
    }
    true
}

/// Every sentence that says `y` met someone, with who.
fn met_sentences(graph: &KnowledgeGraph, y: NodeId) -> MetSentences {
    let mut sentences = MetSentences::new();
    for (_, other, edge, _) in graph.edges_of(y, Some(RelationKind::Met)) {
        for evidence in edge.evidence.iter().filter(|e| !e.negated) {
            sentences.insert((other, evidence.doc, evidence.span));
        }
    }
    sentences
}

/// A topic named in evidence is the canonical name of a node when it was read; find that node
/// again (names can later become aliases through merges), or keep the phrase.
fn topic_key(graph: &KnowledgeGraph, topic: &str) -> Key {
    match graph.resolve(topic) {
        Resolution::One(id) => Key::Node(id),
        Resolution::Ambiguous(ids) => ids
            .into_iter()
            .find(|&id| graph.node(id).name == topic)
            .map_or_else(|| Key::Text(topic.to_string()), Key::Node),
        Resolution::Unknown(_) => Key::Text(topic.to_string()),
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
fn best_first(graph: &KnowledgeGraph, refs: BTreeSet<EvidenceRef>) -> Vec<EvidenceRef> {
    let rank = |m: Modality| match m {
        Modality::Happened => 0,
        Modality::Reported => 1,
        Modality::Planned => 2,
    };
    let mut refs: Vec<EvidenceRef> = refs.into_iter().collect();
    refs.sort_by(|&a, &b| {
        match (evidence_at(graph, a), evidence_at(graph, b)) {
            (Some(x), Some(y)) => rank(x.modality)
                .cmp(&rank(y.modality))
                .then(y.confidence.total_cmp(&x.confidence))
                .then(x.doc.cmp(&y.doc))
                .then(x.span.cmp(&y.span)),
            _ => std::cmp::Ordering::Equal,
        }
        .then(a.cmp(&b))
    });
    refs
}

fn columns(shape: Shape) -> &'static [&'static str] {
    match shape {
        Shape::Met => &["who", "topics", "place", "date", "status", "docs"],
        Shape::Visitors => &["who", "date", "status", "docs"],
        Shape::Places => &["where", "date", "status", "docs"],
        Shape::Topics => &["what", "with", "docs"],
        Shape::Quotes => &["quote", "topics", "date", "docs"],
    }
}

fn entity(graph: &KnowledgeGraph, id: NodeId) -> Value {
    let node = graph.node(id);
    Value::Entity {
        id,
        name: node.name.clone(),
        kind: node.kind,
    }
}

fn cells(
    graph: &KnowledgeGraph,
    shape: Shape,
    key: &Key,
    refs: &[EvidenceRef],
    anchors: &[NodeId],
) -> Vec<Value> {
    let answer = match key {
        Key::Node(id) => entity(graph, *id),
        Key::Text(text) => Value::Text(text.clone()),
    };
    let evidence: Vec<&Evidence> = refs.iter().filter_map(|&r| evidence_at(graph, r)).collect();
    let topics = list(&distinct(evidence.iter().flat_map(|e| &e.topics)));
    let places = list(&distinct(evidence.iter().filter_map(|e| e.place.as_ref())));
    let mut dates: Vec<String> = evidence
        .iter()
        .filter_map(|e| e.date.as_ref().map(|d| d.iso()))
        .collect();
    dates.sort();
    dates.dedup();
    let dates = list(&dates);
    let docs = Value::Number(
        evidence
            .iter()
            .map(|e| e.doc)
            .collect::<BTreeSet<_>>()
            .len() as u64,
    );
    match shape {
        Shape::Met => vec![answer, topics, places, dates, status(&evidence), docs],
        Shape::Visitors | Shape::Places => vec![answer, dates, status(&evidence), docs],
        Shape::Topics => {
            // The people on the other side of the meetings where the topic came up.
            let people: Vec<&str> = refs
                .iter()
                .filter(|r| graph.edge(r.edge).kind == RelationKind::Met)
                .flat_map(|r| {
                    let (s, t) = graph.endpoints(r.edge);
                    [s, t]
                })
                .filter(|id| !anchors.contains(id))
                .map(|id| graph.node(id).name.as_str())
                .collect();
            vec![answer, list(&distinct(people)), docs]
        }
        Shape::Quotes => vec![answer, topics, dates, docs],
    }
}

/// The strongest modality among the evidence.
fn status(evidence: &[&Evidence]) -> Value {
    let has = |m: Modality| evidence.iter().any(|e| e.modality == m);
    let status = [Modality::Happened, Modality::Reported, Modality::Planned]
        .into_iter()
        .find(|&m| has(m));
    status.map_or(Value::Null, |m| Value::Text(m.as_str().to_string()))
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

/// `who is X`: one row a node, with its type, roles, aliases and how many others it is joined
/// to by each relation. The evidence is the sentences that give it its roles.
fn describe(graph: &KnowledgeGraph, wh: Wh, nodes: &[NodeId]) -> Answer {
    let counted = [
        RelationKind::Met,
        RelationKind::Visited,
        RelationKind::Discussed,
        RelationKind::Said,
    ];
    let mut columns = vec![wh.as_str(), "type", "kind", "roles", "aliases"];
    columns.extend(["met", "visited", "discussed", "said", "docs"]);
    let rows = nodes
        .iter()
        .map(|&id| {
            let node = graph.node(id);
            let mut roles: BTreeSet<Role> = node.roles.clone();
            let mut evidence = BTreeSet::new();
            for (edge_id, other, edge, outgoing) in
                graph.edges_of(id, Some(RelationKind::HoldsRole))
            {
                if !outgoing {
                    continue;
                }
                for (index, e) in edge.evidence.iter().enumerate() {
                    if e.negated {
                        continue;
                    }
                    evidence.insert(EvidenceRef {
                        edge: edge_id,
                        index,
                    });
                    if let Some(title) = &e.role {
                        roles.insert(Role {
                            title: title.clone(),
                            of: Some(graph.node(other).name.clone()),
                        });
                    }
                }
            }
            let roles: Vec<String> = roles.iter().map(Role::to_string).collect();
            let aliases: Vec<&String> = node.aliases.iter().collect();
            let mut cells = vec![
                entity(graph, id),
                Value::Text(node.kind.as_str().to_string()),
                node.place_kind
                    .map_or(Value::Null, |k| Value::Text(k.as_str().to_string())),
                list(&roles),
                list(&aliases),
            ];
            for kind in counted {
                let others: BTreeSet<NodeId> = graph
                    .edges_of(id, Some(kind))
                    .filter(|(_, _, edge, _)| edge.evidence.iter().any(|e| !e.negated))
                    .map(|(_, other, _, _)| other)
                    .collect();
                cells.push(Value::Number(others.len() as u64));
            }
            cells.push(Value::Number(node.docs.len() as u64));
            Row {
                cells,
                evidence: best_first(graph, evidence),
            }
        })
        .collect();
    Answer {
        columns: columns.into_iter().map(String::from).collect(),
        rows,
        with_evidence: false,
    }
}
