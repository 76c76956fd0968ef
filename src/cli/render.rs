//! How listings look: aligned text for people, JSON for scripts. Printing only, no store.

use serde_json::{Value, json};

use crate::domain::{Measure, PdsaCycle};
use crate::store::{HistoryEntry, ProjectDetail, ProjectRow};
use crate::ui::text::width;

/// Left-aligned columns, each as wide as its widest cell (counted in terminal cells).
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(width(cell));
        }
    }
    let line = |cells: Vec<&str>| {
        let mut out = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                out.push_str(cell);
            } else {
                out.push_str(cell);
                out.push_str(&" ".repeat(widths[i] - width(cell) + 2));
            }
        }
        out.trim_end().to_string() + "\n"
    };
    let mut out = line(header.to_vec());
    for row in rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}

/// One line of a cell: text typed with newlines is shown on one line in a table.
fn cell(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

fn opt(text: &Option<String>) -> String {
    text.as_deref().map_or_else(|| "-".to_string(), cell)
}

pub fn projects_text(rows: &[ProjectRow]) -> String {
    if rows.is_empty() {
        return "No projects. Add one with `qiboard project add --title ...` or try `qiboard demo`.\n"
            .into();
    }
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|p| {
            vec![
                p.reference.to_string(),
                p.stage.clone(),
                p.status.label().to_string(),
                p.score.map_or("-".into(), |s| s.to_string()),
                opt(&p.lead),
                cell(&p.title),
            ]
        })
        .collect();
    table(&["REF", "STAGE", "STATUS", "SCORE", "LEAD", "TITLE"], &body)
}

pub fn projects_json(rows: &[ProjectRow]) -> Value {
    Value::Array(
        rows.iter()
            .map(|p| {
                json!({
                    "ref": p.reference.to_string(),
                    "title": p.title,
                    "stage": p.stage,
                    "status": p.status.key(),
                    "score": p.score.map(|s| s.value()),
                    "lead": p.lead,
                    "coach": p.coach,
                    "cohort": p.cohort,
                    "division": p.division,
                    "updated": p.updated,
                    "variation": p.variation.map(|v| v.as_str()),
                    "assurance": p.assurance.map(|a| a.as_str()),
                })
            })
            .collect(),
    )
}

pub fn pdsa_json(cycle: &PdsaCycle) -> Value {
    json!({
        "number": cycle.number,
        "name": cycle.label(),
        "change_idea": cycle.change_idea,
        "ramp_position": cycle.ramp_position,
        "ramp_length": cycle.ramp_length,
        "objective": cycle.objective,
        "predictions": cycle.predictions,
        "plan": cycle.plan,
        "do": cycle.do_notes,
        "study": cycle.study,
        "act": cycle.act.map(|a| a.key()),
        "next_step": cycle.next_step,
        "start_date": cycle.start_date,
        "end_date": cycle.end_date,
        "measures": cycle.measures,
    })
}

pub fn pdsa_text(cycles: &[PdsaCycle]) -> String {
    if cycles.is_empty() {
        return "No PDSA cycles yet. Plan one with `qiboard pdsa add REF --change-idea ...`.\n"
            .into();
    }
    let body: Vec<Vec<String>> = cycles
        .iter()
        .map(|c| {
            vec![
                c.label(),
                format!("{} of {}", c.ramp_position, c.ramp_length),
                cell(&c.change_idea),
                c.start_date.map_or("-".into(), |d| d.to_string()),
                c.act.map_or("-".into(), |a| a.key().to_string()),
                cell(&c.objective),
            ]
        })
        .collect();
    table(
        &["CYCLE", "RAMP", "CHANGE IDEA", "START", "ACT", "OBJECTIVE"],
        &body,
    )
}

pub fn measure_json(m: &Measure) -> Value {
    json!({
        "name": m.name,
        "kind": m.kind.key(),
        "direction": m.direction.key(),
        "unit": m.unit,
        "target": m.target,
        "definition": m.definition,
        "source": m.source,
        "frequency": m.frequency,
        "rebases": m.rebases.iter().map(|r| json!({"date": r.date, "reason": r.reason})).collect::<Vec<_>>(),
        "points": m.points,
        "last_date": m.last_date,
    })
}

