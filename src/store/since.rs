//! What happened on a project between two days, read from its dated records (scores, notes,
//! PDSA cycles, actions, benefits) rather than the change history: an imported portfolio
//! has no history, and a coach asks what the team did, not who typed it in.

use chrono::NaiveDate;

use super::ProjectDetail;
use crate::clock::date_part;
use crate::domain::{ActionStatus, ProgressScore};

/// The kind of thing that happened, so a summary can group them without reading words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum HappeningKind {
    Score,
    PdsaStarted,
    PdsaEnded,
    Note,
    ActionRaised,
    ActionClosed,
    Benefit,
}

/// One dated thing that happened on a project.
#[derive(Debug, Clone, PartialEq)]
pub struct Happening {
    pub date: NaiveDate,
    pub kind: HappeningKind,
    pub text: String,
}

impl ProjectDetail {
    /// The progress score as it stood at the end of `day` (`None`: not scored by then).
    pub fn score_on(&self, day: NaiveDate) -> Option<ProgressScore> {
        let day = day.to_string();
        self.scores
            .iter()
            .filter(|s| date_part(&s.at) <= day.as_str())
            .max_by(|a, b| a.at.cmp(&b.at))
            .and_then(|s| s.score)
    }

    /// Everything that happened after `after` (from the start when `None`) up to and including
    /// `until`, newest first.
    pub fn happenings_between(&self, after: Option<NaiveDate>, until: NaiveDate) -> Vec<Happening> {
        let within = |d: NaiveDate| after.is_none_or(|a| d > a) && d <= until;
        let day = |stamp: &str| NaiveDate::parse_from_str(date_part(stamp), "%Y-%m-%d").ok();
        let mut out = Vec::new();
        let mut push = |date: NaiveDate, kind: HappeningKind, text: String| {
            if within(date) {
                out.push(Happening { date, kind, text });
            }
        };
        for s in &self.scores {
            if let Some(date) = day(&s.at) {
                let score = s.score.map_or("cleared".into(), |v| v.to_string());
                let why = if s.why.is_empty() {
                    String::new()
                } else {
                    format!(": {}", s.why)
                };
                push(date, HappeningKind::Score, format!("score {score}{why}"));
            }
        }
        for c in &self.pdsa_cycles {
            if let Some(start) = c.start_date {
                push(
                    start,
                    HappeningKind::PdsaStarted,
                    format!("{} started: {}", c.label(), c.change_idea),
                );
            }
            if let Some(end) = c.end_date {
                let act = c
                    .act
                    .map_or("no decision yet".into(), |a| a.key().to_string());
                push(
                    end,
                    HappeningKind::PdsaEnded,
                    format!("{} ended: {act}", c.label()),
                );
            }
        }
        for n in &self.notes {
            push(
                n.created.date_naive(),
                HappeningKind::Note,
                format!("note: {}", n.text.replace('\n', " ")),
            );
        }
        for a in &self.actions {
            if let Some(date) = day(&a.created) {
                push(
                    date,
                    HappeningKind::ActionRaised,
                    format!("action {} raised: {}", a.number, a.text),
                );
            }
            if let (Some(closed), true) = (a.closed, a.status != ActionStatus::Open) {
                push(
                    closed,
                    HappeningKind::ActionClosed,
                    format!("action {} {}: {}", a.number, a.status.key(), a.text),
                );
            }
        }
        for b in &self.benefits {
            push(
                b.claimed_date,
                HappeningKind::Benefit,
                format!("benefit claimed: {} {}", b.amount, b.unit),
            );
        }
        out.sort_by(|a, b| b.date.cmp(&a.date).then(a.kind.cmp(&b.kind)));
        out
    }
}
