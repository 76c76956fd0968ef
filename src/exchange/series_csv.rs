//! Reads a measure's series from CSV, the way people export it from Excel: a header row with
//! `date` and `value` columns in any case (other columns ignored), an optional UTF-8 BOM,
//! dates `YYYY-MM-DD` or UK `DD/MM/YYYY`, an empty value for a missing point, negatives allowed.
//!
//! Every refusal is one line naming the line of the file, the column and the format expected,
//! because the person fixing it has the file open in Excel, not a stack trace.

use chrono::NaiveDate;
use std::io::Read;

/// One point of a series: its date and its value, `None` when the cell is empty.
pub type SeriesPoint = (NaiveDate, Option<f64>);

const DATE_FORMAT: &str = "expected a date as YYYY-MM-DD or DD/MM/YYYY";
const VALUE_FORMAT: &str = "expected a finite number like 12.5, or empty for a missing point";

/// Why a series file was refused. Display is one line.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SeriesCsvError {
    #[error(
        "the file is empty (expected a header row naming date and value columns, then one row per point)"
    )]
    Empty,
    #[error(
        "line 1: the header has no {missing} column (found: {found}; expected a header row naming date and value columns, e.g. date,value)"
    )]
    MissingColumns { missing: String, found: String },
    #[error(
        "line {line}: the header has two {column} columns (expected one date and one value column)"
    )]
    DuplicateColumn { line: u64, column: String },
    #[error("line {line}, column date: {text:?} is not a date ({DATE_FORMAT})")]
    BadDate { line: u64, text: String },
    #[error("line {line}, column value: {text:?} is not a number ({VALUE_FORMAT})")]
    BadValue { line: u64, text: String },
    #[error("line {line}, column value: {text:?} is not a finite number ({VALUE_FORMAT})")]
    NotFinite { line: u64, text: String },
    #[error(
        "line {line}, column date: {date} comes before {previous} on line {previous_line} (expected dates in increasing order, each date once)"
    )]
    OutOfOrder {
        line: u64,
        date: NaiveDate,
        previous: NaiveDate,
        previous_line: u64,
    },
    #[error(
        "line {line}, column date: {date} repeats the date on line {previous_line} (expected each date once, in increasing order)"
    )]
    Repeated {
        line: u64,
        date: NaiveDate,
        previous_line: u64,
    },
    #[error(
        "column value: only {found} value{} in the file (expected at least two values to chart)",
        if *.found == 1 { "" } else { "s" }
    )]
    TooFewValues { found: usize },
    #[error("line {line}: {message} (expected comma-separated UTF-8 text with a header row)")]
    Malformed { line: u64, message: String },
    #[error("could not read the series: {0}")]
    Io(String),
}

/// Reads a whole series from CSV text.
pub fn parse_series(text: &str) -> Result<Vec<SeriesPoint>, SeriesCsvError> {
    read_series(text.as_bytes())
}

/// Reads a whole series from any reader (a file, or standard input for `-`); at least two
/// values, as a chart needs.
pub fn read_series<R: Read>(reader: R) -> Result<Vec<SeriesPoint>, SeriesCsvError> {
    read_series_at_least(reader, 2)
}

/// Like [`read_series`] with another minimum number of values (`measure import` takes one,
/// and checks for none itself).
pub fn read_series_at_least<R: Read>(
    reader: R,
    min_values: usize,
) -> Result<Vec<SeriesPoint>, SeriesCsvError> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);
    let mut records = csv.byte_records();
    let header = loop {
        match records.next() {
            None => return Err(SeriesCsvError::Empty),
            Some(record) => {
                let record = record.map_err(csv_error)?;
                if !is_blank(&record) {
                    break record;
                }
            }
        }
    };
    let header_line = line_of(&header);
    let (date_column, value_column) = find_columns(&header, header_line)?;

    let mut points: Vec<SeriesPoint> = Vec::new();
    let mut previous_line = header_line;
    let mut values = 0usize;
    for record in records {
        let record = record.map_err(csv_error)?;
        if is_blank(&record) {
            continue;
        }
        let line = line_of(&record);
        let date_text = field(&record, date_column, line)?;
        let date = parse_date(date_text.trim()).ok_or_else(|| SeriesCsvError::BadDate {
            line,
            text: date_text.to_string(),
        })?;
        let value_text = field(&record, value_column, line).unwrap_or_default();
        let value = parse_value(value_text, line)?;
        if let Some(&(previous, _)) = points.last() {
            if date == previous {
                return Err(SeriesCsvError::Repeated {
                    line,
                    date,
                    previous_line,
                });
            }
            if date < previous {
                return Err(SeriesCsvError::OutOfOrder {
                    line,
                    date,
                    previous,
                    previous_line,
                });
            }
        }
        values += usize::from(value.is_some());
        points.push((date, value));
        previous_line = line;
    }
    if values < min_values {
        return Err(SeriesCsvError::TooFewValues { found: values });
    }
    Ok(points)
}

