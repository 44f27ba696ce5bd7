//! The `kg` binary, run for real: each command's happy path, and the exact text of its errors.
//!
//! Inputs live in `tests/data/cli/`; tests run with that folder as working directory so that
//! paths in messages are short and stable. Graphs with content are made with the library from
//! hand-written extractions, so these tests do not depend on what the extractor finds.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use assert_cmd::Command;
use kg::graph::KnowledgeGraph;
use kg::model::{
    Date, DateRange, DateRef, Entity, EntityKind, Extraction, PlaceKind, Relation, RelationKind,
    Role, Rule, Status,
};
use kg::text::{Document, Span};
use predicates::prelude::*;
use predicates::str::{contains, is_match};
use tempfile::TempDir;

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cli")
}

/// `kg`, run in the test data folder, without colour.
fn kg() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kg"));
    cmd.current_dir(data()).env("NO_COLOR", "1");
    cmd
}

fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(output).expect("UTF-8 output")
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|err| panic!("{err}: {text}"))
}

const TEXT: &str = "US Secretary of State John Kerry met Sergei Lavrov in Zürich. \
Lavrov said \"we will see\" about the \"C:\\talks\" group. \
Kerry will visit Moscow. Ali \"The Hammer\" O'Brien did not meet Kerry.";

fn entity(name: &str, kind: EntityKind, place_kind: Option<PlaceKind>) -> Entity {
    Entity {
        place_kind,
        ..Entity::new(name, kind)
    }
}

/// A sentence of [`TEXT`] by its first words.
fn sentence(starting: &str) -> Span {
    let start = TEXT.find(starting).expect("the sentence is in TEXT");
    let len = TEXT[start..]
        .find(". ")
        .map_or(TEXT.len() - start, |i| i + 1);
    Span::new(start, start + len)
}

fn relation(kind: RelationKind, source: usize, target: usize, at: &str) -> Relation {
    Relation::new(kind, source, Some(target), sentence(at), Rule::Meet)
}

