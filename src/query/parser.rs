//! Text to [`Query`]: the pest grammar in `grammar/query.pest`, one function per rule that builds
//! the tree, the translation of pest's expected-rule sets into English, and [`expected_at`] for
//! completion.
//!
//! This is the only module that knows pest exists; the rest of the query layer sees the tree.

use crate::lexicon::Lexicon;
use pest::Parser as _;
use pest::error::{ErrorVariant, InputLocation};
use pest::iterators::Pair;

use super::MAX_NAME_CHARS;
use super::ast::{
    Body, Condition, DateLit, Direction, Event, Expr, Filter, FilterArg, FilterKind, Form, Hops,
    Ident, Item, Literal, Name, NodePattern, Number, Op, Order, Output, OutputFormat, Part,
    Pattern, Property, Query, Question, Ranking, RelPattern, RelationWord, TypeWord, Wh,
};
use super::error::{QueryError, or_list};
use crate::text::Span;

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

// ---------------------------------------------------------------------------------------------
// Questions.

fn question_of(pair: Pair<'_, Rule>) -> Result<Question> {
    let rule = pair.as_rule();
    let span = span_of(&pair);
    let mut names = Vec::new();
    let mut filters: Vec<Filter> = Vec::new();
    let mut filter_texts: Vec<String> = Vec::new();
    let mut wh = Wh::Who;
    let mut which = None;
    let mut numbers = Vec::new();
    let mut via = Vec::new();
    let mut max = None;
    let mut depth = None;
    let mut type_word = None;
    let mut verb = None;
    let mut ranking = Ranking::Degree;
    let mut event = Event::Met;
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::when_met => event = Event::Met,
            Rule::when_called => event = Event::Called,
            Rule::when_visited => event = Event::Visited,
            Rule::name | Rule::list_name | Rule::subject | Rule::path_from | Rule::when_subject => {
                names.push(name_of(part)?);
            }
            Rule::about
            | Rule::place
            | Rule::with
            | Rule::since
            | Rule::before
            | Rule::after
            | Rule::on
            | Rule::between => {
                let text = part.as_str().trim_end().to_string();
                let filter = filter_of(part)?;
                if let Some(i) = filters.iter().position(|f| f.kind == filter.kind) {
                    let keyword = filter.kind.keyword();
                    return Err(QueryError::new(
                        format!("`{keyword}` is given twice"),
                        filter.span,
                        format!("a second `{keyword}`"),
                    )
                    .with_help(format!(
                        "keep one `{keyword}`: the first is `{}`",
                        filter_texts[i]
                    )));
                }
                filters.push(filter);
                filter_texts.push(text);
            }
            Rule::what => wh = Wh::What,
            Rule::which => {
                let word = part.into_inner().find(|p| p.as_rule() == Rule::type_name);
                which = word.map(|w| type_word_of(&w));
            }
            Rule::type_name => type_word = Some(type_word_of(&part)),
            Rule::number => numbers.push(number_of(&part)?),
            Rule::max_hops => max = inner_number(part)?,
            Rule::depth => depth = inner_number(part)?,
            Rule::via => via.extend(
                part.into_inner()
                    .filter(|p| p.as_rule() == Rule::relation_word)
                    .map(|p| relation_word_of(&p)),
            ),
            Rule::count_verb => verb = Some(relation_word_of(&part)),
            Rule::ranking if part.as_str().eq_ignore_ascii_case("mentions") => {
                ranking = Ranking::Mentions;
            }
            _ => {}
        }
    }
    let mut names = names.into_iter();
    let mut one = || names.next().ok_or_else(|| bug(span));
    let form = match rule {
        Rule::met => {
            let mut people = vec![one()?];
            people.extend(names);
            Form::Met { people }
        }
        Rule::called => {
            let mut people = vec![one()?];
            people.extend(names);
            Form::Called { people }
        }
        Rule::went => Form::WentTo { who: one()? },
        Rule::visitors => Form::Visitors { place: one()? },
        Rule::discussed => Form::Discussed { who: one()? },
        Rule::said => Form::Said { who: one()? },
        Rule::describe => Form::Describe { wh, who: one()? },
        Rule::when => Form::When {
            who: one()?,
            event,
            other: one()?,
        },
        Rule::path => Form::Path {
            from: one()?,
            to: one()?,
            max,
            via,
        },
        Rule::neighbours => Form::Neighbours {
            of: one()?,
            depth,
            via,
        },
        Rule::count => Form::Count {
            what: type_word.ok_or_else(|| bug(span))?,
            that: match verb {
                Some(verb) => Some((verb, one()?)),
                None => None,
            },
        },
        Rule::top => Form::Top {
            n: numbers.first().copied().ok_or_else(|| bug(span))?,
            what: type_word.ok_or_else(|| bug(span))?,
            by: ranking,
        },
        _ => return Err(bug(span)),
    };
    Ok(Question {
        form,
        which,
        filters,
        span,
    })
}

