//! Growing a graph (issue 14): documents added and removed give the bytes of a fresh build of
//! what the graph holds, in any order; the same story under two ids is one source of facts; and
//! corrections change the graph and survive every rebuild.
//!
//! The corrections are cases in `tests/data/corrections/`, one a correction kind: its TOML, a
//! question, and the answer (CSV) before and after. Each case builds the sample corpus without
//! and with the corrections, checks both answers, then checks that the corrected graph survives
//! a rebuild from scratch and an add followed by a remove. `BLESS=1 cargo test --test kg grow::`
//! rewrites the answers.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use kg::build::{Options, add_documents};
use kg::graph::{KnowledgeGraph, StoredGraph};
use kg::lexicon::Lexicon;
use kg::text::Document;
use tempfile::TempDir;

fn build(docs: &[Document]) -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();
    add_documents(
        &mut graph,
        docs,
        Lexicon::builtin(),
        &Options::default(),
        &(),
    )
    .expect("the documents build");
    graph
}

/// The order of `n` things after a deterministic shuffle.
fn shuffled(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut state = seed;
    for i in (1..n).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        order.swap(i, (state % (i as u64 + 1)) as usize);
    }
    order
}

#[test]
fn any_input_order_gives_the_same_bytes() {
    let docs = kg::sample::documents();
    let bytes = build(&docs).to_bytes();
    let mut reversed = docs.clone();
    reversed.reverse();
    assert_eq!(build(&reversed).to_bytes(), bytes);
    for seed in [1, 7, 42, 1234] {
        let order = shuffled(docs.len(), seed);
        let docs: Vec<Document> = order.iter().map(|&i| docs[i].clone()).collect();
        let graph = build(&docs);
        assert_eq!(graph.to_bytes(), bytes, "seed {seed}");
        // The merged graph is the same too, not only the records.
        let json = |g: &KnowledgeGraph| {
            kg::export::render(g, None, kg::export::Format::Json, &Default::default())
        };
        assert_eq!(json(&graph), json(&build(&kg::sample::documents())));
    }
    // One at a time, in any order, is the same as all at once.
    let mut one_by_one = KnowledgeGraph::new();
    for &i in &shuffled(docs.len(), 99) {
        one_by_one.add(
            &docs[i],
            &kg::extract::extract(&docs[i], Lexicon::builtin()),
        );
    }
    assert_eq!(one_by_one.to_bytes(), bytes);
    // In id order, each one is merged on top of the others without merging them again: the
    // same graph.
    let mut sorted = docs.clone();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    let mut appended = KnowledgeGraph::new();
    for doc in &sorted {
        appended.add(doc, &kg::extract::extract(doc, Lexicon::builtin()));
    }
    assert_eq!(appended.to_bytes(), bytes);
    let json = |g: &KnowledgeGraph| {
        kg::export::render(g, None, kg::export::Format::Json, &Default::default())
    };
    assert_eq!(json(&appended), json(&one_by_one));
}

#[test]
fn adding_then_removing_a_document_round_trips_to_the_same_bytes() {
    let docs = kg::sample::documents();
    let all = build(&docs);
    for (i, doc) in docs.iter().enumerate() {
        let others: Vec<Document> = docs
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, d)| d.clone())
            .collect();
        let without = build(&others);
        let mut removed = all.clone();
        assert_eq!(removed.remove(&[doc.id.as_str()]), [true]);
        assert_eq!(removed.to_bytes(), without.to_bytes(), "without {}", doc.id);
        assert_eq!(removed.stats(), without.stats(), "without {}", doc.id);
        let mut added = removed;
        add_documents(
            &mut added,
            std::slice::from_ref(doc),
            Lexicon::builtin(),
            &Options::default(),
            &(),
        )
        .expect("builds");
        assert_eq!(added.to_bytes(), all.to_bytes(), "with {} again", doc.id);
        // Read back from its file, as `kg add` reads it (the merged graph as saved, with no
        // index that only merging needs), the graph grows into the same bytes: on top of what
        // was read for the newest document, by merging everything again for the others.
        let mut read = KnowledgeGraph::from_bytes(&without.to_bytes()).expect("reads");
        add_documents(
            &mut read,
            std::slice::from_ref(doc),
            Lexicon::builtin(),
            &Options::default(),
            &(),
        )
        .expect("builds");
        assert_eq!(read.to_bytes(), all.to_bytes(), "read, with {}", doc.id);
        // The file held as blocks loses a document into the same bytes without merging.
        let mut stored = StoredGraph::from_bytes(&all.to_bytes()).expect("reads");
        assert!(stored.remove(&doc.id));
        assert_eq!(
            stored.to_bytes().expect("merges"),
            without.to_bytes(),
            "stored, without {}",
            doc.id
        );
    }
}

