//! Where an event took place: "in P" / "at P" after its participants, a building standing for
//! its institution ("at the Kremlin"), and the city a facility is named after.

use super::CLAUSE_BREAKS;
use super::{Events, Sent};
use crate::extract::entities::{Ref, RefKind};
use crate::lexicon::former::{before_country, former, joined_later};
use crate::lexicon::{Cue, flag};
use crate::model::{EntityId, EntityKind, PlaceKind, Role};
use crate::names::normalize;
use crate::text::TokenShape;

impl Events<'_, '_> {
    /// The place a meeting took place at: "in P" / "at P" after its participants.
    pub(super) fn meeting_place(&self, sent: Sent, after: usize) -> Option<EntityId> {
        let doc = self.doc;
        let mut j = after;
        let limit = (after + 8).min(sent.end);
        while j < limit {
            if doc.punct(j, CLAUSE_BREAKS)
                || doc.punct(j, &[".", ","])
                || doc.is_any(
                    j,
                    &[
                        "which", "who", "before", "after", "when", "while", "but", "ahead", "to",
                    ],
                )
            {
                return None;
            }
            if doc.is_any(j, &["in", "at"]) {
                // Only the first place phrase counts: "receives Kerry in Kremlin ahead of a
                // meeting in New York" is not about New York.
                return self.place_at(j + 1, doc.is(j, "at"));
            }
            // "met X on Monday in Paris", "for talks in Moscow", "on the platform at
            // Sunderland station"; but "through its embassy in Washington", "goals set in
            // Paris": a place after another word is that word's.
            let determined =
                (j.saturating_sub(2).max(after)..j).any(|d| doc.cue(d, Cue::Determiner));
            if !(self.may_come_before_a_place(j) || determined && doc.shape(j) == TokenShape::Lower)
            {
                return None;
            }
            j += 1;
        }
        None
    }

    /// True when the place named by `r` qualifies the noun after it ("U.S. government bond
    /// prices", "London stock markets", "a U.S. Air Force plane").
    pub(super) fn qualifies_a_noun(&self, r: &Ref) -> bool {
        self.noun_modifier(r) || self.doc.is_any(r.to, QUALIFIED_BY_A_PLACE)
    }

    /// True when the word at `j` may stand between a meeting and its place: a word of when
    /// ("on Monday", "last week", "the next day"), an adverb, or a meeting noun ("for talks").
    fn may_come_before_a_place(&self, j: usize) -> bool {
        let doc = self.doc;
        let info = doc.info(j);
        info.any(flag::WEEKDAY | flag::MONTH)
            || info.noun.is_some()
            || doc.cue(j, Cue::AdverbAfter)
            || doc.cue(j, Cue::NumberWord)
            || doc.cue(j, Cue::Determiner)
            || doc.shape(j) == TokenShape::Lower && doc.s(j).ends_with("ly")
            || doc.s(j).bytes().all(|b| b.is_ascii_digit())
            || doc.is_any(
                j,
                &[
                    "on",
                    "last",
                    "this",
                    "next",
                    "week",
                    "weekend",
                    "month",
                    "year",
                    "day",
                    "days",
                    "morning",
                    "afternoon",
                    "evening",
                    "night",
                    "for",
                    "again",
                    "also",
                    "then",
                    "later",
                    "earlier",
                    "separately",
                    "together",
                    "privately",
                ],
            )
    }

