//! The demo portfolio: the catalogue's projects laid out in time backwards from the anchor,
//! with teams, score histories, driver diagrams, PDSA ramps, measures with real signals,
//! benefits, notes and cohort sessions. Everything but the uuids follows from the anchor.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::Value as Json;

use super::catalogue::{COACHES, COHORTS, Entry, PEOPLE, SPONSORS, entries};
use super::sessions::Team;
use super::{
    Rng, T, Tables, ahead, back, date_text, days_between, maybe_date, month_back, number, text,
    time_text,
};
use crate::store::Portfolio;

/// One project placed in time.
pub(super) struct Plan {
    pub(super) entry: Entry,
    pub(super) start: NaiveDate,
    /// The day of its last change (stale projects: weeks ago).
    pub(super) last: NaiveDate,
    pub(super) target: NaiveDate,
}

/// A PDSA cycle before it becomes a row.
pub(super) struct Cycle {
    pub(super) idea: usize,
    pub(super) place: usize,
    pub(super) ramp: usize,
    pub(super) start: NaiveDate,
    pub(super) end: Option<NaiveDate>,
    pub(super) act: Option<&'static str>,
    pub(super) number: usize,
}

pub(super) fn build(stage_uuids: &[String], anchor: NaiveDate) -> Portfolio {
    let mut tables = Tables::new();
    if stage_uuids.is_empty() {
        return tables.finish(1);
    }
    let mut rng = Rng::for_anchor(anchor, 0x0DE0_0001);
    let people: Vec<String> = PEOPLE
        .iter()
        .map(|(name, division)| {
            let email = name.to_lowercase().replace('\'', "").replace(' ', ".") + "@nhs.net";
            tables.add(
                T::People,
                [
                    ("name", text(*name)),
                    ("email", text(email)),
                    ("division", text(*division)),
                ],
            )
        })
        .collect();
    let mut cohort_starts = Vec::new();
    let cohorts: Vec<String> = COHORTS
        .iter()
        .map(|(name, programme, months)| {
            let start = ahead(month_back(anchor, *months), 9);
            cohort_starts.push(start);
            tables.add(
                T::Cohorts,
                [
                    ("name", text(*name)),
                    ("programme", text(*programme)),
                    ("start_date", text(date_text(start))),
                ],
            )
        })
        .collect();
    let mut plans: Vec<Plan> = entries()
        .into_iter()
        .map(|entry| plan(entry, anchor, &cohort_starts, &mut rng))
        .collect();
    // Refs are given in the order projects were started, as they would have been.
    plans.sort_by_key(|p| p.start);
    let mut story = Story {
        tables,
        rng,
        people,
        positions: [0; 6],
        turns: HashMap::new(),
        rebases_left: 2,
    };
    let mut teams = Vec::new();
    for (index, plan) in plans.iter().enumerate() {
        let stage = &stage_uuids[(plan.entry.stage - 1).min(stage_uuids.len() - 1)];
        let cohort = (plan.entry.cohort > 0).then(|| cohorts[plan.entry.cohort - 1].clone());
        let (uuid, lead) = story.project(plan, index + 1, stage, cohort);
        if plan.entry.cohort > 0 {
            teams.push((plan.entry.cohort - 1, Team { uuid, plan, lead }));
        }
    }
    let cohorts: Vec<(String, NaiveDate)> = cohorts.into_iter().zip(cohort_starts).collect();
    super::sessions::add(
        &mut story.tables,
        &mut story.rng,
        &story.people,
        &cohorts,
        &teams,
        anchor,
    );
    story.tables.finish(plans.len() as u32 + 1)
}

