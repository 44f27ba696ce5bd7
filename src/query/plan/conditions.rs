//! The `where` conditions of a pattern, sorted by what they are on: the relationship (its
//! events' topics, places, dates, status, articles), the answer node or the second node of a
//! scan of relationships, or the documents of `list documents`.

use crate::graph::{KnowledgeGraph, Resolution, word_stems};
use crate::model::Date;
use crate::names::normalize;

use super::names::{Names, entity, unknown, unsupported};
use super::shape::Vars;
use super::{
    AGENTS, DateCondition, DocumentFilter, EdgeKey, EvidenceFilter, NodeCondition, NodeKey,
    PlaceCondition, Plan, Result, STATUSES, Shape, Term, edge_property, node_property,
};
use crate::query::ast::{Condition, Ident, Literal, Name, NodePattern, Op, Pattern, Property};
use crate::query::error::{QueryError, or_list};
use crate::query::places::Area;

/// Which variable a property is on.
pub(super) enum On {
    Answer,
    Second,
    Edge,
    Document,
    Fixed(crate::graph::NodeId),
}

pub(super) fn on(vars: &Vars<'_>, var: &Ident) -> Result<On> {
    if vars.answer == Some(var.text.as_str()) {
        return Ok(On::Answer);
    }
    if vars.second == Some(var.text.as_str()) {
        return Ok(On::Second);
    }
    if vars.document == Some(var.text.as_str()) {
        return Ok(On::Document);
    }
    if vars.edges.contains(&var.text.as_str()) {
        return Ok(On::Edge);
    }
    if let Some((_, id)) = vars.fixed.iter().find(|(v, _)| *v == var.text) {
        return Ok(On::Fixed(*id));
    }
    let mut known: Vec<&str> = vars.answer.into_iter().chain(vars.second).collect();
    known.extend(vars.document);
    known.extend(&vars.edges);
    known.extend(vars.fixed.iter().map(|(v, _)| *v));
    let error = QueryError::new(
        format!("unknown variable `{}`", var.text),
        var.span,
        "not in the pattern",
    );
    Err(match super::names::closest(&var.text, &known) {
        Some(best) => error.with_help(format!("did you mean `{best}`?")),
        None if known.is_empty() => {
            error.with_help("name a node or relationship in the pattern, as in `(p)` or `-[m]-`")
        }
        None => error.with_help(format!(
            "the pattern names {}",
            or_list(&known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>())
        )),
    })
}

fn literal_text(value: &Literal) -> Option<&Name> {
    match value {
        Literal::Text(name) => Some(name),
        _ => None,
    }
}

fn needs(value: &Literal, what: &str) -> QueryError {
    QueryError::new(
        format!("expected {what} here"),
        value.span(),
        "wrong kind of value",
    )
}

/// One condition taken apart: the property, the operator, the value, and whether it is a
/// membership (`"T" in r.topics`).
fn parts(condition: &Condition) -> Option<(&Property, Op, &Literal, bool)> {
    match condition {
        Condition::Compare {
            property,
            op,
            value,
        } => Some((property, *op, value, false)),
        Condition::In { value, property } => Some((property, Op::Eq, value, true)),
        Condition::Any(_) => None,
    }
}

pub(super) fn conditions(
    names: &mut Names<'_>,
    pattern: &Pattern,
    vars: &Vars<'_>,
    plan: &mut Plan,
) -> Result<()> {
    let mut filter = EvidenceFilter::default();
    let mut documents = DocumentFilter::default();
    for condition in &pattern.conditions {
        if let Condition::Any(alternatives) = condition {
            filter
                .about
                .push(any_topic(names.graph, vars, alternatives)?);
            continue;
        }
        let Some((property, op, value, member)) = parts(condition) else {
            continue;
        };
        match on(vars, &property.var)? {
            On::Edge => {
                if !matches!(plan.shape, Shape::Star(_) | Shape::Pairs(_)) {
                    return Err(unsupported(
                        property.span(),
                        "conditions on a relationship are for single-hop patterns",
                    ));
                }
                edge_condition(names, &mut filter, plan, (property, op, value, member))?;
            }
            side @ (On::Answer | On::Second) => {
                let second = matches!(side, On::Second);
                node_condition(names, plan, (property, op, value, member), second)?;
            }
            On::Document => document_condition(&mut documents, (property, op, value, member))?,
            On::Fixed(_) => {
                return Err(unsupported(
                    property.span(),
                    "conditions on a named node (it is already one node)",
                ));
            }
        }
    }
    match &mut plan.shape {
        Shape::Star(star) => star.filter = filter,
        Shape::Pairs(pairs) => pairs.filter = filter,
        Shape::Documents(filter) => *filter = documents,
        _ => {}
    }
    Ok(())
}

