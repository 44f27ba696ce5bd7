//! Fuzz target `graph_file`: the checks are `kg::fuzzcheck::graph_file`, shared with the replay test
//! (`tests/kg/fuzz_corpus.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kg::fuzzcheck::graph_file(data));
