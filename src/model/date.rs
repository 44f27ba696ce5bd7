//! Dates as the graph keeps them: a calendar range with the precision the text gave it, and
//! the words it was read from.

use std::fmt;

pub use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// How precisely a text named a date: "24 March 2016" is a day, "March 2016" a month.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// One day or a run of named days ("on Thursday", "from 22 to 25 March").
    #[default]
    Day,
    /// A calendar week ("next week").
    Week,
    /// A calendar month ("March 2016", "next month").
    Month,
    /// A calendar year ("last year").
    Year,
}

impl Precision {
    /// The lower-case word.
    pub const fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }
}

/// The days a date stands for, first to last (the same day for a single day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct DateRange {
    /// The first day.
    pub start: Date,
    /// The last day; never before `start`.
    pub end: Date,
    /// How precisely the text named it.
    pub precision: Precision,
}

impl DateRange {
    /// One day.
    pub const fn day(day: Date) -> DateRange {
        DateRange {
            start: day,
            end: day,
            precision: Precision::Day,
        }
    }

    /// The days from `start` to `end`, put in order if given backwards.
    pub fn new(start: Date, end: Date, precision: Precision) -> DateRange {
        DateRange {
            start: start.min(end),
            end: start.max(end),
            precision,
        }
    }

    /// True when the range is one day.
    pub fn is_day(&self) -> bool {
        self.start == self.end
    }
}

impl fmt::Display for DateRange {
    /// `2016-03-24`, or `2016-03-22/2016-03-25` for a range.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_day() {
            write!(f, "{}", self.start)
        } else {
            write!(f, "{}/{}", self.start, self.end)
        }
    }
}

/// A date an event is placed at: the words in the text and, when they could be resolved against
/// the article's date, the days they mean.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateRef {
    /// The words in the text ("on Thursday", "from 22 to 25 March").
    pub text: String,
    /// The days meant, when the words could be resolved.
    pub range: Option<DateRange>,
}

impl DateRef {
    /// A date as written, resolved to `range` when known.
    pub fn new(text: impl Into<String>, range: Option<DateRange>) -> DateRef {
        DateRef {
            text: text.into(),
            range,
        }
    }

    /// The ISO form: `2016-03-24`, `2016-03-22/2016-03-25`, or the words when unresolved.
    pub fn iso(&self) -> String {
        match &self.range {
            Some(range) => range.to_string(),
            None => self.text.clone(),
        }
    }

    /// The first day, when resolved.
    pub fn start(&self) -> Option<Date> {
        self.range.map(|r| r.start)
    }

    /// The last day, when resolved.
    pub fn end(&self) -> Option<Date> {
        self.range.map(|r| r.end)
    }
}