/// A graph with every entity and relation type, and names that need escaping in DOT.
fn fixture_graph() -> KnowledgeGraph {
    let doc = Document::new("fixture.txt", TEXT);
    let mut kerry = entity("John Kerry", EntityKind::Person, None);
    kerry.aliases = vec!["Kerry".into(), "Secretary Kerry".into()];
    kerry.roles = vec![Role {
        title: "Secretary of State".into(),
        of: Some("United States".into()),
    }];
    let mut lavrov = entity("Sergei Lavrov", EntityKind::Person, None);
    lavrov.aliases = vec!["Lavrov".into()];
    let entities = vec![
        kerry,
        lavrov,
        entity("Zürich", EntityKind::Place, Some(PlaceKind::City)),
        entity("we will see", EntityKind::Quote, None),
        entity(r#"the "C:\talks" group"#, EntityKind::Organization, None),
        entity("Moscow", EntityKind::Place, Some(PlaceKind::City)),
        entity(r#"Ali "The Hammer" O'Brien"#, EntityKind::Person, None),
        entity("United States", EntityKind::Place, Some(PlaceKind::Country)),
        entity(
            "nuclear non-proliferation and arms control",
            EntityKind::Topic,
            None,
        ),
    ];
    let mut met = relation(RelationKind::Met, 0, 1, "US Secretary");
    met.place = Some(2);
    met.topics = vec![8];
    met.date = Some(DateRef::new(
        "on Thursday",
        Some(DateRange::day(Date::constant(2016, 3, 24))),
    ));
    let mut visit = relation(RelationKind::Visited, 0, 5, "Kerry will visit");
    visit.status = Status::Planned;
    let mut not_met = relation(RelationKind::Met, 6, 0, "Ali");
    not_met.status = Status::Denied;
    let mut role = relation(RelationKind::HoldsRole, 0, 7, "US Secretary");
    role.role = Some("Secretary of State".into());
    let ex = Extraction {
        doc: doc.id.clone(),
        entities,
        relations: vec![
            met,
            relation(RelationKind::Said, 1, 3, "Lavrov said"),
            relation(RelationKind::Discussed, 1, 4, "Lavrov said"),
            relation(RelationKind::Discussed, 0, 8, "US Secretary"),
            visit,
            not_met,
            role,
        ],
        ..Extraction::default()
    };
    let mut graph = KnowledgeGraph::new();
    graph.add(&doc, &ex);
    graph
}

/// The fixture graph, saved in a fresh folder.
fn fixture_file() -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("a temporary folder");
    let path = dir.path().join("fixture.kg");
    std::fs::write(&path, fixture_graph().to_bytes()).expect("write the fixture graph");
    (dir, path)
}

#[test]
fn help_lists_every_command() {
    let out = stdout_of(kg().arg("--help"));
    for command in [
        "repl", "build", "extract", "query", "export", "audit", "stats",
    ] {
        assert!(out.contains(command), "{command} missing from\n{out}");
    }
    assert!(out.contains("Exit codes: 0 success, 1 failure"));
}

#[test]
fn extract_prints_one_line_per_document_in_path_order() {
    let out = stdout_of(kg().args(["extract", "corpus", "--jobs", "2"]));
    let ids: Vec<String> = out
        .lines()
        .map(|line| {
            let record = json(line);
            assert!(record["mentions"].is_array(), "{line}");
            assert!(record["relations"].is_array(), "{line}");
            record["id"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    // Sorted by path; `.csv` is not read; records of a `.jsonl` file keep their own ids.
    assert_eq!(ids, ["001_kerry.txt", "r1", "r2", "002_steinmeier.md"]);
}

#[test]
fn extract_reads_plain_text_from_standard_input() {
    kg().args(["extract", "-"])
        .write_stdin("Kerry met Lavrov in Moscow.")
        .assert()
        .success()
        .stdout(contains(r#"{"id":"stdin","#));
}

#[test]
fn extract_reads_json_lines_from_standard_input() {
    let out = stdout_of(kg().args(["extract", "-"]).write_stdin(
        "{\"id\": \"a\", \"text\": \"Kerry.\"}\n{\"id\": \"b\", \"text\": \"Lavrov.\"}\n",
    ));
    let ids: Vec<serde_json::Value> = out.lines().map(|line| json(line)["id"].clone()).collect();
    assert_eq!(ids, ["a", "b"]);
}

#[test]
fn invalid_utf8_warns_and_still_extracts() {
    kg().args(["extract", "latin1.txt"])
        .assert()
        .success()
        .stdout(contains(r#"{"id":"latin1.txt","#))
        .stderr(
            "warning: `latin1.txt` is not valid UTF-8 (first bad byte at offset 3); \
             bad bytes were replaced with U+FFFD\n",
        );
}

#[test]
fn a_missing_path_is_an_error() {
    kg().args(["extract", "nope.txt"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("error: cannot read `nope.txt`: No such file or directory (os error 2)\n");
}

#[test]
fn a_bad_jsonl_line_names_the_file_and_line_and_the_rest_is_read() {
    let out = kg()
        .args(["extract", "bad.jsonl"])
        .assert()
        .success()
        .stderr(
            "warning: `bad.jsonl:2` is not a document record: expected value at line 1 column \
             26; skipped it\n",
        )
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8_lossy(&out).lines().count(), 1);
    kg().args(["extract", "--strict", "bad.jsonl"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "error: `bad.jsonl:2` is not a document record: expected value at line 1 column 26 \
             (--strict stops at any input kg would skip)\n",
        );
}

#[test]
fn duplicate_ids_warn() {
    kg().args(["extract", "latin1.txt", "latin1.txt"])
        .assert()
        .success()
        .stderr(contains(
            "warning: document id `latin1.txt` occurs more than once; a graph keeps only the first\n",
        ));
}

#[test]
fn a_file_that_is_not_a_graph_is_refused() {
    let message = "error: cannot load graph `not-a-graph.kg`: not a kg graph file \
                   (build one with `kg build PATH --output FILE`)\n";
    let commands: [&[&str]; 4] = [
        &["stats", "--graph", "not-a-graph.kg"],
        &["export", "--graph", "not-a-graph.kg", "--format", "json"],
        &["query", "--graph", "not-a-graph.kg", "who met Kerry"],
        &["repl", "--graph", "not-a-graph.kg"],
    ];
    for args in commands {
        kg().args(args)
            .write_stdin("")
            .assert()
            .code(1)
            .stdout("")
            .stderr(message);
    }
}

#[test]
fn a_damaged_graph_file_is_refused_in_one_line() {
    let (dir, graph) = fixture_file();
    let damaged = dir.path().join("damaged.kg");
    let bytes = std::fs::read(graph).expect("the fixture");
    std::fs::write(&damaged, &bytes[..bytes.len() / 2]).expect("write half a graph");
    let output = kg()
        .args(["stats", "--graph"])
        .arg(&damaged)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&output.get_output().stderr).into_owned();
    let expected = format!(
        "error: cannot load graph `{}`: graph file is damaged: ",
        damaged.display()
    );
    assert!(stderr.starts_with(&expected), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn build_refuses_an_output_folder_that_does_not_exist_before_reading() {
    kg().args(["build", "nope.txt", "--output", "no/such/folder/g.kg"])
        .assert()
        .code(1)
        .stderr("error: cannot write `no/such/folder/g.kg`: there is no folder `no/such/folder`\n");
}

#[test]
fn an_unknown_format_is_a_usage_error() {
    kg().args(["export", "--graph", "g.kg", "--format", "svg"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            "error: invalid value 'svg' for '--format <FORMAT>'\n  \
             [possible values: dot, json, graphml, csv, ntriples, turtle]\n\nFor more information, try '--help'.\n",
        );
}

#[test]
fn build_writes_a_graph_that_stats_reads() {
    let dir = TempDir::new().expect("a temporary folder");
    let graph = dir.path().join("corpus.kg");
    kg().args(["build", "corpus", "--output"])
        .arg(&graph)
        .assert()
        .success()
        .stdout(predicates::str::ends_with(
            "corpus.kg: 4 documents, 12 entities, 12 relations; added 4, skipped 0, replaced 0, \
             duplicates 0, undated 3; read 14 entities, 13 relations; 0 warnings\n",
        ));
    let stats = json(&stdout_of(
        kg().args(["stats", "--format", "json", "--graph"])
            .arg(&graph),
    ));
    assert_eq!(stats["documents"], 4);
    for key in ["nodes", "edges", "nodes_by_type", "edges_by_type", "merges"] {
        assert!(stats.get(key).is_some(), "{key} missing from {stats}");
    }
}

#[test]
fn build_gives_the_same_bytes_whatever_the_thread_count() {
    let dir = TempDir::new().expect("a temporary folder");
    let (one, two) = (dir.path().join("1.kg"), dir.path().join("2.kg"));
    kg().args(["build", "corpus", "latin1.txt", "-j", "1", "-o"])
        .arg(&one)
        .assert()
        .success();
    kg().args(["build", "corpus", "latin1.txt", "-j", "2", "-o"])
        .arg(&two)
        .assert()
        .success();
    assert_eq!(std::fs::read(one).ok(), std::fs::read(two).ok());
}

#[test]
fn a_failed_build_leaves_the_old_output_alone() {
    let dir = TempDir::new().expect("a temporary folder");
    let output = dir.path().join("graph.kg");
    std::fs::write(&output, "the old graph").expect("write the old output");
    kg().args(["build", "corpus", "nope.txt", "--output"])
        .arg(&output)
        .assert()
        .code(1)
        .stderr("error: cannot read `nope.txt`: No such file or directory (os error 2)\n");
    assert_eq!(
        std::fs::read_to_string(&output).ok().as_deref(),
        Some("the old graph")
    );
    let files = std::fs::read_dir(dir.path()).map_or(0, Iterator::count);
    assert_eq!(files, 1, "no temporary file is left behind");
}

#[test]
fn stats_prints_a_table() {
    let (_dir, graph) = fixture_file();
    kg().args(["stats", "--graph"])
        .arg(&graph)
        .assert()
        .success()
        .stdout(
            is_match(r"(?m)^documents\s+1$\n^  duplicates\s+0$\n^nodes\s+9$\n^  Person\s+3$")
                .expect("regex"),
        );
}

#[test]
fn export_json_has_the_contract_keys() {
    let (_dir, graph) = fixture_file();
    let export = json(&stdout_of(
        kg().args(["export", "--format", "json", "--graph"])
            .arg(&graph),
    ));
    let nodes = export["nodes"].as_array().expect("nodes");
    let edges = export["edges"].as_array().expect("edges");
    assert_eq!(nodes.len(), 9);
    assert_eq!(edges.len(), 7);
    for (i, node) in nodes.iter().enumerate() {
        assert_eq!(node["id"], format!("n{i}"));
        for key in ["type", "name", "aliases", "attributes"] {
            assert!(node.get(key).is_some(), "{key} missing from {node}");
        }
    }
    for (i, edge) in edges.iter().enumerate() {
        assert_eq!(edge["id"], format!("e{i}"));
        for key in ["type", "source", "target", "attributes", "evidence"] {
            assert!(edge.get(key).is_some(), "{key} missing from {edge}");
        }
        assert_eq!(edge["evidence"][0]["doc"], "fixture.txt");
    }
    assert_eq!(nodes[2]["name"], "Zürich");
    assert_eq!(nodes[2]["attributes"]["kind"], "city");
    assert_eq!(edges[0]["type"], "MET");
    assert_eq!(
        edges[0]["attributes"]["topics"][0],
        "nuclear non-proliferation and arms control"
    );
    assert_eq!(edges[0]["attributes"]["date"], "2016-03-24");
}

#[test]
fn export_writes_an_output_file() {
    let (dir, graph) = fixture_file();
    let output = dir.path().join("graph.dot");
    kg().args(["export", "--format", "dot", "--graph"])
        .arg(&graph)
        .arg("--output")
        .arg(&output)
        .assert()
        .success()
        .stdout("");
    let dot = std::fs::read_to_string(output).expect("the DOT file");
    assert!(dot.starts_with("digraph kg {"), "{dot}");
}

#[test]
fn export_dot_renders_with_graphviz_without_a_word() {
    let graphviz = std::process::Command::new("dot")
        .arg("-V")
        .stderr(Stdio::null())
        .status();
    if !graphviz.is_ok_and(|status| status.success()) {
        println!("note: Graphviz `dot` is not installed; skipping the rendering check");
        return;
    }
    let (_dir, graph) = fixture_file();
    let dot = stdout_of(
        kg().args(["export", "--format", "dot", "--graph"])
            .arg(&graph),
    );
    let rendered = Command::new("dot")
        .arg("-Tsvg")
        .write_stdin(dot.clone())
        .output()
        .expect("run dot");
    let stderr = String::from_utf8_lossy(&rendered.stderr);
    assert!(
        rendered.status.success() && stderr.is_empty(),
        "{stderr}\n{dot}"
    );
    let svg = String::from_utf8_lossy(&rendered.stdout);
    assert!(svg.contains("Zürich"), "{svg}");
    assert!(
        svg.contains("Ali &quot;The Hammer&quot; O&#39;Brien"),
        "{svg}"
    );
}

#[test]
fn the_shell_runs_commands_from_standard_input_and_prints_results_only() {
    let (dir, graph) = fixture_file();
    let output = dir.path().join("out.json");
    let script = format!(
        "# a comment\n\n:mode csv\n:evidence on\n:export json {}\n:stats\n:quit\n:stats\n",
        output.display()
    );
    let out = stdout_of(
        kg().args(["repl", "--graph"])
            .arg(&graph)
            .write_stdin(script),
    );
    assert_eq!(out.matches("documents").count(), 1, "{out}");
    assert!(out.starts_with("documents"), "{out}");
    let export = json(&std::fs::read_to_string(output).expect("the export"));
    assert_eq!(export["nodes"].as_array().map(Vec::len), Some(9));
}

#[test]
fn the_shell_stops_at_the_first_error_when_piped() {
    let (_dir, graph) = fixture_file();
    kg().args(["repl", "--graph"])
        .arg(&graph)
        .write_stdin(":mode xml\n:stats\n")
        .assert()
        .code(1)
        .stdout("")
        .stderr("error: line 1: unknown mode `xml`; expected `table`, `json` or `csv`\n");
    kg().args(["repl", "--graph"])
        .arg(&graph)
        .write_stdin(":frobnicate\n")
        .assert()
        .code(1)
        .stderr("error: line 1: unknown command `:frobnicate`; type `:help` for the list\n");
}

#[test]
fn the_shell_loads_graphs_and_texts() {
    let (_dir, graph) = fixture_file();
    let script = format!(":load corpus\n:stats\n:load {}\n:stats\n", graph.display());
    let out = stdout_of(kg().arg("repl").write_stdin(script));
    assert!(
        is_match(r"^documents\s+4\n(.|\n)*\ndocuments\s+1\n")
            .expect("regex")
            .eval(&out),
        "{out}"
    );
}

#[test]
fn the_shell_builds_paths_given_on_the_command_line() {
    let (_dir, graph) = fixture_file();
    kg().args(["repl", "latin1.txt", "--graph"])
        .arg(&graph)
        .write_stdin(":stats\n")
        .assert()
        .success()
        .stdout(is_match(r"^documents\s+2\n").expect("regex"));
}

#[test]
fn kg_alone_opens_the_shell_on_the_sample_corpus() {
    kg().write_stdin(":stats\n")
        .assert()
        .success()
        .stdout(is_match(r"^documents\s+[1-9]").expect("regex"));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::{BufRead, BufReader};
    let dir = TempDir::new().expect("a temporary folder");
    let records = dir.path().join("many.jsonl");
    let line = "{\"id\": \"doc\", \"text\": \"Kerry met Lavrov.\"}\n";
    std::fs::write(&records, line.repeat(20_000)).expect("write records");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kg"))
        .arg("extract")
        .arg(&records)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start kg");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("read a line");
    // The reader goes away here, like `head -1`.
    let output = child.wait_with_output().expect("wait for kg");
    assert!(first.starts_with(r#"{"id":"doc""#), "{first}");
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr
            .lines()
            .filter(|l| !l.starts_with("warning:"))
            .count(),
        0,
        "{stderr}"
    );
}

// The tests below go through the query layer.

#[test]
fn query_answers_in_each_format() {
    let (_dir, graph) = fixture_file();
    let table = stdout_of(
        kg().args(["query", "--graph"])
            .arg(&graph)
            .arg("who met Kerry"),
    );
    assert!(table.contains("Sergei Lavrov"), "{table}");
    let answer = json(&stdout_of(
        kg().args(["query", "--format", "json", "--graph"])
            .arg(&graph)
            .arg("who met kerry"),
    ));
    assert_eq!(answer["columns"][0], "who");
    assert_eq!(answer["rows"][0]["who"]["name"], "Sergei Lavrov");
    assert_eq!(answer["rows"][0]["who"]["type"], "Person");
    let csv = stdout_of(
        kg().args(["query", "--format", "csv", "--evidence", "--graph"])
            .arg(&graph)
            .args(["who", "met", "Kerry"]),
    );
    assert!(
        csv.lines()
            .nth(1)
            .is_some_and(|row| row.contains("Sergei Lavrov")),
        "{csv}"
    );
}

#[test]
fn a_query_error_is_rendered_and_fails() {
    let (_dir, graph) = fixture_file();
    kg().args(["query", "--graph"])
        .arg(&graph)
        .arg("who met Kery")
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("Kery").and(contains("Kerry")).and(contains("^")));
}

#[test]
fn export_with_a_query_keeps_the_answer_only() {
    let (_dir, graph) = fixture_file();
    let export = json(&stdout_of(
        kg().args([
            "export",
            "--format",
            "json",
            "--query",
            "who met Kerry",
            "--graph",
        ])
        .arg(&graph),
    ));
    let names: Vec<&str> = export["nodes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| n["name"].as_str())
        .collect();
    assert!(names.contains(&"Sergei Lavrov"), "{names:?}");
    assert!(!names.contains(&"Moscow"), "{names:?}");
}

#[test]
fn the_shell_answers_questions_and_goes_on_after_none() {
    let (_dir, graph) = fixture_file();
    let out = stdout_of(
        kg().args(["repl", "--graph"])
            .arg(&graph)
            .write_stdin(":mode json\nwho met Kerry\nwhere did Kerry go\n"),
    );
    assert!(
        out.contains("Sergei Lavrov") && out.contains("Moscow"),
        "{out}"
    );
    kg().args(["repl", "--graph"])
        .arg(&graph)
        .write_stdin("who met Kery\n:stats\n")
        .assert()
        .code(1)
        .stdout("");
}

#[test]
fn a_lexicon_folder_extends_the_built_in_lists() {
    let without = stdout_of(kg().args(["extract", "chef.txt"]));
    assert!(!without.contains("\"Chef\""), "{without}");
    let with = stdout_of(kg().args(["extract", "--lexicon", "lexicon", "chef.txt"]));
    assert!(with.contains("\"role\":\"Chef\""), "{with}");
}

#[test]
fn a_bad_lexicon_line_names_its_file_and_line() {
    kg().args(["extract", "--lexicon", "bad-lexicon", "chef.txt"])
        .assert()
        .code(1)
        .stderr(
            "error: lexicon bad-lexicon: titles.tsv:1: class must be honorific, office, head, \
             field, prefix, occupation, relational or postnominal\n",
        );
}

#[test]
fn a_question_that_asks_for_evidence_gets_it() {
    let (_dir, graph) = fixture_file();
    let answer = json(&stdout_of(
        kg().args(["query", "--format", "json", "--graph"])
            .arg(&graph)
            .arg("who met Kerry with evidence"),
    ));
    let columns: Vec<&str> = answer["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .filter_map(|c| c.as_str())
        .collect();
    assert!(columns.contains(&"evidence"), "{answer}");
}

#[cfg(unix)]
#[test]
fn written_files_get_ordinary_permissions_or_keep_their_own() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().expect("temp dir");
    let out = dir.path().join("g.kg");
    kg().args(["build", "corpus/001_kerry.txt", "--output"])
        .arg(&out)
        .assert()
        .success();
    let mode = |p: &Path| std::fs::metadata(p).expect("written").permissions().mode() & 0o777;
    assert_eq!(mode(&out), 0o644);
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    kg().args(["build", "corpus/001_kerry.txt", "--output"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(mode(&out), 0o640);
}

/// `kg audit`: the undated document, the story held twice and the dated meeting are counted,
/// in the table and in JSON.
#[test]
fn audit_counts_what_to_check_before_trusting_a_graph() {
    let dir = TempDir::new().expect("a temporary folder");
    let news = dir.path().join("news.jsonl");
    let met = "Prime Minister Anna Lindqvist met President Tomas Varga in Vienna on Monday.";
    std::fs::write(
        &news,
        format!(
            "{{\"id\": \"a\", \"date\": \"2016-03-24\", \"text\": \"{met}\"}}\n\
             {{\"id\": \"b\", \"date\": \"2016-03-24\", \"text\": \"{met}\"}}\n\
             {{\"id\": \"c\", \"text\": \"Stocks fell sharply in early trading.\"}}\n"
        ),
    )
    .expect("written");
    let graph = dir.path().join("news.kg");
    kg().args(["build"])
        .arg(&news)
        .arg("--output")
        .arg(&graph)
        .assert()
        .success();
    let audit = json(&stdout_of(
        kg().args(["audit", "--format", "json", "--graph"])
            .arg(&graph),
    ));
    assert_eq!(audit["documents"], 3);
    assert_eq!(audit["undated_documents_total"], 1);
    assert_eq!(audit["undated_documents"][0], "c");
    assert_eq!(audit["duplicates_total"], 1);
    assert_eq!(audit["duplicates"][0]["also"][0], "b");
    let met = &audit["events"][0];
    assert_eq!(met["relation"], "MET");
    assert_eq!(met["evidence"], 1);
    assert_eq!(met["undated"], 0);
    assert_eq!(
        met["article_date_only"], 0,
        "'on Monday' dates the meeting: {met}"
    );
    kg().args(["audit", "--graph"])
        .arg(&graph)
        .assert()
        .success()
        .stdout(contains("documents without a date: 1 of 3 (33.3%)\n  c\n"))
        .stdout(contains(
            "stories held under more than one id: 1\n  a = b\n",
        ));
}
