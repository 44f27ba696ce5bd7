//! Organisations' other names in a document: a short form that ends a longer name ("Foreign
//! Ministry" after "Russian Foreign Ministry"), a ticker ("<GY>"), an acronym of a name given in
//! full.

use super::names::common;
use super::*;

impl Resolver<'_, '_> {
    /// Short organisation names that end a longer one in this document: "Foreign Ministry"
    /// after "Russian Foreign Ministry"; a bare head word ("the Department") when one name has
    /// it.
    pub(super) fn organisation_short_forms(&mut self) {
        let entities = &self.b.entities;
        // Every word-boundary suffix of every organisation's folded name, and the organisations
        // whose names end so: one pass over the names, whatever the number of mentions.
        let folded: Vec<Option<String>> = entities
            .iter()
            .map(|e| (e.kind == EntityKind::Organization).then(|| normalize(&e.name)))
            .collect();
        let mut ending: FxHashMap<&str, Vec<EntityId>> = FxHashMap::default();
        for (o, name) in folded.iter().enumerate() {
            let Some(name) = name else { continue };
            for (i, _) in name.match_indices(' ') {
                push_unique(ending.entry(&name[i + 1..]).or_default(), o);
            }
        }
        let mut longer_of: FxHashMap<EntityId, Option<EntityId>> = FxHashMap::default();
        for (i, slot) in self.entity_of.iter_mut().enumerate() {
            let Some(e) = *slot else { continue };
            let Some(short) = &folded[e] else { continue };
            let longer = *longer_of.entry(e).or_insert_with(|| {
                let ends = ending.get(short.as_str()).map_or(&[][..], Vec::as_slice);
                let mut others = ends.iter().copied().filter(|&o| o != e);
                match (others.next(), others.next()) {
                    (Some(one), None) => Some(one),
                    _ => None,
                }
            });
            if let Some(one) = longer {
                *slot = Some(one);
                self.why[i] = Some(LinkReason::OrganisationEnd);
            }
        }
        // "Pellman Brothers" after "Pellman Brothers Inc": a company without its legal form,
        // though a preposition made it look like a place ("at Pellman Brothers").
        let mut cores: FxHashMap<String, Option<EntityId>> = FxHashMap::default();
        let mut firsts: FxHashMap<String, Option<EntityId>> = FxHashMap::default();
        // The surnames of the people named here, which no company's first word stands for.
        let surnames: Vec<String> = self
            .b
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .filter_map(|e| normalize(&e.name).rsplit(' ').next().map(str::to_string))
            .collect();
        for (o, name) in folded.iter().enumerate() {
            let Some(name) = name else { continue };
            let mut names = crate::names::company_cores(name);
            let key = org_key(name);
            if key != *name && !names.contains(&key) {
                names.push(key);
            }
            if let Some(first) = self.first_word_core(&names, &surnames) {
                firsts
                    .entry(first)
                    .and_modify(|one| *one = None)
                    .or_insert(Some(o));
            }
            for core in names {
                cores
                    .entry(core)
                    .and_modify(|one| *one = None)
                    .or_insert(Some(o));
            }
        }
        // A first word stands for its company only where no company's own core is that word.
        for (first, one) in firsts {
            cores.entry(first).or_insert(one);
        }
        self.org_cores = cores
            .into_iter()
            .filter_map(|(core, one)| one.map(|o| (core, o)))
            .collect();
        if self.org_cores.is_empty() {
            return;
        }
        for (i, slot) in self.entity_of.iter_mut().enumerate() {
            let Some(e) = *slot else { continue };
            let entity = &self.b.entities[e];
            if entity.kind != EntityKind::Place || entity.place_kind.is_some() {
                continue;
            }
            if let Some(&o) = self.org_cores.get(&normalize(&entity.name)) {
                *slot = Some(o);
                self.why[i] = Some(LinkReason::LegalForm);
            }
        }
    }

    /// "TransAmerican" after "TransAmerican Natural Gas Corp": the first word of a company's
    /// core (`names`, its folded cores), when it is a word of no other kind (no common word,
    /// given name, place, nationality or other known name, nor the surname of a person named
    /// here: "Wang" is An Wang's, not Wang Laboratories Inc's).
    fn first_word_core(&self, names: &[String], surnames: &[String]) -> Option<String> {
        let (first, _) = names.first()?.split_once(' ')?;
        if first.len() <= 3 || names.iter().any(|n| n == first) {
            return None;
        }
        let info = self.doc.lex.word_info(first);
        let surname = surnames.iter().any(|s| s == first);
        let plain = !common(self.doc, first)
            && !info.has(flag::GIVEN)
            && info.entity.is_none()
            && info.demonym.is_none();
        (plain && !surname).then(|| first.to_string())
    }

    /// "Halvorsen Tool <HTC>": the symbol in angle brackets after a name is that company's, here
    /// and wherever else the document uses it.
    pub(super) fn tickers(&mut self) {
        let doc = self.doc;
        let cands = &self.found.cands;
        let mut redirect: FxHashMap<EntityId, EntityId> = FxHashMap::default();
        for (i, c) in cands.iter().enumerate().skip(1) {
            let before = &cands[i - 1];
            let ticker = c.to - c.from == 1
                && before.to + 1 == c.from
                && doc.punct(before.to, &["<"])
                && doc.punct(c.to, &[">"]);
            if !ticker {
                continue;
            }
            let (Some(symbol), Some(company)) = (self.entity_of[i], self.entity_of[i - 1]) else {
                continue;
            };
            if symbol != company && self.b.entities[company].kind == EntityKind::Organization {
                redirect.insert(symbol, company);
                self.why[i] = Some(LinkReason::Ticker);
            }
        }
        if redirect.is_empty() {
            return;
        }
        for slot in self.entity_of.iter_mut().flatten() {
            if let Some(&to) = redirect.get(slot) {
                *slot = to;
            }
        }
    }

    /// Acronyms: "OSCE" for "Organization for Security and Co-operation in Europe" named here.
    pub(super) fn acronyms(&mut self) {
        let doc = self.doc;
        let entities = &self.b.entities;
        // The initials of every organisation's and place's name, to the first entity with them.
        let mut by_initials: FxHashMap<String, EntityId> = FxHashMap::default();
        for (e, entity) in entities.iter().enumerate() {
            if matches!(entity.kind, EntityKind::Organization | EntityKind::Place) {
                let initials = initials(&entity.name);
                if !initials.is_empty() {
                    by_initials.entry(initials).or_insert(e);
                }
            }
        }
        for (i, c) in self.found.cands.iter().enumerate() {
            if c.to - c.from != 1 || doc.shape(c.from) != TokenShape::Upper {
                continue;
            }
            if let Some(&e) = by_initials.get(doc.s(c.from)) {
                self.entity_of[i] = Some(e);
                self.why[i] = Some(LinkReason::Acronym);
            }
        }
    }
}
