//! Read state that is never lost: which articles were read and how far, saved atomically
//! and merged with other gazette processes sharing the same file.
//!
//! The in-memory store keeps the merged view plus the *pending* marks, unmarks and
//! reading positions made since the last save. [`ReadState::save`] takes the lock, re-reads the file, applies
//! the pending changes on top (so another process's marks are kept), writes atomically
//! and refreshes the view from the merged result.

pub mod atomic;
pub mod file;
pub mod lock;
pub mod positions;
pub mod timer;

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, SubsecRound, Utc};
use rustc_hash::FxHashMap;

use crate::digest::ArticleId;
pub use file::{FormatError, StateFile, VERSION, parse_article_id};
use positions::PositionChange;
pub use positions::{MAX_POSITIONS, Position, SavedPosition};
pub use timer::SaveTimer;

/// Where the marks go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Persistence {
    /// Saved to this file.
    Disk(PathBuf),
    /// Kept in memory only, lost on exit; `reason` says why (for the status bar).
    MemoryOnly { reason: String },
}

impl fmt::Display for Persistence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Persistence::Disk(path) => write!(f, "read state in {}", path.display()),
            Persistence::MemoryOnly { reason } => {
                write!(f, "read state not saved: {reason}")
            }
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StateError {
    #[error("{}: cannot {action}: {source}", path.display())]
    Io {
        path: PathBuf,
        action: &'static str,
        #[source]
        source: io::Error,
    },
}

impl StateError {
    /// For `map_err`: `.map_err(StateError::io(path, "write"))`.
    pub fn io(path: &Path, action: &'static str) -> impl FnOnce(io::Error) -> StateError {
        let path = path.to_path_buf();
        move |source| StateError::Io {
            path,
            action,
            source,
        }
    }
}

/// The read marks of every article gazette has seen, loaded or not.
#[derive(Debug)]
pub struct ReadState {
    persistence: Persistence,
    /// The merged view: on-disk marks as of the last save/refresh, plus pending changes.
    read: FxHashMap<ArticleId, DateTime<Utc>>,
    /// Changes since the last save: `Some(time)` = mark read, `None` = mark unread.
    /// Recorded even when the view already agrees, because the view may be stale
    /// (another process may have changed the file since) and the user's intent wins.
    pending: FxHashMap<ArticleId, Option<DateTime<Utc>>>,
    /// Reading positions, merged view (as `read`).
    positions: FxHashMap<ArticleId, SavedPosition>,
    /// Positions set or forgotten since the last save.
    pending_positions: FxHashMap<ArticleId, PositionChange>,
    /// Warnings from `save`/`refresh` not yet shown (see [`ReadState::take_warnings`]).
    warnings: Vec<String>,
}

/// What the file on disk held when we looked.
enum OnDisk {
    Missing,
    Good(StateFile),
    /// It was unusable and has been moved aside.
    SetAside,
}

impl ReadState {
    /// Opens the state file at `path` (created on the first save), creating its folder.
    ///
    /// Never fails: an unusable file is moved aside and an unwritable place means
    /// memory-only state. The warnings say what happened, naming the files.
    pub fn open(path: PathBuf) -> (ReadState, Vec<String>) {
        let path = resolve_symlink(path);
        let mut state = ReadState::with(Persistence::Disk(path.clone()));
        if let Err(err) = prepare(&path) {
            state.fall_back_to_memory(err.to_string());
        } else if let Err(err) = state.refresh() {
            state.fall_back_to_memory(err.to_string());
        }
        let warnings = state.take_warnings();
        (state, warnings)
    }

    /// `--state`/`$GAZETTE_STATE` if given (clap fills both into one option), else
    /// [`ReadState::default_path`], else memory-only.
    pub fn open_or_default(path: Option<PathBuf>) -> (ReadState, Vec<String>) {
        match path.or_else(ReadState::default_path) {
            Some(path) => ReadState::open(path),
            None => {
                let mut state = ReadState::in_memory();
                state.fall_back_to_memory(
                    "no data folder found; set GAZETTE_STATE or pass --state FILE".into(),
                );
                let warnings = state.take_warnings();
                (state, warnings)
            }
        }
    }

