//! The full-screen reader. `launch` starts it; `App` holds its state; `ui` draws it.

pub mod action;
pub mod app;
pub mod article_text;
pub mod days;
mod export;
mod filter;
pub mod keymap;
pub mod launch;
mod marks;
pub mod options;
mod picker;
pub mod position;
pub mod reload;
pub mod terminal;
pub mod trends;
pub mod ui;
mod view;
pub mod watch;
pub mod wrap;

pub use app::App;
pub use export::create_export_file;
pub use launch::launch;
pub use options::ReaderOptions;
pub use picker::PickerRow;
