//! The knowledge graph: one node per real thing, one edge per (relation, pair), every edge
//! carrying the evidence sentences that support it.
//!
//! Documents are merged in one at a time with [`KnowledgeGraph::add`]. Entities from different
//! documents become one node when their folded names agree (with transliteration folding for
//! people), and a person named only by surname joins the one person in the graph with that surname.
//! Every such merge is recorded in [`KnowledgeGraph::merges`].

mod fuzzy;
mod namesakes;
mod order;
mod snapshot;
mod visits;
mod words;

pub use fuzzy::MAX_FUZZY_CHARS;

pub use order::name_prefix;
pub use snapshot::GraphFileError;
pub use visits::Visit;
pub use words::{word_stem, word_stems};

use std::collections::BTreeSet;
use std::sync::OnceLock;

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::model::{Date, DateRef, EntityKind, Extraction, MergeReason, PlaceKind, RelationKind};
use crate::model::{Role, Rule, Status};
use crate::names::{normalize, org_key, person_key, surname_key};
use crate::text::{Document, Span};

/// A node's index; stable while the graph lives (merges remove nodes but never renumber).
pub type NodeId = NodeIndex<u32>;
/// An edge's index.
pub type EdgeId = EdgeIndex<u32>;
/// Index of a document in [`KnowledgeGraph::docs`].
pub type DocId = u32;

/// A merged entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Node {
    /// The canonical name.
    pub name: String,
    /// Its type.
    pub kind: EntityKind,
    /// For places: what sort of place.
    pub place_kind: Option<PlaceKind>,
    /// Every other form seen for it, sorted.
    pub aliases: BTreeSet<String>,
    /// Roles, sorted and without repeats.
    pub roles: BTreeSet<Role>,
    /// How many mentions of it were read.
    pub mentions: u32,
    /// The documents that mention it.
    pub docs: BTreeSet<DocId>,
}

/// One sentence that supports an edge, with what that sentence says about the event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The document.
    pub doc: DocId,
    /// The sentence's byte span in that document.
    pub span: Span,
    /// The sentence itself.
    pub sentence: String,
    /// The rule that produced the relation.
    pub rule: Rule,
    /// How far the rule is trusted, from 0 to 1.
    pub confidence: f32,
    /// Happened, reported, planned or denied.
    pub status: Status,
    /// Canonical names of what this event was about.
    pub topics: Vec<String>,
    /// Canonical name of where it took place.
    pub place: Option<String>,
    /// When it took place.
    pub date: Option<DateRef>,
    /// For HOLDS_ROLE: the title.
    pub role: Option<String>,
}

/// All that the graph knows of one relation between two nodes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    /// The relation.
    pub kind: RelationKind,
    /// The sentences that support it, in the order they were read.
    pub evidence: Vec<Evidence>,
}

impl Edge {
    /// Every topic named by any of the evidence, sorted.
    pub fn topics(&self) -> BTreeSet<&str> {
        self.evidence
            .iter()
            .flat_map(|e| e.topics.iter().map(String::as_str))
            .collect()
    }

    /// How many documents support the edge.
    pub fn doc_count(&self) -> usize {
        self.evidence
            .iter()
            .map(|e| e.doc)
            .collect::<BTreeSet<_>>()
            .len()
    }

    /// The highest confidence among the evidence.
    pub fn confidence(&self) -> f32 {
        self.evidence
            .iter()
            .map(|e| e.confidence)
            .fold(0.0, f32::max)
    }
}

/// What the graph remembers of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocInfo {
    /// The document id.
    pub id: String,
    /// The article's date, when known.
    pub date: Option<Date>,
    /// The title, when the record gave one.
    pub title: Option<String>,
}

/// A record of two entities taken as one, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Merge {
    /// The name that was kept.
    pub kept: String,
    /// The name that was folded into it.
    pub merged: String,
    /// Why: which rule.
    pub reason: MergeReason,
    /// The document being read when it happened.
    pub doc: String,
}

/// How a name given by the user resolves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Exactly one node.
    One(NodeId),
    /// Several nodes share the name; the user must choose.
    Ambiguous(Vec<NodeId>),
    /// No node has the name; the closest known names, best first.
    Unknown(Vec<String>),
}

