//! Loading digests from files and folders: read, decode, parse, merge, dedup.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::id::{Fnv, disambiguated_id};
use super::model::{Article, ArticleId, Digest, Source, Warning};
use super::parse::{Parsed, decode, parse, parse_if_utf8};

/// The sample digest compiled into the binary, used when no path is given.
pub const SAMPLE_TEXT: &str = include_str!("../../assets/techcrunch-2019-06-24.txt");
pub const SAMPLE_NAME: &str = "<sample>/techcrunch-2019-06-24.txt";

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}")]
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

impl LoadError {
    /// `paths` held not a single article.
    pub fn no_articles(paths: &[PathBuf]) -> Self {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        LoadError::NoArticles(names.join(", "))
    }
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
    load_paths_copying(paths, |_| false)
}

/// The digest files `paths` stand for (folders walked as [`load_paths`] walks them).
pub fn digest_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, LoadError> {
    let mut files = Vec::new();
    for path in paths {
        collect_files(path, &mut files, &mut Vec::new())?;
    }
    Ok(files)
}

/// [`load_paths`], but the files for which `copy` says so are read into memory instead
/// of mapped: the live reload copies files that changed while the reader was open, as
/// a file rewritten in place under a map can crash the reader (see `read_and_parse`).
pub fn load_paths_copying(
    paths: &[PathBuf],
    copy: impl Fn(&Path) -> bool + Sync,
) -> Result<Loaded, LoadError> {
    let loaded = load_paths_even_empty(paths, copy)?;
    if loaded.digest.articles.is_empty() {
        return Err(LoadError::no_articles(paths));
    }
    Ok(loaded)
}

/// [`load_paths_copying`], but inputs without a single article are a digest without
/// articles, not an error: `gazette check` reports the defects that may be why.
pub fn load_paths_even_empty(
    paths: &[PathBuf],
    copy: impl Fn(&Path) -> bool + Sync,
) -> Result<Loaded, LoadError> {
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    for path in paths {
        collect_files(path, &mut files, &mut warnings)?;
    }
    let read = files
        .par_iter()
        .enumerate()
        .map(|(i, path)| read_and_parse(path, i as u32, copy(path)))
        .collect::<Result<Vec<_>, _>>()?;
    let mut sources = Vec::with_capacity(read.len());
    let mut parsed = Vec::with_capacity(read.len());
    for (source, warning, p) in read {
        warnings.extend(warning);
        sources.push(source);
        parsed.push(p);
    }
    Ok(assemble(sources, parsed, warnings))
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

/// Reads one file and parses it as source number `index`.
///
/// Files are memory-mapped and checked for UTF-8 during the parse's scan:
/// one trip through memory, no copy (see README, Performance). A file that is
/// not UTF-8 is copied, decoded lossily (with a warning) and parsed again.
/// With `copy` the file is read into memory from the start.
fn read_and_parse(
    path: &Path,
    index: u32,
    copy: bool,
) -> Result<(Source, Option<Warning>, Parsed), LoadError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
    let len = file.metadata().map_err(|e| io_error(path, e))?.len();
    if u32::try_from(len).is_err() {
        return Err(LoadError::TooLarge { path: name });
    }
    // SAFETY: the map is read-only. Rust cannot stop another program from
    // rewriting or truncating the file while it is mapped; like ripgrep we
    // accept that (digests are replaced whole or appended to, both harmless).
    // `populate` pre-faults the pages in one call instead of one fault per
    // few pages during the scan. Files that cannot be mapped (pipes, some
    // special files) are read instead, and so are files the caller asks to
    // `copy` (the reader's live reload: files seen changing are read, not mapped).
    let mapped = if copy {
        Err(())
    } else {
        unsafe { memmap2::MmapOptions::new().populate().map(&file) }.map_err(drop)
    };
    let bytes = match mapped {
        Ok(map) => match parse_if_utf8(&map, index) {
            // SAFETY: `parse_if_utf8` checked every byte of `map`.
            Some(parsed) => {
                return Ok((unsafe { Source::from_mapped_utf8(name, map) }, None, parsed));
            }
            None => map.to_vec(),
        },
        Err(()) => std::fs::read(path).map_err(|e| io_error(path, e))?,
    };
    if u32::try_from(bytes.len()).is_err() {
        return Err(LoadError::TooLarge { path: name });
    }
    let (text, bad_line) = decode(bytes);
    let warning = bad_line.map(|line| Warning {
        file: name.clone(),
        line: Some(line),
        message: "invalid UTF-8 (first here); shown as \u{FFFD}".to_string(),
    });
    let parsed = parse(&text, index);
    Ok((Source::from_string(name, text), warning, parsed))
}

