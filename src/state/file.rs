//! The state file's format: version, read marks, reading positions, and top-level fields
//! we don't know (kept as is).
//!
//! ```json
//! {
//!   "version": 1,
//!   "read": {
//!     "36ba6fc3a5c1dd2d": "2025-06-01T12:00:00Z"
//!   },
//!   "positions": {
//!     "0123456789abcdef": {"paragraph": 4, "fraction": 0.5, "at": "2025-06-01T12:00:00Z"}
//!   }
//! }
//! ```
//!
//! `positions` (see [`super::positions`]) came after `read` without a version bump: a
//! gazette that knows only `read` keeps it as an unknown field and writes it back.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};

use super::positions::{self, Positions, SavedPosition};
use crate::digest::ArticleId;

/// The format version this build writes and the newest it reads.
pub const VERSION: u64 = 1;

/// One parsed state file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StateFile {
    /// Article id -> when it was marked read.
    pub read: BTreeMap<ArticleId, DateTime<Utc>>,
    /// Article id -> how far it was read (articles read to the end have none).
    pub positions: BTreeMap<ArticleId, SavedPosition>,
    /// Top-level fields other than `version`, `read` and `positions`, written back
    /// untouched (a later format addition lives here).
    pub extra: Map<String, Value>,
}

/// Why a state file's bytes are not a usable state file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    /// Not JSON, or JSON of the wrong shape (serde's message, with line and column).
    #[error("{0}")]
    Invalid(String),
    #[error("no `version` field")]
    NoVersion,
    #[error("`version` is not a positive integer")]
    BadVersion,
    #[error("format version {0} is newer than this gazette understands (up to {VERSION})")]
    FutureVersion(u64),
}

/// Parses an article id exactly as gazette prints it: 16 hex digits, nothing else.
///
/// Stricter than `ArticleId::from_str`, which also takes `+` signs and short strings.
pub fn parse_article_id(s: &str) -> Option<ArticleId> {
    if s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit()) {
        u64::from_str_radix(s, 16).ok().map(ArticleId)
    } else {
        None
    }
}

/// How times are written: RFC 3339, UTC, whole seconds (`2025-06-01T12:00:00Z`).
pub fn format_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl StateFile {
    pub fn parse(bytes: &[u8]) -> Result<StateFile, FormatError> {
        let raw: Raw = match serde_json::from_slice(bytes) {
            Ok(raw) => raw,
            // A newer format may have changed any field's shape: say "newer", not "broken".
            Err(err) => {
                return Err(match future_version(bytes) {
                    Some(v) => FormatError::FutureVersion(v),
                    None => FormatError::Invalid(err.to_string()),
                });
            }
        };
        let version = raw.version.ok_or(FormatError::NoVersion)?;
        let version = version
            .as_u64()
            .filter(|&v| v > 0)
            .ok_or(FormatError::BadVersion)?;
        if version > VERSION {
            return Err(FormatError::FutureVersion(version));
        }
        Ok(StateFile {
            read: raw.read.map(|r| r.0).unwrap_or_default(),
            positions: raw.positions.map(|p| p.0).unwrap_or_default(),
            extra: raw.extra,
        })
    }

    /// The file's bytes: `version` first, then one mark per line (sorted by id), then
    /// one position per line (none: no `positions` field), then the fields we don't
    /// know, each on one line; ends in a newline.
    ///
    /// Written by hand rather than through `serde_json::Value`: for 100,000 marks the
    /// detour through a `Value` tree cost more than everything else in a save.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(48 * self.read.len() + 64);
        let _ = write!(out, "{{\n  \"version\": {VERSION},\n  \"read\": {{");
        for (i, (id, time)) in self.read.iter().enumerate() {
            let sep = if i == 0 { "\n" } else { ",\n" };
            let _ = write!(out, "{sep}    \"{id}\": \"{}\"", format_time(*time));
        }
        out.extend_from_slice(if self.read.is_empty() { b"}" } else { b"\n  }" });
        positions::write(&mut out, &self.positions);
        for (key, value) in &self.extra {
            out.extend_from_slice(b",\n  ");
            // Writing JSON into a Vec cannot fail; the results are ignored for that reason.
            let _ = serde_json::to_writer(&mut out, key);
            out.extend_from_slice(b": ");
            let _ = serde_json::to_writer(&mut out, value);
        }
        out.extend_from_slice(b"\n}\n");
        out
    }
}

fn future_version(bytes: &[u8]) -> Option<u64> {
    let value: Value = serde_json::from_slice(bytes).ok()?;
    value.get("version")?.as_u64().filter(|&v| v > VERSION)
}