fn inner_number(pair: Pair<'_, Rule>) -> Result<Option<Number>> {
    pair.into_inner()
        .find(|p| p.as_rule() == Rule::number)
        .map(|n| number_of(&n))
        .transpose()
}

fn type_word_of(pair: &Pair<'_, Rule>) -> TypeWord {
    TypeWord {
        word: pair.as_str().to_lowercase(),
        span: span_of(pair),
    }
}

fn relation_word_of(pair: &Pair<'_, Rule>) -> RelationWord {
    RelationWord {
        word: pair.as_str().to_lowercase(),
        span: span_of(pair),
    }
}

fn number_of(pair: &Pair<'_, Rule>) -> Result<Number> {
    let span = span_of(pair);
    let value = pair.as_str().parse::<u64>().map_err(|_| {
        QueryError::new("this number is too large", span, "too large")
            .with_help("use a number below 18446744073709551616")
    })?;
    Ok(Number { value, span })
}

fn filter_of(pair: Pair<'_, Rule>) -> Result<Filter> {
    let kind = match pair.as_rule() {
        Rule::about => FilterKind::About,
        Rule::place => FilterKind::In,
        Rule::with => FilterKind::With,
        Rule::since => FilterKind::Since,
        Rule::before => FilterKind::Before,
        Rule::after => FilterKind::After,
        Rule::on => FilterKind::On,
        _ => FilterKind::Between,
    };
    let span = span_of(&pair);
    let mut name = None;
    let mut dates = Vec::new();
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::name => name = Some(name_of(part)?),
            Rule::date => dates.push(date_of(part)?),
            _ => {}
        }
    }
    let arg = match name {
        Some(name) => FilterArg::Name(name),
        None => {
            let mut dates = dates.into_iter();
            let first = dates.next().ok_or_else(|| bug(span))?;
            let second = dates.next();
            if let Some(second) = &second
                && second.last_day() < first.first_day()
            {
                return Err(QueryError::new(
                    "the dates of `between` are the wrong way round",
                    Span::new(first.span.start, second.span.end),
                    "the second date is before the first",
                )
                .with_help(format!("write `between {} and {}`", second.iso, first.iso)));
            }
            FilterArg::Dates(first, second)
        }
    };
    Ok(Filter { kind, arg, span })
}

/// A date in any accepted spelling, checked with jiff and brought to ISO form.
fn date_of(pair: Pair<'_, Rule>) -> Result<DateLit> {
    let span = span_of(&pair);
    let written = pair.as_str().to_string();
    let inner = pair.into_inner().next().ok_or_else(|| bug(span))?;
    let (mut year, mut month, mut day) = (None, None, None);
    if inner.as_rule() == Rule::iso_date {
        let mut pieces = inner.as_str().split('-');
        year = pieces.next().map(str::to_string);
        month = pieces.next().map(str::to_string);
        day = pieces.next().map(str::to_string);
    } else if inner.as_rule() == Rule::year {
        year = Some(inner.as_str().to_string());
    } else {
        for piece in inner.into_inner() {
            let text = piece.as_str().to_lowercase();
            match piece.as_rule() {
                Rule::year => year = Some(text),
                Rule::day => {
                    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
                    day = Some(format!("{digits:0>2}"));
                }
                Rule::month => {
                    // The grammar admits only month names, which the calendar list has.
                    let number = Lexicon::builtin()
                        .word_info(text.trim_end_matches('.'))
                        .month
                        .max(1);
                    month = Some(format!("{number:02}"));
                }
                _ => {}
            }
        }
    }
    let year = year.ok_or_else(|| bug(span))?;
    let iso = match (&month, &day) {
        (Some(m), Some(d)) => format!("{year}-{m}-{d}"),
        (Some(m), None) => format!("{year}-{m}"),
        _ => year.clone(),
    };
    let probe = match (&month, &day) {
        (Some(m), Some(d)) => format!("{year}-{m}-{d}"),
        (Some(m), None) => format!("{year}-{m}-01"),
        _ => format!("{year}-01-01"),
    };
    if jiff::civil::Date::strptime("%Y-%m-%d", &probe).is_err() {
        return Err(
            QueryError::new(format!("`{written}` is not a date"), span, "no such day").with_help(
                "write a date as 2016, 2016-03, 2016-03-24, March 2016 or 24 March 2016",
            ),
        );
    }
    Ok(DateLit { iso, span })
}

