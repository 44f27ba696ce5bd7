//! The merged graph as a block of its own: documents, nodes, edges with their evidence, the
//! merges and splits logs, and the name indexes, saved so that opening a graph file builds the
//! graph from them without merging its records again or folding a single name.
//!
//! The nodes and edges are saved in the graph's own order (the order they were made in,
//! `merge::canonicalize`), and the indexes sorted by key, so that a graph always saves to the
//! same bytes and a graph read back is the graph that was saved: the same node and edge ids,
//! each node's edges in the same order. The indexes are keyed by 128-bit hashes of folded names
//! (`graph::name_key`, `graph::kind_key`), so they are read without folding anything.

use std::collections::BTreeSet;

use petgraph::stable_graph::StableDiGraph;
use rustc_hash::FxHashMap;

use super::GraphFileError;
use super::convert::{LINK_REASONS, Lookups, date_record, day, link_reason_name};
use super::records::{Decoder, Encoder};
use crate::graph::canon::Canon;
use crate::graph::{
    DocId, DocInfo, Edge, EdgeId, Evidence, KnowledgeGraph, Merge, Node, NodeId, Split,
};
use crate::model::{DateRange, DateRef, MergeReason, Role};
use crate::text::Span;

/// The saved name of a merge reason: `alias`, `spelling`, `surname`, `corrected`, or `within_`
/// and the link reason's name.
fn merge_reason_name(reason: MergeReason) -> String {
    match reason {
        MergeReason::Alias => "alias".into(),
        MergeReason::Spelling => "spelling".into(),
        MergeReason::Surname => "surname".into(),
        MergeReason::Corrected => "corrected".into(),
        MergeReason::Within(link) => format!("within_{}", link_reason_name(link)),
    }
}

/// A merge reason back from its saved name.
fn merge_reason(name: &str) -> Result<MergeReason, GraphFileError> {
    Ok(match name {
        "alias" => MergeReason::Alias,
        "spelling" => MergeReason::Spelling,
        "surname" => MergeReason::Surname,
        "corrected" => MergeReason::Corrected,
        _ => {
            let link = name
                .strip_prefix("within_")
                .and_then(|l| {
                    LINK_REASONS
                        .iter()
                        .copied()
                        .find(|&r| link_reason_name(r) == l)
                })
                .ok_or_else(|| GraphFileError::UnknownName {
                    what: "merge reason",
                    name: name.to_string(),
                })?;
            MergeReason::Within(link)
        }
    })
}

/// Entries of an index, sorted by key.
fn sorted<V>(map: &FxHashMap<u128, V>) -> Vec<(&u128, &V)> {
    let mut entries: Vec<(&u128, &V)> = map.iter().collect();
    entries.sort_unstable_by_key(|(k, _)| **k);
    entries
}

