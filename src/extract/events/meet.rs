//! Meetings: verbs ("met", "received", "will see"), phrases ("sat down with", "was joined
//! by") and nouns ("talks with", "a meeting between").

use super::{CLAUSE_BREAKS, Events, Sent};
use crate::extract::entities::{Ref, RefKind};
use crate::lexicon::{Cue, NounClass, Tense, VerbClass, flag};
use crate::model::{EntityKind, RelationKind, Rule};
use crate::text::TokenShape;

/// What one meets by satisfying it, not by seeing anyone.
const SATISFIED: &[&str] = &[
    "requirement",
    "requirements",
    "target",
    "targets",
    "demand",
    "demands",
    "criteria",
    "obligation",
    "obligations",
    "condition",
    "conditions",
    "standard",
    "standards",
    "deadline",
    "deadlines",
    "expectations",
    "needs",
    "costs",
    "payments",
    "goal",
    "goals",
    "quota",
    "quotas",
    "commitments",
    "forecasts",
    "estimates",
    "test",
    "terms",
];

impl Events<'_, '_> {
    pub(super) fn see_verb(&mut self, sent: Sent, k: usize) {
        // "ALLIED-LYONS SEES HIRAM WALKER PROFITS RISING": a company that sees forecasts;
        // only people see each other.
        let subjects = self.person_subjects(sent, k);
        let (objects, after) = self.objects(sent, k + 1, |r| {
            r.kind != RefKind::Demonym && self.kind(r) == EntityKind::Person
        });
        let objects: Vec<Ref> = objects.into_iter().copied().collect();
        // "X will see Y" but not "saw his chance": the object must come straight after.
        if subjects.is_empty() || objects.is_empty() || objects[0].from > k + 4 {
            return;
        }
        // "surprised to see Lawson qualify his comments": seeing someone do something is
        // watching, not meeting.
        if self.does_something(sent, after) {
            return;
        }
        self.emit_pairs(sent, k, &subjects, &objects, Rule::See, after, true);
    }

    pub(super) fn meet_verb(&mut self, sent: Sent, k: usize, rule: Rule) {
        // "meets Nasdaq requirements", "met its targets": to meet is to satisfy.
        let doc = self.doc;
        if (k + 1..(k + 5).min(sent.end)).any(|j| doc.is_any(j, SATISFIED)) {
            return;
        }
        let o = k + 1 + self.phone_phrase(k + 1);
        let o = o + self.duration_phrase(o);
        self.meet_verb_at(sent, k, o, rule);
    }

    /// True when the word at `j`, right after a verb's object, is a verb of the object's own
    /// ("see Lawson qualify", "saw Reagan leave"): a lower-case word that no preposition,
    /// conjunction or word of when is.
    fn does_something(&self, sent: Sent, j: usize) -> bool {
        let doc = self.doc;
        j < sent.end
            && doc.shape(j) == TokenShape::Lower
            && !doc.cue(j, Cue::Preposition)
            && !doc.cue(j, Cue::AdverbAfter)
            && !doc.cue(j, Cue::ClauseWord)
            && !doc.info(j).any(flag::WEEKDAY | flag::MONTH)
            && !doc.is_any(
                j,
                &[
                    "and",
                    "or",
                    "to",
                    "today",
                    "tomorrow",
                    "tonight",
                    "again",
                    "later",
                    "next",
                    "this",
                    "last",
                    "soon",
                    "shortly",
                    "privately",
                    "separately",
                    "alone",
                ],
            )
    }

    /// The length of "for an hour", "for about two hours", "for 90 minutes" at `k`, or 0: how
    /// long a meeting lasted, between its verb and its other party ("met for an hour with").
    fn duration_phrase(&self, k: usize) -> usize {
        let doc = self.doc;
        if !doc.is(k, "for") {
            return 0;
        }
        let mut j = k + 1;
        while j < k + 5
            && (doc.is_any(
                j,
                &[
                    "about", "nearly", "almost", "more", "than", "over", "half", "an", "a",
                ],
            ) || doc.cue(j, Cue::NumberWord)
                || doc.s(j).bytes().all(|b| b.is_ascii_digit()))
        {
            j += 1;
        }
        if j > k + 1 && doc.is_any(j, &["hour", "hours", "minute", "minutes"]) {
            j + 1 - k
        } else {
            0
        }
    }

