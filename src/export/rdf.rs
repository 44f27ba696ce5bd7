//! RDF, as N-Triples or Turtle, serialized by oxttl so that IRIs and literals are escaped as the
//! grammars say.
//!
//! Entities are resources named after their type and name (`id/Person/John%20Kerry`), typed
//! (`kg:Person`), labelled (`rdfs:label`, aliases as `skos:altLabel`). Every sentence behind an
//! edge is an event resource (`kg:Meeting`, `kg:Call`, `kg:Visit`, `kg:Discussion`,
//! `kg:Statement`, `kg:RoleHolding`, all `kg:Event`) with its `kg:agent` and `kg:object`
//! (meetings and calls: both as `kg:participant`), `kg:topic`, `kg:place`, `kg:date`
//! (`xsd:date`, or `kg:startDate` and `kg:endDate` for a span), `kg:dateText`, `kg:status`,
//! `kg:negated`, `kg:confidence`, `kg:rule` and its source (`kg:source` document, `kg:sentence`,
//! `kg:start`, `kg:end`). An edge no sentence denies is also a direct statement
//! (`<Kerry> kg:met <Putin>`). Topics and places are resources too; one that the export does not
//! hold otherwise is described by its type and label.

use std::collections::{BTreeSet, HashMap};

use oxrdf::vocab::{rdf, rdfs, xsd};
use oxrdf::{Literal, NamedNode, NamedNodeRef, Term, TripleRef};
use oxttl::{NTriplesSerializer, TurtleSerializer};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::{View, edge_negated, round_confidence};
use crate::graph::{Edge, Evidence, NodeId};
use crate::model::{Date, EntityKind, RelationKind};

/// The vocabulary's namespace (`kg:`). `.example` is reserved for documentation (RFC 2606): the
/// IRIs name things in this export, not pages on the web.
pub const VOCABULARY: &str = "https://kg.example/ns#";
/// Where the resources of an export are named.
pub const RESOURCES: &str = "https://kg.example/id/";
const SKOS_ALT_LABEL: &str = "http://www.w3.org/2004/02/skos/core#altLabel";

/// Characters kept as they are in a name's path segment: letters, digits and `-._~` (RFC 3986's
/// unreserved); everything else, including every non-ASCII byte, is percent-encoded.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Which RDF syntax to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Syntax {
    NTriples,
    Turtle,
}

/// The view as RDF.
pub(super) fn write(view: &View<'_>, syntax: Syntax) -> String {
    let triples = Triples::new(view).collect();
    let bytes = match syntax {
        Syntax::NTriples => {
            let mut out = NTriplesSerializer::new().for_writer(Vec::new());
            for (s, p, o) in &triples {
                out.serialize_triple(TripleRef::new(s, p, o))
                    .expect("writing to memory cannot fail");
            }
            out.finish()
        }
        Syntax::Turtle => {
            let mut out = TurtleSerializer::new();
            for (prefix, iri) in [
                ("kg", VOCABULARY),
                ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
                ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
                ("skos", "http://www.w3.org/2004/02/skos/core#"),
                ("xsd", "http://www.w3.org/2001/XMLSchema#"),
            ] {
                out = out
                    .with_prefix(prefix, iri)
                    .expect("the prefixes are valid IRIs");
            }
            let mut out = out.for_writer(Vec::new());
            for (s, p, o) in &triples {
                out.serialize_triple(TripleRef::new(s, p, o))
                    .expect("writing to memory cannot fail");
            }
            out.finish().expect("writing to memory cannot fail")
        }
    };
    String::from_utf8(bytes).expect("RDF serializers write UTF-8")
}

/// A named resource or vocabulary term from an IRI this module built.
fn iri(text: String) -> NamedNode {
    // Every IRI here is a fixed prefix followed by percent-encoded segments, so it is valid; the
    // unit tests parse tricky ones to make sure.
    NamedNode::new_unchecked(text)
}

fn vocab(term: &str) -> NamedNode {
    iri(format!("{VOCABULARY}{term}"))
}

fn segment(text: &str) -> String {
    utf8_percent_encode(text, SEGMENT).to_string()
}

/// The IRI of an entity of a type and name.
fn entity_iri(kind: EntityKind, name: &str) -> NamedNode {
    iri(format!("{RESOURCES}{}/{}", kind.as_str(), segment(name)))
}

/// The event class and the direct predicate of a relation.
fn relation_terms(kind: RelationKind) -> (&'static str, &'static str) {
    match kind {
        RelationKind::Met => ("Meeting", "met"),
        RelationKind::Called => ("Call", "called"),
        RelationKind::Visited => ("Visit", "visited"),
        RelationKind::Discussed => ("Discussion", "discussed"),
        RelationKind::Said => ("Statement", "said"),
        RelationKind::HoldsRole => ("RoleHolding", "holdsRole"),
    }
}

