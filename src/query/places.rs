//! The place hierarchy behind `in PLACE`, `who visited PLACE` and `within`: a facility, city or
//! region is within the country the gazetteer gives it (`data/lexicon/places.tsv`,
//! `organizations.tsv` for seats such as the Kremlin), a capital within its country, and a country
//! within a former country that held its land (the Soviet Union, Yugoslavia, Czechoslovakia), as
//! East and West Germany are within Germany. A place is also the same place under any of its
//! names: its aliases in the graph and in the gazetteer.
//!
//! The gazetteer names no city for a facility nor a region for a city, so `in Moscow` finds the
//! Kremlin only through the event: a meeting with no place of its own is where its parties were
//! visiting in the same article at the time (see `eval.rs`).

use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::graph::{KnowledgeGraph, NodeId, PlaceFacts, Resolution, known_ids, names_of};
use crate::lexicon::Lexicon;
use crate::lexicon::former::former;
use crate::model::{EntityKind, PlaceKind};
use crate::names::normalize;

/// The country a place is in (a country is in itself), by its name: for the `country` column.
pub(super) fn country_of(graph: &KnowledgeGraph, place: &str) -> Option<String> {
    let lexicon = Lexicon::builtin();
    if let Some(f) = former(&normalize(place)) {
        return Some(f.part_of.unwrap_or(f.name).to_string());
    }
    for id in names_of(graph, place).iter().flat_map(|n| known_ids(n)) {
        let known = lexicon.known(id);
        if known.place_kind == Some(PlaceKind::Country) {
            return Some(known.name.clone());
        }
        if let Some(country) = known.country {
            return Some(lexicon.known(country).name.clone());
        }
    }
    None
}

/// A place the user named: everything that counts as being in it.
#[derive(Clone, Debug)]
pub(super) struct Area {
    /// Folded names of the place itself.
    names: FxHashSet<String>,
    /// Its gazetteer entries.
    known: Vec<u32>,
    /// For a former country: the gazetteer entries of the states on its land.
    successors: Vec<u32>,
    /// Place name as stored in evidence -> within the area; most answers repeat few places.
    seen: RefCell<FxHashMap<String, bool>>,
}

impl Area {
    /// The place a name stands for, or `None` when neither the graph nor the gazetteer knows it.
    pub fn resolve(graph: &KnowledgeGraph, name: &str) -> Option<Area> {
        let lexicon = Lexicon::builtin();
        let mut area = Area {
            names: FxHashSet::default(),
            known: Vec::new(),
            successors: Vec::new(),
            seen: RefCell::new(FxHashMap::default()),
        };
        let folded = normalize(name);
        area.names.insert(folded.clone());
        let ids = match graph.lookup(name) {
            Resolution::One(id) => vec![id],
            Resolution::Ambiguous(ids) => ids,
            Resolution::Unknown(_) => Vec::new(),
        };
        let mut written = vec![name.to_string()];
        for &id in &ids {
            let node = graph.node(id);
            written.push(node.name.clone());
            written.extend(node.aliases.iter().cloned());
        }
        for name in &written {
            area.names.insert(normalize(name));
            for id in known_ids(name) {
                if !area.known.contains(&id) {
                    area.known.push(id);
                }
            }
        }
        for &id in &area.known {
            area.names.insert(normalize(&lexicon.known(id).name));
            area.names.extend(lexicon.known(id).aliases.iter().cloned());
        }
        let former = former(&folded);
        if let Some(f) = former {
            area.names.insert(normalize(f.name));
            area.names.extend(f.aliases.iter().map(|a| normalize(a)));
            area.successors = f
                .successors
                .iter()
                .filter_map(|s| lexicon.known_named(EntityKind::Place, s))
                .collect();
        }
        (!ids.is_empty() || !area.known.is_empty() || former.is_some()).then_some(area)
    }

    /// True when a place, by its name as stored, is this place under one of its names.
    pub fn is(&self, place: &str) -> bool {
        self.names.contains(&normalize(place))
    }

    /// True when a place, by its name as stored, is this place or lies within it.
    pub fn contains(&self, graph: &KnowledgeGraph, place: &str) -> bool {
        if let Some(&known) = self.seen.borrow().get(place) {
            return known;
        }
        let inside = self.inside(graph, place);
        self.seen.borrow_mut().insert(place.to_string(), inside);
        inside
    }

    /// True when a place node is this place or lies within it.
    pub fn contains_node(&self, graph: &KnowledgeGraph, id: NodeId) -> bool {
        match graph.place_facts(id) {
            Some(facts) => self.holds(facts),
            None => self.contains(graph, &graph.node(id).name),
        }
    }

    /// True when a place node is this place under one of its names.
    pub fn is_node(&self, graph: &KnowledgeGraph, id: NodeId) -> bool {
        match graph.place_facts(id).and_then(|f| f.folded.first()) {
            Some(folded) => self.names.contains(folded),
            None => self.is(&graph.node(id).name),
        }
    }

    fn inside(&self, graph: &KnowledgeGraph, place: &str) -> bool {
        self.holds(&PlaceFacts::of(graph, place))
    }

    /// Is the place these facts are of this place, or within it?
    fn holds(&self, facts: &PlaceFacts) -> bool {
        let lexicon = Lexicon::builtin();
        facts.folded.iter().chain(&facts.part_of).any(|f| self.names.contains(f))
            || facts
                .ancestors
                .iter()
                .any(|up| self.known.contains(up) || self.successors.contains(up))
            // The capital of a country is in it even where the gazetteer's row for the city
            // names no country.
            || facts.known.iter().any(|&id| {
                self.known
                    .iter()
                    .any(|&country| lexicon.known(country).capital == Some(id))
            })
    }
}
