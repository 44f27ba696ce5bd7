//! The in-memory graph to records and back, and the names that enum values are saved by.
//!
//! Every enum is saved by a name that is part of the format: kinds by `as_str` (`Person`,
//! `MET`, `city`), a status by `as_str` (`planned`), a precision by `as_str` (`month`), a rule
//! by `name` (`go_to`), a link reason by [`link_reason_name`] and a merge reason by
//! [`merge_reason_name`]. Renaming one changes the format; adding one does not.

use std::collections::BTreeSet;

use petgraph::visit::NodeIndexable;
use rustc_hash::{FxHashMap, FxHashSet};

use super::GraphFileError;
use super::records::{
    DateRecord, DateRefRecord, DocRecord, EdgeRecord, EvidenceRecord, GraphFile, MergeRecord,
    NodeRecord, RangeRecord, RoleRecord, StrId,
};
use crate::graph::{DocInfo, Edge, Evidence, KnowledgeGraph, Merge, Node, NodeId};
use crate::model::{
    Date, DateRange, DateRef, EntityKind, LinkReason, MergeReason, PlaceKind, Precision,
    RelationKind, Role, Rule, Status,
};
use crate::text::Span;

/// Every place kind, for reading names back.
const PLACE_KINDS: [PlaceKind; 4] = [
    PlaceKind::Country,
    PlaceKind::City,
    PlaceKind::Region,
    PlaceKind::Facility,
];

/// Every precision, for reading names back.
const PRECISIONS: [Precision; 4] = [
    Precision::Day,
    Precision::Week,
    Precision::Month,
    Precision::Year,
];

/// Every link reason, for reading names back.
const LINK_REASONS: [LinkReason; 10] = [
    LinkReason::Surname,
    LinkReason::Title,
    LinkReason::KnownName,
    LinkReason::OfficialName,
    LinkReason::OrganisationEnd,
    LinkReason::Acronym,
    LinkReason::GivenAfterSir,
    LinkReason::FamilyFirst,
    LinkReason::GivenName,
    LinkReason::Spelling,
];

/// The saved name of a link reason (the same as its serde name).
pub(super) const fn link_reason_name(reason: LinkReason) -> &'static str {
    match reason {
        LinkReason::Surname => "surname",
        LinkReason::Title => "title",
        LinkReason::KnownName => "known_name",
        LinkReason::OfficialName => "official_name",
        LinkReason::OrganisationEnd => "organisation_end",
        LinkReason::Acronym => "acronym",
        LinkReason::GivenAfterSir => "given_after_sir",
        LinkReason::FamilyFirst => "family_first",
        LinkReason::GivenName => "given_name",
        LinkReason::Spelling => "spelling",
    }
}

/// The saved name of a merge reason, and for a link within a document, the link's name.
pub(super) const fn merge_reason_name(reason: MergeReason) -> (&'static str, Option<LinkReason>) {
    match reason {
        MergeReason::Alias => ("alias", None),
        MergeReason::Spelling => ("spelling", None),
        MergeReason::Surname => ("surname", None),
        MergeReason::Within(link) => ("within", Some(link)),
    }
}

/// Reads back a name saved for an enum value, or says which name was not known.
fn named<T: Copy>(
    what: &'static str,
    all: impl IntoIterator<Item = T>,
    name_of: impl Fn(T) -> &'static str,
    name: &str,
) -> Result<T, GraphFileError> {
    all.into_iter()
        .find(|&v| name_of(v) == name)
        .ok_or_else(|| GraphFileError::UnknownName {
            what,
            name: name.to_string(),
        })
}

/// Strings to indices, in order of first use.
#[derive(Default)]
struct Interner<'a> {
    ids: FxHashMap<&'a str, u32>,
    strings: Vec<&'a str>,
}

impl<'a> Interner<'a> {
    fn id(&mut self, s: &'a str) -> StrId {
        let next = self.strings.len() as u32;
        let id = *self.ids.entry(s).or_insert(next);
        if id == next {
            self.strings.push(s);
        }
        StrId(id)
    }

    fn opt(&mut self, s: Option<&'a str>) -> Option<StrId> {
        s.map(|s| self.id(s))
    }
}

