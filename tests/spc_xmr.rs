//! XmR analysis against the published cases of DOMAIN.md and NHSRplotthedots' own test
//! snapshots, then rule by rule on the edge cases the reference decides one way or another.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

use chrono::NaiveDate;
use qiboard::spc::{
    Assurance, Direction, PointType, Rule, SpcError, Variation, XmrOptions, XmrResult, xmr,
    xmr_indexed,
};

fn some(values: &[f64]) -> Vec<Option<f64>> {
    values.iter().map(|&v| Some(v)).collect()
}

fn days(n: usize) -> Vec<NaiveDate> {
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
    (0..n)
        .map(|i| start + chrono::Days::new(i as u64))
        .collect()
}

fn run(values: &[Option<f64>], opts: &XmrOptions) -> XmrResult {
    xmr(&days(values.len()), values, opts).unwrap()
}

fn rules(result: &XmrResult) -> Vec<Rule> {
    result.points.iter().map(|p| p.rule).collect()
}

fn close(a: Option<f64>, b: f64, tolerance: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() <= tolerance)
}

const CASE_1: [f64; 18] = [
    1., 2., 1., 2., 10., 1., 2., 1., 2., 1., 2., 1., 2., 1., 2., 1., 2., 1.,
];
const CASE_2: [f64; 15] = [
    89., 86., 75., 77., 81., 74., 72., 78., 76., 82., 77., 54., 66., 77., 86.,
];

#[test]
fn published_case_1_screened() {
    let r = run(&some(&CASE_1), &XmrOptions::default());
    let mean = 35.0 / 18.0;
    // Screening drops the ranges 8 and 9 (≥ 3.267 × 32/17); the 15 left are all 1.
    let p = r.points[0];
    assert!(close(p.mean, mean, 1e-12));
    assert!(close(p.upl, mean + 2.66, 1e-9));
    assert!(close(p.lpl, mean - 2.66, 1e-9));
    assert!(close(p.nupl, mean + 2.0 * 2.66 / 3.0, 1e-9));
    assert!((p.upl.unwrap() - 4.6).abs() < 0.01 && (p.lpl.unwrap() + 0.72).abs() < 0.01);
    let flagged: Vec<usize> = r
        .points
        .iter()
        .enumerate()
        .filter(|(_, p)| p.rule != Rule::None)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(flagged, vec![4]);
    assert_eq!(r.points[4].rule, Rule::OutsideUpper);
    assert_eq!(r.points[4].point_type, PointType::Improvement);
    assert!(r.points.iter().all(|p| !p.trial && p.group == 0));
}

#[test]
fn published_case_1_unscreened() {
    let opts = XmrOptions {
        screen: false,
        ..XmrOptions::default()
    };
    let r = run(&some(&CASE_1), &opts);
    let mean = 35.0 / 18.0;
    let amr = 32.0 / 17.0;
    assert!(close(r.points[0].upl, mean + 2.66 * amr, 1e-9));
    assert!(close(r.points[0].lpl, mean - 2.66 * amr, 1e-9));
    assert!((r.points[0].upl.unwrap() - 6.95).abs() < 0.01);
    assert!((r.points[0].lpl.unwrap() + 3.06).abs() < 0.01);
    assert_eq!(r.points[4].rule, Rule::OutsideUpper);
    assert_eq!(r.points.iter().filter(|p| p.rule != Rule::None).count(), 1);
}

#[test]
fn published_case_2_with_target() {
    let opts = XmrOptions {
        target: Some(80.0),
        ..XmrOptions::default()
    };
    let r = run(&some(&CASE_2), &opts);
    let mean = 1150.0 / 15.0;
    let amr = 103.0 / 14.0; // no range reaches 3.267 × amr ≈ 24.0
    let p = r.points[0];
    assert!(close(p.mean, mean, 1e-9));
    assert!(close(p.lpl, mean - 2.66 * amr, 1e-9));
    assert!(close(p.upl, mean + 2.66 * amr, 1e-9));
    assert!((p.mean.unwrap() - 76.67).abs() < 0.005);
    assert!((p.lpl.unwrap() - 57.10).abs() < 0.005);
    assert!((p.upl.unwrap() - 96.24).abs() < 0.005);
    let flagged: Vec<usize> = r
        .points
        .iter()
        .enumerate()
        .filter(|(_, p)| p.rule != Rule::None)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(flagged, vec![11]);
    assert_eq!(r.points[11].rule, Rule::OutsideLower);
    assert_eq!(r.points[11].point_type, PointType::Concern);
    assert_eq!(r.variation, Variation::CommonCause);
    assert_eq!(r.assurance, Some(Assurance::HitAndMiss));
}

