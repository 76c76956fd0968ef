//! The portfolio's projects as a register for Excel (`.xlsx`) or CSV, one row per project with
//! the columns `import projects` reads, so export → edit in Excel → import updates and never
//! duplicates. No cell ever becomes a live formula: XLSX text is written as text, and in CSV a
//! text that Excel would run (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`, which the
//! import takes off again.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::register::RegisterField;
use super::table::Cell;
use crate::store::{PortfolioSheet, ProjectImport, SheetValue};

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
    projects_sheet(&mut book, rows)?;
    book.save_to_buffer()
}

/// What a workbook holds, in words: `120 projects, 310 team, …, 500000 data points, …`.
pub fn contents(projects: usize, sheets: &[PortfolioSheet]) -> String {
    std::iter::once(format!("{projects} projects"))
        .chain(sheets.iter().map(|s| match s.name {
            "Data" => format!("{} data points", s.rows.len()),
            name => format!("{} {}", s.rows.len(), name.to_lowercase()),
        }))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The whole portfolio: the register first, then a sheet per table (`export workbook`).
pub fn workbook(
    rows: &[ProjectImport],
    sheets: &[PortfolioSheet],
    on_row: &mut dyn FnMut(),
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    projects_sheet(&mut book, rows)?;
    let formats = Formats::new();
    for table in sheets {
        // Rows go to a temporary file as they are written, not all held until the save:
        // the Data sheet alone is half a million rows.
        let sheet = book.add_worksheet_with_low_memory()?.set_name(table.name)?;
        let widths: Vec<f64> = table
            .headers
            .iter()
            .map(|h| match *h {
                "Ref" | "Cycle" | "Score" | "Act" | "Level" | "Kind" | "Unit" => 10.0,
                "Date" | "Start date" | "End date" | "Claimed date" | "Value" | "Amount" => 12.0,
                _ => 28.0,
            })
            .collect();
        header(sheet, table.headers, &widths, table.rows.len(), &formats)?;
        for (i, values) in table.rows.iter().enumerate() {
            for (column, value) in values.iter().enumerate() {
                let cell = match value {
                    SheetValue::Empty => Cell::Empty,
                    SheetValue::Text(t) => Cell::Text(t.clone()),
                    SheetValue::Number(n) => Cell::Number(*n),
                    SheetValue::Date(d) => Cell::Date(*d),
                };
                write_cell(sheet, i as u32 + 1, column as u16, &cell, &formats)?;
            }
            on_row();
        }
    }
    book.save_to_buffer()
}

struct Formats {
    bold: Format,
    date: Format,
    wrap: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            bold: Format::new().set_bold(),
            date: Format::new().set_num_format("dd/mm/yyyy"),
            wrap: Format::new().set_text_wrap(),
        }
    }
}

fn projects_sheet(book: &mut Workbook, rows: &[ProjectImport]) -> Result<(), XlsxError> {
    let formats = Formats::new();
    let sheet = book.add_worksheet().set_name("Projects")?;
    let headers: Vec<&str> = COLUMNS.iter().map(|f| f.header()).collect();
    let widths: Vec<f64> = COLUMNS
        .iter()
        .map(|field| match field {
            RegisterField::Title | RegisterField::Aim | RegisterField::Problem => 48.0,
            RegisterField::ScopeIn | RegisterField::ScopeOut | RegisterField::Risks => 32.0,
            RegisterField::Ref | RegisterField::Score | RegisterField::Status => 10.0,
            _ => 20.0,
        })
        .collect();
    header(sheet, &headers, &widths, rows.len(), &formats)?;
    for (i, row) in rows.iter().enumerate() {
        for (column, cell) in cells(row).iter().enumerate() {
            write_cell(sheet, i as u32 + 1, column as u16, cell, &formats)?;
        }
    }
    Ok(())
}

/// A bold header row, frozen, with a filter over the rows below and set column widths.
fn header(
    sheet: &mut Worksheet,
    headers: &[&str],
    widths: &[f64],
    rows: usize,
    formats: &Formats,
) -> Result<(), XlsxError> {
    for (column, (name, width)) in headers.iter().zip(widths).enumerate() {
        sheet.write_string_with_format(0, column as u16, *name, &formats.bold)?;
        sheet.set_column_width(column as u16, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let last = u32::try_from(rows).unwrap_or(u32::MAX);
    sheet.autofilter(0, 0, last, headers.len().saturating_sub(1) as u16)?;
    Ok(())
}

/// Text as text (never a formula), numbers as numbers, dates as date cells.
fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    column: u16,
    cell: &Cell,
    formats: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Text(t) if t.contains('\n') => {
            sheet.write_string_with_format(row, column, t, &formats.wrap)?;
        }
        Cell::Text(t) => {
            sheet.write_string(row, column, t)?;
        }
        Cell::Number(n) => {
            sheet.write_number(row, column, *n)?;
        }
        Cell::Date(d) => {
            use chrono::Datelike;
            let excel = ExcelDateTime::from_ymd(
                u16::try_from(d.year()).unwrap_or(1900),
                d.month() as u8,
                d.day() as u8,
            )?;
            sheet.write_datetime_with_format(row, column, excel, &formats.date)?;
        }
        Cell::Bool(b) => {
            sheet.write_boolean(row, column, *b)?;
        }
    }
    Ok(())
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