/// The merged graph as a block.
pub(super) fn encode_merged(g: &KnowledgeGraph) -> Vec<u8> {
    // The bytes are sized up front for a graph of news (as many as the evidence's sentences):
    // pages of a buffer filled in order are taken only as it fills. The table of strings is
    // sized only by what a graph read from a file held (`kg add` writes about as many again,
    // and growing the table was a sixth of the encoding): a hash table's pages are all
    // touched however few entries it holds, and a guess by nodes and evidence was four times
    // what it held on Reuters.
    let evidence: usize = g.graph.edge_weights().map(|e| e.evidence.len()).sum();
    let mut out =
        Encoder::with_capacity(g.merged_strings, g.graph.node_count() * 32 + evidence * 200);
    out.w.len(g.docs.len());
    for doc in &g.docs {
        out.str(&doc.id);
        out.present(doc.date.is_some());
        if let Some(date) = doc.date {
            out.date(date_record(date));
        }
        out.opt_str(doc.title.as_deref());
        out.w.len(doc.also.len());
        for also in &doc.also {
            out.str(also);
        }
    }
    // Nodes and edges are written in the order they were made in; a graph put in that order
    // (`canonicalize`) has node i at index i, one built only to be saved is mapped here.
    let order = Order::of(g);
    out.w.len(g.graph.node_count());
    for node in order.nodes(g) {
        out.str(&node.name);
        out.str(node.kind.as_str());
        out.opt_str(node.place_kind.map(|k| k.as_str()));
        out.w.len(node.aliases.len());
        for alias in &node.aliases {
            out.str(alias);
        }
        out.w.len(node.roles.len());
        for role in &node.roles {
            out.str(&role.title);
            out.opt_str(role.of.as_deref());
        }
        out.w.uint(node.mentions.into());
        out.w.len(node.docs.len());
        let mut last = 0;
        for doc in &node.docs {
            out.w.uint(u64::from(doc - last));
            last = doc;
        }
    }
    out.w.len(g.graph.edge_count());
    for e in order.edges(g) {
        let Some((source, target)) = g.graph.edge_endpoints(e) else {
            continue;
        };
        let edge = &g.graph[e];
        out.str(edge.kind.as_str());
        out.w.len(order.index(source));
        out.w.len(order.index(target));
        out.w.len(edge.evidence.len());
        for ev in &edge.evidence {
            out.w.uint(ev.doc.into());
            out.w.len(ev.span.start);
            out.w.len(ev.span.end - ev.span.start);
            out.str(&ev.sentence);
            out.str(ev.rule.name());
            out.w.f32(ev.confidence);
            out.str(ev.status.as_str());
            out.w.len(ev.topics.len());
            for topic in &ev.topics {
                out.str(topic);
            }
            out.opt_str(ev.place.as_deref());
            out.present(ev.date.is_some());
            if let Some(date) = &ev.date {
                out.str(&date.text);
                out.present(date.range.is_some());
                if let Some(range) = date.range {
                    out.date(date_record(range.start));
                    out.date(date_record(range.end));
                    out.str(range.precision.as_str());
                }
            }
            out.opt_str(ev.role.as_deref());
        }
    }
    let reasons: Vec<String> = g
        .merges
        .iter()
        .map(|m| merge_reason_name(m.reason))
        .collect();
    encode_logs(&mut out, g, &reasons, &order);
    encode_votes(&mut out, g);
    out.finish()
}

/// Where each node and edge of a graph goes in the file: the order they were made in.
struct Order {
    /// None when the graph holds them in that order (`canonicalize`).
    canon: Option<Canon>,
}

impl Order {
    fn of(g: &KnowledgeGraph) -> Order {
        Order {
            canon: g
                .holes
                .then(|| g.canonical_order())
                .filter(|canon| !canon.in_order),
        }
    }

    fn nodes<'g>(&'g self, g: &'g KnowledgeGraph) -> Box<dyn Iterator<Item = &'g Node> + 'g> {
        match &self.canon {
            None => Box::new(g.graph.node_weights()),
            Some(canon) => Box::new(canon.nodes.iter().map(|&n| &g.graph[n])),
        }
    }

    fn edges<'g>(&'g self, g: &'g KnowledgeGraph) -> Box<dyn Iterator<Item = EdgeId> + 'g> {
        match &self.canon {
            None => Box::new(g.graph.edge_indices()),
            Some(canon) => Box::new(canon.edges.iter().copied()),
        }
    }

    /// A node's position in the file (`NodeId::end()`'s index for a node merged away), as
    /// `canonicalize` renumbers it.
    fn index(&self, id: NodeId) -> usize {
        self.canon
            .as_ref()
            .map_or(id, |canon| canon.place(id))
            .index()
    }
}

