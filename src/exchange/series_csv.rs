//! Reads a measure's series from CSV, the way people export it from Excel: a header row with
//! `date` and `value` columns in any case (other columns ignored), an optional UTF-8 BOM,
//! dates `YYYY-MM-DD` or UK `DD/MM/YYYY`, an empty value for a missing point, negatives allowed.
//!
//! Every refusal is one line naming the line of the file, the column and the format expected,
//! because the person fixing it has the file open in Excel, not a stack trace. Lines are
//! counted as an editor shows them, whatever the line ends (LF, Excel's CRLF, old Mac CR), and
//! a file that is not text at all (a workbook, an image) is named as such, never echoed.

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
        "line {line}: the header has no {missing} column (found: {found}; expected a header row naming date and value columns, e.g. date,value)"
    )]
    MissingColumns {
        line: u64,
        missing: String,
        found: String,
    },
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
        "line {line}, column date: {date} repeats the date on line {previous_line} (expected each date once)"
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
    #[error(
        "this is {0}, not CSV text (expected comma-separated UTF-8 text with date and value columns; in Excel, save as CSV UTF-8)"
    )]
    NotCsv(NotCsv),
    #[error("could not read the series: {0}")]
    Io(String),
}

/// What a file that cannot be CSV turned out to be, told by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotCsv {
    /// `.xlsx`, `.docx` and `.zip` all start as a zip archive.
    ZipOrWorkbook,
    /// The old binary Office format (`.xls`, `.doc`).
    OldOfficeFile,
    Pdf,
    Png,
    Jpeg,
    Gif,
    /// Excel's "Unicode text" and some exports: readable, but not in the encoding expected.
    Utf16,
    /// Anything else holding NUL bytes: no text file does.
    Binary,
}

impl std::fmt::Display for NotCsv {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            NotCsv::ZipOrWorkbook => "an Excel workbook (.xlsx) or another zip file",
            NotCsv::OldOfficeFile => "an old Excel workbook (.xls) or another Office file",
            NotCsv::Pdf => "a PDF document",
            NotCsv::Png => "a PNG image",
            NotCsv::Jpeg => "a JPEG image",
            NotCsv::Gif => "a GIF image",
            NotCsv::Utf16 => "UTF-16 text",
            NotCsv::Binary => "binary data",
        })
    }
}

/// Tells a file that cannot be CSV by its first bytes, before any of it is shown as text.
/// (Also asked by the JSON import: any reader of text files says what a binary file is.)
pub fn sniff(bytes: &[u8]) -> Option<NotCsv> {
    const SIGNATURES: [(&[u8], NotCsv); 9] = [
        (b"PK\x03\x04", NotCsv::ZipOrWorkbook),
        (b"PK\x05\x06", NotCsv::ZipOrWorkbook),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", NotCsv::OldOfficeFile),
        (b"%PDF", NotCsv::Pdf),
        (b"\x89PNG", NotCsv::Png),
        (b"\xFF\xD8\xFF", NotCsv::Jpeg),
        (b"GIF8", NotCsv::Gif),
        (b"\xFF\xFE", NotCsv::Utf16),
        (b"\xFE\xFF", NotCsv::Utf16),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
        .or_else(|| bytes.contains(&0).then_some(NotCsv::Binary))
}

/// Line numbers as an editor shows them, from the byte offsets the csv reader gives.
///
/// The csv reader counts only `\n`, and places a record where the previous one ended, so with
/// CRLF, lone CR or blank lines its own line numbers point one or more lines too early.
struct Lines<'a> {
    bytes: &'a [u8],
    /// Bytes before `at` have been counted into `line`.
    at: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Lines {
            bytes,
            at: 0,
            line: 1,
        }
    }

    /// The line on which the text at `offset` starts, once the line ends left before it by
    /// the previous record and any blank lines are passed over. Offsets only move forward.
    fn line_at(&mut self, offset: u64) -> u64 {
        let mut start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .clamp(self.at, self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        for (i, &byte) in self.bytes[self.at..start].iter().enumerate() {
            let crlf = byte == b'\r' && self.bytes.get(self.at + i + 1) == Some(&b'\n');
            if byte == b'\n' || (byte == b'\r' && !crlf) {
                self.line += 1;
            }
        }
        self.at = start;
        self.line
    }
}

