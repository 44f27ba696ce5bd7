//! The word lists the extractor reads, parsed once: countries, places, organisations, given
//! names, common words, titles, event verbs and cue words. They are plain files in
//! `data/lexicon/`, embedded in the binary, and a user can add entries of their own with
//! [`Lexicon::extend`].
//!
//! Every word of every list is interned once; a token is looked up with one hash probe and gets
//! back a [`WordInfo`] with everything the lists say about it. Entries of several words are
//! [`Phrase`]s, found by their first word.

use rustc_hash::FxHashMap;

use crate::model::{EntityKind, PlaceKind};
use crate::text::{Boilerplate, Span, TokenShape, tokenize};

/// A built-in list file: its name and text.
pub type Source = (&'static str, &'static str);

/// The lists built into the binary.
pub const BUILTIN: &[Source] = &[
    (
        "countries.tsv",
        include_str!("../data/lexicon/countries.tsv"),
    ),
    ("places.tsv", include_str!("../data/lexicon/places.tsv")),
    (
        "organizations.tsv",
        include_str!("../data/lexicon/organizations.tsv"),
    ),
    (
        "given_names.tsv",
        include_str!("../data/lexicon/given_names.tsv"),
    ),
    (
        "common_words.txt",
        include_str!("../data/lexicon/common_words.txt"),
    ),
    ("titles.tsv", include_str!("../data/lexicon/titles.tsv")),
    ("verbs.tsv", include_str!("../data/lexicon/verbs.tsv")),
    (
        "org_words.tsv",
        include_str!("../data/lexicon/org_words.tsv"),
    ),
    (
        "place_words.tsv",
        include_str!("../data/lexicon/place_words.tsv"),
    ),
    (
        "boilerplate.txt",
        include_str!("../data/lexicon/boilerplate.txt"),
    ),
];

/// Lower-case particles that join a name to a surname: "de Mistura", "al-Assad", "van der
/// Westhuizen". A closed class of the language, not a list to extend.
pub const PARTICLES: &[&str] = &[
    "al", "bin", "ibn", "da", "de", "del", "della", "der", "di", "du", "el", "la", "le", "van",
    "von", "ben", "abu", "dos", "das", "ter", "den",
];

/// Bit flags of what the lists say about a word (see [`WordInfo::flags`]).
pub mod flag {
    /// An ordinary English word (capitalised at a sentence start, it is not a name).
    pub const COMMON: u32 = 1 << 0;
    /// A given name.
    pub const GIVEN: u32 = 1 << 1;
    /// A male given name or title.
    pub const MALE: u32 = 1 << 2;
    /// A female given name or title.
    pub const FEMALE: u32 = 1 << 3;
    /// Mr, Sir, Baroness...
    pub const HONORIFIC: u32 = 1 << 4;
    /// A title on its own: president, senator.
    pub const OFFICE: u32 = 1 << 5;
    /// A title that takes a field: minister, secretary, spokesman.
    pub const HEAD: u32 = 1 << 6;
    /// A field of a title: foreign, education.
    pub const FIELD: u32 = 1 << 7;
    /// deputy, former, shadow.
    pub const PREFIX: u32 = 1 << 8;
    /// astronaut, campaigner.
    pub const OCCUPATION: u32 = 1 << 9;
    /// Last word of an organisation name: Ministry, Party.
    pub const ORG_HEAD: u32 = 1 << 10;
    /// First word of "X of Y" organisation names: Ministry, Bank.
    pub const ORG_LEAD: u32 = 1 << 11;
    /// group, militia: a lower-case noun naming an organisation after a name.
    pub const ORG_GROUP: u32 = 1 << 12;
    /// terrorist, militant: may stand between a name and a group noun.
    pub const ORG_ADJ: u32 = 1 << 13;
    /// Last word of a place name: Airport, Square.
    pub const PLACE_HEAD: u32 = 1 << 14;
    /// First word of "X of Y" place names: Gulf, Isle.
    pub const PLACE_LEAD: u32 = 1 << 15;
    /// city, town, capital: introduces a place name.
    pub const PLACE_TYPE: u32 = 1 << 16;
    /// Some phrase of several words starts with this word.
    pub const PHRASE_START: u32 = 1 << 17;
    /// A month name.
    pub const MONTH: u32 = 1 << 18;
    /// A weekday name.
    pub const WEEKDAY: u32 = 1 << 19;
    /// A name-joining particle: de, van, al, bin.
    pub const PARTICLE: u32 = 1 << 20;
    /// A title word that relates to someone else's role, not a role: counterpart, colleague.
    pub const RELATIONAL: u32 = 1 << 21;
    /// A word for a sports team beside a place's name: side, club, captain.
    pub const TEAM_WORD: u32 = 1 << 22;
    /// A word of a game between two places' names: beat, drew, at, v.
    pub const TEAM_VERB: u32 = 1 << 23;
    /// A word of sport: league, innings, goals.
    pub const SPORT: u32 = 1 << 24;
}

