//! The reader's state and `apply(Action)`: everything the UI does, testable without a terminal.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use ratatui_textarea::TextArea;

use super::action::Action;
use super::article_text::{article_blocks, layout};
use super::days::{Day, day_of, days_newest_first};
use super::keymap::action_for;
use crate::companies::{CompanyId, CompanyIndex};
use crate::digest::Digest;
use crate::facts::Facts;
use crate::query::history::History;
use crate::query::{self, Query, TextIndex};
use crate::state::{Persistence, ReadState, SaveTimer};

/// What the background indexing is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub stage: Stage,
    /// Articles done in the company stage.
    pub done: usize,
    /// Articles being indexed.
    pub total: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Companies,
    Words,
}

/// The pane with keyboard focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Dates,
    Headlines,
    Article,
}

/// What takes the keys before the panes do.
#[derive(Debug, Default)]
pub enum Overlay {
    #[default]
    None,
    Help {
        scroll: u16,
    },
    Filter(Box<FilterInput>),
    Picker(Box<Picker>),
    Confirm(BulkMark),
}

/// The `/` bar while it is being edited.
#[derive(Debug)]
pub struct FilterInput {
    pub input: TextArea<'static>,
    /// The query in force when the bar opened, restored by Esc.
    pub previous: String,
    /// Position in the history while browsing it with Up/Down.
    pub history_pos: Option<usize>,
}

/// The company picker popup.
#[derive(Debug)]
pub struct Picker {
    pub input: TextArea<'static>,
    pub selected: usize,
}

/// A bulk mark waiting for confirmation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkMark {
    pub articles: Vec<u32>,
}

/// Where each pane was drawn last, for mouse hit-testing and paging.
#[derive(Debug, Default, Clone, Copy)]
pub struct PaneAreas {
    pub dates: Rect,
    pub headlines: Rect,
    pub article: Rect,
}

/// Above this many articles, a word search without the word index waits for Enter.
const SCAN_LIMIT: usize = 20_000;

/// How often the reader checks whether another process changed the marks.
const REFRESH_EVERY: Duration = Duration::from_secs(2);

pub struct App {
    /// Shared with background indexing threads.
    pub digest: Arc<Digest>,
    /// Articles indexed so far while the company index builds in the background.
    pub indexing: Option<Progress>,
    pub days: Vec<Day>,
    pub read: ReadState,
    pub save_timer: SaveTimer,
    /// The state file's modification time when last read or written, to spot other writers.
    state_seen: Option<SystemTime>,
    last_refresh_check: Instant,
    /// Unread count per day (same order as `days`).
    pub day_unread: Vec<u32>,
    pub focus: Focus,
    pub overlay: Overlay,
    /// 0 is "All dates", `i` is `days[i - 1]`.
    pub date_selected: usize,
    pub date_offset: usize,
    /// The articles shown in the headline pane, in display order.
    pub view: Vec<u32>,
    pub headline_selected: usize,
    pub headline_offset: usize,
    pub article_scroll: usize,
    /// The filter text in force.
    pub query: String,
    /// The last query that parsed: a malformed one leaves this (and the view) in place.
    pub filter: Query,
    /// The text of `filter`, for the status bar.
    pub filter_text: String,
    pub query_error: Option<String>,
    /// Words of the filter to highlight in the article.
    pub highlight_words: Vec<String>,
    /// The inverted word index; empty until built in the background (text terms are
    /// then answered by a scan).
    pub text_index: Arc<TextIndex>,
    pub text_index_ready: bool,
    /// A typed word search waits for the word index (or for Enter).
    pub word_search_waiting: bool,
    /// Past filter queries, oldest first, and where they are kept.
    pub history: Vec<String>,
    pub history_path: Option<PathBuf>,
    pub companies: CompanyIndex,
    /// Company chips: the view shows articles mentioning all of them.
    pub company_filter: Vec<CompanyId>,
    pub unread_only: bool,
    /// The last bulk mark, for `U`: each article and whether it was read before.
    pub undo: Option<Vec<(u32, bool)>>,
    pub message: Option<String>,
    pub areas: PaneAreas,
    /// True when the last frame was too narrow for side-by-side panes.
    pub narrow: bool,
    pub should_quit: bool,
}

