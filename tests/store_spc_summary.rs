//! The card's SPC icons as the store keeps them: computed in the change's own transaction
//! from the main measure only, restored by undo and redo, filled by a load, read by the board
//! and the metrics pane's icon summary without running SPC.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

use chrono::{NaiveDate, TimeZone, Utc};
use qiboard::clock::Clock;
use qiboard::domain::{Direction, MeasureKind, ProjectRef};
use qiboard::exchange::json;
use qiboard::spc::{Assurance, Variation};
use qiboard::store::{IconGroup, NewMeasure, NewProject, ProjectFilter, Store};

fn store() -> Store {
    Store::open_in_memory(Clock::fixed(
        Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap(),
    ))
    .unwrap()
}

fn month(i: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024 + (i / 12) as i32, (i % 12) as u32 + 1, 1).unwrap()
}

/// A project with one outcome measure "Falls" holding `values` monthly from January 2024.
fn project(
    store: &mut Store,
    title: &str,
    direction: Direction,
    target: Option<f64>,
    values: &[f64],
) -> ProjectRef {
    let reference = store
        .add_project(&NewProject {
            title: title.into(),
            ..Default::default()
        })
        .unwrap();
    store
        .add_measure(
            reference,
            &NewMeasure {
                name: "Falls".into(),
                kind: MeasureKind::Outcome,
                direction,
                definition: String::new(),
                unit: String::new(),
                source: String::new(),
                frequency: String::new(),
                target,
            },
        )
        .unwrap();
    let points: Vec<(NaiveDate, f64)> = values
        .iter()
        .enumerate()
        .map(|(i, v)| (month(i), *v))
        .collect();
    if !points.is_empty() {
        store
            .import_points(reference, "Falls", &points, "")
            .unwrap();
    }
    reference
}

fn card(store: &Store, reference: ProjectRef) -> (Option<Variation>, Option<Assurance>) {
    let card = store
        .board(&ProjectFilter::default())
        .unwrap()
        .into_iter()
        .flat_map(|c| c.cards)
        .find(|c| c.reference == reference)
        .unwrap();
    (card.variation, card.assurance)
}

const STABLE: [f64; 15] = [
    10.0, 11.0, 9.0, 10.0, 12.0, 10.0, 9.0, 11.0, 10.0, 10.0, 11.0, 9.0, 10.0, 12.0, 10.0,
];

#[test]
fn a_signal_on_the_main_measure_shows_on_the_card_and_undo_takes_it_back() {
    let mut s = store();
    let r = project(&mut s, "Falls", Direction::Decrease, Some(4.0), &STABLE);
    assert_eq!(
        card(&s, r),
        (Some(Variation::CommonCause), Some(Assurance::Fail))
    );
    s.record_point(r, "Falls", month(15), 1.0, "new bed alarms")
        .unwrap();
    assert_eq!(card(&s, r).0, Some(Variation::ImprovementLow));
    let rows = s.list_projects(&ProjectFilter::default()).unwrap();
    assert_eq!(rows[0].variation, Some(Variation::ImprovementLow));
    s.undo().unwrap();
    assert_eq!(
        card(&s, r),
        (Some(Variation::CommonCause), Some(Assurance::Fail))
    );
    s.redo().unwrap();
    assert_eq!(card(&s, r).0, Some(Variation::ImprovementLow));
}

#[test]
fn only_the_main_measure_counts_and_a_rebase_or_setting_recomputes_it() {
    let mut s = store();
    let r = project(&mut s, "Falls", Direction::Increase, None, &STABLE);
    assert_eq!(card(&s, r), (Some(Variation::CommonCause), None));
    // A balancing measure with a signal does not change the card.
    s.add_measure(
        r,
        &NewMeasure {
            name: "Staff overtime".into(),
            kind: MeasureKind::Balancing,
            direction: Direction::Decrease,
            definition: String::new(),
            unit: String::new(),
            source: String::new(),
            frequency: String::new(),
            target: None,
        },
    )
    .unwrap();
    let mut overtime: Vec<(NaiveDate, f64)> = STABLE
        .iter()
        .enumerate()
        .map(|(i, v)| (month(i), *v))
        .collect();
    overtime.push((month(15), 40.0));
    s.import_points(r, "Staff overtime", &overtime, "").unwrap();
    assert_eq!(card(&s, r).0, Some(Variation::CommonCause));
    // Marked main, its concern shows; the mark is undone as one change.
    assert!(s.set_main_measure(r, "staff overtime").unwrap());
    assert_eq!(
        s.main_measure(r).unwrap().as_deref(),
        Some("Staff overtime")
    );
    assert_eq!(card(&s, r).0, Some(Variation::ConcernHigh));
    // A setting of the main measure: neutral direction gives neutral high.
    s.edit_measure(
        r,
        "Staff overtime",
        &[qiboard::store::MeasureField::Direction(Direction::Neutral)],
    )
    .unwrap();
    assert_eq!(card(&s, r).0, Some(Variation::NeutralHigh));
    // A rebase at the outlier leaves it alone in a group of one point: common cause.
    s.rebase_measure(r, "Staff overtime", month(15), "new rota")
        .unwrap();
    assert_eq!(card(&s, r).0, Some(Variation::CommonCause));
    s.undo().unwrap();
    s.undo().unwrap();
    s.undo().unwrap();
    assert_eq!(s.main_measure(r).unwrap().as_deref(), Some("Falls"));
    assert_eq!(card(&s, r).0, Some(Variation::CommonCause));
}

