//! Named styles, in one place.

use ratatui::style::{Color, Modifier, Style};

pub const BORDER: Style = Style::new().fg(Color::DarkGray);
pub const BORDER_FOCUSED: Style = Style::new().fg(Color::Cyan);
pub const TITLE: Style = Style::new().add_modifier(Modifier::BOLD);
pub const SELECTED_FOCUSED: Style = Style::new().add_modifier(Modifier::REVERSED);
pub const SELECTED: Style = Style::new()
    .add_modifier(Modifier::BOLD)
    .bg(Color::DarkGray);
pub const UNREAD: Style = Style::new().add_modifier(Modifier::BOLD);
pub const READ: Style = Style::new().fg(Color::Gray);
pub const UNREAD_MARKER: Style = Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD);
pub const DIM: Style = Style::new().fg(Color::DarkGray);
pub const COUNTS: Style = Style::new().fg(Color::Gray);
pub const COMPANY: Style = Style::new().fg(Color::Yellow);
pub const HEADLINE: Style = Style::new().add_modifier(Modifier::BOLD).fg(Color::White);
pub const META: Style = Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC);
pub const SUBHEAD: Style = Style::new().add_modifier(Modifier::BOLD).fg(Color::Cyan);
pub const STATUS: Style = Style::new().bg(Color::DarkGray).fg(Color::White);
pub const CHIP: Style = Style::new().bg(Color::Blue).fg(Color::White);
pub const HINT_KEY: Style = Style::new()
    .bg(Color::DarkGray)
    .fg(Color::Cyan)
    .add_modifier(Modifier::BOLD);
pub const ERROR: Style = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
pub const MESSAGE: Style = Style::new().bg(Color::DarkGray).fg(Color::Yellow);
pub const WARNING: Style = Style::new().bg(Color::Red).fg(Color::White);
pub const COMPANY_MENTION: Style = Style::new()
    .fg(Color::Yellow)
    .add_modifier(Modifier::UNDERLINED);
pub const QUERY_MATCH: Style = Style::new().fg(Color::Black).bg(Color::Yellow);
/// Company sparklines in the picker.
pub const SPARKLINE: Style = Style::new().fg(Color::Cyan);
/// One colour per company in the trend view, in order.
pub const SERIES: [Style; 6] = [
    Style::new().fg(Color::Cyan),
    Style::new().fg(Color::Yellow),
    Style::new().fg(Color::Magenta),
    Style::new().fg(Color::Green),
    Style::new().fg(Color::LightRed),
    Style::new().fg(Color::LightBlue),
];
