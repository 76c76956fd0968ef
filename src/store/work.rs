//! Changes to the work inside a project: driver diagram, change ideas, PDSA cycles, measures
//! and their data, benefits and notes. Each keeps the project's summary columns current.

use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use rusqlite::types::Value;

use super::Store;
use super::change::Change;
use super::error::{Result, StoreError, Unknown};
use super::projects::{find_project, opt_date, text, touch};
use super::spc_summary::refresh_spc_summary;
use crate::domain::{
    ActDecision, BenefitKind, Direction, DriverLevel, MeasureKind, ProjectRef, require_text,
};

/// A new PDSA cycle; its change idea is named (and added when new).
#[derive(Debug, Clone, Default)]
pub struct NewPdsa {
    pub change_idea: String,
    pub objective: String,
    pub predictions: String,
    pub plan: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// Names of the project's measures this cycle is meant to move.
    pub measures: Vec<String>,
}

/// A worksheet field of a PDSA cycle.
#[derive(Debug, Clone, PartialEq)]
pub enum PdsaField {
    Objective(String),
    Predictions(String),
    Plan(String),
    Do(String),
    Study(String),
    Act(Option<ActDecision>),
    NextStep(String),
    StartDate(Option<NaiveDate>),
    EndDate(Option<NaiveDate>),
}

#[derive(Debug, Clone)]
pub struct NewMeasure {
    pub name: String,
    pub kind: MeasureKind,
    pub direction: Direction,
    pub definition: String,
    pub unit: String,
    pub source: String,
    pub frequency: String,
    pub target: Option<f64>,
}

/// A measure setting that `measure edit` can change.
#[derive(Debug, Clone, PartialEq)]
pub enum MeasureField {
    Name(String),
    Kind(MeasureKind),
    Direction(Direction),
    Definition(String),
    Unit(String),
    Source(String),
    Frequency(String),
    Target(Option<f64>),
}

/// What recording a value did: a value already on that date is replaced, and we say so.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RecordOutcome {
    pub replaced: Option<f64>,
}

pub(crate) fn finite(what: &str, value: f64) -> Result<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(StoreError::invalid(format!(
            "{what} must be a finite number"
        )))
    }
}

pub(crate) fn find_measure(
    change: &Change<'_>,
    project_id: i64,
    reference: ProjectRef,
    name: &str,
) -> Result<i64> {
    change
        .tx
        .query_row(
            "SELECT id FROM measures WHERE project_id = ?1 AND lower(name) = lower(?2)",
            rusqlite::params![project_id, name.trim()],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| {
            StoreError::from(Unknown::Measure {
                reference,
                name: name.to_string(),
            })
        })
}

fn find_cycle(
    change: &Change<'_>,
    project_id: i64,
    reference: ProjectRef,
    number: i64,
) -> Result<i64> {
    change
        .tx
        .query_row(
            "SELECT id FROM pdsa_cycles WHERE project_id = ?1 AND number = ?2",
            [project_id, number],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| StoreError::from(Unknown::Pdsa { reference, number }))
}

fn change_idea_id(change: &mut Change<'_>, project_id: i64, title: &str) -> Result<i64> {
    let title = require_text("change idea", title)?;
    let found: Option<i64> = change
        .tx
        .query_row(
            "SELECT id FROM change_ideas WHERE project_id = ?1 AND lower(title) = lower(?2)",
            rusqlite::params![project_id, title.trim()],
            |r| r.get(0),
        )
        .optional()?;
    match found {
        Some(id) => Ok(id),
        None => change.insert(
            "change_ideas",
            &[
                ("project_id", Value::Integer(project_id)),
                ("title", text(title.trim())),
            ],
        ),
    }
}

/// The latest start date of the project's cycles, for the card (never scanned by the board).
fn refresh_last_pdsa(change: &mut Change<'_>, project_id: i64) -> Result<()> {
    let last: Option<String> = change.tx.query_row(
        "SELECT max(coalesce(start_date, end_date)) FROM pdsa_cycles WHERE project_id = ?1",
        [project_id],
        |r| r.get(0),
    )?;
    touch(
        change,
        project_id,
        &[("last_pdsa", last.map_or(Value::Null, Value::Text))],
    )
}

pub(crate) fn refresh_last_data(change: &mut Change<'_>, project_id: i64) -> Result<()> {
    let last: Option<String> = change.tx.query_row(
        "SELECT max(date) FROM data_points WHERE project_id = ?1",
        [project_id],
        |r| r.get(0),
    )?;
    touch(
        change,
        project_id,
        &[("last_data", last.map_or(Value::Null, Value::Text))],
    )
}

