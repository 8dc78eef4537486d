//! Reading a cache file: checked whole, then findings looked up by article.

use std::ops::Range;

use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::xxh3_64;

use super::format::{CHECKSUM, Cursor, ENTRY, FOOTER, HEADER, MAGIC, get_varint};

/// One article's findings in a [`Stored`] file.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// Byte offset of its first record in the records section.
    start: u32,
    pub known: u32,
    pub discovered: u32,
}

/// A cache file's bytes: mapped, or read when it cannot be mapped.
#[derive(Debug)]
pub enum Bytes {
    Owned(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl Default for Bytes {
    fn default() -> Self {
        Bytes::Owned(Vec::new())
    }
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Owned(v) => v,
            Bytes::Mapped(m) => m,
        }
    }
}

/// A cache file checked and indexed: findings by article.
///
/// Entries are in the order of the digest that wrote the file, so a digest opened again
/// (or appended to) finds article `i`'s entry at position `i`; a hash map is built only
/// when that fails (files reordered, articles inserted).
#[derive(Debug, Default)]
pub struct Stored {
    bytes: Bytes,
    records: Range<usize>,
    /// Byte ranges of each discovered (key, name) pair.
    pairs: Vec<(Range<usize>, Range<usize>)>,
    entries: Vec<(u128, Entry)>,
    by_hash: Option<FxHashMap<u128, u32>>,
}

impl Stored {
    /// Checks a cache file's bytes; `None` unless it is a whole file of this layout
    /// made by `fingerprint`. Every byte is covered by the checksum, so what passes was
    /// written by gazette as it is.
    pub fn decode(bytes: Bytes, fingerprint: u64) -> Option<Stored> {
        let body_len = bytes.len().checked_sub(CHECKSUM)?;
        let (body, sum) = bytes.split_at(body_len);
        if xxh3_64(body).to_le_bytes() != sum {
            return None;
        }
        let mut footer = Cursor {
            bytes: body,
            at: body_len.checked_sub(FOOTER)?,
        };
        let records_len = usize::try_from(footer.u64()?).ok()?;
        let pairs_len = usize::try_from(footer.u64()?).ok()?;
        let n_pairs = footer.u32()? as usize;
        let n_entries = footer.u32()? as usize;
        let expected = HEADER
            .checked_add(records_len)?
            .checked_add(pairs_len)?
            .checked_add(n_entries.checked_mul(ENTRY)?)?
            .checked_add(FOOTER)?;
        if expected != body_len {
            return None;
        }
        let mut c = Cursor { bytes: body, at: 0 };
        if body.get(c.take(8)?)? != MAGIC || c.u64()? != fingerprint {
            return None;
        }
        let records = c.take(records_len)?;
        let pairs_end = c.at + pairs_len;
        let mut pairs = Vec::with_capacity(n_pairs.min(pairs_len / 8));
        for _ in 0..n_pairs {
            let key_len = c.u32()? as usize;
            let name_len = c.u32()? as usize;
            let key = c.take(key_len)?;
            let name = c.take(name_len)?;
            std::str::from_utf8(body.get(key.clone())?).ok()?;
            std::str::from_utf8(body.get(name.clone())?).ok()?;
            pairs.push((key, name));
        }
        if c.at != pairs_end {
            return None;
        }
        let mut entries = Vec::with_capacity(n_entries);
        for _ in 0..n_entries {
            let hash = c.u128()?;
            let entry = Entry {
                start: c.u32()?,
                known: c.u32()?,
                discovered: c.u32()?,
            };
            if entry.start as usize > records_len {
                return None;
            }
            entries.push((hash, entry));
        }
        Some(Stored {
            bytes,
            records,
            pairs,
            entries,
            by_hash: None,
        })
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The findings of article number `i`, whose hash is `hash`.
    pub fn get(&self, i: usize, hash: u128) -> Option<Entry> {
        match self.entries.get(i) {
            Some(&(h, e)) if h == hash => Some(e),
            _ => {
                let at = *self.by_hash.as_ref()?.get(&hash)?;
                self.entries.get(at as usize).map(|&(_, e)| e)
            }
        }
    }

    /// Makes [`get`](Self::get) find entries by hash alone, wherever they are. Needed
    /// unless every one of `hashes` (the digest's, in order) has its entry at its own
    /// position: articles beyond the file's entries may be stored elsewhere in it (the
    /// same text twice in one digest is stored once).
    pub fn index_unless_aligned(&mut self, hashes: &[u128]) {
        let aligned = hashes.len() <= self.entries.len()
            && hashes
                .iter()
                .zip(&self.entries)
                .all(|(h, (stored, _))| h == stored);
        if !aligned {
            let mut map = FxHashMap::default();
            map.reserve(self.entries.len());
            for (i, (h, _)) in self.entries.iter().enumerate() {
                map.entry(*h).or_insert(i as u32);
            }
            self.by_hash = Some(map);
        }
    }

    /// How many discovered (key, name) pairs the file holds.
    pub fn pair_count(&self) -> usize {
        self.pairs.len()
    }

    /// A discovered pair: (normalised key, name as first seen); empty past the table's end.
    pub fn pair(&self, i: u32) -> (&str, &str) {
        let text = |r: &Range<usize>| {
            self.bytes
                .get(r.clone())
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or("")
        };
        self.pairs
            .get(i as usize)
            .map_or(("", ""), |(k, n)| (text(k), text(n)))
    }

    /// The article's companies as (value, mentions), in the order the tagger gave them:
    /// `e.known` known ones (value = id), then `e.discovered` discovered ones (value =
    /// pair index).
    pub fn records(&self, e: Entry) -> impl Iterator<Item = (u32, u32)> + '_ {
        let records = self.bytes.get(self.records.clone()).unwrap_or_default();
        let mut at = e.start as usize;
        (0..e.known + e.discovered).map_while(move |_| {
            let value = get_varint(records, &mut at)?;
            Some((value, get_varint(records, &mut at)?))
        })
    }
}