/// Parses every source (in parallel), then merges, sorts, drops duplicates and fixes ids.
pub fn build(sources: Vec<Source>, warnings: Vec<Warning>) -> Loaded {
    let parsed: Vec<_> = sources
        .par_iter()
        .enumerate()
        .map(|(i, s)| parse(s.text(), i as u32))
        .collect();
    assemble(sources, parsed, warnings)
}

/// Merges parsed sources (`parsed[i]` is `sources[i]`'s): sorts, drops duplicates, fixes ids.
fn assemble(sources: Vec<Source>, parsed: Vec<Parsed>, mut warnings: Vec<Warning>) -> Loaded {
    let mut articles = Vec::with_capacity(parsed.iter().map(|p| p.articles.len()).sum());
    for (source, p) in sources.iter().zip(parsed) {
        articles.extend(p.articles);
        warnings.extend(p.warnings.into_iter().map(|(line, message)| Warning {
            file: source.name.clone(),
            line: Some(line),
            message,
        }));
    }
    // One file in date order (the common case) is already sorted: the sort then only checks.
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
    // base id -> index into `kept` of the first article with it. Ids shared by
    // several articles (rare) get a group in `by_id`, so the common case
    // allocates nothing per article.
    let mut first: FxHashMap<ArticleId, u32> = FxHashMap::default();
    first.reserve(articles.len());
    let mut by_id: FxHashMap<ArticleId, Vec<u32>> = FxHashMap::default();
    for article in articles {
        let index = kept.len() as u32;
        let first_index = *first.entry(article.id).or_insert(index);
        if first_index == index {
            kept.push(article);
            continue;
        }
        let group = by_id.entry(article.id).or_insert_with(|| vec![first_index]);
        if group
            .iter()
            .any(|&k| same_article(digest, &kept[k as usize], &article))
        {
            continue;
        }
        group.push(index);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::generate::digest_text;

    fn summary(l: &Loaded) -> Vec<(ArticleId, u32, String, usize)> {
        l.digest
            .articles
            .iter()
            .map(|a| {
                let d = &l.digest;
                (
                    a.id,
                    a.line,
                    d.headline(a).to_string(),
                    d.paragraphs(a).count(),
                )
            })
            .collect()
    }

    #[test]
    fn a_big_mapped_file_loads_like_the_same_text_in_memory() {
        // Over PARALLEL_MIN, so the mapped file is checked and scanned on all cores.
        let text = format!("\u{FEFF}{}", digest_text(2_500, 3));
        assert!(text.len() > 8 << 20);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, &text).unwrap();
        let from_file = load_paths(&[path]).unwrap();
        let in_memory = build(vec![Source::from_string("m.txt", text)], Vec::new());
        assert!(from_file.warnings.is_empty(), "{:?}", from_file.warnings);
        assert_eq!(from_file.digest.articles.len(), 2_500);
        assert_eq!(summary(&from_file), summary(&in_memory));
    }

    #[test]
    fn bad_utf8_deep_in_a_big_file_is_found_with_its_line() {
        let mut bytes = digest_text(2_500, 4).into_bytes();
        // Break a byte well past the first chunks, in the middle of a line.
        let at = bytes.len() * 3 / 4;
        let at = at + memchr::memchr(b'\n', &bytes[at..]).unwrap() + 3;
        bytes[at] = 0xFF;
        let line = crate::digest::parse::line_number_at(&bytes, at);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.txt");
        std::fs::write(&path, &bytes).unwrap();
        let loaded = load_paths(&[path]).unwrap();
        assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
        assert_eq!(loaded.warnings[0].line, Some(line));
        assert!(loaded.warnings[0].message.contains("invalid UTF-8"));
        assert_eq!(loaded.digest.articles.len(), 2_500);
        let text: String = loaded.digest.sources[0].text().into();
        assert!(text.contains('\u{FFFD}'));
    }

    #[test]
    fn an_empty_file_among_others_is_fine() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "").unwrap();
        std::fs::write(dir.path().join("b.txt"), SAMPLE_TEXT).unwrap();
        let loaded = load_paths(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(loaded.digest.articles.len(), 10);
        assert!(loaded.digest.articles.iter().all(|a| a.source == 1));
    }
}
