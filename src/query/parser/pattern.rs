//! Patterns: `match PART, ... where ... return ... order by ... limit N` as a tree.

use pest::iterators::Pair;

use super::question::*;
use super::{Result, Rule, bug, span_of};
use crate::query::ast::*;
use crate::query::error::QueryError;

fn ident_of(pair: &Pair<'_, Rule>) -> Ident {
    Ident {
        text: pair.as_str().to_string(),
        span: span_of(pair),
    }
}

pub(super) fn pattern_of(pair: Pair<'_, Rule>) -> Result<Pattern> {
    let span = span_of(&pair);
    let mut pattern = Pattern::new(span);
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::part => pattern.parts.push(part_of(part)?),
            Rule::where_clause => {
                for condition in part.into_inner().filter(|p| p.as_rule() == Rule::condition) {
                    pattern.conditions.push(condition_of(condition)?);
                }
            }
            Rule::return_clause => {
                for item in part.into_inner().filter(|p| p.as_rule() == Rule::item) {
                    pattern.items.push(item_of(item)?);
                }
            }
            Rule::order_by => {
                let mut order = Order {
                    expr: Expr::CountAll(span_of(&part)),
                    descending: false,
                };
                for piece in part.into_inner() {
                    match piece.as_rule() {
                        Rule::expression => order.expr = expr_of(piece)?,
                        Rule::kw_desc => order.descending = true,
                        _ => {}
                    }
                }
                pattern.order = Some(order);
            }
            Rule::limit => {
                let n = part.into_inner().find(|p| p.as_rule() == Rule::number);
                pattern.limit = n.map(|n| number_of(&n)).transpose()?;
            }
            _ => {}
        }
    }
    Ok(pattern)
}

fn part_of(pair: Pair<'_, Rule>) -> Result<Part> {
    let span = span_of(&pair);
    let mut nodes = Vec::new();
    let mut rel = None;
    for piece in pair.into_inner() {
        match piece.as_rule() {
            Rule::node => nodes.push(node_of(piece)?),
            Rule::relationship => rel = Some(rel_of(piece)?),
            _ => {}
        }
    }
    let mut nodes = nodes.into_iter();
    let left = nodes.next().ok_or_else(|| bug(span))?;
    let right = match (rel, nodes.next()) {
        (Some(rel), Some(node)) => Some((rel, node)),
        _ => None,
    };
    Ok(Part { left, right })
}

