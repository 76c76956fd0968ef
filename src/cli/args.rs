//! The command line's shape (clap). Values the domain knows how to read are parsed here by
//! the domain's own rules, so a bad value is a one-line usage error with exit status 2.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::domain::{
    ActDecision, BenefitKind, Direction, DriverLevel, MeasureKind, ProgressScore, ProjectRef, Role,
    Status, parse_date, parse_value,
};

fn date(input: &str) -> Result<NaiveDate, String> {
    parse_date(input).map_err(|e| e.to_string())
}

fn number(input: &str) -> Result<f64, String> {
    parse_value(input).map_err(|e| e.to_string())
}

fn level(input: &str) -> Result<DriverLevel, String> {
    DriverLevel::parse(&input.to_lowercase())
        .ok_or_else(|| format!("driver level {input:?} is not one of: primary, secondary"))
}

/// qiboard: the QI portfolio of a trust, kept in one local SQLite file.
#[derive(Debug, Parser)]
#[command(name = "qiboard", version, about, long_about = None, arg_required_else_help = false)]
pub struct Cli {
    /// The portfolio file (default: qiboard.sqlite3 in your local data folder).
    #[arg(long, global = true, env = "QIBOARD_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fill an empty portfolio with demo data (about 40 projects of one trust).
    Demo {
        /// The benchmark portfolio: 5,000 projects, 50,000 PDSA cycles, 500,000 data points.
        #[arg(long)]
        large: bool,
        /// Lay the demo out backwards from this date instead of today.
        #[arg(long, value_parser = date, value_name = "DATE")]
        anchor: Option<NaiveDate>,
    },
    /// Projects: list, show, add, edit, move, status, score, assign, delete.
    #[command(subcommand)]
    Project(ProjectCommand),
    /// People who lead, sponsor, coach or work on projects.
    #[command(subcommand)]
    Person(PersonCommand),
    /// Cohorts of a QSIR or leadership programme.
    #[command(subcommand)]
    Cohort(CohortCommand),
    /// The board's stages.
    #[command(subcommand)]
    Stage(StageCommand),
    /// Driver diagrams: primary and secondary drivers.
    #[command(subcommand)]
    Driver(DriverCommand),
    /// Change ideas (what PDSA cycles test).
    #[command(subcommand)]
    Idea(IdeaCommand),
    /// PDSA cycles.
    #[command(subcommand)]
    Pdsa(PdsaCommand),
    /// Measures and their data.
    #[command(subcommand)]
    Measure(MeasureCommand),
    /// Benefits a project claims.
    #[command(subcommand)]
    Benefit(BenefitCommand),
    /// Notes on a project.
    #[command(subcommand)]
    Note(NoteCommand),
    /// Chart a series as an XmR (Making Data Count) or run chart: from a CSV file ('-' for
    /// standard input) or a portfolio measure (--project REF --measure NAME).
    #[command(allow_negative_numbers = true)]
    Spc(super::spc::SpcArgs),
    /// Undo the last change (also one made in the app, also after a restart).
    Undo,
    /// Redo the change undone last.
    Redo,
    /// The audit trail of changes, newest first.
    History {
        /// Only this project's changes.
        reference: Option<ProjectRef>,
        /// How many to show.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long)]
        json: bool,
    },
    /// Export the whole portfolio.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Import a whole portfolio into an empty one.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Write a consistent copy of the portfolio database into DIR (default: beside it).
    Backup { dir: Option<PathBuf> },
    /// Print a shell completion script.
    Completions { shell: clap_complete::Shell },
    /// The app's settings file.
    #[command(subcommand)]
    Config(ConfigCommand),
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print where config.toml is read from (theme, stale_weeks, [keys]).
    Path,
}

#[derive(Debug, Args, Default)]
pub struct ListFilter {
    /// Only projects in this stage (name, key or number).
    #[arg(long)]
    pub stage: Option<String>,
    /// Only projects with this status (active, on hold, completed, stopped).
    #[arg(long)]
    pub status: Option<Status>,
    /// Only projects of this cohort.
    #[arg(long)]
    pub cohort: Option<String>,
    /// Only projects this person coaches.
    #[arg(long)]
    pub coach: Option<String>,
    /// Only projects of this division.
    #[arg(long)]
    pub division: Option<String>,
}

/// Charter fields, shared by `project add` and `project edit`.
#[derive(Debug, Args, Default)]
pub struct CharterArgs {
    #[arg(long)]
    pub problem: Option<String>,
    #[arg(long)]
    pub aim: Option<String>,
    #[arg(long)]
    pub scope_in: Option<String>,
    #[arg(long)]
    pub scope_out: Option<String>,
    #[arg(long)]
    pub division: Option<String>,
    #[arg(long)]
    pub department: Option<String>,
    #[arg(long)]
    pub risks: Option<String>,
    #[arg(long)]
    pub cohort: Option<String>,
    /// YYYY-MM-DD.
    #[arg(long, value_parser = date)]
    pub start: Option<NaiveDate>,
    /// YYYY-MM-DD.
    #[arg(long, value_parser = date)]
    pub target_date: Option<NaiveDate>,
}

