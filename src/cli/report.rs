//! `report board` and `report project`: the portfolio report for a board paper and the
//! project on a page, written whole to a file (the exports folder by default) or to
//! standard output; as Markdown, with its charts in a folder beside the file.

use std::path::{Path, PathBuf};

use super::args::{ReportCommand, ReportFormatArg};
use super::{Cli, CliError, Output, open_existing};
use crate::exchange::report::{
    BoardRequest, Document, ReportFormat, board_html, board_markdown, board_report, charts_folder,
    project_html, project_markdown, project_report, session_html, session_markdown, session_report,
};
use crate::store::ProjectFilter;

impl From<ReportFormatArg> for ReportFormat {
    fn from(format: ReportFormatArg) -> Self {
        match format {
            ReportFormatArg::Html => ReportFormat::Html,
            ReportFormatArg::Md => ReportFormat::Markdown,
        }
    }
}

/// Text with no chart files: HTML holds its charts inline.
fn inline(text: String) -> Document {
    Document {
        text,
        charts: Vec::new(),
    }
}

pub fn run(cli: &Cli, command: &ReportCommand) -> Output {
    match command {
        ReportCommand::Board {
            filter,
            since,
            format,
            output,
        } => {
            let format = ReportFormat::from(*format);
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
            write(target, report.today, |charts| match format {
                ReportFormat::Html => inline(board_html(&report)),
                ReportFormat::Markdown => board_markdown(&report, charts),
            })
        }
        ReportCommand::Project {
            reference,
            format,
            output,
        } => {
            let format = ReportFormat::from(*format);
            let config = super::app_config()?;
            let name = format!("project-{reference}");
            let target = destination(output.as_deref(), &name, format, &config)?;
            let store = open_existing(cli)?;
            let report = project_report(&store, *reference, store.clock().today())?;
            write(target, report.today, |charts| match format {
                ReportFormat::Html => inline(project_html(&report)),
                ReportFormat::Markdown => project_markdown(&report, charts),
            })
        }
    }
}

/// `session report`: a cohort session's summary.
pub fn session(
    cli: &Cli,
    cohort: &str,
    number: i64,
    format: ReportFormatArg,
    output: Option<&Path>,
) -> Output {
    let format = ReportFormat::from(format);
    let config = super::app_config()?;
    let store = open_existing(cli)?;
    let report = session_report(&store, cohort, number, store.clock().today())?;
    let name = format!(
        "session-{}-{number}",
        crate::exchange::files::safe_name(&report.detail.session.cohort)
    );
    let target = destination(output, &name, format, &config)?;
    write(target, report.today, |_| match format {
        ReportFormat::Html => inline(session_html(&report)),
        ReportFormat::Markdown => session_markdown(&report),
    })
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

/// Renders the report for where it goes (charts only when there is a folder to put them
/// in) and writes it, charts first, each file whole.
fn write(
    target: Target,
    today: chrono::NaiveDate,
    render: impl FnOnce(Option<&str>) -> Document,
) -> Output {
    // A path the user gave that cannot be written is bad input; the exports folder, a failure.
    let (path, given) = match target {
        Target::Stdout => return Ok(render(None).text),
        Target::File(path) => (path, true),
        Target::Exports(dir, name, extension) => {
            std::fs::create_dir_all(&dir).map_err(|e| {
                CliError::failure(format!("cannot write to {}: {e}", dir.display()))
            })?;
            (dir.join(format!("{name}-{today}.{extension}")), false)
        }
    };
    let folder = charts_folder(&path);
    let folder_name = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let document = render(Some(&folder_name));
    document.write(&path).map_err(|e| {
        let message = format!("cannot write {}: {e}", path.display());
        if given {
            CliError::bad_input(message)
        } else {
            CliError::failure(message)
        }
    })?;
    Ok(if document.charts.is_empty() {
        format!("report written to {}\n", path.display())
    } else {
        format!(
            "report written to {}, its {} chart{} in {}\n",
            path.display(),
            document.charts.len(),
            if document.charts.len() == 1 { "" } else { "s" },
            folder.display()
        )
    })
}
