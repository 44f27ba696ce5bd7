//! A graph's records as it holds them: their blocks, laid out as the records section of a file
//! ([`RecordBlocks`]), decoded a record at a time when the graph merges.

use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::{codec, convert};
use crate::graph::Record;

/// A graph's records as their blocks, sorted by id: a records section (the number of records,
/// then each block after its length), held in `bytes` at `section`, and where each block is.
/// A graph keeps its records so (about a third of their size decoded) and decodes each when
/// it merges; a file's records section is read as it is, and written as it is.
#[derive(Clone, Debug, Default)]
pub(crate) struct RecordBlocks {
    /// Bytes that hold the records section (a whole file's, or the section alone); none for a
    /// graph of no records.
    bytes: Vec<u8>,
    /// Where the section is in `bytes`.
    section: Range<usize>,
    /// Where each block is in `bytes`.
    ranges: Vec<Range<usize>>,
}

/// A record's block, with the head of the record it holds.
#[derive(Clone, Debug)]
pub struct RecordBlock {
    /// The document id.
    pub id: String,
    /// The hash of the document's text ([`crate::graph::text_hash`]).
    pub text_hash: u64,
    /// The block, as a graph file holds it.
    bytes: Vec<u8>,
}

impl RecordBlock {
    /// The document's date, if it has one.
    pub(crate) fn date(&self) -> Option<crate::model::Date> {
        convert::record_date(&self.bytes)
    }

    /// A record's block.
    pub fn encode(record: &Record) -> RecordBlock {
        let mut bytes = convert::encode_record(record);
        // Held until the merge, by the hundred thousand: no room to grow.
        bytes.shrink_to_fit();
        RecordBlock {
            id: record.id.clone(),
            text_hash: record.text_hash,
            bytes,
        }
    }
}

