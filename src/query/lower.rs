//! Questions to patterns: every controlled-English form is sugar for one pattern, which is what
//! `explain` prints and what the planner runs. A printed pattern parses back to the same tree.

use crate::text::Span;

use super::ast::{
    Condition, DateLit, Direction, Event, Expr, Filter, FilterArg, FilterKind, Form, Hops, Ident,
    Item, Literal, Name, NodePattern, Number, Op, Order, Part, Pattern, Property, Question,
    Ranking, RelPattern, RelationWord, TypeWord,
};

/// The relations a path or a neighbourhood follows when the question names none: meetings,
/// calls, visits and roles. Not SAID, whose far ends are quotes, nor DISCUSSED, whose topics
/// would join everyone who ever talked about Syria.
pub(super) const DEFAULT_VIA: &str = "MET|CALLED|VISITED|HOLDS_ROLE";

fn ident(text: &str, span: Span) -> Ident {
    Ident {
        text: text.to_string(),
        span,
    }
}

fn var(text: &str, span: Span) -> Option<Ident> {
    Some(ident(text, span))
}

fn node(v: Option<&str>, label: Option<&str>, name: Option<&Name>, span: Span) -> NodePattern {
    NodePattern {
        var: v.map(|v| ident(v, span)),
        label: label.map(|l| ident(l, span)),
        name: name.cloned(),
        span,
    }
}

fn rel(v: &str, types: &str, direction: Direction, span: Span) -> RelPattern {
    RelPattern {
        var: var(v, span),
        types: types.split('|').map(|t| ident(t, span)).collect(),
        direction,
        hops: None,
        span,
    }
}

fn prop(v: &str, key: &str, span: Span) -> Property {
    Property {
        var: ident(v, span),
        key: ident(key, span),
    }
}

fn items(v: &str, first: &str, keys: &[&str], span: Span) -> Vec<Item> {
    let mut items = vec![Item {
        expr: Expr::Var(ident(first, span)),
        alias: None,
    }];
    items.extend(keys.iter().map(|key| Item {
        expr: Expr::Property(prop(v, key, span)),
        alias: None,
    }));
    items
}

/// The label and place kind of a type word.
pub(super) fn type_of(word: &str) -> (&'static str, Option<&'static str>) {
    match word {
        "people" | "persons" | "person" => ("Person", None),
        "places" | "place" => ("Place", None),
        "countries" | "country" => ("Place", Some("country")),
        "cities" | "city" => ("Place", Some("city")),
        "topics" | "topic" => ("Topic", None),
        _ => ("Organization", None),
    }
}

/// The relation type of a relation word.
pub(super) fn relation_of(word: &str) -> &'static str {
    match word {
        "called" => "CALLED",
        "visited" => "VISITED",
        "discussed" => "DISCUSSED",
        "said" => "SAID",
        "roles" | "holds_role" => "HOLDS_ROLE",
        _ => "MET",
    }
}

fn via_types(via: &[RelationWord]) -> String {
    if via.is_empty() {
        return DEFAULT_VIA.to_string();
    }
    let mut types: Vec<&str> = Vec::new();
    for word in via {
        let t = relation_of(&word.word);
        if !types.contains(&t) {
            types.push(t);
        }
    }
    types.join("|")
}

