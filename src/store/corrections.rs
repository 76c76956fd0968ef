//! Putting right what was added: renaming and deleting a project's measures, drivers and
//! change ideas, editing and deleting its benefits and notes, taking a person off its team;
//! renaming people and cohorts, and merging two spellings of one person. Each is one change
//! (one transaction, one history row, one undo) and keeps the cards current.

use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use rusqlite::types::Value;

use super::Store;
use super::change::Change;
use super::error::{Result, StoreError, Unknown};
use super::projects::{find_project, text, touch};
use super::spc_summary::refresh_spc_summary;
use super::work::{find_measure, finite, refresh_last_data};
use crate::domain::{BenefitKind, ProjectRef, Role, require_text};

/// A benefit's field to change (`benefit edit`, the app's benefit form).
#[derive(Debug, Clone, PartialEq)]
pub enum BenefitField {
    Kind(BenefitKind),
    Amount(f64),
    Unit(String),
    Note(String),
    Claimed(NaiveDate),
}

/// The id of the driver whose text is `name` (any level, any case).
fn find_driver(
    change: &Change<'_>,
    project_id: i64,
    reference: ProjectRef,
    name: &str,
) -> Result<i64> {
    change
        .one(
            "SELECT id FROM drivers WHERE project_id = ?1 AND lower(text) = lower(?2)
             ORDER BY id LIMIT 1",
            rusqlite::params![project_id, name.trim()],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| {
            StoreError::from(Unknown::Driver {
                reference,
                name: name.to_string(),
                primary: false,
            })
        })
}

fn find_idea(
    change: &Change<'_>,
    project_id: i64,
    reference: ProjectRef,
    title: &str,
) -> Result<i64> {
    change
        .one(
            "SELECT id FROM change_ideas WHERE project_id = ?1 AND lower(title) = lower(?2)",
            rusqlite::params![project_id, title.trim()],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| {
            StoreError::from(Unknown::ChangeIdea {
                reference,
                title: title.to_string(),
            })
        })
}

/// The id of the `number`th row (from 1) of a project's list, in the order Detail and
/// `project show` list it.
fn nth(
    change: &Change<'_>,
    sql: &str,
    project_id: i64,
    number: usize,
    unknown: Unknown,
) -> Result<i64> {
    let offset = i64::try_from(number).unwrap_or(i64::MAX).saturating_sub(1);
    if number == 0 {
        return Err(unknown.into());
    }
    change
        .one(sql, [project_id, offset], |r| r.get(0))
        .optional()?
        .ok_or_else(|| unknown.into())
}

const BENEFIT_SQL: &str = "SELECT id FROM benefits WHERE project_id = ?1
                           ORDER BY claimed_date, id LIMIT 1 OFFSET ?2";
const NOTE_SQL: &str = "SELECT id FROM notes WHERE project_id = ?1 ORDER BY id LIMIT 1 OFFSET ?2";

impl Store {
    /// Deletes a measure with its data, rebases and links to PDSA cycles; a main measure
    /// leaves the card to the next one.
    pub fn delete_measure(&mut self, reference: ProjectRef, name: &str) -> Result<()> {
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let measure = find_measure(&change, id, reference, name)?;
        let main: Option<i64> = change.one(
            "SELECT main_measure_id FROM projects WHERE id = ?1",
            [id],
            |r| r.get(0),
        )?;
        if main == Some(measure) {
            change.update("projects", id, &[("main_measure_id", Value::Null)])?;
        }
        for table in ["pdsa_measures", "data_points", "rebases"] {
            change.delete_where(table, "measure_id = ?1", measure)?;
        }
        change.delete("measures", measure)?;
        touch(&mut change, id, &[])?;
        refresh_last_data(&mut change, id)?;
        refresh_spc_summary(&mut change, id)?;
        change.commit(
            &format!("{reference}: measure deleted: {}", name.trim()),
            Some(reference.0),
        )
    }