#[test]
fn icon_summary_counts_projects_and_names_them() {
    let mut s = store();
    let a = project(&mut s, "A", Direction::Decrease, Some(4.0), &STABLE);
    let mut rising = STABLE.to_vec();
    rising.push(30.0);
    let b = project(&mut s, "B", Direction::Increase, Some(5.0), &rising);
    let c = project(&mut s, "C", Direction::Increase, None, &[]);
    let summary = s.measure_icon_summary(&ProjectFilter::default()).unwrap();
    assert_eq!(
        (
            summary.improvement,
            summary.concern,
            summary.common_cause,
            summary.neutral,
            summary.no_data
        ),
        (1, 0, 1, 0, 1)
    );
    assert_eq!(
        (summary.pass, summary.fail, summary.hit_and_miss),
        (1, 1, 0)
    );
    assert_eq!(summary.projects(IconGroup::Improvement), &[b]);
    assert_eq!(summary.projects(IconGroup::CommonCause), &[a]);
    assert_eq!(summary.projects(IconGroup::NoData), &[c]);
    assert_eq!(summary.projects(IconGroup::Fail), &[a]);
    assert_eq!(summary.projects(IconGroup::Pass), &[b]);
    assert_eq!(summary.projects_by_icon.len(), IconGroup::ALL.len());
    for group in IconGroup::ALL {
        assert_eq!(summary.count(group), summary.projects(group).len());
    }
}

#[test]
fn a_load_fills_every_card_and_the_main_measure_survives_export_and_import() {
    let mut s = store();
    let a = project(&mut s, "A", Direction::Decrease, Some(4.0), &STABLE);
    let mut rising = STABLE.to_vec();
    rising.push(30.0);
    let b = project(&mut s, "B", Direction::Increase, Some(5.0), &rising);
    s.add_measure(
        a,
        &NewMeasure {
            name: "Audit".into(),
            kind: MeasureKind::Process,
            direction: Direction::Increase,
            definition: String::new(),
            unit: String::new(),
            source: String::new(),
            frequency: String::new(),
            target: None,
        },
    )
    .unwrap();
    let audit: Vec<(NaiveDate, f64)> = rising
        .iter()
        .enumerate()
        .map(|(i, v)| (month(i), *v))
        .collect();
    s.import_points(a, "Audit", &audit, "").unwrap();
    s.set_main_measure(a, "Audit").unwrap();
    let first = json::to_json(&s.dump().unwrap());

    let mut copy = store();
    copy.load(&json::from_json(&first).unwrap(), "import", &mut |_| {})
        .unwrap();
    assert_eq!(copy.main_measure(a).unwrap().as_deref(), Some("Audit"));
    assert_eq!(card(&copy, a), (Some(Variation::ImprovementHigh), None));
    assert_eq!(
        card(&copy, b),
        (Some(Variation::ImprovementHigh), Some(Assurance::Pass))
    );
    assert_eq!(json::to_json(&copy.dump().unwrap()), first);

    // A document without the summary (an older export) gets it computed by the load.
    let blank = first
        .replace("\"variation\": \"improvement_high\"", "\"variation\": null")
        .replace("\"assurance\": \"pass\"", "\"assurance\": null");
    assert_ne!(blank, first);
    let mut old = store();
    old.load(&json::from_json(&blank).unwrap(), "import", &mut |_| {})
        .unwrap();
    assert_eq!(
        card(&old, b),
        (Some(Variation::ImprovementHigh), Some(Assurance::Pass))
    );
    old.undo().unwrap();
    assert!(old.is_empty().unwrap());
    old.redo().unwrap();
    assert_eq!(
        card(&old, b),
        (Some(Variation::ImprovementHigh), Some(Assurance::Pass))
    );
}

#[test]
fn upgrading_a_first_schema_portfolio_fills_the_cards() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite3");
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    qiboard::store::schema::migrations()
        .to_version(&mut conn, 1)
        .unwrap();
    let mut sql = format!(
        "PRAGMA application_id = {};
         INSERT INTO stages (uuid, key, name, position) VALUES ('s1', 'start', 'Start out', 1);
         INSERT INTO meta (key, value) VALUES ('next_ref', '2');
         INSERT INTO projects (uuid, ref_no, title, stage_id, position, created, updated)
         VALUES ('p1', 1, 'Old project', 1, 1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
         INSERT INTO measures (uuid, project_id, name, kind, direction, target)
         VALUES ('m1', 1, 'Falls', 'outcome', 'decrease', 4);",
        qiboard::store::schema::APPLICATION_ID
    );
    for (i, v) in STABLE.iter().enumerate() {
        sql.push_str(&format!(
            "INSERT INTO data_points (uuid, project_id, measure_id, date, value)
             VALUES ('d{i}', 1, 1, '{}', {v});",
            month(i)
        ));
    }
    conn.execute_batch(&sql).unwrap();
    drop(conn);
    let s = Store::open(
        &path,
        Clock::fixed(Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap()),
    )
    .unwrap();
    assert_eq!(
        card(&s, ProjectRef(1)),
        (Some(Variation::CommonCause), Some(Assurance::Fail))
    );
}
