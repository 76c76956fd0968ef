//! A measure's data in bulk (`measure import`) and the project's main measure
//! (`measure main`): each one change, one transaction, one history row, undone as a whole.

use chrono::NaiveDate;
use rusqlite::OptionalExtension;
use rusqlite::types::Value;

use super::Store;
use super::error::{Result, StoreError};
use super::projects::{find_project, text, touch};
use super::spc_summary::refresh_spc_summary;
use super::work::{find_measure, finite, refresh_last_data};
use crate::domain::ProjectRef;

/// What an import did: points on new dates, values replaced on dates already recorded, and
/// dates whose recorded value was already the imported one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportOutcome {
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
}

impl ImportOutcome {
    /// What an import did, in words: "12 points added, 1 replaced, 3 unchanged; 2 empty values
    /// skipped (missing points are not recorded)".
    pub fn summary(&self, skipped: usize) -> String {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let mut text = format!(
            "{} point{} added, {} replaced",
            self.added,
            plural(self.added),
            self.replaced
        );
        if self.unchanged > 0 {
            text.push_str(&format!(", {} unchanged", self.unchanged));
        }
        if skipped > 0 {
            text.push_str(&format!(
                "; {skipped} empty value{} skipped (missing points are not recorded)",
                plural(skipped)
            ));
        }
        text
    }
}

impl Store {
    /// Records many values of one measure at once, all or nothing: a date already recorded
    /// takes the new value (its annotation is kept); a new date gets `annotation`.
    /// Refuses an empty list, a value that is not finite, or a date given twice.
    pub fn import_points(
        &mut self,
        reference: ProjectRef,
        measure_name: &str,
        points: &[(NaiveDate, f64)],
        annotation: &str,
    ) -> Result<ImportOutcome> {
        if points.is_empty() {
            return Err(StoreError::invalid("no values to import"));
        }
        let mut seen = std::collections::HashSet::with_capacity(points.len());
        for (date, value) in points {
            finite(&format!("the value on {date}"), *value)?;
            if !seen.insert(*date) {
                return Err(StoreError::invalid(format!(
                    "{date} is given twice (expected each date once)"
                )));
            }
        }
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let measure = find_measure(&change, id, reference, measure_name)?;
        let mut outcome = ImportOutcome::default();
        for (date, value) in points {
            let day = date.to_string();
            let existing: Option<(i64, f64)> = change
                .tx
                .prepare_cached(
                    "SELECT id, value FROM data_points WHERE measure_id = ?1 AND date = ?2",
                )?
                .query_row(rusqlite::params![measure, day], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            match existing {
                Some((_, old)) if old.to_bits() == value.to_bits() => outcome.unchanged += 1,
                Some((point, _)) => {
                    change.update("data_points", point, &[("value", Value::Real(*value))])?;
                    outcome.replaced += 1;
                }
                None => {
                    change.insert(
                        "data_points",
                        &[
                            ("project_id", Value::Integer(id)),
                            ("measure_id", Value::Integer(measure)),
                            ("date", text(&day)),
                            ("value", Value::Real(*value)),
                            ("annotation", text(annotation)),
                        ],
                    )?;
                    outcome.added += 1;
                }
            }
        }
        refresh_last_data(&mut change, id)?;
        refresh_spc_summary(&mut change, id)?;
        change.commit(
            &format!(
                "{reference}: {} imported: {} added, {} replaced",
                measure_name.trim(),
                outcome.added,
                outcome.replaced
            ),
            Some(reference.0),
        )?;
        Ok(outcome)
    }

    /// Marks the measure whose icons the project's card shows (by default its first outcome
    /// measure). Returns false, writing nothing, when it is already the marked one.
    pub fn set_main_measure(&mut self, reference: ProjectRef, measure_name: &str) -> Result<bool> {
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let measure = find_measure(&change, id, reference, measure_name)?;
        let marked: Option<i64> = change.tx.query_row(
            "SELECT main_measure_id FROM projects WHERE id = ?1",
            [id],
            |r| r.get(0),
        )?;
        if marked == Some(measure) {
            return Ok(false);
        }
        let name: String =
            change
                .tx
                .query_row("SELECT name FROM measures WHERE id = ?1", [measure], |r| {
                    r.get(0)
                })?;
        touch(
            &mut change,
            id,
            &[("main_measure_id", Value::Integer(measure))],
        )?;
        refresh_spc_summary(&mut change, id)?;
        change.commit(
            &format!("{reference}: main measure is {name}"),
            Some(reference.0),
        )?;
        Ok(true)
    }
}
