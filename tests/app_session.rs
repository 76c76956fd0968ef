//! A cohort session run in the app, as a coach runs it: the pane opens on today's session,
//! teams in turn, a clock per team, and what is captured stored at once and shown. Snapshots
//! of the pane were read before they were accepted.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod app_support;

use app_support::{anchor, ctrl, demo_store, keys, model, press, screen};
use chrono::{Duration, TimeZone, Utc};
use crossterm::event::KeyCode;
use qiboard::app::Pane;
use qiboard::clock::Clock;
use qiboard::domain::ActionStatus;
use qiboard::store::{SessionDetail, Store};

const COHORT: &str = "QSIR Practitioner — Cohort 7";

/// The demo's Cohort 7 meets on the anchor day: the session the pane opens on.
fn todays_session(store: &Store) -> SessionDetail {
    let today = store
        .sessions(Some(COHORT))
        .unwrap()
        .into_iter()
        .find(|s| s.date == anchor())
        .expect("the demo has a Cohort 7 session on its anchor day");
    store.session_detail(COHORT, today.number).unwrap()
}

fn at(store: &mut Store, seconds_after_nine: i64) {
    let nine = Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
    store.set_clock(Clock::fixed(nine + Duration::seconds(seconds_after_nine)));
}

#[test]
fn the_pane_opens_on_todays_session_with_the_first_team() {
    let mut store = demo_store();
    let session = todays_session(&store);
    let first = &session.agenda[0].project;
    let mut m = model(&store, (120, 40));
    keys(&mut m, &mut store, "4");
    assert_eq!(m.pane, Pane::Session);
    let text = screen(&m);
    let teams = session.agenda.len();
    for part in [
        format!("{COHORT} · session {}", session.session.number),
        format!("team 1 of {teams}"),
        first.reference.to_string(),
        first.title.clone(),
        "Aim".to_string(),
        "Open actions".to_string(),
        "Since last session".to_string(),
        "8:00 per team".to_string(),
    ] {
        assert!(text.contains(&part), "{part} missing:\n{text}");
    }
    insta::assert_snapshot!("session_120x40", text);
    m.size = (80, 24);
    insta::assert_snapshot!("session_80x24", screen(&m));
}

#[test]
fn a_whole_session_next_team_a_note_and_an_action_stored_at_once() {
    let mut store = demo_store();
    let session = todays_session(&store);
    let second = session.agenda[1].project.clone();
    let mut m = model(&store, (120, 40));
    keys(&mut m, &mut store, "4l");
    assert!(screen(&m).contains("team 2 of"), "{}", screen(&m));

    // A note on the team presenting, without leaving the pane.
    keys(&mut m, &mut store, "n");
    keys(
        &mut m,
        &mut store,
        "Night staff agreed to trial the new handover",
    );
    ctrl(&mut m, &mut store, 's');
    let detail = store.project_detail(second.reference).unwrap();
    assert!(
        detail
            .notes
            .iter()
            .any(|n| n.text == "Night staff agreed to trial the new handover"),
        "the note was not stored on {}",
        second.reference
    );
    assert_eq!(m.pane, Pane::Session);
    assert!(
        screen(&m).contains("note: Night staff agreed"),
        "the note does not show under what happened:\n{}",
        screen(&m)
    );

    // An action: its owner is the lead unless the coach says otherwise, raised in this session.
    let before = detail.actions.len();
    keys(&mut m, &mut store, "a");
    keys(&mut m, &mut store, "Audit ten handovers");
    ctrl(&mut m, &mut store, 's');
    let actions = store.project_detail(second.reference).unwrap().actions;
    assert_eq!(actions.len(), before + 1);
    let raised = actions.last().unwrap();
    assert_eq!(raised.text, "Audit ten handovers");
    assert_eq!(raised.owner, second.lead);
    assert_eq!(raised.status, ActionStatus::Open);
    assert_eq!(
        raised.session,
        Some((COHORT.to_string(), session.session.number))
    );
    let text = screen(&m);
    assert!(
        text.contains("Audit ten handovers"),
        "the action is not among the open ones:\n{text}"
    );

    let open = |n: usize| format!("Open actions ({n})");
    let open_before = store
        .project_detail(second.reference)
        .unwrap()
        .actions
        .iter()
        .filter(|a| a.status == ActionStatus::Open)
        .count();
    assert!(text.contains(&open(open_before)), "{text}");
    // Undo takes the action back, and the pane shows it gone.
    keys(&mut m, &mut store, "u");
    assert_eq!(
        store
            .project_detail(second.reference)
            .unwrap()
            .actions
            .len(),
        before
    );
    assert!(
        screen(&m).contains(&open(open_before - 1)),
        "{}",
        screen(&m)
    );
}

