//! Building a graph from documents: extraction on a pool of threads, each extraction kept as a
//! [`Record`], and the records merged in a fixed order (by date, then id), so that the same
//! documents always give the same graph, whatever order they came in and however many threads
//! ran.
//!
//! The shell, the command line and the examples all build through [`add_documents`] (or
//! [`extract_each`], for a caller that wants each extraction rather than a graph). Nothing here
//! reads a file or prints: progress and the extractor's warnings reach the caller through an
//! [`Observer`], and [`records`] and [`content`] turn bytes into documents, or say why they are
//! not text, without knowing where the bytes came from.

pub mod content;
pub mod records;

use std::num::NonZeroUsize;

use rayon::prelude::*;

use crate::extract::extract;
use crate::graph::{KnowledgeGraph, Outcome, Record, RecordBlock};
use crate::lexicon::Lexicon;
use crate::model::{Extraction, Warning};
use crate::text::Document;

/// The most worker threads a build may ask for. Extraction is bound by the cores, so more
/// threads than this only cost the time to start them (a mistyped `--jobs 100000` spent 19
/// seconds starting threads before failing).
pub const MAX_JOBS: usize = 256;

/// Documents are extracted in chunks of this many: enough to keep every thread busy, few enough
/// that a caller streaming extractions (`kg extract`) sees them early and can stop early.
const CHUNK: usize = 256;

/// How a build runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Worker threads; `None` uses one per core. At most [`MAX_JOBS`].
    pub jobs: Option<NonZeroUsize>,
    /// A document whose id the graph holds with another text replaces the one held (else the
    /// one held is kept).
    pub replace: bool,
}

/// What a build tells its caller as it goes. Every method does nothing unless overridden, and
/// `()` is the observer that wants nothing.
pub trait Observer: Sync {
    /// One more document was extracted. Called from the worker threads, in no set order.
    fn extracted(&self) {}

    /// The extractor warned about a document (`no readable text`, ...). Called on the caller's
    /// thread, in input order.
    fn warning(&self, doc: &Document, warning: &Warning) {
        let _ = (doc, warning);
    }
}

impl Observer for () {}

/// Why a build stopped.
#[derive(Debug, thiserror::Error)]
pub enum BuildError<E = std::convert::Infallible> {
    /// More worker threads than [`MAX_JOBS`] were asked for.
    #[error("{0} worker threads is too many: at most {MAX_JOBS}")]
    TooManyJobs(usize),
    /// The worker threads could not be started.
    #[error("cannot start worker threads: {0}")]
    Threads(#[from] rayon::ThreadPoolBuildError),
    /// The caller's function stopped the build.
    #[error(transparent)]
    Stopped(E),
}

/// What a build did with the documents it was given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// New documents.
    pub added: usize,
    /// Documents the graph held already, with the same text: skipped.
    pub skipped: usize,
    /// Documents the graph held with another text, now replaced by the new version.
    pub replaced: usize,
    /// Documents whose id the graph held (or that came earlier in the input) with another
    /// text, and that were not taken: the one held stays.
    pub kept: usize,
    /// Documents added or replaced whose text is that of another document held: another
    /// source of the same facts, not new facts.
    pub duplicates: usize,
    /// Documents added or replaced whose date is not known.
    pub undated: usize,
    /// Entities found in the documents read (each document's own, before merging).
    pub entities: usize,
    /// Relations between two entities found in the documents read.
    pub relations: usize,
    /// Warnings the extractor gave, over all documents.
    pub warnings: usize,
}

impl Report {
    /// Counts what one document's record holds.
    fn found(&mut self, record: &Record, warnings: usize) {
        self.entities += record.entities.len();
        self.relations += record.relations.len();
        self.warnings += warnings;
    }

