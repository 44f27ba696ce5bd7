//! The word lists the extractor reads: countries, places, organisations, titles, verbs. They are
//! plain files in `data/lexicon/`, embedded in the binary.

/// All lexicons, parsed.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {}

impl Lexicon {
    /// The lexicon built into the binary.
    pub fn builtin() -> &'static Lexicon {
        static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEXICON.get_or_init(Lexicon::default)
    }
}
