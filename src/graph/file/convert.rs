//! The in-memory graph to records and back, and the names that enum values are saved by.
//!
//! Every enum is saved by a name that is part of the format: kinds by `as_str` (`Person`,
//! `MET`, `city`), a status by `as_str` (`planned`), a precision by `as_str` (`month`), a rule
//! by `name` (`go_to`), a link reason by [`link_reason_name`] and a merge reason by
//! [`merge_reason_name`]. Renaming one changes the format; adding one does not.

use std::collections::BTreeSet;

use petgraph::visit::NodeIndexable;
use rustc_hash::FxHashSet;

use super::GraphFileError;
use super::records::{
    DateRecord, DateRefRecord, Decoder, DocRecord, EdgeRecord, Encoder, EvidenceRecord,
    MergeRecord, NodeRecord, RangeRecord, RoleRecord,
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

/// The values of one enum's names as met in a file, by the address of the name in the file: a
/// file writes each name once and refers to it after, so the same few names come back many
/// times and each is compared with the enum's names once. Only the first few addresses are
/// remembered, so a file that writes a name out many times costs no more than one comparison
/// with every name.
struct Names<T: 'static> {
    what: &'static str,
    all: &'static [T],
    name_of: fn(T) -> &'static str,
    seen: Vec<((usize, usize), T)>,
}

impl<T: Copy> Names<T> {
    fn new(what: &'static str, all: &'static [T], name_of: fn(T) -> &'static str) -> Names<T> {
        Names {
            what,
            all,
            name_of,
            seen: Vec::new(),
        }
    }

    fn get(&mut self, name: &str) -> Result<T, GraphFileError> {
        let address = (name.as_ptr() as usize, name.len());
        if let Some(&(_, value)) = self.seen.iter().find(|(seen, _)| *seen == address) {
            return Ok(value);
        }
        let value = named(self.what, self.all.iter().copied(), self.name_of, name)?;
        if self.seen.len() < 64 {
            self.seen.push((address, value));
        }
        Ok(value)
    }
}

/// The names read back while loading one file.
struct Lookups {
    kinds: Names<EntityKind>,
    places: Names<PlaceKind>,
    relations: Names<RelationKind>,
    rules: Names<Rule>,
    statuses: Names<Status>,
    precisions: Names<Precision>,
    links: Names<LinkReason>,
}

impl Lookups {
    fn new() -> Lookups {
        Lookups {
            kinds: Names::new("entity kind", &EntityKind::ALL, EntityKind::as_str),
            places: Names::new("place kind", &PLACE_KINDS, PlaceKind::as_str),
            relations: Names::new("relation", &RelationKind::ALL, RelationKind::as_str),
            rules: Names::new("rule", Rule::ALL, Rule::name),
            statuses: Names::new("status", &Status::ALL, Status::as_str),
            precisions: Names::new("precision", &PRECISIONS, Precision::as_str),
            links: Names::new("link reason", &LINK_REASONS, link_reason_name),
        }
    }
}

fn date_record(date: Date) -> DateRecord {
    DateRecord {
        year: date.year().into(),
        month: date.month() as u8,
        day: date.day() as u8,
    }
}

