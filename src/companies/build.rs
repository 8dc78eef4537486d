//! Building a [`CompanyIndex`]: every article through the tagger in parallel, or its
//! findings from the index cache, merged in article order into flat lists.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::cache::{self, CacheReport, IndexCache, Stored, Writer};
use super::index::{CompanyId, CompanyIndex};
use super::kept_scratch;
use super::known::KnownCompanies;
use super::rules::{self, Findings, Scratch};
use super::units;
use crate::digest::Digest;

/// The non-blank lines of a body, trimmed, as `Digest::paragraphs` gives them, found
/// with the `memchr` crate's vectorised search (the std `split` showed in profiles).
fn paragraphs(body: &str) -> impl Iterator<Item = &str> {
    let mut rest = body;
    std::iter::from_fn(move || {
        while !rest.is_empty() {
            // The blank line between paragraphs: skipped without a search.
            if let Some(next) = rest.strip_prefix('\n') {
                rest = next;
                continue;
            }
            let (line, next) = match memchr::memchr(b'\n', rest.as_bytes()) {
                Some(i) => (rest.get(..i).unwrap_or(""), rest.get(i + 1..).unwrap_or("")),
                None => (rest, ""),
            };
            rest = next;
            // Most lines start and end with a visible ASCII char: nothing to trim.
            let plain = |c: Option<&u8>| c.is_some_and(|&c| c > b' ' && c < 0x7F);
            let line = if plain(line.as_bytes().first()) && plain(line.as_bytes().last()) {
                line
            } else {
                line.trim()
            };
            if !line.is_empty() {
                return Some(line);
            }
        }
        None
    })
}

impl CompanyIndex {
    /// Recognises the companies of every article (in parallel) and indexes them.
    pub fn build(digest: &Digest, known: &KnownCompanies) -> CompanyIndex {
        Self::build_with_progress(digest, known, &AtomicUsize::new(0))
    }

    /// As [`build`](Self::build), counting finished articles in `done` as it goes (the
    /// reader shows it).
    pub fn build_with_progress(
        digest: &Digest,
        known: &KnownCompanies,
        done: &AtomicUsize,
    ) -> CompanyIndex {
        Self::build_cached(digest, known, None, done).0
    }

    /// As [`build_with_progress`](Self::build_with_progress), taking the findings of
    /// articles already in `cache` from it and writing the cache back when it changed.
    /// The index is the same as a fresh build's, to the byte: cached findings are
    /// replayed in article order exactly as fresh ones are merged.
    ///
    /// Articles go through in chunks so that only one chunk's findings are alive at a
    /// time (peak memory stays near the final index's), and the merge of one chunk
    /// (serial) overlaps the analysis of the next (parallel).
    pub fn build_cached(
        digest: &Digest,
        known: &KnownCompanies,
        cache: Option<&IndexCache>,
        done: &AtomicUsize,
    ) -> (CompanyIndex, CacheReport) {
        let fingerprint = cache::fingerprint(known);
        let mut stored = cache.map(|c| c.load(fingerprint)).unwrap_or_default();
        let hashes: Vec<u128> = match cache {
            Some(_) => digest
                .articles
                .par_iter()
                .map(|a| cache::article_hash(digest, a))
                .collect(),
            None => Vec::new(),
        };
        // A cache that holds every article (and no more than there are) stays as it is;
        // otherwise the next file is written as the index is built.
        stored.index_unless_aligned(&hashes);
        let stored = stored;
        let missing = hashes
            .par_iter()
            .enumerate()
            .filter(|&(i, &h)| stored.get(i, h).is_none())
            .count();
        let mut report = CacheReport {
            digest_key: cache.map(|_| cache::digest_key(&hashes)),
            ..CacheReport::default()
        };
        let writer = match cache {
            Some(c) if missing > 0 || stored.len() > hashes.len() => {
                match c.writer(fingerprint, &stored) {
                    Ok(w) => Some(w),
                    Err(e) => {
                        report.error = Some(format!("{}: {e}", c.path().display()));
                        None
                    }
                }
            }
            _ => None,
        };
        let mut merge = Merge {
            builder: Builder::new(known.clone(), digest.articles.len(), stored.pair_count()),
            writer,
            stored: &stored,
            hashes: &hashes,
            report,
        };
        let build = kept_scratch::new_owner();
        let mut pending: Option<(usize, Vec<Piece>)> = None;
        for (n, chunk) in digest.articles.chunks(BUILD_CHUNK).enumerate() {
            let first = n * BUILD_CHUNK;
            let hashes = hashes.get(first..first + chunk.len()).unwrap_or_default();
            let ((), pieces) = rayon::join(
                || {
                    if let Some((at, pieces)) = pending.take() {
                        merge.add(at, pieces);
                    }
                },
                || analyze_chunk(digest, (first, chunk), hashes, &stored, known, build),
            );
            pending = Some((first, pieces));
            done.fetch_add(chunk.len(), Ordering::Relaxed);
        }
        if let Some((at, pieces)) = pending {
            merge.add(at, pieces);
        }
        let Merge {
            builder,
            writer,
            mut report,
            ..
        } = merge;
        report.hashes = hashes;
        match (cache, writer) {
            (Some(cache), Some(writer)) => match cache.save(writer) {
                Ok(()) => report.saved = true,
                Err(e) => report.error = Some(format!("{}: {e}", cache.path().display())),
            },
            (Some(cache), None) if report.error.is_none() => cache.touch(),
            _ => {}
        }
        (builder.finish(), report)
    }

