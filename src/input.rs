//! Reading and writing files: documents from paths and standard input, graph files, and atomic
//! writes. This is the only place the binary touches the file system.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use kg::graph::{GraphFileError, KnowledgeGraph};
use kg::text::Document;

use crate::warn;

/// File extensions read from a folder. A file named on the command line is read whatever its
/// extension: the user chose it.
const TEXT_EXTENSIONS: [&str; 3] = ["txt", "md", "jsonl"];

/// Reads every document the paths name, in order: a file, a folder (recursively, sorted), or `-`
/// for standard input. Warns about invalid UTF-8 and about ids that occur more than once.
pub fn read_documents(paths: &[PathBuf]) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            io::stdin()
                .lock()
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
            docs.extend(parse_stdin(bytes)?);
            continue;
        }
        let meta =
            fs::metadata(path).with_context(|| format!("cannot read `{}`", path.display()))?;
        if meta.is_dir() {
            for file in files_under(path)? {
                docs.extend(read_file(&file)?);
            }
        } else {
            docs.extend(read_file(path)?);
        }
    }
    warn_duplicates(&docs);
    Ok(docs)
}

/// Standard input is JSON Lines when its first non-blank character is `{`, one plain-text
/// document (id `stdin`) otherwise: a news article does not start with a brace.
fn parse_stdin(bytes: Vec<u8>) -> Result<Vec<Document>> {
    let is_jsonl = bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{');
    if is_jsonl {
        parse_jsonl("<stdin>", &bytes)
    } else {
        Ok(vec![text_document("stdin".to_string(), bytes)])
    }
}

/// One file: JSON Lines when it ends in `.jsonl`, else one document named after the file.
fn read_file(path: &Path) -> Result<Vec<Document>> {
    let bytes = fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
    if has_extension(path, &["jsonl"]) {
        return parse_jsonl(&path.display().to_string(), &bytes);
    }
    let id = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    Ok(vec![text_document(id, bytes)])
}

fn text_document(id: String, bytes: Vec<u8>) -> Document {
    let (doc, warning) = Document::from_bytes(id, bytes);
    if let Some(warning) = warning {
        warn(&warning);
    }
    doc
}

/// One document a line; blank lines are skipped. A line that is not a record stops the run: a
/// silently skipped article would make every count downstream quietly wrong.
fn parse_jsonl(name: &str, bytes: &[u8]) -> Result<Vec<Document>> {
    let mut docs = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = i + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let line = match std::str::from_utf8(line) {
            Ok(line) => line.to_string(),
            Err(err) => {
                warn(&format!(
                    "`{name}:{line_no}` is not valid UTF-8 (first bad byte at column {}); \
                     bad bytes were replaced with U+FFFD",
                    err.valid_up_to() + 1
                ));
                String::from_utf8_lossy(line).into_owned()
            }
        };
        let doc: Document = serde_json::from_str(&line)
            .with_context(|| format!("`{name}:{line_no}` is not a document record"))?;
        docs.push(doc);
    }
    Ok(docs)
}

/// The readable files under a folder, sorted by path so that every run reads them in one order.
/// Hidden entries are skipped, and symbolic links to folders are not followed (no loops).
fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries =
            fs::read_dir(&dir).with_context(|| format!("cannot read `{}`", dir.display()))?;
        for entry in entries {
            let entry = entry.with_context(|| format!("cannot read `{}`", dir.display()))?;
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let file_type = entry
                .file_type()
                .with_context(|| format!("cannot read `{}`", path.display()))?;
            if file_type.is_dir() {
                pending.push(path);
            } else if has_extension(path.as_path(), &TEXT_EXTENSIONS) {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// True when the file name ends in one of the extensions, in any case (`.TXT` too).
fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(OsStr::to_str)
        .is_some_and(|ext| extensions.iter().any(|e| ext.eq_ignore_ascii_case(e)))
}

/// The graph keeps the first document with an id and skips the others, so say so.
fn warn_duplicates(docs: &[Document]) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for doc in docs {
        let count = seen.entry(doc.id.as_str()).or_default();
        *count += 1;
        if *count == 2 {
            warn(&format!(
                "document id `{}` occurs more than once; a graph keeps only the first",
                doc.id
            ));
        }
    }
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

/// Reads a graph file written by `kg build`.
pub fn load_graph(path: &Path) -> Result<KnowledgeGraph> {
    let bytes = fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
    KnowledgeGraph::from_bytes(&bytes).map_err(|err| graph_error(path, &err))
}

/// What `:load` found at a path.
pub enum Loaded {
    /// A saved graph.
    Graph(Box<KnowledgeGraph>),
    /// Documents to extract and add.
    Documents(Vec<Document>),
}

/// Reads a path that may hold a saved graph or texts, telling them apart by the graph header.
pub fn load_graph_or_documents(path: &Path) -> Result<Loaded> {
    if path.as_os_str() == "-" {
        bail!("`:load -` is not possible: the shell reads its questions from standard input");
    }
    if path.is_file() {
        let bytes = fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
        match KnowledgeGraph::from_bytes(&bytes) {
            Ok(graph) => return Ok(Loaded::Graph(Box::new(graph))),
            Err(GraphFileError::NotAGraph) => {}
            Err(err) => return Err(graph_error(path, &err)),
        }
    }
    read_documents(&[path.to_path_buf()]).map(Loaded::Documents)
}

/// Writes a file so that readers see the old content or the new, never a half-written one: the
/// bytes go to a temporary file in the same folder, which then replaces the target.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    AtomicFile::create(path)?.write(bytes)
}

/// A file being replaced atomically. Made before long work (a build) so that an output path that
/// cannot be written fails at once, not after every document has been read.
pub struct AtomicFile<'p> {
    path: &'p Path,
    temp: tempfile::NamedTempFile,
}

impl<'p> AtomicFile<'p> {
    /// Opens a temporary file next to `path`.
    pub fn create(path: &'p Path) -> Result<AtomicFile<'p>> {
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            bail!(
                "cannot write `{}`: there is no folder `{}`",
                path.display(),
                dir.display()
            );
        }
        let temp = tempfile::NamedTempFile::new_in(dir)
            .with_context(|| format!("cannot write `{}`", path.display()))?;
        Ok(AtomicFile { path, temp })
    }

    /// Writes the bytes and puts the file in place of `path`. Dropped without this, the
    /// temporary file is removed and `path` is untouched.
    pub fn write(mut self, bytes: &[u8]) -> Result<()> {
        let path = self.path;
        let cannot_write = || format!("cannot write `{}`", path.display());
        self.temp.write_all(bytes).with_context(cannot_write)?;
        // The temporary file is private (0600); the file it becomes keeps the permissions of the
        // one it replaces, or gets the usual ones for a new file.
        if let Some(permissions) = fs::metadata(path)
            .ok()
            .map(|m| m.permissions())
            .or_else(new_file_permissions)
        {
            self.temp
                .as_file()
                .set_permissions(permissions)
                .with_context(cannot_write)?;
        }
        self.temp.as_file().sync_all().with_context(cannot_write)?;
        self.temp
            .persist(path)
            .map_err(|err| err.error)
            .with_context(cannot_write)?;
        Ok(())
    }
}

/// The permissions of a newly written file: read and write for its owner, read for others.
#[cfg(unix)]
fn new_file_permissions() -> Option<fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn new_file_permissions() -> Option<fs::Permissions> {
    None
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
