//! Completion and highlighting from the grammar: what may come at the cursor ([`expected_at`]),
//! the pieces of a query worth colouring ([`tokens`]), and where quotes open and close.

use pest::Parser as _;
use pest::error::{ErrorVariant, InputLocation};
use pest::iterators::Pair;

use super::errors::*;
use super::{Grammar, Rule, span_of};
use crate::text::Span;

/// What the parser wanted at the place it stopped, in the user's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Want {
    Question,
    Name,
    Keyword(Rule),
    Type,
    Relation,
    Date,
    Number,
    Path,
    Variable,
    Punct(&'static str),
    End,
}

/// Sorts pest's positives into what a user could type there.
pub(super) fn wants(positives: &[Rule]) -> Vec<Want> {
    let mut wants: Vec<Want> = positives
        .iter()
        .filter_map(|&rule| {
            Some(match rule {
                Rule::query | Rule::question | Rule::explain => Want::Question,
                Rule::who | Rule::what | Rule::where_ => Want::Question,
                Rule::name
                | Rule::name_words
                | Rule::list_name
                | Rule::list_words
                | Rule::subject
                | Rule::subject_words
                | Rule::path_from
                | Rule::path_words
                | Rule::when_subject
                | Rule::when_words
                | Rule::topic
                | Rule::topic_words
                | Rule::pair_subject
                | Rule::pair_words
                | Rule::count_subject
                | Rule::count_words
                | Rule::title_words
                | Rule::quoted => Want::Name,
                Rule::type_name | Rule::which => Want::Type,
                Rule::relation_word | Rule::via | Rule::count_verb => Want::Relation,
                Rule::date
                | Rule::iso_date
                | Rule::year
                | Rule::day
                | Rule::month
                | Rule::month_year
                | Rule::day_month
                | Rule::month_day
                | Rule::in_date
                | Rule::published_in => Want::Date,
                Rule::number | Rule::hop_min | Rule::hop_max => Want::Number,
                Rule::target | Rule::bare_path => Want::Path,
                Rule::redirect | Rule::create => Want::Punct(">"),
                Rule::replace => Want::Punct(">!"),
                Rule::variable
                | Rule::label
                | Rule::key
                | Rule::property
                | Rule::condition
                | Rule::expression
                | Rule::item
                | Rule::column_word => Want::Variable,
                Rule::node => Want::Punct("("),
                Rule::relationship | Rule::left => Want::Punct("-"),
                Rule::EOI => Want::End,
                Rule::about => Want::Keyword(Rule::kw_about),
                Rule::place => Want::Keyword(Rule::kw_in),
                Rule::with | Rule::evidence => Want::Keyword(Rule::kw_with),
                Rule::since => Want::Keyword(Rule::kw_since),
                Rule::before => Want::Keyword(Rule::kw_before),
                Rule::after => Want::Keyword(Rule::kw_after),
                Rule::on => Want::Keyword(Rule::kw_on),
                Rule::between => Want::Keyword(Rule::kw_between),
                Rule::max_hops => Want::Keyword(Rule::kw_max),
                Rule::depth => Want::Keyword(Rule::kw_depth),
                Rule::output => Want::Keyword(Rule::kw_as),
                Rule::source => Want::Keyword(Rule::kw_from),
                Rule::published => Want::Keyword(Rule::kw_published),
                Rule::question_order => Want::Keyword(Rule::kw_order),
                Rule::question_limit => Want::Keyword(Rule::kw_limit),
                Rule::format => Want::Keyword(Rule::kw_json),
                Rule::where_clause => Want::Keyword(Rule::kw_where),
                Rule::return_clause => Want::Keyword(Rule::kw_return),
                Rule::order_by => Want::Keyword(Rule::kw_order),
                Rule::limit => Want::Keyword(Rule::kw_limit),
                Rule::literal | Rule::string => Want::Date,
                rule if keyword_of(rule).is_some() => Want::Keyword(rule),
                _ => return None,
            })
        })
        .collect();
    // pest reports `redirect` for both of its forms: where `>` may come, so may `>!`.
    if wants.contains(&Want::Punct(">")) && !wants.contains(&Want::Punct(">!")) {
        wants.push(Want::Punct(">!"));
    }
    // `who met with Kerry`: the optional `with` is not worth mentioning when a name is missing.
    // `who met whom`, `what did X and Y discuss`: neither is worth mentioning beside a name.
    if wants.contains(&Want::Name) {
        wants.retain(|e| !matches!(e, Want::Keyword(Rule::kw_with | Rule::whom | Rule::kw_the)));
    }
    wants.sort_by_key(|e| match e {
        Want::Question => (0, 0),
        Want::Name => (0, 1),
        Want::Type => (0, 2),
        Want::Relation => (0, 3),
        Want::Date => (0, 4),
        Want::Number => (0, 5),
        Want::Path => (0, 6),
        Want::Variable => (0, 7),
        Want::Punct(_) => (0, 8),
        Want::Keyword(rule) => (1, priority(*rule)),
        Want::End => (2, 0),
    });
    wants.dedup();
    wants
}