/// A date as RDF: `xsd:date` when it is one (`2016-03-24`).
fn date_literal(day: Date) -> Literal {
    Literal::new_typed_literal(day.to_string(), xsd::DATE)
}

/// Builds the triples of a view in a fixed order: entities, then edges with their events, then
/// documents, then resources only referred to.
struct Triples<'v, 'g> {
    view: &'v View<'g>,
    out: Vec<(NamedNode, NamedNode, Term)>,
    /// The IRI of every node in the graph, unique even when two nodes share a type and a name.
    iris: HashMap<NodeId, NamedNode>,
    /// Node ids by exact name, for topics and places that evidence names as text.
    by_name: HashMap<&'g str, NodeId>,
    /// Nodes referred to as topics or places; described at the end unless exported anyway.
    referred: BTreeSet<NodeId>,
    /// Documents referred to, by index.
    docs: BTreeSet<u32>,
}

impl<'v, 'g> Triples<'v, 'g> {
    fn new(view: &'v View<'g>) -> Self {
        let mut iris = HashMap::new();
        let mut used: HashMap<String, usize> = HashMap::new();
        let mut by_name = HashMap::new();
        for (id, node) in view.graph.nodes() {
            let mut name = entity_iri(node.kind, &node.name);
            let seen = used.entry(name.as_str().to_string()).or_default();
            *seen += 1;
            if *seen > 1 {
                name = iri(format!("{}-{}", name.as_str(), seen));
            }
            iris.insert(id, name);
            by_name.entry(node.name.as_str()).or_insert(id);
        }
        Triples {
            view,
            out: Vec::new(),
            iris,
            by_name,
            referred: BTreeSet::new(),
            docs: BTreeSet::new(),
        }
    }

    fn add(&mut self, subject: &NamedNode, predicate: NamedNodeRef<'_>, object: impl Into<Term>) {
        self.out
            .push((subject.clone(), predicate.into_owned(), object.into()));
    }

    fn collect(mut self) -> Vec<(NamedNode, NamedNode, Term)> {
        let view = self.view;
        let exported: BTreeSet<NodeId> = view.nodes.iter().map(|&(id, _)| id).collect();
        for &(id, _) in &view.nodes {
            self.describe(id, true);
        }
        for (index, &(source, target, edge)) in view.edges.iter().enumerate() {
            self.edge(index, source, target, edge);
        }
        for doc in std::mem::take(&mut self.docs) {
            let Some(info) = view.graph.docs().get(doc as usize) else {
                continue;
            };
            let subject = doc_iri(&info.id);
            self.add(&subject, rdf::TYPE, vocab("Document"));
            self.add(&subject, rdfs::LABEL, Literal::new_simple_literal(&info.id));
            if let Some(title) = &info.title {
                self.add(
                    &subject,
                    vocab("title").as_ref(),
                    Literal::new_simple_literal(title),
                );
            }
            if let Some(date) = info.date {
                self.add(&subject, vocab("date").as_ref(), date_literal(date));
            }
        }
        for id in std::mem::take(&mut self.referred) {
            if !exported.contains(&id) {
                self.describe(id, false);
            }
        }
        self.out
    }

    /// An entity: type and label, and when `fully`, aliases, kind, roles and counts.
    fn describe(&mut self, id: NodeId, fully: bool) {
        let node = self.view.graph.node(id);
        let subject = self.iris[&id].clone();
        self.add(&subject, rdf::TYPE, vocab(node.kind.as_str()));
        self.add(
            &subject,
            rdfs::LABEL,
            Literal::new_simple_literal(&node.name),
        );
        if !fully {
            return;
        }
        for alias in &node.aliases {
            self.add(
                &subject,
                NamedNodeRef::new_unchecked(SKOS_ALT_LABEL),
                Literal::new_simple_literal(alias),
            );
        }
        if let Some(kind) = node.place_kind {
            self.add(
                &subject,
                vocab("kind").as_ref(),
                Literal::new_simple_literal(kind.as_str()),
            );
        }
        for role in &node.roles {
            self.add(
                &subject,
                vocab("role").as_ref(),
                Literal::new_simple_literal(role.to_string()),
            );
        }
        self.add(
            &subject,
            vocab("mentions").as_ref(),
            Literal::from(i64::from(node.mentions)),
        );
        self.add(
            &subject,
            vocab("documents").as_ref(),
            Literal::new_typed_literal(node.docs.len().to_string(), xsd::INTEGER),
        );
    }

