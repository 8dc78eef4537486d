//! One pass over a paragraph: capitalised words (with possessives and `-owned` suffixes) grouped into runs.
//!
//! Everything else the recognizer does starts from these runs, so this loop is the
//! hot path: it walks bytes, decodes a char only for non-ASCII bytes, and allocates
//! nothing (the caller owns and reuses the buffers).

use std::mem::MaybeUninit;
use std::ops::Range;

/// What a lower-case suffix glued to a name by a hyphen says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suffix {
    /// 0, which the scan's test for "ends the run" relies on.
    None = 0,
    /// `Walmart-owned`, `Sequoia-backed`: the name owns or backs something, so it is a company.
    Owner,
    /// `Palo Alto-based`, `Stockholm-founded`: the name is a place.
    Place,
}

/// How a word is attached to the word before it in the same run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joiner {
    /// First word of its run.
    Start,
    Space,
    /// ` & ` (Hellman & Friedman).
    Amp,
    /// ` of ` (Bank of America): a name may span it, a discovered name may not.
    Of,
}

/// A capitalised word: `[start, end)` is the name, `[start, poss_end)` includes a possessive `’s`.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    pub start: u32,
    pub end: u32,
    pub poss_end: u32,
    pub possessive: bool,
    pub suffix: Suffix,
    pub joiner: Joiner,
}

/// Consecutive capitalised words (indices into the word buffer).
#[derive(Debug, Clone)]
pub struct Run {
    pub words: Range<usize>,
    /// Where the text before the run starts for [`opens_sentence`]: the end of the name
    /// before it, or 0 (then the start of the text opens a sentence).
    floor: usize,
}

impl Run {
    /// Whether the run opens a sentence. Asked on demand: only names that are also
    /// common words ("Apple", "Target") and role nouns care, and most runs are neither.
    pub fn sentence_start(&self, text: &str, words: &[Word]) -> bool {
        words
            .get(self.words.start)
            .is_some_and(|w| self.sentence_start_at(text, w.start as usize))
    }

    /// [`sentence_start`](Self::sentence_start), given where the run's first word starts.
    pub fn sentence_start_at(&self, text: &str, start: usize) -> bool {
        opens_sentence(text, start, self.floor)
    }
}

/// Words after which a dot does not end the sentence, so the run goes on ("Warner Bros. Discovery").
const ABBREVIATIONS: &[&[u8]] = &[b"Bros", b"Inc", b"Co", b"Corp", b"Jr", b"Sr", b"St", b"Ltd"];
/// The longest of [`ABBREVIATIONS`]: a longer word before a dot is none of them.
const LONGEST_ABBREVIATION: usize = {
    let (mut longest, mut k) = (0, 0);
    while k < ABBREVIATIONS.len() {
        if ABBREVIATIONS[k].len() > longest {
            longest = ABBREVIATIONS[k].len();
        }
        k += 1;
    }
    longest
};
const OWNER_SUFFIXES: &[&[u8]] = &[
    b"owned",
    b"backed",
    b"funded",
    b"led",
    b"controlled",
    b"run",
    b"operated",
];
const PLACE_SUFFIXES: &[&[u8]] = &[b"based", b"headquartered", b"founded", b"born", b"listed"];

/// Scans `text` into capitalised words and runs, replacing the buffers' contents.
///
/// Only ASCII capitals and non-ASCII bytes can start a name, so the loop jumps from one
/// of those to the next (see [`Interesting`]); whether a name opens a sentence or joins
/// the run before it is read off the few bytes just before it.
pub fn scan(text: &str, words_out: &mut Vec<Word>, runs_out: &mut Vec<Run>) {
    #[cfg(target_arch = "x86_64")]
    if let Some(avx2) = Avx2::detect() {
        // SAFETY: an `Avx2` exists only on a CPU with the features `scan_avx2` enables.
        unsafe { scan_avx2(text, words_out, runs_out, avx2) };
        return;
    }
    scan_baseline(text, words_out, runs_out);
}

/// [`scan`] for CPUs without AVX2, out of line so that [`scan`] itself is a test and a
/// jump: inlined there, it had [`scan`] save and restore six registers on every call.
#[inline(never)]
fn scan_baseline(text: &str, words_out: &mut Vec<Word>, runs_out: &mut Vec<Run>) {
    scan_with(text, words_out, runs_out, Baseline);
}

/// [`scan`] compiled for AVX2 (and BMI1, BMI2), all of it inlined here: the block masks
/// take two 32-byte compares where SSE2 takes four of 16, and the SSE2 code of the
/// word searches gets three-operand forms (no register copies): 6M instructions fewer
/// per 10k articles.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,bmi1,bmi2")]
fn scan_avx2(text: &str, words_out: &mut Vec<Word>, runs_out: &mut Vec<Run>, avx2: Avx2) {
    scan_with(text, words_out, runs_out, avx2);
}

/// [`scan`], with `lanes` to mask blocks of bytes.
#[inline(always)]
fn scan_with<L: Lanes>(text: &str, words_out: &mut Vec<Word>, runs_out: &mut Vec<Run>, lanes: L) {
    words_out.clear();
    runs_out.clear();
    // Room for every word and run up front, so that the loop writes them without
    // growing the buffers: `Vec::push`'s check and the call to grow left too few
    // registers, and the loop spilled and reloaded both buffers' lengths at every word.
    let most = most_words(text.as_bytes());
    words_out.reserve(most);
    runs_out.reserve(most);
    // As many slots of each: a run is written with its first word, so there are never
    // more runs than words, and the test for a word's room is its run's too.
    let (words_spare, runs_spare) = (
        words_out.spare_capacity_mut(),
        runs_out.spare_capacity_mut(),
    );
    let room = words_spare.len().min(runs_spare.len());
    let mut words = Slots::new(&mut words_spare[..room]);
    let mut runs = Slots::new(&mut runs_spare[..room]);
    scan_into(text, &mut words, &mut runs, lanes);
    let (n_words, n_runs) = (words.filled, runs.filled);
    // SAFETY: the buffers were empty, and `Slots` counts the slots it wrote, from the
    // first spare one on: the first `n_words` (`n_runs`) are initialised.
    unsafe {
        words_out.set_len(n_words);
        runs_out.set_len(n_runs);
    }
}

/// How many words a text can hold at most: each word starts with a word character
/// right after a character that is not one (or at the start of the text), so no two
/// words share those two bytes, and the first word needs one.
///
/// That room costs 40 bytes (a `Word` and a `Run`) per two bytes of text, which a
/// paragraph of many megabytes (one long line) would make gigabytes. Past
/// [`COUNTED_TEXT`] the bound is tightened by counting: each word holds its own ASCII
/// capital or starts with a non-ASCII byte, so there are no more words than such bytes
/// (a few percent of news), and the count is one vectorised pass over a rare text.
#[inline(always)]
fn most_words(text: &[u8]) -> usize {
    if text.len() <= COUNTED_TEXT {
        return text.len() / 2 + 1;
    }
    most_words_counted(text)
}

/// [`most_words`] of a long text (out of line: rare).
#[cold]
#[inline(never)]
fn most_words_counted(text: &[u8]) -> usize {
    let starts = text
        .iter()
        .filter(|&&c| c.is_ascii_uppercase() || c >= 0x80)
        .count();
    (text.len() / 2 + 1).min(starts + 1)
}

/// Texts longer than this (64 KB; paragraphs are ~350 bytes) have their room counted.
const COUNTED_TEXT: usize = 1 << 16;

/// The spare capacity of a buffer, written from its start, as a plain slice and count.
struct Slots<'a, T> {
    slots: &'a mut [MaybeUninit<T>],
    filled: usize,
}

impl<'a, T> Slots<'a, T> {
    fn new(slots: &'a mut [MaybeUninit<T>]) -> Self {
        Slots { slots, filled: 0 }
    }

    /// Writes `x` to the next slot.
    ///
    /// # Safety
    ///
    /// `self.filled < self.slots.len()`.
    #[inline(always)]
    unsafe fn push_unchecked(&mut self, x: T) {
        // SAFETY: the caller promises the slot is inside `slots`.
        unsafe { self.slots.get_unchecked_mut(self.filled) }.write(x);
        self.filled += 1;
    }

