//! The reader in a pseudo-terminal writes the company-index cache once its background
//! indexing is done, and a second reader on the same digest takes every article from it
//! (the file is not rewritten) and shows the same companies.

mod common;

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use common::pty::Pty;

fn cache_file(dir: &Path) -> PathBuf {
    let files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files.into_iter().next().unwrap()
}

/// Opens the reader, waits for both indexes, opens the picker; returns its screen.
fn picker_screen(dir: &Path, file: &str, cache: &str) -> String {
    let mut s = Pty::in_dir(dir, &[file], &[("GAZETTE_CACHE_DIR", cache)], 100, 30);
    s.wait_for("indexing to finish", |screen| {
        let c = screen.contents();
        c.contains(" unread") && !c.contains("indexing")
    });
    s.send(b"c");
    s.wait_for_text("type to narrow");
    let screen = s.screen().contents();
    s.send(b"\x1b");
    s.wait_for("the picker to close", |screen| {
        !screen.contents().contains("type to narrow")
    });
    assert!(s.quit_with(b"q").success());
    screen
}

#[test]
fn a_second_reader_takes_its_companies_from_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("news.txt");
    // Above the reader's inline limit (2,000), so indexing runs in the background.
    std::fs::write(&file, gazette::digest::generate::digest_text(2_500, 5)).unwrap();
    let cache = dir.path().join("cache");
    let (file, cache_arg) = (file.to_str().unwrap(), cache.to_str().unwrap());

    let first = picker_screen(dir.path(), file, cache_arg);
    assert!(first.contains("Google"), "{first}");
    let written = cache_file(&cache);
    let (inode, bytes) = (
        std::fs::metadata(&written).unwrap().ino(),
        std::fs::read(&written).unwrap(),
    );

    let second = picker_screen(dir.path(), file, cache_arg);
    assert_eq!(second, first);
    let after = cache_file(&cache);
    assert_eq!(after, written);
    assert_eq!(
        std::fs::metadata(&after).unwrap().ino(),
        inode,
        "not rewritten"
    );
    assert_eq!(std::fs::read(&after).unwrap(), bytes);
}
