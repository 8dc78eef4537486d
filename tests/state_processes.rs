//! Read state under real processes: writers killed mid-save, many `gazette mark` at once,
//! and a reader seeing marks made by another process.

use std::fs;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use gazette::digest::ArticleId;
use gazette::state::{ReadState, StateFile};

fn mark(state: &Path, id: ArticleId) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gazette"));
    cmd.args(["mark", "--read", "--id", &id.to_string()])
        .env("GAZETTE_STATE", state)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    cmd
}

fn on_disk(path: &Path) -> StateFile {
    StateFile::parse(&fs::read(path).unwrap()).unwrap()
}

/// A state file with `n` marks, so each save has real work to do (~45 bytes a mark).
fn seed(path: &Path, n: u64) -> StateFile {
    let time = chrono::DateTime::parse_from_rfc3339("2019-06-24T08:00:00Z")
        .unwrap()
        .to_utc();
    let file = StateFile {
        read: (0..n).map(|i| (ArticleId(i), time)).collect(),
        ..StateFile::default()
    };
    fs::write(path, file.to_bytes()).unwrap();
    file
}

/// Cheap pseudo-random delays without a crate: xorshift seeded from the clock.
struct Xorshift(u64);
impl Xorshift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn wait_ok(child: Child) {
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_writer_killed_at_any_moment_never_leaves_a_torn_or_lost_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let seeded = seed(&path, 20_000);

    // Kill delays spread over one whole run, so kills land in every phase of a save.
    let started = Instant::now();
    wait_ok(mark(&path, ArticleId(u64::MAX)).spawn().unwrap());
    let run = started.elapsed().as_micros().max(1000) as u64;

    let mut rng = Xorshift(started.elapsed().as_nanos() as u64 | 1);
    let (mut killed, mut finished) = (0, Vec::new());
    for i in 0..50u64 {
        let id = ArticleId(1 << 40 | i);
        let mut child = mark(&path, id).spawn().unwrap();
        std::thread::sleep(Duration::from_micros(rng.next() % (run * 5 / 4)));
        let _ = child.kill(); // SIGKILL; harmless if it already exited
        let status = child.wait().unwrap();
        if status.success() {
            finished.push(id);
        } else {
            killed += 1;
        }

        let file = StateFile::parse(&fs::read(&path).unwrap())
            .unwrap_or_else(|e| panic!("iteration {i}: state file torn: {e}"));
        for (id, time) in &seeded.read {
            assert_eq!(file.read.get(id), Some(time), "iteration {i}: lost {id}");
        }
        for id in &finished {
            assert!(file.read.contains_key(id), "iteration {i}: lost {id}");
        }
    }
    eprintln!("killed {killed} of 50, run {run} us");
    assert!(
        killed >= 5,
        "only {killed} of 50 runs were killed: test is not biting"
    );
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("corrupt"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // A killed writer must not block the next one (the OS drops its lock).
    wait_ok(mark(&path, ArticleId(7 << 50)).spawn().unwrap());
    assert!(on_disk(&path).read.contains_key(&ArticleId(7 << 50)));
}

#[test]
fn twenty_concurrent_marks_lose_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    seed(&path, 5_000);
    let ids: Vec<ArticleId> = (0..20).map(|i| ArticleId(0xabcd << 32 | i)).collect();
    let children: Vec<Child> = ids
        .iter()
        .map(|&id| mark(&path, id).spawn().unwrap())
        .collect();
    for child in children {
        wait_ok(child);
    }
    let file = on_disk(&path);
    for id in &ids {
        assert!(file.read.contains_key(id), "lost {id}");
    }
    assert_eq!(file.read.len(), 5_020);
}

#[test]
fn a_mark_by_another_process_shows_up_after_refresh_and_after_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let (mut reader, warnings) = ReadState::open(path.clone());
    assert!(warnings.is_empty(), "{warnings:?}");

    let theirs = ArticleId(0x1111_2222_3333_4444);
    wait_ok(mark(&path, theirs).spawn().unwrap());
    assert!(!reader.is_read(theirs), "not before a refresh");
    reader.refresh().unwrap();
    assert!(reader.is_read(theirs));

    let mine = ArticleId(0x5555_6666_7777_8888);
    let theirs_too = ArticleId(0x9999_aaaa_bbbb_cccc);
    reader.set_read(mine, true);
    wait_ok(mark(&path, theirs_too).spawn().unwrap());
    reader.save().unwrap();
    assert!(reader.is_read(theirs_too), "save refreshes from disk");
    let file = on_disk(&path);
    assert!(file.read.contains_key(&mine) && file.read.contains_key(&theirs_too));

    // And an unmark by another process is seen too.
    let out = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(["mark", "--unread", "--id", &theirs.to_string()])
        .env("GAZETTE_STATE", &path)
        .output()
        .unwrap();
    assert!(out.status.success());
    reader.refresh().unwrap();
    assert!(!reader.is_read(theirs));
    assert!(reader.is_read(mine));
}
