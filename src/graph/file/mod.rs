//! The graph file: a fixed header (magic, format version, body length, checksums), then a body
//! that holds the graph's corrections and the record of every document, sorted by id, each
//! record a block of its own. Nodes, edges and merges are not saved: loading merges the records
//! again (`graph::merge`), so a file is exactly its documents and corrections, and the same
//! documents and corrections always give the same bytes. `docs/graph-format.md` gives the
//! layout byte by byte and the versioning policy.
//!
//! * `records` holds the encoder and decoder of one block (its strings numbered within it);
//! * `convert` turns records and corrections into blocks and back, checking what they mean;
//! * `stored` adds and removes records in a file's bytes without decoding the others;
//! * `codec` holds the varints and strings the body is made of;
//! * `lines` writes a record as a line of text and reads it back (`kg extract --records`, `kg
//!   build --from`).
//!
//! Reading never panics and never reserves more than the input's length allows.

mod codec;
mod convert;
mod lines;
mod records;
mod stored;

pub use lines::{MAX_RECORD_LINE_BYTES, RecordLineError, parse_record_line, record_line};
pub use stored::StoredGraph;

use rayon::prelude::*;
use thiserror::Error;

use super::KnowledgeGraph;

/// The first eight bytes of every graph file, whatever its version.
const MAGIC: &[u8; 8] = b"KGRAPH\n\0";

/// The version of the layout this build writes and reads. Bumped whenever the bytes written for
/// a graph change (the golden file in `tests/data/graph/` fails until it is); files of any
/// other version are refused with a message that says to rebuild them.
pub const FORMAT_VERSION: u16 = 3;

/// Bytes in the header: magic (8), version (2), body length (8), body CRC-32 (4), header CRC-32
/// (4).
const HEADER_LEN: usize = 26;

/// Why bytes could not be read back as a graph.
#[derive(Debug, Error)]
#[non_exhaustive]
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
    /// The file ends before its header or its body does.
    #[error("graph file is damaged: truncated")]
    Truncated,
    /// Bytes follow the end of the body the header announces.
    #[error("graph file is damaged: {0} unexpected byte{s} after the end", s = if *.0 == 1 { "" } else { "s" })]
    Trailing(u64),
    /// The header's own checksum does not match its bytes.
    #[error("graph file is damaged: checksum mismatch in the header")]
    HeaderChecksum,
    /// The body's checksum does not match its bytes.
    #[error("graph file is damaged: checksum mismatch")]
    Checksum,
    /// The body passed its checksum but does not decode or hold together (a file written by a
    /// buggy or foreign writer).
    #[error("graph file is damaged: {0}")]
    Inconsistent(&'static str),
    /// The body names a kind, status, rule or reason this build does not know: written by a
    /// newer `kg` that added one without bumping the format version, or damaged.
    #[error(
        "graph file names an unknown {what} `{name}` (written by a newer kg?); rebuild it with `kg build`"
    )]
    UnknownName {
        /// What sort of name (`rule`, `entity kind`, ...).
        what: &'static str,
        /// The name as saved.
        name: String,
    },
}

/// The CRC-32 of some bytes (the IEEE polynomial of zlib, gzip and PNG).
fn crc32(bytes: &[u8]) -> u32 {
    crc32fast::hash(bytes)
}

/// Puts the header in front of a body.
fn seal(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32(body).to_le_bytes());
    let header_crc = crc32(&out);
    out.extend_from_slice(&header_crc.to_le_bytes());
    out.extend_from_slice(body);
    out
}

/// Checks the header and returns the body it vouches for.
fn open(bytes: &[u8]) -> Result<&[u8], GraphFileError> {
    let rest = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or(GraphFileError::NotAGraph)?;
    let [v0, v1, ..] = *rest else {
        return Err(GraphFileError::Truncated);
    };
    let found = u16::from_le_bytes([v0, v1]);
    if found != FORMAT_VERSION {
        return Err(GraphFileError::Version {
            found,
            expected: FORMAT_VERSION,
        });
    }
    let Some((header, body)) = bytes.split_at_checked(HEADER_LEN) else {
        return Err(GraphFileError::Truncated);
    };
    let field = |at: usize, len: usize| {
        let mut buf = [0u8; 8];
        buf[..len].copy_from_slice(&header[at..at + len]);
        u64::from_le_bytes(buf)
    };
    if field(22, 4) != u64::from(crc32(&header[..22])) {
        return Err(GraphFileError::HeaderChecksum);
    }
    let len = field(10, 8);
    match (body.len() as u64).cmp(&len) {
        std::cmp::Ordering::Less => return Err(GraphFileError::Truncated),
        std::cmp::Ordering::Greater => {
            return Err(GraphFileError::Trailing(body.len() as u64 - len));
        }
        std::cmp::Ordering::Equal => {}
    }
    if field(18, 4) != u64::from(crc32(body)) {
        return Err(GraphFileError::Checksum);
    }
    Ok(body)
}

