//! A faculty lead's day on the command line: add, move, score, undo and redo, across
//! separate processes (as after closing the terminal).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod common;

use common::Portfolio;
use predicates::prelude::*;

#[test]
fn add_move_score_then_undo_both_and_redo_one_across_restarts() {
    let p = Portfolio::new();
    let added = p.ok(&[
        "project",
        "add",
        "--title",
        "Reduce falls on Ward 10",
        "--lead",
        "Amy Pond",
        "--coach",
        "Rory Williams",
        "--cohort",
        "QSIR Cohort 7",
        "--aim",
        "Reduce inpatient falls on Ward 10 by 30% by March 2027",
    ]);
    assert_eq!(added, "QI-0001 added: Reduce falls on Ward 10\n");
    let moved = p.ok(&["project", "move", "QI-0001", "Pilot and implement"]);
    assert!(
        moved.starts_with("QI-0001 moved to Pilot and implement\n"),
        "{moved}"
    );
    p.ok(&[
        "project",
        "score",
        "qi-1",
        "2.5",
        "--note",
        "first tests done",
    ]);

    let list = p.projects_json();
    assert_eq!(list[0]["stage"], "Pilot and implement");
    assert_eq!(list[0]["score"], 2.5);
    assert_eq!(list[0]["lead"], "Amy Pond");
    assert_eq!(list[0]["coach"], "Rory Williams");
    assert_eq!(list[0]["cohort"], "QSIR Cohort 7");
    assert_eq!(list[0]["status"], "active");

    assert_eq!(p.ok(&["undo"]), "Undone: QI-0001 scored 2.5\n");
    assert_eq!(
        p.ok(&["undo"]),
        "Undone: QI-0001 moved to Pilot and implement\n"
    );
    let list = p.projects_json();
    assert_eq!(list[0]["stage"], "Start out");
    assert_eq!(list[0]["score"], serde_json::Value::Null);

    assert_eq!(
        p.ok(&["redo"]),
        "Redone: QI-0001 moved to Pilot and implement\n"
    );
    let list = p.projects_json();
    assert_eq!(list[0]["stage"], "Pilot and implement");
    assert_eq!(list[0]["score"], serde_json::Value::Null);

    // A new change drops the redo tail.
    p.ok(&["project", "status", "1", "on hold"]);
    p.cmd()
        .arg("redo")
        .assert()
        .code(1)
        .stderr("qiboard: nothing to redo\n");
    assert_eq!(p.projects_json()[0]["status"], "on_hold");
}

#[test]
fn undo_on_a_new_portfolio_says_nothing_to_undo() {
    let p = Portfolio::new();
    p.cmd()
        .arg("undo")
        .assert()
        .code(1)
        .stdout("")
        .stderr("qiboard: nothing to undo\n");
}

