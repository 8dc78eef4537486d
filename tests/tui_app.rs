//! The reader's behaviour through `App::apply` and key sequences, without a terminal.

mod common;

use common::{drive, sample_app, terminal};
use gazette::tui::action::Action;
use gazette::tui::app::{Focus, Overlay};

#[test]
fn starts_on_the_first_headline_with_headlines_focused() {
    let app = sample_app();
    assert_eq!(app.focus, Focus::Headlines);
    assert_eq!(app.headline_selected, 0);
    assert_eq!(app.view.len(), 10);
    assert_eq!(app.selected_article(), Some(0));
}

#[test]
fn selection_moves_and_stops_at_the_ends() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "kkk");
    assert_eq!(app.headline_selected, 0);
    drive(&mut app, &mut t, "jj<Down>");
    assert_eq!(app.headline_selected, 3);
    drive(&mut app, &mut t, "G");
    assert_eq!(app.headline_selected, 9);
    drive(&mut app, &mut t, "jjj");
    assert_eq!(app.headline_selected, 9);
    drive(&mut app, &mut t, "g");
    assert_eq!(app.headline_selected, 0);
    drive(&mut app, &mut t, "<End><Home><PageDown>");
    assert_eq!(app.headline_selected, 9);
}

#[test]
fn focus_cycles_through_the_panes() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "<Tab>");
    assert_eq!(app.focus, Focus::Article);
    drive(&mut app, &mut t, "<Tab>");
    assert_eq!(app.focus, Focus::Dates);
    drive(&mut app, &mut t, "<S-Tab>");
    assert_eq!(app.focus, Focus::Article);
    drive(&mut app, &mut t, "hhhh");
    assert_eq!(app.focus, Focus::Dates);
    drive(&mut app, &mut t, "llll");
    assert_eq!(app.focus, Focus::Article);
}

#[test]
fn enter_opens_and_marks_read_and_esc_returns() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "j<Enter>");
    assert_eq!(app.focus, Focus::Article);
    assert!(app.is_read(1));
    assert!(!app.is_read(0));
    assert_eq!(app.unread_total(), 9);
    drive(&mut app, &mut t, "<Esc>");
    assert_eq!(app.focus, Focus::Headlines);
}

#[test]
fn article_scrolling_is_bounded() {
    let mut app = sample_app();
    let mut t = terminal(80, 24);
    // The Facebook article is long.
    drive(&mut app, &mut t, "jjjjjjjj<Enter>");
    assert_eq!(app.article_scroll, 0);
    drive(&mut app, &mut t, "jjj");
    assert_eq!(app.article_scroll, 3);
    drive(&mut app, &mut t, "kkkkk");
    assert_eq!(app.article_scroll, 0);
    drive(&mut app, &mut t, "G");
    let bottom = app.article_scroll;
    assert!(bottom > 20, "{bottom}");
    drive(&mut app, &mut t, "jj<PageDown><C-d>");
    assert_eq!(app.article_scroll, bottom);
}

#[test]
fn space_pages_then_moves_to_the_next_unread() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "<Enter>");
    assert!(app.is_read(0));
    // Mark article 1 read so Space skips it.
    app.set_read(1, true);
    for _ in 0..20 {
        drive(&mut app, &mut t, "<Space>");
        if app.selected_article() != Some(0) {
            break;
        }
    }
    assert_eq!(app.selected_article(), Some(2));
    assert!(app.is_read(2));
}

#[test]
fn next_and_previous_unread() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    app.set_read(1, true);
    app.set_read(2, true);
    drive(&mut app, &mut t, "n");
    assert_eq!(app.headline_selected, 3);
    drive(&mut app, &mut t, "N");
    assert_eq!(app.headline_selected, 0);
    drive(&mut app, &mut t, "N");
    assert_eq!(app.headline_selected, 0);
    assert!(app.message.as_deref().unwrap_or("").contains("No unread"));
}

#[test]
fn filter_is_live_enter_keeps_and_esc_cancels() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "/cricket");
    assert!(matches!(app.overlay, Overlay::Filter(_)));
    assert_eq!(app.view.len(), 1);
    drive(&mut app, &mut t, "<Enter>");
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(app.focus, Focus::Headlines);
    assert_eq!(app.query, "cricket");
    assert_eq!(app.view.len(), 1);
    // Editing then cancelling restores the kept filter.
    drive(
        &mut app,
        &mut t,
        "/<Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace>amazon",
    );
    assert_eq!(app.query, "amazon");
    drive(&mut app, &mut t, "<Esc>");
    assert_eq!(app.query, "cricket");
    // Esc outside popups clears the filter.
    drive(&mut app, &mut t, "<Esc>");
    assert_eq!(app.query, "");
    assert_eq!(app.view.len(), 10);
}

