//! Companies in the reader beyond the filter: the picker's sparklines, the trend view
//! (`t`, and Ctrl-t in the picker), and clicking a company name in the article.

mod common;

use chrono::{Days, NaiveDate};
use common::{drive, sample_app, screen, terminal};
use gazette::companies::{CompanyIndex, KnownCompanies};
use gazette::digest::load::build;
use gazette::digest::render::push_article;
use gazette::digest::{Source, generate, load_sample};
use gazette::state::ReadState;
use gazette::tui::App;
use gazette::tui::app::Overlay;
use gazette::tui::trends::{Chosen, TrendView};
use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

/// The reader on a digest text, with a fresh state file.
fn app_on(text: String) -> App {
    let dir = tempfile::tempdir().unwrap().keep();
    let (state, warnings) = ReadState::open(dir.join("state.json"));
    assert!(warnings.is_empty(), "{warnings:?}");
    let digest = build(vec![Source::from_string("t.txt", text)], Vec::new()).digest;
    let index = CompanyIndex::build(&digest, &KnownCompanies::bundled());
    let mut app = App::with_state(digest, state);
    app.set_companies(index);
    app
}

/// A month of news: eight rounds of the sample's articles five days apart, each round
/// a different number of them, so the companies' counts rise and fall by day.
pub fn month_of_days() -> String {
    let sample = load_sample().digest;
    let base = NaiveDate::from_ymd_opt(2019, 6, 1).unwrap();
    let mut text = String::new();
    for round in 0..8u64 {
        let date = base + Days::new(round * 5);
        let take = 3 + (round as usize * 3) % 8;
        for article in sample.articles.iter().take(take) {
            push_article(
                &mut text,
                date,
                sample.headline(article),
                sample.paragraphs(article),
            );
        }
    }
    text
}

/// Ten years of generated news: monthly buckets.
fn decade() -> String {
    generate::digest_text(600, 3)
}

fn snapshot(name: &str, text: fn() -> String, keys: &str) {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = app_on(text());
        let mut t = terminal(w, h);
        drive(&mut app, &mut t, keys);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&t));
    }
}

fn trends(app: &App) -> &TrendView {
    match &app.overlay {
        Overlay::Trends(view) => view,
        _ => panic!("the trend view is not open"),
    }
}

fn names(app: &App) -> Vec<&str> {
    trends(app)
        .series
        .iter()
        .map(|s| app.companies.name(s.company))
        .collect()
}

#[test]
fn picker_with_sparklines() {
    snapshot("picker_sparklines", decade, "c");
    let mut app = app_on(decade());
    let mut t = terminal(80, 24);
    drive(&mut app, &mut t, "c");
    let s = screen(&t);
    assert!(s.contains("2015-01 to 2024-12, per month"), "{s}");
    assert!(s.contains('█'), "{s}");
}

#[test]
fn picker_on_a_single_day_has_no_sparklines() {
    let mut app = sample_app();
    let mut t = terminal(80, 24);
    drive(&mut app, &mut t, "c");
    let s = screen(&t);
    assert!(!s.contains("per day"), "{s}");
    let row = s.lines().find(|l| l.contains("│Amazon ")).unwrap();
    let inside = row
        .split('│')
        .find(|cell| cell.starts_with("Amazon"))
        .unwrap();
    assert!(!inside.contains(['▁', '▄', '█']), "{row}");
    assert!(inside.trim_end().ends_with('6'), "{row}");
}

#[test]
fn trend_view_of_the_top_companies() {
    snapshot("trends_top", decade, "t");
}

#[test]
fn trend_view_from_the_picker_by_day() {
    snapshot("trends_picked", month_of_days, "c<Down><C-t>");
}

#[test]
fn trend_view_of_a_single_day_shows_totals() {
    let mut app = sample_app();
    let mut t = terminal(80, 24);
    drive(&mut app, &mut t, "t");
    insta::assert_snapshot!("trends_single_day_80x24", screen(&t));
}

#[test]
fn trend_view_counts_add_up_to_each_company_article_count() {
    let mut app = app_on(decade());
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "t");
    let view = trends(&app);
    assert_eq!(view.chosen, Chosen::TopOfView);
    assert_eq!(view.series.len(), 5);
    assert_eq!(view.timeline.len(), 120);
    for s in &view.series {
        assert_eq!(s.counts.len(), 120);
        assert_eq!(s.counts.iter().sum::<u32>(), s.total);
        assert_eq!(s.total as usize, app.companies.articles_of(s.company).len());
    }
    // The view is every article: its top five are the five most mentioned overall.
    let top: Vec<_> = app
        .companies
        .by_count()
        .into_iter()
        .take(5)
        .map(|(id, _)| id)
        .collect();
    let shown: Vec<_> = view.series.iter().map(|s| s.company).collect();
    assert_eq!(shown, top);
}

#[test]
fn the_chips_are_plotted_and_the_picker_adds_its_cursor_company_first() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "camazon<Enter>t");
    assert_eq!(trends(&app).chosen, Chosen::Chips);
    assert_eq!(names(&app), ["Amazon"]);
    drive(&mut app, &mut t, "<Esc>cgoogle<C-t>");
    assert_eq!(trends(&app).chosen, Chosen::Picker);
    assert_eq!(names(&app), ["Google", "Amazon"]);
}