#[test]
fn the_clock_counts_down_per_team_and_says_when_time_is_up() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    keys(&mut m, &mut store, "4");
    at(&mut store, 0);
    press(&mut m, &mut store, KeyCode::Char(' '));
    at(&mut store, 3 * 60 + 12);
    m.tick(&mut store);
    assert!(screen(&m).contains("04:48 left of 8:00"), "{}", screen(&m));
    // Paused, it stands still.
    press(&mut m, &mut store, KeyCode::Char(' '));
    at(&mut store, 6 * 60);
    m.tick(&mut store);
    assert!(screen(&m).contains("04:48 left of 8:00 · paused"));
    // Running again and past the team's time: said, not rung.
    press(&mut m, &mut store, KeyCode::Char(' '));
    // 192 s used; 330 s more is 42 s past the 480 allowed.
    at(&mut store, 6 * 60 + 330);
    m.tick(&mut store);
    let text = screen(&m);
    assert!(text.contains("TIME UP · 00:42 over 8:00"), "{text}");
    // The next team starts with its whole time, the clock stopped.
    keys(&mut m, &mut store, "l");
    assert!(screen(&m).contains("8:00 per team"), "{}", screen(&m));
}

#[test]
fn the_agenda_reorders_and_a_team_is_kept_as_not_covered() {
    let mut store = demo_store();
    let session = todays_session(&store);
    let number = session.session.number;
    let (first, second) = (
        session.agenda[0].project.reference,
        session.agenda[1].project.reference,
    );
    let mut m = model(&store, (120, 40));
    keys(&mut m, &mut store, "4J");
    let agenda = store.session_detail(COHORT, number).unwrap().agenda;
    assert_eq!(
        (agenda[0].project.reference, agenda[1].project.reference),
        (second, first)
    );
    // The pane stays on the team that moved.
    assert!(screen(&m).contains("team 2 of"), "{}", screen(&m));
    keys(&mut m, &mut store, "x");
    let agenda = store.session_detail(COHORT, number).unwrap().agenda;
    assert!(agenda[1].skipped && !agenda[0].skipped);
    let text = screen(&m);
    assert!(text.contains(&format!("{first} not covered:")), "{text}");
    assert!(text.contains(&format!("{first}×")), "{text}");
    // Back on the agenda with the same key.
    keys(&mut m, &mut store, "x");
    assert!(!store.session_detail(COHORT, number).unwrap().agenda[1].skipped);
}

#[test]
fn the_register_marks_participants_present_or_absent() {
    let mut store = demo_store();
    let number = todays_session(&store).session.number;
    let participants = store.cohort_overview(COHORT).unwrap().participants;
    let mut m = model(&store, (120, 40));
    keys(&mut m, &mut store, "4A");
    assert!(screen(&m).contains("Register"), "{}", screen(&m));
    // First present, second absent, the rest not taken.
    press(&mut m, &mut store, KeyCode::Right);
    press(&mut m, &mut store, KeyCode::Tab);
    press(&mut m, &mut store, KeyCode::Right);
    press(&mut m, &mut store, KeyCode::Right);
    ctrl(&mut m, &mut store, 's');
    let attendance = store.session_detail(COHORT, number).unwrap().attendance;
    let mark = |name: &str| {
        attendance
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.present)
    };
    assert_eq!(mark(&participants[0].name), Some(true));
    assert_eq!(mark(&participants[1].name), Some(false));
    assert_eq!(attendance.len(), 2, "{attendance:?}");
    assert!(screen(&m).contains("present 1 of 2"), "{}", screen(&m));
}

