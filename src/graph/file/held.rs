//! A graph's records as it holds them: their blocks, laid out as the records section of a file
//! ([`RecordBlocks`]), decoded a record at a time when the graph merges.

use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use super::{codec, convert};
use crate::graph::Record;

/// A graph's records as their blocks, sorted by id, laid out as a records section (the number
/// of records, then each block after its length) in one or more buffers: a file's bytes as read,
/// and the blocks added since. A graph keeps its records so (about a third of their size
/// decoded) and decodes each when it merges; a file's records section is read as it is, and
/// written as it is: adding a record to a graph read from a file copies none of the others
/// (`kg add`), the section is written in pieces ([`RecordBlocks::pieces`]).
#[derive(Clone, Debug, Default)]
pub(crate) struct RecordBlocks {
    /// The buffers that hold the blocks, each block after its length.
    bufs: Vec<Vec<u8>>,
    /// Where each block is.
    blocks: Vec<At>,
}

/// Where a block is: in which buffer, from its length on, and the block itself.
#[derive(Clone, Debug)]
struct At {
    buf: usize,
    /// Where the block's length starts.
    from: usize,
    /// The block.
    range: Range<usize>,
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
    pub(crate) fn from_blocks<'b>(blocks: impl ExactSizeIterator<Item = &'b [u8]>) -> RecordBlocks {
        let mut out = RecordBlocks::default();
        out.push_all(blocks);
        out
    }

    /// The records of a file's bytes, whose blocks are at `ranges` (each from its length on,
    /// and the block itself).
    pub(super) fn of_file(bytes: Vec<u8>, ranges: Vec<(usize, Range<usize>)>) -> RecordBlocks {
        RecordBlocks {
            bufs: vec![bytes],
            blocks: ranges
                .into_iter()
                .map(|(from, range)| At {
                    buf: 0,
                    from,
                    range,
                })
                .collect(),
        }
    }

    /// Adds blocks at the end, in a buffer of their own.
    fn push_all<'b>(&mut self, blocks: impl ExactSizeIterator<Item = &'b [u8]>) {
        let at = self.stash(blocks);
        self.blocks.extend(at);
    }

    /// Puts blocks in a buffer of their own, not yet among the records: where each is.
    fn stash<'b>(&mut self, blocks: impl ExactSizeIterator<Item = &'b [u8]>) -> Vec<At> {
        let mut w = codec::Writer::default();
        let buf = self.bufs.len();
        let mut at = Vec::with_capacity(blocks.len());
        for block in blocks {
            let from = w.buf.len();
            w.bytes(block);
            let end = w.buf.len();
            at.push(At {
                buf,
                from,
                range: end - block.len()..end,
            });
        }
        w.buf.shrink_to_fit();
        self.bufs.push(w.buf);
        at
    }

    /// These records as `blocks` say, in the buffers they are in while at least half of their
    /// bytes are blocks still held; else copied into one buffer, so that a shell that adds and
    /// removes documents for a long time does not keep every block it ever held.
    fn arranged(mut self, blocks: Vec<At>) -> RecordBlocks {
        self.blocks = blocks;
        let held: usize = self.blocks.iter().map(|at| at.range.end - at.from).sum();
        let total: usize = self.bufs.iter().map(Vec::len).sum();
        if held * 2 >= total {
            return self;
        }
        RecordBlocks::from_blocks(
            (0..self.len())
                .map(|i| self.block(i))
                .collect::<Vec<_>>()
                .into_iter(),
        )
    }

    /// The records section after the number of records ([`RecordBlocks::count_bytes`]), as
    /// pieces to write one after the other: each run of blocks that lie one after the other in
    /// a buffer, each block after its length.
    pub(crate) fn pieces(&self) -> Vec<&[u8]> {
        let mut pieces: Vec<&[u8]> = Vec::new();
        let mut run: Option<At> = None;
        for at in &self.blocks {
            match &mut run {
                Some(r) if r.buf == at.buf && r.range.end == at.from => r.range.end = at.range.end,
                _ => {
                    if let Some(r) = run.take() {
                        pieces.push(&self.bufs[r.buf][r.from..r.range.end]);
                    }
                    run = Some(at.clone());
                }
            }
        }
        if let Some(r) = run {
            pieces.push(&self.bufs[r.buf][r.from..r.range.end]);
        }
        pieces
    }

    /// The number of records as the records section starts with it.
    pub(crate) fn count_bytes(&self) -> Vec<u8> {
        let mut w = codec::Writer::default();
        w.len(self.len());
        w.buf
    }

    /// The records section in one buffer.
    pub(crate) fn section(&self) -> Vec<u8> {
        let mut out = self.count_bytes();
        for piece in self.pieces() {
            out.extend_from_slice(piece);
        }
        out
    }

    /// How many records.
    pub(crate) fn len(&self) -> usize {
        self.blocks.len()
    }

    /// The block of record `i`.
    pub(crate) fn block(&self, i: usize) -> &[u8] {
        let at = &self.blocks[i];
        &self.bufs[at.buf][at.range.clone()]
    }

    /// Record `i`'s id, text hash and fingerprint (a block that does not read has none).
    pub(crate) fn head(&self, i: usize) -> (&str, u64, u64) {
        convert::record_head(self.block(i)).unwrap_or(("", 0, 0))
    }

    /// Where a record of this id is, or would go (a binary search that reads only ids).
    pub(crate) fn position(&self, id: &str) -> Result<usize, usize> {
        self.blocks.binary_search_by(|at| {
            convert::record_head(&self.bufs[at.buf][at.range.clone()])
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
        let blocks = keep.iter().map(|&i| self.blocks[i].clone()).collect();
        self.arranged(blocks)
    }

    /// These records with others: `replaced` gives new blocks for some positions, `added`
    /// (sorted by id, no id held) goes in order of the ids. The blocks held stay where they
    /// are; the new ones go in a buffer of their own.
    pub(crate) fn with(
        mut self,
        replaced: &FxHashMap<usize, RecordBlock>,
        added: &[RecordBlock],
    ) -> RecordBlocks {
        // Each place in the new order: a block held (Ok) or the n-th new block (Err).
        let mut order: Vec<Result<usize, usize>> = Vec::with_capacity(self.len() + added.len());
        let mut new: Vec<&[u8]> = Vec::with_capacity(replaced.len() + added.len());
        let mut next = added.iter().peekable();
        for i in 0..self.len() {
            let id = self.head(i).0;
            while let Some(a) = next.next_if(|a| a.id.as_str() < id) {
                order.push(Err(new.len()));
                new.push(&a.bytes);
            }
            match replaced.get(&i) {
                Some(b) => {
                    order.push(Err(new.len()));
                    new.push(&b.bytes);
                }
                None => order.push(Ok(i)),
            }
        }
        for a in next {
            order.push(Err(new.len()));
            new.push(&a.bytes);
        }
        let new = self.stash(new.into_iter());
        let blocks = order
            .into_iter()
            .map(|place| match place {
                Ok(i) => self.blocks[i].clone(),
                Err(n) => new[n].clone(),
            })
            .collect();
        self.arranged(blocks)
    }

    /// These records less those at `gone` (positions).
    pub(crate) fn without(self, gone: &FxHashSet<usize>) -> RecordBlocks {
        let blocks = (0..self.len())
            .filter(|i| !gone.contains(i))
            .map(|i| self.blocks[i].clone())
            .collect();
        self.arranged(blocks)
    }
}

#[cfg(test)]
mod tests {
    use rustc_hash::{FxHashMap, FxHashSet};

    use super::{RecordBlock, RecordBlocks};
    use crate::graph::Record;
    use crate::model::Extraction;
    use crate::text::Document;

    /// The block of a record of no entities, for document `id`.
    fn block(id: &str) -> RecordBlock {
        let doc = Document::new(id, format!("The text of {id}."));
        RecordBlock::encode(&Record::new(&doc, &Extraction::default()))
    }

    fn laid_out(ids: &[&str]) -> RecordBlocks {
        let blocks: Vec<RecordBlock> = ids.iter().map(|id| block(id)).collect();
        RecordBlocks::from_blocks(
            blocks
                .iter()
                .map(|b| b.bytes.as_slice())
                .collect::<Vec<_>>()
                .into_iter(),
        )
    }

    fn ids(records: &RecordBlocks) -> Vec<&str> {
        (0..records.len()).map(|i| records.head(i).0).collect()
    }

    #[test]
    fn added_blocks_leave_the_held_ones_where_they_are_and_write_the_same_section() {
        let held = laid_out(&["a", "c", "e"]);
        let mut replaced = FxHashMap::default();
        replaced.insert(1, block("c"));
        let added = [block("b"), block("f")];
        let grown = held.with(&replaced, &added);
        assert_eq!(ids(&grown), ["a", "b", "c", "e", "f"]);
        assert_eq!(
            grown.section(),
            laid_out(&["a", "b", "c", "e", "f"]).section()
        );
        // The held blocks stay in their buffer, the new ones ("b", "c", "f") go in one: four
        // runs, "a", "b c", "e", "f".
        assert_eq!(grown.bufs.len(), 2);
        assert_eq!(grown.pieces().len(), 4);
    }

    #[test]
    fn blocks_mostly_let_go_are_copied_into_one_buffer() {
        let names: Vec<String> = (0..10).map(|i| format!("d{i}")).collect();
        let all: Vec<&str> = names.iter().map(String::as_str).collect();
        let mut records = laid_out(&all);
        let gone: FxHashSet<usize> = (0..4).collect();
        records = records.without(&gone);
        assert_eq!(records.bufs.len(), 1);
        assert_eq!(ids(&records), all[4..]);
        records = records.with(&FxHashMap::default(), &[block("e")]);
        assert_eq!(records.bufs.len(), 2);
        let gone: FxHashSet<usize> = (0..5).collect();
        records = records.without(&gone);
        // Two blocks of sixteen held: one buffer again, the same section.
        assert_eq!(records.bufs.len(), 1);
        assert_eq!(ids(&records), ["d9", "e"]);
        assert_eq!(records.section(), laid_out(&["d9", "e"]).section());
        assert_eq!(records.pieces().len(), 1);
    }
}
