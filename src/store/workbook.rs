//! The whole portfolio as sheets for a workbook export: one per table, rows named by project
//! ref and measure name (never internal ids), in the order a person reads them.

use chrono::NaiveDate;
use rusqlite::types::ValueRef;

use super::Store;
use super::error::Result;

/// A cell of an exported sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum SheetValue {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

/// One sheet: its name, headers and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct PortfolioSheet {
    pub name: &'static str,
    pub headers: &'static [&'static str],
    pub rows: Vec<Vec<SheetValue>>,
}

const REF: &str = "printf('QI-%04d', p.ref_no)";

/// Name, headers, the columns holding dates, and the query (one column per header).
fn sheets() -> Vec<(
    &'static str,
    &'static [&'static str],
    &'static [usize],
    String,
)> {
    vec![
        (
            "Team",
            &["Ref", "Role", "Name"],
            &[],
            format!(
                "SELECT {REF}, r.role, pe.name FROM roles r
                 JOIN projects p ON p.id = r.project_id JOIN people pe ON pe.id = r.person_id
                 ORDER BY p.ref_no, CASE r.role WHEN 'lead' THEN 0 WHEN 'sponsor' THEN 1
                          WHEN 'coach' THEN 2 ELSE 3 END, pe.name"
            ),
        ),
        (
            "Score history",
            &["Ref", "Date", "Score", "Who", "Why"],
            &[1],
            format!(
                "SELECT {REF}, substr(h.at, 1, 10), h.score / 2.0, h.who, h.why
                 FROM score_history h JOIN projects p ON p.id = h.project_id
                 ORDER BY p.ref_no, h.at, h.id"
            ),
        ),
        (
            "Drivers",
            &["Ref", "Level", "Driver", "Under"],
            &[],
            format!(
                "SELECT {REF}, d.level, d.text, parent.text FROM drivers d
                 JOIN projects p ON p.id = d.project_id
                 LEFT JOIN drivers parent ON parent.id = d.parent_id
                 ORDER BY p.ref_no, d.id"
            ),
        ),
        (
            "Change ideas",
            &["Ref", "Change idea", "Description", "Drivers"],
            &[],
            format!(
                "SELECT {REF}, c.title, c.description,
                        (SELECT group_concat(d.text, '; ') FROM change_idea_drivers l
                         JOIN drivers d ON d.id = l.driver_id WHERE l.change_idea_id = c.id)
                 FROM change_ideas c JOIN projects p ON p.id = c.project_id
                 ORDER BY p.ref_no, c.id"
            ),
        ),
        (
            "PDSA cycles",
            &[
                "Ref",
                "Cycle",
                "Change idea",
                "Objective",
                "Predictions",
                "Plan",
                "Do",
                "Study",
                "Act",
                "Next step",
                "Start date",
                "End date",
            ],
            &[10, 11],
            format!(
                "SELECT {REF}, c.number, i.title, c.objective, c.predictions, c.plan, c.do_notes,
                        c.study, c.act, c.next_step, c.start_date, c.end_date
                 FROM pdsa_cycles c JOIN projects p ON p.id = c.project_id
                 JOIN change_ideas i ON i.id = c.change_idea_id
                 ORDER BY p.ref_no, c.number"
            ),
        ),
        (
            "Measures",
            &[
                "Ref",
                "Measure",
                "Kind",
                "Definition",
                "Unit",
                "Source",
                "Frequency",
                "Direction",
                "Target",
            ],
            &[],
            format!(
                "SELECT {REF}, m.name, m.kind, m.definition, m.unit, m.source, m.frequency,
                        m.direction, m.target
                 FROM measures m JOIN projects p ON p.id = m.project_id
                 ORDER BY p.ref_no, m.id"
            ),
        ),
        (
            "Data",
            &["Ref", "Measure", "Date", "Value", "Note"],
            &[2],
            format!(
                "SELECT {REF}, m.name, d.date, d.value, d.annotation
                 FROM data_points d JOIN measures m ON m.id = d.measure_id
                 JOIN projects p ON p.id = d.project_id
                 ORDER BY p.ref_no, m.id, d.date"
            ),
        ),
        (
            "Benefits",
            &["Ref", "Claimed date", "Kind", "Amount", "Unit", "Note"],
            &[1],
            format!(
                "SELECT {REF}, b.claimed_date, replace(b.kind, '_', ' '), b.amount, b.unit, b.note
                 FROM benefits b JOIN projects p ON p.id = b.project_id
                 ORDER BY p.ref_no, b.claimed_date, b.id"
            ),
        ),
        (
            "Notes",
            &["Ref", "Date", "Note"],
            &[1],
            format!(
                "SELECT {REF}, substr(n.created, 1, 10), n.text
                 FROM notes n JOIN projects p ON p.id = n.project_id
                 ORDER BY p.ref_no, n.created, n.id"
            ),
        ),
        (
            "Actions",
            &[
                "Ref", "Number", "Action", "Owner", "Due", "Status", "Raised", "Closed", "Cohort",
                "Session",
            ],
            &[4, 6, 7],
            format!(
                "SELECT {REF}, a.number, a.text, pe.name, a.due_date, a.status,
                        substr(a.created, 1, 10), a.closed_date, c.name, s.number
                 FROM actions a JOIN projects p ON p.id = a.project_id
                 LEFT JOIN people pe ON pe.id = a.person_id
                 LEFT JOIN cohort_sessions s ON s.id = a.session_id
                 LEFT JOIN cohorts c ON c.id = s.cohort_id
                 ORDER BY p.ref_no, a.number"
            ),
        ),
        (
            "Sessions",
            &[
                "Cohort",
                "Session",
                "Date",
                "Title",
                "Minutes per team",
                "Agenda",
            ],
            &[2],
            "SELECT c.name, s.number, s.date, s.title, s.minutes,
                    (SELECT group_concat(printf('QI-%04d', p.ref_no)
                                         || CASE a.skipped WHEN 1 THEN ' (not covered)' ELSE '' END,
                                         ', ')
                     FROM (SELECT * FROM agenda_items WHERE session_id = s.id ORDER BY position) a
                     JOIN projects p ON p.id = a.project_id)
             FROM cohort_sessions s JOIN cohorts c ON c.id = s.cohort_id
             ORDER BY c.name, s.number"
                .to_string(),
        ),
        (
            "Attendance",
            &["Cohort", "Session", "Date", "Name", "Present"],
            &[2],
            "SELECT c.name, s.number, s.date, pe.name,
                    CASE a.present WHEN 1 THEN 'present' ELSE 'absent' END
             FROM attendance a JOIN cohort_sessions s ON s.id = a.session_id
             JOIN cohorts c ON c.id = s.cohort_id JOIN people pe ON pe.id = a.person_id
             ORDER BY c.name, s.number, pe.name"
                .to_string(),
        ),
    ]
}

