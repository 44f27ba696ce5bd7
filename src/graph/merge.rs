//! The merge: records, by date and then id, into nodes and edges, with the corrections applied.
//!
//! [`KnowledgeGraph::rebuild`] clears everything derived and merges every record again. The
//! result depends only on the set of records and the corrections: records are always taken in
//! the same order (`RecordBlocks::merge_order`: by date, the undated first, then by id), so
//! that a new day's articles come after every one held and merge on top (`ontop.rs`); a record
//! whose text is that of one before it (its fingerprint) adds no facts, and
//! the corrections apply at fixed points: `type`, `drop` and `different` as each entity is
//! placed (`different` refuses a merge, it never undoes one), `same` and `role` once every
//! record is placed.

use std::borrow::Cow;
use std::collections::BTreeSet;

use petgraph::Direction;
use petgraph::visit::EdgeRef;
use rustc_hash::{FxHashMap, FxHashSet};

use super::DocSet;
use super::join::{initials, may_join_by_surname, rival_company, unspaced, without_initials};
use super::record::RecordEntity;
use super::survey::{Survey, for_each_record, survey};
use super::{
    Corrections, DocId, DocInfo, Edge, EdgeId, Evidence, KnowledgeGraph, Merge, Node, NodeId,
    Split, kind_key, merge_key, name_key,
};
use crate::model::{EntityKind, LinkReason, MergeReason, RelationKind, Role};
use crate::names::{normalize, surname_key};

/// The corrections that act while entities are placed, by folded name.
#[derive(Clone, Debug, Default)]
pub(super) struct Fixes {
    /// Folded name -> the type its entities get.
    retype: FxHashMap<String, EntityKind>,
    /// Folded names whose entities are dropped.
    drop: FxHashSet<String>,
    /// Folded entity name -> folded aliases it loses.
    drop_alias: FxHashMap<String, Vec<String>>,
    /// Folded name -> folded names it never shares an entity with.
    apart: FxHashMap<String, Vec<String>>,
    /// Folded names the whole corpus gives a company ([`company_names`]): a person's entity of
    /// this name that nothing but its verbs made a person's is the company's.
    pub(super) companies: FxHashSet<String>,
}

/// True when a document says the entity is a person by more than its verbs: a role, or a title
/// or honorific before one of its names.
pub(super) fn vouched_person(entity: &RecordEntity) -> bool {
    !entity.roles.is_empty()
        || entity
            .links
            .iter()
            .any(|l| matches!(l.reason, LinkReason::Title | LinkReason::GivenAfterSir))
}

impl Fixes {
    pub(super) fn new(corrections: &Corrections) -> Fixes {
        let mut fixes = Fixes::default();
        for fix in &corrections.retype {
            if let Some(kind) = Corrections::kind_of(fix) {
                fixes.retype.insert(normalize(&fix.name), kind);
            }
        }
        for fix in &corrections.drop {
            match &fix.of {
                None => {
                    fixes.drop.insert(normalize(&fix.name));
                }
                Some(of) => fixes
                    .drop_alias
                    .entry(normalize(of))
                    .or_default()
                    .push(normalize(&fix.name)),
            }
        }
        for fix in &corrections.different {
            let names: Vec<String> = fix.names.iter().map(|n| normalize(n)).collect();
            for a in &names {
                for b in &names {
                    if a != b {
                        fixes.apart.entry(a.clone()).or_default().push(b.clone());
                    }
                }
            }
        }
        fixes
    }

    fn is_empty(&self) -> bool {
        self.companies.is_empty()
            && self.retype.is_empty()
            && self.drop.is_empty()
            && self.drop_alias.is_empty()
            && self.apart.is_empty()
    }

