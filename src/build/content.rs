//! What a file's first bytes say it is, so that a graph file, an archive or a binary given as an
//! article is refused by name instead of being read as text (issue 14): a `.kg` file read as an
//! article adds a "document" of postcard bytes to the graph and finds nothing, silently.

use std::fmt;

/// How many bytes from the start [`not_text`] looks at. A reader passes at most this many (fewer
/// when the input is shorter).
pub const SNIFF_BYTES: usize = 8192;

/// The first bytes of a kg graph file (`graph::file`).
pub const GRAPH_MAGIC: &[u8] = b"KGRAPH\n\0";

/// What an input is, when it is not text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotText {
    /// A graph file written by `kg build` or `:save`.
    Graph,
    /// A compressed file or an archive: `zip`, `gzip`, `bzip2`, `xz`, `7z`, `zstd` or `tar`.
    Archive(&'static str),
    /// Text in UTF-16 (it starts with a UTF-16 byte order mark).
    Utf16,
    /// Bytes that are not text: a NUL byte at this offset.
    Binary {
        /// Where the first NUL byte is.
        offset: usize,
    },
}

impl fmt::Display for NotText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotText::Graph => f.write_str("a kg graph file"),
            NotText::Archive(kind) => write!(f, "a {kind} archive"),
            NotText::Utf16 => f.write_str("UTF-16 text"),
            NotText::Binary { offset } => {
                write!(f, "a binary file (a NUL byte at offset {offset})")
            }
        }
    }
}

/// Archive and compression formats by their magic bytes at the start.
const MAGIC: [(&[u8], &str); 7] = [
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"\x1F\x8B", "gzip"),
    (b"\xFD7zXZ\0", "xz"),
    (b"7z\xBC\xAF\x27\x1C", "7z"),
    (b"\x28\xB5\x2F\xFD", "zstd"),
    (b"\x1F\x9D", "compress"),
];

/// Says what the input is when its first bytes (up to [`SNIFF_BYTES`]) show it is not text;
/// `None` for anything that may be text, UTF-8 or not.
pub fn not_text(head: &[u8]) -> Option<NotText> {
    if head.starts_with(GRAPH_MAGIC) {
        return Some(NotText::Graph);
    }
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Some(NotText::Archive(kind));
    }
    // `BZh` and the block size, a digit.
    if head.starts_with(b"BZh") && head.get(3).is_some_and(|b| (b'1'..=b'9').contains(b)) {
        return Some(NotText::Archive("bzip2"));
    }
    // A POSIX tar file says `ustar` at offset 257.
    if head.get(257..262) == Some(b"ustar".as_slice()) {
        return Some(NotText::Archive("tar"));
    }
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return Some(NotText::Utf16);
    }
    let head = &head[..head.len().min(SNIFF_BYTES)];
    head.iter()
        .position(|&b| b == 0)
        .map(|offset| NotText::Binary { offset })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::KnowledgeGraph;

    #[test]
    fn a_graph_file_starts_with_the_magic_this_module_knows() {
        let bytes = KnowledgeGraph::new().to_bytes();
        assert_eq!(not_text(&bytes), Some(NotText::Graph));
    }

    #[test]
    fn archives_and_binaries_are_named() {
        assert_eq!(not_text(b"PK\x03\x04rest"), Some(NotText::Archive("zip")));
        assert_eq!(not_text(b"\x1F\x8B\x08"), Some(NotText::Archive("gzip")));
        assert_eq!(not_text(b"BZh91AY"), Some(NotText::Archive("bzip2")));
        assert_eq!(not_text(b"\xFD7zXZ\0\0"), Some(NotText::Archive("xz")));
        assert_eq!(
            not_text(b"7z\xBC\xAF\x27\x1C\0"),
            Some(NotText::Archive("7z"))
        );
        let mut tar = vec![b'a'; 512];
        tar[257..262].copy_from_slice(b"ustar");
        tar[100] = 0;
        assert_eq!(not_text(&tar), Some(NotText::Archive("tar")));
        assert_eq!(not_text(b"ab\0c"), Some(NotText::Binary { offset: 2 }));
        assert_eq!(not_text(b"\xFF\xFEK\0"), Some(NotText::Utf16));
    }

    #[test]
    fn text_of_any_encoding_passes() {
        assert_eq!(not_text(b""), None);
        assert_eq!(not_text(b"Kerry met Lavrov.\n"), None);
        assert_eq!(not_text("Zürich".as_bytes()), None);
        assert_eq!(not_text(b"caf\xE9"), None);
        assert_eq!(not_text(b"\xEF\xBB\xBF{\"id\": 1}"), None);
        assert_eq!(not_text(b"BZh is not bzip2"), None);
    }
}
