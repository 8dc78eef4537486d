//! The company-index cache through the real binary: --cache-dir, $GAZETTE_CACHE_DIR,
//! --no-cache, and what a broken or unwritable cache does (nothing visible but a warning).

mod common;

use std::ffi::OsStr;
use std::fs;
use std::path::Path;

use common::cli::{run, stderr, stdout};

fn digest(dir: &Path) -> String {
    let path = dir.join("news.txt");
    fs::write(&path, gazette::digest::generate::digest_text(300, 3)).unwrap();
    path.display().to_string()
}

fn cache_files(dir: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn cache_dir_flag_and_env_hold_one_file_per_digest_and_change_nothing_printed() {
    let dir = tempfile::tempdir().unwrap();
    let file = digest(dir.path());
    let reference = run(&["--no-cache", "companies", "--json", &file], &[]);
    assert_eq!(reference.status.code(), Some(0));
    let cache = dir.path().join("flag");
    let cache_arg = cache.display().to_string();
    for _ in 0..2 {
        let out = run(
            &["--cache-dir", &cache_arg, "companies", "--json", &file],
            &[],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert_eq!(stdout(&out), stdout(&reference));
        assert_eq!(stderr(&out), "");
        let listed = run(&["list", "--json", "--cache-dir", &cache_arg, &file], &[]);
        let fresh = run(&["list", "--json", "--no-cache", &file], &[]);
        assert_eq!(stdout(&listed), stdout(&fresh));
    }
    let files = cache_files(&cache);
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].starts_with("companies-") && files[0].ends_with(".idx"));

    let env_dir = dir.path().join("env");
    let out = run(
        &["companies", "--json", &file],
        &[("GAZETTE_CACHE_DIR", env_dir.as_os_str())],
    );
    assert_eq!(stdout(&out), stdout(&reference));
    assert_eq!(cache_files(&env_dir).len(), 1);
}

#[test]
fn no_cache_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = digest(dir.path());
    let cache = dir.path().join("cache");
    let out = run(
        &["companies", "--no-cache", &file],
        &[("GAZETTE_CACHE_DIR", cache.as_os_str())],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(!cache.exists());
}

#[test]
fn a_garbled_cache_is_rebuilt_silently() {
    let dir = tempfile::tempdir().unwrap();
    let file = digest(dir.path());
    let cache = dir.path().join("cache");
    let env = [("GAZETTE_CACHE_DIR", cache.as_os_str())];
    let first = run(&["companies", "--json", &file], &env);
    let name = cache_files(&cache).pop().unwrap();
    fs::write(cache.join(&name), b"GZIDX garbage").unwrap();
    let again = run(&["companies", "--json", &file], &env);
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(stdout(&again), stdout(&first));
    assert_eq!(stderr(&again), "");
    assert!(
        fs::metadata(cache.join(&name)).unwrap().len() > 100,
        "rewritten"
    );
}

#[test]
fn an_unwritable_cache_is_a_warning_naming_it_not_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = digest(dir.path());
    let blocked = dir.path().join("not-a-folder");
    fs::write(&blocked, "").unwrap();
    let reference = run(&["--no-cache", "companies", &file], &[]);
    let out = run(
        &["companies", &file],
        &[("GAZETTE_CACHE_DIR", OsStr::new(&blocked))],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), stdout(&reference));
    let err = stderr(&out);
    assert!(
        err.starts_with("warning: company-index cache not saved: ") && err.contains("not-a-folder"),
        "{err}"
    );
}

#[test]
fn mark_by_company_goes_through_the_cache_and_marks_the_same_articles() {
    let dir = tempfile::tempdir().unwrap();
    let file = digest(dir.path());
    let cache = dir.path().join("cache");
    let mut outputs = Vec::new();
    for (flag, state) in [("--no-cache", "a.json"), ("--cache-dir", "b.json")] {
        let state = dir.path().join(state);
        let mut args = vec!["mark", "--read", "--query", "@walmart", &file, flag];
        let cache_arg = cache.display().to_string();
        if flag == "--cache-dir" {
            args.push(&cache_arg);
        }
        let out = run(&args, &[("GAZETTE_STATE", state.as_os_str())]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let listed = run(
            &["list", "--query", "is:read", "--no-cache", &file],
            &[("GAZETTE_STATE", state.as_os_str())],
        );
        outputs.push(stdout(&listed));
    }
    assert!(!outputs[0].is_empty());
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(cache_files(&cache).len(), 1, "mark filled the cache");
}
