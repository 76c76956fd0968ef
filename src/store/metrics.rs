//! Read models for the metrics pane and search: aggregates computed by SQL over the
//! projects' summary columns (and, for PDSA per month and benefits, one grouped scan).

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use super::Store;
use super::error::Result;
use super::reads::{FILTER_SQL, ProjectFilter};
use crate::domain::{ProgressScore, ProjectRef, Status};

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

impl StalledProject {
    /// Why it counts as stalled, in the words Metrics and reports use.
    pub fn reasons(&self) -> Vec<&'static str> {
        [
            (self.no_update, "no update"),
            (self.no_pdsa, "no PDSA"),
            (self.no_data, "no data"),
        ]
        .into_iter()
        .filter_map(|(is, why)| is.then_some(why))
        .collect()
    }
}

/// How far back Metrics looks for score movement, and reports by default.
pub const SCORE_WINDOW_DAYS: u64 = 90;

/// A project scored in a period: its score when the period began and now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoreMove {
    pub reference: ProjectRef,
    pub before: Option<ProgressScore>,
    pub now: Option<ProgressScore>,
}

impl ScoreMove {
    pub fn before_halves(&self) -> u8 {
        self.before.map_or(0, ProgressScore::halves)
    }

    pub fn now_halves(&self) -> u8 {
        self.now.map_or(0, ProgressScore::halves)
    }
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
    /// Open actions on each coach's projects: (open, of them overdue); "" is no coach.
    pub actions_by_coach: HashMap<String, (usize, usize)>,
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

