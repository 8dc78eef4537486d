//! Popups and bars drawn over the panes: help, company picker, confirm, filter bar, too-small.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui_textarea::TextArea;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::companies::Timeline;
use crate::companies::trends::{resample, sparkline};
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay, group_digits};
use crate::tui::keymap::{Context, key_label, keys_text};
use crate::tui::wrap::truncate;

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

fn popup_block<'a>(theme: &Theme, title: &'a str) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focused)
        .border_type(theme.focused_border)
        .title(Span::styled(format!(" {title} "), theme.title))
}

pub fn too_small(theme: &Theme, frame: &mut Frame, area: Rect, quit_keys: &str) {
    let text = vec![
        Line::styled("Terminal too small", theme.error),
        Line::raw(format!(
            "{}x{}, need {}x{}",
            area.width,
            area.height,
            super::MIN_WIDTH,
            super::MIN_HEIGHT
        )),
        Line::raw(format!("{quit_keys} quits")),
    ];
    let rect = centered(area, area.width, 3);
    frame.render_widget(Paragraph::new(text).centered(), rect);
}

/// Popup-only keys, listed in help after the keymap's rows.
const POPUP_KEYS: &[(&str, &str)] = &[
    (
        "Enter",
        "filter bar: keep the filter · picker: add or remove the chip",
    ),
    ("Esc", "filter bar: cancel · popups: close"),
    ("↑ ↓", "picker: move through the companies"),
    ("Ctrl-t", "picker: trend of the company under the cursor"),
    ("← → h l", "trends: move the cursor through time"),
    ("Esc q t", "trends: close"),
    ("y / n", "confirm or refuse a bulk mark"),
];

