//! What the gazetteer says each place of the graph lies within, for `in PLACE`: the folded
//! forms of its names, its gazetteer entries and the entries they lie within. Read at the first
//! question about a place after the graph changed, for every place node at once (a few
//! thousand in a large archive), so that a question that tests thousands of places where its
//! events happened looks each one up instead of folding its names and searching the
//! gazetteer again.

use rustc_hash::FxHashMap;

use super::{KnowledgeGraph, NodeId, Resolution};
use crate::lexicon::Lexicon;
use crate::lexicon::former::former;
use crate::model::{EntityKind, PlaceKind};
use crate::names::normalize;

/// One place, by a name as stored (a node's name, or the place a sentence names).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlaceFacts {
    /// The folded name itself, then the folded names of the node it names (its name and
    /// aliases), when it names one.
    pub folded: Vec<String>,
    /// For a name of a former country's part (West Germany): the folded name of the whole.
    pub part_of: Vec<String>,
    /// The gazetteer entries of those names.
    pub known: Vec<u32>,
    /// Those entries and the entries they lie within (a city's country).
    pub ancestors: Vec<u32>,
}

impl PlaceFacts {
    /// The facts of a place, by its name as stored.
    pub fn of(graph: &KnowledgeGraph, place: &str) -> PlaceFacts {
        let mut facts = PlaceFacts::default();
        for name in names_of(graph, place) {
            let folded = normalize(&name);
            if let Some(whole) = former(&folded).and_then(|f| f.part_of) {
                push_new(&mut facts.part_of, normalize(whole));
            }
            push_new(&mut facts.folded, folded);
            for id in known_ids(&name) {
                push_new(&mut facts.known, id);
                for up in ancestors(id) {
                    push_new(&mut facts.ancestors, up);
                }
            }
        }
        facts
    }
}

fn push_new<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// The gazetteer's entries for a place's name: a place, or an organisation's seat (the
/// Kremlin, the White House) that news uses as a place.
pub fn known_ids(name: &str) -> Vec<u32> {
    let lexicon = Lexicon::builtin();
    let mut ids = Vec::new();
    for kind in [EntityKind::Place, EntityKind::Organization] {
        if let Some(id) = lexicon.known_named(kind, name) {
            ids.push(id);
        }
    }
    if ids.is_empty() && !name.contains(' ') {
        let info = lexicon.word_info(name);
        if let Some(id) = info
            .entity
            .filter(|&id| lexicon.known(id).kind == EntityKind::Place)
        {
            ids.push(id);
        }
    }
    ids
}

/// The entry and every entry it lies within: its country, and for a capital that country.
fn ancestors(id: u32) -> Vec<u32> {
    let lexicon = Lexicon::builtin();
    let mut out = vec![id];
    let known = lexicon.known(id);
    if known.place_kind != Some(PlaceKind::Country)
        && let Some(country) = known.country
    {
        out.push(country);
    }
    out
}

/// A name and, when the graph knows it, the entity's other names (`Kyiv` for `Kiev`).
pub fn names_of(graph: &KnowledgeGraph, name: &str) -> Vec<String> {
    let mut names = vec![name.to_string()];
    if let Resolution::One(id) = graph.lookup(name) {
        let node = graph.node(id);
        names.push(node.name.clone());
        names.extend(node.aliases.iter().cloned());
    }
    names
}

/// The facts of every place node.
#[derive(Clone, Debug, Default)]
pub(super) struct Within {
    by_node: FxHashMap<NodeId, PlaceFacts>,
}

impl Within {
    fn new(graph: &KnowledgeGraph) -> Within {
        let places = graph.nodes().filter(|(_, n)| n.kind == EntityKind::Place);
        Within {
            by_node: places
                .map(|(id, node)| (id, PlaceFacts::of(graph, &node.name)))
                .collect(),
        }
    }
}

impl KnowledgeGraph {
    /// The facts of a place node, by its name (none for a node that is not a place).
    pub fn place_facts(&self, id: NodeId) -> Option<&PlaceFacts> {
        self.within
            .get_or_init(|| Within::new(self))
            .by_node
            .get(&id)
    }
}
