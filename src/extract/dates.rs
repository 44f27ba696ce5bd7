//! Dates: the article's own date, and the dates events are placed at, resolved against it.
//!
//! The article's date comes from its record (`date` of a JSONL line), a dating line ("Updated
//! Date: Mar 16, 2016"), the first full date in its opening sentences, a date in the file's name
//! ("2016-03-24-kerry.txt"), or a dateline without a year ("MOSCOW, July 14") with the year in
//! the file's name or, failing that, the year the article names most often. Expressions in a
//! sentence ("March 23, 2016", "23 March", "from 22 to 25 March", "March 2016", "on Thursday",
//! "yesterday", "next week") are resolved against it: a weekday in a planned event is the next
//! such day, in a past one the last; a day without a year takes the year that puts it nearest
//! the article's date.

use jiff::civil::{Date, Weekday};

use crate::extract::doc::Doc;
use crate::lexicon::Lexicon;
use crate::model::{DateRange, DateRef, Precision};
use crate::text::{Segment, SegmentKind, Token, TokenShape, tokenize};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expr {
    Day {
        year: Option<i16>,
        month: i8,
        day: i8,
    },
    Range {
        year: Option<i16>,
        month: i8,
        from: i8,
        to: i8,
    },
    Month {
        year: i16,
        month: i8,
    },
    Weekday(Weekday),
    /// today 0, yesterday -1, tomorrow 1.
    Relative(i32),
    /// this week 0, next week 1, last week -1.
    Week(i32),
    /// this month 0, next month 1, last month -1.
    MonthOffset(i32),
    /// this year 0, next year 1, last year -1.
    YearOffset(i32),
}

/// How many tokens from an event's trigger a date that dates it may be: a clause's reach, which
/// keeps the cost of a long sentence linear in its length.
const DATE_REACH: usize = 40;

/// Date expressions found in a document, ready to be asked for per sentence.
pub(crate) struct DateFinder {
    doc_date: Option<Date>,
    /// Per sentence: (first token, one past the last, expression).
    found: Vec<Vec<(usize, usize, Expr)>>,
}

/// The month a word names (1 to 12), from the calendar list: "March", "Mar", "Mar.", "Sept".
/// "march" the verb and "may" the modal are months only when capitalised.
fn month_of(lex: &Lexicon, word: &str) -> Option<i8> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    match lex.word_info(word.trim_end_matches('.')).month {
        0 => None,
        m => Some(m as i8),
    }
}

/// The weekday a word names, from the calendar list.
fn weekday_of(lex: &Lexicon, word: &str) -> Option<Weekday> {
    match lex.word_info(word).weekday {
        0 => None,
        d => Weekday::from_monday_one_offset(d as i8).ok(),
    }
}

fn number(text: &str) -> Option<i32> {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    let rest = &text[digits.len()..];
    if !(rest.is_empty() || ["st", "nd", "rd", "th"].contains(&rest)) {
        return None;
    }
    digits.parse().ok()
}

fn day_number(tokens: &[Token], text: &str, i: usize) -> Option<i8> {
    let t = tokens.get(i)?;
    if t.shape != TokenShape::Number {
        return None;
    }
    number(t.span.of(text))
        .filter(|d| (1..=31).contains(d))
        .map(|d| d as i8)
}

fn year_number(tokens: &[Token], text: &str, i: usize) -> Option<i16> {
    let t = tokens.get(i)?;
    if t.shape != TokenShape::Number || t.span.len() != 4 {
        return None;
    }
    number(t.span.of(text))
        .filter(|y| (1800..=2200).contains(y))
        .map(|y| y as i16)
}

/// The date expressions among `tokens[from..to]`.
fn scan(
    lex: &Lexicon,
    tokens: &[Token],
    text: &str,
    from: usize,
    to: usize,
) -> Vec<(usize, usize, Expr)> {
    let scanner = DateScanner {
        lex,
        tokens,
        text,
        from,
        to,
    };
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        if let Some(iso) = scanner.iso(i) {
            out.extend(iso.map(|expr| (i, i + 1, expr)));
            i += 1;
            continue;
        }
        let found = scanner
            .month_first(i)
            .or_else(|| scanner.day_first(i))
            .or_else(|| scanner.relative(i));
        match found {
            Some(found) => {
                i = found.1;
                out.push(found);
            }
            None => i += 1,
        }
    }
    out
}

