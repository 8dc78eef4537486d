//! The company-index cache: each article's findings, stored under a hash of its text.
//!
//! Tagging is the one costly step of opening a digest (≈1.5 s for 150k articles on two
//! cores, where loading takes ≈0.13 s), and past months never change. So the findings of
//! every article are kept in one file per set of opened paths, keyed by a 128-bit xxh3
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

mod format;
mod stored;
mod writer;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use xxhash_rust::xxh3::xxh3_128_with_seed;

use stored::Bytes;
pub use stored::{Entry, Stored};
pub use writer::Writer;

use super::known::KnownCompanies;
use crate::digest::{Article, Digest};

/// The tagger's own source: any change to the rules (or to how articles are cut into
/// paragraphs) gives another fingerprint, so stale findings are never reused.
const TAGGER_SOURCES: [&str; 8] = [
    include_str!("../rules.rs"),
    include_str!("../memo.rs"),
    include_str!("../candidates.rs"),
    include_str!("../known.rs"),
    include_str!("../build.rs"),
    include_str!("../index.rs"),
    include_str!("../kept_scratch.rs"),
    include_str!("../units.rs"),
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
    /// A hash of every article's hash, in order: the same digest, the same key (the
    /// word index is cached under it). `None` without a cache.
    pub digest_key: Option<u128>,
    /// Every article's hash, in order (empty without a cache): a later reload that only
    /// appended articles can tell from them that the old ones are unchanged.
    pub hashes: Vec<u128>,
}

/// [`CacheReport::digest_key`] of these article hashes.
pub fn digest_key(hashes: &[u128]) -> u128 {
    let mut h = xxhash_rust::xxh3::Xxh3Default::new();
    for hash in hashes {
        h.update(&hash.to_le_bytes());
    }
    h.digest128()
}

