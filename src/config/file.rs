//! The config file as TOML sees it: serde types that keep each value's place in the
//! text, and byte offsets turned into line, column and the key written there.

use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

use super::keys::action_named;
use crate::tui::ui::Theme;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    pub default_query: Option<Spanned<String>>,
    pub mark_read_on_open: Option<bool>,
    pub mark_read_at_end: Option<bool>,
    pub mouse: Option<bool>,
    #[serde(default)]
    pub keys: RawKeys,
    #[serde(default)]
    pub theme: RawTheme,
}

/// `[keys]`: action name = key or list of keys (in the table's order, not the file's:
/// sort by span for that). Names that are no
/// action are kept (with their place) so the error can point at them.
#[derive(Debug, Default)]
pub struct RawKeys {
    pub bindings: Vec<(Spanned<String>, Spanned<KeySpecs>)>,
    pub unknown: Vec<Spanned<String>>,
}

/// `"q"` or `["q", "Ctrl-c"]`.
#[derive(Debug, Default)]
pub struct KeySpecs(pub Vec<String>);

/// `[theme]`: `name = "light"`, then style name = `{ fg, bg, modifiers }`.
#[derive(Debug, Default)]
pub struct RawTheme {
    pub name: Option<Spanned<String>>,
    pub styles: Vec<(Spanned<String>, RawStyle)>,
    pub unknown: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a style like { fg = \"cyan\", bg = \"blue\", modifiers = [\"bold\"] }"
)]
pub struct RawStyle {
    pub fg: Option<Spanned<String>>,
    pub bg: Option<Spanned<String>>,
    pub modifiers: Option<Vec<Spanned<String>>>,
}

impl<'de> Deserialize<'de> for RawKeys {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawKeys;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table of action = keys")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawKeys, A::Error> {
                let mut keys = RawKeys::default();
                while let Some(name) = map.next_key::<Spanned<String>>()? {
                    if action_named(name.get_ref()).is_some() {
                        keys.bindings.push((name, map.next_value()?));
                    } else {
                        map.next_value::<IgnoredAny>()?;
                        keys.unknown.push(name);
                    }
                }
                Ok(keys)
            }
        }
        d.deserialize_map(V)
    }
}

impl<'de> Deserialize<'de> for KeySpecs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = KeySpecs;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key like \"q\" or a list of keys like [\"j\", \"Down\"]")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<KeySpecs, E> {
                Ok(KeySpecs(vec![s.to_string()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<KeySpecs, A::Error> {
                let mut keys = Vec::new();
                while let Some(k) = seq.next_element::<String>()? {
                    keys.push(k);
                }
                Ok(KeySpecs(keys))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for RawTheme {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawTheme;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table with name and styles")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawTheme, A::Error> {
                let mut theme = RawTheme::default();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    if key.get_ref() == "name" {
                        theme.name = Some(map.next_value()?);
                    } else if Theme::STYLES.iter().any(|(n, _)| n == key.get_ref()) {
                        theme.styles.push((key, map.next_value()?));
                    } else {
                        map.next_value::<IgnoredAny>()?;
                        theme.unknown.push(key);
                    }
                }
                Ok(theme)
            }
        }
        d.deserialize_map(V)
    }
}

/// Line and column (both from 1; the column counts characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

/// The dotted key written at `span` (`keys.quit`, `theme.chip`): the table header above
/// it and the key on its line. Only for messages; `None` where no key can be read.
pub fn key_at(text: &str, span: &Range<usize>) -> Option<String> {
    let start = span.start.min(text.len());
    let line_start = text.get(..start)?.rfind('\n').map_or(0, |i| i + 1);
    let line_end = text
        .get(start..)?
        .find('\n')
        .map_or(text.len(), |i| start + i);
    let line = text.get(line_start..line_end)?.trim();
    let header = |l: &str| -> Option<String> {
        let inner = l.strip_prefix('[')?;
        let end = inner.find(']')?;
        Some(inner.get(..end)?.trim_matches(['[', ' ']).to_string())
    };
    if line.starts_with('[') {
        return header(line);
    }
    let table = text
        .get(..line_start)?
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .and_then(header);
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches(['"', '\'']);
    if key.is_empty() || key.contains(['{', '[', '#']) {
        return table;
    }
    Some(match table {
        Some(t) => format!("{t}.{key}"),
        None => key.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions() {
        let text = "a = 1\n[keys]\nquit = 3\n";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 6), (2, 1));
        assert_eq!(line_column(text, 20), (3, 8));
        assert_eq!(line_column("é = x", 4), (1, 4));
        assert_eq!(key_at(text, &(20..21)).as_deref(), Some("keys.quit"));
        assert_eq!(key_at(text, &(0..1)).as_deref(), Some("a"));
        assert_eq!(key_at(text, &(7..10)).as_deref(), Some("keys"));
        assert_eq!(key_at("x\n", &(0..1)), None);
    }

    #[test]
    fn keeps_the_places_of_bindings() {
        let text = "[keys]\nquit = \"x\"\nmove_down = [\"j\", \"Down\"]\nwhat = 1\n";
        let raw: RawConfig = toml::from_str(text).unwrap();
        let mut names: Vec<&str> = raw
            .keys
            .bindings
            .iter()
            .map(|(n, _)| n.get_ref().as_str())
            .collect();
        names.sort_unstable();
        assert_eq!(names, ["move_down", "quit"]);
        let (name, specs) = raw
            .keys
            .bindings
            .iter()
            .find(|(n, _)| n.get_ref() == "move_down")
            .unwrap();
        assert_eq!(line_column(text, name.span().start), (3, 1));
        assert_eq!(specs.get_ref().0, ["j", "Down"]);
        assert_eq!(raw.keys.unknown[0].get_ref(), "what");
    }
}
