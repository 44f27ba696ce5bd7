//! An [`Answer`] as text: an aligned table, JSON in the contract's shape, or CSV.

use std::borrow::Cow;

use comfy_table::{
    Attribute, Cell, Color, ColumnConstraint, ContentArrangement, LineStyle, Table, TableStyle,
    Width,
};

use unicode_width::UnicodeWidthStr;

use crate::graph::KnowledgeGraph;
use crate::model::EntityKind;

use super::answer::{Answer, EvidenceRef, Format, Row, Value};

impl Answer {
    /// The answer printed in a format; `evidence` adds the supporting sentence to each row.
    ///
    /// A table is fitted to `width` columns when given, wrapping long cells; JSON and CSV ignore
    /// it. The text does not end in a newline. Nothing in it depends on the terminal.
    pub fn render(
        &self,
        graph: &KnowledgeGraph,
        format: Format,
        evidence: bool,
        width: Option<usize>,
    ) -> String {
        self.render_styled(graph, format, evidence, width, false)
    }

    /// [`Answer::render`], with a table's header in bold and its entities coloured by type when
    /// `color` is true (for a colour terminal; the caller decides). JSON and CSV are never
    /// coloured, and the text lays out the same either way.
    pub fn render_styled(
        &self,
        graph: &KnowledgeGraph,
        format: Format,
        evidence: bool,
        width: Option<usize>,
        color: bool,
    ) -> String {
        let evidence = evidence || self.with_evidence;
        let resolved;
        let answer = if self.is_deferred() {
            resolved = self.resolved(graph);
            &resolved
        } else {
            self
        };
        match format {
            Format::Table => with_notes(answer, table(answer, graph, evidence, width, color)),
            Format::Json => json(answer, graph, evidence),
            Format::Csv => csv(answer, graph, evidence),
        }
    }
}

/// A table with the answer's headline before it and its notes after; an empty answer with
/// notes is only its notes ("no meeting found"), not an empty table.
fn with_notes(answer: &Answer, table: String) -> String {
    let mut lines: Vec<String> = answer.headline.iter().cloned().collect();
    if !answer.rows.is_empty() || answer.notes.is_empty() && answer.headline.is_none() {
        lines.push(table);
    }
    lines.extend(answer.notes.iter().map(|n| {
        if answer.rows.is_empty() {
            n.clone()
        } else {
            format!("note: {n}")
        }
    }));
    lines.join("\n")
}

/// The best evidence sentence of a row and the id of its document.
fn best_evidence<'g>(graph: &'g KnowledgeGraph, row: &Row) -> Option<(&'g str, &'g str)> {
    let &EvidenceRef { edge, index } = row.evidence.first()?;
    let evidence = graph.edge(edge).evidence.get(index)?;
    let doc = graph
        .docs()
        .get(evidence.doc as usize)
        .map_or("", |d| d.id.as_str());
    Some((&*evidence.sentence, doc))
}

/// Columns apart, the header underlined, nothing else: ASCII only, and no border eats width.
const PLAIN: TableStyle =
    TableStyle::new().header_separator(LineStyle::none().fill('-').junction(' '));

fn table(
    answer: &Answer,
    graph: &KnowledgeGraph,
    evidence: bool,
    width: Option<usize>,
    color: bool,
) -> String {
    if width.is_none()
        && !color
        && let Some(text) = plain_table(answer, graph, evidence)
    {
        return text;
    }
    comfy(answer, graph, evidence, width, color)
}

