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

use crate::extract::doc::Doc;
use crate::lexicon::{PhraseTarget, flag};
use crate::model::{EntityKind, PlaceKind};
use crate::text::TokenShape;

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

/// A modifier before a title: its tokens and what it names ("Russian", "NASA", "Russia's").
type Modifier = (usize, usize, CandKind);

/// What follows a title: what it is of, where the title's own words end (past fields such as
/// "of Defence"), and where the whole phrase ends.
struct TitleTail {
    of: Option<Modifier>,
    title_end: usize,
    end: usize,
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
/// Prepositions after which an unknown name is most likely a place. "to" and "from" are left
/// out: "close to Ted", "a letter from Ted".
const PLACE_PREPS: &[&str] = &[
    "in", "at", "near", "across", "outside", "into", "around", "toward", "towards",
];
/// Words that may follow a name without making it a modifier of a noun.
const FUNCTION_WORDS: &[&str] = &[
    "and",
    "or",
    "but",
    "where",
    "which",
    "who",
    "whose",
    "to",
    "on",
    "for",
    "with",
    "as",
    "after",
    "before",
    "since",
    "during",
    "of",
    "by",
    "from",
    "at",
    "in",
    "is",
    "was",
    "were",
    "are",
    "has",
    "had",
    "have",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "did",
    "does",
    "do",
    "not",
    "last",
    "next",
    "this",
    "that",
    "than",
    "then",
    "when",
    "while",
    "until",
    "yesterday",
    "today",
    "earlier",
    "later",
    "recently",
    "also",
    "too",
    "itself",
    "if",
    "because",
    "said",
    "says",
];
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
];
const LOWER_PLACE_ADJ: &[&str] = &[
    "international",
    "government",
    "military",
    "regional",
    "main",
    "central",
    "national",
    "railway",
    "train",
    "bus",
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
                !(lower_tail(self.doc.s(i)) || self.shouting(i) && !self.shouted_name(i))
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
        !info.any(flag::MONTH | flag::WEEKDAY) || info.has(flag::GIVEN) && !info.has(flag::MONTH)
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
        let weak_start =
            doc.starts_sentence(i) && info.has(flag::COMMON) && doc.shape(i) != TokenShape::Upper;
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

    /// A title at `i`: prefixes and fields ending in an office or occupation word. Returns its
    /// end, whether it is an office, and its gender bits.
    fn title_at(&self, i: usize) -> Option<(usize, bool, u32)> {
        let doc = self.doc;
        let mut k = i;
        let mut head: Option<(usize, bool, u32)> = None;
        while k < self.end && doc.tok(k).is_word() {
            let info = self.info(k);
            // A title phrase of several words ("secretary of state", "prime minister").
            let mut phrase_end = None;
            if info.has(flag::PHRASE_START)
                && let Some(first) = doc.word(k)
            {
                for phrase in doc.lex.phrases_from(first) {
                    let PhraseTarget::Title(t) = phrase.target else {
                        continue;
                    };
                    let n = phrase.words.len();
                    if k + n <= self.end
                        && phrase
                            .words
                            .iter()
                            .enumerate()
                            .all(|(j, &w)| doc.word(k + j) == Some(w))
                    {
                        let tf = doc.lex.title(t).flags;
                        if tf & flag::HONORIFIC == 0 {
                            phrase_end = Some((k + n, tf));
                            break;
                        }
                    }
                }
            }
            if let Some((end, tf)) = phrase_end {
                head = Some((
                    end,
                    tf & flag::OCCUPATION == 0,
                    tf & (flag::MALE | flag::FEMALE),
                ));
                k = end;
                continue;
            }
            if info.any(flag::OFFICE | flag::OCCUPATION) && !self.is_name_not_title(k) {
                k += 1;
                // An abbreviated title keeps its stop: "Gen. Petraeus" (but "... the shadow
                // chancellor." ends a sentence).
                if doc.punct(k, &["."])
                    && doc.tok(k).span.start == doc.tok(k - 1).span.end
                    && doc
                        .word(k - 1)
                        .is_some_and(|w| doc.lex.expansion(w).is_some())
                {
                    k += 1;
                }
                head = Some((
                    k,
                    info.has(flag::OFFICE),
                    info.flags & (flag::MALE | flag::FEMALE),
                ));
                continue;
            }
            // "ex-foreign secretary", "ex-president": a prefix written onto the next word.
            if head.is_none()
                && let Some((pre, rest)) = doc.s(k).split_once('-')
                && ["ex", "vice", "deputy", "former", "co"]
                    .iter()
                    .any(|p| pre.eq_ignore_ascii_case(p))
                && let Some(w) = doc.lex.word_id(rest, &mut String::new())
                && doc.lex.info(w).any(flag::FIELD | flag::OFFICE)
            {
                let rest = doc.lex.info(w);
                k += 1;
                if rest.has(flag::OFFICE) {
                    head = Some((k, true, rest.flags & (flag::MALE | flag::FEMALE)));
                }
                continue;
            }
            if head.is_none() && info.any(flag::PREFIX | flag::FIELD) {
                k += 1;
                // "Trade and Industry Secretary", "Work and Pensions Secretary".
                if info.has(flag::FIELD)
                    && doc.is_any(k, &["and", "&"])
                    && self.info(k + 1).has(flag::FIELD)
                    && doc.shape(k + 1) == doc.shape(k - 1)
                {
                    k += 1;
                }
                // "ex-" and "vice-" are written with a hyphen token.
                if doc.punct(k, &["-"]) {
                    k += 1;
                }
                continue;
            }
            break;
        }
        head
    }

    /// A capitalised title word that is really a name here: "General Motors" is not a general,
    /// "Major" after a given name is a surname.
    fn is_name_not_title(&self, k: usize) -> bool {
        let doc = self.doc;
        // A title word right after a given name is a surname ("John Major", "Fred Chancellor").
        k > 0 && doc.capitalized(k) && doc.capitalized(k - 1) && self.info(k - 1).has(flag::GIVEN)
    }

    /// An honorific at `i` (Mr, Sir, Baroness), with an optional full stop after it.
    fn honorific_at(&self, i: usize) -> Option<usize> {
        if i < self.end && self.info(i).has(flag::HONORIFIC) && self.doc.capitalized(i) {
            let next = if self.doc.punct(i + 1, &["."]) {
                i + 2
            } else {
                i + 1
            };
            if self.name_word(next) && self.known_at(next).is_none_or(|m| m.demonym) {
                return Some(next);
            }
        }
        None
    }

    /// A capitalised run ending in an organisation head word that a title follows
    /// ("Home Office" in "Home Office Minister"). Returns its end.
    fn org_run_before_title(&self, i: usize) -> Option<usize> {
        let mut k = i;
        while k < self.end && self.capital(k) && self.title_at(k).is_none() {
            if self.info(k).has(flag::ORG_HEAD) && self.title_at(k + 1).is_some() {
                return Some(k + 1);
            }
            k += 1;
        }
        None
    }

    /// 1. A titled name or a role phrase at `i`: modifiers ("Russian", "NASA"), the title, what
    ///    it is of ("of Defence", "for the Kremlin"), then an honorific and a name, or none.
    fn titled(&mut self, i: usize) -> Option<usize> {
        let doc = self.doc;
        let (lead, mods, title_start) = self.title_modifiers(i);
        let (title_end, office, gender) = self.title_at(title_start)?;
        let tail = self.title_tail(title_end);
        let title_end = tail.title_end;
        let tail_end = tail.end;
        // An honorific, then the name.
        let mut name_start = tail_end;
        let mut honorific = None;
        if let Some(next) = self.honorific_at(name_start) {
            honorific = Some(name_start);
            name_start = next;
        }
        // The name must not be a known place or organisation that covers it whole.
        // Nor a lone common word: "a General Election", "the President Hotel".
        let name_end = self.name_run(name_start).filter(|&end| {
            self.known_at(name_start)
                .is_none_or(|m| m.end < end && self.info(name_start).has(flag::GIVEN))
                && !(end == name_start + 1
                    && honorific.is_none()
                    && self.info(name_start).has(flag::COMMON)
                    && !self.info(name_start).has(flag::GIVEN))
        });
        let title = match lead {
            Some(p) => format!(
                "{} {}",
                title_text(doc, p, p + 1),
                title_text(doc, title_start, title_end)
            ),
            None => title_text(doc, title_start, title_end),
        };
        // Emit the modifiers and the "of" entity as mentions of their own.
        let mut of_ref = None;
        for (from, to, kind) in mods.iter().copied().chain(tail.of) {
            let index = self.push(from, to, kind, None);
            of_ref = Some(match kind {
                CandKind::Known(id) | CandKind::Demonym(id) => Of::Known(id),
                _ => Of::Cand(index),
            });
        }
        // "King Philippe of Belgium": the country may follow the name.
        let mut after_name = name_end;
        if of_ref.is_none()
            && let Some(end) = name_end
            && doc.is(end, "of")
            && let Some(m) = self.known_at(end + 1)
            && !m.demonym
            && doc.lex.known(m.id).kind == EntityKind::Place
        {
            self.push(end + 1, m.end, CandKind::Known(m.id), None);
            of_ref = Some(Of::Known(m.id));
            after_name = Some(m.end);
        }
        let (relational, counterpart_of) = self.counterpart(i, title_start, title_end);
        let role = RoleRef {
            from: title_start,
            to: tail_end,
            title,
            of: of_ref,
            office,
            counterpart_of,
        };
        match name_end {
            Some(end) => {
                let keep = honorific.is_some_and(|h| keeps_honorific(doc.s(h)));
                let gender = gender
                    | honorific.map_or(0, |h| self.info(h).flags & (flag::MALE | flag::FEMALE));
                let given = self.info(name_start).flags & (flag::MALE | flag::FEMALE);
                let cand = Cand {
                    from: name_start,
                    to: end,
                    kind: CandKind::Typed(EntityKind::Person, None),
                    honorific,
                    keep_honorific: keep,
                    role: (!relational || counterpart_of.is_some()).then_some(role),
                    gender: if gender != 0 { gender } else { given },
                    hints: 0,
                };
                self.found.cands.push(cand);
                Some(after_name.unwrap_or(end))
            }
            None => {
                // A role phrase with no name: kept for linking, unless it is only an occupation.
                if office && !relational {
                    self.found.role_phrases.push(role);
                }
                Some(tail_end.max(title_start + 1))
            }
        }
    }

    /// What comes before a title at `i`: a prefix that belongs to it ("Former Tory leader X"),
    /// and modifiers (countries, demonyms, organisations, each maybe with "'s"). Returns the
    /// prefix, the modifiers, and where the title itself may start.
    fn title_modifiers(&self, i: usize) -> (Option<usize>, Vec<Modifier>, usize) {
        let doc = self.doc;
        // "Former Tory leader X", "former Metropolitan Police Commissioner": a prefix may come
        // before the modifiers; it belongs to the title.
        let lead = (self.info(i).has(flag::PREFIX)
            && i + 1 < self.end
            && (self.known_at(i + 1).is_some() || self.org_run_before_title(i + 1).is_some()))
        .then_some(i);
        let mut k = lead.map_or(i, |p| p + 1);
        let mut mods: Vec<Modifier> = Vec::new();
        loop {
            // "Russian Foreign Ministry Spokeswoman": a demonym and an organisation read as one.
            if let Some(&(from, to, CandKind::Demonym(_))) = mods.last()
                && to == k
                && let Some(end) = self.org_run_before_title(k)
            {
                mods.pop();
                mods.push((from, end, CandKind::Typed(EntityKind::Organization, None)));
                k = end;
                continue;
            }
            // "Japanese government spokesman": the government is the country's.
            if let Some(&(_, to, CandKind::Demonym(_) | CandKind::Known(_))) = mods.last()
                && to == k
                && doc.is(k, "government")
                && doc.shape(k) == TokenShape::Lower
            {
                k += 1;
                continue;
            }
            if let Some(m) = self.known_at(k) {
                let kind = if m.demonym {
                    CandKind::Demonym(m.id)
                } else {
                    CandKind::Known(m.id)
                };
                let known_kind = doc.lex.known(m.id).kind;
                if known_kind == EntityKind::Person {
                    break;
                }
                mods.push((k, m.end, kind));
                k = m.end;
            } else if let Some(end) = self.org_run_before_title(k) {
                mods.push((k, end, CandKind::Typed(EntityKind::Organization, None)));
                k = end;
            } else if doc.shape(k) == TokenShape::Upper
                && !self.shouting(k)
                && doc.s(k).len() >= 2
                && self.title_at(k + 1).is_some()
            {
                // An acronym before a title is the organisation the title belongs to.
                mods.push((k, k + 1, CandKind::Typed(EntityKind::Organization, None)));
                k += 1;
            } else {
                break;
            }
            if k < self.end && doc.tok(k).shape == TokenShape::Clitic {
                k += 1;
            }
        }
        (lead, mods, k)
    }

    /// What follows a title ending at `title_end`: "of [the] X" / "for [the] X", a country, an
    /// organisation, a field ("Minister of Defence", "Secretary of State for Health"), another
    /// title ("Press Secretary of the President of Russia").
    fn title_tail(&self, title_end: usize) -> TitleTail {
        let doc = self.doc;
        let mut tail = TitleTail {
            of: None,
            title_end,
            end: title_end,
        };
        let mut j = title_end;
        while doc.is(j, "of") || doc.is(j, "for") {
            let mut x = j + 1;
            if doc.is(x, "the") {
                x += 1;
            }
            if let Some(m) = self.known_at(x) {
                let org = CandKind::Typed(EntityKind::Organization, None);
                // "the United States Department of State": a country before an organisation's
                // name is part of it.
                if let Some(end) = self.org_name_at(m.end) {
                    tail.of = Some((x, end, org));
                    j = end;
                } else if !m.demonym
                    && self.name_word(m.end)
                    && !self.info(m.end).has(flag::GIVEN)
                    && self.honorific_at(m.end).is_none()
                    && let Some(end) = self.name_run(m.end)
                {
                    // "spokesman for North East Says No": capitalised words that go on after
                    // the known name are the rest of the organisation's name, unless a given
                    // name starts a person ("the spokesman for the Kremlin Dmitry Peskov").
                    tail.of = Some((x, end, org));
                    j = end;
                } else {
                    let kind = if m.demonym {
                        CandKind::Demonym(m.id)
                    } else {
                        CandKind::Known(m.id)
                    };
                    tail.of = Some((x, m.end, kind));
                    j = m.end;
                }
            } else if let Some((end, _, _)) = self.title_at(x) {
                j = end;
            } else if let Some(end) = self.org_name_at(x) {
                tail.of = Some((x, end, CandKind::Typed(EntityKind::Organization, None)));
                j = end;
            } else {
                let mut f = x;
                while f < self.end && self.info(f).has(flag::FIELD) {
                    f += 1;
                }
                if f == x {
                    break;
                }
                tail.title_end = f;
                j = f;
            }
            tail.end = j;
        }
        tail
    }

    /// "his Russian counterpart Sergey Lavrov": read like a title, but not a role of his; it says
    /// he holds the possessor's office for Russia. Returns whether the title at
    /// `title_start..title_end` is relational, and the possessor's token when it is a
    /// counterpart.
    fn counterpart(&self, i: usize, title_start: usize, title_end: usize) -> (bool, Option<usize>) {
        let doc = self.doc;
        let relational = (title_start..title_end).any(|t| self.info(t).has(flag::RELATIONAL));
        let counterpart_of =
            if !relational || !doc.is_any(title_start, &["counterpart", "counterparts"]) {
                None
            } else if i > 0 && doc.is_any(i - 1, &["his", "her", "their"]) {
                Some(i - 1)
            } else if i > 1 && doc.tok(i - 1).shape == TokenShape::Clitic {
                Some(i - 2)
            } else {
                None
            };
        (relational, counterpart_of)
    }

    /// An organisation name at `i` (for "spokesman for the X"): a capitalised run ending in an
    /// organisation head, or starting with an organisation lead word.
    fn org_name_at(&self, i: usize) -> Option<usize> {
        if !self.capital(i) {
            return None;
        }
        let end = self.name_run(i)?;
        let last = end - 1;
        if self.info(last).has(flag::ORG_HEAD) || self.info(i).has(flag::ORG_LEAD) && end > i + 1 {
            Some(end)
        } else {
            None
        }
    }

    /// The end of a run of name words starting at `i`.
    fn name_run(&self, i: usize) -> Option<usize> {
        let doc = self.doc;
        if !self.name_word(i) {
            // "de Mistura": a particle may open a name.
            if i + 1 < self.end
                && self.info(i).has(flag::PARTICLE)
                && doc.shape(i) == TokenShape::Lower
                && self.name_word(i + 1)
            {
                return self.name_run(i + 1);
            }
            return None;
        }
        let orgish = self.info(i).has(flag::ORG_LEAD) || self.info(i).has(flag::PLACE_LEAD);
        let mut connected = false;
        let mut k = i + 1;
        while k < self.end {
            if self.name_word_inside(k) {
                // "Kremlin Dmitry Peskov", "Department of State John Kirby": a given name
                // followed by another name word after a word that is not a given name starts
                // a new name.
                if self.info(k).has(flag::GIVEN)
                    && !self.info(k - 1).any(flag::GIVEN | flag::PARTICLE)
                    && doc.shape(k - 1) != TokenShape::Initialism
                    && self.name_word(k + 1)
                    && !self.info(k + 1).has(flag::ORG_HEAD)
                {
                    break;
                }
                if self.title_at(k).is_some()
                    && !self.info(k).any(flag::ORG_HEAD | flag::PLACE_HEAD)
                {
                    break;
                }
                if self.honorific_at(k).is_some() {
                    break;
                }
                k += 1;
                continue;
            }
            // Particles inside a name: "Staffan de Mistura", "Ahrar al-Sham", "Joost van der
            // Westhuizen".
            let particle =
                |x: usize| self.info(x).has(flag::PARTICLE) && doc.shape(x) == TokenShape::Lower;
            if particle(k) && self.name_word(k + 1) {
                k += 2;
                continue;
            }
            if particle(k) && particle(k + 1) && self.name_word(k + 2) {
                k += 3;
                continue;
            }
            // Connectors inside organisation and place names: "Ministry of Defence",
            // "Organization for Security and Cooperation in Europe".
            let org_so_far =
                orgish || (i..k).any(|j| self.info(j).any(flag::ORG_LEAD | flag::PLACE_LEAD));
            if org_so_far && doc.is_any(k, CONNECTORS) && (!doc.is(k, "and") || connected) {
                let mut x = k + 1;
                let and = doc.is(k, "and");
                // "... Studies and the Department for Education": "and the" starts another name.
                if doc.is(x, "the") && !and {
                    x += 1;
                }
                let another_org =
                    and && self.info(x).has(flag::ORG_LEAD) && doc.is_any(x + 1, &["of", "for"]);
                if self.name_word(x) && !another_org {
                    connected = true;
                    k = x;
                    continue;
                }
                // "Ministry of defence": a lower-case field after "of".
                if doc.is(k, "of")
                    && self.info(x).has(flag::FIELD)
                    && doc.shape(x) == TokenShape::Lower
                {
                    k = x + 1;
                    continue;
                }
            }
            break;
        }
        Some(k)
    }

    /// 2-4. A known name, a demonym, or a run of capitalised words at `i`.
    fn name_or_known(&mut self, i: usize) -> Option<usize> {
        let doc = self.doc;
        // 2. Honorific + name.
        if let Some(start) = self.honorific_at(i) {
            let end = self.name_run(start)?;
            let keep = keeps_honorific(doc.s(i));
            let gender = self.info(i).flags & (flag::MALE | flag::FEMALE);
            self.found.cands.push(Cand {
                from: start,
                to: end,
                kind: CandKind::Typed(EntityKind::Person, None),
                honorific: Some(i),
                keep_honorific: keep,
                role: None,
                gender,
                hints: 0,
            });
            return Some(end);
        }
        let known = self.known_at(i);
        // "the Russian capital": the capital of the demonym's country.
        if let Some(m) = known
            && m.demonym
            && doc.is(m.end, "capital")
            && let Some(capital) = doc.lex.known(m.id).capital
        {
            self.push(i, m.end + 1, CandKind::Known(capital), None);
            return Some(m.end + 1);
        }
        let sentence_start = doc.starts_sentence(i);
        let run_end = if sentence_start && self.info(i).has(flag::COMMON) && known.is_none() {
            // A common word opening a sentence starts a name only before another name word that
            // is not itself common: "General Motors", not "Officials Kerry met".
            if self.name_word(i + 1)
                && !self.info(i + 1).has(flag::COMMON)
                && self.known_at(i + 1).is_none()
                && !self.info(i).any(flag::OFFICE | flag::PREFIX)
                && !doc.is_any(i, FUNCTION_WORDS)
                && !doc.is_any(i, OPENING_WORDS)
            {
                self.name_run(i)
            } else {
                None
            }
        } else {
            self.name_run(i)
        };
        match (known, run_end) {
            (Some(m), run) if run.is_none_or(|r| r <= m.end) => {
                let kind = if m.demonym {
                    CandKind::Demonym(m.id)
                } else {
                    CandKind::Known(m.id)
                };
                // "Sunderland station", "Belgrade airport": the name is the city's; the
                // lower-case word says what was there, as news style and CoNLL both read it.
                self.push(i, m.end, kind, None);
                Some(m.end)
            }
            (known, Some(end)) => {
                let kind = self.classify_run(i, end);
                // A known place before common words with capitals names something else in
                // running text ("the U.S. Open", "the London Marathon"): the run is read whole.
                // Before a name that is not a common word it is two names ("Moscow Kerry"). A headline's capitals mark nothing, so there the known
                // name is read on its own ("US Calls for ...").
                if let (Some(m), CandKind::Unknown) = (known, kind)
                    && !m.demonym
                    && !doc.sentences[doc.sentence_of[i] as usize].headline
                    && doc.lex.known(m.id).kind == EntityKind::Place
                    && (m.end..end).all(|k| self.info(k).has(flag::COMMON))
                {
                    let hints = self.hints(i, end);
                    let index = self.push(i, end, CandKind::Unknown, None);
                    self.found.cands[index].hints = hints;
                    return Some(end);
                }
                if let (Some(m), CandKind::Unknown) = (known, kind) {
                    let kind = if m.demonym {
                        CandKind::Demonym(m.id)
                    } else {
                        CandKind::Known(m.id)
                    };
                    self.push(i, m.end, kind, None);
                    return Some(m.end);
                }
                let hints = self.hints(i, end);
                let index = self.push(i, end, kind, None);
                self.found.cands[index].hints = hints;
                if let CandKind::Typed(EntityKind::Person, _) = kind {
                    self.found.cands[index].gender =
                        self.info(i).flags & (flag::MALE | flag::FEMALE);
                }
                Some(end)
            }
            (None, None) => None,
            (Some(_), None) => unreachable!("handled by the first arm"),
        }
    }

    /// "international airport" / "station" after a name ("Vnukovo international airport"):
    /// the name before it is a facility's, though the words are not part of it.
    fn lower_place_head(&self, k: usize) -> Option<usize> {
        let doc = self.doc;
        let mut j = k;
        if doc.is_any(j, LOWER_PLACE_ADJ) {
            j += 1;
        }
        if j < self.end
            && doc.shape(j) == TokenShape::Lower
            && self.info(j).has(flag::PLACE_HEAD)
            && self.info(j).place_kind == Some(PlaceKind::Facility)
            && doc.is_any(
                j,
                &[
                    "airport", "airbase", "airfield", "station", "stadium", "prison", "base",
                ],
            )
        {
            return Some(j + 1);
        }
        None
    }

    /// The type of a capitalised run from its own words and its neighbours.
    fn classify_run(&self, from: usize, to: usize) -> CandKind {
        let doc = self.doc;
        let first = self.info(from);
        let last = self.info(to - 1);
        if last.has(flag::ORG_HEAD) && doc.capitalized(to - 1) && to - from >= 2 {
            return CandKind::Typed(EntityKind::Organization, None);
        }
        if first.has(flag::ORG_LEAD)
            && to - from >= 3
            && (from..to).any(|k| doc.is_any(k, &["of", "for"]))
        {
            return CandKind::Typed(EntityKind::Organization, None);
        }
        // "Spaso House", "Red Square" are places; "Anthony Hill" is a person: a given name
        // before a head that is also a surname.
        let surname_head = doc.is_any(
            to - 1,
            &[
                "hill", "hills", "house", "hall", "park", "castle", "heights", "bridge",
            ],
        );
        if last.has(flag::PLACE_HEAD)
            && doc.capitalized(to - 1)
            && to - from >= 2
            && !(to - from == 2 && surname_head && first.has(flag::GIVEN))
        {
            return CandKind::Typed(EntityKind::Place, last.place_kind);
        }
        if first.has(flag::PLACE_LEAD) && to - from >= 3 {
            return CandKind::Typed(EntityKind::Place, first.place_kind);
        }
        if self.lower_place_head(to).is_some() {
            return CandKind::Typed(EntityKind::Place, Some(PlaceKind::Facility));
        }
        // "Hamas militant group", "the Jaish al-Islam and Ahrar al-Sham terrorist groups".
        if self.group_noun_after(to) {
            return CandKind::Typed(EntityKind::Organization, None);
        }
        // "the city of Palmyra", "the town of Evesham".
        if from >= 2 && doc.is(from - 1, "of") && self.info(from - 2).has(flag::PLACE_TYPE) {
            return CandKind::Typed(EntityKind::Place, self.info(from - 2).place_kind);
        }
        if to - from >= 2
            && first.has(flag::GIVEN)
            && self.known_at(from + 1).is_none_or(|m| m.demonym)
        {
            return CandKind::Typed(EntityKind::Person, None);
        }
        // An acronym not in the lists is most often an organisation.
        if to - from == 1
            && doc.shape(from) == TokenShape::Upper
            && !self.info(from).any(flag::COMMON | flag::SPORT)
            && doc.s(from).len() <= 6
            && !self.shouting(from)
            && doc.s(from).len() >= 3
        {
            return CandKind::Typed(EntityKind::Organization, None);
        }
        CandKind::Unknown
    }

    /// True when a group noun follows: "[terrorist] group(s)", "militia", "movement".
    fn group_noun_after(&self, to: usize) -> bool {
        let doc = self.doc;
        let mut k = to;
        // Skip coordinated names: "X and Y terrorist groups" types X too.
        for _ in 0..6 {
            if k < self.end && (doc.is(k, "and") || doc.punct(k, &[","])) {
                k += 1;
                if let Some(end) = self.name_run(k) {
                    k = end;
                    continue;
                }
                if let Some(m) = self.known_at(k) {
                    k = m.end;
                    continue;
                }
                return false;
            }
            break;
        }
        while k < self.end && self.info(k).has(flag::ORG_ADJ) && doc.shape(k) == TokenShape::Lower {
            k += 1;
        }
        k < self.end && doc.shape(k) == TokenShape::Lower && self.info(k).has(flag::ORG_GROUP)
    }

    fn hints(&self, from: usize, to: usize) -> u8 {
        let doc = self.doc;
        let mut hints = 0;
        // "in Bromsgrove", but not "in the Wayfarer dinghy": a name followed by a noun is a
        // modifier of that noun, not a place.
        let followed_by_noun = to < self.end
            && doc.shape(to) == TokenShape::Lower
            && self.info(to).verb.is_none()
            && !doc.is_any(to, FUNCTION_WORDS);
        let prep_before = from > 0 && doc.is_any(from - 1, PLACE_PREPS)
            || from > 1 && doc.is(from - 1, "the") && doc.is_any(from - 2, PLACE_PREPS);
        if prep_before && !followed_by_noun {
            hints |= hint::PLACE_PREP;
        }
        // "Kerry said", "Kerry will meet", "Mallon has toured": the subject of an event verb.
        let mut v = to;
        while v < self.end
            && v < to + 4
            && (doc.is_any(
                v,
                &[
                    "will",
                    "would",
                    "has",
                    "had",
                    "have",
                    "is",
                    "was",
                    "also",
                    "later",
                    "then",
                    "to",
                    "scheduled",
                    "expected",
                    "due",
                    "set",
                    "going",
                    "planning",
                    "hopes",
                    "wants",
                    "is",
                    "are",
                    "were",
                    "be",
                    "been",
                    "not",
                    "never",
                    "did",
                    "does",
                ],
            ) || doc.tok(v).shape == TokenShape::Clitic)
        {
            v += 1;
        }
        if v < self.end
            && doc.shape(v) == TokenShape::Lower
            && self.info(v).verb.is_some_and(|verb| {
                use crate::lexicon::VerbClass::*;
                matches!(
                    verb.class,
                    Say | Meet | Talk | Phone | Visit | Arrive | Discuss | Receive
                )
            })
        {
            hints |= hint::SPEECH_AFTER;
        }
        if to < self.end && doc.tok(to).shape == TokenShape::Clitic {
            hints |= hint::POSSESSIVE;
        }
        if (from..to).any(|k| self.info(k).has(flag::PARTICLE) || lower_name(doc.s(k))) {
            hints |= hint::PARTICLE;
        }
        hints
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

/// "al-Assad", "bin-Laden", "d'Ivoire": a lower-case particle joined to a capitalised name.
fn lower_name(s: &str) -> bool {
    let Some(pos) = s.find(['-', '\'', '\u{2019}']) else {
        return false;
    };
    let (head, tail) = s.split_at(pos);
    let tail = tail.trim_start_matches(['-', '\'', '\u{2019}']);
    head.len() <= 3
        && head.chars().all(|c| c.is_lowercase())
        && tail.chars().next().is_some_and(char::is_uppercase)
}

/// "UN-led", "Russian-backed", "US-based": a name with a lower-case word hyphened on.
fn lower_tail(s: &str) -> bool {
    s.rsplit_once('-')
        .is_some_and(|(_, tail)| tail.len() >= 3 && tail.chars().all(|c| c.is_ascii_lowercase()))
}

/// Peers are named with their title: "Lord Goldsmith", "Baroness Morgan".
fn keeps_honorific(word: &str) -> bool {
    [
        "lord", "lady", "baroness", "baron", "duke", "duchess", "dame",
    ]
    .iter()
    .any(|w| word.eq_ignore_ascii_case(w))
}

/// A title written as a title: "foreign Minister" -> "Foreign Minister", "secretary of state"
/// -> "Secretary of State".
pub(crate) fn title_text(doc: &Doc, from: usize, to: usize) -> String {
    let mut out = String::new();
    for k in from..to {
        let w = doc.s(k);
        if doc.shape(k) == TokenShape::Punct {
            // The stop of an abbreviation that was spelt out is dropped with it.
            if !(w == "."
                && k > from
                && doc
                    .word(k - 1)
                    .and_then(|id| doc.lex.expansion(id))
                    .is_some())
            {
                out.push_str(w);
            }
            continue;
        }
        if !out.is_empty() && !out.ends_with('-') {
            out.push(' ');
        }
        if let Some(full) = doc.word(k).and_then(|id| doc.lex.expansion(id)) {
            out.push_str(full);
        } else if ["of", "for", "the", "and"]
            .iter()
            .any(|c| w.eq_ignore_ascii_case(c))
        {
            out.push_str(&w.to_lowercase());
        } else if doc.shape(k) == TokenShape::Upper && w.len() <= 4
            || doc.shape(k) == TokenShape::Capitalized
        {
            // As written: "UN", "Secretary-General", "Minister".
            out.push_str(w);
        } else {
            // "foreign" -> "Foreign", "vice-president" -> "Vice-President", "MINISTER" -> "Minister".
            for (n, part) in w.split('-').enumerate() {
                if n > 0 {
                    out.push('-');
                }
                let mut chars = part.chars();
                if let Some(c) = chars.next() {
                    out.extend(c.to_uppercase());
                    out.push_str(&chars.as_str().to_lowercase());
                }
            }
        }
    }
    out
}
