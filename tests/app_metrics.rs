//! Metrics never leaves rows out without saying so: at 120×40 every panel shows, a cut list
//! ends with `+N more`, names that differ at the end stay apart, a stalled project's reason
//! is never cut, and a small window shows the panels a set at a time, saying how to turn.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod app_support;

use app_support::{demo_store, model, press, screen};
use crossterm::event::KeyCode;

fn labels(rows: &[(String, usize)]) -> Vec<String> {
    rows.iter()
        .map(|(l, _)| {
            if l.is_empty() {
                "(none)".into()
            } else {
                l.clone()
            }
        })
        .collect()
}

#[test]
fn at_120_by_40_every_panel_and_every_group_shows() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    press(&mut m, &mut store, KeyCode::Char('3'));
    let text = screen(&m);
    let p = &m.metrics.as_ref().unwrap().portfolio;
    for part in [
        "Progress scores",
        "PDSA cycles per month",
        "Stalled",
        "Divisions",
        "Cohorts",
        "Coaches",
        "Benefits claimed",
    ] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
    for name in labels(&p.by_division)
        .into_iter()
        .chain(labels(&p.by_cohort))
        .chain(labels(&p.by_coach))
    {
        assert!(text.contains(&name), "{name} missing:\n{text}");
    }
    assert!(text.contains("(none)"), "{text}");
    // Each stalled project says why, whole.
    for stalled in &p.stalled {
        let row = text
            .lines()
            .find(|l| l.contains(&stalled.reference.to_string()))
            .unwrap_or_else(|| panic!("{} missing:\n{text}", stalled.reference));
        if stalled.no_pdsa {
            assert!(row.contains("no PDSA"), "{row}");
        }
    }
    // Every benefit claimed is listed (cut with … rather than dropped).
    assert!(!text.contains(" more"), "{text}");
    for (_, unit, _) in &p.benefits {
        let first = unit.split(' ').next().unwrap();
        assert!(text.contains(first), "{unit} missing:\n{text}");
    }
}

#[test]
fn a_small_window_turns_through_the_panels_and_says_how() {
    let mut store = demo_store();
    let mut m = model(&store, (80, 24));
    press(&mut m, &mut store, KeyCode::Char('3'));
    let text = screen(&m);
    assert!(
        text.contains("Panels 1/3") && text.contains("] next"),
        "{text}"
    );
    press(&mut m, &mut store, KeyCode::Char(']'));
    let text = screen(&m);
    assert!(text.contains("Panels 2/3"), "{text}");
    for part in [
        "Progress scores",
        "PDSA cycles per month",
        "Benefits claimed",
        "earlier months",
    ] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
    press(&mut m, &mut store, KeyCode::Char(']'));
    let text = screen(&m);
    let p = m.metrics.as_ref().unwrap().portfolio.clone();
    let cohort_rows: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("Cohort") || l.contains("ohort"))
        .collect();
    // Two cohorts that differ only in their number are told apart however narrow.
    let cohorts = labels(&p.by_cohort);
    for name in labels(&p.by_division).iter().chain(&labels(&p.by_coach)) {
        assert!(text.contains(name.as_str()), "{name} missing:\n{text}");
    }
    for cohort in cohorts.iter().filter(|c| c.starts_with("QSIR")) {
        let number = cohort.rsplit(' ').next().unwrap();
        assert!(
            cohort_rows
                .iter()
                .any(|l| l.contains(&format!("ohort {number}"))),
            "{cohort} not told apart:\n{text}"
        );
    }
    press(&mut m, &mut store, KeyCode::Char(']'));
    assert!(screen(&m).contains("Panels 1/3"));
    press(&mut m, &mut store, KeyCode::Char('['));
    assert!(screen(&m).contains("Panels 3/3"));
}