    /// "sat down with", "shook hands with", "was joined by": a meeting said in a phrase, whose
    /// other party starts at the returned token.
    pub(super) fn meeting_phrase(&self, sent: Sent, k: usize) -> Option<usize> {
        let doc = self.doc;
        let w = |i: usize, words: &[&str]| doc.is_any(i, words);
        if w(k, &["sat", "sit", "sits", "sitting"]) && w(k + 1, &["down"]) && w(k + 2, &["with"])
            || w(k, &["shook", "shake", "shakes", "shaking"])
                && w(k + 1, &["hands"])
                && w(k + 2, &["with"])
        {
            return Some(k + 3);
        }
        // "paid a brief courtesy call on President Reagan": a visit to someone.
        if w(k, &["paid", "pay", "pays", "paying"])
            && let Some(call) = (k + 1..(k + 5).min(sent.end)).find(|&j| w(j, &["call", "calls"]))
            && w(call + 1, &["on", "upon"])
        {
            return Some(call + 2);
        }
        // "X was joined by Y": by people only; "joined by thousands" names no one.
        if w(k, &["joined"])
            && w(k + 1, &["by"])
            && k > sent.start
            && w(k - 1, &["was", "were", "is", "are", "been"])
        {
            return Some(k + 2);
        }
        None
    }

    pub(super) fn meet_verb_at(&mut self, sent: Sent, k: usize, o: usize, rule: Rule) {
        let doc = self.doc;
        let mut o = o;
        // "meet with", "meet and have dinner with" (the later trigger handles that one).
        if doc.is_any(o, &["with", "to"]) {
            o += 1;
        }
        let subjects: Vec<Ref> = self.subject(sent, k).into_iter().copied().collect();
        let (objects, after) = self.objects(sent, o, |r| self.agent(r));
        let objects: Vec<Ref> = objects.into_iter().copied().collect();
        // "Lavrov and Kerry met (on Friday)": everyone in the subject met; but not in
        // "Lavrov and Kerry spoke to journalists", whose object is not a name.
        if objects.is_empty() && subjects.len() >= 2 && self.intransitive_after(k) {
            self.emit_group(sent, k, &subjects, rule, after);
            return;
        }
        // "met police chiefs in Manchester": no one named was met, but the subject was there.
        if objects.is_empty() && !subjects.is_empty() && !self.phone_near(sent, k) {
            let people: Vec<Ref> = subjects
                .iter()
                .copied()
                .filter(|r| self.kind(r) == EntityKind::Person)
                .collect();
            let mut end = o;
            while end < sent.end
                && doc.shape(end) == TokenShape::Lower
                && !doc.is_any(end, &["in", "at"])
                && end < o + 5
            {
                end += 1;
            }
            // "met police chiefs in Manchester", "spoke to reporters in Bonn"; but "spoke to
            // concerns in Canada" met no one.
            if end > o
                && self.people_noun(end - 1)
                && let Some(place) = self.meeting_place(sent, end)
            {
                let at = Ref::name(end, end, place);
                self.emit_visits(sent, k, &people, &[at], Rule::MetAt);
            }
            return;
        }
        // "X was joined by Y, an analyst, and Z on a panel": whatever the list's appositions.
        let stage = if doc.is(k, "joined") {
            (after..sent.end).any(|j| self.public_appearance(j))
        } else {
            self.public_appearance(after)
        };
        if subjects.is_empty() || stage {
            return;
        }
        self.emit_pairs(sent, k, &subjects, &objects, rule, after, true);
    }

    /// True when the words at `j` put those named before them on a stage together, which is
    /// no meeting: "was joined by X on a Chicago Board of Trade panel", "at a news
    /// conference".
    fn public_appearance(&self, j: usize) -> bool {
        let doc = self.doc;
        if !doc.is_any(j, &["on", "at", "in"]) {
            return false;
        }
        (j + 1..j + 9)
            .take_while(|&x| !doc.punct(x, CLAUSE_BREAKS) && !doc.is_any(x, &["to", "that"]))
            .any(|x| self.press_event(x))
    }

    /// True when the noun at `k` is a public event rather than a meeting: a panel, a hearing,
    /// a news or press conference.
    fn press_event(&self, k: usize) -> bool {
        let doc = self.doc;
        doc.is_any(k, &["panel", "hearing", "hearings"])
            || doc.is_any(k, &["conference", "conferences", "briefing"])
                && k > 0
                && doc.is_any(k - 1, &["news", "press"])
    }

