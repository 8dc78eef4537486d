//! Live reload in the real binary: append an article to the open digest file from outside,
//! as `cat >>` would, and watch it appear on screen.

mod common;

use std::io::Write;

use common::pty::Pty;

const SAMPLE: &str = include_str!("../assets/techcrunch-2019-06-24.txt");

#[test]
fn an_article_appended_while_reading_appears_and_the_open_article_stays() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("2019-06.txt");
    std::fs::write(&file, SAMPLE).unwrap();
    let mut s = Pty::in_dir(dir.path(), &[file.to_str().unwrap()], &[], 120, 30);
    s.wait_for_text("Samsung releases a trio");
    s.send(b"jj\r");
    s.wait_for_text("The Echo team");

    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&file)
        .unwrap();
    f.write_all(
        b"\n25 Jun 2019\n\nSamsung's foldable phone gets a date\n\nThe Galaxy Fold will ship in September.\n",
    )
    .unwrap();
    drop(f);
    s.wait_for_text("Reloaded: +1 article");
    s.wait_for_text("Samsung's foldable phone");
    let screen = s.screen().contents();
    assert!(
        screen.contains("The Echo team"),
        "the open article stays:\n{screen}"
    );
    assert!(screen.contains("11 of 11 · 10 unread"), "{screen}");

    let status = s.quit_with(b"q");
    assert!(status.success(), "exit status {status:?}");
}
