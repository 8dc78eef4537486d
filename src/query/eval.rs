//! Answering a query: over the whole digest with indexes (bitsets), or for one article by scanning it.

use std::cell::OnceCell;

use memchr::memmem;
use rayon::prelude::*;

use super::Facts;
use super::bits::Bits;
use super::fold;
use super::parse::{DateRange, Expr};
use super::text_index::TextIndex;
use crate::digest::Digest;

pub(crate) struct Ctx<'a> {
    pub digest: &'a Digest,
    pub facts: &'a dyn Facts,
    /// `None` when the index does not cover this digest: text terms are scanned.
    pub text: Option<&'a TextIndex>,
}

impl Ctx<'_> {
    fn n(&self) -> usize {
        self.digest.articles.len()
    }

    pub fn eval(&self, expr: &Expr) -> Bits {
        self.eval_within(expr, None)
    }

    /// `within`: only these articles can matter (the caller ANDs the result
    /// with them), so phrase verification may skip the rest.
    fn eval_within(&self, expr: &Expr, within: Option<&Bits>) -> Bits {
        match expr {
            Expr::And(xs) => {
                let mut acc = within.cloned().unwrap_or_else(|| Bits::all(self.n()));
                // Phrases last: they scan text, so they should see the fewest candidates.
                let (slow, fast): (Vec<&Expr>, Vec<&Expr>) = xs.iter().partition(|x| is_phrase(x));
                for x in fast.into_iter().chain(slow) {
                    if acc.is_empty() {
                        break;
                    }
                    let b = self.eval_within(x, Some(&acc));
                    acc.and(&b);
                }
                acc
            }
            Expr::Text { words, prefix } if words.len() > 1 || self.text.is_none() => {
                self.text(words, *prefix, within)
            }
            Expr::Or(xs) => {
                let mut acc = Bits::none(self.n());
                for x in xs {
                    acc.or(&self.eval(x));
                }
                acc
            }
            Expr::Not(x) => {
                let mut b = self.eval(x);
                b.not();
                b
            }
            Expr::Company(name) => {
                let mut b = Bits::none(self.n());
                for &a in self.facts.company_articles(name).unwrap_or(&[]) {
                    b.set(a);
                }
                b
            }
            Expr::Date(range) => {
                let mut b = Bits::none(self.n());
                let (start, end) = date_bounds(self.digest, range);
                b.set_range(start, end);
                b
            }
            Expr::Read(want) => {
                let mut b = Bits::none(self.n());
                for a in 0..self.n() as u32 {
                    if self.facts.is_read(a) == *want {
                        b.set(a);
                    }
                }
                b
            }
            Expr::Text { words, prefix } => self.text(words, *prefix, None),
        }
    }

    fn text(&self, words: &[String], prefix: bool, within: Option<&Bits>) -> Bits {
        let n = self.n();
        let Some(index) = self.text else {
            let all = within.cloned().unwrap_or_else(|| Bits::all(n));
            return self.scan_text(words, prefix, all);
        };
        let Some((last, rest)) = words.split_last() else {
            return Bits::all(n);
        };
        let mut candidates = if prefix {
            index.prefix(last)
        } else {
            index.exact(last)
        };
        for w in rest {
            if candidates.is_empty() {
                break;
            }
            candidates.and(&index.exact(w));
        }
        if let Some(w) = within {
            candidates.and(w);
        }
        if rest.is_empty() {
            candidates
        } else {
            // The index knows which articles hold the words, not in what order.
            self.scan_text(words, prefix, candidates)
        }
    }

    /// The candidates whose folded text holds the words in sequence.
    fn scan_text(&self, words: &[String], prefix: bool, candidates: Bits) -> Bits {
        let pattern = fold::stream_pattern(words, prefix);
        let finder = memmem::Finder::new(pattern.as_bytes());
        let probe = Probe::new(words);
        let list = candidates.to_vec();
        let hits: Vec<u32> = list
            .par_iter()
            .copied()
            .filter(|&a| contains_sequence(self.digest, a, &finder, &probe))
            .collect();
        let mut b = Bits::none(self.n());
        for a in hits {
            b.set(a);
        }
        b
    }
}