    /// True when the word at `j` names people ("chiefs", "reporters", "officials").
    fn people_noun(&self, j: usize) -> bool {
        let doc = self.doc;
        let word = doc.s(j);
        doc.cue(j, Cue::Audience)
            || doc.cue(j, Cue::PairNoun)
            || doc.info(j).has(flag::OCCUPATION)
            || [
                "ers",
                "ors",
                "ists",
                "ians",
                "ants",
                "ents",
                "men",
                "women",
                "people",
                "chiefs",
                "officials",
                "leaders",
                "executives",
                "delegates",
                "delegation",
                "staff",
            ]
            .iter()
            .any(|end| word.ends_with(end))
    }

    pub(super) fn symmetric_subjects(&mut self, sent: Sent, k: usize, rule: Rule) {
        let subjects: Vec<Ref> = self.subject(sent, k).into_iter().copied().collect();
        if subjects.len() >= 2 {
            self.emit_group(sent, k, &subjects, rule, k + 1);
        }
    }

    pub(super) fn receive_verb(&mut self, sent: Sent, k: usize) {
        let doc = self.doc;
        let passive = k > sent.start
            && doc.is_any(k - 1, &["was", "were", "been", "being", "be", "is", "are"])
            && doc
                .info(k)
                .verb
                .is_some_and(|v| matches!(v.tense, Tense::Past | Tense::PastParticiple));
        if passive && doc.is(k + 1, "by") {
            let guests: Vec<Ref> = self.subject(sent, k).into_iter().copied().collect();
            // "90 applications have so far been received by the Central Bank": a plural noun
            // before the verb is what was received, whoever was named before it.
            let plural_noun = |x: usize| {
                doc.shape(x) == TokenShape::Lower
                    && doc.s(x).len() > 4
                    && doc.s(x).ends_with('s')
                    && doc.info(x).verb.is_none()
            };
            let last = guests.iter().map(|r| r.to).max().unwrap_or(k);
            if (last..k).any(plural_noun) {
                return;
            }
            let (hosts, after) = self.objects(sent, k + 2, |r| self.agent(r));
            let hosts: Vec<Ref> = hosts.into_iter().copied().collect();
            if !guests.is_empty() && !hosts.is_empty() {
                self.emit_pairs(sent, k, &hosts, &guests, Rule::ReceivedBy, after, true);
            }
            return;
        }
        let hosts: Vec<Ref> = self.subject(sent, k).into_iter().copied().collect();
        let (guests, after) = self.objects(sent, k + 1, |r| {
            self.kind(r) == EntityKind::Person && r.kind != RefKind::Demonym
        });
        let guests: Vec<Ref> = guests.into_iter().copied().collect();
        if !hosts.is_empty() && !guests.is_empty() {
            self.emit_pairs(sent, k, &hosts, &guests, Rule::Receive, after, true);
        }
    }

