//! `report board`: the portfolio report for a board paper, as one self-contained HTML page
//! (parsed here as a browser would) or as Markdown, with its bad input refused.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod common;

use common::Portfolio;
use scraper::{Html, Selector};
use serde_json::Value;

fn demo() -> Portfolio {
    let p = Portfolio::new();
    p.ok(&["demo", "--anchor", "2026-11-23"]);
    p
}

fn select<'a>(page: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    page.select(&Selector::parse(css).unwrap()).collect()
}

fn text(element: &scraper::ElementRef<'_>) -> String {
    element.text().collect::<Vec<_>>().join("")
}

/// The refs in the "Every project" and "Completed and stopped" tables.
fn listed_refs(page: &Html) -> Vec<String> {
    let mut refs: Vec<String> = select(page, "table")
        .iter()
        .filter(|t| {
            t.select(&Selector::parse("th").unwrap())
                .next()
                .is_some_and(|th| text(&th) == "Ref")
        })
        .flat_map(|t| {
            t.select(&Selector::parse("tbody tr td:first-child").unwrap())
                .map(|td| text(&td))
                .collect::<Vec<_>>()
        })
        .collect();
    refs.sort();
    refs
}

#[test]
fn the_html_report_holds_the_filtered_projects_and_nothing_remote() {
    let p = demo();
    let cohort = "Cohort 7";
    let html = p.ok(&["report", "board", "--cohort", cohort, "--output", "-"]);
    let page = Html::parse_document(&html);
    // Every project of the cohort, and no other.
    let mut expected: Vec<String> = p
        .projects_json()
        .iter()
        .filter(|r| r["cohort"].as_str().is_some_and(|c| c.contains(cohort)))
        .map(|r| r["ref"].as_str().unwrap().to_string())
        .collect();
    expected.sort();
    assert!(!expected.is_empty());
    assert_eq!(listed_refs(&page), expected);
    assert!(text(&select(&page, "h1")[0]).contains("cohort Cohort 7"));
    // Self-contained: no script, nothing fetched.
    assert!(select(&page, "script").is_empty());
    for element in select(&page, "[src], [href]") {
        for attribute in ["src", "href"] {
            if let Some(value) = element.value().attr(attribute) {
                assert!(!value.contains("//"), "remote {attribute}: {value}");
            }
        }
    }
    assert!(!html.contains("url("), "the page fetches something");
    // Icons carry their letter and words, so a black-and-white print loses nothing.
    let words = select(&page, "span.words");
    assert!(!words.is_empty());
    for w in &words {
        let said = text(w);
        assert!(
            [
                "common cause",
                "improvement",
                "concern",
                "neutral",
                "pass",
                "fail",
                "hit and miss"
            ]
            .iter()
            .any(|word| said.contains(word)),
            "{said}"
        );
    }
}

#[test]
fn markup_typed_into_a_title_is_shown_as_text() {
    let p = Portfolio::new();
    let title = "<b>Falls</b> & <script>alert(1)</script> \"quoted\" | pipes";
    p.ok(&["project", "add", "--title", title, "--aim", "<i>aim</i>"]);
    let html = p.ok(&["report", "board", "-o", "-"]);
    let page = Html::parse_document(&html);
    assert!(select(&page, "b").is_empty(), "a typed <b> became markup");
    assert!(
        select(&page, "script").is_empty(),
        "a typed script became one"
    );
    assert!(
        select(&page, "td").iter().any(|td| text(td) == title),
        "the title is not shown as typed"
    );
    let md = p.ok(&["report", "board", "--format", "md", "-o", "-"]);
    let row = md
        .lines()
        .find(|l| l.starts_with("| QI-0001 |"))
        .expect("the project's row");
    // The table keeps its columns: the typed pipe is escaped.
    assert!(row.contains("\\| pipes"), "{row}");
    assert!(row.contains("\\<b\\>Falls"), "{row}");
}