/// Counts of what the graph holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Documents read.
    pub documents: usize,
    /// Nodes in all.
    pub nodes: usize,
    /// Edges in all.
    pub edges: usize,
    /// Nodes by type, in [`EntityKind::ALL`] order, zero counts left out.
    pub nodes_by_kind: Vec<(EntityKind, usize)>,
    /// Edges by type, in [`RelationKind::ALL`] order, zero counts left out.
    pub edges_by_kind: Vec<(RelationKind, usize)>,
    /// Merges recorded.
    pub merges: usize,
}

/// The knowledge graph over petgraph, with the indexes that make names and merges cheap.
#[derive(Clone, Debug, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<Node, Edge, u32>,
    docs: Vec<DocInfo>,
    /// Folded name or alias -> nodes that carry it.
    names: FxHashMap<String, Vec<NodeId>>,
    /// The folded names and aliases of every node but quotes, by trigram, for did-you-mean:
    /// built at the first unknown name, and dropped whenever a document is added.
    fuzzy: OnceLock<fuzzy::NameGrams>,
    /// The words of every name, for topics matched by word: built at the first question about
    /// a topic, and dropped whenever a document is added.
    words: OnceLock<words::Words>,
    /// Who visited where, by article, for the places of events: built at the first question
    /// that needs it, and dropped whenever a document is added.
    visits: OnceLock<visits::Visits>,
    /// The folded beginning of every node's name, by index, for sorting answers: built at the
    /// first answer sorted by name, and dropped whenever a document is added.
    order: OnceLock<Vec<u128>>,
    /// Merge key (kind + folded name) -> node.
    keys: FxHashMap<(EntityKind, String), NodeId>,
    /// Folded surname -> people with a name of two or more words ending in it.
    surnames: FxHashMap<String, Vec<NodeId>>,
    /// (relation, source, target) -> edge; symmetric relations use the smaller index as source.
    edge_keys: FxHashMap<(RelationKind, NodeId, NodeId), EdgeId>,
    merges: Vec<Merge>,
    /// Nodes merged away during the current `add`, with the node that absorbed each.
    redirects: Vec<(NodeId, NodeId)>,
}

impl KnowledgeGraph {
    /// An empty graph.
    pub fn new() -> KnowledgeGraph {
        KnowledgeGraph::default()
    }

    /// True when a document with this id has been added.
    pub fn has_doc(&self, id: &str) -> bool {
        self.docs.iter().any(|d| d.id == id)
    }

