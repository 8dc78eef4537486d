//! Criterion bench of the company index on a generated digest: the sample's articles
//! replicated with shifted dates (about 4 KB each), 10k articles by default
//! (`GAZETTE_BENCH_ARTICLES=n`), or on a digest file (`GAZETTE_BENCH_DIGEST=path`, e.g.
//! one written by the digest generator). `build_N_articles_cached` is the same index
//! with every article's findings in the company-index cache.

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gazette::companies::{CompanyIndex, IndexCache, KnownCompanies};
use gazette::digest::load::build;
use gazette::digest::render::push_article;
use gazette::digest::{Digest, Source, load_paths, load_sample};

/// A digest of `n` articles copied from the sample, one day apart per round.
fn generated(n: usize) -> Digest {
    let sample = load_sample().digest;
    let mut text = String::new();
    let base = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    for k in 0..n {
        let article = &sample.articles[k % sample.articles.len()];
        let date = base + Days::new((k / sample.articles.len()) as u64);
        push_article(
            &mut text,
            date,
            sample.headline(article),
            sample.paragraphs(article),
        );
    }
    build(vec![Source::from_string("generated.txt", text)], Vec::new()).digest
}

fn bench_index(c: &mut Criterion) {
    let digest = match std::env::var_os("GAZETTE_BENCH_DIGEST") {
        Some(path) => load_paths(&[path.into()]).unwrap().digest,
        None => {
            let n: usize = std::env::var("GAZETTE_BENCH_ARTICLES")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(10_000);
            generated(n)
        }
    };
    let n = digest.articles.len();
    let bytes: usize = digest.sources.iter().map(|s| s.text().len()).sum();
    let known = KnownCompanies::bundled();
    let mut group = c.benchmark_group("company_index");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function(format!("build_{n}_articles"), |b| {
        b.iter(|| CompanyIndex::build(black_box(&digest), &known))
    });
    let single = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    group.bench_function(format!("build_{n}_articles_1_thread"), |b| {
        b.iter(|| single.install(|| CompanyIndex::build(black_box(&digest), &known)))
    });
    // Every article's findings already in the cache (the second opening of a digest).
    let dir = tempfile::tempdir().unwrap();
    let cache = IndexCache::at(dir.path().join("bench.idx"));
    let done = std::sync::atomic::AtomicUsize::new(0);
    let (_, report) = CompanyIndex::build_cached(&digest, &known, Some(&cache), &done);
    assert!(report.saved, "{report:?}");
    group.bench_function(format!("build_{n}_articles_cached"), |b| {
        b.iter(|| {
            let (index, report) =
                CompanyIndex::build_cached(black_box(&digest), &known, Some(&cache), &done);
            assert_eq!(report.misses, 0);
            index
        })
    });
    group.finish();
}

criterion_group!(benches, bench_index);
criterion_main!(benches);
