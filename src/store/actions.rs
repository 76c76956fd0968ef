//! Actions teams promise: raised (in a session or not), edited, done or dropped; listed for
//! chasing, open and overdue first.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row};

use super::Store;
use super::change::Change;
use super::error::{Result, StoreError, Unknown};
use super::projects::{find_project, opt_date, person_id, text, touch};
use super::reads::date;
use super::sessions::{find_cohort, find_session};
use crate::domain::{Action, ActionStatus, ProjectRef, require_text};

/// A new action; its owner is a person (added when new).
#[derive(Debug, Clone, Default)]
pub struct NewAction {
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    /// The session it was raised in: a session number of the project's cohort.
    pub session: Option<i64>,
}

/// Something about an action that `action edit` can change.
#[derive(Debug, Clone, PartialEq)]
pub enum ActionField {
    Text(String),
    Owner(Option<String>),
    Due(Option<NaiveDate>),
}

/// Narrows `action list`; the fields combine with "and".
#[derive(Debug, Clone, Default)]
pub struct ActionFilter {
    pub project: Option<ProjectRef>,
    /// Only open actions.
    pub open: bool,
    /// Only open actions due before today.
    pub overdue: bool,
    /// Owners whose name contains this, in any case.
    pub owner: Option<String>,
    /// Actions on this cohort's projects.
    pub cohort: Option<String>,
}

const ACTION_SQL: &str = "
    SELECT p.ref_no, a.number, a.text, pe.name, a.due_date, a.status, a.created, a.closed_date,
           c.name, s.number
    FROM actions a JOIN projects p ON p.id = a.project_id
    LEFT JOIN people pe ON pe.id = a.person_id
    LEFT JOIN cohort_sessions s ON s.id = a.session_id
    LEFT JOIN cohorts c ON c.id = s.cohort_id";

fn action_from(r: &Row<'_>) -> rusqlite::Result<Action> {
    let cohort: Option<String> = r.get(8)?;
    let session: Option<i64> = r.get(9)?;
    Ok(Action {
        project: ProjectRef(r.get(0)?),
        number: r.get(1)?,
        text: r.get(2)?,
        owner: r.get(3)?,
        due: date(r.get(4)?),
        status: r.get::<_, String>(5)?.parse().unwrap_or(ActionStatus::Open),
        created: r.get(6)?,
        closed: date(r.get(7)?),
        session: cohort.zip(session),
    })
}

fn find_action(
    change: &Change<'_>,
    project: i64,
    reference: ProjectRef,
    number: i64,
) -> Result<i64> {
    change
        .one(
            "SELECT id FROM actions WHERE project_id = ?1 AND number = ?2",
            [project, number],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Unknown::Action { reference, number }.into())
}

fn owner_value(change: &mut Change<'_>, owner: Option<&str>) -> Result<Value> {
    Ok(match owner.map(str::trim).filter(|o| !o.is_empty()) {
        Some(name) => Value::Integer(person_id(change, name)?),
        None => Value::Null,
    })
}