/// rnorm(20) with set.seed(123), from NHSRplotthedots' tests/testthat/_snaps/ptd_spc_standard.md.
const RNORM_123: [f64; 20] = [
    -0.560475646552213,
    -0.23017748948328,
    1.55870831414912,
    0.070508391424576,
    0.129287735160946,
    1.71506498688328,
    0.460916205989202,
    -1.26506123460653,
    -0.686852851893526,
    -0.445661970099958,
    1.22408179743946,
    0.359813827057364,
    0.400771450594052,
    0.11068271594512,
    -0.555841134754075,
    1.78691313680308,
    0.497850478229239,
    -1.96661715662964,
    0.701355901563686,
    -0.472791407727934,
];

#[test]
fn reference_snapshot_rnorm() {
    let r = run(&some(&RNORM_123), &XmrOptions::default());
    assert!(close(r.points[0].mean, 0.1416238, 1e-7));
    assert!(close(r.points[0].lpl, -3.01138, 1e-5));
    assert!(close(r.points[0].upl, 3.294627, 1e-6));

    let mut outlier = RNORM_123;
    outlier[14] = 10.0;
    let r2 = run(&some(&outlier), &XmrOptions::default());
    assert!(close(r2.points[0].mean, 0.6694159, 1e-7));
    assert!(close(r2.points[0].lpl, -2.383666, 1e-6));
    assert!(close(r2.points[0].upl, 3.722497, 1e-6));

    let r3 = run(
        &some(&outlier),
        &XmrOptions {
            screen: false,
            ..XmrOptions::default()
        },
    );
    assert!(close(r3.points[0].lpl, -4.596625, 1e-6));
    assert!(close(r3.points[0].upl, 5.935457, 1e-6));
}

#[test]
fn reference_two_in_three_needs_the_same_side() {
    // From the reference's tests: alternating 1, −1 with 5.5 and −5.5 at the end.
    let mut values: Vec<f64> = (0..16)
        .map(|i| if i % 2 == 0 { 1.0 } else { -1.0 })
        .collect();
    values[14] = 5.5;
    values[15] = -5.5;
    let r = run(&some(&values), &XmrOptions::default());
    assert_eq!(r.points[14].point_type, PointType::CommonCause);
    assert_eq!(r.points[15].point_type, PointType::CommonCause);
}

#[test]
fn constant_series_screened_has_undefined_limits() {
    let opts = XmrOptions {
        target: Some(5.0),
        ..XmrOptions::default()
    };
    let r = run(&some(&[5.0; 20]), &opts);
    for p in &r.points {
        assert_eq!(p.mean, Some(5.0));
        assert_eq!((p.lpl, p.upl, p.nlpl, p.nupl), (None, None, None, None));
        assert_eq!(p.point_type, PointType::CommonCause);
    }
    assert!(r.warnings.iter().any(|w| w.contains("no variation")));
    // R compares the target with NaN limits: false both ways, so "inconsistent".
    assert_eq!(r.assurance, Some(Assurance::HitAndMiss));
}

#[test]
fn constant_series_unscreened_has_zero_width_limits() {
    let opts = XmrOptions {
        screen: false,
        target: Some(6.0),
        ..XmrOptions::default()
    };
    let r = run(&some(&[5.0; 20]), &opts);
    assert!(
        r.points
            .iter()
            .all(|p| p.lpl == Some(5.0) && p.upl == Some(5.0) && p.rule == Rule::None)
    );
    assert_eq!(r.assurance, Some(Assurance::Fail));
    let on = XmrOptions {
        target: Some(5.0),
        ..opts
    };
    assert_eq!(
        run(&some(&[5.0; 20]), &on).assurance,
        Some(Assurance::HitAndMiss)
    );
}

