//! The scripting subcommands, one file each; shared loading and JSON shapes here.

pub mod check;
pub mod companies;
pub mod config;
pub mod export;
pub mod generate;
pub mod list;
pub mod mark;
pub mod select;

use std::path::PathBuf;

use serde::Serialize;

use crate::companies::CompanyIndex;
use crate::digest::{self, Article, ArticleId, Digest, LoadError, Loaded};

/// Loads the given paths, or the bundled sample when there are none.
pub fn load(paths: &[PathBuf]) -> Result<Loaded, LoadError> {
    if paths.is_empty() {
        Ok(digest::load_sample())
    } else {
        digest::load_paths(paths)
    }
}

/// A company with a count: articles in `companies --json`, mentions in `list --json`.
#[derive(Serialize)]
pub struct CompanyCount<'a> {
    pub name: &'a str,
    pub count: usize,
}

/// One article as `list --json` prints it.
#[derive(Serialize)]
pub struct ArticleJson<'a> {
    pub id: ArticleId,
    pub date: String,
    pub headline: &'a str,
    pub paragraphs: Vec<&'a str>,
    /// Names only, as scripts have always read them; `mentions` adds the counts.
    pub companies: Vec<&'a str>,
    /// The same companies in the same order, each with its mentions in headline and body.
    pub mentions: Vec<CompanyCount<'a>>,
    pub read: bool,
    pub source: String,
}

impl<'a> ArticleJson<'a> {
    pub fn new(digest: &'a Digest, article: &Article) -> Self {
        ArticleJson {
            id: article.id,
            date: article.date.format("%Y-%m-%d").to_string(),
            headline: digest.headline(article),
            paragraphs: digest.paragraphs(article).collect(),
            companies: Vec::new(),
            mentions: Vec::new(),
            read: false,
            source: digest.location(article),
        }
    }
}

impl<'a> ArticleJson<'a> {
    /// Fills `companies` and `mentions` with what the index found in article
    /// `index_in_digest`, most-mentioned first.
    pub fn with_companies(mut self, index: &'a CompanyIndex, index_in_digest: u32) -> Self {
        let found = index.companies_of(index_in_digest);
        self.companies = found.iter().map(|&(id, _)| index.name(id)).collect();
        self.mentions = found
            .iter()
            .map(|&(id, count)| CompanyCount {
                name: index.name(id),
                count: count as usize,
            })
            .collect();
        self
    }
}
