//! Golden test: the bundled sample parses to exactly its ten articles.

use gazette::digest::{load_sample, parse};

const EXPECTED: [(&str, usize, u32); 10] = [
    ("Samsung releases a trio of smart home products", 6, 3),
    (
        "Byju’s-owned Osmo education startup enters pre-schoolers market",
        12,
        19,
    ),
    ("Echo Show 5 review", 12, 47),
    (
        "FedEx lures online sellers with two-day air shipping at ground rates after Amazon contract ends",
        3,
        76,
    ),
    (
        "Cloudflare outage affecting numerous sites on Monday AM",
        7,
        86,
    ),
    (
        "Cricket World Cup highlights just how big video streaming is in India",
        15,
        108,
    ),
    (
        "Creandum closes $300M fund for early-stage investments out of Europe",
        13,
        142,
    ),
    (
        "Carrefour sale shifts the balance of power in China’s new retail battle",
        19,
        172,
    ),
    (
        "Facebook makes another push to shape and define its own oversight",
        33,
        214,
    ),
    (
        "Cartier, Bulgari and other luxury brands are flocking to WeChat",
        23,
        284,
    ),
];

#[test]
fn sample_has_exactly_the_ten_articles() {
    let loaded = load_sample();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let d = &loaded.digest;
    let got: Vec<(&str, usize, u32)> = d
        .articles
        .iter()
        .map(|a| (d.headline(a), d.paragraphs(a).count(), a.line))
        .collect();
    assert_eq!(got, EXPECTED);
    for a in &d.articles {
        assert_eq!(a.date.to_string(), "2019-06-24");
    }
}

#[test]
fn sample_paragraphs_are_exact() {
    let loaded = load_sample();
    let d = &loaded.digest;
    let first: Vec<&str> = d.paragraphs(&d.articles[0]).collect();
    assert!(first[0].starts_with("Samsung’s approach to the smart home has been — “uneven”"));
    assert_eq!(
        first[5],
        "The Cam, Smart Plug and Smart Bulb are available starting today."
    );
    let last = d.articles.last().unwrap();
    let paras: Vec<&str> = d.paragraphs(last).collect();
    assert!(!paras.iter().any(|p| p.contains("24 Jun 2019")));
}

#[test]
fn sample_ids_are_distinct_and_stable() {
    let loaded = load_sample();
    let d = &loaded.digest;
    let ids: std::collections::HashSet<_> = d.articles.iter().map(|a| a.id).collect();
    assert_eq!(ids.len(), 10);
    // Pinned: a change here loses every user's read marks.
    assert_eq!(
        d.articles[0].id.to_string(),
        gazette_id("2019-06-24\nSamsung releases a trio of smart home products")
    );
}

fn gazette_id(s: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

#[test]
fn crlf_copy_of_sample_parses_the_same() {
    let sample = gazette::digest::load::SAMPLE_TEXT;
    let crlf = sample.replace('\n', "\r\n");
    let a = parse::parse(sample, 0);
    let b = parse::parse(&crlf, 0);
    let heads = |p: &parse::Parsed, t: &str| -> Vec<String> {
        p.articles
            .iter()
            .map(|a| a.headline.slice(t).to_string())
            .collect()
    };
    assert_eq!(heads(&a, sample), heads(&b, &crlf));
    assert!(b.warnings.is_empty());
}
