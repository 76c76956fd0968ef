//! The large generated portfolio, built once into the target folder and copied fresh for
//! each bench run (the benches change it).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, TimeZone, Utc};
use qiboard::clock::Clock;
use qiboard::store::Store;

pub fn clock() -> Clock {
    Clock::fixed(Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap())
}

/// Builds the large portfolio once per bench run, in the target folder (a local disk).
pub fn large_portfolio() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-large");
    let path = dir.join("large.sqlite3");
    if !path.exists() {
        std::fs::create_dir_all(&dir).unwrap();
        let mut store = Store::open(&path, clock()).unwrap();
        let stages = store.stage_uuids().unwrap();
        let anchor = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let portfolio = qiboard::demo::large_portfolio(&stages, anchor);
        store.load(&portfolio, "large demo", &mut |_| {}).unwrap();
    }
    // The changes below add rows: work on a fresh copy each run.
    let work = dir.join("work.sqlite3");
    for stale in ["work.sqlite3", "work.sqlite3-wal", "work.sqlite3-shm"] {
        let _ = std::fs::remove_file(dir.join(stale));
    }
    std::fs::copy(&path, &work).unwrap();
    work
}
