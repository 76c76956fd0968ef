//! qiboard: a trust's portfolio of quality-improvement projects in one local SQLite file.
//!
//! The rooms follow `shared/ARCHITECTURE.md`: `domain` and `spc` are pure (and
//! `measure_reading`, the bridge that reads a portfolio measure with the SPC engine), `store`
//! owns all SQL, `exchange` crosses the laptop's edge, `app` holds the app's state and
//! actions, `ui` draws it, `cli` is the scriptable face.

pub mod app;
pub mod cli;
pub mod clock;
pub mod demo;
pub mod domain;
pub mod exchange;
pub mod measure_reading;
pub mod platform;
pub mod spc;
pub mod store;
pub mod tui;
pub mod ui;
