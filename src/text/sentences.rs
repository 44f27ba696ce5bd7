//! Sentence splitting over tokens.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets) when the next token
//! can start a sentence, and always at the end of a line. A full stop that belongs to an
//! abbreviation ("Mr.", "Feb.", "Gen.") or an initial ("John F. Kennedy") ends nothing;
//! an initialism ("U.S.") ends a sentence only when a typical sentence opener follows
//! ("... in the U.S. The talks ..."), since "U.S. Secretary of State" is far more common,
//! and never before a conjunction or preposition the wire capitalised ("the U.S. And Japan").

use std::ops::Range;

use super::{Segment, SegmentKind, Span, Token, TokenShape, tokenize};

/// One sentence: its bytes and its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The bytes from its first token to its last.
    pub span: Span,
    /// Its tokens, as a range into the document's token vector.
    pub tokens: Range<usize>,
    /// True when the sentence is a headline line (title case, no verb needed).
    pub headline: bool,
    /// The paragraph it is in: its readable segment's number, counted from 0.
    pub paragraph: u32,
}

/// What the splitter must know of words, as written: which abbreviations keep their full stop
/// inside a sentence ("Mr.", "Sen."), and which words typically open a sentence ("The", "He")
/// and so end one after an initialism. The word lists (`cues.tsv`) say; tests may say otherwise.
pub trait SentenceWords {
    /// True when a full stop after `word` ends no sentence.
    fn is_abbreviation(&self, word: &str) -> bool;
    /// True when `word` typically opens a sentence.
    fn opens_sentence(&self, word: &str) -> bool;
}

/// Words that the wire writes with a capital after an initialism ("the U.S. And Japan") and
/// that go on with the sentence there.
pub const CARRIED_AFTER_AN_INITIALISM: &[&str] = &[
    "and", "or", "of", "to", "in", "for", "on", "at", "with", "by", "from", "as", "than", "is",
    "are", "was", "were", "has", "have", "had", "will", "would",
];

fn can_open(text: &str, token: &Token) -> bool {
    match token.shape {
        TokenShape::Capitalized
        | TokenShape::Upper
        | TokenShape::Initialism
        | TokenShape::Number => true,
        TokenShape::Punct => matches!(
            token.span.of(text),
            "\"" | "\u{201c}" | "\u{2018}" | "'" | "(" | "["
        ),
        TokenShape::Lower | TokenShape::Clitic => false,
    }
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "\u{201d}" | "\u{2019}" | "'" | ")" | "]")
}

/// Tokenizes the readable segments into `tokens` and returns their sentences in text order.
pub fn split_sentences(
    text: &str,
    segments: &[Segment],
    words: &impl SentenceWords,
    tokens: &mut Vec<Token>,
) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (paragraph, segment) in segments.iter().filter(|s| s.kind.is_readable()).enumerate() {
        let paragraph = paragraph as u32;
        let first = tokens.len();
        tokenize(text, segment.span, tokens);
        let last = tokens.len();
        if first == last {
            continue;
        }
        let headline = segment.kind == SegmentKind::Headline;
        let mut start = first;
        let mut i = first;
        while i < last {
            let t = tokens[i];
            let s = t.span.of(text);
            let mut end_here = None;
            if t.shape == TokenShape::Punct && matches!(s, "." | "!" | "?" | "..." | "\u{2026}") {
                let mut j = i + 1;
                // A closer is glued to what it closes; a straight quote after a space opens.
                while j < last
                    && tokens[j].shape == TokenShape::Punct
                    && tokens[j].span.start == tokens[j - 1].span.end
                    && is_closer(tokens[j].span.of(text))
                {
                    j += 1;
                }
                let abbreviation = s == "."
                    && i > first
                    && tokens[i - 1].span.end == t.span.start
                    && words.is_abbreviation(tokens[i - 1].span.of(text));
                if j < last && !abbreviation && can_open(text, &tokens[j]) {
                    end_here = Some(j);
                }
            } else if t.shape == TokenShape::Initialism && i + 1 < last {
                let next = tokens[i + 1];
                let letters = s.len() / 2;
                // ("exports to the U.S. And Japan": the wire capitalises a word after "U.S.";
                // a conjunction or preposition there goes on with the sentence.)
                let carried_on = CARRIED_AFTER_AN_INITIALISM
                    .iter()
                    .any(|w| next.span.of(text).eq_ignore_ascii_case(w));
                if letters >= 2
                    && next.shape == TokenShape::Capitalized
                    && !carried_on
                    && words.opens_sentence(next.span.of(text))
                {
                    end_here = Some(i + 1);
                }
            }
            if let Some(next_start) = end_here {
                push(
                    &mut sentences,
                    tokens,
                    start..next_start,
                    headline,
                    paragraph,
                );
                start = next_start;
                i = next_start;
                continue;
            }
            i += 1;
        }
        push(&mut sentences, tokens, start..last, headline, paragraph);
    }
    sentences
}

fn push(
    out: &mut Vec<Sentence>,
    tokens: &[Token],
    range: Range<usize>,
    headline: bool,
    paragraph: u32,
) {
    let (start, end) = (range.start, range.end);
    if start < end {
        let span = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
        out.push(Sentence {
            span,
            tokens: start..end,
            headline,
            paragraph,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A few words, as the word lists give them.
    struct Words;

    impl SentenceWords for Words {
        fn is_abbreviation(&self, word: &str) -> bool {
            ["Mr", "Feb", "Sen"].contains(&word)
        }

        fn opens_sentence(&self, word: &str) -> bool {
            ["The", "They"].contains(&word)
        }
    }

    fn split(text: &str) -> Vec<&str> {
        let segments = [Segment {
            span: Span::new(0, text.len()),
            kind: SegmentKind::Body,
        }];
        let mut tokens = Vec::new();
        split_sentences(text, &segments, &Words, &mut tokens)
            .iter()
            .map(|s| s.span.of(text))
            .collect()
    }

    #[test]
    fn splits_around_abbreviations() {
        assert_eq!(
            split("U.S. Secretary of State John Kerry met Mr. Lavrov on Feb. 20. They talked."),
            vec![
                "U.S. Secretary of State John Kerry met Mr. Lavrov on Feb. 20.",
                "They talked."
            ]
        );
        assert_eq!(
            split("Talks were held in the U.S. The minister left. \u{201c}Good,\u{201d} he said."),
            vec![
                "Talks were held in the U.S.",
                "The minister left.",
                "\u{201c}Good,\u{201d} he said."
            ]
        );
        assert_eq!(
            split("He quoted John F. Kennedy. \"We will go,\" she said. 3 left."),
            vec![
                "He quoted John F. Kennedy.",
                "\"We will go,\" she said.",
                "3 left."
            ]
        );
        assert_eq!(
            split("MOSCOW, July 14 /TASS/. U.S. envoy lands."),
            vec!["MOSCOW, July 14 /TASS/.", "U.S. envoy lands."]
        );
    }
}
