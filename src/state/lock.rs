//! The exclusive lock around read-merge-write, held on a sibling `<name>.lock` file.
//!
//! The lock cannot live on the state file itself: every save replaces that file by
//! rename, so a lock on the old inode would no longer exclude anyone. The lock file is
//! never deleted (deleting lock files reopens the race it closes). The OS drops the lock
//! when the process dies, so a killed writer never leaves it stuck.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

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

/// Blocks until this process holds the lock for `state`.
pub fn acquire(state: &Path) -> Result<Lock, StateError> {
    let file = open_lock_file(state)?;
    file.lock()
        .map_err(StateError::io(&lock_path(state), "lock"))?;
    Ok(Lock { _file: file })
}