/// The help overlay. Its scroll is clamped here, where the wrapped height is known: it
/// stops at the last line, and a taller terminal shows the lines above again.
pub fn help(app: &mut App, frame: &mut Frame, area: Rect) {
    let Overlay::Help { scroll } = app.overlay else {
        return;
    };
    let theme = &app.theme;
    let keys_width = 18;
    let mut lines = vec![Line::styled("Keys", theme.title)];
    // The user's keys, from the config file when it rebinds them.
    for (b, keys) in app.keymap.rows() {
        let scope = match b.context {
            Context::Browse => "",
            Context::Article => " (article view)",
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{:<keys_width$}", keys_text(keys)), theme.subhead),
            Span::raw(format!("{}{scope}", b.help)),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("In popups", theme.title));
    for (k, h) in POPUP_KEYS {
        lines.push(Line::from(vec![
            Span::styled(format!("{k:<keys_width$}"), theme.subhead),
            Span::raw(*h),
        ]));
    }
    let first = |action| {
        app.keymap
            .keys_of(action)
            .first()
            .map_or_else(String::new, key_label)
    };
    let title = format!(
        "Help · {}/{} scroll · any other key closes",
        first(Action::MoveDown),
        first(Action::MoveUp)
    );
    let block = popup_block(theme, &title);
    let text = Paragraph::new(lines).wrap(Wrap { trim: false });
    let width = 90.min(area.width);
    let rows = text.line_count(width.saturating_sub(2));
    let rect = centered(area, width, u16::try_from(rows + 2).unwrap_or(u16::MAX));
    let inner = usize::from(rect.height.saturating_sub(2));
    let max_scroll = u16::try_from(rows.saturating_sub(inner)).unwrap_or(u16::MAX);
    let scroll = scroll.min(max_scroll);
    frame.render_widget(Clear, rect);
    frame.render_widget(text.block(block).scroll((scroll, 0)), rect);
    app.overlay = Overlay::Help { scroll };
}

pub fn picker(app: &App, frame: &mut Frame, area: Rect) {
    let Overlay::Picker(picker) = &app.overlay else {
        return;
    };
    // Sparklines only when the digest spans more than one bucket; the popup widens for them.
    let timeline = Timeline::new(&app.digest);
    let trends = timeline.len() >= 2;
    let popup_width = if trends {
        (area.width * 3 / 5).clamp(74, 130)
    } else {
        50
    };
    let rect = centered(area, popup_width, area.height.saturating_sub(4).max(8));
    frame.render_widget(Clear, rect);
    let typed = picker.input.lines().join(" ");
    let rows = app.picker_rows(&typed);
    let selected = picker.selected.min(rows.len().saturating_sub(1));
    let mut block = popup_block(&app.theme, "Companies");
    // What Enter does to the company under the cursor.
    if let Some(row) = rows.get(selected) {
        let enter = if app.company_filter.contains(&row.company) {
            " Enter removes the chip "
        } else {
            " Enter adds a chip "
        };
        block = block.title_bottom(Line::styled(enter, app.theme.dim));
    }
    if trends {
        block = block.title_bottom(
            Line::styled(
                format!(
                    " {} to {}, per {} · Ctrl-t trend ",
                    timeline.label(0),
                    timeline.label(timeline.len() - 1),
                    timeline.bucket().name()
                ),
                app.theme.dim,
            )
            .right_aligned(),
        );
    }
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [input_area, list_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    render_input(&app.theme, frame, &picker.input, input_area);
    let height = usize::from(list_area.height);
    let offset = selected.saturating_sub(height.saturating_sub(1));
    let width = usize::from(list_area.width);
    let shown = rows.iter().skip(offset).take(height);
    let count_width = shown
        .clone()
        .map(|r| group_digits(r.count).len())
        .max()
        .unwrap_or(0);
    let spark_width = if trends {
        sparkline_width(width, count_width, timeline.len())
    } else {
        0
    };
    let chips = !app.company_filter.is_empty();
    let mut lines: Vec<Line> = shown
        .enumerate()
        .map(|(i, row)| {
            let count = group_digits(row.count);
            let spark = if spark_width > 0 {
                let counts = resample(&timeline.company(&app.companies, row.company), spark_width);
                format!("{} ", sparkline(&counts))
            } else {
                String::new()
            };
            let spark_len = spark.chars().count();
            // With chips, a gutter marks the companies that are one (Enter removes them).
            let mark = match (chips, app.company_filter.contains(&row.company)) {
                (false, _) => "",
                (true, true) => "✓ ",
                (true, false) => "  ",
            };
            let room = width.saturating_sub(mark.width() + count_width + spark_len + 1);
            let name = truncate(app.companies.name(row.company), room);
            // The alias the typed text was found in, when there is room after the name.
            let alias = row.alias.map_or_else(String::new, |alias| {
                truncate(&format!(" ({alias})"), room.saturating_sub(name.width()))
            });
            let pad = width.saturating_sub(
                mark.width() + name.width() + alias.width() + spark_len + count.len(),
            );
            let style = if offset + i == selected {
                app.theme.selected_focused
            } else {
                ratatui::style::Style::default()
            };
            Line::from(vec![
                Span::styled(mark, app.theme.chip),
                Span::raw(name),
                Span::styled(alias, app.theme.dim),
                Span::raw(" ".repeat(pad)),
                Span::styled(spark, app.theme.sparkline),
                Span::styled(count, app.theme.counts),
            ])
            .style(style)
        })
        .collect();
    if lines.is_empty() {
        let why = if app
            .indexing
            .is_some_and(|p| p.stage == crate::tui::app::Stage::Companies)
        {
            "Companies are being indexed; a moment…"
        } else {
            "No companies match"
        };
        lines.push(Line::styled(why, app.theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), list_area);
}

/// Names get at least this many columns before a sparkline gets any.
const PICKER_NAME_MIN: usize = 18;
const SPARKLINE_MAX: usize = 60;
const SPARKLINE_MIN: usize = 8;

/// Columns for the picker's sparklines in a row `width` wide: at most half the row, or
/// 0 when they would squeeze the names (or be too short to show a shape).
fn sparkline_width(width: usize, count_width: usize, buckets: usize) -> usize {
    let room = width.saturating_sub(PICKER_NAME_MIN + 1 + count_width + 1);
    let w = room.min(width / 2).min(SPARKLINE_MAX).min(buckets);
    if w >= SPARKLINE_MIN.min(buckets) && w >= 2 {
        w
    } else {
        0
    }
}

pub fn confirm(theme: &Theme, frame: &mut Frame, area: Rect, count: usize) {
    let text = vec![
        Line::raw(format!("Mark {} articles read?", group_digits(count))),
        Line::raw(""),
        Line::from(vec![
            Span::styled(" y ", theme.hint_key),
            Span::raw(" yes   "),
            Span::styled(" n ", theme.hint_key),
            Span::raw(" no"),
        ]),
    ];
    let rect = centered(area, 40, 5);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(text)
            .centered()
            .block(popup_block(theme, "Confirm")),
        rect,
    );
}

pub fn filter_bar(app: &App, frame: &mut Frame, area: Rect) {
    let Overlay::Filter(filter) = &app.overlay else {
        return;
    };
    let [input_row, error_row] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
    let [prompt, input] =
        Layout::horizontal([Constraint::Length(2), Constraint::Min(1)]).areas(input_row);
    frame.render_widget(Paragraph::new(Span::styled("/", app.theme.title)), prompt);
    render_input(&app.theme, frame, &filter.input, input);
    if let Some(error) = &app.query_error {
        frame.render_widget(
            Paragraph::new(Span::styled(error.as_str(), app.theme.error)),
            error_row,
        );
    }
}

/// The screen while the digest loads.
pub fn loading(
    theme: &Theme,
    frame: &mut Frame,
    label: &str,
    quit_keys: &str,
    elapsed: std::time::Duration,
) {
    const SPINNER: [&str; 4] = ["◐", "◓", "◑", "◒"];
    let area = frame.area();
    let tick = (elapsed.as_millis() / 100) as usize % SPINNER.len();
    let text = vec![
        Line::styled("gazette", theme.title),
        Line::raw(""),
        Line::raw(format!("{} Loading {label}", SPINNER[tick])),
        Line::styled(
            format!("{:.1} s · {quit_keys} quits", elapsed.as_secs_f64()),
            theme.dim,
        ),
    ];
    frame.render_widget(
        Paragraph::new(text).centered(),
        centered(area, area.width, 4),
    );
}

/// A text input in the theme's styles (the widget's own placeholder and selection
/// styles are colours, which monochrome must not show). The clone is a few short strings.
fn render_input(theme: &Theme, frame: &mut Frame, input: &TextArea<'static>, area: Rect) {
    let mut input = input.clone();
    input.set_placeholder_style(theme.dim);
    input.set_selection_style(theme.selected_focused);
    frame.render_widget(&input, area);
}

#[cfg(test)]
mod tests {
    use super::sparkline_width;

    #[test]
    fn sparklines_take_at_most_half_the_row_and_never_squeeze_names() {
        // (row width, count width, buckets) -> sparkline columns
        let table = [
            ((72, 7, 120), 36),
            ((128, 7, 120), 60),
            ((48, 3, 120), 24),
            ((38, 3, 120), 15),
            ((30, 3, 120), 0), // 7 columns would be too short to show a shape
            ((72, 7, 5), 5),   // fewer buckets than room: one column each
            ((72, 7, 1), 0),   // one bucket has no shape
        ];
        for ((width, count, buckets), want) in table {
            assert_eq!(
                sparkline_width(width, count, buckets),
                want,
                "{width} {count} {buckets}"
            );
        }
    }
}
