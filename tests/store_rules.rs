//! The store's promises, checked through its API: validation, conflicts, undo of whole
//! changes, and a lossless JSON round trip for any text a user may type (proptest).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use qiboard::clock::Clock;
use qiboard::domain::CharterField;
use qiboard::domain::{Direction, MeasureKind, ProgressScore, ProjectRef, Status};
use qiboard::exchange::json;
use qiboard::store::{MoveWarning, NewMeasure, NewProject, Store, StoreError};

fn clock() -> Clock {
    Clock::fixed(Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap())
}

fn store() -> Store {
    Store::open_in_memory(clock()).unwrap()
}

fn project(store: &mut Store, title: &str) -> ProjectRef {
    store
        .add_project(&NewProject {
            title: title.into(),
            ..Default::default()
        })
        .unwrap()
}

#[test]
fn a_change_made_elsewhere_since_reading_is_refused_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.sqlite3");
    let mut app = Store::open(&path, clock()).unwrap();
    let mut script = Store::open(&path, clock()).unwrap();
    let reference = project(&mut app, "Falls");
    let seen = app.board(&Default::default()).unwrap()[0].cards[0].version;
    script
        .edit_project(
            reference,
            &[(CharterField::Title, "Falls on Ward 10".into())],
            None,
        )
        .unwrap();
    let refused = app.set_status(reference, Status::OnHold, Some(seen));
    assert!(
        matches!(refused, Err(StoreError::Conflict(_))),
        "{refused:?}"
    );
    let row = &app.list_projects(&Default::default()).unwrap()[0];
    assert_eq!(row.title, "Falls on Ward 10");
    assert_eq!(row.status, Status::Active);
}

#[test]
fn undo_is_refused_when_the_row_changed_outside_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.sqlite3");
    let mut store = Store::open(&path, clock()).unwrap();
    let reference = project(&mut store, "Falls");
    store.set_status(reference, Status::Stopped, None).unwrap();
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute("UPDATE projects SET title = 'changed by hand'", [])
        .unwrap();
    let refused = store.undo();
    assert!(
        matches!(refused, Err(StoreError::Conflict(_))),
        "{refused:?}"
    );
    assert_eq!(
        store.list_projects(&Default::default()).unwrap()[0].status,
        Status::Stopped
    );
}

#[test]
fn a_project_summary_tracks_its_latest_data_and_undo_restores_it() {
    let mut store = store();
    let reference = project(&mut store, "DNA rates");
    store
        .add_measure(
            reference,
            &NewMeasure {
                name: "DNA rate".into(),
                kind: MeasureKind::Outcome,
                direction: Direction::Decrease,
                definition: String::new(),
                unit: "%".into(),
                source: String::new(),
                frequency: "monthly".into(),
                target: Some(8.0),
            },
        )
        .unwrap();
    let date = |m| NaiveDate::from_ymd_opt(2026, m, 1).unwrap();
    store
        .record_point(reference, "DNA rate", date(3), 12.0, "")
        .unwrap();
    store
        .record_point(reference, "DNA rate", date(5), 11.0, "")
        .unwrap();
    let last = |s: &Store| s.measures(reference).unwrap()[0].last_date;
    assert_eq!(last(&store), Some(date(5)));
    store.undo().unwrap();
    assert_eq!(last(&store), Some(date(3)));
    let dump = json::to_json(&store.dump().unwrap());
    assert!(
        dump.contains("\"last_data\": \"2026-03-01\""),
        "summary column not restored"
    );
}

#[test]
fn reorder_does_not_count_as_an_update() {
    let mut store = store();
    let first = project(&mut store, "A");
    let second = project(&mut store, "B");
    let before = store.list_projects(&Default::default()).unwrap()[1]
        .updated
        .clone();
    // A day passes: a change now would stamp a different time.
    store.set_clock(Clock::fixed(
        Utc.with_ymd_and_hms(2026, 11, 24, 9, 0, 0).unwrap(),
    ));
    assert!(store.reorder_project(second, -1).unwrap());
    assert!(
        !store.reorder_project(second, -1).unwrap(),
        "moved past the top"
    );
    let board = store.board(&Default::default()).unwrap();
    let order: Vec<ProjectRef> = board[0].cards.iter().map(|c| c.reference).collect();
    assert_eq!(order, [second, first]);
    let updated = |store: &Store, reference: ProjectRef| {
        store
            .list_projects(&Default::default())
            .unwrap()
            .into_iter()
            .find(|p| p.reference == reference)
            .unwrap()
            .updated
    };
    assert_eq!(updated(&store, second), before);
    // A real change the same day does stamp it, so the clock did move.
    store
        .set_status(second, qiboard::domain::Status::OnHold, None)
        .unwrap();
    assert_ne!(updated(&store, second), before);
}

