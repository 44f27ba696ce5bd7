//! The order of names in answers, computed once per graph: each node's name folded as
//! [`normalize`] folds it, its first sixteen bytes as a number that sorts as they do. Sorting a
//! hub's thousands of answers then compares numbers, and only names that tie on their first
//! sixteen bytes are folded in full.

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

impl KnowledgeGraph {
    /// [`name_prefix`] of a node's name, from a table built at the first call after the graph
    /// changed.
    pub fn name_order(&self, id: NodeId) -> u128 {
        let table = self.order.get_or_init(|| {
            let bound = self
                .nodes()
                .map(|(id, _)| id.index() + 1)
                .max()
                .unwrap_or(0);
            let mut table = vec![0u128; bound];
            for (id, node) in self.nodes() {
                if let Some(slot) = table.get_mut(id.index()) {
                    *slot = name_prefix(&node.name);
                }
            }
            table
        });
        table
            .get(id.index())
            .copied()
            .unwrap_or_else(|| name_prefix(&self.node(id).name))
    }
}
