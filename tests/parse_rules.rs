//! One test per rule and defect of the digest format.

use gazette::digest::load::build;
use gazette::digest::{Loaded, Source};

fn load(text: &str) -> Loaded {
    build(
        vec![Source::from_string("t.txt", text.to_string())],
        Vec::new(),
    )
}

fn headlines(l: &Loaded) -> Vec<&str> {
    l.digest
        .articles
        .iter()
        .map(|a| l.digest.headline(a))
        .collect()
}

fn warnings(l: &Loaded) -> Vec<String> {
    l.warnings.iter().map(ToString::to_string).collect()
}

fn paragraphs(l: &Loaded, i: usize) -> Vec<&str> {
    l.digest.paragraphs(&l.digest.articles[i]).collect()
}

#[test]
fn basic_article_structure() {
    let l = load("Month: June 2019\n\n24 Jun 2019\n\nHeadline one\n\nPara one.\n\nPara two.\n");
    assert_eq!(headlines(&l), ["Headline one"]);
    assert_eq!(paragraphs(&l, 0), ["Para one.", "Para two."]);
    assert_eq!(l.digest.articles[0].line, 3);
    assert!(l.warnings.is_empty());
}

#[test]
fn bom_is_ignored() {
    let l = load("\u{FEFF}Month: June 2019\n\n1 Jun 2019\nH\nBody\n");
    assert_eq!(headlines(&l), ["H"]);
    assert!(l.warnings.is_empty(), "{:?}", warnings(&l));
}

#[test]
fn bom_directly_before_a_date_line() {
    let l = load("\u{FEFF}1 Jun 2019\nH\n");
    assert_eq!(headlines(&l), ["H"]);
}

#[test]
fn crlf_and_whitespace_only_lines() {
    let l = load("1 Jun 2019\r\n\r\nHead\r\n \t \r\nP1\r\n   \r\nP2\r\n");
    assert_eq!(headlines(&l), ["Head"]);
    assert_eq!(paragraphs(&l, 0), ["P1", "P2"]);
}

#[test]
fn headline_is_first_non_blank_line_and_no_blank_needed() {
    let l = load("1 Jun 2019\nHead\nP1\nP2\n");
    assert_eq!(headlines(&l), ["Head"]);
    assert_eq!(paragraphs(&l, 0), ["P1", "P2"]);
}

#[test]
fn date_line_is_trimmed_and_day_may_have_two_digits() {
    let l = load("  01 Jun 2019  \nA\n9 Dec 2020\nB\n");
    assert_eq!(headlines(&l), ["A", "B"]);
}

#[test]
fn near_date_lines_are_body_text() {
    for not_date in [
        "1 June 2019",
        "1 jun 2019",
        "1  Jun 2019",
        "1 Jun 19",
        "123 Jun 2019",
        "1 Jun 2019 extra",
        "On 1 Jun 2019",
    ] {
        let l = load(&format!("1 Jan 2019\nH\n{not_date}\n"));
        assert_eq!(headlines(&l), ["H"], "{not_date}");
        assert_eq!(paragraphs(&l, 0), [not_date]);
        assert!(l.warnings.is_empty(), "{not_date}");
    }
}

#[test]
fn impossible_date_is_body_text_with_a_warning() {
    let l = load("1 Jan 2019\nH\n31 Feb 2019\nP\n");
    assert_eq!(headlines(&l), ["H"]);
    assert_eq!(paragraphs(&l, 0), ["31 Feb 2019", "P"]);
    assert_eq!(
        warnings(&l),
        ["t.txt:3: `31 Feb 2019` is not a real date; kept as body text"]
    );
}

#[test]
fn leap_day_is_real_only_in_leap_years() {
    let l = load("29 Feb 2020\nLeap\n29 Feb 2019\n");
    assert_eq!(headlines(&l), ["Leap"]);
    assert_eq!(l.warnings.len(), 1);
}