impl App {
    /// A reader with read marks in memory only (tests, benches).
    pub fn new(digest: Digest) -> App {
        App::with_state(digest, ReadState::in_memory())
    }

    pub fn with_state(digest: Digest, read: ReadState) -> App {
        App::shared(Arc::new(digest), read)
    }

    pub fn shared(digest: Arc<Digest>, read: ReadState) -> App {
        let days = days_newest_first(&digest);
        let mut app = App {
            digest,
            indexing: None,
            days,
            read,
            save_timer: SaveTimer::default(),
            state_seen: None,
            last_refresh_check: Instant::now(),
            day_unread: Vec::new(),
            focus: Focus::Headlines,
            overlay: Overlay::None,
            date_selected: 0,
            date_offset: 0,
            view: Vec::new(),
            headline_selected: 0,
            headline_offset: 0,
            article_scroll: 0,
            query: String::new(),
            filter: Query::default(),
            filter_text: String::new(),
            query_error: None,
            highlight_words: Vec::new(),
            text_index: Arc::new(TextIndex::empty()),
            text_index_ready: false,
            word_search_waiting: false,
            history: Vec::new(),
            history_path: None,
            companies: CompanyIndex::default(),
            company_filter: Vec::new(),
            unread_only: false,
            undo: None,
            message: None,
            areas: PaneAreas::default(),
            narrow: false,
            should_quit: false,
        };
        app.state_seen = app.state_mtime();
        app.recount_unread();
        app.recompute_view();
        app
    }

    /// Installs the company index (built after the digest loads).
    pub fn set_companies(&mut self, companies: CompanyIndex) {
        self.companies = companies;
        self.company_filter.clear();
        self.recompute_view();
    }

    /// Recounts unread articles per day from the read state.
    fn recount_unread(&mut self) {
        let digest = &self.digest;
        let read = &self.read;
        self.day_unread = self
            .days
            .iter()
            .map(|d| {
                (d.start..d.end)
                    .filter(|&a| {
                        digest
                            .articles
                            .get(a as usize)
                            .is_some_and(|x| !read.is_read(x.id))
                    })
                    .count() as u32
            })
            .collect();
    }

    fn state_mtime(&self) -> Option<SystemTime> {
        match self.read.persistence() {
            Persistence::Disk(path) => std::fs::metadata(path).and_then(|m| m.modified()).ok(),
            Persistence::MemoryOnly { .. } => None,
        }
    }

    /// How long the event loop may wait before `tick` has work to do.
    pub fn next_tick_in(&self, now: Instant) -> Duration {
        self.save_timer
            .time_left(now)
            .unwrap_or(REFRESH_EVERY)
            .min(REFRESH_EVERY)
    }

    /// Saves marks when the debounce delay is up, and picks up marks made by other
    /// processes when the state file changed. Returns whether the screen needs a redraw.
    pub fn tick(&mut self, now: Instant) -> bool {
        if self.save_timer.is_due(now) {
            self.save_now();
            return true;
        }
        if now.duration_since(self.last_refresh_check) >= REFRESH_EVERY {
            self.last_refresh_check = now;
            let mtime = self.state_mtime();
            if mtime.is_some() && mtime != self.state_seen {
                if let Err(e) = self.read.refresh() {
                    self.message = Some(format!("Could not re-read marks: {e}"));
                }
                self.after_disk_sync();
                return true;
            }
        }
        false
    }

    /// Writes pending marks now (also on quit). Failures keep the marks pending for a retry.
    pub fn save_now(&mut self) {
        self.save_timer.saved();
        if !self.read.has_pending() {
            return;
        }
        if let Err(e) = self.read.save() {
            self.message = Some(format!("Marks not saved yet: {e}"));
            self.save_timer.changed(Instant::now());
        }
        self.after_disk_sync();
    }

    fn after_disk_sync(&mut self) {
        self.state_seen = self.state_mtime();
        if let Some(w) = self.read.take_warnings().into_iter().last() {
            self.message = Some(w);
        }
        self.recount_unread();
    }

