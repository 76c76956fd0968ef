//! Moving around: panes, the selection, opening a project. Nothing here writes (moving a
//! card is a change: `card_moves`).

use super::{Action, DetailView, MetricsFocus, MetricsView, Model, Pane, Section};
use crate::domain::ProjectRef;
use crate::store::Store;

/// Enter in Metrics: on an icon count, list the projects behind it; on a listed project,
/// open it (at its measures when it came from an icon count).
pub(super) fn open_from_metrics(model: &mut Model, store: &Store) {
    let Some(m) = &mut model.metrics else { return };
    match m.focus {
        MetricsFocus::Icons => {
            let group = m.selected_group();
            if let Err(e) = m.show_group(group, store) {
                model.error(e.to_string());
            } else {
                let n = m.list.len();
                let (open, back) = (model.key_hint(Action::Open), model.key_hint(Action::Back));
                model.info(format!(
                    "{n} project(s) with {} {} — {open} opens, {back} goes back",
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
            model.back_to = Pane::Metrics;
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

pub(super) fn show_pane(model: &mut Model, pane: Pane, store: &Store) {
    match pane {
        Pane::Detail if model.detail.is_none() => {
            match model.board.selected().map(|c| c.reference) {
                Some(reference) => open_detail(model, reference, store),
                None => model.refuse("Select a project on the board first"),
            }
        }
        // Read ahead while idle (see `Model::idle`), else now.
        Pane::Metrics if model.metrics.is_some() => model.pane = Pane::Metrics,
        Pane::Metrics => {
            match MetricsView::load(store, &model.filter, model.today, model.config.stale_weeks) {
                Ok(metrics) => {
                    model.metrics = Some(metrics);
                    model.pane = Pane::Metrics;
                }
                Err(e) => model.error(e.to_string()),
            }
        }
        Pane::Session => super::session::show(model, store),
        other => model.pane = other,
    }
}

pub(super) fn open_detail(model: &mut Model, reference: ProjectRef, store: &Store) {
    match DetailView::open(store, reference) {
        Ok(view) => {
            model.detail = Some(view);
            model.pane = Pane::Detail;
            model.board.select(reference);
        }
        Err(e) => model.error(e.to_string()),
    }
}

pub(super) fn select(model: &mut Model, dx: isize, dy: isize, store: &Store) {
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
        // The Session pane moves between teams with its own keys.
        Pane::Session => {}
    }
}
