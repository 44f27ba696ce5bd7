//! From a [`Question`] to a [`Plan`]: names resolved to nodes, each form turned into the edge
//! walks that answer it. The plan is the one form the evaluator runs, so another surface syntax
//! (a Cypher-like pattern) only has to lower into it.

use crate::extract::{EntityKind, RelationKind};
use crate::graph::{KnowledgeGraph, NodeId, Resolution};
use crate::names::normalize;

use super::ast::{FilterKind, Form, Name, Question, Wh};
use super::error::{QueryError, or_list};

/// A question with its names resolved.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Plan {
    /// Walk edges out of anchor nodes.
    Walk(Walk),
    /// Describe these nodes, one row each.
    Describe {
        /// The column name of the answer (`who` or `what`).
        wh: Wh,
        /// The nodes.
        nodes: Vec<NodeId>,
    },
}

/// Answers reached from every anchor by one of the steps, through evidence the filter accepts.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Walk {
    /// An answer must be reached from each of these (`who met X and Y`); they are never answers.
    pub anchors: Vec<NodeId>,
    /// The ways to reach an answer from an anchor; their results are merged.
    pub steps: &'static [Step],
    /// Which evidence counts.
    pub filter: EvidenceFilter,
    /// Which columns to fill.
    pub shape: Shape,
}

/// One way from an anchor to answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Step {
    /// The edges followed.
    pub relation: RelationKind,
    /// Which way along them.
    pub direction: Direction,
    /// What an edge yields.
    pub yields: Yield,
}

/// Which way to follow an edge from the anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Direction {
    /// The anchor is the source.
    Out,
    /// The anchor is the target.
    In,
    /// Either; for symmetric relations.
    Either,
}

/// What an edge gives as answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Yield {
    /// The node at the other end.
    OtherEnd,
    /// The topics named by each accepted evidence sentence.
    Topics,
}

/// The columns of an answer, by question form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Shape {
    /// `who met X`: who, topics, place, date, status, docs.
    Met,
    /// `who visited P`: who, date, status, docs.
    Visitors,
    /// `where did X go`: where, date, status, docs.
    Places,
    /// `what did X discuss`: what, with, docs.
    Topics,
    /// `what did X say`: quote, topics, date, docs.
    Quotes,
}

/// Conditions on one evidence sentence.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct EvidenceFilter {
    /// `about T`: a topic of the sentence is T (for a quote: or the quote mentions T).
    pub about: Option<Term>,
    /// `in P`: the sentence places the event in P.
    pub place: Option<Term>,
    /// `with Y`: the same sentence says that Y met one end of the edge.
    pub with: Option<NodeId>,
}

/// A topic or place the user named, as the set of folded names that match it.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Term {
    /// A known entity (or several, when the name is ambiguous): a topic matches when it folds to
    /// one of their names or aliases.
    Known(Vec<String>),
    /// Not an entity of the graph ("climate change" may be only a topic phrase): a topic
    /// matches when these folded words occur in it, whole words only.
    Words(String),
}

impl Term {
    /// Does a topic or place name, as stored in evidence, match?
    pub fn matches(&self, name: &str) -> bool {
        let folded = normalize(name);
        match self {
            Term::Known(names) => names.contains(&folded),
            Term::Words(words) => contains_words(&folded, words),
        }
    }

    /// Does a longer text (a quote) mention the term?
    pub fn mentioned_in(&self, text: &str) -> bool {
        let folded = normalize(text);
        match self {
            Term::Known(names) => names.iter().any(|n| contains_words(&folded, n)),
            Term::Words(words) => contains_words(&folded, words),
        }
    }
}

/// True when the folded `words` occur in the folded `text` as whole words.
fn contains_words(text: &str, words: &str) -> bool {
    !words.is_empty() && format!(" {text} ").contains(&format!(" {words} "))
}

