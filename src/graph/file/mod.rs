//! The graph file: a fixed header (magic, format version, and the length and checksum of each
//! section), then three sections: the graph's corrections; the record of every document, sorted
//! by id, each record a block of its own; and the merged graph (documents, nodes, edges with
//! their evidence, the merges log and the name indexes). The records are what the graph is
//! made of, and what `kg add` and `kg remove` change; the merged graph is derived from them and
//! the corrections, and saved so that opening a file reads it as it is, without merging or
//! folding a name. The same documents and corrections always give the same bytes.
//! `docs/graph-format.md` gives the layout byte by byte and the versioning policy.
//!
//! * `records` holds the encoder and decoder of one block (its strings numbered within it);
//! * `convert` turns records and corrections into blocks and back, checking what they mean;
//! * `merged` turns the merged graph into a block and back;
//! * `stored` adds and removes records in a file's bytes without decoding the others;
//! * `codec` holds the varints and strings the body is made of;
//! * `lines` writes a record as a line of text and reads it back (`kg extract --records`, `kg
//!   build --from`).
//!
//! Reading never panics and never reserves more than the input's length allows.

mod codec;
mod convert;
mod held;
mod lines;
mod merged;
mod records;
mod stored;

pub use held::RecordBlock;
pub(crate) use held::RecordBlocks;
pub use lines::{MAX_RECORD_LINE_BYTES, RecordLineError, parse_record_line, record_line};
pub use stored::StoredGraph;

pub(crate) use convert::encode_record;

use std::borrow::Cow;
use std::ops::Range;

use thiserror::Error;

use super::KnowledgeGraph;

/// The first eight bytes of every graph file, whatever its version.
const MAGIC: &[u8; 8] = b"KGRAPH\n\0";

/// The version of the layout this build writes and reads. Bumped whenever the bytes written for
/// a graph change (the golden file in `tests/data/graph/` fails until it is); files of any
/// other version are refused with a message that says to rebuild them.
pub const FORMAT_VERSION: u16 = 5;

/// The sections, in the order they follow the header.
const SECTIONS: usize = 3;

/// Bytes in the header: magic (8), version (2), each section's length (8) and CRC-32 (4), the
/// header's CRC-32 (4).
const HEADER_LEN: usize = 10 + 12 * SECTIONS + 4;

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
    /// A section's checksum does not match its bytes.
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

/// The header for these sections (corrections, records, merged graph).
fn header(sections: [&[&[u8]]; SECTIONS]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    for pieces in sections {
        let len: usize = pieces.iter().map(|p| p.len()).sum();
        let mut crc = crc32fast::Hasher::new();
        for piece in pieces {
            crc.update(piece);
        }
        out.extend_from_slice(&(len as u64).to_le_bytes());
        out.extend_from_slice(&crc.finalize().to_le_bytes());
    }
    let header_crc = crc32(&out);
    out.extend_from_slice(&header_crc.to_le_bytes());
    out
}

/// A whole file: the header, then the sections.
#[cfg(test)]
fn seal(sections: [&[u8]; SECTIONS]) -> Vec<u8> {
    let mut out = header([&[sections[0]], &[sections[1]], &[sections[2]]]);
    out.reserve(sections.iter().map(|s| s.len()).sum());
    for section in sections {
        out.extend_from_slice(section);
    }
    out
}

/// Where each section of a file is, checked against the header.
#[derive(Clone, Debug)]
struct Layout {
    /// Each section's bytes, as a range of the file, and its CRC-32.
    sections: [(Range<usize>, u32); SECTIONS],
}

impl Layout {
    /// A section's bytes, checked against their CRC-32.
    fn section<'b>(&self, bytes: &'b [u8], i: usize) -> Result<&'b [u8], GraphFileError> {
        let (range, crc) = &self.sections[i];
        let section = &bytes[range.clone()];
        if crc32(section) != *crc {
            return Err(GraphFileError::Checksum);
        }
        Ok(section)
    }
}

