//! A direct-mapped memo of what a capitalised word as written means to the matcher: its
//! kind in the list, whether a longer company name starts with it, and the few facts
//! about its spelling that `rules::split_run` asks of every word (legal form, role noun,
//! hyphen). News repeats its capitalised words ("The", "Google", "Shares") so most
//! lookups hit here and skip normalising, hashing and the spelling tests.
//!
//! A slot is 32 bytes (two to a cache line): the word zero-padded to 24 bytes in three
//! words, and its length, flags and kind packed into a fourth. The word is read straight
//! out of the text it is a slice of, eight bytes a load and masked to its length.

use super::known::{KnownCompanies, NameKind, normalize_into};

/// What the matcher needs to know about one word (or a few words) as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Facts {
    pub kind: Option<NameKind>,
    /// Some company key of several words starts with this word's key.
    pub starts_longer: bool,
    /// Spelling facts from [`spelling`]: [`LEGAL`], [`ROLE`], [`HYPHEN`].
    pub spelling: u8,
}

/// A legal form that ends a company name ("Inc.", "LTD").
pub(super) const LEGAL: u8 = 1;
/// A role noun ("Rivals", "Startup"), any case.
pub(super) const ROLE: u8 = 2;
/// Has a hyphen ("Hotstar-Flipkart").
pub(super) const HYPHEN: u8 = 4;

pub(super) struct WordMemo {
    slots: Vec<[u64; 4]>,
    /// The list the memo was filled from: another list empties it.
    owner: usize,
}

/// Longest word the memo holds, and how many slots it has (a power of two).
const MEMO_WORD: usize = 24;
const MEMO_BITS: u32 = 12;
const MEMO_SLOTS: usize = 1 << MEMO_BITS;

impl Default for WordMemo {
    fn default() -> Self {
        WordMemo {
            slots: vec![[0; 4]; MEMO_SLOTS],
            owner: 0,
        }
    }
}

impl WordMemo {
    /// Empties the memo if it was filled from another list than `known`: call before
    /// [`facts`](Self::facts) with that list (once per paragraph, not per word).
    pub(super) fn use_list(&mut self, known: &KnownCompanies) {
        let owner = std::ptr::from_ref(known) as usize;
        if self.owner != owner {
            self.slots.fill([0; 4]);
            self.owner = owner;
        }
    }

    /// The [`Facts`] of `text[start..end]`, through the memo; `key` is scratch space, and
    /// `known` the list last given to [`use_list`](Self::use_list).
    ///
    /// `spelling` gives a word's spelling facts (computed only when the memo misses).
    /// Inlined: a hit is a few loads and compares, less than a call's overhead.
    #[inline(always)]
    pub(super) fn facts(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        known: &KnownCompanies,
        key: &mut String,
        spelling: fn(&str) -> u8,
    ) -> Facts {
        let len = end.wrapping_sub(start);
        if len == 0 || len > MEMO_WORD {
            return lookup(text.get(start..end).unwrap_or(""), known, key, spelling);
        }
        let b = text.as_bytes();
        let w0 = load_at(b, start, len.min(8));
        let w1 = load_at(b, start + 8, len.saturating_sub(8).min(8));
        let w2 = load_at(b, start + 16, len.saturating_sub(16));
        let mixed = (w0 ^ w1.rotate_left(23) ^ w2.rotate_left(47))
            .wrapping_add(len as u64)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let index = (mixed >> (64 - MEMO_BITS)) as usize % MEMO_SLOTS;
        let Some(slot) = self.slots.get_mut(index) else {
            return lookup(text.get(start..end).unwrap_or(""), known, key, spelling);
        };
        if slot[3] as u8 as usize == len && slot[0] == w0 && slot[1] == w1 && slot[2] == w2 {
            return unpack(slot[3]);
        }
        let facts = lookup(text.get(start..end).unwrap_or(""), known, key, spelling);
        *slot = [w0, w1, w2, pack(len as u8, facts)];
        facts
    }
}

/// The facts of `word` without the memo (out of line: rare).
#[inline(never)]
fn lookup(word: &str, known: &KnownCompanies, key: &mut String, spelling: fn(&str) -> u8) -> Facts {
    normalize_into(word, key);
    let (kind, starts_longer) = known.kind_and_longer(key);
    Facts {
        kind,
        starts_longer,
        spelling: spelling(word),
    }
}

