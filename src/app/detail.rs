//! The detail pane's state: one project with everything on it, the section shown and the
//! item selected there. A measure's data is read only when that measure is shown.

use crate::domain::{DataPoint, Direction, Measure, ProjectRef};
use crate::spc::{self, RunChartResult, XmrOptions, XmrResult};
use crate::store::{HistoryEntry, ProjectDetail, Store, StoreError};

/// The sub-sections of a project, in the order `h`/`l` walk them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Charter,
    Team,
    Scores,
    Pdsa,
    Measures,
    Drivers,
    Benefits,
    Notes,
    History,
}

impl Section {
    pub const ALL: [Section; 9] = [
        Section::Charter,
        Section::Team,
        Section::Scores,
        Section::Pdsa,
        Section::Measures,
        Section::Drivers,
        Section::Benefits,
        Section::Notes,
        Section::History,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Section::Charter => "Charter",
            Section::Team => "Team",
            Section::Scores => "Score",
            Section::Pdsa => "PDSA",
            Section::Measures => "Measures",
            Section::Drivers => "Drivers",
            Section::Benefits => "Benefits",
            Section::Notes => "Notes",
            Section::History => "History",
        }
    }
}

/// Which chart a measure is drawn as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChartKind {
    #[default]
    Xmr,
    Run,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DetailView {
    pub detail: ProjectDetail,
    pub history: Vec<HistoryEntry>,
    pub section: Section,
    /// The selected item of a list section (a cycle, a measure) or the scroll of a text one.
    pub selected: usize,
    /// The shown measure's data: its name and points.
    pub points: Option<(String, Vec<DataPoint>)>,
    /// The shown measure's XmR analysis, computed when its data is read (not per frame).
    pub analysis: Option<XmrResult>,
    /// The same data as a run chart (median, IHI and Anhøj rules).
    pub run: Option<RunChartResult>,
    pub chart: ChartKind,
}

impl DetailView {
    pub fn open(store: &Store, reference: ProjectRef) -> Result<DetailView, StoreError> {
        let detail = store.project_detail(reference)?;
        let mut view = DetailView {
            detail,
            history: Vec::new(),
            section: Section::Charter,
            selected: 0,
            points: None,
            analysis: None,
            run: None,
            chart: ChartKind::Xmr,
        };
        view.history = store.history(Some(reference), 200)?;
        view.load_points(store)?;
        Ok(view)
    }

    pub fn reference(&self) -> ProjectRef {
        self.detail.project.reference
    }

    pub fn replace(&mut self, detail: ProjectDetail, store: &Store) -> Result<(), StoreError> {
        self.detail = detail;
        self.history = store.history(Some(self.reference()), 200)?;
        self.selected = self.selected.min(self.items().saturating_sub(1));
        self.points = None;
        self.load_points(store)
    }

    /// How many selectable items the current section has.
    pub fn items(&self) -> usize {
        match self.section {
            Section::Pdsa => self.detail.pdsa_cycles.len(),
            Section::Measures => self.detail.measures.len(),
            Section::History => self.history.len(),
            Section::Notes => self.detail.notes.len(),
            Section::Scores => self.detail.scores.len(),
            Section::Benefits => self.detail.benefits.len(),
            Section::Team => self.detail.team.len(),
            Section::Drivers => self.detail.drivers.len() + self.detail.change_ideas.len(),
            Section::Charter => 1,
        }
    }

    pub fn move_section(&mut self, step: isize, store: &Store) -> Result<(), StoreError> {
        let i = Section::ALL
            .iter()
            .position(|s| *s == self.section)
            .unwrap_or(0) as isize;
        let n = Section::ALL.len() as isize;
        self.section = Section::ALL[((i + step).rem_euclid(n)) as usize];
        self.selected = 0;
        self.load_points(store)
    }

    pub fn move_selection(&mut self, step: isize, store: &Store) -> Result<(), StoreError> {
        let n = self.items() as isize;
        self.selected = (self.selected as isize + step).clamp(0, (n - 1).max(0)) as usize;
        self.load_points(store)
    }

    /// Reads the selected measure's points if they are not loaded yet.
    pub fn load_points(&mut self, store: &Store) -> Result<(), StoreError> {
        let index = if self.section == Section::Measures {
            self.selected
        } else {
            0
        };
        let Some(measure) = self.detail.measures.get(index) else {
            self.points = None;
            self.analysis = None;
            self.run = None;
            return Ok(());
        };
        if self
            .points
            .as_ref()
            .is_some_and(|(name, _)| *name == measure.name)
        {
            return Ok(());
        }
        let points = store.data_points(self.reference(), &measure.name)?;
        self.analysis = analyse(measure, &points);
        self.run = (points.len() >= 2)
            .then(|| spc::run_chart(&points.iter().map(|p| Some(p.value)).collect::<Vec<_>>()).ok())
            .flatten();
        self.points = Some((measure.name.clone(), points));
        Ok(())
    }

    /// The measure shown in the measures section (or the first one elsewhere).
    pub fn shown_measure(&self) -> Option<&Measure> {
        let index = if self.section == Section::Measures {
            self.selected
        } else {
            0
        };
        self.detail.measures.get(index)
    }
}

/// The Making Data Count reading of a measure's data, with its own direction, target and
/// rebases. None when there are fewer than two points (nothing to chart yet).
pub fn analyse(measure: &Measure, points: &[DataPoint]) -> Option<XmrResult> {
    if points.len() < 2 {
        return None;
    }
    let dates: Vec<_> = points.iter().map(|p| p.date).collect();
    let values: Vec<Option<f64>> = points.iter().map(|p| Some(p.value)).collect();
    spc::xmr(&dates, &values, &xmr_options(measure, &dates)).ok()
}

/// A measure's own direction, target and rebases (those within its data) as XmR options.
pub fn xmr_options(measure: &Measure, dates: &[chrono::NaiveDate]) -> XmrOptions {
    XmrOptions {
        direction: match measure.direction {
            Direction::Increase => spc::Direction::Increase,
            Direction::Decrease => spc::Direction::Decrease,
            Direction::Neutral => spc::Direction::Neutral,
        },
        target: measure.target,
        rebase_dates: measure
            .rebases
            .iter()
            .map(|r| r.date)
            .filter(|d| dates.last().is_some_and(|last| d <= last))
            .collect(),
        ..XmrOptions::default()
    }
}
