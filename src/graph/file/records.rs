//! The saved form of a graph: plain records that mirror the body of the file field for field,
//! and their encoding. Strings, including the names that stand for enum values (`Person`,
//! `MET`, `go_to`, `planned`), are indices into one string table; nothing here knows a Rust
//! enum, so reordering one cannot change the file. `docs/graph-format.md` describes the bytes.
//!
//! The body is the string table, then four sections (documents, nodes, edges, merges), each a
//! count and that many records. [`Encoder`] and [`Decoder`] take one record at a time, so that
//! saving and loading never hold a second copy of the whole graph.

use std::str;

use rustc_hash::FxHashMap;

use super::GraphFileError;
use super::codec::{Reader, Writer};

/// An index into the string table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct StrId(pub(super) u32);

/// A calendar day, as written: year, month (1-12), day (1-31).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct DateRecord {
    pub(super) year: i64,
    pub(super) month: u8,
    pub(super) day: u8,
}

/// A document.
#[derive(Debug)]
pub(super) struct DocRecord {
    pub(super) id: StrId,
    pub(super) date: Option<DateRecord>,
    pub(super) title: Option<StrId>,
}

/// A node.
#[derive(Debug, Default)]
pub(super) struct NodeRecord {
    pub(super) name: StrId,
    /// An entity kind's name (`Person`).
    pub(super) kind: StrId,
    /// A place kind's name (`city`).
    pub(super) place_kind: Option<StrId>,
    pub(super) aliases: Vec<StrId>,
    pub(super) roles: Vec<RoleRecord>,
    pub(super) mentions: u32,
    /// Positions in the documents section.
    pub(super) docs: Vec<u32>,
}

/// A role: a title, and what it is of.
#[derive(Debug)]
pub(super) struct RoleRecord {
    pub(super) title: StrId,
    pub(super) of: Option<StrId>,
}

/// An edge: its ends by node position, a relation name (`MET`) and its evidence.
#[derive(Debug, Default)]
pub(super) struct EdgeRecord {
    pub(super) source: u32,
    pub(super) target: u32,
    pub(super) kind: StrId,
    pub(super) evidence: Vec<EvidenceRecord>,
}

/// One supporting sentence.
#[derive(Debug, Default)]
pub(super) struct EvidenceRecord {
    /// Position in the documents section.
    pub(super) doc: u32,
    /// The sentence's first byte in its document.
    pub(super) start: u64,
    /// The sentence's length in bytes.
    pub(super) len: u64,
    pub(super) sentence: StrId,
    /// A rule's name (`go_to`).
    pub(super) rule: StrId,
    pub(super) confidence: f32,
    /// A status's name (`planned`).
    pub(super) status: StrId,
    pub(super) topics: Vec<StrId>,
    pub(super) place: Option<StrId>,
    pub(super) date: Option<DateRefRecord>,
    pub(super) role: Option<StrId>,
}

/// A date as the text gave it, and the days it means when resolved.
#[derive(Debug)]
pub(super) struct DateRefRecord {
    pub(super) text: StrId,
    pub(super) range: Option<RangeRecord>,
}

/// The days a date means, and a precision's name (`day`, `week`, `month`, `year`).
#[derive(Debug)]
pub(super) struct RangeRecord {
    pub(super) start: DateRecord,
    pub(super) end: DateRecord,
    pub(super) precision: StrId,
}

/// A merge: the names, a reason's name (`alias`, `spelling`, `surname`, `within`), for
/// `within` the name of the rule that linked them in one document, and that document's id.
#[derive(Debug)]
pub(super) struct MergeRecord {
    pub(super) kept: StrId,
    pub(super) merged: StrId,
    pub(super) reason: StrId,
    pub(super) link: Option<StrId>,
    pub(super) doc: StrId,
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
/// records, in file order (documents, nodes, edges, merges). Strings are numbered in order of
/// first use, so the same records always give the same bytes.
#[derive(Debug)]
pub(super) struct Encoder<'a> {
    ids: FxHashMap<&'a str, u32>,
    /// The ids of names of enum values by address, so that the many uses of a few names are
    /// looked up without hashing their text.
    names: FxHashMap<(usize, usize), StrId>,
    strings: Vec<&'a str>,
    text: usize,
    w: Writer,
}