    /// The place named at `x` (after "in"/"at"): "the Kremlin" (an organisation stands for its
    /// building after "at the", or when its name is a building's: "Downing Street"), and "the
    /// Black Sea resort of Sochi" is Sochi.
    pub(super) fn place_at(&self, mut x: usize, at: bool) -> Option<EntityId> {
        let doc = self.doc;
        let the = doc.is(x, "the");
        if the {
            x += 1;
        }
        // "the mountain resort of Hakone": a place word and "of" before the name.
        if self.ref_starting(x).is_none() {
            let mut y = x;
            while y < x + 3 && doc.shape(y) == TokenShape::Lower && !doc.is(y, "of") {
                y += 1;
            }
            if y > x && doc.is(y, "of") && doc.info(y - 1).has(flag::PLACE_TYPE) {
                return self
                    .ref_starting(y + 1)
                    .filter(|r| self.place(r))
                    .map(|r| r.entity);
            }
            return None;
        }
        let r = self.ref_starting(x)?;
        // "at the Kremlin", and in or at a building that names an institution ("in Downing
        // Street", "at Lancaster House").
        // (Not "at the Association's annual convention": the body owns the event there.)
        let building = r.kind == RefKind::Name
            && self.kind(r) == EntityKind::Organization
            && !(r.to < doc.tokens.len() && doc.tok(r.to).shape == TokenShape::Clitic)
            && (at && the || { doc.info(r.to - 1).has(flag::BUILDING) });
        let place = self.place(r) || building;
        if !place {
            return None;
        }
        // "resort of Sochi", "port city of Vladivostok"
        let mut y = r.to;
        while y < r.to + 3 && doc.shape(y) == TokenShape::Lower && !doc.is(y, "of") {
            y += 1;
        }
        if y > r.to
            && doc.is(y, "of")
            && doc.info(y - 1).has(flag::PLACE_TYPE)
            && let Some(inner) = self.ref_starting(y + 1)
            && self.place(inner)
        {
            return Some(inner.entity);
        }
        Some(r.entity)
    }

    /// The city or region a facility is named after ("Sunderland station" -> Sunderland).
    pub(super) fn containing_place(&self, facility: EntityId) -> Option<EntityId> {
        let f = &self.entities[facility];
        if f.place_kind != Some(PlaceKind::Facility) {
            return None;
        }
        let name = f.name.to_lowercase();
        (0..self.entities.len()).find(|&e| {
            let c = &self.entities[e];
            e != facility
                && c.kind == EntityKind::Place
                && matches!(c.place_kind, Some(PlaceKind::City | PlaceKind::Region))
                && name
                    .strip_prefix(&c.name.to_lowercase())
                    .is_some_and(|rest| rest.starts_with(' ') || rest.starts_with("'s"))
        })
    }

    /// The country a city, region or facility named here is in, by the word lists ("Washington"
    /// -> the United States), when `visitor` is known to be from another country (a role of
    /// Canada's: a foreign visit; a British minister in Edinburgh visits no country): the
    /// document's own entity for it, or one made for it.
    pub(super) fn foreign_country_of(
        &mut self,
        place: EntityId,
        visitor: EntityId,
    ) -> Option<EntityId> {
        let p = self.entities.get(place)?;
        if p.kind != EntityKind::Place || p.place_kind == Some(PlaceKind::Country) {
            return None;
        }
        let lex = self.doc.lex;
        let id = lex.known_named(EntityKind::Place, &p.name)?;
        let country = lex.known(lex.known(id).country?);
        let home = self.home_countries(visitor);
        if home.is_empty() || home.contains(&country.name.as_str()) {
            return None;
        }
        // An article that names the Soviet Union or West Germany, or was written before they
        // ended, knows Moscow in no Russia and Bonn in no Germany of today: the city stays its
        // own.
        let named_former = self.entities.iter().any(|e| {
            e.kind == EntityKind::Place
                && former(&normalize(&e.name)).is_some_and(|f| f.holds(&country.name))
        });
        let written_before = self.dates.doc_date().is_some_and(|day| {
            before_country(&country.name, day) || joined_later(&lex.known(id).name, day)
        });
        if named_former || written_before {
            return None;
        }
        let own = self.entities.iter().position(|e| {
            e.kind == EntityKind::Place
                && e.place_kind == Some(PlaceKind::Country)
                && e.name == country.name
        });
        Some(own.unwrap_or_else(|| self.emit.country(&country.name)))
    }

    /// The name of the country a place named here is, or is in, by the word lists.
    pub(super) fn country_name_of(&self, place: EntityId) -> Option<&str> {
        let lex = self.doc.lex;
        let p = self.entities.get(place)?;
        if p.kind != EntityKind::Place {
            return None;
        }
        let id = lex.known_named(EntityKind::Place, &p.name)?;
        lex.country_of(id).map(|c| lex.known(c).name.as_str())
    }

