//! The in-memory digest: sources held once, articles as spans into them.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

/// Byte range into one source's text. `u32` keeps an article small; a single
/// digest file over 4 GiB is refused by the loader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        // Callers guarantee offsets fit: the loader rejects sources >= 4 GiB.
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn slice(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }
}

/// Stable article identity: a 64-bit FNV-1a hash, shown as 16 hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleId(pub u64);

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:016x}", self.0)
    }
}

impl std::str::FromStr for ArticleId {
    type Err = std::num::ParseIntError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        u64::from_str_radix(s, 16).map(ArticleId)
    }
}

impl Serialize for ArticleId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The text of one digest file (or the bundled sample), valid UTF-8.
pub struct Source {
    /// The path as the user gave it (or `<sample>/NAME` for the bundled one).
    pub name: String,
    text: SourceText,
}

enum SourceText {
    Static(&'static str),
    Owned(String),
    Mapped(MappedText),
}

/// A read-only memory map of a digest file, checked to be UTF-8 when made.
///
/// Why a map and not `fs::read`: reading copies the file into fresh anonymous
/// memory, which the kernel must first zero page by page; for a 600 MB digest
/// that was ~70% of the whole load (perf: `clear_page_erms`, `_copy_to_iter`).
/// A map shares the page cache: no zeroing, no copy, and the memory is the
/// cache the file already occupies rather than a second copy of it.
struct MappedText(memmap2::Mmap);

impl MappedText {
    fn as_str(&self) -> &str {
        // SAFETY: a `MappedText` is only built by `Source::from_mapped_utf8`,
        // whose callers have checked the bytes are UTF-8, and the map is
        // read-only. What no process can rule out is another program
        // rewriting or truncating the file in place while it is mapped (the
        // caveat every mmap reader, ripgrep included, accepts): digests are
        // written whole and replaced, or appended to, and both are harmless.
        unsafe { std::str::from_utf8_unchecked(&self.0) }
    }
}

impl Source {
    pub fn from_static(name: impl Into<String>, text: &'static str) -> Self {
        Source {
            name: name.into(),
            text: SourceText::Static(text),
        }
    }

    pub fn from_string(name: impl Into<String>, text: String) -> Self {
        Source {
            name: name.into(),
            text: SourceText::Owned(text),
        }
    }

    /// A mapped file as a source, its bytes already checked.
    ///
    /// # Safety
    /// `map` must hold valid UTF-8 (the loader checks it while parsing).
    pub(crate) unsafe fn from_mapped_utf8(name: String, map: memmap2::Mmap) -> Self {
        Source {
            name,
            text: SourceText::Mapped(MappedText(map)),
        }
    }

    pub fn text(&self) -> &str {
        match &self.text {
            SourceText::Static(s) => s,
            SourceText::Owned(s) => s,
            SourceText::Mapped(m) => m.as_str(),
        }
    }
}

/// One article: a date, a headline and a body, all spans into its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Article {
    pub id: ArticleId,
    pub date: NaiveDate,
    /// Index into [`Digest::sources`].
    pub source: u32,
    /// 1-based line of the date line that starts the article.
    pub line: u32,
    pub headline: Span,
    /// Everything after the headline up to the next date line or month header.
    pub body: Span,
}

/// A defect found while loading. None of them stops the load.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub file: String,
    pub line: Option<u32>,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// Every loaded article, sorted by date (then by source and line), without duplicates.
#[derive(Default)]
pub struct Digest {
    pub sources: Vec<Source>,
    pub articles: Vec<Article>,
}

impl Digest {
    pub fn source_text(&self, article: &Article) -> &str {
        self.sources
            .get(article.source as usize)
            .map(Source::text)
            .unwrap_or("")
    }

    pub fn source_name(&self, article: &Article) -> &str {
        self.sources
            .get(article.source as usize)
            .map(|s| s.name.as_str())
            .unwrap_or("")
    }

    pub fn headline(&self, article: &Article) -> &str {
        article.headline.slice(self.source_text(article))
    }

    /// The raw body text, blank lines and line endings included.
    pub fn body(&self, article: &Article) -> &str {
        article.body.slice(self.source_text(article))
    }

    /// Paragraphs: the body's non-blank lines, trimmed.
    pub fn paragraphs<'a>(&'a self, article: &Article) -> impl Iterator<Item = &'a str> + 'a {
        paragraphs(self.body(article))
    }

    /// `file:line` of the article's date line.
    pub fn location(&self, article: &Article) -> String {
        format!("{}:{}", self.source_name(article), article.line)
    }
}

/// The non-blank lines of a body, trimmed: each is one paragraph.
pub fn paragraphs(body: &str) -> impl Iterator<Item = &str> {
    body.split('\n').map(str::trim).filter(|l| !l.is_empty())
}
