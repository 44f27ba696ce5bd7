//! Events: the unit a question's conditions hold for. An edge keeps every sentence about one
//! relation between two entities; an event is one occasion of it: the sentences of one document
//! whose dates overlap (a day within a week is the same occasion), with the sentences of that
//! document that give no date, which belong to each of its occasions. A document whose
//! sentences give no date tells of one undated event.
//!
//! So "Kerry is in Moscow to discuss Syria" and "Thursday evening, Kerry will meet Putin" are
//! one meeting, about Syria and on 24 March: `who met Kerry about Syria since 2016-03-01` finds
//! Putin although no sentence says both.

use crate::graph::{DocId, Edge};
use crate::model::Date;

/// The occasions of an edge, each as the indices of its evidence, in document order.
pub(super) fn occasions(edge: &Edge) -> Vec<Vec<usize>> {
    if edge.evidence.len() == 1 {
        return vec![vec![0]];
    }
    let mut order: Vec<usize> = (0..edge.evidence.len()).collect();
    order.sort_by_key(|&i| (edge.evidence[i].doc, i));
    let mut out = Vec::new();
    let mut start = 0;
    while start < order.len() {
        let doc: DocId = edge.evidence[order[start]].doc;
        let end = start
            + order[start..]
                .iter()
                .take_while(|&&i| edge.evidence[i].doc == doc)
                .count();
        in_document(edge, &order[start..end], &mut out);
        start = end;
    }
    out
}

/// The occasions among the sentences of one document.
fn in_document(edge: &Edge, indices: &[usize], out: &mut Vec<Vec<usize>>) {
    let range = |i: usize| {
        edge.evidence[i]
            .date
            .as_ref()
            .and_then(|d| d.range)
            .map(|r| (r.start, r.end))
    };
    let mut dated: Vec<(Date, Date, usize)> = indices
        .iter()
        .filter_map(|&i| range(i).map(|(s, e)| (s, e, i)))
        .collect();
    let undated: Vec<usize> = indices
        .iter()
        .copied()
        .filter(|&i| range(i).is_none())
        .collect();
    if dated.is_empty() {
        out.push(undated);
        return;
    }
    dated.sort();
    let mut current: Vec<usize> = Vec::new();
    let mut until: Option<Date> = None;
    for (start, end, i) in dated {
        if until.is_some_and(|u| start > u) {
            out.push(finish(std::mem::take(&mut current), &undated));
            until = None;
        }
        current.push(i);
        until = Some(until.map_or(end, |u| u.max(end)));
    }
    out.push(finish(current, &undated));
}

fn finish(mut occasion: Vec<usize>, undated: &[usize]) -> Vec<usize> {
    occasion.extend_from_slice(undated);
    occasion.sort_unstable();
    occasion
}
