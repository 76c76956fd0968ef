//! The status line tells the truth in one line: a refusal is marked as one, a long message
//! is cut between words, a file keeps its name, and an old message goes after a few keys.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod app_support;

use app_support::{demo_store, model, press, screen};
use crossterm::event::KeyCode;
use qiboard::app::{STATUS_KEYS, StatusKind, StatusLine};

fn status_row(text: &str) -> String {
    // The status line is the second line from the bottom.
    text.lines().rev().nth(1).unwrap_or_default().to_string()
}

#[test]
fn a_refusal_is_not_marked_as_a_success() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    let top = m.board.selected().unwrap().reference;
    press(&mut m, &mut store, KeyCode::Char('K'));
    let status = m
        .status
        .clone()
        .expect("K on the top card says why nothing moved");
    assert_eq!(status.kind, StatusKind::Refused, "{}", status.text);
    let row = status_row(&screen(&m));
    assert!(
        row.contains(&format!("✗ {top} is already at the top")),
        "{row}"
    );
    assert!(!row.contains('✓'), "{row}");
}

#[test]
fn a_message_clears_after_a_few_key_presses() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    press(&mut m, &mut store, KeyCode::Char('K'));
    assert!(m.status.is_some());
    for _ in 0..STATUS_KEYS {
        press(&mut m, &mut store, KeyCode::Char('j'));
    }
    assert!(m.status.is_some(), "gone too soon");
    press(&mut m, &mut store, KeyCode::Char('j'));
    assert!(
        m.status.is_none(),
        "still there after {} keys",
        STATUS_KEYS + 1
    );
    assert!(!status_row(&screen(&m)).contains("already"));
}

#[test]
fn long_messages_are_cut_between_words_and_paths_keep_their_name() {
    let store = demo_store();
    let mut m = model(&store, (80, 24));
    m.status = Some(StatusLine::new(
        StatusKind::Warning,
        "QI-0012 is over its WIP limit (4/3) and gateway items are not met: baseline data \
         charted; sponsor agreed — moved to Pilot and implement, u to undo",
    ));
    let row = status_row(&screen(&m));
    assert!(row.ends_with('…'), "{row}");
    let last_word = row.trim_end_matches('…').rsplit(' ').next().unwrap();
    assert!(
        "QI-0012 is over its WIP limit (4/3) and gateway items are not met: baseline data"
            .split(' ')
            .any(|w| w == last_word),
        "cut mid-word: {row}"
    );

    let path = std::path::Path::new(
        "/home/coach.with.a.long.name/Documents/qiboard/QI-0012-Inpatient_falls_per_1000_bed_days-xmr.svg",
    );
    m.status = Some(StatusLine::with_path(
        StatusKind::Info,
        "Chart exported to",
        path,
    ));
    let row = status_row(&screen(&m));
    assert!(
        row.ends_with("QI-0012-Inpatient_falls_per_1000_bed_days-xmr.svg"),
        "{row}"
    );
    assert!(row.contains("✓ Chart exported to …/"), "{row}");
}

/// Hints name the keys as config.toml binds them: a coach who rebinds undo, redo, back,
/// the sections and the gateway tick reads their own keys in every message and on screen.
#[test]
fn hints_name_the_keys_config_binds() {
    let config = qiboard::app::Config::parse(
        Some(
            "[keys]\nundo = \"z\"\nredo = \"ctrl-y\"\nback = \"ctrl-g\"\n\
             select_left = [\"left\"]\nselect_right = [\"right\"]\n\
             toggle_gateway_item = \"t\"\nrecord_value = \"v\"\nadd_pdsa = \"P\"\n",
        ),
        false,
    )
    .unwrap();
    let mut store = demo_store();
    let mut m = qiboard::app::Model::load(&store, config, (120, 40)).unwrap();
    press(&mut m, &mut store, KeyCode::Char('L'));
    let text = &m.status.as_ref().unwrap().text;
    assert!(text.ends_with("z to undo"), "{text}");
    assert!(!text.contains("u to undo"), "{text}");
    press(&mut m, &mut store, KeyCode::Char('z'));
    let text = &m.status.as_ref().unwrap().text;
    assert!(text.ends_with("Ctrl-y to redo"), "{text}");
    // In Detail, the Gateway section names its tick key.
    press(&mut m, &mut store, KeyCode::Enter);
    while m.detail.as_ref().unwrap().section != qiboard::app::Section::Gateway {
        press(&mut m, &mut store, KeyCode::Right);
    }
    let shown = screen(&m);
    assert!(shown.contains("(t ticks the others)"), "{shown}");
}
