//! Run charts: a median centre line with the IHI rules (Perla, Provost & Murray 2011) and
//! the Anhøj rules (as qicharts2 applies them), both over the "useful" points: those not on
//! the median, missing values left out.
//!
//! Readings (DOMAIN.md): an IHI shift is 6 or more useful points in a row on one side
//! (points on the median neither count nor break it); a trend is 5 or more points each going
//! the same way, equal neighbours neither counting nor breaking it; runs = crossings + 1 and
//! a signal is strictly below the table's lower or above its upper limit, for 10–60 useful
//! points only. Anhøj: longest run > round(log2(n)) + 3, or crossings < qbinom(0.05, n−1, ½).

use super::SpcError;
use serde::Serialize;

/// Useful points in a row on one side of the median that make an IHI shift.
const SHIFT: usize = 6;
/// Points in a row going the same way that make an IHI trend.
const TREND: usize = 5;

/// Perla, Provost & Murray (2011), Table 1: lower and upper number of runs for 10 to 60
/// useful points (index = n − 10), copied from DOMAIN.md, which checked rows 27–39.
const RUNS_TABLE: [(usize, usize); 51] = [
    (3, 9),
    (3, 10),
    (3, 11),
    (4, 11),
    (4, 12),
    (5, 12),
    (5, 13),
    (5, 13),
    (6, 14),
    (6, 15), // 10–19
    (6, 16),
    (7, 16),
    (7, 17),
    (7, 17),
    (8, 18),
    (8, 18),
    (9, 19),
    (10, 19),
    (10, 20),
    (10, 20), // 20–29
    (11, 21),
    (11, 22),
    (11, 23),
    (12, 23),
    (12, 24),
    (12, 24),
    (13, 25),
    (13, 25),
    (14, 26),
    (14, 26), // 30–39
    (15, 27),
    (15, 27),
    (16, 28),
    (16, 28),
    (17, 29),
    (17, 30),
    (17, 31),
    (18, 31),
    (18, 32),
    (19, 32), // 40–49
    (19, 33),
    (20, 33),
    (20, 34),
    (21, 34),
    (21, 35),
    (22, 35),
    (22, 35),
    (23, 36),
    (23, 37),
    (24, 38), // 50–59
    (24, 38), // 60
];

/// The table's (lower, upper) limits for this many useful points; `None` outside 10–60.
pub fn runs_limits(useful: usize) -> Option<(usize, usize)> {
    useful
        .checked_sub(10)
        .and_then(|i| RUNS_TABLE.get(i))
        .copied()
}

/// One input row of a run chart.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RunChartPoint {
    pub value: Option<f64>,
    pub median: Option<f64>,
    /// Part of an IHI shift.
    pub shift: bool,
    /// Part of an IHI trend.
    pub trend: bool,
}

/// The IHI rules over the whole series.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct IhiRules {
    /// `None` when no point is useful.
    pub runs: Option<usize>,
    /// From the table, `None` outside 10–60 useful points.
    pub runs_lower: Option<usize>,
    pub runs_upper: Option<usize>,
    pub too_few_runs: bool,
    pub too_many_runs: bool,
    pub shift: bool,
    pub trend: bool,
}

/// The Anhøj rules over the whole series; counts are `None` when no point is useful.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AnhoejRules {
    pub longest_run: Option<usize>,
    pub longest_run_max: Option<usize>,
    pub crossings: Option<usize>,
    pub crossings_min: Option<usize>,
    pub signal: bool,
}

/// A run chart with both rule sets, for the chart and for scripts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RunChartResult {
    pub points: Vec<RunChartPoint>,
    pub median: Option<f64>,
    /// Points not on the median, missing values left out.
    pub useful: usize,
    pub ihi: IhiRules,
    pub anhoej: AnhoejRules,
    pub warnings: Vec<String>,
}

/// The median of the present values as R computes it (mean of the two middle values for an
/// even count); O(n) by selection.
fn median(values: &[Option<f64>]) -> Option<f64> {
    let mut present: Vec<f64> = values.iter().flatten().copied().collect();
    let n = present.len();
    if n == 0 {
        return None;
    }
    let half = n / 2;
    let (lower, &mut upper, _) = present.select_nth_unstable_by(half, f64::total_cmp);
    if n % 2 == 1 {
        return Some(upper);
    }
    let below = lower.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mid = (below + upper) / 2.0;
    Some(if mid.is_finite() {
        mid
    } else {
        below / 2.0 + upper / 2.0
    })
}

