//! What a careful user checks before trusting a graph (`kg audit`): documents and events
//! without a date, entities whose names look wrong for their type, the merges most likely to
//! have joined strangers, and stories held twice.

use serde::Serialize;

use super::KnowledgeGraph;
use crate::lexicon::{Lexicon, flag};
use crate::model::{EntityKind, RelationKind};
use crate::names::{normalize, surname_key};

/// The events whose date an analyst asks about.
const EVENTS: [RelationKind; 4] = [
    RelationKind::Met,
    RelationKind::Called,
    RelationKind::Visited,
    RelationKind::Discussed,
];

/// Two surnames this alike (Jaro-Winkler) are one name spelt two ways ("Shevardnadze",
/// "Shevardnaze"), not two people.
const SAME_SURNAME: f64 = 0.9;

/// The findings of an audit, each list worst first.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Audit {
    /// Documents held (duplicates included).
    pub documents: usize,
    /// How many documents have no date.
    pub undated_documents_total: usize,
    /// Ids of documents with no date, sorted.
    pub undated_documents: Vec<String>,
    /// For each event type: sentences that support one, and how many of them carry no date.
    pub events: Vec<EventDates>,
    /// How many entities' names do not fit their type.
    pub suspicious_total: usize,
    /// Entities whose name does not fit their type, most mentioned first.
    pub suspicious: Vec<Suspect>,
    /// How many people's names carry more than one surname.
    pub mixed_surnames_total: usize,
    /// People whose names and aliases carry more than one surname, most surnames first.
    pub mixed_surnames: Vec<Merged>,
    /// The entities with the most aliases.
    pub most_aliases: Vec<Merged>,
    /// How many stories are held under more than one id.
    pub duplicates_total: usize,
    /// Stories held under more than one id: the id kept and the others.
    pub duplicates: Vec<Duplicate>,
}

/// How many of one event type's sentences are dated.
#[derive(Clone, Debug, Serialize)]
pub struct EventDates {
    /// The relation, as the exports name it (`MET`).
    pub relation: String,
    /// Sentences that support one.
    pub evidence: usize,
    /// Of them, those dated only by their article's date (the event happened by then, or is
    /// planned from then): no date is said in or near the sentence.
    pub article_date_only: usize,
    /// Of them, those with no date at all (neither their own nor their article's).
    pub undated: usize,
}

/// An entity whose name looks wrong for its type.
#[derive(Clone, Debug, Serialize)]
pub struct Suspect {
    /// Its name.
    pub name: String,
    /// Its type.
    pub kind: EntityKind,
    /// Mentions read.
    pub mentions: u32,
    /// Why it is suspicious.
    pub why: &'static str,
}

/// An entity made of many names.
#[derive(Clone, Debug, Serialize)]
pub struct Merged {
    /// Its name.
    pub name: String,
    /// Its type.
    pub kind: EntityKind,
    /// How many aliases it has.
    pub aliases: usize,
    /// The different surnames among its names (people only), sorted.
    pub surnames: Vec<String>,
}

/// One story under several ids.
#[derive(Clone, Debug, Serialize)]
pub struct Duplicate {
    /// The id whose facts the graph keeps.
    pub id: String,
    /// The other ids.
    pub also: Vec<String>,
}

