//! Exports: the graph, or the part of it an answer touches, as Graphviz DOT or JSON.
//!
//! INTERFACE STUB: being written.

use std::collections::BTreeSet;

use crate::graph::{EdgeId, KnowledgeGraph, NodeId};

/// A part of the graph to export: these nodes and these edges.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Nodes to draw.
    pub nodes: BTreeSet<NodeId>,
    /// Edges to draw (their ends are drawn too).
    pub edges: BTreeSet<EdgeId>,
}

/// The graph, or a selection of it, as Graphviz DOT.
pub fn to_dot(graph: &KnowledgeGraph, selection: Option<&Selection>) -> String {
    let _ = (graph, selection);
    todo!("export layer")
}

/// The graph, or a selection of it, as the contract's JSON.
pub fn to_json(graph: &KnowledgeGraph, selection: Option<&Selection>) -> String {
    let _ = (graph, selection);
    todo!("export layer")
}
