//! Cohort sessions: planning one (its default agenda), the order teams present in, who
//! attended, who is enrolled; and the read models of a session and of a cohort.

use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension};

use super::Store;
use super::change::Change;
use super::error::{Result, StoreError, Unknown};
use super::projects::{find_project, person_id, text};
use super::reads::{ProjectRow, date};
use crate::domain::{Cohort, CohortSession, ProjectRef, require_text};

/// A team on a session's agenda, in presenting order.
#[derive(Debug, Clone, PartialEq)]
pub struct AgendaTeam {
    pub project: ProjectRow,
    /// Passed over in the session: kept for the summary as "not covered".
    pub skipped: bool,
}

/// Someone's attendance at a session, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendance {
    pub name: String,
    pub present: bool,
}

/// A session with its agenda and attendance, for `session show` and the Session pane.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionDetail {
    pub session: CohortSession,
    pub programme: String,
    pub agenda: Vec<AgendaTeam>,
    pub attendance: Vec<Attendance>,
}

/// Someone in a cohort: a lead of one of its projects, or enrolled explicitly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub name: String,
    /// The cohort's projects this person leads.
    pub leads: Vec<ProjectRef>,
    pub enrolled: bool,
    /// Numbers of the sessions this person was recorded present at.
    pub attended: Vec<i64>,
}

/// A cohort with its people, sessions and projects, for `cohort show`.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortOverview {
    pub cohort: Cohort,
    pub participants: Vec<Participant>,
    pub sessions: Vec<CohortSession>,
    pub projects: Vec<ProjectRow>,
}

