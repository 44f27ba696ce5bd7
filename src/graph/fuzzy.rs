//! The did-you-mean index: every folded name and alias of the graph by its trigrams, so that the
//! names that look like an unknown one are found without reading every name in the graph.
//!
//! A lookup reads the posting lists of the unknown name's trigrams, rarest first, and stops after
//! [`POSTINGS_BUDGET`] entries; the [`CANDIDATES`] names that share the largest part of their
//! trigrams with it are then scored with Jaro-Winkler. Its cost is bounded by those two numbers
//! and by [`MAX_FUZZY_CHARS`], whatever the size of the graph.

use rustc_hash::FxHashMap;

/// Names longer than this (in bytes of their folded form, which is ASCII) are neither suggested
/// nor given suggestions: no one mistypes a name that long, and Jaro-Winkler's cost grows with
/// the product of the lengths.
pub const MAX_FUZZY_CHARS: usize = 256;

/// The most posting-list entries one lookup reads.
const POSTINGS_BUDGET: usize = 40_000;

/// How many of the names sharing the most trigrams are scored with Jaro-Winkler.
const CANDIDATES: usize = 200;

/// A slot: one distinct folded name, as a range of [`NameGrams::text`].
#[derive(Clone, Copy, Debug)]
struct Slot {
    start: u32,
    end: u32,
    /// How many distinct trigrams it has.
    grams: u16,
}

/// Trigrams of folded names, each to the names holding it.
#[derive(Clone, Debug, Default)]
pub(super) struct NameGrams {
    /// Every folded name, one after the other.
    text: String,
    slots: Vec<Slot>,
    /// Trigram (three bytes of the padded folded name) -> slots, in the order added.
    postings: FxHashMap<u32, Vec<u32>>,
}

/// The distinct trigrams of a folded name, padded as `"  name "` so that short names and the
/// first letters count, into `grams`.
fn trigrams(folded: &str, grams: &mut Vec<u32>) {
    grams.clear();
    let padded = [b' ', b' '].into_iter().chain(folded.bytes()).chain([b' ']);
    let mut window = 0u32;
    for (i, byte) in padded.enumerate() {
        window = (window << 8 | u32::from(byte)) & 0x00FF_FFFF;
        if i >= 2 {
            grams.push(window);
        }
    }
    grams.sort_unstable();
    grams.dedup();
}

impl NameGrams {
    /// The index of distinct folded names.
    pub(super) fn new<'a>(names: impl ExactSizeIterator<Item = &'a str>) -> NameGrams {
        let mut index = NameGrams {
            text: String::with_capacity(names.len() * 16),
            slots: Vec::with_capacity(names.len()),
            postings: FxHashMap::with_capacity_and_hasher(1 << 14, Default::default()),
        };
        let mut grams = Vec::new();
        for name in names {
            index.insert(name, &mut grams);
        }
        index
    }

    /// Adds a folded name; the caller adds each once.
    fn insert(&mut self, folded: &str, grams: &mut Vec<u32>) {
        if folded.is_empty() || folded.len() > MAX_FUZZY_CHARS {
            return;
        }
        let (Ok(slot), Ok(start), Ok(end)) = (
            u32::try_from(self.slots.len()),
            u32::try_from(self.text.len()),
            u32::try_from(self.text.len() + folded.len()),
        ) else {
            return;
        };
        trigrams(folded, grams);
        for &gram in grams.iter() {
            self.postings.entry(gram).or_default().push(slot);
        }
        self.text.push_str(folded);
        self.slots.push(Slot {
            start,
            end,
            grams: u16::try_from(grams.len()).unwrap_or(u16::MAX),
        });
    }

    /// The folded name of a slot.
    fn name(&self, slot: Slot) -> &str {
        self.text
            .get(slot.start as usize..slot.end as usize)
            .unwrap_or("")
    }

    /// The names that share the most trigrams with `folded`, with their Jaro-Winkler
    /// similarity to it, at least `threshold` similar, best first (ties by name). `keep` says
    /// whether a folded name still stands for something worth suggesting.
    pub(super) fn closest<'a>(
        &'a self,
        folded: &str,
        threshold: f64,
        keep: impl Fn(&str) -> bool,
    ) -> Vec<(&'a str, f64)> {
        if folded.is_empty() || folded.len() > MAX_FUZZY_CHARS {
            return Vec::new();
        }
        let mut grams = Vec::new();
        trigrams(folded, &mut grams);
        let mut lists: Vec<&[u32]> = grams
            .iter()
            .filter_map(|g| self.postings.get(g).map(Vec::as_slice))
            .collect();
        // Rare trigrams tell names apart; read them first, and the common ones while the
        // budget lasts.
        lists.sort_by_key(|l| l.len());
        let mut shared: FxHashMap<u32, u16> = FxHashMap::default();
        let mut budget = POSTINGS_BUDGET;
        for list in lists {
            let take = list.len().min(budget);
            for &slot in &list[..take] {
                *shared.entry(slot).or_default() += 1;
            }
            budget -= take;
            if budget == 0 {
                break;
            }
        }
        // Dice's coefficient on trigrams picks the candidates; Jaro-Winkler decides.
        let query_grams = grams.len();
        let mut ranked: Vec<(u32, u32)> = shared
            .into_iter()
            .map(|(slot, n)| {
                let total = query_grams + usize::from(self.slots[slot as usize].grams);
                let dice = (2_000 * usize::from(n) / total.max(1)) as u32;
                (dice, slot)
            })
            .collect();
        let by_dice = |a: &(u32, u32), b: &(u32, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if ranked.len() > CANDIDATES {
            ranked.select_nth_unstable_by(CANDIDATES, by_dice);
            ranked.truncate(CANDIDATES);
        }
        let mut scored: Vec<(&str, f64)> = ranked
            .into_iter()
            .map(|(_, slot)| self.name(self.slots[slot as usize]))
            .filter(|name| keep(name))
            .map(|name| (name, strsim::jaro_winkler(folded, name)))
            .filter(|&(_, score)| score >= threshold)
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        scored
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trigrams_are_padded_and_distinct() {
        let mut grams = Vec::new();
        trigrams("aaaa", &mut grams);
        let gram = |s: &[u8; 3]| u32::from(s[0]) << 16 | u32::from(s[1]) << 8 | u32::from(s[2]);
        assert_eq!(
            grams,
            [gram(b"  a"), gram(b" aa"), gram(b"aa "), gram(b"aaa")]
        );
        trigrams("", &mut grams);
        assert_eq!(grams, [gram(b"   ")]);
    }

    #[test]
    fn finds_a_misspelt_name_among_many() {
        let mut names: Vec<String> = (0..50_000).map(|i| format!("person {i}")).collect();
        names.extend(["kerry", "john kerry", "kirby"].map(String::from));
        let index = NameGrams::new(names.iter().map(String::as_str));
        let found: Vec<&str> = index
            .closest("kery", 0.8, |_| true)
            .into_iter()
            .map(|(folded, _)| folded)
            .collect();
        assert_eq!(found, ["kerry", "kirby"]);
        let found = index.closest("kerry", 0.8, |f| f != "kerry");
        assert!(found.iter().all(|c| c.0 != "kerry"), "{found:?}");
        assert!(index.closest(&"a".repeat(10_000), 0.8, |_| true).is_empty());
    }
}
