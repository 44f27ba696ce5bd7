//! Sentence splitting.

use super::{Segment, SegmentKind, Span};

/// The sentences of the readable segments, in text order.
pub fn sentences(text: &str, segments: &[Segment]) -> Vec<Span> {
    let _ = text;
    segments
        .iter()
        .filter(|s| s.kind != SegmentKind::Debris)
        .map(|s| s.span)
        .collect()
}
