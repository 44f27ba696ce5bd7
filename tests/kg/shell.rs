//! The shell, run for real. In a pseudo-terminal (rexpect): an answer, an error with its caret,
//! completion of a name, history recalled and kept, a query over two lines, Ctrl-C, `:why`,
//! `:schema`, `:save` then `:load`, `:merge` and `:split`. Piped (assert_cmd): the sessions in `tests/data/shell/`,
//! each a script with the exact standard output, standard error and exit code it must give
//! (`BLESS=1 cargo test --test kg shell::` rewrites them after a change you agree with).
//!
//! Every session runs on a small graph made here from hand-written extractions, so that nothing
//! depends on what the extractor finds.

use std::path::{Path, PathBuf};
use std::process::Command;

use kg::graph::KnowledgeGraph;
use kg::model::{Date, DateRange, DateRef, Entity, EntityKind, Extraction, PlaceKind, Relation};
use kg::model::{RelationKind, Role};
use kg::model::{Rule, Status};
use kg::text::{Document, Span};
use tempfile::TempDir;

type TestResult = Result<(), Box<dyn std::error::Error>>;

const FIRST: &str = "Secretary of State John Kerry met Sergei Lavrov in Zürich on Thursday \
to discuss Syria. Kerry will visit Moscow. Lavrov visited Bosnia and Herzegovina. \
Edward Said met Lavrov.";
const SECOND: &str = "Sergey Lavrov met John Kerry in Moscow.";

/// The span of the sentence of `text` that starts with `starting`.
fn sentence(text: &str, starting: &str) -> Span {
    let start = text.find(starting).expect("the sentence is in the text");
    let len = text[start..]
        .find(". ")
        .map_or(text.len() - start, |i| i + 1);
    Span::new(start, start + len)
}

fn entity(name: &str, kind: EntityKind, aliases: &[&str]) -> Entity {
    let mut entity = Entity::new(name, kind);
    entity.aliases = aliases.iter().map(|a| a.to_string()).collect();
    if kind == EntityKind::Place {
        entity.place_kind = Some(PlaceKind::Country);
    }
    entity
}

/// Two made-up briefs: Kerry and Lavrov meet twice (Lavrov spelt `Sergey` the second time, so
/// the graph logs a merge), with a place, a topic, a date, a plan and a role.
fn fixture_graph() -> KnowledgeGraph {
    let first = Document::new("first.txt", FIRST);
    let mut kerry = entity("John Kerry", EntityKind::Person, &["Kerry"]);
    kerry.roles = vec![Role {
        title: "Secretary of State".into(),
        of: None,
    }];
    let entities = vec![
        kerry,
        entity("Sergei Lavrov", EntityKind::Person, &["Lavrov"]),
        entity("Zürich", EntityKind::Place, &[]),
        entity("Syria", EntityKind::Place, &[]),
        entity("Moscow", EntityKind::Place, &[]),
        entity("Bosnia and Herzegovina", EntityKind::Place, &[]),
        entity("Edward Said", EntityKind::Person, &[]),
    ];
    let at = |start| sentence(FIRST, start);
    let mut met = Relation::new(RelationKind::Met, 0, Some(1), at("Secretary"), Rule::Meet);
    met.place = Some(2);
    met.topics = vec![3];
    met.date = Some(DateRef::new(
        "on Thursday",
        Some(DateRange::day(Date::constant(2016, 3, 24))),
    ));
    let mut visit = Relation::new(
        RelationKind::Visited,
        0,
        Some(4),
        at("Kerry will"),
        Rule::VisitTo,
    );
    visit.status = Status::Planned;
    let relations = vec![
        met,
        visit,
        Relation::new(
            RelationKind::Visited,
            1,
            Some(5),
            at("Lavrov visited"),
            Rule::Visit,
        ),
        Relation::new(RelationKind::Met, 6, Some(1), at("Edward"), Rule::Meet),
    ];
    let mut graph = KnowledgeGraph::new();
    graph.add(
        &first,
        &Extraction {
            doc: first.id.clone(),
            entities,
            relations,
            ..Extraction::default()
        },
    );

    let second = Document::new("second.txt", SECOND);
    let mut met = Relation::new(
        RelationKind::Met,
        0,
        Some(1),
        sentence(SECOND, "Sergey"),
        Rule::Meet,
    );
    met.place = Some(2);
    graph.add(
        &second,
        &Extraction {
            doc: second.id.clone(),
            entities: vec![
                entity("Sergey Lavrov", EntityKind::Person, &[]),
                entity("John Kerry", EntityKind::Person, &[]),
                entity("Moscow", EntityKind::Place, &[]),
            ],
            relations: vec![met],
            ..Extraction::default()
        },
    );
    graph
}

