use std::collections::{BTreeSet, HashMap};

use chrono::{NaiveDate, TimeZone, Utc};
use serde_json::Value as Json;

use super::*;
use crate::clock::Clock;
use crate::domain::{ProjectRef, Status};
use crate::store::{Portfolio, ProjectFilter, Store};

fn anchor() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn store() -> Store {
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    Store::open_in_memory(Clock::fixed(now)).unwrap()
}

fn loaded_demo() -> Store {
    let mut store = store();
    let portfolio = demo_portfolio(&store.stage_uuids().unwrap(), anchor());
    store.load(&portfolio, "demo", &mut |_| {}).unwrap();
    store
}

fn rows<'a>(portfolio: &'a Portfolio, table: &str) -> &'a [crate::store::BulkRow] {
    &portfolio
        .tables
        .iter()
        .find(|(t, _)| *t == table)
        .unwrap()
        .1
}

fn field<'a>(row: &'a crate::store::BulkRow, name: &str) -> &'a str {
    row.get(name).and_then(Json::as_str).unwrap_or_default()
}

#[test]
fn every_catalogue_entry_is_complete() {
    let entries = catalogue::entries();
    assert_eq!(entries.len(), 40);
    for e in &entries {
        assert!(
            !e.problem.is_empty() && e.aim.contains("{by}"),
            "{}",
            e.title
        );
        assert!(!e.scope_in.is_empty() && !e.scope_out.is_empty() && !e.risks.is_empty());
        assert!(!e.division.is_empty() && !e.department.is_empty());
        if e.stage >= 3 {
            assert!(!e.measures.is_empty(), "{} needs measures", e.title);
        }
        if e.stage >= 4 {
            assert!(
                !e.ideas.is_empty() && !e.drivers.is_empty(),
                "{} needs a diagram",
                e.title
            );
        }
        let secondaries: usize = e.drivers.iter().map(|d| d.1.len()).sum();
        assert!(
            e.ideas
                .iter()
                .flat_map(|i| &i.drivers)
                .all(|&d| d >= 1 && d <= secondaries)
        );
    }
}

#[test]
fn demo_spans_the_whole_portfolio() {
    let store = loaded_demo();
    let projects = store.list_projects(&ProjectFilter::default()).unwrap();
    assert!(
        (35..=45).contains(&projects.len()),
        "{} projects",
        projects.len()
    );
    assert!(
        projects.iter().all(|p| p.lead.is_some()),
        "every project has a lead"
    );
    let board = store.board(&ProjectFilter::default()).unwrap();
    assert_eq!(board.len(), 6);
    for column in &board {
        assert!(!column.cards.is_empty(), "{} is empty", column.stage.name);
        let positions: Vec<i64> = (1..=column.cards.len() as i64).collect();
        let stored: Vec<i64> = column
            .cards
            .iter()
            .map(|c| store.project_detail(c.reference).unwrap().project.position)
            .collect();
        assert_eq!(stored, positions);
    }
    let statuses: BTreeSet<&str> = projects.iter().map(|p| p.status.key()).collect();
    assert_eq!(statuses.len(), 4, "{statuses:?}");
    let active = projects
        .iter()
        .filter(|p| p.status == Status::Active)
        .count();
    assert!(active * 3 > projects.len() * 2, "mostly active");
    assert_eq!(store.cohorts().unwrap().len(), 3);
    assert!(store.people().unwrap().len() >= 20);
    let stale = projects
        .iter()
        .filter(|p| p.updated.as_str() < "2026-10-12")
        .count();
    assert!(stale >= 3, "some projects are stale");
    assert!(store.next_ref().unwrap() as usize == projects.len() + 1);
}