fn csv_error(error: csv::Error) -> SeriesCsvError {
    let line = error.position().map_or(0, |p| p.line());
    match error.kind() {
        csv::ErrorKind::Io(io) => SeriesCsvError::Io(io.to_string()),
        csv::ErrorKind::Utf8 { .. } => SeriesCsvError::Malformed {
            line,
            message: "the text is not valid UTF-8 (save the file as CSV UTF-8)".to_string(),
        },
        _ => SeriesCsvError::Malformed {
            line,
            message: error.to_string(),
        },
    }
}

fn line_of(record: &csv::ByteRecord) -> u64 {
    record.position().map_or(0, |p| p.line())
}

/// A row where every cell is empty or spaces, as Excel leaves below a table.
fn is_blank(record: &csv::ByteRecord) -> bool {
    record
        .iter()
        .all(|cell| cell.iter().all(u8::is_ascii_whitespace))
}

/// One cell as text; a row too short to reach the column is treated as an empty cell for the
/// value and as an error for the date.
fn field(record: &csv::ByteRecord, column: usize, line: u64) -> Result<&str, SeriesCsvError> {
    let bytes = record.get(column).unwrap_or_default();
    std::str::from_utf8(bytes).map_err(|_| SeriesCsvError::Malformed {
        line,
        message: "the text is not valid UTF-8 (save the file as CSV UTF-8)".to_string(),
    })
}

fn find_columns(header: &csv::ByteRecord, line: u64) -> Result<(usize, usize), SeriesCsvError> {
    let mut date = None;
    let mut value = None;
    let mut names = Vec::with_capacity(header.len());
    for (index, cell) in header.iter().enumerate() {
        let name = String::from_utf8_lossy(cell);
        let name = name.trim_start_matches('\u{feff}').trim();
        names.push(name.to_string());
        let slot = if name.eq_ignore_ascii_case("date") {
            &mut date
        } else if name.eq_ignore_ascii_case("value") {
            &mut value
        } else {
            continue;
        };
        if slot.replace(index).is_some() {
            return Err(SeriesCsvError::DuplicateColumn {
                line,
                column: name.to_ascii_lowercase(),
            });
        }
    }
    match (date, value) {
        (Some(d), Some(v)) => Ok((d, v)),
        (d, v) => {
            let missing = match (d, v) {
                (None, None) => "date and no value",
                (None, _) => "date",
                _ => "value",
            };
            let found = if names.iter().all(String::is_empty) {
                "no names".to_string()
            } else {
                names.join(", ")
            };
            Err(SeriesCsvError::MissingColumns {
                missing: missing.to_string(),
                found,
            })
        }
    }
}

/// `YYYY-MM-DD` or `DD/MM/YYYY` (one- or two-digit day and month, as Excel may write them).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let number = |part: &str, min: usize, max: usize| -> Option<u32> {
        let ok = (min..=max).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| part.parse().ok()).flatten()
    };
    let (year, month, day) = if let Some((y, rest)) = text.split_once('-') {
        let (m, d) = rest.split_once('-')?;
        (number(y, 4, 4)?, number(m, 1, 2)?, number(d, 1, 2)?)
    } else {
        let mut parts = text.split('/');
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        (number(y, 4, 4)?, number(m, 1, 2)?, number(d, 1, 2)?)
    };
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

fn parse_value(text: &str, line: u64) -> Result<Option<f64>, SeriesCsvError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let number: f64 = trimmed.parse().map_err(|_| SeriesCsvError::BadValue {
        line,
        text: text.to_string(),
    })?;
    if number.is_finite() {
        Ok(Some(number))
    } else {
        Err(SeriesCsvError::NotFinite {
            line,
            text: text.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
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
    fn skips_blank_rows_and_crlf() {
        let text = "date,value\r\n2024-01-01,1\r\n,\r\n2024-01-02,2\r\n,\r\n";
        assert_eq!(parse_series(text).unwrap().len(), 2);
    }

    #[test]
    fn refusals_name_line_and_column() {
        let e = |t: &str| parse_series(t).unwrap_err().to_string();
        assert_eq!(
            e("date,value\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\nabc,4\n"),
            "line 5, column date: \"abc\" is not a date (expected a date as YYYY-MM-DD or DD/MM/YYYY)"
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
        assert!(e("").starts_with("the file is empty"));
        assert!(
            e("date,value\n2024-01-02,1\n2024-01-01,2\n")
                .starts_with("line 3, column date: 2024-01-01 comes before 2024-01-02 on line 2")
        );
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