/// R's `qbinom(0.05, m, 0.5)`: the smallest c with P(X ≤ c) ≥ 0.05 for X ~ Binomial(m, ½),
/// including R's left-continuity fuzz (p × (1 − 64ε)).
///
/// Exact binomial sums: the terms C(m, k) are built by the recurrence
/// C(m, k) = C(m, k−1)·(m−k+1)/k and rescaled by 2^−900 whenever they grow large, with the
/// scale kept as an exponent, so m can be 100,000 or more without overflow or underflow.
/// Relative error stays near k·ε ≈ 1e−11, far below the gap between neighbouring quantiles.
pub(crate) fn binomial_lower_5pct(m: usize) -> usize {
    const RESCALE: i32 = 900;
    let target_log2 = (0.05 * (1.0 - 64.0 * f64::EPSILON)).log2();
    let mut exponent: i32 = 0; // true value = stored × 2^exponent
    let threshold_for = |exponent: i32| -> f64 {
        let need = target_log2 + m as f64 - f64::from(exponent);
        if need > 1000.0 {
            f64::INFINITY
        } else {
            need.exp2()
        }
    };
    let mut threshold = threshold_for(exponent);
    let mut term = 1.0_f64;
    let mut cumulative = 0.0_f64;
    for k in 0..=m {
        if k > 0 {
            term = term * (m - k + 1) as f64 / k as f64;
        }
        cumulative += term;
        if cumulative >= threshold {
            return k;
        }
        if cumulative > 2f64.powi(RESCALE) {
            let scale = 2f64.powi(-RESCALE);
            term *= scale;
            cumulative *= scale;
            exponent += RESCALE;
            threshold = threshold_for(exponent);
        }
    }
    m
}

/// Run-chart analysis of a series in date order; `None` is a missing point.
pub fn run_chart(values: &[Option<f64>]) -> Result<RunChartResult, SpcError> {
    if let Some(index) = values
        .iter()
        .position(|v| matches!(v, Some(y) if !y.is_finite()))
    {
        return Err(SpcError::NotFinite { index });
    }
    let mut warnings = Vec::new();
    let centre = median(values);
    let side = |i: usize| -> i8 {
        match (values[i], centre) {
            (Some(y), Some(m)) if y > m => 1,
            (Some(y), Some(m)) if y < m => -1,
            _ => 0,
        }
    };
    let mut points: Vec<RunChartPoint> = values
        .iter()
        .map(|&value| RunChartPoint {
            value,
            median: centre,
            shift: false,
            trend: false,
        })
        .collect();

    // Runs over the useful points: count, crossings, longest, and IHI shifts.
    let (mut useful, mut runs, mut longest) = (0usize, 0usize, 0usize);
    let (mut run_side, mut run_len, mut run_start) = (0i8, 0usize, 0usize);
    let flag_shift = |points: &mut [RunChartPoint], from: usize, to: usize, s: i8, len: usize| {
        if len >= SHIFT {
            for (i, point) in points.iter_mut().enumerate().take(to).skip(from) {
                point.shift |= side(i) == s;
            }
        }
    };
    for i in 0..values.len() {
        let s = side(i);
        if s == 0 {
            continue;
        }
        useful += 1;
        if s != run_side {
            flag_shift(&mut points, run_start, i, run_side, run_len);
            runs += 1;
            (run_side, run_len, run_start) = (s, 0, i);
        }
        run_len += 1;
        longest = longest.max(run_len);
    }
    flag_shift(&mut points, run_start, values.len(), run_side, run_len);

    flag_trends(values, &mut points);

    let limits = runs_limits(useful);
    let any = useful > 0;
    let ihi = IhiRules {
        runs: any.then_some(runs),
        runs_lower: limits.map(|l| l.0),
        runs_upper: limits.map(|l| l.1),
        too_few_runs: limits.is_some_and(|(lower, _)| runs < lower),
        too_many_runs: limits.is_some_and(|(_, upper)| runs > upper),
        shift: points.iter().any(|p| p.shift),
        trend: points.iter().any(|p| p.trend),
    };
    let anhoej = if any {
        let longest_run_max = (useful as f64).log2().round() as usize + 3;
        let crossings = runs - 1;
        let crossings_min = binomial_lower_5pct(useful - 1);
        AnhoejRules {
            longest_run: Some(longest),
            longest_run_max: Some(longest_run_max),
            crossings: Some(crossings),
            crossings_min: Some(crossings_min),
            signal: longest > longest_run_max || crossings < crossings_min,
        }
    } else {
        AnhoejRules {
            longest_run: None,
            longest_run_max: None,
            crossings: None,
            crossings_min: None,
            signal: false,
        }
    };

    if centre.is_none() {
        warnings.push("no values: the median is undefined".to_string());
    } else if !any {
        warnings.push(
            "every value is on the median: no useful points, so the runs rules do not apply"
                .to_string(),
        );
    } else if useful < 10 {
        warnings.push(format!(
            "{useful} useful points, fewer than 10: the IHI runs rule does not apply"
        ));
    } else if useful > 60 {
        warnings.push(format!(
            "{useful} useful points, more than 60: the IHI runs table stops at 60, so the runs rule is not applied (the Anhøj rules are)"
        ));
    }
    Ok(RunChartResult {
        points,
        median: centre,
        useful,
        ihi,
        anhoej,
        warnings,
    })
}

