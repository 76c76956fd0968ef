//! PDSA cycles: plan a new one, fill in a cycle's worksheet.

use chrono::NaiveDate;

use super::{Saved, optional_date, required};
use crate::app::form::{Field, FieldId, Form, FormKind};
use crate::domain::{ActDecision, PdsaCycle, ProjectRef};
use crate::store::{NewPdsa, PdsaField, Store};

pub(in crate::app) fn add_pdsa_form(
    reference: ProjectRef,
    today: NaiveDate,
    ideas: Vec<String>,
) -> Form {
    Form::new(
        FormKind::AddPdsa { reference },
        format!("New PDSA cycle on {reference}"),
        vec![
            Field::new(FieldId::ChangeIdea, "")
                .hint("new or existing")
                .suggest(ideas),
            Field::new(FieldId::Objective, ""),
            Field::new(FieldId::Prediction, "")
                .multiline()
                .hint("what will happen, and why"),
            Field::new(FieldId::Plan, "")
                .multiline()
                .hint("who, what, when, where, what data"),
            Field::new(FieldId::Started, &today.to_string()).hint("YYYY-MM-DD"),
        ],
    )
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

/// The PDSA worksheet of one cycle, as `Enter` on it opens it.
pub(in crate::app) fn worksheet_form(reference: ProjectRef, cycle: &PdsaCycle) -> Form {
    let mut acts: Vec<(&str, &str)> = vec![("", "not yet")];
    acts.extend(ActDecision::ALL.iter().map(|a| (a.key(), a.key())));
    Form::new(
        FormKind::EditPdsa {
            reference,
            number: cycle.number,
            version: cycle.version,
        },
        format!("{} worksheet — {}", cycle.label(), cycle.change_idea),
        vec![
            Field::new(FieldId::Prediction, &cycle.predictions)
                .multiline()
                .hint("what will happen, and why"),
            Field::new(FieldId::Do, &cycle.do_notes)
                .multiline()
                .hint("what happened, problems, surprises"),
            Field::new(FieldId::Study, &cycle.study)
                .multiline()
                .hint("results against predictions"),
            Field::choice(
                FieldId::Act,
                &acts,
                cycle.act.map(|a| a.key()).unwrap_or(""),
            )
            .hint("adopt, adapt or abandon"),
            Field::new(FieldId::NextStep, &cycle.next_step).multiline(),
            Field::new(FieldId::Started, &date_text(cycle.start_date))
                .hint("YYYY-MM-DD or DD/MM/YYYY"),
            Field::new(FieldId::Finished, &date_text(cycle.end_date))
                .hint("empty until decided: a decision dates it today"),
        ],
    )
}

pub(super) fn add(form: &mut Form, store: &mut Store, reference: ProjectRef, undo: &str) -> Saved {
    let idea = required(form, FieldId::ChangeIdea, "change idea")?;
    let start = optional_date(form, FieldId::Started)?;
    let new = NewPdsa {
        change_idea: idea,
        objective: form.value(FieldId::Objective),
        predictions: form.value(FieldId::Prediction),
        plan: form.value(FieldId::Plan),
        start_date: start,
        ..Default::default()
    };
    Some(
        store
            .add_pdsa(reference, &new)
            .map(|n| format!("PDSA {n} added to {reference} — {undo} to undo")),
    )
}

pub(super) fn edit(
    form: &mut Form,
    store: &mut Store,
    reference: ProjectRef,
    number: i64,
    version: i64,
    undo: &str,
) -> Saved {
    let act = match form
        .optional(FieldId::Act)
        .map(|a| a.parse::<ActDecision>())
        .transpose()
    {
        Ok(act) => act,
        Err(e) => {
            form.set_error(FieldId::Act, e.to_string());
            return None;
        }
    };
    let started = optional_date(form, FieldId::Started)?;
    let finished = optional_date(form, FieldId::Finished)?;
    // Only what the user changed is written: the rest stays as anyone else left it.
    let fields: Vec<PdsaField> = [
        (
            FieldId::Prediction,
            PdsaField::Predictions(form.value(FieldId::Prediction)),
        ),
        (FieldId::Do, PdsaField::Do(form.value(FieldId::Do))),
        (FieldId::Study, PdsaField::Study(form.value(FieldId::Study))),
        (FieldId::Act, PdsaField::Act(act)),
        (
            FieldId::NextStep,
            PdsaField::NextStep(form.value(FieldId::NextStep)),
        ),
        (FieldId::Started, PdsaField::StartDate(started)),
        (FieldId::Finished, PdsaField::EndDate(finished)),
    ]
    .into_iter()
    .filter(|(id, _)| form.changed(*id))
    .map(|(_, field)| field)
    .collect();
    if fields.is_empty() {
        return Some(Ok(format!("PDSA {number}: nothing changed")));
    }
    Some(
        store
            .edit_pdsa(reference, number, &fields, Some(version))
            .map(|()| format!("PDSA {number} of {reference} updated — {undo} to undo")),
    )
}
