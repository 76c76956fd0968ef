//! What crosses the laptop edge: JSON backup and restore, registers and series from Excel
//! and CSV, workbook exports, reports.

pub mod files;
pub mod json;
pub mod register;
pub mod register_export;
pub mod report;
pub mod series;
pub mod sniff;
pub mod spc_report;
pub mod table;