/// The body of the file for a graph. Nodes are numbered densely in index order, so a graph with
/// merged-away nodes saves without gaps, and the same graph always gives the same bytes.
pub(super) fn save(graph: &KnowledgeGraph) -> Vec<u8> {
    let evidence: usize = graph.edges().map(|(.., e)| e.evidence.len()).sum();
    let strings = 2 * graph.docs.len() + 2 * graph.graph.node_count() + 2 * evidence;
    let text: usize = graph.nodes().map(|(_, n)| n.name.len()).sum::<usize>()
        + graph
            .edges()
            .flat_map(|(.., e)| &e.evidence)
            .map(|e| e.sentence.len())
            .sum::<usize>();
    let mut out = Encoder::with_capacity(strings, text + 32 * graph.graph.node_count());

    out.section(graph.docs.len());
    for d in &graph.docs {
        out.doc(&DocRecord {
            id: &d.id,
            date: d.date.map(date_record),
            title: d.title.as_deref(),
        });
    }

    out.section(graph.graph.node_count());
    let mut dense = vec![u32::MAX; NodeIndexable::node_bound(&graph.graph)];
    let mut record = NodeRecord::default();
    for (i, (id, node)) in graph.nodes().enumerate() {
        dense[id.index()] = i as u32;
        record.name = &node.name;
        record.kind = node.kind.as_str();
        record.place_kind = node.place_kind.map(PlaceKind::as_str);
        record.aliases.clear();
        record
            .aliases
            .extend(node.aliases.iter().map(String::as_str));
        record.roles.clear();
        record.roles.extend(node.roles.iter().map(|r| RoleRecord {
            title: &r.title,
            of: r.of.as_deref(),
        }));
        record.mentions = node.mentions;
        record.docs.clear();
        record.docs.extend(&node.docs);
        out.node(&record);
    }

    out.section(graph.graph.edge_count());
    let mut record = EdgeRecord::default();
    for (_, source, target, edge) in graph.edges() {
        record.source = dense[source.index()];
        record.target = dense[target.index()];
        record.kind = edge.kind.as_str();
        record.evidence.clear();
        record
            .evidence
            .extend(edge.evidence.iter().map(|e| EvidenceRecord {
                doc: e.doc,
                start: e.span.start as u64,
                len: (e.span.end - e.span.start) as u64,
                sentence: &e.sentence,
                rule: e.rule.name(),
                confidence: e.confidence,
                status: e.status.as_str(),
                topics: e.topics.iter().map(String::as_str).collect(),
                place: e.place.as_deref(),
                date: e.date.as_ref().map(|d| DateRefRecord {
                    text: &d.text,
                    range: d.range.map(|r| RangeRecord {
                        start: date_record(r.start),
                        end: date_record(r.end),
                        precision: r.precision.as_str(),
                    }),
                }),
                role: e.role.as_deref(),
            }));
        out.edge(&record);
    }

    out.section(graph.merges.len());
    for m in &graph.merges {
        let (reason, link) = merge_reason_name(m.reason);
        out.merge(&MergeRecord {
            kept: &m.kept,
            merged: &m.merged,
            reason,
            link: link.map(link_reason_name),
            doc: &m.doc,
        });
    }
    out.finish()
}

fn date(record: DateRecord) -> Result<Date, GraphFileError> {
    let bad = || GraphFileError::Inconsistent("a date is not a day of the calendar");
    let year = i16::try_from(record.year).map_err(|_| bad())?;
    let month = i8::try_from(record.month).map_err(|_| bad())?;
    let day = i8::try_from(record.day).map_err(|_| bad())?;
    Date::new(year, month, day).map_err(|_| bad())
}

