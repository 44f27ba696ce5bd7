//! Graphviz DOT, written by hand: petgraph's `Dot` is meant for debugging and neither escapes
//! labels fully nor styles by type.
//!
//! Every id and attribute value is a quoted string, so no name can break the syntax; a shape and
//! colour tell entity types apart, a colour and line style tell relations apart, and the evidence
//! sentence of an edge is its tooltip (shown on hover in SVG).

use std::collections::BTreeSet;
use std::fmt::Write;

use super::{Layout, Selection, View, affirmed_topics, edge_negated, edge_status};
use crate::graph::{Edge, KnowledgeGraph, Node, NodeId};
use crate::model::{EntityKind, RelationKind, Status};

/// Labels are wrapped at this many characters a line.
const WRAP: usize = 24;
/// A quote node shows at most this many characters of the quote.
const QUOTE_CHARS: usize = 120;
/// A tooltip shows at most this many characters of a sentence.
const TOOLTIP_CHARS: usize = 400;
/// A tooltip shows at most this many of an edge's sentences.
const TOOLTIP_SENTENCES: usize = 3;
/// An edge label names at most this many topics.
const LABEL_TOPICS: usize = 3;
/// Entities without a relation in the drawing are set out in rows of this many.
const UNLINKED_ROW: usize = 6;

/// The graph, or a selection of it, as Graphviz DOT, drawn left to right.
pub fn to_dot(graph: &KnowledgeGraph, selection: Option<&Selection>) -> String {
    write(&View::new(graph, selection), Layout::default())
}

/// The view as Graphviz DOT.
pub(super) fn write(view: &View<'_>, layout: Layout) -> String {
    let mut out = String::new();
    out.push_str("digraph kg {\n");
    let _ = writeln!(
        out,
        "  graph [rankdir={}, overlap=\"false\", nodesep=\"0.3\", ranksep=\"0.6\", \
         fontname=\"Helvetica\", tooltip=\"kg\"];",
        quote(layout.rankdir())
    );
    out.push_str(
        "  node [style=\"filled\", fontname=\"Helvetica\", fontsize=\"10\", penwidth=\"1.2\"];\n",
    );
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=\"8\"];\n");
    let linked: BTreeSet<NodeId> = view.edges.iter().flat_map(|&(s, t, _)| [s, t]).collect();
    let (linked, unlinked): (Vec<_>, Vec<_>) =
        view.nodes.iter().partition(|(id, _)| linked.contains(id));
    for &&(id, node) in &linked {
        write_node(&mut out, &view.node_id(id), node);
    }
    for &(source, target, edge) in &view.edges {
        let (source, target) = (view.node_id(source), view.node_id(target));
        write_edge(&mut out, view, &source, &target, edge);
    }
    write_unlinked(&mut out, view, &unlinked);
    write_legend(&mut out, view);
    out.push_str("}\n");
    out
}

/// How a node of a type is drawn: shape, style, fill and border colour.
fn node_style(kind: EntityKind) -> (&'static str, &'static str, &'static str, &'static str) {
    match kind {
        EntityKind::Person => ("ellipse", "filled", "#dbeafe", "#1e40af"),
        EntityKind::Organization => ("box", "filled,rounded", "#fef3c7", "#b45309"),
        EntityKind::Place => ("hexagon", "filled", "#dcfce7", "#15803d"),
        EntityKind::Topic => ("octagon", "filled", "#f3e8ff", "#7e22ce"),
        EntityKind::Quote => ("note", "filled", "#f3f4f6", "#4b5563"),
    }
}

/// How an edge of a relation is drawn: colour and line style.
fn edge_style(kind: RelationKind) -> (&'static str, &'static str) {
    match kind {
        RelationKind::Met => ("#1e40af", "bold"),
        RelationKind::Called => ("#0e7490", "dashed"),
        RelationKind::Visited => ("#15803d", "solid"),
        RelationKind::Discussed => ("#7e22ce", "dashed"),
        RelationKind::Said => ("#4b5563", "dotted"),
        RelationKind::HoldsRole => ("#b45309", "solid"),
    }
}

/// Which way an edge points, and its arrowhead: a meeting or a call has no direction; every
/// other relation reads from its agent.
fn edge_direction(kind: RelationKind) -> (&'static str, &'static str) {
    match kind {
        RelationKind::Met | RelationKind::Called => ("none", "normal"),
        RelationKind::HoldsRole => ("forward", "odiamond"),
        _ => ("forward", "normal"),
    }
}

