//! Questions to patterns: every controlled-English form is sugar for one pattern, which is what
//! `explain` prints and what the planner runs. A printed pattern parses back to the same tree.
//! One function a form; the modifiers, `order by` and `limit` are added the same way to all.

use crate::text::Span;

use super::ast::{
    Ask, Condition, DateLit, Direction, Event, Expr, Filter, FilterArg, FilterKind, Form, Hops,
    Ident, Item, Literal, Name, NodePattern, Number, Op, Order, Part, Pattern, Property, Question,
    Ranking, RelPattern, RelationWord, TypeWord,
};

/// The relations a path or a neighbourhood follows when the question names none: meetings,
/// calls, visits and roles. Not SAID, whose far ends are quotes, nor DISCUSSED, whose topics
/// would join everyone who ever talked about Syria.
pub(super) const DEFAULT_VIA: &str = "MET|CALLED|VISITED|HOLDS_ROLE";

/// The relations `which TYPE are linked to X` follows: those of [`DEFAULT_VIA`] and
/// discussions, so that an organisation someone talked about is linked to them.
const LINKED_VIA: &str = "MET|CALLED|VISITED|HOLDS_ROLE|DISCUSSED";

fn ident(text: &str, span: Span) -> Ident {
    Ident {
        text: text.to_string(),
        span,
    }
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
        var: Some(ident(v, span)),
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

fn text(value: &str, span: Span) -> Literal {
    Literal::Text(Name {
        text: value.to_string(),
        span,
    })
}

fn var_item(v: &str, span: Span) -> Item {
    Item {
        expr: Expr::Var(ident(v, span)),
        alias: None,
    }
}

fn prop_item(v: &str, key: &str, alias: Option<&str>, span: Span) -> Item {
    Item {
        expr: Expr::Property(prop(v, key, span)),
        alias: alias.map(|a| ident(a, span)),
    }
}

fn items(v: &str, first: &str, keys: &[&str], span: Span) -> Vec<Item> {
    let mut items = vec![var_item(first, span)];
    items.extend(keys.iter().map(|key| prop_item(v, key, None, span)));
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

/// A pattern under construction: the parts and columns of the form, the conditions, and the
/// relationship variable the modifiers talk about.
struct Lowered {
    pattern: Pattern,
    /// The relationship the modifiers narrow (`m`, `v`, ...), or the document variable.
    edge: Option<&'static str>,
}

impl Lowered {
    fn new(span: Span) -> Lowered {
        Lowered {
            pattern: Pattern::new(span),
            edge: None,
        }
    }

    /// `v.kind = "country"` for a type word that narrows places.
    fn kind(&mut self, v: &str, kind: Option<&str>, span: Span) {
        if let Some(kind) = kind {
            self.pattern.conditions.push(Condition::Compare {
                property: prop(v, "kind", span),
                op: Op::Eq,
                value: text(kind, span),
            });
        }
    }
}

/// The pattern a question means.
pub(super) fn lower(question: &Question) -> Pattern {
    let span = question.span;
    let which = question.which.as_ref().map(|t| type_of(&t.word));
    let mut out = Lowered::new(span);
    match &question.form {
        Form::Met { people } => people_met(&mut out, which, people, "MET", "m", span),
        Form::Called { people } => people_met(&mut out, which, people, "CALLED", "c", span),
        Form::Pairs { event } => pairs(&mut out, *event, span),
        Form::WentTo { who } => went(&mut out, which, who, span),
        Form::Visitors { place } => visitors(&mut out, which, place, span),
        Form::Discussed { who } => discussed(&mut out, who, span),
        Form::Said { who } => said(&mut out, who, span),
        Form::Speakers => speakers(&mut out, span),
        Form::Holder { title, of } => holder(&mut out, title, of, span),
        Form::Describe { wh, who } => describe(&mut out, wh.as_str(), who, span),
        Form::When {
            who,
            event,
            other,
            ask,
        } => when(&mut out, who, *event, other, *ask, span),
        Form::Path { from, to, max, via } => path(&mut out, (from, to), *max, via, span),
        Form::Neighbours { of, depth, via } => neighbours(&mut out, which, of, *depth, via, span),
        Form::Count {
            what,
            that,
            agent_first,
        } => count(&mut out, what, that.as_ref(), *agent_first, span),
        Form::Top { n, what, by } => top(&mut out, *n, what, *by, span),
        Form::Documents => documents(&mut out, span),
    }
    if let Some(e) = out.edge {
        let on_documents = matches!(question.form, Form::Documents);
        for filter in &question.filters {
            filter_conditions(&mut out.pattern.conditions, e, filter, on_documents);
        }
    }
    let mut pattern = out.pattern;
    if let Some(order) = &question.order {
        let column = &order.column;
        let expr = pattern
            .items
            .iter()
            .find(|item| column_name(item) == column.text)
            .map_or_else(
                || Expr::Var(column.clone()),
                |item| match &item.expr {
                    Expr::Var(v) => Expr::Var(ident(&v.text, column.span)),
                    Expr::Property(p) => {
                        Expr::Property(prop(&p.var.text, &p.key.text, column.span))
                    }
                    Expr::CountAll(_) => Expr::CountAll(column.span),
                },
            );
        pattern.order = Some(Order {
            expr,
            descending: order.descending,
        });
    }
    if let Some(limit) = question.limit {
        pattern.limit = Some(limit);
    }
    pattern
}

/// The header of an item's column: its alias, else its variable or key.
pub(super) fn column_name(item: &Item) -> String {
    match (&item.alias, &item.expr) {
        (Some(alias), _) => alias.text.clone(),
        (None, Expr::Var(v)) => v.text.clone(),
        (None, Expr::Property(p)) => p.key.text.clone(),
        (None, Expr::CountAll(_)) => "count".to_string(),
    }
}

type Which = Option<(&'static str, Option<&'static str>)>;

fn label_kind(which: Which) -> (Option<&'static str>, Option<&'static str>) {
    which.map_or((None, None), |(l, k)| (Some(l), k))
}

fn people_met(
    out: &mut Lowered,
    which: Which,
    people: &[Name],
    types: &str,
    e: &'static str,
    span: Span,
) {
    let (label, kind) = label_kind(which);
    for person in people {
        out.pattern.parts.push(Part {
            left: node(Some("who"), label, None, span),
            right: Some((
                rel(e, types, Direction::Both, span),
                node(None, None, Some(person), person.span),
            )),
        });
    }
    out.kind("who", kind, span);
    out.pattern.items = items(
        e,
        "who",
        &["topics", "place", "date", "status", "docs"],
        span,
    );
    out.edge = Some(e);
}

/// `who met whom`: every meeting once, its two sides in order of name.
fn pairs(out: &mut Lowered, event: Event, span: Span) {
    let (types, e) = match event {
        Event::Called => ("CALLED", "c"),
        _ => ("MET", "m"),
    };
    out.pattern.parts.push(Part {
        left: node(Some("who"), None, None, span),
        right: Some((
            rel(e, types, Direction::Both, span),
            node(Some("whom"), None, None, span),
        )),
    });
    out.pattern.conditions.push(Condition::Compare {
        property: prop("who", "name", span),
        op: Op::Lt,
        value: Literal::Property(prop("whom", "name", span)),
    });
    out.pattern.items = vec![var_item("who", span), var_item("whom", span)];
    out.pattern.items.extend(
        ["topics", "place", "date", "status", "docs"]
            .iter()
            .map(|k| prop_item(e, k, None, span)),
    );
    out.edge = Some(e);
}

fn went(out: &mut Lowered, which: Which, who: &Name, span: Span) {
    let (label, kind) = label_kind(which);
    out.pattern.parts.push(Part {
        left: node(None, None, Some(who), who.span),
        right: Some((
            rel("v", "VISITED", Direction::Right, span),
            node(Some("where"), label, None, span),
        )),
    });
    out.kind("where", kind, span);
    out.pattern.items = vec![
        var_item("where", span),
        prop_item("where", "country", None, span),
    ];
    out.pattern.items.extend(
        ["date", "status", "docs"]
            .iter()
            .map(|k| prop_item("v", k, None, span)),
    );
    out.edge = Some("v");
}

fn visitors(out: &mut Lowered, which: Which, place: &Name, span: Span) {
    let (label, kind) = label_kind(which);
    out.pattern.parts.push(Part {
        left: node(Some("who"), label, None, span),
        right: Some((
            rel("v", "VISITED", Direction::Right, span),
            node(None, None, Some(place), place.span),
        )),
    });
    out.kind("who", kind, span);
    out.pattern.items = items("v", "who", &["place", "date", "status", "docs"], span);
    out.edge = Some("v");
}

fn discussed(out: &mut Lowered, who: &Name, span: Span) {
    out.pattern.parts.push(Part {
        left: node(None, None, Some(who), who.span),
        right: Some((
            rel("d", "DISCUSSED|MET", Direction::Both, span),
            node(None, None, None, span),
        )),
    });
    out.pattern.items = vec![
        prop_item("d", "topics", Some("what"), span),
        prop_item("d", "with", None, span),
        prop_item("d", "docs", None, span),
    ];
    out.edge = Some("d");
}

fn said(out: &mut Lowered, who: &Name, span: Span) {
    out.pattern.parts.push(Part {
        left: node(None, None, Some(who), who.span),
        right: Some((
            rel("s", "SAID", Direction::Right, span),
            node(Some("quote"), None, None, span),
        )),
    });
    out.pattern.items = items("s", "quote", &["topics", "date", "docs"], span);
    out.edge = Some("s");
}

/// `who said anything about T`: every statement, with its speaker.
fn speakers(out: &mut Lowered, span: Span) {
    out.pattern.parts.push(Part {
        left: node(Some("who"), None, None, span),
        right: Some((
            rel("s", "SAID", Direction::Right, span),
            node(Some("quote"), None, None, span),
        )),
    });
    out.pattern.items = vec![var_item("who", span), var_item("quote", span)];
    out.pattern.items.extend(
        ["topics", "date", "docs"]
            .iter()
            .map(|k| prop_item("s", k, None, span)),
    );
    out.edge = Some("s");
}

/// `who is the president of Brazil`: who holds that title there.
fn holder(out: &mut Lowered, title: &Name, of: &Name, span: Span) {
    out.pattern.parts.push(Part {
        left: node(Some("who"), None, None, span),
        right: Some((
            rel("r", "HOLDS_ROLE", Direction::Right, span),
            node(None, None, Some(of), of.span),
        )),
    });
    out.pattern.conditions.push(Condition::Compare {
        property: prop("r", "role", title.span),
        op: Op::Eq,
        value: Literal::Text(title.clone()),
    });
    out.pattern.items = items("r", "who", &["role", "date", "docs"], span);
}

fn describe(out: &mut Lowered, v: &str, who: &Name, span: Span) {
    out.pattern.parts.push(Part {
        left: node(Some(v), None, Some(who), who.span),
        right: None,
    });
    out.pattern.items = items(
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

fn when(out: &mut Lowered, who: &Name, event: Event, other: &Name, ask: Ask, span: Span) {
    let (e, types, v, direction): (&'static str, &str, &str, Direction) = match event {
        Event::Met => ("m", "MET", "who", Direction::Both),
        Event::Called => ("c", "CALLED", "who", Direction::Both),
        Event::Visited => ("v", "VISITED", "where", Direction::Right),
    };
    out.pattern.parts.push(Part {
        left: node(None, None, Some(who), who.span),
        right: Some((
            rel(e, types, direction, span),
            node(Some(v), None, None, span),
        )),
    });
    // A place is named with the places within it: `when did Kerry visit Russia` finds Moscow.
    let op = if event == Event::Visited {
        Op::Within
    } else {
        Op::Eq
    };
    out.pattern.conditions.push(Condition::Compare {
        property: prop(v, "name", span),
        op,
        value: Literal::Text(other.clone()),
    });
    let place = if event == Event::Met {
        Some("place")
    } else {
        None
    };
    let (first, rest): (Item, Vec<&str>) = match ask {
        Ask::When => (
            prop_item(e, "date", Some("when"), span),
            place.into_iter().chain(["status", "docs"]).collect(),
        ),
        Ask::Where => (
            prop_item(e, "place", Some("where"), span),
            vec!["date", "status", "docs"],
        ),
        Ask::Whether => (
            var_item(v, span),
            ["date"]
                .into_iter()
                .chain(place)
                .chain(["status", "docs"])
                .collect(),
        ),
    };
    out.pattern.items = vec![first];
    if ask != Ask::Whether {
        out.pattern.items.push(var_item(v, span));
    }
    out.pattern
        .items
        .extend(rest.iter().map(|k| prop_item(e, k, None, span)));
    out.edge = Some(e);
}

fn hops(max: u64, span: Span) -> Option<Hops> {
    Some(Hops {
        min: 1,
        max: Some(u32::try_from(max).unwrap_or(u32::MAX)),
        span,
    })
}

fn path(
    out: &mut Lowered,
    (from, to): (&Name, &Name),
    max: Option<Number>,
    via: &[RelationWord],
    span: Span,
) {
    let hops_span = max.map_or(span, |n| n.span);
    let max = max.map_or(u64::from(super::plan::DEFAULT_MAX_HOPS), |n| n.value);
    let mut r = rel("r", &via_types(via), Direction::Both, span);
    r.hops = hops(max, hops_span);
    out.pattern.parts.push(Part {
        left: node(None, None, Some(from), from.span),
        right: Some((r, node(None, None, Some(to), to.span))),
    });
    out.pattern.items = vec![var_item("r", span)];
}

fn neighbours(
    out: &mut Lowered,
    which: Which,
    of: &Name,
    depth: Option<Number>,
    via: &[RelationWord],
    span: Span,
) {
    let (label, kind) = label_kind(which);
    let hops_span = depth.map_or(span, |n| n.span);
    // `which organisations are linked to X`: discussions link too.
    let types = match which {
        Some(_) if via.is_empty() => LINKED_VIA.to_string(),
        _ => via_types(via),
    };
    let mut r = rel("r", &types, Direction::Both, span);
    r.hops = hops(depth.map_or(1, |n| n.value), hops_span);
    out.pattern.parts.push(Part {
        left: node(None, None, Some(of), of.span),
        right: Some((r, node(Some("neighbour"), label, None, span))),
    });
    out.kind("neighbour", kind, span);
    out.pattern.items = vec![
        var_item("neighbour", span),
        prop_item("neighbour", "type", None, span),
        prop_item("r", "hops", None, span),
        prop_item("r", "type", Some("via"), span),
    ];
}

fn count(
    out: &mut Lowered,
    what: &TypeWord,
    that: Option<&(RelationWord, Name)>,
    agent_first: bool,
    span: Span,
) {
    let (label, kind) = type_of(&what.word);
    let v = answer_var(what);
    let counted = node(Some(v), Some(label), None, what.span);
    let part = match that {
        None => Part {
            left: counted,
            right: None,
        },
        Some((verb, name)) => {
            let types = relation_of(&verb.word);
            let direction = if types == "MET" || types == "CALLED" {
                Direction::Both
            } else {
                Direction::Right
            };
            out.edge = Some("e");
            let named = node(None, None, Some(name), name.span);
            let e = rel("e", types, direction, verb.span);
            if agent_first {
                Part {
                    left: named,
                    right: Some((e, counted)),
                }
            } else {
                Part {
                    left: counted,
                    right: Some((e, named)),
                }
            }
        }
    };
    out.pattern.parts.push(part);
    out.kind(v, kind, span);
    out.pattern.items = vec![Item {
        expr: Expr::CountAll(span),
        alias: None,
    }];
}

fn top(out: &mut Lowered, n: Number, what: &TypeWord, by: Ranking, span: Span) {
    let (label, kind) = type_of(&what.word);
    let v = answer_var(what);
    out.pattern.parts.push(Part {
        left: node(Some(v), Some(label), None, what.span),
        right: None,
    });
    out.kind(v, kind, span);
    let key = by.as_str();
    out.pattern.items = items(v, v, &[key], span);
    if by == Ranking::Degree {
        out.pattern.items.push(prop_item(v, "mentions", None, span));
    }
    out.pattern.order = Some(Order {
        expr: Expr::Property(prop(v, key, span)),
        descending: true,
    });
    out.pattern.limit = Some(n);
}

/// `list documents`: the articles, newest first.
fn documents(out: &mut Lowered, span: Span) {
    out.pattern.parts.push(Part {
        left: node(Some("d"), Some("Document"), None, span),
        right: None,
    });
    out.pattern.items = vec![
        var_item("d", span),
        prop_item("d", "date", None, span),
        prop_item("d", "title", None, span),
        prop_item("d", "relations", None, span),
    ];
    out.pattern.order = Some(Order {
        expr: Expr::Property(prop("d", "date", span)),
        descending: true,
    });
    out.edge = Some("d");
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

fn filter_conditions(conditions: &mut Vec<Condition>, e: &str, filter: &Filter, documents: bool) {
    let span = filter.span;
    let compare = |key: &str, op: Op, value: Literal| Condition::Compare {
        property: prop(e, key, span),
        op,
        value,
    };
    let member = |value: &Name, key: &str| Condition::In {
        value: Literal::Text(value.clone()),
        property: prop(e, key, span),
    };
    match (&filter.kind, &filter.arg) {
        (_, FilterArg::Topics { topics, any }) => {
            let each = topics.iter().map(|t| member(t, "topics"));
            if *any && topics.len() > 1 {
                conditions.push(Condition::Any(each.collect()));
            } else {
                conditions.extend(each);
            }
        }
        (FilterKind::With, FilterArg::Name(name)) => conditions.push(member(name, "with")),
        (FilterKind::Source, FilterArg::Name(name)) => {
            conditions.push(compare("source", Op::Eq, Literal::Text(name.clone())));
        }
        (_, FilterArg::Name(name)) => {
            conditions.push(compare("place", Op::Within, Literal::Text(name.clone())));
        }
        (kind, FilterArg::Dates(first, second)) => {
            let key = if filter.published && !documents {
                "published"
            } else {
                "date"
            };
            let first = date_literal(first);
            match kind {
                FilterKind::Since => conditions.push(compare(key, Op::Ge, first)),
                FilterKind::Before => conditions.push(compare(key, Op::Lt, first)),
                FilterKind::After => conditions.push(compare(key, Op::Gt, first)),
                FilterKind::Between => {
                    conditions.push(compare(key, Op::Ge, first));
                    if let Some(second) = second {
                        conditions.push(compare(key, Op::Le, date_literal(second)));
                    }
                }
                _ => conditions.push(compare(key, Op::Eq, first)),
            }
        }
    }
}
