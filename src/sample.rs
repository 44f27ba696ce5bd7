//! The built-in sample corpus: short news briefs written for this project, embedded in the binary.
//!
//! The list is maintained by hand (no build script): a file added to `data/sample/` must be added
//! to [`SAMPLES`] too, in file-name order.

use crate::text::Document;

/// Every sample brief as (file name, text), in file-name order.
const SAMPLES: &[(&str, &str)] = &[
    (
        "01-kerry-moscow-march-2016.txt",
        include_str!("../data/sample/01-kerry-moscow-march-2016.txt"),
    ),
    (
        "02-kerry-moscow-preview-march-2016.txt",
        include_str!("../data/sample/02-kerry-moscow-preview-march-2016.txt"),
    ),
    (
        "03-kerry-moscow-july-2016.txt",
        include_str!("../data/sample/03-kerry-moscow-july-2016.txt"),
    ),
    (
        "04-peskov-syria-withdrawal-march-2016.txt",
        include_str!("../data/sample/04-peskov-syria-withdrawal-march-2016.txt"),
    ),
    (
        "05-kerry-moscow-december-2015.txt",
        include_str!("../data/sample/05-kerry-moscow-december-2015.txt"),
    ),
    (
        "06-abe-putin-sochi-may-2016.txt",
        include_str!("../data/sample/06-abe-putin-sochi-may-2016.txt"),
    ),
    (
        "07-modi-obama-washington-june-2016.txt",
        include_str!("../data/sample/07-modi-obama-washington-june-2016.txt"),
    ),
    (
        "08-merkel-xi-beijing-june-2016.txt",
        include_str!("../data/sample/08-merkel-xi-beijing-june-2016.txt"),
    ),
];

/// The sample documents, in file-name order, with their file names as ids.
pub fn documents() -> Vec<Document> {
    SAMPLES
        .iter()
        .map(|(name, text)| Document::new(*name, *text))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn samples_are_sorted_and_unique() {
        let names: Vec<&str> = super::SAMPLES.iter().map(|(name, _)| *name).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted);
    }

    /// A brief written into `data/sample/` but not listed would silently be left out.
    #[test]
    fn every_sample_file_is_listed() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .expect("data/sample exists")
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".txt"))
            .collect();
        files.sort();
        let listed: Vec<&str> = super::SAMPLES.iter().map(|(name, _)| *name).collect();
        assert_eq!(files, listed);
    }
}
