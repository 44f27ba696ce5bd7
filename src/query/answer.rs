//! The result of a question: named columns, rows of values, and for each row the evidence
//! sentences it rests on.

use std::collections::BTreeSet;

use crate::graph::{EdgeId, NodeId};
use crate::model::EntityKind;

/// One cell of an answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A node.
    Entity {
        /// The node.
        id: NodeId,
        /// Its canonical name.
        name: String,
        /// Its type.
        kind: EntityKind,
    },
    /// Text.
    Text(String),
    /// A count.
    Number(u64),
    /// Nothing.
    Null,
}

impl Value {
    /// The value as plain text: an entity's name, a number's digits, nothing for null.
    pub fn to_text(&self) -> String {
        match self {
            Value::Entity { name, .. } => name.clone(),
            Value::Text(text) => text.clone(),
            Value::Number(n) => n.to_string(),
            Value::Null => String::new(),
        }
    }
}

/// Points at one evidence sentence of one edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct EvidenceRef {
    /// The edge.
    pub edge: EdgeId,
    /// Index into the edge's evidence.
    pub index: usize,
}

/// One row of an answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// One value a column.
    pub cells: Vec<Value>,
    /// The evidence behind the row, the most telling first: reported as having happened before
    /// planned, then by the extractor's confidence.
    pub evidence: Vec<EvidenceRef>,
}

/// The result of a question.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// Column names; the first column holds the answer.
    pub columns: Vec<String>,
    /// The rows.
    pub rows: Vec<Row>,
    /// True when the question itself asked for evidence ("... with evidence").
    pub with_evidence: bool,
}

/// How to print an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    /// An aligned table.
    #[default]
    Table,
    /// JSON as in the contract.
    Json,
    /// CSV with a header row.
    Csv,
}

impl Answer {
    /// Every node the answer names.
    pub fn nodes(&self) -> BTreeSet<NodeId> {
        self.rows
            .iter()
            .flat_map(|row| &row.cells)
            .filter_map(|cell| match cell {
                Value::Entity { id, .. } => Some(*id),
                _ => None,
            })
            .collect()
    }

    /// Every edge the answer's evidence comes from.
    pub fn edges(&self) -> BTreeSet<EdgeId> {
        self.rows
            .iter()
            .flat_map(|row| &row.evidence)
            .map(|e| e.edge)
            .collect()
    }

    /// The first column's values as text: the answers themselves.
    pub fn names(&self) -> Vec<String> {
        self.rows
            .iter()
            .map(|row| row.cells.first().map_or_else(String::new, Value::to_text))
            .collect()
    }
}