fn write_node(out: &mut String, id: &str, node: &Node) {
    let (shape, style, fill, border) = node_style(node.kind);
    let mut label = match node.kind {
        EntityKind::Quote => wrap(&format!("“{}”", truncate(&node.name, QUOTE_CHARS)), WRAP),
        _ => wrap(&node.name, WRAP),
    };
    if let Some(kind) = node.place_kind {
        label.push(format!("({})", kind.as_str()));
    }
    let mut tooltip = vec![node.kind.as_str().to_string()];
    if !node.aliases.is_empty() {
        let aliases: Vec<&str> = node.aliases.iter().map(String::as_str).collect();
        tooltip.push(format!("also: {}", aliases.join(", ")));
    }
    tooltip.extend(node.roles.iter().map(ToString::to_string));
    let _ = writeln!(
        out,
        "  {} [label={}, shape={}, style={}, fillcolor={}, color={}, tooltip={}];",
        quote(id),
        quote_lines(&label),
        quote(shape),
        quote(style),
        quote(fill),
        quote(border),
        quote_lines(&tooltip),
    );
}

fn write_edge(out: &mut String, view: &View<'_>, source: &str, target: &str, edge: &Edge) {
    let (color, style) = edge_style(edge.kind);
    // A denied event keeps its relation's line style but fades, so it reads as "not so".
    let color = if edge_negated(edge) { "#9ca3af" } else { color };
    let mut label = vec![edge.kind.as_str().to_string()];
    if let Some(role) = edge.evidence.iter().find_map(|e| e.role.as_deref()) {
        label.extend(wrap(role, WRAP));
    }
    if matches!(edge.kind, RelationKind::Met | RelationKind::Called) {
        let topics: Vec<&str> = affirmed_topics(edge).into_iter().collect();
        if !topics.is_empty() {
            let mut about = topics[..topics.len().min(LABEL_TOPICS)].join(", ");
            if topics.len() > LABEL_TOPICS {
                about.push_str(", …");
            }
            label.extend(wrap(&format!("about {about}"), WRAP));
        }
    }
    if edge_negated(edge) {
        label.push("(denied)".to_string());
    } else if edge_status(edge) != Status::Happened {
        label.push(format!("({})", edge_status(edge).as_str()));
    }
    let mut tooltip: Vec<String> = edge
        .evidence
        .iter()
        .take(TOOLTIP_SENTENCES)
        .map(|e| {
            format!(
                "{}: {}",
                view.doc_name(e.doc),
                truncate(&e.sentence, TOOLTIP_CHARS)
            )
        })
        .collect();
    if edge.evidence.len() > TOOLTIP_SENTENCES {
        tooltip.push(format!(
            "(+{} more)",
            edge.evidence.len() - TOOLTIP_SENTENCES
        ));
    }
    let (dir, arrowhead) = edge_direction(edge.kind);
    let _ = writeln!(
        out,
        "  {} -> {} [label={}, color={}, fontcolor={}, style={}, dir={}, arrowhead={}, tooltip={}];",
        quote(source),
        quote(target),
        quote_lines(&label),
        quote(color),
        quote(color),
        quote(style),
        quote(dir),
        quote(arrowhead),
        quote_lines(&tooltip),
    );
}

/// Entities the drawing relates to nothing (in the whole graph: named in the articles, in no
/// relation; in an answer: a topic or place of a relation drawn), in a box of their own, set out in rows by invisible edges: one column of them would make the drawing many
/// times taller than wide.
fn write_unlinked(out: &mut String, view: &View<'_>, unlinked: &[&(NodeId, &Node)]) {
    if unlinked.is_empty() {
        return;
    }
    // In an answer they are answers reached another way: topics or places of the relations drawn.
    let label = if view.selected {
        "Also in the answer"
    } else {
        "Named, in no relation"
    };
    out.push_str("  subgraph cluster_unlinked {\n");
    let _ = writeln!(
        out,
        "    graph [label={label}, fontsize=\"10\", style=\"rounded\", color=\"#d1d5db\", \
         tooltip={label}];",
        label = quote(label)
    );
    for &&(id, node) in unlinked {
        out.push_str("  ");
        write_node(out, &view.node_id(id), node);
    }
    for row in unlinked.chunks(UNLINKED_ROW) {
        for pair in row.windows(2) {
            let _ = writeln!(
                out,
                "    {} -> {} [style=\"invis\"];",
                quote(&view.node_id(pair[0].0)),
                quote(&view.node_id(pair[1].0)),
            );
        }
    }
    out.push_str("  }\n");
}

