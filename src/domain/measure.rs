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

/// The date the next value of a series most likely belongs to, read from its rhythm: a
/// monthly series dated on the 1st goes on to the 1st of the next month, a weekly one seven
/// days on. `None` with fewer than two dates (there is no rhythm yet).
pub fn next_period(dates: &[NaiveDate]) -> Option<NaiveDate> {
    use chrono::{Datelike, Months};
    let mut dates = dates.to_vec();
    dates.sort_unstable();
    dates.dedup();
    let recent = &dates[dates.len().saturating_sub(4)..];
    let (&last, _) = recent.split_last()?;
    if recent.len() < 2 {
        return None;
    }
    // Calendar months: the same day of the month, a whole number of months apart.
    let month_index = |d: &NaiveDate| d.year() * 12 + d.month0() as i32;
    let month_steps: Vec<i32> = recent
        .windows(2)
        .map(|w| month_index(&w[1]) - month_index(&w[0]))
        .collect();
    let monthly = month_steps
        .iter()
        .all(|&m| m == month_steps[0] && (1..=12).contains(&m));
    let step = Months::new(month_steps[0].unsigned_abs());
    let month_end = |d: &NaiveDate| d.succ_opt().is_some_and(|next| next.day() == 1);
    if monthly && recent.iter().all(month_end) {
        // The last day of each month: the next one is the last day of its month too.
        let first_of_next = last.succ_opt()?.checked_add_months(step)?;
        return first_of_next.pred_opt();
    }
    if monthly && recent.iter().all(|d| d.day() == last.day()) {
        return last.checked_add_months(step);
    }
    // Otherwise the gap seen most often lately (the latest wins a tie).
    let gaps: Vec<i64> = recent
        .windows(2)
        .map(|w| (w[1] - w[0]).num_days())
        .collect();
    let gap = gaps
        .iter()
        .rev()
        .max_by_key(|g| gaps.iter().filter(|h| h == g).count())
        .copied()?;
    last.checked_add_signed(chrono::Duration::days(gap))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_next_period_follows_the_series_rhythm() {
        let monthly = [day(2026, 8, 1), day(2026, 9, 1), day(2026, 10, 1)];
        assert_eq!(next_period(&monthly), Some(day(2026, 11, 1)));
        // Month ends and a year end.
        let month_ends = [day(2026, 10, 31), day(2026, 11, 30), day(2026, 12, 31)];
        assert_eq!(next_period(&month_ends[..2]), Some(day(2026, 12, 31)));
        assert_eq!(next_period(&month_ends), Some(day(2027, 1, 31)));
        assert_eq!(
            next_period(&[day(2026, 11, 15), day(2026, 12, 15)]),
            Some(day(2027, 1, 15))
        );
        let quarterly = [day(2026, 1, 1), day(2026, 4, 1), day(2026, 7, 1)];
        assert_eq!(next_period(&quarterly), Some(day(2026, 10, 1)));
        // Weekly, in any order, with one late week among them.
        let weekly = [
            day(2026, 11, 16),
            day(2026, 11, 2),
            day(2026, 11, 9),
            day(2026, 10, 25),
        ];
        assert_eq!(next_period(&weekly), Some(day(2026, 11, 23)));
        let daily = [day(2026, 11, 20), day(2026, 11, 21)];
        assert_eq!(next_period(&daily), Some(day(2026, 11, 22)));
        assert_eq!(next_period(&[day(2026, 11, 20)]), None);
        assert_eq!(next_period(&[]), None);
    }

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
