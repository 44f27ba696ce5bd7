//! Fuzz target `extract`: the checks are `kg::fuzzcheck::extract`, shared with the replay test
//! (`tests/kg/fuzz_corpus.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kg::fuzzcheck::extract(data));
