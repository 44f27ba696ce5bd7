//! What an event was about: the topic phrase after "about", "on", "to discuss", or in the next
//! sentence ("The agenda will include ..."); entities in it, else its noun phrase.

use super::CLAUSE_BREAKS;
use super::{Events, Sent, is_meeting};
use crate::extract::entities::RefKind;
use crate::lexicon::{Cue, NounClass, Tense, VerbClass, flag};
use crate::model::{EntityId, EntityKind};
use crate::text::TokenShape;

impl Events<'_, '_> {
    /// Where a topic phrase after `from` stops.
    pub(super) fn topic_end(&self, sent: Sent, from: usize) -> usize {
        let doc = self.doc;
        let mut j = from;
        // What is discussed is said within a clause's reach of the verb.
        let end = sent.end.min(from + super::clause::CLAUSE_REACH);
        while j < end {
            if doc.punct(j, CLAUSE_BREAKS) || doc.punct(j, &[".", "?", "!", "("]) {
                break;
            }
            if doc.is_any(
                j,
                &[
                    "which", "who", "whom", "whose", "where", "but", "while", "when", "after",
                    "before", "because", "although", "so",
                ],
            ) {
                break;
            }
            if doc.is(j, "and")
                && (doc.is_any(
                    j + 1,
                    &["this", "it", "he", "she", "they", "that", "there", "we"],
                ))
            {
                break;
            }
            // "at the Kremlin" is where, not what.
            if doc.is(j, "at") {
                break;
            }
            // "discuss trade with Merkel": "with" and a partner end the topic; "relations
            // with Russia" keep theirs.
            if doc.is(j, "with") && !self.objects(sent, j + 1, |r| self.agent(r)).0.is_empty() {
                break;
            }
            // ", the Kremlin said": a comment clause.
            if doc.punct(j, &[","])
                && (j + 1..(j + 5).min(sent.end))
                    .any(|x| doc.info(x).verb.is_some_and(|v| v.class == VerbClass::Say))
            {
                break;
            }
            j += 1;
        }
        j
    }

    /// The topics named in `from..to`: entities (places, organisations, people not in
    /// `exclude`, nationality words as their country) and, for list items with no entity, the
    /// noun phrase itself ("bilateral relations").
    pub(super) fn topics_in(
        &mut self,
        sent: Sent,
        from: usize,
        to: usize,
        exclude: &[EntityId],
    ) -> Vec<EntityId> {
        let doc = self.doc;
        let mut topics: Vec<EntityId> = Vec::new();
        let mut item_start = from;
        let mut item_has_entity = false;
        let mut j = from;
        let mut items: Vec<(usize, usize, bool)> = Vec::new();
        while j <= to {
            let boundary = j == to
                || doc.punct(j, &[","])
                || doc.is(j, "and")
                || doc.is(j, "as") && doc.is(j + 1, "well");
            if boundary {
                items.push((item_start, j, item_has_entity));
                item_start = j + 1;
                item_has_entity = false;
                j += 1;
                continue;
            }
            if let Some(r) = self.ref_starting(j) {
                let r = *r;
                let usable = match self.kind(&r) {
                    EntityKind::Person => !exclude.contains(&r.entity) && r.kind == RefKind::Name,
                    EntityKind::Place | EntityKind::Organization => true,
                    _ => false,
                };
                if usable && !topics.contains(&r.entity) {
                    topics.push(r.entity);
                }
                item_has_entity = true;
                j = r.to;
                continue;
            }
            j += 1;
        }
        let _ = sent;
        for (a, b, has_entity) in items {
            if has_entity {
                continue;
            }
            if let Some(phrase) = self.noun_phrase(a, b) {
                let id = self.emit.topic(&phrase);
                if !topics.contains(&id) {
                    topics.push(id);
                }
            }
        }
        topics
    }

