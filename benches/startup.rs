//! End-to-end timings of the real reader in a pseudo-terminal: time to the first frame,
//! to the first headlines, to the indexes, and keystroke-to-screen latencies.
//!
//!     cargo bench --bench startup -- /tmp/big.txt [RUNS]
//!
//! With no path it uses the bundled sample. Prints the median of RUNS (default 5).
//! The company-index cache lives in a fresh temp folder: the first run fills it and
//! is not timed, so the figures are for a digest opened before; with
//! `GAZETTE_BENCH_CACHE=off` every run tags every article (`--no-cache`).

use std::io::{Read, Write};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 40;
const COLS: u16 = 120;

struct Screen {
    parser: vt100::Parser,
    rx: Receiver<Vec<u8>>,
}

impl Screen {
    /// Waits until `pred` holds; returns when it did, or None after `limit`.
    fn until(&mut self, limit: Duration, pred: impl Fn(&str) -> bool) -> Option<Instant> {
        let end = Instant::now() + limit;
        loop {
            if pred(&self.parser.screen().contents()) {
                return Some(Instant::now());
            }
            let left = end.checked_duration_since(Instant::now())?;
            if let Ok(bytes) = self.rx.recv_timeout(left.min(Duration::from_millis(20))) {
                self.parser.process(&bytes);
            }
        }
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let path = args.first().cloned();
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(5);
    let state = std::env::temp_dir().join("gazette-startup-bench");
    let _ = std::fs::remove_dir_all(&state);
    let mut rows: Vec<(&str, Vec<f64>)> = vec![
        ("first frame (loading screen or reader)", vec![]),
        ("headlines on screen", vec![]),
        ("company index ready", vec![]),
        ("word index ready", vec![]),
        ("j: selection moves (key to screen)", vec![]),
        ("c Walmart Enter: company filter shown", vec![]),
        ("h j: next day shown", vec![]),
    ];
    let cold = std::env::var("GAZETTE_BENCH_CACHE").is_ok_and(|v| v == "off");
    let cache = state.join("cache");
    for run in 0..runs + usize::from(!cold) {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gazette"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("GAZETTE_STATE", state.join("state.json"));
        cmd.env("GAZETTE_CACHE_DIR", &cache);
        if cold {
            cmd.arg("--no-cache");
        }
        if let Some(p) = &path {
            cmd.arg(p);
        }
        let t0 = Instant::now();
        let mut child = pty.slave.spawn_command(cmd).expect("spawn");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let mut writer = pty.master.take_writer().expect("writer");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let mut s = Screen {
            parser: vt100::Parser::new(ROWS, COLS, 0),
            rx,
        };
        let long = Duration::from_secs(120);
        // Without --no-cache the first run only fills the cache.
        let timed = cold || run > 0;
        let mut record = |i: usize, t: Option<Instant>, from: Instant| {
            if let (true, Some(t), Some(row)) = (timed, t, rows.get_mut(i)) {
                row.1.push(ms(t - from));
            }
        };
        let first = s.until(long, |c| !c.trim().is_empty());
        record(0, first, t0);
        // A whole frame: the status bar (drawn last) is on screen too.
        let heads = s.until(long, |c| c.contains("Headlines") && c.contains(" unread"));
        record(1, heads, t0);
        let companies = s.until(long, |c| {
            c.contains(" unread") && !c.contains("indexing companies")
        });
        record(2, companies, t0);
        let words = s.until(long, |c| {
            c.contains(" unread") && !c.contains("indexing words")
        });
        record(3, words, t0);

        let before = s.parser.screen().contents();
        let t = Instant::now();
        let _ = writer.write_all(b"j");
        let _ = writer.flush();
        record(4, s.until(long, |c| c != before), t);

        let _ = writer.write_all(b"cWalmart");
        let _ = writer.flush();
        // "Walmart" may be on screen already (the article's companies): give the picker
        // time to take the typed name, so only Enter is timed.
        s.until(long, |c| c.contains("Walmart"));
        s.until(Duration::from_millis(300), |_| false);
        let t = Instant::now();
        let _ = writer.write_all(b"\r");
        let _ = writer.flush();
        record(5, s.until(long, |c| c.contains("@Walmart")), t);

        let _ = writer.write_all(b"\x1b");
        let _ = writer.flush();
        s.until(Duration::from_millis(300), |_| false);
        let _ = writer.write_all(b"h");
        let _ = writer.flush();
        s.until(Duration::from_millis(200), |_| false);
        let before = s.parser.screen().contents();
        let t = Instant::now();
        let _ = writer.write_all(b"j");
        let _ = writer.flush();
        record(6, s.until(long, |c| c != before), t);

        let _ = writer.write_all(b"q");
        let _ = writer.flush();
        let _ = child.wait();
    }
    println!(
        "gazette reader, {}, {COLS}x{ROWS}, median of {runs}:",
        path.as_deref().unwrap_or("bundled sample")
    );
    for (what, v) in rows {
        println!("  {what:<42} {:>9.1} ms", median(v));
    }
}
