//! Cleaning: which lines of a saved web page are the article and which are debris.
//!
//! Pages saved from news sites carry navigation words ("Accessibility links", "Breaking News"),
//! subscription prompts, photo credits, and captions printed twice. Reading them would invent
//! entities (the site's name, "WhatsApp") and duplicate events, so each line is classified first
//! and only headlines and body text are read. The phrase lists live in
//! `data/lexicon/boilerplate.txt`.

use rustc_hash::FxHashSet;

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
        out
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
pub fn segments(text: &str, boilerplate: &Boilerplate) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut seen: FxHashSet<String> = FxHashSet::default();
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let line_start = offset;
        offset += raw.len();
        let trimmed_start = raw.len() - raw.trim_start().len();
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let span = Span::new(
            line_start + trimmed_start,
            line_start + trimmed_start + line.len(),
        );
        let kind = classify(line, boilerplate, &mut seen);
        out.push(Segment { span, kind });
    }
    out
}

fn classify(line: &str, boilerplate: &Boilerplate, seen: &mut FxHashSet<String>) -> SegmentKind {
    let folded = fold_line(line);
    if folded.is_empty() {
        return SegmentKind::Debris;
    }
    if boilerplate.lines.contains(&folded) {
        return SegmentKind::Debris;
    }
    if boilerplate
        .meta
        .iter()
        .any(|m| folded.starts_with(m.as_str()))
        && folded.split(' ').count() <= 12
    {
        return SegmentKind::Meta;
    }
    if boilerplate
        .prompts
        .iter()
        .any(|p| contains_phrase(&folded, p))
    {
        return SegmentKind::Debris;
    }
    let words: Vec<&str> = folded.split(' ').collect();
    // A caption or headline printed a second time adds nothing and would double its events.
    if folded.len() >= 20 && !seen.insert(folded.clone()) {
        return SegmentKind::Debris;
    }
    if words.len() <= 6
        && words.iter().any(|w| boilerplate.credits.contains(*w))
        && !line.contains(['"', '“'])
    {
        return SegmentKind::Debris;
    }
    // Page furniture: a lone lower-case word ("update"), or a run of tiny capital codes ("XS").
    let letters: Vec<&str> = line.split_whitespace().collect();
    if letters.len() == 1 && line.chars().all(|c| c.is_lowercase()) {
        return SegmentKind::Debris;
    }
    if letters.len() <= 3
        && letters
            .iter()
            .all(|w| w.len() <= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
    {
        return SegmentKind::Debris;
    }
    let last = line.chars().next_back().unwrap_or(' ');
    let ends_like_sentence = matches!(last, '.' | '!' | '?' | '"' | '\u{201d}' | ')' | ':' | ';');
    if !ends_like_sentence && words.len() <= 25 {
        return SegmentKind::Headline;
    }
    SegmentKind::Body
}

/// True when `phrase` occurs in `folded` on word boundaries.
fn contains_phrase(folded: &str, phrase: &str) -> bool {
    let mut from = 0;
    while let Some(i) = folded[from..].find(phrase) {
        let start = from + i;
        let end = start + phrase.len();
        let before_ok = start == 0 || folded.as_bytes()[start - 1] == b' ';
        let after_ok = end == folded.len() || folded.as_bytes()[end] == b' ';
        if before_ok && after_ok {
            return true;
        }
        from = start + 1;
    }
    false
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
}