    /// A short noun phrase in `from..to` with determiners dropped: "bilateral relations".
    pub(super) fn noun_phrase(&self, from: usize, to: usize) -> Option<String> {
        let doc = self.doc;
        // The tokens of the phrase.
        let mut words: Vec<usize> = Vec::new();
        for j in from..to {
            if doc.cue(j, Cue::Determiner) || doc.cue(j, Cue::TopicAdverb) && words.is_empty() {
                continue;
            }
            if !doc.tok(j).is_word() && !doc.punct(j, &["-"])
                || doc.cue(j, Cue::Preposition) && !doc.is(j, "of")
            {
                break;
            }
            if doc
                .info(j)
                .verb
                .is_some_and(|v| !matches!(v.tense, Tense::Ing | Tense::PastParticiple))
                && doc.info(j).noun.is_none()
            {
                return None;
            }
            words.push(j);
        }
        while words
            .last()
            .is_some_and(|&w| doc.is(w, "of") || doc.punct(w, &["-"]))
        {
            words.pop();
        }
        if words.is_empty() || words.len() > 4 {
            return None;
        }
        // "of course", "that efforts", "this matter": not a subject of talks.
        if doc.is_any(
            from,
            &[
                "of", "that", "which", "who", "what", "how", "whether", "it", "this", "these",
            ],
        ) || words.len() == 1 && doc.cue(words[0], Cue::VagueNoun)
        {
            return None;
        }
        // "We can", "police do want", "six or seven million": a clause or a number, not a topic.
        if words.iter().any(|&w| doc.cue(w, Cue::NotTopic))
            || words.iter().all(|&w| {
                doc.cue(w, Cue::NumberWord)
                    || doc.s(w).chars().all(|c| c.is_ascii_digit() || c == ',')
            })
        {
            return None;
        }
        let words: Vec<&str> = words.iter().map(|&w| doc.s(w)).collect();
        // Kept as written, but a capital that only opens the sentence is lowered.
        let mut phrase = words.join(" ").replace(" - ", "-");
        if doc.starts_sentence(from) && doc.info(from).has(flag::COMMON) {
            phrase = phrase[..1].to_lowercase() + &phrase[1..];
        }
        // One short function word is not a topic.
        if phrase.len() < 4 {
            return None;
        }
        Some(phrase)
    }

    /// Topics a sentence gives for the meetings of the sentence before: "The agenda will
    /// include Syria", "The talks will focus on ...", "They will discuss ...".
    pub(super) fn follow_up_topics(&mut self, sent: Sent, first_new: usize) {
        let doc = self.doc;
        if self.last_meetings.is_empty()
            || self.emit.out.len() > first_new
                && self.emit.out[first_new..]
                    .iter()
                    .any(|r| is_meeting(r.kind))
        {
            return;
        }
        let s = sent.start;
        // "On the agenda were ...", "Top of the agenda is ...": an agenda noun early in the
        // sentence, and what it is said to hold after a form of "be" or a colon.
        let agenda =
            (s..(s + 5).min(sent.end)).find(|&j| doc.info(j).noun == Some(NounClass::Agenda));
        let opener = doc.is_any(s, &["the", "their", "they", "both", "these"])
            || doc.is_any(s, &["this", "that"]) && doc.info(s + 1).noun == Some(NounClass::Meet)
            || agenda.is_some();
        if !opener {
            return;
        }
        let mut k = s;
        while k < sent.end && k < s + 8 {
            let word = doc.s(k).to_ascii_lowercase();
            let after_agenda = agenda.is_some_and(|a| k > a);
            let start = match word.as_str() {
                _ if after_agenda
                    && (doc.info(k).verb.is_some_and(|v| v.class == VerbClass::Be)
                        || doc.punct(k, &[":"])) =>
                {
                    Some(k + 1)
                }
                "include" | "includes" | "included" | "including" => Some(k + 1),
                "focus" | "focused" | "focuses" | "centre" | "center" | "concentrate"
                    if doc.is(k + 1, "on") || doc.is(k + 2, "on") =>
                {
                    Some(if doc.is(k + 1, "on") { k + 2 } else { k + 3 })
                }
                "discuss" | "discussed" | "address" | "cover" | "covered" => Some(k + 1),
                _ => None,
            };
            if let Some(start) = start {
                let end = self.topic_end(sent, start);
                let topics = self.topics_in(sent, start, end, &[]);
                let meetings = self.last_meetings.clone();
                for m in meetings {
                    for &t in &topics {
                        if !self.emit.out[m].topics.contains(&t)
                            && Some(t) != self.emit.out[m].target
                            && t != self.emit.out[m].source
                        {
                            self.emit.out[m].topics.push(t);
                        }
                    }
                }
                return;
            }
            k += 1;
        }
    }

