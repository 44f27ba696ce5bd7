//! The parser's unit tests: keywords, highlighting tokens, bare names and completion.

use super::complete::*;
use super::errors::keyword_of;
use super::*;

#[test]
fn every_keyword_rule_is_a_keyword_and_has_its_word() {
    for &rule in Rule::all_rules() {
        let debug = format!("{rule:?}");
        let Some(word) = debug.strip_prefix("kw_") else {
            continue;
        };
        assert_eq!(keyword_of(rule), Some(word), "{debug}");
        assert!(Grammar::parse(Rule::lone_keyword, word).is_ok(), "{debug}");
    }
    for word in ["who", "whom", "what", "where", "did", "has"] {
        assert!(Grammar::parse(Rule::lone_keyword, word).is_ok(), "{word}");
    }
    for word in [
        "about", "in", "with", "and", "on", "since", "to", "as", "via", "max",
    ] {
        assert!(!is_bare_name(word), "{word}");
    }
}

#[test]
fn tokens_colour_the_query() {
    let kinds = |q: &str| -> Vec<(String, TokenKind)> {
        tokens(q)
            .into_iter()
            .map(|t| (t.span.of(q).to_string(), t.kind))
            .collect()
    };
    use TokenKind::*;
    let own = |v: &[(&str, TokenKind)]| -> Vec<(String, TokenKind)> {
        v.iter().map(|(s, k)| (s.to_string(), *k)).collect()
    };
    assert_eq!(
        kinds("who met John Kerry since March 2016 as dot > a.dot"),
        own(&[
            ("who", Keyword),
            ("met", Keyword),
            ("John", Name),
            ("Kerry", Name),
            ("since", Keyword),
            ("March 2016", Literal),
            ("as", Keyword),
            ("dot", Keyword),
            ("a.dot", Path),
        ])
    );
    assert_eq!(
        kinds("match (p:Person)-[m:MET]-({name: \"Kerry\"}) return p.name"),
        own(&[
            ("match", Keyword),
            ("p", Variable),
            ("Person", Type),
            ("m", Variable),
            ("MET", Type),
            ("name", Variable),
            ("\"Kerry\"", Name),
            ("return", Keyword),
            ("p", Variable),
            ("name", Variable),
        ])
    );
    assert_eq!(
        kinds("who mett Kerry"),
        own(&[("who", Keyword), ("mett Kerry", Error)])
    );
    assert_eq!(kinds("who met"), own(&[("who", Keyword), ("met", Keyword)]));
}

#[test]
fn bare_names() {
    assert!(is_bare_name("John Kerry"));
    assert!(is_bare_name("Zürich"));
    assert!(is_bare_name("U.S. Department"));
    assert!(is_bare_name("Inland"));
    assert!(is_bare_name("Theresa May"));
    assert!(is_bare_name("Bank of England"));
    assert!(!is_bare_name("Bosnia and Herzegovina"));
    assert!(!is_bare_name("John  Kerry"));
    assert!(!is_bare_name(" Kerry"));
    assert!(!is_bare_name("Kerry, John"));
    assert!(!is_bare_name(""));
}

#[test]
fn expected_at_offers_what_may_come() {
    let e = expected_at("");
    assert!(e.keywords.contains(&"who") && e.keywords.contains(&"match"));
    let e = expected_at("who ");
    assert!(
        e.keywords.contains(&"met") && e.keywords.contains(&"did"),
        "{e:?}"
    );
    let e = expected_at("who me");
    assert_eq!(e.at, 4);
    assert!(e.keywords.contains(&"met"), "{e:?}");
    let e = expected_at("who met ");
    assert!(e.name, "{e:?}");
    let e = expected_at("who met Kerry ");
    assert!(e.keywords.contains(&"about") && e.end, "{e:?}");
    assert!(
        e.keywords.contains(&"since") && e.keywords.contains(&"as"),
        "{e:?}"
    );
    let e = expected_at("which ");
    assert!(e.type_, "{e:?}");
    let e = expected_at("neighbours of Kerry via ");
    assert!(e.relation, "{e:?}");
    let e = expected_at("who met Kerry since ");
    assert!(e.date, "{e:?}");
    let e = expected_at("top ");
    assert!(e.number, "{e:?}");
    let e = expected_at("who met Kerry as ");
    assert_eq!(e.keywords, ["table", "json", "csv", "dot"], "{e:?}");
    assert!(expected_at("who met Kerry on ").date);
    assert!(expected_at("path from Kerry to Lavrov max ").number);
    let e = expected_at("match ");
    assert_eq!(e.punctuation, ["("], "{e:?}");
    let e = expected_at("match (p:Pers");
    assert!(e.variable && e.at == 9, "{e:?}");
    let e = expected_at("match (p)-[m:MET]-({name: \"Kerry\"}) ");
    assert_eq!(e.keywords, ["return", "where"], "{e:?}");
    assert!(expected_at("match (p)-[m:MET]-({name: \"Kerry\"}) where ").variable);
    let e = expected_at("who met \"Bosnia and");
    assert!(e.name && e.at == 9, "{e:?}");
    let e = expected_at("who met \"Bosnia\" ");
    assert!(e.keywords.contains(&"about") && !e.name, "{e:?}");
    let e = expected_at("xyzzy plugh ");
    assert_eq!(
        e,
        Expected {
            at: 12,
            ..Expected::default()
        }
    );
}
