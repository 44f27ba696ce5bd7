//! The shell: questions and `:commands` against one graph held in memory.
//!
//! Questions go through the same `respond` functions and `Answer::render` as `kg query`, so the
//! shell and the command line can never disagree. On a terminal it is a rustyline session with completion
//! from the grammar (`complete`), hints from history, colour and multi-line input (`helper`);
//! with standard input piped it reads lines silently, prints results only, and stops at the
//! first error so that a script fails loudly (unless told to keep going).

mod complete;
mod correct;
mod helper;
mod inspect;
mod open;

use std::io::{self, BufRead, IsTerminal};
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use anyhow::{Context, Result, anyhow, bail};
use kg::export;
use kg::graph::KnowledgeGraph;
use kg::query::{self, Answer, Format, Value};
use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{Cmd, ColorMode, CompletionType, Config, Editor, KeyEvent};

use crate::input::{self, Policy};
use crate::respond::{self, QueryWrites};
use crate::term::{self, Stream, print, warn};
use crate::write::{self, FileId};
use crate::{Rendered, Reported, cli, report};
use complete::{COMMANDS, HELP_TOPICS, Names};
use helper::{ShellHelper, entries, goes_on, join_lines};

const PROMPT: &str = "kg> ";

/// How a session runs.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Piped: report an error and go on with the next line; the exit code still says something
    /// failed.
    pub keep_going: bool,
    /// How `:load` treats inputs it cannot use.
    pub policy: Policy,
    /// The graph file the session opened, which `> FILE` and `:export` never write over.
    pub graph_file: Option<FileId>,
    /// Where `:merge`, `:split`, `:retype` and `:drop` record their corrections.
    pub corrections_file: Option<PathBuf>,
    /// The graph was opened without its records: where they are, read at the first change.
    pub records_at: Option<input::RecordsAt>,
}

