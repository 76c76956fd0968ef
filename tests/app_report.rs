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

/// `x` writes the chart on screen as SVG and, for slides, as PNG beside it.
#[test]
fn x_exports_the_chart_as_svg_and_png() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    m.config.exports = Some(dir.path().to_path_buf());
    let reference = store
        .list_projects(&Default::default())
        .unwrap()
        .into_iter()
        .map(|p| p.reference)
        .find(|r| {
            let d = store.project_detail(*r).unwrap();
            d.measures.iter().any(|x| x.points > 3)
        })
        .expect("the demo has a project with data");
    assert!(m.board.select(reference));
    press(&mut m, &mut store, KeyCode::Enter);
    press(&mut m, &mut store, KeyCode::Char('x'));
    let status = m.status.as_ref().unwrap();
    assert_eq!(status.kind, StatusKind::Info, "{}", status.text);
    let svg = std::path::PathBuf::from(status.path.clone().expect("the status names the file"));
    assert_eq!(svg.extension().unwrap(), "svg");
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
    let png = std::fs::read(svg.with_extension("png")).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    // Twice the SVG's size, so a slide can scale it without blurring.
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert!(width >= 1600, "{width} pixels wide");
}
