//! `update`: applies one action to the model and the store. Every change is one store call
//! (one transaction); the status line says what happened and that `u` undoes it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::form::{Field, Form, FormKind};
use super::keymap::normalise;
use super::overlay::{Choice, ChoicePurpose, Confirm, Overlay, Palette, Search};
use super::{Action, ChartKind, DetailView, MetricsFocus, MetricsView, Model, Pane, Section};
use crate::domain::{ActDecision, ProjectRef, Status, parse_date, parse_value, require_text};
use crate::store::{NewPdsa, NewProject, PdsaField, ProjectField, Store, StoreError};

/// Routes a key press: to the open overlay first, else through the keymap.
pub fn handle_key(model: &mut Model, event: &KeyEvent, store: &mut Store) {
    let key = normalise(event);
    if model.overlay.is_some() {
        overlay_key(model, event, store);
        return;
    }
    if let Some(action) = model.keymap().lookup(model.context(), key) {
        update(model, action, store);
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

fn selected_ref(model: &Model) -> Option<(ProjectRef, i64)> {
    match model.pane {
        Pane::Detail => model
            .detail
            .as_ref()
            .map(|d| (d.reference(), d.detail.project.version)),
        _ => model.board.selected().map(|c| (c.reference, c.version)),
    }
}

/// After a change: reload what shows, or say why not.
fn changed(model: &mut Model, store: &Store, said: String) {
    model.info(said);
    if let Err(e) = model.reload(store) {
        model.error(e.to_string());
    }
    model.board.keep_in_view(model.size);
}

/// After a change to one project: re-read only what shows it.
fn changed_project(model: &mut Model, store: &Store, reference: ProjectRef, said: String) {
    model.info(said);
    if let Err(e) = model.reload_project(store, reference) {
        model.error(e.to_string());
    }
    model.board.keep_in_view(model.size);
}

/// A refused change: conflicts reload the view so the user sees what changed.
fn refused(model: &mut Model, store: &Store, error: StoreError) {
    let conflict = matches!(error, StoreError::Conflict(_));
    let text = error.to_string();
    if conflict {
        let _ = model.reload(store);
    }
    model.error(text);
}

/// Applies one action.
pub fn update(model: &mut Model, action: Action, store: &mut Store) {
    match action {
        Action::Quit => model.quit = true,
        Action::NextPane => {
            let i = Pane::ALL.iter().position(|p| *p == model.pane).unwrap_or(0);
            show_pane(model, Pane::ALL[(i + 1) % Pane::ALL.len()], store);
        }
        Action::ShowBoard => show_pane(model, Pane::Board, store),
        Action::ShowDetail => show_pane(model, Pane::Detail, store),
        Action::ShowMetrics => show_pane(model, Pane::Metrics, store),
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
            }
        }
        Action::MoveCardLeft | Action::MoveCardRight => move_card(model, action, store),
        Action::MoveCardUp | Action::MoveCardDown => {
            let Some((reference, _)) = model.board.selected().map(|c| (c.reference, c.version))
            else {
                return;
            };
            let step = if action == Action::MoveCardUp { -1 } else { 1 };
            match store.reorder_project(reference, step) {
                Ok(true) => changed(
                    model,
                    store,
                    format!(
                        "{reference} moved {} — u to undo",
                        if step < 0 { "up" } else { "down" }
                    ),
                ),
                Ok(false) => model.info(format!(
                    "{reference} is already at the {}",
                    if step < 0 { "top" } else { "bottom" }
                )),
                Err(e) => refused(model, store, e),
            }
        }
        Action::Open => match model.pane {
            Pane::Metrics => open_from_metrics(model, store),
            _ => {
                if let Some(card) = model.board.selected() {
                    let reference = card.reference;
                    open_detail(model, reference, store);
                }
            }
        },
        Action::AddProject => open_form(model, add_project_form()),
        Action::EditProject => {
            if let Some((reference, _)) = selected_ref(model) {
                match store.project_detail(reference) {
                    Ok(d) => open_form(model, edit_project_form(&d.project)),
                    Err(e) => model.error(e.to_string()),
                }
            }
        }
        Action::SetScore => {
            if let Some((reference, version)) = selected_ref(model) {
                open_form(
                    model,
                    Form::new(
                        FormKind::Score { reference, version },
                        format!("Score {reference}"),
                        vec![
                            Field::new("Score", "", false, "0.5 to 5.0 in steps of 0.5"),
                            Field::new("Why", "", true, "what moved it (Ctrl-s saves)"),
                        ],
                    ),
                );
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
                open_form(
                    model,
                    Form::new(
                        FormKind::Note { reference },
                        format!("Note on {reference}"),
                        vec![Field::new(
                            "Note",
                            "",
                            true,
                            "Enter for a new line, Ctrl-s saves",
                        )],
                    ),
                );
            }
        }
        Action::AddPdsa => {
            if let Some((reference, _)) = selected_ref(model) {
                let today = model.today.to_string();
                open_form(
                    model,
                    Form::new(
                        FormKind::AddPdsa { reference },
                        format!("New PDSA cycle on {reference}"),
                        vec![
                            Field::new("Change idea", "", false, "new or existing"),
                            Field::new("Objective", "", false, ""),
                            Field::new("Prediction", "", true, "what will happen, and why"),
                            Field::new("Plan", "", true, "who, what, when, where, what data"),
                            Field::new("Start", &today, false, "YYYY-MM-DD"),
                        ],
                    ),
                );
            }
        }
        Action::EditPdsa => edit_pdsa(model),
        Action::RecordValue => {
            if let Some((reference, _)) = selected_ref(model) {
                let measure = model
                    .detail
                    .as_ref()
                    .filter(|d| d.reference() == reference)
                    .and_then(|d| {
                        let i = if d.section == Section::Measures {
                            d.selected
                        } else {
                            0
                        };
                        d.detail.measures.get(i).map(|m| m.name.clone())
                    })
                    .unwrap_or_default();
                let today = model.today.to_string();
                open_form(
                    model,
                    Form::new(
                        FormKind::RecordValue { reference },
                        format!("Record a value on {reference}"),
                        vec![
                            Field::new("Measure", &measure, false, "its name"),
                            Field::new("Date", &today, false, "YYYY-MM-DD"),
                            Field::new("Value", "", false, "a number, may be negative"),
                            Field::new("Note", "", false, "optional, e.g. PDSA 3 started"),
                        ],
                    ),
                );
            }
        }
        Action::DeleteProject => {
            if let Some((reference, version)) = selected_ref(model) {
                model.overlay = Some(Overlay::Confirm(Confirm {
                    question: format!("Delete {reference} and everything on it? (u undoes it)"),
                    reference,
                    version,
                }));
            }
        }
        Action::Undo => match store.undo() {
            Ok(summary) => changed(model, store, format!("Undone: {summary} — Ctrl-r to redo")),
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
            let f = &model.filter;
            open_form(
                model,
                Form::new(
                    FormKind::Filter,
                    "Filter projects (empty = any)",
                    vec![
                        Field::new("Cohort", f.cohort.as_deref().unwrap_or(""), false, ""),
                        Field::new("Coach", f.coach.as_deref().unwrap_or(""), false, ""),
                        Field::new("Division", f.division.as_deref().unwrap_or(""), false, ""),
                        Field::new(
                            "Status",
                            f.status.map(|s| s.label()).unwrap_or(""),
                            false,
                            "active, on hold, completed, stopped",
                        ),
                    ],
                ),
            );
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
                model.pane = Pane::Board;
            } else if !model.filter_is_empty() {
                model.filter = Default::default();
                changed(model, store, "Filters cleared".into());
            }
        }
        Action::Help => model.overlay = Some(Overlay::Help { scroll: 0 }),
        Action::Palette => model.overlay = Some(Overlay::Palette(Palette::new())),
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
                model.info(format!("Showing the {name} — c switches back"));
            }
        }
        Action::RebaseChart => {
            let Some(d) = &model.detail else { return };
            let Some(measure) = d.shown_measure() else {
                model.info("This project has no measure to rebase");
                return;
            };
            let last = d
                .points
                .as_ref()
                .and_then(|(_, p)| p.last())
                .map(|p| p.date.to_string())
                .unwrap_or_else(|| model.today.to_string());
            let form = Form::new(
                FormKind::Rebase {
                    reference: d.reference(),
                    measure: measure.name.clone(),
                },
                format!(
                    "Rebase {} — new limits from the first point on or after the date",
                    measure.name
                ),
                vec![
                    Field::new("Date", &last, false, "YYYY-MM-DD"),
                    Field::new(
                        "Reason",
                        "",
                        false,
                        "required, e.g. new ward layout from June",
                    ),
                ],
            );
            open_form(model, form);
        }
        Action::ExportChart => export_chart(model),
    }
}

