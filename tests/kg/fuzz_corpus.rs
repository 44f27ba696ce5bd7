//! The fuzz corpora replayed on stable: every file of `fuzz/corpus/TARGET/` (the minimized
//! corpus libFuzzer grew from the tests' own cases) and of `fuzz/regressions/TARGET/` (inputs
//! that once failed, kept after their fix) goes through the same check as the fuzz target
//! `TARGET` (`kg::fuzzcheck`). `cargo test --test kg fuzz_corpus::` runs them all; the fuzzers
//! themselves need nightly (see README, Development).

use std::path::{Path, PathBuf};

use kg::graph::Resolution;

/// Inputs that are known to fail or to take too long, left out of the replay until the issue
/// named is fixed: (target, file under `fuzz/regressions/TARGET/`, why). Each entry must still
/// name a file that exists, so a fixed and deleted reproducer cannot leave a stale entry. After
/// a fix, `cargo test --release --test kg fuzz_corpus -- --ignored` replays them; delete the
/// entry to put the input back in the replay. `fuzz/regressions/extract/README.md` says more.
// Empty: the two slow extraction inputs (`slow-run-of-place-names`, `slow-sentence-without-end`)
// are linear since the reach of title modifiers, topics and dates was bounded, and replay with
// the rest.
const KNOWN: &[(&str, &str, &str)] = &[];

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

/// The files of one folder, sorted by name; none when the folder is absent.
fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|path| path.is_file() && !is_note(path))
        .collect();
    files.sort();
    files
}

/// A regression folder may hold notes beside its reproducers.
fn is_note(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "md")
}

fn is_known(target: &str, path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    KNOWN
        .iter()
        .any(|(t, file, _)| *t == target && *file == name)
}

/// The check of the fuzz target named `target`.
fn check_of(target: &str) -> kg::fuzzcheck::Check {
    kg::fuzzcheck::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .map(|(_, check)| *check)
        .expect("a fuzz target")
}

/// Runs one check over one file; the panic message when it fails.
fn replay(check: kg::fuzzcheck::Check, path: &Path) -> Result<(), String> {
    let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    std::panic::catch_unwind(|| check(&data)).map_err(|payload| {
        payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default()
    })
}

/// Replays one target's corpus and regressions; the number of files run.
fn replay_target(target: &str) -> usize {
    let check = check_of(target);
    let mut failures = Vec::new();
    let mut count = 0;
    for folder in ["corpus", "regressions"] {
        for path in files(&fuzz_dir().join(folder).join(target)) {
            if is_known(target, &path) {
                continue;
            }
            count += 1;
            if let Err(message) = replay(check, &path) {
                failures.push(format!("{}: {message}", path.display()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} inputs fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
    count
}

#[test]
fn query_corpus() {
    let count = replay_target("query");
    assert!(count > 100, "only {count} query inputs");
}

#[test]
fn extract_corpus() {
    let count = replay_target("extract");
    assert!(count > 20, "only {count} extraction inputs");
}

#[test]
fn graph_file_corpus() {
    let count = replay_target("graph_file");
    assert!(count > 5, "only {count} graph files");
}

/// The graph-file fuzzer starts from files of the version this build writes: seeds of an
/// older version are refused at the header, and a fuzzer given only those explores nothing
/// past it. After a version bump, `fuzz/seeds/make-seeds GRAPH_FILE...` adds new ones.
#[test]
fn graph_file_corpus_has_files_of_this_version() {
    let folder = fuzz_dir().join("corpus").join("graph_file");
    let mut current = 0;
    for entry in std::fs::read_dir(&folder).expect("read fuzz/corpus/graph_file") {
        let bytes = std::fs::read(entry.expect("a corpus entry").path()).expect("a corpus file");
        if bytes.len() > 10
            && bytes.starts_with(b"KGRAPH\n\0")
            && u16::from_le_bytes([bytes[8], bytes[9]]) == kg::graph::FORMAT_VERSION
        {
            current += 1;
        }
    }
    assert!(
        current >= 10,
        "only {current} graph files of format version {} in fuzz/corpus/graph_file",
        kg::graph::FORMAT_VERSION
    );
}

#[test]
fn jsonl_corpus() {
    let count = replay_target("jsonl");
    assert!(count > 5, "only {count} JSON Lines inputs");
}

/// Every target has a corpus folder, and every known failure names a target and a file that
/// are there.
#[test]
fn known_failures_name_existing_files() {
    for (target, _) in kg::fuzzcheck::TARGETS {
        assert!(
            fuzz_dir().join("corpus").join(target).is_dir(),
            "fuzz/corpus/{target} is missing"
        );
    }
    for (target, file, why) in KNOWN {
        let path = fuzz_dir().join("regressions").join(target).join(file);
        assert!(path.is_file(), "{} ({why}) is gone", path.display());
    }
}

/// The known failures, replayed: each says how it failed. Ignored, since they are known to
/// fail or take long; run them after a fix (their speed is for `benches/`, not a test).
#[test]
#[ignore = "known slow or failing inputs; run after fixing them"]
fn known_failures_replay() {
    let mut failures = Vec::new();
    for (target, file, why) in KNOWN {
        let check = check_of(target);
        let path = fuzz_dir().join("regressions").join(target).join(file);
        if let Err(message) = replay(check, &path) {
            failures.push(format!("{target}/{file} ({why}): {message}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// What the fuzzers found, one named test each (the reproducer is in fuzz/regressions/).

/// `who met Kerry and nd orov and Putrov and ...` (22 names, `regressions/query/
/// timeout-names-joined-by-and`) took seconds, and 500 names took more than ten minutes: every
/// run of names was tried as one name, and each unknown run was compared with every name in the
/// graph for a suggestion nobody read. Now at most a few names are joined, and looked up without
/// suggestions.
#[test]
fn a_question_naming_hundreds_of_people_answers_at_once() {
    let graph = kg::fuzzcheck::sample_graph();
    assert!(matches!(graph.lookup("Kery"), Resolution::Unknown(names) if names.is_empty()));
    assert!(matches!(graph.resolve("Kery"), Resolution::Unknown(names) if !names.is_empty()));
    assert!(matches!(graph.lookup("Kerry"), Resolution::One(_)));
    let names: Vec<String> = (0..500).map(|i| format!("Xq{i}")).collect();
    let question = format!("who met Kerry and {}", names.join(" and "));
    let parsed = kg::query::parse(&question).expect("parses");
    let err = kg::query::run(graph, &parsed).expect_err("nobody is named Xq0");
    assert_eq!(err.message, "no entity named `Xq0`");
}

/// A sentence whose speaker's name opens the text, before a comma too close to it
/// (`regressions/extract/overflow-speaker-at-sentence-start`, found by the extract fuzzer):
/// the end of the quote was computed as one before the name's first token even when the rule
/// did not apply, which overflowed at the first token of the text.
#[test]
fn a_speaker_named_at_the_start_of_the_text_does_not_overflow() {
    let check = check_of("extract");
    let path = fuzz_dir()
        .join("regressions/extract")
        .join("overflow-speaker-at-sentence-start");
    replay(check, &path).expect("extracts without a panic");
}
