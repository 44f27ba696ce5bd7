//! Visits: verbs of visiting and motion ("visited", "flew to", "arrived in", "returned from"),
//! being somewhere ("is in Moscow"), visit nouns ("his trip to Cuba") and speaking somewhere
//! ("speaking in Jakarta", "told an audience in Birmingham").

use super::place::posted_abroad;
use super::{Events, Sent};
use crate::extract::entities::{Ref, RefKind};
use crate::lexicon::{Cue, NounClass, Tense};
use crate::model::{EntityId, EntityKind, PlaceKind, Rule, Status};

impl Events<'_, '_> {
    pub(super) fn visit_verb(&mut self, sent: Sent, k: usize) {
        let subjects: Vec<Ref> = self.subject(sent, k).into_iter().copied().collect();
        if subjects.is_empty() {
            return;
        }
        let (objects, after) = self.objects(sent, k + 1, |r| {
            self.place(r) || self.kind(r) == EntityKind::Person && r.kind != RefKind::Demonym
        });
        let objects: Vec<Ref> = objects.into_iter().copied().collect();
        let places: Vec<Ref> = objects.iter().copied().filter(|r| self.place(r)).collect();
        let people: Vec<Ref> = objects
            .iter()
            .copied()
            .filter(|r| self.kind(r) == EntityKind::Person)
            .collect();
        if !places.is_empty() {
            self.emit_visits(sent, k, &subjects, &places, Rule::Visit);
        } else if people.is_empty()
            && let Some(place) = self.meeting_place(sent, k + 1)
            && self.entities[place].kind == EntityKind::Place
        {
            // "visited a school in Leeds", "toured a factory in Sheffield".
            let at = Ref::name(k + 1, k + 2, place);
            self.emit_visits(sent, k, &subjects, &[at], Rule::Visit);
        }
        // "attended by visiting President X", "talks with the visiting X": "visiting" before a
        // name says who is the visitor, and visits no one.
        let doc = self.doc;
        let adjective = doc.is(k, "visiting")
            && (k == sent.start
                || doc.cue(k - 1, Cue::Determiner)
                || doc.is_any(k - 1, &["by", "with", "and"]));
        if !people.is_empty() && !adjective {
            // Visiting a person is meeting them.
            self.emit_pairs(sent, k, &subjects, &people, Rule::VisitPerson, after, true);
        }
    }

    /// "Thatcher left Bonn": who leaves a place was there; "Leaving a Brussels summit, Mr Blair
    /// said": a participle opening the sentence places the subject after it. True when it found
    /// the place, so that "left for Moscow" is read only when it did not.
    pub(super) fn leave_verb(&mut self, sent: Sent, k: usize) -> bool {
        let doc = self.doc;
        // The place: right after the verb, or qualifying its object ("a Brussels summit").
        let mut p = k + 1;
        while p < sent.end && p < k + 3 && doc.cue(p, Cue::Determiner) {
            p += 1;
        }
        let Some(place) = self.ref_starting(p).filter(|r| self.place(r)).copied() else {
            return false;
        };
        let opening =
            doc.starts_sentence(k) && doc.info(k).verb.is_some_and(|v| v.tense == Tense::Ing);
        let leavers: Vec<Ref> = if opening {
            let after = doc
                .fronted_phrase_end(sent.index)
                .map_or(place.to, |comma| comma + 1);
            self.first_agent_from(sent, after)
                .or_else(|| {
                    (place.to..sent.end.min(place.to + 6))
                        .filter_map(|x| self.ref_starting(x))
                        .find(|r| self.agent(r))
                })
                .copied()
                .into_iter()
                .collect()
        } else {
            self.subject(sent, k).into_iter().copied().collect()
        };
        let leavers: Vec<Ref> = leavers
            .into_iter()
            .filter(|r| self.kind(r) == EntityKind::Person)
            .collect();
        if leavers.is_empty() {
            return false;
        }
        let before = self.emit.out.len();
        self.emit_visits(sent, k, &leavers, &[place], Rule::Left);
        // "Gandhi is to leave Washington on Tuesday": who will leave a place is there now.
        for rel in &mut self.emit.out[before..] {
            if rel.status == Status::Planned {
                rel.status = Status::Happened;
                rel.date = None;
            }
        }
        true
    }