    /// Renames a driver (primary or secondary).
    pub fn rename_driver(&mut self, reference: ProjectRef, name: &str, to: &str) -> Result<()> {
        let to = require_text("driver", to)?;
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let driver = find_driver(&change, id, reference, name)?;
        change.update("drivers", driver, &[("text", text(to.trim()))])?;
        touch(&mut change, id, &[])?;
        change.commit(
            &format!(
                "{reference}: driver renamed: {} → {}",
                name.trim(),
                to.trim()
            ),
            Some(reference.0),
        )
    }

    /// Deletes a driver, the secondary drivers under it and their links to change ideas
    /// (the ideas stay).
    pub fn delete_driver(&mut self, reference: ProjectRef, name: &str) -> Result<()> {
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let driver = find_driver(&change, id, reference, name)?;
        change.delete_where(
            "change_idea_drivers",
            "driver_id IN (SELECT id FROM drivers WHERE id = ?1 OR parent_id = ?1)",
            driver,
        )?;
        change.delete_where("drivers", "parent_id = ?1", driver)?;
        change.delete("drivers", driver)?;
        touch(&mut change, id, &[])?;
        change.commit(
            &format!("{reference}: driver deleted: {}", name.trim()),
            Some(reference.0),
        )
    }

    /// Renames a change idea; its PDSA cycles follow it.
    pub fn rename_change_idea(
        &mut self,
        reference: ProjectRef,
        title: &str,
        to: &str,
    ) -> Result<()> {
        let to = require_text("change idea", to)?;
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let idea = find_idea(&change, id, reference, title)?;
        if find_idea(&change, id, reference, &to).is_ok_and(|other| other != idea) {
            return Err(StoreError::invalid(format!(
                "{reference} already has a change idea {:?}",
                to.trim()
            )));
        }
        change.update("change_ideas", idea, &[("title", text(to.trim()))])?;
        touch(&mut change, id, &[])?;
        change.commit(
            &format!(
                "{reference}: change idea renamed: {} → {}",
                title.trim(),
                to.trim()
            ),
            Some(reference.0),
        )
    }