impl Store {
    /// Adds a driver to the diagram; a secondary driver names its primary.
    pub fn add_driver(
        &mut self,
        reference: ProjectRef,
        level: DriverLevel,
        driver_text: &str,
        parent: Option<&str>,
    ) -> Result<()> {
        let driver_text = require_text("driver", driver_text)?;
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let parent_id = match (level, parent) {
            (DriverLevel::Primary, _) => Value::Null,
            (DriverLevel::Secondary, None) => {
                return Err(StoreError::invalid(
                    "a secondary driver needs --parent PRIMARY",
                ));
            }
            (DriverLevel::Secondary, Some(parent)) => Value::Integer(
                change
                    .tx
                    .query_row(
                        "SELECT id FROM drivers WHERE project_id = ?1 AND level = 'primary'
                         AND lower(text) = lower(?2)",
                        rusqlite::params![id, parent.trim()],
                        |r| r.get(0),
                    )
                    .optional()?
                    .ok_or_else(|| {
                        StoreError::from(Unknown::Driver {
                            reference,
                            name: parent.to_string(),
                            primary: true,
                        })
                    })?,
            ),
        };
        change.insert(
            "drivers",
            &[
                ("project_id", Value::Integer(id)),
                ("parent_id", parent_id),
                ("level", text(level.key())),
                ("text", text(&driver_text)),
            ],
        )?;
        touch(&mut change, id, &[])?;
        change.commit(
            &format!("{reference}: {} driver added", level.key()),
            Some(reference.0),
        )
    }

