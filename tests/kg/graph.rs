//! Invariants of the knowledge graph, checked on documents read by the real extractor.

mod file;

use kg::extract::extract;
use kg::graph::{KnowledgeGraph, Resolution};
use kg::lexicon::Lexicon;
use kg::model::EntityKind;
use kg::text::Document;

fn graph_of(texts: &[(&str, &str)]) -> KnowledgeGraph {
    let mut graph = KnowledgeGraph::new();
    for (id, text) in texts {
        let doc = Document::new(*id, *text);
        graph.add(&doc, &extract(&doc, Lexicon::builtin()));
    }
    graph
}

fn person(graph: &KnowledgeGraph, name: &str) -> String {
    match graph.resolve(name) {
        Resolution::One(id) => graph.node(id).name.clone(),
        other => panic!("`{name}` resolved to {other:?}"),
    }
}

const A: &str = "German Foreign Minister Frank-Walter Steinmeier met Sergei Lavrov in Moscow.";
const B: &str = "Steinmeier later flew to Kyiv, where he met Ukrainian officials.";
const C: &str = "Russian Foreign Minister Sergey Lavrov said talks would go on.";

#[test]
fn adding_a_document_twice_changes_nothing() {
    let once = graph_of(&[("a", A), ("b", B)]);
    let mut twice = once.clone();
    let doc = Document::new("a", A);
    assert!(!twice.add(&doc, &extract(&doc, Lexicon::builtin())));
    assert_eq!(once.to_bytes(), twice.to_bytes());
}

#[test]
fn save_and_load_keep_everything() {
    let graph = graph_of(&[("a", A), ("b", B), ("c", C)]);
    let bytes = graph.to_bytes();
    let loaded = KnowledgeGraph::from_bytes(&bytes).expect("a saved graph loads");
    assert_eq!(loaded.to_bytes(), bytes);
    assert_eq!(loaded.stats(), graph.stats());
    // The alias index is rebuilt on load.
    assert_eq!(person(&loaded, "lavrov"), person(&graph, "Sergei Lavrov"));
}

#[test]
fn a_surname_joins_the_one_person_with_it_in_either_order() {
    for order in [[("a", A), ("b", B)], [("b", B), ("a", A)]] {
        let graph = graph_of(&order);
        assert_eq!(person(&graph, "Steinmeier"), "Frank-Walter Steinmeier");
        let people = graph
            .nodes()
            .filter(|(_, n)| n.kind == EntityKind::Person)
            .count();
        assert_eq!(people, 2, "Steinmeier and Lavrov, whatever the order");
    }
}

#[test]
fn transliterations_of_one_name_are_one_person_and_the_merge_is_logged() {
    let graph = graph_of(&[("a", A), ("c", C)]);
    assert_eq!(
        person(&graph, "Sergey Lavrov"),
        person(&graph, "Sergei Lavrov")
    );
    assert!(
        graph
            .merges()
            .iter()
            .any(|m| m.merged == "Sergey Lavrov" && m.kept == "Sergei Lavrov")
    );
}

#[test]
fn people_who_share_only_a_word_stay_apart() {
    let graph = graph_of(&[
        ("a", "Tory leader Michael Howard criticised the plan."),
        (
            "b",
            "Howard Flight, the party's deputy chairman, resigned. Mr Howard said nothing.",
        ),
    ]);
    assert_eq!(person(&graph, "Howard Flight"), "Howard Flight");
    assert_eq!(person(&graph, "Michael Howard"), "Michael Howard");
    let flight = graph
        .nodes()
        .find(|(_, n)| n.name == "Howard Flight")
        .map(|(_, n)| n.clone());
    assert!(flight.is_some_and(|n| !n.aliases.contains("Mr Howard")));
}

#[test]
fn a_bare_surname_shared_by_two_people_is_ambiguous() {
    let graph = graph_of(&[
        ("a", "American astronaut Scott Kelly returned to Earth."),
        ("b", "Education Secretary Ruth Kelly visited a school."),
    ]);
    assert!(matches!(graph.resolve("Kelly"), Resolution::Ambiguous(ids) if ids.len() == 2));
}

