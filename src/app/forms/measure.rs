//! Measures: add and edit one, record a value, rebase its chart.

use chrono::NaiveDate;

use super::{Saved, chosen, date, number, optional_number, required};
use crate::app::form::{Field, FieldId, Form, FormKind};
use crate::domain::{Direction, Measure, MeasureKind, ProjectRef};
use crate::store::{MeasureField, NewMeasure, Store};

fn keys<T: Copy>(all: &[T], key: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|v| key(*v)).collect()
}

/// The fields of a measure, filled from `m` (an edit) or with the defaults a new one takes:
/// an outcome measure, better when it goes up.
fn measure_fields(m: Option<&Measure>) -> Vec<Field> {
    let text = |f: fn(&Measure) -> String| m.map(f).unwrap_or_default();
    vec![
        Field::new(FieldId::Name, &text(|m| m.name.clone()))
            .hint("required, e.g. Falls per 1,000 bed days"),
        Field::choice_of(
            FieldId::Kind,
            &keys(MeasureKind::ALL, MeasureKind::key),
            m.map_or("outcome", |m| m.kind.key()),
        ),
        Field::choice_of(
            FieldId::Direction,
            &keys(Direction::ALL, Direction::key),
            m.map_or("increase", |m| m.direction.key()),
        ),
        Field::new(FieldId::Unit, &text(|m| m.unit.clone())).hint("e.g. %, minutes, falls"),
        Field::new(
            FieldId::Target,
            &text(|m| m.target.map(|t| t.to_string()).unwrap_or_default()),
        )
        .hint("optional: a number the chart draws"),
        Field::new(FieldId::Definition, &text(|m| m.definition.clone()))
            .multiline()
            .hint("numerator, denominator, exclusions"),
        Field::new(FieldId::Frequency, &text(|m| m.frequency.clone())).hint("e.g. weekly"),
        Field::new(FieldId::Source, &text(|m| m.source.clone())).hint("where the data comes from"),
    ]
}

pub(in crate::app) fn add_measure_form(reference: ProjectRef) -> Form {
    Form::new(
        FormKind::AddMeasure { reference },
        format!("Add a measure to {reference}"),
        measure_fields(None),
    )
}

pub(in crate::app) fn edit_measure_form(reference: ProjectRef, measure: &Measure) -> Form {
    Form::new(
        FormKind::EditMeasure {
            reference,
            measure: measure.name.clone(),
        },
        format!("Edit {}", measure.name),
        measure_fields(Some(measure)),
    )
}

/// The record form opens with the measure and its next date filled in, on the value.
pub(in crate::app) fn record_form(
    reference: ProjectRef,
    measure: &str,
    next: NaiveDate,
    measures: Vec<String>,
) -> Form {
    let form = Form::new(
        FormKind::RecordValue { reference },
        format!("Record a value on {reference}"),
        vec![
            Field::new(FieldId::Measure, measure)
                .hint("its name")
                .suggest(measures),
            Field::new(FieldId::Date, &next.to_string()).hint("YYYY-MM-DD"),
            Field::new(FieldId::Value, "").hint("a number, may be negative"),
            Field::new(FieldId::Note, "").hint("optional, e.g. PDSA 3 started"),
        ],
    );
    if measure.is_empty() {
        form
    } else {
        form.focus_on(FieldId::Value)
    }
}

/// The date comes from the chosen point: the reason is what is left to type.
pub(in crate::app) fn rebase_form(reference: ProjectRef, measure: &str, at: NaiveDate) -> Form {
    Form::new(
        FormKind::Rebase {
            reference,
            measure: measure.to_string(),
        },
        format!("Rebase {measure}"),
        vec![
            Field::new(FieldId::Date, &at.to_string())
                .hint("new limits from the first point on or after it"),
            Field::new(FieldId::Reason, "").hint("required, e.g. new ward layout from June"),
        ],
    )
    .focus_on(FieldId::Reason)
}

/// A file of dated values for the shown measure (or one named), as `measure import` reads it.
pub(in crate::app) fn import_values_form(
    reference: ProjectRef,
    measure: &str,
    measures: Vec<String>,
) -> Form {
    let form = Form::new(
        FormKind::ImportValues { reference },
        format!("Import values into a measure of {reference}"),
        vec![
            Field::new(FieldId::Measure, measure)
                .hint("its name")
                .suggest(measures),
            Field::new(FieldId::File, "")
                .hint("CSV or Excel with date and value columns: paste or drop it"),
            Field::new(FieldId::Sheet, "").hint("optional: else the first with those columns"),
        ],
    );
    if measure.is_empty() {
        form
    } else {
        form.focus_on(FieldId::File)
    }
}

