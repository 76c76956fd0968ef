//! A cohort session's summary for the faculty and the teams: who came, what each team
//! reported and promised, the teams not covered, and every open action of the cohort's
//! projects. Read from the store as the Session pane shows it, after the session.

use chrono::NaiveDate;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::domain::{Action, ActionStatus, PdsaCycle, ProgressScore};
use crate::store::{
    ActionFilter, Happening, HappeningKind, ProjectRow, SessionDetail, Store, StoreError,
};

/// One team on the agenda and what the session recorded of it.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamSummary {
    pub project: ProjectRow,
    /// Passed over: listed as not covered.
    pub skipped: bool,
    /// Its score at the previous session, and at the end of this one's day.
    pub score_before: Option<ProgressScore>,
    pub score_after: Option<ProgressScore>,
    /// Notes and scores recorded on the session's day.
    pub captured: Vec<Happening>,
    /// Actions raised in this session.
    pub raised: Vec<Action>,
    /// PDSA cycles decided (ended) since the previous session.
    pub decisions: Vec<PdsaCycle>,
}

/// Everything the session's summary says.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionReport {
    pub today: NaiveDate,
    pub detail: SessionDetail,
    /// The cohort's session before this one.
    pub previous: Option<NaiveDate>,
    pub teams: Vec<TeamSummary>,
    /// Participants with no mark for this session (the register's gaps).
    pub unmarked: Vec<String>,
    /// Open actions of the cohort's projects, overdue first.
    pub open_actions: Vec<Action>,
}

impl SessionReport {
    pub fn heading(&self) -> String {
        let s = &self.detail.session;
        format!(
            "{} · session {} — {}",
            s.cohort,
            s.number,
            s.date.format("%-d %B %Y")
        )
    }

    pub fn present(&self) -> Vec<&str> {
        self.marked(true)
    }

    pub fn absent(&self) -> Vec<&str> {
        self.marked(false)
    }

    fn marked(&self, present: bool) -> Vec<&str> {
        self.detail
            .attendance
            .iter()
            .filter(|a| a.present == present)
            .map(|a| a.name.as_str())
            .collect()
    }

    pub fn not_covered(&self) -> Vec<&TeamSummary> {
        self.teams.iter().filter(|t| t.skipped).collect()
    }
}

/// Reads the session's summary; `today` marks overdue actions.
pub fn session_report(
    store: &Store,
    cohort: &str,
    number: i64,
    today: NaiveDate,
) -> Result<SessionReport, StoreError> {
    let detail = store.session_detail(cohort, number)?;
    let cohort = detail.session.cohort.clone();
    let day = detail.session.date;
    let previous = store
        .sessions(Some(&cohort))?
        .into_iter()
        .filter(|s| s.number < number)
        .map(|s| s.date)
        .max();
    let mut teams = Vec::with_capacity(detail.agenda.len());
    for team in &detail.agenda {
        let project = store.project_detail(team.project.reference)?;
        let captured = project
            .happenings_between(day.pred_opt(), day)
            .into_iter()
            .filter(|h| matches!(h.kind, HappeningKind::Score | HappeningKind::Note))
            .collect();
        let raised = project
            .actions
            .iter()
            .filter(|a| {
                a.session
                    .as_ref()
                    .is_some_and(|(c, n)| *c == cohort && *n == number)
            })
            .cloned()
            .collect();
        let decisions = project
            .pdsa_cycles
            .iter()
            .filter(|c| c.act.is_some())
            .filter(|c| {
                c.end_date
                    .is_some_and(|end| previous.is_none_or(|p| end > p) && end <= day)
            })
            .cloned()
            .collect();
        teams.push(TeamSummary {
            project: team.project.clone(),
            skipped: team.skipped,
            score_before: previous.and_then(|p| project.score_on(p)),
            score_after: project.score_on(day),
            captured,
            raised,
            decisions,
        });
    }
    let unmarked = store
        .cohort_overview(&cohort)?
        .participants
        .into_iter()
        .map(|p| p.name)
        .filter(|name| !detail.attendance.iter().any(|a| a.name == *name))
        .collect();
    let mut open_actions = store.actions(&ActionFilter {
        open: true,
        cohort: Some(cohort.clone()),
        ..Default::default()
    })?;
    open_actions.sort_by_key(|a| a.chase_order(today));
    Ok(SessionReport {
        today,
        detail,
        previous,
        teams,
        unmarked,
        open_actions,
    })
}

/// A score as the summary prints it.
pub(super) fn score(s: Option<ProgressScore>) -> String {
    s.map_or("–".to_string(), |s| s.to_string())
}

/// An action's due date and, when it has passed, the word.
pub(super) fn due(action: &Action, today: NaiveDate) -> String {
    match action.due {
        None => "–".to_string(),
        Some(d) if action.is_overdue(today) => format!("{d} (overdue)"),
        Some(d) => d.to_string(),
    }
}

