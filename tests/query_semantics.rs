//! What queries select: query -> the exact set of headlines, on the sample and on tests/fixtures/query_digest.txt.

use gazette::digest::load::{SAMPLE_NAME, SAMPLE_TEXT, build};
use gazette::digest::{Digest, Source};
use gazette::query::{Facts, NoFacts, TextIndex, find_highlights, parse};

const FIXTURE: &str = include_str!("fixtures/query_digest.txt");

/// Companies by headline start, so the table below stays readable.
struct FakeFacts {
    /// (lower-case names and aliases, sorted article indices)
    companies: Vec<(Vec<&'static str>, Vec<u32>)>,
    read: Vec<u32>,
}

impl Facts for FakeFacts {
    fn company_articles(&self, name: &str) -> Option<&[u32]> {
        let name = name.to_lowercase();
        self.companies
            .iter()
            .find(|(names, _)| names.contains(&name.as_str()))
            .map(|(_, list)| list.as_slice())
    }
    fn is_read(&self, article: u32) -> bool {
        self.read.contains(&article)
    }
}

fn digest(name: &str, text: &str) -> Digest {
    let loaded = build(
        vec![Source::from_string(name, text.to_string())],
        Vec::new(),
    );
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    loaded.digest
}

fn index_of(d: &Digest, headline_start: &str) -> u32 {
    d.articles
        .iter()
        .position(|a| d.headline(a).starts_with(headline_start))
        .unwrap_or_else(|| panic!("no headline {headline_start:?}")) as u32
}

fn fixture_facts(d: &Digest) -> FakeFacts {
    let list = |starts: &[&str]| {
        let mut v: Vec<u32> = starts.iter().map(|s| index_of(d, s)).collect();
        v.sort();
        v
    };
    FakeFacts {
        companies: vec![
            (
                vec!["amazon", "aws"],
                list(&["Cloud prices", "Walmart tests", "Amazon and"]),
            ),
            (vec!["walmart"], list(&["Walmart tests", "Amazon and"])),
            (vec!["wp engine"], list(&["WP Engine"])),
            (vec!["nobody"], Vec::new()),
        ],
        read: list(&["Pokémon", "Cricket"]),
    }
}

/// Every path must agree: the index, the scan fallback, and one article at a time.
fn select(d: &Digest, facts: &dyn Facts, index: &TextIndex, query: &str) -> Vec<String> {
    let q = parse(query).unwrap_or_else(|e| panic!("{query:?}: {e}"));
    let hits = q.evaluate(d, facts, index);
    let scanned = q.evaluate(d, facts, &TextIndex::empty());
    assert_eq!(hits, scanned, "index vs scan for {query:?}");
    let one_by_one: Vec<u32> = (0..d.articles.len() as u32)
        .filter(|&a| q.matches(d, facts, a))
        .collect();
    assert_eq!(hits, one_by_one, "evaluate vs matches for {query:?}");
    hits.iter()
        .map(|&i| d.headline(&d.articles[i as usize]).to_string())
        .collect()
}

fn check_table(d: &Digest, facts: &dyn Facts, table: &[(&str, &[&str])]) {
    let index = TextIndex::build(d);
    assert_eq!(index.articles(), d.articles.len());
    for (query, expected) in table {
        let got = select(d, facts, &index, query);
        let mut want: Vec<String> = expected
            .iter()
            .map(|s| d.headline(&d.articles[index_of(d, s) as usize]).to_string())
            .collect();
        // Expected rows name headline starts in any order; results are in digest order.
        want.sort_by_key(|h| index_of(d, h));
        assert_eq!(got, want, "query {query:?}");
    }
}

#[test]
fn fixture_table() {
    let d = digest("query_digest.txt", FIXTURE);
    assert_eq!(d.articles.len(), 9);
    let facts = fixture_facts(&d);
    const ALL: &[&str] = &[
        "Pokémon",
        "Cloud prices",
        "Cloudflare",
        "Walmart tests",
        "WP Engine",
        "Cricket",
        "Crème",
        "Smart homes",
        "Amazon and",
    ];
    let table: &[(&str, &[&str])] = &[
        ("", ALL),
        // Words: whole-word prefixes, any case, any accent.
        ("cloud", &["Cloud prices", "Cloudflare", "Amazon and"]),
        ("CLOUDF", &["Cloudflare"]),
        ("\"cloud\"", &["Cloud prices", "Amazon and"]),
        ("loud", &[]),
        ("pokemon", &["Pokémon"]),
        ("POKÉMON", &["Pokémon"]),
        ("cafe", &["Pokémon", "Crème"]),
        ("\"cafes\"", &["Pokémon"]),
        ("creme brulee", &["Crème"]),
        ("\"crème brûlée startup\"", &["Crème"]),
        ("pre-school", &["Smart homes"]),
        ("\"pre schoolers\"", &["Smart homes"]),
        ("10:30", &["Cricket"]),
        ("250m", &["WP Engine"]),
        ("company", &["Pokémon", "Cloudflare"]),
        // Phrases: exact words in sequence, within one paragraph.
        ("smart home", &["Cloudflare", "Smart homes"]),
        ("\"smart home\"", &["Cloudflare"]),
        ("\"smart homes\"", &["Smart homes"]),
        ("\"bots smart\"", &[]),
        ("\"home devices\"", &["Cloudflare"]),
        ("\"devices home\"", &[]),
        // Exclusion.
        (
            "-cloud",
            &[
                "Pokémon",
                "Walmart tests",
                "WP Engine",
                "Cricket",
                "Crème",
                "Smart homes",
            ],
        ),
        ("cloud -\"cloud\"", &["Cloudflare"]),
        ("walmart -amazon", &[]),
        (
            "-smart -cloud -pokemon -cricket -creme",
            &["Walmart tests", "WP Engine"],
        ),
        // Companies (with an alias, any case; unknown ones match nothing).
        ("@amazon", &["Cloud prices", "Walmart tests", "Amazon and"]),
        (
            "company:AWS",
            &["Cloud prices", "Walmart tests", "Amazon and"],
        ),
        ("company:\"WP Engine\"", &["WP Engine"]),
        ("@\"wp engine\"", &["WP Engine"]),
        ("@unknown", &[]),
        ("@nobody", &[]),
        (
            "-@amazon date:2019-06",
            &["Cloudflare", "WP Engine", "Cricket"],
        ),
        ("-@unknown", ALL),
        // OR binds tighter than the implicit AND.
        ("@amazon OR @walmart cloud", &["Cloud prices", "Amazon and"]),
        (
            "(@amazon OR @walmart) cloud",
            &["Cloud prices", "Amazon and"],
        ),
        (
            "@walmart OR cloud",
            &["Cloud prices", "Cloudflare", "Walmart tests", "Amazon and"],
        ),
        ("(cloud OR drone) -amazon", &["Cloudflare"]),
        ("-(cloud OR drone) date:2019-06", &["WP Engine", "Cricket"]),
        ("india OR cricket OR pokemon", &["Pokémon", "Cricket"]),
        // Dates: day, month, year, ranges with open ends; after/before exclusive.
        ("date:2019-06-24", &["Cricket"]),
        (
            "date:2019-06",
            &["Cloudflare", "Walmart tests", "WP Engine", "Cricket"],
        ),
        (
            "date:2019",
            &[
                "Pokémon",
                "Cloud prices",
                "Cloudflare",
                "Walmart tests",
                "WP Engine",
                "Cricket",
                "Crème",
                "Smart homes",
            ],
        ),
        ("date:2020", &["Amazon and"]),
        ("date:2018", &[]),
        ("date:2019-06-20..2019-06-24", &["WP Engine", "Cricket"]),
        ("date:2019-06-21..2019-06-23", &[]),
        ("date:..2019-05-31", &["Pokémon", "Cloud prices"]),
        ("date:2019-07..", &["Crème", "Smart homes", "Amazon and"]),
        (
            "date:2019-05..2019-06-01",
            &["Pokémon", "Cloud prices", "Cloudflare"],
        ),
        ("after:2019-06-24", &["Crème", "Smart homes", "Amazon and"]),
        (
            "after:2019-06-23",
            &["Cricket", "Crème", "Smart homes", "Amazon and"],
        ),
        ("after:2019", &["Amazon and"]),
        ("before:2019-06", &["Pokémon", "Cloud prices"]),
        ("before:2019-06-01", &["Pokémon", "Cloud prices"]),
        (
            "after:2019-05-31 before:2019-06-20",
            &["Cloudflare", "Walmart tests"],
        ),
        // Read state.
        ("is:read", &["Pokémon", "Cricket"]),
        ("is:unread cricket", &[]),
        (
            "is:unread -is:read",
            &[
                "Cloud prices",
                "Cloudflare",
                "Walmart tests",
                "WP Engine",
                "Crème",
                "Smart homes",
                "Amazon and",
            ],
        ),
        (
            "is:read OR @\"WP Engine\"",
            &["Pokémon", "WP Engine", "Cricket"],
        ),
    ];
    check_table(&d, &facts, table);
}

#[test]
fn sample_table() {
    let d = digest(SAMPLE_NAME, SAMPLE_TEXT);
    let table: &[(&str, &[&str])] = &[
        ("cloud", &["Cloudflare", "Creandum"]),
        ("cloudflare outage", &["Cloudflare"]),
        ("\"smart home\"", &["Samsung", "Echo Show"]),
        ("samsung", &["Samsung"]),
        ("stream", &["Echo Show", "Cricket"]),
        ("\"streaming\"", &["Cricket"]),
        (
            "-cricket",
            &[
                "Samsung",
                "Byju",
                "Echo Show",
                "FedEx",
                "Cloudflare",
                "Creandum",
                "Carrefour",
                "Facebook",
                "Cartier",
            ],
        ),
        ("pre-school", &["Byju"]),
        ("byju’s", &["Byju"]),
        ("\"byju's\"", &["Byju"]),
        ("wechat OR weixin", &["Cartier"]),
        (
            "(cloud OR smart) -samsung",
            &["Echo Show", "Cloudflare", "Creandum"],
        ),
        ("date:2019-06-24 cricket", &["Cricket"]),
        ("date:2019-06-23", &[]),
        ("after:2019-06-23 before:2019-06-25 fedex", &["FedEx"]),
        ("@amazon", &[]),
        ("is:unread samsung", &["Samsung"]),
        ("is:read", &[]),
    ];
    check_table(&d, &NoFacts, table);
}

#[test]
fn highlights_are_ranges_of_the_original_text() {
    let text = "Cloudflare’s CAFÉ and Café-bar; smart home, smart\nhome";
    let words = vec![
        "cloud".to_string(),
        "cafe".to_string(),
        "smart home".to_string(),
    ];
    let got: Vec<&str> = find_highlights(text, &words)
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(got, ["Cloud", "CAFÉ", "Café", "smart home"]);
    let q = parse("pokemon -café").unwrap();
    let r = find_highlights("Pokémon Go at a café", &q.highlight_words());
    assert_eq!(r, vec![std::ops::Range { start: 0, end: 8 }]);
}
