//! The scripting subcommands. Each writes its data to `out` and returns the exit code.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::Serialize;

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

pub fn list(digest: &Digest, json: bool, out: &mut impl Write) -> io::Result<()> {
    if json {
        out.write_all(b"[")?;
        for (i, article) in digest.articles.iter().enumerate() {
            out.write_all(if i == 0 { b"\n  " } else { b",\n  " })?;
            serde_json::to_writer(&mut *out, &ArticleJson::new(digest, article))?;
        }
        out.write_all(b"\n]\n")?;
    } else {
        for article in &digest.articles {
            writeln!(
                out,
                "{}  {}",
                article.date.format("%Y-%m-%d"),
                digest.headline(article)
            )?;
        }
    }
    Ok(())
}

/// Prints every warning; exit code 1 when there were any.
pub fn check(loaded: &Loaded, out: &mut impl Write) -> io::Result<i32> {
    for warning in &loaded.warnings {
        writeln!(out, "{warning}")?;
    }
    Ok(if loaded.warnings.is_empty() { 0 } else { 1 })
}
