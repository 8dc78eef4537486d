//! Query speed per term kind, and the word index build, on a generated digest (150k articles by default).
//!
//! `GAZETTE_BENCH_ARTICLES=N` changes the size. Run:
//! `cargo bench --bench query -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};

use gazette::digest::load::build;
use gazette::digest::render::{month_header, push_article};
use gazette::digest::{Digest, Source, load_sample};
use gazette::query::{Facts, TextIndex, parse};

/// About 41 articles a day: 150k articles span ten years, as in the format's scale note.
const PER_DAY: usize = 41;

/// A pronounceable made-up word for `n`: the long tail of a real vocabulary.
fn synthetic_word(mut n: u64) -> String {
    const SYL: [&str; 16] = [
        "ka", "lo", "mi", "ten", "sa", "ru", "vex", "no", "pi", "dor", "el", "quo", "zan", "bi",
        "fu", "gar",
    ];
    let mut w = String::new();
    loop {
        w.push_str(SYL[(n % 16) as usize]);
        n /= 16;
        if n == 0 {
            break w;
        }
    }
}

/// Deterministic mixing so variations look random without a dependency.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51afd7ed558ccd);
    x ^= x >> 33;
    x
}

/// The sample's ten articles over and over, one day per `PER_DAY` articles,
/// each with a few words swapped for skewed (Zipf-like) synthetic ones.
fn generate(n: usize) -> Digest {
    let sample = load_sample().digest;
    let base: Vec<(String, Vec<String>)> = sample
        .articles
        .iter()
        .map(|a| {
            (
                sample.headline(a).to_string(),
                sample.paragraphs(a).map(String::from).collect(),
            )
        })
        .collect();
    let start = NaiveDate::from_ymd_opt(2010, 1, 1).unwrap_or_default();
    let mut text = String::with_capacity(n * 4400);
    let mut month = None;
    for k in 0..n {
        let date = start + Days::new((k / PER_DAY) as u64);
        if month != Some(date.format("%Y-%m").to_string()) {
            text.push_str(&month_header(date));
            text.push_str("\n\n");
            month = Some(date.format("%Y-%m").to_string());
        }
        let (headline, paragraphs) = &base[k % base.len()];
        let r = mix(k as u64);
        // Skewed ids: many small (common) words, a long tail of rare ones.
        let rare =
            |j: u64| synthetic_word((mix(r + j) % 400_000) * (mix(r + j + 7) % 400_000) / 400_000);
        let headline = format!("{headline} {}", rare(0));
        let mut paras = paragraphs.clone();
        for (j, p) in paras.iter_mut().enumerate() {
            let extra: Vec<String> = (0..3).map(|i| rare(10 + j as u64 * 3 + i)).collect();
            p.push(' ');
            p.push_str(&extra.join(" "));
        }
        push_article(&mut text, date, &headline, paras.iter().map(String::as_str));
    }
    let digest = build(vec![Source::from_string("generated.txt", text)], Vec::new()).digest;
    assert_eq!(digest.articles.len(), n);
    digest
}

/// Posting lists as the company index would give them, and a read-state bitmap.
struct BenchFacts {
    amazon: Vec<u32>,
    walmart: Vec<u32>,
    read: Vec<bool>,
}

impl BenchFacts {
    fn new(n: usize) -> Self {
        // Sample articles 0, 3 and 5 mention Amazon; one article in 100 Walmart.
        let amazon = (0..n as u32)
            .filter(|k| matches!(k % 10, 0 | 3 | 5))
            .collect();
        let walmart = (0..n as u32)
            .filter(|k| mix(u64::from(*k)).is_multiple_of(100))
            .collect();
        let read = (0..n as u64)
            .map(|k| mix(k + 1).is_multiple_of(2))
            .collect();
        BenchFacts {
            amazon,
            walmart,
            read,
        }
    }
}

impl Facts for BenchFacts {
    fn company_articles(&self, name: &str) -> Option<&[u32]> {
        match name.to_lowercase().as_str() {
            "amazon" => Some(&self.amazon),
            "walmart" => Some(&self.walmart),
            _ => None,
        }
    }
    fn is_read(&self, article: u32) -> bool {
        self.read.get(article as usize).copied().unwrap_or(false)
    }
}

/// A memory figure from /proc/self/status, in MB (0 where unavailable).
fn proc_status_mb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}

fn benches(c: &mut Criterion) {
    let n: usize = std::env::var("GAZETTE_BENCH_ARTICLES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(150_000);
    let digest = generate(n);
    let bytes: usize = digest.sources.iter().map(|s| s.text().len()).sum();
    let facts = BenchFacts::new(n);
    // Resets the peak (VmHWM) to the current RSS, so the peak below is the build's.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let rss_before = proc_status_mb("VmRSS:");
    let t = std::time::Instant::now();
    let index = TextIndex::build(&digest);
    eprintln!(
        "generated {n} articles, {} MB; TextIndex: one build {:.2} s, {} words, {} MB heap; \
         process RSS before build {} MB, peak after {} MB",
        bytes / 1_000_000,
        t.elapsed().as_secs_f64(),
        index.vocabulary(),
        index.heap_bytes() / 1_000_000,
        rss_before,
        proc_status_mb("VmHWM:"),
    );

    let mut g = c.benchmark_group("query");
    let cases = [
        ("company", "@amazon"),
        ("company_rare", "@walmart"),
        ("date_day", "date:2015-06-24"),
        ("date_range", "date:2013-01..2016-06"),
        ("after", "after:2018-03-01"),
        ("read", "is:unread"),
        ("word_common", "cloud"),
        ("word_accent", "Pokémon"),
        ("word_rare", "kalomi"),
        ("word_prefix_short", "s"),
        ("word_exclude", "-cricket"),
        ("phrase", "\"smart home\""),
        ("phrase_rare", "\"smart home products\""),
        ("phrase_and_date", "\"smart home\" date:2015"),
        ("combined", "@amazon OR @walmart cloud -cricket date:2015"),
    ];
    for (name, q) in cases {
        let query = parse(q).unwrap_or_default();
        let hits = query.evaluate(&digest, &facts, &index).len();
        eprintln!("{name}: {q:?} -> {hits} articles");
        g.bench_function(name, |b| {
            b.iter(|| black_box(query.evaluate(&digest, &facts, &index)))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("index");
    g.sample_size(10);
    g.bench_function("text_index_build", |b| {
        b.iter(|| black_box(TextIndex::build(&digest)))
    });
    g.finish();
}

criterion_group!(query, benches);
criterion_main!(query);
