//! The shape of a pattern: which part is named, which is the answer, and so which walk the
//! evaluator does (a star, a scan of nodes or of relationships, a neighbourhood, a path, the
//! documents).

use crate::graph::NodeId;
use crate::model::{EntityKind, RelationKind};
use crate::text::Span;

use super::names::{Names, entity, flip, label, relation_types, unknown, unsupported};
use super::{
    AGENTS, Arm, DEFAULT_MAX_HOPS, DocumentFilter, EvidenceFilter, PLACES, Pairs, Plan, Result,
    Shape, Star, columns, conditions,
};
use crate::graph::Resolution;
use crate::query::ast::{Direction, Expr, NodePattern, Part, Pattern, RelPattern};
use crate::query::error::QueryError;
use crate::query::places::Area;
use crate::query::{MAX_COLUMNS, MAX_ROWS};

/// The variables of a pattern, by role.
#[derive(Default)]
pub(super) struct Vars<'p> {
    /// The answer variable.
    pub answer: Option<&'p str>,
    /// The relationship variables.
    pub edges: Vec<&'p str>,
    /// The second answer variable of a scan of relationships, `(a)-[r]-(b)`.
    pub second: Option<&'p str>,
    /// Named nodes' variables, with the node.
    pub fixed: Vec<(&'p str, NodeId)>,
    /// The document variable of `(d:Document)`.
    pub document: Option<&'p str>,
}

/// What the parts of a pattern have settled so far.
#[derive(Default)]
struct Walk<'p> {
    vars: Vars<'p>,
    shape: Option<Shape>,
    answer_kind: Option<EntityKind>,
    arms: Vec<Arm>,
    by_topic: bool,
}

/// True for the label of the documents, `(d:Document)`.
fn is_document(node: &NodePattern) -> bool {
    node.label
        .as_ref()
        .is_some_and(|l| l.text.eq_ignore_ascii_case("document"))
}

pub(super) fn plan_with(names: &mut Names<'_>, pattern: &Pattern) -> Result<Plan> {
    few_columns(pattern)?;
    check_parts(pattern)?;
    let first_is_topics = matches!(
        pattern.items.first().map(|i| &i.expr),
        Some(Expr::Property(p)) if p.key.text == "topics"
    );
    let mut walk = Walk::default();
    for part in &pattern.parts {
        let Some((rel, right)) = &part.right else {
            lone_node(names, pattern, &part.left, &mut walk)?;
            continue;
        };
        let kinds = relation_types(rel)?;
        if let Some(v) = &rel.var {
            walk.vars.edges.push(&v.text);
        }
        match (&part.left.name, &right.name) {
            (Some(_), None) => {
                star_part(names, pattern, (&part.left, rel, right), kinds, &mut walk)?;
                walk.by_topic = first_is_topics;
            }
            (None, Some(_)) => {
                let mut flipped = rel.clone();
                flipped.direction = flip(rel.direction);
                star_part(
                    names,
                    pattern,
                    (right, &flipped, &part.left),
                    kinds,
                    &mut walk,
                )?;
                walk.by_topic = first_is_topics;
            }
            (Some(_), Some(_)) => path_part(names, pattern, part, rel, kinds, &mut walk)?,
            (None, None) => pairs_part(pattern, part, rel, kinds, &mut walk)?,
        }
    }
    let shape = walk.shape.take().unwrap_or_else(|| {
        Shape::Star(Star {
            arms: std::mem::take(&mut walk.arms),
            kind: walk.answer_kind,
            by_topic: walk.by_topic,
            filter: EvidenceFilter::default(),
        })
    });
    let mut plan = Plan {
        shape,
        node_conditions: Vec::new(),
        second_conditions: Vec::new(),
        columns: Vec::new(),
        order: None,
        limit: None,
        rows_span: parts_span(pattern),
        count: false,
        keep_denied: false,
        pair_order: None,
        chosen: Vec::new(),
    };
    conditions::conditions(names, pattern, &walk.vars, &mut plan)?;
    columns::columns(pattern, &walk.vars, &mut plan)?;
    plan.limit = limit(pattern)?;
    plan.chosen = std::mem::take(&mut names.chosen);
    Ok(plan)
}

/// Labels, relation types and hop ranges first, so that the first mistake in the text is the
/// one shown.
fn check_parts(pattern: &Pattern) -> Result<()> {
    for part in &pattern.parts {
        if !is_document(&part.left) {
            label(part.left.label.as_ref())?;
        }
        let Some((rel, right)) = &part.right else {
            continue;
        };
        relation_types(rel)?;
        if let Some(hops) = rel.hops {
            let max = hops.max.unwrap_or(DEFAULT_MAX_HOPS);
            if max == 0 {
                return Err(QueryError::new(
                    "a path or a neighbourhood needs at least one hop",
                    hops.span,
                    "zero hops",
                )
                .with_help("use 1 or more"));
            }
            if hops.min > max {
                return Err(QueryError::new(
                    "no number of hops fits this range",
                    hops.span,
                    "empty range",
                )
                .with_help("write a range such as `*1..3`"));
            }
        }
        label(right.label.as_ref())?;
    }
    Ok(())
}

