//! The portfolio in and out from the app: the palette offers both; an import asks for a file
//! (pasted or dropped), shows its dry run and writes only on yes, one change that undo takes
//! back; a bad cell keeps the form open naming its row and column; an export writes the
//! workbook to the exports folder and says where.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod app_support;

use std::path::Path;

use app_support::{ctrl, demo_store, keys, model, press, screen};
use crossterm::event::{Event, KeyCode};
use qiboard::app::{self, Action, Model, Overlay, StatusKind};
use qiboard::store::Store;

fn paste(m: &mut Model, store: &mut Store, text: &str) {
    app::handle_event(m, Event::Paste(text.to_string()), store);
}

fn register(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

fn titles(store: &Store) -> Vec<String> {
    store
        .register()
        .unwrap()
        .into_iter()
        .filter_map(|p| p.title)
        .collect()
}

#[test]
fn the_palette_offers_import_and_export_by_their_words() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    for (typed, action) in [
        ("import projects from a file", Action::ImportProjects),
        ("export the portfolio to Excel", Action::ExportWorkbook),
    ] {
        press(&mut m, &mut store, KeyCode::Char(':'));
        keys(&mut m, &mut store, typed);
        let Some(Overlay::Palette(palette)) = &m.overlay else {
            panic!(": did not open the palette")
        };
        assert_eq!(palette.matches.first(), Some(&action), "{typed}");
        press(&mut m, &mut store, KeyCode::Esc);
    }
}

#[test]
fn an_import_shows_its_dry_run_writes_on_yes_and_undoes_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_store();
    let before = titles(&store);
    let first = store.register().unwrap().remove(0);
    let reference = first.reference.unwrap();
    let file = register(
        dir.path(),
        "Faculty register.csv",
        &format!(
            "\u{feff}Ward projects 2026\r\n\r\nRef,Project title,Division,RAG\r\n\
             {reference},{},Imported division,Green\r\n\
             ,Hydration rounds on Ward 7,Medicine,Amber\r\n\
             ,Safer insulin,Surgery,Red\r\n",
            first.title.clone().unwrap()
        ),
    );
    let mut m = model(&store, (100, 30));
    press(&mut m, &mut store, KeyCode::Char(':'));
    keys(&mut m, &mut store, "import projects");
    press(&mut m, &mut store, KeyCode::Enter);
    assert!(
        matches!(&m.overlay, Some(Overlay::Form(_))),
        "the import asks for a file"
    );
    // A terminal gives a dropped file's path quoted.
    paste(&mut m, &mut store, &format!("'{file}'"));
    ctrl(&mut m, &mut store, 's');
    let Some(Overlay::Confirm(confirm)) = &m.overlay else {
        panic!("no confirmation after the dry run: {}", screen(&m))
    };
    let said = confirm.question.join(" ");
    assert!(
        said.contains("2 projects added, 1 updated, 0 unchanged; ignored columns: RAG"),
        "{said}"
    );
    let shown = screen(&m);
    assert!(shown.contains("Import Faculty register.csv?"), "{shown}");
    assert_eq!(titles(&store), before, "the dry run wrote something");
    // A second Enter (a held key) does not skip past the summary: only y imports.
    press(&mut m, &mut store, KeyCode::Enter);
    assert!(matches!(m.overlay, Some(Overlay::Confirm(_))));
    assert_eq!(titles(&store), before);

    press(&mut m, &mut store, KeyCode::Char('y'));
    assert!(m.overlay.is_none());
    let status = m.status.as_ref().unwrap();
    assert_eq!(status.kind, StatusKind::Info, "{}", status.text);
    assert!(
        status
            .text
            .contains("Imported Faculty register.csv: 2 projects added, 1 updated"),
        "{}",
        status.text
    );
    let after = titles(&store);
    assert_eq!(after.len(), before.len() + 2);
    assert!(after.contains(&"Safer insulin".to_string()));
    let shown = screen(&m);
    assert!(shown.contains("Hydration rounds"), "{shown}");

    // A second import of the same file has nothing to do, and says so.
    press(&mut m, &mut store, KeyCode::Char('I'));
    paste(&mut m, &mut store, &file);
    ctrl(&mut m, &mut store, 's');
    assert!(m.overlay.is_none());
    let text = &m.status.as_ref().unwrap().text;
    assert!(text.starts_with("Nothing to import"), "{text}");

    // One undo takes the whole import back.
    press(&mut m, &mut store, KeyCode::Char('u'));
    assert_eq!(titles(&store), before);
    let division = store.register().unwrap().remove(0).division;
    assert_eq!(division, first.division);
}

