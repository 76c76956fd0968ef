//! The command line: a thin face over the store. Each command prints what it did and
//! returns one [`CliError`] line when it cannot.

pub mod args;
pub mod error;
mod portfolio;
mod register;
pub mod render;
mod report;
mod sessions;
pub mod spc;
mod work;

use std::io::Write;
use std::path::PathBuf;

use clap::{CommandFactory, Parser};

pub use args::Cli;
use args::Command;
pub use error::CliError;

use crate::clock::Clock;
use crate::store::{Store, StoreError};

impl From<StoreError> for CliError {
    fn from(error: StoreError) -> Self {
        if error.is_bad_input() {
            CliError::bad_input(error.to_string())
        } else {
            CliError::failure(error.to_string())
        }
    }
}

/// What a command hands back to print on standard output.
pub type Output = Result<String, CliError>;

/// Parses arguments; clap's usage errors become one line and exit status 2, help exits 0.
pub fn parse(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Cli, (String, u8)> {
    Cli::try_parse_from(args).map_err(|err| {
        use clap::error::ErrorKind;
        match err.kind() {
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => (err.render().to_string(), 0),
            _ => {
                let text = err.render().to_string();
                let mut lines = text.lines().skip_while(|l| l.trim().is_empty());
                let mut first = lines
                    .next()
                    .unwrap_or("invalid arguments")
                    .trim_start_matches("error: ")
                    .to_string();
                // "required arguments were not provided:" lists them on the lines below.
                if first.ends_with(':') {
                    let listed: Vec<&str> = lines
                        .take_while(|l| l.starts_with(' ') && !l.trim().is_empty())
                        .map(str::trim)
                        .collect();
                    first = format!("{} {}", first, listed.join(", "));
                }
                // The choices, when clap lists them on a line of their own.
                if let Some(choices) = text.lines().find_map(|l| {
                    l.trim()
                        .strip_prefix("[possible values: ")
                        .and_then(|v| v.strip_suffix(']'))
                }) {
                    first = format!("{first}: use one of {choices}");
                }
                // The portfolio option is global and optional; clap shows it in usage lines
                // when QIBOARD_DB is set, as if it were needed.
                let usage = text
                    .lines()
                    .find_map(|l| l.strip_prefix("Usage: "))
                    .map(|u| format!(" (usage: {})", u.trim().replace(" --db <PATH>", "")))
                    .unwrap_or_default();
                (format!("qiboard: {first}{usage}"), error::EXIT_BAD_INPUT)
            }
        }
    })
}

/// Where the portfolio is: `--db`, else `QIBOARD_DB` (both via clap), else the default.
pub fn db_path(cli: &Cli) -> Result<PathBuf, CliError> {
    match &cli.db {
        Some(path) => Ok(path.clone()),
        None => crate::platform::default_db_path().ok_or_else(|| {
            CliError::failure(
                "cannot find your local data folder; give the portfolio with --db PATH",
            )
        }),
    }
}

pub fn clock() -> Result<Clock, CliError> {
    Clock::from_env().map_err(CliError::bad_input)
}

/// For commands that only look: a portfolio that does not exist is not created (a mistyped
/// `--db` must not look like a portfolio whose projects were lost).
pub fn open_existing(cli: &Cli) -> Result<Store, CliError> {
    let path = db_path(cli)?;
    if !path.exists() {
        return Err(CliError::failure(format!(
            "there is no portfolio at {} yet; `qiboard demo` or `qiboard project add` creates it",
            path.display()
        )));
    }
    open_store(cli)
}

pub fn open_store(cli: &Cli) -> Result<Store, CliError> {
    let path = db_path(cli)?;
    let mut store = Store::open(&path, clock()?)?;
    store.set_author(&author(cli.by.as_deref()));
    Ok(store)
}

/// Who makes a change: `--by`, else `name` in config.toml, else QIBOARD_USER, else the user
/// name the operating system gives (not only `$USER`). Empty when none can be found.
pub fn author(by: Option<&str>) -> String {
    let said = |name: Option<String>| name.filter(|n| !n.trim().is_empty());
    said(by.map(str::to_string))
        // A config that does not parse is the app's to report; a command still runs.
        .or_else(|| said(app_config().ok().and_then(|c| c.name)))
        .or_else(|| said(std::env::var("QIBOARD_USER").ok()))
        .or_else(|| said(whoami::username().ok()))
        .unwrap_or_default()
}

/// Runs one command; the caller prints the output or the error.
pub fn run(cli: Cli) -> Output {
    let Some(command) = &cli.command else {
        return open_app(&cli);
    };
    match command {
        Command::Completions { shell } => {
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "qiboard", &mut out);
            Ok(String::from_utf8_lossy(&out).into_owned())
        }
        Command::Project(
            c @ (args::ProjectCommand::List { .. } | args::ProjectCommand::Show { .. }),
        ) => work::project(&mut open_existing(&cli)?, c),
        Command::Project(c) => work::project(&mut open_store(&cli)?, c),
        Command::Person(c) => work::person(&mut open_store(&cli)?, c),
        Command::Cohort(c @ args::CohortCommand::Show { .. }) => {
            work::cohort(&mut open_existing(&cli)?, c)
        }
        Command::Cohort(c) => work::cohort(&mut open_store(&cli)?, c),
        Command::Session(
            c @ (args::SessionCommand::List { .. } | args::SessionCommand::Show { .. }),
        ) => sessions::session(&mut open_existing(&cli)?, c),
        Command::Session(args::SessionCommand::Report {
            cohort,
            number,
            format,
            output,
        }) => report::session(&cli, cohort, *number, *format, output.as_deref()),
        Command::Session(c) => sessions::session(&mut open_store(&cli)?, c),
        Command::Action(c @ args::ActionCommand::List { .. }) => {
            sessions::action(&mut open_existing(&cli)?, c)
        }
        Command::Action(c) => sessions::action(&mut open_store(&cli)?, c),
        Command::Stage(c) => work::stage(&mut open_store(&cli)?, c),
        Command::Driver(c) => work::driver(&mut open_store(&cli)?, c),
        Command::Idea(c) => work::idea(&mut open_store(&cli)?, c),
        Command::Pdsa(c) => work::pdsa(&mut open_store(&cli)?, c),
        Command::Measure(c) => work::measure(&mut open_store(&cli)?, c),
        Command::Benefit(c) => work::benefit(&mut open_store(&cli)?, c),
        Command::Note(c) => work::note(&mut open_store(&cli)?, c),
        Command::Spc(a) => spc::run(&cli, a),
        Command::Report(c) => report::run(&cli, c),
        Command::Undo => {
            let summary = open_store(&cli)?.undo()?;
            Ok(format!("Undone: {summary}\n"))
        }
        Command::Redo => {
            let summary = open_store(&cli)?.redo()?;
            Ok(format!("Redone: {summary}\n"))
        }
        Command::History {
            reference,
            limit,
            json,
        } => {
            let entries = open_existing(&cli)?.history(*reference, *limit)?;
            Ok(if *json {
                pretty(&render::history_json(&entries))
            } else {
                render::history_text(&entries)
            })
        }
        Command::Demo { large, anchor } => portfolio::demo(&cli, *large, *anchor),
        Command::Export(args::ExportCommand::Json { file }) => portfolio::export(&cli, file),
        Command::Export(args::ExportCommand::Projects { file }) => {
            register::export_projects(&cli, file)
        }
        Command::Export(args::ExportCommand::Workbook { file }) => {
            register::export_workbook(&cli, file)
        }
        Command::Import(args::ImportCommand::Json { file }) => portfolio::import(&cli, file),
        Command::Import(args::ImportCommand::Projects {
            file,
            sheet,
            maps,
            dry_run,
            json,
        }) => register::import_projects(
            &cli,
            &register::Options {
                file,
                sheet: sheet.as_deref(),
                maps,
                dry_run: *dry_run,
                json: *json,
            },
        ),
        Command::Backup { dir } => portfolio::backup(&cli, dir.as_deref()),
        Command::Config(args::ConfigCommand::Path) => Ok(format!("{}\n", config_path()?.display())),
    }
}