/// Checks the header, and that the sections it announces fill the rest of the file.
fn open(bytes: &[u8]) -> Result<Layout, GraphFileError> {
    open_head(bytes, bytes.len() as u64)
}

/// Checks the header at the start of `bytes` (which may hold only the header), and that the
/// sections it announces fill a file of `file_len` bytes.
fn open_head(bytes: &[u8], file_len: u64) -> Result<Layout, GraphFileError> {
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
    let Some(header) = bytes.get(..HEADER_LEN) else {
        return Err(GraphFileError::Truncated);
    };
    let body_len = file_len.saturating_sub(HEADER_LEN as u64);
    let field = |at: usize, len: usize| {
        let mut buf = [0u8; 8];
        buf[..len].copy_from_slice(&header[at..at + len]);
        u64::from_le_bytes(buf)
    };
    if field(HEADER_LEN - 4, 4) != u64::from(crc32(&header[..HEADER_LEN - 4])) {
        return Err(GraphFileError::HeaderChecksum);
    }
    let mut total: u64 = 0;
    for i in 0..SECTIONS {
        total = total.saturating_add(field(10 + 12 * i, 8));
    }
    match body_len.cmp(&total) {
        std::cmp::Ordering::Less => return Err(GraphFileError::Truncated),
        std::cmp::Ordering::Greater => {
            return Err(GraphFileError::Trailing(body_len - total));
        }
        std::cmp::Ordering::Equal => {}
    }
    if usize::try_from(file_len).is_err() {
        return Err(GraphFileError::Truncated);
    }
    let mut at = HEADER_LEN;
    let sections = std::array::from_fn(|i| {
        // Each length fits: together they are the body's length, which fits.
        let len = field(10 + 12 * i, 8) as usize;
        let range = at..at + len;
        at += len;
        (range, field(18 + 12 * i, 4) as u32)
    });
    Ok(Layout { sections })
}

/// A section of a graph file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// The user's corrections.
    Corrections,
    /// The record of every document: what `kg add` and `kg remove` change.
    Records,
    /// The graph merged from the records and corrections: what questions are answered from.
    Merged,
}

/// A graph file's header, read on its own: where each section is and its checksum, so that a
/// reader may read only the sections it needs (a graph opened to answer questions needs no
/// records: [`KnowledgeGraph::from_sections`]).
#[derive(Clone, Debug)]
pub struct FileHead {
    layout: Layout,
}

impl FileHead {
    /// Bytes in the header.
    pub const LEN: usize = HEADER_LEN;

    /// Reads the header from the first [`FileHead::LEN`] bytes of a file of `file_len` bytes,
    /// refusing what [`KnowledgeGraph::from_bytes`] refuses from the header alone (not a graph,
    /// another version, a damaged header, a file shorter or longer than its sections).
    pub fn read(header: &[u8], file_len: u64) -> Result<FileHead, GraphFileError> {
        Ok(FileHead {
            layout: open_head(header, file_len)?,
        })
    }

    /// Where a section is in the file, in bytes from its start.
    pub fn range(&self, section: Section) -> Range<u64> {
        let range = &self.layout.sections[section as usize].0;
        range.start as u64..range.end as u64
    }

    /// Checks a section's bytes against its length and checksum.
    fn check<'b>(&self, section: Section, bytes: &'b [u8]) -> Result<&'b [u8], GraphFileError> {
        let (range, crc) = &self.layout.sections[section as usize];
        if bytes.len() != range.len() {
            return Err(GraphFileError::Truncated);
        }
        if crc32(bytes) != *crc {
            return Err(GraphFileError::Checksum);
        }
        Ok(bytes)
    }
}

/// The fewest bytes a record's block takes (id, two hashes, title, date, two counts).
const RECORD_MIN: usize = 21;

