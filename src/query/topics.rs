//! Topics matched by their words and their forms: `about trade` holds for the topics "trade",
//! "trade tensions" and "farm trade"; `about sanction` for "sanctions". A topic the graph knows
//! as an entity also matches under its other names (`about Kerry` finds "John Kerry").

use crate::graph::{KnowledgeGraph, Resolution, word_stems};
use crate::names::normalize;
use crate::text::Span;

use super::ast::Name;
use super::error::{QueryError, or_list};

/// A topic the user named: the word sequences (stemmed) any one of which a topic must hold.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Term {
    forms: Vec<Vec<String>>,
}

impl Term {
    /// The topic a name stands for: its words, and the words of every name of the entity it
    /// names, if any. An error under the name when a word of it is in no name of the graph.
    pub fn resolve(graph: &KnowledgeGraph, name: &Name) -> Result<Term, QueryError> {
        let mut written = vec![name.text.clone()];
        let ids = match graph.lookup(&name.text) {
            Resolution::One(id) => vec![id],
            Resolution::Ambiguous(ids) => ids,
            Resolution::Unknown(_) => Vec::new(),
        };
        for id in ids.iter().copied() {
            let node = graph.node(id);
            written.push(node.name.clone());
            written.extend(node.aliases.iter().cloned());
        }
        let mut forms: Vec<Vec<String>> = written
            .iter()
            .map(|w| word_stems(w))
            .filter(|f| !f.is_empty())
            .collect();
        forms.sort();
        forms.dedup();
        if ids.is_empty() {
            unknown_words(graph, name, forms.first().map_or(&[][..], Vec::as_slice))?;
        }
        Ok(Term { forms })
    }

    /// Does a topic, as stored in evidence, hold the term's words in order?
    pub fn matches(&self, topic: &str) -> bool {
        let words = word_stems(topic);
        self.forms.iter().any(|form| holds(&words, form))
    }

    /// Does a longer text (a quote) mention the term?
    pub fn mentioned_in(&self, text: &str) -> bool {
        self.matches(text)
    }
}

/// True when `words` holds `form` as consecutive words.
fn holds(words: &[String], form: &[String]) -> bool {
    !form.is_empty() && words.windows(form.len()).any(|w| w == form)
}

/// An error under a topic of which some word is in no name of the graph, with the closest
/// words for it: such a topic cannot match, and is most likely misspelt.
fn unknown_words(graph: &KnowledgeGraph, name: &Name, stems: &[String]) -> Result<(), QueryError> {
    let folded = normalize(&name.text);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    for (word, stem) in words.iter().zip(stems) {
        if graph.has_word(stem) {
            continue;
        }
        let error = QueryError::new(
            format!("no topic or name in the graph has the word `{word}`"),
            word_span(name, word),
            "not in the graph",
        );
        let close = graph.closest_words(word, 3);
        if close.is_empty() {
            return Err(error.with_help(
                "`what did X discuss` lists the topics of X's talks; `:schema` counts the topics",
            ));
        }
        let suggestions: Vec<String> = close
            .iter()
            .map(|c| format!("`{}`", folded.replace(word, c)))
            .collect();
        return Err(error.with_help(format!("did you mean {}?", or_list(&suggestions))));
    }
    Ok(())
}

/// Where a folded word of a bare name stands in the query, or the whole name.
fn word_span(name: &Name, word: &str) -> Span {
    let lower = name.text.to_lowercase();
    let quoted = usize::from(name.span.len() > name.text.len());
    match lower.find(word) {
        Some(at) if lower.len() == name.text.len() => {
            let start = name.span.start + quoted + at;
            Span::new(start, start + word.len())
        }
        _ => name.span,
    }
}
