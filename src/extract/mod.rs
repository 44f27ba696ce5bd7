//! Extraction: one document's text in, its entities, mentions and relations out.
//!
//! [`extract`] is a pure function of the document and the lexicon, so documents can be processed
//! in parallel and the result never depends on what else was read. Everything found keeps the byte
//! span it came from and the name of the rule that produced it.

mod dates;
mod doc;
mod entities;
mod events;
mod mentions;

use crate::lexicon::Lexicon;
use crate::model::{EntityKind, Extraction, Relation, RelationKind, Rule, Warning};
use crate::text::{Document, segments};
use dates::DateFinder;
pub use dates::record_date;
use doc::Doc;

/// Reads one document and returns what it says. Never fails: problems become warnings.
pub fn extract(document: &Document, lexicon: &Lexicon) -> Extraction {
    let segments = segments(&document.text, &lexicon.boilerplate);
    let doc = Doc::new(&document.text, lexicon, &segments);
    let dates = DateFinder::new(&doc, &segments, document.date.as_deref(), &document.id);
    let found = mentions::find(&doc);
    let mut resolved = entities::resolve(&doc, &found);
    let (mut relations, made) = events::find(
        &doc,
        &resolved.refs,
        &resolved.in_title,
        &resolved.entities,
        &dates,
    );
    relations.extend(role_relations(&doc, &resolved));
    resolved.entities.extend(made);
    relations.sort_by_key(|r| (r.sentence.start, r.kind));
    let mut warnings = Vec::new();
    if let Some(field) = &document.date
        && record_date(lexicon, field).is_none()
    {
        warnings.push(Warning::UnreadableDate(field.clone()));
    }
    if doc.sentences.is_empty() && !document.text.trim().is_empty() {
        warnings.push(Warning::NoReadableText);
    }
    Extraction {
        doc: document.id.clone(),
        date: dates.doc_date(),
        entities: resolved.entities,
        mentions: resolved.mentions,
        relations,
        sentences: doc.sentences.iter().map(|s| s.span).collect(),
        warnings,
    }
}

/// HOLDS_ROLE for every role a person was given, placed at the person's first mention.
fn role_relations(doc: &Doc, resolved: &entities::Resolved) -> Vec<Relation> {
    let mut out = Vec::new();
    for (e, entity) in resolved.entities.iter().enumerate() {
        if entity.kind != EntityKind::Person || entity.roles.is_empty() {
            continue;
        }
        let Some(first) = resolved.mentions.iter().find(|m| m.entity == e) else {
            continue;
        };
        let sentence = doc
            .sentences
            .iter()
            .find(|s| s.span.contains(first.span))
            .map_or(first.span, |s| s.span);
        for role in &entity.roles {
            let target = role.of.as_ref().and_then(|of| {
                resolved.entities.iter().position(|x| {
                    x.name == *of && matches!(x.kind, EntityKind::Place | EntityKind::Organization)
                })
            });
            out.push(Relation {
                role: Some(role.title.clone()),
                ..Relation::new(RelationKind::HoldsRole, e, target, sentence, Rule::Title)
            });
        }
    }
    out
}
