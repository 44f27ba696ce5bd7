//! Text to [`Query`]: the pest grammar in `grammar/query.pest`, one function per rule that builds
//! the tree, and the translation of pest's expected-rule sets into English.
//!
//! This is the only module that knows pest exists; the rest of the query layer sees the tree.

use pest::Parser as _;
use pest::error::{ErrorVariant, InputLocation};
use pest::iterators::Pair;

use super::ast::{Filter, FilterKind, Form, Name, Query, Question, Wh};
use super::error::{QueryError, or_list};
use crate::text::Span;

#[derive(pest_derive::Parser)]
#[grammar = "grammar/query.pest"]
struct Grammar;

/// Parses a question.
pub(super) fn parse(input: &str) -> Result<Query, QueryError> {
    let mut pairs =
        Grammar::parse(Rule::query, input).map_err(|error| syntax_error(input, &error))?;
    let mut question = None;
    let mut evidence = false;
    for pair in pairs.next().into_iter().flat_map(Pair::into_inner) {
        match pair.as_rule() {
            Rule::evidence => evidence = true,
            Rule::EOI => {}
            _ => question = Some(question_of(pair)?),
        }
    }
    let question = question.ok_or_else(|| {
        // The grammar makes a question mandatory; reaching this is a bug in this file.
        QueryError::new(
            "expected a question such as `who met NAME`",
            Span::new(0, input.len()),
            "",
        )
    })?;
    Ok(Query {
        text: input.to_string(),
        question,
        evidence,
    })
}

/// True when `text` reads back as this very name when written without quotes, in every place a
/// name may stand: words separated by single spaces, none of them a keyword.
pub(super) fn is_bare_name(text: &str) -> bool {
    Grammar::parse(Rule::bare_words, text).is_ok()
        && text
            .split(' ')
            .all(|word| Grammar::parse(Rule::lone_keyword, word).is_err())
}

fn span_of(pair: &Pair<'_, Rule>) -> Span {
    let span = pair.as_span();
    Span::new(span.start(), span.end())
}

fn question_of(pair: Pair<'_, Rule>) -> Result<Question, QueryError> {
    let rule = pair.as_rule();
    let span = span_of(&pair);
    let mut names = Vec::new();
    let mut filters: Vec<Filter> = Vec::new();
    let mut wh = Wh::Who;
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::name | Rule::list_name | Rule::subject => {
                names.push(name_of(part)?);
            }
            Rule::about | Rule::place | Rule::with => {
                let filter = filter_of(part)?;
                if let Some(first) = filters.iter().find(|f| f.kind == filter.kind) {
                    let keyword = filter.kind.keyword();
                    return Err(QueryError::new(
                        format!("`{keyword}` is given twice"),
                        filter.span,
                        format!("a second `{keyword}`"),
                    )
                    .with_help(format!(
                        "keep one `{keyword}`: the first is `{keyword} {}`",
                        first.name
                    )));
                }
                filters.push(filter);
            }
            Rule::what => wh = Wh::What,
            _ => {}
        }
    }
    let mut names = names.into_iter();
    let mut one = || names.next().ok_or_else(|| missing_name(span));
    let form = match rule {
        Rule::met => {
            let mut people = vec![one()?];
            people.extend(names);
            Form::Met { people }
        }
        Rule::went => Form::WentTo { who: one()? },
        Rule::visitors => Form::Visitors { place: one()? },
        Rule::discussed => Form::Discussed { who: one()? },
        Rule::said => Form::Said { who: one()? },
        _ => Form::Describe { wh, who: one()? },
    };
    Ok(Question {
        form,
        filters,
        span,
    })
}

/// Only reachable through a bug in the grammar: every form holds a name.
fn missing_name(span: Span) -> QueryError {
    QueryError::new("expected a name", span, "this question names no one")
}

fn filter_of(pair: Pair<'_, Rule>) -> Result<Filter, QueryError> {
    let kind = match pair.as_rule() {
        Rule::about => FilterKind::About,
        Rule::place => FilterKind::In,
        _ => FilterKind::With,
    };
    let span = span_of(&pair);
    let name = pair
        .into_inner()
        .find(|p| p.as_rule() == Rule::name)
        .ok_or_else(|| missing_name(span))?;
    Ok(Filter {
        kind,
        name: name_of(name)?,
        span,
    })
}

