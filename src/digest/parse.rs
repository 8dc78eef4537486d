//! The digest format, parsed: pure functions from text to articles and warnings.
//!
//! Two passes. The first finds the lines that matter (date lines and month
//! headers) with a memchr line scan, in parallel chunks for big inputs. The
//! second walks those marks to cut articles; it touches little text.

use chrono::NaiveDate;
use memchr::memchr_iter;
use rayon::prelude::*;

use super::id::article_id;
use super::model::{Article, Span};

/// The scan works in chunks this big (ending after a newline): small enough
/// that a chunk just checked for UTF-8 is still in the CPU cache when it is
/// scanned, so big inputs cross memory once, not twice.
const CHUNK: usize = 256 << 10;
/// Inputs at least this big are scanned on all cores.
const PARALLEL_MIN: usize = 8 << 20;

const MONTH_ABBREVS: [&[u8]; 12] = [
    b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov", b"Dec",
];
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const PREFACE: &str = "text before the first date line is ignored";

/// What one parsed source yields. Warnings are `(line, message)`; the caller names the file.
#[derive(Debug, Default)]
pub struct Parsed {
    pub articles: Vec<Article>,
    pub warnings: Vec<(u32, String)>,
}

/// What a line is, as far as the format cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Date(NaiveDate),
    Month,
    /// Shaped like a date line but not a real calendar date (`31 Feb 2019`).
    BadDate,
    /// Starts with `Month:` but is not a valid month header.
    BadMonth,
    Text,
}

/// Decodes bytes as UTF-8, replacing invalid sequences with U+FFFD.
/// Returns the text and the 1-based line of the first invalid byte, if any.
pub fn decode(bytes: Vec<u8>) -> (String, Option<u32>) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let bad_at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let line = line_number_at(&bytes, bad_at);
            (String::from_utf8_lossy(&bytes).into_owned(), Some(line))
        }
    }
}

/// 1-based line number of byte offset `pos`.
pub fn line_number_at(bytes: &[u8], pos: usize) -> u32 {
    let pos = pos.min(bytes.len());
    (memchr_iter(b'\n', &bytes[..pos]).count() + 1) as u32
}

/// Classifies one line (without its line ending).
pub fn classify_line(line: &[u8]) -> LineKind {
    // Hot path: nearly every body line starts with a letter that is not `M`.
    match line.first() {
        Some(b'0'..=b'9' | b' ' | b'\t' | b'M') => {}
        _ => return LineKind::Text,
    }
    let t = line.trim_ascii();
    match t.first() {
        Some(b'0'..=b'9') => classify_date(t),
        Some(b'M') if t.starts_with(b"Month:") => classify_month(t),
        _ => LineKind::Text,
    }
}

fn classify_date(t: &[u8]) -> LineKind {
    let (day, rest) = match t {
        [d @ b'0'..=b'9', b' ', rest @ ..] => (u32::from(d - b'0'), rest),
        [d1 @ b'0'..=b'9', d2 @ b'0'..=b'9', b' ', rest @ ..] => {
            (u32::from(d1 - b'0') * 10 + u32::from(d2 - b'0'), rest)
        }
        _ => return LineKind::Text,
    };
    let [m0, m1, m2, b' ', y @ ..] = rest else {
        return LineKind::Text;
    };
    if y.len() != 4 || !y.iter().all(u8::is_ascii_digit) {
        return LineKind::Text;
    }
    let Some(month) = MONTH_ABBREVS.iter().position(|m| *m == [*m0, *m1, *m2]) else {
        return LineKind::Text;
    };
    let year = y.iter().fold(0i32, |acc, d| acc * 10 + i32::from(d - b'0'));
    match NaiveDate::from_ymd_opt(year, month as u32 + 1, day) {
        Some(date) => LineKind::Date(date),
        None => LineKind::BadDate,
    }
}

fn classify_month(t: &[u8]) -> LineKind {
    let Ok(s) = std::str::from_utf8(&t[b"Month:".len()..]) else {
        return LineKind::BadMonth;
    };
    let mut words = s.split_ascii_whitespace();
    let ok = matches!(
        (words.next(), words.next(), words.next()),
        (Some(name), Some(year), None)
            if MONTH_NAMES.contains(&name)
                && year.len() == 4
                && year.bytes().all(|b| b.is_ascii_digit())
    );
    if ok {
        LineKind::Month
    } else {
        LineKind::BadMonth
    }
}

