//! `qiboard spc`: a series from a CSV file or a spreadsheet (or standard input) or from a portfolio measure,
//! charted as an XmR (Making Data Count) or run chart, as a table, JSON, SVG or PNG; and the two
//! measure commands that share its series reader: `measure import` and `measure main`.
//!
//! `spc FILE` never opens the portfolio. Every refusal is one line naming the row and column
//! (or the option) and the format expected, exit status 2.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::error::CliError;
use super::{Cli, Output, open_store};
use crate::domain::{Direction, ProjectRef, parse_value};
use crate::exchange::series::{SeriesPoint, Wanted, parse_date, read_readings, read_series_file};
use crate::exchange::spc_report;
use crate::exchange::spc_report::ChartNotes;
use crate::measure_reading::{spc_direction, xmr_options};
use crate::spc::{self, RunChartResult, SpcError, XmrOptions};
use crate::store::{Store, StoreError, Unknown};

/// How `spc` prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One row per point, then a summary in words.
    Table,
    /// One object, for scripts (shape in the README).
    Json,
    /// The chart as SVG (opens in a browser).
    Svg,
    /// The chart as PNG, for PowerPoint and older Word (needs --output FILE).
    Png,
}

/// Which chart `spc` draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Chart {
    /// XmR chart with Making Data Count rules and icons.
    Xmr,
    /// Run chart: median with IHI or Anhøj rules.
    Run,
}

/// The run chart's rule set for the verdict of the table and the chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Rules {
    /// IHI: shift of 6, trend of 5, too few or too many runs (Perla, Provost & Murray).
    Ihi,
    /// Anhøj: longest run and number of crossings (as qicharts2).
    Anhoj,
}

fn number(input: &str) -> Result<f64, String> {
    parse_value(input).map_err(|e| e.to_string())
}

fn date(input: &str) -> Result<NaiveDate, String> {
    parse_date(input.trim())
        .ok_or_else(|| format!("{input:?} is not a date (expected YYYY-MM-DD or DD/MM/YYYY)"))
}

/// `qiboard spc FILE [options]` or `qiboard spc --project REF --measure NAME [options]`.
#[derive(Debug, Args)]
pub struct SpcArgs {
    /// CSV or a spreadsheet (.xlsx, .xls, .ods) with a header row naming a date (or month,
    /// week, period) and a value column, oldest first; '-' reads standard input.
    #[arg(
        value_name = "FILE",
        required_unless_present = "project",
        conflicts_with_all = ["project", "measure"]
    )]
    pub file: Option<PathBuf>,
    /// The spreadsheet's sheet to read (default: the first with date and value columns).
    #[arg(long, value_name = "NAME", requires = "file")]
    pub sheet: Option<String>,
    /// Chart a measure of this project from the portfolio (with --measure).
    #[arg(long, value_name = "REF", requires = "measure")]
    pub project: Option<ProjectRef>,
    /// The measure's name (with --project).
    #[arg(long, value_name = "NAME", requires = "project")]
    pub measure: Option<String>,
    /// How to print the result.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Which chart to draw.
    #[arg(long, value_enum, default_value_t = Chart::Xmr)]
    pub chart: Chart,
    /// Run chart rules for the verdict (the JSON always has both); default ihi.
    #[arg(long, value_enum)]
    pub rules: Option<Rules>,
    /// Which way is better (default: increase, or the measure's own).
    #[arg(long)]
    pub direction: Option<Direction>,
    /// The target to assess (default: the measure's own, if any).
    #[arg(long, value_parser = number, allow_hyphen_values = true)]
    pub target: Option<f64>,
    /// Start new limits at the first point on or after DATE (repeatable; replaces the
    /// measure's own rebases for this run).
    #[arg(long = "rebase", value_name = "DATE", value_parser = date)]
    pub rebases: Vec<NaiveDate>,
    /// Fix each group's limits on its first N points (N ≥ 12).
    #[arg(long, value_name = "N")]
    pub baseline: Option<usize>,
    /// Do not screen out large moving ranges (as the MDC Excel tools).
    #[arg(long)]
    pub no_screen: bool,
    /// Write the result to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// A series to chart, with the settings it brings and the title for the chart.
struct Series {
    dates: Vec<NaiveDate>,
    values: Vec<Option<f64>>,
    title: String,
    own: XmrOptions,
    /// The project's PDSA cycles, marked on its charts (none for a file).
    cycles: Vec<crate::domain::PdsaCycle>,
}

