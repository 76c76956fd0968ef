//! The work on a demo project: its PDSA ramps and its measures, whose monthly points carry
//! real signals (a shift after an adopted change, a trend, an outlier) or common cause only.

use chrono::NaiveDate;
use serde_json::Value as Json;

use super::catalogue::{IdeaSpec, MeasureSpec};
use super::story::{Cycle, Plan, Story};
use super::{T, ahead, back, date_text, days_between, maybe_date, month_back, number, text};

const DO_NOTES: [&str; 5] = [
    "Ran as planned.",
    "Two shifts missed the briefing; agency staff did not know about the change.",
    "Went smoothly; patients and families responded well.",
    "Started three days late because of staffing.",
    "Busy week with escalation beds open; done on most days.",
];

const SCALES: [&str; 4] = [
    "with one team on one shift",
    "for a week of day shifts",
    "on all shifts for a fortnight",
    "across the whole department",
];

impl Story {
    /// How many monthly points the measures have, and (for a shift) how many follow it.
    pub(super) fn shape(&mut self, plan: &Plan) -> (usize, Option<usize>) {
        let e = &plan.entry;
        if e.measures.is_empty() || e.stage < 3 {
            return (0, None);
        }
        let (lo, hi) = match e.stage {
            3 => (12, 18),
            4 => (14, 22),
            5 => (20, 30),
            _ => (26, 36),
        };
        let months = self.rng.int(lo, hi) as usize;
        let after = match (e.signal, e.stage) {
            ("shift", 5) => Some(self.rng.int(7, 9) as usize),
            ("shift", _) => Some(self.rng.int(9, 13) as usize),
            _ => None,
        };
        (months, after)
    }

    /// PDSA ramps: 2-4 cycles per change idea, the first ramp adopted around the shift.
    pub(super) fn cycles(
        &mut self,
        plan: &Plan,
        ideas: usize,
        change: Option<NaiveDate>,
        months: usize,
    ) -> Vec<Cycle> {
        let e = &plan.entry;
        let running = e.status == "active" && !e.stale;
        let mut cycles = Vec::new();
        let cycle = |idea, place, ramp, start, end, act| Cycle {
            idea,
            place,
            ramp,
            start,
            end,
            act,
            number: 0,
        };
        if ideas == 0 || e.stage < 4 {
            return cycles;
        }
        if e.stage == 4 {
            let first = back(plan.last, self.rng.int(28, 40)).max(plan.start);
            cycles.push(cycle(0, 0, 2, first, Some(ahead(first, 14)), Some("adapt")));
            let second = back(plan.last, self.rng.int(2, 9)).max(ahead(first, 15));
            let (end, act) = match e.status {
                "stopped" => (Some(ahead(second, 7).min(plan.last)), Some("abandon")),
                _ => (None, None),
            };
            cycles.push(cycle(0, 1, 2, second.min(plan.last), end, act));
            return cycles;
        }
        let trend_start = (e.signal == "trend" && months > 0).then(|| month_back(plan.last, 7));
        let p0 = match (change, trend_start) {
            (Some(c), _) => back(c, 75),
            (_, Some(t)) => back(t, 30),
            _ => back(plan.last, 150),
        }
        .max(ahead(plan.start, 14));
        let p1 = back(plan.last, if e.stage == 6 { 45 } else { 3 }).max(ahead(p0, 60));
        let span = days_between(p0, p1);
        for idea in 0..ideas {
            let from = ahead(p0, span * idea as u64 / (ideas as u64 + 1));
            let to = match (idea, change) {
                (0, Some(c)) => ahead(c, 7),
                (0, None) => ahead(p0, span / 2),
                _ => p1,
            };
            let window = days_between(from, to).max(28);
            let ramp = (self.rng.int(2, 4)).min(window / 14).max(2) as usize;
            let step = window / ramp as u64;
            let abandon = idea > 0 && self.rng.chance(0.25);
            for place in 0..ramp {
                let start = ahead(from, step * place as u64);
                let end = ahead(start, (step * 3 / 4).clamp(7, 21));
                let act = if place + 1 < ramp {
                    "adapt"
                } else if abandon {
                    "abandon"
                } else {
                    "adopt"
                };
                cycles.push(cycle(idea, place, ramp, start, Some(end), Some(act)));
            }
        }
        if e.stage == 5 && running {
            // The newest cycle is still running: no end, no act yet.
            if let Some(newest) = cycles.iter_mut().max_by_key(|c| (c.start, c.idea)) {
                newest.start = newest.start.max(back(plan.last, 12));
                newest.end = None;
                newest.act = None;
            }
        }
        for c in &mut cycles {
            c.start = c.start.min(plan.last);
            c.end = c.end.map(|end| end.min(plan.last).max(c.start));
        }
        cycles
    }