#[test]
fn a_changed_document_replaces_its_old_facts() {
    let old = Document::new("a.txt", "John Kerry met Sergei Lavrov in Moscow.");
    let new = Document::new("a.txt", "John Kerry met Wang Yi in Beijing.");
    let mut graph = build(std::slice::from_ref(&old));
    let options = Options {
        replace: true,
        ..Options::default()
    };
    let report = add_documents(
        &mut graph,
        std::slice::from_ref(&new),
        Lexicon::builtin(),
        &options,
        &(),
    )
    .expect("builds");
    assert_eq!((report.added, report.replaced), (0, 1));
    assert_eq!(graph.to_bytes(), build(&[new]).to_bytes());
    assert!(matches!(
        graph.lookup("Lavrov"),
        kg::graph::Resolution::Unknown(_)
    ));
    // The same text again is skipped.
    let report = add_documents(
        &mut graph,
        std::slice::from_ref(&old),
        Lexicon::builtin(),
        &Options::default(),
        &(),
    )
    .expect("builds");
    assert_eq!((report.added, report.skipped, report.kept), (0, 0, 1));
}

#[test]
fn the_same_story_under_two_ids_is_one_source_of_facts() {
    let text = "John Kerry met Sergei Lavrov in Moscow on Thursday.\n";
    let docs = [
        Document::new("wire-1", text),
        Document::new(
            "wire-2",
            "  John Kerry met Sergei Lavrov\nin Moscow on Thursday.\n REUTER\n",
        ),
    ];
    let graph = build(&docs);
    let once = build(&docs[..1]);
    let stats = graph.stats();
    assert_eq!((stats.documents, stats.duplicates), (2, 1));
    assert_eq!(
        (stats.nodes, stats.edges),
        (once.stats().nodes, once.stats().edges)
    );
    assert_eq!(graph.docs().len(), 1);
    assert_eq!(graph.docs()[0].also, ["wire-2"]);
    let evidence =
        |g: &KnowledgeGraph| -> usize { g.edges().map(|(_, _, _, e)| e.evidence.len()).sum() };
    assert_eq!(evidence(&graph), evidence(&once));
    for (_, _, _, edge) in graph.edges() {
        assert_eq!(edge.doc_count(), 1);
    }
    // Removing the first keeps the second as the one source.
    let mut second = graph.clone();
    second.remove(&["wire-1"]);
    assert_eq!(second.stats().duplicates, 0);
    assert_eq!(second.to_bytes(), build(&docs[1..]).to_bytes());
    assert_eq!(second.docs()[0].id, "wire-2");
}

// ---------------------------------------------------------------------------------------------
// The command line.

fn kg(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kg"));
    cmd.current_dir(dir).env("NO_COLOR", "1");
    cmd
}

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample")
}

/// A folder of the sample's files but one, and that one alone.
fn split_sample(dir: &Path) -> (PathBuf, PathBuf) {
    let most = dir.join("most");
    let one = dir.join("one");
    std::fs::create_dir_all(&most).expect("mkdir");
    std::fs::create_dir_all(&one).expect("mkdir");
    let mut files: Vec<PathBuf> = std::fs::read_dir(sample())
        .expect("the sample")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    for (i, file) in files.iter().enumerate() {
        let to = if i == 3 { &one } else { &most };
        std::fs::copy(file, to.join(file.file_name().expect("a name"))).expect("copy");
    }
    (most, one)
}

