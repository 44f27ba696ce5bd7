//! A synthetic graph for the query benchmarks: deterministic, about a million edges, with the
//! degree distribution of news (a few hubs that meet everyone, like a Secretary of State, and a
//! long tail of people met once or twice).
//!
//! Built through [`KnowledgeGraph::add`] from made-up documents, so that the indexes are the
//! real ones. Names are made of syllables spelling the entity's number, so each is unique and
//! its surname alone resolves.

use kg::graph::{KnowledgeGraph, Record};
use kg::model::{Date, DateRange, DateRef, Entity, EntityKind, Extraction, PlaceKind, Relation};
use kg::model::{RelationKind, Rule};
use kg::text::{Document, Span};

/// People, organisations and places in the graph.
pub const PEOPLE: usize = 200_000;
const PLACES: usize = 5_000;
const RELATIONS_PER_DOC: usize = 50;

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An index below `n`, small ones far more likely: a power law with a few hubs.
    fn skewed(&mut self, n: usize) -> usize {
        ((n as f64) * self.unit().powf(2.5)) as usize
    }
}

const SYLLABLES: [&str; 20] = [
    "ba", "ko", "ri", "ten", "sa", "mo", "lu", "var", "del", "ni", "po", "gra", "shi", "fe", "du",
    "len", "tar", "mi", "zo", "ker",
];
const FIRST: [&str; 10] = [
    "Anna", "Boris", "Clara", "David", "Elena", "Farid", "Greta", "Hugo", "Irina", "Jonas",
];

/// The surname of entity `i`: its number in syllables.
fn syllables(mut i: usize) -> String {
    let mut word = String::new();
    loop {
        word.push_str(SYLLABLES[i % SYLLABLES.len()]);
        i /= SYLLABLES.len();
        if i == 0 {
            break;
        }
    }
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The full name of person `i`.
pub fn person(i: usize) -> String {
    format!("{} {}", FIRST[i % FIRST.len()], syllables(i))
}

/// The name of place `i`.
pub fn place_name(i: usize) -> String {
    place(i)
}

fn place(i: usize) -> String {
    format!("Port {}", syllables(i))
}

/// Documents added at a time: adding records costs a pass over those held, so one at a time
/// would make the build quadratic.
const BATCH: usize = 500;

/// Builds the graph: documents of 50 relations each, added 500 at a time, until it holds
/// `edges` edges.
pub fn graph(edges: usize) -> KnowledgeGraph {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut graph = KnowledgeGraph::new();
    let mut n = 0;
    let mut batch = Vec::with_capacity(BATCH);
    while graph.edge_count() < edges {
        for _ in 0..BATCH {
            batch.push(document(&mut rng, n));
            n += 1;
        }
        graph.insert(std::mem::take(&mut batch), false);
    }
    graph
}

/// Document `n`: 50 made-up relations.
fn document(rng: &mut Rng, n: usize) -> Record {
    let id = format!("doc{n:06}");
    let mut ex = Extraction {
        doc: id.clone(),
        ..Extraction::default()
    };
    let mut text = String::new();
    let entity = |ex: &mut Extraction, name: String, kind: EntityKind| {
        if let Some(i) = ex.entities.iter().position(|e| e.name == name) {
            return i;
        }
        let mut e = Entity::new(name, kind);
        if kind == EntityKind::Place {
            e.place_kind = Some(PlaceKind::City);
        }
        ex.entities.push(e);
        ex.entities.len() - 1
    };
    for _ in 0..RELATIONS_PER_DOC {
        let a = person(rng.skewed(PEOPLE));
        let roll = rng.next() % 10;
        let (kind, b, verb) = if roll < 7 {
            (RelationKind::Met, person(rng.skewed(PEOPLE)), "met")
        } else if roll < 8 {
            (RelationKind::Called, person(rng.skewed(PEOPLE)), "called")
        } else {
            (RelationKind::Visited, place(rng.skewed(PLACES)), "visited")
        };
        if a == b {
            continue;
        }
        let b_kind = if kind == RelationKind::Visited {
            EntityKind::Place
        } else {
            EntityKind::Person
        };
        let s = entity(&mut ex, a.clone(), EntityKind::Person);
        let t = entity(&mut ex, b.clone(), b_kind);
        let start = text.len();
        text.push_str(&format!("{a} {verb} {b}. "));
        let mut relation = Relation::new(
            kind,
            s,
            Some(t),
            Span::new(start, text.len() - 1),
            Rule::Meet,
        );
        let day = 1 + rng.next() % 28;
        let month = 1 + rng.next() % 12;
        let day = Date::constant(2016, month as i8, day as i8);
        relation.date = Some(DateRef::new(day.to_string(), Some(DateRange::day(day))));
        ex.relations.push(relation);
    }
    let doc = Document::new(id, text);
    Record::new(&doc, &ex)
}
