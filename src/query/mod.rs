//! Questions: the grammar in `grammar/query.pest`, its AST, evaluation over a
//! [`KnowledgeGraph`], and the [`Answer`] it produces.
//!
//! INTERFACE STUB: the query layer is being written; these signatures are the contract the CLI,
//! the shell and the exporters code against.

use std::collections::BTreeSet;

use crate::extract::EntityKind;
use crate::graph::{EdgeId, KnowledgeGraph, NodeId};
use crate::text::Span;

/// A parsed question.
#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    /// The text it was parsed from.
    pub text: String,
}

/// Parses a question.
pub fn parse(input: &str) -> Result<Query, QueryError> {
    let _ = input;
    todo!("query layer")
}

/// Answers a parsed question from the graph.
pub fn run(graph: &KnowledgeGraph, query: &Query) -> Result<Answer, QueryError> {
    let _ = (graph, query);
    todo!("query layer")
}

/// A syntax or name error, pointing into the query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError {
    /// What went wrong, one line, lower case.
    pub message: String,
    /// Where, in the query text.
    pub span: Span,
    /// The note printed under the caret.
    pub label: String,
    /// A suggestion ("did you mean `Kerry`?").
    pub help: Option<String>,
}

impl QueryError {
    /// The error as a snippet with a caret under the spot.
    pub fn render(&self, source: &str, color: bool) -> String {
        let _ = (source, color);
        todo!("query layer")
    }
}

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
    /// The evidence behind the row.
    pub evidence: Vec<EvidenceRef>,
}

/// The result of a question.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// Column names; the first column holds the answer.
    pub columns: Vec<String>,
    /// The rows.
    pub rows: Vec<Row>,
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
        todo!("query layer")
    }

    /// Every edge the answer's evidence comes from.
    pub fn edges(&self) -> BTreeSet<EdgeId> {
        todo!("query layer")
    }

    /// The answer printed in a format; `evidence` adds the supporting sentence to each row.
    pub fn render(
        &self,
        graph: &KnowledgeGraph,
        format: Format,
        evidence: bool,
        width: Option<usize>,
    ) -> String {
        let _ = (graph, format, evidence, width);
        todo!("query layer")
    }
}