fn date_record(date: Date) -> DateRecord {
    DateRecord {
        year: date.year().into(),
        month: date.month() as u8,
        day: date.day() as u8,
    }
}

/// The graph as records. Nodes are numbered densely in index order, so a graph with
/// merged-away nodes saves without gaps, and the same graph always gives the same records.
pub(super) fn to_records(graph: &KnowledgeGraph) -> GraphFile<'_> {
    let mut s = Interner::default();
    let docs = graph
        .docs
        .iter()
        .map(|d| DocRecord {
            id: s.id(&d.id),
            date: d.date.map(date_record),
            title: s.opt(d.title.as_deref()),
        })
        .collect();

    let mut dense = vec![u32::MAX; NodeIndexable::node_bound(&graph.graph)];
    let mut nodes = Vec::with_capacity(graph.graph.node_count());
    for (i, (id, node)) in graph.nodes().enumerate() {
        dense[id.index()] = i as u32;
        nodes.push(NodeRecord {
            name: s.id(&node.name),
            kind: s.id(node.kind.as_str()),
            place_kind: node.place_kind.map(|k| s.id(k.as_str())),
            aliases: node.aliases.iter().map(|a| s.id(a)).collect(),
            roles: node
                .roles
                .iter()
                .map(|r| RoleRecord {
                    title: s.id(&r.title),
                    of: s.opt(r.of.as_deref()),
                })
                .collect(),
            mentions: node.mentions,
            docs: node.docs.iter().copied().collect(),
        });
    }

    let edges = graph
        .edges()
        .map(|(_, source, target, edge)| EdgeRecord {
            source: dense[source.index()],
            target: dense[target.index()],
            kind: s.id(edge.kind.as_str()),
            evidence: edge
                .evidence
                .iter()
                .map(|e| EvidenceRecord {
                    doc: e.doc,
                    start: e.span.start as u64,
                    len: (e.span.end - e.span.start) as u64,
                    sentence: s.id(&e.sentence),
                    rule: s.id(e.rule.name()),
                    confidence: e.confidence,
                    status: s.id(e.status.as_str()),
                    topics: e.topics.iter().map(|t| s.id(t)).collect(),
                    place: s.opt(e.place.as_deref()),
                    date: e.date.as_ref().map(|d| DateRefRecord {
                        text: s.id(&d.text),
                        range: d.range.map(|r| RangeRecord {
                            start: date_record(r.start),
                            end: date_record(r.end),
                            precision: s.id(r.precision.as_str()),
                        }),
                    }),
                    role: s.opt(e.role.as_deref()),
                })
                .collect(),
        })
        .collect();

    let merges = graph
        .merges
        .iter()
        .map(|m| {
            let (reason, link) = merge_reason_name(m.reason);
            MergeRecord {
                kept: s.id(&m.kept),
                merged: s.id(&m.merged),
                reason: s.id(reason),
                link: link.map(|l| s.id(link_reason_name(l))),
                doc: s.id(&m.doc),
            }
        })
        .collect();

    GraphFile {
        strings: s.strings,
        docs,
        nodes,
        edges,
        merges,
    }
}

/// Reads strings of a decoded file.
struct Strings<'f, 'a>(&'f [&'a str]);

impl<'a> Strings<'_, 'a> {
    fn get(&self, id: StrId) -> Result<&'a str, GraphFileError> {
        self.0
            .get(id.0 as usize)
            .copied()
            .ok_or(GraphFileError::Inconsistent(
                "a string index is past the end of the string table",
            ))
    }

    fn owned(&self, id: StrId) -> Result<String, GraphFileError> {
        self.get(id).map(str::to_string)
    }

    fn opt(&self, id: Option<StrId>) -> Result<Option<String>, GraphFileError> {
        id.map(|id| self.owned(id)).transpose()
    }
}

fn date(record: DateRecord) -> Result<Date, GraphFileError> {
    let bad = || GraphFileError::Inconsistent("a date is not a day of the calendar");
    let year = i16::try_from(record.year).map_err(|_| bad())?;
    let month = i8::try_from(record.month).map_err(|_| bad())?;
    let day = i8::try_from(record.day).map_err(|_| bad())?;
    Date::new(year, month, day).map_err(|_| bad())
}