    pub(super) fn motion_verb(&mut self, sent: Sent, k: usize, preps: &[&str], rule: Rule) {
        let doc = self.doc;
        // "heads of state in Venice": a noun, which goes nowhere; nor does "the coming summit
        // in Venice", an adjective.
        if doc.is(k + 1, "of") || k > sent.start && doc.cue(k - 1, Cue::Determiner) {
            return;
        }
        let mut p = k + 1;
        // "arrived on Thursday in Moscow", "sailed across the lake in Bromsgrove", "flew from
        // London to Paris": a few words may intervene; but "from" before anything but a place
        // starts another phrase ("came from products made in the US").
        let mut skipped = 0;
        while p < sent.end && !doc.is_any(p, preps) && skipped < 4 {
            if doc.punct(p, &[",", "."]) {
                return;
            }
            if doc.is(p, "from") {
                match self.ref_starting(p + 1).filter(|r| self.place(r)).copied() {
                    // "returned from Egypt": where one comes back from, one has been.
                    Some(r) if doc.s(k).to_lowercase().starts_with("return") => {
                        // Not the noun: "on (his) return from Belgrade". Nor a return to
                        // come, "asked him to return from Suva": he is there now, posted or
                        // visiting, which the sentence does not say.
                        if k > sent.start
                            && doc.is_any(k - 1, &["on", "upon", "his", "her", "their", "its"])
                            || doc.info(k).verb.is_some_and(|v| v.tense == Tense::Base)
                        {
                            return;
                        }
                        let subjects = self.person_subjects(sent, k);
                        self.emit_visits(sent, k, &subjects, &[r], Rule::ReturnFrom);
                        return;
                    }
                    Some(r) => {
                        p = r.to;
                        skipped += 2;
                        continue;
                    }
                    None => return,
                }
            }
            if self.ref_starting(p).is_some() {
                return;
            }
            p += 1;
            skipped += 1;
        }
        if !doc.is_any(p, preps) {
            return;
        }
        let (places, after) = self.objects(sent, p + 1, |r| self.place(r));
        let mut places: Vec<Ref> = places.into_iter().copied().collect();
        // "went straight to the Kremlin": an organisation's building.
        if places.is_empty()
            && doc.is(p + 1, "the")
            && let Some(building) = self.place_at(p + 1, true)
        {
            places.push(Ref::name(p + 1, p + 2, building));
        }
        if places.is_empty() {
            return;
        }
        // "landed at Vnukovo airport in Moscow": the city too.
        let last = places[places.len() - 1].to.max(after);
        if doc.is_any(last, &["in", "near", "outside"])
            && let Some(r) = self.ref_starting(last + 1)
            && self.place(r)
        {
            places.push(*r);
        }
        let mut subjects: Vec<Ref> = self.subject(sent, k).into_iter().copied().collect();
        // "returned to Moscow", "on his return to the United States": going back is going
        // home, unless the person is known to be from another country.
        if doc.s(k).to_lowercase().starts_with("return") {
            subjects.retain(|s| {
                let home = self.home_countries(s.entity);
                !home.is_empty()
                    && places.iter().all(|p| {
                        self.country_name_of(p.entity)
                            .is_some_and(|c| !home.contains(&c))
                    })
            });
        }
        if !subjects.is_empty() {
            self.emit_visits(sent, k, &subjects, &places, rule);
        }
    }

    pub(super) fn be_in(&mut self, sent: Sent, k: usize) {
        let (places, _) = self.objects(sent, k + 2, |r| self.place(r));
        let places: Vec<Ref> = places
            .into_iter()
            .copied()
            .filter(|r| {
                self.entities[r.entity].place_kind.is_none_or(|p| {
                    matches!(
                        p,
                        PlaceKind::City | PlaceKind::Facility | PlaceKind::Country
                    )
                })
            })
            .collect();
        if places.is_empty() {
            return;
        }
        let subjects = self.person_subjects(sent, k);
        if !subjects.is_empty() {
            self.emit_visits(sent, k, &subjects, &places[..1], Rule::BeIn);
        }
    }

    /// "X's visit to P", "his visit to Moscow", "a trip to Cuba", "his holiday in Egypt",
    /// "In a speech in Edinburgh, the prime minister said".
    pub(super) fn visit_noun(&mut self, sent: Sent, k: usize) {
        let doc = self.doc;
        let speech = doc.info(k).noun == Some(NounClass::Speech);
        let prep_ok = if speech {
            doc.is_any(k + 1, &["in", "at"])
        } else {
            doc.is_any(k + 1, &["to", "in", "at"])
        };
        if !prep_ok {
            return;
        }
        let (places, after) = self.objects(sent, k + 2, |r| self.place(r));
        let places: Vec<Ref> = places.into_iter().copied().collect();
        if places.is_empty() {
            return;
        }
        // "a visit to London by King Fahd": the visitor follows "by".
        let by: Vec<Ref> = if doc.is(after, "by") {
            self.objects(sent, after + 1, |r| self.kind(r) == EntityKind::Person)
                .0
                .into_iter()
                .copied()
                .collect()
        } else {
            Vec::new()
        };
        let owner: Vec<Ref> = match self.possessor(sent, k) {
            _ if !by.is_empty() => by,
            Some(r) => vec![r],
            None => self.person_subjects(sent, k),
        };
        if !owner.is_empty() {
            self.emit_visits(
                sent,
                k,
                &owner,
                &places,
                if speech {
                    Rule::SpeechIn
                } else {
                    Rule::VisitTo
                },
            );
        }
    }

