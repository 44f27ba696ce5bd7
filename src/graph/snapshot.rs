//! The saved form of a graph: a magic line, a format version, then the nodes, edges, documents
//! and merges in postcard. Indexes are rebuilt on load, so they never go stale on disk.

use petgraph::visit::NodeIndexable;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{DocInfo, Edge, KnowledgeGraph, Merge, Node, NodeId};

const MAGIC: &[u8; 8] = b"KGRAPH\n\0";
/// Bumped whenever the saved layout changes; older files are refused with a clear message.
pub const FORMAT_VERSION: u16 = 1;

/// Why bytes could not be read back as a graph.
#[derive(Debug, Error)]
pub enum GraphFileError {
    /// The bytes do not start like a graph file.
    #[error("not a kg graph file (build one with `kg build PATH --output FILE`)")]
    NotAGraph,
    /// Written by another version of the format.
    #[error(
        "graph file format version {found} is not supported (this kg reads version {expected}); rebuild it with `kg build`"
    )]
    Version {
        /// The version in the file.
        found: u16,
        /// The version this build reads.
        expected: u16,
    },
    /// The body did not decode.
    #[error("graph file is damaged")]
    Corrupt(#[from] postcard::Error),
    /// The body decoded but does not hold together.
    #[error("graph file is damaged: {0}")]
    Inconsistent(&'static str),
}

#[derive(Serialize, Deserialize)]
struct Snapshot {
    docs: Vec<DocInfo>,
    nodes: Vec<Node>,
    edges: Vec<(u32, u32, Edge)>,
    merges: Vec<Merge>,
}

impl KnowledgeGraph {
    /// The graph as bytes, in the versioned file format.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Node indices are compacted so that a graph with merged-away nodes saves densely.
        let mut dense = vec![u32::MAX; NodeIndexable::node_bound(&self.graph)];
        let mut nodes = Vec::with_capacity(self.graph.node_count());
        for (i, (id, node)) in self.nodes().enumerate() {
            dense[id.index()] = i as u32;
            nodes.push(node.clone());
        }
        let edges = self
            .edges()
            .map(|(_, s, t, e)| (dense[s.index()], dense[t.index()], e.clone()))
            .collect();
        let snapshot = Snapshot {
            docs: self.docs.clone(),
            nodes,
            edges,
            merges: self.merges.clone(),
        };
        let mut out = Vec::with_capacity(1 << 16);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        // Serializing owned plain data into a Vec cannot fail.
        out.extend(postcard::to_allocvec(&snapshot).expect("postcard serializes plain data"));
        out
    }

    /// Reads a graph written by [`KnowledgeGraph::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<KnowledgeGraph, GraphFileError> {
        let rest = bytes
            .strip_prefix(MAGIC.as_slice())
            .ok_or(GraphFileError::NotAGraph)?;
        if rest.len() < 2 {
            return Err(GraphFileError::NotAGraph);
        }
        let found = u16::from_le_bytes([rest[0], rest[1]]);
        if found != FORMAT_VERSION {
            return Err(GraphFileError::Version {
                found,
                expected: FORMAT_VERSION,
            });
        }
        let snapshot: Snapshot = postcard::from_bytes(&rest[2..])?;
        let mut graph = KnowledgeGraph {
            docs: snapshot.docs,
            merges: snapshot.merges,
            ..KnowledgeGraph::default()
        };
        let mut ids: Vec<NodeId> = Vec::with_capacity(snapshot.nodes.len());
        for node in snapshot.nodes {
            let kind = node.kind;
            let name = node.name.clone();
            let aliases: Vec<String> = node.aliases.iter().cloned().collect();
            let id = graph.graph.add_node(node);
            graph.index_name(&name, id);
            for alias in &aliases {
                graph.index_name(alias, id);
            }
            graph.register_keys(kind, &name, &aliases, id);
            ids.push(id);
        }
        for (s, t, edge) in snapshot.edges {
            let (Some(&s), Some(&t)) = (ids.get(s as usize), ids.get(t as usize)) else {
                return Err(GraphFileError::Inconsistent(
                    "an edge names a node that is not there",
                ));
            };
            let kind = edge.kind;
            let e = graph.graph.add_edge(s, t, edge);
            graph.edge_keys.insert((kind, s, t), e);
        }
        Ok(graph)
    }
}
