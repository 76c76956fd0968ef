//! Commands on the whole portfolio: demo data, JSON export and import, backup.

use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;
use indicatif::{ProgressBar, ProgressStyle};

use super::{Cli, CliError, Output, db_path, open_store};
use crate::exchange::json;
use crate::store::{Portfolio, Store};

/// A progress bar on standard error, hidden when that is not a terminal (scripts, CI).
pub(super) fn progress(total: usize, what: &str) -> ProgressBar {
    let bar = ProgressBar::new(total as u64);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} rows")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar
}

fn rows_in(portfolio: &Portfolio) -> usize {
    portfolio.tables.iter().map(|(_, rows)| rows.len()).sum()
}

fn load(store: &mut Store, portfolio: &Portfolio, summary: &str) -> Result<(), CliError> {
    let bar = progress(rows_in(portfolio), summary);
    let result = store.load(portfolio, summary, &mut |done| {
        bar.set_position(done as u64)
    });
    bar.finish_and_clear();
    Ok(result?)
}

fn projects_in(portfolio: &Portfolio) -> usize {
    portfolio
        .tables
        .iter()
        .find(|(t, _)| *t == "projects")
        .map_or(0, |(_, rows)| rows.len())
}

/// The large portfolio made and loaded a part at a time (never all in memory), in one
/// transaction all the same: all of it or none.
fn load_large(store: &mut Store, stages: &[String], anchor: NaiveDate) -> Result<usize, CliError> {
    let what = "large demo portfolio loaded";
    let bar = progress(crate::demo::LARGE_PROJECTS, "large demo portfolio");
    let mut loader = store.loader()?;
    let (mut projects, mut next_ref) = (0, 1);
    crate::demo::large_portfolio_in_parts(stages, anchor, &mut |part| {
        loader.load(&part, &mut |_| {})?;
        let made = projects_in(&part);
        projects += made;
        next_ref = part.next_ref;
        bar.inc(made as u64);
        Ok(())
    })?;
    loader.finish(what, next_ref)?;
    bar.finish_and_clear();
    Ok(projects)
}

pub fn demo(cli: &Cli, large: bool, anchor: Option<NaiveDate>) -> Output {
    let mut store = open_store(cli)?;
    if !store.is_empty()? {
        return Err(CliError::bad_input(
            "the portfolio is not empty: the demo goes into a new one (e.g. --db demo.sqlite3)",
        ));
    }
    let anchor = anchor.unwrap_or_else(|| store.clock().today());
    let stages = store.stage_uuids()?;
    let projects = if large {
        load_large(&mut store, &stages, anchor)?
    } else {
        let portfolio = crate::demo::demo_portfolio(&stages, anchor);
        load(&mut store, &portfolio, "demo portfolio loaded")?;
        projects_in(&portfolio)
    };
    Ok(format!(
        "{projects} demo projects loaded into {}. See them with `qiboard project list`.\n",
        db_path(cli)?.display()
    ))
}

pub fn export(cli: &Cli, file: &Path) -> Output {
    let store = super::open_existing(cli)?;
    let text = json::to_json(&store.dump()?);
    if file == Path::new("-") {
        return Ok(text);
    }
    write_new(file, &text)?;
    Ok(format!("portfolio exported to {}\n", file.display()))
}

fn write_new(file: &Path, text: &str) -> Result<(), CliError> {
    crate::exchange::files::write_whole(file, text.as_bytes())
        .map_err(|e| CliError::failure(format!("cannot write {}: {e}", file.display())))
}

pub fn import(cli: &Cli, file: &Path) -> Output {
    let shown = file.display();
    let text = if file == Path::new("-") {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| CliError::bad_input(format!("cannot read standard input: {e}")))?;
        text
    } else {
        let bytes = std::fs::read(file)
            .map_err(|e| CliError::bad_input(format!("cannot read {shown}: {e}")))?;
        // A workbook or an image is named for what it is, never echoed or called "invalid".
        if let Some(kind) = crate::exchange::sniff::sniff(&bytes) {
            return Err(CliError::bad_input(format!(
                "{shown}: this is {kind}, not a qiboard JSON export (expected a file written \
                 by `qiboard export json`)"
            )));
        }
        String::from_utf8(bytes).map_err(|_| {
            CliError::bad_input(format!(
                "{shown}: not UTF-8 text (expected a file written by `qiboard export json`)"
            ))
        })?
    };
    let portfolio =
        json::from_json(&text).map_err(|e| CliError::bad_input(format!("{shown}: {e}")))?;
    // A new portfolio's file is written only when the load commits: a refused import
    // leaves nothing behind.
    let mut store = open_store(cli)?;
    if !store.is_empty()? {
        return Err(CliError::bad_input(
            "the portfolio is not empty: import into a new one (--db NEW_FILE)",
        ));
    }
    if let Err(e) = load(&mut store, &portfolio, &format!("imported {shown}")) {
        return Err(CliError {
            message: format!("{shown}: {}", e.message),
            ..e
        });
    }
    let projects = store.list_projects(&Default::default())?.len();
    Ok(format!("{projects} projects imported from {shown}\n"))
}

pub fn backup(cli: &Cli, dir: Option<&Path>) -> Output {
    let path = db_path(cli)?;
    let store = super::open_existing(cli)?;
    let dir = match dir {
        Some(dir) => dir.to_path_buf(),
        None => path
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| ".".into()),
    };
    let written = store.backup(&dir)?;
    Ok(format!("backup written to {}\n", written.display()))
}
