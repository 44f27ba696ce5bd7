//! The commands: their arguments (clap), and what each one does with them.
//!
//! Arguments are parsed into [`Args`] once; each command then reads its inputs through `input`,
//! calls the library, and writes results to standard output. Errors travel up as
//! `anyhow::Error` with context, and `main` turns them into an exit code.

use std::io::{self, BufWriter, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Parser, Subcommand, ValueEnum};
use kg::build::MAX_JOBS;
use kg::export::{self, Selection};
use kg::graph::{KnowledgeGraph, Record, Stats, record_line};
use kg::query::{self, Format};
use serde::Serialize;

use crate::input::{self, Policy};
use crate::repl;
use crate::respond::{self, QueryWrites};
use crate::term;
use crate::write::{self, FileId};

const ABOUT: &str = "Build a typed knowledge graph from news articles and question it from a shell";

const AFTER_HELP: &str = "\
With no command, kg opens the shell on its built-in sample corpus.

PATH is a file, a folder (read recursively: .txt, .md, .jsonl), or `-` for standard input. A
.jsonl file holds one document a line: {\"id\", \"text\", \"title\"?, \"date\"?, \"url\"?,
\"source\"?}; other files are one document each, with the file name as id. Standard input is JSON
Lines when it starts with `{`, one document with the id `stdin` otherwise.

Only regular files are read from a folder; an entry that cannot be read (a FIFO, a broken link,
a graph file, an archive, a binary) is reported and skipped, as is a .jsonl line that is not a
record: `--strict` makes each of these an error. A document may hold at most 16 MiB.

`--` ends the options: `kg query --graph g.kg -- -x` asks `-x`.

Exit codes: 0 success, 1 failure (bad input, graph file or question), 2 usage error,
130 interrupted (Ctrl-C).";

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
        /// Stop at any input that would be skipped (a FIFO in a folder, a bad .jsonl line, ...)
        #[arg(long)]
        strict: bool,
        /// Corrections to apply, and where `:merge`, `:split`, `:retype` and `:drop` record
        /// theirs [default: NAME.corrections.toml beside the graph file]
        #[arg(long, value_name = "FILE")]
        corrections: Option<PathBuf>,
    },
    /// Read texts, extract, and write a graph file; or merge extraction records (`kg extract
    /// --records`) into one
    Build {
        /// Texts to read
        #[arg(value_name = "PATH", required_unless_present = "from")]
        paths: Vec<PathBuf>,
        /// Merge these extraction records (files, folders of shards, `-`), as written by `kg
        /// extract --records`, in any number and order, instead of reading texts: the graph is
        /// byte for byte the one `kg build` makes of the texts
        #[arg(long, value_name = "RECORDS", num_args = 1.., conflicts_with_all = ["paths", "strict", "jobs"])]
        from: Vec<PathBuf>,
        /// Where to write the graph (`-` for standard output)
        #[arg(long, short, value_name = "FILE")]
        output: PathBuf,
        /// Worker threads, 1 to 256 [default: all cores]
        #[arg(long, short, value_name = "N", value_parser = parse_jobs)]
        jobs: Option<NonZeroUsize>,
        /// Stop at any input that would be skipped (a FIFO in a folder, a bad .jsonl line, ...)
        #[arg(long)]
        strict: bool,
        /// Corrections to apply [default: NAME.corrections.toml beside the output, if there]
        #[arg(long, value_name = "FILE")]
        corrections: Option<PathBuf>,
        /// How to print the summary of what was done
        #[arg(long, short, value_enum, default_value_t = StatsFormat::Table)]
        format: StatsFormat,
    },
    /// Add texts to a graph file: a new id is added, an id already there with the same text is
    /// skipped, with another text replaced; the graph is what `kg build` of all its documents
    /// gives
    Add {
        /// The graph file to add to (written back, unless --output says elsewhere)
        #[arg(long, value_name = "FILE")]
        graph: PathBuf,
        /// Texts to read
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// Where to write the graph [default: the graph file]
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Worker threads, 1 to 256 [default: all cores]
        #[arg(long, short, value_name = "N", value_parser = parse_jobs)]
        jobs: Option<NonZeroUsize>,
        /// Stop at any input that would be skipped (a FIFO in a folder, a bad .jsonl line, ...)
        #[arg(long)]
        strict: bool,
        /// Corrections to apply [default: NAME.corrections.toml beside the graph, if there]
        #[arg(long, value_name = "FILE")]
        corrections: Option<PathBuf>,
        /// How to print the summary of what was done
        #[arg(long, short, value_enum, default_value_t = StatsFormat::Table)]
        format: StatsFormat,
    },
    /// Take documents out of a graph file, with everything only they supported
    Remove {
        /// The graph file (written back, unless --output says elsewhere)
        #[arg(long, value_name = "FILE")]
        graph: PathBuf,
        /// Ids of the documents to remove (as `kg stats` and `:why` show them)
        #[arg(value_name = "ID", required = true)]
        ids: Vec<String>,
        /// Where to write the graph [default: the graph file]
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Corrections to apply [default: NAME.corrections.toml beside the graph, if there]
        #[arg(long, value_name = "FILE")]
        corrections: Option<PathBuf>,
        /// How to print the summary of what was done
        #[arg(long, short, value_enum, default_value_t = StatsFormat::Table)]
        format: StatsFormat,
    },
    /// Read texts and print what was found, one JSON object a document (JSON Lines)
    Extract {
        /// Texts to read
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// Print each document's extraction record instead, one line a document, for `kg build
        /// --from` to merge (the map step of a build split across processes or machines)
        #[arg(long)]
        records: bool,
        /// Worker threads, 1 to 256 [default: all cores]
        #[arg(long, short, value_name = "N", value_parser = parse_jobs)]
        jobs: Option<NonZeroUsize>,
        /// Stop at any input that would be skipped (a FIFO in a folder, a bad .jsonl line, ...)
        #[arg(long)]
        strict: bool,
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
        /// Let the question's `> FILE` write a file (never the graph file itself)
        #[arg(long)]
        allow_write: bool,
        /// The question, e.g. "who met Kerry" (several words are joined by spaces; after `--`,
        /// a question may start with `-`)
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
    /// What to check before trusting a graph: documents and events without a date, names
    /// that do not fit their type, people whose names carry two surnames, the entities with the
    /// most aliases, stories held twice
    Audit {
        /// A graph file written by `kg build`
        #[arg(long, value_name = "FILE")]
        graph: PathBuf,
        /// How to print the findings
        #[arg(long, short, value_enum, default_value_t = StatsFormat::Table)]
        format: StatsFormat,
        /// How many entries of each list to show (the counts are always whole)
        #[arg(long, default_value_t = 20, value_name = "N")]
        limit: usize,
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

/// Parses `--jobs`: a number of threads from 1 to [`MAX_JOBS`].
fn parse_jobs(text: &str) -> Result<NonZeroUsize, String> {
    let jobs: usize = text
        .parse()
        .map_err(|_| format!("`{text}` is not a number of threads"))?;
    match NonZeroUsize::new(jobs) {
        Some(jobs) if jobs.get() <= MAX_JOBS => Ok(jobs),
        _ => Err(format!("the number of threads is 1 to {MAX_JOBS}")),
    }
}

/// Runs the command the arguments name.
pub fn run(args: Args) -> Result<()> {
    if let Some(dir) = &args.lexicon {
        respond::set_lexicon(input::read_lexicon(dir)?);
    }
    let Some(command) = args.command else {
        let mut graph = KnowledgeGraph::new();
        respond::add_documents(&mut graph, &kg::sample::documents(), None, false)?;
        return repl::run(graph, repl::Options::default());
    };
    match command {
        Command::Repl {
            graph,
            paths,
            keep_going,
            strict,
            corrections,
        } => open_shell(graph.as_deref(), &paths, keep_going, strict, corrections),
        Command::Build {
            paths,
            from,
            output,
            jobs,
            strict,
            corrections,
            format,
        } => build(&paths, &from, &output, jobs, strict, corrections, format),
        Command::Add {
            graph,
            paths,
            output,
            jobs,
            strict,
            corrections,
            format,
        } => add(&graph, &paths, output, jobs, strict, corrections, format),
        Command::Remove {
            graph,
            ids,
            output,
            corrections,
            format,
        } => remove(&graph, &ids, output, corrections, format),
        Command::Extract {
            paths,
            records,
            jobs,
            strict,
        } => {
            let docs = input::read_documents(&paths, Policy { strict })?;
            let mut out = BufWriter::new(io::stdout().lock());
            respond::extract_each(&docs, jobs, |doc, ex| {
                if records {
                    writeln!(out, "{}", record_line(&Record::new(doc, &ex)))
                } else {
                    writeln!(out, "{}", export::extraction_to_json(doc, &ex))
                }
            })?;
            out.flush()?;
            Ok(())
        }
        Command::Query {
            graph,
            format,
            evidence,
            allow_write,
            query,
        } => {
            let graph_file = FileId::of(&graph);
            let graph = until_exit(input::open_graph(&graph)?);
            let settings = query::Settings {
                format: format.into(),
                evidence,
                width: term::stdout_width(),
            };
            let writes = QueryWrites {
                allowed: allow_write,
                graph_file,
            };
            respond::run_query(&graph, &query.join(" "), &settings, &writes).map(|_| ())
        }
        Command::Export {
            graph,
            format,
            output,
            query,
            layout,
        } => export_graph(&graph, format, output.as_deref(), query.as_deref(), layout),
        Command::Audit {
            graph,
            format,
            limit,
        } => audit_graph(&graph, format, limit),
        Command::Stats { graph, format } => {
            let stats = until_exit(input::open_graph(&graph)?).stats();
            term::print(&match format {
                StatsFormat::Table => stats_table(&stats),
                StatsFormat::Json => stats_json(&stats),
            })?;
            Ok(())
        }
    }
}

/// `kg build`: the graph of the texts, or of the records of a split build (`--from`).
fn build(
    paths: &[PathBuf],
    from: &[PathBuf],
    output: &std::path::Path,
    jobs: Option<NonZeroUsize>,
    strict: bool,
    corrections: Option<PathBuf>,
    format: StatsFormat,
) -> Result<()> {
    let corrections = corrections_for(corrections, output)?;
    // The output is checked, and its temporary file made, before anything is read.
    let out = write::Output::open(output)?;
    let mut graph = until_exit(KnowledgeGraph::to_save());
    graph.set_corrections(corrections.unwrap_or_default());
    let report = if from.is_empty() {
        // The texts are let go a chunk at a time as they are extracted, before the merge.
        let docs = input::read_documents(paths, Policy { strict })?;
        let extracted = respond::extract_documents(docs, jobs)?;
        kg::build::add_extracted(&mut graph, extracted, false)
    } else {
        let records = input::read_records(from)?;
        kg::build::add_records(&mut graph, records, false)?
    };
    let to_stdout = out.is_stdout();
    graph.shed_merge_indexes();
    out.write_parts(&graph.to_parts().slices())?;
    let stats = graph.stats();
    let summary = Summary {
        graph: output.display().to_string(),
        documents: stats.documents,
        removed: 0,
        report,
        graph_entities: Some(stats.nodes),
        graph_relations: Some(stats.edges),
    };
    summary.print(format, to_stdout)
}

/// `kg add`: texts added to a graph file. Its merged graph is read, and documents that come
/// after every one it holds in the merge's order (a later day) are merged on top of it; others
/// merge the records again.
fn add(
    graph: &std::path::Path,
    paths: &[PathBuf],
    output: Option<PathBuf>,
    jobs: Option<NonZeroUsize>,
    strict: bool,
    corrections: Option<PathBuf>,
    format: StatsFormat,
) -> Result<()> {
    let target = output.unwrap_or_else(|| graph.to_path_buf());
    let corrections = corrections_for(corrections, graph)?;
    let mut held = until_exit(input::load_graph(graph)?);
    let out = write::Output::open(&target)?;
    let docs = input::read_documents(paths, Policy { strict })?;
    let extracted = respond::extract_documents(docs, jobs)?;
    if let Some(corrections) = corrections {
        held.set_corrections(corrections);
    }
    let report = kg::build::add_extracted(&mut held, extracted, true);
    let to_stdout = out.is_stdout();
    out.write_parts(&held.to_parts().slices())?;
    let summary = Summary {
        graph: target.display().to_string(),
        documents: held.doc_count(),
        removed: 0,
        report,
        graph_entities: None,
        graph_relations: None,
    };
    summary.print(format, to_stdout)
}

/// `kg remove`: documents taken out of a graph file; an id it does not hold writes nothing.
fn remove(
    graph: &std::path::Path,
    ids: &[String],
    output: Option<PathBuf>,
    corrections: Option<PathBuf>,
    format: StatsFormat,
) -> Result<()> {
    let target = output.unwrap_or_else(|| graph.to_path_buf());
    let corrections = corrections_for(corrections, graph)?;
    let mut stored = input::load_stored(graph)?;
    if let Some(corrections) = corrections {
        stored.set_corrections(corrections);
    }
    let missing: Vec<&str> = ids
        .iter()
        .filter(|id| !stored.has(id))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        anyhow::bail!(
            "`{}` holds no document {}; nothing was removed",
            graph.display(),
            missing
                .iter()
                .map(|id| format!("`{id}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let out = write::Output::open(&target)?;
    let mut removed = 0;
    for id in ids {
        removed += usize::from(stored.remove(id));
    }
    let to_stdout = out.is_stdout();
    let file = stored
        .to_parts()
        .map_err(|err| anyhow::anyhow!("cannot merge `{}`: {err}", graph.display()))?;
    out.write_parts(&file.slices())?;
    let summary = Summary {
        graph: target.display().to_string(),
        documents: stored.len(),
        removed,
        report: kg::build::Report::default(),
        graph_entities: None,
        graph_relations: None,
    };
    summary.print(format, to_stdout)
}

/// `kg audit`: the findings on a graph file, as a table or JSON.
fn audit_graph(graph: &std::path::Path, format: StatsFormat, limit: usize) -> Result<()> {
    let audit = until_exit(input::load_graph(graph)?).audit(limit);
    term::print(&match format {
        StatsFormat::Table => audit.table(),
        StatsFormat::Json => {
            serde_json::to_string_pretty(&audit).expect("plain structs with string keys serialize")
                + "\n"
        }
    })?;
    Ok(())
}

/// The corrections a build, add or remove applies: the file `--corrections` names (which must
/// be there), else `NAME.corrections.toml` beside the graph when there is one.
fn corrections_for(
    given: Option<PathBuf>,
    graph: &std::path::Path,
) -> Result<Option<kg::graph::Corrections>> {
    match given {
        Some(file) => {
            if !file.exists() {
                anyhow::bail!("the corrections file `{}` does not exist", file.display());
            }
            input::read_corrections(Some(&file))
        }
        None => input::read_corrections(input::corrections_beside(graph).as_deref()),
    }
}

/// What `kg build`, `kg add` and `kg remove` did, printed at the end: one line, or JSON.
#[derive(Debug, Serialize)]
struct Summary {
    /// The graph file written.
    graph: String,
    /// Documents the graph holds now.
    documents: usize,
    /// Documents taken out (`kg remove`).
    removed: usize,
    #[serde(flatten, serialize_with = "report_fields")]
    report: kg::build::Report,
    /// Entities and relations of the merged graph, when it was merged (`kg build`).
    #[serde(rename = "entities_in_graph", skip_serializing_if = "Option::is_none")]
    graph_entities: Option<usize>,
    #[serde(rename = "relations_in_graph", skip_serializing_if = "Option::is_none")]
    graph_relations: Option<usize>,
}

/// The report's counts as JSON fields.
fn report_fields<S: serde::Serializer>(
    report: &kg::build::Report,
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(None)?;
    map.serialize_entry("added", &report.added)?;
    map.serialize_entry("skipped", &report.skipped)?;
    map.serialize_entry("replaced", &report.replaced)?;
    map.serialize_entry("kept", &report.kept)?;
    map.serialize_entry("duplicates", &report.duplicates)?;
    map.serialize_entry("undated", &report.undated)?;
    map.serialize_entry("entities", &report.entities)?;
    map.serialize_entry("relations", &report.relations)?;
    map.serialize_entry("warnings", &report.warnings)?;
    map.end()
}

impl Summary {
    /// The summary as one line: `news.kg: 8 documents; added 8, skipped 0, ...`.
    fn line(&self) -> String {
        let r = &self.report;
        let mut line = format!(
            "{}: {} document{}",
            self.graph,
            self.documents,
            if self.documents == 1 { "" } else { "s" }
        );
        if let (Some(entities), Some(relations)) = (self.graph_entities, self.graph_relations) {
            line.push_str(&format!(", {entities} entities, {relations} relations"));
        }
        if self.removed > 0 {
            line.push_str(&format!("; removed {}", self.removed));
        } else {
            line.push_str(&format!(
                "; added {}, skipped {}, replaced {}, duplicates {}, undated {}",
                r.added, r.skipped, r.replaced, r.duplicates, r.undated
            ));
            if r.kept > 0 {
                line.push_str(&format!(", kept the first of a repeated id {}", r.kept));
            }
            let plural = |n: usize, one: &str, many: &str| {
                format!("{n} {}", if n == 1 { one } else { many })
            };
            line.push_str(&format!(
                "; read {}, {}; {}",
                plural(r.entities, "entity", "entities"),
                plural(r.relations, "relation", "relations"),
                plural(r.warnings, "warning", "warnings"),
            ));
        }
        line.push('\n');
        line
    }

    /// Prints the summary: on standard output, or on standard error when the graph itself went
    /// to standard output.
    fn print(&self, format: StatsFormat, graph_on_stdout: bool) -> Result<()> {
        let text = match format {
            StatsFormat::Table => self.line(),
            StatsFormat::Json => {
                serde_json::to_string(self).expect("plain counts serialize") + "\n"
            }
        };
        if graph_on_stdout {
            eprint!("{text}");
            Ok(())
        } else {
            Ok(term::print(&text)?)
        }
    }
}

/// `kg repl`: the shell on a saved graph, with texts added, or on texts alone.
fn open_shell(
    graph: Option<&std::path::Path>,
    paths: &[PathBuf],
    keep_going: bool,
    strict: bool,
    corrections: Option<PathBuf>,
) -> Result<()> {
    if paths.iter().any(|p| p.as_os_str() == "-") {
        anyhow::bail!(
            "`-` cannot be used with `kg repl`: the shell reads its questions from standard input"
        );
    }
    let policy = Policy { strict };
    let corrections_file = corrections.or_else(|| graph.and_then(input::corrections_beside));
    // Opened without its records, which are read only if the graph changes.
    let (mut kg, mut records_at) = match graph {
        Some(path) => input::open_graph_lazily(path)?,
        None => (KnowledgeGraph::new(), None),
    };
    let corrections = input::read_corrections(corrections_file.as_deref())?;
    if (corrections.as_ref().is_some_and(|c| c != kg.corrections()) || !paths.is_empty())
        && let Some(at) = records_at.take()
    {
        at.attach(&mut kg)?;
    }
    if let Some(corrections) = corrections {
        kg.set_corrections(corrections);
    }
    if !paths.is_empty() {
        let docs = input::read_documents(paths, policy)?;
        respond::add_documents(&mut kg, &docs, None, true)?;
    }
    let options = repl::Options {
        keep_going,
        policy,
        graph_file: graph.and_then(FileId::of),
        corrections_file,
        records_at,
    };
    repl::run(kg, options)
}

/// A value left to the operating system when the process ends, instead of being dropped: a
/// command that ends right after it is done with a graph would spend a quarter of its time
/// freeing a large one piece by piece. Only for the one-shot commands, never for what the
/// shell replaces.
fn until_exit<T>(value: T) -> std::mem::ManuallyDrop<T> {
    std::mem::ManuallyDrop::new(value)
}

/// `kg export`: the graph, or the part an answer touches, in a format for other tools.
fn export_graph(
    graph: &std::path::Path,
    format: ExportFormat,
    output: Option<&std::path::Path>,
    query: Option<&str>,
    layout: LayoutArg,
) -> Result<()> {
    let graph_file = FileId::of(graph);
    let graph = until_exit(input::open_graph(graph)?);
    let selection = match query {
        Some(query) => {
            let answer = respond::ask(&graph, query)?;
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
    respond::write_export(
        &graph,
        selection.as_ref(),
        format.into(),
        &options,
        output,
        graph_file.as_ref(),
    )
}

/// The counts as aligned lines: totals, and under each total its break-down by type.
pub fn stats_table(stats: &Stats) -> String {
    let mut rows: Vec<(String, usize)> = vec![("documents".into(), stats.documents)];
    rows.push(("  duplicates".into(), stats.duplicates));
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
        duplicates: usize,
        nodes: usize,
        edges: usize,
        nodes_by_type: ByType<'a, kg::model::EntityKind>,
        edges_by_type: ByType<'a, kg::model::RelationKind>,
        merges: usize,
    }

    let json = StatsJson {
        documents: stats.documents,
        duplicates: stats.duplicates,
        nodes: stats.nodes,
        edges: stats.edges,
        nodes_by_type: ByType(&stats.nodes_by_kind),
        edges_by_type: ByType(&stats.edges_by_kind),
        merges: stats.merges,
    };
    serde_json::to_string_pretty(&json).expect("plain structs with string keys serialize") + "\n"
}
