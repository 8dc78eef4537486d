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
///
/// Only lines whose first byte could start a date line or a month header
/// (`0-9`, space, tab, `M`; see [`classify_line`]) are looked at further.
/// (Finding those with SSE2 bit masks instead of a `memchr` per line was
/// measured: no faster here, so the plain loop stays.)
/// Blank lines, half of all lines, are stepped over without a search.
fn scan_chunk(text: &[u8], from: usize, to: usize, check_utf8: bool) -> Option<Scan> {
    let chunk = &text[from..to];
    if check_utf8 && simdutf8::basic::from_utf8(chunk).is_err() {
        return None;
    }
    let mut scan = Scan::default();
    let mut start = from;
    while start < to {
        let line = scan.lines;
        scan.lines += 1;
        start = match text.get(start) {
            // A blank line (every other line of a digest): no search needed.
            Some(b'\n') => start + 1,
            Some(b'0'..=b'9' | b' ' | b'\t' | b'M') => {
                look_at_line(text, start, to, line, &mut scan)
            }
            _ => memchr::memchr(b'\n', &text[start..to]).map_or(to, |i| start + i + 1),
        };
    }
    Some(scan)
}

/// Lines at least this long are paragraphs unless their start says otherwise.
const LONG_LINE: usize = 64;

/// Whether a line whose first `LONG_LINE` bytes are `head` (no `\n` among
/// them) could still classify as anything but text. Most candidate lines are
/// paragraphs that merely start with a digit or `M`; this spares finding
/// their end. It must never say no to a line [`classify_line`] would mark.
fn long_line_can_mark(head: &[u8]) -> bool {
    let t = head.trim_ascii_start();
    match t.first() {
        // All blank so far, or too little left to judge: look at the whole line.
        None => true,
        _ if t.len() <= 11 || t.starts_with(b"Month:") => true,
        // A date line, real or not, is at most 11 bytes then only whitespace.
        Some(b'0'..=b'9') => t
            .get(11..)
            .is_some_and(|rest| rest.iter().all(u8::is_ascii_whitespace)),
        // `M` not followed by `Month:`, or after leading blanks any other byte.
        _ => false,
    }
}

/// Classifies the line starting at `start` (0-based `line`), records it if it
/// matters, and returns where the next line starts.
fn look_at_line(text: &[u8], start: usize, to: usize, line: u32, scan: &mut Scan) -> usize {
    let head = &text[start..to.min(start + LONG_LINE)];
    let line_end = |from: usize| memchr::memchr(b'\n', &text[from..to]).map_or(to, |i| from + i);
    let end = match memchr::memchr(b'\n', head) {
        Some(i) => start + i,
        None if head.len() == LONG_LINE && !long_line_can_mark(head) => {
            let end = line_end(start + LONG_LINE);
            return if end < to { end + 1 } else { to };
        }
        None => line_end(start),
    };
    let next = if end < to { end + 1 } else { to };
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
    next
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
    let mut previous = None;
    for mark in scan.marks.iter().take(first) {
        warn_preface(text, region_from, mark.start, previous, &mut parsed);
        region_from = mark.next;
        previous = Some(mark);
    }
    let preface_end = scan.marks.get(first).map_or(bytes.len(), |m| m.start);
    warn_preface(text, region_from, preface_end, previous, &mut parsed);

    // Each mark's region is independent of the others: cut them on all cores
    // when there are many (the headline lookups touch memory far apart).
    let cut_one = |i: usize| cut_region(text, &scan.marks, i, source);
    let cuts: Vec<Cut> = if scan.marks.len() - first >= PARALLEL_MARKS {
        (first..scan.marks.len())
            .into_par_iter()
            .map(cut_one)
            .collect()
    } else {
        (first..scan.marks.len()).map(cut_one).collect()
    };
    parsed.articles.reserve(cuts.len());
    for cut in cuts {
        match cut {
            Cut::Article(article) => parsed.articles.push(article),
            Cut::Warning(line, message) => parsed.warnings.push((line, message.to_string())),
            Cut::Nothing => {}
        }
    }
    parsed.warnings.sort_by_key(|w| w.0);
    parsed
}

/// Files with at least this many marks have their articles cut in parallel.
const PARALLEL_MARKS: usize = 4096;