/// `("A" in r.topics or "B" in r.topics)`: a group of topics of which one must hold.
fn any_topic(
    graph: &KnowledgeGraph,
    vars: &Vars<'_>,
    alternatives: &[Condition],
) -> Result<Vec<Term>> {
    let mut terms = Vec::new();
    for alternative in alternatives {
        let topic = match alternative {
            Condition::In { value, property }
                if property.key.text == "topics"
                    && matches!(on(vars, &property.var)?, On::Edge) =>
            {
                literal_text(value).ok_or_else(|| needs(value, "a quoted topic"))?
            }
            other => {
                let span = match other {
                    Condition::Compare { property, .. } | Condition::In { property, .. } => {
                        property.span()
                    }
                    Condition::Any(_) => value_span(other),
                };
                return Err(unsupported(
                    span,
                    "`or` joins topics of one relationship only: `(\"A\" in r.topics or \"B\" in r.topics)`",
                ));
            }
        };
        terms.push(Term::resolve(graph, topic)?);
    }
    Ok(terms)
}

fn value_span(condition: &Condition) -> crate::text::Span {
    match condition {
        Condition::Compare { value, .. } | Condition::In { value, .. } => value.span(),
        Condition::Any(inner) => inner
            .first()
            .map_or_else(|| crate::text::Span::new(0, 0), value_span),
    }
}

/// A list property is used with `in`, a single one compared: or an error saying which.
fn check_membership(property: &Property, key: EdgeKey, member: bool) -> Result<()> {
    let list_key = matches!(key, EdgeKey::Topics | EdgeKey::With);
    if member == list_key {
        return Ok(());
    }
    let help = if list_key {
        format!(
            "`{}` is a list: write `\"...\" in {property}`",
            property.key.text
        )
    } else {
        format!("compare it: `{property} = ...`")
    };
    Err(QueryError::new(
        format!("`{property}` cannot be used this way"),
        property.span(),
        if list_key { "a list" } else { "a single value" },
    )
    .with_help(help))
}

/// A date literal as its first and last day.
fn date_range(value: &Literal) -> Result<(Date, Date)> {
    let (first, last) = match value {
        Literal::Date(date) => (date.first_day(), date.last_day()),
        Literal::Number(n) if (1000..=9999).contains(&n.value) => {
            (format!("{}-01-01", n.value), format!("{}-12-31", n.value))
        }
        _ => return Err(needs(value, "a date such as `2016-03-24`")),
    };
    let day = |iso: String| {
        iso.parse::<Date>()
            .map_err(|_| needs(value, "a date such as `2016-03-24`"))
    };
    Ok((day(first)?, day(last)?))
}

fn date_condition(op: Op, value: &Literal) -> Result<DateCondition> {
    if op == Op::Within {
        return Err(needs(
            value,
            "a place after `within`; compare dates with `=`, `<`, `>=`",
        ));
    }
    let (first, last) = date_range(value)?;
    Ok(DateCondition { op, first, last })
}

/// `=` or `<>` only, for a property that has no order.
fn equality(op: Op, value: &Literal, what: &str) -> Result<bool> {
    match op {
        Op::Eq => Ok(true),
        Op::Ne => Ok(false),
        _ => Err(needs(value, &format!("`=` or `<>` before {what}"))),
    }
}

