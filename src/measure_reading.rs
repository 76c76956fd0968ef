//! A portfolio measure read the Making Data Count way: the one bridge between the domain's
//! [`Measure`] (its direction, target and rebases) and the pure SPC engine, so the store's
//! card icons, the app's chart and the command line read a measure the same way. Pure.

use chrono::NaiveDate;

use crate::domain::{DataPoint, Direction, Measure};
use crate::spc::{self, XmrOptions, XmrResult};

/// The SPC direction of a measure's improvement direction.
pub fn spc_direction(direction: Direction) -> spc::Direction {
    match direction {
        Direction::Increase => spc::Direction::Increase,
        Direction::Decrease => spc::Direction::Decrease,
        Direction::Neutral => spc::Direction::Neutral,
    }
}

/// A measure's own settings as XmR options for data ending at `last_point`: its direction,
/// target and rebase dates (a rebase after the last point waits for data), screening on,
/// all points as baseline (the reference's defaults). The one place these are built.
pub fn xmr_options(measure: &Measure, last_point: Option<NaiveDate>) -> XmrOptions {
    let rebases = measure
        .rebases
        .iter()
        .map(|r| r.date)
        .filter(|d| last_point.is_some_and(|last| *d <= last))
        .collect();
    options_from(measure.direction, measure.target, rebases)
}

/// The Making Data Count reading of a measure's data with its own settings. `None` below
/// two points.
pub fn analyse_measure(measure: &Measure, points: &[DataPoint]) -> Option<XmrResult> {
    let dates: Vec<NaiveDate> = points.iter().map(|p| p.date).collect();
    let values: Vec<Option<f64>> = points.iter().map(|p| Some(p.value)).collect();
    analyse_series(&dates, &values, xmr_options(measure, dates.last().copied()))
}

pub fn analyse_series(
    dates: &[NaiveDate],
    values: &[Option<f64>],
    mut options: XmrOptions,
) -> Option<XmrResult> {
    if values.len() < 2 {
        return None;
    }
    let last = *dates.last()?;
    options.rebase_dates.retain(|d| *d <= last);
    spc::xmr(dates, values, &options).ok()
}

/// XmR options from a measure's settings (a target that is not a finite number is none).
pub fn options_from(
    direction: Direction,
    target: Option<f64>,
    rebase_dates: Vec<NaiveDate>,
) -> XmrOptions {
    XmrOptions {
        direction: spc_direction(direction),
        target: target.filter(|t| t.is_finite()),
        rebase_dates,
        ..XmrOptions::default()
    }
}
