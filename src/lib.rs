//! qiboard: a trust's portfolio of quality-improvement projects in one local SQLite file.
//!
//! The rooms follow `shared/ARCHITECTURE.md`: `domain` and `spc` are pure, `store` owns all
//! SQL, `exchange` crosses the laptop's edge, `cli` is the scriptable face.

pub mod app;
pub mod cli;
pub mod clock;
pub mod demo;
pub mod domain;
pub mod exchange;
pub mod platform;
pub mod spc;
pub mod store;
pub mod tui;
pub mod ui;
