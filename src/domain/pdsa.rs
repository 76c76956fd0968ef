use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use super::DomainError;
use super::text::normalise_choice;

/// What the team decided at the end of a PDSA cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActDecision {
    Adopt,
    Adapt,
    Abandon,
}

impl ActDecision {
    pub const ALL: [ActDecision; 3] =
        [ActDecision::Adopt, ActDecision::Adapt, ActDecision::Abandon];

    pub fn key(self) -> &'static str {
        match self {
            ActDecision::Adopt => "adopt",
            ActDecision::Adapt => "adapt",
            ActDecision::Abandon => "abandon",
        }
    }
}

impl fmt::Display for ActDecision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for ActDecision {
    type Err = DomainError;
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let key = normalise_choice(input);
        ActDecision::ALL
            .into_iter()
            .find(|a| a.key() == key)
            .ok_or_else(|| DomainError::Choice {
                what: "act decision",
                value: input.into(),
                expected: "adopt, adapt, abandon",
            })
    }
}

/// A level of the driver diagram (the aim is the project's own aim, its root).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DriverLevel {
    Primary,
    Secondary,
}

impl DriverLevel {
    pub fn key(self) -> &'static str {
        match self {
            DriverLevel::Primary => "primary",
            DriverLevel::Secondary => "secondary",
        }
    }

    pub fn parse(key: &str) -> Option<Self> {
        match key {
            "primary" => Some(DriverLevel::Primary),
            "secondary" => Some(DriverLevel::Secondary),
            _ => None,
        }
    }
}

/// A driver in the diagram; secondary drivers hang under a primary one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Driver {
    pub id: i64,
    pub level: DriverLevel,
    pub parent_id: Option<i64>,
    pub text: String,
}

/// A change the team will test; it may serve several drivers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeIdea {
    pub id: i64,
    pub title: String,
    pub description: String,
    pub driver_ids: Vec<i64>,
}

/// One Plan-Do-Study-Act cycle: `PDSA 7`, the 2nd of 3 in its change idea's ramp.
#[derive(Debug, Clone, PartialEq)]
pub struct PdsaCycle {
    pub id: i64,
    pub number: i64,
    pub change_idea: String,
    pub ramp_position: i64,
    pub ramp_length: i64,
    pub objective: String,
    pub predictions: String,
    pub plan: String,
    pub do_notes: String,
    pub study: String,
    pub act: Option<ActDecision>,
    pub next_step: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    pub measures: Vec<String>,
    pub version: i64,
}

impl PdsaCycle {
    /// The name used everywhere a cycle is shown: `PDSA 7`.
    pub fn label(&self) -> String {
        format!("PDSA {}", self.number)
    }
}
