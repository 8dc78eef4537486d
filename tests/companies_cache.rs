//! The company-index cache: a cached build is the fresh build, to the byte, whatever
//! changed between runs; a bad or unwritable cache costs time, never correctness.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicUsize;

use gazette::companies::{CacheReport, CompanyIndex, IndexCache, KnownCompanies};
use gazette::digest::{Digest, generate, load_paths};

/// Everything the index says, as text: per-article lists (names, counts) and the totals.
fn dump(digest: &Digest, index: &CompanyIndex) -> String {
    let mut out = String::new();
    for (i, a) in digest.articles.iter().enumerate() {
        out.push_str(&format!("{} ", a.id));
        for (id, n) in index.companies_of(i as u32) {
            out.push_str(&format!("{}={n} ", index.name(*id)));
        }
        out.push('\n');
    }
    for (id, n) in index.by_count() {
        out.push_str(&format!(
            "{}:{n}:{:?}\n",
            index.name(id),
            index.articles_of(id)
        ));
    }
    out
}

/// Builds through the cache of `paths` in `dir`.
fn cached_paths(
    digest: &Digest,
    known: &KnownCompanies,
    dir: &Path,
    paths: &[PathBuf],
) -> (String, CacheReport) {
    let cache = IndexCache::for_paths(dir, paths).expect("paths that exist");
    let (index, report) =
        CompanyIndex::build_cached(digest, known, Some(&cache), &AtomicUsize::new(0));
    (dump(digest, &index), report)
}

/// Loads `paths` and builds through their cache in `dir`.
fn cached(paths: &[PathBuf], known: &KnownCompanies, dir: &Path) -> (String, CacheReport) {
    cached_paths(&load(paths), known, dir, paths)
}

fn fresh(digest: &Digest, known: &KnownCompanies) -> String {
    dump(digest, &CompanyIndex::build(digest, known))
}

fn load(paths: &[PathBuf]) -> Digest {
    load_paths(paths).unwrap().digest
}

/// A folder with a 600-article generated digest and the sample, and an empty cache folder.
fn setup() -> (tempfile::TempDir, Vec<PathBuf>, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    fs::write(&a, generate::digest_text(600, 7)).unwrap();
    let b = dir.path().join("b.txt");
    fs::copy("assets/techcrunch-2019-06-24.txt", &b).unwrap();
    let cache = dir.path().join("cache");
    (dir, vec![a, b], cache)
}

#[test]
fn second_build_comes_from_the_cache_and_is_the_same_index() {
    let (_dir, paths, cache) = setup();
    let digest = load(&paths);
    let known = KnownCompanies::bundled();
    let expected = fresh(&digest, &known);
    let (first, r1) = cached_paths(&digest, &known, &cache, &paths);
    assert_eq!(first, expected);
    assert_eq!((r1.hits, r1.misses, r1.saved), (0, 610, true), "{r1:?}");
    let (second, r2) = cached_paths(&digest, &known, &cache, &paths);
    assert_eq!(second, expected);
    assert_eq!((r2.hits, r2.misses, r2.saved), (610, 0, false), "{r2:?}");
    assert_eq!(fs::read_dir(&cache).unwrap().count(), 1);
}

#[test]
fn an_appended_or_edited_article_is_the_only_one_tagged_again() {
    let (_dir, paths, cache) = setup();
    let known = KnownCompanies::bundled();
    cached(&paths, &known, &cache);

    let mut text = fs::read_to_string(&paths[1]).unwrap();
    text.push_str("\n25 Jun 2019\n\nZorblax Robotics raises $5M\n\nZorblax Robotics, the Oslo startup, raised $5 million led by Sequoia Capital.\n");
    fs::write(&paths[1], &text).unwrap();
    let digest = load(&paths);
    let (got, r) = cached_paths(&digest, &known, &cache, &paths);
    assert_eq!(got, fresh(&digest, &known));
    assert!(got.contains("Zorblax Robotics=2"), "{got}");
    assert_eq!((r.hits, r.misses, r.saved), (610, 1, true), "{r:?}");

    // An edit inside a body: that article changes its companies, nothing else is redone.
    let edited = text.replacen("Amazon", "Walmart", 1);
    assert_ne!(edited, text);
    fs::write(&paths[1], &edited).unwrap();
    let digest = load(&paths);
    let (got, r) = cached_paths(&digest, &known, &cache, &paths);
    assert_eq!(got, fresh(&digest, &known));
    assert_eq!((r.hits, r.misses), (610, 1), "{r:?}");
}

#[test]
fn files_given_in_another_order_share_findings_but_not_the_file() {
    let (_dir, paths, cache) = setup();
    let known = KnownCompanies::bundled();
    cached(&paths, &known, &cache);
    // Only the sample: another set of files, another cache file, still correct.
    let digest = load(&paths[1..]);
    let (got, r) = cached_paths(&digest, &known, &cache, &paths[1..]);
    assert_eq!(got, fresh(&digest, &known));
    assert_eq!(r.misses, 10);
    // Both, named the other way round: the same set, so the first file's findings.
    let reversed = [paths[1].clone(), paths[0].clone()];
    let digest = load(&reversed);
    let (got, r) = cached_paths(&digest, &known, &cache, &reversed);
    assert_eq!(got, fresh(&digest, &known));
    assert_eq!((r.hits, r.misses), (610, 0), "{r:?}");
}