/// Rebuilds a graph from decoded records, checking what they mean: names of enum values,
/// positions of documents and nodes, spans, dates and confidences. The indexes (names, merge
/// keys, surnames, edge keys) are rebuilt, never read.
pub(super) fn from_records(file: GraphFile<'_>) -> Result<KnowledgeGraph, GraphFileError> {
    let s = Strings(&file.strings);
    let mut graph = KnowledgeGraph::default();

    let mut ids = FxHashSet::default();
    graph.docs.reserve(file.docs.len());
    for doc in &file.docs {
        let id = s.get(doc.id)?;
        if !ids.insert(id) {
            return Err(GraphFileError::Inconsistent("two documents have one id"));
        }
        graph.docs.push(DocInfo {
            id: id.to_string(),
            date: doc.date.map(date).transpose()?,
            title: s.opt(doc.title)?,
        });
    }
    let doc_count = graph.docs.len();
    let doc_id = |doc: u32| {
        if (doc as usize) < doc_count {
            Ok(doc)
        } else {
            Err(GraphFileError::Inconsistent(
                "a document number is past the end of the documents",
            ))
        }
    };

    let mut node_ids: Vec<NodeId> = Vec::with_capacity(file.nodes.len());
    for record in &file.nodes {
        let kind = named(
            "entity kind",
            EntityKind::ALL,
            EntityKind::as_str,
            s.get(record.kind)?,
        )?;
        let place_kind = record
            .place_kind
            .map(|k| named("place kind", PLACE_KINDS, PlaceKind::as_str, s.get(k)?))
            .transpose()?;
        let aliases = record
            .aliases
            .iter()
            .map(|&a| s.owned(a))
            .collect::<Result<BTreeSet<String>, _>>()?;
        let roles = record
            .roles
            .iter()
            .map(|r| {
                Ok(Role {
                    title: s.owned(r.title)?,
                    of: s.opt(r.of)?,
                })
            })
            .collect::<Result<BTreeSet<Role>, GraphFileError>>()?;
        let docs = record
            .docs
            .iter()
            .map(|&d| doc_id(d))
            .collect::<Result<BTreeSet<u32>, _>>()?;
        let name = s.owned(record.name)?;
        let alias_list: Vec<String> = aliases.iter().cloned().collect();
        let id = graph.graph.add_node(Node {
            name: name.clone(),
            kind,
            place_kind,
            aliases,
            roles,
            mentions: record.mentions,
            docs,
        });
        graph.index_name(&name, id);
        for alias in &alias_list {
            graph.index_name(alias, id);
        }
        graph.register_keys(kind, &name, &alias_list, id);
        node_ids.push(id);
    }

    for record in &file.edges {
        let kind = named(
            "relation",
            RelationKind::ALL,
            RelationKind::as_str,
            s.get(record.kind)?,
        )?;
        let (Some(&source), Some(&target)) = (
            node_ids.get(record.source as usize),
            node_ids.get(record.target as usize),
        ) else {
            return Err(GraphFileError::Inconsistent(
                "an edge names a node that is not there",
            ));
        };
        if source == target {
            return Err(GraphFileError::Inconsistent(
                "an edge joins a node to itself",
            ));
        }
        if kind.is_symmetric() && target < source {
            return Err(GraphFileError::Inconsistent(
                "a symmetric edge is saved from its larger end",
            ));
        }
        if graph.edge_keys.contains_key(&(kind, source, target)) {
            return Err(GraphFileError::Inconsistent(
                "two edges join the same nodes by the same relation",
            ));
        }
        if record.evidence.is_empty() {
            return Err(GraphFileError::Inconsistent("an edge has no evidence"));
        }
        let mut evidence = Vec::with_capacity(record.evidence.len());
        for e in &record.evidence {
            evidence.push(evidence_of(e, &s, doc_id(e.doc)?)?);
        }
        let e = graph
            .graph
            .add_edge(source, target, Edge { kind, evidence });
        graph.edge_keys.insert((kind, source, target), e);
    }

    graph.merges.reserve(file.merges.len());
    for m in &file.merges {
        let reason = match (s.get(m.reason)?, m.link) {
            ("alias", None) => MergeReason::Alias,
            ("spelling", None) => MergeReason::Spelling,
            ("surname", None) => MergeReason::Surname,
            ("within", Some(link)) => MergeReason::Within(named(
                "link reason",
                LINK_REASONS,
                link_reason_name,
                s.get(link)?,
            )?),
            (name @ ("alias" | "spelling" | "surname" | "within"), _) => {
                return Err(GraphFileError::UnknownName {
                    what: "merge reason",
                    name: format!("{name} with a link reason that does not belong"),
                });
            }
            (name, _) => {
                return Err(GraphFileError::UnknownName {
                    what: "merge reason",
                    name: name.to_string(),
                });
            }
        };
        graph.merges.push(Merge {
            kept: s.owned(m.kept)?,
            merged: s.owned(m.merged)?,
            reason,
            doc: s.owned(m.doc)?,
        });
    }
    Ok(graph)
}

