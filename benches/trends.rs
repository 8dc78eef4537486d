//! Criterion bench of company trends: the timeline, one company's series, every
//! company's series, a picker frame's rows, the top companies of a view, and the
//! reader drawing the picker and opening the trend view at 200x50. On a
//! generated digest of 20k articles by default (`GAZETTE_BENCH_ARTICLES=n`), or on a
//! digest file (`GAZETTE_BENCH_DIGEST=/tmp/big.txt`, e.g. 150k articles written by
//! `target/release/gen-digest 150000 /tmp/big.txt`).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gazette::companies::trends::{resample, sparkline, top_companies, top_companies_of_all};
use gazette::companies::{CompanyIndex, KnownCompanies, Timeline};
use gazette::digest::load::build;
use gazette::digest::{Digest, Source, generate, load_paths};
use gazette::state::ReadState;
use gazette::tui::App;
use gazette::tui::ui::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn digest() -> Digest {
    match std::env::var_os("GAZETTE_BENCH_DIGEST") {
        Some(path) => load_paths(&[path.into()]).unwrap().digest,
        None => {
            let n: usize = std::env::var("GAZETTE_BENCH_ARTICLES")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(20_000);
            let text = generate::digest_text(n, 1);
            build(vec![Source::from_string("generated.txt", text)], Vec::new()).digest
        }
    }
}

fn bench_trends(c: &mut Criterion) {
    let digest = digest();
    let n = digest.articles.len();
    let index = CompanyIndex::build(&digest, &KnownCompanies::bundled());
    let timeline = Timeline::new(&digest);
    let ranked = index.by_count();
    let (top, top_count) = ranked[0];
    eprintln!(
        "{n} articles, {} buckets by {}, {} companies, top {} in {top_count} articles",
        timeline.len(),
        timeline.bucket().name(),
        ranked.len(),
        index.name(top),
    );
    let all: Vec<u32> = (0..n as u32).collect();

    let mut group = c.benchmark_group(format!("trends_{n}_articles"));
    group.bench_function("timeline", |b| b.iter(|| Timeline::new(black_box(&digest))));
    group.bench_function("series_of_the_top_company", |b| {
        b.iter(|| timeline.company(&index, black_box(top)))
    });
    group.bench_function("series_of_every_company", |b| {
        b.iter(|| {
            ranked
                .iter()
                .map(|&(id, _)| timeline.company(&index, id).len())
                .sum::<usize>()
        })
    });
    // What the picker draws per frame for its rows (by_count is the picker's own cost).
    group.bench_function("picker_frame_40_sparklines", |b| {
        b.iter(|| {
            let tl = Timeline::new(&digest);
            ranked
                .iter()
                .take(40)
                .map(|&(id, _)| sparkline(&resample(&tl.company(&index, id), 24)))
                .collect::<Vec<String>>()
        })
    });
    group.bench_function("top_5_of_every_article", |b| {
        b.iter(|| top_companies(&index, black_box(&all), 5))
    });
    group.bench_function("top_5_of_all_from_posting_lists", |b| {
        b.iter(|| top_companies_of_all(black_box(&index), 5))
    });
    group.finish();

    // The reader: what a keypress costs, drawing included.
    let mut app = App::with_state(digest, ReadState::in_memory());
    app.set_companies(index);
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let mut draw = |app: &mut App| terminal.draw(|f| render(app, f)).map(|_| ()).unwrap();
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    draw(&mut app);
    let mut group = c.benchmark_group(format!("reader_{n}_articles_200x50"));
    group.sample_size(30);
    group.bench_function("open_picker_and_draw", |b| {
        b.iter(|| {
            app.handle_key(key(KeyCode::Char('c')));
            draw(&mut app);
            app.handle_key(key(KeyCode::Esc));
        })
    });
    group.bench_function("open_trends_of_top_5_and_draw", |b| {
        b.iter(|| {
            app.handle_key(key(KeyCode::Char('t')));
            draw(&mut app);
            app.handle_key(key(KeyCode::Esc));
        })
    });
    group.finish();
}

criterion_group!(benches, bench_trends);
criterion_main!(benches);
