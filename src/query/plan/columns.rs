//! The columns a pattern returns, and the one `order by` sorts on.

use super::conditions::{On, on};
use super::names::unsupported;
use super::shape::Vars;
use super::{
    Column, ColumnValue, DOCUMENT_KEYS, DocumentKey, EdgeKey, Plan, Result, Shape, document_key,
    edge_property, key_error, node_property,
};
use crate::query::ast::{Expr, Pattern, Property};
use crate::query::error::{QueryError, or_list};
use crate::query::lower::column_name;

fn document_property(property: &Property) -> Result<DocumentKey> {
    document_key(&property.key.text)
        .ok_or_else(|| key_error(&property.key, "a document", DOCUMENT_KEYS))
}

pub(super) fn columns(pattern: &Pattern, vars: &Vars<'_>, plan: &mut Plan) -> Result<()> {
    let path = matches!(plan.shape, Shape::Path { .. });
    for item in &pattern.items {
        let (name, value) = match &item.expr {
            Expr::CountAll(_) => {
                plan.count = true;
                ("count".to_string(), ColumnValue::Count)
            }
            Expr::Var(v) => {
                let value = match on(vars, v)? {
                    On::Document => ColumnValue::Document(DocumentKey::Id),
                    On::Answer => ColumnValue::Answer,
                    On::Second => ColumnValue::Second,
                    On::Fixed(id) => ColumnValue::Fixed(id),
                    On::Edge if path => ColumnValue::Hops,
                    On::Edge => {
                        return Err(QueryError::new(
                            format!("`{}` is a relationship: return its properties", v.text),
                            v.span,
                            "a relationship",
                        )
                        .with_help(format!("for example `{0}.date, {0}.status`", v.text)));
                    }
                };
                (v.text.clone(), value)
            }
            Expr::Property(p) => {
                let value = match on(vars, &p.var)? {
                    On::Document => ColumnValue::Document(document_property(p)?),
                    On::Answer => ColumnValue::AnswerProperty(node_property(p)?),
                    On::Second => ColumnValue::SecondProperty(node_property(p)?),
                    On::Fixed(id) => ColumnValue::FixedProperty(id, node_property(p)?),
                    On::Edge => {
                        let key = edge_property(p)?;
                        if key == EdgeKey::Hops && !matches!(plan.shape, Shape::Neighbours { .. }) {
                            return Err(unsupported(
                                p.span(),
                                "`hops` is known for a variable-length relationship only",
                            ));
                        }
                        ColumnValue::Edge(key)
                    }
                };
                (p.key.text.clone(), value)
            }
        };
        // `return d.topics as what, ...`: one row a topic, the topic first.
        let by_topic = matches!(&plan.shape, Shape::Star(star) if star.by_topic);
        let value = if by_topic && plan.columns.is_empty() {
            ColumnValue::Answer
        } else {
            value
        };
        let name = item.alias.as_ref().map_or(name, |a| a.text.clone());
        if value == ColumnValue::Edge(EdgeKey::Status) {
            plan.keep_denied = true;
        }
        plan.columns.push(Column { name, value });
    }
    if plan.count && plan.columns.len() > 1 {
        return Err(unsupported(
            pattern.items[1].expr.span(),
            "`count(*)` must be returned alone",
        ));
    }
    if path && plan.columns.iter().any(|c| c.value != ColumnValue::Hops) {
        return Err(unsupported(
            pattern.span,
            "a path returns its relationship variable only: `return r`",
        ));
    }
    if let (true, Some(limit)) = (plan.count, &pattern.limit) {
        return Err(unsupported(
            limit.span,
            "a count is one number: a `limit` has nothing to cut",
        ));
    }
    order(pattern, vars, plan)
}

/// `order by`: the returned column it names, by its expression or its alias.
fn order(pattern: &Pattern, vars: &Vars<'_>, plan: &mut Plan) -> Result<()> {
    let Some(order) = &pattern.order else {
        return Ok(());
    };
    let wanted = order.expr.to_string();
    // A bare word that is no variable of the pattern (a question's `order by nonsense`):
    // only the columns are worth naming.
    let stray = matches!(&order.expr, Expr::Var(v) if on(vars, v).is_err());
    let index = pattern
        .items
        .iter()
        .position(|item| {
            item.expr.to_string() == wanted || item.alias.as_ref().is_some_and(|a| a.text == wanted)
        })
        .ok_or_else(|| {
            QueryError::new(
                format!("`order by {wanted}` names no returned column"),
                order.expr.span(),
                "not returned",
            )
            .with_help(format!(
                "{}order by a returned column: {}",
                if stray {
                    String::new()
                } else {
                    format!("add `{wanted}` to `return`, or ")
                },
                or_list(
                    &pattern
                        .items
                        .iter()
                        .map(|i| format!("`{}`", column_name(i)))
                        .collect::<Vec<_>>()
                )
            ))
        })?;
    plan.order = Some((index, order.descending));
    if plan.count {
        return Err(unsupported(
            order.expr.span(),
            "a count is one number: there is nothing to order",
        ));
    }
    Ok(())
}
