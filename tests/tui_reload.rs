//! Live reload: a digest file appended to (or a folder gaining a month) while the reader
//! runs is reloaded, keeping the selection, date, filter, company chips and read marks.

mod common;

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{draw, drive, terminal};
use gazette::companies::{CompanyIndex, IndexCache, KnownCompanies};
use gazette::digest::generate::digest_text;
use gazette::digest::load::SAMPLE_TEXT;
use gazette::digest::load_paths;
use gazette::query::TextIndex;
use gazette::state::ReadState;
use gazette::tui::App;
use gazette::tui::launch::Indexing;
use gazette::tui::reload::{INDEX_BEFORE_SWAP_LIMIT, ReloadEvent, Reloader, Stamps};
use gazette::tui::watch::LiveReload;

/// Two articles: one more on the sample's day, one on the next day; both mention Samsung.
const MORE: &str = "
24 Jun 2019

Samsung puts a screen on a fridge, again

The Family Hub fridge has a new screen and the same old smart home pitch.

25 Jun 2019

Samsung's foldable phone gets a date

The Galaxy Fold will ship in September, Samsung said on Tuesday.
";

struct Setup {
    _dir: tempfile::TempDir,
    /// What the reader opened: a file or a folder.
    path: PathBuf,
    app: App,
    reloader: Reloader,
}

/// The reader on `path` as `launch` sets it up: stamped before the load, indexed.
fn open(dir: tempfile::TempDir, path: PathBuf) -> Setup {
    let paths = vec![path.clone()];
    let mut reloader = Reloader::new(
        paths.clone(),
        KnownCompanies::bundled(),
        Stamps::take(&paths),
    );
    let loaded = load_paths(&paths).unwrap();
    reloader.first_load(&loaded);
    let digest = loaded.digest;
    let (state, _) = ReadState::open(dir.path().join("state.json"));
    let companies = CompanyIndex::build(&digest, &KnownCompanies::bundled());
    let words = TextIndex::build(&digest);
    let mut app = App::with_state(digest, state);
    app.set_companies(companies);
    app.set_text_index(words);
    Setup {
        _dir: dir,
        path,
        app,
        reloader,
    }
}

/// A copy of the sample in a fresh folder, opened as one file.
fn sample_file() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("2019-06.txt");
    fs::write(&file, SAMPLE_TEXT).unwrap();
    open(dir, file)
}

fn append(path: &Path, text: &str) {
    let mut f = OpenOptions::new().append(true).open(path).unwrap();
    f.write_all(text.as_bytes()).unwrap();
}

fn headline(app: &App, article: u32) -> &str {
    app.digest.headline(&app.digest.articles[article as usize])
}

fn selected_headline(app: &App) -> String {
    headline(app, app.selected_article().unwrap()).to_string()
}

fn reload(s: &mut Setup) {
    let event = s.reloader.check().expect("the file changed");
    assert!(matches!(event, ReloadEvent::Done(_)), "the reload failed");
    s.app.apply_reload_event(event);
}

