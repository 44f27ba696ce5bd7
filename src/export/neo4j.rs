//! Neo4j bulk-import CSV: `nodes.csv` and `relationships.csv` with the headers `neo4j-admin
//! database import` reads (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`, typed columns such
//! as `mentions:int` and `aliases:string[]`), and two Cypher scripts that load the same files:
//! `neo4j.cypher` (LOAD CSV, for a running Neo4j) and `ladybug.cypher` (COPY, for the embedded
//! Kuzu-family databases Ladybug and Kuzu, which have tables instead of labels).
//!
//! Every node has the label `Entity` and its type (`Entity;Person`), so one query text,
//! `MATCH (a:Entity)-[m:MET]-(b:Entity)`, runs on both databases. Relationships carry the edge's
//! values: `topics` are those of the sentences that do not deny the event, `date`, `place` and
//! `role` the first sentence's that names one (and `day`, typed, when that date is one day), `sentence` the first sentence. Arrays use `;`
//! between items, Neo4j's default; a `;` inside an item becomes `,`, and a line break in any cell
//! a space.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::{
    View, affirmed_topics, edge_negated, edge_status, first_date, first_place, first_role,
    round_confidence,
};
use crate::model::RelationKind;

/// The separator of array items in a cell.
const ARRAY_DELIMITER: char = ';';

const NODE_HEADER: [&str; 9] = [
    "id:ID",
    ":LABEL",
    "name",
    "type",
    "kind",
    "aliases:string[]",
    "roles:string[]",
    "mentions:int",
    "docs:int",
];

const RELATIONSHIP_HEADER: [&str; 14] = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "topics:string[]",
    "date",
    "day:date",
    "place",
    "role",
    "status",
    "negated:boolean",
    "confidence:float",
    "docs:int",
    "sources:string[]",
    "sentence",
];

/// The view as the files of an import folder: the two CSV files and the two scripts.
pub(super) fn write(view: &View<'_>) -> Vec<(&'static str, String)> {
    let mut nodes = ::csv::Writer::from_writer(Vec::new());
    row(&mut nodes, NODE_HEADER);
    for &(id, node) in &view.nodes {
        let roles: Vec<String> = node.roles.iter().map(ToString::to_string).collect();
        row(
            &mut nodes,
            [
                &view.node_id(id),
                &format!("Entity{ARRAY_DELIMITER}{}", node.kind.as_str()),
                &node.name,
                node.kind.as_str(),
                node.place_kind.map_or("", |k| k.as_str()),
                &array(node.aliases.iter()),
                &array(roles.iter()),
                &node.mentions.to_string(),
                &node.docs.len().to_string(),
            ],
        );
    }
    let mut relationships = ::csv::Writer::from_writer(Vec::new());
    row(&mut relationships, RELATIONSHIP_HEADER);
    for &(source, target, edge) in &view.edges {
        let sources: BTreeSet<&str> = edge.evidence.iter().map(|e| view.doc_name(e.doc)).collect();
        row(
            &mut relationships,
            [
                &view.node_id(source),
                &view.node_id(target),
                edge.kind.as_str(),
                &array(affirmed_topics(edge).iter()),
                &first_date(edge).unwrap_or_default(),
                &first_day(edge).unwrap_or_default(),
                first_place(edge).unwrap_or_default(),
                first_role(edge).unwrap_or_default(),
                edge_status(edge).as_str(),
                if edge_negated(edge) { "true" } else { "false" },
                &round_confidence(edge.confidence()).to_string(),
                &edge.doc_count().to_string(),
                &array(sources.iter()),
                edge.evidence.first().map_or("", |e| &*e.sentence),
            ],
        );
    }
    let relations: BTreeSet<RelationKind> = view.edges.iter().map(|(.., e)| e.kind).collect();
    vec![
        ("nodes.csv", finish(nodes)),
        ("relationships.csv", finish(relationships)),
        ("neo4j.cypher", neo4j_script(&relations)),
        ("ladybug.cypher", ladybug_script()),
    ]
}

/// The first date an edge's sentences give, when it is one whole day (`2016-03-24`): what a
/// `date` column can hold. A span or unresolved words stay in the `date` column only.
fn first_day(edge: &crate::graph::Edge) -> Option<String> {
    first_date(edge).filter(|date| date.parse::<jiff::civil::Date>().is_ok() && date.len() == 10)
}

/// Writes one record. Line breaks inside a cell become spaces: quoted line breaks are valid CSV,
/// but `neo4j-admin` refuses them unless told `--multiline-fields` and Ladybug's parallel reader
/// refuses them outright. Writing to memory cannot fail.
fn row<const N: usize>(writer: &mut ::csv::Writer<Vec<u8>>, cells: [&str; N]) {
    writer
        .write_record(cells.map(one_line))
        .expect("writing CSV to memory cannot fail");
}

fn one_line(cell: &str) -> String {
    cell.replace(['\n', '\r'], " ")
}

fn finish(writer: ::csv::Writer<Vec<u8>>) -> String {
    let bytes = writer
        .into_inner()
        .expect("writing CSV to memory cannot fail");
    String::from_utf8(bytes).expect("the CSV writer was given only text")
}

/// Items joined by the array delimiter; a delimiter inside an item becomes a comma.
fn array<'a>(items: impl Iterator<Item = &'a (impl AsRef<str> + 'a + ?Sized)>) -> String {
    let items: Vec<String> = items
        .map(|item| item.as_ref().replace(ARRAY_DELIMITER, ","))
        .collect();
    items.join(&ARRAY_DELIMITER.to_string())
}

