//! The full-screen reader: the event loop ties terminal events to `App` and drawing.

pub mod action;
pub mod app;
pub mod article_text;
pub mod days;
pub mod keymap;
pub mod terminal;
pub mod ui;
pub mod wrap;

use std::time::Instant;

use ratatui::crossterm::event::{self, Event, KeyEventKind};

pub use app::App;

/// Runs the reader until the user quits. The terminal is restored on every exit path;
/// the caller saves the marks (`App::save_now`) whatever the outcome.
pub fn run(app: &mut App) -> std::io::Result<()> {
    let mut guard = terminal::TerminalGuard::new(true)?;
    let terminal = &mut guard.terminal;
    let mut redraw = true;
    while !app.should_quit {
        if redraw {
            terminal.draw(|frame| ui::render(app, frame))?;
        }
        redraw = app.tick(Instant::now());
        if event::poll(app.next_tick_in(Instant::now()))? {
            match event::read()? {
                // Only presses: terminals that report releases would double every key.
                Event::Key(key) if key.kind == KeyEventKind::Press => {
                    app.handle_key(key);
                    redraw = true;
                }
                Event::Mouse(mouse) => {
                    app.handle_mouse(mouse);
                    redraw = true;
                }
                Event::Resize(..) => redraw = true,
                _ => {}
            }
        }
    }
    Ok(())
}
