//! The recognition rules: which capitalised runs of one article name companies, and how often.
//!
//! Known names are matched longest-first in each run. What is left over ("stretches")
//! becomes a company only with evidence from its context — an appositive ("X, the
//! London startup"), a role noun ("retailer X"), a deal ("acquired by X", "X raised"),
//! a possessive ("X’s CEO"), a list with other companies — and no sign that it is a
//! person ("Pramod Sharma, CEO of…", a surname of someone named in full) or a place.
//! Names that are also common words (Apple, Target) need the same evidence when they
//! open a sentence.

use rustc_hash::FxHashMap;

use super::candidates::{self, Joiner, Run, Suffix, Word, is_word_char};
use super::known::{KnownCompanies, NameKind, normalize_dropping_the, normalize_into};
use super::memo::{self, StretchFacts, StretchMemo, WordMemo};
use super::units;

/// What one article mentions: known companies by id and newly discovered names, with counts.
#[derive(Debug, Default, Clone)]
pub struct Findings {
    pub known: Vec<(u32, u32)>,
    pub discovered: Vec<Discovered>,
}

/// An unknown name found in an article: inline strings, since nearly all are short and
/// every article has several (a `Box<str>` each cost two allocations per name).
#[derive(Debug, Clone)]
pub struct Discovered {
    pub name: compact_str::CompactString,
    pub key: compact_str::CompactString,
    pub count: u32,
}

/// Buffers reused across articles (one per worker thread).
#[derive(Default)]
pub struct Scratch {
    words: Vec<Word>,
    runs: Vec<Run>,
    key: String,
    items: Vec<Item>,
    /// The indices of the items a coordinator joins to the item before them (see
    /// [`coordinate`]).
    joins: Vec<u32>,
    aggs: Vec<Agg>,
    agg_index: AggIndex,
    known: Vec<(u32, u32)>,
    /// Known company id -> its index in `known` plus one (0: not counted yet in this article).
    known_slots: Vec<u32>,
    /// `finish`'s work lists, kept to reuse their allocations.
    /// With the [`key_prefix`] of each surname and accepted name's key.
    surnames: Vec<(u64, std::ops::Range<u32>)>,
    accepted: Vec<(usize, u64)>,
    memo: WordMemo,
    stretches: StretchMemo,
}

/// Up to eight bytes as a little-endian number, zero-padded: one load for the common
/// case, where copying a variable-length word into a buffer is a `memmove` call.
/// Const, for the lexicon's table (`as` widens: `From` is not const).
const fn load_u64(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    if let Some(chunk) = bytes.first_chunk::<8>() {
        return u64::from_le_bytes(*chunk);
    }
    // Shorter words: the first and the last 4 (or 2) bytes, two loads that may overlap;
    // bytes both hold are the same bytes, so OR-ing them is exact (a byte loop costs
    // a few instructions a byte).
    if let (Some(a), Some(b)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        u32::from_le_bytes(*a) as u64 | ((u32::from_le_bytes(*b) as u64) << ((n - 4) * 8))
    } else if let (Some(a), Some(b)) = (bytes.first_chunk::<2>(), bytes.last_chunk::<2>()) {
        u16::from_le_bytes(*a) as u64 | ((u16::from_le_bytes(*b) as u64) << ((n - 2) * 8))
    } else if let Some(&c) = bytes.first() {
        c as u64
    } else {
        0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum What {
    Known {
        id: u32,
        ambiguous: bool,
    },
    Stretch {
        agg: usize,
    },
    /// A place, product or other name that is never a company.
    Rejected,
}

#[derive(Debug, Clone)]
struct Item {
    start: usize,
    end: usize,
    poss_end: usize,
    possessive: bool,
    suffix: Suffix,
    what: What,
    /// The name opens a sentence. Only read of known names that are also common words
    /// (`What::Known { ambiguous: true }`), so only set for them: working it out for
    /// every run cost a backward walk over the text per name.
    sentence_start: bool,
    /// Preceded in its run by another capitalised name word ("Times Square", "Tom Cruise").
    after_capital: bool,
    after_first_name: bool,
    company: bool,
    person: bool,
    place: bool,
    /// A new name of several words ending in a company's suffix ("Halden
    /// Semiconductor"): no appositive makes it a person ("…, a chip designer").
    formal: bool,
    /// A known name whose "’s" is part of it ("Wendy's", "Kohl's"): it may open a
    /// clause as its subject ("Wendy's has been testing").
    own_s: bool,
}

impl Item {
    /// A known company named by the words `first..=last` of a run, with no evidence yet.
    fn known(first: &Word, last: &Word, id: u32, ambiguous: bool, sentence_start: bool) -> Item {
        Item {
            start: first.start as usize,
            end: last.end as usize,
            poss_end: last.poss_end as usize,
            possessive: last.possessive,
            suffix: last.suffix,
            what: What::Known { id, ambiguous },
            sentence_start,
            after_capital: false,
            after_first_name: false,
            company: false,
            person: false,
            place: false,
            formal: false,
            own_s: false,
        }
    }
}

/// Everything seen about one unknown name in the article. Its strings live in the
/// article's [`AggIndex`] arena, so a new name costs no allocation of its own.
#[derive(Debug)]
struct Agg {
    key: std::ops::Range<u32>,
    name: std::ops::Range<u32>,
    /// Normalised first and last words, for names of more than one word (empty otherwise).
    first_word: std::ops::Range<u32>,
    last_word: std::ops::Range<u32>,
    words: usize,
    /// [`hash_key`] of the key.
    hash: u64,
    occurrences: u32,
    company: bool,
    person: bool,
    place: bool,
    rejected: bool,
}

/// The strings of one article's unknown names, and their keys by hash.
#[derive(Default)]
struct AggIndex {
    arena: String,
    /// Key hash -> the first agg with that hash; a collision falls back to a scan. Only
    /// filled for an article of more than [`LINEAR_AGGS`] names: fewer are found by a scan
    /// of their hashes, cheaper than a map's lookup and insert.
    by_hash: FxHashMap<u64, usize>,
}

/// How many unknown names an article has before [`AggIndex`] finds them by hash.
const LINEAR_AGGS: usize = 32;

impl AggIndex {
    fn clear(&mut self) {
        self.arena.clear();
        self.by_hash.clear();
    }

    fn text(&self, range: &std::ops::Range<u32>) -> &str {
        self.arena
            .get(range.start as usize..range.end as usize)
            .unwrap_or("")
    }

    /// [`text`](Self::text) as bytes, without char-boundary checks.
    fn bytes(&self, range: &std::ops::Range<u32>) -> &[u8] {
        self.arena
            .as_bytes()
            .get(range.start as usize..range.end as usize)
            .unwrap_or_default()
    }

    /// Records that agg `i`, just pushed onto `aggs`, has key hash `hash`: in the map once
    /// the article has more than [`LINEAR_AGGS`] names (those before then all at once).
    fn insert(&mut self, aggs: &[Agg], i: usize, hash: u64) {
        if aggs.len() <= LINEAR_AGGS {
            return;
        }
        if aggs.len() == LINEAR_AGGS + 1 {
            for (j, a) in aggs.iter().enumerate().take(LINEAR_AGGS) {
                self.by_hash.entry(a.hash).or_insert(j);
            }
        }
        self.by_hash.entry(hash).or_insert(i);
    }

    fn push(&mut self, s: &str) -> std::ops::Range<u32> {
        let start = self.arena.len() as u32;
        self.arena.push_str(s);
        start..self.arena.len() as u32
    }

    /// The agg of `key`, whose [`hash_key`] is `hash` (the caller keeps it for an insert).
    fn find(&self, aggs: &[Agg], key: &str, hash: u64) -> Option<usize> {
        if aggs.len() <= LINEAR_AGGS {
            // Keys are unique among the aggs: the one with this key, if any.
            return aggs
                .iter()
                .position(|a| a.hash == hash && self.bytes(&a.key) == key.as_bytes());
        }
        let i = *self.by_hash.get(&hash)?;
        if aggs.get(i).is_some_and(|a| self.text(&a.key) == key) {
            return Some(i);
        }
        aggs.iter().position(|a| self.text(&a.key) == key)
    }
}

fn hash_key(key: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(key)
}

/// Analyses one article; `paragraphs` are its non-blank body lines.
pub fn analyze<'a>(
    headline: &str,
    paragraphs: impl Iterator<Item = &'a str>,
    known: &KnownCompanies,
    scratch: &mut Scratch,
) -> Findings {
    start_article(scratch);
    for paragraph in paragraphs {
        analyze_text(paragraph, Mode::Body, known, scratch);
    }
    analyze_text(headline, headline_mode(headline), known, scratch);
    fold_short_forms(known, scratch);
    finish(scratch)
}

/// "Roark Capital … Roark said": a new one-word name that is the first word of a
/// listed company's name counted in the same article is that company's short form,
/// and counts for it. (Most articles have no new one-word company name.)
fn fold_short_forms(known: &KnownCompanies, scratch: &mut Scratch) {
    let Scratch {
        aggs,
        agg_index,
        known: counts,
        ..
    } = scratch;
    if counts.is_empty() {
        return;
    }
    for a in aggs.iter_mut() {
        if a.words != 1 || !a.company || a.place || a.occurrences == 0 {
            continue;
        }
        let key = agg_index.text(&a.key);
        let long = counts.iter_mut().find(|(id, _)| {
            known
                .name(*id)
                .split_once(' ')
                .is_some_and(|(first, _)| first.eq_ignore_ascii_case(key))
        });
        if let Some((_, n)) = long {
            *n += a.occurrences;
            a.occurrences = 0;
            a.company = false;
        }
    }
    // "Sharp Corporation … Sharp said": a listed company's formal name found in the
    // article takes the mentions of its short name (a unit such as "Google Cloud" does
    // not: the parent is a company of its own there).
    for a in aggs.iter_mut() {
        if a.words < 2 || !a.company || a.place || a.occurrences == 0 {
            continue;
        }
        if !super::index::LEGAL_FORMS.contains(&agg_index.text(&a.last_word)) {
            continue;
        }
        let key = agg_index.text(&a.key);
        let first = key.split(' ').next().unwrap_or(key);
        for (id, n) in counts.iter_mut() {
            // The first words compared before the name is normalised (an allocation).
            let name = known.name(*id);
            if *n == 0
                || !name
                    .split(' ')
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case(first))
            {
                continue;
            }
            let short = super::known::normalize(name);
            if key.len() > short.len()
                && key.starts_with(short.as_str())
                && key.as_bytes().get(short.len()) == Some(&b' ')
            {
                a.occurrences += *n;
                *n = 0;
            }
        }
    }
}

/// Empties the article's names and counts.
fn start_article(scratch: &mut Scratch) {
    scratch.aggs.clear();
    scratch.agg_index.clear();
    for &(id, _) in &scratch.known {
        if let Some(slot) = scratch.known_slots.get_mut(id as usize) {
            *slot = 0;
        }
    }
    scratch.known.clear();
}

fn headline_mode(headline: &str) -> Mode {
    if is_title_case(headline) {
        Mode::TitleCaseHeadline
    } else {
        Mode::Headline
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Body,
    Headline,
    /// "Apple Opens Its First Store": capitals say nothing, so only names known or confirmed elsewhere count.
    TitleCaseHeadline,
}

/// The company names in one paragraph, without article context: for highlighting.
/// `discovered` maps a normalised key to the id of a company discovered in the digest.
pub fn mentions_in(
    text: &str,
    known: &KnownCompanies,
    discovered: &dyn Fn(&str) -> Option<u32>,
    scratch: &mut Scratch,
) -> Vec<(std::ops::Range<usize>, Mention)> {
    scratch.aggs.clear();
    scratch.agg_index.clear();
    collect_items(text, Mode::Body, known, scratch);
    let mut out = Vec::new();
    for item in &scratch.items {
        match item.what {
            What::Known { id, ambiguous } if known_counts(item, ambiguous, Mode::Body) => {
                out.push((item.start..item.end, Mention::Known(id)));
            }
            What::Stretch { agg } => {
                let Some(a) = scratch.aggs.get(agg) else {
                    continue;
                };
                if let Some(id) = discovered(scratch.agg_index.text(&a.key)) {
                    out.push((item.start..item.end, Mention::Discovered(id)));
                } else if a.words > 1
                    && let Some(id) = discovered(scratch.agg_index.text(&a.first_word))
                {
                    // "SmartThings Hub": highlight the company it starts with.
                    let end = text[item.start..item.end]
                        .find(' ')
                        .map_or(item.end, |n| item.start + n);
                    out.push((item.start..end, Mention::Discovered(id)));
                }
            }
            _ => {}
        }
    }
    out
}

/// A company name found by [`mentions_in`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mention {
    /// A known company's id in [`KnownCompanies`].
    Known(u32),
    /// The id the caller's `discovered` function returned.
    Discovered(u32),
}

fn analyze_text(text: &str, mode: Mode, known: &KnownCompanies, scratch: &mut Scratch) {
    collect_items(text, mode, known, scratch);
    count_items(text, mode, scratch);
}

/// Adds the items [`collect_items`] left to the article's counts and names.
fn count_items(text: &str, mode: Mode, scratch: &mut Scratch) {
    let Scratch {
        items,
        aggs,
        agg_index,
        known: known_counts_acc,
        known_slots,
        ..
    } = scratch;
    for item in items.iter() {
        match item.what {
            What::Known { id, ambiguous } => {
                if known_counts(item, ambiguous, mode)
                    && !(ambiguous && item.company && is_surname(text, item, aggs, agg_index))
                {
                    add_count(known_counts_acc, known_slots, id);
                }
            }
            What::Stretch { agg } => {
                if let Some(a) = aggs.get_mut(agg) {
                    a.occurrences += 1;
                    if mode != Mode::TitleCaseHeadline {
                        a.company |=
                            item.company && !(a.words == 1 && plural_opening_sentence(text, item));
                        a.person |= item.person && !item.formal;
                        a.place |= item.place;
                    }
                }
            }
            What::Rejected => {}
        }
    }
}

/// "Michael Ford … Ford said": whether a listed name that is also a word ends the name
/// of a person the article named so far, which it then stands for. Asked only of such
/// names with company evidence.
fn is_surname(text: &str, item: &Item, aggs: &[Agg], agg_index: &AggIndex) -> bool {
    let name = text.get(item.start..item.end).unwrap_or("");
    aggs.iter()
        .any(|a| a.person && a.words > 1 && agg_index.text(&a.last_word).eq_ignore_ascii_case(name))
}

/// Whether a one-word name is a plural common noun opening a sentence ("Founders raised
/// money", "Employees launched a petition"): there the verb after it says nothing, since
/// a capital is owed to the sentence. Judged on its spelling, a capital then lower-case
/// ASCII letters ending in a plural's `s` (not -ss, -us, -is, -os: "Sonos", "Citrus");
/// names gazette lists (Siemens, Adidas) never get here. Asked only of names with
/// company evidence, so the walk back for the sentence start is rare.
fn plural_opening_sentence(text: &str, item: &Item) -> bool {
    let Some(word) = text.as_bytes().get(item.start..item.end) else {
        return false;
    };
    let plural = match word {
        [first, middle @ .., before, b's'] => {
            first.is_ascii_uppercase()
                && middle.len() >= 2
                && middle.iter().all(u8::is_ascii_lowercase)
                && before.is_ascii_lowercase()
                && !matches!(before, b's' | b'u' | b'i' | b'o')
        }
        _ => false,
    };
    plural && candidates::opens_sentence_at(text, item.start)
}

/// Whether an occurrence of a known company counts.
fn known_counts(item: &Item, ambiguous: bool, mode: Mode) -> bool {
    if item.after_first_name {
        return false;
    }
    if !ambiguous {
        // "told TechCrunch": person cues only speak about names gazette does not know.
        return true;
    }
    if item.person {
        return false;
    }
    item.company || (!item.sentence_start && !item.after_capital && mode != Mode::TitleCaseHeadline)
}

/// Counts a mention of known company `id`; `slots` finds its entry without a scan.
fn add_count(counts: &mut Vec<(u32, u32)>, slots: &mut Vec<u32>, id: u32) {
    let i = id as usize;
    if i >= slots.len() {
        slots.resize(i + 1, 0);
    }
    let Some(slot) = slots.get_mut(i) else {
        return;
    };
    match counts.get_mut((*slot as usize).wrapping_sub(1)) {
        Some((_, n)) if *slot > 0 => *n += 1,
        _ => {
            counts.push((id, 1));
            *slot = counts.len() as u32;
        }
    }
}

/// Scans `text` into items (known names, stretches, rejected names) with their context evidence.
fn collect_items(text: &str, mode: Mode, known: &KnownCompanies, scratch: &mut Scratch) {
    let Scratch {
        words,
        runs,
        key,
        items,
        joins,
        aggs,
        agg_index,
        memo,
        stretches,
        ..
    } = scratch;
    candidates::scan(text, words, runs);
    memo.use_list(known);
    stretches.use_list(known);
    items.clear();
    // Slices, not the vectors: a push that may grow `items` would have their pointers
    // and lengths loaded again from the scratch after it.
    let (words, runs): (&[Word], &[Run]) = (words, runs);
    for run in runs {
        split_run(
            text, run, words, known, key, memo, stretches, items, aggs, agg_index, mode,
        );
    }
    // One pass over the items in text order, each rule reading the item as the rules
    // before it left it.
    let bytes = text.as_bytes();
    // Where the item before ends (with its possessive); for the first item, an end so
    // far on that no gap before it is short enough for a coordinator.
    let mut prev_end = usize::MAX / 2;
    // Whether the item before is a known name without a possessive as split_run made it
    // (read before the institution rule may reject it: products follow the name as
    // written), and whether it is an owner ("Walmart-owned"). Two flags and one end,
    // not an `Option` of its end for each rule: fewer registers for the loop.
    let (mut after_known, mut after_owner) = (false, false);
    // Whether the item before was joined to its list by "and", "or" or the like.
    let mut after_final_join = false;
    joins.clear();
    for (k, item) in items.iter_mut().enumerate() {
        let plain_known = matches!(item.what, What::Known { .. }) && !item.possessive;
        // "Amazon Music", "Lenovo Smart Clock": capitalised words right after a known
        // company name its product, not a company of their own.
        if after_known
            && matches!(item.what, What::Stretch { .. })
            && item.start.wrapping_sub(prev_end) == 1
            && bytes.get(prev_end) == Some(&b' ')
        {
            item.what = What::Rejected;
        }
        // "Prudential Regulation Authority", "Stanford University": a known name that
        // opens the name of an institution is not that company, nor is a new name
        // ("Federal Communications Commission": the run stops at a listed word).
        if (plain_known || matches!(item.what, What::Stretch { .. }))
            && opens_institution_name(text, item.end)
        {
            item.what = What::Rejected;
        }
        if needs_evidence(item) {
            gather_evidence(text, item, mode);
            // "X and other luxury brands" makes X a company. Asked here of every item that
            // needs evidence, as `coordinate` asks the last of a list: an item the text
            // after which reads so ends its list (" and other" is no coordinator). Nothing
            // reads the company mark of a known unambiguous name or a rejected one
            // (`known_counts` answers for the former first).
            and_other(text, item);
        }
        // "Walmart-owned Flipkart": the owned one is a company too. Marked here, not in
        // `coordinate`, which visits only lists (evidence only ever sets marks, so the
        // order of the two does not matter).
        if after_owner && owns(bytes.get(prev_end..item.start).unwrap_or_default()) {
            item.company = true;
        }
        if joins_after(bytes, prev_end, item.start) {
            // "Founded by Chidinma Eze and Olumide Bankole, Kobofy offers…": a list ends
            // at its "and", so a comma after the item it joined opens something else.
            let gap = bytes.get(prev_end..item.start).unwrap_or_default();
            if !(gap == b", " && after_final_join) {
                joins.push(k as u32);
            }
            after_final_join = gap != b", ";
        } else {
            after_final_join = false;
        }
        prev_end = item.poss_end;
        after_known = plain_known;
        after_owner = item.suffix == Suffix::Owner;
    }
    coordinate(text, items, joins);
}

/// Whether evidence from its context can change what an item counts for: not for a
/// rejected name, nor a known unambiguous one (lists learn from it directly). Nor for
/// a name marked a person's already ("Jane Doe", split_run marks it): evidence only adds
/// marks, and of a person's name nothing reads the company or place mark (`coordinate`
/// passes over it, `finish` rejects its name whatever they say).
fn needs_evidence(item: &Item) -> bool {
    matches!(
        item.what,
        What::Stretch { .. }
            | What::Known {
                ambiguous: true,
                ..
            }
    ) && !item.person
}

