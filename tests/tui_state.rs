//! The reader and the state file: debounced saves, and marks from other processes showing up.

use std::time::{Duration, Instant};

use gazette::digest::load_sample;
use gazette::state::ReadState;
use gazette::tui::App;
use gazette::tui::action::Action;

fn app_on(path: &std::path::Path) -> App {
    let (state, warnings) = ReadState::open(path.to_path_buf());
    assert!(warnings.is_empty(), "{warnings:?}");
    App::with_state(load_sample().digest, state)
}

#[test]
fn marks_are_saved_about_a_second_after_they_happen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut app = app_on(&path);
    app.apply(Action::ToggleRead);
    let id = app.digest.articles[0].id.to_string();
    let t0 = Instant::now();
    app.tick(t0);
    assert!(
        !std::fs::read_to_string(&path)
            .unwrap_or_default()
            .contains(&id)
    );
    assert!(app.next_tick_in(t0) <= Duration::from_secs(1));
    app.tick(t0 + Duration::from_millis(1100));
    assert!(std::fs::read_to_string(&path).unwrap().contains(&id));
    assert!(!app.read.has_pending());
}

#[test]
fn a_mark_by_another_reader_shows_up_after_a_refresh() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut a = app_on(&path);
    let mut b = app_on(&path);
    assert_eq!(b.unread_total(), 10);
    a.apply(Action::MoveDown);
    a.apply(Action::ToggleRead);
    a.save_now();
    // b notices the changed file on its next periodic check.
    b.tick(Instant::now() + Duration::from_secs(3));
    assert!(b.is_read(1));
    assert_eq!(b.unread_total(), 9);
    // b's own mark merges with a's instead of overwriting it.
    b.apply(Action::ToggleRead);
    b.save_now();
    let (fresh, _) = ReadState::open(path.clone());
    assert!(fresh.is_read(b.digest.articles[0].id));
    assert!(fresh.is_read(b.digest.articles[1].id));
}

#[test]
fn a_mark_by_the_cli_while_the_reader_is_open_survives_the_readers_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut app = app_on(&path);
    let other = app.digest.articles[5].id.to_string();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(["mark", "--read", "--id", &other, "--state"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    app.apply(Action::ToggleRead);
    app.save_now();
    assert!(app.is_read(5), "the CLI's mark was lost or not merged");
    assert!(app.is_read(0));
}
