//! The documents a node is read in: a sorted set of document numbers, held inline up to four.
//!
//! Most nodes are read in one document (every quotation is a node of its own), and a
//! `BTreeSet` of one number still allocates a leaf of the tree: tens of megabytes on a large
//! archive. A sorted small vector holds up to four numbers in the node itself.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use smallvec::SmallVec;

use super::DocId;

/// Document numbers, ascending, each once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocSet(SmallVec<[DocId; 4]>);

impl DocSet {
    /// An empty set.
    pub fn new() -> DocSet {
        DocSet::default()
    }

    /// Adds a document; false when it was there already. A number past the last (the order
    /// a merge reads documents in) is a push.
    pub fn insert(&mut self, doc: DocId) -> bool {
        if self.0.last().is_none_or(|&last| last < doc) {
            self.0.push(doc);
            return true;
        }
        match self.0.binary_search(&doc) {
            Ok(_) => false,
            Err(i) => {
                self.0.insert(i, doc);
                true
            }
        }
    }

    /// True when the document is in the set.
    pub fn contains(&self, doc: DocId) -> bool {
        self.0.binary_search(&doc).is_ok()
    }

    /// How many documents.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The documents, ascending.
    pub fn iter(&self) -> std::iter::Copied<std::slice::Iter<'_, DocId>> {
        self.0.iter().copied()
    }

    /// The documents, ascending, as a slice.
    pub fn as_slice(&self) -> &[DocId] {
        &self.0
    }
}

impl Extend<DocId> for DocSet {
    fn extend<I: IntoIterator<Item = DocId>>(&mut self, docs: I) {
        for doc in docs {
            self.insert(doc);
        }
    }
}

impl FromIterator<DocId> for DocSet {
    fn from_iter<I: IntoIterator<Item = DocId>>(docs: I) -> DocSet {
        let mut set = DocSet::new();
        set.extend(docs);
        set
    }
}

impl IntoIterator for DocSet {
    type Item = DocId;
    type IntoIter = smallvec::IntoIter<[DocId; 4]>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a DocSet {
    type Item = DocId;
    type IntoIter = std::iter::Copied<std::slice::Iter<'a, DocId>>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl Serialize for DocSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for DocSet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DocSet, D::Error> {
        Ok(Vec::<DocId>::deserialize(deserializer)?
            .into_iter()
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::DocSet;

    #[test]
    fn keeps_documents_sorted_and_once() {
        let mut set = DocSet::new();
        for doc in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3] {
            set.insert(doc);
        }
        assert_eq!(set.as_slice(), &[1, 2, 3, 4, 5, 6, 9]);
        assert!(set.contains(9) && !set.contains(7));
        assert!(!set.insert(4));
        let merged: DocSet = [8, 0].into_iter().chain(set.clone()).collect();
        assert_eq!(merged.as_slice(), &[0, 1, 2, 3, 4, 5, 6, 8, 9]);
    }
}