    /// `<data dir>/gazette/state.json` (e.g. `~/.local/share/gazette/state.json`).
    pub fn default_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "gazette").map(|d| d.data_dir().join("state.json"))
    }

    /// Empty state that is never saved.
    pub fn in_memory() -> ReadState {
        ReadState::with(Persistence::MemoryOnly {
            reason: "in-memory state".into(),
        })
    }

    fn with(persistence: Persistence) -> ReadState {
        ReadState {
            persistence,
            read: FxHashMap::default(),
            pending: FxHashMap::default(),
            positions: FxHashMap::default(),
            pending_positions: FxHashMap::default(),
            warnings: Vec::new(),
        }
    }

    fn fall_back_to_memory(&mut self, reason: String) {
        self.warnings
            .push(format!("read marks are kept in memory only: {reason}"));
        self.persistence = Persistence::MemoryOnly { reason };
    }

    pub fn is_read(&self, id: ArticleId) -> bool {
        self.read.contains_key(&id)
    }

    /// When `id` was marked read, if it is.
    pub fn read_at(&self, id: ArticleId) -> Option<DateTime<Utc>> {
        self.read.get(&id).copied()
    }

    /// How many ids are marked read, loaded or not.
    pub fn read_count(&self) -> usize {
        self.read.len()
    }

    /// Marks one article; returns whether the view changed.
    pub fn set_read(&mut self, id: ArticleId, read: bool) -> bool {
        if read {
            let mut changed = false;
            let time = *self.read.entry(id).or_insert_with(|| {
                changed = true;
                // Whole seconds, as the file stores them, so the view matches a reload.
                Utc::now().trunc_subsecs(0)
            });
            self.pending.insert(id, Some(time));
            changed
        } else {
            self.pending.insert(id, None);
            self.read.remove(&id).is_some()
        }
    }

    /// Marks many articles; returns the ids whose state changed, in order (what an
    /// undo of this bulk mark must flip back with `set_many(changed, !read)`).
    pub fn set_many(
        &mut self,
        ids: impl IntoIterator<Item = ArticleId>,
        read: bool,
    ) -> Vec<ArticleId> {
        ids.into_iter()
            .filter(|&id| self.set_read(id, read))
            .collect()
    }

    /// Where the reader left article `id`, if it was left part-read.
    pub fn position(&self, id: ArticleId) -> Option<Position> {
        self.positions.get(&id).map(|p| p.position)
    }

    /// How many articles have a reading position.
    pub fn position_count(&self) -> usize {
        self.positions.len()
    }

    /// Remembers how far article `id` was read; `None` forgets it (back at the top, or
    /// read to the end). Returns whether the view changed (an unchanged position is
    /// not recorded, so scrolling back and forth saves nothing new).
    pub fn set_position(&mut self, id: ArticleId, position: Option<Position>) -> bool {
        if self.position(id) == position {
            return false;
        }
        let at = Utc::now().trunc_subsecs(0);
        match position {
            Some(position) => {
                self.positions.insert(id, SavedPosition { position, at });
            }
            None => {
                self.positions.remove(&id);
            }
        }
        self.pending_positions
            .insert(id, PositionChange { position, at });
        true
    }

    /// Whether there are marks or positions not yet saved.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty() || !self.pending_positions.is_empty()
    }

    pub fn persistence(&self) -> &Persistence {
        &self.persistence
    }

    /// Warnings from `save`/`refresh` since the last call (a corrupt file moved aside).
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// Lock, re-read the file, apply the pending changes on top, write atomically,
    /// and refresh the view from the result (so other processes' marks show up).
    ///
    /// On error the pending changes are kept, so the next save retries them.
    /// Memory-only state: drops the pending list (there is nowhere to save it).
    pub fn save(&mut self) -> Result<(), StateError> {
        let Persistence::Disk(path) = &self.persistence else {
            self.pending.clear();
            self.pending_positions.clear();
            return Ok(());
        };
        let path = path.clone();
        let _lock = lock::acquire(&path)?;
        let (mut file, must_write) = match self.read_disk(&path, true)? {
            OnDisk::Missing => (StateFile::default(), self.has_pending()),
            OnDisk::Good(file) => (file, self.has_pending()),
            // Our view is the best knowledge left; write all of it.
            OnDisk::SetAside => (
                StateFile {
                    read: self.read.iter().map(|(&id, &t)| (id, t)).collect(),
                    positions: self.positions.iter().map(|(&id, &p)| (id, p)).collect(),
                    ..StateFile::default()
                },
                true,
            ),
        };
        apply(&self.pending, &mut file.read);
        positions::apply(&self.pending_positions, &mut file.positions);
        positions::prune(&mut file.positions, MAX_POSITIONS);
        if must_write {
            atomic::replace(&path, &file.to_bytes())?;
        }
        self.pending.clear();
        self.pending_positions.clear();
        self.read = file.read.into_iter().collect();
        self.positions = file.positions.into_iter().collect();
        Ok(())
    }

    /// Re-reads the file (no write); pending changes stay pending and stay visible.
    pub fn refresh(&mut self) -> Result<(), StateError> {
        let Persistence::Disk(path) = &self.persistence else {
            return Ok(());
        };
        let path = path.clone();
        match self.read_disk(&path, false)? {
            OnDisk::Missing => self.set_view(StateFile::default()),
            OnDisk::Good(file) => self.set_view(file),
            OnDisk::SetAside => {
                // Keep what we know and make the next save write it all back.
                for (&id, &time) in &self.read {
                    self.pending.entry(id).or_insert(Some(time));
                }
                for (&id, saved) in &self.positions {
                    self.pending_positions.entry(id).or_insert(PositionChange {
                        position: Some(saved.position),
                        at: saved.at,
                    });
                }
            }
        }
        Ok(())
    }

    fn set_view(&mut self, mut disk: StateFile) {
        apply(&self.pending, &mut disk.read);
        positions::apply(&self.pending_positions, &mut disk.positions);
        self.read = disk.read.into_iter().collect();
        self.positions = disk.positions.into_iter().collect();
    }

    /// Reads the file; moves an unusable one aside (under the lock, after checking
    /// again, so a file another process just replaced is never the one moved).
    fn read_disk(&mut self, path: &Path, locked: bool) -> Result<OnDisk, StateError> {
        let problem = match read_file(path) {
            Ok(None) => return Ok(OnDisk::Missing),
            Ok(Some(file)) => return Ok(OnDisk::Good(file)),
            Err(problem) => problem,
        };
        let (_lock, problem) = if locked {
            (None, problem)
        } else {
            let lock = lock::acquire(path)?;
            match read_file(path) {
                Ok(None) => return Ok(OnDisk::Missing),
                Ok(Some(file)) => return Ok(OnDisk::Good(file)),
                Err(problem) => (Some(lock), problem),
            }
        };
        let aside = set_aside(path)?;
        self.warnings.push(format!(
            "{}: unusable read state ({problem}); moved it to {} and continued without it",
            path.display(),
            aside.display()
        ));
        Ok(OnDisk::SetAside)
    }
}

