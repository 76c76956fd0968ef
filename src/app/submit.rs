//! Forms: how each is laid out, and how a confirmed one is validated and stored.

use super::form::{Field, Form, FormKind};
use super::{Action, Model};
use crate::domain::{
    ActDecision, PdsaCycle, ProjectRef, Status, parse_date, parse_value, require_text,
    require_title,
};
use crate::store::{NewPdsa, NewProject, PdsaField, ProjectField, Store, StoreError, Unknown};

pub(super) fn add_project_form() -> Form {
    Form::new(
        FormKind::AddProject,
        "Add a project",
        vec![
            Field::new("Title", "", false, "required"),
            Field::new("Aim", "", true, "what, where, how much, by when"),
            Field::new("Lead", "", false, "a name"),
            Field::new("Coach", "", false, "a name"),
            Field::new("Cohort", "", false, ""),
            Field::new("Division", "", false, ""),
        ],
    )
}

pub(super) fn edit_project_form(p: &crate::domain::Project) -> Form {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    Form::new(
        FormKind::EditProject {
            reference: p.reference,
            version: p.version,
        },
        format!("Edit {}", p.reference),
        vec![
            Field::new("Title", &p.title, false, "required"),
            Field::new("Aim", &p.aim, true, "what, where, how much, by when"),
            Field::new("Problem", &p.problem, true, "with evidence"),
            Field::new("Scope in", &p.scope_in, true, ""),
            Field::new("Scope out", &p.scope_out, true, ""),
            Field::new("Division", &p.division, false, ""),
            Field::new("Department", &p.department, false, ""),
            Field::new("Cohort", p.cohort.as_deref().unwrap_or(""), false, ""),
            Field::new("Start", &date(p.start_date), false, "YYYY-MM-DD"),
            Field::new("Target date", &date(p.target_date), false, "YYYY-MM-DD"),
            Field::new("Risks", &p.risks, true, ""),
        ],
    )
}

fn optional(text: String) -> Option<String> {
    if text.trim().is_empty() {
        None
    } else {
        Some(text.trim().to_string())
    }
}

/// The PDSA worksheet of one cycle, as `Enter` on it opens it.
pub(super) fn worksheet_form(reference: ProjectRef, cycle: &PdsaCycle) -> Form {
    Form::new(
        FormKind::EditPdsa {
            reference,
            number: cycle.number,
            version: cycle.version,
        },
        format!("{} worksheet — {}", cycle.label(), cycle.change_idea),
        vec![
            Field::new(
                "Prediction",
                &cycle.predictions,
                true,
                "what will happen, and why",
            ),
            Field::new(
                "Do",
                &cycle.do_notes,
                true,
                "what happened, problems, surprises",
            ),
            Field::new("Study", &cycle.study, true, "results against predictions"),
            Field::new(
                "Act",
                cycle.act.map(|a| a.key()).unwrap_or(""),
                false,
                "adopt, adapt or abandon",
            ),
            Field::new("Next step", &cycle.next_step, true, ""),
            Field::new(
                "Started",
                &date_text(cycle.start_date),
                false,
                "YYYY-MM-DD or DD/MM/YYYY",
            ),
            Field::new(
                "Finished",
                &date_text(cycle.end_date),
                false,
                "empty until decided: a decision dates it today",
            ),
        ],
    )
}

