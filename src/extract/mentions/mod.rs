//! Finding names in sentences and saying what they name.
//!
//! A sentence is scanned left to right. At each token the scanner tries, in order:
//! 1. a *titled name*: optional modifiers (a country, a demonym, an organisation), a title
//!    ("Secretary of State", "foreign Minister", "envoy"), an optional honorific, then a name:
//!    "U.S. Secretary of State John Kerry", "NASA Administrator Charlie Bolden". Without a name
//!    after it, the title is kept as a *role phrase* ("the Italian Foreign Minister") that later
//!    stages can link to a person who holds that role;
//! 2. an honorific and a name: "Mr Kerry", "Baroness Morgan";
//! 3. a known name from the lexicon (countries, places, organisations, demonyms), extended when a
//!    longer capitalised name contains it ("Moscow State University");
//! 4. a run of capitalised words, typed by its cues: a head word ("Foreign Ministry", "Spaso
//!    House"), a given name ("John Kirby"), a group noun after it ("Jaish al-Islam ... groups"),
//!    a place word before it ("the city of Palmyra"). A run with no cue stays untyped here and is
//!    decided with the whole document in view (see `entities`).

mod names;
mod titles;

use names::{lower_name, lower_tail, syllable_pair};
pub(crate) use titles::plural_office;

use crate::extract::doc::Doc;
use crate::lexicon::{PhraseTarget, flag};
use crate::model::{EntityKind, PlaceKind};
use crate::text::{CARRIED_AFTER_AN_INITIALISM, TokenShape};

/// What a mention names, as far as this sentence can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CandKind {
    /// A lexicon entity.
    Known(u32),
    /// A demonym of a lexicon entity ("Russian").
    Demonym(u32),
    /// A typed name not in the lexicon.
    Typed(EntityKind, Option<PlaceKind>),
    /// A capitalised name with no cue to its type.
    Unknown,
}

/// Weak hints for names without a cue, used when the document decides.
pub(crate) mod hint {
    pub const PLACE_PREP: u8 = 1;
    pub const SPEECH_AFTER: u8 = 2;
    pub const POSSESSIVE: u8 = 4;
    pub const PARTICLE: u8 = 8;
    /// A company's marks: a ticker after the name ("GenCorp <GY>"), the name inside angle
    /// brackets ("<Westcoast Transmission Co Ltd>"), or "X said its".
    pub const COMPANY: u8 = 16;
}

/// A name found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Cand {
    /// First token of the name.
    pub from: usize,
    /// One past its last token.
    pub to: usize,
    /// What it names.
    pub kind: CandKind,
    /// An honorific before it (Mr, Sir, Lord), as a token index.
    pub honorific: Option<usize>,
    /// True when the honorific is part of the name ("Lord Goldsmith", "Baroness Morgan").
    pub keep_honorific: bool,
    /// A role stated with the name.
    pub role: Option<RoleRef>,
    /// MALE / FEMALE bits from the honorific, the given name or the title.
    pub gender: u32,
    /// [`hint`] bits.
    pub hints: u8,
}

/// What a role belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Of {
    /// A lexicon entity.
    Known(u32),
    /// A name found in this document (index into the candidates).
    Cand(usize),
}

/// A title with what it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RoleRef {
    /// First token of the title.
    pub from: usize,
    /// One past its last token (including any "of X" tail).
    pub to: usize,
    /// The title as it should read: "Secretary of State", "Foreign Minister".
    pub title: String,
    /// The country or organisation it belongs to.
    pub of: Option<Of>,
    /// True for offices, false for occupations ("astronaut").
    pub office: bool,
    /// For "his Iranian counterpart X": the token of the possessor ("his", or the name before
    /// "'s"), whose office X holds for the country named.
    pub counterpart_of: Option<usize>,
}

/// Everything found in a document's sentences.
#[derive(Default, Debug)]
pub(crate) struct Found {
    pub cands: Vec<Cand>,
    /// Role phrases with no name after them: "the Italian Foreign Minister", "the secretary".
    pub role_phrases: Vec<RoleRef>,
}

/// Finds the names in every sentence of a document.
pub(crate) fn find(doc: &Doc) -> Found {
    let mut found = Found::default();
    for s in 0..doc.sentences.len() {
        let range = doc.sentences[s].tokens.clone();
        Scanner {
            doc,
            end: range.end,
            found: &mut found,
        }
        .scan(range.start);
    }
    found
}

