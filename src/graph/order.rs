//! The order of names in answers, computed once per graph: each node's name folded as
//! [`normalize`] folds it, its first sixteen bytes as a number that sorts as they do, and the
//! node's place among all nodes in that order. A hub's thousands of answers, all nodes, then
//! sort as numbers of rank and place; answers that mix nodes and topics compare the numbers of
//! sixteen bytes, and fold in full only names that tie on them.

use super::{KnowledgeGraph, NodeId};
use crate::names::normalize;

/// The first sixteen bytes of a name as [`normalize`] folds it (a leading "the" dropped), as a
/// number that sorts as those bytes do.
pub fn name_prefix(name: &str) -> u128 {
    let mut bytes = [0u8; 20];
    let mut len = 0;
    if name.is_ascii() {
        let mut pending_space = false;
        for b in name.bytes() {
            if len == bytes.len() {
                break;
            }
            if b.is_ascii_alphanumeric() {
                if pending_space && len > 0 && len + 1 < bytes.len() {
                    bytes[len] = b' ';
                    len += 1;
                }
                pending_space = false;
                bytes[len] = b.to_ascii_lowercase();
                len += 1;
            } else if b != b'.' && b != b'\'' {
                pending_space = true;
            }
        }
    } else {
        for b in normalize(name).bytes().take(bytes.len()) {
            bytes[len] = b;
            len += 1;
        }
    }
    let start = if bytes.starts_with(b"the ") { 4 } else { 0 };
    let mut key = [0u8; 16];
    for (i, b) in bytes[start..len.max(start)].iter().take(16).enumerate() {
        key[i] = *b;
    }
    u128::from_be_bytes(key)
}

/// Every node's [`name_prefix`] and its place among all the nodes sorted by name.
#[derive(Clone, Debug, Default)]
pub(super) struct Order {
    /// Node index -> prefix.
    prefix: Vec<u128>,
    /// Node index -> rank (apart, so that sorting a hub's answers reads 4 bytes a node).
    rank: Vec<u32>,
}

impl Order {
    fn new(graph: &KnowledgeGraph) -> Order {
        let bound = graph
            .nodes()
            .map(|(id, _)| id.index() + 1)
            .max()
            .unwrap_or(0);
        let mut order = Order {
            prefix: vec![0; bound],
            rank: vec![u32::MAX; bound],
        };
        let mut sorted: Vec<(u128, NodeId)> = graph
            .nodes()
            .map(|(id, node)| (name_prefix(&node.name), id))
            .collect();
        for &(prefix, id) in &sorted {
            order.prefix[id.index()] = prefix;
        }
        sorted.sort_unstable();
        // Names that tie on their prefix, folded in full: then as written, then by index.
        let mut start = 0;
        while start < sorted.len() {
            let prefix = sorted[start].0;
            let end = start + sorted[start..].iter().take_while(|p| p.0 == prefix).count();
            if end - start > 1 {
                sorted[start..end].sort_by_cached_key(|&(_, id)| {
                    let name = &graph.node(id).name;
                    (normalize(name), name.clone(), id)
                });
            }
            start = end;
        }
        for (rank, &(_, id)) in sorted.iter().enumerate() {
            order.rank[id.index()] = rank as u32;
        }
        order
    }
}

impl KnowledgeGraph {
    fn order(&self) -> &Order {
        self.order.get_or_init(|| Order::new(self))
    }

    /// [`name_prefix`] of a node's name, from a table built at the first call after the graph
    /// changed.
    pub fn name_order(&self, id: NodeId) -> u128 {
        self.order()
            .prefix
            .get(id.index())
            .copied()
            .unwrap_or_else(|| name_prefix(&self.node(id).name))
    }

    /// A node's place among all the graph's nodes sorted by name (folded, then as written, then
    /// by index): comparing two nodes' ranks compares their names. From the same table as
    /// [`KnowledgeGraph::name_order`].
    pub fn name_rank(&self, id: NodeId) -> u32 {
        self.order()
            .rank
            .get(id.index())
            .copied()
            .unwrap_or(u32::MAX)
    }
}