/// A fresh folder holding `fixture.kg`, and a data folder for the history.
fn workspace() -> Result<(TempDir, PathBuf), Box<dyn std::error::Error>> {
    let dir = TempDir::new()?;
    let graph = dir.path().join("fixture.kg");
    std::fs::write(&graph, fixture_graph().to_bytes())?;
    Ok((dir, graph))
}

#[cfg(unix)]
mod pty {
    use super::*;
    use rexpect::session::{PtySession, spawn_command};

    /// `kg repl --graph fixture.kg` in a pseudo-terminal, history kept under `dir`.
    fn shell(dir: &Path) -> Result<PtySession, Box<dyn std::error::Error>> {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kg"));
        command
            .args(["repl", "--graph", "fixture.kg"])
            .current_dir(dir)
            .env("XDG_DATA_HOME", dir.join("data"))
            .env("NO_COLOR", "1")
            .env("TERM", "xterm");
        let mut shell = spawn_command(command, Some(20_000))?;
        shell.exp_string("Type a question, or :help.")?;
        shell.exp_string("kg> ")?;
        Ok(shell)
    }

    /// Types text without pressing Enter (rexpect only flushes on a newline by itself).
    fn send(shell: &mut PtySession, text: &str) -> Result<(), Box<dyn std::error::Error>> {
        shell.send(text)?;
        shell.flush()?;
        Ok(())
    }

    #[test]
    fn answers_recovers_from_errors_and_keeps_history() -> TestResult {
        let (dir, _) = workspace()?;
        let mut shell = shell(dir.path())?;
        shell.send_line("who met Kerry about Syria")?;
        shell.exp_string("Sergei Lavrov")?;
        shell.exp_string("kg> ")?;

        // An error points at the name and the session goes on.
        shell.send_line("who met Kery")?;
        shell.exp_string("error: no entity named `Kery`")?;
        shell.exp_string("^^^^")?;
        shell.exp_string("did you mean `Kerry`")?;
        shell.exp_string("kg> ")?;

        // The up arrow brings the last line back.
        send(&mut shell, "\x1b[A")?;
        shell.send_line("")?;
        shell.exp_string("error: no entity named `Kery`")?;
        shell.exp_string("kg> ")?;

        shell.send_line(":quit")?;
        shell.exp_eof()?;

        let history = std::fs::read_to_string(dir.path().join("data/kg/history"))?;
        assert!(history.contains("who met Kerry about Syria"), "{history}");
        assert!(history.contains("who met Kery"), "{history}");
        Ok(())
    }

    #[test]
    fn tab_completes_a_name_whole_and_hints_it() -> TestResult {
        let (dir, _) = workspace()?;
        let mut shell = shell(dir.path())?;
        // `lavr` is no name; Tab makes it `Sergei Lavrov`, whom Edward Said and Kerry met.
        send(&mut shell, "who met lavr\t")?;
        shell.exp_string("Sergei Lavrov")?;
        shell.send_line("")?;
        shell.exp_string("Edward Said")?;
        shell.exp_string("kg> ")?;
        // The one completion there is shows as a hint; the right arrow takes it.
        send(&mut shell, "who visited Mos")?;
        shell.exp_string("cow")?;
        send(&mut shell, "\x1b[C")?;
        shell.send_line("")?;
        shell.exp_string("John Kerry")?;
        shell.exp_string("kg> ")?;
        // A name holding a keyword comes quoted.
        send(&mut shell, "who visited Bosn\t")?;
        shell.exp_string("\"Bosnia and Herzegovina\"")?;
        shell.send_line("")?;
        shell.exp_string("Sergei Lavrov")?;
        shell.exp_string("kg> ")?;
        Ok(())
    }

