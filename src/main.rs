//! The `kg` command line: parses arguments, runs one command, and turns the outcome into an exit
//! code. Everything that touches files, the terminal or the environment lives in this binary
//! (`cli`, `input`, `repl`); the library does none of it.

mod cli;
mod input;
mod repl;

use std::fmt;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

/// The exit codes, decided here and nowhere else.
mod exit {
    /// Success; also when the reader of standard output went away (`kg extract ... | head`).
    pub const SUCCESS: u8 = 0;
    /// A failure while running: an unreadable input, a damaged graph file, a question that does
    /// not parse or names no one, a failed write.
    pub const FAILURE: u8 = 1;
    /// A usage error: an unknown command, flag or value (reported by clap).
    pub const USAGE: u8 = 2;
}

fn main() -> ExitCode {
    let args = match cli::Args::try_parse() {
        Ok(args) => args,
        Err(err) => {
            // `--help` and `--version` arrive here too, as "errors" that print to stdout.
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() {
                exit::USAGE
            } else {
                exit::SUCCESS
            });
        }
    };
    match cli::run(args) {
        Ok(()) => ExitCode::from(exit::SUCCESS),
        Err(err) if is_broken_pipe(&err) => ExitCode::from(exit::SUCCESS),
        // Already on standard error (the shell reports each failed line as it goes).
        Err(err) if err.is::<Reported>() => ExitCode::from(exit::FAILURE),
        Err(err) => {
            report(&err);
            ExitCode::from(exit::FAILURE)
        }
    }
}

/// True when the error comes from writing to a pipe whose reader has gone: not a failure, the
/// reader simply had enough (ripgrep does the same).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Prints an error to standard error: `error: ` and its causes, or a pre-rendered snippet as is.
fn report(err: &anyhow::Error) {
    let mut stderr = io::stderr().lock();
    let _ = match err.downcast_ref::<Rendered>() {
        Some(rendered) => writeln!(stderr, "{}", rendered.0.trim_end()),
        None => writeln!(stderr, "error: {err:#}"),
    };
}

/// Prints a warning to standard error. A closed standard error is no reason to stop.
fn warn(message: &str) {
    let _ = writeln!(io::stderr().lock(), "warning: {message}");
}

/// True when standard error should be coloured: a terminal, and `NO_COLOR` not set.
fn color_stderr() -> bool {
    io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// An error already rendered for the reader (a query error's snippet with its caret), printed
/// verbatim instead of behind `error: `.
#[derive(Debug)]
struct Rendered(String);

impl fmt::Display for Rendered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Rendered {}

/// A failure already reported to the user: only the exit code is left to set.
#[derive(Debug)]
struct Reported;

impl fmt::Display for Reported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("failure already reported")
    }
}

impl std::error::Error for Reported {}
