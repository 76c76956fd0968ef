//! Read models for screens and listings: each is a query, never a loop over children in the
//! caller. The board reads only the projects table's summary columns.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row};

use super::Store;
use super::error::{Result, StoreError};
use super::spc_summary::{parse_assurance, parse_variation};
use crate::clock::parse_time;
use crate::domain::{
    ActDecision, Benefit, BenefitKind, Cohort, DataPoint, Direction, Driver, DriverLevel, Measure,
    MeasureKind, Note, PdsaCycle, Person, ProgressScore, Project, ProjectRef, Rebase, Role, Stage,
    Status,
};
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
}

/// A column of the board: its stage and its cards in order.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardColumn {
    pub stage: Stage,
    pub cards: Vec<BoardCard>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TeamMember {
    pub role: Role,
    pub person: Person,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoreChange {
    pub score: Option<ProgressScore>,
    pub at: String,
    pub who: String,
    pub why: String,
}

/// A project with everything on it, for `project show` and the detail pane.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectDetail {
    pub project: Project,
    pub team: Vec<TeamMember>,
    pub scores: Vec<ScoreChange>,
    pub drivers: Vec<Driver>,
    pub change_ideas: Vec<crate::domain::ChangeIdea>,
    pub pdsa_cycles: Vec<PdsaCycle>,
    pub measures: Vec<Measure>,
    pub benefits: Vec<Benefit>,
    pub notes: Vec<Note>,
}

fn date(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok())
}

fn score(halves: Option<i64>) -> Option<ProgressScore> {
    halves.and_then(|h| ProgressScore::from_halves(h).ok())
}

fn icon<T>(text: Option<String>, parse: fn(&str) -> Option<T>) -> Option<T> {
    text.and_then(|t| parse(&t))
}

