//! The query layer: parsing (`tests/data/query/ok.txt`).

use std::path::PathBuf;

use kg::query;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/query")
        .join(name)
}

// ---------------------------------------------------------------------------------------------
// Parsing.

#[test]
fn ok_questions_print_in_normal_form_and_parse_back() {
    let text = std::fs::read_to_string(data("ok.txt")).expect("ok.txt");
    let mut count = 0;
    for line in text.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (input, normal) = match line.split_once(" => ") {
            Some((input, normal)) => (input, normal.trim()),
            None => (line, line.trim()),
        };
        let parsed = query::parse(input).unwrap_or_else(|e| panic!("{}", e.render(input, false)));
        assert_eq!(parsed.to_string(), normal, "{input:?}");
        let again = query::parse(normal).unwrap_or_else(|e| panic!("{}", e.render(normal, false)));
        assert_eq!(again.without_spans(), parsed.without_spans(), "{input:?}");
        assert_eq!(again.to_string(), normal, "{input:?}");
        count += 1;
    }
    assert!(count > 50, "only {count} questions read");
}

#[test]
fn spans_point_at_the_names() {
    let q = query::parse("who did John Kerry meet about \"climate change\" in Zürich").expect("ok");
    let text = &q.text;
    let kg::query::Form::Met { people } = &q.question.form else {
        panic!("{:?}", q.question.form)
    };
    assert_eq!(people[0].span.of(text), "John Kerry");
    let spans: Vec<&str> = q
        .question
        .filters
        .iter()
        .flat_map(|f| [f.span.of(text), f.name.span.of(text)])
        .collect();
    assert_eq!(
        spans,
        [
            "about \"climate change\"",
            "\"climate change\"",
            "in Zürich",
            "Zürich"
        ]
    );
    assert_eq!(q.question.span.of(text), text.as_str());
}

/// A cheap fuzzer: random soups of keywords, names and punctuation. Whatever parses must print
/// back to the same tree; whatever fails must point inside the question.
#[test]
fn random_questions_round_trip_or_fail_inside_the_text() {
    const PIECES: &[&str] = &[
        "who",
        "what",
        "where",
        "did",
        "has",
        "is",
        "met",
        "meet",
        "talked",
        "to",
        "with",
        "and",
        "about",
        "in",
        "visited",
        "been",
        "go",
        "discuss",
        "say",
        "said",
        "evidence",
        "Kerry",
        "John",
        "Zürich",
        "Ōsaka",
        "São",
        "O'Brien",
        "U.S.",
        "\"",
        "\"In and with\"",
        "\\",
        "?",
        ",",
        "  ",
        "\t",
        "Said",
        "Edward",
        "\"a \\\" b\"",
        "é",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let starts = [
        "who met",
        "who did",
        "where did",
        "who visited",
        "what did",
        "who is",
    ];
    let mut parsed = 0;
    for _ in 0..5_000 {
        let mut question = starts[next(starts.len())].to_string();
        for _ in 0..next(7) {
            question.push(' ');
            question.push_str(PIECES[next(PIECES.len())]);
        }
        match query::parse(&question) {
            Ok(q) => {
                parsed += 1;
                let printed = q.to_string();
                let again = query::parse(&printed)
                    .unwrap_or_else(|e| panic!("{question:?} printed as {printed:?}: {e}"));
                assert_eq!(again.without_spans(), q.without_spans(), "{question:?}");
            }
            Err(e) => {
                assert!(e.span.start <= e.span.end && e.span.end <= question.len());
                assert!(question.is_char_boundary(e.span.start), "{question:?}");
                assert!(question.is_char_boundary(e.span.end), "{question:?}");
                assert!(!e.message.contains("kw_"), "{question:?}: {}", e.message);
                let _ = e.render(&question, false);
            }
        }
    }
    assert!(parsed > 250, "only {parsed} random questions parsed");
}