fn node_of(pair: Pair<'_, Rule>) -> Result<NodePattern> {
    let mut node = NodePattern {
        var: None,
        label: None,
        name: None,
        span: span_of(&pair),
    };
    for piece in pair.into_inner() {
        match piece.as_rule() {
            Rule::variable => node.var = Some(ident_of(&piece)),
            Rule::label => node.label = Some(ident_of(&piece)),
            Rule::properties => {
                for p in piece.into_inner() {
                    match p.as_rule() {
                        Rule::key if p.as_str() != "name" => {
                            return Err(QueryError::new(
                                format!("a node cannot be matched by `{}`", p.as_str()),
                                span_of(&p),
                                "unknown property",
                            )
                            .with_help("match a node by its name: `{name: \"John Kerry\"}`"));
                        }
                        Rule::string => node.name = Some(short_name(unquote(p)?)?),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    Ok(node)
}

fn rel_of(pair: Pair<'_, Rule>) -> Result<RelPattern> {
    let span = span_of(&pair);
    let mut rel = RelPattern {
        var: None,
        types: Vec::new(),
        direction: Direction::Both,
        hops: None,
        span,
    };
    let (mut left, mut right) = (false, false);
    for piece in pair.into_inner() {
        match piece.as_rule() {
            Rule::left => left = true,
            Rule::right => right = true,
            Rule::variable => rel.var = Some(ident_of(&piece)),
            Rule::label => rel.types.push(ident_of(&piece)),
            Rule::hops => {
                let hops_span = span_of(&piece);
                let (mut min, mut max, mut range) = (None, None, false);
                for h in piece.into_inner() {
                    let parse = |h: &Pair<'_, Rule>| {
                        h.as_str()
                            .parse::<u32>()
                            .map_err(|_| QueryError::new("too many hops", span_of(h), "too large"))
                    };
                    match h.as_rule() {
                        Rule::hop_min => min = Some(parse(&h)?),
                        Rule::hop_max => max = Some(parse(&h)?),
                        Rule::range => range = true,
                        _ => {}
                    }
                }
                let (min, max) = match (min, range, max) {
                    (Some(n), false, _) => (n, Some(n)),
                    (min, _, max) => (min.unwrap_or(1), max),
                };
                rel.hops = Some(Hops {
                    min,
                    max,
                    span: hops_span,
                });
            }
            _ => {}
        }
    }
    rel.direction = match (left, right) {
        (true, true) => {
            return Err(QueryError::new(
                "a relationship points one way or both",
                span,
                "arrows at both ends",
            )
            .with_help("write `-[...]->`, `<-[...]-`, or `-[...]-` for either way"));
        }
        (true, false) => Direction::Left,
        (false, true) => Direction::Right,
        (false, false) => Direction::Both,
    };
    Ok(rel)
}

fn property_of(pair: Pair<'_, Rule>) -> Result<Property> {
    let span = span_of(&pair);
    let mut inner = pair.into_inner();
    match (inner.next(), inner.next()) {
        (Some(var), Some(key)) => Ok(Property {
            var: ident_of(&var),
            key: ident_of(&key),
        }),
        _ => Err(bug(span)),
    }
}

fn literal_of(pair: Pair<'_, Rule>) -> Result<Literal> {
    let span = span_of(&pair);
    let inner = pair.into_inner().next().ok_or_else(|| bug(span))?;
    Ok(match inner.as_rule() {
        Rule::string => Literal::Text(short_name(unquote(inner)?)?),
        Rule::number => Literal::Number(number_of(&inner)?),
        Rule::fraction => Literal::Fraction(fraction_of(&inner)?),
        Rule::property => Literal::Property(property_of(inner)?),
        _ => {
            let text = inner.as_str().to_string();
            let probe = if text.len() == 7 {
                format!("{text}-01")
            } else {
                text.clone()
            };
            if jiff::civil::Date::strptime("%Y-%m-%d", &probe).is_err() {
                return Err(QueryError::new(
                    format!("`{text}` is not a date"),
                    span,
                    "no such day",
                ));
            }
            Literal::Date(DateLit { iso: text, span })
        }
    })
}

fn condition_of(pair: Pair<'_, Rule>) -> Result<Condition> {
    let span = span_of(&pair);
    let (mut property, mut op, mut value) = (None, None, None);
    let mut membership = false;
    for piece in pair.into_inner() {
        match piece.as_rule() {
            Rule::property => property = Some(property_of(piece)?),
            Rule::operator => {
                op = Some(match piece.as_str().to_ascii_lowercase().as_str() {
                    "within" => Op::Within,
                    "=" => Op::Eq,
                    "<>" | "!=" => Op::Ne,
                    "<" => Op::Lt,
                    "<=" => Op::Le,
                    ">" => Op::Gt,
                    _ => Op::Ge,
                })
            }
            Rule::literal => value = Some(literal_of(piece)?),
            Rule::kw_in => membership = true,
            Rule::any_of => {
                let alternatives = piece
                    .into_inner()
                    .filter(|p| p.as_rule() == Rule::condition)
                    .map(condition_of)
                    .collect::<Result<Vec<_>>>()?;
                return Ok(Condition::Any(alternatives));
            }
            _ => {}
        }
    }
    let (Some(property), Some(value)) = (property, value) else {
        return Err(bug(span));
    };
    Ok(if membership {
        Condition::In { value, property }
    } else {
        Condition::Compare {
            property,
            op: op.ok_or_else(|| bug(span))?,
            value,
        }
    })
}

fn expr_of(pair: Pair<'_, Rule>) -> Result<Expr> {
    let span = span_of(&pair);
    let inner = pair.into_inner().next().ok_or_else(|| bug(span))?;
    Ok(match inner.as_rule() {
        Rule::count_all => Expr::CountAll(span_of(&inner)),
        Rule::property => Expr::Property(property_of(inner)?),
        _ => Expr::Var(ident_of(&inner)),
    })
}

fn item_of(pair: Pair<'_, Rule>) -> Result<Item> {
    let span = span_of(&pair);
    let mut expr = None;
    let mut alias = None;
    for piece in pair.into_inner() {
        match piece.as_rule() {
            Rule::expression => expr = Some(expr_of(piece)?),
            Rule::variable => alias = Some(ident_of(&piece)),
            _ => {}
        }
    }
    Ok(Item {
        expr: expr.ok_or_else(|| bug(span))?,
        alias,
    })
}

/// `0.8` in thousandths; at most three digits after the point.
fn fraction_of(pair: &Pair<'_, Rule>) -> Result<crate::query::ast::Fraction> {
    let span = span_of(pair);
    let text = pair.as_str();
    let (whole, part) = text.split_once('.').ok_or_else(|| bug(span))?;
    let too_fine = || {
        QueryError::new("this number has too many digits", span, "too many digits")
            .with_help("write at most three digits after the point, as `0.85`")
    };
    if part.len() > 3 || whole.len() > 6 {
        return Err(too_fine());
    }
    let whole: u64 = whole.parse().map_err(|_| too_fine())?;
    let part: u64 = format!("{part:0<3}").parse().map_err(|_| too_fine())?;
    Ok(crate::query::ast::Fraction {
        thousandths: whole * 1000 + part,
        span,
    })
}