/// Reads a whole series from CSV text.
pub fn parse_series(text: &str) -> Result<Vec<SeriesPoint>, SeriesCsvError> {
    read_series(text.as_bytes())
}

/// Whether a file's rows must already be in date order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowOrder {
    /// A chart's series: the file's order is the chart's, so dates must increase down the file.
    Increasing,
    /// Points to store: any order (Excel exports are often newest first), returned by date.
    AnyOrder,
}

/// Reads a whole series from any reader (a file, or standard input for `-`); at least two
/// values, in increasing date order, as a chart needs.
pub fn read_series<R: Read>(reader: R) -> Result<Vec<SeriesPoint>, SeriesCsvError> {
    read_series_with(reader, 2, RowOrder::Increasing)
}

/// Like [`read_series`] with another minimum number of values (`measure import` takes one,
/// and checks for none itself) and a choice of [`RowOrder`]. Each date once either way.
pub fn read_series_with<R: Read>(
    reader: R,
    min_values: usize,
    order: RowOrder,
) -> Result<Vec<SeriesPoint>, SeriesCsvError> {
    let mut bytes = Vec::new();
    let mut reader = reader;
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| SeriesCsvError::Io(e.to_string()))?;
    if let Some(kind) = sniff(&bytes) {
        return Err(SeriesCsvError::NotCsv(kind));
    }
    let mut lines = Lines::new(&bytes);
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes.as_slice());
    let mut records = csv.byte_records();
    let header = loop {
        match records.next() {
            None => return Err(SeriesCsvError::Empty),
            Some(record) => {
                let record = record.map_err(|e| csv_error(e, &mut lines))?;
                if !is_blank(&record) {
                    break record;
                }
            }
        }
    };
    let header_line = line_of(&header, &mut lines);
    let (date_column, value_column) = find_columns(&header, header_line)?;

    // Each row with the line it came from, for messages about order and repeats.
    let mut rows: Vec<(NaiveDate, Option<f64>, u64)> = Vec::new();
    for record in records {
        let record = record.map_err(|e| csv_error(e, &mut lines))?;
        if is_blank(&record) {
            continue;
        }
        let line = line_of(&record, &mut lines);
        let date_text = field(&record, date_column, line)?;
        let date = parse_date(date_text.trim()).ok_or_else(|| SeriesCsvError::BadDate {
            line,
            text: cut(date_text),
        })?;
        let value_text = field(&record, value_column, line).unwrap_or_default();
        let value = parse_value(value_text, line)?;
        if let (RowOrder::Increasing, Some(&(previous, _, previous_line))) = (order, rows.last()) {
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
        rows.push((date, value, line));
    }
    if order == RowOrder::AnyOrder {
        // Stable: rows of one date stay in file order, so a repeat names the earlier line.
        rows.sort_by_key(|row| row.0);
        let first_repeat = rows
            .windows(2)
            .filter(|pair| pair[0].0 == pair[1].0)
            .min_by_key(|pair| pair[1].2);
        if let Some(pair) = first_repeat {
            return Err(SeriesCsvError::Repeated {
                line: pair[1].2,
                date: pair[1].0,
                previous_line: pair[0].2,
            });
        }
    }
    let values = rows.iter().filter(|row| row.1.is_some()).count();
    if values < min_values {
        return Err(SeriesCsvError::TooFewValues { found: values });
    }
    Ok(rows
        .into_iter()
        .map(|(date, value, _)| (date, value))
        .collect())
}

