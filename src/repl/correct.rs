//! Corrections made in the shell: `:merge A B`, `:split A [B]`, `:retype A TYPE`, `:drop A`.
//!
//! Each one is a correction of the graph's corrections (`kg::graph::Corrections`): the graph
//! is merged again with it at once, and it is appended to the session's corrections file
//! (`NAME.corrections.toml` beside the graph, or `--corrections FILE`), so that the next `kg
//! build` or `kg add` keeps it. A name with spaces may be written as it is when it is the only
//! one; where two names are given, the split between them is the one where both are known (or
//! quote them: `:merge "Moody's" "Moody's Investors Service"`).

use std::path::Path;

use anyhow::{Result, bail};
use kg::graph::{Corrections, Different, Drop, KnowledgeGraph, NodeId, Resolution, Retype, Same};
use kg::model::EntityKind;
use kg::names::normalize;

use super::Shell;
use crate::write;

/// Runs `:merge`, `:split`, `:retype` or `:drop` with its argument.
pub(super) fn command(shell: &mut Shell, name: &str, arg: &str) -> Result<()> {
    let graph = &shell.graph;
    let mut correction = Corrections::default();
    let message = match name {
        "merge" => {
            let usage = "`:merge` takes two names: `:merge A B` (quote a name with spaces)";
            let (a, b) = two_names(graph, arg).ok_or_else(|| anyhow::anyhow!(usage))?;
            let (ia, ib) = (one(graph, &a)?, one(graph, &b)?);
            if ia == ib {
                bail!(
                    "`{a}` and `{b}` are one entity already: {}",
                    graph.node(ia).name
                );
            }
            let names = vec![graph.node(ia).name.clone(), graph.node(ib).name.clone()];
            let message = format!("merged `{}` into `{}`", names[1], names[0]);
            correction.same.push(Same { names, note: None });
            message
        }
        "split" => {
            let (a, b) = match two_names(graph, arg) {
                Some(pair) => pair,
                None => {
                    let a = unquote(arg);
                    if a.is_empty() {
                        bail!("`:split` takes a name: `:split A`, or `:split A B` for two");
                    }
                    let node = graph.node(one(graph, &a)?);
                    if normalize(&a) == normalize(&node.name) {
                        let others: Vec<&str> =
                            node.aliases.iter().take(5).map(String::as_str).collect();
                        if others.is_empty() {
                            bail!("`{a}` has no other name to split from");
                        }
                        bail!(
                            "`{a}` is the entity's own name: split one of its other names \
                             from it ({}), or give two names: `:split A B`",
                            others.join(", ")
                        );
                    }
                    (spelling(graph, &a), node.name.clone())
                }
            };
            one(graph, &a)?;
            one(graph, &b)?;
            let message = format!("`{a}` and `{b}` are kept apart");
            correction.different.push(Different {
                names: vec![a, b],
                note: None,
            });
            message
        }
        "retype" => {
            let usage = "`:retype` takes a name and a type: `:retype Moody Organization`";
            let (name, kind) = arg
                .rsplit_once(char::is_whitespace)
                .ok_or_else(|| anyhow::anyhow!(usage))?;
            let kind = match EntityKind::parse(kind) {
                Some(EntityKind::Quote) | None => {
                    bail!("`{kind}` is not a type: Person, Organization, Place or Topic")
                }
                Some(kind) => kind,
            };
            let node = graph.node(one(graph, &unquote(name))?);
            if node.kind == kind {
                bail!("`{}` is of the type {kind} already", node.name);
            }
            let article = if kind.as_str().starts_with(['A', 'E', 'I', 'O', 'U']) {
                "an"
            } else {
                "a"
            };
            let message = format!("`{}` is {article} {kind} now", node.name);
            correction.retype.push(Retype {
                name: node.name.clone(),
                kind: kind.as_str().to_string(),
                note: None,
            });
            message
        }
        "drop" => {
            let a = unquote(arg);
            if a.is_empty() {
                bail!("`:drop` takes a name: `:drop A`");
            }
            let node = graph.node(one(graph, &a)?);
            if normalize(&a) == normalize(&node.name) {
                let message = format!("dropped `{}` and its relations", node.name);
                correction.drop.push(Drop {
                    name: node.name.clone(),
                    of: None,
                    note: None,
                });
                message
            } else {
                let alias = spelling(graph, &a);
                let message = format!("`{alias}` is no longer a name of `{}`", node.name);
                correction.drop.push(Drop {
                    name: alias,
                    of: Some(node.name.clone()),
                    note: None,
                });
                message
            }
        }
        _ => bail!("unknown correction `:{name}`"),
    };
    record(shell, correction, &message)
}

/// True when both names are among these (folded).
fn joins(names: &[String], a: &str, b: &str) -> bool {
    let has = |x: &str| names.iter().any(|n| normalize(n) == normalize(x));
    has(a) && has(b)
}