#[test]
fn a_bad_register_keeps_the_form_open_naming_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_store();
    let before = titles(&store);
    let file = register(
        dir.path(),
        "bad.csv",
        "Title,Start date,Score\nA,31/02/2026,2\nB,01/03/2026,9\nC,01/03/2026,1\n",
    );
    let mut m = model(&store, (120, 40));
    press(&mut m, &mut store, KeyCode::Char('I'));
    // Ctrl-s with no file says what is needed.
    ctrl(&mut m, &mut store, 's');
    let Some(Overlay::Form(form)) = &m.overlay else {
        panic!("the form closed")
    };
    assert!(form.fields[0].error.is_some());
    paste(&mut m, &mut store, &file);
    ctrl(&mut m, &mut store, 's');
    let Some(Overlay::Form(form)) = &m.overlay else {
        panic!("the form closed on a bad register")
    };
    assert_eq!(
        form.fields[0].error.as_deref(),
        Some("2 bad cells: nothing was imported")
    );
    let shown = screen(&m);
    assert!(shown.contains("row 2"), "{shown}");
    assert!(
        shown.contains("Start date: \"31/02/2026\" is not a date"),
        "{shown}"
    );
    assert!(shown.contains("row 3"), "{shown}");
    assert!(shown.contains("Score: \"9\" is not a score"), "{shown}");
    assert_eq!(titles(&store), before);

    // Standard input is the keyboard in the app: refused, not waited on.
    press(&mut m, &mut store, KeyCode::Esc);
    press(&mut m, &mut store, KeyCode::Char('I'));
    paste(&mut m, &mut store, "-");
    ctrl(&mut m, &mut store, 's');
    let Some(Overlay::Form(form)) = &m.overlay else {
        panic!("the form closed on '-'")
    };
    assert!(
        form.fields[0]
            .error
            .as_deref()
            .is_some_and(|e| e.contains("command line")),
        "{:?}",
        form.fields[0].error
    );

    // A file that is not there is named, in one line.
    press(&mut m, &mut store, KeyCode::Esc);
    press(&mut m, &mut store, KeyCode::Char('I'));
    paste(
        &mut m,
        &mut store,
        &dir.path().join("missing.xlsx").to_string_lossy(),
    );
    ctrl(&mut m, &mut store, 's');
    let Some(Overlay::Form(form)) = &m.overlay else {
        panic!("the form closed on a missing file")
    };
    let error = form.fields[0].error.as_deref().unwrap_or_default();
    assert!(error.contains("missing.xlsx: cannot read it"), "{error}");
}

#[test]
fn an_export_writes_the_workbook_to_the_exports_folder_and_says_where() {
    use calamine::Reader;
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_store();
    let mut m = model(&store, (200, 50));
    m.config.exports = Some(dir.path().join("exports"));
    press(&mut m, &mut store, KeyCode::Char('E'));
    let path = dir
        .path()
        .join(format!("exports/portfolio-{}.xlsx", m.today));
    let status = m.status.as_ref().unwrap();
    assert_eq!(status.kind, StatusKind::Info, "{}", status.text);
    let projects = store.register().unwrap().len();
    assert_eq!(
        status.text,
        format!("Workbook of {projects} projects written to")
    );
    assert!(screen(&m).contains(&format!("portfolio-{}.xlsx", m.today)));
    let book = calamine::open_workbook_auto(&path).unwrap();
    let sheets = book.sheet_names();
    assert_eq!(sheets.first().map(String::as_str), Some("Projects"));
    assert!(sheets.contains(&"Data".to_string()), "{sheets:?}");
}

/// The dry run's question and a refused register, as a coach sees them in a small window.
/// (The files sit under `target/` so the path in the form is the same on every run.)
#[test]
fn import_screens_at_80_by_24() {
    let dir = Path::new("target/app-import-snapshots");
    std::fs::create_dir_all(dir).unwrap();
    let good = register(
        dir,
        "register.csv",
        "Project,Lead,Stage,Notes\nHydration rounds on Ward 7,Amy Lee,Define,x\n",
    );
    let bad = register(
        dir,
        "bad.csv",
        "Project,Lead,Stage,Start\nA,Amy Lee,Define,31/02/2026\nB,Ben,Nowhere,\n",
    );
    let mut store = demo_store();
    let mut m = model(&store, (80, 24));
    press(&mut m, &mut store, KeyCode::Char('I'));
    paste(&mut m, &mut store, &good);
    ctrl(&mut m, &mut store, 's');
    insta::assert_snapshot!("import_confirm_80x24", screen(&m));
    press(&mut m, &mut store, KeyCode::Char('n'));
    assert!(m.overlay.is_none());
    press(&mut m, &mut store, KeyCode::Char('I'));
    paste(&mut m, &mut store, &bad);
    ctrl(&mut m, &mut store, 's');
    insta::assert_snapshot!("import_bad_cells_80x24", screen(&m));
}