/// A line that matters to the article structure.
#[derive(Debug, Clone, Copy)]
struct Mark {
    kind: MarkKind,
    /// Offset of the line's first byte.
    start: usize,
    /// Offset just past the line's `\n` (or the end of text).
    next: usize,
    /// 0-based line index (chunk-local until fixed up).
    line: u32,
}

#[derive(Debug, Clone, Copy)]
enum MarkKind {
    Date(NaiveDate),
    Month,
}

#[derive(Default)]
struct Scan {
    marks: Vec<Mark>,
    /// (0-based line index, message)
    warnings: Vec<(u32, String)>,
    lines: u32,
}

/// Scans `text[from..to]`; with `check_utf8`, first checks that the chunk is
/// UTF-8 and gives up (`None`) if it is not.
fn scan_chunk(text: &[u8], from: usize, to: usize, check_utf8: bool) -> Option<Scan> {
    let chunk = &text[from..to];
    if check_utf8 && std::str::from_utf8(chunk).is_err() {
        return None;
    }
    let mut scan = Scan::default();
    let mut start = from;
    let mut ends = memchr_iter(b'\n', chunk).map(|i| from + i);
    while start < to {
        let (end, next) = match ends.next() {
            Some(nl) => (nl, nl + 1),
            None => (to, to),
        };
        let line = scan.lines;
        scan.lines += 1;
        match classify_line(&text[start..end]) {
            LineKind::Text => {}
            LineKind::Date(date) => scan.marks.push(Mark {
                kind: MarkKind::Date(date),
                start,
                next,
                line,
            }),
            LineKind::Month => scan.marks.push(Mark {
                kind: MarkKind::Month,
                start,
                next,
                line,
            }),
            LineKind::BadDate => scan.warnings.push((
                line,
                format!(
                    "`{}` is not a real date; kept as body text",
                    String::from_utf8_lossy(text[start..end].trim_ascii())
                ),
            )),
            LineKind::BadMonth => scan.warnings.push((
                line,
                "malformed month header (expected `Month: <Month name> <YYYY>`); kept as text"
                    .to_string(),
            )),
        }
        start = next;
    }
    Some(scan)
}

/// Splits `text[from..]` into chunks ending just after a newline.
fn chunk_bounds(text: &[u8], mut from: usize) -> Vec<(usize, usize)> {
    let mut bounds = Vec::new();
    while from < text.len() {
        let target = (from + CHUNK).min(text.len());
        let to = match memchr::memchr(b'\n', &text[target..]) {
            Some(i) if target < text.len() => target + i + 1,
            _ => text.len(),
        };
        bounds.push((from, to));
        from = to;
    }
    bounds
}

/// Scans `text[from..]` chunk by chunk (on all cores when big) and joins the
/// chunks' findings. `None` only when `check_utf8` finds a chunk that is not UTF-8.
fn scan(text: &[u8], from: usize, check_utf8: bool) -> Option<Scan> {
    let bounds = chunk_bounds(text, from);
    let scans: Vec<Scan> = if text.len() >= PARALLEL_MIN {
        bounds
            .into_par_iter()
            .map(|(from, to)| scan_chunk(text, from, to, check_utf8))
            .collect::<Option<_>>()?
    } else {
        bounds
            .into_iter()
            .map(|(from, to)| scan_chunk(text, from, to, check_utf8))
            .collect::<Option<_>>()?
    };
    let mut all = Scan {
        marks: Vec::with_capacity(scans.iter().map(|s| s.marks.len()).sum()),
        ..Scan::default()
    };
    for s in scans {
        let base = all.lines;
        all.marks.extend(s.marks.into_iter().map(|m| Mark {
            line: m.line + base,
            ..m
        }));
        all.warnings
            .extend(s.warnings.into_iter().map(|(l, w)| (l + base, w)));
        all.lines += s.lines;
    }
    Some(all)
}

