//! The company-index cache: each article's findings, stored under a hash of its text.
//!
//! Tagging is the one costly step of opening a digest (≈1.5 s for 150k articles on two
//! cores, where loading takes ≈0.13 s), and past months never change. So the findings of
//! every article are kept in one file per set of digest files, keyed by a 128-bit xxh3
//! hash of the article's headline and body: a digest opened again is tagged only where
//! it changed (an appended article, an edited one, a new month), in any order, whatever
//! was moved or renamed. The file records the tagger it came from (a hash of the
//! tagger's own source and of the company lists), so a new gazette or an edited
//! companies.json never reads findings another tagger made.
//!
//! It is only a cache: a missing, stale, truncated or corrupt file (every byte is covered
//! by a checksum) reads as empty and is rewritten; a file that cannot be written is
//! reported and skipped. Writes go to a temp file renamed over the old one, so readers
//! see the old file or the new one, never a mix.

use std::fs;
use std::io;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rustc_hash::{FxHashMap, FxHashSet};
use xxhash_rust::xxh3::{xxh3_64, xxh3_128_with_seed};

use super::known::KnownCompanies;
use super::rules::Findings;
use crate::digest::{Article, Digest};

/// Bumped when the file layout changes.
const MAGIC: &[u8; 8] = b"GZIDX\0\0\x01";

/// The tagger's own source: any change to the rules (or to how articles are cut into
/// paragraphs) gives another fingerprint, so stale findings are never reused.
const TAGGER_SOURCES: [&str; 4] = [
    include_str!("rules.rs"),
    include_str!("candidates.rs"),
    include_str!("known.rs"),
    include_str!("index.rs"),
];

/// How many cache files (one per set of digest files) a cache folder keeps.
const KEEP_FILES: usize = 16;

/// What tagged the findings: this gazette's tagger with this company list.
pub fn fingerprint(known: &KnownCompanies) -> u64 {
    let mut h = known.fingerprint();
    for source in TAGGER_SOURCES {
        h = xxh3_64_seeded(source.as_bytes(), h);
    }
    h
}

fn xxh3_64_seeded(bytes: &[u8], seed: u64) -> u64 {
    xxhash_rust::xxh3::xxh3_64_with_seed(bytes, seed)
}

/// The key of an article's findings: its headline and body (all the tagger reads).
pub fn article_hash(digest: &Digest, article: &Article) -> u128 {
    let text = digest.source_text(article);
    let headline = article.headline.range();
    let body = article.body.range();
    // Headline, line break, body: one contiguous slice of the source, without the blank
    // lines that end a body (an article appended after it adds one). The headline's
    // length seeds the hash, so the same bytes cut differently hash differently.
    let whole = text
        .get(headline.start..body.end.max(headline.end))
        .unwrap_or("");
    xxh3_128_with_seed(whole.trim_end().as_bytes(), headline.len() as u64)
}

/// The cache file of one set of digest files.
#[derive(Debug, Clone)]
pub struct IndexCache {
    file: PathBuf,
}

/// How a build used its cache.
#[derive(Debug, Default)]
pub struct CacheReport {
    /// Articles whose findings came from the cache.
    pub hits: usize,
    /// Articles tagged afresh.
    pub misses: usize,
    /// Whether the cache file was (re)written.
    pub saved: bool,
    /// Why the cache file could not be written, naming it.
    pub error: Option<String>,
}

