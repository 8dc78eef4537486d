//! Criterion benches of the reader: the first frame of the sample, and keystrokes on a
//! large digest (the sample's articles repeated across many days).

use chrono::{Days, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use gazette::digest::load::build;
use gazette::digest::render::push_article;
use gazette::digest::{Digest, Source, load_sample};
use gazette::tui::App;
use gazette::tui::ui::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// `n` articles: the sample's ten, one batch per day going back from its date.
fn large_digest(n: usize) -> Digest {
    let sample = load_sample().digest;
    let mut text = String::with_capacity(n * 4500);
    let start = NaiveDate::from_ymd_opt(2019, 6, 24).unwrap_or_default();
    for i in 0..n {
        let a = &sample.articles[i % sample.articles.len()];
        let date = start - Days::new((i / sample.articles.len()) as u64);
        let headline = format!("{} #{i}", sample.headline(a));
        push_article(&mut text, date, &headline, sample.paragraphs(a));
    }
    build(vec![Source::from_string("large.txt", text)], Vec::new()).digest
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

fn draw(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    terminal.draw(|f| render(app, f)).unwrap();
}

fn first_frame(c: &mut Criterion) {
    c.bench_function("first_frame_sample_120x40", |b| {
        b.iter(|| {
            let mut app = App::new(load_sample().digest);
            let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
            draw(&mut app, &mut terminal);
        })
    });
}

fn keystrokes(c: &mut Criterion) {
    let digest = large_digest(150_000);
    let mut app = App::new(digest);
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    draw(&mut app, &mut terminal);
    let mut group = c.benchmark_group("keystroke_150k_200x50");
    group.sample_size(30);
    group.bench_function("move_down_and_draw", |b| {
        b.iter(|| {
            app.handle_key(key('j'));
            draw(&mut app, &mut terminal);
        })
    });
    group.bench_function("open_article_and_draw", |b| {
        b.iter(|| {
            app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
            draw(&mut app, &mut terminal);
            app.handle_key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
        })
    });
    group.bench_function("toggle_unread_only_and_draw", |b| {
        b.iter(|| {
            app.handle_key(key('u'));
            draw(&mut app, &mut terminal);
        })
    });
    group.bench_function("jump_date_and_draw", |b| {
        app.handle_key(key('h'));
        b.iter(|| {
            app.handle_key(key('j'));
            draw(&mut app, &mut terminal);
        })
    });
    group.finish();
}

criterion_group!(benches, first_frame, keystrokes);
criterion_main!(benches);
