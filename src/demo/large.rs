//! The benchmark portfolio: 5,000 projects, 50,000 PDSA cycles and 500,000 data points, with
//! ~300 people, 20 cohorts with six sessions each (agendas, attendance, two actions a
//! project), teams, scores, driver diagrams and notes. Built for speed: dates
//! and repeated texts are made once and cloned, never formatted per row.

use chrono::{Datelike, NaiveDate};
use serde_json::Value as Json;

use super::{Rng, T, Tables, back, date_text, month_back, text};
use crate::store::Portfolio;

pub const PROJECTS: usize = 5_000;
pub const CYCLES_PER_PROJECT: usize = 10;
pub const MEASURES_PER_PROJECT: usize = 2;
pub const POINTS_PER_MEASURE: usize = 50;
const PEOPLE: usize = 300;
/// The first people sponsor, the next ones coach; everyone else leads and joins teams.
const SPONSORS: usize = 12;
const COACHES: usize = 20;
const COHORTS: usize = 20;
/// Sessions of each cohort, eight weeks apart; a quarter of the cohorts meet on the anchor day.
const SESSIONS: usize = 6;
/// How far back the day and time tables reach.
const HORIZON: usize = 1_200;
/// Ramp lengths of the three change ideas (4 + 3 + 3 = 10 cycles).
const RAMPS: [usize; 3] = [4, 3, 3];

const FIRST: [&str; 30] = [
    "Amelia", "Oliver", "Isla", "George", "Ava", "Harry", "Mia", "Noah", "Sophie", "Jack", "Grace",
    "Leo", "Ruby", "Arthur", "Freya", "Oscar", "Emily", "Thomas", "Poppy", "Samuel", "Zara",
    "Yusuf", "Priya", "Kwame", "Aoife", "Rhys", "Niamh", "Callum", "Fatima", "Dylan",
];
const LAST: [&str; 30] = [
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel",
    "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
    "Khan", "Wood", "Jackson", "Clarke", "Hughes", "Edwards", "Murphy", "Ahmed", "Campbell",
    "Kaur", "Okafor", "Morgan",
];
const DIVISIONS: [&str; 6] = [
    "Medicine",
    "Surgery",
    "Women & Children",
    "Community",
    "Corporate",
    "Clinical Support",
];
/// Topic, its outcome measure, unit, direction, baseline and a problem statement.
const TOPICS: [(&str, &str, &str, &str, f64, &str); 12] = [
    (
        "Falls prevention",
        "Falls per 1,000 bed days",
        "falls/1,000 bed days",
        "decrease",
        8.5,
        "Falls are above the national average and some cause harm.",
    ),
    (
        "Discharge before noon",
        "Discharges before noon",
        "% of discharges",
        "increase",
        16.0,
        "Most discharges happen late in the day, so admissions wait for beds.",
    ),
    (
        "Sepsis screening",
        "Antibiotics within one hour",
        "% of patients",
        "increase",
        62.0,
        "Antibiotics for red-flag sepsis are often given late.",
    ),
    (
        "Pressure ulcer prevention",
        "New category 2+ pressure ulcers",
        "ulcers/week",
        "decrease",
        3.0,
        "Avoidable pressure ulcers keep occurring.",
    ),
    (
        "Medicines reconciliation",
        "Reconciled within 24 hours",
        "% of admissions",
        "increase",
        50.0,
        "Medicines are not reconciled promptly after admission.",
    ),
    (
        "Theatre start times",
        "Lists starting on time",
        "% of lists",
        "increase",
        38.0,
        "Lists start late and theatre time is lost.",
    ),
    (
        "Time to triage",
        "Triaged within 15 minutes",
        "% of attendances",
        "increase",
        55.0,
        "Patients wait too long for their first assessment.",
    ),
    (
        "Catheter infections",
        "Catheter days between infections",
        "days",
        "increase",
        30.0,
        "Catheter-associated infections are too frequent.",
    ),
    (
        "Nutrition and hydration",
        "MUST within 24 hours",
        "% of admissions",
        "increase",
        58.0,
        "Nutrition screening and fluid charts are incomplete.",
    ),
    (
        "Did-not-attend rates",
        "Did-not-attend rate",
        "% of appointments",
        "decrease",
        13.0,
        "Many outpatient appointments are not attended.",
    ),
    (
        "Paperless clinics",
        "Pages printed",
        "pages/week",
        "decrease",
        1200.0,
        "Clinics still rely on printed notes.",
    ),
    (
        "Staff retention",
        "Leavers in first year",
        "% of starters",
        "decrease",
        20.0,
        "Too many new staff leave within a year.",
    ),
];

