//! Read models for the metrics pane and search: aggregates computed by SQL over the
//! projects' summary columns (and, for PDSA per month and benefits, one grouped scan).

use chrono::{Days, NaiveDate};

use super::Store;
use super::error::Result;
use super::reads::{FILTER_SQL, ProjectFilter};
use crate::domain::{ProjectRef, Status};

/// One project as search sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchItem {
    pub reference: ProjectRef,
    pub title: String,
    pub lead: Option<String>,
    pub coach: Option<String>,
    pub cohort: Option<String>,
    pub aim: String,
}

/// An active project that has gone quiet, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StalledProject {
    pub reference: ProjectRef,
    pub title: String,
    pub stage: String,
    pub updated: String,
    pub no_update: bool,
    pub no_pdsa: bool,
    pub no_data: bool,
}

/// "How is the portfolio doing", as the metrics pane shows it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PortfolioMetrics {
    pub total: usize,
    pub by_stage: Vec<(String, usize)>,
    pub by_status: Vec<(Status, usize)>,
    pub by_division: Vec<(String, usize)>,
    pub by_cohort: Vec<(String, usize)>,
    pub by_coach: Vec<(String, usize)>,
    /// Index 0: not scored yet; 1…10: the score in halves.
    pub scores: [usize; 11],
    /// Projects whose score went up, down or stayed in the last 90 days.
    pub score_up: usize,
    pub score_down: usize,
    pub score_same: usize,
    /// Last 12 months: (YYYY-MM, cycles started, cycles finished).
    pub pdsa_by_month: Vec<(String, usize, usize)>,
    pub stalled: Vec<StalledProject>,
    /// Benefits claimed: (kind, unit, total).
    pub benefits: Vec<(String, String, f64)>,
    pub stale_weeks: u32,
}

