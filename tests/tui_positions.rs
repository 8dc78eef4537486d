//! Reading positions in the reader: an article reopens where it was left (in this session,
//! the next one, and at another width), and `mark_read_at_end` waits for the last line.

mod common;

use common::{draw, drive, parse_keys, sample_app, sample_app_with_state_dir, terminal};
use gazette::state::{Position, StateFile};
use gazette::tui::App;
use gazette::tui::app::Focus;
use gazette::tui::article_text::article_blocks;
use gazette::tui::position::position_at;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The Facebook article: the longest in the sample (index 8, the ninth headline).
const LONG: &str = "jjjjjjjj";
/// A short article (index 4).
const SHORT: &str = "jjjj";

/// The text of the article pane's first inner row, trimmed (scrollbar column left out).
fn top_row(app: &App, t: &Terminal<TestBackend>) -> String {
    let area = app.areas.article;
    let buffer = t.backend().buffer();
    (area.x + 1..area.x + area.width - 2)
        .map(|x| buffer[(x, area.y + 1)].symbol())
        .collect::<String>()
        .trim()
        .to_string()
}

/// Where the view's top is, as the state file would store it.
fn position_now(app: &App) -> Option<Position> {
    let a = app.selected_article().unwrap();
    let blocks = article_blocks(&app.digest, &app.companies, a);
    position_at(&blocks, app.areas.article.width - 3, app.article_scroll)
}

fn saved_position(app: &App, article: u32) -> Option<Position> {
    app.read.position(app.digest.articles[article as usize].id)
}

#[test]
fn an_article_reopens_where_it_was_left() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, &format!("{LONG}<Enter>jjjjjjjjjjjj"));
    assert_eq!(app.selected_article(), Some(8));
    assert_eq!(app.article_scroll, 12);
    let left_at = top_row(&app, &t);
    assert!(!left_at.is_empty());
    assert!(saved_position(&app, 8).is_some());

    // Another article opens at its top.
    drive(&mut app, &mut t, "<Esc>k<Enter>");
    assert_eq!(app.selected_article(), Some(7));
    assert_eq!(app.article_scroll, 0);
    // Back: the same line on top, whether previewed from the headlines or opened.
    drive(&mut app, &mut t, "<Esc>j");
    assert_eq!(app.article_scroll, 12);
    assert_eq!(top_row(&app, &t), left_at);
    drive(&mut app, &mut t, "<Enter>");
    assert_eq!(app.focus, Focus::Article);
    assert_eq!(app.article_scroll, 12);
    assert_eq!(top_row(&app, &t), left_at);
}

#[test]
fn jumping_and_clicking_restore_positions_too() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    // Left part-read and marked unread again (`m`), so `n` stops at it.
    drive(
        &mut app,
        &mut t,
        &format!("{LONG}<Enter>jjjjjjjm<Esc>gjj<Enter>"),
    );
    assert!(!app.is_read(8));
    assert_eq!(app.selected_article(), Some(2));
    // `n` in the article view opens the next unread: 3, 4, ... 8.
    for _ in 3..=8 {
        drive(&mut app, &mut t, "n");
    }
    assert_eq!(app.selected_article(), Some(8));
    assert_eq!(app.article_scroll, 7);

    drive(&mut app, &mut t, "<Esc>g");
    let row = app.areas.headlines.y + 1 + 8;
    app.handle_mouse(ratatui::crossterm::event::MouseEvent {
        kind: ratatui::crossterm::event::MouseEventKind::Down(
            ratatui::crossterm::event::MouseButton::Left,
        ),
        column: app.areas.headlines.x + 2,
        row,
        modifiers: ratatui::crossterm::event::KeyModifiers::NONE,
    });
    assert_eq!(app.selected_article(), Some(8));
    assert_eq!(app.article_scroll, 7);
}

#[test]
fn positions_are_saved_with_the_marks_and_restored_in_the_next_session() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, &format!("{LONG}<Enter><C-d>jj"));
    let scroll = app.article_scroll;
    assert!(scroll > 5, "{scroll}");
    let left_at = top_row(&app, &t);
    assert!(
        app.read.has_pending(),
        "the position waits for the debounced save"
    );
    app.tick(std::time::Instant::now() + std::time::Duration::from_secs(2));
    assert!(
        !app.read.has_pending(),
        "saved by the save timer, like marks"
    );

    let gazette::state::Persistence::Disk(path) = app.read.persistence().clone() else {
        panic!("state on disk expected");
    };
    let file = StateFile::parse(&std::fs::read(&path).unwrap()).unwrap();
    let id = app.digest.articles[8].id;
    assert_eq!(file.positions[&id].position, position_now(&app).unwrap());
    assert!(
        file.read.contains_key(&id),
        "marks and positions share the file"
    );

    let mut next = sample_app_with_state_dir(&app);
    let mut t2 = terminal(120, 40);
    drive(&mut next, &mut t2, &format!("{LONG}<Enter>"));
    assert_eq!(next.article_scroll, scroll);
    assert_eq!(top_row(&next, &t2), left_at);
}

