//! The `[theme]` table: a built-in theme by name, then per-style overrides of colours and
//! modifiers; and how colour is switched off (`--color`, NO_COLOR).

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

use crate::tui::ui::{Theme, ThemeName};

/// What the user changed in one named style; unset parts keep the built-in's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StyleOverride {
    pub fg: Option<Color>,
    pub bg: Option<Color>,
    /// Replaces the built-in's modifiers when set.
    pub modifiers: Option<Modifier>,
}

impl StyleOverride {
    pub fn apply(&self, style: &mut Style) {
        if let Some(fg) = self.fg {
            style.fg = Some(fg);
        }
        if let Some(bg) = self.bg {
            style.bg = Some(bg);
        }
        if let Some(m) = self.modifiers {
            style.add_modifier = m;
            style.sub_modifier = Modifier::empty();
        }
    }
}

/// The theme the config asks for, before colour is decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeConfig {
    pub base: ThemeName,
    /// Style name (one of `Theme::STYLES`) and its override, in file order.
    pub overrides: Vec<(&'static str, StyleOverride)>,
}

impl Default for ThemeConfig {
    fn default() -> Self {
        ThemeConfig {
            base: ThemeName::Dark,
            overrides: Vec::new(),
        }
    }
}

impl ThemeConfig {
    /// The theme to draw with. Without colour it is the monochrome theme whatever the
    /// config names, with the overrides' modifiers kept and their colours dropped.
    pub fn resolve(&self, color: bool) -> Theme {
        let base = if color {
            self.base
        } else {
            ThemeName::Monochrome
        };
        let mut theme = base.theme();
        for (name, o) in &self.overrides {
            if let Some(style) = theme.style_mut(name) {
                o.apply(style);
            }
        }
        if color { theme } else { theme.without_colors() }
    }
}

/// The names a colour may have, as the default config file writes them.
const COLOR_NAMES: &[(&str, Color)] = &[
    ("reset", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("darkgray", Color::DarkGray),
    ("lightred", Color::LightRed),
    ("lightgreen", Color::LightGreen),
    ("lightyellow", Color::LightYellow),
    ("lightblue", Color::LightBlue),
    ("lightmagenta", Color::LightMagenta),
    ("lightcyan", Color::LightCyan),
    ("white", Color::White),
];

/// A colour: a name (`cyan`, `darkgray`, `light-blue`), an index `0`-`255`, or `#rrggbb`.
pub fn parse_color(s: &str) -> Result<Color, String> {
    Color::from_str(s.trim()).map_err(|_| {
        format!("unknown colour `{s}` (a name like `cyan` or `darkgray`, 0-255, or #rrggbb)")
    })
}

/// How the default config file writes a colour.
pub fn color_name(c: Color) -> String {
    match c {
        Color::Indexed(i) => i.to_string(),
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        other => COLOR_NAMES
            .iter()
            .find(|(_, col)| *col == other)
            .map_or_else(|| "reset".to_string(), |(n, _)| (*n).to_string()),
    }
}

const MODIFIER_NAMES: &[(&str, Modifier)] = &[
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("reversed", Modifier::REVERSED),
    ("crossed_out", Modifier::CROSSED_OUT),
    ("slow_blink", Modifier::SLOW_BLINK),
    ("hidden", Modifier::HIDDEN),
];

pub fn parse_modifier(s: &str) -> Result<Modifier, String> {
    let lower = s.trim().to_ascii_lowercase();
    MODIFIER_NAMES
        .iter()
        .find(|(n, _)| *n == lower)
        .map(|&(_, m)| m)
        .ok_or_else(|| {
            let names: Vec<&str> = MODIFIER_NAMES.iter().map(|(n, _)| *n).collect();
            format!("unknown modifier `{s}` (one of {})", names.join(", "))
        })
}

/// A style as the config file writes it: `{ fg = "cyan", modifiers = ["bold"] }`.
pub fn style_spec(style: Style) -> String {
    let mut parts = Vec::new();
    if let Some(fg) = style.fg {
        parts.push(format!("fg = \"{}\"", color_name(fg)));
    }
    if let Some(bg) = style.bg {
        parts.push(format!("bg = \"{}\"", color_name(bg)));
    }
    let mods: Vec<String> = MODIFIER_NAMES
        .iter()
        .filter(|(_, m)| style.add_modifier.contains(*m))
        .map(|(n, _)| format!("\"{n}\""))
        .collect();
    if !mods.is_empty() {
        parts.push(format!("modifiers = [{}]", mods.join(", ")));
    }
    format!("{{ {} }}", parts.join(", "))
}

/// `--color`: whether to use colour.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set
    #[default]
    Auto,
    /// Always colour (even with NO_COLOR)
    Always,
    /// Never colour
    Never,
}

/// Whether to draw in colour. `--color always|never` wins over the environment, as
/// no-color.org asks of command-line flags; `auto` means a terminal and no (non-empty)
/// NO_COLOR.
pub fn color_enabled(choice: ColorChoice, no_color: Option<&std::ffi::OsStr>, tty: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => tty && no_color.is_none_or(|v| v.is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn color_resolution_table() {
        use ColorChoice::*;
        let set = Some(OsStr::new("1"));
        let empty = Some(OsStr::new(""));
        let table = [
            // choice, NO_COLOR, tty, colour
            (Auto, None, true, true),
            (Auto, None, false, false),
            (Auto, set, true, false),
            (Auto, empty, true, true),
            (Auto, set, false, false),
            (Always, set, false, true),
            (Always, None, false, true),
            (Never, None, true, false),
            (Never, empty, true, false),
        ];
        for (choice, no_color, tty, want) in table {
            assert_eq!(
                color_enabled(choice, no_color, tty),
                want,
                "{choice:?} NO_COLOR={no_color:?} tty={tty}"
            );
        }
    }

    #[test]
    fn colours_and_modifiers() {
        assert_eq!(parse_color("cyan"), Ok(Color::Cyan));
        assert_eq!(parse_color("DarkGray"), Ok(Color::DarkGray));
        assert_eq!(parse_color("light-blue"), Ok(Color::LightBlue));
        assert_eq!(parse_color("208"), Ok(Color::Indexed(208)));
        assert_eq!(parse_color("#ff8800"), Ok(Color::Rgb(255, 136, 0)));
        for bad in ["cyann", "#ff88", "256", ""] {
            assert!(parse_color(bad).is_err(), "{bad}");
        }
        for &(_, c) in COLOR_NAMES {
            assert_eq!(parse_color(&color_name(c)), Ok(c));
        }
        assert_eq!(parse_modifier("Bold"), Ok(Modifier::BOLD));
        assert!(parse_modifier("blinky").is_err());
    }

    #[test]
    fn overrides_apply_and_colour_off_keeps_only_modifiers() {
        let config = ThemeConfig {
            base: ThemeName::Light,
            overrides: vec![(
                "chip",
                StyleOverride {
                    fg: Some(Color::Red),
                    bg: None,
                    modifiers: Some(Modifier::UNDERLINED),
                },
            )],
        };
        let light = config.resolve(true);
        assert_eq!(light.chip.fg, Some(Color::Red));
        assert_eq!(light.chip.bg, Theme::light().chip.bg);
        assert_eq!(light.chip.add_modifier, Modifier::UNDERLINED);
        assert_eq!(light.border, Theme::light().border);
        let mono = config.resolve(false);
        assert_eq!(mono.chip, Style::new().add_modifier(Modifier::UNDERLINED));
        assert_eq!(mono.border, Theme::monochrome().border);
    }
}
