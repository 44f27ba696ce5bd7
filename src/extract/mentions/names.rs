//! Names without a title: runs of capitalised words, known names from the word lists, and what
//! a name's own words and neighbours say of its type.

use super::titles::keeps_honorific;
use super::{CONNECTORS, Cand, CandKind, OPENING_WORDS, Scanner, hint};
use crate::lexicon::flag;
use crate::model::{EntityKind, PlaceKind};
use crate::text::TokenShape;

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
    /// The end of a run of name words starting at `i`.
    pub(super) fn name_run(&self, i: usize) -> Option<usize> {
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
                // "Tom Hale QC": letters after a name are no part of it.
                if doc.shape(k) == TokenShape::Upper && self.info(k).has(flag::POSTNOMINAL) {
                    break;
                }
                k += 1;
                continue;
            }
            // A company named after its founders: "Merrill Lynch and Co Inc", "Smith & Co".
            if (doc.is(k, "and") || doc.s(k) == "&")
                && self.capital(k + 1)
                && self.info(k + 1).has(flag::ORG_SUFFIX)
            {
                k += 2;
                continue;
            }
            if let Some(end) = self.joined_by_and(i, k) {
                k = end;
                continue;
            }
            if k == i + 1 && self.nickname_after_given(i) {
                k += 4;
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
        Some(self.founders_list_end(k).unwrap_or(k))
    }

    /// True when a nickname in quotes and a surname follow the given name at `i`: John "Bud"
    /// Frazier.
    fn nickname_after_given(&self, i: usize) -> bool {
        self.info(i).has(flag::GIVEN)
            && self.doc.quote_mark(i + 1)
            && self.capital(i + 2)
            && self.doc.quote_mark(i + 3)
            && self.name_word(i + 4)
            && !self.info(i + 4).has(flag::COMMON)
    }

    /// "Kidder, Peabody and Co", "Merrill Lynch, Pierce, Fenner and Smith Inc": after a name
    /// that ends at `k`, more names in a list closed by "and" and a legal form make one
    /// company's name. Where that name ends, or `None`.
    fn founders_list_end(&self, k: usize) -> Option<usize> {
        let doc = self.doc;
        let mut j = k;
        for _ in 0..4 {
            if !(doc.punct(j, &[","]) && self.capital(j + 1)) {
                return None;
            }
            j += 1;
            while j < self.end && self.capital(j) && !self.info(j).has(flag::ORG_SUFFIX) {
                j += 1;
            }
            if doc.is(j, "and") || doc.s(j) == "&" {
                let mut m = j + 1;
                while m < self.end && m < j + 4 && self.capital(m) {
                    m += 1;
                }
                return (m > j + 1 && self.info(m - 1).has(flag::ORG_SUFFIX)).then_some(m);
            }
        }
        None
    }

    /// 2-4. A known name, a demonym, or a run of capitalised words at `i`.
    pub(super) fn name_or_known(&mut self, i: usize) -> Option<usize> {
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
        let sentence_start = doc.capital_by_position(i);
        let run_end = if sentence_start && self.info(i).has(flag::COMMON) && known.is_none() {
            // A common word opening a sentence starts a name only before another name word that
            // is not itself common: "General Motors", not "Officials Kerry met".
            // "Standard Oil Co said": nor when the run ends in a legal form.
            // "First Union Real Estate Investments said", "Public Service Co of New Mexico
            // said": nor when a word that often opens one starts a run with an organisation's
            // word in it.
            let company = || {
                self.name_run(i).is_some_and(|end| {
                    end > i + 1
                        && (self.info(end - 1).has(flag::ORG_SUFFIX)
                            || self.info(i).has(flag::ORG_OPENER)
                                && doc.shape(i) == TokenShape::Capitalized
                                && (i + 1..end).any(|k| self.info(k).has(flag::ORG_HEAD)))
                })
            };
            if (self.name_word(i + 1)
                && !self.info(i + 1).has(flag::COMMON)
                && self.known_at(i + 1).is_none()
                || company())
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
    pub(super) fn lower_place_head(&self, k: usize) -> Option<usize> {
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

    /// True when the place word at `k` is also a surname ("Anthony Hill", "Tom Hall").
    pub(super) fn surname_head(&self, k: usize) -> bool {
        self.doc.is_any(
            k,
            &[
                "hill", "hills", "house", "hall", "park", "castle", "heights", "bridge",
            ],
        )
    }

    /// The type of a capitalised run from its own words and its neighbours.
    pub(super) fn classify_run(&self, from: usize, to: usize) -> CandKind {
        let doc = self.doc;
        let first = self.info(from);
        let last = self.info(to - 1);
        if last.has(flag::ORG_HEAD) && doc.capitalized(to - 1) && to - from >= 2 {
            return CandKind::Typed(EntityKind::Organization, None);
        }
        // "Gruppo Ferruzzi", "Banco Central": a first word other languages open companies with.
        if first.has(flag::ORG_FIRST)
            && doc.shape(from) == TokenShape::Capitalized
            && to - from >= 2
        {
            return CandKind::Typed(EntityKind::Organization, None);
        }
        if first.has(flag::ORG_LEAD)
            && to - from >= 3
            && (from..to).any(|k| doc.is_any(k, &["of", "for"]))
        {
            return CandKind::Typed(EntityKind::Organization, None);
        }
        // "Federal Savings and Loan Association of Brooksville": an organisation's head word
        // before the "of" of a long name.
        if to - from >= 4
            && (from + 1..to).any(|k| {
                self.info(k).has(flag::ORG_HEAD) && doc.capitalized(k) && doc.is(k + 1, "of")
            })
        {
            return CandKind::Typed(EntityKind::Organization, None);
        }
        // "Spaso House", "Red Square" are places; "Anthony Hill" is a person: a given name
        // before a head that is also a surname.
        let surname_head = self.surname_head(to - 1);
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
    pub(super) fn group_noun_after(&self, to: usize) -> bool {
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

    pub(super) fn hints(&self, from: usize, to: usize) -> u8 {
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
        // "(Nationair) said it plans": a name in round brackets opening its sentence is the
        // wire's mark of a company, as angle brackets are.
        let opening_bracket = from > 0
            && doc.punct(from - 1, &["("])
            && doc.punct(to, &[")"])
            && doc.starts_sentence(from - 1);
        // "Kerry said", "Kerry will meet", "Mallon has toured": the subject of an event verb.
        let mut v = if opening_bracket { to + 1 } else { to };
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
            // "Gencorp said its unit ...": a company speaks of its own.
            if doc.is(v + 1, "its") || self.company_act_after(v + 1) {
                hints |= hint::COMPANY;
            }
        }
        // (A word left over after a known name, "Airbus Industrie, the European maker,", is
        // a piece of that name.)
        let after_a_name = from > 0
            && matches!(
                doc.shape(from - 1),
                TokenShape::Capitalized | TokenShape::Upper
            )
            && !doc.starts_sentence(from - 1);
        if !after_a_name && self.company_apposition(to) {
            hints |= hint::COMPANY;
        }
        // "GenCorp <GY>", "<Asturiana de Zinc>": the wire marks companies with angle brackets.
        let ticker = doc.punct(to, &["<"])
            && doc.shape(to + 1) == TokenShape::Upper
            && doc.punct(to + 2, &[">"]);
        let bracketed = from > 0 && doc.punct(from - 1, &["<"]) && doc.punct(to, &[">"]);
        // ("(C) said" marks an item of a list; "(REAGAN)", a heading.)
        let opening_bracket = opening_bracket
            && hints & hint::SPEECH_AFTER != 0
            && doc.s(from).len() > 2
            && !doc.is_shouting(from);
        if ticker || bracketed || opening_bracket {
            hints |= hint::COMPANY;
        }
        if to < self.end && doc.tok(to).shape == TokenShape::Clitic {
            hints |= hint::POSSESSIVE;
        }
        if (from..to).any(|k| self.info(k).has(flag::PARTICLE) || lower_name(doc.s(k))) {
            hints |= hint::PARTICLE;
        }
        hints
    }
}

impl Scanner<'_, '_> {
    /// The end of a name that goes on past "and" at `k` (the run began at `i`): common words
    /// joined by "and" in a name an organisation's word ends, "Coast Savings and Loan
    /// Association", "Research and Development Corp"; a company named after two founders,
    /// "Haarmann and Reimer Corp".
    fn joined_by_and(&self, i: usize, k: usize) -> Option<usize> {
        let doc = self.doc;
        if !doc.is(k, "and") || !self.capital(k + 1) {
            return None;
        }
        if self.info(k - 1).any(flag::COMMON | flag::ORG_HEAD)
            && self.info(k + 1).any(flag::COMMON | flag::ORG_HEAD)
            && !self.info(k - 1).has(flag::ORG_SUFFIX)
            && self.known_at(i).is_none_or(|m| m.end != k)
            && self.known_at(k + 1).is_none()
            && let Some(end) = self.name_run(k + 1)
            && (k + 2..end).any(|x| self.info(x).any(flag::ORG_HEAD | flag::ORG_SUFFIX))
            // (Two bodies: "the Interim Committee and Development Committee".)
            && !doc.s(end - 1).eq_ignore_ascii_case(doc.s(k - 1))
        {
            return Some(end);
        }
        if k == i + 1 && self.founders_pair(i) {
            return self.name_run(k + 1);
        }
        None
    }

    /// True when the one word at `i`, then "and", open a company named after two founders or
    /// places: "Haarmann and Reimer Corp", "Chesapeake and Potomac Telephone Co", "Marshall
    /// and Ilsley Corp". The name after "and" ends in a legal form and is no known name, and
    /// the word is no common word, given name or known name, nor one of two parties
    /// ("between Texaco and Pennzoil Co", "both X and Y Inc") or of a list ("Ford, Chrysler
    /// and American Motors Corp").
    fn founders_pair(&self, i: usize) -> bool {
        let doc = self.doc;
        let k = i + 1;
        // Two places open one too, before more words: "Chesapeake and Potomac Telephone Co".
        let place = |j: usize| {
            self.known_at(j).map(|m| {
                m.end == j + 1 && (m.demonym || doc.lex.known(m.id).kind == EntityKind::Place)
            })
        };
        let known = match (place(i), place(k + 1)) {
            (None, None) => false,
            (Some(a), Some(b)) => !(a && b && self.name_word(k + 2)),
            _ => true,
        };
        // ("KeyCorp and Banc One Corp": a word with a capital inside is a company's own.)
        let inner_capital = doc.s(i).chars().skip(1).any(char::is_uppercase);
        if self.info(i).any(flag::GIVEN | flag::ORG_SUFFIX)
            || inner_capital
            || self.info(i).has(flag::COMMON) && place(i).is_none()
            || doc.shape(i) != TokenShape::Capitalized
            || known
            || i > 0
                && (doc.is_any(
                    i - 1,
                    &[
                        "between",
                        "both",
                        "and",
                        "&",
                        "including",
                        "among",
                        "like",
                        "as",
                    ],
                ) || doc.punct(i - 1, &[","]))
            || !self.capital(k + 1)
        {
            return false;
        }
        // ("Seemala and Boesky and Co": the second is a founders' name of its own.)
        self.name_run(k + 1).is_some_and(|end| {
            self.info(end - 1).has(flag::ORG_SUFFIX)
                && !(k + 1..end).any(|x| doc.is(x, "and") || doc.s(x) == "&")
        })
    }

    /// True when "it" at `k`, after a verb of saying, goes on to do what companies do: "River
    /// Oaks said it will place a note", "said it bought", "said it expects", "said it has
    /// acquired". What is said of "it" ("said it was important", "said it would be", "said it
    /// appears") says nothing of the speaker, nor does "would" (an opinion, "said it would
    /// help").
    fn company_act_after(&self, k: usize) -> bool {
        let doc = self.doc;
        if !doc.is(k, "it") {
            return false;
        }
        let mut v = k + 1;
        if doc.is(v, "also") {
            v += 1;
        }
        let aux = doc.is_any(v, &["has", "had", "will"]);
        if aux {
            v += 1;
        }
        if v >= self.end || doc.shape(v) != TokenShape::Lower || doc.is_any(v, NOT_A_COMPANY_ACT) {
            return false;
        }
        let word = doc.s(v);
        aux || word.ends_with("ed")
            || doc.is_any(v, &["bought", "sold", "paid", "won", "lost"])
            || word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")
    }

    /// True when an apposition after the name at `to` says it is a company: "Glatfelter, a
    /// printing and writing paper maker,", "X, a unit of Y,", "X, the largest U.S. steel
    /// producer,". The apposition's head, a group or business noun (`group` and `trade` in
    /// `org_words.tsv`), ends it or comes before "of", "based" or a comma.
    fn company_apposition(&self, to: usize) -> bool {
        let doc = self.doc;
        if !(doc.punct(to, &[","]) && doc.is_any(to + 1, &["a", "an", "the"])) {
            return false;
        }
        let end = (to + 10).min(self.end);
        (to + 2..end)
            .take_while(|&k| !doc.punct(k, &[",", ";", "(", ")"]) && !doc.is_any(k, FUNCTION_WORDS))
            .any(|k| {
                doc.shape(k) == TokenShape::Lower
                    && self.info(k).any(flag::ORG_GROUP | flag::ORG_TRADE)
                    && (k + 1 >= self.end
                        || doc.tok(k + 1).shape == TokenShape::Punct
                        || doc.is_any(k + 1, &["of", "based", "that", "which"]))
            })
    }
}

/// Words after "said it" that say what "it" is or seems, not what a company does.
const NOT_A_COMPANY_ACT: &[&str] = &[
    "was",
    "is",
    "has",
    "does",
    "appears",
    "seems",
    "remains",
    "needs",
    "means",
    "looks",
    "makes",
    "gives",
    "shows",
    "reflects",
    "represents",
    "indicates",
    "suggests",
    "proves",
    "says",
    "helps",
    "depends",
    "tends",
    "contains",
    "requires",
    "involves",
    "deserves",
    "matters",
    "showed",
    "seemed",
    "appeared",
    "remained",
    "needed",
    "meant",
    "looked",
    "reflected",
    "represented",
    "indicated",
    "suggested",
    "proved",
    "helped",
    "depended",
    "required",
    "involved",
    "deserved",
    "mattered",
    "happened",
    "been",
    "not",
    "never",
    "be",
    "no",
    "to",
    "a",
    "an",
    "the",
    "also",
    "already",
    "just",
    "still",
    "yet",
    "always",
    "believes",
    "believed",
    "hoped",
    "feared",
    "thinks",
    "felt",
    "takes",
    "took",
    "caused",
    "causes",
    "worked",
    "works",
    "failed",
    "fails",
    "succeeded",
    "came",
    "comes",
    "goes",
    "went",
    "sounds",
    "sounded",
    "amounted",
    "amounts",
    "explains",
    "explained",
    "concerned",
    "concerns",
    "affected",
    "affects",
];

/// "al-Assad", "bin-Laden", "d'Ivoire": a lower-case particle joined to a capitalised name.
pub(super) fn lower_name(s: &str) -> bool {
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
pub(super) fn lower_tail(s: &str) -> bool {
    s.rsplit_once('-')
        .is_some_and(|(_, tail)| tail.len() >= 3 && tail.chars().all(|c| c.is_ascii_lowercase()))
}

/// "Doo-hwan", "Il-sung", "Tae-woo": a given name of two short syllables joined by a hyphen,
/// which no "-led" or "-based" tail is.
pub(super) fn syllable_pair(s: &str) -> bool {
    s.split_once('-').is_some_and(|(head, tail)| {
        (1..=4).contains(&head.len())
            && (2..=4).contains(&tail.len())
            && tail.chars().all(|c| c.is_ascii_lowercase())
            && !tail.ends_with("ed")
    })
}