/// The Making Data Count summary says what `spc` says for the same measure.
#[test]
fn the_mdc_summary_matches_spc_for_the_main_measure() {
    let p = demo();
    let html = p.ok(&["report", "board", "-o", "-"]);
    let page = Html::parse_document(&html);
    let summary = select(&page, "table")
        .into_iter()
        .find(|t| {
            t.select(&Selector::parse("th").unwrap())
                .any(|th| text(&th) == "Upper limit")
        })
        .expect("the MDC summary table");
    let rows: Vec<Vec<String>> = summary
        .select(&Selector::parse("tbody tr").unwrap())
        .map(|tr| {
            tr.select(&Selector::parse("td").unwrap())
                .map(|td| text(&td))
                .collect()
        })
        .collect();
    assert!(rows.len() > 10, "{} rows", rows.len());
    let mut checked = 0;
    for row in rows.iter().take(5) {
        let reference = row[0].split(' ').next().unwrap();
        let measure = &row[1];
        let json: Value = serde_json::from_str(&p.ok(&[
            "spc",
            "--project",
            reference,
            "--measure",
            measure,
            "--format",
            "json",
        ]))
        .unwrap();
        let last = json["points"].as_array().unwrap().last().unwrap().clone();
        let shown = |i: usize| row[i].parse::<f64>().ok();
        let near = |a: Option<f64>, b: &Value| match (a, b.as_f64()) {
            (Some(a), Some(b)) => (a - b).abs() < 0.001,
            (None, None) => true,
            _ => false,
        };
        assert!(
            near(shown(5), &last["mean"]),
            "{reference} mean: {row:?} {last}"
        );
        assert!(
            near(shown(6), &last["lpl"]),
            "{reference} lpl: {row:?} {last}"
        );
        assert!(
            near(shown(7), &last["upl"]),
            "{reference} upl: {row:?} {last}"
        );
        let variation = json["variation"].as_str().unwrap().replace('_', " ");
        let word = variation.split(' ').next().unwrap();
        assert!(
            row[8].contains(word),
            "{reference}: {} vs {variation}",
            row[8]
        );
        checked += 1;
    }
    assert_eq!(checked, 5);
}

#[test]
fn the_markdown_report_of_the_demo() {
    let p = demo();
    let md = p.ok(&["report", "board", "--format", "md", "--output", "-"]);
    insta::assert_snapshot!("board_report_demo_md", md);
}

#[test]
fn bad_input_writes_nothing_and_says_what() {
    let p = demo();
    let refused = |args: &[&str]| {
        let out = p.cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let said = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(said.trim_end().lines().count(), 1, "{said}");
        said
    };
    let said = refused(&["report", "board", "--cohort", "Nowhere", "-o", "-"]);
    assert!(said.contains("no project matches cohort Nowhere"), "{said}");
    let missing = p.path("no/such/folder/report.html");
    let said = refused(&["report", "board", "-o", missing.to_str().unwrap()]);
    assert!(said.contains("does not exist"), "{said}");
    refused(&["report", "board", "--format", "pdf"]);
    refused(&["report", "board", "--stage", "nowhere", "-o", "-"]);
    assert!(!p.path("no").exists());
}

