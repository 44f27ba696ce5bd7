//! Questions: one function per rule that builds the question's tree, and the names, dates,
//! numbers and modifiers they hold.

use pest::iterators::Pair;

use super::{Result, Rule, bug, span_of};
use crate::lexicon::Lexicon;
use crate::query::MAX_NAME_CHARS;
use crate::query::ast::*;
use crate::query::error::QueryError;
use crate::text::Span;

/// What the rules inside a question hold, gathered in one pass before the form is built.
#[derive(Default)]
struct Pieces {
    names: Vec<Name>,
    filters: Vec<Filter>,
    /// The text of each filter, for the error about one given twice.
    filter_texts: Vec<String>,
    wh: Option<Wh>,
    which: Option<TypeWord>,
    numbers: Vec<Number>,
    via: Vec<RelationWord>,
    max: Option<Number>,
    depth: Option<Number>,
    type_word: Option<TypeWord>,
    verb: Option<RelationWord>,
    ranking: Option<Ranking>,
    event: Option<Event>,
    ask: Option<Ask>,
    /// `what did X and Y discuss`: Y, as a `with` modifier.
    partner: Option<Name>,
    title: Option<Name>,
}

pub(super) fn question_of(pair: Pair<'_, Rule>) -> Result<Question> {
    let rule = pair.as_rule();
    let span = span_of(&pair);
    let mut pieces = Pieces::default();
    for part in pair.into_inner() {
        pieces.take(part)?;
    }
    let form = form_of(rule, span, &mut pieces)?;
    // `count people since 2016`: a modifier narrows a relation, and this count names none.
    if let (Form::Count { that: None, .. }, Some(filter)) = (&form, pieces.filters.first()) {
        return Err(QueryError::new(
            "this count names no relation for a modifier to narrow",
            filter.span,
            "nothing to narrow",
        )
        .with_help("count the answers of a relation: `count people that met Kerry since 2016`"));
    }
    let mut filters = pieces.filters;
    if let Some(partner) = pieces.partner {
        if let Some(with) = filters.iter().find(|f| f.kind == FilterKind::With) {
            return Err(
                QueryError::new("`with` is given twice", with.span, "a second `with`").with_help(
                    format!("`{}` is already named before the verb", partner.text),
                ),
            );
        }
        filters.insert(
            0,
            Filter {
                kind: FilterKind::With,
                span: partner.span,
                arg: FilterArg::Name(partner),
                published: false,
            },
        );
    }
    Ok(Question {
        form,
        which: pieces.which,
        filters,
        order: None,
        limit: None,
        span,
    })
}

impl Pieces {
    /// Takes what one rule inside a question says.
    fn take(&mut self, part: Pair<'_, Rule>) -> Result<()> {
        match part.as_rule() {
            Rule::when_met | Rule::pair_met => self.event = Some(Event::Met),
            Rule::when_called | Rule::pair_called => self.event = Some(Event::Called),
            Rule::when_visited => self.event = Some(Event::Visited),
            Rule::kw_when => self.ask = Some(Ask::When),
            Rule::where_ => self.ask = Some(Ask::Where),
            Rule::pair_subject => {
                let name = name_of(part)?;
                self.names.push(name);
            }
            Rule::subject if !self.names.is_empty() && self.partner.is_none() => {
                // `what did X and Y discuss`: the second name is who X discussed with.
                self.partner = Some(name_of(part)?);
            }
            Rule::title_words => self.title = Some(words_of(part)?),
            Rule::name
            | Rule::list_name
            | Rule::subject
            | Rule::path_from
            | Rule::when_subject
            | Rule::count_subject => self.names.push(name_of(part)?),
            Rule::about
            | Rule::place
            | Rule::with
            | Rule::source
            | Rule::published
            | Rule::since
            | Rule::before
            | Rule::after
            | Rule::on
            | Rule::between => self.filter(part)?,
            Rule::what => self.wh = Some(Wh::What),
            Rule::which => {
                let word = part.into_inner().find(|p| p.as_rule() == Rule::type_name);
                self.which = word.map(|w| type_word_of(&w));
            }
            Rule::type_name => self.type_word = Some(type_word_of(&part)),
            Rule::number => self.numbers.push(number_of(&part)?),
            Rule::max_hops => self.max = inner_number(part)?,
            Rule::depth => self.depth = inner_number(part)?,
            Rule::via => self.via.extend(
                part.into_inner()
                    .filter(|p| p.as_rule() == Rule::relation_word)
                    .map(|p| relation_word_of(&p)),
            ),
            Rule::count_verb => self.verb = Some(relation_word_of(&part)),
            Rule::count_tail => {
                let mut word = relation_word_of(&part);
                word.word = match word.word.as_str() {
                    "call" | "called" => "called",
                    "visit" | "visited" => "visited",
                    "discuss" | "discussed" => "discussed",
                    _ => "met",
                }
                .to_string();
                self.verb = Some(word);
            }
            Rule::ranking if part.as_str().eq_ignore_ascii_case("mentions") => {
                self.ranking = Some(Ranking::Mentions);
            }
            _ => {}
        }
        Ok(())
    }