#[test]
fn appended_articles_arrive_and_the_view_the_marks_and_the_selection_stay() {
    let mut s = sample_file();
    let mut t = terminal(120, 30);
    // Pick the day, add a Samsung chip, open the article and come back to the list.
    drive(&mut s.app, &mut t, "hj<Enter>csamsung<Enter>");
    assert_eq!(s.app.company_filter.len(), 1);
    let chip = s.app.companies.name(s.app.company_filter[0]).to_string();
    assert_eq!(chip, "Samsung");
    drive(&mut s.app, &mut t, "<Enter>jj<Esc>/smart<Enter>");
    let before_view = s.app.view.len();
    let selected = selected_headline(&s.app);
    let selected_id = s.app.digest.articles[s.app.selected_article().unwrap() as usize].id;
    assert!(s.app.read.is_read(selected_id));
    assert_eq!(s.app.unread_total(), 9);
    assert!(s.reloader.check().is_none(), "nothing changed yet");

    append(&s.path, MORE);
    reload(&mut s);
    draw(&mut s.app, &mut t);

    let app = &s.app;
    assert_eq!(app.digest.articles.len(), 12);
    assert_eq!(
        app.message.as_deref(),
        Some("Reloaded: +2 articles"),
        "the status bar says what changed"
    );
    assert_eq!(
        selected_headline(app),
        selected,
        "the same article stays selected"
    );
    assert!(app.read.is_read(selected_id));
    assert_eq!(
        app.unread_total(),
        11,
        "two new unread articles, the old mark kept"
    );
    assert_eq!(app.filter_text, "smart");
    assert_eq!(app.company_filter.len(), 1);
    assert_eq!(app.companies.name(app.company_filter[0]), "Samsung");
    // Still 24 Jun, though the new day 25 Jun now comes first in the date list.
    assert_eq!(app.selected_day().unwrap().date.to_string(), "2019-06-24");
    assert_eq!(app.days.len(), 2);
    // The fridge article (24 Jun, Samsung, "smart") joins the view; the phone (25 Jun) does not.
    assert_eq!(app.view.len(), before_view + 1);
    let shown: Vec<&str> = app.view.iter().map(|&a| headline(app, a)).collect();
    assert!(
        shown.contains(&"Samsung puts a screen on a fridge, again"),
        "{shown:?}"
    );
    assert!(!shown.iter().any(|h| h.contains("foldable")), "{shown:?}");
    assert!(app.indexing.is_none() && app.text_index_ready);
}

#[test]
fn the_article_being_read_keeps_its_scroll_and_keys_go_on_working() {
    let mut s = sample_file();
    let mut t = terminal(120, 30);
    drive(&mut s.app, &mut t, "jjjjjjjj<Enter>jjjjjj");
    assert_eq!(s.app.article_scroll, 6);
    append(&s.path, MORE);
    reload(&mut s);
    draw(&mut s.app, &mut t);
    assert_eq!(s.app.article_scroll, 6);
    assert!(
        selected_headline(&s.app).contains("Facebook"),
        "{}",
        selected_headline(&s.app)
    );
    // Keys act on the new digest: the top of the list is now the 25 Jun article.
    drive(&mut s.app, &mut t, "<Esc>g");
    assert!(selected_headline(&s.app).contains("foldable"));
    drive(&mut s.app, &mut t, "G<Enter>");
    assert!(s.app.is_read(s.app.selected_article().unwrap()));
}

#[test]
fn a_new_month_in_a_folder_and_a_removed_one_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("news");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("2019-06.txt"), SAMPLE_TEXT).unwrap();
    let mut s = open(dir, folder.clone());
    let mut t = terminal(120, 30);
    drive(&mut s.app, &mut t, "jjj");
    let selected = selected_headline(&s.app);

    fs::write(
        folder.join("2019-07.txt"),
        format!("Month: July 2019\n{MORE}").replace("Jun", "Jul"),
    )
    .unwrap();
    reload(&mut s);
    assert_eq!(s.app.message.as_deref(), Some("Reloaded: +2 articles"));
    assert_eq!(selected_headline(&s.app), selected);
    // Files that are not digests are not watched for, but a reload tells of them once.
    fs::write(folder.join("notes.md"), "# not a digest").unwrap();
    assert!(s.reloader.check().is_none());
    fs::write(
        folder.join("2019-06.txt"),
        format!("{SAMPLE_TEXT}\nOne more line.\n"),
    )
    .unwrap();
    reload(&mut s);
    assert_eq!(
        s.app.message.as_deref(),
        Some("Reloaded: 1 file changed · 1 problem in the input (`gazette check`)")
    );

    fs::remove_file(folder.join("2019-07.txt")).unwrap();
    reload(&mut s);
    assert_eq!(
        s.app.message.as_deref(),
        Some("Reloaded: \u{2212}2 articles")
    );
    assert_eq!(s.app.digest.articles.len(), 10);
    assert_eq!(selected_headline(&s.app), selected);
}

