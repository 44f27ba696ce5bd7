//! The query language: controlled-English questions and Cypher-like patterns over a
//! [`KnowledgeGraph`], and the [`Answer`] they produce.
//!
//! A query goes through these stages, each with its own type:
//! text -> [`parse`] -> [`Query`] (the syntax tree, every node with a byte span) -> a question
//! is lowered to its [`Pattern`] (`lower.rs`; `explain` prints it) -> the pattern is resolved
//! against the graph into a plan (`plan.rs`) -> evaluation (`eval.rs`) -> [`Answer`] ->
//! [`Answer::render`]. Only `parser.rs` knows about pest. Errors of every stage are one
//! [`QueryError`] pointing into the query text, so syntax errors, unknown names, unknown types
//! and bad dates print alike.
//!
//! | form | example |
//! |---|---|
//! | who met X (and Y) | `who met Kerry`, `who did Kerry meet`, `which people met Kerry` |
//! | who called X | `who called Kerry`, `who did Kerry call`, `who spoke by phone with Kerry` |
//! | where did X go | `where did Kerry go`, `which countries did Kerry visit` |
//! | who visited P | `who visited Moscow`, `who went to Moscow` |
//! | what did X discuss / say | `what did Kerry discuss`, `what did Kerry say about Syria` |
//! | who is X | `who is Lavrov`, `what is Moscow` |
//! | when | `when did Kerry meet Lavrov`, `when did Kerry visit Moscow` |
//! | paths | `how is Kerry connected to Lavrov`, `path from Kerry to Lavrov max 3` |
//! | neighbours | `neighbours of Kerry depth 2 via met|visited` |
//! | counts, rankings | `count people that met Kerry`, `top 5 people by degree` |
//! | patterns | `match (p:Person)-[m:MET]-({name: "Kerry"}) where m.date >= 2016 return p, m.date` |
//!
//! The meeting, call, visit, discussion and quote forms take modifiers in any order: `about T`,
//! `in P`, `with Y`, `since D`, `before D`, `after D`, `on D`, `between D and E`. Any query
//! may end in `with evidence` and in an output clause: `as json`, `as csv > out.csv`,
//! `as dot > answer.dot` (`>!` replaces an existing file).

mod answer;
mod ast;
mod error;
mod eval;
mod events;
mod lower;
mod notes;
mod parser;
mod places;
mod plan;
mod render;
mod topics;

use std::path::PathBuf;

pub use answer::{Answer, Cells, Deferred, EvidenceColumn, EvidenceRef, Format, Refs, Row, Value};
pub use ast::{
    Ask, Body, Condition, DateLit, Direction, Event, Expr, Filter, FilterArg, FilterKind, Form,
    Hops, Ident, Item, Literal, Name, NodePattern, Number, Op, Order, Output, OutputFormat, Part,
    Pattern, Property, Query, Question, QuestionOrder, Ranking, RelPattern, RelationWord, TypeWord,
    Wh,
};
pub use error::QueryError;
pub use parser::{
    Expected, RELATION_WORDS, TYPE_WORDS, Token, TokenKind, expected_at, open_quote, quoted_end,
    tokens,
};

use crate::export::{self, Selection};
use crate::graph::KnowledgeGraph;

/// The longest name a query may hold, in characters (a bare name, a quoted one, or any quoted
/// text of a pattern). The longest entity names in news are under a hundred characters; a longer
/// name is an error pointing at it, so that the work of resolving names stays small.
pub const MAX_NAME_CHARS: usize = 200;

/// The most columns a pattern may return; `return` with more is an error pointing at the
/// columns past the limit. (Questions return at most 11.)
pub const MAX_COLUMNS: usize = 64;

/// The most rows an answer holds. A query that matches more and sets no `limit` is an error
/// pointing at the pattern's parts (for a question, the question), and so is a `limit` above it;
/// `count(*)` counts without limit. With [`MAX_COLUMNS`] this bounds what an answer, and its
/// printed table, can take.
pub const MAX_ROWS: usize = 10_000;