fn edge_condition(
    names: &mut Names<'_>,
    filter: &mut EvidenceFilter,
    plan: &mut Plan,
    (property, op, value, member): (&Property, Op, &Literal, bool),
) -> Result<()> {
    let graph = names.graph;
    let key = edge_property(property)?;
    check_membership(property, key, member)?;
    let text = || literal_text(value);
    match key {
        EdgeKey::Topics => {
            let name = text().ok_or_else(|| needs(value, "a quoted topic"))?;
            filter.about.push(vec![Term::resolve(graph, name)?]);
        }
        EdgeKey::With => {
            let name = text().ok_or_else(|| needs(value, "a quoted name"))?;
            let node = NodePattern {
                var: None,
                label: None,
                name: Some(name.clone()),
                span: name.span,
            };
            let id = entity(names, &node, AGENTS).map_err(|e| {
                if name.text.eq_ignore_ascii_case("evidence") {
                    e.with_help("to see the evidence, end the question with `with evidence`")
                } else {
                    e
                }
            })?;
            filter.with.push(id);
        }
        EdgeKey::Place | EdgeKey::Country => {
            let name = text().ok_or_else(|| needs(value, "a quoted place"))?;
            let within = op == Op::Within || key == EdgeKey::Country;
            let equal = op == Op::Within || equality(op, value, "a place")?;
            let area = place(graph, name)?;
            filter.place.push(PlaceCondition {
                area,
                within,
                equal,
            });
        }
        EdgeKey::Status => {
            let name = text().ok_or_else(|| needs(value, "a quoted status"))?;
            let status = STATUSES
                .into_iter()
                .find(|s| s.as_str().eq_ignore_ascii_case(&name.text))
                .ok_or_else(|| {
                    QueryError::new(
                        format!("unknown status `{}`", name.text),
                        name.span,
                        "not a status",
                    )
                    .with_help("the statuses are `happened`, `reported`, `planned` and `denied`")
                })?;
            filter
                .status
                .push((status, equality(op, value, "a status")?));
            plan.keep_denied = true;
        }
        EdgeKey::Date => filter.dates.push(date_condition(op, value)?),
        EdgeKey::Published => filter.published.push(date_condition(op, value)?),
        EdgeKey::Source => {
            let name = text().ok_or_else(|| needs(value, "a quoted source"))?;
            if !equality(op, value, "a source")? {
                return Err(needs(value, "`=` before a source"));
            }
            filter.source.push(normalize(&name.text));
        }
        EdgeKey::Confidence => {
            let thousandths = match value {
                Literal::Fraction(f) => f.thousandths,
                Literal::Number(n) => n.value.saturating_mul(1000),
                _ => return Err(needs(value, "a number from 0 to 1, as `0.8`")),
            };
            if thousandths > 1000 || op == Op::Within {
                return Err(needs(
                    value,
                    "a comparison with a number from 0 to 1, as `>= 0.8`",
                ));
            }
            filter.confidence.push((op, thousandths));
        }
        EdgeKey::Role => {
            let name = text().ok_or_else(|| needs(value, "a quoted title"))?;
            if !equality(op, value, "a title")? {
                return Err(needs(value, "`=` before a title"));
            }
            filter.role.push(word_stems(&name.text));
        }
        _ => {
            return Err(unsupported(
                property.span(),
                "conditions on this property are not supported",
            ));
        }
    }
    Ok(())
}

/// The place a name stands for, or an error under it with the closest places.
pub(super) fn place(graph: &KnowledgeGraph, name: &Name) -> Result<Area> {
    if let Some(area) = Area::resolve(graph, &name.text) {
        return Ok(area);
    }
    let folded = normalize(&name.text);
    let close = graph.closest_names(&folded, 6);
    let places: Vec<String> = close
        .iter()
        .filter(|c| {
            matches!(graph.lookup(c), Resolution::One(id)
                if graph.node(id).kind == crate::model::EntityKind::Place)
        })
        .take(3)
        .cloned()
        .collect();
    let suggestions = if places.is_empty() {
        close.into_iter().take(3).collect()
    } else {
        places
    };
    let error = unknown(name, &suggestions);
    Err(QueryError {
        message: format!("no place named `{}`", name.text),
        label: "neither in the graph nor in the gazetteer".to_string(),
        ..error
    })
}

