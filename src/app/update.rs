//! `update`: applies one action to the model and the store. Every change is one store call
//! (one transaction); the status line says what happened and that `u` undoes it.

use crossterm::event::KeyEvent;

use super::directory::DirectoryKind;
use super::form::Form;
use super::forms;
use super::keymap::normalise;
use super::navigate::{open_detail, open_from_metrics, select, show_pane};
use super::overlay::{Choice, Confirm, Overlay, Palette, Search};
use super::overlay_keys::overlay_key;
use super::{Action, ChartKind, Model, Pane, Section};
use crate::domain::{ProjectRef, Status};
use crate::exchange::spc_report::ChartNotes;
use crate::store::{Store, StoreError};

/// Routes a key press: to the open overlay first, else through the keymap.
pub fn handle_key(model: &mut Model, event: &KeyEvent, store: &mut Store) {
    let key = normalise(event);
    if model.overlay.is_some() {
        overlay_key(model, event, store);
        return;
    }
    if let Some(action) = model.keymap().lookup(model.context(), key) {
        update(model, action, store);
    } else if let Some((context, action)) = model.keymap().elsewhere(key) {
        model.refuse(format!(
            "{key} works in {}: {}",
            context.label(),
            action.description()
        ));
    }
}

/// Pasted text lands whole in the focused field (bracketed paste), never as key presses.
pub fn paste(model: &mut Model, text: &str) {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    match &mut model.overlay {
        Some(Overlay::Form(form)) => {
            if let Some(field) = form.focused() {
                let text = if field.multiline {
                    text
                } else {
                    text.replace('\n', " ")
                };
                field.input.insert_str(text);
            }
        }
        Some(Overlay::Search(search)) => {
            search.query.insert_str(text.replace('\n', " "));
            search.refresh();
        }
        Some(Overlay::Palette(palette)) => {
            palette.query.insert_str(text.replace('\n', " "));
            palette.refresh();
        }
        _ => {}
    }
}

pub(super) fn selected_ref(model: &Model) -> Option<(ProjectRef, i64)> {
    match model.pane {
        Pane::Detail => model
            .detail
            .as_ref()
            .map(|d| (d.reference(), d.detail.project.version)),
        Pane::Session => model
            .session
            .as_ref()
            .and_then(|s| s.project.as_ref())
            .map(|d| (d.reference(), d.detail.project.version)),
        _ => model.board.selected().map(|c| (c.reference, c.version)),
    }
}

/// After a change: reload what shows, or say why not.
pub(super) fn changed(model: &mut Model, store: &Store, said: String) {
    model.info(said);
    if let Err(e) = model.reload(store) {
        model.error(e.to_string());
    }
    model.board.keep_in_view(model.size);
}

/// After a change to one project: re-read only what shows it.
pub(super) fn changed_project(
    model: &mut Model,
    store: &Store,
    reference: ProjectRef,
    said: String,
) {
    model.info(said);
    if let Err(e) = model.reload_project(store, reference) {
        model.error(e.to_string());
    }
    model.board.keep_in_view(model.size);
}

/// A refused change: conflicts reload the view so the user sees what changed.
pub(super) fn refused(model: &mut Model, store: &Store, error: StoreError) {
    let conflict = matches!(error, StoreError::Conflict(_));
    let text = error.to_string();
    model.error(text);
    if conflict && let Err(e) = model.reload(store) {
        model.error(e.to_string());
    }
}

