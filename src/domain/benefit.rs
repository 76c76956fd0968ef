use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};

use super::DomainError;
use super::measure::keyed_enum;
use super::text::normalise_choice;

/// The kinds of benefit a trust board asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BenefitKind {
    TimeReleased,
    Money,
    HarmAvoided,
    PatientExperience,
    Carbon,
    Other,
}

keyed_enum!(BenefitKind, "benefit kind",
    "time_released, money, harm_avoided, patient_experience, carbon, other",
    TimeReleased => "time_released", Money => "money", HarmAvoided => "harm_avoided",
    PatientExperience => "patient_experience", Carbon => "carbon", Other => "other");

/// A benefit a project claims, e.g. 120 hours of nursing time released a year.
#[derive(Debug, Clone, PartialEq)]
pub struct Benefit {
    pub id: i64,
    pub kind: BenefitKind,
    pub amount: f64,
    pub unit: String,
    pub note: String,
    pub claimed_date: NaiveDate,
}

/// Free text on a project, stamped when it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub id: i64,
    pub text: String,
    pub created: DateTime<Utc>,
}