/// `(x:Label)`, `(x {name: "..."})` or `(d:Document)`: a scan.
fn lone_node<'p>(
    names: &mut Names<'_>,
    pattern: &Pattern,
    node: &'p NodePattern,
    walk: &mut Walk<'p>,
) -> Result<()> {
    if pattern.parts.len() > 1 {
        return Err(unsupported(
            node.span,
            "a lone node must be the only part of a pattern",
        ));
    }
    if is_document(node) {
        walk.vars.document = node.var.as_ref().map(|v| v.text.as_str());
        walk.shape = Some(Shape::Documents(DocumentFilter::default()));
        return Ok(());
    }
    let kind = label(node.label.as_ref())?;
    let nodes = match &node.name {
        Some(name) => Some(match names.resolve(&name.text) {
            Resolution::One(id) => vec![id],
            Resolution::Ambiguous(ids) => ids,
            Resolution::Unknown(suggestions) => return Err(unknown(name, &suggestions)),
        }),
        None => None,
    };
    if let Some(v) = &node.var {
        walk.vars.answer = Some(&v.text);
    }
    walk.shape = Some(Shape::Scan { nodes, kind });
    Ok(())
}

/// A relationship between two named nodes: a shortest path.
fn path_part<'p>(
    names: &mut Names<'_>,
    pattern: &Pattern,
    part: &'p Part,
    rel: &RelPattern,
    kinds: Vec<RelationKind>,
    walk: &mut Walk<'p>,
) -> Result<()> {
    let Some((_, right)) = &part.right else {
        return Ok(());
    };
    let Some(hops) = rel.hops else {
        return Err(unsupported(
            rel.span,
            "a relationship between two named nodes must be variable-length (`*..4`): it asks for a path",
        ));
    };
    if pattern.parts.len() > 1 {
        return Err(unsupported(
            rel.span,
            "a path must be the only part of a pattern",
        ));
    }
    if hops.min > 1 {
        return Err(unsupported(
            hops.span,
            "a path between two named nodes is the shortest one: its range sets the \
             most hops (`*..4`), and `*0..4` also lets the two names be one entity",
        ));
    }
    let from = entity(names, &part.left, AGENTS)?;
    let to = entity(names, right, AGENTS)?;
    if from == to && hops.min > 0 {
        let span = right.name.as_ref().map_or(right.span, |n| n.span);
        let first = part.left.name.as_ref().map_or("", |n| n.text.as_str());
        return Err(QueryError::new(
            "a path joins two entities, and both names are one",
            span,
            format!("the same entity as `{first}`"),
        )
        .with_help(
            "name two entities; in a pattern, `*0..` accepts the path of no hops \
             from an entity to itself",
        ));
    }
    if let Some(v) = &part.left.var {
        walk.vars.fixed.push((&v.text, from));
    }
    if let Some(v) = &right.var {
        walk.vars.fixed.push((&v.text, to));
    }
    walk.shape = Some(Shape::Path {
        from,
        to,
        kinds,
        direction: rel.direction,
        max: hops.max.unwrap_or(DEFAULT_MAX_HOPS),
    });
    Ok(())
}

/// A relationship between two unnamed nodes: every such relationship.
fn pairs_part<'p>(
    pattern: &Pattern,
    part: &'p Part,
    rel: &RelPattern,
    kinds: Vec<RelationKind>,
    walk: &mut Walk<'p>,
) -> Result<()> {
    let Some((_, right)) = &part.right else {
        return Ok(());
    };
    if pattern.parts.len() > 1 || rel.hops.is_some() {
        return Err(unsupported(
            part.left.span,
            "a relationship between two unnamed nodes must be the only part, of one hop; \
             elsewhere each part needs a named node: `(x)-[:MET]-({name: \"Kerry\"})`",
        ));
    }
    if let (Some(a), Some(b)) = (&part.left.var, &right.var)
        && a.text == b.text
    {
        return Err(unsupported(b.span, "the two ends need two variables"));
    }
    walk.vars.answer = part.left.var.as_ref().map(|v| v.text.as_str());
    walk.vars.second = right.var.as_ref().map(|v| v.text.as_str());
    walk.shape = Some(Shape::Pairs(Pairs {
        kinds,
        direction: rel.direction,
        left: label(part.left.label.as_ref())?,
        right: label(right.label.as_ref())?,
        filter: EvidenceFilter::default(),
    }));
    Ok(())
}

