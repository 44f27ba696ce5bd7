//! The questions of issue 13, as an analyst asks them, with the answers they must give on the
//! shared seeds (`../shared/seeds`, skipped when absent) and on the built-in sample: one test a
//! case (`cargo test --test kg questions::seeds::putin_met_in_moscow`), cases in
//! `tests/data/questions/{seeds,sample}.cases`.
//!
//! ```text
//! == putin-met-in-moscow               a case: its name
//! who did Putin meet in Moscow         the question
//! => John Kerry                        the first column, exactly, in order, rows apart by ` | `
//!                                      (`=> nothing`: no row)
//! includes: John Kerry | Sergei Lavrov ... or names it must include
//! excludes: Cuba                       names it must not include
//! headline: yes: Kerry met Putin       the line before the rows
//! note: no meeting found               a note under the rows
//! error: no place named `Moskow`       the error's message
//! help: did you mean `Moscow`?         the error's help
//! explain: // Kerry: John Kerry        a line `explain QUESTION` prints
//! ```
//!
//! Every question that answers must also answer the same rows through the pattern it lowers
//! to, parsed back.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kg::graph::KnowledgeGraph;
use kg::query;
use kg::text::Document;

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/questions")
}

/// One case of a file.
#[derive(Debug, Default)]
struct Case {
    name: String,
    question: String,
    exactly: Option<Vec<String>>,
    includes: Vec<String>,
    excludes: Vec<String>,
    headline: Option<String>,
    notes: Vec<String>,
    error: Option<String>,
    help: Option<String>,
    explain: Vec<String>,
}

fn names(list: &str) -> Vec<String> {
    list.split(" | ")
        .map(str::trim)
        .filter(|n| !n.is_empty() && *n != "nothing")
        .map(str::to_string)
        .collect()
}

fn cases(file: &str) -> Vec<Case> {
    let text = std::fs::read_to_string(data().join(file)).expect("a case file");
    let mut cases: Vec<Case> = Vec::new();
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("== ") {
            cases.push(Case {
                name: name.trim().to_string(),
                ..Case::default()
            });
            continue;
        }
        let Some(case) = cases.last_mut() else {
            continue;
        };
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(list) = line.strip_prefix("=> ") {
            case.exactly = Some(names(list));
        } else if let Some(list) = line.strip_prefix("includes: ") {
            case.includes.extend(names(list));
        } else if let Some(list) = line.strip_prefix("excludes: ") {
            case.excludes.extend(names(list));
        } else if let Some(text) = line.strip_prefix("headline: ") {
            case.headline = Some(text.to_string());
        } else if let Some(text) = line.strip_prefix("note: ") {
            case.notes.push(text.to_string());
        } else if let Some(text) = line.strip_prefix("error: ") {
            case.error = Some(text.to_string());
        } else if let Some(text) = line.strip_prefix("help: ") {
            case.help = Some(text.to_string());
        } else if let Some(text) = line.strip_prefix("explain: ") {
            case.explain.push(text.to_string());
        } else if case.question.is_empty() {
            case.question = line.to_string();
        } else {
            panic!("{}: a second question line: {line}", case.name);
        }
    }
    cases
}

fn graph_of(docs: Vec<Document>) -> KnowledgeGraph {
    let lexicon = kg::lexicon::Lexicon::builtin();
    let mut graph = KnowledgeGraph::new();
    for doc in docs {
        let ex = kg::extract::extract(&doc, lexicon);
        graph.add(&doc, &ex);
    }
    graph
}

fn sample() -> &'static KnowledgeGraph {
    static GRAPH: OnceLock<KnowledgeGraph> = OnceLock::new();
    GRAPH.get_or_init(|| graph_of(kg::sample::documents()))
}

/// The seeds graph, or `None` when `../shared/seeds` is absent.
fn seeds() -> Option<&'static KnowledgeGraph> {
    static GRAPH: OnceLock<Option<KnowledgeGraph>> = OnceLock::new();
    GRAPH
        .get_or_init(|| {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
            let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
                .ok()?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            paths.sort();
            let docs = paths
                .iter()
                .map(|path| {
                    let text = std::fs::read_to_string(path).expect("a seed text");
                    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
                    Document::new(name, text)
                })
                .collect();
            Some(graph_of(docs))
        })
        .as_ref()
}