/// Terms answered by scanning article text even with an index.
fn is_phrase(e: &Expr) -> bool {
    matches!(e, Expr::Text { words, .. } if words.len() > 1)
}

/// The article's headline and paragraphs, folded (see `fold::folded_stream`).
pub(crate) fn article_stream(digest: &Digest, article: u32) -> String {
    match digest.articles.get(article as usize) {
        Some(a) => {
            fold::folded_stream(std::iter::once(digest.headline(a)).chain(digest.paragraphs(a)))
        }
        None => String::new(),
    }
}

/// Whether one line of the article holds the pattern; stops at the first
/// line that does, so true hits (most candidates) cost less than a full fold.
fn contains_sequence(
    digest: &Digest,
    article: u32,
    finder: &memmem::Finder<'_>,
    probe: &Probe,
) -> bool {
    let Some(a) = digest.articles.get(article as usize) else {
        return false;
    };
    let mut line = String::with_capacity(256);
    let mut lower = Vec::with_capacity(256);
    std::iter::once(digest.headline(a))
        .chain(digest.paragraphs(a))
        .any(|text| {
            if !ascii_and_punctuation(text.as_bytes()) {
                line.clear();
                fold::push_folded_line(text, &mut line);
                return finder.find(line.as_bytes()).is_some();
            }
            if probe.rules_out(text, &mut lower) {
                return false;
            }
            lower.clear();
            push_folded_plain_line(text.as_bytes(), &mut lower);
            finder.find(&lower).is_some()
        })
}

/// [`fold::push_folded_line`] for a line of ASCII and General Punctuation (see
/// [`ascii_and_punctuation`]), a byte at a time: its words are its runs of ASCII letters
/// and digits, lower-cased, and everything else separates them.
fn push_folded_plain_line(b: &[u8], out: &mut Vec<u8>) {
    out.push(b' ');
    let mut in_word = false;
    for &c in b {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            in_word = true;
        } else if in_word {
            out.push(b' ');
            in_word = false;
        }
    }
    if in_word {
        out.push(b' ');
    }
    out.push(b'\n');
}

/// A quick test that a line cannot hold a phrase, before it is folded word by word (the
/// slow part of a phrase filter). A line of ASCII and General Punctuation (U+2000..U+203F:
/// the curly quotes and dashes of news, none of them a word character) folds to its ASCII
/// words lower-cased: if it holds the phrase, its lower-cased bytes hold each of the
/// phrase's words. So such a line without the longest word is ruled out after one copy
/// and a `memmem`. Lines with other characters (accents) are always folded.
struct Probe {
    word: Option<memmem::Finder<'static>>,
}

impl Probe {
    fn new(words: &[String]) -> Probe {
        let word = words
            .iter()
            .max_by_key(|w| w.len())
            .filter(|w| !w.is_empty())
            .map(|w| memmem::Finder::new(w.as_bytes()).into_owned());
        Probe { word }
    }

    /// Whether `text`, a line of ASCII and General Punctuation, certainly does not hold
    /// the phrase; `lower` is scratch space.
    fn rules_out(&self, text: &str, lower: &mut Vec<u8>) -> bool {
        let Some(word) = &self.word else {
            return false;
        };
        lower.clear();
        lower.extend_from_slice(text.as_bytes());
        lower.make_ascii_lowercase();
        word.find(lower).is_none()
    }
}

/// Whether every byte of `b` is ASCII or part of a U+2000..U+203F character (`E2 80 xx`).
fn ascii_and_punctuation(b: &[u8]) -> bool {
    let mut i = 0;
    while let Some(k) = b
        .get(i..)
        .and_then(|rest| rest.iter().position(|&c| c >= 0x80))
    {
        let at = i + k;
        if b.get(at + 1) != Some(&0x80) || b.get(at) != Some(&0xE2) {
            return false;
        }
        i = at + 3;
    }
    true
}