    /// Measures with their monthly points; returns each measure's uuid and kind.
    pub(super) fn measures(
        &mut self,
        project: &str,
        plan: &Plan,
        months: usize,
        after: Option<usize>,
        cycles: &[Cycle],
    ) -> Vec<(String, &'static str)> {
        let e = &plan.entry;
        let mut out = Vec::new();
        if months == 0 {
            return out;
        }
        let dates: Vec<NaiveDate> = (0..months)
            .map(|j| month_back(plan.last, (months - 1 - j) as u32))
            .collect();
        for spec in &e.measures {
            let signal = match (spec.kind, e.signal) {
                ("balancing", _) | (_, "outlier") if spec.kind != "outcome" => "common",
                (_, signal) => signal,
            };
            let uuid = self.tables.add(
                T::Measures,
                [
                    ("project", text(project)),
                    ("name", text(spec.name)),
                    ("kind", text(spec.kind)),
                    ("definition", text(spec.definition)),
                    ("unit", text(spec.unit)),
                    ("source", text(spec.source)),
                    ("frequency", text("monthly")),
                    ("direction", text(spec.direction)),
                    ("target", spec.target.map_or(Json::Null, Json::from)),
                ],
            );
            let values = self.series(spec, signal, months, after);
            let mut notes = vec![String::new(); months];
            let at = |date: NaiveDate| dates.iter().position(|d| *d == month_back(date, 0));
            if spec.kind == "outcome" {
                if let Some(first) = cycles.first().and_then(|c| at(c.start)) {
                    notes[first] = format!("PDSA {} started", cycles[0].number);
                }
                let adopted = cycles
                    .iter()
                    .find(|c| c.idea == 0 && c.act == Some("adopt"));
                if let (Some(k), Some(c)) = (after, adopted) {
                    notes[months - k] = format!("PDSA {} adopted: {}", c.number, e.ideas[0].title);
                    if self.rebases_left > 0 && e.stage == 6 {
                        self.rebases_left -= 1;
                        let reason = format!(
                            "New process in place since PDSA {} was adopted; limits recalculated from here.",
                            c.number
                        );
                        self.tables.put(
                            T::Rebases,
                            [
                                ("project", text(project)),
                                ("measure", text(&uuid)),
                                ("date", text(date_text(dates[months - k]))),
                                ("reason", text(reason)),
                            ],
                        );
                    }
                }
                if signal == "outlier" {
                    notes[months - 4] = e.outlier_note.to_owned();
                }
            }
            let whole = matches!(spec.unit, "ulcers/month" | "pages" | "days");
            for ((date, value), note) in dates.iter().zip(values).zip(notes) {
                self.tables.put(
                    T::Points,
                    [
                        ("project", text(project)),
                        ("measure", text(&uuid)),
                        ("date", text(date_text(*date))),
                        ("value", number(value, whole)),
                        ("annotation", text(note)),
                    ],
                );
            }
            out.push((uuid, spec.kind));
        }
        out
    }

    /// The values of one measure: common cause noise around the baseline, with the signal
    /// built in so that the SPC rules find it (bounded noise keeps it certain).
    fn series(
        &mut self,
        m: &MeasureSpec,
        signal: &str,
        n: usize,
        after: Option<usize>,
    ) -> Vec<f64> {
        let (b, i) = (m.baseline, m.improved);
        let gap = (i - b).abs();
        let calm = (b.abs() * 0.06).max(0.3);
        let mut values: Vec<f64> = match (signal, after) {
            ("shift", Some(k)) if gap > 0.0 => (0..n)
                .map(|j| if j < n - k { b } else { i } + self.rng.normal() * gap / 8.0)
                .collect(),
            ("trend", _) if gap > 0.0 => {
                let mut v: Vec<f64> = (0..n - 8).map(|_| b + self.rng.normal() * calm).collect();
                v.extend(
                    (1..=8).map(|j| b + (i - b) * j as f64 / 8.0 + self.rng.normal() * gap / 80.0),
                );
                v
            }
            _ => (0..n).map(|_| b + self.rng.normal() * calm).collect(),
        };
        if signal == "outlier" && n >= 4 {
            let worse = if m.direction == "increase" { -1.0 } else { 1.0 };
            values[n - 4] = b + worse * 6.0 * calm;
        }
        let ceiling = if m.unit.starts_with('%') {
            100.0
        } else {
            f64::MAX
        };
        values.iter().map(|v| v.clamp(0.0, ceiling)).collect()
    }

