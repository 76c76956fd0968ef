//! Rows of cells from a file a person made: CSV as Excel saves it (a byte-order mark, CRLF or
//! LF, quoted fields with commas, quotes and line breaks, UTF-8 or Windows-1252), or a sheet
//! of a spreadsheet (`.xlsx`, `.xlsm`, `.xls`, `.ods`). Each row keeps the number the person
//! sees: the spreadsheet's row number, or the CSV line the row starts on.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, DataType, Reader, Sheets};
use chrono::NaiveDate;

use super::sniff::{NotText, sniff};

/// One cell, typed as the file gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Bool(bool),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as a person reads it (for messages and text fields).
    pub fn shown(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.to_string(),
            Cell::Bool(b) => b.to_string(),
        }
    }
}

/// A row and the number the person sees it under.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: u64,
    pub cells: Vec<Cell>,
}

impl Row {
    pub fn cell(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }

    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_empty)
    }
}

/// Where a row is, as the person will find it: `line 7` of a CSV file, `sheet "Data", row 7`
/// of a spreadsheet.
pub fn place(sheet: Option<&str>, row: u64) -> String {
    match sheet {
        Some(name) => format!("sheet {name:?}, row {row}"),
        None => format!("line {row}"),
    }
}

/// One sheet (a CSV file is one sheet without a name).
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: Option<String>,
    pub rows: Vec<Row>,
}

/// Why a file gave no rows. Display is one printable line naming the file.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TableError {
    #[error("{file}: cannot read it: {reason}")]
    Unreadable { file: String, reason: String },
    #[error(
        "{file}: this is {kind}, not CSV text or a spreadsheet (expected .csv text, or .xlsx, .xlsm, .xls or .ods)"
    )]
    NotText { file: String, kind: NotText },
    #[error(
        "{file}: cannot be read as a spreadsheet (it may be damaged, or not really the kind its name says): {reason}"
    )]
    BadSpreadsheet { file: String, reason: String },
    #[error("{file}: there is no sheet {sheet:?} (sheets: {found})")]
    NoSheet {
        file: String,
        sheet: String,
        found: String,
    },
    #[error("{file}, line {line}: {reason} (expected comma-separated text)")]
    BadCsv {
        file: String,
        line: u64,
        reason: String,
    },
}

/// Spreadsheet kinds calamine reads, by the file's extension in any case.
const SPREADSHEETS: [&str; 5] = ["xlsx", "xlsm", "xls", "xlsb", "ods"];

/// Reads every sheet of `path` (`-` is standard input, CSV or a spreadsheet).
pub fn read_sheets(path: &Path) -> Result<Vec<Sheet>, TableError> {
    let stdin = path == Path::new("-");
    let shown = if stdin {
        "standard input".to_string()
    } else {
        path.display().to_string()
    };
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let bytes = if stdin {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).map_err(|e| {
            TableError::Unreadable {
                file: shown.clone(),
                reason: e.to_string(),
            }
        })?;
        bytes
    } else {
        std::fs::read(path).map_err(|e| TableError::Unreadable {
            file: shown.clone(),
            reason: e.to_string(),
        })?
    };
    read_bytes(&bytes, &extension, &shown)
}

/// Reads `bytes` as the file `shown`, whose name ends in `extension` (lower case, no dot).
pub fn read_bytes(bytes: &[u8], extension: &str, shown: &str) -> Result<Vec<Sheet>, TableError> {
    let kind = sniff(bytes);
    // By its bytes, not its name: a register.csv that is really .xlsx is read as one. Web
    // systems' "Export to Excel" often writes text under the old .xls name: read as text.
    let text_as_xls = extension == "xls" && kind.is_none() && decode_text(bytes).is_ok();
    if kind.is_some_and(NotText::is_spreadsheet)
        || (SPREADSHEETS.contains(&extension) && !text_as_xls)
    {
        return read_spreadsheet(bytes, extension, shown);
    }
    let text = decode_text(bytes).map_err(|kind| TableError::NotText {
        file: shown.to_string(),
        kind,
    })?;
    Ok(vec![read_csv(&text, shown)?])
}