#[test]
fn kg_add_and_kg_remove_give_the_bytes_of_a_fresh_build() {
    let dir = TempDir::new().expect("a folder");
    let root = dir.path();
    let (most, one) = split_sample(root);
    kg(root)
        .args(["build", "--output", "all.kg"])
        .arg(sample())
        .assert()
        .success()
        .stdout(
            "all.kg: 8 documents, 119 entities, 92 relations; added 8, skipped 0, replaced 0, \
             duplicates 0, undated 0; read 172 entities, 147 relations; 0 warnings\n",
        );
    kg(root)
        .args(["build", "--output", "most.kg"])
        .arg(&most)
        .assert()
        .success();
    let most_bytes = std::fs::read(root.join("most.kg")).expect("read");
    kg(root)
        .args(["add", "--graph", "most.kg"])
        .arg(&one)
        .assert()
        .success()
        .stdout(
            "most.kg: 8 documents; added 1, skipped 0, replaced 0, duplicates 0, undated 0; \
             read 26 entities, 16 relations; 0 warnings\n",
        );
    assert_eq!(
        std::fs::read(root.join("most.kg")).expect("read"),
        std::fs::read(root.join("all.kg")).expect("read")
    );
    // Again: skipped, and the bytes stay.
    kg(root)
        .args(["add", "--graph", "most.kg", "--format", "json"])
        .arg(&one)
        .assert()
        .success()
        .stdout(
            "{\"graph\":\"most.kg\",\"documents\":8,\"removed\":0,\"added\":0,\"skipped\":1,\
             \"replaced\":0,\"kept\":0,\"duplicates\":0,\"undated\":0,\"entities\":26,\
             \"relations\":16,\"warnings\":0}\n",
        );
    assert_eq!(
        std::fs::read(root.join("most.kg")).expect("read"),
        std::fs::read(root.join("all.kg")).expect("read")
    );
    kg(root)
        .args([
            "remove",
            "--graph",
            "most.kg",
            "04-peskov-syria-withdrawal-march-2016.txt",
        ])
        .assert()
        .success()
        .stdout("most.kg: 7 documents; removed 1\n");
    assert_eq!(
        std::fs::read(root.join("most.kg")).expect("read"),
        most_bytes
    );
    // An id the graph does not hold: nothing is written.
    kg(root)
        .args(["remove", "--graph", "most.kg", "nope.txt"])
        .assert()
        .code(1)
        .stderr("error: `most.kg` holds no document `nope.txt`; nothing was removed\n");
    assert_eq!(
        std::fs::read(root.join("most.kg")).expect("read"),
        most_bytes
    );
    kg(root)
        .args(["stats", "--graph", "all.kg", "--format", "json"])
        .assert()
        .success()
        .stdout(predicates::str::contains("\"duplicates\": 0"));
}

// ---------------------------------------------------------------------------------------------
// Corrections.

fn cases() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corrections")
}

/// The sections of a case file: its text before the first section, then (name, text) pairs.
fn sections(text: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = vec![(String::new(), String::new())];
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("--- ") {
            out.push((name.trim().to_string(), String::new()));
        } else if let Some((_, body)) = out.last_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    out
}

fn answer(dir: &Path, graph: &str, query: &str) -> String {
    let output = kg(dir)
        .args(["query", "--graph", graph, "--format", "csv", query])
        .output()
        .expect("kg runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

fn run_case(name: &str) {
    let file = cases().join(format!("{name}.case"));
    let text = std::fs::read_to_string(&file).expect("the case");
    let sections = sections(&text);
    let get = |key: &str| {
        sections
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("{name}: no `--- {key}` section"))
    };
    let (corrections, query) = (get("corrections"), get("query"));
    let query = query.trim();
    let dir = TempDir::new().expect("a folder");
    let root = dir.path();
    let build = |output: &str, extra: &[&str]| {
        kg(root)
            .args(["build", "--output", output])
            .args(extra)
            .arg(sample())
            .assert()
            .success();
    };
    build("plain.kg", &[]);
    let before = answer(root, "plain.kg", query);
    // A corrections file beside the output is applied by the build.
    std::fs::write(root.join("g.corrections.toml"), &corrections).expect("write");
    build("g.kg", &[]);
    let after = answer(root, "g.kg", query);
    assert_ne!(before, after, "{name}: the correction changed nothing");
    let corrected = std::fs::read(root.join("g.kg")).expect("read");

    // It survives: a rebuild elsewhere with --corrections, and an add then a remove.
    build("other.kg", &["--corrections", "g.corrections.toml"]);
    assert_eq!(
        std::fs::read(root.join("other.kg")).expect("read"),
        corrected
    );
    std::fs::write(
        root.join("extra.txt"),
        "Jacinda Ardern visited Wellington on Monday.",
    )
    .expect("write");
    kg(root)
        .args(["add", "--graph", "g.kg", "extra.txt"])
        .assert()
        .success();
    assert_eq!(answer(root, "g.kg", query), after, "{name}: after an add");
    kg(root)
        .args(["remove", "--graph", "g.kg", "extra.txt"])
        .assert()
        .success();
    assert_eq!(std::fs::read(root.join("g.kg")).expect("read"), corrected);

    if std::env::var_os("BLESS").is_some() {
        let mut blessed = String::new();
        for (key, body) in &sections {
            match key.as_str() {
                "" => blessed.push_str(body),
                "before" => {
                    let _ = write!(blessed, "--- before\n{before}");
                }
                "after" => {
                    let _ = write!(blessed, "--- after\n{after}");
                }
                _ => {
                    let _ = write!(blessed, "--- {key}\n{body}");
                }
            }
        }
        std::fs::write(&file, blessed).expect("bless");
        return;
    }
    assert_eq!(before, get("before"), "{name}: the answer before");
    assert_eq!(after, get("after"), "{name}: the answer after");
}

/// One `#[test]` per case file, named after it.
macro_rules! cases {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                run_case(&stringify!($name).replace('_', "-"));
            }
        )*

        /// Every case file is listed above, so none is silently never run.
        #[test]
        fn every_correction_case_is_a_test() {
            let listed = [$(stringify!($name).replace('_', "-")),*];
            let mut missing = Vec::new();
            for entry in std::fs::read_dir(cases()).expect("the cases").flatten() {
                let path = entry.path();
                let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else { continue };
                if path.extension().is_some_and(|e| e == "case")
                    && !listed.iter().any(|l| l == stem)
                {
                    missing.push(stem.to_string());
                }
            }
            assert!(missing.is_empty(), "case files not in `cases!`: {missing:?}");
        }
    };
}

