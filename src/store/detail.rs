//! The read model of one project with everything on it, for `project show` and the detail
//! pane: charter, team, scores, driver diagram, PDSA ramps, measures and their data,
//! benefits, notes, actions, and the current stage's gateway checklist.

use rusqlite::{OptionalExtension, Row};

use super::Store;
use super::error::{Result, StoreError, Unknown};
use super::gateway::{GatewayItem, checklist, ticked};
use super::reads::{date, score, stages_on, status};
use crate::clock::parse_time;
use crate::domain::{
    ActDecision, Benefit, BenefitKind, DataPoint, Direction, Driver, DriverLevel, Measure,
    MeasureKind, Note, PdsaCycle, Person, ProgressScore, Project, ProjectRef, Rebase, Role,
};

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
    /// What the team promised, in the order raised.
    pub actions: Vec<crate::domain::Action>,
    /// The current stage's checklist, with what this project has met.
    pub gateway: Vec<GatewayItem>,
}

impl Store {
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
            .ok_or_else(|| StoreError::from(Unknown::Project(reference)))
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
        let met: String = self.conn.query_row(
            "SELECT gateway_met FROM projects WHERE id = ?1",
            [id],
            |r| r.get(0),
        )?;
        let facts = super::gateway::facts(&self.conn, id)?;
        let gateway = stages_on(&self.conn)?
            .into_iter()
            .find(|s| s.id == project.stage_id)
            .map(|stage| checklist(&stage, &ticked(&met), &facts))
            .unwrap_or_default();
        let actions = self.actions_of(id)?;
        Ok(ProjectDetail {
            actions,
            project,
            gateway,
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
            .ok_or_else(|| StoreError::from(Unknown::Project(reference)))
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
    /// A project's main measure and its points, oldest first (`None` without one): what a
    /// report charts for the project.
    pub fn main_measure_series(
        &self,
        reference: ProjectRef,
    ) -> Result<Option<(Measure, Vec<DataPoint>)>> {
        let Some(name) = self.main_measure(reference)? else {
            return Ok(None);
        };
        let Some(measure) = self
            .measures(reference)?
            .into_iter()
            .find(|m| m.name == name)
        else {
            return Ok(None);
        };
        let points = self.data_points(reference, &name)?;
        Ok(Some((measure, points)))
    }

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
                StoreError::from(Unknown::Measure {
                    reference,
                    name: measure.to_string(),
                })
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