/// The merges and splits logs (each merge's reason saved as `reasons` names it), and the name
/// indexes, sorted by key.
fn encode_logs<'a>(
    out: &mut Encoder<'a>,
    g: &'a KnowledgeGraph,
    reasons: &'a [String],
    order: &Order,
) {
    out.w.len(g.merges.len());
    for (merge, reason) in g.merges.iter().zip(reasons) {
        out.str(&merge.kept);
        out.str(&merge.merged);
        out.str(reason);
        out.str(&merge.doc);
    }
    out.w.len(g.splits.len());
    for split in &g.splits {
        out.str(&split.name);
        out.str(&split.apart_from);
        out.str(&split.doc);
    }
    for index in [&g.names, &g.surnames, &g.apart] {
        let entries = sorted(index);
        out.w.len(entries.len());
        let end = NodeId::end().index();
        for (key, ids) in entries {
            out.w.u128(*key);
            // `canonicalize` drops the nodes merged away from these lists.
            let ids: Vec<usize> = ids
                .iter()
                .map(|&id| order.index(id))
                .filter(|&i| i != end)
                .collect();
            out.w.len(ids.len());
            for id in ids {
                out.w.len(id);
            }
        }
    }
    let entries = sorted(&g.keys);
    out.w.len(entries.len());
    let nodes = g.graph.node_count();
    for (key, id) in entries {
        out.w.u128(*key);
        // A key of a node merged away: the number past the last node.
        out.w.len(order.index(*id).min(nodes));
    }
}

/// The company vote's counts, sorted by name.
fn encode_votes<'a>(out: &mut Encoder<'a>, g: &'a KnowledgeGraph) {
    let mut votes: Vec<(&String, &(u32, u32))> = g.votes.iter().collect();
    votes.sort_unstable();
    out.w.len(votes.len());
    for (name, &(company, person)) in votes {
        out.str(name);
        out.w.uint(company.into());
        out.w.uint(person.into());
    }
}

/// Fewest bytes: a document (id, date, title, also), a node (name, kind, place kind, three
/// counts, mentions), an edge (kind, ends, count), a piece of evidence (doc, span, sentence,
/// rule, confidence, status, topics, place, date, role), a merge, a split, an index entry.
const DOC_MIN: usize = 4;
const NODE_MIN: usize = 7;
const EDGE_MIN: usize = 4;
const EVIDENCE_MIN: usize = 14;
const MERGE_MIN: usize = 4;
const SPLIT_MIN: usize = 3;
const ENTRY_MIN: usize = 17;
const VOTE_MIN: usize = 3;

fn bad(what: &'static str) -> GraphFileError {
    GraphFileError::Inconsistent(what)
}

/// Reads the merged graph's block into `g` (a graph that holds nothing else yet), checking that
/// it holds together: every id in range, every name known, counts bounded by the bytes left.
pub(super) fn decode_merged(block: &[u8], g: &mut KnowledgeGraph) -> Result<(), GraphFileError> {
    let mut names = Lookups::new();
    let mut input = Decoder::new(block);
    let n = input.r.count(DOC_MIN)?;
    g.docs.reserve_exact(n);
    for _ in 0..n {
        let id = input.str()?.to_string();
        let date = if input.present()? {
            Some(day(input.date()?)?)
        } else {
            None
        };
        let title = input.opt_str()?.map(str::to_string);
        let also = input.strs()?.into_iter().map(str::to_string).collect();
        g.docs.push(DocInfo {
            id,
            date,
            title,
            also,
        });
    }
    let doc_count = g.docs.len() as u64;
    let doc = |d: u64| -> Result<DocId, GraphFileError> {
        if d < doc_count {
            Ok(d as DocId)
        } else {
            Err(bad("a document number is past the last document"))
        }
    };
    let nodes = input.r.count(NODE_MIN)?;
    // The edge count is not known yet; edges are reserved when it is.
    let mut graph: StableDiGraph<Node, Edge, u32> = StableDiGraph::with_capacity(nodes, 0);
    for _ in 0..nodes {
        let name = input.str()?.to_string();
        let kind = names.kinds.get(input.str()?)?;
        let place_kind = input.opt_str()?.map(|k| names.places.get(k)).transpose()?;
        let aliases: Vec<&str> = input.strs()?;
        if aliases.windows(2).any(|w| w[0] >= w[1]) {
            return Err(bad("a node's aliases are not sorted"));
        }
        let aliases: BTreeSet<String> = aliases.into_iter().map(str::to_string).collect();
        let count = input.r.count(2)?;
        let mut roles = Vec::with_capacity(count);
        for _ in 0..count {
            roles.push(Role {
                title: input.str()?.to_string(),
                of: input.opt_str()?.map(str::to_string),
            });
        }
        if roles.windows(2).any(|w| w[0] >= w[1]) {
            return Err(bad("a node's roles are not sorted"));
        }
        let mentions = input.r.u32()?;
        let count = input.r.count(1)?;
        let mut docs = Vec::with_capacity(count);
        let mut last = 0u64;
        for i in 0..count {
            let step = input.r.uint()?;
            if i > 0 && step == 0 {
                return Err(bad("a node names one document twice"));
            }
            last = last
                .checked_add(step)
                .ok_or(bad("a document number overflows"))?;
            docs.push(doc(last)?);
        }
        graph.add_node(Node {
            name,
            kind,
            place_kind,
            aliases,
            roles: roles.into_iter().collect(),
            mentions,
            docs: docs.into_iter().collect(),
        });
    }
    let edges = decode_edges(&mut input, &mut names, &mut graph, nodes, doc_count)?;
    decode_logs(&mut input, g, nodes)?;
    g.merged_strings = input.strings_read();
    input.finish()?;
    g.node_births = (0..nodes as u32).collect();
    g.edge_births = (0..edges as u32).collect();
    g.births = nodes.max(edges) as u32;
    g.graph = graph;
    Ok(())
}

