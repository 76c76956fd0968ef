//! A coach who mistypes `--db` must not think their projects were lost: the app says which
//! file it has open, and that a path with no file holds no portfolio yet.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod app_support;

use app_support::{ctrl, keys, press, screen};
use chrono::{TimeZone, Utc};
use crossterm::event::KeyCode;
use qiboard::app::{Config, Model};
use qiboard::clock::Clock;
use qiboard::store::Store;

fn clock() -> Clock {
    Clock::fixed(Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap())
}

#[test]
fn a_path_with_no_file_is_named_and_not_created_by_opening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mistyped.sqlite3");
    let mut store = Store::open(&path, clock()).unwrap();
    let mut m = Model::load(&store, Config::default(), (80, 24)).unwrap();
    let text = screen(&m);
    let shown = path.display().to_string();
    assert!(text.contains("mistyped.sqlite3 (new)"), "{text}");
    assert!(
        text.contains("There is no portfolio file here yet"),
        "{text}"
    );
    assert!(
        text.contains(&shown),
        "the welcome shows the whole path:\n{text}"
    );
    assert!(
        text.contains("⚠ No portfolio at"),
        "the status line warns:\n{text}"
    );
    // Looking around writes nothing.
    keys(&mut m, &mut store, "23?");
    press(&mut m, &mut store, KeyCode::Esc);
    keys(&mut m, &mut store, "1");
    assert!(!path.exists(), "opening and looking created {shown}");

    // The first project creates the file, and the bar stops calling it new.
    keys(&mut m, &mut store, "aFalls on Ward 10");
    ctrl(&mut m, &mut store, 's');
    assert!(path.exists());
    let text = screen(&m);
    assert!(text.contains("mistyped.sqlite3"), "{text}");
    assert!(!text.contains("(new)"), "{text}");
    assert!(text.contains("Falls on Ward 10"), "{text}");
}

#[test]
fn help_names_the_open_portfolio_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("faculty.sqlite3");
    let mut store = Store::open(&path, clock()).unwrap();
    store
        .add_project(&qiboard::store::NewProject {
            title: "Falls".into(),
            ..Default::default()
        })
        .unwrap();
    let mut m = Model::load(&store, Config::default(), (120, 40)).unwrap();
    let text = screen(&m);
    assert!(text.contains("faculty.sqlite3"), "top bar:\n{text}");
    assert!(!text.contains("(new)"), "{text}");
    keys(&mut m, &mut store, "?");
    let text = screen(&m);
    assert!(
        text.contains(&format!("Portfolio: {}", path.display())),
        "help:\n{text}"
    );
}