/// Reads date expressions in `tokens[from..to]`, each method one form.
struct DateScanner<'a> {
    lex: &'a Lexicon,
    tokens: &'a [Token],
    text: &'a str,
    from: usize,
    to: usize,
}

impl DateScanner<'_> {
    fn s(&self, i: usize) -> &str {
        self.tokens[i].span.of(self.text)
    }

    fn is(&self, i: usize, word: &str) -> bool {
        i < self.to && self.s(i).eq_ignore_ascii_case(word)
    }

    fn day(&self, i: usize) -> Option<i8> {
        day_number(self.tokens, self.text, i).filter(|_| i < self.to)
    }

    fn year(&self, i: usize) -> Option<i16> {
        year_number(self.tokens, self.text, i).filter(|_| i < self.to)
    }

    fn month(&self, i: usize) -> Option<i8> {
        (i < self.to)
            .then(|| month_of(self.lex, self.s(i)))
            .flatten()
    }

    /// "2016-03-23": `Some(None)` for a token of that shape that is no real day.
    fn iso(&self, i: usize) -> Option<Option<Expr>> {
        let t = self.tokens[i];
        let s = self.s(i);
        if t.shape != TokenShape::Number || s.len() != 10 || s.as_bytes()[4] != b'-' {
            return None;
        }
        let parsed = (s[..4].parse(), s[5..7].parse(), s[8..].parse());
        Some(match parsed {
            (Ok(y), Ok(m), Ok(d)) => Some(Expr::Day {
                year: Some(y),
                month: m,
                day: d,
            }),
            _ => None,
        })
    }

    /// "March 23, 2016", "Feb. 20", "March 2016".
    fn month_first(&self, i: usize) -> Option<(usize, usize, Expr)> {
        if self.tokens[i].shape == TokenShape::Number {
            return None;
        }
        let month = self.month(i)?;
        let mut j = i + 1;
        if j < self.to && self.s(j) == "." {
            j += 1;
        }
        if let Some(day) = self.day(j) {
            let mut y = j + 1;
            if y < self.to && self.s(y) == "," {
                y += 1;
            }
            return Some(match self.year(y) {
                Some(year) => (
                    i,
                    y + 1,
                    Expr::Day {
                        year: Some(year),
                        month,
                        day,
                    },
                ),
                None => (
                    i,
                    j + 1,
                    Expr::Day {
                        year: None,
                        month,
                        day,
                    },
                ),
            });
        }
        let year = self.year(j)?;
        Some((i, j + 1, Expr::Month { year, month }))
    }

    /// "23 March 2016", "from 22 to 25 March", "22-25 March".
    fn day_first(&self, i: usize) -> Option<(usize, usize, Expr)> {
        let day = day_number(self.tokens, self.text, i)?;
        let joined = self.is(i + 1, "to")
            || self.is(i + 1, "and")
            || i + 1 < self.to && self.s(i + 1) == "-";
        let range_end = if joined && self.month(i + 3).is_some() {
            day_number(self.tokens, self.text, i + 2)
        } else {
            None
        };
        let (month_at, last) = match range_end {
            Some(last) => (i + 3, Some(last)),
            None => (i + 1, None),
        };
        let month = self.month(month_at)?;
        let year = self.year(month_at + 1);
        let end = if year.is_some() {
            month_at + 2
        } else {
            month_at + 1
        };
        let fenced = i > self.from && (self.is(i - 1, "from") || self.is(i - 1, "between"));
        let start = if fenced && last.is_some() { i - 1 } else { i };
        let expr = match last {
            Some(last) => Expr::Range {
                year,
                month,
                from: day,
                to: last,
            },
            None => Expr::Day { year, month, day },
        };
        Some((start, end, expr))
    }

    /// "Thursday", "yesterday", "next month", "last year", "this week".
    fn relative(&self, i: usize) -> Option<(usize, usize, Expr)> {
        let t = self.tokens[i];
        let s = self.s(i);
        if t.shape == TokenShape::Capitalized
            && let Some(weekday) = weekday_of(self.lex, s)
        {
            return Some((i, i + 1, Expr::Weekday(weekday)));
        }
        let day = [("today", 0), ("yesterday", -1), ("tomorrow", 1)]
            .iter()
            .find(|(w, _)| s.eq_ignore_ascii_case(w));
        if let Some(&(_, days)) = day {
            return Some((i, i + 1, Expr::Relative(days)));
        }
        let offset = [("this", 0), ("next", 1), ("last", -1)]
            .iter()
            .find(|(w, _)| s.eq_ignore_ascii_case(w))
            .map(|&(_, o)| o)?;
        let unit = if self.is(i + 1, "month") {
            Expr::MonthOffset(offset)
        } else if self.is(i + 1, "year") {
            Expr::YearOffset(offset)
        } else if self.is(i + 1, "week") {
            Expr::Week(offset)
        } else {
            return None;
        };
        Some((i, i + 2, unit))
    }
}

