//! Errors in a question, syntax or names, each pointing at the bytes it is about.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::text::Span;

/// A syntax or name error, pointing into the query.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct QueryError {
    /// What went wrong, one line, lower case.
    pub message: String,
    /// Where, in the query text.
    pub span: Span,
    /// The note printed under the caret.
    pub label: String,
    /// A suggestion ("did you mean `Kerry`?").
    pub help: Option<String>,
}

impl QueryError {
    /// An error with no help line.
    pub(crate) fn new(message: impl Into<String>, span: Span, label: impl Into<String>) -> Self {
        QueryError {
            message: message.into(),
            span,
            label: label.into(),
            help: None,
        }
    }

    /// The same error with a help line.
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The error as a snippet with a caret under the spot.
    ///
    /// `source` is the query the error came from; a span that does not fit it (a caller passing
    /// another text) is clamped rather than trusted.
    pub fn render(&self, source: &str, color: bool) -> String {
        let span = clamp(self.span, source);
        let mut annotation = AnnotationKind::Primary.span(span.start..span.end);
        if !self.label.is_empty() {
            annotation = annotation.label(self.label.as_str());
        }
        let mut group = Level::ERROR
            .primary_title(self.message.as_str())
            .element(Snippet::source(source).annotation(annotation));
        if let Some(help) = &self.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let report: [Group<'_>; 1] = [group];
        renderer.render(&report)
    }
}

/// The span moved inside `source` and onto character boundaries.
fn clamp(span: Span, source: &str) -> Span {
    let floor = |mut i: usize| {
        i = i.min(source.len());
        while !source.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start);
    Span::new(start, floor(span.end).max(start))
}

/// `a`, `a or b`, `a, b or c`.
pub(super) fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}
