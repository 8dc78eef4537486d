//! The history of past queries (Up/Down in the `/` bar): a capped text file, one query a line, saved atomically.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The file name the reader uses inside the state folder.
pub const FILE_NAME: &str = "query-history";

/// Entries kept; older ones are dropped on save.
pub const CAP: usize = 500;

#[derive(Debug, thiserror::Error)]
#[error("{path}: {source}")]
pub struct HistoryError {
    pub path: PathBuf,
    #[source]
    pub source: io::Error,
}

/// Oldest first; no duplicates (re-running a query moves it to the end).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    entries: Vec<String>,
}

impl History {
    /// Reads the file; a missing file is an empty history.
    pub fn load(path: &Path) -> Result<History, HistoryError> {
        let text = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) if e.kind() == io::ErrorKind::NotFound => String::new(),
            Err(source) => {
                return Err(HistoryError {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        let mut h = History::default();
        for line in text.lines() {
            h.push(line);
        }
        Ok(h)
    }

    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// Records a query (trimmed; newlines become spaces; blank ones ignored)
    /// as the newest entry.
    pub fn push(&mut self, query: &str) {
        let q = query.replace(['\n', '\r'], " ");
        let q = q.trim();
        if q.is_empty() {
            return;
        }
        self.entries.retain(|e| e != q);
        self.entries.push(q.to_string());
        if self.entries.len() > CAP {
            let extra = self.entries.len() - CAP;
            self.entries.drain(..extra);
        }
    }

    /// Writes a temporary file next to `path`, then renames it over `path`,
    /// so a crash never leaves half a history.
    pub fn save(&self, path: &Path) -> Result<(), HistoryError> {
        let err = |source| HistoryError {
            path: path.to_path_buf(),
            source,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(err)?;
        }
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(format!(".tmp{}", std::process::id()));
        let tmp = PathBuf::from(tmp);
        let write = || -> io::Result<()> {
            let mut f = std::fs::File::create(&tmp)?;
            for e in &self.entries {
                writeln!(f, "{e}")?;
            }
            f.sync_all()?;
            std::fs::rename(&tmp, path)
        };
        write().map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            err(e)
        })
    }

    /// Loads, records `query` and saves: one call per submitted query.
    pub fn append(path: &Path, query: &str) -> Result<History, HistoryError> {
        let mut h = History::load(path)?;
        h.push(query);
        h.save(path)?;
        Ok(h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn append_dedups_caps_and_survives_reload() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state").join(FILE_NAME);
        assert!(History::load(&path).unwrap().entries().is_empty());
        History::append(&path, "cloud").unwrap();
        History::append(&path, "@amazon\nOR @walmart").unwrap();
        let h = History::append(&path, "cloud").unwrap();
        assert_eq!(h.entries(), ["@amazon OR @walmart", "cloud"]);
        assert_eq!(History::load(&path).unwrap(), h);
        let mut big = History::default();
        for i in 0..CAP + 10 {
            big.push(&format!("q{i}"));
        }
        assert_eq!(big.entries().len(), CAP);
        assert_eq!(big.entries()[0], "q10");
    }
}
