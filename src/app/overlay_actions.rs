//! What the keys of an open overlay do, as actions through `update`: save a form, move
//! between its fields, answer a question, choose from a list, close.

use super::forms::{self, Submitted};
use super::navigate::open_detail;
use super::overlay::{Choice, ChoicePurpose, ConfirmPurpose, Deletion, Overlay};
use super::update::{changed, changed_project, refused, update};
use super::{Action, Model, Pane};
use crate::domain::Status;
use crate::store::Store;

pub(super) fn apply(model: &mut Model, action: Action, store: &mut Store) {
    let Some(overlay) = model.overlay.take() else {
        return;
    };
    model.overlay = match (action, overlay) {
        // A list's form goes back to its list, unchanged.
        (Action::Close, Overlay::Form(form)) if form.kind.directory().is_some() => {
            if let Some((kind, at)) = form.kind.directory() {
                super::directory::open(model, kind, store, at);
            }
            return;
        }
        (Action::Close | Action::No, _) => None,
        (Action::ListAdd | Action::ListEdit | Action::ListMerge, overlay) => {
            model.overlay = Some(overlay);
            super::directory::act(model, action, store);
            return;
        }
        (Action::Save, Overlay::Form(mut form)) => {
            form.clear_errors();
            match forms::submit(model, &mut form, store) {
                Some(Submitted::Changed(said)) => {
                    model.overlay = None;
                    changed(model, store, said);
                    // A list's form goes back to the list, the change in it.
                    if let Some((kind, at)) = form.kind.directory() {
                        super::directory::open(model, kind, store, at);
                    }
                    return;
                }
                Some(Submitted::Confirm(confirm)) => Some(Overlay::Confirm(confirm)),
                None => Some(Overlay::Form(form)),
            }
        }
        (Action::NextField, Overlay::Form(mut form)) => {
            // In a name, Tab first takes the suggested one.
            if !form.focused().is_some_and(|f| f.complete()) {
                form.focus_next(1);
            }
            Some(Overlay::Form(form))
        }
        (Action::PreviousField, Overlay::Form(mut form)) => {
            form.focus_next(-1);
            Some(Overlay::Form(form))
        }
        (Action::Yes, Overlay::Confirm(confirm)) => {
            confirmed(model, confirm.purpose, store);
            return;
        }
        (Action::Choose, Overlay::Palette(palette)) => {
            if let Some(action) = palette.matches.get(palette.selected).copied() {
                update(model, action, store);
            }
            return;
        }
        (Action::Choose, Overlay::Search(search)) => {
            if let Some(reference) = search.chosen().map(|i| i.reference) {
                // The board keeps the found card selected for when the coach goes back.
                if !model.board.select(reference) {
                    model.filter = Default::default();
                    if let Err(e) = model.reload(store) {
                        model.error(e.to_string());
                    }
                    model.board.select(reference);
                }
                model.board.keep_in_view(model.size);
                open_detail(model, reference, store);
                model.back_to = Pane::Board;
            }
            return;
        }
        (Action::Choose, Overlay::Choice(choice)) => {
            choose(model, &choice, store);
            return;
        }
        (Action::ListUp | Action::ListDown, overlay) => {
            let down = action == Action::ListDown;
            let step = |at: usize, len: usize| {
                if down {
                    (at + 1).min(len.saturating_sub(1))
                } else {
                    at.saturating_sub(1)
                }
            };
            Some(match overlay {
                Overlay::Palette(mut p) => {
                    p.selected = step(p.selected, p.matches.len());
                    Overlay::Palette(p)
                }
                Overlay::Search(mut s) => {
                    s.selected = step(s.selected, s.matches.len());
                    Overlay::Search(s)
                }
                Overlay::Choice(mut c) => {
                    c.selected = step(c.selected, c.options.len());
                    Overlay::Choice(c)
                }
                Overlay::Directory(mut d) => {
                    d.selected = step(d.selected, d.rows.len());
                    Overlay::Directory(d)
                }
                Overlay::Help { scroll } => Overlay::Help {
                    scroll: if down {
                        scroll + 1
                    } else {
                        scroll.saturating_sub(1)
                    },
                },
                other => other,
            })
        }
        // A key of another overlay (a config binding it here): nothing to do.
        (_, overlay) => Some(overlay),
    };
}

/// The coach said yes.
fn confirmed(model: &mut Model, purpose: ConfirmPurpose, store: &mut Store) {
    let undo = model.key_hint(Action::Undo);
    match purpose {
        ConfirmPurpose::DeleteProject { reference, version } => {
            match store.delete_project(reference, Some(version)) {
                Ok(()) => {
                    if model
                        .detail
                        .as_ref()
                        .is_some_and(|d| d.reference() == reference)
                    {
                        model.detail = None;
                        model.pane = Pane::Board;
                    }
                    changed(
                        model,
                        store,
                        format!("{reference} deleted — {undo} to undo"),
                    );
                }
                Err(e) => refused(model, store, e),
            }
        }
        ConfirmPurpose::ImportProjects(pending) => {
            super::register::import(model, store, &pending);
        }
        ConfirmPurpose::Delete(deletion) => {
            let reference = deletion.reference();
            let done = match &deletion {
                Deletion::Measure { name, .. } => store.delete_measure(reference, name),
                Deletion::DriverOrIdea { item, .. } => match item {
                    super::DriverItem::Driver(name) => store.delete_driver(reference, name),
                    super::DriverItem::Idea(title) => store.delete_change_idea(reference, title),
                },
                Deletion::Benefit { number, .. } => store.delete_benefit(reference, *number),
                Deletion::Note { number, .. } => store.delete_note(reference, *number),
                Deletion::Role { role, person, .. } => store.unassign(reference, *role, person),
            };
            match done {
                Ok(()) => changed_project(
                    model,
                    store,
                    reference,
                    format!("{reference}: {} deleted — {undo} to undo", deletion.what()),
                ),
                Err(e) => refused(model, store, e),
            }
        }
    }
}

fn choose(model: &mut Model, choice: &Choice, store: &mut Store) {
    match &choice.purpose {
        ChoicePurpose::Status { reference, version } => {
            let status = Status::ALL[choice.selected.min(Status::ALL.len() - 1)];
            match store.set_status(*reference, status, Some(*version)) {
                Ok(()) => {
                    let undo = model.key_hint(Action::Undo);
                    changed_project(
                        model,
                        store,
                        *reference,
                        format!("{reference} is now {} — {undo} to undo", status.label()),
                    )
                }
                Err(e) => refused(model, store, e),
            }
        }
    }
}
