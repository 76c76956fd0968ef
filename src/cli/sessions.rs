//! `session`, `action` and `cohort show|enrol`: running a cohort's sessions from a shell.

use chrono::NaiveDate;
use serde_json::{Value, json};

use super::args::{ActionCommand, SessionCommand};
use super::{CliError, Output, pretty, render};
use crate::domain::{Action, ActionStatus, CohortSession};
use crate::store::{ActionField, ActionFilter, CohortOverview, NewAction, SessionDetail, Store};

pub fn action_json(a: &Action, today: NaiveDate) -> Value {
    json!({
        "ref": a.project.to_string(),
        "number": a.number,
        "text": a.text,
        "owner": a.owner,
        "due": a.due,
        "status": a.status.key(),
        "overdue": a.is_overdue(today),
        "created": a.created,
        "closed": a.closed,
        "session": a.session.as_ref().map(|(cohort, number)| json!({"cohort": cohort, "number": number})),
    })
}

fn session_json(s: &CohortSession) -> Value {
    json!({
        "cohort": s.cohort,
        "number": s.number,
        "date": s.date,
        "title": s.title,
        "minutes": s.minutes,
    })
}

/// An action's state in words: "open", "overdue (due 2026-11-20)", "done 2026-11-23".
pub fn action_state(a: &Action, today: NaiveDate) -> String {
    match (a.status, a.closed) {
        _ if a.is_overdue(today) => "OVERDUE".to_string(),
        (ActionStatus::Open, _) => "open".to_string(),
        (status, Some(on)) => format!("{status} {on}"),
        (status, None) => status.to_string(),
    }
}

pub fn actions_text(actions: &[Action], today: NaiveDate) -> String {
    let rows: Vec<Vec<String>> = actions
        .iter()
        .map(|a| {
            vec![
                a.project.to_string(),
                a.number.to_string(),
                a.text.clone(),
                a.owner.clone().unwrap_or_else(|| "-".into()),
                a.due.map_or("-".into(), |d| d.to_string()),
                action_state(a, today),
            ]
        })
        .collect();
    render::table(&["REF", "N", "ACTION", "OWNER", "DUE", "STATUS"], &rows)
}

pub fn action(store: &mut Store, command: &ActionCommand) -> Output {
    let today = store.clock().today();
    match command {
        ActionCommand::Add {
            reference,
            text,
            owner,
            due,
            session,
        } => {
            let number = store.add_action(
                *reference,
                &NewAction {
                    text: text.clone(),
                    owner: owner.clone(),
                    due: *due,
                    session: *session,
                },
            )?;
            Ok(format!("{reference}: action {number} added\n"))
        }
        ActionCommand::List {
            reference,
            open,
            overdue,
            owner,
            cohort,
            json,
        } => {
            let actions = store.actions(&ActionFilter {
                project: *reference,
                open: *open,
                overdue: *overdue,
                owner: owner.clone(),
                cohort: cohort.clone(),
            })?;
            if *json {
                return Ok(pretty(&Value::Array(
                    actions.iter().map(|a| action_json(a, today)).collect(),
                )));
            }
            if actions.is_empty() {
                return Ok("No actions.\n".into());
            }
            Ok(actions_text(&actions, today))
        }
        ActionCommand::Done { reference, number } => {
            store.set_action_status(*reference, *number, ActionStatus::Done)?;
            Ok(format!("{reference}: action {number} done\n"))
        }
        ActionCommand::Drop { reference, number } => {
            store.set_action_status(*reference, *number, ActionStatus::Dropped)?;
            Ok(format!("{reference}: action {number} dropped\n"))
        }
        ActionCommand::Reopen { reference, number } => {
            store.set_action_status(*reference, *number, ActionStatus::Open)?;
            Ok(format!("{reference}: action {number} open again\n"))
        }
        ActionCommand::Edit {
            reference,
            number,
            text,
            owner,
            due,
        } => {
            let mut fields = Vec::new();
            if let Some(text) = text {
                fields.push(ActionField::Text(text.clone()));
            }
            if let Some(owner) = owner {
                let owner = Some(owner.trim().to_string()).filter(|o| !o.is_empty());
                fields.push(ActionField::Owner(owner));
            }
            if let Some(due) = due {
                fields.push(ActionField::Due(due.0));
            }
            store.edit_action(*reference, *number, &fields)?;
            Ok(format!("{reference}: action {number} edited\n"))
        }
    }
}