/// True when `word` is a keyword of the language, in any case.
pub fn is_keyword(word: &str) -> bool {
    parser::is_keyword(word)
}

/// Parses a query.
pub fn parse(input: &str) -> Result<Query, QueryError> {
    parser::parse(input)
}

/// The pattern a query runs: a pattern as written, or the one a question stands for.
pub fn pattern_of(query: &Query) -> Pattern {
    match &query.body {
        Body::Pattern(pattern) => pattern.clone(),
        Body::Question(question) => lower::lower(question),
    }
}

/// The pattern a query runs on this graph: [`pattern_of`], after joining names a question split
/// at `and` where the joined name is one the graph knows (`who met Bosnia and Herzegovina`: the
/// longest match wins). This is the pattern `explain` prints.
pub fn pattern_for(graph: &KnowledgeGraph, query: &Query) -> Pattern {
    match &query.body {
        Body::Pattern(pattern) => pattern.clone(),
        Body::Question(question) => {
            let mut question = question.clone();
            if let Form::Met { people } | Form::Called { people } = &mut question.form {
                *people = join_names(graph, people, &query.text);
            }
            for filter in &mut question.filters {
                if let FilterArg::Topics { topics, any: false } = &mut filter.arg {
                    *topics = join_names(graph, topics, &query.text);
                }
            }
            lower::lower(&question)
        }
    }
}

/// The most names split at `and` that are joined back into one: "First National Bank of
/// Schiller Park and Merchants and Manufacturers State Bank" is three.
const MAX_JOINED: usize = 4;

/// Joins runs of names separated by `and` into the longest one the graph knows as one entity.
/// Only runs of at most [`MAX_JOINED`] names and [`MAX_NAME_CHARS`] characters are tried (a
/// longer name cannot be typed), each looked up without a did-you-mean search, so that a
/// question of many names costs at most three lookups a name.
fn join_names(graph: &KnowledgeGraph, names: &[Name], source: &str) -> Vec<Name> {
    // A run's length in characters, from the byte offsets of its ends.
    let char_starts: Vec<usize> = source.char_indices().map(|(at, _)| at).collect();
    let chars_at = |byte: usize| char_starts.partition_point(|&at| at < byte);
    let ends: Vec<(usize, usize)> = names
        .iter()
        .map(|n| (chars_at(n.span.start), chars_at(n.span.end)))
        .collect();
    let mut joined = Vec::with_capacity(names.len());
    let mut i = 0;
    while i < names.len() {
        let start = ends[i].0;
        let fits = ends
            .partition_point(|&(_, end)| end.saturating_sub(start) <= MAX_NAME_CHARS)
            .min(i + MAX_JOINED);
        let longest = (i + 1..fits.max(i + 1)).rev().find_map(|j| {
            let span = crate::text::Span::new(names[i].span.start, names[j].span.end);
            let text = source.get(span.start..span.end)?;
            // Quoted names are taken as written.
            if text.contains('"') {
                return None;
            }
            let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
            matches!(graph.lookup(&words), crate::graph::Resolution::One(_))
                .then(|| (j, Name { text: words, span }))
        });
        match longest {
            Some((j, name)) => {
                joined.push(name);
                i = j + 1;
            }
            None => {
                joined.push(names[i].clone());
                i += 1;
            }
        }
    }
    joined
}