/// When a project started, when it last changed and when it should finish.
fn plan(entry: Entry, anchor: NaiveDate, cohort_starts: &[NaiveDate], rng: &mut Rng) -> Plan {
    let (lo, hi) = match entry.stage {
        1 => (10, 60),
        2 => (45, 120),
        3 => (100, 220),
        4 => (180, 320),
        5 => (270, 480),
        _ => (480, 800),
    };
    let mut start = back(anchor, rng.int(lo, hi));
    if entry.cohort > 0 {
        start = ahead(cohort_starts[entry.cohort - 1], rng.int(7, 35));
    }
    let lag = if entry.stale || matches!(entry.status, "on_hold" | "stopped") {
        rng.int(50, 140)
    } else if entry.status == "completed" {
        rng.int(20, 70)
    } else {
        rng.int(0, 12)
    };
    let last = back(anchor, lag);
    if days_between(start, last) < 7 {
        start = back(last, 7 + rng.int(0, 14));
    }
    // The target is the last day of a month 13-19 months after the start; a project still
    // under way is not shown overdue, so its target is at least two months ahead.
    let end_of = |first: NaiveDate, months: u32| {
        back(
            first
                .checked_add_months(chrono::Months::new(months + 1))
                .unwrap_or(first),
            1,
        )
    };
    let mut target = end_of(month_back(start, 0), 13 + rng.int(0, 6) as u32);
    if matches!(entry.status, "active" | "on_hold") {
        target = target.max(end_of(month_back(anchor, 0), 2 + rng.int(0, 6) as u32));
    }
    Plan {
        entry,
        start,
        last,
        target,
    }
}

pub(super) struct Story {
    pub(super) tables: Tables,
    pub(super) rng: Rng,
    pub(super) people: Vec<String>,
    pub(super) positions: [i64; 6],
    /// Whose turn it is to lead, per division.
    pub(super) turns: HashMap<&'static str, usize>,
    pub(super) rebases_left: usize,
}

/// Why a score was given, by score in halves (the IHI scale in a coach's words).
const SCORE_WHY: [&str; 10] = [
    "Project identified at the cohort session; sponsor agreed.",
    "Charter signed off and the team formed.",
    "Planning begun: process mapping booked with the team.",
    "Baseline data collected and process studied; no changes tested yet.",
    "First changes tested; no improvement in the measures yet.",
    "Some successful tests; small-scale implementation under way.",
    "Measures improving towards the aim.",
    "Significant improvement; implementation begun across the area.",
    "Data show the improvement holding for several months.",
    "All goals met and the changes embedded in standard work.",
];

/// Notes a project collects as it moves, by stage.
const STAGE_NOTES: [[&str; 2]; 6] = [
    [
        "Idea raised at the divisional governance meeting; the sponsor is keen to support it.",
        "Coach to meet the lead to draft a charter before the next cohort day.",
    ],
    [
        "Charter drafted; aim agreed with the sponsor.",
        "Team formed, including a patient partner and an analyst from business intelligence.",
    ],
    [
        "Process map completed with the team: most delays sit at the hand-offs.",
        "Baseline data pulled for the last year; analyst support agreed.",
    ],
    [
        "Driver diagram reviewed at the cohort session; change ideas prioritised with the team.",
        "First PDSA planned small: one shift, a tally sheet, review after a week.",
    ],
    [
        "PDSA learning shared at the safety huddle; staff asked to join the next test.",
        "Coach review: good ramp discipline; keep the predictions explicit.",
    ],
    [
        "Handover plan agreed with the service manager; measures stay on the divisional dashboard.",
        "Poster accepted for the regional QI showcase.",
    ],
];

