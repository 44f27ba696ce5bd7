//! The graph file: the golden file of this format version, and that damaged, cut or lengthened
//! files are refused. The golden graph is made from hand-written extractions, so that it does
//! not change when the extractor does. `BLESS=1 cargo test --test kg graph::file` writes the
//! golden file of the current `FORMAT_VERSION` (see `docs/graph-format.md`, "Versioning").

use std::path::{Path, PathBuf};

use kg::graph::{FORMAT_VERSION, GraphFileError, KnowledgeGraph};
use kg::model::{
    Date, DateRange, DateRef, Entity, EntityKind, Extraction, Link, LinkReason, MergeReason,
    PlaceKind, Precision, Relation, RelationKind, Role, Rule, Status,
};
use kg::text::{Document, Span};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/graph")
}

fn golden_path(version: u16) -> PathBuf {
    data().join(format!("golden-v{version}.kg"))
}

/// The span of the sentence of `text` that starts with `starting`.
fn sentence(text: &str, starting: &str) -> Span {
    let start = text.find(starting).expect("the sentence is in the text");
    let len = text[start..]
        .find(". ")
        .map_or(text.len() - start, |i| i + 1);
    Span::new(start, start + len)
}

fn entity(name: &str, kind: EntityKind, aliases: &[(&str, LinkReason)]) -> Entity {
    let mut entity = Entity::new(name, kind);
    for &(alias, reason) in aliases {
        entity.aliases.push(alias.into());
        entity.links.push(Link {
            alias: alias.into(),
            reason,
        });
    }
    entity
}

fn place(name: &str, kind: PlaceKind, aliases: &[(&str, LinkReason)]) -> Entity {
    Entity {
        place_kind: Some(kind),
        ..entity(name, EntityKind::Place, aliases)
    }
}

const FIRST: &str = "US Secretary of State John Kerry met Sergei Lavrov in Moscow on Thursday. \
Mr Kerry discussed Syria. Lavrov said \"the talks were useful\". Kerry will visit Kiev next month. \
The Russian Foreign Ministry welcomed the talks.";

const SECOND: &str = "Sergey Lavrov reportedly called Kerry on Friday. \
Lavrov did not meet Kerry. The Foreign Ministry said Lavrov was in Kiev.";

/// A small graph with every entity and relation type, every status, dates resolved (to a day,
/// to a month) and not, and merges for every reason; made without the extractor.
fn golden_graph() -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();

    let doc = Document {
        title: Some("Kerry in Moscow".into()),
        ..Document::new("golden-1.txt", FIRST)
    };
    let mut kerry = entity(
        "John Kerry",
        EntityKind::Person,
        &[
            ("Mr Kerry", LinkReason::Title),
            ("Kerry", LinkReason::Surname),
        ],
    );
    kerry.roles = vec![Role {
        title: "Secretary of State".into(),
        of: Some("United States".into()),
    }];
    let entities = vec![
        kerry,
        entity(
            "Sergei Lavrov",
            EntityKind::Person,
            &[("Lavrov", LinkReason::Surname)],
        ),
        place("Moscow", PlaceKind::City, &[]),
        entity("Syria", EntityKind::Topic, &[]),
        entity("the talks were useful", EntityKind::Quote, &[]),
        place("Kyiv", PlaceKind::City, &[("Kiev", LinkReason::KnownName)]),
        place("United States", PlaceKind::Country, &[]),
        Entity {
            // A form the document used for it, with no rule named for the link.
            aliases: vec!["Foreign Ministry".into()],
            ..Entity::new("Russian Foreign Ministry", EntityKind::Organization)
        },
    ];
    let rel = |kind, source, target, at: &str, rule| {
        Relation::new(kind, source, Some(target), sentence(FIRST, at), rule)
    };
    let mut met = rel(RelationKind::Met, 0, 1, "US Secretary", Rule::Meet);
    met.place = Some(2);
    met.topics = vec![3];
    met.date = Some(DateRef::new(
        "on Thursday",
        Some(DateRange::day(Date::constant(2016, 3, 24))),
    ));
    let mut visit = rel(RelationKind::Visited, 0, 5, "Kerry will", Rule::GoTo);
    visit.status = Status::Planned;
    visit.date = Some(DateRef::new(
        "next month",
        Some(DateRange::new(
            Date::constant(2016, 4, 1),
            Date::constant(2016, 4, 30),
            Precision::Month,
        )),
    ));
    let mut role = rel(RelationKind::HoldsRole, 0, 6, "US Secretary", Rule::Title);
    role.role = Some("Secretary of State".into());
    // Undated, so merged before the dated second document (the merge takes the undated
    // first, then by day): its names are the ones the second document's forms join.
    let ex = Extraction {
        doc: doc.id.clone(),
        entities,
        relations: vec![
            met,
            rel(RelationKind::Discussed, 0, 3, "Mr Kerry", Rule::Discuss),
            rel(RelationKind::Said, 1, 4, "Lavrov said", Rule::Quote),
            visit,
            role,
        ],
        ..Extraction::default()
    };
    graph.add(&doc, &ex);

    let doc = Document::new("golden-2.txt", SECOND);
    let entities = vec![
        // Spelling: the same person once transliteration is folded.
        entity("Sergey Lavrov", EntityKind::Person, &[]),
        // Surname: the only person in the graph called Kerry.
        entity("Kerry", EntityKind::Person, &[]),
        // Alias: the first document used this name for the Russian Foreign Ministry.
        entity("Foreign Ministry", EntityKind::Organization, &[]),
        // The first document's rule already took Kiev for Kyiv: no second merge is logged.
        place("Kiev", PlaceKind::City, &[]),
    ];
    let rel = |kind, source, target, at: &str, rule| {
        Relation::new(kind, source, Some(target), sentence(SECOND, at), rule)
    };
    let mut called = rel(RelationKind::Called, 0, 1, "Sergey", Rule::Phone);
    called.status = Status::Reported;
    called.date = Some(DateRef::new("on Friday", None));
    let mut not_met = rel(RelationKind::Met, 0, 1, "Lavrov did", Rule::Meet);
    not_met.status = Status::Denied;
    let mut was_in = rel(RelationKind::Visited, 0, 3, "The Foreign", Rule::BeIn);
    was_in.status = Status::Reported;
    was_in.confidence = 0.25;
    let ex = Extraction {
        doc: doc.id.clone(),
        date: Some(Date::constant(2016, 3, 25)),
        entities,
        relations: vec![called, not_met, was_in],
        ..Extraction::default()
    };
    graph.add(&doc, &ex);
    graph
}

