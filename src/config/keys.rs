//! Key specs as the config file writes them (`q`, `Ctrl-d`, `Shift-Tab`, `PgDn`), and the
//! `[keys]` table applied over the default keymap.

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use crate::tui::action::Action;
use crate::tui::keymap::{Key, Keymap, key_label};

/// Names accepted for keys that are not a single character (any case). The labels help
/// prints (`↓`, `PgDn`, `Shift-Tab`) are accepted too, so what help shows can be copied.
const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("return", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("space", KeyCode::Char(' ')),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pgup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("pgdn", KeyCode::PageDown),
    ("up", KeyCode::Up),
    ("↑", KeyCode::Up),
    ("down", KeyCode::Down),
    ("↓", KeyCode::Down),
    ("left", KeyCode::Left),
    ("←", KeyCode::Left),
    ("right", KeyCode::Right),
    ("→", KeyCode::Right),
];

/// Parses one key spec: a character, or a key name, after any `Ctrl-`, `Alt-` and
/// `Shift-` prefixes (also `C-`, `A-`/`M-`, `S-`; `+` works as well as `-`).
pub fn parse_key(spec: &str) -> Result<Key, String> {
    let mut mods = KeyModifiers::NONE;
    let mut shift = false;
    let mut rest = spec;
    while let Some((prefix, after)) = rest.split_once(['-', '+']) {
        // "-" and "Ctrl--" name the minus key itself.
        if after.is_empty() {
            break;
        }
        match prefix.to_ascii_lowercase().as_str() {
            "ctrl" | "control" | "c" => mods |= KeyModifiers::CONTROL,
            "alt" | "meta" | "a" | "m" => mods |= KeyModifiers::ALT,
            "shift" | "s" => shift = true,
            _ => break,
        }
        rest = after;
    }
    let lower = rest.to_lowercase();
    // Names first: the arrows help shows (`↓`) are single characters too.
    let named = NAMED
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|&(_, c)| c);
    let mut chars = rest.chars();
    let code = match (named, chars.next(), chars.next()) {
        (Some(code), _, _) => code,
        (None, None, _) => return Err(format!("empty key in `{spec}`")),
        (None, Some(c), None) => KeyCode::Char(c),
        (None, Some(_), Some(_)) => {
            if let Some(n) = lower
                .strip_prefix('f')
                .and_then(|n| n.parse::<u8>().ok())
                .filter(|n| (1..=24).contains(n))
            {
                KeyCode::F(n)
            } else {
                return Err(format!("unknown key `{spec}`"));
            }
        }
    };
    // Terminals send Shift as part of the key: an uppercase letter, or BackTab.
    let code = match (shift, code) {
        (false, code) => code,
        (true, KeyCode::Tab | KeyCode::BackTab) => KeyCode::BackTab,
        (true, KeyCode::Char(c)) if c.is_alphabetic() => {
            KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
        }
        (true, _) => {
            return Err(format!(
                "`{spec}`: Shift- goes only with letters and Tab (write `G`, not `Shift-g`, if you like)"
            ));
        }
    };
    Ok(Key { code, mods })
}

/// How the config file writes a key: as help labels it, but arrows by name (`Down`).
pub fn key_spec(k: &Key) -> String {
    let arrow = match k.code {
        KeyCode::Up => "Up",
        KeyCode::Down => "Down",
        KeyCode::Left => "Left",
        KeyCode::Right => "Right",
        _ => return key_label(k),
    };
    key_label(&Key {
        code: KeyCode::Char(' '),
        mods: k.mods,
    })
    .replace("Space", arrow)
}

/// The action a config name stands for.
pub fn action_named(name: &str) -> Option<Action> {
    Action::ALL.iter().copied().find(|a| a.name() == name)
}

/// Why a `[keys]` entry was refused; the caller adds file, line and key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BindError {
    UnknownAction(String),
    BadKey(String),
    /// Ctrl-c quits whatever the config says; binding it elsewhere would be a lie.
    CtrlC,
    /// The key is bound to another action of the same context.
    Twice {
        key: Key,
        other: Action,
    },
}

impl std::fmt::Display for BindError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BindError::UnknownAction(name) => write!(f, "unknown action `{name}`"),
            BindError::BadKey(why) => f.write_str(why),
            BindError::CtrlC => f.write_str("`Ctrl-c` always quits; bind another key"),
            BindError::Twice { key, other } => write!(
                f,
                "`{}` is also bound to {} (rebind that too)",
                key_label(key),
                other.name()
            ),
        }
    }
}

