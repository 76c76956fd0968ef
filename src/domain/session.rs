//! Cohort sessions and the actions teams promise in them: what an improvement coach runs with
//! a cohort, team by team, and what the faculty counts (attendance) afterwards.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use super::DomainError;
use super::ProjectRef;
use super::text::normalise_choice;

/// Minutes each team presents for when a session does not say otherwise.
pub const DEFAULT_MINUTES_PER_TEAM: u32 = 8;

/// Where an action stands; done and dropped are both closed, on the day they closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActionStatus {
    Open,
    Done,
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 3] = [
        ActionStatus::Open,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }
}

impl fmt::Display for ActionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for ActionStatus {
    type Err = DomainError;
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let key = normalise_choice(input);
        ActionStatus::ALL
            .into_iter()
            .find(|s| s.key() == key)
            .ok_or_else(|| DomainError::Choice {
                what: "action status",
                value: input.into(),
                expected: "open, done, dropped",
            })
    }
}

/// Something a team promised to do: `QI-0012 action 3`.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub project: ProjectRef,
    pub number: i64,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    /// When it was raised (a stored time, RFC 3339).
    pub created: String,
    /// The day it was done or dropped.
    pub closed: Option<NaiveDate>,
    /// The session it was raised in, as (cohort, session number).
    pub session: Option<(String, i64)>,
}

impl Action {
    /// Open with a due date before `today`: what a coach chases first.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status == ActionStatus::Open && self.due.is_some_and(|due| due < today)
    }

    /// The order a coach asks about actions in: overdue first, then soonest due, undated
    /// last, then by project and number.
    pub fn chase_order(&self, today: NaiveDate) -> impl Ord + use<> {
        (
            !self.is_overdue(today),
            self.due.is_none(),
            self.due,
            self.project,
            self.number,
        )
    }
}

/// One meeting of a cohort: `QSIR Practitioner — Cohort 7 session 4`.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortSession {
    pub cohort: String,
    pub number: i64,
    pub date: NaiveDate,
    pub title: String,
    pub minutes: u32,
}

impl fmt::Display for CohortSession {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} session {}", self.cohort, self.number)
    }
}

/// Minutes per team: a whole number from 1 to 120 (a session is an afternoon, not a day).
pub fn parse_minutes(input: &str) -> Result<u32, DomainError> {
    input
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=120).contains(m))
        .ok_or_else(|| {
            DomainError::Rule(format!(
                "minutes {input:?} is not a whole number of minutes from 1 to 120"
            ))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(status: ActionStatus, due: Option<&str>) -> Action {
        Action {
            project: ProjectRef(12),
            number: 1,
            text: "Book the theatre huddle".into(),
            owner: None,
            due: due.map(|d| d.parse().unwrap()),
            status,
            created: "2026-11-01T09:00:00Z".into(),
            closed: None,
            session: None,
        }
    }

    #[test]
    fn overdue_is_open_and_due_before_today() {
        let today: NaiveDate = "2026-11-23".parse().unwrap();
        assert!(action(ActionStatus::Open, Some("2026-11-22")).is_overdue(today));
        assert!(!action(ActionStatus::Open, Some("2026-11-23")).is_overdue(today));
        assert!(!action(ActionStatus::Open, None).is_overdue(today));
        assert!(!action(ActionStatus::Done, Some("2026-01-01")).is_overdue(today));
        assert!(!action(ActionStatus::Dropped, Some("2026-01-01")).is_overdue(today));
    }

    #[test]
    fn minutes_are_whole_and_sensible() {
        assert_eq!(parse_minutes(" 10 "), Ok(10));
        for bad in ["0", "-3", "7.5", "ten", "121"] {
            assert!(parse_minutes(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn statuses_read_in_any_case() {
        assert_eq!("Done".parse(), Ok(ActionStatus::Done));
        assert!("closed".parse::<ActionStatus>().is_err());
    }
}
