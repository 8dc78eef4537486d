//! Property tests: the parser never panics, and rendered digests round-trip.

use chrono::NaiveDate;
use gazette::digest::Source;
use gazette::digest::load::build;
use gazette::digest::parse::{decode, parse};
use gazette::digest::render::{month_header, push_article};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let (text, _) = decode(bytes);
        let parsed = parse(&text, 0);
        for a in &parsed.articles {
            prop_assert!(text.get(a.headline.range()).is_some());
            prop_assert!(text.get(a.body.range()).is_some());
        }
    }

    #[test]
    fn never_panics_on_digest_like_text(lines in proptest::collection::vec(
        prop_oneof![
            Just(String::new()),
            Just("24 Jun 2019".to_string()),
            Just("31 Feb 2019".to_string()),
            Just("Month: June 2019".to_string()),
            Just("Month: Jine".to_string()),
            Just("\u{FEFF}".to_string()),
            Just("  \t ".to_string()),
            "[ -~]{0,20}",
            "\\PC{0,10}",
        ], 0..40), crlf in any::<bool>()) {
        let text = lines.join(if crlf { "\r\n" } else { "\n" });
        let loaded = build(vec![Source::from_string("p.txt", text)], Vec::new());
        for w in &loaded.warnings {
            prop_assert!(w.line.is_some());
        }
    }

    #[test]
    fn rendered_digest_round_trips(articles in proptest::collection::vec(
        (0u32..3000, "[A-Z][a-z]{1,8}( [a-z]{1,8}){0,6}", proptest::collection::vec("[A-Za-z][a-z ,.]{0,40}[a-z.]", 0..6)),
        1..20), with_months in any::<bool>()) {
        let base = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
        let mut text = String::new();
        let mut expected = Vec::new();
        for (i, (day, head, paras)) in articles.iter().enumerate() {
            let date = base + chrono::Days::new(u64::from(*day));
            if with_months && i % 3 == 0 {
                text.push_str(&month_header(date));
                text.push_str("\n\n");
            }
            let head = format!("{head} {i}");
            push_article(&mut text, date, &head, paras.iter().map(String::as_str));
            expected.push((date, head, paras.clone()));
        }
        expected.sort_by_key(|e| e.0);
        let loaded = build(vec![Source::from_string("r.txt", text)], Vec::new());
        prop_assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        let d = &loaded.digest;
        let got: Vec<_> = d.articles.iter().map(|a| {
            (a.date, d.headline(a).to_string(), d.paragraphs(a).map(str::to_string).collect::<Vec<_>>())
        }).collect();
        prop_assert_eq!(got, expected);
    }
}
