//! A graph file's records as blocks of bytes, for removing documents (`kg remove`) without
//! extracting the others again or reading the merged graph, which a removal merges anew: each
//! record is a block that numbers its own strings, so it can be copied into the new file as it
//! is. Reading one takes only each block's id and hashes; writing one merges the records (the
//! file holds the merged graph too). The bytes written are those [`KnowledgeGraph::to_bytes`]
//! gives for the same records and corrections, so a graph cut down this way is the graph a
//! fresh build of its documents makes.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::{FileParts, GraphFileError, RecordBlocks, blocks, convert, merged, open};
use crate::graph::{Corrections, KnowledgeGraph};

/// One record: its id, fingerprint and where its block is in the file read.
#[derive(Clone, Debug)]
struct Entry {
    id: String,
    fingerprint: u64,
    block: Range<usize>,
}

/// A graph file held as its blocks: documents can be removed, and the corrections changed,
/// without merging or decoding the records already there.
#[derive(Clone, Debug, Default)]
pub struct StoredGraph {
    /// The body of the file read.
    body: Vec<u8>,
    corrections: Corrections,
    /// Sorted by id, ids distinct.
    entries: Vec<Entry>,
    /// Fingerprint -> how many records have it.
    fingerprints: FxHashMap<u64, usize>,
}

impl StoredGraph {
    /// Reads a graph file's header, corrections and each record's id and hashes. The body is
    /// checked against its checksum, so what is not read is what was written.
    pub fn from_bytes(bytes: &[u8]) -> Result<StoredGraph, GraphFileError> {
        let layout = open(bytes)?;
        let corrections = convert::decode_corrections(layout.section(bytes, 0)?)?;
        let body = layout.section(bytes, 1)?;
        let ranges = blocks(body, 0)?;
        let mut graph = StoredGraph {
            corrections,
            ..StoredGraph::default()
        };
        graph.entries.reserve(ranges.len());
        for (_, range) in ranges {
            let (id, _, fingerprint) = convert::record_head(&body[range.clone()])?;
            if graph
                .entries
                .last()
                .is_some_and(|last| last.id.as_str() >= id)
            {
                return Err(GraphFileError::Inconsistent(
                    "the records are not in order of their ids, or two have one id",
                ));
            }
            *graph.fingerprints.entry(fingerprint).or_default() += 1;
            graph.entries.push(Entry {
                id: id.to_string(),
                fingerprint,
                block: range,
            });
        }
        graph.body = body.to_vec();
        Ok(graph)
    }

    fn block<'a>(&'a self, entry: &'a Entry) -> &'a [u8] {
        &self.body[entry.block.clone()]
    }

    /// The bytes of the graph file: exactly those of [`KnowledgeGraph::to_bytes`] for these
    /// records and corrections. The records are decoded and merged (the file holds the merged
    /// graph); a block of the file read that does not decode is refused.
    pub fn to_bytes(&self) -> Result<Vec<u8>, GraphFileError> {
        self.to_parts().map(FileParts::concat)
    }

    /// The bytes of [`StoredGraph::to_bytes`] as the header and each section.
    pub fn to_parts(&self) -> Result<FileParts<'static>, GraphFileError> {
        let records = RecordBlocks::from_blocks(
            self.entries
                .iter()
                .map(|e| self.block(e))
                .collect::<Vec<_>>()
                .into_iter(),
        );
        let graph = KnowledgeGraph::from_blocks(records, self.corrections.clone());
        // Every block must decode: the merge leaves out one that does not, which is refused.
        if graph.merged_doc_count() != self.entries.len() {
            return Err(GraphFileError::Inconsistent("a record does not decode"));
        }
        Ok(FileParts::new(
            convert::encode_corrections(&self.corrections).into(),
            vec![graph.records.section().into()],
            merged::encode_merged(&graph).into(),
        ))
    }

    /// The corrections the file holds.
    pub fn corrections(&self) -> &Corrections {
        &self.corrections
    }

    /// Replaces the corrections.
    pub fn set_corrections(&mut self, corrections: Corrections) {
        self.corrections = corrections;
    }

    /// How many documents the file holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the file holds no document.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// True when a document has this id.
    pub fn has(&self, id: &str) -> bool {
        self.position(id).is_ok()
    }

    /// The ids of the documents, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.id.as_str())
    }

    /// How many documents have the text of another one held (and so add no facts).
    pub fn duplicates(&self) -> usize {
        self.entries.len() - self.fingerprints.len()
    }

    fn position(&self, id: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|e| e.id.as_str().cmp(id))
    }

    /// Removes the document with this id; false when there is none.
    pub fn remove(&mut self, id: &str) -> bool {
        match self.position(id) {
            Ok(i) => {
                let entry = self.entries.remove(i);
                self.forget(entry.fingerprint);
                true
            }
            Err(_) => false,
        }
    }

    fn forget(&mut self, fingerprint: u64) {
        if let Some(count) = self.fingerprints.get_mut(&fingerprint) {
            *count -= 1;
            if *count == 0 {
                self.fingerprints.remove(&fingerprint);
            }
        }
    }

    /// Merges the records into a graph (decoding every block).
    pub fn to_graph(&self) -> Result<KnowledgeGraph, GraphFileError> {
        KnowledgeGraph::from_vec(self.to_bytes()?)
    }
}
