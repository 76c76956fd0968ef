//! The XmR chart as Making Data Count defines it, computed as NHSRplotthedots 0.2.2 does
//! (`ptd_spc_standard`): per rebase group, a baseline of the first n rows (or all), the mean
//! of its values, moving ranges between consecutive baseline values (a missing value makes
//! both ranges next to it missing), screening that keeps only ranges strictly below
//! 3.267 × amr, then limits mean ± 2.66 × amr and near limits mean ± 2·(2.66/3) × amr,
//! with the same order of floating-point operations as the reference.

use super::icons::{Assurance, PointType, Variation};
use super::rules::{GroupLines, Rule, apply_rules};
use super::sum::mean_of;
use super::{Direction, MIN_BASELINE, SpcError, TRIAL_THRESHOLD};
use chrono::NaiveDate;
use serde::Serialize;

/// Process limits are this many average moving ranges from the mean (3σ).
const LIMIT: f64 = 2.66;
/// Near limits (2σ), computed exactly as the reference writes it: `2 * (limit / 3)`.
const NEAR_LIMIT: f64 = 2.0 * (LIMIT / 3.0);
/// Screening drops a moving range at or above this many average moving ranges.
const SCREEN: f64 = 3.267;

/// How to analyse a series. `Default` is the reference's default: increase, no target,
/// no rebase, all points as baseline, screening on.
#[derive(Debug, Clone, PartialEq)]
pub struct XmrOptions {
    pub direction: Direction,
    pub target: Option<f64>,
    /// Each date starts a new group at the first point on or after it (used by [`xmr`]).
    pub rebase_dates: Vec<NaiveDate>,
    /// Fix each group's limits on its first n rows (`fix_after_n_points`, n ≥ 12).
    pub baseline: Option<usize>,
    /// Screen moving ranges (on by default; the MDC Excel tools do not screen).
    pub screen: bool,
}

impl Default for XmrOptions {
    fn default() -> Self {
        XmrOptions {
            direction: Direction::Increase,
            target: None,
            rebase_dates: Vec::new(),
            baseline: None,
            screen: true,
        }
    }
}

/// One input row with its group's lines and what the rules say about it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct XmrPoint {
    pub value: Option<f64>,
    /// The reference's `rebase_group`: the number of rebases at or before this point.
    pub group: usize,
    pub mean: Option<f64>,
    pub lpl: Option<f64>,
    pub upl: Option<f64>,
    pub nlpl: Option<f64>,
    pub nupl: Option<f64>,
    pub rule: Rule,
    pub point_type: PointType,
    /// The group has fewer than 13 points, so its limits are trial limits.
    pub trial: bool,
}

/// One rebase group: where it is and the lines computed from its baseline.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct XmrGroup {
    /// Same number as [`XmrPoint::group`].
    pub id: usize,
    /// Index of the group's first point.
    pub start: usize,
    /// Number of rows in the group, missing values included (as the reference counts).
    pub len: usize,
    /// Number of rows in the baseline.
    pub baseline_len: usize,
    pub mean: Option<f64>,
    /// Average moving range after screening; `None` where undefined.
    pub amr: Option<f64>,
    pub lpl: Option<f64>,
    pub upl: Option<f64>,
    pub nlpl: Option<f64>,
    pub nupl: Option<f64>,
    pub trial: bool,
}

/// Everything the chart, the icons and the JSON need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct XmrResult {
    pub points: Vec<XmrPoint>,
    pub groups: Vec<XmrGroup>,
    pub variation: Variation,
    pub assurance: Option<Assurance>,
    pub warnings: Vec<String>,
}

/// The indices at which rebases take effect: for each date, the first point on or after it.
/// Sorted, without repeats; 0 is kept (the reference then numbers the first group 1).
pub fn group_starts(
    dates: &[NaiveDate],
    rebase_dates: &[NaiveDate],
) -> Result<Vec<usize>, SpcError> {
    let mut starts = Vec::with_capacity(rebase_dates.len());
    for &rebase in rebase_dates {
        let index = dates.partition_point(|&d| d < rebase);
        if index == dates.len() {
            return Err(match dates.last() {
                Some(&last) => SpcError::RebaseAfterLastPoint { rebase, last },
                None => SpcError::RebaseOutOfRange { index, len: 0 },
            });
        }
        starts.push(index);
    }
    starts.sort_unstable();
    starts.dedup();
    Ok(starts)
}