#[test]
fn date_line_without_headline_is_reported_and_skipped() {
    let l = load("1 Jan 2019\n\n\n2 Jan 2019\nH2\nBody\n3 Jan 2019\n   \n");
    assert_eq!(headlines(&l), ["H2"]);
    assert_eq!(
        warnings(&l),
        [
            "t.txt:1: date line without a headline; skipped",
            "t.txt:7: date line without a headline; skipped"
        ]
    );
}

#[test]
fn month_header_ends_a_body_and_is_not_part_of_it() {
    let l = load("1 Jan 2019\nH\nP\nMonth: February 2019\n1 Feb 2019\nH2\nMonth: March 2019\n");
    assert_eq!(paragraphs(&l, 0), ["P"]);
    assert_eq!(paragraphs(&l, 1), Vec::<&str>::new());
    assert!(l.warnings.is_empty());
}

#[test]
fn text_before_first_date_line_is_reported() {
    let l = load("Month: June 2019\nSome preface\n\n1 Jun 2019\nH\n");
    assert_eq!(headlines(&l), ["H"]);
    assert_eq!(
        warnings(&l),
        ["t.txt:2: text before the first date line is ignored"]
    );
}

#[test]
fn file_without_date_lines_reports_its_text() {
    let l = load("\n\nJust some notes\n");
    assert!(l.digest.articles.is_empty());
    assert_eq!(
        warnings(&l),
        ["t.txt:3: text before the first date line is ignored"]
    );
}

#[test]
fn malformed_month_header_is_text_with_a_warning() {
    let l = load("1 Jun 2019\nH\nMonth: Juno 2019\n");
    assert_eq!(paragraphs(&l, 0), ["Month: Juno 2019"]);
    assert_eq!(l.warnings.len(), 1);
    assert_eq!(l.warnings[0].line, Some(3));
}

#[test]
fn invalid_utf8_becomes_replacement_and_is_reported_once() {
    let bytes = b"1 Jun 2019\nH\nbad \xff byte\nalso \xfe bad\n".to_vec();
    let (text, line) = gazette::digest::parse::decode(bytes);
    assert_eq!(line, Some(3));
    let l = load(&text);
    assert_eq!(
        paragraphs(&l, 0),
        ["bad \u{FFFD} byte", "also \u{FFFD} bad"]
    );
}

#[test]
fn articles_are_sorted_by_date_and_exact_duplicates_dropped() {
    let a = "2 Jun 2019\nLater\nBody\n1 Jun 2019\nEarlier\nBody\n";
    let l = build(
        vec![
            Source::from_string("a.txt", a.to_string()),
            Source::from_string("b.txt", a.replace('\n', "\r\n")),
        ],
        Vec::new(),
    );
    assert_eq!(headlines(&l), ["Earlier", "Later"]);
    assert_eq!(l.digest.location(&l.digest.articles[0]), "a.txt:4");
}

#[test]
fn same_date_and_headline_with_different_bodies_get_distinct_ids() {
    let l = load("1 Jun 2019\nSame\nBody A\n1 Jun 2019\nSame\nBody B\n1 Jun 2019\nSame\nBody A\n");
    assert_eq!(l.digest.articles.len(), 2);
    assert_ne!(l.digest.articles[0].id, l.digest.articles[1].id);
    // One of them keeps the plain date+headline id.
    let plain = gazette::digest::id::article_id(l.digest.articles[0].date, "Same");
    assert!(l.digest.articles.iter().any(|a| a.id == plain));
    // Independent of the order of the files.
    let r = load("1 Jun 2019\nSame\nBody B\n1 Jun 2019\nSame\nBody A\n");
    let mut x: Vec<_> = l.digest.articles.iter().map(|a| a.id).collect();
    let mut y: Vec<_> = r.digest.articles.iter().map(|a| a.id).collect();
    x.sort();
    y.sort();
    assert_eq!(x, y);
}
