//! Reports from the app: `R` writes the board report for the board's filters (on the board
//! and in Metrics), the shown project's page (in Detail) or the session's summary (in the
//! Session pane), as `report board`, `report project` and `session report` do, to the
//! exports folder, and says where.

use super::Model;
use crate::exchange::files::write_export;
use crate::exchange::report::{
    BoardRequest, board_html, board_report, project_html, project_report, session_html,
    session_report,
};
use crate::store::Store;

pub(super) fn write_board_report(model: &mut Model, store: &Store) {
    let Some(dir) = model.config.export_dir() else {
        model.error("Cannot find your Documents folder: set exports in config.toml");
        return;
    };
    let request = BoardRequest::new(model.filter.clone(), model.today, model.config.stale_weeks);
    let report = match board_report(store, &request) {
        Ok(report) => report,
        Err(e) => {
            model.error(e.to_string());
            return;
        }
    };
    if report.projects.is_empty() {
        model.refuse("No project to report on: the filters select none");
        return;
    }
    let name = format!("board-report-{}.html", model.today);
    match write_export(&dir, &name, board_html(&report).as_bytes()) {
        Ok(path) => model.info_with_path("Board report written to", &path),
        Err(e) => model.error(format!("Cannot write {}: {e}", dir.join(&name).display())),
    }
}

pub(super) fn write_project_report(model: &mut Model, store: &Store) {
    let Some((reference, _)) = super::update::selected_ref(model) else {
        model.refuse("Select a project first");
        return;
    };
    let Some(dir) = model.config.export_dir() else {
        model.error("Cannot find your Documents folder: set exports in config.toml");
        return;
    };
    let report = match project_report(store, reference, model.today) {
        Ok(report) => report,
        Err(e) => {
            model.error(e.to_string());
            return;
        }
    };
    let name = format!("project-{reference}-{}.html", model.today);
    match write_export(&dir, &name, project_html(&report).as_bytes()) {
        Ok(path) => model.info_with_path(format!("{reference} on a page written to"), &path),
        Err(e) => model.error(format!("Cannot write {}: {e}", dir.join(&name).display())),
    }
}

pub(super) fn write_session_report(model: &mut Model, store: &Store) {
    let Some(view) = &model.session else {
        model.refuse("No session to summarise");
        return;
    };
    let (cohort, number) = (view.cohort().to_string(), view.number());
    let Some(dir) = model.config.export_dir() else {
        model.error("Cannot find your Documents folder: set exports in config.toml");
        return;
    };
    let report = match session_report(store, &cohort, number, model.today) {
        Ok(report) => report,
        Err(e) => {
            model.error(e.to_string());
            return;
        }
    };
    let name = format!(
        "session-{}-{number}-{}.html",
        crate::exchange::files::safe_name(&cohort),
        model.today
    );
    match write_export(&dir, &name, session_html(&report).as_bytes()) {
        Ok(path) => model.info_with_path(format!("Session {number}'s summary written to"), &path),
        Err(e) => model.error(format!("Cannot write {}: {e}", dir.join(&name).display())),
    }
}