    /// "talks with X", "a meeting with X", "dinner with X", "talks between X and Y".
    pub(super) fn meeting_noun(&mut self, sent: Sent, k: usize) {
        let doc = self.doc;
        if doc.info(k).noun == Some(NounClass::Meal) && self.hosted_meal(sent, k) {
            return;
        }
        let mut j = k + 1;
        // "held brief talks on Sunday with X", "talks yesterday with X": words of when may come
        // between the noun and its partner.
        for _ in 0..2 {
            if doc.is_any(j, &["yesterday", "today", "tomorrow", "later", "earlier"]) {
                j += 1;
            } else if doc.is_any(j, &["on", "last", "this", "next"])
                && (doc.info(j + 1).any(flag::WEEKDAY | flag::MONTH)
                    || doc.is_any(j + 1, &["week", "month", "weekend", "night"]))
                && (doc.is(j + 2, "with") || doc.is_any(j + 2, &["yesterday", "today"]))
            {
                j += 2;
            }
        }
        if doc.is(j, "between") {
            let (parties, after) = self.objects(sent, j + 1, |r| self.agent(r));
            let mut parties: Vec<Ref> = parties.into_iter().copied().collect();
            // "talks between the two ministers", "between the pair".
            if parties.is_empty()
                && let Some(pair) = (j + 2..(j + 4).min(sent.end)).find(|&x| self.is_pair_word(x))
            {
                parties = self
                    .last_two_people(sent, pair)
                    .into_iter()
                    .copied()
                    .collect();
            }
            if parties.len() >= 2 {
                self.emit_group(sent, k, &parties, Rule::MeetingBetween, after);
            }
            return;
        }
        if !doc.is(j, "with") && self.meeting_named_again(sent, k) {
            return;
        }
        if !doc.is(j, "with") {
            // "Lavrov and Kerry will hold separate talks on Friday."
            if doc.is_any(
                k,
                &[
                    "talks",
                    "meeting",
                    "negotiations",
                    "discussions",
                    "consultations",
                    "conversation",
                    "call",
                    "calls",
                    "conference",
                    "summit",
                ],
            ) {
                let subjects: Vec<Ref> = self.subject(sent, k).into_iter().copied().collect();
                // ("for meetings of the Interim Committee and Development Committee, and we
                // shall be having a meeting of the G-7": "we" hold it, not the names before.)
                // (But "X and Y said they were holding discussions": they are X and Y.)
                let pronoun_between = subjects.iter().map(|r| r.to).max().is_some_and(|last| {
                    let says =
                        |j: usize| doc.info(j).verb.is_some_and(|v| v.class == VerbClass::Say);
                    (last..k).any(|j| doc.is_any(j, &["we", "they", "i", "you", "he", "she"]))
                        && !(last..k).any(says)
                });
                if subjects.len() >= 2 && self.light_verb_before(sent, k) && !pronoun_between {
                    self.emit_group(sent, k, &subjects, Rule::HoldTalks, k + 1);
                }
            }
            return;
        }
        j += 1;
        let (partners, after) = self.objects(sent, j, |r| self.agent(r));
        let partners: Vec<Ref> = partners.into_iter().copied().collect();
        if partners.is_empty() {
            return;
        }
        // The owner: "Kerry's meeting with", else the clause's subject.
        let mut owner: Vec<Ref> = match self.possessive(sent, k) {
            Some(Some(r)) => vec![r],
            // "the government's talks with the IMF": not the subject's talks.
            Some(None) => return,
            // "X told Reuters the negotiations with Y had been successful": talks that are
            // what a speaker reports on are not the speaker's.
            None if self.reported_talks(sent, k, after) => return,
            None => self.subject(sent, k).into_iter().copied().collect(),
        };
        // "During talks with X, Y said ...", "In a phone call with X, Y raised ...": the
        // subject of the main clause after the fronted phrase.
        if owner.is_empty()
            && let Some(comma) = doc.fronted_phrase_end(sent.index)
            && comma >= after
        {
            owner.extend(self.first_agent_from(sent, comma + 1).copied());
        }
        if owner.is_empty() {
            return;
        }
        self.emit_pairs(sent, k, &owner, &partners, Rule::MeetingWith, after, true);
    }

    /// True when the noun of talks at `k`, whose partners end at `after`, is the subject of a
    /// clause a verb of saying reports: only an audience, "that", determiners and words of no
    /// verb stand between ("told Reuters the negotiations with Y had been successful", "said
    /// further progress in talks with Y was expected"), and a verb follows the partners. The
    /// speaker reports on the talks, often for others; "his talks with Y" are his, and "said
    /// the case was resolved at a meeting with Y" has a verb between.
    fn reported_talks(&self, sent: Sent, k: usize, after: usize) -> bool {
        let doc = self.doc;
        let says = |j: usize| {
            doc.info(j).verb.is_some_and(|v| {
                v.class == VerbClass::Say && matches!(v.tense, Tense::Past | Tense::Present)
            })
        };
        let Some(verb) = (k.saturating_sub(6).max(sent.start)..k)
            .rev()
            .find(|&j| says(j))
        else {
            return false;
        };
        let plain = (verb + 1..k).all(|j| {
            doc.cue(j, Cue::Determiner)
                || doc.cue(j, Cue::Audience)
                || doc.is_any(j, &["that", "further", "progress", "in"])
                || self
                    .ref_covering(j)
                    .is_some_and(|r| self.kind(r) != EntityKind::Person)
        });
        // ("the negotiations with Y, which have yet to end, had been ...": past the relative
        // clause.)
        let mut verb_at = after;
        if doc.punct(after, &[","]) && doc.is_any(after + 1, &["which", "who"]) {
            verb_at = (after + 2..sent.end)
                .find(|&j| doc.punct(j, &[","]))
                .map_or(sent.end, |comma| comma + 1);
        }
        plain && doc.is_any(verb_at, super::clause::AUXILIARIES)
    }

