//! Reading positions in the state file: saved and restored, merged between writers,
//! compatible both ways with files that know only read marks, corruption, pruning.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use gazette::digest::ArticleId;
use gazette::state::{MAX_POSITIONS, Position, ReadState, StateFile};
use serde_json::{Map, Value};

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

fn json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

fn pos(paragraph: u32, fraction: f64) -> Option<Position> {
    Some(Position::new(paragraph, fraction))
}

fn state_path() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    (dir, path)
}

#[test]
fn positions_survive_save_and_reopen_in_the_documented_format() {
    let (_dir, path) = state_path();
    let mut state = open(&path);
    assert!(state.set_position(A, pos(4, 0.5)));
    assert!(
        !state.set_position(A, pos(4, 0.5)),
        "unchanged: not recorded"
    );
    assert!(state.set_position(B, pos(0, 1.0 / 3.0)));
    assert!(state.has_pending(), "a position alone is a change to save");
    state.save().unwrap();
    assert!(!state.has_pending());

    let value = json(&path);
    let a = &value["positions"]["0123456789abcdef"];
    assert_eq!(a["paragraph"], 4);
    assert_eq!(a["fraction"], 0.5);
    let at = a["at"].as_str().unwrap();
    assert!(
        chrono::DateTime::parse_from_rfc3339(at).is_ok() && at.ends_with('Z'),
        "{at}"
    );
    assert_eq!(value["positions"]["feedface00000001"]["fraction"], 0.3333);
    assert!(value["read"].as_object().unwrap().is_empty());

    let again = open(&path);
    assert_eq!(again.position(A), pos(4, 0.5));
    assert_eq!(again.position(B), pos(0, 0.3333));
    assert_eq!(again.position(C), None);
    assert_eq!(again.position_count(), 2);
}

#[test]
fn forgetting_a_position_removes_it_from_the_file() {
    let (_dir, path) = state_path();
    let mut state = open(&path);
    state.set_position(A, pos(2, 0.0));
    state.set_position(B, pos(3, 0.0));
    state.save().unwrap();
    assert!(state.set_position(A, None));
    assert!(!state.set_position(C, None), "nothing to forget");
    state.save().unwrap();
    assert_eq!(
        on_disk(&path).positions.keys().copied().collect::<Vec<_>>(),
        [B]
    );
    state.set_position(B, None);
    state.save().unwrap();
    assert!(
        json(&path).get("positions").is_none(),
        "no positions: no field, as older gazettes write"
    );
}

#[test]
fn two_writers_keep_each_others_positions_and_marks() {
    let (_dir, path) = state_path();
    let mut one = open(&path);
    let mut two = open(&path);
    one.set_position(A, pos(1, 0.25));
    one.set_read(C, true);
    two.set_position(B, pos(7, 0.0));
    one.save().unwrap();
    two.save().unwrap();
    assert_eq!(two.position(A), pos(1, 0.25), "save refreshes the view");
    assert_eq!(one.position(B), None, "not saved or refreshed since");
    one.refresh().unwrap();
    assert_eq!(one.position(B), pos(7, 0.0));
    let file = on_disk(&path);
    assert_eq!(file.positions.keys().copied().collect::<Vec<_>>(), [A, B]);
    assert!(file.read.contains_key(&C));

    // The same article in both: the later change wins, whoever saves last.
    two.set_position(A, pos(9, 0.0));
    one.set_position(A, None);
    one.save().unwrap();
    two.save().unwrap();
    // Times are whole seconds; a tie lets the last saver win, a later time always does.
    assert_eq!(
        on_disk(&path)
            .positions
            .get(&A)
            .map(|p| p.position.paragraph),
        Some(9)
    );
}

#[test]
fn a_newer_position_from_another_process_is_not_overwritten_by_an_older_one() {
    let (_dir, path) = state_path();
    let mut state = open(&path);
    state.set_position(A, pos(1, 0.0));
    // Meanwhile another gazette (here: a hand-made file from the future) saved A further on.
    fs::write(
        &path,
        r#"{"version":1,"read":{},"positions":{"0123456789abcdef":{"paragraph":6,"fraction":0.5,"at":"2099-01-01T00:00:00Z"}}}"#,
    )
    .unwrap();
    state.save().unwrap();
    assert_eq!(state.position(A), pos(6, 0.5));
    assert_eq!(on_disk(&path).positions[&A].position, Position::new(6, 0.5));
}

