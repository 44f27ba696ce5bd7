//! Sports teams named after their towns ("Leicestershire beat Somerset", "CHICAGO 65 66"),
//! and datelines, which name a town that is no team.

use crate::extract::doc::Doc;
use crate::extract::mentions::{Cand, CandKind};
use crate::lexicon::flag;
use crate::model::{EntityKind, PlaceKind};
use crate::names::normalize;
use crate::text::TokenShape;

/// True when a candidate names a town or region (not a country): what a sports team may be
/// named after.
pub(super) fn is_town(doc: &Doc, c: &Cand) -> bool {
    match c.kind {
        CandKind::Known(id) => {
            let known = doc.lex.known(id);
            known.kind == EntityKind::Place
                && matches!(known.place_kind, Some(PlaceKind::City | PlaceKind::Region))
        }
        CandKind::Typed(EntityKind::Place, kind) => {
            !matches!(kind, Some(PlaceKind::Country | PlaceKind::Facility))
        }
        _ => false,
    }
}

/// The names of towns that the document uses for sports teams, in a document with at least
/// five words of sport. Strong signs: a town named
/// before a score or a table row ("Atlanta 5 PITTSBURGH 1", "CHICAGO 65 66 .496"), or two towns
/// either side of a word of play ("Leicestershire beat Somerset", "CHICAGO AT TORONTO"). Weak
/// signs, counted only in a document with a strong one: a team word beside a town ("side Nice",
/// "Surrey captain").
pub(super) fn team_names(doc: &Doc, cands: &[Cand]) -> rustc_hash::FxHashSet<String> {
    let mut strong = rustc_hash::FxHashSet::default();
    // Only a document about sport has teams: a table of tonnes by region has none.
    let sport_words = (0..doc.tokens.len())
        .filter(|&k| doc.info(k).has(flag::SPORT))
        .count();
    if sport_words < 5 {
        return strong;
    }
    let mut weak = rustc_hash::FxHashSet::default();
    let towns: Vec<&Cand> = cands.iter().filter(|c| is_town(doc, c)).collect();
    // Scores and standings are small whole numbers ("5", "65", "429"); prices carry decimals
    // ("Chicago 1.47"), and dates and years are no scores ("NEW YORK 1996-08-30").
    let score = |k: usize| {
        doc.shape(k) == TokenShape::Number && {
            let s = doc.s(k);
            s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit())
        }
    };
    for c in &towns {
        let name = normalize(doc.range_text(c.from, c.to));
        let s = doc.sentence_of[c.from] as usize;
        let sentence = &doc.sentences[s];
        let numbers = sentence.tokens.clone().filter(|&k| score(k)).count();
        if score(c.to) && numbers >= 2 {
            strong.insert(name.clone());
        }
        let mut v = c.to;
        if doc.info(v).has(flag::TEAM_VERB) {
            v += 1;
            if doc.is(v, "to") || doc.is(v, "with") || doc.is(v, "the") {
                v += 1;
            }
            if let Some(other) = towns.iter().find(|o| o.from == v) {
                strong.insert(name.clone());
                strong.insert(normalize(doc.range_text(other.from, other.to)));
            }
        }
        let before = c.from > 0
            && (doc.info(c.from - 1).has(flag::TEAM_WORD) || doc.is(c.from - 1, "against"));
        let after = doc.info(c.to).has(flag::TEAM_WORD) && doc.shape(c.to) == TokenShape::Lower;
        if before || after {
            weak.insert(name);
        }
    }
    if strong.is_empty() {
        return strong;
    }
    strong.extend(weak);
    // "Essex, Derbyshire and Surrey": towns listed with a team are teams too.
    loop {
        let mut grew = false;
        for pair in towns.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let joined = b.from == a.to + 1 && (doc.punct(a.to, &[","]) || doc.is(a.to, "and"))
                || b.from == a.to + 2 && doc.punct(a.to, &[","]) && doc.is(a.to + 1, "and");
            if !joined {
                continue;
            }
            let (na, nb) = (
                normalize(doc.range_text(a.from, a.to)),
                normalize(doc.range_text(b.from, b.to)),
            );
            if strong.contains(&na) != strong.contains(&nb) {
                strong.insert(na);
                strong.insert(nb);
                grew = true;
            }
        }
        if !grew {
            return strong;
        }
    }
}

/// "NEW YORK 1996-08-30", "MOSCOW, July 14": a dateline names where the story was written.
pub(super) fn is_dateline(doc: &Doc, c: &Cand) -> bool {
    if !doc.starts_sentence(c.from) {
        return false;
    }
    let mut k = c.to;
    if doc.punct(k, &[","]) {
        k += 1;
    }
    let s = doc.s(k);
    doc.info(k).has(flag::MONTH)
        || doc.shape(k) == TokenShape::Number && s.len() == 10 && s.as_bytes()[4] == b'-'
}