/// Stage, then status, drawn from these weights (mostly active, later stages busier).
const STAGE_WEIGHTS: [u64; 6] = [12, 15, 18, 18, 22, 15];

/// Projects made before their rows are handed on as one part.
const PART: usize = 250;

pub(super) fn build_in_parts(
    stage_uuids: &[String],
    anchor: NaiveDate,
    part: &mut dyn FnMut(Portfolio) -> crate::store::Result<()>,
) -> crate::store::Result<()> {
    let mut t = Tables::fast();
    if stage_uuids.is_empty() {
        return part(t.finish(1));
    }
    let mut rng = Rng::for_anchor(anchor, 0x1A46_E000);
    let days: Vec<String> = (0..HORIZON)
        .map(|d| date_text(back(anchor, d as u64)))
        .collect();
    let times: Vec<String> = days.iter().map(|d| format!("{d}T09:30:00Z")).collect();
    reserve(&mut t);
    let people: Vec<String> = (0..PEOPLE)
        .map(|i| {
            let name = format!("{} {}", FIRST[i % 30], LAST[(i / 30 + i) % 30]);
            t.add(
                T::People,
                [("name", text(name)), ("division", text(DIVISIONS[i % 6]))],
            )
        })
        .collect();
    let cohorts: Vec<String> = (0..COHORTS)
        .map(|i| {
            let (programme, n) = if i < 14 {
                ("QSIR Practitioner", i + 1)
            } else {
                ("Leading Improvement", i - 13)
            };
            let start = month_back(anchor, (COHORTS - i) as u32 * 2);
            t.add(
                T::Cohorts,
                [
                    ("name", text(format!("{programme} — Cohort {n}"))),
                    ("programme", text(programme)),
                    ("start_date", text(date_text(start))),
                ],
            )
        })
        .collect();
    // Each cohort's sessions, as (uuid, date), oldest first.
    let sessions: Vec<Vec<(String, NaiveDate)>> = cohorts
        .iter()
        .enumerate()
        .map(|(i, cohort)| {
            let last = back(anchor, (i % 4) as u64 * 14);
            (0..SESSIONS)
                .map(|k| {
                    let day = back(last, ((SESSIONS - 1 - k) * 56) as u64);
                    let uuid = t.add(
                        T::Sessions,
                        [
                            ("cohort", text(cohort)),
                            ("number", Json::from(k + 1)),
                            ("date", text(date_text(day))),
                            ("title", text("Team reviews")),
                            ("minutes", Json::from(8)),
                        ],
                    );
                    (uuid, day)
                })
                .collect()
        })
        .collect();
    // A lead of several projects in one cohort is on its register once.
    let mut registered = std::collections::HashSet::new();
    let places: Vec<String> = (1..=40)
        .map(|n| format!("Ward {n}"))
        .chain(
            [
                "Acute Medical Unit",
                "Emergency Department",
                "Main Theatres",
                "Day Surgery Unit",
            ]
            .map(String::from),
        )
        .chain(
            [
                "Maternity",
                "Paediatric Outpatients",
                "District Nursing",
                "Outpatients",
            ]
            .map(String::from),
        )
        .collect();
    let texts = Texts::new();
    let mut positions = [0i64; 6];
    for p in 0..PROJECTS {
        if p > 0 && p.is_multiple_of(PART) {
            part(t.take_part(PROJECTS as u32 + 1))?;
            reserve(&mut t);
        }
        let stage = weighted(&mut rng, &STAGE_WEIGHTS);
        let status = match rng.int(0, 99) {
            0..=6 => "on_hold",
            7..=11 => "stopped",
            12..=19 if stage == 5 => "completed",
            _ => "active",
        };
        let lag = if status == "active" && !rng.chance(0.1) {
            rng.int(0, 30)
        } else {
            rng.int(45, 140)
        } as usize;
        let age = lag + 150 + stage * 60 + rng.int(0, 120) as usize;
        let project = t.uuid();
        let topic = &TOPICS[p % TOPICS.len()];
        let score = match stage {
            0 => None,
            _ => Some((stage as i64 * 2 - 1 + rng.int(0, 1) as i64).min(10)),
        };
        // Team: lead, sponsor, coach and two members, all different people.
        let lead = SPONSORS + COACHES + (p * 7 + 3) % (PEOPLE - SPONSORS - COACHES);
        let member = |k: usize| {
            SPONSORS + COACHES + (p * 7 + 3 + 1 + k * 97) % (PEOPLE - SPONSORS - COACHES)
        };
        let team = [
            (lead, "lead"),
            (p % SPONSORS, "sponsor"),
            (SPONSORS + p % COACHES, "coach"),
            (member(0), "member"),
            (member(1), "member"),
        ];
        for (person, role) in team {
            t.put(
                T::Roles,
                [
                    ("project", text(&project)),
                    ("person", text(&people[person])),
                    ("role", text(role)),
                ],
            );
        }
        if let Some(score) = score {
            for (halves, day) in [((score - 2).max(1), age - 30), (score, lag)] {
                t.put(
                    T::Scores,
                    [
                        ("project", text(&project)),
                        ("score", Json::from(halves)),
                        ("at", text(&times[day])),
                        ("who", text(&texts.coach)),
                        ("why", text(&texts.why)),
                    ],
                );
            }
        }
        let primary = t.add(
            T::Drivers,
            [
                ("project", text(&project)),
                ("parent", Json::Null),
                ("level", text("primary")),
                ("text", text(&texts.primary)),
            ],
        );
        let secondaries = texts.secondaries.map(|s| {
            t.add(
                T::Drivers,
                [
                    ("project", text(&project)),
                    ("parent", text(&primary)),
                    ("level", text("secondary")),
                    ("text", text(s)),
                ],
            )
        });
        let ideas: Vec<String> = (0..RAMPS.len())
            .map(|i| {
                let idea = t.add(
                    T::Ideas,
                    [
                        ("project", text(&project)),
                        ("title", text(&texts.ideas[i])),
                    ],
                );
                t.put(
                    T::IdeaDrivers,
                    [
                        ("project", text(&project)),
                        ("change_idea", text(&idea)),
                        ("driver", text(&secondaries[i % 2])),
                    ],
                );
                idea
            })
            .collect();
        // Measures: weekly points ending on the Monday on or before the last change.
        let last_monday = lag + back(anchor, lag as u64).weekday().num_days_from_monday() as usize;
        let mut measures = Vec::with_capacity(MEASURES_PER_PROJECT);
        for m in 0..MEASURES_PER_PROJECT {
            let (name, unit, direction, base) = if m == 0 {
                (topic.1, topic.2, topic.3, topic.4)
            } else {
                (
                    "Staff feedback positive",
                    "% of responses",
                    "increase",
                    70.0,
                )
            };
            let measure = t.add(
                T::Measures,
                [
                    ("project", text(&project)),
                    ("name", text(name)),
                    ("kind", text(if m == 0 { "outcome" } else { "process" })),
                    ("unit", text(unit)),
                    ("frequency", text("weekly")),
                    ("direction", text(direction)),
                ],
            );
            let better = if direction == "increase" { 1.0 } else { -1.0 };
            let shift = stage >= 4 && m == 0;
            for j in 0..POINTS_PER_MEASURE {
                let level = if shift && j >= 30 {
                    base * (1.0 + 0.25 * better)
                } else {
                    base
                };
                let value = ((level + rng.normal() * base * 0.05).max(0.0) * 10.0).round() / 10.0;
                let day = last_monday + 7 * (POINTS_PER_MEASURE - 1 - j);
                t.put(
                    T::Points,
                    [
                        ("project", text(&project)),
                        ("measure", text(&measure)),
                        ("date", text(&days[day])),
                        ("value", Json::from(value)),
                    ],
                );
            }
            measures.push(measure);
        }
        // PDSA cycles a fortnight apart, ramps in order; the newest may still be running.
        let running = status == "active" && lag <= 30;
        let mut number = 0;
        for (i, ramp) in RAMPS.iter().enumerate() {
            for place in 0..*ramp {
                number += 1;
                let start = lag + 3 + 14 * (CYCLES_PER_PROJECT - number);
                let open = running && number == CYCLES_PER_PROJECT;
                let act = if open {
                    Json::Null
                } else if place + 1 == *ramp {
                    text("adopt")
                } else {
                    text("adapt")
                };
                let end = if open {
                    Json::Null
                } else {
                    text(&days[start - 10])
                };
                let pdsa = t.add(
                    T::Pdsa,
                    [
                        ("project", text(&project)),
                        ("change_idea", text(&ideas[i])),
                        ("number", Json::from(number)),
                        ("objective", text(&texts.objective)),
                        ("predictions", text(&texts.predictions)),
                        ("plan", text(&texts.plan)),
                        ("do_notes", text(&texts.do_notes)),
                        ("study", text(if open { "" } else { texts.study.as_str() })),
                        ("act", act),
                        ("start_date", text(&days[start])),
                        ("end_date", end),
                    ],
                );
                if place + 1 == *ramp {
                    t.put(
                        T::PdsaMeasures,
                        [
                            ("project", text(&project)),
                            ("pdsa", text(&pdsa)),
                            ("measure", text(&measures[0])),
                        ],
                    );
                }
            }
        }
        if stage == 5 {
            t.put(
                T::Benefits,
                [
                    ("project", text(&project)),
                    ("kind", text("time_released")),
                    ("amount", Json::from(120.0)),
                    ("unit", text("hours/year")),
                    ("claimed_date", text(&days[lag])),
                ],
            );
        }
        t.put(
            T::Notes,
            [
                ("project", text(&project)),
                ("text", text(&texts.note)),
                ("created", text(&times[lag])),
            ],
        );
        let cohort = (!p.is_multiple_of(3)).then_some(p % COHORTS);
        if let Some(c) = cohort {
            for (uuid, day) in &sessions[c] {
                t.put(
                    T::Agenda,
                    [
                        ("session", text(uuid)),
                        ("project", text(&project)),
                        ("position", Json::from(p + 1)),
                        ("skipped", Json::from(0)),
                    ],
                );
                if *day < anchor && registered.insert((uuid.clone(), lead)) {
                    t.put(
                        T::Attendance,
                        [
                            ("session", text(uuid)),
                            ("person", text(&people[lead])),
                            ("present", Json::from(i64::from(!rng.chance(0.15)))),
                        ],
                    );
                }
            }
        }
        // Two promises: one kept, one open (overdue for about a third).
        let raised = cohort.and_then(|c| sessions[c].iter().rev().find(|(_, d)| *d < anchor));
        for (number, kept) in [(1, true), (2, false)] {
            let made = lag + 20;
            let due = if kept || rng.chance(0.35) {
                back(anchor, rng.int(1, 19))
            } else {
                super::ahead(anchor, rng.int(7, 35))
            };
            t.put(
                T::Actions,
                [
                    ("project", text(&project)),
                    ("number", Json::from(number)),
                    ("text", text(&texts.note)),
                    ("person", text(&people[lead])),
                    ("due_date", text(date_text(due))),
                    ("status", text(if kept { "done" } else { "open" })),
                    ("created", text(&times[made])),
                    (
                        "closed_date",
                        if kept { text(&days[lag]) } else { Json::Null },
                    ),
                    ("session", raised.map_or(Json::Null, |(uuid, _)| text(uuid))),
                ],
            );
        }
        positions[stage] += 1;
        let place = &places[(p / TOPICS.len()) % places.len()];
        let target = back(anchor, age as u64)
            .checked_add_months(chrono::Months::new(15))
            .unwrap_or(anchor);
        t.push(
            T::Projects,
            project,
            [
                ("ref_no", Json::from(p + 1)),
                ("title", text(format!("{} on {place}", topic.0))),
                ("problem", text(topic.5)),
                (
                    "aim",
                    text(format!(
                        "Improve {} on {place} by 25% by {}",
                        topic.1.to_lowercase(),
                        target.format("%B %Y")
                    )),
                ),
                ("division", text(DIVISIONS[p % 6])),
                ("department", text(place)),
                ("cohort", cohort.map_or(Json::Null, |c| text(&cohorts[c]))),
                ("start_date", text(&days[age])),
                ("target_date", text(date_text(target))),
                (
                    "stage",
                    text(&stage_uuids[stage.min(stage_uuids.len() - 1)]),
                ),
                ("status", text(status)),
                ("position", Json::from(positions[stage])),
                ("score", score.map_or(Json::Null, Json::from)),
                ("created", text(&times[age])),
                ("updated", text(&times[lag])),
                ("last_pdsa", text(&days[lag + 3])),
                ("last_data", text(&days[last_monday])),
            ],
        );
    }
    part(t.finish(PROJECTS as u32 + 1))
}

