//! The filter language (issue 6): one parser and evaluator for the `/` bar, `--query` and the pickers.
//!
//! `parse` turns text into a [`Query`]; `Query::evaluate` answers it over the
//! whole digest with indexes (article dates are sorted, companies and read
//! state come from [`Facts`], words from a [`TextIndex`]); `Query::matches`
//! checks one article without any index.

mod bits;
mod eval;
pub mod fold;
pub mod history;
mod lexer;
pub mod parse;
pub mod text_index;
mod text_index_file;

use std::ops::Range;

pub use parse::{DateRange, Expr};
pub use text_index::TextIndex;

use crate::digest::Digest;

/// What the query needs to know that the digest does not hold: company tags
/// and read state. The reader implements it over the company index and the
/// read state; tests over fixed tables.
pub trait Facts {
    /// Sorted indices (into digest.articles) of the articles tagged with this company; name matched
    /// case-insensitively with aliases; None if no such company is known.
    fn company_articles(&self, name: &str) -> Option<&[u32]>;
    fn is_read(&self, article: u32) -> bool;
}

/// Knows no company and has read nothing: `company:` terms match no article,
/// `is:unread` every article.
pub struct NoFacts;

impl Facts for NoFacts {
    fn company_articles(&self, _name: &str) -> Option<&[u32]> {
        None
    }
    fn is_read(&self, _article: u32) -> bool {
        false
    }
}

/// A malformed query: what is wrong, and the 1-based column (in characters) where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("column {column}: {message}")]
pub struct QueryError {
    pub column: usize,
    pub message: String,
}

impl QueryError {
    pub fn new(column: usize, message: impl Into<String>) -> Self {
        QueryError {
            column,
            message: message.into(),
        }
    }
}

/// A parsed query. The empty query matches every article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    root: Option<Expr>,
}

pub fn parse(input: &str) -> Result<Query, QueryError> {
    Ok(Query {
        root: parse::parse_expr(input)?,
    })
}

impl Query {
    /// A query from a syntax tree (`None`: match everything).
    pub fn from_expr(root: Option<Expr>) -> Query {
        Query { root }
    }

    pub fn expr(&self) -> Option<&Expr> {
        self.root.as_ref()
    }

    pub fn is_empty(&self) -> bool {
        self.root.is_none()
    }

    /// Both queries must match (how `--company`, `--date` and `--unread`
    /// compose with `--query`, and picker choices with the typed filter).
    pub fn and(self, other: Query) -> Query {
        let root = match (self.root, other.root) {
            (None, x) | (x, None) => x,
            (Some(Expr::And(mut xs)), Some(Expr::And(ys))) => {
                xs.extend(ys);
                Some(Expr::And(xs))
            }
            (Some(Expr::And(mut xs)), Some(y)) => {
                xs.push(y);
                Some(Expr::And(xs))
            }
            (Some(x), Some(y)) => Some(Expr::And(vec![x, y])),
        };
        Query { root }
    }

    /// True if some term searches the text (and so wants the `TextIndex`).
    pub fn uses_text(&self) -> bool {
        self.uses(|e| matches!(e, Expr::Text { .. }))
    }

    pub fn uses_companies(&self) -> bool {
        self.uses(|e| matches!(e, Expr::Company(_)))
    }

