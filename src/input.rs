//! Reading: documents from paths and standard input, graph files and word lists. Writing is
//! `write`'s.
//!
//! Every input is read through a bounded reader (a document holds at most
//! [`records::MAX_DOCUMENT_BYTES`]), and its first bytes are looked at before it is read as text
//! (`kg::build::content`): a graph file, an archive or a binary file is refused by name. A path
//! named on the command line must be readable; an entry found in a folder that cannot be read
//! (a FIFO, a broken link, a binary) is reported and skipped, unless `--strict` says stop.

use std::ffi::OsStr;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use kg::build::ShardRecord;
use kg::build::content::{self, NotText};
use kg::build::records::{self, BadLine, Line, MAX_DOCUMENT_BYTES};
use kg::graph::{
    Corrections, FileHead, GraphFileError, KnowledgeGraph, MAX_RECORD_LINE_BYTES, Section,
    StoredGraph, parse_record_line,
};
use kg::text::Document;

use crate::term::warn;

/// File extensions read from a folder. A file named on the command line is read whatever its
/// extension: the user chose it.
const TEXT_EXTENSIONS: [&str; 3] = ["txt", "md", "jsonl"];

/// How reading treats what it cannot use: an entry of a folder that is not a readable text file,
/// or a line of JSON Lines that is not a record.
#[derive(Clone, Copy, Debug, Default)]
pub struct Policy {
    /// Stop with an error instead of warning and going on.
    pub strict: bool,
}

impl Policy {
    /// Reports an input that cannot be used: a warning and on, or under `--strict` an error.
    fn skip(self, what: &str) -> Result<()> {
        if self.strict {
            bail!("{what} (--strict stops at any input kg would skip)");
        }
        warn(&format!("{what}; skipped it"));
        Ok(())
    }
}

/// Reads every document the paths name, in order: a file, a folder (recursively, sorted), or `-`
/// for standard input. Warns about invalid UTF-8 and about ids that occur more than once.
pub fn read_documents(paths: &[PathBuf], policy: Policy) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let stdin = io::stdin().lock();
            docs.extend(read_source(Source::Stdin, stdin, policy)?);
            continue;
        }
        let meta =
            fs::metadata(path).with_context(|| format!("cannot read `{}`", path.display()))?;
        if meta.is_dir() {
            for file in files_under(path, policy, is_text_file)? {
                match read_file(&file, policy) {
                    Ok(found) => docs.extend(found),
                    Err(err) => policy.skip(&format!("{err:#}"))?,
                }
            }
        } else {
            docs.extend(read_file(path, policy)?);
        }
    }
    for id in kg::build::duplicate_ids(&docs) {
        warn(&format!(
            "document id `{id}` occurs more than once; a graph keeps only the first"
        ));
    }
    Ok(docs)
}

/// Where bytes come from, for messages and ids.
#[derive(Clone, Copy)]
enum Source<'p> {
    /// A file: JSON Lines when it ends in `.jsonl`, else one document named after the file.
    File(&'p Path),
    /// Standard input: JSON Lines when it starts with `{`, else one document with the id `stdin`.
    Stdin,
}

impl Source<'_> {
    fn name(self) -> String {
        match self {
            Source::File(path) => path.display().to_string(),
            Source::Stdin => "<stdin>".to_string(),
        }
    }
}

/// One file, named on the command line or found in a folder.
fn read_file(path: &Path, policy: Policy) -> Result<Vec<Document>> {
    let file = File::open(path).with_context(|| format!("cannot read `{}`", path.display()))?;
    read_source(Source::File(path), BufReader::new(file), policy)
}

