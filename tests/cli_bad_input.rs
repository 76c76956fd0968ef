//! Every bad input gets one clear line on stderr, exit status 2, and leaves the portfolio
//! exactly as it was.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod common;

use common::Portfolio;

fn seeded() -> Portfolio {
    let p = Portfolio::new();
    p.ok(&["project", "add", "--title", "Reduce falls on Ward 10"]);
    p.ok(&[
        "measure",
        "add",
        "1",
        "Falls",
        "--kind",
        "outcome",
        "--direction",
        "decrease",
    ]);
    p.ok(&["pdsa", "add", "1", "--change-idea", "Rounding"]);
    p
}

/// Runs a bad command and checks: exit 2, exactly one line naming the problem, no stdout,
/// and the portfolio and its history unchanged.
fn refused(p: &Portfolio, args: &[&str], mentions: &str) {
    // Into a portfolio with no file yet, "nothing written" means no file either.
    let existed = p.db.exists();
    let before = if existed { p.export() } else { String::new() };
    let history = if existed { p.history_len() } else { 0 };
    let out = p.cmd().args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{args:?}: exit {:?}, stderr {stderr}",
        out.status.code()
    );
    assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
    assert_eq!(
        stderr.lines().count(),
        1,
        "{args:?}: not one line:\n{stderr}"
    );
    assert!(stderr.starts_with("qiboard: "), "{args:?}: {stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Caused by"),
        "{stderr}"
    );
    assert!(
        stderr.to_lowercase().contains(&mentions.to_lowercase()),
        "{args:?}: {stderr:?} does not mention {mentions:?}"
    );
    if !existed {
        assert!(!p.db.exists(), "{args:?} created the portfolio");
        return;
    }
    assert_eq!(p.export(), before, "{args:?} changed the portfolio");
    assert_eq!(p.history_len(), history, "{args:?} wrote history");
}

#[test]
fn unknown_things_are_named() {
    let p = seeded();
    refused(
        &p,
        &["project", "show", "QI-0099"],
        "unknown project QI-0099",
    );
    refused(&p, &["project", "move", "QI-0099", "pilot"], "QI-0099");
    refused(
        &p,
        &["project", "move", "1", "testing"],
        "unknown stage \"testing\"",
    );
    refused(&p, &["project", "move", "1", "7"], "unknown stage");
    refused(
        &p,
        &["project", "status", "1", "paused"],
        "unknown status \"paused\"",
    );
    refused(
        &p,
        &["measure", "record", "1", "Waiting", "2026-01-01", "3"],
        "no measure \"Waiting\"",
    );
    refused(&p, &["pdsa", "act", "1", "9", "adopt"], "no PDSA 9");
    refused(
        &p,
        &["pdsa", "act", "1", "1", "keep"],
        "adopt, adapt, abandon",
    );
    refused(&p, &["project", "show", "QI-x"], "not a project ref");
}

#[test]
fn values_off_the_rules_are_refused() {
    let p = seeded();
    refused(
        &p,
        &["project", "add", "--title", "   "],
        "title must not be blank",
    );
    refused(
        &p,
        &["project", "edit", "1", "--title", ""],
        "title must not be blank",
    );
    refused(&p, &["project", "score", "1", "5.5"], "off the scale");
    refused(&p, &["project", "score", "1", "2.3"], "off the scale");
    refused(&p, &["project", "score", "1", "0"], "off the scale");
    refused(
        &p,
        &["project", "add", "--title", "X", "--start", "2026-02-30"],
        "2026-02-30",
    );
    refused(
        &p,
        &["project", "edit", "1", "--target-date", "31/02/2027"],
        "31/02/2027",
    );
    for bad in ["NaN", "inf", "-inf", "infinity", "12,5", "ten"] {
        refused(
            &p,
            &["measure", "record", "1", "Falls", "2026-01-01", bad],
            "not a finite number",
        );
    }
    refused(
        &p,
        &[
            "measure",
            "add",
            "1",
            "Other",
            "--kind",
            "result",
            "--direction",
            "up",
        ],
        "outcome, process, balancing",
    );
    refused(
        &p,
        &["benefit", "add", "1", "--kind", "money", "--amount", "NaN"],
        "finite",
    );
}