/// Applies one action.
pub fn update(model: &mut Model, action: Action, store: &mut Store) {
    // A key that cannot act here says why rather than doing nothing.
    if let Some(why) = super::availability::unavailable(model, action) {
        model.refuse(why.to_string());
        return;
    }
    match action {
        Action::Quit => model.quit = true,
        Action::NextPane => {
            let i = Pane::ALL.iter().position(|p| *p == model.pane).unwrap_or(0);
            show_pane(model, Pane::ALL[(i + 1) % Pane::ALL.len()], store);
        }
        Action::ShowBoard => show_pane(model, Pane::Board, store),
        Action::ShowDetail => show_pane(model, Pane::Detail, store),
        Action::ShowMetrics => show_pane(model, Pane::Metrics, store),
        Action::ShowSession => show_pane(model, Pane::Session, store),
        Action::NextTeam
        | Action::PreviousTeam
        | Action::ToggleClock
        | Action::MoveTeamUp
        | Action::MoveTeamDown
        | Action::SkipTeam
        | Action::TakeAttendance
        | Action::PlanSession => super::session::act(model, action, store),
        Action::DecideLatestCycle => super::session::decide_latest_cycle(model, store),
        Action::AddAction => super::session::add_action(model, store),
        Action::EditAction | Action::ToggleActionDone | Action::DropAction => {
            super::project_parts::action(model, action, store)
        }
        Action::SelectLeft | Action::SelectRight | Action::SelectUp | Action::SelectDown => {
            let (dx, dy) = match action {
                Action::SelectLeft => (-1, 0),
                Action::SelectRight => (1, 0),
                Action::SelectUp => (0, -1),
                _ => (0, 1),
            };
            select(model, dx, dy, store);
        }
        Action::SelectFirst | Action::SelectLast => {
            let last = action == Action::SelectLast;
            match model.pane {
                Pane::Board => {
                    model.board.select_end(last);
                    model.board.keep_in_view(model.size);
                }
                Pane::Detail => {
                    if let Some(d) = &mut model.detail {
                        let step = if last {
                            isize::MAX / 2
                        } else {
                            -(isize::MAX / 2)
                        };
                        if let Err(e) = d.move_selection(step, store) {
                            model.error(e.to_string());
                        }
                    }
                }
                Pane::Metrics => {
                    if let Some(m) = &mut model.metrics {
                        m.move_selection(if last {
                            isize::MAX / 2
                        } else {
                            -(isize::MAX / 2)
                        });
                    }
                }
                Pane::Session => {}
            }
        }
        Action::MoveCardLeft | Action::MoveCardRight => {
            super::card_moves::move_card(model, action, store)
        }
        Action::MoveCardUp | Action::MoveCardDown => {
            super::card_moves::reorder(model, action, store)
        }
        Action::Open => match model.pane {
            Pane::Metrics => open_from_metrics(model, store),
            Pane::Session => super::session::act(model, action, store),
            _ => {
                if let Some(card) = model.board.selected() {
                    let reference = card.reference;
                    open_detail(model, reference, store);
                }
            }
        },
        Action::AddProject => open_form(model, forms::add_project_form(people(store))),
        Action::EditProject => {
            if let Some((reference, _)) = selected_ref(model) {
                match store.project_detail(reference) {
                    Ok(d) => open_form(model, forms::edit_project_form(&d.project)),
                    Err(e) => model.error(e.to_string()),
                }
            }
        }
        Action::SetScore => {
            if let Some((reference, version)) = selected_ref(model) {
                let now = store
                    .project_detail(reference)
                    .ok()
                    .and_then(|d| d.project.score);
                open_form(model, forms::score_form(reference, version, now));
            }
        }
        Action::ChangeStatus => {
            if let Some((reference, version)) = selected_ref(model) {
                let current = model
                    .board
                    .selected()
                    .filter(|c| c.reference == reference)
                    .map(|c| c.status)
                    .or_else(|| model.detail.as_ref().map(|d| d.detail.project.status))
                    .unwrap_or(Status::Active);
                model.overlay = Some(Overlay::Choice(Choice::status(reference, version, current)));
            }
        }
        Action::AddNote => {
            if let Some((reference, _)) = selected_ref(model) {
                open_form(model, forms::note_form(reference));
            }
        }
        Action::AddPdsa => {
            if let Some((reference, _)) = selected_ref(model) {
                let ideas = store
                    .project_detail(reference)
                    .map(|d| d.change_ideas.into_iter().map(|c| c.title).collect())
                    .unwrap_or_default();
                open_form(model, forms::add_pdsa_form(reference, model.today, ideas));
            }
        }
        Action::EditPdsa => edit_pdsa(model),
        Action::RecordValue => {
            if let Some((reference, _)) = selected_ref(model) {
                let shown = model.detail.as_ref().filter(|d| d.reference() == reference);
                let measure = shown
                    .and_then(|d| d.shown_measure().map(|m| m.name.clone()))
                    .unwrap_or_default();
                // The next period of the measure's series (a monthly series dated on the
                // 1st goes on to the next 1st); today when there is no rhythm yet.
                let next = shown
                    .and_then(|d| d.points.as_ref())
                    .filter(|(name, _)| *name == measure)
                    .and_then(|(_, points)| {
                        let dates: Vec<_> = points.iter().map(|p| p.date).collect();
                        crate::domain::next_period(&dates)
                    });
                let names = shown
                    .map(|d| d.detail.measures.iter().map(|m| m.name.clone()).collect())
                    .unwrap_or_default();
                let form =
                    forms::record_form(reference, &measure, next.unwrap_or(model.today), names);
                open_form(model, form);
            }
        }
        Action::DeleteProject => {
            if let Some((reference, version)) = selected_ref(model) {
                let undo = model.key_hint(Action::Undo);
                model.overlay = Some(Overlay::Confirm(Confirm::delete_project(
                    reference, version, &undo,
                )));
            }
        }
        Action::Undo => match store.undo() {
            Ok(summary) => {
                let redo = model.key_hint(Action::Redo);
                changed(model, store, format!("Undone: {summary} — {redo} to redo"))
            }
            Err(e) => refused(model, store, e),
        },
        Action::Redo => match store.redo() {
            Ok(summary) => changed(model, store, format!("Redone: {summary}")),
            Err(e) => refused(model, store, e),
        },
        Action::Search => match store.search_items() {
            Ok(items) => model.overlay = Some(Overlay::Search(Search::new(items))),
            Err(e) => model.error(e.to_string()),
        },
        Action::Filter => {
            let form = forms::filter_form(&model.filter, people(store));
            open_form(model, form);
        }
        Action::Back => {
            if let Some(m) = model
                .metrics
                .as_mut()
                .filter(|_| model.pane == Pane::Metrics)
                && m.group.is_some()
            {
                m.show_stalled();
            } else if model.pane == Pane::Detail {
                let back = std::mem::replace(&mut model.back_to, Pane::Board);
                show_pane(model, back, store);
            } else if !model.filter_is_empty() {
                model.filter = Default::default();
                changed(model, store, "Filters cleared".into());
            }
        }
        Action::Help => model.overlay = Some(Overlay::Help { scroll: 0 }),
        Action::Palette => {
            let actions = super::availability::palette_actions(model);
            model.overlay = Some(Overlay::Palette(Palette::new(actions)));
        }
        Action::Refresh => changed(model, store, "Reloaded".into()),
        Action::ToggleChart => {
            if let Some(d) = &mut model.detail {
                d.chart = match d.chart {
                    ChartKind::Xmr => ChartKind::Run,
                    ChartKind::Run => ChartKind::Xmr,
                };
                let name = if d.chart == ChartKind::Xmr {
                    "XmR chart"
                } else {
                    "run chart"
                };
                let back = model.key_hint(Action::ToggleChart);
                model.info(format!("Showing the {name} — {back} switches back"));
            }
        }
        Action::RebaseChart => {
            let Some(d) = &model.detail else { return };
            let Some(measure) = d.shown_measure() else {
                model.refuse("This project has no measure to rebase");
                return;
            };
            // At the point chosen with [ and ] (the last one until then).
            let at = d.selected_point().map_or(model.today, |(_, p)| p.date);
            let form = forms::rebase_form(d.reference(), &measure.name, at);
            open_form(model, form);
        }
        Action::ExportChart => export_chart(model),
        Action::ImportProjects => open_form(model, super::register::import_form()),
        Action::AddMeasure
        | Action::EditMeasure
        | Action::DeleteMeasure
        | Action::ImportValues
        | Action::AddDriver
        | Action::AddChangeIdea
        | Action::RenameDriverOrIdea
        | Action::DeleteDriverOrIdea
        | Action::AddBenefit
        | Action::EditBenefit
        | Action::DeleteBenefit
        | Action::AddTeamMember
        | Action::SetLead
        | Action::SetSponsor
        | Action::SetCoach
        | Action::RemoveFromTeam
        | Action::EditNote
        | Action::DeleteNote => super::project_parts::open(model, action, store),
        Action::Save
        | Action::NextField
        | Action::PreviousField
        | Action::Yes
        | Action::No
        | Action::Choose
        | Action::ListUp
        | Action::ListDown
        | Action::Close
        | Action::ListAdd
        | Action::ListEdit
        | Action::ListMerge => super::overlay_actions::apply(model, action, store),
        Action::People => super::directory::open(model, DirectoryKind::People, store, 0),
        Action::Cohorts => super::directory::open(model, DirectoryKind::Cohorts, store, 0),
        Action::StageSettings => super::directory::open(model, DirectoryKind::Stages, store, 0),
        Action::ExportWorkbook => super::register::export_workbook(model, store),
        Action::WriteBoardReport => super::report::write_board_report(model, store),
        Action::WriteProjectReport => super::report::write_project_report(model, store),
        Action::WriteSessionReport => super::report::write_session_report(model, store),
        Action::ToggleGatewayItem => {
            let chosen = model
                .detail
                .as_ref()
                .filter(|d| model.pane == Pane::Detail && d.section == Section::Gateway)
                .and_then(|d| {
                    d.detail
                        .gateway
                        .get(d.selected)
                        .map(|g| (d.reference(), d.selected + 1, g))
                });
            let Some((reference, number, item)) = chosen else {
                let how = format!(
                    "Choose an item in the Gateway section ({}), then {}",
                    model.section_keys(),
                    model.key_hint(Action::ToggleGatewayItem)
                );
                model.refuse(how);
                return;
            };
            // The data answers this one: a tick would contradict it.
            if let Some(said) = &item.from_data {
                let text = format!("\"{}\" is answered from the data: {said}", item.item);
                model.refuse(text);
                return;
            }
            let met = !item.met;
            match store.set_gateway_item(reference, number, met) {
                Ok(item) => {
                    let word = if met { "met" } else { "not met" };
                    changed_project(
                        model,
                        store,
                        reference,
                        format!("{item}: {word} — {} to undo", model.key_hint(Action::Undo)),
                    );
                }
                Err(e) => refused(model, store, e),
            }
        }
        Action::PointPrevious | Action::PointNext => {
            let step = if action == Action::PointNext { 1 } else { -1 };
            let rebase = model.key_hint(Action::RebaseChart);
            let said = model.detail.as_mut().and_then(|d| {
                d.move_point(step).map(|p| {
                    let note = if p.annotation.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", p.annotation)
                    };
                    format!(
                        "{}: {}{note} — {rebase} rebases the chart here",
                        p.date, p.value
                    )
                })
            });
            match said {
                Some(text) => model.info(text),
                None => model.refuse("No chart here: choose a measure with data"),
            }
        }
        Action::NextPanels | Action::PreviousPanels => {
            let step = if action == Action::NextPanels { 1 } else { -1 };
            let pages = super::metrics::panel_pages(body_size(model.size));
            if let Some(m) = &mut model.metrics {
                m.turn_page(step, pages);
            }
        }
        Action::MarkMainMeasure => {
            let chosen = model
                .detail
                .as_ref()
                .filter(|d| model.pane == Pane::Detail && d.section == Section::Measures)
                .and_then(|d| d.shown_measure().map(|m| (d.reference(), m.name.clone())));
            let Some((reference, name)) = chosen else {
                let how = format!(
                    "Choose a measure in the Measures section ({}), then {}",
                    model.section_keys(),
                    model.key_hint(Action::MarkMainMeasure)
                );
                model.refuse(how);
                return;
            };
            match store.set_main_measure(reference, &name) {
                Ok(true) => changed_project(
                    model,
                    store,
                    reference,
                    format!(
                        "{name} is now {reference}'s main measure — {} to undo",
                        model.key_hint(Action::Undo)
                    ),
                ),
                Ok(false) => model.refuse(format!("{name} is already the main measure")),
                Err(e) => refused(model, store, e),
            }
        }
    }
}

