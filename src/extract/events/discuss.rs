//! Discussing: "discussed Syria with Lavrov" (a meeting about Syria), "Kerry and Lavrov
//! discussed Syria", "Syria was discussed when ...".

use super::{Events, Sent, is_meeting};
use crate::extract::entities::Ref;
use crate::lexicon::{Cue, NounClass};
use crate::model::{EntityId, Rule};
use crate::text::TokenShape;

impl Events<'_, '_> {
    pub(super) fn discuss_verb(&mut self, sent: Sent, k: usize) {
        let doc = self.doc;
        // "Both sides in the IMF debate say": after a preposition, a determiner and maybe a
        // name, the word is a noun, no verb.
        let mut j = k;
        while j > sent.start
            && let Some(r) = self.ref_covering(j - 1)
        {
            j = r.from;
        }
        if j > sent.start + 1 && doc.cue(j - 1, Cue::Determiner) && doc.cue(j - 2, Cue::Preposition)
        {
            return;
        }
        let subjects: Vec<Ref> = self.subject(sent, k).into_iter().copied().collect();
        // The topic runs to "with", to the end of the clause, or to a place phrase.
        // topic_end stops at the "with" that names a partner; look at that token too.
        let end = self.topic_end(sent, k + 1);
        // ("discussed jointly developing a jet to compete with Boeing": the "with" of another
        // verb's infinitive names no partner.)
        let another_verbs = |j: usize| {
            j >= k + 3
                && doc.is(j - 2, "to")
                && doc.shape(j - 1) == TokenShape::Lower
                && doc.info(j - 1).verb.is_none()
        };
        let with = (k + 1..(end + 1).min(sent.end)).find(|&j| {
            doc.is(j, "with")
                && !another_verbs(j)
                && !self.objects(sent, j + 1, |r| self.agent(r)).0.is_empty()
        });
        let topic_end = with.unwrap_or(end);
        let exclude: Vec<EntityId> = subjects.iter().map(|r| r.entity).collect();
        let topics = self.topics_in(sent, k + 1, topic_end, &exclude);
        if let Some(w) = with {
            let (partners, after) = self.objects(sent, w + 1, |r| self.agent(r));
            let partners: Vec<Ref> = partners.into_iter().copied().collect();
            if !subjects.is_empty() && !partners.is_empty() {
                self.emit_pairs(
                    sent,
                    k,
                    &subjects,
                    &partners,
                    Rule::DiscussWith,
                    after,
                    false,
                );
                let mut everyone = subjects.clone();
                everyone.extend(partners);
                self.add_meeting_topics(sent, &everyone, &topics);
                self.emit_discussed(sent, k, &everyone, &topics, Rule::DiscussWith);
                return;
            }
        }
        // "Kerry and Steinmeier will discuss ...": a meeting of the subjects; but two who
        // raise or address a matter need not have met ("criticised by both Labour and the
        // Tories, the plan raises ...").
        let together = !doc.is_any(
            k,
            &[
                "raise",
                "raised",
                "raises",
                "raising",
                "address",
                "addressed",
                "addresses",
                "addressing",
            ],
        );
        // "X and Y will discuss agriculture during a visit to Japan": two who travel together
        // discuss it with their hosts, not with each other.
        let travelling = || {
            (k + 1..sent.end)
                .take_while(|&j| !doc.punct(j, &[".", ";", ":"]))
                .any(|j| {
                    doc.info(j).noun == Some(NounClass::Visit)
                        && (j.saturating_sub(3).max(k + 1)..j)
                            .any(|d| doc.is_any(d, &["during", "on"]))
                })
        };
        // "X and Y spent two weeks discussing the session with brokerage firms": a "with"
        // after the matter names the partners, named or not (but "trade relations with
        // Japan" is the matter's own).
        let others = (k + 2..end.min(sent.end)).any(|j| {
            doc.is(j, "with") && !doc.is_any(j - 1, RELATIONAL_NOUNS) && !another_verbs(j)
        });
        if subjects.len() >= 2 && together && !others && !travelling() {
            self.emit_group(sent, k, &subjects, Rule::DiscussTogether, topic_end);
            self.add_meeting_topics(sent, &subjects, &topics);
        }
        // A passive topic: "Climate change was discussed when X visited Y".
        if subjects.is_empty()
            && k > sent.start
            && doc.is_any(k - 1, &["was", "were", "been", "be"])
        {
            // The topic is the noun phrase right before "was": "Climate change was discussed".
            let be = k - 1;
            let mut from = be;
            while from > sent.start
                && be - from < 4
                && (doc.shape(from - 1) != TokenShape::Punct
                    && !doc.cue(from - 1, Cue::Preposition)
                    && doc.info(from - 1).verb.is_none()
                    || self.ref_covering(from - 1).is_some())
            {
                from -= 1;
            }
            self.passive_topics = self.topics_in(sent, from, be, &[]);
            return;
        }
        if !subjects.is_empty() {
            self.emit_discussed(sent, k, &subjects, &topics, Rule::Discuss);
        }
    }

    /// "is scheduled to see Putin": seeing a person is meeting them; seeing anything else is not.
    /// Gives `topics` to the meetings of this sentence among `members`, whichever rule found
    /// them first.
    pub(super) fn add_meeting_topics(&mut self, sent: Sent, members: &[Ref], topics: &[EntityId]) {
        let member = |e: EntityId| members.iter().any(|m| m.entity == e);
        // Only this sentence's relations can be its meetings.
        let first = self.sentence_first;
        for rel in &mut self.emit.out[first..] {
            if !is_meeting(rel.kind)
                || rel.sentence != sent.span
                || !member(rel.source)
                || !rel.target.is_some_and(member)
            {
                continue;
            }
            for &t in topics {
                if !rel.topics.contains(&t) && t != rel.source && Some(t) != rel.target {
                    rel.topics.push(t);
                }
            }
        }
    }
}

/// Nouns whose own "with" names the other side of the matter, not a partner in the talks:
/// "trade relations with Japan", "the dispute with Texaco".
const RELATIONAL_NOUNS: &[&str] = &[
    "relations",
    "ties",
    "links",
    "link",
    "trade",
    "agreement",
    "agreements",
    "accord",
    "deal",
    "deals",
    "dispute",
    "disputes",
    "conflict",
    "cooperation",
    "co-operation",
    "negotiations",
    "talks",
    "contacts",
    "contract",
    "contracts",
    "merger",
    "partnership",
    "venture",
    "problems",
    "differences",
    "friction",
    "surplus",
    "deficit",
    "war",
    "tensions",
];
