//! A direct-mapped memo of what a capitalised word as written means to the matcher: its
//! kind in the list, whether a longer company name starts with it, and the few facts
//! about its spelling that `rules::split_run` asks of every word (legal form, role noun,
//! hyphen). News repeats its capitalised words ("The", "Google", "Shares") so most
//! lookups hit here and skip normalising, hashing and the spelling tests.
//!
//! A slot is 32 bytes (two to a cache line): the word zero-padded to 24 bytes in three
//! words, and its length, flags and kind packed into a fourth ([`Packed`]). The word is
//! read straight out of the text it is a slice of and masked to its length.

use super::known::{KnownCompanies, NameKind, normalize_into};

/// What the matcher needs to know about one word (or a few words) as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Facts {
    pub kind: Option<NameKind>,
    /// Some company key of several words starts with this word's key.
    pub starts_longer: bool,
    /// The word with a possessive after it ("Byju’s", "Collins’") is a company's key:
    /// the key with `'s` or `'` appended is. Where not, `rules::split_run` skips the
    /// lookup of the possessive form (a profile counted 0.1M of them per 10k articles,
    /// nearly none a company).
    pub possessive_company: bool,
    /// Spelling facts from [`spelling`]: [`LEGAL`], [`ROLE`], [`HYPHEN`].
    pub spelling: u8,
}

/// A legal form that ends a company name ("Inc.", "LTD").
pub(super) const LEGAL: u8 = 1;
/// A role noun ("Rivals", "Startup"), any case.
pub(super) const ROLE: u8 = 2;
/// Has a hyphen ("Hotstar-Flipkart").
pub(super) const HYPHEN: u8 = 4;

/// [`Facts`] as a slot keeps them, in one number: length (bits 0-7), spelling (8-15),
/// starts_longer (16), possessive_company (17), kind tag (20-23), ambiguous (24) and
/// company id (32-63).
///
/// The matcher asks most words one or two questions ("a company?", "a common word?"):
/// answered from the bits, they cost a shift and a compare, where building the
/// `Option<NameKind>` of every hit cost a jump table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Packed(u64);

/// The kind tags of [`Packed`] (0: not in the list).
const TAG_COMPANY: u64 = 1;
const TAG_PRODUCT: u64 = 2;
const TAG_PLACE: u64 = 3;
const TAG_FIRST_NAME: u64 = 4;
const TAG_WORD: u64 = 5;
const TAG_IGNORED: u64 = 6;

impl Packed {
    fn pack(len: u8, facts: Facts) -> Packed {
        let (tag, ambiguous, id) = match facts.kind {
            None => (0, false, 0u32),
            Some(NameKind::Company { id, ambiguous }) => (TAG_COMPANY, ambiguous, id),
            Some(NameKind::Product) => (TAG_PRODUCT, false, 0),
            Some(NameKind::Place) => (TAG_PLACE, false, 0),
            Some(NameKind::FirstName) => (TAG_FIRST_NAME, false, 0),
            Some(NameKind::Word) => (TAG_WORD, false, 0),
            Some(NameKind::Ignored) => (TAG_IGNORED, false, 0),
        };
        Packed(
            u64::from(len)
                | u64::from(facts.spelling) << 8
                | u64::from(facts.starts_longer) << 16
                | u64::from(facts.possessive_company) << 17
                | tag << 20
                | u64::from(ambiguous) << 24
                | u64::from(id) << 32,
        )
    }

    #[inline(always)]
    fn tag(self) -> u64 {
        (self.0 >> 20) & 0xF
    }

    /// The word's meaning in the list.
    pub(super) fn kind(self) -> Option<NameKind> {
        match self.tag() {
            TAG_COMPANY => Some(NameKind::Company {
                id: (self.0 >> 32) as u32,
                ambiguous: (self.0 >> 24) & 1 != 0,
            }),
            TAG_PRODUCT => Some(NameKind::Product),
            TAG_PLACE => Some(NameKind::Place),
            TAG_FIRST_NAME => Some(NameKind::FirstName),
            TAG_WORD => Some(NameKind::Word),
            TAG_IGNORED => Some(NameKind::Ignored),
            _ => None,
        }
    }