/// Picks the sheet named `wanted` (any case), or keeps them all when none is named.
pub fn pick_sheet(
    sheets: Vec<Sheet>,
    wanted: Option<&str>,
    file: &str,
) -> Result<Vec<Sheet>, TableError> {
    let Some(wanted) = wanted else {
        return Ok(sheets);
    };
    let found: Vec<String> = sheets.iter().filter_map(|s| s.name.clone()).collect();
    let picked: Vec<Sheet> = sheets
        .into_iter()
        .filter(|s| {
            s.name
                .as_deref()
                .is_some_and(|n| n.trim().eq_ignore_ascii_case(wanted.trim()))
        })
        .collect();
    if picked.is_empty() {
        return Err(TableError::NoSheet {
            file: file.to_string(),
            sheet: wanted.to_string(),
            found: if found.is_empty() {
                "none: a CSV file has no sheets".to_string()
            } else {
                found.join(", ")
            },
        });
    }
    Ok(picked)
}

/// UTF-8 (with or without a byte-order mark), else Windows-1252 as Excel's plain "CSV"
/// saves it; what the bytes are when they are no text at all (an image, NULs, control bytes).
fn decode_text(bytes: &[u8]) -> Result<String, NotText> {
    if let Some(kind) = sniff(bytes) {
        return Err(kind);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    };
    let binary = text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
    if binary {
        Err(NotText::Binary)
    } else {
        Ok(text)
    }
}

/// Windows-1252, the code page of Excel's "CSV (Comma delimited)" on English Windows.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

fn read_csv(text: &str, shown: &str) -> Result<Sheet, TableError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut lines = LineCounter::new(text);
    loop {
        let before = reader.position().byte();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                // The line the row starts on, counted as the file has its line ends; blank
                // lines the reader skipped before it do not count as its start.
                let start = record.position().map_or(before, csv::Position::byte);
                rows.push(Row {
                    number: lines.line_at(skip_line_ends(text, start)),
                    cells: record
                        .iter()
                        .map(|c| {
                            if c.trim().is_empty() {
                                Cell::Empty
                            } else {
                                Cell::Text(lines_as_lf(c))
                            }
                        })
                        .collect(),
                });
            }
            Err(e) => {
                let at = e.position().map_or(before, csv::Position::byte);
                return Err(TableError::BadCsv {
                    file: shown.to_string(),
                    line: lines.line_at(skip_line_ends(text, at)),
                    reason: printable(&e.to_string()),
                });
            }
        }
    }
    Ok(Sheet { name: None, rows })
}

fn skip_line_ends(text: &str, offset: u64) -> usize {
    let bytes = text.as_bytes();
    let mut at = usize::try_from(offset)
        .unwrap_or(usize::MAX)
        .min(bytes.len());
    while matches!(bytes.get(at), Some(b'\r' | b'\n')) {
        at += 1;
    }
    at
}

/// Line numbers of byte offsets that only grow (rows come in file order): counted from the
/// last offset asked, so a long file is read once, not once per row.
struct LineCounter<'t> {
    bytes: &'t [u8],
    at: usize,
    line: u64,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        LineCounter {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The 1-based line of byte `offset`: LF, CRLF and a lone CR each end one line.
    fn line_at(&mut self, offset: usize) -> u64 {
        let offset = offset.min(self.bytes.len());
        if offset < self.at {
            self.at = 0;
            self.line = 1;
        }
        let bytes = self.bytes;
        for i in self.at..offset {
            let lone_cr = bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
            if bytes[i] == b'\n' || lone_cr {
                self.line += 1;
            }
        }
        self.at = offset;
        self.line
    }
}