#[test]
fn the_act_decision_key_opens_the_latest_cycle_on_its_act() {
    let mut store = demo_store();
    let session = todays_session(&store);
    let (i, team) = session
        .agenda
        .iter()
        .enumerate()
        .find(|(_, t)| !store.pdsa_cycles(t.project.reference).unwrap().is_empty())
        .expect("a team with a PDSA cycle");
    let latest = store
        .pdsa_cycles(team.project.reference)
        .unwrap()
        .into_iter()
        .map(|c| c.number)
        .max()
        .unwrap();
    let mut m = model(&store, (120, 40));
    keys(&mut m, &mut store, "4");
    keys(&mut m, &mut store, &"l".repeat(i));
    keys(&mut m, &mut store, "D");
    let text = screen(&m);
    assert!(text.contains(&format!("PDSA {latest}")), "{text}");
    assert!(text.contains("Act"), "{text}");
}

#[test]
fn with_no_session_to_come_the_pane_offers_to_plan_one() {
    let clock = Clock::fixed(Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap());
    let mut store = Store::open_in_memory(clock).unwrap();
    store
        .add_cohort(
            "Leading Improvement — Cohort 3",
            "Leading Improvement",
            None,
        )
        .unwrap();
    let mut m = model(&store, (120, 40));
    keys(&mut m, &mut store, "4");
    let text = screen(&m);
    assert!(
        text.contains("No cohort session today or to come — P plans one"),
        "{text}"
    );
    // The session's own keys say why they cannot act, rather than nothing.
    keys(&mut m, &mut store, "l");
    assert!(
        screen(&m).contains("No cohort session to run"),
        "{}",
        screen(&m)
    );
    keys(&mut m, &mut store, "P");
    insta::assert_snapshot!("session_plan_form_120x40", screen(&m));
    // The form opens on the date, today's: a title and the save plan it.
    press(&mut m, &mut store, KeyCode::Tab);
    keys(&mut m, &mut store, "Measurement for improvement");
    ctrl(&mut m, &mut store, 's');
    let sessions = store.sessions(None).unwrap();
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0].date, anchor());
    assert_eq!(sessions[0].title, "Measurement for improvement");
    assert!(
        screen(&m).contains("Leading Improvement — Cohort 3 · session 1"),
        "{}",
        screen(&m)
    );
}

#[test]
fn detail_lists_a_projects_actions_and_space_marks_one_done() {
    let mut store = demo_store();
    let overdue = store
        .actions(&qiboard::store::ActionFilter {
            overdue: true,
            ..Default::default()
        })
        .unwrap();
    let chased = overdue
        .first()
        .expect("the demo has overdue actions")
        .clone();
    let flagged = |store: &Store| {
        store
            .board(&Default::default())
            .unwrap()
            .into_iter()
            .flat_map(|c| c.cards)
            .find(|c| c.reference == chased.project)
            .unwrap()
            .overdue_actions
    };
    let on_the_card = flagged(&store);
    assert!(
        on_the_card >= 1,
        "the board card does not count the overdue action"
    );
    let mut m = model(&store, (120, 40));
    // Find the project, open it, then its Actions section.
    keys(&mut m, &mut store, "/");
    keys(&mut m, &mut store, &chased.project.to_string());
    press(&mut m, &mut store, KeyCode::Enter);
    press(&mut m, &mut store, KeyCode::Enter);
    while !screen(&m).contains("▸Actions") {
        keys(&mut m, &mut store, "l");
    }
    let text = screen(&m);
    assert!(text.contains("OVERDUE"), "{text}");
    assert!(text.contains(&chased.text), "{text}");
    let row = store
        .project_detail(chased.project)
        .unwrap()
        .actions
        .iter()
        .position(|a| a.number == chased.number)
        .unwrap();
    keys(&mut m, &mut store, &"j".repeat(row));
    keys(&mut m, &mut store, " ");
    let now = store.project_detail(chased.project).unwrap().actions;
    let done = now.iter().find(|a| a.number == chased.number).unwrap();
    assert_eq!(done.status, ActionStatus::Done);
    assert_eq!(done.closed, Some(anchor()));
    assert_eq!(
        flagged(&store),
        on_the_card - 1,
        "done is no longer overdue"
    );
}