    /// The last slot written.
    ///
    /// # Safety
    ///
    /// A slot was written (`self.filled > 0`).
    #[inline(always)]
    unsafe fn last_unchecked(&mut self) -> &mut T {
        // SAFETY: the caller promises `filled > 0`, and `filled <= slots.len()`; the
        // slots before `filled` were written.
        unsafe {
            self.slots
                .get_unchecked_mut(self.filled - 1)
                .assume_init_mut()
        }
    }
}

/// [`scan`] into the buffers' spare capacity.
#[inline(always)]
fn scan_into<L: Lanes>(
    text: &str,
    words: &mut Slots<'_, Word>,
    runs: &mut Slots<'_, Run>,
    lanes: L,
) {
    let b = text.as_bytes();
    let mut i = 0;
    // Where scanning resumed after the last capitalised word, with `CLOSED` set when no
    // run may go on from it: one value for both, as `gap_join` finds no gap that starts
    // past its end, so that the test costs nothing where a bool took a register.
    let mut last_end = CLOSED;
    let mut interesting = Interesting::new(b, lanes);
    // Debug builds (the tests) check that every step moves on: a step that left `i` at
    // or before the byte it found would find that byte again for ever, and a test run
    // would hang instead of failing.
    #[cfg(debug_assertions)]
    let mut last_found: Option<usize> = None;
    while let Some(found) = interesting.next(b, i) {
        #[cfg(debug_assertions)]
        {
            debug_assert!(
                last_found.is_none_or(|last| found > last),
                "the scan found byte {found} again"
            );
            last_found = Some(found);
        }
        i = found;
        debug_assert!(i < b.len());
        // SAFETY: `next` finds only bytes inside the text, as no mask has a bit past
        // its end (see `Interesting`). Tested as `b.get(i)`, two instructions a word.
        let c = unsafe { *b.get_unchecked(i) };
        let start = match word_start(text, i, c) {
            Ok(start) => start,
            Err(next) => {
                i = next;
                continue;
            }
        };
        let joiner = gap_join(b, last_end, start);
        let k = words.filled;
        let Some(slot) = words.slots.get_mut(k) else {
            // Ruled out by `most_words`.
            break;
        };
        // A run is written with its first word and stretched by each word that joins
        // it: kept in registers until it ended, its first word and floor were spilled
        // and reloaded at every word.
        if joiner == Joiner::Start {
            // SAFETY: `runs` has as many slots as `words`, and no more runs than the `k`
            // words before this one (a run at most per word): `runs.filled <= k <
            // words.slots.len()`. (Before the first word, `last_end` is `CLOSED`: floor 0.)
            unsafe {
                runs.push_unchecked(Run {
                    words: k..k + 1,
                    floor: last_end & !CLOSED,
                })
            };
        } else {
            // SAFETY: a word joins only a word before it (`last_end` has `CLOSED` set
            // until a word sets it, and `gap_join` joins nothing from there), and that
            // word wrote or stretched a run. Tested, it took four instructions a word.
            debug_assert!(runs.filled > 0);
            unsafe { runs.last_unchecked() }.words.end = k + 1;
        }
        words.filled = k + 1;
        let (plain_end, after) = ascii_alnum_end_and_byte(b, start);
        let plain = match after {
            None => true,
            Some(c) if ends_plain_word(c) => true,
            // A full stop that ends the sentence after a name longer than any
            // abbreviation ("... led by Sequoia."): one in seven names, which the full
            // scan took 30 instructions more to answer.
            Some(b'.') => {
                plain_end - start > LONGEST_ABBREVIATION
                    && !b.get(plain_end + 1).is_some_and(|&c| is_alnum(c))
            }
            Some(_) => false,
        };
        if plain {
            // Most names: ASCII letters and digits ended by a space, a comma or the like.
            // Written here with nothing after the name: written with the other words'
            // fields, its three ends went through memory (the full scan returns there).
            slot.write(Word {
                start: start as u32,
                end: plain_end as u32,
                poss_end: plain_end as u32,
                possessive: false,
                suffix: Suffix::None,
                joiner,
            });
            i = plain_end.max(start + 1);
            last_end = i;
        } else if let Some(poss_end) = possessive_after(b, start, plain_end) {
            // The next most common (one name in sixteen), also written here: the name
            // and its `’s`, which ends the run ("Facebook’s Clegg").
            slot.write(Word {
                start: start as u32,
                end: plain_end as u32,
                poss_end: poss_end as u32,
                possessive: true,
                suffix: Suffix::None,
                joiner,
            });
            i = poss_end.max(start + 1);
            last_end = i | CLOSED;
        } else {
            let word = scan_capital_from(text, start, plain_end);
            slot.write(Word {
                start: start as u32,
                end: word.end as u32,
                poss_end: word.poss_end as u32,
                possessive: word.possessive,
                suffix: word.suffix,
                joiner,
            });
            // A possessive or a suffix ends the run ("Facebook’s Clegg", "Walmart-owned
            // Flipkart"). One test of both (`Suffix::None` is 0): two tests and an `and`
            // took five instructions a word.
            let closed = (u8::from(word.possessive) | word.suffix as u8) != 0;
            i = word.next.max(start + 1);
            last_end = i | (usize::from(closed) * CLOSED);
        }
    }
}
/// `word` without a possessive's `’s` or `'s` ("Google Cloud’s" -> "Google Cloud").
pub fn without_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}

/// Whether `w` follows `before` in its run across exactly one space, after no full stop
/// ("JD.com. Sequoia Capital": the scan keeps a dot that may end an abbreviation in the
/// word): the test for a name that goes straight on to more of itself (an arm, a unit).
pub fn one_space_after(text: &str, before: &Word, w: &Word) -> bool {
    w.joiner == Joiner::Space
        && text
            .as_bytes()
            .get((before.end as usize).wrapping_sub(1)..w.start as usize)
            .is_some_and(|g| g.len() == 2 && g[0] != b'.' && g[1] == b' ')
}

/// The longest run of lower-case letters a camel-case name opens with before its first
/// capital ("iZettle", "eBay", "easyJet", "ironSource").
const CAMEL_LOWER: usize = 8;

/// Where a camel-case word starts whose first capital is at `i`: lower-case letters (at
/// most [`CAMEL_LOWER`]) after a non-word byte, or none ("McDonald", "3D").
fn camel_start(text: &str, i: usize) -> Option<usize> {
    opening_before(
        text,
        i,
        |c| c.is_ascii_lowercase(),
        |c| c.is_ascii_lowercase(),
    )
}

/// Where a name starts that opens with digits before its first capital at `i` ("3M",
/// "21Shares", "23andMe", "7-Eleven"): up to eight digits, lower-case letters and
/// hyphens, the first a digit, after a non-word byte. (Such a word is a company only
/// where the list knows it: see `memo`.)
fn digit_start(text: &str, i: usize) -> Option<usize> {
    opening_before(
        text,
        i,
        |c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-',
        |c| c.is_ascii_digit(),
    )
}

/// Where a word starts whose first capital is at `i`: the bytes right before it that
/// `inside` takes (at most [`CAMEL_LOWER`]), the first of them one that `first` takes,
/// after a non-word byte; none if there are no such bytes.
fn opening_before(
    text: &str,
    i: usize,
    inside: impl Fn(u8) -> bool,
    first: impl Fn(u8) -> bool,
) -> Option<usize> {
    let b = text.as_bytes();
    let back = b
        .get(i.saturating_sub(CAMEL_LOWER)..i)?
        .iter()
        .rev()
        .take_while(|&&c| inside(c))
        .count();
    let k = i - back;
    (back > 0 && b.get(k).is_some_and(|&c| first(c)) && !word_char_before(text, k)).then_some(k)
}

/// Set in [`scan_into`]'s end of the last word when no run may go on from it: past the
/// end of any text (a slice holds at most `isize::MAX` bytes).
const CLOSED: usize = 1 << (usize::BITS - 1);

