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

use crate::extract::doc::Doc;
use crate::extract::mentions::{Cand, CandKind, Found, Of, RoleRef, hint};
use crate::lexicon::flag;
use crate::model::Role;
use crate::model::{Entity, EntityId, EntityKind, LinkReason, Mention, MentionForm, PlaceKind};
use crate::names::{normalize, org_key, person_key, surname_key};
use crate::text::TokenShape;

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
            let shouted =
                |n: &str| n.chars().any(char::is_alphabetic) && !n.chars().any(char::is_lowercase);
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
        let form = form.split_whitespace().collect::<Vec<_>>().join(" ");
        let e = &mut self.entities[entity];
        if form != e.name && !e.aliases.contains(&form) {
            e.links.push(crate::model::Link {
                alias: form.clone(),
                reason,
            });
            e.aliases.push(form);
        }
    }
}

/// The text of a candidate's name, with a kept honorific ("Lord Goldsmith").
fn name_text(doc: &Doc, c: &Cand) -> String {
    let from = match c.honorific {
        Some(h) if c.keep_honorific => h,
        _ => c.from,
    };
    let raw = doc.range_text(from, c.to);
    // Names never span lines; white space inside is folded to single spaces, and a stop after
    // an honorific ("Mr.") is kept as written.
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words of a person's name without a kept honorific.
fn bare_words(doc: &Doc, c: &Cand) -> Vec<String> {
    (c.from..c.to)
        .filter(|&k| doc.tok(k).shape != TokenShape::Punct)
        .map(|k| doc.s(k).to_string())
        .collect()
}

pub(crate) fn resolve(doc: &Doc, found: &Found) -> Resolved {
    let mut b = Builder {
        doc,
        entities: Vec::new(),
        gender: Vec::new(),
        known: FxHashMap::default(),
        by_key: FxHashMap::default(),
    };
    let cands = &found.cands;
    let mut entity_of: Vec<Option<EntityId>> = vec![None; cands.len()];
    let mut form_of: Vec<MentionForm> = vec![MentionForm::Name; cands.len()];
    // Why each candidate was linked to its entity, when a rule did more than read its name.
    let mut why: Vec<Option<LinkReason>> = vec![None; cands.len()];

    // People with a name of two or more words (not counting a kept honorific) come first: they
    // are what short forms link to.
    let mut surnames: FxHashMap<String, Vec<EntityId>> = FxHashMap::default();
    let mut given: FxHashMap<String, Vec<EntityId>> = FxHashMap::default();
    let mut full_names: FxHashMap<String, EntityId> = FxHashMap::default();
    let mut family_first: FxHashMap<String, Vec<EntityId>> = FxHashMap::default();
    for (i, c) in cands.iter().enumerate() {
        if c.kind != CandKind::Typed(EntityKind::Person, None) {
            continue;
        }
        let words = bare_words(doc, c);
        // "de Mistura", "al-Assad": a surname with its particle is still a short form.
        if words.len() < 2 || is_particle(doc, c.from) {
            continue;
        }
        let name = name_text(doc, c);
        let e = b.entity(EntityKind::Person, &name, None);
        entity_of[i] = Some(e);
        b.gender[e] |= c.gender;
        full_names.insert(normalize(&words.join(" ")), e);
        let sur = surname_key(&words.join(" "));
        push_unique(surnames.entry(sur).or_default(), e);
        if !doc.info(c.from).has(flag::GIVEN) && !c.keep_honorific {
            push_unique(family_first.entry(person_key(&words[0])).or_default(), e);
        }
        if c.honorific.is_none() || !c.keep_honorific {
            push_unique(given.entry(person_key(&words[0])).or_default(), e);
        }
    }

    // Sports teams named after their towns: "Leicestershire beat Somerset", "CHICAGO 65 66".
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

    // Typed organisations and places, and known entities.
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
            entity_of[i] = Some(b.entity(EntityKind::Organization, &name, None));
            continue;
        }
        if entity_of[i].is_some() {
            continue;
        }
        match c.kind {
            CandKind::Known(id) => {
                // A known one-word name that is the surname of a person named here is that
                // person: "Kerry" after "John Kerry", "Jordan" after "Michael Jordan".
                let text = doc.range_text(c.from, c.to);
                if c.to - c.from == 1
                    && let Some(&[e]) = surnames.get(&surname_key(text)).map(Vec::as_slice)
                {
                    entity_of[i] = Some(e);
                    why[i] = Some(LinkReason::Surname);
                    continue;
                }
                entity_of[i] = Some(b.known_entity(id));
                why[i] = Some(LinkReason::KnownName);
            }
            CandKind::Demonym(id) => {
                entity_of[i] = Some(b.known_entity(id));
                form_of[i] = MentionForm::Demonym;
            }
            CandKind::Typed(kind @ (EntityKind::Organization | EntityKind::Place), place_kind) => {
                let name = name_text(doc, c);
                if let Some(country) = official_name_end(doc, c, &name, &countries) {
                    entity_of[i] = Some(b.known_entity(country));
                    why[i] = Some(LinkReason::OfficialName);
                    continue;
                }
                entity_of[i] = Some(b.entity(kind, &name, place_kind));
            }
            _ => {}
        }
    }

    // Short organisation names that end a longer one in this document: "Foreign Ministry" after
    // "Russian Foreign Ministry"; a bare head word ("the Department") when one name has it.
    let orgs: Vec<EntityId> = (0..b.entities.len())
        .filter(|&e| b.entities[e].kind == EntityKind::Organization)
        .collect();
    for (i, slot) in entity_of.iter_mut().enumerate() {
        let Some(e) = *slot else { continue };
        if b.entities[e].kind != EntityKind::Organization {
            continue;
        }
        let short = normalize(&b.entities[e].name);
        let longer: Vec<EntityId> = orgs
            .iter()
            .copied()
            .filter(|&o| {
                o != e && {
                    let long = normalize(&b.entities[o].name);
                    long.len() > short.len()
                        && long.ends_with(&short)
                        && long.as_bytes()[long.len() - short.len() - 1] == b' '
                }
            })
            .collect();
        if let [one] = longer.as_slice() {
            *slot = Some(*one);
            why[i] = Some(LinkReason::OrganisationEnd);
        }
    }

    // Acronyms: "OSCE" for "Organization for Security and Co-operation in Europe" named here.
    for (i, c) in cands.iter().enumerate() {
        if c.to - c.from != 1 || doc.shape(c.from) != TokenShape::Upper {
            continue;
        }
        let acronym = doc.s(c.from);
        let long = (0..b.entities.len()).find(|&e| {
            let entity = &b.entities[e];
            matches!(entity.kind, EntityKind::Organization | EntityKind::Place)
                && initials(&entity.name) == acronym
        });
        if let Some(e) = long {
            entity_of[i] = Some(e);
            why[i] = Some(LinkReason::Acronym);
        }
    }

    // What the hints say of each untyped name, taken over all its occurrences, so that "Kerry
    // praised the plan. Kerry then met the press." types both by the second.
    let mut guessed: FxHashMap<String, (EntityKind, Option<PlaceKind>)> = FxHashMap::default();
    for (i, c) in cands.iter().enumerate() {
        if entity_of[i].is_some() || c.kind != CandKind::Unknown {
            continue;
        }
        let Some(kind) = guess_kind(doc, c) else {
            continue;
        };
        let folded = normalize(&bare_words(doc, c).join(" "));
        let rank = |k: &(EntityKind, Option<PlaceKind>)| match k.0 {
            EntityKind::Person => 0,
            EntityKind::Organization => 1,
            _ => 2,
        };
        let slot = guessed.entry(folded).or_insert(kind);
        if rank(&kind) < rank(slot) {
            *slot = kind;
        }
    }

    // Untyped names and people named by one word: link, or type from hints.
    let typed_names: FxHashMap<String, EntityId> = (0..cands.len())
        .filter_map(|i| {
            entity_of[i].map(|e| (normalize(doc.range_text(cands[i].from, cands[i].to)), e))
        })
        .collect();
    for (i, c) in cands.iter().enumerate() {
        if entity_of[i].is_some() {
            continue;
        }
        let is_person = c.kind == CandKind::Typed(EntityKind::Person, None);
        if !is_person && c.kind != CandKind::Unknown {
            continue;
        }
        let words = bare_words(doc, c);
        let text = words.join(" ");
        let folded = normalize(&text);
        // A person named in full elsewhere.
        if let Some(&e) = full_names.get(&folded) {
            entity_of[i] = Some(e);
            continue;
        }
        if words.len() == 1 || is_particle(doc, c.from) {
            let candidates = surnames
                .get(&surname_key(&text))
                .cloned()
                .unwrap_or_default();
            // "Sir Edward" is Edward Heath: a given name after Sir or Dame.
            let by_given = match c.honorific {
                Some(h) if doc.is_any(h, &["sir", "dame"]) => {
                    given.get(&person_key(&text)).cloned().unwrap_or_default()
                }
                _ => Vec::new(),
            };
            // "Xi" after "Xi Jinping": family names written first, when the first word is not
            // a given name.
            let by_family = family_first
                .get(&person_key(&text))
                .cloned()
                .unwrap_or_default();
            // "Jeremy said ...": a given name alone, when one person named here has it.
            let by_first_name = if doc.info(c.from).has(flag::GIVEN) && c.honorific.is_none() {
                given
                    .get(&person_key(&text))
                    .filter(|people| people.len() == 1)
                    .cloned()
                    .unwrap_or_default()
            } else {
                Vec::new()
            };
            let (pool, reason) = if !candidates.is_empty() {
                (candidates, LinkReason::Surname)
            } else if !by_given.is_empty() {
                (by_given, LinkReason::GivenAfterSir)
            } else if !by_family.is_empty() {
                (by_family, LinkReason::FamilyFirst)
            } else {
                (by_first_name, LinkReason::GivenName)
            };
            if !pool.is_empty() {
                entity_of[i] = Some(nearest_before(doc, cands, &entity_of, &pool, c.from));
                why[i] = Some(reason);
                continue;
            }
        }
        if let Some(&e) = typed_names.get(&folded) {
            entity_of[i] = Some(e);
            continue;
        }
        if is_person {
            let name = name_text(doc, c);
            let e = b.entity(EntityKind::Person, &name, None);
            b.gender[e] |= c.gender;
            entity_of[i] = Some(e);
            push_unique(surnames.entry(surname_key(&text)).or_default(), e);
            continue;
        }
        // No cue and no link: the type the document's hints give this name, wherever they occur.
        let kind = guessed.get(&folded).copied();
        if let Some((kind, place_kind)) = kind {
            let name = name_text(doc, c);
            let e = b.entity(kind, &name, place_kind);
            entity_of[i] = Some(e);
            if kind == EntityKind::Person {
                push_unique(surnames.entry(surname_key(&text)).or_default(), e);
            }
        }
    }

    // Aliases, roles, gender. Counterparts wait until pronouns are resolved.
    let mut counterparts: Vec<(EntityId, usize, Option<String>)> = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        let Some(e) = entity_of[i] else { continue };
        b.gender[e] |= c.gender;
        if form_of[i] == MentionForm::Demonym {
            continue;
        }
        let name = name_text(doc, c);
        b.alias(e, &name, why[i].unwrap_or(LinkReason::Spelling));
        if let Some(h) = c.honorific
            && !c.keep_honorific
        {
            let with = format!(
                "{} {}",
                doc.range_text(h, c.from).trim_end_matches('.').trim(),
                name
            );
            b.alias(e, &with, why[i].unwrap_or(LinkReason::Title));
        }
        if let Some(role) = &c.role {
            // "Secretary Kerry", "President Putin": a one-word capitalised title right before
            // the name.
            if role.to == c.from && role.to == role.from + 1 && doc.capitalized(role.from) {
                let with = format!("{} {}", doc.s(role.from), name);
                b.alias(e, &with, why[i].unwrap_or(LinkReason::Title));
            }
            let of = of_name(doc, role.of, &entity_of, &b.entities);
            if let Some(possessor) = role.counterpart_of {
                counterparts.push((e, possessor, of));
                continue;
            }
            let role = Role {
                title: role.title.clone(),
                of,
            };
            if b.entities[e].kind == EntityKind::Person && !b.entities[e].roles.contains(&role) {
                b.entities[e].roles.push(role);
            }
        }
    }

    for e in &mut b.entities {
        crate::model::drop_subsumed_roles(&mut e.roles);
    }

    let mut refs: Vec<Ref> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        let Some(e) = entity_of[i] else { continue };
        let from = match c.honorific {
            Some(h) if c.keep_honorific => h,
            _ => c.from,
        };
        let kind = if form_of[i] == MentionForm::Demonym {
            RefKind::Demonym
        } else {
            RefKind::Name
        };
        refs.push(Ref {
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
        mentions.push(Mention {
            span,
            entity: e,
            form: form_of[i],
        });
    }
    refs.sort_by_key(|r| r.from);
    mentions.sort_by_key(|m| m.span.start);

    // Appositions: "a Russian spokesman, Dmitry Peskov," and "Graham Robb, spokesman for X,".
    let mut linked = vec![false; found.role_phrases.len()];
    for (p, phrase) in found.role_phrases.iter().enumerate() {
        let Some(e) = apposed_person(doc, phrase, &refs, &b) else {
            continue;
        };
        let of = of_name(doc, phrase.of, &entity_of, &b.entities);
        let role = Role {
            title: phrase.title.clone(),
            of,
        };
        if !b.entities[e].roles.contains(&role) {
            b.entities[e].roles.push(role);
            crate::model::drop_subsumed_roles(&mut b.entities[e].roles);
        }
        refs.push(Ref {
            from: phrase.from,
            to: phrase.to,
            entity: e,
            kind: RefKind::Role,
        });
        linked[p] = true;
    }
    refs.sort_by_key(|r| r.from);
    let named = refs.clone();
    let open: Vec<RoleRef> = found
        .role_phrases
        .iter()
        .zip(&linked)
        .filter(|(_, l)| !**l)
        .map(|(p, _)| p.clone())
        .collect();
    link_role_phrases(doc, &open, &mut b, &named, &entity_of, &mut refs);
    refs.sort_by_key(|r| r.from);
    link_pronouns(doc, &b.entities, &b.gender, &mut refs);
    refs.sort_by_key(|r| r.from);

    // "his Iranian counterpart Mohammad Javad Zarif": the possessor's office, for Iran.
    for (e, possessor, country) in counterparts {
        let Some(country) = country else { continue };
        let Some(owner) = refs
            .iter()
            .find(|r| r.from <= possessor && possessor < r.to)
            .map(|r| r.entity)
        else {
            continue;
        };
        let Some(title) = b.entities[owner]
            .roles
            .iter()
            .find(|r| r.of.is_some())
            .map(|r| counterpart_title(&r.title))
        else {
            continue;
        };
        if owner != e && b.entities[e].roles.is_empty() {
            b.entities[e].roles.push(Role {
                title,
                of: Some(country),
            });
        }
    }

    let mut in_title = vec![false; doc.tokens.len()];
    for role in cands
        .iter()
        .filter_map(|c| c.role.as_ref())
        .chain(&found.role_phrases)
    {
        for slot in &mut in_title[role.from..role.to] {
            *slot = true;
        }
    }
    Resolved {
        entities: b.entities,
        mentions,
        refs,
        in_title,
    }
}

