//! Starting the reader so that big inputs never freeze it: the first frame comes at once,
//! the digest loads on a thread behind a loading screen, and the company index is built
//! in the background while the headlines are already usable.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::app::{App, Progress, Stage};
use super::keymap::Keymap;
use super::options::ReaderOptions;
use super::reload::{ReloadEvent, Reloader, Stamps};
use super::terminal::{Term, TerminalGuard};
use super::ui::{self, Theme};
use super::watch::LiveReload;
use crate::commands;
use crate::companies::{CacheReport, CompanyIndex, IndexCache, KnownCompanies};
use crate::digest::{LoadError, Loaded};
use crate::query::TextIndex;
use crate::state::ReadState;

/// How often the screen refreshes while something runs in the background.
const BACKGROUND_FRAME: Duration = Duration::from_millis(50);

/// Up to this many articles the indexes are built before the first frame.
const INLINE_INDEX_LIMIT: usize = 2_000;

/// How often the loop looks for a finished reload while waiting for keys.
const RELOAD_POLL: Duration = Duration::from_millis(100);

#[derive(Debug, thiserror::Error)]
pub enum LaunchError {
    #[error("terminal: {0}")]
    Terminal(#[from] std::io::Error),
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("the loader stopped unexpectedly")]
    LoaderDied,
}

/// What the caller should report after the reader closes.
pub struct Outcome {
    pub warnings: usize,
    /// Marks that could not be saved (the state file was unwritable to the end).
    pub unsaved_marks: bool,
}

/// How the user set the reader up: the config file's choices and the command line's.
#[derive(Debug, Clone)]
pub struct Setup {
    pub options: ReaderOptions,
    pub keymap: Keymap,
    /// Already resolved for colour (monochrome without it).
    pub theme: Theme,
    /// Whether the terminal gets colour at all.
    pub color: bool,
    /// Folder of the company-index cache (`None`: tag every article afresh).
    pub cache_dir: Option<PathBuf>,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            options: ReaderOptions::default(),
            keymap: Keymap::default(),
            theme: Theme::default(),
            color: true,
            cache_dir: None,
        }
    }
}

/// Opens `paths` (none: the bundled sample) in the reader and runs it until the user quits.
/// `note` is a start-up problem to show in the status bar (e.g. an ignored companies.json).
pub fn launch(
    paths: Vec<PathBuf>,
    state_path: Option<PathBuf>,
    known: KnownCompanies,
    note: Option<String>,
    setup: Setup,
) -> Result<Outcome, LaunchError> {
    // crossterm drops colours by itself when NO_COLOR is set; `--color always` must beat
    // that, and without colour nothing (a widget's default style) may slip through.
    ratatui::crossterm::style::force_color_output(setup.color);
    let mut guard = TerminalGuard::new(setup.options.mouse)?;
    let terminal = &mut guard.terminal;
    let index_cache = (setup.cache_dir.as_deref()).and_then(|d| IndexCache::for_paths(d, &paths));
    // Stamped before loading, so a change during the load is reloaded too.
    let reloader = (!paths.is_empty())
        .then(|| Reloader::new(paths.clone(), known.clone(), Stamps::take(&paths)))
        .map(|r| r.with_cache(index_cache.clone()));
    let Some(loaded) = load_with_screen(terminal, &setup.theme, &setup.keymap, paths)? else {
        return Ok(Outcome {
            warnings: 0,
            unsaved_marks: false,
        });
    };
    let (state, state_warnings) = ReadState::open_or_default(state_path);
    let warnings = loaded.warnings.len();
    let mut reloader = reloader;
    if let Some(r) = &mut reloader {
        r.first_load(&loaded);
    }
    let mut app = App::shared(Arc::new(loaded.digest), state);
    app.setup(setup);
    app.index_cache = index_cache;
    if let Some(w) = state_warnings.last() {
        app.message = Some(w.clone());
    } else if note.is_some() {
        app.message = note;
    } else if warnings > 0 {
        app.message = Some(format!(
            "{warnings} problems in the input · `gazette check` lists them"
        ));
    }
    app.load_history();
    // Small digests index in a few milliseconds: no need for a background stage.
    let indexing = if app.digest.articles.len() <= INLINE_INDEX_LIMIT {
        let companies = CompanyIndex::build(&app.digest, &known);
        let words = TextIndex::build(&app.digest);
        app.set_companies(companies);
        app.set_text_index(words);
        None
    } else {
        Some(Indexing::start(&mut app, known))
    };
    let live = reloader.and_then(|r| match LiveReload::start(r) {
        Ok(live) => Some(live),
        Err(e) => {
            app.message = Some(format!("Live reload is off: {e}"));
            None
        }
    });
    let result = event_loop(terminal, &mut app, indexing, live);
    app.save_now();
    result?;
    Ok(Outcome {
        warnings,
        unsaved_marks: app.read.has_pending(),
    })
}

/// Loads on a thread while showing a loading screen. `None` when the user quit meanwhile.
fn load_with_screen(
    terminal: &mut Term,
    theme: &Theme,
    keymap: &Keymap,
    paths: Vec<PathBuf>,
) -> Result<Option<Loaded>, LaunchError> {
    let label = describe(&paths);
    // The user's quit keys (Ctrl-c always quits too).
    let quit_keys = keymap.label(Action::Quit);
    let started = Instant::now();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let _ = tx.send(commands::load(&paths));
    });
    loop {
        terminal.draw(|f| ui::loading(theme, f, &label, &quit_keys, started.elapsed()))?;
        match rx.recv_timeout(BACKGROUND_FRAME) {
            Ok(loaded) => return Ok(Some(loaded?)),
            Err(RecvTimeoutError::Disconnected) => return Err(LaunchError::LoaderDied),
            Err(RecvTimeoutError::Timeout) => {}
        }
        while event::poll(Duration::ZERO)? {
            if let Event::Key(key) = event::read()?
                && key.kind == KeyEventKind::Press
                && (keymap.action_for(key, false) == Some(Action::Quit)
                    || (key.code == KeyCode::Char('c')
                        && key.modifiers.contains(KeyModifiers::CONTROL)))
            {
                return Ok(None);
            }
        }
    }
}

