//! Whatever bytes a coach's file holds, reading it never panics: a register either imports
//! cleanly or is refused in printable lines with nothing written, and a measure's series is
//! either read or refused in one printable line. CSV-like text and damaged workbooks both.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use qiboard::clock::Clock;
use qiboard::exchange::register::read_register_file;
use qiboard::exchange::series::{RowOrder, Wanted, read_series_file};
use qiboard::store::{ImportError, NewProject, Store};

/// Cells a register or a tracker really holds, and the ones that break naive readers.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("Title".to_string()),
        Just("Project".to_string()),
        Just("ref".to_string()),
        Just("Date".to_string()),
        Just("value".to_string()),
        Just("Stage".to_string()),
        Just("Score".to_string()),
        Just("Start date".to_string()),
        Just("Lead".to_string()),
        Just("Team".to_string()),
        Just("QI-0001".to_string()),
        Just("31/02/2026".to_string()),
        Just("01/03/2026".to_string()),
        Just("2026-03-01".to_string()),
        Just("3.5 Improvement".to_string()),
        Just("9".to_string()),
        Just("-0.5".to_string()),
        Just("NaN".to_string()),
        Just("=SUM(A1:A9)".to_string()),
        Just("'=1+1".to_string()),
        Just("\"quoted, with comma\"".to_string()),
        Just("\"unclosed".to_string()),
        Just("Siân O'Neill; Amy".to_string()),
        Just("\u{feff}".to_string()),
        Just("🙂".to_string()),
        "[a-zA-Z0-9 ;:.,'\"/-]{0,12}",
        "\\PC{0,6}",
    ]
}

fn csv_like() -> impl Strategy<Value = Vec<u8>> {
    let line_end = prop_oneof![Just("\n"), Just("\r\n"), Just("\r")];
    let rows = proptest::collection::vec(proptest::collection::vec(cell(), 0..6), 0..8);
    prop_oneof![
        3 => (rows, line_end).prop_map(|(rows, end)| rows
            .iter()
            .map(|r| r.join(","))
            .collect::<Vec<_>>()
            .join(end)
            .into_bytes()),
        1 => proptest::collection::vec(any::<u8>(), 0..300),
    ]
}

fn store() -> Store {
    let clock = Clock::fixed(Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap());
    let mut store = Store::open_in_memory(clock).unwrap();
    store
        .add_project(&NewProject {
            title: "Discharge before noon".into(),
            ..Default::default()
        })
        .unwrap();
    store
}

/// Messages are lines a terminal can print: no control characters, and no replacement
/// marks (bytes shown as text) unless the file itself holds that character.
fn printable(lines: &[String], bytes: &[u8]) -> bool {
    let holds_mark = bytes.windows(3).any(|w| w == "\u{fffd}".as_bytes());
    lines.iter().all(|l| {
        !l.chars()
            .any(|c| c.is_control() || (c == '\u{fffd}' && !holds_mark))
    })
}

/// Reads `bytes` as a register and a series, from a file of the given name.
fn read_both(bytes: &[u8], name: &str) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let mut store = store();
    let before = (
        store.register().unwrap(),
        store.history(None, 100).unwrap().len(),
    );
    let stages = store.stages().unwrap();
    match read_register_file(&path, None, &[], &stages) {
        Ok(register) => match store.import_projects(&register.rows, name, false) {
            Ok(_) => {}
            Err(ImportError::Row(row)) => {
                prop_assert!(printable(&[row.to_string()], bytes), "{row}");
                let after = (
                    store.register().unwrap(),
                    store.history(None, 100).unwrap().len(),
                );
                prop_assert_eq!(&after, &before, "a refused row left something written");
            }
            Err(ImportError::Store(e)) => prop_assert!(false, "store failed: {e}"),
        },
        Err(refused) => {
            let lines = refused.lines(21);
            prop_assert!(!lines.is_empty());
            prop_assert!(printable(&lines, bytes), "{lines:?}");
            let after = (
                store.register().unwrap(),
                store.history(None, 100).unwrap().len(),
            );
            prop_assert_eq!(&after, &before, "a refused file left something written");
        }
    }
    let wanted = Wanted {
        sheet: None,
        min_values: 0,
        order: RowOrder::AnyOrder,
    };
    if let Err(refused) = read_series_file(&path, wanted) {
        let line = refused.to_string();
        prop_assert!(printable(std::slice::from_ref(&line), bytes), "{line:?}");
    }
    Ok(())
}

/// A small real workbook, to damage.
fn workbook() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (column, header) in ["Title", "Date", "value", "Score"].iter().enumerate() {
        sheet.write(0, column as u16, *header).unwrap();
    }
    for row in 1..6u32 {
        sheet.write(row, 0, format!("Project {row}")).unwrap();
        sheet.write(row, 1, format!("0{row}/03/2026")).unwrap();
        sheet.write(row, 2, f64::from(row) * 1.5).unwrap();
        sheet.write(row, 3, "2.5").unwrap();
    }
    book.save_to_buffer().unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_text_file_is_read_or_refused_cleanly(bytes in csv_like()) {
        read_both(&bytes, "register.csv")?;
    }

    #[test]
    fn a_damaged_workbook_is_read_or_refused_cleanly(
        cut in proptest::option::of(0.0f64..1.0),
        flips in proptest::collection::vec((0.0f64..1.0, any::<u8>()), 0..6),
    ) {
        let mut bytes = workbook();
        for (at, byte) in flips {
            let i = ((bytes.len() - 1) as f64 * at) as usize;
            bytes[i] = byte;
        }
        if let Some(cut) = cut {
            bytes.truncate((bytes.len() as f64 * cut) as usize);
        }
        read_both(&bytes, "register.xlsx")?;
    }
}
