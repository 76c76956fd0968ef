//! Undo and redo: the history table's row images applied backwards or forwards by one
//! routine. They survive a restart and work the same from the CLI and the app.

use rusqlite::OptionalExtension;
use serde_json::{Map, Value as Json};

use super::Store;
use super::bulk;
use super::error::{Result, StoreError};
use super::rows::{Image, RowChange, read_image, table_name, write_image};
use crate::domain::ProjectRef;

/// One line of the audit trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub id: i64,
    pub at: String,
    pub reference: Option<ProjectRef>,
    pub summary: String,
    pub undone: bool,
    /// Who made the change (empty when nobody said: changes from before it was recorded).
    pub by: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Way {
    Undo,
    Redo,
}

/// Whether a row is as the change left it. Only the columns the image recorded count: a
/// column added by a later schema (a summary filled on upgrade) is not a change by anyone.
fn still_as_left(current: Option<&Image>, expected: Option<&Image>) -> bool {
    match (current, expected) {
        (None, None) => true,
        (Some(current), Some(expected)) => expected
            .iter()
            .all(|(column, value)| current.get(column) == Some(value)),
        _ => false,
    }
}

impl Store {
    /// Undoes the latest change still in effect; returns what it was.
    pub fn undo(&mut self) -> Result<String> {
        self.step(Way::Undo)
    }

    /// Redoes the change undone last; returns what it was.
    pub fn redo(&mut self) -> Result<String> {
        self.step(Way::Redo)
    }

    fn step(&mut self, way: Way) -> Result<String> {
        // A portfolio with no file has no history: only a saved one can be undone.
        self.settle()?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let sql = match way {
            Way::Undo => {
                "SELECT id, summary, kind, changes FROM history WHERE state = 'done'
                 ORDER BY id DESC LIMIT 1"
            }
            Way::Redo => {
                "SELECT id, summary, kind, changes FROM history WHERE state = 'undone'
                 ORDER BY id ASC LIMIT 1"
            }
        };
        let found: Option<(i64, String, String, String)> = tx
            .query_row(sql, [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .optional()?;
        let Some((id, summary, kind, changes)) = found else {
            return Err(match way {
                Way::Undo => StoreError::NothingToUndo,
                Way::Redo => StoreError::NothingToRedo,
            });
        };
        // Rows come back in an order that may briefly break a reference; checked at commit.
        tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
        let verb = if way == Way::Undo { "undo" } else { "redo" };
        let broken = |e: serde_json::Error| {
            StoreError::File(format!(
                "history entry {id} is damaged ({e}); cannot {verb} it"
            ))
        };
        if kind == "bulk" {
            let mut payload: Map<String, Json> = serde_json::from_str(&changes).map_err(broken)?;
            match way {
                Way::Undo => bulk::undo_load(&tx, &mut payload)?,
                Way::Redo => bulk::redo_load(&tx, &mut payload)?,
            }
            tx.execute(
                "UPDATE history SET changes = ?1 WHERE id = ?2",
                rusqlite::params![Json::Object(payload).to_string(), id],
            )?;
        } else {
            let rows: Vec<RowChange> = serde_json::from_str(&changes).map_err(broken)?;
            let ordered: Box<dyn Iterator<Item = &RowChange>> = match way {
                Way::Undo => Box::new(rows.iter().rev()),
                Way::Redo => Box::new(rows.iter()),
            };
            for row in ordered {
                let table = table_name(&row.table)?;
                let (expected, wanted) = match way {
                    Way::Undo => (&row.after, &row.before),
                    Way::Redo => (&row.before, &row.after),
                };
                let current = read_image(&tx, table, row.id)?;
                if !still_as_left(current.as_ref(), expected.as_ref()) {
                    return Err(StoreError::Conflict(format!(
                        "cannot {verb} \"{summary}\": it was changed since (in {table}); \
                         nothing was changed"
                    )));
                }
                write_image(&tx, table, row.id, current.as_ref(), wanted.as_ref())?;
            }
        }
        let state = if way == Way::Undo { "undone" } else { "done" };
        tx.execute(
            "UPDATE history SET state = ?1 WHERE id = ?2",
            rusqlite::params![state, id],
        )?;
        tx.commit()?;
        Ok(summary)
    }

    /// The audit trail, newest first, for one project or the whole portfolio.
    pub fn history(
        &self,
        reference: Option<ProjectRef>,
        limit: usize,
    ) -> Result<Vec<HistoryEntry>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, at, ref_no, summary, state, author FROM history
             WHERE ?1 IS NULL OR ref_no = ?1 ORDER BY id DESC LIMIT ?2",
        )?;
        let rows = stmt.query_map(
            rusqlite::params![reference.map(|r| r.0), limit as i64],
            |r| {
                Ok(HistoryEntry {
                    id: r.get(0)?,
                    at: r.get(1)?,
                    reference: r.get::<_, Option<u32>>(2)?.map(ProjectRef),
                    summary: r.get(3)?,
                    undone: r.get::<_, String>(4)? == "undone",
                    by: r.get(5)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