    /// The entity as the corrections have it: `None` when dropped, its type changed, aliases
    /// dropped or kept apart from its name taken off (each one kept apart logged in `splits`).
    fn apply<'e>(
        &self,
        entity: &'e RecordEntity,
        doc: &str,
        splits: &mut Vec<Split>,
    ) -> Option<Cow<'e, RecordEntity>> {
        if self.is_empty() {
            return Some(Cow::Borrowed(entity));
        }
        let folded: Vec<String> = std::iter::once(&entity.name)
            .chain(&entity.aliases)
            .map(|n| normalize(n))
            .collect();
        if folded.iter().any(|f| self.drop.contains(f)) {
            return None;
        }
        let mut entity = Cow::Borrowed(entity);
        if entity.kind == EntityKind::Person
            && self.companies.contains(&folded[0])
            && !vouched_person(&entity)
        {
            entity.to_mut().kind = EntityKind::Organization;
        }
        if let Some(kind) = folded.iter().find_map(|f| self.retype.get(f))
            && entity.kind != *kind
        {
            let e = entity.to_mut();
            e.kind = *kind;
            if *kind != EntityKind::Place {
                e.place_kind = None;
            }
        }
        let mut lose: Vec<&str> = folded
            .iter()
            .filter_map(|f| self.drop_alias.get(f))
            .flatten()
            .map(String::as_str)
            .collect();
        // Within the entity: an alias kept apart from its name, or from an alias kept before it.
        let mut kept: Vec<&str> = vec![folded[0].as_str()];
        for (alias, f) in entity.aliases.iter().zip(&folded[1..]) {
            match self.apart.get(f) {
                Some(apart) if kept.iter().any(|k| apart.iter().any(|a| a == k)) => {
                    splits.push(Split {
                        name: alias.clone(),
                        apart_from: entity.name.clone(),
                        doc: doc.to_string(),
                    });
                    lose.push(f);
                }
                _ => kept.push(f),
            }
        }
        if !lose.is_empty() {
            let lose: Vec<String> = lose.into_iter().map(str::to_string).collect();
            let e = entity.to_mut();
            let keep: Vec<bool> = e
                .aliases
                .iter()
                .map(|a| !lose.contains(&normalize(a)))
                .collect();
            let mut i = 0;
            e.aliases.retain(|_| {
                i += 1;
                keep[i - 1]
            });
            e.links.retain(|l| !lose.contains(&normalize(&l.alias)));
        }
        Some(entity)
    }

    /// The folded names a name must not share a node with.
    fn apart_of_name(&self, name: &str) -> Vec<String> {
        if self.apart.is_empty() {
            return Vec::new();
        }
        self.apart
            .get(&normalize(name))
            .cloned()
            .unwrap_or_default()
    }
}

/// Notes that the node or edge at `index` was made now.
fn note_birth(births: &mut Vec<u32>, index: usize, clock: &mut u32) {
    if births.len() <= index {
        births.resize(index + 1, 0);
    }
    births[index] = *clock;
    *clock += 1;
}

impl KnowledgeGraph {
    /// Clears everything derived from the records and merges them all again, in the merge's
    /// order, with the corrections.
    pub(super) fn rebuild(&mut self) {
        let records = std::mem::take(&mut self.records);
        let order = records.merge_order();
        let corrections = std::mem::take(&mut self.corrections);
        let mut fixes = Fixes::new(&corrections);
        let Survey {
            votes,
            companies,
            entities,
            relations,
        } = survey(&records, &order);
        fixes.companies = companies;
        *self = KnowledgeGraph {
            fixes,
            votes,
            records,
            corrections,
            unordered: self.unordered,
            ..KnowledgeGraph::default()
        };
        // Sized up front: growing the indexes a step at a time was a fifth of the merge. Not
        // the names and merge keys: most entities join a node already made (a tenth of them
        // make one on Reuters, fewer on a larger archive), and a hash table sized for all of
        // them takes the memory of its every slot.
        self.docs.reserve(self.records.len());
        self.fingerprints.reserve(self.records.len());
        self.edge_keys.reserve(relations);
        self.graph.reserve_nodes(entities / 2);
        self.graph.reserve_edges(relations);
        let records = std::mem::take(&mut self.records);
        for_each_record(&records, &order, |record| self.merge_record(record));
        self.records = records;
        self.apply_same();
        self.apply_roles();
        self.canonicalize();
    }

    /// Makes a node, noting when.
    fn add_node(&mut self, node: Node) -> NodeId {
        let id = self.graph.add_node(node);
        note_birth(&mut self.node_births, id.index(), &mut self.births);
        id
    }

    /// Makes an edge, noting when.
    fn add_edge(&mut self, a: NodeId, b: NodeId, edge: Edge) -> EdgeId {
        let id = self.graph.add_edge(a, b, edge);
        note_birth(&mut self.edge_births, id.index(), &mut self.births);
        id
    }