fn csv_error(error: csv::Error, lines: &mut Lines) -> SeriesCsvError {
    let line = error.position().map_or(0, |p| lines.line_at(p.byte()));
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

fn line_of(record: &csv::ByteRecord, lines: &mut Lines) -> u64 {
    record.position().map_or(0, |p| lines.line_at(p.byte()))
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
        names.push(shown(name));
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
            } else if names.len() > MAX_NAMES_SHOWN {
                format!("{}, …", names[..MAX_NAMES_SHOWN].join(", "))
            } else {
                names.join(", ")
            };
            Err(SeriesCsvError::MissingColumns {
                line,
                missing: missing.to_string(),
                found,
            })
        }
    }
}

/// A header that is not ours can be a whole line of prose: name the first few columns only.
const MAX_NAMES_SHOWN: usize = 8;
/// Cells quoted in a message are cut to this many characters.
const MAX_CELL_SHOWN: usize = 40;

/// A column name as a message lists it: short and printable, whatever the file held.
fn shown(text: &str) -> String {
    let mut printable = String::new();
    for c in text.chars() {
        if c.is_control() {
            printable.extend(c.escape_default());
        } else {
            printable.push(c);
        }
    }
    cut(&printable)
}

/// A cell cut short for a message (messages quote cells with `{:?}`, which escapes them).
fn cut(text: &str) -> String {
    match text.char_indices().nth(MAX_CELL_SHOWN) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// A date as the forms and the register import read it ([`crate::domain::read_date`]).
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    crate::domain::read_date(text)
}

fn parse_value(text: &str, line: u64) -> Result<Option<f64>, SeriesCsvError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let number: f64 = trimmed.parse().map_err(|_| SeriesCsvError::BadValue {
        line,
        text: cut(text),
    })?;
    if number.is_finite() {
        Ok(Some(number))
    } else {
        Err(SeriesCsvError::NotFinite {
            line,
            text: cut(text),
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
    fn lines_are_counted_as_an_editor_shows_them() {
        for end in ["\n", "\r\n", "\r"] {
            let text = ["date,value", "", "2024-01-01,1", "", "", "2024-02-01,x", ""].join(end);
            let error = parse_series(&text).unwrap_err();
            assert_eq!(
                error,
                SeriesCsvError::BadValue {
                    line: 6,
                    text: "x".into()
                },
                "{end:?}"
            );
            let text = ["", "when,amount", "1,2"].join(end);
            assert!(matches!(
                parse_series(&text),
                Err(SeriesCsvError::MissingColumns { line: 2, .. })
            ));
        }
    }

    #[test]
    fn files_that_are_not_text_are_named_not_read() {
        assert_eq!(
            parse_series("PK\u{3}\u{4}date,value\n"),
            Err(SeriesCsvError::NotCsv(NotCsv::ZipOrWorkbook))
        );
        assert_eq!(
            read_series(&b"\x89PNG\r\n\x1a\n"[..]),
            Err(SeriesCsvError::NotCsv(NotCsv::Png))
        );
        assert_eq!(
            read_series(&b"\xFF\xFEd\x00a\x00"[..]),
            Err(SeriesCsvError::NotCsv(NotCsv::Utf16))
        );
        assert_eq!(
            parse_series("date,value\n2024-01-01,\u{0}\n"),
            Err(SeriesCsvError::NotCsv(NotCsv::Binary))
        );
        let long = format!("\u{1b}[1m{},value\n", "a".repeat(100));
        let message = parse_series(&long).unwrap_err().to_string();
        assert!(message.contains("found: \\u{1b}[1maaa"), "{message}");
        assert!(message.contains("a…, value"), "{message}");
    }

    #[test]
    fn rows_in_any_order_come_back_by_date_each_date_once() {
        let any = |text: &str| read_series_with(text.as_bytes(), 1, RowOrder::AnyOrder);
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
            Err(SeriesCsvError::Repeated {
                line: 4,
                date: d(2024, 1, 9),
                previous_line: 2
            })
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
