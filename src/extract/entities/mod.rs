//! One entity per real thing within a document, and what every name, pronoun and role phrase
//! refers to.
//!
//! Names are decided with the whole document in view: a person's full name ("John Kerry")
//! makes its surname ("Kerry", "Mr Kerry", "Secretary Kerry") and, after "Sir", its given name
//! ("Sir Edward") refer to the same person; an untyped name that equals a typed one elsewhere
//! takes its type; a shorter organisation name that ends a longer one ("Foreign Ministry" after
//! "Russian Foreign Ministry") is the same organisation. A surname never links through a given
//! name: "Mr Howard" is not "Howard Flight".
//!
//! Pronouns go to the nearest fitting person: "he"/"she" prefer the subject (the first person
//! of the sentence, then of the previous one), "his"/"her" the nearest person before them, and
//! "him" a person outside its own clause's subject. A definite role phrase ("the US Secretary
//! of State", "the secretary") goes to the person in the document who holds that role.

use rustc_hash::FxHashMap;

mod names;
mod orgs;
mod people;
mod pronouns;
pub(crate) use pronouns::{UNNAMED, opens_with_unnamed_speaker};
mod roles;
mod teams;

use crate::extract::doc::Doc;
use crate::extract::mentions::{Cand, CandKind, Found, RoleRef, hint};
use crate::lexicon::flag;
use crate::model::Role;
use crate::model::{Entity, EntityId, EntityKind, LinkReason, Mention, MentionForm, PlaceKind};
use crate::names::{normalize, org_key, person_key, surname_key};
use crate::text::TokenShape;
use names::{
    Nearest, bare_words, capital_particle, guess_kind, initials, is_particle, name_text,
    official_name_end, push_unique,
};
use pronouns::link_pronouns;
use roles::{apposed_person, counterpart_title, link_role_phrases, of_name};
use teams::{is_dateline, is_town, team_names};

/// How a stretch of text refers to an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RefKind {
    /// A name.
    Name,
    /// A nationality adjective.
    Demonym,
    /// he, his, she, her, him.
    Pronoun,
    /// "the secretary", "the US Secretary of State".
    Role,
}

/// A stretch of tokens that refers to an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Ref {
    /// First token.
    pub from: usize,
    /// One past the last token.
    pub to: usize,
    /// The entity.
    pub entity: EntityId,
    /// How it refers.
    pub kind: RefKind,
}

impl Ref {
    /// A reference by name.
    pub(crate) const fn name(from: usize, to: usize, entity: EntityId) -> Ref {
        Ref {
            from,
            to,
            entity,
            kind: RefKind::Name,
        }
    }
}

/// The document's entities and every reference to them, in text order.
pub(crate) struct Resolved {
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
    pub refs: Vec<Ref>,
    /// Per token: true when the mention scanner read it as part of a title
    /// ("Prime Minister", "Secretary of State").
    pub in_title: Vec<bool>,
}

struct Builder<'d, 'a> {
    doc: &'d Doc<'a>,
    entities: Vec<Entity>,
    gender: Vec<u32>,
    known: FxHashMap<u32, EntityId>,
    by_key: FxHashMap<(EntityKind, String), EntityId>,
}

impl Builder<'_, '_> {
    fn entity(&mut self, kind: EntityKind, name: &str, place_kind: Option<PlaceKind>) -> EntityId {
        let key = (
            kind,
            match kind {
                EntityKind::Person => person_key(name),
                EntityKind::Organization => org_key(name),
                _ => normalize(name),
            },
        );
        if let Some(&id) = self.by_key.get(&key) {
            // "AMERICAN MOTORS" in a headline, "American Motors" in the text: the text's
            // spelling names it.
            if shouted(&self.entities[id].name) && !shouted(name) {
                self.entities[id].name = name.to_string();
            }
            return id;
        }
        let id = self.entities.len();
        self.entities.push(Entity {
            place_kind,
            ..Entity::new(name, kind)
        });
        self.gender.push(0);
        self.by_key.insert(key, id);
        id
    }

    fn known_entity(&mut self, id: u32) -> EntityId {
        if let Some(&e) = self.known.get(&id) {
            return e;
        }
        let known = self.doc.lex.known(id);
        let e = self.entity(known.kind, &known.name, known.place_kind);
        self.known.insert(id, e);
        e
    }