#[test]
fn usage_errors_are_one_line() {
    let p = seeded();
    refused(
        &p,
        &["project", "add", "--title", "X", "--colour", "red"],
        "--colour",
    );
    refused(&p, &["project", "add"], "--title");
    refused(&p, &["project", "frobnicate"], "frobnicate");
    refused(&p, &["project", "reorder", "1", "sideways"], "sideways");
    refused(
        &p,
        &["measure", "record", "1", "Falls", "2026-01-01"],
        "VALUE",
    );
}

#[test]
fn negative_values_are_values_not_flags() {
    let p = seeded();
    p.ok(&["measure", "record", "1", "Falls", "2026-01-01", "-3.25"]);
    let points: serde_json::Value =
        serde_json::from_str(&p.ok(&["measure", "points", "1", "Falls", "--json"])).unwrap();
    assert_eq!(points[0]["value"], -3.25);
}

#[test]
fn demo_and_import_refuse_a_portfolio_that_is_not_empty() {
    let p = seeded();
    refused(&p, &["demo"], "not empty");
    let export = p.path("export.json");
    p.ok(&["export", "json", export.to_str().unwrap()]);
    refused(
        &p,
        &["import", "json", export.to_str().unwrap()],
        "not empty",
    );
}

#[test]
fn broken_and_foreign_import_files_are_refused_with_where() {
    let p = Portfolio::new();
    let write = |name: &str, text: &str| {
        let path = p.path(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    };
    refused(
        &p,
        &["import", "json", &p.path("missing.json").to_string_lossy()],
        "cannot read",
    );
    let broken = write(
        "broken.json",
        "{\n  \"format\": \"qiboard-portfolio\",\n  \"format_version\": 1,\n  oops\n}\n",
    );
    refused(&p, &["import", "json", &broken], "line 4, column 3");
    let foreign = write("foreign.json", "{\"cards\": []}");
    refused(
        &p,
        &["import", "json", &foreign],
        "not a qiboard portfolio export",
    );
    let newer = write(
        "newer.json",
        "{\"format\": \"qiboard-portfolio\", \"format_version\": 7}",
    );
    refused(&p, &["import", "json", &newer], "newer");
    let blank_title = write(
        "blank.json",
        r#"{"format": "qiboard-portfolio", "format_version": 1, "next_ref": 2,
            "projects": [{"uuid": "u1", "ref_no": 1, "title": " ", "stage": null,
                          "position": 1, "created": "2026-01-01T00:00:00Z",
                          "updated": "2026-01-01T00:00:00Z"}]}"#,
    );
    refused(&p, &["import", "json", &blank_title], "projects[0]");
    // Into a new file: refused, and no portfolio file is left behind.
    let fresh = p.path("fresh.sqlite3");
    let out = common::qiboard(&fresh)
        .args(["import", "json", &blank_title])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        !fresh.exists(),
        "a refused import left a portfolio file behind"
    );
    let huge = write(
        "huge.json",
        r#"{"format": "qiboard-portfolio", "format_version": 1, "next_ref": 4294967295,
            "projects": [{"uuid": "u1", "ref_no": 4294967295, "title": "x", "stage": null,
                          "position": 1, "created": "2026-01-01T00:00:00Z",
                          "updated": "2026-01-01T00:00:00Z"}]}"#,
    );
    refused(
        &p,
        &["import", "json", &huge],
        "ref_no 4294967295 is not between 1 and",
    );
}

