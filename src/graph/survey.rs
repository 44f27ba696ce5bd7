//! The pass over all the records that a merge makes before it places any: the company vote
//! (a name that documents give a company more often than a person's title is a company's) and
//! the counts that size the indexes; and the decoding of records a slice at a time, on every
//! core, in id order.

use rustc_hash::{FxHashMap, FxHashSet};

use super::file::RecordBlocks;
use super::merge::vouched_person;
use crate::lexicon::flag;
use crate::model::{EntityKind, LinkReason};
use crate::names::normalize;

/// What a pass over all the records finds before any is merged: the company vote's counts and
/// the names they make companies' ([`Votes`]), and how many entities and relations the records
/// hold (to size the indexes).
pub(super) struct Survey {
    pub(super) votes: VoteCounts,
    pub(super) companies: FxHashSet<String>,
    pub(super) entities: usize,
    pub(super) relations: usize,
}

/// The company vote's counts: folded name -> (documents that give it as a company's, documents
/// that give a person of that name a title, an honorific or a role). The graph keeps them (and
/// its file saves them), so that records merged on top of a graph are counted in without
/// reading the others again.
pub(super) type VoteCounts = FxHashMap<String, (u32, u32)>;

/// Decodes the records at the positions of `order`, a slice at a time on every core, and
/// surveys them.
pub(super) fn survey(records: &RecordBlocks, order: &[usize]) -> Survey {
    let mut votes = Votes::default();
    let (mut entities, mut relations) = (0, 0);
    for_each_record(records, order, |record| {
        entities += record.entities.len();
        relations += record.relations.len();
        votes.add(record);
    });
    Survey {
        companies: votes.companies(),
        votes: votes.votes,
        entities,
        relations,
    }
}

/// Records decoded at a time, on every core, while the ones before are used.
const DECODE_SLICE: usize = 1024;

/// Calls `f` with each record at the positions of `order` that decodes, in that order,
/// decoding a slice of them at a time on every core.
pub(super) fn for_each_record(
    records: &RecordBlocks,
    order: &[usize],
    mut f: impl FnMut(&super::Record),
) {
    for slice in order.chunks(DECODE_SLICE) {
        for record in records.decode_at(slice).iter().flatten() {
            f(record);
        }
    }
}

/// The names the records, all together, say are companies' more often than a person's: a
/// company's name without its legal form ("Merrill Lynch" of "Merrill Lynch and Co Inc",
/// "Dixons" of "Dixons Group PLC") or its ticker, counted once a document, against the
/// documents that give a person of that name a title, an honorific or a role (a stray "a
/// Merrill Lynch spokesman" must not outvote fifty "Merrill Lynch and Co Inc"). So "Merrill
/// Lynch said" in a story that never gives the legal form is the company's, whichever order
/// the stories come in.
/// Counted a record at a time, in the order of the merge.
#[derive(Default)]
pub(super) struct Votes {
    votes: VoteCounts,
    /// The fingerprints of the stories counted.
    seen: FxHashSet<u64>,
}

impl Votes {
    /// The vote so far: these counts, over stories of these fingerprints.
    pub(super) fn resume(votes: VoteCounts, seen: impl IntoIterator<Item = u64>) -> Votes {
        Votes {
            votes,
            seen: seen.into_iter().collect(),
        }
    }

    /// The counts.
    pub(super) fn into_counts(self) -> VoteCounts {
        self.votes
    }

    pub(super) fn add(&mut self, record: &super::Record) {
        // A story held twice is one story (the merge folds it), and one vote.
        if !self.seen.insert(record.fingerprint) {
            return;
        }
        let lexicon = crate::lexicon::Lexicon::builtin();
        let votes = &mut self.votes;
        let mut names: Vec<String> = Vec::new();
        let mut people: Vec<String> = Vec::new();
        for entity in &record.entities {
            match entity.kind {
                EntityKind::Organization => {
                    let cores = crate::names::company_cores(&normalize(&entity.name));
                    // "Shearson" of "Shearson Lehman Brothers Inc": the first word alone,
                    // when it is no given name, common word or known name.
                    let first = cores
                        .last()
                        .and_then(|core| core.split_once(' '))
                        .map(|(first, _)| first)
                        .filter(|first| {
                            let info = lexicon.word_info(first);
                            first.len() > 2
                                && !info.any(flag::GIVEN | flag::COMMON | flag::PARTICLE)
                                && info.entity.is_none()
                                && info.demonym.is_none()
                        })
                        .map(str::to_string);
                    names.extend(cores);
                    names.extend(first);
                    for link in &entity.links {
                        if matches!(link.reason, LinkReason::LegalForm | LinkReason::Ticker) {
                            names.push(normalize(&link.alias));
                        }
                    }
                }
                EntityKind::Person if vouched_person(entity) => {
                    people.push(normalize(&entity.name));
                }
                _ => {}
            }
        }
        names.sort_unstable();
        names.dedup();
        for name in names.drain(..) {
            votes.entry(name).or_default().0 += 1;
        }
        people.sort_unstable();
        people.dedup();
        for name in people {
            votes.entry(name).or_default().1 += 1;
        }
    }

    pub(super) fn companies(&self) -> FxHashSet<String> {
        companies(&self.votes)
    }
}

/// The names these counts make companies': given as a company's by more documents than give a
/// person of that name a title or a role.
pub(super) fn companies(votes: &VoteCounts) -> FxHashSet<String> {
    votes
        .iter()
        .filter(|(_, (company, person))| company > person)
        .map(|(name, _)| name.clone())
        .collect()
}
