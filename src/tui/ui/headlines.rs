//! The headline pane: unread marker, date when several days show, headline, companies.

use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};
use unicode_width::UnicodeWidthStr;

use super::{pane_block, scroll_offset};
use crate::tui::app::{App, Focus, group_digits};
use crate::tui::wrap::truncate;

pub fn render(app: &mut App, frame: &mut Frame, area: Rect) {
    let focused = app.focus == Focus::Headlines;
    let title = format!("Headlines {}", group_digits(app.view.len()));
    let block = pane_block(&app.theme, &title, focused);
    let inner = block.inner(area);
    let height = usize::from(inner.height);
    app.headline_offset = scroll_offset(
        app.headline_offset,
        app.headline_selected,
        height,
        app.view.len(),
    );
    let width = usize::from(inner.width);
    // Dates only help when the view spans several days.
    let show_dates = app.date_selected == 0 && app.days.len() > 1;
    let end = (app.headline_offset + height).min(app.view.len());
    let mut lines = Vec::with_capacity(height);
    for row in app.headline_offset..end {
        let Some(&index) = app.view.get(row) else {
            break;
        };
        let Some(article) = app.digest.articles.get(index as usize) else {
            break;
        };
        let read = app.read.is_read(article.id);
        let selected = row == app.headline_selected;
        let base = match (selected, focused) {
            (true, true) => app.theme.selected_focused,
            (true, false) => app.theme.selected,
            (false, _) if read => app.theme.read,
            (false, _) => app.theme.unread,
        };
        let mut spans = vec![if read {
            Span::raw("  ")
        } else {
            Span::styled(
                "● ",
                if selected {
                    base
                } else {
                    app.theme.unread_marker
                },
            )
        }];
        let mut used = 2;
        if show_dates {
            let date = article.date.format("%Y-%m-%d ").to_string();
            used += date.width();
            spans.push(Span::styled(
                date,
                if selected { base } else { app.theme.dim },
            ));
        }
        let full = app.digest.headline(article);
        let headline = truncate(full, width.saturating_sub(used));
        used += headline.width();
        spans.push(Span::raw(headline));
        // The top companies, when the headline leaves room for them.
        let room = width.saturating_sub(used + 2);
        if room >= 8 {
            let names: Vec<&str> = app
                .companies
                .companies_of(index)
                .iter()
                .take(3)
                .map(|&(c, _)| app.companies.name(c))
                .collect();
            if !names.is_empty() {
                let tags = truncate(&names.join(", "), room);
                let pad = width - used - tags.width();
                spans.push(Span::raw(" ".repeat(pad)));
                used += pad + tags.width();
                spans.push(Span::styled(
                    tags,
                    if selected { base } else { app.theme.company },
                ));
            }
        }
        if used < width {
            spans.push(Span::raw(" ".repeat(width - used)));
        }
        lines.push(Line::from(spans).style(base));
    }
    if app.view.is_empty() {
        lines.push(Line::styled(
            "  No articles match. Esc clears the filters.",
            app.theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
    if app.view.len() > height {
        let mut state = ScrollbarState::new(app.view.len().saturating_sub(height))
            .position(app.headline_offset);
        frame.render_stateful_widget(
            Scrollbar::new(ScrollbarOrientation::VerticalRight),
            area.inner(Margin::new(0, 1)),
            &mut state,
        );
    }
}
