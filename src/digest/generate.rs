//! Synthetic, realistic digests for benchmarks and scale runs: deterministic, no `rand` crate.
//!
//! Articles are spread evenly over ten years in date order, ~4 KB each: a
//! headline, English-like paragraphs, now and then a short subhead, with
//! company, people and place names at a skewed (Zipf-like) frequency so a few
//! giants dominate and the long tail shows up rarely, as in real tech news.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::{Datelike, Days, NaiveDate};

use super::render::{month_header, push_article};

/// Ten years of news, ending on the last day of 2024.
const FIRST_DAY: (i32, u32, u32) = (2015, 1, 1);
const SPAN_DAYS: u64 = 3653;
/// Body size the generator aims at, in bytes (paragraphs are whole, so it overshoots a little).
const BODY_TARGET: usize = 3700;

/// Ordered by how often they appear: the head of the list is picked most.
pub const COMPANIES: &[&str] = &[
    "Google",
    "Amazon",
    "Apple",
    "Facebook",
    "Microsoft",
    "Uber",
    "Tesla",
    "Samsung",
    "Netflix",
    "Twitter",
    "Alibaba",
    "Walmart",
    "Tencent",
    "SoftBank",
    "Intel",
    "Spotify",
    "Airbnb",
    "Nvidia",
    "Sequoia Capital",
    "Y Combinator",
    "Lyft",
    "Snap",
    "Huawei",
    "Xiaomi",
    "IBM",
    "Oracle",
    "Salesforce",
    "Stripe",
    "PayPal",
    "Qualcomm",
    "JD.com",
    "Baidu",
    "Sony",
    "LinkedIn",
    "Slack",
    "Zoom",
    "Dropbox",
    "Pinterest",
    "Reddit",
    "Shopify",
    "Flipkart",
    "Byju’s",
    "Paytm",
    "Grab",
    "Gojek",
    "Coinbase",
    "Robinhood",
    "Andreessen Horowitz",
    "Accel",
    "Tiger Global",
    "Goldman Sachs",
    "JPMorgan Chase",
    "Morgan Stanley",
    "BlackRock",
    "Visa",
    "Mastercard",
    "American Express",
    "Target",
    "Costco",
    "Best Buy",
    "Kroger",
    "Home Depot",
    "Walgreens",
    "IKEA",
    "Nike",
    "Adidas",
    "Starbucks",
    "McDonald’s",
    "AMD",
    "Arm",
    "Cisco",
    "Adobe",
    "SAP",
    "Dell",
    "Lenovo",
    "Etsy",
    "Wayfair",
    "Instacart",
    "DoorDash",
    "Deliveroo",
    "Rakuten",
    "Revolut",
    "Monzo",
    "Klarna",
    "Verizon",
    "AT&T",
    "T-Mobile",
    "Comcast",
    "Disney",
    "WP Engine",
    "eBay",
    "iRobot",
    "Nintendo",
    "Kleiner Perkins",
    "Benchmark",
    "Procter & Gamble",
    "Coca-Cola",
    "Berkshire Hathaway",
    "H&M",
    "23andMe",
];

