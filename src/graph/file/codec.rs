//! The primitive encodings of the graph file's body: unsigned LEB128 varints, zigzag signed
//! varints, single bytes, little-endian `f32`, and length-prefixed byte strings.
//!
//! The reader never panics and never allocates: it hands out numbers and slices of its input,
//! and [`Reader::count`] refuses a count of more elements than the bytes left can hold, so that a caller may
//! reserve that many elements without trusting a damaged length field.

use super::GraphFileError;

/// The error for a body that ends inside a record.
const ENDS_EARLY: GraphFileError =
    GraphFileError::Inconsistent("a record runs past the end of the body");

/// Appends encoded values to a byte buffer.
#[derive(Debug, Default)]
pub(super) struct Writer {
    pub(super) buf: Vec<u8>,
}

impl Writer {
    /// An unsigned varint: 7 bits a byte, least significant first, high bit set on every byte but
    /// the last (LEB128). Always the shortest form.
    pub(super) fn uint(&mut self, mut value: u64) {
        loop {
            let low = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                self.buf.push(low);
                return;
            }
            self.buf.push(low | 0x80);
        }
    }

    /// A count or index, as an unsigned varint.
    pub(super) fn len(&mut self, n: usize) {
        self.uint(n as u64);
    }

    /// A signed varint: zigzag (0, -1, 1, -2, ... as 0, 1, 2, 3, ...), then as [`Writer::uint`].
    pub(super) fn int(&mut self, value: i64) {
        self.uint(((value << 1) ^ (value >> 63)) as u64);
    }

    /// One byte.
    pub(super) fn byte(&mut self, value: u8) {
        self.buf.push(value);
    }

    /// An `f32` as its IEEE 754 bits, little-endian.
    pub(super) fn f32(&mut self, value: f32) {
        self.buf.extend_from_slice(&value.to_bits().to_le_bytes());
    }

    /// A `u64` in 8 bytes, little-endian (a hash, whose bits a varint would not shorten).
    pub(super) fn u64(&mut self, value: u64) {
        self.buf.extend_from_slice(&value.to_le_bytes());
    }

    /// A `u128` in 16 bytes, little-endian (a key of a name index).
    pub(super) fn u128(&mut self, value: u128) {
        self.buf.extend_from_slice(&value.to_le_bytes());
    }

    /// A byte string: its length as a varint, then the bytes.
    pub(super) fn bytes(&mut self, bytes: &[u8]) {
        self.len(bytes.len());
        self.buf.extend_from_slice(bytes);
    }
}