    /// [`build_cached`](Self::build_cached) through the cache of `paths` in `cache_dir`
    /// (none for no folder, no paths or the sample): what the CLI commands use.
    pub fn build_for_paths(
        digest: &Digest,
        known: &KnownCompanies,
        cache_dir: Option<&Path>,
        paths: &[PathBuf],
    ) -> (CompanyIndex, CacheReport) {
        let cache = cache_dir.and_then(|dir| IndexCache::for_paths(dir, paths));
        Self::build_cached(digest, known, cache.as_ref(), &AtomicUsize::new(0))
    }

    pub(super) fn from_findings(known: KnownCompanies, findings: Vec<Findings>) -> CompanyIndex {
        let mut builder = Builder::new(known, findings.len(), 0);
        for finding in findings {
            builder.add(finding);
        }
        builder.finish()
    }
}

/// The findings of a run of consecutive articles, worked out by one worker.
struct Piece {
    /// Per article, in order: tagged afresh, or `None` for one the cache holds...
    articles: Vec<Option<Findings>>,
    /// ...whose records are decoded here, one cached article after another.
    cached: Vec<(u32, u32)>,
}

/// Analyses a chunk of articles in parallel, in article order; for an article whose
/// findings the cache holds, decodes them (so the serial merge only copies). Each worker
/// takes a run of articles with the `Scratch` it kept for this build, so its memos stay
/// warm across them and from one run to the next.
fn analyze_chunk(
    digest: &Digest,
    (first, chunk): (usize, &[crate::digest::Article]),
    hashes: &[u128],
    stored: &Stored,
    known: &KnownCompanies,
    build: u64,
) -> Vec<Piece> {
    let piece = chunk
        .len()
        .div_ceil(rayon::current_num_threads() * 4)
        .max(64);
    chunk
        .par_chunks(piece)
        .enumerate()
        .map(|(p, articles)| {
            kept_scratch::with_scratch(build, |scratch| {
                analyze_piece(
                    digest,
                    first + p * piece,
                    articles,
                    hashes.get(p * piece..).unwrap_or_default(),
                    stored,
                    known,
                    scratch,
                )
            })
        })
        .collect()
}