/// A name from any of the name rules: the quoted text with escapes undone, or the bare words
/// joined by single spaces.
fn name_of(pair: Pair<'_, Rule>) -> Result<Name> {
    let outer = span_of(&pair);
    let Some(inner) = pair.into_inner().next() else {
        return Err(bug(outer));
    };
    if inner.as_rule() == Rule::quoted {
        return unquote(inner).and_then(short_name);
    }
    let words: Vec<Pair<'_, Rule>> = inner.into_inner().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return Err(bug(outer));
    };
    let span = Span::new(first.as_span().start(), last.as_span().end());
    let text = words.iter().map(Pair::as_str).collect::<Vec<_>>().join(" ");
    short_name(Name { text, span })
}

/// The name, unless it is longer than [`MAX_NAME_CHARS`]: no entity is named by a paragraph,
/// and a bound on names bounds the work of resolving them.
fn short_name(name: Name) -> Result<Name> {
    let chars = name.text.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(QueryError::new(
            format!("this name is too long: at most {MAX_NAME_CHARS} characters"),
            name.span,
            format!("{chars} characters"),
        ));
    }
    Ok(name)
}

/// A `quoted` or `string` pair: its contents with escapes undone; never empty.
fn unquote(pair: Pair<'_, Rule>) -> Result<Name> {
    let span = span_of(&pair);
    let raw = pair.into_inner().next().map_or("", |p| p.as_str());
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
    Ok(Name { text, span })
}

// ---------------------------------------------------------------------------------------------
// Patterns.

fn ident_of(pair: &Pair<'_, Rule>) -> Ident {
    Ident {
        text: pair.as_str().to_string(),
        span: span_of(pair),
    }
}

fn pattern_of(pair: Pair<'_, Rule>) -> Result<Pattern> {
    let span = span_of(&pair);
    let mut pattern = Pattern::new(span);
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::part => pattern.parts.push(part_of(part)?),
            Rule::where_clause => {
                for condition in part.into_inner().filter(|p| p.as_rule() == Rule::condition) {
                    pattern.conditions.push(condition_of(condition)?);
                }
            }
            Rule::return_clause => {
                for item in part.into_inner().filter(|p| p.as_rule() == Rule::item) {
                    pattern.items.push(item_of(item)?);
                }
            }
            Rule::order_by => {
                let mut order = Order {
                    expr: Expr::CountAll(span_of(&part)),
                    descending: false,
                };
                for piece in part.into_inner() {
                    match piece.as_rule() {
                        Rule::expression => order.expr = expr_of(piece)?,
                        Rule::kw_desc => order.descending = true,
                        _ => {}
                    }
                }
                pattern.order = Some(order);
            }
            Rule::limit => {
                let n = part.into_inner().find(|p| p.as_rule() == Rule::number);
                pattern.limit = n.map(|n| number_of(&n)).transpose()?;
            }
            _ => {}
        }
    }
    Ok(pattern)
}

fn part_of(pair: Pair<'_, Rule>) -> Result<Part> {
    let span = span_of(&pair);
    let mut nodes = Vec::new();
    let mut rel = None;
    for piece in pair.into_inner() {
        match piece.as_rule() {
            Rule::node => nodes.push(node_of(piece)?),
            Rule::relationship => rel = Some(rel_of(piece)?),
            _ => {}
        }
    }
    let mut nodes = nodes.into_iter();
    let left = nodes.next().ok_or_else(|| bug(span))?;
    let right = match (rel, nodes.next()) {
        (Some(rel), Some(node)) => Some((rel, node)),
        _ => None,
    };
    Ok(Part { left, right })
}