impl KnowledgeGraph {
    /// Audits the graph: every finding, each list cut to `limit` entries but the counts whole.
    pub fn audit(&self, limit: usize) -> Audit {
        let lexicon = Lexicon::builtin();
        // The records are decoded for their dates (a graph read without them has none to give).
        let mut undated_documents: Vec<String> = self
            .records()
            .into_iter()
            .filter(|r| r.date.is_none())
            .map(|r| r.id)
            .collect();
        undated_documents.sort();

        let mut events: Vec<EventDates> = EVENTS
            .iter()
            .map(|&relation| EventDates {
                relation: relation.to_string(),
                evidence: 0,
                article_date_only: 0,
                undated: 0,
            })
            .collect();
        for (_, _, _, edge) in self.edges() {
            let Some(i) = EVENTS.iter().position(|&k| k == edge.kind) else {
                continue;
            };
            let count = &mut events[i];
            for evidence in &edge.evidence {
                count.evidence += 1;
                if evidence.date.is_none() {
                    if self.docs[evidence.doc as usize].date.is_some() {
                        count.article_date_only += 1;
                    } else {
                        count.undated += 1;
                    }
                }
            }
        }

        let mut suspicious: Vec<Suspect> = self
            .nodes()
            .filter_map(|(_, node)| {
                suspect_name(lexicon, &node.name, node.kind).map(|why| Suspect {
                    name: node.name.clone(),
                    kind: node.kind,
                    mentions: node.mentions,
                    why,
                })
            })
            .collect();
        suspicious.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));

        let merged = |node: &super::Node| Merged {
            name: node.name.clone(),
            kind: node.kind,
            aliases: node.aliases.len(),
            surnames: if node.kind == EntityKind::Person {
                surnames(
                    lexicon,
                    std::iter::once(&node.name)
                        .chain(&node.aliases)
                        .map(String::as_str),
                )
            } else {
                Vec::new()
            },
        };
        let mut mixed_surnames: Vec<Merged> = self
            .nodes()
            .filter(|(_, n)| n.kind == EntityKind::Person)
            .map(|(_, n)| merged(n))
            .filter(|m| m.surnames.len() > 1)
            .collect();
        mixed_surnames.sort_by(|a, b| {
            (b.surnames.len(), b.aliases)
                .cmp(&(a.surnames.len(), a.aliases))
                .then(a.name.cmp(&b.name))
        });
        let mut most_aliases: Vec<Merged> = self
            .nodes()
            .filter(|(_, n)| n.kind != EntityKind::Quote && !n.aliases.is_empty())
            .map(|(_, n)| merged(n))
            .collect();
        most_aliases.sort_by(|a, b| b.aliases.cmp(&a.aliases).then(a.name.cmp(&b.name)));
        most_aliases.truncate(limit);

        let duplicates: Vec<Duplicate> = self
            .docs
            .iter()
            .filter(|d| !d.also.is_empty())
            .map(|d| Duplicate {
                id: d.id.clone(),
                also: d.also.clone(),
            })
            .collect();

        let (undated_documents_total, suspicious_total, mixed_surnames_total, duplicates_total) = (
            undated_documents.len(),
            suspicious.len(),
            mixed_surnames.len(),
            duplicates.len(),
        );
        undated_documents.truncate(limit);
        suspicious.truncate(limit);
        mixed_surnames.truncate(limit);
        let mut duplicates = duplicates;
        duplicates.truncate(limit);
        Audit {
            documents: self.doc_count(),
            undated_documents_total,
            undated_documents,
            events,
            suspicious_total,
            suspicious,
            mixed_surnames_total,
            mixed_surnames,
            most_aliases,
            duplicates_total,
            duplicates,
        }
    }
}

impl Audit {
    /// The findings as text: a heading and a count for each, then its worst entries.
    pub fn table(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let pct = |part: usize, whole: usize| {
            if whole == 0 {
                0.0
            } else {
                100.0 * part as f64 / whole as f64
            }
        };
        let _ = writeln!(
            out,
            "documents without a date: {} of {} ({:.1}%)",
            self.undated_documents_total,
            self.documents,
            pct(self.undated_documents_total, self.documents)
        );
        for id in &self.undated_documents {
            let _ = writeln!(out, "  {id}");
        }
        out.push_str(
            "\nevent sentences without a date of their own (dated by the article only; not \
             dated at all):\n",
        );
        for e in &self.events {
            let _ = writeln!(
                out,
                "  {:<10} {:>6} of {:>6}: {:>6} ({:.1}%); {:>6} ({:.1}%)",
                e.relation,
                e.article_date_only + e.undated,
                e.evidence,
                e.article_date_only,
                pct(e.article_date_only, e.evidence),
                e.undated,
                pct(e.undated, e.evidence)
            );
        }
        let _ = writeln!(
            out,
            "\nentities whose name does not fit their type: {}",
            self.suspicious_total
        );
        for s in &self.suspicious {
            let _ = writeln!(
                out,
                "  {} ({}, {} mentions): {}",
                s.name, s.kind, s.mentions, s.why
            );
        }
        let _ = writeln!(
            out,
            "\npeople whose names carry more than one surname: {}",
            self.mixed_surnames_total
        );
        for m in &self.mixed_surnames {
            let _ = writeln!(
                out,
                "  {} ({} aliases): {}",
                m.name,
                m.aliases,
                m.surnames.join(", ")
            );
        }
        out.push_str("\nentities with the most aliases:\n");
        for m in &self.most_aliases {
            let _ = writeln!(out, "  {} ({}): {} aliases", m.name, m.kind, m.aliases);
        }
        let _ = writeln!(
            out,
            "\nstories held under more than one id: {}",
            self.duplicates_total
        );
        for d in &self.duplicates {
            let _ = writeln!(out, "  {} = {}", d.id, d.also.join(", "));
        }
        out
    }
}

