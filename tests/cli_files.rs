//! The portfolio file: lossless JSON round trip, backup, private permissions, refusing
//! files that are not ours, two writers at once, and a process killed mid-import.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod common;

use std::time::{Duration, Instant};

use common::{Portfolio, qiboard};

fn sample() -> Portfolio {
    let p = Portfolio::new();
    p.ok(&[
        "project",
        "add",
        "--title",
        "Discharge before noon",
        "--lead",
        "Amy Pond",
        "--coach",
        "Rory Williams",
        "--cohort",
        "Cohort 7",
        "--stage",
        "measure",
        "--aim",
        "50% of discharges before noon by June 2027",
        "--start",
        "2026-04-01",
    ]);
    p.ok(&[
        "project",
        "add",
        "--title",
        "Sepsis \"screening\" 🙂",
        "--sponsor",
        "Dr Who",
    ]);
    p.ok(&["project", "assign", "1", "--role", "member", "Clara Oswald"]);
    p.ok(&[
        "project",
        "score",
        "1",
        "2",
        "--note",
        "baseline done",
        "--by",
        "Rory",
    ]);
    p.ok(&["driver", "add", "1", "Timely decisions"]);
    p.ok(&[
        "driver",
        "add",
        "1",
        "Board round by 10am",
        "--level",
        "secondary",
        "--parent",
        "Timely decisions",
    ]);
    p.ok(&[
        "idea",
        "add",
        "1",
        "Criteria-led discharge",
        "--driver",
        "Board round by 10am",
    ]);
    p.ok(&[
        "measure",
        "add",
        "1",
        "Discharges before noon",
        "--kind",
        "outcome",
        "--direction",
        "increase",
        "--unit",
        "%",
        "--target",
        "50",
    ]);
    for (month, value) in [
        ("01", "18.5"),
        ("02", "21"),
        ("03", "-0.1"),
        ("04", "33.333333333333336"),
    ] {
        p.ok(&[
            "measure",
            "record",
            "1",
            "Discharges before noon",
            &format!("2026-{month}-01"),
            value,
        ]);
    }
    p.ok(&[
        "measure",
        "rebase",
        "1",
        "Discharges before noon",
        "2026-03-01",
        "--reason",
        "New ward layout",
    ]);
    p.ok(&[
        "pdsa",
        "add",
        "1",
        "--change-idea",
        "Criteria-led discharge",
        "--measure",
        "Discharges before noon",
    ]);
    p.ok(&[
        "benefit",
        "add",
        "1",
        "--kind",
        "time_released",
        "--amount",
        "120",
        "--unit",
        "bed days/year",
    ]);
    p.ok(&["note", "add", "2", "Line one\nLine two"]);
    p.ok(&["project", "add", "--title", "Deleted later"]);
    p.ok(&["project", "delete", "3"]);
    p
}

#[test]
fn export_import_export_gives_the_same_bytes() {
    let p = sample();
    let first = p.export();
    assert_eq!(p.export(), first, "exporting twice differs");
    let file = p.path("portfolio.json");
    p.ok(&["export", "json", file.to_str().unwrap()]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), first);

    let q = Portfolio::new();
    let said = q.ok(&["import", "json", file.to_str().unwrap()]);
    assert_eq!(
        said,
        format!("2 projects imported from {}\n", file.display())
    );
    assert_eq!(q.export(), first);
    // The import is one change: undone in one step, and redone whole.
    q.ok(&["undo"]);
    assert!(q.projects_json().is_empty());
    q.ok(&["redo"]);
    assert_eq!(q.export(), first);
    // The next ref continues after the deleted QI-0003: never reused after a restore.
    assert_eq!(
        q.ok(&["project", "add", "--title", "New"]),
        "QI-0004 added: New\n"
    );
}

#[test]
fn backup_is_a_working_copy_of_the_portfolio() {
    let p = sample();
    let dir = p.path("backups");
    let said = p.ok(&["backup", dir.to_str().unwrap()]);
    let file = dir.join("qiboard-backup-20261123-090000.sqlite3");
    // qiboard.exe under wine joins the folder it was given with Windows' separator.
    let sep = if common::testing_windows() { "\\" } else { "/" };
    assert_eq!(
        said,
        format!(
            "backup written to {}{sep}qiboard-backup-20261123-090000.sqlite3\n",
            dir.display()
        )
    );
    // A second backup in the same second gets its own name.
    let again = p.ok(&["backup", dir.to_str().unwrap()]);
    assert!(
        again.contains("qiboard-backup-20261123-090000-2.sqlite3"),
        "{again}"
    );
    let copy = qiboard(&file)
        .args(["export", "json", "-"])
        .output()
        .unwrap();
    assert!(copy.status.success());
    assert_eq!(String::from_utf8(copy.stdout).unwrap(), p.export());
}

