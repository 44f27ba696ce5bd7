//! Tokens: words, numbers and punctuation with their byte spans.

use super::Span;

/// The shape of a token's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenShape {
    /// A word.
    Word,
    /// Anything else.
    Other,
}

/// One token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it looks like.
    pub shape: TokenShape,
}

/// Splits a span of text into tokens.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in span.of(text).char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(Token {
                span: Span::new(span.start + s, span.start + i),
                shape: TokenShape::Word,
            });
        }
    }
    if let Some(s) = start {
        out.push(Token {
            span: Span::new(span.start + s, span.end),
            shape: TokenShape::Word,
        });
    }
    out
}