impl RecordBlocks {
    /// Blocks laid out as a records section, in the order given (sorted by id).
    pub(crate) fn from_blocks<'b>(
        blocks: impl ExactSizeIterator<Item = &'b [u8]> + Clone,
    ) -> RecordBlocks {
        let total: usize = blocks.clone().map(|b| b.len() + 10).sum::<usize>() + 10;
        let mut w = codec::Writer::default();
        w.buf.reserve_exact(total);
        w.len(blocks.len());
        let mut ranges = Vec::with_capacity(blocks.len());
        for block in blocks {
            w.bytes(block);
            let end = w.buf.len();
            ranges.push(end - block.len()..end);
        }
        let bytes = w.buf;
        RecordBlocks {
            section: 0..bytes.len(),
            bytes,
            ranges,
        }
    }

    /// The records of a file's bytes: its records section at `section`, where `ranges` are.
    pub(super) fn of_file(
        bytes: Vec<u8>,
        section: Range<usize>,
        ranges: Vec<Range<usize>>,
    ) -> RecordBlocks {
        RecordBlocks {
            bytes,
            section,
            ranges,
        }
    }

    /// The records section's bytes.
    pub(crate) fn section(&self) -> &[u8] {
        if self.bytes.is_empty() {
            // No record: a count of 0.
            &[0]
        } else {
            &self.bytes[self.section.clone()]
        }
    }

    /// How many records.
    pub(crate) fn len(&self) -> usize {
        self.ranges.len()
    }

    /// The block of record `i`.
    pub(crate) fn block(&self, i: usize) -> &[u8] {
        &self.bytes[self.ranges[i].clone()]
    }

    /// Record `i`'s id, text hash and fingerprint (a block that does not read has none).
    pub(crate) fn head(&self, i: usize) -> (&str, u64, u64) {
        convert::record_head(self.block(i)).unwrap_or(("", 0, 0))
    }

    /// Where a record of this id is, or would go (a binary search that reads only ids).
    pub(crate) fn position(&self, id: &str) -> Result<usize, usize> {
        self.ranges.binary_search_by(|range| {
            convert::record_head(&self.bytes[range.clone()])
                .map_or(std::cmp::Ordering::Less, |(held, _, _)| held.cmp(id))
        })
    }

    /// True when a record has this id.
    pub(crate) fn has(&self, id: &str) -> bool {
        self.position(id).is_ok()
    }

    /// Every record's fingerprint, in order.
    pub(crate) fn fingerprints(&self) -> Vec<u64> {
        (0..self.len()).map(|i| self.head(i).2).collect()
    }

    /// Record `i`, decoded.
    pub(crate) fn decode(&self, i: usize, names: &mut convert::Lookups) -> Option<Record> {
        convert::decode_record(self.block(i), names).ok()
    }

    /// Record `i`'s date, if it has one.
    pub(crate) fn date(&self, i: usize) -> Option<crate::model::Date> {
        convert::record_date(self.block(i))
    }

    /// The last record in the order the graph merges them, as its date and id.
    pub(crate) fn last_merged(&self) -> Option<(Option<crate::model::Date>, &str)> {
        (0..self.len())
            .map(|i| (self.date(i), self.head(i).0))
            .max()
    }

    /// The positions of the records in the order the graph merges them: by date, the undated
    /// first, and by id within a day. News arrives in this order, so the articles of a new day
    /// merge on top of a graph of the days before (`KnowledgeGraph::insert`).
    pub(crate) fn merge_order(&self) -> Vec<usize> {
        let mut order: Vec<(Option<crate::model::Date>, usize)> =
            (0..self.len()).map(|i| (self.date(i), i)).collect();
        order.sort_unstable();
        order.into_iter().map(|(_, i)| i).collect()
    }

    /// The records at these positions, decoded on every core; a block that does not decode
    /// is `None`.
    pub(crate) fn decode_at(&self, at: &[usize]) -> Vec<Option<Record>> {
        at.par_iter()
            .map_init(convert::Lookups::new, |names, &i| self.decode(i, names))
            .collect()
    }

    /// Records `from..to`, decoded on every core; a block that does not decode is `None`.
    pub(crate) fn decode_range(&self, range: Range<usize>) -> Vec<Option<Record>> {
        range
            .into_par_iter()
            .map_init(convert::Lookups::new, |names, i| self.decode(i, names))
            .collect()
    }

    /// Every record, decoded on every core (a block that does not decode is left out).
    pub(crate) fn decode_all(&self) -> Vec<Record> {
        self.decode_range(0..self.len())
            .into_iter()
            .flatten()
            .collect()
    }

    /// The same records, less those whose block does not decode or is out of order of the ids
    /// (a file's blocks passed its checksum: only a forged file has one). Decodes every block.
    pub(crate) fn checked(self) -> RecordBlocks {
        let good: Vec<bool> = (0..self.len())
            .into_par_iter()
            .map_init(convert::Lookups::new, |names, i| {
                self.decode(i, names).is_some()
            })
            .collect();
        let mut keep: Vec<usize> = Vec::with_capacity(self.len());
        for (i, ok) in good.into_iter().enumerate() {
            if ok
                && keep
                    .last()
                    .is_none_or(|&last| self.head(last).0 < self.head(i).0)
            {
                keep.push(i);
            }
        }
        if keep.len() == self.len() {
            return self;
        }
        RecordBlocks::from_blocks(
            keep.iter()
                .map(|&i| self.block(i))
                .collect::<Vec<_>>()
                .into_iter(),
        )
    }

    /// These records with others: `replaced` gives new blocks for some positions, `added`
    /// (sorted by id, no id held) goes in order of the ids.
    pub(crate) fn with(
        &self,
        replaced: &FxHashMap<usize, RecordBlock>,
        added: &[RecordBlock],
    ) -> RecordBlocks {
        let mut out: Vec<&[u8]> = Vec::with_capacity(self.len() + added.len());
        let mut next = added.iter().peekable();
        for i in 0..self.len() {
            let id = self.head(i).0;
            while let Some(a) = next.next_if(|a| a.id.as_str() < id) {
                out.push(&a.bytes);
            }
            out.push(
                replaced
                    .get(&i)
                    .map_or(self.block(i), |b| b.bytes.as_slice()),
            );
        }
        out.extend(next.map(|a| a.bytes.as_slice()));
        RecordBlocks::from_blocks(out.into_iter())
    }

    /// These records less those at `gone` (positions, sorted).
    pub(crate) fn without(&self, gone: &FxHashSet<usize>) -> RecordBlocks {
        let kept: Vec<&[u8]> = (0..self.len())
            .filter(|i| !gone.contains(i))
            .map(|i| self.block(i))
            .collect();
        RecordBlocks::from_blocks(kept.into_iter())
    }
}