/// A box that shows each entity type and relation the drawing uses, drawn as in the drawing.
fn write_legend(out: &mut String, view: &View<'_>) {
    let kinds: BTreeSet<EntityKind> = view.nodes.iter().map(|(_, n)| n.kind).collect();
    let relations: BTreeSet<RelationKind> = view.edges.iter().map(|(.., e)| e.kind).collect();
    if kinds.is_empty() && relations.is_empty() {
        return;
    }
    out.push_str("  subgraph cluster_legend {\n");
    out.push_str(
        "    graph [label=\"Legend\", fontsize=\"10\", style=\"rounded\", color=\"#9ca3af\", \
         tooltip=\"Legend\"];\n",
    );
    for kind in EntityKind::ALL.into_iter().filter(|k| kinds.contains(k)) {
        let (shape, style, fill, border) = node_style(kind);
        let _ = writeln!(
            out,
            "    {} [label={}, shape={}, style={}, fillcolor={}, color={}, tooltip={}];",
            quote(&format!("legend {}", kind.as_str())),
            quote(kind.as_str()),
            quote(shape),
            quote(style),
            quote(fill),
            quote(border),
            quote(&format!("an entity of type {}", kind.as_str())),
        );
    }
    let shown: Vec<EntityKind> = EntityKind::ALL
        .into_iter()
        .filter(|k| kinds.contains(k))
        .collect();
    for pair in shown.windows(2) {
        let _ = writeln!(
            out,
            "    {} -> {} [style=\"invis\"];",
            quote(&format!("legend {}", pair[0].as_str())),
            quote(&format!("legend {}", pair[1].as_str())),
        );
    }
    for relation in RelationKind::ALL
        .into_iter()
        .filter(|r| relations.contains(r))
    {
        let (color, style) = edge_style(relation);
        let (dir, arrowhead) = edge_direction(relation);
        let name = relation.as_str();
        for end in ["from", "to"] {
            let _ = writeln!(
                out,
                "    {} [label=\"\", shape=\"point\", width=\"0.05\", color=\"#9ca3af\", \
                 tooltip={}];",
                quote(&format!("legend {name} {end}")),
                quote(name),
            );
        }
        let _ = writeln!(
            out,
            "    {} -> {} [label={}, color={}, fontcolor={}, style={}, dir={}, arrowhead={}, \
             tooltip={}];",
            quote(&format!("legend {name} from")),
            quote(&format!("legend {name} to")),
            quote(name),
            quote(color),
            quote(color),
            quote(style),
            quote(dir),
            quote(arrowhead),
            quote(&format!("a {name} relation")),
        );
    }
    out.push_str("  }\n");
}

/// A DOT quoted string. Backslashes and quotes are escaped; line breaks and other control
/// characters become spaces, since Graphviz would otherwise print them or warn.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    push_escaped(&mut out, text);
    out.push('"');
    out
}

/// Lines joined by DOT's `\n` line break, as one quoted string.
fn quote_lines(lines: &[String]) -> String {
    let mut out = String::from("\"");
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str("\\n");
        }
        push_escaped(&mut out, line);
    }
    out.push('"');
    out
}

fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
}

/// Splits text into lines of at most `width` characters at spaces; a longer word keeps its line.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// At most `max` characters of the text, with an ellipsis when some were cut.
fn truncate(text: &str, max: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_quotes_backslashes_and_line_breaks() {
        assert_eq!(quote(r#"say "hi" \ bye"#), r#""say \"hi\" \\ bye""#);
        assert_eq!(quote("two\nlines\ttab"), r#""two lines tab""#);
        assert_eq!(quote_lines(&["a\"".into(), "b".into()]), r#""a\"\nb""#);
    }

    #[test]
    fn wrap_breaks_at_spaces() {
        assert_eq!(
            wrap("Ministry of Foreign Affairs of the Russian Federation", 24),
            [
                "Ministry of Foreign",
                "Affairs of the Russian",
                "Federation"
            ]
        );
        assert_eq!(wrap("", 24), [""]);
        assert_eq!(
            wrap("Donaudampfschifffahrtsgesellschaft AG", 10),
            ["Donaudampfschifffahrtsgesellschaft", "AG"]
        );
    }

    #[test]
    fn truncate_counts_characters_not_bytes() {
        assert_eq!(truncate("Zürich ist schön", 6), "Zürich…");
        assert_eq!(truncate("short", 6), "short");
    }
}
