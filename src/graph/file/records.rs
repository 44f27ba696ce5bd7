//! The saved form of a graph: plain records that mirror the body of the file field for field,
//! and their encoding. Strings, including the names that stand for enum values (`Person`,
//! `MET`, `go_to`, `planned`), are indices into one string table; nothing here knows a Rust
//! enum, so reordering one cannot change the file. `docs/graph-format.md` describes the bytes.

use std::str;

use super::GraphFileError;
use super::codec::{Reader, Writer};

/// An index into the string table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct StrId(pub(super) u32);

/// A whole graph as saved: the string table, then the sections in file order.
#[derive(Debug, Default)]
pub(super) struct GraphFile<'a> {
    /// Every distinct string, in order of first use while saving.
    pub(super) strings: Vec<&'a str>,
    /// The documents, in the order they were added.
    pub(super) docs: Vec<DocRecord>,
    /// The nodes; an edge names its ends by position in this list.
    pub(super) nodes: Vec<NodeRecord>,
    /// The edges.
    pub(super) edges: Vec<EdgeRecord>,
    /// The merges log, in the order the merges happened.
    pub(super) merges: Vec<MergeRecord>,
}

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
#[derive(Debug)]
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
#[derive(Debug)]
pub(super) struct EdgeRecord {
    pub(super) source: u32,
    pub(super) target: u32,
    pub(super) kind: StrId,
    pub(super) evidence: Vec<EvidenceRecord>,
}

/// One supporting sentence.
#[derive(Debug)]
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

impl GraphFile<'_> {
    /// The body's bytes: the string table, then documents, nodes, edges and merges, each
    /// section a count and that many records.
    pub(super) fn encode(&self) -> Vec<u8> {
        let text: usize = self.strings.iter().map(|s| s.len() + 2).sum();
        let mut w = Writer {
            buf: Vec::with_capacity(text + 16 * (self.nodes.len() + 4 * self.edges.len())),
        };
        w.len(self.strings.len());
        for s in &self.strings {
            w.bytes(s.as_bytes());
        }
        w.len(self.docs.len());
        for doc in &self.docs {
            w.str(doc.id);
            w.opt_date(doc.date);
            w.opt_str(doc.title);
        }
        w.len(self.nodes.len());
        for node in &self.nodes {
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
        w.len(self.edges.len());
        for edge in &self.edges {
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
        w.len(self.merges.len());
        for merge in &self.merges {
            w.str(merge.kept);
            w.str(merge.merged);
            w.str(merge.reason);
            w.opt_str(merge.link);
            w.str(merge.doc);
        }
        w.buf
    }
}

impl<'a> GraphFile<'a> {
    /// Reads a body written by [`GraphFile::encode`]. Every string index is checked against the
    /// table and every list against the bytes left; the body must be read to its last byte.
    /// What the names and positions mean is checked when the graph is rebuilt.
    pub(super) fn decode(body: &'a [u8]) -> Result<GraphFile<'a>, GraphFileError> {
        let mut r = Reader::new(body);
        let n = r.count()?;
        let mut strings = Vec::with_capacity(n);
        for _ in 0..n {
            let s = str::from_utf8(r.bytes()?)
                .map_err(|_| GraphFileError::Inconsistent("a string is not UTF-8"))?;
            strings.push(s);
        }
        let mut r = Records {
            r,
            strings: strings.len(),
        };

        let n = r.r.count()?;
        let mut docs = Vec::with_capacity(n);
        for _ in 0..n {
            docs.push(DocRecord {
                id: r.str()?,
                date: r.opt_date()?,
                title: r.opt_str()?,
            });
        }

        let n = r.r.count()?;
        let mut nodes = Vec::with_capacity(n);
        for _ in 0..n {
            let name = r.str()?;
            let kind = r.str()?;
            let place_kind = r.opt_str()?;
            let aliases = r.strs()?;
            let count = r.r.count()?;
            let mut roles = Vec::with_capacity(count);
            for _ in 0..count {
                roles.push(RoleRecord {
                    title: r.str()?,
                    of: r.opt_str()?,
                });
            }
            let mentions = r.r.u32()?;
            let count = r.r.count()?;
            let mut docs = Vec::with_capacity(count);
            for _ in 0..count {
                docs.push(r.r.u32()?);
            }
            nodes.push(NodeRecord {
                name,
                kind,
                place_kind,
                aliases,
                roles,
                mentions,
                docs,
            });
        }

        let n = r.r.count()?;
        let mut edges = Vec::with_capacity(n);
        for _ in 0..n {
            let source = r.r.u32()?;
            let target = r.r.u32()?;
            let kind = r.str()?;
            let count = r.r.count()?;
            let mut evidence = Vec::with_capacity(count);
            for _ in 0..count {
                evidence.push(r.evidence()?);
            }
            edges.push(EdgeRecord {
                source,
                target,
                kind,
                evidence,
            });
        }

        let n = r.r.count()?;
        let mut merges = Vec::with_capacity(n);
        for _ in 0..n {
            merges.push(MergeRecord {
                kept: r.str()?,
                merged: r.str()?,
                reason: r.str()?,
                link: r.opt_str()?,
                doc: r.str()?,
            });
        }

        if r.r.remaining() > 0 {
            return Err(GraphFileError::Inconsistent(
                "bytes are left over after the last record",
            ));
        }
        Ok(GraphFile {
            strings,
            docs,
            nodes,
            edges,
            merges,
        })
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

/// A reader of records that knows how many strings the table holds.
struct Records<'a> {
    r: Reader<'a>,
    strings: usize,
}

impl Records<'_> {
    fn str(&mut self) -> Result<StrId, GraphFileError> {
        let id = self.r.u32()?;
        if id as usize >= self.strings {
            return Err(GraphFileError::Inconsistent(
                "a string index is past the end of the string table",
            ));
        }
        Ok(StrId(id))
    }

    fn opt_str(&mut self) -> Result<Option<StrId>, GraphFileError> {
        match self.r.u32()? {
            0 => Ok(None),
            n if (n as usize) <= self.strings => Ok(Some(StrId(n - 1))),
            _ => Err(GraphFileError::Inconsistent(
                "a string index is past the end of the string table",
            )),
        }
    }

    fn strs(&mut self) -> Result<Vec<StrId>, GraphFileError> {
        let n = self.r.count()?;
        let mut ids = Vec::with_capacity(n);
        for _ in 0..n {
            ids.push(self.str()?);
        }
        Ok(ids)
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

    fn evidence(&mut self) -> Result<EvidenceRecord, GraphFileError> {
        let doc = self.r.u32()?;
        let start = self.r.uint()?;
        let len = self.r.uint()?;
        let sentence = self.str()?;
        let rule = self.str()?;
        let confidence = self.r.f32()?;
        let status = self.str()?;
        let topics = self.strs()?;
        let place = self.opt_str()?;
        let date = if self.present()? {
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
        let role = self.opt_str()?;
        Ok(EvidenceRecord {
            doc,
            start,
            len,
            sentence,
            rule,
            confidence,
            status,
            topics,
            place,
            date,
            role,
        })
    }
}
