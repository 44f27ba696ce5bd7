//! Syntax errors in English: what was expected where the parse stopped, never a rule name,
//! with the closest keyword for a misspelt one; and the keyword each keyword rule matches.

use pest::Parser as _;
use pest::error::{ErrorVariant, InputLocation};

use super::complete::*;
use super::{Grammar, Rule};
use crate::query::error::{QueryError, or_list};
use crate::text::Span;

/// Turns pest's error into one that names what was expected in English, never by rule name.
pub(super) fn syntax_error(input: &str, error: &pest::error::Error<Rule>) -> QueryError {
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
    let expected = wants(positives);
    let (span, found) = offending_token(input, pos);
    let keywords: Vec<String> = expected
        .iter()
        .filter_map(|e| match e {
            Want::Keyword(rule) => keyword_of(*rule).map(|k| format!("`{k}`")),
            _ => None,
        })
        .collect();
    let word = input.get(span.start..span.end).unwrap_or("").to_lowercase();
    let message = if expected.contains(&Want::Question) {
        "expected a question such as `who met NAME`, or a pattern starting with `match`".to_string()
    } else if expected.is_empty() {
        format!("unexpected {}", found.trim_start_matches("the "))
    } else if keywords.len() > 5
        && !expected.contains(&Want::Name)
        && !expected.contains(&Want::Keyword(Rule::kw_about))
    {
        // After `who` or before the verb, a dozen words may follow; name the common verbs.
        let verbs: Vec<String> = keywords
            .iter()
            .filter(|k| !["`and`", "`the`", "`many`"].contains(&k.as_str()))
            .take(4)
            .cloned()
            .collect();
        format!("expected a verb such as {}", or_list(&verbs))
    } else {
        expected_list(input, pos, &expected)
    };
    let error = QueryError::new(message, span, format!("found {found}"));
    match closest_keyword(&word, &expected) {
        Some(keyword) => error.with_help(format!("did you mean `{keyword}`?")),
        None => error,
    }
}

/// A misspelt keyword: the closest of the words that may come where `word` stands.
fn closest_keyword(word: &str, expected: &[Want]) -> Option<&'static str> {
    if word.is_empty() {
        return None;
    }
    expected
        .iter()
        .filter_map(|e| match e {
            Want::Keyword(rule) => keyword_of(*rule),
            _ => None,
        })
        .chain(
            expected
                .contains(&Want::Question)
                .then_some([
                    "who", "what", "where", "which", "match", "path", "count", "top",
                ])
                .into_iter()
                .flatten(),
        )
        .map(|k| (strsim::jaro_winkler(word, k), k))
        .filter(|(score, k)| *score >= 0.8 && *k != word)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// "expected `and`, `about`, ... or the end of the query": what may come, in English, common
