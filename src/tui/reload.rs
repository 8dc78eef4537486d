//! Live reload, minus the file watching: notice which digest files changed, load the new
//! digest off the UI thread ([`Reloader`]), and swap it into the reader keeping the
//! selection, filter, company chips, date and read marks ([`App::apply_reload`]).
//!
//! Indexes: a small digest is indexed on the reload thread and swapped in whole. A big
//! one that only gained articles at the end (appends, a new newest month: the common
//! case) is swapped in at once, keeping the company index, which still holds for every
//! old article; both indexes are then rebuilt in the background as at start (the status
//! bar shows the progress). Anything else (articles removed or inserted among old ones)
//! is indexed on the reload thread first, so the reader never pairs a digest with an
//! index of another.
//!
//! Memory maps: a digest file is mapped while it is shown, and a file truncated or
//! rewritten in place under a map can crash the reader (SIGBUS). Appends and replacement
//! by rename are harmless. A file seen changing is therefore *copied* into memory on every
//! reload from then on (it is being written to: the current month, typically a few MB),
//! while files that did not change are mapped again, as at start. The old digest is
//! released once the new one is on screen.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::SystemTime;

use rustc_hash::{FxHashMap, FxHashSet};

use super::app::{App, Overlay, Progress, Stage};
use super::days::days_newest_first;
use crate::companies::{CompanyIndex, IndexCache, KnownCompanies};
use crate::digest::load::{digest_files, load_paths_copying};
use crate::digest::{ArticleId, Digest};
use crate::query::TextIndex;

/// A digest file as last seen: size and modification time (`None`: could not be read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
}

/// Every digest file the reader's paths stand for, stamped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stamps(BTreeMap<PathBuf, Option<Stamp>>);

impl Stamps {
    /// Looks at the files now. A path that cannot be listed is recorded as unreadable
    /// (the load that follows reports why).
    pub fn take(paths: &[PathBuf]) -> Stamps {
        let files = digest_files(paths).unwrap_or_else(|_| paths.to_vec());
        Stamps(
            files
                .into_iter()
                .map(|f| {
                    let stamp = std::fs::metadata(&f).ok().map(|m| Stamp {
                        len: m.len(),
                        modified: m.modified().ok(),
                    });
                    (f, stamp)
                })
                .collect(),
        )
    }

    /// Files added, removed or changed between `self` and `now`.
    pub fn changed(&self, now: &Stamps) -> Vec<PathBuf> {
        let mut changed: Vec<PathBuf> = now
            .0
            .iter()
            .filter(|(f, stamp)| self.0.get(*f) != Some(stamp))
            .map(|(f, _)| f.clone())
            .collect();
        changed.extend(self.0.keys().filter(|f| !now.0.contains_key(*f)).cloned());
        changed
    }
}

/// Up to this many articles a reload is indexed before the swap (tens of milliseconds).
pub const INDEX_BEFORE_SWAP_LIMIT: usize = 2_000;

/// A reloaded digest's company and word indexes, and the article hashes (empty without
/// a cache) that let a later append extend the word index.
pub type Indexes = (CompanyIndex, TextIndex, Vec<u128>);

/// A new digest, ready to swap in.
pub struct Reloaded {
    pub digest: Digest,
    /// The company and word indexes of `digest`; `None` when the digest only appends to
    /// the one on screen and is big: the reader keeps its company index and rebuilds
    /// both in the background.
    pub indexes: Option<Indexes>,
    /// Problems found in the new input (`gazette check` lists them), when their number
    /// changed since the last load (0 otherwise: the reader said so already).
    pub warnings: usize,
    /// Digest files added, removed or changed since the last load.
    pub files_changed: usize,
}

/// What the reload side tells the reader.
pub enum ReloadEvent {
    /// Files changed; a new digest is being loaded and indexed.
    Started {
        files: usize,
    },
    Done(Box<Reloaded>),
    /// The new input could not be loaded; the reader keeps what it shows.
    Failed(String),
}

