//! The line editor's helper: completion (see `complete`), hints from history, syntax colouring
//! and the rule for when a line goes on.
//!
//! A line goes on to the next when it ends in `\`, leaves a `"` open, or opens more `(`, `[` or
//! `{` than it closes. Piped input follows the same rule, so a script reads like a session.

use std::borrow::Cow::{self, Borrowed, Owned};
use std::cell::RefCell;
use std::sync::mpsc::Receiver;

use anstyle::{AnsiColor, Style};
use kg::query;
use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hinter, HistoryHinter};
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Context, Helper};

use super::complete::{self, Completion, Names};

/// Completion, hints, colour and multi-line input for the shell.
pub struct ShellHelper {
    /// The graph's names; replaced when the graph is.
    names: RefCell<Folding>,
    /// True on a colour terminal: the line is highlighted as it is typed.
    color: bool,
    hinter: HistoryHinter,
    files: FilenameCompleter,
}

/// The graph's names, folded or still being folded on another thread.
enum Folding {
    Done(Names),
    Pending(Receiver<Names>),
}

impl ShellHelper {
    /// A helper with no names yet; `color` says whether to highlight.
    pub fn new(color: bool) -> ShellHelper {
        ShellHelper {
            names: RefCell::new(Folding::Done(Names::default())),
            color,
            hinter: HistoryHinter::new(),
            files: FilenameCompleter::new(),
        }
    }

    /// Names to use from now on.
    pub fn set_names(&mut self, names: Names) {
        self.names = RefCell::new(Folding::Done(names));
    }

    /// Names that another thread is folding; the first use waits for them.
    pub fn names_from(&mut self, receiver: Receiver<Names>) {
        self.names = RefCell::new(Folding::Pending(receiver));
    }

    /// Runs `f` on the names, waiting for them if they are still being folded.
    fn with_names<R>(&self, f: impl FnOnce(&Names) -> R) -> R {
        let mut folding = self.names.borrow_mut();
        if let Folding::Pending(receiver) = &*folding {
            // A worker that died leaves no names: completion offers keywords only.
            *folding = Folding::Done(receiver.recv().unwrap_or_default());
        }
        match &*folding {
            Folding::Done(names) => f(names),
            Folding::Pending(_) => f(&Names::default()),
        }
    }
}

impl Helper for ShellHelper {}

impl Completer for ShellHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        match self.with_names(|names| complete::complete(line, pos, names)) {
            Completion::Candidates(start, pairs) => Ok((start, pairs)),
            Completion::Path => self.files.complete(line, pos, ctx),
        }
    }
}

impl Hinter for ShellHelper {
    type Hint = String;

    /// The rest of the last line in history that starts like this one; failing that, the rest
    /// of the one completion there is, when what was typed is the start of it as written.
    fn hint(&self, line: &str, pos: usize, ctx: &Context<'_>) -> Option<String> {
        if let Some(hint) = self.hinter.hint(line, pos, ctx) {
            return Some(hint);
        }
        if pos < line.len() || !line.ends_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        let Completion::Candidates(start, pairs) =
            self.with_names(|names| complete::complete(line, pos, names))
        else {
            return None;
        };
        let [only] = pairs.as_slice() else {
            return None;
        };
        let rest = only
            .replacement
            .trim_end()
            .strip_prefix(&line[start..pos])?;
        (!rest.is_empty()).then(|| rest.to_string())
    }
}

impl Validator for ShellHelper {
    fn validate(&self, ctx: &mut ValidationContext<'_>) -> rustyline::Result<ValidationResult> {
        Ok(if goes_on(ctx.input()) {
            ValidationResult::Incomplete
        } else {
            ValidationResult::Valid(None)
        })
    }
}

const PROMPT: Style = AnsiColor::Green.on_default().bold();
const HINT: Style = Style::new().dimmed();
const COMMAND: Style = AnsiColor::Blue.on_default().bold();
const KEYWORD: Style = AnsiColor::Magenta.on_default();
const NAME: Style = AnsiColor::Cyan.on_default();
const QUOTED: Style = AnsiColor::Yellow.on_default();
const NUMBER: Style = AnsiColor::BrightBlue.on_default();

impl Highlighter for ShellHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if !self.color || line.trim().is_empty() {
            return Borrowed(line);
        }
        Owned(self.with_names(|names| highlight(line, names)))
    }

    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(
        &'s self,
        prompt: &'p str,
        default: bool,
    ) -> Cow<'b, str> {
        if self.color && default {
            Owned(paint(PROMPT, prompt))
        } else {
            Borrowed(prompt)
        }
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        if self.color {
            Owned(paint(HINT, hint))
        } else {
            Borrowed(hint)
        }
    }

    fn highlight_char(&self, _line: &str, _pos: usize, kind: CmdKind) -> bool {
        // Any edit may turn a run of words into a known name; moving the cursor changes nothing.
        self.color && kind != CmdKind::MoveCursor
    }
}

/// True when the input goes on to another line: it ends in `\`, leaves a `"` open, or leaves a
/// `(`, `[` or `{` unclosed. A `#` comment never goes on.
pub fn goes_on(input: &str) -> bool {
    if input.trim_start().starts_with('#') {
        return false;
    }
    let mut depth = 0i64;
    let mut quoted = false;
    let mut escaped = false;
    for c in input.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '(' | '[' | '{' if !quoted => depth += 1,
            ')' | ']' | '}' if !quoted => depth -= 1,
            _ => {}
        }
    }
    quoted || depth > 0 || input.trim_end_matches([' ', '\t']).ends_with('\\')
}

