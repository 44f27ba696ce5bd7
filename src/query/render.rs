//! An [`Answer`] as text.

use crate::graph::KnowledgeGraph;

use super::answer::{Answer, Format};

impl Answer {
    /// The answer printed in a format; `evidence` adds the supporting sentence to each row.
    pub fn render(
        &self,
        graph: &KnowledgeGraph,
        format: Format,
        evidence: bool,
        width: Option<usize>,
    ) -> String {
        let _ = (graph, format, evidence, width);
        todo!("rendering")
    }
}
