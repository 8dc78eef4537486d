//! The state file's format: version, read marks, and top-level fields we don't know (kept as is).
//!
//! ```json
//! {
//!   "read": {
//!     "36ba6fc3a5c1dd2d": "2025-06-01T12:00:00Z"
//!   },
//!   "version": 1
//! }
//! ```

use std::collections::BTreeMap;

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value};

use crate::digest::ArticleId;

/// The format version this build writes and the newest it reads.
pub const VERSION: u64 = 1;

/// One parsed state file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StateFile {
    /// Article id -> when it was marked read.
    pub read: BTreeMap<ArticleId, DateTime<Utc>>,
    /// Top-level fields other than `version` and `read`, written back untouched
    /// (a later format addition, such as reading positions, lives here).
    pub extra: Map<String, Value>,
}

/// Why a state file's bytes are not a usable state file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FormatError {
    #[error("not valid JSON: {0}")]
    Json(String),
    #[error("the top level is not a JSON object")]
    NotAnObject,
    #[error("no `version` field")]
    NoVersion,
    #[error("`version` is not a positive integer")]
    BadVersion,
    #[error("format version {0} is newer than this gazette understands (up to {VERSION})")]
    FutureVersion(u64),
    #[error("`read` is not an object of id -> time")]
    ReadNotAnObject,
    #[error("`{0}` in `read` is not an article id (16 hex digits)")]
    BadId(String),
    #[error("the time for `{0}` in `read` is not an RFC 3339 time string")]
    BadTime(String),
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
        let value: Value =
            serde_json::from_slice(bytes).map_err(|e| FormatError::Json(e.to_string()))?;
        let Value::Object(mut top) = value else {
            return Err(FormatError::NotAnObject);
        };
        let version = match top.remove("version") {
            None => return Err(FormatError::NoVersion),
            Some(v) => v
                .as_u64()
                .filter(|&v| v > 0)
                .ok_or(FormatError::BadVersion)?,
        };
        if version > VERSION {
            return Err(FormatError::FutureVersion(version));
        }
        let mut read = BTreeMap::new();
        match top.remove("read") {
            // A file with no marks yet may leave `read` out.
            None => {}
            Some(Value::Object(entries)) => {
                for (key, time) in entries {
                    let id =
                        parse_article_id(&key).ok_or_else(|| FormatError::BadId(key.clone()))?;
                    let time = time
                        .as_str()
                        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
                        .ok_or_else(|| FormatError::BadTime(key.clone()))?;
                    read.insert(id, time.with_timezone(&Utc));
                }
            }
            Some(_) => return Err(FormatError::ReadNotAnObject),
        }
        Ok(StateFile { read, extra: top })
    }

    /// The file's bytes: pretty JSON (one mark per line, sorted), ending in a newline.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut top = self.extra.clone();
        top.insert("version".into(), Value::from(VERSION));
        let read: Map<String, Value> = self
            .read
            .iter()
            .map(|(id, t)| (id.to_string(), Value::String(format_time(*t))))
            .collect();
        top.insert("read".into(), Value::Object(read));
        // Serialising a map of strings cannot fail; fall back to an empty body just in case
        // rather than panic (the caller writes whatever we return atomically).
        let mut bytes = serde_json::to_vec_pretty(&Value::Object(top)).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_marks_and_unknown_fields() {
        let text = br#"{"version":1,"read":{"00000000000000ff":"2025-06-01T12:00:00+02:00"},"positions":{"a":3}}"#;
        let file = StateFile::parse(text).unwrap();
        assert_eq!(
            format_time(file.read[&ArticleId(255)]),
            "2025-06-01T10:00:00Z"
        );
        assert_eq!(file.extra["positions"]["a"], 3);
        let again = StateFile::parse(&file.to_bytes()).unwrap();
        assert_eq!(again, file);
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
