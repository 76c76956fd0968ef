//! The command line's shape (clap). Values the domain knows how to read are parsed here by
//! the domain's own rules, so a bad value is a one-line usage error with exit status 2.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::domain::{
    ActDecision, BenefitKind, CharterField, Direction, DriverLevel, MeasureKind, ProgressScore,
    ProjectRef, Role, Status, parse_date, parse_value,
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
    #[arg(
        long,
        global = true,
        env = "QIBOARD_DB",
        hide_env_values = true,
        value_name = "PATH"
    )]
    pub db: Option<PathBuf>,

    /// Who is making this change, for the history (default: `name` in config.toml, else
    /// QIBOARD_USER, else your user name on this computer).
    #[arg(long, global = true, value_name = "NAME")]
    pub by: Option<String>,

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
    /// Sessions of a cohort: plan, agenda, attendance, summary.
    #[command(subcommand)]
    Session(SessionCommand),
    /// Actions teams promise: add, list, done, drop, edit.
    #[command(subcommand)]
    Action(ActionCommand),
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
        /// Print JSON, for scripts.
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
    Backup {
        /// The folder to write the copy into (default: the portfolio's own folder).
        dir: Option<PathBuf>,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// The app's settings file.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Documents for the board: the portfolio report (HTML or Markdown).
    #[command(subcommand)]
    Report(ReportCommand),
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// The portfolio report for a board paper: figures, the Making Data Count summary, what
    /// needs attention, every project. Written to the exports folder unless --output.
    Board {
        #[command(flatten)]
        filter: ListFilter,
        /// Scores moved and PDSA cycles since this day (default: 90 days ago).
        #[arg(long, value_parser = date, value_name = "DATE")]
        since: Option<NaiveDate>,
        /// html (one self-contained page, prints from a browser) or md (Markdown, its
        /// chart as an SVG file in a folder beside it).
        #[arg(long, value_enum, default_value_t = ReportFormatArg::Html)]
        format: ReportFormatArg,
        /// Write here instead ('-' for standard output).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The project on a page for its sponsor: charter, team, progress, drivers, PDSA cycles,
    /// every measure's chart and verdict, benefits, notes.
    Project {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// html (one self-contained page, prints from a browser) or md (Markdown, its
        /// charts as SVG files in a folder beside it).
        #[arg(long, value_enum, default_value_t = ReportFormatArg::Html)]
        format: ReportFormatArg,
        /// Write here instead ('-' for standard output).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

/// How `report` writes its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormatArg {
    /// One self-contained HTML page.
    Html,
    /// GitHub-flavoured Markdown.
    Md,
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print where config.toml is read from (theme, stale_weeks, [keys]).
    Path,
}

impl From<&ListFilter> for crate::store::ProjectFilter {
    fn from(filter: &ListFilter) -> Self {
        crate::store::ProjectFilter {
            stage: filter.stage.clone(),
            status: filter.status,
            cohort: filter.cohort.clone(),
            coach: filter.coach.clone(),
            division: filter.division.clone(),
        }
    }
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
    /// The problem, with its evidence.
    #[arg(long)]
    pub problem: Option<String>,
    /// The aim: what, where, how much, by when.
    #[arg(long)]
    pub aim: Option<String>,
    /// What the project covers.
    #[arg(long)]
    pub scope_in: Option<String>,
    /// What it leaves out.
    #[arg(long)]
    pub scope_out: Option<String>,
    /// The division the project belongs to.
    #[arg(long)]
    pub division: Option<String>,
    /// The department within the division.
    #[arg(long)]
    pub department: Option<String>,
    /// Risks to the project.
    #[arg(long)]
    pub risks: Option<String>,
    /// The cohort the lead is in (added when new).
    #[arg(long)]
    pub cohort: Option<String>,
    /// Start date, YYYY-MM-DD.
    #[arg(long, value_parser = date, value_name = "DATE")]
    pub start: Option<NaiveDate>,
    /// Target date, YYYY-MM-DD.
    #[arg(long, value_parser = date, value_name = "DATE")]
    pub target_date: Option<NaiveDate>,
}

#[derive(Debug, Subcommand)]
pub enum ProjectCommand {
    /// Every project, ordered by ref; filters narrow it.
    List {
        #[command(flatten)]
        filter: ListFilter,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// One project with everything on it.
    Show {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Add a project (only the title is required).
    Add {
        /// The project's title (at most 200 characters).
        #[arg(long)]
        title: String,
        #[command(flatten)]
        charter: CharterArgs,
        /// Stage by name, key or number (default: the first).
        #[arg(long)]
        stage: Option<String>,
        /// active, on-hold, completed or stopped (default: active).
        #[arg(long)]
        status: Option<Status>,
        /// The project lead's name (added to people when new).
        #[arg(long)]
        lead: Option<String>,
        /// The sponsor's name (added to people when new).
        #[arg(long)]
        sponsor: Option<String>,
        /// The improvement coach's name (added to people when new).
        #[arg(long)]
        coach: Option<String>,
    },
    /// Change charter fields: --title, --aim, --problem … (an empty value clears a date or cohort).
    Edit {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// A new title (at most 200 characters).
        #[arg(long)]
        title: Option<String>,
        #[command(flatten)]
        charter: CharterEdit,
    },
    /// Move a project to a stage (name, key or number).
    Move {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The stage: its name, key or number (as `stage list` shows them).
        stage: String,
    },
    /// Move a project up or down within its stage's column.
    Reorder {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// up or down.
        #[arg(value_parser = ["up", "down"])]
        direction: String,
    },
    /// Set a project's status: active, on hold, completed, stopped.
    Status {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// active, on-hold, completed or stopped.
        status: Status,
    },
    /// Record a progress score (0.5 to 5.0 in steps of 0.5).
    Score {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The IHI progress score: 0.5 to 5.0 in steps of 0.5.
        #[arg(allow_hyphen_values = true)]
        score: ProgressScore,
        /// Why the score changed.
        #[arg(long)]
        note: Option<String>,
    },
    /// Give a person a role: lead, sponsor, coach or member.
    Assign {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// lead, sponsor, coach or member.
        #[arg(long)]
        role: Role,
        /// The person's name (added to people when new).
        person: String,
    },
    /// Take a person's role on a project away (they stay in the portfolio).
    Unassign {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// lead, sponsor, coach or member.
        #[arg(long)]
        role: Role,
        /// The person's name (any case).
        person: String,
    },
    /// Delete a project and everything on it (undo brings it back).
    Delete {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
    },
    /// The current stage's gateway checklist; with ITEM (its number), mark it met.
    Gateway {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The checklist item's number, as the checklist shows it.
        item: Option<usize>,
        /// Mark the item as not met.
        #[arg(long, requires = "item")]
        unmet: bool,
    },
}

/// Like [`CharterArgs`] but dates are text, so that an empty value can clear them.
#[derive(Debug, Args, Default)]
pub struct CharterEdit {
    /// The problem, with its evidence.
    #[arg(long)]
    pub problem: Option<String>,
    /// The aim: what, where, how much, by when.
    #[arg(long)]
    pub aim: Option<String>,
    /// What the project covers.
    #[arg(long)]
    pub scope_in: Option<String>,
    /// What it leaves out.
    #[arg(long)]
    pub scope_out: Option<String>,
    /// The division the project belongs to.
    #[arg(long)]
    pub division: Option<String>,
    /// The department within the division.
    #[arg(long)]
    pub department: Option<String>,
    /// Risks to the project.
    #[arg(long)]
    pub risks: Option<String>,
    /// The cohort (added when new; "" removes it).
    #[arg(long)]
    pub cohort: Option<String>,
    /// Start date, YYYY-MM-DD ("" clears it).
    #[arg(long, value_name = "DATE")]
    pub start: Option<String>,
    /// Target date, YYYY-MM-DD ("" clears it).
    #[arg(long, value_name = "DATE")]
    pub target_date: Option<String>,
}

impl CharterEdit {
    /// The flag given for a charter field; none for the title, which is a flag of
    /// `project edit` and an argument of `project add`.
    pub fn value(&self, field: CharterField) -> &Option<String> {
        static NONE: Option<String> = None;
        match field {
            CharterField::Title => &NONE,
            CharterField::Aim => &self.aim,
            CharterField::Problem => &self.problem,
            CharterField::ScopeIn => &self.scope_in,
            CharterField::ScopeOut => &self.scope_out,
            CharterField::Division => &self.division,
            CharterField::Department => &self.department,
            CharterField::Cohort => &self.cohort,
            CharterField::StartDate => &self.start,
            CharterField::TargetDate => &self.target_date,
            CharterField::Risks => &self.risks,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum PersonCommand {
    /// Add a person (leads, sponsors and coaches named on a project are added anyway).
    Add {
        /// Their full name.
        name: String,
        /// Their email address.
        #[arg(long)]
        email: Option<String>,
        /// Their division.
        #[arg(long, default_value = "")]
        division: String,
    },
    /// Rename a person everywhere they are named.
    Rename {
        /// Their name now (any case).
        name: String,
        /// Their new name.
        to: String,
    },
    /// Merge two spellings of one person: FROM's roles go to INTO, and FROM leaves.
    Merge {
        /// The spelling to retire.
        from: String,
        /// The one to keep.
        into: String,
    },
    /// Everyone, by name.
    List {
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum CohortCommand {
    /// Add a cohort.
    Add {
        /// Its name, e.g. "QSIR Practitioner — Cohort 7".
        name: String,
        /// The programme it belongs to, e.g. QSIR Practitioner.
        #[arg(long, default_value = "")]
        programme: String,
        /// When it starts, YYYY-MM-DD.
        #[arg(long, value_parser = date, value_name = "DATE")]
        start: Option<NaiveDate>,
    },
    /// Rename a cohort (its projects follow it).
    Rename {
        /// The cohort's name now (any case).
        name: String,
        /// Its new name.
        to: String,
    },
    /// Every cohort.
    List {
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// A cohort's participants with the sessions each attended, its sessions and projects.
    Show {
        /// The cohort: its name, or a part of it that names one cohort ("cohort 7").
        cohort: String,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Enrol people in a cohort (its projects' leads are in it already); new names are added.
    Enrol {
        /// The cohort: its name, or a part of it that names one cohort.
        cohort: String,
        /// The people to enrol.
        #[arg(required = true)]
        people: Vec<String>,
    },
}

/// A date to set, or none (the value "" or "none") to clear one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateOrNone(pub Option<NaiveDate>);

fn date_or_none(input: &str) -> Result<DateOrNone, String> {
    let trimmed = input.trim();
    if trimmed.is_empty() || trimmed.eq_ignore_ascii_case("none") {
        return Ok(DateOrNone(None));
    }
    date(trimmed).map(|d| DateOrNone(Some(d)))
}

fn minutes(input: &str) -> Result<u32, String> {
    crate::domain::parse_minutes(input).map_err(|e| e.to_string())
}

#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Plan a cohort's next session; its agenda is the cohort's active and on-hold projects.
    Add {
        /// The cohort (it must exist: `cohort add` makes one).
        cohort: String,
        /// The day it meets, YYYY-MM-DD.
        #[arg(long, value_parser = date, value_name = "DATE")]
        date: NaiveDate,
        /// What it is about, e.g. "Measurement for improvement".
        #[arg(long, default_value = "")]
        title: String,
        /// Minutes each team presents for.
        #[arg(long, value_parser = minutes, default_value = "8", value_name = "M")]
        minutes: u32,
    },
    /// Sessions in date order.
    List {
        /// Only this cohort's sessions.
        #[arg(long)]
        cohort: Option<String>,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// One session: its agenda in presenting order and who attended.
    Show {
        /// The cohort.
        cohort: String,
        /// The session's number within the cohort.
        number: i64,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Set the order teams present in (a team not named is taken off the agenda).
    Agenda {
        /// The cohort.
        cohort: String,
        /// The session's number within the cohort.
        number: i64,
        /// The projects in presenting order.
        #[arg(required = true)]
        teams: Vec<ProjectRef>,
    },
    /// Mark a team on the agenda as not covered (or, with --undo, covered after all).
    Skip {
        /// The cohort.
        cohort: String,
        /// The session's number within the cohort.
        number: i64,
        /// The team's project.
        team: ProjectRef,
        /// Put the team back on the agenda.
        #[arg(long)]
        undo: bool,
    },
    /// Record people present at a session (or absent, with --absent).
    Attend {
        /// The cohort.
        cohort: String,
        /// The session's number within the cohort.
        number: i64,
        /// The people, as the portfolio names them.
        #[arg(required = true)]
        people: Vec<String>,
        /// Record them absent.
        #[arg(long)]
        absent: bool,
    },
    /// The session's summary: attendance, each team's scores before and after, notes,
    /// actions and PDSA decisions, teams not covered, and the cohort's open actions.
    /// Written to the exports folder unless --output.
    Report {
        /// The cohort.
        cohort: String,
        /// The session's number within the cohort.
        number: i64,
        /// html (one self-contained page, prints from a browser) or md (Markdown).
        #[arg(long, value_enum, default_value_t = ReportFormatArg::Html)]
        format: ReportFormatArg,
        /// Write here instead ('-' for standard output).
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ActionCommand {
    /// Add an action to a project; its number is the project's next.
    Add {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// What is to be done.
        text: String,
        /// Who will do it (added to the portfolio when new).
        #[arg(long)]
        owner: Option<String>,
        /// When it is due, YYYY-MM-DD.
        #[arg(long, value_parser = date, value_name = "DATE")]
        due: Option<NaiveDate>,
        /// The session it was raised in: the cohort's session number (the project's cohort).
        #[arg(long, value_name = "N")]
        session: Option<i64>,
    },
    /// Actions, open and soonest due first.
    List {
        /// Only this project's actions.
        reference: Option<ProjectRef>,
        /// Only open actions.
        #[arg(long)]
        open: bool,
        /// Only open actions due before today.
        #[arg(long)]
        overdue: bool,
        /// Only actions whose owner's name contains this.
        #[arg(long)]
        owner: Option<String>,
        /// Only actions on this cohort's projects.
        #[arg(long)]
        cohort: Option<String>,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Mark an action done (today).
    Done {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The action's number within the project.
        number: i64,
    },
    /// Drop an action no longer worth doing (today).
    Drop {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The action's number within the project.
        number: i64,
    },
    /// Open a done or dropped action again.
    Reopen {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The action's number within the project.
        number: i64,
    },
    /// Change an action's text, owner or due date ("" clears an owner or a due date).
    Edit {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The action's number within the project.
        number: i64,
        /// What is to be done.
        #[arg(long)]
        text: Option<String>,
        /// Who will do it.
        #[arg(long)]
        owner: Option<String>,
        /// When it is due, YYYY-MM-DD, or "" for no date.
        #[arg(long, value_parser = date_or_none, value_name = "DATE")]
        due: Option<DateOrNone>,
    },
}

#[derive(Debug, Subcommand)]
pub enum StageCommand {
    /// The board's stages in order: number, key, name and WIP limit.
    List {
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Rename a stage or set its WIP limit (the board warns when a move goes over it).
    Edit {
        /// The stage: its name, key or number.
        stage: String,
        /// A new name.
        #[arg(long)]
        name: Option<String>,
        /// At most this many projects (a whole number, at least 1), or none.
        #[arg(long, value_name = "N|none", value_parser = wip_limit)]
        wip: Option<crate::store::WipLimit>,
    },
    /// Add an item to a stage's gateway checklist, or remove one.
    Gateway {
        /// The stage: its name, key or number.
        stage: String,
        #[command(subcommand)]
        change: GatewayChange,
    },
}

#[derive(Debug, Subcommand)]
pub enum GatewayChange {
    /// Add an item (what a project meets before it moves on).
    Add {
        /// The item, e.g. "Sponsor signed the charter".
        text: String,
    },
    /// Remove an item (named in any case).
    Remove {
        /// The item as the checklist has it.
        text: String,
    },
}

fn wip_limit(input: &str) -> Result<crate::store::WipLimit, String> {
    if input.trim().eq_ignore_ascii_case("none") {
        return Ok(crate::store::WipLimit::None);
    }
    match input.trim().parse::<i64>() {
        Ok(n) if n >= 1 => Ok(crate::store::WipLimit::Limit(n)),
        _ => Err(format!(
            "{input:?} is not a WIP limit (expected a whole number of projects, at least 1, or none)"
        )),
    }
}

#[derive(Debug, Subcommand)]
pub enum DriverCommand {
    /// Add a driver; a secondary driver names its primary with --parent.
    Add {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// What the driver says.
        text: String,
        /// primary or secondary.
        #[arg(long, value_parser = level, default_value = "primary")]
        level: DriverLevel,
        /// A secondary driver's primary driver, by its text.
        #[arg(long)]
        parent: Option<String>,
    },
    /// Rename a driver (primary or secondary).
    Rename {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The driver's text now (any case).
        driver: String,
        /// Its new text.
        to: String,
    },
    /// Delete a driver, with the secondary drivers under it (change ideas stay).
    Delete {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The driver's text (any case).
        driver: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum IdeaCommand {
    /// Add a change idea, serving the named drivers.
    Add {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The change idea, in a few words.
        title: String,
        /// A driver it serves, by its text (repeatable).
        #[arg(long = "driver")]
        drivers: Vec<String>,
    },
    /// Rename a change idea (its PDSA cycles follow it).
    Rename {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The change idea's title now (any case).
        title: String,
        /// Its new title.
        to: String,
    },
    /// Delete a change idea that no PDSA cycle tests.
    Delete {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The change idea's title (any case).
        title: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum PdsaCommand {
    /// Plan a new cycle testing a change idea (added when new).
    Add {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The change idea the cycle tests (added when new).
        #[arg(long)]
        change_idea: String,
        /// What this cycle is to find out.
        #[arg(long, default_value = "")]
        objective: String,
        /// What the team predicts will happen, and why.
        #[arg(long, default_value = "")]
        prediction: String,
        /// Who, what, when, where, and what data to collect.
        #[arg(long, default_value = "")]
        plan: String,
        /// When the cycle starts, YYYY-MM-DD.
        #[arg(long, value_parser = date, value_name = "DATE")]
        start: Option<NaiveDate>,
        /// When it ended, YYYY-MM-DD.
        #[arg(long, value_parser = date, value_name = "DATE")]
        end: Option<NaiveDate>,
        /// A measure the cycle should move (repeatable).
        #[arg(long = "measure")]
        measures: Vec<String>,
    },
    /// A project's cycles, by change idea.
    List {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Record the act decision: adopt, adapt or abandon.
    Act {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The cycle's number, as `pdsa list` shows it (PDSA 3 is 3).
        cycle: i64,
        /// adopt, adapt or abandon.
        decision: ActDecision,
        /// Study: the results against the predictions, and what was learnt.
        #[arg(long)]
        study: Option<String>,
        /// The next step the decision leads to.
        #[arg(long)]
        next: Option<String>,
        /// Do: what happened, problems and surprises.
        #[arg(long = "do", value_name = "TEXT")]
        do_notes: Option<String>,
        /// When the cycle ended, YYYY-MM-DD.
        #[arg(long, value_parser = date, value_name = "DATE")]
        end: Option<NaiveDate>,
    },
    /// Fill in the worksheet: --do, --study, --objective …
    Edit {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The cycle's number, as `pdsa list` shows it (PDSA 3 is 3).
        cycle: i64,
        /// What this cycle is to find out.
        #[arg(long)]
        objective: Option<String>,
        /// What the team predicts will happen, and why.
        #[arg(long)]
        prediction: Option<String>,
        /// Who, what, when, where, and what data to collect.
        #[arg(long)]
        plan: Option<String>,
        /// Do: what happened, problems and surprises.
        #[arg(long = "do", value_name = "TEXT")]
        do_notes: Option<String>,
        /// Study: the results against the predictions, and what was learnt.
        #[arg(long)]
        study: Option<String>,
        /// The next step.
        #[arg(long)]
        next: Option<String>,
        /// When the cycle starts, YYYY-MM-DD.
        #[arg(long, value_parser = date, value_name = "DATE")]
        start: Option<NaiveDate>,
        /// When it ended, YYYY-MM-DD.
        #[arg(long, value_parser = date, value_name = "DATE")]
        end: Option<NaiveDate>,
    },
}

#[derive(Debug, Subcommand)]
pub enum MeasureCommand {
    /// Add a measure to a project.
    #[command(allow_negative_numbers = true)]
    Add {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The measure's name, e.g. "Falls per 1,000 bed days".
        name: String,
        /// outcome, process or balancing.
        #[arg(long)]
        kind: MeasureKind,
        /// Which way is better: increase, decrease or neutral.
        #[arg(long)]
        direction: Direction,
        /// The unit values are in, e.g. % or minutes.
        #[arg(long, default_value = "")]
        unit: String,
        /// The value the project aims for (its charts assess it).
        #[arg(long, value_parser = number, allow_hyphen_values = true)]
        target: Option<f64>,
        /// Exactly what is counted, and how.
        #[arg(long, default_value = "")]
        definition: String,
        /// Where the data comes from.
        #[arg(long, default_value = "")]
        source: String,
        /// How often a value is recorded, e.g. weekly.
        #[arg(long, default_value = "")]
        frequency: String,
    },
    /// Change a measure's settings.
    #[command(allow_negative_numbers = true)]
    Edit {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The measure's name (any case).
        name: String,
        /// A new name.
        #[arg(long)]
        rename: Option<String>,
        /// outcome, process or balancing.
        #[arg(long)]
        kind: Option<MeasureKind>,
        /// Which way is better: increase, decrease or neutral.
        #[arg(long)]
        direction: Option<Direction>,
        /// The unit values are in, e.g. % or minutes.
        #[arg(long)]
        unit: Option<String>,
        /// A number, or "none" to remove the target.
        #[arg(long)]
        target: Option<String>,
        /// Exactly what is counted, and how.
        #[arg(long)]
        definition: Option<String>,
        /// Where the data comes from.
        #[arg(long)]
        source: Option<String>,
        /// How often a value is recorded, e.g. weekly.
        #[arg(long)]
        frequency: Option<String>,
    },
    /// Start new limits from the first point on or after DATE.
    Rebase {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The measure's name (any case).
        name: String,
        /// The date the process changed, YYYY-MM-DD.
        #[arg(value_parser = date)]
        date: NaiveDate,
        /// Why: what changed in the process then.
        #[arg(long)]
        reason: String,
    },
    /// Record a value (a date recorded again takes the new value).
    #[command(allow_negative_numbers = true)]
    Record {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The measure's name (any case).
        measure: String,
        /// The date the value is for, YYYY-MM-DD.
        #[arg(value_parser = date)]
        date: NaiveDate,
        /// The value, a number (negatives allowed).
        #[arg(value_parser = number, allow_hyphen_values = true)]
        value: f64,
        /// A note on this value, e.g. what happened that week.
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Import a measure's values from CSV or a spreadsheet (date and value columns; '-'
    /// reads standard input): all or nothing; a date already recorded takes the new value.
    Import {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The measure's name (any case).
        measure: String,
        /// CSV, .xlsx, .xls or .ods with a date (or month, week, period) column and a value
        /// column, rows in any order; '-' reads standard input.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The spreadsheet's sheet to read (default: the first with date and value columns).
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
    },
    /// Delete a measure with its data, rebases and links to PDSA cycles (undo brings them back).
    Delete {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The measure's name (any case).
        name: String,
    },
    /// Mark the measure whose icons the project's card shows (default: its first outcome
    /// measure).
    Main {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The measure's name (any case).
        name: String,
    },
    /// A project's measures.
    List {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
    /// A measure's data points.
    Points {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The measure's name (any case).
        measure: String,
        /// Print JSON, for scripts.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum BenefitCommand {
    /// Claim a benefit: time released, money, harm avoided, patient experience, carbon, other.
    #[command(allow_negative_numbers = true)]
    Add {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// time released, money, harm avoided, patient experience, carbon or other.
        #[arg(long)]
        kind: BenefitKind,
        /// How much, as a number.
        #[arg(long, value_parser = number, allow_hyphen_values = true)]
        amount: f64,
        /// The unit of the amount, e.g. £ or hours a month.
        #[arg(long, default_value = "")]
        unit: String,
        /// How it was worked out, or where the evidence is.
        #[arg(long, default_value = "")]
        note: String,
        /// When it was claimed (default: today).
        #[arg(long, value_parser = date, value_name = "DATE")]
        date: Option<NaiveDate>,
    },
    /// Change a benefit: give only what changes.
    #[command(allow_negative_numbers = true)]
    Edit {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The benefit's number, from 1, as `project show` lists them.
        number: usize,
        /// time released, money, harm avoided, patient experience, carbon or other.
        #[arg(long)]
        kind: Option<BenefitKind>,
        /// How much, as a number.
        #[arg(long, value_parser = number, allow_hyphen_values = true)]
        amount: Option<f64>,
        /// The unit of the amount.
        #[arg(long)]
        unit: Option<String>,
        /// How it was worked out.
        #[arg(long)]
        note: Option<String>,
        /// When it was claimed.
        #[arg(long, value_parser = date, value_name = "DATE")]
        date: Option<NaiveDate>,
    },
    /// Delete a benefit.
    Delete {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The benefit's number, from 1, as `project show` lists them.
        number: usize,
    },
}

#[derive(Debug, Subcommand)]
pub enum NoteCommand {
    /// Add a dated note to a project.
    Add {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The note.
        text: String,
    },
    /// Rewrite a note (it keeps its date).
    Edit {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The note's number, from 1 (oldest first), as `project show` lists them.
        number: usize,
        /// The note's new text.
        text: String,
    },
    /// Delete a note.
    Delete {
        /// The project: QI-0012, qi-12 or just 12.
        reference: ProjectRef,
        /// The note's number, from 1 (oldest first), as `project show` lists them.
        number: usize,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The whole portfolio as JSON; '-' writes to standard output.
    Json {
        /// The file to write ('-' for standard output).
        file: PathBuf,
    },
    /// One row per project with the columns `import projects` reads, as .xlsx or .csv by
    /// the file's name ('-' writes CSV to standard output).
    Projects {
        /// The file to write (.xlsx or .csv).
        file: PathBuf,
    },
    /// The whole portfolio as an Excel workbook: the projects, then a sheet per table (team,
    /// score history, drivers, change ideas, PDSA cycles, measures, data, benefits, notes,
    /// actions, sessions, attendance).
    Workbook {
        /// The file to write (.xlsx).
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// A JSON export, into an empty portfolio only; '-' reads standard input.
    Json {
        /// A file written by `export json` ('-' for standard input).
        file: PathBuf,
    },
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