/// Loads the reader's paths again when their files changed. Runs on a background thread
/// (see `watch.rs`), but knows nothing of threads or file events, so tests drive it.
pub struct Reloader {
    paths: Vec<PathBuf>,
    known: KnownCompanies,
    seen: Stamps,
    /// Files that changed at some point: read, not mapped, from then on.
    hot: BTreeSet<PathBuf>,
    /// How many problems the last load found.
    warnings: Option<usize>,
    /// The article ids of the last load, in order (to tell an append from other changes).
    ids: Option<Vec<ArticleId>>,
    /// The company-index cache of the paths, if any.
    cache: Option<IndexCache>,
}

impl Reloader {
    /// `seen` must be taken *before* the first load, so a change during it is not missed.
    pub fn new(paths: Vec<PathBuf>, known: KnownCompanies, seen: Stamps) -> Reloader {
        Reloader {
            paths,
            known,
            seen,
            hot: BTreeSet::new(),
            warnings: None,
            ids: None,
            cache: None,
        }
    }

    /// Reloads are indexed through this company-index cache.
    pub fn with_cache(mut self, cache: Option<IndexCache>) -> Reloader {
        self.cache = cache;
        self
    }

    /// What the first load found: its problem count (already reported at start) and its
    /// articles (a later reload that only appends to them can skip indexing).
    pub fn first_load(&mut self, loaded: &crate::digest::Loaded) {
        self.warnings = Some(loaded.warnings.len());
        self.ids = Some(loaded.digest.articles.iter().map(|a| a.id).collect());
    }

    /// Both indexes of a reloaded digest, through the caches of the paths if any, and
    /// the article hashes the word index covers.
    fn indexes(&self, digest: &crate::digest::Digest) -> Indexes {
        let done = std::sync::atomic::AtomicUsize::new(0);
        let (companies, report) =
            CompanyIndex::build_cached(digest, &self.known, self.cache.as_ref(), &done);
        let words = super::launch::word_index(digest, self.cache.as_ref(), &report, None);
        (companies, words, report.hashes)
    }

    pub fn known(&self) -> &KnownCompanies {
        &self.known
    }

    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// The files changed since the last look (empty: nothing to do); remembers them as
    /// seen. Call [`Reloader::load`] after a non-empty answer.
    pub fn changes(&mut self) -> Vec<PathBuf> {
        let now = Stamps::take(&self.paths);
        let changed = self.seen.changed(&now);
        self.seen = now;
        self.hot.extend(changed.iter().cloned());
        changed
    }

    /// Loads the digest (changed files copied, the rest mapped) and indexes it unless it
    /// is big and only appends to the last one.
    pub fn load(&mut self, files_changed: usize) -> ReloadEvent {
        let hot = &self.hot;
        match load_paths_copying(&self.paths, |f| hot.contains(f)) {
            Ok(loaded) => {
                let count = loaded.warnings.len();
                let warnings = if self.warnings == Some(count) {
                    0
                } else {
                    count
                };
                self.warnings = Some(count);
                let ids: Vec<ArticleId> = loaded.digest.articles.iter().map(|a| a.id).collect();
                let appends = ids.len() > INDEX_BEFORE_SWAP_LIMIT
                    && self.ids.as_ref().is_some_and(|old| ids.starts_with(old));
                self.ids = Some(ids);
                let indexes = (!appends).then(|| self.indexes(&loaded.digest));
                ReloadEvent::Done(Box::new(Reloaded {
                    digest: loaded.digest,
                    indexes,
                    warnings,
                    files_changed,
                }))
            }
            Err(e) => ReloadEvent::Failed(error_chain(&e)),
        }
    }

    /// Looks, and loads if anything changed.
    pub fn check(&mut self) -> Option<ReloadEvent> {
        let changed = self.changes();
        (!changed.is_empty()).then(|| self.load(changed.len()))
    }
}

/// "file: cause" from an error and its sources (a load error names the file, the OS the cause).
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// `+38 articles, −2 articles`, or `1 file changed` when no article came or went.
pub fn describe_change(added: usize, removed: usize, files_changed: usize) -> String {
    let articles = |n: usize| if n == 1 { "article" } else { "articles" };
    let mut parts = Vec::new();
    if added > 0 {
        parts.push(format!("+{added} {}", articles(added)));
    }
    if removed > 0 {
        parts.push(format!("\u{2212}{removed} {}", articles(removed)));
    }
    if parts.is_empty() {
        let files = files_changed.max(1);
        parts.push(format!(
            "{files} {} changed",
            if files == 1 { "file" } else { "files" }
        ));
    }
    parts.join(", ")
}

