//! Malformed and hostile inputs and outputs (issues 10 and 14): what `kg` reads, what it refuses,
//! and that it never destroys what it writes over.
//!
//! Most cases are files in `tests/data/malformed/`, one a case, each runnable by name
//! (`cargo test --test kg malformed::bom_is_accepted`). A case sets up a fresh folder, runs one
//! `kg` command in it, and checks the exit code, standard error (exactly), optionally standard
//! output, and what is left on disk:
//!
//! ```text
//! # what the case is about
//! > write corpus/a.txt Kerry met Lavrov in Moscow.\n      (escapes: \n \t \0 \xNN \\)
//! > fifo corpus/pipe.txt                                   (also: symlink PATH TARGET, dir PATH,
//! > graph g.kg                                               graph PATH: a small graph file)
//! < standard input (escapes as above)
//! $ kg build corpus --output out.kg                        ('single quotes' keep spaces)
//! exit 0
//! --- stderr
//! warning: ...
//! --- stdout
//! ...
//! ? same g.kg          (as set up)      ? changed g.kg     ? absent PATH      ? exists PATH
//! ? fifo PATH
//! ? no-temp            (no `.kg-tmp-` file left anywhere)  ? contains PATH TEXT
//! ```
//!
//! `BLESS=1` rewrites the exit code and output sections from what `kg` does. Cases that need two
//! processes at once (a reader on a FIFO, Ctrl-C) are Rust tests below the list.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use tempfile::TempDir;

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/malformed")
}

/// `\n`, `\t`, `\0`, `\\` and `\xNN` in a case's text, as bytes.
fn unescape(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' && i + 1 < bytes.len() {
            let (byte, len) = match bytes[i + 1] {
                b'n' => (b'\n', 2),
                b't' => (b'\t', 2),
                b'0' => (0, 2),
                b'\\' => (b'\\', 2),
                b'x' => (
                    u8::from_str_radix(&text[i + 2..i + 4], 16).expect("\\xNN is hex"),
                    4,
                ),
                _ => (b'\\', 1),
            };
            out.push(byte);
            i += len;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// Splits a command line at spaces, keeping `'quoted text'` whole.
fn split_args(line: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    args.push(std::mem::take(&mut current));
                    any = false;
                }
            }
            _ => {
                current.push(c);
                any = true;
            }
        }
    }
    if any {
        args.push(current);
    }
    args
}

/// A small graph file's bytes: Kerry met Lavrov in Moscow, from a hand-written extraction so
/// that nothing here depends on what the extractor finds.
fn graph_bytes() -> Vec<u8> {
    use kg::model::{Entity, EntityKind, Extraction, Relation, RelationKind, Rule};
    let text = "John Kerry met Sergei Lavrov in Moscow.";
    let doc = kg::text::Document::new("seed.txt", text);
    let mut kerry = Entity::new("John Kerry", EntityKind::Person);
    kerry.aliases = vec!["Kerry".into()];
    let mut met = Relation::new(
        RelationKind::Met,
        0,
        Some(1),
        kg::text::Span::new(0, text.len()),
        Rule::Meet,
    );
    met.place = Some(2);
    let ex = Extraction {
        doc: doc.id.clone(),
        entities: vec![
            kerry,
            Entity::new("Sergei Lavrov", EntityKind::Person),
            Entity::new("Moscow", EntityKind::Place),
        ],
        relations: vec![met],
        ..Extraction::default()
    };
    let mut graph = kg::graph::KnowledgeGraph::new();
    graph.add(&doc, &ex);
    graph.to_bytes()
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Every `.kg-tmp-` name under `dir`.
fn temporaries(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with(".kg-tmp-") {
                found.push(path.clone());
            }
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                pending.push(path);
            }
        }
    }
    found
}