/// Applies one `[keys]` entry and returns its action. Clashes are not checked here but
/// once every entry is in ([`check`]), so two actions can swap keys in either order.
pub fn bind(keymap: &mut Keymap, action_name: &str, specs: &[String]) -> Result<Action, BindError> {
    let action = action_named(action_name)
        .ok_or_else(|| BindError::UnknownAction(action_name.to_string()))?;
    let mut keys = Vec::with_capacity(specs.len());
    for spec in specs {
        let key = parse_key(spec).map_err(BindError::BadKey)?;
        let is_ctrl_c = key.code == KeyCode::Char('c') && key.mods == KeyModifiers::CONTROL;
        if is_ctrl_c && action != Action::Quit {
            return Err(BindError::CtrlC);
        }
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keymap.rebind(action, keys);
    Ok(action)
}

/// A key bound twice in one context, once all entries are applied: the action to blame
/// (the one of the two that `rebound` lists last, i.e. the later line) and the error.
pub fn check(keymap: &Keymap, rebound: &[Action]) -> Result<(), (Action, BindError)> {
    let Some((key, a, b)) = keymap.conflict() else {
        return Ok(());
    };
    let blamed = rebound
        .iter()
        .rev()
        .copied()
        .find(|&x| x == a || x == b)
        .unwrap_or(a);
    let other = if blamed == a { b } else { a };
    Err((blamed, BindError::Twice { key, other }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> Key {
        Key { code, mods }
    }

    #[test]
    fn specs() {
        let none = KeyModifiers::NONE;
        let ctrl = KeyModifiers::CONTROL;
        let table = [
            ("q", key(KeyCode::Char('q'), none)),
            ("G", key(KeyCode::Char('G'), none)),
            ("Shift-g", key(KeyCode::Char('G'), none)),
            ("-", key(KeyCode::Char('-'), none)),
            ("Ctrl--", key(KeyCode::Char('-'), ctrl)),
            ("Ctrl-d", key(KeyCode::Char('d'), ctrl)),
            ("C-d", key(KeyCode::Char('d'), ctrl)),
            ("ctrl+D", key(KeyCode::Char('D'), ctrl)),
            ("Alt-x", key(KeyCode::Char('x'), KeyModifiers::ALT)),
            (
                "Ctrl-Alt-x",
                key(KeyCode::Char('x'), ctrl | KeyModifiers::ALT),
            ),
            ("Space", key(KeyCode::Char(' '), none)),
            (" ", key(KeyCode::Char(' '), none)),
            ("enter", key(KeyCode::Enter, none)),
            ("PgDn", key(KeyCode::PageDown, none)),
            ("PageUp", key(KeyCode::PageUp, none)),
            ("Shift-Tab", key(KeyCode::BackTab, none)),
            ("↓", key(KeyCode::Down, none)),
            ("F5", key(KeyCode::F(5), none)),
            ("é", key(KeyCode::Char('é'), none)),
        ];
        for (spec, want) in table {
            assert_eq!(parse_key(spec), Ok(want), "{spec}");
        }
        for bad in [
            "", "Ctrl-", "Hyper-x", "F0", "F99", "PgDown", "Shift-Up", "jj",
        ] {
            assert!(parse_key(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn every_default_key_label_and_spec_parses_back() {
        for (b, keys) in Keymap::default().rows() {
            for k in keys {
                assert_eq!(parse_key(&key_label(k)).as_ref(), Ok(k), "{:?}", b.action);
                assert_eq!(parse_key(&key_spec(k)).as_ref(), Ok(k), "{:?}", b.action);
            }
        }
        let ctrl_up = key(KeyCode::Up, KeyModifiers::CONTROL);
        assert_eq!(key_spec(&ctrl_up), "Ctrl-Up");
        assert_eq!(parse_key("Ctrl-Up"), Ok(ctrl_up));
    }

    #[test]
    fn every_action_has_a_distinct_name() {
        let mut names: Vec<&str> = Action::ALL.iter().map(|a| a.name()).collect();
        for name in &names {
            assert_eq!(action_named(name).map(Action::name), Some(*name));
        }
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(names.len(), before);
    }

    #[test]
    fn rebinding_and_its_refusals() {
        let mut keymap = Keymap::default();
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            bind(&mut keymap, "nope", &s(&["x"])),
            Err(BindError::UnknownAction("nope".into()))
        );
        assert!(matches!(
            bind(&mut keymap, "quit", &s(&["Hyper-q"])),
            Err(BindError::BadKey(_))
        ));
        assert_eq!(
            bind(&mut keymap, "move_down", &s(&["Ctrl-c"])),
            Err(BindError::CtrlC)
        );
        // `k` still moves up: the clash shows once the entries are checked.
        let mut clash = Keymap::default();
        bind(&mut clash, "move_down", &s(&["k"])).unwrap();
        assert_eq!(
            check(&clash, &[Action::MoveDown]),
            Err((
                Action::MoveDown,
                BindError::Twice {
                    key: parse_key("k").unwrap(),
                    other: Action::MoveUp
                }
            ))
        );
        // Swapping two actions' keys is fine in either order.
        bind(&mut clash, "move_up", &s(&["j"])).unwrap();
        assert_eq!(check(&clash, &[Action::MoveDown, Action::MoveUp]), Ok(()));
        // A refused entry leaves the keymap as it was.
        assert_eq!(keymap, Keymap::default());
        bind(&mut keymap, "move_up", &s(&["i"])).unwrap();
        bind(&mut keymap, "move_down", &s(&["k", "Down"])).unwrap();
        assert_eq!(keymap.label(Action::MoveDown), "k ↓");
        // An empty list unbinds.
        bind(&mut keymap, "quit", &[]).unwrap();
        assert_eq!(keymap.label(Action::Quit), "(unbound)");
        // Space is the article's read_on key; a browse action may take it elsewhere.
        bind(&mut keymap, "toggle_read", &s(&["Space"])).unwrap();
    }
}