#[test]
fn pending_positions_stay_visible_across_refresh_and_a_failed_save() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("data");
    let path = folder.join("state.json");
    let mut one = open(&path);
    let mut two = open(&path);
    one.set_position(A, pos(2, 0.0));
    two.set_position(B, pos(3, 0.0));
    two.save().unwrap();
    one.refresh().unwrap();
    assert_eq!(one.position(A), pos(2, 0.0));
    assert_eq!(one.position(B), pos(3, 0.0));
    assert!(one.has_pending());

    fs::remove_dir_all(&folder).unwrap();
    fs::write(&folder, "in the way").unwrap();
    assert!(one.save().is_err());
    assert!(one.has_pending());
    fs::remove_file(&folder).unwrap();
    fs::create_dir(&folder).unwrap();
    one.save().unwrap();
    assert_eq!(on_disk(&path).positions[&A].position, Position::new(2, 0.0));
}

#[test]
fn an_old_file_without_positions_loads_and_keeps_its_unknown_fields() {
    let (_dir, path) = state_path();
    fs::write(
        &path,
        r#"{"version":1,"read":{"00000000000000ff":"2019-06-24T08:00:00Z"},"future":{"x":1}}"#,
    )
    .unwrap();
    let mut state = open(&path);
    assert!(state.is_read(C));
    assert_eq!(state.position_count(), 0);
    state.set_position(A, pos(1, 0.5));
    state.save().unwrap();
    let value = json(&path);
    assert_eq!(value["future"], serde_json::json!({"x": 1}));
    assert_eq!(value["read"]["00000000000000ff"], "2019-06-24T08:00:00Z");
    assert_eq!(value["positions"]["0123456789abcdef"]["paragraph"], 1);
}