    /// Adds a form of the entity's name, and the rule that linked it.
    fn alias(&mut self, entity: EntityId, form: &str, reason: LinkReason) {
        let mut form = form.split_whitespace().collect::<Vec<_>>().join(" ");
        let e = &mut self.entities[entity];
        // "KING FAHD" in a headline, "King Fahd" in the text: the text's spelling names it,
        // and the headline's is the alias.
        if shouted(&e.name) && !shouted(&form) && form.to_uppercase() == e.name {
            form = std::mem::replace(&mut e.name, form);
        }
        if form != e.name && !e.aliases.contains(&form) {
            e.links.push(crate::model::Link {
                alias: form.clone(),
                reason,
            });
            e.aliases.push(form);
        }
    }
}

/// True when a name is written in capitals only, as headlines are ("AMERICAN MOTORS").
fn shouted(name: &str) -> bool {
    name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase)
}

/// A person's role given with a possessor's office in mind ("his Iranian counterpart X"): the
/// person, the token of the possessor, and the country of the role.
type Counterpart = (EntityId, usize, Option<String>);

/// Resolves the names a document's scan found into entities, and every name, role phrase and
/// pronoun into a reference to one.
pub(crate) fn resolve(doc: &Doc, found: &Found) -> Resolved {
    let mut r = Resolver::new(doc, found);
    r.full_names();
    r.typed_and_known();
    r.organisation_short_forms();
    r.acronyms();
    r.short_and_untyped();
    r.tickers();
    r.no_impossible_people();
    let counterparts = r.aliases_and_roles();
    r.references();
    r.appositions_role_phrases_and_pronouns();
    r.counterparts(counterparts);
    r.finish()
}

/// The state of resolution: the entities made so far, and what each candidate name resolved to.
/// Each phase is one method, run in the order [`resolve`] gives.
struct Resolver<'d, 'a> {
    doc: &'d Doc<'a>,
    found: &'d Found,
    b: Builder<'d, 'a>,
    /// Per candidate: its entity.
    entity_of: Vec<Option<EntityId>>,
    /// Per candidate: how it names its entity.
    form_of: Vec<MentionForm>,
    /// Per candidate: why it was linked to its entity, when a rule did more than read its name.
    why: Vec<Option<LinkReason>>,
    /// Folded surname -> people of two or more words with it.
    surnames: FxHashMap<String, Vec<EntityId>>,
    /// Folded given name -> people with it.
    given: FxHashMap<String, Vec<EntityId>>,
    /// Folded full name -> the person.
    full_names: FxHashMap<String, EntityId>,
    /// Folded surname -> a person named in full whom the bare surname is set beside ("Reagan
    /// and Nancy Reagan"): here the surname alone is someone else.
    set_beside: FxHashMap<String, EntityId>,
    /// Folded first word -> people whose name may be written family name first ("Xi Jinping").
    family_first: FxHashMap<String, Vec<EntityId>>,
    /// A company's folded name without its legal form -> the company, when one company here
    /// has it ("pellman brothers" for "Pellman Brothers Inc").
    org_cores: FxHashMap<String, EntityId>,
    /// References, in text order once `references` has run.
    refs: Vec<Ref>,
    mentions: Vec<Mention>,
}

impl<'d, 'a> Resolver<'d, 'a> {
    fn new(doc: &'d Doc<'a>, found: &'d Found) -> Resolver<'d, 'a> {
        let n = found.cands.len();
        Resolver {
            doc,
            found,
            b: Builder {
                doc,
                entities: Vec::new(),
                gender: Vec::new(),
                known: FxHashMap::default(),
                by_key: FxHashMap::default(),
            },
            entity_of: vec![None; n],
            form_of: vec![MentionForm::Name; n],
            why: vec![None; n],
            surnames: FxHashMap::default(),
            given: FxHashMap::default(),
            full_names: FxHashMap::default(),
            set_beside: FxHashMap::default(),
            family_first: FxHashMap::default(),
            org_cores: FxHashMap::default(),
            refs: Vec::new(),
            mentions: Vec::new(),
        }
    }

