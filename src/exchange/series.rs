//! A measure's series from a file people made: CSV as Excel saves it or a sheet of a
//! spreadsheet ([`super::table`] reads both), with a header row naming a date column (`date`,
//! `month`, `week` or `period`, any case) and a `value` column; other columns are ignored.
//! Dates as date cells, `YYYY-MM-DD`, UK `DD/MM/YYYY` or `3 Mar 2026`; an empty value is a
//! missing point; negatives allowed.
//!
//! Every refusal is one line naming the line (CSV) or sheet and row, the column and the
//! format expected, because the person fixing it has the file open in Excel.

use std::path::Path;

use chrono::NaiveDate;

use super::table::{
    Cell, Row, Sheet, TableError, cut, for_message, pick_sheet, place, read_bytes, read_sheets,
};

/// One point of a series: its date and its value, `None` when the cell is empty.
pub type SeriesPoint = (NaiveDate, Option<f64>);

const DATE_FORMAT: &str = "expected a date as YYYY-MM-DD or DD/MM/YYYY, or a date cell";
const VALUE_FORMAT: &str = "expected a finite number like 12.5, or empty for a missing point";
/// Headers a date column goes by: trackers count by month or week as often as by date.
const DATE_HEADERS: [&str; 4] = ["date", "month", "week", "period"];

/// Where in the file: a CSV line, or a spreadsheet's sheet and row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct At {
    pub sheet: Option<String>,
    pub row: u64,
}

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&place(self.sheet.as_deref(), self.row))
    }
}

/// Why a series was refused. Display is one line; the file is named by [`SeriesFileError`].
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SeriesError {
    #[error(
        "the file is empty (expected a header row naming date and value columns, then one row per point)"
    )]
    Empty,
    #[error(
        "{at}: the header has no {missing} column (found: {found}; expected a header row naming date and value columns, e.g. date,value)"
    )]
    MissingColumns {
        at: At,
        missing: String,
        found: String,
    },
    #[error("{at}: the header has two {column} columns (expected one date and one value column)")]
    DuplicateColumn { at: At, column: String },
    #[error("{at}, column {column}: {text:?} is not a date ({DATE_FORMAT})")]
    BadDate {
        at: At,
        column: String,
        text: String,
    },
    #[error("{at}, column value: {text:?} is not a number ({VALUE_FORMAT})")]
    BadValue { at: At, text: String },
    #[error("{at}, column value: {text:?} is not a finite number ({VALUE_FORMAT})")]
    NotFinite { at: At, text: String },
    #[error(
        "{at}, column {column}: {date} comes before {previous} on {previous_row} (expected dates in increasing order, as a chart follows the file's rows: sort the file by date, or import it into a measure with `qiboard measure import`, which sorts)"
    )]
    OutOfOrder {
        at: At,
        column: String,
        date: NaiveDate,
        previous: NaiveDate,
        previous_row: String,
    },
    #[error(
        "{at}, column {column}: {date} repeats the date on {previous_row} (expected each date once)"
    )]
    Repeated {
        at: At,
        column: String,
        date: NaiveDate,
        previous_row: String,
    },
    #[error(
        "column value: only {found} value{} in the file (expected at least two values to chart)",
        if *.found == 1 { "" } else { "s" }
    )]
    TooFewValues { found: usize },
    #[error("column value: no values in the file (expected at least one number to import)")]
    NoValues,
}

/// A refused series file: the file named, then what was wrong and where.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SeriesFileError {
    #[error(transparent)]
    Table(#[from] TableError),
    #[error("{file}: {error}")]
    Series { file: String, error: SeriesError },
}

/// Whether a file's rows must already be in date order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowOrder {
    /// A chart's series: the file's order is the chart's, so dates must increase down the file.
    Increasing,
    /// Points to store: any order (Excel exports are often newest first), returned by date.
    AnyOrder,
}

/// What a series must hold to be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wanted<'a> {
    /// The sheet named by `--sheet`; else the first sheet with date and value columns.
    pub sheet: Option<&'a str>,
    /// At least this many values (a chart needs two; `measure import` checks for none itself).
    pub min_values: usize,
    pub order: RowOrder,
}

