//! The forms of the portfolio's lists: add and rename a person, merge two spellings of one,
//! add and rename a cohort, a stage's name, WIP limit and gateway checklist.

use super::{Saved, optional_date, required};
use crate::app::form::{Field, FieldId, Form, FormKind};
use crate::domain::Stage;
use crate::store::{Store, WipLimit};

pub(in crate::app) fn add_person_form() -> Form {
    Form::new(
        FormKind::AddPerson,
        "Add a person",
        vec![
            Field::new(FieldId::Person, "").hint("their full name"),
            Field::new(FieldId::Email, "").hint("optional"),
            Field::new(FieldId::Charter(crate::domain::CharterField::Division), ""),
        ],
    )
}

/// `at` is the row the list shows again after the save.
pub(in crate::app) fn rename_person_form(name: &str, at: usize) -> Form {
    Form::new(
        FormKind::RenamePerson {
            name: name.to_string(),
            at,
        },
        format!("Rename {name}"),
        vec![Field::new(FieldId::Person, name).hint("everywhere they are named")],
    )
}

pub(in crate::app) fn merge_person_form(name: &str, others: Vec<String>, at: usize) -> Form {
    Form::new(
        FormKind::MergePerson {
            name: name.to_string(),
            at,
        },
        format!("Merge {name} into another spelling"),
        vec![
            Field::new(FieldId::Into, "")
                .hint("the spelling to keep; their roles join it")
                .suggest(others),
        ],
    )
}

pub(in crate::app) fn add_cohort_form() -> Form {
    Form::new(
        FormKind::AddCohort,
        "Add a cohort",
        vec![
            Field::new(FieldId::Name, "").hint("e.g. QSIR Practitioner — Cohort 8"),
            Field::new(FieldId::Programme, "").hint("e.g. QSIR Practitioner"),
            Field::new(FieldId::Started, "").hint("optional: YYYY-MM-DD"),
        ],
    )
}

pub(in crate::app) fn rename_cohort_form(name: &str, at: usize) -> Form {
    Form::new(
        FormKind::RenameCohort {
            name: name.to_string(),
            at,
        },
        format!("Rename {name}"),
        vec![Field::new(FieldId::Name, name).hint("its projects follow it")],
    )
}

/// A stage's settings; the gateway checklist is one item a line.
pub(in crate::app) fn stage_form(stage: &Stage, at: usize) -> Form {
    Form::new(
        FormKind::EditStage {
            key: stage.key.clone(),
            at,
        },
        format!("Stage {}: {}", stage.position, stage.name),
        vec![
            Field::new(FieldId::Name, &stage.name).hint("required"),
            Field::new(
                FieldId::WipLimit,
                &stage.wip_limit.map(|n| n.to_string()).unwrap_or_default(),
            )
            .hint("active projects at most; empty for none"),
            Field::new(FieldId::Gateway, &stage.gateway.join("\n"))
                .multiline()
                .hint("what to meet before moving on, one a line"),
        ],
    )
}

pub(super) fn add_person(form: &mut Form, store: &mut Store, undo: &str) -> Saved {
    let name = required(form, FieldId::Person, "name")?;
    let division = form.value(FieldId::Charter(crate::domain::CharterField::Division));
    Some(
        store
            .add_person(
                &name,
                form.optional(FieldId::Email).as_deref(),
                division.trim(),
            )
            .map(|()| format!("{name} added — {undo} to undo")),
    )
}

pub(super) fn rename_person(form: &mut Form, store: &mut Store, name: &str, undo: &str) -> Saved {
    let to = required(form, FieldId::Person, "name")?;
    if !form.changed(FieldId::Person) {
        return Some(Ok(format!("{name}: nothing changed")));
    }
    Some(
        store
            .rename_person(name, &to)
            .map(|()| format!("{name} is now {to} — {undo} to undo")),
    )
}

pub(super) fn merge_person(form: &mut Form, store: &mut Store, name: &str, undo: &str) -> Saved {
    let into = required(form, FieldId::Into, "name")?;
    Some(
        store
            .merge_people(name, &into)
            .map(|()| format!("{name} merged into {into} — {undo} to undo")),
    )
}

pub(super) fn add_cohort(form: &mut Form, store: &mut Store, undo: &str) -> Saved {
    let name = required(form, FieldId::Name, "cohort name")?;
    let start = optional_date(form, FieldId::Started)?;
    Some(
        store
            .add_cohort(&name, form.value(FieldId::Programme).trim(), start)
            .map(|()| format!("Cohort {name} added — {undo} to undo")),
    )
}

pub(super) fn rename_cohort(form: &mut Form, store: &mut Store, name: &str, undo: &str) -> Saved {
    let to = required(form, FieldId::Name, "cohort name")?;
    if !form.changed(FieldId::Name) {
        return Some(Ok(format!("{name}: nothing changed")));
    }
    Some(
        store
            .rename_cohort(name, &to)
            .map(|()| format!("Cohort {name} is now {to} — {undo} to undo")),
    )
}

pub(super) fn edit_stage(form: &mut Form, store: &mut Store, key: &str, undo: &str) -> Saved {
    let name = required(form, FieldId::Name, "stage name")?;
    let wip = match form.optional(FieldId::WipLimit) {
        None => WipLimit::None,
        Some(text) => match text.parse::<i64>() {
            Ok(n) if n >= 1 => WipLimit::Limit(n),
            _ => {
                form.set_error(
                    FieldId::WipLimit,
                    format!("{text:?}: a whole number of projects, at least 1"),
                );
                return None;
            }
        },
    };
    let gateway: Vec<String> = form
        .value(FieldId::Gateway)
        .lines()
        .map(str::to_string)
        .collect();
    Some(
        store
            .edit_stage(key, Some(&name), Some(wip), Some(&gateway))
            .map(|stage| format!("Stage {} saved — {undo} to undo", stage.name)),
    )
}
