//! The board report as one self-contained HTML page: CSS inline, pictures as inline SVG, no
//! script, nothing fetched; every text a person typed escaped by the template (maud). Laid
//! out for A4 landscape print: no row split across pages, table headers repeated.

use std::cmp::Ordering;

use maud::{DOCTYPE, Markup, html};

use super::board::{BoardReport, MainMeasure, ReportedProject};
use super::svg;
use super::{Icon, assurance_icon, figure, figure_or_dash, variation_icon};

const STYLE: &str = "
body { font-family: 'Segoe UI', Arial, sans-serif; color: #212b32; margin: 24px; font-size: 14px; }
h1 { color: #005eb8; font-size: 24px; margin-bottom: 4px; }
h2 { color: #005eb8; border-bottom: 2px solid #005eb8; padding-bottom: 2px; margin-top: 28px; }
.sub { color: #4c6272; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { border: 1px solid #d8dde0; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f0f4f5; }
td.n { text-align: right; white-space: nowrap; }
.figures { display: flex; flex-wrap: wrap; gap: 24px; }
.figures > div { min-width: 240px; }
.icon { vertical-align: middle; margin-right: 4px; }
.words { white-space: nowrap; }
.empty { color: #4c6272; font-style: italic; }
@page { size: A4 landscape; margin: 12mm; }
@media print {
  body { margin: 0; font-size: 11px; }
  tr, svg, .figures > div { break-inside: avoid; }
  thead { display: table-header-group; }
  h2 { break-after: avoid; }
}
";

/// The board report as an HTML page.
pub fn board_html(report: &BoardReport) -> String {
    let page: Markup = html! {
        (DOCTYPE)
        html lang="en-GB" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (report.heading()) }
                style { (maud::PreEscaped(STYLE)) }
            }
            body {
                h1 { (report.heading()) }
                p.sub {
                    (report.metrics.total) " projects. Scores and PDSA cycles since "
                    (report.since.format("%-d %B %Y")) "."
                }
                (headline(report))
                (mdc_summary(report))
                (attention(report))
                (every_project(report))
            }
        }
    };
    page.into_string()
}

fn headline(report: &BoardReport) -> Markup {
    let m = &report.metrics;
    html! {
        h2 { "At a glance" }
        div.figures {
            div {
                h3 { "By status" }
                table {
                    thead { tr { th { "Status" } th { "Projects" } } }
                    tbody {
                        @for (status, n) in &m.by_status {
                            tr { td { (status.label()) } td.n { (n) } }
                        }
                    }
                }
            }
            div {
                h3 { "By stage" }
                (svg::bars(&m.by_stage))
            }
            div {
                h3 { "Progress" }
                p {
                    "Median progress score: "
                    strong { (report.median_score().map_or("none yet".to_string(), figure)) }
                }
                (moves(report))
                p {
                    "PDSA cycles since " (report.since.format("%-d %b %Y")) ": "
                    strong { (report.pdsa_started) } " started, "
                    strong { (report.pdsa_finished) } " finished with a decision."
                }
            }
            div {
                h3 { "Benefits claimed" }
                @if m.benefits.is_empty() {
                    p.empty { "None claimed yet." }
                } @else {
                    table {
                        thead { tr { th { "Kind" } th { "Total" } th { "Unit" } } }
                        tbody {
                            @for (kind, unit, total) in &m.benefits {
                                tr { td { (kind.replace('_', " ")) } td.n { (figure(*total)) } td { (unit) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn moves(report: &BoardReport) -> Markup {
    let ways = [
        (Ordering::Greater, "▲ up"),
        (Ordering::Less, "▼ down"),
        (Ordering::Equal, "= same"),
    ];
    html! {
        table {
            thead { tr { th { "Score since " (report.since.format("%-d %b")) } th { "Projects" } th { "Which" } } }
            tbody {
                @for (way, words) in ways {
                    @let moved = report.moved(way);
                    tr {
                        td { (words) }
                        td.n { (moved.len()) }
                        td { (refs(&moved)) }
                    }
                }
            }
        }
    }
}

fn refs(projects: &[&ReportedProject]) -> String {
    projects
        .iter()
        .map(|p| p.row.reference.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn icon_with_words(icon: Icon) -> Markup {
    html! {
        span.words { (svg::icon(icon)) (icon.letter) " " (icon.words) }
    }
}

fn mdc_summary(report: &BoardReport) -> Markup {
    let measured: Vec<(&ReportedProject, &MainMeasure)> = report
        .projects
        .iter()
        .filter_map(|p| p.main.as_ref().map(|m| (p, m)))
        .collect();
    html! {
        h2 { "Making Data Count summary" }
        @if measured.is_empty() {
            p.empty { "No project has a main measure yet." }
        } @else {
            table {
                thead {
                    tr {
                        th { "Project" } th { "Measure" } th { "Latest" } th { "Value" }
                        th { "Target" } th { "Mean" } th { "Lower limit" } th { "Upper limit" }
                        th { "Variation" } th { "Assurance" }
                    }
                }
                tbody {
                    @for (project, main) in &measured {
                        @let line = main.latest_line();
                        tr {
                            td { (project.row.reference) " " (project.row.title) }
                            td { (main.measure.name) }
                            td.n { (main.latest().map_or("–".to_string(), |p| p.date.to_string())) }
                            td.n { (figure_or_dash(main.latest().map(|p| p.value))) }
                            td.n { (figure_or_dash(main.measure.target)) }
                            td.n { (figure_or_dash(line.and_then(|l| l.mean))) }
                            td.n { (figure_or_dash(line.and_then(|l| l.lpl))) }
                            td.n { (figure_or_dash(line.and_then(|l| l.upl))) }
                            td { @if let Some(v) = main.variation() { (icon_with_words(variation_icon(v))) } @else { span.empty { "too few points" } } }
                            td { @if let Some(a) = main.assurance() { (icon_with_words(assurance_icon(a))) } @else { span.empty { "no target" } } }
                        }
                    }
                }
            }
            h3 { "Icons across the portfolio" }
            p {
                @for (icon, n) in report.icon_counts() {
                    span.words { (svg::icon(icon)) (icon.letter) " " (icon.words) ": " strong { (n) } } " "
                }
            }
        }
    }
}

fn attention(report: &BoardReport) -> Markup {
    let stalled = &report.metrics.stalled;
    let concerns = report.concerns();
    html! {
        h2 { "Needs attention" }
        h3 { "Stalled (quiet for " (report.metrics.stale_weeks) " weeks)" }
        @if stalled.is_empty() {
            p.empty { "No active project has stalled." }
        } @else {
            table {
                thead { tr { th { "Project" } th { "Stage" } th { "Why" } th { "Last update" } } }
                tbody {
                    @for s in stalled {
                        tr {
                            td { (s.reference) " " (s.title) }
                            td { (s.stage) }
                            td { (s.reasons().join(", ")) }
                            td.n { (crate::clock::date_part(&s.updated)) }
                        }
                    }
                }
            }
        }
        h3 { "Special cause concern in the main measure" }
        @if concerns.is_empty() {
            p.empty { "No main measure shows special cause concern." }
        } @else {
            table {
                thead { tr { th { "Project" } th { "Measure" } th { "Variation" } } }
                tbody {
                    @for p in &concerns {
                        @if let Some(main) = &p.main {
                            tr {
                                td { (p.row.reference) " " (p.row.title) }
                                td { (main.measure.name) }
                                td { @if let Some(v) = main.variation() { (icon_with_words(variation_icon(v))) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn every_project(report: &BoardReport) -> Markup {
    let open: Vec<&ReportedProject> = report.projects.iter().filter(|p| !p.is_closed()).collect();
    let closed: Vec<&ReportedProject> = report.projects.iter().filter(|p| p.is_closed()).collect();
    html! {
        h2 { "Every project" }
        (project_table(&open, "No open project."))
        h2 { "Completed and stopped" }
        (project_table(&closed, "None completed or stopped."))
    }
}

fn project_table(projects: &[&ReportedProject], empty: &str) -> Markup {
    html! {
        @if projects.is_empty() {
            p.empty { (empty) }
        } @else {
            table {
                thead {
                    tr {
                        th { "Ref" } th { "Title" } th { "Stage" } th { "Status" } th { "Score" }
                        th { "Lead" } th { "Coach" } th { "Cohort" } th { "Main measure" }
                        th { "Last points" } th { "Last update" }
                    }
                }
                tbody {
                    @for p in projects {
                        tr {
                            td.n { (p.row.reference) }
                            td { (p.row.title) }
                            td { (p.row.stage) }
                            td { (p.row.status.label()) }
                            td.n { (score(p)) }
                            td { (p.row.lead.as_deref().unwrap_or("")) }
                            td { (p.row.coach.as_deref().unwrap_or("")) }
                            td { (p.row.cohort.as_deref().unwrap_or("")) }
                            td {
                                @if let Some(v) = p.row.variation { (icon_with_words(variation_icon(v))) " " }
                                @if let Some(a) = p.row.assurance { (icon_with_words(assurance_icon(a))) }
                            }
                            td { @if let Some(main) = &p.main { (svg::sparkline(&main.points, 12)) } }
                            td.n { (crate::clock::date_part(&p.row.updated)) }
                        }
                    }
                }
            }
        }
    }
}

/// The score with its movement since the report's date: `3.5 ▲`.
pub(super) fn score(p: &ReportedProject) -> String {
    let score = p.row.score.map_or("–".to_string(), |s| s.to_string());
    match p.moved {
        Some(Ordering::Greater) => format!("{score} ▲"),
        Some(Ordering::Less) => format!("{score} ▼"),
        Some(Ordering::Equal) => format!("{score} ="),
        None => score,
    }
}