#[test]
fn another_company_list_never_reads_this_lists_findings() {
    let (dir, paths, cache) = setup();
    let digest = load(&paths);
    cached_paths(&digest, &KnownCompanies::bundled(), &cache, &paths);
    let user = dir.path().join("companies.json");
    fs::write(
        &user,
        r#"{"companies": ["Kleiner Perkins"], "ignore": ["Gojek"]}"#,
    )
    .unwrap();
    let known = KnownCompanies::bundled().with_user_file(&user).unwrap();
    let (got, r) = cached_paths(&digest, &known, &cache, &paths);
    assert_eq!(got, fresh(&digest, &known));
    assert!(!got.contains("Gojek="), "ignored names stay out");
    assert_eq!((r.hits, r.misses, r.saved), (0, 610, true), "{r:?}");
}

#[test]
fn a_corrupt_or_truncated_cache_is_rebuilt() {
    let (_dir, paths, cache) = setup();
    let digest = load(&paths);
    let known = KnownCompanies::bundled();
    let expected = fresh(&digest, &known);
    cached_paths(&digest, &known, &cache, &paths);
    let file = IndexCache::for_paths(&cache, &paths)
        .unwrap()
        .path()
        .to_path_buf();
    let good = fs::read(&file).unwrap();
    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 1;
    for bad in [
        good[..good.len() / 3].to_vec(),
        flipped,
        b"not a cache".to_vec(),
        Vec::new(),
    ] {
        fs::write(&file, &bad).unwrap();
        let (got, r) = cached_paths(&digest, &known, &cache, &paths);
        assert_eq!(got, expected);
        assert_eq!((r.hits, r.misses, r.saved), (0, 610, true), "{r:?}");
        assert_eq!(fs::read(&file).unwrap(), good, "rewritten whole");
    }
}

#[test]
fn an_unwritable_cache_is_reported_and_the_index_is_still_right() {
    let (dir, paths, _) = setup();
    let digest = load(&paths);
    let known = KnownCompanies::bundled();
    // A file where the cache folder should be.
    let blocked = dir.path().join("blocked");
    fs::write(&blocked, "").unwrap();
    let (got, r) = cached_paths(&digest, &known, &blocked, &paths);
    assert_eq!(got, fresh(&digest, &known));
    assert!(!r.saved);
    let err = r.error.expect("the failure is reported");
    assert!(err.contains("blocked"), "names the file: {err}");
}

#[test]
fn the_same_text_on_many_dates_is_stored_once_and_found_every_time() {
    let sample = gazette::digest::load_sample().digest;
    let mut text = String::new();
    let base = chrono::NaiveDate::from_ymd_opt(2001, 1, 1).unwrap();
    for day in 0..30u64 {
        for a in &sample.articles {
            let date = base + chrono::Days::new(day);
            gazette::digest::render::push_article(
                &mut text,
                date,
                sample.headline(a),
                sample.paragraphs(a),
            );
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reruns.txt");
    fs::write(&file, text).unwrap();
    let cache = dir.path().join("cache");
    let known = KnownCompanies::bundled();
    let paths = [file];
    let (_, first) = cached(&paths, &known, &cache);
    assert_eq!((first.hits, first.misses), (0, 300), "{first:?}");
    let digest = load(&paths);
    let (got, again) = cached_paths(&digest, &known, &cache, &paths);
    assert_eq!(got, fresh(&digest, &known));
    assert_eq!(
        (again.hits, again.misses, again.saved),
        (300, 0, false),
        "{again:?}"
    );
}

#[test]
fn a_folder_that_gains_a_month_keeps_its_cache() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    fs::create_dir(&news).unwrap();
    fs::write(news.join("2015-01.txt"), generate::digest_text(300, 1)).unwrap();
    let cache = dir.path().join("cache");
    let known = KnownCompanies::bundled();
    let folder = [news.clone()];
    cached(&folder, &known, &cache);
    fs::copy("assets/techcrunch-2019-06-24.txt", news.join("2019-06.txt")).unwrap();
    let digest = load(&folder);
    let (got, r) = cached_paths(&digest, &known, &cache, &folder);
    assert_eq!(got, fresh(&digest, &known));
    assert_eq!((r.hits, r.misses, r.saved), (300, 10, true), "{r:?}");
    assert_eq!(fs::read_dir(&cache).unwrap().count(), 1, "the same file");
}

#[test]
fn the_bundled_sample_and_missing_paths_have_no_cache() {
    let dir = Path::new("/nonexistent");
    assert!(IndexCache::for_paths(dir, &[]).is_none());
    assert!(IndexCache::for_paths(dir, &[PathBuf::from("/no/such/digest.txt")]).is_none());
}
