//! Every export, read back by the tool its users read it with: Graphviz renders the DOT,
//! networkx loads the GraphML, Ladybug (the maintained Kuzu fork) runs the Cypher script over the
//! CSV files, pyoxigraph loads the RDF and answers SPARQL, and jsonschema checks the JSON against
//! `data/schema/graph.schema.json`.
//!
//! The Python tools live in a virtual environment made by `.ci/setup-test-tools`; `.ci/test` names
//! its interpreter in `KG_TEST_PYTHON` and sets `KG_REQUIRE_TOOLS=1`, so that in CI a missing tool
//! fails the test. Under plain `cargo test` on a machine without them, a test that needs one says
//! what it skipped and passes.
//!
//! The questions asked of every database are data: `tests/data/export/questions/NAME.question`
//! (asked of `kg query`), `NAME.cypher`, `NAME.rq` (SPARQL) and `NAME.networkx` (a name and a
//! topic, for neighbours in networkx); all four must give the same names.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use kg::graph::KnowledgeGraph;
use kg::model::{
    Date, DateRange, DateRef, Entity, EntityKind, Extraction, PlaceKind, Precision, Relation,
    RelationKind, Role, Rule, Status,
};
use kg::text::{Document, Span};
use serde_json::Value;
use tempfile::TempDir;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn kg() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kg"));
    cmd.env("NO_COLOR", "1");
    cmd
}

/// Runs a command that must succeed and returns its standard output.
fn run(cmd: &mut Command) -> String {
    let output = cmd.output().expect("the command starts");
    assert!(
        output.status.success(),
        "{cmd:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|err| panic!("{err}: {text}"))
}

/// True when CI asked for every tool: a missing one is then a failure, not a skip.
fn tools_required() -> bool {
    std::env::var_os("KG_REQUIRE_TOOLS").is_some_and(|v| v == "1")
}

/// Says what a test skips because a tool is missing, or fails when tools are required.
fn skip(what: &str) {
    assert!(
        !tools_required(),
        "KG_REQUIRE_TOOLS=1 but {what} is missing; run .ci/setup-test-tools"
    );
    println!("note: skipped: {what} is missing (.ci/setup-test-tools installs it)");
}

/// The Python with networkx, ladybug, pyoxigraph and jsonschema: `KG_TEST_PYTHON`, else the
/// virtual environment `.ci/setup-test-tools` makes.
fn python() -> Option<&'static Path> {
    static PYTHON: OnceLock<Option<PathBuf>> = OnceLock::new();
    PYTHON
        .get_or_init(|| {
            let candidate = std::env::var_os("KG_TEST_PYTHON")
                .map(PathBuf::from)
                .unwrap_or_else(|| root().join("target/test-venv/bin/python"));
            let works = Command::new(&candidate)
                .args(["-c", "import networkx, ladybug, pyoxigraph, jsonschema"])
                .output()
                .is_ok_and(|o| o.status.success());
            works.then_some(candidate)
        })
        .as_deref()
}

/// Graphviz's `dot`, when installed.
fn graphviz() -> bool {
    Command::new("dot")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs a subcommand of `tests/tools/kg_check.py` and parses its JSON.
fn check(python: &Path, args: &[&str]) -> Value {
    json(&run(Command::new(python)
        .arg(root().join("tests/tools/kg_check.py"))
        .args(args)))
}

/// The built-in sample corpus, built into a graph file in a fresh folder.
fn sample_graph() -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("a temporary folder");
    let graph = dir.path().join("sample.kg");
    run(kg()
        .arg("build")
        .arg(root().join("data/sample"))
        .arg("--output")
        .arg(&graph));
    (dir, graph)
}

const TRICKY_TEXT: &str = "Ms Zoë d'Arc-Ñúñez called Ali \"The Hammer\" O'Brien. \
The AT&T <Holdings> board; said \"a\\b\" and\nthen left. \
Zoë d'Arc-Ñúñez met O'Brien in São Paulo about 100% #tags/paths?. \
O'Brien did not meet the board.";

fn entity(name: &str, kind: EntityKind) -> Entity {
    Entity {
        place_kind: (kind == EntityKind::Place).then_some(PlaceKind::City),
        ..Entity::new(name, kind)
    }
}