impl IndexCache {
    /// The default cache folder: `<cache dir>/gazette` (e.g. `~/.cache/gazette`).
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "gazette").map(|d| d.cache_dir().to_path_buf())
    }

    /// The cache for the files `digest` was read from, in `dir`; `None` when it was not
    /// read from files (the bundled sample) or a file can no longer be found.
    pub fn for_digest(dir: &Path, digest: &Digest) -> Option<IndexCache> {
        if digest.sources.is_empty() {
            return None;
        }
        let mut paths = Vec::with_capacity(digest.sources.len());
        for source in &digest.sources {
            paths.push(fs::canonicalize(&source.name).ok()?);
        }
        paths.sort();
        let mut seed = 0u64;
        for path in &paths {
            seed = xxh3_64_seeded(path.as_os_str().as_encoded_bytes(), seed);
        }
        Some(IndexCache {
            file: dir.join(format!("companies-{seed:016x}.idx")),
        })
    }

    /// A cache in exactly this file.
    pub fn at(file: PathBuf) -> IndexCache {
        IndexCache { file }
    }

    pub fn path(&self) -> &Path {
        &self.file
    }

    /// The stored findings, if the file exists, is whole and was made by `fingerprint`.
    pub fn load(&self, fingerprint: u64) -> Stored {
        let Ok(file) = fs::File::open(&self.file) else {
            return Stored::default();
        };
        // Mapped, not read: a read copies tens of MB into freshly zeroed pages.
        // SAFETY: read-only map of a file gazette only ever replaces by rename (the old
        // inode stays whole for readers). Only another program rewriting it in place
        // could change it under the map, the caveat every mmap reader (and the digest
        // loader) accepts; the checksum is verified over the mapped bytes before use.
        let bytes = match unsafe { memmap2::Mmap::map(&file) } {
            Ok(map) => Bytes::Mapped(map),
            Err(_) => match fs::read(&self.file) {
                Ok(v) => Bytes::Owned(v),
                Err(_) => return Stored::default(),
            },
        };
        Stored::decode(bytes, fingerprint).unwrap_or_default()
    }

    /// Replaces the file with `writer`'s findings (temp file and rename), then drops
    /// the oldest cache files beyond [`KEEP_FILES`] in the folder.
    pub fn save(&self, writer: &Writer, fingerprint: u64) -> io::Result<()> {
        let dir = match self.file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        fs::create_dir_all(dir)?;
        let mut tmp = self.file.as_os_str().to_os_string();
        tmp.push(format!(".{}.tmp", std::process::id()));
        let tmp = PathBuf::from(tmp);
        let result =
            fs::write(&tmp, writer.encode(fingerprint)).and_then(|()| fs::rename(&tmp, &self.file));
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result?;
        prune(dir, KEEP_FILES);
        Ok(())
    }

    /// Marks the file as used now, so pruning keeps it (best effort).
    pub fn touch(&self) {
        if let Ok(file) = fs::File::options().append(true).open(&self.file) {
            let _ = file.set_modified(SystemTime::now());
        }
    }
}

/// Deletes the least recently used `companies-*.idx` files beyond `keep`.
fn prune(dir: &Path, keep: usize) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with("companies-") && name.ends_with(".idx")
        })
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    if files.len() <= keep {
        return;
    }
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    for (_, path) in files.into_iter().skip(keep) {
        let _ = fs::remove_file(path);
    }
}

/// One article's findings in a [`Stored`] file.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// Index of its first record.
    start: u32,
    known: u32,
    discovered: u32,
}

