//! The saved form of a graph: plain records that mirror the body of the file field for field,
//! and their encoding. Enum values are held as their names (`Person`, `MET`, `go_to`,
//! `planned`); nothing here knows a Rust enum, so reordering one cannot change the file.
//! `docs/graph-format.md` describes the bytes.
//!
//! The body is four sections (documents, nodes, edges, merges), each a count and that many
//! records. A string is written out the first time it occurs and referred to by number after
//! that, so names, rule names and sentences that repeat are stored once, and a reader meets
//! every string where it is first needed. [`Encoder`] and [`Decoder`] take one record at a
//! time, so that saving and loading never hold a second copy of the whole graph.

use std::str;

use rustc_hash::FxHashMap;

use super::GraphFileError;
use super::codec::{Reader, Writer};

/// A calendar day, as written: year, month (1-12), day (1-31).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct DateRecord {
    pub(super) year: i64,
    pub(super) month: u8,
    pub(super) day: u8,
}

/// A document.
#[derive(Debug)]
pub(super) struct DocRecord<'a> {
    pub(super) id: &'a str,
    pub(super) date: Option<DateRecord>,
    pub(super) title: Option<&'a str>,
}

/// A node.
#[derive(Debug, Default)]
pub(super) struct NodeRecord<'a> {
    pub(super) name: &'a str,
    /// An entity kind's name (`Person`).
    pub(super) kind: &'a str,
    /// A place kind's name (`city`).
    pub(super) place_kind: Option<&'a str>,
    pub(super) aliases: Vec<&'a str>,
    pub(super) roles: Vec<RoleRecord<'a>>,
    pub(super) mentions: u32,
    /// Positions in the documents section.
    pub(super) docs: Vec<u32>,
}

/// A role: a title, and what it is of.
#[derive(Debug)]
pub(super) struct RoleRecord<'a> {
    pub(super) title: &'a str,
    pub(super) of: Option<&'a str>,
}

/// An edge: its ends by node position, a relation name (`MET`) and its evidence.
#[derive(Debug, Default)]
pub(super) struct EdgeRecord<'a> {
    pub(super) source: u32,
    pub(super) target: u32,
    pub(super) kind: &'a str,
    pub(super) evidence: Vec<EvidenceRecord<'a>>,
}

/// One supporting sentence.
#[derive(Debug, Default)]
pub(super) struct EvidenceRecord<'a> {
    /// Position in the documents section.
    pub(super) doc: u32,
    /// The sentence's first byte in its document.
    pub(super) start: u64,
    /// The sentence's length in bytes.
    pub(super) len: u64,
    pub(super) sentence: &'a str,
    /// A rule's name (`go_to`).
    pub(super) rule: &'a str,
    pub(super) confidence: f32,
    /// A status's name (`planned`).
    pub(super) status: &'a str,
    pub(super) topics: Vec<&'a str>,
    pub(super) place: Option<&'a str>,
    pub(super) date: Option<DateRefRecord<'a>>,
    pub(super) role: Option<&'a str>,
}

/// A date as the text gave it, and the days it means when resolved.
#[derive(Debug)]
pub(super) struct DateRefRecord<'a> {
    pub(super) text: &'a str,
    pub(super) range: Option<RangeRecord<'a>>,
}

/// The days a date means, and a precision's name (`day`, `week`, `month`, `year`).
#[derive(Debug)]
pub(super) struct RangeRecord<'a> {
    pub(super) start: DateRecord,
    pub(super) end: DateRecord,
    pub(super) precision: &'a str,
}

/// A merge: the names, a reason's name (`alias`, `spelling`, `surname`, `within`), for
/// `within` the name of the rule that linked them in one document, and that document's id.
#[derive(Debug)]
pub(super) struct MergeRecord<'a> {
    pub(super) kept: &'a str,
    pub(super) merged: &'a str,
    pub(super) reason: &'a str,
    pub(super) link: Option<&'a str>,
    pub(super) doc: &'a str,
}

/// The fewest bytes a document record takes (id, date's presence byte, title).
const DOC_MIN: usize = 3;
/// The fewest bytes a node record takes (name, kind, place kind, three counts, mentions).
const NODE_MIN: usize = 7;
/// The fewest bytes a role takes (title, of).
const ROLE_MIN: usize = 2;
/// The fewest bytes an edge record takes (source, target, kind, evidence count).
const EDGE_MIN: usize = 4;
/// The fewest bytes an evidence record takes (nine one-byte fields and the `f32`).
const EVIDENCE_MIN: usize = 14;
/// The fewest bytes a merge record takes (kept, merged, reason, link, doc).
const MERGE_MIN: usize = 5;