    /// Merges the record at `i` on top of what the graph holds: a document with the text of
    /// one before it is noted as another source of that one, anything else adds its facts.
    pub(super) fn merge_record(&mut self, record: &super::Record) {
        if let Some(&first) = self.fingerprints.get(&record.fingerprint) {
            self.docs[first as usize].also.push(record.id.clone());
            return;
        }
        let doc_id = self.docs.len() as DocId;
        self.fingerprints.insert(record.fingerprint, doc_id);
        self.docs.push(DocInfo {
            id: record.id.clone(),
            date: record.date,
            title: record.title.clone(),
            also: Vec::new(),
        });
        self.place_record(record, doc_id);
    }

    fn place_record(&mut self, record: &super::Record, doc_id: DocId) {
        let mut node_of: Vec<Option<NodeId>> = Vec::with_capacity(record.entities.len());
        let mut splits = std::mem::take(&mut self.splits);
        for original in &record.entities {
            let Some(entity) = self.fixes.apply(original, &record.id, &mut splits) else {
                node_of.push(None);
                continue;
            };
            let key_name = if entity.kind == EntityKind::Quote {
                Cow::Owned(format!("{}:{}", record.id, entity.name))
            } else {
                Cow::Borrowed(entity.name.as_str())
            };
            let key_name = key_name.into_owned();
            let mut entity = entity;
            let id = self.place_entity(&mut entity, &key_name, &record.id, &mut splits);
            // A node merged away while this document's entities were placed must not be used
            // again: petgraph may hand its index to the next new node.
            for (gone, kept) in std::mem::take(&mut self.redirects) {
                for earlier in node_of.iter_mut().flatten() {
                    if *earlier == gone {
                        *earlier = kept;
                    }
                }
            }
            let node = &mut self.graph[id];
            if node.place_kind.is_none() {
                node.place_kind = entity.place_kind;
            }
            node.mentions += entity.mentions;
            node.docs.insert(doc_id);
            if entity.roles.iter().any(|r| !node.roles.contains(r)) {
                let mut roles: Vec<Role> =
                    node.roles.iter().chain(&entity.roles).cloned().collect();
                crate::model::drop_subsumed_roles(&mut roles);
                node.roles = roles.into_iter().collect();
            }
            let mut new_names = Vec::new();
            for alias in entity.aliases.iter().chain(std::iter::once(&entity.name)) {
                if *alias != node.name && node.aliases.insert(alias.clone()) {
                    new_names.push(alias.clone());
                }
            }
            if new_names.is_empty() {
                node_of.push(Some(id));
                continue;
            }
            let node_name = self.graph[id].name.clone();
            for alias in new_names {
                self.index_name(&alias, id);
                // Within the document, a rule took this form for the entity: log it with the
                // merges across documents, so that every link can be explained.
                if let Some(link) = entity.links.iter().find(|l| l.alias == alias) {
                    self.merges.push(Merge {
                        kept: node_name.clone(),
                        merged: alias.clone(),
                        reason: MergeReason::Within(link.reason),
                        doc: record.id.clone(),
                    });
                }
                self.register_keys(entity.kind, &node_name, &[alias], id);
            }
            node_of.push(Some(id));
        }
        self.splits = splits;

        for rel in &record.relations {
            let (Some(&Some(source)), Some(&Some(target))) = (
                node_of.get(rel.source as usize),
                node_of.get(rel.target as usize),
            ) else {
                continue;
            };
            if source == target {
                continue;
            }
            let name_of = |i: u32| {
                node_of
                    .get(i as usize)
                    .copied()
                    .flatten()
                    .map(|n| self.graph[n].name.clone())
            };
            let evidence = Evidence {
                doc: doc_id,
                span: rel.span,
                sentence: rel.sentence.as_str().into(),
                rule: rel.rule,
                confidence: rel.confidence,
                status: rel.status,
                topics: rel.topics.iter().filter_map(|&t| name_of(t)).collect(),
                place: rel.place.and_then(name_of).map(Into::into),
                date: rel.date.clone().map(Box::new),
                role: rel.role.as_deref().map(Into::into),
            };
            self.add_evidence(rel.kind, source, target, evidence);
        }
    }

