//! The strings of a block: a string is written out the first time it occurs in its block and
//! referred to by number after that, so names, rule names and kinds that repeat are stored once
//! a block. Every block (the corrections, each document's record) numbers its strings from 0, so
//! a block can be copied from one file into another unchanged: that is how documents are added
//! to and removed from a graph file without reading the others (`stored.rs`).
//! `docs/graph-format.md` describes the bytes.

use std::hash::BuildHasher;
use std::str;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use super::GraphFileError;
use super::codec::{Reader, Writer};

/// A calendar day, as written: year, month (1-12), day (1-31).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct DateRecord {
    pub(super) year: i64,
    pub(super) month: u8,
    pub(super) day: u8,
}

/// Writes one block: numbers, and strings numbered in the order they are first written.
#[derive(Debug, Default)]
pub(super) struct Encoder<'a> {
    /// Every string written so far in this block, by number.
    strings: Vec<&'a str>,
    /// The number of every string written so far, with 32 bits of its hash, found by that
    /// hash. Eight bytes a string, so that the table of a large block stays in the cache, and
    /// grows without hashing a string again: a table of the strings themselves was a third of
    /// the time of saving a graph of news, most of it waiting on memory.
    ids: HashTable<(u32, u32)>,
    pub(super) w: Writer,
}

/// A string's hash: 32 bits, repeated so that the table's 7-bit tags (the top bits) and its
/// bucket numbers (the low bits) both come from them.
fn hash32(s: &str) -> u32 {
    let h = FxBuildHasher.hash_one(s);
    (h ^ (h >> 32)) as u32
}

/// The 64-bit hash the table is given for a string of [`hash32`] `h`.
fn spread(h: u32) -> u64 {
    (u64::from(h) << 32) | u64::from(h)
}

impl<'a> Encoder<'a> {
    /// An encoder with room for this many distinct strings and bytes.
    pub(super) fn with_capacity(strings: usize, bytes: usize) -> Encoder<'a> {
        let mut encoder = Encoder::default();
        encoder.strings.reserve(strings);
        encoder.ids.reserve(strings, |&(_, h)| spread(h));
        encoder.w.buf.reserve(bytes);
        encoder
    }

    /// A string: its number plus one if it was written before, else 0 and the string itself.
    pub(super) fn str(&mut self, s: &'a str) {
        self.with_tag(s, 0);
    }

    /// An optional string: 0 for none, else as [`Encoder::str`] shifted by one (1 and the
    /// string itself, or its number plus two).
    pub(super) fn opt_str(&mut self, s: Option<&'a str>) {
        match s {
            None => self.w.uint(0),
            Some(s) => self.with_tag(s, 1),
        }
    }

    fn with_tag(&mut self, s: &'a str, first: u64) {
        let h = hash32(s);
        let strings = &self.strings;
        if let Some(&(id, _)) = self.ids.find(spread(h), |&(id, held)| {
            held == h && strings[id as usize] == s
        }) {
            self.w.uint(first + 1 + u64::from(id));
            return;
        }
        let id = self.strings.len() as u32;
        self.strings.push(s);
        self.ids
            .insert_unique(spread(h), (id, h), |&(_, h)| spread(h));
        self.w.uint(first);
        self.w.bytes(s.as_bytes());
    }

    /// A presence byte: 1 when the value follows, 0 when not.
    pub(super) fn present(&mut self, present: bool) {
        self.w.byte(u8::from(present));
    }

    /// A day.
    pub(super) fn date(&mut self, date: DateRecord) {
        self.w.int(date.year);
        self.w.byte(date.month);
        self.w.byte(date.day);
    }

    /// The block's bytes.
    pub(super) fn finish(self) -> Vec<u8> {
        self.w.buf
    }
}

/// Reads one block, in the order [`Encoder`] wrote it. Every string number is checked against
/// the strings read so far and every count against the bytes left.
#[derive(Debug)]
pub(super) struct Decoder<'a> {
    pub(super) r: Reader<'a>,
    /// Every string read so far in this block, by number.
    strings: Vec<&'a str>,
}

impl<'a> Decoder<'a> {
    /// How many distinct strings were read so far.
    pub(super) fn strings_read(&self) -> usize {
        self.strings.len()
    }

    /// A decoder at the start of a block.
    pub(super) fn new(block: &'a [u8]) -> Decoder<'a> {
        Decoder {
            r: Reader::new(block),
            strings: Vec::new(),
        }
    }

    /// Checks that the block has been read to its last byte.
    pub(super) fn finish(self) -> Result<(), GraphFileError> {
        if self.r.remaining() > 0 {
            return Err(GraphFileError::Inconsistent(
                "bytes are left over at the end of a record",
            ));
        }
        Ok(())
    }

    pub(super) fn str(&mut self) -> Result<&'a str, GraphFileError> {
        let tag = self.r.uint()?;
        self.tagged(tag)
    }

    pub(super) fn opt_str(&mut self) -> Result<Option<&'a str>, GraphFileError> {
        match self.r.uint()? {
            0 => Ok(None),
            tag => self.tagged(tag - 1).map(Some),
        }
    }

    /// A string after its tag: 0 for a new string, which follows, else a string read before,
    /// by number plus one.
    fn tagged(&mut self, tag: u64) -> Result<&'a str, GraphFileError> {
        if tag == 0 {
            let s = str::from_utf8(self.r.bytes()?)
                .map_err(|_| GraphFileError::Inconsistent("a string is not UTF-8"))?;
            self.strings.push(s);
            return Ok(s);
        }
        usize::try_from(tag - 1)
            .ok()
            .and_then(|i| self.strings.get(i).copied())
            .ok_or(GraphFileError::Inconsistent(
                "a string refers to one that has not been read",
            ))
    }

    pub(super) fn strs(&mut self) -> Result<Vec<&'a str>, GraphFileError> {
        let n = self.r.count(1)?;
        let mut list = Vec::with_capacity(n);
        for _ in 0..n {
            list.push(self.str()?);
        }
        Ok(list)
    }

    /// A presence byte: 0 or 1, nothing else.
    pub(super) fn present(&mut self) -> Result<bool, GraphFileError> {
        match self.r.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(GraphFileError::Inconsistent(
                "a presence byte is neither 0 nor 1",
            )),
        }
    }

    pub(super) fn date(&mut self) -> Result<DateRecord, GraphFileError> {
        Ok(DateRecord {
            year: self.r.int()?,
            month: self.r.byte()?,
            day: self.r.byte()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_string_is_written_once_and_referred_to_after() {
        let mut out = Encoder::default();
        for _ in 0..2 {
            out.str("Sergei Lavrov");
            out.opt_str(Some("Sergei Lavrov"));
            out.opt_str(None);
        }
        let body = out.finish();
        let mut expected = vec![0, 13];
        expected.extend_from_slice(b"Sergei Lavrov");
        expected.extend_from_slice(&[2, 0, 1, 2, 0]);
        assert_eq!(body, expected);
        let mut input = Decoder::new(&body);
        for _ in 0..2 {
            assert_eq!(input.str().ok(), Some("Sergei Lavrov"));
            assert_eq!(input.opt_str().ok(), Some(Some("Sergei Lavrov")));
            assert_eq!(input.opt_str().ok(), Some(None));
        }
        assert!(input.finish().is_ok());
        // A reference to a string not yet read.
        assert!(Decoder::new(&[5]).str().is_err());
    }
}