struct Scanner<'d, 'a> {
    doc: &'d Doc<'a>,
    end: usize,
    found: &'d mut Found,
}

/// A known name matched at a position: the entity, where it ends, and whether it is a demonym.
#[derive(Clone, Copy, Debug)]
struct KnownMatch {
    id: u32,
    end: usize,
    demonym: bool,
}

const CONNECTORS: &[&str] = &["of", "for", "and", "the", "on", "de", "du", "des", "&"];
/// Words that open sentences and never open names: determiners, pronouns, conjunctions.
const OPENING_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "these",
    "those",
    "some",
    "any",
    "every",
    "each",
    "all",
    "both",
    "many",
    "most",
    "several",
    "such",
    "no",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "however",
    "meanwhile",
    "moreover",
    "also",
    "so",
    "yet",
    "nor",
    "once",
    "even",
    "only",
    "just",
    "still",
    "according",
    "despite",
    "although",
    "though",
    "unlike",
    "like",
    "among",
    "amid",
    "about",
    "under",
    "over",
    // Words of time and order: "Recent ICO talks", "Earlier USAir said".
    "recent",
    "earlier",
    "later",
    "previous",
    "previously",
    "current",
    "currently",
    "next",
    "other",
    "another",
    "separately",
    "instead",
    "yesterday",
    "today",
    "tomorrow",
];

impl Scanner<'_, '_> {
    fn scan(&mut self, start: usize) {
        let mut i = start;
        while i < self.end {
            if let Some(next) = self.titled(i) {
                i = next;
                continue;
            }
            if let Some(next) = self.name_or_known(i) {
                i = next;
                continue;
            }
            i += 1;
        }
    }

    fn info(&self, i: usize) -> &crate::lexicon::WordInfo {
        self.doc.info(i)
    }

    fn shouting(&self, i: usize) -> bool {
        self.doc.is_shouting(i)
    }

    /// True when token `i` is written as a name could be: capitalised, or a particle name
    /// such as "al-Assad".
    fn capital(&self, i: usize) -> bool {
        if i >= self.end {
            return false;
        }
        let t = self.doc.tok(i);
        match t.shape {
            // "UN-led", "Kremlin-backed": a word about a name, not a name. In a title-case
            // headline a capital says nothing of a common word.
            TokenShape::Capitalized => {
                // But "Chun Doo-hwan", "Kim Il-sung": a given name of two syllables after a
                // family name.
                // And "Yoot Eamsa-ard", "Rha Woong-bae": after a name, a tail that is no English
                // word is the name's own.
                let s = self.doc.s(i);
                let word_tail = || {
                    s.rsplit_once('-').is_some_and(|(_, tail)| {
                        tail.ends_with("ed")
                            || tail.ends_with("ing")
                            || self.doc.lex.word_info(tail).has(flag::COMMON)
                    })
                };
                let given = || {
                    i > 0
                        && self.doc.tok(i - 1).shape == TokenShape::Capitalized
                        && self.doc.tok(i - 1).span.end < t.span.start
                        && (syllable_pair(s) || !word_tail())
                };
                (!lower_tail(s) || given()) && (self.shouted_name(i) || !self.shouting(i))
            }
            TokenShape::Initialism => true,
            TokenShape::Upper => {
                (!self.shouting(i) || self.shouted_name(i)) && self.doc.s(i) != "I"
            }
            TokenShape::Lower => lower_name(self.doc.s(i)),
            _ => false,
        }
    }

    /// In a shouting line, where every word has a capital: true when token `i` may still be
    /// part of a name. A common word is not; nor is a word the lexicon does not know as a name
    /// that the body never capitalises.
    fn shouted_name(&self, i: usize) -> bool {
        let info = self.info(i);
        !info.has(flag::COMMON)
            && (info.entity.is_some()
                || info.any(flag::GIVEN | flag::HONORIFIC | flag::OFFICE | flag::HEAD)
                || self.doc.shouted_name_confirmed(i))
    }