    #[test]
    fn lines_go_on_pastes_run_line_by_line_and_ctrl_c_clears() -> TestResult {
        let (dir, _) = workspace()?;
        let mut shell = shell(dir.path())?;
        // First, while no history hint redraws the line: the typed text shows as it is.
        send(&mut shell, "who met Nobody")?;
        shell.exp_string("Nobody")?;
        shell.send_control('c')?;
        shell.exp_string("kg> ")?;
        shell.send_line("who is Kerry")?;
        let shown = shell.exp_string("John Kerry")?;
        assert!(!shown.contains("no entity named"), "{shown}");
        shell.exp_string("kg> ")?;

        shell.send_line("who met \\")?;
        shell.send_line("Edward Said")?;
        shell.exp_string("Sergei Lavrov")?;
        shell.exp_string("kg> ")?;

        // An open quote goes on too.
        shell.send_line("who visited \"Bosnia and")?;
        shell.send_line("Herzegovina\"")?;
        shell.exp_string("Sergei Lavrov")?;
        shell.exp_string("kg> ")?;

        // A paste of several lines runs them one by one, as a script would.
        send(
            &mut shell,
            "\x1b[200~:mode csv\nwho met Edward Said\x1b[201~",
        )?;
        shell.send_line("")?;
        shell.exp_string("who,topics,place")?;
        shell.exp_string("Sergei Lavrov,")?;
        shell.exp_string("kg> ")?;

        Ok(())
    }

    #[test]
    fn why_schema_save_and_load() -> TestResult {
        let (dir, _) = workspace()?;
        let mut shell = shell(dir.path())?;
        // Each step waits for its own output: a history hint redraws the prompt as a line is
        // typed, so a prompt on screen does not prove that the answer before it is done.
        shell.send_line("who met Lavrov")?;
        shell.exp_string("Edward Said")?;
        shell.exp_string("kg> ")?;
        shell.send_line(":why 1")?;
        shell.exp_string("row 1: John Kerry")?;
        shell.exp_string("first.txt, bytes 0-")?;
        shell.exp_string("rule meet, confidence 0.90, happened, date 2016-03-24")?;
        shell.exp_string("document second.txt")?;
        shell.exp_string("John Kerry (Person)")?;
        shell.exp_string("kg> ")?;

        // Sergei and Sergey were taken as one: `:why` says so.
        shell.send_line("who met Kerry")?;
        shell.exp_string("Sergei Lavrov")?;
        shell.exp_string("kg> ")?;
        shell.send_line(":why 1")?;
        shell.exp_string("row 1: Sergei Lavrov")?;
        shell.exp_string("Sergei Lavrov (Person)")?;
        shell.exp_string("Sergey Lavrov into Sergei Lavrov")?;
        shell.exp_string("kg> ")?;

        shell.send_line(":schema")?;
        shell.exp_string("entity type")?;
        shell.exp_string("VISITED")?;
        shell.exp_string("kg> ")?;

        shell.send_line(":save saved.kg")?;
        shell.exp_string("saved the graph to `saved.kg`")?;
        shell.exp_string("kg> ")?;
        shell.send_line(":load saved.kg")?;
        shell.exp_string("2 documents")?;
        shell.exp_string("kg> ")?;
        shell.send_line("who visited Moscow")?;
        shell.exp_string("John Kerry")?;
        shell.exp_string("kg> ")?;
        assert_eq!(
            std::fs::read(dir.path().join("saved.kg"))?,
            fixture_graph().to_bytes()
        );
        Ok(())
    }

    /// Issue 13: the history file holds each line as soon as it runs, not only after `:quit`.
    #[test]
    fn history_is_written_after_each_line() -> TestResult {
        let (dir, _) = workspace()?;
        let mut shell = shell(dir.path())?;
        shell.send_line("who met Lavrov")?;
        shell.exp_string("Edward Said")?;
        shell.exp_string("kg> ")?;
        let history = std::fs::read_to_string(dir.path().join("data/kg/history"))?;
        assert!(history.contains("who met Lavrov"), "{history}");
        shell.send_line(":stats")?;
        // Wait for what `:stats` prints, not for a prompt: the prompt of the line before may be
        // redrawn.
        shell.exp_string("merges")?;
        shell.exp_string("kg> ")?;
        let history = std::fs::read_to_string(dir.path().join("data/kg/history"))?;
        assert!(history.contains(":stats"), "{history}");
        // The session is killed, not quit: the lines are kept all the same.
        drop(shell);
        let history = std::fs::read_to_string(dir.path().join("data/kg/history"))?;
        assert!(history.contains("who met Lavrov") && history.contains(":stats"));
        Ok(())
    }