/// Writes a body one record at a time: the caller gives each section's count, then its
/// records, in file order (documents, nodes, edges, merges). Strings are numbered in the order
/// they are first written, so the same records always give the same bytes.
#[derive(Debug)]
pub(super) struct Encoder<'a> {
    /// The number of every string written so far.
    ids: FxHashMap<&'a str, u32>,
    /// The numbers of names of enum values by address, so that the many uses of a few names
    /// are found without hashing their text.
    names: FxHashMap<(usize, usize), u32>,
    w: Writer,
}

impl<'a> Encoder<'a> {
    /// An encoder sized for about `strings` distinct strings and `bytes` bytes of body.
    pub(super) fn with_capacity(strings: usize, bytes: usize) -> Encoder<'a> {
        let mut ids = FxHashMap::default();
        ids.reserve(strings);
        Encoder {
            ids,
            names: FxHashMap::default(),
            w: Writer {
                buf: Vec::with_capacity(bytes),
            },
        }
    }

    /// Starts a section of `n` records.
    pub(super) fn section(&mut self, n: usize) {
        self.w.len(n);
    }

    /// One document.
    pub(super) fn doc(&mut self, doc: &DocRecord<'a>) {
        self.str(doc.id);
        self.w.opt_date(doc.date);
        self.opt_str(doc.title);
    }

    /// One node.
    pub(super) fn node(&mut self, node: &NodeRecord<'a>) {
        self.str(node.name);
        self.name(node.kind);
        self.opt_name(node.place_kind);
        self.strs(&node.aliases);
        self.w.len(node.roles.len());
        for role in &node.roles {
            self.str(role.title);
            self.opt_str(role.of);
        }
        self.w.uint(node.mentions.into());
        self.w.len(node.docs.len());
        for &doc in &node.docs {
            self.w.uint(doc.into());
        }
    }

    /// One edge with its evidence.
    pub(super) fn edge(&mut self, edge: &EdgeRecord<'a>) {
        self.w.uint(edge.source.into());
        self.w.uint(edge.target.into());
        self.name(edge.kind);
        self.w.len(edge.evidence.len());
        for e in &edge.evidence {
            self.w.uint(e.doc.into());
            self.w.uint(e.start);
            self.w.uint(e.len);
            self.str(e.sentence);
            self.name(e.rule);
            self.w.f32(e.confidence);
            self.name(e.status);
            self.strs(&e.topics);
            self.opt_str(e.place);
            match &e.date {
                None => self.w.byte(0),
                Some(date) => {
                    self.w.byte(1);
                    self.str(date.text);
                    match &date.range {
                        None => self.w.byte(0),
                        Some(range) => {
                            self.w.byte(1);
                            self.w.date(range.start);
                            self.w.date(range.end);
                            self.name(range.precision);
                        }
                    }
                }
            }
            self.opt_str(e.role);
        }
    }

    /// One merge.
    pub(super) fn merge(&mut self, merge: &MergeRecord<'a>) {
        self.str(merge.kept);
        self.str(merge.merged);
        self.name(merge.reason);
        self.opt_name(merge.link);
        self.str(merge.doc);
    }

    /// The body.
    pub(super) fn finish(self) -> Vec<u8> {
        self.w.buf
    }

    /// A string: its number plus one if it was written before, else 0 and the string itself.
    fn str(&mut self, s: &'a str) {
        self.with_tag(s, 0);
    }

    /// An optional string: 0 for none, else as [`Encoder::str`] shifted by one (1 and the
    /// string itself, or its number plus two).
    fn opt_str(&mut self, s: Option<&'a str>) {
        match s {
            None => self.w.uint(0),
            Some(s) => self.with_tag(s, 1),
        }
    }

    fn strs(&mut self, list: &[&'a str]) {
        self.w.len(list.len());
        for &s in list {
            self.str(s);
        }
    }

    /// A string with its first number, `first` (0 for a string, 1 for an optional one).
    fn with_tag(&mut self, s: &'a str, first: u64) {
        let next = self.ids.len() as u32;
        let id = *self.ids.entry(s).or_insert(next);
        if id == next {
            self.w.uint(first);
            self.w.bytes(s.as_bytes());
        } else {
            self.w.uint(first + 1 + u64::from(id));
        }
    }

    /// [`Encoder::str`] for a name of an enum value (always a `&'static str` in the program):
    /// the same bytes, found by the name's address after its first use.
    fn name(&mut self, name: &'a str) {
        self.name_with_tag(name, 0);
    }

    /// [`Encoder::opt_str`] for a name of an enum value.
    fn opt_name(&mut self, name: Option<&'a str>) {
        match name {
            None => self.w.uint(0),
            Some(name) => self.name_with_tag(name, 1),
        }
    }

    fn name_with_tag(&mut self, name: &'a str, first: u64) {
        let address = (name.as_ptr() as usize, name.len());
        match self.names.get(&address) {
            Some(&id) => self.w.uint(first + 1 + u64::from(id)),
            None => {
                self.with_tag(name, first);
                self.names.insert(address, self.ids[name]);
            }
        }
    }
}