pub fn session(store: &mut Store, command: &SessionCommand) -> Output {
    match command {
        SessionCommand::Add {
            cohort,
            date,
            title,
            minutes,
        } => {
            let s = store.add_session(cohort, *date, title, *minutes)?;
            let teams = store.session_detail(&s.cohort, s.number)?.agenda.len();
            Ok(format!(
                "{s} planned for {}: {teams} team{} on the agenda, {} minutes each\n",
                s.date,
                if teams == 1 { "" } else { "s" },
                s.minutes
            ))
        }
        SessionCommand::List { cohort, json } => {
            let sessions = store.sessions(cohort.as_deref())?;
            if *json {
                return Ok(pretty(&Value::Array(
                    sessions.iter().map(session_json).collect(),
                )));
            }
            if sessions.is_empty() {
                return Ok(
                    "No sessions yet: `qiboard session add COHORT --date DATE` plans one.\n".into(),
                );
            }
            let rows: Vec<Vec<String>> = sessions
                .iter()
                .map(|s| {
                    vec![
                        s.cohort.clone(),
                        s.number.to_string(),
                        s.date.to_string(),
                        s.title.clone(),
                        s.minutes.to_string(),
                    ]
                })
                .collect();
            Ok(render::table(
                &["COHORT", "SESSION", "DATE", "TITLE", "MINUTES"],
                &rows,
            ))
        }
        SessionCommand::Show {
            cohort,
            number,
            json,
        } => {
            let detail = store.session_detail(cohort, *number)?;
            Ok(if *json {
                pretty(&session_detail_json(&detail))
            } else {
                session_detail_text(&detail)
            })
        }
        SessionCommand::Agenda {
            cohort,
            number,
            teams,
        } => {
            store.set_agenda(cohort, *number, teams)?;
            let detail = store.session_detail(cohort, *number)?;
            Ok(format!(
                "{} agenda:\n{}",
                detail.session,
                agenda_lines(&detail)
            ))
        }
        SessionCommand::Skip {
            cohort,
            number,
            team,
            undo,
        } => {
            store.skip_team(cohort, *number, *team, !*undo)?;
            Ok(format!(
                "{team} {} at session {number}\n",
                if *undo {
                    "back on the agenda"
                } else {
                    "not covered"
                }
            ))
        }
        SessionCommand::Attend {
            cohort,
            number,
            people,
            absent,
        } => {
            let marks: Vec<(String, bool)> = people.iter().map(|p| (p.clone(), !*absent)).collect();
            store.attend(cohort, *number, &marks, &[])?;
            Ok(format!(
                "{} recorded {} at session {number}\n",
                people.join(", "),
                if *absent { "absent" } else { "present" }
            ))
        }
        // `cli::run` sends it to `report::session`, which opens the store only to read.
        SessionCommand::Report { .. } => Err(CliError::failure(
            "session report is written by report::session, not here",
        )),
    }
}

fn session_detail_json(d: &SessionDetail) -> Value {
    let mut value = session_json(&d.session);
    if let Value::Object(map) = &mut value {
        map.insert("programme".into(), json!(d.programme));
        map.insert(
            "agenda".into(),
            d.agenda
                .iter()
                .map(|t| {
                    let p = &t.project;
                    json!({
                        "ref": p.reference.to_string(),
                        "title": p.title,
                        "stage": p.stage,
                        "status": p.status.key(),
                        "score": p.score.map(|s| s.value()),
                        "lead": p.lead,
                        "skipped": t.skipped,
                    })
                })
                .collect(),
        );
        map.insert(
            "attendance".into(),
            d.attendance
                .iter()
                .map(|a| json!({"name": a.name, "present": a.present}))
                .collect(),
        );
    }
    value
}

fn agenda_lines(d: &SessionDetail) -> String {
    if d.agenda.is_empty() {
        return "  (no teams: `session agenda` sets them)\n".into();
    }
    let mut out = String::new();
    for (i, team) in d.agenda.iter().enumerate() {
        let p = &team.project;
        out.push_str(&format!(
            "  {}. {}  {}  ({}, score {}, lead {}){}\n",
            i + 1,
            p.reference,
            p.title,
            p.stage,
            p.score.map_or("-".into(), |s| s.to_string()),
            p.lead.as_deref().unwrap_or("-"),
            if team.skipped { "  not covered" } else { "" }
        ));
    }
    out
}

