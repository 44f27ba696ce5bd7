//! The integration tests, in one binary so that the crate is linked once: `cargo test --test kg`
//! runs them all, `cargo test --test kg cli::` one area, and a test's full name runs that test
//! alone. Data-driven cases take their inputs and expected outputs from `tests/data/`.

mod cli;
mod export;
mod extract;
mod fuzz_corpus;
mod graph;
mod grow;
mod malformed;
mod mapreduce;
mod query;
mod questions;
mod rules;
mod shell;
mod tidy;