#[test]
fn fixed_baseline_of_a_constant_then_shifting_series() {
    // Baseline of 12 equal values: limits undefined (screened), yet the later 7 points above
    // the mean are a shift, as in the reference (its NA limits never fire, the shift does).
    let mut values = vec![5.0; 12];
    values.extend([6.0, 7.0, 6.0, 7.0, 6.0, 7.0, 6.0]);
    let opts = XmrOptions {
        baseline: Some(12),
        ..XmrOptions::default()
    };
    let r = run(&some(&values), &opts);
    assert_eq!(r.groups[0].baseline_len, 12);
    assert!(r.points[..12].iter().all(|p| p.rule == Rule::None));
    assert!(r.points[12..].iter().all(|p| p.rule == Rule::ShiftUpper));
    assert_eq!(r.variation, Variation::ImprovementHigh);
}

#[test]
fn fixed_baseline_uses_only_the_first_n_rows() {
    let mut values: Vec<f64> = (0..12)
        .map(|i| if i % 2 == 0 { 10.0 } else { 12.0 })
        .collect();
    values.extend([30.0, 11.0, 11.0]);
    let r = run(
        &some(&values),
        &XmrOptions {
            baseline: Some(12),
            ..XmrOptions::default()
        },
    );
    let p = r.points[0];
    assert!(close(p.mean, 11.0, 1e-12));
    assert!(close(p.upl, 11.0 + 2.66 * 2.0, 1e-12));
    assert_eq!(r.points[12].rule, Rule::OutsideUpper);
    assert!(!p.trial);
}

#[test]
fn short_series_has_trial_limits() {
    let r = run(&some(&[3.0, 5.0, 4.0, 6.0, 5.0]), &XmrOptions::default());
    assert!(r.points.iter().all(|p| p.trial));
    assert!(
        r.warnings
            .iter()
            .any(|w| w.contains("fewer than 13") && w.contains("trial"))
    );
    let twelve = run(
        &some(&[1., 2., 1., 2., 1., 2., 1., 2., 1., 2., 1., 2.]),
        &XmrOptions::default(),
    );
    assert!(twelve.points[0].trial);
    let thirteen = run(
        &some(&[1., 2., 1., 2., 1., 2., 1., 2., 1., 2., 1., 2., 1.]),
        &XmrOptions::default(),
    );
    assert!(!thirteen.points[0].trial);
}

#[test]
fn missing_values_are_left_out_of_mean_and_ranges() {
    let values = [
        Some(1.0),
        Some(3.0),
        None,
        Some(10.0),
        Some(12.0),
        Some(11.0),
    ];
    let r = run(
        &values,
        &XmrOptions {
            screen: false,
            ..XmrOptions::default()
        },
    );
    // mean = 37/5; ranges: |3−1| = 2, |12−10| = 2, |11−12| = 1 (both next to the gap missing)
    let mean = 37.0 / 5.0;
    let amr = 5.0 / 3.0;
    assert!(close(r.points[2].mean, mean, 1e-12));
    assert!(close(r.points[2].upl, mean + 2.66 * amr, 1e-12));
    assert_eq!(r.points[2].value, None);
    assert_eq!(r.points[2].rule, Rule::None);
    assert_eq!(r.points[2].point_type, PointType::CommonCause);
}

#[test]
fn missing_value_breaks_a_shift() {
    let mut values = some(&[1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0]);
    values.extend([
        Some(9.0),
        Some(9.5),
        Some(9.0),
        None,
        Some(9.5),
        Some(9.0),
        Some(9.5),
        Some(9.0),
    ]);
    let r = run(&values, &XmrOptions::default());
    assert!(
        r.points
            .iter()
            .all(|p| !matches!(p.rule, Rule::ShiftUpper | Rule::ShiftLower))
    );
}

