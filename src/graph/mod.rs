//! The knowledge graph: one node per real thing, one edge per (relation, pair), every edge
//! carrying the evidence sentences that support it.
//!
//! The graph keeps every document's extraction as a [`Record`], sorted by document id, with the
//! user's [`Corrections`]; nodes, edges, the name indexes and the merges log are derived from
//! them by one deterministic merge (`merge.rs`). Adding, replacing or removing documents
//! changes the set of records and runs the merge again, so the graph never depends on the order
//! documents arrived in, and taking a document out takes out everything only it supported.
//!
//! Entities from different documents become one node when their folded names agree (with
//! transliteration folding for people), and a person named only by surname joins the one person
//! with that surname among the documents before it (by id). Every such merge is recorded in
//! [`KnowledgeGraph::merges`]; merges the corrections prevented in [`KnowledgeGraph::splits`].

mod adjacency;
mod audit;
mod canon;
mod corrections;
mod docset;
mod file;
mod fuzzy;
mod join;
mod merge;
mod namesakes;
mod ontop;
mod order;
mod record;
mod survey;
mod visits;
mod within;
mod words;

pub use adjacency::{Arc, DateHull};
pub use audit::{Audit, Duplicate, EventDates, Merged, Suspect};
pub use corrections::{Corrections, CorrectionsError, Different, Drop, Retype, RoleFix, Same};
pub use docset::DocSet;
pub use file::{
    FORMAT_VERSION, FileHead, FileParts, GraphFileError, MAX_RECORD_LINE_BYTES, RecordBlock,
    RecordLineError, Section, StoredGraph, parse_record_line, record_line,
};
pub use fuzzy::MAX_FUZZY_CHARS;
pub use order::name_prefix;
pub use record::{Record, RecordEntity, RecordRelation, fingerprint, text_hash};
pub use visits::Visit;
pub use within::{PlaceFacts, known_ids, names_of};
pub use words::{word_stem, word_stems};

use std::collections::BTreeSet;
use std::sync::OnceLock;

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::model::{Date, DateRef, EntityKind, Extraction, MergeReason, PlaceKind, RelationKind};
use crate::model::{Role, Rule, Status};
use crate::names::{normalize, org_key, person_key, surname_key};
use crate::text::{Document, Span};

/// A node's index; stable while the graph lives (merges remove nodes but never renumber).
pub type NodeId = NodeIndex<u32>;

/// The nodes a name index gives for one key: almost always one, held inline up to four (an index
/// of news holds a hundred thousand keys; a vector each would be as many allocations).
pub(crate) type NodeIds = smallvec::SmallVec<[NodeId; 4]>;
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
    pub docs: DocSet,
}

/// One sentence that supports an edge, with what that sentence says about the event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The document.
    pub doc: DocId,
    /// The sentence's byte span in that document.
    pub span: Span,
    /// The sentence itself.
    pub sentence: Box<str>,
    /// The rule that produced the relation.
    pub rule: Rule,
    /// How far the rule is trusted, from 0 to 1.
    pub confidence: f32,
    /// Happened, reported, planned or denied.
    pub status: Status,
    /// Canonical names of what this event was about.
    pub topics: Box<[String]>,
    /// Canonical name of where it took place.
    pub place: Option<Box<str>>,
    /// When it took place (boxed: most statements have no date).
    pub date: Option<Box<DateRef>>,
    /// For HOLDS_ROLE: the title.
    pub role: Option<Box<str>>,
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

/// What the graph remembers of a document whose facts it holds. A document with the same text
/// as one before it (by id) adds no facts: it is listed in the first one's `also`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocInfo {
    /// The document id.
    pub id: String,
    /// The article's date, when known.
    pub date: Option<Date>,
    /// The title, when the record gave one.
    pub title: Option<String>,
    /// The ids of other documents with the same text (the same story filed twice), sorted.
    pub also: Vec<String>,
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