    /// Takes off the entity the aliases that are kept apart from a name of the node it joins,
    /// each logged as a split.
    fn drop_apart_aliases(
        &mut self,
        id: NodeId,
        entity: &mut Cow<'_, RecordEntity>,
        doc: &str,
        splits: &mut Vec<Split>,
    ) {
        if self.fixes.apart.is_empty() {
            return;
        }
        let lose: Vec<String> = entity
            .aliases
            .iter()
            .filter(|a| self.conflicts(id, &self.fixes.apart_of_name(a)))
            .cloned()
            .collect();
        if lose.is_empty() {
            return;
        }
        for alias in &lose {
            self.split(splits, alias, id, doc);
        }
        let e = entity.to_mut();
        e.aliases.retain(|a| !lose.contains(a));
        e.links.retain(|l| !lose.contains(&l.alias));
    }

    /// True when a node carries a name the entity must be kept apart from.
    fn conflicts(&self, id: NodeId, apart: &[String]) -> bool {
        if apart.is_empty() {
            return false;
        }
        let node = &self.graph[id];
        std::iter::once(&node.name)
            .chain(&node.aliases)
            .any(|n| apart.contains(&normalize(n)))
    }

    fn split(&mut self, splits: &mut Vec<Split>, name: &str, id: NodeId, doc: &str) {
        let apart_from = self.graph[id].name.clone();
        if !splits
            .iter()
            .any(|s| s.name == name && s.apart_from == apart_from)
        {
            splits.push(Split {
                name: name.to_string(),
                apart_from,
                doc: doc.to_string(),
            });
        }
    }

    /// Finds or makes the node for an entity, merging by folded name, by an alias another
    /// document gave, or (for a person named by surname only) by surname; never into a node
    /// that a `different` correction keeps it apart from.
    fn place_entity(
        &mut self,
        entity: &mut Cow<'_, RecordEntity>,
        key_name: &str,
        doc: &str,
        splits: &mut Vec<Split>,
    ) -> NodeId {
        let kind = entity.kind;
        let key = (kind, merge_key(kind, key_name));
        let hashed_key = kind_key(kind, &key.1);
        let name_owned = entity.name.clone();
        let name = name_owned.as_str();
        let single_word = !name.trim().contains(char::is_whitespace);
        // The names the entity's own name is kept apart from: a node with one of them is
        // never joined. (Its aliases kept apart from a node's names are dropped on joining.)
        let apart = self.fixes.apart_of_name(name);
        let mut kept_apart = false;
        if let Some(&id) = self
            .keys
            .get(&hashed_key)
            .or_else(|| unspaced(kind, &key.1).and_then(|k| self.keys.get(&kind_key(kind, &k))))
            .filter(|&&id| self.graph.contains_node(id))
        {
            let rival = kind == EntityKind::Organization
                && rival_company(name, &key.1, &merge_key(kind, &self.graph[id].name));
            let found = if rival || self.conflicts(id, &apart) {
                // Kept apart: by a `different` correction (logged as a split), or as a rival,
                // which joins only a node of its own key kept apart before.
                if !rival {
                    self.split(splits, name, id, doc);
                }
                kept_apart = true;
                self.apart.get(&hashed_key).and_then(|ids| {
                    ids.iter().copied().find(|&n| {
                        !self.conflicts(n, &apart)
                            && (!rival || merge_key(kind, &self.graph[n].name) == key.1)
                    })
                })
            } else {
                Some(id)
            };
            if let Some(id) = found {
                self.drop_apart_aliases(id, entity, doc, splits);
                let kept = &self.graph[id].name;
                let reason = if merge_key(kind, kept) != key.1 {
                    Some(MergeReason::Alias)
                } else if kept != name && kind != EntityKind::Quote {
                    Some(MergeReason::Spelling)
                } else {
                    None
                };
                if let Some(reason) = reason
                    && self.logged.insert((kept.clone(), name.to_string()))
                {
                    self.merges.push(Merge {
                        kept: kept.clone(),
                        merged: name.to_string(),
                        reason,
                        doc: doc.to_string(),
                    });
                }
                return id;
            }
        } else if kind == EntityKind::Person
            && let Some(id) = self.initials_twin(&key.1)
            && !self.conflicts(id, &apart)
        {
            // "Martin Sosnoff" and "Martin T. Sosnoff": one name with and without its middle
            // initials (but "George W. Bush" is not "George H. W. Bush").
            let joined = Joined {
                reason: MergeReason::Spelling,
                once: true,
            };
            return self.join_node(id, hashed_key, entity, doc, splits, joined);
        } else if kind == EntityKind::Person && single_word {
            // "Steinmeier" alone joins the one person in the graph called "... Steinmeier".
            if let Some(&[id]) = self
                .surnames
                .get(&name_key(&key.1))
                .map(|ids| ids.as_slice())
                && may_join_by_surname(&entity.aliases, &entity.roles, &self.graph[id].roles)
            {
                if self.conflicts(id, &apart) {
                    self.split(splits, name, id, doc);
                } else {
                    let joined = Joined {
                        reason: MergeReason::Surname,
                        once: false,
                    };
                    return self.join_node(id, hashed_key, entity, doc, splits, joined);
                }
            }
        }
        let id = self.add_node(Node {
            name: name.to_string(),
            kind,
            place_kind: None,
            aliases: BTreeSet::new(),
            roles: BTreeSet::new(),
            mentions: 0,
            docs: DocSet::new(),
        });
        self.index_name(name, id);
        if kept_apart {
            self.apart.entry(hashed_key).or_default().push(id);
        }
        self.register_keys(kind, name, &[], id);
        if kind == EntityKind::Person && !single_word {
            self.join_lone_surname(entity, id, &apart, splits, doc);
        }
        id
    }

