//! Growing a graph: records that the merge takes after every record it holds (a later day:
//! `RecordBlocks::merge_order`) are merged on top of it, which gives what merging every record
//! again would, at the cost of the new records alone. A graph read from a file first makes the
//! indexes only merging needs, which the file does not save, from what it does save.

use rustc_hash::FxHashMap;

use super::merge::Fixes;
use super::survey::{Votes, companies};
use super::{DocId, KnowledgeGraph, Record};
use crate::model::MergeReason;

impl KnowledgeGraph {
    /// Merges the records at positions `new` (in the order of the merge, each after every
    /// record merged so far) on top of the graph, as merging every record again would, unless
    /// they change the company vote: then nothing is merged and the answer is false. The
    /// caller merges everything again then, as it must when a correction acts after the last
    /// record (`same`, `role`).
    pub(super) fn merge_on_top(&mut self, new: &[usize]) -> bool {
        let new: Vec<Record> = self.records.decode_at(new).into_iter().flatten().collect();
        self.resume();
        let mut votes = Votes::resume(
            std::mem::take(&mut self.votes),
            self.fingerprints.keys().copied(),
        );
        for record in &new {
            votes.add(record);
        }
        if votes.companies() != self.fixes.companies {
            return false;
        }
        self.votes = votes.into_counts();
        for record in &new {
            self.merge_record(record);
        }
        self.canonicalize();
        true
    }

    /// Lets go of the indexes only merging needs (edges by their ends, fingerprints, the merges
    /// logged, the corrections prepared), as a graph read from its file is without them: for a
    /// graph about to be saved and left, whose peak memory they would otherwise raise while it
    /// is written. A later change makes them again first.
    pub fn shed_merge_indexes(&mut self) {
        self.fixes = Fixes::default();
        self.fingerprints = FxHashMap::default();
        self.edge_keys = FxHashMap::default();
        self.logged = Default::default();
        self.redirects = Vec::new();
        self.read = true;
    }

    /// Makes a graph read from a file ready to merge more records on top: the indexes only
    /// merging needs, which the file does not save, are made from what it does (the edges'
    /// ends, the records' fingerprints, the merges log, the corrections and the vote's counts).
    fn resume(&mut self) {
        if !std::mem::take(&mut self.read) {
            return;
        }
        let mut fixes = Fixes::new(&self.corrections);
        fixes.companies = companies(&self.votes);
        self.fixes = fixes;
        let doc_of: FxHashMap<&str, DocId> = self
            .docs
            .iter()
            .enumerate()
            .map(|(doc, info)| (info.id.as_str(), doc as DocId))
            .collect();
        let mut fingerprints = FxHashMap::default();
        fingerprints.reserve(doc_of.len());
        for i in 0..self.records.len() {
            let (id, _, fingerprint) = self.records.head(i);
            if let Some(&doc) = doc_of.get(id) {
                fingerprints.insert(fingerprint, doc);
            }
        }
        drop(doc_of);
        self.fingerprints = fingerprints;
        self.edge_keys.clear();
        for e in self.graph.edge_indices() {
            if let Some((source, target)) = self.graph.edge_endpoints(e) {
                self.edge_keys
                    .insert((self.graph[e].kind, source, target), e);
            }
        }
        self.logged = self
            .merges
            .iter()
            .filter(|m| matches!(m.reason, MergeReason::Alias | MergeReason::Spelling))
            .map(|m| (m.kept.clone(), m.merged.clone()))
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::KnowledgeGraph;
    use crate::extract::extract;
    use crate::lexicon::Lexicon;
    use crate::text::Document;

    fn doc(id: &str, date: &str, text: &str) -> Document {
        Document {
            date: Some(date.to_string()),
            ..Document::new(id, text)
        }
    }

    fn add(graph: &mut KnowledgeGraph, doc: &Document) {
        assert!(graph.add(doc, &extract(doc, Lexicon::builtin())));
    }

    /// A graph of two days read back from its file, grown by a third document.
    fn grown(third: &Document) -> (KnowledgeGraph, KnowledgeGraph) {
        let first = doc("b", "2020-05-01", "Anna Berg met Carl Dorn in Oslo.");
        let second = doc("c", "2020-05-02", "Berg later met Erik Falk about trade.");
        let mut built = KnowledgeGraph::new();
        add(&mut built, &first);
        add(&mut built, &second);
        let mut read = KnowledgeGraph::from_bytes(&built.to_bytes()).expect("reads");
        add(&mut read, third);
        add(&mut built, third);
        (read, built)
    }

    #[test]
    fn a_later_day_is_merged_on_top_of_a_graph_read_from_its_file() {
        // Its id sorts first, its day last: the merge takes it last.
        let third = doc("a", "2020-05-03", "Falk met Berg in Bergen.");
        let (read, built) = grown(&third);
        // On top: the records read were not decoded (they are checked when all are merged).
        assert!(read.unchecked);
        assert_eq!(read.to_bytes(), built.to_bytes());
    }

    #[test]
    fn an_earlier_day_merges_every_record_again() {
        let third = doc("d", "2020-04-30", "Falk met Berg in Bergen.");
        let (read, built) = grown(&third);
        assert!(!read.unchecked);
        assert_eq!(read.to_bytes(), built.to_bytes());
    }

    #[test]
    fn a_graph_built_to_be_saved_saves_the_bytes_of_one_kept_in_order() {
        // The sample's merges remove nodes, so the graph kept out of order has holes that
        // saving must map: each node and edge to its place, and the indexes' nodes with them.
        let docs = vec![
            doc("a", "2020-05-01", "Mr Berg met Dorn in Oslo on Monday."),
            doc(
                "b",
                "2020-05-02",
                "Anna Berg, the trade minister, met Carl Dorn in Bergen.",
            ),
            doc(
                "c",
                "2020-05-03",
                "Berg said the talks with Erik Falk went well.",
            ),
            doc(
                "d",
                "2020-05-04",
                "Carl Dorn visited Paris. Dorn met Falk there.",
            ),
        ];
        let mut kept = KnowledgeGraph::new();
        let mut to_save = KnowledgeGraph::to_save();
        for doc in &docs {
            let ex = extract(doc, Lexicon::builtin());
            kept.add(doc, &ex);
            to_save.add(doc, &ex);
        }
        assert!(to_save.holes && !to_save.canonical_order().in_order);
        assert!(!kept.holes);
        to_save.shed_merge_indexes();
        assert_eq!(to_save.to_bytes(), kept.to_bytes());
    }
}
