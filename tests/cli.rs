//! The command line as scripts see it: output, JSON and every exit code.

mod common;

use common::cli::{self, stderr, stdout};
use std::process::{Command, Output};

const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/techcrunch-2019-06-24.txt"
);

fn gazette(args: &[&str]) -> Output {
    let state = std::env::temp_dir().join("gazette-cli-test-state.json");
    cli::run(args, &[("GAZETTE_STATE", state.as_os_str())])
}

#[test]
fn list_without_paths_uses_the_bundled_sample() {
    let o = gazette(&["list"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 10);
    assert!(out.starts_with("2019-06-24  Samsung releases a trio of smart home products\n"));
}

#[test]
fn list_json_on_a_folder_with_the_same_file_twice() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(SAMPLE, dir.path().join("a.txt")).unwrap();
    std::fs::copy(SAMPLE, dir.path().join("b.txt")).unwrap();
    std::fs::write(dir.path().join("notes.md"), "not a digest").unwrap();
    let o = gazette(&["list", "--json", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 10);
    let first = &arr[0];
    assert_eq!(first["date"], "2019-06-24");
    assert_eq!(
        first["headline"],
        "Samsung releases a trio of smart home products"
    );
    assert_eq!(first["paragraphs"].as_array().unwrap().len(), 6);
    assert_eq!(first["id"].as_str().unwrap().len(), 16);
    assert!(first["companies"].is_array());
    assert_eq!(first["read"], false);
    let a_txt = dir.path().join("a.txt");
    assert_eq!(first["source"], format!("{}:3", a_txt.display()));
    assert!(stderr(&o).contains("notes.md: skipped"), "{}", stderr(&o));
}

#[test]
fn check_is_clean_on_the_sample() {
    let o = gazette(&["check", SAMPLE]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");
}

/// `gazette check` on a file holding `text`: the run, and the file's path as shown.
fn check_file(text: &str) -> (Output, String) {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("bad.txt");
    std::fs::write(&f, text).unwrap();
    (
        gazette(&["check", f.to_str().unwrap()]),
        f.display().to_string(),
    )
}

#[test]
fn check_reports_defects_with_file_and_line_and_exits_1() {
    let (o, f) = check_file("preface\n1 Jun 2019\nH\n31 Feb 2019\n2 Jun 2019\n");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        format!(
            "{f}:1: text before the first date line is ignored\n\
             {f}:4: `31 Feb 2019` is not a real date; kept as body text\n\
             {f}:5: date line without a headline; skipped\n"
        )
    );
}

#[test]
fn check_reports_the_defects_of_a_file_without_articles_then_the_error() {
    let (o, f) = check_file("hello\n\n24 Jun 2019\n");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        format!(
            "{f}:1: text before the first date line is ignored\n\
             {f}:3: date line without a headline; skipped\n"
        )
    );
    assert_eq!(stderr(&o), format!("gazette: no articles found in {f}\n"));
    // With nothing to report but the emptiness, that alone.
    let (o, f) = check_file("");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    assert_eq!(stderr(&o), format!("gazette: no articles found in {f}\n"));
}

#[test]
fn missing_file_is_a_data_error_naming_it() {
    let o = gazette(&["list", "/nonexistent/digest.txt"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("/nonexistent/digest.txt"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn inputs_without_articles_are_a_data_error_naming_the_paths() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("empty.txt");
    std::fs::write(&f, "nothing here\n").unwrap();
    let o = gazette(&["list", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no articles found in"));
    assert!(stderr(&o).contains("empty.txt"));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["list", "--bogus"][..],
        &["frobnicate-extra", "--nope"],
        &["check", "--json"],
    ] {
        let o = gazette(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
    }
}

#[test]
fn broken_pipe_is_not_an_error() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(["list", "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(!err.contains("panicked"), "{err}");
    assert!(status.code().is_some());
}

#[test]
fn company_amazon_finds_the_six_sample_articles() {
    let o = gazette(&["list", "--query", "company:amazon"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 6, "{}", stdout(&o));
    let o = gazette(&["list", "--company", "AMAZON"]);
    assert_eq!(stdout(&o).lines().count(), 6);
}

#[test]
fn mark_by_query_uses_the_filter_language_and_list_reads_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let state = state.to_str().unwrap();
    let o = gazette(&[
        "mark",
        "--read",
        "--state",
        state,
        "--query",
        "@amazon -cricket",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("5 articles marked read"),
        "{}",
        stdout(&o)
    );
    let o = gazette(&["list", "--state", state, "--query", "is:unread"]);
    assert_eq!(stdout(&o).lines().count(), 5);
    let o = gazette(&["list", "--state", state, "--unread", "--company", "amazon"]);
    assert_eq!(stdout(&o).lines().count(), 1);
}

#[test]
fn an_unknown_company_matches_nothing_and_says_so_on_stderr() {
    for args in [
        &["list", "--company", "nosuchco"][..],
        &["list", "--query", "@nosuchco"],
        &["list", "--query", "company:nosuchco OR company:nosuchco"],
    ] {
        let o = gazette(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert_eq!(stdout(&o), "", "{args:?}");
        assert_eq!(
            stderr(&o),
            "gazette: no company matches \"nosuchco\" (see gazette companies)\n",
            "{args:?}"
        );
    }
}

#[test]
fn a_mistyped_company_gets_the_likely_one_suggested() {
    for (typed, meant) in [
        ("amazn", "Amazon"),
        ("Amzaon", "Amazon"),
        ("hotst", "Hotstar"),
        ("walmrat", "Walmart"),
    ] {
        let o = gazette(&["list", "--company", typed]);
        assert_eq!(o.status.code(), Some(0), "{typed}: {}", stderr(&o));
        assert_eq!(stdout(&o), "", "{typed}");
        assert_eq!(
            stderr(&o),
            format!(
                "gazette: no company matches \"{typed}\"; did you mean \"{meant}\"? (see gazette companies)\n"
            )
        );
    }
    // Excluding a mistyped company excludes nothing: the note matters most here.
    let o = gazette(&["list", "--query", "-@facebok"]);
    assert_eq!(stdout(&o).lines().count(), 10);
    assert!(
        stderr(&o).contains("did you mean \"Facebook\"?"),
        "{}",
        stderr(&o)
    );
    // mark reads its query the same way.
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let o = gazette(&[
        "mark",
        "--read",
        "--state",
        state.to_str().unwrap(),
        "--query",
        "@amazn",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "0 articles marked read (0 were unread)\n");
    assert!(
        stderr(&o).contains("no company matches \"amazn\"; did you mean \"Amazon\"?"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_known_company_that_no_article_mentions_is_no_mistake() {
    let o = gazette(&["list", "--company", "Tesla"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");
    assert_eq!(stderr(&o), "");
}
