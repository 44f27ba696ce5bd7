//! Builds a graph from two short articles with the library and asks it one question.
//!
//! Run with `cargo run --example build_and_query`.

use kg::extract::extract;
use kg::graph::KnowledgeGraph;
use kg::lexicon::Lexicon;
use kg::query::{self, Format};
use kg::text::Document;

fn main() {
    let articles = [
        Document::new(
            "kerry.txt",
            "US Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in \
             Moscow on Thursday to discuss Syria.",
        ),
        Document::new(
            "lavrov.txt",
            "Lavrov later met German Foreign Minister Frank-Walter Steinmeier in Berlin.",
        ),
    ];
    let lexicon = Lexicon::builtin();
    let mut graph = KnowledgeGraph::new();
    for doc in &articles {
        graph.add(doc, &extract(doc, lexicon));
    }

    let question = "who met Lavrov";
    match query::parse(question).and_then(|q| query::run(&graph, &q)) {
        Ok(answer) => print!("{}", answer.render(&graph, Format::Table, true, None)),
        Err(err) => eprintln!("{}", err.render(question, false)),
    }
}