/// Pending changes on top of `read`. A mark keeps an existing (earlier) time.
fn apply(
    pending: &FxHashMap<ArticleId, Option<DateTime<Utc>>>,
    read: &mut BTreeMap<ArticleId, DateTime<Utc>>,
) {
    for (&id, &change) in pending {
        match change {
            Some(time) => {
                read.entry(id).or_insert(time);
            }
            None => {
                read.remove(&id);
            }
        }
    }
}

/// `Ok(None)`: no file yet. `Err`: the file exists but is unusable, and why.
fn read_file(path: &Path) -> Result<Option<StateFile>, String> {
    match fs::read(path) {
        Ok(bytes) => StateFile::parse(&bytes)
            .map(Some)
            .map_err(|e| e.to_string()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("cannot read it: {e}")),
    }
}

/// Creates the folder and the lock file: proves the place is writable before we rely on it.
fn prepare(path: &Path) -> Result<(), StateError> {
    if path.file_name().is_none() {
        return Err(StateError::Io {
            path: path.to_path_buf(),
            action: "use as a state file",
            source: io::Error::new(io::ErrorKind::InvalidInput, "not a file path"),
        });
    }
    let dir = atomic::folder(path);
    // create_dir_all's own error for a file in the way is a puzzling "File exists".
    for ancestor in dir.ancestors() {
        if fs::metadata(ancestor).is_ok_and(|m| !m.is_dir()) {
            return Err(StateError::Io {
                path: ancestor.to_path_buf(),
                action: "create the state folder",
                source: io::Error::new(io::ErrorKind::NotADirectory, "a file is in the way"),
            });
        }
    }
    fs::create_dir_all(dir).map_err(StateError::io(dir, "create folder"))?;
    lock::open_lock_file(path).map(drop)
}

/// Renames an unusable file to `<name>.corrupt-<UTC time>[-N]`, never over an existing file.
/// Caller holds the lock, so no other gazette races for the name.
fn set_aside(path: &Path) -> Result<PathBuf, StateError> {
    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ");
    let base = format!(".corrupt-{stamp}");
    let mut aside = atomic::sibling(path, &base);
    let mut n = 1;
    while fs::symlink_metadata(&aside).is_ok() {
        aside = atomic::sibling(path, &format!("{base}-{n}"));
        n += 1;
    }
    fs::rename(path, &aside).map_err(StateError::io(path, "move aside"))?;
    Ok(aside)
}

/// A symlinked state file (dotfile managers) is written through, not replaced by a file.
fn resolve_symlink(path: PathBuf) -> PathBuf {
    match fs::symlink_metadata(&path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(&path).unwrap_or(path),
        _ => path,
    }
}
