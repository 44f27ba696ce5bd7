//! The `kg` command line: parses arguments, runs one command, and turns the outcome into an exit
//! code. Everything that touches files, the terminal or the environment lives in this binary
//! (`cli`, `input`, `write`, `respond`, `term`, `repl`); the library does none of it.

mod cli;
mod input;
mod repl;
mod respond;
mod term;
mod write;

use std::fmt;
use std::io::{self, Write};
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
    /// Interrupted by Ctrl-C (128 + SIGINT, as shells report it).
    pub const INTERRUPTED: i32 = 130;
}

fn main() -> ExitCode {
    // Ctrl-C removes the temporary files being written before the process ends. (A killed
    // process leaves them; the next run next to them removes them: `write::sweep`.) The shell's
    // line editor reads Ctrl-C as a key, so at its prompt Ctrl-C only clears the line.
    let _ = ctrlc::set_handler(|| {
        write::remove_pending();
        std::process::exit(exit::INTERRUPTED);
    });
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
