//! The one path by which `kg query`, `kg export`, `kg build` and the shell answer, write and
//! build: a question's answer and its output clause, exports, and graphs built from documents.
//! The shell and the command line call these functions and nothing else of each other's, so they
//! cannot drift apart.

use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use kg::build::{self, BuildError};
use kg::export::{self, Selection};
use kg::graph::KnowledgeGraph;
use kg::lexicon::Lexicon;
use kg::query::{self, Answer, QueryError};
use kg::text::Document;

use crate::Rendered;
use crate::term::{self, BuildProgress, Stream};
use crate::write::{self, FileId};

/// The word lists: the built-in ones, plus any given with `--lexicon` ([`set_lexicon`]).
static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();

/// Sets the word lists every build uses from here on. Called once, before any build.
pub fn set_lexicon(lexicon: Lexicon) {
    let _ = LEXICON.set(lexicon);
}

fn lexicon() -> &'static Lexicon {
    LEXICON.get().unwrap_or_else(|| Lexicon::builtin())
}

/// Extracts the documents and merges them into the graph, with a progress bar and the
/// extractor's warnings on standard error. `replace`: a document whose id the graph holds with
/// another text replaces the one held.
pub fn add_documents(
    graph: &mut KnowledgeGraph,
    docs: &[Document],
    jobs: Option<NonZeroUsize>,
    replace: bool,
) -> Result<build::Report> {
    let options = build::Options { jobs, replace };
    let progress = BuildProgress::new(docs.len());
    Ok(build::add_documents(
        graph,
        docs,
        lexicon(),
        &options,
        &progress,
    )?)
}

/// Extracts the documents into their records' blocks (with the progress bar and the
/// extractor's warnings, as [`add_documents`]), letting go of the texts a chunk at a time as
/// they are extracted, to merge with [`build::add_extracted`]: what `kg build` does, so that
/// it holds neither the texts beside the records nor the texts while it merges.
pub fn extract_documents(
    docs: Vec<Document>,
    jobs: Option<NonZeroUsize>,
) -> Result<build::Extracted> {
    let options = build::Options {
        jobs,
        replace: false,
    };
    let progress = BuildProgress::new(docs.len());
    Ok(build::extract_blocks_from(
        docs,
        lexicon(),
        &options,
        &progress,
    )?)
}

/// Extracts the documents and hands each extraction to `each`, in input order. An I/O error
/// from `each` (a closed pipe) comes back as itself.
pub fn extract_each(
    docs: &[Document],
    jobs: Option<NonZeroUsize>,
    each: impl FnMut(&Document, kg::model::Extraction) -> std::io::Result<()>,
) -> Result<()> {
    let options = build::Options {
        jobs,
        replace: false,
    };
    let progress = BuildProgress::new(docs.len());
    build::extract_each(docs, lexicon(), &options, &progress, each).map_err(|err| match err {
        BuildError::Stopped(io) => anyhow::Error::from(io),
        other => anyhow::Error::from(other),
    })
}

/// A query error as a snippet with a caret, ready for standard error.
fn rendered(err: &QueryError, text: &str) -> anyhow::Error {
    Rendered(err.render(text, term::color(Stream::Stderr))).into()
}

/// Parses and answers a question. A query error comes back rendered.
pub fn ask(graph: &KnowledgeGraph, text: &str) -> Result<Answer> {
    query::parse(text)
        .and_then(|query| query::run(graph, &query))
        .map_err(|err| rendered(&err, text))
}

/// What a query's `> FILE` may write.
#[derive(Clone, Debug, Default)]
pub struct QueryWrites {
    /// `kg query` writes files only with `--allow-write`: a query may come from someone who
    /// should not choose files on this machine. The shell's user may.
    pub allowed: bool,
    /// The graph file the answer comes from: never written over, whatever the query says.
    pub graph_file: Option<FileId>,
}

/// Runs a query as typed, output clause included: prints the answer, or writes it where the
/// query says and returns that file. A query error, or a file the query may not write, comes
/// back rendered as a snippet with a caret.
pub fn run_query(
    graph: &KnowledgeGraph,
    text: &str,
    settings: &query::Settings,
    writes: &QueryWrites,
) -> Result<Option<PathBuf>> {
    let outcome = query::execute(graph, text, settings).map_err(|err| rendered(&err, text))?;
    let Some(file) = outcome.file else {
        term::print(&outcome.text)?;
        return Ok(None);
    };
    let path = file.path.as_path();
    let refuse = |message: String, label: &str, help: Option<String>| {
        let err = QueryError {
            message,
            span: file.span,
            label: label.to_string(),
            help,
        };
        rendered(&err, text)
    };
    let shown = path.display();
    if path.as_os_str() != "-" {
        // Nothing about the file system is looked at before the write is allowed.
        if !writes.allowed {
            return Err(refuse(
                format!("`kg query` writes `{shown}` only with `--allow-write`"),
                "writes a file",
                Some(
                    "add `--allow-write` to let questions write files, or leave out `> FILE` \
                     to print the answer"
                        .into(),
                ),
            ));
        }
        if writes.graph_file.as_ref().is_some_and(|g| g.is(path)) {
            return Err(refuse(
                format!("`{shown}` is the graph file being queried"),
                "would destroy the graph",
                Some("write the answer to another file".into()),
            ));
        }
        if write::is_graph_file(path) {
            return Err(refuse(
                format!("`{shown}` is a kg graph file, and an answer never replaces one"),
                "would destroy a graph",
                Some("write the answer to another file".into()),
            ));
        }
        if !file.replace && write::is_existing_file(path) {
            return Err(refuse(
                format!("`{shown}` exists"),
                "would replace it",
                Some(format!("`>! {shown}` replaces an existing file")),
            ));
        }
    }
    let output = write::Output::open(path)?;
    let to_stdout = output.is_stdout();
    let mut bytes = outcome.text.into_bytes();
    bytes.push(b'\n');
    output.write(&bytes)?;
    Ok((!to_stdout).then(|| path.to_path_buf()))
}

/// Exports the graph, or a selection of it, to a path (a folder for the CSV export, swapped in
/// whole), or to standard output when there is no path. A graph file is never written over:
/// neither `graph_file`, the one exported, nor any other. The shell's `:export` comes here too.
pub fn write_export(
    graph: &KnowledgeGraph,
    selection: Option<&Selection>,
    format: export::Format,
    options: &export::Options,
    path: Option<&Path>,
    graph_file: Option<&FileId>,
) -> Result<()> {
    if let Some(path) = path {
        if graph_file.is_some_and(|g| g.is(path)) {
            bail!(
                "cannot write `{}`: it is the graph file being exported",
                path.display()
            );
        }
        if write::is_graph_file(path) {
            bail!(
                "cannot write `{}`: it is a kg graph file, and an export never replaces one",
                path.display()
            );
        }
    }
    match (export::render(graph, selection, format, options), path) {
        (export::Output::File(text), Some(path)) => write::write_file(path, text.as_bytes()),
        (export::Output::File(text), None) => Ok(term::print(&text)?),
        (export::Output::Folder(files), Some(dir)) if dir.as_os_str() != "-" => {
            write::write_folder(dir, &files)
        }
        (export::Output::Folder(_), _) => {
            bail!("the {format} export is a folder of files; give one with `--output DIR`")
        }
    }
}