    /// Deletes a change idea no PDSA cycle tests (a tested one is the team's record).
    pub fn delete_change_idea(&mut self, reference: ProjectRef, title: &str) -> Result<()> {
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let idea = find_idea(&change, id, reference, title)?;
        let cycles: Vec<i64> = {
            let mut statement = change.tx.prepare_cached(
                "SELECT number FROM pdsa_cycles WHERE change_idea_id = ?1 ORDER BY number",
            )?;
            let rows = statement.query_map([idea], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        if !cycles.is_empty() {
            let named: Vec<String> = cycles.iter().map(|n| format!("PDSA {n}")).collect();
            return Err(StoreError::invalid(format!(
                "{} is tested by {}: a tested idea stays on the record",
                title.trim(),
                named.join(", ")
            )));
        }
        change.delete_where("change_idea_drivers", "change_idea_id = ?1", idea)?;
        change.delete("change_ideas", idea)?;
        touch(&mut change, id, &[])?;
        change.commit(
            &format!("{reference}: change idea deleted: {}", title.trim()),
            Some(reference.0),
        )
    }

    /// Changes the `number`th benefit (from 1, as `project show` lists them).
    pub fn edit_benefit(
        &mut self,
        reference: ProjectRef,
        number: usize,
        fields: &[BenefitField],
    ) -> Result<()> {
        if fields.is_empty() {
            return Err(StoreError::invalid(
                "nothing to change: give at least one field",
            ));
        }
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let benefit = nth(
            &change,
            BENEFIT_SQL,
            id,
            number,
            Unknown::Benefit { reference, number },
        )?;
        let mut columns = Vec::new();
        for field in fields {
            columns.push(match field {
                BenefitField::Kind(k) => ("kind", text(k.key())),
                BenefitField::Amount(a) => ("amount", Value::Real(finite("amount", *a)?)),
                BenefitField::Unit(u) => ("unit", text(u.trim())),
                BenefitField::Note(n) => ("note", text(n.trim())),
                BenefitField::Claimed(d) => ("claimed_date", text(&d.to_string())),
            });
        }
        change.update("benefits", benefit, &columns)?;
        touch(&mut change, id, &[])?;
        change.commit(
            &format!("{reference}: benefit {number} edited"),
            Some(reference.0),
        )
    }

    pub fn delete_benefit(&mut self, reference: ProjectRef, number: usize) -> Result<()> {
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let benefit = nth(
            &change,
            BENEFIT_SQL,
            id,
            number,
            Unknown::Benefit { reference, number },
        )?;
        change.delete("benefits", benefit)?;
        touch(&mut change, id, &[])?;
        change.commit(
            &format!("{reference}: benefit {number} deleted"),
            Some(reference.0),
        )
    }

    /// Rewrites the `number`th note (from 1, oldest first); it keeps its date.
    pub fn edit_note(&mut self, reference: ProjectRef, number: usize, note: &str) -> Result<()> {
        let note = require_text("note", note)?;
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let row = nth(
            &change,
            NOTE_SQL,
            id,
            number,
            Unknown::Note { reference, number },
        )?;
        change.update("notes", row, &[("text", text(&note))])?;
        touch(&mut change, id, &[])?;
        change.commit(
            &format!("{reference}: note {number} edited"),
            Some(reference.0),
        )
    }

    pub fn delete_note(&mut self, reference: ProjectRef, number: usize) -> Result<()> {
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let row = nth(
            &change,
            NOTE_SQL,
            id,
            number,
            Unknown::Note { reference, number },
        )?;
        change.delete("notes", row)?;
        touch(&mut change, id, &[])?;
        change.commit(
            &format!("{reference}: note {number} deleted"),
            Some(reference.0),
        )
    }

    /// Takes a person's role on a project away (the person stays in the portfolio).
    pub fn unassign(&mut self, reference: ProjectRef, role: Role, person: &str) -> Result<()> {
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let row: Option<i64> = change
            .one(
                "SELECT r.id FROM roles r JOIN people p ON p.id = r.person_id
                 WHERE r.project_id = ?1 AND r.role = ?2 AND lower(p.name) = lower(?3)",
                rusqlite::params![id, role.key(), person.trim()],
                |r| r.get(0),
            )
            .optional()?;
        let Some(row) = row else {
            return Err(Unknown::Role {
                reference,
                role,
                person: person.trim().to_string(),
            }
            .into());
        };
        change.delete("roles", row)?;
        let lead = if role == Role::Lead {
            vec![("lead_name", Value::Null)]
        } else {
            Vec::new()
        };
        touch(&mut change, id, &lead)?;
        change.commit(
            &format!("{reference}: {} is no longer {role}", person.trim()),
            Some(reference.0),
        )
    }
}

impl Store {
    /// Renames a person everywhere they are named; a name someone else has is refused (two
    /// spellings of one person are merged instead).
    pub fn rename_person(&mut self, name: &str, to: &str) -> Result<()> {
        let to = require_text("name", to)?;
        let mut change = self.begin()?;
        let id = find_person(&change, name)?;
        if find_person(&change, &to).is_ok_and(|other| other != id) {
            return Err(StoreError::invalid(format!(
                "{} is already in the portfolio: merge the two instead",
                to.trim()
            )));
        }
        change.update("people", id, &[("name", text(to.trim()))])?;
        refresh_lead_names(&mut change, id, to.trim())?;
        change.commit(
            &format!("person renamed: {} → {}", name.trim(), to.trim()),
            None,
        )
    }

    /// Two spellings of one person become one: `from`'s roles go to `into` (a role `into`
    /// already has is not doubled) and `from` leaves the portfolio.
    pub fn merge_people(&mut self, from: &str, into: &str) -> Result<()> {
        let mut change = self.begin()?;
        let from_id = find_person(&change, from)?;
        let into_id = find_person(&change, into)?;
        if from_id == into_id {
            return Err(StoreError::invalid(format!(
                "{} and {} are the same person",
                from.trim(),
                into.trim()
            )));
        }
        let roles: Vec<(i64, i64, String)> = {
            let mut statement = change
                .tx
                .prepare_cached("SELECT id, project_id, role FROM roles WHERE person_id = ?1")?;
            let rows = statement.query_map([from_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (role_id, project_id, role) in roles {
            let held: Option<i64> = change
                .one(
                    "SELECT id FROM roles WHERE project_id = ?1 AND person_id = ?2 AND role = ?3",
                    rusqlite::params![project_id, into_id, role],
                    |r| r.get(0),
                )
                .optional()?;
            if held.is_some() {
                change.delete("roles", role_id)?;
            } else {
                change.update("roles", role_id, &[("person_id", Value::Integer(into_id))])?;
            }
        }
        // Actions follow their owner; a cohort or session `into` is already in keeps one row.
        let owned: Vec<i64> = ids_where(&change, "actions", "person_id", from_id)?;
        for action in owned {
            change.update("actions", action, &[("person_id", Value::Integer(into_id))])?;
        }
        for (table, within) in [("enrolments", "cohort_id"), ("attendance", "session_id")] {
            for row in ids_where(&change, table, "person_id", from_id)? {
                let held: Option<i64> = change
                    .one(
                        &format!(
                            "SELECT b.id FROM {table} a JOIN {table} b ON b.{within} = a.{within}
                             WHERE a.id = ?1 AND b.person_id = ?2"
                        ),
                        [row, into_id],
                        |r| r.get(0),
                    )
                    .optional()?;
                match held {
                    Some(_) => change.delete(table, row)?,
                    None => change.update(table, row, &[("person_id", Value::Integer(into_id))])?,
                }
            }
        }
        let name: String = change.one("SELECT name FROM people WHERE id = ?1", [into_id], |r| {
            r.get(0)
        })?;
        refresh_lead_names(&mut change, into_id, &name)?;
        change.delete("people", from_id)?;
        change.commit(&format!("person merged: {} into {name}", from.trim()), None)
    }

    /// Renames a cohort (its projects follow it).
    pub fn rename_cohort(&mut self, name: &str, to: &str) -> Result<()> {
        let to = require_text("cohort name", to)?;
        let mut change = self.begin()?;
        let find = |change: &Change<'_>, name: &str| -> Result<Option<i64>> {
            Ok(change
                .one(
                    "SELECT id FROM cohorts WHERE lower(name) = lower(?1)",
                    [name.trim()],
                    |r| r.get(0),
                )
                .optional()?)
        };
        let id = find(&change, name)?
            .ok_or_else(|| StoreError::from(Unknown::Cohort(name.trim().to_string())))?;
        if find(&change, &to)?.is_some_and(|other| other != id) {
            return Err(StoreError::invalid(format!(
                "cohort {} already exists",
                to.trim()
            )));
        }
        change.update("cohorts", id, &[("name", text(to.trim()))])?;
        change.commit(
            &format!("cohort renamed: {} → {}", name.trim(), to.trim()),
            None,
        )
    }
}

/// Ids of a table's rows whose `column` is `value`.
fn ids_where(change: &Change<'_>, table: &str, column: &str, value: i64) -> Result<Vec<i64>> {
    let mut statement = change.tx.prepare_cached(&format!(
        "SELECT id FROM {table} WHERE {column} = ?1 ORDER BY id"
    ))?;
    let rows = statement.query_map([value], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn find_person(change: &Change<'_>, name: &str) -> Result<i64> {
    change
        .one(
            "SELECT id FROM people WHERE lower(name) = lower(?1) ORDER BY id LIMIT 1",
            [name.trim()],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Unknown::Person(name.trim().to_string()).into())
}

/// The board shows a lead's name from the project's own row: keep it when the name changes.
fn refresh_lead_names(change: &mut Change<'_>, person: i64, name: &str) -> Result<()> {
    let projects: Vec<i64> = {
        let mut statement = change.tx.prepare_cached(
            "SELECT project_id FROM roles WHERE person_id = ?1 AND role = 'lead'",
        )?;
        let rows = statement.query_map([person], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for project in projects {
        change.update("projects", project, &[("lead_name", text(name))])?;
    }
    Ok(())
}