/// Writes the shown chart as SVG into the user's Documents/qiboard folder.
fn export_chart(model: &mut Model) {
    let Some(d) = &model.detail else { return };
    let (Some(measure), Some((_, points))) = (d.shown_measure(), d.points.as_ref()) else {
        model.info("No chart to export: this measure has no data yet");
        return;
    };
    let dates: Vec<_> = points.iter().map(|p| p.date).collect();
    let title = format!("{} · {}", d.reference(), measure.name);
    let svg = match d.chart {
        ChartKind::Xmr => d.analysis.as_ref().map(|a| {
            crate::exchange::spc_report::xmr_svg(
                &dates,
                a,
                &super::detail::xmr_options(measure, &dates),
                &title,
            )
        }),
        ChartKind::Run => d
            .run
            .as_ref()
            .map(|r| crate::exchange::spc_report::run_chart_svg(&dates, r, &title)),
    };
    let Some(Ok(svg)) = svg else {
        model.error("The chart could not be drawn as SVG (fewer than two points?)");
        return;
    };
    let safe: String = measure
        .name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let kind = if d.chart == ChartKind::Xmr {
        "xmr"
    } else {
        "run"
    };
    let Some(dir) = crate::platform::export_dir() else {
        model.error("Cannot find your Documents folder to export to");
        return;
    };
    let path = dir.join(format!("{}-{safe}-{kind}.svg", d.reference()));
    match std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, svg)) {
        Ok(()) => model.info(format!("Chart exported to {}", path.display())),
        Err(e) => model.error(format!("Cannot write {}: {e}", path.display())),
    }
}