fn golden_bytes() -> Vec<u8> {
    std::fs::read(golden_path(FORMAT_VERSION)).unwrap_or_else(|err| {
        panic!(
            "no golden file for format version {FORMAT_VERSION} ({err}): if FORMAT_VERSION was \
             just bumped, write it with BLESS=1 cargo test --test kg graph::file"
        )
    })
}

fn who(graph: &KnowledgeGraph, question: &str) -> Vec<String> {
    let query = kg::query::parse(question).expect("the question parses");
    let answer = kg::query::run(graph, &query)
        .expect("the question runs")
        .resolved(graph);
    answer
        .rows
        .iter()
        .map(|r| match &r.cells[0] {
            kg::query::Value::Entity { name, .. } => name.clone(),
            other => format!("{other:?}"),
        })
        .collect()
}

#[test]
fn the_golden_graph_has_what_it_is_meant_to_cover() {
    let graph = golden_graph();
    let reasons: Vec<MergeReason> = graph.merges().iter().map(|m| m.reason).collect();
    for reason in [
        MergeReason::Alias,
        MergeReason::Spelling,
        MergeReason::Surname,
        MergeReason::Within(LinkReason::Title),
    ] {
        assert!(reasons.contains(&reason), "{reason:?} missing: {reasons:?}");
    }
    let stats = graph.stats();
    assert_eq!(
        stats.nodes_by_kind.len(),
        EntityKind::ALL.len(),
        "{stats:?}"
    );
    assert_eq!(
        stats.edges_by_kind.len(),
        RelationKind::ALL.len(),
        "{stats:?}"
    );
}

#[test]
fn the_golden_file_is_what_this_version_writes() {
    let fresh = golden_graph().to_bytes();
    if std::env::var_os("BLESS").is_some() {
        std::fs::create_dir_all(data()).expect("make tests/data/graph");
        std::fs::write(golden_path(FORMAT_VERSION), &fresh).expect("write the golden file");
        return;
    }
    let golden = golden_bytes();
    if fresh == golden {
        return;
    }
    // The golden file read back and saved again tells a new layout from a new graph.
    match KnowledgeGraph::from_bytes(&golden).map(|g| g.to_bytes()) {
        Ok(again) if again == golden => panic!(
            "the golden graph changed, not the file layout (graph building or the extractions \
             in this test changed): check the change, then re-bless the golden file (BLESS=1 \
             cargo test --test kg graph::file)"
        ),
        _ => panic!(
            "the graph file layout changed: bump FORMAT_VERSION and re-bless the golden file \
             (BLESS=1 cargo test --test kg graph::file)"
        ),
    }
}

