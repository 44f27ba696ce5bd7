//! From what a rule found to relations: each carries its status, date and place, and the same
//! event found twice in a sentence is one relation. [`Emitter`] owns the output, its
//! de-duplication, and the topics and quotes the rules make.

use rustc_hash::FxHashMap;

use super::modality::Modality;
use super::{Events, Sent};
use crate::extract::entities::Ref;
use crate::model::{Entity, EntityId, EntityKind, PlaceKind, Relation, RelationKind, Rule, Status};
use crate::text::Span;

impl Events<'_, '_> {
    /// A relation of `kind` found by `rule` at trigger `k`, with the status and date the words
    /// around the trigger give it.
    pub(super) fn base_relation(
        &self,
        sent: Sent,
        k: usize,
        kind: RelationKind,
        source: EntityId,
        target: EntityId,
        rule: Rule,
    ) -> Relation {
        let (modality, negated) = self.modality(sent, k);
        let planned = modality == Modality::Planned;
        let date = self.dates.for_sentence(self.doc, sent.index, k, planned);
        // An event dated after its article had not happened when it was written ("returns to
        // London on April 11" in a story of April 6); but a verb in the past ("visited Paris on
        // March 2") says it happened, whatever the date.
        let after_article = date
            .as_ref()
            .and_then(|d| d.range)
            .zip(self.dates.doc_date())
            .is_some_and(|(range, written)| range.start > written)
            && !self.doc.info(k).verb.is_some_and(|v| {
                matches!(
                    v.tense,
                    crate::lexicon::Tense::Past | crate::lexicon::Tense::PastParticiple
                )
            });
        let status = match modality {
            _ if negated => Status::Denied,
            Modality::Happened | Modality::Reported if after_article => Status::Planned,
            Modality::Happened => Status::Happened,
            Modality::Planned => Status::Planned,
            Modality::Reported => Status::Reported,
        };
        Relation {
            date,
            status,
            ..Relation::new(kind, source, Some(target), sent.span, rule)
        }
    }

