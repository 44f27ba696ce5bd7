//! Builds a graph from two short articles with the library and asks it one question.
//!
//! Run with `cargo run --example build_and_query`.

use kg::build;
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
    // The same build the shell and `kg build` run: extraction in parallel, merged in order.
    let mut graph = KnowledgeGraph::new();
    let options = build::Options::default();
    if let Err(err) = build::add_documents(&mut graph, &articles, Lexicon::builtin(), &options, &())
    {
        eprintln!("{err}");
        return;
    }

    let question = "who met Lavrov";
    match query::parse(question).and_then(|q| query::run(&graph, &q)) {
        Ok(answer) => print!("{}", answer.render(&graph, Format::Table, true, None)),
        Err(err) => eprintln!("{}", err.render(question, false)),
    }
}
