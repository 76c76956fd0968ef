//! The board report as GitHub-flavoured Markdown: the same sections as the HTML page, as
//! headings and tables. Icons are their letter and words; the bar chart of stages is a file
//! beside it; the sparklines (one per project, thousands of files) stay in the HTML.

use std::cmp::Ordering;
use std::fmt::Write;

use super::board::{BoardReport, ReportedProject};
use super::html::score;
use super::markdown::{ChartFolder, Document, cell, icon};
use super::{assurance_icon, figure, figure_or_dash, svg, variation_icon};

/// The board report as Markdown, its chart linked into `charts` when there is a folder to
/// write it to.
pub fn board_markdown(report: &BoardReport, charts: Option<&str>) -> Document {
    let mut md = String::new();
    let mut folder = ChartFolder::new(charts);
    let m = &report.metrics;
    let _ = writeln!(md, "# {}\n", cell(&report.heading()));
    let _ = writeln!(
        md,
        "{} projects. Scores and PDSA cycles since {}.\n",
        m.total,
        report.since.format("%-d %B %Y")
    );
    md.push_str("## At a glance\n\n| Status | Projects |\n|---|---:|\n");
    for (status, n) in &m.by_status {
        let _ = writeln!(md, "| {} | {n} |", status.label());
    }
    md.push_str("\n| Stage | Projects |\n|---|---:|\n");
    for (stage, n) in &m.by_stage {
        let _ = writeln!(md, "| {} | {n} |", cell(stage));
    }
    folder.link(
        &mut md,
        "Projects by stage",
        "stages",
        svg::bars(&m.by_stage).into_string(),
    );
    let _ = writeln!(
        md,
        "\nMedian progress score: **{}**.\n",
        report.median_score().map_or("none yet".to_string(), figure)
    );
    let _ = writeln!(
        md,
        "| Score since {} | Projects | Which |\n|---|---:|---|",
        report.since.format("%-d %b")
    );
    for (way, words) in [
        (Ordering::Greater, "▲ up"),
        (Ordering::Less, "▼ down"),
        (Ordering::Equal, "= same"),
    ] {
        let moved = report.moved(way);
        let which: Vec<String> = moved.iter().map(|p| p.row.reference.to_string()).collect();
        let _ = writeln!(md, "| {words} | {} | {} |", moved.len(), which.join(", "));
    }
    let _ = writeln!(
        md,
        "\nPDSA cycles since {}: **{}** started, **{}** finished with a decision.\n",
        report.since.format("%-d %b %Y"),
        report.pdsa_started,
        report.pdsa_finished
    );
    md.push_str("### Benefits claimed\n\n");
    if m.benefits.is_empty() {
        md.push_str("None claimed yet.\n\n");
    } else {
        md.push_str("| Kind | Total | Unit |\n|---|---:|---|\n");
        for (kind, unit, total) in &m.benefits {
            let _ = writeln!(
                md,
                "| {} | {} | {} |",
                cell(&kind.replace('_', " ")),
                figure(*total),
                cell(unit)
            );
        }
        md.push('\n');
    }

    md.push_str("## Making Data Count summary\n\n");
    let measured: Vec<&ReportedProject> = report
        .projects
        .iter()
        .filter(|p| p.main.is_some())
        .collect();
    if measured.is_empty() {
        md.push_str("No project has a main measure yet.\n\n");
    } else {
        md.push_str(
            "| Project | Measure | Latest | Value | Target | Mean | Lower limit | Upper limit | Variation | Assurance |\n\
             |---|---|---|---:|---:|---:|---:|---:|---|---|\n",
        );
        for p in measured {
            let Some(main) = &p.main else { continue };
            let line = main.latest_line();
            let _ = writeln!(
                md,
                "| {} {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                p.row.reference,
                cell(&p.row.title),
                cell(&main.measure.name),
                main.latest()
                    .map_or("–".to_string(), |d| d.date.to_string()),
                figure_or_dash(main.latest().map(|d| d.value)),
                figure_or_dash(main.measure.target),
                figure_or_dash(line.and_then(|l| l.mean)),
                figure_or_dash(line.and_then(|l| l.lpl)),
                figure_or_dash(line.and_then(|l| l.upl)),
                main.variation()
                    .map_or("too few points".to_string(), |v| icon(variation_icon(v))),
                main.assurance()
                    .map_or("no target".to_string(), |a| icon(assurance_icon(a))),
            );
        }
        let counts: Vec<String> = report
            .icon_counts()
            .into_iter()
            .map(|(i, n)| format!("{}: **{n}**", icon(i)))
            .collect();
        let _ = writeln!(
            md,
            "\nIcons across the portfolio: {}.\n",
            counts.join(" · ")
        );
    }

    md.push_str("## Needs attention\n\n");
    let _ = writeln!(md, "### Stalled (quiet for {} weeks)\n", m.stale_weeks);
    if m.stalled.is_empty() {
        md.push_str("No active project has stalled.\n\n");
    } else {
        md.push_str("| Project | Stage | Why | Last update |\n|---|---|---|---|\n");
        for s in &m.stalled {
            let _ = writeln!(
                md,
                "| {} {} | {} | {} | {} |",
                s.reference,
                cell(&s.title),
                cell(&s.stage),
                s.reasons().join(", "),
                crate::clock::date_part(&s.updated)
            );
        }
        md.push('\n');
    }
    md.push_str("### Special cause concern in the main measure\n\n");
    let concerns = report.concerns();
    if concerns.is_empty() {
        md.push_str("No main measure shows special cause concern.\n\n");
    } else {
        md.push_str("| Project | Measure | Variation |\n|---|---|---|\n");
        for p in concerns {
            if let Some(main) = &p.main {
                let _ = writeln!(
                    md,
                    "| {} {} | {} | {} |",
                    p.row.reference,
                    cell(&p.row.title),
                    cell(&main.measure.name),
                    main.variation()
                        .map_or(String::new(), |v| icon(variation_icon(v)))
                );
            }
        }
        md.push('\n');
    }

    let (closed, open): (Vec<&ReportedProject>, Vec<&ReportedProject>) =
        report.projects.iter().partition(|p| p.is_closed());
    md.push_str("## Every project\n\n");
    project_table(&mut md, &open, "No open project.");
    md.push_str("## Completed and stopped\n\n");
    project_table(&mut md, &closed, "None completed or stopped.");
    folder.into_report(md)
}

fn project_table(md: &mut String, projects: &[&ReportedProject], empty: &str) {
    if projects.is_empty() {
        let _ = writeln!(md, "{empty}\n");
        return;
    }
    md.push_str(
        "| Ref | Title | Stage | Status | Score | Lead | Coach | Cohort | Main measure | Last update |\n\
         |---|---|---|---|---:|---|---|---|---|---|\n",
    );
    for p in projects {
        let icons: Vec<String> = p
            .row
            .variation
            .map(|v| icon(variation_icon(v)))
            .into_iter()
            .chain(p.row.assurance.map(|a| icon(assurance_icon(a))))
            .collect();
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            p.row.reference,
            cell(&p.row.title),
            cell(&p.row.stage),
            p.row.status.label(),
            score(p),
            cell(p.row.lead.as_deref().unwrap_or("")),
            cell(p.row.coach.as_deref().unwrap_or("")),
            cell(p.row.cohort.as_deref().unwrap_or("")),
            icons.join(", "),
            crate::clock::date_part(&p.row.updated)
        );
    }
    md.push('\n');
}
