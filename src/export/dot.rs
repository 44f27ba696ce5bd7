//! Graphviz DOT, written by hand: petgraph's `Dot` is meant for debugging and neither escapes
//! labels fully nor styles by type.
//!
//! Every id and attribute value is a quoted string, so no name can break the syntax; a shape and
//! colour tell entity types apart, a colour and line style tell relations apart, and the evidence
//! sentence of an edge is its tooltip (shown on hover in SVG).

use std::fmt::Write;

use super::{Selection, View, edge_negated, edge_status};
use crate::extract::{EntityKind, Modality, RelationKind};
use crate::graph::{Edge, KnowledgeGraph, Node};

/// Labels are wrapped at this many characters a line.
const WRAP: usize = 24;
/// A quote node shows at most this many characters of the quote.
const QUOTE_CHARS: usize = 120;
/// A tooltip shows at most this many characters of a sentence.
const TOOLTIP_CHARS: usize = 400;

/// The graph, or a selection of it, as Graphviz DOT.
pub fn to_dot(graph: &KnowledgeGraph, selection: Option<&Selection>) -> String {
    let view = View::new(graph, selection);
    let mut out = String::new();
    out.push_str("digraph kg {\n");
    out.push_str("  graph [rankdir=\"LR\", overlap=\"false\", fontname=\"Helvetica\"];\n");
    out.push_str(
        "  node [style=\"filled\", fontname=\"Helvetica\", fontsize=\"10\", penwidth=\"1.2\"];\n",
    );
    out.push_str("  edge [fontname=\"Helvetica\", fontsize=\"8\"];\n");
    for &(id, node) in &view.nodes {
        write_node(&mut out, &view.node_id(id), node);
    }
    for &(source, target, edge) in &view.edges {
        let (source, target) = (view.node_id(source), view.node_id(target));
        write_edge(&mut out, &view, &source, &target, edge);
    }
    out.push_str("}\n");
    out
}

fn write_node(out: &mut String, id: &str, node: &Node) {
    let (shape, style, fill, border) = match node.kind {
        EntityKind::Person => ("ellipse", "filled", "#dbeafe", "#1e40af"),
        EntityKind::Organization => ("box", "filled,rounded", "#fef3c7", "#b45309"),
        EntityKind::Place => ("hexagon", "filled", "#dcfce7", "#15803d"),
        EntityKind::Topic => ("octagon", "filled", "#f3e8ff", "#7e22ce"),
        EntityKind::Quote => ("note", "filled", "#f3f4f6", "#4b5563"),
    };
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
    let (color, style) = match edge.kind {
        RelationKind::Met => ("#1e40af", "bold"),
        RelationKind::Called => ("#0e7490", "dashed"),
        RelationKind::Visited => ("#15803d", "solid"),
        RelationKind::Discussed => ("#7e22ce", "dashed"),
        RelationKind::Said => ("#4b5563", "dotted"),
        RelationKind::HoldsRole => ("#b45309", "solid"),
    };
    // A denied event keeps its relation's line style but fades, so it reads as "not so".
    let color = if edge_negated(edge) { "#9ca3af" } else { color };
    let mut label = vec![edge.kind.as_str().to_string()];
    if let Some(role) = edge.evidence.iter().find_map(|e| e.role.as_deref()) {
        label.extend(wrap(role, WRAP));
    }
    if edge_negated(edge) {
        label.push("(denied)".to_string());
    } else if edge_status(edge) != Modality::Happened {
        label.push(format!("({})", edge_status(edge).as_str()));
    }
    let mut tooltip = Vec::new();
    if let Some(first) = edge.evidence.first() {
        tooltip.push(format!(
            "{}: {}",
            view.doc_name(first.doc),
            truncate(&first.sentence, TOOLTIP_CHARS)
        ));
    }
    if edge.evidence.len() > 1 {
        tooltip.push(format!("(+{} more)", edge.evidence.len() - 1));
    }
    // A meeting has no direction; every other relation reads from its agent.
    let (dir, arrowhead) = match edge.kind {
        RelationKind::Met | RelationKind::Called => ("none", "normal"),
        RelationKind::HoldsRole => ("forward", "odiamond"),
        _ => ("forward", "normal"),
    };
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