/// What one mark's region yields.
enum Cut {
    Article(Article),
    Warning(u32, &'static str),
    Nothing,
}

/// Cuts the region of `marks[i]`: up to the next mark or the end of the text.
fn cut_region(text: &str, marks: &[Mark], i: usize, source: u32) -> Cut {
    let Some(mark) = marks.get(i) else {
        return Cut::Nothing;
    };
    let region_end = marks.get(i + 1).map_or(text.len(), |m| m.start);
    match mark.kind {
        MarkKind::Month => match first_non_blank(text, mark.next, region_end) {
            Some((start, _, _)) => Cut::Warning(
                line_after(text.as_bytes(), mark, start),
                "text after a month header, outside any article, is ignored",
            ),
            None => Cut::Nothing,
        },
        MarkKind::Date(date) => match first_non_blank(text, mark.next, region_end) {
            None => Cut::Warning(mark.line + 1, "date line without a headline; skipped"),
            Some((h_start, h_end, body_from)) => {
                let headline = Span::new(h_start, h_end);
                Cut::Article(Article {
                    id: article_id(date, headline.slice(text)),
                    date,
                    source,
                    line: mark.line + 1,
                    headline,
                    body: Span::new(body_from, region_end),
                })
            }
        },
    }
}

/// 1-based line of byte `pos`, counting from `mark` rather than from the top
/// of the file (which would make many such warnings quadratic).
fn line_after(bytes: &[u8], mark: &Mark, pos: usize) -> u32 {
    let between = bytes.get(mark.start..pos).unwrap_or_default();
    mark.line + 1 + memchr_iter(b'\n', between).count() as u32
}

/// Warns about text in `text[from..to]`, before the first date line;
/// `previous` is the month header just before it, if any.
fn warn_preface(text: &str, from: usize, to: usize, previous: Option<&Mark>, parsed: &mut Parsed) {
    if let Some((start, _, _)) = first_non_blank(text, from, to) {
        let bytes = text.as_bytes();
        let line = match previous {
            Some(mark) => line_after(bytes, mark, start),
            None => line_number_at(bytes, start),
        };
        parsed.warnings.push((line, PREFACE.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The scan by definition: every line classified, one by one.
    fn scan_line_by_line(text: &[u8]) -> Scan {
        let mut scan = Scan::default();
        let mut start = 0;
        while start < text.len() {
            let end = memchr::memchr(b'\n', &text[start..]).map_or(text.len(), |i| start + i);
            let next = (end + 1).min(text.len());
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
                LineKind::BadDate | LineKind::BadMonth => {
                    scan.warnings.push((line, String::new()));
                }
            }
            start = next;
        }
        scan
    }

    fn summary(scan: &Scan) -> (String, Vec<u32>, u32) {
        let lines = scan.warnings.iter().map(|w| w.0).collect();
        (format!("{:?}", scan.marks), lines, scan.lines)
    }

    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just("24 Jun 2019".to_string()),
            Just("31 Feb 2019".to_string()),
            Just("Month: June 2019".to_string()),
            Just("Month: Jine 2019".to_string()),
            Just("Mark Smith said the deal was done.".to_string()),
            (0usize..80, 0usize..80).prop_map(|(a, b)| format!(
                "{}3 Mar 2021{}",
                " ".repeat(a),
                " \t".repeat(b / 2)
            )),
            (0usize..80).prop_map(|a| format!(
                "{}Month: March 2021{}",
                "\t".repeat(a),
                " ".repeat(a)
            )),
            (0usize..90).prop_map(|n| format!("66 employees{}", "x".repeat(n))),
            (0usize..90).prop_map(|n| format!("Month:{}", "y".repeat(n))),
            "[ -~]{0,140}",
            "[0-9M \t][ -~é’]{0,100}",
        ]
    }

    proptest! {
        // No regression files: the repository's top level stays as it is.
        #![proptest_config(ProptestConfig {
            cases: 512,
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        #[test]
        fn chunk_scan_finds_what_a_line_by_line_scan_finds(
            lines in proptest::collection::vec(line(), 0..120),
            crlf in any::<bool>(),
            trailing_newline in any::<bool>(),
        ) {
            let mut text = lines.join(if crlf { "\r\n" } else { "\n" });
            if trailing_newline {
                text.push('\n');
            }
            let bytes = text.as_bytes();
            let fast = scan_chunk(bytes, 0, bytes.len(), true).unwrap();
            prop_assert_eq!(summary(&fast), summary(&scan_line_by_line(bytes)));
        }
    }

    #[test]
    fn many_articles_are_cut_in_parallel_with_exact_lines_and_warnings() {
        let n = PARALLEL_MARKS + 1000;
        let mut text = String::new();
        let mut expected_lines = Vec::new();
        let mut line = 1;
        for i in 0..n {
            if i == 3000 {
                text.push_str("Month: June 2019\nstray text\n");
                line += 2;
            }
            text.push_str(&format!("24 Jun 2019\n\nHeadline {i}\n\nBody {i}.\n\n"));
            expected_lines.push(line);
            line += 6;
        }
        text.push_str("25 Jun 2019\n");
        let parsed = parse(&text, 0);
        let lines: Vec<u32> = parsed.articles.iter().map(|a| a.line).collect();
        assert_eq!(lines, expected_lines);
        let last = parsed.articles.last().unwrap();
        assert_eq!(last.headline.slice(&text), format!("Headline {}", n - 1));
        let stray_line = expected_lines[3000] - 1;
        let warnings: Vec<u32> = parsed.warnings.iter().map(|w| w.0).collect();
        assert_eq!(warnings, [stray_line, line]);
        assert!(parsed.warnings[0].1.contains("after a month header"));
        assert!(parsed.warnings[1].1.contains("without a headline"));
    }

    #[test]
    fn a_chunk_of_bad_utf8_stops_the_checked_scan_only() {
        let bytes = b"24 Jun 2019\nHead\n\xff\n";
        assert!(scan_chunk(bytes, 0, bytes.len(), true).is_none());
        assert_eq!(
            scan_chunk(bytes, 0, bytes.len(), false)
                .unwrap()
                .marks
                .len(),
            1
        );
    }
}