/// Enter in Metrics: on an icon count, list the projects behind it; on a listed project,
/// open it (at its measures when it came from an icon count).
fn open_from_metrics(model: &mut Model, store: &Store) {
    let Some(m) = &mut model.metrics else { return };
    match m.focus {
        MetricsFocus::Icons => {
            let group = m.selected_group();
            if let Err(e) = m.show_group(group, store) {
                model.error(e.to_string());
            } else {
                let n = m.list.len();
                model.info(format!(
                    "{n} project(s) with {} {} — Enter opens, Esc goes back",
                    group.badge(),
                    group.label()
                ));
            }
        }
        MetricsFocus::List => {
            let Some((reference, _)) = m.list.get(m.selected).cloned() else {
                return;
            };
            let to_measures = m.group.is_some();
            open_detail(model, reference, store);
            if to_measures && let Some(d) = &mut model.detail {
                while d.section != Section::Measures {
                    if d.move_section(1, store).is_err() {
                        break;
                    }
                }
            }
        }
    }
}

fn show_pane(model: &mut Model, pane: Pane, store: &Store) {
    match pane {
        Pane::Detail if model.detail.is_none() => {
            match model.board.selected().map(|c| c.reference) {
                Some(reference) => open_detail(model, reference, store),
                None => model.info("Select a project on the board first"),
            }
        }
        Pane::Metrics => {
            match MetricsView::load(store, &model.filter, model.today, model.config.stale_weeks) {
                Ok(metrics) => {
                    model.metrics = Some(metrics);
                    model.pane = Pane::Metrics;
                }
                Err(e) => model.error(e.to_string()),
            }
        }
        other => model.pane = other,
    }
}

fn open_detail(model: &mut Model, reference: ProjectRef, store: &Store) {
    match DetailView::open(store, reference) {
        Ok(view) => {
            model.detail = Some(view);
            model.pane = Pane::Detail;
            model.board.select(reference);
        }
        Err(e) => model.error(e.to_string()),
    }
}

