//! Extraction records as lines of text: the output of the map step of a build split across
//! processes or machines (`kg extract --records`), and the input of its reduce (`kg build
//! --from`).
//!
//! A line is one JSON object, `{"kg_record":V,"id":"...","block":"..."}`: `V` the graph file
//! format version ([`super::FORMAT_VERSION`]), `id` the document id (so that tools can sort,
//! split or grep shards without reading the blocks), and `block` the record's block exactly as
//! a graph file holds it (`docs/graph-format.md`), in standard base64 with padding. Lines are
//! text, so a shard survives whatever moves text around (Spark's `RDD.pipe` and
//! `saveAsTextFile`, `cat`, `sort`), and a record read back is the record written, bit for bit,
//! so that a graph merged from shards is byte for byte the graph `kg build` makes of the texts.

use serde::{Deserialize, Serialize};

use super::{FORMAT_VERSION, GraphFileError, convert};
use crate::graph::Record;

/// The most bytes a record line may hold: the base64 of the block of the largest document kg
/// reads, with room to spare.
pub const MAX_RECORD_LINE_BYTES: usize = 64 << 20;

/// Why a line is not a record.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RecordLineError {
    /// Longer than [`MAX_RECORD_LINE_BYTES`].
    #[error("the line is longer than a record line may be ({} MiB)", MAX_RECORD_LINE_BYTES >> 20)]
    TooLong,
    /// Not JSON, or JSON without the fields of a record line. The text is serde_json's.
    #[error("not a record line (`kg extract --records` writes them): {0}")]
    NotARecord(String),
    /// Written by a kg of another graph file format version.
    #[error(
        "a record of format version {found}, and this kg reads version {expected}: run `kg extract --records` again"
    )]
    Version {
        /// The version in the line.
        found: u64,
        /// The version this build reads.
        expected: u16,
    },
    /// The block is not base64.
    #[error("the record's block is not base64")]
    Base64,
    /// The block does not decode, or does not hold together.
    #[error("the record's block is damaged: {0}")]
    Block(#[from] GraphFileError),
    /// The id beside the block is not the block's.
    #[error("the line's id `{line}` is not its record's (`{record}`)")]
    Id {
        /// The id written beside the block.
        line: String,
        /// The id in the block.
        record: String,
    },
}

#[derive(Serialize)]
struct LineOut<'a> {
    kg_record: u16,
    id: &'a str,
    block: &'a str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LineIn {
    kg_record: u64,
    id: String,
    block: String,
}

/// A record as one line of JSON, without a line break.
pub fn record_line(record: &Record) -> String {
    let block = base64_encode(&convert::encode_record(record));
    serde_json::to_string(&LineOut {
        kg_record: FORMAT_VERSION,
        id: &record.id,
        block: &block,
    })
    .expect("a string and a number serialize")
}

/// Reads a line written by [`record_line`] (its line break optional). A blank line is `None`.
pub fn parse_record_line(line: &[u8]) -> Result<Option<Record>, RecordLineError> {
    if line.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    if line.len() > MAX_RECORD_LINE_BYTES {
        return Err(RecordLineError::TooLong);
    }
    let parsed: LineIn =
        serde_json::from_slice(line).map_err(|e| RecordLineError::NotARecord(e.to_string()))?;
    if parsed.kg_record != u64::from(FORMAT_VERSION) {
        return Err(RecordLineError::Version {
            found: parsed.kg_record,
            expected: FORMAT_VERSION,
        });
    }
    let block = base64_decode(parsed.block.as_bytes()).ok_or(RecordLineError::Base64)?;
    // A fresh lookup table for every block: the table remembers names by their address, which
    // is only sound within one buffer.
    let record = convert::decode_record(&block, &mut convert::Lookups::new())?;
    if record.id != parsed.id {
        return Err(RecordLineError::Id {
            line: parsed.id,
            record: record.id,
        });
    }
    Ok(Some(record))
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 (RFC 4648), with `=` padding.
fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 0x3f) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The bytes of standard base64 with padding; `None` for anything else (a character outside
/// the alphabet, a length that is not a multiple of 4, padding inside, bits set past the end).
fn base64_decode(text: &[u8]) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(4) {
        return None;
    }
    let value = |c: u8| -> Option<u32> {
        Some(u32::from(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        }))
    };
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let quads = text.len() / 4;
    for (i, quad) in text.chunks(4).enumerate() {
        let pad = if i + 1 == quads {
            quad.iter().rev().take_while(|&&c| c == b'=').count()
        } else {
            0
        };
        if pad > 2 {
            return None;
        }
        let mut n = 0u32;
        for &c in &quad[..4 - pad] {
            n = (n << 6) | value(c)?;
        }
        n <<= 6 * pad as u32;
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        // Bits past the last byte must be zero, so that every block has one encoding.
        if bytes[3 - pad..].iter().any(|&b| b != 0) {
            return None;
        }
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_and_refuses_what_is_not_base64() {
        for len in 0..40 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = base64_encode(&bytes);
            assert_eq!(base64_decode(text.as_bytes()), Some(bytes), "{len}");
        }
        assert_eq!(base64_encode(b"Man"), "TWFu");
        assert_eq!(base64_encode(b"Ma"), "TWE=");
        assert_eq!(base64_encode(b"M"), "TQ==");
        for bad in ["TWF", "TW=u", "T===", "TWE!", "TWF=", "TR=="] {
            assert_eq!(base64_decode(bad.as_bytes()), None, "{bad}");
        }
    }

    #[test]
    fn bad_lines_are_refused_with_the_reason() {
        let err = |line: &str| {
            parse_record_line(line.as_bytes())
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert!(matches!(parse_record_line(b"  \n"), Ok(None)));
        assert!(err("{\"id\":\"a\"}").starts_with("not a record line"));
        assert!(err("{\"kg_record\":2,\"id\":\"a\",\"block\":\"\"}").contains("version 2"));
        assert!(
            err(&format!(
                "{{\"kg_record\":{FORMAT_VERSION},\"id\":\"a\",\"block\":\"!!!!\"}}"
            ))
            .contains("base64")
        );
        assert!(
            err(&format!(
                "{{\"kg_record\":{FORMAT_VERSION},\"id\":\"a\",\"block\":\"AAAA\"}}"
            ))
            .contains("damaged")
        );
    }
}
