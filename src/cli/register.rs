//! `import projects`: a register from Excel or CSV into the portfolio, as one change.

use std::path::Path;

use super::{Cli, CliError, Output, open_existing, open_store, pretty};
use crate::exchange::register::{RegisterError, parse_map, read_register};
use crate::exchange::register_export;
use crate::exchange::table::{TableError, read_sheets};
use crate::store::{ImportError, RowAction};

/// Bad cells shown after the first, before a count.
const MORE_CELLS: usize = 20;

pub struct Options<'a> {
    pub file: &'a Path,
    pub sheet: Option<&'a str>,
    pub maps: &'a [String],
    pub dry_run: bool,
    pub json: bool,
}

pub fn import_projects(cli: &Cli, options: &Options<'_>) -> Output {
    let shown = options.file.display().to_string();
    let maps = options
        .maps
        .iter()
        .map(|m| parse_map(m))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| CliError::bad_input(e.to_string()))?;
    let mut sheets = read_sheets(options.file).map_err(|e| table_error(&e))?;
    if let Some(wanted) = options.sheet {
        let names: Vec<String> = sheets.iter().filter_map(|s| s.name.clone()).collect();
        sheets.retain(|s| {
            s.name
                .as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(wanted))
        });
        if sheets.is_empty() {
            return Err(table_error(&TableError::NoSheet {
                file: shown,
                sheet: wanted.to_string(),
                found: names.join(", "),
            }));
        }
    }
    let mut store = open_store(cli)?;
    let stages = store.stages()?;
    let register = read_register(&sheets, &maps, &stages).map_err(|e| match e {
        RegisterError::BadCells(cells) => {
            let sheet = sheets
                .first()
                .and_then(|s| s.name.as_ref())
                .map(|n| format!(", sheet {n:?}"))
                .unwrap_or_default();
            let mut lines: Vec<String> = cells
                .iter()
                .take(MORE_CELLS + 1)
                .map(|c| {
                    format!(
                        "{shown}{sheet}, row {}, column {:?}: {:?} is not {}",
                        c.row, c.column, c.value, c.expected
                    )
                })
                .collect();
            if cells.len() > 1 {
                lines.push(format!(
                    "{} bad cells in all; nothing was imported",
                    cells.len()
                ));
            }
            CliError::bad_input_lines(&lines)
        }
        other => CliError::bad_input(format!("{shown}: {other}")),
    })?;
    let source = options
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "standard input".into());
    let outcome = store
        .import_projects(&register.rows, &source, options.dry_run)
        .map_err(|e| match e {
            ImportError::Row(row) => CliError::bad_input(format!("{shown}, {row}")),
            ImportError::Store(store) => CliError::from(store),
        })?;
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
    let plural = if added == 1 { "project" } else { "projects" };
    let mut said = format!("{added} {plural} added, {updated} updated, {unchanged} unchanged");
    if let Some(sheet) = &register.sheet {
        said.push_str(&format!(" (sheet {sheet:?})"));
    }
    if !register.ignored.is_empty() {
        said.push_str(&format!(
            "; ignored columns: {}",
            register.ignored.join(", ")
        ));
    }
    if options.dry_run {
        said.push_str("\ndry run: nothing was written");
    } else if added + updated > 0 {
        said.push_str("\n`qiboard undo` takes the whole import back");
    }
    Ok(format!("{said}\n"))
}

fn table_error(error: &TableError) -> CliError {
    CliError::bad_input(error.to_string())
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
    let counted: Vec<String> = std::iter::once(format!("{} projects", rows.len()))
        .chain(sheets.iter().map(|s| match s.name {
            "Data" => format!("{} data points", s.rows.len()),
            name => format!("{} {}", s.rows.len(), name.to_lowercase()),
        }))
        .collect();
    Ok(format!(
        "portfolio exported to {}: {}\n",
        file.display(),
        counted.join(", ")
    ))
}
