//! The status bar: active filters as chips, counts, a message, and key hints from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::state::Persistence;
use crate::tui::action::Action;
use crate::tui::app::{App, Stage, group_digits};
use crate::tui::keymap::key_label;

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let mut left: Vec<Span> = Vec::new();
    if let Persistence::MemoryOnly { .. } = app.read.persistence() {
        left.push(Span::styled(
            " marks not saved (memory only) ",
            app.theme.warning,
        ));
        left.push(Span::raw(" "));
    }
    if let Some(p) = app.indexing {
        let text = match p.stage {
            Stage::Companies => format!(
                " indexing companies {} / {} ",
                group_digits(p.done),
                group_digits(p.total)
            ),
            Stage::Words => format!(" indexing words of {} articles… ", group_digits(p.total)),
        };
        left.push(Span::styled(text, app.theme.message));
        left.push(Span::raw(" "));
    }
    if let Some(day) = app.selected_day() {
        left.push(Span::styled(
            format!(" {} ", day.date.format("%-d %b %Y")),
            app.theme.chip,
        ));
        left.push(Span::raw(" "));
    }
    for &company in &app.company_filter {
        left.push(Span::styled(
            format!(" @{} ", app.companies.name(company)),
            app.theme.chip,
        ));
        left.push(Span::raw(" "));
    }
    if !app.filter_text.is_empty() {
        left.push(Span::styled(
            format!(" /{} ", app.filter_text),
            app.theme.chip,
        ));
        left.push(Span::raw(" "));
    }
    if app.unread_only {
        left.push(Span::styled(" unread only ", app.theme.chip));
        left.push(Span::raw(" "));
    }
    let unread_in_view = app.view.iter().filter(|&&a| !app.is_read(a)).count();
    left.push(Span::raw(format!(
        "{} of {} · {} unread",
        group_digits(app.view.len()),
        group_digits(app.digest.articles.len()),
        group_digits(unread_in_view)
    )));
    let hint = match app.indexing {
        Some(p) if p.stage == Stage::Companies && app.filter.uses_companies() => {
            Some("company index still building: results update when ready")
        }
        _ if app.word_search_waiting => Some("word index still building: Enter searches now"),
        _ => None,
    };
    if let Some(message) = app.message.as_deref().or(hint) {
        left.push(Span::raw("  "));
        left.push(Span::styled(format!(" {message} "), app.theme.message));
    }
    let used: usize = left.iter().map(|s| s.content.width()).sum();
    let mut hints: Vec<Span> = Vec::new();
    let mut hints_width = 0;
    // The user's keys: hints follow the config file's bindings.
    for (b, keys) in app.keymap.rows() {
        let (Some(hint), Some(key)) = (b.hint, keys.first()) else {
            continue;
        };
        // A key that would do nothing now is not worth the room.
        if b.action == Action::RemoveLastCompany && app.company_filter.is_empty() {
            continue;
        }
        let key = format!(" {} ", key_label(key));
        let w = key.width() + hint.width() + 1;
        if used + hints_width + w + 2 > usize::from(area.width) {
            break;
        }
        hints_width += w;
        hints.push(Span::styled(key, app.theme.hint_key));
        hints.push(Span::raw(format!("{hint} ")));
    }
    let pad = usize::from(area.width).saturating_sub(used + hints_width);
    left.push(Span::raw(" ".repeat(pad)));
    left.extend(hints);
    frame.render_widget(
        Paragraph::new(Line::from(left)).style(app.theme.status),
        area,
    );
}