#[test]
fn projects_carry_teams_scores_diagrams_cycles_and_measures() {
    let store = loaded_demo();
    let (mut ramps, mut benefits, mut linked, mut running, mut rebased) = (0, 0, 0, 0, 0);
    let mut acts = BTreeSet::new();
    for row in store.list_projects(&ProjectFilter::default()).unwrap() {
        let d = store.project_detail(row.reference).unwrap();
        let roles: Vec<&str> = d.team.iter().map(|m| m.role.key()).collect();
        assert_eq!(roles.iter().filter(|r| **r == "lead").count(), 1);
        assert!(roles.contains(&"sponsor"));
        if let Some(score) = d.project.score {
            assert_eq!(
                d.scores.last().unwrap().score,
                Some(score),
                "{}",
                d.project.title
            );
        }
        for m in &d.measures {
            assert!(
                (12..=36).contains(&m.points),
                "{}: {} points",
                m.name,
                m.points
            );
            let points = store.data_points(row.reference, &m.name).unwrap();
            assert!(
                points
                    .iter()
                    .all(|p| p.date.format("%d").to_string() == "01")
            );
            assert!(points.last().unwrap().date <= anchor());
            rebased += m.rebases.len();
        }
        let mut by_number = d.pdsa_cycles.clone();
        by_number.sort_by_key(|c| c.number);
        assert!(
            by_number
                .iter()
                .enumerate()
                .all(|(i, c)| c.number == i as i64 + 1)
        );
        assert!(
            by_number
                .windows(2)
                .all(|w| w[0].start_date <= w[1].start_date)
        );
        for c in &d.pdsa_cycles {
            assert!(
                (2..=4).contains(&c.ramp_length),
                "ramp of {}",
                c.ramp_length
            );
            assert!(c.start_date.unwrap() <= anchor() && c.end_date.is_none_or(|e| e <= anchor()));
            running += usize::from(c.act.is_none());
            acts.extend(c.act.map(|a| a.key()));
            linked += usize::from(!c.measures.is_empty());
        }
        ramps += usize::from(!d.pdsa_cycles.is_empty());
        benefits += d.benefits.len();
        assert!(!d.notes.is_empty());
        assert!(!d.drivers.is_empty() || d.change_ideas.is_empty());
    }
    assert!(ramps >= 15, "{ramps} projects with PDSA ramps");
    assert_eq!(
        acts.len(),
        3,
        "adopt, adapt and abandon all appear: {acts:?}"
    );
    assert!(running >= 3 && linked >= 20 && benefits >= 10);
    assert!((1..=2).contains(&rebased));
}

/// The summary columns the board reads agree with the rows they summarise.
#[test]
fn summary_columns_match_the_rows() {
    let store = loaded_demo();
    let dump = store.dump().unwrap();
    let mut last_pdsa: HashMap<&str, &str> = HashMap::new();
    for c in rows(&dump, "pdsa_cycles") {
        let e = last_pdsa.entry(field(c, "project")).or_default();
        *e = (*e).max(field(c, "start_date"));
    }
    let mut last_data: HashMap<&str, &str> = HashMap::new();
    for p in rows(&dump, "data_points") {
        let e = last_data.entry(field(p, "project")).or_default();
        *e = (*e).max(field(p, "date"));
    }
    for project in rows(&dump, "projects") {
        let uuid = field(project, "uuid");
        assert_eq!(
            field(project, "last_pdsa"),
            last_pdsa.get(uuid).copied().unwrap_or("")
        );
        assert_eq!(
            field(project, "last_data"),
            last_data.get(uuid).copied().unwrap_or("")
        );
        assert!(field(project, "updated") >= field(project, "created"));
        let updated = field(project, "updated");
        for table in ["notes", "score_history"] {
            let key = if table == "notes" { "created" } else { "at" };
            for row in rows(&dump, table)
                .iter()
                .filter(|r| field(r, "project") == uuid)
            {
                assert!(field(row, key) <= updated, "{table} after the last update");
            }
        }
    }
}