/// Where the name that the capital or non-ASCII byte `c` at `i` belongs to starts, or
/// (as the error) where to search on from when it starts none.
#[inline(always)]
fn word_start(text: &str, i: usize, c: u8) -> Result<usize, usize> {
    let b = text.as_bytes();
    if c < 0x80 {
        // Most capitals follow a space or punctuation: one load says so, where the
        // test for a non-ASCII byte before `word_char_before`'s own took two more
        // instructions a word.
        let before = i.checked_sub(1).and_then(|k| b.get(k));
        if before.is_none_or(|&p| !MAY_BE_WORD_CHAR[usize::from(p)]) || !word_char_before(text, i) {
            // "7-Eleven": a name may open with digits and a hyphen (one compare first).
            Ok(if before == Some(&b'-') {
                digit_start(text, i).unwrap_or(i)
            } else {
                i
            })
        } else if let Some(k) = camel_start(text, i) {
            Ok(k)
        } else if let Some(k) = digit_start(text, i) {
            Ok(k)
        } else {
            // A capital inside a word ("McDonald" is consumed whole; "macOS", "3D").
            Err(skip_word(text, i))
        }
    } else if is_punctuation_at(b, i) {
        // Curly quotes and dashes, frequent in news: skipped without decoding.
        Err(i + 3)
    } else {
        match char_at(text, i) {
            Some(ch) if is_word_char(ch) => {
                if ch.is_uppercase() && !word_char_before(text, i) {
                    Ok(i)
                } else {
                    Err(skip_word(text, i))
                }
            }
            Some(ch) => Err(i + ch.len_utf8()),
            None => Err(i + 1),
        }
    }
}

/// The ASCII capitals and non-ASCII bytes of one 64-byte block of the text, as bits,
/// kept from one search for the next capital to the next.
///
/// Names are about 30 bytes apart in news, and each search used to load and compare
/// the 32 bytes from where it started, so most bytes were read twice or more (38M of
/// the scan's 225M instructions per 10k articles). Now each byte is compared once,
/// and a search is a shift and a count of trailing zeros. Only this one mask: the
/// searches within a word read a few bytes each, and masks for them cost more than
/// they saved.
struct Interesting<L> {
    /// Where the block starts: bit `k` of `mask` is byte `base + k`, and no bit is set
    /// for a byte past the text's end.
    base: usize,
    mask: u64,
    lanes: L,
}

impl<L: Lanes> Interesting<L> {
    fn new(b: &[u8], lanes: L) -> Self {
        let mask = if b.is_empty() {
            0
        } else {
            block_mask(b, 0, lanes)
        };
        Interesting {
            base: 0,
            mask,
            lanes,
        }
    }

    /// The first byte at or after `i` that is an ASCII capital or not ASCII (none if
    /// there is none), for an `i` past the byte it found last (the block may have moved
    /// on to there).
    #[inline(always)]
    fn next(&mut self, b: &[u8], i: usize) -> Option<usize> {
        debug_assert!(i >= self.base);
        let off = i.wrapping_sub(self.base);
        if off < 64 {
            let rest = self.mask >> off;
            if rest != 0 {
                return Some(i + rest.trailing_zeros() as usize);
            }
        }
        self.next_block(b, i)
    }

    /// [`next`](Self::next) once the block holds nothing at or after `i`: the blocks from
    /// its end (or from `i`, if past it).
    #[inline]
    fn next_block(&mut self, b: &[u8], i: usize) -> Option<usize> {
        let mut at = i.max(self.base + 64);
        while at < b.len() {
            self.base = at;
            self.mask = block_mask(b, at, self.lanes);
            if self.mask != 0 {
                return Some(at + self.mask.trailing_zeros() as usize);
            }
            at += 64;
        }
        None
    }
}

/// [`Interesting`]'s mask of the 64 bytes from `at` (fewer at the end of the text), for
/// an `at` inside the text.
#[inline]
fn block_mask<L: Lanes>(b: &[u8], at: usize, lanes: L) -> u64 {
    match b.get(at..).and_then(|s| s.first_chunk::<64>()) {
        Some(block) => lanes.interesting_bits(block),
        None => tail_mask(b, at, lanes),
    }
}

/// [`block_mask`] when fewer than 64 bytes are left: the text's last 64 bytes, shifted.
/// Out of line (inlined, it left the loop fewer registers: +2M instructions).
#[inline(never)]
fn tail_mask<L: Lanes>(b: &[u8], at: usize, lanes: L) -> u64 {
    let from_last = b.len().saturating_sub(64);
    let shift = at.saturating_sub(from_last).min(63);
    match b.get(from_last..).and_then(|s| s.first_chunk::<64>()) {
        Some(last) => lanes.interesting_bits(last) >> shift,
        None => short_mask(b) >> shift,
    }
}

/// [`block_mask`] of a text shorter than a block: its bytes copied into zeros (a zero
/// byte is not interesting).
#[inline(never)]
fn short_mask(b: &[u8]) -> u64 {
    let mut block = [0u8; 64];
    if let Some(rest) = b.get(..b.len().min(64)) {
        block[..rest.len()].copy_from_slice(rest);
    }
    interesting_bits(&block)
}

/// How a block's mask is computed: [`Baseline`] on every CPU, [`Avx2`] where it is.
trait Lanes: Copy {
    /// Bit `k`: byte `k` of the block is an ASCII capital or not ASCII.
    fn interesting_bits(self, block: &[u8; 64]) -> u64;
}

/// SSE2 on x86-64 (part of its baseline), plain integer arithmetic elsewhere.
#[derive(Clone, Copy)]
struct Baseline;

impl Lanes for Baseline {
    #[inline(always)]
    fn interesting_bits(self, block: &[u8; 64]) -> u64 {
        interesting_bits(block)
    }
}

/// Proof that the CPU has AVX2, BMI1 and BMI2: only [`Avx2::detect`] makes one.
#[cfg(target_arch = "x86_64")]
#[derive(Clone, Copy)]
struct Avx2(());

#[cfg(target_arch = "x86_64")]
impl Avx2 {
    /// Asked once per paragraph: std's three cached answers took 26 instructions to
    /// reload and test, the one kept here takes a load.
    #[inline]
    fn detect() -> Option<Self> {
        use std::sync::atomic::{AtomicU8, Ordering};
        // 0: not asked yet; then 1 + whether the CPU has them.
        static FOUND: AtomicU8 = AtomicU8::new(0);
        let found = match FOUND.load(Ordering::Relaxed) {
            0 => {
                let found = std::is_x86_feature_detected!("avx2")
                    && std::is_x86_feature_detected!("bmi1")
                    && std::is_x86_feature_detected!("bmi2");
                FOUND.store(1 + u8::from(found), Ordering::Relaxed);
                found
            }
            known => known == 2,
        };
        found.then_some(Avx2(()))
    }
}

#[cfg(target_arch = "x86_64")]
impl Lanes for Avx2 {
    #[inline(always)]
    fn interesting_bits(self, block: &[u8; 64]) -> u64 {
        // SAFETY: `self` exists only on a CPU with AVX2.
        unsafe { interesting_bits_avx2(block) }
    }
}

/// [`interesting_bits`] 32 bytes a step.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
fn interesting_bits_avx2(block: &[u8; 64]) -> u64 {
    use std::arch::x86_64::{
        __m256i, _mm256_add_epi8, _mm256_cmpgt_epi8, _mm256_loadu_si256, _mm256_movemask_epi8,
        _mm256_or_si256, _mm256_set1_epi8,
    };
    let to_signed = _mm256_set1_epi8(0x80u8.wrapping_sub(b'A') as i8);
    let below = _mm256_set1_epi8((0x80u8 + 26) as i8);
    // SAFETY: the 32 bytes from 0 and from 32 are inside the block; the loads need no
    // alignment.
    let (lo, hi) = unsafe {
        (
            _mm256_loadu_si256(block.as_ptr().cast::<__m256i>()),
            _mm256_loadu_si256(block.as_ptr().add(32).cast::<__m256i>()),
        )
    };
    // As in `interesting_bits`.
    let lo_hits = _mm256_or_si256(_mm256_cmpgt_epi8(below, _mm256_add_epi8(lo, to_signed)), lo);
    let hi_hits = _mm256_or_si256(_mm256_cmpgt_epi8(below, _mm256_add_epi8(hi, to_signed)), hi);
    u64::from(_mm256_movemask_epi8(lo_hits) as u32)
        | (u64::from(_mm256_movemask_epi8(hi_hits) as u32) << 32)
}

/// Bit `k`: byte `k` is an ASCII capital or not ASCII. Sixteen bytes a step with SSE2
/// (part of every x86-64).
#[cfg(target_arch = "x86_64")]
#[inline]
fn interesting_bits(block: &[u8; 64]) -> u64 {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };
    let quarter = |k: usize| {
        // `c + (0x80 - 'A')`, read as a signed byte, is below `-128 + 26` exactly for A..=Z;
        // the high bit of the byte itself says "not ASCII".
        // SAFETY: SSE2 is part of the x86-64 baseline; the 16 bytes from `16 * k`, for
        // `k < 4`, are inside the block, and the load needs no alignment.
        let bits = unsafe {
            let v = _mm_loadu_si128(block.as_ptr().add(16 * k).cast::<__m128i>());
            let upper = _mm_cmplt_epi8(
                _mm_add_epi8(v, _mm_set1_epi8(0x80u8.wrapping_sub(b'A') as i8)),
                _mm_set1_epi8((0x80u8 + 26) as i8),
            );
            _mm_movemask_epi8(_mm_or_si128(upper, v))
        };
        u64::from(bits as u16) << (16 * k)
    };
    quarter(0) | quarter(1) | quarter(2) | quarter(3)
}