#[derive(Debug, Subcommand)]
pub enum ProjectCommand {
    /// Every project, ordered by ref; filters narrow it.
    List {
        #[command(flatten)]
        filter: ListFilter,
        #[arg(long)]
        json: bool,
    },
    /// One project with everything on it.
    Show {
        reference: ProjectRef,
        #[arg(long)]
        json: bool,
    },
    /// Add a project (only the title is required).
    Add {
        #[arg(long)]
        title: String,
        #[command(flatten)]
        charter: CharterArgs,
        /// Stage by name, key or number (default: the first).
        #[arg(long)]
        stage: Option<String>,
        #[arg(long)]
        status: Option<Status>,
        #[arg(long)]
        lead: Option<String>,
        #[arg(long)]
        sponsor: Option<String>,
        #[arg(long)]
        coach: Option<String>,
    },
    /// Change charter fields: --title, --aim, --problem … (an empty value clears a date or cohort).
    Edit {
        reference: ProjectRef,
        #[arg(long)]
        title: Option<String>,
        #[command(flatten)]
        charter: CharterEdit,
    },
    /// Move a project to a stage (name, key or number).
    Move {
        reference: ProjectRef,
        stage: String,
    },
    /// Move a project up or down within its stage's column.
    Reorder {
        reference: ProjectRef,
        #[arg(value_parser = ["up", "down"])]
        direction: String,
    },
    /// Set a project's status: active, on hold, completed, stopped.
    Status {
        reference: ProjectRef,
        status: Status,
    },
    /// Record a progress score (0.5 to 5.0 in steps of 0.5).
    Score {
        reference: ProjectRef,
        #[arg(allow_hyphen_values = true)]
        score: ProgressScore,
        /// Why the score changed.
        #[arg(long)]
        note: Option<String>,
        /// Who scored it.
        #[arg(long)]
        by: Option<String>,
    },
    /// Give a person a role: lead, sponsor, coach or member.
    Assign {
        reference: ProjectRef,
        #[arg(long)]
        role: Role,
        person: String,
    },
    /// Delete a project and everything on it (undo brings it back).
    Delete { reference: ProjectRef },
    /// The current stage's gateway checklist; with ITEM (its number), mark it met.
    Gateway {
        reference: ProjectRef,
        item: Option<usize>,
        /// Mark the item as not met.
        #[arg(long, requires = "item")]
        unmet: bool,
    },
}