/// The first non-blank line in `text[from..to]`: (start, end, next) of the trimmed line.
/// Offsets come from `\n` positions, so every slice is on a char boundary.
fn first_non_blank(text: &str, from: usize, to: usize) -> Option<(usize, usize, usize)> {
    let mut start = from;
    while start < to {
        let end = memchr::memchr(b'\n', &text.as_bytes()[start..to]).map_or(to, |i| start + i);
        let line = text.get(start..end).unwrap_or("");
        let trimmed = line.trim_start();
        if !trimmed.is_empty() {
            let lead = line.len() - trimmed.len();
            let content = trimmed.trim_end();
            let next = if end < to { end + 1 } else { to };
            return Some((start + lead, start + lead + content.len(), next));
        }
        start = end + 1;
    }
    None
}

/// A leading byte-order mark is not part of line 1.
fn bom_len(bytes: &[u8]) -> usize {
    if bytes.starts_with("\u{FEFF}".as_bytes()) {
        3
    } else {
        0
    }
}

/// Parses one source's text. `source` is stored in each article.
pub fn parse(text: &str, source: u32) -> Parsed {
    let bytes = text.as_bytes();
    match scan(bytes, bom_len(bytes), false) {
        Some(scan) => cut_articles(text, scan, source),
        None => Parsed::default(), // unreachable: only a UTF-8 check gives up
    }
}

/// Parses bytes not yet known to be UTF-8, checking them during the scan
/// (one trip through memory instead of two). `None` if they are not UTF-8:
/// the caller then decodes them lossily and calls [`parse`].
pub fn parse_if_utf8(bytes: &[u8], source: u32) -> Option<Parsed> {
    let body_start = bom_len(bytes);
    let scan = scan(bytes, body_start, true)?;
    // SAFETY: `scan` checked `bytes[body_start..]` as UTF-8 in chunks that
    // tile it and end just after a `\n`, an ASCII byte that cannot sit inside
    // a multi-byte sequence, so the whole range is UTF-8; `bytes[..body_start]`
    // is empty or the BOM's own valid encoding.
    let text = unsafe { std::str::from_utf8_unchecked(bytes) };
    Some(cut_articles(text, scan, source))
}

/// The second pass: walks the marks of the scan to cut articles and find stray text.
fn cut_articles(text: &str, scan: Scan, source: u32) -> Parsed {
    let bytes = text.as_bytes();
    let body_start = bom_len(bytes);
    let mut parsed = Parsed {
        warnings: scan.warnings.into_iter().map(|(l, w)| (l + 1, w)).collect(),
        ..Parsed::default()
    };

    // Text before the first date line, other than month headers.
    let first_date = scan
        .marks
        .iter()
        .position(|m| matches!(m.kind, MarkKind::Date(_)));
    let first = first_date.unwrap_or(scan.marks.len());
    let mut region_from = body_start;
    for mark in scan.marks.iter().take(first) {
        warn_stray_text(text, region_from, mark.start, &mut parsed, PREFACE);
        region_from = mark.next;
    }
    let preface_end = scan.marks.get(first).map_or(bytes.len(), |m| m.start);
    warn_stray_text(text, region_from, preface_end, &mut parsed, PREFACE);

    for (i, mark) in scan.marks.iter().enumerate().skip(first) {
        let region_end = scan.marks.get(i + 1).map_or(bytes.len(), |m| m.start);
        match mark.kind {
            MarkKind::Month => warn_stray_text(
                text,
                mark.next,
                region_end,
                &mut parsed,
                "text after a month header, outside any article, is ignored",
            ),
            MarkKind::Date(date) => match first_non_blank(text, mark.next, region_end) {
                None => parsed.warnings.push((
                    mark.line + 1,
                    "date line without a headline; skipped".to_string(),
                )),
                Some((h_start, h_end, body_from)) => {
                    let headline = Span::new(h_start, h_end);
                    parsed.articles.push(Article {
                        id: article_id(date, headline.slice(text)),
                        date,
                        source,
                        line: mark.line + 1,
                        headline,
                        body: Span::new(body_from, region_end),
                    });
                }
            },
        }
    }
    parsed.warnings.sort_by_key(|w| w.0);
    parsed
}

fn warn_stray_text(text: &str, from: usize, to: usize, parsed: &mut Parsed, message: &str) {
    if let Some((start, _, _)) = first_non_blank(text, from, to) {
        parsed
            .warnings
            .push((line_number_at(text.as_bytes(), start), message.to_string()));
    }
}
