//! The contract's JSON: the graph as `{"nodes": [...], "edges": [...]}`, and one document's
//! extraction as one line of `kg extract`.
//!
//! The shapes are plain structs rather than `serde_json::Value`s so that keys come out in the
//! contract's order and a field cannot be misspelt in one place only.

use std::collections::BTreeSet;

use serde::Serialize;

use super::{
    Selection, View, edge_negated, edge_status, first_date, first_place, first_role,
    round_confidence,
};
use crate::graph::{Evidence, KnowledgeGraph};
use crate::model::{EntityKind, Extraction, MentionForm};
use crate::text::Document;

#[derive(Serialize)]
struct GraphJson<'a> {
    nodes: Vec<NodeJson<'a>>,
    edges: Vec<EdgeJson<'a>>,
}

#[derive(Serialize)]
struct NodeJson<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'a str,
    aliases: &'a BTreeSet<String>,
    attributes: NodeAttributes,
}

#[derive(Serialize)]
struct NodeAttributes {
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    roles: Option<Vec<String>>,
    mentions: u32,
    docs: usize,
}

#[derive(Serialize)]
struct EdgeJson<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    source: String,
    target: String,
    attributes: EdgeAttributes<'a>,
    evidence: Vec<EvidenceJson<'a>>,
}

#[derive(Serialize)]
struct EdgeAttributes<'a> {
    topics: BTreeSet<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    status: &'static str,
    negated: bool,
    confidence: f64,
    docs: usize,
}

/// One evidence sentence, as the JSON export and GraphML's `evidence` key write it.
#[derive(Serialize)]
pub(super) struct EvidenceJson<'a> {
    doc: &'a str,
    start: usize,
    end: usize,
    sentence: &'a str,
    rule: &'a str,
    confidence: f64,
    status: &'static str,
    negated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
}

impl<'a> EvidenceJson<'a> {
    pub(super) fn new(view: &View<'a>, e: &'a Evidence) -> EvidenceJson<'a> {
        EvidenceJson {
            doc: view.doc_name(e.doc),
            start: e.span.start,
            end: e.span.end,
            sentence: &e.sentence,
            rule: e.rule.name(),
            confidence: round_confidence(e.confidence),
            status: e.status.as_str(),
            negated: e.status.is_denied(),
            date: e.date.as_ref().map(|d| d.iso()),
        }
    }
}

/// The graph, or a selection of it, as the contract's JSON (pretty-printed, ending in a newline).
pub fn to_json(graph: &KnowledgeGraph, selection: Option<&Selection>) -> String {
    write(&View::new(graph, selection))
}

/// The view as the contract's JSON.
pub(super) fn write(view: &View<'_>) -> String {
    let nodes = view
        .nodes
        .iter()
        .map(|&(id, node)| NodeJson {
            id: view.node_id(id),
            kind: node.kind.as_str(),
            name: &node.name,
            aliases: &node.aliases,
            attributes: NodeAttributes {
                kind: node.place_kind.map(|k| k.as_str()),
                roles: (node.kind == EntityKind::Person || !node.roles.is_empty())
                    .then(|| node.roles.iter().map(ToString::to_string).collect()),
                mentions: node.mentions,
                docs: node.docs.len(),
            },
        })
        .collect();
    let edges = view
        .edges
        .iter()
        .enumerate()
        .map(|(i, &(source, target, edge))| EdgeJson {
            id: format!("e{i}"),
            kind: edge.kind.as_str(),
            source: view.node_id(source),
            target: view.node_id(target),
            attributes: EdgeAttributes {
                topics: edge.topics(),
                date: first_date(edge),
                place: first_place(edge),
                role: first_role(edge),
                status: edge_status(edge).as_str(),
                negated: edge_negated(edge),
                confidence: round_confidence(edge.confidence()),
                docs: edge.doc_count(),
            },
            evidence: edge
                .evidence
                .iter()
                .map(|e| EvidenceJson::new(view, e))
                .collect(),
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&GraphJson { nodes, edges })
        .expect("plain structs with string keys serialize");
    out.push('\n');
    out
}

#[derive(Serialize)]
struct ExtractionJson<'a> {
    id: &'a str,
    mentions: Vec<MentionJson<'a>>,
    relations: Vec<RelationJson<'a>>,
}

#[derive(Serialize)]
struct MentionJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    entity: &'a str,
}

#[derive(Serialize)]
struct RelationJson<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    source: &'a str,
    target: &'a str,
    attributes: RelationAttributes<'a>,
    sentence: [usize; 2],
}

#[derive(Serialize)]
struct RelationAttributes<'a> {
    topics: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    status: &'static str,
    negated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    confidence: f64,
    rule: &'a str,
}

/// One document's extraction as one line of `kg extract` (no trailing newline).
///
/// A mention of a country by its demonym ("Russian") has the type `Demonym`, so that scorers
/// comparing named entities leave it out. A role that names no organisation has the role's title
/// as its target.
pub fn extraction_to_json(doc: &Document, ex: &Extraction) -> String {
    let name = |i: usize| ex.entities.get(i).map_or("", |e| e.name.as_str());
    let mentions = ex
        .mentions
        .iter()
        .map(|m| MentionJson {
            start: m.span.start,
            end: m.span.end,
            text: doc.text.get(m.span.start..m.span.end).unwrap_or(""),
            kind: match m.form {
                MentionForm::Demonym => "Demonym",
                MentionForm::Name => ex.entities.get(m.entity).map_or("", |e| e.kind.as_str()),
            },
            entity: name(m.entity),
        })
        .collect();
    let relations = ex
        .relations
        .iter()
        .map(|r| RelationJson {
            kind: r.kind.as_str(),
            source: name(r.source),
            target: match r.target {
                Some(t) => name(t),
                None => r.role.as_deref().unwrap_or(""),
            },
            attributes: RelationAttributes {
                topics: r.topics.iter().map(|&t| name(t)).collect(),
                place: r.place.map(name),
                date: r.date.as_ref().map(|d| d.iso()),
                status: r.status.as_str(),
                negated: r.status.is_denied(),
                role: r.role.as_deref(),
                confidence: round_confidence(r.confidence),
                rule: r.rule.name(),
            },
            sentence: [r.sentence.start, r.sentence.end],
        })
        .collect();
    serde_json::to_string(&ExtractionJson {
        id: &doc.id,
        mentions,
        relations,
    })
    .expect("plain structs with string keys serialize")
}
