//! The board's filter: which projects show (nothing stored).

use crate::app::form::{Field, FieldId, Form, FormKind};
use crate::app::{Action, Model};
use crate::domain::{CharterField, Status};
use crate::store::ProjectFilter;

pub(in crate::app) fn filter_form(f: &ProjectFilter, people: Vec<String>) -> Form {
    let mut statuses: Vec<(&str, &str)> = vec![("", "any")];
    statuses.extend(Status::ALL.iter().map(|s| (s.key(), s.label())));
    Form::new(
        FormKind::Filter,
        "Filter projects (empty = any)",
        vec![
            Field::new(
                FieldId::Charter(CharterField::Cohort),
                f.cohort.as_deref().unwrap_or(""),
            ),
            Field::new(FieldId::Coach, f.coach.as_deref().unwrap_or("")).suggest(people),
            Field::new(
                FieldId::Charter(CharterField::Division),
                f.division.as_deref().unwrap_or(""),
            ),
            Field::choice(
                FieldId::Status,
                &statuses,
                f.status.map(|s| s.key()).unwrap_or(""),
            ),
        ],
    )
}

pub(super) fn apply(model: &mut Model, form: &mut Form) -> Option<String> {
    let status = match form
        .optional(FieldId::Status)
        .map(|s| s.parse::<Status>())
        .transpose()
    {
        Ok(s) => s,
        Err(e) => {
            form.set_error(FieldId::Status, e.to_string());
            return None;
        }
    };
    model.filter.cohort = form.optional(FieldId::Charter(CharterField::Cohort));
    model.filter.coach = form.optional(FieldId::Coach);
    model.filter.division = form.optional(FieldId::Charter(CharterField::Division));
    model.filter.status = status;
    Some(format!(
        "Filter applied — {} clears it",
        model.key_hint(Action::Back)
    ))
}