/// An index drawn with the given weights.
fn weighted(rng: &mut Rng, weights: &[u64]) -> usize {
    let mut pick = rng.int(0, weights.iter().sum::<u64>() - 1);
    for (i, w) in weights.iter().enumerate() {
        if pick < *w {
            return i;
        }
        pick -= w;
    }
    weights.len() - 1
}

/// Room for one part's rows up front: no vector grows while a part is made.
fn reserve(t: &mut Tables) {
    let cycles = PART * CYCLES_PER_PROJECT;
    for (table, rows) in [
        (T::Projects, PART),
        (T::Roles, PART * 5),
        (T::Scores, PART * 2),
        (T::Drivers, PART * 3),
        (T::Ideas, PART * RAMPS.len()),
        (T::IdeaDrivers, PART * RAMPS.len()),
        (T::Measures, PART * MEASURES_PER_PROJECT),
        (T::Points, PART * MEASURES_PER_PROJECT * POINTS_PER_MEASURE),
        (T::Pdsa, cycles),
        (T::PdsaMeasures, PART * RAMPS.len()),
        (T::Notes, PART),
    ] {
        t.reserve(table, rows);
    }
}

/// Texts repeated on every project, made once.
struct Texts {
    coach: String,
    why: String,
    primary: String,
    secondaries: [&'static str; 2],
    ideas: [String; 3],
    objective: String,
    predictions: String,
    plan: String,
    do_notes: String,
    study: String,
    note: String,
}

impl Texts {
    fn new() -> Texts {
        Texts {
            coach: "QI faculty".into(),
            why: "Reviewed at the cohort session.".into(),
            primary: "Reliable standard work".into(),
            secondaries: ["Staff know what to do", "The right equipment is at hand"],
            ideas: [
                "Safety huddle".into(),
                "Checklist at handover".into(),
                "Visual prompt at the bedside".into(),
            ],
            objective: "Test the change on one shift.".into(),
            predictions: "Done for 80% of eligible patients.".into(),
            plan: "Brief the team at the huddle; tally sheet; review after a week.".into(),
            do_notes: "Ran as planned.".into(),
            study: "Done for 84% against a prediction of 80%.".into(),
            note: "Reviewed at the cohort session.".into(),
        }
    }
}