/// A merge the corrections prevented: `name` would have joined `apart_from`, and a
/// `different` correction says they are not one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Split {
    /// The name kept apart.
    pub name: String,
    /// The entity it would have joined.
    pub apart_from: String,
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
    /// Documents held (each id once).
    pub documents: usize,
    /// Documents whose text is that of another document held: kept as another source of the
    /// same facts, not as new facts.
    pub duplicates: usize,
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
    /// Every document's extraction as its block, sorted by id, ids distinct: what the rest is
    /// derived from, decoded a record at a time when merged.
    records: file::RecordBlocks,
    /// The user's corrections, applied by every merge.
    corrections: Corrections,
    /// The corrections folded for the merge.
    fixes: merge::Fixes,
    graph: StableDiGraph<Node, Edge, u32>,
    docs: Vec<DocInfo>,
    /// Fingerprint -> the document in `docs` that holds the facts of that text.
    fingerprints: FxHashMap<u64, DocId>,
    /// Folded name or alias ([`name_key`]) -> nodes that carry it.
    names: FxHashMap<u128, NodeIds>,
    /// The folded names and aliases of every node but quotes, by trigram, for did-you-mean:
    /// built at the first unknown name, and dropped whenever the graph changes.
    fuzzy: OnceLock<fuzzy::NameGrams>,
    /// The words of every name, for topics matched by word: built at the first question about
    /// a topic, and dropped whenever the graph changes.
    words: OnceLock<words::Words>,
    /// Who visited where, by article, for the places of events: built at the first question
    /// that needs it, and dropped whenever the graph changes.
    visits: OnceLock<visits::Visits>,
    /// The folded beginning of every node's name, by index, for sorting answers: built at the
    /// first answer sorted by name, and dropped whenever the graph changes.
    order: OnceLock<order::Order>,
    /// Every node's edges in one array, and what each edge's evidence holds, for questions:
    /// built at the first question, and dropped whenever the graph changes.
    adjacency: OnceLock<adjacency::Adjacency>,
    /// What the gazetteer says each place lies within, for `in PLACE`: built at the first
    /// question about a place, and dropped whenever the graph changes.
    within: OnceLock<within::Within>,
    /// Merge key (kind + folded name, [`kind_key`]) -> node.
    keys: FxHashMap<u128, NodeId>,
    /// Merge key -> further nodes of that key that a `different` correction kept apart.
    apart: FxHashMap<u128, NodeIds>,
    /// Folded surname ([`name_key`]) -> people with a name of two or more words ending in it.
    surnames: FxHashMap<u128, NodeIds>,
    /// (relation, source, target) -> edge; symmetric relations use the smaller index as source.
    edge_keys: FxHashMap<(RelationKind, NodeId, NodeId), EdgeId>,
    merges: Vec<Merge>,
    /// (kept, merged) of every merge by alias or spelling logged, so each is logged once.
    logged: FxHashSet<(String, String)>,
    splits: Vec<Split>,
    /// Nodes merged away during the current record, with the node that absorbed each.
    redirects: Vec<(NodeId, NodeId)>,
    /// When each node was made, by node index: the order the graph keeps its nodes in once
    /// merged (petgraph hands the index of a removed node to the next new one).
    node_births: Vec<u32>,
    /// When each edge was made, by edge index.
    edge_births: Vec<u32>,
    /// Nodes and edges made so far.
    births: u32,
    /// A node or an edge was removed since the graph was last put in order (`canonicalize`).
    holes: bool,
    /// The distinct strings of the merged block this graph was read from (0 if none): what
    /// saving it again reserves its table of strings for.
    merged_strings: usize,
    /// Built only to be saved ([`KnowledgeGraph::to_save`]): merges leave it out of order, and
    /// it is put in order as it is written.
    unordered: bool,
    /// The company vote's counts over the records (`survey::Votes`).
    votes: survey::VoteCounts,
    /// Read from a graph file: the indexes only merging needs (edges by their ends,
    /// fingerprints, the merges logged, the corrections prepared as `fixes`) are not there
    /// until `resume` makes them.
    read: bool,
    /// The records came from a file and passed its checksum, but have not all been decoded: at
    /// the first change, those that do not decode (a forged file) are left out.
    unchecked: bool,
    /// Read without its records ([`KnowledgeGraph::from_sections`]): it may answer questions,
    /// but not change or be saved until [`KnowledgeGraph::attach_records`].
    records_absent: bool,
}

