//! Extraction: one document's text in, its entities, mentions and relations out.
//!
//! [`extract`] is a pure function of the document and the lexicon, so documents can be processed
//! in parallel and the result never depends on what else was read. Everything found keeps the byte
//! span it came from and the name of the rule that produced it.

mod dates;
mod doc;
mod entities;
mod mentions;
mod relations;

use serde::{Deserialize, Serialize};
use std::fmt;

use crate::lexicon::Lexicon;
use crate::text::{Document, Span, segments};
use dates::DateFinder;
use doc::Doc;

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

/// Index of an [`Entity`] within one [`Extraction`].
pub type EntityId = usize;

/// Something a document talks about, with every surface form it used for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The fullest name the document gives (a gazetteer's canonical name for known places).
    pub name: String,
    /// Its type.
    pub kind: EntityKind,
    /// For places: what sort of place.
    pub place_kind: Option<PlaceKind>,
    /// The other forms the document used ("Kerry", "Mr Kerry", "Secretary Kerry").
    pub aliases: Vec<String>,
    /// Why each alias was taken for this entity, in the order the aliases were first met.
    pub links: Vec<Link>,
    /// Roles the document gives the entity.
    pub roles: Vec<Role>,
}

/// One alias of an entity and the rule that took it as a name of that entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The form the document used.
    pub alias: String,
    /// The rule, in words ("surname: the person of this surname named nearest before").
    pub reason: String,
}

impl Entity {
    /// An entity with a name and a type, and nothing else known of it yet.
    pub fn new(name: impl Into<String>, kind: EntityKind) -> Entity {
        Entity {
            name: name.into(),
            kind,
            place_kind: None,
            aliases: Vec::new(),
            links: Vec::new(),
            roles: Vec::new(),
        }
    }
}

/// How a mention refers to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MentionForm {
    /// A proper name or a short form of one.
    Name,
    /// A nationality adjective that points at a country ("Russian" -> Russia).
    Demonym,
}

/// One place in the text that names an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte span of the name in the document.
    pub span: Span,
    /// The entity it names.
    pub entity: EntityId,
    /// How it names it.
    pub form: MentionForm,
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
    /// Two parties spoke by telephone or video link (symmetric; not a meeting). Last, so that
    /// graph files written before it existed still decode.
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

/// Whether an event is reported as having happened, as planned, or only as reported by others.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Modality {
    /// Reported as fact, in the past or present.
    #[default]
    Happened,
    /// Announced for the future ("will meet", "is to visit", "plans to").
    Planned,
    /// Attributed or hedged ("reportedly", "is said to have").
    Reported,
}

impl Modality {
    /// The lower-case name used in exports.
    pub const fn as_str(self) -> &'static str {
        match self {
            Modality::Happened => "happened",
            Modality::Planned => "planned",
            Modality::Reported => "reported",
        }
    }
}

/// A date or date range an event is placed at, as written and as resolved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRef {
    /// The words in the text ("on Thursday", "from 22 to 25 March").
    pub text: String,
    /// The first day, `YYYY-MM-DD`, when it could be resolved.
    pub start: Option<String>,
    /// The last day of a range, when it is one.
    pub end: Option<String>,
}

impl DateRef {
    /// The ISO form: `2016-03-24`, `2016-03-22/2016-03-25`, or the words when unresolved.
    pub fn iso(&self) -> String {
        match (&self.start, &self.end) {
            (Some(s), Some(e)) if s != e => format!("{s}/{e}"),
            (Some(s), _) => s.clone(),
            _ => self.text.clone(),
        }
    }
}

/// One relation found in one sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// Its type.
    pub kind: RelationKind,
    /// The agent: who met, visited, discussed, said, holds.
    pub source: EntityId,
    /// The other side: who was met, the place, the topic, the quote, the organisation of a role.
    /// `None` only for a role that names no country or organisation.
    pub target: Option<EntityId>,
    /// Topics this event was about (for MET: what the meeting discussed).
    pub topics: Vec<EntityId>,
    /// Where it happened, if the sentence says.
    pub place: Option<EntityId>,
    /// When it happened, if the text says.
    pub date: Option<DateRef>,
    /// Happened, planned or reported.
    pub modality: Modality,
    /// True for "did not meet", "denied meeting".
    pub negated: bool,
    /// For HOLDS_ROLE: the title.
    pub role: Option<String>,
    /// The byte span of the sentence that says so.
    pub sentence: Span,
    /// The name of the rule that produced it.
    pub rule: &'static str,
    /// How far the rule is trusted, from 0 to 1.
    pub confidence: f32,
}

