//! Cohort sessions and actions from the command line: numbering, the default agenda,
//! attendance, overdue on a fixed clock (2026-11-23), JSON shapes, undo and bad input.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod common;

use common::Portfolio;
use serde_json::Value;

fn json(p: &Portfolio, args: &[&str]) -> Value {
    serde_json::from_str(&p.ok(args)).unwrap()
}

/// A cohort with three projects (one on hold, one completed), a project outside it, and a
/// cohort of the same programme whose name shares "Cohort".
fn cohort() -> Portfolio {
    let p = Portfolio::new();
    p.ok(&["cohort", "add", "QSIR Practitioner — Cohort 7"]);
    p.ok(&["cohort", "add", "QSIR Practitioner — Cohort 8"]);
    let add = |title: &str, lead: &str, stage: &str, cohort: &str| {
        p.ok(&[
            "project", "add", "--title", title, "--lead", lead, "--stage", stage, "--cohort",
            cohort,
        ]);
    };
    add(
        "Falls on Ward 10",
        "Daniel Okoye",
        "pilot",
        "QSIR Practitioner — Cohort 7",
    );
    add(
        "Discharge before noon",
        "Emma Clarke",
        "define",
        "QSIR Practitioner — Cohort 7",
    );
    add(
        "Sepsis screening",
        "Sarah Thompson",
        "measure",
        "QSIR Practitioner — Cohort 7",
    );
    add(
        "Theatre starts",
        "Tomasz Nowak",
        "define",
        "QSIR Practitioner — Cohort 8",
    );
    p.ok(&["project", "status", "2", "on hold"]);
    p.ok(&["project", "status", "3", "completed"]);
    p
}

#[test]
fn a_session_is_numbered_in_its_cohort_and_its_agenda_is_the_live_projects_in_board_order() {
    let p = cohort();
    let said = p.ok(&[
        "session",
        "add",
        "cohort 7",
        "--date",
        "2026-11-23",
        "--title",
        "Measurement",
    ]);
    assert!(
        said.contains("QSIR Practitioner — Cohort 7 session 1"),
        "{said}"
    );
    p.ok(&[
        "session",
        "add",
        "QSIR Practitioner — Cohort 7",
        "--date",
        "2026-12-21",
        "--minutes",
        "10",
    ]);
    p.ok(&["session", "add", "cohort 8", "--date", "2026-11-30"]);

    let list = json(&p, &["session", "list", "--json"]);
    let seen: Vec<(String, i64, String, i64)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["cohort"].as_str().unwrap().to_string(),
                s["number"].as_i64().unwrap(),
                s["date"].as_str().unwrap().to_string(),
                s["minutes"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                "QSIR Practitioner — Cohort 7".into(),
                1,
                "2026-11-23".into(),
                8
            ),
            (
                "QSIR Practitioner — Cohort 8".into(),
                1,
                "2026-11-30".into(),
                8
            ),
            (
                "QSIR Practitioner — Cohort 7".into(),
                2,
                "2026-12-21".into(),
                10
            ),
        ]
    );
    assert_eq!(list[0]["title"], "Measurement");

    let show = json(&p, &["session", "show", "cohort 7", "1", "--json"]);
    let agenda: Vec<&str> = show["agenda"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["ref"].as_str().unwrap())
        .collect();
    // On hold presents (earlier stage first); completed does not; nor another cohort's.
    assert_eq!(agenda, ["QI-0002", "QI-0001"]);
    assert_eq!(show["agenda"][1]["title"], "Falls on Ward 10");
    assert_eq!(show["agenda"][1]["lead"], "Daniel Okoye");
    assert_eq!(show["agenda"][1]["skipped"], false);
    assert_eq!(show["attendance"], Value::Array(vec![]));
}

