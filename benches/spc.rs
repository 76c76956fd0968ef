//! Issue 4's speed targets: full XmR analysis (limits, all four rules, icons) of 100,000
//! points ≤ 10 ms and of 1,000 points ≤ 0.1 ms; run-chart analysis of 100,000 points ≤ 10 ms.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use qiboard::spc::{XmrOptions, run_chart, xmr};
use std::hint::black_box;

/// A deterministic, realistic series: noise around a level with a step, a few gaps and
/// outliers, so every rule has work to do.
fn series(n: usize) -> (Vec<NaiveDate>, Vec<Option<f64>>) {
    let start = NaiveDate::from_ymd_opt(1900, 1, 1).expect("valid date");
    let dates = (0..n)
        .map(|i| start + chrono::Days::new(i as u64))
        .collect();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let values = (0..n)
        .map(|i| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let noise = (state % 10_000) as f64 / 1_000.0;
            match i % 997 {
                0 => None,
                500 => Some(100.0),
                _ => Some(50.0 + noise + if i % 5000 > 4000 { 3.0 } else { 0.0 }),
            }
        })
        .collect();
    (dates, values)
}

fn bench(c: &mut Criterion) {
    let opts = XmrOptions {
        target: Some(55.0),
        ..XmrOptions::default()
    };
    for n in [1_000, 100_000] {
        let (dates, values) = series(n);
        c.bench_function(&format!("xmr {n} points"), |b| {
            b.iter(|| xmr(black_box(&dates), black_box(&values), &opts).expect("valid series"))
        });
    }
    let (_, values) = series(100_000);
    c.bench_function("run chart 100000 points", |b| {
        b.iter(|| run_chart(black_box(&values)).expect("valid series"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