#[cfg(not(target_arch = "x86_64"))]
fn interesting_bits(block: &[u8; 64]) -> u64 {
    interesting_bits_swar(block)
}

/// [`interesting_bits`] eight bytes a step, in plain integer arithmetic; the high bit of each byte is gathered by a multiply.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn interesting_bits_swar(block: &[u8; 64]) -> u64 {
    const HI: u64 = 0x8080_8080_8080_8080;
    const LO: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const FROM_A: u64 = 0x0101_0101_0101_0101 * (0x80 - b'A' as u64);
    const PAST_Z: u64 = 0x0101_0101_0101_0101 * (0x80 - b'Z' as u64 - 1);
    let mut bits = 0;
    for (k, chunk) in block.chunks_exact(8).enumerate() {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(chunk);
        let x = u64::from_le_bytes(bytes);
        let low = x & LO;
        let hits = (x & HI) | ((low + FROM_A) & !(low + PAST_Z) & HI);
        // Bit 7 of byte `j` lands on bit `56 + j`, and nothing else reaches the top byte.
        bits |= (((hits >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56) << (8 * k);
    }
    bits
}

/// The first byte at or after `i` that is an ASCII capital or not ASCII (or `b.len()`),
/// eight bytes a step in plain integer arithmetic: the reference scan's search.
#[cfg(test)]
fn next_interesting_swar(b: &[u8], mut i: usize) -> usize {
    const HI: u64 = 0x8080_8080_8080_8080;
    const LO: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const FROM_A: u64 = 0x0101_0101_0101_0101 * (0x80 - b'A' as u64);
    const PAST_Z: u64 = 0x0101_0101_0101_0101 * (0x80 - b'Z' as u64 - 1);
    while let Some(chunk) = b.get(i..i + 8) {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(chunk);
        let x = u64::from_le_bytes(bytes);
        let low = x & LO;
        // Per byte: the high bit says "not ASCII", or "between A and Z" for ASCII bytes;
        // no carry crosses bytes because each low part plus its offset stays below 0x100.
        let hits = (x & HI) | ((low + FROM_A) & !(low + PAST_Z) & HI);
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&c) = b.get(i) {
        if c.is_ascii_uppercase() || c >= 0x80 {
            break;
        }
        i += 1;
    }
    i
}

/// How the gap `b[from..to]` joins a name to the one before it: spaces, ` & `, or ` of `.
/// (The reference scan's and the tests' form of [`gap_join`].)
#[cfg(test)]
fn gap_joiner(b: &[u8], from: usize, to: usize) -> Option<Joiner> {
    Some(gap_join(b, from, to)).filter(|&j| j != Joiner::Start)
}

/// [`gap_joiner`], as the joiner of the name after the gap: [`Joiner::Start`] when the
/// gap joins nothing (tested against `None`, the `Option` took four instructions a word
/// to turn into `Start`).
#[inline(always)]
fn gap_join(b: &[u8], from: usize, to: usize) -> Joiner {
    let Some(gap) = b.get(from..to) else {
        return Joiner::Start;
    };
    // Most gaps are one space, or a space and a word that cannot be "of", or start with
    // text or punctuation (", the", "’s"): with no space first, only `&` can join.
    match gap {
        [b' '] => Joiner::Space,
        [b' ', c, ..] if !JOINS_AFTER_SPACE[usize::from(*c)] => Joiner::Start,
        [b' ' | b'&', ..] => gap_joiner_full(b, gap, to).unwrap_or(Joiner::Start),
        _ => Joiner::Start,
    }
}

/// The bytes after a gap's first space that may go on to a joiner: a space, `&`, the `o`
/// of "of" or the `d` of "do", "de", "del" (one load where the tests took six instructions).
static JOINS_AFTER_SPACE: [bool; 256] = {
    let mut table = [false; 256];
    table[b' ' as usize] = true;
    table[b'&' as usize] = true;
    table[b'o' as usize] = true;
    table[b'd' as usize] = true;
    table
};

/// [`gap_joiner`] for any gap. Out of line: rare, and inlined it kept [`gap_join`] from
/// being inlined in the scan loop (~20M instructions per 10k articles).
#[inline(never)]
fn gap_joiner_full(b: &[u8], gap: &[u8], to: usize) -> Option<Joiner> {
    let lead = gap.iter().take_while(|&&c| c == b' ').count();
    // Most gaps are text ("said on Monday that"): the byte after the spaces rules them out.
    match gap.get(lead..)? {
        [] => (lead > 0).then_some(Joiner::Space),
        // `&` then at least one space, and nothing else.
        [b'&', tail @ ..] if !tail.is_empty() && tail.iter().all(|&c| c == b' ') => {
            Some(Joiner::Amp)
        }
        // "Bank of America": spaces, "of", exactly one space, and a plain capital next.
        [b'o', b'f', b' '] if lead > 0 && b.get(to).is_some_and(|c| c.is_ascii_uppercase()) => {
            Some(Joiner::Of)
        }
        // "Banco do Brasil", "Banque de France", "Corte dei Conti": Romance languages' "of".
        [b'd', b'o' | b'e' | b'a' | b'i' | b'u', b' ']
        | [b'd', b'e', b'l' | b's', b' ']
        | [b'd', b'e', b'i', b' ']
            if lead > 0 && b.get(to).is_some_and(|c| c.is_ascii_uppercase()) =>
        {
            Some(Joiner::Of)
        }
        _ => None,
    }
}

/// Whether a name starting at byte `i` of `text` opens a sentence, for a name found
/// without its run (see [`opens_sentence`]).
pub fn opens_sentence_at(text: &str, i: usize) -> bool {
    opens_sentence(text, i, 0)
}

/// Whether a name at `i` opens a sentence: nothing but punctuation back to the start of
/// the text (or to `floor`, the end of the previous name), with a full stop or an opening quote in it.
fn opens_sentence(text: &str, i: usize, floor: usize) -> bool {
    let b = text.as_bytes();
    // Most names follow a space after a word: the loop below would say no on two bytes.
    if i >= floor + 2 && b.get(i - 1) == Some(&b' ') && b.get(i - 2).is_some_and(|&c| is_alnum(c)) {
        return false;
    }
    // The next most common: a full stop, a space, then the name (". The").
    if i >= floor + 3
        && b.get(i - 3..i)
            .is_some_and(|g| is_alnum(g[0]) && g[1] == b'.' && g[2] == b' ')
    {
        return true;
    }
    let mut j = i;
    let mut stop = false;
    while j > floor {
        let c = b[j - 1];
        if c < 0x80 {
            if is_alnum(c) {
                return stop;
            }
            match c {
                b'.' | b'!' | b'?' => stop = true,
                b'"' if j == 1 || b[j - 2] == b' ' => stop = true,
                _ => {}
            }
            j -= 1;
        } else if j >= floor + 3 && is_punctuation_at(b, j - 3) {
            if matches!(b[j - 1], 0x9C | 0x98) {
                // “ or ‘
                stop = true;
            }
            j -= 3;
        } else {
            let mut k = j - 1;
            while k > 0 && (b[k] & 0xC0) == 0x80 {
                k -= 1;
            }
            match char_at(text, k) {
                Some(ch) if is_word_char(ch) => return stop,
                Some('“' | '‘') => stop = true,
                _ => {}
            }
            j = k;
        }
    }
    // Reached the start of the text: a sentence opens there; the end of a name: only punctuation says so.
    stop || floor == 0
}

/// Whether the character just before byte `i` is a letter or digit.
#[inline(always)]
fn word_char_before(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let Some(&c) = i.checked_sub(1).and_then(|k| b.get(k)) else {
        return false;
    };
    if c < 0x80 {
        return is_alnum(c);
    }
    non_ascii_word_char_before(text, i)
}

/// [`word_char_before`] when the byte before `i` is not ASCII (out of line: rare; cold,
/// as is [`scan_capital_slow`], so that the loop saves registers around the calls, not
/// at every word).
#[cold]
#[inline(never)]
fn non_ascii_word_char_before(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    if i >= 3 && is_punctuation_at(b, i - 3) {
        return false;
    }
    let mut k = i - 1;
    while k > 0 && (b[k] & 0xC0) == 0x80 {
        k -= 1;
    }
    char_at(text, k).is_some_and(is_word_char)
}

struct Scanned {
    end: usize,
    poss_end: usize,
    possessive: bool,
    suffix: Suffix,
    /// Where scanning resumes.
    next: usize,
}

/// Scans a capitalised word starting at `i` (the scan and the reference scan's tests).
#[cfg(test)]
fn scan_capital(text: &str, i: usize) -> Scanned {
    scan_capital_from(text, i, ascii_alnum_end(text.as_bytes(), i))
}

/// [`scan_capital`], given where the ASCII letters and digits from `i` end.
#[inline(always)]
fn scan_capital_from(text: &str, i: usize, mut plain_end: usize) -> Scanned {
    let b = text.as_bytes();
    // Most names are ASCII letters and digits (and Latin letters) ended by a space, a
    // comma or a full stop, or followed by a possessive `’s`: answered here without the
    // full scan below.
    loop {
        let plain = Scanned {
            end: plain_end,
            poss_end: plain_end,
            possessive: false,
            suffix: Suffix::None,
            next: plain_end,
        };
        match b.get(plain_end) {
            None => return plain,
            Some(&c) if ends_plain_word(c) => return plain,
            // Müller, García: a Latin letter, then on to the next letters and digits.
            Some(0xC3..=0xC5) if is_latin_letter_at(b, plain_end) => {
                plain_end = ascii_alnum_end(b, plain_end + 2);
                continue;
            }
            // A full stop that ends the sentence, not an abbreviation's ("Inc.") or an inner one.
            Some(b'.')
                if !b.get(plain_end + 1).is_some_and(|&c| is_alnum(c))
                    && !ABBREVIATIONS.contains(&&b[i..plain_end]) =>
            {
                return plain;
            }
            Some(_) => {
                if let Some(poss_end) = possessive_after(b, i, plain_end) {
                    return Scanned {
                        poss_end,
                        possessive: true,
                        next: poss_end,
                        ..plain
                    };
                }
            }
        }
        return scan_capital_slow(text, i);
    }
}

/// Where the possessive `’s` or `'s` right after the name `[i, plain_end)` ends, if one
/// follows it with nothing glued on: "Gojek’s", "Apple's" (a name before the
/// apostrophe: `’s` alone is no possessive).
#[inline(always)]
fn possessive_after(b: &[u8], i: usize, plain_end: usize) -> Option<usize> {
    if plain_end <= i {
        return None;
    }
    // Where the `s` after the apostrophe would be.
    let s_at = match b.get(plain_end..plain_end + 3) {
        Some([0xE2, 0x80, 0x99]) => plain_end + 3,
        _ if b.get(plain_end) == Some(&b'\'') => plain_end + 1,
        _ => return None,
    };
    (b.get(s_at) == Some(&b's') && b.get(s_at + 1).is_none_or(|&c| ends_plain_word(c)))
        .then_some(s_at + 1)
}

/// Whether an ASCII byte right after a word's letters and digits ends the word with
/// nothing glued on: not a letter or digit, and none of the dot, ampersand, hyphen or
/// apostrophe that [`scan_capital_slow`] reads on past.
#[inline]
fn ends_plain_word(c: u8) -> bool {
    ENDS_PLAIN_WORD[c as usize]
}

/// [`ends_plain_word`] by byte: one load where the tests take a dozen instructions.
static ENDS_PLAIN_WORD: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 0x80 {
        let b = c as u8;
        table[c] = !b.is_ascii_alphanumeric() && !matches!(b, b'.' | b'&' | b'-' | b'\'');
        c += 1;
    }
    table
};

