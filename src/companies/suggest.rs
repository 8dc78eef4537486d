//! "Did you mean": the company a mistyped name most likely meant.
//!
//! The picker's order first (a name starting with what was typed, then one containing
//! it), then the fewest typing slips (an edit distance that counts a swap of two
//! neighbouring letters as one slip). Names are compared as the index keys them
//! (case, apostrophes and a leading "the" folded).

use super::known::normalize;

/// Fewer characters than this are too little to say which name a prefix or an
/// infix was the start of.
const MIN_PART: usize = 3;

/// Of `names` (in order of preference: the first of equals wins), the one `typed`
/// most likely meant, or `None` when none is close.
pub fn closest<'a, T: Copy>(
    typed: &str,
    names: impl IntoIterator<Item = (T, &'a str)>,
) -> Option<T> {
    let typed = normalize(typed.trim());
    let typed_len = typed.chars().count();
    if typed_len == 0 {
        return None;
    }
    // A slip per three characters, at least one: "amzon" finds Amazon, "nosuchco" nothing.
    let most_slips = (typed_len / 3).max(1);
    let (mut starts, mut contains, mut near) = (None, None, None::<(usize, T)>);
    for (item, name) in names {
        let key = normalize(name);
        if typed_len >= MIN_PART && key.starts_with(&typed) {
            starts = starts.or(Some(item));
        } else if typed_len >= MIN_PART && key.contains(&typed) {
            contains = contains.or(Some(item));
        } else if starts.is_none() && contains.is_none() {
            let slips = edit_distance(&typed, &key);
            if slips <= most_slips && near.is_none_or(|(best, _)| slips < best) {
                near = Some((slips, item));
            }
        }
        if starts.is_some() {
            break;
        }
    }
    starts.or(contains).or(near.map(|(_, item)| item))
}

/// Insertions, deletions, substitutions and swaps of neighbours that turn `a` into `b`
/// (the "optimal string alignment" distance), over characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    // The table a row at a time: this one, the last, and the one before (for swaps).
    let mut before: Vec<usize> = Vec::new();
    let mut last: Vec<usize> = (0..=b.len()).collect();
    let mut prev_a = None;
    for (i, ca) in a.chars().enumerate() {
        let mut row = Vec::with_capacity(b.len() + 1);
        row.push(i + 1);
        let mut prev_b = None;
        for (j, (&cb, (&diagonal, &up))) in b
            .iter()
            .zip(last.iter().zip(last.iter().skip(1)))
            .enumerate()
        {
            let left = row.last().map_or(usize::MAX, |&l| l + 1);
            let mut best = (diagonal + usize::from(ca != cb)).min(up + 1).min(left);
            // "ab" for "ba": one slip, from the cell two rows and two columns back.
            if ca != cb
                && prev_a == Some(cb)
                && prev_b == Some(ca)
                && let Some(&swap) = j.checked_sub(1).and_then(|k| before.get(k))
            {
                best = best.min(swap + 1);
            }
            row.push(best);
            prev_b = Some(cb);
        }
        before = std::mem::replace(&mut last, row);
        prev_a = Some(ca);
    }
    last.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_slips() {
        let table = [
            ("", "", 0),
            ("", "abc", 3),
            ("amazon", "amazon", 0),
            ("amazn", "amazon", 1),
            ("amzaon", "amazon", 1),
            ("amazonn", "amazon", 1),
            ("walmrat", "walmart", 1),
            ("kitten", "sitting", 3),
            ("byju’s", "byjus", 1),
            ("ca", "abc", 3),
        ];
        for (a, b, want) in table {
            assert_eq!(edit_distance(a, b), want, "{a:?} -> {b:?}");
            assert_eq!(edit_distance(b, a), want, "{b:?} -> {a:?}");
        }
    }

    #[test]
    fn closest_prefers_a_start_then_an_infix_then_the_fewest_slips() {
        let names = [
            (0, "Amazon"),
            (1, "Alibaba"),
            (2, "The New York Times"),
            (3, "Financial Times"),
            (4, "Walmart"),
            (5, "UPS"),
        ];
        let table = [
            ("amaz", Some(0)),
            ("AMAZN", Some(0)),
            ("amzaon", Some(0)),
            ("new york", Some(2)),
            // Both contain it: the first named (the most mentioned) wins.
            ("times", Some(2)),
            ("walmrat", Some(4)),
            ("upz", Some(5)),
            ("nosuchco", None),
            ("zz", None),
            ("", None),
            ("  ", None),
        ];
        for (typed, want) in table {
            assert_eq!(closest(typed, names), want, "{typed:?}");
        }
    }
}