/// Splits one run into known names (longest first) and the stretches between them.
#[allow(clippy::too_many_arguments)]
fn split_run(
    text: &str,
    run: &Run,
    words: &[Word],
    known: &KnownCompanies,
    key: &mut String,
    memo: &mut WordMemo,
    stretches: &mut StretchMemo,
    items: &mut Vec<Item>,
    aggs: &mut Vec<Agg>,
    agg_index: &mut AggIndex,
    mode: Mode,
) {
    let Some(run_words) = words.get(run.words.clone()) else {
        return;
    };
    if let [w] = run_words {
        // Most runs are one word (85% in generated news): the loop of `split_long_run`,
        // without the longer names, the joiners and the open stretch that only longer
        // runs have.
        let start = w.start as usize;
        let facts = memo.facts(text, start, w.end as usize, known, key, word_spelling);
        let mut matched = None;
        if w.possessive && facts.possessive_company() {
            matched = memo
                .facts(text, start, w.poss_end as usize, known, key, word_spelling)
                .company();
        }
        // A name whose "’s" is its own ("Wendy's has been testing").
        let own_s = matched.is_some();
        if let Some((id, ambiguous)) = matched.or_else(|| facts.company()) {
            let sentence_start = ambiguous && run.sentence_start(text, words);
            let mut item = Item::known(w, w, id, ambiguous, sentence_start);
            item.own_s = own_s;
            items.push(item);
            return;
        }
        let spelling = facts.spelling();
        if facts.is_word_or_ignored()
            || spelling & memo::LEGAL != 0
            || (spelling & memo::HYPHEN != 0
                && split_hyphenated(text, run, *w, 0, known, key, items))
        {
            return;
        }
        // A place or product ("Tokyo", one run in ten): rejected on its word's meaning,
        // as `record_stretch` would, without the call and its dozen arguments.
        if facts.is_place_or_product() {
            items.push(Item {
                what: What::Rejected,
                ..Item::known(w, w, 0, false, false)
            });
            return;
        }
        record_stretch(
            text,
            run_words,
            (0, facts.kind()),
            1,
            known,
            key,
            stretches,
            items,
            aggs,
            agg_index,
            mode,
            false,
        );
        return;
    }
    split_long_run(
        text, run, run_words, words, known, key, memo, stretches, items, aggs, agg_index, mode,
    );
}

/// [`split_run`] for a run of several words. Out of line: one run in six, and inlined
/// its loop's state crowded the registers of the one-word path and the item loop.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn split_long_run(
    text: &str,
    run: &Run,
    run_words: &[Word],
    words: &[Word],
    known: &KnownCompanies,
    key: &mut String,
    memo: &mut WordMemo,
    stretches: &mut StretchMemo,
    items: &mut Vec<Item>,
    aggs: &mut Vec<Agg>,
    agg_index: &mut AggIndex,
    mode: Mode,
) {
    let n = run_words.len();
    let max = known.max_words();
    // The open stretch: its first word, and that word's meaning in the list.
    let mut stretch: Option<(usize, Option<NameKind>)> = None;
    // Ends the open stretch before word `to` (one call shape, five places below).
    macro_rules! close {
        ($to:expr, $legal_suffix_follows:expr) => {
            close_stretch(
                text,
                run_words,
                &mut stretch,
                $to,
                known,
                key,
                stretches,
                items,
                aggs,
                agg_index,
                mode,
                $legal_suffix_follows,
            )
        };
    }
    let mut prev_name = false; // the previous word was a name word (not a stop word)
    let mut prev_first_name = false;
    let mut i = 0;
    // Rejects words `i..=j` as one name (a place, a title) and goes on after them.
    macro_rules! reject_through {
        ($j:expr) => {
            close!(i, false);
            items.push(Item {
                what: What::Rejected,
                ..Item::known(&run_words[i], &run_words[$j], 0, false, false)
            });
            prev_name = true;
            prev_first_name = false;
            i = $j + 1;
            continue;
        };
    }
    while i < n {
        let w = run_words[i];
        let start = w.start as usize;
        let facts = memo.facts(text, start, w.end as usize, known, key, word_spelling);
        if w.joiner == Joiner::Of {
            // "Reserve Bank of India", "Ministry of Finance": a name "of" a place is an institution.
            let of_place = facts.is_place();
            let pushed = items.len();
            close!(i, false);
            if of_place
                && items.len() > pushed
                && let Some(item) = items.last_mut()
                && matches!(item.what, What::Stretch { .. })
            {
                item.place = true;
            }
            prev_name = false;
            prev_first_name = false;
        }
        // Longest known company starting here: several words only when a longer key starts
        // with this word, then the word with its possessive ("Byju’s"), then the bare word.
        let mut matched = None;
        // A place longer than any company starting here ("United Arab Emirates", not
        // Emirates): its last word.
        let mut longer_place = None;
        if max > 1 && i + 1 < n && facts.starts_longer() {
            'longer: for j in (i + 1..n.min(i + max)).rev() {
                let last = run_words[j];
                let ends: &[u32] = if last.possessive {
                    &[last.poss_end, last.end]
                } else {
                    &[last.end]
                };
                for &end in ends {
                    let longer = memo.facts(text, start, end as usize, known, key, word_spelling);
                    if let Some((id, ambiguous)) = longer.company() {
                        matched = Some((j, id, ambiguous));
                        break 'longer;
                    }
                    if longer.is_place() || longer.is_word_or_ignored() {
                        longer_place = Some(j);
                        break 'longer;
                    }
                }
            }
        }
        // A place found here is a place, whether a company's name is in it ("United Arab
        // Emirates") or a company's first word starts it ("Three Mile Island", with Three
        // Arrows Capital): the word alone would split it ("Mile Island").
        // "Great Lakes Mutual": a place that opens a name ending in a company's suffix
        // is part of it (not after "of": "Bank of … Holdings" stays split there).
        if let Some(j) = longer_place
            && !suffix_ahead(text, run_words, j, w.joiner)
        {
            reject_through!(j);
        }
        // A name whose "’s" is its own ("Wendy's has been testing").
        let mut own_s = false;
        if matched.is_none() && w.possessive && facts.possessive_company() {
            let possessive =
                memo.facts(text, start, w.poss_end as usize, known, key, word_spelling);
            if let Some((id, ambiguous)) = possessive.company() {
                matched = Some((i, id, ambiguous));
                own_s = true;
            }
        }
        if matched.is_none()
            && let Some((id, ambiguous)) = facts.company()
        {
            matched = Some((i, id, ambiguous));
        }
        // "Funding Circle", "Pioneer Square Labs", "Norland & Vale": a name that is also
        // a word, inside a new name, is part of it (before the arm and unit rules: "Red
        // Lotus Ventures" is one name).
        if let Some((_, _, true)) = matched
            && stretch.is_some()
            && matches!(w.joiner, Joiner::Space | Joiner::Amp)
        {
            matched = None;
        }
        // "Lone Star Freightways": a listed one-word name after new words (none of
        // them a place, a first name or a word) ends a new name.
        if let Some((j, _, false)) = matched
            && j == i
            && w.joiner == Joiner::Space
            // (At a sentence's start, after two words: "Between Booking.com" is no name.)
            && matches!(stretch, Some((from, None))
                if from > 0 || i >= 2 || !run.sentence_start(text, words))
            && !w.possessive
        {
            matched = None;
        }
        // "CDIB Capital Group": so is a listed name made only of a business's words
        // (Capital Group) after a new name's first words.
        if let Some((j, _, false)) = matched
            && j > i
            && stretch.is_some()
            && w.joiner == Joiner::Space
            && text
                .get(start..run_words[j].end as usize)
                .is_some_and(|name| {
                    normalize_into(name, key);
                    only_generic_words(key)
                })
        {
            matched = None;
        }
        // A known company's name that goes on to an investment arm's noun ("Lockheed
        // Martin Ventures", "Samsung Catalyst Fund"; as the list keeps Intel Capital apart
        // from Intel), or to a unit's noun or a region ("Google Cloud", "Sequoia Capital
        // India"; see `units`), names a company of its own. Where that name does not
        // count (a Title Case headline the body did not confirm it in, a name rejected
        // whole), the known company does.
        if let Some((j, _, _)) = matched
            && let Some(end) = arm_after(text, run_words, j)
                // "SoftBank Ventures Korea", "RBC Capital Markets": an arm's unit.
                .map(|arm| {
                    units::unit_after(text, run_words, (w.start, arm), known, key).unwrap_or(arm)
                })
                .or_else(|| units::unit_after(text, run_words, (w.start, j), known, key))
                // "National Grid ESO", "Carl Zeiss SMT": an unknown acronym ending the run.
                .or_else(|| acronym_after(text, run_words, j, known, key))
                // "Sumitomo Mitsui Banking Corporation": a pair's unit.
                .or_else(|| {
                    known_pair_after(text, run_words, j, known, key, memo).map(|pair| {
                        units::unit_after(text, run_words, (w.start, pair), known, key)
                            .unwrap_or(pair)
                    })
                })
        {
            close!(i, false);
            stretch = Some((i, None));
            let pushed = items.len();
            close!(end + 1, false);
            if items.len() > pushed
                && let Some(item) = items.last_mut()
                && matches!(item.what, What::Stretch { .. })
            {
                item.company = true;
                prev_name = true;
                prev_first_name = false;
                i = end + 1;
                continue;
            }
            items.truncate(pushed);
        }
        // "games such as Honor of Kings": a name that is also a word, going on to "of" and
        // another capitalised word, is part of a title, not the company.
        if let Some((j, _, true)) = matched
            && run_words.get(j + 1).is_some_and(|w| w.joiner == Joiner::Of)
        {
            reject_through!(j);
        }
        // "Ministry of Information Technology": such a name after an institution's noun
        // and "of" is part of the institution's name (not "Shares of Apple").
        if let Some((j, _, true)) = matched
            && w.joiner == Joiner::Of
            && i.checked_sub(1)
                .and_then(|k| run_words.get(k))
                .and_then(|p| text.get(p.start as usize..p.end as usize))
                .is_some_and(|p| is_one_of(p, INSTITUTION_NOUNS))
        {
            reject_through!(j);
        }
        if let Some((j, id, ambiguous)) = matched {
            close!(i, false);
            let last = run_words[j];
            let mut item = Item::known(
                &w,
                &last,
                id,
                ambiguous,
                i == 0 && ambiguous && run.sentence_start(text, words),
            );
            item.own_s = own_s && j == i;
            items.push(Item {
                after_capital: prev_name && w.joiner != Joiner::Of,
                after_first_name: prev_first_name && w.joiner != Joiner::Of,
                ..item
            });
            prev_name = true;
            prev_first_name = false;
            i = j + 1;
            continue;
        }
        // "Rivals PhonePe…": a role noun opening a sentence introduces the name after it.
        let spelling = facts.spelling();
        let legal = spelling & memo::LEGAL != 0;
        let role_opener = i == 0
            && n > 1
            && facts.is_unknown()
            && spelling & memo::ROLE != 0
            && run.sentence_start(text, words);
        // "Lumora AI", "Inflection AI": "AI" ends many a startup's name, though alone it
        // is a word.
        let ai_ends_name = stretch.is_some()
            && w.joiner == Joiner::Space
            && text.get(start..w.end as usize) == Some("AI");
        if (facts.is_word_or_ignored() || role_opener || legal) && !ai_ends_name {
            close!(i, legal);
            prev_name = false;
            prev_first_name = false;
            i += 1;
            continue;
        }
        // "Hotstar-Flipkart’s": a hyphenated word made only of known companies is several names.
        if spelling & memo::HYPHEN != 0 && split_hyphenated(text, run, w, i, known, key, items) {
            close!(i, false);
            // The split items were pushed before the stretch closed; keep items in text order.
            items.sort_by_key(|it| it.start);
            prev_name = true;
            prev_first_name = false;
            i += 1;
            continue;
        }
        if stretch.is_none() {
            stretch = Some((i, facts.kind()));
        }
        prev_first_name = facts.is_first_name();
        prev_name = true;
        i += 1;
    }
    close!(n, false);
}

fn split_hyphenated(
    text: &str,
    run: &Run,
    w: Word,
    index: usize,
    known: &KnownCompanies,
    key: &mut String,
    items: &mut Vec<Item>,
) -> bool {
    let word = &text[w.start as usize..w.end as usize];
    let mut found = Vec::new();
    let mut offset = w.start as usize;
    for part in word.split('-') {
        normalize_into(part, key);
        match known.kind(key) {
            Some(NameKind::Company { id, ambiguous }) => {
                found.push((offset, offset + part.len(), id, ambiguous))
            }
            _ => return false,
        }
        offset += part.len() + 1;
    }
    let count = found.len();
    for (k, (start, end, id, ambiguous)) in found.into_iter().enumerate() {
        let last = k + 1 == count;
        items.push(Item {
            start,
            end,
            poss_end: if last { w.poss_end as usize } else { end },
            possessive: last && w.possessive,
            suffix: if last { w.suffix } else { Suffix::None },
            what: What::Known { id, ambiguous },
            sentence_start: index == 0
                && k == 0
                && ambiguous
                && run.sentence_start_at(text, w.start as usize),
            after_capital: false,
            after_first_name: false,
            company: true,
            person: false,
            place: false,
            formal: false,
            own_s: false,
        });
    }
    count > 1
}

/// Ends the open stretch (words `from..to` of the run) and records it as an item.
///
/// Inlined so that the common case, no open stretch, costs a test and not a call
/// with a dozen arguments (most words close nothing: a profile counted a million calls
/// per 10k articles, four in five of them empty).
#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn close_stretch(
    text: &str,
    run_words: &[Word],
    stretch: &mut Option<(usize, Option<NameKind>)>,
    to: usize,
    known: &KnownCompanies,
    key: &mut String,
    stretches: &mut StretchMemo,
    items: &mut Vec<Item>,
    aggs: &mut Vec<Agg>,
    agg_index: &mut AggIndex,
    mode: Mode,
    legal_suffix_follows: bool,
) {
    if let Some((from, first_kind)) = stretch.take() {
        record_stretch(
            text,
            run_words,
            (from, first_kind),
            to,
            known,
            key,
            stretches,
            items,
            aggs,
            agg_index,
            mode,
            legal_suffix_follows,
        );
    }
}

/// "Google DeepMind", "Coca-Cola FEMSA", "GoTo Gojek Tokopedia": where a name ends that
/// goes straight on (one space, no full stop, no possessive) from a known company's last
/// word `j` to one or two more, each a known company of one word that is not also an
/// ordinary word. Such a name is a company of its own, a unit of the first.
fn known_pair_after(
    text: &str,
    run_words: &[Word],
    j: usize,
    known: &KnownCompanies,
    key: &mut String,
    memo: &mut WordMemo,
) -> Option<usize> {
    let mut end = None;
    for k in j + 1..(j + 3).min(run_words.len()) {
        let (w, before) = (run_words.get(k)?, run_words.get(k - 1)?);
        if before.possessive || !candidates::one_space_after(text, before, w) {
            break;
        }
        let facts = memo.facts(
            text,
            w.start as usize,
            w.end as usize,
            known,
            key,
            word_spelling,
        );
        match facts.company() {
            Some((_, false)) => end = Some(k),
            _ => break,
        }
    }
    end
}

/// Where the name of a unit ends, if a known company's last word `j` goes straight on
/// (one space) to an acronym of two to four capitals that ends its run, is in no list
/// and no lexicon, and is followed by punctuation, "and"/"or", a possessive or a verb
/// ("National Grid ESO said", "Carl Zeiss SMT, which"), not by a noun it qualifies
/// ("Tesla EV sales", "Apple CEO Tim Cook").
fn acronym_after(
    text: &str,
    run_words: &[Word],
    j: usize,
    known: &KnownCompanies,
    key: &mut String,
) -> Option<usize> {
    let (last, w) = (run_words.get(j)?, run_words.get(j + 1)?);
    if j + 2 != run_words.len() || last.possessive || !candidates::one_space_after(text, last, w) {
        return None;
    }
    let word = text.get(w.start as usize..w.end as usize)?;
    if !(2..=4).contains(&word.len())
        || !word.bytes().all(|c| c.is_ascii_uppercase())
        || lexicon_bits(word) != 0
    {
        return None;
    }
    normalize_into(word, key);
    if known.kind(key).is_some() {
        return None;
    }
    let after = text.get(w.end as usize..).unwrap_or("");
    let (_, next, _, _) = word_after(text, w.end as usize);
    let ends = after.is_empty()
        || after.starts_with([',', '.', ';', ':', ')'])
        || w.possessive
        || is_one_of(next, &["and", "or", "which"])
        || lexicon_bits(next) & (VERB | SUBJECT_VERB) != 0;
    ends.then_some(j + 1)
}

/// Nouns that end the name of an investment arm ("Cigna Ventures", "SoftBank Vision Fund").
const ARM_NOUNS: &[&str] = &[
    "ventures",
    "capital",
    "fund",
    "funds",
    "investors",
    "investments",
    "innovation",
];

/// Whether `word` is one of [`ARM_NOUNS`], tested on its length and first letter before
/// its letters: every known name in a long run asks it of the words after it.
fn is_arm_noun(word: &[u8]) -> bool {
    matches!(
        (word.len(), word.first().map(u8::to_ascii_lowercase)),
        (8, Some(b'v')) | (7, Some(b'c')) | (4..=5, Some(b'f')) | (9..=11, Some(b'i'))
    ) && ARM_NOUNS
        .iter()
        .any(|n| n.as_bytes().eq_ignore_ascii_case(word))
}

/// Where the name of an investment arm ends, if the words after a known company's last
/// word `j` (at most three, joined by spaces, none possessive but maybe the last) end in
/// one of [`ARM_NOUNS`] and none of them is before it.
fn arm_after(text: &str, run_words: &[Word], j: usize) -> Option<usize> {
    if run_words.get(j)?.possessive {
        return None;
    }
    for k in j + 1..(j + 4).min(run_words.len()) {
        let w = run_words.get(k)?;
        if !candidates::one_space_after(text, run_words.get(k - 1)?, w) {
            return None;
        }
        if is_arm_noun(text.as_bytes().get(w.start as usize..w.end as usize)?) {
            return Some(k);
        }
        if w.possessive {
            return None;
        }
    }
    None
}

/// [`close_stretch`] for an open stretch: words `from..to` of the run become an item.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn record_stretch(
    text: &str,
    run_words: &[Word],
    (from, first_kind): (usize, Option<NameKind>),
    to: usize,
    known: &KnownCompanies,
    key: &mut String,
    stretches: &mut StretchMemo,
    items: &mut Vec<Item>,
    aggs: &mut Vec<Agg>,
    agg_index: &mut AggIndex,
    mode: Mode,
    legal_suffix_follows: bool,
) {
    let (Some(first), Some(last)) = (run_words.get(from), run_words.get(to.wrapping_sub(1))) else {
        return;
    };
    let (start, end) = (first.start as usize, last.end as usize);
    let words = to - from;
    let item = |what: What, company: bool| Item {
        start,
        end,
        poss_end: last.poss_end as usize,
        possessive: last.possessive,
        suffix: last.suffix,
        what,
        // Only known names are asked (see `Item::sentence_start`).
        sentence_start: false,
        after_capital: false,
        after_first_name: false,
        company,
        person: first_kind == Some(NameKind::FirstName) && words > 1,
        place: false,
        formal: false,
        own_s: false,
    };
    // A one-word place or common word ("Tokyo", "Shares"): rejected on the meaning its
    // word was looked up with, so its key is never needed.
    if words == 1 && never_company(first_kind) {
        items.push(item(What::Rejected, legal_suffix_follows));
        return;
    }
    let name = &text[start..end];
    // Everything that depends on the name alone, through the memo: most names were seen
    // before, in this article or another. (`kind_rejects` is false for one word: its
    // meaning was just tested.)
    let (stretch_key, facts) = stretches.facts(text, (start, end), words, key, |name, key| {
        stretch_facts(name, words, known, key)
    });
    let what = if facts.kind_rejects || facts.short_or_digits {
        What::Rejected
    } else {
        let hash = facts.hash;
        let agg = match agg_index.find(aggs, stretch_key, hash) {
            Some(agg) => agg,
            None if mode == Mode::TitleCaseHeadline => {
                // Only names already seen in the body count in a Title Case headline.
                return;
            }
            None => {
                let key_range = agg_index.push(stretch_key);
                let name_range = agg_index.push(name);
                // Only names of several words need their first and last words (empty
                // otherwise): both are read off the key, except a first word "The" that
                // the key dropped.
                let (first_word, last_word) = if words > 1 {
                    let (start, end) = (key_range.start, key_range.end);
                    let last_word = end - facts.last_len as u32..end;
                    let first_word = if facts.dropped_the {
                        normalize_into(&text[first.start as usize..first.end as usize], key);
                        agg_index.push(key)
                    } else {
                        start..start + facts.first_len as u32
                    };
                    (first_word, last_word)
                } else {
                    (0..0, 0..0)
                };
                let i = aggs.len();
                aggs.push(Agg {
                    key: key_range,
                    name: name_range,
                    first_word,
                    last_word,
                    words,
                    hash,
                    occurrences: 0,
                    company: false,
                    person: false,
                    place: false,
                    rejected: false,
                });
                agg_index.insert(aggs, i, hash);
                i
            }
        };
        What::Stretch { agg }
    };
    items.push(Item {
        // "Carmel Arc Ventures": a first name opens a company's name too.
        person: first_kind == Some(NameKind::FirstName) && words > 1 && !facts.company_form,
        formal: words > 1 && facts.company_form,
        ..item(what, legal_suffix_follows || facts.company_form)
    });
}