/// Why a name does not fit its type, if it does not.
fn suspect_name(lexicon: &Lexicon, name: &str, kind: EntityKind) -> Option<&'static str> {
    if kind == EntityKind::Quote {
        return None;
    }
    if name.chars().filter(|c| c.is_alphanumeric()).count() <= 1 {
        return Some("a single letter");
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() > 1 && name.chars().all(|c| !c.is_lowercase()) {
        return Some("a phrase in capitals: a headline's fragment?");
    }
    if kind != EntityKind::Person {
        return None;
    }
    let info = |w: &str| lexicon.word_info(&normalize(w));
    if name.chars().any(|c| c.is_ascii_digit()) {
        return Some("a person's name with a figure");
    }
    if words
        .last()
        .is_some_and(|w| info(w).any(flag::ORG_HEAD | flag::ORG_SUFFIX))
    {
        return Some("a person's name ending in an organisation's word");
    }
    if words.len() > 4 {
        return Some("a person's name of more than four words");
    }
    if words
        .iter()
        .skip(1)
        .any(|w| w.chars().next().is_some_and(char::is_lowercase) && !info(w).has(flag::PARTICLE))
    {
        return Some("a person's name with a lower-case word");
    }
    None
}

/// The different surnames among a person's names: the last word of each name of two words or
/// more ("Mr Kerry", "John Kerry"), and each one-word name that is no word of a longer one; two
/// spellings of one surname count once.
fn surnames<'a>(lexicon: &Lexicon, names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let names: Vec<&str> = names.collect();
    let words_of_long: Vec<String> = names
        .iter()
        .filter(|n| n.contains(' '))
        .flat_map(|n| n.split_whitespace().map(normalize))
        .collect();
    // "Premier Zhao" of "Zhao Ziyang", "King Abdullah" of "Abdullah bin Abdul Aziz": a word of
    // the entity's own name is its surname written another way round.
    let own: Vec<String> = names
        .first()
        .map(|n| n.split_whitespace().map(normalize).collect())
        .unwrap_or_default();
    let mut found: Vec<String> = names.first().map(|n| surname_key(n)).into_iter().collect();
    for name in names {
        let key = surname_key(name);
        if own.contains(&key) {
            continue;
        }
        let one_word = !name.trim().contains(' ');
        if key.is_empty()
            || one_word
                && (words_of_long.contains(&key) || lexicon.word_info(&key).has(flag::GIVEN))
        {
            continue;
        }
        if !found
            .iter()
            .any(|f| strsim::jaro_winkler(f, &key) >= SAME_SURNAME)
        {
            found.push(key);
        }
    }
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_count_spellings_once_and_skip_given_names() {
        let lex = Lexicon::builtin();
        let one = surnames(
            lex,
            [
                "Eduard Shevardnadze",
                "Shevardnaze",
                "Mr Shevardnadze",
                "Eduard",
            ]
            .into_iter(),
        );
        assert_eq!(one, ["shevardnadze"]);
        let two = surnames(lex, ["Patrick Hughes", "Baker-Hughes", "Baker"].into_iter());
        assert_eq!(two.len(), 2, "{two:?}");
    }

    #[test]
    fn names_that_do_not_fit_their_type() {
        let lex = Lexicon::builtin();
        assert!(suspect_name(lex, "P", EntityKind::Person).is_some());
        assert!(suspect_name(lex, "Reagan Administration", EntityKind::Person).is_some());
        assert!(suspect_name(lex, "MAY DOWNGRADE CHRYSLER", EntityKind::Organization).is_some());
        assert!(suspect_name(lex, "Staffan de Mistura", EntityKind::Person).is_none());
        assert!(suspect_name(lex, "John Kerry", EntityKind::Person).is_none());
    }
}
