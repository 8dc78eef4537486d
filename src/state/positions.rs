//! Reading positions: how far each article was read, in the state file's `positions` map,
//! merged between processes by time and capped so the file stays small.
//!
//! ```json
//! "positions": {
//!   "36ba6fc3a5c1dd2d": {"paragraph": 4, "fraction": 0.5, "at": "2025-06-01T12:00:00Z"}
//! }
//! ```
//!
//! A position names a body paragraph and a fraction of its lines, not a screen row: a row
//! depends on the terminal's width (a paragraph wraps to 3 lines at 160 columns and to 7
//! at 70), so a row saved in one window would land in another paragraph in the next.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;

use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::file::{format_time, parse_article_id};
use crate::digest::ArticleId;

/// At most this many positions are kept; the oldest go first. Articles read to the end
/// lose theirs anyway, so this bounds only articles left half-read (~90 bytes each).
pub const MAX_POSITIONS: usize = 1_000;

/// Where the top of the article view was: a body paragraph and how far into its lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Position {
    /// The body paragraph at the top of the view, 0-based (subheads and captions count).
    pub paragraph: u32,
    /// How far into that paragraph's lines (its blank line above included) the top
    /// was, in ten-thousandths: 0 is its first line, 5,000 halfway.
    pub ten_thousandths: u16,
}

impl Position {
    /// `fraction` is clamped to 0..1 and kept to four decimals (what the file stores).
    pub fn new(paragraph: u32, fraction: f64) -> Position {
        let scaled = (fraction.clamp(0.0, 1.0) * 10_000.0).round();
        Position {
            paragraph,
            // In 0..=10_000 after the clamp, so the cast is exact.
            ten_thousandths: scaled as u16,
        }
    }

    pub fn fraction(self) -> f64 {
        f64::from(self.ten_thousandths) / 10_000.0
    }
}

/// A position and when it was taken (merging keeps the newer; pruning drops the oldest).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SavedPosition {
    pub position: Position,
    pub at: DateTime<Utc>,
}

/// A change not yet saved: a new position, or `None` to forget the article's position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PositionChange {
    pub position: Option<Position>,
    pub at: DateTime<Utc>,
}

/// Pending changes on top of the file's positions. A position another process saved
/// later than our change wins over it (the newest reading wins, whoever saves last).
pub fn apply(
    pending: &FxHashMap<ArticleId, PositionChange>,
    positions: &mut BTreeMap<ArticleId, SavedPosition>,
) {
    for (&id, change) in pending {
        if positions.get(&id).is_some_and(|p| p.at > change.at) {
            continue;
        }
        match change.position {
            Some(position) => {
                positions.insert(
                    id,
                    SavedPosition {
                        position,
                        at: change.at,
                    },
                );
            }
            None => {
                positions.remove(&id);
            }
        }
    }
}

/// Drops the oldest positions (ties: lowest id) until at most `max` remain.
pub fn prune(positions: &mut BTreeMap<ArticleId, SavedPosition>, max: usize) {
    let excess = positions.len().saturating_sub(max);
    if excess == 0 {
        return;
    }
    let mut by_age: Vec<(DateTime<Utc>, ArticleId)> =
        positions.iter().map(|(&id, p)| (p.at, id)).collect();
    by_age.sort_unstable();
    for (_, id) in by_age.into_iter().take(excess) {
        positions.remove(&id);
    }
}

/// Appends `,\n  "positions": {...}` (one position a line) to a state file being written.
pub fn write(out: &mut Vec<u8>, positions: &BTreeMap<ArticleId, SavedPosition>) {
    if positions.is_empty() {
        // Omitted, so a file without positions stays byte-for-byte what older gazettes write.
        return;
    }
    out.extend_from_slice(b",\n  \"positions\": {");
    for (i, (id, saved)) in positions.iter().enumerate() {
        let sep = if i == 0 { "\n" } else { ",\n" };
        // Writing into a Vec cannot fail.
        let _ = write!(
            out,
            "{sep}    \"{id}\": {{\"paragraph\": {}, \"fraction\": {}, \"at\": \"{}\"}}",
            saved.position.paragraph,
            saved.position.fraction(),
            format_time(saved.at)
        );
    }
    out.extend_from_slice(b"\n  }");
}

/// The `positions` field as parsed.
pub struct Positions(pub BTreeMap<ArticleId, SavedPosition>);

