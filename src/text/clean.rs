//! Cleaning: which lines of a saved web page are the article and which are debris.
//!
//! Pages saved from news sites carry navigation words ("Accessibility links", "Breaking News"),
//! subscription prompts, photo credits, and captions printed twice. Reading them would invent
//! entities (the site's name, "WhatsApp") and duplicate events, so each line is classified first
//! and only headlines and body text are read. The phrase lists live in
//! `data/lexicon/boilerplate.txt`.

use std::hash::{Hash, Hasher};

use aho_corasick::AhoCorasick;
use rustc_hash::{FxHashSet, FxHasher};

use super::Span;

/// What a line of the page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegmentKind {
    /// Running text.
    Body,
    /// A short line without final punctuation: a headline or subheading.
    Headline,
    /// A line that only dates the page ("Updated Date: Mar 16, 2016"): read for the date only.
    Meta,
    /// Navigation, prompts, credits, repeated captions: not read.
    Debris,
}

impl SegmentKind {
    /// True for lines whose words are read for entities and events.
    pub const fn is_readable(self) -> bool {
        matches!(self, SegmentKind::Body | SegmentKind::Headline)
    }
}

/// One line of the page and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The line without surrounding white space.
    pub span: Span,
    /// What the line is.
    pub kind: SegmentKind,
}

/// The phrase lists that recognise debris.
#[derive(Clone, Debug, Default)]
pub struct Boilerplate {
    /// Whole lines that are navigation or page furniture, folded.
    pub lines: FxHashSet<String>,
    /// Phrases that make a line a prompt to subscribe, follow or download, folded.
    pub prompts: Vec<String>,
    /// Words that make a short line a photo credit, folded.
    pub credits: FxHashSet<String>,
    /// Line openings that mark a dating line, folded.
    pub meta: Vec<String>,
    /// All of `prompts` in one automaton, so a line is searched once for all of them.
    prompt_matcher: Option<AhoCorasick>,
}

impl Boilerplate {
    /// Parses `boilerplate.txt`: sections `[lines]`, `[prompts]`, `[credits]`, `[meta]`, one
    /// phrase a line, `#` comments.
    pub fn parse(source: &str) -> Boilerplate {
        let mut out = Boilerplate::default();
        let mut section = "";
        for line in source.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = match name {
                    "lines" => "lines",
                    "prompts" => "prompts",
                    "credits" => "credits",
                    "meta" => "meta",
                    _ => "",
                };
                continue;
            }
            let phrase = fold_line(line);
            match section {
                "lines" => {
                    out.lines.insert(phrase);
                }
                "prompts" => out.prompts.push(phrase),
                "credits" => {
                    out.credits.insert(phrase);
                }
                "meta" => out.meta.push(phrase),
                _ => {}
            }
        }
        out.finish();
        out
    }

    /// Adds the phrases of another list.
    pub fn merge(&mut self, other: Boilerplate) {
        self.lines.extend(other.lines);
        self.prompts.extend(other.prompts);
        self.credits.extend(other.credits);
        self.meta.extend(other.meta);
        self.finish();
    }

    fn finish(&mut self) {
        // The phrases are plain folded words; building the automaton cannot fail on them.
        self.prompt_matcher = AhoCorasick::new(&self.prompts).ok();
    }

    /// True when a folded line contains a prompt phrase on word boundaries.
    fn has_prompt(&self, folded: &str) -> bool {
        let Some(matcher) = &self.prompt_matcher else {
            return false;
        };
        let bytes = folded.as_bytes();
        matcher.find_overlapping_iter(folded).any(|m| {
            (m.start() == 0 || bytes[m.start() - 1] == b' ')
                && (m.end() == bytes.len() || bytes[m.end()] == b' ')
        })
    }
}