/// The table laid out by comfy-table: fitted to a width, coloured, or with cells of several
/// lines.
fn comfy(
    answer: &Answer,
    graph: &KnowledgeGraph,
    evidence: bool,
    width: Option<usize>,
    color: bool,
) -> String {
    let mut header = answer.columns.clone();
    if evidence {
        header.push("evidence".to_string());
    }
    let mut lines = vec![header];
    for row in &answer.rows {
        let mut cells: Vec<String> = row.cells.iter().map(Value::to_text).collect();
        if evidence {
            cells.push(evidence_cell(graph, row));
        }
        lines.push(cells);
    }

    let mut table = Table::new();
    table.force_no_tty().load_style(PLAIN);
    if color {
        table.enforce_styling();
        if let Some(header) = lines.first() {
            table.set_header(
                header
                    .iter()
                    .map(|text| Cell::new(text).add_attribute(Attribute::Bold)),
            );
        }
        for (row, cells) in answer.rows.iter().zip(lines.iter().skip(1)) {
            table.add_row(cells.iter().enumerate().map(|(i, text)| {
                let cell = Cell::new(text);
                match row.cells.get(i) {
                    Some(Value::Entity { kind, .. }) => cell.fg(kind_color(*kind)),
                    // The evidence column, after the answer's own.
                    None => cell.add_attribute(Attribute::Dim),
                    Some(_) => cell,
                }
            }));
        }
    } else {
        let mut lines_iter = lines.iter();
        if let Some(header) = lines_iter.next() {
            table.set_header(header);
        }
        for cells in lines_iter {
            table.add_row(cells);
        }
    }
    for column in table.column_iter_mut() {
        column.set_padding((0, 1));
    }
    if let Some(width) = width {
        fit(&mut table, &lines, evidence, width);
    }
    // Padding at the end of each line is noise in a terminal and in a test's expected text.
    table
        .lines()
        .map(|line| trim_end_styled(&line))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The text of a cell, borrowed where it can be.
fn cell_text(value: &Value) -> Cow<'_, str> {
    match value {
        Value::Entity { name, .. } => Cow::Borrowed(name),
        Value::Text(text) => Cow::Borrowed(text),
        Value::Number(n) => Cow::Owned(n.to_string()),
        Value::Null | Value::Deferred(_) => Cow::Borrowed(""),
    }
}

/// The evidence column of a table: the best sentence, its document, and how many more.
fn evidence_cell(graph: &KnowledgeGraph, row: &Row) -> String {
    match best_evidence(graph, row) {
        Some((sentence, doc)) => {
            let more = row.evidence.len().saturating_sub(1);
            let mut cell = format!("{sentence} [{doc}]");
            if more > 0 {
                cell.push_str(&format!(" (+{more} more)"));
            }
            cell
        }
        None => String::new(),
    }
}

/// The text of every cell of a row, `columns` of them, and the evidence sentence last.
fn row_cells<'a>(
    graph: &KnowledgeGraph,
    columns: usize,
    evidence: bool,
    row: &'a Row,
) -> Vec<Cow<'a, str>> {
    let mut cells: Vec<Cow<'a, str>> = row.cells.iter().map(cell_text).collect();
    cells.resize(columns, Cow::Borrowed(""));
    if evidence {
        cells.push(Cow::Owned(evidence_cell(graph, row)));
    }
    cells
}

/// The table [`table`] prints without a width or colour, laid out as comfy-table lays out
/// [`PLAIN`] (each column as wide as its widest line plus one space, one space between columns,
/// the header underlined, the ends of lines trimmed), written straight into one string: it holds
/// no cell twice, where comfy-table keeps each cell, its lines and their layout, which for a large
/// answer takes ten times the text. `None` when a cell runs over several lines, which is left to
/// comfy-table.
fn plain_table(answer: &Answer, graph: &KnowledgeGraph, evidence: bool) -> Option<String> {
    let columns = answer.columns.len() + usize::from(evidence);
    let header: Vec<&str> = answer
        .columns
        .iter()
        .map(String::as_str)
        .chain(evidence.then_some("evidence"))
        .collect();
    let cells = |row| row_cells(graph, answer.columns.len(), evidence, row);
    let mut widths: Vec<usize> = header.iter().map(|h| h.width().max(1)).collect();
    let mut bytes = 0;
    for row in &answer.rows {
        for (i, cell) in cells(row).iter().enumerate() {
            if cell.contains('\n') {
                return None;
            }
            widths[i] = widths[i].max(cell.width());
            bytes += cell.len() + 2;
        }
    }
    let mut out = String::with_capacity(bytes + widths.iter().sum::<usize>() * 2 + columns * 4);
    let mut line = String::new();
    let push_line = |line: &str, out: &mut String| {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&trim_end_styled(line));
    };
    let mut write_row = |texts: &mut dyn Iterator<Item = &str>, out: &mut String| {
        line.clear();
        for (i, text) in texts.enumerate() {
            if i > 0 {
                line.push(' ');
            }
            line.push_str(text);
            let pad = widths[i] + 1 - text.width().min(widths[i]);
            line.extend(std::iter::repeat_n(' ', pad));
        }
        push_line(&line, out);
    };
    write_row(&mut header.iter().copied(), &mut out);
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(w + 1)).collect();
    out.push('\n');
    out.push_str(&rule.join(" "));
    for row in &answer.rows {
        let cells = cells(row);
        write_row(&mut cells.iter().map(|c| c.as_ref()), &mut out);
    }
    Some(out)
}