/// What became of one document given to [`KnowledgeGraph::insert`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A new document.
    Added,
    /// The graph held this id with this text already: nothing changed.
    Unchanged,
    /// The graph held this id with another text: the new version took its place.
    Replaced,
    /// The graph held this id with another text, and replacing was not asked for.
    Kept,
}

impl KnowledgeGraph {
    /// An empty graph.
    pub fn new() -> KnowledgeGraph {
        KnowledgeGraph::default()
    }

    /// An empty graph to be built, saved and let go (`kg build`): merges do not put its
    /// nodes and edges back in the order they were made in, which takes a second copy of
    /// them; saving writes them in that order, so the file is the one any graph of the same
    /// documents saves. Its answers may list ties in another order than the saved graph's,
    /// so it is for saving, not for questions.
    pub fn to_save() -> KnowledgeGraph {
        KnowledgeGraph {
            unordered: true,
            ..KnowledgeGraph::default()
        }
    }

    /// True when a document with this id is in the graph.
    pub fn has_doc(&self, id: &str) -> bool {
        if self.records_absent {
            return self
                .docs
                .iter()
                .any(|d| d.id == id || d.also.iter().any(|a| a == id));
        }
        self.records.has(id)
    }

    /// The record of every document, sorted by id, decoded.
    ///
    /// # Panics
    ///
    /// When the graph was read without its records ([`KnowledgeGraph::from_sections`]), as do
    /// the methods that change the graph and [`KnowledgeGraph::to_bytes`].
    pub fn records(&self) -> Vec<Record> {
        self.expect_records();
        self.records.decode_all()
    }

    /// The fingerprint of every document's text ([`fingerprint`]), in order of their ids.
    ///
    /// # Panics
    ///
    /// When the graph was read without its records ([`KnowledgeGraph::from_sections`]).
    pub fn fingerprints(&self) -> Vec<u64> {
        self.expect_records();
        self.records.fingerprints()
    }

    /// How many documents the graph holds.
    pub fn doc_count(&self) -> usize {
        if self.records_absent {
            // A file's merged graph holds one document a record (checked when it is read).
            return self.merged_doc_count();
        }
        self.records.len()
    }

    /// How many documents the merged graph holds: those whose facts it has, and the other
    /// documents of the same text.
    pub(crate) fn merged_doc_count(&self) -> usize {
        self.docs.len() + self.docs.iter().map(|d| d.also.len()).sum::<usize>()
    }

    /// Refuses to go on with a graph read without its records: changing or saving it would
    /// lose them. A caller of [`KnowledgeGraph::from_sections`] attaches them first.
    fn expect_records(&self) {
        assert!(
            !self.records_absent,
            "a graph read without its records cannot change or be saved: attach_records first"
        );
    }

    /// Before the first change of a graph read from a file: leaves out the records that do not
    /// decode (their blocks passed the file's checksum, so only a forged file has one).
    fn check_records(&mut self) {
        self.expect_records();
        if std::mem::take(&mut self.unchecked) {
            self.records = std::mem::take(&mut self.records).checked();
        }
    }

    /// The corrections the graph applies.
    pub fn corrections(&self) -> &Corrections {
        &self.corrections
    }

    /// Replaces the corrections and merges again.
    pub fn set_corrections(&mut self, corrections: Corrections) {
        if corrections != self.corrections {
            self.corrections = corrections;
            self.check_records();
            self.rebuild();
        }
    }

    /// Merges one document's extraction into the graph. A document whose id is already in the
    /// graph is not added again; the return value says whether it was added.
    pub fn add(&mut self, doc: &Document, ex: &Extraction) -> bool {
        self.insert(vec![Record::new(doc, ex)], false)[0] == Outcome::Added
    }

    /// Adds records: a new id is added; an id the graph holds with the same text changes
    /// nothing; with another text, the record replaces the old one when `replace` says so.
    /// Within `records`, the first of an id wins and later ones are [`Outcome::Unchanged`] or
    /// [`Outcome::Kept`]. The graph is merged once, after all of them.
    pub fn insert(&mut self, records: Vec<Record>, replace: bool) -> Vec<Outcome> {
        let blocks = records.par_iter().map(file::RecordBlock::encode).collect();
        self.insert_blocks(blocks, replace)
    }