fn select(model: &mut Model, dx: isize, dy: isize, store: &Store) {
    match model.pane {
        Pane::Board => {
            model.board.move_selection(dx, dy);
            model.board.keep_in_view(model.size);
        }
        Pane::Detail => {
            if let Some(d) = &mut model.detail {
                let result = if dx != 0 {
                    d.move_section(dx, store)
                } else {
                    d.move_selection(dy, store)
                };
                if let Err(e) = result {
                    model.error(e.to_string());
                }
            }
        }
        Pane::Metrics => {
            if let Some(m) = &mut model.metrics {
                if dx < 0 {
                    m.focus = MetricsFocus::List;
                } else if dx > 0 {
                    m.focus = MetricsFocus::Icons;
                }
                m.move_selection(dy);
            }
        }
    }
}

fn move_card(model: &mut Model, action: Action, store: &mut Store) {
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
        model.info(format!(
            "{reference} is already in the {} stage",
            if step < 0 { "first" } else { "last" }
        ));
        return;
    };
    let key = stage.stage.key.clone();
    match store.move_project(reference, &key, Some(version)) {
        Ok(outcome) => {
            let mut text = format!("{reference} moved to {} — u to undo", outcome.stage);
            changed_project(model, store, reference, String::new());
            if outcome.warnings.is_empty() {
                model.info(text);
            } else {
                text.push_str(&format!(" · ⚠ {}", outcome.warnings.join(" · ")));
                model.warn(text);
            }
            model.board.select(reference);
            model.board.keep_in_view(model.size);
        }
        Err(e) => refused(model, store, e),
    }
}

fn open_form(model: &mut Model, form: Form) {
    model.overlay = Some(Overlay::Form(Box::new(form)));
}

fn add_project_form() -> Form {
    Form::new(
        FormKind::AddProject,
        "Add a project",
        vec![
            Field::new("Title", "", false, "required"),
            Field::new("Aim", "", true, "what, where, how much, by when"),
            Field::new("Lead", "", false, "a name"),
            Field::new("Coach", "", false, "a name"),
            Field::new("Cohort", "", false, ""),
            Field::new("Division", "", false, ""),
        ],
    )
}

fn edit_project_form(p: &crate::domain::Project) -> Form {
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    Form::new(
        FormKind::EditProject {
            reference: p.reference,
            version: p.version,
        },
        format!("Edit {}", p.reference),
        vec![
            Field::new("Title", &p.title, false, "required"),
            Field::new("Aim", &p.aim, true, "what, where, how much, by when"),
            Field::new("Problem", &p.problem, true, "with evidence"),
            Field::new("Scope in", &p.scope_in, true, ""),
            Field::new("Scope out", &p.scope_out, true, ""),
            Field::new("Division", &p.division, false, ""),
            Field::new("Department", &p.department, false, ""),
            Field::new("Cohort", p.cohort.as_deref().unwrap_or(""), false, ""),
            Field::new("Start", &date(p.start_date), false, "YYYY-MM-DD"),
            Field::new("Target date", &date(p.target_date), false, "YYYY-MM-DD"),
            Field::new("Risks", &p.risks, true, ""),
        ],
    )
}

fn edit_pdsa(model: &mut Model) {
    let Some(d) = &model.detail else { return };
    if model.pane != Pane::Detail || d.section != Section::Pdsa {
        model.info("Choose a cycle in the PDSA section (h/l), then Enter");
        return;
    }
    let Some(cycle) = d.detail.pdsa_cycles.get(d.selected) else {
        return;
    };
    let form = Form::new(
        FormKind::EditPdsa {
            reference: d.reference(),
            number: cycle.number,
        },
        format!("{} worksheet — {}", cycle.label(), cycle.change_idea),
        vec![
            Field::new(
                "Prediction",
                &cycle.predictions,
                true,
                "what will happen, and why",
            ),
            Field::new(
                "Do",
                &cycle.do_notes,
                true,
                "what happened, problems, surprises",
            ),
            Field::new("Study", &cycle.study, true, "results against predictions"),
            Field::new(
                "Act",
                cycle.act.map(|a| a.key()).unwrap_or(""),
                false,
                "adopt, adapt or abandon",
            ),
            Field::new("Next step", &cycle.next_step, true, ""),
        ],
    );
    open_form(model, form);
}

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

