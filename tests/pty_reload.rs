//! Live reload in the real binary: append an article to the open digest file from outside,
//! as `cat >>` would, and watch it appear on screen.

use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const SAMPLE: &str = include_str!("../assets/techcrunch-2019-06-24.txt");

struct Session {
    parser: vt100::Parser,
    rx: mpsc::Receiver<Vec<u8>>,
}

impl Session {
    /// Reads output until `what` is on screen, or fails after a timeout.
    fn wait_for(&mut self, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !self.parser.screen().contents().contains(what) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "timed out waiting for {what:?}; screen:\n{}",
                self.parser.screen().contents()
            );
            if let Ok(bytes) = self.rx.recv_timeout(left.min(Duration::from_millis(100))) {
                self.parser.process(&bytes);
            }
        }
    }
}

#[test]
fn an_article_appended_while_reading_appears_and_the_open_article_stays() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("2019-06.txt");
    std::fs::write(&file, SAMPLE).unwrap();
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gazette"));
    cmd.arg(&file);
    cmd.env("TERM", "xterm-256color");
    cmd.env("GAZETTE_STATE", dir.path().join("state.json"));
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
        parser: vt100::Parser::new(30, 120, 0),
        rx,
    };
    s.wait_for("Samsung releases a trio");
    writer.write_all(b"jj\r").unwrap();
    writer.flush().unwrap();
    s.wait_for("The Echo team");

    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(&file)
        .unwrap();
    f.write_all(
        b"\n25 Jun 2019\n\nSamsung's foldable phone gets a date\n\nThe Galaxy Fold will ship in September.\n",
    )
    .unwrap();
    drop(f);
    s.wait_for("Reloaded: +1 article");
    s.wait_for("Samsung's foldable phone");
    let screen = s.parser.screen().contents();
    assert!(
        screen.contains("The Echo team"),
        "the open article stays:\n{screen}"
    );
    assert!(screen.contains("11 of 11 · 10 unread"), "{screen}");

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
    assert!(status.success(), "exit status {status:?}");
}