/// The node properties, as (CSV column, property name, Cypher expression over `row`) for LOAD CSV.
fn neo4j_node_properties() -> String {
    [
        "id: row.`id:ID`",
        "name: row.name",
        "type: row.type",
        "kind: row.kind",
        "aliases: coalesce(split(row.`aliases:string[]`, ';'), [])",
        "roles: coalesce(split(row.`roles:string[]`, ';'), [])",
        "mentions: toInteger(row.`mentions:int`)",
        "docs: toInteger(row.`docs:int`)",
    ]
    .join(", ")
}

fn neo4j_relationship_properties() -> String {
    [
        "topics: coalesce(split(row.`topics:string[]`, ';'), [])",
        "date: row.date",
        "day: date(row.`day:date`)",
        "place: row.place",
        "role: row.role",
        "status: row.status",
        "negated: row.`negated:boolean` = 'true'",
        "confidence: toFloat(row.`confidence:float`)",
        "docs: toInteger(row.`docs:int`)",
        "sources: coalesce(split(row.`sources:string[]`, ';'), [])",
        "sentence: row.sentence",
    ]
    .join(", ")
}

/// The LOAD CSV script for Neo4j 5. Labels and relationship types cannot be parameters in plain
/// Cypher, so there is one statement per type the export holds.
fn neo4j_script(relations: &BTreeSet<RelationKind>) -> String {
    let mut out = String::from(
        "// Loads nodes.csv and relationships.csv into Neo4j 5 (LOAD CSV; no plugin needed).\n\
         // Put both files in the database's import folder, then:\n\
         //   cypher-shell -u neo4j -p PASSWORD -f neo4j.cypher\n\
         // For a new database, `neo4j-admin database import full --nodes=nodes.csv\n\
         // --relationships=relationships.csv` reads the same files without this script.\n\
         CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n",
    );
    let properties = neo4j_node_properties();
    for kind in crate::model::EntityKind::ALL {
        let kind = kind.as_str();
        let _ = writeln!(
            out,
            "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row\n\
             WITH row WHERE row.type = '{kind}'\n\
             CREATE (:Entity:{kind} {{{properties}}});"
        );
    }
    let properties = neo4j_relationship_properties();
    for relation in relations {
        let relation = relation.as_str();
        let _ = writeln!(
            out,
            "LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row\n\
             WITH row WHERE row.`:TYPE` = '{relation}'\n\
             MATCH (a:Entity {{id: row.`:START_ID`}}), (b:Entity {{id: row.`:END_ID`}})\n\
             CREATE (a)-[:{relation} {{{properties}}}]->(b);"
        );
    }
    out
}

/// A list column read from a CSV cell: empty is the empty list.
fn ladybug_list(column: &str) -> String {
    format!(
        "CASE WHEN {column} IS NULL OR {column} = '' THEN CAST([], 'STRING[]') \
         ELSE string_split({column}, ';') END"
    )
}

/// The script for Ladybug and Kuzu: a node table, a relationship table per relation type, and
/// COPY from the CSV files through `LOAD WITH HEADERS`, which names the columns itself (Ladybug
/// would otherwise read Neo4j's `aliases:string[]` as a column of its own list syntax).
fn ladybug_script() -> String {
    let mut out = String::from(
        "// Loads nodes.csv and relationships.csv into Ladybug or Kuzu (embedded Cypher databases).\n\
         // Run it from this folder, one statement a line, e.g. in Python:\n\
         //   conn = ladybug.Connection(ladybug.Database('kg.lbug'))\n\
         //   for s in open('ladybug.cypher'): s.startswith('//') or not s.strip() or conn.execute(s)\n\
         // Every node is in the table Entity (its type is the property `type`), so queries read\n\
         // MATCH (a:Entity)-[m:MET]-(b:Entity) as they do on Neo4j.\n\
         CREATE NODE TABLE Entity(id STRING, name STRING, type STRING, kind STRING, \
         aliases STRING[], roles STRING[], mentions INT64, docs INT64, PRIMARY KEY (id));\n",
    );
    for relation in RelationKind::ALL {
        let _ = writeln!(
            out,
            "CREATE REL TABLE {}(FROM Entity TO Entity, topics STRING[], date STRING, day DATE, \
             place STRING, role STRING, status STRING, negated BOOLEAN, confidence DOUBLE, \
             docs INT64, sources STRING[], sentence STRING);",
            relation.as_str()
        );
    }
    let _ = writeln!(
        out,
        "COPY Entity FROM (LOAD WITH HEADERS (id STRING, label STRING, name STRING, \
         type STRING, kind STRING, aliases STRING, roles STRING, mentions INT64, docs INT64) \
         FROM 'nodes.csv' (header = true) \
         RETURN id, name, type, kind, {}, {}, mentions, docs);",
        ladybug_list("aliases"),
        ladybug_list("roles"),
    );
    for relation in RelationKind::ALL {
        let _ = writeln!(
            out,
            "COPY {relation} FROM (LOAD WITH HEADERS (source STRING, target STRING, \
             type STRING, topics STRING, date STRING, day DATE, place STRING, role STRING, \
             status STRING, \
             negated BOOLEAN, confidence DOUBLE, docs INT64, sources STRING, sentence STRING) \
             FROM 'relationships.csv' (header = true) WHERE type = '{relation}' \
             RETURN source, target, {}, date, day, place, role, status, negated, confidence, docs, \
             {}, sentence);",
            ladybug_list("topics"),
            ladybug_list("sources"),
            relation = relation.as_str(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrays_join_with_semicolons_and_keep_none_inside_an_item() {
        assert_eq!(array(["a", "b;c"].iter()), "a;b,c");
        assert_eq!(array(Vec::<String>::new().iter()), "");
    }
}