pub(super) fn import_values(
    form: &mut Form,
    store: &mut Store,
    reference: ProjectRef,
    undo: &str,
) -> Saved {
    let measure = required(form, FieldId::Measure, "measure")?;
    let file = required(form, FieldId::File, "file")?;
    let path = crate::app::register::dropped_path(&file);
    // Standard input is the keyboard here: reading it would hang the app.
    if path == std::path::Path::new("-") {
        form.set_error(
            FieldId::File,
            "a file's path ('-' works on the command line)",
        );
        return None;
    }
    let sheet = form.optional(FieldId::Sheet);
    let readings = match crate::exchange::series::read_readings(&path, sheet.as_deref()) {
        Ok(readings) => readings,
        Err(e) => {
            form.set_error(FieldId::File, e.to_string());
            return None;
        }
    };
    Some(
        store
            .import_points(reference, &measure, &readings.values, "")
            .map(|outcome| {
                format!(
                    "{measure}: {} — {undo} undoes the whole import",
                    outcome.summary(readings.skipped)
                )
            }),
    )
}

pub(super) fn add(form: &mut Form, store: &mut Store, reference: ProjectRef, undo: &str) -> Saved {
    let name = required(form, FieldId::Name, "measure name")?;
    let new = NewMeasure {
        name: name.clone(),
        kind: chosen(form, FieldId::Kind)?,
        direction: chosen(form, FieldId::Direction)?,
        definition: form.value(FieldId::Definition),
        unit: form.value(FieldId::Unit).trim().to_string(),
        source: form.value(FieldId::Source).trim().to_string(),
        frequency: form.value(FieldId::Frequency).trim().to_string(),
        target: optional_number(form, FieldId::Target)?,
    };
    Some(
        store
            .add_measure(reference, &new)
            .map(|()| format!("{name} added to {reference} — {undo} to undo")),
    )
}

pub(super) fn edit(
    form: &mut Form,
    store: &mut Store,
    reference: ProjectRef,
    measure: &str,
    undo: &str,
) -> Saved {
    let name = required(form, FieldId::Name, "measure name")?;
    let target = optional_number(form, FieldId::Target)?;
    let mut fields = Vec::new();
    if form.changed(FieldId::Name) {
        fields.push(MeasureField::Name(name.clone()));
    }
    if form.changed(FieldId::Kind) {
        fields.push(MeasureField::Kind(chosen(form, FieldId::Kind)?));
    }
    if form.changed(FieldId::Direction) {
        fields.push(MeasureField::Direction(chosen(form, FieldId::Direction)?));
    }
    for (id, field) in [
        (
            FieldId::Unit,
            MeasureField::Unit as fn(String) -> MeasureField,
        ),
        (FieldId::Definition, MeasureField::Definition),
        (FieldId::Frequency, MeasureField::Frequency),
        (FieldId::Source, MeasureField::Source),
    ] {
        if form.changed(id) {
            fields.push(field(form.value(id).trim().to_string()));
        }
    }
    if form.changed(FieldId::Target) {
        fields.push(MeasureField::Target(target));
    }
    if fields.is_empty() {
        return Some(Ok(format!("{measure}: nothing changed")));
    }
    Some(
        store
            .edit_measure(reference, measure, &fields)
            .map(|()| format!("{name} updated — {undo} to undo")),
    )
}

pub(super) fn record(
    form: &mut Form,
    store: &mut Store,
    reference: ProjectRef,
    undo: &str,
) -> Saved {
    let date = date(form, FieldId::Date)?;
    let value = number(form, FieldId::Value)?;
    let measure = form.value(FieldId::Measure);
    Some(
        store
            .record_point(reference, &measure, date, value, &form.value(FieldId::Note))
            .map(|outcome| match outcome.replaced {
                Some(old) => {
                    format!("{measure} on {date}: {old} replaced by {value} — {undo} to undo")
                }
                None => format!("{measure} on {date}: {value} recorded — {undo} to undo"),
            }),
    )
}

pub(super) fn rebase(
    form: &mut Form,
    store: &mut Store,
    reference: ProjectRef,
    measure: &str,
    undo: &str,
) -> Saved {
    let date = date(form, FieldId::Date)?;
    let reason = required(form, FieldId::Reason, "reason")?;
    Some(
        store
            .rebase_measure(reference, measure, date, &reason)
            .map(|()| format!("{measure} rebased at {date} — {undo} to undo")),
    )
}