impl Store {
    /// Every table but the projects themselves (those are [`Store::register`]), as sheets;
    /// `on_row` counts rows read, for a progress bar.
    pub fn portfolio_sheets(&self, on_row: &mut dyn FnMut()) -> Result<Vec<PortfolioSheet>> {
        let mut out = Vec::new();
        for (name, headers, dates, sql) in sheets() {
            let mut stmt = self.conn.prepare(&sql)?;
            let mut rows = stmt.query([])?;
            let mut values = Vec::new();
            while let Some(row) = rows.next()? {
                let mut cells = Vec::with_capacity(headers.len());
                for i in 0..headers.len() {
                    cells.push(match row.get_ref(i)? {
                        ValueRef::Null => SheetValue::Empty,
                        ValueRef::Integer(n) => SheetValue::Number(n as f64),
                        ValueRef::Real(x) => SheetValue::Number(x),
                        ValueRef::Text(t) | ValueRef::Blob(t) => {
                            let text = String::from_utf8_lossy(t);
                            let date = dates
                                .contains(&i)
                                .then(|| NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok())
                                .flatten();
                            match date {
                                Some(date) => SheetValue::Date(date),
                                None if text.is_empty() => SheetValue::Empty,
                                None => SheetValue::Text(text.into_owned()),
                            }
                        }
                    });
                }
                values.push(cells);
                on_row();
            }
            out.push(PortfolioSheet {
                name,
                headers,
                rows: values,
            });
        }
        Ok(out)
    }

    /// How many rows [`Store::portfolio_sheets`] will read (for a progress bar's length).
    pub fn portfolio_size(&self) -> Result<u64> {
        let rows: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM roles) + (SELECT count(*) FROM score_history)
                  + (SELECT count(*) FROM drivers) + (SELECT count(*) FROM change_ideas)
                  + (SELECT count(*) FROM pdsa_cycles) + (SELECT count(*) FROM measures)
                  + (SELECT count(*) FROM data_points) + (SELECT count(*) FROM benefits)
                  + (SELECT count(*) FROM notes) + (SELECT count(*) FROM actions)
                  + (SELECT count(*) FROM cohort_sessions) + (SELECT count(*) FROM attendance)",
            [],
            |r| r.get(0),
        )?;
        Ok(u64::try_from(rows).unwrap_or_default())
    }
}