#[test]
fn rebase_groups_have_their_own_limits_and_rules_do_not_cross() {
    let values = some(&[1., 2., 3., 4., 5., 6., 7., 8., 9., 10.]);
    let dates = days(10);
    let opts = XmrOptions {
        rebase_dates: vec![dates[4]],
        ..XmrOptions::default()
    };
    let r = xmr(&dates, &values, &opts).unwrap();
    assert_eq!(r.groups.len(), 2);
    assert_eq!(r.points[3].group, 0);
    assert_eq!(r.points[4].group, 1);
    assert!(close(r.points[0].mean, 2.5, 1e-12));
    assert!(close(r.points[9].mean, 7.5, 1e-12));
    // 4 rising then 6 rising: no group holds 7 points, so no trend.
    assert!(rules(&r).iter().all(|&rule| rule == Rule::None));
    let whole = run(&values, &XmrOptions::default());
    // Without the rebase the 10 points are one trend (ends outside the limits: outside wins).
    assert!(
        rules(&whole)[2..8]
            .iter()
            .all(|&rule| rule == Rule::TrendUp)
    );
    assert_eq!(whole.points[9].rule, Rule::OutsideUpper);
}

#[test]
fn rebase_date_between_points_starts_at_the_next_point() {
    let dates: Vec<NaiveDate> = days(20).into_iter().step_by(2).collect();
    let values = some(&[1., 2., 1., 2., 1., 5., 6., 5., 6., 5.]);
    let between = dates[5] - chrono::Days::new(1);
    let opts = XmrOptions {
        rebase_dates: vec![between],
        ..XmrOptions::default()
    };
    let r = xmr(&dates, &values, &opts).unwrap();
    assert_eq!(r.groups[1].start, 5);
    let after = XmrOptions {
        rebase_dates: vec![dates[9] + chrono::Days::new(1)],
        ..XmrOptions::default()
    };
    assert!(matches!(
        xmr(&dates, &values, &after),
        Err(SpcError::RebaseAfterLastPoint { .. })
    ));
}

#[test]
fn rebase_on_the_first_point_numbers_the_group_one() {
    let dates = days(5);
    let opts = XmrOptions {
        rebase_dates: vec![dates[0]],
        ..XmrOptions::default()
    };
    let r = xmr(&dates, &some(&[1., 2., 3., 2., 1.]), &opts).unwrap();
    assert_eq!(r.groups.len(), 1);
    assert!(r.points.iter().all(|p| p.group == 1));
}

#[test]
fn neutral_direction_gives_neutral_types_and_no_assurance() {
    let opts = XmrOptions {
        direction: Direction::Neutral,
        target: Some(80.0),
        ..XmrOptions::default()
    };
    let r = run(&some(&CASE_2), &opts);
    assert_eq!(r.points[11].point_type, PointType::NeutralLow);
    assert_eq!(r.assurance, None);
    let mut high = CASE_1.to_vec();
    high.push(10.0);
    let r = run(
        &some(&high),
        &XmrOptions {
            direction: Direction::Neutral,
            ..XmrOptions::default()
        },
    );
    assert_eq!(r.variation, Variation::NeutralHigh);
}

#[test]
fn decrease_direction_flips_types_and_assurance() {
    let opts = XmrOptions {
        direction: Direction::Decrease,
        target: Some(100.0),
        ..XmrOptions::default()
    };
    let r = run(&some(&CASE_2), &opts);
    assert_eq!(r.points[11].point_type, PointType::Improvement);
    assert_eq!(r.assurance, Some(Assurance::Pass));
    let mut last_low = CASE_2.to_vec();
    last_low.push(40.0);
    let r = run(&some(&last_low), &opts);
    assert_eq!(r.variation, Variation::ImprovementLow);
}

#[test]
fn target_on_a_limit_is_hit_and_miss() {
    let base = run(&some(&CASE_2), &XmrOptions::default());
    let upl = base.points[0].upl.unwrap();
    let lpl = base.points[0].lpl.unwrap();
    let with = |t: f64| {
        run(
            &some(&CASE_2),
            &XmrOptions {
                target: Some(t),
                ..XmrOptions::default()
            },
        )
        .assurance
    };
    assert_eq!(with(upl), Some(Assurance::HitAndMiss));
    assert_eq!(with(lpl), Some(Assurance::HitAndMiss));
    assert_eq!(with(upl.next_up()), Some(Assurance::Fail));
    assert_eq!(with(lpl.next_down()), Some(Assurance::Pass));
}

