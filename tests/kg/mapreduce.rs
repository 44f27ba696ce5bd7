//! A build split into map and reduce (issue 15): `kg extract --records` writes each document's
//! extraction record as a line, `kg build --from` merges record shards, in any number and any
//! order, into the bytes `kg build` makes of the same texts; and Spark runs the map step
//! (`examples/spark/extract.py`, in Spark's local mode over a slice of Reuters).
//!
//! The Spark test needs the venv `.ci/setup-spark` makes (PySpark and a Java 17 runtime;
//! `.ci/setup-test-tools` runs it) and `../shared/corpus/reuters21578.jsonl`; without them it
//! says what it skipped, unless `KG_REQUIRE_TOOLS=1` (CI) makes a missing Spark a failure.

use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn kg(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kg"));
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

/// Runs a command that must succeed; its standard output.
fn run(cmd: &mut Command) -> Vec<u8> {
    let output = cmd.output().expect("the command starts");
    assert!(
        output.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// Runs a command that must fail; its standard error.
fn fails(cmd: &mut Command) -> String {
    let output = cmd.output().expect("the command starts");
    assert!(!output.status.success(), "{cmd:?} succeeded");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The sample's files, sorted.
fn sample_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("data/sample"))
        .expect("the sample")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn record_shards_in_any_number_and_order_merge_into_the_bytes_of_kg_build() {
    let dir = TempDir::new().expect("a folder");
    let at = dir.path();
    run(kg(at)
        .args(["build", "-o", "local.kg"])
        .arg(root().join("data/sample")));
    let local = read(&at.join("local.kg"));
    let files = sample_files();
    // One shard a document, written in reverse order, merged from a folder.
    let shards = at.join("shards");
    std::fs::create_dir(&shards).expect("mkdir");
    for (i, file) in files.iter().rev().enumerate() {
        let out = run(kg(at).args(["extract", "--records"]).arg(file));
        std::fs::write(shards.join(format!("part-{i:05}")), out).expect("write");
    }
    std::fs::write(shards.join("_SUCCESS"), "").expect("write");
    run(kg(at).args(["build", "--from", "shards", "-o", "from-folder.kg"]));
    assert_eq!(read(&at.join("from-folder.kg")), local);
    // Two shards of uneven size, named in either order, one of them given twice and one on
    // standard input.
    let first = run(kg(at).args(["extract", "--records"]).args(&files[..3]));
    let rest = run(kg(at).args(["extract", "--records"]).args(&files[3..]));
    std::fs::write(at.join("a.records"), &first).expect("write");
    std::fs::write(at.join("b.records"), &rest).expect("write");
    for order in [["a.records", "b.records"], ["b.records", "a.records"]] {
        run(kg(at)
            .args(["build", "-o", "two.kg", "--from"])
            .args(order)
            .arg(order[0]));
        assert_eq!(read(&at.join("two.kg")), local, "{order:?}");
    }
    let mut cmd = kg(at);
    cmd.args(["build", "-o", "stdin.kg", "--from", "a.records", "-"])
        .stdin(std::fs::File::open(at.join("b.records")).expect("open"));
    run(&mut cmd);
    assert_eq!(read(&at.join("stdin.kg")), local);
}

#[test]
fn a_bad_record_line_or_one_id_with_two_texts_is_refused() {
    let dir = TempDir::new().expect("a folder");
    let at = dir.path();
    let files = sample_files();
    let good = run(kg(at).args(["extract", "--records"]).arg(&files[0]));
    let mut bad = good.clone();
    bad.extend_from_slice(b"{\"kg_record\": 1, \"id\": \"x\", \"block\": \"\"}\n");
    std::fs::write(at.join("bad.records"), &bad).expect("write");
    let err = fails(kg(at).args(["build", "--from", "bad.records", "-o", "g.kg"]));
    assert!(
        err.contains("`bad.records:2` is not a record: a record of format version 1"),
        "{err}"
    );
    assert!(!at.join("g.kg").exists());
    // The same id with another text.
    let name = files[0].file_name().expect("a name");
    std::fs::write(at.join(name), "Kerry met Putin in Moscow.").expect("write");
    let other = run(kg(at).args(["extract", "--records"]).arg(name));
    std::fs::write(at.join("a.records"), &good).expect("write");
    std::fs::write(at.join("b.records"), &other).expect("write");
    let err = fails(kg(at).args(["build", "--from", "a.records", "b.records", "-o", "g.kg"]));
    assert!(err.contains("twice, with two different texts"), "{err}");
    // Texts and records are not mixed.
    let err = fails(kg(at).args(["build", "x.txt", "--from", "a.records", "-o", "g.kg"]));
    assert!(err.contains("cannot be used with"), "{err}");
}

/// The Python of the Spark venv (`KG_SPARK_PYTHON`, else `target/spark-venv`), when PySpark
/// and a Java runtime are there.
fn spark_python() -> Option<PathBuf> {
    let python = std::env::var_os("KG_SPARK_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/spark-venv/bin/python"));
    let pyspark = Command::new(&python)
        .args(["-c", "import pyspark"])
        .output()
        .is_ok_and(|o| o.status.success());
    let java = Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success());
    (pyspark && java).then_some(python)
}

#[test]
fn spark_local_mode_gives_the_bytes_of_kg_build() {
    let corpus = root().join("../shared/corpus/reuters21578.jsonl");
    if !corpus.exists() {
        println!("note: skipped: {} is not there", corpus.display());
        return;
    }
    let Some(python) = spark_python() else {
        assert!(
            std::env::var_os("KG_REQUIRE_TOOLS").is_none_or(|v| v != "1"),
            "KG_REQUIRE_TOOLS=1 but PySpark or Java is missing; run .ci/setup-spark"
        );
        println!("note: skipped: PySpark or Java is missing (.ci/setup-spark installs them)");
        return;
    };
    let dir = TempDir::new().expect("a folder");
    let at = dir.path();
    // 300 articles, as the corpus has them.
    let text = String::from_utf8(read(&corpus)).expect("UTF-8");
    let slice: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(300)
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(at.join("slice.jsonl"), slice).expect("write");
    run(kg(at).args(["build", "slice.jsonl", "-o", "local.kg"]));
    run(Command::new(&python)
        .current_dir(at)
        .arg(root().join("examples/spark/extract.py"))
        .args(["--master", "local[2]", "--partitions", "3", "--kg"])
        .arg(env!("CARGO_BIN_EXE_kg"))
        .args(["slice.jsonl", "shards"])
        .env("PYSPARK_PYTHON", &python)
        .env("SPARK_LOCAL_IP", "127.0.0.1"));
    let parts = std::fs::read_dir(at.join("shards"))
        .expect("the shards")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("part-"))
        .count();
    assert_eq!(parts, 3);
    run(kg(at).args(["build", "--from", "shards", "-o", "spark.kg"]));
    assert!(
        read(&at.join("spark.kg")) == read(&at.join("local.kg")),
        "the graph merged from Spark's shards differs from kg build's"
    );
}
