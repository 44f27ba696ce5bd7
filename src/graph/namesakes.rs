//! Every entity a name may mean, for a question that must not settle on one silently: the
//! entities that carry the name or alias, and for a bare surname every person of that surname.
//! [`KnowledgeGraph::resolve`] answers one entity when the name is an alias of one ("Hussein"
//! for Saddam Hussein), even if another person has that surname (King Hussein).

use super::{KnowledgeGraph, NodeId, name_key};
use crate::model::EntityKind;
use crate::names::{normalize, surname_key};

impl KnowledgeGraph {
    /// The entities `name` may mean, the most mentioned first (quotes left out): those named
    /// so, and when the name is one word, every person whose name ends in it.
    pub fn namesakes(&self, name: &str) -> Vec<NodeId> {
        let folded = normalize(name);
        let mut ids: Vec<NodeId> = self
            .names
            .get(&name_key(&folded))
            .map(|ids| ids.to_vec())
            .unwrap_or_default();
        if !folded.contains(' ')
            && let Some(people) = self.surnames.get(&name_key(&surname_key(&folded)))
        {
            for &id in people {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        ids.retain(|&id| {
            self.graph
                .node_weight(id)
                .is_some_and(|n| n.kind != EntityKind::Quote)
        });
        self.rank(&ids)
    }
}