/// A list of names, or a dash.
pub(super) fn names(list: &[&str]) -> String {
    if list.is_empty() {
        "–".to_string()
    } else {
        list.join(", ")
    }
}

const STYLE: &str = "
body { font-family: 'Segoe UI', Arial, sans-serif; color: #212b32; margin: 24px; font-size: 14px; }
h1 { color: #005eb8; font-size: 22px; margin-bottom: 4px; }
h2 { color: #005eb8; border-bottom: 2px solid #005eb8; padding-bottom: 2px; margin-top: 24px; }
h3 { margin: 16px 0 4px; }
.sub { color: #4c6272; margin-top: 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { border: 1px solid #d8dde0; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f0f4f5; }
td.n, td.date { width: 1%; white-space: nowrap; }
.team { border-left: 4px solid #005eb8; padding: 2px 12px; margin: 10px 0; }
.skipped { border-left-color: #aeb7bd; color: #4c6272; }
.overdue { color: #d5281b; font-weight: bold; }
.empty { color: #4c6272; font-style: italic; }
ul { margin: 4px 0; }
@page { size: A4 portrait; margin: 14mm; }
@media print {
  body { margin: 0; font-size: 11px; }
  tr, .team { break-inside: avoid; }
  thead { display: table-header-group; }
  h2, h3 { break-after: avoid; }
}
";

/// The session's summary as one self-contained HTML page.
pub fn session_html(report: &SessionReport) -> String {
    let s = &report.detail.session;
    let page = html! {
        (DOCTYPE)
        html lang="en-GB" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (report.heading()) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                h1 { (report.heading()) }
                p.sub {
                    @if !s.title.is_empty() { (s.title) " · " }
                    (report.detail.agenda.len()) " teams, " (s.minutes) " minutes each"
                    @if let Some(p) = report.previous { " · previous session " (p.format("%-d %B %Y")) }
                }
                h2 { "Attendance" }
                table {
                    tr { th { "Present (" (report.present().len()) ")" } td { (names(&report.present())) } }
                    tr { th { "Absent (" (report.absent().len()) ")" } td { (names(&report.absent())) } }
                    @if !report.unmarked.is_empty() {
                        tr { th { "Not recorded" } td { (report.unmarked.join(", ")) } }
                    }
                }
                h2 { "Teams" }
                @if report.teams.is_empty() { p.empty { "No teams on the agenda." } }
                @for (i, team) in report.teams.iter().enumerate() {
                    (team_html(i, team, report.today))
                }
                @let skipped = report.not_covered();
                @if !skipped.is_empty() {
                    h2 { "Not covered" }
                    ul {
                        @for t in skipped { li { (t.project.reference) " " (t.project.title) } }
                    }
                }
                h2 { "Open actions of the cohort's projects" }
                (actions_table(&report.open_actions, report.today, true))
            }
        }
    };
    page.into_string()
}

fn team_html(i: usize, team: &TeamSummary, today: NaiveDate) -> Markup {
    let p = &team.project;
    html! {
        div.team.skipped[team.skipped] {
            h3 { (i + 1) ". " (p.reference) " " (p.title) @if team.skipped { " — not covered" } }
            p {
                "Lead " (p.lead.as_deref().unwrap_or("–")) " · " (p.stage)
                " · score " (score(team.score_before)) " → " (score(team.score_after))
            }
            @if !team.captured.is_empty() {
                ul { @for h in &team.captured { li { (h.text) } } }
            }
            @if !team.decisions.is_empty() {
                p { "PDSA decisions: "
                    @for (n, c) in team.decisions.iter().enumerate() {
                        @if n > 0 { "; " }
                        (c.label()) " (" (c.change_idea) "): "
                        strong { (c.act.map_or("–", |a| a.key())) }
                    }
                }
            }
            @if !team.raised.is_empty() {
                p { "Actions raised:" }
                (actions_table(&team.raised, today, false))
            }
        }
    }
}

/// Actions as a table; under a team, without the project it would repeat on every row.
fn actions_table(actions: &[Action], today: NaiveDate, with_project: bool) -> Markup {
    html! {
        @if actions.is_empty() {
            p.empty { "None." }
        } @else {
            table {
                thead { tr { th { @if with_project { "Project" } @else { "No." } } th { "Action" } th { "Owner" } th { "Due" } th { "Status" } } }
                tbody {
                    @for a in actions {
                        tr {
                            td.n { @if with_project { (a.project) " " } "#" (a.number) }
                            td { (a.text) }
                            td { (a.owner.as_deref().unwrap_or("–")) }
                            td.date.overdue[a.is_overdue(today)] { (due(a, today)) }
                            td.n { (status_word(a)) }
                        }
                    }
                }
            }
        }
    }
}

pub(super) fn status_word(a: &Action) -> String {
    match (a.status, a.closed) {
        (ActionStatus::Open, _) => "open".to_string(),
        (s, Some(d)) => format!("{s} {d}"),
        (s, None) => s.to_string(),
    }
}
