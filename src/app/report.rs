//! Reports from the app: `R` writes the board report for the board's filters, as
//! `report board` does, to the exports folder, and says where.

use chrono::Days;

use super::Model;
use crate::exchange::files::write_export;
use crate::exchange::report::{BoardRequest, board_html, board_report};
use crate::store::Store;

/// The period a report looks back over for score movement and PDSA cycles.
const PERIOD_DAYS: u64 = 90;

pub(super) fn write_board_report(model: &mut Model, store: &Store) {
    let Some(dir) = model.config.export_dir() else {
        model.error("Cannot find your Documents folder: set exports in config.toml");
        return;
    };
    let request = BoardRequest {
        filter: model.filter.clone(),
        since: model
            .today
            .checked_sub_days(Days::new(PERIOD_DAYS))
            .unwrap_or(model.today),
        today: model.today,
        stale_weeks: model.config.stale_weeks,
    };
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
