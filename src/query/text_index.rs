//! The inverted word index: every folded word of every headline and body -> the articles holding it.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::bits::Bits;
use super::fold;
use crate::digest::Digest;

/// Where one word's articles are kept: a sorted list, or a bitset once the
/// word is in more than 1/32 of the articles (then the bitset is smaller).
#[derive(Debug, Clone, Copy)]
enum Posting {
    Sparse { start: u32, len: u32 },
    Dense { block: u32 },
}

/// Words sorted, so a prefix is a contiguous run found by binary search.
pub struct TextIndex {
    articles: u32,
    /// All words concatenated; word `i` is `words[ends[i-1]..ends[i]]`.
    words: String,
    ends: Vec<u32>,
    postings: Vec<Posting>,
    sparse: Vec<u32>,
    /// Dense bitsets, `words_per_block` u64s each.
    dense: Vec<u64>,
}

/// Articles per parallel chunk: a few chunks per thread, so both cores stay
/// busy, but few enough that merging the chunk maps stays cheap.
fn chunk_size(n: usize) -> usize {
    (n / (rayon::current_num_threads() * 4)).clamp(256, 8192)
}

impl TextIndex {
    /// An index over nothing: `Query::evaluate` then answers text terms by
    /// scanning (useful while the real index is still being built).
    pub fn empty() -> TextIndex {
        TextIndex {
            articles: 0,
            words: String::new(),
            ends: Vec::new(),
            postings: Vec::new(),
            sparse: Vec::new(),
            dense: Vec::new(),
        }
    }

    /// Indexes every article's headline and body, in parallel.
    pub fn build(digest: &Digest) -> TextIndex {
        let n = digest.articles.len();
        let chunk_len = chunk_size(n);
        let chunks: Vec<FxHashMap<String, Vec<u32>>> = digest
            .articles
            .par_chunks(chunk_len)
            .enumerate()
            .map(|(c, chunk)| {
                let mut map: FxHashMap<String, Vec<u32>> = FxHashMap::default();
                for (k, article) in chunk.iter().enumerate() {
                    let index = (c * chunk_len + k) as u32;
                    let mut add = |_: std::ops::Range<usize>, w: &str| match map.get_mut(w) {
                        Some(list) => {
                            if list.last() != Some(&index) {
                                list.push(index);
                            }
                        }
                        None => {
                            map.insert(w.to_string(), vec![index]);
                        }
                    };
                    fold::for_each_word(digest.headline(article), &mut add);
                    fold::for_each_word(digest.body(article), &mut add);
                }
                map
            })
            .collect();
        // Chunks are in article order, so appending keeps every list sorted.
        let mut chunks = chunks.into_iter();
        let mut all = chunks.next().unwrap_or_default();
        for map in chunks {
            for (word, list) in map {
                all.entry(word).or_default().extend(list);
            }
        }
        let mut entries: Vec<(String, Vec<u32>)> = all.into_iter().collect();
        entries.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Self::pack(n, entries)
    }

    fn pack(n: usize, entries: Vec<(String, Vec<u32>)>) -> TextIndex {
        let block = Bits::words_for(n);
        let dense_from = (n / 32).max(1);
        let mut index = TextIndex {
            articles: n as u32,
            words: String::with_capacity(entries.iter().map(|e| e.0.len()).sum()),
            ends: Vec::with_capacity(entries.len()),
            postings: Vec::with_capacity(entries.len()),
            sparse: Vec::with_capacity(
                entries
                    .iter()
                    .filter(|e| e.1.len() < dense_from)
                    .map(|e| e.1.len())
                    .sum(),
            ),
            dense: Vec::new(),
        };
        for (word, list) in entries {
            index.words.push_str(&word);
            index.ends.push(index.words.len() as u32);
            if list.len() >= dense_from {
                let mut bits = Bits::none(n);
                for &a in &list {
                    bits.set(a);
                }
                index.postings.push(Posting::Dense {
                    block: (index.dense.len() / block.max(1)) as u32,
                });
                index.dense.extend_from_slice(bits.as_words());
            } else {
                index.postings.push(Posting::Sparse {
                    start: index.sparse.len() as u32,
                    len: list.len() as u32,
                });
                index.sparse.extend_from_slice(&list);
            }
        }
        index.dense.shrink_to_fit();
        index
    }

    /// How many articles this index covers.
    pub fn articles(&self) -> usize {
        self.articles as usize
    }

    /// Distinct folded words.
    pub fn vocabulary(&self) -> usize {
        self.ends.len()
    }

    /// Heap memory held, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.words.capacity()
            + self.ends.capacity() * 4
            + self.postings.capacity() * std::mem::size_of::<Posting>()
            + self.sparse.capacity() * 4
            + self.dense.capacity() * 8
    }

    fn word(&self, i: usize) -> &str {
        let start = if i == 0 {
            0
        } else {
            self.ends.get(i - 1).copied().unwrap_or(0) as usize
        };
        let end = self.ends.get(i).copied().unwrap_or(0) as usize;
        self.words.get(start..end).unwrap_or("")
    }

    /// First word index `>= key`.
    fn lower_bound(&self, key: &str) -> usize {
        let (mut lo, mut hi) = (0, self.ends.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.word(mid) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    fn add_posting(&self, i: usize, into: &mut Bits) {
        match self.postings.get(i) {
            Some(Posting::Sparse { start, len }) => {
                let (s, l) = (*start as usize, *len as usize);
                for &a in self.sparse.get(s..s + l).unwrap_or(&[]) {
                    into.set(a);
                }
            }
            Some(Posting::Dense { block }) => {
                let w = Bits::words_for(self.articles as usize);
                let s = *block as usize * w;
                if let Some(words) = self.dense.get(s..s + w) {
                    into.or_words(words);
                }
            }
            None => {}
        }
    }

    /// Articles holding `word` exactly (folded form expected).
    pub(crate) fn exact(&self, word: &str) -> Bits {
        let mut bits = Bits::none(self.articles as usize);
        let i = self.lower_bound(word);
        if i < self.ends.len() && self.word(i) == word {
            self.add_posting(i, &mut bits);
        }
        bits
    }

    /// Articles holding a word that starts with `prefix` (folded form expected).
    pub(crate) fn prefix(&self, prefix: &str) -> Bits {
        let mut bits = Bits::none(self.articles as usize);
        let mut i = self.lower_bound(prefix);
        while i < self.ends.len() && self.word(i).starts_with(prefix) {
            self.add_posting(i, &mut bits);
            i += 1;
        }
        bits
    }
}