/// Whatever the anchor (leap days, month ends, years apart), the demo loads and every date
/// in it lies on or before the anchor.
#[test]
fn the_demo_loads_for_any_anchor() {
    for (y, m, d) in [
        (2024, 2, 29),
        (2025, 1, 31),
        (2026, 3, 1),
        (2027, 12, 31),
        (2031, 6, 15),
    ] {
        let anchor = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let mut store = store();
        let portfolio = demo_portfolio(&store.stage_uuids().unwrap(), anchor);
        store.load(&portfolio, "demo", &mut |_| {}).unwrap();
        let limit = date_text(anchor);
        for (table, key) in [
            ("pdsa_cycles", "start_date"),
            ("pdsa_cycles", "end_date"),
            ("data_points", "date"),
            ("benefits", "claimed_date"),
            ("projects", "start_date"),
        ] {
            assert!(
                rows(&portfolio, table)
                    .iter()
                    .all(|r| field(r, key) <= limit.as_str()),
                "{table}.{key} after {limit}"
            );
        }
        for (table, key) in [
            ("projects", "updated"),
            ("notes", "created"),
            ("score_history", "at"),
        ] {
            assert!(
                rows(&portfolio, table)
                    .iter()
                    .all(|r| field(r, key) < format!("{limit}T23:59:59Z").as_str()),
                "{table}.{key} after {limit}"
            );
        }
    }
}

#[test]
fn the_same_anchor_gives_the_same_portfolio() {
    let (a, b) = (loaded_demo(), loaded_demo());
    let list = a.list_projects(&ProjectFilter::default()).unwrap();
    assert_eq!(list, b.list_projects(&ProjectFilter::default()).unwrap());
    for row in &list {
        let (mut x, mut y) = (
            a.project_detail(row.reference).unwrap(),
            b.project_detail(row.reference).unwrap(),
        );
        (x.project.uuid, y.project.uuid) = (String::new(), String::new());
        assert_eq!(x, y);
        for m in &x.measures {
            assert_eq!(
                a.data_points(row.reference, &m.name).unwrap(),
                b.data_points(row.reference, &m.name).unwrap()
            );
        }
    }
    let later = demo_portfolio(&a.stage_uuids().unwrap(), anchor() + chrono::Days::new(30));
    let projects = rows(&later, "projects");
    assert!(projects.iter().all(|p| field(p, "updated") > "2026-07-01"));
}

/// The demo's charts show real signals: a shift, a trend and an outlier, and plain noise.
#[test]
fn measures_show_shifts_trends_and_outliers() {
    let store = loaded_demo();
    let (mut shifts, mut trends, mut outliers, mut calm) = (0, 0, 0, 0);
    for row in store.list_projects(&ProjectFilter::default()).unwrap() {
        for m in store.measures(row.reference).unwrap() {
            let values: Vec<f64> = store
                .data_points(row.reference, &m.name)
                .unwrap()
                .iter()
                .map(|p| p.value)
                .collect();
            let mean = values.iter().sum::<f64>() / values.len() as f64;
            let ranges: Vec<f64> = values.windows(2).map(|w| (w[1] - w[0]).abs()).collect();
            let amr = ranges.iter().sum::<f64>() / ranges.len() as f64;
            let kept: Vec<f64> = ranges.into_iter().filter(|r| *r < 3.267 * amr).collect();
            let amr = kept.iter().sum::<f64>() / kept.len().max(1) as f64;
            let outside = values.iter().any(|v| (v - mean).abs() > 2.66 * amr);
            let side = run(&values, |a, _| a > mean).max(run(&values, |a, _| a < mean));
            let trend = run(&values, |a, b| a > b).max(run(&values, |a, b| a < b)) + 1;
            shifts += usize::from(side >= 7 && !m.rebases.is_empty() || side >= 9);
            trends += usize::from(trend >= 7);
            outliers += usize::from(outside && side < 7 && trend < 7);
            calm += usize::from(!outside && side < 7 && trend < 7);
        }
    }
    assert!(
        shifts >= 5 && trends >= 2 && outliers >= 2 && calm >= 5,
        "{shifts} {trends} {outliers} {calm}"
    );
}

/// The longest run of consecutive points (or steps) meeting `test`.
fn run(values: &[f64], test: impl Fn(f64, f64) -> bool) -> usize {
    let (mut best, mut now) = (0, 0);
    for (i, v) in values.iter().enumerate() {
        let previous = if i == 0 { f64::NAN } else { values[i - 1] };
        now = if test(*v, previous) { now + 1 } else { 0 };
        best = best.max(now);
    }
    best
}