    /// Counts what became of one document: whether another document held has its text, and
    /// whether it has a date.
    pub fn count(&mut self, outcome: Outcome, duplicate: bool, dated: bool) {
        match outcome {
            Outcome::Added => self.added += 1,
            Outcome::Unchanged => self.skipped += 1,
            Outcome::Replaced => self.replaced += 1,
            Outcome::Kept => self.kept += 1,
        }
        if matches!(outcome, Outcome::Added | Outcome::Replaced) {
            self.duplicates += usize::from(duplicate);
            self.undated += usize::from(!dated);
        }
    }
}

/// Extracts the documents and merges them into the graph: a document whose id the graph holds
/// is skipped when its text is the same, and replaces the one held when it is not and
/// `options.replace` says so. The graph is merged once, after every document is extracted.
pub fn add_documents(
    graph: &mut KnowledgeGraph,
    docs: &[Document],
    lexicon: &Lexicon,
    options: &Options,
    observer: &dyn Observer,
) -> Result<Report, BuildError> {
    let extracted = extract_blocks(docs, lexicon, options, observer)?;
    Ok(add_extracted(graph, extracted, options.replace))
}

/// Documents extracted into their records' blocks ([`extract_blocks`]), to merge into a graph
/// ([`add_extracted`]) once the texts are let go.
pub struct Extracted {
    blocks: Vec<RecordBlock>,
    /// Each record's fingerprint, and whether it has a date.
    seen: Vec<(u64, bool)>,
    report: Report,
}

/// Extracts the documents, each record encoded as the block a graph keeps (about a third of
/// its size decoded), counting what they hold.
pub fn extract_blocks(
    docs: &[Document],
    lexicon: &Lexicon,
    options: &Options,
    observer: &dyn Observer,
) -> Result<Extracted, BuildError> {
    let mut blocks = Blocks::new(docs.len());
    extract_each(docs, lexicon, options, observer, |doc, ex| {
        blocks.add(doc, &ex);
        Ok(())
    })?;
    Ok(blocks.done())
}

/// [`extract_blocks`] of documents the caller lets go: each chunk's texts are let go once it
/// is extracted, so that the records' blocks take the room the texts held instead of adding
/// to it (`kg build`: the texts of an archive are about as large as its records).
pub fn extract_blocks_from(
    docs: Vec<Document>,
    lexicon: &Lexicon,
    options: &Options,
    observer: &dyn Observer,
) -> Result<Extracted, BuildError> {
    let mut blocks = Blocks::new(docs.len());
    let pool = extraction_pool(options)?;
    let mut docs = docs.into_iter();
    loop {
        let chunk: Vec<Document> = docs.by_ref().take(CHUNK).collect();
        if chunk.is_empty() {
            break;
        }
        extract_chunk(&pool, &chunk, lexicon, observer, &mut |doc, ex| {
            blocks.add(doc, &ex);
            Ok(())
        })?;
    }
    Ok(blocks.done())
}

/// Records' blocks gathered as documents are extracted.
struct Blocks {
    blocks: Vec<RecordBlock>,
    seen: Vec<(u64, bool)>,
    report: Report,
}

impl Blocks {
    fn new(documents: usize) -> Blocks {
        Blocks {
            blocks: Vec::with_capacity(documents),
            seen: Vec::with_capacity(documents),
            report: Report::default(),
        }
    }

    fn add(&mut self, doc: &Document, ex: &Extraction) {
        let record = Record::new(doc, ex);
        self.report.found(&record, ex.warnings.len());
        self.seen.push((record.fingerprint, record.date.is_some()));
        self.blocks.push(RecordBlock::encode(&record));
    }

    fn done(self) -> Extracted {
        Extracted {
            blocks: self.blocks,
            seen: self.seen,
            report: self.report,
        }
    }
}