/// Rebuilds a graph from a body, record by record, checking what the records mean: names of
/// enum values, positions of documents and nodes, spans, dates and confidences. The indexes
/// (names, merge keys, surnames, edge keys) are rebuilt, never read.
pub(super) fn load(body: &[u8]) -> Result<KnowledgeGraph, GraphFileError> {
    let mut input = Decoder::new(body);
    let mut graph = KnowledgeGraph::default();
    let mut names = Lookups::new();

    let n = input.docs()?;
    let mut ids = FxHashSet::default();
    ids.reserve(n);
    graph.docs.reserve(n);
    for _ in 0..n {
        let doc = input.doc()?;
        if !ids.insert(doc.id) {
            return Err(GraphFileError::Inconsistent("two documents have one id"));
        }
        graph.docs.push(DocInfo {
            id: doc.id.to_string(),
            date: doc.date.map(date).transpose()?,
            title: doc.title.map(str::to_string),
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

    let n = input.nodes()?;
    let mut node_ids: Vec<NodeId> = Vec::with_capacity(n);
    let mut record = NodeRecord::default();
    let mut alias_list: Vec<String> = Vec::new();
    for _ in 0..n {
        input.node(&mut record)?;
        let kind = names.kinds.get(record.kind)?;
        let place_kind = record.place_kind.map(|k| names.places.get(k)).transpose()?;
        let aliases: BTreeSet<String> = record.aliases.iter().map(|a| a.to_string()).collect();
        let roles: BTreeSet<Role> = record
            .roles
            .iter()
            .map(|r| Role {
                title: r.title.to_string(),
                of: r.of.map(str::to_string),
            })
            .collect();
        let docs = record
            .docs
            .iter()
            .map(|&d| doc_id(d))
            .collect::<Result<BTreeSet<u32>, _>>()?;
        alias_list.clear();
        alias_list.extend(aliases.iter().cloned());
        let id = graph.graph.add_node(Node {
            name: record.name.to_string(),
            kind,
            place_kind,
            aliases,
            roles,
            mentions: record.mentions,
            docs,
        });
        graph.index_name(record.name, id);
        for alias in &alias_list {
            graph.index_name(alias, id);
        }
        graph.register_keys(kind, record.name, &alias_list, id);
        node_ids.push(id);
    }

    let n = input.edges()?;
    graph.edge_keys.reserve(n);
    let mut record = EdgeRecord::default();
    for _ in 0..n {
        input.edge(&mut record)?;
        let kind = names.relations.get(record.kind)?;
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
        let evidence = record
            .evidence
            .iter()
            .map(|e| evidence_of(e, &mut names, doc_id(e.doc)?))
            .collect::<Result<Vec<_>, _>>()?;
        let e = graph
            .graph
            .add_edge(source, target, Edge { kind, evidence });
        graph.edge_keys.insert((kind, source, target), e);
    }

    let n = input.merges()?;
    graph.merges.reserve(n);
    for _ in 0..n {
        let m = input.merge()?;
        let reason = match (m.reason, m.link) {
            ("alias", None) => MergeReason::Alias,
            ("spelling", None) => MergeReason::Spelling,
            ("surname", None) => MergeReason::Surname,
            ("within", Some(link)) => MergeReason::Within(names.links.get(link)?),
            ("alias" | "spelling" | "surname", Some(_)) | ("within", None) => {
                return Err(GraphFileError::Inconsistent(
                    "a merge has a link reason but not the reason `within`, or the reason without one",
                ));
            }
            (name, _) => {
                return Err(GraphFileError::UnknownName {
                    what: "merge reason",
                    name: name.to_string(),
                });
            }
        };
        graph.merges.push(Merge {
            kept: m.kept.to_string(),
            merged: m.merged.to_string(),
            reason,
            doc: m.doc.to_string(),
        });
    }
    input.finish()?;
    Ok(graph)
}

fn evidence_of(
    e: &EvidenceRecord,
    names: &mut Lookups,
    doc: u32,
) -> Result<Evidence, GraphFileError> {
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
                    Some(DateRange {
                        start,
                        end,
                        precision: names.precisions.get(r.precision)?,
                    })
                }
            };
            Some(DateRef {
                text: d.text.to_string(),
                range,
            })
        }
    };
    Ok(Evidence {
        doc,
        span: Span::new(start, end),
        sentence: e.sentence.to_string(),
        rule: names.rules.get(e.rule)?,
        confidence: e.confidence,
        status: names.statuses.get(e.status)?,
        topics: e.topics.iter().map(|t| t.to_string()).collect(),
        place: e.place.map(str::to_string),
        date,
        role: e.role.map(str::to_string),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails to compile when a variant is added to one of these enums, so that the lists the
    /// names are read back from are brought up to date with it: `PLACE_KINDS`, `PRECISIONS`
    /// and `LINK_REASONS` here, `EntityKind::ALL`, `RelationKind::ALL` and `Status::ALL` in
    /// `src/model/` (`Rule::ALL` is made by the macro that makes `Rule`).
    #[allow(dead_code)]
    fn every_variant_is_listed(
        p: PlaceKind,
        q: Precision,
        l: LinkReason,
        e: EntityKind,
        r: RelationKind,
        s: Status,
    ) {
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
        match r {
            RelationKind::Met
            | RelationKind::Visited
            | RelationKind::Discussed
            | RelationKind::Said
            | RelationKind::HoldsRole
            | RelationKind::Called => {}
        }
        match s {
            Status::Happened | Status::Reported | Status::Planned | Status::Denied => {}
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
