//! Keys while an overlay is open. A key bound in the overlay's context (save, next field,
//! yes, choose, close …) becomes an [`Action`] for `update`; any other key is typing: into
//! the focused field, the palette's or search's query, or a digit that picks a choice.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::keymap::normalise;
use super::overlay::Overlay;
use super::update::update;
use super::{Action, Key, Model};
use crate::store::Store;

/// The key that opened an overlay closes it too (`?` for help, `:` for the palette).
fn opener(model: &Model, key: Key) -> bool {
    let opened_by = match &model.overlay {
        Some(Overlay::Help { .. }) => Action::Help,
        Some(Overlay::Palette(_)) => Action::Palette,
        _ => return false,
    };
    model
        .keymap()
        .keys_for(model.pane_context(), opened_by)
        .contains(&key)
}

pub(super) fn overlay_key(model: &mut Model, event: &KeyEvent, store: &mut Store) {
    let key = normalise(event);
    // Always a way out, whatever a config binds.
    if key == Key::ctrl('c') {
        model.quit = true;
        return;
    }
    // An import's summary is not skipped past by a second press of the Enter that ran it.
    if key.code == KeyCode::Enter
        && let Some(Overlay::Confirm(confirm)) = &model.overlay
        && !confirm.enter_confirms()
    {
        return;
    }
    let bound = model.keymap().lookup(model.context(), key);
    if let Some(action) = bound.or_else(|| opener(model, key).then_some(Action::Close)) {
        update(model, action, store);
        return;
    }
    let mut then = None;
    match &mut model.overlay {
        Some(Overlay::Help { scroll }) => match key.code {
            KeyCode::PageDown => *scroll += 10,
            KeyCode::PageUp => *scroll = scroll.saturating_sub(10),
            _ => {}
        },
        Some(Overlay::Palette(palette)) => {
            if palette.query.input(*event) {
                palette.refresh();
            }
        }
        Some(Overlay::Search(search)) => {
            if search.query.input(*event) {
                search.refresh();
            }
        }
        Some(Overlay::Choice(choice)) => {
            // A digit picks its option at once, as the list numbers them.
            if let KeyCode::Char(c) = key.code
                && let Some(i) = c.to_digit(10).map(|d| d as usize)
                && (1..=choice.options.len()).contains(&i)
            {
                choice.selected = i - 1;
                then = Some(Action::Choose);
            }
        }
        Some(Overlay::Form(form)) => {
            let last = form.focus + 1 == form.fields.len();
            let Some(field) = form.focused() else { return };
            let multiline = field.multiline;
            match key.code {
                // Enter moves on in a one-line field, and saves from the last one.
                KeyCode::Enter if !multiline && last => then = Some(Action::Save),
                KeyCode::Enter if !multiline => form.focus_next(1),
                KeyCode::Up if !multiline => form.focus_next(-1),
                KeyCode::Down if !multiline => form.focus_next(1),
                KeyCode::Left if field.is_choice() => field.choose_next(-1),
                KeyCode::Right | KeyCode::Char(' ') if field.is_choice() => field.choose_next(1),
                KeyCode::Char(c) if field.is_choice() => field.choose_by_letter(c),
                _ if field.is_choice() => {}
                // Keep Alt chords from typing. An edit answers the field's error: it goes
                // until the next save.
                _ => {
                    if !event.modifiers.contains(KeyModifiers::ALT) && field.input.input(*event) {
                        field.error = None;
                    }
                }
            }
        }
        Some(Overlay::Confirm(_) | Overlay::Directory(_)) | None => {}
    }
    if let Some(action) = then {
        update(model, action, store);
    }
}