/// [`scan_capital`] for a word that goes on past its letters and digits, or ends in
/// punctuation that may belong to it.
#[cold]
fn scan_capital_slow(text: &str, i: usize) -> Scanned {
    let b = text.as_bytes();
    let n = b.len();
    let mut j = i;
    let mut has_dot = false;
    loop {
        j = skip_word(text, j);
        if j >= n {
            break;
        }
        let c = b[j];
        let after = b.get(j + 1).copied();
        match c {
            // JD.com, U.S: an inner dot joins; AT&T, P&G: so does a glued ampersand.
            b'.' | b'&' if after.is_some_and(|a| a.is_ascii_alphanumeric()) => {
                has_dot |= c == b'.';
                j += 1;
            }
            b'-' if after.is_some_and(|a| a.is_ascii_lowercase()) => {
                let suffix_end = skip_word(text, j + 1);
                let kind = suffix_kind(&b[j + 1..suffix_end]);
                if kind != Suffix::None {
                    let (end, poss_end, possessive) = possessive_split(text, i, j);
                    return Scanned {
                        end,
                        poss_end,
                        possessive,
                        suffix: kind,
                        next: suffix_end,
                    };
                }
                j += 1;
            }
            b'-' if after.is_some_and(|a| a.is_ascii_alphanumeric() || a >= 0x80) => j += 1,
            b'\'' if after.is_some_and(|a| a.is_ascii_alphabetic()) => j += 1,
            0xE2 if text[j..].starts_with('’')
                && b.get(j + 3).is_some_and(|a| a.is_ascii_alphabetic()) =>
            {
                j += 3
            }
            _ => break,
        }
    }
    // A trailing dot after an abbreviation (Bros., Inc., U.S.) belongs to the word.
    if b.get(j) == Some(&b'.') && (has_dot || ABBREVIATIONS.contains(&&b[i..j])) {
        j += 1;
    }
    let (end, mut poss_end, mut possessive) = possessive_split(text, i, j);
    // Plural possessive: "Collins’ committee".
    if !possessive && j > i && b[j - 1] == b's' {
        let rest = &text[j..];
        let apostrophe = if rest.starts_with('’') {
            3
        } else if rest.starts_with('\'') {
            1
        } else {
            0
        };
        if apostrophe > 0 && !b.get(j + apostrophe).is_some_and(|a| is_word_byte(*a)) {
            poss_end = j + apostrophe;
            possessive = true;
        }
    }
    // "Byju’s-owned": a suffix after a possessive.
    if b.get(j) == Some(&b'-') && b.get(j + 1).is_some_and(|a| a.is_ascii_lowercase()) {
        let suffix_end = skip_word(text, j + 1);
        let kind = suffix_kind(&b[j + 1..suffix_end]);
        if kind != Suffix::None {
            return Scanned {
                end,
                poss_end,
                possessive,
                suffix: kind,
                next: suffix_end,
            };
        }
    }
    Scanned {
        end,
        poss_end,
        possessive,
        suffix: Suffix::None,
        next: poss_end.max(j),
    }
}

/// Splits a trailing `’s` / `'s` off the word `[i, j)`: (name end, end with possessive, possessive?).
#[inline]
fn possessive_split(text: &str, i: usize, j: usize) -> (usize, usize, bool) {
    // Most words do not end in "s": no possessive to look for.
    if text.as_bytes().get(j.wrapping_sub(1)) != Some(&b's') {
        return (j, j, false);
    }
    let word = &text[i..j];
    for apostrophe in ["’s", "'s"] {
        if let Some(stem) = word.strip_suffix(apostrophe)
            && !stem.is_empty()
        {
            return (i + stem.len(), j, true);
        }
    }
    (j, j, false)
}

/// The end of the run of word characters (letters, digits) starting at `i`.
fn skip_word(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i < b.len() {
        // The common case first: a stretch of ASCII letters and digits.
        i = ascii_alnum_end(b, i);
        let Some(&c) = b.get(i) else { break };
        if is_punctuation_at(b, i) {
            break;
        } else if is_latin_letter_at(b, i) {
            i += 2;
        } else if c >= 0x80 {
            match char_at(text, i) {
                Some(ch) if is_word_char(ch) => i += ch.len_utf8(),
                Some(_) => break,
                // A continuation byte: only reachable mid-char, which callers avoid.
                None => i += 1,
            }
        } else {
            break;
        }
    }
    i
}