fn date_text(date: Option<chrono::NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// An optional date field: empty is none, anything else must be a date.
fn optional_date(form: &mut Form, label: &str) -> Option<Option<chrono::NaiveDate>> {
    match optional(form.value(label))
        .map(|t| parse_date(&t))
        .transpose()
    {
        Ok(date) => Some(date),
        Err(e) => {
            form.set_error(label, e.to_string());
            None
        }
    }
}

/// The start of a text, for a message: at most `chars` characters, `…` when cut.
fn shortened(text: &str, chars: usize) -> String {
    let flat = text.replace('\n', " ");
    if flat.chars().count() <= chars {
        return flat;
    }
    flat.chars()
        .take(chars.saturating_sub(1))
        .chain(std::iter::once('…'))
        .collect()
}

/// Moves a refused form onto what is stored now: fields the user left alone take the new
/// values; a field both changed keeps the user's text and says what the other one is, so
/// nothing is overwritten unseen. False when there is nothing to move onto.
fn refresh_version(form: &mut Form, store: &Store) -> bool {
    let fresh = match form.kind.clone() {
        FormKind::EditProject { reference, .. } => match store.project_detail(reference) {
            Ok(d) => edit_project_form(&d.project),
            Err(_) => return false,
        },
        FormKind::Score { reference, version } => {
            let Ok(d) = store.project_detail(reference) else {
                return false;
            };
            let _ = version;
            form.kind = FormKind::Score {
                reference,
                version: d.project.version,
            };
            return true;
        }
        FormKind::EditPdsa {
            reference, number, ..
        } => {
            let fresh = store
                .pdsa_cycles(reference)
                .ok()
                .and_then(|cycles| cycles.into_iter().find(|c| c.number == number));
            match fresh {
                Some(cycle) => worksheet_form(reference, &cycle),
                None => return false,
            }
        }
        _ => return false,
    };
    for field in &mut form.fields {
        let Some(theirs) = fresh.fields.iter().find(|f| f.label == field.label) else {
            continue;
        };
        if !field.changed() {
            field.input = theirs.input.clone();
            field.original = theirs.original.clone();
        } else if theirs.original != field.original {
            field.error = Some(format!(
                "also changed elsewhere, to \"{}\"; Ctrl-s keeps yours",
                shortened(&theirs.original, 40)
            ));
            field.original = theirs.original.clone();
        }
    }
    form.kind = fresh.kind;
    true
}

/// Validates and stores a form. `None` keeps the form open with its errors shown.
/// What a confirmed form led to.
pub(super) enum Submitted {
    /// Stored (or nothing to store): what the status line says.
    Changed(String),
    /// One more question before anything is written (an import's dry run).
    Confirm(super::overlay::Confirm),
}

/// Validates and stores a confirmed form; `None` leaves it open with its errors shown.
pub(super) fn submit_form(
    model: &mut Model,
    form: &mut Form,
    store: &mut Store,
) -> Option<Submitted> {
    match form.kind {
        FormKind::ImportProjects => super::register::check_import(form, store),
        _ => store_form(model, form, store).map(Submitted::Changed),
    }
}

fn store_form(model: &mut Model, form: &mut Form, store: &mut Store) -> Option<String> {
    let undo = model.key_hint(Action::Undo);
    let result = match form.kind.clone() {
        FormKind::AddProject => {
            if let Err(e) = require_title(&form.value("Title")) {
                form.set_error("Title", e.to_string());
                return None;
            }
            let new = NewProject {
                title: form.value("Title"),
                aim: form.value("Aim"),
                lead: optional(form.value("Lead")),
                coach: optional(form.value("Coach")),
                cohort: optional(form.value("Cohort")),
                division: form.value("Division"),
                stage: model
                    .board
                    .columns
                    .get(model.board.column)
                    .map(|c| c.stage.key.clone()),
                ..Default::default()
            };
            store.add_project(&new).map(|reference| {
                // Added: a board that cannot be read now is said, and the card selected
                // when it can.
                match store.board(&model.filter) {
                    Ok(board) => model.board.replace(board),
                    Err(e) => model.error(e.to_string()),
                }
                model.board.select(reference);
                format!("{reference} added — {undo} to undo")
            })
        }
        FormKind::EditProject { reference, version } => {
            if let Err(e) = require_title(&form.value("Title")) {
                form.set_error("Title", e.to_string());
                return None;
            }
            for label in ["Start", "Target date"] {
                let text = form.value(label);
                if !text.trim().is_empty()
                    && let Err(e) = parse_date(&text)
                {
                    form.set_error(label, e.to_string());
                    return None;
                }
            }
            let fields: Vec<(ProjectField, String)> = [
                (ProjectField::Title, "Title"),
                (ProjectField::Aim, "Aim"),
                (ProjectField::Problem, "Problem"),
                (ProjectField::ScopeIn, "Scope in"),
                (ProjectField::ScopeOut, "Scope out"),
                (ProjectField::Division, "Division"),
                (ProjectField::Department, "Department"),
                (ProjectField::Cohort, "Cohort"),
                (ProjectField::StartDate, "Start"),
                (ProjectField::TargetDate, "Target date"),
                (ProjectField::Risks, "Risks"),
            ]
            .into_iter()
            .filter(|(_, label)| form.changed(label))
            .map(|(field, label)| (field, form.value(label)))
            .collect();
            if fields.is_empty() {
                return Some(format!("{reference}: nothing changed"));
            }
            store
                .edit_project(reference, &fields, Some(version))
                .map(|()| format!("{reference} updated — {undo} to undo"))
        }
        FormKind::Score { reference, version } => {
            let score = match form.value("Score").parse() {
                Ok(score) => score,
                Err(e) => {
                    form.set_error("Score", format!("{e}"));
                    return None;
                }
            };
            store
                .set_score(
                    reference,
                    Some(score),
                    "",
                    &form.value("Why"),
                    Some(version),
                )
                .map(|()| format!("{reference} scored {score} — {undo} to undo"))
        }
        FormKind::Note { reference } => {
            if let Err(e) = require_text("note", &form.value("Note")) {
                form.set_error("Note", e.to_string());
                return None;
            }
            store
                .add_note(reference, &form.value("Note"))
                .map(|()| format!("Note added to {reference} — {undo} to undo"))
        }
        FormKind::AddPdsa { reference } => {
            if let Err(e) = require_text("change idea", &form.value("Change idea")) {
                form.set_error("Change idea", e.to_string());
                return None;
            }
            let start = optional_date(form, "Start")?;
            let new = NewPdsa {
                change_idea: form.value("Change idea"),
                objective: form.value("Objective"),
                predictions: form.value("Prediction"),
                plan: form.value("Plan"),
                start_date: start,
                ..Default::default()
            };
            store
                .add_pdsa(reference, &new)
                .map(|n| format!("PDSA {n} added to {reference} — {undo} to undo"))
        }
        FormKind::EditPdsa {
            reference,
            number,
            version,
        } => {
            let act = match optional(form.value("Act"))
                .map(|a| a.parse::<ActDecision>())
                .transpose()
            {
                Ok(act) => act,
                Err(e) => {
                    form.set_error("Act", e.to_string());
                    return None;
                }
            };
            let started = optional_date(form, "Started")?;
            let finished = optional_date(form, "Finished")?;
            // Only what the user changed is written: the rest stays as anyone else left it.
            let mut fields = Vec::new();
            for (label, field) in [
                (
                    "Prediction",
                    PdsaField::Predictions(form.value("Prediction")),
                ),
                ("Do", PdsaField::Do(form.value("Do"))),
                ("Study", PdsaField::Study(form.value("Study"))),
                ("Act", PdsaField::Act(act)),
                ("Next step", PdsaField::NextStep(form.value("Next step"))),
                ("Started", PdsaField::StartDate(started)),
                ("Finished", PdsaField::EndDate(finished)),
            ] {
                if form.changed(label) {
                    fields.push(field);
                }
            }
            if fields.is_empty() {
                return Some(format!("PDSA {number}: nothing changed"));
            }
            store
                .edit_pdsa(reference, number, &fields, Some(version))
                .map(|()| format!("PDSA {number} of {reference} updated — {undo} to undo"))
        }
        FormKind::RecordValue { reference } => {
            let date = match parse_date(&form.value("Date")) {
                Ok(d) => d,
                Err(e) => {
                    form.set_error("Date", e.to_string());
                    return None;
                }
            };
            let value = match parse_value(&form.value("Value")) {
                Ok(v) => v,
                Err(e) => {
                    form.set_error("Value", e.to_string());
                    return None;
                }
            };
            let measure = form.value("Measure");
            store
                .record_point(reference, &measure, date, value, &form.value("Note"))
                .map(|outcome| match outcome.replaced {
                    Some(old) => {
                        format!("{measure} on {date}: {old} replaced by {value} — {undo} to undo")
                    }
                    None => format!("{measure} on {date}: {value} recorded — {undo} to undo"),
                })
        }
        FormKind::Rebase { reference, measure } => {
            let date = match parse_date(&form.value("Date")) {
                Ok(d) => d,
                Err(e) => {
                    form.set_error("Date", e.to_string());
                    return None;
                }
            };
            if let Err(e) = require_text("reason", &form.value("Reason")) {
                form.set_error("Reason", e.to_string());
                return None;
            }
            store
                .rebase_measure(reference, &measure, date, &form.value("Reason"))
                .map(|()| format!("{measure} rebased at {date} — {undo} to undo"))
        }
        FormKind::Filter => {
            let status = match optional(form.value("Status"))
                .map(|s| s.parse::<Status>())
                .transpose()
            {
                Ok(s) => s,
                Err(e) => {
                    form.set_error("Status", e.to_string());
                    return None;
                }
            };
            model.filter.cohort = optional(form.value("Cohort"));
            model.filter.coach = optional(form.value("Coach"));
            model.filter.division = optional(form.value("Division"));
            model.filter.status = status;
            Ok(format!(
                "Filter applied — {} clears it",
                model.key_hint(Action::Back)
            ))
        }
        // `submit_form` gives it to its dry run: nothing is stored from here.
        FormKind::ImportProjects => return None,
    };
    match result {
        Ok(said) => Some(said),
        Err(StoreError::Unknown(unknown @ Unknown::Measure { .. })) => {
            form.set_error("Measure", unknown.to_string());
            None
        }
        Err(StoreError::Conflict(message)) => {
            // The user has now seen that someone else changed it: the next Ctrl-s saves
            // what they typed over the fresh version (only the fields they changed).
            if let Err(e) = model.reload(store) {
                model.error(e.to_string());
            }
            let refreshed = refresh_version(form, store);
            form.error = Some(if refreshed {
                format!("{message} — Ctrl-s saves yours over it, Esc leaves")
            } else {
                message
            });
            None
        }
        Err(e) => {
            form.error = Some(e.to_string());
            None
        }
    }
}