/// Lower case, letters and digits only, single spaces.
fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Splits a text into lines and says what each is.
///
/// A text wrapped at a fixed width (old wire copy, e-mail, `fmt` output) breaks sentences
/// across lines; its lines are joined back into paragraphs first (see [`joins_wrapped`]).
pub fn segments(text: &str, boilerplate: &Boilerplate) -> Vec<Segment> {
    let lines = lines(text);
    let wrapped = joins_wrapped(&lines);
    let mut out = Vec::new();
    let mut seen: FxHashSet<u64> = FxHashSet::default();
    let mut i = 0;
    while i < lines.len() {
        let mut span = lines[i].span;
        // (A whole line of debris, the wire's sign-off "REUTER", carries on no paragraph.)
        while let Some(width) = wrapped
            && i + 1 < lines.len()
            && continues(text, &lines[i], &lines[i + 1], width)
            && !boilerplate
                .lines
                .contains(&fold_line(lines[i + 1].span.of(text)))
        {
            i += 1;
            span = span.cover(lines[i].span);
        }
        let kind = classify(span.of(text), boilerplate, &mut seen);
        out.push(Segment { span, kind });
        i += 1;
    }
    out
}

/// A non-blank line: its span without surrounding white space, and its layout.
#[derive(Clone, Copy, Debug)]
struct Line {
    span: Span,
    /// Leading white space, in bytes.
    indent: usize,
    /// A blank line comes before it.
    after_blank: bool,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut after_blank = false;
    for raw in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let indent = raw.len() - raw.trim_start().len();
        let line = raw.trim();
        if line.is_empty() {
            after_blank = true;
            continue;
        }
        out.push(Line {
            span: Span::new(line_start + indent, line_start + indent + line.len()),
            indent,
            after_blank,
        });
        after_blank = false;
    }
    out
}

/// The width a text is wrapped at, when it is: most lines that run on into another line end
/// within a few characters of the same width, and that width is a typewriter's (at most 100).
/// Texts with a paragraph a line have lines of every length and are not joined.
fn joins_wrapped(lines: &[Line]) -> Option<usize> {
    let running: Vec<usize> = lines
        .windows(2)
        .filter(|w| !w[1].after_blank)
        .map(|w| w[0].span.len() + w[0].indent)
        .collect();
    if running.len() < 4 {
        return None;
    }
    let mut sorted = running.clone();
    sorted.sort_unstable();
    let width = sorted[sorted.len() * 9 / 10];
    if !(40..=100).contains(&width) {
        return None;
    }
    let near = running
        .iter()
        .filter(|&&n| n + 15 >= width && n <= width)
        .count();
    (near * 2 >= running.len()).then_some(width)
}

/// True when `next` carries on the paragraph of `line` in a text wrapped at `width`: no blank
/// line or deeper indent between them, and `line` runs to near the margin or stops in the
/// middle of a sentence that `next` goes on with.
fn continues(text: &str, line: &Line, next: &Line, width: usize) -> bool {
    if next.after_blank || next.indent > line.indent {
        return false;
    }
    (line.span.len() + line.indent) * 10 >= width * 6
        || stops_mid_sentence(line.span.of(text), next.span.of(text))
}

/// "Canadian Foreign Secretary Joe" before "Clark, winding up a visit, said he": a short first
/// line of wire copy (its dateline cut off) that ends with no stop, holds words but no figures
/// (a table's rows do) and is not in capitals (a headline is), and a next line of running text.
fn stops_mid_sentence(line: &str, next: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let last = line.chars().next_back().unwrap_or('.');
    let running = next
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    words.len() >= 2
        && !matches!(last, '.' | '!' | '?' | ':' | ';' | '"' | '\u{201d}' | ')')
        && !line.chars().any(|c| c.is_ascii_digit())
        && line.chars().any(char::is_lowercase)
        && running >= 3
}