fn node_of(pair: Pair<'_, Rule>) -> Result<NodePattern> {
    let mut node = NodePattern {
        var: None,
        label: None,
        name: None,
        span: span_of(&pair),
    };
    for piece in pair.into_inner() {
        match piece.as_rule() {
            Rule::variable => node.var = Some(ident_of(&piece)),
            Rule::label => node.label = Some(ident_of(&piece)),
            Rule::properties => {
                for p in piece.into_inner() {
                    match p.as_rule() {
                        Rule::key if p.as_str() != "name" => {
                            return Err(QueryError::new(
                                format!("a node cannot be matched by `{}`", p.as_str()),
                                span_of(&p),
                                "unknown property",
                            )
                            .with_help("match a node by its name: `{name: \"John Kerry\"}`"));
                        }
                        Rule::string => node.name = Some(short_name(unquote(p)?)?),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    Ok(node)
}

fn rel_of(pair: Pair<'_, Rule>) -> Result<RelPattern> {
    let span = span_of(&pair);
    let mut rel = RelPattern {
        var: None,
        types: Vec::new(),
        direction: Direction::Both,
        hops: None,
        span,
    };
    let (mut left, mut right) = (false, false);
    for piece in pair.into_inner() {
        match piece.as_rule() {
            Rule::left => left = true,
            Rule::right => right = true,
            Rule::variable => rel.var = Some(ident_of(&piece)),
            Rule::label => rel.types.push(ident_of(&piece)),
            Rule::hops => {
                let hops_span = span_of(&piece);
                let (mut min, mut max, mut range) = (None, None, false);
                for h in piece.into_inner() {
                    let parse = |h: &Pair<'_, Rule>| {
                        h.as_str()
                            .parse::<u32>()
                            .map_err(|_| QueryError::new("too many hops", span_of(h), "too large"))
                    };
                    match h.as_rule() {
                        Rule::hop_min => min = Some(parse(&h)?),
                        Rule::hop_max => max = Some(parse(&h)?),
                        Rule::range => range = true,
                        _ => {}
                    }
                }
                let (min, max) = match (min, range, max) {
                    (Some(n), false, _) => (n, Some(n)),
                    (min, _, max) => (min.unwrap_or(1), max),
                };
                rel.hops = Some(Hops {
                    min,
                    max,
                    span: hops_span,
                });
            }
            _ => {}
        }
    }
    rel.direction = match (left, right) {
        (true, true) => {
            return Err(QueryError::new(
                "a relationship points one way or both",
                span,
                "arrows at both ends",
            )
            .with_help("write `-[...]->`, `<-[...]-`, or `-[...]-` for either way"));
        }
        (true, false) => Direction::Left,
        (false, true) => Direction::Right,
        (false, false) => Direction::Both,
    };
    Ok(rel)
}

fn property_of(pair: Pair<'_, Rule>) -> Result<Property> {
    let span = span_of(&pair);
    let mut inner = pair.into_inner();
    match (inner.next(), inner.next()) {
        (Some(var), Some(key)) => Ok(Property {
            var: ident_of(&var),
            key: ident_of(&key),
        }),
        _ => Err(bug(span)),
    }
}

fn literal_of(pair: Pair<'_, Rule>) -> Result<Literal> {
    let span = span_of(&pair);
    let inner = pair.into_inner().next().ok_or_else(|| bug(span))?;
    Ok(match inner.as_rule() {
        Rule::string => Literal::Text(short_name(unquote(inner)?)?),
        Rule::number => Literal::Number(number_of(&inner)?),
        _ => {
            let text = inner.as_str().to_string();
            let probe = if text.len() == 7 {
                format!("{text}-01")
            } else {
                text.clone()
            };
            if jiff::civil::Date::strptime("%Y-%m-%d", &probe).is_err() {
                return Err(QueryError::new(
                    format!("`{text}` is not a date"),
                    span,
                    "no such day",
                ));
            }
            Literal::Date(DateLit { iso: text, span })
        }
    })
}

fn condition_of(pair: Pair<'_, Rule>) -> Result<Condition> {
    let span = span_of(&pair);
    let (mut property, mut op, mut value) = (None, None, None);
    let mut membership = false;
    for piece in pair.into_inner() {
        match piece.as_rule() {
            Rule::property => property = Some(property_of(piece)?),
            Rule::operator => {
                op = Some(match piece.as_str() {
                    "=" => Op::Eq,
                    "<>" | "!=" => Op::Ne,
                    "<" => Op::Lt,
                    "<=" => Op::Le,
                    ">" => Op::Gt,
                    _ => Op::Ge,
                })
            }
            Rule::literal => value = Some(literal_of(piece)?),
            Rule::kw_in => membership = true,
            _ => {}
        }
    }
    let (Some(property), Some(value)) = (property, value) else {
        return Err(bug(span));
    };
    Ok(if membership {
        Condition::In { value, property }
    } else {
        Condition::Compare {
            property,
            op: op.ok_or_else(|| bug(span))?,
            value,
        }
    })
}

fn expr_of(pair: Pair<'_, Rule>) -> Result<Expr> {
    let span = span_of(&pair);
    let inner = pair.into_inner().next().ok_or_else(|| bug(span))?;
    Ok(match inner.as_rule() {
        Rule::count_all => Expr::CountAll(span_of(&inner)),
        Rule::property => Expr::Property(property_of(inner)?),
        _ => Expr::Var(ident_of(&inner)),
    })
}

fn item_of(pair: Pair<'_, Rule>) -> Result<Item> {
    let span = span_of(&pair);
    let mut expr = None;
    let mut alias = None;
    for piece in pair.into_inner() {
        match piece.as_rule() {
            Rule::expression => expr = Some(expr_of(piece)?),
            Rule::variable => alias = Some(ident_of(&piece)),
            _ => {}
        }
    }
    Ok(Item {
        expr: expr.ok_or_else(|| bug(span))?,
        alias,
    })
}

// ---------------------------------------------------------------------------------------------
// Errors and completion.

/// What the parser wanted at the place it stopped, in the user's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
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
fn wants(positives: &[Rule]) -> Vec<Want> {
    let mut wants: Vec<Want> = positives
        .iter()
        .filter_map(|&rule| {
            Some(match rule {
                Rule::query | Rule::question | Rule::explain => Want::Question,
                Rule::who | Rule::what | Rule::where_ | Rule::whom => Want::Question,
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
                | Rule::month_day => Want::Date,
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
                | Rule::item => Want::Variable,
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
    if wants.contains(&Want::Name) {
        wants.retain(|e| *e != Want::Keyword(Rule::kw_with));
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
                "which",
                "how",
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
        // After `who` or before the verb, a dozen words may follow; name the common ones.
        format!("expected a verb such as {}", or_list(&keywords[..4]))
    } else {
        const DATED: [Rule; 5] = [
            Rule::kw_since,
            Rule::kw_before,
            Rule::kw_after,
            Rule::kw_on,
            Rule::kw_between,
        ];
        let dated = expected
            .iter()
            .any(|e| matches!(e, Want::Keyword(rule) if DATED.contains(rule)));
        let mut items: Vec<String> = expected
            .iter()
            .filter(|e| !matches!(e, Want::Keyword(rule) if DATED.contains(rule) || *rule == Rule::kw_as))
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
    };
    let mut error = QueryError::new(message, span, format!("found {found}"));
    // A misspelt keyword: the closest of the words that may come here.
    if !word.is_empty() {
        let best = expected
            .iter()
            .filter_map(|e| match e {
                Want::Keyword(rule) => keyword_of(*rule),
                Want::Question => None,
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
            .map(|k| (strsim::jaro_winkler(&word, k), k))
            .filter(|(score, k)| *score >= 0.8 && *k != word)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, keyword)) = best {
            error = error.with_help(format!("did you mean `{keyword}`?"));
        }
    }
    error
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
pub(super) fn keyword_of(rule: Rule) -> Option<&'static str> {
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
        }
        for word in ["who", "whom", "what", "where", "did", "has"] {
            assert!(Grammar::parse(Rule::lone_keyword, word).is_ok(), "{word}");
        }
        for word in [
            "about", "in", "with", "and", "on", "since", "to", "as", "via", "max",
        ] {
            assert!(!is_bare_name(word), "{word}");
        }
    }

    #[test]
    fn tokens_colour_the_query() {
        let kinds = |q: &str| -> Vec<(String, TokenKind)> {
            tokens(q)
                .into_iter()
                .map(|t| (t.span.of(q).to_string(), t.kind))
                .collect()
        };
        use TokenKind::*;
        let own = |v: &[(&str, TokenKind)]| -> Vec<(String, TokenKind)> {
            v.iter().map(|(s, k)| (s.to_string(), *k)).collect()
        };
        assert_eq!(
            kinds("who met John Kerry since March 2016 as dot > a.dot"),
            own(&[
                ("who", Keyword),
                ("met", Keyword),
                ("John", Name),
                ("Kerry", Name),
                ("since", Keyword),
                ("March 2016", Literal),
                ("as", Keyword),
                ("dot", Keyword),
                ("a.dot", Path),
            ])
        );
        assert_eq!(
            kinds("match (p:Person)-[m:MET]-({name: \"Kerry\"}) return p.name"),
            own(&[
                ("match", Keyword),
                ("p", Variable),
                ("Person", Type),
                ("m", Variable),
                ("MET", Type),
                ("name", Variable),
                ("\"Kerry\"", Name),
                ("return", Keyword),
                ("p", Variable),
                ("name", Variable),
            ])
        );
        assert_eq!(
            kinds("who mett Kerry"),
            own(&[("who", Keyword), ("mett Kerry", Error)])
        );
        assert_eq!(kinds("who met"), own(&[("who", Keyword), ("met", Keyword)]));
    }

    #[test]
    fn bare_names() {
        assert!(is_bare_name("John Kerry"));
        assert!(is_bare_name("Zürich"));
        assert!(is_bare_name("U.S. Department"));
        assert!(is_bare_name("Inland"));
        assert!(is_bare_name("Theresa May"));
        assert!(is_bare_name("Bank of England"));
        assert!(!is_bare_name("Bosnia and Herzegovina"));
        assert!(!is_bare_name("John  Kerry"));
        assert!(!is_bare_name(" Kerry"));
        assert!(!is_bare_name("Kerry, John"));
        assert!(!is_bare_name(""));
    }

    #[test]
    fn expected_at_offers_what_may_come() {
        let e = expected_at("");
        assert!(e.keywords.contains(&"who") && e.keywords.contains(&"match"));
        let e = expected_at("who ");
        assert!(
            e.keywords.contains(&"met") && e.keywords.contains(&"did"),
            "{e:?}"
        );
        let e = expected_at("who me");
        assert_eq!(e.at, 4);
        assert!(e.keywords.contains(&"met"), "{e:?}");
        let e = expected_at("who met ");
        assert!(e.name, "{e:?}");
        let e = expected_at("who met Kerry ");
        assert!(e.keywords.contains(&"about") && e.end, "{e:?}");
        assert!(
            e.keywords.contains(&"since") && e.keywords.contains(&"as"),
            "{e:?}"
        );
        let e = expected_at("which ");
        assert!(e.type_, "{e:?}");
        let e = expected_at("neighbours of Kerry via ");
        assert!(e.relation, "{e:?}");
        let e = expected_at("who met Kerry since ");
        assert!(e.date, "{e:?}");
        let e = expected_at("top ");
        assert!(e.number, "{e:?}");
        let e = expected_at("who met Kerry as ");
        assert_eq!(e.keywords, ["table", "json", "csv", "dot"], "{e:?}");
        assert!(expected_at("who met Kerry on ").date);
        assert!(expected_at("path from Kerry to Lavrov max ").number);
        let e = expected_at("match ");
        assert_eq!(e.punctuation, ["("], "{e:?}");
        let e = expected_at("match (p:Pers");
        assert!(e.variable && e.at == 9, "{e:?}");
        let e = expected_at("match (p)-[m:MET]-({name: \"Kerry\"}) ");
        assert_eq!(e.keywords, ["return", "where"], "{e:?}");
        assert!(expected_at("match (p)-[m:MET]-({name: \"Kerry\"}) where ").variable);
        let e = expected_at("who met \"Bosnia and");
        assert!(e.name && e.at == 9, "{e:?}");
        let e = expected_at("who met \"Bosnia\" ");
        assert!(e.keywords.contains(&"about") && !e.name, "{e:?}");
        let e = expected_at("xyzzy plugh ");
        assert_eq!(
            e,
            Expected {
                at: 12,
                ..Expected::default()
            }
        );
    }
}
