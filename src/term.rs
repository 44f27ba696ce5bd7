//! The terminal and the standard streams: printing, warnings, the one decision about colour,
//! the width tables are fitted to, and the build's progress bar.

use std::io::{self, IsTerminal, Write};

use indicatif::{ProgressBar, ProgressStyle};
use kg::text::Document;

/// A standard stream that may be coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// Standard output: answers.
    Stdout,
    /// Standard error: errors and warnings.
    Stderr,
}

/// True when text for `stream` should be coloured: the stream is a terminal, `NO_COLOR` is
/// unset or empty, and `TERM` is not `dumb`. Every coloured thing `kg` prints asks here.
pub fn color(stream: Stream) -> bool {
    let terminal = match stream {
        Stream::Stdout => io::stdout().is_terminal(),
        Stream::Stderr => io::stderr().is_terminal(),
    };
    terminal
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var_os("TERM").is_none_or(|v| v != "dumb")
}

/// Writes text to standard output, ending it with a newline.
pub fn print(text: &str) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    if !text.is_empty() && !text.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// Prints a warning to standard error. A closed standard error is no reason to stop.
pub fn warn(message: &str) {
    let _ = writeln!(io::stderr().lock(), "warning: {message}");
}

/// The width of standard output when it is a terminal.
pub fn stdout_width() -> Option<usize> {
    terminal_size::terminal_size_of(io::stdout()).map(|(w, _)| usize::from(w.0))
}

/// What a build shows: a progress bar on standard error when it is a terminal and there is
/// enough work to watch (hidden otherwise, so that logs and pipes stay clean and a few documents
/// do not flash a bar), and the extractor's warnings, naming the document.
pub struct BuildProgress {
    bar: ProgressBar,
}

impl BuildProgress {
    /// A progress display for a build of `len` documents.
    pub fn new(len: usize) -> BuildProgress {
        let bar = if len < 10 || !io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::new(len as u64);
            if let Ok(style) = ProgressStyle::with_template(
                "{spinner} reading {pos}/{len} documents {wide_bar} {eta}",
            ) {
                bar.set_style(style);
            }
            bar
        };
        BuildProgress { bar }
    }
}

impl kg::build::Observer for BuildProgress {
    fn extracted(&self) {
        self.bar.inc(1);
    }

    fn warning(&self, doc: &Document, warning: &kg::model::Warning) {
        self.bar.suspend(|| warn(&format!("{}: {warning}", doc.id)));
    }
}

impl Drop for BuildProgress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
