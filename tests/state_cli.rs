//! `gazette mark` and the read state in `gazette list`: output, files and exit codes.

mod common;

use common::cli::{self, stderr, stdout};
use std::fs;
use std::path::Path;
use std::process::Output;

use gazette::digest::{ArticleId, load_sample};
use gazette::state::StateFile;

fn gazette(state: &Path, args: &[&str]) -> Output {
    cli::run(args, &[("GAZETTE_STATE", state.as_os_str())])
}

fn sample_ids() -> Vec<ArticleId> {
    load_sample().digest.articles.iter().map(|a| a.id).collect()
}

fn read_ids(path: &Path) -> Vec<ArticleId> {
    StateFile::parse(&fs::read(path).unwrap())
        .unwrap()
        .read
        .into_keys()
        .collect()
}

#[test]
fn mark_by_id_shows_in_list_json_and_list_unread() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let ids = sample_ids();
    let (first, third) = (ids[0].to_string(), ids[2].to_string());
    let o = gazette(&state, &["mark", "--read", "--id", &first, "--id", &third]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "2 articles marked read (2 were unread)\n");
    assert_eq!(stderr(&o), "");

    let o = gazette(&state, &["list", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let read: Vec<bool> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["read"].as_bool().unwrap())
        .collect();
    assert_eq!(read.iter().filter(|r| **r).count(), 2);
    assert!(read[0] && !read[1] && read[2]);

    let o = gazette(&state, &["list", "--unread", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let unread = v.as_array().unwrap();
    assert_eq!(unread.len(), 8);
    assert!(unread.iter().all(|a| a["read"] == false));
    assert!(unread.iter().all(|a| a["id"] != first.as_str()));

    let o = gazette(&state, &["list", "--unread"]);
    assert_eq!(stdout(&o).lines().count(), 8);

    // Again: nothing changes, and the message says so.
    let o = gazette(&state, &["mark", "--read", "--id", &first]);
    assert_eq!(stdout(&o), "1 article marked read (0 were unread)\n");
    let o = gazette(&state, &["mark", "--unread", "--id", &first]);
    assert_eq!(stdout(&o), "1 article marked unread (1 was read)\n");
    assert_eq!(read_ids(&state), vec![ids[2]]);
}

#[test]
fn mark_by_query_is_a_case_insensitive_text_match_on_headline_and_body() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let digest = load_sample().digest;
    // "SMARTTHINGS" appears only in the Samsung article's body, in mixed case.
    let o = gazette(&state, &["mark", "--read", "--query", "SMARTTHINGS"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "1 article marked read (1 was unread)\n");
    let samsung = digest
        .articles
        .iter()
        .find(|a| digest.headline(a).starts_with("Samsung"))
        .unwrap();
    assert_eq!(read_ids(&state), vec![samsung.id]);

    let o = gazette(
        &state,
        &["mark", "--read", "--query", "no such words anywhere"],
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "0 articles marked read (0 were unread)\n");
}

#[test]
fn mark_with_only_paths_marks_all_their_articles() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/techcrunch-2019-06-24.txt"
    );
    let o = gazette(&state, &["mark", "--read", sample]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "10 articles marked read (10 were unread)\n");
    let o = gazette(&state, &["list", "--unread", sample]);
    assert_eq!(stdout(&o), "");
}

#[test]
fn ids_not_in_the_loaded_digests_are_marked_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let o = gazette(
        &state,
        &[
            "mark",
            "--read",
            "--id",
            "00000000DEADBEEF",
            "--id",
            "00000000deadbeef",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "1 article marked read (1 was unread)\n");
    assert!(
        stderr(&o).contains("1 id is not in the loaded digests; marked anyway"),
        "{}",
        stderr(&o)
    );
    assert_eq!(read_ids(&state), vec![ArticleId(0xdead_beef)]);
}

#[test]
fn usage_errors_exit_2_and_leave_the_state_alone() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let cases: [(&[&str], &str); 9] = [
        (&["mark", "--read", "--id", "abc"], "not an article id"),
        (
            &["mark", "--read", "--id", "0123456789abcdeg"],
            "not an article id",
        ),
        (
            &["mark", "--read", "--id", "0123456789abcdef0"],
            "not an article id",
        ),
        (
            &["mark", "--read", "--id", "+123456789abcdef"],
            "not an article id",
        ),
        (
            &["mark", "--read", "--date", "2019-13"],
            "invalid query: column 1: --date",
        ),
        (
            &["mark", "--read", "--query", "(amazon"],
            "invalid query: column 1",
        ),
        (&["mark", "--read"], "nothing to mark"),
        (&["mark", "--id", "0123456789abcdef"], "--read"),
        (
            &["mark", "--read", "--unread", "--id", "0123456789abcdef"],
            "cannot be used with",
        ),
    ];
    for (args, says) in cases {
        let o = gazette(&state, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
        assert_eq!(stdout(&o), "", "{args:?}");
    }
    assert!(!state.exists());
}

#[test]
fn an_unsavable_state_is_a_data_error_for_mark_but_not_for_list() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    fs::write(&blocker, "").unwrap();
    let state = blocker.join("state.json");
    let o = gazette(&state, &["mark", "--read", "--id", "0123456789abcdef"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("memory only"), "{}", stderr(&o));
    assert!(stderr(&o).contains("marks not saved"), "{}", stderr(&o));

    let o = gazette(&state, &["list", "--unread"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o).lines().count(), 10);
    assert!(stderr(&o).contains("memory only"), "{}", stderr(&o));
}

#[test]
fn a_corrupt_state_is_moved_aside_with_a_warning_and_marking_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    fs::write(&state, r#"{"version":1,"read":{"0123"#).unwrap();
    let o = gazette(&state, &["mark", "--read", "--id", "0123456789abcdef"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains(&state.display().to_string()), "{err}");
    assert!(err.contains("state.json.corrupt-"), "{err}");
    assert_eq!(read_ids(&state), vec![ArticleId(0x0123_4567_89ab_cdef)]);
    let aside: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        fs::read_to_string(&aside[0]).unwrap(),
        r#"{"version":1,"read":{"0123"#
    );
}

#[test]
fn the_state_option_overrides_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let env_state = dir.path().join("env.json");
    let flag_state = dir.path().join("flag.json");
    let o = gazette(
        &env_state,
        &[
            "mark",
            "--read",
            "--id",
            "0123456789abcdef",
            "--state",
            flag_state.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(flag_state.exists());
    assert!(!env_state.exists());
}
