//! `import projects`: a register from Excel or CSV into the portfolio, as one change.

use std::path::Path;

use super::{Cli, CliError, Output, open_existing, open_store, pretty};
use crate::exchange::register::{read_register_file, summary};
use crate::exchange::register_export;
use crate::store::{ImportError, RowAction};

/// Bad cells shown after the first, before a count.
const MORE_CELLS: usize = 20;
/// Registers longer than this import with a progress bar.
const PROGRESS_FROM: usize = 2_000;

pub struct Options<'a> {
    pub file: &'a Path,
    pub sheet: Option<&'a str>,
    pub maps: &'a [String],
    pub dry_run: bool,
    pub json: bool,
}

pub fn import_projects(cli: &Cli, options: &Options<'_>) -> Output {
    let shown = options.file.display().to_string();
    let mut store = open_store(cli)?;
    let stages = store.stages()?;
    let register = read_register_file(options.file, options.sheet, options.maps, &stages)
        .map_err(|e| CliError::bad_input_lines(&e.lines(MORE_CELLS + 1)))?;
    let source = options
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "standard input".into());
    // A bar for big registers (indicatif draws it only on a terminal).
    let bar = (register.rows.len() > PROGRESS_FROM)
        .then(|| super::portfolio::progress(register.rows.len(), "importing projects"));
    let outcome = store
        .import_projects_with_progress(&register.rows, &source, options.dry_run, &mut || {
            if let Some(bar) = &bar {
                bar.inc(1);
            }
        })
        .map_err(|e| match e {
            ImportError::Row(row) => CliError::bad_input(format!("{shown}, {row}")),
            ImportError::Store(store) => CliError::from(store),
        })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let (added, updated, unchanged) = (
        outcome.count(RowAction::Added),
        outcome.count(RowAction::Updated),
        outcome.count(RowAction::Unchanged),
    );
    if options.json {
        let rows: Vec<serde_json::Value> = outcome
            .rows
            .iter()
            .map(|r| {
                serde_json::json!({
                    "row": r.row,
                    "ref": r.reference.to_string(),
                    "action": r.action.key(),
                })
            })
            .collect();
        return Ok(pretty(&serde_json::json!({
            "added": added,
            "updated": updated,
            "unchanged": unchanged,
            "dry_run": options.dry_run,
            "sheet": register.sheet,
            "ignored_columns": register.ignored,
            "rows": rows,
        })));
    }
    let mut said = summary(&outcome, &register);
    if options.dry_run {
        said.push_str("\ndry run: nothing was written");
    } else if added + updated > 0 {
        said.push_str("\n`qiboard undo` takes the whole import back");
    }
    Ok(format!("{said}\n"))
}

/// `export projects FILE|-`: the register, for Excel or for a second portfolio.
pub fn export_projects(cli: &Cli, file: &Path) -> Output {
    let extension = file
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if file != Path::new("-") && !matches!(extension.as_str(), "xlsx" | "csv") {
        return Err(CliError::bad_input(format!(
            "{}: expected a file name ending .xlsx or .csv (or - for CSV on standard output)",
            file.display()
        )));
    }
    let rows = open_existing(cli)?.register()?;
    if file == Path::new("-") {
        return Ok(String::from_utf8_lossy(&register_export::to_csv(&rows)).into_owned());
    }
    let bytes = if extension == "xlsx" {
        register_export::to_xlsx(&rows)
            .map_err(|e| CliError::failure(format!("cannot make {}: {e}", file.display())))?
    } else {
        register_export::to_csv(&rows)
    };
    crate::exchange::files::write_whole(file, &bytes)
        .map_err(|e| CliError::failure(format!("cannot write {}: {e}", file.display())))?;
    let plural = if rows.len() == 1 {
        "project"
    } else {
        "projects"
    };
    Ok(format!(
        "{} {plural} exported to {} (one row each; edit and `qiboard import projects` it back)\n",
        rows.len(),
        file.display()
    ))
}

/// `export workbook FILE.xlsx`: everything, a sheet per table, with a progress bar.
pub fn export_workbook(cli: &Cli, file: &Path) -> Output {
    let extension = file
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if extension != "xlsx" {
        return Err(CliError::bad_input(format!(
            "{}: expected a file name ending .xlsx",
            file.display()
        )));
    }
    let store = open_existing(cli)?;
    let rows = store.register()?;
    let total = store.portfolio_size()?;
    // Read, then write: each row is counted twice on the way.
    let bar = super::portfolio::progress(
        usize::try_from(total.saturating_mul(2)).unwrap_or(usize::MAX),
        "exporting the workbook",
    );
    let sheets = store.portfolio_sheets(&mut || bar.inc(1))?;
    let bytes = register_export::workbook(&rows, &sheets, &mut || bar.inc(1))
        .map_err(|e| CliError::failure(format!("cannot make {}: {e}", file.display())))?;
    bar.finish_and_clear();
    crate::exchange::files::write_whole(file, &bytes)
        .map_err(|e| CliError::failure(format!("cannot write {}: {e}", file.display())))?;
    Ok(format!(
        "portfolio exported to {}: {}\n",
        file.display(),
        register_export::contents(rows.len(), &sheets)
    ))
}
