//! ReadState on its own: merge of pending marks, and every way the state file can be unusable.

use std::fs;
use std::path::{Path, PathBuf};

use gazette::digest::ArticleId;
use gazette::state::{Persistence, ReadState, StateFile};

const A: ArticleId = ArticleId(0x0123_4567_89ab_cdef);
const B: ArticleId = ArticleId(0xfeed_face_0000_0001);
const C: ArticleId = ArticleId(0x0000_0000_0000_00ff);

fn open(path: &Path) -> ReadState {
    let (state, warnings) = ReadState::open(path.to_path_buf());
    assert_eq!(warnings, Vec::<String>::new());
    state
}

fn on_disk(path: &Path) -> StateFile {
    StateFile::parse(&fs::read(path).unwrap()).unwrap()
}

/// Sibling files named `state.json.corrupt-*`.
fn set_aside_files(path: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("state.json.corrupt-")
        })
        .collect();
    found.sort();
    found
}

#[test]
fn marks_survive_save_and_reopen_in_the_documented_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/folder/state.json");
    let mut state = open(&path);
    assert_eq!(state.persistence(), &Persistence::Disk(path.clone()));
    assert!(state.set_read(A, true));
    assert!(!state.set_read(A, true), "already read: no change");
    assert!(state.has_pending());
    state.save().unwrap();
    assert!(!state.has_pending());

    let value: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(value["version"], 1);
    let time = value["read"]["0123456789abcdef"].as_str().unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(time).is_ok() && time.ends_with('Z'),
        "{time}"
    );

    let again = open(&path);
    assert!(again.is_read(A));
    assert!(!again.is_read(B));
    assert_eq!(again.read_at(A), state.read_at(A));
}

#[test]
fn two_stores_saving_in_turn_keep_each_others_marks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut one = open(&path);
    let mut two = open(&path);
    one.set_read(A, true);
    two.set_read(B, true);
    one.save().unwrap();
    two.save().unwrap();
    assert!(
        two.is_read(A),
        "save refreshes the view with the other's marks"
    );
    assert!(!one.is_read(B), "not saved or refreshed since");
    one.refresh().unwrap();
    assert!(one.is_read(B));
    let file = on_disk(&path);
    assert_eq!(file.read.keys().copied().collect::<Vec<_>>(), vec![A, B]);
}

#[test]
fn an_unmark_wins_over_a_stale_view_and_untouched_ids_are_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut one = open(&path);
    one.set_many([A, B], true);
    one.save().unwrap();

    let mut two = open(&path);
    one.set_read(A, false);
    one.save().unwrap();
    // `two` still believes A is read; marking C must not resurrect A.
    assert!(two.is_read(A));
    two.set_read(C, true);
    two.save().unwrap();
    assert!(!two.is_read(A));
    assert_eq!(
        on_disk(&path).read.keys().copied().collect::<Vec<_>>(),
        vec![C, B]
    );

    // The user's intent wins even when the view already agreed with it.
    one.refresh().unwrap();
    let mut three = open(&path);
    one.set_read(A, true);
    three.set_read(A, false);
    one.save().unwrap();
    three.save().unwrap();
    assert!(!on_disk(&path).read.contains_key(&A), "last saver wins");
}

#[test]
fn pending_marks_stay_visible_across_refresh() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut one = open(&path);
    let mut two = open(&path);
    one.set_read(A, true);
    two.set_read(B, true);
    two.save().unwrap();
    one.refresh().unwrap();
    assert!(one.is_read(A) && one.is_read(B));
    assert!(one.has_pending(), "refresh does not write");
    assert!(!on_disk(&path).read.contains_key(&A));
}

#[test]
fn set_many_returns_exactly_the_changed_ids_for_undo() {
    let mut state = ReadState::in_memory();
    state.set_read(B, true);
    let changed = state.set_many([A, B, C], true);
    assert_eq!(changed, vec![A, C]);
    state.set_many(changed, false);
    assert!(!state.is_read(A) && state.is_read(B) && !state.is_read(C));
}

#[test]
fn unknown_ids_times_and_fields_are_written_back_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    fs::write(
        &path,
        r#"{"version":1,"bookmarks":{"00000000000000ff":{"line":7}},"future":[1,2],
            "read":{"00000000000000ff":"2019-06-24T08:00:00Z","feedfacefeedface":"2020-01-01T00:00:00+01:00"}}"#,
    )
    .unwrap();
    let mut state = open(&path);
    assert!(state.is_read(C));
    state.set_read(C, true); // already read: keeps its original time
    state.set_read(A, true);
    state.save().unwrap();
    let value: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(value["bookmarks"]["00000000000000ff"]["line"], 7);
    assert_eq!(value["future"], serde_json::json!([1, 2]));
    assert_eq!(value["read"]["00000000000000ff"], "2019-06-24T08:00:00Z");
    assert_eq!(value["read"]["feedfacefeedface"], "2019-12-31T23:00:00Z");
    assert!(value["read"]["0123456789abcdef"].is_string());
}