/// Whether a meaning in the list is never a company's (a place, product, common word or
/// ignored name).
fn never_company(kind: Option<NameKind>) -> bool {
    matches!(
        kind,
        Some(NameKind::Product | NameKind::Place | NameKind::Word | NameKind::Ignored)
    )
}

/// What [`record_stretch`] needs of a stretch `name` of `words` words beyond its context,
/// worked out afresh (the key into `key`): the stretch memo's answer on a miss.
fn stretch_facts(
    name: &str,
    words: usize,
    known: &KnownCompanies,
    key: &mut String,
) -> StretchFacts {
    let dropped_the = normalize_dropping_the(name, key);
    // The key's words are the name's words normalised: its last word is the last word's key.
    // (Byte searches: `str::rfind` with a char pattern is a generic, slower search.)
    let last_len = key.len() - key.bytes().rposition(|c| c == b' ').map_or(0, |k| k + 1);
    let first_len = key.bytes().position(|c| c == b' ').unwrap_or(key.len());
    let company_form = if words > 1 {
        // "Small Giant Games", "Grupo Tasca Nova".
        is_in(
            key.get(key.len() - last_len..).unwrap_or(""),
            COMPANY_SUFFIX,
        ) || is_one_of(key.get(..first_len).unwrap_or(""), COMPANY_PREFIXES)
    } else {
        is_domain_name(name)
    };
    StretchFacts {
        dropped_the,
        company_form,
        // A one-word stretch is judged on its word's meaning (see `record_stretch`); a
        // longer one on the whole name's, or on an institution's noun it ends with
        // ("Carnegie Mellon University", "Linux Foundation").
        kind_rejects: if words > 1 {
            never_company(known.kind(key))
                || (is_one_of(
                    key.get(key.len() - last_len..).unwrap_or(""),
                    INSTITUTION_NOUNS,
                ) && !key.ends_with("public affairs"))
                // "Saudi Central Bank", "Reserve Bank": a country's bank, not a business.
                || key.ends_with("central bank")
                || key.ends_with("reserve bank")
                // "Asset Management", "Banking Corporation": the rest of a name that
                // split, not a name.
                || only_generic_words(key)
        } else {
            // "Ventures" left alone when "Do Ventures" split: a company's suffix is no name.
            is_in(key, COMPANY_SUFFIX)
        },
        // Fewer than two chars, or digits only.
        short_or_digits: key.chars().nth(1).is_none() || key.bytes().all(|c| c.is_ascii_digit()),
        last_len,
        first_len,
        hash: hash_key(key),
    }
}

/// Whether a name's key (of several words) is made only of words that describe a
/// business ("Asset Management", "Media Enterprises", "Industrial Solutions"), ending in
/// a company's suffix: such a name is left over from a longer one that split.
fn only_generic_words(key: &str) -> bool {
    let mut words = key.split(' ');
    key.rsplit(' ')
        .next()
        .is_some_and(|last| is_in(last, COMPANY_SUFFIX))
        && words.all(|w| is_in(w, COMPANY_SUFFIX) || is_one_of(w, GENERIC_WORDS))
}

/// Words that describe a business without naming one, besides [`COMPANY_SUFFIXES`].
const GENERIC_WORDS: &[&str] = &[
    "asset",
    "banking",
    "business",
    "commercial",
    "consulting",
    "corporate",
    "development",
    "digital",
    "estate",
    "global",
    "industrial",
    "international",
    "investment",
    "private",
    "real",
    "services",
    "wealth",
];

/// Role nouns that make the name between a company's possessive and them a business of
/// its own: "Daimler's Moovel subsidiary". Not "unit" or "division", which follow products
/// too ("Microsoft's Xbox division"), nor "startup" or "arm", which follow places
/// ("an Osaka startup", "Google's Tokyo arm").
const OWNED_NOUNS: &[&str] = &["subsidiary", "affiliate", "spinoff", "spin-off", "venture"];

/// First words that make a name of several words a company ("Groupe Casino", "Grupo Bimbo").
const COMPANY_PREFIXES: &[&str] = &["groupe", "grupo", "gruppo"];

/// Web addresses' endings that name a business when a one-word name ends in one
/// ("Hotels.com", "Gobee.bike", "Qure.ai"); not ".js" or ".org" (projects, non-profits).
const DOMAIN_ENDINGS: &[&str] = &[
    "com", "io", "ai", "co", "net", "app", "bike", "tv", "me", "ly", "xyz", "uk", "de", "fr", "in",
    "es", "tech", "shop", "store", "cloud", "so", "gg", "fm",
];

/// Whether a one-word name is a web address: a word, a dot and one of [`DOMAIN_ENDINGS`]
/// in lower case ("Booking.com", not "U.S" or "St.Louis").
fn is_domain_name(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(head, tail)| {
        head.len() >= 2
            && head
                .bytes()
                .last()
                .is_some_and(|c| c.is_ascii_alphanumeric())
            && tail.bytes().all(|c| c.is_ascii_lowercase())
            && DOMAIN_ENDINGS.contains(&tail)
    })
}

/// The spelling facts of a word that [`split_run`] asks of it, for the word memo.
fn word_spelling(word: &str) -> u8 {
    let mut facts = 0;
    if is_legal_word(word) {
        facts |= memo::LEGAL;
    }
    if is_in(word, ROLE) {
        facts |= memo::ROLE;
    }
    // A byte loop: words are short, and `str::contains` calls a vectorised search.
    if word.bytes().any(|c| c == b'-') {
        facts |= memo::HYPHEN;
    }
    facts
}

/// Whether a word is a legal form that ends a company name, as written ("Inc.", "LTD", "L.L.C.").
fn is_legal_word(word: &str) -> bool {
    // Every legal suffix is 2 to 7 letters: most words are out on length alone.
    if word.len() < 2 || word.len() > 14 {
        return false;
    }
    // ... or on their first letter ("The", "It"): every suffix starts with one of these.
    if let Some(first) = word.bytes().next()
        && first.is_ascii_alphabetic()
        && !matches!(
            first.to_ascii_lowercase(),
            b'i' | b'l' | b'c' | b'p' | b'g' | b'a' | b's' | b'b' | b'n'
        )
    {
        return false;
    }
    let mut buf = [0u8; 8];
    let mut len = 0;
    for c in word.bytes().filter(|&c| c != b'.') {
        match buf.get_mut(len) {
            Some(slot) if c.is_ascii_alphabetic() => *slot = c.to_ascii_lowercase(),
            _ => return false,
        }
        len += 1;
    }
    matches!(
        buf.get(..len).unwrap_or_default(),
        b"inc"
            | b"ltd"
            | b"corp"
            | b"llc"
            | b"plc"
            | b"gmbh"
            | b"ag"
            | b"sa"
            | b"co"
            | b"limited"
            | b"bv"
            | b"nv"
    )
}

/// Last words that make a multi-word name a company ("Small Giant Games", "Index Ventures").
const COMPANY_SUFFIXES: &[&str] = &[
    "group",
    "holdings",
    "technologies",
    "technology",
    "labs",
    "ventures",
    "capital",
    "partners",
    "games",
    "studios",
    "media",
    "networks",
    "systems",
    "software",
    "robotics",
    "analytics",
    "therapeutics",
    "pharmaceuticals",
    "motors",
    "airlines",
    "entertainment",
    "interactive",
    "research",
    "corporation",
    "foods",
    "brands",
    "financial",
    "semiconductor",
    "energy",
    "logistics",
    "payments",
    "bank",
    "investments",
    "management",
    "securities",
    "telecom",
    "communications",
    "electronics",
    "industries",
    "enterprises",
    "solutions",
    "dynamics",
    "aerospace",
    "biosciences",
    "insurance",
    "advisory",
    "advisors",
    "advisers",
    "mobility",
    // Session 12: "Halvard Aero", "Parallax Silicon", "Bohai Leasing".
    "aero",
    "silicon",
    "leasing",
    "airways",
    "hospitality",
    "renewables",
    "mutual",
];

/// Nouns that say the name next to them is a business ("retailer Suning", "X, a startup").
const ROLE_NOUNS: &[&str] = &[
    "startup",
    "startups",
    "start-up",
    "start-ups",
    "company",
    "companies",
    "firm",
    "firms",
    "giant",
    "giants",
    "retailer",
    "retailers",
    "provider",
    "providers",
    "service",
    "services",
    "app",
    "apps",
    "platform",
    "platforms",
    "maker",
    "makers",
    "rival",
    "rivals",
    "unicorn",
    "unicorns",
    "investor",
    "investors",
    "backer",
    "backers",
    "fund",
    "funds",
    "agency",
    "agencies",
    "marketplace",
    "marketplaces",
    "bank",
    "banks",
    "lender",
    "lenders",
    "insurer",
    "insurers",
    "brand",
    "brands",
    "chain",
    "chains",
    "operator",
    "operators",
    "developer",
    "developers",
    "publisher",
    "publishers",
    "studio",
    "studios",
    "carrier",
    "carriers",
    "airline",
    "airlines",
    "manufacturer",
    "manufacturers",
    "subsidiary",
    "subsidiaries",
    "competitor",
    "competitors",
    "vendor",
    "vendors",
    "supplier",
    "suppliers",
    "brokerage",
    "conglomerate",
    "business",
    "businesses",
    "broadcaster",
    "broadcasters",
    "newspaper",
    "website",
    "fintech",
    "fintechs",
    "automaker",
    "automakers",
    "carmaker",
    "carmakers",
    "chipmaker",
    "twin",
    "affiliate",
    "affiliates",
    "spinoff",
    "spin-off",
    "chipmakers",
    "incubator",
    "accelerator",
    "spinoff",
    "spin-off",
    "streamer",
    "streamers",
    "corporation",
    "e-tailer",
    "decacorn",
    "outlet",
    "exchange",
    "exchanges",
    "retail",
    "grocer",
    "grocers",
    "distributor",
    "distributors",
    "custodian",
    "custodians",
    "arm",
    "unit",
    "division",
    "processor",
    "processors",
    "broker",
    "brokers",
    "insurtech",
    "neobank",
    "neobanks",
    "entrants",
    "incumbent",
    "incumbents",
    "venture",
    "consortium",
    "players",
    "sites",
    "network",
    "networks",
    "outfit",
    "outfits",
    "aggregator",
    "aggregators",
    "hyperscaler",
    "hyperscalers",
    "telco",
    "telcos",
    "utility",
    "utilities",
    "miner",
    "miners",
    "customers",
    "clients",
    "labels",
    "foundry",
    "foundries",
    "newspapers",
    "magazine",
    "magazines",
    "courier",
    "couriers",
    "contractor",
    "contractors",
    "scale-up",
    "scale-ups",
    "scaleup",
    "scaleups",
    "merchants",
    "conglomerates",
    "brokerages",
    "corporations",
    "wholesaler",
    "wholesalers",
    "reseller",
    "resellers",
    "consultancy",
    "consultancies",
    // Session 12: more of a business's nouns ("Circle, the issuer of USDC", "CAF, the
    // Basque trainmaker", "Hensoldt, the German sensor specialist").
    "issuer",
    "issuers",
    "specialist",
    "specialists",
    "lessor",
    "lessors",
    "trainmaker",
    "drugmaker",
    "drugmakers",
    "planemaker",
    "planemakers",
    "steelmaker",
    "steelmakers",
    "truckmaker",
    "truckmakers",
    "toymaker",
    "watchmaker",
    "phonemaker",
    "bottler",
    "brewer",
    "brewers",
    "distiller",
    "refiner",
    "refiners",
    "shipbuilder",
    "shipbuilders",
    "builder",
    "builders",
    "homebuilder",
    "homebuilders",
    "landlord",
    "landlords",
];

/// Nouns that say the name next to them is a person ("Pramod Sharma, CEO of Osmo").
const PERSON_NOUNS: &[&str] = &[
    "ceo",
    "cto",
    "cfo",
    "coo",
    "cmo",
    "chief",
    "founder",
    "co-founder",
    "cofounder",
    "executive",
    "analyst",
    "engineer",
    "partner",
    "president",
    "minister",
    "secretary",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "professor",
    "author",
    "editor",
    "reporter",
    "head",
    "manager",
    "officer",
    "official",
    "member",
    "researcher",
    "economist",
    "lawyer",
    "vp",
    "vice",
    "senator",
    "governor",
    "mayor",
    "designer",
    "who",
    "whose",
    "scientist",
    "entrepreneur",
    "journalist",
    "correspondent",
    "leader",
    "employee",
    "student",
    "mr",
    "mrs",
    "ms",
    "dr",
    "said",
    "says",
    "actor",
    "actress",
    "lord",
    "lady",
    "dame",
    "baroness",
    "singer",
    "politician",
    "judge",
    "general",
    "critic",
];

/// Job titles that, right after a name, make it the employer ("Questful CEO Elin
/// Sandberg", "Pressline co-founder and CEO Grace Liu"); each is a person's noun too.
const EMPLOYER_TITLES: &[&str] = &[
    "ceo",
    "cto",
    "cfo",
    "coo",
    "cmo",
    "founder",
    "co-founder",
    "cofounder",
    "chairman",
    "chairwoman",
    "spokesperson",
    "spokesman",
    "spokeswoman",
];

/// Verbs right after a name that make it a company ("X raised", "Osmo today announced").
const COMPANY_VERBS: &[&str] = &[
    "raised",
    "raises",
    "raising",
    "acquired",
    "acquires",
    "buys",
    "bought",
    "invests",
    "invested",
    "backs",
    "launched",
    "launches",
    "announced",
    "announces",
    "unveiled",
    "unveils",
    "filed",
    "files",
    "closes",
    "valued",
    "sells",
    "sold",
    "owns",
    "operates",
    "competes",
    "partnered",
    "hires",
    "hired",
    "lays",
    "laid",
    "shipped",
    "ships",
    "employs",
    "debuted",
    "debuts",
    "shares",
    "stock",
    "outage",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "headquarters",
    "ipo",
    "sale",
    "makes",
    "offers",
    "provides",
    "runs",
    "develops",
    "builds",
    "acquire",
    "merged",
    "merges",
    "reported",
    "posted",
    // "X went public", after the skipped "went".
    "public",
];

/// More verbs that open headlines ("Creandum closes $300M fund").
const HEADLINE_VERBS: &[&str] = &[
    "lands", "nabs", "secures", "snags", "cuts", "expands", "shutters", "pivots", "rebrands",
    "opens", "gets", "partners", "layoffs", "picks", "bags", "scores", "adds", "releases",
    "pauses", "faces",
];

/// Words skipped between a name and its verb ("Osmo today announced", "X has raised").
const SKIPPED: &[&str] = &[
    "today",
    "also",
    "now",
    "recently",
    "has",
    "have",
    "had",
    "just",
    "quietly",
    "officially",
    "reportedly",
    "previously",
    "already",
    "finally",
    "is",
    "was",
    "will",
    "getting",
    "being",
    "went",
    "goes",
    "going",
    "been",
    "yesterday",
    "earlier",
    "then",
    "itself",
    "last",
    "this",
    "week",
    "year",
    "month",
];

/// After a possessive: nouns that only companies have ("X’s CEO", "X’s shares").
const POSSESSIVE_NOUNS: &[&str] = &[
    "ceo",
    "cto",
    "cfo",
    "founder",
    "co-founder",
    "cofounder",
    "chief",
    "shares",
    "stock",
    "valuation",
    "investors",
    "headquarters",
    "revenue",
    "revenues",
    "employees",
    "staff",
    "customers",
    "users",
    "subscribers",
    "app",
    "apps",
    "platform",
    "service",
    "services",
    "stores",
    "store",
    "parent",
    "subsidiary",
    "acquisition",
    "ipo",
    "board",
    "products",
    "business",
    "market",
    "marketplace",
    "e-commerce",
    "ecommerce",
    "website",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "executives",
    "engineers",
    "management",
    "earnings",
    "profit",
    "profits",
    "sales",
    "brand",
    "cloud",
    "portfolio",
    "deal",
    "offering",
    "offerings",
    "lawyers",
    "financials",
];

/// Verbs before "by" that make the name after it a company ("acquired by X").
const BY_VERBS: &[&str] = &[
    "acquired",
    "owned",
    "backed",
    "led",
    "funded",
    "bought",
    "run",
    "operated",
    "controlled",
    "purchased",
    "financed",
    "sponsored",
    "published",
    "made",
    "developed",
    "built",
    "offered",
    "compiled",
    "issued",
    "underwritten",
    "reinsured",
];

/// Verbs directly before a name that make it a company ("acquired Osmo", "backs Argent").
const DEAL_VERBS: &[&str] = &[
    "acquired",
    "acquire",
    "acquires",
    "acquiring",
    "buy",
    "buys",
    "bought",
    "buying",
    "backs",
    "backing",
    "rival",
    "rivals",
    "acquisition",
    "purchase",
    "purchased",
];

/// Two words before a name that make it a company ("invested in X", "competes with X").
const DEAL_PAIRS: &[(&str, &str)] = &[
    ("invested", "in"),
    ("invests", "in"),
    ("investment", "in"),
    ("investment", "from"),
    ("investments", "in"),
    ("stake", "in"),
    ("competes", "with"),
    ("compete", "with"),
    ("competing", "with"),
    ("partnered", "with"),
    ("partnership", "with"),
    ("partnering", "with"),
    ("merger", "with"),
    ("merge", "with"),
    ("acquisition", "of"),
    ("purchase", "of"),
    ("takeover", "of"),
    ("buyout", "of"),
    ("agreement", "with"),
    ("venture", "with"),
    ("ipo", "of"),
    ("exit", "of"),
    ("investors", "in"),
    ("investor", "in"),
    ("backer", "of"),
    ("shares", "of"),
    ("spun", "off"),
    ("out", "of"),
    ("sold", "to"),
    ("sell", "to"),
    ("deal", "with"),
    ("contract", "with"),
    ("competition", "from"),
    ("pressure", "from"),
    ("competitors", "like"),
    ("rivals", "like"),
    ("data", "from"),
    ("unit", "of"),
    ("arm", "of"),
    ("subsidiary", "of"),
    ("division", "of"),
];

/// The first words of [`DEAL_PAIRS`], as a lexicon list.
const DEAL_FIRSTS: [&str; DEAL_PAIRS.len()] = {
    let mut firsts = [""; DEAL_PAIRS.len()];
    let mut i = 0;
    while i < DEAL_PAIRS.len() {
        firsts[i] = DEAL_PAIRS[i].0;
        i += 1;
    }
    firsts
};

/// Words that end an appositive before its head noun ("a general partner at the firm").
const APPOSITIVE_STOPS: &[&str] = &[
    "of", "at", "in", "for", "to", "from", "with", "that", "which", "who", "whose", "and", "or",
    "on", "by", "is", "was", "has", "will", "said",
];

/// People who work at a firm: "analysts at X" makes X a company.
const STAFF_NOUNS: &[&str] = &[
    "analyst",
    "analysts",
    "partner",
    "partners",
    "engineer",
    "engineers",
    "researcher",
    "researchers",
    "executive",
    "executives",
    "employee",
    "employees",
    "staff",
    "banker",
    "bankers",
    "economist",
    "economists",
    "strategist",
    "strategists",
    "associate",
    "principal",
    "director",
    "manager",
    "managers",
    "reporter",
    "reporters",
    "editor",
    "editors",
];

/// Every context word list in one table: word -> bit set of the lists holding it.
/// One lookup per word beats scanning a dozen lists for each name.
/// Built at compile time: a lazily built table cost every lookup a test of its state,
/// and the cold path that builds it the saving of three registers.
static LEXICON: Lexicon = build_lexicon();

/// [`LEXICON`]'s table (const: loops by index; an index out of range stops the build).
const fn build_lexicon() -> Lexicon {
    let mut lexicon = Lexicon {
        keys: [0; LEXICON_SLOTS],
        bits: [0; LEXICON_SLOTS],
        shapes: [0; 33],
    };
    let mut list_id = 0;
    while list_id < LISTS.len() {
        let list = LISTS[list_id];
        let mut w = 0;
        while w < list.len() {
            let word = list[w].as_bytes();
            if let Some(key) = lexicon_key(word) {
                let mut i = lexicon_slot(key);
                // Linear probing: a key's slot, or the first empty one after it.
                while lexicon.keys[i] != 0 && lexicon.keys[i] != key {
                    i = (i + 1) % LEXICON_SLOTS;
                }
                lexicon.keys[i] = key;
                lexicon.bits[i] |= 1 << list_id;
            }
            if let Some(&first) = word.first() {
                lexicon.shapes[word.len()] |= 1 << (first & 31);
            }
            w += 1;
        }
        list_id += 1;
    }
    lexicon
}