/// The pane's cells: the window less the top bar, the status line and the footer.
pub(super) fn body_size(size: (u16, u16)) -> (u16, u16) {
    (size.0, size.1.saturating_sub(3))
}

/// Writes the shown chart as SVG and PNG into the user's Documents/qiboard folder.
fn export_chart(model: &mut Model) {
    let Some(d) = &model.detail else { return };
    let (Some(measure), Some((_, points))) = (d.shown_measure(), d.points.as_ref()) else {
        model.warn("No chart to export: this project has no measure with data yet");
        return;
    };
    let dates: Vec<_> = points.iter().map(|p| p.date).collect();
    let title = format!("{} · {}", d.reference(), measure.name);
    let svg = match d.chart {
        ChartKind::Xmr => d.analysis.as_ref().map(|a| {
            let options = crate::measure_reading::xmr_options(measure, dates.last().copied());
            let verdict = crate::exchange::spc_report::xmr_summary(a, &options);
            let notes = ChartNotes::of(&d.detail.pdsa_cycles, verdict);
            crate::exchange::spc_report::xmr_svg(&dates, a, &options, &title, &notes)
        }),
        ChartKind::Run => d.run.as_ref().map(|r| {
            let verdict = crate::exchange::spc_report::run_chart_summary(r);
            let notes = ChartNotes::of(&d.detail.pdsa_cycles, verdict);
            crate::exchange::spc_report::run_chart_svg(&dates, r, &title, &notes)
        }),
    };
    let Some(Ok(svg)) = svg else {
        model.error("The chart could not be drawn as SVG (fewer than two points?)");
        return;
    };
    let kind = if d.chart == ChartKind::Xmr {
        "xmr"
    } else {
        "run"
    };
    let Some(dir) = model.config.export_dir() else {
        model.error("Cannot find your Documents folder: set exports in config.toml");
        return;
    };
    let stem = format!(
        "{}-{}-{kind}",
        d.reference(),
        crate::exchange::files::safe_name(&measure.name)
    );
    // The PNG beside the SVG is for slides and older Word, which paste pictures, not SVG.
    let png = match crate::exchange::spc_report::png_of_svg(&svg) {
        Ok(png) => png,
        Err(e) => {
            model.error(e.to_string());
            return;
        }
    };
    let written =
        crate::exchange::files::write_export(&dir, &format!("{stem}.svg"), svg.as_bytes())
            .and_then(|svg| {
                crate::exchange::files::write_export(&dir, &format!("{stem}.png"), &png)
                    .map(|_| svg)
            });
    match written {
        Ok(path) => model.info_with_path("Chart exported (with a PNG beside it) to", &path),
        Err(e) => model.error(format!("Cannot write {}: {e}", dir.join(&stem).display())),
    }
}

pub(super) fn open_form(model: &mut Model, form: Form) {
    model.overlay = Some(Overlay::Form(Box::new(form)));
}

/// The portfolio's people by name, for the pickers (none when they cannot be read: the
/// field still takes a typed name).
pub(super) fn people(store: &Store) -> Vec<String> {
    store
        .people()
        .map(|people| people.into_iter().map(|p| p.name).collect())
        .unwrap_or_default()
}

fn edit_pdsa(model: &mut Model) {
    let Some(d) = &model.detail else { return };
    if model.pane != Pane::Detail || d.section != Section::Pdsa {
        let how = format!(
            "Choose a cycle in the PDSA section ({}), then {}",
            model.section_keys(),
            model.key_hint(Action::EditPdsa)
        );
        model.refuse(how);
        return;
    }
    let Some(cycle) = d.detail.pdsa_cycles.get(d.selected) else {
        return;
    };
    let form = forms::worksheet_form(d.reference(), cycle);
    open_form(model, form);
}