/// Each unusable file: warned about by name, moved aside byte for byte, state starts empty
/// and still saves to the same path.
#[test]
fn unusable_files_are_moved_aside_and_the_store_starts_empty() {
    let cases: [(&str, &str); 9] = [
        (
            "truncated",
            r#"{"version":1,"read":{"00000000000000ff":"2019-06-2"#,
        ),
        ("empty", ""),
        ("not json", "version = 1\n"),
        ("not an object", "[1]"),
        (
            "read is a list",
            r#"{"version":1,"read":["00000000000000ff"]}"#,
        ),
        ("version is a string", r#"{"version":"1","read":{}}"#),
        (
            "time is a number",
            r#"{"version":1,"read":{"00000000000000ff":5}}"#,
        ),
        (
            "id is not hex",
            r#"{"version":1,"read":{"zz":"2019-06-24T08:00:00Z"}}"#,
        ),
        ("future version", r#"{"version":2,"read":{}}"#),
    ];
    for (what, text) in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        fs::write(&path, text).unwrap();
        let (mut state, warnings) = ReadState::open(path.clone());
        assert_eq!(warnings.len(), 1, "{what}: {warnings:?}");
        assert!(
            warnings[0].contains(&path.display().to_string()),
            "{what}: {warnings:?}"
        );
        let aside = set_aside_files(&path);
        assert_eq!(aside.len(), 1, "{what}");
        assert_eq!(fs::read_to_string(&aside[0]).unwrap(), text, "{what}");
        assert!(warnings[0].contains(&aside[0].display().to_string()));
        assert!(!path.exists(), "{what}");
        assert_eq!(state.read_count(), 0, "{what}");
        assert_eq!(state.persistence(), &Persistence::Disk(path.clone()));

        state.set_read(A, true);
        state.save().unwrap();
        assert!(on_disk(&path).read.contains_key(&A), "{what}");
        assert_eq!(fs::read_to_string(&aside[0]).unwrap(), text, "{what}");
    }
}

#[test]
fn a_second_corrupt_file_never_overwrites_the_first_one_set_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    for text in ["first {", "second {", "third {"] {
        fs::write(&path, text).unwrap();
        let (_, warnings) = ReadState::open(path.clone());
        assert_eq!(warnings.len(), 1);
    }
    let mut kept: Vec<String> = set_aside_files(&path)
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    kept.sort();
    assert_eq!(kept, ["first {", "second {", "third {"]);
}

#[test]
fn a_directory_in_place_of_the_file_is_moved_aside_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    fs::create_dir(&path).unwrap();
    fs::write(path.join("inside"), "keep me").unwrap();
    let (mut state, warnings) = ReadState::open(path.clone());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let aside = set_aside_files(&path);
    assert_eq!(
        fs::read_to_string(aside[0].join("inside")).unwrap(),
        "keep me"
    );
    state.set_read(A, true);
    state.save().unwrap();
    assert!(on_disk(&path).read.contains_key(&A));
}

#[test]
fn corruption_seen_on_refresh_keeps_the_view_and_the_next_save_writes_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut state = open(&path);
    state.set_many([A, B], true);
    state.save().unwrap();
    fs::write(&path, "{ torn").unwrap();
    state.refresh().unwrap();
    let warnings = state.take_warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(state.is_read(A) && state.is_read(B));
    assert!(state.has_pending());
    state.save().unwrap();
    let file = on_disk(&path);
    assert!(file.read.contains_key(&A) && file.read.contains_key(&B));
    assert_eq!(set_aside_files(&path).len(), 1);
}

#[test]
fn corruption_seen_on_save_is_moved_aside_and_replaced_by_the_view() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut state = open(&path);
    state.set_read(A, true);
    state.save().unwrap();
    fs::write(&path, r#"{"version":99}"#).unwrap();
    state.set_read(B, true);
    state.save().unwrap();
    assert_eq!(state.take_warnings().len(), 1);
    let file = on_disk(&path);
    assert!(file.read.contains_key(&A) && file.read.contains_key(&B));
    let aside = set_aside_files(&path);
    assert_eq!(fs::read_to_string(&aside[0]).unwrap(), r#"{"version":99}"#);
}

/// Tests run as root, where a read-only mode bit does not stop writes. A path whose
/// parent is a regular file cannot be created by anyone, root included.
#[test]
fn a_folder_that_cannot_exist_means_memory_only_state() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    fs::write(&blocker, "a plain file").unwrap();
    let path = blocker.join("sub/state.json");
    let (mut state, warnings) = ReadState::open(path.clone());
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("memory only"), "{warnings:?}");
    assert!(
        warnings[0].contains(&blocker.display().to_string()),
        "{warnings:?}"
    );
    let Persistence::MemoryOnly { reason } = state.persistence() else {
        panic!("expected memory-only, got {:?}", state.persistence());
    };
    assert!(!reason.is_empty());
    assert!(state.set_read(A, true));
    assert!(state.is_read(A));
    state.save().unwrap();
    assert!(!state.has_pending());
    assert!(state.is_read(A), "kept in memory");
    assert_eq!(fs::read_to_string(&blocker).unwrap(), "a plain file");
}