impl<'a> Encoder<'a> {
    /// An encoder sized for about `strings` distinct strings and `records` bytes of records.
    pub(super) fn with_capacity(strings: usize, records: usize) -> Encoder<'a> {
        let mut ids = FxHashMap::default();
        ids.reserve(strings);
        Encoder {
            ids,
            names: FxHashMap::default(),
            strings: Vec::with_capacity(strings),
            text: 0,
            w: Writer {
                buf: Vec::with_capacity(records),
            },
        }
    }

    /// The index of a string in the table, added at the end if new.
    pub(super) fn str(&mut self, s: &'a str) -> StrId {
        let next = self.strings.len() as u32;
        let id = *self.ids.entry(s).or_insert(next);
        if id == next {
            self.strings.push(s);
            self.text += s.len();
        }
        StrId(id)
    }

    /// [`Encoder::str`] for a name of an enum value: the same id, found faster.
    pub(super) fn name(&mut self, name: &'static str) -> StrId {
        let address = (name.as_ptr() as usize, name.len());
        if let Some(&id) = self.names.get(&address) {
            return id;
        }
        let id = self.str(name);
        self.names.insert(address, id);
        id
    }

    /// [`Encoder::str`] for an optional string.
    pub(super) fn opt_str(&mut self, s: Option<&'a str>) -> Option<StrId> {
        s.map(|s| self.str(s))
    }

    /// Starts a section of `n` records.
    pub(super) fn section(&mut self, n: usize) {
        self.w.len(n);
    }

    /// One document.
    pub(super) fn doc(&mut self, doc: &DocRecord) {
        let w = &mut self.w;
        w.str(doc.id);
        w.opt_date(doc.date);
        w.opt_str(doc.title);
    }

    /// One node.
    pub(super) fn node(&mut self, node: &NodeRecord) {
        let w = &mut self.w;
        w.str(node.name);
        w.str(node.kind);
        w.opt_str(node.place_kind);
        w.strs(&node.aliases);
        w.len(node.roles.len());
        for role in &node.roles {
            w.str(role.title);
            w.opt_str(role.of);
        }
        w.uint(node.mentions.into());
        w.len(node.docs.len());
        for &doc in &node.docs {
            w.uint(doc.into());
        }
    }

    /// One edge with its evidence.
    pub(super) fn edge(&mut self, edge: &EdgeRecord) {
        let w = &mut self.w;
        w.uint(edge.source.into());
        w.uint(edge.target.into());
        w.str(edge.kind);
        w.len(edge.evidence.len());
        for e in &edge.evidence {
            w.uint(e.doc.into());
            w.uint(e.start);
            w.uint(e.len);
            w.str(e.sentence);
            w.str(e.rule);
            w.f32(e.confidence);
            w.str(e.status);
            w.strs(&e.topics);
            w.opt_str(e.place);
            match &e.date {
                None => w.byte(0),
                Some(date) => {
                    w.byte(1);
                    w.str(date.text);
                    match &date.range {
                        None => w.byte(0),
                        Some(range) => {
                            w.byte(1);
                            w.date(range.start);
                            w.date(range.end);
                            w.str(range.precision);
                        }
                    }
                }
            }
            w.opt_str(e.role);
        }
    }

    /// One merge.
    pub(super) fn merge(&mut self, merge: &MergeRecord) {
        let w = &mut self.w;
        w.str(merge.kept);
        w.str(merge.merged);
        w.str(merge.reason);
        w.opt_str(merge.link);
        w.str(merge.doc);
    }

    /// The body: the string table, then the sections as written.
    pub(super) fn finish(self) -> Vec<u8> {
        let mut w = Writer {
            buf: Vec::with_capacity(self.text + 3 * self.strings.len() + 10 + self.w.buf.len()),
        };
        w.len(self.strings.len());
        for s in &self.strings {
            w.bytes(s.as_bytes());
        }
        w.buf.extend_from_slice(&self.w.buf);
        w.buf
    }
}

impl Writer {
    fn str(&mut self, id: StrId) {
        self.uint(id.0.into());
    }

    /// An optional string: 0 for none, else its index plus one.
    fn opt_str(&mut self, id: Option<StrId>) {
        self.uint(id.map_or(0, |id| u64::from(id.0) + 1));
    }

    fn strs(&mut self, ids: &[StrId]) {
        self.len(ids.len());
        for &id in ids {
            self.str(id);
        }
    }

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

/// Reads a body one record at a time, in the order [`Encoder`] wrote it. Every string index is
/// checked against the table and every count against the bytes left (at the fewest bytes a
/// record of its kind takes), so that a count can be reserved. What names and positions mean is
/// checked by the caller.
#[derive(Debug)]
pub(super) struct Decoder<'a> {
    r: Reader<'a>,
    strings: Vec<&'a str>,
}

