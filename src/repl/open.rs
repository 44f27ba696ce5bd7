//! `:open N`: the sentence behind row N of the last answer, read in its article. The article's
//! text is at hand for documents this session read (`:load PATH`), for the built-in sample, and
//! for a file named as the document's id in the working folder; otherwise the graph's own
//! sentences of that document stand in for it, in the order they were read.

use std::collections::HashMap;

use kg::graph::KnowledgeGraph;
use kg::query::Answer;
use kg::text::{Document, Span};

/// How much of the article is shown around the sentence, in bytes each side.
const AROUND: usize = 600;

/// Texts of documents read in this session, by id.
#[derive(Default)]
pub struct Texts {
    by_id: HashMap<String, String>,
}

impl Texts {
    /// Keeps the texts of documents read.
    pub fn keep(&mut self, docs: &[Document]) {
        for doc in docs {
            self.by_id.insert(doc.id.clone(), doc.text.clone());
        }
    }

    /// The text of a document, if this session can find it.
    fn text_of(&self, id: &str) -> Option<String> {
        if let Some(text) = self.by_id.get(id) {
            return Some(text.clone());
        }
        if let Some(doc) = kg::sample::documents().into_iter().find(|d| d.id == id) {
            return Some(doc.text);
        }
        let path = std::path::Path::new(id);
        path.is_file()
            .then(|| std::fs::read_to_string(path).ok())
            .flatten()
    }
}

/// The article behind row `n` (from 1) of an answer, its sentence marked with `>>> <<<`.
pub fn open(
    graph: &KnowledgeGraph,
    answer: &Answer,
    n: usize,
    texts: &Texts,
) -> Result<String, String> {
    let row = n
        .checked_sub(1)
        .and_then(|i| answer.rows.get(i))
        .ok_or_else(|| format!("no row {n}: the last answer has {} rows", answer.rows.len()))?;
    let Some(&at) = row.evidence.first() else {
        return Err(format!("row {n} rests on no sentence: nothing to open"));
    };
    let edge = graph.edge(at.edge);
    let Some(evidence) = edge.evidence.get(at.index) else {
        return Err(format!("row {n}: its sentence is gone from the graph"));
    };
    let Some(doc) = graph.docs().get(evidence.doc as usize) else {
        return Err(format!("row {n}: its document is gone from the graph"));
    };
    let mut out = format!("document {}", doc.id);
    if let Some(date) = doc.date {
        out.push_str(&format!(", {date}"));
    }
    if let Some(title) = &doc.title {
        out.push_str(&format!(": {title}"));
    }
    out.push('\n');
    match texts.text_of(&doc.id) {
        Some(text) if text.get(evidence.span.start..evidence.span.end).is_some() => {
            out.push_str(&around(&text, evidence.span));
        }
        _ => {
            out.push_str(
                "(the article's text is not at hand: the sentences the graph keeps of it)\n",
            );
            out.push_str(&kept_sentences(graph, evidence.doc, evidence.span));
        }
    }
    Ok(out.trim_end().to_string())
}

/// The text around a span, on character boundaries, the span marked.
fn around(text: &str, span: Span) -> String {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start.saturating_sub(AROUND));
    let end = floor(span.end + AROUND);
    let tidy = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    format!(
        "{}{} >>> {} <<< {}{}",
        if start > 0 { "... " } else { "" },
        tidy(&text[start..span.start]),
        tidy(&text[span.start..span.end]),
        tidy(&text[span.end..end]),
        if end < text.len() { " ..." } else { "" }
    )
}

/// Every sentence of a document that some relation rests on, in reading order, one a line;
/// the one at `mark` marked.
fn kept_sentences(graph: &KnowledgeGraph, doc: u32, mark: Span) -> String {
    let mut sentences: Vec<(Span, &str)> = Vec::new();
    for (_, _, _, edge) in graph.edges() {
        for e in edge.evidence.iter().filter(|e| e.doc == doc) {
            sentences.push((e.span, &*e.sentence));
        }
    }
    sentences.sort_by_key(|(span, _)| (span.start, span.end));
    sentences.dedup_by_key(|(span, _)| *span);
    sentences
        .into_iter()
        .map(|(span, sentence)| {
            if span == mark {
                format!(">>> {sentence} <<<")
            } else {
                format!("    {sentence}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