/// A cache file's bytes: mapped, or read when it cannot be mapped.
#[derive(Debug)]
enum Bytes {
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

/// A cache file checked and indexed: findings by article hash.
///
/// Entries are in the order of the digest that wrote the file, so a digest opened again
/// (or appended to) finds article `i`'s entry at position `i`; a hash map is built only
/// when that fails (files reordered, articles inserted).
#[derive(Debug, Default)]
pub struct Stored {
    bytes: Bytes,
    /// Byte ranges of each discovered (key, name) pair.
    pairs: Vec<(Range<usize>, Range<usize>)>,
    entries: Vec<(u128, Entry)>,
    by_hash: Option<FxHashMap<u128, u32>>,
    /// Byte offset of the first record.
    records: usize,
}

/// A little-endian reader over the cache bytes that fails instead of panicking.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn take(&mut self, n: usize) -> Option<Range<usize>> {
        let end = self.at.checked_add(n)?;
        (end <= self.bytes.len()).then(|| {
            let r = self.at..end;
            self.at = end;
            r
        })
    }

    fn u32(&mut self) -> Option<u32> {
        let r = self.take(4)?;
        Some(u32::from_le_bytes(self.bytes.get(r)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        let r = self.take(8)?;
        Some(u64::from_le_bytes(self.bytes.get(r)?.try_into().ok()?))
    }

    fn u128(&mut self) -> Option<u128> {
        let r = self.take(16)?;
        Some(u128::from_le_bytes(self.bytes.get(r)?.try_into().ok()?))
    }
}

impl Stored {
    /// Checks and indexes a cache file's bytes; `None` if it is not a whole file of this format and fingerprint.
    fn decode(bytes: Bytes, fingerprint: u64) -> Option<Stored> {
        let body_len = bytes.len().checked_sub(8)?;
        let (body, sum) = bytes.split_at(body_len);
        if xxh3_64(body).to_le_bytes() != sum {
            return None;
        }
        let mut c = Cursor { bytes: body, at: 0 };
        if body.get(c.take(8)?)? != MAGIC || c.u64()? != fingerprint {
            return None;
        }
        let n_pairs = c.u32()? as usize;
        let n_entries = c.u32()? as usize;
        let n_records = c.u32()? as usize;
        let mut pairs = Vec::with_capacity(n_pairs.min(body.len() / 8));
        for _ in 0..n_pairs {
            let key_len = c.u32()? as usize;
            let name_len = c.u32()? as usize;
            let key = c.take(key_len)?;
            let name = c.take(name_len)?;
            std::str::from_utf8(body.get(key.clone())?).ok()?;
            std::str::from_utf8(body.get(name.clone())?).ok()?;
            pairs.push((key, name));
        }
        let mut entries = Vec::with_capacity(n_entries.min(body.len() / 28));
        for _ in 0..n_entries {
            let hash = c.u128()?;
            let entry = Entry {
                start: c.u32()?,
                known: c.u32()?,
                discovered: c.u32()?,
            };
            let end = (entry.start as u64) + entry.known as u64 + entry.discovered as u64;
            if end > n_records as u64 {
                return None;
            }
            entries.push((hash, entry));
        }
        let records = c.at;
        c.take(n_records.checked_mul(8)?)?;
        if c.at != body.len() {
            return None;
        }
        let stored = Stored {
            bytes,
            pairs,
            entries,
            by_hash: None,
            records,
        };
        // Every discovered record must name a pair.
        for (_, entry) in &stored.entries {
            for (pair, _) in stored.discovered(*entry) {
                stored.pairs.get(pair as usize)?;
            }
        }
        Some(stored)
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
    /// only when `hashes` (the digest's, in order) do not line up with the file's entries.
    pub fn index_unless_aligned(&mut self, hashes: &[u128]) {
        let aligned = hashes
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

    /// A discovered pair: (normalised key, name as first seen).
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

    /// Records `[from, from + n)` as (value, count) pairs (bounds were checked at decode).
    fn records(&self, from: u32, n: u32) -> impl Iterator<Item = (u32, u32)> + '_ {
        let at = self.records + from as usize * 8;
        self.bytes
            .get(at..at + n as usize * 8)
            .unwrap_or_default()
            .chunks_exact(8)
            .map(|r| {
                let (a, b) = r.split_at(4);
                let word = |w: &[u8]| w.try_into().map_or(0, u32::from_le_bytes);
                (word(a), word(b))
            })
    }

    /// The article's known companies: (id, mentions), in the order the tagger gave them.
    pub fn known(&self, e: Entry) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.records(e.start, e.known)
    }

    /// The article's discovered companies: (pair index, mentions), in the tagger's order.
    pub fn discovered(&self, e: Entry) -> impl Iterator<Item = (u32, u32)> + '_ {
        self.records(e.start + e.known, e.discovered)
    }
}

/// The next cache file, built alongside the index: one entry per distinct article.
#[derive(Default)]
pub struct Writer {
    pairs: Vec<u8>,
    pair_count: u32,
    pair_ids: FxHashMap<u128, u32>,
    /// Old file's pair index -> this file's (u32::MAX: not seen yet).
    remap: Vec<u32>,
    seen: FxHashSet<u128>,
    entries: Vec<u8>,
    records: Vec<u8>,
    record_count: u32,
}

impl Writer {
    pub fn new(stored: &Stored) -> Writer {
        Writer {
            remap: vec![u32::MAX; stored.pair_count()],
            ..Writer::default()
        }
    }

