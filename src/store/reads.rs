//! Read models for screens and listings: each is a query, never a loop over children in the
//! caller. The board reads only the projects table's summary columns.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};

use super::Store;
use super::error::{Result, StoreError, Unknown};
use super::spc_summary::{parse_assurance, parse_variation};
use crate::domain::{Cohort, Person, ProgressScore, ProjectRef, Stage, Status};
use crate::spc::{Assurance, Variation};

/// Narrows listings; every field is optional and they combine with "and". Cohort, coach and
/// division match any part of the name in any case (`priya` finds Priya Raman).
#[derive(Debug, Clone, Default)]
pub struct ProjectFilter {
    pub stage: Option<String>,
    pub status: Option<Status>,
    pub cohort: Option<String>,
    pub coach: Option<String>,
    pub division: Option<String>,
}

/// A line of `project list`.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectRow {
    pub reference: ProjectRef,
    pub title: String,
    pub stage: String,
    pub status: Status,
    pub score: Option<ProgressScore>,
    pub lead: Option<String>,
    pub coach: Option<String>,
    pub cohort: Option<String>,
    pub division: String,
    pub updated: String,
    /// The main measure's variation icon (`None`: no main measure or under two points).
    pub variation: Option<Variation>,
    /// The main measure's assurance icon (`None`: no target, neutral, or no data).
    pub assurance: Option<Assurance>,
}

/// A card on the board.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardCard {
    pub reference: ProjectRef,
    pub title: String,
    pub lead: Option<String>,
    pub score: Option<ProgressScore>,
    pub status: Status,
    pub updated: String,
    pub version: i64,
    /// The main measure's variation icon, from the summary column (`variation.badge()`).
    pub variation: Option<Variation>,
    /// The main measure's assurance icon, from the summary column (`assurance.badge()`).
    pub assurance: Option<Assurance>,
    /// Open actions past their due date: what a coach chases first.
    pub overdue_actions: usize,
}

/// A column of the board: its stage and its cards in order.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardColumn {
    pub stage: Stage,
    pub cards: Vec<BoardCard>,
}

pub(super) fn date(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok())
}

pub(super) fn score(halves: Option<i64>) -> Option<ProgressScore> {
    halves.and_then(|h| ProgressScore::from_halves(h).ok())
}

pub(super) fn icon<T>(text: Option<String>, parse: fn(&str) -> Option<T>) -> Option<T> {
    text.and_then(|t| parse(&t))
}

pub(super) fn status(text: &str) -> Status {
    text.parse().unwrap_or(Status::Active)
}