    /// [`KnowledgeGraph::insert`] for records already encoded as blocks
    /// ([`file::RecordBlock::encode`]), so that a large build holds its records encoded.
    pub fn insert_blocks(
        &mut self,
        records: Vec<file::RecordBlock>,
        replace: bool,
    ) -> Vec<Outcome> {
        // The records of a file are checked only when they are all merged again: merging new
        // ones on top reads none of them.
        self.expect_records();
        // Each id is looked up once, by binary search among the records held; new records are
        // sorted and merged with those held in one pass, so that adding n records to a graph
        // of m costs O(m + n log n), not a shift of the records held for every new one.
        let mut outcomes = Vec::with_capacity(records.len());
        // Id -> the text hash of the record that stands for it after its first record.
        let mut first: FxHashMap<String, u64> = FxHashMap::default();
        first.reserve(records.len());
        let mut added: Vec<file::RecordBlock> = Vec::new();
        let mut replaced: FxHashMap<usize, file::RecordBlock> = FxHashMap::default();
        for record in records {
            if let Some(&hash) = first.get(record.id.as_str()) {
                // A later record of an id given earlier: the first one stays.
                outcomes.push(if hash == record.text_hash {
                    Outcome::Unchanged
                } else {
                    Outcome::Kept
                });
                continue;
            }
            match self.records.position(&record.id) {
                Ok(i) if self.records.head(i).1 == record.text_hash => {
                    first.insert(record.id.clone(), record.text_hash);
                    outcomes.push(Outcome::Unchanged);
                }
                Ok(i) if !replace => {
                    first.insert(record.id.clone(), self.records.head(i).1);
                    outcomes.push(Outcome::Kept);
                }
                Ok(i) => {
                    first.insert(record.id.clone(), record.text_hash);
                    replaced.insert(i, record);
                    outcomes.push(Outcome::Replaced);
                }
                Err(_) => {
                    first.insert(record.id.clone(), record.text_hash);
                    added.push(record);
                    outcomes.push(Outcome::Added);
                }
            }
        }
        if added.is_empty() && replaced.is_empty() {
            return outcomes;
        }
        added.sort_unstable_by(|a, b| a.id.cmp(&b.id));
        // Records that the merge takes after every one held (a later day, or a later id on the
        // last day: `RecordBlocks::merge_order`) can be merged on top of what is there, which
        // is what merging everything again would do, when no correction applies at the end. (A
        // graph of no records is merged in full: that is one pass, and it counts the votes.)
        let last_held = self.records.last_merged();
        let on_top = replaced.is_empty()
            && self.corrections.same.is_empty()
            && self.corrections.role.is_empty()
            && last_held.is_some_and(|last| added.iter().all(|a| (a.date(), a.id.as_str()) > last));
        let mut new: Vec<(Option<crate::model::Date>, String)> = Vec::new();
        if on_top {
            new = added.iter().map(|a| (a.date(), a.id.clone())).collect();
            new.sort_unstable();
        }
        self.records = std::mem::take(&mut self.records).with(&replaced, &added);
        drop(added);
        self.clear_indexes();
        let at: Vec<usize> = new
            .iter()
            .filter_map(|(_, id)| self.records.position(id).ok())
            .collect();
        // A new record may make a name a company's that an earlier record's person has: then
        // everything is merged again.
        if !(on_top && self.merge_on_top(&at)) {
            self.check_records();
            self.rebuild();
        }
        outcomes
    }

    /// Takes documents out, with everything only they supported. Returns, for each id, whether
    /// the graph held it.
    pub fn remove(&mut self, ids: &[&str]) -> Vec<bool> {
        self.check_records();
        let at: Vec<Option<usize>> = ids
            .iter()
            .map(|id| self.records.position(id).ok())
            .collect();
        let gone: FxHashSet<usize> = at.iter().flatten().copied().collect();
        if !gone.is_empty() {
            self.records = std::mem::take(&mut self.records).without(&gone);
            self.rebuild();
        }
        at.iter().map(Option::is_some).collect()
    }

