//! Reading a candidate name: its words, the type its own hints suggest, short forms of official
//! names, initials, particles.

use crate::extract::doc::Doc;
use crate::extract::mentions::{Cand, hint};
use crate::lexicon::flag;
use std::collections::BTreeSet;

use rustc_hash::FxHashMap;

use crate::model::{EntityId, EntityKind, PlaceKind};
use crate::names::normalize;
use crate::text::TokenShape;

/// The text of a candidate's name, with a kept honorific ("Lord Goldsmith").
pub(super) fn name_text(doc: &Doc, c: &Cand) -> String {
    let from = match c.honorific {
        Some(h) if c.keep_honorific => h,
        _ => c.from,
    };
    let raw = doc.range_text(from, c.to);
    // Names never span lines; white space inside is folded to single spaces, and a stop after
    // an honorific ("Mr.") is kept as written.
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    // John "Bud" Frazier is John Frazier.
    match nickname(doc, c) {
        Some(k) => name.replacen(&format!(" {} ", doc.range_text(k - 1, k + 2)), " ", 1),
        None => name,
    }
}

/// The quoted nickname inside a name (John "Bud" Frazier), if there is one.
fn nickname(doc: &Doc, c: &Cand) -> Option<usize> {
    (c.from + 1..c.to.saturating_sub(2))
        .find(|&k| doc.quote_mark(k) && doc.quote_mark(k + 2))
        .map(|k| k + 1)
}

/// Words of a person's name without a kept honorific or a nickname.
pub(super) fn bare_words(doc: &Doc, c: &Cand) -> Vec<String> {
    let nick = nickname(doc, c);
    (c.from..c.to)
        .filter(|&k| doc.tok(k).shape != TokenShape::Punct && Some(k) != nick)
        .map(|k| doc.s(k).to_string())
        .collect()
}

/// The type an untyped name's own hints suggest, or none: leave the name out.
pub(super) fn guess_kind(doc: &Doc, c: &Cand) -> Option<(EntityKind, Option<PlaceKind>)> {
    let words = bare_words(doc, c);
    let text = words.join(" ");
    // "David Page, of Investec Securities,": where someone is from, after a comma.
    let affiliation =
        c.from >= 2 && doc.is_any(c.from - 1, &["of", "from"]) && doc.punct(c.from - 2, &[","]);
    // A lone capitalised common word ("the Tsunami") with no link is not a name.
    let lone_common = words.len() == 1 && common(doc, &text);
    // People's names do not open with an acronym or a number ("HMS Chatham").
    let person_like = !matches!(doc.shape(c.from), TokenShape::Upper | TokenShape::Number);
    // A legal form or an organisation's last word alone ("Inc" after "Makita U.S.A.,",
    // "Bancorp"), or a common word alone ("City" after "First", "the Bank said it
    // estimated"), is a piece of a name, whatever its marks.
    // "the U.S. Frigate Stark left Bahrain": a ship is no one.
    let vessel = words.len() >= 2 && VESSELS.iter().any(|v| words[0].eq_ignore_ascii_case(v));
    if lone_common || vessel || words.len() == 1 && doc.info(c.from).has(flag::ORG_HEAD) {
        return None;
    }
    if affiliation || c.hints & hint::COMPANY != 0 {
        Some((EntityKind::Organization, None))
    } else if c.hints & hint::SPEECH_AFTER != 0 {
        Some((EntityKind::Person, None))
    } else if c.hints & hint::PLACE_PREP != 0 {
        Some((EntityKind::Place, None))
    } else if words.len() >= 2
        && person_like
        // In a line of capitals ("W L PCT GB") a run of words is no name without a given one.
        && (!doc.is_shouting(c.from) || doc.info(c.from).has(flag::GIVEN))
        && (words.iter().all(|w| !common(doc, w)) || c.hints & hint::PARTICLE != 0)
    {
        // Two or more uncommon capitalised words, or a particle name: most often a person.
        Some((EntityKind::Person, None))
    } else {
        None
    }
}

