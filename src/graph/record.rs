//! What the graph keeps of each document: its extraction, as a [`Record`]. The graph is a
//! deterministic merge of its records (sorted by document id) and its corrections, so adding,
//! replacing or removing a document is a change to the set of records followed by the same
//! merge, and never needs the document's text again.
//!
//! [`Record::new`] is the one place an [`Extraction`] (and the [`Document`] it came from) becomes
//! a record: a field added to `Extraction` that the graph should use is taken here.

use crate::model::{
    Date, DateRef, EntityKind, Extraction, Link, PlaceKind, RelationKind, Role, Rule, Status,
};
use crate::text::{Document, Span};

/// One document's extraction as the graph keeps it: enough to merge it again without the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    /// The document id; unique in a graph.
    pub id: String,
    /// The title, when the input gave one.
    pub title: Option<String>,
    /// The article's own date, when known.
    pub date: Option<Date>,
    /// A hash of the exact text ([`text_hash`]): the same id with another text is a new version.
    pub text_hash: u64,
    /// A hash of the text with blanks folded and the agency sign-off dropped ([`fingerprint`]):
    /// two documents with the same fingerprint are one story under two ids.
    pub fingerprint: u64,
    /// The entities, each once, as the extractor found them.
    pub entities: Vec<RecordEntity>,
    /// The relations that join two entities, in text order.
    pub relations: Vec<RecordRelation>,
}

/// An entity of one document.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordEntity {
    /// The fullest name the document gives.
    pub name: String,
    /// Its type.
    pub kind: EntityKind,
    /// For places: what sort of place.
    pub place_kind: Option<PlaceKind>,
    /// The other forms the document used.
    pub aliases: Vec<String>,
    /// Why each alias was taken for this entity.
    pub links: Vec<Link>,
    /// Roles the document gives it.
    pub roles: Vec<Role>,
    /// How many times the document names it.
    pub mentions: u32,
}

/// A relation of one document between two of its entities (by position in
/// [`Record::entities`]).
#[derive(Clone, Debug, PartialEq)]
pub struct RecordRelation {
    /// Its type.
    pub kind: RelationKind,
    /// The agent.
    pub source: u32,
    /// The other side.
    pub target: u32,
    /// What it was about.
    pub topics: Vec<u32>,
    /// Where it happened.
    pub place: Option<u32>,
    /// When it happened.
    pub date: Option<DateRef>,
    /// Happened, reported, planned or denied.
    pub status: Status,
    /// For HOLDS_ROLE: the title.
    pub role: Option<String>,
    /// The sentence's byte span in the document.
    pub span: Span,
    /// The sentence, its blanks folded to single spaces.
    pub sentence: String,
    /// The rule that produced it.
    pub rule: Rule,
    /// How far the rule is trusted, from 0 to 1.
    pub confidence: f32,
}

impl Record {
    /// The record of a document and its extraction. Relations with no target (a role of no
    /// country or organisation) are left out: the graph has no edge for them.
    pub fn new(doc: &Document, ex: &Extraction) -> Record {
        let mut mentions = vec![0u32; ex.entities.len()];
        for m in &ex.mentions {
            if let Some(count) = mentions.get_mut(m.entity) {
                *count += 1;
            }
        }
        let entities = ex
            .entities
            .iter()
            .zip(mentions)
            .map(|(e, mentions)| RecordEntity {
                name: e.name.clone(),
                kind: e.kind,
                place_kind: e.place_kind,
                aliases: e.aliases.clone(),
                links: e.links.clone(),
                roles: e.roles.clone(),
                mentions,
            })
            .collect();
        let relations = ex
            .relations
            .iter()
            .filter_map(|r| {
                let target = r.target?;
                let sentence = doc
                    .text
                    .get(r.sentence.start..r.sentence.end)
                    .unwrap_or("")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                Some(RecordRelation {
                    kind: r.kind,
                    source: r.source as u32,
                    target: target as u32,
                    topics: r.topics.iter().map(|&t| t as u32).collect(),
                    place: r.place.map(|p| p as u32),
                    date: r.date.clone(),
                    status: r.status,
                    role: r.role.clone(),
                    span: r.sentence,
                    sentence,
                    rule: r.rule,
                    confidence: r.confidence,
                })
            })
            .collect();
        Record {
            id: doc.id.clone(),
            title: doc.title.clone(),
            date: ex.date,
            text_hash: text_hash(&doc.text),
            fingerprint: fingerprint(&doc.text),
            entities,
            relations,
        }
    }
}

/// FNV-1a, 64 bits: a hash that is part of the file format, so it must never change (std's
/// and rustc-hash's hashers may change between versions).
fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// A hash of the exact text.
pub fn text_hash(text: &str) -> u64 {
    fnv1a(text.bytes())
}

/// Words that sign a wire story off at its end ("REUTER", "Reuters", "AP"), in any case, and
/// the end-of-text mark some archives keep (`&#3;`).
const SIGN_OFFS: [&str; 6] = ["reuter", "reuters", "ap", "afp", "upi", "&#3;"];

/// A hash of the text as a reader sees it: blanks folded to one space, and trailing sign-off
/// words dropped, so that the same wire story filed twice (once with "REUTER" at the end, once
/// with "Reuters", wrapped at other widths) has one fingerprint.
pub fn fingerprint(text: &str) -> u64 {
    let mut words: Vec<&str> = text.split_whitespace().collect();
    while let Some(last) = words.last() {
        let word = last.trim_matches(|c: char| c == '(' || c == ')' || c == '-');
        if SIGN_OFFS.iter().any(|s| word.eq_ignore_ascii_case(s)) || word.is_empty() {
            words.pop();
        } else {
            break;
        }
    }
    let mut bytes = Vec::with_capacity(text.len());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            bytes.push(b' ');
        }
        bytes.extend_from_slice(w.as_bytes());
    }
    fnv1a(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_story_signed_off_differently_has_one_fingerprint() {
        let a = "Talks went on.\n  Kerry met Lavrov.\n REUTER\n&#3;";
        let b = "Talks went on. Kerry met\nLavrov. Reuters";
        let c = "Talks went on. Kerry met Lavrov.";
        assert_eq!(fingerprint(a), fingerprint(b));
        assert_eq!(fingerprint(a), fingerprint(c));
        assert_ne!(
            fingerprint(c),
            fingerprint("Talks went on. Kerry met Putin.")
        );
        assert_ne!(text_hash(a), text_hash(b));
    }

    #[test]
    fn the_hash_is_fixed() {
        // Part of the file format: a change here changes every file.
        assert_eq!(text_hash(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(text_hash("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
