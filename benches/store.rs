//! The store on the large generated portfolio (5,000 projects, 50,000 PDSA cycles,
//! 500,000 data points): opening and reading the board, and one change of each kind,
//! each with its history row and its disk sync. `*_no_sync` runs the same change with
//! `synchronous = OFF`, to show the sync's share.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod common;

use chrono::NaiveDate;
use common::{clock, large_portfolio};
use criterion::{Criterion, criterion_group, criterion_main};
use qiboard::domain::{ProgressScore, ProjectRef};
use qiboard::store::{NewProject, Store};

fn store_benches(c: &mut Criterion) {
    let path = large_portfolio();
    c.bench_function("open store + read whole board (large)", |b| {
        b.iter(|| {
            let store = Store::open(&path, clock()).unwrap();
            let board = store.board(&Default::default()).unwrap();
            assert_eq!(board.iter().map(|c| c.cards.len()).sum::<usize>(), 5_000);
        })
    });
    let store = Store::open(&path, clock()).unwrap();
    c.bench_function("read whole board, store open (large)", |b| {
        b.iter(|| store.board(&Default::default()).unwrap())
    });
    drop(store);

    for sync in [true, false] {
        let suffix = if sync { "" } else { " no_sync" };
        let mut store = Store::open(&path, clock()).unwrap();
        if !sync {
            store.set_synchronous_off_for_benchmarks().unwrap();
        }
        let reference = store
            .add_project(&NewProject {
                title: "Bench project".into(),
                ..Default::default()
            })
            .unwrap();
        c.bench_function(&format!("change: add project{suffix}"), |b| {
            b.iter(|| {
                store
                    .add_project(&NewProject {
                        title: "Bench project".into(),
                        lead: Some("Bench Lead".into()),
                        ..Default::default()
                    })
                    .unwrap()
            })
        });
        let stages = ["define", "measure"];
        let mut i = 0;
        c.bench_function(&format!("change: move project{suffix}"), |b| {
            b.iter(|| {
                i += 1;
                store.move_project(reference, stages[i % 2], None).unwrap()
            })
        });
        let scores = [
            ProgressScore::from_halves(3).unwrap(),
            ProgressScore::from_halves(4).unwrap(),
        ];
        c.bench_function(&format!("change: score project{suffix}"), |b| {
            b.iter(|| {
                i += 1;
                store
                    .set_score(reference, Some(scores[i % 2]), "bench", "", None)
                    .unwrap()
            })
        });
        let measured = ProjectRef(1);
        let measure = store.measures(measured).unwrap()[0].name.clone();
        let mut day = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
        c.bench_function(&format!("change: record data point{suffix}"), |b| {
            b.iter(|| {
                day = day.succ_opt().unwrap();
                store
                    .record_point(measured, &measure, day, 42.0, "")
                    .unwrap()
            })
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(30).measurement_time(std::time::Duration::from_secs(3));
    targets = store_benches
}
criterion_main!(benches);
