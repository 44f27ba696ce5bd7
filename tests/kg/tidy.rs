//! The code's invariants, checked on the sources (ARCHITECTURE.md, "Invariants"):
//!
//! * the library's core modules touch no files, environment, standard streams or terminal, and
//!   use none of the binary's crates (clap, rustyline, terminal_size, indicatif);
//! * only `src/query/parser.rs` and its modules (`src/query/parser/`) use pest;
//! * no source file is over 900 lines and no function over 120, so that each stays a place one
//!   can read whole.
//!
//! Unit tests (`#[cfg(test)]` to the end of a file) and comments are not checked for the first
//! two: a test may read the repository.

use std::path::{Path, PathBuf};

/// Library modules that do no I/O.
const CORE: &[&str] = &[
    "src/lib.rs",
    "src/model",
    "src/text",
    "src/lexicon",
    "src/names.rs",
    "src/extract",
    "src/graph",
    "src/query",
    "src/export",
    "src/build",
    "src/sample.rs",
];

/// What a core module must not name.
const IO: &[&str] = &[
    "std::fs",
    "std::env",
    "std::io::stdin",
    "std::io::stdout",
    "std::io::stderr",
    "io::stdin(",
    "io::stdout(",
    "io::stderr(",
    "println!",
    "eprintln!",
    "print!(",
    "eprint!(",
    "IsTerminal",
    "std::process",
    "clap::",
    "rustyline",
    "terminal_size",
    "indicatif",
];

const MAX_FILE_LINES: usize = 900;
const MAX_FN_LINES: usize = 120;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources() -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a source file");
            let rel = path
                .strip_prefix(root())
                .expect("under the root")
                .to_string_lossy()
                .replace('\\', "/");
            (rel, text)
        })
        .collect()
}

/// The code of a file before its unit tests, without comment lines.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .take_while(|(_, line)| line.trim() != "#[cfg(test)]")
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .map(|(n, line)| (n + 1, line))
}

#[test]
fn core_modules_do_no_io() {
    let mut found = Vec::new();
    for (path, text) in sources() {
        if !CORE
            .iter()
            .any(|c| path == *c || path.starts_with(&format!("{c}/")))
        {
            continue;
        }
        for (n, line) in code_lines(&text) {
            for word in IO {
                if line.contains(word) {
                    found.push(format!("{path}:{n}: {word}"));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "I/O in core modules:\n{}",
        found.join("\n")
    );
}

#[test]
fn only_the_query_parser_uses_pest() {
    let mut found = Vec::new();
    for (path, text) in sources() {
        if path == "src/query/parser.rs" || path.starts_with("src/query/parser/") {
            continue;
        }
        for (n, line) in code_lines(&text) {
            if line.contains("pest::") || line.contains("pest_derive") || line.contains("use pest")
            {
                found.push(format!("{path}:{n}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "pest outside the parser:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_source_file_is_over_900_lines() {
    let long: Vec<String> = sources()
        .into_iter()
        .filter(|(_, text)| text.lines().count() > MAX_FILE_LINES)
        .map(|(path, text)| format!("{path}: {} lines", text.lines().count()))
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_FILE_LINES} lines:\n{}",
        long.join("\n")
    );
}

/// A line's code with string and character literals and a trailing comment blanked out, so that
/// braces inside them are not counted. `in_string` carries a string across lines.
fn code_of(line: &str, in_string: &mut bool) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if *in_string {
            if c == '\\' {
                i += 2;
                continue;
            }
            if c == '"' {
                *in_string = false;
            }
            i += 1;
            continue;
        }
        match c {
            '"' => *in_string = true,
            '/' if chars.get(i + 1) == Some(&'/') => break,
            // A character literal: 'x' or '\x' (a lifetime has no closing quote).
            '\'' if chars.get(i + 1) == Some(&'\\') => {
                i += chars[i + 2..]
                    .iter()
                    .position(|&d| d == '\'')
                    .map_or(1, |p| p + 3);
                continue;
            }
            '\'' if chars.get(i + 2) == Some(&'\'') => {
                i += 3;
                continue;
            }
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// The functions of a file and their lengths in lines, from `fn` to the closing brace. Braces in
/// strings and comments are few and balanced in this code base; a miscount would show as an
/// absurd length in the message.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let trimmed = lines[i].trim_start();
        let is_fn = [
            "fn ",
            "pub fn ",
            "pub(crate) fn ",
            "pub(super) fn ",
            "const fn ",
        ]
        .iter()
        .any(|p| trimmed.starts_with(p))
            || trimmed.starts_with("pub const fn ");
        if !is_fn {
            i += 1;
            continue;
        }
        let name: String = trimmed
            .split("fn ")
            .nth(1)
            .unwrap_or("")
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let (mut depth, mut started, mut j) = (0i64, false, i);
        let mut in_string = false;
        while j < lines.len() {
            let code = code_of(lines[j], &mut in_string);
            for c in code.chars() {
                match c {
                    '{' => {
                        depth += 1;
                        started = true;
                    }
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            if started && depth <= 0 || !started && code.trim_end().ends_with(';') {
                break;
            }
            j += 1;
        }
        out.push((name, i + 1, j - i + 1));
        i += 1;
    }
    out
}

#[test]
fn no_function_is_over_120_lines() {
    let mut long = Vec::new();
    for (path, text) in sources() {
        for (name, line, len) in functions(&text) {
            if len > MAX_FN_LINES {
                long.push(format!("{path}:{line}: {name} is {len} lines"));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {MAX_FN_LINES} lines:\n{}",
        long.join("\n")
    );
}
