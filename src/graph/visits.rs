//! Who visited where, by article: the index behind the places of an event (a meeting during a
//! visit is where the visit was). Built at the first question that needs it after the graph
//! changed, like the did-you-mean index; answering names never pays for it.

use super::{DocId, KnowledgeGraph, NodeId};
use crate::model::{DateRange, RelationKind};

/// One sentence of an article saying that someone went somewhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Visit {
    /// Who went.
    pub visitor: NodeId,
    /// Where.
    pub place: NodeId,
    /// When, if the sentence says.
    pub range: Option<DateRange>,
}

/// The visits of every article, by article, in one array.
#[derive(Clone, Debug, Default)]
pub(super) struct Visits {
    /// Document -> where its visits begin in `visits`; one more entry than documents.
    start: Vec<u32>,
    visits: Vec<Visit>,
}

impl Visits {
    fn new(graph: &KnowledgeGraph) -> Visits {
        let mut all: Vec<(DocId, Visit)> = Vec::new();
        for (_, visitor, place, edge) in graph.edges() {
            if edge.kind != RelationKind::Visited {
                continue;
            }
            for e in edge.evidence.iter().filter(|e| !e.status.is_denied()) {
                let range = e.date.as_ref().and_then(|d| d.range);
                all.push((
                    e.doc,
                    Visit {
                        visitor,
                        place,
                        range,
                    },
                ));
            }
        }
        // Stable: within an article, the order the edges are stored in.
        all.sort_by_key(|(doc, _)| *doc);
        let docs = graph
            .docs()
            .len()
            .max(all.last().map_or(0, |(d, _)| *d as usize + 1));
        let mut start = Vec::with_capacity(docs + 1);
        let mut at = 0;
        for doc in 0..docs {
            start.push(at as u32);
            at += all[at..]
                .iter()
                .take_while(|(d, _)| *d as usize == doc)
                .count();
        }
        start.push(at as u32);
        Visits {
            start,
            visits: all.into_iter().map(|(_, v)| v).collect(),
        }
    }
}

impl KnowledgeGraph {
    /// The visits an article tells of, by sentences that do not deny them, in reading order.
    pub fn visits_in(&self, doc: DocId) -> &[Visit] {
        let index = self.visits.get_or_init(|| Visits::new(self));
        let i = doc as usize;
        match (index.start.get(i), index.start.get(i + 1)) {
            (Some(&a), Some(&b)) => &index.visits[a as usize..b as usize],
            _ => &[],
        }
    }
}
