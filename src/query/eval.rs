//! Runs a [`Plan`] over the graph and lays the result out as an [`Answer`].
//!
//! A star gathers, for every answer, the events that lead to it (`events.rs`): a condition
//! holds for an event when some sentence of it satisfies it, and a row rests on every sentence
//! of its events. Everything in a row (status, dates, topics, counts) is computed from exactly
//! that evidence, so a row never claims more than the sentences shown with it; the cells that
//! gather evidence are computed only when the answer is shown ([`deferred`]). Denied events
//! count only for rows that nothing else supports, and such rows are shown only when the
//! answer has a status column.
//!
//! `eval/star.rs` walks stars and scans of relationships, `eval/walks.rs` scans of nodes,
//! neighbourhoods and paths, `eval/cells.rs` fills the cells, `eval/documents.rs` lists the
//! documents.

mod cells;
mod documents;
mod star;
mod visits;
mod walks;

use crate::graph::{Evidence, KnowledgeGraph, NodeId, name_prefix};
use crate::model::RelationKind;
use crate::names::normalize;

use super::MAX_ROWS;
use super::answer::{Answer, Cells, EvidenceRef, Refs, Row, Value};
use super::ast::Direction;
use super::error::QueryError;
use super::plan::{Plan, Shape};

use cells::deferred;
pub(super) use cells::resolve;

/// Runs a plan. Fails when more than [`MAX_ROWS`] rows match and the plan sets no limit.
pub(super) fn execute(graph: &KnowledgeGraph, plan: &Plan) -> Result<Answer, QueryError> {
    let mut rows: Vec<Found> = match &plan.shape {
        Shape::Star(star) => star::star_rows(graph, star, plan.keep_denied),
        Shape::Pairs(pairs) => star::pair_rows(graph, pairs, plan),
        Shape::Scan { nodes, kind } => walks::scan_rows(graph, nodes.as_deref(), *kind, plan),
        Shape::Neighbours {
            from,
            kinds,
            direction,
            min,
            max,
            kind,
        } => walks::neighbour_rows(graph, *from, kinds, *direction, (*min, *max), *kind),
        Shape::Path {
            from,
            to,
            kinds,
            direction,
            max,
        } => {
            let answer = walks::path_answer(graph, (*from, *to), kinds, *direction, *max);
            return few_rows(answer.rows.len(), plan).map(|()| answer);
        }
        Shape::Documents(filter) => {
            let answer = documents::documents(graph, filter, plan);
            return few_rows(answer.rows.len(), plan).map(|()| answer);
        }
    };
    rows.retain(|row| match row.key {
        Key::Node(id) => plan
            .node_conditions
            .iter()
            .all(|c| cells::node_condition(graph, id, c)),
        Key::Text(_) => plan.node_conditions.is_empty(),
    });
    // (Pairs are filtered on both ends as they are found.)
    let columns: Vec<String> = plan.columns.iter().map(|c| c.name.clone()).collect();
    if plan.count {
        return Ok(Answer::new(
            columns,
            vec![Row {
                cells: smallvec::smallvec![Value::Number(rows.len() as u64)],
                evidence: Refs::new(),
            }],
        ));
    }
    few_rows(rows.len(), plan)?;
    let anchors: Vec<NodeId> = match &plan.shape {
        Shape::Star(star) => star.arms.iter().map(|a| a.anchor).collect(),
        _ => Vec::new(),
    };
    let cells_of = |row: &Found| -> Cells {
        let mut cells = Cells::new();
        for column in &plan.columns {
            cells.push(cells::cell(graph, &column.value, row));
        }
        cells
    };
    let chosen: Vec<Found> = match plan.order {
        Some((index, descending)) => {
            // Sort on the one column first, so that a `limit` spares computing the others.
            let visits = visits::Visits::new(graph);
            let mut keyed: Vec<(Value, Found)> = rows
                .into_iter()
                .map(|row| {
                    let value = cells::cell(graph, &plan.columns[index].value, &row);
                    let value = match value {
                        Value::Deferred(d) => deferred(graph, &visits, d, &row.evidence, &anchors),
                        other => other,
                    };
                    (value, row)
                })
                .collect();
            keyed.sort_by(|a, b| {
                let order = compare(&a.0, &b.0);
                if descending { order.reverse() } else { order }
            });
            keyed.truncate(plan.limit.unwrap_or(usize::MAX));
            keyed.into_iter().map(|(_, row)| row).collect()
        }
        None => {
            rows.truncate(plan.limit.unwrap_or(usize::MAX));
            rows
        }
    };
    let mut answer = Answer::new(
        columns,
        chosen
            .into_iter()
            .map(|row| Row {
                cells: cells_of(&row),
                evidence: row.evidence,
            })
            .collect(),
    );
    answer.anchors = anchors;
    Ok(answer)
}

/// An error when `matched` rows are more than an answer holds and no `limit` picks some.
fn few_rows(matched: usize, plan: &Plan) -> Result<(), QueryError> {
    if matched <= MAX_ROWS || plan.limit.is_some() {
        return Ok(());
    }
    Err(QueryError::new(
        format!("too many rows: at most {MAX_ROWS}"),
        plan.rows_span,
        format!("{matched} rows match"),
    )
    .with_help(format!(
        "narrow it, count with `count(*)`, or add `limit {MAX_ROWS}` for the first rows \
         (`explain` prints a question's pattern)"
    )))
}

