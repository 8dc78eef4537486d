//! `gazette companies` and the `companies` field of `list --json`, through the real binary.

use std::process::Command;

use serde_json::Value;

/// Runs gazette with an empty config dir (so no user companies.json leaks in), or the given one.
fn gazette(args: &[&str], config: &std::path::Path) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(args)
        .env("XDG_CONFIG_HOME", config)
        .env("HOME", config)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn companies_json_counts_articles_most_first() {
    let config = tempfile::tempdir().unwrap();
    let (stdout, code) = gazette(&["companies", "--json"], config.path());
    assert_eq!(code, 0);
    let rows: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    assert_eq!(rows[0], serde_json::json!({"name": "Amazon", "count": 6}));
    let counts: Vec<u64> = rows.iter().map(|r| r["count"].as_u64().unwrap()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    for name in [
        "Facebook",
        "Byju’s",
        "Small Giant Games",
        "WP Engine",
        "Dada-JD Daojia",
    ] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
    for not_company in [
        "Nick Clegg",
        "Clegg",
        "Pramod Sharma",
        "India",
        "San Francisco",
        "Monday",
    ] {
        assert!(!names.contains(&not_company), "{not_company} listed");
    }
}

#[test]
fn companies_text_is_aligned_count_then_name() {
    let config = tempfile::tempdir().unwrap();
    let (stdout, code) = gazette(&["companies"], config.path());
    assert_eq!(code, 0);
    let first = stdout.lines().next().unwrap();
    assert_eq!(first, "  6  Amazon");
    assert!(stdout.lines().all(|l| l.starts_with("  ")));
}

#[test]
fn list_json_fills_companies_most_mentioned_first() {
    let config = tempfile::tempdir().unwrap();
    let (stdout, code) = gazette(&["list", "--json"], config.path());
    assert_eq!(code, 0);
    let articles: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    let facebook = articles
        .iter()
        .find(|a| {
            a["headline"]
                .as_str()
                .unwrap()
                .starts_with("Facebook makes")
        })
        .unwrap();
    let companies: Vec<&str> = facebook["companies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert_eq!(companies[0], "Facebook");
    assert!(companies.contains(&"BBC"));
    assert!(
        articles
            .iter()
            .all(|a| !a["companies"].as_array().unwrap().is_empty())
    );
}

#[test]
fn list_json_mentions_count_each_company_in_the_companies_order() {
    let config = tempfile::tempdir().unwrap();
    let (stdout, code) = gazette(&["list", "--json"], config.path());
    assert_eq!(code, 0);
    let articles: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    let mentions = |headline: &str| -> Vec<(String, u64)> {
        let article = articles
            .iter()
            .find(|a| a["headline"].as_str().unwrap().starts_with(headline))
            .unwrap();
        article["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["name"].as_str().unwrap().to_string(),
                    m["count"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let owned = |pairs: &[(&str, u64)]| -> Vec<(String, u64)> {
        pairs.iter().map(|&(n, c)| (n.to_string(), c)).collect()
    };
    // Counted by hand in the sample: Amazon in the headline and 1 + 2 + 2 times in the
    // body's paragraphs, FedEx in the headline and 2 + 2 times in the body.
    assert_eq!(
        mentions("FedEx lures")[..2],
        owned(&[("Amazon", 6), ("FedEx", 5)])[..]
    );
    assert_eq!(
        mentions("Echo Show 5 review"),
        owned(&[("Amazon", 8), ("Lenovo", 7), ("Google", 6), ("YouTube", 1)])
    );
    for article in &articles {
        let names: Vec<&Value> = article["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| &m["name"])
            .collect();
        let companies: Vec<&Value> = article["companies"].as_array().unwrap().iter().collect();
        assert_eq!(names, companies, "{}", article["headline"]);
        let counts: Vec<u64> = article["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["count"].as_u64().unwrap())
            .collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
        assert!(counts.iter().all(|&c| c > 0), "{counts:?}");
    }
}

#[test]
fn user_companies_json_adds_and_ignores_names() {
    let config = tempfile::tempdir().unwrap();
    let dir = config.path().join("gazette");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("companies.json"),
        r#"{"companies": [{"name": "Bixby", "aliases": []}], "ignore": ["Amazon"]}"#,
    )
    .unwrap();
    let (stdout, code) = gazette(&["companies", "--json"], config.path());
    assert_eq!(code, 0);
    let rows: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    let names: Vec<&str> = rows.iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"Bixby"));
    assert!(!names.contains(&"Amazon"));
}

#[test]
fn broken_companies_json_is_a_data_error_naming_the_file() {
    let config = tempfile::tempdir().unwrap();
    let dir = config.path().join("gazette");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("companies.json"), "{ nope").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(["companies"])
        .env("XDG_CONFIG_HOME", config.path())
        .env("HOME", config.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("companies.json:1:"));
}

#[test]
fn a_malformed_company_entry_says_what_an_entry_looks_like() {
    let config = tempfile::tempdir().unwrap();
    let dir = config.path().join("gazette");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("companies.json"), "{\"companies\": [\n    5]}\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(["list", "--json"])
        .env("XDG_CONFIG_HOME", config.path())
        .env("HOME", config.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err,
        format!(
            "gazette: reading companies.json: {}:2:5: invalid type: integer `5`, expected a \
             company: a name string or {{\"name\": ..., \"aliases\": [...]}}\n",
            dir.join("companies.json").display()
        )
    );
}

/// A unit ("Google Cloud") is a company of its own, and its parent's filter and count
/// take it in: `--company google` finds the article that names only Google Cloud.
#[test]
fn a_units_articles_count_for_its_parent_too() {
    let config = tempfile::tempdir().unwrap();
    let digest = config.path().join("units.txt");
    std::fs::write(
        &digest,
        "1 Mar 2021\n\nGoogle Cloud cuts prices\n\nGoogle Cloud cut storage prices again.\n\n\
         2 Mar 2021\n\nGoogle ships a phone\n\nGoogle showed a phone.\n\n\
         3 Mar 2021\n\nBanks move\n\nHSBC UK and Mizuho Securities hired staff.\n",
    )
    .unwrap();
    let path = digest.to_str().unwrap();
    let (stdout, code) = gazette(&["companies", "--json", path], config.path());
    assert_eq!(code, 0);
    let rows: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    let count = |name: &str| {
        rows.iter()
            .find(|r| r["name"] == name)
            .and_then(|r| r["count"].as_u64())
    };
    assert_eq!(count("Google"), Some(2), "{rows:?}");
    assert_eq!(count("Google Cloud"), Some(1));
    assert_eq!(count("HSBC"), Some(1));
    assert_eq!(count("HSBC UK"), Some(1));
    assert_eq!(count("Mizuho Securities"), Some(1));
    let headlines = |company: &str| -> Vec<String> {
        let (stdout, code) = gazette(
            &["list", "--json", "--company", company, path],
            config.path(),
        );
        assert_eq!(code, 0, "{company}");
        let rows: Vec<Value> = serde_json::from_str(&stdout).unwrap();
        rows.iter()
            .map(|r| r["headline"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        headlines("google"),
        ["Google Cloud cuts prices", "Google ships a phone"]
    );
    assert_eq!(headlines("google cloud"), ["Google Cloud cuts prices"]);
    assert_eq!(headlines("mizuho"), ["Banks move"]);
    // The article lists the unit, not the parent it did not name.
    let (stdout, _) = gazette(
        &["list", "--json", "--company", "google cloud", path],
        config.path(),
    );
    let rows: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    assert_eq!(rows[0]["companies"], serde_json::json!(["Google Cloud"]));
}
