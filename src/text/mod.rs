//! Documents, byte spans, and the first reading of raw text: cleaning web debris, splitting
//! sentences and tokens. Every piece keeps its byte span into the original document text.

mod clean;
mod sentences;
mod tokens;

pub use clean::{Boilerplate, Segment, SegmentKind, segments};
pub use sentences::{CARRIED_AFTER_AN_INITIALISM, Sentence, SentenceWords, split_sentences};
pub use tokens::{Token, TokenShape, tokenize};

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// True when `other` lies inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The text this span covers.
    pub fn of<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// One article: an id, its text, and what a JSONL record may say about it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The file name, or the `id` of a JSONL record.
    pub id: String,
    /// The whole text, as read (invalid UTF-8 already replaced).
    pub text: String,
    /// A title given by the record, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A publication date given by the record, if any (`YYYY-MM-DD` or a longer ISO form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where the article came from, if the record says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The publisher, if the record says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Document {
    /// A document with only an id and a text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            ..Document::default()
        }
    }

    /// A document from raw bytes: invalid UTF-8 becomes U+FFFD and a warning.
    pub fn from_bytes(id: impl Into<String>, bytes: Vec<u8>) -> (Document, Option<String>) {
        let id = id.into();
        match String::from_utf8(bytes) {
            Ok(text) => (Document::new(id, text), None),
            Err(err) => {
                let valid_up_to = err.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(err.as_bytes()).into_owned();
                let warning = format!(
                    "`{id}` is not valid UTF-8 (first bad byte at offset {valid_up_to}); \
                     bad bytes were replaced with U+FFFD"
                );
                (Document::new(id, text), Some(warning))
            }
        }
    }
}
