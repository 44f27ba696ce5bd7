//! GraphML, for networkx, Gephi, yEd and igraph: one `<node>` per entity and one `<edge>` per
//! relation, with typed keys.
//!
//! Scalars keep their GraphML types (`int`, `double`, `boolean`, `string`); lists (aliases, roles,
//! topics) and the evidence sentences are JSON strings, since GraphML has no list type and JSON is
//! what every reader can take apart. A key is written only for the values a node or edge has, so
//! a missing place stays missing instead of becoming an empty string. The name is also `label`,
//! the key Gephi and yEd show.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use serde::Serialize;

use super::json::EvidenceJson;
use super::{
    View, affirmed_topics, edge_negated, edge_status, first_date, first_place, first_role,
    round_confidence,
};

/// A GraphML `<key>`: its id, what it is on, its name and its type.
struct Key {
    id: &'static str,
    on: &'static str,
    name: &'static str,
    kind: &'static str,
}

const KEYS: &[Key] = &[
    key("label", "node", "label", "string"),
    key("type", "node", "type", "string"),
    key("kind", "node", "kind", "string"),
    key("aliases", "node", "aliases", "string"),
    key("roles", "node", "roles", "string"),
    key("mentions", "node", "mentions", "int"),
    key("docs", "node", "docs", "int"),
    key("etype", "edge", "type", "string"),
    key("topics", "edge", "topics", "string"),
    key("date", "edge", "date", "string"),
    key("place", "edge", "place", "string"),
    key("role", "edge", "role", "string"),
    key("status", "edge", "status", "string"),
    key("negated", "edge", "negated", "boolean"),
    key("confidence", "edge", "confidence", "double"),
    key("edocs", "edge", "docs", "int"),
    key("evidence", "edge", "evidence", "string"),
];

const fn key(id: &'static str, on: &'static str, name: &'static str, kind: &'static str) -> Key {
    Key { id, on, name, kind }
}

/// The view as GraphML.
pub(super) fn write(view: &View<'_>) -> String {
    let mut xml = Xml(Writer::new_with_indent(Vec::new(), b' ', 2));
    xml.0
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .expect("writing to memory cannot fail");
    xml.open(
        "graphml",
        &[
            ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://graphml.graphdrawing.org/xmlns \
                 http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
            ),
        ],
    );
    for key in KEYS {
        xml.empty(
            "key",
            &[
                ("id", key.id),
                ("for", key.on),
                ("attr.name", key.name),
                ("attr.type", key.kind),
            ],
        );
    }
    xml.open("graph", &[("id", "kg"), ("edgedefault", "directed")]);
    for &(id, node) in &view.nodes {
        xml.open("node", &[("id", &view.node_id(id))]);
        xml.data("label", &node.name);
        xml.data("type", node.kind.as_str());
        if let Some(kind) = node.place_kind {
            xml.data("kind", kind.as_str());
        }
        xml.data("aliases", &json(&node.aliases));
        let roles: Vec<String> = node.roles.iter().map(ToString::to_string).collect();
        xml.data("roles", &json(&roles));
        xml.data("mentions", &node.mentions.to_string());
        xml.data("docs", &node.docs.len().to_string());
        xml.close("node");
    }
    for (i, &(source, target, edge)) in view.edges.iter().enumerate() {
        xml.open(
            "edge",
            &[
                ("id", &format!("e{i}")),
                ("source", &view.node_id(source)),
                ("target", &view.node_id(target)),
            ],
        );
        xml.data("etype", edge.kind.as_str());
        xml.data("topics", &json(&affirmed_topics(edge)));
        if let Some(date) = first_date(edge) {
            xml.data("date", &date);
        }
        if let Some(place) = first_place(edge) {
            xml.data("place", place);
        }
        if let Some(role) = first_role(edge) {
            xml.data("role", role);
        }
        xml.data("status", edge_status(edge).as_str());
        xml.data("negated", if edge_negated(edge) { "true" } else { "false" });
        xml.data(
            "confidence",
            &round_confidence(edge.confidence()).to_string(),
        );
        xml.data("edocs", &edge.doc_count().to_string());
        let evidence: Vec<EvidenceJson> = edge
            .evidence
            .iter()
            .map(|e| EvidenceJson::new(view, e))
            .collect();
        xml.data("evidence", &json(&evidence));
        xml.close("edge");
    }
    xml.close("graph");
    xml.close("graphml");
    let mut out = String::from_utf8(xml.0.into_inner()).expect("the writer was given only text");
    out.push('\n');
    out
}

/// A value as compact JSON.
fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("lists of strings and plain structs serialize")
}

/// quick-xml's writer into memory, where writing cannot fail.
struct Xml(Writer<Vec<u8>>);

impl Xml {
    fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        let start = quick_xml::events::BytesStart::new(name)
            .with_attributes(attributes.iter().map(|&(k, v)| (k, v)));
        self.0
            .write_event(Event::Start(start))
            .expect("writing to memory cannot fail");
    }

    fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        let start = quick_xml::events::BytesStart::new(name)
            .with_attributes(attributes.iter().map(|&(k, v)| (k, v)));
        self.0
            .write_event(Event::Empty(start))
            .expect("writing to memory cannot fail");
    }

    fn close(&mut self, name: &str) {
        self.0
            .write_event(Event::End(quick_xml::events::BytesEnd::new(name)))
            .expect("writing to memory cannot fail");
    }

    /// A `<data>` element. quick-xml escapes markup; characters XML 1.0 does not allow at all
    /// (most control characters) become spaces first.
    fn data(&mut self, key: &str, value: &str) {
        self.0
            .create_element("data")
            .with_attribute(("key", key))
            .write_text_content(BytesText::new(&xml_chars(value)))
            .expect("writing to memory cannot fail");
    }
}

/// The text with every character XML 1.0 forbids replaced by a space.
fn xml_chars(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => ' ',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_become_spaces() {
        assert_eq!(xml_chars("a\u{0}b\u{b}c\td\n"), "a b c\td\n");
    }
}