/// A sentence of [`TRICKY_TEXT`] by its first words.
fn sentence(starting: &str) -> Span {
    let start = TRICKY_TEXT.find(starting).expect("the sentence is there");
    let len = TRICKY_TEXT[start..]
        .find(". ")
        .map_or(TRICKY_TEXT.len() - start, |i| i + 1);
    Span::new(start, start + len)
}

/// A graph whose names need escaping in every format: quotes, a backslash, `&`, `<>`, `;`, `%`,
/// `#`, `/`, `?`, accents, a line break, and a name long enough to wrap; with every relation.
fn tricky_graph() -> KnowledgeGraph {
    let doc = Document::new("tricky brief #1.txt", TRICKY_TEXT);
    let mut zoe = entity("Zoë d'Arc-Ñúñez", EntityKind::Person);
    zoe.aliases = vec!["Ms d'Arc; the envoy".into()];
    zoe.roles = vec![Role {
        title: "Envoy".into(),
        of: Some("the Union of <Very> Long & \"Quoted\" Names".into()),
    }];
    let entities = vec![
        zoe,
        entity(r#"Ali "The Hammer" O'Brien"#, EntityKind::Person),
        entity(
            "AT&T <Holdings> International Telecommunications Board",
            EntityKind::Organization,
        ),
        entity("a\\b\" and\nthen", EntityKind::Quote),
        entity("São Paulo", EntityKind::Place),
        entity("100% #tags/paths?", EntityKind::Topic),
        entity(
            "the Union of <Very> Long & \"Quoted\" Names",
            EntityKind::Organization,
        ),
    ];
    let relation = |kind, source, target, at| {
        Relation::new(kind, source, Some(target), sentence(at), Rule::VisitPerson)
    };
    let mut met = relation(RelationKind::Met, 0, 1, "Zoë");
    met.place = Some(4);
    met.topics = vec![5];
    met.date = Some(DateRef::new(
        "from 22 to 25 March",
        Some(DateRange::new(
            Date::constant(2016, 3, 22),
            Date::constant(2016, 3, 25),
            Precision::Day,
        )),
    ));
    let mut called = relation(RelationKind::Called, 0, 1, "Ms Zoë");
    called.status = Status::Reported;
    called.date = Some(DateRef::new(
        "on Thursday",
        Some(DateRange::day(Date::constant(2016, 3, 24))),
    ));
    let mut denied = relation(RelationKind::Met, 1, 2, "O'Brien did not");
    denied.status = Status::Denied;
    let mut role = relation(RelationKind::HoldsRole, 0, 6, "Ms Zoë");
    role.role = Some("Envoy".into());
    let ex = Extraction {
        doc: doc.id.clone(),
        entities,
        relations: vec![
            met,
            called,
            denied,
            relation(RelationKind::Said, 2, 3, "The AT&T"),
            relation(RelationKind::Discussed, 0, 5, "Zoë"),
            relation(RelationKind::Visited, 0, 4, "Zoë"),
            role,
        ],
        ..Extraction::default()
    };
    let mut graph = KnowledgeGraph::new();
    graph.add(&doc, &ex);
    graph
}

fn tricky_file() -> (TempDir, PathBuf) {
    let dir = TempDir::new().expect("a temporary folder");
    let path = dir.path().join("tricky.kg");
    std::fs::write(&path, tricky_graph().to_bytes()).expect("write the graph");
    (dir, path)
}

/// `kg export` of a graph file to a path in `dir`, optionally of a question's answer.
fn export(graph: &Path, format: &str, query: Option<&str>, to: &Path) {
    let mut cmd = kg();
    cmd.args(["export", "--format", format, "--graph"])
        .arg(graph)
        .arg("--output")
        .arg(to);
    if let Some(query) = query {
        cmd.args(["--query", query]);
    }
    run(&mut cmd);
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// The JSON export's nodes: id -> (name, type, aliases).
fn json_nodes(export: &Value) -> Vec<(String, String, String, Vec<String>)> {
    export["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| {
            let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
            let aliases = n["aliases"]
                .as_array()
                .into_iter()
                .flatten()
                .map(text)
                .collect();
            (text(&n["id"]), text(&n["name"]), text(&n["type"]), aliases)
        })
        .collect()
}

// ---- DOT -------------------------------------------------------------------------------------

/// Renders DOT to SVG with Graphviz, which must say nothing on standard error, and returns, for
/// every node Graphviz drew, its id and the text of its label (lines joined by spaces).
fn render_svg(dot: &str) -> Vec<(String, String)> {
    use std::io::Write;
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("dot starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(dot.as_bytes())
        .expect("write to dot");
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().expect("dot ends");
    let stderr = String::from_utf8_lossy(&stderr);
    assert!(status.success() && stderr.is_empty(), "{stderr}\n{dot}");
    svg_node_labels(&String::from_utf8(stdout).expect("UTF-8 SVG"))
}

/// The `<title>` and `<text>` contents of each `<g class="node">` of an SVG, read with quick-xml
/// so that entities are decoded as a browser would.
fn svg_node_labels(svg: &str) -> Vec<(String, String)> {
    use quick_xml::Reader;
    use quick_xml::events::Event;
    let mut reader = Reader::from_str(svg);
    let mut nodes: Vec<(String, String)> = Vec::new();
    let mut depth_in_node: Option<usize> = None;
    let mut depth = 0usize;
    let mut element = String::new();
    // A `<text>` element's content comes as several events when it holds entities.
    let mut fresh_text = false;
    loop {
        match reader.read_event().expect("well-formed SVG") {
            Event::Start(start) => {
                depth += 1;
                element = String::from_utf8_lossy(start.name().as_ref()).into_owned();
                fresh_text = element == "text";
                let is_node = start
                    .attributes()
                    .flatten()
                    .any(|a| a.key.as_ref() == b"class" && a.value.as_ref() == b"node");
                if element == "g" && is_node {
                    depth_in_node = Some(depth);
                    nodes.push((String::new(), String::new()));
                }
            }
            Event::End(_) => {
                if depth_in_node == Some(depth) {
                    depth_in_node = None;
                }
                depth -= 1;
                element.clear();
            }
            Event::Text(text) if depth_in_node.is_some() => {
                let text = text.decode().expect("UTF-8").into_owned();
                let text = quick_xml::escape::unescape(&text)
                    .expect("valid entities")
                    .into_owned();
                let node = nodes.last_mut().expect("inside a node");
                match element.as_str() {
                    "title" => node.0.push_str(&text),
                    "text" => push_text(&mut node.1, &text, &mut fresh_text),
                    _ => {}
                }
            }
            Event::GeneralRef(reference) if depth_in_node.is_some() => {
                // quick-xml reports `&amp;` and friends apart from the text around them.
                let name = reference.decode().expect("UTF-8");
                let text = quick_xml::escape::unescape(&format!("&{name};"))
                    .expect("a known entity")
                    .into_owned();
                let node = nodes.last_mut().expect("inside a node");
                match element.as_str() {
                    "title" => node.0.push_str(&text),
                    "text" => push_text(&mut node.1, &text, &mut fresh_text),
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    nodes
}

/// Adds a piece of a label's text: a new `<text>` line after a space, a piece of the same line
/// right after the one before.
fn push_text(label: &mut String, text: &str, fresh: &mut bool) {
    if *fresh && !label.is_empty() {
        label.push(' ');
    }
    *fresh = false;
    label.push_str(text);
}

/// Collapses runs of white space, as label wrapping does.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks that Graphviz drew every node of the JSON export with its name (a quote's first words).
fn assert_every_label_drawn(dot: &str, export: &Value) {
    let drawn = render_svg(dot);
    for (id, name, kind, _) in json_nodes(export) {
        let (_, label) = drawn
            .iter()
            .find(|(title, _)| *title == id)
            .unwrap_or_else(|| panic!("node {id} ({name}) not drawn: {drawn:?}"));
        let expected: String = if kind == "Quote" {
            words(&name).chars().take(40).collect()
        } else {
            words(&name)
        };
        assert!(
            words(label).contains(&expected),
            "{id}: label {label:?} lacks {expected:?}"
        );
    }
}

#[test]
fn dot_renders_in_graphviz_without_a_warning_and_shows_every_label() {
    if !graphviz() {
        return skip("Graphviz `dot`");
    }
    for (dir, graph) in [sample_graph(), tricky_file()] {
        let (dot, export_json) = (dir.path().join("g.dot"), dir.path().join("g.json"));
        export(&graph, "dot", None, &dot);
        export(&graph, "json", None, &export_json);
        assert_every_label_drawn(&read(&dot), &json(&read(&export_json)));
    }
}

#[test]
fn an_answer_exports_as_a_subgraph_of_its_entities_and_their_evidence() {
    let (dir, graph) = sample_graph();
    let question = "who met Kerry about Syria";
    let (dot, export_json) = (dir.path().join("a.dot"), dir.path().join("a.json"));
    export(&graph, "dot", Some(question), &dot);
    export(&graph, "json", Some(question), &export_json);
    let answer = json(&run(kg()
        .args(["query", "--format", "json", "--graph"])
        .arg(&graph)
        .arg(question)));
    let subgraph = json(&read(&export_json));
    let names: BTreeSet<String> = json_nodes(&subgraph).into_iter().map(|n| n.1).collect();
    let answers: BTreeSet<String> = answer["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|row| row["who"]["name"].as_str().expect("a name").to_string())
        .collect();
    assert!(!answers.is_empty());
    assert!(answers.is_subset(&names), "{answers:?} not in {names:?}");
    assert!(names.contains("John Kerry"), "{names:?}");
    let edges = subgraph["edges"].as_array().expect("edges");
    assert!(!edges.is_empty());
    for edge in edges {
        assert_eq!(edge["type"], "MET", "{edge}");
        assert!(
            edge["evidence"]
                .as_array()
                .is_some_and(|e| e.iter().all(|e| e["sentence"].as_str().is_some())),
            "{edge}"
        );
    }
    if graphviz() {
        assert_every_label_drawn(&read(&dot), &subgraph);
    } else {
        skip("Graphviz `dot`");
    }
}

#[test]
fn dot_has_a_legend_the_layout_asked_for_and_the_same_bytes_twice() {
    let (dir, graph) = tricky_file();
    let dot = dir.path().join("g.dot");
    let mut cmd = kg();
    cmd.args(["export", "--format", "dot", "--layout", "TB", "--graph"])
        .arg(&graph);
    let first = run(&mut cmd);
    assert_eq!(first, run(&mut cmd), "deterministic");
    assert!(first.contains("rankdir=\"TB\""), "{first}");
    assert!(first.contains("subgraph cluster_legend"), "{first}");
    for relation in [
        "MET",
        "CALLED",
        "VISITED",
        "DISCUSSED",
        "SAID",
        "HOLDS_ROLE",
    ] {
        assert!(
            first.contains(&format!("\"legend {relation} from\" -> ")),
            "{relation}: {first}"
        );
    }
    // The call is drawn as one, not as a meeting: its own colour and dashes, no direction.
    assert!(
        first.contains(r##"label="CALLED\n(reported)", color="#0e7490", fontcolor="#0e7490", style="dashed", dir="none""##),
        "{first}"
    );
    export(&graph, "dot", None, &dot);
    assert!(read(&dot).contains("rankdir=\"LR\""));
}

// ---- GraphML ---------------------------------------------------------------------------------

#[test]
fn graphml_loads_in_networkx_with_the_counts_and_attributes_kg_reports() {
    let Some(python) = python() else {
        return skip("the test Python (networkx)");
    };
    for (dir, graph) in [sample_graph(), tricky_file()] {
        let (graphml, export_json) = (dir.path().join("g.graphml"), dir.path().join("g.json"));
        export(&graph, "graphml", None, &graphml);
        export(&graph, "json", None, &export_json);
        let loaded = check(python, &["graphml", graphml.to_str().expect("UTF-8 path")]);
        let stats = json(&run(kg()
            .args(["stats", "--format", "json", "--graph"])
            .arg(&graph)));
        let nodes = loaded["nodes"].as_object().expect("nodes");
        let edges = loaded["edges"].as_array().expect("edges");
        assert_eq!(Some(nodes.len() as u64), stats["nodes"].as_u64());
        assert_eq!(Some(edges.len() as u64), stats["edges"].as_u64());
        for (kind, count) in stats["nodes_by_type"].as_object().expect("by type") {
            let n = nodes.values().filter(|n| n["type"] == *kind).count();
            assert_eq!(Some(n as u64), count.as_u64(), "{kind}");
        }
        for (kind, count) in stats["edges_by_type"].as_object().expect("by type") {
            let n = edges.iter().filter(|e| e["type"] == *kind).count();
            assert_eq!(Some(n as u64), count.as_u64(), "{kind}");
        }
        // Attributes keep their types and values: the same as in the JSON export.
        let export = json(&read(&export_json));
        for node in export["nodes"].as_array().expect("nodes") {
            let id = node["id"].as_str().expect("an id");
            let loaded = &nodes[id];
            assert_eq!(loaded["label"], node["name"], "{id}");
            assert_eq!(loaded["type"], node["type"], "{id}");
            assert_eq!(loaded["mentions"], node["attributes"]["mentions"], "{id}");
            assert!(
                loaded["mentions"].is_u64(),
                "an int, not a string: {loaded}"
            );
            let aliases = json(loaded["aliases"].as_str().expect("a JSON string"));
            assert_eq!(aliases, node["aliases"], "{id}");
        }
        for edge in export["edges"].as_array().expect("edges") {
            let loaded = edges
                .iter()
                .find(|e| e["id"] == edge["id"])
                .unwrap_or_else(|| panic!("{edge} not loaded"));
            assert_eq!(loaded["source"], edge["source"]);
            assert_eq!(loaded["type"], edge["type"]);
            assert_eq!(loaded["negated"], edge["attributes"]["negated"]);
            assert_eq!(loaded["confidence"], edge["attributes"]["confidence"]);
            assert_eq!(loaded["status"], edge["attributes"]["status"]);
            let evidence = json(loaded["evidence"].as_str().expect("a JSON string"));
            assert_eq!(
                evidence[0]["sentence"], edge["evidence"][0]["sentence"],
                "{loaded}"
            );
        }
    }
}

// ---- The same questions, four ways ----------------------------------------------------------

/// The questions in `tests/data/export/questions/`, by name.
fn questions() -> Vec<PathBuf> {
    let dir = root().join("tests/data/export/questions");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the questions folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "question"))
        .collect();
    found.sort();
    assert!(!found.is_empty());
    found
}

fn sorted_names(values: impl IntoIterator<Item = String>) -> Vec<String> {
    let set: BTreeSet<String> = values.into_iter().collect();
    set.into_iter().collect()
}

#[test]
fn cypher_sparql_and_networkx_answer_as_kg_query_does() {
    let Some(python) = python() else {
        return skip("the test Python (ladybug, pyoxigraph, networkx)");
    };
    let (dir, graph) = sample_graph();
    let folder = dir.path().join("neo4j");
    export(&graph, "csv", None, &folder);
    let (nt, ttl, graphml) = (
        dir.path().join("g.nt"),
        dir.path().join("g.ttl"),
        dir.path().join("g.graphml"),
    );
    export(&graph, "ntriples", None, &nt);
    export(&graph, "turtle", None, &ttl);
    export(&graph, "graphml", None, &graphml);
    let path = |p: &Path| p.to_str().expect("UTF-8 path").to_string();
    for question_file in questions() {
        let with = |ext: &str| path(&question_file.with_extension(ext));
        let question = read(&question_file);
        let answer = json(&run(kg()
            .args(["query", "--format", "json", "--graph"])
            .arg(&graph)
            .arg(question.trim())));
        let expected = sorted_names(answer["rows"].as_array().expect("rows").iter().map(|r| {
            let first = &answer["columns"][0];
            let first = first.as_str().expect("a column name");
            r[first]["name"].as_str().expect("an entity").to_string()
        }));
        assert!(!expected.is_empty(), "{question}: no answer to compare");

        let cypher = check(python, &["cypher", &path(&folder), &with("cypher")]);
        let cypher = sorted_names(
            cypher
                .as_array()
                .expect("rows")
                .iter()
                .map(|row| row[0].as_str().expect("a name").to_string()),
        );
        assert_eq!(cypher, expected, "{question}: Cypher in Ladybug");

        for (file, syntax) in [(&nt, "ntriples"), (&ttl, "turtle")] {
            let sparql = check(python, &["rdf", &path(file), syntax, &with("rq")]);
            let sparql = sorted_names(
                sparql["rows"]
                    .as_array()
                    .expect("rows")
                    .iter()
                    .map(|row| row[0].as_str().expect("a name").to_string()),
            );
            assert_eq!(sparql, expected, "{question}: SPARQL over {syntax}");
        }

        let spec = read(&question_file.with_extension("networkx"));
        let (name, topic) = spec.trim().split_once('\t').expect("NAME<tab>TOPIC");
        let networkx = check(python, &["met", &path(&graphml), name, topic]);
        let networkx = sorted_names(
            networkx
                .as_array()
                .expect("names")
                .iter()
                .map(|n| n.as_str().expect("a name").to_string()),
        );
        assert_eq!(networkx, expected, "{question}: networkx neighbours");

        // The answer exported as a subgraph answers the same, in every database.
        let answer_dir = dir.path().join("answer");
        std::fs::create_dir_all(&answer_dir).expect("a folder");
        let (folder, ttl, graphml) = (
            answer_dir.join("neo4j"),
            answer_dir.join("a.ttl"),
            answer_dir.join("a.graphml"),
        );
        export(&graph, "csv", Some(question.trim()), &folder);
        export(&graph, "turtle", Some(question.trim()), &ttl);
        export(&graph, "graphml", Some(question.trim()), &graphml);
        let cypher = check(python, &["cypher", &path(&folder), &with("cypher")]);
        let sparql = check(python, &["rdf", &path(&ttl), "turtle", &with("rq")]);
        let networkx = check(python, &["met", &path(&graphml), name, topic]);
        let first = |rows: &Value| {
            sorted_names(rows.as_array().expect("rows").iter().map(|row| {
                let name = if row.is_array() { &row[0] } else { row };
                name.as_str().expect("a name").to_string()
            }))
        };
        assert_eq!(first(&cypher), expected, "{question}: answer CSV");
        assert_eq!(first(&sparql["rows"]), expected, "{question}: answer RDF");
        assert_eq!(first(&networkx), expected, "{question}: answer GraphML");
    }
}

// ---- Neo4j CSV -------------------------------------------------------------------------------

#[test]
fn csv_keeps_every_name_and_alias_through_ladybug() {
    let Some(python) = python() else {
        return skip("the test Python (ladybug)");
    };
    let (dir, graph) = tricky_file();
    let folder = dir.path().join("import");
    export(&graph, "csv", None, &folder);
    for file in [
        "nodes.csv",
        "relationships.csv",
        "neo4j.cypher",
        "ladybug.cypher",
    ] {
        assert!(folder.join(file).is_file(), "{file}");
    }
    let query = dir.path().join("all.cypher");
    std::fs::write(
        &query,
        "MATCH (n:Entity) RETURN n.id, n.name, n.type, n.aliases ORDER BY n.id",
    )
    .expect("write the query");
    let path = |p: &Path| p.to_str().expect("UTF-8 path").to_string();
    let rows = check(python, &["cypher", &path(&folder), &path(&query)]);
    let export_json = dir.path().join("g.json");
    export(&graph, "json", None, &export_json);
    let mut expected: Vec<Value> = json_nodes(&json(&read(&export_json)))
        .into_iter()
        .map(|(id, name, kind, aliases)| {
            // Array items cannot hold the array delimiter: `;` becomes `,`; and no cell holds a
            // line break.
            let aliases: Vec<String> = aliases.iter().map(|a| a.replace(';', ",")).collect();
            serde_json::json!([id, name.replace('\n', " "), kind, aliases])
        })
        .collect();
    expected.sort_by_key(|row| row[0].as_str().map(str::to_string));
    let mut rows = rows.as_array().expect("rows").clone();
    rows.sort_by_key(|row| row[0].as_str().map(str::to_string));
    assert_eq!(rows, expected);

    let query_edges = dir.path().join("edges.cypher");
    std::fs::write(
        &query_edges,
        "MATCH (a:Entity)-[m]->(b:Entity) RETURN label(m), a.name, b.name, m.negated, m.status, m.topics, m.date ORDER BY label(m), a.name, b.name",
    )
    .expect("write the query");
    let edges = check(python, &["cypher", &path(&folder), &path(&query_edges)]);
    let edges = edges.as_array().expect("rows");
    assert_eq!(edges.len(), 7, "{edges:?}");
    assert!(
        edges.contains(&serde_json::json!([
            "MET",
            "Zoë d'Arc-Ñúñez",
            r#"Ali "The Hammer" O'Brien"#,
            false,
            "happened",
            ["100% #tags/paths?"],
            "2016-03-22/2016-03-25"
        ])),
        "{edges:?}"
    );
    assert!(
        edges.iter().any(|e| e[0] == "MET" && e[3] == true),
        "the denied meeting: {edges:?}"
    );
    // A date that is one day is a DATE too; a span is not.
    let query_days = dir.path().join("days.cypher");
    std::fs::write(
        &query_days,
        "MATCH (a:Entity)-[m]->(b:Entity) WHERE m.day IS NOT NULL \
         RETURN label(m), m.day + INTERVAL('1 day')",
    )
    .expect("write the query");
    let days = check(python, &["cypher", &path(&folder), &path(&query_days)]);
    assert_eq!(days, serde_json::json!([["CALLED", "2016-03-25"]]));
}

#[test]
fn csv_needs_a_folder() {
    let (dir, graph) = tricky_file();
    let output = kg()
        .args(["export", "--format", "csv", "--graph"])
        .arg(&graph)
        .output()
        .expect("kg runs");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: the csv export is a folder of files; give one with `--output DIR`\n"
    );
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").expect("write");
    let output = kg()
        .args(["export", "--format", "csv", "--graph"])
        .arg(&graph)
        .arg("--output")
        .arg(&file)
        .output()
        .expect("kg runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("it is a file"),
        "{output:?}"
    );
    assert_eq!(read(&file), "x", "left as it was");
}

// ---- RDF -------------------------------------------------------------------------------------

#[test]
fn rdf_loads_in_pyoxigraph_with_every_name_and_typed_dates() {
    let Some(python) = python() else {
        return skip("the test Python (pyoxigraph)");
    };
    let (dir, graph) = tricky_file();
    let export_json = dir.path().join("g.json");
    export(&graph, "json", None, &export_json);
    let names: Vec<String> = sorted_names(
        json_nodes(&json(&read(&export_json)))
            .into_iter()
            .map(|n| n.1),
    );
    let query = dir.path().join("q.rq");
    std::fs::write(
        &query,
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
         PREFIX kg: <https://kg.example/ns#>
         SELECT ?name ?entity WHERE {
           VALUES ?type { kg:Person kg:Organization kg:Place kg:Topic kg:Quote }
           ?entity a ?type ; rdfs:label ?name .
         } ORDER BY ?name",
    )
    .expect("write the query");
    let dates = dir.path().join("dates.rq");
    std::fs::write(
        &dates,
        "PREFIX kg: <https://kg.example/ns#>
         PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
         SELECT ?class ?start ?end ?day WHERE {
           ?event a ?class ; kg:status ?status .
           FILTER (?class != kg:Event)
           OPTIONAL { ?event kg:startDate ?start ; kg:endDate ?end .
                      FILTER (datatype(?start) = xsd:date) }
           OPTIONAL { ?event kg:date ?day . FILTER (datatype(?day) = xsd:date) }
           FILTER (bound(?start) || bound(?day))
         } ORDER BY ?class",
    )
    .expect("write the query");
    let mut triples = Vec::new();
    for (ext, syntax) in [("nt", "ntriples"), ("ttl", "turtle")] {
        let file = dir.path().join(format!("g.{ext}"));
        export(&graph, syntax, None, &file);
        let path = |p: &Path| p.to_str().expect("UTF-8 path").to_string();
        let found = check(python, &["rdf", &path(&file), syntax, &path(&query)]);
        triples.push(found["triples"].clone());
        let labels = sorted_names(
            found["rows"]
                .as_array()
                .expect("rows")
                .iter()
                .map(|r| r[0].as_str().expect("a label").to_string()),
        );
        assert_eq!(labels, names, "{syntax}");
        let iris: BTreeSet<&str> = found["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .filter_map(|r| r[1].as_str())
            .collect();
        assert!(
            iris.contains("https://kg.example/id/Person/Zo%C3%AB%20d%27Arc-%C3%91%C3%BA%C3%B1ez"),
            "{iris:?}"
        );
        let found = check(python, &["rdf", &path(&file), syntax, &path(&dates)]);
        assert_eq!(
            found["rows"],
            serde_json::json!([
                ["https://kg.example/ns#Call", null, null, "2016-03-24"],
                [
                    "https://kg.example/ns#Meeting",
                    "2016-03-22",
                    "2016-03-25",
                    null
                ]
            ]),
            "{syntax}"
        );
    }
    assert_eq!(triples[0], triples[1], "N-Triples and Turtle hold the same");
}

// ---- JSON ------------------------------------------------------------------------------------

#[test]
fn json_validates_against_the_schema_and_the_schema_rejects_what_it_should() {
    let Some(python) = python() else {
        return skip("the test Python (jsonschema)");
    };
    let schema = root().join("data/schema/graph.schema.json");
    let schema = schema.to_str().expect("UTF-8 path");
    let mut exports = Vec::new();
    for ((dir, graph), query) in [
        (sample_graph(), None),
        (sample_graph(), Some("who met Kerry about Syria")),
        (tricky_file(), None),
    ] {
        let file = dir.path().join("g.json");
        export(&graph, "json", query, &file);
        let result = check(python, &["schema", schema, file.to_str().expect("UTF-8")]);
        assert_eq!(result["count"], 0, "{result}");
        exports.push((dir, file));
    }
    // Every edge's ends are nodes of the same file (what the schema cannot say).
    for (_, file) in &exports {
        let export = json(&read(file));
        let ids: BTreeSet<String> = json_nodes(&export).into_iter().map(|n| n.0).collect();
        for edge in export["edges"].as_array().expect("edges") {
            for end in ["source", "target"] {
                assert!(ids.contains(edge[end].as_str().expect("an id")), "{edge}");
            }
        }
    }
    // And it is not a schema that accepts anything.
    let (dir, file) = &exports[2];
    let mut broken = json(&read(file));
    broken["nodes"][0]["type"] = "Alien".into();
    broken["edges"][0]["attributes"]["status"] = "maybe".into();
    broken["edges"][1]["evidence"] = serde_json::json!([]);
    let broken_file = dir.path().join("broken.json");
    std::fs::write(&broken_file, broken.to_string()).expect("write");
    let result = check(
        python,
        &["schema", schema, broken_file.to_str().expect("UTF-8")],
    );
    assert_eq!(result["count"], 3, "{result}");
}

// ---- The shell -------------------------------------------------------------------------------

#[test]
fn the_shell_exports_every_format() {
    let (dir, graph) = tricky_file();
    let mut script = String::new();
    for (format, name) in [
        ("dot", "g.dot"),
        ("json", "g.json"),
        ("graphml", "g.graphml"),
        ("csv", "csv"),
        ("nt", "g.nt"),
        ("turtle", "g.ttl"),
    ] {
        script.push_str(&format!(
            ":export {format} {}\n",
            dir.path().join(name).display()
        ));
    }
    let mut child = kg()
        .args(["repl", "--graph"])
        .arg(&graph)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("kg starts");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(script.as_bytes()).expect("write");
    }
    let output = child.wait_with_output().expect("kg ends");
    assert!(output.status.success(), "{output:?}");
    for name in [
        "g.dot",
        "g.json",
        "g.graphml",
        "csv/nodes.csv",
        "g.nt",
        "g.ttl",
    ] {
        let text = read(&dir.path().join(name));
        assert!(text.contains("Ali"), "{name}: {text}");
    }
    let mut child = kg()
        .args(["repl", "--graph"])
        .arg(&graph)
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("kg starts");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(b":export svg out.svg\n").expect("write");
    }
    let output = child.wait_with_output().expect("kg ends");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: line 1: unknown export format `svg`; expected one of dot, json, graphml, csv, ntriples, turtle\n"
    );
}