    /// True when token `i` may start a name.
    fn name_word(&self, i: usize) -> bool {
        if !self.capital(i) {
            return false;
        }
        let info = self.info(i);
        // "Tom Hale QC": letters after a name are no name.
        if info.has(flag::POSTNOMINAL)
            && self.doc.shape(i) == TokenShape::Upper
            && i > 0
            && self.capital(i - 1)
        {
            return false;
        }
        // "the U.S. And Japan": a word the wire capitalised after an initialism.
        // (Not after one letter: "James F. Will" is a name.)
        if i > 0
            && self.doc.shape(i - 1) == TokenShape::Initialism
            && self.doc.s(i - 1).len() >= 4
            && !self.doc.capital_by_position(i)
            && CARRIED_AFTER_AN_INITIALISM
                .iter()
                .any(|w| self.doc.s(i).eq_ignore_ascii_case(w))
        {
            return false;
        }
        // "in mid-May", "late-March": a time, no name.
        let part_of_a_month = self.doc.s(i).split_once('-').is_some_and(|(head, month)| {
            matches!(head, "mid" | "early" | "late")
                && self.doc.lex.word_info(month).has(flag::MONTH)
        });
        !part_of_a_month
            && (!info.any(flag::MONTH | flag::WEEKDAY)
                || info.has(flag::GIVEN) && !info.has(flag::MONTH))
    }

    /// True when token `i` may continue a name: a month word may ("Theresa May") unless a day
    /// number follows ("May 5").
    fn name_word_inside(&self, i: usize) -> bool {
        self.name_word(i)
            || self.capital(i)
                && self.info(i).has(flag::MONTH)
                && !(i + 1 < self.end && self.doc.shape(i + 1) == TokenShape::Number)
    }

    /// The longest known name at `i`, when token `i` is capitalised.
    fn known_at(&self, i: usize) -> Option<KnownMatch> {
        if i >= self.end {
            return None;
        }
        let doc = self.doc;
        if let Some(id) = doc.lex.exact(doc.s(i), doc.shape(i)) {
            return Some(KnownMatch {
                id,
                end: i + 1,
                demonym: false,
            });
        }
        // In capitals a common word may still open a known name of several words ("NEW YORK",
        // "SOUTH AFRICA"); alone it must be written as a name.
        let capitals = matches!(doc.shape(i), TokenShape::Upper | TokenShape::Capitalized);
        if !(self.capital(i) || capitals && self.shouting(i))
            || doc.shape(i) == TokenShape::Lower && !lower_name(doc.s(i))
        {
            return None;
        }
        let info = self.info(i);
        if info.has(flag::PHRASE_START)
            && let Some(first) = doc.word(i)
        {
            for phrase in doc.lex.phrases_from(first) {
                let n = phrase.words.len();
                if i + n > self.end {
                    continue;
                }
                let matches = phrase
                    .words
                    .iter()
                    .enumerate()
                    .all(|(k, &w)| doc.word(i + k) == Some(w));
                if !matches {
                    continue;
                }
                if n == 1 && !self.capital(i) {
                    continue;
                }
                match phrase.target {
                    PhraseTarget::Entity(id) => {
                        return Some(KnownMatch {
                            id,
                            end: i + n,
                            demonym: false,
                        });
                    }
                    PhraseTarget::Demonym(id) => {
                        return Some(KnownMatch {
                            id,
                            end: i + n,
                            demonym: true,
                        });
                    }
                    PhraseTarget::Title(_) => {}
                }
            }
        }
        if !self.capital(i) {
            return None;
        }
        // A sentence-initial common word is not read as a name ("Turkey" stays a country, but
        // "Reading the report" is not the town).
        let weak_start = doc.capital_by_position(i)
            && info.has(flag::COMMON)
            && doc.shape(i) != TokenShape::Upper;
        if let Some(id) = info.entity
            && (!weak_start || doc.lex.known(id).place_kind == Some(PlaceKind::Country))
        {
            return Some(KnownMatch {
                id,
                end: i + 1,
                demonym: false,
            });
        }
        if let Some(id) = info.demonym
            && !weak_start
        {
            return Some(KnownMatch {
                id,
                end: i + 1,
                demonym: true,
            });
        }
        None
    }

    fn push(&mut self, from: usize, to: usize, kind: CandKind, role: Option<RoleRef>) -> usize {
        self.found.cands.push(Cand {
            from,
            to,
            kind,
            honorific: None,
            keep_honorific: false,
            role,
            gender: 0,
            hints: 0,
        });
        self.found.cands.len() - 1
    }
}
