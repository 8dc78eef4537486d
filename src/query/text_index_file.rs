//! The word index on disk: a digest opened again (the same articles, in the same order)
//! gets its word index back in milliseconds instead of rebuilding it (~2.5 s at 150k).
//!
//! Keyed by the digest's article hashes (the company-index cache computes them) and
//! stamped with a hash of the code that builds the index, in a [`crate::cachefile`].
//! Payload, little-endian: articles, words, words_len, sparse, dense (u32 each), the
//! words' bytes, `ends` (u32), postings (two u32: start and length of a sparse list, or
//! `u32::MAX` and a dense block), sparse (u32), dense (u64). Decoding checks every
//! offset, so whatever a file says, lookups stay in bounds.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use xxhash_rust::xxh3::xxh3_64_with_seed;

use super::bits::Bits;
use super::text_index::{Posting, TextIndex};
use crate::cachefile::{self, Cursor};
use crate::digest::Digest;

const MAGIC: &[u8; 8] = b"GZWRD\0\0\x01";

/// What builds the index: its tokenizer, layout and this file.
const SOURCES: [&str; 4] = [
    include_str!("text_index.rs"),
    include_str!("text_index_file.rs"),
    include_str!("fold.rs"),
    include_str!("bits.rs"),
];

fn fingerprint() -> u64 {
    SOURCES
        .iter()
        .fold(0, |h, s| xxh3_64_with_seed(s.as_bytes(), h))
}

impl TextIndex {
    /// The index saved at `path` for the digest whose articles hash to `key`, if any.
    pub fn load(path: &Path, key: u128) -> Option<TextIndex> {
        decode(&cachefile::read(path, MAGIC, fingerprint(), key)?)
    }

    /// `digest`'s word index: read from `saved` (a file and the digest's key) when it
    /// holds this digest's, else built and, best effort, written there.
    pub fn load_or_build(digest: &Digest, saved: Option<(&Path, u128)>) -> TextIndex {
        if let Some(index) = saved.and_then(|(path, key)| TextIndex::load(path, key))
            && index.articles() == digest.articles.len()
        {
            return index;
        }
        let index = TextIndex::build(digest);
        if let Some((path, key)) = saved {
            let _ = index.save(path, key);
        }
        index
    }

    /// Saves the index for the digest whose articles hash to `key`.
    pub fn save(&self, path: &Path, key: u128) -> std::io::Result<()> {
        cachefile::write(path, MAGIC, fingerprint(), key, |out| {
            encode_into(self, out)
        })
    }
}

fn encode_into(index: &TextIndex, out: &mut dyn Write) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let counts = [
        index.articles,
        index.ends.len() as u32,
        index.words.len() as u32,
        index.sparse.len() as u32,
        index.dense.len() as u32,
    ];
    for n in counts {
        out.write_all(&n.to_le_bytes())?;
    }
    out.write_all(index.words.as_bytes())?;
    for end in &index.ends {
        out.write_all(&end.to_le_bytes())?;
    }
    for posting in &index.postings {
        let pair = match *posting {
            Posting::Sparse { start, len } => [start, len],
            Posting::Dense { block } => [u32::MAX, block],
        };
        for n in pair {
            out.write_all(&n.to_le_bytes())?;
        }
    }
    for article in &index.sparse {
        out.write_all(&article.to_le_bytes())?;
    }
    for word in &index.dense {
        out.write_all(&word.to_le_bytes())?;
    }
    out.flush()
}

#[cfg(test)]
fn encode(index: &TextIndex) -> Vec<u8> {
    let mut out = Vec::new();
    let _ = encode_into(index, &mut out);
    out
}

