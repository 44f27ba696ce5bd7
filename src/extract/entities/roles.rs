//! Roles from role phrases: an apposition ("Anne Hidalgo, the mayor of Paris"), a definite
//! phrase for someone who holds the role ("the US Secretary of State"), a phrase in the opening
//! that introduces the person named next, and "his counterpart".

use super::{Builder, Ref, RefKind};
use crate::extract::doc::Doc;
use crate::extract::mentions::{Of, RoleRef};
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
/// ("the mayor of Paris, Anne Hidalgo") or right before it ("Graham Robb, spokesman for X").
pub(super) fn apposed_person(
    doc: &Doc,
    phrase: &RoleRef,
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
pub(super) fn link_role_phrases(
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
pub(super) fn leading_person(
    doc: &Doc,
    phrase: &RoleRef,
    b: &Builder,
    named: &[Ref],
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