/// What a gazette that knows only `read` does with a file: keep `version` and `read`,
/// keep every other top-level field as an opaque value, write them back.
#[derive(serde::Deserialize, serde::Serialize)]
struct ReadOnlyGazette {
    version: u64,
    read: BTreeMap<String, String>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

#[test]
fn a_file_with_positions_round_trips_through_a_reader_that_knows_only_read() {
    let (_dir, path) = state_path();
    let mut state = open(&path);
    state.set_read(C, true);
    state.set_position(A, pos(4, 0.75));
    state.save().unwrap();

    let old: ReadOnlyGazette = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(old.version, 1);
    assert!(old.read.contains_key("00000000000000ff"));
    assert!(old.extra.contains_key("positions"));
    // The old reader marks something and writes the file back its way.
    let mut old = old;
    old.read
        .insert("feedface00000001".into(), "2020-01-01T00:00:00Z".into());
    fs::write(&path, serde_json::to_vec_pretty(&old).unwrap()).unwrap();

    let again = open(&path);
    assert_eq!(again.position(A), pos(4, 0.75));
    assert!(again.is_read(B) && again.is_read(C));
}

/// A bad `positions` field is as unusable as a bad `read`: warned about, moved aside
/// byte for byte, and the store starts empty and saves again.
#[test]
fn a_corrupt_positions_field_is_moved_aside_like_any_corruption() {
    let cases: [(&str, &str); 8] = [
        ("a list", r#"[1, 2]"#),
        (
            "not an id",
            r#"{"zz": {"paragraph": 1, "fraction": 0, "at": "2019-06-24T08:00:00Z"}}"#,
        ),
        ("a number", r#"{"00000000000000ff": 7}"#),
        (
            "the old idea of a line",
            r#"{"00000000000000ff": {"line": 7}}"#,
        ),
        (
            "negative paragraph",
            r#"{"00000000000000ff": {"paragraph": -1, "fraction": 0, "at": "2019-06-24T08:00:00Z"}}"#,
        ),
        (
            "fraction over 1",
            r#"{"00000000000000ff": {"paragraph": 1, "fraction": 1.5, "at": "2019-06-24T08:00:00Z"}}"#,
        ),
        (
            "fraction as text",
            r#"{"00000000000000ff": {"paragraph": 1, "fraction": "half", "at": "2019-06-24T08:00:00Z"}}"#,
        ),
        (
            "bad time",
            r#"{"00000000000000ff": {"paragraph": 1, "fraction": 0, "at": "yesterday"}}"#,
        ),
    ];
    for (what, positions) in cases {
        let (dir, path) = state_path();
        let text = format!(
            r#"{{"version":1,"read":{{"00000000000000ff":"2019-06-24T08:00:00Z"}},"positions":{positions}}}"#
        );
        fs::write(&path, &text).unwrap();
        let (mut state, warnings) = ReadState::open(path.clone());
        assert_eq!(warnings.len(), 1, "{what}: {warnings:?}");
        assert!(
            warnings[0].contains("unusable read state"),
            "{what}: {warnings:?}"
        );
        assert!(
            warnings[0].contains("position"),
            "{what}: the message names the field: {warnings:?}"
        );
        let aside: Vec<PathBuf> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains(".corrupt-"))
            .collect();
        assert_eq!(aside.len(), 1, "{what}");
        assert_eq!(fs::read_to_string(&aside[0]).unwrap(), text, "{what}");
        assert!(!state.is_read(C), "{what}: starts empty");
        assert_eq!(state.position_count(), 0, "{what}");
        state.set_position(A, pos(1, 0.0));
        state.save().unwrap();
        assert_eq!(on_disk(&path).positions.len(), 1, "{what}");
    }
}

#[test]
fn unknown_fields_inside_a_position_are_ignored() {
    let (_dir, path) = state_path();
    fs::write(
        &path,
        r#"{"version":1,"positions":{"00000000000000ff":{"paragraph":2,"fraction":0.5,"at":"2019-06-24T08:00:00Z","zoom":3}}}"#,
    )
    .unwrap();
    assert_eq!(open(&path).position(C), pos(2, 0.5));
}

#[test]
fn corruption_seen_on_refresh_keeps_positions_and_the_next_save_writes_them_back() {
    let (_dir, path) = state_path();
    let mut state = open(&path);
    state.set_position(A, pos(3, 0.5));
    state.save().unwrap();
    fs::write(&path, "{ torn").unwrap();
    state.refresh().unwrap();
    assert_eq!(state.take_warnings().len(), 1);
    assert_eq!(state.position(A), pos(3, 0.5));
    assert!(state.has_pending());
    state.save().unwrap();
    assert_eq!(on_disk(&path).positions[&A].position, Position::new(3, 0.5));
}

#[test]
fn the_file_keeps_at_most_max_positions_dropping_the_oldest() {
    let (_dir, path) = state_path();
    // MAX_POSITIONS + 10 positions, one a minute in 2019; id i was saved at minute i.
    let mut file = String::from(r#"{"version":1,"read":{},"positions":{"#);
    let n = MAX_POSITIONS as u64 + 10;
    for i in 0..n {
        let at = chrono::DateTime::parse_from_rfc3339("2019-06-24T00:00:00Z").unwrap()
            + chrono::Duration::minutes(i as i64);
        if i > 0 {
            file.push(',');
        }
        file.push_str(&format!(
            r#""{:016x}":{{"paragraph":1,"fraction":0,"at":"{}"}}"#,
            i + 1_000_000,
            at.to_rfc3339()
        ));
    }
    file.push_str("}}");
    fs::write(&path, file).unwrap();
    let mut state = open(&path);
    assert_eq!(state.position_count() as u64, n, "loading never drops any");
    state.set_position(A, pos(5, 0.0));
    state.save().unwrap();
    let kept = on_disk(&path).positions;
    assert_eq!(kept.len(), MAX_POSITIONS);
    assert!(kept.contains_key(&A), "the newest is kept");
    // The 11 oldest went (10 over, plus one for A).
    for i in 0..11 {
        assert!(!kept.contains_key(&ArticleId(i + 1_000_000)), "{i}");
    }
    assert!(kept.contains_key(&ArticleId(11 + 1_000_000)));
    assert_eq!(state.position_count(), MAX_POSITIONS);
}

#[test]
fn memory_only_state_keeps_positions_for_the_session() {
    let mut state = ReadState::in_memory();
    state.set_position(A, pos(2, 0.5));
    state.save().unwrap();
    assert_eq!(state.position(A), pos(2, 0.5));
    assert!(!state.has_pending());
}