/// Reads a series from `path` (`-` is standard input).
pub fn read_series_file(
    path: &Path,
    wanted: Wanted<'_>,
) -> Result<Vec<SeriesPoint>, SeriesFileError> {
    let sheets = read_sheets(path)?;
    let file = source_name(path);
    let sheets = pick_sheet(sheets, wanted.sheet, &file)?;
    series_of(&sheets, wanted).map_err(|error| SeriesFileError::Series { file, error })
}

/// A measure's values as a file gives them to store: dated numbers in date order, and how
/// many rows had a date but no value (missing points are not recorded).
#[derive(Debug, Clone, PartialEq)]
pub struct Readings {
    pub values: Vec<(NaiveDate, f64)>,
    pub skipped: usize,
}

/// Reads the values to import into a measure, in any order (Excel exports are often newest
/// first); refused when the file has none.
pub fn read_readings(path: &Path, sheet: Option<&str>) -> Result<Readings, SeriesFileError> {
    let wanted = Wanted {
        sheet,
        min_values: 0,
        order: RowOrder::AnyOrder,
    };
    let points = read_series_file(path, wanted)?;
    let skipped = points.iter().filter(|p| p.1.is_none()).count();
    let values: Vec<(NaiveDate, f64)> = points
        .iter()
        .filter_map(|(date, value)| value.map(|v| (*date, v)))
        .collect();
    if values.is_empty() {
        return Err(SeriesFileError::Series {
            file: source_name(path),
            error: SeriesError::NoValues,
        });
    }
    Ok(Readings { values, skipped })
}

/// A file as a message names it.
fn source_name(path: &Path) -> String {
    if path == Path::new("-") {
        "standard input".to_string()
    } else {
        path.display().to_string()
    }
}

/// Reads a whole CSV series from text, as a chart takes it (tests and references use this).
pub fn parse_series(text: &str) -> Result<Vec<SeriesPoint>, SeriesFileError> {
    read_series_bytes(text.as_bytes(), CHART)
}

/// What a chart needs: two values at least, in the file's order.
pub const CHART: Wanted<'static> = Wanted {
    sheet: None,
    min_values: 2,
    order: RowOrder::Increasing,
};

/// Reads a series from the bytes of a CSV file (or a workbook by its signature).
pub fn read_series_bytes(
    bytes: &[u8],
    wanted: Wanted<'_>,
) -> Result<Vec<SeriesPoint>, SeriesFileError> {
    let file = "the text".to_string();
    let sheets = pick_sheet(read_bytes(bytes, "csv", &file)?, wanted.sheet, &file)?;
    series_of(&sheets, wanted).map_err(|error| SeriesFileError::Series { file, error })
}

/// The series in the first of `sheets` whose header names date and value columns.
fn series_of(sheets: &[Sheet], wanted: Wanted<'_>) -> Result<Vec<SeriesPoint>, SeriesError> {
    let mut first_refusal = None;
    for sheet in sheets {
        // The header may sit under a title row or two, as trackers have them.
        let candidates = sheet
            .rows
            .iter()
            .enumerate()
            .filter(|(_, row)| !row.is_blank())
            .take(HEADER_ROWS_SEARCHED);
        for (at, row) in candidates {
            match find_columns(sheet, row) {
                Ok(columns) => return read_rows(sheet, &sheet.rows[at + 1..], columns, wanted),
                Err(refusal) => {
                    first_refusal.get_or_insert(refusal);
                }
            }
        }
    }
    Err(first_refusal.unwrap_or(SeriesError::Empty))
}

/// Rows of a sheet that may be its header: title rows above it are skipped, prose is not read.
const HEADER_ROWS_SEARCHED: usize = 5;

/// The date column's index and header, and the value column's index.
struct Columns {
    date: usize,
    date_header: String,
    value: usize,
}