impl Story {
    /// Adds a project with all its work; returns its uuid and its lead (a people index).
    fn project(
        &mut self,
        plan: &Plan,
        ref_no: usize,
        stage: &str,
        cohort: Option<String>,
    ) -> (String, usize) {
        let e = &plan.entry;
        let project = uuid::Uuid::new_v4().to_string();
        let (lead, coach) = self.team(&project, e, ref_no);
        let lead_name = PEOPLE[lead].0;
        let scorer = coach.map_or(lead_name, |c| PEOPLE[c].0);
        let score = self.scores(&project, plan, scorer);
        let secondaries = self.diagram(&project, e);
        let ideas = self.ideas(&project, e, &secondaries);
        let (months, after) = self.shape(plan);
        let change = after.map(|k| month_back(plan.last, k as u32 - 1));
        let mut cycles = self.cycles(plan, ideas.len(), change, months);
        cycles.sort_by_key(|c| (c.start, c.idea, c.place));
        for (i, cycle) in cycles.iter_mut().enumerate() {
            cycle.number = i + 1;
        }
        let measures = self.measures(&project, plan, months, after, &cycles);
        let last_data = (!measures.is_empty()).then(|| month_back(plan.last, 0));
        self.pdsa(&project, plan, &ideas, &cycles, &measures, lead_name);
        for b in &e.benefits {
            let claimed = back(plan.last, self.rng.int(0, 20)).max(plan.start);
            self.tables.put(
                T::Benefits,
                [
                    ("project", text(&project)),
                    ("kind", text(b.kind)),
                    ("amount", number(b.amount, false)),
                    ("unit", text(b.unit)),
                    ("note", text(b.note)),
                    ("claimed_date", text(date_text(claimed))),
                ],
            );
        }
        self.notes(&project, plan);
        let position = &mut self.positions[(e.stage - 1).min(5)];
        *position += 1;
        let aim = e
            .aim
            .replace("{by}", &plan.target.format("%B %Y").to_string());
        let updated = time_text(plan.last, 17 * 60 + 30 + self.rng.int(0, 120));
        // Part of the current stage's gateway checklist is met, more the longer the project
        // has been there, so a move on warns only about what is really still open.
        let gateway = {
            let stages = crate::domain::default_stages();
            let stage = &stages[(e.stage - 1).min(stages.len() - 1)];
            let met = e.title.len() % (stage.gateway.len() + 1);
            let items: Vec<String> = stage
                .gateway
                .iter()
                .take(met)
                .map(|item| format!("{}/{item}", stage.key))
                .collect();
            serde_json::to_string(&items).unwrap_or_else(|_| "[]".into())
        };
        self.tables.push(
            T::Projects,
            project.clone(),
            [
                ("ref_no", Json::from(ref_no)),
                ("title", text(e.title)),
                ("problem", text(e.problem)),
                ("aim", text(aim)),
                ("scope_in", text(e.scope_in)),
                ("scope_out", text(e.scope_out)),
                ("division", text(e.division)),
                ("department", text(e.department)),
                ("risks", text(e.risks)),
                ("cohort", cohort.map_or(Json::Null, Json::String)),
                ("start_date", text(date_text(plan.start))),
                ("target_date", text(date_text(plan.target))),
                ("stage", text(stage)),
                ("status", text(e.status)),
                ("position", Json::from(*position)),
                ("score", score.map_or(Json::Null, Json::from)),
                ("created", text(time_text(plan.start, 8 * 60 + 30))),
                ("updated", text(updated)),
                (
                    "last_pdsa",
                    maybe_date(cycles.iter().map(|c| c.start).max()),
                ),
                ("last_data", maybe_date(last_data)),
                ("gateway_met", text(&gateway)),
            ],
        );
        (project, lead)
    }

    /// Lead, sponsor, coach and members; returns the lead and the coach (people indices).
    fn team(&mut self, project: &str, e: &Entry, ref_no: usize) -> (usize, Option<usize>) {
        let own: Vec<usize> = (SPONSORS.end..PEOPLE.len())
            .filter(|&p| PEOPLE[p].1 == e.division)
            .collect();
        let turn = self.turns.entry(e.division).or_insert(0);
        let lead = own[*turn % own.len()];
        *turn += 1;
        let sponsor = SPONSORS
            .clone()
            .find(|&p| PEOPLE[p].1 == e.division)
            .unwrap_or(SPONSORS.start);
        let coach = if e.cohort > 0 {
            Some(COACHES.start + (e.cohort - 1 + ref_no % 2) % COACHES.len())
        } else if e.stage > 1 || ref_no.is_multiple_of(2) {
            Some(COACHES.start + ref_no % COACHES.len())
        } else {
            None
        };
        let mut roles = vec![(lead, "lead"), (sponsor, "sponsor")];
        roles.extend(coach.map(|c| (c, "coach")));
        let wanted = if e.stage == 1 {
            1
        } else {
            1 + self.rng.int(0, 2) as usize
        };
        // Colleagues from the division, starting at a different one each time, and now and
        // then someone from elsewhere in the trust first.
        let offset = self.rng.index(own.len());
        let mut members: Vec<usize> = Vec::new();
        if self.rng.chance(0.4) {
            members.push(SPONSORS.end + self.rng.index(PEOPLE.len() - SPONSORS.end));
        }
        members.extend((0..own.len()).map(|i| own[(offset + i) % own.len()]));
        let mut taken = vec![lead];
        for person in members {
            if taken.len() > wanted {
                break;
            }
            if !taken.contains(&person) {
                taken.push(person);
                roles.push((person, "member"));
            }
        }
        for (person, role) in roles {
            self.tables.put(
                T::Roles,
                [
                    ("project", text(project)),
                    ("person", text(&self.people[person])),
                    ("role", text(role)),
                ],
            );
        }
        (lead, coach)
    }

