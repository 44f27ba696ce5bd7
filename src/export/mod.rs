//! Exports: the graph, or the part of it an answer touches, in the formats other tools read
//! (Graphviz DOT, the contract's JSON, GraphML, Neo4j bulk-import CSV with Cypher scripts,
//! RDF as N-Triples or Turtle); and one document's extraction as a JSON line.
//!
//! Every graph format walks the same [`View`]: the chosen nodes and edges in graph order, with
//! dense ids (`n0`, `n1`, ... and `e0`, `e1`, ...), so that the same graph always exports to the
//! same bytes and the ids of one format match those of another. [`render`] is the one entry
//! point; it returns text and leaves writing it to the caller, so that this module does no I/O.

mod dot;
mod graphml;
mod json;
mod neo4j;
mod rdf;

pub use dot::to_dot;
pub use json::{extraction_to_json, to_json};

use std::fmt;
use std::str::FromStr;

use std::collections::{BTreeSet, HashMap};

use crate::graph::{Edge, EdgeId, KnowledgeGraph, Node, NodeId};
use crate::model::Status;

/// A part of the graph to export: these nodes and these edges.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Nodes to draw.
    pub nodes: BTreeSet<NodeId>,
    /// Edges to draw (their ends are drawn too).
    pub edges: BTreeSet<EdgeId>,
}

/// What an export writes: nodes and edges in graph order, numbered densely.
struct View<'g> {
    graph: &'g KnowledgeGraph,
    nodes: Vec<(NodeId, &'g Node)>,
    edges: Vec<(NodeId, NodeId, &'g Edge)>,
    /// Graph node id -> position in `nodes`.
    dense: HashMap<NodeId, usize>,
    /// True when this is a selection (an answer), not the whole graph.
    selected: bool,
}

impl<'g> View<'g> {
    /// The whole graph, or the selected nodes and edges plus the ends of those edges. Ids in the
    /// selection that the graph does not hold are ignored.
    fn new(graph: &'g KnowledgeGraph, selection: Option<&Selection>) -> View<'g> {
        let edges: Vec<(NodeId, NodeId, &Edge)> = graph
            .edges()
            .filter(|(id, ..)| selection.is_none_or(|s| s.edges.contains(id)))
            .map(|(_, source, target, edge)| (source, target, edge))
            .collect();
        let ends: BTreeSet<NodeId> = edges.iter().flat_map(|&(s, t, _)| [s, t]).collect();
        let nodes: Vec<(NodeId, &Node)> = graph
            .nodes()
            .filter(|(id, _)| selection.is_none_or(|s| s.nodes.contains(id)) || ends.contains(id))
            .collect();
        let dense = nodes
            .iter()
            .enumerate()
            .map(|(i, &(id, _))| (id, i))
            .collect();
        View {
            graph,
            nodes,
            edges,
            dense,
            selected: selection.is_some(),
        }
    }

    /// The export id of a node in the view.
    fn node_id(&self, id: NodeId) -> String {
        // Every edge end is in the view by construction.
        format!("n{}", self.dense[&id])
    }

    /// The id of the document an evidence sentence came from.
    fn doc_name(&self, doc: u32) -> &'g str {
        self.graph
            .docs()
            .get(doc as usize)
            .map_or("", |d| d.id.as_str())
    }
}

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Graphviz DOT, styled by type, with a legend.
    Dot,
    /// The contract's JSON (`../shared/docs/contract.md`), described by `data/schema/graph.schema.json`.
    Json,
    /// GraphML with typed keys, for networkx, Gephi, yEd.
    Graphml,
    /// A folder: Neo4j bulk-import `nodes.csv` and `relationships.csv`, plus Cypher scripts for
    /// Neo4j (`neo4j.cypher`) and for embedded Kuzu-family databases (`ladybug.cypher`).
    Csv,
    /// RDF as N-Triples.
    NTriples,
    /// RDF as Turtle.
    Turtle,
}