    /// The company names the query asks for (`company:`, `@`), as typed, each once, in order.
    pub fn company_names(&self) -> Vec<&str> {
        fn walk<'a>(e: &'a Expr, out: &mut Vec<&'a str>) {
            match e {
                Expr::And(xs) | Expr::Or(xs) => xs.iter().for_each(|x| walk(x, out)),
                Expr::Not(x) => walk(x, out),
                Expr::Company(name) if !out.contains(&name.as_str()) => out.push(name),
                _ => {}
            }
        }
        let mut out = Vec::new();
        if let Some(root) = &self.root {
            walk(root, &mut out);
        }
        out
    }

    pub fn uses_read_state(&self) -> bool {
        self.uses(|e| matches!(e, Expr::Read(_)))
    }

    /// Whether any term of the query satisfies `is_term`.
    fn uses(&self, is_term: impl Fn(&Expr) -> bool + Copy) -> bool {
        fn walk(e: &Expr, is_term: impl Fn(&Expr) -> bool + Copy) -> bool {
            match e {
                Expr::And(xs) | Expr::Or(xs) => xs.iter().any(|x| walk(x, is_term)),
                Expr::Not(x) => walk(x, is_term),
                term => is_term(term),
            }
        }
        self.root.as_ref().is_some_and(|r| walk(r, is_term))
    }

    /// The sorted indices of the matching articles. If `text` does not cover
    /// this digest (e.g. `TextIndex::empty()` while the real one is being
    /// built), text terms are answered by a parallel scan instead.
    pub fn evaluate(&self, digest: &Digest, facts: &dyn Facts, text: &TextIndex) -> Vec<u32> {
        let n = digest.articles.len();
        let Some(root) = &self.root else {
            return (0..n as u32).collect();
        };
        let ctx = eval::Ctx {
            digest,
            facts,
            text: (text.articles() == n).then_some(text),
        };
        ctx.eval(root).to_vec()
    }

    /// Whether one article matches; folds its text at most once, no index needed.
    pub fn matches(&self, digest: &Digest, facts: &dyn Facts, article: u32) -> bool {
        match &self.root {
            None => (article as usize) < digest.articles.len(),
            Some(root) => {
                (article as usize) < digest.articles.len()
                    && eval::matches_one(digest, facts, article, root)
            }
        }
    }

    /// Positive (not excluded) words and phrases, folded, phrase words joined
    /// by a space: what `find_highlights` should mark in the article view.
    pub fn highlight_words(&self) -> Vec<String> {
        fn walk(e: &Expr, negated: bool, out: &mut Vec<String>) {
            match e {
                Expr::And(xs) | Expr::Or(xs) => xs.iter().for_each(|x| walk(x, negated, out)),
                Expr::Not(x) => walk(x, !negated, out),
                Expr::Text { words, .. } if !negated => {
                    let w = words.join(" ");
                    if !out.contains(&w) {
                        out.push(w);
                    }
                }
                _ => {}
            }
        }
        let mut out = Vec::new();
        if let Some(root) = &self.root {
            walk(root, false, &mut out);
        }
        out
    }
}

impl std::fmt::Display for Query {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.root {
            Some(e) => write!(f, "{e}"),
            None => write!(f, "(all)"),
        }
    }
}

/// Byte ranges in `text` (as displayed, unfolded) to highlight: for a single
/// word, the part of each text word it is a folded prefix of ("Cloud" in
/// "Cloudflare"); for a phrase, from its first word to its last. Sorted,
/// overlaps merged.
pub fn find_highlights(text: &str, words: &[String]) -> Vec<Range<usize>> {
    let mut tokens: Vec<(Range<usize>, String)> = Vec::new();
    fold::for_each_word(text, |r, w| tokens.push((r, w.to_string())));
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for needle in words {
        let parts = fold::words(needle);
        match parts.as_slice() {
            [] => {}
            [one] => {
                for (r, w) in &tokens {
                    if w.starts_with(one.as_str()) {
                        ranges.push(r.start..prefix_end(text, r.clone(), one.len()));
                    }
                }
            }
            many => {
                let Some((last_part, _)) = many.split_last() else {
                    continue;
                };
                for window in tokens.windows(many.len()) {
                    let (Some(first), Some(last)) = (window.first(), window.last()) else {
                        continue;
                    };
                    // Whole words, then the last as a prefix (a bare `pre-school`).
                    let same = window.iter().zip(many).enumerate().all(|(k, ((_, w), p))| {
                        if k + 1 == many.len() {
                            w.starts_with(p.as_str())
                        } else {
                            w == p
                        }
                    });
                    let span = first.0.start..prefix_end(text, last.0.clone(), last_part.len());
                    // Only inside one line, as in matching.
                    if same && !text.get(span.clone()).unwrap_or("\n").contains('\n') {
                        ranges.push(span);
                    }
                }
            }
        }
    }
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// End (byte offset) of the shortest start of `word` whose folded form is at
/// least `folded_len` bytes long.
fn prefix_end(text: &str, word: Range<usize>, folded_len: usize) -> usize {
    let mut folded = String::new();
    let slice = text.get(word.clone()).unwrap_or("");
    for (i, c) in slice.char_indices() {
        fold::fold_char(c, &mut folded);
        if folded.len() >= folded_len {
            return word.start + i + c.len_utf8();
        }
    }
    word.end
}
