//! What no person's name can be: the phase of [`super::resolve`] that retypes or drops the
//! entities a document's scan took for people when their names say otherwise.

use rustc_hash::FxHashMap;

use super::Resolver;
use super::names::{common, not_a_persons_end};
use crate::lexicon::flag;
use crate::model::{EntityId, EntityKind};
use crate::names::{normalize, org_key};

impl Resolver<'_, '_> {
    /// What no person's name can be: a company's name (it ends in a legal form, "Salomon
    /// Brothers Inc") is an organisation's; a single letter, a name with a figure ("Palapa
    /// B2-P"), a lone legal form ("Ltd") or common words only ("Bankers", "Metal Traders") name
    /// no one and are left out.
    pub(super) fn no_impossible_people(&mut self) {
        let doc = self.doc;
        let n = self.b.entities.len();
        let mut redirect: Vec<Option<Option<EntityId>>> = vec![None; n];
        // A name with an honorific or a title ("Mr Major", "President Bush") names a person
        // however common its words.
        let mut vouched = vec![false; n];
        for (c, e) in self.found.cands.iter().zip(&self.entity_of) {
            if let Some(e) = *e
                && (c.honorific.is_some() || c.role.is_some())
            {
                vouched[e] = true;
            }
        }
        let orgs: FxHashMap<String, EntityId> = (0..n)
            .filter(|&e| self.b.entities[e].kind == EntityKind::Organization)
            .map(|e| (org_key(&self.b.entities[e].name), e))
            .collect();
        for (e, slot) in redirect.iter_mut().enumerate() {
            let entity = &self.b.entities[e];
            if entity.kind != EntityKind::Person {
                continue;
            }
            let words: Vec<&str> = entity.name.split_whitespace().collect();
            let suffix = |w: &str| {
                doc.lex
                    .word_info(w.trim_end_matches('.'))
                    .has(flag::ORG_SUFFIX)
            };
            let head = |w: &str| doc.lex.word_info(&normalize(w)).has(flag::ORG_HEAD);
            let letters = entity.name.chars().filter(|c| c.is_alphabetic()).count();
            // "Salomon Brothers Inc", "Morgan Guaranty Trust Co of New York".
            if words.len() > 1 && words[1..].iter().any(|w| suffix(&normalize(w))) {
                match orgs.get(&org_key(&entity.name)) {
                    Some(&org) => *slot = Some(Some(org)),
                    None => {
                        let entity = &mut self.b.entities[e];
                        entity.kind = EntityKind::Organization;
                        entity.roles.clear();
                    }
                }
            } else if letters <= 1
                || entity.name.chars().any(|c| c.is_ascii_digit())
                || (!vouched[e] && words.iter().all(|w| suffix(w) || common(doc, w)))
                || (!vouched[e] && not_a_persons_end(doc, &words))
            {
                *slot = Some(None);
            } else if !vouched[e] && words.len() == 1 && head(words[0]) {
                // "Association", "Bureau": what is left of a body's name.
                *slot = Some(None);
            } else if !vouched[e]
                && words.len() > 1
                && (words.last().is_some_and(|w| head(w))
                    || words.iter().any(|w| matches!(*w, "of" | "for"))
                        && words.iter().any(|w| {
                            doc.lex
                                .word_info(&normalize(w))
                                .any(flag::ORG_HEAD | flag::ORG_LEAD)
                        }))
            {
                // "Reagan Administration", "Chrysler Motors", "Central Bureau of Statistics":
                // an organisation's head word ends the name, or leads its "of".
                let entity = &mut self.b.entities[e];
                entity.kind = EntityKind::Organization;
                entity.roles.clear();
            }
        }
        if redirect.iter().all(Option::is_none) {
            return;
        }
        for slot in &mut self.entity_of {
            if let Some(e) = *slot
                && let Some(to) = redirect[e]
            {
                *slot = to;
            }
        }
    }
}

impl Resolver<'_, '_> {
    /// True when the name at `from..to` is two capitalised names joined by a hyphen, before a
    /// word of what two parties share ("meeting", "summit", "talks", "accord").
    pub(super) fn pair_modifier(&self, from: usize, to: usize) -> bool {
        let doc = self.doc;
        if to <= from || to >= doc.tokens.len() {
            return false;
        }
        let text = doc.range_text(from, to);
        let Some((a, b)) = text.split_once('-') else {
            return false;
        };
        let shared = doc.info(to).noun.is_some()
            || doc.is_any(
                to,
                &[
                    "summit",
                    "accord",
                    "agreement",
                    "pact",
                    "deal",
                    "talks",
                    "meeting",
                    "negotiations",
                    "plan",
                    "proposal",
                    "relationship",
                    "ties",
                    "dialogue",
                ],
            );
        a.chars().any(char::is_uppercase) && b.chars().any(char::is_uppercase) && shared
    }
}
