//! The real binary in a pseudo-terminal with a config file, NO_COLOR, --color and --no-mouse:
//! what the terminal receives.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

struct Reader {
    parser: vt100::Parser,
    rx: mpsc::Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _pty: Box<dyn portable_pty::MasterPty + Send>,
    _state: tempfile::TempDir,
}

impl Reader {
    /// Starts gazette on the sample with `args` and `env` (a fresh state file; an empty
    /// config unless `env` or `args` name one) and waits for the first frame.
    fn start(args: &[&str], env: &[(&str, &str)]) -> Reader {
        let state = tempfile::tempdir().unwrap();
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gazette"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env("GAZETTE_STATE", state.path().join("state.json"));
        // An empty config: never the user's real one.
        let empty = state.path().join("empty.toml");
        std::fs::write(&empty, "").unwrap();
        cmd.env("GAZETTE_CONFIG", &empty);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).unwrap();
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let mut r = Reader {
            parser: vt100::Parser::new(24, 100, 0),
            rx,
            writer,
            child,
            _pty: pty.master,
            _state: state,
        };
        // The status bar is drawn last: then the whole first frame is in.
        r.wait_for("the first frame", |s| {
            s.contents().contains("Headlines") && s.contents().contains(" unread")
        });
        r
    }

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
            }
        }
    }

    fn send(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).unwrap();
        self.writer.flush().unwrap();
    }

    fn coloured_cells(&self) -> usize {
        let screen = self.parser.screen();
        let (rows, cols) = screen.size();
        let mut n = 0;
        for r in 0..rows {
            for c in 0..cols {
                if let Some(cell) = screen.cell(r, c)
                    && (cell.fgcolor() != vt100::Color::Default
                        || cell.bgcolor() != vt100::Color::Default)
                {
                    n += 1;
                }
            }
        }
        n
    }

    /// Quits with `keys` and returns whether gazette exited cleanly.
    fn quit_with(mut self, keys: &[u8]) -> bool {
        self.send(keys);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.success();
            }
            assert!(Instant::now() < deadline, "gazette did not quit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

fn write_config(dir: &Path, text: &str) -> String {
    let path = dir.join("config.toml");
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn colour_by_default_none_with_no_color_and_always_wins() {
    let r = Reader::start(&[], &[]);
    assert!(r.coloured_cells() > 100, "{}", r.coloured_cells());
    assert!(!r.parser.screen().contents().contains("config ignored"));
    assert!(r.quit_with(b"q"));

    let r = Reader::start(&[], &[("NO_COLOR", "1")]);
    assert_eq!(r.coloured_cells(), 0);
    // Monochrome: the focused pane's frame is thick.
    assert!(r.parser.screen().contents().contains("┏ Headlines"));
    assert!(r.quit_with(b"q"));

    let r = Reader::start(&["--color", "never"], &[]);
    assert_eq!(r.coloured_cells(), 0);
    assert!(r.quit_with(b"q"));

    let r = Reader::start(&["--color", "always"], &[("NO_COLOR", "1")]);
    assert!(r.coloured_cells() > 100);
    assert!(r.quit_with(b"q"));
}

#[test]
fn no_mouse_leaves_the_mouse_to_the_terminal() {
    let r = Reader::start(&[], &[]);
    assert_ne!(
        r.parser.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    assert!(r.quit_with(b"q"));
    let r = Reader::start(&["--no-mouse"], &[]);
    assert_eq!(
        r.parser.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    assert!(r.quit_with(b"q"));
    // The config file can say it too.
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path(), "mouse = false\n");
    let r = Reader::start(&[], &[("GAZETTE_CONFIG", &config)]);
    assert_eq!(
        r.parser.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    assert!(r.quit_with(b"q"));
}

#[test]
fn a_config_rebinds_keys_and_a_bad_one_leaves_the_defaults_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(
        dir.path(),
        "default_query = \"cloud\"\n[keys]\nquit = \"x\"\n[theme]\nname = \"light\"\n",
    );
    let mut r = Reader::start(&["--config", &config], &[]);
    r.wait_for("the default query", |s| s.contents().contains("/cloud"));
    assert!(r.parser.screen().contents().contains(" x quit"));
    r.send(b"q");
    std::thread::sleep(Duration::from_millis(200));
    assert!(r.child.try_wait().unwrap().is_none(), "q quit anyway");
    assert!(r.quit_with(b"x"));

    let config = write_config(dir.path(), "[keys]\nquit = \"x\"\nmove_down = \"x\"\n");
    let mut r = Reader::start(&["--config", &config], &[]);
    // The file's name (the whole path is on stderr at exit), line, column, key and why.
    r.wait_for("the config error", |s| {
        s.contents()
            .contains("config.toml:3:13: keys.move_down: `x` is also bound to quit")
    });
    assert!(r.quit_with(b"q"), "the default q quits");
}
