//! Text to [`Query`]: the pest grammar in `grammar/query.pest`, and one module per concern:
//! `question.rs` and `pattern.rs` build the tree, one function per rule; `errors.rs` turns pest's
//! expected-rule sets into English; `complete.rs` serves completion ([`expected_at`]) and
//! highlighting ([`tokens`]).
//!
//! This module and its children are the only ones that know pest exists; the rest of the query
//! layer sees the tree.

mod complete;
mod errors;
mod pattern;
mod question;
#[cfg(test)]
mod tests;

use pest::Parser as _;
use pest::iterators::Pair;

use super::ast::{Body, Output, OutputFormat, Query};
use super::error::QueryError;
use crate::text::Span;

pub use complete::{
    Expected, RELATION_WORDS, TYPE_WORDS, Token, TokenKind, expected_at, open_quote, quoted_end,
    tokens,
};
pub(super) use errors::is_keyword;
use errors::syntax_error;
use pattern::pattern_of;
use question::{question_limit_of, question_of, question_order_of, unquote};

#[derive(pest_derive::Parser)]
#[grammar = "grammar/query.pest"]
struct Grammar;

type Result<T> = std::result::Result<T, QueryError>;

/// Parses a query.
pub(super) fn parse(input: &str) -> Result<Query> {
    let mut pairs =
        Grammar::parse(Rule::query, input).map_err(|error| syntax_error(input, &error))?;
    let mut body = None;
    let mut explain = false;
    let mut evidence = false;
    let mut output = None;
    for pair in pairs.next().into_iter().flat_map(Pair::into_inner) {
        match pair.as_rule() {
            Rule::explain => explain = true,
            Rule::evidence => evidence = true,
            Rule::output => output = Some(output_of(pair)?),
            Rule::pattern => body = Some(Body::Pattern(pattern_of(pair)?)),
            Rule::EOI => {}
            Rule::question_order => {
                if let Some(Body::Question(q)) = &mut body {
                    q.order = Some(question_order_of(pair)?);
                }
            }
            Rule::question_limit => {
                if let Some(Body::Question(q)) = &mut body {
                    q.limit = Some(question_limit_of(pair)?);
                }
            }
            _ => body = Some(Body::Question(question_of(pair)?)),
        }
    }
    let body = body.ok_or_else(|| bug(Span::new(0, input.len())))?;
    Ok(Query {
        text: input.to_string(),
        explain,
        body,
        evidence,
        output,
    })
}

/// Only reachable through a bug in the grammar or in this file.
fn bug(span: Span) -> QueryError {
    QueryError::new(
        "this query could not be read (a bug in kg's grammar)",
        span,
        "here",
    )
}

/// True when `text` reads back as this very name when written without quotes, in every place a
/// name may stand: words separated by single spaces, none of them a word that can end a name.
pub(super) fn is_bare_name(text: &str) -> bool {
    Grammar::parse(Rule::bare_words, text).is_ok()
        && text
            .split(' ')
            .all(|word| Grammar::parse(Rule::ends_name, word).is_err())
}

/// True when `text` reads back as this name before the verb of `when did X meet Y`.
pub(super) fn is_when_subject(text: &str) -> bool {
    is_bare_name(text) && Grammar::parse(Rule::when_check, text).is_ok()
}

/// True when `text` reads back as this name before the verb of `how many TYPE did X VERB`.
pub(super) fn is_count_subject(text: &str) -> bool {
    is_bare_name(text) && Grammar::parse(Rule::count_check, text).is_ok()
}

/// True when a path can follow `>` without quotes.
pub(super) fn is_bare_path(text: &str) -> bool {
    !text.is_empty() && !text.contains(|c: char| c.is_whitespace() || c == '"')
}

fn span_of(pair: &Pair<'_, Rule>) -> Span {
    let span = pair.as_span();
    Span::new(span.start(), span.end())
}

fn output_of(pair: Pair<'_, Rule>) -> Result<Output> {
    let span = span_of(&pair);
    let mut format = OutputFormat::Table;
    let mut path = None;
    let mut replace = false;
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::redirect => replace = part.as_str() == ">!",
            Rule::format => {
                format = match part.as_str().to_ascii_lowercase().as_str() {
                    "json" => OutputFormat::Json,
                    "csv" => OutputFormat::Csv,
                    "dot" => OutputFormat::Dot,
                    _ => OutputFormat::Table,
                }
            }
            Rule::target => {
                let inner = part.into_inner().next().ok_or_else(|| bug(span))?;
                let at = span_of(&inner);
                let text = if inner.as_rule() == Rule::quoted {
                    unquote(inner)?.text
                } else {
                    inner.as_str().to_string()
                };
                path = Some((text, at));
            }
            _ => {}
        }
    }
    Ok(Output {
        format,
        path,
        replace,
        span,
    })
}