/// Answers a parsed query from the graph (its `explain` and output clause aside). Fails when a
/// name the answer hangs on is unknown or ambiguous, an `in` place is neither in the graph nor
/// in the gazetteer, an `about` topic holds a word no name of the graph has, or the pattern
/// asks for what the language does not know. An answer with no rows says why in
/// [`Answer::notes`]; a yes-or-no question answers in [`Answer::headline`], with its evidence.
///
/// The cells that gather a row's evidence (topics, places, dates, ...) are
/// [`Value::Deferred`] until the answer is shown: [`Answer::render`] computes them, and so does
/// [`Answer::resolve`].
pub fn run(graph: &KnowledgeGraph, query: &Query) -> Result<Answer, QueryError> {
    let pattern = pattern_for(graph, query);
    let plan = plan::plan(graph, &pattern)?;
    let mut answer = eval::execute(graph, &plan)?;
    answer.with_evidence = query.evidence;
    notes::annotate(graph, query, &plan, &mut answer);
    Ok(answer)
}

/// How a caller prints answers when the query does not say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// The format of an answer without an output clause.
    pub format: Format,
    /// Show the supporting sentence of every row.
    pub evidence: bool,
    /// The width a table is fitted to.
    pub width: Option<usize>,
}

/// What running a query produced: text, to print or to write to a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The answer, the pattern (`explain`) or the DOT text; no final newline.
    pub text: String,
    /// `> FILE` in the output clause: write the text there instead of printing it.
    pub file: Option<Destination>,
}

/// Where the output clause says to write: `> FILE` or `>! FILE`. Whether the caller may write
/// there at all is the caller's to decide (`kg query` needs `--allow-write`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Destination {
    /// The file as written in the query (`-` is standard output).
    pub path: PathBuf,
    /// `>!`: an existing file may be replaced. With `>`, it may not.
    pub replace: bool,
    /// Where `> FILE` stands in the query text, for an error pointing at it.
    pub span: crate::text::Span,
}

/// Runs a query as typed, output clause included: parses it, answers it (or explains it), and
/// renders the answer as the clause or `settings` say. The caller prints [`Outcome::text`] or
/// writes it to [`Outcome::path`]; this module touches no file.
pub fn execute(
    graph: &KnowledgeGraph,
    input: &str,
    settings: &Settings,
) -> Result<Outcome, QueryError> {
    let query = parse(input)?;
    let file = query.output.as_ref().and_then(|output| {
        let (path, at) = output.path.as_ref()?;
        Some(Destination {
            path: PathBuf::from(path),
            replace: output.replace,
            // From the redirection on: `> FILE`.
            span: redirect_span(input, *at).cover(*at),
        })
    });
    if query.explain {
        // The plan is still made, so that a name error shows before the pattern, and the
        // entities the names were taken to mean are shown under it.
        let pattern = pattern_for(graph, &query);
        let plan = plan::plan(graph, &pattern)?;
        let mut text = pattern.to_string();
        if query.evidence || notes::is_yes_no(&query) {
            text.push_str(" with evidence");
        }
        for line in notes::chosen_lines(graph, &plan) {
            text.push('\n');
            text.push_str(&line);
        }
        return Ok(Outcome { text, file });
    }
    let answer = run(graph, &query)?;
    let evidence = settings.evidence || query.evidence;
    let text = match query.output.as_ref().map(|o| o.format) {
        None => answer.render(graph, settings.format, evidence, settings.width),
        Some(OutputFormat::Table) => answer.render(graph, Format::Table, evidence, settings.width),
        Some(OutputFormat::Json) => answer.render(graph, Format::Json, evidence, None),
        Some(OutputFormat::Csv) => answer.render(graph, Format::Csv, evidence, None),
        Some(OutputFormat::Dot) => {
            let selection = Selection {
                nodes: answer.nodes(),
                edges: answer.edges(),
            };
            export::to_dot(graph, Some(&selection))
                .trim_end()
                .to_string()
        }
    };
    Ok(Outcome { text, file })
}

/// The span of the `>` or `>!` before a target at `at`.
fn redirect_span(input: &str, at: crate::text::Span) -> crate::text::Span {
    let before = input.get(..at.start).unwrap_or_default().trim_end();
    let start = before.rfind('>').unwrap_or(at.start);
    crate::text::Span::new(start, at.start)
}