impl App {
    /// Swaps in a reloaded digest. Everything the user set up survives, by article id
    /// or by name: the selected article (and its scroll), the selected date, the filter,
    /// the company chips, unread-only, the pending undo; read marks are by id anyway.
    /// The status bar says what changed.
    ///
    /// Returns whether the indexes must now be rebuilt in the background (the digest
    /// came without them; see the module notes).
    pub fn apply_reload(&mut self, reloaded: Reloaded) -> bool {
        let old = Arc::clone(&self.digest);
        let id_at = |a: u32| old.articles.get(a as usize).map(|x| x.id);
        let selected = self.selected_article().and_then(id_at);
        let shown = self.scroll_anchor.article.and_then(id_at);
        let day = self.selected_day().map(|d| d.date);
        let chips = self.chip_names();
        let undo: Option<Vec<(ArticleId, bool)>> = self.undo.take().map(|u| {
            u.iter()
                .filter_map(|&(a, r)| Some((id_at(a)?, r)))
                .collect()
        });
        let confirm: Option<Vec<ArticleId>> = match &self.overlay {
            Overlay::Confirm(bulk) => {
                Some(bulk.articles.iter().filter_map(|&a| id_at(a)).collect())
            }
            _ => None,
        };
        let old_position = self.headline_selected;

        let Reloaded {
            digest,
            indexes,
            warnings,
            files_changed,
        } = reloaded;
        let index_of: FxHashMap<ArticleId, u32> = digest
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id, i as u32))
            .collect();
        let old_ids: FxHashSet<ArticleId> = old.articles.iter().map(|a| a.id).collect();
        let added = digest
            .articles
            .iter()
            .filter(|a| !old_ids.contains(&a.id))
            .count();
        let removed = old
            .articles
            .iter()
            .filter(|a| !index_of.contains_key(&a.id))
            .count();
        // Old articles kept their places: the company index still holds for them.
        let appended = digest.articles.len() >= old.articles.len()
            && old
                .articles
                .iter()
                .zip(&digest.articles)
                .all(|(a, b)| a.id == b.id);
        drop(old);

        self.digest = Arc::new(digest);
        self.days = days_newest_first(&self.digest);
        // The trend view's counts (and maybe its ids) describe the old digest.
        if matches!(self.overlay, Overlay::Trends(_)) {
            self.overlay = Overlay::None;
        }
        let rebuild = match indexes {
            Some((companies, words, hashes)) => {
                self.companies = companies;
                self.text_index = Arc::new(words);
                self.text_index_hashes = Arc::new(hashes);
                self.previous_words = None;
                self.text_index_ready = true;
                self.indexing = None;
                false
            }
            None => {
                if !appended {
                    // Never sent so (the reloader checks), but an index of other
                    // articles must not stay: no companies until the rebuild.
                    self.companies = CompanyIndex::default();
                }
                // Word terms are scanned until the new word index arrives, which extends
                // the old one when the old articles are unchanged (see `Indexing`).
                let old_words =
                    std::mem::replace(&mut self.text_index, Arc::new(TextIndex::empty()));
                let old_hashes = std::mem::take(&mut self.text_index_hashes);
                self.previous_words = (appended && self.text_index_ready && !old_hashes.is_empty())
                    .then_some((old_words, old_hashes));
                self.text_index_ready = false;
                self.indexing = Some(Progress {
                    stage: Stage::Companies,
                    done: 0,
                    total: self.digest.articles.len(),
                });
                true
            }
        };
        self.set_chips(&chips);
        self.date_selected = day
            .and_then(|d| self.days.iter().position(|x| x.date == d))
            .map_or(0, |i| i + 1);
        self.recount_unread();
        // The old index means nothing in the new digest: select by id below.
        self.headline_selected = 0;
        self.scroll_anchor.article = None;
        let scroll = self.article_scroll;
        self.recompute_view();
        let new_index = selected.and_then(|id| index_of.get(&id).copied());
        self.headline_selected = new_index
            .and_then(|a| self.view.iter().position(|&v| v == a))
            .unwrap_or(old_position.min(self.view.len().saturating_sub(1)));
        // Still showing the same article: same scroll, nothing to restore.
        let still_shown = shown.and_then(|id| index_of.get(&id).copied());
        if still_shown.is_some() && still_shown == self.selected_article() {
            self.scroll_anchor.article = still_shown;
            self.article_scroll = scroll;
        }
        self.undo = undo.map(|u| {
            u.into_iter()
                .filter_map(|(id, r)| Some((*index_of.get(&id)?, r)))
                .collect()
        });
        if let (Some(ids), Overlay::Confirm(bulk)) = (confirm, &mut self.overlay) {
            bulk.articles = ids
                .iter()
                .filter_map(|id| index_of.get(id).copied())
                .collect();
        }
        self.follow_selection();

        let mut message = format!(
            "Reloaded: {}",
            describe_change(added, removed, files_changed)
        );
        let lost = chips.len().saturating_sub(self.company_filter.len());
        if lost > 0 {
            message.push_str(&format!(
                " · {lost} company filter{} dropped (no longer mentioned)",
                if lost == 1 { "" } else { "s" }
            ));
        }
        if warnings > 0 {
            message.push_str(&format!(
                " · {warnings} problem{} in the input (`gazette check`)",
                if warnings == 1 { "" } else { "s" }
            ));
        }
        self.message = Some(message);
        rebuild
    }

    /// The company chips by name (ids differ between two builds of the index).
    pub(super) fn chip_names(&self) -> Vec<String> {
        self.company_filter
            .iter()
            .map(|&c| self.companies.name(c).to_string())
            .collect()
    }

    /// Sets the chips from names, in the current index (names it lacks are dropped).
    pub(super) fn set_chips(&mut self, names: &[String]) {
        let mut chips = Vec::new();
        for id in names.iter().filter_map(|name| self.companies.lookup(name)) {
            if !chips.contains(&id) {
                chips.push(id);
            }
        }
        self.company_filter = chips;
    }

    /// A reload that could not load: the reader keeps the digest it shows and says why.
    pub fn apply_reload_failure(&mut self, why: &str) {
        // The cause first: a narrow status bar cuts the end.
        self.message = Some(format!(
            "Reload failed: {why} · still showing the last version"
        ));
    }

    /// Applies whatever the reload side reports; `true` when the indexes must now be
    /// rebuilt in the background (see [`App::apply_reload`]).
    pub fn apply_reload_event(&mut self, event: ReloadEvent) -> bool {
        match event {
            ReloadEvent::Started { files } => {
                self.message = Some(format!(
                    "Reloading: {} changed…",
                    if files == 1 {
                        "1 file".to_string()
                    } else {
                        format!("{files} files")
                    }
                ));
                false
            }
            ReloadEvent::Done(reloaded) => self.apply_reload(*reloaded),
            ReloadEvent::Failed(why) => {
                self.apply_reload_failure(&why);
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_messages() {
        assert_eq!(describe_change(38, 0, 1), "+38 articles");
        assert_eq!(describe_change(1, 0, 1), "+1 article");
        assert_eq!(describe_change(0, 2, 1), "\u{2212}2 articles");
        assert_eq!(describe_change(3, 1, 2), "+3 articles, \u{2212}1 article");
        assert_eq!(describe_change(0, 0, 1), "1 file changed");
        assert_eq!(describe_change(0, 0, 3), "3 files changed");
    }

    #[test]
    fn stamps_see_added_changed_and_removed_files() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        let b = dir.path().join("b.txt");
        std::fs::write(&a, "x").unwrap();
        let paths = [dir.path().to_path_buf()];
        let before = Stamps::take(&paths);
        assert!(before.changed(&Stamps::take(&paths)).is_empty());
        std::fs::write(&b, "y").unwrap();
        std::fs::write(&a, "xx").unwrap();
        let after = Stamps::take(&paths);
        assert_eq!(before.changed(&after), [a.clone(), b.clone()]);
        std::fs::remove_file(&a).unwrap();
        assert_eq!(after.changed(&Stamps::take(&paths)), [a]);
    }
}
