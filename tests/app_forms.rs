//! Forms that help the coach type the right thing: the record form dates the value at the
//! measure's next period, the score form shows what each score means, help explains marks.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod app_support;

use app_support::{demo_store, keys, model, press, screen};
use chrono::Datelike;
use crossterm::event::KeyCode;
use qiboard::app::{Overlay, Section};

#[test]
fn the_record_form_dates_the_value_at_the_next_period_of_the_series() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    // A project whose main measure is monthly, dated on the 1st.
    let (reference, measure, last) = store
        .list_projects(&Default::default())
        .unwrap()
        .into_iter()
        .find_map(|p| {
            let name = store.main_measure(p.reference).ok()??;
            let points = store.data_points(p.reference, &name).ok()?;
            let last = points.last()?.date;
            (points.len() > 2 && points.iter().all(|pt| pt.date.day() == 1)).then_some((
                p.reference,
                name,
                last,
            ))
        })
        .expect("the demo has a monthly measure");
    assert!(m.board.select(reference));
    press(&mut m, &mut store, KeyCode::Enter);
    while m.detail.as_ref().unwrap().section != Section::Measures {
        press(&mut m, &mut store, KeyCode::Char('l'));
    }
    while m.detail.as_ref().unwrap().shown_measure().unwrap().name != measure {
        press(&mut m, &mut store, KeyCode::Char('j'));
    }
    press(&mut m, &mut store, KeyCode::Char('r'));
    let Some(Overlay::Form(form)) = &m.overlay else {
        panic!("r did not open the record form");
    };
    let next = last.checked_add_months(chrono::Months::new(1)).unwrap();
    assert_eq!(
        form.value(qiboard::app::FieldId::Date),
        next.to_string(),
        "last point {last}"
    );
    assert_eq!(form.value(qiboard::app::FieldId::Measure), measure);
}

#[test]
fn the_score_form_says_what_each_score_means() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    press(&mut m, &mut store, KeyCode::Char('s'));
    keys(&mut m, &mut store, "3");
    let text = screen(&m);
    assert!(text.contains("0.5  intent to participate"), "{text}");
    assert!(
        text.contains("5.0  outstanding sustainable results"),
        "{text}"
    );
    assert!(
        text.contains("▸  3.0  modest improvement"),
        "the typed score is not marked:\n{text}"
    );
    // A small window keeps the fields and drops the guide rather than cutting it.
    m.size = (80, 16);
    let text = screen(&m);
    assert!(!text.contains("0.5  intent to participate"), "{text}");
    assert!(text.contains("Score"), "{text}");
}

#[test]
fn help_explains_the_marks_on_cards_and_charts() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    press(&mut m, &mut store, KeyCode::Char('?'));
    // Scroll to the end of the help.
    for _ in 0..200 {
        press(&mut m, &mut store, KeyCode::Char('j'));
    }
    let text = screen(&m);
    for mark in [
        "[F]",
        "[P]",
        "[?]",
        "[I↑]",
        "[C↓]",
        "⌛ stale",
        "⏸ hold",
        "▲ on a chart",
    ] {
        assert!(text.contains(mark), "{mark} has no legend:\n{text}");
    }
    assert!(
        text.contains("assurance: consistently misses the target"),
        "{text}"
    );
}