const MET: &[Step] = &[Step {
    relation: RelationKind::Met,
    direction: Direction::Either,
    yields: Yield::OtherEnd,
}];
const WENT_TO: &[Step] = &[Step {
    relation: RelationKind::Visited,
    direction: Direction::Out,
    yields: Yield::OtherEnd,
}];
const VISITORS: &[Step] = &[Step {
    relation: RelationKind::Visited,
    direction: Direction::In,
    yields: Yield::OtherEnd,
}];
const DISCUSSED: &[Step] = &[
    Step {
        relation: RelationKind::Discussed,
        direction: Direction::Out,
        yields: Yield::OtherEnd,
    },
    Step {
        relation: RelationKind::Met,
        direction: Direction::Either,
        yields: Yield::Topics,
    },
];
const SAID: &[Step] = &[Step {
    relation: RelationKind::Said,
    direction: Direction::Out,
    yields: Yield::OtherEnd,
}];

/// Resolves the question's names and picks the walk that answers it.
///
/// `source` is the query text, used only to word help for a name split at `and`.
pub(super) fn plan(
    graph: &KnowledgeGraph,
    question: &Question,
    source: &str,
) -> Result<Plan, QueryError> {
    let mut filter = EvidenceFilter::default();
    for f in &question.filters {
        match f.kind {
            FilterKind::About => filter.about = Some(term(graph, &f.name)),
            FilterKind::In => filter.place = Some(term(graph, &f.name)),
            FilterKind::With => {
                filter.with = Some(entity(graph, &f.name, AGENTS).map_err(|e| {
                    if f.name.text.eq_ignore_ascii_case("evidence") {
                        e.with_help("to see the evidence, end the question with `with evidence`")
                    } else {
                        e
                    }
                })?)
            }
        }
    }
    let walk = |anchors, steps, shape| {
        Plan::Walk(Walk {
            anchors,
            steps,
            filter: filter.clone(),
            shape,
        })
    };
    Ok(match &question.form {
        Form::Met { people } => {
            let mut anchors = Vec::with_capacity(people.len());
            for (i, person) in people.iter().enumerate() {
                let id = entity(graph, person, AGENTS)
                    .map_err(|e| split_name_help(e, graph, people, i, source))?;
                anchors.push(id);
            }
            walk(anchors, MET, Shape::Met)
        }
        Form::WentTo { who } => walk(vec![entity(graph, who, AGENTS)?], WENT_TO, Shape::Places),
        Form::Visitors { place } => walk(
            vec![entity(graph, place, PLACES)?],
            VISITORS,
            Shape::Visitors,
        ),
        Form::Discussed { who } => {
            walk(vec![entity(graph, who, AGENTS)?], DISCUSSED, Shape::Topics)
        }
        Form::Said { who } => walk(vec![entity(graph, who, AGENTS)?], SAID, Shape::Quotes),
        Form::Describe { wh, who } => Plan::Describe {
            wh: *wh,
            // Describing is where an ambiguous name is no error: every candidate gets a row.
            nodes: match graph.resolve(&who.text) {
                Resolution::One(id) => vec![id],
                Resolution::Ambiguous(ids) => ids,
                Resolution::Unknown(suggestions) => return Err(unknown(who, &suggestions)),
            },
        },
    })
}

/// Who can meet, travel, discuss and speak.
const AGENTS: &[EntityKind] = &[EntityKind::Person, EntityKind::Organization];
/// What can be visited.
const PLACES: &[EntityKind] = &[EntityKind::Place];

