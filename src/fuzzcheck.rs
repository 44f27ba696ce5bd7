//! The checks behind the fuzz targets (`fuzz/fuzz_targets/`) and their replay test
//! (`tests/kg/fuzz_corpus.rs`), in one place so that a corpus file fails alike under libFuzzer
//! on nightly and under `cargo test` on stable.
//!
//! Each check takes arbitrary bytes, runs one entry point of the library on them, and panics
//! when an invariant does not hold (a panic inside the library counts too). None of them does
//! I/O. This module is not part of the library's interface.

use std::sync::OnceLock;

use crate::build::content;
use crate::build::records::{self, Line};
use crate::export;
use crate::graph::KnowledgeGraph;
use crate::lexicon::Lexicon;
use crate::model::Extraction;
use crate::query::{self, Answer, Body, Format, Query, QueryError, Settings};
use crate::text::{Document, Span};

/// A check: panics when the bytes break an invariant.
pub type Check = fn(&[u8]);

/// Every check by the name of its fuzz target (and of its corpus folder).
pub const TARGETS: [(&str, Check); 4] = [
    ("query", query),
    ("extract", extract),
    ("graph_file", graph_file),
    ("jsonl", jsonl),
];

/// The graph the `query` target asks: the built-in sample, built once.
pub fn sample_graph() -> &'static KnowledgeGraph {
    static GRAPH: OnceLock<KnowledgeGraph> = OnceLock::new();
    GRAPH.get_or_init(|| {
        let lexicon = Lexicon::builtin();
        let mut graph = KnowledgeGraph::new();
        for doc in crate::sample::documents() {
            let ex = crate::extract::extract(&doc, lexicon);
            graph.add(&doc, &ex);
        }
        graph
    })
}

/// A query's tree with every span and its source text left out, so that two queries that say
/// the same thing in other words compare equal.
pub fn shape(query: &Query) -> String {
    let debug = format!(
        "{:?}",
        Query {
            text: String::new(),
            ..query.clone()
        }
    );
    let mut out = String::with_capacity(debug.len());
    let mut rest = debug.as_str();
    while let Some(at) = rest.find("Span { start: ") {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find('}').map_or(rest.len(), |i| i + 1);
        out.push_str("Span");
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// An error points inside the text it is about, on character boundaries, and renders.
fn check_error(input: &str, err: &QueryError) {
    let Span { start, end } = err.span;
    assert!(
        start <= end && end <= input.len(),
        "{input:?}: error span {start}..{end} outside the query: {err}"
    );
    assert!(
        input.is_char_boundary(start) && input.is_char_boundary(end),
        "{input:?}: error span {start}..{end} splits a character: {err}"
    );
    let _ = err.render(input, false);
}

/// What two spellings of one query must agree on: its rows, columns and named nodes, without
/// the query's own `with evidence` or the notes and headline a question words for itself ("no
/// meeting found" where a pattern says "no match"); or the error's message.
fn comparable(answer: Answer) -> Answer {
    Answer {
        with_evidence: false,
        notes: Vec::new(),
        headline: None,
        ..answer
    }
}

/// [`comparable`] of a query's answer, or the error's message.
fn outcome(graph: &KnowledgeGraph, query: &Query) -> Result<Answer, String> {
    query::run(graph, query)
        .map(comparable)
        .map_err(|err| err.message)
}

/// `query`: text is completed and coloured as the shell does while it is typed; it is parsed,
/// or an error points inside it; a query prints as text that parses back to the same tree
/// (`Display`'s contract); it runs over the sample graph (its output clause, `explain` and every
/// rendering included); and a question's pattern, as `explain` prints it, parses back and gives
/// the same answer.
pub fn query(data: &[u8]) {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    // The shell completes and colours every line as it is typed, whether it parses or not.
    let expected = query::expected_at(input);
    assert!(
        expected.at <= input.len() && input.is_char_boundary(expected.at),
        "{input:?}: completion at {} outside the text",
        expected.at
    );
    let mut last = 0;
    for token in query::tokens(input) {
        let Span { start, end } = token.span;
        assert!(
            last <= start
                && start <= end
                && end <= input.len()
                && input.is_char_boundary(start)
                && input.is_char_boundary(end),
            "{input:?}: token {start}..{end} out of order or outside the text"
        );
        last = start;
    }
    let parsed = match query::parse(input) {
        Ok(parsed) => parsed,
        Err(err) => return check_error(input, &err),
    };
    let printed = parsed.to_string();
    let again = query::parse(&printed).unwrap_or_else(|err| {
        panic!(
            "{input:?} prints as {printed:?}, which does not parse:\n{}",
            err.render(&printed, false)
        )
    });
    assert_eq!(
        shape(&again),
        shape(&parsed),
        "{input:?} prints as {printed:?}, which parses to another query"
    );

    let graph = sample_graph();
    // `execute` adds the output clause and `explain` to `run`; a query without either is run
    // once, below, to keep the fuzzer fast.
    if parsed.explain || parsed.output.is_some() {
        match query::execute(graph, input, &Settings::default()) {
            Ok(outcome) => {
                if let Some(file) = &outcome.file {
                    let Span { start, end } = file.span;
                    assert!(
                        start <= end
                            && end <= input.len()
                            && input.is_char_boundary(start)
                            && input.is_char_boundary(end),
                        "{input:?}: output file span {start}..{end} outside the query"
                    );
                }
            }
            Err(err) => check_error(input, &err),
        }
    }
    let answer = match query::run(graph, &parsed) {
        Ok(answer) => {
            for format in [Format::Table, Format::Json, Format::Csv] {
                let _ = answer.render(graph, format, true, Some(60));
            }
            Ok(comparable(answer))
        }
        Err(err) => {
            check_error(input, &err);
            Err(err.message)
        }
    };

    if let Body::Question(_) = &parsed.body {
        let pattern = query::pattern_for(graph, &parsed).to_string();
        let explained = query::parse(&pattern).unwrap_or_else(|err| {
            panic!(
                "{input:?} is explained as {pattern:?}, which does not parse:\n{}",
                err.render(&pattern, false)
            )
        });
        assert_eq!(
            query::pattern_of(&explained).to_string(),
            pattern,
            "{input:?}: the explained pattern does not print as itself"
        );
        assert_eq!(
            answer,
            outcome(graph, &explained),
            "{input:?} and its pattern {pattern:?} answer differently"
        );
    }
}

/// `extract`: any bytes are a document the extractor reads without failing; every sentence,
/// mention and relation lies inside the text on character boundaries and names entities that
/// exist; and the extraction merges into a graph that saves and loads.
pub fn extract(data: &[u8]) {
    let (doc, _) = Document::from_bytes("fuzz.txt", data.to_vec());
    let ex = crate::extract::extract(&doc, Lexicon::builtin());
    let text = doc.text.as_str();
    let inside = |what: &str, span: Span| {
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "{what} span {}..{} outside the text of {} bytes",
            span.start,
            span.end,
            text.len()
        );
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{what} span {}..{} splits a character",
            span.start,
            span.end
        );
    };
    let entities = ex.entities.len();
    let entity = |what: &str, id: usize| {
        assert!(id < entities, "{what} names entity {id} of {entities}");
    };
    for sentence in &ex.sentences {
        inside("sentence", *sentence);
    }
    for mention in &ex.mentions {
        inside("mention", mention.span);
        entity("a mention", mention.entity);
    }
    for relation in &ex.relations {
        inside("relation sentence", relation.sentence);
        entity("a relation's source", relation.source);
        for id in relation
            .target
            .iter()
            .chain(&relation.topics)
            .chain(&relation.place)
        {
            entity("a relation", *id);
        }
    }
    let mut graph = KnowledgeGraph::new();
    graph.add(&doc, &ex);
    round_trip(&graph);
}