    /// People with a name of two or more words (not counting a kept honorific) come first: they
    /// are what short forms link to.
    fn full_names(&mut self) {
        let doc = self.doc;
        for (i, c) in self.found.cands.iter().enumerate() {
            if c.kind != CandKind::Typed(EntityKind::Person, None) {
                continue;
            }
            let words = bare_words(doc, c);
            // "de Mistura", "al-Assad": a surname with its particle is still a short form.
            if words.len() < 2 || is_particle(doc, c.from) {
                continue;
            }
            let name = name_text(doc, c);
            let e = self.b.entity(EntityKind::Person, &name, None);
            self.entity_of[i] = Some(e);
            self.b.gender[e] |= c.gender;
            self.full_names.insert(normalize(&words.join(" ")), e);
            let sur = surname_key(&words.join(" "));
            push_unique(self.surnames.entry(sur.clone()).or_default(), e);
            if !doc.info(c.from).has(flag::GIVEN) && !c.keep_honorific {
                push_unique(
                    self.family_first.entry(person_key(&words[0])).or_default(),
                    e,
                );
            }
            if c.honorific.is_none() || !c.keep_honorific {
                push_unique(self.given.entry(person_key(&words[0])).or_default(), e);
            }
            // "Reagan and Nancy Reagan", "Nancy Reagan and Reagan", "President Reagan's son
            // Michael Reagan", "Michael Reagan, son of President Reagan": the bare surname joined to the full name by "and", or whose
            // relative the full name is, is another person.
            let last = words[words.len() - 1].as_str();
            let beside = |j: Option<usize>| {
                j.and_then(|j| self.found.cands.get(j)).is_some_and(|b| {
                    b.to - b.from == 1
                        && doc.s(b.from).eq_ignore_ascii_case(last)
                        && (b.to + 1 == c.from && doc.is(b.to, "and")
                            || c.to + 1 == b.from && doc.is(c.to, "and")
                            || b.to + 2 == c.from
                                && doc.tok(b.to).shape == TokenShape::Clitic
                                && doc.is_any(b.to + 1, KIN)
                            // "Michael Reagan, son of President Reagan".
                            || c.to < b.from
                                && b.from <= c.to + 5
                                && (c.to..b.from).any(|j| doc.is_any(j, KIN) && doc.is(j + 1, "of")))
                })
            };
            if beside(i.checked_sub(1)) || beside(Some(i + 1)) {
                self.set_beside.insert(sur, e);
            }
        }
    }

