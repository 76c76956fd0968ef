//! Bringing a register of projects in: each row matched against the portfolio as it was
//! before the import (by ref, else external id, else title in any case), so a second import
//! of the same register updates and never duplicates. One transaction and one history row:
//! one undo takes all of it back; an import that changes nothing writes nothing.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::types::Value;

use super::Store;
use super::change::Change;
use super::error::Result;
use super::projects::{
    NewProject, cohort_id, find_stage, insert_project, next_position, opt_date, score_history_row,
    set_role, text, touch,
};
use crate::domain::{ProgressScore, ProjectRef, Role, Status};

/// One register row, typed; `None` leaves a field as it is (an empty cell).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProjectImport {
    /// The row number the person sees (spreadsheet row or CSV line).
    pub row: u64,
    pub reference: Option<ProjectRef>,
    pub external_id: Option<String>,
    pub title: Option<String>,
    pub aim: Option<String>,
    pub problem: Option<String>,
    pub scope_in: Option<String>,
    pub scope_out: Option<String>,
    pub division: Option<String>,
    pub department: Option<String>,
    pub risks: Option<String>,
    pub cohort: Option<String>,
    pub lead: Option<String>,
    pub sponsor: Option<String>,
    pub coach: Option<String>,
    /// A stage key the caller checked against the portfolio's stages.
    pub stage: Option<String>,
    pub status: Option<Status>,
    pub score: Option<ProgressScore>,
    pub start_date: Option<NaiveDate>,
    pub target_date: Option<NaiveDate>,
    pub members: Vec<String>,
}

/// What happened to one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowAction {
    Added,
    Updated,
    Unchanged,
}

impl RowAction {
    pub fn key(self) -> &'static str {
        match self {
            RowAction::Added => "added",
            RowAction::Updated => "updated",
            RowAction::Unchanged => "unchanged",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedRow {
    pub row: u64,
    pub reference: ProjectRef,
    pub action: RowAction,
}

/// What an import did (or, in a dry run, would do).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RegisterOutcome {
    pub rows: Vec<ImportedRow>,
}

impl RegisterOutcome {
    pub fn count(&self, action: RowAction) -> usize {
        self.rows.iter().filter(|r| r.action == action).count()
    }
}

/// A refused row the store found (the caller's checks found the rest).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("row {row}: {reason}")]
pub struct RowRefused {
    pub row: u64,
    pub reason: String,
}

/// The portfolio's projects as they were before the import, for matching.
struct Known {
    by_ref: HashMap<u32, i64>,
    by_external: HashMap<String, i64>,
    by_title: HashMap<String, i64>,
}

fn known(change: &Change<'_>) -> Result<Known> {
    let mut stmt = change
        .tx
        .prepare("SELECT id, ref_no, external_id, title FROM projects ORDER BY id")?;
    let mut known = Known {
        by_ref: HashMap::new(),
        by_external: HashMap::new(),
        by_title: HashMap::new(),
    };
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, u32>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    for row in rows {
        let (id, ref_no, external, title) = row?;
        known.by_ref.insert(ref_no, id);
        if !external.trim().is_empty() {
            known
                .by_external
                .entry(external.trim().to_lowercase())
                .or_insert(id);
        }
        known
            .by_title
            .entry(title.trim().to_lowercase())
            .or_insert(id);
    }
    Ok(known)
}

impl Known {
    fn find(&self, row: &ProjectImport) -> Option<i64> {
        row.reference
            .and_then(|r| self.by_ref.get(&r.0))
            .or_else(|| {
                row.external_id
                    .as_ref()
                    .and_then(|e| self.by_external.get(&e.trim().to_lowercase()))
            })
            .or_else(|| {
                row.title
                    .as_ref()
                    .and_then(|t| self.by_title.get(&t.trim().to_lowercase()))
            })
            .copied()
    }
}

impl Store {
    /// Imports register rows as one change (`source` names the file in the history and in
    /// the score history). A dry run does all of it and keeps none of it.
    pub fn import_projects(
        &mut self,
        rows: &[ProjectImport],
        source: &str,
        dry_run: bool,
    ) -> std::result::Result<RegisterOutcome, ImportError> {
        self.import_projects_with_progress(rows, source, dry_run, &mut || {})
    }

