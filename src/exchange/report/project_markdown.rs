//! The project on a page as GitHub-flavoured Markdown: the HTML page's sections as headings,
//! tables and lists, with the score's steps and every measure's chart as SVG files beside it.

use std::fmt::Write as _;

use super::figure;
use super::markdown::{ChartFolder, Document, cell, paragraph};
use super::project::{ProjectReport, capitalised, date};
use super::svg;
use crate::domain::Driver;

/// The project on a page as Markdown, its charts linked into `charts` when there is a
/// folder to write them to.
pub fn project_markdown(report: &ProjectReport, charts: Option<&str>) -> Document {
    let mut md = String::new();
    let mut folder = ChartFolder::new(charts);
    let d = &report.detail;
    let p = &d.project;
    let _ = writeln!(md, "# {}\n", cell(&report.heading()));
    let _ = writeln!(
        md,
        "{} · {} · score {}\n",
        cell(&p.stage_name),
        p.status.label(),
        p.score.map_or("–".to_string(), |s| s.to_string())
    );

    md.push_str("## Charter\n\n| | |\n|---|---|\n");
    let division = format!("{} {}", p.division, p.department);
    for (label, text) in [
        ("Aim", p.aim.as_str()),
        ("Problem", &p.problem),
        ("Scope in", &p.scope_in),
        ("Scope out", &p.scope_out),
        ("Division", division.trim()),
        ("Cohort", p.cohort.as_deref().unwrap_or("")),
        ("Risks", &p.risks),
    ] {
        let text = if text.trim().is_empty() {
            "–".to_string()
        } else {
            cell(text)
        };
        let _ = writeln!(md, "| **{label}** | {text} |");
    }
    let _ = writeln!(
        md,
        "| **Dates** | {} to {} |\n",
        date(p.start_date),
        date(p.target_date)
    );

    md.push_str("## Team\n\n");
    if d.team.is_empty() {
        md.push_str("No one named yet.\n\n");
    } else {
        md.push_str("| Role | Name |\n|---|---|\n");
        for member in &d.team {
            let _ = writeln!(
                md,
                "| {} | {} |",
                capitalised(&member.role.to_string()),
                cell(&member.person.name)
            );
        }
        md.push('\n');
    }

    md.push_str("## Progress score\n\n");
    if d.scores.is_empty() {
        md.push_str("Not scored yet.\n\n");
    } else {
        folder.link(
            &mut md,
            "Progress score over time",
            "progress-score",
            svg::score_steps(&report.score_steps(), report.today).into_string(),
        );
        md.push_str("| When | Score | Why |\n|---|---:|---|\n");
        for s in &d.scores {
            let _ = writeln!(
                md,
                "| {} | {} | {} |",
                crate::clock::date_part(&s.at),
                s.score.map_or("–".to_string(), |s| s.to_string()),
                cell(&s.why)
            );
        }
        md.push('\n');
    }

    md.push_str("## Driver diagram\n\n");
    if d.drivers.is_empty() {
        md.push_str("No driver diagram yet.\n\n");
    } else {
        drivers(&mut md, &d.drivers, None, 0);
        md.push('\n');
    }

    md.push_str("## PDSA cycles by change idea\n\n");
    if d.pdsa_cycles.is_empty() {
        md.push_str("No PDSA cycles yet.\n\n");
    }
    for (idea, ramp) in report.ramps() {
        let _ = writeln!(md, "### {}\n", cell(&idea.title));
        for c in ramp {
            let act = c.act.map_or(String::new(), |a| format!(" · **{a}**"));
            let _ = writeln!(
                md,
                "**{}** · {} to {}{act}\n",
                c.label(),
                date(c.start_date),
                date(c.end_date)
            );
            let _ = writeln!(md, "- Prediction: {}", paragraph(&c.predictions));
            let _ = writeln!(md, "- What was learnt: {}", paragraph(&c.study));
            if !c.next_step.trim().is_empty() {
                let _ = writeln!(md, "- Next: {}", paragraph(&c.next_step));
            }
            md.push('\n');
        }
    }

    md.push_str("## Measures\n\n");
    if report.measures.is_empty() {
        md.push_str("No measures yet.\n\n");
    }
    for m in &report.measures {
        let _ = writeln!(md, "### {}\n", cell(&m.heading()));
        match m.drawn(report) {
            Some(drawn) => {
                if let Some(chart) = drawn.svg {
                    folder.link(&mut md, &m.measure.name, &m.measure.name, chart);
                }
                let _ = writeln!(md, "{}\n", cell(&drawn.verdict));
            }
            None => {
                let _ = writeln!(md, "{}\n", m.too_few());
            }
        }
    }

    md.push_str("## Benefits\n\n");
    if d.benefits.is_empty() {
        md.push_str("None claimed yet.\n\n");
    } else {
        md.push_str("| Kind | Amount | Unit | Claimed | Note |\n|---|---:|---|---|---|\n");
        for b in &d.benefits {
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} | {} |",
                b.kind.to_string().replace('_', " "),
                figure(b.amount),
                cell(&b.unit),
                b.claimed_date,
                cell(&b.note)
            );
        }
        md.push('\n');
    }

    md.push_str("## Latest notes\n\n");
    if d.notes.is_empty() {
        md.push_str("No notes yet.\n");
    }
    for n in report.latest_notes() {
        let _ = writeln!(
            md,
            "**{}** — {}\n",
            n.created.format("%-d %b %Y"),
            paragraph(&n.text)
        );
    }
    folder.into_report(md)
}

/// The driver diagram as a nested list: primary drivers, their secondary drivers indented.
fn drivers(md: &mut String, all: &[Driver], parent: Option<i64>, depth: usize) {
    for d in all.iter().filter(|d| d.parent_id == parent) {
        let _ = writeln!(md, "{}- {}", "  ".repeat(depth), cell(&d.text));
        drivers(md, all, Some(d.id), depth + 1);
    }
}