    /// Joins `entity` to the node `id` found for it other than by its own merge key: drops
    /// its aliases kept apart from the node, keys its name to the node and logs the merge
    /// (`once`: only the first time this pair is joined).
    fn join_node(
        &mut self,
        id: NodeId,
        hashed_key: u128,
        entity: &mut Cow<'_, RecordEntity>,
        doc: &str,
        splits: &mut Vec<Split>,
        joined: Joined,
    ) -> NodeId {
        let name = entity.name.clone();
        self.drop_apart_aliases(id, entity, doc, splits);
        self.keys.insert(hashed_key, id);
        let kept = self.graph[id].name.clone();
        if !joined.once || self.logged.insert((kept.clone(), name.clone())) {
            self.merges.push(Merge {
                kept,
                merged: name,
                reason: joined.reason,
                doc: doc.to_string(),
            });
        }
        id
    }

    /// A surname-only node made before the full name `id` (of `entity`) arrived now joins it,
    /// unless two people share the surname.
    fn join_lone_surname(
        &mut self,
        entity: &RecordEntity,
        id: NodeId,
        apart: &[String],
        splits: &mut Vec<Split>,
        doc: &str,
    ) {
        let kind = entity.kind;
        let name = entity.name.as_str();
        let surname = surname_key(name);
        if let Some(&[only]) = self
            .surnames
            .get(&name_key(&surname))
            .map(|ids| ids.as_slice())
            && only == id
            && let Some(&lone) = self.keys.get(&kind_key(kind, &surname))
            && lone != id
            && !self.graph[lone].name.trim().contains(char::is_whitespace)
            && may_join_by_surname(
                &self.graph[lone].aliases,
                &entity.roles,
                &self.graph[lone].roles,
            )
        {
            if self.conflicts(lone, apart) {
                self.split(splits, &self.graph[lone].name.clone(), id, doc);
            } else {
                self.merges.push(Merge {
                    kept: name.to_string(),
                    merged: self.graph[lone].name.clone(),
                    reason: MergeReason::Surname,
                    doc: doc.to_string(),
                });
                self.absorb(id, lone);
            }
        }
    }