impl Format {
    /// Every format, in the order help texts list them.
    pub const ALL: [Format; 6] = [
        Format::Dot,
        Format::Json,
        Format::Graphml,
        Format::Csv,
        Format::NTriples,
        Format::Turtle,
    ];

    /// The name the command line and the shell use.
    pub const fn name(self) -> &'static str {
        match self {
            Format::Dot => "dot",
            Format::Json => "json",
            Format::Graphml => "graphml",
            Format::Csv => "csv",
            Format::NTriples => "ntriples",
            Format::Turtle => "turtle",
        }
    }

    /// True when the export is a folder of files rather than one file.
    pub const fn is_folder(self) -> bool {
        matches!(self, Format::Csv)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that is not one of [`Format::ALL`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown export format `{0}`; expected one of dot, json, graphml, csv, ntriples, turtle")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    /// A format's name, or a usual file extension for it (`nt`, `ttl`, `neo4j`).
    fn from_str(text: &str) -> Result<Format, UnknownFormat> {
        let folded = text.trim().to_ascii_lowercase();
        Ok(match folded.as_str() {
            "dot" | "gv" | "graphviz" => Format::Dot,
            "json" => Format::Json,
            "graphml" => Format::Graphml,
            "csv" | "neo4j" => Format::Csv,
            "ntriples" | "n-triples" | "nt" => Format::NTriples,
            "turtle" | "ttl" => Format::Turtle,
            _ => return Err(UnknownFormat(text.to_string())),
        })
    }
}

/// Which way a DOT drawing runs (Graphviz `rankdir`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// Left to right: wide drawings whose labels read along the edges.
    #[default]
    LeftRight,
    /// Top to bottom.
    TopBottom,
    /// Right to left.
    RightLeft,
    /// Bottom to top.
    BottomTop,
}

impl Layout {
    /// Graphviz's name for it.
    pub const fn rankdir(self) -> &'static str {
        match self {
            Layout::LeftRight => "LR",
            Layout::TopBottom => "TB",
            Layout::RightLeft => "RL",
            Layout::BottomTop => "BT",
        }
    }
}

/// A layout name that is not `LR`, `TB`, `RL` or `BT`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown layout `{0}`; expected LR, TB, RL or BT")]
pub struct UnknownLayout(pub String);

impl FromStr for Layout {
    type Err = UnknownLayout;

    fn from_str(text: &str) -> Result<Layout, UnknownLayout> {
        Ok(match text.trim().to_ascii_uppercase().as_str() {
            "LR" => Layout::LeftRight,
            "TB" => Layout::TopBottom,
            "RL" => Layout::RightLeft,
            "BT" => Layout::BottomTop,
            _ => return Err(UnknownLayout(text.to_string())),
        })
    }
}

/// Choices that only some formats use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// DOT: which way the drawing runs.
    pub layout: Layout,
}

