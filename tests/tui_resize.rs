//! Growing the terminal: every scrolled view (dates, headlines, article, picker, help)
//! shows as many rows as now fit, with the selection still on screen.

mod common;

use chrono::{Days, NaiveDate};
use common::{draw, drive, sample_app, screen, terminal};
use gazette::companies::{CompanyIndex, KnownCompanies};
use gazette::digest::load::build;
use gazette::digest::render::push_article;
use gazette::digest::{Source, load_sample};
use gazette::tui::App;
use gazette::tui::app::{Focus, Overlay};

/// The sample's first article on each of `days` days.
fn app_over_days(days: u64) -> App {
    let sample = load_sample().digest;
    let article = &sample.articles[0];
    let base = NaiveDate::from_ymd_opt(2019, 6, 1).unwrap();
    let mut text = String::new();
    for day in 0..days {
        push_article(
            &mut text,
            base + Days::new(day),
            sample.headline(article),
            sample.paragraphs(article),
        );
    }
    let digest = build(vec![Source::from_string("t.txt", text)], Vec::new()).digest;
    let index = CompanyIndex::build(&digest, &KnownCompanies::bundled());
    let mut app = App::new(digest);
    app.set_companies(index);
    app
}

/// The first row of the screen containing `text` (panics when none does).
fn row_of(screen: &str, text: &str) -> usize {
    screen
        .lines()
        .position(|l| l.contains(text))
        .unwrap_or_else(|| panic!("{text:?} not on screen:\n{screen}"))
}

#[test]
fn headlines_scrolled_to_the_end_fill_a_taller_pane() {
    let mut app = sample_app();
    let mut small = terminal(80, 24);
    drive(&mut app, &mut small, "G");
    assert_eq!(app.headline_selected, 9);
    assert!(app.headline_offset > 0, "the small pane scrolled");
    assert!(!screen(&small).contains("Samsung releases"));

    let mut big = terminal(200, 50);
    draw(&mut app, &mut big);
    let s = screen(&big);
    assert_eq!(app.headline_offset, 0);
    // Every headline is on screen, the first at the top of the pane and the selected last.
    let sample = load_sample().digest;
    for article in &sample.articles {
        let start: String = sample.headline(article).chars().take(30).collect();
        assert!(s.contains(&start), "{start:?} hidden:\n{s}");
    }
    assert_eq!(row_of(&s, "Samsung releases"), 1);
    assert_eq!(app.headline_selected, 9);
    // `k` moves from the last headline as it would have without the resize.
    drive(&mut app, &mut big, "k");
    assert_eq!(app.headline_selected, 8);
    assert_eq!(app.headline_offset, 0);
}

#[test]
fn a_pane_that_grows_only_partly_shows_as_many_rows_as_fit() {
    let mut app = sample_app();
    let mut small = terminal(80, 24);
    drive(&mut app, &mut small, "G");
    // 80x26 stacks the panes too: the headline pane grows by a few rows, not to all ten.
    let mut taller = terminal(80, 26);
    draw(&mut app, &mut taller);
    let rows = usize::from(app.areas.headlines.height) - 2;
    assert!(rows < 10, "{rows} rows");
    assert_eq!(app.headline_offset, 10 - rows);
    let s = screen(&taller);
    // The last headline sits on the pane's last row.
    let last = row_of(&s, "Cartier, Bulgari");
    assert_eq!(
        last,
        usize::from(app.areas.headlines.y + app.areas.headlines.height) - 2
    );
}

#[test]
fn dates_scrolled_to_the_end_fill_a_taller_pane() {
    let mut app = app_over_days(20);
    let mut small = terminal(80, 24);
    drive(&mut app, &mut small, "hG");
    assert_eq!(app.focus, Focus::Dates);
    assert_eq!(app.date_selected, 20);
    assert!(!screen(&small).contains("All dates"));

    let mut big = terminal(200, 50);
    draw(&mut app, &mut big);
    let s = screen(&big);
    assert_eq!(app.date_offset, 0);
    assert_eq!(row_of(&s, "All dates"), 1);
    assert!(
        s.contains("20 Jun 2019") && s.contains(" 1 Jun 2019"),
        "{s}"
    );
    assert_eq!(app.date_selected, 20);
}

#[test]
fn an_article_scrolled_to_its_end_fills_a_taller_view() {
    let mut app = sample_app();
    let mut small = terminal(80, 24);
    drive(&mut app, &mut small, "G<Enter>G");
    assert!(screen(&small).contains("100%"));
    // The longest article of the sample. Taller at the same width: the end stays at the bottom, the new rows show what is above.
    let mut taller = terminal(80, 50);
    draw(&mut app, &mut taller);
    let s = screen(&taller);
    assert!(s.contains("100%"), "{s}");
    let rows: Vec<&str> = s.lines().collect();
    let last_text = rows[rows.len() - 3];
    assert!(
        last_text.trim_matches(['│', '▼', ' ']).len() > 10,
        "blank at the bottom:\n{s}"
    );
    assert!(app.article_scroll > 0);
    // Wider and taller: the view is never blank below the article's last line.
    let mut big = terminal(200, 50);
    draw(&mut app, &mut big);
    let visible = app.article_lines() - app.article_scroll;
    assert!(
        visible >= usize::from(app.areas.article.height) - 2,
        "{visible}"
    );
}

#[test]
fn help_scrolled_past_its_end_stops_at_its_last_line_and_grows_back() {
    let mut app = sample_app();
    let mut small = terminal(80, 24);
    drive(&mut app, &mut small, &format!("?{}", "j".repeat(80)));
    let s = screen(&small);
    assert!(s.contains("confirm or refuse a bulk mark"), "{s}");
    // The first `k` moves up at once, not after scrolling back through blank rows.
    let Overlay::Help { scroll } = app.overlay else {
        panic!("help closed");
    };
    drive(&mut app, &mut small, "k");
    let Overlay::Help { scroll: after } = app.overlay else {
        panic!("help closed");
    };
    assert_eq!(after + 1, scroll);

    let mut big = terminal(200, 50);
    draw(&mut app, &mut big);
    let s = screen(&big);
    assert!(s.contains("this help") && s.contains("Keys"), "{s}");
}

#[test]
fn picker_cursor_stops_at_the_last_company_and_the_list_refills_when_taller() {
    let mut app = sample_app();
    let mut small = terminal(80, 24);
    drive(&mut app, &mut small, &format!("c{}", "<Down>".repeat(200)));
    let last = app.picker_rows("").len() - 1;
    let Overlay::Picker(picker) = &app.overlay else {
        panic!("picker closed");
    };
    assert_eq!(picker.selected, last);
    drive(&mut app, &mut small, "<Up>");
    let Overlay::Picker(picker) = &app.overlay else {
        panic!("picker closed");
    };
    assert_eq!(picker.selected, last - 1);

    let mut big = terminal(200, 80);
    draw(&mut app, &mut big);
    let s = screen(&big);
    // Every company fits at 80 rows: the most mentioned is back at the top.
    let top = row_of(&s, "type to narrow") + 1;
    assert!(
        s.lines().nth(top).is_some_and(|l| l.contains("Amazon")),
        "{s}"
    );
}