    /// "X was speaking in Cardiff", "X, speaking in Jakarta, said", "X told an audience in
    /// Birmingham", "X said in Washington": who spoke somewhere was there. True when it found
    /// the place (and the speaker), so that the verb's other readings are not tried.
    pub(super) fn speech_place(&mut self, sent: Sent, k: usize) -> bool {
        let doc = self.doc;
        // "heads of state in Venice", "the address at": a noun, not a verb of speaking.
        if k > sent.start && doc.is_any(k - 1, &["of", "the", "a", "an"]) {
            return false;
        }
        let mut p = k + 1;
        while p < sent.end && p < k + 5 && doc.cue(p, Cue::Audience) {
            p += 1;
        }
        if !doc.is_any(p, &["in", "at"]) {
            return false;
        }
        let Some(place) = self.place_at(p + 1, doc.is(p, "at")) else {
            return false;
        };
        if self.entities[place].kind != EntityKind::Place {
            return false;
        }
        // "X, speaking in Jakarta,": the name before the comma.
        let speakers: Vec<Ref> = if k > sent.start + 1 && doc.punct(k - 1, &[","]) {
            self.refs
                .iter()
                .filter(|r| r.to == k - 1 && self.kind(r) == EntityKind::Person)
                .copied()
                .collect()
        } else {
            // "policies announced at the Paris meeting": things announced went nowhere.
            self.common_noun_subject(sent, k)
                .unwrap_or_else(|| self.subject(sent, k))
                .into_iter()
                .filter(|r| self.kind(r) == EntityKind::Person)
                .copied()
                .collect()
        };
        // A spokesman speaking in his own capital went nowhere ("Kremlin spokesman Dmitry
        // Peskov told reporters in Moscow").
        let speakers: Vec<Ref> = speakers
            .into_iter()
            .filter(|s| !self.home_seat(s.entity, place))
            .collect();
        if speakers.is_empty() {
            return false;
        }
        let at = Ref::name(p + 1, p + 2, place);
        self.emit_visits(sent, k, &speakers, &[at], Rule::SpeechIn);
        true
    }

    /// True when `body` is an organisation whose building is the person's own place of work
    /// ("Speaking at the Agriculture Department, Lyng said"): a role of `person` is of it, or
    /// names its field ("Agriculture Secretary").
    pub(super) fn own_body(&self, person: EntityId, body: EntityId) -> bool {
        let body = &self.entities[body];
        body.kind == EntityKind::Organization
            && self.entities[person].roles.iter().any(|r| {
                r.of.as_deref() == Some(body.name.as_str())
                    || r.title.split(' ').any(|w| {
                        w.len() > 3 && !OFFICES.contains(&w) && body.name.split(' ').any(|b| b == w)
                    })
            })
    }

    /// True when `place` is where a role of `person` sits: the capital of the role's country,
    /// or a seat of its organisation or country (the Bundesbank's Frankfurt, Nigeria's Lagos);
    /// or the capital or a seat of the country his nationality names ("Japanese Finance
    /// Ministry official X said in Tokyo").
    pub(super) fn home_seat(&self, person: EntityId, place: EntityId) -> bool {
        let lex = self.doc.lex;
        let city = self.entities[place].name.as_str();
        if self
            .demonym_homes(person)
            .into_iter()
            .any(|country| lex.sits_in(country, city))
        {
            return true;
        }
        let at_home = self.entities[person].roles.iter();
        at_home.filter(|r| !posted_abroad(r)).any(|role| {
            let Some(of) = role.of.as_deref() else {
                return false;
            };
            [EntityKind::Place, EntityKind::Organization]
                .into_iter()
                .filter_map(|kind| lex.known_named(kind, of))
                .any(|id| lex.sits_in(id, city))
        })
    }

    /// "Speaking in Cardiff, Mr Kennedy said": an opening participle places the subject of
    /// the main clause.
    pub(super) fn fronted_presence(&mut self, sent: Sent, k: usize) {
        let Some(place) = self.place_at(k + 2, self.doc.is(k + 1, "at")) else {
            return;
        };
        let mut comma = k;
        while comma < sent.end && !self.doc.punct(comma, &[","]) {
            comma += 1;
        }
        let Some(subject) = self.first_agent_from(sent, comma + 1).copied() else {
            return;
        };
        if self.kind(&subject) == EntityKind::Person {
            let at = Ref::name(k + 2, k + 3, place);
            self.emit_visits(sent, k, &[subject], &[at], Rule::SpeechIn);
        }
    }
}

/// The head words of titles, which name an office, not its field: "Agriculture Secretary" sits
/// in the Department of Agriculture, but not every secretary's body is a "Secretary" one.
const OFFICES: &[&str] = &[
    "Secretary",
    "Minister",
    "Chairman",
    "President",
    "Director",
    "Governor",
    "Spokesman",
    "Deputy",
    "Under",
    "Assistant",
    "Chief",
    "General",
    "Senior",
    "Vice",
    "State",
];