    /// MET (or CALLED, near a word of telephoning) between every subject and every object, with
    /// the meeting's place and, when `own_topics`, the topics its own phrase names; the people
    /// who met somewhere visited it, and everyone discussed the topics.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn emit_pairs(
        &mut self,
        sent: Sent,
        k: usize,
        subjects: &[Ref],
        objects: &[Ref],
        rule: Rule,
        after: usize,
        own_topics: bool,
    ) {
        // A telephone call is not a meeting, but an event of its own.
        let kind = if rule == Rule::Phone || self.phone_near(sent, k) {
            RelationKind::Called
        } else {
            RelationKind::Met
        };
        // A call joins people in two places; where it was made from is not a meeting place.
        let place = self
            .meeting_place(sent, after)
            .filter(|_| kind == RelationKind::Met);
        let noun = matches!(
            rule,
            Rule::MeetingWith | Rule::MeetingBetween | Rule::HoldTalks
        );
        let mut topics = if own_topics {
            self.own_topics(sent, after, noun)
        } else {
            Vec::new()
        };
        if noun {
            for t in self.modifier_topics(sent, k) {
                if !topics.contains(&t) {
                    topics.push(t);
                }
            }
        }
        for s in subjects {
            for o in objects {
                if s.entity == o.entity {
                    continue;
                }
                // The same meeting found twice in a sentence ("The meeting between Putin and
                // Erdogan ..., and the two leaders discussed X") is one relation with both
                // findings' topics.
                if let Some(i) = self.emit.find(kind, sent.span, s.entity, o.entity) {
                    // "had never met X in the 1950s but had since met him twice": a finding
                    // that affirms what an earlier one in the sentence denied is its last word.
                    if self.emit.out[i].status.is_denied() {
                        let again = self.base_relation(sent, k, kind, s.entity, o.entity, rule);
                        if !again.status.is_denied() {
                            self.emit.out[i].status = again.status;
                            self.emit.out[i].date = again.date;
                        }
                    }
                    let existing = &mut self.emit.out[i];
                    for &t in &topics {
                        if t != s.entity && t != o.entity && !existing.topics.contains(&t) {
                            existing.topics.push(t);
                        }
                    }
                    continue;
                }
                let mut rel = self.base_relation(sent, k, kind, s.entity, o.entity, rule);
                rel.place = place;
                rel.topics = topics
                    .iter()
                    .copied()
                    .filter(|&t| t != s.entity && t != o.entity)
                    .collect();
                self.emit.push(rel);
            }
        }
        // Who met somewhere was there; but a meeting in an institution's building ("at
        // Downing Street") says where it was, not that anyone went there. A host receives
        // at home: only the guest came.
        if let Some(place) = place
            && self.entities[place].kind == EntityKind::Place
        {
            let hosts = if rule == Rule::Hosted {
                &[][..]
            } else {
                subjects
            };
            let here: Vec<Ref> = hosts
                .iter()
                .chain(objects)
                .copied()
                .filter(|r| self.kind(r) == EntityKind::Person)
                .collect();
            let at = Ref::name(after, after, place);
            self.emit_visits(sent, k, &here, &[at], Rule::MetAt);
        }
        if !topics.is_empty() {
            let mut everyone: Vec<Ref> = subjects.to_vec();
            everyone.extend_from_slice(objects);
            self.emit_discussed(sent, k, &everyone, &topics, rule);
        }
    }

    /// MET between every two of `members` ("Kerry and Lavrov met").
    pub(super) fn emit_group(
        &mut self,
        sent: Sent,
        k: usize,
        members: &[Ref],
        rule: Rule,
        after: usize,
    ) {
        for (a, x) in members.iter().enumerate() {
            for y in &members[a + 1..] {
                self.emit_pairs(
                    sent,
                    k,
                    std::slice::from_ref(x),
                    std::slice::from_ref(y),
                    rule,
                    after,
                    true,
                );
            }
        }
    }

    /// VISITED from every person or organisation in `visitors` to every place, and to the city
    /// a facility is named after.
    pub(super) fn emit_visits(
        &mut self,
        sent: Sent,
        k: usize,
        visitors: &[Ref],
        places: &[Ref],
        rule: Rule,
    ) {
        // "Sunderland station" is in Sunderland: who was at the one was in the other; and a
        // foreign visitor to Washington visited the United States.
        // "the rally in U.S. government bond prices": a place before a noun it qualifies is
        // no place anyone went.
        let mut places: Vec<Ref> = places
            .iter()
            .filter(|p| !self.qualifies_a_noun(p))
            .copied()
            .collect();
        for p in places.clone() {
            if let Some(city) = self.containing_place(p.entity)
                && !places.iter().any(|q| q.entity == city)
            {
                places.push(Ref { entity: city, ..p });
            }
        }
        for v in visitors {
            // A company "goes higher", a product "went on sale in Tokyo": only people travel.
            if self.kind(v) != EntityKind::Person {
                continue;
            }
            let mut places = places.clone();
            // No one visits their own country or its capital ("Kohl in Bonn").
            let home = self.home_countries(v.entity);
            places.retain(|p| {
                if self.own_body(v.entity, p.entity) {
                    return false;
                }
                let own_country = self.entities[p.entity].place_kind == Some(PlaceKind::Country)
                    && self
                        .country_name_of(p.entity)
                        .is_some_and(|c| home.contains(&c));
                !own_country && !self.home_seat(v.entity, p.entity)
            });
            for p in places.clone() {
                if let Some(country) = self.foreign_country_of(p.entity, v.entity)
                    && !places.iter().any(|q| q.entity == country)
                {
                    places.push(Ref {
                        entity: country,
                        ..p
                    });
                }
            }
            for p in &places {
                if self
                    .emit
                    .find(RelationKind::Visited, sent.span, v.entity, p.entity)
                    .is_some()
                {
                    continue;
                }
                let rel =
                    self.base_relation(sent, k, RelationKind::Visited, v.entity, p.entity, rule);
                self.emit.push(rel);
            }
        }
    }

    /// DISCUSSED from every person or organisation in `who` to every topic.
    pub(super) fn emit_discussed(
        &mut self,
        sent: Sent,
        k: usize,
        who: &[Ref],
        topics: &[EntityId],
        rule: Rule,
    ) {
        for w in who {
            if !matches!(self.kind(w), EntityKind::Person | EntityKind::Organization) {
                continue;
            }
            for &t in topics {
                if t == w.entity
                    || self
                        .emit
                        .find(RelationKind::Discussed, sent.span, w.entity, t)
                        .is_some()
                {
                    continue;
                }
                let rel = self.base_relation(sent, k, RelationKind::Discussed, w.entity, t, rule);
                self.emit.push(rel);
            }
        }
    }
}

