//! Benefits a project claims: add one, edit one.

use chrono::NaiveDate;

use super::{Saved, chosen, date, number};
use crate::app::form::{Field, FieldId, Form, FormKind};
use crate::domain::{Benefit, BenefitKind, ProjectRef};
use crate::store::{BenefitField, Store};

fn benefit_fields(b: Option<&Benefit>, today: NaiveDate) -> Vec<Field> {
    let kinds: Vec<(&str, String)> = BenefitKind::ALL
        .iter()
        .map(|k| (k.key(), k.key().replace('_', " ")))
        .collect();
    let kinds: Vec<(&str, &str)> = kinds.iter().map(|(k, s)| (*k, s.as_str())).collect();
    vec![
        Field::new(
            FieldId::Amount,
            &b.map(|b| b.amount.to_string()).unwrap_or_default(),
        )
        .hint("a number, e.g. 120"),
        Field::new(FieldId::Unit, b.map_or("", |b| b.unit.as_str()))
            .hint("e.g. hours a year, £, bed days"),
        Field::choice(
            FieldId::Kind,
            &kinds,
            b.map_or("time_released", |b| b.kind.key()),
        ),
        Field::new(FieldId::Note, b.map_or("", |b| b.note.as_str())).hint("how it was worked out"),
        Field::new(
            FieldId::Claimed,
            &b.map_or(today, |b| b.claimed_date).to_string(),
        )
        .hint("YYYY-MM-DD"),
    ]
}

pub(in crate::app) fn add_benefit_form(reference: ProjectRef, today: NaiveDate) -> Form {
    Form::new(
        FormKind::AddBenefit { reference },
        format!("Claim a benefit for {reference}"),
        benefit_fields(None, today),
    )
}

/// The `number`th benefit (from 1, as Detail lists them).
pub(in crate::app) fn edit_benefit_form(
    reference: ProjectRef,
    number: usize,
    benefit: &Benefit,
) -> Form {
    Form::new(
        FormKind::EditBenefit { reference, number },
        format!("Edit benefit {number} of {reference}"),
        benefit_fields(Some(benefit), benefit.claimed_date),
    )
}

pub(super) fn add(form: &mut Form, store: &mut Store, reference: ProjectRef, undo: &str) -> Saved {
    let amount = number(form, FieldId::Amount)?;
    let kind: BenefitKind = chosen(form, FieldId::Kind)?;
    let claimed = date(form, FieldId::Claimed)?;
    let unit = form.value(FieldId::Unit).trim().to_string();
    Some(
        store
            .add_benefit(
                reference,
                kind,
                amount,
                &unit,
                form.value(FieldId::Note).trim(),
                claimed,
            )
            .map(|()| format!("Benefit claimed: {amount} {unit} — {undo} to undo")),
    )
}

pub(super) fn edit(
    form: &mut Form,
    store: &mut Store,
    reference: ProjectRef,
    number_: usize,
    undo: &str,
) -> Saved {
    let amount = number(form, FieldId::Amount)?;
    let kind: BenefitKind = chosen(form, FieldId::Kind)?;
    let claimed = date(form, FieldId::Claimed)?;
    let fields: Vec<BenefitField> = [
        (FieldId::Amount, BenefitField::Amount(amount)),
        (FieldId::Unit, BenefitField::Unit(form.value(FieldId::Unit))),
        (FieldId::Kind, BenefitField::Kind(kind)),
        (FieldId::Note, BenefitField::Note(form.value(FieldId::Note))),
        (FieldId::Claimed, BenefitField::Claimed(claimed)),
    ]
    .into_iter()
    .filter(|(id, _)| form.changed(*id))
    .map(|(_, f)| f)
    .collect();
    if fields.is_empty() {
        return Some(Ok(format!("Benefit {number_}: nothing changed")));
    }
    Some(
        store
            .edit_benefit(reference, number_, &fields)
            .map(|()| format!("Benefit {number_} of {reference} updated — {undo} to undo")),
    )
}
