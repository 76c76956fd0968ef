//! Cohort sessions: plan the next one (the cohort picked, today's date, eight minutes a
//! team), and take the register (each participant present or absent, a newcomer enrolled).

use chrono::NaiveDate;

use super::{Saved, date, required};
use crate::app::Model;
use crate::app::form::{Field, FieldId, Form, FormKind};
use crate::app::session::SessionView;
use crate::domain::{DEFAULT_MINUTES_PER_TEAM, parse_minutes};
use crate::store::Store;

/// Opens on the date (today); the cohort is `chosen` (the board's cohort filter) or the first.
pub(in crate::app) fn plan_session_form(
    cohorts: &[String],
    chosen: Option<&str>,
    today: NaiveDate,
) -> Form {
    let options: Vec<&str> = cohorts.iter().map(String::as_str).collect();
    let current = chosen
        .and_then(|c| {
            let c = c.to_lowercase();
            cohorts.iter().find(|name| name.to_lowercase().contains(&c))
        })
        .map_or("", String::as_str);
    Form::new(
        FormKind::PlanSession,
        "Plan a cohort session",
        vec![
            Field::choice_of(FieldId::Cohort, &options, current),
            Field::new(FieldId::Date, &today.to_string()).hint("YYYY-MM-DD"),
            Field::new(FieldId::Title, "").hint("e.g. Measurement for improvement"),
            Field::new(FieldId::Minutes, &DEFAULT_MINUTES_PER_TEAM.to_string())
                .hint("each team presents for"),
        ],
    )
}

/// Plans the session and shows it: the coach planned it to run it.
pub(super) fn plan(model: &mut Model, form: &mut Form, store: &mut Store, undo: &str) -> Saved {
    let cohort = required(form, FieldId::Cohort, "cohort")?;
    let on = date(form, FieldId::Date)?;
    let minutes = match parse_minutes(&form.value(FieldId::Minutes)) {
        Ok(m) => m,
        Err(e) => {
            form.set_error(FieldId::Minutes, e.to_string());
            return None;
        }
    };
    let title = form.value(FieldId::Title);
    Some(store.add_session(&cohort, on, &title, minutes).map(|s| {
        match SessionView::load(store, &s.cohort, s.number, 0) {
            Ok(view) => model.session = Some(view),
            Err(e) => model.error(e.to_string()),
        }
        format!("{s} planned for {} — {undo} to undo", s.date)
    }))
}

const PRESENT: &str = "present";
const ABSENT: &str = "absent";
const NOT_TAKEN: &str = "";

/// One choice per person (present, absent, or not taken yet), then a name to enrol.
pub(in crate::app) fn register_form(
    cohort: &str,
    number: i64,
    people: &[(String, Option<bool>)],
    everyone: Vec<String>,
) -> Form {
    let options = [(NOT_TAKEN, "–"), (PRESENT, "present"), (ABSENT, "absent")];
    let mut fields: Vec<Field> = people
        .iter()
        .enumerate()
        .map(|(i, (name, mark))| {
            let current = match mark {
                Some(true) => PRESENT,
                Some(false) => ABSENT,
                None => NOT_TAKEN,
            };
            Field::choice(FieldId::Attendee(i as u16), &options, current).labelled(name.clone())
        })
        .collect();
    fields.push(
        Field::new(FieldId::Newcomer, "")
            .hint("someone new to the cohort")
            .suggest(everyone),
    );
    let mut form = Form::new(
        FormKind::Register {
            cohort: cohort.to_string(),
            number,
        },
        format!("Register: session {number}"),
        fields,
    );
    // The register is read down the list: start at its top, not at the newcomer.
    form.focus = 0;
    form
}

pub(super) fn take(
    form: &mut Form,
    store: &mut Store,
    cohort: &str,
    number: i64,
    undo: &str,
) -> Saved {
    let marks: Vec<(String, bool)> = form
        .fields
        .iter()
        .filter(|f| matches!(f.id, FieldId::Attendee(_)) && f.changed())
        .filter_map(|f| match f.value().as_str() {
            PRESENT => Some((f.label.clone(), true)),
            ABSENT => Some((f.label.clone(), false)),
            _ => None,
        })
        .collect();
    // Someone new is enrolled and marked present in the same change as the marks.
    let newcomers: Vec<String> = form.optional(FieldId::Newcomer).into_iter().collect();
    if marks.is_empty() && newcomers.is_empty() {
        return Some(Ok("Register: nothing changed".into()));
    }
    let n = marks.len() + newcomers.len();
    let enrolled = newcomers
        .first()
        .map_or(String::new(), |name| format!(", {name} enrolled"));
    Some(store.attend(cohort, number, &marks, &newcomers).map(|()| {
        format!(
            "Register of session {number}: {n} {} recorded{enrolled} — {undo} to undo",
            if n == 1 { "mark" } else { "marks" }
        )
    }))
}
