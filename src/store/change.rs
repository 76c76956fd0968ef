//! One user-level change = one `BEGIN IMMEDIATE` transaction that records the images of the
//! rows it touched and writes one history row when it commits.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{Transaction, params_from_iter};

use super::error::{Result, StoreError};
use super::rows::{Image, RowChange, read_image, read_images_where};
use super::unsaved::Persist;

pub(crate) struct Change<'c> {
    pub(crate) tx: Transaction<'c>,
    rows: Vec<RowChange>,
    index: HashMap<(&'static str, i64), usize>,
    /// The time this change is stamped with (from the store's clock).
    pub(crate) now: String,
    /// Set for the first change to a portfolio whose file does not exist yet.
    persist: Option<Persist<'c>>,
    /// Who is making it, for the history row.
    pub(crate) author: String,
}

impl<'c> Change<'c> {
    pub(crate) fn new(
        tx: Transaction<'c>,
        now: String,
        persist: Option<Persist<'c>>,
        author: String,
    ) -> Self {
        Change {
            tx,
            rows: Vec::new(),
            index: HashMap::new(),
            now,
            persist,
            author,
        }
    }

    /// One row of a query, through the statement cache: an import runs the same few
    /// queries thousands of times, and compiling each one again costs more than running it.
    pub(crate) fn one<T, P: rusqlite::Params>(
        &self,
        sql: &str,
        params: P,
        f: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        self.tx.prepare_cached(sql)?.query_row(params, f)
    }

    /// Inserts a row with a fresh uuid and returns its id.
    pub(crate) fn insert(&mut self, table: &'static str, columns: &[(&str, Value)]) -> Result<i64> {
        let names: Vec<&str> = std::iter::once("uuid")
            .chain(columns.iter().map(|(c, _)| *c))
            .collect();
        let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            names.join(", "),
            marks.join(", ")
        );
        let values = std::iter::once(Value::Text(uuid::Uuid::new_v4().to_string()))
            .chain(columns.iter().map(|(_, v)| v.clone()));
        self.tx
            .prepare_cached(&sql)?
            .execute(params_from_iter(values))?;
        let id = self.tx.last_insert_rowid();
        let after = read_image(&self.tx, table, id)?;
        self.record(table, id, None, after);
        Ok(id)
    }

    /// Sets some columns of a row and bumps its version.
    pub(crate) fn update(
        &mut self,
        table: &'static str,
        id: i64,
        columns: &[(&str, Value)],
    ) -> Result<()> {
        let before = read_image(&self.tx, table, id)?;
        let sets: Vec<String> = columns
            .iter()
            .enumerate()
            .map(|(i, (c, _))| format!("{c} = ?{}", i + 1))
            .collect();
        let sql = format!(
            "UPDATE {table} SET {}, version = version + 1 WHERE id = ?{}",
            sets.join(", "),
            columns.len() + 1
        );
        let values = columns
            .iter()
            .map(|(_, v)| v.clone())
            .chain(std::iter::once(Value::Integer(id)));
        self.tx
            .prepare_cached(&sql)?
            .execute(params_from_iter(values))?;
        let after = read_image(&self.tx, table, id)?;
        self.record(table, id, before, after);
        Ok(())
    }

    pub(crate) fn delete(&mut self, table: &'static str, id: i64) -> Result<()> {
        let before = read_image(&self.tx, table, id)?;
        self.tx
            .prepare_cached(&format!("DELETE FROM {table} WHERE id = ?1"))?
            .execute([id])?;
        self.record(table, id, before, None);
        Ok(())
    }

    /// Deletes every row of `table` matching `condition` (one `?1` argument), keeping images.
    pub(crate) fn delete_where(
        &mut self,
        table: &'static str,
        condition: &str,
        arg: i64,
    ) -> Result<()> {
        for image in read_images_where(&self.tx, table, condition, arg)? {
            let id = image.get("id").and_then(|v| v.as_i64()).unwrap_or_default();
            self.delete(table, id)?;
        }
        Ok(())
    }

    /// A row touched twice in one change keeps its first before and its last after.
    fn record(
        &mut self,
        table: &'static str,
        id: i64,
        before: Option<Image>,
        after: Option<Image>,
    ) {
        match self.index.get(&(table, id)) {
            Some(&i) => self.rows[i].after = after,
            None => {
                self.index.insert((table, id), self.rows.len());
                self.rows.push(RowChange {
                    table: table.to_string(),
                    id,
                    before,
                    after,
                });
            }
        }
    }

    /// Writes the history row (dropping any redo tail) and commits.
    pub(crate) fn commit(self, summary: &str, ref_no: Option<u32>) -> Result<()> {
        let changes =
            serde_json::to_string(&self.rows).map_err(|e| StoreError::Record(e.to_string()))?;
        write_history(
            &self.tx,
            &HistoryRow {
                at: &self.now,
                author: &self.author,
                ref_no,
                summary,
                kind: "rows",
                changes: &changes,
            },
        )?;
        match self.persist {
            Some(persist) => persist.around(|| Ok(self.tx.commit()?)),
            None => Ok(self.tx.commit()?),
        }
    }
}

/// A new change makes the undone tail unreachable: it is dropped, as in every editor.
/// One history row: when, who, what, and the rows it touched (for undo).
pub(crate) struct HistoryRow<'a> {
    pub(crate) at: &'a str,
    pub(crate) author: &'a str,
    pub(crate) ref_no: Option<u32>,
    pub(crate) summary: &'a str,
    pub(crate) kind: &'a str,
    pub(crate) changes: &'a str,
}

pub(crate) fn write_history(tx: &rusqlite::Connection, row: &HistoryRow<'_>) -> Result<()> {
    tx.execute("DELETE FROM history WHERE state = 'undone'", [])?;
    tx.execute(
        "INSERT INTO history (at, author, ref_no, summary, kind, changes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        rusqlite::params![
            row.at,
            row.author,
            row.ref_no,
            row.summary,
            row.kind,
            row.changes
        ],
    )?;
    Ok(())
}