/// Flags IHI trends: runs of at least 5 distinct values each above (below) the one before,
/// over the present values, where a value equal to its neighbour neither counts nor breaks
/// the run. Every present point from the run's first to its last is flagged.
fn flag_trends(values: &[Option<f64>], points: &mut [RunChartPoint]) {
    let mut flag = |from: usize, to: usize| {
        for point in &mut points[from..=to] {
            point.trend |= point.value.is_some();
        }
    };
    let mut previous: Option<f64> = None;
    // First and last index of the current block of equal values, and of the block before it.
    let (mut block_first, mut block_last) = (0usize, 0usize);
    let (mut run_direction, mut run_distinct, mut run_start) = (0i8, 0usize, 0usize);
    for (i, value) in values.iter().enumerate() {
        let Some(y) = *value else { continue };
        match previous {
            None => {
                (block_first, block_last) = (i, i);
                (run_direction, run_distinct, run_start) = (0, 1, i);
            }
            Some(p) if y == p => block_last = i,
            Some(p) => {
                let direction = if y > p { 1 } else { -1 };
                if direction == run_direction {
                    run_distinct += 1;
                } else {
                    if run_distinct >= TREND {
                        flag(run_start, block_last);
                    }
                    // The turning block ends one run and starts the next.
                    (run_direction, run_distinct, run_start) = (direction, 2, block_first);
                }
                (block_first, block_last) = (i, i);
            }
        }
        previous = Some(y);
    }
    if run_distinct >= TREND {
        flag(run_start, block_last);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// R: qbinom(0.05, n - 1, 0.5) for a few n, from exact binomial sums.
    #[test]
    fn binomial_quantile_matches_exact_sums() {
        for m in 0..200usize {
            // Exact in f64 for small m via Pascal's triangle in log space is overkill:
            // compare with a direct sum in f64 (exact enough below m = 200).
            let mut row = vec![1.0f64];
            for _ in 0..m {
                let mut next = vec![1.0f64; row.len() + 1];
                for k in 1..row.len() {
                    next[k] = row[k - 1] + row[k];
                }
                row = next;
            }
            let total = 2f64.powi(m as i32);
            let mut cumulative = 0.0;
            let mut expected = m;
            for (k, c) in row.iter().enumerate() {
                cumulative += c;
                if cumulative / total >= 0.05 {
                    expected = k;
                    break;
                }
            }
            assert_eq!(binomial_lower_5pct(m), expected, "m = {m}");
        }
        assert_eq!(binomial_lower_5pct(23), 8); // DOMAIN.md: n = 24 → at least 8 crossings
        assert_eq!(binomial_lower_5pct(21), 7); // issue 4's example: 22 useful → 7
    }

    #[test]
    fn binomial_quantile_is_sane_for_huge_m() {
        let m = 100_000usize;
        let c = binomial_lower_5pct(m) as f64;
        // Normal approximation: m/2 − 1.645·√m/2 ≈ 49,740.
        let approx = m as f64 / 2.0 - 1.6449 * (m as f64).sqrt() / 2.0;
        assert!((c - approx).abs() < 2.0, "{c} vs {approx}");
    }

    #[test]
    fn runs_table_is_monotone_and_complete() {
        assert_eq!(runs_limits(9), None);
        assert_eq!(runs_limits(10), Some((3, 9)));
        assert_eq!(runs_limits(27), Some((10, 19)));
        assert_eq!(runs_limits(39), Some((14, 26)));
        assert_eq!(runs_limits(60), Some((24, 38)));
        assert_eq!(runs_limits(61), None);
    }

    #[test]
    fn median_even_and_odd() {
        let v = |xs: &[f64]| xs.iter().map(|&x| Some(x)).collect::<Vec<_>>();
        assert_eq!(median(&v(&[3., 1., 2.])), Some(2.0));
        assert_eq!(median(&v(&[4., 1., 3., 2.])), Some(2.5));
        assert_eq!(median(&[None, Some(5.0)]), Some(5.0));
        assert_eq!(median(&[None]), None);
        assert_eq!(median(&v(&[f64::MAX, f64::MAX])), Some(f64::MAX));
    }
}
