//! Named styles, in one place: the `Theme` the UI draws with, and the built-in themes.

use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::BorderType;

/// Declares the theme's styles once: the struct fields, their config names and their help.
macro_rules! styles {
    ($($name:ident: $help:literal),* $(,)?) => {
        /// Every style the UI draws with. The config file may override each one by its name.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Theme {
            $(#[doc = $help] pub $name: Style,)*
            /// The focused pane's frame (monochrome draws it thick, since its colour cannot show).
            pub focused_border: BorderType,
        }

        impl Theme {
            /// Each style's config name and what it is for, in the order of the struct.
            pub const STYLES: &[(&str, &str)] = &[$((stringify!($name), $help)),*];

            pub fn style(&self, name: &str) -> Option<Style> {
                match name {
                    $(stringify!($name) => Some(self.$name),)*
                    _ => None,
                }
            }

            pub fn style_mut(&mut self, name: &str) -> Option<&mut Style> {
                match name {
                    $(stringify!($name) => Some(&mut self.$name),)*
                    _ => None,
                }
            }
        }
    };
}

styles! {
    border: "pane borders",
    border_focused: "the focused pane's border, popups' borders",
    title: "pane and popup titles",
    selected_focused: "the selected row in the focused pane, the picker's row",
    selected: "the selected row in another pane",
    unread: "unread headlines, days with unread articles",
    read: "read headlines and days",
    unread_marker: "the ● before an unread headline",
    dim: "placeholders, empty-pane notes, the article's position",
    counts: "unread/total counts",
    company: "companies beside a headline",
    headline: "the article's headline",
    meta: "the article's date, source and companies",
    subhead: "subheads in the article, keys in the help",
    status: "the status bar",
    chip: "active filters in the status bar",
    hint_key: "keys in the status-bar hints",
    error: "errors (a malformed query)",
    message: "messages in the status bar",
    warning: "warnings in the status bar (marks not saved)",
    company_mention: "company names in the article",
    query_match: "the filter's words in the article",
    sparkline: "company sparklines in the picker",
    series_1: "the first company in the trend view",
    series_2: "the second company in the trend view",
    series_3: "the third company in the trend view",
    series_4: "the fourth company in the trend view",
    series_5: "the fifth company in the trend view",
    series_6: "the sixth company in the trend view",
}

impl Default for Theme {
    fn default() -> Self {
        Theme::dark()
    }
}

/// The built-in themes, by the name the config file uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    Dark,
    Light,
    Monochrome,
}

impl ThemeName {
    pub const ALL: [(&str, ThemeName); 3] = [
        ("dark", ThemeName::Dark),
        ("light", ThemeName::Light),
        ("monochrome", ThemeName::Monochrome),
    ];

    pub fn parse(name: &str) -> Option<ThemeName> {
        Self::ALL
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|&(_, t)| t)
    }

    pub fn theme(self) -> Theme {
        match self {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
            ThemeName::Monochrome => Theme::monochrome(),
        }
    }
}

const fn fg(color: Color) -> Style {
    Style::new().fg(color)
}

const fn bold() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

impl Theme {
    /// For dark terminals; gazette's look since the first release.
    pub const fn dark() -> Theme {
        Theme {
            border: fg(Color::DarkGray),
            border_focused: fg(Color::Cyan),
            title: bold(),
            selected_focused: Style::new().add_modifier(Modifier::REVERSED),
            selected: bold().bg(Color::DarkGray),
            unread: bold(),
            read: fg(Color::Gray),
            unread_marker: bold().fg(Color::Cyan),
            dim: fg(Color::DarkGray),
            counts: fg(Color::Gray),
            company: fg(Color::Yellow),
            headline: bold().fg(Color::White),
            meta: fg(Color::Gray).add_modifier(Modifier::ITALIC),
            subhead: bold().fg(Color::Cyan),
            status: Style::new().bg(Color::DarkGray).fg(Color::White),
            chip: Style::new().bg(Color::Blue).fg(Color::White),
            hint_key: bold().bg(Color::DarkGray).fg(Color::Cyan),
            error: bold().fg(Color::Red),
            message: Style::new().bg(Color::DarkGray).fg(Color::Yellow),
            warning: Style::new().bg(Color::Red).fg(Color::White),
            company_mention: fg(Color::Yellow).add_modifier(Modifier::UNDERLINED),
            query_match: Style::new().fg(Color::Black).bg(Color::Yellow),
            sparkline: fg(Color::Cyan),
            series_1: fg(Color::Cyan),
            series_2: fg(Color::Yellow),
            series_3: fg(Color::Magenta),
            series_4: fg(Color::Green),
            series_5: fg(Color::LightRed),
            series_6: fg(Color::LightBlue),
            focused_border: BorderType::Plain,
        }
    }