/// Whether `b[i..]` starts with a letter of U+00C0..=U+017F: Latin-1's letters (all of
/// `C3 xx` but × and ÷) and Latin Extended-A (`C4 xx`, `C5 xx`, all letters). Names in
/// news are full of them (Müller, García, São Paulo: most of the 38k words per 10k
/// articles that take the full word scan), and this answers without decoding the
/// char and looking it up in Unicode's tables.
#[inline]
fn is_latin_letter_at(b: &[u8], i: usize) -> bool {
    match (b.get(i), b.get(i + 1)) {
        (Some(0xC3), Some(&c)) => matches!(c, 0x80..=0xBF) && c != 0x97 && c != 0xB7,
        (Some(0xC4 | 0xC5), Some(&c)) => matches!(c, 0x80..=0xBF),
        _ => false,
    }
}

/// The end of the stretch of ASCII letters and digits starting at `i`: sixteen bytes at
/// once with SSE2 (x86-64 baseline), then a table load a byte. More instructions than the
/// byte loop for short words, but no branch to mispredict at each word's end: 2.7% less
/// wall time for the whole build (hyperfine, 10k articles, one thread).
#[inline]
fn ascii_alnum_end(b: &[u8], i: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        // `i < len - 15`: one compare, where `b.get(i..i + 16)` takes seven instructions.
        if i < b.len().saturating_sub(15) {
            // SAFETY: `i + 16 <= b.len()`.
            let stop = !unsafe { alnum_bits_at(b, i) } & 0xFFFF;
            if stop != 0 {
                return i + stop.trailing_zeros() as usize;
            }
            return ascii_alnum_end_bytes(b, i + 16);
        }
        // In the last 15 bytes (every text's last word): its last 16, shifted, instead of
        // the byte loop (2M instructions per 10k articles).
        if let Some(from) = b.len().checked_sub(16)
            && i < b.len()
        {
            // SAFETY: `from + 16 == b.len()`.
            let alnum = unsafe { alnum_bits_at(b, from) };
            // `from < i < len`: the bits from `len - i` on are zeros, so the count stops
            // at the text's end at the latest.
            return i + (!(alnum >> (i - from))).trailing_zeros() as usize;
        }
    }
    ascii_alnum_end_bytes(b, i)
}

/// [`ascii_alnum_end`], and the byte there (none at the text's end): where the sixteen
/// bytes searched hold the end, that byte is inside the text, and is read without the
/// bounds check that took two instructions a word.
#[inline(always)]
fn ascii_alnum_end_and_byte(b: &[u8], i: usize) -> (usize, Option<u8>) {
    #[cfg(target_arch = "x86_64")]
    if i < b.len().saturating_sub(15) {
        // SAFETY: `i + 16 <= b.len()`.
        let stop = !unsafe { alnum_bits_at(b, i) } & 0xFFFF;
        if stop != 0 {
            let end = i + stop.trailing_zeros() as usize;
            // SAFETY: `end < i + 16 <= b.len()`, as `stop` has a bit below 16.
            return (end, Some(unsafe { *b.get_unchecked(end) }));
        }
    }
    let end = ascii_alnum_end(b, i);
    (end, b.get(end).copied())
}

/// Bit `k`: byte `at + k` is an ASCII letter or digit, for the sixteen bytes from `at`.
///
/// # Safety
///
/// `at + 16 <= b.len()`.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
unsafe fn alnum_bits_at(b: &[u8], at: usize) -> u32 {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };
    // As in `interesting_bits`: a byte plus `0x80 - lo`, read signed, is below
    // `-128 + n` exactly for the `n` bytes from `lo`. Letters are read folded to
    // lower case (`| 0x20`), which maps no other byte into a..=z.
    // SAFETY: SSE2 is part of the x86-64 baseline; the caller promises the 16 bytes
    // from `at` are inside `b`, and the load needs no alignment.
    unsafe {
        let v = _mm_loadu_si128(b.as_ptr().add(at).cast::<__m128i>());
        let letter = _mm_cmplt_epi8(
            _mm_add_epi8(
                _mm_or_si128(v, _mm_set1_epi8(0x20)),
                _mm_set1_epi8(0x80u8.wrapping_sub(b'a') as i8),
            ),
            _mm_set1_epi8((0x80u8 + 26) as i8),
        );
        let digit = _mm_cmplt_epi8(
            _mm_add_epi8(v, _mm_set1_epi8(0x80u8.wrapping_sub(b'0') as i8)),
            _mm_set1_epi8((0x80u8 + 10) as i8),
        );
        _mm_movemask_epi8(_mm_or_si128(letter, digit)) as u32
    }
}

/// [`ascii_alnum_end`] a byte at a time.
fn ascii_alnum_end_bytes(b: &[u8], mut i: usize) -> usize {
    while b.get(i).is_some_and(|&c| ASCII_ALNUM[c as usize]) {
        i += 1;
    }
    i
}

/// `u8::is_ascii_alphanumeric` as one table load (the range tests are half a dozen
/// instructions, asked several times of every capitalised word).
#[inline(always)]
fn is_alnum(c: u8) -> bool {
    ASCII_ALNUM[c as usize]
}

/// ASCII letters and digits, and the bytes that are not ASCII (which may belong to a
/// letter), by byte.
static MAY_BE_WORD_CHAR: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        table[c] = (c as u8).is_ascii_alphanumeric() || c >= 0x80;
        c += 1;
    }
    table
};

