//! The config file in the reader: rebound keys change what App does and what help and the
//! status bar show; the default query filters at start; options reach App.

mod common;

use std::path::Path;

use common::{drive, sample_app, screen, terminal};
use gazette::config::Config;
use gazette::tui::App;
use gazette::tui::app::{Focus, Overlay};
use gazette::tui::launch::Setup;

fn configured(text: &str) -> App {
    let config = Config::parse(text, Path::new("config.toml")).unwrap();
    let mut app = sample_app();
    app.setup(Setup {
        options: config.options,
        keymap: config.keymap,
        theme: config.theme.resolve(true),
        color: true,
        cache_dir: None,
    });
    app
}

const REBOUND: &str = r#"
[keys]
move_down = ["e", "Down"]
move_up = "i"
quit = "Q"
toggle_help = "F1"
open_filter = "s"
export_view = "x"
"#;

#[test]
fn rebound_keys_do_their_actions_and_the_old_ones_do_nothing() {
    let mut app = configured(REBOUND);
    let mut t = terminal(120, 30);
    drive(&mut app, &mut t, "ee");
    assert_eq!(app.headline_selected, 2);
    // `j` and `k` are no longer bound to anything.
    drive(&mut app, &mut t, "jjk");
    assert_eq!(app.headline_selected, 2);
    drive(&mut app, &mut t, "i<Down><Down>");
    assert_eq!(app.headline_selected, 3);
    // `/` no longer opens the filter; `s` does.
    drive(&mut app, &mut t, "/");
    assert!(matches!(app.overlay, Overlay::None));
    drive(&mut app, &mut t, "samazon<Enter>");
    assert_eq!(app.filter_text, "amazon");
    // `q` no longer quits; `Q` does, and Ctrl-c always does.
    drive(&mut app, &mut t, "q");
    assert!(!app.should_quit);
    drive(&mut app, &mut t, "Q");
    assert!(app.should_quit);
    let mut app = configured(REBOUND);
    drive(&mut app, &mut t, "<C-c>");
    assert!(app.should_quit);
}

#[test]
fn help_and_hints_show_the_users_keys() {
    let mut app = configured(REBOUND);
    // Short enough that help has to scroll (it stops at its last line).
    let mut t = terminal(160, 30);
    drive(&mut app, &mut t, "");
    let status = screen(&t).lines().last().unwrap().to_string();
    assert!(status.contains(" Q quit"), "{status}");
    assert!(status.contains(" F1 help"), "{status}");
    assert!(status.contains(" s filter"), "{status}");
    assert!(!status.contains(" q quit"), "{status}");

    // `?` is unbound now; F1 is help.
    drive(&mut app, &mut t, "?");
    assert!(matches!(app.overlay, Overlay::None));
    app.handle_key(ratatui::crossterm::event::KeyEvent::new(
        ratatui::crossterm::event::KeyCode::F(1),
        ratatui::crossterm::event::KeyModifiers::NONE,
    ));
    drive(&mut app, &mut t, "");
    let help = screen(&t);
    assert!(help.contains("Help · e/i scroll"), "{help}");
    let row = |text: &str| {
        help.lines()
            .find(|l| l.contains(text))
            .unwrap_or_else(|| panic!("no help row for {text}:\n{help}"))
            .to_string()
    };
    assert!(row("move down / scroll down").contains("e ↓ "));
    assert!(row("move up / scroll up").contains("│i "));
    assert!(row("this help").contains("│F1 "));
    assert!(row("quit").contains("│Q "));
    // Untouched actions keep their defaults.
    assert!(row("go to the top").contains("│g Home "));
    // Help scrolls with the user's keys, and Q quits from it.
    drive(&mut app, &mut t, "ee");
    assert!(matches!(app.overlay, Overlay::Help { scroll: 2 }));
    drive(&mut app, &mut t, "i");
    assert!(matches!(app.overlay, Overlay::Help { scroll: 1 }));
    drive(&mut app, &mut t, "Q");
    assert!(app.should_quit);
}

#[test]
fn an_unbound_action_shows_as_unbound_in_help() {
    let mut app = configured("[keys]\nmark_day_read = []\n");
    let mut t = terminal(160, 48);
    drive(&mut app, &mut t, "?");
    let help = screen(&t);
    let row = help
        .lines()
        .find(|l| l.contains("mark the selected day read"))
        .unwrap();
    assert!(row.contains("(unbound)"), "{row}");
    drive(&mut app, &mut t, "<Esc>hD");
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(app.unread_total(), 10, "D did nothing");
}

#[test]
fn the_default_query_filters_at_start_and_esc_clears_it() {
    let mut app = sample_app();
    let mut t = terminal(120, 30);
    // Read two articles in an earlier session.
    drive(&mut app, &mut t, "<Enter><Esc>j<Enter><Esc>");
    app.save_now();
    let mut app = common::sample_app_with_state_dir(&app);
    let config = Config::parse("default_query = \"is:unread\"", Path::new("c.toml")).unwrap();
    app.setup(Setup {
        options: config.options,
        ..Setup::default()
    });
    assert_eq!(app.view.len(), 8);
    assert!(app.view.iter().all(|&a| !app.is_read(a)));
    drive(&mut app, &mut t, "");
    assert!(screen(&t).contains(" /is:unread "));
    drive(&mut app, &mut t, "<Esc>");
    assert_eq!(app.view.len(), 10);
}

#[test]
fn a_malformed_default_query_starts_unfiltered_and_says_so() {
    let mut app = sample_app();
    let options = gazette::tui::ReaderOptions {
        default_query: Some("date:2019-13".into()),
        ..Default::default()
    };
    app.setup(Setup {
        options,
        ..Setup::default()
    });
    assert_eq!(app.view.len(), 10);
    assert!(app.query.is_empty() && app.query_error.is_none());
    let message = app.message.clone().unwrap_or_default();
    assert!(message.starts_with("default_query ignored"), "{message}");
}

#[test]
fn mark_read_on_open_false_leaves_opened_articles_unread() {
    let mut app = configured("mark_read_on_open = false\n");
    let mut t = terminal(120, 30);
    drive(&mut app, &mut t, "<Enter>");
    assert_eq!(app.focus, Focus::Article);
    assert_eq!(app.unread_total(), 10);
    let mut app = configured("");
    drive(&mut app, &mut t, "<Enter>");
    assert_eq!(app.unread_total(), 9);
}

#[test]
fn the_too_small_screen_names_the_users_quit_key() {
    let mut app = configured(REBOUND);
    let mut t = terminal(30, 8);
    drive(&mut app, &mut t, "");
    let text = screen(&t);
    assert!(text.contains("Q quits"), "{text}");
    assert!(!text.contains("q quits"), "{text}");
}