    /// Merges one document's extraction into the graph. A document whose id is already in the
    /// graph is not added again; the return value says whether it was added.
    pub fn add(&mut self, doc: &Document, ex: &Extraction) -> bool {
        if self.has_doc(&doc.id) {
            return false;
        }
        self.fuzzy.take();
        self.words.take();
        self.visits.take();
        self.order.take();
        let doc_id = self.docs.len() as DocId;
        self.docs.push(DocInfo {
            id: doc.id.clone(),
            date: ex.date,
            title: doc.title.clone(),
        });

        let mut mention_counts = vec![0u32; ex.entities.len()];
        for m in &ex.mentions {
            mention_counts[m.entity] += 1;
        }
        let mut node_of: Vec<NodeId> = Vec::with_capacity(ex.entities.len());
        for (i, entity) in ex.entities.iter().enumerate() {
            let key_name = if entity.kind == EntityKind::Quote {
                format!("{}:{}", doc.id, entity.name)
            } else {
                entity.name.clone()
            };
            let id = self.place_entity(entity.kind, &key_name, &entity.name, &doc.id);
            // A node merged away while this document's entities were placed must not be used
            // again: petgraph may hand its index to the next new node.
            for (gone, kept) in std::mem::take(&mut self.redirects) {
                for earlier in &mut node_of {
                    if *earlier == gone {
                        *earlier = kept;
                    }
                }
            }
            let node = &mut self.graph[id];
            if node.place_kind.is_none() {
                node.place_kind = entity.place_kind;
            }
            node.mentions += mention_counts[i];
            node.docs.insert(doc_id);
            if entity.roles.iter().any(|r| !node.roles.contains(r)) {
                let mut roles: Vec<Role> =
                    node.roles.iter().chain(&entity.roles).cloned().collect();
                crate::model::drop_subsumed_roles(&mut roles);
                node.roles = roles.into_iter().collect();
            }
            let mut new_names = Vec::new();
            for alias in entity.aliases.iter().chain(std::iter::once(&entity.name)) {
                if *alias != node.name && node.aliases.insert(alias.clone()) {
                    new_names.push(alias.clone());
                }
            }
            let node_name = self.graph[id].name.clone();
            for alias in new_names {
                self.index_name(&alias, id);
                // Within the document, a rule took this form for the entity: log it with the
                // merges across documents, so that every link can be explained.
                if let Some(link) = entity.links.iter().find(|l| l.alias == alias) {
                    self.merges.push(Merge {
                        kept: node_name.clone(),
                        merged: alias.clone(),
                        reason: MergeReason::Within(link.reason),
                        doc: doc.id.clone(),
                    });
                }
                self.register_keys(entity.kind, &node_name, &[alias], id);
            }
            node_of.push(id);
        }

        for rel in &ex.relations {
            let Some(target) = rel.target else { continue };
            let (source, target) = (node_of[rel.source], node_of[target]);
            if source == target {
                continue;
            }
            // A sentence of a wrapped text runs over lines; evidence is shown on one.
            let sentence = rel
                .sentence
                .of(&doc.text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let evidence = Evidence {
                doc: doc_id,
                span: rel.sentence,
                sentence,
                rule: rel.rule,
                confidence: rel.confidence,
                status: rel.status,
                topics: rel
                    .topics
                    .iter()
                    .map(|&t| self.graph[node_of[t]].name.clone())
                    .collect(),
                place: rel.place.map(|p| self.graph[node_of[p]].name.clone()),
                date: rel.date.clone(),
                role: rel.role.clone(),
            };
            self.add_evidence(rel.kind, source, target, evidence);
        }
        true
    }

    /// Finds or makes the node for an entity, merging by folded name, by an alias another
    /// document gave, or (for a person named by surname only) by surname.
    fn place_entity(&mut self, kind: EntityKind, key_name: &str, name: &str, doc: &str) -> NodeId {
        let key = merge_key(kind, key_name);
        let single_word = !name.trim().contains(char::is_whitespace);
        if let Some(&id) = self.keys.get(&(kind, key.clone())) {
            let kept = &self.graph[id].name;
            let reason = if merge_key(kind, kept) != key {
                Some(MergeReason::Alias)
            } else if kept != name && kind != EntityKind::Quote {
                Some(MergeReason::Spelling)
            } else {
                None
            };
            if let Some(reason) = reason
                && !self
                    .merges
                    .iter()
                    .any(|m| m.kept == *kept && m.merged == name)
            {
                self.merges.push(Merge {
                    kept: kept.clone(),
                    merged: name.to_string(),
                    reason,
                    doc: doc.to_string(),
                });
            }
            return id;
        }
        if kind == EntityKind::Person && single_word {
            // "Steinmeier" alone joins the one person in the graph called "... Steinmeier".
            if let Some(&[id]) = self.surnames.get(&key).map(Vec::as_slice) {
                self.keys.insert((kind, key), id);
                self.merges.push(Merge {
                    kept: self.graph[id].name.clone(),
                    merged: name.to_string(),
                    reason: MergeReason::Surname,
                    doc: doc.to_string(),
                });
                return id;
            }
        }
        let id = self.graph.add_node(Node {
            name: name.to_string(),
            kind,
            place_kind: None,
            aliases: BTreeSet::new(),
            roles: BTreeSet::new(),
            mentions: 0,
            docs: BTreeSet::new(),
        });
        self.index_name(name, id);
        self.register_keys(kind, name, &[], id);
        if kind == EntityKind::Person && !single_word {
            let surname = surname_key(name);
            // A surname-only node made before this full name arrived now joins it, unless two
            // people share the surname.
            if let Some(&[only]) = self.surnames.get(&surname).map(Vec::as_slice)
                && only == id
                && let Some(&lone) = self.keys.get(&(kind, surname))
                && lone != id
                && !self.graph[lone].name.trim().contains(char::is_whitespace)
            {
                self.merges.push(Merge {
                    kept: name.to_string(),
                    merged: self.graph[lone].name.clone(),
                    reason: MergeReason::Surname,
                    doc: doc.to_string(),
                });
                self.absorb(id, lone);
            }
        }
        id
    }

    /// Moves everything of `gone` into `kept`: its names, roles, counts and edges; then removes it.
    fn absorb(&mut self, kept: NodeId, gone: NodeId) {
        let edges: Vec<(EdgeId, NodeId, NodeId)> = self
            .graph
            .edges_directed(gone, Direction::Outgoing)
            .chain(self.graph.edges_directed(gone, Direction::Incoming))
            .map(|e| (e.id(), e.source(), e.target()))
            .collect();
        for (e, source, target) in edges {
            let Some(edge) = self.graph.remove_edge(e) else {
                continue;
            };
            self.edge_keys.remove(&(edge.kind, source, target));
            let source = if source == gone { kept } else { source };
            let target = if target == gone { kept } else { target };
            if source == target {
                continue;
            }
            for evidence in edge.evidence {
                self.add_evidence(edge.kind, source, target, evidence);
            }
        }
        let Some(old) = self.graph.remove_node(gone) else {
            return;
        };
        for name in std::iter::once(&old.name).chain(&old.aliases) {
            if let Some(ids) = self.names.get_mut(&normalize(name)) {
                ids.retain(|&id| id != gone);
                if !ids.contains(&kept) {
                    ids.push(kept);
                }
            }
        }
        for id in self.keys.values_mut() {
            if *id == gone {
                *id = kept;
            }
        }
        for people in self.surnames.values_mut() {
            people.retain(|&id| id != gone);
        }
        let node = &mut self.graph[kept];
        if old.name != node.name {
            node.aliases.insert(old.name);
        }
        node.aliases
            .extend(old.aliases.into_iter().filter(|a| *a != node.name));
        node.roles.extend(old.roles);
        node.mentions += old.mentions;
        node.docs.extend(old.docs);
        if node.place_kind.is_none() {
            node.place_kind = old.place_kind;
        }
        self.redirects.push((gone, kept));
    }

    /// Re-creates the merge keys of a loaded node: its name's key, and the keys of its aliases
    /// of the same kind (so that "Kerry" in a later document still finds "John Kerry").
    ///
    /// A one-word alias of a person is not a key: "Kelly" must stay ambiguous once both Scott
    /// Kelly and Ruth Kelly are known, which the surname index decides.
    fn register_keys(&mut self, kind: EntityKind, name: &str, aliases: &[String], id: NodeId) {
        for alias in aliases {
            if kind == EntityKind::Person && !alias.trim().contains(char::is_whitespace) {
                continue;
            }
            self.keys
                .entry((kind, merge_key(kind, alias)))
                .or_insert(id);
        }
        self.keys.entry((kind, merge_key(kind, name))).or_insert(id);
        if kind == EntityKind::Person && name.trim().contains(char::is_whitespace) {
            let people = self.surnames.entry(surname_key(name)).or_default();
            if !people.contains(&id) {
                people.push(id);
            }
        }
    }

    fn index_name(&mut self, name: &str, id: NodeId) {
        let folded = normalize(name);
        if folded.is_empty() {
            return;
        }
        let ids = self.names.entry(folded).or_default();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }

    fn add_evidence(
        &mut self,
        kind: RelationKind,
        source: NodeId,
        target: NodeId,
        evidence: Evidence,
    ) {
        let (a, b) = if kind.is_symmetric() && target < source {
            (target, source)
        } else {
            (source, target)
        };
        match self.edge_keys.get(&(kind, a, b)) {
            Some(&e) => self.graph[e].evidence.push(evidence),
            None => {
                let e = self.graph.add_edge(
                    a,
                    b,
                    Edge {
                        kind,
                        evidence: vec![evidence],
                    },
                );
                self.edge_keys.insert((kind, a, b), e);
            }
        }
    }
}

/// Reading the graph.
impl KnowledgeGraph {
    /// The node with this id. Panics on an id that is not in the graph: ids come from the graph.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.graph[id]
    }

