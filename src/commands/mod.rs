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

/// One article as `list --json` prints it.
#[derive(Serialize)]
pub struct ArticleJson<'a> {
    pub id: ArticleId,
    pub date: String,
    pub headline: &'a str,
    pub paragraphs: Vec<&'a str>,
    pub companies: Vec<&'a str>,
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
            read: false,
            source: digest.location(article),
        }
    }
}

impl<'a> ArticleJson<'a> {
    /// Fills `companies` with the names the index found in article `index_in_digest`, most-mentioned first.
    pub fn with_companies(mut self, index: &'a CompanyIndex, index_in_digest: u32) -> Self {
        self.companies = index
            .companies_of(index_in_digest)
            .iter()
            .map(|(id, _)| index.name(*id))
            .collect();
        self
    }
}