    /// `Some((id, ambiguous))` for a known company: `kind()` matched on `Company`.
    #[inline(always)]
    pub(super) fn company(self) -> Option<(u32, bool)> {
        (self.tag() == TAG_COMPANY).then_some(((self.0 >> 32) as u32, (self.0 >> 24) & 1 != 0))
    }

    /// `kind()` is `Word` or `Ignored`: never a name.
    #[inline(always)]
    pub(super) fn is_word_or_ignored(self) -> bool {
        self.tag().wrapping_sub(TAG_WORD) < 2
    }

    /// `kind()` is `Place`.
    #[inline(always)]
    pub(super) fn is_place(self) -> bool {
        self.tag() == TAG_PLACE
    }

    /// `kind()` is `Place` or `Product`.
    #[inline(always)]
    pub(super) fn is_place_or_product(self) -> bool {
        self.tag().wrapping_sub(TAG_PRODUCT) < 2
    }

    /// `kind()` is `FirstName`.
    #[inline(always)]
    pub(super) fn is_first_name(self) -> bool {
        self.tag() == TAG_FIRST_NAME
    }

    /// `kind()` is `None`: the list does not know the word.
    #[inline(always)]
    pub(super) fn is_unknown(self) -> bool {
        self.tag() == 0
    }

    #[inline(always)]
    pub(super) fn starts_longer(self) -> bool {
        (self.0 >> 16) & 1 != 0
    }

    #[inline(always)]
    pub(super) fn possessive_company(self) -> bool {
        (self.0 >> 17) & 1 != 0
    }

    #[inline(always)]
    pub(super) fn spelling(self) -> u8 {
        (self.0 >> 8) as u8
    }

    /// All of it, as [`Facts`].
    #[cfg(test)]
    fn facts(self) -> Facts {
        Facts {
            kind: self.kind(),
            starts_longer: self.starts_longer(),
            possessive_company: self.possessive_company(),
            spelling: self.spelling(),
        }
    }
}

pub(super) struct WordMemo {
    slots: Box<[[u64; 4]; MEMO_SLOTS]>,
    /// The list the memo was filled from: another list empties it.
    owner: usize,
}

/// Longest word the memo holds, and how many slots it has (a power of two).
const MEMO_WORD: usize = 24;
const MEMO_BITS: u32 = 12;
const MEMO_SLOTS: usize = 1 << MEMO_BITS;

/// By length minus one, the masks that keep a word's bytes of the 24 read from where it
/// starts: a table load instead of three shifts and their tests.
static MASKS: [[u64; 3]; MEMO_WORD] = byte_masks();

/// By length minus one (`N` lengths), the masks of `W` little-endian words read from
/// where a name starts that keep the name's bytes: word `k` keeps 0 to 8 of them.
const fn byte_masks<const W: usize, const N: usize>() -> [[u64; W]; N] {
    let mut masks = [[0u64; W]; N];
    let mut len = 1;
    while len <= N {
        let mut k = 0;
        while k < W {
            // The name's bytes in this eighth-aligned part: 0 to 8.
            let bytes = len.saturating_sub(8 * k);
            let bytes = if bytes > 8 { 8 } else { bytes };
            masks[len - 1][k] = if bytes == 0 {
                0
            } else {
                u64::MAX >> (64 - 8 * bytes)
            };
            k += 1;
        }
        len += 1;
    }
    masks
}

