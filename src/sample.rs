//! The built-in sample corpus: short news briefs written for this project, embedded in the binary.

use crate::text::Document;

/// The sample documents, in file-name order.
pub fn documents() -> Vec<Document> {
    Vec::new()
}
