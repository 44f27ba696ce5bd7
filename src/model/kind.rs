//! What things and relations are: entity, place and relation kinds, and roles.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The type of a thing in the graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    /// A named person.
    Person,
    /// A government body, company, party, armed group, news agency, ...
    Organization,
    /// A country, city, region or facility.
    Place,
    /// Something discussed that is not itself a named entity ("climate change").
    Topic,
    /// A quoted statement; its name is the quote.
    Quote,
}

impl EntityKind {
    /// Every kind, in display order.
    pub const ALL: [EntityKind; 5] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Topic,
        EntityKind::Quote,
    ];

    /// The name used in JSON, DOT and the query language.
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "Person",
            EntityKind::Organization => "Organization",
            EntityKind::Place => "Place",
            EntityKind::Topic => "Topic",
            EntityKind::Quote => "Quote",
        }
    }

    /// Parses a kind name, ignoring case; accepts `Organisation` too.
    pub fn parse(name: &str) -> Option<EntityKind> {
        let lower = name.to_ascii_lowercase();
        Some(match lower.as_str() {
            "person" | "people" | "persons" => EntityKind::Person,
            "organization" | "organisation" | "organizations" | "organisations" | "org" => {
                EntityKind::Organization
            }
            "place" | "places" | "location" => EntityKind::Place,
            "topic" | "topics" => EntityKind::Topic,
            "quote" | "quotes" => EntityKind::Quote,
            _ => return None,
        })
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What sort of place a [`EntityKind::Place`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PlaceKind {
    /// A sovereign state.
    Country,
    /// A city or town.
    City,
    /// A region, province, state or other area.
    Region,
    /// A building, airport, station or other site.
    Facility,
}

impl PlaceKind {
    /// The lower-case name used in exports (`country`, `city`, ...).
    pub const fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::City => "city",
            PlaceKind::Region => "region",
            PlaceKind::Facility => "facility",
        }
    }

    /// Parses the lower-case name.
    pub fn parse(name: &str) -> Option<PlaceKind> {
        Some(match name {
            "country" => PlaceKind::Country,
            "city" | "town" => PlaceKind::City,
            "region" | "state" | "province" | "continent" => PlaceKind::Region,
            "facility" | "building" | "airport" => PlaceKind::Facility,
            _ => return None,
        })
    }
}

/// A position someone holds: "Foreign Minister" of "Russia".
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Role {
    /// The title, in title case: "Secretary of State", "Spokeswoman".
    pub title: String,
    /// The canonical name of the country or organisation the role belongs to, if stated.
    pub of: Option<String>,
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.of {
            Some(of) => write!(f, "{} of {}", self.title, of),
            None => f.write_str(&self.title),
        }
    }
}

/// Drops a role another one says more precisely: "Secretary" beside "Secretary of State",
/// "Foreign Minister" beside "Foreign Minister of Russia".
pub fn drop_subsumed_roles(roles: &mut Vec<Role>) {
    let subsumed = |r: &Role, by: &Role| {
        if r == by || r.of.is_some() && r.of != by.of {
            return false;
        }
        let (a, b) = (r.title.to_lowercase(), by.title.to_lowercase());
        a == b && by.of.is_some()
            || b.len() > a.len()
                && (b.starts_with(&format!("{a} ")) || b.ends_with(&format!(" {a}")))
    };
    let keep: Vec<bool> = roles
        .iter()
        .map(|r| !roles.iter().any(|by| subsumed(r, by)))
        .collect();
    let mut i = 0;
    roles.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

/// The type of a relation between entities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum RelationKind {
    /// Two parties met, talked or held a meeting (symmetric).
    Met,
    /// Someone went to a place.
    Visited,
    /// Someone discussed a topic.
    Discussed,
    /// Someone said something (target: a [`EntityKind::Quote`]).
    Said,
    /// Someone holds a role in a country or organisation.
    HoldsRole,
    /// Two parties spoke by telephone or video link (symmetric; not a meeting).
    Called,
}

impl RelationKind {
    /// Every kind, in display order.
    pub const ALL: [RelationKind; 6] = [
        RelationKind::Met,
        RelationKind::Called,
        RelationKind::Visited,
        RelationKind::Discussed,
        RelationKind::Said,
        RelationKind::HoldsRole,
    ];

    /// The upper-case name used in JSON, DOT and patterns (`MET`, `HOLDS_ROLE`).
    pub const fn as_str(self) -> &'static str {
        match self {
            RelationKind::Met => "MET",
            RelationKind::Called => "CALLED",
            RelationKind::Visited => "VISITED",
            RelationKind::Discussed => "DISCUSSED",
            RelationKind::Said => "SAID",
            RelationKind::HoldsRole => "HOLDS_ROLE",
        }
    }

    /// Parses the upper-case name, ignoring case.
    pub fn parse(name: &str) -> Option<RelationKind> {
        RelationKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(name))
    }

    /// True when `a REL b` says the same as `b REL a`.
    pub const fn is_symmetric(self) -> bool {
        matches!(self, RelationKind::Met | RelationKind::Called)
    }
}

impl fmt::Display for RelationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