fn status(text: &str) -> Status {
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

const ROLE_NAME: &str = "(SELECT pe.name FROM roles r JOIN people pe ON pe.id = r.person_id
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
                    .ok_or_else(|| {
                        StoreError::invalid(format!(
                            "unknown stage {input:?}: use a stage's name, key or number (1-6)"
                        ))
                    })?
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
        let sql = format!(
            "SELECT p.ref_no, p.title, s.name, p.status, p.score, {lead}, {coach}, c.name,
                    p.division, p.updated, p.variation, p.assurance
             FROM projects p JOIN stages s ON s.id = p.stage_id
             LEFT JOIN cohorts c ON c.id = p.cohort_id
             WHERE {FILTER_SQL} ORDER BY p.ref_no",
            lead = "p.lead_name",
            coach = ROLE_NAME.replace("?role", "'coach'"),
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(self.filter_params(filter)?, |r| {
            Ok(ProjectRow {
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
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One card as the board shows it, with its stage: what the app re-reads after a change
    /// to one project instead of the whole board.
    pub fn board_card(&self, reference: ProjectRef) -> Result<Option<(i64, BoardCard)>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT p.stage_id, p.ref_no, p.title, p.lead_name, p.score, p.status, p.updated,
                        p.version, p.variation, p.assurance
                 FROM projects p WHERE p.ref_no = ?1",
            )?
            .query_row([reference.0], |r| Ok((r.get(0)?, card_from(r)?)))
            .optional()?)
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
                    p.version, p.variation, p.assurance
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
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(self.filter_params(filter)?)?;
        while let Some(r) = rows.next()? {
            let stage_id: i64 = r.get(0)?;
            let card = card_from(r)?;
            if let Some(column) = columns.iter_mut().find(|c| c.stage.id == stage_id) {
                column.cards.push(card);
            }
        }
        Ok(columns)
    }

    fn project_row(&self, reference: ProjectRef) -> Result<Project> {
        self.conn
            .query_row(
                "SELECT p.id, p.uuid, p.ref_no, p.title, p.problem, p.aim, p.scope_in, p.scope_out,
                        p.division, p.department, p.risks, c.name, p.start_date, p.target_date,
                        p.stage_id, s.name, p.status, p.position, p.score, p.created, p.updated,
                        p.version
                 FROM projects p JOIN stages s ON s.id = p.stage_id
                 LEFT JOIN cohorts c ON c.id = p.cohort_id WHERE p.ref_no = ?1",
                [reference.0],
                project_from,
            )
            .optional()?
            .ok_or_else(|| StoreError::invalid(format!("unknown project {reference}")))
    }

    /// A project with its team, scores, diagram, cycles, measures, benefits and notes.
    pub fn project_detail(&self, reference: ProjectRef) -> Result<ProjectDetail> {
        let project = self.project_row(reference)?;
        let id = project.id;
        let team = self.query_list(
            "SELECT r.role, pe.id, pe.name, pe.email, pe.division FROM roles r
             JOIN people pe ON pe.id = r.person_id WHERE r.project_id = ?1
             ORDER BY CASE r.role WHEN 'lead' THEN 0 WHEN 'sponsor' THEN 1 WHEN 'coach' THEN 2
                      ELSE 3 END, pe.name",
            id,
            |r| {
                Ok(TeamMember {
                    role: r.get::<_, String>(0)?.parse().unwrap_or(Role::Member),
                    person: Person {
                        id: r.get(1)?,
                        name: r.get(2)?,
                        email: r.get(3)?,
                        division: r.get(4)?,
                    },
                })
            },
        )?;
        let scores = self.query_list(
            "SELECT score, at, who, why FROM score_history WHERE project_id = ?1 ORDER BY id",
            id,
            |r| {
                Ok(ScoreChange {
                    score: score(r.get(0)?),
                    at: r.get(1)?,
                    who: r.get(2)?,
                    why: r.get(3)?,
                })
            },
        )?;
        let drivers = self.query_list(
            "SELECT id, level, parent_id, text FROM drivers WHERE project_id = ?1 ORDER BY id",
            id,
            |r| {
                Ok(Driver {
                    id: r.get(0)?,
                    level: DriverLevel::parse(&r.get::<_, String>(1)?)
                        .unwrap_or(DriverLevel::Primary),
                    parent_id: r.get(2)?,
                    text: r.get(3)?,
                })
            },
        )?;
        let change_ideas = self.query_list(
            "SELECT ci.id, ci.title, ci.description,
                    (SELECT group_concat(driver_id) FROM change_idea_drivers d
                     WHERE d.change_idea_id = ci.id)
             FROM change_ideas ci WHERE ci.project_id = ?1 ORDER BY ci.id",
            id,
            |r| {
                let ids: Option<String> = r.get(3)?;
                Ok(crate::domain::ChangeIdea {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    description: r.get(2)?,
                    driver_ids: ids
                        .unwrap_or_default()
                        .split(',')
                        .filter_map(|i| i.parse().ok())
                        .collect(),
                })
            },
        )?;
        let pdsa_cycles = self.pdsa_cycles_of(id)?;
        let measures = self.measures_of(id)?;
        let benefits = self.query_list(
            "SELECT id, kind, amount, unit, note, claimed_date FROM benefits
             WHERE project_id = ?1 ORDER BY claimed_date, id",
            id,
            |r| {
                Ok(Benefit {
                    id: r.get(0)?,
                    kind: r.get::<_, String>(1)?.parse().unwrap_or(BenefitKind::Other),
                    amount: r.get(2)?,
                    unit: r.get(3)?,
                    note: r.get(4)?,
                    claimed_date: date(r.get(5)?).unwrap_or_default(),
                })
            },
        )?;
        let notes = self.query_list(
            "SELECT id, text, created FROM notes WHERE project_id = ?1 ORDER BY id",
            id,
            |r| {
                Ok(Note {
                    id: r.get(0)?,
                    text: r.get(1)?,
                    created: parse_time(&r.get::<_, String>(2)?).unwrap_or_default(),
                })
            },
        )?;
        Ok(ProjectDetail {
            project,
            team,
            scores,
            drivers,
            change_ideas,
            pdsa_cycles,
            measures,
            benefits,
            notes,
        })
    }

    fn query_list<T>(
        &self,
        sql: &str,
        id: i64,
        map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt.query_map([id], map)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(crate) fn project_id(&self, reference: ProjectRef) -> Result<i64> {
        self.conn
            .query_row(
                "SELECT id FROM projects WHERE ref_no = ?1",
                [reference.0],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::invalid(format!("unknown project {reference}")))
    }

    /// A project's PDSA cycles, grouped by change idea, each with its place in the ramp.
    pub fn pdsa_cycles(&self, reference: ProjectRef) -> Result<Vec<PdsaCycle>> {
        let id = self.project_id(reference)?;
        self.pdsa_cycles_of(id)
    }

    fn pdsa_cycles_of(&self, id: i64) -> Result<Vec<PdsaCycle>> {
        self.query_list(
            "SELECT c.id, c.number, ci.title,
                    row_number() OVER (PARTITION BY c.change_idea_id ORDER BY c.number),
                    count(*) OVER (PARTITION BY c.change_idea_id),
                    c.objective, c.predictions, c.plan, c.do_notes, c.study, c.act, c.next_step,
                    c.start_date, c.end_date,
                    (SELECT group_concat(m.name, char(31)) FROM pdsa_measures pm
                     JOIN measures m ON m.id = pm.measure_id WHERE pm.pdsa_id = c.id),
                    c.version
             FROM pdsa_cycles c JOIN change_ideas ci ON ci.id = c.change_idea_id
             WHERE c.project_id = ?1 ORDER BY ci.id, c.number",
            id,
            |r| {
                let measures: Option<String> = r.get(14)?;
                Ok(PdsaCycle {
                    id: r.get(0)?,
                    number: r.get(1)?,
                    change_idea: r.get(2)?,
                    ramp_position: r.get(3)?,
                    ramp_length: r.get(4)?,
                    objective: r.get(5)?,
                    predictions: r.get(6)?,
                    plan: r.get(7)?,
                    do_notes: r.get(8)?,
                    study: r.get(9)?,
                    act: r
                        .get::<_, Option<String>>(10)?
                        .and_then(|a| a.parse::<ActDecision>().ok()),
                    next_step: r.get(11)?,
                    start_date: date(r.get(12)?),
                    end_date: date(r.get(13)?),
                    measures: measures
                        .map(|m| m.split('\u{1f}').map(str::to_string).collect())
                        .unwrap_or_default(),
                    version: r.get(15)?,
                })
            },
        )
    }

    pub fn measures(&self, reference: ProjectRef) -> Result<Vec<Measure>> {
        let id = self.project_id(reference)?;
        self.measures_of(id)
    }

    fn measures_of(&self, id: i64) -> Result<Vec<Measure>> {
        let mut measures = self.query_list(
            "SELECT m.id, m.name, m.kind, m.definition, m.unit, m.source, m.frequency,
                    m.direction, m.target,
                    (SELECT count(*) FROM data_points d WHERE d.measure_id = m.id),
                    (SELECT max(date) FROM data_points d WHERE d.measure_id = m.id), m.version
             FROM measures m WHERE m.project_id = ?1 ORDER BY m.id",
            id,
            |r| {
                Ok(Measure {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: r
                        .get::<_, String>(2)?
                        .parse()
                        .unwrap_or(MeasureKind::Outcome),
                    definition: r.get(3)?,
                    unit: r.get(4)?,
                    source: r.get(5)?,
                    frequency: r.get(6)?,
                    direction: r
                        .get::<_, String>(7)?
                        .parse()
                        .unwrap_or(Direction::Increase),
                    target: r.get(8)?,
                    rebases: Vec::new(),
                    points: r.get(9)?,
                    last_date: date(r.get(10)?),
                    version: r.get(11)?,
                })
            },
        )?;
        for measure in &mut measures {
            measure.rebases = self.query_list(
                "SELECT date, reason FROM rebases WHERE measure_id = ?1 ORDER BY date",
                measure.id,
                |r| {
                    Ok(Rebase {
                        date: date(r.get(0)?).unwrap_or_default(),
                        reason: r.get(1)?,
                    })
                },
            )?;
        }
        Ok(measures)
    }

    /// One measure's data, oldest first (loaded only when that measure is shown).
    pub fn data_points(&self, reference: ProjectRef, measure: &str) -> Result<Vec<DataPoint>> {
        let id = self.project_id(reference)?;
        let measure_id: i64 = self
            .conn
            .query_row(
                "SELECT id FROM measures WHERE project_id = ?1 AND lower(name) = lower(?2)",
                rusqlite::params![id, measure.trim()],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| {
                StoreError::invalid(format!("{reference} has no measure {measure:?}"))
            })?;
        self.query_list(
            "SELECT date, value, annotation FROM data_points WHERE measure_id = ?1 ORDER BY date",
            measure_id,
            |r| {
                Ok(DataPoint {
                    date: date(r.get(0)?).unwrap_or_default(),
                    value: r.get(1)?,
                    annotation: r.get(2)?,
                })
            },
        )
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
    })
}

fn project_from(r: &Row<'_>) -> rusqlite::Result<Project> {
    Ok(Project {
        id: r.get(0)?,
        uuid: r.get(1)?,
        reference: ProjectRef(r.get(2)?),
        title: r.get(3)?,
        problem: r.get(4)?,
        aim: r.get(5)?,
        scope_in: r.get(6)?,
        scope_out: r.get(7)?,
        division: r.get(8)?,
        department: r.get(9)?,
        risks: r.get(10)?,
        cohort: r.get(11)?,
        start_date: date(r.get(12)?),
        target_date: date(r.get(13)?),
        stage_id: r.get(14)?,
        stage_name: r.get(15)?,
        status: status(&r.get::<_, String>(16)?),
        position: r.get(17)?,
        score: score(r.get(18)?),
        created: parse_time(&r.get::<_, String>(19)?).unwrap_or_default(),
        updated: parse_time(&r.get::<_, String>(20)?).unwrap_or_default(),
        version: r.get(21)?,
    })
}
