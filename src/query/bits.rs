//! A fixed-size bitset over article indices: the currency of query evaluation.

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Bits {
    len: usize,
    words: Vec<u64>,
}

impl Bits {
    pub fn words_for(len: usize) -> usize {
        len.div_ceil(64)
    }

    pub fn none(len: usize) -> Bits {
        Bits {
            len,
            words: vec![0; Self::words_for(len)],
        }
    }

    pub fn all(len: usize) -> Bits {
        let mut b = Bits {
            len,
            words: vec![u64::MAX; Self::words_for(len)],
        };
        b.clear_tail();
        b
    }

    /// Bits past `len` stay zero so that counts and `not` are exact.
    fn clear_tail(&mut self) {
        let rem = self.len % 64;
        if rem != 0
            && let Some(last) = self.words.last_mut()
        {
            *last &= (1u64 << rem) - 1;
        }
    }

    /// A set over `len` articles holding the bits of `words` (a set over fewer articles).
    pub fn from_words(len: usize, words: &[u64]) -> Bits {
        let mut b = Bits::none(len);
        for (w, &x) in b.words.iter_mut().zip(words) {
            *w = x;
        }
        b.clear_tail();
        b
    }

    /// How many articles are in the set.
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    pub fn set(&mut self, i: u32) {
        if let Some(w) = self.words.get_mut(i as usize / 64) {
            *w |= 1 << (i % 64);
        }
    }

    /// Sets `start..end`.
    pub fn set_range(&mut self, start: usize, end: usize) {
        let end = end.min(self.len);
        let mut i = start;
        while i < end {
            if i.is_multiple_of(64) && i + 64 <= end {
                if let Some(w) = self.words.get_mut(i / 64) {
                    *w = u64::MAX;
                }
                i += 64;
            } else {
                self.set(i as u32);
                i += 1;
            }
        }
    }

    pub fn as_words(&self) -> &[u64] {
        &self.words
    }

    pub fn or_words(&mut self, other: &[u64]) {
        for (a, b) in self.words.iter_mut().zip(other) {
            *a |= b;
        }
    }

    pub fn or(&mut self, other: &Bits) {
        self.or_words(&other.words);
    }

    pub fn and(&mut self, other: &Bits) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    pub fn not(&mut self) {
        for w in &mut self.words {
            *w = !*w;
        }
        self.clear_tail();
    }

    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }

    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.words.iter().enumerate().flat_map(|(i, &w)| {
            let mut w = w;
            std::iter::from_fn(move || {
                if w == 0 {
                    return None;
                }
                let bit = w.trailing_zeros();
                w &= w - 1;
                Some((i * 64) as u32 + bit)
            })
        })
    }

    pub fn to_vec(&self) -> Vec<u32> {
        let mut out = Vec::with_capacity(self.count());
        out.extend(self.iter());
        out
    }
}