    /// The resource a topic or place named in evidence stands for: its node when one has that
    /// exact name, else a resource of its own.
    fn named(&mut self, name: &str, kind: EntityKind) -> NamedNode {
        match self.by_name.get(name) {
            Some(&id) => {
                self.referred.insert(id);
                self.iris[&id].clone()
            }
            None => {
                let subject = entity_iri(kind, name);
                self.add(&subject, rdf::TYPE, vocab(kind.as_str()));
                self.add(&subject, rdfs::LABEL, Literal::new_simple_literal(name));
                subject
            }
        }
    }

    fn edge(&mut self, index: usize, source: NodeId, target: NodeId, edge: &Edge) {
        let (class, predicate) = relation_terms(edge.kind);
        let (agent, object) = (self.iris[&source].clone(), self.iris[&target].clone());
        if !edge_negated(edge) {
            self.add(&agent, vocab(predicate).as_ref(), object.clone());
        }
        for (i, evidence) in edge.evidence.iter().enumerate() {
            let event = iri(format!("{RESOURCES}event/e{index}.{i}"));
            self.add(&event, rdf::TYPE, vocab("Event"));
            self.add(&event, rdf::TYPE, vocab(class));
            self.add(&event, vocab("agent").as_ref(), agent.clone());
            self.add(&event, vocab("object").as_ref(), object.clone());
            if matches!(edge.kind, RelationKind::Met | RelationKind::Called) {
                self.add(&event, vocab("participant").as_ref(), agent.clone());
                self.add(&event, vocab("participant").as_ref(), object.clone());
            }
            self.evidence(&event, evidence);
        }
    }

    fn evidence(&mut self, event: &NamedNode, evidence: &Evidence) {
        for topic in &evidence.topics {
            let topic = self.named(topic, EntityKind::Topic);
            self.add(event, vocab("topic").as_ref(), topic);
        }
        if let Some(place) = &evidence.place {
            let place = self.named(place, EntityKind::Place);
            self.add(event, vocab("place").as_ref(), place);
        }
        if let Some(date) = &evidence.date {
            self.add(
                event,
                vocab("dateText").as_ref(),
                Literal::new_simple_literal(&date.text),
            );
            match date.range {
                Some(range) if !range.is_day() => {
                    let start = date_literal(range.start);
                    self.add(event, vocab("startDate").as_ref(), start);
                    let end = date_literal(range.end);
                    self.add(event, vocab("endDate").as_ref(), end);
                }
                Some(range) => self.add(event, vocab("date").as_ref(), date_literal(range.start)),
                None => {}
            }
        }
        if let Some(role) = &evidence.role {
            self.add(
                event,
                vocab("role").as_ref(),
                Literal::new_simple_literal(&**role),
            );
        }
        self.add(
            event,
            vocab("status").as_ref(),
            Literal::new_simple_literal(evidence.status.as_str()),
        );
        self.add(
            event,
            vocab("negated").as_ref(),
            Literal::from(evidence.status.is_denied()),
        );
        self.add(
            event,
            vocab("confidence").as_ref(),
            Literal::new_typed_literal(
                round_confidence(evidence.confidence).to_string(),
                xsd::DECIMAL,
            ),
        );
        self.add(
            event,
            vocab("rule").as_ref(),
            Literal::new_simple_literal(evidence.rule.name()),
        );
        let doc = self.view.doc_name(evidence.doc);
        self.docs.insert(evidence.doc);
        self.add(event, vocab("source").as_ref(), doc_iri(doc));
        self.add(
            event,
            vocab("sentence").as_ref(),
            Literal::new_simple_literal(&*evidence.sentence),
        );
        self.add(
            event,
            vocab("start").as_ref(),
            Literal::new_typed_literal(evidence.span.start.to_string(), xsd::INTEGER),
        );
        self.add(
            event,
            vocab("end").as_ref(),
            Literal::new_typed_literal(evidence.span.end.to_string(), xsd::INTEGER),
        );
    }
}

fn doc_iri(id: &str) -> NamedNode {
    iri(format!("{RESOURCES}doc/{}", segment(id)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_valid_iris() {
        for name in [
            "John Kerry",
            "Zürich <\"x\"> {a|b} ^`\\ 100%",
            "a/b?c#d",
            "",
        ] {
            let built = entity_iri(EntityKind::Person, name);
            assert!(NamedNode::new(built.as_str()).is_ok(), "{built}");
        }
        assert_eq!(
            entity_iri(EntityKind::Place, "Zürich am See").as_str(),
            "https://kg.example/id/Place/Z%C3%BCrich%20am%20See"
        );
    }
}
