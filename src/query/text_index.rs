//! The inverted word index: every folded word of every headline and body -> the articles holding it.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::bits::Bits;
use super::fold;
use crate::digest::Digest;

/// Where one word's articles are kept: a sorted list, or a bitset once the
/// word is in more than 1/32 of the articles (then the bitset is smaller).
#[derive(Debug, Clone, Copy)]
pub(super) enum Posting {
    Sparse { start: u32, len: u32 },
    Dense { block: u32 },
}

/// One word's articles while building: a list until it is dense enough for a bitset.
enum Acc {
    Sparse(Vec<u32>),
    Dense(Bits),
}

impl Acc {
    fn extend(&mut self, list: &[u32], n: usize, dense_from: usize) {
        match self {
            Acc::Sparse(v) => {
                v.extend_from_slice(list);
                if v.len() >= dense_from {
                    let mut bits = Bits::none(n);
                    for &a in v.iter() {
                        bits.set(a);
                    }
                    *self = Acc::Dense(bits);
                }
            }
            Acc::Dense(bits) => list.iter().for_each(|&a| bits.set(a)),
        }
    }
}

/// The words of one chunk of articles (`first` is the chunk's first index).
fn index_chunk(
    digest: &Digest,
    chunk: &[crate::digest::Article],
    first: u32,
) -> FxHashMap<String, Vec<u32>> {
    let mut map: FxHashMap<String, Vec<u32>> = FxHashMap::default();
    for (k, article) in chunk.iter().enumerate() {
        let index = first + k as u32;
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
}

/// Words sorted, so a prefix is a contiguous run found by binary search.
pub struct TextIndex {
    pub(super) articles: u32,
    /// All words concatenated; word `i` is `words[ends[i-1]..ends[i]]`.
    pub(super) words: String,
    pub(super) ends: Vec<u32>,
    pub(super) postings: Vec<Posting>,
    pub(super) sparse: Vec<u32>,
    /// Dense bitsets, `words_per_block` u64s each.
    pub(super) dense: Vec<u64>,
}

/// Articles per parallel chunk: a few chunks per thread, so both cores stay
/// busy, but few enough that merging the chunk maps stays cheap.
fn chunk_size(n: usize) -> usize {
    (n / (rayon::current_num_threads() * 4)).clamp(256, 2048)
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

    /// Indexes every article's headline and body, in parallel. Chunks are
    /// indexed a batch at a time and merged at once, so the transient memory
    /// is a few chunks' lists, not the whole digest's.
    pub fn build(digest: &Digest) -> TextIndex {
        let n = digest.articles.len();
        let chunk_len = chunk_size(n);
        let dense_from = (n / 32).max(1);
        let chunks: Vec<&[crate::digest::Article]> = digest.articles.chunks(chunk_len).collect();
        let batch = rayon::current_num_threads().max(1);
        let mut all: FxHashMap<String, Acc> = FxHashMap::default();
        for (b, group) in chunks.chunks(batch).enumerate() {
            let maps: Vec<FxHashMap<String, Vec<u32>>> = group
                .par_iter()
                .enumerate()
                .map(|(i, chunk)| index_chunk(digest, chunk, ((b * batch + i) * chunk_len) as u32))
                .collect();
            // Batches and chunks are in article order, so appending keeps lists sorted.
            for map in maps {
                for (word, list) in map {
                    match all.get_mut(&word) {
                        Some(acc) => acc.extend(&list, n, dense_from),
                        None => {
                            let mut acc = Acc::Sparse(Vec::new());
                            acc.extend(&list, n, dense_from);
                            all.insert(word, acc);
                        }
                    }
                }
            }
        }
        let mut entries: Vec<(String, Acc)> = all.into_iter().collect();
        entries.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Self::pack(n, entries)
    }

    /// This index, of `digest`'s first `self.articles()` articles, with the rest of
    /// `digest`'s articles added: the index [`build`](Self::build) makes, to the byte,
    /// without reading the old articles again (the caller vouches that they are
    /// unchanged). Used when a reload only appended articles.
    pub fn extended(&self, digest: &Digest) -> TextIndex {
        let from = self.articles as usize;
        let n = digest.articles.len();
        let Some(new) = digest.articles.get(from..) else {
            return TextIndex::build(digest);
        };
        let dense_from = (n / 32).max(1);
        let chunk_len = chunk_size(new.len());
        let maps: Vec<FxHashMap<String, Vec<u32>>> = new
            .par_chunks(chunk_len)
            .enumerate()
            .map(|(i, chunk)| index_chunk(digest, chunk, (from + i * chunk_len) as u32))
            .collect();
        // Chunks are in article order, so appending keeps each list sorted.
        let mut added: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for map in maps {
            for (word, list) in map {
                added.entry(word).or_default().extend(list);
            }
        }
        let mut added: Vec<(String, Vec<u32>)> = added.into_iter().collect();
        added.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
        // What `build` decides at the end: a bitset once a word is in 1/32 of the articles.
        let acc = |list: Vec<u32>| {
            if list.len() >= dense_from {
                let mut bits = Bits::none(n);
                list.iter().for_each(|&a| bits.set(a));
                Acc::Dense(bits)
            } else {
                Acc::Sparse(list)
            }
        };
        let mut entries: Vec<(String, Acc)> = Vec::with_capacity(self.ends.len() + added.len());
        let mut added = added.into_iter().peekable();
        for i in 0..self.ends.len() {
            let word = self.word(i);
            while let Some((w, list)) = added.next_if(|(w, _)| w.as_str() < word) {
                entries.push((w, acc(list)));
            }
            let more = added
                .next_if(|(w, _)| w == word)
                .map(|(_, l)| l)
                .unwrap_or_default();
            let old = match self.postings.get(i) {
                Some(Posting::Dense { block }) => {
                    let w = Bits::words_for(from);
                    let s = *block as usize * w;
                    let bits = Bits::from_words(n, self.dense.get(s..s + w).unwrap_or(&[]));
                    if bits.count() + more.len() >= dense_from {
                        let mut bits = bits;
                        more.iter().for_each(|&a| bits.set(a));
                        entries.push((word.to_string(), Acc::Dense(bits)));
                        continue;
                    }
                    bits.to_vec()
                }
                Some(Posting::Sparse { start, len }) => {
                    let (s, l) = (*start as usize, *len as usize);
                    self.sparse.get(s..s + l).unwrap_or(&[]).to_vec()
                }
                None => Vec::new(),
            };
            let mut list = old;
            list.extend(more);
            entries.push((word.to_string(), acc(list)));
        }
        entries.extend(added.map(|(w, list)| (w, acc(list))));
        Self::pack(n, entries)
    }

    fn pack(n: usize, entries: Vec<(String, Acc)>) -> TextIndex {
        let block = Bits::words_for(n);
        let mut index = TextIndex {
            articles: n as u32,
            words: String::with_capacity(entries.iter().map(|e| e.0.len()).sum()),
            ends: Vec::with_capacity(entries.len()),
            postings: Vec::with_capacity(entries.len()),
            sparse: Vec::with_capacity(
                entries
                    .iter()
                    .map(|e| match &e.1 {
                        Acc::Sparse(v) => v.len(),
                        Acc::Dense(_) => 0,
                    })
                    .sum(),
            ),
            dense: Vec::new(),
        };
        for (word, acc) in entries {
            index.words.push_str(&word);
            index.ends.push(index.words.len() as u32);
            match acc {
                Acc::Dense(bits) => {
                    index.postings.push(Posting::Dense {
                        block: (index.dense.len() / block.max(1)) as u32,
                    });
                    index.dense.extend_from_slice(bits.as_words());
                }
                Acc::Sparse(list) => {
                    index.postings.push(Posting::Sparse {
                        start: index.sparse.len() as u32,
                        len: list.len() as u32,
                    });
                    index.sparse.extend_from_slice(&list);
                }
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
    pub(super) fn lower_bound(&self, key: &str) -> usize {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::Source;
    use crate::digest::load::build;
    use crate::digest::render::push_article;

    /// 1000 articles so that both sparse lists and dense bitsets occur.
    #[test]
    fn postings_match_a_naive_count() {
        let date = chrono::NaiveDate::from_ymd_opt(2019, 6, 24).unwrap();
        let mut text = String::new();
        for k in 0..1000 {
            let body = format!("Common words, mod{} and Über{}.", k % 7, k);
            push_article(&mut text, date, &format!("Headline w{k}"), [body.as_str()]);
        }
        let d = build(vec![Source::from_string("t.txt", text)], Vec::new()).digest;
        let index = TextIndex::build(&d);
        assert_eq!(index.articles(), 1000);
        let h = |k: u32| {
            d.articles
                .iter()
                .position(|a| d.headline(a) == format!("Headline w{k}"))
                .unwrap() as u32
        };
        assert_eq!(index.exact("w5").to_vec(), [h(5)]);
        assert_eq!(index.exact("uber12").to_vec(), [h(12)]);
        assert_eq!(index.exact("common").to_vec().len(), 1000);
        let mut mod3: Vec<u32> = (0..1000).filter(|k| k % 7 == 3).map(h).collect();
        mod3.sort();
        assert_eq!(index.exact("mod3").to_vec(), mod3);
        let mut w9: Vec<u32> = [9, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99]
            .into_iter()
            .chain(900..1000)
            .map(h)
            .collect();
        w9.sort();
        assert_eq!(index.prefix("w9").to_vec(), w9);
        assert!(index.prefix("zz").is_empty());
        assert!(index.exact("w").is_empty());
    }
}