fn read_spreadsheet(bytes: &[u8], extension: &str, shown: &str) -> Result<Vec<Sheet>, TableError> {
    let bad = |e: calamine::Error| TableError::BadSpreadsheet {
        file: shown.to_string(),
        reason: printable(&e.to_string()),
    };
    let data = Cursor::new(bytes);
    // The old binary format by its signature; zip-based ones by their name (.xlsx by default).
    let format = if sniff(bytes) == Some(NotText::OldOfficeFile) {
        "xls"
    } else {
        extension
    };
    let mut workbook: Sheets<Cursor<&[u8]>> = match format {
        "xls" => Sheets::Xls(
            calamine::open_workbook_from_rs(data).map_err(|e| bad(calamine::Error::Xls(e)))?,
        ),
        "xlsb" => Sheets::Xlsb(
            calamine::open_workbook_from_rs(data).map_err(|e| bad(calamine::Error::Xlsb(e)))?,
        ),
        "ods" => Sheets::Ods(
            calamine::open_workbook_from_rs(data).map_err(|e| bad(calamine::Error::Ods(e)))?,
        ),
        _ => Sheets::Xlsx(
            calamine::open_workbook_from_rs(data).map_err(|e| bad(calamine::Error::Xlsx(e)))?,
        ),
    };
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook.worksheet_range(&name).map_err(bad)?;
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .enumerate()
            .map(|(i, cells)| Row {
                number: u64::from(first_row) + i as u64 + 1,
                cells: std::iter::repeat_n(Cell::Empty, first_column as usize)
                    .chain(cells.iter().map(cell_of))
                    .collect(),
            })
            .collect();
        sheets.push(Sheet {
            name: Some(name),
            rows,
        });
    }
    Ok(sheets)
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        // `#DIV/0!`, `#N/A`: shown as Excel shows them, so a reader refuses them by row and
        // column instead of taking them for a blank.
        Data::Error(e) => Cell::Text(e.to_string()),
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(lines_as_lf(s)),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(_) | Data::DateTimeIso(_) => match data.as_date() {
            Some(date) => Cell::Date(date),
            None => Cell::Text(data.to_string()),
        },
        Data::DurationIso(s) => Cell::Text(s.clone()),
    }
}

/// Line breaks inside a cell as the rest of qiboard keeps them: `\n` (Excel on Windows
/// writes `\r\n` inside a quoted CSV field).
fn lines_as_lf(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Cells quoted in a message are cut to this many characters.
const MAX_CELL_SHOWN: usize = 40;

/// A cell as a message names it: control characters (a line break in a quoted cell, an
/// escape sequence) written out, never printed, and cut short.
pub fn for_message(text: &str) -> String {
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

/// A cell cut short for a message (where messages quote it with `{:?}`, which escapes it).
pub fn cut(text: &str) -> String {
    match text.char_indices().nth(MAX_CELL_SHOWN) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// A message from a library, made one printable line.
fn printable(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv(text: &str) -> Vec<(u64, Vec<String>)> {
        read_csv(text, "t.csv")
            .unwrap()
            .rows
            .into_iter()
            .map(|r| (r.number, r.cells.iter().map(Cell::shown).collect()))
            .collect()
    }

    #[test]
    fn rows_keep_the_line_they_start_on_for_every_line_end() {
        for end in ["\n", "\r\n", "\r"] {
            let text = format!("title,aim{end}A,\"two{end}lines\"{end}{end}B,x{end}");
            let rows = csv(&text);
            let numbers: Vec<u64> = rows.iter().map(|r| r.0).collect();
            assert_eq!(numbers, vec![1, 2, 5], "line ends {end:?}: {rows:?}");
        }
    }

    #[test]
    fn an_excel_error_is_a_value_to_refuse_and_text_named_xls_is_text() {
        assert_eq!(
            cell_of(&Data::Error(calamine::CellErrorType::Div0)),
            Cell::Text("#DIV/0!".into())
        );
        let sheets = read_bytes(b"title\nFalls\n", "xls", "export.xls").unwrap();
        assert_eq!(sheets[0].rows[1].cells, vec![Cell::Text("Falls".into())]);
    }

    #[test]
    fn excel_csv_text_is_read_in_either_encoding() {
        let utf8 = decode_text(b"\xEF\xBB\xBFtitle\nCaf\xC3\xA9 \xE2\x80\x93 ward").unwrap();
        assert_eq!(utf8, "title\nCafé – ward");
        let ansi = decode_text(b"title\nCaf\xE9 \x96 ward").unwrap();
        assert_eq!(ansi, "title\nCafé – ward");
        assert_eq!(
            decode_text(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(NotText::Png)
        );
        assert_eq!(decode_text(b"title\x1b[2J\n"), Err(NotText::Binary));
    }
}
