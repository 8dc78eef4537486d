//! The reader's export key: the view as Markdown (as `gazette list --format md` writes
//! it) in a new file named for the minute, never over an existing file.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::app::{App, group_digits};
use crate::commands::export::markdown;

impl App {
    /// Writes the view to `gazette-export-YYYY-MM-DD-HHMM.md` in `export_dir`, and says
    /// where (or why not) in the status bar.
    pub(super) fn export_view(&mut self) {
        if self.view.is_empty() {
            self.message = Some("Nothing to export: the view is empty".into());
            return;
        }
        // Date order, as `gazette list` prints the same selection.
        let mut articles = self.view.clone();
        articles.sort_unstable();
        let stamp = chrono::Local::now().format("%Y-%m-%d-%H%M").to_string();
        let written = create_export_file(&self.export_dir, &stamp).and_then(|(file, path)| {
            let mut out = BufWriter::new(file);
            let result = markdown(&self.digest, &articles, &self.companies, &mut out)
                .and_then(|()| out.flush());
            match result {
                Ok(()) => Ok(path),
                Err(e) => {
                    // A half-written export is worse than none.
                    drop(out);
                    let _ = std::fs::remove_file(&path);
                    Err(e)
                }
            }
        });
        self.message = Some(match written {
            Ok(path) => format!(
                "Exported {} to {}",
                match articles.len() {
                    1 => "1 article".to_string(),
                    n => format!("{} articles", group_digits(n)),
                },
                path.strip_prefix(".").unwrap_or(&path).display()
            ),
            Err(e) => format!("Export failed: {e}"),
        });
    }
}

/// Creates `gazette-export-STAMP.md` in `dir`, or `…-2.md`, `…-3.md` when that is taken:
/// the file is created exclusively, so an existing one is never overwritten.
pub fn create_export_file(dir: &Path, stamp: &str) -> io::Result<(File, PathBuf)> {
    for n in 1..=999 {
        let name = if n == 1 {
            format!("gazette-export-{stamp}.md")
        } else {
            format!("gazette-export-{stamp}-{n}.md")
        };
        let path = dir.join(name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => return Ok((file, path)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("999 exports named gazette-export-{stamp}… already exist"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_files_are_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let taken = dir.path().join("gazette-export-2026-11-29-1530.md");
        std::fs::write(&taken, "mine").unwrap();
        let (_, second) = create_export_file(dir.path(), "2026-11-29-1530").unwrap();
        assert_eq!(
            second,
            dir.path().join("gazette-export-2026-11-29-1530-2.md")
        );
        let (_, third) = create_export_file(dir.path(), "2026-11-29-1530").unwrap();
        assert_eq!(
            third,
            dir.path().join("gazette-export-2026-11-29-1530-3.md")
        );
        assert_eq!(std::fs::read_to_string(&taken).unwrap(), "mine");
    }

    #[test]
    fn a_missing_directory_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let err = create_export_file(&dir.path().join("gone"), "x").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::NotFound);
    }
}
