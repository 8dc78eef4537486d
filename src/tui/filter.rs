//! The `/` filter bar: live queries in the filter language, errors, history, and the
//! word index arriving from the background.

use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::app::{App, FilterInput, Focus, Overlay, new_input};
use crate::query::history::History;
use crate::query::{self, TextIndex};
use crate::state::Persistence;

/// Above this many articles, a word search without the word index waits for Enter.
const SCAN_LIMIT: usize = 20_000;

impl App {
    pub(super) fn open_filter(&mut self) {
        let mut input =
            new_input("words, \"phrases\", @company, date:2019-06, is:unread, OR, -word");
        input.insert_str(&self.query);
        self.overlay = Overlay::Filter(Box::new(FilterInput {
            input,
            previous: self.query.clone(),
            history_pos: None,
        }));
    }

    pub(super) fn filter_key(&mut self, key: KeyEvent) {
        let Overlay::Filter(filter) = &mut self.overlay else {
            return;
        };
        match key.code {
            KeyCode::Enter => {
                self.overlay = Overlay::None;
                self.focus = Focus::Headlines;
                // A deferred word search runs now, on request.
                let text = self.query.clone();
                self.apply_query(&text, true);
                self.remember_query();
            }
            KeyCode::Esc => {
                let previous = std::mem::take(&mut filter.previous);
                self.overlay = Overlay::None;
                self.query_error = None;
                self.set_query(previous);
            }
            KeyCode::Up | KeyCode::Down => {
                let len = self.history.len();
                let pos = match (key.code, filter.history_pos) {
                    (_, _) if len == 0 => return,
                    (KeyCode::Up, None) => len - 1,
                    (KeyCode::Up, Some(p)) => p.saturating_sub(1),
                    (_, None) => return,
                    (_, Some(p)) if p + 1 >= len => {
                        filter.history_pos = None;
                        filter.input = new_input("");
                        self.set_query(String::new());
                        return;
                    }
                    (_, Some(p)) => p + 1,
                };
                filter.history_pos = Some(pos);
                let entry = self.history.get(pos).cloned().unwrap_or_default();
                let mut input = new_input("");
                input.insert_str(&entry);
                filter.input = input;
                self.set_query(entry);
            }
            _ => {
                if filter.input.input(key) {
                    let text = filter.input.lines().join(" ");
                    self.set_query(text);
                }
            }
        }
    }

    /// Sets the filter text (live, as typed). A malformed query shows its error and
    /// leaves the last good filter in force.
    pub fn set_query(&mut self, text: String) {
        if text != self.query {
            self.query = text.clone();
            self.apply_query(&text, false);
        }
    }

    /// Whether a word search would scan every article (index still building, big digest).
    pub(super) fn word_search_is_slow(&self) -> bool {
        !self.text_index_ready && self.digest.articles.len() > SCAN_LIMIT
    }

    pub(super) fn apply_query(&mut self, text: &str, on_request: bool) {
        match query::parse(text) {
            Ok(q) => {
                self.query_error = None;
                if q.uses_text() && self.word_search_is_slow() && !on_request {
                    self.word_search_waiting = true;
                    return;
                }
                self.word_search_waiting = false;
                if q == self.filter {
                    return;
                }
                self.highlight_words = q.highlight_words();
                self.filter = q;
                self.filter_text = text.trim().to_string();
                self.headline_selected = 0;
                self.recompute_view();
            }
            Err(e) => self.query_error = Some(format!("{e} · the last good filter stays")),
        }
    }

    /// Reads past queries from beside the state file (nothing when marks are memory-only).
    pub fn load_history(&mut self) {
        if let Persistence::Disk(path) = self.read.persistence() {
            let path = path.with_file_name(query::history::FILE_NAME);
            match History::load(&path) {
                Ok(h) => self.history = h.entries().to_vec(),
                Err(e) => self.message = Some(format!("Query history unreadable: {e}")),
            }
            self.history_path = Some(path);
        }
    }

    /// Adds the filter in force to the history (kept beside the state file).
    pub(super) fn remember_query(&mut self) {
        let text = self.query.trim().to_string();
        if text.is_empty() || self.query_error.is_some() {
            return;
        }
        match &self.history_path {
            Some(path) => match History::append(path, &text) {
                Ok(h) => self.history = h.entries().to_vec(),
                Err(e) => self.message = Some(format!("Query history not saved: {e}")),
            },
            None => {
                self.history.retain(|q| *q != text);
                self.history.push(text);
            }
        }
    }

    /// Installs the word index built in the background, and re-runs a waiting word search.
    pub fn set_text_index(&mut self, index: TextIndex) {
        self.text_index = Arc::new(index);
        self.text_index_ready = true;
        let text = self.query.clone();
        self.apply_query(&text, false);
    }
}