#[test]
fn a_namesake_mentioned_once_does_not_make_a_name_unanswerable() {
    let graph = graph_of(&[
        (
            "a",
            "John Kerry met Sergei Lavrov. Kerry said the talks went well. Kerry later flew home.",
        ),
        (
            "b",
            "Kerry praised the plan. Kerry then met the press. Kerry left on Friday.",
        ),
        (
            "c",
            "Aidan Kerry, a farmer, sold his land. Kerry said he was glad.",
        ),
    ]);
    assert!(matches!(graph.resolve("Kerry"), Resolution::Ambiguous(_)));
    let query = kg::query::parse("who met Kerry").expect("parses");
    let answer = kg::query::run(&graph, &query)
        .expect("the dominant Kerry is chosen")
        .resolved(&graph);
    let names: Vec<String> = answer
        .rows
        .iter()
        .filter_map(|r| match &r.cells[0] {
            kg::query::Value::Entity { name, .. } => Some(name.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(names, ["Sergei Lavrov"]);
    // Not silently: the answer says which Kerry it took, and who else the name may mean.
    assert!(
        answer
            .notes
            .iter()
            .any(|n| n.starts_with("`Kerry` is taken to mean John Kerry")
                && n.contains("Aidan Kerry")),
        "{:?}",
        answer.notes
    );
}

#[test]
fn every_link_within_a_document_is_logged_with_its_rule() {
    use kg::model::{LinkReason, MergeReason::Within};
    let graph = graph_of(&[(
        "heath",
        "Sir Edward Heath, the former prime minister, met the Campaign for Rural Housing \
         Reform. Sir Edward said the CRHR was useful. Mr Heath left for Kiev.",
    )]);
    let why = |merged: &str| {
        graph
            .merges()
            .iter()
            .find(|m| m.merged == merged)
            .map(|m| (m.kept.as_str(), m.reason))
    };
    assert_eq!(
        why("Sir Edward"),
        Some(("Edward Heath", Within(LinkReason::GivenAfterSir)))
    );
    assert_eq!(
        why("Mr Heath"),
        Some(("Edward Heath", Within(LinkReason::Surname)))
    );
    assert_eq!(
        why("CRHR"),
        Some((
            "Campaign for Rural Housing Reform",
            Within(LinkReason::Acronym)
        ))
    );
    assert_eq!(why("Kiev"), Some(("Kyiv", Within(LinkReason::KnownName))));
}

const FIRM: &str = "Corvel Lynd and Co Inc said it would open an office in Ohio.";
const BARE: &str = "Corvel Lynd said profits rose in the first quarter.";
const TITLED: &str = "Mr Corvel Lynd, a banker, said rates would fall.";

/// A name taken for a person's only by its verbs ("X said") is a company's when other
/// documents name that company with its legal form, whichever order they come in, and
/// adding them one at a time gives the bytes of one build.
#[test]
fn the_corpus_decides_a_bare_company_name_in_any_order() {
    let kinds = |graph: &KnowledgeGraph| -> Vec<(String, EntityKind)> {
        let mut kinds: Vec<_> = graph
            .nodes()
            .filter(|(_, n)| n.name.contains("Lynd"))
            .map(|(_, n)| (n.name.clone(), n.kind))
            .collect();
        kinds.sort();
        kinds
    };
    let firm = graph_of(&[("a", FIRM), ("b", BARE)]);
    assert_eq!(
        kinds(&firm),
        [(
            "Corvel Lynd and Co Inc".to_string(),
            EntityKind::Organization
        )]
    );
    let reversed = graph_of(&[("b", BARE), ("a", FIRM)]);
    assert_eq!(reversed.to_bytes(), firm.to_bytes());
    let bare = graph_of(&[("b", BARE)]);
    assert_eq!(
        kinds(&bare),
        [("Corvel Lynd".to_string(), EntityKind::Person)]
    );
    // A document that gives the person an honorific weighs as much as one that names the
    // company (a story held twice is one).
    let person = graph_of(&[("a", FIRM), ("b", BARE), ("c", TITLED), ("d", TITLED)]);
    assert!(
        kinds(&person).contains(&("Corvel Lynd".to_string(), EntityKind::Person)),
        "{:?}",
        kinds(&person)
    );
}

/// The indexes a question builds at first use (topic words, visits by article, name order, as
/// did-you-mean) are dropped whenever the graph changes: by an add merged on top, by a remove
/// that merges everything again, and by new corrections.
#[test]
fn indexes_built_at_first_use_follow_every_change() {
    let mut graph = graph_of(&[("a", A)]);
    let order_is_true = |graph: &KnowledgeGraph| {
        graph
            .nodes()
            .all(|(id, node)| graph.name_order(id) == kg::graph::name_prefix(&node.name))
    };
    let places_visited = |graph: &KnowledgeGraph, doc: u32| -> Vec<String> {
        graph
            .visits_in(doc)
            .iter()
            .map(|v| graph.node(v.place).name.clone())
            .collect()
    };
    assert!(!graph.has_word("kyiv"));
    assert!(!places_visited(&graph, 0).contains(&"Kyiv".to_string()));
    assert!(order_is_true(&graph));
    let doc = Document::new("b", "Frank-Walter Steinmeier visited Kyiv on Monday.");
    assert!(graph.add(&doc, &extract(&doc, Lexicon::builtin())));
    assert!(graph.has_word("kyiv"), "an add drops the words of names");
    assert_eq!(places_visited(&graph, 1), ["Kyiv"], "and the visits");
    assert!(order_is_true(&graph), "and the order of names");
    assert_eq!(graph.remove(&["a"]), [true]);
    assert_eq!(graph.docs()[0].id, "b");
    assert_eq!(
        places_visited(&graph, 0),
        ["Kyiv"],
        "a remove drops the visits"
    );
    assert!(order_is_true(&graph), "and the order of names");
    graph.set_corrections(kg::graph::Corrections {
        drop: vec![kg::graph::Drop {
            name: "Kyiv".into(),
            of: None,
            note: None,
        }],
        ..kg::graph::Corrections::default()
    });
    assert!(!graph.has_word("kyiv"), "new corrections drop the words");
    assert!(places_visited(&graph, 0).is_empty(), "and the visits");
}

/// The people of `graph` whose names contain `part`.
fn people_named(graph: &KnowledgeGraph, part: &str) -> Vec<String> {
    graph
        .nodes()
        .filter(|(_, n)| n.kind == EntityKind::Person && n.name.contains(part))
        .map(|(_, n)| n.name.clone())
        .collect()
}

const SADDAM: &str = "President Saddam Hussein of Iraq met Foreign Minister Tariq Aziz in Baghdad.";
const KING: &str = "Foreign Minister Leo Tindemans met King Hussein of Jordan in Amman on Tuesday.";

/// A royal's title stands before a given name ("King Hussein"), which joins no "... Hussein" by
/// surname, whichever document comes first.
#[test]
fn a_king_is_not_joined_to_a_namesake_by_surname() {
    for order in [[("a", SADDAM), ("b", KING)], [("b", KING), ("a", SADDAM)]] {
        let graph = graph_of(&order);
        let people = people_named(&graph, "Hussein");
        assert_eq!(people.len(), 2, "{people:?}");
    }
}

const MINISTER: &str =
    "Vice Economic Minister Ivan Petrov spoke. Trade Minister Hale said exports would rise.";
const CHAIRMAN: &str = "Tom Hale, chairman of Wexley Laboratories, said profits would rise.";

/// A bare surname whose only role is another office than the one person of that surname holds
/// is someone else ("Minister Wang" is not An Wang, a company's chairman), whichever document
/// comes first; a bare surname with no role, or the same office, still joins.
#[test]
fn a_surname_with_another_office_is_another_person() {
    for order in [
        [("a", MINISTER), ("b", CHAIRMAN)],
        [("b", CHAIRMAN), ("a", MINISTER)],
    ] {
        let graph = graph_of(&order);
        let people = people_named(&graph, "Hale");
        assert_eq!(people.len(), 2, "{people:?}");
    }
    let joined = graph_of(&[("b", CHAIRMAN), ("c", "Hale said profits would rise.")]);
    let people = people_named(&joined, "Hale");
    assert_eq!(people, ["Tom Hale"]);
}

#[test]
fn a_name_with_and_without_its_middle_initial_is_one_person_in_either_order() {
    let a = (
        "a",
        "Investor Martin Sosnoff raised his stake in the hotel group.",
    );
    let b = (
        "b",
        "Martin T. Sosnoff said he would seek control of the board.",
    );
    for order in [[a, b], [b, a]] {
        let graph = graph_of(&order);
        assert_eq!(
            person(&graph, "Martin Sosnoff"),
            person(&graph, "Martin T. Sosnoff")
        );
    }
}

#[test]
fn two_middle_initials_that_differ_are_two_people() {
    let graph = graph_of(&[
        ("a", "George H. Walden Jr said the bank would close."),
        ("b", "George W. Walden said the farm would open."),
    ]);
    assert_ne!(
        person(&graph, "George H. Walden Jr"),
        person(&graph, "George W. Walden")
    );
}

#[test]
fn a_full_company_name_does_not_join_another_company_by_its_short_name() {
    let a = (
        "a",
        "Halvorsen Marine Corp said its orders rose. Halvorsen said it would hire 200 workers.",
    );
    let b = (
        "b",
        "Halvorsen AG said it would close its plant in Hamburg.",
    );
    let c = (
        "c",
        "Halvorsen Marine Corp shares fell after Halvorsen said sales dropped.",
    );
    for order in [[a, b, c], [b, a, c], [c, b, a]] {
        let graph = graph_of(&order);
        let marine = person(&graph, "Halvorsen Marine Corp");
        assert_eq!(marine, "Halvorsen Marine Corp");
        assert_eq!(person(&graph, "Halvorsen AG"), "Halvorsen AG");
    }
}

#[test]
fn a_company_name_spelled_with_and_without_a_space_is_one_company_in_either_order() {
    let a = (
        "a",
        "Trans Nordic Freight Inc said its profits rose sharply.",
    );
    let b = ("b", "TransNordic Freight Inc said it would buy four ships.");
    for order in [[a, b], [b, a]] {
        let graph = graph_of(&order);
        assert_eq!(
            person(&graph, "Trans Nordic Freight Inc"),
            person(&graph, "TransNordic Freight Inc")
        );
    }
}
