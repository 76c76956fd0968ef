//! Every form, one module per thing it changes: how the form is laid out (with defaults a
//! coach can save at once) and how a saved one is checked and stored. `update` opens them
//! and saves them; nothing here reads a key.

mod action;
mod benefit;
mod directory;
mod driver;
mod filter;
mod measure;
mod note;
mod pdsa;
mod project;
mod session;
mod team;

pub(super) use action::{add_action_form, edit_action_form};
pub(super) use benefit::{add_benefit_form, edit_benefit_form};
pub(super) use directory::{
    add_cohort_form, add_person_form, merge_person_form, rename_cohort_form, rename_person_form,
    stage_form,
};
pub(super) use driver::{add_change_idea_form, add_driver_form, rename_form};
pub(super) use filter::filter_form;
pub(super) use measure::{
    add_measure_form, edit_measure_form, import_values_form, rebase_form, record_form,
};
pub(super) use note::{edit_note_form, note_form};
pub(super) use pdsa::{add_pdsa_form, worksheet_form};
pub(super) use project::{add_project_form, edit_project_form, score_form};
pub(super) use session::{plan_session_form, register_form};
pub(super) use team::assign_form;

use chrono::NaiveDate;

use super::form::{FieldId, Form, FormKind};
use super::overlay::Confirm;
use super::{Action, Model};
use crate::domain::{parse_date, parse_value};
use crate::store::{Store, StoreError, Unknown};

/// What a saved form led to.
pub(super) enum Submitted {
    /// Stored (or nothing to store): what the status line says.
    Changed(String),
    /// One more question before anything is written (an import's dry run).
    Confirm(Confirm),
}

/// A form's own check and store call: `None` when a field was refused (its error is set),
/// else what the store said.
type Saved = Option<Result<String, StoreError>>;