impl Store {
    /// Raises an action with the project's next action number; returns that number.
    pub fn add_action(&mut self, reference: ProjectRef, new: &NewAction) -> Result<i64> {
        let said = require_text("action text", &new.text)?;
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let session = match new.session {
            None => Value::Null,
            Some(number) => {
                let cohort: Option<String> = change
                    .one(
                        "SELECT c.name FROM projects p JOIN cohorts c ON c.id = p.cohort_id
                     WHERE p.id = ?1",
                        [id],
                        |r| r.get(0),
                    )
                    .optional()?;
                let Some(cohort) = cohort else {
                    return Err(StoreError::invalid(format!(
                        "{reference} is in no cohort, so it has no session {number}"
                    )));
                };
                Value::Integer(find_session(&change.tx, &cohort, number)?.0)
            }
        };
        let owner = owner_value(&mut change, new.owner.as_deref())?;
        let number: i64 = change.one(
            "SELECT coalesce(max(number), 0) + 1 FROM actions WHERE project_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        let now = text(&change.now);
        change.insert(
            "actions",
            &[
                ("project_id", Value::Integer(id)),
                ("number", Value::Integer(number)),
                ("text", text(said.trim())),
                ("person_id", owner),
                ("due_date", opt_date(new.due)),
                ("status", text(ActionStatus::Open.key())),
                ("created", now),
                ("session_id", session),
            ],
        )?;
        touch(&mut change, id, &[])?;
        change.commit(
            &format!("{reference}: action {number} added: {}", said.trim()),
            Some(reference.0),
        )?;
        Ok(number)
    }

    /// Changes an action's text, owner or due date.
    pub fn edit_action(
        &mut self,
        reference: ProjectRef,
        number: i64,
        fields: &[ActionField],
    ) -> Result<()> {
        if fields.is_empty() {
            return Err(StoreError::invalid(
                "say what to change: --text, --owner or --due",
            ));
        }
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let action = find_action(&change, id, reference, number)?;
        let mut columns = Vec::new();
        for field in fields {
            columns.push(match field {
                ActionField::Text(said) => {
                    ("text", text(require_text("action text", said)?.trim()))
                }
                ActionField::Owner(owner) => {
                    ("person_id", owner_value(&mut change, owner.as_deref())?)
                }
                ActionField::Due(due) => ("due_date", opt_date(*due)),
            });
        }
        change.update("actions", action, &columns)?;
        touch(&mut change, id, &[])?;
        change.commit(
            &format!("{reference}: action {number} edited"),
            Some(reference.0),
        )
    }

    /// Marks an action done or dropped (closed today) or open again.
    pub fn set_action_status(
        &mut self,
        reference: ProjectRef,
        number: i64,
        status: ActionStatus,
    ) -> Result<()> {
        let today = self.clock.today();
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let action = find_action(&change, id, reference, number)?;
        let closed = match status {
            ActionStatus::Open => None,
            ActionStatus::Done | ActionStatus::Dropped => Some(today),
        };
        change.update(
            "actions",
            action,
            &[
                ("status", text(status.key())),
                ("closed_date", opt_date(closed)),
            ],
        )?;
        touch(&mut change, id, &[])?;
        let said = match status {
            ActionStatus::Open => "reopened",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        };
        change.commit(
            &format!("{reference}: action {number} {said}"),
            Some(reference.0),
        )
    }

    /// Actions matching the filter: open before closed, soonest due first, then by project.
    /// An owner or cohort that names nobody is refused, not answered with an empty list.
    pub fn actions(&self, filter: &ActionFilter) -> Result<Vec<Action>> {
        let project = match filter.project {
            Some(reference) => Some(self.project_id(reference)?),
            None => None,
        };
        let cohort = match &filter.cohort {
            Some(input) => Some(find_cohort(&self.conn, input)?.0),
            None => None,
        };
        let owner = filter.owner.as_deref().map(str::trim);
        if let Some(owner) = owner {
            let anyone: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM people WHERE instr(lower(name), lower(?1)) > 0)",
                [owner],
                |r| r.get(0),
            )?;
            if owner.is_empty() || !anyone {
                return Err(Unknown::Person(owner.to_string()).into());
            }
        }
        let sql = format!(
            "{ACTION_SQL}
             WHERE (?1 IS NULL OR a.project_id = ?1)
               AND (?2 = 0 OR a.status = 'open')
               AND (?3 IS NULL OR (a.status = 'open' AND a.due_date < ?3))
               AND (?4 IS NULL OR instr(lower(pe.name), lower(?4)) > 0)
               AND (?5 IS NULL OR p.cohort_id = ?5)
             ORDER BY a.status <> 'open', a.due_date IS NULL, a.due_date, p.ref_no, a.number"
        );
        let today = filter.overdue.then(|| self.clock.today().to_string());
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(
            rusqlite::params![project, filter.open, today, owner, cohort],
            action_from,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// A project's actions in the order they were raised (for Detail and `project show`).
    pub(crate) fn actions_of(&self, project: i64) -> Result<Vec<Action>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{ACTION_SQL} WHERE a.project_id = ?1 ORDER BY a.number"
        ))?;
        let rows = stmt.query_map([project], action_from)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
