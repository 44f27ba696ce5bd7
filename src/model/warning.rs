//! What a reader should know about a document the extractor read.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Something the extractor noticed about a document; extraction never fails, it warns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Warning {
    /// Every line looked like page furniture (menus, share buttons), so nothing was read.
    NoReadableText,
    /// The record's `date` field names no day kg can read; the article is dated from its text,
    /// if at all.
    UnreadableDate(String),
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::NoReadableText => {
                f.write_str("no readable text: every line looked like page furniture")
            }
            Warning::UnreadableDate(field) => write!(
                f,
                "the record's date `{field}` is no date kg can read; the article is dated from its text if it can be"
            ),
        }
    }
}