#[test]
fn renaming_a_measure_onto_another_is_refused_as_bad_input() {
    let p = seeded();
    p.ok(&[
        "measure",
        "add",
        "1",
        "Waiting",
        "--kind",
        "process",
        "--direction",
        "decrease",
    ]);
    refused(
        &p,
        &["measure", "edit", "1", "Falls", "--rename", "waiting"],
        "already has a measure",
    );
}

#[test]
fn usage_errors_name_the_choices_and_take_negative_scores_as_scores() {
    let p = seeded();
    refused(
        &p,
        &["project", "reorder", "1", "sideways"],
        "use one of up, down",
    );
    refused(&p, &["project", "score", "1", "-1"], "off the scale");
}

#[test]
fn a_title_over_200_characters_is_refused_naming_the_limit() {
    let p = seeded();
    let essay = "Reduce falls on Ward 10 ".repeat(209);
    let refusal = "title is 5015 characters long: at most 200 are allowed";
    refused(&p, &["project", "add", "--title", &essay], refusal);
    refused(&p, &["project", "edit", "1", "--title", &essay], refusal);
    // Exactly 200 is a title.
    let longest = "é".repeat(200);
    p.ok(&["project", "edit", "1", "--title", &longest]);
}

#[test]
fn corrections_name_what_is_not_there() {
    let p = seeded();
    p.ok(&["driver", "add", "1", "Safe staffing"]);
    p.ok(&["benefit", "add", "1", "--kind", "money", "--amount", "100"]);
    p.ok(&["note", "add", "1", "First visit"]);
    refused(
        &p,
        &["measure", "delete", "1", "Waiting"],
        "no measure \"Waiting\"",
    );
    refused(
        &p,
        &["driver", "rename", "1", "Flow", "X"],
        "no driver \"Flow\"",
    );
    refused(
        &p,
        &["driver", "rename", "1", "Safe staffing", " "],
        "must not be blank",
    );
    refused(&p, &["driver", "delete", "1", "Flow"], "no driver \"Flow\"");
    refused(
        &p,
        &["idea", "rename", "1", "Huddles", "X"],
        "no change idea \"Huddles\"",
    );
    // A tested idea is the team's record: it is not deleted.
    refused(&p, &["idea", "delete", "1", "Rounding"], "PDSA 1");
    refused(
        &p,
        &["benefit", "edit", "1", "2", "--amount", "5"],
        "no benefit 2",
    );
    refused(&p, &["benefit", "edit", "1", "1"], "nothing to change");
    refused(&p, &["benefit", "delete", "1", "0"], "no benefit 0");
    refused(&p, &["note", "edit", "1", "3", "text"], "no note 3");
    refused(&p, &["note", "edit", "1", "1", "  "], "must not be blank");
    refused(&p, &["note", "delete", "1", "2"], "no note 2");
    refused(
        &p,
        &["project", "unassign", "1", "--role", "coach", "Nobody"],
        "Nobody is not coach of QI-0001",
    );
}

#[test]
fn people_and_cohorts_that_are_not_there_are_named() {
    let p = seeded();
    p.ok(&["person", "add", "Amy Pond"]);
    p.ok(&["person", "add", "Rory Williams"]);
    p.ok(&["cohort", "add", "QSIR 7"]);
    refused(
        &p,
        &["person", "rename", "Clara", "X"],
        "no one called \"Clara\"",
    );
    refused(
        &p,
        &["person", "rename", "Amy Pond", "rory williams"],
        "merge the two",
    );
    refused(
        &p,
        &["person", "merge", "Amy Pond", "Clara"],
        "no one called \"Clara\"",
    );
    refused(
        &p,
        &["person", "merge", "Amy Pond", "amy pond"],
        "the same person",
    );
    refused(
        &p,
        &["cohort", "rename", "QSIR 8", "X"],
        "unknown cohort \"QSIR 8\"",
    );
    refused(&p, &["stage", "edit", "pilot", "--wip", "0"], "--wip");
}