    /// The score history from 0.5 up to today's score; returns today's score in halves.
    fn scores(&mut self, project: &str, plan: &Plan, who: &str) -> Option<i64> {
        let e = &plan.entry;
        let current: i64 = match (e.stage, e.signal) {
            (1, _) if self.rng.chance(0.5) => return None,
            (1, _) => 1,
            (2, _) => 2 + self.rng.int(0, 1) as i64,
            (3, _) => 3 + self.rng.int(0, 1) as i64,
            (4, _) => 4 + self.rng.int(0, 1) as i64,
            (5, "shift") => 7,
            (5, "trend") => 6,
            (5, _) => 5,
            _ if e.status == "completed" => 9 + self.rng.int(0, 1) as i64,
            _ => 8 + self.rng.int(0, 1) as i64,
        };
        let mut steps = vec![1];
        while *steps.last().unwrap_or(&current) < current {
            let next = steps.last().unwrap_or(&1) + 1 + self.rng.int(0, 1) as i64;
            steps.push(next.min(current));
        }
        let span = days_between(plan.start, plan.last);
        let count = steps.len() as u64;
        for (i, halves) in steps.into_iter().enumerate() {
            let day = ahead(
                plan.start,
                3 + span.saturating_sub(3) * i as u64 / count.max(1),
            );
            let day = if i as u64 + 1 == count {
                plan.last
            } else {
                day
            };
            self.tables.put(
                T::Scores,
                [
                    ("project", text(project)),
                    ("score", Json::from(halves)),
                    ("at", text(time_text(day, 10 * 60 + self.rng.int(0, 300)))),
                    ("who", text(who)),
                    ("why", text(SCORE_WHY[(halves - 1) as usize])),
                ],
            );
        }
        Some(current)
    }

    /// Primary and secondary drivers; the secondaries' uuids are kept for the change ideas.
    fn diagram(&mut self, project: &str, e: &Entry) -> Vec<String> {
        let mut secondaries = Vec::new();
        for (primary, children) in &e.drivers {
            let parent = self.tables.add(
                T::Drivers,
                [
                    ("project", text(project)),
                    ("parent", Json::Null),
                    ("level", text("primary")),
                    ("text", text(*primary)),
                ],
            );
            for child in children {
                secondaries.push(self.tables.add(
                    T::Drivers,
                    [
                        ("project", text(project)),
                        ("parent", text(&parent)),
                        ("level", text("secondary")),
                        ("text", text(*child)),
                    ],
                ));
            }
        }
        secondaries
    }

    /// Change ideas, each linked to the secondary drivers it serves.
    fn ideas(&mut self, project: &str, e: &Entry, secondaries: &[String]) -> Vec<String> {
        let mut ideas = Vec::new();
        for idea in &e.ideas {
            let uuid = self.tables.add(
                T::Ideas,
                [
                    ("project", text(project)),
                    ("title", text(idea.title)),
                    ("description", text(idea.description)),
                ],
            );
            for driver in idea.drivers.iter().filter_map(|n| secondaries.get(n - 1)) {
                self.tables.put(
                    T::IdeaDrivers,
                    [
                        ("project", text(project)),
                        ("change_idea", text(&uuid)),
                        ("driver", text(driver)),
                    ],
                );
            }
            ideas.push(uuid);
        }
        ideas
    }

    /// A few notes: one from each recent stage, then the project's own, last.
    fn notes(&mut self, project: &str, plan: &Plan) {
        let e = &plan.entry;
        let mut texts: Vec<&str> = (e.stage.saturating_sub(2).max(1)..=e.stage)
            .map(|s| STAGE_NOTES[s - 1][self.rng.index(2)])
            .collect();
        texts.extend(e.notes.iter().copied());
        let span = days_between(plan.start, plan.last);
        let count = texts.len() as u64;
        for (i, note) in texts.into_iter().enumerate() {
            let day = ahead(plan.start, span * (i as u64 + 1) / count);
            self.tables.put(
                T::Notes,
                [
                    ("project", text(project)),
                    ("text", text(note)),
                    (
                        "created",
                        text(time_text(day, 11 * 60 + self.rng.int(0, 300))),
                    ),
                ],
            );
        }
    }
}