/// The edges, added to `graph`; their count.
fn decode_edges<'a>(
    input: &mut Decoder<'a>,
    names: &mut Lookups,
    graph: &mut StableDiGraph<Node, Edge, u32>,
    nodes: usize,
    doc_count: u64,
) -> Result<usize, GraphFileError> {
    let node = |i: u64| -> Result<NodeId, GraphFileError> {
        if i < nodes as u64 {
            Ok(NodeId::new(i as usize))
        } else {
            Err(bad("a node number is past the last node"))
        }
    };
    let doc = |d: u64| -> Result<DocId, GraphFileError> {
        if d < doc_count {
            Ok(d as DocId)
        } else {
            Err(bad("a document number is past the last document"))
        }
    };
    let edges = input.r.count(EDGE_MIN)?;
    graph.reserve_edges(edges);
    for _ in 0..edges {
        let kind = names.relations.get(input.str()?)?;
        let source = node(input.r.uint()?)?;
        let target = node(input.r.uint()?)?;
        if source == target {
            return Err(bad("an edge joins a node to itself"));
        }
        let count = input.r.count(EVIDENCE_MIN)?;
        if count == 0 {
            return Err(bad("an edge has no evidence"));
        }
        let mut evidence = Vec::with_capacity(count);
        for _ in 0..count {
            let d = doc(input.r.uint()?)?;
            let start = usize::try_from(input.r.uint()?).ok();
            let end = usize::try_from(input.r.uint()?)
                .ok()
                .and_then(|len| start?.checked_add(len));
            let (Some(start), Some(end)) = (start, end) else {
                return Err(bad("a sentence's span is too large for this machine"));
            };
            let sentence = input.str()?.to_string();
            let rule = names.rules.get(input.str()?)?;
            let confidence = input.r.f32()?;
            if !(0.0..=1.0).contains(&confidence) {
                return Err(bad("a confidence is not between 0 and 1"));
            }
            let status = names.statuses.get(input.str()?)?;
            let topics: Vec<String> = input.strs()?.into_iter().map(str::to_string).collect();
            let place = input.opt_str()?.map(str::to_string);
            let date = if input.present()? {
                let text = input.str()?.to_string();
                let range = if input.present()? {
                    let (start, end) = (day(input.date()?)?, day(input.date()?)?);
                    if end < start {
                        return Err(bad("a date range ends before it starts"));
                    }
                    Some(DateRange {
                        start,
                        end,
                        precision: names.precisions.get(input.str()?)?,
                    })
                } else {
                    None
                };
                Some(DateRef { text, range })
            } else {
                None
            };
            let role = input.opt_str()?.map(str::to_string);
            evidence.push(Evidence {
                doc: d,
                span: Span::new(start, end),
                sentence: sentence.into(),
                rule,
                confidence,
                status,
                topics: topics.into_boxed_slice(),
                place: place.map(Into::into),
                date: date.map(Box::new),
                role: role.map(Into::into),
            });
        }
        // The index of edges by their ends is for merging, which a graph read from a file
        // does only after merging its records again: it is not made here.
        let _: EdgeId = graph.add_edge(source, target, Edge { kind, evidence });
    }
    Ok(edges)
}