impl Default for WordMemo {
    fn default() -> Self {
        WordMemo {
            slots: Box::new([[0; 4]; MEMO_SLOTS]),
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

    /// The facts of `text[start..end]`, through the memo; `key` is scratch space, and
    /// `known` the list last given to [`use_list`](Self::use_list).
    ///
    /// `spelling` gives a word's spelling facts (computed only when the memo misses).
    /// Inlined: a hit is a few loads and compares, less than a call's overhead. Words
    /// with 24 bytes of text from their start (nearly all) are read in three loads;
    /// words near the end of the text, and long ones, go the slower way.
    #[inline(always)]
    pub(super) fn facts(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        known: &KnownCompanies,
        key: &mut String,
        spelling: fn(&str) -> u8,
    ) -> Packed {
        let len = end.wrapping_sub(start);
        let chunk = text
            .as_bytes()
            .get(start..)
            .and_then(|b| b.first_chunk::<24>());
        // A length of 0 wraps around and finds no mask.
        let (Some(chunk), Some(masks)) = (chunk, MASKS.get(len.wrapping_sub(1))) else {
            return self.facts_slowly(text, start, end, known, key, spelling);
        };
        let word = [
            u64_at(chunk, 0) & masks[0],
            u64_at(chunk, 8) & masks[1],
            u64_at(chunk, 16) & masks[2],
        ];
        self.probe(word, len, text, start, end, known, key, spelling)
    }

    /// [`facts`](Self::facts) for a word too long for the memo, or with fewer than 24
    /// bytes of text from its start (out of line: rare).
    #[inline(never)]
    fn facts_slowly(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        known: &KnownCompanies,
        key: &mut String,
        spelling: fn(&str) -> u8,
    ) -> Packed {
        let len = end.wrapping_sub(start);
        if len == 0 || len > MEMO_WORD {
            let facts = lookup(text.get(start..end).unwrap_or(""), known, key, spelling);
            return Packed::pack(0, facts);
        }
        let b = text.as_bytes();
        let word = [
            load_at(b, start, len.min(8)),
            load_at(b, start + 8, len.saturating_sub(8).min(8)),
            load_at(b, start + 16, len.saturating_sub(16)),
        ];
        self.probe(word, len, text, start, end, known, key, spelling)
    }

    /// The slot of `word` (`len` bytes, 1 to 24, zero-padded), filled on a miss.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn probe(
        &mut self,
        [w0, w1, w2]: [u64; 3],
        len: usize,
        text: &str,
        start: usize,
        end: usize,
        known: &KnownCompanies,
        key: &mut String,
        spelling: fn(&str) -> u8,
    ) -> Packed {
        let mixed = (w0 ^ w1.rotate_left(23) ^ w2.rotate_left(47))
            .wrapping_add(len as u64)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        // The top bits: always below MEMO_SLOTS, so the index needs no bounds check.
        let slot = &mut self.slots[(mixed >> (64 - MEMO_BITS)) as usize];
        // One test for all four words: the bits that differ, OR-ed.
        let differ =
            (slot[0] ^ w0) | (slot[1] ^ w1) | (slot[2] ^ w2) | ((slot[3] ^ len as u64) & 0xFF);
        if differ == 0 {
            return Packed(slot[3]);
        }
        let facts = lookup(text.get(start..end).unwrap_or(""), known, key, spelling);
        let packed = Packed::pack(len as u8, facts);
        *slot = [w0, w1, w2, packed.0];
        packed
    }
}

/// What `rules::record_stretch` works out from a stretch's name alone (its bytes, its
/// word count and the list): see [`StretchMemo`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct StretchFacts {
    /// Normalising dropped a leading "the " (the key's first word is not the name's).
    pub dropped_the: bool,
    /// The name's form makes it a company: a name of several words whose last word is a
    /// company suffix ("Games") or whose first is a group's ("Grupo"), or a one-word web
    /// address ("Hotels.com").
    pub company_form: bool,
    /// The list gives the key a meaning that is never a company (place, product, word,
    /// ignored); only looked up for names of several words (false for one word).
    pub kind_rejects: bool,
    /// The key has fewer than two chars, or only digits.
    pub short_or_digits: bool,
    /// Bytes of the key's last word and of its first word.
    pub last_len: usize,
    pub first_len: usize,
    /// `rules::hash_key` of the key.
    pub hash: u64,
}