    /// Adds a change idea serving the named drivers (any level).
    pub fn add_change_idea(
        &mut self,
        reference: ProjectRef,
        title: &str,
        drivers: &[String],
    ) -> Result<()> {
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let idea = change_idea_id(&mut change, id, title)?;
        for driver in drivers {
            let driver_id: i64 = change
                .tx
                .query_row(
                    "SELECT id FROM drivers WHERE project_id = ?1 AND lower(text) = lower(?2)",
                    rusqlite::params![id, driver.trim()],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or_else(|| {
                    StoreError::from(Unknown::Driver {
                        reference,
                        name: driver.to_string(),
                        primary: false,
                    })
                })?;
            change.insert(
                "change_idea_drivers",
                &[
                    ("project_id", Value::Integer(id)),
                    ("change_idea_id", Value::Integer(idea)),
                    ("driver_id", Value::Integer(driver_id)),
                ],
            )?;
        }
        touch(&mut change, id, &[])?;
        change.commit(
            &format!("{reference}: change idea added: {}", title.trim()),
            Some(reference.0),
        )
    }

    /// Adds a PDSA cycle with the project's next cycle number; returns that number.
    pub fn add_pdsa(&mut self, reference: ProjectRef, new: &NewPdsa) -> Result<i64> {
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let idea = change_idea_id(&mut change, id, &new.change_idea)?;
        let number: i64 = change.tx.query_row(
            "SELECT coalesce(max(number), 0) + 1 FROM pdsa_cycles WHERE project_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        let cycle = change.insert(
            "pdsa_cycles",
            &[
                ("project_id", Value::Integer(id)),
                ("change_idea_id", Value::Integer(idea)),
                ("number", Value::Integer(number)),
                ("objective", text(&new.objective)),
                ("predictions", text(&new.predictions)),
                ("plan", text(&new.plan)),
                ("start_date", opt_date(new.start_date)),
                ("end_date", opt_date(new.end_date)),
            ],
        )?;
        for name in &new.measures {
            let measure = find_measure(&change, id, reference, name)?;
            change.insert(
                "pdsa_measures",
                &[
                    ("project_id", Value::Integer(id)),
                    ("pdsa_id", Value::Integer(cycle)),
                    ("measure_id", Value::Integer(measure)),
                ],
            )?;
        }
        refresh_last_pdsa(&mut change, id)?;
        change.commit(
            &format!("{reference}: PDSA {number} added"),
            Some(reference.0),
        )?;
        Ok(number)
    }

    /// Fills in or changes a cycle's worksheet (do, study, act …).
    pub fn edit_pdsa(
        &mut self,
        reference: ProjectRef,
        number: i64,
        fields: &[PdsaField],
        expected_version: Option<i64>,
    ) -> Result<()> {
        if fields.is_empty() {
            return Err(StoreError::invalid(
                "nothing to change: give at least one field",
            ));
        }
        let today = PdsaField::EndDate(Some(self.clock.today()));
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let cycle = find_cycle(&change, id, reference, number)?;
        let version: i64 = change.tx.query_row(
            "SELECT version FROM pdsa_cycles WHERE id = ?1",
            [cycle],
            |r| r.get(0),
        )?;
        if expected_version.is_some_and(|v| v != version) {
            return Err(StoreError::Conflict(format!(
                "PDSA {number} of {reference} was changed elsewhere since you opened it; \
                 reloaded, try again"
            )));
        }
        // A decided cycle has finished: deciding adopt, adapt or abandon dates its end today
        // unless an end date is given or already there (else Metrics never counts it).
        let decided = fields.iter().any(|f| matches!(f, PdsaField::Act(Some(_))));
        let end_given = fields
            .iter()
            .any(|f| matches!(f, PdsaField::EndDate(Some(_))));
        let has_end: bool = change.tx.query_row(
            "SELECT end_date IS NOT NULL FROM pdsa_cycles WHERE id = ?1",
            [cycle],
            |r| r.get(0),
        )?;
        let ends_today = decided && !end_given && !has_end;
        let fields: Vec<&PdsaField> = fields
            .iter()
            .filter(|f| !(ends_today && matches!(f, PdsaField::EndDate(None))))
            .chain(ends_today.then_some(&today))
            .collect();
        let columns: Vec<(&str, Value)> = fields
            .iter()
            .map(|f| match f {
                PdsaField::Objective(t) => ("objective", text(t)),
                PdsaField::Predictions(t) => ("predictions", text(t)),
                PdsaField::Plan(t) => ("plan", text(t)),
                PdsaField::Do(t) => ("do_notes", text(t)),
                PdsaField::Study(t) => ("study", text(t)),
                PdsaField::Act(a) => ("act", a.map_or(Value::Null, |a| text(a.key()))),
                PdsaField::NextStep(t) => ("next_step", text(t)),
                PdsaField::StartDate(d) => ("start_date", opt_date(*d)),
                PdsaField::EndDate(d) => ("end_date", opt_date(*d)),
            })
            .collect();
        change.update("pdsa_cycles", cycle, &columns)?;
        refresh_last_pdsa(&mut change, id)?;
        let act = fields.iter().find_map(|f| match f {
            PdsaField::Act(Some(a)) => Some(a.key()),
            _ => None,
        });
        let summary = match act {
            Some(a) => format!("{reference}: PDSA {number} act: {a}"),
            None => format!("{reference}: PDSA {number} edited"),
        };
        change.commit(&summary, Some(reference.0))
    }

    pub fn add_measure(&mut self, reference: ProjectRef, new: &NewMeasure) -> Result<()> {
        let name = require_text("measure name", &new.name)?;
        let target = new.target.map(|t| finite("target", t)).transpose()?;
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        if find_measure(&change, id, reference, &name).is_ok() {
            return Err(StoreError::invalid(format!(
                "{reference} already has a measure {:?}",
                name.trim()
            )));
        }
        change.insert(
            "measures",
            &[
                ("project_id", Value::Integer(id)),
                ("name", text(name.trim())),
                ("kind", text(new.kind.key())),
                ("definition", text(&new.definition)),
                ("unit", text(&new.unit)),
                ("source", text(&new.source)),
                ("frequency", text(&new.frequency)),
                ("direction", text(new.direction.key())),
                ("target", target.map_or(Value::Null, Value::Real)),
            ],
        )?;
        touch(&mut change, id, &[])?;
        refresh_spc_summary(&mut change, id)?;
        change.commit(
            &format!("{reference}: measure added: {}", name.trim()),
            Some(reference.0),
        )
    }

    pub fn edit_measure(
        &mut self,
        reference: ProjectRef,
        name: &str,
        fields: &[MeasureField],
    ) -> Result<()> {
        if fields.is_empty() {
            return Err(StoreError::invalid(
                "nothing to change: give at least one field",
            ));
        }
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let measure = find_measure(&change, id, reference, name)?;
        let mut columns = Vec::new();
        for field in fields {
            columns.push(match field {
                MeasureField::Name(n) => {
                    let n = require_text("measure name", n)?;
                    let taken = find_measure(&change, id, reference, &n)
                        .is_ok_and(|other| other != measure);
                    if taken {
                        return Err(StoreError::invalid(format!(
                            "{reference} already has a measure {:?}",
                            n.trim()
                        )));
                    }
                    ("name", text(n.trim()))
                }
                MeasureField::Kind(k) => ("kind", text(k.key())),
                MeasureField::Direction(d) => ("direction", text(d.key())),
                MeasureField::Definition(t) => ("definition", text(t)),
                MeasureField::Unit(t) => ("unit", text(t)),
                MeasureField::Source(t) => ("source", text(t)),
                MeasureField::Frequency(t) => ("frequency", text(t)),
                MeasureField::Target(t) => (
                    "target",
                    t.map(|t| finite("target", t))
                        .transpose()?
                        .map_or(Value::Null, Value::Real),
                ),
            });
        }
        change.update("measures", measure, &columns)?;
        touch(&mut change, id, &[])?;
        refresh_spc_summary(&mut change, id)?;
        change.commit(
            &format!("{reference}: measure {} edited", name.trim()),
            Some(reference.0),
        )
    }

    /// Rebases a measure's chart: new limits from the first point on or after `date`.
    pub fn rebase_measure(
        &mut self,
        reference: ProjectRef,
        name: &str,
        date: NaiveDate,
        reason: &str,
    ) -> Result<()> {
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let measure = find_measure(&change, id, reference, name)?;
        let exists: Option<i64> = change
            .tx
            .query_row(
                "SELECT id FROM rebases WHERE measure_id = ?1 AND date = ?2",
                rusqlite::params![measure, date.to_string()],
                |r| r.get(0),
            )
            .optional()?;
        if exists.is_some() {
            return Err(StoreError::invalid(format!(
                "{} is already rebased on {date}",
                name.trim()
            )));
        }
        change.insert(
            "rebases",
            &[
                ("project_id", Value::Integer(id)),
                ("measure_id", Value::Integer(measure)),
                ("date", text(&date.to_string())),
                ("reason", text(reason)),
            ],
        )?;
        touch(&mut change, id, &[])?;
        refresh_spc_summary(&mut change, id)?;
        change.commit(
            &format!("{reference}: {} rebased at {date}", name.trim()),
            Some(reference.0),
        )
    }

    /// Records a measure's value on a date; a value already on that date is replaced.
    pub fn record_point(
        &mut self,
        reference: ProjectRef,
        measure_name: &str,
        date: NaiveDate,
        value: f64,
        annotation: &str,
    ) -> Result<RecordOutcome> {
        let value = finite("value", value)?;
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let measure = find_measure(&change, id, reference, measure_name)?;
        let existing: Option<(i64, f64)> = change
            .tx
            .query_row(
                "SELECT id, value FROM data_points WHERE measure_id = ?1 AND date = ?2",
                rusqlite::params![measure, date.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        match existing {
            Some((point, _)) => change.update(
                "data_points",
                point,
                &[
                    ("value", Value::Real(value)),
                    ("annotation", text(annotation)),
                ],
            )?,
            None => {
                change.insert(
                    "data_points",
                    &[
                        ("project_id", Value::Integer(id)),
                        ("measure_id", Value::Integer(measure)),
                        ("date", text(&date.to_string())),
                        ("value", Value::Real(value)),
                        ("annotation", text(annotation)),
                    ],
                )?;
            }
        }
        refresh_last_data(&mut change, id)?;
        refresh_spc_summary(&mut change, id)?;
        let verb = if existing.is_some() {
            "replaced"
        } else {
            "recorded"
        };
        change.commit(
            &format!(
                "{reference}: {} {date} {verb}: {value}",
                measure_name.trim()
            ),
            Some(reference.0),
        )?;
        Ok(RecordOutcome {
            replaced: existing.map(|(_, v)| v),
        })
    }

    pub fn add_benefit(
        &mut self,
        reference: ProjectRef,
        kind: BenefitKind,
        amount: f64,
        unit: &str,
        note: &str,
        claimed: NaiveDate,
    ) -> Result<()> {
        let amount = finite("amount", amount)?;
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        change.insert(
            "benefits",
            &[
                ("project_id", Value::Integer(id)),
                ("kind", text(kind.key())),
                ("amount", Value::Real(amount)),
                ("unit", text(unit)),
                ("note", text(note)),
                ("claimed_date", text(&claimed.to_string())),
            ],
        )?;
        touch(&mut change, id, &[])?;
        change.commit(
            &format!("{reference}: benefit claimed: {amount} {unit}"),
            Some(reference.0),
        )
    }

    pub fn add_note(&mut self, reference: ProjectRef, note: &str) -> Result<()> {
        let note = require_text("note", note)?;
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let now = text(&change.now);
        change.insert(
            "notes",
            &[
                ("project_id", Value::Integer(id)),
                ("text", text(&note)),
                ("created", now),
            ],
        )?;
        touch(&mut change, id, &[])?;
        change.commit(&format!("{reference}: note added"), Some(reference.0))
    }
}
