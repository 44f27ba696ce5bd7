//! Who visited where, by article: the index behind the places of an event (a meeting during a
//! visit is where the visit was). Built at the first question that needs it after the graph
//! changed, like the did-you-mean index; answering names never pays for it.

use rustc_hash::FxHashMap;

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

/// The visits of every article, by article.
#[derive(Clone, Debug, Default)]
pub(super) struct Visits {
    by_doc: FxHashMap<DocId, Vec<Visit>>,
}

impl Visits {
    fn new(graph: &KnowledgeGraph) -> Visits {
        let mut by_doc: FxHashMap<DocId, Vec<Visit>> = FxHashMap::default();
        for (_, visitor, place, edge) in graph.edges() {
            if edge.kind != RelationKind::Visited {
                continue;
            }
            for e in edge.evidence.iter().filter(|e| !e.status.is_denied()) {
                by_doc.entry(e.doc).or_default().push(Visit {
                    visitor,
                    place,
                    range: e.date.as_ref().and_then(|d| d.range),
                });
            }
        }
        Visits { by_doc }
    }
}

impl KnowledgeGraph {
    /// The visits an article tells of, by sentences that do not deny them, in reading order.
    pub fn visits_in(&self, doc: DocId) -> &[Visit] {
        self.visits
            .get_or_init(|| Visits::new(self))
            .by_doc
            .get(&doc)
            .map_or(&[], Vec::as_slice)
    }
}