    /// Typed organisations and places, known entities and demonyms; towns that name sports
    /// teams ("Leicestershire beat Somerset") are those teams.
    fn typed_and_known(&mut self) {
        let doc = self.doc;
        let cands = &self.found.cands;
        let teams = team_names(doc, cands);
        // The countries the document names, for "the Arab Republic" (Syria, if Syria is named).
        let countries: Vec<u32> = {
            let mut ids: Vec<u32> = cands
                .iter()
                .filter_map(|c| match c.kind {
                    CandKind::Known(id) | CandKind::Demonym(id) => Some(id),
                    _ => None,
                })
                .filter(|&id| doc.lex.known(id).place_kind == Some(PlaceKind::Country))
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        for (i, c) in cands.iter().enumerate() {
            if !teams.is_empty()
                && teams.contains(&normalize(doc.range_text(c.from, c.to)))
                && is_town(doc, c)
                && !is_dateline(doc, c)
            {
                let name = match c.kind {
                    CandKind::Known(id) => doc.lex.known(id).name.clone(),
                    _ => name_text(doc, c),
                };
                self.entity_of[i] = Some(self.b.entity(EntityKind::Organization, &name, None));
                continue;
            }
            if self.entity_of[i].is_some() {
                continue;
            }
            match c.kind {
                CandKind::Known(id) => {
                    // A known one-word name that is the surname of a person named here is that
                    // person: "Kerry" after "John Kerry", "Jordan" after "Michael Jordan".
                    let text = doc.range_text(c.from, c.to);
                    if c.to - c.from == 1
                        && let Some(&[e]) = self.surnames.get(&surname_key(text)).map(Vec::as_slice)
                    {
                        self.entity_of[i] = Some(e);
                        self.why[i] = Some(LinkReason::Surname);
                        continue;
                    }
                    self.entity_of[i] = Some(self.b.known_entity(id));
                    self.why[i] = Some(LinkReason::KnownName);
                }
                CandKind::Demonym(id) => {
                    self.entity_of[i] = Some(self.b.known_entity(id));
                    self.form_of[i] = MentionForm::Demonym;
                }
                CandKind::Typed(
                    kind @ (EntityKind::Organization | EntityKind::Place),
                    place_kind,
                ) => {
                    let name = name_text(doc, c);
                    if let Some(country) = official_name_end(doc, c, &name, &countries) {
                        self.entity_of[i] = Some(self.b.known_entity(country));
                        self.why[i] = Some(LinkReason::OfficialName);
                        continue;
                    }
                    self.entity_of[i] = Some(self.b.entity(kind, &name, place_kind));
                }
                _ => {}
            }
        }
    }

    /// What the hints say of each untyped name, taken over all its occurrences, so that "Kerry
    /// praised the plan. Kerry then met the press." types both by the second.
    fn guesses(&self) -> FxHashMap<String, (EntityKind, Option<PlaceKind>)> {
        let doc = self.doc;
        type Guess = ((EntityKind, Option<PlaceKind>), bool);
        let mut guessed: FxHashMap<String, Guess> = FxHashMap::default();
        for (i, c) in self.found.cands.iter().enumerate() {
            if self.entity_of[i].is_some() || c.kind != CandKind::Unknown {
                continue;
            }
            let Some(kind) = guess_kind(doc, c) else {
                continue;
            };
            let folded = normalize(&bare_words(doc, c).join(" "));
            // A company's marks anywhere outweigh a person's ("Gencorp said its unit ...");
            // else a person, then an organisation, then a place.
            let rank = |k: &(EntityKind, Option<PlaceKind>), company: bool| match k.0 {
                EntityKind::Organization if company => 0,
                EntityKind::Person => 1,
                EntityKind::Organization => 2,
                _ => 3,
            };
            let company = c.hints & hint::COMPANY != 0;
            let slot = guessed.entry(folded.clone()).or_insert((kind, company));
            if rank(&kind, company) < rank(&slot.0, slot.1) {
                *slot = (kind, company);
            }
        }
        guessed
            .into_iter()
            .map(|(name, (kind, _))| (name, kind))
            .collect()
    }

    /// Untyped names and people named by one word: linked to a person named here in full, to
    /// a typed name of the same spelling, or typed from their hints.
    fn short_and_untyped(&mut self) {
        let doc = self.doc;
        let cands = &self.found.cands;
        let guessed = self.guesses();
        let typed_names: FxHashMap<String, EntityId> = (0..cands.len())
            .filter_map(|i| {
                self.entity_of[i]
                    .map(|e| (normalize(doc.range_text(cands[i].from, cands[i].to)), e))
            })
            .collect();
        let mut nearest = Nearest::new(cands, &self.entity_of);
        for (i, c) in cands.iter().enumerate() {
            // "the Reagan-Gorbachev summit" names two parties, neither of them alone.
            if self.entity_of[i].is_some() || self.pair_modifier(c.from, c.to) {
                continue;
            }
            let linked = self.short_or_untyped(i, c, &typed_names, &guessed, &nearest);
            if let Some(e) = linked {
                nearest.record(i, e);
            }
        }
    }

    /// Candidate `i` of [`Resolver::short_and_untyped`]: the entity it is linked to or makes.
    fn short_or_untyped(
        &mut self,
        i: usize,
        c: &Cand,
        typed_names: &FxHashMap<String, EntityId>,
        guessed: &FxHashMap<String, (EntityKind, Option<PlaceKind>)>,
        nearest: &Nearest,
    ) -> Option<EntityId> {
        let doc = self.doc;
        let is_person = c.kind == CandKind::Typed(EntityKind::Person, None);
        if !is_person && c.kind != CandKind::Unknown {
            return None;
        }
        let words = bare_words(doc, c);
        let text = words.join(" ");
        let folded = normalize(&text);
        // A company named with its legal form elsewhere; a name taken for a person's only by
        // its verbs ("Dixons said") is the company's too.
        if (!is_person || c.honorific.is_none() && c.role.is_none())
            && let Some(&e) = self.org_cores.get(&folded)
        {
            self.entity_of[i] = Some(e);
            self.why[i] = Some(LinkReason::LegalForm);
            return Some(e);
        }
        // A person named in full elsewhere.
        if let Some(&e) = self.full_names.get(&folded) {
            self.entity_of[i] = Some(e);
            return Some(e);
        }
        // "Mrs Reagan" is a woman: not a man named in full, nor one of that name alone whom
        // nothing says is a woman ("President Reagan").
        let woman = is_person && c.gender & flag::FEMALE != 0 && c.honorific.is_some();
        let same = |e: &EntityId| !woman || self.b.gender[*e] & flag::FEMALE != 0;
        let fits = |e: &EntityId| {
            !woman
                || self.b.gender[*e] & flag::MALE == 0
                    && (self.b.entities[*e].name.contains(' ') || same(e))
        };
        // "Tomorrow, De Zeeuw said" after "Aart de Zeeuw" (but "Al Gore" after "Tom Gore" is
        // someone else).
        let particle_of_a_full_name = || {
            capital_particle(doc, c, &words) && {
                let tail = format!(" {folded}");
                self.b
                    .entities
                    .iter()
                    .any(|e| e.kind == EntityKind::Person && normalize(&e.name).ends_with(&tail))
            }
        };
        if (words.len() == 1 || is_particle(doc, c.from) || particle_of_a_full_name())
            && let Some((pool, reason)) = self.short_name_pool(c, &text)
            && let pool = pool.into_iter().filter(fits).collect::<Vec<_>>()
            && !pool.is_empty()
        {
            let e = nearest.before(&pool, c.from);
            self.entity_of[i] = Some(e);
            self.why[i] = Some(reason);
            return Some(e);
        }
        if let Some(e) = typed_names.get(&folded).filter(|e| same(e)) {
            self.entity_of[i] = Some(*e);
            return Some(*e);
        }
        if woman
            && !c.keep_honorific
            && let Some(h) = c.honorific
        {
            // Named with the honorific, so that no surname of a man absorbs it.
            let name = with_honorific(doc, h, c.from, &name_text(doc, c));
            let e = self.b.entity(EntityKind::Person, &name, None);
            self.b.gender[e] |= c.gender;
            self.entity_of[i] = Some(e);
            return Some(e);
        }
        if is_person {
            let name = name_text(doc, c);
            let e = self.b.entity(EntityKind::Person, &name, None);
            self.b.gender[e] |= c.gender;
            self.entity_of[i] = Some(e);
            push_unique(self.surnames.entry(surname_key(&text)).or_default(), e);
            return Some(e);
        }
        // No cue and no link: the type the document's hints give this name, wherever they
        // occur.
        if let Some(&(kind, place_kind)) = guessed.get(&folded) {
            let name = name_text(doc, c);
            let e = self.b.entity(kind, &name, place_kind);
            self.entity_of[i] = Some(e);
            if kind == EntityKind::Person {
                push_unique(self.surnames.entry(surname_key(&text)).or_default(), e);
            }
            return Some(e);
        }
        None
    }

    /// The people a one-word name (or a surname with its particle) may stand for, and the rule
    /// that says so: a surname first, then a given name after Sir or Dame, a family name written
    /// first, and a given name that one person here has.
    fn short_name_pool(&self, c: &Cand, text: &str) -> Option<(Vec<EntityId>, LinkReason)> {
        let doc = self.doc;
        let key = person_key(text);
        let sur = surname_key(text);
        let beside = self.set_beside.get(&sur);
        let candidates = self
            .surnames
            .get(&sur)
            .map(|pool| {
                pool.iter()
                    .copied()
                    .filter(|e| Some(e) != beside)
                    .collect::<Vec<_>>()
            })
            .filter(|pool| !pool.is_empty());
        let candidates = candidates.as_ref();
        // "Sir Edward" is Edward Heath: a given name after Sir or Dame.
        let by_given = match c.honorific {
            Some(h) if doc.is_any(h, &["sir", "dame"]) => self.given.get(&key),
            _ => None,
        };
        // "Xi" after "Xi Jinping": family names written first, when the first word is not a
        // given name.
        let by_family = self.family_first.get(&key);
        // "Jeremy said ...": a given name alone, when one person named here has it.
        let by_first_name = (doc.info(c.from).has(flag::GIVEN) && c.honorific.is_none())
            .then(|| self.given.get(&key).filter(|people| people.len() == 1))
            .flatten();
        [
            (candidates, LinkReason::Surname),
            (by_given, LinkReason::GivenAfterSir),
            (by_family, LinkReason::FamilyFirst),
            (by_first_name, LinkReason::GivenName),
        ]
        .into_iter()
        .find_map(|(pool, reason)| pool.filter(|p| !p.is_empty()).map(|p| (p.clone(), reason)))
    }

    /// Aliases, roles and gender from every candidate. Counterparts wait until pronouns are
    /// resolved, and are returned.
    fn aliases_and_roles(&mut self) -> Vec<Counterpart> {
        let doc = self.doc;
        let mut counterparts: Vec<Counterpart> = Vec::new();
        for (i, c) in self.found.cands.iter().enumerate() {
            let Some(e) = self.entity_of[i] else { continue };
            let b = &mut self.b;
            b.gender[e] |= c.gender;
            if self.form_of[i] == MentionForm::Demonym {
                continue;
            }
            let why = self.why[i];
            let name = name_text(doc, c);
            // "Mrs Hale" named with her honorific: "Hale" alone is the man of the name.
            let honorific_kept = c
                .honorific
                .is_some_and(|h| b.entities[e].name == with_honorific(doc, h, c.from, &name));
            if !honorific_kept {
                b.alias(e, &name, why.unwrap_or(LinkReason::Spelling));
            }
            if let Some(h) = c.honorific
                && !c.keep_honorific
            {
                let with = format!(
                    "{} {}",
                    doc.range_text(h, c.from).trim_end_matches('.').trim(),
                    name
                );
                b.alias(e, &with, why.unwrap_or(LinkReason::Title));
            }
            if let Some(role) = &c.role {
                // "Secretary Kerry", "President Putin": a one-word capitalised title right
                // before the name.
                // (Not "Ministers Hale": the plural names no one.)
                if role.to == c.from
                    && role.to == role.from + 1
                    && doc.capitalized(role.from)
                    && crate::extract::mentions::plural_office(doc.lex, doc.s(role.from)).is_none()
                {
                    let with = format!("{} {}", doc.s(role.from), name);
                    b.alias(e, &with, why.unwrap_or(LinkReason::Title));
                }
                let of = of_name(doc, role.of, &self.entity_of, &b.entities);
                if let Some(possessor) = role.counterpart_of {
                    counterparts.push((e, possessor, of));
                    continue;
                }
                let mut roles = vec![Role {
                    title: role.title.clone(),
                    of,
                }];
                // "Nigerian oil minister and OPEC president Rilwanu Lukman": a role phrase
                // joined by "and" to this title is this person's too.
                if let Some(joined) = self.found.role_phrases.iter().find(|p| {
                    doc.is(p.to, "and")
                        && (p.to + 1..=p.to + 3).contains(&role.from)
                        && (p.to + 1..role.from).all(|k| doc.capitalized(k))
                }) {
                    roles.push(Role {
                        title: joined.title.clone(),
                        of: of_name(doc, joined.of, &self.entity_of, &b.entities),
                    });
                }
                for role in roles {
                    if b.entities[e].kind == EntityKind::Person
                        && !b.entities[e].roles.contains(&role)
                    {
                        b.entities[e].roles.push(role);
                    }
                }
            }
        }
        for e in &mut self.b.entities {
            crate::model::drop_subsumed_roles(&mut e.roles);
        }
        counterparts
    }

    /// A reference and a mention for every candidate that resolved, in text order.
    fn references(&mut self) {
        let doc = self.doc;
        for (i, c) in self.found.cands.iter().enumerate() {
            let Some(e) = self.entity_of[i] else { continue };
            let from = match c.honorific {
                Some(h) if c.keep_honorific => h,
                _ => c.from,
            };
            let kind = if self.form_of[i] == MentionForm::Demonym {
                RefKind::Demonym
            } else {
                RefKind::Name
            };
            self.refs.push(Ref {
                from,
                to: c.to,
                entity: e,
                kind,
            });
            let mut span = doc.range_span(from, c.to);
            // "Barnett Banks Inc.": a company's abbreviated suffix keeps its stop, even where the
            // stop also ends the sentence.
            if doc.is_any(
                c.to - 1,
                &["Inc", "Corp", "Co", "Ltd", "Bros", "Cos", "Plc"],
            ) && doc.punct(c.to, &["."])
                && doc.tok(c.to).span.start == span.end
            {
                span.end += 1;
            }
            self.mentions.push(Mention {
                span,
                entity: e,
                form: self.form_of[i],
            });
        }
        self.refs.sort_by_key(|r| r.from);
        self.mentions.sort_by_key(|m| m.span.start);
    }

    /// Role phrases in apposition to a person ("a Russian spokesman, Dmitry Peskov," and
    /// "Graham Robb, spokesman for X,") give that person the role; the other definite role
    /// phrases ("the US Secretary of State") go to the person who holds the role; then
    /// pronouns go to people.
    fn appositions_role_phrases_and_pronouns(&mut self) {
        let doc = self.doc;
        let phrases = &self.found.role_phrases;
        let mut linked = vec![false; phrases.len()];
        for (p, phrase) in phrases.iter().enumerate() {
            let Some(e) = apposed_person(doc, phrase, phrases, &self.refs, &self.b) else {
                continue;
            };
            let of = of_name(doc, phrase.of, &self.entity_of, &self.b.entities);
            let role = Role {
                title: phrase.title.clone(),
                of,
            };
            let roles = &mut self.b.entities[e].roles;
            if !roles.contains(&role) {
                roles.push(role);
                crate::model::drop_subsumed_roles(roles);
            }
            self.refs.push(Ref {
                from: phrase.from,
                to: phrase.to,
                entity: e,
                kind: RefKind::Role,
            });
            linked[p] = true;
        }
        self.refs.sort_by_key(|r| r.from);
        let named = self.refs.clone();
        // An occupation ("the lawyer") is a role in apposition, but refers to no one.
        let open: Vec<RoleRef> = phrases
            .iter()
            .zip(&linked)
            .filter(|(p, l)| !**l && p.office)
            .map(|(p, _)| p.clone())
            .collect();
        link_role_phrases(
            doc,
            &open,
            &mut self.b,
            &named,
            &self.entity_of,
            &mut self.refs,
        );
        self.refs.sort_by_key(|r| r.from);
        link_pronouns(doc, &self.b.entities, &self.b.gender, &mut self.refs);
        self.refs.sort_by_key(|r| r.from);
    }

    /// "his Iranian counterpart Mohammad Javad Zarif": the possessor's office, for Iran.
    fn counterparts(&mut self, counterparts: Vec<Counterpart>) {
        for (e, possessor, country) in counterparts {
            let Some(country) = country else { continue };
            let Some(owner) = self
                .refs
                .iter()
                .find(|r| r.from <= possessor && possessor < r.to)
                .map(|r| r.entity)
            else {
                continue;
            };
            let entities = &mut self.b.entities;
            let Some(title) = entities[owner]
                .roles
                .iter()
                .find(|r| r.of.is_some())
                .map(|r| counterpart_title(&r.title))
            else {
                continue;
            };
            if owner != e && entities[e].roles.is_empty() {
                entities[e].roles.push(Role {
                    title,
                    of: Some(country),
                });
            }
        }
    }

    /// The resolved document: entities, mentions, references, and which tokens are titles.
    fn finish(self) -> Resolved {
        let mut in_title = vec![false; self.doc.tokens.len()];
        for role in self
            .found
            .cands
            .iter()
            .filter_map(|c| c.role.as_ref())
            .chain(&self.found.role_phrases)
        {
            for slot in &mut in_title[role.from..role.to] {
                *slot = true;
            }
        }
        // Entities that no name refers to any more (a person found to be no one) are left out.
        let mut used = vec![false; self.b.entities.len()];
        for r in &self.refs {
            used[r.entity] = true;
        }
        let mut entities = self.b.entities;
        let (mut mentions, mut refs) = (self.mentions, self.refs);
        if used.iter().any(|u| !u) {
            let mut new_id = vec![usize::MAX; used.len()];
            let mut kept = Vec::with_capacity(entities.len());
            for (e, entity) in entities.into_iter().enumerate() {
                if used[e] {
                    new_id[e] = kept.len();
                    kept.push(entity);
                }
            }
            entities = kept;
            for m in &mut mentions {
                m.entity = new_id[m.entity];
            }
            for r in &mut refs {
                r.entity = new_id[r.entity];
            }
        }
        Resolved {
            entities,
            mentions,
            refs,
            in_title,
        }
    }
}

/// A name with the honorific from token `h` to `from` before it, its stop dropped: "Mrs Hale".
fn with_honorific(doc: &Doc, h: usize, from: usize, name: &str) -> String {
    format!(
        "{} {name}",
        doc.range_text(h, from).trim().trim_end_matches('.')
    )
}

/// Words for relatives: "Reagan's son Michael Reagan" is not Reagan.
const KIN: &[&str] = &[
    "son", "daughter", "wife", "husband", "brother", "sister", "father", "mother", "widow",
    "nephew", "niece", "cousin",
];