fn read_rows(
    sheet: &Sheet,
    rows: &[Row],
    columns: Columns,
    wanted: Wanted<'_>,
) -> Result<Vec<SeriesPoint>, SeriesError> {
    let at = |row: u64| At {
        sheet: sheet.name.clone(),
        row,
    };
    let column = || columns.date_header.clone();
    // Each point with the row it came from, for messages about order and repeats.
    let mut points: Vec<(NaiveDate, Option<f64>, u64)> = Vec::new();
    for row in rows.iter().filter(|r| !r.is_blank()) {
        let date_cell = row.cell(columns.date);
        let date = date_of(date_cell).ok_or_else(|| SeriesError::BadDate {
            at: at(row.number),
            column: column(),
            text: cut(&date_cell.shown()),
        })?;
        let value = value_of(row.cell(columns.value), at(row.number))?;
        if let (RowOrder::Increasing, Some(&(previous, _, previous_row))) =
            (wanted.order, points.last())
        {
            if date == previous {
                return Err(SeriesError::Repeated {
                    at: at(row.number),
                    column: column(),
                    date,
                    previous_row: at(previous_row).to_string(),
                });
            }
            if date < previous {
                return Err(SeriesError::OutOfOrder {
                    at: at(row.number),
                    column: column(),
                    date,
                    previous,
                    previous_row: at(previous_row).to_string(),
                });
            }
        }
        points.push((date, value, row.number));
    }
    if wanted.order == RowOrder::AnyOrder {
        // Stable: points of one date stay in file order, so a repeat names the earlier row.
        points.sort_by_key(|point| point.0);
        let first_repeat = points
            .windows(2)
            .filter(|pair| pair[0].0 == pair[1].0)
            .min_by_key(|pair| pair[1].2);
        if let Some(pair) = first_repeat {
            return Err(SeriesError::Repeated {
                at: at(pair[1].2),
                column: column(),
                date: pair[1].0,
                previous_row: at(pair[0].2).to_string(),
            });
        }
    }
    let values = points.iter().filter(|point| point.1.is_some()).count();
    if values < wanted.min_values {
        return Err(SeriesError::TooFewValues { found: values });
    }
    Ok(points
        .into_iter()
        .map(|(date, value, _)| (date, value))
        .collect())
}

fn find_columns(sheet: &Sheet, header: &Row) -> Result<Columns, SeriesError> {
    let at = At {
        sheet: sheet.name.clone(),
        row: header.number,
    };
    let mut date: Option<(usize, String)> = None;
    let mut value = None;
    let mut names = Vec::with_capacity(header.cells.len());
    for (index, cell) in header.cells.iter().enumerate() {
        let text = cell.shown();
        let name = text.trim();
        names.push(for_message(name));
        let lower = name.to_lowercase();
        if DATE_HEADERS.contains(&lower.as_str()) {
            if date.replace((index, lower)).is_some() {
                return Err(SeriesError::DuplicateColumn {
                    at,
                    column: "date".into(),
                });
            }
        } else if lower == "value" && value.replace(index).is_some() {
            return Err(SeriesError::DuplicateColumn {
                at,
                column: "value".into(),
            });
        }
    }
    match (date, value) {
        (Some((date, date_header)), Some(value)) => Ok(Columns {
            date,
            date_header,
            value,
        }),
        (d, v) => {
            let missing = match (d, v) {
                (None, None) => "date and no value",
                (None, _) => "date",
                _ => "value",
            };
            let found = if names.iter().all(String::is_empty) {
                "no names".to_string()
            } else if names.len() > MAX_NAMES_SHOWN {
                format!("{}, …", names[..MAX_NAMES_SHOWN].join(", "))
            } else {
                names.join(", ")
            };
            Err(SeriesError::MissingColumns {
                at,
                missing: missing.to_string(),
                found,
            })
        }
    }
}

/// A header that is not ours can be a whole line of prose: name the first few columns only.
const MAX_NAMES_SHOWN: usize = 8;

/// A date as the forms and the register import read it ([`crate::domain::read_date`]).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    crate::domain::read_date(text)
}

/// A date cell, or a date typed as text.
fn date_of(cell: &Cell) -> Option<NaiveDate> {
    match cell {
        Cell::Date(date) => Some(*date),
        Cell::Text(text) => parse_date(text.trim()),
        _ => None,
    }
}