/// A direct-mapped memo of the multi-word stretches `rules::record_stretch` records
/// ("Mei Okafor", "Sequoia Capital India"): by the name as written and its word count,
/// its key and [`StretchFacts`]. News repeats its names across articles, so a hit skips
/// normalising the name, the list lookup and the suffix test.
///
/// Like [`WordMemo`]: the name is read out of the text, zero-padded to 32 bytes in four
/// words, and a slot is owner-checked against the list it was filled from.
pub(super) struct StretchMemo {
    slots: Box<[StretchSlot]>,
    owner: usize,
}

#[derive(Default)]
struct StretchSlot {
    name: [u64; 4],
    /// The name's length (bits 0-7; 0: an empty slot), its word count (8-15), the
    /// flags of [`StretchFacts`] (16-19), `last_len` (32-47) and `first_len` (48-63).
    meta: u64,
    hash: u64,
    /// The key: a `String` kept across fills, so a slot refilled costs no allocation.
    key: String,
}

/// Longest name the stretch memo holds, and how many slots it has (a power of two).
const STRETCH_NAME: usize = 32;
const STRETCH_BITS: u32 = 12;
const STRETCH_SLOTS: usize = 1 << STRETCH_BITS;

/// [`MASKS`] for names of up to 32 bytes, in four words.
static NAME_MASKS: [[u64; 4]; STRETCH_NAME] = byte_masks();

const DROPPED_THE: u64 = 1 << 16;
const COMPANY_FORM: u64 = 1 << 17;
const KIND_REJECTS: u64 = 1 << 18;
const SHORT_OR_DIGITS: u64 = 1 << 19;

impl Default for StretchMemo {
    fn default() -> Self {
        StretchMemo {
            slots: (0..STRETCH_SLOTS).map(|_| StretchSlot::default()).collect(),
            owner: 0,
        }
    }
}

impl StretchMemo {
    /// Empties the memo if it was filled from another list than `known` (as
    /// [`WordMemo::use_list`]): `kind_rejects` is the list's answer.
    pub(super) fn use_list(&mut self, known: &KnownCompanies) {
        let owner = std::ptr::from_ref(known) as usize;
        if self.owner != owner {
            for slot in self.slots.iter_mut() {
                slot.meta = 0;
            }
            self.owner = owner;
        }
    }