/// What an export produced: one file's text, or the files of a folder (name, text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    /// One file.
    File(String),
    /// Several files that belong in one folder, named.
    Folder(Vec<(&'static str, String)>),
}

/// Exports the graph, or a selection of it, in a format.
pub fn render(
    graph: &KnowledgeGraph,
    selection: Option<&Selection>,
    format: Format,
    options: &Options,
) -> Output {
    let view = View::new(graph, selection);
    match format {
        Format::Dot => Output::File(dot::write(&view, options.layout)),
        Format::Json => Output::File(json::write(&view)),
        Format::Graphml => Output::File(graphml::write(&view)),
        Format::Csv => Output::Folder(neo4j::write(&view)),
        Format::NTriples => Output::File(rdf::write(&view, rdf::Syntax::NTriples)),
        Format::Turtle => Output::File(rdf::write(&view, rdf::Syntax::Turtle)),
    }
}

/// The topics named by the sentences of an edge that do not deny it, sorted: what a reader of a
/// flat export filters on ("met about Syria"), matching how `kg query` reads evidence.
fn affirmed_topics(edge: &Edge) -> BTreeSet<&str> {
    edge.evidence
        .iter()
        .filter(|e| !e.status.is_denied())
        .flat_map(|e| e.topics.iter().map(String::as_str))
        .collect()
}

/// The first sentence's date, place and role that an edge names: what stands for the edge in
/// formats with one value per edge. Every sentence keeps its own in the evidence.
fn first_date(edge: &Edge) -> Option<String> {
    edge.evidence
        .iter()
        .find_map(|e| e.date.as_ref().map(|d| d.iso()))
}

fn first_place(edge: &Edge) -> Option<&str> {
    edge.evidence.iter().find_map(|e| e.place.as_deref())
}

fn first_role(edge: &Edge) -> Option<&str> {
    edge.evidence.iter().find_map(|e| e.role.as_deref())
}

/// How sure the graph is that an edge's event took place: happened when any sentence says so,
/// else what the first sentence that does not deny it says, else (every sentence denies it)
/// denied.
fn edge_status(edge: &Edge) -> Status {
    let affirmed = || edge.evidence.iter().filter(|e| !e.status.is_denied());
    if affirmed().any(|e| e.status == Status::Happened) {
        return Status::Happened;
    }
    match affirmed().next() {
        Some(e) => e.status,
        None if edge.evidence.is_empty() => Status::Happened,
        None => Status::Denied,
    }
}

/// True when every sentence behind the edge denies it ("did not meet").
fn edge_negated(edge: &Edge) -> bool {
    edge_status(edge) == Status::Denied
}

/// A confidence rounded to three places, so that `0.8f32` prints as `0.8`, not `0.800000011920929`.
fn round_confidence(confidence: f32) -> f64 {
    (f64::from(confidence) * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Date, DateRange, DateRef, Entity, EntityKind, Extraction, Mention, MentionForm, PlaceKind,
        Relation, RelationKind, Role, Rule,
    };
    use crate::text::{Document, Span};

    const TEXT: &str = "Kerry met Lavrov in Moscow. Lavrov said \"no\".";

    fn entity(name: &str, kind: EntityKind) -> Entity {
        Entity {
            place_kind: (kind == EntityKind::Place).then_some(PlaceKind::City),
            ..Entity::new(name, kind)
        }
    }

    fn relation(kind: RelationKind, source: usize, target: usize, sentence: Span) -> Relation {
        Relation::new(kind, source, Some(target), sentence, Rule::MeetingWith)
    }

    /// Kerry met Lavrov in Moscow; Lavrov said "no".
    fn graph() -> (Document, Extraction, KnowledgeGraph) {
        let doc = Document::new("d1.txt", TEXT);
        let mut kerry = entity("John Kerry", EntityKind::Person);
        kerry.aliases.push("Kerry".into());
        kerry.roles.push(Role {
            title: "Secretary of State".into(),
            of: Some("United States".into()),
        });
        let first = Span::new(0, 27);
        let mut met = relation(RelationKind::Met, 0, 1, first);
        met.place = Some(2);
        met.date = Some(DateRef::new(
            "on Thursday",
            Some(DateRange::day(Date::constant(2016, 3, 24))),
        ));
        let ex = Extraction {
            doc: doc.id.clone(),
            entities: vec![
                kerry,
                entity("Sergei Lavrov", EntityKind::Person),
                entity("Moscow", EntityKind::Place),
                entity("no", EntityKind::Quote),
                entity("Russia", EntityKind::Place),
            ],
            mentions: vec![
                Mention {
                    span: Span::new(0, 5),
                    entity: 0,
                    form: MentionForm::Name,
                },
                Mention {
                    span: Span::new(20, 26),
                    entity: 2,
                    form: MentionForm::Name,
                },
            ],
            relations: vec![
                met,
                relation(RelationKind::Said, 1, 3, Span::new(28, 45)),
                Relation {
                    target: None,
                    role: Some("Spokesman".into()),
                    ..relation(RelationKind::HoldsRole, 1, 0, first)
                },
            ],
            ..Extraction::default()
        };
        let mut graph = KnowledgeGraph::new();
        graph.add(&doc, &ex);
        (doc, ex, graph)
    }

    #[test]
    fn json_has_the_contract_shape() {
        let (_, _, graph) = graph();
        let json: serde_json::Value =
            serde_json::from_str(&to_json(&graph, None)).expect("valid JSON");
        let kerry = &json["nodes"][0];
        assert_eq!(kerry["id"], "n0");
        assert_eq!(kerry["type"], "Person");
        assert_eq!(kerry["name"], "John Kerry");
        assert_eq!(kerry["aliases"], serde_json::json!(["Kerry"]));
        assert_eq!(
            kerry["attributes"],
            serde_json::json!({"roles": ["Secretary of State of United States"], "mentions": 1, "docs": 1})
        );
        assert_eq!(
            json["nodes"][2]["attributes"],
            serde_json::json!({"kind": "city", "mentions": 1, "docs": 1})
        );
        let met = &json["edges"][0];
        assert_eq!(
            *met,
            serde_json::json!({
                "id": "e0", "type": "MET", "source": "n0", "target": "n1",
                "attributes": {"topics": [], "date": "2016-03-24", "place": "Moscow",
                               "status": "happened", "negated": false, "confidence": 0.8,
                               "docs": 1},
                "evidence": [{"doc": "d1.txt", "start": 0, "end": 27,
                              "sentence": "Kerry met Lavrov in Moscow.", "rule": "meeting_with",
                              "confidence": 0.8, "status": "happened", "negated": false,
                              "date": "2016-03-24"}]
            })
        );
        assert_eq!(json["edges"].as_array().map(Vec::len), Some(2));
    }

    #[test]
    fn a_selection_keeps_its_nodes_and_the_ends_of_its_edges() {
        let (_, _, graph) = graph();
        let said = graph
            .edges()
            .find(|(.., e)| e.kind == RelationKind::Said)
            .map(|(id, ..)| id)
            .expect("a SAID edge");
        let moscow = graph
            .nodes()
            .find(|(_, n)| n.name == "Moscow")
            .map(|(id, _)| id)
            .expect("Moscow");
        let selection = Selection {
            nodes: [moscow].into(),
            edges: [said].into(),
        };
        let json: serde_json::Value =
            serde_json::from_str(&to_json(&graph, Some(&selection))).expect("valid JSON");
        let names: Vec<&str> = json["nodes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|n| n["name"].as_str())
            .collect();
        assert_eq!(names, ["Sergei Lavrov", "Moscow", "no"]);
        assert_eq!(json["edges"][0]["source"], "n0");
        assert_eq!(json["edges"][0]["target"], "n2");
        let dot = to_dot(&graph, Some(&selection));
        assert!(!dot.contains("John Kerry"), "{dot}");
        assert!(dot.contains("\"n0\" -> \"n2\""), "{dot}");
    }

    #[test]
    fn dot_styles_each_kind_and_carries_evidence() {
        let (_, _, graph) = graph();
        let dot = to_dot(&graph, None);
        assert!(dot.starts_with("digraph kg {\n"));
        assert!(
            dot.contains(r#""n0" [label="John Kerry", shape="ellipse""#),
            "{dot}"
        );
        assert!(
            dot.contains(r#""n2" [label="Moscow\n(city)", shape="hexagon""#),
            "{dot}"
        );
        assert!(
            dot.contains(
                r##"label="MET", color="#1e40af", fontcolor="#1e40af", style="bold", dir="none""##
            ),
            "{dot}"
        );
        assert!(
            dot.contains(r#"tooltip="d1.txt: Lavrov said \"no\".""#),
            "{dot}"
        );
        assert_eq!(dot, to_dot(&graph, None), "deterministic");
    }

    #[test]
    fn dot_boxes_entities_without_a_relation_and_says_why() {
        let (_, _, graph) = graph();
        let whole = to_dot(&graph, None);
        let unlinked = &whole[whole.find("subgraph cluster_unlinked").expect("a box")..];
        assert!(
            unlinked.contains("label=\"Named, in no relation\""),
            "{whole}"
        );
        assert!(unlinked.contains("label=\"Russia\\n(city)\""), "{whole}");
        assert!(!unlinked.contains("John Kerry"), "{whole}");
        let moscow = graph
            .nodes()
            .find(|(_, n)| n.name == "Moscow")
            .map(|(id, _)| id)
            .expect("Moscow");
        let selection = Selection {
            nodes: [moscow].into(),
            edges: BTreeSet::new(),
        };
        let answer = to_dot(&graph, Some(&selection));
        assert!(answer.contains("label=\"Also in the answer\""), "{answer}");
    }

    #[test]
    fn formats_parse_by_name_and_by_usual_extension() {
        for format in Format::ALL {
            assert_eq!(format.name().parse::<Format>(), Ok(format));
            assert_eq!(format.to_string(), format.name());
        }
        assert_eq!("TTL".parse::<Format>(), Ok(Format::Turtle));
        assert_eq!("nt".parse::<Format>(), Ok(Format::NTriples));
        assert_eq!("neo4j".parse::<Format>(), Ok(Format::Csv));
        assert_eq!(
            "svg".parse::<Format>().map_err(|e| e.to_string()),
            Err(
                "unknown export format `svg`; expected one of dot, json, graphml, csv, \
                 ntriples, turtle"
                    .to_string()
            )
        );
        assert_eq!("tb".parse::<Layout>(), Ok(Layout::TopBottom));
        assert!("up".parse::<Layout>().is_err());
    }

    #[test]
    fn only_csv_is_a_folder_and_every_format_is_deterministic() {
        let (_, _, graph) = graph();
        for format in Format::ALL {
            let once = render(&graph, None, format, &Options::default());
            assert_eq!(
                once,
                render(&graph, None, format, &Options::default()),
                "{format}"
            );
            match once {
                Output::File(text) => {
                    assert!(!format.is_folder());
                    assert!(text.contains("Lavrov"), "{format}: {text}");
                }
                Output::Folder(files) => {
                    assert!(format.is_folder());
                    let names: Vec<&str> = files.iter().map(|(name, _)| *name).collect();
                    assert_eq!(
                        names,
                        [
                            "nodes.csv",
                            "relationships.csv",
                            "neo4j.cypher",
                            "ladybug.cypher"
                        ]
                    );
                }
            }
        }
    }

    #[test]
    fn neo4j_script_loads_each_relation_type_the_export_holds() {
        let (_, _, graph) = graph();
        let Output::Folder(files) = render(&graph, None, Format::Csv, &Options::default()) else {
            panic!("a folder");
        };
        let script = &files[2].1;
        assert!(script.contains("CREATE (a)-[:MET {"), "{script}");
        assert!(script.contains("CREATE (a)-[:SAID {"), "{script}");
        assert!(!script.contains("[:VISITED"), "{script}");
        assert!(script.contains("CREATE (:Entity:Person {"), "{script}");
    }

    #[test]
    fn extraction_lines_name_entities_and_use_the_role_without_a_target() {
        let (doc, mut ex, _) = graph();
        ex.mentions[1].form = MentionForm::Demonym;
        let line = extraction_to_json(&doc, &ex);
        assert!(!line.contains('\n'));
        let json: serde_json::Value = serde_json::from_str(&line).expect("valid JSON");
        assert_eq!(
            json["mentions"],
            serde_json::json!([
                {"start": 0, "end": 5, "text": "Kerry", "type": "Person", "entity": "John Kerry"},
                {"start": 20, "end": 26, "text": "Moscow", "type": "Demonym", "entity": "Moscow"}
            ])
        );
        assert_eq!(json["relations"][0]["source"], "John Kerry");
        assert_eq!(json["relations"][0]["target"], "Sergei Lavrov");
        assert_eq!(json["relations"][0]["attributes"]["place"], "Moscow");
        assert_eq!(json["relations"][0]["sentence"], serde_json::json!([0, 27]));
        assert_eq!(json["relations"][2]["type"], "HOLDS_ROLE");
        assert_eq!(json["relations"][2]["target"], "Spokesman");
        assert_eq!(json["relations"][2]["attributes"]["role"], "Spokesman");
    }
}