#[cfg(unix)]
#[test]
fn the_portfolio_and_its_backups_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    if common::testing_windows() {
        // qiboard.exe under wine: Windows keeps files private by the profile's ACL, not modes.
        return;
    }
    let p = sample();
    let mode = std::fs::metadata(&p.db).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "portfolio mode {mode:o}");
    let said = p.ok(&["backup", p.dir.path().to_str().unwrap()]);
    let file = said.trim().trim_start_matches("backup written to ");
    let mode = std::fs::metadata(file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "backup mode {mode:o}");
    let export = p.path("export.json");
    p.ok(&["export", "json", export.to_str().unwrap()]);
    let mode = std::fs::metadata(&export).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "export mode {mode:o}");
}

#[test]
fn the_default_portfolio_folder_is_created_on_first_use() {
    let p = Portfolio::new();
    let nested = p.path("a/b/qiboard.sqlite3");
    // Looking does not create a portfolio (a mistyped path must not look empty) …
    qiboard(&nested)
        .args(["project", "list"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("there is no portfolio at"));
    assert!(!nested.exists());
    // … the first change does, with its folders.
    qiboard(&nested)
        .args(["project", "add", "--title", "First"])
        .assert()
        .success();
    assert!(nested.exists());
}

fn assert_refused_untouched(file: &std::path::Path, mentions: &str) {
    let before = std::fs::read(file).unwrap();
    let out = qiboard(file).args(["project", "list"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(mentions), "{stderr}");
    assert_eq!(
        std::fs::read(file).unwrap(),
        before,
        "the file was modified"
    );
    let wal = file.with_extension("sqlite3-wal");
    assert!(!wal.exists(), "a WAL was created next to a foreign file");
}

#[test]
fn files_that_are_not_qiboard_portfolios_are_refused_and_left_untouched() {
    let p = Portfolio::new();
    let text = p.path("notes.sqlite3");
    std::fs::write(&text, "just some text, not a database\n").unwrap();
    assert_refused_untouched(&text, "not a qiboard portfolio");

    let other = p.path("other.sqlite3");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE cards (id INTEGER PRIMARY KEY, title TEXT); INSERT INTO cards (title) VALUES ('x');").unwrap();
    drop(conn);
    assert_refused_untouched(&other, "SQLite database but not a qiboard portfolio");

    let newer = p.path("newer.sqlite3");
    qiboard(&newer)
        .args(["project", "add", "--title", "x"])
        .assert()
        .success();
    let conn = rusqlite::Connection::open(&newer).unwrap();
    conn.execute_batch(
        "PRAGMA user_version = 99; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;",
    )
    .unwrap();
    drop(conn);
    assert_refused_untouched(&newer, "newer qiboard");
}

#[test]
fn two_writers_at_once_both_succeed() {
    let p = Portfolio::new();
    // The portfolio exists (its first change made it); both writers then share its file.
    p.ok(&["person", "add", "Ward sister"]);
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let db = p.db.clone();
            std::thread::spawn(move || {
                for i in 0..15 {
                    qiboard(&db)
                        .args([
                            "project",
                            "add",
                            "--title",
                            &format!("writer {w} project {i}"),
                        ])
                        .assert()
                        .success();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let refs: Vec<String> = p
        .projects_json()
        .iter()
        .map(|r| r["ref"].as_str().unwrap().to_string())
        .collect();
    let expected: Vec<String> = (1..=30).map(|n| format!("QI-{n:04}")).collect();
    assert_eq!(refs, expected);
    assert_eq!(p.history_len(), 31);
}

/// A document big enough that its import takes a while: many projects with notes.
fn big_document(p: &Portfolio) -> std::path::PathBuf {
    let mut doc: serde_json::Value = serde_json::from_str(&p.export()).unwrap();
    let stage = doc["stages"][0]["uuid"].clone();
    let mut projects = Vec::new();
    let mut notes = Vec::new();
    for n in 1..=20_000u32 {
        let uuid = format!("00000000-0000-4000-8000-{n:012}");
        projects.push(serde_json::json!({
            "uuid": uuid, "ref_no": n, "title": format!("Project {n}"), "stage": stage,
            "position": n, "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z",
        }));
        for k in 0..5 {
            notes.push(serde_json::json!({
                "uuid": format!("10000000-0000-4000-8000-{:012}", n * 10 + k), "project": uuid,
                "text": "A note long enough to make the import take a little while.",
                "created": "2026-01-01T00:00:00Z",
            }));
        }
    }
    doc["projects"] = serde_json::Value::Array(projects);
    doc["notes"] = serde_json::Value::Array(notes);
    doc["next_ref"] = serde_json::json!(20_001);
    let file = p.path("big.json");
    std::fs::write(&file, serde_json::to_string(&doc).unwrap()).unwrap();
    file
}

#[test]
fn an_import_killed_midway_leaves_nothing_behind() {
    let source = Portfolio::new();
    source.ok(&["project", "add", "--title", "Placeholder"]);
    source.ok(&["undo"]);
    let file = big_document(&source);
    for attempt in 0..3 {
        let p = Portfolio::new();
        // An existing, empty portfolio: the import writes into its file as it goes.
        p.ok(&["project", "add", "--title", "Placeholder"]);
        p.ok(&["undo"]);
        let wal = p.db.with_extension("sqlite3-wal");
        let wal_before = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
        let history_before = p.history_len();
        let mut child = common::qiboard_process()
            .args(["import", "json", file.to_str().unwrap()])
            .env("QIBOARD_DB", &p.db)
            .env("QIBOARD_NOW", common::NOW)
            .spawn()
            .unwrap();
        // Wait until the import is writing (its WAL grows), then kill it without warning.
        let start = Instant::now();
        let mut finished = false;
        loop {
            let grown =
                std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0) > wal_before + 64 * 1024;
            if grown {
                break;
            }
            if child.try_wait().unwrap().is_some() {
                finished = true;
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "import never started writing"
            );
            std::thread::sleep(Duration::from_millis(1));
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let count = p.projects_json().len();
        assert!(
            count == 0 || count == 20_000,
            "attempt {attempt}: {count} projects after a kill"
        );
        if !finished {
            assert_eq!(count, 0, "killed before commit, yet projects are there");
            assert_eq!(p.history_len(), history_before);
        }
    }
}

#[test]
fn an_older_portfolio_is_backed_up_then_upgraded_and_stays_readable() {
    let p = Portfolio::new();
    // A portfolio as the first schema wrote it.
    let mut conn = rusqlite::Connection::open(&p.db).unwrap();
    qiboard::store::schema::migrations()
        .to_version(&mut conn, 1)
        .unwrap();
    conn.execute_batch(&format!(
        "PRAGMA application_id = {};
         INSERT INTO stages (uuid, key, name, position) VALUES ('s1', 'start', 'Start out', 1);
         INSERT INTO meta (key, value) VALUES ('next_ref', '2');
         INSERT INTO projects (uuid, ref_no, title, stage_id, position, created, updated)
         VALUES ('p1', 1, 'Old project', 1, 1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');",
        qiboard::store::schema::APPLICATION_ID
    ))
    .unwrap();
    drop(conn);

    let list = p.projects_json();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["title"], "Old project");
    let backups: Vec<_> = std::fs::read_dir(p.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("v1-backup"))
        .collect();
    assert_eq!(
        backups,
        ["portfolio.sqlite3.v1-backup-20261123-090000.sqlite3"]
    );
    // The backup is the old schema, untouched.
    let old = rusqlite::Connection::open(p.dir.path().join(&backups[0])).unwrap();
    let version: i64 = old
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1);
    // And the upgraded portfolio takes new work.
    assert_eq!(
        p.ok(&["project", "add", "--title", "New"]),
        "QI-0002 added: New\n"
    );
}

#[test]
fn a_change_made_before_an_upgrade_can_still_be_undone_after_it() {
    let p = Portfolio::new();
    let mut conn = rusqlite::Connection::open(&p.db).unwrap();
    qiboard::store::schema::migrations()
        .to_version(&mut conn, 1)
        .unwrap();
    // Schema 1, with one status change in its undo log (row images of schema 1's columns).
    let row = |status: &str, version: i64| {
        serde_json::json!({
            "id": 1, "uuid": "p1", "version": version, "ref_no": 1, "title": "Old project",
            "problem": "", "aim": "", "scope_in": "", "scope_out": "", "division": "",
            "department": "", "risks": "", "cohort_id": null, "start_date": null,
            "target_date": null, "stage_id": 1, "status": status, "position": 1, "score": null,
            "created": "2025-01-01T00:00:00Z", "updated": "2025-01-01T00:00:00Z",
            "last_pdsa": null, "last_data": null
        })
    };
    let changes = serde_json::json!([{
        "table": "projects", "id": 1, "before": row("active", 1), "after": row("on_hold", 2)
    }]);
    conn.execute_batch(&format!(
        "PRAGMA application_id = {};
         INSERT INTO stages (uuid, key, name, position) VALUES ('s1', 'start', 'Start out', 1);
         INSERT INTO meta (key, value) VALUES ('next_ref', '2');
         INSERT INTO projects (uuid, version, ref_no, title, stage_id, status, position, created, updated)
         VALUES ('p1', 2, 1, 'Old project', 1, 'on_hold', 1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');",
        qiboard::store::schema::APPLICATION_ID
    ))
    .unwrap();
    conn.execute(
        "INSERT INTO history (at, ref_no, summary, kind, changes) VALUES ('2025-01-01T00:00:00Z', 1, 'QI-0001 status set to On hold', 'rows', ?1)",
        [changes.to_string()],
    )
    .unwrap();
    drop(conn);

    assert_eq!(p.projects_json()[0]["status"], "on_hold");
    assert_eq!(p.ok(&["undo"]), "Undone: QI-0001 status set to On hold\n");
    assert_eq!(p.projects_json()[0]["status"], "active");
    p.ok(&["redo"]);
    assert_eq!(p.projects_json()[0]["status"], "on_hold");
}