#[test]
fn enter_in_filter_does_not_open_an_article() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "/amazon<Enter>");
    assert_eq!(app.focus, Focus::Headlines);
    assert_eq!(app.unread_total(), 10);
}

#[test]
fn help_and_picker_open_and_close() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "?");
    assert!(matches!(app.overlay, Overlay::Help { .. }));
    drive(&mut app, &mut t, "<Esc>");
    assert!(matches!(app.overlay, Overlay::None));
    drive(&mut app, &mut t, "c");
    assert!(matches!(app.overlay, Overlay::Picker(_)));
    drive(&mut app, &mut t, "<Esc>");
    assert!(matches!(app.overlay, Overlay::None));
    assert!(!app.should_quit);
}

#[test]
fn quit_works_from_every_pane_and_popup() {
    for keys in [
        "q",
        "<Tab>q",
        "<Tab><Tab>q",
        "?q",
        "<C-c>",
        "/abc<C-c>",
        "c<C-c>",
    ] {
        let mut app = sample_app();
        let mut t = terminal(120, 40);
        drive(&mut app, &mut t, keys);
        assert!(app.should_quit, "{keys}");
    }
}

#[test]
fn typing_q_in_the_filter_is_text_not_quit() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "/q");
    assert!(!app.should_quit);
    assert_eq!(app.query, "q");
}

#[test]
fn unread_workflow_toggle_bulk_day_and_undo() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "m");
    assert!(app.is_read(0));
    drive(&mut app, &mut t, "m");
    assert!(!app.is_read(0));
    drive(&mut app, &mut t, "mu");
    assert!(app.unread_only);
    assert_eq!(app.view.len(), 9);
    // M asks first; n refuses.
    drive(&mut app, &mut t, "Mn");
    assert_eq!(app.unread_total(), 9);
    drive(&mut app, &mut t, "My");
    assert_eq!(app.unread_total(), 0);
    drive(&mut app, &mut t, "U");
    assert_eq!(app.unread_total(), 9);
    assert!(app.is_read(0));
    // D marks the selected article's day.
    drive(&mut app, &mut t, "D");
    assert_eq!(app.unread_total(), 0);
    drive(&mut app, &mut t, "U");
    assert_eq!(app.unread_total(), 9);
}

#[test]
fn selecting_a_date_filters_the_headlines() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "hj");
    assert_eq!(app.date_selected, 1);
    assert_eq!(app.view.len(), 10);
    drive(&mut app, &mut t, "jjj");
    assert_eq!(app.date_selected, 1);
    drive(&mut app, &mut t, "<Enter>");
    assert_eq!(app.focus, Focus::Headlines);
}

#[test]
fn actions_apply_without_a_terminal() {
    let mut app = sample_app();
    app.apply(Action::MoveDown);
    app.apply(Action::ToggleRead);
    assert!(app.is_read(1));
    app.apply(Action::Bottom);
    assert_eq!(app.headline_selected, 9);
    app.apply(Action::ToggleUnreadOnly);
    assert_eq!(app.view.len(), 9);
}

#[test]
fn picker_narrows_as_you_type_and_enter_filters_by_the_company() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "c");
    let all = app.picker_rows("");
    assert!(all.len() > 20);
    // Sorted by article count.
    assert!(all.windows(2).all(|w| w[0].count >= w[1].count));
    assert_eq!(app.companies.name(all[0].company), "Amazon");
    drive(&mut app, &mut t, "amaz<Enter>");
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(app.view.len(), 6);
    // A second company combines with AND.
    drive(&mut app, &mut t, "cgoogle<Enter>");
    assert_eq!(app.company_filter.len(), 2);
    let both = app.view.len();
    assert!((1..6).contains(&both), "{both}");
    for &a in &app.view {
        let names: Vec<&str> = app
            .companies
            .companies_of(a)
            .iter()
            .map(|&(c, _)| app.companies.name(c))
            .collect();
        assert!(
            names.contains(&"Amazon") && names.contains(&"Google"),
            "{names:?}"
        );
    }
    drive(&mut app, &mut t, "<Esc>");
    assert!(app.company_filter.is_empty());
    assert_eq!(app.view.len(), 10);
}

