//! `report board` and `report project`: the portfolio report for a board paper and the
//! project on a page, written whole to a file (the exports folder by default) or to
//! standard output.

use std::path::{Path, PathBuf};

use super::args::{ReportCommand, ReportFormatArg};
use super::{Cli, CliError, Output, open_existing};
use crate::exchange::report::{
    BoardRequest, ReportFormat, board_html, board_markdown, board_report, project_html,
    project_report,
};
use crate::store::ProjectFilter;

pub fn run(cli: &Cli, command: &ReportCommand) -> Output {
    match command {
        ReportCommand::Board {
            filter,
            since,
            format,
            output,
        } => {
            let format = match format {
                ReportFormatArg::Html => ReportFormat::Html,
                ReportFormatArg::Md => ReportFormat::Markdown,
            };
            let config = super::app_config()?;
            // Where it goes is checked before anything is read, so a bad path costs nothing.
            let target = destination(output.as_deref(), "board-report", format, &config)?;
            let store = open_existing(cli)?;
            let today = store.clock().today();
            let filter = ProjectFilter::from(filter);
            let mut request = BoardRequest::new(filter, today, config.stale_weeks);
            if let Some(since) = since {
                request.since = *since;
            }
            let report = board_report(&store, &request)?;
            if report.projects.is_empty() {
                return Err(CliError::bad_input(if report.filters.is_empty() {
                    "the portfolio has no projects to report on".to_string()
                } else {
                    format!(
                        "no project matches {} (see qiboard project list)",
                        report.filters.join(", ")
                    )
                }));
            }
            let text = match format {
                ReportFormat::Html => board_html(&report),
                ReportFormat::Markdown => board_markdown(&report),
            };
            write(target, &text, report.today)
        }
        ReportCommand::Project { reference, output } => {
            let config = super::app_config()?;
            let name = format!("project-{reference}");
            let target = destination(output.as_deref(), &name, ReportFormat::Html, &config)?;
            let store = open_existing(cli)?;
            let report = project_report(&store, *reference, store.clock().today())?;
            write(target, &project_html(&report), report.today)
        }
    }
}

/// Where a report goes: standard output for `-`, the file named, or the exports folder.
enum Target {
    Stdout,
    File(PathBuf),
    /// The exports folder, and the name's start and extension (the date is added).
    Exports(PathBuf, String, &'static str),
}

fn destination(
    output: Option<&Path>,
    name: &str,
    format: ReportFormat,
    config: &crate::app::Config,
) -> Result<Target, CliError> {
    match output {
        Some(path) if path == Path::new("-") => Ok(Target::Stdout),
        Some(path) => {
            let folder = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            if !folder.is_dir() {
                return Err(CliError::bad_input(format!(
                    "--output {}: the folder {} does not exist",
                    path.display(),
                    folder.display()
                )));
            }
            Ok(Target::File(path.to_path_buf()))
        }
        None => {
            let dir = config.export_dir().ok_or_else(|| {
                CliError::bad_input("cannot find your Documents folder: give --output FILE")
            })?;
            Ok(Target::Exports(dir, name.to_string(), format.extension()))
        }
    }
}

fn write(target: Target, text: &str, today: chrono::NaiveDate) -> Output {
    let path = match target {
        Target::Stdout => return Ok(text.to_string()),
        Target::File(path) => {
            crate::exchange::files::write_whole(&path, text.as_bytes()).map_err(|e| {
                CliError::bad_input(format!("cannot write {}: {e}", path.display()))
            })?;
            path
        }
        Target::Exports(dir, name, extension) => crate::exchange::files::write_export(
            &dir,
            &format!("{name}-{today}.{extension}"),
            text.as_bytes(),
        )
        .map_err(|e| CliError::failure(format!("cannot write to {}: {e}", dir.display())))?,
    };
    Ok(format!("report written to {}\n", path.display()))
}