#[test]
fn metrics_count_each_coachs_open_and_overdue_actions() {
    let mut store = demo_store();
    let count = |overdue: bool| {
        store
            .actions(&qiboard::store::ActionFilter {
                open: true,
                overdue,
                ..Default::default()
            })
            .unwrap()
            .len()
    };
    let (open, overdue) = (count(false), count(true));
    assert!(overdue > 0 && open > overdue);
    let m = store
        .portfolio_metrics(&Default::default(), anchor(), 6)
        .unwrap();
    let sum = m
        .actions_by_coach
        .values()
        .fold((0, 0), |(a, b), (o, d)| (a + o, b + d));
    assert_eq!(sum, (open, overdue));
    let (coach, (o, d)) = m
        .actions_by_coach
        .iter()
        .find(|(c, (_, d))| !c.is_empty() && *d > 0)
        .unwrap();
    let mut app = model(&store, (120, 40));
    keys(&mut app, &mut store, "3");
    let text = screen(&app);
    assert!(
        text.contains(&format!("{coach} ({o}, ⚑{d})")),
        "{coach}'s actions missing:\n{text}"
    );
}

#[test]
fn r_in_the_session_writes_its_summary_with_what_was_just_captured() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_store();
    let session = todays_session(&store);
    let mut m = model(&store, (120, 40));
    m.config.exports = Some(dir.path().to_path_buf());
    keys(&mut m, &mut store, "4n");
    keys(
        &mut m,
        &mut store,
        "Team agreed to test the new form on one ward",
    );
    ctrl(&mut m, &mut store, 's');
    keys(&mut m, &mut store, "R");
    let status = m.status.as_ref().unwrap();
    assert_eq!(
        status.text,
        format!("Session {}'s summary written to", session.session.number)
    );
    let name = format!(
        "session-{}-{}-{}.html",
        qiboard::exchange::files::safe_name(COHORT),
        session.session.number,
        m.today
    );
    let html = std::fs::read_to_string(dir.path().join(name)).unwrap();
    assert!(html.contains("Team agreed to test the new form on one ward"));
    for team in &session.agenda {
        assert!(
            html.contains(&team.project.title),
            "{} missing",
            team.project.title
        );
    }
}

#[test]
fn someone_new_on_the_register_is_enrolled_and_marked_present_in_one_change() {
    let mut store = demo_store();
    let number = todays_session(&store).session.number;
    let participants = store.cohort_overview(COHORT).unwrap().participants.len();
    let changes = store.history(None, 1000).unwrap().len();
    let mut m = model(&store, (120, 40));
    keys(&mut m, &mut store, "4A");
    for _ in 0..participants {
        press(&mut m, &mut store, KeyCode::Tab);
    }
    keys(&mut m, &mut store, "Rory Williams");
    ctrl(&mut m, &mut store, 's');
    let overview = store.cohort_overview(COHORT).unwrap();
    let rory = overview
        .participants
        .iter()
        .find(|p| p.name == "Rory Williams")
        .expect("enrolled");
    assert!(rory.enrolled && rory.attended == [number]);
    assert_eq!(store.history(None, 1000).unwrap().len(), changes + 1);
    // One undo takes back the enrolment and the mark together.
    keys(&mut m, &mut store, "u");
    let overview = store.cohort_overview(COHORT).unwrap();
    assert!(
        !overview
            .participants
            .iter()
            .any(|p| p.name == "Rory Williams")
    );
    let attendance = store.session_detail(COHORT, number).unwrap().attendance;
    assert!(attendance.is_empty(), "{attendance:?}");
}
