//! The live-reload thread: watches the reader's files and folders (notify), waits for
//! writes to settle, and runs the [`Reloader`] off the UI thread.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use notify::{Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use super::reload::{ReloadEvent, Reloader};
use crate::companies::KnownCompanies;

/// Quiet time after the last file event before reloading: a writer's burst of appends
/// (or an editor's write-rename-chmod) becomes one reload.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// A writer that never pauses still gets a reload this often.
const MAX_WAIT: Duration = Duration::from_secs(2);

/// What is watched for one path the user gave.
struct Target {
    /// A file: its own path; a folder: the folder (every `.txt` below it counts).
    path: PathBuf,
    is_dir: bool,
}

impl Target {
    /// Whether a change at `changed` can affect this target's digest files.
    fn covers(&self, changed: &Path) -> bool {
        if !self.is_dir {
            return changed == self.path;
        }
        let Ok(rest) = changed.strip_prefix(&self.path) else {
            return false;
        };
        // Hidden files (editor swap files) are never loaded; a name without an
        // extension may be a folder coming or going.
        let hidden = rest
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
        let ext = changed.extension().map(|e| e.to_ascii_lowercase());
        !hidden && (ext.is_none() || ext.is_some_and(|e| e == "txt"))
    }
}

/// Creation, writes, renames and removals; not reads (inotify reports every open,
/// our own loads included).
fn is_change(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
    )
}

/// A running watcher and the thread that reloads; dropping it stops both.
pub struct LiveReload {
    rx: Receiver<ReloadEvent>,
    _watcher: RecommendedWatcher,
    /// For the background indexing that follows a reload without indexes.
    known: KnownCompanies,
}

impl LiveReload {
    /// Watches the reloader's paths. A file is watched through its folder, so that a file
    /// replaced by rename (how editors and downloaders save) is still followed.
    pub fn start(reloader: Reloader) -> notify::Result<LiveReload> {
        let targets: Vec<Target> = reloader
            .paths()
            .iter()
            .map(|p| {
                let path = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
                Target {
                    is_dir: path.is_dir(),
                    path,
                }
            })
            .collect();
        let mut watched: Vec<(PathBuf, RecursiveMode)> = targets
            .iter()
            .map(|t| match (t.is_dir, t.path.parent()) {
                (true, _) | (false, None) => (t.path.clone(), RecursiveMode::Recursive),
                (false, Some(parent)) => (parent.to_path_buf(), RecursiveMode::NonRecursive),
            })
            .collect();
        watched.sort();
        watched.dedup_by(|a, b| a.0 == b.0);

        let (events_tx, events_rx) = mpsc::channel::<()>();
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<Event>| {
            let relevant = match event {
                Ok(e) => {
                    is_change(&e.kind)
                        && e.paths.iter().any(|p| targets.iter().any(|t| t.covers(p)))
                }
                // A lost event (queue overflow) may have been ours: look again.
                Err(_) => true,
            };
            if relevant {
                let _ = events_tx.send(());
            }
        })?;
        for (path, mode) in &watched {
            watcher.watch(path, *mode)?;
        }
        let known = reloader.known().clone();
        let (tx, rx) = mpsc::channel();
        thread::spawn(move || reload_on_events(reloader, &events_rx, &tx));
        Ok(LiveReload {
            rx,
            _watcher: watcher,
            known,
        })
    }

    /// The company list reloads are indexed with.
    pub fn known(&self) -> &KnownCompanies {
        &self.known
    }

    /// The next thing the reload thread has to say, if any (never blocks).
    pub fn poll(&self) -> Option<ReloadEvent> {
        self.rx.try_recv().ok()
    }
}

/// The reload thread: one look at once (files may have changed between the first load
/// and the watch starting), then a look after each settled burst of events.
fn reload_on_events(mut reloader: Reloader, events: &Receiver<()>, out: &Sender<ReloadEvent>) {
    loop {
        let changed = reloader.changes();
        if !changed.is_empty() {
            let started = ReloadEvent::Started {
                files: changed.len(),
            };
            if out.send(started).is_err() || out.send(reloader.load(changed.len())).is_err() {
                return;
            }
        }
        if !settle(events) {
            return;
        }
    }
}

/// Waits for an event, then until [`DEBOUNCE`] passes without one (at most [`MAX_WAIT`]).
/// `false` when the watcher is gone.
fn settle(events: &Receiver<()>) -> bool {
    if events.recv().is_err() {
        return false;
    }
    let first = Instant::now();
    loop {
        match events.recv_timeout(DEBOUNCE) {
            Ok(()) if first.elapsed() < MAX_WAIT => {}
            Ok(()) | Err(RecvTimeoutError::Timeout) => return true,
            Err(RecvTimeoutError::Disconnected) => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_covers_its_digest_files_and_subfolders_but_not_hidden_or_other_files() {
        let t = Target {
            path: PathBuf::from("/news"),
            is_dir: true,
        };
        assert!(t.covers(Path::new("/news/2019-07.txt")));
        assert!(t.covers(Path::new("/news/2019/07.TXT")));
        assert!(t.covers(Path::new("/news/2019")));
        assert!(!t.covers(Path::new("/news/.2019-07.txt.swp")));
        assert!(!t.covers(Path::new("/news/.git/index")));
        assert!(!t.covers(Path::new("/news/notes.md")));
        assert!(!t.covers(Path::new("/other/2019-07.txt")));
        let f = Target {
            path: PathBuf::from("/news/2019-07.txt"),
            is_dir: false,
        };
        assert!(f.covers(Path::new("/news/2019-07.txt")));
        assert!(!f.covers(Path::new("/news/2019-08.txt")));
    }

    #[test]
    fn a_burst_of_events_settles_into_one_look() {
        let (tx, rx) = mpsc::channel();
        for _ in 0..5 {
            tx.send(()).unwrap();
        }
        let t0 = Instant::now();
        assert!(settle(&rx));
        assert!(t0.elapsed() >= DEBOUNCE);
        assert!(rx.try_recv().is_err(), "all five consumed");
        drop(tx);
        assert!(!settle(&rx));
    }
}
