//! The shared model at the bottom of `kg`: what things and relations are, whether an event
//! happened, dates, rules, why names were linked, warnings, and the shape of one document's
//! extraction. Every other module speaks these types; this one depends on nothing but
//! [`crate::text::Span`].

mod date;
mod extraction;
mod kind;
mod reason;
mod rule;
mod status;
mod warning;

pub use date::{Date, DateRange, DateRef, Precision};
pub use extraction::{Entity, EntityId, Extraction, Link, Mention, MentionForm, Relation};
pub use kind::{EntityKind, PlaceKind, RelationKind, Role, drop_subsumed_roles};
pub use reason::{LinkReason, MergeReason};
pub use rule::Rule;
pub use status::Status;
pub use warning::Warning;