pub fn measures_text(measures: &[Measure]) -> String {
    if measures.is_empty() {
        return "No measures yet. Add one with `qiboard measure add REF NAME --kind outcome --direction decrease`.\n".into();
    }
    let body: Vec<Vec<String>> = measures
        .iter()
        .map(|m| {
            vec![
                cell(&m.name),
                m.kind.key().into(),
                m.direction.key().into(),
                cell(&m.unit),
                m.target.map_or("-".into(), |t| t.to_string()),
                m.points.to_string(),
                m.last_date.map_or("-".into(), |d| d.to_string()),
            ]
        })
        .collect();
    table(
        &[
            "MEASURE",
            "KIND",
            "DIRECTION",
            "UNIT",
            "TARGET",
            "POINTS",
            "LAST",
        ],
        &body,
    )
}

pub fn history_text(entries: &[HistoryEntry]) -> String {
    if entries.is_empty() {
        return "No changes yet.\n".into();
    }
    let body: Vec<Vec<String>> = entries
        .iter()
        .map(|h| {
            vec![
                h.at.clone(),
                if h.undone {
                    "undone".into()
                } else {
                    String::new()
                },
                cell(&h.by),
                cell(&h.summary),
            ]
        })
        .collect();
    table(&["WHEN", "", "BY", "CHANGE"], &body)
}

pub fn history_json(entries: &[HistoryEntry]) -> Value {
    Value::Array(
        entries
            .iter()
            .map(|h| {
                json!({
                    "at": h.at,
                    "ref": h.reference.map(|r| r.to_string()),
                    "summary": h.summary,
                    "undone": h.undone,
                    "by": h.by,
                })
            })
            .collect(),
    )
}

