//! Changes to projects themselves: add, edit, move, reorder, status, score, team, delete.

use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use rusqlite::types::Value;

use super::change::Change;
use super::error::{Result, StoreError, Unknown};
use super::{Store, reads};
use crate::domain::{
    CharterField, ProgressScore, ProjectRef, Role, Stage, Status, parse_date, require_text,
    require_title,
};

/// What a new project starts with; only the title is required.
#[derive(Debug, Clone, Default)]
pub struct NewProject {
    pub title: String,
    pub problem: String,
    pub aim: String,
    pub scope_in: String,
    pub scope_out: String,
    pub division: String,
    pub department: String,
    pub risks: String,
    pub cohort: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub target_date: Option<NaiveDate>,
    /// A stage by name, key or number; the first stage when none is given.
    pub stage: Option<String>,
    pub status: Option<Status>,
    pub lead: Option<String>,
    pub sponsor: Option<String>,
    pub coach: Option<String>,
    /// The project's id in another system (Life QI, a trust register).
    pub external_id: String,
    /// A first progress score, and why (for the score history).
    pub score: Option<(ProgressScore, String)>,
}

/// The column a charter field is stored in.
fn column(field: CharterField) -> &'static str {
    match field {
        CharterField::Title => "title",
        CharterField::Problem => "problem",
        CharterField::Aim => "aim",
        CharterField::ScopeIn => "scope_in",
        CharterField::ScopeOut => "scope_out",
        CharterField::Division => "division",
        CharterField::Department => "department",
        CharterField::Risks => "risks",
        CharterField::Cohort => "cohort_id",
        CharterField::StartDate => "start_date",
        CharterField::TargetDate => "target_date",
    }
}

/// What a move did, and what the user should know about it (it never asks first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveOutcome {
    pub stage: String,
    pub warnings: Vec<MoveWarning>,
}

impl MoveOutcome {
    /// The gateway items of the stage left behind that the project has not met.
    pub fn unmet_gateway(&self) -> &[String] {
        self.warnings
            .iter()
            .find_map(|w| match w {
                MoveWarning::GatewayUnmet { items, .. } => Some(items.as_slice()),
                _ => None,
            })
            .unwrap_or(&[])
    }
}

/// Something a move did not stop but the user should know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoveWarning {
    /// The stage moved to holds more active projects than its WIP limit.
    WipExceeded {
        stage: String,
        limit: i64,
        count: i64,
    },
    /// Items of the stage left behind that the project has not met.
    GatewayUnmet { stage: String, items: Vec<String> },
}

impl std::fmt::Display for MoveWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MoveWarning::WipExceeded {
                stage,
                limit,
                count,
            } => write!(f, "{stage} is over its WIP limit ({count}/{limit})"),
            MoveWarning::GatewayUnmet { stage, items } => {
                write!(f, "{stage} gateway not met: {}", items.join("; "))
            }
        }
    }
}

pub(crate) fn text(value: &str) -> Value {
    Value::Text(value.to_string())
}

pub(crate) fn opt_date(value: Option<NaiveDate>) -> Value {
    value.map_or(Value::Null, |d| Value::Text(d.to_string()))
}