/// `b[at..at + n]` (`n` at most 8) as a little-endian number, zero-padded; one load and a
/// mask, also near the end of the text (where the eight bytes ending there are shifted).
#[inline(always)]
fn load_at(b: &[u8], at: usize, n: usize) -> u64 {
    if n == 0 {
        return 0;
    }
    let mask = u64::MAX >> (64 - 8 * n as u32);
    if let Some(chunk) = b.get(at..at + 8).and_then(|c| c.first_chunk::<8>()) {
        return u64::from_le_bytes(*chunk) & mask;
    }
    // Fewer than eight bytes from `at` to the end: the last eight, shifted down.
    let base = b.len().wrapping_sub(8);
    match b.last_chunk::<8>() {
        Some(chunk) if at > base && at + n <= b.len() => {
            (u64::from_le_bytes(*chunk) >> (8 * (at - base) as u32)) & mask
        }
        _ => b
            .get(at..at + n)
            .unwrap_or_default()
            .iter()
            .rev()
            .fold(0u64, |acc, &c| (acc << 8) | u64::from(c)),
    }
}

/// A slot's fourth word: length (bits 0-7), spelling (8-15), starts_longer (16), kind
/// tag (20-23), ambiguous (24) and company id (32-63).
fn pack(len: u8, facts: Facts) -> u64 {
    let (tag, ambiguous, id) = match facts.kind {
        None => (0u64, false, 0u32),
        Some(NameKind::Company { id, ambiguous }) => (1, ambiguous, id),
        Some(NameKind::Product) => (2, false, 0),
        Some(NameKind::Place) => (3, false, 0),
        Some(NameKind::FirstName) => (4, false, 0),
        Some(NameKind::Word) => (5, false, 0),
        Some(NameKind::Ignored) => (6, false, 0),
    };
    u64::from(len)
        | u64::from(facts.spelling) << 8
        | u64::from(facts.starts_longer) << 16
        | tag << 20
        | u64::from(ambiguous) << 24
        | u64::from(id) << 32
}

#[inline(always)]
fn unpack(packed: u64) -> Facts {
    let kind = match (packed >> 20) & 0xF {
        1 => Some(NameKind::Company {
            id: (packed >> 32) as u32,
            ambiguous: (packed >> 24) & 1 != 0,
        }),
        2 => Some(NameKind::Product),
        3 => Some(NameKind::Place),
        4 => Some(NameKind::FirstName),
        5 => Some(NameKind::Word),
        6 => Some(NameKind::Ignored),
        _ => None,
    };
    Facts {
        kind,
        starts_longer: (packed >> 16) & 1 != 0,
        spelling: (packed >> 8) as u8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_spelling(_: &str) -> u8 {
        0
    }

    #[test]
    fn loads_agree_with_slices_everywhere() {
        let b = b"Google and The New York Times";
        for at in 0..b.len() {
            for n in 0..=8.min(b.len() - at) {
                let want = b[at..at + n]
                    .iter()
                    .rev()
                    .fold(0u64, |acc, &c| (acc << 8) | u64::from(c));
                assert_eq!(load_at(b, at, n), want, "at {at}, n {n}");
            }
        }
        assert_eq!(load_at(b"Arm", 0, 3), u64::from_le_bytes(*b"Arm\0\0\0\0\0"));
    }

    #[test]
    fn packing_round_trips() {
        let kinds = [
            None,
            Some(NameKind::Company {
                id: u32::MAX,
                ambiguous: true,
            }),
            Some(NameKind::Company {
                id: 7,
                ambiguous: false,
            }),
            Some(NameKind::Product),
            Some(NameKind::Place),
            Some(NameKind::FirstName),
            Some(NameKind::Word),
            Some(NameKind::Ignored),
        ];
        for kind in kinds {
            for starts_longer in [false, true] {
                let facts = Facts {
                    kind,
                    starts_longer,
                    spelling: LEGAL | HYPHEN,
                };
                let packed = pack(24, facts);
                assert_eq!(packed as u8, 24);
                assert_eq!(unpack(packed), facts);
            }
        }
    }

    #[test]
    fn memo_answers_as_the_list_does() {
        let known = KnownCompanies::bundled();
        let mut memo = WordMemo::default();
        memo.use_list(&known);
        let mut key = String::new();
        let text = "Google, The New York Times and Goldman Sachs met Tokyo's Jane Doe in Google";
        for _ in 0..2 {
            for start in 0..text.len() {
                for end in start + 1..=text.len().min(start + 30) {
                    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                        continue;
                    }
                    let got = memo.facts(text, start, end, &known, &mut key, no_spelling);
                    let want = lookup(&text[start..end], &known, &mut key, no_spelling);
                    assert_eq!(got, want, "{:?}", &text[start..end]);
                }
            }
        }
    }
}