/// Reads a file or standard input: its first bytes are checked to be text, then it is read as
/// JSON Lines or as one document, never more than a document's worth of bytes at a time.
fn read_source(
    source: Source<'_>,
    mut reader: impl BufRead,
    policy: Policy,
) -> Result<Vec<Document>> {
    let name = source.name();
    let cannot_read = || format!("cannot read `{name}`");
    let mut head = Vec::with_capacity(content::SNIFF_BYTES);
    reader
        .by_ref()
        .take(content::SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .with_context(cannot_read)?;
    if let Some(kind) = content::not_text(&head) {
        bail!("{}", not_text_message(source, kind));
    }
    let json_lines = match source {
        Source::File(path) => has_extension(path, &["jsonl"]),
        Source::Stdin => records::looks_like_json_lines(&head),
    };
    let mut all = io::Cursor::new(head).chain(reader);
    if json_lines {
        return read_json_lines(&name, all, policy);
    }
    let mut bytes = Vec::new();
    all.by_ref()
        .take(MAX_DOCUMENT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .with_context(cannot_read)?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        bail!(
            "`{name}` is larger than the largest document kg reads ({} MiB); stopped reading it",
            MAX_DOCUMENT_BYTES >> 20
        );
    }
    let id = match source {
        Source::File(path) => path.file_name().map_or_else(
            || path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        ),
        Source::Stdin => "stdin".to_string(),
    };
    let (doc, warning) = records::text_document(id, bytes);
    if let Some(warning) = warning {
        warn(&warning);
    }
    Ok(vec![doc])
}

/// Why an input is refused, and what to do instead.
fn not_text_message(source: Source<'_>, kind: NotText) -> String {
    let name = source.name();
    let file = match source {
        Source::File(path) => path.display().to_string(),
        Source::Stdin => "FILE".to_string(),
    };
    match kind {
        NotText::Graph => format!(
            "`{name}` is a kg graph file, not an article: to add articles to it use \
             `kg add --graph {file} PATH`; to question it, `kg query --graph {file} QUESTION`"
        ),
        NotText::Archive(_) => {
            format!("`{name}` is {kind}, not an article: unpack it and give kg the folder")
        }
        NotText::Utf16 => format!(
            "`{name}` is UTF-16 text, and kg reads UTF-8: convert it first \
             (`iconv -f UTF-16 -t UTF-8`)"
        ),
        NotText::Binary { .. } => format!("`{name}` is {kind}, not an article: kg reads text"),
    }
}

/// One document a line; blank lines are skipped. A line that is not a record is reported with
/// its file and line and skipped (under `--strict`, it stops the run). A line longer than a
/// document may be stops the reading of this input: its end cannot be found without reading it.
fn read_json_lines(name: &str, mut reader: impl BufRead, policy: Policy) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    let mut line = Vec::new();
    for line_no in 1.. {
        line.clear();
        let read = reader
            .by_ref()
            .take(MAX_DOCUMENT_BYTES as u64 + 1)
            .read_until(b'\n', &mut line)
            .with_context(|| format!("cannot read `{name}`"))?;
        if read == 0 {
            break;
        }
        let text = line.strip_suffix(b"\n").unwrap_or(&line);
        if text.len() > MAX_DOCUMENT_BYTES {
            bail!(
                "`{name}:{line_no}`: {}; stopped reading it",
                BadLine::TooLong
            );
        }
        match records::parse_line(text) {
            Ok(Line::Blank) => {}
            Ok(Line::Record {
                document,
                bad_utf8_at,
            }) => {
                if let Some(column) = bad_utf8_at {
                    warn(&format!(
                        "`{name}:{line_no}` is not valid UTF-8 (first bad byte at column \
                         {column}); bad bytes were replaced with U+FFFD"
                    ));
                }
                docs.push(document);
            }
            Err(err @ BadLine::TooLong) => {
                bail!("`{name}:{line_no}`: {err}; stopped reading it")
            }
            Err(err @ BadLine::NotARecord(_)) => {
                policy.skip(&format!("`{name}:{line_no}` is {err}"))?
            }
        }
    }
    Ok(docs)
}

/// True when a file found in a folder is read as text: by its extension.
fn is_text_file(path: &Path) -> bool {
    has_extension(path, &TEXT_EXTENSIONS)
}

/// True when a file found in a folder of record shards is read: any name but Spark's
/// `_SUCCESS` and other names starting with `_` (hidden names are never read).
fn is_shard_file(path: &Path) -> bool {
    !path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('_'))
}