fn evidence_of(e: &EvidenceRecord, s: &Strings, doc: u32) -> Result<Evidence, GraphFileError> {
    let start = usize::try_from(e.start).ok();
    let end = usize::try_from(e.len)
        .ok()
        .and_then(|len| start?.checked_add(len));
    let (Some(start), Some(end)) = (start, end) else {
        return Err(GraphFileError::Inconsistent(
            "a sentence's span is too large for this machine",
        ));
    };
    if !(0.0..=1.0).contains(&e.confidence) {
        return Err(GraphFileError::Inconsistent(
            "a confidence is not between 0 and 1",
        ));
    }
    let date = match &e.date {
        None => None,
        Some(d) => {
            let range = match &d.range {
                None => None,
                Some(r) => {
                    let (start, end) = (date(r.start)?, date(r.end)?);
                    if end < start {
                        return Err(GraphFileError::Inconsistent(
                            "a date range ends before it starts",
                        ));
                    }
                    let precision = named(
                        "precision",
                        PRECISIONS,
                        Precision::as_str,
                        s.get(r.precision)?,
                    )?;
                    Some(DateRange {
                        start,
                        end,
                        precision,
                    })
                }
            };
            Some(DateRef {
                text: s.owned(d.text)?,
                range,
            })
        }
    };
    Ok(Evidence {
        doc,
        span: Span::new(start, end),
        sentence: s.owned(e.sentence)?,
        rule: named(
            "rule",
            Rule::ALL.iter().copied(),
            Rule::name,
            s.get(e.rule)?,
        )?,
        confidence: e.confidence,
        status: named("status", Status::ALL, Status::as_str, s.get(e.status)?)?,
        topics: e
            .topics
            .iter()
            .map(|&t| s.owned(t))
            .collect::<Result<_, _>>()?,
        place: s.opt(e.place)?,
        date,
        role: s.opt(e.role)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails to compile when a variant is added to one of these enums, so that the lists the
    /// names are read back from are brought up to date with it.
    #[allow(dead_code)]
    fn every_variant_is_listed(p: PlaceKind, q: Precision, l: LinkReason, e: EntityKind) {
        match p {
            PlaceKind::Country | PlaceKind::City | PlaceKind::Region | PlaceKind::Facility => {}
        }
        match q {
            Precision::Day | Precision::Week | Precision::Month | Precision::Year => {}
        }
        match l {
            LinkReason::Surname
            | LinkReason::Title
            | LinkReason::KnownName
            | LinkReason::OfficialName
            | LinkReason::OrganisationEnd
            | LinkReason::Acronym
            | LinkReason::GivenAfterSir
            | LinkReason::FamilyFirst
            | LinkReason::GivenName
            | LinkReason::Spelling => {}
        }
        match e {
            EntityKind::Person
            | EntityKind::Organization
            | EntityKind::Place
            | EntityKind::Topic
            | EntityKind::Quote => {}
        }
    }

    fn distinct(names: &[&str]) -> bool {
        names.iter().collect::<BTreeSet<_>>().len() == names.len()
    }

    #[test]
    fn every_name_reads_back_to_its_value() {
        for k in EntityKind::ALL {
            assert_eq!(
                named("", EntityKind::ALL, EntityKind::as_str, k.as_str()).ok(),
                Some(k)
            );
        }
        for k in RelationKind::ALL {
            assert_eq!(
                named("", RelationKind::ALL, RelationKind::as_str, k.as_str()).ok(),
                Some(k)
            );
        }
        for k in PLACE_KINDS {
            assert_eq!(
                named("", PLACE_KINDS, PlaceKind::as_str, k.as_str()).ok(),
                Some(k)
            );
        }
        for k in PRECISIONS {
            assert_eq!(
                named("", PRECISIONS, Precision::as_str, k.as_str()).ok(),
                Some(k)
            );
        }
        for k in Status::ALL {
            assert_eq!(
                named("", Status::ALL, Status::as_str, k.as_str()).ok(),
                Some(k)
            );
        }
        for &k in Rule::ALL {
            assert_eq!(Rule::parse(k.name()), Some(k));
        }
        for k in LINK_REASONS {
            assert_eq!(
                named("", LINK_REASONS, link_reason_name, link_reason_name(k)).ok(),
                Some(k)
            );
            // The saved name is the serde name, so the JSON export and the file agree.
            let json = serde_json::to_string(&k).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", link_reason_name(k)));
        }
        assert!(distinct(&EntityKind::ALL.map(EntityKind::as_str)));
        assert!(distinct(&RelationKind::ALL.map(RelationKind::as_str)));
        assert!(distinct(&PLACE_KINDS.map(PlaceKind::as_str)));
        assert!(distinct(&PRECISIONS.map(Precision::as_str)));
        assert!(distinct(&Status::ALL.map(Status::as_str)));
        assert!(distinct(&LINK_REASONS.map(link_reason_name)));
        let rules: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
        assert!(distinct(&rules));
    }

    /// The names files of format version 2 were written with. A name that stops reading back
    /// makes every such file unreadable: keep the name, or bump `FORMAT_VERSION` and update
    /// this list. New names may be added freely.
    #[test]
    fn names_saved_by_version_2_still_read_back() {
        let kinds = ["Person", "Organization", "Place", "Topic", "Quote"];
        let relations = [
            "MET",
            "CALLED",
            "VISITED",
            "DISCUSSED",
            "SAID",
            "HOLDS_ROLE",
        ];
        let places = ["country", "city", "region", "facility"];
        let precisions = ["day", "week", "month", "year"];
        let statuses = ["happened", "reported", "planned", "denied"];
        let links = [
            "surname",
            "title",
            "known_name",
            "official_name",
            "organisation_end",
            "acronym",
            "given_after_sir",
            "family_first",
            "given_name",
            "spelling",
        ];
        let rules = [
            "meet",
            "receive",
            "received_by",
            "discuss_with",
            "visit",
            "arrive_in",
            "quote",
            "meeting_with",
            "meeting_between",
            "talk_with",
            "go_to",
            "visit_to",
            "hold_talks",
            "see",
            "discuss_together",
            "phone",
            "visit_person",
            "discuss",
            "talked",
            "speech_in",
            "return_from",
            "met_at",
            "be_in",
            "said_that",
            "title",
        ];
        let changed = "a name saved by format version 2 no longer reads back: keep it, or bump \
                       FORMAT_VERSION and update this list";
        for name in kinds {
            assert!(
                named("", EntityKind::ALL, EntityKind::as_str, name).is_ok(),
                "{changed}: {name}"
            );
        }
        for name in relations {
            assert!(
                named("", RelationKind::ALL, RelationKind::as_str, name).is_ok(),
                "{changed}: {name}"
            );
        }
        for name in places {
            assert!(
                named("", PLACE_KINDS, PlaceKind::as_str, name).is_ok(),
                "{changed}: {name}"
            );
        }
        for name in precisions {
            assert!(
                named("", PRECISIONS, Precision::as_str, name).is_ok(),
                "{changed}: {name}"
            );
        }
        for name in statuses {
            assert!(
                named("", Status::ALL, Status::as_str, name).is_ok(),
                "{changed}: {name}"
            );
        }
        for name in links {
            assert!(
                named("", LINK_REASONS, link_reason_name, name).is_ok(),
                "{changed}: {name}"
            );
        }
        for name in rules {
            assert!(Rule::parse(name).is_some(), "{changed}: {name}");
        }
    }
}
