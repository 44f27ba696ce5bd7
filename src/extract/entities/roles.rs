//! Roles from role phrases: an apposition ("Anne Hidalgo, the mayor of Paris"), a definite
//! phrase for someone who holds the role ("the US Secretary of State"), a phrase in the opening
//! that introduces the person named next, and "his counterpart".

use super::{Builder, Ref, RefKind};
use crate::extract::doc::Doc;
use crate::extract::mentions::{Of, RoleRef};
use crate::lexicon::flag;
use crate::model::{Entity, EntityId, EntityKind, Role};
use crate::text::TokenShape;

/// The name of what a role belongs to: a lexicon entity, or an entity this document named.
pub(super) fn of_name(
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
pub(super) fn counterpart_title(title: &str) -> String {
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
/// ("the mayor of Paris, Anne Hidalgo") or right before it ("Graham Robb, spokesman for X",
/// "X, former Labour minister and now a European Commissioner,": a phrase joined by "and" to
/// one in apposition is the same person's). `phrases` are the document's role phrases.
pub(super) fn apposed_person(
    doc: &Doc,
    phrase: &RoleRef,
    phrases: &[RoleRef],
    refs: &[Ref],
    b: &Builder,
) -> Option<EntityId> {
    let person =
        |r: &&Ref| r.kind == RefKind::Name && b.entities[r.entity].kind == EntityKind::Person;
    if doc.punct(phrase.to, &[","])
        && let Some(r) = refs.iter().filter(person).find(|r| r.from == phrase.to + 1)
    {
        return Some(r.entity);
    }
    // Back over "a", "the", the phrase's own modifiers ("a Russian spokesman") and prefix
    // ("former Labour minister"), and a word of time ("now a commissioner"), to a comma.
    let mut j = phrase.from;
    while j > 0 {
        let prev = j - 1;
        if doc.is_any(
            prev,
            &["a", "an", "the", "now", "then", "also", "currently"],
        ) || doc.shape(prev) == TokenShape::Lower && doc.info(prev).has(flag::PREFIX)
        {
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
    // "Before meeting with Bush, the Crown Prince paid ...": the comma that ends an opening
    // phrase stands between two clauses, not a name and its title.
    let ends_opening = |comma: usize| {
        let s = doc.sentence_of[comma] as usize;
        doc.fronted_phrase_end(s) == Some(comma) || doc.main_clause_comma(s) == Some(comma)
    };
    if j > 0 && doc.punct(j - 1, &[","]) && !ends_opening(j - 1) {
        return refs
            .iter()
            .filter(person)
            .find(|r| r.to == j - 1)
            .map(|r| r.entity);
    }
    if j > 0
        && doc.is(j - 1, "and")
        && let Some(before) = phrases
            .iter()
            .find(|p| p.to + 1 == j && p.from < phrase.from)
    {
        return apposed_person(doc, before, phrases, refs, b);
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
pub(super) fn link_role_phrases(
    doc: &Doc,
    phrases: &[RoleRef],
    b: &mut Builder,
    named: &[Ref],
    entity_of: &[Option<EntityId>],
    refs: &mut Vec<Ref>,
) {
    let people = NamedPeople::new(named, &b.entities);
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
        let before = people.before(phrase.from);
        // The person named last before the phrase whose roles fit it.
        let mut best: Option<EntityId> = None;
        let mut best_at = 0;
        for &(entity, last, _, _) in &before {
            let e = &b.entities[entity];
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
            if fits && (best.is_none() || last > best_at) {
                best = Some(entity);
                best_at = last;
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
            best = leading_person(doc, phrase, b, &before);
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
pub(super) fn leading_person(
    doc: &Doc,
    phrase: &RoleRef,
    b: &Builder,
    before: &[Before],
) -> Option<EntityId> {
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
    let &(e, _, n, _) = before
        .iter()
        .max_by_key(|(_, _, n, first)| (*n, std::cmp::Reverse(*first)))?;
    (n >= 2 && b.entities[e].roles.is_empty()).then_some(e)
}

/// The person a role phrase in a document's opening introduces: the first person named in the
/// next two sentences, if they have no role yet and no person was named before the phrase.
pub(super) fn lede_person(
    doc: &Doc,
    phrase: &RoleRef,
    b: &Builder,
    named: &[Ref],
) -> Option<EntityId> {
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

/// A person named before a point: the entity, the index in the references of its last name
/// there, how many times it was named there, and the token of its first name.
pub(super) type Before = (EntityId, usize, usize, usize);

/// Where each person is named by name, to tell for any point who was named before it without
/// reading every reference again.
struct NamedPeople<'r> {
    named: &'r [Ref],
    /// Per person, in order of first name: the indices in `named` of its names.
    people: Vec<(EntityId, Vec<usize>)>,
}

impl<'r> NamedPeople<'r> {
    fn new(named: &'r [Ref], entities: &[Entity]) -> NamedPeople<'r> {
        let mut index: rustc_hash::FxHashMap<EntityId, usize> = rustc_hash::FxHashMap::default();
        let mut people: Vec<(EntityId, Vec<usize>)> = Vec::new();
        for (i, r) in named.iter().enumerate() {
            if r.kind != RefKind::Name || entities[r.entity].kind != EntityKind::Person {
                continue;
            }
            let slot = *index.entry(r.entity).or_insert_with(|| {
                people.push((r.entity, Vec::new()));
                people.len() - 1
            });
            people[slot].1.push(i);
        }
        NamedPeople { named, people }
    }

    /// The people named before token `at`, in order of first name.
    fn before(&self, at: usize) -> Vec<Before> {
        let cut = self.named.partition_point(|r| r.from < at);
        self.people
            .iter()
            .filter_map(|(e, names)| {
                let n = names.partition_point(|&i| i < cut);
                (n > 0).then(|| (*e, names[n - 1], n, self.named[names[0]].from))
            })
            .collect()
    }
}