impl Expr {
    /// How precisely the expression names its days.
    fn precision(self) -> Precision {
        match self {
            Expr::Day { .. } | Expr::Range { .. } | Expr::Weekday(_) | Expr::Relative(_) => {
                Precision::Day
            }
            Expr::Week(_) => Precision::Week,
            Expr::Month { .. } | Expr::MonthOffset(_) => Precision::Month,
            Expr::YearOffset(_) => Precision::Year,
        }
    }
}

fn full_date(expr: Expr) -> Option<Date> {
    match expr {
        Expr::Day {
            year: Some(y),
            month,
            day,
        } => Date::new(y, month, day).ok(),
        _ => None,
    }
}

/// The day a record's `date` field names, in any common form: ISO 8601 (`2016-03-24`,
/// `2016-03-24T10:00:00Z`, `2016/03/24`), RFC 2822 (`Thu, 24 Mar 2016 10:00:00 +0000`), the
/// wire's `26-FEB-1987 15:01:01.79`, `Feb 26, 1987`, `26 February 1987`, and Unix seconds
/// (`1458813600`). The time of day, when given, is dropped: a record's date is the day it ran.
pub fn record_date(lex: &Lexicon, field: &str) -> Option<Date> {
    let field = field.trim();
    // Unix seconds (milliseconds from 12 digits on): all digits, long.
    if (9..=13).contains(&field.len()) && field.bytes().all(|b| b.is_ascii_digit()) {
        let mut seconds: i64 = field.parse().ok()?;
        if field.len() >= 12 {
            seconds /= 1000;
        }
        let stamp = jiff::Timestamp::from_second(seconds).ok()?;
        return Some(stamp.to_zoned(jiff::tz::TimeZone::UTC).date());
    }
    // ISO: the first ten characters, with '-' or '/'.
    if let Some(head) = field.get(..10) {
        let bytes = head.as_bytes();
        if bytes[4] == bytes[7] && matches!(bytes[4], b'-' | b'/') {
            let (y, m, d) = (head[..4].parse(), head[5..7].parse(), head[8..].parse());
            if let (Ok(y), Ok(m), Ok(d)) = (y, m, d) {
                return Date::new(y, m, d).ok();
            }
        }
    }
    // Words and numbers: a weekday is skipped, a month named, a day of at most two digits and a
    // year of four, in any order; a time (with ':') and a zone are left out.
    let (mut year, mut month, mut day) = (None, None, None);
    for (n, piece) in field
        .split([' ', ',', '-', '/'])
        .filter(|p| !p.is_empty())
        .enumerate()
    {
        if piece.contains(':') || piece.starts_with(['+', '.']) {
            continue;
        }
        if piece.bytes().all(|b| b.is_ascii_digit()) {
            match piece.len() {
                4 if year.is_none() => year = piece.parse::<i16>().ok(),
                1 | 2 if day.is_none() => day = piece.parse::<i8>().ok(),
                _ => return None,
            }
            continue;
        }
        let info = lex.word_info(piece.trim_end_matches('.'));
        if info.month > 0 && month.is_none() {
            month = Some(info.month as i8);
        } else if info.weekday == 0
            && !piece.chars().all(|c| c.is_ascii_uppercase())
            && !(n == 0 && piece.len() <= 4 && piece.chars().all(char::is_alphabetic))
        {
            // Not a weekday (a short one opens an RFC 2822 date: "Thu,") and not a zone
            // abbreviation (GMT, EST): not a date.
            return None;
        }
    }
    Date::new(year?, month?, day?).ok()
}

