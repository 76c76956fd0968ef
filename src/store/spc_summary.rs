//! The SPC summary a card shows: each project's *main measure* (the one marked with
//! `measure main`, else its first outcome measure) and that measure's variation and assurance
//! icons, kept in `projects.variation` / `projects.assurance` by the transaction that changes
//! the measure's data or settings. Nothing here runs SPC at read time: the board and the
//! metrics pane read the columns.
//! A measure is read as [`crate::measure_reading`] reads it, as the app and the command line do.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use rusqlite::types::Value;

use super::Store;
use super::change::Change;
use super::error::Result;
use super::reads::{FILTER_SQL, ProjectFilter};
use crate::domain::{Direction, ProjectRef};
use crate::measure_reading::{analyse_series, options_from};
use crate::spc::{Assurance, Variation, XmrResult};

/// The variation icon's stored name (`"improvement_low"` …), read back.
pub fn parse_variation(text: &str) -> Option<Variation> {
    use Variation::*;
    [
        CommonCause,
        ImprovementHigh,
        ImprovementLow,
        ConcernHigh,
        ConcernLow,
        NeutralHigh,
        NeutralLow,
    ]
    .into_iter()
    .find(|v| v.as_str() == text)
}

/// The assurance icon's stored name (`"pass"`, `"fail"`, `"hit_and_miss"`), read back.
pub fn parse_assurance(text: &str) -> Option<Assurance> {
    [Assurance::Pass, Assurance::Fail, Assurance::HitAndMiss]
        .into_iter()
        .find(|a| a.as_str() == text)
}

/// SQL for a project's main measure id over `p` (projects): the marked one, else the first
/// outcome measure by id.
const MAIN_MEASURE_SQL: &str = "coalesce(p.main_measure_id,
    (SELECT min(m.id) FROM measures m WHERE m.project_id = p.id AND m.kind = 'outcome'))";