#[test]
fn the_golden_file_loads_and_answers_questions() {
    let graph = KnowledgeGraph::from_bytes(&golden_bytes()).expect("the golden file loads");
    assert_eq!(who(&graph, "who met Kerry about Syria"), ["Sergei Lavrov"]);
    assert_eq!(who(&graph, "who did Lavrov call"), ["John Kerry"]);
    assert_eq!(who(&graph, "where did Kerry go"), ["Kyiv"]);
    assert_eq!(
        who(&graph, "who visited Kiev"),
        ["John Kerry", "Sergei Lavrov"]
    );
    assert_eq!(graph.stats(), golden_graph().stats());
    assert_eq!(graph.merges(), golden_graph().merges());
}

#[test]
fn golden_files_of_other_versions_are_refused_with_the_rebuild_message() {
    let mut others: Vec<(u16, PathBuf)> = std::fs::read_dir(data())
        .expect("tests/data/graph exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?;
            let version = name.strip_prefix("golden-v")?.strip_suffix(".kg")?;
            Some((version.parse().ok()?, p))
        })
        .filter(|(version, _)| *version != FORMAT_VERSION)
        .collect();
    // Version 1 was the postcard encoding of the in-memory types, written by kg before this
    // format; its file is kept as it was written.
    others.push((1, data().join("old-v1.kg")));
    for (version, path) in others {
        let bytes = std::fs::read(&path).expect("an old graph file");
        match KnowledgeGraph::from_bytes(&bytes) {
            Err(err @ GraphFileError::Version { found, .. }) if found == version => {
                assert_eq!(
                    err.to_string(),
                    format!(
                        "graph file format version {version} is not supported (this kg reads \
                         version {FORMAT_VERSION}); rebuild it with `kg build`"
                    )
                );
            }
            other => panic!("{}: {other:?}", path.display()),
        }
    }
}

#[test]
fn the_header_is_as_documented() {
    let bytes = golden_bytes();
    let u64_at = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().expect("eight bytes"));
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four bytes"));
    assert_eq!(&bytes[..8], b"KGRAPH\n\0");
    assert_eq!(u16::from_le_bytes([bytes[8], bytes[9]]), FORMAT_VERSION);
    // Three sections (corrections, records, merged graph): each one's length and CRC-32.
    let header = 10 + 3 * 12 + 4;
    let mut at = header;
    for section in 0..3 {
        let len = u64_at(10 + 12 * section) as usize;
        assert_eq!(
            u32_at(18 + 12 * section),
            crc32fast::hash(&bytes[at..at + len]),
            "section {section}"
        );
        at += len;
    }
    assert_eq!(at, bytes.len());
    assert_eq!(u32_at(46), crc32fast::hash(&bytes[..46]));
}

#[test]
fn every_single_byte_flip_is_refused() {
    let bytes = golden_bytes();
    for at in 0..bytes.len() {
        for mask in [0x01, 0x10, 0x80, 0xff] {
            let mut damaged = bytes.clone();
            damaged[at] ^= mask;
            match KnowledgeGraph::from_bytes(&damaged) {
                Ok(_) => panic!("byte {at} ^ {mask:#04x} loaded"),
                Err(GraphFileError::NotAGraph) => assert!(at < 8, "byte {at}"),
                Err(GraphFileError::Version { .. }) => assert!((8..10).contains(&at), "byte {at}"),
                Err(err) => {
                    assert!(at >= 10, "byte {at}: {err}");
                    assert!(
                        err.to_string().starts_with("graph file is damaged: "),
                        "{err}"
                    );
                }
            }
        }
    }
}

#[test]
fn every_truncation_is_refused() {
    let bytes = golden_bytes();
    for len in 0..bytes.len() {
        let message = KnowledgeGraph::from_bytes(&bytes[..len])
            .err()
            .map(|err| err.to_string())
            .unwrap_or_else(|| panic!("{len} bytes loaded"));
        if len < 8 {
            assert!(
                message.starts_with("not a kg graph file"),
                "{len}: {message}"
            );
        } else {
            assert_eq!(message, "graph file is damaged: truncated", "{len}");
        }
    }
}

#[test]
fn bytes_after_the_end_are_refused() {
    let bytes = golden_bytes();
    for extra in [&b"\0"[..], b"\n", b"more text\n", &bytes] {
        let mut longer = bytes.clone();
        longer.extend_from_slice(extra);
        let message = KnowledgeGraph::from_bytes(&longer)
            .err()
            .map(|err| err.to_string());
        let s = if extra.len() == 1 { "" } else { "s" };
        assert_eq!(
            message,
            Some(format!(
                "graph file is damaged: {} unexpected byte{s} after the end",
                extra.len()
            ))
        );
    }
}

#[test]
fn the_same_graph_always_gives_the_same_bytes() {
    let bytes = golden_graph().to_bytes();
    assert_eq!(golden_graph().to_bytes(), bytes);
    let loaded = KnowledgeGraph::from_bytes(&bytes).expect("loads");
    assert_eq!(loaded.to_bytes(), bytes);
}