/// "the Arab Republic" in a text that names Syria, "the Islamic Republic" in one that names
/// Iran: the one country named here whose official name ends with these two or more words
/// ("Syrian Arab Republic") or starts with them before "of" ("Islamic Republic of Iran").
pub(super) fn official_name_end(doc: &Doc, c: &Cand, name: &str, countries: &[u32]) -> Option<u32> {
    if c.to - c.from < 2 || c.from == 0 || !doc.is(c.from - 1, "the") {
        return None;
    }
    let folded = normalize(name);
    let tail = format!(" {folded}");
    let head = format!("{folded} of ");
    let mut found = countries.iter().copied().filter(|&id| {
        doc.lex
            .known(id)
            .aliases
            .iter()
            .any(|alias| alias.ends_with(&tail) || alias.starts_with(&head))
    });
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// The capitals of a name's words: "Organization for Security and Co-operation in Europe" ->
/// "OSCE". Names of one word have none.
pub(super) fn initials(name: &str) -> String {
    let words: Vec<&str> = name
        .split([' ', '-'])
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    if words.len() < 2 {
        return String::new();
    }
    words.iter().filter_map(|w| w.chars().next()).collect()
}

/// True when the candidate is a particle written with a capital and one more word ("Tomorrow,
/// De Zeeuw is to meet"): a surname with its particle, if someone here has it ("Aart de
/// Zeeuw"); otherwise "Al Gore" stays a name of its own.
pub(super) fn capital_particle(doc: &Doc, c: &Cand, words: &[String]) -> bool {
    words.len() == 2 && doc.info(c.from).has(flag::PARTICLE) && doc.capitalized(c.from)
}

/// True when token `k` is a lower-case name particle ("de", "al", "van").
pub(super) fn is_particle(doc: &Doc, k: usize) -> bool {
    // Lower case ("de Mistura"), or capitalised where the sentence starts ("De Mistura said").
    doc.info(k).has(flag::PARTICLE) && (doc.shape(k) == TokenShape::Lower || doc.starts_sentence(k))
}

/// Adds `e` to `list` unless it is there.
pub(super) fn push_unique(list: &mut Vec<EntityId>, e: EntityId) {
    if !list.contains(&e) {
        list.push(e);
    }
}

/// True for a common English word, or the plural of one ("Traders").
pub(super) fn common(doc: &Doc, word: &str) -> bool {
    let mut buf = String::new();
    let is_common = |w: &str, buf: &mut String| {
        doc.lex
            .word_id(w, buf)
            .is_some_and(|w| doc.lex.info(w).has(flag::COMMON))
    };
    is_common(word, &mut buf)
        || word.len() > 3 && word.ends_with('s') && is_common(&word[..word.len() - 1], &mut buf)
}

/// True when a name's words say it is no one's, though each is a name word: a plural common noun
/// last, after a first word that is no given name ("U.S. Officials", "Gulf Bankers"); or a
/// hyphenated word with a known place or a demonym in it ("Amoco Canada-Dome" is a deal,
/// "non-Iraqi Arab" a description).
pub(super) fn not_a_persons_end(doc: &Doc, words: &[&str]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let plural = last.len() > 3
        && last.ends_with('s')
        && !last.ends_with("ss")
        && common(doc, &last[..last.len() - 1]);
    let given = doc.lex.word_info(&normalize(first)).has(flag::GIVEN);
    if words.len() > 1 && plural && !given {
        return true;
    }
    // "Christian Democrat", "the Wisconsin Democrat": a member of a party, no one's name.
    if PARTY_MEMBERS.iter().any(|m| last.eq_ignore_ascii_case(m)) {
        return true;
    }
    // "the Non-Aligned states", "Anti-Apartheid": a word with a prefix is no name.
    if words.len() == 1
        && ["Non-", "Anti-", "Pro-", "Post-", "Pre-", "Multi-"]
            .iter()
            .any(|p| first.starts_with(p))
    {
        return true;
    }
    words.iter().any(|w| {
        w.contains('-')
            && w.split('-').any(|part| {
                part.chars().next().is_some_and(char::is_uppercase) && part.len() > 1 && {
                    let info = doc.lex.word_info(&normalize(part));
                    info.demonym.is_some()
                        || info
                            .entity
                            .is_some_and(|id| doc.lex.known(id).kind == EntityKind::Place)
                }
            })
    })
}

/// Which candidates name which entity, to tell of several people a short name could be the one
/// named last before a point, in logarithmic time however long the document.
pub(super) struct Nearest {
    /// Per candidate: the furthest start of it and the candidates before it, so that "the
    /// candidates before the first one that starts at or after `at`" is a binary search.
    reach: Vec<usize>,
    /// Entity -> the candidates that name it.
    named: FxHashMap<EntityId, BTreeSet<usize>>,
}

impl Nearest {
    /// The candidates resolved so far.
    pub(super) fn new(cands: &[Cand], entity_of: &[Option<EntityId>]) -> Nearest {
        let mut furthest = 0;
        let reach = cands
            .iter()
            .map(|c| {
                furthest = furthest.max(c.from);
                furthest
            })
            .collect();
        let mut nearest = Nearest {
            reach,
            named: FxHashMap::default(),
        };
        for (i, e) in entity_of.iter().enumerate() {
            if let Some(e) = *e {
                nearest.record(i, e);
            }
        }
        nearest
    }

    /// Candidate `i` names `e`.
    pub(super) fn record(&mut self, i: usize, e: EntityId) {
        self.named.entry(e).or_default().insert(i);
    }

    /// Of the people in `pool`, the one named last among the candidates before the first that
    /// starts at or after token `at` (else the first of the pool).
    pub(super) fn before(&self, pool: &[EntityId], at: usize) -> EntityId {
        let cut = self.reach.partition_point(|&from| from < at);
        pool.iter()
            .filter_map(|e| {
                let last = self.named.get(e)?.range(..cut).next_back()?;
                Some((*last, *e))
            })
            .max()
            .map_or(pool[0], |(_, e)| e)
    }
}

/// Words for a member of a party, which end no one's name.
const PARTY_MEMBERS: &[&str] = &[
    "Democrat",
    "Democrats",
    "Republican",
    "Republicans",
    "Socialist",
    "Communist",
    "Tory",
];

/// Words for a ship that open its name ("Frigate Stark", "Tanker Atlantic Star"): what is
/// named so is no person, company or place.
const VESSELS: &[&str] = &[
    "Frigate",
    "Destroyer",
    "Cruiser",
    "Corvette",
    "Submarine",
    "Battleship",
    "Warship",
    "Tanker",
    "Supertanker",
    "Freighter",
    "Ship",
    "Vessel",
    "Ferry",
    "Trawler",
    "Tug",
    "Minesweeper",
    "Gunboat",
    "Liner",
    "Yacht",
];
