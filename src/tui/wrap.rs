//! Word wrapping and truncation by display width (CJK and emoji take two columns),
//! never splitting a grapheme.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Splits `text` into lines of at most `width` columns, breaking at spaces where it
/// can and between graphemes where a word is wider than the line. Returns byte ranges.
pub fn wrap(text: &str, width: u16) -> Vec<Range<usize>> {
    let width = usize::from(width.max(1));
    let mut lines = Vec::new();
    let mut line_start: Option<usize> = None;
    let mut line_end = 0;
    let mut line_width = 0;
    for (start, word) in words(text) {
        let w = word.width();
        if let Some(ls) = line_start {
            if line_width + 1 + w <= width {
                line_end = start + word.len();
                line_width += 1 + w;
                continue;
            }
            lines.push(ls..line_end);
        }
        if w <= width {
            line_start = Some(start);
            line_end = start + word.len();
            line_width = w;
            continue;
        }
        // A word wider than the line: cut it between graphemes.
        let mut chunk_start = start;
        let mut chunk_width = 0;
        for (offset, g) in word.grapheme_indices(true) {
            let gw = g.width();
            if chunk_width + gw > width && chunk_width > 0 {
                lines.push(chunk_start..start + offset);
                chunk_start = start + offset;
                chunk_width = 0;
            }
            chunk_width += gw;
        }
        line_start = Some(chunk_start);
        line_end = start + word.len();
        line_width = chunk_width;
    }
    if let Some(ls) = line_start {
        lines.push(ls..line_end);
    }
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

/// Words separated by whitespace, with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace().map(move |w| {
        // split_whitespace yields subslices of `text`, so the offset is exact.
        (w.as_ptr() as usize - text.as_ptr() as usize, w)
    })
}

/// Truncates `text` to `width` columns, ending in `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let gw = g.width();
        if used + gw > width - 1 {
            break;
        }
        out.push_str(g);
        used += gw;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, width: u16) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            lines("the quick brown fox jumps", 10),
            ["the quick", "brown fox", "jumps"]
        );
    }

    #[test]
    fn long_words_are_cut_between_graphemes() {
        assert_eq!(lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        // e + combining acute stays together.
        let t = "e\u{301}e\u{301}e\u{301}";
        assert_eq!(lines(t, 2), ["e\u{301}e\u{301}", "e\u{301}"]);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let t = "日本語のテキスト";
        for l in lines(t, 5) {
            assert!(l.width() <= 5, "{l}");
        }
        assert_eq!(lines(t, 5), ["日本", "語の", "テキ", "スト"]);
    }

    #[test]
    fn no_line_overflows() {
        let t = "Samsung’s approach to the smart home has been — “uneven” seems like a nice way 🎉🎉 of putting it.";
        for w in 1..40 {
            for l in lines(t, w) {
                assert!(l.width() <= usize::from(w).max(2), "{w}: {l}");
            }
        }
    }

    #[test]
    fn truncates_with_an_ellipsis_by_width() {
        assert_eq!(truncate("hello world", 8), "hello w…");
        assert_eq!(truncate("hello", 8), "hello");
        assert_eq!(truncate("日本語日本語", 5), "日本…");
    }
}