/// The files under a folder that `accept` takes, sorted by path so that every run reads them
/// in one order.
/// Hidden entries are skipped, and symbolic links to folders are not followed (no loops). An
/// entry with a text extension that is not a readable regular file (a FIFO, which would block;
/// a socket or device; a broken link or a loop of links; a link to a folder) is reported and
/// skipped, under the policy.
fn files_under(dir: &Path, policy: Policy, accept: fn(&Path) -> bool) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let cannot_read = || format!("cannot read the folder `{}`", folder.display());
        let entries = match fs::read_dir(&folder) {
            Ok(entries) => entries,
            // The folder named on the command line must be readable.
            Err(err) if folder == dir => return Err(err).with_context(cannot_read),
            Err(err) => {
                policy.skip(&format!("{}: {err}", cannot_read()))?;
                continue;
            }
        };
        // In name order, so that warnings come in the same order on every file system.
        let mut sorted = Vec::new();
        for entry in entries {
            match entry {
                Ok(entry) => sorted.push(entry),
                Err(err) => policy.skip(&format!("{}: {err}", cannot_read()))?,
            }
        }
        sorted.sort_by_key(fs::DirEntry::file_name);
        for entry in sorted {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let file_type = match entry.file_type() {
                Ok(file_type) => file_type,
                Err(err) => {
                    policy.skip(&format!("cannot read `{}`: {err}", path.display()))?;
                    continue;
                }
            };
            if file_type.is_dir() {
                pending.push(path);
                continue;
            }
            if !accept(&path) {
                continue;
            }
            let shown = path.display();
            if file_type.is_file() {
                files.push(path);
            } else if file_type.is_symlink() {
                match fs::metadata(&path) {
                    Ok(meta) if meta.is_file() => files.push(path),
                    Ok(meta) if meta.is_dir() => policy.skip(&format!(
                        "`{shown}` is a link to a folder, and links to folders are not followed"
                    ))?,
                    Ok(meta) => policy.skip(&format!(
                        "`{shown}` links to {}, not a regular file",
                        describe(&meta.file_type())
                    ))?,
                    Err(err) => {
                        policy.skip(&format!("`{shown}` is a link that leads nowhere ({err})"))?
                    }
                }
            } else {
                policy.skip(&format!(
                    "`{shown}` is {}, not a regular file",
                    describe(&file_type)
                ))?;
            }
        }
    }
    files.sort();
    Ok(files)
}

/// What a file that is not a regular file or a folder is, in words.
#[cfg(unix)]
fn describe(file_type: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        "a FIFO"
    } else if file_type.is_socket() {
        "a socket"
    } else if file_type.is_char_device() {
        "a character device"
    } else if file_type.is_block_device() {
        "a block device"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn describe(_file_type: &fs::FileType) -> &'static str {
    "a special file"
}

/// Reads the extraction records (`kg extract --records`) in files, folders of shards (every
/// file but hidden ones and names starting with `_`, such as Spark's `_SUCCESS`) and `-`, in any
/// order. A line that is not a record stops the reading, named by file and line: a shard is
/// the output of a program, and a damaged one must be made again.
pub fn read_records(paths: &[PathBuf]) -> Result<Vec<ShardRecord>> {
    let mut records = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            read_record_lines("<stdin>", io::stdin().lock(), &mut records)?;
            continue;
        }
        let meta =
            fs::metadata(path).with_context(|| format!("cannot read `{}`", path.display()))?;
        let files = if meta.is_dir() {
            files_under(path, Policy { strict: true }, is_shard_file)?
        } else {
            vec![path.clone()]
        };
        for file in files {
            let cannot_read = || format!("cannot read `{}`", file.display());
            let reader = BufReader::new(File::open(&file).with_context(cannot_read)?);
            read_record_lines(&file.display().to_string(), reader, &mut records)?;
        }
    }
    Ok(records)
}