/// The one node a name stands for, or an error under the name.
///
/// An ambiguous name is settled by the kind of thing the question needs in that place, when
/// that leaves one candidate: `who visited Jordan` means the country, `who met Jordan` the
/// person; or by how much more one candidate is mentioned than the others. A node of another kind is still accepted when the name is not ambiguous, since the
/// extractor's typing is not infallible and the edges decide the answer anyway.
fn entity(
    graph: &KnowledgeGraph,
    name: &Name,
    expected: &[EntityKind],
) -> Result<NodeId, QueryError> {
    match graph.resolve(&name.text) {
        Resolution::One(id) => Ok(id),
        Resolution::Ambiguous(ids) => {
            let fitting: Vec<NodeId> = ids
                .iter()
                .copied()
                .filter(|&id| expected.contains(&graph.node(id).kind))
                .collect();
            if let [one] = fitting[..] {
                return Ok(one);
            }
            // One candidate far more talked about than the next is what the user means: a
            // stray namesake must not make "who met Kerry" unanswerable. Candidates come
            // ranked by mentions.
            if let [first, second, ..] = fitting[..] {
                let (a, b) = (graph.node(first).mentions, graph.node(second).mentions);
                if a >= 3 && a >= 3 * b {
                    return Ok(first);
                }
            }
            let ids = if fitting.is_empty() { ids } else { fitting };
            let candidates: Vec<String> = ids
                .iter()
                .map(|&id| {
                    let node = graph.node(id);
                    format!("`{}` ({})", node.name, node.kind)
                })
                .collect();
            Err(QueryError::new(
                format!("`{}` names {} entities", name.text, ids.len()),
                name.span,
                "ambiguous name",
            )
            .with_help(format!("did you mean {}?", or_list(&candidates))))
        }
        Resolution::Unknown(suggestions) => Err(unknown(name, &suggestions)),
    }
}

fn unknown(name: &Name, suggestions: &[String]) -> QueryError {
    let error = QueryError::new(
        format!("no entity named `{}`", name.text),
        name.span,
        "not in the graph",
    );
    if suggestions.is_empty() {
        return error;
    }
    let quoted: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
    error.with_help(format!("did you mean {}?", or_list(&quoted)))
}

/// `who met Bosnia and Herzegovina` splits at `and`; when the failing name and its neighbours
/// form one known name, the help says to quote it.
fn split_name_help(
    error: QueryError,
    graph: &KnowledgeGraph,
    people: &[Name],
    failing: usize,
    source: &str,
) -> QueryError {
    // Longest runs first: `A and B and C` before `A and B`.
    let mut runs: Vec<(usize, usize)> = (0..=failing)
        .flat_map(|first| (failing..people.len()).map(move |last| (first, last)))
        .filter(|(first, last)| first < last)
        .collect();
    runs.sort_by_key(|&(first, last)| (std::cmp::Reverse(last - first), first));
    for (first, last) in runs {
        let Some(text) = source.get(people[first].span.start..people[last].span.end) else {
            continue;
        };
        if let Resolution::One(_) = graph.resolve(text) {
            return QueryError {
                help: Some(format!(
                    "`and` separates names; to name `{text}`, quote it: \"{text}\""
                )),
                ..error
            };
        }
    }
    error
}

/// A topic or place: the entities it names, or its words when it names none. Never an error,
/// since topics need not be entities.
fn term(graph: &KnowledgeGraph, name: &Name) -> Term {
    let ids = match graph.resolve(&name.text) {
        Resolution::One(id) => vec![id],
        Resolution::Ambiguous(ids) => ids,
        Resolution::Unknown(_) => return Term::Words(normalize(&name.text)),
    };
    let mut names = vec![normalize(&name.text)];
    for id in ids {
        let node = graph.node(id);
        names.push(normalize(&node.name));
        names.extend(node.aliases.iter().map(|a| normalize(a)));
    }
    names.sort();
    names.dedup();
    Term::Known(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_whole_words_only() {
        let term = Term::Words("climate".into());
        assert!(term.matches("Climate change"));
        assert!(term.matches("the climate"));
        assert!(!term.matches("Climatology"));
        let term = Term::Words("war".into());
        assert!(!term.matches("award"));
        assert!(term.mentioned_in("\u{201c}This war must end,\u{201d}"));
        assert!(!Term::Words(String::new()).matches("anything"));
    }
}