    /// A modifier, unless one of its kind is already there.
    fn filter(&mut self, part: Pair<'_, Rule>) -> Result<()> {
        let text = part.as_str().trim_end().to_string();
        let filter = filter_of(part)?;
        if let Some(i) = self
            .filters
            .iter()
            .position(|f| f.kind == filter.kind && f.published == filter.published)
        {
            let keyword = if filter.published {
                format!("published {}", filter.kind.keyword())
            } else {
                filter.kind.keyword().to_string()
            };
            return Err(QueryError::new(
                format!("`{keyword}` is given twice"),
                filter.span,
                format!("a second `{keyword}`"),
            )
            .with_help(format!(
                "keep one `{keyword}`: the first is `{}`",
                self.filter_texts[i]
            )));
        }
        self.filters.push(filter);
        self.filter_texts.push(text);
        Ok(())
    }
}

/// The form of a question from its rule and what was gathered inside it.
fn form_of(rule: Rule, span: Span, pieces: &mut Pieces) -> Result<Form> {
    let mut names = std::mem::take(&mut pieces.names).into_iter();
    let mut one = || names.next().ok_or_else(|| bug(span));
    Ok(match rule {
        Rule::met | Rule::called => {
            let mut people = vec![one()?];
            people.extend(names);
            if rule == Rule::met {
                Form::Met { people }
            } else {
                Form::Called { people }
            }
        }
        Rule::pairs => Form::Pairs {
            event: pieces.event.unwrap_or(Event::Met),
        },
        Rule::went => Form::WentTo { who: one()? },
        Rule::visitors => Form::Visitors { place: one()? },
        Rule::discussed => Form::Discussed { who: one()? },
        Rule::said => Form::Said { who: one()? },
        Rule::speakers => Form::Speakers,
        Rule::holder => Form::Holder {
            title: pieces.title.take().ok_or_else(|| bug(span))?,
            of: one()?,
        },
        Rule::describe => Form::Describe {
            wh: pieces.wh.unwrap_or(Wh::Who),
            who: one()?,
        },
        Rule::when => Form::When {
            who: one()?,
            event: pieces.event.unwrap_or(Event::Met),
            other: one()?,
            ask: pieces.ask.unwrap_or(Ask::Whether),
        },
        Rule::path => Form::Path {
            from: one()?,
            to: one()?,
            max: pieces.max,
            via: std::mem::take(&mut pieces.via),
        },
        Rule::neighbours | Rule::linked => Form::Neighbours {
            of: one()?,
            depth: pieces.depth,
            via: std::mem::take(&mut pieces.via),
        },
        Rule::count | Rule::how_many => {
            let what = pieces.type_word.take().ok_or_else(|| bug(span))?;
            let that = match pieces.verb.take() {
                Some(verb) => Some((verb, one()?)),
                None => None,
            };
            // `how many countries did Kerry visit`: the name comes before its verb.
            let agent_first = rule == Rule::how_many && pieces.partner.is_none() && {
                let verb_at = that.as_ref().map_or(0, |(v, _)| v.span.start);
                let name_at = that.as_ref().map_or(0, |(_, n)| n.span.start);
                name_at < verb_at
            };
            Form::Count {
                what,
                that,
                agent_first,
            }
        }
        Rule::top => Form::Top {
            n: pieces.numbers.first().copied().ok_or_else(|| bug(span))?,
            what: pieces.type_word.take().ok_or_else(|| bug(span))?,
            by: pieces.ranking.unwrap_or(Ranking::Degree),
        },
        Rule::documents => Form::Documents,
        _ => return Err(bug(span)),
    })
}

