//! Export: `gazette list --format md|csv|json|text` on the sample (golden files), CSV
//! quoting, and the reader's `e` key writing the same Markdown as `list --format md`.

mod common;

use common::cli;
use std::path::Path;
use std::process::Output;

use chrono::{Days, NaiveDate};
use common::{drive, sample_app, terminal};
use gazette::companies::{CompanyIndex, KnownCompanies};
use gazette::digest::render::push_article;
use gazette::digest::{load_paths, load_sample};
use gazette::state::ReadState;
use gazette::tui::App;

fn gazette(args: &[&str], state: &Path) -> Output {
    cli::run(args, &[("GAZETTE_STATE", state.as_os_str())])
}

/// `gazette ARGS` with a fresh state file: its stdout, after checking it exited 0.
fn run(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let o = gazette(args, &dir.path().join("state.json"));
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn markdown_golden() {
    insta::assert_snapshot!(
        "list_md_walmart",
        run(&["list", "--format", "md", "--company", "Walmart"])
    );
}

#[test]
fn csv_golden() {
    insta::assert_snapshot!("list_csv", run(&["list", "--format", "csv"]));
}

#[test]
fn json_golden_and_json_is_an_alias() {
    let json = run(&["list", "--format", "json", "--company", "FedEx"]);
    insta::assert_snapshot!("list_json_fedex", json);
    assert_eq!(run(&["list", "--json", "--company", "FedEx"]), json);
    assert_eq!(run(&["list", "--json"]), run(&["list", "--format", "json"]));
}

#[test]
fn text_stays_the_default() {
    let text = run(&["list", "--format", "text"]);
    assert_eq!(run(&["list"]), text);
    assert!(text.starts_with("2019-06-24  Samsung releases a trio of smart home products\n"));
}

#[test]
fn json_and_format_together_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = gazette(
        &["list", "--json", "--format", "md"],
        &dir.path().join("s.json"),
    );
    assert_eq!(o.status.code(), Some(2));
    let o = gazette(&["list", "--format", "xml"], &dir.path().join("s.json"));
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("md"));
}

#[test]
fn csv_carries_read_marks() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let o = gazette(&["mark", "--read", "--company", "FedEx"], &state);
    assert_eq!(o.status.code(), Some(0));
    let csv = String::from_utf8(gazette(&["list", "--format", "csv"], &state).stdout).unwrap();
    let fedex = csv.lines().find(|l| l.contains("FedEx lures")).unwrap();
    assert!(fedex.ends_with(",true"), "{fedex}");
    assert_eq!(csv.lines().filter(|l| l.ends_with(",false")).count(), 9);
}

/// A digest whose headlines need CSV quoting and Markdown escaping.
const AWKWARD: &str = "\
1 Jun 2019

Cartier, Bulgari and the \"luxury\" race

Shares of Apple rose 3%. *Not emphasis* and 2019. was a year.

# not a heading

2 Jun 2019

Plain headline

Body.
";

#[test]
fn csv_quotes_commas_and_quotes_and_markdown_escapes_markup() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("awkward.txt");
    std::fs::write(&file, AWKWARD).unwrap();
    let csv = run(&["list", "--format", "csv", file.to_str().unwrap()]);
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], "id,date,headline,companies,read");
    assert!(
        rows[1].ends_with(",2019-06-01,\"Cartier, Bulgari and the \"\"luxury\"\" race\",Apple; Cartier; Bulgari,false"),
        "{}",
        rows[1]
    );
    assert!(
        rows[2].ends_with(",2019-06-02,Plain headline,,false"),
        "{}",
        rows[2]
    );
    let md = run(&["list", "--format", "md", file.to_str().unwrap()]);
    assert!(
        md.starts_with("# 2 articles · 2019-06-01 to 2019-06-02\n"),
        "{md}"
    );
    assert!(md.contains(
        "\n## Cartier, Bulgari and the \"luxury\" race\n\n*2019-06-01 · Apple, Cartier, Bulgari*\n"
    ));
    assert!(
        md.contains("\nShares of Apple rose 3%. \\*Not emphasis\\* and 2019. was a year.\n"),
        "{md}"
    );
    assert!(md.contains("\n\\# not a heading\n"), "{md}");
    assert!(
        md.contains("\n## Plain headline\n\n*2019-06-02*\n\nBody.\n"),
        "{md}"
    );
}

/// The files the reader exported into `dir`, sorted by name.
fn exports(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn the_export_key_writes_what_list_format_md_prints_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app();
    app.export_dir = dir.path().to_path_buf();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "camazon<Enter>e");
    let files = exports(dir.path());
    assert_eq!(files.len(), 1);
    let name = files[0].file_name().unwrap().to_str().unwrap().to_string();
    assert!(
        name.starts_with("gazette-export-") && name.ends_with(".md"),
        "{name}"
    );
    assert_eq!(
        app.message.as_deref(),
        Some(format!("Exported 6 articles to {}", files[0].display()).as_str())
    );
    let first = std::fs::read_to_string(&files[0]).unwrap();
    assert_eq!(
        first,
        run(&["list", "--format", "md", "--company", "Amazon"])
    );
    // Again: a second file beside the first, which is left as it was.
    drive(&mut app, &mut t, "e");
    let files = exports(dir.path());
    assert_eq!(files.len(), 2);
    for f in &files {
        assert_eq!(std::fs::read_to_string(f).unwrap(), first);
    }
}

#[test]
fn the_export_key_on_several_days_keeps_date_order_like_list() {
    let sample = load_sample().digest;
    let base = NaiveDate::from_ymd_opt(2019, 6, 1).unwrap();
    let mut text = String::new();
    for (i, article) in sample.articles.iter().enumerate() {
        push_article(
            &mut text,
            base + Days::new(i as u64 % 4),
            sample.headline(article),
            sample.paragraphs(article),
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("days.txt");
    std::fs::write(&file, text).unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();

    let digest = load_paths(std::slice::from_ref(&file)).unwrap().digest;
    let index = CompanyIndex::build(&digest, &KnownCompanies::bundled());
    let mut app = App::with_state(digest, ReadState::in_memory());
    app.set_companies(index);
    app.export_dir = out.clone();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "e");
    let files = exports(&out);
    assert_eq!(files.len(), 1);
    assert_eq!(
        std::fs::read_to_string(&files[0]).unwrap(),
        run(&["list", "--format", "md", file.to_str().unwrap()])
    );
}

#[test]
fn an_empty_view_exports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app();
    app.export_dir = dir.path().to_path_buf();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "/zzzzunlikely<Enter>e");
    assert!(app.view.is_empty());
    assert_eq!(
        app.message.as_deref(),
        Some("Nothing to export: the view is empty")
    );
    assert!(exports(dir.path()).is_empty());
}

#[test]
fn an_unwritable_directory_is_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app();
    app.export_dir = dir.path().join("missing");
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "e");
    let message = app.message.clone().unwrap();
    assert!(message.starts_with("Export failed: "), "{message}");
    assert!(!app.should_quit);
}

#[test]
fn one_article_is_one_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = sample_app();
    app.export_dir = dir.path().to_path_buf();
    let mut t = terminal(120, 40);
    drive(&mut app, &mut t, "cfedex<Enter>e");
    let files = exports(dir.path());
    assert_eq!(
        app.message.as_deref(),
        Some(format!("Exported 1 article to {}", files[0].display()).as_str())
    );
    assert_eq!(
        std::fs::read_to_string(&files[0]).unwrap(),
        run(&["list", "--format", "md", "--company", "FedEx"])
    );
}