/// The findings of the run of consecutive articles `articles`, the first of which is
/// article number `first`; `hashes` are theirs.
fn analyze_piece(
    digest: &Digest,
    first: usize,
    articles: &[crate::digest::Article],
    hashes: &[u128],
    stored: &Stored,
    known: &KnownCompanies,
    scratch: &mut Scratch,
) -> Piece {
    let mut cached = Vec::new();
    let articles = articles
        .iter()
        .enumerate()
        .map(|(i, article)| {
            let entry = hashes.get(i).and_then(|&h| stored.get(first + i, h));
            match entry {
                Some(entry) => {
                    // Exactly its records, so the next article's start where
                    // the merge expects (a whole, checksummed file has them all).
                    let end = cached.len() + (entry.known + entry.discovered) as usize;
                    cached.extend(stored.records(entry));
                    cached.resize(end, (0, 0));
                    None
                }
                None => Some(rules::analyze(
                    digest.headline(article),
                    paragraphs(digest.body(article)),
                    known,
                    scratch,
                )),
            }
        })
        .collect();
    Piece { articles, cached }
}

/// Merges findings (fresh or cached) in article order into the index and the next cache file.
struct Merge<'a> {
    builder: Builder,
    writer: Option<Writer>,
    stored: &'a Stored,
    hashes: &'a [u128],
    report: CacheReport,
}

impl Merge<'_> {
    /// Adds the articles from number `at` on.
    fn add(&mut self, at: usize, pieces: Vec<Piece>) {
        let mut i = at;
        for piece in pieces {
            let mut cached = piece.cached.as_slice();
            for finding in piece.articles {
                self.add_one(i, finding, &mut cached);
                i += 1;
            }
        }
    }

    /// Adds article `i`: tagged afresh, or from the cache (its records first in `cached`).
    fn add_one(&mut self, i: usize, finding: Option<Findings>, cached: &mut &[(u32, u32)]) {
        let hash = self.hashes.get(i).copied();
        match (finding, hash.and_then(|h| self.stored.get(i, h))) {
            (Some(finding), _) => {
                if let (Some(w), Some(h)) = (&mut self.writer, hash) {
                    w.add_fresh(h, &finding);
                }
                self.builder.add(finding);
                self.report.misses += 1;
            }
            (None, Some(entry)) => {
                if let (Some(w), Some(h)) = (&mut self.writer, hash) {
                    w.add_stored(h, self.stored, entry);
                }
                let n = (entry.known + entry.discovered) as usize;
                let (records, rest) = cached.split_at(n.min(cached.len()));
                *cached = rest;
                self.builder
                    .add_stored(self.stored, entry.known as usize, records);
                self.report.hits += 1;
            }
            // Unreachable: `None` is only given for articles the cache holds.
            (None, None) => self.builder.add(Findings::default()),
        }
    }
}

/// Articles analysed per parallel batch while building.
const BUILD_CHUNK: usize = 8192;

/// The index under construction: per-article lists appended in article order.
struct Builder {
    known: KnownCompanies,
    discovered: FxHashMap<Box<str>, u32>,
    discovered_names: Vec<Box<str>>,
    article_offsets: Vec<u32>,
    article_companies: Vec<(CompanyId, u32)>,
    /// A cache file's discovered pair -> the company id it got here (u32::MAX: not yet).
    pair_ids: Vec<u32>,
}

impl Builder {
    fn new(known: KnownCompanies, articles: usize, pairs: usize) -> Builder {
        let mut article_offsets = Vec::with_capacity(articles + 1);
        article_offsets.push(0);
        // A cache file's pairs are about the discovered companies there will be.
        let mut discovered = FxHashMap::default();
        discovered.reserve(pairs);
        Builder {
            known,
            discovered,
            discovered_names: Vec::with_capacity(pairs),
            article_offsets,
            article_companies: Vec::new(),
            pair_ids: vec![u32::MAX; pairs],
        }
    }