const FIRST_NAMES: &[&str] = &[
    "Sarah", "Mark", "Priya", "Wei", "Carlos", "Amara", "John", "Elena", "Kenji", "Fatima",
    "David", "Lucy", "Rahul", "Ingrid", "Tomás", "Aisha", "Michael", "Chloé", "Olu", "Mei",
];
const LAST_NAMES: &[&str] = &[
    "Chen",
    "Sharma",
    "Okafor",
    "Müller",
    "García",
    "Smith",
    "Nakamura",
    "Johnson",
    "Kowalski",
    "Haddad",
    "Williams",
    "Rossi",
    "Kim",
    "O’Brien",
    "Patel",
    "Silva",
    "Novak",
    "Brown",
];
const ROLES: &[&str] = &[
    "chief executive",
    "co-founder",
    "head of product",
    "general partner",
    "an analyst",
    "chief financial officer",
    "a spokesperson",
];
const PLACES: &[&str] = &[
    "San Francisco",
    "New York",
    "London",
    "Bangalore",
    "Beijing",
    "Berlin",
    "Singapore",
    "Tokyo",
    "Seattle",
    "Paris",
    "São Paulo",
    "Lagos",
    "Tel Aviv",
    "Jakarta",
    "Austin",
    "Shenzhen",
    "Stockholm",
    "Toronto",
    "Nairobi",
    "Dublin",
];
const NOUNS: &[&str] = &[
    "platform",
    "startup",
    "service",
    "app",
    "market",
    "product",
    "deal",
    "round",
    "team",
    "feature",
    "device",
    "network",
    "business",
    "strategy",
    "customer",
    "update",
    "model",
    "partnership",
    "acquisition",
    "valuation",
    "regulator",
    "supply chain",
    "subscription",
    "marketplace",
    "data centre",
    "chip",
    "battery",
    "payments system",
    "cloud unit",
    "advertising business",
    "developer",
    "investor",
    "user base",
    "launch",
    "report",
];
const PLURALS: &[&str] = &[
    "users",
    "investors",
    "customers",
    "drivers",
    "merchants",
    "developers",
    "engineers",
    "analysts",
    "regulators",
    "advertisers",
    "rivals",
    "shoppers",
    "employees",
    "creators",
];
const ADJECTIVES: &[&str] = &[
    "new",
    "major",
    "small",
    "global",
    "local",
    "early",
    "growing",
    "crowded",
    "profitable",
    "ambitious",
    "long-awaited",
    "controversial",
    "cheaper",
    "faster",
    "secure",
    "popular",
    "mobile",
    "digital",
    "independent",
    "quarterly",
];
const VERBS: &[&str] = &[
    "launch",
    "expand",
    "acquire",
    "build",
    "test",
    "cut",
    "raise",
    "open",
    "close",
    "rethink",
    "integrate",
    "license",
    "challenge",
    "support",
    "replace",
];
const VERBED: &[&str] = &[
    "launched",
    "expanded",
    "acquired",
    "built",
    "tested",
    "cut",
    "raised",
    "opened",
    "closed",
    "announced",
    "delayed",
    "confirmed",
    "denied",
    "unveiled",
    "shut down",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const SUBHEADS: &[&str] = &[
    "What comes next",
    "The bigger picture",
    "Loyalty building",
    "A crowded market",
    "Numbers to watch",
    "Why it matters",
    "Regulators circle",
    "Image credits: company handout",
];

/// One generated article, before rendering.
pub struct GenArticle {
    pub date: NaiveDate,
    pub headline: String,
    pub paragraphs: Vec<String>,
}

/// SplitMix64: tiny, fast, well-distributed, and fixed forever (benches compare across runs).
/// `tail` is the percentage of company and person names invented on the spot (see
/// [`Generator::long_tail`]); at 0 the stream is the same as it always was.
struct SplitMix64(u64, u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0); the modulo bias is irrelevant here.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items.get(self.below(items.len())).copied().unwrap_or("")
    }

    /// Skewed pick: index ~ n·u³, so the first items are far more frequent.
    fn pick_skewed<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        let i = (items.len() as f64 * u * u * u) as usize;
        items.get(i).copied().unwrap_or("")
    }
}

/// The articles of a synthetic digest, in date order. Same `(count, seed)`, same articles.
pub struct Generator {
    rng: SplitMix64,
    count: usize,
    emitted: usize,
    first_day: NaiveDate,
}

pub fn articles(count: usize, seed: u64) -> Generator {
    let (y, m, d) = FIRST_DAY;
    Generator {
        rng: SplitMix64(seed, 0),
        count,
        emitted: 0,
        first_day: NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default(),
    }
}

impl Generator {
    /// Invents `percent`% of company and person names from syllables instead of picking
    /// them from the short lists: tens of thousands of distinct names, as a decade of
    /// real news has, instead of a few hundred (which flatters any per-name cache).
    pub fn long_tail(mut self, percent: u8) -> Generator {
        self.rng.1 = u64::from(percent.min(100));
        self
    }
}

