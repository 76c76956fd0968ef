//! Run charts: the IHI rules against the published table and the Anhøj rules, edge by edge.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

use qiboard::spc::{run_chart, runs_limits};

fn some(values: &[f64]) -> Vec<Option<f64>> {
    values.iter().map(|&v| Some(v)).collect()
}

#[test]
fn median_runs_and_crossings() {
    // Median 5.5; sides: − − + + − + + + − −
    let r = run_chart(&some(&[1., 2., 9., 8., 3., 7., 10., 6., 4., 5.])).unwrap();
    assert_eq!(r.median, Some(5.5));
    assert_eq!(r.useful, 10);
    assert_eq!(r.ihi.runs, Some(5));
    assert_eq!((r.ihi.runs_lower, r.ihi.runs_upper), (Some(3), Some(9)));
    assert!(!r.ihi.too_few_runs && !r.ihi.too_many_runs);
    assert_eq!(r.anhoej.longest_run, Some(3));
    assert_eq!(r.anhoej.crossings, Some(4));
    assert_eq!(r.anhoej.longest_run_max, Some(6)); // round(log2 10) + 3
    assert_eq!(r.anhoej.crossings_min, Some(2)); // qbinom(0.05, 9, 0.5)
    assert!(!r.anhoej.signal);
}

#[test]
fn points_on_the_median_neither_count_nor_break_a_shift() {
    // Median 5 (13 values); six points above with the median value in between.
    let values = [1., 2., 1., 9., 9., 5., 9., 9., 9., 9., 2., 1., 2.];
    let r = run_chart(&some(&values)).unwrap();
    assert_eq!(r.median, Some(5.0));
    assert_eq!(r.useful, 12);
    assert!(r.ihi.shift);
    let flagged: Vec<usize> = r
        .points
        .iter()
        .enumerate()
        .filter(|(_, p)| p.shift)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(flagged, vec![3, 4, 6, 7, 8, 9]);
    // Five above is not a shift.
    let r = run_chart(&some(&[1., 2., 1., 9., 9., 5., 9., 9., 9., 2., 2., 1., 5.])).unwrap();
    assert!(!r.ihi.shift);
}

#[test]
fn equal_neighbours_neither_count_nor_break_a_trend() {
    let r = run_chart(&some(&[5., 1., 2., 2., 3., 4., 5., 3.])).unwrap();
    assert!(r.ihi.trend);
    let flagged: Vec<bool> = r.points.iter().map(|p| p.trend).collect();
    assert_eq!(
        flagged,
        vec![false, true, true, true, true, true, true, false]
    );
    // Four distinct rising values are not a trend, however many repeats.
    let r = run_chart(&some(&[1., 2., 2., 2., 3., 4., 4., 1.])).unwrap();
    assert!(!r.ihi.trend);
}

#[test]
fn v_shape_gives_two_trends_sharing_the_bottom() {
    let r = run_chart(&some(&[9., 8., 7., 6., 5., 6., 7., 8., 9.])).unwrap();
    assert!(r.points.iter().all(|p| p.trend));
}

#[test]
fn missing_values_are_skipped() {
    let values = [
        Some(1.0),
        None,
        Some(2.0),
        Some(3.0),
        None,
        Some(4.0),
        Some(5.0),
        Some(0.0),
    ];
    let r = run_chart(&values).unwrap();
    assert_eq!(r.median, Some(2.5));
    assert_eq!(r.useful, 6);
    assert!(r.points[0].trend && !r.points[1].trend && r.points[6].trend && !r.points[7].trend);
    assert_eq!(r.points[1].median, Some(2.5));
}

#[test]
fn runs_signals_are_strict_against_the_table() {
    // 10 useful points alternating: 10 runs > 9 → too many.
    let alternating: Vec<f64> = (0..10)
        .map(|i| if i % 2 == 0 { 1.0 } else { 9.0 })
        .collect();
    let r = run_chart(&some(&alternating)).unwrap();
    assert_eq!(r.ihi.runs, Some(10));
    assert!(r.ihi.too_many_runs);
    // 9 runs: equal to the upper limit, no signal.
    let mut nine = alternating.clone();
    nine[9] = 1.0;
    nine[8] = 9.0;
    let r = run_chart(&some(&nine)).unwrap();
    assert_eq!(r.ihi.runs, Some(9));
    assert!(!r.ihi.too_many_runs);
    // 2 runs of 5: fewer than 3 → too few.
    let r = run_chart(&some(&[1., 1., 2., 1., 2., 8., 9., 8., 9., 8.])).unwrap();
    assert_eq!(r.ihi.runs, Some(2));
    assert!(r.ihi.too_few_runs);
}

#[test]
fn table_limits_only_from_10_to_60_useful_points() {
    let r = run_chart(&some(&[1., 3., 2., 4.])).unwrap();
    assert_eq!((r.ihi.runs_lower, r.ihi.runs_upper), (None, None));
    assert!(r.warnings.iter().any(|w| w.contains("fewer than 10")));
    let long: Vec<f64> = (0..70).map(|i| (i * 37 % 71) as f64).collect();
    let r = run_chart(&some(&long)).unwrap();
    assert_eq!(r.ihi.runs_lower, None);
    assert!(r.warnings.iter().any(|w| w.contains("more than 60")));
    assert_eq!(runs_limits(24), Some((8, 18)));
}

#[test]
fn anhoej_at_24_useful_points() {
    // DOMAIN.md: at n = 24, longest run at most 8, crossings at least 8.
    let values: Vec<f64> = (0..24)
        .map(|i| if (i / 3) % 2 == 0 { 1.0 } else { 9.0 })
        .collect();
    let r = run_chart(&some(&values)).unwrap();
    assert_eq!(r.anhoej.longest_run_max, Some(8));
    assert_eq!(r.anhoej.crossings_min, Some(8));
    assert_eq!(r.anhoej.crossings, Some(7));
    assert!(r.anhoej.signal);
}

#[test]
fn constant_and_empty_series() {
    let r = run_chart(&some(&[4.0; 12])).unwrap();
    assert_eq!(r.useful, 0);
    assert_eq!(r.ihi.runs, None);
    assert_eq!(r.anhoej.longest_run, None);
    assert!(!r.anhoej.signal && !r.ihi.shift && !r.ihi.trend);
    let r = run_chart(&[]).unwrap();
    assert_eq!(r.median, None);
    assert!(run_chart(&[Some(f64::INFINITY)]).is_err());
}