    /// For light terminals: dark text, no yellow or white on the page.
    pub const fn light() -> Theme {
        Theme {
            border: fg(Color::Gray),
            border_focused: fg(Color::Blue),
            title: bold(),
            selected_focused: Style::new().add_modifier(Modifier::REVERSED),
            selected: bold().bg(Color::Gray),
            unread: bold(),
            read: fg(Color::DarkGray),
            unread_marker: bold().fg(Color::Blue),
            dim: fg(Color::DarkGray),
            counts: fg(Color::DarkGray),
            company: fg(Color::Magenta),
            headline: bold().fg(Color::Black),
            meta: fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
            subhead: bold().fg(Color::Blue),
            status: Style::new().bg(Color::Gray).fg(Color::Black),
            chip: Style::new().bg(Color::Blue).fg(Color::White),
            hint_key: bold().bg(Color::Gray).fg(Color::Blue),
            error: bold().fg(Color::Red),
            message: Style::new().bg(Color::Gray).fg(Color::Magenta),
            warning: Style::new().bg(Color::Red).fg(Color::White),
            company_mention: fg(Color::Magenta).add_modifier(Modifier::UNDERLINED),
            query_match: Style::new().fg(Color::Black).bg(Color::LightYellow),
            sparkline: fg(Color::Blue),
            series_1: fg(Color::Blue),
            series_2: fg(Color::Magenta),
            series_3: fg(Color::Red),
            series_4: fg(Color::Green),
            series_5: fg(Color::DarkGray),
            series_6: fg(Color::Cyan),
            focused_border: BorderType::Plain,
        }
    }

    /// No colour at all (NO_COLOR, `--color never`): selection is reverse video, unread
    /// is bold with its ● marker, chips and matches are reversed or underlined, and the
    /// focused pane has a thick frame.
    pub const fn monochrome() -> Theme {
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        let dim = Style::new().add_modifier(Modifier::DIM);
        Theme {
            border: Style::new(),
            border_focused: bold(),
            title: bold(),
            selected_focused: reversed,
            selected: bold().add_modifier(Modifier::UNDERLINED),
            unread: bold(),
            read: Style::new(),
            unread_marker: bold(),
            dim,
            counts: Style::new(),
            company: Style::new().add_modifier(Modifier::ITALIC),
            headline: bold(),
            meta: Style::new().add_modifier(Modifier::ITALIC),
            subhead: bold().add_modifier(Modifier::UNDERLINED),
            status: Style::new(),
            chip: reversed,
            hint_key: bold().add_modifier(Modifier::REVERSED),
            error: bold(),
            message: bold(),
            warning: bold().add_modifier(Modifier::REVERSED),
            company_mention: Style::new().add_modifier(Modifier::UNDERLINED),
            query_match: reversed,
            sparkline: Style::new(),
            // Chart lines cannot differ by colour here: the legend and readout name them.
            series_1: bold(),
            series_2: Style::new(),
            series_3: Style::new().add_modifier(Modifier::ITALIC),
            series_4: bold().add_modifier(Modifier::ITALIC),
            series_5: dim,
            series_6: Style::new().add_modifier(Modifier::UNDERLINED),
            focused_border: BorderType::Thick,
        }
    }

    /// The style of the `i`th company in the trend view (they repeat after six).
    pub fn series(&self, i: usize) -> Style {
        match i % 6 {
            0 => self.series_1,
            1 => self.series_2,
            2 => self.series_3,
            3 => self.series_4,
            4 => self.series_5,
            _ => self.series_6,
        }
    }

    /// The same styles with every colour dropped (what `--color never` does to the
    /// user's overrides on top of the monochrome theme).
    pub fn without_colors(mut self) -> Theme {
        for (name, _) in Self::STYLES {
            if let Some(style) = self.style_mut(name) {
                style.fg = None;
                style.bg = None;
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_has_no_colour_and_every_style_name_resolves() {
        let mono = Theme::monochrome();
        for (name, help) in Theme::STYLES {
            assert!(!help.is_empty());
            let style = mono.style(name).unwrap();
            assert_eq!((style.fg, style.bg), (None, None), "{name}");
        }
        assert_eq!(mono.clone().without_colors(), mono);
    }

    #[test]
    fn selection_differs_from_plain_rows_in_monochrome() {
        let mono = Theme::monochrome();
        for style in [
            mono.selected_focused,
            mono.selected,
            mono.chip,
            mono.query_match,
        ] {
            assert_ne!(style, Style::new());
        }
        assert_ne!(mono.unread, mono.read);
    }

    #[test]
    fn without_colors_keeps_modifiers() {
        let dark = Theme::dark().without_colors();
        assert_eq!(dark.selected, bold());
        assert_eq!(dark.border, Style::new());
    }
}