/// Full XmR analysis of a dated series: limits per rebase group, the four rules, point types,
/// the variation icon of the last point and the assurance against the target.
/// Dates must increase strictly; `values[i]` is `None` for a missing point.
pub fn xmr(
    dates: &[NaiveDate],
    values: &[Option<f64>],
    opts: &XmrOptions,
) -> Result<XmrResult, SpcError> {
    if dates.len() != values.len() {
        return Err(SpcError::LengthMismatch {
            dates: dates.len(),
            values: values.len(),
        });
    }
    if let Some(i) = (1..dates.len()).find(|&i| dates[i] <= dates[i - 1]) {
        return Err(SpcError::DatesOutOfOrder {
            index: i,
            date: dates[i],
            previous: dates[i - 1],
        });
    }
    let starts = group_starts(dates, &opts.rebase_dates)?;
    analyse(values, &starts, opts, Some(dates))
}

/// The same analysis without dates: `rebase_at` holds the index of the first point of each
/// new group (`opts.rebase_dates` is ignored). For callers that keep points by position.
pub fn xmr_indexed(
    values: &[Option<f64>],
    rebase_at: &[usize],
    opts: &XmrOptions,
) -> Result<XmrResult, SpcError> {
    if let Some(&index) = rebase_at.iter().find(|&&i| i >= values.len()) {
        return Err(SpcError::RebaseOutOfRange {
            index,
            len: values.len(),
        });
    }
    let mut starts = rebase_at.to_vec();
    starts.sort_unstable();
    starts.dedup();
    analyse(values, &starts, opts, None)
}

fn validate(values: &[Option<f64>], opts: &XmrOptions) -> Result<(), SpcError> {
    if let Some(index) = values
        .iter()
        .position(|v| matches!(v, Some(y) if !y.is_finite()))
    {
        return Err(SpcError::NotFinite { index });
    }
    if matches!(opts.target, Some(t) if !t.is_finite()) {
        return Err(SpcError::TargetNotFinite);
    }
    match opts.baseline {
        Some(n) if n < MIN_BASELINE => Err(SpcError::BaselineTooShort(n)),
        _ => Ok(()),
    }
}

/// Lines of one group from its baseline rows, with the warnings they call for.
fn group_lines(
    baseline: &[Option<f64>],
    screen: bool,
    label: &str,
    warnings: &mut Vec<String>,
) -> (GroupLines, Option<f64>) {
    let mean = mean_of(baseline.iter().flatten().copied());
    let ranges = baseline
        .windows(2)
        .filter_map(|pair| match (pair[0], pair[1]) {
            (Some(a), Some(b)) => Some((b - a).abs()),
            _ => None,
        });
    let raw_amr = mean_of(ranges.clone());
    let amr = if screen {
        raw_amr.and_then(|amr| {
            let cut = SCREEN * amr;
            mean_of(ranges.filter(move |&range| range < cut))
        })
    } else {
        raw_amr
    };
    let Some(mean) = mean else {
        warnings.push(format!("{label} has no values: mean and limits undefined"));
        return (
            GroupLines {
                mean: None,
                limits: None,
            },
            None,
        );
    };
    let Some(amr) = amr else {
        if raw_amr == Some(0.0) {
            warnings.push(format!(
                "{label}: no variation (every moving range is 0, and screening keeps only ranges below 3.267 × 0): limits undefined, every point common cause"
            ));
        } else {
            warnings.push(format!(
                "{label} has no two consecutive values in its baseline: limits undefined"
            ));
        }
        return (
            GroupLines {
                mean: Some(mean),
                limits: None,
            },
            None,
        );
    };
    let limits = (
        mean - LIMIT * amr,
        mean + LIMIT * amr,
        mean - NEAR_LIMIT * amr,
        mean + NEAR_LIMIT * amr,
    );
    if ![limits.0, limits.1, limits.2, limits.3, amr]
        .iter()
        .all(|x| x.is_finite())
    {
        warnings.push(format!(
            "{label}: values too large for limits: limits undefined"
        ));
        return (
            GroupLines {
                mean: Some(mean),
                limits: None,
            },
            None,
        );
    }
    if amr == 0.0 {
        warnings.push(format!("{label}: no variation: the limits equal the mean"));
    }
    (
        GroupLines {
            mean: Some(mean),
            limits: Some(limits),
        },
        Some(amr),
    )
}

