//! `CompanyIndex`: per-article company lists and per-company posting lists, built in parallel.

use std::ops::Range;

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::known::{KnownCompanies, NameKind, normalize};
use super::rules::{self, Findings, Mention, Scratch};
use crate::digest::Digest;

/// A company in one [`CompanyIndex`]; known companies keep their id from the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CompanyId(pub u32);

/// The companies of a digest. Per-article lists and posting lists are each one flat
/// vector plus offsets, so 150k articles cost a few MB, not a heap object per article.
#[derive(Debug, Clone)]
pub struct CompanyIndex {
    known: KnownCompanies,
    /// Names of the companies discovered in the digest; their ids follow the known ones.
    discovered_names: Vec<Box<str>>,
    discovered: FxHashMap<Box<str>, u32>,
    article_offsets: Vec<u32>,
    article_companies: Vec<(CompanyId, u32)>,
    posting_offsets: Vec<u32>,
    postings: Vec<u32>,
}

impl Default for CompanyIndex {
    /// An index of nothing: no companies known, no articles.
    fn default() -> Self {
        CompanyIndex::from_findings(KnownCompanies::parse(""), Vec::new())
    }
}

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
            let line = line.trim();
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
    /// reader shows it). Articles go through in chunks so that only one chunk's findings
    /// are alive at a time: peak memory stays near the final index's.
    pub fn build_with_progress(
        digest: &Digest,
        known: &KnownCompanies,
        done: &AtomicUsize,
    ) -> CompanyIndex {
        let mut builder = Builder::new(known.clone(), digest.articles.len());
        // The merge of one chunk (serial) overlaps the analysis of the next (parallel).
        let mut pending: Option<Vec<Vec<Findings>>> = None;
        for chunk in digest.articles.chunks(BUILD_CHUNK) {
            let ((), findings) = rayon::join(
                || {
                    if let Some(findings) = pending.take() {
                        builder.add(findings.into_iter().flatten());
                    }
                },
                || analyze_chunk(digest, chunk, known),
            );
            pending = Some(findings);
            done.fetch_add(chunk.len(), Ordering::Relaxed);
        }
        if let Some(findings) = pending {
            builder.add(findings.into_iter().flatten());
        }
        builder.finish()
    }

    fn from_findings(known: KnownCompanies, findings: Vec<Findings>) -> CompanyIndex {
        let mut builder = Builder::new(known, findings.len());
        builder.add(findings);
        builder.finish()
    }
}

/// Analyses a chunk of articles in parallel, in article order. Each worker takes a run of
/// articles with one `Scratch`, so its word memo stays warm across them.
fn analyze_chunk(
    digest: &Digest,
    chunk: &[crate::digest::Article],
    known: &KnownCompanies,
) -> Vec<Vec<Findings>> {
    let piece = chunk
        .len()
        .div_ceil(rayon::current_num_threads() * 4)
        .max(64);
    chunk
        .par_chunks(piece)
        .map(|articles| {
            let mut scratch = Scratch::default();
            articles
                .iter()
                .map(|article| {
                    rules::analyze(
                        digest.headline(article),
                        paragraphs(digest.body(article)),
                        known,
                        &mut scratch,
                    )
                })
                .collect()
        })
        .collect()
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
}

impl Builder {
    fn new(known: KnownCompanies, articles: usize) -> Builder {
        let mut article_offsets = Vec::with_capacity(articles + 1);
        article_offsets.push(0);
        Builder {
            known,
            discovered: FxHashMap::default(),
            discovered_names: Vec::new(),
            article_offsets,
            article_companies: Vec::new(),
        }
    }

    /// Appends the findings of the next articles, in order.
    fn add(&mut self, findings: impl IntoIterator<Item = Findings>) {
        let first_discovered = self.known.len() as u32;
        for finding in findings {
            let start = self.article_companies.len();
            for (id, count) in finding.known {
                self.article_companies.push((CompanyId(id), count));
            }
            for d in finding.discovered {
                let id = match self.discovered.get(&d.key) {
                    Some(&id) => id,
                    None => {
                        let id = first_discovered + self.discovered_names.len() as u32;
                        self.discovered_names.push(d.name);
                        self.discovered.insert(d.key, id);
                        id
                    }
                };
                self.article_companies.push((CompanyId(id), d.count));
            }
            if let Some(list) = self.article_companies.get_mut(start..) {
                list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            }
            self.article_offsets
                .push(self.article_companies.len() as u32);
        }
    }