#[test]
fn another_width_keeps_the_same_paragraph_on_top() {
    let mut app = sample_app();
    let mut narrow = terminal(80, 24);
    // Full screen at 80 columns: scroll well into the body.
    drive(
        &mut app,
        &mut narrow,
        &format!("{LONG}<Enter>{}", "j".repeat(30)),
    );
    let before = position_now(&app).unwrap();
    assert!(before.paragraph >= 3, "{before:?}");
    let paragraph: String = app
        .digest
        .paragraphs(&app.digest.articles[8])
        .nth(before.paragraph as usize)
        .unwrap()
        .to_string();

    // The same window, resized: the paragraph stays on top.
    let mut wide = terminal(200, 50);
    draw(&mut app, &mut wide);
    let after = position_now(&app).unwrap();
    assert_eq!(after.paragraph, before.paragraph);
    let row = top_row(&app, &wide);
    assert!(
        row.is_empty() || paragraph.contains(&row),
        "{row:?} not in {paragraph:?}"
    );
    // And back: the very line it started from.
    draw(&mut app, &mut narrow);
    assert_eq!(position_now(&app), Some(before));

    // A later session in a wider window opens it at the same paragraph.
    app.save_now();
    let mut next = sample_app_with_state_dir(&app);
    let mut t = terminal(160, 48);
    drive(&mut next, &mut t, &format!("{LONG}<Enter>"));
    assert_eq!(position_now(&next).unwrap().paragraph, before.paragraph);
}

#[test]
fn an_article_read_to_the_end_forgets_its_position() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, &format!("{LONG}<Enter>jjjjjjjjjj"));
    assert!(saved_position(&app, 8).is_some());
    drive(&mut app, &mut t, "G");
    assert!(app.article_end_on_screen());
    assert_eq!(saved_position(&app, 8), None);
    drive(&mut app, &mut t, "<Esc>kj");
    assert_eq!(app.article_scroll, 0, "reopens at the top");
    // Scrolling back to the top forgets it too: nothing to remember there.
    drive(&mut app, &mut t, "<Enter>jjjjjjjj");
    assert!(saved_position(&app, 8).is_some());
    drive(&mut app, &mut t, "g");
    assert_eq!(saved_position(&app, 8), None);
}

#[test]
fn changing_the_filter_keeps_the_scroll_of_the_article_still_selected() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    // Marked unread again (`m`), so unread-only keeps it in the view.
    drive(&mut app, &mut t, &format!("{LONG}<Enter>jjjjjm"));
    assert_eq!(app.article_scroll, 5);
    drive(&mut app, &mut t, "u");
    assert!(app.unread_only);
    assert_eq!(app.selected_article(), Some(8));
    assert_eq!(app.article_scroll, 5);
}

// ----- mark read only at the end ----------------------------------------

fn at_end_app() -> App {
    let mut app = sample_app();
    app.options.mark_read_at_end = true;
    app
}

#[test]
fn without_the_option_opening_marks_read() {
    let mut app = sample_app();
    let mut t = terminal(160, 48);
    drive(&mut app, &mut t, &format!("{LONG}<Enter>"));
    assert!(app.is_read(8));
}

#[test]
fn a_short_article_that_fits_is_read_on_opening() {
    let mut app = at_end_app();
    let mut t = terminal(160, 48);
    drive(&mut app, &mut t, SHORT);
    assert!(
        app.article_end_on_screen(),
        "the sample's article 4 fits at 160x48"
    );
    assert!(
        !app.is_read(4),
        "a preview from the headlines is not reading"
    );
    drive(&mut app, &mut t, "<Enter>");
    assert!(app.is_read(4));
}

#[test]
fn a_long_article_is_read_only_once_its_end_has_been_shown() {
    let mut app = at_end_app();
    let mut t = terminal(160, 48);
    drive(&mut app, &mut t, &format!("{LONG}<Enter>"));
    assert!(!app.is_read(8));
    drive(&mut app, &mut t, "<C-d>jjj");
    assert!(!app.is_read(8));
    assert!(!app.article_end_on_screen());
    drive(&mut app, &mut t, "G");
    assert!(app.is_read(8));
    assert_eq!(app.unread_total(), 9);
}

#[test]
fn space_reads_on_and_marks_each_article_as_its_end_comes() {
    let mut app = at_end_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, &format!("{LONG}<Enter>"));
    let mut pages = 0;
    while app.selected_article() == Some(8) {
        assert!(!app.is_read(8) || app.article_end_on_screen());
        drive(&mut app, &mut t, "<Space>");
        pages += 1;
        assert!(pages < 30, "never left the article");
    }
    assert!(app.is_read(8));
    // Space at the end moved on to article 9 (long): not read until its end shows.
    assert_eq!(app.selected_article(), Some(9));
    assert!(!app.is_read(9));
}

#[test]
fn the_full_screen_article_of_a_narrow_terminal_counts_once_drawn() {
    let mut app = at_end_app();
    // Narrow (under 100 columns): the panes stack; an opened article takes the screen.
    let mut t = terminal(99, 40);
    drive(&mut app, &mut t, SHORT);
    assert!(
        !app.article_end_on_screen(),
        "the stacked pane is too short for it"
    );
    for key in parse_keys("<Enter>") {
        app.handle_key(key);
    }
    assert!(!app.is_read(4), "not drawn full screen yet");
    draw(&mut app, &mut t);
    assert!(app.article_fullscreen());
    assert!(app.is_read(4), "the full-screen frame showed its end");
    // ... and the frame on screen already says so (redrawn after the mark).
    assert!(
        common::screen(&t).contains("9 unread"),
        "{}",
        common::screen(&t)
    );
}

#[test]
fn next_unread_in_the_article_view_waits_for_the_end_too() {
    let mut app = at_end_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, &format!("{}<Enter>", "j".repeat(7)));
    drive(&mut app, &mut t, "n");
    assert_eq!(app.selected_article(), Some(8));
    assert!(!app.is_read(8));
}

#[test]
fn with_neither_option_opening_never_marks() {
    let mut app = sample_app();
    app.options.mark_read_on_open = false;
    let mut t = terminal(160, 48);
    drive(&mut app, &mut t, &format!("{SHORT}<Enter>nG"));
    assert_eq!(app.unread_total(), 10);
}