fn session_detail_text(d: &SessionDetail) -> String {
    let s = &d.session;
    let mut out = format!("{s}  {}", s.date);
    if !s.title.is_empty() {
        out.push_str(&format!("  {}", s.title));
    }
    out.push_str(&format!(
        "\n{} minutes per team\n\nAgenda:\n{}",
        s.minutes,
        agenda_lines(d)
    ));
    let names = |present: bool| {
        let list: Vec<&str> = d
            .attendance
            .iter()
            .filter(|a| a.present == present)
            .map(|a| a.name.as_str())
            .collect();
        if list.is_empty() {
            "-".to_string()
        } else {
            list.join(", ")
        }
    };
    out.push_str(&format!(
        "\nPresent: {}\nAbsent:  {}\n",
        names(true),
        names(false)
    ));
    out
}

pub fn cohort_show(store: &Store, cohort: &str, json: bool) -> Output {
    let overview = store.cohort_overview(cohort)?;
    Ok(if json {
        pretty(&cohort_json(&overview))
    } else {
        cohort_text(&overview)
    })
}

fn cohort_json(o: &CohortOverview) -> Value {
    json!({
        "name": o.cohort.name,
        "programme": o.cohort.programme,
        "start_date": o.cohort.start_date,
        "participants": o.participants.iter().map(|p| json!({
            "name": p.name,
            "leads": p.leads.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
            "enrolled": p.enrolled,
            "attended": p.attended.len(),
            "sessions": p.attended,
        })).collect::<Vec<_>>(),
        "sessions": o.sessions.iter().map(session_json).collect::<Vec<_>>(),
        "projects": o.projects.iter().map(|p| json!({
            "ref": p.reference.to_string(),
            "title": p.title,
            "stage": p.stage,
            "status": p.status.key(),
            "score": p.score.map(|s| s.value()),
            "lead": p.lead,
        })).collect::<Vec<_>>(),
    })
}

fn cohort_text(o: &CohortOverview) -> String {
    let c = &o.cohort;
    let mut out = c.name.clone();
    if !c.programme.is_empty() {
        out.push_str(&format!("  ({})", c.programme));
    }
    if let Some(start) = c.start_date {
        out.push_str(&format!("  from {start}"));
    }
    let held = o.sessions.len();
    let plural = if held == 1 { "" } else { "s" };
    out.push_str(&format!(
        "\n\nParticipants (attended of {held} session{plural}):\n"
    ));
    let rows: Vec<Vec<String>> = o
        .participants
        .iter()
        .map(|p| {
            let leads: Vec<String> = p.leads.iter().map(|r| r.to_string()).collect();
            vec![
                p.name.clone(),
                if leads.is_empty() {
                    "enrolled".to_string()
                } else {
                    format!("leads {}", leads.join(", "))
                },
                format!("{} of {held}", p.attended.len()),
            ]
        })
        .collect();
    out.push_str(&render::table(
        &["NAME", "IN THE COHORT AS", "ATTENDED"],
        &rows,
    ));
    out.push_str("\nSessions:\n");
    if o.sessions.is_empty() {
        out.push_str("  none yet\n");
    }
    for s in &o.sessions {
        out.push_str(&format!("  {}. {}  {}\n", s.number, s.date, s.title));
    }
    out.push_str("\nProjects:\n");
    if o.projects.is_empty() {
        out.push_str("  none yet\n");
    }
    for p in &o.projects {
        out.push_str(&format!(
            "  {}  {}  ({}, {})\n",
            p.reference,
            p.title,
            p.stage,
            p.status.label()
        ));
    }
    out
}

pub fn enrol(store: &mut Store, cohort: &str, people: &[String]) -> Output {
    if people.iter().any(|p| p.trim().is_empty()) {
        return Err(CliError::bad_input("a person's name must not be blank"));
    }
    let cohort = store.enrol(cohort, people)?;
    Ok(format!("enrolled in {cohort}: {}\n", people.join(", ")))
}
