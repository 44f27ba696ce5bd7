//! What the shell shows about the graph itself rather than an answer: `:why N` (the evidence
//! behind a row, and why an entity is one entity) and `:schema` (the types it holds).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use comfy_table::{CellAlignment, ContentArrangement, LineStyle, Table, TableStyle};
use kg::graph::{Evidence, KnowledgeGraph, NodeId};
use kg::model::MergeReason;
use kg::names::normalize;
use kg::query::{Answer, Value};

/// Columns apart, the header underlined: the look of the answer tables.
const PLAIN: TableStyle =
    TableStyle::new().header_separator(LineStyle::none().fill('-').junction(' '));

/// A plain table of text, the columns named `count` aligned right, trailing spaces trimmed.
fn table(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut table = Table::new();
    table.force_no_tty().load_style(PLAIN).set_header(header);
    for row in rows {
        table.add_row(row);
    }
    for (column, name) in table.column_iter_mut().zip(header) {
        column.set_padding((0, 1));
        if *name == "count" {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    table
        .lines()
        .map(|line| line.trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The entity types with their counts (places by kind too), then each relation type with the
/// types it joins.
pub fn schema(graph: &KnowledgeGraph) -> String {
    let mut kinds: BTreeMap<_, (usize, BTreeMap<&str, usize>)> = BTreeMap::new();
    for (_, node) in graph.nodes() {
        let (count, sub) = kinds.entry(node.kind).or_default();
        *count += 1;
        if let Some(place_kind) = node.place_kind {
            *sub.entry(place_kind.as_str()).or_default() += 1;
        }
    }
    let entity_rows = kinds
        .into_iter()
        .map(|(kind, (count, sub))| {
            let sub = sub
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect::<Vec<_>>()
                .join(", ");
            vec![kind.to_string(), count.to_string(), sub]
        })
        .collect();

    let mut relations: BTreeMap<_, usize> = BTreeMap::new();
    for (_, source, target, edge) in graph.edges() {
        let ends = (graph.node(source).kind, graph.node(target).kind);
        *relations.entry((edge.kind, ends)).or_default() += 1;
    }
    let relation_rows = relations
        .into_iter()
        .map(|((kind, (from, to)), count)| {
            vec![
                kind.to_string(),
                from.to_string(),
                to.to_string(),
                count.to_string(),
            ]
        })
        .collect();
    format!(
        "{}\n\n{}",
        table(&["entity type", "count", "kinds"], entity_rows),
        table(&["relation", "from", "to", "count"], relation_rows)
    )
}

/// The evidence behind row `n` (counted from 1) of an answer: each sentence with its document,
/// the rule and its confidence; and when the row's answer is an entity, what makes it one
/// entity: its aliases and the merges that concern it. Laid out as labelled lines whose text
/// wraps to `width` columns when given.
pub fn why(
    graph: &KnowledgeGraph,
    answer: &Answer,
    n: usize,
    width: Option<usize>,
) -> Result<String, String> {
    let row = n
        .checked_sub(1)
        .and_then(|i| answer.rows.get(i))
        .ok_or_else(|| match answer.rows.len() {
            0 => "the last answer has no rows".to_string(),
            1 => format!("no row {n}: the last answer has one row"),
            len => format!("no row {n}: the last answer has rows 1 to {len}"),
        })?;
    let first = row.cells.first().map_or_else(String::new, Value::to_text);
    let mut lines: Vec<[String; 3]> = Vec::new();
    let mut line = |number: String, label: &str, text: String| {
        lines.push([number, label.to_string(), text]);
    };
    for (i, reference) in row.evidence.iter().enumerate() {
        let edge = graph.edge(reference.edge);
        let Some(evidence) = edge.evidence.get(reference.index) else {
            continue;
        };
        let (source, target) = graph.endpoints(reference.edge);
        let (source, target) = (&graph.node(source).name, &graph.node(target).name);
        line(
            format!("{}.", i + 1),
            &edge.kind.to_string(),
            format!("{source} -> {target}"),
        );
        line(
            String::new(),
            "sentence",
            format!("\"{}\"", evidence.sentence.trim()),
        );
        line(String::new(), "document", document(graph, evidence));
        line(String::new(), "read by", attributes(evidence));
    }
    if row.evidence.is_empty() {
        line(
            String::new(),
            "evidence",
            "none: this row describes an entity".to_string(),
        );
    }
    if let Some(id) = row.cells.iter().find_map(|cell| match cell {
        // The answer is the first entity of the row; the others are context.
        Value::Entity { id, .. } => Some(*id),
        _ => None,
    }) {
        line(String::new(), "", String::new());
        for (label, text) in entity(graph, id) {
            line(String::new(), label, text);
        }
    }

    let mut table = Table::new();
    table.force_no_tty().load_style(TableStyle::new());
    for line in lines {
        table.add_row(line);
    }
    for column in table.column_iter_mut() {
        column.set_padding((0, 1));
    }
    if let Some(width) = width {
        table
            .set_width(u16::try_from(width).unwrap_or(u16::MAX))
            .set_content_arrangement(ContentArrangement::Dynamic);
    }
    let body: Vec<String> = table
        .lines()
        .map(|line| line.trim_end().to_string())
        .collect();
    Ok(format!("row {n}: {first}\n{}", body.join("\n")))
}

/// `002.txt, 2015-12-15, "Kerry in Moscow", bytes 120-240`.
fn document(graph: &KnowledgeGraph, evidence: &Evidence) -> String {
    let mut text = String::new();
    match graph.docs().get(evidence.doc as usize) {
        Some(doc) => {
            text.push_str(&doc.id);
            if let Some(date) = &doc.date {
                let _ = write!(text, ", {date}");
            }
            if let Some(title) = &doc.title {
                let _ = write!(text, ", \"{title}\"");
            }
            if !doc.also.is_empty() {
                // The same story under other ids: other sources of this sentence.
                let _ = write!(text, " (also as {})", doc.also.join(", "));
            }
        }
        None => text.push_str("an unknown document"),
    }
    let _ = write!(
        text,
        ", bytes {}-{}",
        evidence.span.start, evidence.span.end
    );
    text
}

/// `rule met_verb, confidence 0.90, happened, date 2016-03-24, in Moscow, about Syria`.
fn attributes(evidence: &Evidence) -> String {
    let mut parts = vec![
        format!("rule {}", evidence.rule),
        format!("confidence {:.2}", evidence.confidence),
        evidence.status.as_str().to_string(),
    ];
    if let Some(date) = &evidence.date {
        let iso = date.iso();
        parts.push(if iso == date.text {
            format!("date \"{iso}\"")
        } else {
            format!("date {iso} (\"{}\")", date.text)
        });
    }
    if let Some(place) = &evidence.place {
        parts.push(format!("in {place}"));
    }
    if !evidence.topics.is_empty() {
        parts.push(format!("about {}", evidence.topics.join("; ")));
    }
    if let Some(role) = &evidence.role {
        parts.push(format!("role {role}"));
    }
    parts.join(", ")
}

/// Why an entity is one, as labelled lines: its type and mentions, its other names, and the
/// merges across documents that name it.
fn entity(graph: &KnowledgeGraph, id: NodeId) -> Vec<(&'static str, String)> {
    let node = graph.node(id);
    let kind = match node.place_kind {
        Some(place_kind) => format!("{}, {}", node.kind, place_kind.as_str()),
        None => node.kind.to_string(),
    };
    let mut lines = vec![(
        "entity",
        format!(
            "{} ({kind}), {} in {}",
            node.name,
            plural(node.mentions as usize, "mention"),
            plural(node.docs.len(), "document")
        ),
    )];
    let aliases: Vec<&str> = node.aliases.iter().map(String::as_str).collect();
    lines.push((
        "also",
        if aliases.is_empty() {
            "no other name".to_string()
        } else {
            aliases.join(", ")
        },
    ));
    let names: Vec<String> = std::iter::once(&node.name)
        .chain(&node.aliases)
        .map(|name| normalize(name))
        .collect();
    let concerns = |name: &str| names.contains(&normalize(name));
    let merges: Vec<_> = graph
        .merges()
        .iter()
        .filter(|m| concerns(&m.kept) || concerns(&m.merged))
        .collect();
    if merges.is_empty() {
        lines.push(("merged", "no merge logged".to_string()));
    }
    for merge in merges {
        let text = if merge.reason == MergeReason::Corrected {
            let note = graph
                .corrections()
                .same
                .iter()
                .find(|s| s.names.iter().any(|n| concerns(n)))
                .and_then(|s| s.note.as_deref());
            let note = note.map_or_else(String::new, |n| format!(" ({n})"));
            format!(
                "{} into {}: {}: `same`{note}",
                merge.merged, merge.kept, merge.reason
            )
        } else {
            format!(
                "{} into {}: {} (reading {})",
                merge.merged, merge.kept, merge.reason, merge.doc
            )
        };
        lines.push(("merged", text));
    }
    for split in graph
        .splits()
        .iter()
        .filter(|s| concerns(&s.name) || concerns(&s.apart_from))
    {
        lines.push((
            "apart",
            format!(
                "{} from {}: correction: the corrections say these are not one: `different` \
                 (reading {})",
                split.name, split.apart_from, split.doc
            ),
        ));
    }
    lines
}

/// `1 document`, `2 documents`.
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