/// The pattern a question means.
pub(super) fn lower(question: &Question) -> Pattern {
    let span = question.span;
    let mut conditions = Vec::new();
    let answer_type = |default: Option<&'static str>| match &question.which {
        Some(t) => Some(type_of(&t.word)),
        None => default.map(|d| (d, None)),
    };
    let kind_condition = |conditions: &mut Vec<Condition>, v: &str, kind: Option<&str>| {
        if let Some(kind) = kind {
            conditions.push(Condition::Compare {
                property: prop(v, "kind", span),
                op: Op::Eq,
                value: Literal::Text(Name {
                    text: kind.to_string(),
                    span,
                }),
            });
        }
    };
    let mut pattern = Pattern::new(span);
    // The edge variable the modifiers talk about.
    let mut edge = None;
    match &question.form {
        Form::Met { people } | Form::Called { people } => {
            let (types, e) = match question.form {
                Form::Called { .. } => ("CALLED", "c"),
                _ => ("MET", "m"),
            };
            let (label, kind) = answer_type(None).map_or((None, None), |(l, k)| (Some(l), k));
            for person in people {
                pattern.parts.push(Part {
                    left: node(Some("who"), label, None, span),
                    right: Some((
                        rel(e, types, Direction::Both, span),
                        node(None, None, Some(person), person.span),
                    )),
                });
            }
            kind_condition(&mut conditions, "who", kind);
            pattern.items = items(
                e,
                "who",
                &["topics", "place", "date", "status", "docs"],
                span,
            );
            edge = Some(e);
        }
        Form::WentTo { who } => {
            let (label, kind) = answer_type(None).map_or((None, None), |(l, k)| (Some(l), k));
            pattern.parts.push(Part {
                left: node(None, None, Some(who), who.span),
                right: Some((
                    rel("v", "VISITED", Direction::Right, span),
                    node(Some("where"), label, None, span),
                )),
            });
            kind_condition(&mut conditions, "where", kind);
            pattern.items = items("v", "where", &["date", "status", "docs"], span);
            edge = Some("v");
        }
        Form::Visitors { place } => {
            let (label, kind) = answer_type(None).map_or((None, None), |(l, k)| (Some(l), k));
            pattern.parts.push(Part {
                left: node(Some("who"), label, None, span),
                right: Some((
                    rel("v", "VISITED", Direction::Right, span),
                    node(None, None, Some(place), place.span),
                )),
            });
            kind_condition(&mut conditions, "who", kind);
            pattern.items = items("v", "who", &["date", "status", "docs"], span);
            edge = Some("v");
        }
        Form::Discussed { who } => {
            pattern.parts.push(Part {
                left: node(None, None, Some(who), who.span),
                right: Some((
                    rel("d", "DISCUSSED|MET", Direction::Both, span),
                    node(None, None, None, span),
                )),
            });
            pattern.items = vec![
                Item {
                    expr: Expr::Property(prop("d", "topics", span)),
                    alias: Some(ident("what", span)),
                },
                Item {
                    expr: Expr::Property(prop("d", "with", span)),
                    alias: None,
                },
                Item {
                    expr: Expr::Property(prop("d", "docs", span)),
                    alias: None,
                },
            ];
            edge = Some("d");
        }
        Form::Said { who } => {
            pattern.parts.push(Part {
                left: node(None, None, Some(who), who.span),
                right: Some((
                    rel("s", "SAID", Direction::Right, span),
                    node(Some("quote"), None, None, span),
                )),
            });
            pattern.items = items("s", "quote", &["topics", "date", "docs"], span);
            edge = Some("s");
        }
        Form::Describe { wh, who } => {
            let v = wh.as_str();
            pattern.parts.push(Part {
                left: node(Some(v), None, Some(who), who.span),
                right: None,
            });
            pattern.items = items(
                v,
                v,
                &[
                    "type",
                    "kind",
                    "roles",
                    "aliases",
                    "met",
                    "called",
                    "visited",
                    "discussed",
                    "said",
                    "docs",
                ],
                span,
            );
        }
        Form::When { who, event, other } => {
            let (e, types, v, direction, keys): (&str, &str, &str, Direction, &[&str]) = match event
            {
                Event::Met => (
                    "m",
                    "MET",
                    "who",
                    Direction::Both,
                    &["place", "status", "docs"],
                ),
                Event::Called => ("c", "CALLED", "who", Direction::Both, &["status", "docs"]),
                Event::Visited => (
                    "v",
                    "VISITED",
                    "where",
                    Direction::Right,
                    &["status", "docs"],
                ),
            };
            pattern.parts.push(Part {
                left: node(None, None, Some(who), who.span),
                right: Some((
                    rel(e, types, direction, span),
                    node(Some(v), None, None, span),
                )),
            });
            conditions.push(Condition::Compare {
                property: prop(v, "name", span),
                op: Op::Eq,
                value: Literal::Text(other.clone()),
            });
            pattern.items = vec![
                Item {
                    expr: Expr::Property(prop(e, "date", span)),
                    alias: Some(ident("when", span)),
                },
                Item {
                    expr: Expr::Var(ident(v, span)),
                    alias: None,
                },
            ];
            pattern.items.extend(keys.iter().map(|key| Item {
                expr: Expr::Property(prop(e, key, span)),
                alias: None,
            }));
            edge = Some(e);
        }
        Form::Path { from, to, max, via } => {
            let hops_span = max.map_or(span, |n| n.span);
            let max = max.map_or(u64::from(super::plan::DEFAULT_MAX_HOPS), |n| n.value);
            let mut r = rel("r", &via_types(via), Direction::Both, span);
            r.hops = Some(Hops {
                min: 1,
                max: Some(u32::try_from(max).unwrap_or(u32::MAX)),
                span: hops_span,
            });
            pattern.parts.push(Part {
                left: node(None, None, Some(from), from.span),
                right: Some((r, node(None, None, Some(to), to.span))),
            });
            pattern.items = vec![Item {
                expr: Expr::Var(ident("r", span)),
                alias: None,
            }];
        }
        Form::Neighbours { of, depth, via } => {
            let hops_span = depth.map_or(span, |n| n.span);
            let depth = depth.map_or(1, |n| n.value);
            let mut r = rel("r", &via_types(via), Direction::Both, span);
            r.hops = Some(Hops {
                min: 1,
                max: Some(u32::try_from(depth).unwrap_or(u32::MAX)),
                span: hops_span,
            });
            pattern.parts.push(Part {
                left: node(None, None, Some(of), of.span),
                right: Some((r, node(Some("neighbour"), None, None, span))),
            });
            pattern.items = vec![
                Item {
                    expr: Expr::Var(ident("neighbour", span)),
                    alias: None,
                },
                Item {
                    expr: Expr::Property(prop("neighbour", "type", span)),
                    alias: None,
                },
                Item {
                    expr: Expr::Property(prop("r", "hops", span)),
                    alias: None,
                },
                Item {
                    expr: Expr::Property(prop("r", "type", span)),
                    alias: Some(ident("via", span)),
                },
            ];
        }
        Form::Count { what, that } => {
            let (label, kind) = type_of(&what.word);
            let v = answer_var(what);
            let left = node(Some(v), Some(label), None, what.span);
            let right = that.as_ref().map(|(verb, name)| {
                let types = relation_of(&verb.word);
                let direction = if types == "MET" || types == "CALLED" {
                    Direction::Both
                } else {
                    Direction::Right
                };
                edge = Some("e");
                (
                    rel("e", types, direction, verb.span),
                    node(None, None, Some(name), name.span),
                )
            });
            pattern.parts.push(Part { left, right });
            kind_condition(&mut conditions, v, kind);
            pattern.items = vec![Item {
                expr: Expr::CountAll(span),
                alias: None,
            }];
        }
        Form::Top { n, what, by } => {
            let (label, kind) = type_of(&what.word);
            let v = answer_var(what);
            pattern.parts.push(Part {
                left: node(Some(v), Some(label), None, what.span),
                right: None,
            });
            kind_condition(&mut conditions, v, kind);
            let key = by.as_str();
            pattern.items = items(v, v, &[key], span);
            if *by == Ranking::Degree {
                pattern.items.push(Item {
                    expr: Expr::Property(prop(v, "mentions", span)),
                    alias: None,
                });
            }
            pattern.order = Some(Order {
                expr: Expr::Property(prop(v, key, span)),
                descending: true,
            });
            pattern.limit = Some(Number {
                value: n.value,
                span: n.span,
            });
        }
    }
    if let Some(e) = edge {
        for filter in &question.filters {
            filter_conditions(&mut conditions, e, filter);
        }
    }
    pattern.conditions = conditions;
    pattern
}

