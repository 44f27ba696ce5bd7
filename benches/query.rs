//! Query speed on a synthetic graph of a million edges (see `synthetic.rs`): a who-met question
//! about one of the many, about a hub, a question with a date filter, and shortest paths.
//!
//! `cargo bench --bench query`. Building the graph takes a while; it is built once.

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
    group.bench_function("path (small fry to small fry)", |b| {
        let q = format!("path from \"{small}\" to \"{other}\"");
        b.iter(|| ask(&graph, black_box(&q)))
    });
    group.bench_function("path (typical to small fry)", |b| {
        let q = format!("path from \"{typical}\" to \"{other}\"");
        b.iter(|| ask(&graph, black_box(&q)))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
