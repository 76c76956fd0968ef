//! The detail pane's state: one project with everything on it, the section shown and the
//! item selected there. A measure's data is read only when that measure is shown.

use crate::domain::{DataPoint, DriverLevel, Measure, ProjectRef};
use crate::spc::{self, RunChartResult, XmrResult};
use crate::store::{HistoryEntry, ProjectDetail, Store, StoreError};

/// The sub-sections of a project, in the order `h`/`l` walk them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Charter,
    Gateway,
    Team,
    Scores,
    Pdsa,
    Measures,
    Drivers,
    Benefits,
    Notes,
    Actions,
    History,
}

impl Section {
    pub const ALL: [Section; 11] = [
        Section::Charter,
        Section::Gateway,
        Section::Team,
        Section::Scores,
        Section::Pdsa,
        Section::Measures,
        Section::Drivers,
        Section::Benefits,
        Section::Notes,
        Section::Actions,
        Section::History,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Section::Charter => "Charter",
            Section::Gateway => "Gateway",
            Section::Team => "Team",
            Section::Scores => "Score",
            Section::Pdsa => "PDSA",
            Section::Measures => "Measures",
            Section::Drivers => "Drivers",
            Section::Benefits => "Benefits",
            Section::Notes => "Notes",
            Section::Actions => "Actions",
            Section::History => "History",
        }
    }
}

/// A thing in the driver diagram that can be renamed or deleted, by its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DriverItem {
    Driver(String),
    Idea(String),
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
    /// The measure whose icons the project's card shows.
    pub main: Option<String>,
    /// The chart's selected point (`[`/`]`); None: the last one.
    pub point: Option<usize>,
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
            main: store.main_measure(reference)?,
            point: None,
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
        self.main = store.main_measure(self.reference())?;
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
            Section::Actions => self.detail.actions.len(),
            Section::Scores => self.detail.scores.len(),
            Section::Benefits => self.detail.benefits.len(),
            Section::Team => self.detail.team.len(),
            Section::Drivers => self.driver_rows().len(),
            Section::Charter => 1,
            Section::Gateway => self.detail.gateway.len(),
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
        let Some(measure) = self.shown_measure().cloned() else {
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
        self.point = None;
        self.analysis = crate::measure_reading::analyse_measure(&measure, &points);
        self.run = (points.len() >= 2)
            .then(|| spc::run_chart(&points.iter().map(|p| Some(p.value)).collect::<Vec<_>>()).ok())
            .flatten();
        self.points = Some((measure.name.clone(), points));
        Ok(())
    }

    /// The chart's selected point: the one chosen with `[`/`]`, else the last.
    pub fn selected_point(&self) -> Option<(usize, &DataPoint)> {
        let points = &self.points.as_ref()?.1;
        let index = self
            .point
            .unwrap_or(points.len().checked_sub(1)?)
            .min(points.len().checked_sub(1)?);
        points.get(index).map(|p| (index, p))
    }

    /// Moves the chart's selected point by `step`.
    pub fn move_point(&mut self, step: isize) -> Option<&DataPoint> {
        let (index, _) = self.selected_point()?;
        let last = self.points.as_ref()?.1.len() as isize - 1;
        self.point = Some((index as isize + step).clamp(0, last) as usize);
        self.selected_point().map(|(_, p)| p)
    }

    /// The driver diagram as an indented tree of rows: aim → primary drivers → secondary
    /// drivers → change ideas, each with what it names (none for the aim and headings).
    pub fn driver_rows(&self) -> Vec<(String, Option<DriverItem>)> {
        let d = &self.detail;
        let mut rows = vec![(format!("Aim: {}", d.project.aim), None)];
        let idea = |title: &str, indent: &str| {
            (
                format!("{indent}◆ {title}"),
                Some(DriverItem::Idea(title.to_string())),
            )
        };
        let ideas_of = |driver: i64| {
            d.change_ideas
                .iter()
                .filter(move |c| c.driver_ids.contains(&driver))
        };
        for primary in d.drivers.iter().filter(|x| x.level == DriverLevel::Primary) {
            rows.push((
                format!("├─ {}", primary.text),
                Some(DriverItem::Driver(primary.text.clone())),
            ));
            rows.extend(ideas_of(primary.id).map(|c| idea(&c.title, "│    ")));
            let secondaries: Vec<_> = d
                .drivers
                .iter()
                .filter(|x| x.parent_id == Some(primary.id))
                .collect();
            for (i, secondary) in secondaries.iter().enumerate() {
                let (branch, stem) = if i + 1 == secondaries.len() {
                    ("└─", " ")
                } else {
                    ("├─", "│")
                };
                rows.push((
                    format!("│  {branch} {}", secondary.text),
                    Some(DriverItem::Driver(secondary.text.clone())),
                ));
                let indent = format!("│  {stem}    ");
                rows.extend(ideas_of(secondary.id).map(|c| idea(&c.title, &indent)));
            }
        }
        let unlinked: Vec<_> = d
            .change_ideas
            .iter()
            .filter(|c| c.driver_ids.is_empty())
            .collect();
        if !unlinked.is_empty() {
            rows.push(("Change ideas not yet on a driver:".into(), None));
            rows.extend(unlinked.iter().map(|c| idea(&c.title, "   ")));
        }
        rows
    }

    /// The driver or change idea selected in the Drivers section.
    pub fn selected_driver_item(&self) -> Option<DriverItem> {
        if self.section != Section::Drivers {
            return None;
        }
        self.driver_rows().into_iter().nth(self.selected)?.1
    }

    /// The action selected in the Actions section.
    pub fn selected_action(&self) -> Option<&crate::domain::Action> {
        if self.section != Section::Actions {
            return None;
        }
        self.detail.actions.get(self.selected)
    }

    /// The selected note, newest first as Notes lists them, with its number (from 1,
    /// oldest first, as `note edit` takes it).
    pub fn selected_note(&self) -> Option<(usize, &crate::domain::Note)> {
        if self.section != Section::Notes {
            return None;
        }
        let n = self.detail.notes.len();
        let index = n.checked_sub(self.selected + 1)?;
        self.detail.notes.get(index).map(|note| (index + 1, note))
    }

    /// The measure shown: the selected one in the measures section, else the main one.
    pub fn shown_measure(&self) -> Option<&Measure> {
        let measures = &self.detail.measures;
        if self.section == Section::Measures {
            return measures.get(self.selected);
        }
        self.main
            .as_ref()
            .and_then(|main| measures.iter().find(|m| &m.name == main))
            .or_else(|| measures.first())
    }
}
