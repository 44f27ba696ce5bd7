//! A trigger's objects: the names listed right after it ("met Putin and Lavrov", "talks with
//! NASA Administrator Charlie Bolden"), with what passes a name over (a title it qualifies, a
//! noun it qualifies, a participle of owning) and what ends the list.

use super::clause::TELL;
use super::{Events, Sent};
use crate::extract::entities::{Ref, RefKind};
use crate::lexicon::Cue;
use crate::model::EntityKind;
use crate::text::TokenShape;

/// What one name does to a list of objects.
enum Step {
    /// Listed; the list goes on at this token.
    Listed(usize),
    /// Passed over for what follows from this token.
    Skip(usize),
    /// The list ends before it.
    End,
    /// Neither listed nor passed over.
    Unlisted,
}

impl Events<'_, '_> {
    /// The references listed right after `k`: "Putin and Lavrov", "NASA Administrator Charlie
    /// Bolden", "his Russian counterpart Sergey Lavrov". `accept` filters what may be listed.
    pub(super) fn objects(
        &self,
        sent: Sent,
        k: usize,
        accept: impl Fn(&Ref) -> bool,
    ) -> (Vec<&Ref>, usize) {
        let doc = self.doc;
        let mut list: Vec<&Ref> = Vec::new();
        let mut j = k;
        // "talks with with Kohl": a small word typed twice is read once.
        if j > 0
            && j < sent.end
            && doc.shape(j) == TokenShape::Lower
            && doc.s(j).eq_ignore_ascii_case(doc.s(j - 1))
        {
            j += 1;
        }
        let told = k > 0 && doc.is_any(k - 1, TELL);
        let mut expecting = true;
        while j < sent.end {
            if expecting {
                let skippable = doc.cue(j, Cue::Determiner)
                    || doc.cue(j, Cue::Qualifier)
                    || self.title_word(j)
                    // "Work and Pensions Secretary X".
                    || doc.is(j, "and") && j > k && self.in_title[j - 1] && self.in_title.get(j + 1).copied().unwrap_or(false)
                    || doc.tok(j).shape == TokenShape::Clitic;
                if skippable && self.ref_starting(j).is_none() {
                    j += 1;
                    continue;
                }
                // "his", "her" are determiners before a noun, whoever they point at; "talks
                // with her yesterday" has "her" for a person.
                if doc.is_any(j, &["his", "her", "its", "their"])
                    && !(doc.is(j, "her") && self.stands_alone(j + 1))
                {
                    j += 1;
                    continue;
                }
                // "Democratic Sens. Patrick Moynihan", "Labour MP Diane Abbott": a capitalised
                // word that no name covers, before a title, qualifies the title.
                if doc.shape(j) == TokenShape::Capitalized
                    && self.ref_covering(j).is_none()
                    && self.title_word(j + 1)
                {
                    j += 1;
                    continue;
                }
                if let Some(r) = self.ref_starting(j) {
                    match self.object_step(sent, r, &accept, told) {
                        Step::Listed(next) => {
                            if !list.iter().any(|l| l.entity == r.entity) {
                                list.push(r);
                            }
                            j = next;
                            expecting = false;
                            continue;
                        }
                        Step::Skip(next) => {
                            j = next;
                            continue;
                        }
                        Step::End => break,
                        Step::Unlisted => {}
                    }
                } else if let Some(next) = self.unnamed_item(sent, j) {
                    // "met union leaders and Tony Woodley": a group no name stands for, then
                    // the names.
                    j = next;
                    continue;
                }
                break;
            }
            match self.after_item(sent, j, list.last().copied()) {
                Some((next, expect)) => {
                    j = next;
                    expecting = expect;
                }
                None => break,
            }
        }
        (list, j)
    }