#[test]
fn picker_narrows_as_the_cli_looks_companies_up() {
    let app = sample_app();
    let first = |typed: &str| {
        let rows = app.picker_rows(typed);
        let row = *rows.first().unwrap_or_else(|| panic!("{typed:?}: no row"));
        (app.companies.name(row.company), row.alias)
    };
    // What `--company` finds (CompanyIndex::lookup), typed whole, is the picker's first row.
    for typed in [
        "byju's",
        "BYJU’S",
        "byjus",
        "aws",
        "AWS",
        "amazon's",
        "amazon.com",
        "jd.com",
        "JD",
        "the new york times",
        "New York Times",
        "  walmart ",
    ] {
        let looked_up = app.companies.lookup(typed).map(|id| app.companies.name(id));
        assert_eq!(Some(first(typed).0), looked_up, "{typed:?}");
    }
    assert_eq!(first("byju's"), ("Byju’s", None));
    // Found by an alias: the row says which.
    assert_eq!(first("aws"), ("Amazon", Some("AWS")));
    assert_eq!(first("web serv"), ("Amazon", Some("Amazon Web Services")));
    assert_eq!(first("amazon.c"), ("Amazon", Some("Amazon.com")));
    // Parts of names still narrow, beginnings first.
    assert_eq!(first("the n"), ("The New York Times", None));
    assert_eq!(first("york"), ("The New York Times", None));
    assert!(app.picker_rows("zzzz").is_empty());
}

#[test]
fn picker_shows_the_alias_it_found_and_enter_filters_by_its_company() {
    let mut app = sample_app();
    let mut t = terminal(80, 24);
    drive(&mut app, &mut t, "caws");
    let s = common::screen(&t);
    assert!(s.contains("│Amazon (AWS) "), "{s}");
    assert!(!s.contains("No companies match"), "{s}");
    drive(&mut app, &mut t, "<Enter>");
    assert_eq!(
        app.company_filter,
        [app.companies.lookup("Amazon").unwrap()]
    );
    assert_eq!(app.view.len(), 6);
    drive(&mut app, &mut t, "cbyju's<Enter>");
    assert_eq!(app.company_filter.len(), 2);
    assert_eq!(app.companies.name(app.company_filter[1]), "Byju’s");
}

#[test]
fn enter_in_the_picker_on_a_chosen_company_removes_only_its_chip() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(
        &mut app,
        &mut t,
        "/amazon<Enter>cwalmart<Enter>cgoogle<Enter>",
    );
    let walmart = app.companies.lookup("Walmart").unwrap();
    let google = app.companies.lookup("Google").unwrap();
    assert_eq!(app.company_filter, [walmart, google]);
    let both = app.view.clone();
    drive(&mut app, &mut t, "cwalmart<Enter>");
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(app.company_filter, [google]);
    assert_eq!(app.message.as_deref(), Some("Removed @Walmart"));
    // The typed filter stays; the view widens to Google's articles that mention amazon.
    assert_eq!(app.query, "amazon");
    assert!(app.view.len() > both.len(), "{:?} vs {both:?}", app.view);
    assert!(
        app.view
            .iter()
            .all(|a| app.companies.articles_of(google).contains(a))
    );
    // Picked again, it is a chip again, after Google.
    drive(&mut app, &mut t, "cwalmart<Enter>");
    assert_eq!(app.company_filter, [google, walmart]);
    assert_eq!(app.view, both);
}

#[test]
fn remove_last_company_drops_the_newest_chip_only() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(
        &mut app,
        &mut t,
        "u/amazon<Enter>cwalmart<Enter>cgoogle<Enter>",
    );
    let walmart = app.companies.lookup("Walmart").unwrap();
    let selected = app.selected_article();
    assert!(selected.is_some());
    app.apply(Action::RemoveLastCompany);
    assert_eq!(app.company_filter, [walmart]);
    assert_eq!(app.message.as_deref(), Some("Removed @Google"));
    assert_eq!(app.query, "amazon");
    assert!(app.unread_only);
    // The article selected before is still in the wider view, and still selected.
    assert_eq!(app.selected_article(), selected);
    // `C` is the key for it.
    drive(&mut app, &mut t, "C");
    assert!(app.company_filter.is_empty());
    assert_eq!(app.query, "amazon");
    drive(&mut app, &mut t, "C");
    assert_eq!(app.message.as_deref(), Some("No company chips to remove"));
    assert_eq!(app.query, "amazon");
    // Esc still clears every filter at once.
    drive(&mut app, &mut t, "cwalmart<Enter><Esc>");
    assert!(app.company_filter.is_empty() && app.query.is_empty() && !app.unread_only);
}