/// The variable an answer of a type is called by: `who`, `where` or `what`.
fn answer_var(what: &TypeWord) -> &'static str {
    match type_of(&what.word).0 {
        "Place" => "where",
        "Topic" => "what",
        _ => "who",
    }
}

fn date_literal(date: &DateLit) -> Literal {
    // A bare year is written as a number in a pattern.
    match date.iso.parse::<u64>() {
        Ok(value) if date.iso.len() == 4 => Literal::Number(Number {
            value,
            span: date.span,
        }),
        _ => Literal::Date(date.clone()),
    }
}

fn filter_conditions(conditions: &mut Vec<Condition>, e: &str, filter: &Filter) {
    let span = filter.span;
    let compare = |key: &str, op: Op, value: Literal| Condition::Compare {
        property: prop(e, key, span),
        op,
        value,
    };
    match (&filter.kind, &filter.arg) {
        (FilterKind::About, FilterArg::Name(name)) => conditions.push(Condition::In {
            value: Literal::Text(name.clone()),
            property: prop(e, "topics", span),
        }),
        (FilterKind::With, FilterArg::Name(name)) => conditions.push(Condition::In {
            value: Literal::Text(name.clone()),
            property: prop(e, "with", span),
        }),
        (_, FilterArg::Name(name)) => {
            conditions.push(compare("place", Op::Eq, Literal::Text(name.clone())));
        }
        (kind, FilterArg::Dates(first, second)) => {
            let first = date_literal(first);
            match kind {
                FilterKind::Since => conditions.push(compare("date", Op::Ge, first)),
                FilterKind::Before => conditions.push(compare("date", Op::Lt, first)),
                FilterKind::After => conditions.push(compare("date", Op::Gt, first)),
                FilterKind::Between => {
                    conditions.push(compare("date", Op::Ge, first));
                    if let Some(second) = second {
                        conditions.push(compare("date", Op::Le, date_literal(second)));
                    }
                }
                _ => conditions.push(compare("date", Op::Eq, first)),
            }
        }
    }
}
