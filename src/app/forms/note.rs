//! Notes on a project: add one, rewrite one (it keeps its date).

use super::{Saved, required};
use crate::app::form::{Field, FieldId, Form, FormKind};
use crate::domain::ProjectRef;
use crate::store::Store;

pub(in crate::app) fn note_form(reference: ProjectRef) -> Form {
    Form::new(
        FormKind::Note { reference },
        format!("Note on {reference}"),
        vec![
            Field::new(FieldId::Note, "")
                .multiline()
                .hint("Enter for a new line"),
        ],
    )
}

/// The `number`th note (from 1, oldest first), to rewrite.
pub(in crate::app) fn edit_note_form(reference: ProjectRef, number: usize, text: &str) -> Form {
    Form::new(
        FormKind::EditNote { reference, number },
        format!("Edit note {number} on {reference}"),
        vec![
            Field::new(FieldId::Note, text)
                .multiline()
                .hint("Enter for a new line"),
        ],
    )
}

pub(super) fn add(form: &mut Form, store: &mut Store, reference: ProjectRef, undo: &str) -> Saved {
    let text = required(form, FieldId::Note, "note")?;
    Some(
        store
            .add_note(reference, &text)
            .map(|()| format!("Note added to {reference} — {undo} to undo")),
    )
}

pub(super) fn edit(
    form: &mut Form,
    store: &mut Store,
    reference: ProjectRef,
    number: usize,
    undo: &str,
) -> Saved {
    let text = required(form, FieldId::Note, "note")?;
    if !form.changed(FieldId::Note) {
        return Some(Ok(format!("Note {number}: nothing changed")));
    }
    Some(
        store
            .edit_note(reference, number, &text)
            .map(|()| format!("Note {number} on {reference} updated — {undo} to undo")),
    )
}