impl Store {
    pub fn search_items(&self) -> Result<Vec<SearchItem>> {
        let sql = format!(
            "SELECT p.ref_no, p.title, p.lead_name, {coach}, c.name, p.aim
             FROM projects p LEFT JOIN cohorts c ON c.id = p.cohort_id ORDER BY p.ref_no",
            coach = super::reads::ROLE_NAME.replace("?role", "'coach'")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], |r| {
            Ok(SearchItem {
                reference: ProjectRef(r.get(0)?),
                title: r.get(1)?,
                lead: r.get(2)?,
                coach: r.get(3)?,
                cohort: r.get(4)?,
                aim: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn grouped(&self, select: &str, filter: &ProjectFilter) -> Result<Vec<(String, usize)>> {
        let sql = format!(
            "SELECT CAST({select} AS TEXT) AS label, count(*) FROM projects p
             LEFT JOIN cohorts c ON c.id = p.cohort_id
             WHERE {FILTER_SQL} GROUP BY label ORDER BY count(*) DESC, label"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(self.filter_params(filter)?, |r| {
            Ok((
                r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                r.get::<_, i64>(1)? as usize,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The portfolio at a glance; `stale_weeks` sets when a project counts as stalled.
    pub fn portfolio_metrics(
        &self,
        filter: &ProjectFilter,
        today: NaiveDate,
        stale_weeks: u32,
    ) -> Result<PortfolioMetrics> {
        let params = self.filter_params(filter)?;
        let mut m = PortfolioMetrics {
            stale_weeks,
            ..Default::default()
        };
        let counts: std::collections::HashMap<String, usize> =
            self.grouped("p.stage_id", filter)?.into_iter().collect();
        for stage in self.stages()? {
            let n = counts.get(&stage.id.to_string()).copied().unwrap_or(0);
            m.total += n;
            m.by_stage.push((stage.name, n));
        }
        let statuses: std::collections::HashMap<String, usize> =
            self.grouped("p.status", filter)?.into_iter().collect();
        m.by_status = Status::ALL
            .iter()
            .map(|s| (*s, statuses.get(s.key()).copied().unwrap_or(0)))
            .collect();
        m.by_division = self.grouped("nullif(p.division, '')", filter)?;
        m.by_cohort = self.grouped("c.name", filter)?;
        m.by_coach = self.grouped(
            "(SELECT pe.name FROM roles r JOIN people pe ON pe.id = r.person_id
              WHERE r.project_id = p.id AND r.role = 'coach')",
            filter,
        )?;
        for (score, n) in self.grouped("p.score", filter)? {
            let i = score.parse::<usize>().unwrap_or(0).min(10);
            m.scores[i] += n;
        }

        let window = today
            .checked_sub_days(Days::new(90))
            .unwrap_or(today)
            .to_string();
        let sql = format!(
            "SELECT
               (SELECT s.score FROM score_history s WHERE s.project_id = p.id AND s.at < ?6
                ORDER BY s.at DESC, s.id DESC LIMIT 1),
               p.score
             FROM projects p LEFT JOIN cohorts c ON c.id = p.cohort_id
             WHERE {FILTER_SQL}
               AND EXISTS (SELECT 1 FROM score_history s WHERE s.project_id = p.id AND s.at >= ?6)"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut args: Vec<rusqlite::types::Value> = params.to_vec();
        args.push(rusqlite::types::Value::Text(window));
        let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
        while let Some(r) = rows.next()? {
            let before: Option<i64> = r.get(0)?;
            let now: Option<i64> = r.get(1)?;
            match (before.unwrap_or(0), now.unwrap_or(0)) {
                (b, n) if n > b => m.score_up += 1,
                (b, n) if n < b => m.score_down += 1,
                _ => m.score_same += 1,
            }
        }

        let months: Vec<(String, String)> = (0..12)
            .rev()
            .map(|back| {
                let from = month_start(today, back).to_string();
                // Nothing after today counts: a cycle planned to start next week has not
                // started yet.
                let tomorrow = today.succ_opt().unwrap_or(today).to_string();
                let to = match back.checked_sub(1) {
                    Some(next) => month_start(today, next).to_string().min(tomorrow),
                    None => tomorrow,
                };
                (from, to)
            })
            .collect();
        // Each month is a range of one of two small date indexes; the projects are joined
        // only when a filter needs them.
        let (join, filter_sql) = if filter.is_empty() {
            (
                "",
                "?1 IS NULL AND ?2 IS NULL AND ?3 IS NULL AND ?4 IS NULL AND ?5 IS NULL",
            )
        } else {
            (
                "JOIN projects p ON p.id = pc.project_id LEFT JOIN cohorts c ON c.id = p.cohort_id",
                FILTER_SQL,
            )
        };
        let started_sql = format!(
            "SELECT count(*) FROM pdsa_cycles pc {join}
             WHERE {filter_sql} AND pc.start_date >= ?6 AND pc.start_date < ?7"
        );
        let finished_sql = format!(
            "SELECT count(*) FROM pdsa_cycles pc {join}
             WHERE {filter_sql} AND pc.end_date >= ?6 AND pc.end_date < ?7 AND pc.act IS NOT NULL"
        );
        for (from, to) in months {
            let mut args: Vec<rusqlite::types::Value> = params.to_vec();
            args.push(rusqlite::types::Value::Text(from.clone()));
            args.push(rusqlite::types::Value::Text(to));
            let count = |sql: &str| -> Result<usize> {
                Ok(self
                    .conn
                    .prepare_cached(sql)?
                    .query_row(rusqlite::params_from_iter(args.iter()), |r| {
                        r.get::<_, i64>(0)
                    })? as usize)
            };
            let (started, finished) = (count(&started_sql)?, count(&finished_sql)?);
            m.pdsa_by_month.push((
                crate::clock::date_part(&from)[..7].to_string(),
                started,
                finished,
            ));
        }

        let cutoff = crate::domain::stale_cutoff(today, stale_weeks).to_string();
        let sql = format!(
            "SELECT p.ref_no, p.title, s.name, p.updated,
                    p.updated < ?6,
                    s.position >= 4 AND (p.last_pdsa IS NULL OR p.last_pdsa < ?6),
                    s.position >= 3 AND (p.last_data IS NULL OR p.last_data < ?6)
             FROM projects p JOIN stages s ON s.id = p.stage_id
             LEFT JOIN cohorts c ON c.id = p.cohort_id
             WHERE {FILTER_SQL} AND p.status = 'active'
               AND (p.updated < ?6
                    OR (s.position >= 4 AND (p.last_pdsa IS NULL OR p.last_pdsa < ?6))
                    OR (s.position >= 3 AND (p.last_data IS NULL OR p.last_data < ?6)))
             ORDER BY p.updated, p.ref_no"
        );
        let mut args: Vec<rusqlite::types::Value> = params.to_vec();
        args.push(rusqlite::types::Value::Text(cutoff));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        m.stalled = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                Ok(StalledProject {
                    reference: ProjectRef(r.get(0)?),
                    title: r.get(1)?,
                    stage: r.get(2)?,
                    updated: r.get(3)?,
                    no_update: r.get(4)?,
                    no_pdsa: r.get(5)?,
                    no_data: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;

        let sql = format!(
            "SELECT b.kind, b.unit, sum(b.amount) FROM benefits b
             JOIN projects p ON p.id = b.project_id LEFT JOIN cohorts c ON c.id = p.cohort_id
             WHERE {FILTER_SQL} GROUP BY b.kind, b.unit ORDER BY b.kind, b.unit"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        m.benefits = stmt
            .query_map(params.clone(), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(m)
    }
}

/// The first day of the month `back` months before `today`'s month.
fn month_start(today: NaiveDate, back: u32) -> NaiveDate {
    let months = today.year_month_index() - i64::from(back);
    NaiveDate::from_ymd_opt(
        months.div_euclid(12) as i32,
        (months.rem_euclid(12) + 1) as u32,
        1,
    )
    .unwrap_or(today)
}

trait YearMonth {
    fn year_month_index(&self) -> i64;
}

impl YearMonth for NaiveDate {
    fn year_month_index(&self) -> i64 {
        use chrono::Datelike;
        i64::from(self.year()) * 12 + i64::from(self.month0())
    }
}
