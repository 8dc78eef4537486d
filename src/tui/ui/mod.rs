//! Drawing: the layout, then one file per pane and popup. Reads the App; only
//! list offsets, scroll clamps and pane areas are written back.

mod article;
mod dates;
mod headlines;
mod popups;
mod status;
pub mod theme;
mod trends;

pub use popups::loading;
pub use theme::{Theme, ThemeName};

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Borders};

use super::app::{App, Overlay, PaneAreas};

/// Below this the layout cannot show anything useful.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// Below this many columns the panes stack and an opened article takes the screen.
pub const WIDE_WIDTH: u16 = 100;

pub fn render(app: &mut App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        // No article drawn, so no company name to click.
        app.company_hits.clear();
        let quit = app
            .keymap
            .keys_of(crate::tui::action::Action::Quit)
            .first()
            .map_or_else(|| "Ctrl-c".to_string(), crate::tui::keymap::key_label);
        popups::too_small(&app.theme, frame, area, &quit);
        return;
    }
    let bar_rows = match (&app.overlay, &app.query_error) {
        (Overlay::Filter(_), Some(_)) => 2,
        (Overlay::Filter(_), None) => 1,
        _ => 0,
    };
    let [body, bar, status_area] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(bar_rows),
        Constraint::Length(1),
    ])
    .areas(area);

    app.narrow = area.width < WIDE_WIDTH;
    app.areas = pane_areas(app, body);
    let areas = app.areas;
    if areas.dates.height > 0 {
        dates::render(app, frame, areas.dates);
    }
    if areas.headlines.height > 0 {
        headlines::render(app, frame, areas.headlines);
    }
    article::render(app, frame, areas.article);
    if bar_rows > 0 {
        popups::filter_bar(app, frame, bar);
    }
    status::render(app, frame, status_area);
    match &app.overlay {
        Overlay::Help { .. } => popups::help(app, frame, body),
        Overlay::Picker(_) => popups::picker(app, frame, body),
        Overlay::Confirm(bulk) => popups::confirm(&app.theme, frame, body, bulk.articles.len()),
        Overlay::Trends(_) => trends::render(app, frame, body),
        Overlay::None | Overlay::Filter(_) => {}
    }
}

fn pane_areas(app: &App, body: Rect) -> PaneAreas {
    let dates_width = dates::width(app).min(body.width / 3);
    if !app.narrow {
        let [dates, headlines, article] = Layout::horizontal([
            Constraint::Length(dates_width),
            Constraint::Percentage(42),
            Constraint::Min(20),
        ])
        .areas(body);
        return PaneAreas {
            dates,
            headlines,
            article,
        };
    }
    if app.article_fullscreen() {
        return PaneAreas {
            article: body,
            ..PaneAreas::default()
        };
    }
    let [top, article] =
        Layout::vertical([Constraint::Percentage(45), Constraint::Min(3)]).areas(body);
    let [dates, headlines] =
        Layout::horizontal([Constraint::Length(dates_width), Constraint::Min(10)]).areas(top);
    PaneAreas {
        dates,
        headlines,
        article,
    }
}

/// A pane's frame: bordered, its title, highlighted when focused.
fn pane_block<'a>(theme: &Theme, title: &'a str, focused: bool) -> Block<'a> {
    let block = Block::default().borders(Borders::ALL);
    let block = if focused {
        block
            .border_style(theme.border_focused)
            .border_type(theme.focused_border)
    } else {
        block.border_style(theme.border)
    };
    block.title(ratatui::text::Span::styled(
        format!(" {title} "),
        theme.title,
    ))
}

/// First visible row of a list of `len` rows `height` tall, so that `selected` stays on
/// screen, moving as little as possible. A pane that grew shows as many rows as fit: no
/// blank rows below the last one while earlier ones are scrolled off the top.
fn scroll_offset(offset: usize, selected: usize, height: usize, len: usize) -> usize {
    if height == 0 {
        return 0;
    }
    let offset = offset.min(len.saturating_sub(height));
    if selected < offset {
        selected
    } else if selected >= offset + height {
        selected + 1 - height
    } else {
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::scroll_offset;

    #[test]
    fn scroll_offset_keeps_the_selection_and_fills_the_pane() {
        // (offset, selected, height, len) -> offset
        let table = [
            ((0, 0, 5, 10), 0),
            ((0, 7, 5, 10), 3), // down past the bottom: the selection is the last row
            ((3, 4, 5, 10), 3), // within the window: no move
            ((3, 1, 5, 10), 1), // up past the top: the selection is the first row
            ((7, 9, 8, 10), 2), // grown from 3 rows to 8: two rows above, none blank below
            ((7, 9, 40, 10), 0), // grown past the list: everything from the top
            ((5, 5, 0, 10), 0),
            ((4, 0, 5, 0), 0), // an empty list
        ];
        for ((offset, selected, height, len), want) in table {
            assert_eq!(
                scroll_offset(offset, selected, height, len),
                want,
                "{offset} {selected} {height} {len}"
            );
        }
    }
}
