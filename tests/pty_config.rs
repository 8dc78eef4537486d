//! The real binary in a pseudo-terminal with a config file, NO_COLOR, --color and --no-mouse:
//! what the terminal receives.

mod common;

use std::path::Path;
use std::time::Duration;

use common::pty::Pty;

/// gazette on the sample with `args` and `env` (a fresh state file; an empty config
/// unless `env` or `args` name one), once its first frame is in.
struct Reader {
    pty: Pty,
    _dir: tempfile::TempDir,
}

impl Reader {
    fn start(args: &[&str], env: &[(&str, &str)]) -> Reader {
        let dir = tempfile::tempdir().unwrap();
        let mut pty = Pty::in_dir(dir.path(), args, env, 100, 24);
        // The status bar is drawn last: then the whole first frame is in.
        pty.wait_for("the first frame", |s| {
            s.contents().contains("Headlines") && s.contents().contains(" unread")
        });
        Reader { pty, _dir: dir }
    }

    fn coloured_cells(&self) -> usize {
        let screen = self.pty.screen();
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
        self.pty.quit_with(keys).success()
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
    assert!(!r.pty.screen().contents().contains("config ignored"));
    assert!(r.quit_with(b"q"));

    let r = Reader::start(&[], &[("NO_COLOR", "1")]);
    assert_eq!(r.coloured_cells(), 0);
    // Monochrome: the focused pane's frame is thick.
    assert!(r.pty.screen().contents().contains("┏ Headlines"));
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
        r.pty.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    assert!(r.quit_with(b"q"));
    let r = Reader::start(&["--no-mouse"], &[]);
    assert_eq!(
        r.pty.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    assert!(r.quit_with(b"q"));
    // The config file can say it too.
    let dir = tempfile::tempdir().unwrap();
    let config = write_config(dir.path(), "mouse = false\n");
    let r = Reader::start(&[], &[("GAZETTE_CONFIG", &config)]);
    assert_eq!(
        r.pty.screen().mouse_protocol_mode(),
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
    r.pty
        .wait_for("the default query", |s| s.contents().contains("/cloud"));
    assert!(r.pty.screen().contents().contains(" x quit"));
    r.pty.send(b"q");
    std::thread::sleep(Duration::from_millis(200));
    assert!(r.pty.child.try_wait().unwrap().is_none(), "q quit anyway");
    assert!(r.quit_with(b"x"));

    let config = write_config(dir.path(), "[keys]\nquit = \"x\"\nmove_down = \"x\"\n");
    let mut r = Reader::start(&["--config", &config], &[]);
    // The file's name (the whole path is on stderr at exit), line, column, key and why.
    r.pty.wait_for("the config error", |s| {
        s.contents()
            .contains("config.toml:3:13: keys.move_down: `x` is also bound to quit")
    });
    assert!(r.quit_with(b"q"), "the default q quits");
}