const HELP: &str = "\
Ask a question, e.g. `who met Kerry`, `where did Kerry go`, `who is Lavrov`; or a command:
  :help [TOPIC]          this text, or one of: questions, conditions, patterns, commands,
                         keys, modes, why
  :quit                  leave (Ctrl-D works too); warns once if documents were added unsaved
  :schema                the entity and relation types, with counts
  :stats                 count what the graph holds
  :docs                  the documents read, newest first (`list documents` as a question)
  :mode table|json|csv   how answers are printed
  :evidence on|off       print the sentence behind each row
  :why N                 the evidence behind row N (the `#` column) of the last answer
  :open N                the sentence behind row N, read in its article
  :explain QUESTION      the pattern a question becomes, and the entities its names mean
  :load PATH             add texts (a file or a folder), or replace the graph by a saved one
                         (warns once before unsaved documents would be dropped)
  :save FILE             write the graph to a file (`kg repl --graph FILE` opens it)
  :merge A B             A and B are one entity (quote names with spaces: \"A\" \"B\")
  :split A [B]           A is no name of the entity it joined; or A and B are kept apart
  :retype A TYPE         A is a Person, Organization, Place or Topic
  :drop A                drop the entity A, or A as a name of its entity
                         (each changes the graph at once and is kept in the corrections file)
  QUESTION as FORMAT > FILE    write an answer to a new file; `>!` replaces one
  :export FORMAT FILE    write the graph to a file (a folder for csv); FORMAT is dot,
                         json, graphml, csv, ntriples or turtle
Tab completes keywords, names and commands. A line ending in `\\`, or leaving a `\"`, `(`, `[`
or `{` open, goes on to the next. `:help keys` says more.";

const HELP_QUESTIONS: &str = "\
Questions are controlled English; keywords in any case, names through their aliases:
  who met Kerry                 who did Kerry meet            who met Kerry and Lavrov
  who met Kerry about Syria     who met Kerry in Moscow       who met Kerry with Lavrov
  who called Kerry              who met whom about Syria      did Kerry meet Putin
  where did Kerry go            who visited Russia            which countries did Kerry visit
  what did Kerry discuss        what did Kerry and Lavrov discuss
  what did Lavrov say           who said anything about Syria who is Lavrov
  who is the president of Brazil                              which organizations are linked to Kerry
  when did Kerry meet Lavrov    where did Kerry meet Putin    when did Kerry visit Moscow
  how is Putin connected to Kerry   path from Putin to Kerry max 3
  neighbours of Kerry depth 2 via met|visited
  count people that met Kerry   how many people met Kerry     top 5 people by degree
  list documents                list documents from source \"bbc\" since 2016
Modifiers, in any order: about T (about A and B, about A or B), in PLACE, with NAME,
  since D, before D, after D, on D, in D, between D and E, from source \"S\",
  published since D. Dates: 2016, 2016-03, 2016-03-24, March 2016, 24 March 2016.
After any question: order by COLUMN [desc], limit N, with evidence, as json|csv|dot [> FILE].
A name that holds a keyword is quoted: who met \"Edward Said\". `:help conditions` says what
a modifier means; `:help patterns` shows the precise layer (`explain QUESTION` prints one).";

const HELP_CONDITIONS: &str = "\
A modifier holds for an event, not one sentence: an event is the sentences of one article
about the same two entities whose dates overlap, with that article's undated sentences.
  about T     a topic of the event holds T's words (trade: \"trade tensions\", sanction:
              \"sanctions\"), or T's other names when T is an entity
  in P        a place of the event is P or lies within it (the Kremlin and Moscow in Russia);
              an event's places include where its parties were visiting in that article
  in 2016     a date: `in` before a year or a month reads it as `on`
  with Y      a sentence of the event says Y met one of its parties
  since D ... one date of the event meets every date modifier; no date passes none
  published since D, from source \"S\"   the article's own date and id or title
An unknown place, a misspelt topic or an unsettled name is an error under it, never an empty
answer; an empty answer says what was not found.";

const HELP_PATTERNS: &str = "\
Patterns are the precise layer, a subset of Cypher:
  match (p:Person)-[m:MET]-({name: \"Kerry\"})
    where m.date >= 2016-03-01 and \"Syria\" in m.topics and m.place within \"Russia\"
    return p, m.date, m.place order by m.date desc limit 10
  match (a)-[m:MET]-(b) where a.name < b.name return a, b, m.docs      each pair once
  match ({name: \"Kerry\"})-[r:MET*1..2]-(n) return n, r.hops            within two hops
  match ({name: \"Putin\"})-[r*..4]-({name: \"Kerry\"}) return r           a shortest path
  match (d:Document) where d.date >= 2016 return d, d.title             the documents
Relationship keys: topics, place, country, date, status, docs, with, type, published, source,
role, confidence (0 to 1: m.confidence >= 0.8). Node keys: name, type, kind, country, roles, aliases, mentions, degree, docs, met, ...
`or` joins topics: (\"Syria\" in m.topics or \"Iran\" in m.topics).";

const HELP_KEYS: &str = "\
Keys:
  Tab          complete: keywords the grammar expects here, entity names (most mentioned
               first, any case, through aliases), commands and their arguments, file names
  Right arrow  accept the grey hint: the last line in history that starts the same, or else
               the rest of the one word or name that completes what is typed
  Up / Down    walk the history; Ctrl-R searches it
  Ctrl-L       clear the screen
  Ctrl-C       clear the line       Ctrl-D  leave (on an empty line)
A line goes on to the next when it ends in `\\`, leaves a `\"` open, or opens more `(`, `[` or
`{` than it closes. A paste of several lines runs them one by one (an error drops the rest).
The history is kept in the data directory (`kg/history`), each line added as it is run.";

const HELP_MODES: &str = "\
How answers are printed:
  :mode table   aligned columns fitted to the terminal (the default)
  :mode json    one object with `columns` and `rows`, as `kg query --format json`
  :mode csv     a header row, then one row an answer
  :evidence on  adds the best sentence behind each row (and `source` in json and csv)";

const HELP_WHY: &str = "\
Why an answer is what it is:
  :why N   for row N (from 1) of the last answer: each sentence behind it with its document,
           the rule that read it and its confidence, date, place and topics; and for the
           entity it names, its other names and the merges that made them one.";

/// Runs the shell on a graph until `:quit`, end of input, or (piped) the first error.
pub fn run(graph: KnowledgeGraph, mut options: Options) -> Result<()> {
    let interactive = io::stdin().is_terminal();
    let mut shell = Shell {
        graph,
        format: Format::Table,
        evidence: false,
        interactive,
        color: term::color(Stream::Stdout),
        last: None,
        graph_changed: false,
        policy: options.policy,
        graph_file: options.graph_file.clone(),
        unsaved: 0,
        warned: None,
        texts: open::Texts::default(),
        corrections_file: options.corrections_file.clone(),
        records_at: options.records_at.take(),
    };
    if interactive {
        interactive_loop(&mut shell)
    } else {
        piped_loop(&mut shell, &options)
    }
}

/// An error that names the line of standard input it came from. A question's error keeps its
/// snippet, with a note under it, since the snippet's own line numbers count from the question.
fn at_line(err: anyhow::Error, line: usize) -> anyhow::Error {
    match err.downcast_ref::<Rendered>() {
        Some(Rendered(text)) => Rendered(format!(
            "{}\n  = note: in line {line} of the input",
            text.trim_end()
        ))
        .into(),
        None => err.context(format!("line {line}")),
    }
}

/// Reads commands from a pipe: no prompt, no confirmations, results only. A line that goes on
/// (see `helper::goes_on`) is joined with the next as in the shell.
fn piped_loop(shell: &mut Shell, options: &Options) -> Result<()> {
    let mut failed = 0usize;
    let mut pending = String::new();
    let mut start_line = 0;
    for (number, line) in io::stdin().lock().lines().enumerate() {
        let line = line.context("cannot read standard input")?;
        if pending.is_empty() {
            start_line = number + 1;
        } else {
            pending.push('\n');
        }
        pending.push_str(&line);
        if goes_on(&pending) {
            continue;
        }
        let entry = std::mem::take(&mut pending);
        match shell.execute(&entry) {
            Ok(Flow::Continue) => {}
            Ok(Flow::Quit) => break,
            Err(err) => {
                report(&at_line(err, start_line));
                if !options.keep_going {
                    return Err(Reported.into());
                }
                failed += 1;
            }
        }
    }
    if !pending.trim().is_empty() {
        let err = anyhow!(
            "the input ends inside an unfinished entry: `{}`",
            pending.trim()
        );
        if !options.keep_going {
            return Err(err);
        }
        report(&err);
        failed += 1;
    }
    match failed {
        0 => Ok(()),
        1 => bail!("1 entry failed"),
        n => bail!("{n} entries failed"),
    }
}

fn interactive_loop(shell: &mut Shell) -> Result<()> {
    let config = Config::builder()
        .auto_add_history(true)
        .history_ignore_dups(true)
        .context("cannot configure the line editor")?
        .max_history_size(10_000)
        .context("cannot configure the line editor")?
        .completion_type(CompletionType::List)
        .color_mode(if shell.color {
            ColorMode::Enabled
        } else {
            ColorMode::Disabled
        })
        .build();
    let mut editor: Editor<ShellHelper, DefaultHistory> =
        Editor::with_config(config).context("cannot open the terminal")?;
    editor.set_helper(Some(ShellHelper::new(shell.color)));
    editor.bind_sequence(KeyEvent::ctrl('L'), Cmd::ClearScreen);
    let history = history_path();
    if let Some(path) = &history {
        // A missing history file is the normal first run.
        let _ = editor.load_history(path);
    }
    let stats = shell.graph.stats();
    print(&format!(
        "kg: {} documents, {} entities, {} relations. Type a question, or :help.",
        stats.documents, stats.nodes, stats.edges
    ))?;
    let mut first = true;
    loop {
        let read = if std::mem::take(&mut first) {
            // Folding every name for completion takes tens of milliseconds on a large graph:
            // another thread does it while the first line is typed, so the prompt comes at once.
            let graph = &shell.graph;
            std::thread::scope(|scope| {
                let (sender, receiver) = mpsc::channel();
                scope.spawn(move || sender.send(Names::of(graph)));
                if let Some(helper) = editor.helper_mut() {
                    helper.names_from(receiver);
                }
                editor.readline(PROMPT)
            })
        } else {
            editor.readline(PROMPT)
        };
        match read {
            Ok(text) => {
                // The line is in the history file at once: closing the terminal loses nothing.
                if let Some(path) = &history
                    && let Err(err) = append_history(&mut editor, path)
                {
                    warn(&format!("{err:#}"));
                }
                let flow = shell.execute_all(&text);
                if std::mem::take(&mut shell.graph_changed)
                    && let Some(helper) = editor.helper_mut()
                {
                    helper.set_names(Names::of(&shell.graph));
                }
                if let Flow::Quit = flow {
                    break;
                }
            }
            // Ctrl-C: the line is dropped and a fresh prompt shown.
            Err(ReadlineError::Interrupted) => {}
            // Ctrl-D leaves as `:quit` does, warning once about unsaved documents.
            Err(ReadlineError::Eof) => match shell.quit() {
                Ok(Flow::Quit) => break,
                Ok(Flow::Continue) => {}
                Err(err) => report(&err),
            },
            Err(err) => return Err(err).context("cannot read from the terminal"),
        }
    }
    if let Some(path) = &history
        && let Err(err) = append_history(&mut editor, path)
    {
        warn(&format!("{err:#}"));
    }
    Ok(())
}

/// `kg/history` in the platform's data directory (`$XDG_DATA_HOME` or `~/.local/share` on
/// Linux, `~/Library/Application Support` on macOS, `%APPDATA%` on Windows); none when there
/// is no home.
fn history_path() -> Option<PathBuf> {
    Some(dirs::data_dir()?.join("kg").join("history"))
}

/// Adds the lines not yet in the history file to it (creating it and its folder), so that the
/// file holds every line as soon as it is run.
fn append_history(editor: &mut Editor<ShellHelper, DefaultHistory>, path: &Path) -> Result<()> {
    let context = || format!("cannot write history `{}`", path.display());
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(context)?;
    }
    editor.append_history(path).with_context(context)
}

/// What the session does after a line.
enum Flow {
    Continue,
    Quit,
}

/// The state of a session: the graph, how answers are printed, and the last answer.
struct Shell {
    graph: KnowledgeGraph,
    format: Format,
    evidence: bool,
    /// On a terminal, commands confirm what they did; piped, only results are printed.
    interactive: bool,
    /// Colour in answers.
    color: bool,
    /// The last answer and its question, for `:why`.
    last: Option<Answer>,
    /// Set when the graph was replaced or grew, so that completion relearns its names.
    graph_changed: bool,
    /// How `:load` treats inputs it cannot use.
    policy: Policy,
    /// The file the graph was opened from or last saved to: `> FILE` and `:export` never write
    /// over it.
    graph_file: Option<FileId>,
    /// Documents added by `:load` since the graph was opened or saved.
    unsaved: usize,
    /// The command that was warned it would drop unsaved documents (`quit`, `load PATH`):
    /// given again at once, it goes ahead.
    warned: Option<String>,
    /// The texts of the documents this session read, for `:open`.
    texts: open::Texts,
    /// Where corrections made in the shell are recorded.
    corrections_file: Option<PathBuf>,
    /// The graph was opened without its records: where they are, read at the first change.
    records_at: Option<input::RecordsAt>,
}

impl Shell {
    /// The graph, to change or save: its records are read first if it was opened without them.
    fn changeable(&mut self) -> Result<&mut KnowledgeGraph> {
        if let Some(at) = &self.records_at {
            at.attach(&mut self.graph)?;
            self.records_at = None;
        }
        Ok(&mut self.graph)
    }

    /// Runs each entry of what was typed (a paste may hold several lines, each its own entry
    /// unless it goes on); an error is reported and drops the entries after it.
    fn execute_all(&mut self, text: &str) -> Flow {
        for entry in entries(text) {
            match self.execute(&entry) {
                Ok(Flow::Continue) => {}
                Ok(Flow::Quit) => return Flow::Quit,
                Err(err) => {
                    report(&err);
                    break;
                }
            }
        }
        Flow::Continue
    }

    /// Runs one entry: a `:command`, a question, or nothing (blank lines and `#` comments).
    fn execute(&mut self, entry: &str) -> Result<Flow> {
        let entry = join_lines(entry);
        let line = entry.trim();
        if line.is_empty() || line.starts_with('#') {
            return Ok(Flow::Continue);
        }
        if let Some(command) = line.strip_prefix(':') {
            return self.command(command);
        }
        let parsed = query::parse(line)
            .map_err(|err| Rendered(err.render(line, term::color(Stream::Stderr))))?;
        // `explain` and output clauses (`as dot > answer.dot`) go the way `kg query` goes.
        if parsed.explain || parsed.output.is_some() {
            let settings = query::Settings {
                format: self.format,
                evidence: self.evidence,
                width: term::stdout_width(),
            };
            if let Some(path) = respond::run_query(&self.graph, line, &settings, &self.writes())? {
                self.note(&format!("wrote `{}`", path.display()))?;
            }
            return Ok(Flow::Continue);
        }
        // Resolved once: shown now, and kept for `:why` and `:open`.
        let answer = query::run(&self.graph, &parsed)
            .map_err(|err| Rendered(err.render(line, term::color(Stream::Stderr))))?
            .resolved(&self.graph);
        let evidence = self.evidence || parsed.evidence;
        // Rows are numbered on a terminal, for `:why N` and `:open N`.
        let shown = if self.interactive && self.format == Format::Table {
            numbered(&answer)
        } else {
            answer.clone()
        };
        let text = shown.render_styled(
            &self.graph,
            self.format,
            evidence,
            term::stdout_width(),
            self.color && self.format == Format::Table,
        );
        print(&text)?;
        if answer.rows.is_empty() && answer.notes.is_empty() && self.format == Format::Table {
            self.note("(no rows)")?;
        }
        self.last = Some(answer);
        Ok(Flow::Continue)
    }

    /// `:quit`: leaves, unless documents were added and not saved and this is the first
    /// `:quit` since (on a terminal; a script leaves at once).
    fn quit(&mut self) -> Result<Flow> {
        if self.interactive && self.unsaved > 0 && self.warned.as_deref() != Some("quit") {
            self.warned = Some("quit".to_string());
            print(&format!(
                "{} since the graph was opened and {} not saved: `:save FILE` keeps them; \
                 `:quit` again leaves without them",
                added(self.unsaved),
                if self.unsaved == 1 { "is" } else { "are" }
            ))?;
            return Ok(Flow::Continue);
        }
        Ok(Flow::Quit)
    }

    fn command(&mut self, command: &str) -> Result<Flow> {
        let (name, arg) = command
            .split_once(char::is_whitespace)
            .map_or((command, ""), |(name, arg)| (name, arg.trim()));
        let warned = self.warned.take();
        match (name, arg) {
            ("help" | "h" | "?", topic) => print(help(topic)?)?,
            ("quit" | "q" | "exit", _) => {
                self.warned = warned;
                return self.quit();
            }
            ("schema", _) => print(&inspect::schema(&self.graph))?,
            ("stats", _) => print(&cli::stats_table(&self.graph.stats()))?,
            ("docs", _) => {
                self.execute("list documents")?;
            }
            ("open", n) => self.open(n)?,
            ("load", path) if !path.is_empty() => {
                self.warned = warned;
                self.load(Path::new(path))?;
            }
            ("mode" | "evidence", arg) => self.setting(name, arg)?,
            ("why", "") => bail!("`:why` needs a row number: `:why 1`"),
            ("why", n) => {
                let Ok(n) = n.parse::<usize>() else {
                    bail!("`:why` takes a row number, not `{n}`");
                };
                let Some(answer) = &self.last else {
                    bail!("no answer yet: ask a question, then `:why 1`");
                };
                let text = inspect::why(&self.graph, answer, n, term::stdout_width());
                print(&text.map_err(|e| anyhow!(e))?)?;
            }
            ("explain", "") => bail!("`:explain` needs a question: `:explain who met Kerry`"),
            ("explain", question) => {
                let text = format!("explain {question}");
                let settings = query::Settings::default();
                respond::run_query(&self.graph, &text, &settings, &self.writes())?;
            }
            ("load", _) => bail!("`:load` needs a path: `:load PATH`"),
            ("save", "") => bail!("`:save` needs a file: `:save FILE`"),
            ("save", path) => {
                let path = Path::new(path);
                write::write_file(path, &self.changeable()?.to_bytes())?;
                // Saved there, the graph is that file's now: `> FILE` keeps off it too.
                self.graph_file = FileId::of(path);
                self.unsaved = 0;
                self.note(&format!("saved the graph to `{}`", path.display()))?;
            }
            ("export", arg) => {
                let Some((format, path)) = arg.split_once(char::is_whitespace) else {
                    bail!("`:export` needs a format and a file: `:export FORMAT FILE`");
                };
                let format: export::Format = format.parse()?;
                let path = Path::new(path.trim());
                let options = export::Options::default();
                respond::write_export(
                    &self.graph,
                    None,
                    format,
                    &options,
                    Some(path),
                    self.graph_file.as_ref(),
                )?;
                self.note(&format!("wrote `{}`", path.display()))?;
            }
            ("merge" | "split" | "retype" | "drop", arg) => correct::command(self, name, arg)?,
            _ => match closest(name, &COMMANDS) {
                Some(close) => bail!("unknown command `:{name}`; did you mean `:{close}`?"),
                None => bail!("unknown command `:{name}`; type `:help` for the list"),
            },
        }
        Ok(Flow::Continue)
    }

    /// `:mode table|json|csv`, `:evidence on|off`, each confirmed on a terminal.
    fn setting(&mut self, name: &str, arg: &str) -> Result<()> {
        if name == "mode" {
            self.format = match arg {
                "table" => Format::Table,
                "json" => Format::Json,
                "csv" => Format::Csv,
                _ => bail!("unknown mode `{arg}`; expected `table`, `json` or `csv`"),
            };
            return self.note(&format!("answers are printed as {arg}"));
        }
        self.evidence = match arg {
            "on" => true,
            "off" => false,
            _ => bail!("`:evidence` takes `on` or `off`, not `{arg}`"),
        };
        self.note(if self.evidence {
            "answers show the sentence behind each row"
        } else {
            "answers show no sentences"
        })
    }

    /// `:open N`: the sentence behind row N in its article.
    fn open(&self, n: &str) -> Result<()> {
        let Ok(n) = n.parse::<usize>() else {
            bail!("`:open` takes a row number: `:open 1`");
        };
        let Some(answer) = &self.last else {
            bail!("no answer yet: ask a question, then `:open 1`");
        };
        let text = open::open(&self.graph, answer, n, &self.texts).map_err(|e| anyhow!(e))?;
        Ok(print(&text)?)
    }

    /// Loads a saved graph in place of the current one, or adds texts to it. Replacing a graph
    /// that holds unsaved documents is warned of once, on a terminal.
    fn load(&mut self, path: &Path) -> Result<()> {
        let again = format!("load {}", path.display());
        match input::load_graph_or_documents(path, self.policy)? {
            input::Loaded::Graph(graph, records_at) => {
                if self.interactive && self.unsaved > 0 && self.warned.as_deref() != Some(&again) {
                    self.warned = Some(again);
                    return Ok(print(&format!(
                        "{} since the graph was opened and {} not saved; loading `{}` \
                         replaces the graph: `:save FILE` keeps them, `:load` again replaces it",
                        added(self.unsaved),
                        if self.unsaved == 1 { "is" } else { "are" },
                        path.display()
                    ))?);
                }
                self.graph = *graph;
                self.records_at = records_at;
                self.graph_file = FileId::of(path);
                self.unsaved = 0;
            }
            input::Loaded::Documents(docs) => {
                let report = respond::add_documents(self.changeable()?, &docs, None, true)?;
                self.unsaved += report.added + report.replaced;
                self.texts.keep(&docs);
            }
        }
        // Rows of the last answer point into the old graph.
        self.last = None;
        self.graph_changed = true;
        let stats = self.graph.stats();
        self.note(&format!(
            "{} documents, {} entities, {} relations",
            stats.documents, stats.nodes, stats.edges
        ))
    }

    /// Confirms a command on a terminal; piped sessions print results only.
    fn note(&self, message: &str) -> Result<()> {
        if self.interactive {
            print(message)?;
        }
        Ok(())
    }

    /// What a question's `> FILE` may write: any file the user names, but not the graph's.
    fn writes(&self) -> QueryWrites {
        QueryWrites {
            allowed: true,
            graph_file: self.graph_file.clone(),
        }
    }
}

/// `1 document was added`, `3 documents were added`.
fn added(n: usize) -> String {
    if n == 1 {
        "1 document was added".to_string()
    } else {
        format!("{n} documents were added")
    }
}

/// The answer with a first column `#` numbering its rows from 1.
fn numbered(answer: &Answer) -> Answer {
    let mut shown = answer.clone();
    if shown.rows.is_empty() {
        return shown;
    }
    shown.columns.insert(0, "#".to_string());
    for (i, row) in shown.rows.iter_mut().enumerate() {
        row.cells.insert(0, Value::Number(i as u64 + 1));
    }
    shown
}

/// The text of `:help TOPIC`.
fn help(topic: &str) -> Result<&'static str> {
    Ok(match topic {
        "" | "commands" => HELP,
        "questions" => HELP_QUESTIONS,
        "conditions" => HELP_CONDITIONS,
        "patterns" => HELP_PATTERNS,
        "keys" => HELP_KEYS,
        "modes" => HELP_MODES,
        "why" => HELP_WHY,
        _ => match closest(topic, &HELP_TOPICS) {
            Some(close) => bail!("no help on `{topic}`; did you mean `{close}`?"),
            None => bail!(
                "no help on `{topic}`; topics are {}",
                quoted_list(&HELP_TOPICS)
            ),
        },
    })
}

/// The choice closest to what was typed, when one is close enough to be what was meant.
fn closest<'c>(typed: &str, choices: &[&'c str]) -> Option<&'c str> {
    choices
        .iter()
        .map(|&c| (strsim::jaro_winkler(typed, c), c))
        .filter(|(score, _)| *score >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// `` `a`, `b` or `c` ``.
fn quoted_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        Some((last, init)) if !init.is_empty() => format!("{} or {last}", init.join(", ")),
        _ => quoted.concat(),
    }
}
