//! Bringing a portfolio in and taking it out, on the large generated portfolio's register
//! (5,000 projects): reading the register file, importing it into a new portfolio, and
//! writing the whole workbook (500,000 data points).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod common;

use common::{clock, large_portfolio};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use qiboard::exchange::register::read_register_file;
use qiboard::exchange::register_export;
use qiboard::exchange::report::{
    BoardRequest, board_html, board_report, project_html, project_report,
};
use qiboard::store::{RowAction, Store};

fn exchange_benches(c: &mut Criterion) {
    let path = large_portfolio();
    let store = Store::open(&path, clock()).unwrap();
    let rows = store.register().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("register.csv");
    std::fs::write(&file, register_export::to_csv(&rows)).unwrap();
    let stages = store.stages().unwrap();

    c.bench_function("read a 5,000-row CSV register", |b| {
        b.iter(|| {
            let register = read_register_file(&file, None, &[], &stages).unwrap();
            assert_eq!(register.rows.len(), 5_000);
        })
    });

    let register = read_register_file(&file, None, &[], &stages).unwrap();
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("import a 5,000-row register into a new portfolio", |b| {
        b.iter_batched(
            || {
                let target = dir.path().join("new.sqlite3");
                for stale in ["new.sqlite3", "new.sqlite3-wal", "new.sqlite3-shm"] {
                    let _ = std::fs::remove_file(dir.path().join(stale));
                }
                Store::open(&target, clock()).unwrap()
            },
            |mut fresh| {
                let outcome = fresh
                    .import_projects(&register.rows, "register.csv", false)
                    .unwrap();
                assert_eq!(outcome.count(RowAction::Added), 5_000);
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();

    c.bench_function("board report of the large portfolio (HTML)", |b| {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let request = BoardRequest {
            filter: Default::default(),
            since: today - chrono::Days::new(90),
            today,
            stale_weeks: 6,
        };
        b.iter(|| {
            let report = board_report(&store, &request).unwrap();
            assert_eq!(report.projects.len(), 5_000);
            board_html(&report)
        })
    });

    c.bench_function("project on a page (large portfolio)", |b| {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        b.iter(|| {
            let report = project_report(&store, qiboard::domain::ProjectRef(12), today).unwrap();
            project_html(&report)
        })
    });

    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.bench_function(
        "workbook of the large portfolio (500,000 data points)",
        |b| {
            b.iter(|| {
                let sheets = store.portfolio_sheets(&mut || {}).unwrap();
                register_export::workbook(&rows, &sheets, &mut || {}).unwrap()
            })
        },
    );
    group.finish();
}

criterion_group!(benches, exchange_benches);
criterion_main!(benches);