    /// Distinct articles written so far.
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }

    fn pair_id(&mut self, key: &str, name: &str) -> u32 {
        let mut both = Vec::with_capacity(key.len() + name.len() + 1);
        both.extend_from_slice(key.as_bytes());
        both.push(0);
        both.extend_from_slice(name.as_bytes());
        let h = xxh3_128_with_seed(&both, 0);
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

    fn record(&mut self, a: u32, b: u32) {
        self.records.extend_from_slice(&a.to_le_bytes());
        self.records.extend_from_slice(&b.to_le_bytes());
        self.record_count += 1;
    }

    fn entry(&mut self, hash: u128, known: usize, discovered: usize) {
        let start = self.record_count - (known + discovered) as u32;
        self.entries.extend_from_slice(&hash.to_le_bytes());
        for n in [start, known as u32, discovered as u32] {
            self.entries.extend_from_slice(&n.to_le_bytes());
        }
    }

    /// Adds an article tagged afresh.
    pub fn add_fresh(&mut self, hash: u128, findings: &Findings) {
        if !self.seen.insert(hash) {
            return;
        }
        for &(id, count) in &findings.known {
            self.record(id, count);
        }
        for d in &findings.discovered {
            let pair = self.pair_id(&d.key, &d.name);
            self.record(pair, d.count);
        }
        self.entry(hash, findings.known.len(), findings.discovered.len());
    }

    /// Copies an article's entry from the old file.
    pub fn add_stored(&mut self, hash: u128, stored: &Stored, e: Entry) {
        if !self.seen.insert(hash) {
            return;
        }
        for (id, count) in stored.known(e) {
            self.record(id, count);
        }
        for (old, count) in stored.discovered(e) {
            let pair = match self.remap.get(old as usize) {
                Some(&id) if id != u32::MAX => id,
                _ => {
                    let (key, name) = stored.pair(old);
                    let id = self.pair_id(key, name);
                    if let Some(slot) = self.remap.get_mut(old as usize) {
                        *slot = id;
                    }
                    id
                }
            };
            self.record(pair, count);
        }
        self.entry(hash, e.known as usize, e.discovered as usize);
    }

    fn encode(&self, fingerprint: u64) -> Vec<u8> {
        let mut out =
            Vec::with_capacity(36 + self.pairs.len() + self.entries.len() + self.records.len() + 8);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&fingerprint.to_le_bytes());
        for n in [self.pair_count, self.seen.len() as u32, self.record_count] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        out.extend_from_slice(&self.pairs);
        out.extend_from_slice(&self.entries);
        out.extend_from_slice(&self.records);
        let sum = xxh3_64(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::companies::rules::Discovered;

    fn findings() -> Findings {
        Findings {
            known: vec![(3, 2), (7, 1)],
            discovered: vec![Discovered {
                name: "Osmo".into(),
                key: "osmo".into(),
                count: 4,
            }],
        }
    }

    #[test]
    fn round_trip_and_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        let cache = IndexCache::at(dir.path().join("c.idx"));
        let mut w = Writer::new(&Stored::default());
        w.add_fresh(42, &findings());
        w.add_fresh(42, &findings());
        w.add_fresh(43, &Findings::default());
        cache.save(&w, 9).unwrap();
        let s = cache.load(9);
        assert_eq!(s.len(), 2);
        let e = s.get(0, 42).unwrap();
        assert_eq!(s.known(e).collect::<Vec<_>>(), [(3, 2), (7, 1)]);
        let d: Vec<_> = s.discovered(e).collect();
        assert_eq!(d, [(0, 4)]);
        assert_eq!(s.pair(0), ("osmo", "Osmo"));
        assert!(s.get(1, 43).is_some());
        assert!(s.get(0, 43).is_none(), "not aligned and not indexed");
        let mut s = s;
        s.index_unless_aligned(&[43, 42]);
        assert!(s.get(0, 43).is_some() && s.get(5, 42).is_some());
        assert!(
            cache.load(10).is_empty(),
            "another tagger's file is not read"
        );
    }

    #[test]
    fn every_truncation_and_flipped_byte_reads_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let cache = IndexCache::at(dir.path().join("c.idx"));
        let mut w = Writer::new(&Stored::default());
        w.add_fresh(42, &findings());
        cache.save(&w, 1).unwrap();
        let good = fs::read(cache.path()).unwrap();
        for n in 0..good.len() {
            assert!(
                Stored::decode(Bytes::Owned(good[..n].to_vec()), 1).is_none(),
                "cut at {n}"
            );
            let mut bad = good.clone();
            bad[n] ^= 0x40;
            assert!(
                Stored::decode(Bytes::Owned(bad), 1).is_none(),
                "flipped {n}"
            );
        }
        assert_eq!(Stored::decode(Bytes::Owned(good), 1).unwrap().len(), 1);
    }

    #[test]
    fn copies_keep_pairs() {
        let mut w = Writer::new(&Stored::default());
        w.add_fresh(1, &findings());
        let s = Stored::decode(Bytes::Owned(w.encode(5)), 5).unwrap();
        let mut w2 = Writer::new(&s);
        w2.add_stored(1, &s, s.get(0, 1).unwrap());
        let s2 = Stored::decode(Bytes::Owned(w2.encode(5)), 5).unwrap();
        let e = s2.get(0, 1).unwrap();
        assert_eq!(
            s2.discovered(e)
                .map(|(p, _)| s2.pair(p))
                .collect::<Vec<_>>(),
            [("osmo", "Osmo")]
        );
    }

    #[test]
    fn prune_keeps_the_newest() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..5 {
            let p = dir.path().join(format!("companies-{i}.idx"));
            fs::write(&p, b"x").unwrap();
            let t = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000 + i);
            fs::File::options()
                .append(true)
                .open(&p)
                .unwrap()
                .set_modified(t)
                .unwrap();
        }
        fs::write(dir.path().join("other.txt"), b"x").unwrap();
        prune(dir.path(), 2);
        let mut left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["companies-3.idx", "companies-4.idx", "other.txt"]);
    }
}