/// A project's row id and version, or a clear "unknown project" refusal.
pub(crate) fn find_project(change: &Change<'_>, reference: ProjectRef) -> Result<(i64, i64)> {
    change
        .one(
            "SELECT id, version FROM projects WHERE ref_no = ?1",
            [reference.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| StoreError::from(Unknown::Project(reference)))
}

/// Refuses a change to a project that someone else changed since the caller read it.
fn check_version(reference: ProjectRef, found: i64, expected: Option<i64>) -> Result<()> {
    match expected {
        Some(v) if v != found => Err(StoreError::Conflict(format!(
            "{reference} was changed elsewhere since you read it; reloaded, try again"
        ))),
        _ => Ok(()),
    }
}

/// Marks a project's content as updated (a reorder does not count).
pub(crate) fn touch(
    change: &mut Change<'_>,
    project_id: i64,
    extra: &[(&str, Value)],
) -> Result<()> {
    let mut columns = vec![("updated", Value::Text(change.now.clone()))];
    columns.extend(extra.iter().cloned());
    change.update("projects", project_id, &columns)
}

pub(crate) fn find_stage(change: &Change<'_>, input: &str) -> Result<Stage> {
    reads::stages_on(&change.tx)?
        .into_iter()
        .find(|s| s.matches(input))
        .ok_or_else(|| Unknown::Stage(input.to_string()).into())
}

/// People are matched by name in any case; a new name adds the person (as a coach expects).
pub(crate) fn person_id(change: &mut Change<'_>, name: &str) -> Result<i64> {
    let name_text = require_text("person name", name)?;
    let found: Option<i64> = change
        .one(
            "SELECT id FROM people WHERE lower(name) = lower(?1) ORDER BY id LIMIT 1",
            [name.trim()],
            |r| r.get(0),
        )
        .optional()?;
    match found {
        Some(id) => Ok(id),
        None => change.insert("people", &[("name", text(name_text.trim()))]),
    }
}

/// Cohorts are matched by name in any case; a new name adds the cohort.
pub(crate) fn cohort_id(change: &mut Change<'_>, name: &str) -> Result<i64> {
    let name_text = require_text("cohort name", name)?;
    let found: Option<i64> = change
        .one(
            "SELECT id FROM cohorts WHERE lower(name) = lower(?1)",
            [name.trim()],
            |r| r.get(0),
        )
        .optional()?;
    match found {
        Some(id) => Ok(id),
        None => change.insert("cohorts", &[("name", text(name_text.trim()))]),
    }
}

pub(crate) fn next_position(change: &Change<'_>, stage_id: i64) -> Result<i64> {
    Ok(change.one(
        "SELECT coalesce(max(position), 0) + 1 FROM projects WHERE stage_id = ?1",
        [stage_id],
        |r| r.get(0),
    )?)
}

pub(crate) fn set_role(
    change: &mut Change<'_>,
    project_id: i64,
    role: Role,
    person: &str,
) -> Result<()> {
    let person_id = person_id(change, person)?;
    if role.is_single() {
        let holder: Option<i64> = change
            .one(
                "SELECT id FROM roles WHERE project_id = ?1 AND role = ?2",
                rusqlite::params![project_id, role.key()],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = holder {
            change.delete("roles", id)?;
        }
    } else {
        let already: Option<i64> = change
            .one(
                "SELECT id FROM roles WHERE project_id = ?1 AND person_id = ?2 AND role = 'member'",
                [project_id, person_id],
                |r| r.get(0),
            )
            .optional()?;
        if already.is_some() {
            return Ok(());
        }
    }
    insert_role(change, project_id, role, person_id)?;
    if role == Role::Lead {
        // The board shows the lead from the project's own row (no join per card).
        let name: String =
            change.one("SELECT name FROM people WHERE id = ?1", [person_id], |r| {
                r.get(0)
            })?;
        change.update("projects", project_id, &[("lead_name", text(&name))])?;
    }
    Ok(())
}

/// A role row, for a person already found or added.
fn insert_role(change: &mut Change<'_>, project_id: i64, role: Role, person_id: i64) -> Result<()> {
    change.insert(
        "roles",
        &[
            ("project_id", Value::Integer(project_id)),
            ("person_id", Value::Integer(person_id)),
            ("role", text(role.key())),
        ],
    )?;
    Ok(())
}

/// Inserts a project at the end of its stage's column with the next ref, its roles too.
pub(crate) fn insert_project(
    change: &mut Change<'_>,
    new: &NewProject,
) -> Result<(i64, ProjectRef)> {
    let title = require_title(&new.title)?;
    let stage = match &new.stage {
        Some(input) => find_stage(change, input)?,
        None => reads::stages_on(&change.tx)?
            .into_iter()
            .next()
            .ok_or_else(|| StoreError::invalid("the portfolio has no stages"))?,
    };
    let cohort = match &new.cohort {
        Some(name) => Value::Integer(cohort_id(change, name)?),
        None => Value::Null,
    };
    let reference = Store::take_next_ref(change)?;
    let position = next_position(change, stage.id)?;
    let now = text(&change.now);
    // People first, so the lead's name goes into the project's own row with it: one write
    // of the row, not a second to fill the name in.
    let mut roles = Vec::new();
    let mut lead_name = Value::Null;
    for (role, person) in [
        (Role::Lead, &new.lead),
        (Role::Sponsor, &new.sponsor),
        (Role::Coach, &new.coach),
    ] {
        if let Some(person) = person {
            let person_id = person_id(change, person)?;
            if role == Role::Lead {
                lead_name =
                    change.one("SELECT name FROM people WHERE id = ?1", [person_id], |r| {
                        r.get(0)
                    })?;
            }
            roles.push((role, person_id));
        }
    }
    let score = new
        .score
        .as_ref()
        .map_or(Value::Null, |(s, _)| Value::Integer(i64::from(s.halves())));
    let id = change.insert(
        "projects",
        &[
            ("ref_no", Value::Integer(i64::from(reference.0))),
            ("title", text(&title)),
            ("problem", text(&new.problem)),
            ("aim", text(&new.aim)),
            ("scope_in", text(&new.scope_in)),
            ("scope_out", text(&new.scope_out)),
            ("division", text(&new.division)),
            ("department", text(&new.department)),
            ("risks", text(&new.risks)),
            ("cohort_id", cohort),
            ("start_date", opt_date(new.start_date)),
            ("target_date", opt_date(new.target_date)),
            ("stage_id", Value::Integer(stage.id)),
            ("status", text(new.status.unwrap_or(Status::Active).key())),
            ("position", Value::Integer(position)),
            ("lead_name", lead_name),
            ("external_id", text(new.external_id.trim())),
            ("score", score.clone()),
            ("created", now.clone()),
            ("updated", now),
        ],
    )?;
    for (role, person_id) in roles {
        insert_role(change, id, role, person_id)?;
    }
    if let Some((_, why)) = &new.score {
        score_history_row(change, id, score, "", why)?;
    }
    Ok((id, reference))
}

/// One entry of a project's score history: when (now), the score, who and why.
pub(crate) fn score_history_row(
    change: &mut Change<'_>,
    project_id: i64,
    halves: Value,
    who: &str,
    why: &str,
) -> Result<()> {
    let now = text(&change.now);
    change.insert(
        "score_history",
        &[
            ("project_id", Value::Integer(project_id)),
            ("score", halves),
            ("at", now),
            ("who", text(who)),
            ("why", text(why)),
        ],
    )?;
    Ok(())
}

impl Store {
    /// Adds a project at the end of its stage's column and gives it the next ref.
    pub fn add_project(&mut self, new: &NewProject) -> Result<ProjectRef> {
        let title = require_title(&new.title)?;
        let mut change = self.begin()?;
        let (_, reference) = insert_project(&mut change, new)?;
        change.commit(&format!("{reference} added: {title}"), Some(reference.0))?;
        Ok(reference)
    }

    /// Changes charter fields; each is validated as the domain says, all or none are stored.
    pub fn edit_project(
        &mut self,
        reference: ProjectRef,
        fields: &[(CharterField, String)],
        expected_version: Option<i64>,
    ) -> Result<()> {
        if fields.is_empty() {
            return Err(StoreError::invalid(
                "nothing to change: give at least one field, e.g. --aim \"...\"",
            ));
        }
        let mut change = self.begin()?;
        let (id, version) = find_project(&change, reference)?;
        check_version(reference, version, expected_version)?;
        let mut columns = Vec::new();
        for (field, input) in fields {
            let value = match field {
                CharterField::Title => text(&require_title(input)?),
                CharterField::Cohort if input.trim().is_empty() => Value::Null,
                CharterField::Cohort => Value::Integer(cohort_id(&mut change, input)?),
                CharterField::StartDate | CharterField::TargetDate if input.trim().is_empty() => {
                    Value::Null
                }
                CharterField::StartDate | CharterField::TargetDate => {
                    text(&parse_date(input)?.to_string())
                }
                _ => text(input),
            };
            columns.push((column(*field), value));
        }
        touch(&mut change, id, &columns)?;
        let names: Vec<&str> = fields.iter().map(|(f, _)| f.words()).collect();
        change.commit(
            &format!("{reference} edited: {}", names.join(", ")),
            Some(reference.0),
        )
    }

    /// Moves a project to another stage (to the end of its column). Never asks: an exceeded
    /// WIP limit or unmet gateway items come back as warnings.
    pub fn move_project(
        &mut self,
        reference: ProjectRef,
        stage_input: &str,
        expected_version: Option<i64>,
    ) -> Result<MoveOutcome> {
        let mut change = self.begin()?;
        let (id, version) = find_project(&change, reference)?;
        check_version(reference, version, expected_version)?;
        let target = find_stage(&change, stage_input)?;
        let from_id: i64 =
            change.one("SELECT stage_id FROM projects WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
        if from_id == target.id {
            return Err(StoreError::invalid(format!(
                "{reference} is already in {}",
                target.name
            )));
        }
        let from = reads::stages_on(&change.tx)?
            .into_iter()
            .find(|s| s.id == from_id);
        let position = next_position(&change, target.id)?;
        touch(
            &mut change,
            id,
            &[
                ("stage_id", Value::Integer(target.id)),
                ("position", Value::Integer(position)),
            ],
        )?;
        let mut warnings = Vec::new();
        if let Some(limit) = target.wip_limit {
            let count: i64 = change.one(
                "SELECT count(*) FROM projects WHERE stage_id = ?1 AND status = 'active'",
                [target.id],
                |r| r.get(0),
            )?;
            if count > limit {
                warnings.push(MoveWarning::WipExceeded {
                    stage: target.name.clone(),
                    limit,
                    count,
                });
            }
        }
        if let Some(from) = from.filter(|f| f.position < target.position) {
            let items = super::gateway::unmet(&change, id, &from)?;
            if !items.is_empty() {
                warnings.push(MoveWarning::GatewayUnmet {
                    stage: from.name,
                    items,
                });
            }
        }
        change.commit(
            &format!("{reference} moved to {}", target.name),
            Some(reference.0),
        )?;
        Ok(MoveOutcome {
            stage: target.name,
            warnings,
        })
    }

    /// Moves a card up (`-1`) or down (`+1`) within its column; not a content update.
    /// Returns false when it is already at that end.
    pub fn reorder_project(&mut self, reference: ProjectRef, step: i64) -> Result<bool> {
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let (stage_id, position): (i64, i64) = change.one(
            "SELECT stage_id, position FROM projects WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let sql = if step < 0 {
            "SELECT id, position FROM projects WHERE stage_id = ?1 AND position < ?2
             ORDER BY position DESC LIMIT 1"
        } else {
            "SELECT id, position FROM projects WHERE stage_id = ?1 AND position > ?2
             ORDER BY position ASC LIMIT 1"
        };
        let neighbour: Option<(i64, i64)> = change
            .one(sql, [stage_id, position], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((other, other_position)) = neighbour else {
            return Ok(false);
        };
        change.update(
            "projects",
            id,
            &[("position", Value::Integer(other_position))],
        )?;
        change.update("projects", other, &[("position", Value::Integer(position))])?;
        let word = if step < 0 { "up" } else { "down" };
        change.commit(&format!("{reference} moved {word}"), Some(reference.0))?;
        Ok(true)
    }

    pub fn set_status(
        &mut self,
        reference: ProjectRef,
        status: Status,
        expected_version: Option<i64>,
    ) -> Result<()> {
        let mut change = self.begin()?;
        let (id, version) = find_project(&change, reference)?;
        check_version(reference, version, expected_version)?;
        touch(&mut change, id, &[("status", text(status.key()))])?;
        change.commit(
            &format!("{reference} status set to {}", status.label()),
            Some(reference.0),
        )
    }

    /// Sets (or clears) the progress score and keeps its history: when, who (the store's
    /// author when `who` is empty) and why.
    pub fn set_score(
        &mut self,
        reference: ProjectRef,
        score: Option<ProgressScore>,
        who: &str,
        why: &str,
        expected_version: Option<i64>,
    ) -> Result<()> {
        let mut change = self.begin()?;
        let (id, version) = find_project(&change, reference)?;
        check_version(reference, version, expected_version)?;
        let halves = score.map_or(Value::Null, |s| Value::Integer(i64::from(s.halves())));
        touch(&mut change, id, &[("score", halves.clone())])?;
        let who = if who.trim().is_empty() {
            change.author.clone()
        } else {
            who.trim().to_string()
        };
        score_history_row(&mut change, id, halves, &who, why)?;
        let shown = score.map_or("none".to_string(), |s| s.to_string());
        change.commit(&format!("{reference} scored {shown}"), Some(reference.0))
    }

    /// Gives a person a role on a project (a lead, sponsor or coach replaces the one before).
    pub fn assign(&mut self, reference: ProjectRef, role: Role, person: &str) -> Result<()> {
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        set_role(&mut change, id, role, person)?;
        touch(&mut change, id, &[])?;
        change.commit(
            &format!("{reference}: {} is {role}", person.trim()),
            Some(reference.0),
        )
    }

    /// Deletes a project and everything on it; undo brings all of it back.
    pub fn delete_project(
        &mut self,
        reference: ProjectRef,
        expected_version: Option<i64>,
    ) -> Result<()> {
        let mut change = self.begin()?;
        let (id, version) = find_project(&change, reference)?;
        check_version(reference, version, expected_version)?;
        change.update("projects", id, &[("main_measure_id", Value::Null)])?;
        for table in [
            "actions",
            "agenda_items",
            "pdsa_measures",
            "pdsa_cycles",
            "data_points",
            "rebases",
            "measures",
            "change_idea_drivers",
            "change_ideas",
        ] {
            change.delete_where(table, "project_id = ?1", id)?;
        }
        // Secondary drivers hang under primaries: delete children first.
        change.delete_where("drivers", "project_id = ?1 AND parent_id IS NOT NULL", id)?;
        for table in ["drivers", "roles", "score_history", "benefits", "notes"] {
            change.delete_where(table, "project_id = ?1", id)?;
        }
        change.delete("projects", id)?;
        change.commit(&format!("{reference} deleted"), Some(reference.0))
    }

    /// Adds a person to the portfolio's directory.
    pub fn add_person(&mut self, name: &str, email: Option<&str>, division: &str) -> Result<()> {
        let name = require_text("name", name)?;
        let mut change = self.begin()?;
        let exists: Option<i64> = change
            .one(
                "SELECT id FROM people WHERE lower(name) = lower(?1)",
                [name.trim()],
                |r| r.get(0),
            )
            .optional()?;
        if exists.is_some() {
            return Err(StoreError::invalid(format!(
                "{} is already in the portfolio",
                name.trim()
            )));
        }
        change.insert(
            "people",
            &[
                ("name", text(name.trim())),
                ("email", email.map_or(Value::Null, text)),
                ("division", text(division)),
            ],
        )?;
        change.commit(&format!("person added: {}", name.trim()), None)
    }

    pub fn add_cohort(
        &mut self,
        name: &str,
        programme: &str,
        start: Option<NaiveDate>,
    ) -> Result<()> {
        let name = require_text("name", name)?;
        let mut change = self.begin()?;
        let exists: Option<i64> = change
            .one(
                "SELECT id FROM cohorts WHERE lower(name) = lower(?1)",
                [name.trim()],
                |r| r.get(0),
            )
            .optional()?;
        if exists.is_some() {
            return Err(StoreError::invalid(format!(
                "cohort {} already exists",
                name.trim()
            )));
        }
        change.insert(
            "cohorts",
            &[
                ("name", text(name.trim())),
                ("programme", text(programme)),
                ("start_date", opt_date(start)),
            ],
        )?;
        change.commit(&format!("cohort added: {}", name.trim()), None)
    }
}
