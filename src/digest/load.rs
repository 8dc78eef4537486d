//! Loading digests from files and folders: read, decode, parse, merge, dedup.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::id::{Fnv, disambiguated_id};
use super::model::{Article, ArticleId, Digest, Source, Warning};
use super::parse::{decode, parse};

/// The sample digest compiled into the binary, used when no path is given.
pub const SAMPLE_TEXT: &str = include_str!("../../assets/techcrunch-2019-06-24.txt");
pub const SAMPLE_NAME: &str = "<sample>/techcrunch-2019-06-24.txt";

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: larger than 4 GiB; split it into monthly files")]
    TooLarge { path: String },
    #[error("no articles found in {0}")]
    NoArticles(String),
}

/// A loaded digest and every defect found on the way.
pub struct Loaded {
    pub digest: Digest,
    pub warnings: Vec<Warning>,
}

/// The bundled sample.
pub fn load_sample() -> Loaded {
    build(
        vec![Source::from_static(SAMPLE_NAME, SAMPLE_TEXT)],
        Vec::new(),
    )
}

/// Loads files and folders (recursively: their `.txt` files, in name order).
/// A missing path, an unreadable file, or inputs without a single article are errors.
pub fn load_paths(paths: &[PathBuf]) -> Result<Loaded, LoadError> {
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    for path in paths {
        collect_files(path, &mut files, &mut warnings)?;
    }
    let sources = files
        .par_iter()
        .map(|path| read_source(path))
        .collect::<Result<Vec<_>, _>>()?;
    let mut sources_only = Vec::with_capacity(sources.len());
    for (source, warning) in sources {
        warnings.extend(warning);
        sources_only.push(source);
    }
    let loaded = build(sources_only, warnings);
    if loaded.digest.articles.is_empty() {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(LoadError::NoArticles(names.join(", ")));
    }
    Ok(loaded)
}

fn io_error(path: &Path, source: std::io::Error) -> LoadError {
    LoadError::Io {
        path: path.display().to_string(),
        source,
    }
}

fn collect_files(
    path: &Path,
    files: &mut Vec<PathBuf>,
    warnings: &mut Vec<Warning>,
) -> Result<(), LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, e))?;
    if !meta.is_dir() {
        files.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries = std::fs::read_dir(path)
        .map_err(|e| io_error(path, e))?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| io_error(path, e))?;
    entries.sort();
    for entry in entries {
        let name = entry.file_name().map(|n| n.to_string_lossy().into_owned());
        if name.as_deref().is_some_and(|n| n.starts_with('.')) {
            continue;
        }
        if entry.is_dir() {
            collect_files(&entry, files, warnings)?;
        } else if is_digest_file(&entry) {
            files.push(entry);
        } else {
            warnings.push(Warning {
                file: entry.display().to_string(),
                line: None,
                message: "skipped: not a .txt digest file".to_string(),
            });
        }
    }
    Ok(())
}

fn is_digest_file(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

fn read_source(path: &Path) -> Result<(Source, Option<Warning>), LoadError> {
    let bytes = std::fs::read(path).map_err(|e| io_error(path, e))?;
    let name = path.display().to_string();
    if u32::try_from(bytes.len()).is_err() {
        return Err(LoadError::TooLarge { path: name });
    }
    let (text, bad_line) = decode(bytes);
    let warning = bad_line.map(|line| Warning {
        file: name.clone(),
        line: Some(line),
        message: "invalid UTF-8 (first here); shown as \u{FFFD}".to_string(),
    });
    Ok((Source::from_string(name, text), warning))
}

/// Parses every source (in parallel), then merges, sorts, drops duplicates and fixes ids.
pub fn build(sources: Vec<Source>, mut warnings: Vec<Warning>) -> Loaded {
    let parsed: Vec<_> = sources
        .par_iter()
        .enumerate()
        .map(|(i, s)| parse(s.text(), i as u32))
        .collect();
    let mut articles = Vec::with_capacity(parsed.iter().map(|p| p.articles.len()).sum());
    for (source, p) in sources.iter().zip(parsed) {
        articles.extend(p.articles);
        warnings.extend(p.warnings.into_iter().map(|(line, message)| Warning {
            file: source.name.clone(),
            line: Some(line),
            message,
        }));
    }
    articles.sort_unstable_by_key(|a| (a.date, a.source, a.line));
    let mut digest = Digest {
        sources,
        articles: Vec::new(),
    };
    digest.articles = dedup_and_assign_ids(&digest, articles);
    Loaded { digest, warnings }
}

fn same_article(digest: &Digest, a: &Article, b: &Article) -> bool {
    a.date == b.date
        && digest.headline(a) == digest.headline(b)
        && digest.paragraphs(a).eq(digest.paragraphs(b))
}

fn body_hash(digest: &Digest, a: &Article) -> u64 {
    digest
        .paragraphs(a)
        .fold(Fnv::default(), |h, p| h.write(p.as_bytes()).write(b"\n"))
        .finish()
}

/// Keeps the first of identical articles; gives distinct articles that share
/// date and headline distinct ids (see `id.rs` for the rule).
fn dedup_and_assign_ids(digest: &Digest, articles: Vec<Article>) -> Vec<Article> {
    let mut kept: Vec<Article> = Vec::with_capacity(articles.len());
    // base id -> indices into `kept`
    let mut by_id: FxHashMap<ArticleId, Vec<u32>> = FxHashMap::default();
    by_id.reserve(articles.len());
    for article in articles {
        let group = by_id.entry(article.id).or_default();
        if group
            .iter()
            .any(|&k| same_article(digest, &kept[k as usize], &article))
        {
            continue;
        }
        group.push(kept.len() as u32);
        kept.push(article);
    }
    for group in by_id.values().filter(|g| g.len() > 1) {
        let lowest = group
            .iter()
            .copied()
            .min_by_key(|&k| body_hash(digest, &kept[k as usize]));
        for &k in group {
            if Some(k) != lowest {
                let a = &kept[k as usize];
                let id = disambiguated_id(a.date, digest.headline(a), digest.paragraphs(a));
                kept[k as usize].id = id;
            }
        }
    }
    kept
}
