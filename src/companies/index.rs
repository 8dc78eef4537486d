//! `CompanyIndex`: per-article company lists and per-company posting lists, and what
//! the reader, the query language and the CLI ask of them (`build.rs` makes them).

use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::kept_scratch;
use super::known::{KnownCompanies, NameKind, fold_name, normalize};
use super::rules::{self, Mention};
use super::suggest;

/// A company in one [`CompanyIndex`]; known companies keep their id from the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CompanyId(pub u32);

/// How a typed part of a name found a company: see [`CompanyIndex::match_fragment`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FragmentMatch<'a> {
    /// The name (or the alias) starts with the fragment, rather than merely containing it.
    pub starts: bool,
    /// The alias it was found in, as the list writes it, when the name does not contain it.
    pub alias: Option<&'a str>,
}

/// A typed part of a company name in the form [`CompanyIndex::match_fragment`] looks for:
/// folded as [`CompanyIndex::lookup`] folds names (case, dots, the kind of apostrophe,
/// spaces), and a trailing possessive left off as `lookup` leaves it off.
pub fn fragment_key(typed: &str) -> String {
    let key = fold_name(typed.trim());
    match possessive_stem(&key) {
        Some(stem) if !stem.is_empty() => stem.to_string(),
        _ => key,
    }
}

/// `key` without a trailing `'s` or `'`, if it has one.
fn possessive_stem(key: &str) -> Option<&str> {
    key.strip_suffix("'s").or_else(|| key.strip_suffix('\''))
}

/// Words a company's legal or corporate name adds to the name it goes by ("Tencent
/// Holdings", "Palantir Technologies", "Horizon Peak Acquisition Corp", "Watchfinder &
/// Co.", "Suzuki Motor"). Lower case, as keys are. Also what makes a name found in an
/// article the formal name of a listed one (`rules::fold_short_forms`).
pub(super) const LEGAL_FORMS: &[&str] = &[
    "holdings",
    "holding",
    "financial",
    "group",
    "technologies",
    "inc",
    "corp",
    "corporation",
    "co",
    "company",
    "ltd",
    "limited",
    "plc",
    "llc",
    "ag",
    "sa",
    "nv",
    "gmbh",
    "motor",
    "motors",
    "labs",
    "enterprises",
    "technology",
    "airways",
    "airlines",
];

/// `key` without one, then two… of the legal forms it ends in ("vizio holding corp":
/// "vizio holding", then "vizio"), never down to nothing.
fn legal_form_stems(key: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(key), |stem| {
        let (rest, last) = stem.rsplit_once(' ')?;
        // "Watchfinder & Co.": an "&" before a legal form goes with it.
        LEGAL_FORMS
            .contains(&last)
            .then(|| rest.strip_suffix(" &").unwrap_or(rest))
    })
    .skip(1)
}

/// The companies of a digest. Per-article lists and posting lists are each one flat
/// vector plus offsets, so 150k articles cost a few MB, not a heap object per article.
#[derive(Debug, Clone)]
pub struct CompanyIndex {
    pub(super) known: KnownCompanies,
    /// Names of the companies discovered in the digest; their ids follow the known ones.
    pub(super) discovered_names: Vec<Box<str>>,
    pub(super) discovered: FxHashMap<Box<str>, u32>,
    pub(super) article_offsets: Vec<u32>,
    pub(super) article_companies: Vec<(CompanyId, u32)>,
    pub(super) posting_offsets: Vec<u32>,
    pub(super) postings: Vec<u32>,
    /// The owner number [`mentions`](Self::mentions) keeps its thread's scratch under.
    pub(super) scratch_owner: u64,
}

impl Default for CompanyIndex {
    /// An index of nothing: no companies known, no articles.
    fn default() -> Self {
        CompanyIndex::from_findings(KnownCompanies::parse(""), Vec::new())
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
        self.lookup_key(&key)
            .or_else(|| self.lookup_key(possessive_stem(&key)?))
            .or_else(|| legal_form_stems(&key).find_map(|stem| self.lookup_key(stem)))
    }

    /// Whether a company's name, or else one of its aliases, contains `key` (made by
    /// [`fragment_key`]): narrowing by a typed part of a name finds what the same text
    /// finds as a whole name in [`lookup`](Self::lookup) (`byju's` finds Byju’s, `aws`
    /// Amazon). A name or alias that starts with it is preferred.
    pub fn match_fragment(&self, id: CompanyId, key: &str) -> Option<FragmentMatch<'_>> {
        let found_in = |name: &str| fold_name(name).find(key).map(|at| at == 0);
        if let Some(starts) = found_in(self.name(id)) {
            return Some(FragmentMatch {
                starts,
                alias: None,
            });
        }
        // Discovered companies have none: their ids are past the known ones.
        let mut best: Option<FragmentMatch> = None;
        for alias in self.known.aliases(id.0) {
            let Some(starts) = found_in(alias) else {
                continue;
            };
            if best.is_none_or(|b| starts && !b.starts) {
                best = Some(FragmentMatch {
                    starts,
                    alias: Some(alias),
                });
            }
        }
        best
    }

    fn lookup_key(&self, key: &str) -> Option<CompanyId> {
        match self.known.kind(key) {
            Some(NameKind::Company { id, .. }) => Some(CompanyId(id)),
            _ => self.discovered.get(key).map(|&id| CompanyId(id)),
        }
    }

    /// The company mentioned in this digest that `name` most likely meant (one whose name
    /// starts with it or contains it, else one a typing slip or two away), the most
    /// mentioned of equals; `None` when none is close.
    pub fn suggest(&self, name: &str) -> Option<CompanyId> {
        let rows = self.by_count();
        suggest::closest(name, rows.iter().map(|&(id, _)| (id, self.name(id))))
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
        // discovered names spent a sixth of `companies --json` allocating here), and on
        // both cores. The id last keeps equal names in id order, as a stable sort of the
        // id-ordered list did, and makes every key distinct, so an unstable sort is exact.
        let mut keyed: Vec<_> = out
            .par_iter()
            .map(|&(id, count)| {
                let name = self.name(id);
                (
                    (std::cmp::Reverse(count), name.to_lowercase(), name, id),
                    count,
                )
            })
            .collect();
        keyed.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        out.clear();
        out.extend(keyed.into_iter().map(|((.., id), count)| (id, count)));
        out
    }

    /// Byte ranges of company names in one paragraph, for highlighting in the article view.
    ///
    /// Called for every paragraph drawn, so it reuses its thread's scratch (a new one
    /// allocates and fills ~420 KB of memos).
    pub fn mentions(&self, text: &str) -> Vec<(Range<usize>, CompanyId)> {
        let discovered = |key: &str| self.discovered.get(key).copied();
        kept_scratch::with_scratch(self.scratch_owner, |scratch| {
            rules::mentions_in(text, &self.known, &discovered, scratch)
        })
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
