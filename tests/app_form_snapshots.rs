//! Every form, the palette and a warning on the status line, as a coach sees them in a
//! small window (80×24) on the demo portfolio. Every snapshot was read before it was accepted.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod app_support;

use app_support::{demo_store, model, press, screen};
use crossterm::event::KeyCode;
use qiboard::app::{Model, Overlay, Section, StatusKind};
use qiboard::store::Store;

const SIZE: (u16, u16) = (80, 24);

fn open_detail_at(m: &mut Model, store: &mut Store, section: Section) {
    press(m, store, KeyCode::Enter);
    while m.detail.as_ref().unwrap().section != section {
        press(m, store, KeyCode::Char('l'));
    }
}

fn form_screen(m: &Model) -> String {
    assert!(
        matches!(m.overlay, Some(Overlay::Form(_))),
        "no form open:\n{}",
        screen(m)
    );
    screen(m)
}

#[test]
fn board_forms() {
    for (key, name) in [
        ('a', "form_add_project"),
        ('e', "form_edit_project"),
        ('s', "form_score"),
        ('n', "form_note"),
        ('f', "form_filter"),
    ] {
        let mut store = demo_store();
        let mut m = model(&store, SIZE);
        press(&mut m, &mut store, KeyCode::Char(key));
        insta::assert_snapshot!(name, form_screen(&m));
    }
}

#[test]
fn detail_forms() {
    let mut store = demo_store();
    let mut m = model(&store, SIZE);
    open_detail_at(&mut m, &mut store, Section::Pdsa);
    press(&mut m, &mut store, KeyCode::Char('p'));
    insta::assert_snapshot!("form_add_pdsa", form_screen(&m));

    // A project in Pilot: its cycles have worksheets, its measures data.
    let mut store = demo_store();
    let mut m = model(&store, SIZE);
    for _ in 0..4 {
        press(&mut m, &mut store, KeyCode::Char('l'));
    }
    open_detail_at(&mut m, &mut store, Section::Pdsa);
    press(&mut m, &mut store, KeyCode::Enter);
    insta::assert_snapshot!("form_pdsa_worksheet", form_screen(&m));
    press(&mut m, &mut store, KeyCode::Esc);
    while m.detail.as_ref().unwrap().section != Section::Measures {
        press(&mut m, &mut store, KeyCode::Char('l'));
    }
    press(&mut m, &mut store, KeyCode::Char('r'));
    insta::assert_snapshot!("form_record_value", form_screen(&m));
    press(&mut m, &mut store, KeyCode::Esc);
    press(&mut m, &mut store, KeyCode::Char('b'));
    insta::assert_snapshot!("form_rebase", form_screen(&m));
}

#[test]
fn the_palette_at_80_by_24() {
    let mut store = demo_store();
    let mut m = model(&store, SIZE);
    press(&mut m, &mut store, KeyCode::Char(':'));
    insta::assert_snapshot!("palette_80x24", screen(&m));
}

#[test]
fn a_warning_on_the_status_line() {
    let mut store = demo_store();
    let mut m = model(&store, SIZE);
    // The first card moves on with its gateway unmet: moved, and warned.
    press(&mut m, &mut store, KeyCode::Char('L'));
    assert_eq!(m.status.as_ref().unwrap().kind, StatusKind::Warning);
    insta::assert_snapshot!("status_warning_80x24", screen(&m));
}
