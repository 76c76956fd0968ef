//! Properties over arbitrary finite input: no panic, no NaN or infinity anywhere in the output,
//! one output row per input row, rules inside their group. (Speed is measured by benches/spc.rs, not by a test.)

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

use proptest::prelude::*;
use qiboard::spc::{Direction, Rule, XmrOptions, run_chart, xmr_indexed};

fn value() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        1 => Just(None),
        2 => (-5i32..5).prop_map(|v| Some(f64::from(v))),
        4 => (-1e6f64..1e6).prop_map(Some),
        1 => prop_oneof![Just(f64::MAX), Just(-f64::MAX), Just(f64::MIN_POSITIVE), Just(5e-324), Just(0.0)].prop_map(Some),
    ]
}

fn finite(x: Option<f64>) -> bool {
    x.is_none_or(f64::is_finite)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn xmr_never_panics_nor_emits_nan(
        values in proptest::collection::vec(value(), 0..80),
        rebases in proptest::collection::vec(0usize..80, 0..4),
        baseline in proptest::option::of(12usize..30),
        screen in any::<bool>(),
        direction in prop_oneof![Just(Direction::Increase), Just(Direction::Decrease), Just(Direction::Neutral)],
        target in proptest::option::of(-1e6f64..1e6),
    ) {
        let rebases: Vec<usize> = rebases.into_iter().filter(|&r| r < values.len()).collect();
        let opts = XmrOptions { direction, target, baseline, screen, ..XmrOptions::default() };
        let r = xmr_indexed(&values, &rebases, &opts).unwrap();
        prop_assert_eq!(r.points.len(), values.len());
        for (p, v) in r.points.iter().zip(&values) {
            prop_assert_eq!(p.value, *v);
            for x in [p.mean, p.lpl, p.upl, p.nlpl, p.nupl] {
                prop_assert!(finite(x));
            }
            prop_assert_eq!(p.lpl.is_some(), p.upl.is_some());
            if v.is_none() {
                prop_assert_eq!(p.rule, Rule::None);
            }
            if let (Some(l), Some(u), Some(m)) = (p.lpl, p.upl, p.mean) {
                prop_assert!(l <= m && m <= u);
            }
        }
        for g in &r.groups {
            for x in [g.mean, g.amr, g.lpl, g.upl] {
                prop_assert!(finite(x));
            }
        }
        let json = serde_json::to_string(&r).unwrap();
        prop_assert!(!json.contains("NaN") && !json.contains("inf"));
        if direction == Direction::Neutral || target.is_none() || values.is_empty() {
            prop_assert!(r.assurance.is_none());
        }
    }

    #[test]
    fn run_chart_never_panics_nor_emits_nan(values in proptest::collection::vec(value(), 0..120)) {
        let r = run_chart(&values).unwrap();
        prop_assert_eq!(r.points.len(), values.len());
        prop_assert!(finite(r.median));
        let present = values.iter().flatten().count();
        prop_assert!(r.useful <= present);
        if let (Some(runs), Some(crossings)) = (r.ihi.runs, r.anhoej.crossings) {
            prop_assert_eq!(runs, crossings + 1);
            prop_assert!(runs <= r.useful);
        }
    }
}
