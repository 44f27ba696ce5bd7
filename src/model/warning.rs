//! What a reader should know about a document the extractor read.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Something the extractor noticed about a document; extraction never fails, it warns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Warning {
    /// Every line looked like page furniture (menus, share buttons), so nothing was read.
    NoReadableText,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::NoReadableText => {
                f.write_str("no readable text: every line looked like page furniture")
            }
        }
    }
}