/// words first; the dates and the clauses that may end any question are not listed one by one.
fn expected_list(input: &str, pos: usize, expected: &[Want]) -> String {
    const DATED: [Rule; 5] = [
        Rule::kw_since,
        Rule::kw_before,
        Rule::kw_after,
        Rule::kw_on,
        Rule::kw_between,
    ];
    // What may end any question: not worth listing among what was expected.
    const TAIL: [Rule; 5] = [
        Rule::kw_as,
        Rule::kw_from,
        Rule::kw_published,
        Rule::kw_order,
        Rule::kw_limit,
    ];
    let dated = expected
        .iter()
        .any(|e| matches!(e, Want::Keyword(rule) if DATED.contains(rule)));
    let mut items: Vec<String> = expected
        .iter()
        .filter(
            |e| !matches!(e, Want::Keyword(rule) if DATED.contains(rule) || TAIL.contains(rule)),
        )
        .filter_map(|e| {
            Some(match e {
                Want::Name => "a name".to_string(),
                Want::Type => "a type such as `people` or `countries`".to_string(),
                Want::Relation => "a relation such as `met` or `visited`".to_string(),
                Want::Date => "a date such as `2016-03-24`".to_string(),
                Want::Number => "a number".to_string(),
                Want::Path => "a file name".to_string(),
                Want::Variable => "a name such as `p` or `m.date`".to_string(),
                Want::Punct(p) => format!("`{p}`"),
                Want::Keyword(rule) => format!("`{}`", keyword_of(*rule)?),
                Want::End | Want::Question => "the end of the query".to_string(),
            })
        })
        .collect();
    items.dedup();
    if dated {
        let at = items.len() - usize::from(expected.contains(&Want::End));
        items.insert(at, "a date (`since`, `before`, `on` ...)".to_string());
    }
    if items.len() > 7 {
        items.truncate(5);
        items.push("...".to_string());
    }
    let mut message = format!("expected {}", or_list(&items));
    if expected.contains(&Want::Name)
        && let Some(previous) = input
            .get(..pos)
            .and_then(|s| s.split_whitespace().next_back())
    {
        message.push_str(&format!(" after `{previous}`"));
    }
    message
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
pub(super) fn priority(rule: Rule) -> usize {
    const FIRST: [Rule; 14] = [
        Rule::kw_meet,
        Rule::kw_met,
        Rule::kw_visited,
        Rule::kw_is,
        Rule::did,
        Rule::kw_called,
        Rule::kw_discuss,
        Rule::kw_say,
        Rule::kw_go,
        Rule::kw_talk,
        Rule::kw_and,
        Rule::kw_about,
        Rule::kw_in,
        Rule::kw_return,
    ];
    FIRST
        .iter()
        .position(|&r| r == rule)
        .unwrap_or(FIRST.len() + rule as usize)
}

/// The keyword a rule matches, for rules that match one keyword.
pub(in crate::query) fn keyword_of(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::who => "who",
        Rule::whom => "whom",
        Rule::what => "what",
        Rule::where_ | Rule::kw_where => "where",
        Rule::did => "did",
        Rule::has => "has",
        Rule::kw_which => "which",
        Rule::kw_when => "when",
        Rule::kw_is => "is",
        Rule::kw_was => "was",
        Rule::kw_are => "are",
        Rule::kw_and => "and",
        Rule::kw_about => "about",
        Rule::kw_in => "in",
        Rule::kw_with => "with",
        Rule::kw_to => "to",
        Rule::kw_by => "by",
        Rule::kw_of => "of",
        Rule::kw_or => "or",
        Rule::kw_as => "as",
        Rule::kw_evidence => "evidence",
        Rule::kw_met => "met",
        Rule::kw_meet => "meet",
        Rule::kw_meets => "meets",
        Rule::kw_talk => "talk",
        Rule::kw_talked => "talked",
        Rule::kw_spoke => "spoke",
        Rule::kw_speak => "speak",
        Rule::kw_spoken => "spoken",
        Rule::kw_call => "call",
        Rule::kw_called => "called",
        Rule::kw_calls => "calls",
        Rule::kw_phone => "phone",
        Rule::kw_phoned => "phoned",
        Rule::kw_telephone => "telephone",
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
        Rule::kw_since => "since",
        Rule::kw_before => "before",
        Rule::kw_after => "after",
        Rule::kw_on => "on",
        Rule::kw_between => "between",
        Rule::kw_how => "how",
        Rule::kw_connected => "connected",
        Rule::kw_path => "path",
        Rule::kw_from => "from",
        Rule::kw_max => "max",
        Rule::kw_neighbours => "neighbours",
        Rule::kw_neighbors => "neighbors",
        Rule::kw_depth => "depth",
        Rule::kw_via => "via",
        Rule::kw_count => "count",
        Rule::kw_that => "that",
        Rule::kw_top => "top",
        Rule::kw_degree => "degree",
        Rule::kw_mentions => "mentions",
        Rule::kw_explain => "explain",
        Rule::kw_table => "table",
        Rule::kw_json => "json",
        Rule::kw_csv => "csv",
        Rule::kw_dot => "dot",
        Rule::kw_match => "match",
        Rule::kw_return => "return",
        Rule::kw_order => "order",
        Rule::kw_limit => "limit",
        Rule::kw_desc => "desc",
        Rule::kw_asc => "asc",
        Rule::kw_many => "many",
        Rule::kw_linked => "linked",
        Rule::kw_related => "related",
        Rule::kw_the => "the",
        Rule::kw_anything => "anything",
        Rule::kw_something => "something",
        Rule::kw_list => "list",
        Rule::kw_documents => "documents",
        Rule::kw_source => "source",
        Rule::kw_published => "published",
        Rule::kw_within => "within",
        Rule::kw_were => "were",
        _ => return None,
    })
}

/// The span of what stands at `pos` (the word, one other character, or the empty end) and how
/// to name it.
fn offending_token(input: &str, pos: usize) -> (Span, String) {
    let pos = pos.min(input.len());
    let rest = input.get(pos..).unwrap_or("");
    let Some(first) = rest.chars().next() else {
        return (Span::new(pos, pos), "the end of the query".to_string());
    };
    let is_word = |c: char| c.is_alphanumeric() || "'\u{2019}-.&_".contains(c);
    let len = if is_word(first) {
        rest.find(|c: char| !is_word(c)).unwrap_or(rest.len())
    } else {
        first.len_utf8()
    };
    let token = &rest[..len];
    (Span::new(pos, pos + len), format!("`{token}`"))
}

/// True when `word` is one of the language's keywords, in any case.
pub(in crate::query) fn is_keyword(word: &str) -> bool {
    Grammar::parse(Rule::lone_keyword, word).is_ok()
}