impl Iterator for Generator {
    type Item = GenArticle;

    fn next(&mut self) -> Option<GenArticle> {
        if self.emitted >= self.count {
            return None;
        }
        let offset = self.emitted as u64 * SPAN_DAYS / self.count as u64;
        self.emitted += 1;
        let date = self.first_day + Days::new(offset);
        let headline = headline(&mut self.rng);
        let lead = self.rng.pick_skewed(COMPANIES);
        let mut paragraphs = Vec::new();
        let mut size = 0;
        while size < BODY_TARGET {
            let p = if !paragraphs.is_empty() && self.rng.chance(7) {
                self.rng.pick(SUBHEADS).to_string()
            } else {
                paragraph(&mut self.rng, lead)
            };
            size += p.len() + 2;
            paragraphs.push(p);
        }
        Some(GenArticle {
            date,
            headline,
            paragraphs,
        })
    }
}

fn company(rng: &mut SplitMix64) -> String {
    if rng.1 > 0 && rng.chance(rng.1) {
        let name = invented(rng);
        return match rng.below(6) {
            0 => format!("{name} Labs"),
            1 => format!("{name}ly"),
            _ => name,
        };
    }
    rng.pick_skewed(COMPANIES).to_string()
}

const SYLLABLES: &[&str] = &[
    "zor", "bi", "fy", "lu", "ma", "ko", "ra", "vex", "ti", "no", "qua", "sel", "dor", "pi", "xa",
    "gen", "mo", "ly", "tra", "ve", "cor", "nu", "sta", "fin", "ga", "ri", "lo", "phe", "den",
    "wu", "ska", "tor", "bel", "mi", "ze", "cha", "hol", "ta", "in", "ar",
];

/// A made-up capitalised name of two or three syllables ("Zorbify", "Kotrave").
fn invented(rng: &mut SplitMix64) -> String {
    let n = 2 + rng.below(2);
    capitalise(&(0..n).map(|_| rng.pick(SYLLABLES)).collect::<String>())
}

/// `Facebook’s`, as real copy writes it (curly apostrophe); `Byju’s` stays as it is.
fn possessive(name: &str) -> String {
    if name.ends_with("’s") {
        name.to_string()
    } else {
        format!("{name}’s")
    }
}

fn person(rng: &mut SplitMix64) -> String {
    if rng.1 > 0 && rng.chance(rng.1) {
        return format!("{} {}", rng.pick(FIRST_NAMES), invented(rng));
    }
    format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES))
}

