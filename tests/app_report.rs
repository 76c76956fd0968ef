//! `R` on the board or in Metrics writes the board report for the board's filters to the
//! exports folder, and the status line says where.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod app_support;

use app_support::{demo_store, keys, model, press};
use crossterm::event::KeyCode;
use qiboard::app::StatusKind;

#[test]
fn r_writes_the_board_report_for_the_filters_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    m.config.exports = Some(dir.path().to_path_buf());
    // Filter the board to one cohort, then write the report from Metrics.
    press(&mut m, &mut store, KeyCode::Char('f'));
    keys(&mut m, &mut store, "Cohort 7");
    app_support::ctrl(&mut m, &mut store, 's');
    press(&mut m, &mut store, KeyCode::Char('3'));
    press(&mut m, &mut store, KeyCode::Char('R'));
    let status = m.status.as_ref().unwrap();
    assert_eq!(status.kind, StatusKind::Info, "{}", status.text);
    assert_eq!(status.text, "Board report written to");
    let path = dir.path().join(format!("board-report-{}.html", m.today));
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains("cohort Cohort 7"));
    let shown: Vec<String> = store
        .list_projects(&m.filter)
        .unwrap()
        .iter()
        .map(|p| p.title.clone())
        .collect();
    assert!(!shown.is_empty());
    for title in &shown {
        assert!(html.contains(title.as_str()), "{title} missing");
    }
    let others = store.list_projects(&Default::default()).unwrap();
    let hidden = others.iter().find(|p| !shown.contains(&p.title)).unwrap();
    assert!(
        !html.contains(&hidden.title),
        "{} is not in the cohort",
        hidden.title
    );
}

#[test]
fn r_in_detail_writes_the_project_on_a_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    m.config.exports = Some(dir.path().to_path_buf());
    press(&mut m, &mut store, KeyCode::Enter);
    let reference = m.detail.as_ref().unwrap().reference();
    press(&mut m, &mut store, KeyCode::Char('R'));
    let status = m.status.as_ref().unwrap();
    assert_eq!(status.kind, StatusKind::Info, "{}", status.text);
    assert_eq!(status.text, format!("{reference} on a page written to"));
    let path = dir
        .path()
        .join(format!("project-{reference}-{}.html", m.today));
    let html = std::fs::read_to_string(&path).unwrap();
    let title = &m.detail.as_ref().unwrap().detail.project.title;
    assert!(html.contains(title.as_str()));
    assert!(html.contains("project on a page"));
}
