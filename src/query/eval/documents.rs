//! `list documents`: the articles read, with their dates, titles and how many sentences of
//! each the graph keeps as evidence.

use crate::graph::KnowledgeGraph;

use super::super::answer::{Answer, Refs, Row, Value};
use super::super::plan::{ColumnValue, DocumentFilter, DocumentKey, Plan};
use super::star::source_holds;

pub(super) fn documents(graph: &KnowledgeGraph, filter: &DocumentFilter, plan: &Plan) -> Answer {
    let wants_relations = plan
        .columns
        .iter()
        .any(|c| c.value == ColumnValue::Document(DocumentKey::Relations));
    let mut relations = vec![0u64; graph.docs().len()];
    if wants_relations {
        for (_, _, _, edge) in graph.edges() {
            for e in &edge.evidence {
                if let Some(n) = relations.get_mut(e.doc as usize) {
                    *n += 1;
                }
            }
        }
    }
    let mut rows: Vec<(usize, Row)> = Vec::new();
    for (i, doc) in graph.docs().iter().enumerate() {
        let dated = filter
            .dates
            .iter()
            .all(|c| doc.date.is_some_and(|d| c.accepts(d, d)));
        let from = filter
            .source
            .iter()
            .all(|s| source_holds(&doc.id, doc.title.as_deref(), s));
        if !dated || !from {
            continue;
        }
        let cells = plan
            .columns
            .iter()
            .map(|c| match c.value {
                ColumnValue::Document(DocumentKey::Id) => Value::Text(doc.id.clone()),
                ColumnValue::Document(DocumentKey::Date) => {
                    doc.date.map_or(Value::Null, |d| Value::Text(d.to_string()))
                }
                ColumnValue::Document(DocumentKey::Title) => {
                    doc.title.clone().map_or(Value::Null, Value::Text)
                }
                ColumnValue::Document(DocumentKey::Relations) => Value::Number(relations[i]),
                ColumnValue::Count => Value::Null,
                _ => Value::Null,
            })
            .collect();
        rows.push((
            i,
            Row {
                cells,
                evidence: Refs::new(),
            },
        ));
    }
    let columns: Vec<String> = plan.columns.iter().map(|c| c.name.clone()).collect();
    if plan.count {
        return Answer::new(
            columns,
            vec![Row {
                cells: smallvec::smallvec![Value::Number(rows.len() as u64)],
                evidence: Refs::new(),
            }],
        );
    }
    if let Some((index, descending)) = plan.order {
        // Documents without a date last, whichever way the others go.
        rows.sort_by(|(a, x), (b, y)| {
            let (p, q) = (&x.cells[index], &y.cells[index]);
            let order = super::compare(p, q);
            let order = if descending { order.reverse() } else { order };
            let nulls = matches!(p, Value::Null).cmp(&matches!(q, Value::Null));
            nulls.then(order).then(a.cmp(b))
        });
    }
    rows.truncate(plan.limit.unwrap_or(usize::MAX));
    Answer::new(columns, rows.into_iter().map(|(_, row)| row).collect())
}
