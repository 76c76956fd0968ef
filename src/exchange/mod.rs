//! What crosses the laptop edge: JSON backup and restore, CSV series, reports.

pub mod json;