/// Applies a correction to the graph at once and records it in the corrections file. The last
/// word wins: `:merge A B` takes out a `different` that keeps A and B apart, `:split A B` a
/// `same` that joins them (the file is then written anew; otherwise the correction is appended
/// and the rest of the file kept as it is).
fn record(shell: &mut Shell, correction: Corrections, message: &str) -> Result<()> {
    // The records are read before anything is written: a graph file changed since it was
    // opened stops the correction here.
    shell.changeable()?;
    let mut all = shell.graph.corrections().clone();
    let before = all.len();
    for fix in &correction.same {
        all.different
            .retain(|d| !joins(&d.names, &fix.names[0], &fix.names[1]));
    }
    for fix in &correction.different {
        all.same
            .retain(|s| !joins(&s.names, &fix.names[0], &fix.names[1]));
    }
    let rewrite = all.len() < before;
    all.same.extend(correction.same.iter().cloned());
    all.different.extend(correction.different.iter().cloned());
    all.retype.extend(correction.retype.iter().cloned());
    all.drop.extend(correction.drop.iter().cloned());
    all.role.extend(correction.role.iter().cloned());
    let where_ = match &shell.corrections_file {
        Some(path) if rewrite => {
            write::write_file(path, all.to_toml().as_bytes())?;
            format!("recorded in `{}`", path.display())
        }
        Some(path) => {
            append(path, &correction)?;
            format!("recorded in `{}`", path.display())
        }
        None => "kept in the graph; `:save` writes it".to_string(),
    };
    shell.graph.set_corrections(all);
    // Rows of the last answer point into the graph before the change.
    shell.last = None;
    shell.graph_changed = true;
    let stats = shell.graph.stats();
    shell.note(&format!(
        "{message} ({where_}); {} entities, {} relations",
        stats.nodes, stats.edges
    ))
}

/// Appends a correction to a corrections file (made if missing), keeping what the file says.
fn append(path: &Path, correction: &Corrections) -> Result<()> {
    let mut text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            "# Corrections kg applies at every build and add of the graph beside this file.\n\
             # Written by hand or by the shell's :merge, :split, :retype and :drop.\n"
                .to_string()
        }
        Err(err) => bail!("cannot read `{}`: {err}", path.display()),
    };
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    text.push('\n');
    text.push_str(&correction.to_toml());
    // The file must still read back, with what was there before.
    if let Err(err) = Corrections::from_toml(&text) {
        bail!(
            "cannot record the correction in `{}`: the file does not read as corrections ({err})",
            path.display()
        );
    }
    write::write_file(path, text.as_bytes())
}

/// The one entity a name means, or an error that says why not.
fn one(graph: &KnowledgeGraph, name: &str) -> Result<NodeId> {
    match graph.resolve(name) {
        Resolution::One(id) => Ok(id),
        Resolution::Ambiguous(ids) => {
            let names: Vec<String> = ids
                .iter()
                .take(5)
                .map(|&id| format!("`{}`", graph.node(id).name))
                .collect();
            bail!("`{name}` may mean {}: give the full name", names.join(", "))
        }
        Resolution::Unknown(close) if close.is_empty() => bail!("no entity named `{name}`"),
        Resolution::Unknown(close) => bail!(
            "no entity named `{name}`; did you mean {}?",
            close
                .iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        ),
    }
}

/// How the graph writes a name typed in any case: the node's alias or name that folds alike.
fn spelling(graph: &KnowledgeGraph, typed: &str) -> String {
    let folded = normalize(typed);
    let Resolution::One(id) = graph.lookup(typed) else {
        return typed.to_string();
    };
    let node = graph.node(id);
    std::iter::once(&node.name)
        .chain(&node.aliases)
        .find(|n| normalize(n) == folded)
        .cloned()
        .unwrap_or_else(|| typed.to_string())
}

/// A name without the quotes around it.
fn unquote(text: &str) -> String {
    let text = text.trim();
    text.strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(text)
        .to_string()
}

/// Two names: two quoted ones, or the one split of the words where both halves are known names.
fn two_names(graph: &KnowledgeGraph, arg: &str) -> Option<(String, String)> {
    let arg = arg.trim();
    if arg.starts_with('"') {
        let parts: Vec<&str> = arg.split('"').map(str::trim).collect();
        // `"A" "B"` splits into ["", "A", "", "B", ""]; `"A" B` into ["", "A", "B"].
        let names: Vec<&str> = parts.into_iter().filter(|p| !p.is_empty()).collect();
        return match names.as_slice() {
            [a, b] => Some((a.to_string(), b.to_string())),
            _ => None,
        };
    }
    let words: Vec<&str> = arg.split_whitespace().collect();
    let known = |name: &str| !matches!(graph.lookup(name), Resolution::Unknown(_));
    let splits: Vec<(String, String)> = (1..words.len())
        .map(|i| (words[..i].join(" "), words[i..].join(" ")))
        .filter(|(a, b)| known(a) && known(b))
        .collect();
    match splits.as_slice() {
        [one] => Some(one.clone()),
        _ if words.len() == 2 => Some((words[0].to_string(), words[1].to_string())),
        _ => None,
    }
}
