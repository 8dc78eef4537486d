//! The reader's state and `apply(Action)`: everything the UI does, testable without a terminal.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Instant, SystemTime};

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};
use ratatui_textarea::TextArea;

use super::action::Action;
use super::article_text::{article_blocks, layout};
use super::days::{Day, days_newest_first};
use super::keymap::Keymap;
use super::options::ReaderOptions;
use super::position::ScrollAnchor;
use super::trends::TrendView;
use super::ui::Theme;
use crate::companies::{CompanyId, CompanyIndex};
use crate::digest::Digest;
use crate::query::{Query, TextIndex};
use crate::state::{ReadState, SaveTimer};

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
    Trends(Box<TrendView>),
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

pub struct App {
    /// Shared with background indexing threads.
    pub digest: Arc<Digest>,
    /// What the background indexing is doing; `None` once both indexes are in.
    pub indexing: Option<Progress>,
    /// The company-index cache of the opened paths (`None`: none, or the sample).
    pub index_cache: Option<crate::companies::IndexCache>,
    /// The hashes of the articles `text_index` was built from, in order (empty when
    /// unknown: built without a cache).
    pub text_index_hashes: Arc<Vec<u128>>,
    /// After a reload that appended articles: the word index of the old ones and their
    /// hashes, for the background indexing to extend instead of rebuilding.
    pub previous_words: Option<(Arc<TextIndex>, Arc<Vec<u128>>)>,
    pub days: Vec<Day>,
    pub read: ReadState,
    pub save_timer: SaveTimer,
    /// The state file's modification time when last read or written, to spot other writers.
    pub(super) state_seen: Option<SystemTime>,
    pub(super) last_refresh_check: Instant,
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
    /// The text in the filter bar (it may not parse; see `filter`).
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
    /// User choices from the config file.
    pub options: ReaderOptions,
    /// Company names drawn in the article view, for clicks (filled by the drawing).
    pub company_hits: Vec<(Rect, CompanyId)>,
    /// Where the export key writes (the current directory).
    pub export_dir: PathBuf,
    /// The keys in force (the defaults, or the config file's).
    pub keymap: Keymap,
    /// The styles to draw with (the config's theme, or monochrome without colour).
    pub theme: Theme,
    /// Which article `article_scroll` belongs to, and where that is in width-free terms.
    pub(super) scroll_anchor: ScrollAnchor,
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
            index_cache: None,
            text_index_hashes: Arc::new(Vec::new()),
            previous_words: None,
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
            options: ReaderOptions::default(),
            company_hits: Vec::new(),
            export_dir: PathBuf::from("."),
            keymap: Keymap::default(),
            theme: Theme::default(),
            scroll_anchor: ScrollAnchor::default(),
        };
        app.state_seen = app.state_mtime();
        app.recount_unread();
        app.recompute_view();
        app
    }

    /// Applies the user's set-up: options, keys, theme, and the default query as the filter.
    pub fn setup(&mut self, setup: super::launch::Setup) {
        self.options = setup.options;
        self.keymap = setup.keymap;
        self.theme = setup.theme;
        if let Some(query) = self.options.default_query.clone() {
            self.set_query(query);
            // The config check refuses a malformed query; should one slip through, start unfiltered.
            if let Some(e) = self.query_error.take() {
                self.query.clear();
                self.message = Some(format!("default_query ignored: {e}"));
            }
        }
    }

    /// Installs the company index (built after the digest loads, or again after a
    /// reload: company chips carry over by name).
    pub fn set_companies(&mut self, companies: CompanyIndex) {
        let chips = self.chip_names();
        self.companies = companies;
        self.set_chips(&chips);
        // Its series and ids belong to the index being replaced.
        if matches!(self.overlay, Overlay::Trends(_)) {
            self.overlay = Overlay::None;
        }
        self.recompute_view();
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
                if let Some(action) = self.keymap.action_for(key, self.focus == Focus::Article) {
                    self.apply(action);
                }
            }
            // Help scrolls with the arrows and the user's up/down keys.
            Overlay::Help { scroll } => match (key.code, self.keymap.action_for(key, false)) {
                (KeyCode::Down, _) | (_, Some(Action::MoveDown)) => {
                    *scroll = scroll.saturating_add(1)
                }
                (KeyCode::Up, _) | (_, Some(Action::MoveUp)) => *scroll = scroll.saturating_sub(1),
                (_, Some(Action::Quit)) => self.should_quit = true,
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
            Overlay::Trends(_) => self.trends_key(key),
        }
        self.after_event();
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
                    Focus::Article => return self.click_article(pos),
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
        self.after_event();
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
            Action::RemoveLastCompany => self.remove_last_company_chip(),
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
            Action::OpenTrends => self.open_trends(None),
            Action::ExportView => self.export_view(),
        }
        self.after_event();
    }

    /// Tab order: dates, headlines, article, and round again.
    fn pane_after(&self, f: Focus) -> Focus {
        match f {
            Focus::Dates => Focus::Headlines,
            Focus::Headlines => Focus::Article,
            Focus::Article => Focus::Dates,
        }
    }

    fn pane_before(&self, f: Focus) -> Focus {
        match f {
            Focus::Dates => Focus::Article,
            Focus::Headlines => Focus::Dates,
            Focus::Article => Focus::Headlines,
        }
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
        self.record_position();
    }

    fn open(&mut self) {
        match self.focus {
            Focus::Dates => self.focus = Focus::Headlines,
            Focus::Headlines | Focus::Article => {
                if let Some(a) = self.selected_article() {
                    self.focus = Focus::Article;
                    self.mark_opened_read(a);
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

    /// Marks an article read as it is opened, unless the options say to wait for its
    /// end (`mark_read_at_end`, see position.rs) or not to mark on opening at all.
    fn mark_opened_read(&mut self, a: u32) {
        if self.options.mark_read_on_open && !self.options.mark_read_at_end {
            self.set_read(a, true);
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
                    self.mark_opened_read(a);
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
}

pub(super) fn new_input(placeholder: &str) -> TextArea<'static> {
    let mut input = TextArea::default();
    input.set_placeholder_text(placeholder);
    input.set_cursor_line_style(ratatui::style::Style::default());
    input
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
