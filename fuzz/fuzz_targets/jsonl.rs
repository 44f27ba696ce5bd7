//! Fuzz target `jsonl`: the checks are `kg::fuzzcheck::jsonl`, shared with the replay test
//! (`tests/kg/fuzz_corpus.rs`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kg::fuzzcheck::jsonl(data));