#[test]
fn without_chips_the_top_companies_of_the_filtered_view() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "/cricket<Enter>t");
    assert_eq!(app.view.len(), 1);
    let article = app.view[0];
    let of_article: Vec<_> = app
        .companies
        .companies_of(article)
        .iter()
        .map(|&(id, _)| id)
        .collect();
    let view = trends(&app);
    assert_eq!(view.chosen, Chosen::TopOfView);
    assert_eq!(view.series.len(), 5);
    for s in &view.series {
        assert!(of_article.contains(&s.company), "{:?}", s.company);
    }
}

#[test]
fn trend_keys_move_the_cursor_within_the_timeline_and_close() {
    let mut app = app_on(month_of_days());
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "t");
    let len = trends(&app).timeline.len();
    assert_eq!(len, 36);
    drive(&mut app, &mut t, "<Home>");
    assert_eq!(trends(&app).cursor, 0);
    drive(&mut app, &mut t, "hll");
    assert_eq!(trends(&app).cursor, 2);
    drive(&mut app, &mut t, "<End>l");
    assert_eq!(trends(&app).cursor, len - 1);
    // q closes the view; it does not quit the reader.
    drive(&mut app, &mut t, "q");
    assert!(matches!(app.overlay, Overlay::None));
    assert!(!app.should_quit);
    drive(&mut app, &mut t, "t<Esc>");
    assert!(matches!(app.overlay, Overlay::None));
}

#[test]
fn no_companies_no_trend_view() {
    let mut app = App::new(load_sample().digest);
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "t");
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(
        app.message.as_deref(),
        Some("No company is mentioned in the view")
    );
}

fn click(column: u16, row: u16) -> MouseEvent {
    MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }
}

/// The text drawn in one row of the screen between two columns.
fn drawn(
    t: &ratatui::Terminal<ratatui::backend::TestBackend>,
    area: ratatui::layout::Rect,
) -> String {
    let buffer = t.backend().buffer();
    (area.x..area.right())
        .map(|x| buffer[(x, area.y)].symbol())
        .collect()
}

#[test]
fn clicking_a_company_name_in_the_article_filters_by_it() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    // The FedEx article: "Companies: Amazon, FedEx, …", and FedEx in its paragraphs.
    drive(&mut app, &mut t, "jjj<Enter>");
    let article = app.selected_article().unwrap();
    let fedex = app.companies.lookup("FedEx").unwrap();
    let hits: Vec<_> = app
        .company_hits
        .iter()
        .filter(|(_, id)| *id == fedex)
        .map(|&(area, _)| area)
        .collect();
    assert!(hits.len() >= 2, "{hits:?}");
    // Each hit is where the name was drawn, inside the article pane.
    for &area in &hits {
        assert_eq!(drawn(&t, area), "FedEx");
        assert!(app.areas.article.contains(area.as_position()));
    }
    // A click on plain text does nothing.
    let a = app.areas.article;
    let plain = (a.x + 1..a.right())
        .flat_map(|x| (a.y + 1..a.bottom()).map(move |y| (x, y)))
        .find(|&(x, y)| {
            let pos = ratatui::layout::Position::new(x, y);
            !app.company_hits.iter().any(|(r, _)| r.contains(pos))
        })
        .unwrap();
    app.handle_mouse(click(plain.0, plain.1));
    assert!(app.company_filter.is_empty());
    // A click on the last column of a name filters by it, as the picker's Enter does.
    let last = hits[hits.len() - 1];
    app.handle_mouse(click(last.right() - 1, last.y));
    assert_eq!(app.company_filter, [fedex]);
    assert_eq!(app.message.as_deref(), Some("Filtered by @FedEx"));
    assert_eq!(app.view, app.companies.articles_of(fedex));
    assert_eq!(app.selected_article(), Some(article));
    // The chip shows in the status bar on the next frame.
    drive(&mut app, &mut t, "");
    assert!(screen(&t).contains("@FedEx"));
}

#[test]
fn clicking_a_name_in_the_companies_line_and_a_wrapped_one() {
    let mut app = sample_app();
    let mut t = terminal(80, 30);
    // Narrow: the opened article takes the screen; its companies line wraps.
    drive(&mut app, &mut t, "jjj<Enter>");
    let walmart = app.companies.lookup("Walmart").unwrap();
    let (area, _) = *app
        .company_hits
        .iter()
        .find(|(_, id)| *id == walmart)
        .unwrap();
    assert_eq!(drawn(&t, area), "Walmart");
    app.handle_mouse(click(area.x, area.y));
    assert_eq!(app.company_filter, [walmart]);
}

#[test]
fn a_new_company_index_closes_the_trend_view_and_a_tiny_screen_has_no_hits() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "<Enter>");
    assert!(!app.company_hits.is_empty());
    let mut tiny = terminal(30, 8);
    drive(&mut app, &mut tiny, "");
    assert!(app.company_hits.is_empty());
    drive(&mut app, &mut t, "t");
    let index = CompanyIndex::build(&app.digest, &KnownCompanies::bundled());
    app.set_companies(index);
    assert!(matches!(app.overlay, Overlay::None));
}