impl IndexCache {
    /// The default cache folder: `<cache dir>/gazette` (e.g. `~/.cache/gazette`).
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "gazette").map(|d| d.cache_dir().to_path_buf())
    }

    /// The cache, in `dir`, for the digest opened from `paths` (files and folders, as
    /// the user named them). Keyed by those paths, not by the files found in them, so a
    /// folder that gains a month keeps its cache and only the new month is tagged. `None`
    /// for no paths (the bundled sample) or a path that can no longer be found.
    pub fn for_paths(dir: &Path, paths: &[PathBuf]) -> Option<IndexCache> {
        if paths.is_empty() {
            return None;
        }
        let mut paths = paths
            .iter()
            .map(|p| fs::canonicalize(p).ok())
            .collect::<Option<Vec<PathBuf>>>()?;
        paths.sort();
        paths.dedup();
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

    /// Where the word index of the same paths is kept (`words-…` beside `companies-…`).
    pub fn words_file(&self) -> PathBuf {
        let name = self
            .file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_default();
        let words = name.strip_prefix("companies-").unwrap_or(&name);
        self.file.with_file_name(format!("words-{words}"))
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

    /// Starts the file's replacement (see [`Writer`]); the cache folder is made if need be.
    pub fn writer(&self, fingerprint: u64, old: &Stored) -> io::Result<Writer> {
        if let Some(dir) = self.file.parent().filter(|p| !p.as_os_str().is_empty()) {
            fs::create_dir_all(dir)?;
        }
        Writer::create(self.file.clone(), fingerprint, old)
    }

    /// Puts a finished writer's file in place, then drops the least recently used cache
    /// files beyond [`KEEP_FILES`] in the folder.
    pub fn save(&self, writer: Writer) -> io::Result<()> {
        writer.finish()?;
        if let Some(dir) = self.file.parent() {
            prune(dir, "companies-", KEEP_FILES);
            prune(dir, "words-", KEEP_FILES);
        }
        Ok(())
    }

    /// Marks the file as used now, so pruning keeps it (best effort).
    pub fn touch(&self) {
        if let Ok(file) = fs::File::options().append(true).open(&self.file) {
            let _ = file.set_modified(SystemTime::now());
        }
    }
}

/// Deletes the least recently used `<prefix>*.idx` files beyond `keep`, and temp files
/// of `<prefix>` writers that were killed before they finished (older than an hour).
fn prune(dir: &Path, prefix: &str, keep: usize) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let stale = SystemTime::now() - std::time::Duration::from_secs(3600);
    let mut files: Vec<(SystemTime, PathBuf)> = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Some(modified) = entry.metadata().ok().and_then(|m| m.modified().ok()) else {
            continue;
        };
        if !name.starts_with(prefix) {
            continue;
        }
        if name.ends_with(".idx") {
            files.push((modified, entry.path()));
        } else if name.ends_with(".tmp") && modified < stale {
            let _ = fs::remove_file(entry.path());
        }
    }
    if files.len() <= keep {
        return;
    }
    files.sort_by_key(|f| std::cmp::Reverse(f.0));
    for (_, path) in files.into_iter().skip(keep) {
        let _ = fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::stored::Bytes;
    use super::*;
    use crate::companies::rules::{Discovered, Findings};

    fn findings() -> Findings {
        Findings {
            known: vec![(3, 2), (700, 1)],
            discovered: vec![Discovered {
                name: "Osmo".into(),
                key: "osmo".into(),
                count: 4,
            }],
        }
    }

    fn write(cache: &IndexCache, fingerprint: u64, articles: &[(u128, Findings)]) {
        let mut w = cache.writer(fingerprint, &Stored::default()).unwrap();
        for (hash, f) in articles {
            w.add_fresh(*hash, f);
        }
        cache.save(w).unwrap();
    }

    #[test]
    fn round_trip_and_fingerprint() {
        let dir = tempfile::tempdir().unwrap();
        let cache = IndexCache::at(dir.path().join("sub/c.idx"));
        let articles = [
            (42, findings()),
            (42, findings()),
            (43, Findings::default()),
        ];
        write(&cache, 9, &articles);
        let s = cache.load(9);
        assert_eq!(s.len(), 2, "one entry per distinct article");
        let e = s.get(0, 42).unwrap();
        assert_eq!((e.known, e.discovered), (2, 1));
        let records: Vec<_> = s.records(e).collect();
        assert_eq!(records, [(3, 2), (700, 1), (0, 4)]);
        assert_eq!(s.pair(0), ("osmo", "Osmo"));
        assert_eq!(s.pair(1), ("", ""), "past the table: empty, no panic");
        assert!(s.get(1, 43).is_some());
        assert!(s.get(0, 43).is_none(), "not aligned and not indexed");
        let mut s = s;
        s.index_unless_aligned(&[43, 42]);
        assert!(s.get(0, 43).is_some() && s.get(5, 42).is_some());
        assert!(
            cache.load(10).is_empty(),
            "another tagger's file is not read"
        );
        let names: Vec<_> = fs::read_dir(dir.path().join("sub")).unwrap().collect();
        assert_eq!(names.len(), 1, "no temp file left: {names:?}");
    }

    #[test]
    fn every_truncation_and_flipped_byte_reads_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let cache = IndexCache::at(dir.path().join("c.idx"));
        write(&cache, 1, &[(42, findings())]);
        let good = fs::read(cache.path()).unwrap();
        for n in 0..good.len() {
            let cut = Bytes::Owned(good[..n].to_vec());
            assert!(Stored::decode(cut, 1).is_none(), "cut at {n}");
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
    fn copies_keep_pairs_and_counts() {
        let dir = tempfile::tempdir().unwrap();
        let cache = IndexCache::at(dir.path().join("c.idx"));
        write(&cache, 5, &[(1, findings()), (2, findings())]);
        let old = cache.load(5);
        let mut w = cache.writer(5, &old).unwrap();
        w.add_stored(2, &old, old.get(1, 2).unwrap());
        w.add_fresh(7, &Findings::default());
        cache.save(w).unwrap();
        let s = cache.load(5);
        assert_eq!(s.len(), 2);
        let e = s.get(0, 2).unwrap();
        let records: Vec<_> = s.records(e).collect();
        assert_eq!(records, [(3, 2), (700, 1), (0, 4)]);
        assert_eq!(s.pair(0), ("osmo", "Osmo"));
    }

    #[test]
    fn a_writer_dropped_unfinished_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let cache = IndexCache::at(dir.path().join("c.idx"));
        let mut w = cache.writer(1, &Stored::default()).unwrap();
        w.add_fresh(1, &findings());
        drop(w);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    /// A new file of the tagger must join TAGGER_SOURCES, or editing it would let stale
    /// findings through. Only the trend maths, the "did you mean" suggestions and the
    /// module list are not the tagger.
    #[test]
    fn every_tagger_file_is_in_the_fingerprint() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/companies");
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !name.ends_with(".rs")
                || ["mod.rs", "trends.rs", "suggest.rs"].contains(&name.as_str())
            {
                continue;
            }
            let text = fs::read_to_string(&path).unwrap();
            assert!(
                TAGGER_SOURCES.contains(&text.as_str()),
                "{name} is not in TAGGER_SOURCES"
            );
        }
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
        // A killed writer's temp file: removed once it is old; a fresh one is in use.
        let old_tmp = dir.path().join("companies-0.idx.99-0.tmp");
        fs::write(&old_tmp, b"x").unwrap();
        let t = SystemTime::now() - std::time::Duration::from_secs(7200);
        fs::File::options()
            .append(true)
            .open(&old_tmp)
            .unwrap()
            .set_modified(t)
            .unwrap();
        fs::write(dir.path().join("companies-0.idx.99-1.tmp"), b"x").unwrap();
        prune(dir.path(), "companies-", 2);
        let mut left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(
            left,
            [
                "companies-0.idx.99-1.tmp",
                "companies-3.idx",
                "companies-4.idx",
                "other.txt"
            ]
        );
    }
}
