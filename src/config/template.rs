//! The commented default config that `gazette config --init` writes, generated from the
//! keymap table and the dark theme so it always shows the real defaults.

use std::fmt::Write;

use super::keys::key_spec;
use super::theme::style_spec;
use crate::tui::keymap::{Context, KEYMAP};
use crate::tui::options::ReaderOptions;
use crate::tui::ui::Theme;

const HEADER: &str = r##"# gazette's config file. Every setting is optional: a line left commented out
# keeps the default it shows. Check it with `gazette config`.

# The filter applied when the reader starts, in the / bar's language
# (e.g. "is:unread", "@amazon date:2019"). Esc clears it as usual.
# default_query = "is:unread"

# Opening an article marks it read.
# mark_read_on_open = {on_open}

# Mark an article read only once its end has been shown (wins over mark_read_on_open).
# mark_read_at_end = {at_end}

# Mouse: click selects and focuses, the wheel scrolls (`--no-mouse` turns it off for a run).
# mouse = {mouse}

[keys]
# An action's keys: one key or a list. What you write replaces the action's defaults,
# and the ? help and status-bar hints show your keys. An empty list [] unbinds it.
# A key is a character (q, G, /, ?) or a name: Enter, Esc, Space, Tab, Shift-Tab,
# Backspace, Up, Down, Left, Right, Home, End, PgUp, PgDn, Insert, Del, F1-F24;
# with Ctrl- and/or Alt- before it. Ctrl-c always quits. A key may do one thing per
# context (the article view's own keys win there).
"##;

const THEME: &str = r##"
[theme]
# "dark" (for dark terminals), "light" (for light ones) or "monochrome".
# Without colour (NO_COLOR set, or --color never) gazette is always monochrome: selection
# in reverse video, unread in bold with its marker, filters and matches reversed or
# underlined; the modifiers below still apply there, the colours do not.
# name = "dark"

# Any style can be overridden. fg and bg are colours: a name (black, red, green, yellow,
# blue, magenta, cyan, gray, darkgray, lightred, lightgreen, lightyellow, lightblue,
# lightmagenta, lightcyan, white, reset), an index 0-255 or "#rrggbb". modifiers is a
# list of bold, dim, italic, underlined, reversed, crossed_out, slow_blink, hidden and
# replaces the theme's. Parts you leave out keep the theme's. The dark theme's styles:
"##;

/// The default config file, every setting commented out at its default.
pub fn default_file() -> String {
    let options = ReaderOptions::default();
    let mut out = HEADER
        .replace("{on_open}", &options.mark_read_on_open.to_string())
        .replace("{at_end}", &options.mark_read_at_end.to_string())
        .replace("{mouse}", &options.mouse.to_string());
    for b in KEYMAP {
        let keys: Vec<String> = b
            .keys
            .iter()
            .map(|k| format!("{:?}", key_spec(k)))
            .collect();
        let line = format!("# {} = [{}]", b.action.name(), keys.join(", "));
        let scope = match b.context {
            Context::Browse => "",
            Context::Article => " (article view)",
        };
        let _ = writeln!(out, "{line:<40} # {}{scope}", b.help);
    }
    out.push_str(THEME);
    let dark = Theme::dark();
    for (name, help) in Theme::STYLES {
        let Some(style) = dark.style(name) else {
            continue;
        };
        let line = format!("# {name} = {}", style_spec(style));
        let _ = writeln!(out, "{line:<72} # {help}");
    }
    out
}
