//! Stars (answers around named nodes) and scans of relationships, event by event.

use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::graph::{Arc, DocId, Edge, EdgeId, KnowledgeGraph, NodeId, Resolution, word_stems};
use crate::model::{EntityKind, PlaceKind, RelationKind};
use crate::text::Span;

use super::super::answer::{EvidenceRef, Refs};
use super::super::ast::{Direction, Op};
use super::super::events::occasions;
use super::super::plan::{EvidenceFilter, NodeCondition, Pairs, Plan, Star};
use super::cells::node_condition;
use super::visits::Visits;
use super::{Found, Key, along, best_first, evidence_at, label, sort_by_name, sort_nodes_by_name};

/// The sentences in which someone met a given node: `(the other party, document, sentence)`.
type Partners = FxHashSet<(NodeId, DocId, Span)>;

/// Every sentence that says `y` met someone, with whom.
fn partners_of(graph: &KnowledgeGraph, y: NodeId) -> Partners {
    let mut partners = Partners::default();
    for (_, other, edge, _) in graph.edges_of(y, Some(RelationKind::Met)) {
        for evidence in edge.evidence.iter().filter(|e| !e.status.is_denied()) {
            partners.insert((other, evidence.doc, evidence.span));
        }
    }
    partners
}

/// What one walk needs to judge events: the filter and the partners of its `with` names.
struct Judge<'a> {
    graph: &'a KnowledgeGraph,
    filter: &'a EvidenceFilter,
    partners: Vec<Partners>,
    visits: Visits<'a>,
    /// (place condition, place node) -> does the condition admit it, as found.
    admitted: RefCell<FxHashMap<(usize, NodeId), bool>>,
}

