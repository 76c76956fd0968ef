//! The README is the contract: its key table is the keymap registry's, word for word.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

#[test]
fn the_readme_lists_every_key_the_app_has() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = qiboard::app::Keymap::default().markdown();
    assert!(
        readme.contains(&table),
        "README.md's key table differs from the keymap; paste this in:\n{table}"
    );
}