/// What sort of event word a verb form is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VerbClass {
    /// met, conferred.
    Meet,
    /// received, hosted: the subject hosts the object.
    Receive,
    /// see: a meeting when a person is seen.
    See,
    /// talked, spoke: with or to someone.
    Talk,
    /// discussed: names topics.
    Discuss,
    /// visited.
    Visit,
    /// arrived, landed: in or at a place.
    Arrive,
    /// went, travelled, flew: to a place.
    Go,
    /// is, was: "is in Moscow".
    Be,
    /// said, told, added.
    Say,
    /// hold, have: with a meeting noun.
    Light,
    /// plans, expects: makes what follows planned.
    Plan,
    /// phoned, rang, called: a call, not a meeting.
    Phone,
    /// refused, cancelled: makes what follows not happen.
    Refuse,
}

/// What sort of event noun a word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NounClass {
    /// meeting, talks.
    Meet,
    /// lunch, dinner.
    Meal,
    /// visit, trip.
    Visit,
    /// agenda.
    Agenda,
    /// speech, statement.
    Speech,
    /// phone, call.
    Phone,
}

/// The grammatical form of a verb token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tense {
    /// meet.
    Base,
    /// meets.
    Present,
    /// met.
    Past,
    /// met (after have / be).
    PastParticiple,
    /// meeting.
    Ing,
}

/// A verb form and its class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Verb {
    /// The class of the verb.
    pub class: VerbClass,
    /// The form.
    pub tense: Tense,
    /// A second reading of the same form (the past "met" is also a participle).
    pub also_participle: bool,
}

/// Everything the lists say about one folded word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// [`flag`] bits.
    pub flags: u32,
    /// A known entity this word names on its own (Moscow, NASA).
    pub entity: Option<u32>,
    /// The country or place this word is the demonym of (Russian -> Russia).
    pub demonym: Option<u32>,
    /// The verb this word is a form of.
    pub verb: Option<Verb>,
    /// The event noun this word is.
    pub noun: Option<NounClass>,
    /// For place cue words: the kind of place.
    pub place_kind: Option<PlaceKind>,
}

impl WordInfo {
    /// True when all of `bits` are set.
    pub const fn has(&self, bits: u32) -> bool {
        self.flags & bits == bits
    }

    /// True when any of `bits` is set.
    pub const fn any(&self, bits: u32) -> bool {
        self.flags & bits != 0
    }
}

/// A thing the lists know by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Known {
    /// Its canonical name.
    pub name: String,
    /// Its type.
    pub kind: EntityKind,
    /// For places: the sort of place.
    pub place_kind: Option<PlaceKind>,
    /// The country it belongs to (for cities, regions, national bodies).
    pub country: Option<u32>,
    /// For countries: the capital.
    pub capital: Option<u32>,
    /// For countries: the other names the word lists give, folded ("syrian arab republic"), so
    /// that "the Arab Republic" can be read as a short form of one of them.
    pub aliases: Vec<String>,
}

/// What a phrase of several words is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhraseTarget {
    /// The name of a known entity.
    Entity(u32),
    /// A demonym of several words ("New Zealander").
    Demonym(u32),
    /// A title of several words ("secretary of state").
    Title(u32),
}

