//! The demo's cohort sessions: a finished cohort, a live one meeting on the anchor day (so
//! the Session pane opens full), and one meeting a fortnight later; attendance at past
//! sessions, and the actions teams promised, some done and some overdue.

use chrono::NaiveDate;
use serde_json::Value as Json;

use super::story::Plan;
use super::{Rng, T, Tables, ahead, back, date_text, maybe_date, text, time_text};

/// A cohort project as the sessions see it.
pub(super) struct Team<'p> {
    pub(super) uuid: String,
    pub(super) plan: &'p Plan,
    /// The lead (an index into the catalogue's people).
    pub(super) lead: usize,
}

/// Days between a cohort's sessions.
const EVERY: u64 = 56;

const TITLES: [&str; 6] = [
    "Project charters and aims",
    "Understanding the system: process maps",
    "Measurement for improvement",
    "Testing changes: PDSA ramps",
    "Spreading and sustaining",
    "Celebration and sharing",
];

const PROMISES: [&str; 6] = [
    "Share the run chart with the ward team at the safety huddle",
    "Agree the operational definition of the outcome measure with the analyst",
    "Write the prediction for the next PDSA before starting it",
    "Book a process-mapping session with the night staff",
    "Ask the sponsor to unblock the data request",
    "Bring the updated driver diagram to the next session",
];

/// When each cohort meets: the first (finished) cohort six times from its start; the second
/// every eight weeks back from the anchor, ending on it; the third to meet two weeks on.
fn dates(cohort: usize, start: NaiveDate, anchor: NaiveDate) -> Vec<NaiveDate> {
    match cohort {
        0 => (0..6).map(|k| ahead(start, 14 + k * 28)).collect(),
        _ => {
            let last = if cohort == 1 {
                anchor
            } else {
                ahead(anchor, 14)
            };
            let mut days: Vec<NaiveDate> = (0..8)
                .map(|k| back(last, k * EVERY))
                .filter(|d| *d > start)
                .collect();
            days.reverse();
            days
        }
    }
}

/// Adds each cohort's sessions with agenda, attendance and actions.
pub(super) fn add(
    tables: &mut Tables,
    rng: &mut Rng,
    people: &[String],
    cohorts: &[(String, NaiveDate)],
    teams: &[(usize, Team<'_>)],
    anchor: NaiveDate,
) {
    let mut actions_made = vec![0usize; teams.len()];
    for (c, (cohort, start)) in cohorts.iter().enumerate() {
        // Two people join each cohort without a project to lead (a team member, a manager).
        let leads: Vec<usize> = teams
            .iter()
            .filter(|(tc, _)| *tc == c)
            .map(|(_, t)| t.lead)
            .collect();
        let enrolled: Vec<usize> = (0..people.len())
            .rev()
            .filter(|p| !leads.contains(p))
            .skip(c * 2)
            .take(2)
            .collect();
        for person in &enrolled {
            tables.put(
                T::Enrolments,
                [("cohort", text(cohort)), ("person", text(&people[*person]))],
            );
        }
        let days = dates(c, *start, anchor);
        let last_past = days.iter().rposition(|d| *d < anchor);
        for (k, day) in days.iter().enumerate() {
            let session = tables.add(
                T::Sessions,
                [
                    ("cohort", text(cohort)),
                    ("number", Json::from(k + 1)),
                    ("date", text(date_text(*day))),
                    (
                        "title",
                        text(TITLES.get(k).copied().unwrap_or("Team reviews")),
                    ),
                    ("minutes", Json::from(8)),
                ],
            );
            // Teams present once started, and until they finish (then in board order).
            let mut present: Vec<(usize, &Team<'_>)> = teams
                .iter()
                .enumerate()
                .filter(|(_, (tc, t))| {
                    *tc == c
                        && t.plan.start <= *day
                        && (matches!(t.plan.entry.status, "active" | "on_hold")
                            || t.plan.last >= *day)
                })
                .map(|(i, (_, t))| (i, t))
                .collect();
            present.sort_by_key(|(i, t)| (t.plan.entry.stage, *i));
            for (position, (_, team)) in present.iter().enumerate() {
                tables.put(
                    T::Agenda,
                    [
                        ("session", text(&session)),
                        ("project", text(&team.uuid)),
                        ("position", Json::from(position + 1)),
                        ("skipped", Json::from(0)),
                    ],
                );
            }
            if *day >= anchor {
                continue;
            }
            let mut attendees: Vec<usize> = present.iter().map(|(_, t)| t.lead).collect();
            attendees.extend(&enrolled);
            attendees.sort_unstable();
            attendees.dedup();
            for person in attendees {
                tables.put(
                    T::Attendance,
                    [
                        ("session", text(&session)),
                        ("person", text(&people[person])),
                        ("present", Json::from(i64::from(!rng.chance(0.15)))),
                    ],
                );
            }
            // The last two sessions before today raised actions; only the latest, if recent,
            // left some open.
            let Some(latest) = last_past else { continue };
            if k + 1 < latest {
                continue;
            }
            let may_stay_open = k == latest && back(anchor, 70) <= *day;
            for (i, team) in present {
                let said = Said {
                    session: &session,
                    owner: &people[team.lead],
                    day: *day,
                    may_stay_open,
                };
                actions(tables, rng, &said, team, anchor, &mut actions_made[i]);
            }
        }
    }
}

/// Where promises were made: the session (uuid), its day, and who made them (person uuid).
struct Said<'a> {
    session: &'a str,
    owner: &'a str,
    day: NaiveDate,
    /// A recent session: some of its promises are not kept yet.
    may_stay_open: bool,
}

/// Two promises from a session: one kept a week or two later, one still open (overdue for
/// about a third of the teams, the way a real cohort goes).
fn actions(
    tables: &mut Tables,
    rng: &mut Rng,
    said: &Said<'_>,
    team: &Team<'_>,
    anchor: NaiveDate,
    made: &mut usize,
) {
    let day = said.day;
    // Two different promises: a team does not promise the same thing twice in one session.
    let first = rng.index(PROMISES.len());
    let second = (first + 1 + rng.index(PROMISES.len() - 1)) % PROMISES.len();
    for (kept, promise) in [(true, PROMISES[first]), (false, PROMISES[second])] {
        *made += 1;
        let due = ahead(day, 14 + rng.int(0, 14));
        let live = matches!(team.plan.entry.status, "active" | "on_hold");
        let (status, closed, due) = if kept || !live || !said.may_stay_open {
            ("done", Some(ahead(day, rng.int(5, 13)).min(anchor)), due)
        } else if rng.chance(0.35) {
            (
                "open",
                None,
                back(anchor, rng.int(3, 20)).max(ahead(day, 1)),
            )
        } else {
            ("open", None, ahead(anchor, rng.int(7, 35)))
        };
        tables.put(
            T::Actions,
            [
                ("project", text(&team.uuid)),
                ("number", Json::from(*made)),
                ("text", text(promise)),
                ("person", text(said.owner)),
                ("due_date", text(date_text(due))),
                ("status", text(status)),
                ("created", text(time_text(day, 15 * 60 + rng.int(0, 90)))),
                ("closed_date", maybe_date(closed)),
                ("session", text(said.session)),
            ],
        );
    }
}