/// /proc refuses new entries even to root: a second root-proof unwritable place.
#[test]
fn an_unwritable_system_folder_means_memory_only_state() {
    if !Path::new("/proc/self").exists() {
        return; // not Linux
    }
    let (state, warnings) = ReadState::open(PathBuf::from("/proc/gazette-test/state.json"));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(matches!(
        state.persistence(),
        Persistence::MemoryOnly { .. }
    ));
}

/// The classic read-only folder; only meaningful when not root (root writes anyway).
#[cfg(unix)]
#[test]
fn a_read_only_folder_means_memory_only_state_when_not_root() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    fs::create_dir(&ro).unwrap();
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o555)).unwrap();
    let probe = ro.join("probe");
    let root = fs::write(&probe, "").is_ok();
    let (state, _) = ReadState::open(ro.join("state.json"));
    fs::set_permissions(&ro, fs::Permissions::from_mode(0o755)).unwrap();
    if root {
        return; // the mode bit cannot stop us; covered by the tests above
    }
    assert!(matches!(
        state.persistence(),
        Persistence::MemoryOnly { .. }
    ));
}

#[test]
fn a_failed_save_keeps_the_pending_marks_for_the_next_one() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("data");
    let path = folder.join("state.json");
    let mut state = open(&path);
    state.set_read(A, true);
    // The folder vanishes under us and a file takes its place (root-proof failure).
    fs::remove_dir_all(&folder).unwrap();
    fs::write(&folder, "in the way").unwrap();
    let err = state.save().unwrap_err();
    assert!(err.to_string().contains("data"), "{err}");
    assert!(state.has_pending());
    assert!(state.is_read(A));
    fs::remove_file(&folder).unwrap();
    fs::create_dir(&folder).unwrap();
    state.save().unwrap();
    assert!(on_disk(&path).read.contains_key(&A));
}

#[test]
fn save_without_changes_does_not_rewrite_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut state = open(&path);
    state.save().unwrap();
    assert!(!path.exists(), "nothing to write yet");
    state.set_read(A, true);
    state.save().unwrap();
    let before = fs::metadata(&path).unwrap().modified().unwrap();
    let inode = std::os::unix::fs::MetadataExt::ino(&fs::metadata(&path).unwrap());
    state.save().unwrap();
    let meta = fs::metadata(&path).unwrap();
    assert_eq!(std::os::unix::fs::MetadataExt::ino(&meta), inode);
    assert_eq!(meta.modified().unwrap(), before);
}

#[cfg(unix)]
#[test]
fn a_symlinked_state_file_is_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("dotfiles/state.json");
    fs::create_dir_all(real.parent().unwrap()).unwrap();
    fs::write(&real, r#"{"version":1,"read":{}}"#).unwrap();
    let link = dir.path().join("state.json");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let mut state = open(&link);
    state.set_read(A, true);
    state.save().unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(on_disk(&real).read.contains_key(&A));
}

#[test]
fn threads_with_their_own_stores_lose_no_marks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let threads: Vec<_> = (0..8u64)
        .map(|t| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut state = open(&path);
                for i in 0..25 {
                    state.set_read(ArticleId(t * 1000 + i), true);
                    state.save().unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(on_disk(&path).read.len(), 200);
}

#[test]
fn a_save_waits_while_another_holds_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut state = open(&path);
    state.set_read(A, true);
    let held = gazette::state::lock::acquire(&path).unwrap();
    let saver = std::thread::spawn(move || {
        let started = std::time::Instant::now();
        state.save().unwrap();
        started.elapsed()
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(!path.exists(), "saved while the lock was held");
    drop(held);
    assert!(saver.join().unwrap() >= std::time::Duration::from_millis(250));
    assert!(on_disk(&path).read.contains_key(&A));
}

#[test]
fn in_memory_state_marks_but_never_writes() {
    let mut state = ReadState::in_memory();
    assert!(matches!(
        state.persistence(),
        Persistence::MemoryOnly { .. }
    ));
    state.set_read(A, true);
    state.save().unwrap();
    state.refresh().unwrap();
    assert!(state.is_read(A));
    assert!(!state.has_pending());
}