/// An entry of several words, as word ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    /// The folded words, as ids into the vocabulary.
    pub words: Box<[u32]>,
    /// What it is.
    pub target: PhraseTarget,
}

/// A title entry of several words: its class flags and gender flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TitleInfo {
    /// OFFICE, HEAD, HONORIFIC, OCCUPATION...
    pub flags: u32,
}

/// All the lists, parsed and interned.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    vocab: FxHashMap<Box<str>, u32>,
    info: Vec<WordInfo>,
    phrases: Vec<Phrase>,
    phrases_by_first: FxHashMap<u32, Vec<u32>>,
    /// Short all-capital names matched only in that exact case (US, UN, IS).
    exact: FxHashMap<Box<str>, u32>,
    titles: Vec<TitleInfo>,
    /// Abbreviated titles spelt out: gen -> General.
    expansions: FxHashMap<u32, String>,
    known: Vec<Known>,
    known_by_name: FxHashMap<(EntityKind, String), u32>,
    /// The phrase lists that recognise web debris.
    pub boilerplate: Boilerplate,
}

/// A problem found while reading a list.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct LexiconError {
    /// The file.
    pub file: String,
    /// The line, from 1.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Folds a word for lookup: lower case, curly apostrophes straight, accents kept off ASCII.
pub fn fold_word(word: &str, buf: &mut String) {
    buf.clear();
    if word.is_ascii() {
        for b in word.bytes() {
            buf.push(b.to_ascii_lowercase() as char);
        }
        return;
    }
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' => buf.push('\''),
            '\u{2010}' | '\u{2011}' => buf.push('-'),
            c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
            c => {
                for d in deunicode::deunicode_char(c).unwrap_or("").chars() {
                    buf.push(d.to_ascii_lowercase());
                }
            }
        }
    }
}

