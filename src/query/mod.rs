//! Questions: the grammar in `grammar/query.pest`, its AST, evaluation over a
//! [`KnowledgeGraph`], and the [`Answer`] it produces.
//!
//! A question goes through four stages, each with its own type:
//! text -> [`parse`] -> [`Query`] (the syntax tree, every node with a byte span) -> name
//! resolution -> a plan (edge walks with evidence filters) -> evaluation -> [`Answer`] ->
//! [`Answer::render`]. Only `parser.rs` knows about pest. Errors of every stage are one
//! [`QueryError`] pointing into the question text, so syntax and unknown names print alike.
//!
//! The language is controlled English, keywords in any case:
//!
//! | form | example |
//! |---|---|
//! | who met X (and Y) | `who met Kerry`, `who did Kerry meet`, `who talked to Kerry`, `who met Kerry and Lavrov` |
//! | where did X go | `where did Kerry go`, `where has Kerry been` |
//! | who visited P | `who visited Moscow`, `who went to Moscow`, `who has been to Moscow` |
//! | what did X discuss | `what did Kerry discuss`, `what did Kerry talk about` |
//! | what did X say | `what did Kerry say about Syria` |
//! | who is X | `who is Lavrov`, `what is Moscow` |
//!
//! Every form but `who is` takes modifiers in any order: `about T` (a topic of the event),
//! `in P` (where it took place), `with Y` (Y met one of the parties in the same sentence). A
//! trailing `with evidence` asks for the supporting sentences.

mod answer;
mod ast;
mod error;
mod eval;
mod parser;
mod plan;
mod render;

pub use answer::{Answer, EvidenceRef, Format, Row, Value};
pub use ast::{Filter, FilterKind, Form, Name, Query, Question, Wh};
pub use error::QueryError;
pub use parser::Expectation as Expected;

use crate::graph::KnowledgeGraph;

/// What the grammar accepts at the word under way at the end of `input` (for completion).
pub fn expected_at(input: &str) -> Expected {
    parser::expected_at(input)
}

/// True when `word` is a keyword of the language, in any case.
pub fn is_keyword(word: &str) -> bool {
    parser::is_keyword(word)
}

/// The plan a question becomes, as the planner's debug text: what `:explain` shows until the
/// language has an `explain` of its own.
pub fn plan_text(graph: &KnowledgeGraph, query: &Query) -> Result<String, QueryError> {
    let plan = plan::plan(graph, &query.question, &query.text)?;
    Ok(format!("{plan:#?}"))
}

/// Parses a question.
pub fn parse(input: &str) -> Result<Query, QueryError> {
    parser::parse(input)
}

/// Answers a parsed question from the graph. Fails when a name the answer hangs on (the person
/// met, the place visited, the `with` party) is unknown or ambiguous; an unknown `about` topic or
/// `in` place is no error, since topics need not be entities.
pub fn run(graph: &KnowledgeGraph, query: &Query) -> Result<Answer, QueryError> {
    let plan = plan::plan(graph, &query.question, &query.text)?;
    let mut answer = eval::execute(graph, &plan);
    answer.with_evidence = query.evidence;
    Ok(answer)
}
