//! Actions a team promises: add one (in a session, its owner the lead unless said), change
//! its text, owner or due date.

use chrono::NaiveDate;

use super::{Saved, optional_date, required};
use crate::app::form::{Field, FieldId, Form, FormKind};
use crate::domain::{Action, ProjectRef};
use crate::store::{ActionField, NewAction, Store};

const DUE_HINT: &str = "YYYY-MM-DD, or empty";

/// Opens on the text; the owner is `owner` (the team's lead) unless the coach types another.
pub(in crate::app) fn add_action_form(
    reference: ProjectRef,
    owner: Option<&str>,
    people: Vec<String>,
    session: Option<i64>,
) -> Form {
    let title = match session {
        Some(n) => format!("Action for {reference} (raised in session {n})"),
        None => format!("Action for {reference}"),
    };
    Form::new(
        FormKind::AddAction { reference, session },
        title,
        vec![
            Field::new(FieldId::Text, "").hint("what is to be done"),
            Field::new(FieldId::Owner, owner.unwrap_or(""))
                .hint("type to find someone; a new name is added")
                .suggest(people),
            Field::new(FieldId::Due, "").hint(DUE_HINT),
        ],
    )
}

pub(in crate::app) fn edit_action_form(
    reference: ProjectRef,
    action: &Action,
    people: Vec<String>,
) -> Form {
    Form::new(
        FormKind::EditAction {
            reference,
            number: action.number,
        },
        format!("Edit action {} of {reference}", action.number),
        vec![
            Field::new(FieldId::Text, &action.text),
            Field::new(FieldId::Owner, action.owner.as_deref().unwrap_or(""))
                .hint("empty for nobody yet")
                .suggest(people),
            Field::new(
                FieldId::Due,
                &action
                    .due
                    .map(|d: NaiveDate| d.to_string())
                    .unwrap_or_default(),
            )
            .hint(DUE_HINT),
        ],
    )
}

pub(super) fn add(
    form: &mut Form,
    store: &mut Store,
    reference: ProjectRef,
    session: Option<i64>,
    undo: &str,
) -> Saved {
    let text = required(form, FieldId::Text, "action text")?;
    let due = optional_date(form, FieldId::Due)?;
    let new = NewAction {
        text,
        owner: form.optional(FieldId::Owner),
        due,
        session,
    };
    Some(
        store
            .add_action(reference, &new)
            .map(|n| format!("{reference}: action {n} added — {undo} to undo")),
    )
}

pub(super) fn edit(
    form: &mut Form,
    store: &mut Store,
    reference: ProjectRef,
    number: i64,
    undo: &str,
) -> Saved {
    let text = required(form, FieldId::Text, "action text")?;
    let due = optional_date(form, FieldId::Due)?;
    let mut fields = Vec::new();
    if form.changed(FieldId::Text) {
        fields.push(ActionField::Text(text));
    }
    if form.changed(FieldId::Owner) {
        fields.push(ActionField::Owner(form.optional(FieldId::Owner)));
    }
    if form.changed(FieldId::Due) {
        fields.push(ActionField::Due(due));
    }
    if fields.is_empty() {
        return Some(Ok(format!("Action {number}: nothing changed")));
    }
    Some(
        store
            .edit_action(reference, number, &fields)
            .map(|()| format!("{reference}: action {number} updated — {undo} to undo")),
    )
}