/// Runs the case `tests/data/malformed/NAME.case`.
fn run_case(name: &str) {
    let file = data().join(format!("{name}.case"));
    let text = std::fs::read_to_string(&file).expect("the case file");
    let dir = TempDir::new().expect("a temporary folder");
    let root = dir.path();
    let mut written: HashMap<String, Vec<u8>> = HashMap::new();
    let mut args = Vec::new();
    let mut stdin: Option<Vec<u8>> = None;
    let mut exit = None;
    let mut sections: Vec<(String, String)> = Vec::new();
    let mut checks = Vec::new();
    let mut section: Option<usize> = None;
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("--- ") {
            sections.push((name.trim().to_string(), String::new()));
            section = Some(sections.len() - 1);
            continue;
        }
        if let Some(check) = line.strip_prefix("? ") {
            section = None;
            checks.push(check.to_string());
            continue;
        }
        if let Some(i) = section {
            sections[i].1.push_str(line);
            sections[i].1.push('\n');
            continue;
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some(setup) = line.strip_prefix("> ") {
            let (op, rest) = setup.split_once(' ').unwrap_or((setup, ""));
            let (path, arg) = rest.split_once(' ').unwrap_or((rest, ""));
            let at = root.join(path);
            if let Some(parent) = at.parent() {
                std::fs::create_dir_all(parent).expect("make the folder");
            }
            match op {
                "write" => {
                    let bytes = unescape(arg);
                    std::fs::write(&at, &bytes).expect("write");
                    written.insert(path.to_string(), bytes);
                }
                "graph" => {
                    let bytes = graph_bytes();
                    std::fs::write(&at, &bytes).expect("write");
                    written.insert(path.to_string(), bytes);
                }
                "dir" => std::fs::create_dir_all(&at).expect("mkdir"),
                "fifo" => mkfifo(&at),
                #[cfg(unix)]
                "symlink" => std::os::unix::fs::symlink(arg, &at).expect("symlink"),
                _ => panic!("{name}: unknown setup `{op}`"),
            }
        } else if let Some(input) = line.strip_prefix("< ") {
            stdin = Some(unescape(input));
        } else if let Some(command) = line.strip_prefix("$ kg") {
            args = split_args(command.trim());
        } else if let Some(code) = line.strip_prefix("exit ") {
            exit = Some(code.trim().parse::<i32>().expect("an exit code"));
        } else {
            panic!("{name}: cannot read the line `{line}`");
        }
    }

    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kg"));
    cmd.current_dir(root)
        .args(&args)
        .env("NO_COLOR", "1")
        .timeout(Duration::from_secs(60));
    if let Some(input) = stdin {
        cmd.write_stdin(input);
    }
    let output = cmd.output().expect("kg runs");
    let code = output.status.code();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();

    if std::env::var_os("BLESS").is_some() {
        let mut blessed = String::new();
        let mut in_section = false;
        for line in text.lines() {
            if line.starts_with("exit ") || line.starts_with("--- ") || line.starts_with("? ") {
                in_section = line.starts_with("--- ");
                continue;
            }
            if in_section {
                continue;
            }
            let _ = writeln!(blessed, "{line}");
        }
        let _ = writeln!(blessed, "exit {}", code.unwrap_or(-1));
        let _ = write!(blessed, "--- stderr\n{stderr}");
        if sections.iter().any(|(s, _)| s == "stdout") {
            let _ = write!(blessed, "--- stdout\n{stdout}");
        }
        for check in &checks {
            let _ = writeln!(blessed, "? {check}");
        }
        std::fs::write(&file, blessed).expect("bless the case");
        return;
    }

    let mut failures = Vec::new();
    if code != exit {
        failures.push(format!("exit code {code:?}, expected {exit:?}"));
    }
    for (section, expected) in &sections {
        let actual = match section.as_str() {
            "stderr" => &stderr,
            "stdout" => &stdout,
            other => panic!("{name}: unknown section `{other}`"),
        };
        if actual != expected {
            failures.push(format!(
                "{section} differs:\n--- expected\n{expected}--- actual\n{actual}"
            ));
        }
    }
    for check in &checks {
        let (what, rest) = check.split_once(' ').unwrap_or((check, ""));
        let (path, arg) = rest.split_once(' ').unwrap_or((rest, ""));
        let at = root.join(path);
        let ok = match what {
            "same" => std::fs::read(&at).ok().as_ref() == written.get(path),
            "absent" => std::fs::symlink_metadata(&at).is_err(),
            "exists" => at.exists(),
            "fifo" => is_fifo(&at),
            "changed" => std::fs::read(&at).ok().as_ref() != written.get(path),
            "contains" => {
                std::fs::read(&at).is_ok_and(|b| b.windows(arg.len()).any(|w| w == arg.as_bytes()))
            }
            "no-temp" => temporaries(root).is_empty(),
            _ => panic!("{name}: unknown check `{what}`"),
        };
        if !ok {
            failures.push(format!("check failed: {check}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{name} (stderr: {stderr:?}):\n{}",
        failures.join("\n")
    );
}

#[cfg(unix)]
fn is_fifo(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_fifo())
}

#[cfg(not(unix))]
fn is_fifo(_path: &Path) -> bool {
    false
}

/// One `#[test]` per case file, named after it.
macro_rules! cases {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                run_case(&stringify!($name).replace('_', "-"));
            }
        )*

        /// Every case file is listed above, so none is silently never run.
        #[test]
        fn every_case_file_is_a_test() {
            let listed = [$(stringify!($name).replace('_', "-")),*];
            let mut missing = Vec::new();
            for entry in std::fs::read_dir(data()).expect("the cases").flatten() {
                let path = entry.path();
                let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else { continue };
                if path.extension().is_some_and(|e| e == "case")
                    && !listed.iter().any(|l| l == stem)
                {
                    missing.push(stem.to_string());
                }
            }
            assert!(missing.is_empty(), "case files not in `cases!`: {missing:?}");
        }
    };
}

