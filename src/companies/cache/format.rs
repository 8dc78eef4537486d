//! The cache file's layout, and the varints its records are written in.
//!
//! ```text
//! MAGIC (8) | fingerprint u64 | records | pairs | entries | footer (24) | checksum u64
//! records:  per article, (value, mentions) as two LEB128 varints per company: known
//!           companies first (value = known id), then discovered ones (value = pair index)
//! pairs:    per discovered (key, name): key_len u32, name_len u32, key, name (UTF-8)
//! entries:  per article: hash u128, records start u32 (byte offset), known u32, discovered u32
//! footer:   records_len u64, pairs_len u64, pairs u32, entries u32
//! checksum: xxh3-64 of everything before it
//! ```
//!
//! Integers are little-endian. Records come first so they can be streamed to the file as
//! the index is built; the tables that are only complete at the end follow them, and the
//! footer says where everything is. Varints keep the records ~3 bytes each instead of 8.

/// Bumped when the layout changes.
pub const MAGIC: &[u8; 8] = b"GZIDX\0\0\x02";
pub const HEADER: usize = 16;
pub const ENTRY: usize = 28;
pub const FOOTER: usize = 24;
pub const CHECKSUM: usize = 8;

pub fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads a varint at `*at`, moving past it; `None` at the end of `b` or past 5 bytes.
#[inline]
pub fn get_varint(b: &[u8], at: &mut usize) -> Option<u32> {
    let mut v = 0u32;
    for shift in (0..35).step_by(7) {
        let byte = *b.get(*at)?;
        *at += 1;
        v |= u32::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return Some(v);
        }
    }
    None
}

pub use crate::cachefile::Cursor;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_and_stop_at_the_end() {
        let values = [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX];
        let mut out = Vec::new();
        for v in values {
            put_varint(&mut out, v);
        }
        assert_eq!(out.len(), 1 + 1 + 1 + 2 + 2 + 2 + 3 + 5);
        let mut at = 0;
        for v in values {
            assert_eq!(get_varint(&out, &mut at), Some(v));
        }
        assert_eq!(get_varint(&out, &mut at), None);
        assert_eq!(get_varint(&[0x80; 9], &mut 0), None, "too long");
    }
}
