//! What crosses the laptop edge: JSON backup and restore, CSV series, reports.

pub mod files;
pub mod json;
pub mod register;
pub mod register_export;
pub mod series_csv;
pub mod spc_report;
pub mod table;