/// "2019-06.txt (5.1 MB)", "news (3 paths, 585 MB)", "the bundled sample".
fn describe(paths: &[PathBuf]) -> String {
    fn size(p: &Path) -> u64 {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => std::fs::read_dir(p)
                .map(|d| d.flatten().map(|e| size(&e.path())).sum())
                .unwrap_or(0),
            Ok(m) => m.len(),
            Err(_) => 0,
        }
    }
    let Some(first) = paths.first() else {
        return "the bundled sample".to_string();
    };
    let bytes: u64 = paths.iter().map(|p| size(p)).sum();
    let mb = bytes as f64 / 1e6;
    if paths.len() == 1 {
        format!("{} ({mb:.0} MB)", first.display())
    } else {
        format!("{} paths ({mb:.0} MB)", paths.len())
    }
}

/// The word index of `digest`, after its company index was built through `cache`
/// (`report`): the `previous` one extended when its articles are the first of
/// `digest`'s, unchanged (by content hash); else from the cache's words file, or built
/// (and saved there).
pub(super) fn word_index(
    digest: &crate::digest::Digest,
    cache: Option<&IndexCache>,
    report: &CacheReport,
    previous: Option<(Arc<TextIndex>, Arc<Vec<u128>>)>,
) -> TextIndex {
    let words_file = cache.map(IndexCache::words_file);
    let saved = words_file.as_deref().zip(report.digest_key);
    match previous {
        Some((old, old_hashes))
            if old.articles() == old_hashes.len() && report.hashes.starts_with(&old_hashes) =>
        {
            let words = old.extended(digest);
            if let Some((path, key)) = saved {
                let _ = words.save(path, key);
            }
            words
        }
        _ => TextIndex::load_or_build(digest, saved),
    }
}

/// What the background thread delivers, in this order.
enum Built {
    Companies(CompanyIndex),
    /// The word index and the hashes of the articles it covers.
    Words(TextIndex, Vec<u128>),
}

/// The company index, then the word index, built on a thread.
pub struct Indexing {
    rx: Receiver<Built>,
    /// Articles through the company tagger so far.
    done: Arc<AtomicUsize>,
    total: usize,
    stage: Stage,
}

impl Indexing {
    pub fn start(app: &mut App, known: KnownCompanies) -> Indexing {
        let digest = Arc::clone(&app.digest);
        let cache = app.index_cache.clone();
        let previous = app.previous_words.take();
        let total = digest.articles.len();
        let (tx, rx) = mpsc::channel();
        let done = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&done);
        thread::spawn(move || {
            let (companies, report) =
                CompanyIndex::build_cached(&digest, &known, cache.as_ref(), &counter);
            if tx.send(Built::Companies(companies)).is_ok() {
                let words = word_index(&digest, cache.as_ref(), &report, previous);
                let _ = tx.send(Built::Words(words, report.hashes));
            }
        });
        Indexing {
            rx,
            done,
            total,
            stage: Stage::Companies,
        }
    }

    /// Installs what has been built; `false` once everything has arrived (or the thread died).
    pub fn poll(&mut self, app: &mut App) -> bool {
        loop {
            match self.rx.try_recv() {
                Ok(Built::Companies(index)) => {
                    app.set_companies(index);
                    self.stage = Stage::Words;
                }
                Ok(Built::Words(index, hashes)) => {
                    app.text_index_hashes = Arc::new(hashes);
                    app.set_text_index(index);
                    app.indexing = None;
                    return false;
                }
                Err(mpsc::TryRecvError::Empty) => {
                    app.indexing = Some(Progress {
                        stage: self.stage,
                        done: self.done.load(Ordering::Relaxed),
                        total: self.total,
                    });
                    return true;
                }
                Err(mpsc::TryRecvError::Disconnected) => {
                    app.indexing = None;
                    app.message =
                        Some("Indexing stopped; company and word search may be slow".into());
                    return false;
                }
            }
        }
    }
}

/// The reader's loop: draw when something changed, wait for a key, a tick or background work.
pub fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    mut indexing: Option<Indexing>,
    live: Option<LiveReload>,
) -> std::io::Result<()> {
    let mut redraw = true;
    while !app.should_quit {
        if let Some(live) = &live {
            while let Some(event) = live.poll() {
                // Indexes still building are for the digest being replaced.
                if matches!(event, ReloadEvent::Done(_)) {
                    indexing = None;
                }
                if app.apply_reload_event(event) {
                    indexing = Some(Indexing::start(app, live.known().clone()));
                }
                redraw = true;
            }
        }
        if let Some(job) = &mut indexing {
            if !job.poll(app) {
                indexing = None;
            }
            redraw = true;
        }
        if redraw {
            terminal.draw(|frame| ui::render(app, frame))?;
            if app.frame_drawn() {
                terminal.draw(|frame| ui::render(app, frame))?;
            }
        }
        redraw = app.tick(Instant::now());
        let mut wait = app.next_tick_in(Instant::now());
        if indexing.is_some() {
            wait = wait.min(BACKGROUND_FRAME);
        }
        if live.is_some() {
            wait = wait.min(RELOAD_POLL);
        }
        if event::poll(wait)? {
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