fn overlay_key(model: &mut Model, event: &KeyEvent, store: &mut Store) {
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
                    if !model.board.select(reference) {
                        model.filter = Default::default();
                        let _ = model.reload(store);
                        model.board.select(reference);
                    }
                    model.board.keep_in_view(model.size);
                    model.pane = Pane::Board;
                    model.info(format!("{reference} selected — Enter opens it"));
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
            KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter => {
                model.overlay = None;
                match store.delete_project(confirm.reference, Some(confirm.version)) {
                    Ok(()) => {
                        if model
                            .detail
                            .as_ref()
                            .is_some_and(|d| d.reference() == confirm.reference)
                        {
                            model.detail = None;
                            model.pane = Pane::Board;
                        }
                        changed(
                            model,
                            store,
                            format!("{} deleted — u to undo", confirm.reference),
                        );
                    }
                    Err(e) => refused(model, store, e),
                }
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
                    Some(said) => {
                        model.overlay = None;
                        changed(model, store, said);
                        return;
                    }
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
                            if !event.modifiers.contains(KeyModifiers::ALT) {
                                field.input.input(*event);
                            }
                        }
                    }
                }
                Some(Overlay::Form(form))
            }
        }
    };
}

fn choose(model: &mut Model, choice: &Choice, store: &mut Store) {
    match &choice.purpose {
        ChoicePurpose::Status { reference, version } => {
            let status = Status::ALL[choice.selected.min(Status::ALL.len() - 1)];
            match store.set_status(*reference, status, Some(*version)) {
                Ok(()) => changed_project(
                    model,
                    store,
                    *reference,
                    format!("{reference} is now {} — u to undo", status.label()),
                ),
                Err(e) => refused(model, store, e),
            }
        }
    }
}

fn optional(text: String) -> Option<String> {
    if text.trim().is_empty() {
        None
    } else {
        Some(text.trim().to_string())
    }
}

