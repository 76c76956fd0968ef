//! The four Making Data Count special-cause rules, applied to one rebase group.
//!
//! Readings follow NHSRplotthedots 0.2.2 (`ptd_spc_standard`, `ptd_special_cause_type`):
//! - Outside: `y > upl || y < lpl`, strict: a point on a limit is not outside.
//! - Trend: 7 points each strictly above (below) the one before; every point of the 7 is
//!   flagged. An equal value or a missing value breaks it. Its direction per point: the step to
//!   the next point when that next point is also in a trend, else the step from the previous
//!   point; the reference labels the point increasing only when that step is +1, so a zero
//!   step between two touching trends reads as decreasing, as it does there.
//! - Two of three: in a window of 3 consecutive points, at least 2 are "close" (beyond a near
//!   limit, strictly, and not outside the process limits) and all 3 are strictly on the same
//!   side of the mean; only the close points of a firing window are flagged.
//! - Shift: 7 consecutive points strictly on one side of the mean; a point on the mean or a
//!   missing point breaks it.
//!
//! Windows never include a missing point (the reference's NA arithmetic never fires there) and
//! never leave the group, because each call sees one group only.

use serde::Serialize;

/// The rule that decided a point, by precedence outside > trend > two of three > shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// No special cause.
    #[default]
    None,
    /// Above the upper process limit.
    OutsideUpper,
    /// Below the lower process limit.
    OutsideLower,
    /// Part of 7 points in a row, each higher than the one before.
    TrendUp,
    /// Part of 7 points in a row, each lower than the one before.
    TrendDown,
    /// Beyond the upper near limit in a window of 3 with 2 such points above the mean.
    TwoOfThreeUpper,
    /// Beyond the lower near limit in a window of 3 with 2 such points below the mean.
    TwoOfThreeLower,
    /// Part of 7 points in a row above the mean.
    ShiftUpper,
    /// Part of 7 points in a row below the mean.
    ShiftLower,
}

impl Rule {
    /// +1 for a rule above the mean or increasing, −1 below or decreasing, 0 for none.
    pub fn sign(self) -> i8 {
        match self {
            Rule::None => 0,
            Rule::OutsideUpper | Rule::TrendUp | Rule::TwoOfThreeUpper | Rule::ShiftUpper => 1,
            Rule::OutsideLower | Rule::TrendDown | Rule::TwoOfThreeLower | Rule::ShiftLower => -1,
        }
    }

    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::None => "none",
            Rule::OutsideUpper => "outside_upper",
            Rule::OutsideLower => "outside_lower",
            Rule::TrendUp => "trend_up",
            Rule::TrendDown => "trend_down",
            Rule::TwoOfThreeUpper => "two_of_three_upper",
            Rule::TwoOfThreeLower => "two_of_three_lower",
            Rule::ShiftUpper => "shift_upper",
            Rule::ShiftLower => "shift_lower",
        }
    }

    /// A few words for a table or a summary.
    pub fn describe(self) -> &'static str {
        match self {
            Rule::None => "",
            Rule::OutsideUpper => "above the upper limit",
            Rule::OutsideLower => "below the lower limit",
            Rule::TrendUp => "7-point rising trend",
            Rule::TrendDown => "7-point falling trend",
            Rule::TwoOfThreeUpper => "2 of 3 near the upper limit",
            Rule::TwoOfThreeLower => "2 of 3 near the lower limit",
            Rule::ShiftUpper => "7 points above the mean",
            Rule::ShiftLower => "7 points below the mean",
        }
    }
}

/// Points in a row that make a trend or a shift.
const RUN: usize = 7;

/// The centre line and limits of one group; limits are all present or all absent.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GroupLines {
    pub mean: Option<f64>,
    /// (lpl, upl, nlpl, nupl), or `None` where the average moving range is undefined.
    pub limits: Option<(f64, f64, f64, f64)>,
}

/// Sign of a step between two points; 0 when equal or either is missing.
fn step(from: Option<f64>, to: Option<f64>) -> i8 {
    match (from, to) {
        (Some(a), Some(b)) if b > a => 1,
        (Some(a), Some(b)) if b < a => -1,
        _ => 0,
    }
}