/// The type an untyped name's own hints suggest, or none: leave the name out.
fn guess_kind(doc: &Doc, c: &Cand) -> Option<(EntityKind, Option<PlaceKind>)> {
    let words = bare_words(doc, c);
    let text = words.join(" ");
    // "David Page, of Investec Securities,": where someone is from, after a comma.
    let affiliation =
        c.from >= 2 && doc.is_any(c.from - 1, &["of", "from"]) && doc.punct(c.from - 2, &[","]);
    // A lone capitalised common word ("the Tsunami") with no link is not a name.
    let lone_common = words.len() == 1 && common(doc, &text);
    // People's names do not open with an acronym or a number ("HMS Chatham").
    let person_like = !matches!(doc.shape(c.from), TokenShape::Upper | TokenShape::Number);
    if affiliation {
        Some((EntityKind::Organization, None))
    } else if lone_common {
        None
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

/// True when a candidate names a town or region (not a country): what a sports team may be
/// named after.
/// "the Arab Republic" in a text that names Syria, "the Islamic Republic" in one that names
/// Iran: the one country named here whose official name ends with these two or more words
/// ("Syrian Arab Republic") or starts with them before "of" ("Islamic Republic of Iran").
fn official_name_end(doc: &Doc, c: &Cand, name: &str, countries: &[u32]) -> Option<u32> {
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

fn is_town(doc: &Doc, c: &Cand) -> bool {
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
fn team_names(doc: &Doc, cands: &[Cand]) -> rustc_hash::FxHashSet<String> {
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
fn is_dateline(doc: &Doc, c: &Cand) -> bool {
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

/// The capitals of a name's words: "Organization for Security and Co-operation in Europe" ->
/// "OSCE". Names of one word have none.
fn initials(name: &str) -> String {
    let words: Vec<&str> = name
        .split([' ', '-'])
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    if words.len() < 2 {
        return String::new();
    }
    words.iter().filter_map(|w| w.chars().next()).collect()
}

/// True when token `k` is a lower-case name particle ("de", "al", "van").
fn is_particle(doc: &Doc, k: usize) -> bool {
    // Lower case ("de Mistura"), or capitalised where the sentence starts ("De Mistura said").
    doc.info(k).has(flag::PARTICLE) && (doc.shape(k) == TokenShape::Lower || doc.starts_sentence(k))
}

fn push_unique(list: &mut Vec<EntityId>, e: EntityId) {
    if !list.contains(&e) {
        list.push(e);
    }
}

/// True for a common English word, or the plural of one ("Traders").
fn common(doc: &Doc, word: &str) -> bool {
    let mut buf = String::new();
    let is_common = |w: &str, buf: &mut String| {
        doc.lex
            .word_id(w, buf)
            .is_some_and(|w| doc.lex.info(w).has(flag::COMMON))
    };
    is_common(word, &mut buf)
        || word.len() > 3 && word.ends_with('s') && is_common(&word[..word.len() - 1], &mut buf)
}

/// Of several people a short name could be, the one named last before `at` (else the first).
fn nearest_before(
    doc: &Doc,
    cands: &[Cand],
    entity_of: &[Option<EntityId>],
    pool: &[EntityId],
    at: usize,
) -> EntityId {
    let _ = doc;
    let mut best = None;
    for (i, c) in cands.iter().enumerate() {
        if c.from >= at {
            break;
        }
        if let Some(e) = entity_of[i]
            && pool.contains(&e)
        {
            best = Some(e);
        }
    }
    best.unwrap_or(pool[0])
}

/// The name of what a role belongs to: a lexicon entity, or an entity this document named.
fn of_name(
    doc: &Doc,
    of: Option<Of>,
    entity_of: &[Option<EntityId>],
    entities: &[Entity],
) -> Option<String> {
    match of? {
        Of::Known(id) => Some(doc.lex.known(id).name.clone()),
        Of::Cand(ci) => entity_of
            .get(ci)
            .copied()
            .flatten()
            .map(|e| entities[e].name.clone()),
    }
}

/// What an office is called in another country, for "his counterpart": ministers of foreign
/// affairs and of defence go by several names ("Secretary of State", "Foreign Secretary"),
/// and "Foreign Minister" is the most usual; other offices keep their title.
fn counterpart_title(title: &str) -> String {
    let lower = title.to_lowercase();
    if [
        "secretary of state",
        "foreign secretary",
        "foreign minister",
        "minister of foreign affairs",
        "foreign affairs minister",
    ]
    .contains(&lower.as_str())
    {
        "Foreign Minister".into()
    } else if [
        "defense secretary",
        "defence secretary",
        "defence minister",
        "defense minister",
        "secretary of defense",
    ]
    .contains(&lower.as_str())
    {
        "Defence Minister".into()
    } else {
        title.to_string()
    }
}

/// The person a role phrase stands in apposition to: named right after it behind a comma
/// ("the mayor of Paris, Anne Hidalgo") or right before it ("Graham Robb, spokesman for X").
fn apposed_person(doc: &Doc, phrase: &RoleRef, refs: &[Ref], b: &Builder) -> Option<EntityId> {
    let person =
        |r: &&Ref| r.kind == RefKind::Name && b.entities[r.entity].kind == EntityKind::Person;
    if doc.punct(phrase.to, &[","])
        && let Some(r) = refs.iter().filter(person).find(|r| r.from == phrase.to + 1)
    {
        return Some(r.entity);
    }
    // Back over "a", "the" and the phrase's own modifiers ("a Russian spokesman") to a comma.
    let mut j = phrase.from;
    while j > 0 {
        let prev = j - 1;
        if doc.is_any(prev, &["a", "an", "the"]) {
            j = prev;
            continue;
        }
        if let Some(r) = refs.iter().find(|r| {
            r.to == j
                && r.kind != RefKind::Pronoun
                && b.entities[r.entity].kind != EntityKind::Person
        }) {
            j = r.from;
            continue;
        }
        break;
    }
    if j > 0 && doc.punct(j - 1, &[","]) {
        return refs
            .iter()
            .filter(person)
            .find(|r| r.to == j - 1)
            .map(|r| r.entity);
    }
    // "Oliver Letwin is the shadow chancellor", "Peter Hain, who is Leader of the Commons".
    if j > 1 && doc.is_any(j - 1, &["is", "was"]) {
        let mut end = j - 1;
        if doc.is(end - 1, "who") {
            end -= 1;
            if end > 0 && doc.punct(end - 1, &[","]) {
                end -= 1;
            }
        }
        return refs
            .iter()
            .filter(person)
            .find(|r| r.to == end)
            .map(|r| r.entity);
    }
    None
}

/// Links "the US Secretary of State" to the person in the document who holds that role.
///
/// A role phrase in the opening sentences that no one named before it holds introduces the
/// person named next: "Scotland's justice minister has warned ... Cathy Jamieson said" gives
/// Cathy Jamieson the role.
fn link_role_phrases(
    doc: &Doc,
    phrases: &[RoleRef],
    b: &mut Builder,
    named: &[Ref],
    entity_of: &[Option<EntityId>],
    refs: &mut Vec<Ref>,
) {
    for phrase in phrases {
        // Only definite phrases refer: "the secretary", "Russia's foreign minister".
        let definite = phrase.from > 0
            && (doc.is_any(phrase.from - 1, &["the", "his", "her", "its"])
                || doc.tok(phrase.from - 1).shape == TokenShape::Clitic)
            || phrase.of.is_some() && phrase.from > 1 && doc.is(phrase.from - 2, "the");
        if !definite {
            continue;
        }
        let head = phrase.title.rsplit(' ').next().unwrap_or("").to_lowercase();
        let wanted_of = of_name(doc, phrase.of, entity_of, &b.entities);
        let mut best: Option<EntityId> = None;
        for r in named
            .iter()
            .filter(|r| r.kind == RefKind::Name && r.from < phrase.from)
        {
            let e = &b.entities[r.entity];
            if e.kind != EntityKind::Person {
                continue;
            }
            let fits = e.roles.iter().any(|role| {
                let title = role.title.to_lowercase();
                let same_head = title == phrase.title.to_lowercase()
                    || title.rsplit(' ').next() == Some(head.as_str())
                        && phrase.title.split(' ').count() == 1;
                let same_title = title == phrase.title.to_lowercase() || same_head;
                let same_of = match (&wanted_of, &role.of) {
                    (Some(a), Some(b)) => a == b,
                    (Some(_), None) => false,
                    (None, _) => true,
                };
                same_title && same_of
            });
            if fits {
                best = Some(r.entity);
            }
        }
        if best.is_none() {
            best = lede_person(doc, phrase, b, named);
            if let Some(e) = best {
                let of = of_name(doc, phrase.of, entity_of, &b.entities);
                let role = Role {
                    title: phrase.title.clone(),
                    of,
                };
                if !b.entities[e].roles.contains(&role) {
                    b.entities[e].roles.push(role);
                }
            }
        }
        if best.is_none() {
            best = leading_person(doc, phrase, b, named);
        }
        if let Some(entity) = best {
            refs.push(Ref {
                from: phrase.from,
                to: phrase.to,
                entity,
                kind: RefKind::Role,
            });
        }
    }
}

/// The person "the prime minister" means in an article that never gives anyone the title: the
/// article's most mentioned person so far, named at least twice, who holds no other role.
/// Only for offices that lead (prime minister, president, chancellor, leader); the link is
/// made, the role is not given, since the article never says it.
fn leading_person(doc: &Doc, phrase: &RoleRef, b: &Builder, named: &[Ref]) -> Option<EntityId> {
    let title = phrase.title.to_lowercase();
    const LEADING: &[&str] = &[
        "prime minister",
        "president",
        "premier",
        "chancellor",
        "first minister",
        "leader",
        "pm",
        "taoiseach",
    ];
    if phrase.of.is_some()
        || !LEADING.contains(&title.as_str())
        || !doc.is(phrase.from.wrapping_sub(1), "the")
    {
        return None;
    }
    let mut counts: rustc_hash::FxHashMap<EntityId, (usize, usize)> =
        rustc_hash::FxHashMap::default();
    for r in named
        .iter()
        .filter(|r| r.kind == RefKind::Name && r.from < phrase.from)
    {
        if b.entities[r.entity].kind == EntityKind::Person {
            let entry = counts.entry(r.entity).or_insert((0, r.from));
            entry.0 += 1;
        }
    }
    let (&e, &(n, _)) = counts
        .iter()
        .max_by_key(|(_, (n, first))| (*n, std::cmp::Reverse(*first)))?;
    (n >= 2 && b.entities[e].roles.is_empty()).then_some(e)
}

/// The person a role phrase in a document's opening introduces: the first person named in the
/// next two sentences, if they have no role yet and no person was named before the phrase.
fn lede_person(doc: &Doc, phrase: &RoleRef, b: &Builder, named: &[Ref]) -> Option<EntityId> {
    let s = doc.sentence_of[phrase.from] as usize;
    let body_index = doc.sentences[..=s].iter().filter(|x| !x.headline).count();
    if body_index == 0 || body_index > 2 {
        return None;
    }
    let person =
        |r: &&Ref| r.kind == RefKind::Name && b.entities[r.entity].kind == EntityKind::Person;
    // A person named before the phrase in the body (a headline may name them first).
    let in_body = |r: &&Ref| !doc.sentences[doc.sentence_of[r.from] as usize].headline;
    if named
        .iter()
        .filter(person)
        .filter(in_body)
        .any(|r| r.from < phrase.from)
    {
        return None;
    }
    let last = doc
        .sentences
        .get(s + 2)
        .map_or(doc.tokens.len(), |x| x.tokens.end);
    let next = named
        .iter()
        .filter(person)
        .find(|r| r.from >= phrase.to && r.from < last)?;
    b.entities[next.entity]
        .roles
        .is_empty()
        .then_some(next.entity)
}

/// Prepositions that open a sentence with a phrase before its subject.
const OPENING_PREPOSITIONS: &[&str] = &[
    "after",
    "within",
    "during",
    "following",
    "before",
    "despite",
    "in",
    "on",
    "at",
    "since",
    "until",
    "amid",
    "ahead",
];

/// The person right after the first comma when token `k` lies in an opening phrase.
fn fronted_subject<'r>(doc: &Doc, people: &'r [Ref], s: usize, k: usize) -> Option<&'r Ref> {
    let sentence = &doc.sentences[s];
    if !doc.is_any(sentence.tokens.start, OPENING_PREPOSITIONS) {
        return None;
    }
    let comma = (sentence.tokens.start..sentence.tokens.end).find(|&j| doc.punct(j, &[","]))?;
    if k > comma {
        return None;
    }
    people
        .iter()
        .find(|r| r.from > comma && r.from <= comma + 3 && r.from < sentence.tokens.end)
}

/// Resolves he / she / his / her / him to people named before them.
fn link_pronouns(doc: &Doc, entities: &[Entity], gender: &[u32], refs: &mut Vec<Ref>) {
    let mut out = Vec::new();
    // Resolved pronouns join the candidates, so "he ... he ... he" follows one person through a
    // paragraph.
    let mut people: Vec<Ref> = refs
        .iter()
        .copied()
        .filter(|r| entities[r.entity].kind == EntityKind::Person && r.kind != RefKind::Demonym)
        .collect();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        for k in sentence.tokens.clone() {
            let word = doc.s(k);
            let (want, class) = match word.to_ascii_lowercase().as_str() {
                "he" => (flag::MALE, 's'),
                "she" => (flag::FEMALE, 's'),
                "his" => (flag::MALE, 'p'),
                "him" | "himself" => (flag::MALE, 'o'),
                "her" => (flag::FEMALE, 'p'),
                "herself" => (flag::FEMALE, 'o'),
                _ => continue,
            };
            let fits = |r: &Ref| {
                let g = gender[r.entity];
                g == 0 || g & want != 0
            };
            let sentence_of = |r: &Ref| doc.sentence_of[r.from] as usize;
            let here: Vec<&Ref> = people
                .iter()
                .filter(|r| sentence_of(r) == s && r.to <= k && fits(r))
                .collect();
            let before = |back: usize| -> Vec<&Ref> {
                people
                    .iter()
                    .filter(|r| s >= back && sentence_of(r) == s - back && fits(r))
                    .collect()
            };
            // "Within hours of his final talks with Mr Thorpe, Sir Edward told...": a pronoun
            // in an opening phrase points ahead, at the subject after the comma.
            if class != 's'
                && let Some(r) = fronted_subject(doc, &people, s, k)
                && fits(r)
            {
                out.push(Ref {
                    from: k,
                    to: k + 1,
                    entity: r.entity,
                    kind: RefKind::Pronoun,
                });
                continue;
            }
            let choice = match class {
                's' => here
                    .first()
                    .copied()
                    .or_else(|| before(1).first().copied())
                    .or_else(|| before(2).first().copied()),
                'p' => here
                    .last()
                    .copied()
                    .or_else(|| before(1).first().copied())
                    .or_else(|| before(2).first().copied()),
                _ => here
                    .iter()
                    .skip(1)
                    .next_back()
                    .copied()
                    .or_else(|| before(1).first().copied())
                    .or_else(|| before(2).first().copied()),
            };
            if let Some(r) = choice {
                let resolved = Ref {
                    from: k,
                    to: k + 1,
                    entity: r.entity,
                    kind: RefKind::Pronoun,
                };
                out.push(resolved);
                let at = people.partition_point(|p| p.from < k);
                people.insert(at, resolved);
            }
        }
    }
    refs.extend(out);
}
