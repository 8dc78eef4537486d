//! Crash-safe file replacement: temp file in the same folder, fsync, rename, fsync the folder.
//!
//! A crash at any moment leaves either the old file or the new one at `path`, never a mix.
//! Callers must hold the state lock: the temp name is fixed (`<name>.tmp`), so a temp file
//! left by a killed writer is simply truncated and reused by the next one.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::StateError;

/// `state.json` -> `state.json<suffix>`, in the same folder.
pub fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

/// The folder holding `path` (`.` for a bare file name).
pub fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

pub fn replace(path: &Path, bytes: &[u8]) -> Result<(), StateError> {
    let tmp = sibling(path, ".tmp");
    let result = write_synced(&tmp, bytes).and_then(|()| {
        fs::rename(&tmp, path).map_err(StateError::io(path, "replace"))?;
        sync_folder(folder(path))
    });
    if result.is_err() {
        // Best effort: the next writer truncates it anyway.
        let _ = fs::remove_file(&tmp);
    }
    result
}

fn write_synced(tmp: &Path, bytes: &[u8]) -> Result<(), StateError> {
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(tmp)
        .map_err(StateError::io(tmp, "create"))?;
    file.write_all(bytes)
        .map_err(StateError::io(tmp, "write"))?;
    // The data must be on disk before the rename makes it the state file.
    file.sync_all().map_err(StateError::io(tmp, "sync"))
}

/// Makes the rename itself durable. (Unix only: Windows cannot open a folder as a file.)
#[cfg(not(unix))]
fn sync_folder(_dir: &Path) -> Result<(), StateError> {
    Ok(())
}

/// Makes the rename itself durable.
#[cfg(unix)]
fn sync_folder(dir: &Path) -> Result<(), StateError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(StateError::io(dir, "sync folder"))
}