/// A name from any of the name rules: the quoted text with escapes undone, or the bare words
/// joined by single spaces.
fn name_of(pair: Pair<'_, Rule>) -> Result<Name, QueryError> {
    let outer = span_of(&pair);
    let Some(inner) = pair.into_inner().next() else {
        return Err(missing_name(outer));
    };
    let span = span_of(&inner);
    if inner.as_rule() == Rule::quoted {
        let raw = inner.into_inner().next().map_or("", |p| p.as_str());
        let mut text = String::with_capacity(raw.len());
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            text.push(if c == '\\' {
                chars.next().unwrap_or(c)
            } else {
                c
            });
        }
        if text.trim().is_empty() {
            return Err(QueryError::new(
                "a name cannot be empty",
                span,
                "nothing between the quotes",
            ));
        }
        return Ok(Name { text, span });
    }
    let words: Vec<Pair<'_, Rule>> = inner.into_inner().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return Err(missing_name(span));
    };
    let span = Span::new(first.as_span().start(), last.as_span().end());
    let text = words.iter().map(Pair::as_str).collect::<Vec<_>>().join(" ");
    Ok(Name { text, span })
}

/// What the parser wanted at the place it stopped, in the user's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expected {
    Question,
    Name,
    Keyword(Rule),
    End,
}

/// Turns pest's error into one that names what was expected in English, never by rule name.
fn syntax_error(input: &str, error: &pest::error::Error<Rule>) -> QueryError {
    let pos = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((start, _)) => start,
    };
    let positives: &[Rule] = match &error.variant {
        ErrorVariant::ParsingError { positives, .. } => positives,
        ErrorVariant::CustomError { .. } => &[],
    };
    if let Some(error) = unclosed_quote(input, pos) {
        return error;
    }
    // pest reports a rule whose alternatives all failed at one spot as the rule itself, so a
    // name rule here means a name could start. A lone `word` means a name under way could take
    // one more word; saying so would hide what is really missing (the verb in `who did Kerry`).
    let mut expected: Vec<Expected> = positives
        .iter()
        .filter_map(|&rule| match rule {
            Rule::query | Rule::who | Rule::what | Rule::where_ => Some(Expected::Question),
            Rule::name
            | Rule::name_words
            | Rule::list_name
            | Rule::list_words
            | Rule::subject
            | Rule::subject_words
            | Rule::quoted => Some(Expected::Name),
            Rule::EOI => Some(Expected::End),
            rule if keyword_of(rule).is_some() => Some(Expected::Keyword(rule)),
            _ => None,
        })
        .collect();
    // `who met with Kerry`: the optional `with` is not worth mentioning when a name is missing.
    if expected.contains(&Expected::Name) {
        expected.retain(|e| *e != Expected::Keyword(Rule::kw_with));
    }
    expected.sort_by_key(|e| match e {
        Expected::Keyword(rule) => (1, priority(*rule)),
        Expected::Question => (0, 0),
        Expected::Name => (0, 1),
        Expected::End => (2, 0),
    });
    expected.dedup();

    let (span, found) = offending_token(input, pos);
    let keywords = expected
        .iter()
        .filter(|e| matches!(e, Expected::Keyword(_)))
        .count();
    let message = if expected.contains(&Expected::Question) {
        "expected a question such as `who met NAME`".to_string()
    } else if expected.is_empty() {
        format!("unexpected {}", found.trim_start_matches("the "))
    } else if keywords > 5 {
        // After `who` or before the verb, a dozen words may follow; name the common ones.
        let verbs: Vec<String> = expected
            .iter()
            .filter_map(|e| match e {
                Expected::Keyword(rule) => keyword_of(*rule).map(|k| format!("`{k}`")),
                _ => None,
            })
            .take(4)
            .collect();
        format!("expected a verb such as {}", or_list(&verbs))
    } else {
        let items: Vec<String> = expected
            .iter()
            .map(|e| match e {
                Expected::Name => "a name".to_string(),
                Expected::Keyword(rule) => format!("`{}`", keyword_of(*rule).unwrap_or("?")),
                Expected::End | Expected::Question => "the end of the question".to_string(),
            })
            .collect();
        let mut message = format!("expected {}", or_list(&items));
        if expected.contains(&Expected::Name)
            && let Some(previous) = input
                .get(..pos)
                .and_then(|s| s.split_whitespace().next_back())
        {
            message.push_str(&format!(" after `{previous}`"));
        }
        message
    };
    QueryError::new(message, span, format!("found {found}"))
}

