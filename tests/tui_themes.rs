//! The themes on screen: snapshots of dark, light and monochrome with a style map under the
//! text (one letter per distinct style, a legend after), and monochrome never showing colour.

mod common;

use common::{drive, sample_app, screen, terminal};
use gazette::tui::App;
use gazette::tui::ui::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

/// The screen, then the same grid with a letter per cell naming its style, then the legend.
fn styled_screen(t: &Terminal<TestBackend>) -> String {
    let buffer = t.backend().buffer();
    let mut styles: Vec<(Color, Color, Modifier)> = Vec::new();
    let mut grid = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            let style = (cell.fg, cell.bg, cell.modifier);
            let i = styles.iter().position(|s| *s == style).unwrap_or_else(|| {
                styles.push(style);
                styles.len() - 1
            });
            grid.push(LETTERS.chars().nth(i).expect("too many styles for the map"));
        }
        grid.push('\n');
    }
    let mut out = screen(t);
    out.push('\n');
    out.push_str(&grid);
    out.push('\n');
    for (i, (fg, bg, m)) in styles.iter().enumerate() {
        let letter = LETTERS.chars().nth(i).unwrap();
        out.push_str(&format!("{letter} = fg {fg:?}, bg {bg:?}, {m:?}\n"));
    }
    out
}

const LETTERS: &str = ".abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

fn themed(theme: Theme) -> App {
    let mut app = sample_app();
    app.theme = theme;
    app
}

/// Reads the first article, then filters by a company and a word and opens an article:
/// read and unread rows, the selection in an unfocused pane, chips, highlights.
const READING: &str = "<Enter><Esc>jcamazon<Enter>/shipping<Enter><Enter>";

/// Wide enough for the three panes side by side.
fn snapshot(name: &str, theme: fn() -> Theme, keys: &str) {
    let mut app = themed(theme());
    let mut t = terminal(100, 26);
    drive(&mut app, &mut t, keys);
    insta::assert_snapshot!(name, styled_screen(&t));
}

#[test]
fn dark_start() {
    snapshot("dark_start_100x26", Theme::dark, "");
}

#[test]
fn dark_reading() {
    snapshot("dark_reading_100x26", Theme::dark, READING);
}

#[test]
fn light_start() {
    snapshot("light_start_100x26", Theme::light, "");
}

#[test]
fn light_reading() {
    snapshot("light_reading_100x26", Theme::light, READING);
}

#[test]
fn monochrome_start() {
    snapshot("monochrome_start_100x26", Theme::monochrome, "");
}

#[test]
fn monochrome_reading() {
    snapshot("monochrome_reading_100x26", Theme::monochrome, READING);
}

#[test]
fn monochrome_dates_focused() {
    snapshot(
        "monochrome_dates_100x26",
        Theme::monochrome,
        "<Enter><Esc>hj",
    );
}

#[test]
fn monochrome_picker() {
    snapshot("monochrome_picker_100x26", Theme::monochrome, "cam");
}

/// Every screen state, at two sizes: not one cell with a colour.
#[test]
fn monochrome_shows_no_colour_anywhere() {
    let states = [
        "",
        READING,
        "?",
        "c",
        "cam",
        "/",
        "/cricket (date:2019",
        "M",
        "<Enter><Esc>jmu",
        "hj",
        "jjjjjjjj<Enter>jjjjj",
    ];
    for keys in states {
        for (w, h) in [(80, 24), (160, 48), (60, 12)] {
            let mut app = themed(Theme::monochrome());
            let mut t = terminal(w, h);
            drive(&mut app, &mut t, keys);
            let buffer = t.backend().buffer();
            for cell in buffer.content() {
                assert!(
                    cell.fg == Color::Reset && cell.bg == Color::Reset,
                    "{keys:?} at {w}x{h}: {:?} on {:?} at {:?}\n{}",
                    cell.fg,
                    cell.bg,
                    cell.symbol(),
                    screen(&t)
                );
            }
        }
    }
}

/// In monochrome the selected headline must stand out by reverse video or bold, the
/// unread ones by their marker.
#[test]
fn monochrome_marks_selection_and_unread_without_colour() {
    let mut app = themed(Theme::monochrome());
    let mut t = terminal(100, 24);
    drive(&mut app, &mut t, "<Enter><Esc>");
    let buffer = t.backend().buffer();
    let area = app.areas.headlines;
    let row = |y: u16| -> String {
        (area.x + 1..area.x + area.width - 1)
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect()
    };
    let first = area.y + 1;
    // The first headline was read and is selected: reversed, no marker.
    assert!(
        buffer[(area.x + 3, first)]
            .modifier
            .contains(Modifier::REVERSED)
    );
    assert!(!row(first).starts_with('●'));
    // The second is unread: the marker, in bold.
    assert!(row(first + 1).starts_with('●'), "{}", row(first + 1));
    assert!(
        buffer[(area.x + 3, first + 1)]
            .modifier
            .contains(Modifier::BOLD)
    );
}