/// The records of one source, a line each; lines are decoded on every core, a batch at a time.
fn read_record_lines(
    name: &str,
    mut reader: impl BufRead,
    records: &mut Vec<ShardRecord>,
) -> Result<()> {
    use rayon::prelude::*;
    const BATCH: usize = 4096;
    let mut lines: Vec<Vec<u8>> = Vec::with_capacity(BATCH);
    let mut first_line = 1;
    let mut done = false;
    while !done {
        lines.clear();
        while lines.len() < BATCH {
            let mut line = Vec::new();
            let read = reader
                .by_ref()
                .take(MAX_RECORD_LINE_BYTES as u64 + 1)
                .read_until(b'\n', &mut line)
                .with_context(|| format!("cannot read `{name}`"))?;
            if read == 0 {
                done = true;
                break;
            }
            lines.push(line);
        }
        let parsed: Vec<_> = lines
            .par_iter()
            .map(|line| {
                parse_record_line(line.strip_suffix(b"\n").unwrap_or(line))
                    .map(|record| record.as_ref().map(ShardRecord::new))
            })
            .collect();
        for (i, result) in parsed.into_iter().enumerate() {
            match result {
                Ok(Some(record)) => records.push(record),
                Ok(None) => {}
                Err(err) => bail!("`{name}:{}` is not a record: {err}", first_line + i),
            }
        }
        first_line += lines.len();
    }
    Ok(())
}

/// True when the file name ends in one of the extensions, in any case (`.TXT` too).
fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(OsStr::to_str)
        .is_some_and(|ext| extensions.iter().any(|e| ext.eq_ignore_ascii_case(e)))
}

