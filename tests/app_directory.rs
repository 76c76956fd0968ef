//! The portfolio's lists from the app: people (add, rename, merge two spellings), cohorts
//! and the stages' settings (WIP limit, gateway checklist), each change one undoable change.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod app_support;

use app_support::{ctrl, demo_store, keys, model, press, screen};
use crossterm::event::KeyCode;
use qiboard::app::{Action, Overlay, update};

fn directory_rows(m: &qiboard::app::Model) -> Vec<String> {
    match &m.overlay {
        Some(Overlay::Directory(d)) => d.rows.iter().map(|r| r.name.clone()).collect(),
        _ => panic!("no list open:\n{}", screen(m)),
    }
}

fn clear(m: &mut qiboard::app::Model, store: &mut qiboard::store::Store, n: usize) {
    for _ in 0..n {
        press(m, store, KeyCode::Backspace);
    }
}

#[test]
fn people_are_added_renamed_and_two_spellings_merged() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    press(&mut m, &mut store, KeyCode::Char('@'));
    let before = directory_rows(&m);
    assert!(
        screen(&m).contains("People — a adds, e renames, m merges"),
        "{}",
        screen(&m)
    );

    press(&mut m, &mut store, KeyCode::Char('a'));
    keys(&mut m, &mut store, "Dr Amira Shah");
    ctrl(&mut m, &mut store, 's');
    // Back on the list, the new name in it.
    let rows = directory_rows(&m);
    assert_eq!(rows.len(), before.len() + 1);
    assert!(rows.contains(&"Dr Amira Shah".to_string()));

    // A second spelling, merged into the first: its roles follow.
    let lead = store.list_projects(&Default::default()).unwrap()[0].clone();
    store
        .assign(lead.reference, qiboard::domain::Role::Member, "Amira Shah")
        .unwrap();
    update(&mut m, Action::People, &mut store);
    let rows = directory_rows(&m);
    let at = rows.iter().position(|r| r == "Amira Shah").unwrap();
    for _ in 0..at {
        press(&mut m, &mut store, KeyCode::Char('j'));
    }
    press(&mut m, &mut store, KeyCode::Char('m'));
    keys(&mut m, &mut store, "Dr Am");
    press(&mut m, &mut store, KeyCode::Tab);
    ctrl(&mut m, &mut store, 's');
    let rows = directory_rows(&m);
    assert!(!rows.contains(&"Amira Shah".to_string()), "{rows:?}");
    let team = store.project_detail(lead.reference).unwrap().team;
    assert!(team.iter().any(|t| t.person.name == "Dr Amira Shah"));

    // Rename: everywhere the person is named.
    let at = rows.iter().position(|r| r == "Dr Amira Shah").unwrap();
    update(&mut m, Action::Close, &mut store);
    update(&mut m, Action::People, &mut store);
    for _ in 0..at {
        press(&mut m, &mut store, KeyCode::Char('j'));
    }
    press(&mut m, &mut store, KeyCode::Char('e'));
    clear(&mut m, &mut store, "Dr Amira Shah".len());
    keys(&mut m, &mut store, "Amira Shah-Khan");
    ctrl(&mut m, &mut store, 's');
    let team = store.project_detail(lead.reference).unwrap().team;
    assert!(team.iter().any(|t| t.person.name == "Amira Shah-Khan"));
    // Undo puts the old name back: each was one change.
    press(&mut m, &mut store, KeyCode::Esc);
    press(&mut m, &mut store, KeyCode::Char('u'));
    let team = store.project_detail(lead.reference).unwrap().team;
    assert!(team.iter().any(|t| t.person.name == "Dr Amira Shah"));
}

#[test]
fn a_stages_wip_limit_and_gateway_are_set_in_one_form_and_the_board_warns() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    press(&mut m, &mut store, KeyCode::Char('W'));
    let rows = directory_rows(&m);
    assert_eq!(rows.len(), 6);
    press(&mut m, &mut store, KeyCode::Char('j'));
    press(&mut m, &mut store, KeyCode::Enter);
    // Name, WIP limit, gateway (one item a line).
    press(&mut m, &mut store, KeyCode::Tab);
    keys(&mut m, &mut store, "none");
    ctrl(&mut m, &mut store, 's');
    assert!(screen(&m).contains("at least 1"), "{}", screen(&m));
    clear(&mut m, &mut store, 4);
    keys(&mut m, &mut store, "1");
    press(&mut m, &mut store, KeyCode::Tab);
    press(&mut m, &mut store, KeyCode::Enter);
    keys(&mut m, &mut store, "Baseline agreed with the sponsor");
    ctrl(&mut m, &mut store, 's');
    let stage = store.stages().unwrap()[1].clone();
    assert_eq!(stage.wip_limit, Some(1));
    assert_eq!(
        stage.gateway.last().map(String::as_str),
        Some("Baseline agreed with the sponsor")
    );
    let history = store.history(None, 1).unwrap();
    assert!(history[0].summary.contains(&stage.name), "{:?}", history[0]);
    assert!(screen(&m).contains("WIP 1"), "{}", screen(&m));
}

#[test]
fn cohorts_are_added_and_renamed_and_only_people_merge() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    press(&mut m, &mut store, KeyCode::Char('#'));
    press(&mut m, &mut store, KeyCode::Char('m'));
    assert!(
        screen(&m).contains("Only people are merged"),
        "{}",
        screen(&m)
    );
    press(&mut m, &mut store, KeyCode::Char('a'));
    keys(&mut m, &mut store, "QSIR Practitioner — Cohort 9");
    press(&mut m, &mut store, KeyCode::Tab);
    keys(&mut m, &mut store, "QSIR Practitioner");
    press(&mut m, &mut store, KeyCode::Tab);
    keys(&mut m, &mut store, "2027-02-30");
    ctrl(&mut m, &mut store, 's');
    assert!(
        screen(&m).contains("2027-02-30"),
        "a bad date saved:\n{}",
        screen(&m)
    );
    clear(&mut m, &mut store, 2);
    keys(&mut m, &mut store, "01");
    ctrl(&mut m, &mut store, 's');
    assert!(directory_rows(&m).contains(&"QSIR Practitioner — Cohort 9".to_string()));
    let cohort = store
        .cohorts()
        .unwrap()
        .into_iter()
        .find(|c| c.name == "QSIR Practitioner — Cohort 9")
        .unwrap();
    assert_eq!(cohort.start_date.unwrap().to_string(), "2027-02-01");
}