/// How a group is named in warnings: by its first date when there are dates.
fn group_label(single: bool, start: usize, dates: Option<&[NaiveDate]>) -> String {
    match (single, dates.and_then(|d| d.get(start))) {
        (true, _) => "the series".to_string(),
        (false, Some(date)) => format!("the group from {date}"),
        (false, None) => format!("the group from point {}", start + 1),
    }
}

fn analyse(
    values: &[Option<f64>],
    flags: &[usize],
    opts: &XmrOptions,
    dates: Option<&[NaiveDate]>,
) -> Result<XmrResult, SpcError> {
    validate(values, opts)?;
    let n = values.len();
    let mut warnings = Vec::new();
    let mut points = Vec::with_capacity(n);
    let mut groups = Vec::with_capacity(flags.len() + 1);
    let mut rules = vec![Rule::None; n];
    let mut in_trend = vec![false; n];

    // Group boundaries: 0, then every flag other than 0.
    let mut id = usize::from(flags.first() == Some(&0));
    let mut bounds: Vec<usize> = Vec::with_capacity(flags.len() + 2);
    bounds.push(0);
    bounds.extend(flags.iter().copied().filter(|&f| f > 0));
    bounds.push(n);
    // Flags are validated to lie inside the series, so every window below is one group.
    let single = bounds.len() == 2;

    for window in bounds.windows(2) {
        let (start, end) = (window[0], window[1]);
        if start >= end {
            continue;
        }
        let group = &values[start..end];
        let len = group.len();
        let baseline_len = opts.baseline.map_or(len, |b| b.min(len));
        let label = group_label(single, start, dates);
        let (lines, amr) = group_lines(&group[..baseline_len], opts.screen, &label, &mut warnings);
        let trial = len < TRIAL_THRESHOLD;
        if trial {
            // The reference counts missing values too: say so, or "12 points" reads wrong
            // beside a table of 11 points and a gap.
            let missing = group.iter().filter(|v| v.is_none()).count();
            let counting = if missing > 0 {
                format!(" counting {missing} missing")
            } else {
                String::new()
            };
            warnings.push(format!(
                "{label} has {len} point{}{counting}, fewer than {TRIAL_THRESHOLD}: trial limits, to be revised as points are added",
                if len == 1 { "" } else { "s" }
            ));
        }
        apply_rules(
            group,
            lines,
            &mut rules[start..end],
            &mut in_trend[start..end],
        );
        let (lpl, upl, nlpl, nupl) = match lines.limits {
            Some((l, u, nl, nu)) => (Some(l), Some(u), Some(nl), Some(nu)),
            None => (None, None, None, None),
        };
        groups.push(XmrGroup {
            id,
            start,
            len,
            baseline_len,
            mean: lines.mean,
            amr,
            lpl,
            upl,
            nlpl,
            nupl,
            trial,
        });
        for (offset, &value) in group.iter().enumerate() {
            let rule = rules[start + offset];
            points.push(XmrPoint {
                value,
                group: id,
                mean: lines.mean,
                lpl,
                upl,
                nlpl,
                nupl,
                rule,
                point_type: PointType::from_rule(rule, opts.direction),
                trial,
            });
        }
        id += 1;
    }

    let last = points.last();
    let variation = last.map_or(Variation::CommonCause, |p| {
        Variation::from_last_point(p.point_type, opts.direction)
    });
    let assurance = last.and_then(|p| Assurance::assess(opts.target, opts.direction, p.lpl, p.upl));
    if assurance.is_some() && last.is_some_and(|p| p.upl.is_none()) {
        warnings.push(
            "the last group's limits are undefined, so the target cannot be judged against them: assurance reported as hit and miss, as the reference does".to_string(),
        );
    }
    Ok(XmrResult {
        points,
        groups,
        variation,
        assurance,
        warnings,
    })
}