    /// The key and facts of the stretch `text[start..end]` of `words` words, through
    /// the memo. On a miss `compute` works them out (the key into `key`); the key
    /// returned is the slot's copy, or `key` itself for a name the memo cannot hold.
    #[inline]
    pub(super) fn facts<'a>(
        &'a mut self,
        text: &str,
        (start, end): (usize, usize),
        words: usize,
        key: &'a mut String,
        compute: impl FnOnce(&str, &mut String) -> StretchFacts,
    ) -> (&'a str, StretchFacts) {
        let name = text.get(start..end).unwrap_or("");
        let len = name.len();
        let (Some(masks), true) = (NAME_MASKS.get(len.wrapping_sub(1)), words < 256) else {
            let facts = compute(name, key);
            return (key.as_str(), facts);
        };
        let b = text.as_bytes();
        let word = match b.get(start..).and_then(|b| b.first_chunk::<32>()) {
            Some(chunk) => [
                u64_at(chunk, 0) & masks[0],
                u64_at(chunk, 8) & masks[1],
                u64_at(chunk, 16) & masks[2],
                u64_at(chunk, 24) & masks[3],
            ],
            // Fewer than 32 bytes of text from its start: the name is read in parts.
            None => [
                load_at(b, start, len.min(8)),
                load_at(b, start + 8, len.saturating_sub(8).min(8)),
                load_at(b, start + 16, len.saturating_sub(16).min(8)),
                load_at(b, start + 24, len.saturating_sub(24)),
            ],
        };
        let shape = len as u64 | (words as u64) << 8;
        let mixed =
            (word[0] ^ word[1].rotate_left(17) ^ word[2].rotate_left(31) ^ word[3].rotate_left(47))
                .wrapping_add(shape)
                .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let index = (mixed >> (64 - STRETCH_BITS)) as usize;
        let Some(slot) = self.slots.get_mut(index) else {
            let facts = compute(name, key);
            return (key.as_str(), facts);
        };
        let differ = (slot.name[0] ^ word[0])
            | (slot.name[1] ^ word[1])
            | (slot.name[2] ^ word[2])
            | (slot.name[3] ^ word[3])
            | ((slot.meta ^ shape) & 0xFFFF);
        if differ == 0 {
            return (slot.key.as_str(), unpack_stretch(slot.meta, slot.hash));
        }
        let facts = compute(name, key);
        // Always so for a name of 32 bytes (lower-casing a char at most triples it).
        let (Ok(last_len), Ok(first_len)) = (
            u16::try_from(facts.last_len),
            u16::try_from(facts.first_len),
        ) else {
            return (key.as_str(), facts);
        };
        slot.name = word;
        slot.meta = shape
            | if facts.dropped_the { DROPPED_THE } else { 0 }
            | if facts.company_form { COMPANY_FORM } else { 0 }
            | if facts.kind_rejects { KIND_REJECTS } else { 0 }
            | if facts.short_or_digits {
                SHORT_OR_DIGITS
            } else {
                0
            }
            | u64::from(last_len) << 32
            | u64::from(first_len) << 48;
        slot.hash = facts.hash;
        slot.key.clear();
        slot.key.push_str(key);
        (slot.key.as_str(), facts)
    }
}

/// The [`StretchFacts`] a slot's `meta` and `hash` hold.
#[inline(always)]
fn unpack_stretch(meta: u64, hash: u64) -> StretchFacts {
    StretchFacts {
        dropped_the: meta & DROPPED_THE != 0,
        company_form: meta & COMPANY_FORM != 0,
        kind_rejects: meta & KIND_REJECTS != 0,
        short_or_digits: meta & SHORT_OR_DIGITS != 0,
        last_len: usize::from((meta >> 32) as u16),
        first_len: usize::from((meta >> 48) as u16),
        hash,
    }
}

/// The eight bytes of `chunk` from `at` (a multiple of 8 below `N`) as a little-endian
/// number: with `at` a constant, one load and no test.
#[inline(always)]
fn u64_at<const N: usize>(chunk: &[u8; N], at: usize) -> u64 {
    chunk
        .get(at..)
        .and_then(|c| c.first_chunk::<8>())
        .map_or(0, |c| u64::from_le_bytes(*c))
}

/// The facts of `word` without the memo (out of line: rare).
#[inline(never)]
fn lookup(word: &str, known: &KnownCompanies, key: &mut String, spelling: fn(&str) -> u8) -> Facts {
    normalize_into(word, key);
    let (mut kind, starts_longer) = known.kind_and_longer(key);
    // "a $600 Million Bet": a company the list spells in capitals only ("BET") is not
    // a word with small letters (its possessive's "s" aside).
    if matches!(kind, Some(NameKind::Company { .. }))
        && known.capitals_only(key)
        && !capitals_but_possessive(word)
    {
        kind = None;
    }
    // "3D", "5G": a word opening with a digit is a company only where the list knows it.
    if kind.is_none() && key.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        kind = Some(NameKind::Word);
    }
    // "iPhones", "PCs": the plural of a product or a word is one too.
    if kind.is_none()
        && key.len() > 2
        && key.ends_with('s')
        && !key.ends_with("'s")
        && let Some(singular @ (NameKind::Product | NameKind::Word)) =
            known.kind(&key[..key.len() - 1])
    {
        kind = Some(singular);
    }
    // The keys of the word's possessive forms: normalising maps ’ to ' and folds case
    // char by char, so a word's possessive key is its key with `'s` or `'` appended.
    let base = key.len();
    let mut company = |suffix: &str| {
        key.truncate(base);
        key.push_str(suffix);
        matches!(known.kind(key), Some(NameKind::Company { .. }))
    };
    let possessive_company = company("'s") || company("'");
    key.truncate(base);
    Facts {
        kind,
        starts_longer,
        possessive_company,
        spelling: spelling(word),
    }
}

