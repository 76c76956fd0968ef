use std::str::FromStr;

use chrono::NaiveDate;

use super::DomainError;
use super::text::normalise_choice;

/// Outcome, process or balancing (the Model for Improvement's family of measures).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MeasureKind {
    Outcome,
    Process,
    Balancing,
}

/// Which way is better for a measure; neutral measures get no improvement or concern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    Increase,
    Decrease,
    Neutral,
}

macro_rules! keyed_enum {
    ($ty:ident, $what:literal, $expected:literal, $($variant:ident => $key:literal),+) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            pub fn key(self) -> &'static str {
                match self { $($ty::$variant => $key),+ }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.key())
            }
        }

        impl FromStr for $ty {
            type Err = DomainError;
            fn from_str(input: &str) -> Result<Self, Self::Err> {
                let key = normalise_choice(input);
                $ty::ALL.iter().copied().find(|v| v.key() == key).ok_or_else(|| {
                    DomainError::Choice { what: $what, value: input.into(), expected: $expected }
                })
            }
        }
    };
}

pub(crate) use keyed_enum;

keyed_enum!(MeasureKind, "measure kind", "outcome, process, balancing",
    Outcome => "outcome", Process => "process", Balancing => "balancing");
keyed_enum!(Direction, "improvement direction", "increase, decrease, neutral",
    Increase => "increase", Decrease => "decrease", Neutral => "neutral");

/// A date from which a chart gets new limits, with the reason the team gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebase {
    pub date: NaiveDate,
    pub reason: String,
}

/// How a project knows a change is an improvement.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    pub id: i64,
    pub name: String,
    pub kind: MeasureKind,
    pub definition: String,
    pub unit: String,
    pub source: String,
    pub frequency: String,
    pub direction: Direction,
    pub target: Option<f64>,
    pub rebases: Vec<Rebase>,
    pub points: i64,
    pub last_date: Option<NaiveDate>,
    pub version: i64,
}

/// One value of a measure on one date (one point per measure per date).
#[derive(Debug, Clone, PartialEq)]
pub struct DataPoint {
    pub date: NaiveDate,
    pub value: f64,
    pub annotation: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_directions_parse_in_any_case() {
        assert_eq!(
            "Outcome".parse::<MeasureKind>().unwrap(),
            MeasureKind::Outcome
        );
        assert_eq!(
            "DECREASE".parse::<Direction>().unwrap(),
            Direction::Decrease
        );
        let err = "up".parse::<Direction>().unwrap_err().to_string();
        assert!(err.contains("increase, decrease, neutral"), "{err}");
    }
}