/// Validates and stores a saved form; `None` leaves it open with its errors shown.
pub(super) fn submit(model: &mut Model, form: &mut Form, store: &mut Store) -> Option<Submitted> {
    let undo = model.key_hint(Action::Undo);
    let saved: Saved = match form.kind.clone() {
        FormKind::ImportProjects => return super::register::check_import(form, store),
        FormKind::Filter => return filter::apply(model, form).map(Submitted::Changed),
        FormKind::AddProject => project::add(model, form, store, &undo),
        FormKind::EditProject { reference, version } => {
            project::edit(form, store, reference, version, &undo)
        }
        FormKind::Score { reference, version } => {
            project::score(form, store, reference, version, &undo)
        }
        FormKind::Note { reference } => note::add(form, store, reference, &undo),
        FormKind::EditNote { reference, number } => {
            note::edit(form, store, reference, number, &undo)
        }
        FormKind::AddPdsa { reference } => pdsa::add(form, store, reference, &undo),
        FormKind::EditPdsa {
            reference,
            number,
            version,
        } => pdsa::edit(form, store, reference, number, version, &undo),
        FormKind::RecordValue { reference } => measure::record(form, store, reference, &undo),
        FormKind::Rebase { reference, measure } => {
            measure::rebase(form, store, reference, &measure, &undo)
        }
        FormKind::AddMeasure { reference } => measure::add(form, store, reference, &undo),
        FormKind::ImportValues { reference } => {
            measure::import_values(form, store, reference, &undo)
        }
        FormKind::EditMeasure { reference, measure } => {
            measure::edit(form, store, reference, &measure, &undo)
        }
        FormKind::AddDriver { reference } => driver::add_driver(form, store, reference, &undo),
        FormKind::AddChangeIdea { reference } => driver::add_idea(form, store, reference, &undo),
        FormKind::RenameDriverOrIdea { reference, item } => {
            driver::rename(form, store, reference, &item, &undo)
        }
        FormKind::AddBenefit { reference } => benefit::add(form, store, reference, &undo),
        FormKind::EditBenefit { reference, number } => {
            benefit::edit(form, store, reference, number, &undo)
        }
        FormKind::Assign { reference } => team::assign(form, store, reference, &undo),
        FormKind::AddPerson => directory::add_person(form, store, &undo),
        FormKind::RenamePerson { name, .. } => directory::rename_person(form, store, &name, &undo),
        FormKind::MergePerson { name, .. } => directory::merge_person(form, store, &name, &undo),
        FormKind::AddCohort => directory::add_cohort(form, store, &undo),
        FormKind::RenameCohort { name, .. } => directory::rename_cohort(form, store, &name, &undo),
        FormKind::EditStage { key, .. } => directory::edit_stage(form, store, &key, &undo),
        FormKind::AddAction { reference, session } => {
            action::add(form, store, reference, session, &undo)
        }
        FormKind::EditAction { reference, number } => {
            action::edit(form, store, reference, number, &undo)
        }
        FormKind::PlanSession => session::plan(model, form, store, &undo),
        FormKind::Register { cohort, number } => session::take(form, store, &cohort, number, &undo),
    };
    match saved? {
        Ok(said) => Some(Submitted::Changed(said)),
        Err(StoreError::Unknown(unknown @ Unknown::Measure { .. })) => {
            form.set_error(FieldId::Measure, unknown.to_string());
            None
        }
        Err(StoreError::Conflict(message)) => {
            // The user has now seen that someone else changed it: the next save stores
            // what they typed over the fresh version (only the fields they changed).
            if let Err(e) = model.reload(store) {
                model.error(e.to_string());
            }
            let refreshed = refresh_version(form, store);
            let save = model.keymap().hint(super::Context::Form, Action::Save);
            form.error = Some(if refreshed {
                format!("{message} — {save} saves yours over it, Esc leaves")
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

/// A required text: refused with `what` named when blank.
fn required(form: &mut Form, id: FieldId, what: &'static str) -> Option<String> {
    match crate::domain::require_text(what, &form.value(id)) {
        Ok(text) => Some(text.trim().to_string()),
        Err(e) => {
            form.set_error(id, e.to_string());
            None
        }
    }
}

/// A date that must be given.
fn date(form: &mut Form, id: FieldId) -> Option<NaiveDate> {
    match parse_date(&form.value(id)) {
        Ok(d) => Some(d),
        Err(e) => {
            form.set_error(id, e.to_string());
            None
        }
    }
}

/// An optional date: empty is none, anything else must be a date.
fn optional_date(form: &mut Form, id: FieldId) -> Option<Option<NaiveDate>> {
    match form.optional(id).map(|t| parse_date(&t)).transpose() {
        Ok(date) => Some(date),
        Err(e) => {
            form.set_error(id, e.to_string());
            None
        }
    }
}

/// A number that must be given.
fn number(form: &mut Form, id: FieldId) -> Option<f64> {
    match parse_value(&form.value(id)) {
        Ok(v) => Some(v),
        Err(e) => {
            form.set_error(id, e.to_string());
            None
        }
    }
}

/// An optional number: empty is none.
fn optional_number(form: &mut Form, id: FieldId) -> Option<Option<f64>> {
    match form.optional(id).map(|t| parse_value(&t)).transpose() {
        Ok(v) => Some(v),
        Err(e) => {
            form.set_error(id, e.to_string());
            None
        }
    }
}

/// A choice field's value read as its domain type (a choice offers only valid ones).
fn chosen<T: std::str::FromStr>(form: &mut Form, id: FieldId) -> Option<T>
where
    T::Err: std::fmt::Display,
{
    match form.value(id).parse() {
        Ok(v) => Some(v),
        Err(e) => {
            form.set_error(id, e.to_string());
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
        FormKind::Score { reference, .. } => {
            let Ok(d) = store.project_detail(reference) else {
                return false;
            };
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
        let Some(theirs) = fresh.fields.iter().find(|f| f.id == field.id) else {
            continue;
        };
        if !field.changed() {
            field.input = theirs.input.clone();
            field.chosen = theirs.chosen;
            field.original = theirs.original.clone();
        } else if theirs.original != field.original {
            field.error = Some(format!(
                "also changed elsewhere, to \"{}\"; saving keeps yours",
                shortened(&theirs.original, 40)
            ));
            field.original = theirs.original.clone();
        }
    }
    form.kind = fresh.kind;
    true
}
