//! Reading list files into a [`Lexicon`]: one parser per list, each reading the columns its
//! file's header describes.

use super::{
    Cue, Known, Lexicon, LexiconError, NounClass, Phrase, PhraseTarget, Tense, TitleInfo, Verb,
    VerbClass, WordInfo, flag, fold_word,
};
use crate::model::{EntityKind, PlaceKind};
use crate::text::{Boilerplate, Span, tokenize};

/// The lists there are, by the end of their file name (`my-titles.tsv` is a `titles` list).
const LISTS: &[&str] = &[
    "countries",
    "places",
    "organizations",
    "given_names",
    "common_words",
    "titles",
    "verbs",
    "org_words",
    "place_words",
    "cues",
    "calendar",
    "boilerplate",
];

/// The columns of one line of a list, with the place they came from for errors.
struct Row<'t> {
    file: &'t str,
    line: usize,
    cols: Vec<&'t str>,
}

impl<'t> Row<'t> {
    /// Column `i`, trimmed; empty when missing.
    fn col(&self, i: usize) -> &'t str {
        self.cols.get(i).copied().unwrap_or("")
    }

    /// Column `i` as a `|`-separated list.
    fn list(&self, i: usize) -> impl Iterator<Item = &'t str> + use<'t> {
        self.col(i)
            .split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    fn error(&self, message: impl Into<String>) -> LexiconError {
        LexiconError {
            file: self.file.into(),
            line: self.line,
            message: message.into(),
        }
    }
}

impl Lexicon {
    /// Adds the entries of one list file. The file name says which list it is
    /// (`countries.tsv`, `titles.tsv`, `cues.tsv`, ...; a name may carry a prefix:
    /// `my-titles.tsv`).
    pub fn extend(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        let stem = file.trim_end_matches(".tsv").trim_end_matches(".txt");
        let Some(&kind) = LISTS.iter().find(|k| stem.ends_with(*k)) else {
            return Err(LexiconError {
                file: file.into(),
                line: 0,
                message: format!("unknown list: the name must end in {}", LISTS.join(", ")),
            });
        };
        if kind == "boilerplate" {
            self.boilerplate.merge(Boilerplate::parse(text));
            return Ok(());
        }
        for (n, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let row = Row {
                file,
                line: n + 1,
                cols: line.split('\t').map(str::trim).collect(),
            };
            match kind {
                "countries" => self.country_row(&row),
                "places" => self.place_row(&row)?,
                "organizations" => self.organization_row(&row),
                "given_names" => self.given_name_row(&row)?,
                "common_words" => self.add_flags(row.col(0), flag::COMMON),
                "titles" => self.title_row(&row)?,
                "verbs" => self.verb_row(&row)?,
                "org_words" => self.org_word_row(&row)?,
                "place_words" => self.place_word_row(&row)?,
                "cues" => self.cue_row(&row)?,
                "calendar" => self.calendar_row(&row)?,
                _ => unreachable!("every list in LISTS is handled"),
            }
        }
        Ok(())
    }

    /// Columns `country, aliases, demonyms, capital, seats`.
    fn country_row(&mut self, row: &Row) {
        let id = self.add_known(
            row.col(0),
            EntityKind::Place,
            Some(PlaceKind::Country),
            None,
        );
        for alias in row.list(1) {
            self.add_name(alias, PhraseTarget::Entity(id));
            let folded = crate::names::normalize(alias);
            self.known[id as usize].aliases.push(folded);
        }
        for demonym in row.list(2) {
            self.add_name(demonym, PhraseTarget::Demonym(id));
        }
        if !row.col(3).is_empty() {
            let capital = self.add_known(
                row.col(3),
                EntityKind::Place,
                Some(PlaceKind::City),
                Some(id),
            );
            self.known[id as usize].capital = Some(capital);
        }
        self.add_seats(id, row.list(4));
    }

