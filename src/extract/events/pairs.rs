//! Pairs: "the pair", "the two leaders", "both men" stand for two people named before them.

use super::{Events, Sent};
use crate::extract::entities::{Ref, RefKind};
use crate::lexicon::Cue;
use crate::model::{EntityKind, RelationKind};

impl Events<'_, '_> {
    /// "pair" in "the pair", "two"/"both" before a plural noun for people.
    pub(super) fn is_pair_word(&self, j: usize) -> bool {
        let doc = self.doc;
        doc.is(j, "pair") && j > 0 && doc.is_any(j - 1, &["the", "this"])
            || doc.cue(j, Cue::PairNoun) && j > 0 && doc.is_any(j - 1, &["two", "both"])
    }

    /// The last two different people named before token `j`, within three sentences. "The two
    /// presidents" takes people who are presidents, when the document says so.
    pub(super) fn last_two_people(&self, sent: Sent, j: usize) -> Vec<&Ref> {
        let doc = self.doc;
        let earliest = doc.sentences[sent.index.saturating_sub(3)].tokens.start;
        let noun = doc.s(j).to_lowercase();
        let singular = noun.strip_suffix('s').unwrap_or(&noun).to_string();
        // "The two leaders": people who lead a country, however the document titles them.
        let leaders = singular == "leader";
        let has_role = |r: &Ref| {
            self.entities[r.entity].roles.iter().any(|role| {
                let title = role.title.to_lowercase();
                title.ends_with(&singular) || leaders && LEADERS.iter().any(|l| title.ends_with(l))
            })
        };
        // The references from `earliest` to `j` (references are in text order); for leaders,
        // from the start of the document, since a story names its leaders once, early.
        let lo = if leaders {
            0
        } else {
            self.refs.partition_point(|r| r.from < earliest)
        };
        let hi = self.refs.partition_point(|r| r.from < j).max(lo);
        let by_role = !matches!(noun.as_str(), "pair" | "men" | "women" | "sides" | "rivals")
            && self.refs[lo..hi]
                .iter()
                .filter(|r| has_role(r))
                .map(|r| r.entity)
                .collect::<std::collections::BTreeSet<_>>()
                .len()
                >= 2;
        let lo = if by_role {
            lo
        } else {
            self.refs.partition_point(|r| r.from < earliest).min(hi)
        };
        let window = &self.refs[lo..hi];
        // "X met Y, and Z said the two men discussed ...": the two who met last, when two
        // people did, not whoever was named last.
        if let Some(pair) = self.last_met_pair(window) {
            return pair;
        }
        let mut out: Vec<&Ref> = Vec::new();
        for r in window.iter().rev() {
            if r.kind == RefKind::Demonym || self.kind(r) != EntityKind::Person {
                continue;
            }
            if by_role && !has_role(r) {
                continue;
            }
            if !out.iter().any(|o| o.entity == r.entity) {
                out.push(r);
                if out.len() == 2 {
                    break;
                }
            }
        }
        out.reverse();
        out
    }

    /// The two people of the last meeting found among the references `window` (a meeting of
    /// the sentences `window` covers), as their last references there, in text order.
    fn last_met_pair<'r>(&self, window: &'r [Ref]) -> Option<Vec<&'r Ref>> {
        let since = window.first()?.from;
        let start = self.doc.tok(since).span.start;
        let met = self.emit.out.iter().rev().find(|r| {
            r.kind == RelationKind::Met
                && r.sentence.end > start
                && r.target.is_some_and(|t| {
                    [r.source, t]
                        .iter()
                        .all(|&e| self.entities[e].kind == EntityKind::Person)
                })
        })?;
        let last = |e: usize| window.iter().rev().find(|r| r.entity == e);
        let (a, b) = (last(met.source)?, last(met.target?)?);
        Some(if a.from <= b.from {
            vec![a, b]
        } else {
            vec![b, a]
        })
    }
}

/// Titles of those who lead a country: "the two leaders" are two of these.
const LEADERS: &[&str] = &[
    "president",
    "prime minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emir",
    "leader",
    "general secretary",
];
