//! A mistyped `--db` must not make a new, empty portfolio: reading never creates a file,
//! the first change does.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod common;

use common::Portfolio;

#[test]
fn reads_on_a_path_with_no_file_create_nothing() {
    let p = Portfolio::new();
    for args in [
        &["stage", "list"][..],
        &["person", "list"],
        &["cohort", "list"],
        &["project", "list"],
        &["history"],
        &["export", "json", "-"],
        &["undo"],
    ] {
        let _ = p.cmd().args(args).output().expect("run qiboard");
        assert!(
            !p.db.exists(),
            "qiboard {args:?} created {}",
            p.db.display()
        );
    }
    // A backup of nothing is refused and names the path.
    let out = p
        .cmd()
        .args(["backup", p.dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("there is no portfolio at"), "{said}");
    assert!(!p.db.exists());
}

#[test]
fn a_refused_first_change_creates_nothing_and_an_accepted_one_creates_the_file() {
    let p = Portfolio::new();
    let out = p
        .cmd()
        .args(["project", "add", "--title", "Falls", "--stage", "nowhere"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(!p.db.exists(), "a refused change created the file");
    p.ok(&["project", "add", "--title", "Falls"]);
    assert!(p.db.exists());
    assert!(p.ok(&["project", "list"]).contains("Falls"));
}

#[test]
fn a_workbook_given_to_the_json_import_is_named_for_what_it_is() {
    let p = Portfolio::new();
    let file = p.path("portfolio.xlsx");
    std::fs::write(&file, b"PK\x03\x04\x14\0\0\0\x08\0binary\xff\xfe").unwrap();
    let out = p
        .cmd()
        .args(["import", "json", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8(out.stderr).unwrap();
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.contains("this is an Excel workbook"), "{said}");
    assert!(!p.db.exists());
}