/// What may come at a point of a query, for completion: the keywords, and whether a name, a
/// type word, a relation word, a date or a number may start there.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expected {
    /// Where the word being completed starts (a byte offset into the input).
    pub at: usize,
    /// Keywords that may come there, most common first.
    pub keywords: Vec<&'static str>,
    /// A name of the graph (a person, place, ...) may come there.
    pub name: bool,
    /// The name that may come there is a place's (after `in`): completion offers places only.
    pub place: bool,
    /// A type word (`people`, `countries`, ...) may come there.
    pub type_: bool,
    /// A relation word (`met`, `visited`, ...) may come there.
    pub relation: bool,
    /// A date may come there.
    pub date: bool,
    /// A number may come there.
    pub number: bool,
    /// A file name may come there (after `>`).
    pub path: bool,
    /// A pattern variable, label or property may come there.
    pub variable: bool,
    /// Punctuation that may come there: `(`, `-` in a pattern, `>`, `>!` after `as FORMAT`.
    pub punctuation: Vec<&'static str>,
    /// The query may end there.
    pub end: bool,
}

/// The type words a `which`, `count` or `top` takes.
pub const TYPE_WORDS: &[&str] = &[
    "people",
    "organisations",
    "organizations",
    "places",
    "countries",
    "cities",
    "topics",
];

/// The relation words `via` and `that` take.
pub const RELATION_WORDS: &[&str] = &["met", "called", "visited", "discussed", "said", "roles"];

/// What may follow `input`, read up to the start of the word under way at its end (if the input
/// does not end in a space, its last word is taken to be a prefix being typed). The question
/// words of an empty input are keywords too.
pub fn expected_at(input: &str) -> Expected {
    // Inside an open quote: a name is being typed, if a name may start at the quote.
    if let Some(quote) = open_quote(input) {
        let before = expected_at(&input[..quote]);
        return Expected {
            at: quote + 1,
            name: before.name,
            place: before.place,
            ..Expected::default()
        };
    }
    let at = input
        .char_indices()
        .rev()
        .take_while(|(_, c)| !c.is_whitespace() && !"()[]{},|>:\"".contains(*c))
        .last()
        .map_or(input.len(), |(i, _)| i);
    let prefix = &input[..at];
    // `as`, `on`, `max` and `depth` end a bare name only before what they introduce, so after
    // `who met Kerry as ` the grammar still reads `as` as part of the name. When the word before
    // the cursor is one of them and the text before it accepts it as a keyword, offer what it
    // introduces.
    let trimmed = prefix.trim_end();
    if trimmed.len() < prefix.len()
        && let Some((before, word)) = trimmed.rsplit_once(char::is_whitespace)
    {
        let word = word.to_lowercase();
        if ["as", "on", "max", "depth"].contains(&word.as_str()) {
            let earlier = expected_at(&format!("{before} "));
            if earlier.keywords.contains(&word.as_str()) {
                let mut expected = Expected {
                    at,
                    ..Expected::default()
                };
                match word.as_str() {
                    "as" => expected.keywords = vec!["table", "json", "csv", "dot"],
                    "on" => expected.date = true,
                    _ => expected.number = true,
                }
                return expected;
            }
        }
    }
    // A character no rule accepts, so that parsing always stops right there.
    let probe = format!("{prefix}\u{1}");
    let mut expected = Expected {
        at,
        ..Expected::default()
    };
    let Err(error) = Grammar::parse(Rule::query, &probe) else {
        return expected;
    };
    let pos = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((start, _)) => start,
    };
    if pos < prefix.len() {
        // The text before the cursor is already wrong: nothing can be offered.
        return expected;
    }
    let ErrorVariant::ParsingError { positives, .. } = &error.variant else {
        return expected;
    };
    for want in wants(positives) {
        match want {
            Want::Question => expected.keywords.extend([
                "who",
                "what",
                "where",
                "when",
                "which",
                "did",
                "how",
                "list",
                "path",
                "neighbours",
                "count",
                "top",
                "match",
                "explain",
            ]),
            Want::Keyword(rule) => expected.keywords.extend(keyword_of(rule)),
            Want::Name => expected.name = true,
            Want::Type => expected.type_ = true,
            Want::Relation => expected.relation = true,
            Want::Date => expected.date = true,
            Want::Number => expected.number = true,
            Want::Path => expected.path = true,
            Want::Variable => expected.variable = true,
            Want::Punct(p) => expected.punctuation.push(p),
            Want::End => expected.end = true,
        }
    }
    // After `in` (or a pattern's `within`), the name is a place's.
    let previous = prefix.split_whitespace().next_back().unwrap_or("");
    expected.place = expected.name
        && (previous.eq_ignore_ascii_case("in") || previous.eq_ignore_ascii_case("within"));
    // An optional `with evidence` or output clause may follow wherever the query may end.
    if expected.keywords.contains(&"with") || expected.end {
        expected.keywords.extend(["as"]);
    }
    let mut seen = Vec::new();
    expected.keywords.retain(|k| {
        let new = !seen.contains(k);
        seen.push(k);
        new
    });
    expected
}