fn value_of(cell: &Cell, at: At) -> Result<Option<f64>, SeriesError> {
    let text = match cell {
        Cell::Empty => return Ok(None),
        Cell::Number(n) if n.is_finite() => return Ok(Some(*n)),
        Cell::Text(text) if text.trim().is_empty() => return Ok(None),
        other => other.shown(),
    };
    let number: f64 = text.trim().parse().map_err(|_| SeriesError::BadValue {
        at: at.clone(),
        text: cut(&text),
    })?;
    if number.is_finite() {
        Ok(Some(number))
    } else {
        Err(SeriesError::NotFinite {
            at,
            text: cut(&text),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// The refusal of a CSV text, without the file's name.
    fn refusal(text: &str) -> SeriesError {
        match parse_series(text) {
            Err(SeriesFileError::Series { error, .. }) => error,
            other => panic!("expected a refusal of the series, got {other:?}"),
        }
    }

    fn line(row: u64) -> At {
        At { sheet: None, row }
    }

    #[test]
    fn reads_bom_any_case_extra_columns_and_both_date_formats() {
        let text = "\u{feff}Note,DATE,Value\nx,2024-01-01,12.5\n,02/01/2024,-3\ny,2024-01-03,\n";
        let points = parse_series(text).unwrap();
        assert_eq!(
            points,
            vec![
                (d(2024, 1, 1), Some(12.5)),
                (d(2024, 1, 2), Some(-3.0)),
                (d(2024, 1, 3), None)
            ]
        );
    }

    #[test]
    fn a_month_week_or_period_column_is_the_date() {
        for header in ["Month", "week", "PERIOD"] {
            let text = format!("{header},value\n01/01/2024,1\n01/02/2024,2\n");
            assert_eq!(parse_series(&text).unwrap()[1], (d(2024, 2, 1), Some(2.0)));
        }
        let e = refusal("Month,value\n01/01/2024,1\nFebruary,2\n");
        assert_eq!(
            e.to_string(),
            "line 3, column month: \"February\" is not a date (expected a date as YYYY-MM-DD or DD/MM/YYYY, or a date cell)"
        );
    }

    #[test]
    fn a_title_row_above_the_header_is_skipped() {
        let text =
            "Falls on Ward 10,,\nsource: Datix,,\nnote,date,value\n,2024-01-01,1\n,2024-01-02,2\n";
        assert_eq!(parse_series(text).unwrap().len(), 2);
        // No header in the first rows: the first row is named as the one that is not one.
        let e = refusal("when,amount\n1,2\n3,4\n");
        assert!(matches!(e, SeriesError::MissingColumns { at, .. } if at == line(1)));
    }

    #[test]
    fn skips_blank_rows_and_crlf() {
        let text = "date,value\r\n2024-01-01,1\r\n,\r\n2024-01-02,2\r\n,\r\n";
        assert_eq!(parse_series(text).unwrap().len(), 2);
    }

    #[test]
    fn refusals_name_line_and_column() {
        let e = |t: &str| refusal(t).to_string();
        assert_eq!(
            e("date,value\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\nabc,4\n"),
            "line 5, column date: \"abc\" is not a date (expected a date as YYYY-MM-DD or DD/MM/YYYY, or a date cell)"
        );
        assert_eq!(
            e("date,value\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n2024-01-04,abc\n"),
            "line 5, column value: \"abc\" is not a number (expected a finite number like 12.5, or empty for a missing point)"
        );
        assert!(
            e("date,value\n2024-01-01,NaN\n")
                .starts_with("line 2, column value: \"NaN\" is not a finite")
        );
        assert!(e("date,value\n2024-01-01,inf\n").contains("not a finite number"));
        assert!(
            e("date,amount\n2024-01-01,1\n").starts_with("line 1: the header has no value column")
        );
        assert!(e("when,amount\n").contains("no date and no value column"));
        assert_eq!(refusal(""), SeriesError::Empty);
        let out_of_order = e("date,value\n2024-01-02,1\n2024-01-01,2\n");
        assert!(
            out_of_order
                .starts_with("line 3, column date: 2024-01-01 comes before 2024-01-02 on line 2"),
            "{out_of_order}"
        );
        assert!(out_of_order.contains("sort the file by date, or import it into a measure"));
        assert!(
            e("date,value\n2024-01-02,1\n2024-01-02,2\n")
                .starts_with("line 3, column date: 2024-01-02 repeats the date on line 2")
        );
        assert!(e("date,value\n2024-01-02,1\n2024-01-03,\n").contains("only 1 value"));
        assert!(e("date,value\n31/02/2024,1\n").contains("\"31/02/2024\" is not a date"));
        assert!(e("date,value\n2024-13-01,1\n").contains("is not a date"));
        for message in [e("date,value\n\"a\nb\",1\n"), e("date,date,value\n")] {
            assert!(!message.contains('\n'), "{message}");
        }
        assert!(e("month,date,value\n").contains("two date columns"));
    }

    #[test]
    fn lines_are_counted_as_an_editor_shows_them() {
        for end in ["\n", "\r\n", "\r"] {
            let text = ["date,value", "", "2024-01-01,1", "", "", "2024-02-01,x", ""].join(end);
            assert_eq!(
                refusal(&text),
                SeriesError::BadValue {
                    at: line(6),
                    text: "x".into()
                },
                "{end:?}"
            );
            let text = ["", "when,amount", "1,2"].join(end);
            assert!(matches!(
                refusal(&text),
                SeriesError::MissingColumns { at, .. } if at == line(2)
            ));
        }
    }

    #[test]
    fn files_that_are_not_text_are_named_not_read() {
        let not_text = |bytes: &[u8]| match read_series_bytes(bytes, CHART) {
            Err(SeriesFileError::Table(TableError::NotText { kind, .. })) => kind,
            other => panic!("expected the file to be named, got {other:?}"),
        };
        use super::super::sniff::NotText;
        assert_eq!(not_text(b"\x89PNG\r\n\x1a\n"), NotText::Png);
        assert_eq!(not_text(b"\xFF\xFEd\x00a\x00"), NotText::Utf16);
        assert_eq!(not_text(b"date,value\n2024-01-01,\x00\n"), NotText::Binary);
        assert!(matches!(
            read_series_bytes(b"PK\x03\x04date,value\n", CHART),
            Err(SeriesFileError::Table(TableError::BadSpreadsheet { .. }))
        ));
        let long = format!("\u{1b}[1m{},value\n", "a".repeat(100));
        assert!(matches!(
            read_series_bytes(long.as_bytes(), CHART),
            Err(SeriesFileError::Table(TableError::NotText { .. }))
        ));
        let long = format!("{},value\n", "a".repeat(100));
        let message = refusal(&long).to_string();
        assert!(message.contains("found: aaa"), "{message}");
        assert!(message.contains("a…, value"), "{message}");
        // A spreadsheet cell may hold control characters; a message never prints them.
        assert_eq!(for_message("\u{1b}[1mred"), "\\u{1b}[1mred");
    }

    #[test]
    fn rows_in_any_order_come_back_by_date_each_date_once() {
        let any = |text: &str| {
            let wanted = Wanted {
                sheet: None,
                min_values: 1,
                order: RowOrder::AnyOrder,
            };
            read_series_bytes(text.as_bytes(), wanted)
        };
        assert_eq!(
            any("date,value\n2024-01-03,3\n2024-01-01,\n2024-01-02,2\n").unwrap(),
            vec![
                (d(2024, 1, 1), None),
                (d(2024, 1, 2), Some(2.0)),
                (d(2024, 1, 3), Some(3.0))
            ]
        );
        // Of two repeats, the one met first reading down the file.
        assert_eq!(
            any("date,value\n2024-01-09,1\n2024-01-05,1\n2024-01-09,1\n2024-01-05,1\n"),
            Err(SeriesFileError::Series {
                file: "the text".into(),
                error: SeriesError::Repeated {
                    at: line(4),
                    column: "date".into(),
                    date: d(2024, 1, 9),
                    previous_row: "line 2".into(),
                }
            })
        );
    }

    #[test]
    fn spreadsheet_rows_are_named_by_sheet_and_row() {
        let sheet = Sheet {
            name: Some("Falls".into()),
            rows: vec![
                Row {
                    number: 3,
                    cells: vec![Cell::Text("Week".into()), Cell::Text("Value".into())],
                },
                Row {
                    number: 4,
                    cells: vec![Cell::Date(d(2024, 1, 1)), Cell::Number(4.0)],
                },
                Row {
                    number: 5,
                    cells: vec![Cell::Date(d(2024, 1, 8)), Cell::Text("lots".into())],
                },
            ],
        };
        let wanted = Wanted {
            sheet: None,
            min_values: 1,
            order: RowOrder::AnyOrder,
        };
        assert_eq!(
            series_of(std::slice::from_ref(&sheet), wanted)
                .unwrap_err()
                .to_string(),
            "sheet \"Falls\", row 5, column value: \"lots\" is not a number (expected a finite number like 12.5, or empty for a missing point)"
        );
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(parse_date("2024-02-29"), Some(d(2024, 2, 29)));
        assert_eq!(parse_date("1/2/2024"), Some(d(2024, 2, 1)));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("24-01-01"), None);
        assert_eq!(parse_date("01/02/24"), None);
        assert_eq!(parse_date("2024/01/02"), None);
        assert_eq!(parse_date("+2024-01-02"), None);
        assert_eq!(parse_date(""), None);
    }
}
