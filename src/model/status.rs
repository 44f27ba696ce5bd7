//! Whether an event happened: one status per piece of evidence.

use serde::{Deserialize, Serialize};

/// What a sentence says of its event: that it happened, was reported by others, is planned, or
/// did not happen. The order is the order answers list them in.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Reported as fact, in the past or present.
    #[default]
    Happened,
    /// Attributed or hedged ("reportedly", "is said to have").
    Reported,
    /// Announced for the future ("will meet", "is to visit", "plans to").
    Planned,
    /// Said not to have happened, or called off ("did not meet", "denied meeting", "the visit
    /// was postponed").
    Denied,
}

impl Status {
    /// Every status, in answer order.
    pub const ALL: [Status; 4] = [
        Status::Happened,
        Status::Reported,
        Status::Planned,
        Status::Denied,
    ];

    /// The lower-case word used in answers and exports.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Happened => "happened",
            Status::Reported => "reported",
            Status::Planned => "planned",
            Status::Denied => "denied",
        }
    }

    /// Parses the lower-case word.
    pub fn parse(word: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == word)
    }

    /// True for a status that says the event did not happen.
    pub const fn is_denied(self) -> bool {
        matches!(self, Status::Denied)
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