#[test]
fn the_agenda_is_reordered_and_a_team_skipped_and_undo_puts_it_back() {
    let p = cohort();
    p.ok(&["session", "add", "cohort 7", "--date", "2026-11-23"]);
    p.ok(&["session", "agenda", "cohort 7", "1", "1", "3", "2"]);
    let refs = |p: &Portfolio| -> Vec<String> {
        json(p, &["session", "show", "cohort 7", "1", "--json"])["agenda"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["ref"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(refs(&p), ["QI-0001", "QI-0003", "QI-0002"]);
    p.ok(&["session", "skip", "cohort 7", "1", "3"]);
    let show = json(&p, &["session", "show", "cohort 7", "1", "--json"]);
    assert_eq!(show["agenda"][1]["skipped"], true);
    assert!(
        p.ok(&["session", "show", "cohort 7", "1"])
            .contains("not covered")
    );
    p.ok(&["undo"]);
    p.ok(&["undo"]);
    assert_eq!(refs(&p), ["QI-0002", "QI-0001"]);
}

#[test]
fn attendance_counts_for_participants_leads_and_the_enrolled() {
    let p = cohort();
    p.ok(&["session", "add", "cohort 7", "--date", "2026-10-26"]);
    p.ok(&["session", "add", "cohort 7", "--date", "2026-11-23"]);
    p.ok(&["cohort", "enrol", "cohort 7", "Kirsty Campbell"]);
    p.ok(&[
        "session",
        "attend",
        "cohort 7",
        "1",
        "daniel okoye",
        "Kirsty Campbell",
    ]);
    p.ok(&[
        "session",
        "attend",
        "cohort 7",
        "1",
        "Emma Clarke",
        "--absent",
    ]);
    p.ok(&["session", "attend", "cohort 7", "2", "Daniel Okoye"]);
    let show = json(&p, &["session", "show", "cohort 7", "1", "--json"]);
    assert_eq!(
        show["attendance"],
        serde_json::json!([
            {"name": "Daniel Okoye", "present": true},
            {"name": "Emma Clarke", "present": false},
            {"name": "Kirsty Campbell", "present": true},
        ])
    );
    let cohort = json(&p, &["cohort", "show", "cohort 7", "--json"]);
    let people: Vec<(String, i64, Vec<i64>)> = cohort["participants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["name"].as_str().unwrap().to_string(),
                x["attended"].as_i64().unwrap(),
                x["sessions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|n| n.as_i64().unwrap())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            ("Daniel Okoye".into(), 2, vec![1, 2]),
            ("Emma Clarke".into(), 0, vec![]),
            ("Kirsty Campbell".into(), 1, vec![1]),
            ("Sarah Thompson".into(), 0, vec![]),
        ]
    );
    assert_eq!(
        cohort["participants"][0]["leads"],
        serde_json::json!(["QI-0001"])
    );
    assert_eq!(cohort["participants"][2]["enrolled"], true);
    assert_eq!(cohort["sessions"].as_array().unwrap().len(), 2);
    assert_eq!(cohort["projects"].as_array().unwrap().len(), 3);
    // Enrolling twice keeps one enrolment; the text view says the count of sessions.
    p.ok(&["cohort", "enrol", "cohort 7", "kirsty campbell"]);
    let text = p.ok(&["cohort", "show", "cohort 7"]);
    assert!(
        text.contains("Kirsty Campbell") && text.contains("2 of 2"),
        "{text}"
    );
}

#[test]
fn actions_are_numbered_per_project_and_overdue_is_open_and_past_due() {
    let p = cohort();
    p.ok(&["session", "add", "cohort 7", "--date", "2026-11-09"]);
    p.ok(&[
        "action",
        "add",
        "1",
        "Brief the night team",
        "--owner",
        "Daniel Okoye",
        "--due",
        "2026-11-20",
        "--session",
        "1",
    ]);
    p.ok(&[
        "action",
        "add",
        "1",
        "Share the run chart",
        "--due",
        "2026-11-23",
    ]);
    p.ok(&[
        "action",
        "add",
        "2",
        "Book the mapping session",
        "--owner",
        "New Person",
        "--due",
        "2026-11-01",
    ]);
    p.ok(&["action", "done", "2", "1"]);

    let all = json(&p, &["action", "list", "--json"]);
    let first = all
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["ref"] == "QI-0001" && a["number"] == 1)
        .unwrap();
    assert_eq!(
        first,
        &serde_json::json!({
            "ref": "QI-0001", "number": 1, "text": "Brief the night team",
            "owner": "Daniel Okoye", "due": "2026-11-20", "status": "open", "overdue": true,
            "created": "2026-11-23T09:00:00Z", "closed": null,
            "session": {"cohort": "QSIR Practitioner — Cohort 7", "number": 1},
        })
    );
    let overdue = json(&p, &["action", "list", "--overdue", "--json"]);
    let numbers: Vec<(String, i64)> = overdue
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["ref"].as_str().unwrap().into(),
                a["number"].as_i64().unwrap(),
            )
        })
        .collect();
    // Due today is not overdue; done is not overdue however late.
    assert_eq!(numbers, [("QI-0001".to_string(), 1)]);
    let done = json(&p, &["action", "list", "2", "--json"]);
    assert_eq!(done[0]["status"], "done");
    assert_eq!(done[0]["closed"], "2026-11-23");
    assert_eq!(done[0]["owner"], "New Person");
    assert_eq!(
        json(
            &p,
            &["action", "list", "--open", "--owner", "okoye", "--json"]
        )
        .as_array()
        .unwrap()
        .len(),
        1
    );
    assert_eq!(
        json(&p, &["action", "list", "--cohort", "cohort 8", "--json"]),
        serde_json::json!([])
    );

    // project show carries them; edit clears a due date; drop closes; undo reopens.
    p.ok(&[
        "action",
        "edit",
        "1",
        "2",
        "--text",
        "Share the run chart at governance",
        "--due",
        "",
    ]);
    p.ok(&["action", "drop", "1", "2"]);
    let show = json(&p, &["project", "show", "1", "--json"]);
    assert_eq!(
        show["actions"][1]["text"],
        "Share the run chart at governance"
    );
    assert_eq!(show["actions"][1]["due"], Value::Null);
    assert_eq!(show["actions"][1]["status"], "dropped");
    p.ok(&["undo"]);
    let show = json(&p, &["project", "show", "1", "--json"]);
    assert_eq!(show["actions"][1]["status"], "open");
    let text = p.ok(&["action", "list", "--open"]);
    assert!(text.contains("OVERDUE"), "{text}");
}

