//! Keys while an overlay is open: help scrolling, palette and search typing, choices,
//! the delete confirmation, and form fields (Ctrl-s saves, Esc leaves).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keymap::normalise;
use super::navigate::open_detail;
use super::overlay::{Choice, ChoicePurpose, ConfirmPurpose, Overlay};
use super::submit::{Submitted, submit_form};
use super::update::{changed, changed_project, refused, update};
use super::{Action, Model, Pane};
use crate::domain::Status;
use crate::store::Store;

fn close_overlay_key(model: &Model, key: super::Key) -> bool {
    if key.code == KeyCode::Esc {
        return true;
    }
    // The key that opened an overlay closes it too (? for help, : for the palette).
    let opener = match &model.overlay {
        Some(Overlay::Help { .. }) => Some(Action::Help),
        Some(Overlay::Palette(_)) => Some(Action::Palette),
        _ => None,
    };
    opener.is_some_and(|a| model.keymap().keys_for(model.context(), a).contains(&key))
}

pub(super) fn overlay_key(model: &mut Model, event: &KeyEvent, store: &mut Store) {
    let key = normalise(event);
    if close_overlay_key(model, key) {
        model.overlay = None;
        return;
    }
    if key == super::Key::ctrl('c') {
        model.quit = true;
        return;
    }
    let Some(overlay) = model.overlay.take() else {
        return;
    };
    model.overlay = match overlay {
        Overlay::Help { scroll } => Some(Overlay::Help {
            scroll: match key.code {
                KeyCode::Down | KeyCode::Char('j') => scroll + 1,
                KeyCode::Up | KeyCode::Char('k') => scroll.saturating_sub(1),
                KeyCode::PageDown => scroll + 10,
                KeyCode::PageUp => scroll.saturating_sub(10),
                _ => scroll,
            },
        }),
        Overlay::Palette(mut palette) => match key.code {
            KeyCode::Enter => {
                let chosen = palette.matches.get(palette.selected).copied();
                model.overlay = None;
                if let Some(action) = chosen {
                    update(model, action, store);
                }
                return;
            }
            KeyCode::Down => {
                palette.selected =
                    (palette.selected + 1).min(palette.matches.len().saturating_sub(1));
                Some(Overlay::Palette(palette))
            }
            KeyCode::Up => {
                palette.selected = palette.selected.saturating_sub(1);
                Some(Overlay::Palette(palette))
            }
            _ => {
                if palette.query.input(*event) {
                    palette.refresh();
                }
                Some(Overlay::Palette(palette))
            }
        },
        Overlay::Search(mut search) => match key.code {
            KeyCode::Enter => {
                let chosen = search.chosen().map(|i| i.reference);
                model.overlay = None;
                if let Some(reference) = chosen {
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
            KeyCode::Down => {
                search.selected = (search.selected + 1).min(search.matches.len().saturating_sub(1));
                Some(Overlay::Search(search))
            }
            KeyCode::Up => {
                search.selected = search.selected.saturating_sub(1);
                Some(Overlay::Search(search))
            }
            _ => {
                if search.query.input(*event) {
                    search.refresh();
                }
                Some(Overlay::Search(search))
            }
        },
        Overlay::Choice(mut choice) => match key.code {
            KeyCode::Enter => {
                model.overlay = None;
                choose(model, &choice, store);
                return;
            }
            KeyCode::Down | KeyCode::Char('j') => {
                choice.selected = (choice.selected + 1).min(choice.options.len() - 1);
                Some(Overlay::Choice(choice))
            }
            KeyCode::Up | KeyCode::Char('k') => {
                choice.selected = choice.selected.saturating_sub(1);
                Some(Overlay::Choice(choice))
            }
            KeyCode::Char(c) if c.is_ascii_digit() => {
                let i = c.to_digit(10).unwrap_or(0) as usize;
                if (1..=choice.options.len()).contains(&i) {
                    choice.selected = i - 1;
                    model.overlay = None;
                    choose(model, &choice, store);
                    return;
                }
                Some(Overlay::Choice(choice))
            }
            _ => Some(Overlay::Choice(choice)),
        },
        Overlay::Confirm(confirm) => match key.code {
            KeyCode::Enter if !confirm.enter_confirms() => Some(Overlay::Confirm(confirm)),
            KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter => {
                model.overlay = None;
                confirmed(model, confirm.purpose, store);
                return;
            }
            KeyCode::Char('n') | KeyCode::Char('N') => None,
            _ => Some(Overlay::Confirm(confirm)),
        },
        Overlay::Form(mut form) => {
            let multiline = form.fields.get(form.focus).is_some_and(|f| f.multiline);
            let submit = key == super::Key::ctrl('s')
                || (key.code == KeyCode::Enter
                    && !multiline
                    && form.focus + 1 == form.fields.len());
            if submit {
                form.clear_errors();
                match submit_form(model, &mut form, store) {
                    Some(Submitted::Changed(said)) => {
                        model.overlay = None;
                        changed(model, store, said);
                        return;
                    }
                    Some(Submitted::Confirm(confirm)) => Some(Overlay::Confirm(confirm)),
                    None => Some(Overlay::Form(form)),
                }
            } else {
                match key.code {
                    KeyCode::Tab => form.focus_next(1),
                    KeyCode::BackTab => form.focus_next(-1),
                    KeyCode::Enter if !multiline => form.focus_next(1),
                    KeyCode::Up if !multiline => form.focus_next(-1),
                    KeyCode::Down if !multiline => form.focus_next(1),
                    _ => {
                        if let Some(field) = form.focused() {
                            // Keep control keys (other than editing ones) from typing.
                            // An edit answers the field's error: it goes until the next save.
                            if !event.modifiers.contains(KeyModifiers::ALT)
                                && field.input.input(*event)
                            {
                                field.error = None;
                            }
                        }
                    }
                }
                Some(Overlay::Form(form))
            }
        }
    };
}

/// The coach said yes.
fn confirmed(model: &mut Model, purpose: ConfirmPurpose, store: &mut Store) {
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
                    let undo = model.key_hint(Action::Undo);
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
