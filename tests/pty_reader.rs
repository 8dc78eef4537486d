//! Drives the real binary in a pseudo-terminal: it draws, opens an article, quits, and
//! leaves the terminal as it found it.

mod common;

use common::pty::Pty;

#[test]
fn real_binary_in_a_pty_reads_an_article_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Pty::in_dir(dir.path(), &[], &[], 100, 24);
    let before = s.initial_local_flags.clone();

    s.wait_for_text("Samsung releases a trio");
    assert!(s.screen().alternate_screen());
    assert!(before.contains("ICANON"), "the pty starts cooked: {before}");
    let during = s.local_flags();
    assert!(
        !during.contains("ICANON"),
        "raw mode was not entered: {during}"
    );

    // Open the third article: the view shows its text and the marker disappears.
    s.send(b"jj\r");
    s.wait_for_text("The Echo team");
    s.wait_for_text("9 unread");

    let status = s.quit_with(b"q");
    assert!(status.success(), "exit status {status:?}");
    assert!(!s.screen().alternate_screen(), "alternate screen left on");
    assert!(!s.screen().hide_cursor(), "cursor left hidden");
    assert_eq!(
        s.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    assert_eq!(before, s.local_flags(), "raw mode left on");
}

#[test]
fn reader_refuses_without_a_terminal() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gazette"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs a terminal"));
    assert!(out.stdout.is_empty());
}
