//! Moving a card: to the next or previous stage (warning after the move about WIP limits and
//! unmet gateway items, never asking first) and up or down its column. Each is one change.

use super::update::{changed, changed_project, refused};
use super::{Action, Model};
use crate::store::{MoveWarning, Store};

/// Up or down within the card's column.
pub(super) fn reorder(model: &mut Model, action: Action, store: &mut Store) {
    let Some((reference, _)) = model.board.selected().map(|c| (c.reference, c.version)) else {
        return;
    };
    let step = if action == Action::MoveCardUp { -1 } else { 1 };
    let undo = model.key_hint(Action::Undo);
    match store.reorder_project(reference, step) {
        Ok(true) => changed(
            model,
            store,
            format!(
                "{reference} moved {} — {undo} to undo",
                if step < 0 { "up" } else { "down" }
            ),
        ),
        Ok(false) => model.refuse(format!(
            "{reference} is already at the {}",
            if step < 0 { "top" } else { "bottom" }
        )),
        Err(e) => refused(model, store, e),
    }
}

/// To the stage left or right of the card's.
pub(super) fn move_card(model: &mut Model, action: Action, store: &mut Store) {
    let Some((reference, version)) = model.board.selected().map(|c| (c.reference, c.version))
    else {
        return;
    };
    let step: isize = if action == Action::MoveCardLeft {
        -1
    } else {
        1
    };
    let target = model.board.column as isize + step;
    let Some(stage) = usize::try_from(target)
        .ok()
        .and_then(|t| model.board.columns.get(t))
    else {
        model.refuse(format!(
            "{reference} is already in the {} stage",
            if step < 0 { "first" } else { "last" }
        ));
        return;
    };
    let key = stage.stage.key.clone();
    match store.move_project(reference, &key, Some(version)) {
        Ok(outcome) => {
            changed_project(model, store, reference, String::new());
            let undo = model.key_hint(Action::Undo);
            if outcome.warnings.is_empty() {
                model.info(format!(
                    "{reference} moved to {} — {undo} to undo",
                    outcome.stage
                ));
            } else {
                // The warning first, in few words: the status line is one line.
                let said: Vec<String> = outcome
                    .warnings
                    .iter()
                    .map(|w| match w {
                        MoveWarning::WipExceeded { .. } => w.to_string(),
                        MoveWarning::GatewayUnmet { items, .. } => {
                            format!("not met: {}", items.join("; "))
                        }
                    })
                    .collect();
                model.warn(format!(
                    "{} — {reference} moved to {}, {undo} to undo",
                    said.join(" · "),
                    outcome.stage
                ));
            }
            model.board.select(reference);
            model.board.keep_in_view(model.size);
        }
        Err(e) => refused(model, store, e),
    }
}