    /// The countries a person's roles belong to: the country named ("Foreign Secretary of
    /// Canada"), or the country of the organisation named ("Secretary of Treasury"), or the
    /// nationality in the words before the name ([`Events::demonym_homes`]). A diplomat's
    /// country is not his home: he is posted abroad, and coming back is a trip.
    pub(super) fn home_countries(&self, person: EntityId) -> Vec<&str> {
        let lex = self.doc.lex;
        let Some(entity) = self.entities.get(person) else {
            return Vec::new();
        };
        let mut out: Vec<&str> = self
            .demonym_homes(person)
            .into_iter()
            .map(|c| lex.known(c).name.as_str())
            .collect();
        let at_home = entity.roles.iter().filter(|r| !posted_abroad(r));
        for of in at_home.filter_map(|r| r.of.as_deref()) {
            if let Some(id) = lex.known_named(EntityKind::Place, of) {
                out.extend(lex.country_of(id).map(|c| lex.known(c).name.as_str()));
            } else if let Some(c) = lex
                .known_named(EntityKind::Organization, of)
                .and_then(|id| lex.known(id).country)
            {
                out.push(lex.known(c).name.as_str());
            }
        }
        out
    }
}

impl Events<'_, '_> {
    /// The countries (known ids) a nationality in the words right before a person's name
    /// says he is of: "Japanese Finance Ministry official Etsuzo Kawade", "Dutch coffee trade
    /// association chairman Frits van Horick". The words run back to a verb, a comma or a
    /// word such as "the" or "of"; a diplomat's ("Turkish Ambassador X") is not his home.
    pub(super) fn demonym_homes(&self, person: EntityId) -> Vec<u32> {
        let doc = self.doc;
        let lex = doc.lex;
        let mut out = Vec::new();
        for r in self.refs.iter() {
            if r.entity != person || r.kind != RefKind::Name {
                continue;
            }
            let start = doc.sentences[doc.sentence_of[r.from] as usize].tokens.start;
            let mut j = r.from;
            let mut abroad = false;
            while j > start && r.from - j < 8 {
                j -= 1;
                let shape = doc.tok(j).shape;
                if shape == TokenShape::Punct && !doc.punct(j, &["-"])
                    || matches!(shape, TokenShape::Clitic | TokenShape::Number)
                    || shape == TokenShape::Lower
                        && (doc.info(j).verb.is_some() || doc.is_any(j, PHRASE_ENDS))
                {
                    break;
                }
                abroad |= POSTED_ABROAD
                    .iter()
                    .any(|p| doc.s(j).eq_ignore_ascii_case(p));
                // The demonym's reference ("West German"), else the word's own ("Japanese"
                // inside "Japanese Finance Ministry").
                let demonym = self.ref_at[j]
                    .map(|x| self.refs[x as usize])
                    .filter(|d| d.kind == RefKind::Demonym);
                let country = match demonym {
                    Some(d) => {
                        let name = &self.entities[d.entity].name;
                        j = d.from;
                        lex.known_named(EntityKind::Place, name)
                    }
                    None => doc.info(j).demonym,
                }
                .and_then(|id| lex.country_of(id));
                if let Some(country) = country
                    && !abroad
                    && !out.contains(&country)
                {
                    out.push(country);
                }
            }
        }
        out
    }
}

/// Words that end the phrase before a name, looking back from it.
const PHRASE_ENDS: &[&str] = &[
    "the", "a", "an", "of", "to", "by", "with", "and", "or", "for", "from", "in", "at", "on",
    "that", "who", "as", "said", "told", "during", "after", "before", "about", "over", "into",
    "than", "under", "between", "against", "like", "since", "while", "when", "if", "but",
];

/// True for the roles of a diplomat posted abroad ("Turkish Ambassador to Athens", "special
/// envoy", "consul general"), whose country is not where he lives.
pub(super) fn posted_abroad(role: &Role) -> bool {
    role.title
        .split([' ', '-'])
        .any(|w| POSTED_ABROAD.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

const POSTED_ABROAD: &[&str] = &["ambassador", "envoy", "consul", "attache", "emissary"];

/// Nouns that a place before them qualifies, in business and political news: "in U.S.
/// government bonds" and "on Tokyo markets" say nothing of where anyone was.
const QUALIFIED_BY_A_PLACE: &[&str] = &[
    "government",
    "market",
    "markets",
    "trading",
    "stock",
    "stocks",
    "shares",
    "bond",
    "bonds",
    "prices",
    "economy",
    "currency",
    "dollar",
    "interest",
    "rates",
    "policy",
    "exports",
    "imports",
    "companies",
    "firms",
    "banks",
    "investors",
    "industry",
    "debt",
    "futures",
    "securities",
    "treasury",
    "dealers",
    "traders",
];
