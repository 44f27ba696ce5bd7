//! What an answer says besides its rows: why it is empty ("no meeting found"), the yes or no of
//! `did X meet Y`, and which entity a name was taken to mean when it may mean several; and the
//! lines `explain` prints under a pattern to show the entities chosen.

use crate::graph::KnowledgeGraph;

use super::answer::Answer;
use super::ast::{Ask, Body, Event, Form, Query};
use super::plan::{Plan, Shape};

/// True for `did X meet Y`: answered yes or no, with the evidence.
pub(super) fn is_yes_no(query: &Query) -> bool {
    matches!(&query.body, Body::Question(q) if matches!(q.form, Form::When { ask: Ask::Whether, .. }))
}

/// The entities the names of a pattern were taken to mean, one line each, as comments that
/// the grammar skips: `// Kerry: John Kerry (Person, 48 mentions)`.
pub(super) fn chosen_lines(graph: &KnowledgeGraph, plan: &Plan) -> Vec<String> {
    let mut lines = Vec::new();
    for chosen in &plan.chosen {
        let node = graph.node(chosen.node);
        let mut line = format!(
            "// {}: {} ({}, {} mentions)",
            chosen.written, node.name, node.kind, node.mentions
        );
        if !chosen.others.is_empty() {
            let others: Vec<String> = chosen
                .others
                .iter()
                .map(|&id| graph.node(id).name.clone())
                .collect();
            line.push_str(&format!("; it may also mean {}", others.join(", ")));
        }
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    lines
}

/// What an empty answer to a form means, in words.
fn nothing_found(form: &Form) -> &'static str {
    match form {
        Form::Met { .. } | Form::Pairs { event: Event::Met } => "no meeting found",
        Form::Called { .. } | Form::Pairs { .. } => "no call found",
        Form::WentTo { .. } | Form::Visitors { .. } => "no visit found",
        Form::Discussed { .. } => "no discussion found",
        Form::Said { .. } | Form::Speakers => "no statement found",
        Form::Holder { .. } => "no one found in that role",
        Form::When { event, .. } => match event {
            Event::Met => "no meeting found",
            Event::Called => "no call found",
            Event::Visited => "no visit found",
        },
        Form::Neighbours { .. } => "nothing found linked to it",
        Form::Documents => "no document found",
        Form::Describe { .. } | Form::Path { .. } | Form::Count { .. } | Form::Top { .. } => {
            "nothing found"
        }
    }
}

/// Adds the notes and the headline an answer needs.
pub(super) fn annotate(graph: &KnowledgeGraph, query: &Query, plan: &Plan, answer: &mut Answer) {
    for chosen in &plan.chosen {
        if chosen.others.is_empty() {
            continue;
        }
        let node = graph.node(chosen.node);
        let mut others: Vec<String> = chosen
            .others
            .iter()
            .take(3)
            .map(|&id| {
                let other = graph.node(id);
                format!("{} ({} mentions)", other.name, other.mentions)
            })
            .collect();
        if chosen.others.len() > 3 {
            others.push(format!("{} more", chosen.others.len() - 3));
        }
        let note = format!(
            "`{}` is taken to mean {} ({} mentions); it may also mean {}: write the full name to ask about another",
            chosen.written,
            node.name,
            node.mentions,
            others.join(", ")
        );
        if !answer.notes.contains(&note) {
            answer.notes.push(note);
        }
    }
    let Body::Question(question) = &query.body else {
        if answer.rows.is_empty() && answer.notes.iter().all(|n| !n.starts_with("no path")) {
            answer.notes.push("no match".to_string());
        }
        return;
    };
    if let Form::When {
        who,
        other,
        event,
        ask: Ask::Whether,
    } = &question.form
    {
        answer.with_evidence = true;
        let verb = match event {
            Event::Met => "met",
            Event::Called => "called",
            Event::Visited => "visited",
        };
        answer.headline = Some(if answer.rows.is_empty() {
            format!("no: nothing says that {} {verb} {}", who.text, other.text)
        } else {
            format!("yes: {} {verb} {}", who.text, other.text)
        });
        return;
    }
    if answer.rows.is_empty() && !answer.notes.iter().any(|n| n.starts_with("no path")) {
        answer.notes.push(nothing_found(&question.form).to_string());
        if let Some(undated) = undated_rows(graph, plan) {
            // `published` helps only where articles have dates.
            let published = if graph.docs().iter().any(|d| d.date.is_some()) {
                "; `published ...` asks by the articles' dates"
            } else {
                ""
            };
            answer.notes.push(format!(
                "{undated} {} without the date modifiers: their events have no date or \
                 another{published}",
                if undated == 1 { "answer" } else { "answers" }
            ));
        }
    }
}

/// For an empty answer to a question with date modifiers: how many rows it has without them,
/// when some (events often have no date of their own, though their articles do).
fn undated_rows(graph: &KnowledgeGraph, plan: &Plan) -> Option<usize> {
    let mut loose = plan.clone();
    let filter = match &mut loose.shape {
        Shape::Star(star) => &mut star.filter,
        Shape::Pairs(pairs) => &mut pairs.filter,
        _ => return None,
    };
    if filter.dates.is_empty() {
        return None;
    }
    filter.dates.clear();
    loose.count = true;
    let counted = super::eval::execute(graph, &loose).ok()?;
    match counted.rows.first()?.cells.first()? {
        super::answer::Value::Number(n) if *n > 0 => usize::try_from(*n).ok(),
        _ => None,
    }
}
