//! The commands: their arguments (clap), and what each one does with them.
//!
//! Arguments are parsed into [`Args`] once; each command then reads its inputs through `input`,
//! calls the library, and writes results to standard output. Errors travel up as
//! `anyhow::Error` with context, and `main` turns them into an exit code.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use kg::export::{self, Selection};
use kg::extract::extract;
use kg::graph::{KnowledgeGraph, Stats};
use kg::lexicon::Lexicon;
use kg::model::Extraction;
use kg::query::{self, Answer, Format};
use kg::text::Document;
use rayon::prelude::*;
use serde::Serialize;

use crate::{Rendered, color_stderr, input, repl, warn};

const ABOUT: &str = "Build a typed knowledge graph from news articles and question it from a shell";

const AFTER_HELP: &str = "\
With no command, kg opens the shell on its built-in sample corpus.

PATH is a file, a folder (read recursively: .txt, .md, .jsonl), or `-` for standard input. A
.jsonl file holds one document a line: {\"id\", \"text\", \"title\"?, \"date\"?, \"url\"?,
\"source\"?}; other files are one document each, with the file name as id. Standard input is JSON
Lines when it starts with `{`, one document with the id `stdin` otherwise.

Exit codes: 0 success, 1 failure (bad input, graph file or question), 2 usage error.";

/// `kg`'s command line.
#[derive(Debug, Parser)]
#[command(name = "kg", version, about = ABOUT, after_help = AFTER_HELP)]
pub struct Args {
    #[command(subcommand)]
    command: Option<Command>,
    /// A folder of word lists added to the built-in ones (files named like those in
    /// data/lexicon: countries.tsv, titles.tsv, my-places.tsv, ...)
    #[arg(long, global = true, value_name = "DIR")]
    lexicon: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Open the shell on a saved graph, or on texts built on the spot
    Repl {
        /// A graph file written by `kg build`
        #[arg(long, value_name = "FILE")]
        graph: Option<PathBuf>,
        /// Texts to read (added to the graph when --graph is given too)
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// With piped input, report a failed line and go on (the exit code is still 1)
        #[arg(long)]
        keep_going: bool,
    },
    /// Read texts, extract, and write a graph file
    Build {
        /// Texts to read
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// Where to write the graph
        #[arg(long, short, value_name = "FILE")]
        output: PathBuf,
        /// Worker threads [default: all cores]
        #[arg(long, short, value_name = "N")]
        jobs: Option<NonZeroUsize>,
    },
    /// Read texts and print what was found, one JSON object a document (JSON Lines)
    Extract {
        /// Texts to read
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// Worker threads [default: all cores]
        #[arg(long, short, value_name = "N")]
        jobs: Option<NonZeroUsize>,
    },
    /// Answer a question from a graph file
    Query {
        /// A graph file written by `kg build`
        #[arg(long, value_name = "FILE")]
        graph: PathBuf,
        /// How to print the answer
        #[arg(long, short, value_enum, default_value_t = AnswerFormat::Table)]
        format: AnswerFormat,
        /// Print the sentence behind each row
        #[arg(long, short)]
        evidence: bool,
        /// The question, e.g. "who met Kerry" (several words are joined by spaces)
        #[arg(value_name = "QUERY", required = true)]
        query: Vec<String>,
    },
    /// Write a graph file, or the part an answer touches, for other tools: Graphviz, networkx
    /// or Gephi (GraphML), Neo4j or Ladybug/Kuzu (CSV and Cypher), RDF stores, JSON
    Export {
        /// A graph file written by `kg build`
        #[arg(long, value_name = "FILE")]
        graph: PathBuf,
        /// The output format (csv: a folder with nodes.csv, relationships.csv and Cypher scripts)
        #[arg(long, short, value_enum)]
        format: ExportFormat,
        /// Where to write: a file, or a folder for csv [default: standard output]
        #[arg(long, short, value_name = "PATH")]
        output: Option<PathBuf>,
        /// Export only the answer to this question: its entities, the relations that join them
        /// and their evidence
        #[arg(long, short, value_name = "QUERY")]
        query: Option<String>,
        /// DOT: which way the drawing runs
        #[arg(long, value_enum, default_value_t = LayoutArg::LR)]
        layout: LayoutArg,
    },
    /// Count what a graph file holds
    Stats {
        /// A graph file written by `kg build`
        #[arg(long, value_name = "FILE")]
        graph: PathBuf,
        /// How to print the counts
        #[arg(long, short, value_enum, default_value_t = StatsFormat::Table)]
        format: StatsFormat,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum AnswerFormat {
    Table,
    Json,
    Csv,
}

impl From<AnswerFormat> for Format {
    fn from(format: AnswerFormat) -> Format {
        match format {
            AnswerFormat::Table => Format::Table,
            AnswerFormat::Json => Format::Json,
            AnswerFormat::Csv => Format::Csv,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ExportFormat {
    Dot,
    Json,
    Graphml,
    Csv,
    #[value(alias = "nt")]
    Ntriples,
    #[value(alias = "ttl")]
    Turtle,
}

impl From<ExportFormat> for export::Format {
    fn from(format: ExportFormat) -> export::Format {
        match format {
            ExportFormat::Dot => export::Format::Dot,
            ExportFormat::Json => export::Format::Json,
            ExportFormat::Graphml => export::Format::Graphml,
            ExportFormat::Csv => export::Format::Csv,
            ExportFormat::Ntriples => export::Format::NTriples,
            ExportFormat::Turtle => export::Format::Turtle,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
#[allow(clippy::upper_case_acronyms)]
enum LayoutArg {
    /// Left to right
    #[value(name = "LR", alias = "lr")]
    LR,
    /// Top to bottom
    #[value(name = "TB", alias = "tb")]
    TB,
    /// Right to left
    #[value(name = "RL", alias = "rl")]
    RL,
    /// Bottom to top
    #[value(name = "BT", alias = "bt")]
    BT,
}

impl From<LayoutArg> for export::Layout {
    fn from(layout: LayoutArg) -> export::Layout {
        match layout {
            LayoutArg::LR => export::Layout::LeftRight,
            LayoutArg::TB => export::Layout::TopBottom,
            LayoutArg::RL => export::Layout::RightLeft,
            LayoutArg::BT => export::Layout::BottomTop,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum StatsFormat {
    Table,
    Json,
}

/// Runs the command the arguments name.
pub fn run(args: Args) -> Result<()> {
    if let Some(dir) = &args.lexicon {
        let lexicon = input::read_lexicon(dir)?;
        // `run` is called once per process, so the lexicon is set before anything reads it.
        let _ = LEXICON.set(lexicon);
    }
    let Some(command) = args.command else {
        let mut graph = KnowledgeGraph::new();
        add_documents(&mut graph, &kg::sample::documents(), None)?;
        return repl::run(graph, repl::Options::default());
    };
    match command {
        Command::Repl {
            graph,
            paths,
            keep_going,
        } => {
            if paths.iter().any(|p| p.as_os_str() == "-") {
                anyhow::bail!(
                    "`-` cannot be used with `kg repl`: the shell reads its questions from \
                     standard input"
                );
            }
            let mut kg = match graph {
                Some(path) => input::load_graph(&path)?,
                None => KnowledgeGraph::new(),
            };
            if !paths.is_empty() {
                add_documents(&mut kg, &input::read_documents(&paths)?, None)?;
            }
            repl::run(kg, repl::Options { keep_going })
        }
        Command::Build {
            paths,
            output,
            jobs,
        } => {
            let output = input::AtomicFile::create(&output)?;
            let docs = input::read_documents(&paths)?;
            let mut graph = KnowledgeGraph::new();
            add_documents(&mut graph, &docs, jobs)?;
            output.write(&graph.to_bytes())
        }
        Command::Extract { paths, jobs } => {
            let docs = input::read_documents(&paths)?;
            let mut out = BufWriter::new(io::stdout().lock());
            extract_each(&docs, jobs, |doc, ex| {
                writeln!(out, "{}", export::extraction_to_json(doc, &ex))?;
                Ok(())
            })?;
            out.flush()?;
            Ok(())
        }
        Command::Query {
            graph,
            format,
            evidence,
            query,
        } => {
            let graph = input::load_graph(&graph)?;
            let settings = query::Settings {
                format: format.into(),
                evidence,
                width: stdout_width(),
            };
            run_query(&graph, &query.join(" "), &settings).map(|_| ())
        }
        Command::Export {
            graph,
            format,
            output,
            query,
            layout,
        } => {
            let graph = input::load_graph(&graph)?;
            let selection = match query {
                Some(query) => {
                    let answer = ask(&graph, &query)?;
                    Some(Selection {
                        nodes: answer.nodes(),
                        edges: answer.edges(),
                    })
                }
                None => None,
            };
            let options = export::Options {
                layout: layout.into(),
            };
            write_export(
                &graph,
                selection.as_ref(),
                format.into(),
                &options,
                output.as_deref(),
            )
        }
        Command::Stats { graph, format } => {
            let stats = input::load_graph(&graph)?.stats();
            print(&match format {
                StatsFormat::Table => stats_table(&stats),
                StatsFormat::Json => stats_json(&stats),
            })
        }
    }
}

/// Exports the graph, or a selection of it, to a path (a folder for the CSV export, made when
/// missing), or to standard output when there is no path. Every file is written atomically. The
/// shell's `:export` comes here too.
pub fn write_export(
    graph: &KnowledgeGraph,
    selection: Option<&Selection>,
    format: export::Format,
    options: &export::Options,
    path: Option<&Path>,
) -> Result<()> {
    match (export::render(graph, selection, format, options), path) {
        (export::Output::File(text), Some(path)) => input::write_atomically(path, text.as_bytes()),
        (export::Output::File(text), None) => print(&text),
        (export::Output::Folder(files), Some(dir)) => {
            if dir.is_file() {
                anyhow::bail!(
                    "cannot write the {format} export to `{}`: it is a file, and the export is a \
                     folder of files",
                    dir.display()
                );
            }
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create the folder `{}`", dir.display()))?;
            for (name, text) in files {
                input::write_atomically(&dir.join(name), text.as_bytes())?;
            }
            Ok(())
        }
        (export::Output::Folder(_), None) => {
            anyhow::bail!("the {format} export is a folder of files; give one with `--output DIR`")
        }
    }
}

/// The word lists: the built-in ones, plus any given with `--lexicon`.
static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();

fn lexicon() -> &'static Lexicon {
    LEXICON.get().unwrap_or_else(|| Lexicon::builtin())
}

/// Parses and answers a question. A query error comes back rendered as a snippet with a caret,
/// ready for standard error.
pub fn ask(graph: &KnowledgeGraph, text: &str) -> Result<Answer> {
    query::parse(text)
        .and_then(|query| query::run(graph, &query))
        .map_err(|err| Rendered(err.render(text, color_stderr())).into())
}

/// Runs a query as typed, output clause included: prints the answer, or writes it to the file
/// the query names (atomically) and returns that file. A query error comes back rendered as a
/// snippet with a caret, ready for standard error.
pub fn run_query(
    graph: &KnowledgeGraph,
    text: &str,
    settings: &query::Settings,
) -> Result<Option<std::path::PathBuf>> {
    let outcome = query::execute(graph, text, settings)
        .map_err(|err| Rendered(err.render(text, color_stderr())))?;
    match outcome.path {
        Some(path) => {
            let mut bytes = outcome.text.into_bytes();
            bytes.push(b'\n');
            input::write_atomically(&path, &bytes)?;
            Ok(Some(path))
        }
        None => print(&outcome.text).map(|()| None),
    }
}

/// Extracts the documents and merges them into the graph, in input order, so that the same
/// inputs always give the same graph however many threads ran.
pub fn add_documents(
    graph: &mut KnowledgeGraph,
    docs: &[Document],
    jobs: Option<NonZeroUsize>,
) -> Result<()> {
    extract_each(docs, jobs, |doc, ex| {
        graph.add(doc, &ex);
        Ok(())
    })
}

/// Documents are extracted in chunks of this many: enough to keep every thread busy, few enough
/// that `kg extract` streams its output and stops early when its reader goes away.
const CHUNK: usize = 256;

/// Extracts every document on a pool of `jobs` threads and hands each extraction to `each` in
/// input order. Extraction warnings go to standard error, naming the document.
fn extract_each(
    docs: &[Document],
    jobs: Option<NonZeroUsize>,
    mut each: impl FnMut(&Document, Extraction) -> Result<()>,
) -> Result<()> {
    // A local pool: `--jobs` must not depend on, or change, rayon's global pool.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.map_or(0, NonZeroUsize::get))
        .build()
        .context("cannot start worker threads")?;
    let progress = progress_bar(docs.len());
    let lexicon = lexicon();
    for chunk in docs.chunks(CHUNK) {
        let extractions: Vec<Extraction> = pool.install(|| {
            chunk
                .par_iter()
                .map(|doc| {
                    let ex = extract(doc, lexicon);
                    progress.inc(1);
                    ex
                })
                .collect()
        });
        for (doc, ex) in chunk.iter().zip(extractions) {
            for warning in &ex.warnings {
                progress.suspend(|| warn(&format!("{}: {warning}", doc.id)));
            }
            each(doc, ex)?;
        }
    }
    progress.finish_and_clear();
    Ok(())
}

/// A progress bar on standard error when it is a terminal and there is enough work to watch; a
/// hidden one otherwise, so that logs and pipes stay clean and a few documents do not flash a bar.
fn progress_bar(len: usize) -> ProgressBar {
    if len < 10 || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} reading {pos}/{len} documents {wide_bar} {eta}")
    {
        bar.set_style(style);
    }
    bar
}

/// Writes text to standard output, ending it with a newline.
pub fn print(text: &str) -> Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    if !text.is_empty() && !text.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

/// The width of standard output when it is a terminal.
pub fn stdout_width() -> Option<usize> {
    terminal_size::terminal_size_of(io::stdout()).map(|(w, _)| usize::from(w.0))
}

/// The counts as aligned lines: totals, and under each total its break-down by type.
pub fn stats_table(stats: &Stats) -> String {
    let mut rows: Vec<(String, usize)> = vec![("documents".into(), stats.documents)];
    rows.push(("nodes".into(), stats.nodes));
    rows.extend(
        stats
            .nodes_by_kind
            .iter()
            .map(|(kind, n)| (format!("  {kind}"), *n)),
    );
    rows.push(("edges".into(), stats.edges));
    rows.extend(
        stats
            .edges_by_kind
            .iter()
            .map(|(kind, n)| (format!("  {kind}"), *n)),
    );
    rows.push(("merges".into(), stats.merges));
    let width = rows.iter().map(|(label, _)| label.len()).max().unwrap_or(0);
    rows.iter()
        .map(|(label, n)| format!("{label:<width$}  {n:>6}\n"))
        .collect()
}

/// The counts as JSON, types as keys in display order.
fn stats_json(stats: &Stats) -> String {
    /// Counts by type as a JSON object whose keys keep the graph's display order.
    struct ByType<'a, K>(&'a [(K, usize)]);

    impl<K: std::fmt::Display> Serialize for ByType<'_, K> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.0.iter().map(|(kind, n)| (kind.to_string(), n)))
        }
    }

    #[derive(Serialize)]
    struct StatsJson<'a> {
        documents: usize,
        nodes: usize,
        edges: usize,
        nodes_by_type: ByType<'a, kg::model::EntityKind>,
        edges_by_type: ByType<'a, kg::model::RelationKind>,
        merges: usize,
    }

    let json = StatsJson {
        documents: stats.documents,
        nodes: stats.nodes,
        edges: stats.edges,
        nodes_by_type: ByType(&stats.nodes_by_kind),
        edges_by_type: ByType(&stats.edges_by_kind),
        merges: stats.merges,
    };
    serde_json::to_string_pretty(&json).expect("plain structs with string keys serialize") + "\n"
}
