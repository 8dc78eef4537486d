//! The real `gazette` binary in a pseudo-terminal, with its screen parsed by vt100.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

pub struct Pty {
    pub parser: vt100::Parser,
    /// Everything the binary wrote, escape sequences included.
    pub raw: Vec<u8>,
    pub master: Box<dyn MasterPty + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    /// The pty's local flags (ICANON, ECHO…) read before gazette was spawned: a fast
    /// gazette enters raw mode before the test could look after the spawn.
    pub initial_local_flags: String,
    rx: mpsc::Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
}

impl Pty {
    /// Starts gazette with `args` and `env` in a `cols`x`rows` terminal (TERM=xterm-256color,
    /// NO_COLOR unset). The caller sets GAZETTE_STATE/GAZETTE_CONFIG so that no test
    /// touches a real state or config file.
    pub fn spawn(
        args: &[&std::ffi::OsStr],
        env: &[(&str, &std::ffi::OsStr)],
        cols: u16,
        rows: u16,
    ) -> Pty {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gazette"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env("GAZETTE_CACHE_DIR", super::cli::test_cache_dir());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let initial_local_flags = local_flags(pty.master.as_ref());
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
        Pty {
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            master: pty.master,
            child,
            initial_local_flags,
            rx,
            writer,
        }
    }

    /// Starts gazette with a fresh state file in `dir` and an empty config there.
    pub fn in_dir(dir: &Path, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        let empty = dir.join("empty.toml");
        std::fs::write(&empty, "").unwrap();
        let state = dir.join("state.json");
        let mut vars: Vec<(&str, &std::ffi::OsStr)> = vec![
            ("GAZETTE_STATE", state.as_os_str()),
            ("GAZETTE_CONFIG", empty.as_os_str()),
        ];
        vars.extend(env.iter().map(|(k, v)| (*k, std::ffi::OsStr::new(*v))));
        let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
        Pty::spawn(&args, &vars, cols, rows)
    }

    /// The pty's local flags now, in the form `initial_local_flags` has.
    pub fn local_flags(&self) -> String {
        local_flags(self.master.as_ref())
    }

    pub fn screen(&self) -> &vt100::Screen {
        self.parser.screen()
    }

    /// Reads output until `pred` holds for the screen, or fails after 20 s.
    pub fn wait_for(&mut self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !pred(self.parser.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "timed out waiting for {what}; screen:\n{}",
                self.parser.screen().contents()
            );
            if let Ok(bytes) = self.rx.recv_timeout(left.min(Duration::from_millis(100))) {
                self.take(&bytes);
            }
        }
    }

    /// Waits until `text` is on screen.
    pub fn wait_for_text(&mut self, text: &str) {
        self.wait_for(&format!("{text:?}"), |s| s.contents().contains(text));
    }

    /// Reads whatever arrives for `time`, then on until nothing has come for 100 ms (at
    /// most 5 s more): on a loaded machine a frame still being written is read whole.
    pub fn drain(&mut self, time: Duration) {
        let start = Instant::now();
        let mut last = start;
        loop {
            let now = Instant::now();
            let quiet = now.duration_since(last) >= Duration::from_millis(100);
            if (now.duration_since(start) >= time && quiet)
                || now.duration_since(start) >= time + Duration::from_secs(5)
            {
                break;
            }
            match self.rx.recv_timeout(Duration::from_millis(50)) {
                Ok(bytes) => {
                    self.take(&bytes);
                    last = Instant::now();
                }
                // gazette has exited and everything it wrote is read.
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
                Err(mpsc::RecvTimeoutError::Timeout) => {}
            }
        }
    }

    fn take(&mut self, bytes: &[u8]) {
        self.parser.process(bytes);
        self.raw.extend_from_slice(bytes);
    }

    pub fn send(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).unwrap();
        self.writer.flush().unwrap();
    }

    /// Sends `keys`, waits (≤ 10 s) for gazette to exit and reads its last output.
    pub fn quit_with(&mut self, keys: &[u8]) -> ExitStatus {
        self.send(keys);
        let deadline = Instant::now() + Duration::from_secs(10);
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(Instant::now() < deadline, "gazette did not quit");
            std::thread::sleep(Duration::from_millis(20));
        };
        self.drain(Duration::from_millis(200));
        status
    }
}

/// The local-mode flags of a pty, as text (the termios type belongs to portable-pty's nix).
fn local_flags(master: &(dyn MasterPty + Send)) -> String {
    format!("{:?}", master.get_termios().unwrap().local_flags)
}
