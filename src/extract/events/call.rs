//! Telephone and video calls: "phoned", "called X on Monday", "spoke by telephone with". A
//! call is its own relation, not a meeting.

use super::{Events, Sent};
use crate::extract::entities::{Ref, RefKind};
use crate::lexicon::{Cue, NounClass, VerbClass};
use crate::model::{EntityKind, Rule};
use crate::text::TokenShape;

impl Events<'_, '_> {
    /// True when a word of telephoning stands near the trigger at `k`, so that the event it
    /// finds is a call ("spoke by telephone with", "in a phone conversation with", "phoned").
    pub(super) fn phone_near(&self, sent: Sent, k: usize) -> bool {
        let doc = self.doc;
        (k.saturating_sub(4).max(sent.start)..(k + 9).min(sent.end)).any(|j| {
            doc.shape(j) == TokenShape::Lower
                && !self.call_for(j)
                && (doc.info(j).noun == Some(NounClass::Phone)
                    || doc
                        .info(j)
                        .verb
                        .is_some_and(|v| v.class == VerbClass::Phone))
        })
    }

    /// "calls for restraint", "a call on Israel to": a demand, not a telephone call.
    pub(super) fn call_for(&self, k: usize) -> bool {
        self.doc.is_any(k + 1, &["for", "on", "upon", "off"])
    }

    /// The length of "by phone", "by telephone", "on the phone", "over the telephone", "by video
    /// link" at `k`, or 0.
    pub(super) fn phone_phrase(&self, k: usize) -> usize {
        let doc = self.doc;
        if !doc.is_any(k, &["by", "on", "over", "via"]) {
            return 0;
        }
        let mut j = k + 1;
        if doc.is_any(j, &["the", "a"]) {
            j += 1;
        }
        if doc.is(j, "video") {
            j += 1;
            if doc.is_any(j, &["link", "call", "conference"]) {
                return j + 1 - k;
            }
        }
        if doc.info(j).noun == Some(NounClass::Phone) {
            return j + 1 - k;
        }
        0
    }

    /// "Obama phoned Putin", "Merkel called Hollande on Monday": a call with a named person.
    /// "called" also names ("a group called X") and judges ("called Y a liar"), so its object
    /// must come straight after it and be a person, and the subject must be one too.
    pub(super) fn phone_verb(&mut self, sent: Sent, k: usize) {
        let doc = self.doc;
        let passive = k > sent.start
            && doc.is_any(
                k - 1,
                &["was", "were", "been", "being", "be", "is", "are", "so"],
            );
        if passive || self.call_for(k) || k > sent.start && doc.punct(k - 1, &["-"]) {
            return;
        }
        let person = |r: &Ref| r.kind != RefKind::Demonym && self.kind(r) == EntityKind::Person;
        let subjects: Vec<Ref> = self
            .subject(sent, k)
            .into_iter()
            .copied()
            .filter(|r| person(r))
            .collect();
        let (objects, after) = self.objects(sent, k + 1, person);
        let objects: Vec<Ref> = objects.into_iter().copied().collect();
        // The callee comes straight after the verb, past a title ("phoned Prime Minister X").
        let straight = objects.first().is_some_and(|o| {
            (k + 1..o.from).all(|j| self.title_word(j) || self.doc.cue(j, Cue::Determiner))
        });
        if subjects.is_empty() || !straight {
            return;
        }
        // "called Y a liar", "called Y the best": a judgement.
        if doc.is_any(after, &["a", "an", "the", "his", "her"]) {
            return;
        }
        self.emit_pairs(sent, k, &subjects, &objects, Rule::Phone, after, true);
    }
}