/// Whether `word`'s letters are all capitals, but for a possessive's "s" ("BET’s").
fn capitals_but_possessive(word: &str) -> bool {
    !super::candidates::without_possessive(word)
        .bytes()
        .any(|c| c.is_ascii_lowercase())
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
    fn masked_loads_agree_with_slow_loads() {
        let b = b"Google and The New York Times, Goldman Sachs and Sequoia Capital India.";
        for start in 0..b.len() {
            let Some(chunk) = b.get(start..).and_then(|c| c.first_chunk::<24>()) else {
                continue;
            };
            for len in 1..=MEMO_WORD {
                let masks = MASKS[len - 1];
                let fast = [
                    u64_at(chunk, 0) & masks[0],
                    u64_at(chunk, 8) & masks[1],
                    u64_at(chunk, 16) & masks[2],
                ];
                let slow = [
                    load_at(b, start, len.min(8)),
                    load_at(b, start + 8, len.saturating_sub(8).min(8)),
                    load_at(b, start + 16, len.saturating_sub(16)),
                ];
                assert_eq!(fast, slow, "start {start}, len {len}");
            }
        }
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
            for (starts_longer, possessive_company) in
                [(false, false), (true, false), (false, true), (true, true)]
            {
                let facts = Facts {
                    kind,
                    starts_longer,
                    possessive_company,
                    spelling: LEGAL | HYPHEN,
                };
                let packed = Packed::pack(24, facts);
                assert_eq!(packed.0 as u8, 24);
                assert_eq!(packed.facts(), facts);
                // The quick questions agree with the kind they stand for.
                assert_eq!(
                    packed.company(),
                    match kind {
                        Some(NameKind::Company { id, ambiguous }) => Some((id, ambiguous)),
                        _ => None,
                    }
                );
                assert_eq!(
                    packed.is_word_or_ignored(),
                    matches!(kind, Some(NameKind::Word | NameKind::Ignored))
                );
                assert_eq!(packed.is_first_name(), kind == Some(NameKind::FirstName));
                assert_eq!(packed.is_unknown(), kind.is_none());
                assert_eq!(packed.is_place(), kind == Some(NameKind::Place));
                assert_eq!(
                    packed.is_place_or_product(),
                    matches!(kind, Some(NameKind::Place | NameKind::Product))
                );
            }
        }
    }

    #[test]
    fn possessive_companies_are_flagged_on_their_stem() {
        let known = KnownCompanies::bundled();
        let mut key = String::new();
        // "Byju’s" and "Lowe's" are listed with their possessive; "Google" is not.
        for (word, flagged) in [
            ("Byju", true),
            ("Lowe", true),
            ("LOWE", true),
            ("Google", false),
        ] {
            let facts = lookup(word, &known, &mut key, no_spelling);
            assert_eq!(facts.possessive_company, flagged, "{word}");
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
                    let got = memo
                        .facts(text, start, end, &known, &mut key, no_spelling)
                        .facts();
                    let want = lookup(&text[start..end], &known, &mut key, no_spelling);
                    assert_eq!(got, want, "{:?}", &text[start..end]);
                }
            }
        }
    }
}
