//! The palette lists what can run where the coach is, the footer offers keys that act, and a
//! key that cannot act says why.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod app_support;

use app_support::{demo_store, keys, model, press, screen};
use chrono::{TimeZone, Utc};
use crossterm::event::KeyCode;
use qiboard::app::{Action, Overlay, StatusKind};

#[test]
fn the_board_palette_lists_no_chart_actions_and_no_navigation() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    press(&mut m, &mut store, KeyCode::Char(':'));
    let Some(Overlay::Palette(palette)) = &m.overlay else {
        panic!(": did not open the palette")
    };
    for absent in [
        Action::ExportChart,
        Action::ToggleChart,
        Action::EditPdsa,
        Action::SelectDown,
        Action::SelectLeft,
    ] {
        assert!(
            !palette.matches.contains(&absent),
            "{absent:?} listed on the board"
        );
    }
    for present in [Action::MoveCardRight, Action::SetScore, Action::ShowMetrics] {
        assert!(palette.matches.contains(&present), "{present:?} missing");
    }
    // In Detail on a measure with data, the chart actions come.
    press(&mut m, &mut store, KeyCode::Esc);
    press(&mut m, &mut store, KeyCode::Enter);
    while m.detail.as_ref().unwrap().section != qiboard::app::Section::Measures {
        press(&mut m, &mut store, KeyCode::Char('l'));
    }
    let has_chart = m
        .detail
        .as_ref()
        .unwrap()
        .points
        .as_ref()
        .is_some_and(|(_, p)| !p.is_empty());
    press(&mut m, &mut store, KeyCode::Char(':'));
    let Some(Overlay::Palette(palette)) = &m.overlay else {
        panic!()
    };
    assert_eq!(palette.matches.contains(&Action::ExportChart), has_chart);
    assert!(!palette.matches.contains(&Action::MoveCardRight));
}

#[test]
fn a_key_that_cannot_act_here_says_why() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    // A Detail key on the board says where it works.
    press(&mut m, &mut store, KeyCode::Char('x'));
    let status = m.status.clone().expect("x on the board says something");
    assert_eq!(status.kind, StatusKind::Refused);
    assert!(
        status.text.contains("export the chart to SVG and PNG") && status.text.contains("Detail"),
        "{}",
        status.text
    );
    // In Detail with no chart, the chart keys say why they do nothing.
    press(&mut m, &mut store, KeyCode::Enter);
    while m.detail.as_ref().unwrap().section != qiboard::app::Section::Team {
        press(&mut m, &mut store, KeyCode::Char('l'));
    }
    m.detail.as_mut().unwrap().points = None;
    press(&mut m, &mut store, KeyCode::Char('x'));
    let status = m.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Refused);
    assert!(status.text.contains("No chart here"), "{}", status.text);
}

#[test]
fn an_empty_portfolio_offers_only_keys_that_act() {
    let clock = qiboard::clock::Clock::fixed(Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap());
    let mut store = qiboard::store::Store::open_in_memory(clock).unwrap();
    let mut m = model(&store, (120, 40));
    let footer = screen(&m).lines().last().unwrap().to_string();
    for absent in ["move", "open", "score", "note"] {
        assert!(
            !footer.contains(absent),
            "{absent} offered on an empty board: {footer}"
        );
    }
    assert!(footer.contains("a add"), "{footer}");
    press(&mut m, &mut store, KeyCode::Char('L'));
    assert!(
        m.status
            .as_ref()
            .is_some_and(|s| s.text.contains("No project selected")),
        "{:?}",
        m.status
    );
    keys(&mut m, &mut store, "s");
    assert!(m.overlay.is_none(), "s opened a score form with no project");
}

#[test]
fn a_stage_named_for_its_gateway_still_warns_of_its_wip_limit() {
    // The app once dropped any warning mentioning "gateway": a stage could be named so.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.sqlite3");
    let clock = qiboard::clock::Clock::fixed(Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap());
    let mut store = qiboard::store::Store::open(&path, clock).unwrap();
    for title in ["A", "B"] {
        store
            .add_project(&qiboard::store::NewProject {
                title: title.into(),
                stage: Some("define".into()),
                ..Default::default()
            })
            .unwrap();
    }
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch(
            "UPDATE stages SET name = 'Pre-gateway checks', wip_limit = 1 WHERE key = 'measure'",
        )
        .unwrap();
    let mut store = qiboard::store::Store::open(&path, clock).unwrap();
    store
        .move_project(qiboard::domain::ProjectRef(1), "measure", None)
        .unwrap();
    let mut m = model(&store, (120, 40));
    assert!(m.board.select(qiboard::domain::ProjectRef(2)));
    press(&mut m, &mut store, KeyCode::Char('L'));
    let status = m.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Warning, "{}", status.text);
    assert!(
        status
            .text
            .contains("Pre-gateway checks is over its WIP limit (2/1)"),
        "{}",
        status.text
    );
}
