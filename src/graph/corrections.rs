//! Corrections a user makes to the graph, as data: these names are one entity (`same`), never
//! merge these (`different`), this name is an organisation (`type`), drop this entity or this
//! alias (`drop`), give or take a role (`role`).
//!
//! They are written by hand (or by the shell's `:merge`, `:split`, `:retype` and `:drop`) in a
//! TOML file, kept in the graph file, and applied by every merge: `type`, `drop` and
//! `different` as each document's entities are placed (so `different` prevents a merge rather
//! than undoing it), `same` and `role` once every document is placed. A correction that names
//! nothing in the graph does nothing.
//!
//! ```toml
//! [[same]]
//! names = ["Moody's", "Moody's Investors Service"]
//! note = "one rating agency"          # optional, shown by `:why`
//!
//! [[different]]
//! names = ["P", "Palapa B2-P"]
//!
//! [[type]]
//! name = "Moody"
//! type = "Organization"               # Person, Organization, Place, Topic
//!
//! [[drop]]
//! name = "Reuter"                     # the entity, with every relation it is in
//!
//! [[drop]]
//! name = "P"
//! of = "Palapa B2-P"                  # only this alias of that entity
//!
//! [[role]]
//! name = "John Kerry"
//! title = "Senator"
//! of = "United States"                # optional
//! remove = true                       # false (the default) adds the role
//! ```

use serde::{Deserialize, Serialize};

use crate::model::EntityKind;

/// Every correction, by kind, each list in the order written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corrections {
    /// Names of one entity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub same: Vec<Same>,
    /// Names never to merge.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub different: Vec<Different>,
    /// Names with the wrong type.
    #[serde(default, rename = "type", skip_serializing_if = "Vec::is_empty")]
    pub retype: Vec<Retype>,
    /// Entities and aliases to drop.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub drop: Vec<Drop>,
    /// Roles to add or remove.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub role: Vec<RoleFix>,
}

/// These names are one entity: every node that carries one of them becomes the node of the
/// first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Same {
    /// Two or more names; the first is kept.
    pub names: Vec<String>,
    /// Why, in the user's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// These names never name one entity: no merge joins them, within a document or across.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Different {
    /// Two or more names, kept apart pairwise.
    pub names: Vec<String>,
    /// Why, in the user's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The entity of this name has this type, wherever a document names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retype {
    /// The name (or an alias) of the entity.
    pub name: String,
    /// Its type: `Person`, `Organization`, `Place`, `Topic`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Why, in the user's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Drop the entity of this name (with its relations), or with `of`, only this alias of the
/// entity named `of`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Drop {
    /// The name.
    pub name: String,
    /// The entity it is an alias of, to drop only the alias.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// Why, in the user's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Give the entity of this name a role, or with `remove`, take it away (with the HOLDS_ROLE
/// evidence that gave it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleFix {
    /// The entity's name (or an alias).
    pub name: String,
    /// The title, as `who is` shows it ("Secretary of State").
    pub title: String,
    /// The country or organisation it is of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    /// Remove the role rather than add it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub remove: bool,
    /// Why, in the user's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Why a corrections file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum CorrectionsError {
    /// Not TOML, or TOML with the wrong keys; the text is the TOML parser's, with its line.
    #[error("{0}")]
    Toml(String),
    /// A correction that cannot be applied.
    #[error("{0}")]
    Invalid(String),
}

impl Corrections {
    /// True when there is no correction at all.
    pub fn is_empty(&self) -> bool {
        self.same.is_empty()
            && self.different.is_empty()
            && self.retype.is_empty()
            && self.drop.is_empty()
            && self.role.is_empty()
    }

    /// How many corrections there are.
    pub fn len(&self) -> usize {
        self.same.len()
            + self.different.len()
            + self.retype.len()
            + self.drop.len()
            + self.role.len()
    }

    /// Reads a corrections file's text.
    pub fn from_toml(text: &str) -> Result<Corrections, CorrectionsError> {
        let corrections: Corrections =
            toml::from_str(text).map_err(|err| CorrectionsError::Toml(err.to_string()))?;
        corrections.check()?;
        Ok(corrections)
    }

    /// The corrections as a TOML file's text.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).unwrap_or_default()
    }

    /// Checks that every correction can be applied: names not blank, two or more names where
    /// names are joined or kept apart, a type `kg` knows.
    pub fn check(&self) -> Result<(), CorrectionsError> {
        let bad = |message: String| Err(CorrectionsError::Invalid(message));
        let blank = |name: &str| crate::names::normalize(name).is_empty();
        for (what, lists) in [
            (
                "same",
                self.same.iter().map(|s| &s.names).collect::<Vec<_>>(),
            ),
            (
                "different",
                self.different.iter().map(|s| &s.names).collect(),
            ),
        ] {
            for names in lists {
                if names.len() < 2 {
                    return bad(format!(
                        "a `{what}` correction needs two or more names: {names:?}"
                    ));
                }
                if let Some(name) = names.iter().find(|n| blank(n)) {
                    return bad(format!("`{what}`: `{name}` is no name"));
                }
            }
        }
        for fix in &self.retype {
            if blank(&fix.name) {
                return bad(format!("`type`: `{}` is no name", fix.name));
            }
            match EntityKind::parse(&fix.kind) {
                Some(EntityKind::Quote) | None => {
                    return bad(format!(
                        "`type` of `{}`: `{}` is not a type; expected Person, Organization, \
                         Place or Topic",
                        fix.name, fix.kind
                    ));
                }
                Some(_) => {}
            }
        }
        for fix in &self.drop {
            if blank(&fix.name) || fix.of.as_deref().is_some_and(blank) {
                return bad(format!("`drop`: `{}` is no name", fix.name));
            }
        }
        for fix in &self.role {
            if blank(&fix.name) || fix.title.trim().is_empty() {
                return bad(format!(
                    "`role`: a role needs a name and a title, not `{}` and `{}`",
                    fix.name, fix.title
                ));
            }
        }
        Ok(())
    }

    /// The type a `type` correction names (checked by [`Corrections::check`]).
    pub fn kind_of(fix: &Retype) -> Option<EntityKind> {
        EntityKind::parse(&fix.kind).filter(|k| *k != EntityKind::Quote)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_example_reads_and_writes_back() {
        let text = r#"
[[same]]
names = ["Moody's", "Moody's Investors Service"]
note = "one rating agency"

[[different]]
names = ["P", "Palapa B2-P"]

[[type]]
name = "Moody"
type = "Organization"

[[drop]]
name = "Reuter"

[[drop]]
name = "P"
of = "Palapa B2-P"

[[role]]
name = "John Kerry"
title = "Senator"
remove = true
"#;
        let c = Corrections::from_toml(text).expect("reads");
        assert_eq!(c.len(), 6);
        assert_eq!(c.drop[1].of.as_deref(), Some("Palapa B2-P"));
        assert!(c.role[0].remove);
        assert_eq!(Corrections::from_toml(&c.to_toml()).ok(), Some(c));
    }

    #[test]
    fn mistakes_are_named() {
        let err = |t: &str| Corrections::from_toml(t).err().map(|e| e.to_string());
        assert!(err("[[same]]\nnames = [\"A\"]\n").is_some_and(|e| e.contains("two or more")));
        assert!(
            err("[[type]]\nname = \"A\"\ntype = \"Bird\"\n").is_some_and(|e| e.contains("Bird"))
        );
        assert!(err("[[sam]]\nnames = [\"A\", \"B\"]\n").is_some_and(|e| e.contains("sam")));
        assert!(err("same = 3").is_some());
    }
}