pub(crate) fn stages_on(conn: &Connection) -> Result<Vec<Stage>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, key, name, position, wip_limit, gateway FROM stages ORDER BY position",
    )?;
    let rows = stmt.query_map([], |r| {
        let gateway: String = r.get(5)?;
        Ok(Stage {
            id: r.get(0)?,
            key: r.get(1)?,
            name: r.get(2)?,
            position: r.get(3)?,
            wip_limit: r.get(4)?,
            gateway: serde_json::from_str(&gateway).unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The filter as SQL conditions over `p` (projects), `s` (stages), `c` (cohorts).
pub(crate) const FILTER_SQL: &str = "
    (?1 IS NULL OR p.stage_id = ?1)
    AND (?2 IS NULL OR p.status = ?2)
    AND (?3 IS NULL OR instr(lower(c.name), lower(?3)) > 0)
    AND (?4 IS NULL OR EXISTS (SELECT 1 FROM roles r JOIN people pe ON pe.id = r.person_id
                               WHERE r.project_id = p.id AND r.role = 'coach'
                               AND instr(lower(pe.name), lower(?4)) > 0))
    AND (?5 IS NULL OR instr(lower(p.division), lower(?5)) > 0)";

pub(crate) const ROLE_NAME: &str =
    "(SELECT pe.name FROM roles r JOIN people pe ON pe.id = r.person_id
                          WHERE r.project_id = p.id AND r.role = ?role)";

impl ProjectFilter {
    /// True when nothing narrows the listing.
    pub fn is_empty(&self) -> bool {
        self.stage.is_none()
            && self.status.is_none()
            && self.cohort.is_none()
            && self.coach.is_none()
            && self.division.is_none()
    }
}

impl Store {
    pub fn stages(&self) -> Result<Vec<Stage>> {
        stages_on(&self.conn)
    }

    /// The stages' uuids in board order: how a loaded document (the demo) refers to them.
    pub fn stage_uuids(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT uuid FROM stages ORDER BY position")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(crate) fn filter_params(
        &self,
        filter: &ProjectFilter,
    ) -> Result<[rusqlite::types::Value; 5]> {
        use rusqlite::types::Value;
        let stage = match &filter.stage {
            None => Value::Null,
            Some(input) => Value::Integer(
                self.stages()?
                    .into_iter()
                    .find(|s| s.matches(input))
                    .ok_or_else(|| StoreError::from(Unknown::Stage(input.clone())))?
                    .id,
            ),
        };
        let text = |t: &Option<String>| t.clone().map_or(Value::Null, Value::Text);
        Ok([
            stage,
            filter
                .status
                .map_or(Value::Null, |s| Value::Text(s.key().into())),
            text(&filter.cohort),
            text(&filter.coach),
            text(&filter.division),
        ])
    }

    /// Every project (all statuses) matching the filter, ordered by ref.
    pub fn list_projects(&self, filter: &ProjectFilter) -> Result<Vec<ProjectRow>> {
        let rows = self.project_rows(
            &format!("LEFT JOIN cohorts c ON c.id = p.cohort_id WHERE {FILTER_SQL}"),
            "p.ref_no",
            "",
            self.filter_params(filter)?,
        )?;
        Ok(rows.into_iter().map(|(row, _)| row).collect())
    }

    /// Project rows chosen by `joins_and_where` (over `p`, projects, and `s`, stages), in
    /// `order`; `extra` may add one whole-number column, returned beside each row.
    pub(crate) fn project_rows(
        &self,
        joins_and_where: &str,
        order: &str,
        extra: &str,
        params: impl rusqlite::Params,
    ) -> Result<Vec<(ProjectRow, Option<i64>)>> {
        let sql = format!(
            "SELECT p.ref_no, p.title, s.name, p.status, p.score, {lead}, {coach},
                    (SELECT name FROM cohorts WHERE id = p.cohort_id),
                    p.division, p.updated, p.variation, p.assurance {extra}
             FROM projects p JOIN stages s ON s.id = p.stage_id
             {joins_and_where} ORDER BY {order}",
            lead = "p.lead_name",
            coach = ROLE_NAME.replace("?role", "'coach'"),
            extra = if extra.is_empty() { ", NULL" } else { extra },
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params, |r| {
            Ok((
                ProjectRow {
                    reference: ProjectRef(r.get(0)?),
                    title: r.get(1)?,
                    stage: r.get(2)?,
                    status: status(&r.get::<_, String>(3)?),
                    score: score(r.get(4)?),
                    lead: r.get(5)?,
                    coach: r.get(6)?,
                    cohort: r.get(7)?,
                    division: r.get(8)?,
                    updated: r.get(9)?,
                    variation: icon(r.get(10)?, parse_variation),
                    assurance: icon(r.get(11)?, parse_assurance),
                },
                r.get(12)?,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One card as the board shows it, with its stage: what the app re-reads after a change
    /// to one project instead of the whole board.
    pub fn board_card(&self, reference: ProjectRef) -> Result<Option<(i64, BoardCard)>> {
        let card = self
            .conn
            .prepare_cached(
                "SELECT p.stage_id, p.ref_no, p.title, p.lead_name, p.score, p.status, p.updated,
                        p.version, p.variation, p.assurance, p.id
                 FROM projects p WHERE p.ref_no = ?1",
            )?
            .query_row([reference.0], |r| {
                Ok((r.get(0)?, r.get::<_, i64>(10)?, card_from(r)?))
            })
            .optional()?;
        let Some((stage, id, mut card)) = card else {
            return Ok(None);
        };
        let overdue: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM actions
             WHERE project_id = ?1 AND status = 'open' AND due_date < ?2",
            )?
            .query_row(
                rusqlite::params![id, self.clock().today().to_string()],
                |r| r.get(0),
            )?;
        card.overdue_actions = overdue as usize;
        Ok(Some((stage, card)))
    }

    /// How many overdue actions each project has (by ref number), today by the store's
    /// clock: one read over the open actions' index, beside the board's own.
    fn overdue_by_project(&self) -> Result<std::collections::HashMap<i64, usize>> {
        let today = self.clock().today().to_string();
        // By project id, from the index alone: no project row is read.
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.project_id, count(*) FROM actions a
             WHERE a.status = 'open' AND a.due_date < ?1 GROUP BY a.project_id",
        )?;
        let rows = stmt.query_map([today], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The board: one column per stage, cards in their stored order.
    pub fn board(&self, filter: &ProjectFilter) -> Result<Vec<BoardColumn>> {
        let mut columns: Vec<BoardColumn> = self
            .stages()?
            .into_iter()
            .map(|stage| BoardColumn {
                stage,
                cards: Vec::new(),
            })
            .collect();
        let sql = format!(
            "SELECT p.stage_id, p.ref_no, p.title, p.lead_name, p.score, p.status, p.updated,
                    p.version, p.variation, p.assurance, p.id
             FROM projects p {}
             ORDER BY p.stage_id, p.position",
            // Unfiltered, the board reads only the covering index `board_cards`.
            if filter.is_empty() {
                "WHERE ?1 IS NULL AND ?2 IS NULL AND ?3 IS NULL AND ?4 IS NULL AND ?5 IS NULL"
                    .to_string()
            } else {
                format!("LEFT JOIN cohorts c ON c.id = p.cohort_id WHERE {FILTER_SQL}")
            }
        );
        let overdue = self.overdue_by_project()?;
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(self.filter_params(filter)?)?;
        while let Some(r) = rows.next()? {
            let stage_id: i64 = r.get(0)?;
            let mut card = card_from(r)?;
            card.overdue_actions = overdue.get(&r.get(10)?).copied().unwrap_or(0);
            if let Some(column) = columns.iter_mut().find(|c| c.stage.id == stage_id) {
                column.cards.push(card);
            }
        }
        Ok(columns)
    }

    pub fn people(&self) -> Result<Vec<Person>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name, email, division FROM people ORDER BY name, id")?;
        let rows = stmt.query_map([], |r| {
            Ok(Person {
                id: r.get(0)?,
                name: r.get(1)?,
                email: r.get(2)?,
                division: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn cohorts(&self) -> Result<Vec<Cohort>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, name, programme, start_date FROM cohorts ORDER BY start_date, name",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Cohort {
                id: r.get(0)?,
                name: r.get(1)?,
                programme: r.get(2)?,
                start_date: date(r.get(3)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// A card from columns 1…9 of the board queries (column 0 is the stage).
fn card_from(r: &Row<'_>) -> rusqlite::Result<BoardCard> {
    Ok(BoardCard {
        reference: ProjectRef(r.get(1)?),
        title: r.get(2)?,
        lead: r.get(3)?,
        score: score(r.get(4)?),
        status: status(&r.get::<_, String>(5)?),
        updated: r.get(6)?,
        version: r.get(7)?,
        variation: icon(r.get(8)?, parse_variation),
        assurance: icon(r.get(9)?, parse_assurance),
        overdue_actions: 0,
    })
}