/// Like [`CharterArgs`] but dates are text, so that an empty value can clear them.
#[derive(Debug, Args, Default)]
pub struct CharterEdit {
    #[arg(long)]
    pub problem: Option<String>,
    #[arg(long)]
    pub aim: Option<String>,
    #[arg(long)]
    pub scope_in: Option<String>,
    #[arg(long)]
    pub scope_out: Option<String>,
    #[arg(long)]
    pub division: Option<String>,
    #[arg(long)]
    pub department: Option<String>,
    #[arg(long)]
    pub risks: Option<String>,
    #[arg(long)]
    pub cohort: Option<String>,
    #[arg(long)]
    pub start: Option<String>,
    #[arg(long)]
    pub target_date: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    Add {
        name: String,
        #[arg(long)]
        email: Option<String>,
        #[arg(long, default_value = "")]
        division: String,
    },
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CohortCommand {
    Add {
        name: String,
        #[arg(long, default_value = "")]
        programme: String,
        #[arg(long, value_parser = date)]
        start: Option<NaiveDate>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum StageCommand {
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum DriverCommand {
    /// Add a driver; a secondary driver names its primary with --parent.
    Add {
        reference: ProjectRef,
        text: String,
        #[arg(long, value_parser = level, default_value = "primary")]
        level: DriverLevel,
        #[arg(long)]
        parent: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum IdeaCommand {
    /// Add a change idea, serving the named drivers.
    Add {
        reference: ProjectRef,
        title: String,
        #[arg(long = "driver")]
        drivers: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum PdsaCommand {
    /// Plan a new cycle testing a change idea (added when new).
    Add {
        reference: ProjectRef,
        #[arg(long)]
        change_idea: String,
        #[arg(long, default_value = "")]
        objective: String,
        #[arg(long, default_value = "")]
        prediction: String,
        #[arg(long, default_value = "")]
        plan: String,
        #[arg(long, value_parser = date)]
        start: Option<NaiveDate>,
        #[arg(long, value_parser = date)]
        end: Option<NaiveDate>,
        /// A measure the cycle should move (repeatable).
        #[arg(long = "measure")]
        measures: Vec<String>,
    },
    /// A project's cycles, by change idea.
    List {
        reference: ProjectRef,
        #[arg(long)]
        json: bool,
    },
    /// Record the act decision: adopt, adapt or abandon.
    Act {
        reference: ProjectRef,
        cycle: i64,
        decision: ActDecision,
        #[arg(long)]
        study: Option<String>,
        #[arg(long)]
        next: Option<String>,
        #[arg(long = "do")]
        do_notes: Option<String>,
        #[arg(long, value_parser = date)]
        end: Option<NaiveDate>,
    },
    /// Fill in the worksheet: --do, --study, --objective …
    Edit {
        reference: ProjectRef,
        cycle: i64,
        #[arg(long)]
        objective: Option<String>,
        #[arg(long)]
        prediction: Option<String>,
        #[arg(long)]
        plan: Option<String>,
        #[arg(long = "do")]
        do_notes: Option<String>,
        #[arg(long)]
        study: Option<String>,
        #[arg(long)]
        next: Option<String>,
        #[arg(long, value_parser = date)]
        start: Option<NaiveDate>,
        #[arg(long, value_parser = date)]
        end: Option<NaiveDate>,
    },
}

#[derive(Debug, Subcommand)]
pub enum MeasureCommand {
    /// Add a measure to a project.
    #[command(allow_negative_numbers = true)]
    Add {
        reference: ProjectRef,
        name: String,
        #[arg(long)]
        kind: MeasureKind,
        #[arg(long)]
        direction: Direction,
        #[arg(long, default_value = "")]
        unit: String,
        #[arg(long, value_parser = number, allow_hyphen_values = true)]
        target: Option<f64>,
        #[arg(long, default_value = "")]
        definition: String,
        #[arg(long, default_value = "")]
        source: String,
        #[arg(long, default_value = "")]
        frequency: String,
    },
    /// Change a measure's settings.
    #[command(allow_negative_numbers = true)]
    Edit {
        reference: ProjectRef,
        name: String,
        #[arg(long)]
        rename: Option<String>,
        #[arg(long)]
        kind: Option<MeasureKind>,
        #[arg(long)]
        direction: Option<Direction>,
        #[arg(long)]
        unit: Option<String>,
        /// A number, or "none" to remove the target.
        #[arg(long)]
        target: Option<String>,
        #[arg(long)]
        definition: Option<String>,
        #[arg(long)]
        source: Option<String>,
        #[arg(long)]
        frequency: Option<String>,
    },
    /// Start new limits from the first point on or after DATE.
    Rebase {
        reference: ProjectRef,
        name: String,
        #[arg(value_parser = date)]
        date: NaiveDate,
        #[arg(long)]
        reason: String,
    },
    /// Record a value (a date recorded again takes the new value).
    #[command(allow_negative_numbers = true)]
    Record {
        reference: ProjectRef,
        measure: String,
        #[arg(value_parser = date)]
        date: NaiveDate,
        #[arg(value_parser = number, allow_hyphen_values = true)]
        value: f64,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Import a measure's values from CSV (date and value columns; '-' reads standard
    /// input): all or nothing; a date already recorded takes the new value.
    Import {
        reference: ProjectRef,
        measure: String,
        #[arg(value_name = "FILE.csv")]
        file: PathBuf,
    },
    /// Mark the measure whose icons the project's card shows (default: its first outcome
    /// measure).
    Main { reference: ProjectRef, name: String },
    /// A project's measures.
    List {
        reference: ProjectRef,
        #[arg(long)]
        json: bool,
    },
    /// A measure's data points.
    Points {
        reference: ProjectRef,
        measure: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum BenefitCommand {
    /// Claim a benefit: time released, money, harm avoided, patient experience, carbon, other.
    #[command(allow_negative_numbers = true)]
    Add {
        reference: ProjectRef,
        #[arg(long)]
        kind: BenefitKind,
        #[arg(long, value_parser = number, allow_hyphen_values = true)]
        amount: f64,
        #[arg(long, default_value = "")]
        unit: String,
        #[arg(long, default_value = "")]
        note: String,
        /// When it was claimed (default: today).
        #[arg(long, value_parser = date)]
        date: Option<NaiveDate>,
    },
}

#[derive(Debug, Subcommand)]
pub enum NoteCommand {
    Add { reference: ProjectRef, text: String },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The whole portfolio as JSON; '-' writes to standard output.
    Json { file: PathBuf },
    /// One row per project with the columns `import projects` reads, as .xlsx or .csv by
    /// the file's name ('-' writes CSV to standard output).
    Projects {
        /// The file to write (.xlsx or .csv).
        file: PathBuf,
    },
    /// The whole portfolio as an Excel workbook: the projects, then a sheet per table (team,
    /// score history, drivers, change ideas, PDSA cycles, measures, data, benefits, notes).
    Workbook {
        /// The file to write (.xlsx).
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// A JSON export, into an empty portfolio only; '-' reads standard input.
    Json { file: PathBuf },
    /// Projects from a register: .csv, .xlsx, .xlsm, .xls or .ods ('-' reads CSV from
    /// standard input). Rows update the projects they match (by ref, id or title) and add
    /// the rest; one undo takes the whole import back.
    Projects {
        /// The register file.
        file: PathBuf,
        /// The sheet to read (default: the first with a recognisable header row).
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Names a header's field, e.g. --map "Scheme=title" (repeat for more).
        #[arg(long = "map", value_name = "HEADER=FIELD")]
        maps: Vec<String>,
        /// Say what would be added and updated, and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Print the outcome as JSON.
        #[arg(long)]
        json: bool,
    },
}