#[test]
fn refs_are_never_reused_after_an_undo() {
    let p = Portfolio::new();
    p.ok(&["project", "add", "--title", "First"]);
    p.ok(&["project", "add", "--title", "Second"]);
    p.ok(&["undo"]);
    assert_eq!(
        p.ok(&["project", "add", "--title", "Third"]),
        "QI-0003 added: Third\n"
    );
    let refs: Vec<String> = p
        .projects_json()
        .iter()
        .map(|r| r["ref"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(refs, ["QI-0001", "QI-0003"]);
}

#[test]
fn listing_filters_narrow_by_stage_status_cohort_and_coach() {
    let p = Portfolio::new();
    p.ok(&[
        "project", "add", "--title", "A", "--stage", "2", "--coach", "Rory", "--cohort", "C7",
    ]);
    p.ok(&[
        "project", "add", "--title", "B", "--stage", "define", "--status", "stopped",
    ]);
    p.ok(&[
        "project", "add", "--title", "C", "--stage", "PILOT", "--coach", "rory",
    ]);
    let titles = |args: &[&str]| -> Vec<String> {
        let mut full = vec!["project", "list", "--json"];
        full.extend_from_slice(args);
        let text = p.ok(&full);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        value
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["title"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(titles(&[]), ["A", "B", "C"]);
    assert_eq!(titles(&["--stage", "Define and scope"]), ["A", "B"]);
    assert_eq!(titles(&["--status", "STOPPED"]), ["B"]);
    assert_eq!(titles(&["--coach", "RORY"]), ["A", "C"]);
    assert_eq!(titles(&["--cohort", "c7"]), ["A"]);
    // Part of a name is enough, as a coach would type it.
    assert_eq!(titles(&["--coach", "ror"]), ["A", "C"]);
    assert_eq!(
        p.ok(&["project", "list", "--coach", "nobody"]),
        "No projects match these filters.\n"
    );
}

#[test]
fn text_is_stored_and_shown_exactly_as_typed() {
    let p = Portfolio::new();
    let title = "Robert'); DROP TABLE projects;-- \"quoted\" 🙂 שלום\nsecond line";
    p.ok(&["project", "add", "--title", title]);
    assert_eq!(p.projects_json()[0]["title"], title);
    let shown = p.ok(&["project", "show", "1", "--json"]);
    let shown: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(shown["title"], title);
    p.ok(&["note", "add", "1", "  leading spaces and a tab\tkept  "]);
    let shown: serde_json::Value =
        serde_json::from_str(&p.ok(&["project", "show", "1", "--json"])).unwrap();
    assert_eq!(
        shown["notes"][0]["text"],
        "  leading spaces and a tab\tkept  "
    );
}

#[test]
fn pdsa_measures_benefits_and_notes_round_out_a_project() {
    let p = Portfolio::new();
    p.ok(&["project", "add", "--title", "Falls", "--stage", "pilot"]);
    p.ok(&[
        "measure",
        "add",
        "1",
        "Falls per 1,000 bed days",
        "--kind",
        "outcome",
        "--direction",
        "decrease",
        "--unit",
        "per 1,000 bed days",
        "--target",
        "4.5",
    ]);
    p.ok(&[
        "pdsa",
        "add",
        "1",
        "--change-idea",
        "Intentional rounding",
        "--objective",
        "Test hourly rounding on one bay",
        "--prediction",
        "Fewer falls at night",
        "--start",
        "2026-09-01",
        "--measure",
        "Falls per 1,000 bed days",
    ]);
    p.ok(&[
        "pdsa",
        "add",
        "1",
        "--change-idea",
        "intentional rounding",
        "--start",
        "2026-10-01",
    ]);
    p.ok(&[
        "pdsa",
        "act",
        "1",
        "1",
        "adapt",
        "--study",
        "Falls fell at night only",
        "--next",
        "Try all bays",
    ]);
    let recorded = p.ok(&[
        "measure",
        "record",
        "1",
        "Falls per 1,000 bed days",
        "2026-10-01",
        "-2.5",
    ]);
    assert_eq!(
        recorded,
        "QI-0001: Falls per 1,000 bed days on 2026-10-01 recorded: -2.5\n"
    );
    let replaced = p.ok(&[
        "measure",
        "record",
        "1",
        "falls per 1,000 bed days",
        "2026-10-01",
        "6",
    ]);
    assert!(replaced.contains("replaced -2.5 with 6"), "{replaced}");
    p.ok(&[
        "benefit",
        "add",
        "1",
        "--kind",
        "harm_avoided",
        "--amount",
        "12",
        "--unit",
        "falls/year",
    ]);

    let cycles: serde_json::Value =
        serde_json::from_str(&p.ok(&["pdsa", "list", "1", "--json"])).unwrap();
    assert_eq!(cycles[0]["name"], "PDSA 1");
    assert_eq!(cycles[0]["ramp_position"], 1);
    assert_eq!(cycles[0]["ramp_length"], 2);
    assert_eq!(cycles[0]["act"], "adapt");
    assert_eq!(cycles[0]["measures"][0], "Falls per 1,000 bed days");
    assert_eq!(cycles[1]["name"], "PDSA 2");
    assert_eq!(cycles[1]["act"], serde_json::Value::Null);

    let measures: serde_json::Value =
        serde_json::from_str(&p.ok(&["measure", "list", "1", "--json"])).unwrap();
    assert_eq!(measures[0]["name"], "Falls per 1,000 bed days");
    assert_eq!(measures[0]["kind"], "outcome");
    assert_eq!(measures[0]["direction"], "decrease");
    assert_eq!(measures[0]["target"], 4.5);
    assert_eq!(measures[0]["points"], 1);
    assert_eq!(measures[0]["last_date"], "2026-10-01");

    // The replaced value comes back with one undo.
    p.ok(&["undo"]);
    p.ok(&["undo"]);
    let points: serde_json::Value = serde_json::from_str(&p.ok(&[
        "measure",
        "points",
        "1",
        "Falls per 1,000 bed days",
        "--json",
    ]))
    .unwrap();
    assert_eq!(points[0]["value"], -2.5);
}

#[test]
fn delete_asks_nothing_and_undo_brings_everything_back() {
    let p = Portfolio::new();
    p.ok(&[
        "project",
        "add",
        "--title",
        "Sepsis screening",
        "--lead",
        "Dr Jones",
    ]);
    p.ok(&[
        "measure",
        "add",
        "1",
        "Screened within 1 hour",
        "--kind",
        "process",
        "--direction",
        "increase",
    ]);
    p.ok(&[
        "measure",
        "record",
        "1",
        "Screened within 1 hour",
        "2026-01-01",
        "55",
    ]);
    p.ok(&[
        "pdsa",
        "add",
        "1",
        "--change-idea",
        "Sepsis trolley",
        "--measure",
        "Screened within 1 hour",
    ]);
    p.ok(&["note", "add", "1", "Board paper in March"]);
    let before = p.export();
    p.ok(&["project", "delete", "1"]);
    assert!(p.projects_json().is_empty());
    p.ok(&["undo"]);
    assert_eq!(p.export(), before);
}

#[test]
fn completions_and_help_do_not_create_the_portfolio() {
    let p = Portfolio::new();
    p.cmd()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("project"));
    p.cmd().args(["completions", "bash"]).assert().success();
    assert!(
        !p.db.exists(),
        "the portfolio was created by a command that does not need it"
    );
}

#[test]
fn a_move_warns_only_about_the_gateway_items_still_open() {
    let p = Portfolio::new();
    p.ok(&["project", "add", "--title", "Falls"]);
    let list = p.ok(&["project", "gateway", "1"]);
    assert!(
        list.contains("1 [ ] Sponsor found (from the data: no sponsor named)"),
        "{list}"
    );
    assert!(
        list.contains("2 [ ] Idea described in a sentence\n"),
        "{list}"
    );
    // An item the data answers is not ticked: the data is changed instead.
    let refused = p
        .cmd()
        .args(["project", "gateway", "1", "1"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("answered from the project's data"));
    p.ok(&["project", "assign", "1", "--role", "sponsor", "Amy Pond"]);
    assert!(
        p.ok(&["project", "gateway", "1"])
            .contains("1 [x] Sponsor found (from the data: a sponsor is named)")
    );
    let moved = p.ok(&["project", "move", "1", "define"]);
    assert!(
        moved.contains("Start out gateway not met: Idea described in a sentence"),
        "{moved}"
    );
    assert!(!moved.contains("Sponsor found"), "{moved}");
    // The tick-box item met and the data in place: the next move says nothing of the gateway.
    p.ok(&["project", "gateway", "1", "3"]);
    p.ok(&[
        "project",
        "edit",
        "1",
        "--aim",
        "Fewer falls",
        "--problem",
        "Too many falls",
    ]);
    p.ok(&["project", "assign", "1", "--role", "lead", "Rory Williams"]);
    p.ok(&["project", "assign", "1", "--role", "member", "Clara Oswald"]);
    let moved = p.ok(&["project", "move", "1", "measure"]);
    assert_eq!(moved, "QI-0001 moved to Measure and understand\n");
    p.cmd()
        .args(["project", "gateway", "1", "9"])
        .assert()
        .code(2);
}

/// Names in CJK or emoji take two cells a character: the columns after them still line up.
#[test]
fn listings_line_up_by_cells_with_wide_names() {
    let p = Portfolio::new();
    for (title, lead) in [
        ("Reduce falls on Ward 10", "Amy Pond"),
        ("病院の転倒を減らす", "山田 花子"),
        ("Kinder discharge", "👩‍⚕️ Grace"),
    ] {
        p.ok(&["project", "add", "--title", title, "--lead", lead]);
    }
    let listing = p.ok(&["project", "list"]);
    let title_at = |line: &str, title: &str| {
        let (before, _) = line.split_once(title).unwrap_or_else(|| panic!("{line}"));
        qiboard::ui::text::width(before)
    };
    let lines: Vec<&str> = listing.lines().collect();
    let header = title_at(lines[0], "TITLE");
    for (line, title) in lines[1..].iter().zip(["Reduce", "病院", "Kinder"]) {
        assert_eq!(title_at(line, title), header, "\n{listing}");
    }
}

/// Stages are set up from the command line: a name, a WIP limit the board warns about, and
/// the gateway checklist; each is one undoable change, and bad values are refused by name.
#[test]
fn stages_take_a_name_a_wip_limit_and_gateway_items() {
    let p = Portfolio::new();
    p.ok(&["project", "add", "--title", "A", "--stage", "pilot"]);
    let said = p.ok(&[
        "stage",
        "edit",
        "pilot",
        "--wip",
        "1",
        "--name",
        "Test at scale",
    ]);
    assert_eq!(said, "stage 5: Test at scale, WIP limit 1\n");
    let stages: serde_json::Value =
        serde_json::from_str(&p.ok(&["stage", "list", "--json"])).unwrap();
    assert_eq!(stages[4]["wip_limit"], 1);
    assert_eq!(stages[4]["name"], "Test at scale");
    // The board warns when a move goes over the limit.
    p.ok(&["project", "add", "--title", "B"]);
    let moved = p.ok(&["project", "move", "2", "Test at scale"]);
    assert!(moved.to_lowercase().contains("wip limit"), "{moved}");

    let said = p.ok(&[
        "stage",
        "gateway",
        "design",
        "add",
        "Sponsor signed the charter",
    ]);
    assert!(said.contains("Sponsor signed the charter"), "{said}");
    let said = p.ok(&[
        "stage",
        "gateway",
        "design",
        "remove",
        "sponsor SIGNED the charter",
    ]);
    assert!(!said.contains("Sponsor signed"), "{said}");
    p.ok(&["undo"]);
    let stages: serde_json::Value =
        serde_json::from_str(&p.ok(&["stage", "list", "--json"])).unwrap();
    assert!(
        stages[3]["gateway"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g == "Sponsor signed the charter"),
        "undo did not bring the item back: {}",
        stages[3]
    );

    let refused = |args: &[&str], says: &str| {
        let out = p.cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(err.contains(says), "{args:?}: {err}");
    };
    let before = p.export();
    refused(&["stage", "edit", "pilot", "--wip", "0"], "--wip");
    refused(&["stage", "edit", "pilot", "--wip", "lots"], "--wip");
    refused(
        &["stage", "edit", "nowhere", "--wip", "3"],
        "unknown stage \"nowhere\"",
    );
    refused(
        &["stage", "edit", "pilot", "--name", "Start out"],
        "already called",
    );
    refused(&["stage", "edit", "pilot"], "--name NAME or --wip");
    refused(
        &["stage", "gateway", "pilot", "remove", "Not there"],
        "no item \"Not there\"",
    );
    assert_eq!(p.export(), before, "a refused edit wrote something");
    p.ok(&["stage", "edit", "5", "--wip", "none"]);
    let stages: serde_json::Value =
        serde_json::from_str(&p.ok(&["stage", "list", "--json"])).unwrap();
    assert!(stages[4]["wip_limit"].is_null());
}

/// Every change says who made it: `--by` for one command, else QIBOARD_USER (or `name` in
/// config.toml), else the computer's user name; `history --json` carries it as `by`, and a
/// score's history names its scorer the same way.
#[test]
fn every_change_records_who_made_it() {
    let p = Portfolio::new();
    let home = p.path("home");
    let run = |args: &[&str], user: Option<&str>| {
        let mut cmd = p.cmd();
        cmd.args(args).env("XDG_CONFIG_HOME", home.join("config"));
        match user {
            Some(u) => cmd.env("QIBOARD_USER", u),
            None => cmd.env_remove("QIBOARD_USER"),
        };
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(
        &["project", "add", "--title", "A", "--by", "Amy Pond"],
        None,
    );
    run(
        &["project", "score", "1", "2.5", "--note", "tested"],
        Some("Rory Williams"),
    );
    run(&["project", "status", "1", "on hold"], None);
    let history: serde_json::Value = serde_json::from_str(&p.ok(&["history", "--json"])).unwrap();
    let by: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["by"].as_str().unwrap())
        .collect();
    assert_eq!(by[1..], ["Rory Williams", "Amy Pond"]);
    assert!(
        !by[0].is_empty(),
        "the computer's user name was not recorded"
    );
    let show: serde_json::Value =
        serde_json::from_str(&p.ok(&["project", "show", "1", "--json"])).unwrap();
    assert!(show.to_string().contains("Rory Williams"), "{show}");
    assert!(p.ok(&["history"]).contains("BY"));
}
