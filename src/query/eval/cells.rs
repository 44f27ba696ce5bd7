//! The cells of an answer: entities, node properties, and the properties of a relationship
//! gathered from a row's evidence when the answer is shown.

use std::collections::BTreeSet;

use crate::graph::{Evidence, KnowledgeGraph, NodeId};
use crate::model::{EntityKind, RelationKind, Role};
use crate::names::normalize;

use super::super::answer::{Deferred, EvidenceColumn, EvidenceRef, Value};
use super::super::ast::Op;
use super::super::places::country_of;
use super::super::plan::{ColumnValue, EdgeKey, NodeCondition, NodeKey};
use super::visits::Visits;
use super::walks::affirmed;
use super::{Found, Key, evidence_at};

/// Computes every [`Value::Deferred`] cell of an answer from its row's evidence, with one
/// index of visits for all its rows.
pub(in crate::query) fn resolve(graph: &KnowledgeGraph, answer: &mut super::super::answer::Answer) {
    let visits = Visits::new(graph);
    let anchors = answer.anchors.clone();
    for row in &mut answer.rows {
        for i in 0..row.cells.len() {
            if let Value::Deferred(cell) = row.cells[i] {
                row.cells[i] = deferred(graph, &visits, cell, &row.evidence, &anchors);
            }
        }
    }
}

/// The column of an answer that a relationship's property fills.
fn evidence_column(key: EdgeKey) -> EvidenceColumn {
    match key {
        EdgeKey::Topics => EvidenceColumn::Topics,
        EdgeKey::Place => EvidenceColumn::Place,
        EdgeKey::Country => EvidenceColumn::Country,
        EdgeKey::Date => EvidenceColumn::Date,
        EdgeKey::Status => EvidenceColumn::Status,
        EdgeKey::Docs => EvidenceColumn::Docs,
        EdgeKey::With => EvidenceColumn::With,
        EdgeKey::Published => EvidenceColumn::Published,
        EdgeKey::Source => EvidenceColumn::Source,
        EdgeKey::Role => EvidenceColumn::Role,
        EdgeKey::Confidence => EvidenceColumn::Confidence,
        EdgeKey::Type | EdgeKey::Hops => EvidenceColumn::Type,
    }
}

/// The places of the events a row's evidence tells of (see [`Visits::event_places`]).
fn places(graph: &KnowledgeGraph, visits: &Visits<'_>, refs: &[EvidenceRef]) -> Vec<String> {
    let mut by_event: Vec<(crate::graph::EdgeId, crate::graph::DocId, Vec<usize>)> = Vec::new();
    for r in refs {
        let Some(e) = evidence_at(graph, *r) else {
            continue;
        };
        match by_event
            .iter_mut()
            .find(|(edge, doc, _)| *edge == r.edge && *doc == e.doc)
        {
            Some((_, _, indices)) => indices.push(r.index),
            None => by_event.push((r.edge, e.doc, vec![r.index])),
        }
    }
    let mut out: Vec<String> = Vec::new();
    for (edge, _, indices) in by_event {
        for place in visits.event_places(edge, &indices) {
            if !out.contains(&place) {
                out.push(place);
            }
        }
    }
    out
}

pub(super) fn entity(graph: &KnowledgeGraph, id: NodeId) -> Value {
    let node = graph.node(id);
    Value::Entity {
        id,
        name: node.name.clone(),
        kind: node.kind,
    }
}

/// A cell of a row; a property of the relationship is left [`Value::Deferred`], computed from
/// the row's evidence when shown (a neighbourhood's `type` and `hops` are known now).
pub(super) fn cell(graph: &KnowledgeGraph, value: &ColumnValue, row: &Found) -> Value {
    match value {
        // The entity's name is copied only when the answer is shown: a hub's thousands of rows
        // cost no allocation of a name each.
        ColumnValue::Answer => match &row.key {
            Key::Node(id) => Value::Deferred(Deferred {
                column: EvidenceColumn::Entity,
                answer: Some(*id),
            }),
            Key::Text(text) => Value::Text(text.clone()),
        },
        ColumnValue::AnswerProperty(key) => match &row.key {
            Key::Node(id) => node_value(graph, *id, *key),
            Key::Text(text) => match key {
                NodeKey::Name => Value::Text(text.clone()),
                NodeKey::Type => Value::Text(EntityKind::Topic.as_str().to_string()),
                _ => Value::Null,
            },
        },
        ColumnValue::Second => row.second.map_or(Value::Null, |id| entity(graph, id)),
        ColumnValue::SecondProperty(key) => row
            .second
            .map_or(Value::Null, |id| node_value(graph, id, *key)),
        ColumnValue::Fixed(id) => entity(graph, *id),
        ColumnValue::FixedProperty(id, key) => node_value(graph, *id, *key),
        ColumnValue::Edge(EdgeKey::Hops) => row
            .hops
            .map_or(Value::Null, |h| Value::Number(u64::from(h))),
        ColumnValue::Edge(EdgeKey::Type) if row.via.is_some() => row
            .via
            .map_or(Value::Null, |kind| Value::Text(kind.as_str().to_string())),
        ColumnValue::Edge(key) => Value::Deferred(Deferred {
            column: evidence_column(*key),
            answer: match row.key {
                Key::Node(id) => Some(id),
                Key::Text(_) => None,
            },
        }),
        ColumnValue::Hops | ColumnValue::Count | ColumnValue::Document(_) => Value::Null,
    }
}

