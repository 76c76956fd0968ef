//! A decided PDSA cycle has finished: deciding adopt, adapt or abandon (in the app or with
//! `pdsa act`) dates its end today when it has none, so Metrics counts it as finished.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod app_support;

use app_support::{ctrl, demo_store, keys, model, press};
use chrono::NaiveDate;
use crossterm::event::KeyCode;
use qiboard::app::{Overlay, Section};
use qiboard::domain::ActDecision;
use qiboard::store::{NewPdsa, PdsaField, Store};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn cycle(
    store: &Store,
    reference: qiboard::domain::ProjectRef,
    number: i64,
) -> qiboard::domain::PdsaCycle {
    store
        .pdsa_cycles(reference)
        .unwrap()
        .into_iter()
        .find(|c| c.number == number)
        .unwrap()
}

#[test]
fn deciding_a_cycle_dates_its_end_unless_it_has_one() {
    let mut store = demo_store();
    let reference = store.list_projects(&Default::default()).unwrap()[0].reference;
    let started = NaiveDate::from_ymd_opt(2026, 11, 2).unwrap();
    let number = store
        .add_pdsa(
            reference,
            &NewPdsa {
                change_idea: "Huddle at handover".into(),
                start_date: Some(started),
                ..Default::default()
            },
        )
        .unwrap();
    store
        .edit_pdsa(
            reference,
            number,
            &[PdsaField::Act(Some(ActDecision::Adapt))],
            None,
        )
        .unwrap();
    assert_eq!(cycle(&store, reference, number).end_date, Some(today()));

    // A given end date wins, and a later decision keeps the end it has.
    let given = NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    let second = store
        .add_pdsa(
            reference,
            &NewPdsa {
                change_idea: "Huddle at handover".into(),
                ..Default::default()
            },
        )
        .unwrap();
    store
        .edit_pdsa(
            reference,
            second,
            &[
                PdsaField::Act(Some(ActDecision::Adopt)),
                PdsaField::EndDate(Some(given)),
            ],
            None,
        )
        .unwrap();
    store
        .edit_pdsa(
            reference,
            second,
            &[PdsaField::Act(Some(ActDecision::Abandon))],
            None,
        )
        .unwrap();
    assert_eq!(cycle(&store, reference, second).end_date, Some(given));
}

#[test]
fn the_worksheet_form_decides_and_shows_both_dates() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    let reference = m.board.selected().unwrap().reference;
    let number = store
        .add_pdsa(
            reference,
            &NewPdsa {
                change_idea: "Huddle at handover".into(),
                start_date: NaiveDate::from_ymd_opt(2026, 11, 2),
                ..Default::default()
            },
        )
        .unwrap();
    press(&mut m, &mut store, KeyCode::Enter);
    while m.detail.as_ref().unwrap().section != Section::Pdsa {
        press(&mut m, &mut store, KeyCode::Char('l'));
    }
    while m
        .detail
        .as_ref()
        .map(|d| d.detail.pdsa_cycles[d.selected].number)
        != Some(number)
    {
        press(&mut m, &mut store, KeyCode::Char('j'));
    }
    press(&mut m, &mut store, KeyCode::Enter);
    let Some(Overlay::Form(form)) = &m.overlay else {
        panic!("Enter did not open the worksheet");
    };
    assert_eq!(form.value(qiboard::app::FieldId::Started), "2026-11-02");
    assert_eq!(form.value(qiboard::app::FieldId::Finished), "");
    // Prediction, Do, Study, then Act.
    for _ in 0..3 {
        press(&mut m, &mut store, KeyCode::Tab);
    }
    keys(&mut m, &mut store, "adopt");
    ctrl(&mut m, &mut store, 's');
    assert!(m.overlay.is_none(), "the worksheet was not saved");
    let decided = cycle(&store, reference, number);
    assert_eq!(decided.act, Some(ActDecision::Adopt));
    assert_eq!(decided.end_date, Some(today()));

    // The dates are edited in the same form, in the formats the CSV readers take.
    press(&mut m, &mut store, KeyCode::Enter);
    for _ in 0..5 {
        press(&mut m, &mut store, KeyCode::Tab);
    }
    for _ in 0..10 {
        press(&mut m, &mut store, KeyCode::Backspace);
    }
    keys(&mut m, &mut store, "1/11/2026");
    press(&mut m, &mut store, KeyCode::Tab);
    for _ in 0..10 {
        press(&mut m, &mut store, KeyCode::Backspace);
    }
    keys(&mut m, &mut store, "2026-11-21");
    ctrl(&mut m, &mut store, 's');
    assert!(m.overlay.is_none(), "the dates were not saved");
    let edited = cycle(&store, reference, number);
    assert_eq!(edited.start_date, NaiveDate::from_ymd_opt(2026, 11, 1));
    assert_eq!(edited.end_date, NaiveDate::from_ymd_opt(2026, 11, 21));
}