impl<'de> Deserialize<'de> for Positions {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Positions, D::Error> {
        struct All;
        impl<'de> Visitor<'de> for All {
            type Value = Positions;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("`positions` as an object of article id -> position")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Positions, A::Error> {
                let mut positions = BTreeMap::new();
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    let id = parse_article_id(&key).ok_or_else(|| {
                        de::Error::custom(format_args!(
                            "`{key}` in `positions` is not an article id (16 hex digits)"
                        ))
                    })?;
                    let entry: Entry = map.next_value()?;
                    positions.insert(id, entry.0);
                }
                Ok(Positions(positions))
            }
        }
        d.deserialize_map(All)
    }
}

/// One `{"paragraph": N, "fraction": F, "at": T}`; fields added by later versions are ignored.
struct Entry(SavedPosition);

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Entry, D::Error> {
        struct One;
        impl<'de> Visitor<'de> for One {
            type Value = Entry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a position {\"paragraph\": N, \"fraction\": 0..1, \"at\": time}")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entry, A::Error> {
                let (mut paragraph, mut fraction, mut at) = (None, None, None);
                // Values first, checked after: serde's own messages ("expected u32") would
                // not say that a position is at fault.
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    match &*key {
                        "paragraph" => paragraph = Some(map.next_value::<Value>()?),
                        "fraction" => fraction = Some(map.next_value::<Value>()?),
                        "at" => at = Some(map.next_value::<Value>()?),
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                let paragraph = paragraph
                    .as_ref()
                    .and_then(Value::as_u64)
                    .and_then(|p| u32::try_from(p).ok())
                    .ok_or_else(|| {
                        de::Error::custom("a position's `paragraph` must be a whole number from 0")
                    })?;
                let fraction = fraction
                    .as_ref()
                    .and_then(Value::as_f64)
                    .filter(|f| (0.0..=1.0).contains(f))
                    .ok_or_else(|| {
                        de::Error::custom("a position's `fraction` must be a number from 0 to 1")
                    })?;
                let at = at
                    .as_ref()
                    .and_then(Value::as_str)
                    .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
                    .ok_or_else(|| {
                        de::Error::custom("a position's `at` must be an RFC 3339 time")
                    })?;
                Ok(Entry(SavedPosition {
                    position: Position::new(paragraph, fraction),
                    at: at.to_utc(),
                }))
            }
        }
        d.deserialize_map(One)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    fn saved(paragraph: u32, time: &str) -> SavedPosition {
        SavedPosition {
            position: Position::new(paragraph, 0.0),
            at: at(time),
        }
    }

    #[test]
    fn fractions_are_clamped_and_kept_to_four_decimals() {
        assert_eq!(Position::new(1, 0.25).ten_thousandths, 2_500);
        assert_eq!(Position::new(1, 1.0 / 3.0).fraction(), 0.3333);
        assert_eq!(Position::new(1, -2.0).ten_thousandths, 0);
        assert_eq!(Position::new(1, 7.0).ten_thousandths, 10_000);
        assert_eq!(Position::new(1, f64::NAN).ten_thousandths, 0);
    }

    #[test]
    fn a_newer_position_on_disk_beats_an_older_pending_change() {
        let (a, b) = (ArticleId(1), ArticleId(2));
        let mut disk = BTreeMap::from([
            (a, saved(5, "2025-06-01T12:00:10Z")),
            (b, saved(5, "2025-06-01T12:00:00Z")),
        ]);
        let change = |p: Option<u32>| PositionChange {
            position: p.map(|p| Position::new(p, 0.0)),
            at: at("2025-06-01T12:00:05Z"),
        };
        let pending = FxHashMap::from_iter([(a, change(Some(1))), (b, change(None))]);
        apply(&pending, &mut disk);
        assert_eq!(disk[&a].position.paragraph, 5, "the disk's is newer");
        assert!(!disk.contains_key(&b), "ours is newer: forgotten");
    }

    #[test]
    fn pruning_drops_the_oldest() {
        let mut positions: BTreeMap<ArticleId, SavedPosition> = (0..5)
            .map(|i| {
                (
                    ArticleId(10 - i),
                    saved(0, &format!("2025-06-0{}T00:00:00Z", i + 1)),
                )
            })
            .collect();
        prune(&mut positions, 3);
        let kept: Vec<u64> = positions.keys().map(|id| id.0).collect();
        assert_eq!(kept, [6, 7, 8]);
        prune(&mut positions, 3);
        assert_eq!(positions.len(), 3);
    }
}