/// The built-in word lists extended with every `.tsv` and `.txt` file in `dir` (sorted by name).
/// A file whose name says no list, or a bad line, is an error naming the file and line.
pub fn read_lexicon(dir: &Path) -> Result<kg::lexicon::Lexicon> {
    let mut lexicon = kg::lexicon::Lexicon::builtin().clone();
    let entries = fs::read_dir(dir)
        .with_context(|| format!("cannot read lexicon folder `{}`", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv" || x == "txt"))
        .collect();
    files.sort();
    for file in files {
        let text = fs::read_to_string(&file)
            .with_context(|| format!("cannot read `{}`", file.display()))?;
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        lexicon
            .extend(&name, &text)
            .map_err(|err| anyhow::anyhow!("lexicon {}: {err}", dir.display()))?;
    }
    Ok(lexicon)
}

/// Reads a graph file written by `kg build`. The first bytes are checked before the rest is
/// read, so that a path that is not a graph (`/dev/zero`) is refused at once.
pub fn load_graph(path: &Path) -> Result<KnowledgeGraph> {
    let bytes = read_graph_bytes(path)?;
    KnowledgeGraph::from_vec(bytes).map_err(|err| graph_error(path, &err))
}

/// Opens a graph file to answer questions: its header, corrections and merged graph are read,
/// its records (most of the file, needed only to change the graph) are not. What is not a
/// regular file (a FIFO) is read whole.
pub fn open_graph(path: &Path) -> Result<KnowledgeGraph> {
    open_graph_lazily(path).map(|(graph, _)| graph)
}

/// Where the records of a graph opened without them are: [`RecordsAt::attach`] reads them
/// when the graph is to change.
#[derive(Clone, Debug)]
pub struct RecordsAt {
    path: PathBuf,
    head: FileHead,
}

impl RecordsAt {
    /// Reads the records section of the file the graph was opened from and gives it to the
    /// graph; a file changed since it was opened is refused (its checksum differs).
    pub fn attach(&self, graph: &mut KnowledgeGraph) -> Result<()> {
        let cannot_read = || format!("cannot read `{}`", self.path.display());
        let mut file = File::open(&self.path).with_context(cannot_read)?;
        let section =
            read_section(&mut file, &self.head, Section::Records).with_context(cannot_read)?;
        graph.attach_records(&self.head, section).map_err(|err| {
            anyhow::anyhow!(
                "the graph file `{}` changed since it was opened ({err}); `:load` it again",
                self.path.display()
            )
        })
    }
}

/// One section of a graph file.
fn read_section(file: &mut File, head: &FileHead, which: Section) -> io::Result<Vec<u8>> {
    let range = head.range(which);
    file.seek(SeekFrom::Start(range.start))?;
    let len = range.end - range.start;
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.by_ref().take(len).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// [`open_graph`], and where the records are, when they were not read (a regular file).
pub fn open_graph_lazily(path: &Path) -> Result<(KnowledgeGraph, Option<RecordsAt>)> {
    let cannot_read = || format!("cannot read `{}`", path.display());
    let mut file = File::open(path).with_context(cannot_read)?;
    let meta = file.metadata().with_context(cannot_read)?;
    if !meta.is_file() {
        return load_graph(path).map(|graph| (graph, None));
    }
    let mut header = Vec::with_capacity(FileHead::LEN);
    file.by_ref()
        .take(FileHead::LEN as u64)
        .read_to_end(&mut header)
        .with_context(cannot_read)?;
    let head = FileHead::read(&header, meta.len()).map_err(|err| graph_error(path, &err))?;
    let corrections =
        read_section(&mut file, &head, Section::Corrections).with_context(cannot_read)?;
    let merged = read_section(&mut file, &head, Section::Merged).with_context(cannot_read)?;
    let graph = KnowledgeGraph::from_sections(&head, &corrections, &merged)
        .map_err(|err| graph_error(path, &err))?;
    let records = RecordsAt {
        path: path.to_path_buf(),
        head,
    };
    Ok((graph, Some(records)))
}

/// Reads a graph file as its blocks, for adding or removing documents without merging.
pub fn load_stored(path: &Path) -> Result<StoredGraph> {
    let bytes = read_graph_bytes(path)?;
    StoredGraph::from_bytes(&bytes).map_err(|err| graph_error(path, &err))
}

/// The bytes of a graph file; the first bytes are checked before the rest is read.
fn read_graph_bytes(path: &Path) -> Result<Vec<u8>> {
    let cannot_read = || format!("cannot read `{}`", path.display());
    let mut file = File::open(path).with_context(cannot_read)?;
    let mut bytes = Vec::new();
    file.by_ref()
        .take(content::GRAPH_MAGIC.len() as u64)
        .read_to_end(&mut bytes)
        .with_context(cannot_read)?;
    if bytes != content::GRAPH_MAGIC {
        return Err(graph_error(path, &GraphFileError::NotAGraph));
    }
    file.read_to_end(&mut bytes).with_context(cannot_read)?;
    Ok(bytes)
}

/// The corrections file that goes with a graph file: `NAME.corrections.toml` in its folder
/// (`news.kg` -> `news.corrections.toml`). None for standard output.
pub fn corrections_beside(graph: &Path) -> Option<PathBuf> {
    if graph.as_os_str() == "-" || graph.starts_with("/dev") {
        return None;
    }
    let stem = graph.file_stem()?.to_string_lossy().into_owned();
    Some(graph.with_file_name(format!("{stem}.corrections.toml")))
}

/// Reads a corrections file; a file that is not there is no corrections. A file that is not
/// TOML, or holds a correction that cannot be applied, is an error naming the file.
pub fn read_corrections(path: Option<&Path>) -> Result<Option<Corrections>> {
    let Some(path) = path else { return Ok(None) };
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(err) => {
            return Err(err).with_context(|| format!("cannot read `{}`", path.display()));
        }
    };
    Corrections::from_toml(&text)
        .map(Some)
        .map_err(|err| anyhow::anyhow!("corrections `{}`: {err}", path.display()))
}

/// What `:load` found at a path.
pub enum Loaded {
    /// A saved graph, and where its records are when they were not read.
    Graph(Box<KnowledgeGraph>, Option<RecordsAt>),
    /// Documents to extract and add.
    Documents(Vec<Document>),
}

/// Reads a path that may hold a saved graph or texts, telling them apart by the graph header.
pub fn load_graph_or_documents(path: &Path, policy: Policy) -> Result<Loaded> {
    if path.as_os_str() == "-" {
        bail!("`:load -` is not possible: the shell reads its questions from standard input");
    }
    if crate::write::is_graph_file(path) {
        return open_graph_lazily(path)
            .map(|(graph, records)| Loaded::Graph(Box::new(graph), records));
    }
    read_documents(&[path.to_path_buf()], policy).map(Loaded::Documents)
}

/// A graph file error as one message. `GraphFileError` may repeat its source in its own text, so
/// the source is added only when the text does not already end with it.
fn graph_error(path: &Path, err: &GraphFileError) -> anyhow::Error {
    let mut message = err.to_string();
    if let Some(source) = std::error::Error::source(err)
        && !message.ends_with(&source.to_string())
    {
        message = format!("{message}: {source}");
    }
    anyhow::anyhow!("cannot load graph `{}`: {message}", path.display())
}
