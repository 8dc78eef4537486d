//! TestBackend snapshots of every screen state at 80x24 and 160x48.

mod common;

use common::{drive, sample_app, screen, terminal};

fn snapshot(name: &str, keys: &str) {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut app = sample_app();
        let mut t = terminal(w, h);
        drive(&mut app, &mut t, keys);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&t));
    }
}

#[test]
fn start() {
    snapshot("start", "");
}

#[test]
fn article_open_and_scrolled() {
    snapshot("article_scrolled", "jjjjjjjj<Enter>jjjjj");
}

#[test]
fn help() {
    snapshot("help", "?");
}

#[test]
fn filter_bar_with_a_query() {
    snapshot("filter", "/amazon");
}

#[test]
fn picker_open() {
    snapshot("picker", "c");
}

#[test]
fn confirm_bulk_mark() {
    snapshot("confirm", "M");
}

#[test]
fn unread_only_after_reading() {
    snapshot("unread_only", "<Enter><Esc>jmu");
}

#[test]
fn date_focused() {
    snapshot("dates", "hj");
}

#[test]
fn tiny_terminal() {
    let mut app = sample_app();
    let mut t = terminal(30, 8);
    drive(&mut app, &mut t, "");
    insta::assert_snapshot!("tiny_30x8", screen(&t));
}

#[test]
fn picker_narrowed() {
    snapshot("picker_narrowed", "cgo");
}

#[test]
fn picker_marks_the_chosen_companies() {
    // Walmart and Google are chips; the cursor is on Google, so Enter would remove it.
    snapshot("picker_chipped", "cwalmart<Enter>cgoogle<Enter>c<Down>");
}

#[test]
fn picker_found_by_an_alias() {
    snapshot("picker_alias", "caws");
}

#[test]
fn filtered_by_a_company() {
    snapshot("company_filter", "camazon<Enter>j");
}

#[test]
fn filter_bar_with_an_error() {
    snapshot("filter_error", "/cricket (date:2019");
}