    /// [`Store::import_projects`], calling `on_row` after each row (for a progress bar).
    pub fn import_projects_with_progress(
        &mut self,
        rows: &[ProjectImport],
        source: &str,
        dry_run: bool,
        on_row: &mut dyn FnMut(),
    ) -> std::result::Result<RegisterOutcome, ImportError> {
        let mut change = self.begin()?;
        let known = known(&change)?;
        let mut outcome = RegisterOutcome::default();
        for row in rows {
            let imported = match known.find(row) {
                Some(id) => update_project(&mut change, id, row, source)?,
                None => add_project(&mut change, row, source)?,
            };
            outcome.rows.push(imported);
            on_row();
        }
        let added = outcome.count(RowAction::Added);
        let updated = outcome.count(RowAction::Updated);
        if dry_run || added + updated == 0 {
            // Dropped uncommitted: nothing is written, not even a history row.
            return Ok(outcome);
        }
        change.commit(
            &format!("imported {source}: {added} added, {updated} updated"),
            None,
        )?;
        Ok(outcome)
    }
}

/// Why an import was refused: a row the store could not take, or the store itself.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Row(#[from] RowRefused),
    #[error(transparent)]
    Store(#[from] super::StoreError),
}

impl From<rusqlite::Error> for ImportError {
    fn from(error: rusqlite::Error) -> Self {
        ImportError::Store(error.into())
    }
}

fn add_project(
    change: &mut Change<'_>,
    row: &ProjectImport,
    source: &str,
) -> std::result::Result<ImportedRow, ImportError> {
    let Some(title) = row.title.clone().filter(|t| !t.trim().is_empty()) else {
        return Err(RowRefused {
            row: row.row,
            reason: "no project here has its ref, id or title, and its title is empty \
                     (a new project needs a title)"
                .into(),
        }
        .into());
    };
    let new = NewProject {
        title,
        problem: row.problem.clone().unwrap_or_default(),
        aim: row.aim.clone().unwrap_or_default(),
        scope_in: row.scope_in.clone().unwrap_or_default(),
        scope_out: row.scope_out.clone().unwrap_or_default(),
        division: row.division.clone().unwrap_or_default(),
        department: row.department.clone().unwrap_or_default(),
        risks: row.risks.clone().unwrap_or_default(),
        cohort: row.cohort.clone(),
        start_date: row.start_date,
        target_date: row.target_date,
        stage: row.stage.clone(),
        status: row.status,
        lead: row.lead.clone(),
        sponsor: row.sponsor.clone(),
        coach: row.coach.clone(),
        // A ref from another portfolio is kept as the project's id elsewhere.
        external_id: row
            .external_id
            .clone()
            .or_else(|| row.reference.map(|r| r.to_string()))
            .unwrap_or_default(),
        score: row.score.map(|s| (s, imported_from(source))),
    };
    let (id, reference) = insert_project(change, &new)?;
    for member in &row.members {
        set_role(change, id, Role::Member, member)?;
    }
    Ok(ImportedRow {
        row: row.row,
        reference,
        action: RowAction::Added,
    })
}

/// The columns of a project an import compares, as stored.
const COMPARED: [&str; 15] = [
    "ref_no",
    "title",
    "aim",
    "problem",
    "scope_in",
    "scope_out",
    "division",
    "department",
    "risks",
    "start_date",
    "target_date",
    "status",
    "score",
    "external_id",
    "stage_id",
];

fn update_project(
    change: &mut Change<'_>,
    id: i64,
    row: &ProjectImport,
    source: &str,
) -> std::result::Result<ImportedRow, ImportError> {
    let current: HashMap<&str, Value> = {
        let sql = format!("SELECT {} FROM projects WHERE id = ?1", COMPARED.join(", "));
        change.one(&sql, [id], |r| {
            COMPARED
                .iter()
                .enumerate()
                .map(|(i, c)| Ok((*c, r.get::<_, Value>(i)?)))
                .collect()
        })?
    };
    let reference = match current.get("ref_no") {
        Some(Value::Integer(n)) => ProjectRef(u32::try_from(*n).unwrap_or_default()),
        _ => ProjectRef(0),
    };
    let mut columns: Vec<(&str, Value)> = Vec::new();
    let mut differs = |column: &'static str, wanted: Value| {
        if current.get(column) != Some(&wanted) {
            columns.push((column, wanted));
        }
    };
    for (column, value) in [
        ("title", &row.title),
        ("aim", &row.aim),
        ("problem", &row.problem),
        ("scope_in", &row.scope_in),
        ("scope_out", &row.scope_out),
        ("division", &row.division),
        ("department", &row.department),
        ("risks", &row.risks),
        ("external_id", &row.external_id),
    ] {
        if let Some(value) = value {
            differs(column, text(value));
        }
    }
    if let Some(date) = row.start_date {
        differs("start_date", opt_date(Some(date)));
    }
    if let Some(date) = row.target_date {
        differs("target_date", opt_date(Some(date)));
    }
    if let Some(status) = row.status {
        differs("status", text(status.key()));
    }
    let mut changed = !columns.is_empty();
    if let Some(stage) = &row.stage {
        let stage = find_stage(change, stage)?;
        if current.get("stage_id") != Some(&Value::Integer(stage.id)) {
            let position = next_position(change, stage.id)?;
            columns.push(("stage_id", Value::Integer(stage.id)));
            columns.push(("position", Value::Integer(position)));
            changed = true;
        }
    }
    if let Some(cohort) = &row.cohort {
        let cohort = cohort_id(change, cohort)?;
        let now: Option<i64> =
            change.one("SELECT cohort_id FROM projects WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
        if now != Some(cohort) {
            columns.push(("cohort_id", Value::Integer(cohort)));
            changed = true;
        }
    }
    for (role, person) in [
        (Role::Lead, &row.lead),
        (Role::Sponsor, &row.sponsor),
        (Role::Coach, &row.coach),
    ] {
        if let Some(person) = person
            && !holds(change, id, role, person)?
        {
            set_role(change, id, role, person)?;
            changed = true;
        }
    }
    for member in &row.members {
        if !holds(change, id, Role::Member, member)? {
            set_role(change, id, Role::Member, member)?;
            changed = true;
        }
    }
    if let Some(score) = row.score {
        let halves = Value::Integer(i64::from(score.halves()));
        if current.get("score") != Some(&halves) {
            record_score(change, id, score, source)?;
            changed = true;
        }
    }
    if changed {
        touch(change, id, &columns)?;
    }
    Ok(ImportedRow {
        row: row.row,
        reference,
        action: if changed {
            RowAction::Updated
        } else {
            RowAction::Unchanged
        },
    })
}

/// Whether a person (any case) already holds a role on the project.
fn holds(change: &Change<'_>, project_id: i64, role: Role, person: &str) -> Result<bool> {
    Ok(change.one(
        "SELECT EXISTS (SELECT 1 FROM roles r JOIN people p ON p.id = r.person_id
          WHERE r.project_id = ?1 AND r.role = ?2 AND lower(p.name) = lower(?3))",
        rusqlite::params![project_id, role.key(), person.trim()],
        |r| r.get(0),
    )?)
}