cases! {
    // Writing (issue 10 items 1, 2, 8).
    build_output_folder_is_refused_before_reading,
    build_output_in_a_missing_folder_is_refused,
    query_write_needs_allow_write,
    query_never_overwrites_its_graph,
    query_never_overwrites_its_graph_through_a_link,
    query_never_overwrites_a_graph_file,
    query_does_not_replace_a_file_without_bang,
    query_replaces_a_file_with_bang,
    query_output_to_a_folder_is_refused,
    query_output_to_standard_output,
    export_never_overwrites_its_graph,
    export_to_dev_stdout_streams,
    csv_export_replaces_its_own_folder_whole,
    csv_export_refuses_a_folder_holding_other_files,
    shell_export_never_overwrites_the_open_graph,
    shell_save_over_the_open_graph_saves,
    shell_query_does_not_replace_a_file_without_bang,
    stale_temporary_files_of_dead_processes_are_removed,
    symlinked_output_is_replaced_through_the_link,
    // Reading (issue 10 item 7).
    folder_with_a_fifo_builds_the_rest,
    dangling_symlink_is_skipped,
    symlink_loop_is_skipped,
    link_to_a_folder_named_txt_is_skipped,
    strict_makes_a_skipped_entry_fatal,
    dev_zero_stops_with_a_clear_message,
    bom_is_accepted,
    bom_is_accepted_in_jsonl,
    bom_is_accepted_in_jsonl_on_standard_input,
    lone_surrogate_skips_only_its_line,
    lone_surrogate_is_fatal_under_strict,
    a_record_that_is_not_an_object_is_skipped,
    query_starting_with_a_dash_works_after_double_dash,
    jobs_above_the_cap_is_a_usage_error,
    jobs_zero_is_a_usage_error,
    // Inputs are what they claim (issue 14 item 2).
    graph_file_given_as_article_is_refused,
    graph_file_given_to_extract_is_refused,
    graph_file_given_to_repl_as_a_path_is_refused,
    graph_file_on_standard_input_is_refused,
    gzip_given_as_article_is_refused,
    zip_given_as_article_is_refused,
    binary_file_given_as_article_is_refused,
    utf16_file_is_refused_with_a_hint,
    graph_file_inside_a_folder_is_skipped,
    archive_inside_a_folder_is_fatal_under_strict,
    graph_file_given_to_add_is_refused,
    archive_given_to_add_is_refused,
    add_to_a_file_that_is_not_a_graph_is_refused,
    remove_of_an_unknown_id_writes_nothing,
    bad_corrections_file_writes_nothing,
    missing_corrections_file_is_an_error,
    corrections_file_that_is_not_toml_is_refused,
}

// ---------------------------------------------------------------------------------------------
// Two processes at once.

/// A graph file in a fresh folder.
fn graph_in(dir: &Path) -> PathBuf {
    let path = dir.join("g.kg");
    std::fs::write(&path, graph_bytes()).expect("write the graph");
    path
}

/// Reads a FIFO on another thread until its writer closes it.
fn read_fifo(path: &Path) -> std::thread::JoinHandle<Vec<u8>> {
    let path = path.to_path_buf();
    std::thread::spawn(move || std::fs::read(path).expect("read the FIFO"))
}

#[test]
fn query_output_to_a_fifo_streams_and_keeps_the_fifo() {
    let dir = TempDir::new().expect("a temporary folder");
    let graph = graph_in(dir.path());
    let fifo = dir.path().join("answer.fifo");
    mkfifo(&fifo);
    let reader = read_fifo(&fifo);
    Command::new(env!("CARGO_BIN_EXE_kg"))
        .current_dir(dir.path())
        .args(["query", "--allow-write", "--graph"])
        .arg(&graph)
        .arg("who met Kerry as csv > answer.fifo")
        .timeout(Duration::from_secs(60))
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let answer = reader.join().expect("the reader");
    assert!(
        String::from_utf8_lossy(&answer)
            .starts_with("who,topics,place,date,status,docs\nSergei Lavrov,"),
        "{}",
        String::from_utf8_lossy(&answer)
    );
    assert!(is_fifo(&fifo), "the FIFO is still a FIFO");
    assert!(temporaries(dir.path()).is_empty());
}