/// The fewest bytes a record's block takes (id, two hashes, title, date, two counts).
const RECORD_MIN: usize = 21;

/// Writes a body: the corrections' block, then the records' blocks, each after its length.
fn body<'b>(corrections: &[u8], records: impl ExactSizeIterator<Item = &'b [u8]>) -> Vec<u8> {
    let mut w = codec::Writer::default();
    w.bytes(corrections);
    w.len(records.len());
    for block in records {
        w.bytes(block);
    }
    w.buf
}

/// The blocks of a body: the corrections' block, and each record's block with its place in the
/// body. Only lengths are read.
fn blocks(body: &[u8]) -> Result<(&[u8], Vec<std::ops::Range<usize>>), GraphFileError> {
    let mut r = codec::Reader::new(body);
    let corrections = r.bytes()?;
    let n = r.count(RECORD_MIN + 1)?;
    let mut ranges = Vec::with_capacity(n);
    for _ in 0..n {
        let block = r.bytes()?;
        let end = r.position();
        ranges.push(end - block.len()..end);
    }
    if r.remaining() > 0 {
        return Err(GraphFileError::Inconsistent(
            "bytes are left over after the last record",
        ));
    }
    Ok((corrections, ranges))
}

impl KnowledgeGraph {
    /// The graph as bytes, in the graph file format (version [`FORMAT_VERSION`]): its
    /// corrections and its records. The same documents and corrections always give the same
    /// bytes, whatever order the documents came in.
    pub fn to_bytes(&self) -> Vec<u8> {
        let blocks: Vec<Vec<u8>> = self.records.iter().map(convert::encode_record).collect();
        seal(&body(
            &convert::encode_corrections(&self.corrections),
            blocks.iter().map(Vec::as_slice),
        ))
    }

    /// Reads a graph written by [`KnowledgeGraph::to_bytes`] and merges its records. Any bytes
    /// may be given: a file that is not a graph, of another version, damaged, cut short or
    /// followed by more bytes is refused with the reason, never loaded in part.
    pub fn from_bytes(bytes: &[u8]) -> Result<KnowledgeGraph, GraphFileError> {
        let body = open(bytes)?;
        let (corrections, ranges) = blocks(body)?;
        let corrections = convert::decode_corrections(corrections)?;
        // Each block stands alone, so blocks are decoded on every core.
        let records: Vec<super::Record> = ranges
            .into_par_iter()
            .map_init(convert::Lookups::new, |names, range| {
                convert::decode_record(&body[range], names)
            })
            .collect::<Result<_, _>>()?;
        if records.windows(2).any(|w| w[0].id >= w[1].id) {
            return Err(GraphFileError::Inconsistent(
                "the records are not in order of their ids, or two have one id",
            ));
        }
        Ok(KnowledgeGraph::from_records(records, corrections))
    }
}

#[cfg(test)]
mod tests {
    use super::{FORMAT_VERSION, GraphFileError, HEADER_LEN, KnowledgeGraph};
    use crate::model::{
        Date, DateRange, DateRef, Entity, EntityKind, Extraction, Link, LinkReason, PlaceKind,
        Precision, Relation, RelationKind, Role, Rule, Status,
    };
    use crate::text::{Document, Span};

    /// A small graph with a value in every optional field, made without the extractor.
    fn graph() -> KnowledgeGraph {
        let text = "Kerry met Lavrov in Moscow about Syria. Lavrov said \"no\".";
        let doc = Document::new("a", text);
        let mut kerry = Entity::new("John Kerry", EntityKind::Person);
        kerry.aliases = vec!["Mr Kerry".into()];
        kerry.links = vec![Link {
            alias: "Mr Kerry".into(),
            reason: LinkReason::Title,
        }];
        kerry.roles = vec![Role {
            title: "Secretary of State".into(),
            of: Some("United States".into()),
        }];
        let mut moscow = Entity::new("Moscow", EntityKind::Place);
        moscow.place_kind = Some(PlaceKind::City);
        let entities = vec![
            kerry,
            Entity::new("Sergei Lavrov", EntityKind::Person),
            moscow,
            Entity::new("Syria", EntityKind::Topic),
            Entity::new("no", EntityKind::Quote),
        ];
        let mut met = Relation::new(RelationKind::Met, 0, Some(1), Span::new(0, 39), Rule::Meet);
        met.place = Some(2);
        met.topics = vec![3];
        met.status = Status::Planned;
        met.date = Some(DateRef::new(
            "in March",
            Some(DateRange::new(
                Date::constant(2016, 3, 1),
                Date::constant(2016, 3, 31),
                Precision::Month,
            )),
        ));
        let mut said = Relation::new(
            RelationKind::Said,
            1,
            Some(4),
            Span::new(40, 57),
            Rule::Quote,
        );
        said.date = Some(DateRef::new("soon", None));
        said.role = Some("spokesman".into());
        let ex = Extraction {
            doc: "a".into(),
            date: Some(Date::constant(2016, 3, 24)),
            entities,
            relations: vec![met, said],
            ..Extraction::default()
        };
        let mut graph = KnowledgeGraph::new();
        graph.add(
            &Document {
                title: Some("Talks".into()),
                ..doc
            },
            &ex,
        );
        let doc = Document::new("b", "Sergey Lavrov spoke.");
        let ex = Extraction {
            doc: "b".into(),
            entities: vec![Entity::new("Sergey Lavrov", EntityKind::Person)],
            ..Extraction::default()
        };
        graph.add(&doc, &ex);
        graph
    }

