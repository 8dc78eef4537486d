//! The exclusive lock around read-merge-write, held on a sibling `<name>.lock` file.
//!
//! The lock cannot live on the state file itself: every save replaces that file by
//! rename, so a lock on the old inode would no longer exclude anyone. The lock file is
//! never deleted (deleting lock files reopens the race it closes). The OS drops the lock
//! when the process dies, so a killed writer never leaves it stuck.

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::StateError;
use super::atomic::sibling;

pub fn lock_path(state: &Path) -> PathBuf {
    sibling(state, ".lock")
}

/// Creates the lock file if needed; also the cheapest proof that the folder is writable.
pub fn open_lock_file(state: &Path) -> Result<File, StateError> {
    let path = lock_path(state);
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(StateError::io(&path, "create lock file"))
}

/// Held while alive; closing the file releases the lock.
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// How long to wait for another process's save before giving up. Saves hold the lock
/// for milliseconds; only a stopped or hung gazette holds it longer, and the reader
/// must not freeze behind it (the failed save keeps its marks pending and retries).
pub const PATIENCE: Duration = Duration::from_secs(10);

/// Waits until this process holds the lock for `state`, at most [`PATIENCE`].
pub fn acquire(state: &Path) -> Result<Lock, StateError> {
    let file = open_lock_file(state)?;
    let path = lock_path(state);
    let give_up = Instant::now() + PATIENCE;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Lock { _file: file }),
            Err(TryLockError::Error(e)) => return Err(StateError::io(&path, "lock")(e)),
            Err(TryLockError::WouldBlock) if Instant::now() >= give_up => {
                return Err(StateError::io(&path, "lock")(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "another gazette process has held it for 10 s",
                )));
            }
            Err(TryLockError::WouldBlock) => std::thread::sleep(Duration::from_millis(2)),
        }
    }
}
