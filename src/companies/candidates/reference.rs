//! The scan loop as it was before its tuning, kept as the tests' reference: the tuned
//! [`scan`](super::scan) must give the same words and runs for every text.

use super::*;

/// Scans `text` into capitalised words and runs, replacing the buffers' contents.
pub fn scan(text: &str, words: &mut Vec<Word>, runs: &mut Vec<Run>) {
    words.clear();
    runs.clear();
    let b = text.as_bytes();
    let mut i = 0;
    // Where scanning resumed after the last capitalised word, and whether a run may go on from it.
    let mut last_end = 0;
    let mut joinable = false;
    loop {
        i = next_interesting_swar(b, i);
        let Some(&c) = b.get(i) else { break };
        let start = if c < 0x80 {
            if !word_char_before(text, i) {
                // "7-Eleven": digits and a hyphen may open a name.
                if i > 0 && b[i - 1] == b'-' {
                    digit_start(text, i).unwrap_or(i)
                } else {
                    i
                }
            } else if let Some(k) = (1..=CAMEL_LOWER.min(i))
                .take_while(|&n| b[i - n].is_ascii_lowercase())
                .last()
                .map(|n| i - n)
                .filter(|&k| !word_char_before(text, k))
            {
                // iZettle, eBay, easyJet: lower-case letters then a capital start a name too.
                k
            } else if let Some(k) = digit_start(text, i) {
                // 3M, 21Shares, 23andMe.
                k
            } else {
                // A capital inside a word ("McDonald" is consumed whole; "macOS", "3D").
                i = skip_word(text, i);
                continue;
            }
        } else if is_punctuation_at(b, i) {
            // Curly quotes and dashes, frequent in news: skipped without decoding.
            i += 3;
            continue;
        } else {
            match char_at(text, i) {
                Some(ch) if is_word_char(ch) => {
                    if ch.is_uppercase() && !word_char_before(text, i) {
                        i
                    } else {
                        i = skip_word(text, i);
                        continue;
                    }
                }
                Some(ch) => {
                    i += ch.len_utf8();
                    continue;
                }
                None => {
                    i += 1;
                    continue;
                }
            }
        };
        let joiner = if joinable && words.last().is_some() {
            gap_joiner(b, last_end, start)
        } else {
            None
        };
        let word = scan_capital(text, start);
        let w = Word {
            start: start as u32,
            end: word.end as u32,
            poss_end: word.poss_end as u32,
            possessive: word.possessive,
            suffix: word.suffix,
            joiner: joiner.unwrap_or(Joiner::Start),
        };
        match (joiner, runs.last_mut()) {
            (Some(_), Some(run)) => run.words.end = words.len() + 1,
            _ => runs.push(Run {
                words: words.len()..words.len() + 1,
                floor: if words.is_empty() { 0 } else { last_end },
            }),
        }
        words.push(w);
        // A possessive or a suffix ends the run ("Facebook’s Clegg", "Walmart-owned Flipkart").
        joinable = !word.possessive && word.suffix == Suffix::None;
        i = word.next.max(start + 1);
        last_end = i;
    }
}
