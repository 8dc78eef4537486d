//! `gazette mark`: mark articles read or unread, by id and/or by filter.
//!
//! Prints one line to stdout, e.g. `3 articles marked read (2 were unread)`; notes and
//! warnings go to stderr. Usage errors (malformed id, malformed query, nothing
//! chosen) are [`MarkError::is_usage`] and exit 2.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::PathBuf;

use rustc_hash::FxHashSet;

use super::select::filter_query;
use crate::cli::MarkArgs;
use crate::companies::{CompaniesFileError, CompanyIndex, KnownCompanies};
use crate::digest::{ArticleId, LoadError};
use crate::facts::Facts;
use crate::query::{QueryError, TextIndex};
use crate::state::{Persistence, ReadState, StateError, parse_article_id};

#[derive(Debug, thiserror::Error)]
pub enum MarkError {
    #[error("`{0}` is not an article id (16 hex digits, as `gazette list --json` prints them)")]
    BadId(String),
    #[error("invalid query: {0}")]
    BadQuery(#[from] QueryError),
    #[error("reading companies.json: {0}")]
    Companies(#[from] CompaniesFileError),
    #[error(
        "nothing to mark: give --id ID, --query Q, or the digest PATHs whose articles should all be marked"
    )]
    NothingChosen,
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The reason was already printed as a warning when the state was opened.
    #[error("marks not saved: read state is in memory only")]
    NotSaved,
    #[error("marks not saved: {0}")]
    Save(#[from] StateError),
    #[error(transparent)]
    Output(#[from] io::Error),
}

impl MarkError {
    /// Whether this is the user's mistake on the command line (exit 2), not a data error (exit 1).
    pub fn is_usage(&self) -> bool {
        matches!(
            self,
            MarkError::BadId(_) | MarkError::BadQuery(_) | MarkError::NothingChosen
        )
    }
}

/// What `mark` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkOutcome {
    /// Distinct articles chosen by ids and filter.
    pub chosen: usize,
    /// Of those, how many changed state.
    pub changed: usize,
    /// `--id`s not found in the loaded digests (marked anyway).
    pub not_loaded: usize,
}

/// `cache_dir`: the company-index cache's folder (`None`: tag afresh), used when the
/// filter names companies.
pub fn run(
    args: &MarkArgs,
    state_path: Option<PathBuf>,
    cache_dir: Option<&std::path::Path>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> Result<MarkOutcome, MarkError> {
    // Usage errors first, before touching digests or the state file.
    let query = filter_query(&args.filter, false)?;
    let ids = args
        .id
        .iter()
        .map(|s| parse_article_id(s.trim()).ok_or_else(|| MarkError::BadId(s.clone())))
        .collect::<Result<Vec<ArticleId>, _>>()?;
    let all_of_paths = ids.is_empty() && query.is_empty();
    if all_of_paths && args.paths.is_empty() {
        return Err(MarkError::NothingChosen);
    }

    let loaded = super::load(&args.paths)?;
    for warning in &loaded.warnings {
        writeln!(err, "warning: {warning}")?;
    }
    let digest = &loaded.digest;

    let loaded_ids: FxHashSet<ArticleId> = digest.articles.iter().map(|a| a.id).collect();
    let not_loaded = ids
        .iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter(|id| !loaded_ids.contains(id))
        .count();
    let (mut state, warnings) = ReadState::open_or_default(state_path);
    for warning in warnings {
        writeln!(err, "warning: {warning}")?;
    }
    if let Persistence::MemoryOnly { .. } = state.persistence() {
        return Err(MarkError::NotSaved);
    }
    let mut chosen: Vec<ArticleId> = ids;
    if all_of_paths {
        chosen.extend(digest.articles.iter().map(|a| a.id));
    } else if !query.is_empty() {
        let companies = if query.uses_companies() {
            let known = KnownCompanies::load_default()?;
            let (index, report) =
                CompanyIndex::build_for_paths(digest, &known, cache_dir, &args.paths);
            if let Some(e) = report.error {
                writeln!(err, "warning: company-index cache not saved: {e}")?;
            }
            for note in super::select::unknown_companies(&query, &index) {
                writeln!(err, "gazette: {note}")?;
            }
            index
        } else {
            CompanyIndex::default()
        };
        let facts = Facts {
            digest,
            companies: &companies,
            read: &state,
        };
        let picked = query.evaluate(digest, &facts, &TextIndex::empty());
        chosen.extend(
            picked
                .into_iter()
                .filter_map(|i| digest.articles.get(i as usize))
                .map(|a| a.id),
        );
    }
    let mut seen = FxHashSet::default();
    chosen.retain(|id| seen.insert(*id));

    let read = args.read;
    let changed = state.set_many(chosen.iter().copied(), read).len();
    state.save()?;
    for warning in state.take_warnings() {
        writeln!(err, "warning: {warning}")?;
    }

    let outcome = MarkOutcome {
        chosen: chosen.len(),
        changed,
        not_loaded,
    };
    writeln!(out, "{}", summary(&outcome, read))?;
    if not_loaded > 0 {
        writeln!(
            err,
            "note: {} not in the loaded digests; marked anyway",
            count(not_loaded, "id is", "ids are")
        )?;
    }
    Ok(outcome)
}

fn summary(outcome: &MarkOutcome, read: bool) -> String {
    let (now, was) = if read {
        ("read", "unread")
    } else {
        ("unread", "read")
    };
    let were = if outcome.changed == 1 { "was" } else { "were" };
    format!(
        "{} marked {now} ({} {were} {was})",
        count(outcome.chosen, "article", "articles"),
        outcome.changed
    )
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
