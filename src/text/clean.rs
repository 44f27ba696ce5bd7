//! Cleaning: which lines of a page are article text and which are web debris.

use super::Span;

/// What a line of the page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentKind {
    /// A line of running text.
    Body,
    /// A short line without final punctuation: a headline or subheading.
    Headline,
    /// Navigation, prompts, repeated captions: not read.
    Debris,
}

/// One line of the page with its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The line's bytes, without the line break.
    pub span: Span,
    /// What the line is.
    pub kind: SegmentKind,
}

/// Splits a text into lines and says what each is.
pub fn segments(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.trim_end().len();
        if end > start {
            out.push(Segment {
                span: Span::new(start, end),
                kind: SegmentKind::Body,
            });
        }
        start += line.len();
    }
    out
}
