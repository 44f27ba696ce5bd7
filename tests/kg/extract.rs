//! Extraction goldens as data: every `tests/data/extract/NAME.txt` is extracted, printed in a form
//! a reader can check by eye, and compared with `NAME.expected`; each is a test of its own
//! (`cargo test --test kg extract::golden::meetings`). Run with `BLESS=1` to rewrite the
//! expected files after a change you have read and agree with.

use std::fmt::Write as _;
use std::path::Path;

use kg::extract::extract;
use kg::lexicon::Lexicon;
use kg::model::Extraction;
use kg::text::Document;

/// The extraction, one fact a line: entities (without quotes), then relations in text order.
fn render(doc: &Document, ex: &Extraction) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "date: {}",
        ex.date.map_or("-".to_string(), |d| d.to_string())
    );
    let mut entities: Vec<String> = ex
        .entities
        .iter()
        .filter(|e| {
            !matches!(
                e.kind,
                kg::model::EntityKind::Quote | kg::model::EntityKind::Topic
            )
        })
        .map(|e| {
            let kind = e.place_kind.map_or(e.kind.to_string(), |k| {
                format!("{}({})", e.kind, k.as_str())
            });
            let mut line = format!("{kind} {}", e.name);
            let mut aliases = e.aliases.clone();
            aliases.sort();
            if !aliases.is_empty() {
                let _ = write!(line, " | aliases: {}", aliases.join("; "));
            }
            if !e.roles.is_empty() {
                let roles: Vec<String> = e.roles.iter().map(ToString::to_string).collect();
                let _ = write!(line, " | roles: {}", roles.join("; "));
            }
            line
        })
        .collect();
    entities.sort();
    for e in entities {
        let _ = writeln!(out, "entity {e}");
    }
    for r in &ex.relations {
        let name = |i: usize| {
            let full = &ex.entities[i].name;
            if full.chars().count() > 50 {
                format!("{}...", full.chars().take(50).collect::<String>())
            } else {
                full.clone()
            }
        };
        let arrow = if r.kind.is_symmetric() { "--" } else { "->" };
        let target = r.target.map_or_else(|| "-".to_string(), name);
        let mut line = format!("{} {} {arrow} {target}", r.kind, name(r.source));
        if !r.topics.is_empty() {
            let topics: Vec<String> = r.topics.iter().map(|&t| name(t)).collect();
            let _ = write!(line, " | topics: {}", topics.join("; "));
        }
        if let Some(p) = r.place {
            let _ = write!(line, " | place: {}", name(p));
        }
        if let Some(d) = &r.date {
            let _ = write!(line, " | date: {}", d.iso());
        }
        if let Some(role) = &r.role {
            let _ = write!(line, " | role: {role}");
        }
        let _ = write!(line, " | {} | {}", r.status.as_str(), r.rule);
        let sentence: String = r
            .sentence
            .of(&doc.text)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .chars()
            .take(60)
            .collect();
        let _ = writeln!(out, "{line}\n    \"{sentence}\"");
    }
    out
}

/// Extracts `tests/data/extract/NAME.txt` and compares the rendering with `NAME.expected`
/// (`BLESS=1` rewrites it).
fn golden(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/extract");
    let input = dir.join(format!("{name}.txt"));
    let text = std::fs::read_to_string(&input).expect("case is UTF-8");
    let doc = Document::new(format!("{name}.txt"), text);
    let got = render(&doc, &extract(&doc, Lexicon::builtin()));
    let expected_path = input.with_extension("expected");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&expected_path, &got).expect("write expected");
        return;
    }
    let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
    assert!(
        got == expected,
        "{name}: expected\n{expected}\n+++ got\n{got}\n(BLESS=1 rewrites it)"
    );
}

/// One test per golden file, and a check that every file is a test.
macro_rules! goldens {
    ($($name:ident),* $(,)?) => {
        mod golden {
            $(
                #[test]
                fn $name() {
                    super::golden(&stringify!($name).replace('_', "-"));
                }
            )*
        }

        #[test]
        fn every_golden_file_is_a_test() {
            let declared = [$(stringify!($name).replace('_', "-")),*];
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/extract");
            let mut missing = Vec::new();
            for entry in std::fs::read_dir(dir).expect("tests/data/extract").flatten() {
                let path = entry.path();
                let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else { continue };
                if path.extension().is_some_and(|e| e == "txt") && !declared.iter().any(|d| d == stem) {
                    missing.push(stem.replace('-', "_"));
                }
            }
            assert!(missing.is_empty(), "golden files not declared in goldens!: {missing:?}");
        }
    };
}

goldens! {
    aliases,
    calls,
    dateline_without_year,
    dates,
    diplomacy,
    meetings,
    modality,
    official_names,
    places_and_calls,
    price_table,
    quotes,
    sentences,
    sports_teams,
    titles_and_roles,
    topics,
    uk_politics,
    visits,
    web_debris,
    wrapped_wire,
}

/// Whatever the bytes, extraction returns: no panic on text built to stress the rules.
#[test]
fn extraction_never_panics() {
    const PIECES: &[&str] = &[
        "Kerry",
        "met",
        "with",
        "the",
        "U.S.",
        "Secretary",
        "of",
        "State",
        "“",
        "”",
        "\"",
        "'s",
        ",",
        ".",
        "said",
        "Mr",
        "Mr.",
        "and",
        "visit",
        "to",
        "Moscow",
        "al-",
        "de",
        "Feb.",
        "20",
        "-",
        "2016-03-23",
        "talks",
        "between",
        "pair",
        "who",
        "his",
        "her",
        "in",
        "at",
        "Thursday",
        "next",
        "week",
        "\n",
        "\n\n",
        "é",
        "ü",
        "—",
        "(",
        ")",
        "President",
        "Putin",
        "received",
        "by",
        "about",
        "agenda",
        "include",
        "X",
        "NASA",
        "Administrator",
        "Ü",
        "Sir",
        "Lord",
        "Baroness",
        "the",
        "pair",
        "two",
        "leaders",
        "Sign up for",
        "’",
        "'",
        ";",
        ":",
        "did",
        "not",
    ];
    // A fixed linear congruential generator: the same strings every run.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        let mut text = String::new();
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let words = (state >> 33) % 40;
        for _ in 0..words {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let piece = PIECES[((state >> 33) % PIECES.len() as u64) as usize];
            text.push_str(piece);
            if !(state >> 20).is_multiple_of(3) {
                text.push(' ');
            }
        }
        let doc = Document::new("fuzz", text);
        let ex = extract(&doc, Lexicon::builtin());
        for m in &ex.mentions {
            assert!(
                doc.text.get(m.span.start..m.span.end).is_some(),
                "mention span off a char boundary in {:?}",
                doc.text
            );
        }
        for r in &ex.relations {
            assert!(doc.text.get(r.sentence.start..r.sentence.end).is_some());
        }
    }
}

#[test]
fn a_company_suffix_keeps_its_stop_at_the_end_of_a_sentence() {
    let doc = Document::new(
        "x",
        "Profits rose at Lake Harbour Bancorp Inc. The bank said so.",
    );
    let ex = extract(&doc, Lexicon::builtin());
    let texts: Vec<&str> = ex.mentions.iter().map(|m| m.span.of(&doc.text)).collect();
    assert!(texts.contains(&"Lake Harbour Bancorp Inc."), "{texts:?}");
}