    /// The id of a discovered company by key, given one on first sight (with this name).
    fn discovered_id(&mut self, key: &str, name: impl FnOnce() -> Box<str>) -> u32 {
        if let Some(&id) = self.discovered.get(key) {
            return id;
        }
        let id = (self.known.len() + self.discovered_names.len()) as u32;
        self.discovered_names.push(name());
        self.discovered.insert(key.into(), id);
        id
    }

    /// Ends the article whose companies were pushed since the last one ended (its list
    /// is put in order by [`sort_lists`] once all are in).
    fn end_article(&mut self) {
        self.article_offsets
            .push(self.article_companies.len() as u32);
    }

    /// Appends the findings of the next article.
    fn add(&mut self, finding: Findings) {
        for (id, count) in finding.known {
            self.article_companies.push((CompanyId(id), count));
        }
        for d in finding.discovered {
            let id = self.discovered_id(&d.key, || d.name.as_str().into());
            self.article_companies.push((CompanyId(id), d.count));
        }
        self.end_article();
    }

    /// Appends the next article's findings from a cache file: its records, of which the
    /// first `known` are known companies and the rest discovered pairs of `stored`.
    fn add_stored(&mut self, stored: &Stored, known: usize, records: &[(u32, u32)]) {
        for (k, &(value, count)) in records.iter().enumerate() {
            if k < known {
                self.article_companies.push((CompanyId(value), count));
                continue;
            }
            let pair = value;
            let id = match self.pair_ids.get(pair as usize) {
                Some(&id) if id != u32::MAX => id,
                _ => {
                    let (key, name) = stored.pair(pair);
                    let id = self.discovered_id(key, || name.into());
                    if let Some(slot) = self.pair_ids.get_mut(pair as usize) {
                        *slot = id;
                    }
                    id
                }
            };
            self.article_companies.push((CompanyId(id), count));
        }
        self.end_article();
    }

    fn finish(self) -> CompanyIndex {
        let Builder {
            known,
            discovered,
            discovered_names,
            article_offsets,
            mut article_companies,
            ..
        } = self;
        article_companies.shrink_to_fit();
        sort_lists(&mut article_companies, &article_offsets);
        let first_discovered = known.len() as u32;
        let companies = first_discovered as usize + discovered_names.len();
        // (article, parent) for each parent an article's units add to it, in article order.
        let added = parents_added(
            &known,
            &discovered_names,
            &article_offsets,
            &article_companies,
        );
        // Posting lists by counting sort: articles are visited in order, so each list is sorted.
        let mut posting_offsets = vec![0u32; companies + 1];
        let ids = article_companies
            .iter()
            .map(|(id, _)| id.0)
            .chain(added.iter().map(|&(_, parent)| parent));
        for id in ids {
            if let Some(n) = posting_offsets.get_mut(id as usize + 1) {
                *n += 1;
            }
        }
        for i in 1..posting_offsets.len() {
            posting_offsets[i] += posting_offsets[i - 1];
        }
        let mut fill: Vec<u32> = posting_offsets.clone();
        let mut postings = vec![0u32; posting_offsets.last().copied().unwrap_or(0) as usize];
        let mut added = added.iter().peekable();
        for (article, window) in article_offsets.windows(2).enumerate() {
            let article = article as u32;
            let list = article_companies
                .get(window[0] as usize..window[1] as usize)
                .unwrap_or_default();
            let parents = std::iter::from_fn(|| added.next_if(|&&(a, _)| a == article));
            for id in list
                .iter()
                .map(|(id, _)| id.0)
                .chain(parents.map(|&(_, p)| p))
            {
                if let Some(slot) = fill.get_mut(id as usize)
                    && let Some(p) = postings.get_mut(*slot as usize)
                {
                    *p = article;
                    *slot += 1;
                }
            }
        }
        CompanyIndex {
            known,
            discovered_names,
            discovered,
            article_offsets,
            article_companies,
            posting_offsets,
            postings,
            scratch_owner: kept_scratch::new_owner(),
        }
    }
}