fn run_case(file: &str, name: &str, graph: &KnowledgeGraph) {
    let all = cases(file);
    let case = all
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name} in {file}"));
    let question = case.question.as_str();
    let result = query::parse(question).and_then(|q| query::run(graph, &q));
    let answer = match (result, &case.error) {
        (Err(e), Some(message)) => {
            assert_eq!(&e.message, message, "{question}");
            if let Some(help) = &case.help {
                assert_eq!(e.help.as_deref(), Some(help.as_str()), "{question}");
            }
            return;
        }
        (Err(e), None) => panic!("{question}:\n{}", e.render(question, false)),
        (Ok(answer), Some(message)) => {
            panic!(
                "{question}: answered {:?}, not the error {message}",
                answer.names()
            )
        }
        (Ok(answer), None) => answer.resolved(graph),
    };
    let got = answer.names();
    if let Some(exactly) = &case.exactly {
        assert_eq!(&got, exactly, "{question}");
    }
    for name in &case.includes {
        assert!(
            got.contains(name),
            "{question}: {name} missing from {got:?}"
        );
    }
    for name in &case.excludes {
        assert!(!got.contains(name), "{question}: {name} in {got:?}");
    }
    if let Some(headline) = &case.headline {
        assert_eq!(answer.headline.as_ref(), Some(headline), "{question}");
    }
    for note in &case.notes {
        assert!(
            answer.notes.contains(note),
            "{question}: {:?}",
            answer.notes
        );
    }
    if !case.explain.is_empty() {
        let out = query::execute(
            graph,
            &format!("explain {question}"),
            &query::Settings::default(),
        )
        .unwrap_or_else(|e| panic!("explain {question}: {}", e.message));
        for line in &case.explain {
            assert!(
                out.text.lines().any(|l| l == line),
                "{question}: {}",
                out.text
            );
        }
    }
    // The question answers as its pattern does.
    let parsed = query::parse(question).expect("parsed above");
    let pattern = query::pattern_for(graph, &parsed).to_string();
    let again = query::parse(&pattern).unwrap_or_else(|e| panic!("{pattern}: {}", e.message));
    let by_pattern =
        query::run(graph, &again).unwrap_or_else(|e| panic!("{pattern}: {}", e.message));
    assert_eq!(
        by_pattern.resolved(graph).rows,
        answer.rows,
        "{question} and {pattern}"
    );
}

/// One `#[test]` per case of a file, and a test that every case of the file is listed.
macro_rules! cases {
    ($module:ident, $file:literal, $graph:expr, [$($name:ident),* $(,)?]) => {
        mod $module {
            use super::*;

            $(
                #[test]
                fn $name() {
                    let Some(graph) = $graph else {
                        println!("note: ../shared/seeds is absent; skipped");
                        return;
                    };
                    run_case($file, &stringify!($name).replace('_', "-"), graph);
                }
            )*

            /// Every case of the file is a test above, so none is silently never run.
            #[test]
            fn every_case_is_a_test() {
                let listed = [$(stringify!($name).replace('_', "-")),*];
                let missing: Vec<String> = cases($file)
                    .into_iter()
                    .map(|c| c.name)
                    .filter(|n| !listed.contains(n))
                    .collect();
                assert!(missing.is_empty(), "cases not in `cases!`: {missing:?}");
            }
        }
    };
}

cases!(
    seeds,
    "seeds.cases",
    seeds(),
    [
        putin_met_in_moscow,
        kerry_met_in_moscow,
        met_kerry_in_russia,
        about_syria_since_march,
        in_a_year_is_a_date,
        in_a_month_is_a_date,
        visitors_of_a_country,
        where_kerry_went,
        misspelt_place,
        unknown_place,
        known_place_no_meeting,
        topics_and,
        topics_or,
        topic_by_its_forms,
        misspelt_topic,
        limit_after_a_question,
        order_by_after_a_question,
        how_many,
        who_met_whom,
        who_met_whom_about,
        where_did_they_meet,
        did_they_meet,
        did_they_not_meet,
        what_did_they_discuss,
        who_said_about,
        holder_of_a_role,
        list_documents,
        from_source,
        published_since,
        no_path_in_words,
        explain_shows_the_entity,
        pattern_within,
        when_did_kerry_visit_russia,
        no_date_hint,
    ]
);

cases!(
    sample,
    "sample.cases",
    Some(sample()),
    [
        kerry_met_in_moscow,
        met_kerry_in_russia,
        met_kerry_in_2016,
        who_visited_russia,
        linked_organisations,
        yes_no,
        no_path,
    ]
);