fn money(rng: &mut SplitMix64) -> String {
    let amount = 1 + rng.below(900);
    let unit = if rng.chance(70) { "million" } else { "billion" };
    format!("${amount} {unit}")
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn headline(rng: &mut SplitMix64) -> String {
    let c = rng.pick_skewed(COMPANIES);
    let h = match rng.below(8) {
        0 => format!(
            "{c} raises {} for its {} {}",
            money(rng),
            rng.pick(ADJECTIVES),
            rng.pick(NOUNS)
        ),
        1 => format!(
            "{c} {} {} {} in {}",
            rng.pick(VERBED),
            "a",
            rng.pick(NOUNS),
            rng.pick(PLACES)
        ),
        2 => format!(
            "{}’s {} {} is {}",
            c,
            rng.pick(ADJECTIVES),
            rng.pick(NOUNS),
            rng.pick(ADJECTIVES)
        ),
        3 => format!(
            "{c} and {} team up on {} {}",
            rng.pick_skewed(COMPANIES),
            rng.pick(ADJECTIVES),
            rng.pick(PLURALS)
        ),
        4 => format!(
            "{}-backed startup wants to {} the {} {}",
            c,
            rng.pick(VERBS),
            rng.pick(ADJECTIVES),
            rng.pick(NOUNS)
        ),
        5 => format!(
            "{} {} {} to {}",
            capitalise(rng.pick(ADJECTIVES)),
            rng.pick(PLURALS),
            "flock",
            c
        ),
        6 => format!(
            "{} leaves {c} after {} years",
            person(rng),
            2 + rng.below(15)
        ),
        _ => format!(
            "Why {} are worried about {}’s {}",
            rng.pick(PLURALS),
            c,
            rng.pick(NOUNS)
        ),
    };
    // A serial number keeps headlines of one day distinct, as real ones are.
    format!("{h} ({})", rng.below(1000))
}

fn sentence(rng: &mut SplitMix64, lead: &str) -> String {
    let c = if rng.chance(50) {
        lead.to_string()
    } else {
        company(rng)
    };
    match rng.below(12) {
        0 => format!(
            "{c} said on {} that it would {} its {} {} in {}.",
            rng.pick(WEEKDAYS),
            rng.pick(VERBS),
            rng.pick(ADJECTIVES),
            rng.pick(NOUNS),
            rng.pick(PLACES)
        ),
        1 => format!(
            "The {} comes as {c} and {} compete for {} {}.",
            rng.pick(NOUNS),
            company(rng),
            rng.pick(ADJECTIVES),
            rng.pick(PLURALS)
        ),
        2 => format!(
            "“We are building a {} {} for {},” said {}, {} of {c}.",
            rng.pick(ADJECTIVES),
            rng.pick(NOUNS),
            rng.pick(PLURALS),
            person(rng),
            rng.pick(ROLES)
        ),
        3 => format!(
            "The round of {} was led by {}, with participation from {} and {}.",
            money(rng),
            company(rng),
            company(rng),
            company(rng)
        ),
        4 => format!(
            "According to people familiar with the matter, {c} has {} a {} {} — something {} have asked for since {}.",
            rng.pick(VERBED),
            rng.pick(ADJECTIVES),
            rng.pick(NOUNS),
            rng.pick(PLURALS),
            2005 + rng.below(15)
        ),
        5 => format!(
            "It is not the first time {} {} has tried to {} a {} {}.",
            possessive(&c),
            rng.pick(NOUNS),
            rng.pick(VERBS),
            rng.pick(ADJECTIVES),
            rng.pick(NOUNS)
        ),
        6 => format!(
            "{} {} in {} now rely on the {}, up from {} percent a year ago.",
            1 + rng.below(90),
            rng.pick(PLURALS),
            rng.pick(PLACES),
            rng.pick(NOUNS),
            2 + rng.below(60)
        ),
        7 => format!(
            "{c} declined to comment on the {} {}, which was first reported by {}.",
            rng.pick(ADJECTIVES),
            rng.pick(NOUNS),
            rng.pick(["The Information", "Bloomberg", "Reuters", "TechCrunch"].as_slice())
        ),
        8 => format!(
            "Shares of {c} rose {}% in after-hours trading after the {} beat estimates.",
            1 + rng.below(12),
            rng.pick(NOUNS)
        ),
        9 => format!(
            "{}, who previously worked at {}, will {} the {} {} from {}.",
            person(rng),
            company(rng),
            rng.pick(VERBS),
            rng.pick(ADJECTIVES),
            rng.pick(NOUNS),
            rng.pick(PLACES)
        ),
        10 => format!(
            "Still, {} say {} {} {} is only part of the story.",
            rng.pick(PLURALS),
            possessive(&company(rng)),
            rng.pick(ADJECTIVES),
            rng.pick(NOUNS)
        ),
        _ => format!(
            "The {} {} {} {} last year, while {c} {} its own {}.",
            rng.pick(ADJECTIVES),
            rng.pick(NOUNS),
            "was",
            rng.pick(VERBED),
            rng.pick(VERBED),
            rng.pick(NOUNS)
        ),
    }
}

fn paragraph(rng: &mut SplitMix64, lead: &str) -> String {
    let sentences = 2 + rng.below(5);
    let mut p = String::new();
    for i in 0..sentences {
        if i > 0 {
            p.push(' ');
        }
        p.push_str(&sentence(rng, lead));
    }
    p
}

/// Appends articles to `out` in the digest format, with a `Month:` header at every month change.
/// `last_month` carries the month across calls so headers appear only at changes.
fn push_with_headers(out: &mut String, a: &GenArticle, last_month: &mut Option<(i32, u32)>) {
    let month = (a.date.year(), a.date.month());
    if *last_month != Some(month) {
        out.push_str(&month_header(a.date));
        out.push_str("\n\n");
        *last_month = Some(month);
    }
    push_article(
        out,
        a.date,
        &a.headline,
        a.paragraphs.iter().map(String::as_str),
    );
}

/// A whole digest in memory (benches, tests).
pub fn digest_text(count: usize, seed: u64) -> String {
    let mut out = String::with_capacity(count * (BODY_TARGET + 600));
    let mut last_month = None;
    for a in articles(count, seed) {
        push_with_headers(&mut out, &a, &mut last_month);
    }
    out
}

/// Writes a digest to one writer; returns the bytes written.
pub fn write_digest(count: usize, seed: u64, out: &mut impl Write) -> io::Result<u64> {
    write_articles(articles(count, seed), out)
}

/// Writes the articles of `generator` to one writer; returns the bytes written.
pub fn write_articles(generator: Generator, out: &mut impl Write) -> io::Result<u64> {
    let mut buf = String::new();
    let mut last_month = None;
    let mut written = 0;
    for a in generator {
        push_with_headers(&mut buf, &a, &mut last_month);
        if buf.len() > 1 << 20 {
            out.write_all(buf.as_bytes())?;
            written += buf.len() as u64;
            buf.clear();
        }
    }
    out.write_all(buf.as_bytes())?;
    written += buf.len() as u64;
    Ok(written)
}

/// Writes one file per month (`YYYY-MM.txt`) into `dir`, as users keep them; returns the files.
/// Each file opens with its month header.
pub fn write_monthly(count: usize, seed: u64, dir: &Path) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut files = Vec::new();
    let mut writer: Option<BufWriter<File>> = None;
    let mut last_month = None;
    let mut buf = String::new();
    for a in articles(count, seed) {
        let month = (a.date.year(), a.date.month());
        if last_month != Some(month) {
            if let Some(mut w) = writer.take() {
                w.flush()?;
            }
            let path = dir.join(format!("{:04}-{:02}.txt", month.0, month.1));
            writer = Some(BufWriter::new(File::create(&path)?));
            files.push(path);
        }
        buf.clear();
        push_with_headers(&mut buf, &a, &mut last_month);
        if let Some(w) = writer.as_mut() {
            w.write_all(buf.as_bytes())?;
        }
    }
    if let Some(mut w) = writer {
        w.flush()?;
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::Source;
    use crate::digest::load::build;

    #[test]
    fn generated_digest_parses_clean_in_date_order() {
        let text = digest_text(300, 7);
        let loaded = build(vec![Source::from_string("g.txt", text.clone())], Vec::new());
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        assert_eq!(loaded.digest.articles.len(), 300);
        let per_article = text.len() / 300;
        assert!(
            (3500..5500).contains(&per_article),
            "{per_article} bytes per article"
        );
        assert!(text.starts_with("Month: January 2015\n"));
        assert!(text.contains("Month: December 2024"));
        assert_eq!(digest_text(300, 7), text, "same seed, same digest");
    }

    #[test]
    fn big_names_are_frequent_and_the_tail_appears() {
        let text = digest_text(500, 1);
        let count = |name: &str| text.matches(name).count();
        assert!(count("Google") > 10 * count("Procter & Gamble").max(1));
        assert!(count("Byju’s") > 0 || count("JD.com") > 0);
    }

    #[test]
    fn a_long_tail_invents_many_names_and_zero_changes_nothing() {
        let plain: Vec<String> = articles(200, 7).map(|a| a.headline).collect();
        let zero: Vec<String> = articles(200, 7).long_tail(0).map(|a| a.headline).collect();
        assert_eq!(plain, zero);
        let mut rng = SplitMix64(7, 100);
        let names: std::collections::HashSet<String> =
            (0..2000).map(|_| company(&mut rng)).collect();
        assert!(names.len() > 1000, "{}", names.len());
        assert!(
            names
                .iter()
                .all(|n| n.starts_with(|c: char| c.is_uppercase()))
        );
    }
}
