//! `kg` reads news articles, finds the people, organisations and places they talk about and the
//! events between them (who met whom, about what, where, when; who visited where; who said what;
//! who holds which role), merges everything into one typed graph, and answers questions about it.
//!
//! The pipeline runs one way, each stage with its own type:
//! [`text`] ([`text::Document`]) -> [`extract`] ([`extract::Extraction`]) ->
//! [`graph`] ([`graph::KnowledgeGraph`]) -> [`query`] ([`query::Answer`]) -> [`export`].
//! [`build`] runs the first stages over many documents (in parallel, merged by date, then id) and
//! turns bytes into documents.
//! None of these modules touches files, the terminal or the environment; the binary does.

pub mod build;
pub mod export;
pub mod extract;
#[doc(hidden)]
pub mod fuzzcheck;
pub mod graph;
pub mod lexicon;
pub mod model;
pub mod names;
pub mod query;
pub mod sample;
pub mod text;