/// Numbers by value, text by its folded form, nothing last.
fn compare(a: &Value, b: &Value) -> std::cmp::Ordering {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.cmp(y),
        (Value::Null, Value::Null) => std::cmp::Ordering::Equal,
        (Value::Null, _) => std::cmp::Ordering::Greater,
        (_, Value::Null) => std::cmp::Ordering::Less,
        _ => normalize(&a.to_text()).cmp(&normalize(&b.to_text())),
    }
}

/// What a row is about: a node, or a topic phrase that is not one.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Key {
    Node(NodeId),
    Text(String),
}

/// One answer before it becomes cells.
struct Found {
    key: Key,
    /// The evidence behind it, best first.
    evidence: Refs,
    /// Hops from the centre, for a neighbourhood.
    hops: Option<u32>,
    /// Relation types that reached it, for a neighbourhood.
    via: Option<RelationKind>,
    /// The second end, for a scan of relationships.
    second: Option<NodeId>,
}

impl Found {
    fn new(key: Key, evidence: Refs) -> Found {
        Found {
            key,
            evidence,
            hops: None,
            via: None,
            second: None,
        }
    }
}

/// Does a pattern's relationship, written `direction`, follow an edge of `kind` that leaves the
/// node at hand when `outgoing`? A symmetric relation (MET, CALLED) has no way round: the graph
/// stores it from the smaller node index, so an arrow on it would pick answers by that index.
fn along(direction: Direction, outgoing: bool, kind: RelationKind) -> bool {
    match direction {
        _ if kind.is_symmetric() => true,
        Direction::Right => outgoing,
        Direction::Left => !outgoing,
        Direction::Both => true,
    }
}

fn label(graph: &KnowledgeGraph, key: &Key) -> String {
    match key {
        Key::Node(id) => graph.node(*id).name.clone(),
        Key::Text(text) => text.clone(),
    }
}

fn evidence_at(graph: &KnowledgeGraph, at: EvidenceRef) -> Option<&Evidence> {
    graph.edge(at.edge).evidence.get(at.index)
}

/// Happened before reported before planned, then by confidence, then in reading order.
fn best_first(graph: &KnowledgeGraph, mut refs: Refs) -> Refs {
    if refs.len() < 2 {
        return refs;
    }
    refs.sort_by(|&a, &b| {
        match (evidence_at(graph, a), evidence_at(graph, b)) {
            (Some(x), Some(y)) => Evidence::best_first(x, y),
            _ => std::cmp::Ordering::Equal,
        }
        .then(a.cmp(&b))
    });
    refs
}

/// [`name_prefix`] of a row's name: from the graph's table for a node.
fn fold_prefix_of(graph: &KnowledgeGraph, key: &Key) -> u128 {
    match key {
        Key::Node(id) => graph.name_order(*id),
        Key::Text(text) => name_prefix(text),
    }
}

/// Puts row `from[j]` at `j`, in place: each cycle of the permutation is followed once.
fn permute<T>(rows: &mut [T], mut from: Vec<usize>) {
    for start in 0..from.len() {
        let mut at = start;
        while from[at] != start {
            let next = from[at];
            from[at] = at;
            rows.swap(at, next);
            at = next;
        }
        from[at] = at;
    }
}

/// [`sort_by_name`] for rows of nodes ranked by a number below 2^64: one sort of numbers, the
/// names compared by their places in the graph's order of names
/// ([`KnowledgeGraph::name_rank`]). Rows of one name are in the order of their nodes.
fn sort_nodes_by_name(graph: &KnowledgeGraph, rows: &mut [(u64, Found)]) {
    let mut keyed: Vec<u128> = rows
        .iter()
        .enumerate()
        .map(|(i, (rank, row))| {
            let name = match row.key {
                Key::Node(id) => graph.name_rank(id),
                Key::Text(_) => u32::MAX,
            };
            (u128::from(*rank) << 64) | (u128::from(name) << 32) | i as u128
        })
        .collect();
    keyed.sort_unstable();
    permute(
        rows,
        keyed.iter().map(|k| (k & 0xFFFF_FFFF) as usize).collect(),
    );
}

/// Sorts rows by `rank` (smallest first), then by name, folded, then as written; the order
/// never depends on the order documents were read in. Each name is folded in part once; rows
/// that tie on the part are compared by the whole name.
fn sort_by_name<K: Ord + Copy>(
    graph: &KnowledgeGraph,
    rows: &mut [(K, Found)],
    label_of: impl Fn(&KnowledgeGraph, &Found) -> String,
) {
    let mut keyed: Vec<(K, u128, usize)> = rows
        .iter()
        .enumerate()
        .map(|(i, (rank, row))| (*rank, fold_prefix_of(graph, &row.key), i))
        .collect();
    keyed.sort_unstable();
    permute(rows, keyed.iter().map(|k| k.2).collect());
    let mut start = 0;
    while start < keyed.len() {
        let (rank, prefix, _) = keyed[start];
        let end = start
            + keyed[start..]
                .iter()
                .take_while(|k| k.0 == rank && k.1 == prefix)
                .count();
        if end - start > 1 {
            // A stable sort: rows of the same name keep the order they were reached in.
            rows[start..end].sort_by_cached_key(|(_, row)| {
                let label = label_of(graph, row);
                (normalize(&label), label)
            });
        }
        start = end;
    }
}