impl DateFinder {
    pub(crate) fn new(
        doc: &Doc,
        segments: &[Segment],
        record: Option<&str>,
        doc_id: &str,
    ) -> DateFinder {
        let found: Vec<Vec<(usize, usize, Expr)>> = doc
            .sentences
            .iter()
            .map(|s| scan(doc.lex, &doc.tokens, doc.text, s.tokens.start, s.tokens.end))
            .collect();
        let meta_date = || {
            segments
                .iter()
                .filter(|s| s.kind == SegmentKind::Meta)
                .find_map(|s| {
                    let mut tokens = Vec::new();
                    tokenize(doc.text, s.span, &mut tokens);
                    scan(doc.lex, &tokens, doc.text, 0, tokens.len())
                        .into_iter()
                        .find_map(|(_, _, e)| full_date(e))
                })
        };
        let opening = || {
            found
                .iter()
                .take(4)
                .flatten()
                .find_map(|&(_, _, e)| full_date(e))
        };
        // A file named by its date ("2016-03-24-kerry.txt").
        let file_date = || {
            let bytes = doc_id.as_bytes();
            (0..bytes.len().saturating_sub(9)).find_map(|i| {
                let piece = doc_id.get(i..i + 10)?;
                let boundary = |j: usize| bytes.get(j).is_none_or(|b| !b.is_ascii_digit());
                let shaped = piece.as_bytes()[4] == b'-' && piece.as_bytes()[7] == b'-';
                (shaped && (i == 0 || boundary(i - 1)) && boundary(i + 10))
                    .then(|| piece.parse::<Date>().ok())
                    .flatten()
            })
        };
        // A year in the file's name ("kerry-moscow-march-2016.txt").
        let file_year = || {
            doc_id
                .split(|c: char| !c.is_ascii_digit())
                .filter(|n| n.len() == 4)
                .filter_map(|n| n.parse::<i16>().ok())
                .find(|y| (1900..=2100).contains(y))
        };
        // A dateline without a year ("MOSCOW, July 14 /TASS/"): the year in the file's name,
        // else the year the article names most often, the later on a tie (the year of the news
        // more often than not; a guess, but a guess with the article's own evidence).
        let dateline = || {
            // The first day near the start of one of the opening sentences (a headline may
            // come first).
            let (_, _, expr) = found
                .iter()
                .zip(&doc.sentences)
                .take(3)
                .find_map(|(list, s)| {
                    list.iter()
                        .find(|&&(from, _, e)| {
                            from < s.tokens.start + 8 && matches!(e, Expr::Day { year: None, .. })
                        })
                        .copied()
                })?;
            let Expr::Day {
                year: None,
                month,
                day,
            } = expr
            else {
                return None;
            };
            let mut years: Vec<i16> = (0..doc.tokens.len())
                .filter_map(|i| year_number(&doc.tokens, doc.text, i))
                .collect();
            years.sort_unstable();
            let year = file_year().or_else(|| {
                years
                    .chunk_by(|a, b| a == b)
                    .max_by_key(|run| (run.len(), run[0]))
                    .map(|run| run[0])
            })?;
            Date::new(year, month, day).ok()
        };
        let doc_date = record
            .and_then(|field| record_date(doc.lex, field))
            .or_else(meta_date)
            .or_else(opening)
            .or_else(file_date)
            .or_else(dateline);
        DateFinder { doc_date, found }
    }

