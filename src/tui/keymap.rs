//! The one keymap table: it drives key handling, the help overlay and the status-bar hints.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// Where a binding applies. `Browse` is every pane; `Article` only the article view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Browse,
    Article,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    /// Shown in the help overlay.
    pub help: &'static str,
    /// Shown in the status bar when set (the few most useful keys).
    pub hint: Option<&'static str>,
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
        hint,
    }
}

use Context::{Article, Browse};

pub const KEYMAP: &[Binding] = &[
    bind(
        Browse,
        &[ch('?')],
        Action::ToggleHelp,
        "this help",
        Some("help"),
    ),
    bind(
        Browse,
        &[ch('q'), ctrl('c')],
        Action::Quit,
        "quit",
        Some("quit"),
    ),
    bind(
        Browse,
        &[ch('/')],
        Action::OpenFilter,
        "filter (live; Enter keeps, Esc cancels)",
        Some("filter"),
    ),
    bind(
        Browse,
        &[ch('c')],
        Action::OpenCompanyPicker,
        "pick a company to filter by",
        Some("companies"),
    ),
    bind(
        Browse,
        &[ch('u')],
        Action::ToggleUnreadOnly,
        "show unread only / all",
        Some("unread"),
    ),
    bind(
        Browse,
        &[ch('C')],
        Action::RemoveLastCompany,
        "remove the last company chip",
        Some("drop chip"),
    ),
    bind(
        Browse,
        &[ch('j'), key(KeyCode::Down)],
        Action::MoveDown,
        "move down / scroll down",
        None,
    ),
    bind(
        Browse,
        &[ch('k'), key(KeyCode::Up)],
        Action::MoveUp,
        "move up / scroll up",
        None,
    ),
    bind(
        Browse,
        &[ch('g'), key(KeyCode::Home)],
        Action::Top,
        "go to the top",
        None,
    ),
    bind(
        Browse,
        &[ch('G'), key(KeyCode::End)],
        Action::Bottom,
        "go to the bottom",
        None,
    ),
    bind(
        Browse,
        &[key(KeyCode::PageDown)],
        Action::PageDown,
        "page down",
        None,
    ),
    bind(
        Browse,
        &[key(KeyCode::PageUp)],
        Action::PageUp,
        "page up",
        None,
    ),
    bind(
        Browse,
        &[ctrl('d')],
        Action::HalfPageDown,
        "half a page down",
        None,
    ),
    bind(
        Browse,
        &[ctrl('u')],
        Action::HalfPageUp,
        "half a page up",
        None,
    ),
    bind(
        Browse,
        &[key(KeyCode::Tab)],
        Action::FocusNext,
        "focus the next pane",
        None,
    ),
    bind(
        Browse,
        &[key(KeyCode::BackTab)],
        Action::FocusPrev,
        "focus the previous pane",
        None,
    ),
    bind(
        Browse,
        &[ch('h'), key(KeyCode::Left)],
        Action::FocusLeft,
        "focus the pane to the left",
        None,
    ),
    bind(
        Browse,
        &[ch('l'), key(KeyCode::Right)],
        Action::FocusRight,
        "focus the pane to the right",
        None,
    ),
    bind(
        Browse,
        &[key(KeyCode::Enter)],
        Action::Open,
        "open the article / pick the date",
        Some("open"),
    ),
    bind(
        Browse,
        &[key(KeyCode::Esc), key(KeyCode::Backspace)],
        Action::Back,
        "back: leave the article, else clear filters",
        None,
    ),
    bind(
        Article,
        &[ch(' ')],
        Action::ReadOn,
        "page down; at the end, the next unread article",
        None,
    ),
    bind(
        Browse,
        &[ch('n')],
        Action::NextUnread,
        "next unread article",
        None,
    ),
    bind(
        Browse,
        &[ch('N')],
        Action::PrevUnread,
        "previous unread article",
        None,
    ),
    bind(
        Browse,
        &[ch('m')],
        Action::ToggleRead,
        "toggle read on the selected article",
        None,
    ),
    bind(
        Browse,
        &[ch('M')],
        Action::MarkViewRead,
        "mark every article in the view read",
        None,
    ),
    bind(
        Browse,
        &[ch('D')],
        Action::MarkDayRead,
        "mark the selected day read",
        None,
    ),
    bind(
        Browse,
        &[ch('U')],
        Action::UndoBulkMark,
        "undo the last bulk mark",
        None,
    ),
    bind(
        Browse,
        &[ch('t')],
        Action::OpenTrends,
        "trends: the chosen companies' articles over time",
        None,
    ),
    bind(
        Browse,
        &[ch('e')],
        Action::ExportView,
        "export the view as Markdown to a new file here",
        None,
    ),
];

/// The action a key means in the given context, with the default keys.
pub fn action_for(key: KeyEvent, in_article: bool) -> Option<Action> {
    find_action(key, in_article, |_, b| b.keys)
}

/// Article-only bindings win in the article; `keys_of` gives each row's keys.
fn find_action<'a>(
    key: KeyEvent,
    in_article: bool,
    keys_of: impl Fn(usize, &'static Binding) -> &'a [Key],
) -> Option<Action> {
    // Shifted letters arrive as uppercase chars; ignore SHIFT so `G` matches `ch('G')`.
    let mods = key.modifiers - KeyModifiers::SHIFT;
    let matches = |&(i, b): &(usize, &'static Binding)| {
        keys_of(i, b)
            .iter()
            .any(|k| k.code == key.code && k.mods == mods)
    };
    let rows = || KEYMAP.iter().enumerate();
    let specific = rows()
        .filter(|(_, b)| b.context == Context::Article && in_article)
        .find(matches);
    specific
        .or_else(|| {
            rows()
                .filter(|(_, b)| b.context == Context::Browse)
                .find(matches)
        })
        .map(|(_, b)| b.action)
}