impl<'a> Judge<'a> {
    fn new(graph: &'a KnowledgeGraph, filter: &'a EvidenceFilter) -> Judge<'a> {
        let partners = filter.with.iter().map(|&y| partners_of(graph, y)).collect();
        Judge {
            graph,
            filter,
            partners,
            visits: Visits::new(graph),
            admitted: RefCell::default(),
        }
    }

    /// False when the edge's dates show that none of its sentences can pass, without reading
    /// them.
    fn may_pass(&self, arc: &Arc) -> bool {
        let dates = &self.filter.dates;
        dates.is_empty()
            || arc
                .dates
                .is_some_and(|hull| dates.iter().all(|c| c.may_accept(&hull)))
    }

    /// False when no event of the edge can be where every `in` condition asks, found without
    /// gathering its events: an event is where its sentences say, or where one of its two
    /// ends went in the same article ([`Visits::event_places`]), so an edge none of whose
    /// articles names such a place, in its sentences or as a visit of one of its ends, has
    /// no such event. `arc` (the edge seen from `anchor`), when given, spares reading the
    /// sentences of an edge none of which names a place and all of which come from one
    /// article.
    fn may_be_placed(&self, edge_id: EdgeId, arc: Option<(NodeId, &Arc)>) -> bool {
        let graph = self.graph;
        let conditions = self.filter.place.iter().enumerate();
        let mut conditions = conditions.filter(|(_, c)| c.equal).peekable();
        if conditions.peek().is_none() {
            return true;
        }
        let (source, target) = match arc {
            Some((anchor, arc)) if arc.outgoing => (anchor, arc.other),
            Some((anchor, arc)) => (arc.other, anchor),
            None => graph.endpoints(edge_id),
        };
        let kind = arc.map_or_else(|| graph.edge(edge_id).kind, |(_, a)| a.kind);
        let unread = arc.and_then(|(_, a)| a.one_doc.filter(|_| !a.placed));
        conditions.all(|(n, condition)| {
            let admits = |place: NodeId| {
                *self
                    .admitted
                    .borrow_mut()
                    .entry((n, place))
                    .or_insert_with(|| condition.admits_node(graph, place))
            };
            let visited = |doc: DocId| {
                kind != RelationKind::Called
                    && graph.visits_in(doc).iter().any(|v| {
                        (v.visitor == source || v.visitor == target)
                            && graph.node(v.place).place_kind != Some(PlaceKind::Facility)
                            && admits(v.place)
                    })
            };
            if kind == RelationKind::Visited {
                return admits(target);
            }
            if let Some(doc) = unread {
                return visited(doc);
            }
            graph.edge(edge_id).evidence.iter().any(|e| {
                e.place
                    .as_deref()
                    .is_some_and(|p| condition.admits(graph, p))
                    || visited(e.doc)
            })
        })
    }

    /// The evidence of an edge that passes: every sentence when nothing narrows it, else the
    /// sentences of the events that pass.
    fn passing(&self, edge_id: EdgeId, edge: &Edge) -> Vec<usize> {
        if self.filter.is_empty() {
            return (0..edge.evidence.len()).collect();
        }
        let mut out: Vec<usize> = Vec::new();
        for event in occasions(edge) {
            if self.accepts(edge_id, edge, &event) {
                out.extend(event);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Does an event (sentences of one edge on one occasion) pass every condition? Each
    /// condition holds when some sentence of the event satisfies it.
    fn accepts(&self, edge_id: EdgeId, edge: &Edge, event: &[usize]) -> bool {
        let graph = self.graph;
        let filter = self.filter;
        let (source, target) = graph.endpoints(edge_id);
        let sentences = || event.iter().map(|&i| &edge.evidence[i]);
        let target_name = &graph.node(target).name;
        for group in &filter.about {
            let on_topic = group.iter().any(|term| {
                sentences().any(|e| e.topics.iter().any(|t| term.matches(t)))
                    // A quote is about what it mentions; a discussion about what was discussed.
                    || (edge.kind == RelationKind::Said && term.mentioned_in(target_name))
                    || (edge.kind == RelationKind::Discussed && term.matches(target_name))
            });
            if !on_topic {
                return false;
            }
        }
        if !filter.place.is_empty() {
            let places = self.visits.event_places(edge_id, event);
            for condition in &filter.place {
                let at = places.iter().any(|p| condition.admits(graph, p));
                if at != condition.equal {
                    return false;
                }
            }
        }
        for partners in &self.partners {
            let met = sentences().any(|e| {
                [source, target]
                    .iter()
                    .any(|&end| partners.contains(&(end, e.doc, e.span)))
            });
            if !met {
                return false;
            }
        }
        if !filter.dates.is_empty() {
            let dated = sentences().any(|e| {
                e.date
                    .as_ref()
                    .and_then(|d| d.range)
                    .is_some_and(|r| filter.dates.iter().all(|c| c.accepts(r.start, r.end)))
            });
            if !dated {
                return false;
            }
        }
        let Some(first) = sentences().next() else {
            return false;
        };
        let doc = graph.docs().get(first.doc as usize);
        if !filter.published.is_empty() {
            let Some(day) = doc.and_then(|d| d.date) else {
                return false;
            };
            if !filter.published.iter().all(|c| c.accepts(day, day)) {
                return false;
            }
        }
        for wanted in &filter.source {
            if !doc.is_some_and(|d| source_holds(&d.id, d.title.as_deref(), wanted)) {
                return false;
            }
        }
        for &(status, equal) in &filter.status {
            if sentences().any(|e| e.status == status) != equal {
                return false;
            }
        }
        for &(op, wanted) in &filter.confidence {
            let meets = |e: &crate::graph::Evidence| {
                let have = (f64::from(e.confidence) * 1000.0).round() as u64;
                match op {
                    Op::Eq => have == wanted,
                    Op::Ne => have != wanted,
                    Op::Lt => have < wanted,
                    Op::Le => have <= wanted,
                    Op::Gt => have > wanted,
                    Op::Ge | Op::Within => have >= wanted,
                }
            };
            if !sentences().any(meets) {
                return false;
            }
        }
        for title in &filter.role {
            if !sentences().any(|e| e.role.as_deref().is_some_and(|r| word_stems(r) == *title)) {
                return false;
            }
        }
        true
    }
}

/// True when an article's id or title holds the folded text.
pub(super) fn source_holds(id: &str, title: Option<&str>, folded: &str) -> bool {
    let holds = |text: &str| crate::names::normalize(text).contains(folded);
    holds(id) || title.is_some_and(holds)
}

/// A topic named in evidence is the canonical name of a node when it was read; find that node
/// again (names can later become aliases through merges), or keep the phrase.
fn topic_key(graph: &KnowledgeGraph, topic: &str) -> Key {
    match graph.lookup(topic) {
        Resolution::One(id) => Key::Node(id),
        Resolution::Ambiguous(ids) => ids
            .into_iter()
            .find(|&id| graph.node(id).name == topic)
            .map_or_else(|| Key::Text(topic.to_string()), Key::Node),
        Resolution::Unknown(_) => Key::Text(topic.to_string()),
    }
}

/// Rows under construction: one per key, in the order first reached, each with its evidence
/// and whether that evidence is plain: every sentence of one edge, none denied, in the order
/// answers show them.
#[derive(Default)]
struct Gathered {
    index: FxHashMap<Key, usize>,
    rows: Vec<(Key, Refs, bool)>,
    /// Every key comes once (one arm of one symmetric or directed relation): no index needed.
    unique: bool,
}

impl Gathered {
    fn add(&mut self, key: Key, refs: impl IntoIterator<Item = EvidenceRef>) {
        self.add_plain(key, refs, false);
    }

    /// Adds evidence to a key's row; `plain` says the evidence is plain when it is the row's
    /// only evidence.
    fn add_plain(&mut self, key: Key, refs: impl IntoIterator<Item = EvidenceRef>, plain: bool) {
        if self.unique {
            self.rows.push((key, refs.into_iter().collect(), plain));
            return;
        }
        let at = *self.index.entry(key.clone()).or_insert_with(|| {
            self.rows.push((key, Refs::new(), false));
            self.rows.len() - 1
        });
        self.rows[at].1.extend(refs);
    }
}

/// The answers of one arm: from its anchor (and the places within it) along its edges.
fn arm_rows(
    judge: &Judge<'_>,
    star: &Star,
    arm: &super::super::plan::Arm,
    topic_keys: &mut FxHashMap<String, Key>,
) -> Gathered {
    let graph = judge.graph;
    let mut here = Gathered {
        // One edge per (relation, pair): from one anchor along one relation, read one way (or
        // with no way round), each answer is reached once.
        unique: star.arms.len() == 1
            && arm.within.is_empty()
            && !star.by_topic
            && matches!(arm.kinds.as_slice(), [kind] if kind.is_symmetric() || arm.direction != Direction::Both),
        ..Gathered::default()
    };
    for &anchor in std::iter::once(&arm.anchor).chain(&arm.within) {
        // The arcs, not the edges, so that a hub's edges are read from one array.
        for arc in graph.arcs(anchor) {
            let (edge_id, other) = (arc.edge, arc.other);
            if !arm.kinds.contains(&arc.kind) || !along(arm.direction, arc.outgoing, arc.kind) {
                continue;
            }
            if !star.by_topic
                && let Some(kind) = star.kind
                && arc.other_kind != kind
            {
                continue;
            }
            let by_node = !star.by_topic || arc.kind == RelationKind::Discussed;
            if by_node && judge.filter.is_empty() {
                // Nothing narrows the evidence: every sentence, without gathering events.
                here.add_plain(
                    Key::Node(other),
                    (0..arc.evidence as usize).map(|index| EvidenceRef {
                        edge: edge_id,
                        index,
                    }),
                    arc.plain,
                );
                continue;
            }
            if !judge.may_pass(arc) || !judge.may_be_placed(edge_id, Some((anchor, arc))) {
                continue;
            }
            let edge = graph.edge(edge_id);
            let passing = judge.passing(edge_id, edge);
            if passing.is_empty() {
                continue;
            }
            let refs = passing.iter().map(|&index| EvidenceRef {
                edge: edge_id,
                index,
            });
            if by_node {
                here.add(Key::Node(other), refs);
                continue;
            }
            for at in refs {
                for topic in &edge.evidence[at.index].topics {
                    let key = topic_keys
                        .entry(topic.clone())
                        .or_insert_with(|| topic_key(graph, topic))
                        .clone();
                    here.add(key, [at]);
                }
            }
        }
    }
    here
}

pub(super) fn star_rows(graph: &KnowledgeGraph, star: &Star, keep_denied: bool) -> Vec<Found> {
    let judge = Judge::new(graph, &star.filter);
    let mut topic_keys: FxHashMap<String, Key> = FxHashMap::default();
    let mut found: Option<Gathered> = None;
    for arm in &star.arms {
        let here = arm_rows(&judge, star, arm, &mut topic_keys);
        // `who met X and Y`: an answer must be reached from every anchor; it keeps the
        // evidence from all of them.
        found = Some(match found {
            None => here,
            Some(before) => {
                let mut both = Gathered::default();
                for (key, mut refs, _) in before.rows {
                    if let Some(&at) = here.index.get(&key) {
                        refs.extend(here.rows[at].1.iter().copied());
                        refs.sort_unstable();
                        refs.dedup();
                        both.add(key, refs);
                    }
                }
                both
            }
        });
    }
    let excluded: FxHashSet<NodeId> = star
        .arms
        .iter()
        .flat_map(|a| std::iter::once(a.anchor).chain(a.within.iter().copied()))
        .chain(star.filter.with.iter().copied())
        .collect();
    let found = found.map(|f| f.rows).unwrap_or_default();
    let mut rows: Vec<(u64, Found)> = Vec::with_capacity(found.len());
    for (key, refs, plain) in found {
        if matches!(key, Key::Node(id) if excluded.contains(&id)) {
            continue;
        }
        let shown = if plain {
            Some((refs, false))
        } else {
            affirmed_or_denied(graph, refs, keep_denied)
        };
        if let Some((refs, denied)) = shown {
            // Denials last, then the most sentences first, as one number that sorts fast.
            let rank = (u64::from(denied) << 32) | u64::from(u32::MAX - refs.len() as u32);
            rows.push((rank, Found::new(key, refs)));
        }
    }
    // The best supported answer first, denials last; then by name.
    if rows.iter().all(|(_, row)| matches!(row.key, Key::Node(_))) {
        sort_nodes_by_name(graph, &mut rows);
    } else {
        sort_by_name(graph, &mut rows, |g, row| label(g, &row.key));
    }
    rows.into_iter().map(|(_, row)| row).collect()
}

/// A row's evidence without the sentences that deny its event, best first, and false; or,
/// when every sentence denies it and denials are kept, all of them and true; else nothing.
fn affirmed_or_denied(
    graph: &KnowledgeGraph,
    mut refs: Refs,
    keep_denied: bool,
) -> Option<(Refs, bool)> {
    let denied = |r: &EvidenceRef| evidence_at(graph, *r).is_some_and(|e| e.status.is_denied());
    let denials = refs.iter().filter(|r| denied(r)).count();
    if denials == refs.len() {
        return (keep_denied && !refs.is_empty()).then(|| (best_first(graph, refs), true));
    }
    if denials > 0 {
        refs.retain(|r| !denied(r));
    }
    Some((best_first(graph, refs), false))
}

/// Where a row of a scan of relationships goes: denials last, the best supported first, then
/// by the two names' folded beginnings.
type PairRank = (bool, std::cmp::Reverse<usize>, u128, u128);

/// Every relationship of the types, once for each way it may be read: an undirected pattern
/// reads a meeting of A and B as (A, B) and as (B, A), as Cypher does, unless the pattern
/// orders the two names (`who.name < whom.name`).
pub(super) fn pair_rows(graph: &KnowledgeGraph, pairs: &Pairs, plan: &Plan) -> Vec<Found> {
    let judge = Judge::new(graph, &pairs.filter);
    let fits = |id: NodeId, kind: Option<EntityKind>, conditions: &[NodeCondition]| {
        kind.is_none_or(|k| graph.node(id).kind == k)
            && conditions.iter().all(|c| node_condition(graph, id, c))
    };
    let ordered = |a: NodeId, b: NodeId| {
        let Some(op) = plan.pair_order else {
            return true;
        };
        let (x, y) = (
            crate::names::normalize(&graph.node(a).name),
            crate::names::normalize(&graph.node(b).name),
        );
        let order = x.cmp(&y).then(a.cmp(&b));
        match op {
            Op::Lt => order.is_lt(),
            Op::Le => order.is_le(),
            Op::Gt => order.is_gt(),
            Op::Ge => order.is_ge(),
            Op::Eq => order.is_eq(),
            Op::Ne | Op::Within => order.is_ne(),
        }
    };
    let mut rows: Vec<(PairRank, Found)> = Vec::new();
    for (edge_id, source, target, edge) in graph.edges() {
        if !pairs.kinds.contains(&edge.kind) {
            continue;
        }
        let readings: &[(NodeId, NodeId)] = match pairs.direction {
            _ if edge.kind.is_symmetric() => &[(source, target), (target, source)],
            Direction::Right => &[(source, target)],
            Direction::Left => &[(target, source)],
            Direction::Both => &[(source, target), (target, source)],
        };
        // (A star checks places on its arcs before asking which sentences pass.)
        if !judge.may_be_placed(edge_id, None) {
            continue;
        }
        let refs: Refs = judge
            .passing(edge_id, edge)
            .into_iter()
            .map(|index| EvidenceRef {
                edge: edge_id,
                index,
            })
            .collect();
        let Some((evidence, is_denied)) = affirmed_or_denied(graph, refs, plan.keep_denied) else {
            continue;
        };
        for &(a, b) in readings {
            if !fits(a, pairs.left, &plan.node_conditions)
                || !fits(b, pairs.right, &plan.second_conditions)
                || !ordered(a, b)
            {
                continue;
            }
            let prefix = |id: NodeId| graph.name_order(id);
            let rank = (
                is_denied,
                std::cmp::Reverse(evidence.len()),
                prefix(a),
                prefix(b),
            );
            let mut row = Found::new(Key::Node(a), evidence.clone());
            row.second = Some(b);
            rows.push((rank, row));
        }
    }
    sort_by_name(graph, &mut rows, |g, row| {
        let name = |id: NodeId| g.node(id).name.clone();
        let Key::Node(a) = row.key else {
            return String::new();
        };
        format!(
            "{}\u{0}{}",
            name(a),
            row.second.map(name).unwrap_or_default()
        )
    });
    rows.into_iter().map(|(_, row)| row).collect()
}