/// Slots of the lexicon's table: a power of two, over twice its words, so that most
/// lookups read one slot (a test checks the words fit).
const LEXICON_SLOTS: usize = 2048;

struct Lexicon {
    /// Open addressing from [`lexicon_slot`]: [`lexicon_key`]s (0: empty), numbers that
    /// compare without `memcmp`, and their list bits. Cheaper than a general hash map:
    /// no hasher state, no control bytes.
    keys: [u128; LEXICON_SLOTS],
    bits: [u16; LEXICON_SLOTS],
    /// By word length, a bit per first letter (folded to 5 bits) of some word of that
    /// length: most words are rejected by this before hashing.
    shapes: [u32; 33],
}

/// A key's first slot: its two halves (the length is in the top byte) mixed by a multiply.
const fn lexicon_slot(key: u128) -> usize {
    let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - LEXICON_SLOTS.trailing_zeros())) as usize
}

/// Words before a name after which the word before them matters ("acquired by X",
/// "analysts at X", "stake in X", "such as X"): a superset of what the rules compare.
const LINKS: &[&str] = &[
    "by",
    "at",
    "as",
    "like",
    "including",
    "in",
    "from",
    "with",
    "of",
    "off",
    "to",
    "include",
    "includes",
    "group",
];

/// First words after ", " that the appositive rules read on from ("X, a startup",
/// "X, which raised", "X, based in").
const APPOSITIVE_OPENERS: &[&str] = &[
    "a",
    "one",
    "an",
    "the",
    "its",
    "which",
    "that",
    "founded",
    "owned",
    "backed",
    "acquired",
    "headquartered",
    "based",
    "inc",
    "ltd",
    "llc",
    "corp",
];

const LISTS: [&[&str]; 15] = [
    ROLE_NOUNS,
    PERSON_NOUNS,
    COMPANY_VERBS,
    HEADLINE_VERBS,
    SKIPPED,
    POSSESSIVE_NOUNS,
    BY_VERBS,
    DEAL_VERBS,
    APPOSITIVE_STOPS,
    COMPANY_SUFFIXES,
    STAFF_NOUNS,
    LINKS,
    APPOSITIVE_OPENERS,
    &DEAL_FIRSTS,
    SUBJECT_VERBS,
];
const ROLE: u16 = 1;
const PERSON: u16 = 1 << 1;
const VERB: u16 = 1 << 2;
const HEADLINE_VERB: u16 = 1 << 3;
const SKIP: u16 = 1 << 4;
const POSSESSIVE_NOUN: u16 = 1 << 5;
const BY_VERB: u16 = 1 << 6;
const DEAL_VERB: u16 = 1 << 7;
const APPOSITIVE_STOP: u16 = 1 << 8;
const COMPANY_SUFFIX: u16 = 1 << 9;
const STAFF: u16 = 1 << 10;
const LINK: u16 = 1 << 11;
const APPOSITIVE_OPENER: u16 = 1 << 12;
const DEAL_FIRST: u16 = 1 << 13;
const SUBJECT_VERB: u16 = 1 << 14;

/// Whether `word` (any ASCII case) is in one of the lists in `lists`.
fn is_in(word: &str, lists: u16) -> bool {
    lexicon_bits(word) & lists != 0
}

/// The lists `word` (any ASCII case) is in, as bits.
fn lexicon_bits(word: &str) -> u16 {
    let bytes = word.as_bytes();
    let Some(&first) = bytes.first() else {
        return 0;
    };
    let lexicon = &LEXICON;
    let first = first.to_ascii_lowercase();
    if lexicon
        .shapes
        .get(bytes.len())
        .is_none_or(|shape| shape & (1 << (first & 31)) == 0)
    {
        return 0;
    }
    let Some(key) = lexicon_key(bytes) else {
        return 0;
    };
    let mut i = lexicon_slot(key);
    loop {
        match lexicon.keys.get(i) {
            Some(&k) if k == key => return lexicon.bits.get(i).copied().unwrap_or(0),
            Some(&k) if k != 0 => i = (i + 1) % LEXICON_SLOTS,
            _ => return 0,
        }
    }
}

/// The longest word in the lexicon's lists (all lower-case ASCII; a test checks).
const LEXICON_WORD: usize = 15;

/// The lexicon's key for a word of 1 to 15 bytes: its bytes ASCII-lower-cased, with its
/// length in the top byte. Longer words are in no list.
const fn lexicon_key(bytes: &[u8]) -> Option<u128> {
    if bytes.is_empty() || bytes.len() > LEXICON_WORD {
        return None;
    }
    // Most words fit the low half: the high one is then zero, with nothing to fold.
    let (lo, hi) = match bytes.split_first_chunk::<8>() {
        Some((head, rest)) if !rest.is_empty() => (u64::from_le_bytes(*head), load_u64(rest)),
        _ => (load_u64(bytes), 0),
    };
    let (lo, hi) = (ascii_lower(lo), if hi == 0 { 0 } else { ascii_lower(hi) });
    Some(lo as u128 | ((hi as u128) << 64) | ((bytes.len() as u128) << 120))
}

/// `make_ascii_lowercase` of eight bytes at once: `A`..=`Z` get their 0x20 bit.
const fn ascii_lower(x: u64) -> u64 {
    const HI: u64 = 0x8080_8080_8080_8080;
    const LO: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const FROM_A: u64 = 0x0101_0101_0101_0101 * (0x80 - b'A' as u64);
    const PAST_Z: u64 = 0x0101_0101_0101_0101 * (0x80 - b'Z' as u64 - 1);
    let low = x & LO;
    // Per byte, the high bit: ASCII (not set in x) and between A and Z (as in
    // `candidates::next_interesting`: no carry crosses bytes).
    let upper = (low + FROM_A) & !(low + PAST_Z) & !x & HI;
    x | (upper >> 2)
}

fn is_one_of(word: &str, words: &[&str]) -> bool {
    !word.is_empty() && words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Up to three words right before `start`, nearest first, read as far as asked: most
/// rules look at the nearest word only. Empty where punctuation intervenes.
struct WordsBefore<'t> {
    text: &'t str,
    /// Where reading stops (a char boundary at most 80 bytes back).
    lo: usize,
    /// Where the next word ends.
    end: usize,
    words: [&'t str; 3],
    read: usize,
    done: bool,
}

impl<'t> WordsBefore<'t> {
    /// The reader from scratch: [`word_before`] and [`WordsBefore::resume`] read its
    /// words with less set-up; the tests compare them.
    #[cfg(test)]
    fn new(text: &'t str, start: usize) -> Self {
        let b = text.as_bytes();
        let mut before = WordsBefore {
            text,
            lo: 0,
            end: start,
            words: [""; 3],
            read: 0,
            done: true,
        };
        // The byte first: most names follow a space, but the reading needs no more.
        if start == 0 || b.get(start - 1) != Some(&b' ') {
            return before;
        }
        let lo = floor_boundary(text, start.saturating_sub(80));
        let spaces = b
            .get(lo..start)
            .map_or(0, |s| s.iter().rev().take_while(|&&c| c == b' ').count());
        before.lo = lo;
        before.end = start - spaces;
        before.done = false;
        before
    }

    /// The reader after [`word_before`] read `first`, from what it returned.
    fn resume(text: &'t str, lo: usize, first: &'t str, next_end: Option<usize>) -> Self {
        WordsBefore {
            text,
            lo,
            end: next_end.unwrap_or(lo),
            words: [first, "", ""],
            read: 1,
            done: next_end.is_none(),
        }
    }

    /// Word `k` (0-based, nearest first), or "" where there is none.
    /// Inlined: most calls ask for a word read already; the reading is a call.
    #[inline]
    fn word(&mut self, k: usize) -> &'t str {
        while self.read <= k && !self.done {
            self.read_next();
        }
        self.words.get(k).copied().unwrap_or("")
    }

    #[inline(never)]
    fn read_next(&mut self) {
        let (lo, end) = (self.lo, self.end);
        let from = self
            .text
            .as_bytes()
            .get(lo..end)
            // Not `memrchr`: the space is a word away, nearer than its call and set-up
            // would pay for.
            .and_then(rfind_space)
            .map_or(lo, |k| lo + k + 1);
        self.done = true;
        let Some(token) = self.text.get(from..end) else {
            return;
        };
        if !ends_with_word_char(token) {
            return;
        }
        let starts_word = starts_with_word_char(token);
        let Some(slot) = self.words.get_mut(self.read) else {
            return;
        };
        *slot = if starts_word {
            token
        } else {
            token.trim_start_matches(|c: char| !is_word_char(c))
        };
        self.read += 1;
        // A word that begins with punctuation ("(company") is the last one in reach.
        if from == lo || !starts_word || self.read == self.words.len() {
            return;
        }
        self.done = false;
        self.end = from - 1;
    }
}

/// Up to eight words right after `end`, and whether they follow ", ". Stops at punctuation.
/// Without the comma only the first `plain_limit` words are read: the rules look no further.
fn words_after(text: &str, end: usize, plain_limit: usize) -> (bool, [&str; 8]) {
    let mut after = WordsAfter::new(text, end, plain_limit);
    let mut out = [""; 8];
    for (k, slot) in out.iter_mut().enumerate() {
        *slot = after.word(k);
    }
    (after.comma, out)
}

/// [`words_after`], read as far as asked and no further: most items look at the first
/// word or two of the eight.
struct WordsAfter<'t> {
    text: &'t str,
    /// Where reading stops (a char boundary at most 120 bytes on).
    hi: usize,
    /// Where the next word starts.
    from: usize,
    /// How many words may be read in all.
    limit: usize,
    /// The words read so far; `done` once punctuation, `hi` or `limit` ended the reading.
    words: [&'t str; 8],
    read: usize,
    done: bool,
    /// Whether the words follow ", ".
    comma: bool,
}

impl<'t> WordsAfter<'t> {
    fn new(text: &'t str, end: usize, plain_limit: usize) -> Self {
        let b = text.as_bytes();
        let hi = ceil_boundary(text, (end + 120).min(text.len()));
        let (comma, from, done) = match b.get(end..hi) {
            Some([b',', b' ', ..]) => (true, end + 2, false),
            Some([b' ', ..]) => (false, end + 1, false),
            _ => (false, end, true),
        };
        WordsAfter {
            text,
            hi,
            from,
            limit: if comma { 8 } else { plain_limit.min(8) },
            words: [""; 8],
            read: 0,
            done,
            comma,
        }
    }

    /// The reader (of up to three words without the comma) after [`word_after`] read
    /// `first`, from what it returned.
    fn resume(
        text: &'t str,
        hi: usize,
        comma: bool,
        first: &'t str,
        next_from: Option<usize>,
    ) -> Self {
        WordsAfter {
            text,
            hi,
            from: next_from.unwrap_or(hi),
            limit: if comma { 8 } else { 3 },
            words: [first, "", "", "", "", "", "", ""],
            read: 1,
            done: next_from.is_none(),
            comma,
        }
    }

    /// Word `k` (0-based), or "" where there is none (inlined, as [`WordsBefore::word`]).
    #[inline]
    fn word(&mut self, k: usize) -> &'t str {
        while self.read <= k && !self.done {
            self.read_next();
        }
        self.words.get(k).copied().unwrap_or("")
    }

    #[inline(never)]
    fn read_next(&mut self) {
        if self.read >= self.limit {
            self.done = true;
            return;
        }
        let (b, hi, from) = (self.text.as_bytes(), self.hi, self.from);
        let to = b
            .get(from..hi)
            // As in `WordsBefore::read_next`.
            .and_then(find_space)
            .map_or(hi, |k| from + k);
        let Some(token) = self.text.get(from..to) else {
            self.done = true;
            return;
        };
        let clean = if ends_with_word_char(token) {
            token
        } else {
            token.trim_end_matches(|c: char| !is_word_char(c))
        };
        if !starts_with_word_char(clean) {
            self.done = true;
            return;
        }
        if let Some(slot) = self.words.get_mut(self.read) {
            *slot = clean;
        }
        self.read += 1;
        if clean.len() != token.len() || to >= hi {
            self.done = true;
        }
        self.from = to + 1;
    }
}

/// `s.starts_with(is_word_char)`, answering ASCII from the byte.
#[inline]
fn starts_with_word_char(s: &str) -> bool {
    match s.as_bytes().first() {
        None => false,
        Some(c) if c.is_ascii() => c.is_ascii_alphanumeric(),
        Some(_) => s.starts_with(is_word_char),
    }
}

/// `s.ends_with(is_word_char)`, answering ASCII from the byte.
#[inline]
fn ends_with_word_char(s: &str) -> bool {
    match s.as_bytes().last() {
        None => false,
        Some(c) if c.is_ascii() => c.is_ascii_alphanumeric(),
        Some(_) => s.ends_with(is_word_char),
    }
}

/// The word before `, ` right before `start` ("studio" in "studio, Nuverse"), or "".
fn word_before_comma(text: &str, start: usize) -> &str {
    // The bytes first: most names have no comma before them.
    if start < 2 || text.as_bytes().get(start - 2..start) != Some(b", ") {
        return "";
    }
    let Some(before) = text.get(..start - 2) else {
        return "";
    };
    let from = before.bytes().rposition(|c| c == b' ').map_or(0, |k| k + 1);
    before.get(from..).unwrap_or("")
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn is_capitalised_possessive(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase()) && (word.ends_with("’s") || word.ends_with("'s"))
}

/// Where a [`Context`] gets its words: read in advance, or as asked.
trait ContextWords<'t> {
    /// Word `k`, or "" where there is none.
    fn word(&mut self, k: usize) -> &'t str;
}

impl<'t, const N: usize> ContextWords<'t> for [&'t str; N] {
    fn word(&mut self, k: usize) -> &'t str {
        self.get(k).copied().unwrap_or("")
    }
}

impl<'t> ContextWords<'t> for WordsBefore<'t> {
    #[inline]
    fn word(&mut self, k: usize) -> &'t str {
        WordsBefore::word(self, k)
    }
}

impl<'t> ContextWords<'t> for WordsAfter<'t> {
    #[inline]
    fn word(&mut self, k: usize) -> &'t str {
        WordsAfter::word(self, k)
    }
}

/// Context words and their lexicon bits, each word looked up at most once.
struct Context<W> {
    words: W,
    bits: [u16; 8],
    looked_up: u16,
}

impl<'t, W: ContextWords<'t>> Context<W> {
    #[cfg(test)]
    fn new(words: W) -> Self {
        Context {
            words,
            bits: [0; 8],
            looked_up: 0,
        }
    }

    /// A context whose first word was looked up already, with bits `bits0`.
    fn seeded(words: W, bits0: u16) -> Self {
        Context {
            words,
            bits: [bits0, 0, 0, 0, 0, 0, 0, 0],
            looked_up: 1,
        }
    }

    fn word(&mut self, k: usize) -> &'t str {
        self.words.word(k)
    }

    /// Whether word `k` is in one of `lists`.
    fn is(&mut self, k: usize, lists: u16) -> bool {
        if self.looked_up & (1 << k) == 0 {
            self.looked_up |= 1 << k;
            let word = self.words.word(k);
            if let Some(slot) = self.bits.get_mut(k) {
                *slot = lexicon_bits(word);
            }
        }
        self.bits.get(k).is_some_and(|bits| bits & lists != 0)
    }
}

/// Per byte of `x`, its high bit where the byte is a space (exact: no carry crosses a
/// byte, so the highest set bit is as true as the lowest).
#[inline]
const fn space_bytes(x: u64) -> u64 {
    const LO: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let y = x ^ 0x2020_2020_2020_2020;
    !(((y & LO) + LO) | y) & !LO
}

