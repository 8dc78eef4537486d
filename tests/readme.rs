//! The README's key table is the keymap's own: they cannot disagree.

#[test]
fn readme_key_table_matches_the_keymap() {
    let readme = include_str!("../README.md");
    let table = gazette::tui::keymap::markdown_table();
    assert!(
        readme.contains(&table),
        "README.md's key table is out of date; paste this:\n{table}"
    );
}