pub fn pretty(value: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// The settings the app would use (config.toml), for commands that share them: how long a
/// project may be quiet, where exports go.
fn app_config() -> Result<crate::app::Config, CliError> {
    crate::app::Config::load(Some(&config_path()?)).map_err(CliError::bad_input)
}

fn config_path() -> Result<PathBuf, CliError> {
    crate::platform::config_dir()
        .map(|dir| dir.join("config.toml"))
        .ok_or_else(|| CliError::failure("cannot find your config folder"))
}

/// `qiboard` with no arguments: the app, on the default portfolio (or --db / QIBOARD_DB).
fn open_app(cli: &Cli) -> Output {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(CliError::failure(
            "the app needs a terminal; for scripts use the commands (qiboard --help)",
        ));
    }
    let config = app_config()?;
    let mut store = open_store(cli)?;
    crate::tui::run(&mut store, config).map_err(CliError::failure)?;
    Ok(String::new())
}

/// Entry point for main: parse, run, print; returns the process exit status.
pub fn main_with(args: impl IntoIterator<Item = std::ffi::OsString>) -> u8 {
    let cli = match parse(args) {
        Ok(cli) => cli,
        Err((text, code)) => {
            if code == 0 {
                print_out(&text);
            } else {
                eprintln!("{}", text.trim_end());
            }
            return code;
        }
    };
    match run(cli) {
        Ok(text) => {
            print_out(&text);
            0
        }
        Err(err) => {
            eprintln!("qiboard: {}", err.message);
            err.code
        }
    }
}

/// Writes to standard output; a closed pipe (`| head`) is not an error worth a panic.
fn print_out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}