    /// The article's date.
    pub(crate) fn doc_date(&self) -> Option<Date> {
        self.doc_date
    }

    /// True when token `k` names a weekday other than the document's own (any weekday when
    /// the document has no date): in "leaves on Wednesday", a day to come.
    pub(crate) fn another_weekday(&self, doc: &Doc, k: usize) -> bool {
        let Some(day) = weekday_of(doc.lex, doc.s(k)) else {
            return false;
        };
        self.doc_date.is_none_or(|d| d.weekday() != day)
    }

    /// The date nearest to token `k` in sentence `sentence`, resolved.
    pub(crate) fn for_sentence(
        &self,
        doc: &Doc,
        sentence: usize,
        k: usize,
        planned: bool,
    ) -> Option<DateRef> {
        let list = self.found.get(sentence)?;
        let start = doc.sentences[sentence].tokens.start;
        // The nearest date in the trigger's own clause; a date that opens the sentence
        // ("On Thursday, Kerry will meet ...") belongs to its main clause.
        // Only dates within a clause's reach of the trigger, or near the sentence's start
        // (fronted), are looked at: the list is in text order, so both are slices of it.
        let window = |lo: usize, hi: usize| {
            let a = list.partition_point(|&(_, to, _)| to + DATE_REACH < lo);
            let b = list.partition_point(|&(from, _, _)| from <= hi + DATE_REACH);
            a..b.max(a)
        };
        let near = window(k, k);
        let opening = window(start, start);
        let candidates = list[opening.clone()]
            .iter()
            .chain(list[near.start.max(opening.end)..near.end.max(opening.end)].iter());
        let &(from, to, expr) = candidates
            // "since May 2015", "until Friday" bound a period; they do not date the event.
            .filter(|&&(from, _, _)| {
                !(from > start && doc.is_any(from - 1, &["since", "until", "till"]))
            })
            .filter(|&&(from, to, _)| {
                let (a, b) = if from >= k { (k, from) } else { (to, k) };
                let fronted = (start..from).all(|j| {
                    doc.tok(j).shape == TokenShape::Punct
                        || doc.is_any(
                            j,
                            &[
                                "on", "in", "at", "by", "later", "earlier", "last", "this", "late",
                                "early",
                            ],
                        )
                });
                fronted
                    || !(a..b).any(|j| {
                        doc.punct(j, &[",", ";", ":", "\u{2014}"])
                            || doc.is_any(j, &["said", "says", "who", "which"])
                    })
            })
            .min_by_key(|(from, to, _)| {
                if *from >= k {
                    from - k
                } else {
                    k.saturating_sub(*to)
                }
            })?;
        let text = doc.range_text(from, to);
        let (start, end) = self.resolve(expr, planned);
        let range =
            start.map(|start| DateRange::new(start, end.unwrap_or(start), expr.precision()));
        Some(DateRef::new(text, range))
    }

    fn nearest_year(&self, month: i8, day: i8) -> Option<Date> {
        let anchor = self.doc_date?;
        (anchor.year() - 1..=anchor.year() + 1)
            .filter_map(|y| Date::new(y, month, day).ok())
            .min_by_key(|d| (d.to_jiff_days() - anchor.to_jiff_days()).abs())
    }

