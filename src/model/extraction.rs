//! What extraction finds in one document: its entities, their mentions, and the relations
//! between them. The extractor makes these; the graph merges them.

use serde::{Deserialize, Serialize};

use crate::model::{Date, DateRef, EntityKind, LinkReason, PlaceKind, RelationKind, Role, Rule};
use crate::model::{Status, Warning};
use crate::text::Span;

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
    /// The rule that linked it.
    pub reason: LinkReason,
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
    /// Happened, reported, planned or denied ("did not meet", "denied meeting").
    pub status: Status,
    /// For HOLDS_ROLE: the title.
    pub role: Option<String>,
    /// The byte span of the sentence that says so.
    pub sentence: Span,
    /// The rule that produced it.
    pub rule: Rule,
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
        rule: Rule,
    ) -> Relation {
        Relation {
            kind,
            source,
            target,
            topics: Vec::new(),
            place: None,
            date: None,
            status: Status::Happened,
            role: None,
            sentence,
            rule,
            confidence: rule.confidence(),
        }
    }
}

/// Everything found in one document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Extraction {
    /// The document's id.
    pub doc: String,
    /// The article's own date, when the text or its record gives one.
    pub date: Option<Date>,
    /// The entities it talks about, each once.
    pub entities: Vec<Entity>,
    /// Every place a name occurs, in text order.
    pub mentions: Vec<Mention>,
    /// The relations found, in text order.
    pub relations: Vec<Relation>,
    /// Sentences, in text order (their byte spans).
    pub sentences: Vec<Span>,
    /// Things the reader should know (bad bytes, skipped text).
    pub warnings: Vec<Warning>,
}

impl Extraction {
    /// The sentence span that contains `span`, if any.
    pub fn sentence_of(&self, span: Span) -> Option<Span> {
        let i = self.sentences.partition_point(|s| s.end <= span.start);
        self.sentences.get(i).copied().filter(|s| s.contains(span))
    }
}
