//! What a live reload costs the UI thread on a 150k-article digest: swapping the new
//! digest into the App (selection, date, chips, undo and scroll mapped by id; unread
//! recounted; view recomputed) and drawing the next frame. Loading and indexing the new
//! digest happen on the reload thread and are timed by the `parse` and `companies` benches.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use gazette::digest::Source;
use gazette::digest::generate::digest_text;
use gazette::digest::load::build;
use gazette::tui::App;
use gazette::tui::reload::Reloaded;
use gazette::tui::ui::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const ARTICLES: usize = 150_000;

/// One more article, dated after everything the generator writes.
const MORE: &str = "\n1 Jan 2030\n\nOne more article\n\nIt arrived while the reader was open.\n";

fn reload(c: &mut Criterion) {
    // The new text is the old one plus an article; both are leaked once and never copied.
    let new: &'static str =
        Box::leak(format!("{}{MORE}", digest_text(ARTICLES, 1)).into_boxed_str());
    let old = &new[..new.len() - MORE.len()];
    let mut app = App::new(build(vec![Source::from_static("d.txt", old)], Vec::new()).digest);
    let mut terminal =
        Terminal::new(TestBackend::new(200, 50)).unwrap_or_else(|e| panic!("terminal: {e}"));
    terminal
        .draw(|f| render(&mut app, f))
        .unwrap_or_else(|e| panic!("draw: {e}"));
    let fresh = || Reloaded {
        digest: build(vec![Source::from_static("d.txt", new)], Vec::new()).digest,
        // A big digest that only gained an article: swapped in without indexes (they
        // are rebuilt in the background afterwards), as the reader does it.
        indexes: None,
        warnings: 0,
        files_changed: 1,
    };
    let mut group = c.benchmark_group("reload_150k_200x50");
    group.sample_size(10);
    group.bench_function("apply_and_draw", |b| {
        b.iter_batched(
            fresh,
            |reloaded| {
                app.apply_reload(reloaded);
                terminal
                    .draw(|f| render(&mut app, f))
                    .unwrap_or_else(|e| panic!("draw: {e}"));
                black_box(app.view.len())
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, reload);
criterion_main!(benches);