/// The keys in force for each row of `KEYMAP`: its defaults, or the user's from the
/// config file. The table stays the one source of actions, help and hints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// One entry per `KEYMAP` row, in its order.
    keys: Vec<Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            keys: KEYMAP.iter().map(|b| b.keys.to_vec()).collect(),
        }
    }
}

impl Keymap {
    pub fn action_for(&self, key: KeyEvent, in_article: bool) -> Option<Action> {
        find_action(key, in_article, |i, _| self.row_keys(i))
    }

    fn row_keys(&self, row: usize) -> &[Key] {
        self.keys.get(row).map_or(&[], Vec::as_slice)
    }

    /// Each binding with the keys in force for it.
    pub fn rows(&self) -> impl Iterator<Item = (&'static Binding, &[Key])> {
        KEYMAP
            .iter()
            .enumerate()
            .map(|(i, b)| (b, self.row_keys(i)))
    }

    /// The keys of an action (its first row); empty when the user unbound it.
    pub fn keys_of(&self, action: Action) -> &[Key] {
        KEYMAP
            .iter()
            .position(|b| b.action == action)
            .map_or(&[], |i| self.row_keys(i))
    }

    /// Replaces the keys of every row of `action`.
    pub fn rebind(&mut self, action: Action, keys: Vec<Key>) {
        for (i, b) in KEYMAP.iter().enumerate() {
            if b.action == action
                && let Some(slot) = self.keys.get_mut(i)
            {
                *slot = keys.clone();
            }
        }
    }

    /// A key bound to two actions in one context, if any: the key and both actions.
    pub fn conflict(&self) -> Option<(Key, Action, Action)> {
        let rows: Vec<_> = self.rows().collect();
        for (i, (a, a_keys)) in rows.iter().enumerate() {
            for (b, b_keys) in rows.iter().skip(i + 1) {
                if a.context != b.context || a.action == b.action {
                    continue;
                }
                if let Some(k) = a_keys.iter().find(|k| b_keys.contains(k)) {
                    return Some((*k, a.action, b.action));
                }
            }
        }
        None
    }

    /// The keys of an action as help shows them: `j ↓`, or `(unbound)`.
    pub fn label(&self, action: Action) -> String {
        keys_text(self.keys_of(action))
    }
}

/// Keys as help shows them: `j ↓`, or `(unbound)`.
pub fn keys_text(keys: &[Key]) -> String {
    if keys.is_empty() {
        return "(unbound)".to_string();
    }
    keys.iter().map(key_label).collect::<Vec<_>>().join(" ")
}

/// How a key is written in help and hints: `j`, `Ctrl-d`, `PgDn`.
pub fn key_label(k: &Key) -> String {
    let name = match k.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "↓".to_string(),
        KeyCode::Up => "↑".to_string(),
        KeyCode::Left => "←".to_string(),
        KeyCode::Right => "→".to_string(),
        KeyCode::PageDown => "PgDn".to_string(),
        KeyCode::PageUp => "PgUp".to_string(),
        KeyCode::BackTab => "Shift-Tab".to_string(),
        KeyCode::Backspace => "Backspace".to_string(),
        // Spelled out: crossterm names these differently on macOS.
        KeyCode::Enter => "Enter".to_string(),
        KeyCode::Delete => "Del".to_string(),
        other => format!("{other}"),
    };
    let alt = if k.mods.contains(KeyModifiers::ALT) {
        "Alt-"
    } else {
        ""
    };
    if k.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{alt}{name}")
    } else {
        format!("{alt}{name}")
    }
}

pub fn keys_label(b: &Binding) -> String {
    b.keys.iter().map(key_label).collect::<Vec<_>>().join(" ")
}

/// The key table as Markdown, for the README (a test keeps the two in step).
pub fn markdown_table() -> String {
    let mut out = String::from("| keys | what they do |\n|---|---|\n");
    for b in KEYMAP {
        let scope = match b.context {
            Context::Browse => "",
            Context::Article => " (article view)",
        };
        let keys: Vec<String> = b
            .keys
            .iter()
            .map(|k| format!("`{}`", key_label(k)))
            .collect();
        out.push_str(&format!("| {} | {}{} |\n", keys.join(" "), b.help, scope));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for b in KEYMAP.iter().skip(i + 1) {
                if a.context != b.context {
                    continue;
                }
                for k in a.keys {
                    assert!(
                        !b.keys.contains(k),
                        "{k:?} bound to {:?} and {:?}",
                        a.action,
                        b.action
                    );
                }
            }
        }
    }

    #[test]
    fn every_action_is_bound_and_described() {
        for &action in Action::ALL {
            let b = KEYMAP.iter().find(|b| b.action == action);
            assert!(
                b.is_some_and(|b| !b.help.is_empty() && !b.keys.is_empty()),
                "{action:?}"
            );
        }
    }

    #[test]
    fn article_space_reads_on_but_elsewhere_is_unbound() {
        let space = KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE);
        assert_eq!(action_for(space, true), Some(Action::ReadOn));
        assert_eq!(action_for(space, false), None);
    }

    #[test]
    fn shifted_letters_and_ctrl_keys() {
        let g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(g, false), Some(Action::Bottom));
        let cc = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(cc, true), Some(Action::Quit));
        let c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_eq!(action_for(c, false), Some(Action::OpenCompanyPicker));
    }
}