impl<'a> Decoder<'a> {
    /// Reads the string table at the start of a body.
    pub(super) fn open(body: &'a [u8]) -> Result<Decoder<'a>, GraphFileError> {
        let mut r = Reader::new(body);
        let n = r.count(1)?;
        let mut strings = Vec::with_capacity(n);
        for _ in 0..n {
            let s = str::from_utf8(r.bytes()?)
                .map_err(|_| GraphFileError::Inconsistent("a string is not UTF-8"))?;
            strings.push(s);
        }
        Ok(Decoder { r, strings })
    }

    /// The string at an index read by this decoder.
    pub(super) fn str(&self, id: StrId) -> Result<&'a str, GraphFileError> {
        self.strings.get(id.0 as usize).copied().ok_or(PAST_TABLE)
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
    pub(super) fn doc(&mut self) -> Result<DocRecord, GraphFileError> {
        Ok(DocRecord {
            id: self.id()?,
            date: self.opt_date()?,
            title: self.opt_id()?,
        })
    }

    /// One node, read into `node`, whose lists keep their memory from one node to the next.
    pub(super) fn node(&mut self, node: &mut NodeRecord) -> Result<(), GraphFileError> {
        node.name = self.id()?;
        node.kind = self.id()?;
        node.place_kind = self.opt_id()?;
        self.ids(&mut node.aliases)?;
        let count = self.r.count(ROLE_MIN)?;
        node.roles.clear();
        for _ in 0..count {
            node.roles.push(RoleRecord {
                title: self.id()?,
                of: self.opt_id()?,
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
    pub(super) fn edge(&mut self, edge: &mut EdgeRecord) -> Result<(), GraphFileError> {
        edge.source = self.r.u32()?;
        edge.target = self.r.u32()?;
        edge.kind = self.id()?;
        let count = self.r.count(EVIDENCE_MIN)?;
        edge.evidence.resize_with(count, EvidenceRecord::default);
        for e in &mut edge.evidence {
            self.evidence(e)?;
        }
        Ok(())
    }

    /// One merge.
    pub(super) fn merge(&mut self) -> Result<MergeRecord, GraphFileError> {
        Ok(MergeRecord {
            kept: self.id()?,
            merged: self.id()?,
            reason: self.id()?,
            link: self.opt_id()?,
            doc: self.id()?,
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

    fn id(&mut self) -> Result<StrId, GraphFileError> {
        let id = self.r.u32()?;
        if id as usize >= self.strings.len() {
            return Err(PAST_TABLE);
        }
        Ok(StrId(id))
    }

    fn opt_id(&mut self) -> Result<Option<StrId>, GraphFileError> {
        match self.r.u32()? {
            0 => Ok(None),
            n if (n as usize) <= self.strings.len() => Ok(Some(StrId(n - 1))),
            _ => Err(PAST_TABLE),
        }
    }

    fn ids(&mut self, ids: &mut Vec<StrId>) -> Result<(), GraphFileError> {
        let n = self.r.count(1)?;
        ids.clear();
        for _ in 0..n {
            ids.push(self.id()?);
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

    fn evidence(&mut self, e: &mut EvidenceRecord) -> Result<(), GraphFileError> {
        e.doc = self.r.u32()?;
        e.start = self.r.uint()?;
        e.len = self.r.uint()?;
        e.sentence = self.id()?;
        e.rule = self.id()?;
        e.confidence = self.r.f32()?;
        e.status = self.id()?;
        self.ids(&mut e.topics)?;
        e.place = self.opt_id()?;
        e.date = if self.present()? {
            let text = self.id()?;
            let range = if self.present()? {
                Some(RangeRecord {
                    start: self.date()?,
                    end: self.date()?,
                    precision: self.id()?,
                })
            } else {
                None
            };
            Some(DateRefRecord { text, range })
        } else {
            None
        };
        e.role = self.opt_id()?;
        Ok(())
    }
}

const PAST_TABLE: GraphFileError =
    GraphFileError::Inconsistent("a string index is past the end of the string table");

#[cfg(test)]
mod tests {
    use super::*;

    /// The counts of a damaged file are checked against these sizes: a record must never take
    /// fewer bytes than they say, or a good file would be refused.
    #[test]
    fn the_smallest_records_take_the_bytes_counts_assume() {
        let mut out = Encoder::with_capacity(1, 64);
        let s = out.str("");
        let mut sizes = Vec::new();
        let mut size_of = |out: &mut Encoder, write: &dyn Fn(&mut Encoder)| {
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
        size_of(&mut out, &|out| {
            out.node(&NodeRecord {
                name: s,
                kind: s,
                place_kind: None,
                aliases: Vec::new(),
                roles: Vec::new(),
                mentions: 0,
                docs: Vec::new(),
            })
        });
        size_of(&mut out, &|out| {
            out.w.str(s);
            out.w.opt_str(None);
        });
        size_of(&mut out, &|out| {
            out.edge(&EdgeRecord {
                source: 0,
                target: 0,
                kind: s,
                evidence: Vec::new(),
            })
        });
        let evidence = || EvidenceRecord {
            doc: 0,
            start: 0,
            len: 0,
            sentence: s,
            rule: s,
            confidence: 0.0,
            status: s,
            topics: Vec::new(),
            place: None,
            date: None,
            role: None,
        };
        size_of(&mut out, &|out| {
            out.edge(&EdgeRecord {
                source: 0,
                target: 0,
                kind: s,
                evidence: vec![evidence()],
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
        let body = out.finish();
        let mut input = Decoder::open(&body).expect("the string table reads");
        assert_eq!(input.str(s).ok(), Some(""));
        assert!(input.doc().is_ok());
    }
}
