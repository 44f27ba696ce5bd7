//! The shell: questions and `:commands` against one graph held in memory.
//!
//! Questions go through the same `cli::ask` and `Answer::render` as `kg query`, so the shell and
//! the command line can never disagree. On a terminal it is a rustyline session with history; with
//! standard input piped it reads lines silently, prints results only, and stops at the first error
//! so that a script fails loudly.

use std::io::{self, BufRead, IsTerminal};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use kg::export;
use kg::graph::KnowledgeGraph;
use kg::query::Format;
use rustyline::error::ReadlineError;
use rustyline::{Config, DefaultEditor};

use crate::{cli, input, report, warn};

const HELP: &str = "\
Ask a question, e.g. `who met Kerry`, `where did Kerry go`, `who is Lavrov`; or a command:
  :help                  this text
  :quit                  leave (Ctrl-D works too)
  :load PATH             add texts (a file or a folder), or replace the graph by a saved one
  :stats                 count what the graph holds
  :export FORMAT FILE    write the graph to a file (a folder for csv); FORMAT is dot,
                         json, graphml, csv, ntriples or turtle
  :mode table|json|csv   how answers are printed
  :evidence on|off       print the sentence behind each row
";

/// Runs the shell on a graph until `:quit`, end of input, or (piped) the first error.
pub fn run(graph: KnowledgeGraph) -> Result<()> {
    let interactive = io::stdin().is_terminal();
    let mut shell = Shell {
        graph,
        format: Format::Table,
        evidence: false,
        interactive,
    };
    if interactive {
        interactive_loop(&mut shell)
    } else {
        for line in io::stdin().lock().lines() {
            let line = line.context("cannot read standard input")?;
            if let Flow::Quit = shell.execute(&line)? {
                break;
            }
        }
        Ok(())
    }
}

fn interactive_loop(shell: &mut Shell) -> Result<()> {
    let config = Config::builder().auto_add_history(true).build();
    let mut editor = DefaultEditor::with_config(config).context("cannot open the terminal")?;
    let history = history_path();
    if let Some(path) = &history {
        // A missing history file is the normal first run.
        let _ = editor.load_history(path);
    }
    let stats = shell.graph.stats();
    cli::print(&format!(
        "kg: {} documents, {} entities, {} relations. Type a question, or :help.",
        stats.documents, stats.nodes, stats.edges
    ))?;
    loop {
        match editor.readline("kg> ") {
            Ok(line) => match shell.execute(&line) {
                Ok(Flow::Continue) => {}
                Ok(Flow::Quit) => break,
                Err(err) => report(&err),
            },
            Err(ReadlineError::Interrupted) => {}
            Err(ReadlineError::Eof) => break,
            Err(err) => return Err(err).context("cannot read from the terminal"),
        }
    }
    if let Some(path) = &history
        && let Err(err) = save_history(&mut editor, path)
    {
        warn(&format!("{err:#}"));
    }
    Ok(())
}

/// `$XDG_DATA_HOME/kg/history`, else `~/.local/share/kg/history`; none when neither is set.
fn history_path() -> Option<PathBuf> {
    let non_empty = |name| std::env::var_os(name).filter(|v| !v.is_empty());
    let data = non_empty("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| non_empty("HOME").map(|home| PathBuf::from(home).join(".local/share")))?;
    Some(data.join("kg").join("history"))
}

fn save_history(editor: &mut DefaultEditor, path: &Path) -> Result<()> {
    let context = || format!("cannot write history `{}`", path.display());
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(context)?;
    }
    editor.save_history(path).with_context(context)
}

/// What the session does after a line.
enum Flow {
    Continue,
    Quit,
}

/// The state of a session: the graph and how answers are printed.
struct Shell {
    graph: KnowledgeGraph,
    format: Format,
    evidence: bool,
    /// On a terminal, commands confirm what they did; piped, only results are printed.
    interactive: bool,
}

impl Shell {
    /// Runs one line: a `:command`, a question, or nothing (blank lines and `#` comments).
    fn execute(&mut self, line: &str) -> Result<Flow> {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return Ok(Flow::Continue);
        }
        if let Some(command) = line.strip_prefix(':') {
            return self.command(command);
        }
        let settings = kg::query::Settings {
            format: self.format,
            evidence: self.evidence,
            width: cli::stdout_width(),
        };
        if let Some(path) = cli::run_query(&self.graph, line, &settings)? {
            self.note(&format!("wrote `{}`", path.display()))?;
        }
        Ok(Flow::Continue)
    }

    fn command(&mut self, command: &str) -> Result<Flow> {
        let (name, arg) = command
            .split_once(char::is_whitespace)
            .map_or((command, ""), |(name, arg)| (name, arg.trim()));
        match (name, arg) {
            ("help" | "h" | "?", _) => cli::print(HELP)?,
            ("quit" | "q" | "exit", _) => return Ok(Flow::Quit),
            ("stats", _) => cli::print(&cli::stats_table(&self.graph.stats()))?,
            ("load", "") => bail!("`:load` needs a path: `:load PATH`"),
            ("load", path) => self.load(Path::new(path))?,
            ("export", arg) => {
                let Some((format, path)) = arg.split_once(char::is_whitespace) else {
                    bail!("`:export` needs a format and a file: `:export FORMAT FILE`");
                };
                let format: export::Format = format.parse()?;
                let path = Path::new(path.trim());
                let options = export::Options::default();
                cli::write_export(&self.graph, None, format, &options, Some(path))?;
                self.note(&format!("wrote `{}`", path.display()))?;
            }
            ("mode", mode) => {
                self.format = match mode {
                    "table" => Format::Table,
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    _ => bail!("unknown mode `{mode}`; expected `table`, `json` or `csv`"),
                }
            }
            ("evidence", switch) => {
                self.evidence = match switch {
                    "on" => true,
                    "off" => false,
                    _ => bail!("`:evidence` takes `on` or `off`, not `{switch}`"),
                }
            }
            _ => bail!("unknown command `:{name}`; type `:help` for the list"),
        }
        Ok(Flow::Continue)
    }

    /// Loads a saved graph in place of the current one, or adds texts to it.
    fn load(&mut self, path: &Path) -> Result<()> {
        match input::load_graph_or_documents(path)? {
            input::Loaded::Graph(graph) => self.graph = *graph,
            input::Loaded::Documents(docs) => cli::add_documents(&mut self.graph, &docs, None)?,
        }
        let stats = self.graph.stats();
        self.note(&format!(
            "{} documents, {} entities, {} relations",
            stats.documents, stats.nodes, stats.edges
        ))
    }

    /// Confirms a command on a terminal; piped sessions print results only.
    fn note(&self, message: &str) -> Result<()> {
        if self.interactive {
            cli::print(message)?;
        }
        Ok(())
    }
}