    /// Cities where a country's government or an organisation sits besides a capital.
    fn add_seats<'t>(&mut self, id: u32, seats: impl Iterator<Item = &'t str>) {
        let known = &mut self.known[id as usize].seats;
        for seat in seats {
            if !known.iter().any(|s| s == seat) {
                known.push(seat.to_string());
            }
        }
    }

    /// `place, kind, aliases, country, demonyms`.
    fn place_row(&mut self, row: &Row) -> Result<(), LexiconError> {
        let place_kind = PlaceKind::parse(row.col(1))
            .ok_or_else(|| row.error("kind must be city, region or facility"))?;
        let country = (!row.col(3).is_empty()).then(|| {
            self.add_known(
                row.col(3),
                EntityKind::Place,
                Some(PlaceKind::Country),
                None,
            )
        });
        let id = self.add_known(row.col(0), EntityKind::Place, Some(place_kind), country);
        for alias in row.list(2) {
            self.add_name(alias, PhraseTarget::Entity(id));
        }
        for demonym in row.list(4) {
            self.add_name(demonym, PhraseTarget::Demonym(id));
        }
        Ok(())
    }

    /// `organisation, aliases, country, kind, seat`.
    fn organization_row(&mut self, row: &Row) {
        let country = (!row.col(2).is_empty()).then(|| {
            self.add_known(
                row.col(2),
                EntityKind::Place,
                Some(PlaceKind::Country),
                None,
            )
        });
        let id = self.add_known(row.col(0), EntityKind::Organization, None, country);
        for alias in row.list(1) {
            self.add_name(alias, PhraseTarget::Entity(id));
        }
        self.add_seats(id, row.list(4));
        if row.col(3) == "party" {
            self.known[id as usize].party = true;
        }
    }

    /// `name, gender`.
    fn given_name_row(&mut self, row: &Row) -> Result<(), LexiconError> {
        let gender = match row.col(1) {
            "m" => flag::MALE,
            "f" => flag::FEMALE,
            "u" | "" => 0,
            _ => return Err(row.error("gender must be m, f or u")),
        };
        self.add_flags(row.col(0), flag::GIVEN | gender);
        Ok(())
    }

    /// `phrase, class, gender, full`.
    fn title_row(&mut self, row: &Row) -> Result<(), LexiconError> {
        let class = match row.col(1) {
            "honorific" => flag::HONORIFIC,
            "office" => flag::OFFICE,
            "head" => flag::HEAD | flag::OFFICE,
            "field" => flag::FIELD,
            "prefix" => flag::PREFIX,
            "occupation" => flag::OCCUPATION,
            "relational" => flag::OFFICE | flag::RELATIONAL,
            "postnominal" => flag::POSTNOMINAL,
            _ => {
                return Err(row.error(
                    "class must be honorific, office, head, field, prefix, occupation, relational \
                     or postnominal",
                ));
            }
        };
        let gender = match row.col(2) {
            "m" => flag::MALE,
            "f" => flag::FEMALE,
            _ => 0,
        };
        let words = self.phrase_words(row.col(0));
        if let [one] = words.as_slice() {
            self.info[*one as usize].flags |= class | gender;
            if !row.col(3).is_empty() {
                self.expansions.insert(*one, row.col(3).to_string());
            }
        } else if !words.is_empty() {
            let t = self.titles.len() as u32;
            self.titles.push(TitleInfo {
                flags: class | gender,
            });
            self.push_phrase(words, PhraseTarget::Title(t));
        }
        Ok(())
    }

    /// `form, lemma, class, tense`: a verb form of an event class, or an event noun.
    fn verb_row(&mut self, row: &Row) -> Result<(), LexiconError> {
        let id = self.intern(row.col(0));
        let tense = match row.col(3) {
            "base" => Some(Tense::Base),
            "pres" => Some(Tense::Present),
            "past" => Some(Tense::Past),
            "pp" => Some(Tense::PastParticiple),
            "ing" => Some(Tense::Ing),
            "noun" => None,
            _ => return Err(row.error("tense must be base, pres, past, pp, ing or noun")),
        };
        let info = &mut self.info[id as usize];
        let Some(tense) = tense else {
            info.noun =
                Some(NounClass::parse(row.col(2)).ok_or_else(|| row.error("unknown noun class"))?);
            return Ok(());
        };
        let class = VerbClass::parse(row.col(2)).ok_or_else(|| row.error("unknown verb class"))?;
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
        Ok(())
    }

    /// `word, class`: a word that marks an organisation's name, or a sports team.
    fn org_word_row(&mut self, row: &Row) -> Result<(), LexiconError> {
        let bits = match row.col(1) {
            "head" => flag::ORG_HEAD,
            "suffix" => flag::ORG_SUFFIX | flag::ORG_HEAD,
            "lead" => flag::ORG_LEAD,
            "group" => flag::ORG_GROUP,
            "corporate" => flag::ORG_CORPORATE | flag::ORG_HEAD,
            "adj" => flag::ORG_ADJ,
            "team_word" => flag::TEAM_WORD,
            "team_verb" => flag::TEAM_VERB,
            "sport" => flag::SPORT,
            "opener" => flag::ORG_OPENER,
            "trade" => flag::ORG_TRADE,
            "first" => flag::ORG_FIRST,
            _ => {
                return Err(row
                    .error("class must be head, suffix, corporate, lead, group, trade, adj, opener, first, team_word, team_verb or sport"));
            }
        };
        self.add_flags(row.col(0), bits);
        Ok(())
    }

    /// `word, kind, class`: a word that marks a place's name.
    fn place_word_row(&mut self, row: &Row) -> Result<(), LexiconError> {
        let place_kind = PlaceKind::parse(row.col(1))
            .ok_or_else(|| row.error("kind must be city, region or facility"))?;
        let bits = match row.col(2) {
            "head" => flag::PLACE_HEAD,
            "lead" => flag::PLACE_LEAD,
            "type" => flag::PLACE_TYPE,
            "building" => flag::BUILDING,
            _ => return Err(row.error("class must be head, lead, type or building")),
        };
        let id = self.intern(row.col(0));
        let info = &mut self.info[id as usize];
        info.flags |= bits;
        info.place_kind.get_or_insert(place_kind);
        Ok(())
    }

    /// `word, class`: a cue word the event rules read.
    fn cue_row(&mut self, row: &Row) -> Result<(), LexiconError> {
        let Some(cue) = Cue::parse(row.col(1)) else {
            let names: Vec<&str> = Cue::ALL.iter().map(|c| c.name()).collect();
            return Err(row.error(format!("class must be one of {}", names.join(", "))));
        };
        match cue {
            Cue::Particle => self.add_flags(row.col(0), flag::PARTICLE),
            Cue::Abbreviation => {
                self.abbreviations.insert(row.col(0).into());
                return Ok(());
            }
            Cue::SentenceOpener => {
                self.openers.insert(row.col(0).into());
                return Ok(());
            }
            _ => {}
        }
        let id = self.intern(row.col(0));
        self.info[id as usize].cues |= cue.bit();
        Ok(())
    }

    /// `word, class, number`: a month (1 to 12) or a weekday (1 for Monday to 7).
    fn calendar_row(&mut self, row: &Row) -> Result<(), LexiconError> {
        let number: u8 = row
            .col(2)
            .parse()
            .map_err(|_| row.error("the number must be a whole number"))?;
        let id = self.intern(row.col(0));
        let info = &mut self.info[id as usize];
        match row.col(1) {
            "month" if (1..=12).contains(&number) => {
                info.flags |= flag::MONTH;
                info.month = number;
            }
            "weekday" if (1..=7).contains(&number) => {
                info.flags |= flag::WEEKDAY;
                info.weekday = number;
            }
            "month" | "weekday" => return Err(row.error("months are 1 to 12, weekdays 1 to 7")),
            _ => return Err(row.error("class must be month or weekday")),
        }
        Ok(())
    }

    /// Sets flag bits on a word.
    fn add_flags(&mut self, word: &str, bits: u32) {
        let id = self.intern(word);
        self.info[id as usize].flags |= bits;
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
            seats: Vec::new(),
            party: false,
            aliases: Vec::new(),
        });
        self.known_by_name.insert(key, id);
        self.add_name(name, PhraseTarget::Entity(id));
        id
    }
}