    /// The PDSA cycles as rows, with their worksheets, and the measures they move.
    pub(super) fn pdsa(
        &mut self,
        project: &str,
        plan: &Plan,
        ideas: &[String],
        cycles: &[Cycle],
        measures: &[(String, &'static str)],
        lead: &str,
    ) {
        let e = &plan.entry;
        let first_name = lead.split(' ').next().unwrap_or(lead);
        let outcome = measures.iter().find(|m| m.1 == "outcome").map(|m| &m.0);
        let process = measures.iter().find(|m| m.1 == "process").map(|m| &m.0);
        let measure_name = e.measures.first().map_or("the outcome measure", |m| m.name);
        for c in cycles {
            let idea: &IdeaSpec = &e.ideas[c.idea];
            let predicted = 60 + 10 * c.place as u64;
            let achieved = match c.act {
                // A share of patients: never past 100%.
                Some("adopt") => (predicted + self.rng.int(2, 15)).min(99),
                Some("abandon") => predicted.saturating_sub(self.rng.int(25, 40)),
                _ => predicted.saturating_sub(self.rng.int(5, 20)),
            };
            let scale = SCALES[c.place.min(3)].replace("the whole department", e.department);
            let objective = format!("Test \"{}\" {scale}.", idea.title);
            let predictions = format!(
                "It will be done for at least {predicted}% of eligible patients; staff will find it workable; {} will move the right way.",
                sentence_case(measure_name)
            );
            let plan_text = format!(
                "{first_name} to brief the team at the morning huddle; the nurse in charge keeps a tally sheet; review with the coach after the last day (cycle {} of {} in this ramp).",
                c.place + 1,
                c.ramp
            );
            let (do_notes, study, next) = match c.act {
                None => (
                    "Under way: data collection in progress.".to_owned(),
                    String::new(),
                    String::new(),
                ),
                Some(act) => {
                    let study = match act {
                        "adopt" => format!(
                            "Done for {achieved}% of eligible patients (predicted {predicted}%). Staff feedback positive; no unintended effects seen."
                        ),
                        "abandon" => format!(
                            "Done for {achieved}% only (predicted {predicted}%); staff found it added work without benefit."
                        ),
                        _ => format!(
                            "Done for {achieved}% against a prediction of {predicted}%. It worked on days but the briefing did not reach the night team."
                        ),
                    };
                    let next = match act {
                        "adopt" => {
                            "Adopt: make it standard work and hand over to the ward manager."
                        }
                        "abandon" => "Abandon: put the effort into the other change ideas.",
                        _ => "Adapt: brief the night team too and test at a larger scale.",
                    };
                    (
                        DO_NOTES[self.rng.index(DO_NOTES.len())].to_owned(),
                        study,
                        next.to_owned(),
                    )
                }
            };
            let pdsa = self.tables.add(
                T::Pdsa,
                [
                    ("project", text(project)),
                    ("change_idea", text(&ideas[c.idea])),
                    ("number", Json::from(c.number)),
                    ("objective", text(objective)),
                    ("predictions", text(predictions)),
                    ("plan", text(plan_text)),
                    ("do_notes", text(do_notes)),
                    ("study", text(study)),
                    ("act", c.act.map_or(Json::Null, text)),
                    ("next_step", text(next)),
                    ("start_date", text(date_text(c.start))),
                    ("end_date", maybe_date(c.end)),
                ],
            );
            let mut linked = Vec::new();
            if e.stage >= 5 {
                linked.extend(outcome);
                linked.extend(process.filter(|_| c.idea == 0));
            }
            for measure in linked {
                self.tables.put(
                    T::PdsaMeasures,
                    [
                        ("project", text(project)),
                        ("pdsa", text(&pdsa)),
                        ("measure", text(measure)),
                    ],
                );
            }
        }
    }
}

/// "Inpatient falls" becomes "inpatient falls" mid-sentence; "MUST screening" stays.
fn sentence_case(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_lowercase() => first
            .to_lowercase()
            .chain(name[first.len_utf8()..].chars())
            .collect(),
        _ => name.to_owned(),
    }
}
