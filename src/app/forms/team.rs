//! The team: give a person a role (a member, the lead, sponsor or coach), picked from the
//! portfolio's people or typed new.

use super::{Saved, chosen, required};
use crate::app::form::{Field, FieldId, Form, FormKind};
use crate::domain::{ProjectRef, Role};
use crate::store::Store;

/// Opens on the name, with `role` chosen (a member when adding to the team).
pub(in crate::app) fn assign_form(reference: ProjectRef, role: Role, people: Vec<String>) -> Form {
    let roles: Vec<&str> = Role::ALL.iter().map(|r| r.key()).collect();
    let title = match role {
        Role::Member => format!("Add a team member to {reference}"),
        other => format!("Set the {other} of {reference}"),
    };
    Form::new(
        FormKind::Assign { reference },
        title,
        vec![
            Field::new(FieldId::Person, "")
                .hint("type to find someone; a new name is added")
                .suggest(people),
            Field::choice_of(FieldId::Role, &roles, role.key()),
        ],
    )
}

pub(super) fn assign(
    form: &mut Form,
    store: &mut Store,
    reference: ProjectRef,
    undo: &str,
) -> Saved {
    let person = required(form, FieldId::Person, "name")?;
    let role: Role = chosen(form, FieldId::Role)?;
    Some(
        store
            .assign(reference, role, &person)
            .map(|()| format!("{person} is {role} of {reference} — {undo} to undo")),
    )
}