/// What a piece of a query is, for highlighting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A keyword: `who`, `met`, `match`, `return`, `as`, ...
    Keyword,
    /// A name of the graph, bare or quoted, or a quoted string of a pattern.
    Name,
    /// A date or a number.
    Literal,
    /// A type word (`people`), a relation word (`met` after `via`), a label or relation type.
    Type,
    /// A pattern variable or property key.
    Variable,
    /// A file name after `>`.
    Path,
    /// Where the query stops making sense, to the end.
    Error,
}

/// One highlighted piece of a query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where, in bytes.
    pub span: Span,
    /// What.
    pub kind: TokenKind,
}

/// The pieces of a query worth colouring, in order, from the same grammar that parses it. A
/// query that does not parse is coloured up to the point where it fails, and the rest is one
/// [`TokenKind::Error`] token (none when the query is merely unfinished).
pub fn tokens(input: &str) -> Vec<Token> {
    let mut out = Vec::new();
    match Grammar::parse(Rule::query, input) {
        Ok(pairs) => {
            for pair in pairs {
                collect_tokens(pair, &mut out);
            }
        }
        Err(error) => {
            let pos = match error.location {
                InputLocation::Pos(p) => p,
                InputLocation::Span((start, _)) => start,
            };
            // pest keeps nothing of a failed parse, so the good prefix is coloured word by
            // word: keywords, quoted names and numbers; other words stay plain.
            let prefix = &input[..pos.min(input.len())];
            for (start, word) in words(prefix) {
                let kind = if Grammar::parse(Rule::lone_keyword, word).is_ok() {
                    Some(TokenKind::Keyword)
                } else if word.starts_with('"') {
                    Some(TokenKind::Name)
                } else if word.chars().all(|c| c.is_ascii_digit() || c == '-') {
                    Some(TokenKind::Literal)
                } else {
                    None
                };
                if let Some(kind) = kind {
                    out.push(Token {
                        span: Span::new(start, start + word.len()),
                        kind,
                    });
                }
            }
            if !input[pos.min(input.len())..].trim().is_empty() {
                out.push(Token {
                    span: Span::new(pos, input.len()),
                    kind: TokenKind::Error,
                });
            }
        }
    }
    out
}

/// The words of a text with their offsets; a quoted stretch is one word.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        if c == '"' {
            end = quoted_end(text, start);
            while chars.next_if(|&(i, _)| i < end).is_some() {}
        } else {
            while let Some(&(i, c)) = chars.peek() {
                if c.is_whitespace() || c == '"' {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
        }
        out.push((start, &text[start..end]));
    }
    out
}

fn collect_tokens(pair: Pair<'_, Rule>, out: &mut Vec<Token>) {
    let rule = pair.as_rule();
    let kind = match rule {
        _ if keyword_of(rule).is_some() => Some(TokenKind::Keyword),
        Rule::word | Rule::quoted | Rule::string => Some(TokenKind::Name),
        Rule::date | Rule::iso_date | Rule::number | Rule::hop_min | Rule::hop_max => {
            Some(TokenKind::Literal)
        }
        Rule::type_name | Rule::relation_word | Rule::label => Some(TokenKind::Type),
        Rule::variable | Rule::key => Some(TokenKind::Variable),
        Rule::bare_path => Some(TokenKind::Path),
        _ => None,
    };
    match kind {
        Some(kind) => out.push(Token {
            span: span_of(&pair),
            kind,
        }),
        None => {
            for inner in pair.into_inner() {
                collect_tokens(inner, out);
            }
        }
    }
}

/// One past the end of the quoted name that opens at byte `start` of `text` (its closing `"`,
/// with `\\` escaping the next character), or the end of the text when it is not closed.
pub fn quoted_end(text: &str, start: usize) -> usize {
    let mut escaped = false;
    for (i, c) in text[start + 1..].char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return start + 1 + i + 1,
            _ => {}
        }
    }
    text.len()
}

/// Where the quote that is still open at the end of `input` starts, if one is.
pub fn open_quote(input: &str) -> Option<usize> {
    let mut open = None;
    let mut escaped = false;
    for (i, c) in input.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if open.is_some() => escaped = true,
            '"' => open = if open.is_some() { None } else { Some(i) },
            _ => {}
        }
    }
    open
}