/// Merges extracted documents into the graph, as [`add_documents`] does.
pub fn add_extracted(graph: &mut KnowledgeGraph, extracted: Extracted, replace: bool) -> Report {
    let Extracted {
        blocks,
        seen,
        mut report,
    } = extracted;
    let mut held: rustc_hash::FxHashSet<u64> = graph.fingerprints().into_iter().collect();
    let outcomes = graph.insert_blocks(blocks, replace);
    for ((fingerprint, dated), outcome) in seen.into_iter().zip(outcomes) {
        let duplicate =
            matches!(outcome, Outcome::Added | Outcome::Replaced) && !held.insert(fingerprint);
        report.count(outcome, duplicate, dated);
    }
    report
}

/// One id with two different records among records given in no set order.
#[derive(Debug, thiserror::Error)]
#[error(
    "the records hold document `{0}` twice, with two different texts; which to keep would depend on the order of the shards"
)]
pub struct ConflictingRecords(pub String);

/// Merges records made by the map step of a split build (`kg extract --records`, read back
/// with [`crate::graph::parse_record_line`]) into the graph: the reduce. The records may come
/// in any order and from any number of shards; the graph is the one [`add_documents`] makes of
/// the same texts, byte for byte. A record given twice (one id, one text) is taken once; one id
/// with two texts is refused, since which one a build keeps depends on the order of its input,
/// which shards do not have. An id the graph holds already is skipped or, with another text,
/// replaced when `replace` says so.
pub fn add_records(
    graph: &mut KnowledgeGraph,
    mut records: Vec<ShardRecord>,
    replace: bool,
) -> Result<Report, ConflictingRecords> {
    records.sort_unstable_by(|a, b| {
        (a.block.id.as_str(), a.block.text_hash).cmp(&(b.block.id.as_str(), b.block.text_hash))
    });
    if let Some(w) = records
        .windows(2)
        .find(|w| w[0].block.id == w[1].block.id && w[0].block.text_hash != w[1].block.text_hash)
    {
        return Err(ConflictingRecords(w[0].block.id.clone()));
    }
    records.dedup_by(|b, a| a.block.id == b.block.id);
    let mut report = Report::default();
    let mut seen = Vec::with_capacity(records.len());
    let mut blocks = Vec::with_capacity(records.len());
    for record in records {
        report.entities += record.entities;
        report.relations += record.relations;
        seen.push((record.fingerprint, record.dated));
        blocks.push(record.block);
    }
    Ok(add_extracted(
        graph,
        Extracted {
            blocks,
            seen,
            report,
        },
        replace,
    ))
}

/// A record read from a shard, as the reduce holds it: its block, and what the build's report
/// counts of it.
#[derive(Clone, Debug)]
pub struct ShardRecord {
    block: RecordBlock,
    fingerprint: u64,
    dated: bool,
    entities: usize,
    relations: usize,
}

impl ShardRecord {
    /// A record's block and counts.
    pub fn new(record: &Record) -> ShardRecord {
        ShardRecord {
            block: RecordBlock::encode(record),
            fingerprint: record.fingerprint,
            dated: record.date.is_some(),
            entities: record.entities.len(),
            relations: record.relations.len(),
        }
    }
}

/// Extracts every document on a pool of threads and hands each extraction to `each` in input
/// order, after passing its warnings to the observer. An error from `each` stops the build and
/// comes back as [`BuildError::Stopped`].
pub fn extract_each<E>(
    docs: &[Document],
    lexicon: &Lexicon,
    options: &Options,
    observer: &dyn Observer,
    mut each: impl FnMut(&Document, Extraction) -> Result<(), E>,
) -> Result<(), BuildError<E>> {
    let pool = extraction_pool(options)?;
    for chunk in docs.chunks(CHUNK) {
        extract_chunk(&pool, chunk, lexicon, observer, &mut each)?;
    }
    Ok(())
}