fn decode(bytes: &[u8]) -> Option<TextIndex> {
    let mut c = Cursor { bytes, at: 0 };
    let articles = c.u32()?;
    let n_words = c.u32()? as usize;
    let words_len = c.u32()? as usize;
    let n_sparse = c.u32()? as usize;
    let n_dense = c.u32()? as usize;
    let expected = 20usize
        .checked_add(words_len)?
        .checked_add(n_words.checked_mul(12)?)?
        .checked_add(n_sparse.checked_mul(4)?)?
        .checked_add(n_dense.checked_mul(8)?)?;
    if expected != bytes.len() {
        return None;
    }
    let words = std::str::from_utf8(bytes.get(c.take(words_len)?)?)
        .ok()?
        .to_string();
    let mut ends = Vec::with_capacity(n_words);
    let mut last = 0;
    for _ in 0..n_words {
        let end = c.u32()?;
        if end < last || !words.is_char_boundary(end as usize) {
            return None;
        }
        last = end;
        ends.push(end);
    }
    let block = Bits::words_for(articles as usize);
    let mut postings = Vec::with_capacity(n_words);
    for _ in 0..n_words {
        let (a, b) = (c.u32()?, c.u32()?);
        let posting = if a == u32::MAX {
            let end = (b as usize).checked_add(1)?.checked_mul(block)?;
            (end <= n_dense).then_some(Posting::Dense { block: b })?
        } else {
            let end = (a as usize).checked_add(b as usize)?;
            (end <= n_sparse).then_some(Posting::Sparse { start: a, len: b })?
        };
        postings.push(posting);
    }
    let mut sparse = Vec::with_capacity(n_sparse);
    for _ in 0..n_sparse {
        let article = c.u32()?;
        if article >= articles {
            return None;
        }
        sparse.push(article);
    }
    let mut dense = Vec::with_capacity(n_dense);
    for _ in 0..n_dense {
        dense.push(c.u64()?);
    }
    Some(TextIndex {
        articles,
        words,
        ends,
        postings,
        sparse,
        dense,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::{Source, generate, load::build};

    #[test]
    fn a_saved_index_answers_as_the_built_one() {
        // 1,000 articles: common words get dense bitsets, rare ones sparse lists.
        let text = generate::digest_text(1_000, 3);
        let d = build(vec![Source::from_string("t.txt", text)], Vec::new()).digest;
        let built = TextIndex::build(&d);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("words.idx");
        built.save(&path, 42).unwrap();
        let loaded = TextIndex::load(&path, 42).unwrap();
        assert!(
            TextIndex::load(&path, 43).is_none(),
            "another digest's index"
        );
        assert_eq!(loaded.vocabulary(), built.vocabulary());
        assert_eq!(encode(&loaded), encode(&built));
        for word in ["google", "the", "raised", "zzz", "amaz"] {
            assert_eq!(
                loaded.exact(word).to_vec(),
                built.exact(word).to_vec(),
                "{word}"
            );
            assert_eq!(
                loaded.prefix(word).to_vec(),
                built.prefix(word).to_vec(),
                "{word}"
            );
        }
        assert!(!built.exact("google").is_empty());
    }

    // `TextIndex::extended` is tested here because its promise is the same bytes as a
    // whole build, and this file's encoding is what shows the bytes.

    /// The digest `text` makes, cut to its first `k` articles (same source, same spans).
    fn prefix(text: &str, k: usize) -> crate::digest::Digest {
        let mut d = build(
            vec![Source::from_string("t.txt", text.to_string())],
            Vec::new(),
        )
        .digest;
        d.articles.truncate(k);
        d
    }

    #[test]
    fn an_index_extended_by_appended_articles_is_the_index_built_whole() {
        let text = generate::digest_text(1_000, 5);
        let whole = prefix(&text, 1_000);
        let expected = encode(&TextIndex::build(&whole));
        for k in [0, 1, 31, 500, 999, 1_000] {
            let old = TextIndex::build(&prefix(&text, k));
            assert_eq!(encode(&old.extended(&whole)), expected, "from {k}");
        }
    }

    #[test]
    fn a_word_that_gets_rarer_goes_back_from_bitset_to_list() {
        // "zebra" is in all of the first 100 articles (a bitset there), and in those
        // same 100 of 4,100 after the append: under 1/32, a list, as a whole build has it.
        let date = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let mut text = String::new();
        for k in 0..4_100 {
            let body = if k < 100 { "A zebra." } else { "A horse." };
            crate::digest::render::push_article(&mut text, date, &format!("H{k}"), [body]);
        }
        let whole = prefix(&text, 4_100);
        let old = TextIndex::build(&prefix(&text, 100));
        assert!(matches!(
            old.postings.get(old.lower_bound("zebra")),
            Some(Posting::Dense { .. })
        ));
        let extended = old.extended(&whole);
        assert_eq!(encode(&extended), encode(&TextIndex::build(&whole)));
        let zebra = extended.lower_bound("zebra");
        assert!(matches!(
            extended.postings.get(zebra),
            Some(Posting::Sparse { .. })
        ));
    }

    #[test]
    fn inconsistent_payloads_are_refused() {
        let text = generate::digest_text(200, 3);
        let d = build(vec![Source::from_string("t.txt", text)], Vec::new()).digest;
        let good = encode(&TextIndex::build(&d));
        assert!(decode(&good).is_some());
        // Any length cut, and the counts made to disagree with the bytes.
        for n in [0, 4, 19, 20, good.len() / 2, good.len() - 1] {
            assert!(decode(&good[..n]).is_none(), "cut at {n}");
        }
        let mut bad = good.clone();
        bad[4] = bad[4].wrapping_add(1); // one more word than the file holds
        assert!(decode(&bad).is_none());
    }
}