/// A graph file in parts, to be written one after the other: the header, then the sections it
/// describes, the records section in pieces ([`RecordBlocks::pieces`]: the blocks of a graph
/// read from a file are written from where they were read). [`KnowledgeGraph::to_bytes`] joins
/// them.
pub struct FileParts<'a> {
    /// The header, the corrections, the pieces of the records, and the merged graph.
    parts: Vec<Cow<'a, [u8]>>,
}

impl<'a> FileParts<'a> {
    fn new(
        corrections: Cow<'a, [u8]>,
        records: Vec<Cow<'a, [u8]>>,
        merged: Cow<'a, [u8]>,
    ) -> FileParts<'a> {
        let records_pieces: Vec<&[u8]> = records.iter().map(|p| &**p).collect();
        let head = header([&[&corrections], &records_pieces, &[&merged]]);
        let mut parts = Vec::with_capacity(records.len() + 3);
        parts.push(head.into());
        parts.push(corrections);
        parts.extend(records);
        parts.push(merged);
        FileParts { parts }
    }

    /// The parts, in order.
    pub fn slices(&self) -> Vec<&[u8]> {
        self.parts.iter().map(|p| &**p).collect()
    }

    /// The whole file in one buffer.
    pub fn concat(self) -> Vec<u8> {
        self.slices().concat()
    }
}

/// Where each record's block is in the records section (offsets from `base`). Only lengths are
/// read.
fn blocks(section: &[u8], base: usize) -> Result<Vec<(usize, Range<usize>)>, GraphFileError> {
    let mut r = codec::Reader::new(section);
    let n = r.count(RECORD_MIN + 1)?;
    let mut ranges = Vec::with_capacity(n);
    for _ in 0..n {
        let from = r.position();
        let block = r.bytes()?;
        let end = r.position();
        ranges.push((base + from, base + end - block.len()..base + end));
    }
    if r.remaining() > 0 {
        return Err(GraphFileError::Inconsistent(
            "bytes are left over after the last record",
        ));
    }
    Ok(ranges)
}