fn node_condition(
    names: &mut Names<'_>,
    plan: &mut Plan,
    (property, op, value, member): (&Property, Op, &Literal, bool),
    second: bool,
) -> Result<()> {
    let key = node_property(property)?;
    if member {
        return Err(QueryError::new(
            format!("`{property}` is not a list"),
            property.span(),
            "a single value",
        )
        .with_help(format!("compare it: `{property} = ...`")));
    }
    let condition = match (key, value) {
        (NodeKey::Name, Literal::Property(other)) if other.key.text == "name" && !second => {
            if !matches!(plan.shape, Shape::Pairs(_)) || matches!(op, Op::Within) {
                return Err(unsupported(
                    other.span(),
                    "a name is compared to another only between the two ends of a relationship",
                ));
            }
            plan.pair_order = Some(op);
            return Ok(());
        }
        (_, Literal::Property(other)) => {
            return Err(unsupported(
                other.span(),
                "a node's name is compared with the other end's name only: `a.name < b.name`",
            ));
        }
        // A name means what it means everywhere: through aliases and surnames.
        (NodeKey::Name, Literal::Text(name)) if op == Op::Within => {
            NodeCondition::Within(place(names.graph, name)?)
        }
        (NodeKey::Name, Literal::Text(name)) if matches!(op, Op::Eq | Op::Ne) => {
            let ids = match names.resolve(&name.text) {
                Resolution::One(id) => vec![id],
                Resolution::Ambiguous(ids) => ids,
                Resolution::Unknown(suggestions) => return Err(unknown(name, &suggestions)),
            };
            NodeCondition::Among(ids, op == Op::Eq)
        }
        (_, _) if op == Op::Within => {
            return Err(unsupported(
                property.span(),
                "`within` takes a name: `p.name within \"Russia\"`",
            ));
        }
        (NodeKey::Name | NodeKey::Type | NodeKey::Kind | NodeKey::Country, Literal::Text(text)) => {
            NodeCondition::Text(key, op, normalize(&text.text))
        }
        (
            NodeKey::Mentions | NodeKey::Degree | NodeKey::Docs | NodeKey::Count(_),
            Literal::Number(n),
        ) => NodeCondition::Number(key, op, n.value),
        (NodeKey::Name | NodeKey::Type | NodeKey::Kind | NodeKey::Country, _) => {
            return Err(needs(value, "a quoted text"));
        }
        (NodeKey::Roles | NodeKey::Aliases, _) => {
            return Err(unsupported(
                property.span(),
                "conditions on roles and aliases are not supported",
            ));
        }
        _ => return Err(needs(value, "a number")),
    };
    if second {
        plan.second_conditions.push(condition);
    } else {
        plan.node_conditions.push(condition);
    }
    Ok(())
}

fn document_condition(
    filter: &mut DocumentFilter,
    (property, op, value, member): (&Property, Op, &Literal, bool),
) -> Result<()> {
    let key = property.key.text.as_str();
    match key {
        "date" if !member => filter.dates.push(date_condition(op, value)?),
        "source" | "id" | "title" if !member && op == Op::Eq => {
            let name = literal_text(value).ok_or_else(|| needs(value, "a quoted source"))?;
            filter.source.push(normalize(&name.text));
        }
        "source" | "id" | "title" if !member => {
            return Err(needs(value, "`=` before a source"));
        }
        _ => {
            return Err(QueryError::new(
                format!("a document has no condition on `{key}`"),
                property.span(),
                "not a document condition",
            )
            .with_help(
                "a document is narrowed by its date (`since 2016`) and its source \
                 (`from source \"bbc\"`)",
            ));
        }
    }
    Ok(())
}
