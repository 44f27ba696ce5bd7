//! The result of a question: named columns, rows of values, and for each row the evidence
//! sentences it rests on.

use std::collections::BTreeSet;

use crate::graph::{EdgeId, NodeId};
use crate::model::EntityKind;
use smallvec::SmallVec;

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
    /// A property of the row's relationship, computed from the row's evidence only when the
    /// answer is shown ([`Answer::resolved`]): an answer of thousands of rows costs the
    /// walk, not the formatting of every row's topics and dates.
    Deferred(Deferred),
}

/// A cell computed from its row's evidence when shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deferred {
    /// Which property of the row's relationship.
    pub column: EvidenceColumn,
    /// The row's answer, which `with` leaves out.
    pub answer: Option<NodeId>,
}

/// What a deferred cell holds: the row's entity, or a property of its relationship gathered
/// from the row's evidence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvidenceColumn {
    /// The row's answer itself ([`Deferred::answer`]), named when shown.
    Entity,
    /// The topics of the events.
    Topics,
    /// Their places, including where the parties were visiting at the time.
    Place,
    /// The countries of those places.
    Country,
    /// Their dates.
    Date,
    /// The best status: happened, reported, planned, denied.
    Status,
    /// How many documents tell of them.
    Docs,
    /// Who else took part.
    With,
    /// The relation types.
    Type,
    /// The dates of the articles.
    Published,
    /// The articles' ids.
    Source,
    /// The titles of roles.
    Role,
    /// The highest confidence of its sentences.
    Confidence,
}

impl Value {
    /// The value as plain text: an entity's name, a number's digits, nothing for null.
    pub fn to_text(&self) -> String {
        match self {
            Value::Entity { name, .. } => name.clone(),
            Value::Text(text) => text.clone(),
            Value::Number(n) => n.to_string(),
            Value::Null | Value::Deferred(_) => String::new(),
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

/// The evidence of a row: most rows have one sentence, kept without an allocation.
pub type Refs = SmallVec<[EvidenceRef; 1]>;

/// The cells of a row: up to six without an allocation (a hub's answer has thousands of rows).
pub type Cells = SmallVec<[Value; 6]>;

/// One row of an answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// One value a column.
    pub cells: Cells,
    /// The evidence behind the row, the most telling first: reported as having happened before
    /// planned, then by the extractor's confidence.
    pub evidence: Refs,
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
    /// What the answer should say besides its rows: that it is empty and why ("no meeting
    /// found"), whether a yes-or-no question holds, which entity an ambiguous name was taken
    /// to mean.
    pub notes: Vec<String>,
    /// A line before the rows: the answer to a yes-or-no question ("yes: ...", "no: ...").
    pub headline: Option<String>,
    /// The named nodes of the question, which `with` cells leave out.
    pub anchors: Vec<NodeId>,
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
    /// An answer with these columns and rows, nothing else.
    pub fn new(columns: Vec<String>, rows: Vec<Row>) -> Answer {
        Answer {
            columns,
            rows,
            with_evidence: false,
            notes: Vec::new(),
            headline: None,
            anchors: Vec::new(),
        }
    }

    /// The answer with every [`Value::Deferred`] cell computed from its row's evidence.
    pub fn resolved(&self, graph: &crate::graph::KnowledgeGraph) -> Answer {
        let mut answer = self.clone();
        answer.resolve(graph);
        answer
    }

    /// Computes every [`Value::Deferred`] cell from its row's evidence, in place.
    pub fn resolve(&mut self, graph: &crate::graph::KnowledgeGraph) {
        super::eval::resolve(graph, self);
    }

    /// True when some cell is still to be computed.
    pub fn is_deferred(&self) -> bool {
        self.rows
            .iter()
            .any(|r| r.cells.iter().any(|c| matches!(c, Value::Deferred(_))))
    }

    /// Every node the answer names.
    pub fn nodes(&self) -> BTreeSet<NodeId> {
        self.rows
            .iter()
            .flat_map(|row| &row.cells)
            .filter_map(|cell| match cell {
                Value::Entity { id, .. }
                | Value::Deferred(Deferred {
                    column: EvidenceColumn::Entity,
                    answer: Some(id),
                }) => Some(*id),
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

    /// The first column's values as text: the answers themselves (empty for a cell not yet
    /// computed: see [`Answer::resolve`]).
    pub fn names(&self) -> Vec<String> {
        self.rows
            .iter()
            .map(|row| row.cells.first().map_or_else(String::new, Value::to_text))
            .collect()
    }
}
