//! The portfolio's projects as a register for Excel (`.xlsx`) or CSV, one row per project with
//! the columns `import projects` reads, so export → edit in Excel → import updates and never
//! duplicates. No cell ever becomes a live formula: XLSX text is written as text, and in CSV a
//! text that Excel would run (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`, which the
//! import takes off again.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::register::RegisterField;
use super::table::Cell;
use crate::store::ProjectImport;

/// The register's columns in the export's order (ref first).
pub const COLUMNS: [RegisterField; 20] = [
    RegisterField::Ref,
    RegisterField::Title,
    RegisterField::Stage,
    RegisterField::Status,
    RegisterField::Score,
    RegisterField::Lead,
    RegisterField::Sponsor,
    RegisterField::Coach,
    RegisterField::Cohort,
    RegisterField::Division,
    RegisterField::Department,
    RegisterField::StartDate,
    RegisterField::TargetDate,
    RegisterField::Aim,
    RegisterField::Problem,
    RegisterField::ScopeIn,
    RegisterField::ScopeOut,
    RegisterField::Risks,
    RegisterField::Members,
    RegisterField::ExternalId,
];

fn text(value: &Option<String>) -> Cell {
    value.clone().map_or(Cell::Empty, Cell::Text)
}

/// One project's cells, in [`COLUMNS`] order.
fn cells(row: &ProjectImport) -> Vec<Cell> {
    COLUMNS
        .iter()
        .map(|field| match field {
            RegisterField::Ref => row
                .reference
                .map_or(Cell::Empty, |r| Cell::Text(r.to_string())),
            RegisterField::Title => text(&row.title),
            RegisterField::Stage => text(&row.stage),
            RegisterField::Status => row
                .status
                .map_or(Cell::Empty, |s| Cell::Text(s.label().to_string())),
            RegisterField::Score => row.score.map_or(Cell::Empty, |s| Cell::Number(s.value())),
            RegisterField::Lead => text(&row.lead),
            RegisterField::Sponsor => text(&row.sponsor),
            RegisterField::Coach => text(&row.coach),
            RegisterField::Cohort => text(&row.cohort),
            RegisterField::Division => text(&row.division),
            RegisterField::Department => text(&row.department),
            RegisterField::StartDate => row.start_date.map_or(Cell::Empty, Cell::Date),
            RegisterField::TargetDate => row.target_date.map_or(Cell::Empty, Cell::Date),
            RegisterField::Aim => text(&row.aim),
            RegisterField::Problem => text(&row.problem),
            RegisterField::ScopeIn => text(&row.scope_in),
            RegisterField::ScopeOut => text(&row.scope_out),
            RegisterField::Risks => text(&row.risks),
            RegisterField::Members if row.members.is_empty() => Cell::Empty,
            RegisterField::Members => Cell::Text(row.members.join("; ")),
            RegisterField::ExternalId => text(&row.external_id),
        })
        .collect()
}

/// A text Excel would run as a formula, made inert.
fn inert(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// The register as CSV (UTF-8 with a byte-order mark, so Excel reads accents right).
pub fn to_csv(rows: &[ProjectImport]) -> Vec<u8> {
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let header: Vec<&str> = COLUMNS.iter().map(|f| f.header()).collect();
    // Writing to memory cannot fail.
    let _ = out.write_record(&header);
    for row in rows {
        let record: Vec<String> = cells(row)
            .iter()
            .map(|cell| match cell {
                Cell::Text(t) => inert(t),
                other => other.shown(),
            })
            .collect();
        let _ = out.write_record(&record);
    }
    out.into_inner().unwrap_or_default()
}

/// The register as an Excel workbook: a bold, frozen header with a filter; dates as date
/// cells, scores as numbers, everything else as text.
pub fn to_xlsx(rows: &[ProjectImport]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Projects")?;
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let wrap = Format::new().set_text_wrap();
    for (column, field) in COLUMNS.iter().enumerate() {
        let column = column as u16;
        sheet.write_string_with_format(0, column, field.header(), &bold)?;
        let width = match field {
            RegisterField::Title | RegisterField::Aim | RegisterField::Problem => 48.0,
            RegisterField::ScopeIn | RegisterField::ScopeOut | RegisterField::Risks => 32.0,
            RegisterField::Ref | RegisterField::Score | RegisterField::Status => 10.0,
            _ => 20.0,
        };
        sheet.set_column_width(column, width)?;
    }
    for (i, row) in rows.iter().enumerate() {
        let at = i as u32 + 1;
        for (column, cell) in cells(row).iter().enumerate() {
            let column = column as u16;
            match cell {
                Cell::Empty => {}
                Cell::Text(t) if t.contains('\n') => {
                    sheet.write_string_with_format(at, column, t, &wrap)?;
                }
                Cell::Text(t) => {
                    sheet.write_string(at, column, t)?;
                }
                Cell::Number(n) => {
                    sheet.write_number(at, column, *n)?;
                }
                Cell::Date(d) => {
                    use chrono::Datelike;
                    let excel = ExcelDateTime::from_ymd(
                        u16::try_from(d.year()).unwrap_or(1900),
                        d.month() as u8,
                        d.day() as u8,
                    )?;
                    sheet.write_datetime_with_format(at, column, excel, &date)?;
                }
                Cell::Bool(b) => {
                    sheet.write_boolean(at, column, *b)?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows.len() as u32, COLUMNS.len() as u16 - 1)?;
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_exported_header_reads_back_as_its_field() {
        for field in COLUMNS {
            assert_eq!(
                RegisterField::parse(field.header()),
                Some(field),
                "{field:?}"
            );
        }
    }

    #[test]
    fn formulas_are_made_inert_in_csv() {
        let row = ProjectImport {
            title: Some("=HYPERLINK(\"http://x\")".into()),
            aim: Some("-5 beds".into()),
            ..Default::default()
        };
        let text = String::from_utf8(to_csv(&[row])).unwrap();
        assert!(text.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{text}");
        assert!(text.contains("'-5 beds"), "{text}");
    }
}