/// Reads a series from a CSV file, a spreadsheet or standard input (`-`).
fn read_points(file: &Path, wanted: Wanted<'_>) -> Result<Vec<SeriesPoint>, CliError> {
    read_series_file(file, wanted).map_err(|e| CliError::bad_input(e.to_string()))
}

fn from_file(file: &Path, sheet: Option<&str>) -> Result<Series, CliError> {
    let points = read_points(
        file,
        Wanted {
            sheet,
            ..crate::exchange::series::CHART
        },
    )?;
    let title = file
        .file_stem()
        .filter(|_| file != Path::new("-"))
        .map_or_else(
            || "Series".to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
    Ok(Series {
        dates: points.iter().map(|p| p.0).collect(),
        values: points.iter().map(|p| p.1).collect(),
        title,
        own: XmrOptions::default(),
        cycles: Vec::new(),
    })
}

fn from_portfolio(cli: &Cli, reference: ProjectRef, name: &str) -> Result<Series, CliError> {
    let store = open_store(cli)?;
    let measure = store
        .measures(reference)?
        .into_iter()
        .find(|m| m.name.eq_ignore_ascii_case(name.trim()))
        .ok_or_else(|| {
            StoreError::from(Unknown::Measure {
                reference,
                name: name.to_string(),
            })
        })?;
    let points = store.data_points(reference, &measure.name)?;
    if points.len() < 2 {
        return Err(CliError::bad_input(format!(
            "{reference} {}: only {} value{} recorded (expected at least two values to chart; \
             add some with qiboard measure record or measure import)",
            measure.name,
            points.len(),
            if points.len() == 1 { "" } else { "s" }
        )));
    }
    let dates: Vec<NaiveDate> = points.iter().map(|p| p.date).collect();
    let own = xmr_options(&measure, dates.last().copied());
    Ok(Series {
        values: points.iter().map(|p| Some(p.value)).collect(),
        dates,
        title: format!("{reference} · {}", measure.name),
        own,
        cycles: store.pdsa_cycles(reference)?,
    })
}

/// The options for this run: the series' own settings, overridden by the command line.
fn options(series: &Series, args: &SpcArgs) -> XmrOptions {
    let mut options = series.own.clone();
    if let Some(direction) = args.direction {
        options.direction = spc_direction(direction);
    }
    if args.target.is_some() {
        options.target = args.target;
    }
    if !args.rebases.is_empty() {
        options.rebase_dates = args.rebases.clone();
    }
    options.baseline = args.baseline;
    options.screen = !args.no_screen;
    options
}

fn spc_refusal(error: SpcError) -> CliError {
    match error {
        SpcError::RebaseAfterLastPoint { .. } | SpcError::RebaseOutOfRange { .. } => {
            CliError::bad_input(format!("--rebase: {error}"))
        }
        SpcError::BaselineTooShort(_) => CliError::bad_input(format!("--baseline: {error}")),
        SpcError::TargetNotFinite => CliError::bad_input(format!("--target: {error}")),
        other => CliError::bad_input(other.to_string()),
    }
}

fn report_error(error: spc_report::SpcReportError) -> CliError {
    CliError::failure(error.to_string())
}

/// Runs `qiboard spc`.
pub fn run(cli: &Cli, args: &SpcArgs) -> Output {
    if args.format == Format::Png && args.output.is_none() {
        return Err(CliError::bad_input(
            "--format png: a PNG is a picture, not text: give --output FILE.png",
        ));
    }
    let series = match (&args.file, args.project, &args.measure) {
        (Some(file), _, _) => from_file(file, args.sheet.as_deref())?,
        (None, Some(reference), Some(name)) => from_portfolio(cli, reference, name)?,
        _ => {
            return Err(CliError::bad_input(
                "give a CSV file (or - for standard input), or --project REF --measure NAME",
            ));
        }
    };
    let options = options(&series, args);
    let text = match args.chart {
        Chart::Xmr => {
            if args.rules.is_some() {
                return Err(CliError::bad_input(
                    "--rules chooses the run chart's rules: add --chart run",
                ));
            }
            let result = spc::xmr(&series.dates, &series.values, &options).map_err(spc_refusal)?;
            match args.format {
                Format::Table => spc_report::xmr_table(&series.dates, &result, &options),
                Format::Json => spc_report::xmr_json(&series.dates, &result).map(|j| j + "\n"),
                Format::Svg | Format::Png => {
                    let verdict = spc_report::xmr_summary(&result, &options);
                    let notes = ChartNotes::of(&series.cycles, verdict);
                    spc_report::xmr_svg(&series.dates, &result, &options, &series.title, &notes)
                }
            }
            .map_err(report_error)?
        }
        Chart::Run => {
            let rules = args.rules.unwrap_or(Rules::Ihi);
            let result = spc::run_chart(&series.values).map_err(spc_refusal)?;
            match args.format {
                Format::Table => spc_report::run_chart_table(&series.dates, &result)
                    .map(|t| t + &verdict(&result, rules)),
                Format::Json => {
                    spc_report::run_chart_json(&series.dates, &result).map(|j| j + "\n")
                }
                Format::Svg | Format::Png => {
                    let title = format!("{} ({})", series.title, rules_name(rules));
                    let notes = ChartNotes::of(&series.cycles, verdict(&result, rules));
                    spc_report::run_chart_svg(&series.dates, &result, &title, &notes)
                }
            }
            .map_err(report_error)?
        }
    };
    match &args.output {
        None => Ok(text),
        Some(path) => {
            let bytes = match args.format {
                Format::Png => spc_report::png_of_svg(&text).map_err(report_error)?,
                _ => text.into_bytes(),
            };
            crate::exchange::files::write_whole(path, &bytes)
                .map_err(|e| CliError::failure(format!("cannot write {}: {e}", path.display())))?;
            Ok(format!(
                "Wrote {}: {}\n",
                path.display(),
                spc_report::count_points(series.values.iter().copied())
            ))
        }
    }
}

fn rules_name(rules: Rules) -> &'static str {
    match rules {
        Rules::Ihi => "IHI rules",
        Rules::Anhoj => "Anhøj rules",
    }
}

