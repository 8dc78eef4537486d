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
        "open the article (marks it read) / pick the date",
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

/// The action a key means in the given context. Article-only bindings win in the article.
pub fn action_for(key: KeyEvent, in_article: bool) -> Option<Action> {
    // Shifted letters arrive as uppercase chars; ignore SHIFT so `G` matches `ch('G')`.
    let mods = key.modifiers - KeyModifiers::SHIFT;
    let matches = |b: &&Binding| b.keys.iter().any(|k| k.code == key.code && k.mods == mods);
    let specific = KEYMAP
        .iter()
        .filter(|b| b.context == Context::Article && in_article)
        .find(matches);
    specific
        .or_else(|| {
            KEYMAP
                .iter()
                .filter(|b| b.context == Context::Browse)
                .find(matches)
        })
        .map(|b| b.action)
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
        other => format!("{other}"),
    };
    if k.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{name}")
    } else {
        name
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
        use Action::*;
        let all = [
            Quit,
            ToggleHelp,
            OpenFilter,
            OpenCompanyPicker,
            ToggleUnreadOnly,
            FocusNext,
            FocusPrev,
            FocusLeft,
            FocusRight,
            MoveDown,
            MoveUp,
            PageDown,
            PageUp,
            HalfPageDown,
            HalfPageUp,
            Top,
            Bottom,
            Open,
            Back,
            ReadOn,
            NextUnread,
            PrevUnread,
            ToggleRead,
            MarkViewRead,
            MarkDayRead,
            UndoBulkMark,
            OpenTrends,
            ExportView,
        ];
        for action in all {
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