#[test]
fn point_exactly_on_a_limit_is_not_outside() {
    // Mean 0, amr 1 (unscreened): the limits are ±2.66; put a point exactly on the upper one.
    let mut values = vec![
        0.5, -0.5, 0.5, -0.5, 0.5, -0.5, 0.5, -0.5, 0.5, -0.5, 0.5, -0.5, 0.5, -0.5,
    ];
    let r0 = run(&some(&values), &XmrOptions::default());
    let upl = r0.points[0].upl.unwrap();
    values.push(upl);
    values.push(-upl);
    // Adding two symmetric points keeps the mean at 0 but changes the ranges; recompute with a
    // fixed baseline so the limits stay those of the first 14 points.
    let r = run(
        &some(&values),
        &XmrOptions {
            baseline: Some(14),
            ..XmrOptions::default()
        },
    );
    assert_eq!(r.points[14].upl, Some(upl));
    assert_ne!(r.points[14].rule, Rule::OutsideUpper);
    assert_ne!(r.points[15].rule, Rule::OutsideLower);
}

#[test]
fn precedence_outside_over_trend_over_two_of_three_over_shift() {
    // Baseline fixed on 12 alternating points (mean 0, amr 2 → limits ±5.32, near ±3.547).
    let mut values: Vec<f64> = (0..12)
        .map(|i| if i % 2 == 0 { 1.0 } else { -1.0 })
        .collect();
    values.extend([0.5, 1.0, 1.5, 2.0, 2.5, 4.0, 6.0]);
    let r = run(
        &some(&values),
        &XmrOptions {
            baseline: Some(12),
            ..XmrOptions::default()
        },
    );
    let tail: Vec<Rule> = rules(&r)[11..].to_vec();
    // Point 11 (−1) starts the 8-point rise; 18 (6.0) is outside; all others are trend.
    assert_eq!(tail[0], Rule::TrendUp);
    assert!(tail[1..7].iter().all(|&x| x == Rule::TrendUp));
    assert_eq!(tail[7], Rule::OutsideUpper);
}

#[test]
fn bad_input_is_refused() {
    let values = some(&[1.0, 2.0, 3.0]);
    let dates = days(3);
    assert!(matches!(
        xmr(
            &dates,
            &values,
            &XmrOptions {
                baseline: Some(11),
                ..XmrOptions::default()
            }
        ),
        Err(SpcError::BaselineTooShort(11))
    ));
    assert!(matches!(
        xmr(&dates[..2], &values, &XmrOptions::default()),
        Err(SpcError::LengthMismatch { .. })
    ));
    let backwards = vec![dates[1], dates[0], dates[2]];
    assert!(matches!(
        xmr(&backwards, &values, &XmrOptions::default()),
        Err(SpcError::DatesOutOfOrder { .. })
    ));
    let nan = vec![Some(1.0), Some(f64::NAN), Some(2.0)];
    assert!(matches!(
        xmr(&dates, &nan, &XmrOptions::default()),
        Err(SpcError::NotFinite { index: 1 })
    ));
    assert!(matches!(
        xmr_indexed(&values, &[3], &XmrOptions::default()),
        Err(SpcError::RebaseOutOfRange { .. })
    ));
    for error in [SpcError::BaselineTooShort(3), SpcError::TargetNotFinite] {
        assert!(!error.to_string().contains('\n'));
    }
}

#[test]
fn empty_and_tiny_inputs_do_not_panic() {
    let r = xmr(
        &[],
        &[],
        &XmrOptions {
            target: Some(1.0),
            ..XmrOptions::default()
        },
    )
    .unwrap();
    assert!(r.points.is_empty());
    let r = run(&[Some(1.0)], &XmrOptions::default());
    assert_eq!(r.points[0].upl, None);
    let r = run(&[None, None], &XmrOptions::default());
    assert_eq!(r.points[0].mean, None);
}