impl Writer {
    fn date(&mut self, date: DateRecord) {
        self.int(date.year);
        self.byte(date.month);
        self.byte(date.day);
    }

    /// An optional date: a byte 0 for none, or 1 and the date.
    fn opt_date(&mut self, date: Option<DateRecord>) {
        match date {
            None => self.byte(0),
            Some(date) => {
                self.byte(1);
                self.date(date);
            }
        }
    }
}

/// Reads a body one record at a time, in the order [`Encoder`] wrote it. Every string number is
/// checked against the strings read so far and every count against the bytes left (at the
/// fewest bytes a record of its kind takes), so that a count can be reserved. What names and
/// positions mean is checked by the caller.
#[derive(Debug)]
pub(super) struct Decoder<'a> {
    r: Reader<'a>,
    /// Every string read so far, by number.
    strings: Vec<&'a str>,
}

impl<'a> Decoder<'a> {
    /// A decoder at the start of a body.
    pub(super) fn new(body: &'a [u8]) -> Decoder<'a> {
        Decoder {
            r: Reader::new(body),
            strings: Vec::new(),
        }
    }

    /// The count of the documents section.
    pub(super) fn docs(&mut self) -> Result<usize, GraphFileError> {
        self.r.count(DOC_MIN)
    }

    /// The count of the nodes section.
    pub(super) fn nodes(&mut self) -> Result<usize, GraphFileError> {
        self.r.count(NODE_MIN)
    }

    /// The count of the edges section.
    pub(super) fn edges(&mut self) -> Result<usize, GraphFileError> {
        self.r.count(EDGE_MIN)
    }

    /// The count of the merges section.
    pub(super) fn merges(&mut self) -> Result<usize, GraphFileError> {
        self.r.count(MERGE_MIN)
    }

    /// One document.
    pub(super) fn doc(&mut self) -> Result<DocRecord<'a>, GraphFileError> {
        Ok(DocRecord {
            id: self.str()?,
            date: self.opt_date()?,
            title: self.opt_str()?,
        })
    }

    /// One node, read into `node`, whose lists keep their memory from one node to the next.
    pub(super) fn node(&mut self, node: &mut NodeRecord<'a>) -> Result<(), GraphFileError> {
        node.name = self.str()?;
        node.kind = self.str()?;
        node.place_kind = self.opt_str()?;
        self.strs(&mut node.aliases)?;
        let count = self.r.count(ROLE_MIN)?;
        node.roles.clear();
        for _ in 0..count {
            node.roles.push(RoleRecord {
                title: self.str()?,
                of: self.opt_str()?,
            });
        }
        node.mentions = self.r.u32()?;
        let count = self.r.count(1)?;
        node.docs.clear();
        for _ in 0..count {
            node.docs.push(self.r.u32()?);
        }
        Ok(())
    }

    /// One edge with its evidence, read into `edge`, whose lists keep their memory from one
    /// edge to the next.
    pub(super) fn edge(&mut self, edge: &mut EdgeRecord<'a>) -> Result<(), GraphFileError> {
        edge.source = self.r.u32()?;
        edge.target = self.r.u32()?;
        edge.kind = self.str()?;
        let count = self.r.count(EVIDENCE_MIN)?;
        edge.evidence.resize_with(count, EvidenceRecord::default);
        for e in &mut edge.evidence {
            self.evidence(e)?;
        }
        Ok(())
    }