impl Relation {
    /// A relation reported as having happened, with no topics, place, date or role known yet.
    pub fn new(
        kind: RelationKind,
        source: EntityId,
        target: Option<EntityId>,
        sentence: Span,
        rule: &'static str,
        confidence: f32,
    ) -> Relation {
        Relation {
            kind,
            source,
            target,
            topics: Vec::new(),
            place: None,
            date: None,
            modality: Modality::Happened,
            negated: false,
            role: None,
            sentence,
            rule,
            confidence,
        }
    }
}

/// Everything found in one document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Extraction {
    /// The document's id.
    pub doc: String,
    /// The article's own date, `YYYY-MM-DD`, when the text or its record gives one.
    pub date: Option<String>,
    /// The entities it talks about, each once.
    pub entities: Vec<Entity>,
    /// Every place a name occurs, in text order.
    pub mentions: Vec<Mention>,
    /// The relations found, in text order.
    pub relations: Vec<Relation>,
    /// Sentences, in text order (their byte spans).
    pub sentences: Vec<Span>,
    /// Things the reader should know (bad bytes, skipped text).
    pub warnings: Vec<String>,
}

impl Extraction {
    /// The sentence span that contains `span`, if any.
    pub fn sentence_of(&self, span: Span) -> Option<Span> {
        let i = self.sentences.partition_point(|s| s.end <= span.start);
        self.sentences.get(i).copied().filter(|s| s.contains(span))
    }
}

/// Reads one document and returns what it says. Never fails: problems become warnings.
pub fn extract(document: &Document, lexicon: &Lexicon) -> Extraction {
    let segments = segments(&document.text, &lexicon.boilerplate);
    let doc = Doc::new(&document.text, lexicon, &segments);
    let dates = DateFinder::new(&doc, &segments, document.date.as_deref(), &document.id);
    let found = mentions::find(&doc);
    let mut resolved = entities::resolve(&doc, &found);
    let mut relations = relations::find(
        &doc,
        &resolved.refs,
        &resolved.in_title,
        &mut resolved.entities,
        &dates,
    )
    .relations;
    relations.extend(role_relations(&doc, &resolved));
    relations.sort_by_key(|r| (r.sentence.start, r.kind));
    let mut warnings = Vec::new();
    if doc.sentences.is_empty() && !document.text.trim().is_empty() {
        warnings.push("no readable text: every line looked like page furniture".to_string());
    }
    Extraction {
        doc: document.id.clone(),
        date: dates.doc_date(),
        entities: resolved.entities,
        mentions: resolved.mentions,
        relations,
        sentences: doc.sentences.iter().map(|s| s.span).collect(),
        warnings,
    }
}

/// HOLDS_ROLE for every role a person was given, placed at the person's first mention.
fn role_relations(doc: &Doc, resolved: &entities::Resolved) -> Vec<Relation> {
    let mut out = Vec::new();
    for (e, entity) in resolved.entities.iter().enumerate() {
        if entity.kind != EntityKind::Person || entity.roles.is_empty() {
            continue;
        }
        let Some(first) = resolved.mentions.iter().find(|m| m.entity == e) else {
            continue;
        };
        let sentence = doc
            .sentences
            .iter()
            .find(|s| s.span.contains(first.span))
            .map_or(first.span, |s| s.span);
        for role in &entity.roles {
            let target = role.of.as_ref().and_then(|of| {
                resolved.entities.iter().position(|x| {
                    x.name == *of && matches!(x.kind, EntityKind::Place | EntityKind::Organization)
                })
            });
            out.push(Relation {
                role: Some(role.title.clone()),
                ..Relation::new(RelationKind::HoldsRole, e, target, sentence, "title", 0.9)
            });
        }
    }
    out
}