pub fn detail_json(d: &ProjectDetail, today: chrono::NaiveDate) -> Value {
    let p = &d.project;
    json!({
        "ref": p.reference.to_string(),
        "title": p.title,
        "stage": p.stage_name,
        "status": p.status.key(),
        "score": p.score.map(|s| s.value()),
        "problem": p.problem,
        "aim": p.aim,
        "scope_in": p.scope_in,
        "scope_out": p.scope_out,
        "division": p.division,
        "department": p.department,
        "risks": p.risks,
        "cohort": p.cohort,
        "start_date": p.start_date,
        "target_date": p.target_date,
        "created": crate::clock::format_time(p.created),
        "updated": crate::clock::format_time(p.updated),
        "team": d.team.iter().map(|t| json!({"role": t.role.key(), "name": t.person.name})).collect::<Vec<_>>(),
        "score_history": d.scores.iter().map(|s| json!({
            "score": s.score.map(|s| s.value()), "at": s.at, "who": s.who, "why": s.why
        })).collect::<Vec<_>>(),
        "drivers": d.drivers.iter().map(|dr| json!({
            "level": dr.level.key(), "text": dr.text,
            "parent": dr.parent_id.and_then(|id| d.drivers.iter().find(|x| x.id == id)).map(|x| x.text.clone()),
        })).collect::<Vec<_>>(),
        "change_ideas": d.change_ideas.iter().map(|c| json!({
            "title": c.title, "description": c.description,
            "drivers": c.driver_ids.iter().filter_map(|id| d.drivers.iter().find(|x| x.id == *id)).map(|x| x.text.clone()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "pdsa_cycles": d.pdsa_cycles.iter().map(pdsa_json).collect::<Vec<_>>(),
        "measures": d.measures.iter().map(measure_json).collect::<Vec<_>>(),
        "benefits": d.benefits.iter().map(|b| json!({
            "kind": b.kind.key(), "amount": b.amount, "unit": b.unit, "note": b.note, "claimed_date": b.claimed_date,
        })).collect::<Vec<_>>(),
        "notes": d.notes.iter().map(|n| json!({"text": n.text, "created": crate::clock::format_time(n.created)})).collect::<Vec<_>>(),
        "actions": d.actions.iter().map(|a| super::sessions::action_json(a, today)).collect::<Vec<_>>(),
        "gateway": d.gateway.iter().map(|g| json!({"item": g.item, "met": g.met, "from_data": g.from_data})).collect::<Vec<_>>(),
    })
}

/// The current stage's checklist, numbered as `project gateway REF N` takes them.
pub fn gateway_text(d: &ProjectDetail) -> String {
    let stage = &d.project.stage_name;
    if d.gateway.is_empty() {
        return format!("{stage} has no gateway checklist.\n");
    }
    let mut out = format!("{} gateway ({stage}):\n", d.project.reference);
    for (i, item) in d.gateway.iter().enumerate() {
        let mark = if item.met { "[x]" } else { "[ ]" };
        let said = item
            .from_data
            .as_ref()
            .map(|s| format!(" (from the data: {s})"))
            .unwrap_or_default();
        out.push_str(&format!("  {} {mark} {}{said}\n", i + 1, item.item));
    }
    out
}

/// `project show`: the charter first, then the work, as a coach reads it.
pub fn detail_text(d: &ProjectDetail, today: chrono::NaiveDate) -> String {
    let p = &d.project;
    let mut out = format!("{}  {}\n", p.reference, p.title);
    let mut field = |name: &str, value: &str| {
        if !value.is_empty() {
            out.push_str(&format!(
                "{name:<12}{}\n",
                value.replace('\n', &format!("\n{:12}", ""))
            ));
        }
    };
    field("Stage", &p.stage_name);
    field("Status", p.status.label());
    field(
        "Score",
        &p.score.map_or("not scored yet".into(), |s| {
            format!("{s} ({})", s.meaning())
        }),
    );
    field("Aim", &p.aim);
    field("Problem", &p.problem);
    field("Scope in", &p.scope_in);
    field("Scope out", &p.scope_out);
    field("Division", &p.division);
    field("Department", &p.department);
    field("Cohort", p.cohort.as_deref().unwrap_or(""));
    field(
        "Start",
        &p.start_date.map(|d| d.to_string()).unwrap_or_default(),
    );
    field(
        "Target",
        &p.target_date.map(|d| d.to_string()).unwrap_or_default(),
    );
    field("Risks", &p.risks);
    for member in &d.team {
        field(&capitalise(member.role.key()), &member.person.name);
    }
    field("Updated", &crate::clock::format_time(p.updated));
    if !d.scores.is_empty() {
        out.push_str("\nScore history\n");
        for s in &d.scores {
            let score = s.score.map_or("none".into(), |v| v.to_string());
            let who = if s.who.is_empty() {
                String::new()
            } else {
                format!(" by {}", s.who)
            };
            let why = if s.why.is_empty() {
                String::new()
            } else {
                format!(": {}", cell(&s.why))
            };
            out.push_str(&format!(
                "  {}  {score}{who}{why}\n",
                crate::clock::date_part(&s.at)
            ));
        }
    }
    if !d.pdsa_cycles.is_empty() {
        out.push_str("\nPDSA cycles\n");
        for line in pdsa_text(&d.pdsa_cycles).lines() {
            out.push_str(&format!("  {line}\n"));
        }
    }
    if !d.measures.is_empty() {
        out.push_str("\nMeasures\n");
        for line in measures_text(&d.measures).lines() {
            out.push_str(&format!("  {line}\n"));
        }
    }
    if !d.benefits.is_empty() {
        // Numbered as `benefit edit` and `benefit delete` take them.
        out.push_str("\nBenefits\n");
        for (i, b) in d.benefits.iter().enumerate() {
            out.push_str(&format!(
                "  {}. {}  {} {} ({}) {}\n",
                i + 1,
                b.claimed_date,
                b.amount,
                cell(&b.unit),
                b.kind.key(),
                cell(&b.note)
            ));
        }
    }
    if !d.notes.is_empty() {
        out.push_str("\nNotes\n");
        for (i, n) in d.notes.iter().enumerate() {
            out.push_str(&format!(
                "  {}. {}  {}\n",
                i + 1,
                n.created.format("%Y-%m-%d"),
                n.text
            ));
        }
    }
    if !d.actions.is_empty() {
        out.push_str("\nActions\n");
        for a in &d.actions {
            out.push_str(&format!(
                "  {}. {}  ({}, due {})  {}\n",
                a.number,
                a.text,
                a.owner.as_deref().unwrap_or("no owner"),
                a.due.map_or("-".into(), |d| d.to_string()),
                super::sessions::action_state(a, today)
            ));
        }
    }
    out
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}