impl Lexicon {
    /// The lexicon built into the binary.
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEXICON.get_or_init(|| {
            let mut lexicon = Lexicon::default();
            for (name, text) in BUILTIN {
                // The built-in lists are checked by the test suite; a bad line cannot ship.
                if let Err(err) = lexicon.extend(name, text) {
                    panic!("built-in lexicon is invalid: {err}");
                }
            }
            lexicon
        })
    }

    /// Adds the entries of one list file. The file name says which list it is
    /// (`countries.tsv`, `titles.tsv`, ...; a name may carry a prefix: `my-titles.tsv`).
    pub fn extend(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        let kind = ["countries", "places", "organizations", "given_names", "common_words", "titles", "verbs", "org_words", "place_words", "boilerplate"]
            .into_iter()
            .find(|k| file.trim_end_matches(".tsv").trim_end_matches(".txt").ends_with(k))
            .ok_or_else(|| LexiconError { file: file.into(), line: 0, message: "unknown list: the name must end in countries, places, organizations, given_names, common_words, titles, verbs, org_words, place_words or boilerplate".into() })?;
        if kind == "boilerplate" {
            self.boilerplate.merge(Boilerplate::parse(text));
            return Ok(());
        }
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
            let err = |message: &str| LexiconError {
                file: file.into(),
                line: n + 1,
                message: message.into(),
            };
            let col = |i: usize| cols.get(i).copied().unwrap_or("");
            let list = |i: usize| col(i).split('|').map(str::trim).filter(|s| !s.is_empty());
            match kind {
                "countries" => {
                    let id =
                        self.add_known(col(0), EntityKind::Place, Some(PlaceKind::Country), None);
                    for alias in list(1) {
                        self.add_name(alias, PhraseTarget::Entity(id));
                        let folded = crate::names::normalize(alias);
                        self.known[id as usize].aliases.push(folded);
                    }
                    for demonym in list(2) {
                        self.add_name(demonym, PhraseTarget::Demonym(id));
                    }
                    if !col(3).is_empty() {
                        let capital = self.add_known(
                            col(3),
                            EntityKind::Place,
                            Some(PlaceKind::City),
                            Some(id),
                        );
                        self.known[id as usize].capital = Some(capital);
                    }
                }
                "places" => {
                    let place_kind = PlaceKind::parse(col(1))
                        .ok_or_else(|| err("kind must be city, region or facility"))?;
                    let country = (!col(3).is_empty()).then(|| {
                        self.add_known(col(3), EntityKind::Place, Some(PlaceKind::Country), None)
                    });
                    let id = self.add_known(col(0), EntityKind::Place, Some(place_kind), country);
                    for alias in list(2) {
                        self.add_name(alias, PhraseTarget::Entity(id));
                    }
                    for demonym in list(4) {
                        self.add_name(demonym, PhraseTarget::Demonym(id));
                    }
                }
                "organizations" => {
                    let country = (!col(2).is_empty()).then(|| {
                        self.add_known(col(2), EntityKind::Place, Some(PlaceKind::Country), None)
                    });
                    let id = self.add_known(col(0), EntityKind::Organization, None, country);
                    for alias in list(1) {
                        self.add_name(alias, PhraseTarget::Entity(id));
                    }
                }
                "given_names" => {
                    let gender = match col(1) {
                        "m" => flag::MALE,
                        "f" => flag::FEMALE,
                        "u" | "" => 0,
                        _ => return Err(err("gender must be m, f or u")),
                    };
                    let id = self.intern(col(0));
                    self.info[id as usize].flags |= flag::GIVEN | gender;
                }
                "common_words" => {
                    let id = self.intern(col(0));
                    self.info[id as usize].flags |= flag::COMMON;
                }
                "titles" => {
                    let class = match col(1) {
                        "honorific" => flag::HONORIFIC,
                        "office" => flag::OFFICE,
                        "head" => flag::HEAD | flag::OFFICE,
                        "field" => flag::FIELD,
                        "prefix" => flag::PREFIX,
                        "occupation" => flag::OCCUPATION,
                        "relational" => flag::OFFICE | flag::RELATIONAL,
                        _ => {
                            return Err(err(
                                "class must be honorific, office, head, field, prefix, occupation or relational",
                            ));
                        }
                    };
                    let gender = match col(2) {
                        "m" => flag::MALE,
                        "f" => flag::FEMALE,
                        _ => 0,
                    };
                    let words = self.phrase_words(col(0));
                    if let [one] = words.as_slice() {
                        self.info[*one as usize].flags |= class | gender;
                        if !col(3).is_empty() {
                            self.expansions.insert(*one, col(3).to_string());
                        }
                    } else if !words.is_empty() {
                        let t = self.titles.len() as u32;
                        self.titles.push(TitleInfo {
                            flags: class | gender,
                        });
                        self.push_phrase(words, PhraseTarget::Title(t));
                    }
                }
                "verbs" => {
                    let id = self.intern(col(0));
                    let info = &mut self.info[id as usize];
                    let tense = match col(3) {
                        "base" => Some(Tense::Base),
                        "pres" => Some(Tense::Present),
                        "past" => Some(Tense::Past),
                        "pp" => Some(Tense::PastParticiple),
                        "ing" => Some(Tense::Ing),
                        "noun" => None,
                        _ => return Err(err("tense must be base, pres, past, pp, ing or noun")),
                    };
                    let class = col(2);
                    match tense {
                        Some(tense) => {
                            let class = match class {
                                "meet" => VerbClass::Meet,
                                "receive" => VerbClass::Receive,
                                "see" => VerbClass::See,
                                "talk" => VerbClass::Talk,
                                "discuss" => VerbClass::Discuss,
                                "visit" => VerbClass::Visit,
                                "arrive" => VerbClass::Arrive,
                                "go" => VerbClass::Go,
                                "be" => VerbClass::Be,
                                "say" => VerbClass::Say,
                                "light" => VerbClass::Light,
                                "plan" => VerbClass::Plan,
                                "phone" => VerbClass::Phone,
                                "refuse" => VerbClass::Refuse,
                                _ => return Err(err("unknown verb class")),
                            };
                            match &mut info.verb {
                                Some(v) if v.class == class && tense == Tense::PastParticiple => {
                                    v.also_participle = true
                                }
                                Some(_) => {}
                                None => {
                                    info.verb = Some(Verb {
                                        class,
                                        tense,
                                        also_participle: false,
                                    })
                                }
                            }
                        }
                        None => {
                            info.noun = Some(match class {
                                "meet_noun" => NounClass::Meet,
                                "meal" => NounClass::Meal,
                                "visit_noun" => NounClass::Visit,
                                "agenda_noun" => NounClass::Agenda,
                                "speech_noun" => NounClass::Speech,
                                "phone_noun" => NounClass::Phone,
                                _ => return Err(err("unknown noun class")),
                            })
                        }
                    }
                }
                "org_words" => {
                    let bits = match col(1) {
                        "head" => flag::ORG_HEAD,
                        "lead" => flag::ORG_LEAD,
                        "group" => flag::ORG_GROUP,
                        "adj" => flag::ORG_ADJ,
                        "team_word" => flag::TEAM_WORD,
                        "team_verb" => flag::TEAM_VERB,
                        "sport" => flag::SPORT,
                        _ => {
                            return Err(err(
                                "class must be head, lead, group, adj, team_word, team_verb or sport",
                            ));
                        }
                    };
                    let id = self.intern(col(0));
                    self.info[id as usize].flags |= bits;
                }
                "place_words" => {
                    let place_kind = PlaceKind::parse(col(1))
                        .ok_or_else(|| err("kind must be city, region or facility"))?;
                    let bits = match col(2) {
                        "head" => flag::PLACE_HEAD,
                        "lead" => flag::PLACE_LEAD,
                        "type" => flag::PLACE_TYPE,
                        _ => return Err(err("class must be head, lead or type")),
                    };
                    let id = self.intern(col(0));
                    let info = &mut self.info[id as usize];
                    info.flags |= bits;
                    info.place_kind.get_or_insert(place_kind);
                }
                _ => unreachable!("every list kind is handled"),
            }
        }
        self.add_closed_classes();
        Ok(())
    }

    /// Months, weekdays and name particles: closed classes of the language, not lists to extend.
    fn add_closed_classes(&mut self) {
        const MONTHS: &[&str] = &[
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
        ];
        const WEEKDAYS: &[&str] = &[
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ];
        for w in MONTHS {
            let id = self.intern(w);
            self.info[id as usize].flags |= flag::MONTH;
        }
        for w in WEEKDAYS {
            let id = self.intern(w);
            self.info[id as usize].flags |= flag::WEEKDAY;
        }
        for w in PARTICLES {
            let id = self.intern(w);
            self.info[id as usize].flags |= flag::PARTICLE;
        }
    }

    fn intern(&mut self, word: &str) -> u32 {
        let mut buf = String::new();
        fold_word(word, &mut buf);
        if let Some(&id) = self.vocab.get(buf.as_str()) {
            return id;
        }
        let id = self.info.len() as u32;
        self.vocab.insert(buf.into_boxed_str(), id);
        self.info.push(WordInfo::default());
        id
    }

    /// The word ids of a phrase, tokenized as text is.
    fn phrase_words(&mut self, phrase: &str) -> Vec<u32> {
        let mut tokens = Vec::new();
        tokenize(phrase, Span::new(0, phrase.len()), &mut tokens);
        tokens
            .iter()
            .map(|t| self.intern(t.span.of(phrase)))
            .collect()
    }

    fn push_phrase(&mut self, words: Vec<u32>, target: PhraseTarget) {
        let first = words[0];
        self.info[first as usize].flags |= flag::PHRASE_START;
        let p = self.phrases.len() as u32;
        self.phrases.push(Phrase {
            words: words.into_boxed_slice(),
            target,
        });
        let list = self.phrases_by_first.entry(first).or_default();
        list.push(p);
        // Longest first, so the first phrase that matches is the longest.
        let phrases = &self.phrases;
        list.sort_by_key(|&i| std::cmp::Reverse(phrases[i as usize].words.len()));
    }

    /// Registers a name or demonym of one or more words.
    fn add_name(&mut self, name: &str, target: PhraseTarget) {
        let short_caps = name.len() <= 4
            && name
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| c.is_uppercase());
        if short_caps && !name.contains('.') {
            if let PhraseTarget::Entity(id) | PhraseTarget::Demonym(id) = target {
                self.exact.insert(name.into(), id);
            }
            return;
        }
        let words = self.phrase_words(name);
        match (words.as_slice(), target) {
            ([], _) => {}
            ([one], PhraseTarget::Entity(id)) => {
                self.info[*one as usize].entity.get_or_insert(id);
            }
            ([one], PhraseTarget::Demonym(id)) => {
                self.info[*one as usize].demonym.get_or_insert(id);
            }
            _ => self.push_phrase(words, target),
        }
    }

    /// Finds or adds a known entity by kind and name; its name is registered too.
    fn add_known(
        &mut self,
        name: &str,
        kind: EntityKind,
        place_kind: Option<PlaceKind>,
        country: Option<u32>,
    ) -> u32 {
        let key = (kind, crate::names::normalize(name));
        if let Some(&id) = self.known_by_name.get(&key) {
            let known = &mut self.known[id as usize];
            if known.country.is_none() {
                known.country = country;
            }
            // A city first seen as some country's capital may get its proper kind later.
            if place_kind.is_some()
                && (known.place_kind.is_none() || known.place_kind == Some(PlaceKind::City))
            {
                known.place_kind = place_kind;
            }
            return id;
        }
        let id = self.known.len() as u32;
        self.known.push(Known {
            name: name.to_string(),
            kind,
            place_kind,
            country,
            capital: None,
            aliases: Vec::new(),
        });
        self.known_by_name.insert(key, id);
        self.add_name(name, PhraseTarget::Entity(id));
        id
    }

    /// The word id of a token's text, if any list has the word.
    pub fn word_id(&self, word: &str, buf: &mut String) -> Option<u32> {
        fold_word(word, buf);
        self.vocab.get(buf.as_str()).copied()
    }

    /// What the lists say about a word id.
    pub fn info(&self, id: u32) -> &WordInfo {
        &self.info[id as usize]
    }

    /// The entity an all-capital short token names exactly ("US", "UN").
    pub fn exact(&self, text: &str, shape: TokenShape) -> Option<u32> {
        if shape == TokenShape::Upper && text.len() <= 4 {
            self.exact.get(text).copied()
        } else {
            None
        }
    }

    /// The phrases that start with a word id, longest first.
    pub fn phrases_from(&self, first: u32) -> impl Iterator<Item = &Phrase> + '_ {
        self.phrases_by_first
            .get(&first)
            .into_iter()
            .flatten()
            .map(|&i| &self.phrases[i as usize])
    }

    /// The known entity of this kind with this canonical name, if any.
    pub fn known_named(&self, kind: EntityKind, name: &str) -> Option<u32> {
        self.known_by_name
            .get(&(kind, crate::names::normalize(name)))
            .copied()
    }

    /// The capital of the country a known entity is (or belongs to).
    pub fn capital_of(&self, id: u32) -> Option<u32> {
        let known = self.known(id);
        match known.place_kind {
            Some(PlaceKind::Country) => known.capital,
            _ => known.country.and_then(|c| self.known(c).capital),
        }
    }

    /// A known entity.
    pub fn known(&self, id: u32) -> &Known {
        &self.known[id as usize]
    }

    /// The full form of an abbreviated title word ("Gen" -> "General").
    pub fn expansion(&self, word: u32) -> Option<&str> {
        self.expansions.get(&word).map(String::as_str)
    }

    /// A title of several words.
    pub fn title(&self, id: u32) -> TitleInfo {
        self.titles[id as usize]
    }

    /// The number of known entities.
    pub fn known_count(&self) -> usize {
        self.known.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_parse() {
        let lexicon = Lexicon::builtin();
        assert!(lexicon.known_count() > 100);
    }
}