/// Applies the four rules to one group. `out` and `in_trend` have the group's length;
/// `in_trend` is scratch owned by the caller so that no call allocates per group.
pub(crate) fn apply_rules(
    values: &[Option<f64>],
    lines: GroupLines,
    out: &mut [Rule],
    in_trend: &mut [bool],
) {
    let n = values.len();
    debug_assert!(out.len() == n && in_trend.len() == n);
    out.fill(Rule::None);
    in_trend.fill(false);

    // Side of the mean: +1 above, −1 below, 0 on it, missing, or no mean.
    let side = |i: usize| -> i8 {
        match (values[i], lines.mean) {
            (Some(y), Some(m)) if y > m => 1,
            (Some(y), Some(m)) if y < m => -1,
            _ => 0,
        }
    };
    let outside = |i: usize| -> bool {
        match (values[i], lines.limits) {
            (Some(y), Some((lpl, upl, _, _))) => y > upl || y < lpl,
            _ => false,
        }
    };
    let close = |i: usize| -> bool {
        match (values[i], lines.limits) {
            (Some(y), Some((_, _, nlpl, nupl))) => !outside(i) && (y < nlpl || y > nupl),
            _ => false,
        }
    };

    // Shift (lowest precedence, written first so that the others overwrite it).
    let mut start = 0;
    while start < n {
        let s = side(start);
        let mut end = start + 1;
        while end < n && s != 0 && side(end) == s {
            end += 1;
        }
        if s != 0 && end - start >= RUN {
            let rule = if s > 0 {
                Rule::ShiftUpper
            } else {
                Rule::ShiftLower
            };
            out[start..end].fill(rule);
        }
        start = end;
    }

    // Two of three: every full window of 3 consecutive points.
    for first in 0..n.saturating_sub(2) {
        let s = side(first);
        if s == 0 || side(first + 1) != s || side(first + 2) != s {
            continue;
        }
        let near = (first..first + 3).filter(|&i| close(i)).count();
        if near >= 2 {
            let rule = if s > 0 {
                Rule::TwoOfThreeUpper
            } else {
                Rule::TwoOfThreeLower
            };
            for (i, slot) in out.iter_mut().enumerate().skip(first).take(3) {
                if close(i) {
                    *slot = rule;
                }
            }
        }
    }

    // Trend: maximal runs of equal non-zero steps; 6 steps make 7 points.
    let mut first_step = 1;
    while first_step < n {
        let s = step(values[first_step - 1], values[first_step]);
        let mut end = first_step + 1;
        while end < n && s != 0 && step(values[end - 1], values[end]) == s {
            end += 1;
        }
        // Steps first_step..end join points first_step-1..end.
        if s != 0 && end - first_step >= RUN - 1 {
            in_trend[first_step - 1..end].fill(true);
        }
        first_step = end;
    }
    for i in 0..n {
        if !in_trend[i] {
            continue;
        }
        let direction = if i + 1 < n && in_trend[i + 1] {
            step(values[i], values[i + 1])
        } else if i > 0 {
            step(values[i - 1], values[i])
        } else {
            0
        };
        out[i] = if direction == 1 {
            Rule::TrendUp
        } else {
            Rule::TrendDown
        };
    }

    // Outside the process limits (highest precedence).
    for (i, slot) in out.iter_mut().enumerate() {
        if outside(i) {
            *slot = if side(i) == 1 {
                Rule::OutsideUpper
            } else {
                Rule::OutsideLower
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(values: &[f64], mean: f64, limits: Option<(f64, f64, f64, f64)>) -> Vec<Rule> {
        let values: Vec<Option<f64>> = values.iter().map(|&v| Some(v)).collect();
        let mut out = vec![Rule::None; values.len()];
        let mut scratch = vec![false; values.len()];
        let lines = GroupLines {
            mean: Some(mean),
            limits,
        };
        apply_rules(&values, lines, &mut out, &mut scratch);
        out
    }

    #[test]
    fn six_steps_make_a_trend_five_do_not() {
        let r = run(&[1., 2., 3., 4., 5., 6., 7.], 4.0, None);
        assert!(r.iter().all(|&x| x == Rule::TrendUp));
        let r = run(&[1., 2., 3., 4., 5., 6.], 4.0, None);
        assert!(r.iter().all(|&x| x == Rule::None));
    }

    #[test]
    fn equal_value_breaks_a_trend() {
        let r = run(&[1., 2., 3., 3., 4., 5., 6.], 3.5, None);
        assert!(r.iter().all(|&x| x == Rule::None));
    }

    #[test]
    fn v_bottom_takes_the_direction_of_the_next_step() {
        // 7 falling then 6 rising: the bottom starts the rising trend.
        let values = [13., 12., 11., 10., 9., 8., 7., 8., 9., 10., 11., 12., 13.];
        let r = run(&values, 100.0, None);
        assert_eq!(&r[..6], &[Rule::TrendDown; 6]);
        assert_eq!(&r[6..], &[Rule::TrendUp; 7]);
    }

    #[test]
    fn trend_end_without_a_following_trend_keeps_its_own_direction() {
        let values = [7., 6., 5., 4., 3., 2., 1., 5.];
        let r = run(&values, 4.0, None);
        assert_eq!(&r[..7], &[Rule::TrendDown; 7]);
        assert_eq!(r[7], Rule::None);
    }

    #[test]
    fn zero_step_between_touching_trends_reads_decreasing() {
        // Points 0..=6 rise, 7 equals 6, 7..=13 rise: the reference labels point 6 by its
        // step to point 7 (0), which is not +1, so "Decreasing".
        let values = [1., 2., 3., 4., 5., 6., 7., 7., 8., 9., 10., 11., 12., 13.];
        let r = run(&values, 100.0, None);
        assert_eq!(&r[..6], &[Rule::TrendUp; 6]);
        assert_eq!(r[6], Rule::TrendDown);
        assert_eq!(&r[7..], &[Rule::TrendUp; 7]);
    }

    #[test]
    fn point_on_the_mean_breaks_a_shift() {
        let r = run(&[5., 6., 5., 6., 5., 6., 0., 5., 6.], 0.0, None);
        assert!(r.iter().all(|&x| x == Rule::None));
        let r = run(&[5., 6., 5., 6., 5., 6., 5.], 0.0, None);
        assert!(r.iter().all(|&x| x == Rule::ShiftUpper));
    }

    #[test]
    fn two_of_three_flags_only_the_near_points() {
        let limits = Some((-3.0, 3.0, -2.0, 2.0));
        let r = run(&[0.1, 2.5, 0.5, 2.5, -1.0], 0.0, limits);
        assert_eq!(
            r,
            vec![
                Rule::None,
                Rule::TwoOfThreeUpper,
                Rule::None,
                Rule::TwoOfThreeUpper,
                Rule::None
            ]
        );
    }

    #[test]
    fn a_point_on_the_near_limit_is_not_close() {
        let limits = Some((-3.0, 3.0, -2.0, 2.0));
        let r = run(&[2.0, 2.5, 1.0], 0.0, limits);
        assert!(r.iter().all(|&x| x == Rule::None));
    }

    #[test]
    fn a_point_on_the_process_limit_is_close_not_outside() {
        let limits = Some((-3.0, 3.0, -2.0, 2.0));
        let r = run(&[3.0, 2.5, 1.0], 0.0, limits);
        assert_eq!(r[..2], [Rule::TwoOfThreeUpper, Rule::TwoOfThreeUpper]);
    }

    #[test]
    fn an_outside_point_does_not_count_as_near() {
        let limits = Some((-3.0, 3.0, -2.0, 2.0));
        let r = run(&[3.5, 2.5, 1.0], 0.0, limits);
        assert_eq!(r, vec![Rule::OutsideUpper, Rule::None, Rule::None]);
    }

    #[test]
    fn missing_value_breaks_every_window() {
        let values = [
            Some(1.),
            Some(2.),
            Some(3.),
            None,
            Some(4.),
            Some(5.),
            Some(6.),
            Some(7.),
        ];
        let mut out = vec![Rule::None; values.len()];
        let mut scratch = vec![false; values.len()];
        let lines = GroupLines {
            mean: Some(0.0),
            limits: None,
        };
        apply_rules(&values, lines, &mut out, &mut scratch);
        assert!(out.iter().all(|&x| x == Rule::None));
    }
}
