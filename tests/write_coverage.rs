//! Every way the store changes a portfolio has a face in the app (an action in the keymap
//! registry) and on the command line (a command), so the two cannot drift apart again. The
//! store's write methods are read from its source: a new one fails here until it is in the
//! table with both faces.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

use clap::CommandFactory;
use qiboard::app::Action;

/// What the app does it with.
enum App {
    Action(&'static str),
    /// Not a change to the portfolio a user makes (a setting of the open store).
    NotAChange,
}

/// (store method, the app's face, the command line's command path)
const FACES: &[(&str, App, &[&str])] = &[
    (
        "add_project",
        App::Action("add_project"),
        &["project", "add"],
    ),
    (
        "edit_project",
        App::Action("edit_project"),
        &["project", "edit"],
    ),
    (
        "move_project",
        App::Action("move_card_right"),
        &["project", "move"],
    ),
    (
        "reorder_project",
        App::Action("move_card_down"),
        &["project", "reorder"],
    ),
    (
        "set_status",
        App::Action("change_status"),
        &["project", "status"],
    ),
    ("set_score", App::Action("set_score"), &["project", "score"]),
    (
        "assign",
        App::Action("add_team_member"),
        &["project", "assign"],
    ),
    (
        "unassign",
        App::Action("remove_from_team"),
        &["project", "unassign"],
    ),
    (
        "delete_project",
        App::Action("delete_project"),
        &["project", "delete"],
    ),
    (
        "set_gateway_item",
        App::Action("toggle_gateway_item"),
        &["project", "gateway"],
    ),
    ("add_driver", App::Action("add_driver"), &["driver", "add"]),
    (
        "rename_driver",
        App::Action("rename_driver_or_idea"),
        &["driver", "rename"],
    ),
    (
        "delete_driver",
        App::Action("delete_driver_or_idea"),
        &["driver", "delete"],
    ),
    (
        "add_change_idea",
        App::Action("add_change_idea"),
        &["idea", "add"],
    ),
    (
        "rename_change_idea",
        App::Action("rename_driver_or_idea"),
        &["idea", "rename"],
    ),
    (
        "delete_change_idea",
        App::Action("delete_driver_or_idea"),
        &["idea", "delete"],
    ),
    ("add_pdsa", App::Action("add_pdsa"), &["pdsa", "add"]),
    ("edit_pdsa", App::Action("edit_pdsa"), &["pdsa", "edit"]),
    (
        "add_measure",
        App::Action("add_measure"),
        &["measure", "add"],
    ),
    (
        "edit_measure",
        App::Action("edit_measure"),
        &["measure", "edit"],
    ),
    (
        "delete_measure",
        App::Action("delete_measure"),
        &["measure", "delete"],
    ),
    (
        "rebase_measure",
        App::Action("rebase_chart"),
        &["measure", "rebase"],
    ),
    (
        "record_point",
        App::Action("record_value"),
        &["measure", "record"],
    ),
    (
        "set_main_measure",
        App::Action("mark_main_measure"),
        &["measure", "main"],
    ),
    (
        "import_points",
        App::Action("import_values"),
        &["measure", "import"],
    ),
    (
        "add_benefit",
        App::Action("add_benefit"),
        &["benefit", "add"],
    ),
    (
        "edit_benefit",
        App::Action("edit_benefit"),
        &["benefit", "edit"],
    ),
    (
        "delete_benefit",
        App::Action("delete_benefit"),
        &["benefit", "delete"],
    ),
    ("add_note", App::Action("add_note"), &["note", "add"]),
    ("edit_note", App::Action("edit_note"), &["note", "edit"]),
    (
        "delete_note",
        App::Action("delete_note"),
        &["note", "delete"],
    ),
    ("add_person", App::Action("people"), &["person", "add"]),
    (
        "rename_person",
        App::Action("people"),
        &["person", "rename"],
    ),
    ("merge_people", App::Action("people"), &["person", "merge"]),
    ("add_cohort", App::Action("cohorts"), &["cohort", "add"]),
    (
        "rename_cohort",
        App::Action("cohorts"),
        &["cohort", "rename"],
    ),
    (
        "edit_stage",
        App::Action("stage_settings"),
        &["stage", "edit"],
    ),
    (
        "add_gateway_item",
        App::Action("stage_settings"),
        &["stage", "gateway"],
    ),
    (
        "remove_gateway_item",
        App::Action("stage_settings"),
        &["stage", "gateway"],
    ),
    (
        "import_projects",
        App::Action("import_projects"),
        &["import", "projects"],
    ),
    (
        "import_projects_with_progress",
        App::Action("import_projects"),
        &["import", "projects"],
    ),
    ("undo", App::Action("undo"), &["undo"]),
    ("redo", App::Action("redo"), &["redo"]),
    ("load", App::NotAChange, &["import", "json"]),
    ("loader", App::NotAChange, &["demo"]),
    ("set_author", App::NotAChange, &[]),
    ("set_clock", App::NotAChange, &[]),
    ("settle", App::NotAChange, &[]),
    (
        "add_session",
        App::Action("plan_session"),
        &["session", "add"],
    ),
    (
        "set_agenda",
        App::Action("move_team_down"),
        &["session", "agenda"],
    ),
    ("skip_team", App::Action("skip_team"), &["session", "skip"]),
    (
        "attend",
        App::Action("take_attendance"),
        &["session", "attend"],
    ),
    (
        "enrol",
        App::Action("take_attendance"),
        &["cohort", "enrol"],
    ),
    ("add_action", App::Action("add_action"), &["action", "add"]),
    (
        "edit_action",
        App::Action("edit_action"),
        &["action", "edit"],
    ),
    (
        "set_action_status",
        App::Action("toggle_action_done"),
        &["action", "done"],
    ),
];

/// The `pub fn` names in the store's source whose signature takes `&mut self`.
fn store_write_methods() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/store");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (at, _) in text.match_indices("pub fn ") {
            let rest = &text[at + "pub fn ".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let signature = &rest[..rest.find('{').unwrap_or(rest.len())];
            if signature.contains("&mut self") {
                names.push(name);
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

fn command_exists(path: &[&str]) -> bool {
    let mut command = qiboard::cli::args::Cli::command();
    for name in path {
        match command.find_subcommand(name) {
            Some(sub) => command = sub.clone(),
            None => return false,
        }
    }
    true
}

#[test]
fn every_store_write_has_an_app_action_and_a_command() {
    let methods = store_write_methods();
    assert!(methods.len() > 30, "found only {methods:?}");
    for method in &methods {
        let Some((_, app, command)) = FACES.iter().find(|(m, _, _)| m == method) else {
            panic!("Store::{method} changes the portfolio: give it an action and a command");
        };
        match app {
            App::Action(name) => assert!(
                Action::from_name(name).is_some(),
                "Store::{method}: no action named {name}"
            ),
            App::NotAChange => {}
        }
        if !matches!(app, App::NotAChange) {
            assert!(
                command_exists(command),
                "Store::{method}: no command `qiboard {}`",
                command.join(" ")
            );
        }
    }
    // The table holds nothing the store no longer has.
    for (method, _, _) in FACES {
        assert!(
            methods.iter().any(|m| m == method),
            "the table names Store::{method}, which is gone"
        );
    }
}