#[test]
fn a_deleted_project_takes_its_actions_and_agenda_place_and_undo_returns_them() {
    let p = cohort();
    p.ok(&["session", "add", "cohort 7", "--date", "2026-11-23"]);
    p.ok(&[
        "action",
        "add",
        "1",
        "Brief the night team",
        "--session",
        "1",
    ]);
    p.ok(&["project", "delete", "1"]);
    assert_eq!(
        json(&p, &["action", "list", "--json"]),
        serde_json::json!([])
    );
    assert_eq!(
        json(&p, &["session", "show", "cohort 7", "1", "--json"])["agenda"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    p.ok(&["undo"]);
    assert_eq!(
        json(&p, &["action", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        json(&p, &["session", "show", "cohort 7", "1", "--json"])["agenda"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn merging_two_spellings_keeps_their_actions_and_attendance_once() {
    let p = cohort();
    p.ok(&["session", "add", "cohort 7", "--date", "2026-11-23"]);
    p.ok(&["person", "add", "Dan Okoye"]);
    p.ok(&[
        "session",
        "attend",
        "cohort 7",
        "1",
        "Dan Okoye",
        "Daniel Okoye",
    ]);
    p.ok(&[
        "action",
        "add",
        "1",
        "Brief the night team",
        "--owner",
        "Dan Okoye",
    ]);
    p.ok(&["person", "merge", "Dan Okoye", "Daniel Okoye"]);
    let show = json(&p, &["session", "show", "cohort 7", "1", "--json"]);
    assert_eq!(
        show["attendance"],
        serde_json::json!([{"name": "Daniel Okoye", "present": true}])
    );
    assert_eq!(
        json(&p, &["action", "list", "1", "--json"])[0]["owner"],
        "Daniel Okoye"
    );
}

#[test]
fn bad_input_names_the_bad_value_and_writes_nothing() {
    let p = cohort();
    p.ok(&["session", "add", "cohort 7", "--date", "2026-11-23"]);
    p.ok(&["action", "add", "1", "Brief the night team"]);
    let before = p.export();
    let cases: &[(&[&str], &str)] = &[
        (
            &["session", "add", "Cohort 99", "--date", "2026-11-23"],
            "unknown cohort \"Cohort 99\"",
        ),
        (
            &["session", "add", "cohort", "--date", "2026-11-23"],
            "could be any of",
        ),
        (
            &["session", "add", "cohort 7", "--date", "2026-02-30"],
            "2026-02-30",
        ),
        (
            &[
                "session",
                "add",
                "cohort 7",
                "--date",
                "2026-11-23",
                "--minutes",
                "0",
            ],
            "minutes",
        ),
        (&["session", "show", "cohort 7", "4"], "has no session 4"),
        (
            &["session", "agenda", "cohort 7", "1", "4"],
            "QI-0004 is not in QSIR Practitioner — Cohort 7",
        ),
        (
            &["session", "agenda", "cohort 7", "1", "1", "1"],
            "QI-0001 is named twice",
        ),
        (
            &["session", "agenda", "cohort 7", "1", "99"],
            "unknown project QI-0099",
        ),
        (
            &["session", "attend", "cohort 7", "1", "Nobody Here"],
            "no one called \"Nobody Here\"",
        ),
        (
            &["action", "add", "1", "   "],
            "action text must not be blank",
        ),
        (
            &["action", "add", "99", "Something"],
            "unknown project QI-0099",
        ),
        (
            &["action", "add", "4", "Something", "--session", "1"],
            "QSIR Practitioner — Cohort 8 has no session 1",
        ),
        (
            &["action", "add", "1", "Something", "--due", "31/02/2026"],
            "31/02/2026",
        ),
        (&["action", "done", "1", "7"], "QI-0001 has no action 7"),
        (&["action", "edit", "1", "1"], "say what to change"),
        (
            &["action", "list", "--owner", "Nobody"],
            "no one called \"Nobody\"",
        ),
        (
            &["action", "list", "--cohort", "Cohort 99"],
            "unknown cohort",
        ),
        (&["cohort", "show", "Cohort 99"], "unknown cohort"),
        (&["cohort", "enrol", "cohort 7", " "], "blank"),
    ];
    for (args, says) in cases {
        let out = p.cmd().args(*args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?} said {err:?}, not {says:?}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
    }
    assert_eq!(p.export(), before, "bad input wrote something");
}

/// The session's summary as a coach leaves the room with it: attendance, each team in
/// agenda order with its score before and after, what was captured, teams not covered, the
/// cohort's open actions; typed text escaped; HTML and Markdown.
#[test]
fn session_report_summarises_the_session_in_html_and_markdown() {
    let p = cohort();
    p.ok(&["session", "add", "Cohort 7", "--date", "2026-10-26"]);
    p.ok(&[
        "session",
        "add",
        "Cohort 7",
        "--date",
        "2026-11-23",
        "--title",
        "Team reviews",
    ]);
    p.ok(&["session", "agenda", "Cohort 7", "2", "QI-0002", "QI-0001"]);
    p.ok(&["session", "attend", "Cohort 7", "2", "Daniel Okoye"]);
    p.ok(&[
        "session",
        "attend",
        "Cohort 7",
        "2",
        "Emma Clarke",
        "--absent",
    ]);
    p.ok(&["session", "skip", "Cohort 7", "2", "QI-0002"]);
    p.ok(&["project", "score", "QI-0001", "3.0"]);
    p.ok(&[
        "note",
        "add",
        "QI-0001",
        "Ward sister <b>presented</b> the run chart",
    ]);
    p.ok(&[
        "action",
        "add",
        "QI-0001",
        "Spread to <Ward 11>",
        "--due",
        "2026-11-01",
    ]);

    let file = p.path("summary.html");
    let said = p.ok(&[
        "session",
        "report",
        "Cohort 7",
        "2",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert!(said.contains("summary.html"), "{said}");
    let html = std::fs::read_to_string(&file).unwrap();
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| -> Vec<String> {
        page.select(&scraper::Selector::parse(css).unwrap())
            .map(|e| e.text().collect::<String>())
            .collect()
    };
    assert_eq!(
        select("h1"),
        ["QSIR Practitioner — Cohort 7 · session 2 — 23 November 2026"]
    );
    let attendance = select("table")[0].clone();
    assert!(
        attendance.contains("Present (1)Daniel Okoye"),
        "{attendance}"
    );
    assert!(attendance.contains("Absent (1)Emma Clarke"), "{attendance}");
    // Teams in agenda order, the skipped one said so.
    let teams = select("div.team h3");
    assert_eq!(teams.len(), 2);
    assert!(teams[0].starts_with("1. QI-0002") && teams[0].ends_with("not covered"));
    assert!(teams[1].starts_with("2. QI-0001"), "{teams:?}");
    let falls = select("div.team")[1].clone();
    assert!(falls.contains("score – → 3.0"), "{falls}");
    assert!(
        falls.contains("note: Ward sister <b>presented</b> the run chart"),
        "{falls}"
    );
    // Typed markup is text, never markup.
    assert!(!html.contains("<b>presented"), "typed HTML got through");
    assert!(html.contains("&lt;Ward 11&gt;"));
    // The cohort's open actions, overdue said in words.
    let open = select("table").last().unwrap().clone();
    assert!(open.contains("Spread to <Ward 11>"), "{open}");
    assert!(open.contains("2026-11-01 (overdue)"), "{open}");
    assert!(html.contains("@media print"));

    let md = p.ok(&[
        "session", "report", "Cohort 7", "2", "--format", "md", "--output", "-",
    ]);
    assert!(
        md.starts_with("# QSIR Practitioner — Cohort 7 · session 2"),
        "{md}"
    );
    assert!(md.contains("- **Present (1)**: Daniel Okoye"), "{md}");
    assert!(
        md.contains("### 1. QI-0002 Discharge before noon — not covered"),
        "{md}"
    );
    assert!(md.contains("\\<Ward 11\\>"), "{md}");
    assert!(md.contains("**2026-11-01 (overdue)**"), "{md}");
}

#[test]
fn session_report_of_a_session_that_does_not_exist_writes_nothing() {
    let p = cohort();
    p.ok(&["session", "add", "Cohort 7", "--date", "2026-11-23"]);
    let file = p.path("summary.html");
    for (args, said) in [
        (vec!["Cohort 9", "1"], "Cohort 9"),
        (vec!["Cohort 7", "4"], "session 4"),
    ] {
        let out = p
            .cmd()
            .args(["session", "report"])
            .args(&args)
            .args(["--output", file.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(said), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(!file.exists());
    }
}