    /// Ctrl-L clears the screen (the terminal's clear sequence) and gives a fresh prompt; rows
    /// are numbered for `:why N`; `:mode` and `:evidence` say what they did.
    #[test]
    fn ctrl_l_clears_rows_are_numbered_and_settings_confirm() -> TestResult {
        let (dir, _) = workspace()?;
        let mut shell = shell(dir.path())?;
        shell.send_line("who met Lavrov")?;
        shell.exp_string("#  who")?;
        shell.exp_string("1  John Kerry")?;
        shell.exp_string("kg> ")?;
        shell.send_control('l')?;
        shell.exp_string("\x1b[H")?;
        shell.exp_string("kg> ")?;
        shell.send_line(":mode json")?;
        shell.exp_string("answers are printed as json")?;
        shell.send_line(":evidence on")?;
        shell.exp_string("answers show the sentence behind each row")?;
        shell.exp_string("kg> ")?;
        Ok(())
    }

    /// `:quit` and `:load` of a saved graph warn once before unsaved documents are dropped.
    #[test]
    fn unsaved_documents_are_warned_of() -> TestResult {
        let (dir, _) = workspace()?;
        std::fs::write(
            dir.path().join("brief.txt"),
            "Angela Merkel met Vladimir Putin in Sochi on Tuesday.",
        )?;
        let mut shell = shell(dir.path())?;
        shell.send_line(":load brief.txt")?;
        shell.exp_string("3 documents")?;
        shell.exp_string("kg> ")?;
        shell.send_line(":load fixture.kg")?;
        shell.exp_string("1 document was added since the graph was opened and is not saved")?;
        shell.exp_string("kg> ")?;
        shell.send_line(":quit")?;
        shell.exp_string("`:quit` again leaves without them")?;
        shell.exp_string("kg> ")?;
        shell.send_line(":quit")?;
        shell.exp_eof()?;
        Ok(())
    }

    /// After `in`, Tab offers places only: `Zu` is Zürich, and `Edw` nothing, though Edward
    /// Said would be offered where a person may stand.
    #[test]
    fn tab_after_in_offers_places() -> TestResult {
        let (dir, _) = workspace()?;
        let mut shell = shell(dir.path())?;
        send(&mut shell, "who met Kerry in Zu\t")?;
        // (The pty is read as Latin-1: `Zürich` shows as its UTF-8 bytes.)
        shell.exp_string("rich ")?;
        shell.send_line("")?;
        shell.exp_string("Sergei Lavrov")?;
        shell.exp_string("kg> ")?;
        send(&mut shell, "who met Kerry in Edw\t\t")?;
        shell.send_control('c')?;
        let shown = shell.exp_string("kg> ")?;
        assert!(!shown.contains("Edward Said"), "{shown}");
        Ok(())
    }

