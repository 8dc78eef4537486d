//! Properties of the filter language: the parser never panics; OR widens; A -A is empty; index == scan == one-by-one.

use gazette::digest::Digest;
use gazette::digest::Source;
use gazette::digest::load::build;
use gazette::query::{Facts, TextIndex, parse};
use proptest::prelude::*;

const FIXTURE: &str = include_str!("fixtures/query_digest.txt");

struct FakeFacts {
    amazon: Vec<u32>,
    read: Vec<u32>,
}

impl Facts for FakeFacts {
    fn company_articles(&self, name: &str) -> Option<&[u32]> {
        name.eq_ignore_ascii_case("amazon")
            .then_some(self.amazon.as_slice())
    }
    fn is_read(&self, article: u32) -> bool {
        self.read.contains(&article)
    }
}

fn fixture() -> (Digest, TextIndex, FakeFacts) {
    let d = build(
        vec![Source::from_string("query_digest.txt", FIXTURE.to_string())],
        Vec::new(),
    )
    .digest;
    let index = TextIndex::build(&d);
    let facts = FakeFacts {
        amazon: vec![1, 3, 8],
        read: vec![0, 5, 6],
    };
    (d, index, facts)
}

/// Simple terms of every kind.
fn term() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "cloud",
            "Cloudf",
            "smart",
            "home",
            "café",
            "pokemon",
            "walmart",
            "amazon",
            "the",
            "a",
            "c",
            "pre-school",
            "zzz",
            "10:30",
        ])
        .prop_map(String::from),
        prop::sample::select(vec![
            "smart home",
            "cloud storage",
            "home of",
            "café chain",
            "x y"
        ])
        .prop_map(|p| format!("\"{p}\"")),
        prop::sample::select(vec!["@amazon", "@nobody", "company:\"WP Engine\""])
            .prop_map(String::from),
        prop::sample::select(vec![
            "date:2019-06",
            "date:2019",
            "date:2019-06-01..2019-06-24",
            "date:..2019-06-15",
            "date:2019-07..",
            "after:2019-06-15",
            "before:2019-07",
            "date:2020-01-03",
        ])
        .prop_map(String::from),
        prop::sample::select(vec!["is:read", "is:unread"]).prop_map(String::from),
    ]
}

/// Small composed queries: terms, negations, ORs and groups.
fn query() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![term(), term().prop_map(|t| format!("-{t}"))];
    leaf.prop_recursive(3, 12, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..3).prop_map(|v| v.join(" ")),
            (inner.clone(), inner.clone()).prop_map(|(a, b)| format!("{a} OR {b}")),
            inner.clone().prop_map(|a| format!("({a})")),
            inner.prop_map(|a| format!("-({a})")),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_parser_never_panics(s in any::<String>()) {
        let _ = parse(&s);
    }

    #[test]
    fn the_parser_never_panics_on_query_like_text(s in "[-a-z@:\"() .0-9OR]{0,30}") {
        if let Err(e) = parse(&s) {
            prop_assert!(e.column >= 1 && e.column <= s.chars().count() + 1, "{s:?}: {e}");
        }
    }

    #[test]
    fn or_contains_each_side(a in query(), b in query()) {
        let (d, index, facts) = fixture();
        let ea = parse(&a).unwrap().evaluate(&d, &facts, &index);
        let either = parse(&format!("({a}) OR ({b})")).unwrap().evaluate(&d, &facts, &index);
        prop_assert!(ea.iter().all(|x| either.contains(x)), "{a} OR {b}");
    }

    #[test]
    fn a_and_not_a_is_empty(a in term()) {
        let (d, index, facts) = fixture();
        let hits = parse(&format!("{a} -{a}")).unwrap().evaluate(&d, &facts, &index);
        prop_assert!(hits.is_empty(), "{a} -{a}: {hits:?}");
    }

    #[test]
    fn index_scan_and_one_by_one_agree(q in query()) {
        let (d, index, facts) = fixture();
        let q = parse(&q).unwrap();
        let hits = q.evaluate(&d, &facts, &index);
        prop_assert_eq!(&hits, &q.evaluate(&d, &facts, &TextIndex::empty()));
        let one: Vec<u32> = (0..d.articles.len() as u32).filter(|&a| q.matches(&d, &facts, a)).collect();
        prop_assert_eq!(hits, one);
    }
}