    /// A tiny deterministic generator, so that the mutations are the same on every run.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
    }

    #[test]
    fn a_record_line_reads_back_to_the_same_record() {
        for record in graph().records() {
            let line = super::record_line(record);
            assert!(!line.contains('\n'));
            let back = super::parse_record_line(line.as_bytes()).expect("reads");
            assert_eq!(back.as_ref(), Some(record));
        }
    }

    #[test]
    fn a_graph_reads_back_to_the_same_bytes() {
        let graph = graph();
        assert!(graph.merges().len() >= 2, "{:?}", graph.merges());
        let bytes = graph.to_bytes();
        assert_eq!(&bytes[8..10], FORMAT_VERSION.to_le_bytes());
        let loaded = KnowledgeGraph::from_bytes(&bytes).expect("loads");
        assert_eq!(loaded.to_bytes(), bytes);
        assert_eq!(loaded.merges(), graph.merges());
        assert_eq!(loaded.docs(), graph.docs());
        let edges =
            |g: &KnowledgeGraph| g.edges().map(|(_, _, _, e)| e.clone()).collect::<Vec<_>>();
        assert_eq!(edges(&loaded), edges(&graph));
    }

    /// Past the checksum, the decoder still has to hold: bodies mutated at random (and sealed
    /// with a fresh checksum) load or are refused, but never panic.
    #[test]
    fn any_body_with_a_good_checksum_loads_or_is_refused_without_panicking() {
        let body = graph().to_bytes()[HEADER_LEN..].to_vec();
        let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
        let mut refused = 0;
        for round in 0..20_000 {
            let mut bytes = body.clone();
            match round % 4 {
                0 => {
                    let at = rng.below(bytes.len());
                    bytes[at] ^= 1 << rng.below(8);
                }
                1 => {
                    let at = rng.below(bytes.len());
                    bytes[at] = rng.next() as u8;
                }
                2 => bytes.truncate(rng.below(bytes.len())),
                _ => {
                    // A run of 0xff bytes: lengths and indices as large as varints go.
                    let at = rng.below(bytes.len());
                    let end = (at + 1 + rng.below(10)).min(bytes.len());
                    bytes[at..end].fill(0xff);
                }
            }
            if KnowledgeGraph::from_bytes(&super::seal(&bytes)).is_err() {
                refused += 1;
            }
        }
        assert!(refused > 10_000, "only {refused} of 20,000 refused");
    }

    #[test]
    fn the_header_is_checked_field_by_field() {
        let bytes = graph().to_bytes();
        let err = |bytes: &[u8]| {
            KnowledgeGraph::from_bytes(bytes)
                .err()
                .map(|e| e.to_string())
        };
        assert!(matches!(
            KnowledgeGraph::from_bytes(b"hello"),
            Err(GraphFileError::NotAGraph)
        ));
        assert_eq!(
            err(&bytes[..9]).as_deref(),
            Some("graph file is damaged: truncated")
        );
        assert_eq!(
            err(&bytes[..HEADER_LEN - 1]).as_deref(),
            Some("graph file is damaged: truncated")
        );
        let mut header = bytes.clone();
        header[12] ^= 0x40;
        assert_eq!(
            err(&header).as_deref(),
            Some("graph file is damaged: checksum mismatch in the header")
        );
        let mut more = bytes.clone();
        more.push(0);
        assert_eq!(
            err(&more).as_deref(),
            Some("graph file is damaged: 1 unexpected byte after the end")
        );
        let mut body = bytes.clone();
        let last = body.len() - 1;
        body[last] ^= 1;
        assert_eq!(
            err(&body).as_deref(),
            Some("graph file is damaged: checksum mismatch")
        );
        let mut body = graph().to_bytes()[HEADER_LEN..].to_vec();
        body.push(0);
        assert!(matches!(
            KnowledgeGraph::from_bytes(&super::seal(&body)),
            Err(GraphFileError::Inconsistent(
                "bytes are left over after the last record"
            ))
        ));
    }
}