pub(super) fn node_value(graph: &KnowledgeGraph, id: NodeId, key: NodeKey) -> Value {
    let node = graph.node(id);
    match key {
        NodeKey::Name => Value::Text(node.name.clone()),
        NodeKey::Type => Value::Text(node.kind.as_str().to_string()),
        NodeKey::Kind => node
            .place_kind
            .map_or(Value::Null, |k| Value::Text(k.as_str().to_string())),
        NodeKey::Roles => {
            let mut roles: BTreeSet<Role> = node.roles.clone();
            for (_, other, edge, outgoing) in graph.edges_of(id, Some(RelationKind::HoldsRole)) {
                if !outgoing {
                    continue;
                }
                for e in edge.evidence.iter().filter(|e| !e.status.is_denied()) {
                    if let Some(title) = &e.role {
                        roles.insert(Role {
                            title: title.to_string(),
                            of: Some(graph.node(other).name.clone()),
                        });
                    }
                }
            }
            let roles: Vec<String> = roles.iter().map(Role::to_string).collect();
            list(&roles)
        }
        NodeKey::Aliases => {
            let aliases: Vec<&String> = node.aliases.iter().collect();
            list(&aliases)
        }
        NodeKey::Mentions => Value::Number(u64::from(node.mentions)),
        NodeKey::Docs => Value::Number(node.docs.len() as u64),
        NodeKey::Country => {
            // A place, or a seat news uses as one (the Kremlin, the White House).
            if !matches!(node.kind, EntityKind::Place | EntityKind::Organization) {
                return Value::Null;
            }
            country_of(graph, &node.name).map_or(Value::Null, Value::Text)
        }
        NodeKey::Degree => {
            let others: BTreeSet<NodeId> = graph.edges_of(id, None).map(|(_, o, _, _)| o).collect();
            Value::Number(others.len() as u64)
        }
        NodeKey::Count(kind) => {
            let others: BTreeSet<NodeId> = graph
                .edges_of(id, Some(kind))
                .filter(|(_, _, edge, _)| affirmed(edge))
                .map(|(_, other, _, _)| other)
                .collect();
            Value::Number(others.len() as u64)
        }
    }
}

pub(super) fn node_condition(
    graph: &KnowledgeGraph,
    id: NodeId,
    condition: &NodeCondition,
) -> bool {
    let test = |ordering: std::cmp::Ordering, op: Op| match op {
        Op::Eq => ordering.is_eq(),
        Op::Ne => !ordering.is_eq(),
        Op::Lt => ordering.is_lt(),
        Op::Le => ordering.is_le(),
        Op::Gt => ordering.is_gt(),
        Op::Ge => ordering.is_ge(),
        Op::Within => false,
    };
    match condition {
        NodeCondition::Text(key, op, wanted) => {
            let value = node_value(graph, id, *key).to_text();
            test(normalize(&value).cmp(wanted), *op)
        }
        NodeCondition::Among(ids, equal) => ids.contains(&id) == *equal,
        NodeCondition::Within(area) => area.contains_node(graph, id),
        NodeCondition::Number(key, op, wanted) => match node_value(graph, id, *key) {
            Value::Number(n) => test(n.cmp(wanted), *op),
            _ => false,
        },
    }
}