#[test]
fn an_edit_that_adds_no_article_says_a_file_changed() {
    let mut s = sample_file();
    append(&s.path, "\nA late paragraph for the last article.\n");
    reload(&mut s);
    assert_eq!(s.app.message.as_deref(), Some("Reloaded: 1 file changed"));
}

#[test]
fn a_reload_that_fails_keeps_the_old_digest_and_says_why() {
    let mut s = sample_file();
    let mut t = terminal(120, 30);
    drive(&mut s.app, &mut t, "jj");
    // Replaced (by rename, as editors save) with a file holding no article.
    let tmp = s.path.with_extension("new");
    fs::write(&tmp, "Month: June 2019\n\nnothing here\n").unwrap();
    fs::rename(&tmp, &s.path).unwrap();
    let event = s.reloader.check().unwrap();
    let ReloadEvent::Failed(why) = &event else {
        panic!("expected a failure");
    };
    assert!(why.contains("no articles found"), "{why}");
    assert!(why.contains("2019-06.txt"), "{why}");
    s.app.apply_reload_event(event);
    draw(&mut s.app, &mut t);
    let message = s.app.message.clone().unwrap();
    assert!(
        message.starts_with("Reload failed: no articles found in "),
        "{message}"
    );
    assert!(
        message.ends_with(" · still showing the last version"),
        "{message}"
    );
    assert_eq!(s.app.digest.articles.len(), 10);
    assert_eq!(s.app.headline_selected, 2);

    // Fixed again: the next reload goes through.
    fs::write(&tmp, format!("{SAMPLE_TEXT}{MORE}")).unwrap();
    fs::rename(&tmp, &s.path).unwrap();
    reload(&mut s);
    assert_eq!(s.app.message.as_deref(), Some("Reloaded: +2 articles"));
}

/// A file that changed once is copied on reload, not mapped: rewriting it in place
/// afterwards (truncate, then write) cannot crash the reader. With a map, reading the
/// article below would raise SIGBUS and kill this test.
#[test]
fn a_file_that_changed_is_copied_so_a_rewrite_in_place_is_harmless() {
    let mut s = sample_file();
    append(&s.path, MORE);
    reload(&mut s);
    let last = s.app.digest.articles.len() - 1;
    let before = s.app.digest.body(&s.app.digest.articles[last]).to_string();
    fs::File::create(&s.path).unwrap(); // truncates in place
    let mut t = terminal(120, 30);
    drive(&mut s.app, &mut t, "G<Enter>");
    assert_eq!(s.app.digest.body(&s.app.digest.articles[last]), before);
}

#[test]
fn the_status_bar_after_a_reload() {
    let mut s = sample_file();
    let mut t = terminal(120, 30);
    drive(&mut s.app, &mut t, "hj<Enter>csamsung<Enter><Enter><Esc>");
    append(&s.path, MORE);
    reload(&mut s);
    draw(&mut s.app, &mut t);
    let screen = common::screen(&t);
    insta::assert_snapshot!("reload_status_120", screen.lines().last().unwrap());
    let mut wide = terminal(200, 40);
    draw(&mut s.app, &mut wide);
    let screen = common::screen(&wide);
    insta::assert_snapshot!("reload_status_200", screen.lines().last().unwrap());
}

