//! The session's summary as GitHub-flavoured Markdown: the HTML page's sections as
//! headings, lists and tables, every typed text escaped.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::markdown::{Document, cell};
use super::session::{SessionReport, TeamSummary, due, names, score, status_word};
use crate::domain::Action;

pub fn session_markdown(report: &SessionReport) -> Document {
    let s = &report.detail.session;
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", cell(&report.heading()));
    let mut sub = Vec::new();
    if !s.title.is_empty() {
        sub.push(cell(&s.title));
    }
    sub.push(format!(
        "{} teams, {} minutes each",
        report.detail.agenda.len(),
        s.minutes
    ));
    if let Some(p) = report.previous {
        sub.push(format!("previous session {}", p.format("%-d %B %Y")));
    }
    let _ = writeln!(md, "{}\n", sub.join(" · "));

    md.push_str("## Attendance\n\n");
    let present = report.present();
    let absent = report.absent();
    let _ = writeln!(
        md,
        "- **Present ({})**: {}",
        present.len(),
        cell(&names(&present))
    );
    let _ = writeln!(
        md,
        "- **Absent ({})**: {}",
        absent.len(),
        cell(&names(&absent))
    );
    if !report.unmarked.is_empty() {
        let _ = writeln!(
            md,
            "- **Not recorded**: {}",
            cell(&report.unmarked.join(", "))
        );
    }
    md.push('\n');

    md.push_str("## Teams\n\n");
    if report.teams.is_empty() {
        md.push_str("No teams on the agenda.\n\n");
    }
    for (i, team) in report.teams.iter().enumerate() {
        team_markdown(&mut md, i, team, report.today);
    }
    let skipped = report.not_covered();
    if !skipped.is_empty() {
        md.push_str("## Not covered\n\n");
        for t in skipped {
            let _ = writeln!(md, "- {} {}", t.project.reference, cell(&t.project.title));
        }
        md.push('\n');
    }
    md.push_str("## Open actions of the cohort's projects\n\n");
    actions_markdown(&mut md, &report.open_actions, report.today, true);
    Document {
        text: md,
        charts: Vec::new(),
    }
}

fn team_markdown(md: &mut String, i: usize, team: &TeamSummary, today: NaiveDate) {
    let p = &team.project;
    let not_covered = if team.skipped { " — not covered" } else { "" };
    let _ = writeln!(
        md,
        "### {}. {} {}{not_covered}\n",
        i + 1,
        p.reference,
        cell(&p.title)
    );
    let _ = writeln!(
        md,
        "Lead {} · {} · score {} → {}\n",
        cell(p.lead.as_deref().unwrap_or("–")),
        cell(&p.stage),
        score(team.score_before),
        score(team.score_after)
    );
    for h in &team.captured {
        let _ = writeln!(md, "- {}", cell(&h.text));
    }
    if !team.captured.is_empty() {
        md.push('\n');
    }
    if !team.decisions.is_empty() {
        let decided: Vec<String> = team
            .decisions
            .iter()
            .map(|c| {
                format!(
                    "{} ({}): **{}**",
                    c.label(),
                    cell(&c.change_idea),
                    c.act.map_or("–", |a| a.key())
                )
            })
            .collect();
        let _ = writeln!(md, "PDSA decisions: {}\n", decided.join("; "));
    }
    if !team.raised.is_empty() {
        md.push_str("Actions raised:\n\n");
        actions_markdown(md, &team.raised, today, false);
    }
}

/// Actions as a table; under a team, without the project it would repeat on every row.
fn actions_markdown(md: &mut String, actions: &[Action], today: NaiveDate, with_project: bool) {
    if actions.is_empty() {
        md.push_str("None.\n\n");
        return;
    }
    let first = if with_project { "Project" } else { "No." };
    let _ = writeln!(
        md,
        "| {first} | Action | Owner | Due | Status |\n|---|---|---|---|---|"
    );
    for a in actions {
        let due = due(a, today);
        let due = if a.is_overdue(today) {
            format!("**{due}**")
        } else {
            due
        };
        let _ = writeln!(
            md,
            "| {}#{} | {} | {} | {due} | {} |",
            if with_project {
                format!("{} ", a.project)
            } else {
                String::new()
            },
            a.number,
            cell(&a.text),
            cell(a.owner.as_deref().unwrap_or("–")),
            status_word(a)
        );
    }
    md.push('\n');
}
