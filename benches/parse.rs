//! Parse benchmarks on a generated 10k-article digest (~40 MB): in memory, and from a mapped file.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gazette::digest::Source;
use gazette::digest::generate::digest_text;
use gazette::digest::load::{build, load_paths};

const ARTICLES: usize = 10_000;

fn parse(c: &mut Criterion) {
    // Leaked once so every iteration parses the same text without copying it.
    let text: &'static str = Box::leak(digest_text(ARTICLES, 1).into_boxed_str());
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let path = dir.path().join("digest.txt");
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("write digest: {e}"));

    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("build_10k_in_memory", |b| {
        b.iter(|| {
            let loaded = build(vec![Source::from_static("bench.txt", text)], Vec::new());
            black_box(loaded.digest.articles.len())
        })
    });
    group.bench_function("load_paths_10k_mapped_file", |b| {
        b.iter(|| {
            let loaded = load_paths(std::slice::from_ref(&path));
            black_box(loaded.map(|l| l.digest.articles.len()).ok())
        })
    });
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