    fn resolve(&self, expr: Expr, planned: bool) -> (Option<Date>, Option<Date>) {
        let anchor = self.doc_date;
        let shift = |d: Date, days: i32| d.checked_add(jiff::Span::new().days(days)).ok();
        match expr {
            Expr::Day {
                year: Some(y),
                month,
                day,
            } => (Date::new(y, month, day).ok(), None),
            Expr::Day {
                year: None,
                month,
                day,
            } => (self.nearest_year(month, day), None),
            Expr::Range {
                year,
                month,
                from,
                to,
            } => {
                let first = match year {
                    Some(y) => Date::new(y, month, from).ok(),
                    None => self.nearest_year(month, from),
                };
                let last = first.and_then(|f| Date::new(f.year(), month, to).ok());
                (first, last)
            }
            Expr::Month { year, month } => {
                let first = Date::new(year, month, 1).ok();
                (first, first.map(|f| f.last_of_month()))
            }
            Expr::Weekday(weekday) => {
                let Some(anchor) = anchor else {
                    return (None, None);
                };
                let step = if planned { 1 } else { -1 };
                let mut d = anchor;
                for _ in 0..7 {
                    if d.weekday() == weekday {
                        return (Some(d), None);
                    }
                    match shift(d, step) {
                        Some(next) => d = next,
                        None => break,
                    }
                }
                (None, None)
            }
            Expr::Relative(days) => (anchor.and_then(|a| shift(a, days)), None),
            Expr::MonthOffset(offset) => {
                let Some(anchor) = anchor else {
                    return (None, None);
                };
                let first = anchor
                    .first_of_month()
                    .checked_add(jiff::Span::new().months(offset))
                    .ok();
                (first, first.map(|f| f.last_of_month()))
            }
            Expr::YearOffset(offset) => {
                let Some(anchor) = anchor else {
                    return (None, None);
                };
                let year = anchor.year() + offset as i16;
                (Date::new(year, 1, 1).ok(), Date::new(year, 12, 31).ok())
            }
            Expr::Week(offset) => {
                let Some(anchor) = anchor else {
                    return (None, None);
                };
                let monday = shift(anchor, -(anchor.weekday().to_monday_zero_offset() as i32));
                let start = monday.and_then(|m| shift(m, 7 * offset));
                (start, start.and_then(|s| shift(s, 6)))
            }
        }
    }
}

trait JiffDays {
    fn to_jiff_days(&self) -> i64;
}

impl JiffDays for Date {
    /// Days since an epoch; only differences are used.
    fn to_jiff_days(&self) -> i64 {
        self.since(Date::constant(1970, 1, 1))
            .map_or(0, |s| i64::from(s.get_days()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    fn exprs(text: &str) -> Vec<(String, Expr)> {
        let mut tokens = Vec::new();
        tokenize(text, Span::new(0, text.len()), &mut tokens);
        scan(Lexicon::builtin(), &tokens, text, 0, tokens.len())
            .into_iter()
            .map(|(a, b, e)| {
                (
                    text[tokens[a].span.start..tokens[b - 1].span.end].to_string(),
                    e,
                )
            })
            .collect()
    }

    #[test]
    fn record_dates_in_every_common_form() {
        let lex = Lexicon::builtin();
        let day = |s: &str| record_date(lex, s).map(|d| d.to_string());
        let want = Some("1987-02-26".to_string());
        for form in [
            "1987-02-26",
            "1987-02-26T15:01:01Z",
            "1987-02-26 15:01:01",
            "1987/02/26",
            "26-FEB-1987 15:01:01.79",
            "Thu, 26 Feb 1987 15:01:01 +0000",
            "Thu, 26 Feb 1987 15:01:01 GMT",
            "Feb 26, 1987",
            "February 26, 1987",
            "26 February 1987",
            "Thursday, February 26, 1987",
            "541350061",
            "541350061000",
        ] {
            assert_eq!(day(form), want, "{form}");
        }
        for bad in [
            "",
            "soon",
            "31-FEB-1987",
            "26 Febtober 1987",
            "1987",
            "12/13/14 15",
        ] {
            assert_eq!(day(bad), None, "{bad}");
        }
    }

    #[test]
    fn finds_dates() {
        let found = exprs(
            "He will visit from 22 to 25 March. On Thursday, March 23, 2016 and Feb. 20, 2016 and 17 March 2003, next week.",
        );
        let texts: Vec<&str> = found.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "from 22 to 25 March",
                "Thursday",
                "March 23, 2016",
                "Feb. 20, 2016",
                "17 March 2003",
                "next week"
            ]
        );
        assert_eq!(
            found[0].1,
            Expr::Range {
                year: None,
                month: 3,
                from: 22,
                to: 25
            }
        );
        assert_eq!(exprs("they march on")[..], []);
    }
}
