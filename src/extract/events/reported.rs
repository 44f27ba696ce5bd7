//! Reported clauses: a verb of saying opens a clause with a subject of its own ("He said the
//! company had talks with X"), so the speaker is not the subject of the clause's verbs.

use super::Events;
use crate::lexicon::{Cue, Tense, VerbClass};
use crate::text::TokenShape;

impl Events<'_, '_> {
    /// True when the verb of saying at `j` opens the clause of the trigger at `k`: a clause
    /// with a subject of its own after a few words ("said the company had talks with X"), or a
    /// name the lists do not know right before the trigger ("Petrov said Hale came to Paris").
    pub(super) fn reports_clause_of(&self, j: usize, k: usize) -> bool {
        let doc = self.doc;
        let said = doc.info(j).verb.is_some_and(|v| {
            v.class == VerbClass::Say && matches!(v.tense, Tense::Past | Tense::Present)
        });
        if !said {
            return false;
        }
        let opens = j + 3 < k
            && !doc.cue(j, Cue::Negation)
            && self.opens_reported_clause(j + 1)
            && self.acts_in_its_clause(j + 1, k);
        opens || self.unknown_name_reported(j, k)
    }

    /// True when the trigger at `k` is acted by the clause that starts at `from`: it is a
    /// finite verb ("the ministry met X"), or a light verb comes before it ("the company had
    /// talks", "is holding talks"). A noun alone ("the case was resolved at a meeting with X")
    /// leaves its party to be the speaker.
    fn acts_in_its_clause(&self, from: usize, k: usize) -> bool {
        let doc = self.doc;
        let finite = |x: usize| {
            let info = doc.info(x);
            info.noun.is_none()
                && info
                    .verb
                    .is_some_and(|v| matches!(v.tense, Tense::Past | Tense::Present | Tense::Base))
        };
        finite(k)
            || (from..k).any(|x| {
                doc.info(x)
                    .verb
                    .is_some_and(|v| v.class == VerbClass::Light)
            })
    }

    /// True when the clause after the verb of saying at `j` ("said", "told reporters") opens
    /// with a capitalised word no reference covers, standing right before the trigger `k`.
    fn unknown_name_reported(&self, j: usize, k: usize) -> bool {
        let doc = self.doc;
        // "told reporters Hale came": the audience stands between.
        let audience = doc.shape(j + 1) == TokenShape::Lower && doc.info(j + 1).verb.is_none();
        let c = if audience { j + 2 } else { j + 1 };
        c + 1 == k && doc.shape(c) == TokenShape::Capitalized && self.ref_covering(c).is_none()
    }

    /// True when the words at `j`, after a verb of saying, open a clause with a subject of its
    /// own ("said the company ...", "said that the ministry ..."), not a phrase of when or how it
    /// was said ("said on Friday after talks with X"). A pronoun there ("said it ended talks")
    /// is most often the speaker, so it does not count. The caller also wants a few words
    /// between: "said the meeting with X" has the trigger itself as that subject.
    fn opens_reported_clause(&self, j: usize) -> bool {
        let doc = self.doc;
        // "said negotiators had achieved ...": a bare plural before its verb.
        let bare_plural = doc.shape(j) == TokenShape::Lower
            && doc.s(j).len() > 3
            && doc.s(j).ends_with('s')
            && doc.info(j).verb.is_none()
            && doc.is_any(j + 1, super::clause::AUXILIARIES);
        doc.cue(j, Cue::Determiner) || doc.is(j, "that") || bare_plural
    }
}