/// An unclosed `"` at the point of failure: say so rather than list what could come instead.
fn unclosed_quote(input: &str, pos: usize) -> Option<QueryError> {
    let rest = input.get(pos..)?.strip_prefix('"')?;
    let mut escaped = false;
    for c in rest.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return None,
            _ => {}
        }
    }
    Some(QueryError::new(
        "unclosed quoted name",
        Span::new(pos, pos + 1),
        "this quote is never closed",
    ))
}

/// Where a keyword comes when several are expected: common words first, so that a long list
/// cut short still shows the ones a user most likely meant.
fn priority(rule: Rule) -> usize {
    const FIRST: [Rule; 12] = [
        Rule::kw_meet,
        Rule::kw_met,
        Rule::kw_visited,
        Rule::kw_is,
        Rule::did,
        Rule::kw_discuss,
        Rule::kw_say,
        Rule::kw_go,
        Rule::kw_talk,
        Rule::kw_and,
        Rule::kw_about,
        Rule::kw_in,
    ];
    FIRST
        .iter()
        .position(|&r| r == rule)
        .unwrap_or(FIRST.len() + rule as usize)
}

/// The keyword a rule matches, for rules that match one keyword.
fn keyword_of(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::did => "did",
        Rule::has => "has",
        Rule::kw_is => "is",
        Rule::kw_was => "was",
        Rule::kw_and => "and",
        Rule::kw_about => "about",
        Rule::kw_in => "in",
        Rule::kw_with => "with",
        Rule::kw_to => "to",
        Rule::kw_evidence => "evidence",
        Rule::kw_met => "met",
        Rule::kw_meet => "meet",
        Rule::kw_meets => "meets",
        Rule::kw_talk => "talk",
        Rule::kw_talked => "talked",
        Rule::kw_spoke => "spoke",
        Rule::kw_speak => "speak",
        Rule::kw_spoken => "spoken",
        Rule::kw_go => "go",
        Rule::kw_gone => "gone",
        Rule::kw_went => "went",
        Rule::kw_been => "been",
        Rule::kw_travel => "travel",
        Rule::kw_travelled => "travelled",
        Rule::kw_traveled => "traveled",
        Rule::kw_visit => "visit",
        Rule::kw_visits => "visits",
        Rule::kw_visited => "visited",
        Rule::kw_discuss => "discuss",
        Rule::kw_discussed => "discussed",
        Rule::kw_say => "say",
        Rule::kw_said => "said",
        _ => return None,
    })
}

/// The span of what stands at `pos` (the word, one other character, or the empty end) and how
/// to name it.
fn offending_token(input: &str, pos: usize) -> (Span, String) {
    let pos = pos.min(input.len());
    let rest = input.get(pos..).unwrap_or("");
    let Some(first) = rest.chars().next() else {
        return (Span::new(pos, pos), "the end of the question".to_string());
    };
    let is_word = |c: char| c.is_alphanumeric() || "'\u{2019}-.&".contains(c);
    let len = if is_word(first) {
        rest.find(|c: char| !is_word(c)).unwrap_or(rest.len())
    } else {
        first.len_utf8()
    };
    let token = &rest[..len];
    (Span::new(pos, pos + len), format!("`{token}`"))
}

/// What the grammar accepts at the word under way at the end of an input: the keywords that may
/// come there, and whether a name may start there. The shell's completion asks this instead of
/// keeping a word list, so a keyword rule added to the grammar (and to [`keyword_of`]) is
/// offered without more code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expectation {
    /// Where the word being completed starts (a byte offset into the input).
    pub at: usize,
    /// Keywords that may come there, common ones first, each once.
    pub keywords: Vec<&'static str>,
    /// True when a name (bare or quoted) may start here.
    pub name: bool,
}