/// A graph saves as bytes that load, and saved again give the same bytes.
fn round_trip(graph: &KnowledgeGraph) {
    let bytes = graph.to_bytes();
    let again = KnowledgeGraph::from_bytes(&bytes)
        .unwrap_or_else(|err| panic!("a saved graph does not load: {err}"));
    assert!(
        again.to_bytes() == bytes,
        "a saved graph loads and saves as other bytes"
    );
}

/// Questions asked of any graph file that loads: they touch every node, edge and evidence.
const GRAPH_QUESTIONS: [&str; 4] = [
    "top 5 people by degree",
    "top 5 places by mentions",
    "match (a)-[r]-(b) return a, r, b limit 20 with evidence",
    "match (a)-[r]-(b) return a, r, b limit 20 as dot",
];

/// `graph_file`: any bytes either fail to load with an error, or load as a graph that saves
/// and loads again, that can be asked questions and exported, and that an article merges into.
pub fn graph_file(data: &[u8]) {
    let Ok(graph) = KnowledgeGraph::from_bytes(data) else {
        return;
    };
    round_trip(&graph);
    let _ = graph.stats();
    let settings = Settings {
        evidence: true,
        ..Settings::default()
    };
    for question in GRAPH_QUESTIONS {
        let _ = query::execute(&graph, question, &settings);
    }
    if let Some((_, node)) = graph.nodes().next() {
        let _ = graph.resolve(&node.name);
    }
    let options = export::Options::default();
    for format in [export::Format::Json, export::Format::Dot] {
        let _ = export::render(&graph, None, format, &options);
    }
    // `kg repl --graph FILE PATH` merges articles into a loaded graph.
    let mut graph = graph;
    let (doc, ex) = added_article();
    graph.add(doc, ex);
    round_trip(&graph);
}

/// An article the `graph_file` check merges into every graph that loads: the first sample
/// brief under an id no graph file holds, extracted once.
fn added_article() -> &'static (Document, Extraction) {
    static ARTICLE: OnceLock<(Document, Extraction)> = OnceLock::new();
    ARTICLE.get_or_init(|| {
        let mut doc = crate::sample::documents().swap_remove(0);
        doc.id = "fuzz-added-article.txt".to_string();
        let ex = crate::extract::extract(&doc, Lexicon::builtin());
        (doc, ex)
    })
}

/// `jsonl`: any bytes read as JSON Lines give, line by line, a document or the reason a line is
/// not one; a document written back as a record reads as the same document. The other readers
/// of raw input (plain text, the content sniffer) take the same bytes.
pub fn jsonl(data: &[u8]) {
    let _ = records::looks_like_json_lines(data);
    let _ = content::not_text(&data[..data.len().min(content::SNIFF_BYTES)]);
    let _ = records::text_document("fuzz.txt", data.to_vec());
    let mut last = 0;
    for (number, line) in records::parse_json_lines(data) {
        assert!(number > last, "line {number} after line {last}");
        last = number;
        let Ok(Line::Record {
            document,
            bad_utf8_at,
        }) = line
        else {
            continue;
        };
        if let Some(column) = bad_utf8_at {
            assert!(column >= 1, "bad UTF-8 at column {column}");
        }
        let json = serde_json::to_string(&document)
            .unwrap_or_else(|err| panic!("a document does not write as JSON: {err}"));
        match records::parse_line(json.as_bytes()) {
            Ok(Line::Record {
                document: again,
                bad_utf8_at: None,
            }) => assert_eq!(again, document, "{json}"),
            other => panic!("{json} does not read back as a record: {other:?}"),
        }
    }
}