    /// Drops the indexes built on first use (did-you-mean, topic words, visits, name order,
    /// adjacency):
    /// called wherever the graph changes without being merged anew (a merge anew starts from
    /// an empty graph, without them).
    fn clear_indexes(&mut self) {
        self.fuzzy.take();
        self.words.take();
        self.visits.take();
        self.order.take();
        self.adjacency.take();
        self.within.take();
    }

    /// A graph of these records and corrections (records sorted by id, the first of an id
    /// kept), merged once.
    pub fn from_records(mut records: Vec<Record>, corrections: Corrections) -> KnowledgeGraph {
        records.sort_by(|a, b| a.id.cmp(&b.id));
        records.dedup_by(|b, a| a.id == b.id);
        let blocks: Vec<Vec<u8>> = records.par_iter().map(file::encode_record).collect();
        let records = file::RecordBlocks::from_blocks(blocks.iter().map(Vec::as_slice));
        KnowledgeGraph::from_blocks(records, corrections)
    }

    /// A graph of these record blocks (sorted by id, ids distinct) and corrections, merged.
    pub(crate) fn from_blocks(
        records: file::RecordBlocks,
        corrections: Corrections,
    ) -> KnowledgeGraph {
        let mut graph = KnowledgeGraph {
            records,
            corrections,
            ..KnowledgeGraph::default()
        };
        graph.rebuild();
        graph
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

    /// The documents whose facts the graph holds, sorted by id (a document with the same text
    /// as one before it is in that one's `also`). Evidence names a document by its position here.
    pub fn docs(&self) -> &[DocInfo] {
        &self.docs
    }

    /// Every merge of two names into one entity, in the order they happened.
    pub fn merges(&self) -> &[Merge] {
        &self.merges
    }

    /// Every merge a `different` correction prevented, in the order they would have happened.
    pub fn splits(&self) -> &[Split] {
        &self.splits
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
        if let Some(ids) = self.names.get(&name_key(folded)) {
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
        if bare && let Some(people) = self.surnames.get(&name_key(&surname_key(folded))) {
            match people.as_slice() {
                [one] => return Resolution::One(*one),
                [] => {}
                many => return Resolution::Ambiguous(self.rank(many)),
            }
        }
        if let Some(&id) = self
            .keys
            .get(&kind_key(EntityKind::Person, &person_key(folded)))
        {
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
            // Every folded name and alias of every node but quotes, each once, in node order.
            let mut seen: FxHashSet<u128> = FxHashSet::default();
            let mut names: Vec<String> = Vec::new();
            for node in self.graph.node_weights() {
                if node.kind == EntityKind::Quote {
                    continue;
                }
                for name in std::iter::once(&node.name).chain(&node.aliases) {
                    let folded = normalize(name);
                    if !folded.is_empty() && seen.insert(name_key(&folded)) {
                        names.push(folded);
                    }
                }
            }
            fuzzy::NameGrams::new(names.iter().map(String::as_str))
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
            .get(&name_key(folded))
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
            documents: self.doc_count(),
            duplicates: self.doc_count() - self.docs.len(),
            nodes: self.graph.node_count(),
            edges: self.graph.edge_count(),
            nodes_by_kind,
            edges_by_kind,
            merges: self.merges.len(),
        }
    }
}

/// FNV-1a, 128 bits, over some byte strings one after the other: the hash the name indexes are
/// keyed by. Part of the file format (the indexes are saved), so it must never change.
fn fnv1a_128<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> u128 {
    let mut hash: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    for part in parts {
        for &b in part {
            hash ^= u128::from(b);
            hash = hash.wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013b);
        }
    }
    hash
}

/// The key of a folded name in the name and surname indexes: a 128-bit hash, so that an index
/// holds no copy of the names (two names of a graph share one with a chance of about 2^-100).
fn name_key(folded: &str) -> u128 {
    fnv1a_128([folded.as_bytes()])
}

/// The key of a merge key (a kind and a folded name) in the index of merge keys.
fn kind_key(kind: EntityKind, key: &str) -> u128 {
    fnv1a_128([kind.as_str().as_bytes(), b"\0", key.as_bytes()])
}

/// The key under which entities of one kind merge.
fn merge_key(kind: EntityKind, name: &str) -> String {
    match kind {
        EntityKind::Person => person_key(name),
        EntityKind::Organization => org_key(name),
        _ => normalize(name),
    }
}