/// ASCII letters and digits, by byte.
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut c = 0;
    while c < 256 {
        table[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    table
};

/// `char::is_alphanumeric`, answering the common cases (ASCII, and the quotes and dashes
/// of General Punctuation) without Unicode table lookups.
pub fn is_word_char(ch: char) -> bool {
    if ch.is_ascii() {
        ch.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&ch) {
        false
    } else {
        ch.is_alphanumeric()
    }
}

/// Whether `b[i..]` starts with one of U+2000..U+203F (`E2 80 xx`: spaces, dashes, curly
/// quotes, ellipsis), none of which is a word character: news text is full of them, and
/// this answers without decoding a char.
fn is_punctuation_at(b: &[u8], i: usize) -> bool {
    b.get(i) == Some(&0xE2) && b.get(i + 1) == Some(&0x80)
}

fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c >= 0x80
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// What a hyphenated suffix makes of the name before it: "Walmart-owned", "London-based".
fn suffix_kind(suffix: &[u8]) -> Suffix {
    if OWNER_SUFFIXES.contains(&suffix) {
        Suffix::Owner
    } else if PLACE_SUFFIXES.contains(&suffix) {
        Suffix::Place
    } else {
        Suffix::None
    }
}

#[cfg(test)]
mod reference;

#[cfg(test)]
mod tests {
    use super::*;

    fn runs_of(text: &str) -> Vec<Vec<(String, bool)>> {
        let (mut words, mut runs) = (Vec::new(), Vec::new());
        scan(text, &mut words, &mut runs);
        runs.iter()
            .map(|r| {
                words[r.words.clone()]
                    .iter()
                    .map(|w| {
                        (
                            text[w.start as usize..w.end as usize].to_string(),
                            w.possessive,
                        )
                    })
                    .collect()
            })
            .collect()
    }

    fn names(text: &str) -> Vec<String> {
        runs_of(text)
            .into_iter()
            .map(|r| r.into_iter().map(|(w, _)| w).collect::<Vec<_>>().join(" "))
            .collect()
    }

    #[test]
    fn romance_of_words_join_a_name_like_of() {
        // `names` joins a run's words with spaces, leaving out the "of" between them.
        assert_eq!(
            names(
                "Rivals Banco do Brasil, Banque de France and Corte dei Conti spoke; Do Kwon did not."
            ),
            [
                "Rivals Banco Brasil",
                "Banque France",
                "Corte Conti",
                "Do Kwon"
            ]
        );
        // Only before a capital: "Banco do brasil" is two names.
        assert_eq!(names("Banco do brasil rose"), ["Banco"]);
    }

    #[test]
    fn camel_case_names_start_at_their_first_lower_case_letter() {
        assert_eq!(
            names("Shares of easyJet, ironSource and tvScientific rose; McDonald and 3D fell."),
            [
                "Shares",
                "easyJet",
                "ironSource",
                "tvScientific",
                "McDonald",
                "3D"
            ]
        );
        // Digits (and a hyphen) may open a name before its first capital; the list
        // decides which are companies.
        assert_eq!(
            names("Shares of 3M, 21Shares, 23andMe and 7-Eleven rose; covid19X did not."),
            ["Shares", "3M", "21Shares", "23andMe", "7-Eleven"]
        );
        // Past eight lower-case letters a capital is inside a word, not a name's start.
        assert_eq!(names("see abcdefghiJkl here"), Vec::<String>::new());
    }

    #[test]
    fn finds_runs_possessives_and_odd_spellings() {
        assert_eq!(
            names("Osmo, acquired by Byju’s, sells iZettle and JD.com gear via WP Engine."),
            ["Osmo", "Byju", "iZettle", "JD.com", "WP Engine"]
        );
        let runs = runs_of("Facebook’s Nick Clegg and Collins’ committee");
        assert_eq!(runs[0], [("Facebook".to_string(), true)]);
        assert_eq!(runs[2], [("Collins".to_string(), true)]);
    }

    #[test]
    fn suffixes_split_and_classify() {
        let text = "Walmart-owned Flipkart and Palo Alto-based Osmo and Byju’s-owned Osmo";
        let (mut words, mut runs) = (Vec::new(), Vec::new());
        scan(text, &mut words, &mut runs);
        let got: Vec<_> = words
            .iter()
            .map(|w| (&text[w.start as usize..w.end as usize], w.suffix))
            .collect();
        assert_eq!(
            got,
            [
                ("Walmart", Suffix::Owner),
                ("Flipkart", Suffix::None),
                ("Palo", Suffix::None),
                ("Alto", Suffix::Place),
                ("Osmo", Suffix::None),
                ("Byju", Suffix::Owner),
                ("Osmo", Suffix::None),
            ]
        );
        assert_eq!(runs.len(), 6);
    }

    #[test]
    fn sentence_starts_and_joiners() {
        let text = "It rose. Bank of America and Hellman & Friedman and Warner Bros. Discovery";
        let (mut words, mut runs) = (Vec::new(), Vec::new());
        scan(text, &mut words, &mut runs);
        assert!(runs[0].sentence_start(text, &words));
        assert!(runs[1].sentence_start(text, &words));
        assert!(!runs[2].sentence_start(text, &words));
        assert_eq!(
            names(text),
            [
                "It",
                "Bank America",
                "Hellman Friedman",
                "Warner Bros. Discovery"
            ]
        );
        assert_eq!(words[2].joiner, Joiner::Of);
        assert_eq!(words[4].joiner, Joiner::Amp);
    }

    /// The first capital or non-ASCII byte from `from`, one byte at a time.
    fn next_interesting_slowly(b: &[u8], from: usize) -> usize {
        (from..b.len())
            .find(|&k| b[k].is_ascii_uppercase() || b[k] >= 0x80)
            .unwrap_or(b.len())
    }

    #[test]
    fn both_searches_for_capitals_agree() {
        let text = "plain words, Then a Capital, an é and “quotes” and 0123456789abcdefXyz ü \
                    and a long stretch of lower case words with no capital in it at all Z";
        // Also shorter than a block, and exactly one or two blocks.
        let texts = [text, &text[..63], &text[..64], &text[..128], "", "Z"];
        for text in texts {
            let b = text.as_bytes();
            for from in 0..=b.len() {
                // None past the last, as the scan reads the byte found unchecked.
                let slow = Some(next_interesting_slowly(b, from)).filter(|&k| k < b.len());
                assert_eq!(
                    Interesting::new(b, Baseline).next(b, from),
                    slow,
                    "from {from}"
                );
                #[cfg(target_arch = "x86_64")]
                if let Some(avx2) = Avx2::detect() {
                    assert_eq!(Interesting::new(b, avx2).next(b, from), slow, "from {from}");
                }
                assert_eq!(
                    next_interesting_swar(b, from),
                    slow.unwrap_or(b.len()),
                    "from {from}"
                );
            }
        }
    }

    /// One mask kept across searches, as the scan keeps it: moving on from what was found
    /// by every step from one byte to past a block, so that searches start inside the
    /// block, at its end, and past it, and blocks end anywhere relative to the text's end.
    #[test]
    fn the_kept_mask_finds_every_capital() {
        let mut text = String::new();
        for k in 0..300 {
            text.push_str(
                [
                    "ab",
                    "C",
                    " ",
                    "é",
                    "de fgh ",
                    "I",
                    "jklmnopqrstuvwxyz0123456789",
                ][k % 7],
            );
        }
        for len in [0, 1, 63, 64, 65, 127, 128, 129, 200, text.len()] {
            let b = &text.as_bytes()[..len];
            for step in 1..=140 {
                kept_mask_walk(b, step, Baseline);
                #[cfg(target_arch = "x86_64")]
                if let Some(avx2) = Avx2::detect() {
                    kept_mask_walk(b, step, avx2);
                }
            }
        }
    }

    fn kept_mask_walk<L: Lanes>(b: &[u8], step: usize, lanes: L) {
        let mut interesting = Interesting::new(b, lanes);
        let mut i = 0;
        while i <= b.len() {
            let got = interesting.next(b, i);
            let len = b.len();
            let want = Some(next_interesting_slowly(b, i)).filter(|&k| k < len);
            assert_eq!(got, want, "len {len} step {step} at {i}");
            i = got.unwrap_or(len) + step;
        }
    }

    #[test]
    fn both_ways_of_masking_a_block_agree() {
        for shift in 0..64 {
            let block: [u8; 64] = std::array::from_fn(|k| (k * 37 + shift * 5) as u8);
            let want = (0..64).fold(0u64, |m, k| {
                m | (u64::from(block[k].is_ascii_uppercase() || block[k] >= 0x80) << k)
            });
            assert_eq!(interesting_bits(&block), want);
            #[cfg(target_arch = "x86_64")]
            if let Some(avx2) = Avx2::detect() {
                assert_eq!(avx2.interesting_bits(&block), want);
            }
            assert_eq!(interesting_bits_swar(&block), want);
        }
    }

    #[test]
    fn the_end_of_letters_and_digits_is_found_everywhere() {
        let mut text = String::new();
        for c in 0u8..=255 {
            text.push_str("Abc09xyzABCDEFGHIJKLMnopqrstuvwxyz");
            text.push(char::from(c));
        }
        // The whole text, and texts ending at every byte of its first 40 (so that words
        // end at and run to the text's end, with fewer than 16 bytes left or in all).
        let whole = text.as_bytes();
        for len in (0..=40).chain([whole.len()]) {
            let b = &whole[..len];
            for from in 0..=b.len() {
                let slow = (from..b.len())
                    .find(|&k| !b[k].is_ascii_alphanumeric())
                    .unwrap_or(b.len());
                assert_eq!(ascii_alnum_end(b, from), slow, "len {len} from {from}");
                assert_eq!(
                    ascii_alnum_end_and_byte(b, from),
                    (slow, b.get(slow).copied()),
                    "len {len} from {from}"
                );
            }
        }
    }

    /// Every field of every word and run, for comparing two scans.
    type Scan = Vec<(
        (u32, u32, u32, bool, Suffix, Joiner),
        Option<(usize, usize, usize)>,
    )>;

    fn scanned(text: &str, scan: fn(&str, &mut Vec<Word>, &mut Vec<Run>)) -> Scan {
        // Buffers left full by an earlier paragraph: the scan must replace their contents.
        let stale = Word {
            start: 9,
            end: 9,
            poss_end: 9,
            possessive: true,
            suffix: Suffix::Owner,
            joiner: Joiner::Of,
        };
        let (mut words, mut runs) = (
            vec![stale; 3],
            vec![Run {
                words: 0..3,
                floor: 9,
            }],
        );
        scan(text, &mut words, &mut runs);
        words
            .iter()
            .enumerate()
            .map(|(k, w)| {
                let run = runs
                    .iter()
                    .find(|r| r.words.start == k)
                    .map(|r| (r.words.start, r.words.end, r.floor));
                (
                    (w.start, w.end, w.poss_end, w.possessive, w.suffix, w.joiner),
                    run,
                )
            })
            .collect()
    }

    /// Both compiled scans (the one `scan` picks, and the SSE2 baseline) read `text` as
    /// the reference loop does.
    fn assert_agrees_with_reference(text: &str) {
        let want = scanned(text, reference::scan);
        assert_eq!(scanned(text, scan), want, "{text:?}");
        assert_eq!(scanned(text, scan_baseline), want, "{text:?}");
    }

    /// The tuned scan against the reference loop, on the sample digest (every line, and
    /// every line run together) and on the fixtures.
    #[test]
    fn the_scan_agrees_with_the_reference_on_real_text() {
        let texts = [
            include_str!("../../assets/techcrunch-2019-06-24.txt"),
            include_str!("../../tests/fixtures/companies/third.txt"),
            include_str!("../../tests/fixtures/companies/unseen.txt"),
        ];
        for text in texts {
            assert_agrees_with_reference(text);
            for line in text.lines() {
                assert_agrees_with_reference(line);
            }
        }
    }

    /// A paragraph of megabytes reserves room for the words it can hold, not for half
    /// its bytes, and still finds every word (dense ones too, past the counted bound).
    #[test]
    fn a_long_paragraph_reserves_room_by_its_capitals() {
        let prose = "the deal was closed by Gojek, then by Uber in São Paulo; ".repeat(40_000);
        let (mut words, mut runs) = (Vec::new(), Vec::new());
        scan(&prose, &mut words, &mut runs);
        assert_eq!(words.len(), 4 * 40_000);
        assert!(
            words.capacity() < prose.len() / 8,
            "{} words of room for {} bytes",
            words.capacity(),
            prose.len()
        );
        for dense in [
            "A ".repeat(40_000),
            "É,".repeat(30_000),
            "iZ ".repeat(30_000),
        ] {
            assert!(dense.len() > COUNTED_TEXT);
            assert_eq!(scanned(&dense, scan), scanned(&dense, reference::scan));
            assert_eq!(
                scanned(&dense, scan_baseline),
                scanned(&dense, reference::scan)
            );
        }
    }

    /// Texts as dense in words as any can be: the room reserved up front holds them all.
    #[test]
    fn the_densest_texts_fit_the_room_reserved() {
        for piece in ["A ", "A,", "É ", "A.É", "U.S.É", "iZ ", "A’s ", "Ab-owned "] {
            for n in 0..70 {
                let text = piece.repeat(n);
                let (mut words, mut runs) = (Vec::new(), Vec::new());
                scan(&text, &mut words, &mut runs);
                assert!(words.len() <= most_words(text.as_bytes()), "{text:?}");
                assert_agrees_with_reference(&text);
            }
        }
        for text in ["A", "É", "A B", "AB C"] {
            assert_agrees_with_reference(text);
        }
    }

    proptest::proptest! {
        /// The plain-word shortcut answers as the full scan does, wherever a word starts.
        #[test]
        fn the_plain_word_shortcut_agrees_with_the_full_scan(
            text in "([A-Za-z0-9 .,&'’s-]|é|É|“|\\u{2014}|×|ł|ő){0,40}"
        ) {
            for i in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                let (fast, slow) = (scan_capital(&text, i), scan_capital_slow(&text, i));
                proptest::prop_assert_eq!(
                    (fast.end, fast.poss_end, fast.possessive, fast.suffix, fast.next),
                    (slow.end, slow.poss_end, slow.possessive, slow.suffix, slow.next),
                    "at {} of {:?}", i, text
                );
            }
        }
    }

    proptest::proptest! {
        /// The tuned scan gives the reference loop's words and runs, joiners and floors,
        /// on text made of the pieces its shortcuts must tell apart.
        #[test]
        fn the_scan_agrees_with_the_reference_on_any_text(
            pieces in proptest::collection::vec(proptest::sample::select(&[
                "Ab", "Inc", "iZ", "s", "’s", "'s", "’", "'", ".", ". ", "-", "&", " & ", " ",
                "  ", ",", "é", "É", "owned", "based", "—", "“", "”", "x9", " of ", "of", "Ü",
                "\u{0B}", "3D", "Bros", "U.S.", "\n", "?", "\"", "mac", "OS", "Zz",
                "0123456789abcdefghijklmnopqrstuvwxyz",
            ][..]), 0..40)
        ) {
            let text: String = pieces.concat();
            let want = scanned(&text, reference::scan);
            proptest::prop_assert_eq!(&scanned(&text, scan), &want);
            proptest::prop_assert_eq!(&scanned(&text, scan_baseline), &want);
        }
    }

    /// Every string of up to four of these pieces, at every position: the cases the
    /// shortcuts must tell apart (possessives, abbreviations, suffixes, inner dots).
    #[test]
    fn the_shortcuts_agree_with_the_full_scan_on_every_short_combination() {
        const PIECES: [&str; 16] = [
            "Ab", "Inc", "s", "’s", "'s", "’", "'", ".", "-", "&", " ", ",", "é", "owned", "—",
            "x9",
        ];
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| PIECES.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
        }
        texts.sort();
        texts.dedup();
        for text in &texts {
            for i in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                let (fast, slow) = (scan_capital(text, i), scan_capital_slow(text, i));
                assert_eq!(
                    (
                        fast.end,
                        fast.poss_end,
                        fast.possessive,
                        fast.suffix,
                        fast.next
                    ),
                    (
                        slow.end,
                        slow.poss_end,
                        slow.possessive,
                        slow.suffix,
                        slow.next
                    ),
                    "at {i} of {text:?}"
                );
            }
        }
    }

    #[test]
    fn latin_letters_are_word_characters() {
        for ch in '\u{80}'..='\u{7FF}' {
            let mut buf = [0u8; 4];
            let bytes = ch.encode_utf8(&mut buf).as_bytes();
            let latin = ('\u{C0}'..='\u{17F}').contains(&ch);
            let want = latin && is_word_char(ch);
            assert_eq!(is_latin_letter_at(bytes, 0), want, "{ch:?}");
            assert!(!is_latin_letter_at(&bytes[..1], 0), "{ch:?}");
            if latin {
                assert_eq!(want, !matches!(ch, '×' | '÷'), "{ch:?}");
            }
        }
    }

    #[test]
    fn the_byte_tables_match_their_definitions() {
        for c in 0..=255u8 {
            let want =
                c < 0x80 && !c.is_ascii_alphanumeric() && !matches!(c, b'.' | b'&' | b'-' | b'\'');
            assert_eq!(ends_plain_word(c), want, "byte {c:#04x}");
            assert_eq!(is_alnum(c), c.is_ascii_alphanumeric(), "byte {c:#04x}");
            assert_eq!(
                MAY_BE_WORD_CHAR[usize::from(c)],
                c.is_ascii_alphanumeric() || !c.is_ascii(),
                "byte {c:#04x}"
            );
            assert_eq!(
                JOINS_AFTER_SPACE[usize::from(c)],
                matches!(c, b' ' | b'&' | b'o' | b'd'),
                "byte {c:#04x}"
            );
        }
    }

    #[test]
    fn the_gap_shortcuts_agree_with_the_full_test() {
        const PIECES: [&str; 7] = [" ", "&", "of", "o", "f", "x", ","];
        let mut gaps = vec![String::new()];
        for _ in 0..5 {
            let longer: Vec<String> = gaps
                .iter()
                .flat_map(|g| PIECES.iter().map(move |p| format!("{g}{p}")))
                .collect();
            gaps.extend(longer);
        }
        for gap in &gaps {
            for next in ["A", "a", ""] {
                let text = format!("X{gap}{next}");
                let b = text.as_bytes();
                let to = 1 + gap.len();
                assert_eq!(
                    gap_joiner(b, 1, to),
                    gap_joiner_full(b, &b[1..to], to),
                    "{text:?}"
                );
            }
        }
    }

    /// Names before a dot, of every length around the longest abbreviation's, with what
    /// may follow a dot: the plain word's shortcut for a full stop against the reference.
    #[test]
    fn names_before_a_dot_agree_with_the_reference() {
        assert_eq!(LONGEST_ABBREVIATION, 4);
        let names = [
            "A", "Co", "Jr", "Inc", "Ltd", "Bros", "Corp", "Brosa", "Corps", "Apple", "U", "Abc",
            "Abcd", "Abcde", "Sequoia", "AB12",
        ];
        let after = [
            "",
            " ",
            ".",
            "x",
            "X",
            "9",
            ", ",
            "\n",
            "’",
            "é",
            " Discovery",
        ];
        for name in names {
            for tail in after {
                for before in ["", "by ", "x", "“"] {
                    assert_agrees_with_reference(&format!("{before}{name}.{tail}"));
                }
            }
        }
    }

    #[test]
    fn hyphenated_names_stay_whole() {
        assert_eq!(
            names("in Dada-JD Daojia and Hotstar-Flipkart’s ads, T-Mobile"),
            ["Dada-JD Daojia", "Hotstar-Flipkart", "T-Mobile"]
        );
    }
}
