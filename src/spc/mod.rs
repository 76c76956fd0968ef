//! Measurement for improvement: XmR (Making Data Count) and run charts. Pure; imports nothing of ours.
//!
//! The answers must be those of the NHS reference R package NHSRplotthedots 0.2.2, so every
//! comparison here follows its reading (strict `<`/`>`, the order of operations in the limits,
//! the screening of moving ranges); `shared/DOMAIN.md` says where qiboard chooses a reading.
//!
//! - [`xmr`] — limits per rebase group, the four special-cause rules, point types, icons.
//! - [`run_chart`] — median, IHI shift / trend / runs, and the Anhøj rules.
//!
//! Both are O(n), allocate per call (never per point), never panic and never put a NaN or an
//! infinity in their output: an undefined number is `None`, and a warning says why.

mod icons;
mod rules;
mod run_chart;
mod sum;
mod xmr;

pub use icons::{Assurance, PointType, Variation};
pub use rules::Rule;
pub use run_chart::{AnhoejRules, IhiRules, RunChartPoint, RunChartResult, run_chart, runs_limits};
pub use sum::mean;
pub use xmr::{XmrGroup, XmrOptions, XmrPoint, XmrResult, group_starts, xmr, xmr_indexed};

use serde::Serialize;

/// Which way is better for a measure. The reference defaults to `Increase`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher values are an improvement (e.g. % seen within 4 hours).
    #[default]
    Increase,
    /// Lower values are an improvement (e.g. falls per 1,000 bed days).
    Decrease,
    /// Neither way is better: flagged points are neutral high / neutral low, no assurance.
    Neutral,
}

impl Direction {
    /// The reference's integer: +1, −1, or 0 for neutral.
    pub fn sign(self) -> i8 {
        match self {
            Direction::Increase => 1,
            Direction::Decrease => -1,
            Direction::Neutral => 0,
        }
    }

    /// The word used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Increase => "increase",
            Direction::Decrease => "decrease",
            Direction::Neutral => "neutral",
        }
    }
}

/// The smallest baseline the reference accepts for `fix_after_n_points`.
pub const MIN_BASELINE: usize = 12;

/// A group with fewer points than this has trial limits (the reference's warning threshold).
pub const TRIAL_THRESHOLD: usize = 13;

/// Input the analysis refuses. Each message is one line that says what to do instead.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SpcError {
    /// The dates and the values do not pair up.
    #[error("{dates} dates but {values} values: every point needs a date and a value")]
    LengthMismatch { dates: usize, values: usize },
    /// Dates must increase strictly, as the reference sorts and refuses duplicates.
    #[error(
        "point {index}: {date} does not come after {previous} (expected dates in increasing order, each date once)"
    )]
    DatesOutOfOrder {
        index: usize,
        date: chrono::NaiveDate,
        previous: chrono::NaiveDate,
    },
    /// NaN or an infinity among the values: a missing point is `None`, not NaN.
    #[error(
        "point {index}: the value is not a finite number (use an empty value for a missing point)"
    )]
    NotFinite { index: usize },
    /// The target must be a finite number.
    #[error("the target is not a finite number (expected a number like 80)")]
    TargetNotFinite,
    /// `fix_after_n_points` below 12, as the reference refuses.
    #[error("a baseline of {0} points is too short (expected at least 12 points)")]
    BaselineTooShort(usize),
    /// A rebase would start a group with no points.
    #[error(
        "the rebase date {rebase} is after the last point ({last}): rebase on or before {last}"
    )]
    RebaseAfterLastPoint {
        rebase: chrono::NaiveDate,
        last: chrono::NaiveDate,
    },
    /// A rebase index beyond the series.
    #[error("rebase at point {index} but there are only {len} points")]
    RebaseOutOfRange { index: usize, len: usize },
}
