//! Putting right what was added to a project from the command line: each correction is one
//! change in the history, undoable, and `project show` numbers what `edit N` takes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod common;

use common::Portfolio;
use serde_json::Value;

fn show(p: &Portfolio) -> Value {
    serde_json::from_str(&p.ok(&["project", "show", "1", "--json"])).unwrap()
}

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
    p.ok(&["measure", "record", "1", "Falls", "2026-01-01", "7"]);
    p.ok(&["driver", "add", "1", "Safe staffing"]);
    p.ok(&[
        "driver",
        "add",
        "1",
        "Rosters",
        "--level",
        "secondary",
        "--parent",
        "Safe staffing",
    ]);
    p.ok(&["idea", "add", "1", "Huddles", "--driver", "Rosters"]);
    p.ok(&[
        "benefit", "add", "1", "--kind", "money", "--amount", "100", "--unit", "£",
    ]);
    p.ok(&["note", "add", "1", "First visit"]);
    p.ok(&["note", "add", "1", "Second visit"]);
    p
}

#[test]
fn measures_drivers_and_ideas_are_renamed_and_deleted_and_undo_brings_them_back() {
    let p = seeded();
    p.ok(&["driver", "rename", "1", "safe STAFFING", "Staffing to plan"]);
    p.ok(&["idea", "rename", "1", "huddles", "Safety huddles"]);
    let d = show(&p);
    let drivers: Vec<&str> = d["drivers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["text"].as_str().unwrap())
        .collect();
    assert!(drivers.contains(&"Staffing to plan"), "{drivers:?}");
    let ideas = d["change_ideas"].to_string();
    assert!(ideas.contains("Safety huddles"), "{ideas}");

    // Deleting a primary takes its secondaries; the idea stays, off the diagram.
    p.ok(&["driver", "delete", "1", "Staffing to plan"]);
    let d = show(&p);
    assert_eq!(d["drivers"].as_array().unwrap().len(), 0);
    assert!(d["change_ideas"].to_string().contains("Safety huddles"));
    p.ok(&["idea", "delete", "1", "Safety huddles"]);
    assert_eq!(show(&p)["change_ideas"].as_array().unwrap().len(), 0);

    p.ok(&["measure", "delete", "1", "falls"]);
    assert_eq!(show(&p)["measures"].as_array().unwrap().len(), 0);
    assert!(p.ok(&["undo"]).contains("measure deleted: falls"));
    let points = p.ok(&["measure", "points", "1", "Falls", "--json"]);
    assert!(points.contains("\"value\": 7"), "{points}");
    p.ok(&["undo"]);
    p.ok(&["undo"]);
    assert_eq!(show(&p)["drivers"].as_array().unwrap().len(), 2);
}

#[test]
fn benefits_and_notes_are_edited_and_deleted_by_the_number_project_show_gives() {
    let p = seeded();
    let text = p.ok(&["project", "show", "1"]);
    assert!(text.contains("  1. "), "{text}");
    assert!(text.contains("  2. "), "{text}");
    p.ok(&[
        "benefit",
        "edit",
        "1",
        "1",
        "--amount",
        "250",
        "--note",
        "agency shifts",
    ]);
    let d = show(&p);
    assert_eq!(d["benefits"][0]["amount"], 250.0);
    assert_eq!(d["benefits"][0]["unit"], "£");
    p.ok(&["note", "edit", "1", "2", "Second visit, with matron"]);
    let d = show(&p);
    assert_eq!(d["notes"][1]["text"], "Second visit, with matron");
    assert_eq!(d["notes"][0]["text"], "First visit");
    p.ok(&["note", "delete", "1", "1"]);
    p.ok(&["benefit", "delete", "1", "1"]);
    let d = show(&p);
    assert_eq!(d["notes"].as_array().unwrap().len(), 1);
    assert_eq!(d["benefits"].as_array().unwrap().len(), 0);
    let history = p.ok(&["history", "--limit", "3"]);
    assert!(history.contains("benefit 1 deleted"), "{history}");
    assert!(history.contains("note 1 deleted"), "{history}");
}

#[test]
fn a_role_is_taken_away_and_the_card_forgets_its_lead() {
    let p = seeded();
    p.ok(&["project", "assign", "1", "--role", "lead", "Amira Shah"]);
    assert_eq!(p.projects_json()[0]["lead"], "Amira Shah");
    p.ok(&["project", "unassign", "1", "--role", "lead", "amira shah"]);
    assert!(
        p.projects_json()[0]["lead"].is_null(),
        "{:?}",
        p.projects_json()[0]
    );
    let people = p.ok(&["person", "list"]);
    assert!(
        people.contains("Amira Shah"),
        "the person left the portfolio: {people}"
    );
}

#[test]
fn people_are_renamed_and_merged_and_cohorts_renamed() {
    let p = seeded();
    p.ok(&["project", "assign", "1", "--role", "lead", "Amy Pond"]);
    p.ok(&["project", "assign", "1", "--role", "member", "Amelia Pond"]);
    p.ok(&["person", "merge", "amy pond", "Amelia Pond"]);
    let people = p.ok(&["person", "list"]);
    assert!(!people.contains("Amy Pond"), "{people}");
    assert_eq!(p.projects_json()[0]["lead"], "Amelia Pond");
    p.ok(&["person", "rename", "Amelia Pond", "Amelia Williams"]);
    assert_eq!(p.projects_json()[0]["lead"], "Amelia Williams");
    p.ok(&["project", "edit", "1", "--cohort", "QSIR 7"]);
    p.ok(&["cohort", "rename", "qsir 7", "QSIR Practitioner — Cohort 7"]);
    assert_eq!(
        p.projects_json()[0]["cohort"],
        "QSIR Practitioner — Cohort 7"
    );
    assert!(p.ok(&["undo"]).contains("cohort renamed"));
}