/// The output of the rules: relations in the order found, and the topics and quotes they made.
///
/// The same (relation, pair) is found once per sentence: [`Emitter::find`] answers from a hash
/// index, so that de-duplication costs the same however long the document is.
pub(super) struct Emitter {
    /// The relations, in the order found.
    pub out: Vec<Relation>,
    /// Topics and quotes made by the rules, numbered from `base`.
    made: Vec<Entity>,
    /// The number of the document's own entities.
    base: usize,
    /// Topic phrase (or a country's name after a NUL) -> its entity.
    topic_ids: FxHashMap<String, EntityId>,
    /// (relation, sentence, source, target) -> index in `out`; a symmetric relation's pair in
    /// order, the smaller entity first.
    index: FxHashMap<(RelationKind, Span, EntityId, EntityId), usize>,
}

impl Emitter {
    /// An emitter for a document with `base` entities of its own.
    pub(super) fn new(base: usize) -> Emitter {
        Emitter {
            out: Vec::new(),
            made: Vec::new(),
            base,
            topic_ids: FxHashMap::default(),
            index: FxHashMap::default(),
        }
    }

    fn key(
        kind: RelationKind,
        sentence: Span,
        a: EntityId,
        b: EntityId,
    ) -> (RelationKind, Span, EntityId, EntityId) {
        if kind.is_symmetric() && b < a {
            (kind, sentence, b, a)
        } else {
            (kind, sentence, a, b)
        }
    }

    /// The relation of `kind` between `a` and `b` found in this sentence already, if any (in
    /// either order for a symmetric relation).
    pub(super) fn find(
        &self,
        kind: RelationKind,
        sentence: Span,
        a: EntityId,
        b: EntityId,
    ) -> Option<usize> {
        self.index.get(&Emitter::key(kind, sentence, a, b)).copied()
    }

    /// Adds a relation; returns its index.
    pub(super) fn push(&mut self, rel: Relation) -> usize {
        let i = self.out.len();
        if let Some(target) = rel.target {
            self.index
                .entry(Emitter::key(rel.kind, rel.sentence, rel.source, target))
                .or_insert(i);
        }
        self.out.push(rel);
        i
    }

    /// The topic entity for a phrase, made the first time it is asked for.
    pub(super) fn topic(&mut self, phrase: &str) -> EntityId {
        if let Some(&id) = self.topic_ids.get(phrase) {
            return id;
        }
        let id = self.made(Entity::new(phrase, EntityKind::Topic));
        self.topic_ids.insert(phrase.to_string(), id);
        id
    }

    /// The country entity of this name, made the first time it is asked for.
    pub(super) fn country(&mut self, name: &str) -> EntityId {
        let key = format!("\u{0}country:{name}");
        if let Some(&id) = self.topic_ids.get(&key) {
            return id;
        }
        let mut entity = Entity::new(name, EntityKind::Place);
        entity.place_kind = Some(PlaceKind::Country);
        let id = self.made(entity);
        self.topic_ids.insert(key, id);
        id
    }

    /// A new quote entity.
    pub(super) fn quote(&mut self, text: String) -> EntityId {
        self.made(Entity::new(text, EntityKind::Quote))
    }

    fn made(&mut self, entity: Entity) -> EntityId {
        self.made.push(entity);
        self.base + self.made.len() - 1
    }

    /// True when `id` is a topic the rules made.
    pub(super) fn is_topic(&self, id: EntityId) -> bool {
        id.checked_sub(self.base)
            .and_then(|i| self.made.get(i))
            .is_some_and(|e| e.kind == EntityKind::Topic)
    }

    /// The relations and the entities made, in the order found.
    pub(super) fn finish(self) -> (Vec<Relation>, Vec<Entity>) {
        (self.out, self.made)
    }
}