/// A property of a row's relationship, from the row's evidence: what a [`Value::Deferred`] cell
/// shows. `anchors` (the named nodes) and the row's answer are left out of `with`.
pub(super) fn deferred(
    graph: &KnowledgeGraph,
    visits: &Visits<'_>,
    cell: Deferred,
    refs: &[EvidenceRef],
    anchors: &[NodeId],
) -> Value {
    if cell.column == EvidenceColumn::Entity {
        return cell.answer.map_or(Value::Null, |id| entity(graph, id));
    }
    let evidence: Vec<&Evidence> = refs.iter().filter_map(|&r| evidence_at(graph, r)).collect();
    match cell.column {
        EvidenceColumn::Entity => Value::Null,
        EvidenceColumn::Topics => {
            let mut topics: Vec<&str> = Vec::new();
            for r in refs {
                let edge = graph.edge(r.edge);
                if edge.kind == RelationKind::Discussed {
                    let (_, target) = graph.endpoints(r.edge);
                    topics.push(&graph.node(target).name);
                }
            }
            topics.extend(
                evidence
                    .iter()
                    .flat_map(|e| e.topics.iter().map(String::as_str)),
            );
            list(&distinct(topics))
        }
        EvidenceColumn::Place => list(&places(graph, visits, refs)),
        EvidenceColumn::Country => {
            let countries = places(graph, visits, refs)
                .iter()
                .filter_map(|p| visits.country(p))
                .collect::<Vec<_>>();
            list(&distinct(countries))
        }
        EvidenceColumn::Published => {
            let mut days: Vec<String> = evidence
                .iter()
                .filter_map(|e| graph.docs().get(e.doc as usize)?.date)
                .map(|d| d.to_string())
                .collect();
            days.sort();
            days.dedup();
            list(&days)
        }
        EvidenceColumn::Source => {
            list(&distinct(evidence.iter().filter_map(|e| {
                graph.docs().get(e.doc as usize).map(|d| d.id.as_str())
            })))
        }
        EvidenceColumn::Role => list(&distinct(evidence.iter().filter_map(|e| e.role.as_ref()))),
        EvidenceColumn::Confidence => {
            let best = evidence
                .iter()
                .map(|e| e.confidence)
                .fold(0.0_f32, f32::max);
            Value::Text(format!("{best:.2}"))
        }
        EvidenceColumn::Date => {
            // Distinct dates before their text: a hub's row may rest on thousands of sentences
            // and few dates.
            let mut dates: Vec<&crate::model::DateRef> =
                evidence.iter().filter_map(|e| e.date.as_deref()).collect();
            dates.sort_unstable_by(|a, b| (&a.range, &a.text).cmp(&(&b.range, &b.text)));
            dates.dedup();
            let mut dates: Vec<String> = dates.into_iter().map(|d| d.iso()).collect();
            dates.sort();
            dates.dedup();
            list(&dates)
        }
        EvidenceColumn::Status => evidence
            .iter()
            .map(|e| e.status)
            .min()
            .map_or(Value::Null, |s| Value::Text(s.as_str().to_string())),
        EvidenceColumn::Docs => Value::Number(
            evidence
                .iter()
                .map(|e| e.doc)
                .collect::<BTreeSet<_>>()
                .len() as u64,
        ),
        EvidenceColumn::With => {
            // The people on the other side of the meetings the evidence tells of.
            let mut people: Vec<&str> = Vec::new();
            for &r in refs {
                let Some(e) = evidence_at(graph, r) else {
                    continue;
                };
                let (s, t) = graph.endpoints(r.edge);
                let mut parties: Vec<NodeId> = Vec::new();
                if graph.edge(r.edge).kind == RelationKind::Met {
                    parties.extend([s, t]);
                } else {
                    // Who met the agent in the same sentence.
                    for (_, other, edge, _) in graph.edges_of(s, Some(RelationKind::Met)) {
                        if edge
                            .evidence
                            .iter()
                            .any(|x| x.doc == e.doc && x.span == e.span)
                        {
                            parties.push(other);
                        }
                    }
                }
                for id in parties {
                    if !anchors.contains(&id) && cell.answer != Some(id) {
                        people.push(&graph.node(id).name);
                    }
                }
            }
            list(&distinct(people))
        }
        EvidenceColumn::Type => list(&distinct(
            refs.iter().map(|r| graph.edge(r.edge).kind.as_str()),
        )),
    }
}

/// Text joined from several parts with `; `, or null when there are none.
fn list<S: AsRef<str>>(parts: &[S]) -> Value {
    if parts.is_empty() {
        return Value::Null;
    }
    let parts: Vec<&str> = parts.iter().map(AsRef::as_ref).collect();
    Value::Text(parts.join("; "))
}

/// The items in first-seen order, each once.
fn distinct<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Vec<String> {
    let mut seen = Vec::<String>::new();
    for item in items {
        let item = item.as_ref();
        if !seen.iter().any(|s| s == item) {
            seen.push(item.to_string());
        }
    }
    seen
}