/// The top level as read: `version` checked after, `read` and `positions` parsed in
/// place (no `Value` tree for the bulk of the file), everything else kept as `Value`s.
struct Raw {
    version: Option<Value>,
    read: Option<ReadMarks>,
    positions: Option<Positions>,
    extra: Map<String, Value>,
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Raw, D::Error> {
        struct Top;
        impl<'de> Visitor<'de> for Top {
            type Value = Raw;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object with `version` and `read`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
                let mut raw = Raw {
                    version: None,
                    read: None,
                    positions: None,
                    extra: Map::new(),
                };
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    match &*key {
                        "version" => raw.version = Some(map.next_value()?),
                        "read" => raw.read = Some(map.next_value()?),
                        "positions" => raw.positions = Some(map.next_value()?),
                        _ => {
                            raw.extra.insert(key.into_owned(), map.next_value()?);
                        }
                    }
                }
                Ok(raw)
            }
        }
        d.deserialize_map(Top)
    }
}

struct ReadMarks(BTreeMap<ArticleId, DateTime<Utc>>);

impl<'de> Deserialize<'de> for ReadMarks {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ReadMarks, D::Error> {
        struct Marks;
        impl<'de> Visitor<'de> for Marks {
            type Value = ReadMarks;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("`read` as an object of article id -> RFC 3339 time")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ReadMarks, A::Error> {
                let mut read = BTreeMap::new();
                while let Some((key, time)) = map.next_entry::<Cow<'de, str>, Cow<'de, str>>()? {
                    let id = parse_article_id(&key).ok_or_else(|| {
                        de::Error::custom(format_args!(
                            "`{key}` in `read` is not an article id (16 hex digits)"
                        ))
                    })?;
                    let time = DateTime::parse_from_rfc3339(&time).map_err(|_| {
                        de::Error::custom(format_args!(
                            "the time `{time}` for `{key}` is not an RFC 3339 time"
                        ))
                    })?;
                    read.insert(id, time.to_utc());
                }
                Ok(ReadMarks(read))
            }
        }
        d.deserialize_map(Marks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_marks_and_unknown_fields() {
        let text = br#"{"version":1,"read":{"00000000000000ff":"2025-06-01T12:00:00+02:00"},"bookmarks":{"a":3}}"#;
        let file = StateFile::parse(text).unwrap();
        assert_eq!(
            format_time(file.read[&ArticleId(255)]),
            "2025-06-01T10:00:00Z"
        );
        assert_eq!(file.extra["bookmarks"]["a"], 3);
        let again = StateFile::parse(&file.to_bytes()).unwrap();
        assert_eq!(again, file);
    }

    #[test]
    fn a_newer_version_is_reported_as_such_whatever_its_shape() {
        assert_eq!(
            StateFile::parse(br#"{"read":[1],"version":3}"#),
            Err(FormatError::FutureVersion(3))
        );
        assert_eq!(
            StateFile::parse(br#"{"version":2,"read":{}}"#),
            Err(FormatError::FutureVersion(2))
        );
        assert_eq!(
            StateFile::parse(br#"{"read":{}}"#),
            Err(FormatError::NoVersion)
        );
        assert_eq!(
            StateFile::parse(br#"{"version":0}"#),
            Err(FormatError::BadVersion)
        );
    }

    #[test]
    fn the_hand_written_output_is_json_for_empty_state_and_odd_keys() {
        let mut file = StateFile::parse(br#"{"version":1}"#).unwrap();
        assert!(file.read.is_empty());
        assert_eq!(StateFile::parse(&file.to_bytes()).unwrap(), file);
        file.extra.insert(
            "we\"ird\nkey".into(),
            serde_json::json!({"x": [1, "\u{0}"]}),
        );
        let again = StateFile::parse(&file.to_bytes()).unwrap();
        assert_eq!(again, file);
        let value: Value = serde_json::from_slice(&file.to_bytes()).unwrap();
        assert_eq!(value["version"], 1);
        assert!(value["read"].as_object().unwrap().is_empty());
    }

    #[test]
    fn ids_must_be_exactly_16_hex_digits() {
        assert_eq!(parse_article_id("00000000000000ff"), Some(ArticleId(255)));
        assert_eq!(parse_article_id("00000000000000FF"), Some(ArticleId(255)));
        for bad in [
            "ff",
            "+00000000000000f",
            "00000000000000fg",
            "000000000000000ff",
            "",
        ] {
            assert_eq!(parse_article_id(bad), None, "{bad}");
        }
    }
}