#[test]
fn large_portfolio_has_the_exact_counts() {
    let portfolio = large_portfolio(&store().stage_uuids().unwrap(), anchor());
    assert_eq!(rows(&portfolio, "projects").len(), 5_000);
    assert_eq!(rows(&portfolio, "pdsa_cycles").len(), 50_000);
    assert_eq!(rows(&portfolio, "data_points").len(), 500_000);
    assert_eq!(portfolio.next_ref, 5_001);
}

/// Loading it takes a while in a debug build: `cargo test --release -- --ignored large`.
#[test]
#[ignore]
fn large_portfolio_loads_with_the_exact_counts() {
    let mut store = store();
    let started = std::time::Instant::now();
    let portfolio = large_portfolio(&store.stage_uuids().unwrap(), anchor());
    let built = started.elapsed();
    store.load(&portfolio, "demo --large", &mut |_| {}).unwrap();
    eprintln!(
        "large portfolio: built in {built:?}, loaded in {:?}",
        started.elapsed() - built
    );
    let projects = store.list_projects(&ProjectFilter::default()).unwrap();
    assert_eq!(projects.len(), 5_000);
    let board = store.board(&ProjectFilter::default()).unwrap();
    assert!(board.iter().all(|c| !c.cards.is_empty()));
    let dump = store.dump().unwrap();
    assert_eq!(rows(&dump, "pdsa_cycles").len(), 50_000);
    assert_eq!(rows(&dump, "data_points").len(), 500_000);
    let first = store.project_detail(ProjectRef(1)).unwrap();
    assert_eq!(first.pdsa_cycles.len(), 10);
    assert!(first.team.iter().any(|m| m.role.key() == "lead"));
}

#[test]
fn no_cycle_claims_more_than_every_patient() {
    let store = loaded_demo();
    for row in store.list_projects(&ProjectFilter::default()).unwrap() {
        for cycle in store.pdsa_cycles(row.reference).unwrap() {
            let text = format!("{} {}", cycle.predictions, cycle.study);
            for word in text.split_whitespace() {
                if let Some(number) = word.split('%').next().filter(|_| word.contains('%')) {
                    let share: u32 = number.trim_start_matches('(').parse().unwrap_or(0);
                    assert!(share <= 100, "{}: {text}", row.reference);
                }
            }
        }
    }
}

#[test]
fn a_cohort_meets_on_the_anchor_day_with_its_teams_actions_and_people() {
    let store = loaded_demo();
    let today: Vec<_> = store
        .sessions(None)
        .unwrap()
        .into_iter()
        .filter(|s| s.date == anchor())
        .collect();
    assert_eq!(
        today.len(),
        1,
        "one session today, so the Session pane opens on it"
    );
    let detail = store
        .session_detail(&today[0].cohort, today[0].number)
        .unwrap();
    assert!(detail.agenda.len() >= 5, "{} teams", detail.agenda.len());
    assert!(
        detail.attendance.is_empty(),
        "today's register is the coach's to take"
    );
    // A session still to come, and past ones with a register.
    let sessions = store.sessions(None).unwrap();
    assert!(sessions.iter().any(|s| s.date > anchor()));
    let past = sessions.iter().find(|s| s.date < anchor()).unwrap();
    let register = store
        .session_detail(&past.cohort, past.number)
        .unwrap()
        .attendance;
    assert!(register.iter().any(|a| a.present) && !register.is_empty());
    // Teams on today's agenda have open actions, some overdue, as real cohorts do.
    let open = store
        .actions(&crate::store::ActionFilter {
            cohort: Some(today[0].cohort.clone()),
            open: true,
            ..Default::default()
        })
        .unwrap();
    let overdue = open.iter().filter(|a| a.is_overdue(anchor())).count();
    assert!(
        overdue >= 2 && overdue < open.len(),
        "{overdue} of {}",
        open.len()
    );
    let enrolled = store
        .cohort_overview(&today[0].cohort)
        .unwrap()
        .participants
        .iter()
        .filter(|p| p.enrolled)
        .count();
    assert_eq!(enrolled, 2);
}