    /// `:merge` and `:split` change the graph at once, `:why` says why, and the corrections
    /// file beside the graph keeps the last word, so that the next build does the same.
    #[test]
    fn merge_and_split_correct_the_graph_and_are_recorded() -> TestResult {
        let (dir, _) = workspace()?;
        let mut shell = shell(dir.path())?;
        shell.send_line(":merge John Kerry Edward Said")?;
        shell.exp_string("merged `Edward Said` into `John Kerry`")?;
        shell.exp_string("fixture.corrections.toml")?;
        shell.exp_string("kg> ")?;
        shell.send_line("who is Edward Said")?;
        shell.exp_string("John Kerry")?;
        shell.exp_string("kg> ")?;
        shell.send_line(":why 1")?;
        shell.exp_string("Edward Said into John Kerry: correction")?;
        shell.exp_string("kg> ")?;
        shell.send_line(":split \"Edward Said\" \"John Kerry\"")?;
        shell.exp_string("`Edward Said` and `John Kerry` are kept apart")?;
        shell.exp_string("kg> ")?;
        shell.send_line("who met Edward Said")?;
        shell.exp_string("Sergei Lavrov")?;
        shell.exp_string("kg> ")?;
        shell.send_line(":split Kerry")?;
        shell.exp_string("`Kerry` and `John Kerry` are kept apart")?;
        shell.exp_string("kg> ")?;
        shell.send_line(":quit")?;
        shell.exp_eof()?;
        let text = std::fs::read_to_string(dir.path().join("fixture.corrections.toml"))?;
        let corrections = kg::graph::Corrections::from_toml(&text)?;
        assert!(corrections.same.is_empty(), "{text}");
        assert_eq!(corrections.different.len(), 2, "{text}");
        // The next session on the graph reads them: Kerry is no name of John Kerry now.
        let mut shell = super::pty::shell(dir.path())?;
        shell.send_line(":mode csv")?;
        shell.exp_string("kg> ")?;
        shell.send_line("who is John Kerry")?;
        shell.exp_string("John Kerry,Person,,Secretary of State,,1,0,1,0,0,2")?;
        shell.exp_string("kg> ")?;
        Ok(())
    }
}

/// Colour changes nothing but the escape codes: the table lays out the same, and only a table is
/// coloured.
#[test]
fn colour_keeps_the_layout() -> TestResult {
    let graph = fixture_graph();
    let query = kg::query::parse("who met Lavrov")?;
    let answer = kg::query::run(&graph, &query)?;
    for width in [None, Some(30), Some(100)] {
        let plain = answer.render(&graph, kg::query::Format::Table, true, width);
        let coloured = answer.render_styled(&graph, kg::query::Format::Table, true, width, true);
        assert!(coloured.contains("\x1b["), "{coloured}");
        assert_eq!(anstream::adapter::strip_str(&coloured).to_string(), plain);
    }
    for format in [kg::query::Format::Json, kg::query::Format::Csv] {
        assert_eq!(
            answer.render_styled(&graph, format, false, None, true),
            answer.render(&graph, format, false, None)
        );
    }
    Ok(())
}

/// The sessions of `tests/data/shell/*.session`: a command line (`$ kg ...`), the lines piped
/// in (`> ...`), then the expected `--- stdout`, `--- stderr` and `--- exit N`.
#[test]
fn piped_sessions() -> TestResult {
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/shell");
    let bless = std::env::var_os("BLESS").is_some();
    let mut failures = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&cases)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    paths.retain(|p| p.extension().is_some_and(|e| e == "session"));
    paths.sort();
    assert!(!paths.is_empty(), "no sessions in {}", cases.display());
    for path in paths {
        let text = std::fs::read_to_string(&path)?;
        let (script, _) = text.split_once("\n--- stdout\n").unwrap_or((&text, ""));
        let mut lines = script.lines();
        let args = lines
            .next()
            .and_then(|l| l.strip_prefix("$ kg"))
            .ok_or_else(|| format!("{}: the first line is `$ kg ...`", path.display()))?;
        let mut input = String::new();
        for line in lines {
            let line = line
                .strip_prefix("> ")
                .or_else(|| line.strip_prefix('>'))
                .ok_or_else(|| format!("{}: input lines start with `>`", path.display()))?;
            input.push_str(line);
            input.push('\n');
        }
        let (dir, _) = workspace()?;
        let output = assert_cmd::Command::new(env!("CARGO_BIN_EXE_kg"))
            .args(args.split_whitespace())
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .write_stdin(input)
            .output()?;
        let actual = format!(
            "{}\n--- stdout\n{}--- stderr\n{}--- exit {}\n",
            script.trim_end_matches('\n'),
            String::from_utf8(output.stdout)?,
            String::from_utf8(output.stderr)?,
            output.status.code().unwrap_or(-1)
        );
        if actual != text {
            if bless {
                std::fs::write(&path, &actual)?;
            } else {
                failures.push(format!("{}:\n{actual}", path.display()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "sessions that differ (BLESS=1 rewrites them):\n\n{}",
        failures.join("\n")
    );
    Ok(())
}
