//! The words of the graph's names, for topics matched by their words (`about trade` finds "trade
//! tensions", `about sanction` finds "sanctions"): every word of every name but quotes, as
//! [`word_stem`] folds it, and a did-you-mean index over them for a topic word no name holds.
//!
//! Built at the first question that asks about a topic after the graph changed, like the
//! did-you-mean index of names; answering names never pays for it.

use rustc_hash::FxHashSet;

use super::KnowledgeGraph;
use super::fuzzy::NameGrams;
use crate::model::EntityKind;
use crate::names::normalize;

/// The folded words of the graph's names and their did-you-mean index.
#[derive(Clone, Debug, Default)]
pub(super) struct Words {
    stems: FxHashSet<String>,
    /// The words as folded (before stemming), for suggestions.
    grams: NameGrams,
}

/// A folded word without its plural or possessive ending: `sanctions` and `sanction`,
/// `talks` and `talk`, `countries` and `country` are one. Words of three letters or fewer, and
/// those ending in `ss`, `us` or `is`, are kept whole (`us`, `gas`, `crisis`, `bus`).
pub fn word_stem(word: &str) -> &str {
    let word = word.strip_suffix("'s").unwrap_or(word);
    if word.len() <= 3
        || [b"ss", b"us", b"is"]
            .iter()
            .any(|end| word.as_bytes().ends_with(*end))
    {
        return word;
    }
    if let Some(base) = word.strip_suffix("ies") {
        // `countries` -> `countr`, as `country` -> `countr`.
        return base;
    }
    if let Some(base) = word.strip_suffix('y') {
        return base;
    }
    for ending in ["sses", "shes", "ches", "xes", "zes"] {
        if word.ends_with(ending) {
            return &word[..word.len() - 2];
        }
    }
    word.strip_suffix('s').unwrap_or(word)
}

/// The stems of a text's folded words, in order.
pub fn word_stems(text: &str) -> Vec<String> {
    normalize(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| word_stem(w).to_string())
        .collect()
}

impl Words {
    fn new(graph: &KnowledgeGraph) -> Words {
        let mut folded: FxHashSet<String> = FxHashSet::default();
        for (_, node) in graph.nodes() {
            if node.kind == EntityKind::Quote {
                continue;
            }
            for name in std::iter::once(&node.name).chain(&node.aliases) {
                for word in normalize(name).split(' ') {
                    if !word.is_empty() && !folded.contains(word) {
                        folded.insert(word.to_string());
                    }
                }
            }
        }
        let stems = folded.iter().map(|w| word_stem(w).to_string()).collect();
        let mut words: Vec<&str> = folded.iter().map(String::as_str).collect();
        words.sort_unstable();
        Words {
            stems,
            grams: NameGrams::new(words.into_iter()),
        }
    }
}

impl KnowledgeGraph {
    fn words(&self) -> &Words {
        self.words.get_or_init(|| Words::new(self))
    }

    /// True when some name in the graph (not a quote) holds a word of this stem ([`word_stem`]).
    pub fn has_word(&self, stem: &str) -> bool {
        self.words().stems.contains(stem)
    }

    /// Up to `limit` words of the graph's names that look like a folded word, best first.
    pub fn closest_words(&self, folded: &str, limit: usize) -> Vec<String> {
        self.words()
            .grams
            .closest(folded, 0.8, |_| true)
            .into_iter()
            .take(limit)
            .map(|(word, _)| word.to_string())
            .collect()
    }
}
