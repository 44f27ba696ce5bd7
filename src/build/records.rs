//! Documents from bytes: a plain text, or JSON Lines (one record a line: `{"id", "text",
//! "title"?, "date"?, "url"?, "source"?}`).
//!
//! These are pure functions over bytes, so that a reader of files, of standard input or a fuzz
//! target all parse alike. A bad line is never fatal here: each line comes back as a document or
//! as the reason it is not one, and the caller decides whether to skip it or stop.

use crate::text::Document;

/// The most bytes one document may hold: a plain text, or one line of JSON Lines. A news
/// article is a few kilobytes; this leaves room for books and long transcripts, and stops a
/// reader of an endless source (`/dev/zero`) long before memory runs out.
pub const MAX_DOCUMENT_BYTES: usize = 16 << 20;

/// The UTF-8 byte order mark some editors put first.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The bytes without a leading UTF-8 byte order mark.
pub fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
}

/// One plain-text document: a byte order mark is dropped, and invalid UTF-8 becomes U+FFFD and
/// a warning.
pub fn text_document(id: impl Into<String>, mut bytes: Vec<u8>) -> (Document, Option<String>) {
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    Document::from_bytes(id, bytes)
}

/// True when text that starts with these bytes is JSON Lines: its first character after blanks
/// (and a byte order mark) is `{`. A news article does not start with a brace.
pub fn looks_like_json_lines(start: &[u8]) -> bool {
    strip_bom(start)
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{')
}

/// What one line of JSON Lines holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// Nothing but blanks: skipped without a word.
    Blank,
    /// A document. `bad_utf8_at` is the 1-based column of the first invalid UTF-8 byte, when
    /// there was one (bad bytes are replaced with U+FFFD).
    Record {
        /// The document the line holds.
        document: Document,
        /// The column of the first byte that was not UTF-8, if any.
        bad_utf8_at: Option<usize>,
    },
}

/// Why a line of JSON Lines is not a document.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BadLine {
    /// Longer than [`MAX_DOCUMENT_BYTES`].
    #[error("the line is longer than the largest document kg reads ({} MiB)", MAX_DOCUMENT_BYTES >> 20)]
    TooLong,
    /// Not JSON, or JSON that is not a record (a bad escape such as a lone `\ud800`, a missing
    /// `text`, a number where text belongs, ...). The text is serde_json's.
    #[error("not a document record: {0}")]
    NotARecord(String),
}

/// Reads one line of JSON Lines (its final newline optional). A byte order mark in front is
/// dropped.
pub fn parse_line(line: &[u8]) -> Result<Line, BadLine> {
    let line = strip_bom(line);
    if line.iter().all(u8::is_ascii_whitespace) {
        return Ok(Line::Blank);
    }
    if line.len() > MAX_DOCUMENT_BYTES {
        return Err(BadLine::TooLong);
    }
    let (text, bad_utf8_at) = match std::str::from_utf8(line) {
        Ok(text) => (std::borrow::Cow::Borrowed(text), None),
        Err(err) => (String::from_utf8_lossy(line), Some(err.valid_up_to() + 1)),
    };
    let document: Document =
        serde_json::from_str(&text).map_err(|err| BadLine::NotARecord(err.to_string()))?;
    Ok(Line::Record {
        document,
        bad_utf8_at,
    })
}

/// Every line of a JSON Lines text, numbered from 1, with what it holds. Blank lines are left
/// out.
pub fn parse_json_lines(bytes: &[u8]) -> impl Iterator<Item = (usize, Result<Line, BadLine>)> {
    bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .map(|(i, line)| (i + 1, parse_line(line)))
        .filter(|(_, line)| *line != Ok(Line::Blank))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(bytes: &[u8]) -> Vec<(usize, Result<String, String>)> {
        parse_json_lines(bytes)
            .map(|(n, line)| {
                let line = match line {
                    Ok(Line::Record { document, .. }) => Ok(document.id),
                    Ok(Line::Blank) => Ok(String::new()),
                    Err(err) => Err(err.to_string()),
                };
                (n, line)
            })
            .collect()
    }

    #[test]
    fn a_bad_line_is_reported_and_the_rest_read() {
        let text = b"{\"id\": \"a\", \"text\": \"x\"}\n\n{\"id\": \"b\", \"text\": \"\\ud800\"}\n\
                     [1, 2]\n{\"id\": \"c\", \"text\": \"y\"}\n";
        let got = ids(text);
        assert_eq!(got[0], (1, Ok("a".to_string())));
        assert_eq!(got[1].0, 3);
        assert!(
            got[1]
                .1
                .as_ref()
                .is_err_and(|e| e.starts_with("not a document record: ") && e.contains("escape")),
            "{got:?}"
        );
        assert_eq!(got[2].0, 4);
        assert!(got[2].1.is_err());
        assert_eq!(got[3], (5, Ok("c".to_string())));
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        let got = ids(b"\xEF\xBB\xBF{\"id\": \"a\", \"text\": \"x\"}\r\n");
        assert_eq!(got, [(1, Ok("a".to_string()))]);
        let (doc, warning) = text_document("t", b"\xEF\xBB\xBFKerry".to_vec());
        assert_eq!((doc.text.as_str(), warning), ("Kerry", None));
        assert!(looks_like_json_lines(b"\xEF\xBB\xBF \n{"));
        assert!(!looks_like_json_lines(b"Kerry {"));
    }

    #[test]
    fn invalid_utf8_is_replaced_and_its_column_given() {
        match parse_line(b"{\"id\": \"a\", \"text\": \"\xFF\"}") {
            Ok(Line::Record {
                document,
                bad_utf8_at,
            }) => {
                assert_eq!(document.text, "\u{FFFD}");
                assert_eq!(bad_utf8_at, Some(22));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        let mut bytes = Vec::new();
        for i in 0..4096u32 {
            bytes.push((i.wrapping_mul(2_654_435_761) >> 13) as u8);
        }
        let _ = parse_json_lines(&bytes).count();
        let _ = parse_line(b"{\"id\": 1}");
    }
}