cases! {
    same,
    different,
    retype,
    drop,
    drop_alias,
    role,
}

/// `different` holds whatever carries the names: the entity's own name, two aliases of one
/// entity in one article, aliases that two articles give; and it wins over `same`.
#[test]
fn names_kept_apart_never_name_one_entity() {
    let pairs = [
        ["Kerry", "Mr Kerry"],
        ["Sergei Lavrov", "Sergey Lavrov"],
        ["Putin", "Vladimir Putin"],
        ["Lavrov", "Sergei Lavrov"],
    ];
    let text = pairs
        .iter()
        .map(|[a, b]| format!("[[different]]\nnames = [\"{a}\", \"{b}\"]\n"))
        .collect::<String>()
        + "[[same]]\nnames = [\"Kerry\", \"Mr Kerry\"]\n";
    let corrections = kg::graph::Corrections::from_toml(&text).expect("reads");
    let mut graph = build(&kg::sample::documents());
    graph.set_corrections(corrections.clone());
    let folded = |s: &str| kg::names::normalize(s);
    for (_, node) in graph.nodes() {
        let names: Vec<String> = std::iter::once(&node.name)
            .chain(&node.aliases)
            .map(|n| folded(n))
            .collect();
        for [a, b] in pairs {
            assert!(
                !(names.contains(&folded(a)) && names.contains(&folded(b))),
                "{} carries both `{a}` and `{b}`: {names:?}",
                node.name
            );
        }
    }
    assert!(!graph.splits().is_empty());
    // The same corrections from the start give the same graph.
    let again = KnowledgeGraph::from_records(graph.records().to_vec(), corrections);
    assert_eq!(again.to_bytes(), graph.to_bytes());
}

/// On 300 Reuters articles (when `../shared` is there), with merges that remove nodes: a graph
/// merged in full, one merged a document at a time on top of the last (in id order), and one
/// read back from its file and grown, are the same graph, byte for byte.
#[test]
fn merged_on_top_read_back_or_in_full_a_graph_has_the_same_bytes() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/reuters21578.jsonl");
    let Ok(text) = std::fs::read_to_string(&corpus) else {
        println!("note: skipped: {} is not there", corpus.display());
        return;
    };
    let mut docs: Vec<Document> = text
        .lines()
        .take(300)
        .filter_map(|l| match kg::build::records::parse_line(l.as_bytes()) {
            Ok(kg::build::records::Line::Record { document, .. }) => Some(document),
            _ => None,
        })
        .collect();
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    let all = build(&docs);
    assert!(
        all.merges().len() > 20,
        "the slice should merge entities across documents"
    );
    let bytes = all.to_bytes();
    let mut appended = KnowledgeGraph::new();
    for doc in &docs {
        appended.add(doc, &kg::extract::extract(doc, Lexicon::builtin()));
    }
    assert!(appended.to_bytes() == bytes, "merged on top differs");
    let half = build(&docs[..150]);
    let mut grown = KnowledgeGraph::from_bytes(&half.to_bytes()).expect("reads");
    add_documents(
        &mut grown,
        &docs[150..],
        Lexicon::builtin(),
        &Options::default(),
        &(),
    )
    .expect("builds");
    assert!(grown.to_bytes() == bytes, "read back and grown differs");
    let read = KnowledgeGraph::from_bytes(&bytes).expect("reads");
    assert!(read.to_bytes() == bytes, "read back differs");
}