/// What may come at the end of `input`, read up to the start of the word under way there (an
/// input that does not end in a space ends in a word being typed). Nothing is expected when the
/// text before that word already fails.
///
/// The text is parsed with a character no rule accepts appended, so that pest stops exactly
/// there and reports every rule it tried at that spot, whether or not the text is already a
/// whole question.
pub(super) fn expected_at(input: &str) -> Expectation {
    const STOP: char = '\u{1}';
    let at = input
        .char_indices()
        .rev()
        .take_while(|(_, c)| !c.is_whitespace() && !"()[]{},\"".contains(*c))
        .last()
        .map_or(input.len(), |(i, _)| i);
    let input = &input[..at];
    let mut expectation = Expectation {
        at,
        ..Expectation::default()
    };
    let Err(error) = Grammar::parse(Rule::query, &format!("{input}{STOP}")) else {
        return expectation;
    };
    let pos = match error.location {
        InputLocation::Pos(p) | InputLocation::Span((p, _)) => p,
    };
    let ErrorVariant::ParsingError { positives, .. } = &error.variant else {
        return expectation;
    };
    if pos != input.len() {
        return expectation;
    }
    let mut rules: Vec<Rule> = positives.clone();
    // pest names a rule whose alternatives all failed at one spot (`query` at the start) rather
    // than the keywords inside it; then every keyword is tried in its place.
    let opaque = |rule: &Rule| {
        keyword_of(*rule).is_none()
            && !matches!(rule, Rule::EOI | Rule::word)
            && starter(*rule).is_none()
            && !is_name_rule(*rule)
    };
    if rules.iter().any(opaque) {
        for &rule in Rule::all_rules() {
            let Some(word) = keyword_of(rule).or_else(|| starter(rule)) else {
                continue;
            };
            let accepted = match Grammar::parse(Rule::query, &format!("{input}{word} {STOP}")) {
                Ok(_) => true,
                Err(error) => match error.location {
                    InputLocation::Pos(p) | InputLocation::Span((p, _)) => p > input.len(),
                },
            };
            if accepted {
                rules.push(rule);
            }
        }
    }
    rules.sort_by_key(|&rule| priority(rule));
    for rule in rules {
        if is_name_rule(rule) {
            expectation.name = true;
        }
        if let Some(keyword) = keyword_of(rule).or_else(|| starter(rule))
            && !expectation.keywords.contains(&keyword)
        {
            expectation.keywords.push(keyword);
        }
    }
    expectation
}

/// The word of a rule that starts a question.
fn starter(rule: Rule) -> Option<&'static str> {
    match rule {
        Rule::who => Some("who"),
        Rule::what => Some("what"),
        Rule::where_ => Some("where"),
        _ => None,
    }
}

/// True for the rules where a name starts.
fn is_name_rule(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::name
            | Rule::name_words
            | Rule::list_name
            | Rule::list_words
            | Rule::subject
            | Rule::subject_words
            | Rule::quoted
    )
}

/// True when `word` is one of the language's keywords, in any case.
pub(super) fn is_keyword(word: &str) -> bool {
    Grammar::parse(Rule::lone_keyword, word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_keyword_rule_is_a_keyword_and_has_its_word() {
        for &rule in Rule::all_rules() {
            let debug = format!("{rule:?}");
            let Some(word) = debug.strip_prefix("kw_") else {
                continue;
            };
            assert_eq!(keyword_of(rule), Some(word), "{debug}");
            assert!(Grammar::parse(Rule::lone_keyword, word).is_ok(), "{debug}");
            assert!(!is_bare_name(word), "{debug}");
        }
        for word in ["who", "what", "where", "did", "has"] {
            assert!(!is_bare_name(word), "{word}");
        }
    }

    #[test]
    fn bare_names() {
        assert!(is_bare_name("John Kerry"));
        assert!(is_bare_name("Zürich"));
        assert!(is_bare_name("U.S. Department"));
        assert!(is_bare_name("Inland"));
        assert!(!is_bare_name("Bosnia and Herzegovina"));
        assert!(!is_bare_name("John  Kerry"));
        assert!(!is_bare_name(" Kerry"));
        assert!(!is_bare_name("Kerry, John"));
        assert!(!is_bare_name(""));
    }

    #[test]
    fn expected_at_the_end_of_a_prefix() {
        let start = expected_at("");
        assert!(
            start.keywords.starts_with(&["who", "what", "where"]),
            "{start:?}"
        );
        assert!(!start.name);
        let after_met = expected_at("who met ");
        assert!(after_met.name, "{after_met:?}");
        let after_name = expected_at("who met Kerry ");
        for keyword in ["about", "in", "with", "and"] {
            assert!(after_name.keywords.contains(&keyword), "{after_name:?}");
        }
        // A word under way is left out: what may stand in its place is offered.
        let under_way = expected_at("where did Kerry g");
        assert_eq!(under_way.at, 16);
        assert!(under_way.keywords.contains(&"go"), "{under_way:?}");
        assert_eq!(
            expected_at("who frobnicated K"),
            Expectation {
                at: 16,
                ..Expectation::default()
            }
        );
    }
}