/// `s.iter().position(|&c| c == b' ')`, eight bytes a step: a byte loop cost ~5
/// instructions a byte of the words around every name.
#[inline]
fn find_space(s: &[u8]) -> Option<usize> {
    let mut i = 0;
    while let Some(chunk) = s.get(i..).and_then(|rest| rest.first_chunk::<8>()) {
        let spaces = space_bytes(u64::from_le_bytes(*chunk));
        if spaces != 0 {
            return Some(i + (spaces.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    let tail = s.get(i..)?;
    tail.iter().position(|&c| c == b' ').map(|k| i + k)
}

/// `s.iter().rposition(|&c| c == b' ')`, eight bytes a step (as [`find_space`]).
#[inline]
fn rfind_space(s: &[u8]) -> Option<usize> {
    let mut end = s.len();
    while let Some(chunk) = s.get(..end).and_then(|head| head.last_chunk::<8>()) {
        let spaces = space_bytes(u64::from_le_bytes(*chunk));
        if spaces != 0 {
            return Some(end - 1 - (spaces.leading_zeros() / 8) as usize);
        }
        end -= 8;
    }
    s.get(..end)?.iter().rposition(|&c| c == b' ')
}

/// [`WordsBefore`]'s nearest word, read with no reader set up, with where a reader
/// goes on from: its `lo`, and the end of the next word if any may follow.
#[inline]
fn word_before(text: &str, start: usize) -> (&str, usize, Option<usize>) {
    let b = text.as_bytes();
    if start == 0 || b.get(start - 1) != Some(&b' ') {
        return ("", 0, None);
    }
    let lo = floor_boundary(text, start.saturating_sub(80));
    let Some(span) = b.get(lo..start) else {
        return ("", lo, None);
    };
    let end = start - span.iter().rev().take_while(|&&c| c == b' ').count();
    let from = span
        .get(..end - lo)
        .and_then(rfind_space)
        .map_or(lo, |k| lo + k + 1);
    let Some(token) = text.get(from..end) else {
        return ("", lo, None);
    };
    if !ends_with_word_char(token) {
        ("", lo, None)
    } else if !starts_with_word_char(token) {
        // A word that begins with punctuation ("(company") is the last one in reach.
        let word = token.trim_start_matches(|c: char| !is_word_char(c));
        (word, lo, None)
    } else {
        (token, lo, (from != lo).then(|| from - 1))
    }
}

/// [`WordsAfter`]'s first word and whether it follows ", ", read with no reader set up,
/// with where a reader goes on from: its `hi`, and the start of the next word if any may
/// follow.
#[inline]
fn word_after(text: &str, end: usize) -> (bool, &str, usize, Option<usize>) {
    let b = text.as_bytes();
    let hi = ceil_boundary(text, (end + 120).min(text.len()));
    let (comma, from) = match b.get(end..hi) {
        Some([b',', b' ', ..]) => (true, end + 2),
        Some([b' ', ..]) => (false, end + 1),
        _ => return (false, "", hi, None),
    };
    let to = b
        .get(from..hi)
        .and_then(find_space)
        .map_or(hi, |k| from + k);
    let Some(token) = text.get(from..to) else {
        return (comma, "", hi, None);
    };
    let clean = if ends_with_word_char(token) {
        token
    } else {
        token.trim_end_matches(|c: char| !is_word_char(c))
    };
    if !starts_with_word_char(clean) {
        return (comma, "", hi, None);
    }
    let more = clean.len() == token.len() && to < hi;
    (comma, clean, hi, more.then_some(to + 1))
}

/// Reads the context around one item and records company, person and place evidence.
/// Out of line: one item in eight needs it, and inlined its reading crowded the
/// registers of the item loop.
///
/// The word on either side of the name is read and looked up first, with no reader set
/// up: most names need no other. Readers, resumed past those words with their bits in,
/// are set up only for what needs more: a comma or a skipped word after the name, a
/// linking word before it.
#[inline(never)]
fn gather_evidence(text: &str, item: &mut Item, mode: Mode) {
    let after_end = if item.possessive {
        item.poss_end
    } else {
        item.end
    };
    let (comma, a0, hi, a_next) = word_after(text, after_end);
    let a0_bits = lexicon_bits(a0);
    let (b0, lo, b_next) = word_before(text, item.start);
    let b0_bits = lexicon_bits(b0);

    // "said Hearthly CEO Marcus Bell": a job title right after a name makes the name the
    // employer, whatever came before it (a person's noun is asked first: most words after
    // a name are none).
    let employer =
        !comma && !item.possessive && a0_bits & PERSON != 0 && is_one_of(a0, EMPLOYER_TITLES);
    // Person. Not after "said" with more of the clause to come ("Ortega said Ferngrove
    // plans to expand"): only a name the sentence ends on or sets off is the speaker.
    if b0_bits & (PERSON | ROLE) == PERSON && !employer && !reported_clause(b0, comma, a0) {
        item.person = true;
    }
    // Company.
    if employer
        || item.suffix == Suffix::Owner
        || (item.possessive && !comma && a0_bits & POSSESSIVE_NOUN != 0)
        || b0_bits & (ROLE | DEAL_VERB) != 0
        || is_owned_by(b0)
        // Not "the Washington-based Mediterranean chain": there the noun is the business.
        || (placed_by_base(b0) && (comma || a0_bits & ROLE == 0))
    {
        item.company = true;
    }
    // "Apple said", "Zoom, which…": a listed company that is also a word is the
    // subject of a clause, as no bare common noun is. (Not for new names: people say.)
    // A possessive is no subject ("Apple's cut"), but a name that ends like one is
    // ("Kohl's, which…": no possessive goes on to ", which").
    if matches!(
        item.what,
        What::Known {
            ambiguous: true,
            ..
        }
    ) && (comma || !item.possessive || item.own_s)
        && subject_of_clause(comma, a0, a0_bits)
    {
        item.company = true;
    }
    // After ", " only a person's noun, an opener or a capitalised possessive ("Slack’s")
    // starts a rule, and only the last two read on: most commas set up no reader.
    let appositive = comma
        && a0_bits & PERSON == 0
        && (a0_bits & APPOSITIVE_OPENER != 0
            || is_capitalised_possessive(a0)
            || (starts_with_capital(a0) && capitalised_possessive_at(text, a_next)));
    if comma
        && a0_bits & PERSON != 0
        && !closes_appositive(a0)
        && !opens_a_name(a0, a_next.and_then(|at| text.as_bytes().get(at)).copied())
    {
        item.person = true;
    } else if comma
        && a0_bits & PERSON != 0
        && starts_with_capital(a0)
        && capitalised_possessive_at(text, a_next)
    {
        // "…, Cto Startup’s chief executive": the two-word possessive rule of
        // `read_on_after`, for a first word that is itself a person's noun.
        let mut after = Context::seeded(WordsAfter::resume(text, hi, comma, a0, a_next), a0_bits);
        if is_capitalised_possessive(after.word(1)) && after.is(2, PERSON) {
            item.person = true;
        }
    } else if appositive || (!comma && !item.possessive && a0_bits & SKIP != 0) {
        let after = WordsAfter::resume(text, hi, comma, a0, a_next);
        read_on_after(item, mode, Context::seeded(after, a0_bits));
    } else if !comma
        && !item.possessive
        && (a0_bits & VERB != 0
            || (mode != Mode::Body && a0_bits & HEADLINE_VERB != 0)
            || (a0_bits & ROLE != 0 && is_one_of(a0, OWNED_NOUNS) && is_capitalised_possessive(b0)))
    {
        item.company = true;
    }
    // Only after a linking word ("by", "at", "in", …) do the words before it matter:
    // one lexicon bit spares most names the reading and comparisons.
    if b0_bits & LINK != 0 {
        let before = WordsBefore::resume(text, lo, b0, b_next);
        read_on_before(item, b0, Context::seeded(before, b0_bits));
        if !item.possessive && role_before_list(text, item.start, b0) {
            item.company = true;
        }
    }
    set_off_and_place(text, item, after_end);
}

/// Whether the word starting at byte `at` (if any) is a capitalised possessive
/// ("Safaricom Ethiopia's"): read only after ", " and a capitalised word.
fn capitalised_possessive_at(text: &str, at: Option<usize>) -> bool {
    let Some(rest) = at.and_then(|at| text.get(at..)) else {
        return false;
    };
    // The word as the appositive reader (`WordsAfter`) cuts it: to the next space,
    // less the punctuation it ends with.
    let end = find_space(rest.as_bytes()).unwrap_or(rest.len());
    rest.get(..end)
        .map(|token| token.trim_end_matches(|c: char| !is_word_char(c)))
        .is_some_and(is_capitalised_possessive)
}

/// Whether words `at + 1..` of a run go straight on (one space each, none possessive
/// before the last) to a company's suffix within three words, the word at `at` not
/// joined to its run by "of".
fn suffix_ahead(text: &str, run_words: &[Word], at: usize, joiner: Joiner) -> bool {
    if joiner == Joiner::Of {
        return false;
    }
    for k in at + 1..(at + 4).min(run_words.len()) {
        let (Some(w), Some(before)) = (run_words.get(k), run_words.get(k - 1)) else {
            return false;
        };
        if before.possessive || !candidates::one_space_after(text, before, w) {
            return false;
        }
        if text
            .get(w.start as usize..w.end as usize)
            .is_some_and(|word| is_in(word, COMPANY_SUFFIX))
        {
            return true;
        }
    }
    false
}

/// Whether `word` starts with an ASCII capital.
fn starts_with_capital(word: &str) -> bool {
    word.bytes().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// "Berlin-based Kiezflotte", "Los Angeles-based Coco": a place's "-based" right before
/// a name makes it a business (not a technology's: "Arm-based", "Linux-based").
fn placed_by_base(b0: &str) -> bool {
    let Some(place) = b0
        .strip_suffix("-based")
        .or_else(|| b0.strip_suffix("-headquartered"))
    else {
        return false;
    };
    let place = place.rsplit('-').next().unwrap_or(place);
    place.bytes().next().is_some_and(|c| c.is_ascii_uppercase())
        && place.bytes().any(|c| c.is_ascii_lowercase())
        && !is_one_of(place, TECH_BASES)
}

/// Technologies that "-based" follows before a product's name ("Arm-based Graviton").
const TECH_BASES: &[&str] = &[
    "arm",
    "linux",
    "android",
    "chromium",
    "chrome",
    "intel",
    "nvidia",
    "windows",
    "unix",
    "java",
    "python",
    "rust",
    "ethereum",
    "bitcoin",
    "solana",
    "web",
    "cloud",
    "blockchain",
    "kubernetes",
    "llama",
    "qualcomm",
    "snapdragon",
    "apple",
    "google",
    "amazon",
    "azure",
    "microsoft",
    "openai",
    "gemini",
    "claude",
    "unity",
    "unreal",
    "ios",
    "macos",
    "risc",
];

/// The rules of [`gather_evidence`] that read on after the first word after the name:
/// after ", ", and past skipped words to a verb.
#[inline(never)]
fn read_on_after(item: &mut Item, mode: Mode, mut after: Context<WordsAfter<'_>>) {
    let comma = after.words.comma;
    if comma {
        let first = after.word(0);
        if after.is(0, PERSON) {
            item.person = true;
        } else if is_capitalised_possessive(first) && after.is(1, PERSON) {
            // "Stewart Butterfield, Slack’s chief executive"
            item.person = true;
        } else if starts_with_capital(first)
            && is_capitalised_possessive(after.word(1))
            && after.is(2, PERSON)
        {
            // "Lelise Tadesse, Safaricom Ethiopia's chief commercial officer"
            item.person = true;
        } else if !after.is(0, APPOSITIVE_OPENER) {
            // One lexicon bit for the first words the rules below read on from.
        } else if is_one_of(first, &["a", "an", "the", "its"])
            || (first == "one" && after.word(1) == "of")
        {
            // "Ripio, one of the country's oldest exchanges": read on past "of".
            let from = if first == "one" { 2 } else { 1 };
            for k in from..8 {
                if after.word(k).is_empty() || after.is(k, APPOSITIVE_STOP) {
                    break;
                }
                if after.is(k, ROLE)
                    || managing_business(after.word(k - 1), after.word(k))
                    || business_group(after.word(k - 1), after.word(k))
                {
                    item.company = true;
                    break;
                }
                if after.is(k, PERSON) {
                    item.person = true;
                    break;
                }
            }
        } else if is_one_of(first, &["which", "that"]) {
            // "HuffPost, which it acquired from…": the object of a deal.
            if is_one_of(after.word(1), &["it", "they", "we"]) && after.is(2, DEAL_VERB) {
                item.company = true;
            }
            if let Some(verb) = (1..8).find(|&k| !after.is(k, SKIP))
                && after.is(verb, VERB)
            {
                item.company = true;
            }
        } else if (is_one_of(
            first,
            &[
                "founded",
                "owned",
                "backed",
                "acquired",
                "headquartered",
                "based",
            ],
        ) && is_one_of(after.word(1), &["in", "by"]))
            || is_one_of(first, &["inc", "ltd", "llc", "corp"])
        {
            item.company = true;
        }
    }

    if !comma && !item.possessive {
        let verb = (0..3).find(|&k| !after.is(k, SKIP));
        if let Some(verb) = verb
            && (after.is(verb, VERB) || (mode != Mode::Body && after.is(verb, HEADLINE_VERB)))
        {
            item.company = true;
        }
    }
}

/// The rules of [`gather_evidence`] after a linking word `b0`, which read the words
/// before it.
fn read_on_before(item: &mut Item, b0: &str, mut before: Context<WordsBefore<'_>>) {
    if b0 == "by" && before.is(1, BY_VERB) {
        item.company = true;
    }
    // "taken private by X", "bought out by X", "snapped up by X".
    if b0 == "by"
        && is_one_of(before.word(1), &["private", "over", "out", "up"])
        && (before.is(2, BY_VERB) || is_one_of(before.word(2), &["taken", "snapped", "taking"]))
    {
        item.company = true;
    }
    // "analysts at X", "a partner at X": people who work at a firm.
    if b0 == "at" && before.is(1, STAFF) {
        item.company = true;
    }
    let b1 = before.word(1);
    // The pairs are scanned only after a lexicon bit says `b1` opens one: a scan of
    // every pair for every linked name cost ~4M instructions per 10k articles.
    if b0.len() <= 4
        && before.is(1, DEAL_FIRST)
        && DEAL_PAIRS
            .iter()
            .any(|(a, b)| b1.eq_ignore_ascii_case(a) && b0.eq_ignore_ascii_case(b))
    {
        item.company = true;
    }
    if (is_one_of(b0, &["like", "including"]) && before.is(1, ROLE))
        || (b0 == "as" && b1 == "such" && before.is(2, ROLE))
    {
        item.company = true;
    }
    // "Recent investments include Ledgerly", "Customers include Barclays".
    if is_one_of(b0, &["include", "includes", "including"]) && is_one_of(b1, HOLDINGS_NOUNS) {
        item.company = true;
    }
    // "media group Emtek", not "advocacy group Public Knowledge".
    if business_group(b1, b0) {
        item.company = true;
    }
    // "founded by Chidinma Eze": founders are people.
    if b0 == "by" && is_one_of(b1, FOUNDED) {
        item.person = true;
    }
    // Place.
    if b0 == "in" && is_one_of(b1, &["based", "headquartered"]) {
        item.place = true;
    }
}

/// "startups, including Lami and Turaco", "rivals, such as Tabby": a list a plural role
/// noun and a comma introduce. `b0` is the word right before the name at `start`.
fn role_before_list(text: &str, start: usize, b0: &str) -> bool {
    let opener = if is_one_of(b0, &["including", "like"]) {
        b0.len()
    } else if b0 == "as" && text.get(..start).is_some_and(|t| t.ends_with(" such as ")) {
        "such as".len()
    } else {
        return false;
    };
    start
        .checked_sub(opener + 1)
        .is_some_and(|at| is_in(word_before_comma(text, at), ROLE))
}

/// Whether the word after a name (with its lexicon bits) makes the name a clause's
/// subject: a verb of [`SUBJECT_VERBS`] right after it, or "which" or "whose" after a
/// comma.
fn subject_of_clause(comma: bool, after: &str, after_bits: u16) -> bool {
    if comma {
        is_one_of(after, &["which", "whose"])
    } else {
        after_bits & SUBJECT_VERB != 0
    }
}

/// Verbs whose subject a listed company that is also a word is ("Apple said", "Elastic
/// changed", "Alphabet has argued"); not "is", "are", "was": "Here is", "Discovery is".
const SUBJECT_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "plans",
    "planned",
    "has",
    "had",
    "will",
    "would",
    "could",
    "wants",
    "argued",
    "changed",
    "declined",
    "agreed",
    "expects",
    "expected",
    "confirmed",
    "denied",
    "added",
    "began",
    "paid",
    "cut",
    "cuts",
    "reported",
    "announced",
    "launched",
    "raised",
    "acquired",
    "bought",
    "sued",
    "warned",
    // What a listed company's shares or deals did ("Apple rose", "Takeda licensed").
    "rose",
    "fell",
    "gained",
    "slipped",
    "jumped",
    "climbed",
    "tumbled",
    "surged",
    "slumped",
    "licensed",
    "signed",
    "posted",
    "unveiled",
    "introduced",
    "completed",
    "secured",
    "invested",
    "shipped",
    "delivered",
    "employs",
    "operates",
    "owns",
];

/// Whether a name after `before` opens a reported clause ("said Ferngrove plans"): after
/// "said" with a word after the name and no comma, the name is not the speaker.
fn reported_clause(before: &str, comma: bool, after: &str) -> bool {
    !comma && !after.is_empty() && is_one_of(before, &["said", "says"])
}

/// "an asset manager", "a hedge fund manager": a business, though a manager is a person.
fn managing_business(before: &str, noun: &str) -> bool {
    is_one_of(noun, &["manager", "managers"])
        && is_one_of(
            before,
            &["asset", "fund", "investment", "wealth", "money", "hedge"],
        )
}

/// Whether a person's noun after ", " ends an appositive rather than naming a person:
/// "the self-driving unit of Alphabet, said on Friday", "Circle, whose USDC".
fn closes_appositive(word: &str) -> bool {
    is_one_of(word, &["said", "says", "whose"])
}

/// "a media group", "betting group Flutter": a group of a business's kind is a company;
/// a criminal, advocacy or trade group is not.
fn business_group(kind: &str, noun: &str) -> bool {
    is_one_of(noun, &["group", "groups"]) && is_one_of(kind, BUSINESS_KINDS)
}

/// What a business group does, before "group" ("media group", "luxury group").
const BUSINESS_KINDS: &[&str] = &[
    "media",
    "appliance",
    "appliances",
    "betting",
    "gambling",
    "gaming",
    "fashion",
    "luxury",
    "banking",
    "insurance",
    "retail",
    "supermarket",
    "telecoms",
    "telecom",
    "engineering",
    "industrial",
    "technology",
    "tech",
    "internet",
    "investment",
    "hotel",
    "hotels",
    "travel",
    "food",
    "drinks",
    "beverage",
    "mining",
    "steel",
    "chemicals",
    "energy",
    "oil",
    "pharmaceutical",
    "pharmaceuticals",
    "publishing",
    "advertising",
    "payments",
    "financial",
    "property",
    "shipping",
    "logistics",
    "airline",
    "automotive",
    "defence",
    "defense",
    "entertainment",
    "private-equity",
    "buyout",
    "consulting",
    "software",
    "e-commerce",
    "healthcare",
    "education",
    "broadcasting",
    "music",
    "electronics",
    "conglomerate",
    "parts",
    "components",
    "aerospace",
    "packaging",
    "construction",
    "cement",
    "materials",
    "chemical",
    "goods",
    "brewing",
    "tobacco",
    "outsourcing",
    "security",
    "semiconductor",
    "telecommunications",
    "utilities",
    "water",
    "car",
    "auto",
    "real-estate",
    "lending",
    "crypto",
    "beauty",
    "cosmetics",
    "apparel",
    "sportswear",
    "hospitality",
    "leisure",
    "restaurant",
    "dairy",
    "meat",
    "agribusiness",
    "commodities",
    "trading",
];

/// Whether a capitalised person's noun after ", " opens the next name of a list rather
/// than giving a title ("Ford, General Motors and Hyundai"): a capital word follows it.
/// `next` is the first byte of the word after it, if one follows after a space.
fn opens_a_name(word: &str, next: Option<u8>) -> bool {
    word.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && next.is_some_and(|c| c.is_ascii_uppercase())
}

/// Nouns for what a business holds or serves, before "include": "investments include X".
const HOLDINGS_NOUNS: &[&str] = &[
    "investments",
    "portfolio",
    "customers",
    "clients",
    "backers",
    "investors",
    "partners",
    "rivals",
    "competitors",
];

/// Verbs that, before "by", name the founders of something: people.
const FOUNDED: &[&str] = &["founded", "co-founded", "cofounded"];

/// "state-owned BAIC", "family-controlled X".
fn is_owned_by(b0: &str) -> bool {
    b0.ends_with('d')
        && ["-owned", "-backed", "-funded", "-controlled"]
            .iter()
            .any(|suffix| b0.ends_with(suffix))
}

/// The last rules of [`gather_evidence`], which read no context word.
#[inline]
fn set_off_and_place(text: &str, item: &mut Item, after_end: usize) {
    // "its own games studio, Nuverse, and": a name set off by commas after a role noun.
    if !item.possessive
        && text
            .as_bytes()
            .get(after_end)
            .is_none_or(|c| matches!(c, b',' | b'.' | b';' | b')'))
        && is_in(word_before_comma(text, item.start), ROLE)
    {
        item.company = true;
    }

    if item.suffix == Suffix::Place {
        item.place = true;
    }
}

/// Names joined into a list ("Netflix, Prime Video, AltBalaji, Zee5, and YouTube") share
/// their company-ness: one known company makes the unknown others companies too.
///
/// `joins` holds, in order, the items a coordinator joins to the item before them, as
/// the evidence pass found them: only lists are visited (walking every item and its
/// neighbour here cost ~30 instructions an item, and most items are in no list). An item
/// on its own was asked [`and_other`] by the evidence pass.
fn coordinate(text: &str, items: &mut [Item], joins: &[u32]) {
    let mut next = joins.iter().map(|&k| k as usize).peekable();
    while let Some(k) = next.next() {
        // A list: the item before the first join and every item joined on after it.
        let mut end = k + 1;
        while next.next_if_eq(&end).is_some() {
            end += 1;
        }
        if let Some(members) = items.get_mut(k.wrapping_sub(1)..end) {
            coordinate_list(text, members);
        }
    }
}

/// [`coordinate`] for the members of one list.
fn coordinate_list(text: &str, members: &mut [Item]) {
    let mut company = members.iter().any(|m| {
        !m.person
            && !m.place
            && (m.company
                || matches!(
                    m.what,
                    What::Known {
                        ambiguous: false,
                        ..
                    }
                ) && !m.after_first_name
                || matches!(
                    m.what,
                    What::Known {
                        ambiguous: true,
                        ..
                    }
                ) && !m.sentence_start
                    && !m.after_capital)
    });
    if let Some(last) = members.last_mut() {
        company |= and_other(text, last);
    }
    if company {
        for m in members.iter_mut() {
            if !m.person
                && !m.place
                && m.what != What::Rejected
                && !owned_product(text, m)
                && !adverb_opening(text, m)
            {
                m.company = true;
            }
        }
    }
}

/// "Combined, Nationwide and Virgin Money will have…": a new one-word name opening a
/// sentence and set off by a comma is most often an adverb or a participle, and takes
/// no company-ness from the list it seems to open.
fn adverb_opening(text: &str, m: &Item) -> bool {
    matches!(m.what, What::Stretch { .. })
        && text.as_bytes().get(m.end) == Some(&b',')
        && !text
            .get(m.start..m.end)
            .is_some_and(|name| name.contains(' '))
        && candidates::opens_sentence_at(text, m.start)
}

/// "Amazon's CodeWhisperer" in a list of rivals: a new name right after a company's
/// possessive is most often its product, and takes no company-ness from the list.
fn owned_product(text: &str, m: &Item) -> bool {
    matches!(m.what, What::Stretch { .. })
        && is_capitalised_possessive(word_before(text, m.start).0)
}

/// Whether a coordinator joins an item starting at `start` to the item before it in a
/// list, which ends at `end`.
#[inline]
fn joins_after(bytes: &[u8], end: usize, start: usize) -> bool {
    // Most neighbours are further apart than the longest coordinator: one number rules
    // them out before the gap is looked at.
    start.wrapping_sub(end) <= LONGEST_COORDINATOR
        && is_coordinator(bytes.get(end..start).unwrap_or_default())
}

/// Whether the gap after an owner ("Walmart-owned") names what it owns: "-owned ".
fn owns(gap: &[u8]) -> bool {
    gap.first() == Some(&b'-')
        && gap.last() == Some(&b' ')
        && gap.iter().filter(|&&c| c == b' ').count() == 1
}

/// Whether the text after an item reads "and other <businesses>"; marks the item if so.
/// Inlined: nearly every item is asked, and eleven bytes answer nearly all.
#[inline]
fn and_other(text: &str, item: &mut Item) -> bool {
    text.as_bytes()
        .get(item.poss_end..)
        .is_some_and(|rest| rest.starts_with(b" and other "))
        && and_other_businesses(text, item)
}

/// [`and_other`] past its first bytes.
#[inline(never)]
fn and_other_businesses(text: &str, item: &mut Item) -> bool {
    let (_, after) = words_after(text, item.poss_end, 5);
    let hit =
        after[0] == "and" && after[1] == "other" && after[2..5].iter().any(|w| is_in(w, ROLE));
    if hit && !item.person && !item.place {
        item.company = true;
    }
    hit
}

/// Whether the capitalised words right after `end` ("Regulation Authority") end in an
/// institution's head noun.
fn opens_institution_name(text: &str, end: usize) -> bool {
    // Most names are followed by a space and a lower-case word: decided on two bytes.
    let b = text.as_bytes();
    if b.get(end) != Some(&b' ') || !b.get(end + 1).is_some_and(u8::is_ascii_uppercase) {
        return false;
    }
    let Some(rest) = text.get(end..) else {
        return false;
    };
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    // Most names are followed by a lower-case word: no need to split anything.
    if !rest.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    for token in rest.split(' ').take(4) {
        if !token.starts_with(|c: char| c.is_ascii_uppercase()) {
            return false;
        }
        let word = token.trim_end_matches(|c: char| !is_word_char(c));
        if INSTITUTION_NOUNS.contains(&word) {
            return true;
        }
        if word.len() != token.len() {
            return false;
        }
    }
    false
}

/// Head nouns of names of public bodies, schools and prizes.
const INSTITUTION_NOUNS: &[&str] = &[
    "Authority",
    "Commission",
    "Committee",
    "Council",
    "Agency",
    "Ministry",
    "Department",
    "Court",
    "Bureau",
    "Institute",
    "University",
    "College",
    "School",
    "Foundation",
    "Association",
    "Act",
    "Prize",
    "Award",
    "Awards",
    "Museum",
    "Hospital",
    "Stadium",
    "Arena",
    "Center",
    "Centre",
    "Party",
    "Service",
    // "Ministry of Economic Affairs"; not a PR firm's "Public Affairs".
    "Affairs",
    "Federation",
    "Tribunal",
];

/// The longest gap [`is_coordinator`] accepts: ", as well as The ".
const LONGEST_COORDINATOR: usize = 17;

/// Whether the gap between two names joins them into a list (bytes: the gap is
/// compared, never decoded, and slicing bytes skips the char-boundary checks).
#[inline]
fn is_coordinator(gap: &[u8]) -> bool {
    // Most gaps are out on their length.
    if gap.len() > LONGEST_COORDINATOR {
        return false;
    }
    // "Gimlet Media, Anchor, The Ringer": a capitalised "The" opens the next name.
    let gap = gap
        .strip_suffix(b"The ")
        .filter(|g| g.ends_with(b" "))
        .unwrap_or(gap);
    matches!(
        gap,
        b", "
            | b" and "
            | b", and "
            | b" or "
            | b", or "
            | b" & "
            | b" as well as "
            | b", as well as "
            | b" and even "
    )
}

fn is_title_case(headline: &str) -> bool {
    let (long, capitalised) = title_case_counts(headline);
    long >= 2 && capitalised * 4 >= long * 3
}

/// Of the words after the first, those of four chars or more starting with a letter,
/// and how many of them start with a capital.
///
/// Words are found in the bytes, ending at whitespace (`char::is_whitespace`): the word
/// iterators cost a call and a closure per byte. Printable ASCII is one compare a byte;
/// only the first byte of a char of several (most often ’) has its char decoded.
fn title_case_counts(headline: &str) -> (u32, u32) {
    if let Some(counts) = title_case_counts_ascii(headline) {
        return counts;
    }
    let b = headline.as_bytes();
    let (mut long, mut capitalised) = (0u32, 0u32);
    let mut i = 0;
    let mut past_first_word = false;
    loop {
        // Past the whitespace before a word (or the end).
        while let Some(&c) = b.get(i) {
            match space_at(headline, i, c) {
                Some(n) => i += n,
                None => break,
            }
        }
        if i >= b.len() {
            break;
        }
        let start = i;
        let mut ascii = true;
        while let Some(&c) = b.get(i) {
            // Printable ASCII: a word's byte.
            if c.wrapping_sub(0x21) < 0x5F {
                i += 1;
                continue;
            }
            ascii &= c < 0x80;
            if space_at(headline, i, c).is_some() {
                break;
            }
            i += 1;
        }
        if past_first_word && ascii {
            // An ASCII word is judged on its length and first byte: no slice of the
            // headline, no char decoded (slicing and `char` tests cost ~50
            // instructions a word, more than its bytes' loop).
            if i - start >= 4
                && let Some(&first) = b.get(start)
                && first.is_ascii_alphabetic()
            {
                long += 1;
                capitalised += u32::from(first.is_ascii_uppercase());
            }
        } else if past_first_word {
            let word = headline.get(start..i).unwrap_or("");
            let first = word.chars().next().unwrap_or(' ');
            if word.chars().nth(3).is_some() && first.is_alphabetic() {
                long += 1;
                capitalised += u32::from(first.is_uppercase());
            }
        }
        past_first_word = true;
    }
    (long, capitalised)
}

/// [`title_case_counts`] for an ASCII headline of at most 64 bytes (two in three), on
/// a mask with a bit per byte, eight bytes at a time: its words of four bytes or more
/// start where four word bytes in a row do. `None` for other headlines.
fn title_case_counts_ascii(headline: &str) -> Option<(u32, u32)> {
    let b = headline.as_bytes();
    if b.len() > 64 || !b.is_ascii() {
        return None;
    }
    // Bit i: byte i is a word's (not whitespace).
    let mut word = 0u64;
    for (k, chunk) in b.chunks(8).enumerate() {
        word |= u64::from(!ascii_space_bits(load_u64(chunk))) << (8 * k as u32);
    }
    word &= u64::MAX.checked_shr(64 - b.len() as u32).unwrap_or(0);
    let mut starts = word & !(word << 1);
    // Past the first word.
    starts &= starts.wrapping_sub(1);
    let mut long_starts = starts & (word >> 1) & (word >> 2) & (word >> 3);
    let (mut long, mut capitalised) = (0u32, 0u32);
    while long_starts != 0 {
        let i = long_starts.trailing_zeros() as usize;
        long_starts &= long_starts - 1;
        if let Some(&first) = b.get(i)
            && first.is_ascii_alphabetic()
        {
            long += 1;
            capitalised += u32::from(first.is_ascii_uppercase());
        }
    }
    Some((long, capitalised))
}

/// For eight ASCII bytes (little-endian), a bit per byte that is whitespace as
/// `char::is_whitespace` has it (tab to return, space). Exact per byte: each addition
/// sets a byte's high bit or not, and cannot carry into the next byte.
fn ascii_space_bits(x: u64) -> u8 {
    const HI: u64 = 0x8080_8080_8080_8080;
    const LO: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let not_space = ((x ^ (ONES * 0x20)) + LO) & HI;
    let from_tab = (x + ONES * (0x80 - 9)) & HI;
    let past_return = (x + ONES * (0x80 - 14)) & HI;
    let space = (!not_space | (from_tab & !past_return)) & HI;
    // The high bits to one byte: the multiply moves bit 8k + 7 to bit 56 + k, the
    // products landing on distinct bits.
    (((space >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56) as u8
}

/// The length of the whitespace char at `i` of `text` (whose byte there is `c`), or
/// `None` where there is another char or the middle of one.
#[inline]
fn space_at(text: &str, i: usize, c: u8) -> Option<usize> {
    if c < 0x80 {
        return (c <= b' ' && ASCII_WHITESPACE & (1 << c) != 0).then_some(1);
    }
    if c < 0xC0 {
        return None;
    }
    let ch = text.get(i..).and_then(|rest| rest.chars().next())?;
    ch.is_whitespace().then(|| ch.len_utf8())
}

/// [`title_case_counts`] read as words of chars, as it was before the byte loop (for the
/// tests).
#[cfg(test)]
fn title_case_counts_by_chars(headline: &str) -> (u32, u32) {
    let mut long = 0;
    let mut capitalised = 0;
    for word in headline.split_whitespace().skip(1) {
        // At least four chars, without counting all of them.
        if word.chars().nth(3).is_some() && word.starts_with(|c: char| c.is_alphabetic()) {
            long += 1;
            if word.starts_with(|c: char| c.is_uppercase()) {
                capitalised += 1;
            }
        }
    }
    (long, capitalised)
}

/// The ASCII bytes `char::is_whitespace` holds (tab, line feed, vertical tab, form feed,
/// return, space), as bits by byte value.
const ASCII_WHITESPACE: u64 =
    1 << b'\t' | 1 << b'\n' | 1 << 0x0B | 1 << 0x0C | 1 << b'\r' | 1 << b' ';

/// A key's first eight bytes (all of a shorter one, zero-padded) as a number: keys of
/// equal length up to eight bytes are equal if these are.
fn key_prefix(key: &[u8]) -> u64 {
    load_u64(key.get(..8).unwrap_or(key))
}

/// Decides the article's unknown names and returns its findings.
fn finish(scratch: &mut Scratch) -> Findings {
    let Scratch {
        aggs,
        agg_index,
        surnames,
        accepted,
        ..
    } = scratch;
    let t = &*agg_index;
    // Keys compared as bytes: equal as bytes is equal as strings, and slicing bytes
    // skips the char-boundary checks (these loops are quadratic in the article's names).
    let bytes = |range: &std::ops::Range<u32>| t.bytes(range);
    // Keys are compared by length and first eight bytes before the rest: most pairs
    // differ there, where comparing slices costs a `memcmp` call.
    // A surname of someone named in full ("Pramod Sharma" … "Sharma said") is a person.
    surnames.clear();
    surnames.extend(
        aggs.iter()
            .filter(|a| a.words > 1 && a.person)
            .map(|a| (key_prefix(bytes(&a.last_word)), a.last_word.clone())),
    );
    for a in aggs.iter_mut() {
        if a.words == 1 && !surnames.is_empty() {
            let key = bytes(&a.key);
            let prefix = key_prefix(key);
            if surnames.iter().any(|(p, s)| {
                *p == prefix && s.len() == key.len() && (key.len() <= 8 || bytes(s) == key)
            }) {
                a.person = true;
            }
        }
        a.rejected = !a.company || a.person || a.place;
    }
    // "Small Giant" alongside "Small Giant Games" is the same company; "SmartThings Hub"
    // alongside "SmartThings" counts as a mention of it.
    accepted.clear();
    accepted.extend(
        (0..aggs.len())
            .filter(|&i| !aggs[i].rejected)
            .map(|i| (i, key_prefix(bytes(&aggs[i].key)))),
    );
    for i in 0..aggs.len() {
        if accepted.is_empty() {
            break;
        }
        let a = &aggs[i];
        let a_key = bytes(&a.key);
        let (a_len, a_prefix) = (a_key.len(), key_prefix(a_key));
        // The bytes of `a_key` its prefix holds.
        let a_mask = u64::MAX
            .checked_shr(64 - 8 * a_len.min(8) as u32)
            .unwrap_or(0);
        // The first word of a name of several words (None for one word).
        let a_first = (a.words > 1).then(|| bytes(&a.first_word));
        let a_first_prefix = a_first.map_or(0, key_prefix);
        let a_person = a.person;
        let target = accepted.iter().find_map(|&(j, b_prefix)| {
            let b_key = bytes(&aggs.get(j)?.key);
            let b_len = b_key.len();
            let hit = j != i
                && (a_first.is_some_and(|first| {
                    b_prefix == a_first_prefix
                        && b_len == first.len()
                        && (b_len <= 8 || b_key == first)
                }) || (!a_person
                    && b_len > a_len
                    && (b_prefix ^ a_prefix) & a_mask == 0
                    && b_key.get(a_len) == Some(&b' ')
                    && (a_len <= 8 || b_key.starts_with(a_key))));
            hit.then_some(j)
        });
        if let Some(j) = target
            && (aggs[i].rejected || bytes(&aggs[j].key).starts_with(bytes(&aggs[i].key)))
        {
            // "Oriel Interconnect … Oriel's chief executive": a new name of several words
            // that came first, whose first word is a company here (and it no person or
            // place), is that company's full name; the short name's mentions go to it.
            // (Names are kept in the order they first came; a product named after its
            // maker comes after it: "Corvane … Corvane Vault".)
            let a = &aggs[i];
            let full_name = i < j
                && a.words > 1
                && a.rejected
                && !a.person
                && !a.place
                && a.occurrences > 0
                // Not a model ("Lanyu S7").
                && !bytes(&a.last_word).iter().any(u8::is_ascii_digit)
                && bytes(&aggs[j].key) == bytes(&a.first_word);
            let (from, to) = if full_name { (j, i) } else { (i, j) };
            let n = aggs[from].occurrences;
            aggs[from].occurrences = 0;
            aggs[from].rejected = true;
            aggs[to].occurrences += n;
            if full_name {
                aggs[i].rejected = false;
                if let Some(slot) = accepted.iter_mut().find(|(k, _)| *k == j) {
                    *slot = (i, key_prefix(bytes(&aggs[i].key)));
                }
            }
        }
    }
    // A count a formal name took over is 0 (kept in the scratch so that the slots
    // reset). A clone is one exact allocation; a filtered collect grew its vector.
    let mut known = scratch.known.clone();
    if known.iter().any(|&(_, n)| n == 0) {
        known.retain(|&(_, n)| n > 0);
    }
    Findings {
        known,
        discovered: aggs
            .iter()
            .filter(|a| !a.rejected && a.occurrences > 0)
            .map(|a| Discovered {
                name: t.text(&a.name).into(),
                key: t.text(&a.key).into(),
                count: a.occurrences,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_forms_people_and_places_the_list_and_context_decide() {
        assert_companies(&[
            // A listed one-word name after new words ends a new name, but not after a
            // sentence's one opening word.
            (
                "Rivals such as Lone Star Freightways grew.",
                &["Lone Star Freightways"],
            ),
            (
                "Between Booking.com and Expedia, prices rose.",
                &["Booking.com", "Expedia"],
            ),
            // A name set off by a company's possessive and a person's noun is a person.
            (
                "Lelise Tadesse, Safaricom Ethiopia's chief commercial officer, said so.",
                &["Safaricom Ethiopia"],
            ),
            // A listed name may open with digits; an unlisted one is a word.
            ("Rivals such as 3M and 7-Eleven grew.", &["3M", "7-Eleven"]),
            ("It uses 5G and 4K screens, Apple said.", &["Apple"]),
            // A listed name whose "’s" is its own may open a clause as its subject.
            (
                "Wendy's has been testing a system called FreshAI in Ohio.",
                &["Wendy's"],
            ),
            // An unknown acronym ending a listed name's run names a unit, where no noun
            // follows it.
            (
                "Rivals such as National Grid ESO said so.",
                &["National Grid ESO"],
            ),
            ("Tesla EV sales rose, Apple said.", &["Apple", "Tesla"]),
            // A place that opens a name ending in a company's suffix is part of it.
            (
                "Its clients include Great Lakes Mutual, a Milwaukee insurer.",
                &["Great Lakes Mutual"],
            ),
            // A new name that came first is the full name of its first word's company;
            // not a product that came after it.
            (
                "One of them, Oriel Interconnect, makes substrates. Oriel's chief executive said so.",
                &["Oriel Interconnect"],
            ),
            (
                "Corvane, a crypto lender, sold its Corvane Vault product widely.",
                &["Corvane"],
            ),
            // The plural of a product is one ("new iPhones shipped this year").
            (
                "Modems will go into a fifth of new iPhones shipped this year, Qualcomm said.",
                &["Qualcomm"],
            ),
            // A company's suffix ends a new name that opens with a first name.
            (
                "Halvard Aero, a Norwegian startup, has raised $110mn.",
                &["Halvard Aero"],
            ),
            // A place's "-based" makes the name after it a business.
            (
                "It competes with Berlin-based Kiezflotte in Germany.",
                &["Kiezflotte"],
            ),
            ("It runs on Arm-based Graviton chips.", &["Arm"]),
            (
                "Cava, the Washington-based Mediterranean chain, grew.",
                &["Cava"],
            ),
            // A company the list spells in capitals only is not a word in small letters.
            ("Sony made a $600 Million Bet on it.", &["Sony"]),
            ("BET’s ratings rose, Paramount said.", &["BET", "Paramount"]),
            // An institution with a listed bank's name in it is no company.
            ("The Reserve Bank of India curbed Paytm.", &["Paytm"]),
            ("Bank of India lent to Paytm.", &["Bank of India", "Paytm"]),
            // A first name opens a person's name, but not a company's with a suffix.
            ("It was led by Jenna Albright, a partner.", &[]),
            (
                "It was led by Carmel Arc Ventures last year.",
                &["Carmel Arc Ventures"],
            ),
        ]);
    }

    /// Asserts that each text's companies include the name given with it.
    fn assert_finds(cases: &[(&str, &str)]) {
        for (text, name) in cases {
            let found = companies(text);
            assert!(found.iter().any(|n| n == name), "{text}: {found:?}");
        }
    }

    /// Asserts the companies `analyze` finds in each text, sorted.
    fn assert_companies(cases: &[(&str, &[&str])]) {
        for (text, expected) in cases {
            assert_eq!(companies(text), *expected, "{text}");
        }
    }

    /// The companies `analyze` finds in one paragraph, sorted.
    fn companies(paragraph: &str) -> Vec<String> {
        let known = KnownCompanies::bundled();
        let mut scratch = Scratch::default();
        let found = analyze(
            "a headline",
            std::iter::once(paragraph),
            &known,
            &mut scratch,
        );
        let mut names: Vec<String> = found
            .known
            .iter()
            .map(|(id, _)| known.name(*id).to_string())
            .chain(found.discovered.iter().map(|d| d.name.to_string()))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_common_word_name_opening_a_sentence_needs_evidence() {
        // Asked where a one-word run and a longer run match a known name.
        for text in [
            "Target practice starts early.",
            "It rained. Target practice starts early.",
            "“Target Practice” is a film.",
        ] {
            assert_eq!(companies(text), Vec::<String>::new(), "{text}");
        }
        for text in [
            "Shoppers went to Target on Monday.",
            "It rained. Target raised $10 million.",
        ] {
            assert!(companies(text).contains(&"Target".to_string()), "{text}");
        }
    }

    #[test]
    fn plural_nouns_and_pronouns_opening_a_sentence_are_not_companies() {
        for text in [
            "Founders raised money too.",
            "Employees launched a petition.",
            "It rained. Officials acquired the land.",
            "“Developers launched a fork,” she said.",
            "She bought lunch.",
            "Everyone bought lunch.",
            "Someone acquired a house.",
        ] {
            assert_eq!(companies(text), Vec::<String>::new(), "{text}");
        }
        // The same evidence mid-sentence, a name not spelled as a plural, and listed
        // names that end like one still count.
        assert_finds(&[
            ("Last week Lendables raised $5 million.", "Lendables"),
            ("Vantora raised $20 million on Monday.", "Vantora"),
            ("Citrus raised $20 million on Monday.", "Citrus"),
            ("Sonos raised its prices.", "Sonos"),
            ("Adidas launched a shoe.", "Adidas"),
        ]);
    }

    #[test]
    fn a_job_title_after_a_name_makes_it_the_employer_not_the_speaker() {
        assert_finds(&[
            ("“We grew,” said Hearthly CEO Marcus Bell.", "Hearthly"),
            (
                "“We grew,” said Pressline co-founder and CEO Grace Liu.",
                "Pressline",
            ),
            (
                "Ferngrove, a Spokane startup, grew. Ortega said Ferngrove plans to expand.",
                "Ferngrove",
            ),
        ]);
        // The speaker a sentence ends on or sets off is still a person.
        for text in [
            "“We grew,” said Marcus Bell.",
            "“We grew,” said Bell, who founded it.",
            "Lina Khan, a prominent critic of big tech, was sworn in.",
        ] {
            assert_eq!(companies(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn a_known_name_going_on_to_a_units_noun_or_a_region_names_the_unit() {
        assert_companies(&[
            ("Google Cloud cut prices.", &["Google Cloud"]),
            (
                "It hired Mizuho Securities to advise.",
                &["Mizuho Securities"],
            ),
            (
                "Backers include Sequoia Capital India.",
                &["Sequoia Capital India"],
            ),
            ("The lender HSBC UK said so.", &["HSBC UK"]),
            ("It buys from Delta Electronics.", &["Delta Electronics"]),
            ("It competes with TPG Telecom.", &["TPG Telecom"]),
            // Listed names in a row: one name, a unit of the first.
            (
                "Researchers at Tokopedia Gojek said so.",
                &["Tokopedia Gojek"],
            ),
            (
                "Rivals such as GoTo Gojek Tokopedia grew.",
                &["GoTo Gojek Tokopedia"],
            ),
            ("Google’s DeepMind grew.", &["DeepMind", "Google"]),
            // A pair goes on to a unit; common words may stand before a sure ending;
            // what is left of a split name is no name.
            (
                "It insured it with Mitsui Sumitomo Insurance last year.",
                &["Mitsui Sumitomo Insurance"],
            ),
            (
                "It sold flats to Tokyo Gas Real Estate last year.",
                &["Tokyo Gas Real Estate"],
            ),
            ("It hired Asset Management to advise.", &[]),
            (
                "It sold a stake to CDIB Capital Group last year.",
                &["CDIB Capital Group"],
            ),
            // "Funds" ends an arm's name as "Fund" does.
            (
                "It sold its stake to Valkyrie Funds last year.",
                &["Valkyrie Funds"],
            ),
            ("It bought Banking Corporation shares.", &[]),
            (
                "Backers include SoftBank Ventures Korea.",
                &["SoftBank Ventures Korea"],
            ),
            (
                "It hired Rakuten Solutions to build it.",
                &["Rakuten Solutions"],
            ),
            (
                "Rivals such as Geely Automobile Holdings grew.",
                &["Geely Automobile Holdings"],
            ),
            // Not "The Information Technology", as in a ministry's name.
            ("It told the Ministry of Information Technology.", &[]),
            (
                "It sold a stake to Telenor Securities last year.",
                &["Telenor Securities"],
            ),
            ("Carrefour China’s stores were sold.", &["Carrefour China"]),
            // Product words and "US" stay the company's.
            ("Fans moved to Apple Music last year.", &["Apple"]),
            ("TikTok US user data is stored here.", &["TikTok"]),
            ("Rivals such as Google Pay India grew.", &["Google"]),
            // Not across a full stop or a possessive.
            ("Shares of Google rose. Cloud revenue grew.", &["Google"]),
            ("Google’s Cloud unit grew.", &["Google"]),
        ]);
    }

    #[test]
    fn a_unit_in_a_title_case_headline_counts_only_where_the_body_names_it() {
        let known = KnownCompanies::bundled();
        let mut scratch = Scratch::default();
        let names = |found: Findings| -> Vec<String> {
            let mut names: Vec<String> = found
                .known
                .iter()
                .map(|(id, _)| known.name(*id).to_string())
                .chain(found.discovered.iter().map(|d| d.name.to_string()))
                .collect();
            names.sort();
            names
        };
        let headline = "Google Cloud Bank Deal Lifts Shares Again";
        let alone = analyze(
            headline,
            std::iter::once("Shares rose."),
            &known,
            &mut scratch,
        );
        assert_eq!(names(alone), ["Google"]);
        let confirmed = analyze(
            headline,
            std::iter::once("Google Cloud signed a deal."),
            &known,
            &mut scratch,
        );
        assert_eq!(names(confirmed), ["Google Cloud"]);
    }

    #[test]
    fn a_known_name_going_on_to_an_arm_names_the_arm() {
        let text = "Backers Lockheed Martin Ventures and Samsung Catalyst Fund joined.";
        assert_eq!(
            companies(text),
            ["Lockheed Martin Ventures", "Samsung Catalyst Fund"]
        );
        assert_eq!(
            companies("It added checks to games such as Honor of Kings."),
            Vec::<String>::new()
        );
        // Not across a full stop, nor for a name the list knows whole.
        assert_companies(&[
            (
                "The round was led by JD.com. Sequoia Capital also joined.",
                &["JD.com", "Sequoia"],
            ),
            ("Intel Capital led the round.", &["Intel Capital"]),
        ]);
    }

    #[test]
    fn a_new_one_word_name_that_starts_a_listed_name_in_the_article_is_its_short_form() {
        assert_companies(&[
            (
                "Roark Capital bought it. The deal was led by Roark, which grew.",
                &["Roark Capital"],
            ),
            (
                "Novo Nordisk grew. Novo’s blockbuster drug sold.",
                &["Novo Nordisk"],
            ),
            // Without the long name in the article the short one stands.
            ("The deal was led by Roarkly, which grew.", &["Roarkly"]),
        ]);
    }

    #[test]
    fn a_formal_name_takes_the_mentions_of_its_short_name_in_the_article() {
        assert_companies(&[
            (
                "Rivals such as Subaru Corporation grew. Subaru said sales rose.",
                &["Subaru Corporation"],
            ),
            // A unit does not: the parent is a company of its own.
            (
                "Google Cloud grew. Shares of Google rose.",
                &["Google", "Google Cloud"],
            ),
        ]);
    }

    #[test]
    fn a_listed_word_opening_a_clause_as_its_subject_is_the_company() {
        assert_companies(&[
            ("It grew. Zoom said in April that it grew.", &["Zoom"]),
            (
                "It grew. Apple, which holds its own event, declined.",
                &["Apple"],
            ),
            (
                "It grew. Alphabet has argued that it would harm.",
                &["Alphabet"],
            ),
            // A name that ends like a possessive; a real possessive is no subject.
            (
                "It grew. Kohl's, which settled with activists, grew.",
                &["Kohl's"],
            ),
            ("It grew. Apple's cut of revenue rose.", &[]),
            // Not "is" ("Here is", "Discovery is"), nor a sentence adverb.
            ("It grew. Here is the thing. Next, it fell.", &[]),
            // A person's surname: "Ford said" is Michael Ford.
            ("The deal was led by Michael Ford. Ford said it grew.", &[]),
        ]);
    }

    #[test]
    fn name_forms_and_role_nouns_from_the_twenty_sixth_set() {
        assert_finds(&[
            // A web address, a group's first word, an arm's noun after a known name.
            (
                "Bookings made through Expedia's Roomzy.com rose.",
                "Roomzy.com",
            ),
            ("Riders moved to Velocia.bike last year.", "Velocia.bike"),
            (
                "It signed a deal with Grupo Tasca Nova.",
                "Grupo Tasca Nova",
            ),
            (
                "Backers include Seaya Ventures and Cathay Innovation.",
                "Cathay Innovation",
            ),
            // Role nouns.
            (
                "Local players such as Scootly, which rents mopeds, grew.",
                "Scootly",
            ),
            (
                "It links hotels to metasearch sites such as Trivelo.",
                "Trivelo",
            ),
            (
                "Krutimo, the AI venture of a founder, became a unicorn.",
                "Krutimo",
            ),
            (
                "Smovia, the consortium that took over the scheme, struggled.",
                "Smovia",
            ),
            (
                "Incumbents including Travelport and Concurra are updating.",
                "Concurra",
            ),
            // A company's possessive, a name and a subsidiary's noun.
            (
                "Daimler’s Moovelo subsidiary, which sells tickets, grew.",
                "Moovelo",
            ),
            // A PR firm's "Public Affairs" is no ministry's.
            (
                "It hired Definers Public Affairs, a PR firm.",
                "Definers Public Affairs",
            ),
        ]);
        for (text, not) in [
            // A place before "startup" or "subsidiary" is no company.
            ("An Osaka startup makes robot arms.", "Osaka"),
            ("Its Toluca subsidiary grew.", "Toluca"),
            // Not a web address: a script, a non-profit's address, an initial.
            ("Developers moved to Vuejam.js last year.", "Vuejam.js"),
            ("Donations went to Helpful.org last year.", "Helpful.org"),
            // A label is no record label here.
            (
                "It seeks SecNumCloud, the security label issued by the agency.",
                "SecNumCloud",
            ),
            // Institutions, a listing's place, a company's suffix left alone.
            (
                "Rules from the Saudi Central Bank took effect.",
                "Saudi Central Bank",
            ),
            (
                "It told the Financial Supervisory Service.",
                "Financial Supervisory Service",
            ),
            ("Shares of Nairobi-listed Safaricom rose.", "Nairobi-listed"),
            ("Backers include Do Ventures, which led.", "Ventures"),
            // A place a company's first word starts (Three Arrows Capital), in a list.
            (
                "He visited Three Mile Island, and Amazon grew.",
                "Mile Island",
            ),
            // A word opening a sentence, set off by a comma, takes nothing from a list.
            (
                "It grew. Combined, Nationwide and Virgin Money will grow.",
                "Combined",
            ),
            // A product after its owner's possessive takes nothing from a list.
            (
                "Tools such as Amazon's CodeWhisperer, Tabnine and Cody grew.",
                "CodeWhisperer",
            ),
        ] {
            assert!(!companies(text).iter().any(|n| n == not), "{text}");
        }
    }

    #[test]
    fn context_rules_from_the_seventh_and_eighth_sets() {
        assert_finds(&[
            (
                "Recent investments include Ledgerly, which automates accounting.",
                "Ledgerly",
            ),
            (
                "Customers include Brightwater Capital, a Boston-based asset manager.",
                "Brightwater Capital",
            ),
            (
                "NVentures, the venture capital arm of Nvidia, joined.",
                "NVentures",
            ),
            (
                "Lumora AI, a San Francisco start-up, trains models.",
                "Lumora AI",
            ),
            (
                "The retailer appointed Interpath Advisory as administrators.",
                "Interpath Advisory",
            ),
        ]);
        for text in [
            "Founded by Chidinma Eze and Olumide Bankole, Kobofy offers loans.",
            "The event was at the Barclays Center in Brooklyn.",
            "Next, the retailer led by Lord Wolfson, is interested.",
            "In Maharashtra, a startup is betting on farmers.",
        ] {
            let found = companies(text);
            assert!(
                !found
                    .iter()
                    .any(|n| ["Eze", "Bankole", "Barclays", "Wolfson", "Maharashtra"]
                        .iter()
                        .any(|bad| n.contains(bad))),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn names_around_listed_words() {
        // A word the list knows as an ambiguous company, inside a new name, is part of it.
        assert_finds(&[
            (
                "Lendwise competes with Funding Circle, the lender.",
                "Funding Circle",
            ),
            (
                "The round was led by Pioneer Square Labs, the studio.",
                "Pioneer Square Labs",
            ),
        ]);
        assert_finds(&[
            ("Lemonade, which went public last July, fell.", "Lemonade"),
            ("Then Quillbox went public in 2019.", "Quillbox"),
        ]);
        assert_finds(&[
            (
                "Waymo, the self-driving unit of Alphabet, said on Friday it will begin.",
                "Alphabet",
            ),
            (
                "It lists stablecoins issued by Circle, whose USDC is fine.",
                "Circle",
            ),
        ]);
        assert_eq!(
            companies("Carmakers such as Ford, General Motors and Hyundai have plans."),
            ["Ford", "General Motors", "Hyundai"]
        );
        // A new name that opens an institution's name is not a company.
        assert_eq!(
            companies("The Federal Communications Commission approved the deal."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn data_providers_and_institutions() {
        assert_finds(&[
            (
                "The total was $4 billion, according to data compiled by Dealogic.",
                "Dealogic",
            ),
            ("Funding rose, according to data from Dealroom.", "Dealroom"),
            (
                "Assets sit with Meridian Custody, a Singapore-based custodian.",
                "Meridian Custody",
            ),
        ]);
        // A name ending in an institution's noun is not a company, whatever its context.
        for text in [
            "The spinout was backed by Carnegie Mellon University last year.",
            "Funding came from investors including Google and the Gates Foundation.",
        ] {
            let found = companies(text);
            assert!(
                !found
                    .iter()
                    .any(|n| n.ends_with("University") || n.ends_with("Foundation")),
                "{text}: {found:?}"
            );
        }
    }

    /// `needs_evidence` skips the context of a new name that is already a person: no
    /// context may make one a company, in a list or alone.
    #[test]
    fn a_full_name_is_never_a_company_whatever_its_context() {
        for text in [
            "Priya Patel, the London startup, raised $5 million.",
            "The unit was acquired by Priya Patel last year.",
            "Priya Patel raised $5 million from investors.",
            "Deals with Priya Patel and Google were signed.",
        ] {
            let found = companies(text);
            assert!(
                !found.iter().any(|n| n.contains("Patel")),
                "{text}: {found:?}"
            );
        }
        // The same contexts do make an unknown single name a company.
        assert!(
            companies("Zolvix, the London startup, raised $5 million.")
                .contains(&"Zolvix".to_string())
        );
    }

    #[test]
    fn staff_at_a_name_and_deal_phrases_make_companies() {
        assert_eq!(
            companies("The note from analysts at Brightline was gloomy."),
            ["Brightline"]
        );
        assert_eq!(
            companies("The chain was taken private by Norland & Vale in 2021."),
            ["Norland & Vale"]
        );
        assert_eq!(
            companies("It faces competition from Quillo and Brisk in Europe."),
            ["Brisk", "Quillo"]
        );
        assert_eq!(
            companies("The cars are built by state-owned Norinco at a plant near Xian."),
            ["Norinco"]
        );
        assert_eq!(
            companies("It kept Pellar, which it acquired from a rival in 2020."),
            ["Pellar"]
        );
    }

    #[test]
    fn possessive_names_in_the_list_are_found_either_apostrophe() {
        // Their possessive form is looked up only where the stem's memo slot says a
        // company's key ends so.
        for (text, want) in [
            ("Shares of Byju’s rose.", &["Byju’s"][..]),
            ("Shares of Byju's rose.", &["Byju’s"]),
            ("Lowe’s fell, and Byju’s rose.", &["Byju’s", "Lowe's"]),
            (
                "It sold Lowe's stake to Byju’s rivals.",
                &["Byju’s", "Lowe's"],
            ),
        ] {
            assert_eq!(companies(text), want, "{text}");
        }
    }

    #[test]
    fn an_owner_makes_what_it_owns_a_company() {
        // Marked in the evidence pass, not by `coordinate`: also where no list follows,
        // and where the owned name opens one.
        assert_eq!(
            companies("Shares of Walmart-owned Quillo rose on Monday."),
            ["Quillo", "Walmart"]
        );
        assert_eq!(
            companies("Walmart-owned Quillo and Brisk rose on Monday."),
            ["Brisk", "Quillo", "Walmart"]
        );
        // Not across more than the one word after the owner.
        assert_eq!(
            companies("Shares of Walmart-owned tiny Quillo fell on Monday."),
            ["Walmart"]
        );
    }

    #[test]
    fn role_nouns_before_a_name_make_companies() {
        assert_eq!(
            companies("It also runs a games studio, Zentra, and a music app."),
            ["Zentra"]
        );
        assert_eq!(
            companies("Rivals Fenwick and Brisk sell the same thing."),
            ["Brisk", "Fenwick"]
        );
        // A capitalised "The" inside a list of companies opens the next name.
        assert_eq!(
            companies("It bought Gimlet Media, Anchor, The Ringer and more."),
            ["Anchor", "Gimlet Media", "The Ringer"]
        );
    }

    #[test]
    fn lexicon_keys_fold_ascii_case_only_and_fit_every_listed_word() {
        for list in LISTS {
            for word in list.iter() {
                assert!(
                    word.len() <= LEXICON_WORD,
                    "{word} is too long for lexicon_key"
                );
                assert!(lexicon_key(word.as_bytes()).is_some(), "{word}");
            }
        }
        assert_eq!(lexicon_key(b"Said"), lexicon_key(b"said"));
        assert_eq!(lexicon_key(b"SPOKESPERSON"), lexicon_key(b"spokesperson"));
        assert_ne!(lexicon_key(b"said"), lexicon_key(b"said\0"));
        // Only A..Z fold: bytes next to them in ASCII, and non-ASCII bytes, stay.
        assert_ne!(lexicon_key(b"@["), lexicon_key(b"`{"));
        assert_ne!(lexicon_key("É".as_bytes()), lexicon_key("é".as_bytes()));
        assert_eq!(lexicon_key(&[0xC1]), Some(0xC1 | (1 << 120)));
        // The overlapping loads of short words read each byte into its place.
        for n in 0..=8 {
            let bytes = &b"\x01\x82cdefgh"[..n];
            let expected = bytes
                .iter()
                .rev()
                .fold(0, |acc, &b| (acc << 8) | u64::from(b));
            assert_eq!(load_u64(bytes), expected, "{n} bytes");
        }
        assert_eq!(lexicon_bits("Ceo"), PERSON | POSSESSIVE_NOUN);
        assert_eq!(lexicon_bits("pharmaceuticals"), COMPANY_SUFFIX);
        assert_eq!(lexicon_bits("pharmaceuticalsx"), 0);
        let filled = LEXICON.keys.iter().filter(|&&k| k != 0).count();
        assert!(filled * 2 <= LEXICON_SLOTS, "{filled} words");
    }

    #[test]
    fn no_coordinator_is_longer_than_the_shortcut_allows() {
        let gaps = [
            ", ",
            " and ",
            ", and ",
            " or ",
            ", or ",
            " & ",
            " as well as ",
            ", as well as ",
            " and even ",
        ];
        for gap in gaps {
            for gap in [gap.to_string(), format!("{gap}The ")] {
                assert!(is_coordinator(gap.as_bytes()), "{gap:?}");
                assert!(gap.len() <= LONGEST_COORDINATOR, "{gap:?}");
            }
        }
        assert!(!is_coordinator(b", as well as  The "));
    }

    proptest::proptest! {
        /// `coordinate` skips gaps longer than LONGEST_COORDINATOR: none of them joins.
        #[test]
        fn long_gaps_never_coordinate(gap in "(, | and | or |as well as |even |The |&| ){0,8}") {
            if is_coordinator(gap.as_bytes()) {
                proptest::prop_assert!(gap.len() <= LONGEST_COORDINATOR, "{:?}", gap);
            }
        }
    }

    #[test]
    fn and_other_businesses_makes_a_lone_name_a_company() {
        assert_eq!(
            companies("Prices fell at Quillo and other retailers this week."),
            ["Quillo"]
        );
        assert!(companies("Prices fell at Quillo and other places this week.").is_empty());
        // Asked of every name in the evidence pass: the last of a list, which makes the
        // list companies, and a name inside one, whose text reads no "and other".
        assert_eq!(
            companies("Prices fell at Quillo, Brisk and other retailers this week."),
            ["Brisk", "Quillo"]
        );
        assert!(companies("Prices fell at Quillo, Brisk and other places this week.").is_empty());
    }

    /// [`analyze`] with evidence read for every stretch and ambiguous known name, as
    /// before [`needs_evidence`] passed over names marked a person's (read after
    /// `coordinate`, then `coordinate` again: both only add marks).
    fn analyze_reading_all_evidence(
        headline: &str,
        paragraphs: &[&str],
        known: &KnownCompanies,
        scratch: &mut Scratch,
    ) -> Findings {
        start_article(scratch);
        let texts = paragraphs.iter().map(|&p| (p, Mode::Body));
        for (text, mode) in texts.chain([(headline, headline_mode(headline))]) {
            collect_items(text, mode, known, scratch);
            for item in scratch.items.iter_mut() {
                if matches!(
                    item.what,
                    What::Stretch { .. }
                        | What::Known {
                            ambiguous: true,
                            ..
                        }
                ) {
                    gather_evidence(text, item, mode);
                }
            }
            coordinate(text, &mut scratch.items, &scratch.joins);
            count_items(text, mode, scratch);
        }
        fold_short_forms(known, scratch);
        finish(scratch)
    }

    /// The findings as lines: known ids and counts, then discovered keys and counts.
    fn summary(found: &Findings) -> Vec<String> {
        let known = found.known.iter().map(|(id, n)| format!("{id} {n}"));
        let discovered = found.discovered.iter();
        known
            .chain(discovered.map(|d| format!("{} {}", d.key, d.count)))
            .collect()
    }

    proptest::proptest! {
        /// Passing over the evidence of names marked a person's changes no finding.
        #[test]
        fn person_names_need_no_evidence(
            paragraphs in proptest::collection::vec(
                r"((Aaron|Aisha|Adam|Doe|Sharma|Quillo|Brisk|Fenwick|Apple|Target|Google|Meta|London|Inc\.|raised|acquired|by|analysts|at|the|startup|founder|CEO|said|and|other|retailers|of|in|a|Bank|Group)(’s|,|\.)? ){1,14}",
                1..4,
            ),
            headline in r"((Aaron|Quillo|Apple|Raises|Doe|opens|Store|its)( |, )){0,6}"
        ) {
            let known = KnownCompanies::bundled();
            let paragraphs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
            let mut scratch = Scratch::default();
            let fast = analyze(&headline, paragraphs.iter().copied(), &known, &mut scratch);
            let slow = analyze_reading_all_evidence(&headline, &paragraphs, &known, &mut scratch);
            proptest::prop_assert_eq!(summary(&fast), summary(&slow));
        }
    }

    /// Words for [`evidence_fast_path_agrees_with_the_full_reading`] besides the listed ones.
    const EVIDENCE_OTHERS: &[&str] = &[
        "Quillo",
        "Brisk",
        "such",
        "private",
        "taken",
        "snapped",
        "state-owned",
        "X-backed",
        "Slack’s",
        "Jobs'",
        "it",
        "they",
        "é",
        "Ünd",
        "ß",
        "(co",
        "co)",
        "42",
        "—",
        "",
        "Mr",
    ];
    const EVIDENCE_SEPARATORS: &[&str] = &[
        " ", " ", " ", ", ", ",", ". ", "; ", "’s ", "'s, ", ") ", ".", "  ", "",
    ];

    proptest::proptest! {
        /// The first-words fast path of [`gather_evidence`] marks every item as
        /// [`gather_evidence_reference`] does, and its word readers read the readers' words.
        #[test]
        fn evidence_fast_path_agrees_with_the_full_reading(
            picks in proptest::collection::vec((0..4096usize, 0..EVIDENCE_SEPARATORS.len()), 0..24),
        ) {
            // Every listed word (as listed, capitalised or upper-cased) and some others.
            let listed = LISTS.iter().flat_map(|list| list.iter().copied());
            let others = EVIDENCE_OTHERS.iter().copied();
            let vocabulary: Vec<String> = listed
                .flat_map(|w| {
                    let mut capital = w.to_string();
                    capital[..1].make_ascii_uppercase();
                    [w.to_string(), capital, w.to_ascii_uppercase()]
                })
                .chain(others.map(str::to_string))
                .collect();
            let mut text = String::new();
            for (word, separator) in picks {
                text += &vocabulary[word % vocabulary.len()];
                text += EVIDENCE_SEPARATORS[separator];
            }
            for start in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let (head, tail) = text.as_bytes().split_at(start);
                proptest::prop_assert_eq!(find_space(tail), tail.iter().position(|&c| c == b' '));
                proptest::prop_assert_eq!(rfind_space(head), head.iter().rposition(|&c| c == b' '));
                // The resumed readers read on as fresh ones.
                let (first, lo, next) = word_before(&text, start);
                let (mut fresh, mut resumed) =
                    (WordsBefore::new(&text, start), WordsBefore::resume(&text, lo, first, next));
                for k in 0..4 {
                    proptest::prop_assert_eq!(fresh.word(k), resumed.word(k), "{:?} {}", text, start);
                }
                let (comma, first, hi, next) = word_after(&text, start);
                let mut fresh = WordsAfter::new(&text, start, 3);
                proptest::prop_assert_eq!(comma, fresh.comma);
                let mut resumed = WordsAfter::resume(&text, hi, comma, first, next);
                for k in 0..9 {
                    proptest::prop_assert_eq!(fresh.word(k), resumed.word(k), "{:?} {}", text, start);
                }
                for end in (start..=text.len().min(start + 24)).filter(|&i| text.is_char_boundary(i)) {
                    // A possessive item ends before its "’s" or "'s", its context after them.
                    let tail = text.get(end..).unwrap_or("");
                    let apostrophe = ["’s", "'s"].into_iter().find(|a| tail.starts_with(a));
                    let shapes = [(false, end)]
                        .into_iter()
                        .chain(apostrophe.map(|a| (true, end + a.len())));
                    for ((possessive, poss_end), mode, suffix) in shapes.flat_map(|shape| {
                        [Mode::Body, Mode::Headline, Mode::TitleCaseHeadline]
                            .into_iter()
                            .flat_map(move |mode| {
                                [Suffix::None, Suffix::Owner, Suffix::Place]
                                    .into_iter()
                                    .map(move |suffix| (shape, mode, suffix))
                            })
                    }) {
                        let mut item = Item {
                            start,
                            end,
                            poss_end,
                            possessive,
                            suffix,
                            what: What::Rejected,
                            sentence_start: false,
                            after_capital: false,
                            after_first_name: false,
                            company: false,
                            person: false,
                            place: false,
                            formal: false,
            own_s: false,
                        };
                        let mut full = item.clone();
                        gather_evidence(&text, &mut item, mode);
                        gather_evidence_reference(&text, &mut full, mode);
                        proptest::prop_assert_eq!(
                            (item.company, item.person, item.place),
                            (full.company, full.person, full.place),
                            "{:?} {}..{} {:?}", text, start, end, mode
                        );
                    }
                }
            }
        }
    }

    /// [`gather_evidence`] as it was before the first-words fast path, with fresh readers.
    fn gather_evidence_reference(text: &str, item: &mut Item, mode: Mode) {
        let mut before = Context::new(WordsBefore::new(text, item.start));
        let after_end = if item.possessive {
            item.poss_end
        } else {
            item.end
        };
        let after = WordsAfter::new(text, after_end, 3);
        let comma = after.comma;
        let mut after = Context::new(after);

        let employer = !comma
            && !item.possessive
            && after.is(0, PERSON)
            && is_one_of(after.word(0), EMPLOYER_TITLES);
        // Person.
        if before.is(0, PERSON)
            && !before.is(0, ROLE)
            && !employer
            && !reported_clause(before.word(0), comma, after.word(0))
        {
            item.person = true;
        }
        if employer {
            item.company = true;
        }
        if matches!(
            item.what,
            What::Known {
                ambiguous: true,
                ..
            }
        ) && (comma || !item.possessive || item.own_s)
            && subject_of_clause(comma, after.word(0), lexicon_bits(after.word(0)))
        {
            item.company = true;
        }
        if comma {
            let first = after.word(0);
            if after.is(0, PERSON)
                && !closes_appositive(first)
                && !opens_a_name(first, after.word(1).bytes().next())
            {
                item.person = true;
            } else if is_capitalised_possessive(first) && after.is(1, PERSON) {
                // "Stewart Butterfield, Slack’s chief executive"
                item.person = true;
            } else if starts_with_capital(first)
                && is_capitalised_possessive(after.word(1))
                && after.is(2, PERSON)
            {
                // "Lelise Tadesse, Safaricom Ethiopia's chief commercial officer"
                item.person = true;
            } else if !after.is(0, APPOSITIVE_OPENER) {
                // One lexicon bit for the first words the rules below read on from.
            } else if is_one_of(first, &["a", "an", "the", "its"])
                || (first == "one" && after.word(1) == "of")
            {
                let from = if first == "one" { 2 } else { 1 };
                for k in from..8 {
                    if after.word(k).is_empty() || after.is(k, APPOSITIVE_STOP) {
                        break;
                    }
                    if after.is(k, ROLE)
                        || managing_business(after.word(k - 1), after.word(k))
                        || business_group(after.word(k - 1), after.word(k))
                    {
                        item.company = true;
                        break;
                    }
                    if after.is(k, PERSON) {
                        item.person = true;
                        break;
                    }
                }
            } else if is_one_of(first, &["which", "that"]) {
                // "HuffPost, which it acquired from…": the object of a deal.
                if is_one_of(after.word(1), &["it", "they", "we"]) && after.is(2, DEAL_VERB) {
                    item.company = true;
                }
                if let Some(verb) = (1..8).find(|&k| !after.is(k, SKIP))
                    && after.is(verb, VERB)
                {
                    item.company = true;
                }
            } else if (is_one_of(
                first,
                &[
                    "founded",
                    "owned",
                    "backed",
                    "acquired",
                    "headquartered",
                    "based",
                ],
            ) && is_one_of(after.word(1), &["in", "by"]))
                || is_one_of(first, &["inc", "ltd", "llc", "corp"])
            {
                item.company = true;
            }
        }

        // Company.
        if item.suffix == Suffix::Owner {
            item.company = true;
        }
        if item.possessive && !comma && after.is(0, POSSESSIVE_NOUN) {
            item.company = true;
        }
        if before.is(0, ROLE) {
            item.company = true;
        }
        let b0 = before.word(0);
        if before.is(0, DEAL_VERB) {
            item.company = true;
        }
        // "Berlin-based Kiezflotte", not "the Washington-based Mediterranean chain".
        if placed_by_base(b0) && (comma || !after.is(0, ROLE)) {
            item.company = true;
        }
        // "state-owned BAIC", "family-controlled X".
        if b0.ends_with('d')
            && ["-owned", "-backed", "-funded", "-controlled"]
                .iter()
                .any(|suffix| b0.ends_with(suffix))
        {
            item.company = true;
        }
        // Only after a linking word ("by", "at", "in", …) do the words before it matter:
        // one lexicon bit spares most names the comparisons below.
        if before.is(0, LINK) {
            if b0 == "by" && before.is(1, BY_VERB) {
                item.company = true;
            }
            // "taken private by X", "bought out by X", "snapped up by X".
            if b0 == "by"
                && is_one_of(before.word(1), &["private", "over", "out", "up"])
                && (before.is(2, BY_VERB)
                    || is_one_of(before.word(2), &["taken", "snapped", "taking"]))
            {
                item.company = true;
            }
            // "analysts at X", "a partner at X": people who work at a firm.
            if b0 == "at" && before.is(1, STAFF) {
                item.company = true;
            }
            let b1 = before.word(1);
            // The pairs are scanned only after a lexicon bit says `b1` opens one: a scan of
            // every pair for every linked name cost ~4M instructions per 10k articles.
            if b0.len() <= 4
                && before.is(1, DEAL_FIRST)
                && DEAL_PAIRS
                    .iter()
                    .any(|(a, b)| b1.eq_ignore_ascii_case(a) && b0.eq_ignore_ascii_case(b))
            {
                item.company = true;
            }
            if (is_one_of(b0, &["like", "including"]) && before.is(1, ROLE))
                || (b0 == "as" && b1 == "such" && before.is(2, ROLE))
            {
                item.company = true;
            }
            if is_one_of(b0, &["include", "includes", "including"]) && is_one_of(b1, HOLDINGS_NOUNS)
            {
                item.company = true;
            }
            if business_group(b1, b0) {
                item.company = true;
            }
            if b0 == "by" && is_one_of(b1, FOUNDED) {
                item.person = true;
            }
            if !item.possessive && role_before_list(text, item.start, b0) {
                item.company = true;
            }
            // Place.
            if b0 == "in" && is_one_of(b1, &["based", "headquartered"]) {
                item.place = true;
            }
        }
        if !comma && !item.possessive {
            let verb = (0..3).find(|&k| !after.is(k, SKIP));
            if let Some(verb) = verb
                && (after.is(verb, VERB) || (mode != Mode::Body && after.is(verb, HEADLINE_VERB)))
            {
                item.company = true;
            }
            // "Daimler's Moovel subsidiary".
            if is_one_of(after.word(0), OWNED_NOUNS) && is_capitalised_possessive(b0) {
                item.company = true;
            }
        }

        // "its own games studio, Nuverse, and": a name set off by commas after a role noun.
        if !item.possessive
            && text
                .as_bytes()
                .get(after_end)
                .is_none_or(|c| matches!(c, b',' | b'.' | b';' | b')'))
            && is_in(word_before_comma(text, item.start), ROLE)
        {
            item.company = true;
        }

        if item.suffix == Suffix::Place {
            item.place = true;
        }
    }

    /// The stretch memo answers as [`stretch_facts`] does, for every slice of a text (names
    /// near its end, and longer than the memo holds, included), on a cold and a warm memo.
    #[test]
    fn stretch_memo_answers_as_fresh_facts() {
        let known = KnownCompanies::bundled();
        let mut memo = StretchMemo::default();
        memo.use_list(&known);
        let (mut key, mut fresh_key) = (String::new(), String::new());
        let text = "Mei Okafor met The Ringer, Small Giant Games and Sequoia Capital India Growth \
                    Partners in São Paulo with Tokyo Bank, 42 and Carlos García";
        let (mut asked, mut misses) = (0, 0);
        for pass in 0..2 {
            for start in 0..text.len() {
                for end in start + 1..=text.len().min(start + 48) {
                    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                        continue;
                    }
                    for words in 1..=3 {
                        let name = &text[start..end];
                        let want = stretch_facts(name, words, &known, &mut fresh_key);
                        let (got_key, got) =
                            memo.facts(text, (start, end), words, &mut key, |name, key| {
                                misses += pass;
                                stretch_facts(name, words, &known, key)
                            });
                        assert_eq!(
                            (got_key, got),
                            (fresh_key.as_str(), want),
                            "{name:?} {words}"
                        );
                        asked += pass;
                    }
                }
            }
        }
        // The second pass found slices in the memo (not all: it has fewer slots than slices).
        assert!(misses < asked, "{misses} of {asked}");
        // The word count is part of what a slot is found by.
        let multi = stretch_facts("Small Giant Games", 3, &known, &mut key);
        assert_ne!(
            stretch_facts("Small Giant Games", 1, &known, &mut key),
            multi
        );
        assert!(multi.company_form);
    }

    /// A stretch memo filled under one list answers nothing under another.
    #[test]
    fn stretch_memo_is_emptied_for_another_list() {
        let bundled = KnownCompanies::bundled();
        let other = KnownCompanies::parse("[companies]\nAcme\n[places]\nMei Okafor\n");
        let text = "We met Mei Okafor today";
        let (start, end) = (7, 17);
        let mut key = String::new();
        let under = |known: &KnownCompanies, key: &mut String| {
            stretch_facts(&text[start..end], 2, known, key)
        };
        let (bundled_facts, other_facts) = (under(&bundled, &mut key), under(&other, &mut key));
        // The lists disagree on the name, so a stale answer would show.
        assert_ne!(bundled_facts, other_facts);
        assert!(other_facts.kind_rejects);
        let mut memo = StretchMemo::default();
        for (known, want) in [
            (&bundled, bundled_facts),
            (&other, other_facts),
            (&bundled, bundled_facts),
        ] {
            memo.use_list(known);
            for _ in 0..2 {
                let (_, got) = memo.facts(text, (start, end), 2, &mut key, |name, key| {
                    stretch_facts(name, 2, known, key)
                });
                assert_eq!(got, want);
            }
        }
    }

    proptest::proptest! {
        /// An article analysed with the memos warm from other articles (and from itself)
        /// has the findings it has with cold ones.
        #[test]
        fn warm_memos_change_no_finding(
            articles in proptest::collection::vec(
                proptest::collection::vec(
                    r"((Mei|Okafor|The|Ringer|Small|Giant|Games|Quillo|Brisk|Apple|Target|Google|London|Inc\.|raised|acquired|by|said|and|of|Bank|Group|42|A)(’s|,|\.)? ){1,12}",
                    1..4,
                ),
                1..5,
            ),
        ) {
            let known = KnownCompanies::bundled();
            let mut warm = Scratch::default();
            for paragraphs in articles.iter().chain(articles.iter()) {
                let paragraphs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
                let got = analyze("a headline", paragraphs.iter().copied(), &known, &mut warm);
                let want = analyze(
                    "a headline",
                    paragraphs.iter().copied(),
                    &known,
                    &mut Scratch::default(),
                );
                proptest::prop_assert_eq!(summary(&got), summary(&want));
            }
        }
    }

    proptest::proptest! {
        /// The byte loop for ASCII headlines counts the words the word iterator does.
        #[test]
        fn title_case_bytes_agree_with_chars(
            headline in "((Apple|opens|Its|First|store|a|AI|4G|9to5Mac|Über|ÉTÉ|éte|Apple’s|“Why|x|\\(761\\))[ \t\n\x0B\x0C\r\x1F,\u{a0}\u{2009}\u{3000}’]{0,2}){0,9}"
        ) {
            proptest::prop_assert_eq!(
                title_case_counts(&headline),
                title_case_counts_by_chars(&headline),
                "{:?}",
                headline
            );
        }
    }

    #[test]
    fn title_case_headlines() {
        assert!(is_title_case("Apple Opens Its First Store"));
        // A vertical tab is whitespace.
        assert!(is_title_case("Apple opens\u{0B}Stores Today Here"));
        assert!(!is_title_case("Apple opens its first store"));
        // The first word is not counted, nor words under four letters.
        assert!(!is_title_case("Apple Opens its first store in Tokyo"));
        assert!(is_title_case("apple Opens Its First Store"));
    }

    /// ASCII words are judged on their bytes, others on their chars: four chars or more,
    /// a letter first, a capital for the second count.
    #[test]
    fn title_case_counts_ascii_and_other_words() {
        // Counted: "Four", "five", "Über" (four chars, five bytes), "Sevens".
        // Not: "Top" (three), "4Ghz" (a digit first), "(761)" (punctuation first),
        // "éte" (three chars in four bytes), and the first word.
        assert_eq!(
            title_case_counts("Headline Top Four five 4Ghz (761) Über éte Sevens"),
            (4, 3)
        );
        // A control char other than whitespace is a word's byte: "Ab\u{1F}c" has four chars.
        assert_eq!(title_case_counts("x Ab\u{1F}c"), (1, 1));
        // A no-break space splits words as other whitespace does.
        assert_eq!(title_case_counts("x Four\u{a0}Five"), (2, 2));
        // ASCII headlines of up to 64 bytes are read on a mask: the same counts, also
        // for whitespace other than spaces, words at either end, and 64 bytes exactly.
        for headline in [
            "Headline Top Four five 4Ghz (761) Sevens",
            " \tLead\x0BFour\x0Cfive\rSix\nseven  Last",
            "Four",
            "a Four",
            "a Fou",
            "",
            "   ",
            "Headline Opens Its First Store In Tokyo With Many More Words x",
            "Headline Opens Its First Store In Tokyo With Many More Wordsxyzw",
            "Headline Opens Its First Store In Tokyo With Many More Words Past",
        ] {
            let expected = title_case_counts_by_chars(headline);
            assert_eq!(title_case_counts(headline), expected, "{headline:?}");
            if headline.len() <= 64 {
                assert_eq!(
                    title_case_counts_ascii(headline),
                    Some(expected),
                    "{headline:?}"
                );
            }
        }
        assert_eq!(
            title_case_counts("Headline Top Four five 4Ghz (761) Sevens"),
            (3, 2)
        );
    }

    /// An article's unknown names are found again by key whether they are few (a scan)
    /// or many (the map, filled with the earlier ones when the article passes
    /// `LINEAR_AGGS`): each counts all its mentions, spelled either way.
    #[test]
    fn many_unknown_names_count_all_their_mentions() {
        let known = KnownCompanies::bundled();
        let mut scratch = Scratch::default();
        for n in [
            3,
            LINEAR_AGGS - 1,
            LINEAR_AGGS,
            LINEAR_AGGS + 1,
            3 * LINEAR_AGGS,
        ] {
            let names: Vec<String> = (0..n)
                .map(|i| {
                    let (a, b) = (b'a' + (i / 26) as u8, b'a' + (i % 26) as u8);
                    format!("Zq{}{}x", a as char, b as char)
                })
                .collect();
            let mut paragraphs: Vec<String> = names
                .iter()
                .map(|n| format!("It was acquired by {n}."))
                .collect();
            // The second mention of each, and a third spelled with a dot (the same key).
            paragraphs.extend(names.iter().map(|n| format!("{n} raised $5 million.")));
            paragraphs.extend(names.iter().map(|n| {
                let (head, tail) = n.split_at(3);
                format!("Shares of {head}.{tail} rose.")
            }));
            let found = analyze(
                "a headline",
                paragraphs.iter().map(String::as_str),
                &known,
                &mut scratch,
            );
            assert_eq!(found.discovered.len(), n, "{n} names");
            for d in &found.discovered {
                assert_eq!(d.count, 3, "{n} names: {}", d.name);
            }
        }
    }

    /// `finish` compares keys by length and first eight bytes before the rest: names alike
    /// in their first eight bytes are still told apart, short or long.
    #[test]
    fn finish_tells_apart_names_alike_in_their_first_bytes() {
        // A name of one word with a longer one it starts: one company.
        assert_eq!(
            companies("It was acquired by Zentra Labs. Later Zentra raised $5 million."),
            ["Zentra Labs"]
        );
        assert_eq!(
            companies("It was acquired by Brightlinex Labs. Brightlinex raised $5 million."),
            ["Brightlinex Labs"]
        );
        // Alike in eight bytes, or more, but not a word of the other.
        assert_eq!(
            companies("It was acquired by Brightliney Labs. Brightlinex raised $5 million."),
            ["Brightlinex", "Brightliney Labs"]
        );
        assert_eq!(
            companies("It was acquired by Brightlinexy Labs. Brightlinex raised $5 million."),
            ["Brightlinex", "Brightlinexy Labs"]
        );
        // A name with no evidence of its own counts for a longer one it starts, and
        // only for one.
        let known = KnownCompanies::bundled();
        for (long, other, count) in [
            ("Brightlinex Labs", "Brightlinex", 2),
            ("Brightlinex Labs", "Brightlinez", 1),
            ("Brightlinex Labs", "Brightline", 1),
            ("Zentra Labs", "Zentra", 2),
            ("Zentra Labs", "Zentrx", 1),
        ] {
            let text = format!("It was acquired by {long}. {other} is here.");
            let found = analyze(
                "a",
                std::iter::once(text.as_str()),
                &known,
                &mut Scratch::default(),
            );
            let counts: Vec<(&str, u32)> = found
                .discovered
                .iter()
                .map(|d| (&*d.name, d.count))
                .collect();
            assert_eq!(counts, [(long, count)], "{text}");
        }
        // A surname of a person named in full, long or short; not one alike.
        for (person, other) in [("Aaron Venkataraman", "Venkataramax"), ("Aaron Doe", "Dox")] {
            let surname = person.split(' ').nth(1).unwrap_or("");
            let text = format!(
                "{person} spoke. Analysts at {surname} and analysts at {other} were gloomy."
            );
            assert_eq!(companies(&text), [other], "{text}");
        }
    }

    #[test]
    fn institutions_are_not_companies() {
        assert!(companies("a licence from the Prudential Regulation Authority today").is_empty());
        assert!(companies("a fine from the Central Bank of Ireland today").is_empty());
        assert_eq!(
            companies("Shares of Prudential fell 3% and Lloyds Bank rose."),
            ["Lloyds Bank", "Prudential"]
        );
    }
}