/// A part from a named node (the anchor) to the answer: an arm of a star, or a neighbourhood.
fn star_part<'p>(
    names: &mut Names<'_>,
    pattern: &Pattern,
    (anchor, rel, free): (&'p NodePattern, &RelPattern, &'p NodePattern),
    kinds: Vec<RelationKind>,
    walk: &mut Walk<'p>,
) -> Result<()> {
    let direction = rel.direction;
    let to_place = matches!(
        (kinds.as_slice(), direction),
        ([RelationKind::Visited], Direction::Left)
    );
    let expected = if to_place { PLACES } else { AGENTS };
    let id = entity(names, anchor, expected)?;
    if let Some(v) = &anchor.var {
        walk.vars.fixed.push((&v.text, id));
    }
    if let Some(v) = &free.var {
        if walk.vars.answer.is_some_and(|a| a != v.text) {
            return Err(unsupported(
                v.span,
                "every part must lead to the same answer variable",
            ));
        }
        walk.vars.answer = Some(&v.text);
    }
    if let Some(l) = label(free.label.as_ref())? {
        walk.answer_kind = Some(l);
    }
    if let Some(hops) = rel.hops {
        if pattern.parts.len() > 1 {
            return Err(unsupported(
                rel.span,
                "a variable-length relationship must be the only part of a pattern",
            ));
        }
        walk.shape = Some(Shape::Neighbours {
            from: id,
            kinds,
            direction,
            min: hops.min,
            max: hops.max.unwrap_or(DEFAULT_MAX_HOPS),
            kind: walk.answer_kind,
        });
        return Ok(());
    }
    // A part written twice asks nothing more.
    if walk
        .arms
        .iter()
        .any(|a| a.anchor == id && a.kinds == kinds && a.direction == direction)
    {
        return Ok(());
    }
    // A visit to a place is a visit to it or to a place within it.
    let within = match (&anchor.name, to_place) {
        (Some(name), true) => places_within(names, &name.text, id),
        _ => Vec::new(),
    };
    walk.arms.push(Arm {
        anchor: id,
        within,
        kinds,
        direction,
    });
    Ok(())
}

/// The places visited that lie within the place named (other than itself).
fn places_within(names: &Names<'_>, name: &str, itself: NodeId) -> Vec<NodeId> {
    let graph = names.graph;
    let Some(area) = Area::resolve(graph, name) else {
        return Vec::new();
    };
    graph
        .nodes()
        .filter(|&(id, node)| {
            id != itself
                && matches!(node.kind, EntityKind::Place | EntityKind::Organization)
                && graph
                    .edges_of(id, Some(RelationKind::Visited))
                    .any(|(_, _, _, outgoing)| !outgoing)
                && area.contains_node(graph, id)
        })
        .map(|(id, _)| id)
        .collect()
}

/// The `limit`, checked: at least 1, at most [`MAX_ROWS`].
fn limit(pattern: &Pattern) -> Result<Option<usize>> {
    let Some(limit) = &pattern.limit else {
        return Ok(None);
    };
    if limit.value == 0 {
        return Err(
            QueryError::new("a limit of 0 leaves nothing to show", limit.span, "zero")
                .with_help("use a limit of 1 or more, or leave it out"),
        );
    }
    if limit.value > MAX_ROWS as u64 {
        return Err(QueryError::new(
            format!("too many rows: at most {MAX_ROWS}"),
            limit.span,
            "above the most rows an answer holds",
        )
        .with_help(format!(
            "ask for {MAX_ROWS} or fewer; a count (`count people`, `return count(*)`) has no limit"
        )));
    }
    Ok(Some(usize::try_from(limit.value).unwrap_or(MAX_ROWS)))
}

/// Where a pattern's matches are asked for: its parts (for a question, the whole question).
fn parts_span(pattern: &Pattern) -> Span {
    let first = pattern.parts.first().map(|p| p.left.span);
    let last = pattern
        .parts
        .last()
        .map(|p| p.right.as_ref().map_or(p.left.span, |(_, node)| node.span));
    match (first, last) {
        (Some(first), Some(last)) => {
            Span::new(first.start.min(last.start), first.end.max(last.end))
        }
        _ => pattern.span,
    }
}

/// At most [`MAX_COLUMNS`] columns: the first item past the limit and all after it are the
/// offending part.
fn few_columns(pattern: &Pattern) -> Result<()> {
    let (Some(first), Some(last)) = (pattern.items.get(MAX_COLUMNS), pattern.items.last()) else {
        return Ok(());
    };
    let end = last
        .alias
        .as_ref()
        .map_or(last.expr.span().end, |a| a.span.end);
    Err(QueryError::new(
        format!("too many columns: at most {MAX_COLUMNS}"),
        Span::new(first.expr.span().start, end.max(first.expr.span().end)),
        match pattern.items.len() {
            n if n == MAX_COLUMNS + 1 => format!("column {n}"),
            n => format!("columns {} to {n}", MAX_COLUMNS + 1),
        },
    )
    .with_help("return fewer columns, or ask for the rest in another query"))
}
