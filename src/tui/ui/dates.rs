//! The date list: "All dates", then each day newest first, with unread/total counts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{pane_block, scroll_offset};
use crate::tui::app::{App, Focus, group_digits};

const DATE_WIDTH: usize = 11; // "24 Jun 2019"

fn counts(unread: usize, total: usize) -> String {
    format!("{}/{}", group_digits(unread), group_digits(total))
}

/// The pane width that fits the widest row.
pub fn width(app: &App) -> u16 {
    let widest = counts(app.unread_total() as usize, app.digest.articles.len()).width();
    (DATE_WIDTH + 1 + widest + 2 + 1) as u16
}

pub fn render(app: &mut App, frame: &mut Frame, area: Rect) {
    let focused = app.focus == Focus::Dates;
    let block = pane_block(&app.theme, "Dates", focused);
    let inner = block.inner(area);
    let height = usize::from(inner.height);
    app.date_offset = scroll_offset(
        app.date_offset,
        app.date_selected,
        height,
        app.days.len() + 1,
    );
    let width = usize::from(inner.width);
    let rows = (app.date_offset..(app.date_offset + height).min(app.days.len() + 1)).map(|i| {
        let (label, unread, total) = match i
            .checked_sub(1)
            .and_then(|d| app.days.get(d).map(|day| (d, day)))
        {
            None => (
                "All dates".to_string(),
                app.unread_total() as usize,
                app.digest.articles.len(),
            ),
            Some((d, day)) => (
                day.date.format("%-d %b %Y").to_string(),
                app.day_unread.get(d).copied().unwrap_or(0) as usize,
                day.len(),
            ),
        };
        let counts = counts(unread, total);
        let pad = width.saturating_sub(label.width() + counts.width());
        let style = if i == app.date_selected {
            if focused {
                app.theme.selected_focused
            } else {
                app.theme.selected
            }
        } else if unread > 0 {
            app.theme.unread
        } else {
            app.theme.read
        };
        Line::from(vec![
            Span::raw(label),
            Span::raw(" ".repeat(pad)),
            Span::styled(
                counts,
                if i == app.date_selected {
                    style
                } else {
                    app.theme.counts
                },
            ),
        ])
        .style(style)
    });
    frame.render_widget(Paragraph::new(rows.collect::<Vec<_>>()).block(block), area);
}