/// The real watcher thread: append to the file and wait (at most 20 s) for the reload.
#[test]
fn the_watcher_thread_reloads_an_appended_file() {
    let Setup {
        _dir,
        path,
        mut app,
        reloader,
    } = sample_file();
    let mut t = terminal(120, 30);
    drive(&mut app, &mut t, "jjj<Enter>");
    let selected = selected_headline(&app);
    let live = LiveReload::start(reloader).unwrap();
    // Nothing changed since the load: the thread's first look finds nothing.
    std::thread::sleep(Duration::from_millis(100));
    assert!(live.poll().is_none());

    append(&path, MORE);
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut saw_started = false;
    loop {
        assert!(Instant::now() < deadline, "no reload within 20 s");
        match live.poll() {
            Some(event @ ReloadEvent::Started { .. }) => {
                saw_started = true;
                app.apply_reload_event(event);
                assert!(app.message.as_deref().unwrap().starts_with("Reloading"));
            }
            Some(event) => {
                app.apply_reload_event(event);
                break;
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    assert!(saw_started);
    assert_eq!(app.message.as_deref(), Some("Reloaded: +2 articles"));
    assert_eq!(selected_headline(&app), selected);
    assert_eq!(app.unread_total(), 11);
    // One burst, one reload: nothing more comes.
    std::thread::sleep(Duration::from_millis(600));
    assert!(live.poll().is_none());
}

/// The day after the app's last article: where an appended article goes.
fn day_after_the_last(app: &App) -> chrono::NaiveDate {
    app.digest.articles.last().unwrap().date.succ_opt().unwrap()
}

/// A digest too big to index before the swap ([`INDEX_BEFORE_SWAP_LIMIT`]) in a fresh folder.
fn big_file() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.txt");
    fs::write(&file, digest_text(INDEX_BEFORE_SWAP_LIMIT + 500, 7)).unwrap();
    open(dir, file)
}

/// [`big_file`] indexed as the reader does at start, through a cache in its folder, so
/// the app knows its articles' hashes.
fn big_file_indexed_through_a_cache() -> Setup {
    let mut s = big_file();
    let cache = s._dir.path().join("cache");
    s.app.index_cache = IndexCache::for_paths(&cache, std::slice::from_ref(&s.path));
    index_in_background(&mut s.app);
    assert_eq!(s.app.text_index_hashes.len(), s.app.digest.articles.len());
    s
}

/// Runs the reader's background indexing (the one used at start) to the end.
fn index_in_background(app: &mut App) {
    let mut job = Indexing::start(app, KnownCompanies::bundled());
    let deadline = Instant::now() + Duration::from_secs(60);
    while job.poll(app) {
        assert!(Instant::now() < deadline, "indexing never finished");
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_big_digest_that_gained_articles_swaps_at_once_and_indexes_in_the_background() {
    let mut s = big_file();
    let mut t = terminal(120, 30);
    drive(&mut s.app, &mut t, "cgoogle<Enter>jjj");
    assert_eq!(s.app.company_filter.len(), 1);
    let view_before = s.app.view.len();
    let selected = selected_headline(&s.app);
    let next_day = day_after_the_last(&s.app);
    append(
        &s.path,
        &format!(
            "\n{}\n\nGoogle opens a new office\n\nGoogle said so on the day.\n",
            next_day.format("%-d %b %Y")
        ),
    );

    let event = s.reloader.check().unwrap();
    let ReloadEvent::Done(reloaded) = &event else {
        panic!("expected a digest");
    };
    assert!(
        reloaded.indexes.is_none(),
        "an append to a big digest is not indexed first"
    );
    assert!(
        s.app.apply_reload_event(event),
        "the reader must index it now"
    );
    assert_eq!(s.app.message.as_deref(), Some("Reloaded: +1 article"));
    assert!(
        s.app.indexing.is_some(),
        "the status bar shows the indexing"
    );
    // The old company index still answers for the old articles: the chip and the view stay.
    assert_eq!(s.app.company_filter.len(), 1);
    assert_eq!(s.app.view.len(), view_before);
    assert_eq!(selected_headline(&s.app), selected);
    draw(&mut s.app, &mut t);

    index_in_background(&mut s.app);
    assert!(s.app.indexing.is_none() && s.app.text_index_ready);
    assert_eq!(
        s.app.company_filter.len(),
        1,
        "the chip carried over by name"
    );
    assert_eq!(
        s.app.view.len(),
        view_before + 1,
        "the new article has its companies now"
    );
    assert_eq!(selected_headline(&s.app), selected);
}

#[test]
fn a_big_digest_that_lost_an_article_is_indexed_before_the_swap() {
    let mut s = big_file();
    let text = fs::read_to_string(&s.path).unwrap();
    // Drop the first article (up to the second one's date line): the others move up.
    let line = s.app.digest.articles[1].line as usize;
    let second: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let tmp = s.path.with_extension("new");
    fs::write(&tmp, &text[second..]).unwrap();
    fs::rename(&tmp, &s.path).unwrap();
    let event = s.reloader.check().unwrap();
    let ReloadEvent::Done(reloaded) = &event else {
        panic!("expected a digest");
    };
    assert!(reloaded.indexes.is_some());
    assert!(!s.app.apply_reload_event(event));
    assert_eq!(
        s.app.message.as_deref(),
        Some("Reloaded: \u{2212}1 article")
    );
    assert!(s.app.indexing.is_none() && s.app.text_index_ready);
}

#[test]
fn an_append_extends_the_word_index_of_the_old_articles_when_they_are_unchanged() {
    let mut s = big_file_indexed_through_a_cache();
    let next_day = day_after_the_last(&s.app);
    append(
        &s.path,
        &format!(
            "\n{}\n\nZorblaxian robots raise money\n\nThe zorblaxian robots raised $5 million.\n",
            next_day.format("%-d %b %Y")
        ),
    );
    let event = s.reloader.check().unwrap();
    assert!(s.app.apply_reload_event(event), "indexed in the background");
    assert!(
        s.app.previous_words.is_some(),
        "the old word index is kept to extend"
    );
    index_in_background(&mut s.app);
    assert!(s.app.previous_words.is_none() && s.app.text_index_ready);
    assert_eq!(s.app.text_index.articles(), s.app.digest.articles.len());

    // The same answers as a word index built whole on the new file.
    let mut fresh = open(tempfile::tempdir().unwrap(), s.path.clone()).app;
    let mut t = terminal(120, 30);
    for word in ["zorblaxian", "raised", "shenzhen", "google"] {
        drive(&mut s.app, &mut t, &format!("/{word}<Enter>"));
        drive(&mut fresh, &mut t, &format!("/{word}<Enter>"));
        assert!(!s.app.view.is_empty(), "{word}");
        assert_eq!(s.app.view, fresh.view, "{word}");
        drive(&mut s.app, &mut t, "<Esc>");
        drive(&mut fresh, &mut t, "<Esc>");
    }
}

#[test]
fn an_append_after_an_old_article_was_edited_rebuilds_the_word_index() {
    let mut s = big_file_indexed_through_a_cache();
    // An old article's body changes (its id, from date and headline, does not), and an
    // article is appended: the old word index must not be extended.
    let text = fs::read_to_string(&s.path).unwrap();
    let edited = text.replacen(" percent a year ago", " percent a quokka ago", 1);
    assert_ne!(edited, text);
    let next_day = day_after_the_last(&s.app);
    fs::write(
        &s.path,
        format!(
            "{edited}\n{}\n\nQuokka robots\n\nMore quokka news.\n",
            next_day.format("%-d %b %Y")
        ),
    )
    .unwrap();
    let event = s.reloader.check().unwrap();
    assert!(
        s.app.apply_reload_event(event),
        "swapped at once: ids only grew"
    );
    assert!(s.app.previous_words.is_some(), "offered for extending...");
    index_in_background(&mut s.app);
    let mut t = terminal(120, 30);
    drive(&mut s.app, &mut t, "/quokka<Enter>");
    assert_eq!(
        s.app.view.len(),
        2,
        "...but rebuilt: the edited article and the new one"
    );
}