/// The line without the spaces at its end, even where they sit inside a colour's escape codes
/// (a styled cell's padding does): the codes are kept, the spaces dropped.
fn trim_end_styled(line: &str) -> String {
    let mut pieces: Vec<&str> = Vec::new();
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        let len = if c == '\x1b' {
            // `ESC [ parameters letter`.
            rest.char_indices()
                .skip(1)
                .find(|&(_, c)| c.is_ascii_alphabetic())
                .map_or(rest.len(), |(i, c)| i + c.len_utf8())
        } else {
            c.len_utf8()
        };
        pieces.push(&rest[..len]);
        rest = &rest[len..];
    }
    let mut end = pieces.len();
    let mut kept_codes = Vec::new();
    while end > 0 {
        let piece = pieces[end - 1];
        if piece.starts_with('\x1b') {
            kept_codes.push(piece);
        } else if !piece.trim().is_empty() {
            break;
        }
        end -= 1;
    }
    let mut out: String = pieces[..end].concat();
    out.extend(kept_codes.into_iter().rev());
    out
}

/// One colour a type of entity, the same wherever an entity is printed.
fn kind_color(kind: EntityKind) -> Color {
    match kind {
        EntityKind::Person => Color::Cyan,
        EntityKind::Organization => Color::Magenta,
        EntityKind::Place => Color::Green,
        EntityKind::Topic => Color::Yellow,
        EntityKind::Quote => Color::Reset,
    }
}

/// Fits a table to `width` columns. comfy-table shares the width out evenly, which breaks short
/// columns (`happened`, dates) in the middle of a word while a long sentence keeps its room; so
/// each column is first promised its longest word (up to 24 characters), and the evidence
/// sentence 40% of the width, as far as those promises fit.
fn fit(table: &mut Table, rows: &[Vec<String>], evidence: bool, width: usize) {
    table
        .set_width(u16::try_from(width).unwrap_or(u16::MAX))
        .set_content_arrangement(ContentArrangement::Dynamic);
    let columns = rows.first().map_or(0, Vec::len);
    let longest_word = |i: usize| {
        rows.iter()
            .filter_map(|row| row.get(i))
            .flat_map(|cell| cell.split_whitespace())
            .map(|word| word.chars().count())
            .max()
            .unwrap_or(0)
            .min(24)
    };
    let words: Vec<usize> = (0..columns).map(longest_word).collect();
    let mut roomy = words.clone();
    if evidence && let Some(last) = roomy.last_mut() {
        *last = (*last).max(width * 2 / 5);
    }
    // A column takes its text, its padding of one and a space before the next.
    let fits = |lower: &[usize]| lower.iter().map(|w| w + 2).sum::<usize>() <= width;
    let lower = if fits(&roomy) {
        roomy
    } else if fits(&words) {
        words
    } else {
        return;
    };
    for (column, lower) in table.column_iter_mut().zip(lower) {
        // comfy-table's widths include the padding.
        let lower = u16::try_from(lower + 1).unwrap_or(u16::MAX);
        column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(lower)));
    }
}

/// One JSON object a row, keys in column order: `{"who": {"name": ..., "type": ...}, ...}`.
fn json(answer: &Answer, graph: &KnowledgeGraph, evidence: bool) -> String {
    let mut columns = answer.columns.clone();
    if evidence {
        columns.extend(["evidence".to_string(), "source".to_string()]);
    }
    let mut out = String::from("{\n  \"columns\": [");
    out.push_str(
        &columns
            .iter()
            .map(|c| json_string(c))
            .collect::<Vec<_>>()
            .join(", "),
    );
    out.push_str("],\n  \"rows\": [");
    for (i, row) in answer.rows.iter().enumerate() {
        out.push_str(if i == 0 { "\n    {" } else { ",\n    {" });
        let mut fields: Vec<String> = answer
            .columns
            .iter()
            .zip(&row.cells)
            .map(|(column, cell)| format!("{}: {}", json_string(column), json_value(graph, cell)))
            .collect();
        if evidence {
            let (sentence, doc) = match best_evidence(graph, row) {
                Some((sentence, doc)) => (json_string(sentence), json_string(doc)),
                None => ("null".to_string(), "null".to_string()),
            };
            fields.push(format!("\"evidence\": {sentence}"));
            fields.push(format!("\"source\": {doc}"));
        }
        out.push_str(&fields.join(", "));
        out.push('}');
    }
    if !answer.rows.is_empty() {
        out.push_str("\n  ");
    }
    out.push(']');
    if let Some(headline) = &answer.headline {
        out.push_str(&format!(",\n  \"headline\": {}", json_string(headline)));
    }
    if !answer.notes.is_empty() {
        let notes: Vec<String> = answer.notes.iter().map(|n| json_string(n)).collect();
        out.push_str(&format!(",\n  \"notes\": [{}]", notes.join(", ")));
    }
    out.push_str("\n}");
    out
}

