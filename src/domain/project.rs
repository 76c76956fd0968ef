use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::DomainError;
use super::text::normalise_choice;

/// A project's ref, `QI-0001`: given in order by the portfolio and never reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProjectRef(pub u32);

impl fmt::Display for ProjectRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "QI-{:04}", self.0)
    }
}

impl FromStr for ProjectRef {
    type Err = DomainError;
    /// Accepts `QI-0012`, `qi-12` and plain `12`: a coach types what they see or just the number.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let trimmed = input.trim();
        let digits = match trimmed.get(..3) {
            Some(p) if p.eq_ignore_ascii_case("qi-") => &trimmed[3..],
            _ => trimmed,
        };
        match digits.parse::<u32>() {
            Ok(n) if n > 0 && digits.chars().all(|c| c.is_ascii_digit()) => Ok(ProjectRef(n)),
            _ => Err(DomainError::Ref(input.into())),
        }
    }
}

/// Whether a project is being worked on; separate from its stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Active,
    OnHold,
    Completed,
    Stopped,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Active,
        Status::OnHold,
        Status::Completed,
        Status::Stopped,
    ];

    /// The stored and JSON spelling.
    pub fn key(self) -> &'static str {
        match self {
            Status::Active => "active",
            Status::OnHold => "on_hold",
            Status::Completed => "completed",
            Status::Stopped => "stopped",
        }
    }

    /// How a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            Status::Active => "Active",
            Status::OnHold => "On hold",
            Status::Completed => "Completed",
            Status::Stopped => "Stopped",
        }
    }
}

impl FromStr for Status {
    type Err = DomainError;
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let key = normalise_choice(input);
        Status::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .ok_or_else(|| DomainError::Status(input.into()))
    }
}

/// The IHI progress score, 0.5 to 5.0 in steps of 0.5, kept as a count of halves so it is exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ProgressScore(u8);

impl ProgressScore {
    pub fn from_halves(halves: i64) -> Result<Self, DomainError> {
        if (1..=10).contains(&halves) {
            Ok(ProgressScore(halves as u8))
        } else {
            Err(DomainError::Score(format!("{}", halves as f64 / 2.0)))
        }
    }

    /// Every score on the scale, lowest first (for the score form's guide).
    pub fn scale() -> impl Iterator<Item = ProgressScore> {
        (1..=10).map(ProgressScore)
    }

    pub fn halves(self) -> u8 {
        self.0
    }

    pub fn value(self) -> f64 {
        f64::from(self.0) / 2.0
    }

    /// What the score means on the IHI scale (DOMAIN.md), for help text and the detail pane.
    pub fn meaning(self) -> &'static str {
        match self.0 {
            1 => "intent to participate",
            2 => "charter and team established",
            3 => "planning begun",
            4 => "activity, but no changes",
            5 => "changes tested, no improvement yet",
            6 => "modest improvement",
            7 => "improvement in project measures",
            8 => "significant improvement",
            9 => "sustainable improvement",
            _ => "outstanding sustainable results",
        }
    }
}

impl fmt::Display for ProgressScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.1}", self.value())
    }
}

impl FromStr for ProgressScore {
    type Err = DomainError;
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        if input.trim().is_empty() {
            return Err(DomainError::Empty {
                what: "the score",
                expected: "use 0.5 to 5.0 in steps of 0.5",
            });
        }
        let refuse = || DomainError::Score(input.into());
        let value: f64 = input.trim().parse().map_err(|_| refuse())?;
        let halves = value * 2.0;
        if !halves.is_finite() || halves.fract() != 0.0 {
            return Err(refuse());
        }
        ProgressScore::from_halves(halves as i64).map_err(|_| refuse())
    }
}

/// The day before which a project that was not updated counts as stale (or stalled).
pub fn stale_cutoff(today: NaiveDate, stale_weeks: u32) -> NaiveDate {
    today
        .checked_sub_days(chrono::Days::new(7 * u64::from(stale_weeks)))
        .unwrap_or(NaiveDate::MIN)
}

/// A project as the portfolio keeps it (the charter plus where it stands).
#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    pub id: i64,
    pub uuid: String,
    pub reference: ProjectRef,
    pub title: String,
    pub problem: String,
    pub aim: String,
    pub scope_in: String,
    pub scope_out: String,
    pub division: String,
    pub department: String,
    pub risks: String,
    pub cohort: Option<String>,
    pub start_date: Option<NaiveDate>,
    pub target_date: Option<NaiveDate>,
    pub stage_id: i64,
    pub stage_name: String,
    pub status: Status,
    pub position: i64,
    pub score: Option<ProgressScore>,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    pub version: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refs_print_and_parse_both_ways() {
        assert_eq!(ProjectRef(7).to_string(), "QI-0007");
        assert_eq!(ProjectRef(12345).to_string(), "QI-12345");
        for ok in ["QI-0007", "qi-7", "7", " QI-007 "] {
            assert_eq!(ok.parse::<ProjectRef>().unwrap(), ProjectRef(7), "{ok}");
        }
        for bad in ["QI-", "QI-x", "0", "-3", "QI--3", "7a", ""] {
            assert!(bad.parse::<ProjectRef>().is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn status_accepts_the_ways_people_write_on_hold() {
        for ok in ["on hold", "On-Hold", "ON_HOLD", "on_hold"] {
            assert_eq!(ok.parse::<Status>().unwrap(), Status::OnHold);
        }
        assert!("paused".parse::<Status>().is_err());
    }

    #[test]
    fn scores_are_halves_between_one_half_and_five() {
        assert_eq!("2.5".parse::<ProgressScore>().unwrap().halves(), 5);
        assert_eq!("5".parse::<ProgressScore>().unwrap().to_string(), "5.0");
        for bad in ["0", "0.0", "5.5", "2.3", "-1", "NaN", "inf", "abc", "1e9"] {
            assert!(bad.parse::<ProgressScore>().is_err(), "{bad} accepted");
        }
    }
}