#[test]
fn a_move_over_the_wip_limit_warns_after_moving() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.sqlite3");
    let mut store = Store::open(&path, clock()).unwrap();
    // The first change creates the file.
    let a = project(&mut store, "A");
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute("UPDATE stages SET wip_limit = 1 WHERE key = 'pilot'", [])
        .unwrap();
    let b = project(&mut store, "B");
    assert!(
        store
            .move_project(a, "pilot", None)
            .unwrap()
            .warnings
            .iter()
            .all(|w| !matches!(w, MoveWarning::WipExceeded { .. }))
    );
    let outcome = store.move_project(b, "pilot", None).unwrap();
    assert_eq!(outcome.stage, "Pilot and implement");
    assert!(
        outcome
            .warnings
            .iter()
            .any(|w| w.to_string().contains("over its WIP limit (2/1)")),
        "{:?}",
        outcome.warnings
    );
}

fn round_trip(store: &Store) -> (String, String) {
    let first = json::to_json(&store.dump().unwrap());
    let mut copy = Store::open_in_memory(clock()).unwrap();
    copy.load(&json::from_json(&first).unwrap(), "import", &mut |_| {})
        .unwrap();
    (first, json::to_json(&copy.dump().unwrap()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any title that is not blank is stored exactly; a blank one is refused.
    #[test]
    fn titles_are_kept_exactly_or_refused_when_blank(title in "\\PC{0,40}|[ \\t\\n]{0,5}") {
        let mut store = store();
        let result = store.add_project(&NewProject { title: title.clone(), ..Default::default() });
        if title.trim().is_empty() {
            prop_assert!(result.is_err());
            prop_assert!(store.list_projects(&Default::default()).unwrap().is_empty());
        } else {
            prop_assert!(result.is_ok());
            prop_assert_eq!(&store.list_projects(&Default::default()).unwrap()[0].title, &title);
        }
    }

    /// A score is accepted exactly when it is one of 0.5, 1.0 … 5.0.
    #[test]
    fn scores_are_accepted_only_on_the_scale(value in -2.0f64..8.0) {
        let parsed = format!("{value}").parse::<ProgressScore>();
        let on_scale = (value * 2.0).fract() == 0.0 && (0.5..=5.0).contains(&value);
        prop_assert_eq!(parsed.is_ok(), on_scale, "{}", value);
    }

    /// Export → import → export is byte-identical whatever people typed and recorded.
    #[test]
    fn json_round_trip_is_lossless(
        titles in prop::collection::vec("\\PC{1,30}", 1..4),
        aims in prop::collection::vec("[\\PC\\n\"'\\\\]{0,40}", 1..4),
        values in prop::collection::vec(-1.0e12f64..1.0e12, 0..12),
        scores in prop::collection::vec(1i64..=10, 0..3),
    ) {
        let mut store = store();
        for (i, title) in titles.iter().enumerate() {
            if title.trim().is_empty() { continue; }
            let reference = store.add_project(&NewProject {
                title: title.clone(),
                aim: aims[i % aims.len()].clone(),
                lead: Some(format!("Lead {i}")),
                ..Default::default()
            }).unwrap();
            for halves in &scores {
                store.set_score(reference, Some(ProgressScore::from_halves(*halves).unwrap()), "me", "why", None).unwrap();
            }
            store.add_measure(reference, &NewMeasure {
                name: "m".into(), kind: MeasureKind::Process, direction: Direction::Neutral,
                definition: String::new(), unit: String::new(), source: String::new(),
                frequency: String::new(), target: values.first().copied(),
            }).unwrap();
            for (day, value) in values.iter().enumerate() {
                let date = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + chrono::Days::new(day as u64);
                store.record_point(reference, "m", date, *value, "").unwrap();
            }
        }
        let (first, second) = round_trip(&store);
        prop_assert_eq!(first, second);
    }
}

#[test]
fn opening_a_path_with_no_file_creates_nothing_until_the_first_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("folder").join("mistyped.sqlite3");
    let mut store = Store::open(&path, clock()).unwrap();
    assert!(store.is_unsaved());
    // Reads, and changes that are refused, leave no file behind.
    assert_eq!(store.board(&Default::default()).unwrap().len(), 6);
    assert!(store.list_projects(&Default::default()).unwrap().is_empty());
    assert!(matches!(store.undo(), Err(StoreError::NothingToUndo)));
    assert!(
        store
            .add_project(&NewProject {
                title: "Falls".into(),
                stage: Some("no such stage".into()),
                ..Default::default()
            })
            .is_err()
    );
    assert!(
        !path.exists(),
        "a read or a refused change created the file"
    );
    assert!(!path.parent().unwrap().exists());

    let reference = project(&mut store, "Falls");
    assert!(path.exists(), "the first change creates the file");
    let left: Vec<_> = std::fs::read_dir(dir.path().join("folder"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().contains(".new"))
        .collect();
    assert!(
        left.is_empty(),
        "the staging file was left behind: {left:?}"
    );
    assert!(!store.is_unsaved());
    // The next change goes to the file too, and another process sees both.
    store.set_status(reference, Status::OnHold, None).unwrap();
    let mut again = Store::open(&path, clock()).unwrap();
    let rows = again.list_projects(&Default::default()).unwrap();
    assert_eq!((rows.len(), rows[0].status), (1, Status::OnHold));
    // The history came with it: both changes undo from the file.
    again.undo().unwrap();
    again.undo().unwrap();
    assert!(again.list_projects(&Default::default()).unwrap().is_empty());
}

#[test]
fn a_load_into_a_path_with_no_file_writes_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.sqlite3");
    let mut store = Store::open(&path, clock()).unwrap();
    let stages = store.stage_uuids().unwrap();
    let anchor = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let portfolio = qiboard::demo::demo_portfolio(&stages, anchor);
    store.load(&portfolio, "demo", &mut |_| {}).unwrap();
    let reopened = Store::open(&path, clock()).unwrap();
    assert_eq!(
        reopened.list_projects(&Default::default()).unwrap().len(),
        store.list_projects(&Default::default()).unwrap().len()
    );
    assert!(reopened.list_projects(&Default::default()).unwrap().len() > 30);
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".new"))
        .collect();
    assert!(left.is_empty(), "staging files left behind: {left:?}");
}

