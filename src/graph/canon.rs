//! The order a graph keeps its nodes and edges in: the order they were made in, without
//! gaps, so that a graph depends on its records alone and not on the history of its merges.

use std::collections::BTreeSet;

use super::{DocSet, Edge, EdgeId, KnowledgeGraph, Node, NodeId};
use crate::model::EntityKind;

/// The order a graph keeps its nodes and edges in: the order they were made in.
pub(super) struct Canon {
    pub(super) nodes: Vec<NodeId>,
    pub(super) edges: Vec<EdgeId>,
    /// Each node and edge is at its place in that order already.
    pub(super) in_order: bool,
    /// Each node's place in that order, by its index (`NodeId::end()` for none).
    places: Vec<NodeId>,
}

impl Canon {
    /// The place of node `id` in the order (`NodeId::end()` for a node merged away).
    pub(super) fn place(&self, id: NodeId) -> NodeId {
        self.places
            .get(id.index())
            .copied()
            .unwrap_or(NodeId::end())
    }
}

impl KnowledgeGraph {
    /// Puts the nodes and edges in the order they were made, without gaps: node `i` is the
    /// `i`-th made of those left, and each node's edges are listed newest first. A merge leaves
    /// gaps where it removed nodes and edges and fills them with later ones, so that the order
    /// of a graph's nodes would depend on its history; in this order it depends on the records
    /// alone. A graph merged in full and one merged on top of an earlier merge of its first
    /// records (`KnowledgeGraph::insert`) are then one graph, and so is one read from a file,
    /// which keeps this order.
    pub(super) fn canonicalize(&mut self) {
        // Until a node or an edge is removed, each is made at the end: the order is the order
        // they were made in already. A graph built only to be saved is put in order as it is
        // saved instead (`unordered`), without a second copy of its nodes and edges.
        if !self.holes || self.unordered {
            return;
        }
        self.holes = false;
        let canon = self.canonical_order();
        let (nodes, edges) = (&canon.nodes, &canon.edges);
        if !canon.in_order {
            let mut old = std::mem::take(&mut self.graph);
            let mut graph =
                petgraph::stable_graph::StableDiGraph::with_capacity(nodes.len(), edges.len());
            for &n in nodes {
                let placeholder = Node {
                    name: String::new(),
                    kind: EntityKind::Topic,
                    place_kind: None,
                    aliases: BTreeSet::new(),
                    roles: BTreeSet::new(),
                    mentions: 0,
                    docs: DocSet::new(),
                };
                // Added in order, each node gets its place as its index.
                graph.add_node(std::mem::replace(&mut old[n], placeholder));
            }
            self.edge_keys.clear();
            for &e in edges {
                let Some((s, t)) = old.edge_endpoints(e) else {
                    continue;
                };
                let kind = old[e].kind;
                let edge = std::mem::replace(
                    &mut old[e],
                    Edge {
                        kind,
                        evidence: Vec::new(),
                    },
                );
                let (s, t) = (canon.place(s), canon.place(t));
                let id = graph.add_edge(s, t, edge);
                self.edge_keys.insert((kind, s, t), id);
            }
            let remap = |id: &mut NodeId| *id = canon.place(*id);
            for index in [&mut self.names, &mut self.surnames, &mut self.apart] {
                for ids in index.values_mut() {
                    ids.iter_mut().for_each(remap);
                    ids.retain(|id| *id != NodeId::end());
                }
            }
            self.keys.values_mut().for_each(remap);
            self.graph = graph;
        }
        self.node_births = (0..nodes.len() as u32).collect();
        self.edge_births = (0..edges.len() as u32).collect();
        self.births = nodes.len().max(edges.len()) as u32;
    }

    /// The nodes and edges in the order they were made in, and whether that is their order.
    pub(super) fn canonical_order(&self) -> Canon {
        let mut nodes: Vec<NodeId> = self.graph.node_indices().collect();
        nodes.sort_by_key(|n| self.node_births[n.index()]);
        let mut edges: Vec<EdgeId> = self.graph.edge_indices().collect();
        edges.sort_by_key(|e| self.edge_births[e.index()]);
        let in_order = nodes.iter().enumerate().all(|(i, n)| n.index() == i)
            && edges.iter().enumerate().all(|(i, e)| e.index() == i);
        let mut places = vec![NodeId::end(); self.node_births.len()];
        for (i, n) in nodes.iter().enumerate() {
            places[n.index()] = NodeId::new(i);
        }
        Canon {
            nodes,
            edges,
            in_order,
            places,
        }
    }
}