/// The parents that articles' units add to them ("Google Cloud" makes an article
/// Google's too), as (article, parent) in article order: each parent once per article,
/// and not where the article names the parent itself.
fn parents_added(
    known: &KnownCompanies,
    discovered_names: &[Box<str>],
    article_offsets: &[u32],
    article_companies: &[(CompanyId, u32)],
) -> Vec<(u32, u32)> {
    let mut key = String::new();
    // Per discovered company, the known company it is a unit of (see `units`).
    let parents: Vec<Option<u32>> = discovered_names
        .iter()
        .map(|name| units::parent_of(name, known, &mut key))
        .collect();
    let mut added = Vec::new();
    if parents.iter().all(Option::is_none) {
        return added;
    }
    let first_discovered = known.len() as u32;
    for (article, window) in article_offsets.windows(2).enumerate() {
        let list = article_companies
            .get(window[0] as usize..window[1] as usize)
            .unwrap_or_default();
        let from = added.len();
        for (id, _) in list {
            let parent =
                id.0.checked_sub(first_discovered)
                    .and_then(|d| parents.get(d as usize).copied().flatten());
            if let Some(parent) = parent
                && !added[from..].contains(&(article as u32, parent))
                && !list.iter().any(|(other, _)| other.0 == parent)
            {
                added.push((article as u32, parent));
            }
        }
    }
    added
}

/// Sorts one article's list, most mentions first, then by id: as packed integers in a
/// buffer on the stack (sorting plain integers is about twice as fast as sorting the
/// pairs by a computed key); a list too long for the buffer is sorted in place.
fn sort_list(list: &mut [(CompanyId, u32)]) {
    let key =
        |&(id, count): &(CompanyId, u32)| (u64::from(u32::MAX - count) << 32) | u64::from(id.0);
    let mut keys = [0u64; 64];
    let Some(keys) = keys.get_mut(..list.len()) else {
        list.sort_unstable_by_key(key);
        return;
    };
    for (k, entry) in keys.iter_mut().zip(list.iter()) {
        *k = key(entry);
    }
    keys.sort_unstable();
    for (entry, &k) in list.iter_mut().zip(keys.iter()) {
        *entry = (CompanyId(k as u32), u32::MAX - (k >> 32) as u32);
    }
}

