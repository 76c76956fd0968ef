//! The parts of a project a coach adds, corrects and deletes from Detail: measures, the
//! driver diagram, benefits, the team, notes and actions. Each opens a form (or, to delete, a
//! question); saving goes through `forms`, answering through `overlay_actions`.

use super::forms;
use super::overlay::{Confirm, Deletion, Overlay};
use super::update::{changed_project, people, refused, selected_ref};
use super::{Action, Model, Pane};
use crate::domain::{ActionStatus, DriverLevel, Role};
use crate::store::Store;

pub(super) fn open(model: &mut Model, action: Action, store: &mut Store) {
    let Some((reference, _)) = selected_ref(model) else {
        return;
    };
    let detail = model
        .detail
        .as_ref()
        .filter(|d| model.pane == Pane::Detail && d.reference() == reference);
    let undo = model.key_hint(Action::Undo);
    let ask = |deletion| Some(Overlay::Confirm(Confirm::delete(deletion, &undo)));
    let form = |form| Some(Overlay::Form(Box::new(form)));
    let overlay = match action {
        Action::AddMeasure => form(forms::add_measure_form(reference)),
        Action::EditMeasure => detail
            .and_then(|d| d.shown_measure())
            .and_then(|m| form(forms::edit_measure_form(reference, m))),
        Action::DeleteMeasure => detail.and_then(|d| d.shown_measure()).and_then(|m| {
            ask(Deletion::Measure {
                reference,
                name: m.name.clone(),
            })
        }),
        Action::ImportValues => {
            let shown = detail
                .and_then(|d| d.shown_measure())
                .map(|m| m.name.clone())
                .unwrap_or_default();
            let names = store
                .measures(reference)
                .map(|ms| ms.into_iter().map(|m| m.name).collect())
                .unwrap_or_default();
            form(forms::import_values_form(reference, &shown, names))
        }
        Action::AddDriver | Action::AddChangeIdea => {
            let drivers = match store.project_detail(reference) {
                Ok(d) => d.drivers,
                Err(e) => {
                    model.error(e.to_string());
                    return;
                }
            };
            if action == Action::AddDriver {
                let primaries = drivers
                    .into_iter()
                    .filter(|d| d.level == DriverLevel::Primary)
                    .map(|d| d.text)
                    .collect();
                form(forms::add_driver_form(reference, primaries))
            } else {
                let names = drivers.into_iter().map(|d| d.text).collect();
                form(forms::add_change_idea_form(reference, names))
            }
        }
        Action::RenameDriverOrIdea => detail
            .and_then(|d| d.selected_driver_item())
            .and_then(|item| form(forms::rename_form(reference, item))),
        Action::DeleteDriverOrIdea => detail
            .and_then(|d| d.selected_driver_item())
            .and_then(|item| ask(Deletion::DriverOrIdea { reference, item })),
        Action::AddBenefit => form(forms::add_benefit_form(reference, model.today)),
        Action::EditBenefit => detail.and_then(|d| {
            d.detail
                .benefits
                .get(d.selected)
                .and_then(|b| form(forms::edit_benefit_form(reference, d.selected + 1, b)))
        }),
        Action::DeleteBenefit => detail
            .filter(|d| d.selected < d.detail.benefits.len())
            .and_then(|d| {
                ask(Deletion::Benefit {
                    reference,
                    number: d.selected + 1,
                })
            }),
        Action::AddTeamMember | Action::SetLead | Action::SetSponsor | Action::SetCoach => {
            let role = match action {
                Action::SetLead => Role::Lead,
                Action::SetSponsor => Role::Sponsor,
                Action::SetCoach => Role::Coach,
                _ => Role::Member,
            };
            form(forms::assign_form(reference, role, people(store)))
        }
        Action::RemoveFromTeam => {
            detail
                .and_then(|d| d.detail.team.get(d.selected))
                .and_then(|m| {
                    ask(Deletion::Role {
                        reference,
                        role: m.role,
                        person: m.person.name.clone(),
                    })
                })
        }
        Action::EditNote => detail
            .and_then(|d| d.selected_note())
            .and_then(|(number, note)| form(forms::edit_note_form(reference, number, &note.text))),
        Action::DeleteNote => detail
            .and_then(|d| d.selected_note())
            .and_then(|(number, _)| ask(Deletion::Note { reference, number })),
        _ => None,
    };
    if let Some(overlay) = overlay {
        model.overlay = Some(overlay);
    }
}

/// The selected action in Detail's Actions section: edit it, mark it done (or open again),
/// drop it. Done and drop are stored at once (undo takes them back).
pub(super) fn action(model: &mut Model, action: Action, store: &mut Store) {
    let Some(d) = model.detail.as_ref().filter(|_| model.pane == Pane::Detail) else {
        return;
    };
    let reference = d.reference();
    let Some(chosen) = d.selected_action().cloned() else {
        return;
    };
    let number = chosen.number;
    let undo = model.key_hint(Action::Undo);
    let status = match action {
        Action::EditAction => {
            let form = forms::edit_action_form(reference, &chosen, people(store));
            model.overlay = Some(Overlay::Form(Box::new(form)));
            return;
        }
        Action::ToggleActionDone if chosen.status == ActionStatus::Open => ActionStatus::Done,
        Action::ToggleActionDone => ActionStatus::Open,
        _ => ActionStatus::Dropped,
    };
    let said = match status {
        ActionStatus::Open => "open again",
        ActionStatus::Done => "done",
        ActionStatus::Dropped => "dropped",
    };
    match store.set_action_status(reference, number, status) {
        Ok(()) => changed_project(
            model,
            store,
            reference,
            format!("{reference}: action {number} {said} — {undo} to undo"),
        ),
        Err(e) => refused(model, store, e),
    }
}