/// The pool extraction runs on, `options.jobs` threads (rayon's choice when none).
fn extraction_pool<E>(options: &Options) -> Result<rayon::ThreadPool, BuildError<E>> {
    let jobs = options.jobs.map_or(0, NonZeroUsize::get);
    if jobs > MAX_JOBS {
        return Err(BuildError::TooManyJobs(jobs));
    }
    // A pool of the build's own: the thread count must not depend on, or change, rayon's
    // global pool.
    Ok(rayon::ThreadPoolBuilder::new().num_threads(jobs).build()?)
}

/// Extracts one chunk of documents on the pool and hands each extraction to `each`, in order.
fn extract_chunk<E>(
    pool: &rayon::ThreadPool,
    chunk: &[Document],
    lexicon: &Lexicon,
    observer: &dyn Observer,
    each: &mut impl FnMut(&Document, Extraction) -> Result<(), E>,
) -> Result<(), BuildError<E>> {
    let extractions: Vec<Extraction> = pool.install(|| {
        chunk
            .par_iter()
            .map(|doc| {
                let ex = extract(doc, lexicon);
                observer.extracted();
                ex
            })
            .collect()
    });
    for (doc, ex) in chunk.iter().zip(extractions) {
        for warning in &ex.warnings {
            observer.warning(doc, warning);
        }
        each(doc, ex).map_err(BuildError::Stopped)?;
    }
    Ok(())
}

/// The ids that occur more than once among the documents, each once, in order of first repeat.
/// A build keeps the first document with an id and skips the others, which a caller may want
/// to say.
pub fn duplicate_ids(docs: &[Document]) -> Vec<&str> {
    let mut seen = std::collections::HashMap::<&str, usize>::new();
    let mut repeated = Vec::new();
    for doc in docs {
        let count = seen.entry(doc.id.as_str()).or_default();
        *count += 1;
        if *count == 2 {
            repeated.push(doc.id.as_str());
        }
    }
    repeated
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_graph(jobs: usize) -> KnowledgeGraph {
        let mut graph = KnowledgeGraph::new();
        let options = Options {
            jobs: NonZeroUsize::new(jobs),
            ..Options::default()
        };
        let docs = crate::sample::documents();
        let report = add_documents(&mut graph, &docs, Lexicon::builtin(), &options, &())
            .expect("the sample builds");
        assert_eq!(report.added, docs.len());
        graph
    }

    #[test]
    fn the_thread_count_does_not_change_the_graph() {
        assert_eq!(sample_graph(1).to_bytes(), sample_graph(3).to_bytes());
    }

    #[test]
    fn too_many_jobs_is_refused_before_any_thread_starts() {
        let options = Options {
            jobs: NonZeroUsize::new(MAX_JOBS + 1),
            ..Options::default()
        };
        let err = add_documents(
            &mut KnowledgeGraph::new(),
            &[],
            Lexicon::builtin(),
            &options,
            &(),
        )
        .expect_err("refused");
        assert!(matches!(err, BuildError::TooManyJobs(257)), "{err}");
    }

    #[test]
    fn extractions_come_in_input_order_and_an_error_stops_the_build() {
        let docs: Vec<Document> = (0..600)
            .map(|i| Document::new(format!("{i}"), "Kerry met Lavrov."))
            .collect();
        let mut ids = Vec::new();
        let result = extract_each(
            &docs,
            Lexicon::builtin(),
            &Options::default(),
            &(),
            |doc, _| {
                ids.push(doc.id.clone());
                if ids.len() == 300 {
                    Err("enough")
                } else {
                    Ok(())
                }
            },
        );
        assert!(matches!(result, Err(BuildError::Stopped("enough"))));
        let expected: Vec<String> = (0..300).map(|i| format!("{i}")).collect();
        assert_eq!(ids, expected);
    }

    #[test]
    fn duplicate_ids_are_named_once() {
        let docs = [
            Document::new("a", ""),
            Document::new("b", ""),
            Document::new("a", ""),
            Document::new("a", ""),
        ];
        assert_eq!(duplicate_ids(&docs), ["a"]);
    }
}