/// Validates and stores a form. `None` keeps the form open with its errors shown.
fn submit_form(model: &mut Model, form: &mut Form, store: &mut Store) -> Option<String> {
    let result = match form.kind.clone() {
        FormKind::AddProject => {
            if let Err(e) = require_text("title", &form.value("Title")) {
                form.set_error("Title", e.to_string());
                return None;
            }
            let new = NewProject {
                title: form.value("Title"),
                aim: form.value("Aim"),
                lead: optional(form.value("Lead")),
                coach: optional(form.value("Coach")),
                cohort: optional(form.value("Cohort")),
                division: form.value("Division"),
                stage: model
                    .board
                    .columns
                    .get(model.board.column)
                    .map(|c| c.stage.key.clone()),
                ..Default::default()
            };
            store.add_project(&new).map(|reference| {
                model
                    .board
                    .replace(store.board(&model.filter).unwrap_or_default());
                model.board.select(reference);
                format!("{reference} added — u to undo")
            })
        }
        FormKind::EditProject { reference, version } => {
            if let Err(e) = require_text("title", &form.value("Title")) {
                form.set_error("Title", e.to_string());
                return None;
            }
            for label in ["Start", "Target date"] {
                let text = form.value(label);
                if !text.trim().is_empty()
                    && let Err(e) = parse_date(&text)
                {
                    form.set_error(label, e.to_string());
                    return None;
                }
            }
            let fields = vec![
                (ProjectField::Title, form.value("Title")),
                (ProjectField::Aim, form.value("Aim")),
                (ProjectField::Problem, form.value("Problem")),
                (ProjectField::ScopeIn, form.value("Scope in")),
                (ProjectField::ScopeOut, form.value("Scope out")),
                (ProjectField::Division, form.value("Division")),
                (ProjectField::Department, form.value("Department")),
                (ProjectField::Cohort, form.value("Cohort")),
                (ProjectField::StartDate, form.value("Start")),
                (ProjectField::TargetDate, form.value("Target date")),
                (ProjectField::Risks, form.value("Risks")),
            ];
            store
                .edit_project(reference, &fields, Some(version))
                .map(|()| format!("{reference} updated — u to undo"))
        }
        FormKind::Score { reference, version } => {
            let score = match form.value("Score").parse() {
                Ok(score) => score,
                Err(e) => {
                    form.set_error("Score", format!("{e}"));
                    return None;
                }
            };
            store
                .set_score(
                    reference,
                    Some(score),
                    "",
                    &form.value("Why"),
                    Some(version),
                )
                .map(|()| format!("{reference} scored {score} — u to undo"))
        }
        FormKind::Note { reference } => {
            if let Err(e) = require_text("note", &form.value("Note")) {
                form.set_error("Note", e.to_string());
                return None;
            }
            store
                .add_note(reference, &form.value("Note"))
                .map(|()| format!("Note added to {reference} — u to undo"))
        }
        FormKind::AddPdsa { reference } => {
            if let Err(e) = require_text("change idea", &form.value("Change idea")) {
                form.set_error("Change idea", e.to_string());
                return None;
            }
            let start = match optional(form.value("Start"))
                .map(|t| parse_date(&t))
                .transpose()
            {
                Ok(start) => start,
                Err(e) => {
                    form.set_error("Start", e.to_string());
                    return None;
                }
            };
            let new = NewPdsa {
                change_idea: form.value("Change idea"),
                objective: form.value("Objective"),
                predictions: form.value("Prediction"),
                plan: form.value("Plan"),
                start_date: start,
                ..Default::default()
            };
            store
                .add_pdsa(reference, &new)
                .map(|n| format!("PDSA {n} added to {reference} — u to undo"))
        }
        FormKind::EditPdsa { reference, number } => {
            let act = match optional(form.value("Act"))
                .map(|a| a.parse::<ActDecision>())
                .transpose()
            {
                Ok(act) => act,
                Err(e) => {
                    form.set_error("Act", e.to_string());
                    return None;
                }
            };
            let fields = vec![
                PdsaField::Predictions(form.value("Prediction")),
                PdsaField::Do(form.value("Do")),
                PdsaField::Study(form.value("Study")),
                PdsaField::Act(act),
                PdsaField::NextStep(form.value("Next step")),
            ];
            store
                .edit_pdsa(reference, number, &fields)
                .map(|()| format!("PDSA {number} of {reference} updated — u to undo"))
        }
        FormKind::RecordValue { reference } => {
            let date = match parse_date(&form.value("Date")) {
                Ok(d) => d,
                Err(e) => {
                    form.set_error("Date", e.to_string());
                    return None;
                }
            };
            let value = match parse_value(&form.value("Value")) {
                Ok(v) => v,
                Err(e) => {
                    form.set_error("Value", e.to_string());
                    return None;
                }
            };
            let measure = form.value("Measure");
            store
                .record_point(reference, &measure, date, value, &form.value("Note"))
                .map(|outcome| match outcome.replaced {
                    Some(old) => {
                        format!("{measure} on {date}: {old} replaced by {value} — u to undo")
                    }
                    None => format!("{measure} on {date}: {value} recorded — u to undo"),
                })
        }
        FormKind::Rebase { reference, measure } => {
            let date = match parse_date(&form.value("Date")) {
                Ok(d) => d,
                Err(e) => {
                    form.set_error("Date", e.to_string());
                    return None;
                }
            };
            if let Err(e) = require_text("reason", &form.value("Reason")) {
                form.set_error("Reason", e.to_string());
                return None;
            }
            store
                .rebase_measure(reference, &measure, date, &form.value("Reason"))
                .map(|()| format!("{measure} rebased at {date} — u to undo"))
        }
        FormKind::Filter => {
            let status = match optional(form.value("Status"))
                .map(|s| s.parse::<Status>())
                .transpose()
            {
                Ok(s) => s,
                Err(e) => {
                    form.set_error("Status", e.to_string());
                    return None;
                }
            };
            model.filter.cohort = optional(form.value("Cohort"));
            model.filter.coach = optional(form.value("Coach"));
            model.filter.division = optional(form.value("Division"));
            model.filter.status = status;
            Ok("Filter applied — Esc clears it".to_string())
        }
    };
    match result {
        Ok(said) => Some(said),
        Err(StoreError::Invalid(message)) if message.contains("measure") => {
            form.set_error("Measure", message);
            None
        }
        Err(e) => {
            let conflict = matches!(e, StoreError::Conflict(_));
            form.error = Some(e.to_string());
            if conflict {
                let _ = model.reload(store);
            }
            None
        }
    }
}