    /// Moves everything of `gone` into `kept`: its names, roles, counts and edges; then removes it.
    fn absorb(&mut self, kept: NodeId, gone: NodeId) {
        let edges: Vec<(EdgeId, NodeId, NodeId)> = self
            .graph
            .edges_directed(gone, Direction::Outgoing)
            .chain(self.graph.edges_directed(gone, Direction::Incoming))
            .map(|e| (e.id(), e.source(), e.target()))
            .collect();
        for (e, source, target) in edges {
            self.holes = true;
            let Some(edge) = self.graph.remove_edge(e) else {
                continue;
            };
            self.edge_keys.remove(&(edge.kind, source, target));
            let source = if source == gone { kept } else { source };
            let target = if target == gone { kept } else { target };
            if source == target {
                continue;
            }
            for evidence in edge.evidence {
                self.add_evidence(edge.kind, source, target, evidence);
            }
        }
        self.holes = true;
        let Some(old) = self.graph.remove_node(gone) else {
            return;
        };
        for name in std::iter::once(&old.name).chain(&old.aliases) {
            if let Some(ids) = self.names.get_mut(&name_key(&normalize(name))) {
                ids.retain(|id| *id != gone);
                if !ids.contains(&kept) {
                    ids.push(kept);
                }
            }
        }
        let kind = old.kind;
        for name in std::iter::once(&old.name).chain(&old.aliases) {
            if let Some(id) = self.keys.get_mut(&kind_key(kind, &merge_key(kind, name)))
                && *id == gone
            {
                *id = kept;
            }
        }
        for ids in self.apart.values_mut() {
            for id in ids.iter_mut() {
                if *id == gone {
                    *id = kept;
                }
            }
        }
        for people in self.surnames.values_mut() {
            people.retain(|id| *id != gone);
        }
        let node = &mut self.graph[kept];
        if old.name != node.name {
            node.aliases.insert(old.name);
        }
        node.aliases
            .extend(old.aliases.into_iter().filter(|a| *a != node.name));
        node.roles.extend(old.roles);
        node.mentions += old.mentions;
        node.docs.extend(old.docs);
        if node.place_kind.is_none() {
            node.place_kind = old.place_kind;
        }
        self.redirects.push((gone, kept));
    }

    /// `same`: every node that carries one of the names joins the node of the first name found.
    fn apply_same(&mut self) {
        let fixes = std::mem::take(&mut self.corrections.same);
        for fix in &fixes {
            let mut kept: Option<NodeId> = None;
            for name in &fix.names {
                let ids = self.rank(
                    self.names
                        .get(&name_key(&normalize(name)))
                        .map_or(&[][..], |ids| ids.as_slice()),
                );
                for id in ids {
                    if self
                        .graph
                        .node_weight(id)
                        .is_none_or(|n| n.kind == EntityKind::Quote)
                    {
                        continue;
                    }
                    match kept {
                        None => kept = Some(id),
                        Some(k) if k == id => {}
                        Some(k) => {
                            // `different` wins: never merge what it keeps apart.
                            let node = &self.graph[id];
                            let apart: Vec<String> = std::iter::once(&node.name)
                                .chain(&node.aliases)
                                .filter_map(|n| self.fixes.apart.get(&normalize(n)))
                                .flatten()
                                .cloned()
                                .collect();
                            if self.conflicts(k, &apart) {
                                let name = node.name.clone();
                                let mut splits = std::mem::take(&mut self.splits);
                                self.split(&mut splits, &name, k, "");
                                self.splits = splits;
                                continue;
                            }
                            let merged = self.graph[id].name.clone();
                            self.merges.push(Merge {
                                kept: self.graph[k].name.clone(),
                                merged,
                                reason: MergeReason::Corrected,
                                doc: String::new(),
                            });
                            self.absorb(k, id);
                        }
                    }
                }
            }
        }
        self.redirects.clear();
        self.corrections.same = fixes;
    }

    /// `role`: roles added to, or taken from (with their HOLDS_ROLE evidence), the nodes that
    /// carry the name.
    fn apply_roles(&mut self) {
        let fixes = std::mem::take(&mut self.corrections.role);
        for fix in &fixes {
            let ids: Vec<NodeId> = self
                .names
                .get(&name_key(&normalize(&fix.name)))
                .map_or(Vec::new(), |ids| ids.to_vec());
            let matches = |role: &Role| {
                role.title.eq_ignore_ascii_case(&fix.title)
                    && fix.of.as_ref().is_none_or(|of| {
                        role.of
                            .as_ref()
                            .is_some_and(|o| normalize(o) == normalize(of))
                    })
            };
            for id in ids {
                if !fix.remove {
                    let node = &mut self.graph[id];
                    let mut roles: Vec<Role> = node.roles.iter().cloned().collect();
                    roles.push(Role {
                        title: fix.title.clone(),
                        of: fix.of.clone(),
                    });
                    crate::model::drop_subsumed_roles(&mut roles);
                    node.roles = roles.into_iter().collect();
                    continue;
                }
                self.graph[id].roles.retain(|r| !matches(r));
                let edges: Vec<EdgeId> = self
                    .graph
                    .edges_directed(id, Direction::Outgoing)
                    .filter(|e| e.weight().kind == RelationKind::HoldsRole)
                    .map(|e| e.id())
                    .collect();
                for e in edges {
                    let target = self.graph.edge_endpoints(e).map(|(_, t)| t);
                    let of = target.map(|t| self.graph[t].name.clone());
                    let evidence = &mut self.graph[e].evidence;
                    evidence.retain(|ev| {
                        !ev.role.as_ref().is_some_and(|title| {
                            matches(&Role {
                                title: title.to_string(),
                                of: of.clone(),
                            })
                        })
                    });
                    if evidence.is_empty()
                        && let Some(target) = target
                    {
                        self.graph.remove_edge(e);
                        self.holes = true;
                        self.edge_keys
                            .remove(&(RelationKind::HoldsRole, id, target));
                    }
                }
            }
        }
        self.corrections.role = fixes;
    }

