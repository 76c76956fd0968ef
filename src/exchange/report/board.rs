//! What the board report says, read from the store: the projects a filter selects, the
//! portfolio's figures as Metrics counts them, score movement since a date, and each
//! project's main measure read the Making Data Count way.

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use crate::domain::{DataPoint, Measure, Status};
use crate::measure_reading::analyse_measure;
use crate::spc::{Assurance, Variation, XmrPoint, XmrResult};
use crate::store::{
    PortfolioMetrics, ProjectFilter, ProjectRow, SCORE_WINDOW_DAYS, ScoreMove, Store, StoreError,
};

/// What the board report covers.
#[derive(Debug, Clone)]
pub struct BoardRequest {
    pub filter: ProjectFilter,
    /// Scores moved and cycles run since this day.
    pub since: NaiveDate,
    pub today: NaiveDate,
    pub stale_weeks: u32,
}

impl BoardRequest {
    /// A report of what `filter` selects, looking back as far as Metrics does.
    pub fn new(filter: ProjectFilter, today: NaiveDate, stale_weeks: u32) -> BoardRequest {
        BoardRequest {
            filter,
            since: today
                .checked_sub_days(Days::new(SCORE_WINDOW_DAYS))
                .unwrap_or(today),
            today,
            stale_weeks,
        }
    }
}

/// A project's main measure, its points and their reading.
#[derive(Debug, Clone, PartialEq)]
pub struct MainMeasure {
    pub measure: Measure,
    pub points: Vec<DataPoint>,
    /// `None` below two points.
    pub analysis: Option<XmrResult>,
}

impl MainMeasure {
    pub fn latest(&self) -> Option<&DataPoint> {
        self.points.last()
    }

    /// The latest point's line of the chart: its group's mean and process limits.
    pub fn latest_line(&self) -> Option<&XmrPoint> {
        self.analysis.as_ref().and_then(|a| a.points.last())
    }

    pub fn variation(&self) -> Option<Variation> {
        self.analysis.as_ref().map(|a| a.variation)
    }

    pub fn assurance(&self) -> Option<Assurance> {
        self.analysis.as_ref().and_then(|a| a.assurance)
    }
}

/// One project as the report lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportedProject {
    pub row: ProjectRow,
    /// How its score moved since the report's date (`None`: not scored since).
    pub moved: Option<Ordering>,
    pub main: Option<MainMeasure>,
}

impl ReportedProject {
    /// Completed and stopped projects have their own section.
    pub fn is_closed(&self) -> bool {
        matches!(self.row.status, Status::Completed | Status::Stopped)
    }
}

/// Everything the board report says.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardReport {
    pub today: NaiveDate,
    pub since: NaiveDate,
    /// The filters, each in words ("cohort Cohort 7").
    pub filters: Vec<String>,
    pub metrics: PortfolioMetrics,
    pub moves: Vec<ScoreMove>,
    pub pdsa_started: usize,
    pub pdsa_finished: usize,
    /// By ref.
    pub projects: Vec<ReportedProject>,
}

impl BoardReport {
    /// The median progress score of the scored projects.
    pub fn median_score(&self) -> Option<f64> {
        let mut halves: Vec<u8> = self
            .projects
            .iter()
            .filter_map(|p| p.row.score.map(|s| s.halves()))
            .collect();
        if halves.is_empty() {
            return None;
        }
        halves.sort_unstable();
        let n = halves.len();
        let middle = if n % 2 == 1 {
            f64::from(halves[n / 2])
        } else {
            (f64::from(halves[n / 2 - 1]) + f64::from(halves[n / 2])) / 2.0
        };
        Some(middle / 2.0)
    }

    /// Projects whose score went which way, in ref order.
    pub fn moved(&self, way: Ordering) -> Vec<&ReportedProject> {
        self.projects
            .iter()
            .filter(|p| p.moved == Some(way))
            .collect()
    }

    /// Projects with a main measure that shows special cause concern.
    pub fn concerns(&self) -> Vec<&ReportedProject> {
        self.projects
            .iter()
            .filter(|p| {
                matches!(
                    p.main.as_ref().and_then(MainMeasure::variation),
                    Some(Variation::ConcernHigh | Variation::ConcernLow)
                )
            })
            .collect()
    }

    /// How many main measures show each variation icon, then each assurance icon, in the
    /// README's words (the letter kept): the portfolio's icons counted.
    pub fn icon_counts(&self) -> Vec<(super::Icon, usize)> {
        let mains: Vec<&MainMeasure> = self
            .projects
            .iter()
            .filter_map(|p| p.main.as_ref())
            .collect();
        let variations = Variation::ALL.iter().map(|v| {
            let n = mains.iter().filter(|m| m.variation() == Some(*v)).count();
            (super::variation_icon(*v), n)
        });
        let assurances = Assurance::ALL.iter().map(|a| {
            let n = mains.iter().filter(|m| m.assurance() == Some(*a)).count();
            (super::assurance_icon(*a), n)
        });
        variations
            .chain(assurances)
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// The report's title line: what it covers, in words, and its date.
    pub fn heading(&self) -> String {
        let scope = if self.filters.is_empty() {
            "all projects".to_string()
        } else {
            self.filters.join(", ")
        };
        format!(
            "Portfolio report — {scope} — {}",
            self.today.format("%-d %B %Y")
        )
    }
}

/// Reads what the board report says.
pub fn board_report(store: &Store, request: &BoardRequest) -> Result<BoardReport, StoreError> {
    let filter = &request.filter;
    let rows = store.list_projects(filter)?;
    let metrics = store.portfolio_metrics(filter, request.today, request.stale_weeks)?;
    let moves = store.score_moves(filter, request.since)?;
    let tomorrow = request.today.succ_opt().unwrap_or(request.today);
    let (pdsa_started, pdsa_finished) = store.pdsa_counts(filter, request.since, tomorrow)?;
    let way: HashMap<_, Ordering> = moves
        .iter()
        .map(|m| (m.reference, m.now_halves().cmp(&m.before_halves())))
        .collect();
    let mut projects = Vec::with_capacity(rows.len());
    for row in rows {
        let main = store
            .main_measure_series(row.reference)?
            .map(|(measure, points)| {
                let analysis = analyse_measure(&measure, &points);
                MainMeasure {
                    measure,
                    points,
                    analysis,
                }
            });
        projects.push(ReportedProject {
            moved: way.get(&row.reference).copied(),
            row,
            main,
        });
    }
    projects.sort_by_key(|p| p.row.reference);
    let mut filters = Vec::new();
    if let Some(stage) = &filter.stage {
        filters.push(format!("stage {stage}"));
    }
    if let Some(status) = filter.status {
        filters.push(format!("status {}", status.label()));
    }
    if let Some(cohort) = &filter.cohort {
        filters.push(format!("cohort {cohort}"));
    }
    if let Some(coach) = &filter.coach {
        filters.push(format!("coach {coach}"));
    }
    if let Some(division) = &filter.division {
        filters.push(format!("division {division}"));
    }
    Ok(BoardReport {
        today: request.today,
        since: request.since,
        filters,
        metrics,
        moves,
        pdsa_started,
        pdsa_finished,
        projects,
    })
}