fn json_value(graph: &KnowledgeGraph, value: &Value) -> String {
    match value {
        Value::Entity { id, name, kind } => {
            let mut object = format!(
                "{{\"name\": {}, \"type\": {}",
                json_string(name),
                json_string(kind.as_str())
            );
            if let Some(place_kind) = graph.node(*id).place_kind {
                object.push_str(&format!(", \"kind\": {}", json_string(place_kind.as_str())));
            }
            object.push('}');
            object
        }
        Value::Text(text) => json_string(text),
        Value::Number(n) => n.to_string(),
        Value::Null | Value::Deferred(_) => "null".to_string(),
    }
}

fn json_string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

/// RFC 4180 CSV: a header row, then one row an answer; an entity is its name.
fn csv(answer: &Answer, graph: &KnowledgeGraph, evidence: bool) -> String {
    let mut header = answer.columns.clone();
    if evidence {
        header.extend(["evidence".to_string(), "source".to_string()]);
    }
    let mut lines = vec![csv_record(&header)];
    for row in &answer.rows {
        let mut fields: Vec<String> = row.cells.iter().map(Value::to_text).collect();
        if evidence {
            let (sentence, doc) = best_evidence(graph, row).unwrap_or(("", ""));
            fields.extend([sentence.to_string(), doc.to_string()]);
        }
        lines.push(csv_record(&fields));
    }
    lines.join("\n")
}

fn csv_record(fields: &[String]) -> String {
    fields
        .iter()
        .map(|field| {
            let needs_quotes = field.contains([',', '"', '\n', '\r'])
                || field.starts_with(char::is_whitespace)
                || field.ends_with(char::is_whitespace);
            if needs_quotes {
                format!("\"{}\"", field.replace('"', "\"\""))
            } else {
                field.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Refs;

    #[test]
    fn trailing_spaces_go_and_colour_codes_stay() {
        assert_eq!(trim_end_styled("ab  "), "ab");
        assert_eq!(
            trim_end_styled("\x1b[1mab  \x1b[0m \x1b[39m  "),
            "\x1b[1mab\x1b[0m\x1b[39m"
        );
        assert_eq!(trim_end_styled("   "), "");
        assert_eq!(trim_end_styled("Zürich \x1b[0m"), "Zürich\x1b[0m");
    }

    /// The plain layout is comfy-table's, character for character, whatever the cells hold:
    /// wide and combining characters, tabs, no-break spaces, empty cells, numbers.
    #[test]
    fn plain_tables_are_laid_out_as_comfy_table_lays_them_out() {
        const PIECES: &[&str] = &[
            "Kerry",
            "John Kerry",
            "",
            " ",
            "Zürich",
            "北京",
            "e\u{301}",
            "\t",
            "\u{a0}",
            "🙂",
            "Bosnia and Herzegovina",
            "x",
            "a  b",
            "-",
            "ĳ",
            "\u{200b}",
        ];
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let graph = KnowledgeGraph::new();
        for _ in 0..300 {
            let columns: Vec<String> = (0..1 + next(5))
                .map(|i| ["who", "topics", "date", "北京", "x"][(i + next(5)) % 5].to_string())
                .collect();
            let rows = (0..next(6))
                .map(|_| Row {
                    cells: (0..columns.len())
                        .map(|_| match next(4) {
                            0 => Value::Null,
                            1 => Value::Number(next(100_000) as u64),
                            _ => Value::Text(
                                (0..next(4)).map(|_| PIECES[next(PIECES.len())]).collect(),
                            ),
                        })
                        .collect(),
                    evidence: Refs::new(),
                })
                .collect();
            let answer = Answer::new(columns, rows);
            for evidence in [false, true] {
                let plain = plain_table(&answer, &graph, evidence).expect("no line breaks");
                assert_eq!(
                    plain,
                    comfy(&answer, &graph, evidence, None, false),
                    "{answer:?}"
                );
            }
        }
        let broken = Answer::new(
            vec!["a".to_string()],
            vec![Row {
                cells: smallvec::smallvec![Value::Text("two\nlines".to_string())],
                evidence: Refs::new(),
            }],
        );
        assert_eq!(plain_table(&broken, &graph, false), None);
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let fields = ["plain", "a, b", "say \"no\"", "two\nlines", " padded", ""].map(String::from);
        assert_eq!(
            csv_record(&fields),
            "plain,\"a, b\",\"say \"\"no\"\"\",\"two\nlines\",\" padded\","
        );
    }
}
