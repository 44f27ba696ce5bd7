//! Why two names were taken for one entity: within a document ([`LinkReason`]) and across the
//! graph ([`MergeReason`]). Each reason explains itself in words for `:why`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Why a form in a document was taken as a name of an entity named there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkReason {
    /// "Kerry" after "John Kerry".
    Surname,
    /// "Mr Kerry", "Secretary Kerry".
    Title,
    /// "Russia" for "Russian Federation": the word lists say so.
    KnownName,
    /// "the Arab Republic" in a text that names Syria.
    OfficialName,
    /// "Foreign Ministry" after "Russian Foreign Ministry".
    OrganisationEnd,
    /// "OSCE" after "Organization for Security and Co-operation in Europe".
    Acronym,
    /// "Sir Edward" after "Edward Heath".
    GivenAfterSir,
    /// "Xi" after "Xi Jinping".
    FamilyFirst,
    /// "Jeremy" when one person named here is a Jeremy.
    GivenName,
    /// The same name written another way.
    Spelling,
    /// "Pellman Brothers" after "Pellman Brothers Inc".
    LegalForm,
    /// "HTC" after "Halvorsen Tool <HTC>".
    Ticker,
}

impl LinkReason {
    /// The reason in words: its name, a colon, and what it means.
    pub const fn describe(self) -> &'static str {
        match self {
            LinkReason::Surname => "surname: the person of this surname named nearest before",
            LinkReason::Title => "title: a title or honorific before the name",
            LinkReason::KnownName => "known name: the word lists give it as a name of this entity",
            LinkReason::OfficialName => {
                "short form: the end of the official name of a country named here"
            }
            LinkReason::OrganisationEnd => {
                "short form: the end of the one longer organisation name here"
            }
            LinkReason::Acronym => "acronym: the initials of a name in this document",
            LinkReason::GivenAfterSir => {
                "given name after Sir or Dame: the person of that given name named here"
            }
            LinkReason::FamilyFirst => {
                "family name first: the person whose name begins with it here"
            }
            LinkReason::GivenName => "given name: the only person named here who has it",
            LinkReason::Spelling => "spelling: the same name written another way",
            LinkReason::LegalForm => {
                "legal form dropped: a company named here with Inc, Corp or Ltd after it"
            }
            LinkReason::Ticker => "ticker: the stock symbol in angle brackets after the name",
        }
    }
}

impl fmt::Display for LinkReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// Why the graph took a name for a node it already had.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MergeReason {
    /// Another document used this name for the node.
    Alias,
    /// The same name once case, accents and transliteration are folded.
    Spelling,
    /// A surname alone, and one person in the graph has it.
    Surname,
    /// A rule linked it within the document being read.
    Within(LinkReason),
    /// The user's corrections say the names are one entity (`same`).
    Corrected,
}

impl fmt::Display for MergeReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MergeReason::Alias => "alias: another document used this name for it",
            MergeReason::Spelling => {
                "spelling: the same name once case, accents and transliteration are folded"
            }
            MergeReason::Surname => "surname: the only person in the graph with this surname",
            MergeReason::Within(link) => link.describe(),
            MergeReason::Corrected => "correction: the corrections say these names are one",
        })
    }
}
