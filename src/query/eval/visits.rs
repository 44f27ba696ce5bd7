//! The places of an event, from the graph's index of who visited where in each article
//! ([`KnowledgeGraph::visits_in`]), and the country of each place, kept for a whole walk or
//! answer.

use std::cell::RefCell;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::graph::{EdgeId, KnowledgeGraph, NodeId, Visit};
use crate::model::{DateRange, PlaceKind, RelationKind};

use super::super::places::country_of;

/// Countries by place, read as they are asked for.
pub(super) struct Visits<'g> {
    graph: &'g KnowledgeGraph,
    /// Place name -> its country.
    countries: RefCell<FxHashMap<String, Option<String>>>,
}

impl<'g> Visits<'g> {
    pub fn new(graph: &'g KnowledgeGraph) -> Visits<'g> {
        Visits {
            graph,
            countries: RefCell::new(FxHashMap::default()),
        }
    }

    /// The country of a place, by its name.
    pub fn country(&self, place: &str) -> Option<String> {
        if let Some(known) = self.countries.borrow().get(place) {
            return known.clone();
        }
        let country = country_of(self.graph, place);
        self.countries
            .borrow_mut()
            .insert(place.to_string(), country.clone());
        country
    }

    /// The places of an event: for a visit, the place visited; otherwise the places its
    /// sentences name, and the places (not buildings) its parties were visiting in the same
    /// article at a time that fits the event's dates (a visit with no date fits any; a dated
    /// visit fits an event whose dates meet its own), when the places they went to in that
    /// article all lie in one country: "Putin met Kerry in the Kremlin" during Kerry's visit
    /// to Moscow was in the Kremlin and in Moscow, but a meeting in an article about trips to
    /// Moscow and to Havana is placed by its own sentences only. Calls are placed by their
    /// sentences only (the two ends are apart). A place that holds another of the list is left
    /// out: the most specific place is kept.
    pub fn event_places(&self, edge_id: EdgeId, event: &[usize]) -> Vec<String> {
        let graph = self.graph;
        let edge = graph.edge(edge_id);
        let (source, target) = graph.endpoints(edge_id);
        if edge.kind == RelationKind::Visited {
            return vec![graph.node(target).name.clone()];
        }
        let mut places: Vec<String> = Vec::new();
        for &i in event {
            if let Some(place) = &edge.evidence[i].place
                && !places.iter().any(|p| **p == **place)
            {
                places.push(place.to_string());
            }
        }
        let Some(doc) = event.first().map(|&i| edge.evidence[i].doc) else {
            return places;
        };
        if edge.kind != RelationKind::Called {
            let ranges: Vec<DateRange> = event
                .iter()
                .filter_map(|&i| edge.evidence[i].date.as_ref().and_then(|d| d.range))
                .collect();
            let mut fitting: Vec<NodeId> = Vec::new();
            let mut countries: FxHashSet<Option<String>> = FxHashSet::default();
            let here = graph.visits_in(doc);
            for end in [source, target] {
                let visits = here.iter().filter(|v| {
                    v.visitor == end && graph.node(v.place).place_kind != Some(PlaceKind::Facility)
                });
                for &Visit { place, range, .. } in visits {
                    countries.insert(self.country(&graph.node(place).name));
                    let fits = range.is_none_or(|r| {
                        ranges.iter().any(|e| e.start <= r.end && r.start <= e.end)
                    });
                    if fits && !fitting.contains(&place) {
                        fitting.push(place);
                    }
                }
            }
            if countries.len() == 1 {
                for place in fitting {
                    let name = &graph.node(place).name;
                    if !places.contains(name) {
                        places.push(name.clone());
                    }
                }
            }
        }
        self.most_specific(places)
    }

    /// The places without those that hold another of them (Russia beside Moscow).
    fn most_specific(&self, places: Vec<String>) -> Vec<String> {
        if places.len() < 2 {
            return places;
        }
        let countries: Vec<Option<String>> = places.iter().map(|p| self.country(p)).collect();
        places
            .iter()
            .enumerate()
            .filter(|(i, place)| {
                // A country is left out when another place of the list lies in it.
                let is_country = countries[*i].as_deref() == Some(place.as_str());
                !(is_country
                    && countries
                        .iter()
                        .enumerate()
                        .any(|(j, c)| j != *i && c.as_deref() == Some(place.as_str())))
            })
            .map(|(_, place)| place.clone())
            .collect()
    }
}