/// `start..end` of the articles within the range: articles are sorted by date.
fn date_bounds(digest: &Digest, range: &DateRange) -> (usize, usize) {
    let start = match range.from {
        Some(f) => digest.articles.partition_point(|a| a.date < f),
        None => 0,
    };
    let end = match range.to {
        Some(t) => digest.articles.partition_point(|a| a.date <= t),
        None => digest.articles.len(),
    };
    (start, end.max(start))
}

/// One article against the tree, folding its text at most once.
pub(crate) fn matches_one(digest: &Digest, facts: &dyn Facts, article: u32, expr: &Expr) -> bool {
    let stream = OnceCell::new();
    matches_expr(digest, facts, article, expr, &stream)
}

fn matches_expr(
    digest: &Digest,
    facts: &dyn Facts,
    article: u32,
    expr: &Expr,
    stream: &OnceCell<String>,
) -> bool {
    let rec = |x: &Expr| matches_expr(digest, facts, article, x, stream);
    match expr {
        Expr::And(xs) => xs.iter().all(rec),
        Expr::Or(xs) => xs.iter().any(rec),
        Expr::Not(x) => !rec(x),
        Expr::Company(name) => facts
            .company_articles(name)
            .is_some_and(|list| list.binary_search(&article).is_ok()),
        Expr::Date(range) => digest
            .articles
            .get(article as usize)
            .is_some_and(|a| range.contains(a.date)),
        Expr::Read(want) => facts.is_read(article) == *want,
        Expr::Text { words, prefix } => {
            let s = stream.get_or_init(|| article_stream(digest, article));
            memmem::find(
                s.as_bytes(),
                fold::stream_pattern(words, *prefix).as_bytes(),
            )
            .is_some()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The probe only rules out lines that folding would rule out too.
    #[test]
    fn the_probe_never_rules_out_a_line_that_holds_the_phrase() {
        let lines = [
            "Samsung's SMART-Home hub",
            "a smart, home-grown idea",
            "smarthome is one word",
            "Smárt home, with an accent",
            "the smart homes of 2019",
            "nothing here",
            "SMART HOME",
            "",
            "smart\u{301} home (combining mark)",
            "“Smart home” — says who",
            "“Smárt home” — with an accent",
            "the “smart” home",
            "—smart—home—",
        ];
        let phrases: [(&[&str], bool); 5] = [
            (&["smart", "home"], false),
            (&["smart", "home"], true),
            (&["smart", "ho"], true),
            (&["home"], false),
            (&["2019"], false),
        ];
        let mut lower = Vec::new();
        for (words, prefix) in phrases {
            let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            let pattern = fold::stream_pattern(&words, prefix);
            let probe = Probe::new(&words);
            for line in lines {
                let mut folded = String::new();
                fold::push_folded_line(line, &mut folded);
                let holds = folded.contains(&pattern);
                if ascii_and_punctuation(line.as_bytes()) && probe.rules_out(line, &mut lower) {
                    assert!(!holds, "{line:?} ruled out for {words:?} but holds it");
                }
            }
            // And it does rule out an ASCII line without the words.
            assert!(probe.rules_out("nothing here", &mut lower));
        }
    }

    proptest::proptest! {
        /// The byte-at-a-time fold of a plain line is the fold.
        #[test]
        fn plain_lines_fold_as_every_line_does(line in "[a-zA-Z0-9 .,'\u{2000}-\u{203F}-]{0,40}") {
            proptest::prop_assert!(ascii_and_punctuation(line.as_bytes()));
            let mut want = String::new();
            fold::push_folded_line(&line, &mut want);
            let mut got = Vec::new();
            push_folded_plain_line(line.as_bytes(), &mut got);
            proptest::prop_assert_eq!(got, want.into_bytes());
        }
    }

    #[test]
    fn accents_and_other_scripts_are_not_plain() {
        assert!(ascii_and_punctuation("“Quotes” — and dashes’".as_bytes()));
        for line in ["café", "smart\u{301}", "東京", "€5", "a\u{2070}"] {
            assert!(!ascii_and_punctuation(line.as_bytes()), "{line}");
        }
    }
}