#[test]
fn without_output_the_report_goes_to_the_exports_folder_named_for_the_day() {
    let p = demo();
    let home = p.path("home");
    std::fs::create_dir_all(&home).unwrap();
    let out = p
        .cmd()
        .args(["report", "board"])
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("USERPROFILE", &home)
        .env("APPDATA", home.join("config"))
        .env("LOCALAPPDATA", home.join("data"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8(out.stdout).unwrap();
    let path = said
        .trim_end()
        .strip_prefix("report written to ")
        .expect("says where");
    assert!(path.ends_with("board-report-2026-11-23.html"), "{path}");
    let written = std::fs::read_to_string(path).unwrap();
    assert!(written.starts_with("<!DOCTYPE html>"));
}

/// The project on a page: one chart per measure with data, its verdict in words, every PDSA
/// cycle by label, and typed markup shown as text.
#[test]
fn the_project_on_a_page_charts_every_measure_and_escapes_what_was_typed() {
    let p = demo();
    let detail: Value =
        serde_json::from_str(&p.ok(&["project", "show", "QI-0003", "--json"])).unwrap();
    let html = p.ok(&["report", "project", "QI-0003", "-o", "-"]);
    let page = Html::parse_document(&html);
    let charted = detail["measures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["points"].as_i64().unwrap_or(0) >= 2)
        .count();
    assert!(charted > 0);
    assert_eq!(select(&page, "div.chart svg").len(), charted);
    assert_eq!(select(&page, "p.verdict").len(), charted);
    for cycle in detail["pdsa_cycles"].as_array().unwrap() {
        let label = format!("PDSA {}", cycle["number"]);
        assert!(
            select(&page, "div.cycle strong")
                .iter()
                .any(|s| text(s) == label),
            "{label} missing"
        );
    }
    assert!(select(&page, "script").is_empty());

    p.ok(&[
        "note",
        "add",
        "QI-0003",
        "<img src=x onerror=alert(1)> done",
    ]);
    let html = p.ok(&["report", "project", "QI-0003", "-o", "-"]);
    let page = Html::parse_document(&html);
    assert!(select(&page, "img").is_empty(), "a typed tag became markup");
    assert!(html.contains("&lt;img src=x"));

    let out = p
        .cmd()
        .args(["report", "project", "QI-0999", "-o", "-"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown project QI-0999"));
}

/// The score's history is drawn as steps above its table, in words for a screen reader.
#[test]
fn the_project_on_a_page_draws_the_score_as_steps() {
    let p = demo();
    let html = p.ok(&["report", "project", "QI-0003", "-o", "-"]);
    let page = Html::parse_document(&html);
    let steps = select(&page, "div.steps svg");
    assert_eq!(steps.len(), 1);
    let words = steps[0].value().attr("aria-label").unwrap();
    assert!(words.starts_with("progress score from "), "{words}");
    let points = select(&page, "div.steps svg polyline")[0]
        .value()
        .attr("points")
        .unwrap()
        .split(' ')
        .count();
    let scores = select(&page, "h2 + div.steps + table tbody tr").len();
    assert!(scores > 0);
    // Each score after the first is a step (two corners), and the last holds until today.
    assert_eq!(points, scores * 2);
}

/// Markdown cannot hold a picture: its charts are SVG files in a folder named for the report,
/// each linked where the HTML draws it, and every link finds its file.
#[test]
fn markdown_reports_write_their_charts_beside_them() {
    let p = demo();
    let out = p.path("qi-3.md");
    let said = p.ok(&[
        "report",
        "project",
        "QI-0003",
        "--format",
        "md",
        "-o",
        out.to_str().unwrap(),
    ]);
    let folder = p.path("qi-3-charts");
    assert!(said.contains(&folder.display().to_string()), "{said}");
    let md = std::fs::read_to_string(&out).unwrap();
    let links: Vec<&str> = md
        .lines()
        .filter_map(|l| l.strip_prefix("![")?.split("](").nth(1)?.strip_suffix(')'))
        .collect();
    let detail: Value =
        serde_json::from_str(&p.ok(&["project", "show", "QI-0003", "--json"])).unwrap();
    let charted = detail["measures"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["points"].as_i64().unwrap_or(0) >= 2)
        .count();
    // The score's steps and one chart per measure with data.
    assert_eq!(links.len(), charted + 1, "{links:?}");
    let files = std::fs::read_dir(&folder).unwrap().count();
    assert_eq!(files, links.len());
    for link in &links {
        assert!(link.starts_with("qi-3-charts/"), "{link}");
        let svg = std::fs::read_to_string(p.path(link)).unwrap();
        assert!(svg.starts_with("<svg"), "{link}");
    }
    assert!(md.contains("## PDSA cycles by change idea"));
    assert!(md.contains("**PDSA 1**"), "cycles are named as everywhere");

    let board = p.path("board report.md");
    p.ok(&[
        "report",
        "board",
        "--format",
        "md",
        "-o",
        board.to_str().unwrap(),
    ]);
    let md = std::fs::read_to_string(&board).unwrap();
    // A folder name with a space is a link only inside angle brackets.
    assert!(
        md.contains("![Projects by stage](<board report-charts/1-stages.svg>)"),
        "{md}"
    );
    let bars = std::fs::read_to_string(p.path("board report-charts/1-stages.svg")).unwrap();
    assert!(bars.contains("projects by stage"));

    // To standard output there is no folder: no links that lead nowhere.
    let md = p.ok(&["report", "project", "QI-0003", "--format", "md", "-o", "-"]);
    assert!(!md.contains("!["), "a link with no file behind it");
}

#[test]
fn the_project_on_a_page_in_markdown() {
    let p = demo();
    let md = p.ok(&["report", "project", "QI-0003", "--format", "md", "-o", "-"]);
    insta::assert_snapshot!("project_report_demo_md", md);
}