/// The merges and splits logs and the name indexes, into `g`.
fn decode_logs(
    input: &mut Decoder<'_>,
    g: &mut KnowledgeGraph,
    nodes: usize,
) -> Result<(), GraphFileError> {
    let node = |i: u64| -> Result<NodeId, GraphFileError> {
        if i < nodes as u64 {
            Ok(NodeId::new(i as usize))
        } else {
            Err(bad("a node number is past the last node"))
        }
    };
    let n = input.r.count(MERGE_MIN)?;
    g.merges.reserve_exact(n);
    for _ in 0..n {
        g.merges.push(Merge {
            kept: input.str()?.to_string(),
            merged: input.str()?.to_string(),
            reason: merge_reason(input.str()?)?,
            doc: input.str()?.to_string(),
        });
    }
    let n = input.r.count(SPLIT_MIN)?;
    g.splits.reserve_exact(n);
    for _ in 0..n {
        g.splits.push(Split {
            name: input.str()?.to_string(),
            apart_from: input.str()?.to_string(),
            doc: input.str()?.to_string(),
        });
    }
    let mut lists = Vec::with_capacity(3);
    for _ in 0..3 {
        let n = input.r.count(ENTRY_MIN)?;
        let mut index: FxHashMap<u128, crate::graph::NodeIds> = FxHashMap::default();
        index.reserve(n);
        let mut last = None;
        for _ in 0..n {
            let key = input.r.u128()?;
            if last.is_some_and(|l| l >= key) {
                return Err(bad("an index is not sorted by key"));
            }
            last = Some(key);
            let count = input.r.count(1)?;
            let mut ids = crate::graph::NodeIds::with_capacity(count);
            for _ in 0..count {
                ids.push(node(input.r.uint()?)?);
            }
            index.insert(key, ids);
        }
        lists.push(index);
    }
    let mut lists = lists.into_iter();
    g.names = lists.next().unwrap_or_default();
    g.surnames = lists.next().unwrap_or_default();
    g.apart = lists.next().unwrap_or_default();
    let n = input.r.count(ENTRY_MIN)?;
    g.keys.reserve(n);
    let mut last = None;
    for _ in 0..n {
        let key = input.r.u128()?;
        if last.is_some_and(|l| l >= key) {
            return Err(bad("an index is not sorted by key"));
        }
        last = Some(key);
        // A merge key may name a node merged away (petgraph's `contains_node` says so); such a
        // key is saved as the number past the last node.
        let id = input.r.uint()?;
        let id = if id == nodes as u64 {
            NodeId::end()
        } else {
            node(id)?
        };
        g.keys.insert(key, id);
    }
    let n = input.r.count(VOTE_MIN)?;
    g.votes.reserve(n);
    let mut last: Option<&str> = None;
    for _ in 0..n {
        let name = input.str()?;
        if last.is_some_and(|l| l >= name) {
            return Err(bad("the company vote is not sorted by name"));
        }
        last = Some(name);
        let (company, person) = (input.r.u32()?, input.r.u32()?);
        g.votes.insert(name.to_string(), (company, person));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LinkReason;

    #[test]
    fn every_merge_reason_reads_back() {
        let mut reasons = vec![
            MergeReason::Alias,
            MergeReason::Spelling,
            MergeReason::Surname,
            MergeReason::Corrected,
        ];
        reasons.extend(
            LINK_REASONS
                .iter()
                .map(|&l: &LinkReason| MergeReason::Within(l)),
        );
        for reason in reasons {
            assert_eq!(merge_reason(&merge_reason_name(reason)).ok(), Some(reason));
        }
        assert!(merge_reason("within_nothing").is_err());
    }
}
