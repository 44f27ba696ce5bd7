//! Query speed on a synthetic graph of a million edges (see `synthetic.rs`): a who-met question
//! about one of the many, about a hub (its 9,600 rows' evidence gathered lazily), a question
//! with a date filter, and with a place and a date, the evidence of one row formatted, and
//! shortest paths; and the
//! bounds of issue 10: a name repeated 24 times, a misspelt name (did-you-mean), a name of 10,000
//! characters, 300 columns, and the largest answer allowed (64 columns of 10,000 rows, printed).
//!
//! `cargo bench --bench query`. The graph is built once (about ten seconds).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use kg::graph::KnowledgeGraph;
use kg::query;

mod synthetic;

fn ask(graph: &KnowledgeGraph, question: &str) -> usize {
    let parsed = query::parse(question).expect("the benchmark's questions parse");
    query::run(graph, &parsed)
        .expect("the benchmark's names are in the graph")
        .rows
        .len()
}

/// A query that must fail; its error.
fn refuse(graph: &KnowledgeGraph, question: &str) -> query::QueryError {
    let result = query::parse(question).and_then(|q| query::run(graph, &q));
    match result {
        Ok(_) => panic!("the benchmark's question {question:.60} must fail"),
        Err(e) => e,
    }
}

fn bench(c: &mut Criterion) {
    let graph = synthetic::graph(1_000_000);
    let stats = graph.stats();
    eprintln!(
        "synthetic graph: {} nodes, {} edges, {} documents",
        stats.nodes, stats.edges, stats.documents
    );
    let hub = synthetic::person(0);
    let typical = synthetic::person(5_000);
    let small = synthetic::person(150_000);
    let other = synthetic::person(170_001);
    for (label, name) in [("hub", &hub), ("typical", &typical), ("small", &small)] {
        let rows = ask(&graph, &format!("who met \"{name}\""));
        eprintln!("who met {label} ({name}): {rows} rows");
    }
    let rows = ask(&graph, &format!("path from \"{small}\" to \"{other}\""));
    eprintln!("path from {small} to {other}: {rows} hops");

    let mut group = c.benchmark_group("query");
    group.bench_function("who met (typical person)", |b| {
        let q = format!("who met \"{typical}\"");
        b.iter(|| ask(&graph, black_box(&q)))
    });
    group.bench_function("who met (small fry)", |b| {
        let q = format!("who met \"{small}\"");
        b.iter(|| ask(&graph, black_box(&q)))
    });
    group.bench_function("who met (hub) since a date", |b| {
        let q = format!("who met \"{hub}\" since 2016-12-01");
        b.iter(|| ask(&graph, black_box(&q)))
    });
    group.bench_function("who met (hub)", |b| {
        let q = format!("who met \"{hub}\"");
        b.iter(|| ask(&graph, black_box(&q)))
    });
    group.bench_function("who met (hub) in a place since a date", |b| {
        let q = format!(
            "who met \"{hub}\" in \"{}\" since 2016",
            synthetic::place_name(3)
        );
        b.iter(|| ask(&graph, black_box(&q)))
    });
    group.bench_function("evidence of one row of the hub's answer, formatted", |b| {
        let parsed = query::parse(&format!("who met \"{hub}\"")).expect("parses");
        let mut answer = query::run(&graph, &parsed).expect("answers");
        answer.rows.truncate(1);
        b.iter(|| {
            black_box(&answer)
                .render(&graph, query::Format::Table, true, None)
                .len()
        })
    });
    group.bench_function("path (small fry to small fry)", |b| {
        let q = format!("path from \"{small}\" to \"{other}\"");
        b.iter(|| ask(&graph, black_box(&q)))
    });
    group.bench_function("path (typical to small fry)", |b| {
        let q = format!("path from \"{typical}\" to \"{other}\"");
        b.iter(|| ask(&graph, black_box(&q)))
    });
    group.bench_function("who met (typical person) named 24 times", |b| {
        let q = format!(
            "who met \"{typical}\"{}",
            format!(" and \"{typical}\"").repeat(23)
        );
        b.iter(|| ask(&graph, black_box(&q)))
    });
    let misspelt: String = typical.chars().filter(|&c| c != 'o').collect();
    let misspelt = format!("who met \"{misspelt}\"");
    let e = refuse(&graph, &misspelt);
    eprintln!("{misspelt}: {}; {}", e.message, e.help.unwrap_or_default());
    group.bench_function("who met (a misspelt name): did you mean", |b| {
        b.iter(|| refuse(&graph, black_box(&misspelt)))
    });
    group.bench_function("who met (a name of 10,000 characters)", |b| {
        let q = format!("who met {}", "Reagan ".repeat(1_430).trim_end());
        b.iter(|| refuse(&graph, black_box(&q)))
    });
    group.bench_function("return 300 columns", |b| {
        let q = format!("match (p:Person) return {}", vec!["p"; 300].join(", "));
        b.iter(|| refuse(&graph, black_box(&q)))
    });
    group.finish();

    let mut group = c.benchmark_group("largest answer");
    group.sample_size(10);
    group.bench_function("64 columns of 10,000 rows, as a table", |b| {
        let columns: Vec<String> = (0..64).map(|i| format!("p.name as c{i}")).collect();
        let q = format!("match (p:Person) return {} limit 10000", columns.join(", "));
        let parsed = query::parse(&q).expect("parses");
        b.iter(|| {
            let answer = query::run(&graph, &parsed).expect("answers");
            answer
                .render(&graph, query::Format::Table, false, None)
                .len()
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