/// A cohort named exactly (any case), else by the one name that contains what was typed
/// ("cohort 7"): long names are not retyped in a room. Never adds one.
pub(crate) fn find_cohort(conn: &Connection, input: &str) -> Result<(i64, String)> {
    let typed = input.trim();
    let exact: Option<(i64, String)> = conn
        .prepare_cached("SELECT id, name FROM cohorts WHERE lower(name) = lower(?1)")?
        .query_row([typed], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some(found) = exact {
        return Ok(found);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT id, name FROM cohorts WHERE ?1 <> '' AND instr(lower(name), lower(?1)) > 0
         ORDER BY name",
    )?;
    let mut found: Vec<(i64, String)> = stmt
        .query_map([typed], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(Unknown::Cohort(typed.to_string()).into()),
        _ => Err(StoreError::invalid(format!(
            "cohort {typed:?} could be any of: {}; say which",
            found
                .iter()
                .map(|(_, n)| n.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// A session's row id and its cohort's id and name, or a clear refusal naming what is missing.
pub(crate) fn find_session(
    conn: &Connection,
    cohort: &str,
    number: i64,
) -> Result<(i64, i64, String)> {
    let (cohort_id, name) = find_cohort(conn, cohort)?;
    let id: Option<i64> = conn
        .prepare_cached("SELECT id FROM cohort_sessions WHERE cohort_id = ?1 AND number = ?2")?
        .query_row([cohort_id, number], |r| r.get(0))
        .optional()?;
    match id {
        Some(id) => Ok((id, cohort_id, name)),
        None => Err(Unknown::Session {
            cohort: name,
            number,
        }
        .into()),
    }
}

/// A person already in the portfolio: their id and their name as the portfolio spells it.
fn existing_person(change: &Change<'_>, name: &str) -> Result<(i64, String)> {
    change
        .one(
            "SELECT id, name FROM people WHERE lower(name) = lower(?1) ORDER BY id LIMIT 1",
            [name.trim()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| Unknown::Person(name.trim().to_string()).into())
}

/// The cohort's projects that present by default: active or on hold, in board order.
fn default_agenda(conn: &Connection, cohort_id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id FROM projects p JOIN stages s ON s.id = p.stage_id
         WHERE p.cohort_id = ?1 AND p.status IN ('active', 'on_hold')
         ORDER BY s.position, p.position",
    )?;
    let ids = stmt
        .query_map([cohort_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

fn session_from(cohort: String) -> impl Fn(&rusqlite::Row<'_>) -> rusqlite::Result<CohortSession> {
    move |r| {
        Ok(CohortSession {
            cohort: cohort.clone(),
            number: r.get(0)?,
            date: date(r.get(1)?).unwrap_or_default(),
            title: r.get(2)?,
            minutes: r.get(3)?,
        })
    }
}

impl Store {
    /// Plans a cohort's next session, its agenda the cohort's active and on-hold projects in
    /// board order. The cohort must exist: a typo must not start a new cohort.
    pub fn add_session(
        &mut self,
        cohort: &str,
        on: NaiveDate,
        title: &str,
        minutes: u32,
    ) -> Result<CohortSession> {
        let mut change = self.begin()?;
        let (cohort_id, name) = find_cohort(&change.tx, cohort)?;
        let number: i64 = change.one(
            "SELECT coalesce(max(number), 0) + 1 FROM cohort_sessions WHERE cohort_id = ?1",
            [cohort_id],
            |r| r.get(0),
        )?;
        let session = change.insert(
            "cohort_sessions",
            &[
                ("cohort_id", Value::Integer(cohort_id)),
                ("number", Value::Integer(number)),
                ("date", text(&on.to_string())),
                ("title", text(title.trim())),
                ("minutes", Value::Integer(i64::from(minutes))),
            ],
        )?;
        for (i, project) in default_agenda(&change.tx, cohort_id)?
            .into_iter()
            .enumerate()
        {
            insert_agenda_item(&mut change, session, project, i + 1, false)?;
        }
        change.commit(&format!("{name} session {number} planned for {on}"), None)?;
        Ok(CohortSession {
            cohort: name,
            number,
            date: on,
            title: title.trim().to_string(),
            minutes,
        })
    }

    /// Sets the order teams present in: these projects, in this order (a team left out is
    /// off the agenda). Each must be in the session's cohort.
    pub fn set_agenda(&mut self, cohort: &str, number: i64, teams: &[ProjectRef]) -> Result<()> {
        let mut change = self.begin()?;
        let (session, cohort_id, name) = find_session(&change.tx, cohort, number)?;
        let mut seen = Vec::new();
        let mut projects = Vec::new();
        for reference in teams {
            let (project, _) = find_project(&change, *reference)?;
            let in_cohort: Option<i64> = change.one(
                "SELECT cohort_id FROM projects WHERE id = ?1",
                [project],
                |r| r.get(0),
            )?;
            if in_cohort != Some(cohort_id) {
                return Err(StoreError::invalid(format!(
                    "{reference} is not in {name}: only its projects present at its sessions"
                )));
            }
            if seen.contains(reference) {
                return Err(StoreError::invalid(format!(
                    "{reference} is named twice: a team presents once"
                )));
            }
            seen.push(*reference);
            projects.push(project);
        }
        let kept: Vec<(i64, i64, bool)> = {
            let mut stmt = change.tx.prepare_cached(
                "SELECT id, project_id, skipped FROM agenda_items WHERE session_id = ?1",
            )?;
            stmt.query_map([session], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        // Positions are unique only in meaning: clear them all, then lay the new order down.
        for (item, project, _) in &kept {
            if !projects.contains(project) {
                change.delete("agenda_items", *item)?;
            }
        }
        for (i, project) in projects.iter().enumerate() {
            let position = Value::Integer(i as i64 + 1);
            match kept.iter().find(|(_, p, _)| p == project) {
                Some((item, _, _)) => {
                    change.update("agenda_items", *item, &[("position", position)])?
                }
                None => {
                    insert_agenda_item(&mut change, session, *project, i + 1, false)?;
                }
            }
        }
        change.commit(&format!("{name} session {number}: agenda set"), None)
    }

    /// Marks a team on the agenda as passed over (or back on): the summary says "not covered".
    pub fn skip_team(
        &mut self,
        cohort: &str,
        number: i64,
        team: ProjectRef,
        skipped: bool,
    ) -> Result<()> {
        let mut change = self.begin()?;
        let (session, _, name) = find_session(&change.tx, cohort, number)?;
        let (project, _) = find_project(&change, team)?;
        let item: i64 = change
            .one(
                "SELECT id FROM agenda_items WHERE session_id = ?1 AND project_id = ?2",
                [session, project],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| {
                StoreError::invalid(format!(
                    "{team} is not on the agenda of {name} session {number}"
                ))
            })?;
        change.update(
            "agenda_items",
            item,
            &[("skipped", Value::Integer(i64::from(skipped)))],
        )?;
        let said = if skipped {
            "not covered"
        } else {
            "back on the agenda"
        };
        change.commit(
            &format!("{name} session {number}: {team} {said}"),
            Some(team.0),
        )
    }

    /// Records people present or absent at a session, as one change. Each must already be
    /// in the portfolio: attendance counts towards accreditation, so a typo must not invent
    /// someone. `newcomers` are the exception a register makes on purpose: each is enrolled
    /// in the cohort (added to the portfolio if new) and marked present, in the same change.
    pub fn attend(
        &mut self,
        cohort: &str,
        number: i64,
        marks: &[(String, bool)],
        newcomers: &[String],
    ) -> Result<()> {
        if marks.is_empty() && newcomers.is_empty() {
            return Err(StoreError::invalid("name at least one person"));
        }
        let mut change = self.begin()?;
        let (session, cohort_id, name) = find_session(&change.tx, cohort, number)?;
        let mut present = Vec::new();
        let mut absent = Vec::new();
        for (person, here) in marks {
            let (person, spelt) = existing_person(&change, person)?;
            mark(&mut change, session, person, *here)?;
            if *here {
                present.push(spelt);
            } else {
                absent.push(spelt);
            }
        }
        let mut enrolled = Vec::new();
        for newcomer in newcomers {
            let spelt = require_text("person name", newcomer)?.trim().to_string();
            let person = person_id(&mut change, &spelt)?;
            enrol_one(&mut change, cohort_id, person)?;
            mark(&mut change, session, person, true)?;
            present.push(spelt.clone());
            enrolled.push(spelt);
        }
        let mut said = Vec::new();
        if !present.is_empty() {
            said.push(format!("{} present", present.join(", ")));
        }
        if !absent.is_empty() {
            said.push(format!("{} absent", absent.join(", ")));
        }
        if !enrolled.is_empty() {
            said.push(format!("{} enrolled", enrolled.join(", ")));
        }
        change.commit(
            &format!("{name} session {number}: {}", said.join("; ")),
            None,
        )
    }

    /// Enrols people in a cohort (adding anyone new to the portfolio); someone already in it
    /// stays as they are. Returns the cohort's name.
    pub fn enrol(&mut self, cohort: &str, people: &[String]) -> Result<String> {
        if people.is_empty() {
            return Err(StoreError::invalid("name at least one person"));
        }
        let mut change = self.begin()?;
        let (cohort_id, name) = find_cohort(&change.tx, cohort)?;
        for person in people {
            require_text("person name", person)?;
            let person = person_id(&mut change, person)?;
            enrol_one(&mut change, cohort_id, person)?;
        }
        let people: Vec<&str> = people.iter().map(|p| p.trim()).collect();
        change.commit(&format!("{name}: enrolled {}", people.join(", ")), None)?;
        Ok(name)
    }

    /// Sessions in date order, of one cohort or of all.
    pub fn sessions(&self, cohort: Option<&str>) -> Result<Vec<CohortSession>> {
        let cohort_id = match cohort {
            Some(input) => Some(find_cohort(&self.conn, input)?.0),
            None => None,
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.number, s.date, s.title, s.minutes, c.name
             FROM cohort_sessions s JOIN cohorts c ON c.id = s.cohort_id
             WHERE ?1 IS NULL OR s.cohort_id = ?1
             ORDER BY s.date, c.name, s.number",
        )?;
        let rows = stmt.query_map([cohort_id], |r| session_from(r.get(4)?)(r))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One session with its agenda (in presenting order) and attendance (by name).
    pub fn session_detail(&self, cohort: &str, number: i64) -> Result<SessionDetail> {
        let (id, cohort_id, name) = find_session(&self.conn, cohort, number)?;
        let session = self.conn.query_row(
            "SELECT number, date, title, minutes FROM cohort_sessions WHERE id = ?1",
            [id],
            session_from(name),
        )?;
        let programme: String = self.conn.query_row(
            "SELECT programme FROM cohorts WHERE id = ?1",
            [cohort_id],
            |r| r.get(0),
        )?;
        let rows = self.project_rows(
            "JOIN agenda_items a ON a.project_id = p.id WHERE a.session_id = ?1",
            "a.position",
            ", a.skipped",
            [id],
        )?;
        let agenda = rows
            .into_iter()
            .map(|(project, skipped)| AgendaTeam {
                project,
                skipped: skipped.is_some_and(|s| s != 0),
            })
            .collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT pe.name, a.present FROM attendance a JOIN people pe ON pe.id = a.person_id
             WHERE a.session_id = ?1 ORDER BY pe.name",
        )?;
        let attendance = stmt
            .query_map([id], |r| {
                Ok(Attendance {
                    name: r.get(0)?,
                    present: r.get::<_, i64>(1)? != 0,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(SessionDetail {
            session,
            programme,
            agenda,
            attendance,
        })
    }

    /// A cohort's participants (its projects' leads and those enrolled) with the sessions
    /// each attended, its sessions, and its projects.
    pub fn cohort_overview(&self, cohort: &str) -> Result<CohortOverview> {
        let (id, _) = find_cohort(&self.conn, cohort)?;
        let found = self
            .cohorts()?
            .into_iter()
            .find(|c| c.id == id)
            .ok_or_else(|| Unknown::Cohort(cohort.trim().to_string()))?;
        let sessions = self.sessions(Some(&found.name))?;
        let projects = self
            .project_rows("WHERE p.cohort_id = ?1", "p.ref_no", "", [id])?
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT pe.id, pe.name,
                    (SELECT group_concat(p.ref_no) FROM roles r JOIN projects p ON p.id = r.project_id
                     WHERE r.person_id = pe.id AND r.role = 'lead' AND p.cohort_id = ?1),
                    EXISTS (SELECT 1 FROM enrolments e WHERE e.person_id = pe.id AND e.cohort_id = ?1),
                    (SELECT group_concat(s.number) FROM attendance a
                     JOIN cohort_sessions s ON s.id = a.session_id
                     WHERE a.person_id = pe.id AND a.present = 1 AND s.cohort_id = ?1)
             FROM people pe
             WHERE pe.id IN (SELECT person_id FROM enrolments WHERE cohort_id = ?1)
                OR pe.id IN (SELECT r.person_id FROM roles r JOIN projects p ON p.id = r.project_id
                             WHERE r.role = 'lead' AND p.cohort_id = ?1)
             ORDER BY pe.name, pe.id",
        )?;
        let numbers = |list: Option<String>| -> Vec<i64> {
            let mut n: Vec<i64> = list
                .unwrap_or_default()
                .split(',')
                .filter_map(|x| x.parse().ok())
                .collect();
            n.sort_unstable();
            n
        };
        let participants = stmt
            .query_map([id], |r| {
                Ok(Participant {
                    name: r.get(1)?,
                    leads: numbers(r.get(2)?)
                        .into_iter()
                        .filter_map(|n| u32::try_from(n).ok().map(ProjectRef))
                        .collect(),
                    enrolled: r.get(3)?,
                    attended: numbers(r.get(4)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(CohortOverview {
            cohort: found,
            participants,
            sessions,
            projects,
        })
    }
}

fn insert_agenda_item(
    change: &mut Change<'_>,
    session: i64,
    project: i64,
    position: usize,
    skipped: bool,
) -> Result<i64> {
    change.insert(
        "agenda_items",
        &[
            ("session_id", Value::Integer(session)),
            ("project_id", Value::Integer(project)),
            ("position", Value::Integer(position as i64)),
            ("skipped", Value::Integer(i64::from(skipped))),
        ],
    )
}

/// Someone's mark at a session, replacing the one recorded before.
fn mark(change: &mut Change<'_>, session: i64, person: i64, present: bool) -> Result<()> {
    let mark = Value::Integer(i64::from(present));
    let row: Option<i64> = change
        .one(
            "SELECT id FROM attendance WHERE session_id = ?1 AND person_id = ?2",
            [session, person],
            |r| r.get(0),
        )
        .optional()?;
    match row {
        Some(row) => change.update("attendance", row, &[("present", mark)])?,
        None => {
            change.insert(
                "attendance",
                &[
                    ("session_id", Value::Integer(session)),
                    ("person_id", Value::Integer(person)),
                    ("present", mark),
                ],
            )?;
        }
    }
    Ok(())
}

/// Enrols someone in a cohort unless they already are.
fn enrol_one(change: &mut Change<'_>, cohort: i64, person: i64) -> Result<()> {
    let enrolled: Option<i64> = change
        .one(
            "SELECT id FROM enrolments WHERE cohort_id = ?1 AND person_id = ?2",
            [cohort, person],
            |r| r.get(0),
        )
        .optional()?;
    if enrolled.is_none() {
        change.insert(
            "enrolments",
            &[
                ("cohort_id", Value::Integer(cohort)),
                ("person_id", Value::Integer(person)),
            ],
        )?;
    }
    Ok(())
}
