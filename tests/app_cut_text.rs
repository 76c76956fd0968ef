//! Text that does not fit is cut with a mark, never silently at the edge, and the selected
//! row of a list shows whole.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod app_support;

use app_support::{demo_store, model, press, screen};
use crossterm::event::KeyCode;
use qiboard::app::Section;
use qiboard::store::Store;

/// The demo project with the longest score reason, open in Detail at its Score history.
fn score_history(store: &mut Store, size: (u16, u16)) -> (qiboard::app::Model, String, usize) {
    let (reference, why, row) = store
        .list_projects(&Default::default())
        .unwrap()
        .into_iter()
        .filter_map(|p| {
            let d = store.project_detail(p.reference).ok()?;
            let newest_first: Vec<_> = d.scores.iter().rev().collect();
            let (row, s) = newest_first
                .iter()
                .enumerate()
                .max_by_key(|(_, s)| s.why.len())?;
            Some((p.reference, s.why.clone(), row))
        })
        .max_by_key(|(_, why, _)| why.len())
        .unwrap();
    let mut m = model(store, size);
    assert!(m.board.select(reference));
    press(&mut m, store, KeyCode::Enter);
    while m.detail.as_ref().unwrap().section != Section::Scores {
        press(&mut m, store, KeyCode::Char('l'));
    }
    (m, why, row)
}

#[test]
fn a_long_score_reason_is_marked_as_cut_and_shown_whole_when_selected() {
    let mut store = demo_store();
    let (mut m, why, row) = score_history(&mut store, (80, 24));
    // Another row is selected: the long reason is cut, with a mark.
    if row == 0 {
        press(&mut m, &mut store, KeyCode::Char('j'));
    }
    let text = screen(&m);
    let words: Vec<&str> = why.split(' ').collect();
    let last_words = words[words.len().saturating_sub(2)..].join(" ");
    assert!(
        !text.contains(&last_words),
        "{why:?} fits: pick a longer one\n{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.contains('…') && l.contains(why.split(' ').next().unwrap())),
        "no row is marked as cut:\n{text}"
    );
    // Selected, it shows whole, wrapped.
    for _ in 0..20 {
        press(&mut m, &mut store, KeyCode::Char('k'));
    }
    for _ in 0..row {
        press(&mut m, &mut store, KeyCode::Char('j'));
    }
    let text = screen(&m);
    let flat: String = text
        .lines()
        .map(|l| l.trim_matches(|c| c == '│' || c == ' ' || c == '▸'))
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains(&last_words), "{why:?} not whole:\n{text}");
}

#[test]
fn ramp_names_are_cut_with_a_mark() {
    let mut store = demo_store();
    // The project with the longest change idea.
    let reference = store
        .list_projects(&Default::default())
        .unwrap()
        .into_iter()
        .max_by_key(|p| {
            let cycles = store.pdsa_cycles(p.reference).unwrap();
            cycles
                .iter()
                .map(|c| c.change_idea.len())
                .max()
                .unwrap_or(0)
        })
        .unwrap()
        .reference;
    let mut m = model(&store, (80, 24));
    assert!(m.board.select(reference));
    press(&mut m, &mut store, KeyCode::Enter);
    while m.detail.as_ref().unwrap().section != Section::Pdsa {
        press(&mut m, &mut store, KeyCode::Char('l'));
    }
    let text = screen(&m);
    let heads: Vec<&str> = text.lines().filter(|l| l.contains('◆')).collect();
    assert!(!heads.is_empty(), "no ramp heads (◆):\n{text}");
    assert!(
        heads.iter().any(|l| l.contains('…')),
        "the demo's longest ramp name fits 80 columns:\n{text}"
    );
    for line in heads {
        let cell = line.split('│').nth(1).unwrap_or_default().trim_end();
        let idea = cell.trim_start_matches([' ', '▸', '◆']).trim();
        let d = m.detail.as_ref().unwrap();
        let whole = d.detail.pdsa_cycles.iter().any(|c| c.change_idea == idea);
        assert!(whole || idea.ends_with('…'), "cut with no mark: {line}");
    }
}