    /// "farm trade talks with X", "GATT talks", "Middle East peace negotiations": the words
    /// right before a noun of talks (at `k` or just after it) that say what they were about.
    /// Read back from the noun, they stop at a word that says how, when, at what level or by
    /// whom (`event_adjective` cues: "lengthy", "bilateral", "two-day", "board"), a determiner
    /// or other cue word, a verb, a number or a possessive; an organisation or a place right
    /// before them is a topic of its own.
    pub(super) fn modifier_topics(&mut self, sent: Sent, k: usize) -> Vec<EntityId> {
        let doc = self.doc;
        const NOUNS: &[&str] = &["talks", "negotiations", "discussions", "consultations"];
        let Some(noun) = (k..(k + 2).min(sent.end)).find(|&x| doc.is_any(x, NOUNS)) else {
            return Vec::new();
        };
        let plain = |w: usize| {
            doc.shape(w) == TokenShape::Lower
                && (doc.info(w).cues & !Cue::QualifiedNoun.bit()) == 0
                && doc.info(w).verb.is_none()
                && doc.info(w).noun.is_none()
                && doc.s(w).len() > 2
                && !doc.s(w).ends_with("ly")
                && !doc.s(w).ends_with("ed")
                // The particle of a verb: "broke off talks".
                && !doc.is_any(w, &["off", "out", "down", "back", "away", "over"])
        };
        // What may stand before the words: a determiner, an adjective of the talks, a
        // preposition but "to" ("to begin talks"), a number, a possessive, a name, a comma,
        // or a verb the lists know ("held trade talks"); not an unknown word, which may be the
        // verb whose object the talks are ("broke off merger talks").
        let opens = |w: usize| {
            w < sent.start
                || doc.punct(w, &[",", "(", "\"", ":"])
                || doc.cue(w, Cue::Determiner)
                || doc.cue(w, Cue::EventAdjective)
                || doc.cue(w, Cue::Qualifier)
                || doc.cue(w, Cue::NumberWord)
                || doc.cue(w, Cue::Preposition) && !doc.is(w, "to")
                || doc.shape(w) == TokenShape::Number
                || doc.tok(w).shape == TokenShape::Clitic
                || doc.capitalized(w)
                || doc.info(w).verb.is_some()
        };
        let mut from = noun;
        let mut start = noun;
        while from > sent.start && noun - from < 2 && plain(from - 1) {
            from -= 1;
            if from == sent.start || opens(from - 1) {
                start = from;
            }
        }
        // A lone word in -ing is the verb of the talks ("after suspending talks"), a first one
        // of two a noun's modifier ("debt rescheduling talks").
        if noun - start == 1 && doc.s(start).ends_with("ing") {
            start = noun;
        }
        let from = start;
        let mut topics = Vec::new();
        if let Some(r) = from
            .checked_sub(1)
            .and_then(|w| self.ref_covering(w))
            .copied()
            && r.to == from
            && matches!(self.kind(&r), EntityKind::Organization | EntityKind::Place)
        {
            topics.push(r.entity);
        }
        if from < noun
            && let Some(phrase) = self.noun_phrase(from, noun)
        {
            topics.push(self.emit.topic(&phrase));
        }
        topics
    }

    /// "about X", "on X", "to discuss X" after a meeting's participants.
    ///
    /// "on" gives a topic only after a meeting noun ("talks on Syria"); after a verb it is
    /// mostly when or where ("met on the platform", "met on Friday").
    pub(super) fn own_topics(
        &mut self,
        sent: Sent,
        after: usize,
        after_noun: bool,
    ) -> Vec<EntityId> {
        let doc = self.doc;
        let mut j = after;
        let limit = (after + 6).min(sent.end);
        while j < limit {
            let preposition = if after_noun {
                &["about", "on", "over", "regarding"][..]
            } else {
                &["about", "over", "regarding"][..]
            };
            if doc.is_any(j, preposition)
                && doc.shape(j + 1) != TokenShape::Number
                && !doc.info(j + 1).any(flag::MONTH | flag::WEEKDAY)
            {
                let end = self.topic_end(sent, j + 1);
                return self.topics_in(sent, j + 1, end, &[]);
            }
            if doc.is(j, "to")
                && doc
                    .info(j + 1)
                    .verb
                    .is_some_and(|v| v.class == VerbClass::Discuss)
            {
                let end = self.topic_end(sent, j + 2);
                return self.topics_in(sent, j + 2, end, &[]);
            }
            if doc.punct(j, &[".", ";"]) {
                break;
            }
            j += 1;
        }
        Vec::new()
    }
}