/// The two columns for one analysis (both NULL without one).
fn columns(result: Option<&XmrResult>) -> [(&'static str, Value); 2] {
    let text = |s: &str| Value::Text(s.to_string());
    [
        (
            "variation",
            result.map_or(Value::Null, |r| text(r.variation.as_str())),
        ),
        (
            "assurance",
            result
                .and_then(|r| r.assurance)
                .map_or(Value::Null, |a| text(a.as_str())),
        ),
    ]
}

/// Recomputes one project's summary columns inside `change` from its main measure's points
/// only; writes (and records for undo) only when they differ.
pub(crate) fn refresh_spc_summary(change: &mut Change<'_>, project_id: i64) -> Result<()> {
    let main: Option<(i64, String, Option<f64>)> = change
        .tx
        .query_row(
            &format!(
                "SELECT m.id, m.direction, m.target FROM projects p
                 JOIN measures m ON m.id = {MAIN_MEASURE_SQL} WHERE p.id = ?1"
            ),
            [project_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let result = match main {
        None => None,
        Some((measure_id, direction, target)) => {
            let rebase_dates = {
                let mut stmt = change
                    .tx
                    .prepare_cached("SELECT date FROM rebases WHERE measure_id = ?1")?;
                let rows = stmt.query_map([measure_id], |r| r.get::<_, String>(0))?;
                rows.filter_map(|d| d.ok().and_then(|d| parse_date(&d)))
                    .collect()
            };
            let (dates, values) = {
                let mut stmt = change.tx.prepare_cached(
                    "SELECT date, value FROM data_points WHERE measure_id = ?1 ORDER BY date",
                )?;
                let mut rows = stmt.query([measure_id])?;
                let mut dates = Vec::new();
                let mut values = Vec::new();
                while let Some(row) = rows.next()? {
                    if let Some(date) = parse_date(&row.get::<_, String>(0)?) {
                        dates.push(date);
                        values.push(Some(row.get::<_, f64>(1)?));
                    }
                }
                (dates, values)
            };
            let options = options_from(
                direction.parse().unwrap_or(Direction::Increase),
                target,
                rebase_dates,
            );
            analyse_series(&dates, &values, options)
        }
    };
    let wanted = columns(result.as_ref());
    let current: (Option<String>, Option<String>) = change.tx.query_row(
        "SELECT variation, assurance FROM projects WHERE id = ?1",
        [project_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let as_text = |v: &Value| match v {
        Value::Text(t) => Some(t.clone()),
        _ => None,
    };
    if current != (as_text(&wanted[0].1), as_text(&wanted[1].1)) {
        change.update("projects", project_id, &wanted)?;
    }
    Ok(())
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// Fills every project's summary columns in one pass (after a load: demo, import): one query
/// for the main measures, one for their rebases, one streaming their points in order.
/// Runs inside the caller's transaction; does not bump versions (the rows are new).
pub(crate) fn refresh_all_spc_summaries(conn: &rusqlite::Connection) -> Result<()> {
    struct Main {
        project_id: i64,
        direction: String,
        target: Option<f64>,
        rebases: Vec<NaiveDate>,
    }
    let mut mains: HashMap<i64, Main> = HashMap::new();
    {
        let mut stmt = conn.prepare(&format!(
            "SELECT m.id, p.id, m.direction, m.target FROM projects p
             JOIN measures m ON m.id = {MAIN_MEASURE_SQL}"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            mains.insert(
                r.get(0)?,
                Main {
                    project_id: r.get(1)?,
                    direction: r.get(2)?,
                    target: r.get(3)?,
                    rebases: Vec::new(),
                },
            );
        }
    }
    {
        let mut stmt = conn.prepare("SELECT measure_id, date FROM rebases")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let (Some(main), Some(date)) = (
                mains.get_mut(&r.get::<_, i64>(0)?),
                parse_date(&r.get::<_, String>(1)?),
            ) {
                main.rebases.push(date);
            }
        }
    }
    let mut update = conn.prepare(
        "UPDATE projects SET variation = ?1, assurance = ?2
         WHERE id = ?3 AND (variation IS NOT ?1 OR assurance IS NOT ?2)",
    )?;
    let mut write = |measure_id: i64, dates: &[NaiveDate], values: &[Option<f64>]| -> Result<()> {
        if let Some(main) = mains.get_mut(&measure_id) {
            let options = options_from(
                main.direction.parse().unwrap_or(Direction::Increase),
                main.target,
                std::mem::take(&mut main.rebases),
            );
            let result = analyse_series(dates, values, options);
            let [(_, variation), (_, assurance)] = columns(result.as_ref());
            update.execute(rusqlite::params![variation, assurance, main.project_id])?;
        }
        Ok(())
    };
    // Every project starts blank; those whose main measure has points are filled below.
    conn.execute(
        "UPDATE projects SET variation = NULL, assurance = NULL
         WHERE variation IS NOT NULL OR assurance IS NOT NULL",
        [],
    )?;
    let mut stmt = conn.prepare(&format!(
        "SELECT d.measure_id, d.date, d.value FROM data_points d
         WHERE d.measure_id IN (SELECT {MAIN_MEASURE_SQL} FROM projects p)
         ORDER BY d.measure_id, d.date"
    ))?;
    let mut rows = stmt.query([])?;
    let mut current: Option<i64> = None;
    let mut dates = Vec::new();
    let mut values = Vec::new();
    while let Some(r) = rows.next()? {
        let measure_id: i64 = r.get(0)?;
        if current != Some(measure_id) {
            if let Some(previous) = current {
                write(previous, &dates, &values)?;
            }
            current = Some(measure_id);
            dates.clear();
            values.clear();
        }
        if let Some(date) = parse_date(&r.get::<_, String>(1)?) {
            dates.push(date);
            values.push(Some(r.get::<_, f64>(2)?));
        }
    }
    if let Some(previous) = current {
        write(previous, &dates, &values)?;
    }
    Ok(())
}

/// One of the groups the metrics pane counts, from the main measures' icons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IconGroup {
    /// Special cause improvement, high or low.
    Improvement,
    /// Special cause concern, high or low.
    Concern,
    CommonCause,
    /// Special cause neutral high or low (a neutral measure).
    Neutral,
    /// No main measure, or fewer than two points on it.
    NoData,
    /// The target will consistently be met.
    Pass,
    /// The target will consistently be missed.
    Fail,
    HitAndMiss,
}

impl IconGroup {
    /// Every group, in the order the summary lists them.
    pub const ALL: [IconGroup; 8] = [
        IconGroup::Improvement,
        IconGroup::Concern,
        IconGroup::CommonCause,
        IconGroup::Neutral,
        IconGroup::NoData,
        IconGroup::Pass,
        IconGroup::Fail,
        IconGroup::HitAndMiss,
    ];

    /// Words for a label ("special cause improvement").
    pub fn label(self) -> &'static str {
        match self {
            IconGroup::Improvement => "special cause improvement",
            IconGroup::Concern => "special cause concern",
            IconGroup::CommonCause => "common cause",
            IconGroup::Neutral => "special cause (neutral)",
            IconGroup::NoData => "no data yet",
            IconGroup::Pass => "will consistently pass the target",
            IconGroup::Fail => "will consistently fail the target",
            IconGroup::HitAndMiss => "will hit and miss the target",
        }
    }

    /// The text badge: `[I]`, `[C]`, `[~]`, `[N]`, `[-]`, `[P]`, `[F]`, `[?]`.
    pub fn badge(self) -> &'static str {
        match self {
            IconGroup::Improvement => "[I]",
            IconGroup::Concern => "[C]",
            IconGroup::CommonCause => Variation::CommonCause.badge(),
            IconGroup::Neutral => "[N]",
            IconGroup::NoData => "[-]",
            IconGroup::Pass => Assurance::Pass.badge(),
            IconGroup::Fail => Assurance::Fail.badge(),
            IconGroup::HitAndMiss => Assurance::HitAndMiss.badge(),
        }
    }

    /// The group a stored variation falls in (`None` = no data).
    pub fn of_variation(variation: Option<Variation>) -> IconGroup {
        match variation {
            None => IconGroup::NoData,
            Some(Variation::CommonCause) => IconGroup::CommonCause,
            Some(Variation::ImprovementHigh | Variation::ImprovementLow) => IconGroup::Improvement,
            Some(Variation::ConcernHigh | Variation::ConcernLow) => IconGroup::Concern,
            Some(Variation::NeutralHigh | Variation::NeutralLow) => IconGroup::Neutral,
        }
    }

    pub fn of_assurance(assurance: Assurance) -> IconGroup {
        match assurance {
            Assurance::Pass => IconGroup::Pass,
            Assurance::Fail => IconGroup::Fail,
            Assurance::HitAndMiss => IconGroup::HitAndMiss,
        }
    }
}

/// The portfolio's main measures at a glance, read from the summary columns (no SPC here).
/// Every project matching the filter counts once among the five variation groups; those with
/// an assurance icon count once more among pass / fail / hit and miss.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IconSummary {
    pub improvement: usize,
    pub concern: usize,
    pub common_cause: usize,
    pub neutral: usize,
    pub no_data: usize,
    pub pass: usize,
    pub fail: usize,
    pub hit_and_miss: usize,
    /// Every group of [`IconGroup::ALL`], in that order, with its projects by ref.
    pub projects_by_icon: Vec<(IconGroup, Vec<ProjectRef>)>,
}

impl IconSummary {
    pub fn count(&self, group: IconGroup) -> usize {
        match group {
            IconGroup::Improvement => self.improvement,
            IconGroup::Concern => self.concern,
            IconGroup::CommonCause => self.common_cause,
            IconGroup::Neutral => self.neutral,
            IconGroup::NoData => self.no_data,
            IconGroup::Pass => self.pass,
            IconGroup::Fail => self.fail,
            IconGroup::HitAndMiss => self.hit_and_miss,
        }
    }

    /// The projects behind one count, by ref.
    pub fn projects(&self, group: IconGroup) -> &[ProjectRef] {
        self.projects_by_icon
            .iter()
            .find(|(g, _)| *g == group)
            .map_or(&[], |(_, refs)| refs.as_slice())
    }
}

impl Store {
    /// How many projects' main measures show improvement, concern, common cause … and which
    /// assure their target; read from the summary columns, filtered like the board.
    pub fn measure_icon_summary(&self, filter: &ProjectFilter) -> Result<IconSummary> {
        let sql = format!(
            "SELECT p.ref_no, p.variation, p.assurance FROM projects p
             LEFT JOIN cohorts c ON c.id = p.cohort_id
             WHERE {FILTER_SQL} ORDER BY p.ref_no"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let mut rows = stmt.query(self.filter_params(filter)?)?;
        let mut groups: Vec<(IconGroup, Vec<ProjectRef>)> =
            IconGroup::ALL.iter().map(|g| (*g, Vec::new())).collect();
        let mut push = |group: IconGroup, reference: ProjectRef| {
            if let Some((_, refs)) = groups.iter_mut().find(|(g, _)| *g == group) {
                refs.push(reference);
            }
        };
        while let Some(r) = rows.next()? {
            let reference = ProjectRef(r.get(0)?);
            let variation = r
                .get::<_, Option<String>>(1)?
                .and_then(|v| parse_variation(&v));
            push(IconGroup::of_variation(variation), reference);
            if let Some(assurance) = r
                .get::<_, Option<String>>(2)?
                .and_then(|a| parse_assurance(&a))
            {
                push(IconGroup::of_assurance(assurance), reference);
            }
        }
        let mut summary = IconSummary::default();
        for (group, refs) in &groups {
            let n = refs.len();
            match group {
                IconGroup::Improvement => summary.improvement = n,
                IconGroup::Concern => summary.concern = n,
                IconGroup::CommonCause => summary.common_cause = n,
                IconGroup::Neutral => summary.neutral = n,
                IconGroup::NoData => summary.no_data = n,
                IconGroup::Pass => summary.pass = n,
                IconGroup::Fail => summary.fail = n,
                IconGroup::HitAndMiss => summary.hit_and_miss = n,
            }
        }
        summary.projects_by_icon = groups;
        Ok(summary)
    }

    /// The name of a project's main measure (marked, else its first outcome measure).
    pub fn main_measure(&self, reference: ProjectRef) -> Result<Option<String>> {
        let id = self.project_id(reference)?;
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT m.name FROM projects p JOIN measures m ON m.id = {MAIN_MEASURE_SQL}
                     WHERE p.id = ?1"
                ),
                [id],
                |r| r.get(0),
            )
            .optional()?)
    }
}