    /// One name met where an object is expected in [`Events::objects`]: listed, passed over
    /// for what follows, the end of the list, or neither (`Step::Unlisted`).
    fn object_step(
        &self,
        sent: Sent,
        r: &'_ Ref,
        accept: &impl Fn(&Ref) -> bool,
        told: bool,
    ) -> Step {
        let doc = self.doc;
        // "Noi Bai international airport", "Sunderland station": a place and the
        // lower-case words that say what is there.
        let site = self.site_words(r);
        if site > 0 && accept(r) {
            return Step::Listed(r.to + site);
        }
        // "NASA Administrator Charlie Bolden": a name that qualifies a title or
        // another name is passed over for the name it qualifies.
        let qualifier = r.to < sent.end
            && (self.title_word(r.to)
                || self.ref_starting(r.to).is_some()
                || doc.tok(r.to).shape == TokenShape::Clitic)
            && (r.to..(r.to + 6).min(sent.end)).any(|x| self.ref_starting(x).is_some_and(&accept));
        // "talks with the U.S. Treasury Secretary": the body of a title whose
        // holder goes unnamed is not who was met.
        if qualifier || self.title_word(r.to) && self.kind(r) != EntityKind::Person {
            return Step::Skip(r.to);
        }
        // "welcomed Roh's announcement", "met Putin's envoy": the name owns what
        // is met, and is not met itself.
        if r.to < sent.end && doc.tok(r.to).shape == TokenShape::Clitic {
            return Step::End;
        }
        // "the Chinese Government owned First Autoworks": the name qualifies the
        // one after the participle.
        if self.word_after_name(sent, r, Cue::Owning) {
            return Step::Skip(r.to + 1);
        }
        // "failed to meet the NASDAQ capital requirements", "welcomes Greenspan
        // appointment": what is met is the noun the name qualifies.
        // (After "told", the noun opens what was told: "told Reuters proposals
        // to cut the quota were unacceptable".)
        if self.word_after_name(sent, r, Cue::QualifiedNoun) && !told {
            return Step::End;
        }
        if accept(r) {
            return Step::Listed(r.to);
        }
        // A nationality or a country before the name it qualifies: skip it.
        if r.kind == RefKind::Demonym
            || self.ref_starting(r.to).is_some()
            || self.title_word(r.to)
            || doc
                .tokens
                .get(r.to)
                .is_some_and(|t| t.shape == TokenShape::Clitic)
        {
            return Step::Skip(r.to);
        }
        Step::Unlisted
    }

    /// True when the word right after the name `r` is a common word of the class `cue`: in
    /// lower case, or anyhow in a line of capitals ("WELCOMES GREENSPAN APPOINTMENT").
    fn word_after_name(&self, sent: Sent, r: &Ref, cue: Cue) -> bool {
        let doc = self.doc;
        r.to < sent.end
            && doc.cue(r.to, cue)
            && (doc.shape(r.to) == TokenShape::Lower || doc.is_shouting(r.to))
    }

    /// After an item of a list that ends at `j` (`last` the item listed last): where the next
    /// item starts and whether one is expected there, or `None` where the list ends.
    fn after_item(&self, sent: Sent, j: usize, last: Option<&Ref>) -> Option<(usize, bool)> {
        let doc = self.doc;
        // "Patrick Moynihan of New York, Christopher Dodd of Connecticut": where a person in
        // the list is from says who, not another item.
        if doc.is_any(j, &["of", "from"])
            && last.is_some_and(|l| l.to == j && self.kind(l) == EntityKind::Person)
            && let Some(from) = self.ref_starting(j + 1).filter(|r| self.place(r))
        {
            return Some((from.to, false));
        }
        // Between items: ",", "and", ", and", "as well as"; but ", the State Department
        // said" is a comment clause, not another item.
        if doc.punct(j, &[","]) && self.comment_clause(sent, j + 1) {
            return None;
        }
        if doc.punct(j, &[","])
            && (self.ref_starting(j + 1).is_some()
                || doc.is(j + 1, "and")
                || doc.cue(j + 1, Cue::Determiner)
                || self.title_word(j + 1))
        {
            return Some((j + 1, true));
        }
        if doc.is_any(j, &["and", "&"]) {
            return Some((j + 1, true));
        }
        if doc.is(j, "as") && doc.is(j + 1, "well") && doc.is(j + 2, "as") {
            return Some((j + 3, true));
        }
        None
    }
}