/// The entries of a text of several lines (a paste): lines grouped by [`goes_on`], as piped
/// input is read, so that pasting a script runs it line by line.
pub fn entries(text: &str) -> Vec<String> {
    let mut entries = Vec::new();
    let mut pending = String::new();
    for line in text.lines() {
        if !pending.is_empty() {
            pending.push('\n');
        }
        pending.push_str(line);
        if !goes_on(&pending) {
            entries.push(std::mem::take(&mut pending));
        }
    }
    if !pending.is_empty() {
        entries.push(pending);
    }
    entries
}

/// The input with its line continuations (`\` at the end of a line) taken out, lines joined.
pub fn join_lines(input: &str) -> String {
    input
        .replace("\\\r\n", " ")
        .replace("\\\n", " ")
        .trim_end()
        .trim_end_matches('\\')
        .to_string()
}

fn paint(style: Style, text: &str) -> String {
    format!("{}{text}{}", style.render(), style.render_reset())
}

/// The line with escape codes around commands, keywords, known names, quoted text and numbers.
/// The text itself is unchanged, so the line keeps its width on screen.
fn highlight(line: &str, names: &Names) -> String {
    let body = line.trim_start();
    let indent = &line[..line.len() - body.len()];
    if let Some(rest) = body.strip_prefix(':') {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (name, args) = rest.split_at(end);
        let args = if name == "explain" {
            highlight_question(args, names)
        } else {
            args.to_string()
        };
        return format!("{indent}{}{args}", paint(COMMAND, &format!(":{name}")));
    }
    highlight_question(line, names)
}

/// The kinds of piece a question is coloured by.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Piece {
    Space,
    Word,
    Quoted,
    Other,
}

fn highlight_question(text: &str, names: &Names) -> String {
    let pieces = pieces(text);
    let mut out = String::with_capacity(text.len() * 2);
    let mut i = 0;
    while i < pieces.len() {
        let (piece, start, end) = pieces[i];
        let word = &text[start..end];
        match piece {
            Piece::Quoted => out.push_str(&paint(QUOTED, word)),
            Piece::Word if query::is_keyword(word) => out.push_str(&paint(KEYWORD, word)),
            Piece::Word if word.chars().all(|c| c.is_ascii_digit()) => {
                out.push_str(&paint(NUMBER, word));
            }
            Piece::Word => {
                // A run of words that are not keywords: a name, if the graph knows it.
                let mut last = i;
                let mut j = i + 1;
                while j + 1 < pieces.len()
                    && pieces[j].0 == Piece::Space
                    && pieces[j + 1].0 == Piece::Word
                    && !query::is_keyword(&text[pieces[j + 1].1..pieces[j + 1].2])
                {
                    last = j + 1;
                    j += 2;
                }
                let run = &text[start..pieces[last].2];
                if names.is_known(run) {
                    out.push_str(&paint(NAME, run));
                } else {
                    out.push_str(run);
                }
                i = last + 1;
                continue;
            }
            Piece::Space | Piece::Other => out.push_str(word),
        }
        i += 1;
    }
    out
}

/// The text cut into spaces, words (as the grammar's `word`), quoted names and other characters.
fn pieces(text: &str) -> Vec<(Piece, usize, usize)> {
    let is_word = |c: char| c.is_alphanumeric() || "'\u{2019}-.&".contains(c);
    let mut pieces = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        let piece = if c.is_whitespace() {
            while let Some(&(i, c)) = chars.peek().filter(|(_, c)| c.is_whitespace()) {
                end = i + c.len_utf8();
                chars.next();
            }
            Piece::Space
        } else if is_word(c) {
            while let Some(&(i, c)) = chars.peek().filter(|&&(_, c)| is_word(c)) {
                end = i + c.len_utf8();
                chars.next();
            }
            Piece::Word
        } else if c == '"' {
            end = kg::query::quoted_end(text, start);
            while chars.next_if(|&(i, _)| i < end).is_some() {}
            Piece::Quoted
        } else {
            Piece::Other
        };
        pieces.push((piece, start, end));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_goes_on_after_a_backslash_an_open_quote_or_bracket() {
        for input in [
            "who met \\",
            "who met \"Bosnia and",
            "match (p",
            "[1,",
            "who met \"a\\\"",
        ] {
            assert!(goes_on(input), "{input}");
        }
        for input in [
            "who met Kerry",
            "who met \"a (b\"",
            "match (p) return p",
            "",
            "# a comment's \"quote (",
        ] {
            assert!(!goes_on(input), "{input}");
        }
        assert_eq!(join_lines("who met \\\nKerry"), "who met  Kerry");
        assert_eq!(
            entries("who met \\\nKerry\n:mode csv\nwho visited \"Bosnia and\nHerzegovina\""),
            [
                "who met \\\nKerry",
                ":mode csv",
                "who visited \"Bosnia and\nHerzegovina\""
            ]
        );
    }

    #[test]
    fn highlighting_keeps_the_text() {
        let names = Names::of(&kg::graph::KnowledgeGraph::new());
        let line = "who met \"Edward Said\" about 2016 Syria";
        let coloured = highlight(line, &names);
        assert_ne!(coloured, line);
        let mut plain = String::new();
        let mut in_escape = false;
        for c in coloured.chars() {
            match c {
                '\x1b' => in_escape = true,
                'm' if in_escape => in_escape = false,
                _ if in_escape => {}
                _ => plain.push(c),
            }
        }
        assert_eq!(plain, line);
    }
}