    /// Registers the merge keys of a node: its name's key, and the keys of its aliases of the
    /// same kind (so that "Kerry" in a later document still finds "John Kerry").
    ///
    /// A one-word alias of a person is not a key: "Kelly" must stay ambiguous once both Scott
    /// Kelly and Ruth Kelly are known, which the surname index decides.
    fn register_keys(&mut self, kind: EntityKind, name: &str, aliases: &[String], id: NodeId) {
        for alias in aliases {
            if kind == EntityKind::Person && !alias.trim().contains(char::is_whitespace) {
                continue;
            }
            self.key_to(kind, &merge_key(kind, alias), id);
        }
        let key = merge_key(kind, name);
        self.key_to(kind, &key, id);
        if kind == EntityKind::Person
            && let Some(bare) = without_initials(&key)
        {
            self.keys.entry(kind_key(kind, &bare)).or_insert(id);
        }
        if kind == EntityKind::Person && name.trim().contains(char::is_whitespace) {
            let people = self
                .surnames
                .entry(name_key(&surname_key(name)))
                .or_default();
            if !people.contains(&id) {
                people.push(id);
            }
        }
    }

    /// Keys a merge key to `id` unless it names a node already, a company's also without its
    /// spaces.
    fn key_to(&mut self, kind: EntityKind, key: &str, id: NodeId) {
        self.keys.entry(kind_key(kind, key)).or_insert(id);
        if let Some(unspaced) = unspaced(kind, key) {
            self.keys.entry(kind_key(kind, &unspaced)).or_insert(id);
        }
    }

    /// The person node whose name is `key` (a person's merge key) with or without middle
    /// initials, when their initials agree: a name without any meets one with them.
    fn initials_twin(&self, key: &str) -> Option<NodeId> {
        let bare = without_initials(key).unwrap_or_else(|| key.to_string());
        let id = *self.keys.get(&kind_key(EntityKind::Person, &bare))?;
        if !self.graph.contains_node(id) {
            return None;
        }
        let their_key = merge_key(EntityKind::Person, &self.graph[id].name);
        let theirs = initials(&their_key);
        let ours = initials(key);
        (theirs.is_empty() || ours.is_empty() || theirs == ours).then_some(id)
    }

    fn index_name(&mut self, name: &str, id: NodeId) {
        let folded = normalize(name);
        if folded.is_empty() {
            return;
        }
        let ids = self.names.entry(name_key(&folded)).or_default();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }

    /// Adds one piece of evidence to the edge of its relation and ends, making the edge if need be.
    pub(super) fn add_evidence(
        &mut self,
        kind: RelationKind,
        source: NodeId,
        target: NodeId,
        evidence: Evidence,
    ) {
        let (a, b) = if kind.is_symmetric()
            && self.node_births[target.index()] < self.node_births[source.index()]
        {
            (target, source)
        } else {
            (source, target)
        };
        match self.edge_keys.get(&(kind, a, b)) {
            Some(&e) => self.graph[e].evidence.push(evidence),
            None => {
                let e = self.add_edge(
                    a,
                    b,
                    Edge {
                        kind,
                        evidence: vec![evidence],
                    },
                );
                self.edge_keys.insert((kind, a, b), e);
            }
        }
    }
}

/// How `join_node` logs a join.
struct Joined {
    reason: MergeReason,
    /// Log the pair only the first time it is joined.
    once: bool,
}