    /// One merge.
    pub(super) fn merge(&mut self) -> Result<MergeRecord<'a>, GraphFileError> {
        Ok(MergeRecord {
            kept: self.str()?,
            merged: self.str()?,
            reason: self.str()?,
            link: self.opt_str()?,
            doc: self.str()?,
        })
    }

    /// Checks that the body has been read to its last byte.
    pub(super) fn finish(self) -> Result<(), GraphFileError> {
        if self.r.remaining() > 0 {
            return Err(GraphFileError::Inconsistent(
                "bytes are left over after the last record",
            ));
        }
        Ok(())
    }

    fn str(&mut self) -> Result<&'a str, GraphFileError> {
        let tag = self.r.uint()?;
        self.tagged(tag)
    }

    fn opt_str(&mut self) -> Result<Option<&'a str>, GraphFileError> {
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

    fn strs(&mut self, list: &mut Vec<&'a str>) -> Result<(), GraphFileError> {
        let n = self.r.count(1)?;
        list.clear();
        for _ in 0..n {
            list.push(self.str()?);
        }
        Ok(())
    }

    /// A presence byte: 0 or 1, nothing else.
    fn present(&mut self) -> Result<bool, GraphFileError> {
        match self.r.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(GraphFileError::Inconsistent(
                "a presence byte is neither 0 nor 1",
            )),
        }
    }

    fn date(&mut self) -> Result<DateRecord, GraphFileError> {
        Ok(DateRecord {
            year: self.r.int()?,
            month: self.r.byte()?,
            day: self.r.byte()?,
        })
    }

    fn opt_date(&mut self) -> Result<Option<DateRecord>, GraphFileError> {
        Ok(if self.present()? {
            Some(self.date()?)
        } else {
            None
        })
    }

    fn evidence(&mut self, e: &mut EvidenceRecord<'a>) -> Result<(), GraphFileError> {
        e.doc = self.r.u32()?;
        e.start = self.r.uint()?;
        e.len = self.r.uint()?;
        e.sentence = self.str()?;
        e.rule = self.str()?;
        e.confidence = self.r.f32()?;
        e.status = self.str()?;
        self.strs(&mut e.topics)?;
        e.place = self.opt_str()?;
        e.date = if self.present()? {
            let text = self.str()?;
            let range = if self.present()? {
                Some(RangeRecord {
                    start: self.date()?,
                    end: self.date()?,
                    precision: self.str()?,
                })
            } else {
                None
            };
            Some(DateRefRecord { text, range })
        } else {
            None
        };
        e.role = self.opt_str()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The counts of a damaged file are checked against these sizes: a record must never take
    /// fewer bytes than they say, or a good file would be refused.
    #[test]
    fn the_smallest_records_take_the_bytes_counts_assume() {
        let mut out = Encoder::with_capacity(1, 64);
        // Every string below is a reference to this one, one byte.
        out.str("");
        let s = "";
        let mut sizes = Vec::new();
        let mut size_of = |out: &mut Encoder<'static>, write: &dyn Fn(&mut Encoder<'static>)| {
            let before = out.w.buf.len();
            write(out);
            sizes.push(out.w.buf.len() - before);
        };
        size_of(&mut out, &|out| {
            out.doc(&DocRecord {
                id: s,
                date: None,
                title: None,
            })
        });
        size_of(&mut out, &|out| out.node(&NodeRecord::default()));
        size_of(&mut out, &|out| {
            out.str(s);
            out.opt_str(None);
        });
        size_of(&mut out, &|out| out.edge(&EdgeRecord::default()));
        size_of(&mut out, &|out| {
            out.edge(&EdgeRecord {
                evidence: vec![EvidenceRecord::default()],
                ..EdgeRecord::default()
            })
        });
        size_of(&mut out, &|out| {
            out.merge(&MergeRecord {
                kept: s,
                merged: s,
                reason: s,
                link: None,
                doc: s,
            })
        });
        assert_eq!(
            sizes,
            [
                DOC_MIN,
                NODE_MIN,
                ROLE_MIN,
                EDGE_MIN,
                EDGE_MIN + EVIDENCE_MIN,
                MERGE_MIN
            ]
        );
    }

    #[test]
    fn a_string_is_written_once_and_referred_to_after() {
        let mut out = Encoder::with_capacity(2, 64);
        let record = MergeRecord {
            kept: "Sergei Lavrov",
            merged: "Sergey Lavrov",
            reason: "spelling",
            link: None,
            doc: "Sergei Lavrov",
        };
        out.merge(&record);
        out.merge(&record);
        let body = out.finish();
        let mut expected = vec![0, 13];
        expected.extend_from_slice(b"Sergei Lavrov");
        expected.extend_from_slice(&[0, 13]);
        expected.extend_from_slice(b"Sergey Lavrov");
        expected.extend_from_slice(&[0, 8]);
        expected.extend_from_slice(b"spelling");
        expected.extend_from_slice(&[0, 1]);
        expected.extend_from_slice(&[1, 2, 3, 0, 1]);
        assert_eq!(body, expected);
        let mut input = Decoder::new(&body);
        for _ in 0..2 {
            let merge = input.merge().expect("a merge");
            assert_eq!(
                (
                    merge.kept,
                    merge.merged,
                    merge.reason,
                    merge.link,
                    merge.doc
                ),
                (
                    "Sergei Lavrov",
                    "Sergey Lavrov",
                    "spelling",
                    None,
                    "Sergei Lavrov"
                )
            );
        }
        assert!(input.finish().is_ok());
        // A reference to a string not yet read.
        assert!(Decoder::new(&[5]).merge().is_err());
    }
}