#[test]
fn build_output_to_a_fifo_streams_and_keeps_the_fifo() {
    let dir = TempDir::new().expect("a temporary folder");
    std::fs::write(dir.path().join("a.txt"), "Kerry met Lavrov in Moscow.").expect("write");
    let fifo = dir.path().join("graph.fifo");
    mkfifo(&fifo);
    let reader = read_fifo(&fifo);
    Command::new(env!("CARGO_BIN_EXE_kg"))
        .current_dir(dir.path())
        .args(["build", "a.txt", "--output", "graph.fifo"])
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    let bytes = reader.join().expect("the reader");
    assert!(bytes.starts_with(b"KGRAPH\n\0"));
    assert!(is_fifo(&fifo));
    assert!(temporaries(dir.path()).is_empty());
}

#[test]
fn shell_output_clause_to_a_fifo_streams_and_keeps_the_fifo() {
    let dir = TempDir::new().expect("a temporary folder");
    let graph = graph_in(dir.path());
    let fifo = dir.path().join("answer.fifo");
    mkfifo(&fifo);
    let reader = read_fifo(&fifo);
    Command::new(env!("CARGO_BIN_EXE_kg"))
        .current_dir(dir.path())
        .args(["repl", "--graph"])
        .arg(&graph)
        .write_stdin("who met Kerry as dot > answer.fifo\n")
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    let text = String::from_utf8(reader.join().expect("the reader")).expect("UTF-8");
    assert!(text.starts_with("digraph"), "{text}");
    assert!(is_fifo(&fifo));
}

/// Ctrl-C while `kg build` waits for its input: the temporary file made for the output (made
/// before reading, so that a bad output path fails at once) is removed, and the exit code is 130.
#[cfg(unix)]
#[test]
fn ctrl_c_removes_the_temporary_file() {
    let dir = TempDir::new().expect("a temporary folder");
    let input = dir.path().join("input.fifo");
    mkfifo(&input);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kg"))
        .current_dir(dir.path())
        .args(["build", "input.fifo", "--output", "g.kg"])
        .spawn()
        .expect("kg starts");
    // Wait until the temporary file is there: kg is then blocked opening the FIFO.
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while temporaries(dir.path()).is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "no temporary file appeared"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(200));
    let status = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let status = child.wait().expect("kg ends");
    assert_eq!(status.code(), Some(130));
    assert!(
        temporaries(dir.path()).is_empty(),
        "{:?}",
        temporaries(dir.path())
    );
    assert!(!dir.path().join("g.kg").exists());
}

/// A file the user cannot read, inside a folder, is reported and skipped. Root reads every
/// file, so this says what it skipped when run as root.
#[cfg(unix)]
#[test]
fn unreadable_file_in_a_folder_is_skipped() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().expect("a temporary folder");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    std::fs::write(corpus.join("a.txt"), "Kerry met Lavrov in Moscow.").expect("write");
    let secret = corpus.join("b.txt");
    std::fs::write(&secret, "Putin met Kerry.").expect("write");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&secret).is_ok() {
        eprintln!("skipped: running as a user who reads unreadable files (root)");
        return;
    }
    Command::new(env!("CARGO_BIN_EXE_kg"))
        .current_dir(dir.path())
        .args(["extract", "corpus"])
        .env("NO_COLOR", "1")
        .assert()
        .success()
        .stderr(
            "warning: cannot read `corpus/b.txt`: Permission denied (os error 13); skipped it\n",
        );
}

/// An endless text on standard input stops at the largest document, with a clear message.
#[test]
fn endless_standard_input_stops_at_the_document_limit() {
    let text = "Kerry met Lavrov. ".repeat((17 << 20) / 18);
    Command::new(env!("CARGO_BIN_EXE_kg"))
        .args(["extract", "-"])
        .write_stdin(text)
        .timeout(Duration::from_secs(60))
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "error: `<stdin>` is larger than the largest document kg reads (16 MiB); stopped \
             reading it\n",
        );
}

/// A `.jsonl` line longer than a document stops the reading of its file, naming the line.
#[test]
fn endless_jsonl_line_stops_at_the_document_limit() {
    let dir = TempDir::new().expect("a temporary folder");
    let mut text = String::from(
        "{\"id\": \"a\", \"text\": \"Kerry met Lavrov.\"}\n{\"id\": \"b\", \"text\": \"",
    );
    text.push_str(&"x".repeat(17 << 20));
    std::fs::write(dir.path().join("big.jsonl"), text).expect("write");
    Command::new(env!("CARGO_BIN_EXE_kg"))
        .current_dir(dir.path())
        .args(["extract", "big.jsonl"])
        .timeout(Duration::from_secs(60))
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "error: `big.jsonl:2`: the line is longer than the largest document kg reads (16 \
             MiB); stopped reading it\n",
        );
}