/// A load in parts into a new path goes to disk as it goes; a part that is refused leaves
/// no file (and no staging file), and the portfolio is the empty one it was.
#[test]
fn a_refused_part_of_a_load_leaves_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("large.sqlite3");
    let mut store = Store::open(&path, clock()).unwrap();
    let stages = store.stage_uuids().unwrap();
    let anchor = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let good = qiboard::demo::demo_portfolio(&stages, anchor);
    let mut bad = good.clone();
    for (table, rows) in &mut bad.tables {
        if *table == "roles" {
            rows[0].insert("person".into(), "no-such-person".into());
        }
    }
    {
        let mut loader = store.loader().unwrap();
        loader.load(&good, &mut |_| {}).unwrap();
        let refused = loader.load(&bad, &mut |_| {});
        assert!(refused.is_err());
    }
    assert!(!path.exists(), "a refused load left a portfolio");
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert!(left.is_empty(), "files left behind: {left:?}");
    assert!(store.is_unsaved());
    assert!(store.is_empty().unwrap());
    // And the next load goes through whole.
    store.load(&good, "demo", &mut |_| {}).unwrap();
    assert!(path.exists());
}

#[test]
fn a_cycle_that_starts_next_week_has_not_started() {
    let mut store = store();
    let reference = project(&mut store, "Falls");
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    for start in [today, today + chrono::Duration::days(5)] {
        store
            .add_pdsa(
                reference,
                &qiboard::store::NewPdsa {
                    change_idea: "Huddle".into(),
                    start_date: Some(start),
                    ..Default::default()
                },
            )
            .unwrap();
    }
    let m = store
        .portfolio_metrics(&Default::default(), today, 6)
        .unwrap();
    let (month, started, _) = m.pdsa_by_month.last().unwrap();
    assert_eq!((month.as_str(), *started), ("2026-11", 1));
}

/// Metrics' score movement over the last 90 days: a project counts once, by its score now
/// against its score when the window opened (none counts as 0), and only if it was scored
/// inside the window.
#[test]
fn score_movement_compares_now_with_the_window_start() {
    let mut store = store();
    let at = |store: &mut Store, day: u32, month: u32| {
        store.set_clock(Clock::fixed(
            Utc.with_ymd_and_hms(2026, month, day, 9, 0, 0).unwrap(),
        ));
    };
    let score = |store: &mut Store, reference: ProjectRef, halves: &str| {
        let s: ProgressScore = halves.parse().unwrap();
        store.set_score(reference, Some(s), "", "", None).unwrap();
    };
    let [up, down, first, back, before_only] =
        ["Up", "Down", "First", "Back", "Before only"].map(|t| project(&mut store, t));
    at(&mut store, 1, 6);
    score(&mut store, up, "2");
    score(&mut store, down, "3");
    score(&mut store, back, "2");
    score(&mut store, before_only, "2");
    at(&mut store, 1, 11);
    score(&mut store, up, "3");
    score(&mut store, down, "2");
    score(&mut store, first, "1");
    score(&mut store, back, "3");
    score(&mut store, back, "2");
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let m = store
        .portfolio_metrics(&Default::default(), today, 6)
        .unwrap();
    assert_eq!((m.score_up, m.score_down, m.score_same), (2, 1, 1));
}
