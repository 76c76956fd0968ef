use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use super::DomainError;
use super::text::normalise_choice;

/// Someone who leads, sponsors, coaches or works on projects; one person may hold many roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub id: i64,
    pub name: String,
    pub email: Option<String>,
    pub division: String,
}

/// The part a person plays on one project: one lead, one sponsor, one coach, any number of members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Lead,
    Sponsor,
    Coach,
    Member,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Lead, Role::Sponsor, Role::Coach, Role::Member];

    pub fn key(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Sponsor => "sponsor",
            Role::Coach => "coach",
            Role::Member => "member",
        }
    }

    /// Lead, sponsor and coach are held by one person at a time; members are many.
    pub fn is_single(self) -> bool {
        !matches!(self, Role::Member)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Role {
    type Err = DomainError;
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let key = normalise_choice(input);
        let key = if key == "team" || key == "team_member" {
            "member".to_string()
        } else {
            key
        };
        Role::ALL
            .into_iter()
            .find(|r| r.key() == key)
            .ok_or_else(|| DomainError::Choice {
                what: "role",
                value: input.into(),
                expected: "lead, sponsor, coach, member",
            })
    }
}

/// A QSIR practitioner cohort or leadership programme intake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cohort {
    pub id: i64,
    pub name: String,
    pub programme: String,
    pub start_date: Option<NaiveDate>,
}
