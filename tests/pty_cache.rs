//! The reader in a pseudo-terminal writes the company-index and word-index caches once
//! its background indexing is done, and a second reader on the same digest takes both
//! from them (neither file is rewritten) and shows the same companies and the same
//! free-text matches.

mod common;

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use common::pty::Pty;

/// The cache folder's files, by name, with their inode and bytes.
fn cache_files(dir: &Path) -> Vec<(String, u64, Vec<u8>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (
                name,
                std::fs::metadata(&p).unwrap().ino(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

/// Opens the reader, waits for both indexes, opens the picker and then filters by a
/// word; returns both screens.
fn screens(dir: &Path, file: &str, cache: &str) -> (String, String) {
    let mut s = Pty::in_dir(dir, &[file], &[("GAZETTE_CACHE_DIR", cache)], 100, 30);
    s.wait_for("indexing to finish", |screen| {
        let c = screen.contents();
        c.contains(" unread") && !c.contains("indexing")
    });
    s.send(b"c");
    s.wait_for_text("type to narrow");
    // The whole frame, not the part of it that has arrived.
    s.drain(std::time::Duration::from_millis(300));
    let picker = s.screen().contents();
    s.send(b"\x1b");
    s.wait_for("the picker to close", |screen| {
        !screen.contents().contains("type to narrow")
    });
    s.send(b"/shenzhen\r");
    s.wait_for_text("/shenzhen");
    s.drain(std::time::Duration::from_millis(300));
    let filtered = s.screen().contents();
    s.send(b"\x1b");
    s.drain(std::time::Duration::from_millis(200));
    assert!(s.quit_with(b"q").success());
    (picker, filtered)
}

#[test]
fn a_second_reader_takes_both_indexes_from_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("news.txt");
    // Above the reader's inline limit (2,000), so indexing runs in the background.
    std::fs::write(&file, gazette::digest::generate::digest_text(2_500, 5)).unwrap();
    let cache = dir.path().join("cache");
    let (file, cache_arg) = (file.to_str().unwrap(), cache.to_str().unwrap());

    let first = screens(dir.path(), file, cache_arg);
    assert!(first.0.contains("Google"), "{}", first.0);
    assert!(
        !first.1.contains(" 0 of 2,500"),
        "the word matches: {}",
        first.1
    );
    let written = cache_files(&cache);
    let names: Vec<&str> = written.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names[0].starts_with("companies-") && names[1].starts_with("words-"));

    let second = screens(dir.path(), file, cache_arg);
    assert_eq!(second, first);
    assert!(cache_files(&cache) == written, "neither file rewritten");
}