/// Puts each article's list in order, most mentions first, then by id; in parallel,
/// a few thousand articles a piece. A company is listed once per article, so the keys
/// are distinct and an unstable sort on one packed integer gives the one order.
fn sort_lists(lists: &mut [(CompanyId, u32)], offsets: &[u32]) {
    const PIECE: usize = 4096;
    let articles = offsets.len().saturating_sub(1);
    let mut pieces = Vec::with_capacity(articles / PIECE + 1);
    let mut rest = lists;
    let (mut a, mut consumed) = (0, 0usize);
    while a < articles {
        let b = (a + PIECE).min(articles);
        let (Some(bounds), Some(&end)) = (offsets.get(a..=b), offsets.get(b)) else {
            break;
        };
        let take = (end as usize).saturating_sub(consumed).min(rest.len());
        let (piece, tail) = rest.split_at_mut(take);
        pieces.push((bounds, piece));
        rest = tail;
        consumed = end as usize;
        a = b;
    }
    pieces.into_par_iter().for_each(|(bounds, piece)| {
        let base = bounds.first().copied().unwrap_or(0) as usize;
        for w in bounds.windows(2) {
            let range = (w[0] as usize).saturating_sub(base)..(w[1] as usize).saturating_sub(base);
            if let Some(list) = piece.get_mut(range) {
                sort_list(list);
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::{CompanyId, sort_list};
    use crate::companies::{CompanyIndex, KnownCompanies};
    use crate::digest::Source;
    use crate::digest::load::build;

    /// Twenty articles that each name "Zentrix" twice.
    fn zentrix_digest() -> crate::digest::Digest {
        let mut text = String::new();
        for day in 1..=20 {
            text.push_str(&format!(
                "{day} Jun 2019\n\nNews {day}\n\nZentrix raised $5M, and Zentrix Capital led it.\n\n"
            ));
        }
        build(vec![Source::from_string("t.txt", text)], Vec::new()).digest
    }

    fn names(index: &CompanyIndex) -> Vec<(String, usize)> {
        index
            .by_count()
            .into_iter()
            .map(|(id, n)| (index.name(id).to_string(), n))
            .collect()
    }

    /// A worker keeps its scratch (and its memos) between the pieces of a build, never
    /// into the next build: the memos know their list by address, and here the second
    /// list lives where the first did, saying "Zentrix" is a place, not a company.
    #[test]
    fn a_build_reuses_no_scratch_of_an_earlier_build() -> Result<(), rayon::ThreadPoolBuildError> {
        let digest = zentrix_digest();
        let one_worker = rayon::ThreadPoolBuilder::new().num_threads(1).build()?;
        let mut known = KnownCompanies::parse("[companies]\nZentrix\n");
        let first = one_worker.install(|| CompanyIndex::build(&digest, &known));
        assert!(
            names(&first).contains(&("Zentrix".to_string(), 20)),
            "{:?}",
            names(&first)
        );
        known = KnownCompanies::parse("[places]\nZentrix\n");
        let second = one_worker.install(|| CompanyIndex::build(&digest, &known));
        let fresh = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()?
            .install(|| CompanyIndex::build(&digest, &known));
        assert_eq!(names(&second), names(&fresh));
        assert!(
            !names(&second).iter().any(|(name, _)| name == "Zentrix"),
            "{:?}",
            names(&second)
        );
        Ok(())
    }

    /// The article view's highlighting keeps its thread's scratch for one index only:
    /// the second index lives where the first did, with a list that makes "Zentrix" a place.
    #[test]
    fn highlighting_reuses_no_scratch_of_another_index() {
        let digest = zentrix_digest();
        let text = "Zentrix raised $5M.";
        let mut index =
            CompanyIndex::build(&digest, &KnownCompanies::parse("[companies]\nZentrix\n"));
        assert_eq!(index.mentions(text).len(), 1);
        assert_eq!(
            index.mentions(text).len(),
            1,
            "the kept scratch answers alike"
        );
        index = CompanyIndex::build(&digest, &KnownCompanies::parse("[places]\nZentrix\n"));
        assert_eq!(index.mentions(text), Vec::new());
    }

    proptest::proptest! {
        /// Through the buffer or in place, a list ends in the index's order: most
        /// mentions first, then by id.
        #[test]
        fn lists_sort_by_mentions_then_id(
            ids in proptest::collection::btree_set(0u32..u32::MAX, 0..80),
            counts in proptest::collection::vec(1u32..6, 80),
        ) {
            let mut list: Vec<(CompanyId, u32)> =
                ids.iter().zip(&counts).map(|(&id, &n)| (CompanyId(id), n)).collect();
            let mut expected = list.clone();
            expected.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.0.cmp(&b.0.0)));
            sort_list(&mut list);
            proptest::prop_assert_eq!(list, expected);
        }
    }

    proptest::proptest! {
        /// The tagger's paragraph split gives the digest's paragraphs, whatever the
        /// spaces, blank lines and line ends around them.
        #[test]
        fn paragraphs_are_the_digests(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "Gojek", "said.", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\u{A0}", "\u{3000}",
                "“", "”", "é", "x", "\u{7F}", "~", "!",
            ][..]), 0..24)
        ) {
            let body: String = pieces.concat();
            let ours: Vec<&str> = super::paragraphs(&body).collect();
            let digests: Vec<&str> = crate::digest::model::paragraphs(&body).collect();
            proptest::prop_assert_eq!(ours, digests);
        }
    }
}
