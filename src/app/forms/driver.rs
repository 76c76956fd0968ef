//! The driver diagram: add a primary or secondary driver, add a change idea, rename either.

use super::{Saved, chosen, required};
use crate::app::detail::DriverItem;
use crate::app::form::{Field, FieldId, Form, FormKind};
use crate::domain::{DriverLevel, ProjectRef};
use crate::store::Store;

/// A driver is primary unless the coach picks secondary and names the primary above it.
pub(in crate::app) fn add_driver_form(reference: ProjectRef, primaries: Vec<String>) -> Form {
    Form::new(
        FormKind::AddDriver { reference },
        format!("Add a driver to {reference}"),
        vec![
            Field::new(FieldId::Text, "").hint("what drives the aim, e.g. Safe staffing"),
            Field::choice_of(FieldId::Level, &["primary", "secondary"], "primary"),
            Field::new(FieldId::Parent, "")
                .hint("a secondary driver's primary")
                .suggest(primaries),
        ],
    )
}

pub(in crate::app) fn add_change_idea_form(reference: ProjectRef, drivers: Vec<String>) -> Form {
    Form::new(
        FormKind::AddChangeIdea { reference },
        format!("Add a change idea to {reference}"),
        vec![
            Field::new(FieldId::Text, "").hint("a change the team will test"),
            Field::new(FieldId::Drivers, "")
                .hint("optional: the driver it serves")
                .suggest(drivers),
        ],
    )
}

pub(in crate::app) fn rename_form(reference: ProjectRef, item: DriverItem) -> Form {
    let (title, now) = match &item {
        DriverItem::Driver(text) => ("Rename the driver", text.clone()),
        DriverItem::Idea(title) => ("Rename the change idea", title.clone()),
    };
    Form::new(
        FormKind::RenameDriverOrIdea { reference, item },
        title,
        vec![Field::new(FieldId::Text, &now).hint("required")],
    )
}

fn level(form: &mut Form) -> Option<DriverLevel> {
    let key: String = chosen(form, FieldId::Level)?;
    DriverLevel::parse(&key)
}

pub(super) fn add_driver(
    form: &mut Form,
    store: &mut Store,
    reference: ProjectRef,
    undo: &str,
) -> Saved {
    let text = required(form, FieldId::Text, "driver")?;
    let level = level(form)?;
    let parent = form.optional(FieldId::Parent);
    if level == DriverLevel::Secondary && parent.is_none() {
        form.set_error(
            FieldId::Parent,
            "a secondary driver hangs under a primary one",
        );
        return None;
    }
    Some(
        store
            .add_driver(reference, level, &text, parent.as_deref())
            .map(|()| format!("{} driver added: {text} — {undo} to undo", level.key())),
    )
}

pub(super) fn add_idea(
    form: &mut Form,
    store: &mut Store,
    reference: ProjectRef,
    undo: &str,
) -> Saved {
    let title = required(form, FieldId::Text, "change idea")?;
    let drivers: Vec<String> = form.optional(FieldId::Drivers).into_iter().collect();
    Some(
        store
            .add_change_idea(reference, &title, &drivers)
            .map(|()| format!("Change idea added: {title} — {undo} to undo")),
    )
}

pub(super) fn rename(
    form: &mut Form,
    store: &mut Store,
    reference: ProjectRef,
    item: &DriverItem,
    undo: &str,
) -> Saved {
    let to = required(form, FieldId::Text, "name")?;
    if !form.changed(FieldId::Text) {
        return Some(Ok("Nothing changed".into()));
    }
    Some(
        match item {
            DriverItem::Driver(name) => store.rename_driver(reference, name, &to),
            DriverItem::Idea(title) => store.rename_change_idea(reference, title, &to),
        }
        .map(|()| format!("Renamed to {to} — {undo} to undo")),
    )
}
