//! The word lists the extractor reads, parsed once: countries, places, organisations, given
//! names, common words, titles, event verbs and cue words. They are plain files in
//! `data/lexicon/`, embedded in the binary, and a user can add entries of their own with
//! [`Lexicon::extend`].
//!
//! Every word of every list is interned once; a token is looked up with one hash probe and gets
//! back a [`WordInfo`] with everything the lists say about it: what sort of name it may be part
//! of ([`flag`]), which cue classes the event rules read it as ([`Cue`]), its verb or event
//! noun class, and its month or weekday number. Entries of several words are [`Phrase`]s, found
//! by their first word.

pub mod former;
mod load;

use rustc_hash::FxHashMap;

use crate::model::{EntityKind, PlaceKind};
use crate::text::{Boilerplate, TokenShape};

/// A built-in list file: its name and text.
pub type Source = (&'static str, &'static str);

/// The lists built into the binary.
pub const BUILTIN: &[Source] = &[
    (
        "countries.tsv",
        include_str!("../../data/lexicon/countries.tsv"),
    ),
    ("places.tsv", include_str!("../../data/lexicon/places.tsv")),
    (
        "organizations.tsv",
        include_str!("../../data/lexicon/organizations.tsv"),
    ),
    (
        "given_names.tsv",
        include_str!("../../data/lexicon/given_names.tsv"),
    ),
    (
        "common_words.txt",
        include_str!("../../data/lexicon/common_words.txt"),
    ),
    ("titles.tsv", include_str!("../../data/lexicon/titles.tsv")),
    ("verbs.tsv", include_str!("../../data/lexicon/verbs.tsv")),
    (
        "org_words.tsv",
        include_str!("../../data/lexicon/org_words.tsv"),
    ),
    (
        "place_words.tsv",
        include_str!("../../data/lexicon/place_words.tsv"),
    ),
    ("cues.tsv", include_str!("../../data/lexicon/cues.tsv")),
    (
        "calendar.tsv",
        include_str!("../../data/lexicon/calendar.tsv"),
    ),
    (
        "boilerplate.txt",
        include_str!("../../data/lexicon/boilerplate.txt"),
    ),
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
    /// The last word of a building's name that may stand for the institution in it: Street,
    /// House, Palace ("in Downing Street", "at Lancaster House").
    pub const BUILDING: u32 = 1 << 25;
    /// A company's legal form, last in its name: Inc, Corp, Ltd, PLC, AG. A person's name never
    /// ends in one, and the name without it is the same company's.
    pub const ORG_SUFFIX: u32 = 1 << 26;
    /// A word that, last before a company's legal form, says what kind of company it is:
    /// Group, Holdings. The name without it is still the company's ("Dixons" for "Dixons
    /// Group PLC").
    pub const ORG_CORPORATE: u32 = 1 << 27;
    /// Letters written after a person's name and no part of it: QC, OBE.
    pub const POSTNOMINAL: u32 = 1 << 28;
    /// A common word that often opens an organisation's name: First, Southern, Public.
    /// Opening a sentence, it is the name's first word when the name ends in an organisation's
    /// word ("First Union Real Estate Investments said"), not an adjective before it.
    pub const ORG_OPENER: u32 = 1 << 29;
    /// maker, unit, insurer: a noun of business that, heading an apposition, says the name
    /// before it is a company's ("Acme, a paper maker, said").
    pub const ORG_TRADE: u32 = 1 << 30;
    /// Gruppo, Banco, Compagnie: a word that, first in a name of two or more words, says it
    /// is an organisation's ("Gruppo Ferruzzi", "Banco Central").
    pub const ORG_FIRST: u32 = 1 << 31;
}