/// The run chart's verdict by the chosen rule set, one line.
fn verdict(result: &RunChartResult, rules: Rules) -> String {
    let signals: Vec<&str> = match rules {
        Rules::Ihi => {
            let ihi = &result.ihi;
            [
                (ihi.shift, "a shift"),
                (ihi.trend, "a trend"),
                (ihi.too_few_runs, "too few runs"),
                (ihi.too_many_runs, "too many runs"),
            ]
            .into_iter()
            .filter_map(|(on, word)| on.then_some(word))
            .collect()
        }
        Rules::Anhoj => {
            let a = &result.anhoej;
            let long = matches!((a.longest_run, a.longest_run_max), (Some(r), Some(m)) if r > m);
            let few = matches!((a.crossings, a.crossings_min), (Some(c), Some(m)) if c < m);
            [(long, "a long run"), (few, "too few crossings")]
                .into_iter()
                .filter_map(|(on, word)| on.then_some(word))
                .collect()
        }
    };
    let name = rules_name(rules);
    if signals.is_empty() {
        format!("Verdict ({name}): no signal of non-random variation.\n")
    } else {
        format!(
            "Verdict ({name}): non-random variation ({}).\n",
            signals.join(", ")
        )
    }
}

/// `qiboard measure import REF MEASURE FILE [--sheet NAME]`: all or nothing, one history row.
pub fn measure_import(
    store: &mut Store,
    reference: ProjectRef,
    measure: &str,
    file: &Path,
    sheet: Option<&str>,
) -> Output {
    let readings = read_readings(file, sheet).map_err(|e| CliError::bad_input(e.to_string()))?;
    let outcome = store.import_points(reference, measure, &readings.values, "")?;
    let mut text = format!(
        "{reference}: {}: {}",
        measure.trim(),
        outcome.summary(readings.skipped)
    );
    text.push_str(" (qiboard undo removes the whole import)\n");
    Ok(text)
}

/// `qiboard measure main REF NAME`.
pub fn measure_main(store: &mut Store, reference: ProjectRef, name: &str) -> Output {
    let changed = store.set_main_measure(reference, name)?;
    let main = store
        .main_measure(reference)?
        .unwrap_or_else(|| name.into());
    Ok(if changed {
        format!("{reference}: the main measure is now {main} (its icons show on the card)\n")
    } else {
        format!("{reference}: {main} is already the main measure\n")
    })
}
