//! Fuzz target `query`: the checks are `kg::fuzzcheck::query`, shared with the replay test
//! (`tests/kg/fuzz_corpus.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kg::fuzzcheck::query(data));