/// Declares [`Cue`] from one table: each class's name in `cues.tsv`, its bit, and what the
/// rules read it for.
macro_rules! cues {
    ($($(#[$doc:meta])* $variant:ident = $name:literal,)*) => {
        /// A class of cue words the event rules read, from `cues.tsv`. A word may be in several.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Cue {
            $($(#[$doc])* $variant,)*
        }

        impl Cue {
            /// Every class, in the order of the table.
            pub const ALL: &[Cue] = &[$(Cue::$variant,)*];

            /// The class's name in `cues.tsv`.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Cue::$variant => $name,)*
                }
            }
        }
    };
}

cues! {
    /// A preposition: a name after one is governed, not a subject ("with", "in", "for").
    Preposition = "preposition",
    /// A determiner or possessive passed over before a name ("the", "his").
    Determiner = "determiner",
    /// An adjective passed over before a name ("former", "visiting").
    Qualifier = "qualifier",
    /// A word that opens another clause ("that", "which", "but").
    ClauseWord = "clause_word",
    /// Before a trigger, makes its event planned ("will", "likely", "going"); verbs of the
    /// class `plan` in `verbs.tsv` do too.
    Planned = "planned",
    /// Before a trigger, asks for its event, which is then none yet ("will seek a meeting
    /// with", "suggested holding talks with", "urged him to visit").
    AskedFor = "asked_for",
    /// After an event noun, makes it planned ("The talks will ...", "... due ...").
    PlannedAfter = "planned_after",
    /// Before a trigger, makes its event reported ("reportedly", "allegedly").
    Reported = "reported",
    /// Before a trigger, denies its event ("not", "never"); verbs of the class `refuse` in
    /// `verbs.tsv` do too.
    Negation = "negation",
    /// After a trigger, calls its event off ("postponed", "scrapped").
    CalledOff = "called_off",
    /// A noun too vague to be a topic alone ("matter", "issue").
    VagueNoun = "vague_noun",
    /// A pronoun or auxiliary: a phrase with one is a clause, not a topic ("we", "can").
    NotTopic = "not_topic",
    /// An adverb dropped at the start of a topic ("mainly", "especially").
    TopicAdverb = "topic_adverb",
    /// A word of number: a phrase of only these is an amount, not a topic ("two", "dozens").
    NumberWord = "number_word",
    /// A plural noun for people that "two" or "both" make a pair of ("leaders", "ministers").
    PairNoun = "pair_noun",
    /// Whom one speaks to, before "in"/"at" and a place ("an audience", "reporters").
    Audience = "audience",
    /// An adverb after a verb that takes no object ("again", "privately").
    AdverbAfter = "adverb_after",
    /// A particle that joins a name to a surname ("de", "al", "van").
    Particle = "particle",
    /// A preposition that opens a sentence with a phrase before its subject ("After talks with
    /// X, Y said").
    PhraseOpener = "phrase_opener",
    /// An abbreviation whose full stop ends no sentence ("Mr", "Sen"); matched as written.
    Abbreviation = "abbreviation",
    /// A word that typically opens a sentence, so ends one after an initialism ("The", "He");
    /// matched as written.
    SentenceOpener = "sentence_opener",
    /// A title a monarch or royal goes by before a given name ("King Hussein", "Prince
    /// Charles"): the name after it is no surname, so it joins no one by surname.
    Royal = "royal",
    /// A participle of owning or running after a name, which then qualifies the name after it
    /// ("the Government owned First Autoworks", "a Jacobs controlled company").
    Owning = "owning",
    /// A noun that a name right before it qualifies ("the NASDAQ capital requirements", "the
    /// Greenspan appointment"): the name is not what is met or visited.
    QualifiedNoun = "qualified_noun",
    /// A word before a noun of talks that says how, when, at what level or by whom they were
    /// held, not what about ("lengthy", "bilateral", "two-day", "board"): no topic.
    EventAdjective = "event_adjective",
}

impl Cue {
    /// Parses a class name of `cues.tsv`.
    pub fn parse(name: &str) -> Option<Cue> {
        Cue::ALL.iter().copied().find(|c| c.name() == name)
    }

    /// The class's bit in [`WordInfo::cues`].
    pub const fn bit(self) -> u32 {
        1 << self as u32
    }
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
    /// left, departed: a place one was in ("left Bonn"), or for one ("left for Moscow").
    Leave,
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

impl VerbClass {
    /// Parses a class name of `verbs.tsv`.
    pub fn parse(name: &str) -> Option<VerbClass> {
        Some(match name {
            "meet" => VerbClass::Meet,
            "receive" => VerbClass::Receive,
            "see" => VerbClass::See,
            "talk" => VerbClass::Talk,
            "discuss" => VerbClass::Discuss,
            "visit" => VerbClass::Visit,
            "arrive" => VerbClass::Arrive,
            "go" => VerbClass::Go,
            "leave" => VerbClass::Leave,
            "be" => VerbClass::Be,
            "say" => VerbClass::Say,
            "light" => VerbClass::Light,
            "plan" => VerbClass::Plan,
            "phone" => VerbClass::Phone,
            "refuse" => VerbClass::Refuse,
            _ => return None,
        })
    }
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

impl NounClass {
    /// Parses a noun class name of `verbs.tsv`.
    pub fn parse(name: &str) -> Option<NounClass> {
        Some(match name {
            "meet_noun" => NounClass::Meet,
            "meal" => NounClass::Meal,
            "visit_noun" => NounClass::Visit,
            "agenda_noun" => NounClass::Agenda,
            "speech_noun" => NounClass::Speech,
            "phone_noun" => NounClass::Phone,
            _ => return None,
        })
    }
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
    /// [`Cue`] bits.
    pub cues: u32,
    /// For a month's name: its number, 1 to 12; else 0.
    pub month: u8,
    /// For a weekday's name: its number, 1 (Monday) to 7; else 0.
    pub weekday: u8,
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

    /// True when the word is in the cue class.
    pub const fn is(&self, cue: Cue) -> bool {
        self.cues & cue.bit() != 0
    }
}

/// What the lists say about a word no list has.
static NO_INFO: WordInfo = WordInfo {
    flags: 0,
    entity: None,
    demonym: None,
    verb: None,
    noun: None,
    place_kind: None,
    cues: 0,
    month: 0,
    weekday: 0,
};

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
    /// Other cities where a country's government or an organisation sits: a capital of the
    /// archive's years (Lagos for Nigeria, Bonn for West Germany), a central bank's city
    /// (Frankfurt for the Bundesbank). Someone holding an office there is at home there.
    pub seats: Vec<String>,
    /// A political party: its members' offices sit in no capital (a Labour MP in London is
    /// there for something), only in the seats the list names.
    pub party: bool,
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
    /// Abbreviations whose full stop ends no sentence, as written.
    abbreviations: rustc_hash::FxHashSet<Box<str>>,
    /// Words that typically open a sentence, as written.
    openers: rustc_hash::FxHashSet<Box<str>>,
}

impl crate::text::SentenceWords for Lexicon {
    fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    fn opens_sentence(&self, word: &str) -> bool {
        self.openers.contains(word)
    }
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

    /// What the lists say about a word as written (folded for lookup).
    pub fn word_info(&self, word: &str) -> &WordInfo {
        let mut buf = String::new();
        match self.word_id(word, &mut buf) {
            Some(id) => self.info(id),
            None => &NO_INFO,
        }
    }

    /// True when the word is a name particle ("de", "al", "van").
    pub fn is_particle(&self, word: &str) -> bool {
        self.word_info(word).is(Cue::Particle)
    }

    /// The known entity of this kind with this canonical name, if any.
    pub fn known_named(&self, kind: EntityKind, name: &str) -> Option<u32> {
        self.known_by_name
            .get(&(kind, crate::names::normalize(name)))
            .copied()
    }

    /// The country a known entity is (or belongs to).
    pub fn country_of(&self, id: u32) -> Option<u32> {
        let known = self.known(id);
        match known.place_kind {
            Some(PlaceKind::Country) => Some(id),
            _ => known.country,
        }
    }

    /// The capital of the country a known entity is (or belongs to).
    pub fn capital_of(&self, id: u32) -> Option<u32> {
        let known = self.known(id);
        match known.place_kind {
            Some(PlaceKind::Country) => known.capital,
            _ => known.country.and_then(|c| self.known(c).capital),
        }
    }

    /// True when `city` is where the known entity `id` sits: the capital of its country, or
    /// one of its own seats or its country's ("Frankfurt" for the Bundesbank, "Lagos" for
    /// Nigeria). A party sits only in its own seats.
    pub fn sits_in(&self, id: u32, city: &str) -> bool {
        let own = |k: u32| self.known(k).seats.iter().any(|s| s == city);
        if self.known(id).party {
            return own(id);
        }
        self.capital_of(id)
            .is_some_and(|c| self.known(c).name == city)
            || own(id)
            || self.country_of(id).is_some_and(own)
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