    /// The edge with this id.
    pub fn edge(&self, id: EdgeId) -> &Edge {
        &self.graph[id]
    }

    /// The two ends of an edge (source, target).
    pub fn endpoints(&self, id: EdgeId) -> (NodeId, NodeId) {
        self.graph
            .edge_endpoints(id)
            .expect("edge ids come from this graph")
    }

    /// Every node, in index order.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeId, &Node)> + '_ {
        self.graph.node_indices().map(|i| (i, &self.graph[i]))
    }

    /// Every edge as (id, source, target, edge), in index order.
    pub fn edges(&self) -> impl Iterator<Item = (EdgeId, NodeId, NodeId, &Edge)> + '_ {
        self.graph.edge_indices().map(|e| {
            let (s, t) = self.endpoints(e);
            (e, s, t, &self.graph[e])
        })
    }

    /// The edges at a node, both directions, as (edge id, the node at the other end, edge,
    /// true when `id` is the edge's source). `kind` narrows to one relation.
    pub fn edges_of(
        &self,
        id: NodeId,
        kind: Option<RelationKind>,
    ) -> impl Iterator<Item = (EdgeId, NodeId, &Edge, bool)> + '_ {
        let out = self
            .graph
            .edges_directed(id, Direction::Outgoing)
            .map(|e| (e.id(), e.target(), e.weight(), true));
        let inc = self
            .graph
            .edges_directed(id, Direction::Incoming)
            .map(|e| (e.id(), e.source(), e.weight(), false));
        out.chain(inc)
            .filter(move |(_, _, e, _)| kind.is_none_or(|k| e.kind == k))
    }

    /// The documents read, in the order they were added.
    pub fn docs(&self) -> &[DocInfo] {
        &self.docs
    }

    /// Every merge of two names into one entity, in the order they happened.
    pub fn merges(&self) -> &[Merge] {
        &self.merges
    }

    /// The number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// The number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Looks a name up as a user would type it: case, accents and punctuation ignored, aliases
    /// included, and a bare surname accepted when one person has it. An unknown name comes with
    /// the closest known names ([`KnowledgeGraph::closest_names`]).
    ///
    /// The cost is that of folding the name and a few hash lookups, plus for an unknown name a
    /// bounded search of the did-you-mean index; it does not grow with the size of the graph.
    pub fn resolve(&self, name: &str) -> Resolution {
        let folded = normalize(name);
        match self.lookup_folded(&folded) {
            Resolution::Unknown(_) => Resolution::Unknown(self.closest_names(&folded, 3)),
            known => known,
        }
    }

    /// [`KnowledgeGraph::resolve`] without the did-you-mean search: an unknown name is
    /// `Unknown` with no suggestions. For callers that only ask whether a name is known (a
    /// topic that may be only a phrase, names a question split at `and`).
    pub fn lookup(&self, name: &str) -> Resolution {
        self.lookup_folded(&normalize(name))
    }

    fn lookup_folded(&self, folded: &str) -> Resolution {
        if let Some(ids) = self.names.get(folded) {
            return match ids.as_slice() {
                [one] => Resolution::One(*one),
                many => Resolution::Ambiguous(self.rank(many)),
            };
        }
        // A bare surname, with its particles: "Kerry", "al-Assad", "de Mistura".
        let words: Vec<&str> = folded.split(' ').collect();
        let bare = words[..words.len() - 1]
            .iter()
            .all(|w| crate::lexicon::Lexicon::builtin().is_particle(w));
        if bare && let Some(people) = self.surnames.get(&surname_key(folded)) {
            match people.as_slice() {
                [one] => return Resolution::One(*one),
                [] => {}
                many => return Resolution::Ambiguous(self.rank(many)),
            }
        }
        if let Some(&id) = self.keys.get(&(EntityKind::Person, person_key(folded))) {
            return Resolution::One(id);
        }
        Resolution::Unknown(Vec::new())
    }

    /// Several nodes for one name, the most mentioned first (ties by name, so output is stable).
    fn rank(&self, ids: &[NodeId]) -> Vec<NodeId> {
        let mut ids = ids.to_vec();
        ids.sort_by(|a, b| {
            let (na, nb) = (&self.graph[*a], &self.graph[*b]);
            nb.mentions
                .cmp(&na.mentions)
                .then_with(|| na.name.cmp(&nb.name))
        });
        ids
    }

    /// Up to `limit` known names that look like `folded` (a name as [`normalize`] folds it),
    /// best first: each entity once, by the name or alias of it most like `folded` (Jaro-Winkler
    /// similarity 0.8 or more). Quotes are never suggested.
    ///
    /// Candidates come from a trigram index and a bounded number of them are scored, so the cost
    /// does not grow with the number of names in the graph; a name longer than
    /// [`MAX_FUZZY_CHARS`] gets no suggestions. The index is built from the graph's names at the
    /// first call after the graph last changed (about 25 ms for the 43,000 names of the Reuters
    /// corpus), so that loading a graph and answering known names never pay for it.
    pub fn closest_names(&self, folded: &str, limit: usize) -> Vec<String> {
        let index = self.fuzzy.get_or_init(|| {
            // Every folded name but those only quotes carry.
            let names: Vec<&str> = self
                .names
                .iter()
                .filter(|(_, ids)| {
                    ids.iter().any(|&id| {
                        self.graph
                            .node_weight(id)
                            .is_some_and(|n| n.kind != EntityKind::Quote)
                    })
                })
                .map(|(name, _)| name.as_str())
                .collect();
            fuzzy::NameGrams::new(names.into_iter())
        });
        let live = |f: &str| self.named(f).next().is_some();
        let mut covered: Vec<NodeId> = Vec::new();
        let mut out: Vec<String> = Vec::new();
        for (candidate, _) in index.closest(folded, 0.8, live) {
            if out.len() == limit {
                break;
            }
            let ids: Vec<NodeId> = self.rank(&self.named(candidate).collect::<Vec<_>>());
            if ids.iter().all(|id| covered.contains(id)) {
                continue;
            }
            let Some(written) = ids.iter().find_map(|&id| self.spelling(id, candidate)) else {
                continue;
            };
            covered.extend(ids);
            if !out.contains(&written) {
                out.push(written);
            }
        }
        out
    }

    /// How a node's name or one of its aliases that folds to `folded` is written: its name, else
    /// the first such alias not in capitals only (`Reagan` rather than a headline's `REAGAN`).
    fn spelling(&self, id: NodeId, folded: &str) -> Option<String> {
        let node = self.graph.node_weight(id)?;
        if normalize(&node.name) == folded {
            return Some(node.name.clone());
        }
        let forms: Vec<&String> = node
            .aliases
            .iter()
            .filter(|a| normalize(a) == folded)
            .collect();
        let shouting = |s: &str| !s.chars().any(char::is_lowercase);
        forms
            .iter()
            .find(|a| !shouting(a))
            .or(forms.first())
            .map(|a| (*a).clone())
    }

    /// The nodes other than quotes that carry a folded name.
    fn named<'a>(&'a self, folded: &str) -> impl Iterator<Item = NodeId> + 'a {
        self.names
            .get(folded)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&id| {
                self.graph
                    .node_weight(id)
                    .is_some_and(|n| n.kind != EntityKind::Quote)
            })
    }

    /// Counts of nodes, edges and documents.
    pub fn stats(&self) -> Stats {
        let mut nodes_by_kind = Vec::new();
        for kind in EntityKind::ALL {
            let n = self.graph.node_weights().filter(|n| n.kind == kind).count();
            if n > 0 {
                nodes_by_kind.push((kind, n));
            }
        }
        let mut edges_by_kind = Vec::new();
        for kind in RelationKind::ALL {
            let n = self.graph.edge_weights().filter(|e| e.kind == kind).count();
            if n > 0 {
                edges_by_kind.push((kind, n));
            }
        }
        Stats {
            documents: self.docs.len(),
            nodes: self.graph.node_count(),
            edges: self.graph.edge_count(),
            nodes_by_kind,
            edges_by_kind,
            merges: self.merges.len(),
        }
    }
}

/// The key under which entities of one kind merge.
fn merge_key(kind: EntityKind, name: &str) -> String {
    match kind {
        EntityKind::Person => person_key(name),
        EntityKind::Organization => org_key(name),
        _ => normalize(name),
    }
}