    fn finish(self) -> CompanyIndex {
        let Builder {
            known,
            discovered,
            discovered_names,
            article_offsets,
            mut article_companies,
        } = self;
        article_companies.shrink_to_fit();
        let first_discovered = known.len() as u32;
        let companies = first_discovered as usize + discovered_names.len();
        // Posting lists by counting sort: articles are visited in order, so each list is sorted.
        let mut posting_offsets = vec![0u32; companies + 1];
        for (id, _) in &article_companies {
            if let Some(n) = posting_offsets.get_mut(id.0 as usize + 1) {
                *n += 1;
            }
        }
        for i in 1..posting_offsets.len() {
            posting_offsets[i] += posting_offsets[i - 1];
        }
        let mut fill: Vec<u32> = posting_offsets.clone();
        let mut postings = vec![0u32; article_companies.len()];
        for (article, window) in article_offsets.windows(2).enumerate() {
            let (a, b) = (window[0] as usize, window[1] as usize);
            for (id, _) in article_companies.get(a..b).unwrap_or_default() {
                if let Some(slot) = fill.get_mut(id.0 as usize)
                    && let Some(p) = postings.get_mut(*slot as usize)
                {
                    *p = article as u32;
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
        }
    }
}

impl CompanyIndex {
    /// The company's name as printed (canonical for known companies, as first seen for discovered ones).
    pub fn name(&self, id: CompanyId) -> &str {
        let first_discovered = self.known.len() as u32;
        if id.0 < first_discovered {
            self.known.name(id.0)
        } else {
            self.discovered_names
                .get((id.0 - first_discovered) as usize)
                .map_or("", |n| n)
        }
    }

    /// Finds a company by name or alias, ignoring case, dots, apostrophe style and a possessive.
    pub fn lookup(&self, name: &str) -> Option<CompanyId> {
        let key = normalize(name.trim());
        self.lookup_key(&key).or_else(|| {
            let stem = key.strip_suffix("'s").or_else(|| key.strip_suffix('\''))?;
            self.lookup_key(stem)
        })
    }

    fn lookup_key(&self, key: &str) -> Option<CompanyId> {
        match self.known.kind(key) {
            Some(NameKind::Company { id, .. }) => Some(CompanyId(id)),
            _ => self.discovered.get(key).map(|&id| CompanyId(id)),
        }
    }

    /// The companies an article mentions, with mention counts, most-mentioned first.
    pub fn companies_of(&self, article: u32) -> &[(CompanyId, u32)] {
        let i = article as usize;
        match (self.article_offsets.get(i), self.article_offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => self
                .article_companies
                .get(a as usize..b as usize)
                .unwrap_or_default(),
            _ => &[],
        }
    }

    /// The articles (indices into `digest.articles`) that mention a company, ascending.
    pub fn articles_of(&self, id: CompanyId) -> &[u32] {
        let i = id.0 as usize;
        match (self.posting_offsets.get(i), self.posting_offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => self
                .postings
                .get(a as usize..b as usize)
                .unwrap_or_default(),
            _ => &[],
        }
    }

    /// Every company mentioned at all, with its article count: count descending, then name.
    pub fn by_count(&self) -> Vec<(CompanyId, usize)> {
        let mut out: Vec<(CompanyId, usize)> = self
            .posting_offsets
            .windows(2)
            .enumerate()
            .filter(|(_, w)| w[1] > w[0])
            .map(|(id, w)| (CompanyId(id as u32), (w[1] - w[0]) as usize))
            .collect();
        // Each name is lower-cased once, not twice per comparison (a digest with many
        // discovered names spent a sixth of `companies --json` allocating here). The id
        // last keeps equal names in id order, as a stable sort of the id-ordered list did.
        out.sort_by_cached_key(|&(id, count)| {
            let name = self.name(id);
            (std::cmp::Reverse(count), name.to_lowercase(), name, id)
        });
        out
    }

    /// Byte ranges of company names in one paragraph, for highlighting in the article view.
    pub fn mentions(&self, text: &str) -> Vec<(Range<usize>, CompanyId)> {
        let mut scratch = Scratch::default();
        let discovered = |key: &str| self.discovered.get(key).copied();
        rules::mentions_in(text, &self.known, &discovered, &mut scratch)
            .into_iter()
            .map(|(range, m)| {
                let id = match m {
                    Mention::Known(id) | Mention::Discovered(id) => id,
                };
                (range, CompanyId(id))
            })
            .collect()
    }

    /// How many companies (known or discovered) have ids in this index.
    pub fn len(&self) -> usize {
        self.known.len() + self.discovered_names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