fn classify(line: &str, boilerplate: &Boilerplate, seen: &mut FxHashSet<u64>) -> SegmentKind {
    let folded = fold_line(line);
    if folded.is_empty() {
        return SegmentKind::Debris;
    }
    if boilerplate.lines.contains(&folded) {
        return SegmentKind::Debris;
    }
    let words = folded.split(' ').count();
    if words <= 12
        && boilerplate
            .meta
            .iter()
            .any(|m| folded.starts_with(m.as_str()))
    {
        return SegmentKind::Meta;
    }
    if boilerplate.has_prompt(&folded) {
        return SegmentKind::Debris;
    }
    // A caption or headline printed a second time adds nothing and would double its events.
    if folded.len() >= 20 {
        let mut hasher = FxHasher::default();
        folded.hash(&mut hasher);
        if !seen.insert(hasher.finish()) {
            return SegmentKind::Debris;
        }
    }
    if words <= 6
        && folded.split(' ').any(|w| boilerplate.credits.contains(w))
        && !line.contains(['"', '\u{201c}'])
    {
        return SegmentKind::Debris;
    }
    // Page furniture: a lone lower-case word ("update"), or a run of tiny capital codes ("XS").
    if words <= 3 {
        let pieces = line.split_whitespace().count();
        if pieces == 1 && line.chars().all(char::is_lowercase) {
            return SegmentKind::Debris;
        }
        if line
            .split_whitespace()
            .all(|w| w.len() <= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
        {
            return SegmentKind::Debris;
        }
    }
    let last = line.chars().next_back().unwrap_or(' ');
    let ends_like_sentence = matches!(last, '.' | '!' | '?' | '"' | '\u{201d}' | ')' | ':' | ';');
    if !ends_like_sentence && words <= 25 {
        return SegmentKind::Headline;
    }
    SegmentKind::Body
}

#[cfg(test)]
mod tests {
    use super::*;

    fn boilerplate() -> Boilerplate {
        Boilerplate::parse(
            "[lines]\nbreaking news\nupdate\n[prompts]\nsign up for\n[credits]\nphoto\n[meta]\nupdated date\n",
        )
    }

    fn kinds(text: &str) -> Vec<(&str, SegmentKind)> {
        segments(text, &boilerplate())
            .into_iter()
            .map(|s| (s.span.of(text), s.kind))
            .collect()
    }

    #[test]
    fn drops_debris_and_repeats() {
        use SegmentKind::*;
        let text = "Breaking News\nMinister visits Paris\n\nThe minister arrived on Monday.\n\
                    The minister arrived on Monday.\nFile photo. Reuters\n\
                    Sign up for our newsletter today.\nUpdated Date: Mar 16, 2016\nupdate\nXS\n";
        assert_eq!(
            kinds(text),
            vec![
                ("Breaking News", Debris),
                ("Minister visits Paris", Headline),
                ("The minister arrived on Monday.", Body),
                ("The minister arrived on Monday.", Debris),
                ("File photo. Reuters", Debris),
                ("Sign up for our newsletter today.", Debris),
                ("Updated Date: Mar 16, 2016", Meta),
                ("update", Debris),
                ("XS", Debris),
            ]
        );
    }

    #[test]
    fn joins_the_lines_of_a_wrapped_text_into_paragraphs() {
        use SegmentKind::*;
        let text = "TRADE TALKS RESUME\n\n    The minister said on Monday that talks with the\n\
                    union would resume next week, and that he expected\n\
                    an agreement.\n    A spokesman for the union declined to say what\n\
                    it would ask for when the talks resume in Ottawa.\n";
        assert_eq!(
            kinds(text),
            vec![
                ("TRADE TALKS RESUME", Headline),
                (
                    "The minister said on Monday that talks with the\nunion would resume next \
                     week, and that he expected\nan agreement.",
                    Body
                ),
                (
                    "A spokesman for the union declined to say what\nit would ask for when the \
                     talks resume in Ottawa.",
                    Body
                ),
            ]
        );
        // A paragraph a line, as web pages are saved, is left as it is.
        let text = "Minister visits Paris\nThe minister arrived in Paris on Monday for two days of talks \
                    with his French counterpart about trade.\nHe left on Wednesday.\n";
        assert_eq!(kinds(text).len(), 3);
    }
}
