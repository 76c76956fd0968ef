//! The schema's history. Each migration is a step that old databases take on open (after a
//! backup next to the file); never edit a released step, add a new one.

use rusqlite_migration::{M, Migrations};

/// `PRAGMA application_id` of every qiboard portfolio ("QIBD"): how we tell our files apart.
pub const APPLICATION_ID: i32 = 0x5149_4244;

const STEPS: &[M<'static>] = &[
    M::up(include_str!("sql/001_portfolio.sql")),
    M::up(include_str!("sql/002_main_measure.sql")),
    M::up(include_str!("sql/003_board_summary.sql")),
    M::up(include_str!("sql/004_gateway.sql")),
    M::up(include_str!("sql/005_external_id.sql")),
    M::up(include_str!("sql/006_history_author.sql")),
    M::up(include_str!("sql/007_cohort_sessions.sql")),
];

pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(STEPS)
}

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    STEPS.len() as i64
}