    /// The article selected in the headline pane, if the view is not empty.
    pub fn selected_article(&self) -> Option<u32> {
        self.view.get(self.headline_selected).copied()
    }

    pub fn is_read(&self, article: u32) -> bool {
        self.digest
            .articles
            .get(article as usize)
            .is_some_and(|a| self.read.is_read(a.id))
    }

    pub fn unread_total(&self) -> u32 {
        self.day_unread.iter().sum()
    }

    pub fn selected_day(&self) -> Option<&Day> {
        self.date_selected
            .checked_sub(1)
            .and_then(|i| self.days.get(i))
    }

    /// Whether the article view covers the whole screen (narrow terminals).
    pub fn article_fullscreen(&self) -> bool {
        self.narrow && self.focus == Focus::Article
    }

    // ----- keys and mouse -------------------------------------------------

    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.should_quit = true;
            return;
        }
        match &mut self.overlay {
            Overlay::None => {
                if let Some(action) = action_for(key, self.focus == Focus::Article) {
                    self.apply(action);
                }
            }
            Overlay::Help { scroll } => match key.code {
                KeyCode::Char('j') | KeyCode::Down => *scroll = scroll.saturating_add(1),
                KeyCode::Char('k') | KeyCode::Up => *scroll = scroll.saturating_sub(1),
                KeyCode::Char('q') => self.should_quit = true,
                _ => self.overlay = Overlay::None,
            },
            Overlay::Confirm(_) => match key.code {
                KeyCode::Char('y' | 'Y') | KeyCode::Enter => self.confirm_bulk_mark(),
                _ => {
                    self.overlay = Overlay::None;
                    self.message = Some("Nothing marked".into());
                }
            },
            Overlay::Filter(_) => self.filter_key(key),
            Overlay::Picker(_) => self.picker_key(key),
        }
    }

    pub fn handle_mouse(&mut self, mouse: MouseEvent) {
        if !matches!(self.overlay, Overlay::None) {
            return;
        }
        let pos = Position::new(mouse.column, mouse.row);
        let pane = if self.areas.article.contains(pos) {
            Focus::Article
        } else if self.areas.headlines.contains(pos) {
            Focus::Headlines
        } else if self.areas.dates.contains(pos) {
            Focus::Dates
        } else {
            return;
        };
        match mouse.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let previous = self.focus;
                self.focus = pane;
                let action = if mouse.kind == MouseEventKind::ScrollDown {
                    Action::MoveDown
                } else {
                    Action::MoveUp
                };
                for _ in 0..3 {
                    self.apply(action);
                }
                self.focus = previous;
            }
            MouseEventKind::Down(_) => {
                self.focus = pane;
                let area = match pane {
                    Focus::Dates => self.areas.dates,
                    Focus::Headlines => self.areas.headlines,
                    Focus::Article => return,
                };
                // Rows start one below the pane's top border.
                let row = usize::from(mouse.row.saturating_sub(area.y + 1));
                match pane {
                    Focus::Dates => self.select_date(self.date_offset + row),
                    _ => self.select_headline(self.headline_offset + row),
                }
            }
            _ => {}
        }
    }

    // ----- actions --------------------------------------------------------

    pub fn apply(&mut self, action: Action) {
        self.message = None;
        match action {
            Action::Quit => self.should_quit = true,
            Action::ToggleHelp => self.overlay = Overlay::Help { scroll: 0 },
            Action::OpenFilter => self.open_filter(),
            Action::OpenCompanyPicker => {
                self.overlay = Overlay::Picker(Box::new(Picker {
                    input: new_input("type to narrow"),
                    selected: 0,
                }))
            }
            Action::ToggleUnreadOnly => {
                self.unread_only = !self.unread_only;
                self.recompute_view();
            }
            Action::FocusNext => self.focus = self.pane_after(self.focus),
            Action::FocusPrev => self.focus = self.pane_before(self.focus),
            Action::FocusLeft => {
                if self.focus != Focus::Dates {
                    self.focus = self.pane_before(self.focus);
                }
            }
            Action::FocusRight => {
                if self.focus != Focus::Article {
                    self.focus = self.pane_after(self.focus);
                }
            }
            Action::MoveDown => self.move_by(1),
            Action::MoveUp => self.move_by(-1),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::HalfPageDown => self.move_by((self.page() / 2).max(1) as isize),
            Action::HalfPageUp => self.move_by(-((self.page() / 2).max(1) as isize)),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::Open => self.open(),
            Action::Back => self.back(),
            Action::ReadOn => self.read_on(),
            Action::NextUnread => self.jump_unread(true),
            Action::PrevUnread => self.jump_unread(false),
            Action::ToggleRead => {
                if let Some(a) = self.selected_article() {
                    let read = !self.is_read(a);
                    self.set_read(a, read);
                }
            }
            Action::MarkViewRead => {
                let articles: Vec<u32> = self
                    .view
                    .iter()
                    .copied()
                    .filter(|&a| !self.is_read(a))
                    .collect();
                if articles.is_empty() {
                    self.message = Some("Every article in the view is already read".into());
                } else {
                    self.overlay = Overlay::Confirm(BulkMark { articles });
                }
            }
            Action::MarkDayRead => self.mark_day_read(),
            Action::UndoBulkMark => self.undo_bulk_mark(),
        }
    }

    fn panes(&self) -> &'static [Focus] {
        &[Focus::Dates, Focus::Headlines, Focus::Article]
    }

    fn pane_after(&self, f: Focus) -> Focus {
        let panes = self.panes();
        let i = panes.iter().position(|p| *p == f).unwrap_or(0);
        panes.get((i + 1) % panes.len()).copied().unwrap_or(f)
    }

    fn pane_before(&self, f: Focus) -> Focus {
        let panes = self.panes();
        let i = panes.iter().position(|p| *p == f).unwrap_or(0);
        panes
            .get((i + panes.len() - 1) % panes.len())
            .copied()
            .unwrap_or(f)
    }

    /// Rows in the focused pane, for paging.
    fn page(&self) -> usize {
        let area = match self.focus {
            Focus::Dates => self.areas.dates,
            Focus::Headlines => self.areas.headlines,
            Focus::Article => self.areas.article,
        };
        usize::from(area.height.saturating_sub(2)).max(1)
    }

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::Dates => self.select_date(self.date_selected.saturating_add_signed(delta)),
            Focus::Headlines => {
                self.select_headline(self.headline_selected.saturating_add_signed(delta))
            }
            Focus::Article => self.scroll_article(delta),
        }
    }

    pub fn select_date(&mut self, index: usize) {
        let index = index.min(self.days.len());
        if index != self.date_selected {
            self.date_selected = index;
            self.headline_selected = 0;
            self.recompute_view();
        }
    }

    pub fn select_headline(&mut self, index: usize) {
        let index = index.min(self.view.len().saturating_sub(1));
        if index != self.headline_selected {
            self.headline_selected = index;
            self.article_scroll = 0;
        }
    }

    /// Wrapped lines in the article view at its last drawn width, header included.
    pub fn article_lines(&self) -> usize {
        // Borders and the scrollbar column.
        let width = self.areas.article.width.saturating_sub(3);
        self.selected_article().map_or(0, |a| {
            layout(&article_blocks(&self.digest, &self.companies, a), width).len()
        })
    }

    fn max_article_scroll(&self) -> usize {
        self.article_lines()
            .saturating_sub(usize::from(self.areas.article.height.saturating_sub(2)))
    }

    fn scroll_article(&mut self, delta: isize) {
        self.article_scroll = self
            .article_scroll
            .saturating_add_signed(delta)
            .min(self.max_article_scroll());
    }

    fn open(&mut self) {
        match self.focus {
            Focus::Dates => self.focus = Focus::Headlines,
            Focus::Headlines | Focus::Article => {
                if let Some(a) = self.selected_article() {
                    self.focus = Focus::Article;
                    self.article_scroll = 0;
                    self.set_read(a, true);
                }
            }
        }
    }

    fn back(&mut self) {
        if self.focus == Focus::Article {
            self.focus = Focus::Headlines;
        } else if !self.query.is_empty() || !self.company_filter.is_empty() || self.unread_only {
            self.query.clear();
            self.filter = Query::default();
            self.filter_text.clear();
            self.highlight_words.clear();
            self.query_error = None;
            self.company_filter.clear();
            self.unread_only = false;
            self.recompute_view();
            self.message = Some("Filters cleared".into());
        }
    }

    fn read_on(&mut self) {
        if self.article_scroll >= self.max_article_scroll() {
            self.jump_unread(true);
        } else {
            self.scroll_article(self.page() as isize);
        }
    }

    /// Selects the next (or previous) unread article in the view; in the
    /// article view it is opened and marked read, as reading on should.
    fn jump_unread(&mut self, forward: bool) {
        let current = self.headline_selected;
        let found = if forward {
            (current + 1..self.view.len())
                .find(|&i| self.view.get(i).is_some_and(|&a| !self.is_read(a)))
        } else {
            (0..current)
                .rev()
                .find(|&i| self.view.get(i).is_some_and(|&a| !self.is_read(a)))
        };
        match found {
            Some(i) => {
                self.headline_selected = i;
                self.article_scroll = 0;
                if self.focus == Focus::Article
                    && let Some(a) = self.selected_article()
                {
                    self.set_read(a, true);
                }
            }
            None => {
                self.message = Some(if forward {
                    "No unread articles below".into()
                } else {
                    "No unread articles above".into()
                })
            }
        }
    }

    pub fn set_read(&mut self, article: u32, read: bool) {
        let Some(a) = self.digest.articles.get(article as usize) else {
            return;
        };
        let was = self.read.is_read(a.id);
        if was == read {
            return;
        }
        self.read.set_read(a.id, read);
        self.save_timer.changed(Instant::now());
        if let Some(count) = day_of(&self.days, article).and_then(|d| self.day_unread.get_mut(d)) {
            if read {
                *count = count.saturating_sub(1);
            } else {
                *count += 1;
            }
        }
    }

    fn mark_bulk(&mut self, articles: &[u32]) {
        let before: Vec<(u32, bool)> = articles.iter().map(|&a| (a, self.is_read(a))).collect();
        for &a in articles {
            self.set_read(a, true);
        }
        self.message = Some(format!(
            "Marked {} read · U undoes",
            group_digits(articles.len())
        ));
        self.undo = Some(before);
    }

    fn confirm_bulk_mark(&mut self) {
        if let Overlay::Confirm(bulk) = std::mem::take(&mut self.overlay) {
            self.mark_bulk(&bulk.articles);
        }
    }

    fn mark_day_read(&mut self) {
        let day = match self.focus {
            Focus::Dates => self.selected_day().copied(),
            _ => self
                .selected_article()
                .and_then(|a| day_of(&self.days, a))
                .and_then(|d| self.days.get(d).copied()),
        };
        if let Some(day) = day {
            let articles: Vec<u32> = (day.start..day.end).collect();
            self.mark_bulk(&articles);
        }
    }

    fn undo_bulk_mark(&mut self) {
        match self.undo.take() {
            Some(before) => {
                for &(a, read) in &before {
                    self.set_read(a, read);
                }
                self.message = Some(format!("Undone: {} restored", group_digits(before.len())));
            }
            None => self.message = Some("Nothing to undo".into()),
        }
    }

    // ----- filter bar and picker -----------------------------------------

    fn open_filter(&mut self) {
        let mut input =
            new_input("words, \"phrases\", @company, date:2019-06, is:unread, OR, -word");
        input.insert_str(&self.query);
        self.overlay = Overlay::Filter(Box::new(FilterInput {
            input,
            previous: self.query.clone(),
            history_pos: None,
        }));
    }

    fn filter_key(&mut self, key: KeyEvent) {
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
    fn word_search_is_slow(&self) -> bool {
        !self.text_index_ready && self.digest.articles.len() > SCAN_LIMIT
    }

    fn apply_query(&mut self, text: &str, on_request: bool) {
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
    fn remember_query(&mut self) {
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

    /// Companies offered by the picker for what has been typed, most-mentioned first;
    /// names starting with the typed text come before names merely containing it.
    pub fn picker_rows(&self, typed: &str) -> Vec<(CompanyId, usize)> {
        let typed = typed.trim().to_lowercase();
        let rows = self
            .companies
            .by_count()
            .into_iter()
            .filter(|(_, n)| *n > 0);
        if typed.is_empty() {
            return rows.collect();
        }
        let (mut starts, mut contains): (Vec<_>, Vec<_>) = (Vec::new(), Vec::new());
        for row in rows {
            let name = self.companies.name(row.0).to_lowercase();
            if name.starts_with(&typed) {
                starts.push(row);
            } else if name.contains(&typed) {
                contains.push(row);
            }
        }
        starts.extend(contains);
        starts
    }

    fn picker_key(&mut self, key: KeyEvent) {
        let Overlay::Picker(picker) = &mut self.overlay else {
            return;
        };
        match key.code {
            KeyCode::Esc => self.overlay = Overlay::None,
            KeyCode::Down => picker.selected = picker.selected.saturating_add(1),
            KeyCode::Up => picker.selected = picker.selected.saturating_sub(1),
            KeyCode::Enter => {
                let typed = picker.input.lines().join(" ");
                let selected = picker.selected;
                let rows = self.picker_rows(&typed);
                self.overlay = Overlay::None;
                if let Some(&(id, _)) = rows.get(selected.min(rows.len().saturating_sub(1))) {
                    if !self.company_filter.contains(&id) {
                        self.company_filter.push(id);
                    }
                    self.headline_selected = 0;
                    self.recompute_view();
                }
            }
            _ => {
                if picker.input.input(key) {
                    picker.selected = 0;
                }
            }
        }
    }

    // ----- the view -------------------------------------------------------

    /// Rebuilds the headline list from the date, filter, companies and unread settings,
    /// keeping the selected article selected when it is still there.
    pub fn recompute_view(&mut self) {
        let keep = self.selected_article();
        let days: &[Day] = match self.date_selected.checked_sub(1) {
            Some(i) => self.days.get(i..=i).unwrap_or(&[]),
            None => &self.days,
        };
        // The query's matches and the company chips' posting lists, intersected: sorted
        // article indices (= date order), or None for every article.
        let mut matches: Option<Vec<u32>> = (!self.filter.is_empty()).then(|| {
            let facts = Facts {
                digest: &self.digest,
                companies: &self.companies,
                read: &self.read,
            };
            self.filter.evaluate(&self.digest, &facts, &self.text_index)
        });
        for &company in &self.company_filter {
            let postings = self.companies.articles_of(company);
            matches = Some(match matches {
                None => postings.to_vec(),
                Some(m) => intersect_sorted(&m, postings),
            });
        }
        let keeps = |a: u32| {
            !self.unread_only
                || self
                    .digest
                    .articles
                    .get(a as usize)
                    .is_some_and(|article| !self.read.is_read(article.id))
        };
        let mut view = Vec::new();
        for day in days {
            match &matches {
                Some(m) => {
                    let lo = m.partition_point(|&x| x < day.start);
                    let hi = m.partition_point(|&x| x < day.end);
                    view.extend(
                        m.get(lo..hi)
                            .unwrap_or(&[])
                            .iter()
                            .copied()
                            .filter(|&a| keeps(a)),
                    );
                }
                None => view.extend((day.start..day.end).filter(|&a| keeps(a))),
            }
        }
        self.view = view;
        self.headline_selected = keep
            .and_then(|k| self.view.iter().position(|&a| a == k))
            .unwrap_or(
                self.headline_selected
                    .min(self.view.len().saturating_sub(1)),
            );
        self.article_scroll = 0;
    }
}

fn new_input(placeholder: &str) -> TextArea<'static> {
    let mut input = TextArea::default();
    input.set_placeholder_text(placeholder);
    input.set_cursor_line_style(ratatui::style::Style::default());
    input
}

/// The elements of two ascending lists found in both.
fn intersect_sorted(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(x);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// `1234567` -> `1,234,567`.
pub fn group_digits(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
