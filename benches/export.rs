//! How long each export takes: on the built-in sample, and on a graph of 2,000 Reuters articles
//! when `../shared/corpus/reuters21578.jsonl` is beside the checkout.
//!
//! Run with `cargo bench --bench export`.

use std::hint::black_box;
use std::io::BufRead;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use kg::export::{self, Format, Options};
use kg::extract::extract;
use kg::graph::KnowledgeGraph;
use kg::lexicon::Lexicon;
use kg::text::Document;

fn graph_of(docs: &[Document]) -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();
    for doc in docs {
        graph.add(doc, &extract(doc, Lexicon::builtin()));
    }
    graph
}

/// The first `n` articles of the shared Reuters corpus, when it is there.
fn reuters(n: usize) -> Option<Vec<Document>> {
    #[derive(serde::Deserialize)]
    struct Line {
        id: String,
        text: String,
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/reuters21578.jsonl");
    let file = std::fs::File::open(path).ok()?;
    let docs = std::io::BufReader::new(file)
        .lines()
        .map_while(Result::ok)
        .filter_map(|line| serde_json::from_str::<Line>(&line).ok())
        .take(n)
        .map(|line| Document::new(&line.id, &line.text))
        .collect();
    Some(docs)
}

fn exports(c: &mut Criterion) {
    let mut graphs = vec![("sample", graph_of(&kg::sample::documents()))];
    if let Some(docs) = reuters(2000) {
        graphs.push(("reuters-2000", graph_of(&docs)));
    }
    for (name, graph) in &graphs {
        let stats = graph.stats();
        let mut group = c.benchmark_group(format!(
            "export/{name} ({} nodes, {} edges)",
            stats.nodes, stats.edges
        ));
        for format in Format::ALL {
            group.bench_function(format.name(), |b| {
                b.iter(|| export::render(black_box(graph), None, format, &Options::default()))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, exports);
criterion_main!(benches);