    /// PDSA cycles started, and finished with a decision, on dates in `from..to`, of the
    /// projects `filter` selects: each a count over a range of a small date index (counting
    /// ranges beats grouping them).
    pub fn pdsa_counts(
        &self,
        filter: &ProjectFilter,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<(usize, usize)> {
        // The projects are joined only when a filter needs them.
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
        let mut args: Vec<rusqlite::types::Value> = self.filter_params(filter)?.to_vec();
        args.push(rusqlite::types::Value::Text(from.to_string()));
        args.push(rusqlite::types::Value::Text(to.to_string()));
        let count = |sql: String| -> Result<usize> {
            Ok(self
                .conn
                .prepare_cached(&sql)?
                .query_row(rusqlite::params_from_iter(args.iter()), |r| {
                    r.get::<_, i64>(0)
                })? as usize)
        };
        Ok((
            count(format!(
                "SELECT count(*) FROM pdsa_cycles pc {join}
                 WHERE {filter_sql} AND pc.start_date >= ?6 AND pc.start_date < ?7"
            ))?,
            count(format!(
                "SELECT count(*) FROM pdsa_cycles pc {join}
                 WHERE {filter_sql} AND pc.end_date >= ?6 AND pc.end_date < ?7
                   AND pc.act IS NOT NULL"
            ))?,
        ))
    }

    /// The projects `filter` selects that were scored on or after `since`, each with its
    /// score when that day began (none before it counts as none) and its score now: the
    /// score history in one scan, no sort.
    pub fn score_moves(&self, filter: &ProjectFilter, since: NaiveDate) -> Result<Vec<ScoreMove>> {
        let sql = format!(
            "SELECT p.id, p.ref_no, p.score FROM projects p
             LEFT JOIN cohorts c ON c.id = p.cohort_id WHERE {FILTER_SQL}"
        );
        let mut selected: HashMap<i64, (ProjectRef, Option<i64>)> = HashMap::new();
        {
            let mut stmt = self.conn.prepare_cached(&sql)?;
            let mut rows = stmt.query(self.filter_params(filter)?)?;
            while let Some(r) = rows.next()? {
                selected.insert(r.get(0)?, (ProjectRef(r.get(1)?), r.get(2)?));
            }
        }
        let since = since.to_string();
        #[derive(Default)]
        struct Seen {
            /// The latest entry before `since`: its (time, id) and score.
            before: Option<((String, i64), Option<i64>)>,
            after: bool,
        }
        let mut seen: HashMap<i64, Seen> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT project_id, id, score, at FROM score_history")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let project: i64 = r.get(0)?;
            if !selected.contains_key(&project) {
                continue;
            }
            let at: String = r.get(3)?;
            let entry = seen.entry(project).or_default();
            if at >= since {
                entry.after = true;
            } else {
                let key = (at, r.get::<_, i64>(1)?);
                if entry.before.as_ref().is_none_or(|(k, _)| key > *k) {
                    entry.before = Some((key, r.get(2)?));
                }
            }
        }
        let halves = |h: Option<i64>| h.and_then(|h| ProgressScore::from_halves(h).ok());
        let mut moves: Vec<ScoreMove> = seen
            .into_iter()
            .filter(|(_, s)| s.after)
            .filter_map(|(project, s)| {
                let (reference, now) = selected.get(&project)?;
                Some(ScoreMove {
                    reference: *reference,
                    before: halves(s.before.and_then(|(_, score)| score)),
                    now: halves(*now),
                })
            })
            .collect();
        moves.sort_by_key(|m| m.reference);
        Ok(moves)
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
        // One pass over the projects the filter selects, counted here: one scan instead of
        // one grouped query per panel.
        let mut by_stage: HashMap<i64, usize> = HashMap::new();
        let mut by_status: HashMap<String, usize> = HashMap::new();
        let mut by_division: HashMap<String, usize> = HashMap::new();
        let mut by_cohort: HashMap<String, usize> = HashMap::new();
        let mut by_coach: HashMap<String, usize> = HashMap::new();
        let sql = format!(
            "SELECT p.stage_id, p.status, p.division, c.name, {coach}, p.score
             FROM projects p LEFT JOIN cohorts c ON c.id = p.cohort_id WHERE {FILTER_SQL}",
            coach = super::reads::ROLE_NAME.replace("?role", "'coach'")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(params.clone())?;
        while let Some(r) = rows.next()? {
            *by_stage.entry(r.get(0)?).or_default() += 1;
            *by_status.entry(r.get(1)?).or_default() += 1;
            // No division, cohort or coach counts under "" (the panels say "(none)").
            *by_division.entry(r.get(2)?).or_default() += 1;
            let cohort: Option<String> = r.get(3)?;
            *by_cohort.entry(cohort.unwrap_or_default()).or_default() += 1;
            let coach: Option<String> = r.get(4)?;
            *by_coach.entry(coach.unwrap_or_default()).or_default() += 1;
            let score = r.get::<_, Option<i64>>(5)?.unwrap_or(0).clamp(0, 10);
            m.scores[score as usize] += 1;
        }
        for stage in self.stages()? {
            let n = by_stage.get(&stage.id).copied().unwrap_or(0);
            m.total += n;
            m.by_stage.push((stage.name, n));
        }
        m.by_status = Status::ALL
            .iter()
            .map(|s| (*s, by_status.get(s.key()).copied().unwrap_or(0)))
            .collect();
        m.by_division = most_first(by_division);
        m.by_cohort = most_first(by_cohort);
        m.by_coach = most_first(by_coach);

        let since = today
            .checked_sub_days(Days::new(SCORE_WINDOW_DAYS))
            .unwrap_or(today);
        for moved in self.score_moves(filter, since)? {
            match moved.now_halves().cmp(&moved.before_halves()) {
                std::cmp::Ordering::Greater => m.score_up += 1,
                std::cmp::Ordering::Less => m.score_down += 1,
                std::cmp::Ordering::Equal => m.score_same += 1,
            }
        }

        // Twelve months up to today; nothing after today counts (a cycle planned for next
        // week has not started).
        let tomorrow = today.succ_opt().unwrap_or(today);
        for back in (0..12).rev() {
            let from = month_start(today, back);
            let to = match back.checked_sub(1) {
                Some(next) => month_start(today, next).min(tomorrow),
                None => tomorrow,
            };
            let (started, finished) = self.pdsa_counts(filter, from, to)?;
            m.pdsa_by_month
                .push((from.to_string()[..7].to_string(), started, finished));
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
            "SELECT {coach}, count(*), count(CASE WHEN a.due_date < ?6 THEN 1 END)
             FROM actions a JOIN projects p ON p.id = a.project_id
             LEFT JOIN cohorts c ON c.id = p.cohort_id
             WHERE a.status = 'open' AND {FILTER_SQL} GROUP BY 1",
            coach = super::reads::ROLE_NAME.replace("?role", "'coach'")
        );
        let mut args: Vec<rusqlite::types::Value> = params.to_vec();
        args.push(rusqlite::types::Value::Text(today.to_string()));
        let mut stmt = self.conn.prepare_cached(&sql)?;
        m.actions_by_coach = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                let coach: Option<String> = r.get(0)?;
                let (open, overdue): (i64, i64) = (r.get(1)?, r.get(2)?);
                Ok((coach.unwrap_or_default(), (open as usize, overdue as usize)))
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

/// Counts as the panels list them: the most first, then by name.
fn most_first(counts: HashMap<String, usize>) -> Vec<(String, usize)> {
    let mut counted: Vec<(String, usize)> = counts.into_iter().collect();
    counted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counted
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
