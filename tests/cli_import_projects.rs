//! `import projects`: a faculty's register from CSV or Excel into the portfolio, matched so a
//! second import updates and never duplicates; one undo takes it back; bad cells named.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod common;

use common::Portfolio;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn json(p: &Portfolio, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&p.ok(args)).expect("json")
}

fn refused(p: &Portfolio, args: &[&str]) -> String {
    let out = p.cmd().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
    assert!(out.stdout.is_empty());
    String::from_utf8(out.stderr).unwrap()
}

/// A register as Excel saves "CSV UTF-8": a BOM, CRLF, a title row, quoted commas and lines.
const EXCEL_CSV: &str = "\u{feff}Falls and sepsis register 2026\r\n\r\n\
Project title,QSIR stage,IHI score,Start date,Project lead,Team members,RAG,Aim\r\n\
Falls on Ward 10,Measure,3.5 Improvement,03/03/2026,Amy Pond,Rory Williams; Clara Oswald,G,\"Reduce falls, by 30%\r\nby March\"\r\n\
Sepsis screening,pilot,2,2026-01-15,Bill Potts,,A,\r\n";

#[test]
fn an_excel_csv_register_comes_in_and_a_second_import_changes_nothing() {
    let p = Portfolio::new();
    let file = p.path("register.csv");
    std::fs::write(&file, EXCEL_CSV).unwrap();
    let file = file.to_str().unwrap();
    let said = p.ok(&["import", "projects", file]);
    assert!(
        said.starts_with("2 projects added, 0 updated, 0 unchanged; ignored columns: RAG"),
        "{said}"
    );
    let projects = p.projects_json();
    assert_eq!(projects.len(), 2);
    let falls = &projects[0];
    assert_eq!(falls["title"], "Falls on Ward 10");
    assert_eq!(falls["stage"], "Measure and understand");
    assert_eq!(falls["lead"], "Amy Pond");
    let show = json(&p, &["project", "show", "1", "--json"]);
    let text = show.to_string();
    assert!(text.contains("Reduce falls, by 30%\\nby March"), "{text}");
    assert!(text.contains("Clara Oswald"), "{text}");
    assert!(text.contains("imported from register.csv"), "{text}");

    let again = json(&p, &["import", "projects", file, "--json"]);
    assert_eq!(
        (again["added"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(2))
    );
    assert_eq!(again["rows"][0]["row"], 4);
    assert_eq!(
        again["rows"][1]["row"], 6,
        "rows are the lines the file has"
    );
    assert_eq!(p.projects_json().len(), 2);
    assert_eq!(
        p.history_len(),
        1,
        "an import that changes nothing writes nothing"
    );
}

#[test]
fn a_spreadsheet_register_updates_what_it_matches_and_undo_takes_it_back() {
    let p = Portfolio::new();
    p.ok(&["project", "add", "--title", "Falls on Ward 10"]);
    let file = p.path("Register.XLSX");
    let mut book = Workbook::new();
    book.add_worksheet()
        .set_name("Notes")
        .unwrap()
        .write_string(0, 0, "Read me")
        .unwrap();
    let sheet = book.add_worksheet().set_name("Projects").unwrap();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    sheet.write_string(0, 0, "QI register").unwrap();
    for (column, header) in [
        "Ref",
        "Project",
        "Progress score",
        "Target date",
        "Life QI ID",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(2, column as u16, *header).unwrap();
    }
    sheet.write_string(3, 0, "QI-0001").unwrap();
    sheet.write_string(3, 1, "Falls on Ward 10").unwrap();
    sheet.write_number(3, 2, 3.0).unwrap();
    sheet
        .write_datetime_with_format(3, 3, ExcelDateTime::from_ymd(2027, 3, 31).unwrap(), &date)
        .unwrap();
    sheet.write_string(4, 1, "Sepsis screening").unwrap();
    sheet.write_number(4, 4, 4711.0).unwrap();
    book.save(&file).unwrap();
    let file = file.to_str().unwrap();

    let dry = json(&p, &["import", "projects", file, "--dry-run", "--json"]);
    assert_eq!(
        (dry["added"].as_u64(), dry["updated"].as_u64()),
        (Some(1), Some(1))
    );
    assert_eq!(dry["sheet"], "Projects");
    assert_eq!(p.projects_json().len(), 1, "a dry run wrote");

    let said = p.ok(&["import", "projects", file]);
    assert!(
        said.contains("1 project added, 1 updated, 0 unchanged (sheet \"Projects\")"),
        "{said}"
    );
    let show = json(&p, &["project", "show", "1", "--json"]).to_string();
    assert!(show.contains("2027-03-31"), "{show}");
    assert_eq!(p.projects_json()[0]["score"], 3.0);
    assert_eq!(p.projects_json().len(), 2);

    p.ok(&["undo"]);
    let after = p.projects_json();
    assert_eq!(after.len(), 1);
    assert!(after[0]["score"].is_null(), "{after:?}");
}

#[test]
fn a_dry_run_into_no_portfolio_creates_no_file() {
    let p = Portfolio::new();
    let file = p.path("register.csv");
    std::fs::write(&file, "Title,Lead\nFalls,Amy\n").unwrap();
    let said = p.ok(&["import", "projects", file.to_str().unwrap(), "--dry-run"]);
    assert!(said.contains("1 project added"), "{said}");
    assert!(!p.db.exists());
}

#[test]
fn bad_cells_are_all_named_with_row_and_column_and_nothing_is_written() {
    let p = Portfolio::new();
    p.ok(&["project", "add", "--title", "Existing"]);
    let file = p.path("register.csv");
    std::fs::write(
        &file,
        "Title,Start date,Status,Score\r\nFalls,31/02/2026,active,3\r\nSepsis,01/02/2026,paused,9\r\n",
    )
    .unwrap();
    let before = p.export();
    let said = refused(&p, &["import", "projects", file.to_str().unwrap()]);
    let lines: Vec<&str> = said.lines().collect();
    assert_eq!(lines.len(), 4, "{said}");
    assert!(
        lines[0].starts_with("qiboard: ")
            && lines[0].contains("register.csv, row 2, column \"Start date\": \"31/02/2026\""),
        "{said}"
    );
    assert!(
        lines[1].contains("row 3, column \"Status\": \"paused\""),
        "{said}"
    );
    assert!(
        lines[2].contains("row 3, column \"Score\": \"9\""),
        "{said}"
    );
    assert_eq!(lines[3], "3 bad cells in all; nothing was imported");
    assert_eq!(p.export(), before);
}

#[test]
fn a_register_with_no_title_column_says_how_to_map_one() {
    let p = Portfolio::new();
    let file = p.path("register.csv");
    std::fs::write(&file, "Scheme,Owner\nFalls,Amy\n").unwrap();
    let file = file.to_str().unwrap();
    let said = refused(&p, &["import", "projects", file]);
    assert!(
        said.contains("Scheme, Owner") && said.contains("--map \"HEADER=title\""),
        "{said}"
    );
    p.ok(&["import", "projects", file, "--map", "Scheme=title"]);
    assert_eq!(p.projects_json()[0]["lead"], "Amy");
    let said = refused(&p, &["import", "projects", file, "--map", "Scheme=colour"]);
    assert!(said.contains("is not a field"), "{said}");
}

#[test]
fn files_that_are_no_register_get_one_printable_line() {
    let p = Portfolio::new();
    let png = p.path("chart.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0").unwrap();
    let fake = p.path("register.xlsx");
    std::fs::write(&fake, "title\nFalls\n").unwrap();
    for file in [&png, &fake] {
        let said = refused(&p, &["import", "projects", file.to_str().unwrap()]);
        assert_eq!(said.lines().count(), 1, "{said}");
        assert!(
            said.chars().all(|c| !c.is_control() || c == '\n'),
            "{said:?}"
        );
    }
    let said = refused(
        &p,
        &["import", "projects", png.to_str().unwrap(), "--sheet", "X"],
    );
    assert!(
        said.contains("this is a PNG image, not CSV text or a spreadsheet"),
        "{said}"
    );
    assert!(!p.db.exists());
}

#[test]
fn export_edit_import_is_a_round_trip_that_updates_and_never_duplicates() {
    let p = Portfolio::new();
    p.ok(&["demo"]);
    let before = p.projects_json();
    for name in ["register.xlsx", "register.csv"] {
        let file = p.path(name);
        let file = file.to_str().unwrap();
        let said = p.ok(&["export", "projects", file]);
        assert!(
            said.starts_with(&format!("{} projects exported to", before.len())),
            "{said}"
        );
        let again = json(&p, &["import", "projects", file, "--json"]);
        assert_eq!(
            again["unchanged"].as_u64(),
            Some(before.len() as u64),
            "{name}: {again}"
        );
        assert_eq!(again["added"].as_u64(), Some(0), "{name}");
    }
    // Edited in "Excel": a new title on the first row, matched by its ref.
    let csv = std::fs::read_to_string(p.path("register.csv")).unwrap();
    let first_title = before[0]["title"].as_str().unwrap();
    let edited = csv.replacen(first_title, "=Falls (renamed)", 1);
    std::fs::write(p.path("edited.csv"), edited).unwrap();
    let said = p.ok(&["import", "projects", p.path("edited.csv").to_str().unwrap()]);
    assert!(said.starts_with("0 projects added, 1 updated"), "{said}");
    assert_eq!(p.projects_json()[0]["title"], "=Falls (renamed)");
    // Exported again, the formula-like title is inert in CSV and comes back as typed.
    let out = p.ok(&["export", "projects", "-"]);
    assert!(out.contains(",'=Falls (renamed),"), "{}", &out[..400]);
    std::fs::write(p.path("again.csv"), &out).unwrap();
    let again = json(
        &p,
        &[
            "import",
            "projects",
            p.path("again.csv").to_str().unwrap(),
            "--json",
        ],
    );
    assert_eq!(again["updated"].as_u64(), Some(0), "{again}");
    assert_eq!(p.projects_json().len(), before.len());
}

#[test]
fn export_names_what_it_can_write() {
    let p = Portfolio::new();
    p.ok(&["project", "add", "--title", "Falls"]);
    let said = refused(
        &p,
        &[
            "export",
            "projects",
            p.path("register.pdf").to_str().unwrap(),
        ],
    );
    assert!(
        said.contains("expected a file name ending .xlsx or .csv"),
        "{said}"
    );
}

#[test]
fn the_workbook_holds_every_table_with_dates_as_dates() {
    use calamine::{Data, Reader, open_workbook_auto};
    let p = Portfolio::new();
    p.ok(&["demo"]);
    let file = p.path("portfolio.xlsx");
    let said = p.ok(&["export", "workbook", file.to_str().unwrap()]);
    assert!(said.contains("40 projects"), "{said}");
    let mut book = open_workbook_auto(&file).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "Projects",
            "Team",
            "Score history",
            "Drivers",
            "Change ideas",
            "PDSA cycles",
            "Measures",
            "Data",
            "Benefits",
            "Notes",
            "Actions",
            "Sessions",
            "Attendance"
        ]
    );
    let data = book.worksheet_range("Data").unwrap();
    let headers: Vec<String> = data
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(headers, ["Ref", "Measure", "Date", "Value", "Note"]);
    let first = data.rows().nth(1).unwrap();
    assert!(matches!(first[2], Data::DateTime(_)), "{:?}", first[2]);
    assert!(matches!(first[3], Data::Float(_)), "{:?}", first[3]);
    let points = data.rows().count() - 1;
    assert!(said.contains(&format!("{points} data points")), "{said}");
    // The Projects sheet is the register: it imports back unchanged.
    let again = json(
        &p,
        &["import", "projects", file.to_str().unwrap(), "--json"],
    );
    assert_eq!(again["unchanged"].as_u64(), Some(40), "{again}");
    assert_eq!(again["sheet"], "Projects");
}

/// A big register imports with a progress bar on a terminal, and nothing on stderr when the
/// output goes to a script.
#[test]
fn a_big_register_says_nothing_extra_to_a_script() {
    let p = Portfolio::new();
    let mut text = String::from("Project,Lead\n");
    for i in 1..=2_100 {
        text.push_str(&format!("Project {i},Lead {}\n", i % 40));
    }
    let file = p.path("big.csv");
    std::fs::write(&file, text).unwrap();
    let out = p
        .cmd()
        .args(["import", "projects", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("2100 projects added"));
}
