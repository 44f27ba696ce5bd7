//! Names, labels and relation types of a pattern resolved against the graph, each with an
//! error under the part at fault.

use rustc_hash::FxHashMap;

use crate::graph::{KnowledgeGraph, NodeId, Resolution};
use crate::model::{EntityKind, RelationKind};
use crate::text::Span;

use super::Result;
use crate::query::ast::{Direction, Ident, Name, NodePattern, RelPattern};
use crate::query::error::{QueryError, or_list};

/// A name of the pattern and the entity it was taken to mean.
#[derive(Clone, Debug, PartialEq)]
pub(in crate::query) struct Chosen {
    /// The name as written.
    pub written: String,
    /// The entity taken.
    pub node: NodeId,
    /// Other entities the name may mean, when the most mentioned was taken.
    pub others: Vec<NodeId>,
}

/// The graph's names as one pattern asks for them: each distinct name is resolved once, however
/// often the pattern repeats it (`who met Reagan and Reagan and ...`).
pub(super) struct Names<'g> {
    pub graph: &'g KnowledgeGraph,
    /// Name as written -> how it resolved.
    pub seen: FxHashMap<String, Resolution>,
    /// The entities taken for named nodes, in the order resolved.
    pub chosen: Vec<Chosen>,
}

impl<'g> Names<'g> {
    pub fn new(graph: &'g KnowledgeGraph) -> Names<'g> {
        Names {
            graph,
            seen: FxHashMap::default(),
            chosen: Vec::new(),
        }
    }

    pub fn resolve(&mut self, name: &str) -> Resolution {
        if let Some(known) = self.seen.get(name) {
            return known.clone();
        }
        let resolution = self.graph.resolve(name);
        self.seen.insert(name.to_string(), resolution.clone());
        resolution
    }
}

pub(super) fn label(label: Option<&Ident>) -> Result<Option<EntityKind>> {
    let Some(label) = label else {
        return Ok(None);
    };
    if let Some(kind) = EntityKind::ALL
        .into_iter()
        .find(|k| k.as_str().eq_ignore_ascii_case(&label.text))
    {
        return Ok(Some(kind));
    }
    let names: Vec<&str> = EntityKind::ALL.iter().map(|k| k.as_str()).collect();
    let mut error = QueryError::new(
        format!("unknown type `{}`", label.text),
        label.span,
        "not a type",
    );
    error = match closest(&label.text, &names) {
        Some(best) => error.with_help(format!("did you mean `{best}`?")),
        None => error.with_help(format!(
            "the types are {}",
            or_list(&names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>())
        )),
    };
    Err(error)
}

pub(super) fn relation_types(rel: &RelPattern) -> Result<Vec<RelationKind>> {
    if rel.types.is_empty() {
        return Ok(RelationKind::ALL.to_vec());
    }
    let mut kinds = Vec::new();
    for t in &rel.types {
        match RelationKind::parse(&t.text) {
            Some(kind) => {
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
            None => {
                let names: Vec<&str> = RelationKind::ALL.iter().map(|k| k.as_str()).collect();
                let error = QueryError::new(
                    format!("unknown relation type `{}`", t.text),
                    t.span,
                    "not a relation type",
                );
                return Err(match closest(&t.text, &names) {
                    Some(best) => error.with_help(format!("did you mean `{best}`?")),
                    None => error.with_help(format!(
                        "the relation types are {}",
                        or_list(&names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>())
                    )),
                });
            }
        }
    }
    Ok(kinds)
}

/// The one node a named node pattern stands for, or an error under the name.
///
/// An ambiguous name is settled by the node's label, else by the kind of thing its place
/// needs, when that leaves one candidate: `who visited Jordan` means the country, `who met
/// Jordan` the person. Else, when one candidate is mentioned at least three times as often as
/// the next, it is taken, and the answer says so with the others ([`Chosen::others`]); else the
/// name is an error that lists the candidates. A bare surname that is one person's alias
/// ("Hussein" for Saddam Hussein) is ambiguous when others have that surname (King Hussein). A
/// node of another kind is still accepted when the name is not ambiguous, since the
/// extractor's typing is not infallible and the edges decide the answer anyway.
pub(super) fn entity(
    names: &mut Names<'_>,
    node: &NodePattern,
    expected: &[EntityKind],
) -> Result<NodeId> {
    let graph = names.graph;
    let Some(name) = &node.name else {
        return Err(unsupported(node.span, "this node needs a name"));
    };
    let wanted = label(node.label.as_ref())?;
    let expected: Vec<EntityKind> = wanted.map_or_else(|| expected.to_vec(), |k| vec![k]);
    let ids = match names.resolve(&name.text) {
        Resolution::One(id) => {
            let mut ids = vec![id];
            ids.extend(
                graph
                    .namesakes(&name.text)
                    .into_iter()
                    .filter(|&other| other != id && graph.node(other).kind == graph.node(id).kind),
            );
            ids
        }
        Resolution::Ambiguous(ids) => ids,
        Resolution::Unknown(suggestions) => return Err(unknown(name, &suggestions)),
    };
    let fitting: Vec<NodeId> = ids
        .iter()
        .copied()
        .filter(|&id| expected.contains(&graph.node(id).kind))
        .collect();
    // When none is of the kind the question needs (the Soviet Union typed an organisation),
    // all are candidates.
    let candidates = if fitting.is_empty() { &ids } else { &fitting };
    let chosen = match candidates[..] {
        [one] => Some(one),
        // One candidate far more talked about than the next is what the user most likely
        // means; the answer names the others.
        [first, second, ..] => {
            let (a, b) = (graph.node(first).mentions, graph.node(second).mentions);
            (a >= 3 && a >= 3 * b).then_some(first)
        }
        [] => None,
    };
    if let Some(id) = chosen {
        let others = candidates.iter().copied().filter(|&o| o != id).collect();
        names.chosen.push(Chosen {
            written: name.text.clone(),
            node: id,
            others,
        });
        return Ok(id);
    }
    let ids = if fitting.is_empty() { ids } else { fitting };
    Err(ambiguous(graph, name, &ids))
}

/// An error under a name that may mean several entities: each with its type and mentions,
/// and how to name one.
fn ambiguous(graph: &KnowledgeGraph, name: &Name, ids: &[NodeId]) -> QueryError {
    let candidates: Vec<String> = ids
        .iter()
        .take(5)
        .map(|&id| {
            let node = graph.node(id);
            format!(
                "`{}` ({}, {} mentions)",
                node.name, node.kind, node.mentions
            )
        })
        .collect();
    let more = ids.len().saturating_sub(5);
    let first = graph.node(ids[0]).name.as_str();
    let mut help = format!("did you mean {}", or_list(&candidates));
    if more > 0 {
        help.push_str(&format!(" ({more} more)"));
    }
    help.push_str(&format!("? Write the full name: \"{first}\""));
    QueryError::new(
        format!("`{}` names {} entities", name.text, ids.len()),
        name.span,
        "ambiguous name",
    )
    .with_help(help)
}

pub(super) fn unknown(name: &Name, suggestions: &[String]) -> QueryError {
    let error = QueryError::new(
        format!("no entity named `{}`", name.text),
        name.span,
        "not in the graph",
    );
    let words: Vec<&str> = name.text.split(' ').collect();
    if let [.., before, as_, format] = words[..]
        && as_.eq_ignore_ascii_case("as")
        && !before.is_empty()
    {
        return error.with_help(format!(
            "`as {format}` is no output format: write `as table`, `as json`, `as csv` or `as dot`"
        ));
    }
    if suggestions.is_empty() {
        return error;
    }
    let quoted: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
    error.with_help(format!("did you mean {}?", or_list(&quoted)))
}

pub(super) fn flip(direction: Direction) -> Direction {
    match direction {
        Direction::Left => Direction::Right,
        Direction::Right => Direction::Left,
        Direction::Both => Direction::Both,
    }
}

pub(super) fn unsupported(span: Span, what: &str) -> QueryError {
    QueryError::new(format!("unsupported pattern: {what}"), span, "here")
}

/// Did-you-mean among a list of words.
pub(super) fn closest<'a>(word: &str, among: &[&'a str]) -> Option<&'a str> {
    among
        .iter()
        .map(|w| {
            (
                strsim::jaro_winkler(&word.to_lowercase(), &w.to_lowercase()),
                *w,
            )
        })
        .filter(|(score, _)| *score >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, w)| w)
}
