//! Test helpers: build the reader on the sample and feed it key sequences like `"jj<Enter>"`.

#![allow(dead_code)]

pub mod cli;
pub mod pty;

use gazette::companies::{CompanyIndex, KnownCompanies};
use gazette::digest::load_sample;
use gazette::state::ReadState;
use gazette::tui::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The reader on the sample, with marks saved to a fresh state file (as a user has).
pub fn sample_app() -> App {
    let dir = tempfile::tempdir().unwrap().keep();
    app_with_state_file(dir.join("state.json"))
}

/// A second reader on the same state file as `app` (a later session, another window).
pub fn sample_app_with_state_dir(app: &App) -> App {
    match app.read.persistence() {
        gazette::state::Persistence::Disk(path) => app_with_state_file(path.clone()),
        other => panic!("state not on disk: {other}"),
    }
}

fn app_with_state_file(path: std::path::PathBuf) -> App {
    let (state, warnings) = ReadState::open(path);
    assert!(warnings.is_empty(), "{warnings:?}");
    let digest = load_sample().digest;
    let index = CompanyIndex::build(&digest, &KnownCompanies::bundled());
    let mut app = App::with_state(digest, state);
    app.set_companies(index);
    app.load_history();
    app
}

/// Parses `"jj<Enter><C-d>G"` into key events.
pub fn parse_keys(s: &str) -> Vec<KeyEvent> {
    let mut keys = Vec::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '<' {
            keys.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            continue;
        }
        let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
        let key = match name.as_str() {
            "Enter" => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
            "Esc" => KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
            "Tab" => KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE),
            "S-Tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
            "Down" => KeyEvent::new(KeyCode::Down, KeyModifiers::NONE),
            "Up" => KeyEvent::new(KeyCode::Up, KeyModifiers::NONE),
            "PageDown" => KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE),
            "PageUp" => KeyEvent::new(KeyCode::PageUp, KeyModifiers::NONE),
            "Home" => KeyEvent::new(KeyCode::Home, KeyModifiers::NONE),
            "End" => KeyEvent::new(KeyCode::End, KeyModifiers::NONE),
            "Backspace" => KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE),
            "Space" => KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE),
            other => match other.strip_prefix("C-").and_then(|c| c.chars().next()) {
                Some(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
                None => panic!("unknown key <{other}>"),
            },
        };
        keys.push(key);
    }
    keys
}

/// Draws once (so pane sizes are known), then feeds the keys, drawing after each like the loop does.
pub fn drive(app: &mut App, terminal: &mut Terminal<TestBackend>, keys: &str) {
    draw(app, terminal);
    for key in parse_keys(keys) {
        app.handle_key(key);
        draw(app, terminal);
    }
}

/// One frame, as the event loop draws it (then tells the app the frame is on screen).
pub fn draw(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    terminal.draw(|f| gazette::tui::ui::render(app, f)).unwrap();
    if app.frame_drawn() {
        terminal.draw(|f| gazette::tui::ui::render(app, f)).unwrap();
    }
}

pub fn terminal(width: u16, height: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(width, height)).unwrap()
}

/// The screen as plain text, one line per row.
pub fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}