#[test]
fn the_picker_and_the_footer_say_what_enter_and_c_do() {
    let mut app = sample_app();
    let mut t = terminal(200, 50);
    drive(&mut app, &mut t, "c");
    let s = common::screen(&t);
    assert!(s.contains("Enter adds a chip"), "{s}");
    assert!(!s.contains("drop chip"), "no chips, no hint:\n{s}");
    drive(&mut app, &mut t, "walmart<Enter>");
    let footer = common::screen(&t).lines().last().unwrap_or("").to_string();
    assert!(footer.contains(" C drop chip"), "{footer}");
    drive(&mut app, &mut t, "cwal");
    let s = common::screen(&t);
    assert!(s.contains("│✓ Walmart"), "{s}");
    assert!(s.contains("Enter removes the chip"), "{s}");
    drive(&mut app, &mut t, "<Esc>?");
    let s = common::screen(&t);
    assert!(s.contains("remove the last company chip"), "{s}");
    assert!(s.contains("picker: add or remove the chip"), "{s}");
}

#[test]
fn picker_with_no_match_filters_nothing() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "czzzzzz<Enter>");
    assert!(app.company_filter.is_empty());
    assert_eq!(app.view.len(), 10);
}

#[test]
fn filter_bar_speaks_the_query_language() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "/@amazon -cricket<Enter>");
    assert_eq!(app.view.len(), 5);
    drive(&mut app, &mut t, "<Esc>/cloudflare OR cricket<Enter>");
    assert_eq!(app.view.len(), 2);
    assert_eq!(app.highlight_words, ["cloudflare", "cricket"]);
}

#[test]
fn a_malformed_query_shows_its_column_and_keeps_the_last_good_filter() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "/cricket date:2019-13");
    assert_eq!(app.view.len(), 1, "the last good filter (cricket) stays");
    let error = app.query_error.clone().unwrap_or_default();
    assert!(error.contains("column 14"), "{error}");
    assert!(
        common::screen(&t).contains("column 14"),
        "the error is shown under the bar"
    );
    // Fixing it applies it.
    drive(&mut app, &mut t, "<Backspace><Backspace><Backspace>-06");
    assert!(app.query_error.is_none());
    assert_eq!(app.view.len(), 1);
}

#[test]
fn picking_a_date_composes_with_the_typed_query() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "/amazon<Enter>hj");
    assert_eq!(app.date_selected, 1);
    assert_eq!(app.view.len(), 6);
    drive(&mut app, &mut t, "/ date:2019-06-25<Enter>");
    assert_eq!(app.view.len(), 0);
}

#[test]
fn up_and_down_walk_the_query_history() {
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(
        &mut app,
        &mut t,
        "/cricket<Enter><Esc>/@walmart<Enter><Esc>",
    );
    assert_eq!(app.history, ["cricket", "@walmart"]);
    drive(&mut app, &mut t, "/<Up>");
    assert_eq!(app.query, "@walmart");
    drive(&mut app, &mut t, "<Up>");
    assert_eq!(app.query, "cricket");
    assert_eq!(app.view.len(), 1);
    drive(&mut app, &mut t, "<Down><Down>");
    assert_eq!(app.query, "");
    // History is kept beside the state file, for the next session.
    let mut again = common::sample_app_with_state_dir(&app);
    again.load_history();
    assert_eq!(again.history, ["cricket", "@walmart"]);
}

#[test]
fn mouse_click_selects_and_focuses_and_the_wheel_scrolls_the_pane_under_it() {
    use ratatui::crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let mut app = sample_app();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "");
    let at = |kind, column, row| MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    };
    // The headline pane starts one row below its top border.
    let h = app.areas.headlines;
    app.handle_mouse(at(
        MouseEventKind::Down(MouseButton::Left),
        h.x + 3,
        h.y + 4,
    ));
    assert_eq!(app.focus, Focus::Headlines);
    assert_eq!(app.headline_selected, 3);
    // The wheel over the article scrolls it without moving focus.
    let a = app.areas.article;
    app.handle_mouse(at(MouseEventKind::ScrollDown, a.x + 5, a.y + 5));
    assert_eq!(app.focus, Focus::Headlines);
    assert_eq!(app.article_scroll, 3);
    // A click on the date list focuses it and picks the day.
    let d = app.areas.dates;
    app.handle_mouse(at(
        MouseEventKind::Down(MouseButton::Left),
        d.x + 2,
        d.y + 2,
    ));
    assert_eq!(app.focus, Focus::Dates);
    assert_eq!(app.date_selected, 1);
}
