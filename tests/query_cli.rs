//! `list --query` and the shorthand filter flags, through the real binary.

mod common;

use common::cli;
use std::process::Output;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/query_digest.txt"
);

fn gazette(args: &[&str]) -> Output {
    let state = std::env::temp_dir().join("gazette-query-cli-test-state.json");
    cli::run(args, &[("GAZETTE_STATE", state.as_os_str())])
}

fn ok_lines(args: &[&str]) -> Vec<String> {
    let o = gazette(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(String::from)
        .collect()
}

#[test]
fn list_query_on_the_sample() {
    assert_eq!(
        ok_lines(&["list", "--query", "cloud"]),
        [
            "2019-06-24  Cloudflare outage affecting numerous sites on Monday AM",
            "2019-06-24  Creandum closes $300M fund for early-stage investments out of Europe",
        ]
    );
    assert_eq!(
        ok_lines(&["list", "-q", "\"smart home\" -samsung"]),
        ["2019-06-24  Echo Show 5 review"]
    );
}

#[test]
fn a_query_starting_with_a_minus_is_a_query() {
    let lines = ok_lines(&["list", "--query", "-cricket"]);
    assert_eq!(lines.len(), 9);
    assert!(lines.iter().all(|l| !l.contains("Cricket")));
    assert_eq!(ok_lines(&["list", "--query=-cricket -cloud"]).len(), 7);
}

#[test]
fn a_malformed_query_exits_2_with_the_column() {
    let o = gazette(&["list", "--query", "cloud date:2019-13-45"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("column 12: invalid date '2019-13-45'"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
    let o = gazette(&["list", "--query", "(cloud"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("column 1: unclosed '('"));
    let o = gazette(&["list", "--date", "2019-6"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--date: invalid date"));
}

#[test]
fn shorthand_flags_compose_with_the_query_by_and() {
    assert_eq!(
        ok_lines(&[
            "list",
            FIXTURE,
            "--date",
            "2019-06",
            "--query",
            "cloud OR walmart"
        ]),
        [
            "2019-06-01  Cloudflare ships a new firewall",
            "2019-06-15  Walmart tests drone delivery",
        ]
    );
    assert_eq!(
        ok_lines(&["list", FIXTURE, "--date", "2019-06-20..", "--unread"]).len(),
        5
    );
    // The company index tags articles; names are case-insensitive.
    let amazon = [
        "2019-05-31  Cloud prices fall again",
        "2019-06-15  Walmart tests drone delivery",
        "2020-01-03  Amazon and Walmart fight over groceries",
    ];
    assert_eq!(ok_lines(&["list", FIXTURE, "--company", "amazon"]), amazon);
    assert_eq!(ok_lines(&["list", FIXTURE, "--query", "@Amazon"]), amazon);
    assert_eq!(
        ok_lines(&["list", FIXTURE, "--company", "Amazon", "--date", "2020"]),
        ["2020-01-03  Amazon and Walmart fight over groceries"]
    );
    // An unknown company matches nothing, without error.
    let o = gazette(&["list", FIXTURE, "--json", "--company", "Nosuchco"]);
    assert_eq!(String::from_utf8_lossy(&o.stdout), "[]\n");
}

#[test]
fn json_lists_only_the_matches() {
    let o = gazette(&["list", FIXTURE, "--json", "--query", "pokemon OR crème"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let headlines: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["headline"].as_str().unwrap())
        .collect();
    assert_eq!(
        headlines,
        [
            "Pokémon Go adds a café mode",
            "Crème brûlée startup raises seed round"
        ]
    );
}
