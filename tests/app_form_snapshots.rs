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

/// The forms that add to and correct a project's parts, at 80×24 and 120×40, on a project
/// in Pilot (it has measures, drivers, benefits, a team and notes), each with its item
/// selected where it acts on one; deletions show their question.
#[test]
fn project_part_forms() {
    for size in [SIZE, (120, 40)] {
        let suffix = format!("{}x{}", size.0, size.1);
        for (section, key, name) in [
            (Section::Measures, 'a', "form_add_measure"),
            (Section::Measures, 'e', "form_edit_measure"),
            (Section::Measures, 'd', "confirm_delete_measure"),
            (Section::Drivers, 'a', "form_add_driver"),
            (Section::Drivers, 'i', "form_add_change_idea"),
            (Section::Benefits, 'a', "form_add_benefit"),
            (Section::Team, 'a', "form_add_team_member"),
            (Section::Team, 'L', "form_set_lead"),
            (Section::Notes, 'e', "form_edit_note"),
        ] {
            let mut store = demo_store();
            let mut m = model(&store, size);
            for _ in 0..4 {
                press(&mut m, &mut store, KeyCode::Char('l'));
            }
            open_detail_at(&mut m, &mut store, section);
            press(&mut m, &mut store, KeyCode::Char(key));
            assert!(
                m.overlay.is_some(),
                "{name}: nothing opened\n{}",
                screen(&m)
            );
            insta::assert_snapshot!(format!("{name}_{suffix}"), screen(&m));
        }
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

/// The portfolio's lists and the stage settings form, at 80×24 and 120×40.
#[test]
fn directory_lists() {
    for size in [SIZE, (120, 40)] {
        let suffix = format!("{}x{}", size.0, size.1);
        for (key, name) in [
            ('@', "list_people"),
            ('#', "list_cohorts"),
            ('W', "list_stages"),
        ] {
            let mut store = demo_store();
            let mut m = model(&store, size);
            press(&mut m, &mut store, KeyCode::Char(key));
            insta::assert_snapshot!(format!("{name}_{suffix}"), screen(&m));
        }
        let mut store = demo_store();
        let mut m = model(&store, size);
        press(&mut m, &mut store, KeyCode::Char('W'));
        press(&mut m, &mut store, KeyCode::Char('j'));
        press(&mut m, &mut store, KeyCode::Enter);
        insta::assert_snapshot!(format!("form_stage_{suffix}"), form_screen(&m));
    }
}