/// `order by COLUMN [desc]` after a question.
pub(super) fn question_order_of(pair: Pair<'_, Rule>) -> Result<QuestionOrder> {
    let span = span_of(&pair);
    let mut column = None;
    let mut descending = false;
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::column_word => {
                column = Some(Ident {
                    text: part.as_str().to_lowercase(),
                    span: span_of(&part),
                });
            }
            Rule::kw_desc => descending = true,
            _ => {}
        }
    }
    Ok(QuestionOrder {
        column: column.ok_or_else(|| bug(span))?,
        descending,
    })
}

/// `limit N` after a question.
pub(super) fn question_limit_of(pair: Pair<'_, Rule>) -> Result<Number> {
    let span = span_of(&pair);
    inner_number(pair)?.ok_or_else(|| bug(span))
}

/// Bare words as one name (a title: `foreign minister`).
fn words_of(pair: Pair<'_, Rule>) -> Result<Name> {
    let span = span_of(&pair);
    let text = pair
        .into_inner()
        .map(|w| w.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    short_name(Name { text, span })
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

pub(super) fn number_of(pair: &Pair<'_, Rule>) -> Result<Number> {
    let span = span_of(pair);
    let value = pair.as_str().parse::<u64>().map_err(|_| {
        QueryError::new("this number is too large", span, "too large")
            .with_help("use a number below 18446744073709551616")
    })?;
    Ok(Number { value, span })
}

fn filter_of(pair: Pair<'_, Rule>) -> Result<Filter> {
    // Without the space a failed `and TOPIC` may leave at the end.
    let span = span_of(&pair);
    let span = Span::new(span.start, span.start + pair.as_str().trim_end().len());
    if pair.as_rule() == Rule::published {
        // `published since D`: the date modifier inside, on the article's date.
        let inner = pair
            .into_inner()
            .find(|p| p.as_rule() != Rule::kw_published);
        let inner = inner.ok_or_else(|| bug(span))?;
        let mut filter = filter_of(inner)?;
        filter.published = true;
        filter.span = span;
        return Ok(filter);
    }
    let mut kind = match pair.as_rule() {
        Rule::about => FilterKind::About,
        Rule::place => FilterKind::In,
        Rule::with => FilterKind::With,
        Rule::source => FilterKind::Source,
        Rule::since => FilterKind::Since,
        Rule::before => FilterKind::Before,
        Rule::after => FilterKind::After,
        Rule::on | Rule::published_in => FilterKind::On,
        _ => FilterKind::Between,
    };
    let mut name = None;
    let mut topics = Vec::new();
    let mut joins = Vec::new();
    let mut dates = Vec::new();
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::name => name = Some(name_of(part)?),
            Rule::topic => topics.push(name_of(part)?),
            Rule::topic_join => joins.push(part),
            Rule::date => dates.push(date_of(part)?),
            Rule::in_date => {
                // `in 2016`: a date, as `on 2016`.
                kind = FilterKind::On;
                let date = part.into_inner().next().ok_or_else(|| bug(span))?;
                dates.push(date_of(date)?);
            }
            _ => {}
        }
    }
    let any = joins
        .first()
        .is_some_and(|j| j.as_str().eq_ignore_ascii_case("or"));
    if let Some(mixed) = joins
        .iter()
        .find(|j| j.as_str().eq_ignore_ascii_case("or") != any)
    {
        return Err(QueryError::new(
            "`about` joins its topics with `and` or with `or`, not both",
            span_of(mixed),
            "the other join",
        )
        .with_help("ask two questions, or quote a topic that holds `and` or `or`"));
    }
    let arg = match name {
        Some(name) => FilterArg::Name(name),
        None if !topics.is_empty() => FilterArg::Topics { topics, any },
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
    Ok(Filter {
        kind,
        arg,
        published: false,
        span,
    })
}

/// A date in any accepted spelling, checked with jiff and brought to ISO form.
pub(super) fn date_of(pair: Pair<'_, Rule>) -> Result<DateLit> {
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
pub(super) fn name_of(pair: Pair<'_, Rule>) -> Result<Name> {
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
pub(super) fn short_name(name: Name) -> Result<Name> {
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
pub(super) fn unquote(pair: Pair<'_, Rule>) -> Result<Name> {
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