/// Reads encoded values from a byte slice, front to back.
#[derive(Debug)]
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub(super) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, pos: 0 }
    }

    /// How many bytes are left.
    pub(super) fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    /// One byte.
    pub(super) fn byte(&mut self) -> Result<u8, GraphFileError> {
        let byte = *self.bytes.get(self.pos).ok_or(ENDS_EARLY)?;
        self.pos += 1;
        Ok(byte)
    }

    /// An unsigned varint, refused when longer than its shortest form or over 64 bits.
    pub(super) fn uint(&mut self) -> Result<u64, GraphFileError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            let bits = u64::from(byte & 0x7f);
            if shift == 63 && bits > 1 {
                return Err(GraphFileError::Inconsistent("a number is over 64 bits"));
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                if byte == 0 && shift > 0 {
                    return Err(GraphFileError::Inconsistent(
                        "a number is not in its shortest form",
                    ));
                }
                return Ok(value);
            }
        }
        Err(GraphFileError::Inconsistent("a number is over 64 bits"))
    }

    /// An unsigned varint that must fit in 32 bits.
    pub(super) fn u32(&mut self) -> Result<u32, GraphFileError> {
        u32::try_from(self.uint()?)
            .map_err(|_| GraphFileError::Inconsistent("a number is over 32 bits"))
    }

    /// A zigzag signed varint.
    pub(super) fn int(&mut self) -> Result<i64, GraphFileError> {
        let raw = self.uint()?;
        Ok((raw >> 1) as i64 ^ -((raw & 1) as i64))
    }

    /// An `f32` from its little-endian bits.
    pub(super) fn f32(&mut self) -> Result<f32, GraphFileError> {
        let bytes = self.take(4)?;
        let mut bits = [0u8; 4];
        bits.copy_from_slice(bytes);
        Ok(f32::from_bits(u32::from_le_bytes(bits)))
    }

    /// A `u64` from 8 bytes, little-endian.
    pub(super) fn u64(&mut self) -> Result<u64, GraphFileError> {
        let bytes = self.take(8)?;
        let mut bits = [0u8; 8];
        bits.copy_from_slice(bytes);
        Ok(u64::from_le_bytes(bits))
    }

    /// A `u128` from 16 bytes, little-endian.
    pub(super) fn u128(&mut self) -> Result<u128, GraphFileError> {
        let bytes = self.take(16)?;
        let mut bits = [0u8; 16];
        bits.copy_from_slice(bytes);
        Ok(u128::from_le_bytes(bits))
    }

    /// Where the reader is, in bytes from the start.
    pub(super) fn position(&self) -> usize {
        self.pos
    }

    /// The number of elements of a list that follows, each of which takes at least `min_len`
    /// bytes: a count whose elements could not fit in the bytes left is refused, so that the
    /// caller may reserve that many without trusting a damaged count.
    pub(super) fn count(&mut self, min_len: usize) -> Result<usize, GraphFileError> {
        let n = self.uint()?;
        if n > (self.remaining() / min_len.max(1)) as u64 {
            return Err(GraphFileError::Inconsistent(
                "a list is longer than the bytes left",
            ));
        }
        Ok(n as usize)
    }

    /// A length-prefixed byte string, borrowed from the input.
    pub(super) fn bytes(&mut self) -> Result<&'a [u8], GraphFileError> {
        let len = self.uint()?;
        if len > self.remaining() as u64 {
            return Err(ENDS_EARLY);
        }
        self.take(len as usize)
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], GraphFileError> {
        let end = self.pos.checked_add(len).ok_or(ENDS_EARLY)?;
        let bytes = self.bytes.get(self.pos..end).ok_or(ENDS_EARLY)?;
        self.pos = end;
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::{Reader, Writer};

    #[test]
    fn numbers_round_trip_in_their_shortest_form() {
        let values = [
            0,
            1,
            127,
            128,
            300,
            16_383,
            16_384,
            u64::from(u32::MAX),
            u64::MAX,
        ];
        for value in values {
            let mut w = Writer::default();
            w.uint(value);
            let expected_len = (64 - value.leading_zeros()).div_ceil(7).max(1) as usize;
            assert_eq!(w.buf.len(), expected_len, "{value}");
            let mut r = Reader::new(&w.buf);
            assert_eq!(r.uint().ok(), Some(value));
            assert_eq!(r.remaining(), 0);
        }
        for value in [0, 1, -1, 63, -64, 64, 2016, -2016, i64::MIN, i64::MAX] {
            let mut w = Writer::default();
            w.int(value);
            assert_eq!(Reader::new(&w.buf).int().ok(), Some(value), "{value}");
        }
        assert_eq!(
            {
                let mut w = Writer::default();
                w.uint(300);
                w.buf
            },
            [0xac, 0x02]
        );
    }

    #[test]
    fn bad_numbers_are_refused() {
        // 1 written in two bytes; 2^64; eleven continuation bytes; nothing at all.
        let bad: [&[u8]; 4] = [
            &[0x81, 0x00],
            &[0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02],
            &[0xff; 11],
            &[],
        ];
        for bytes in bad {
            assert!(Reader::new(bytes).uint().is_err(), "{bytes:?}");
        }
        assert!(Reader::new(&[0x80, 0x80, 0x80, 0x80, 0x10]).u32().is_err());
    }

    #[test]
    fn counts_and_strings_are_bounded_by_the_bytes_left() {
        let mut w = Writer::default();
        w.uint(1 << 40);
        assert!(Reader::new(&w.buf).count(1).is_err());
        assert!(Reader::new(&[3, 0, 0, 0]).count(1).is_ok());
        assert!(Reader::new(&[3, 0, 0, 0]).count(2).is_err());
        assert!(Reader::new(&w.buf).bytes().is_err());
        let mut w = Writer::default();
        w.bytes(b"Lavrov");
        w.f32(0.8);
        let mut r = Reader::new(&w.buf);
        assert_eq!(r.bytes().ok(), Some(&b"Lavrov"[..]));
        assert_eq!(r.f32().ok(), Some(0.8));
        assert!(r.byte().is_err());
    }
}
