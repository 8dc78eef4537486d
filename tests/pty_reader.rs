//! Drives the real binary in a pseudo-terminal: it draws, opens an article, quits, and
//! leaves the terminal as it found it.

use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Session {
    parser: vt100::Parser,
    raw: Vec<u8>,
    rx: mpsc::Receiver<Vec<u8>>,
}

impl Session {
    /// Reads output until `pred` holds for the screen, or fails after a timeout.
    fn wait_for(&mut self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !pred(self.parser.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "timed out waiting for {what}; screen:\n{}",
                self.parser.screen().contents()
            );
            if let Ok(bytes) = self.rx.recv_timeout(left.min(Duration::from_millis(100))) {
                self.parser.process(&bytes);
                self.raw.extend_from_slice(&bytes);
            }
        }
    }

    fn drain(&mut self, for_: Duration) {
        let end = Instant::now() + for_;
        while Instant::now() < end {
            if let Ok(bytes) = self.rx.recv_timeout(Duration::from_millis(50)) {
                self.parser.process(&bytes);
                self.raw.extend_from_slice(&bytes);
            }
        }
    }
}

#[test]
fn real_binary_in_a_pty_reads_an_article_and_restores_the_terminal() {
    let state = tempfile::tempdir().unwrap();
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let before = pty.master.get_termios().unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gazette"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("GAZETTE_STATE", state.path().join("state.json"));
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let mut writer = pty.master.take_writer().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut s = Session {
        parser: vt100::Parser::new(24, 100, 0),
        raw: Vec::new(),
        rx,
    };

    s.wait_for("the headlines", |sc| {
        sc.contents().contains("Samsung releases a trio")
    });
    assert!(s.parser.screen().alternate_screen());
    let during = pty.master.get_termios().unwrap();
    assert_ne!(
        before.local_flags, during.local_flags,
        "raw mode was not entered"
    );

    // Open the third article: the view shows its text and the marker disappears.
    writer.write_all(b"jj\r").unwrap();
    writer.flush().unwrap();
    s.wait_for("the Echo Show article", |sc| {
        sc.contents().contains("The Echo team")
    });
    s.wait_for("the unread count", |sc| sc.contents().contains("9 unread"));

    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "gazette did not quit");
        std::thread::sleep(Duration::from_millis(20));
    };
    s.drain(Duration::from_millis(200));
    assert!(status.success(), "exit status {status:?}");
    assert!(
        !s.parser.screen().alternate_screen(),
        "alternate screen left on"
    );
    assert!(!s.parser.screen().hide_cursor(), "cursor left hidden");
    assert_eq!(
        s.parser.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    let after = pty.master.get_termios().unwrap();
    assert_eq!(before.local_flags, after.local_flags, "raw mode left on");
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