    /// A host's meal or reception for a guest, which meets them: "a reception held for him by
    /// President X", "a dinner given by X for Y", "X gave a lunch for Y", "at a banquet in
    /// honour of Y". The guest left unnamed ("for him", or no "for") is the clause's subject:
    /// "Hale, speaking at a dinner given by X, said". True when it read the meal so.
    fn hosted_meal(&mut self, sent: Sent, k: usize) -> bool {
        let doc = self.doc;
        let mut j = k + 1;
        let given = doc.is_any(j, HOSTED);
        if given {
            j += 1;
        }
        let mut hosts: Vec<Ref> = Vec::new();
        let mut guests: Vec<Ref> = Vec::new();
        let mut after = j;
        for _ in 0..2 {
            let guest_from = if doc.is(j, "for") {
                Some(j + 1)
            } else if doc.is(j, "in")
                && doc.is_any(j + 1, &["honour", "honor"])
                && doc.is(j + 2, "of")
            {
                Some(j + 3)
            } else {
                None
            };
            if let Some(from) = guest_from {
                if doc.is_any(from, &["him", "her", "them"]) {
                    j = from + 1;
                } else {
                    let (found, end) =
                        self.objects(sent, from, |r| self.kind(r) == EntityKind::Person);
                    if found.is_empty() {
                        break;
                    }
                    guests = found.into_iter().copied().collect();
                    j = end;
                }
                after = j;
            } else if given && doc.is(j, "by") {
                let (found, end) = self.objects(sent, j + 1, |r| self.agent(r));
                if found.is_empty() {
                    break;
                }
                hosts = found.into_iter().copied().collect();
                j = end;
                after = j;
            } else {
                break;
            }
        }
        // "Reagan gave a dinner for Chirac", "At a banquet in honour of Y, X said": the host,
        // or a guest who meets the one honoured, is the subject.
        if hosts.is_empty() && !given && !guests.is_empty() {
            hosts = self.person_subjects(sent, k);
        }
        if hosts.is_empty() {
            return false;
        }
        if guests.is_empty() {
            guests = self.person_subjects(sent, k);
        }
        if guests.is_empty()
            && let Some(comma) = doc.fronted_phrase_end(sent.index)
            && comma >= after
        {
            guests.extend(self.first_agent_from(sent, comma + 1).copied());
        }
        if guests.is_empty() {
            return false;
        }
        self.emit_pairs(sent, k, &hosts, &guests, Rule::Hosted, after, true);
        true
    }

    /// "Describing that first meeting at London's King's Cross station, he said": a meeting
    /// named again with a demonstrative, and a place, is the last meeting the article told of
    /// in the sentences just before; it was there, and so were its people. True when it
    /// read the noun so.
    fn meeting_named_again(&mut self, sent: Sent, k: usize) -> bool {
        let doc = self.doc;
        let named_again = (k.saturating_sub(3).max(sent.start)..k)
            .rev()
            .take_while(|&j| doc.shape(j) == TokenShape::Lower)
            .any(|j| doc.is_any(j, &["that", "this", "their"]));
        if !named_again {
            return false;
        }
        let Some(place) = self.meeting_place(sent, k + 1) else {
            return false;
        };
        if self.entities[place].kind != EntityKind::Place {
            return false;
        }
        let since = self.sent(sent.index.saturating_sub(2)).span.start;
        let Some(i) = self.emit.out.iter().rposition(|r| {
            r.kind == RelationKind::Met
                && r.sentence.start >= since
                && r.sentence.start < sent.span.start
        }) else {
            return false;
        };
        let met = &mut self.emit.out[i];
        met.place.get_or_insert(place);
        let people = [Some(met.source), met.target];
        let Some(at) = self
            .refs
            .iter()
            .find(|r| r.entity == place && r.from > k)
            .copied()
        else {
            return false;
        };
        // "at London's King's Cross station": the facility after the city's possessive too.
        let mut places = vec![at];
        if doc.tok(at.to).shape == TokenShape::Clitic
            && let Some(r) = self.ref_starting(at.to + 1).filter(|r| self.place(r))
        {
            places.push(*r);
        }
        let here: Vec<Ref> = people
            .into_iter()
            .flatten()
            .filter(|&e| self.entities[e].kind == EntityKind::Person)
            .map(|e| Ref::name(at.from, at.to, e))
            .collect();
        self.emit_visits(sent, k, &here, &places, Rule::MetAt);
        true
    }
}

/// Participles that make a meal or a reception someone's: "a dinner given by", "a reception
/// held for him by".
const HOSTED: &[&str] = &[
    "given",
    "held",
    "hosted",
    "offered",
    "thrown",
    "organised",
    "organized",
];