/// Why a score changed, in the score history: the file it came from.
fn imported_from(source: &str) -> String {
    format!("imported from {source}")
}

/// A score set by an import goes into the score history like any other.
fn record_score(
    change: &mut Change<'_>,
    project_id: i64,
    score: ProgressScore,
    source: &str,
) -> Result<()> {
    let halves = Value::Integer(i64::from(score.halves()));
    change.update("projects", project_id, &[("score", halves.clone())])?;
    score_history_row(change, project_id, halves, "", &imported_from(source))
}

impl Store {
    /// Every project as a register row (what `import projects` reads back), by ref.
    pub fn register(&self) -> Result<Vec<ProjectImport>> {
        let role = |name: &str| super::reads::ROLE_NAME.replace("?role", &format!("'{name}'"));
        let sql = format!(
            "SELECT p.ref_no, p.external_id, p.title, p.aim, p.problem, p.scope_in, p.scope_out,
                    p.division, p.department, p.risks, c.name, p.lead_name, {sponsor}, {coach},
                    s.name, p.status, p.score, p.start_date, p.target_date,
                    (SELECT group_concat(name, '; ') FROM (
                        SELECT pe.name FROM roles r JOIN people pe ON pe.id = r.person_id
                        WHERE r.project_id = p.id AND r.role = 'member' ORDER BY pe.name))
             FROM projects p JOIN stages s ON s.id = p.stage_id
             LEFT JOIN cohorts c ON c.id = p.cohort_id
             ORDER BY p.ref_no",
            sponsor = role("sponsor"),
            coach = role("coach"),
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let some = |text: String| Some(text).filter(|t| !t.is_empty());
        let date = |text: Option<String>| {
            text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok())
        };
        let rows = stmt.query_map([], |r| {
            Ok(ProjectImport {
                row: 0,
                reference: Some(ProjectRef(r.get(0)?)),
                external_id: some(r.get(1)?),
                title: Some(r.get(2)?),
                aim: some(r.get(3)?),
                problem: some(r.get(4)?),
                scope_in: some(r.get(5)?),
                scope_out: some(r.get(6)?),
                division: some(r.get(7)?),
                department: some(r.get(8)?),
                risks: some(r.get(9)?),
                cohort: r.get(10)?,
                lead: r.get(11)?,
                sponsor: r.get(12)?,
                coach: r.get(13)?,
                stage: Some(r.get(14)?),
                status: r.get::<_, String>(15)?.parse().ok(),
                score: r
                    .get::<_, Option<i64>>(16)?
                    .and_then(|h| ProgressScore::from_halves(h).ok()),
                start_date: date(r.get(17)?),
                target_date: date(r.get(18)?),
                members: r
                    .get::<_, Option<String>>(19)?
                    .map(|m| m.split("; ").map(str::to_string).collect())
                    .unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
