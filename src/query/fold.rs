//! Case and accent folding, and the one tokenizer shared by the index, the scan and highlighting.

use std::ops::Range;

/// Base letters for U+0100..=U+017F (Latin Extended-A); `*` marks the two
/// ligatures handled before the table.
const LATIN_EXT_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkkllllllllllnnnnnnnnnoooooo**rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// True for characters that belong to a word. Combining marks count, so a
/// decomposed "é" (e + U+0301) stays one word; they fold to nothing.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Appends the folded form of `c`: lower case, Latin diacritics removed.
pub fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let base = match c {
        'À'..='Å' | 'à'..='å' => "a",
        'Æ' | 'æ' => "ae",
        'Ç' | 'ç' => "c",
        'È'..='Ë' | 'è'..='ë' => "e",
        'Ì'..='Ï' | 'ì'..='ï' => "i",
        'Ð' | 'ð' => "d",
        'Ñ' | 'ñ' => "n",
        'Ò'..='Ö' | 'Ø' | 'ò'..='ö' | 'ø' => "o",
        'Ù'..='Ü' | 'ù'..='ü' => "u",
        'Ý' | 'ý' | 'ÿ' => "y",
        'Þ' | 'þ' => "th",
        'ß' => "ss",
        'Ĳ' | 'ĳ' => "ij",
        'Œ' | 'œ' => "oe",
        '\u{0100}'..='\u{017F}' => {
            let i = c as usize - 0x100;
            if let Some(&b) = LATIN_EXT_A.get(i) {
                out.push(b as char);
            }
            return;
        }
        _ if is_combining_mark(c) => "",
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push_str(base);
}

/// The folded form of a whole string (every character, separators kept).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Calls `f` with each word's byte range in `text` and its folded form.
/// A word is a maximal run of letters, digits and combining marks; so
/// "Byju’s-owned" is three words: byju, s, owned.
pub fn for_each_word(text: &str, mut f: impl FnMut(Range<usize>, &str)) {
    let mut buf = String::with_capacity(32);
    let mut start: Option<usize> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII fast path: most digest text is ASCII.
        let (is_word, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (is_word_char(c), c.len_utf8())
        };
        if is_word {
            if start.is_none() {
                start = Some(i);
                buf.clear();
            }
            if b.is_ascii() {
                buf.push(b.to_ascii_lowercase() as char);
            } else if let Some(c) = text[i..].chars().next() {
                fold_char(c, &mut buf);
            }
        } else if let Some(s) = start.take()
            && !buf.is_empty()
        {
            f(s..i, &buf);
        }
        i += len;
    }
    if let Some(s) = start
        && !buf.is_empty()
    {
        f(s..bytes.len(), &buf);
    }
}

/// The folded words of `text`, in order.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |_, w| out.push(w.to_string()));
    out
}

/// Headline and paragraphs as one folded stream: every word is preceded and
/// followed by a space and every line ends in `\n`, so a word prefix is a
/// substring search for `" w"`, an exact word `" w "`, and a phrase never
/// runs across a line break.
pub fn folded_stream<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for line in lines {
        push_folded_line(line, &mut out);
    }
    out
}

/// Appends one line of `folded_stream`.
pub fn push_folded_line(line: &str, out: &mut String) {
    out.push(' ');
    for_each_word(line, |_, w| {
        out.push_str(w);
        out.push(' ');
    });
    out.push('\n');
}

/// The substring `folded_stream` output must contain for `words` to occur
/// there in sequence (the last one as a prefix when `prefix`).
pub fn stream_pattern(words: &[String], prefix: bool) -> String {
    let mut p = String::from(" ");
    p.push_str(&words.join(" "));
    if !prefix {
        p.push(' ');
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(
            fold("Pokémon CAFÉ Œuvre Straße Łódź"),
            "pokemon cafe oeuvre strasse lodz"
        );
        assert_eq!(fold("cafe\u{301}"), "cafe");
    }

    #[test]
    fn words_split_on_punctuation_and_keep_ranges() {
        let text = "Byju’s-owned Osmo, $300M «Café»";
        let mut seen = Vec::new();
        for_each_word(text, |r, w| seen.push((&text[r], w.to_string())));
        let folded: Vec<_> = seen.iter().map(|(_, w)| w.as_str()).collect();
        assert_eq!(folded, ["byju", "s", "owned", "osmo", "300m", "cafe"]);
        assert_eq!(seen[5].0, "Café");
    }

    #[test]
    fn stream_keeps_lines_apart() {
        let s = folded_stream(["Smart home", "Home run"]);
        assert_eq!(s, " smart home \n home run \n");
        assert!(s.contains(&stream_pattern(&["home".into(), "run".into()], false)));
        assert!(!s.contains(&stream_pattern(&["home".into(), "home".into()], false)));
    }
}
