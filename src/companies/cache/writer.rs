//! Writing the next cache file while the index is built: records go straight to a temp
//! file (nothing but the small tables is held in memory), which is renamed over the old
//! file once it is whole.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use rustc_hash::{FxHashMap, FxHashSet};
use xxhash_rust::xxh3::{Xxh3Default, xxh3_128};

use super::format::{MAGIC, put_varint};
use super::stored::{Entry, Stored};
use crate::companies::rules::Findings;

/// The next cache file: one entry per distinct article, in the digest's order.
pub struct Writer {
    out: BufWriter<fs::File>,
    tmp: PathBuf,
    target: PathBuf,
    sum: Xxh3Default,
    records_len: u64,
    /// The article being written, before it goes to the file.
    record: Vec<u8>,
    pairs: Vec<u8>,
    pair_count: u32,
    pair_ids: FxHashMap<u128, u32>,
    /// Old file's pair index -> this file's (u32::MAX: not seen yet).
    remap: Vec<u32>,
    seen: FxHashSet<u128>,
    entries: Vec<u8>,
    /// The first write error; nothing more is written after it.
    error: Option<io::Error>,
    finished: bool,
}

impl Writer {
    /// Starts `target`'s replacement in a temp file beside it (named for this process).
    pub fn create(target: PathBuf, fingerprint: u64, old: &Stored) -> io::Result<Writer> {
        let tmp = crate::cachefile::temp_path(&target);
        let file = fs::File::create_new(&tmp)?;
        let mut w = Writer {
            out: BufWriter::with_capacity(1 << 16, file),
            tmp,
            target,
            sum: Xxh3Default::new(),
            records_len: 0,
            record: Vec::new(),
            pairs: Vec::new(),
            pair_count: 0,
            pair_ids: FxHashMap::default(),
            remap: vec![u32::MAX; old.pair_count()],
            seen: FxHashSet::default(),
            entries: Vec::new(),
            error: None,
            finished: false,
        };
        w.put(MAGIC);
        w.put(&fingerprint.to_le_bytes());
        Ok(w)
    }

    fn put(&mut self, bytes: &[u8]) {
        if self.error.is_none() {
            self.sum.update(bytes);
            if let Err(e) = self.out.write_all(bytes) {
                self.error = Some(e);
            }
        }
    }

    fn pair_id(&mut self, key: &str, name: &str) -> u32 {
        let mut both = Vec::with_capacity(key.len() + name.len() + 1);
        both.extend_from_slice(key.as_bytes());
        both.push(0);
        both.extend_from_slice(name.as_bytes());
        let h = xxh3_128(&both);
        if let Some(&id) = self.pair_ids.get(&h) {
            return id;
        }
        let id = self.pair_count;
        self.pair_count += 1;
        self.pair_ids.insert(h, id);
        for len in [key.len(), name.len()] {
            self.pairs.extend_from_slice(&(len as u32).to_le_bytes());
        }
        self.pairs.extend_from_slice(key.as_bytes());
        self.pairs.extend_from_slice(name.as_bytes());
        id
    }

    /// Writes the article's records (already in `self.record`) and its entry.
    fn end_article(&mut self, hash: u128, known: usize, discovered: usize) {
        let start = self.records_len as u32;
        let record = std::mem::take(&mut self.record);
        self.put(&record);
        self.records_len += record.len() as u64;
        self.record = record;
        self.record.clear();
        self.entries.extend_from_slice(&hash.to_le_bytes());
        for n in [start, known as u32, discovered as u32] {
            self.entries.extend_from_slice(&n.to_le_bytes());
        }
    }

    /// Adds an article tagged afresh (once per distinct hash).
    pub fn add_fresh(&mut self, hash: u128, findings: &Findings) {
        if !self.seen.insert(hash) {
            return;
        }
        for &(id, count) in &findings.known {
            put_varint(&mut self.record, id);
            put_varint(&mut self.record, count);
        }
        for d in &findings.discovered {
            let pair = self.pair_id(&d.key, &d.name);
            put_varint(&mut self.record, pair);
            put_varint(&mut self.record, d.count);
        }
        self.end_article(hash, findings.known.len(), findings.discovered.len());
    }

    /// Copies an article's entry from the old file.
    pub fn add_stored(&mut self, hash: u128, old: &Stored, e: Entry) {
        if !self.seen.insert(hash) {
            return;
        }
        for (k, (value, count)) in old.records(e).enumerate() {
            let value = if k < e.known as usize {
                value
            } else {
                match self.remap.get(value as usize) {
                    Some(&id) if id != u32::MAX => id,
                    _ => {
                        let (key, name) = old.pair(value);
                        let id = self.pair_id(key, name);
                        if let Some(slot) = self.remap.get_mut(value as usize) {
                            *slot = id;
                        }
                        id
                    }
                }
            };
            put_varint(&mut self.record, value);
            put_varint(&mut self.record, count);
        }
        self.end_article(hash, e.known as usize, e.discovered as usize);
    }

    /// Writes the tables, the footer and the checksum, and renames the file into place.
    pub fn finish(mut self) -> io::Result<()> {
        let pairs = std::mem::take(&mut self.pairs);
        let entries = std::mem::take(&mut self.entries);
        self.put(&pairs);
        self.put(&entries);
        let mut footer = Vec::with_capacity(24);
        footer.extend_from_slice(&self.records_len.to_le_bytes());
        footer.extend_from_slice(&(pairs.len() as u64).to_le_bytes());
        footer.extend_from_slice(&self.pair_count.to_le_bytes());
        footer.extend_from_slice(&(self.seen.len() as u32).to_le_bytes());
        self.put(&footer);
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        let sum = self.sum.digest();
        self.out.write_all(&sum.to_le_bytes())?;
        self.out.flush()?;
        fs::rename(&self.tmp, &self.target)?;
        self.finished = true;
        Ok(())
    }
}

impl Drop for Writer {
    /// A writer dropped before `finish` (or whose `finish` failed) leaves no temp file.
    fn drop(&mut self) {
        if !self.finished {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}