impl KnowledgeGraph {
    /// The graph as bytes, in the graph file format (version [`FORMAT_VERSION`]): its
    /// corrections, its records, and the graph merged from them. The same documents and
    /// corrections always give the same bytes, whatever order the documents came in.
    ///
    /// # Panics
    ///
    /// When the graph was read without its records ([`KnowledgeGraph::from_sections`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.to_parts().concat()
    }

    /// The bytes of [`KnowledgeGraph::to_bytes`] as the header and each section, so that a
    /// large graph is written without being copied into one buffer.
    ///
    /// # Panics
    ///
    /// When the graph was read without its records ([`KnowledgeGraph::from_sections`]).
    pub fn to_parts(&self) -> FileParts<'_> {
        self.expect_records();
        let mut records: Vec<Cow<[u8]>> = vec![self.records.count_bytes().into()];
        records.extend(self.records.pieces().into_iter().map(Cow::from));
        FileParts::new(
            convert::encode_corrections(&self.corrections).into(),
            records,
            merged::encode_merged(self).into(),
        )
    }

    /// Reads a graph written by [`KnowledgeGraph::to_bytes`]. Any bytes may be given: a file
    /// that is not a graph, of another version, damaged, cut short or followed by more bytes is
    /// refused with the reason, never loaded in part. See [`KnowledgeGraph::from_vec`].
    pub fn from_bytes(bytes: &[u8]) -> Result<KnowledgeGraph, GraphFileError> {
        KnowledgeGraph::from_vec(bytes.to_vec())
    }

    /// Reads a graph file's bytes, keeping them. Every section is checked against its checksum,
    /// and the corrections and the merged graph are decoded and checked; nothing is merged and
    /// no name is folded. The records are kept as their blocks, and decoded only when the graph
    /// changes (or [`KnowledgeGraph::records`] asks for them).
    pub fn from_vec(mut bytes: Vec<u8>) -> Result<KnowledgeGraph, GraphFileError> {
        let layout = open(&bytes)?;
        let head = FileHead { layout };
        let mut graph = KnowledgeGraph::from_sections(
            &head,
            &bytes[head.layout.sections[0].0.clone()],
            &bytes[head.layout.sections[2].0.clone()],
        )?;
        let records = head.layout.sections[1].0.clone();
        let ranges = blocks(
            head.check(Section::Records, &bytes[records.clone()])?,
            records.start,
        )?;
        bytes.truncate(records.end);
        graph.attach_blocks(RecordBlocks::of_file(bytes, ranges))?;
        Ok(graph)
    }

    /// A graph from the corrections and merged sections of a file whose header is `head`,
    /// without its records: what answering questions needs, read without the records, which
    /// are most of a file. Each section is checked against its length and checksum. Until
    /// [`KnowledgeGraph::attach_records`] gives it its records section, the graph must not
    /// change or be saved.
    pub fn from_sections(
        head: &FileHead,
        corrections: &[u8],
        merged: &[u8],
    ) -> Result<KnowledgeGraph, GraphFileError> {
        let corrections =
            convert::decode_corrections(head.check(Section::Corrections, corrections)?)?;
        let mut graph = KnowledgeGraph {
            corrections,
            read: true,
            ..KnowledgeGraph::default()
        };
        merged::decode_merged(head.check(Section::Merged, merged)?, &mut graph)?;
        graph.records_absent = true;
        Ok(graph)
    }

    /// Gives a graph made by [`KnowledgeGraph::from_sections`] the records section of the same
    /// file (checked against the header's length and checksum, so a file changed since is
    /// refused), after which it may change and be saved.
    pub fn attach_records(
        &mut self,
        head: &FileHead,
        section: Vec<u8>,
    ) -> Result<(), GraphFileError> {
        let ranges = blocks(head.check(Section::Records, &section)?, 0)?;
        self.attach_blocks(RecordBlocks::of_file(section, ranges))
    }

    /// True when the graph was read without its records ([`KnowledgeGraph::from_sections`]).
    pub fn records_absent(&self) -> bool {
        self.records_absent
    }

    fn attach_blocks(&mut self, blocks: RecordBlocks) -> Result<(), GraphFileError> {
        if self
            .docs
            .len()
            .checked_add(self.docs.iter().map(|d| d.also.len()).sum())
            != Some(blocks.len())
        {
            return Err(GraphFileError::Inconsistent(
                "the merged graph does not hold one document a record",
            ));
        }
        self.records = blocks;
        self.records_absent = false;
        self.unchecked = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{FORMAT_VERSION, GraphFileError, HEADER_LEN, KnowledgeGraph, SECTIONS, open};
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
        for record in &graph().records() {
            let line = super::record_line(record);
            assert!(!line.contains('\n'));
            let back = super::parse_record_line(line.as_bytes()).expect("reads");
            assert_eq!(back.as_ref(), Some(record));
        }
    }

    /// Opened from its header and two sections, without the records, a graph answers as the
    /// whole file does; given its records it changes and saves as the whole file does; records
    /// of another file, or damaged, are refused.
    #[test]
    fn a_graph_read_without_its_records_is_the_graph_and_takes_them_back() {
        use super::{FileHead, Section};
        let mut whole = graph();
        let bytes = whole.to_bytes();
        let head = FileHead::read(&bytes[..FileHead::LEN], bytes.len() as u64).expect("a header");
        let section = |s: Section| {
            let r = head.range(s);
            bytes[r.start as usize..r.end as usize].to_vec()
        };
        let mut part = KnowledgeGraph::from_sections(
            &head,
            &section(Section::Corrections),
            &section(Section::Merged),
        )
        .expect("reads");
        assert!(part.records_absent());
        assert_eq!(part.stats(), whole.stats());
        assert_eq!(part.doc_count(), whole.doc_count());
        assert!(part.has_doc("b") && !part.has_doc("zz"));
        let nodes = |g: &KnowledgeGraph| g.nodes().map(|(i, n)| (i, n.clone())).collect::<Vec<_>>();
        assert_eq!(nodes(&part), nodes(&whole));
        let mut damaged = section(Section::Records);
        let last = damaged.len() - 1;
        damaged[last] ^= 1;
        assert!(matches!(
            part.attach_records(&head, damaged),
            Err(GraphFileError::Checksum)
        ));
        assert!(matches!(
            part.attach_records(&head, Vec::new()),
            Err(GraphFileError::Truncated)
        ));
        assert!(part.records_absent());
        part.attach_records(&head, section(Section::Records))
            .expect("its own records");
        assert_eq!(part.to_bytes(), bytes);
        assert_eq!(part.remove(&["b"]), [true]);
        assert_eq!(whole.remove(&["b"]), [true]);
        assert_eq!(part.to_bytes(), whole.to_bytes());
        // A header alone refuses what the whole file would: a wrong length, a damaged header.
        assert!(matches!(
            FileHead::read(&bytes[..FileHead::LEN], bytes.len() as u64 + 1),
            Err(GraphFileError::Trailing(1))
        ));
        assert!(matches!(
            FileHead::read(&bytes[..FileHead::LEN], bytes.len() as u64 - 1),
            Err(GraphFileError::Truncated)
        ));
        let mut header = bytes[..FileHead::LEN].to_vec();
        header[12] ^= 1;
        assert!(matches!(
            FileHead::read(&header, bytes.len() as u64),
            Err(GraphFileError::HeaderChecksum)
        ));
    }

    #[test]
    fn a_graph_reads_back_to_the_same_bytes() {
        let mut graph = graph();
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
        let nodes = |g: &KnowledgeGraph| g.nodes().map(|(i, n)| (i, n.clone())).collect::<Vec<_>>();
        assert_eq!(nodes(&loaded), nodes(&graph));
        // Changed, a graph read back merges its records again, as the graph it came from does.
        let mut loaded = loaded;
        assert_eq!(loaded.records(), graph.records());
        assert_eq!(loaded.remove(&["b"]), [true]);
        assert_eq!(graph.remove(&["b"]), [true]);
        assert_eq!(loaded.to_bytes(), graph.to_bytes());
    }

    /// A file's sections, as owned bytes.
    fn sections(file: &[u8]) -> [Vec<u8>; SECTIONS] {
        let layout = open(file).expect("a graph file");
        std::array::from_fn(|i| file[layout.sections[i].0.clone()].to_vec())
    }

    /// Past the checksum, the decoder still has to hold: sections mutated at random (and
    /// sealed with a fresh checksum) load or are refused, but never panic, and neither does
    /// decoding the records of one that loads.
    #[test]
    fn any_body_with_a_good_checksum_loads_or_is_refused_without_panicking() {
        let file = graph().to_bytes();
        let parts = sections(&file);
        let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
        let mut refused = 0;
        for round in 0..20_000 {
            let which = rng.below(SECTIONS);
            let mut parts = parts.clone();
            let bytes = &mut parts[which];
            if bytes.is_empty() {
                bytes.push(0);
            }
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
            let sealed = super::seal([&parts[0], &parts[1], &parts[2]]);
            match KnowledgeGraph::from_bytes(&sealed) {
                Ok(mut graph) => {
                    let _ = graph.records();
                    // A change merges every record that decodes again.
                    graph.remove(&["a"]);
                }
                Err(_) => refused += 1,
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
        let [corrections, mut records, merged] = sections(&bytes);
        records.push(0);
        assert!(matches!(
            KnowledgeGraph::from_bytes(&super::seal([&corrections, &records, &merged])),
            Err(GraphFileError::Inconsistent(
                "bytes are left over after the last record"
            ))
        ));
    }
}
