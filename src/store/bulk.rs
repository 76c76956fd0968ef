//! The whole portfolio as plain rows: dumped for export, loaded for import and the demo in
//! one transaction with one history row. Rows refer to each other by uuid, never by id.

use std::collections::HashMap;

use rusqlite::types::Value;
use rusqlite::{Transaction, params_from_iter};
use serde_json::{Map, Value as Json};

use super::Store;
use super::change::{HistoryRow, write_history};
use super::error::{Result, StoreError};
use super::rows::{Image, TABLES, read_images_where, table_name, to_json, to_sql, write_image};
use super::spc_summary::refresh_all_spc_summaries;
use crate::clock::format_time;

/// One row as field → value; references are the uuid of the row referred to.
pub type BulkRow = Map<String, Json>;

/// Every table's rows, parents before children, in a stable order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Portfolio {
    pub next_ref: u32,
    pub tables: Vec<(&'static str, Vec<BulkRow>)>,
}

/// All tables that hold what users entered, in insertion order.
pub fn all_tables() -> impl Iterator<Item = &'static str> {
    TABLES.iter().copied()
}

/// The largest ref a portfolio gives (QI-2147483647): far beyond any trust, safe everywhere.
pub const MAX_REF: u32 = i32::MAX as u32;

/// Tables whose rows other rows refer to (by uuid in a document).
const REFERENCED: [&str; 9] = [
    "stages",
    "people",
    "cohorts",
    "projects",
    "drivers",
    "change_ideas",
    "measures",
    "pdsa_cycles",
    "cohort_sessions",
];

/// A reference column, the field name it has in documents, and the table it points at.
fn reference(column: &str) -> Option<(&'static str, &'static str)> {
    Some(match column {
        "stage_id" => ("stage", "stages"),
        "cohort_id" => ("cohort", "cohorts"),
        "project_id" => ("project", "projects"),
        "person_id" => ("person", "people"),
        "parent_id" => ("parent", "drivers"),
        "change_idea_id" => ("change_idea", "change_ideas"),
        "driver_id" => ("driver", "drivers"),
        "measure_id" => ("measure", "measures"),
        "pdsa_id" => ("pdsa", "pdsa_cycles"),
        "main_measure_id" => ("main_measure", "measures"),
        "session_id" => ("session", "cohort_sessions"),
        _ => return None,
    })
}

fn column_for_field(field: &str, columns: &[String]) -> Option<(String, Option<&'static str>)> {
    for column in columns {
        if let Some((name, target)) = reference(column) {
            if name == field {
                return Some((column.clone(), Some(target)));
            }
        } else if column == field && column != "id" {
            return Some((column.clone(), None));
        }
    }
    None
}

fn columns_of(tx: &rusqlite::Connection, table: &str) -> Result<Vec<String>> {
    let stmt = tx.prepare(&format!("SELECT * FROM {table} LIMIT 0"))?;
    Ok(stmt.column_names().iter().map(|c| c.to_string()).collect())
}

impl Store {
    /// Every row of the portfolio, ids replaced by uuids, each table in id order.
    pub fn dump(&self) -> Result<Portfolio> {
        let mut uuids: HashMap<&'static str, HashMap<i64, String>> = HashMap::new();
        // A project names its main measure, whose table comes later: know measures first.
        uuids.insert("measures", {
            let mut stmt = self.conn.prepare("SELECT id, uuid FROM measures")?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        });
        let mut tables = Vec::new();
        for table in all_tables() {
            let mut stmt = self
                .conn
                .prepare(&format!("SELECT * FROM {table} ORDER BY id"))?;
            let names: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
            let mut rows = stmt.query([])?;
            let mut out = Vec::new();
            let mut own = HashMap::new();
            while let Some(row) = rows.next()? {
                let mut image = Map::new();
                let mut id = 0;
                for (i, name) in names.iter().enumerate() {
                    let value = row.get_ref(i)?;
                    if name == "id" {
                        id = value.as_i64().unwrap_or_default();
                        continue;
                    }
                    match reference(name) {
                        Some((field, target)) => {
                            let resolved = match value.as_i64_or_null().ok().flatten() {
                                None => Json::Null,
                                Some(fk) => uuids
                                    .get(target)
                                    .and_then(|m| m.get(&fk))
                                    .or_else(|| (target == table).then(|| own.get(&fk)).flatten())
                                    .map_or(Json::Null, |u: &String| Json::String(u.clone())),
                            };
                            image.insert(field.to_string(), resolved);
                        }
                        None => {
                            image.insert(name.clone(), to_json(value));
                        }
                    }
                }
                if let Some(Json::String(uuid)) = image.get("uuid") {
                    own.insert(id, uuid.clone());
                }
                out.push(image);
            }
            uuids.insert(table, own);
            tables.push((table, out));
        }
        Ok(Portfolio {
            next_ref: self.next_ref()?,
            tables,
        })
    }

    /// Loads a whole portfolio into an empty one: one transaction, one history row, all or
    /// nothing. Stages in the document replace the default ones. `on_row` reports progress.
    pub fn load(
        &mut self,
        portfolio: &Portfolio,
        summary: &str,
        on_row: &mut dyn FnMut(usize),
    ) -> Result<()> {
        let mut loader = self.loader()?;
        loader.load(portfolio, on_row)?;
        loader.finish(summary, portfolio.next_ref)
    }

    /// Starts a load that comes in parts (a generated portfolio, made a few hundred projects
    /// at a time so it is never all in memory): each part is loaded parents first and may
    /// refer to rows of earlier parts; nothing is kept unless [`Loader::finish`] commits.
    /// A portfolio whose file does not exist yet is loaded straight into its file-to-be
    /// (renamed into place when the load commits), not into memory.
    pub fn loader(&mut self) -> Result<Loader<'_>> {
        // A file another qiboard made meanwhile is taken up before asking whether it is empty.
        self.settle()?;
        if !self.is_empty()? {
            return Err(StoreError::invalid(
                "the portfolio is not empty: load into a new one (--db NEW_FILE)",
            ));
        }
        let cache: i64 = self.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        let in_memory = if self.is_unsaved() {
            self.stage()?
        } else {
            None
        };
        let staged = in_memory.is_some();
        let now = format_time(self.clock.now());
        // From here on a failure drops the loader, which puts everything back.
        let mut loader = Loader {
            store: self,
            open: false,
            staged,
            in_memory,
            cache,
            now,
            watermarks: Map::new(),
            ids: HashMap::new(),
            main_measures: Vec::new(),
            max_ref: 0,
            done: 0,
        };
        // A big load in one transaction: a larger page cache keeps SQLite from spilling dirty
        // pages to the WAL again and again (the default is 2 MB), within a memory budget.
        loader
            .store
            .conn
            .execute_batch("PRAGMA cache_size = -65536")?;
        // `&mut self` guarantees no other transaction is open on this connection.
        loader.store.conn.execute_batch("BEGIN IMMEDIATE")?;
        loader.open = true;
        let conn = &loader.store.conn;
        loader.watermarks = watermarks(conn)?;
        // Existing stages can be referred to (the demo uses the default ones).
        let mut stage_ids = HashMap::new();
        {
            let mut stmt = conn.prepare("SELECT uuid, id FROM stages")?;
            let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?;
            for row in rows {
                let (uuid, id) = row?;
                stage_ids.insert(uuid, id);
            }
        }
        loader.ids.insert("stages", stage_ids);
        Ok(loader)
    }
}

/// A load under way: one transaction, rolled back if dropped before [`Loader::finish`].
pub struct Loader<'s> {
    store: &'s mut Store,
    /// The transaction is open (until committed or rolled back).
    open: bool,
    /// Loading into the staging file of a portfolio that did not exist yet.
    staged: bool,
    /// The portfolio in memory before the load was staged, to go back to if it is dropped.
    in_memory: Option<rusqlite::Connection>,
    /// The page cache to go back to.
    cache: i64,
    now: String,
    watermarks: Map<String, Json>,
    /// Uuid → row id of the rows loaded so far that other rows refer to.
    ids: HashMap<&'static str, HashMap<String, i64>>,
    /// Main measures are set once the measures exist: (project row id, measure uuid, index).
    main_measures: Vec<(i64, String, usize)>,
    max_ref: u32,
    done: usize,
}

impl Drop for Loader<'_> {
    fn drop(&mut self) {
        if self.open {
            let _ = self.store.conn.execute_batch("ROLLBACK");
        }
        if self.staged
            && let Some(in_memory) = self.in_memory.take()
        {
            // Not finished: the file-to-be goes, and the portfolio is the empty one again.
            self.store.unstage(in_memory);
        } else {
            let _ = self
                .store
                .conn
                .execute_batch(&format!("PRAGMA cache_size = {}", self.cache));
        }
    }
}

impl Loader<'_> {
    /// Loads one part: its tables in order, parents before children.
    pub fn load(&mut self, portfolio: &Portfolio, on_row: &mut dyn FnMut(usize)) -> Result<()> {
        let replaces_stages = portfolio
            .tables
            .iter()
            .any(|(t, rows)| *t == "stages" && !rows.is_empty());
        if replaces_stages {
            if self.done > 0 {
                return Err(StoreError::invalid(
                    "stages must come first in a portfolio, before any other row",
                ));
            }
            self.store.conn.execute("DELETE FROM stages", [])?;
            self.ids.insert("stages", HashMap::new());
        }
        for (table, rows) in &portfolio.tables {
            let table = table_name(table)?;
            self.load_table(table, rows, on_row)?;
        }
        on_row(self.done);
        Ok(())
    }

    fn load_table(
        &mut self,
        table: &'static str,
        rows: &[BulkRow],
        on_row: &mut dyn FnMut(usize),
    ) -> Result<()> {
        let tx = &self.store.conn;
        let columns = columns_of(tx, table)?;
        let mut own = self.ids.remove(table).unwrap_or_default();
        // Only rows that others refer to need their uuid remembered (not 500,000 points).
        let referenced = REFERENCED.contains(&table);
        // Rows of one table usually share their fields: map them to columns once.
        let mut shape: Vec<String> = Vec::new();
        let mut mapped: Vec<(String, Option<&'static str>)> = Vec::new();
        let mut sql = String::new();
        for (index, row) in rows.iter().enumerate() {
            let at = |message: String| StoreError::invalid(format!("{table}[{index}]: {message}"));
            if row.len() != shape.len() || row.keys().zip(&shape).any(|(a, b)| a != b) {
                shape = row.keys().cloned().collect();
                mapped.clear();
                for field in &shape {
                    let Some(found) = column_for_field(field, &columns) else {
                        return Err(at(format!("unknown field {field:?}")));
                    };
                    mapped.push(found);
                }
                let names: Vec<&str> = mapped
                    .iter()
                    .map(|(c, _)| c.as_str())
                    .filter(|c| *c != "main_measure_id")
                    .collect();
                let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
                sql = format!(
                    "INSERT INTO {table} ({}) VALUES ({})",
                    names.join(", "),
                    marks.join(", ")
                );
            }
            let mut values = Vec::with_capacity(row.len());
            let mut main_measure = None;
            for ((field, value), (column, target)) in row.iter().zip(&mapped) {
                let (column, target) = (column.as_str(), *target);
                if column == "main_measure_id" {
                    if let Json::String(uuid) = value {
                        main_measure = Some(uuid.clone());
                    }
                    continue;
                }
                let sql_value = match (target, value) {
                    (Some(_), Json::Null) => Value::Null,
                    (Some(target), Json::String(uuid)) => {
                        let found = if target == table {
                            own.get(uuid)
                        } else {
                            self.ids.get(target).and_then(|m| m.get(uuid))
                        };
                        match found {
                            Some(id) => Value::Integer(*id),
                            None => {
                                return Err(at(format!(
                                    "{field} {uuid:?} refers to no row of {target}"
                                )));
                            }
                        }
                    }
                    (Some(_), other) => {
                        return Err(at(format!("{field} must be a uuid, not {other}")));
                    }
                    (None, Json::Bool(_) | Json::Array(_) | Json::Object(_)) => {
                        return Err(at(format!("{field} has a value of the wrong kind")));
                    }
                    (None, other) => to_sql(other),
                };
                if table == "projects"
                    && column == "ref_no"
                    && let Value::Integer(n) = sql_value
                {
                    // Refs stay well inside what every reader of them can hold.
                    let n = u32::try_from(n)
                        .ok()
                        .filter(|n| *n <= MAX_REF)
                        .ok_or_else(|| at(format!("ref_no {n} is not between 1 and {MAX_REF}")))?;
                    self.max_ref = self.max_ref.max(n);
                }
                values.push(sql_value);
            }
            tx.prepare_cached(&sql)?
                .execute(params_from_iter(values))
                .map_err(|e| at(constraint_message(&e)))?;
            let id = tx.last_insert_rowid();
            if referenced && let Some(Json::String(uuid)) = row.get("uuid") {
                own.insert(uuid.clone(), id);
            }
            if let Some(uuid) = main_measure {
                self.main_measures.push((id, uuid, index));
            }
            self.done += 1;
            if self.done.is_multiple_of(4096) {
                on_row(self.done);
            }
        }
        self.ids.insert(table, own);
        Ok(())
    }

    /// Sets what needed every part (main measures, lead names, card icons), writes the one
    /// history row and commits; a new portfolio's file then takes its place.
    pub fn finish(mut self, summary: &str, next_ref: u32) -> Result<()> {
        let tx = &self.store.conn;
        for (project_id, uuid, index) in &self.main_measures {
            let measure = self
                .ids
                .get("measures")
                .and_then(|m| m.get(uuid))
                .ok_or_else(|| {
                    StoreError::invalid(format!(
                        "projects[{index}]: main_measure {uuid:?} refers to no row of measures"
                    ))
                })?;
            tx.execute(
                "UPDATE projects SET main_measure_id = ?1 WHERE id = ?2",
                [*measure, *project_id],
            )?;
        }
        let first_project = self
            .watermarks
            .get("projects")
            .and_then(Json::as_i64)
            .unwrap_or(0);
        tx.execute(
            "UPDATE projects SET lead_name = (
                 SELECT pe.name FROM roles r JOIN people pe ON pe.id = r.person_id
                 WHERE r.project_id = projects.id AND r.role = 'lead')
             WHERE id > ?1",
            [first_project],
        )?;
        refresh_all_spc_summaries(tx)?;
        let next = next_ref
            .min(MAX_REF)
            .max(self.max_ref.saturating_add(1))
            .max(next_ref_in(tx)?);
        tx.execute(
            "UPDATE meta SET value = ?1 WHERE key = 'next_ref'",
            [next.to_string()],
        )?;
        let payload = serde_json::json!({ "watermarks": self.watermarks }).to_string();
        write_history(
            tx,
            &HistoryRow {
                at: &self.now,
                author: &self.store.author,
                ref_no: None,
                summary,
                kind: "bulk",
                changes: &payload,
            },
        )?;
        tx.execute_batch("COMMIT")?;
        self.open = false;
        if self.staged {
            // If placing the file fails, dropping the loader removes it: not saved, and said.
            self.store.unveil()?;
            // Placed: whatever happens next, the load is in the portfolio's file.
            self.staged = false;
            self.store.settle()?;
        }
        Ok(())
    }
}

fn next_ref_in(tx: &rusqlite::Connection) -> Result<u32> {
    let next: String = tx.query_row("SELECT value FROM meta WHERE key = 'next_ref'", [], |r| {
        r.get(0)
    })?;
    Ok(next.parse().unwrap_or(1))
}

/// A constraint failure said in words: which rule the row broke.
fn constraint_message(error: &rusqlite::Error) -> String {
    let text = error.to_string();
    if let Some(rest) = text.strip_prefix("CHECK constraint failed: ") {
        format!("breaks the rule {rest}")
    } else if text.starts_with("UNIQUE constraint failed") {
        format!(
            "repeats a value that must be unique ({})",
            text.trim_start_matches("UNIQUE constraint failed: ")
        )
    } else if text.starts_with("NOT NULL constraint failed") {
        format!(
            "misses a required field ({})",
            text.trim_start_matches("NOT NULL constraint failed: ")
        )
    } else {
        text
    }
}

fn watermarks(tx: &rusqlite::Connection) -> Result<Map<String, Json>> {
    let mut marks = Map::new();
    for table in all_tables() {
        let max: i64 = tx.query_row(
            &format!("SELECT coalesce(max(id), 0) FROM {table}"),
            [],
            |r| r.get(0),
        )?;
        marks.insert(table.to_string(), Json::from(max));
    }
    Ok(marks)
}

/// Undo of a load: keep the loaded rows' images in the history row (for redo), then delete
/// them, children first. The default stages come back when a load had replaced them.
pub(crate) fn undo_load(tx: &Transaction<'_>, payload: &mut Map<String, Json>) -> Result<()> {
    let marks = payload
        .get("watermarks")
        .and_then(|m| m.as_object())
        .cloned()
        .unwrap_or_default();
    let mut kept = Map::new();
    let tables: Vec<&'static str> = all_tables().collect();
    for table in tables.iter().rev() {
        let mark = marks.get(*table).and_then(|m| m.as_i64()).unwrap_or(0);
        let images = read_images_where(tx, table, "id > ?1", mark)?;
        tx.execute(&format!("DELETE FROM {table} WHERE id > ?1"), [mark])?;
        kept.insert(
            table.to_string(),
            Json::Array(images.into_iter().map(Json::Object).collect()),
        );
    }
    let stages: i64 = tx.query_row("SELECT count(*) FROM stages", [], |r| r.get(0))?;
    if stages == 0 {
        for stage in crate::domain::default_stages() {
            tx.execute(
                "INSERT INTO stages (uuid, key, name, position, wip_limit, gateway) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![uuid::Uuid::new_v4().to_string(), stage.key, stage.name, stage.position, stage.wip_limit, serde_json::to_string(&stage.gateway).unwrap_or_default()],
            )?;
        }
    }
    payload.insert("rows".into(), Json::Object(kept));
    Ok(())
}

/// Redo of a load: the kept rows come back with their ids and uuids.
pub(crate) fn redo_load(tx: &Transaction<'_>, payload: &mut Map<String, Json>) -> Result<()> {
    let Some(Json::Object(kept)) = payload.remove("rows") else {
        return Err(StoreError::File(
            "the undone load kept no rows; cannot redo it".into(),
        ));
    };
    let has_stages = kept
        .get("stages")
        .and_then(|s| s.as_array())
        .is_some_and(|s| !s.is_empty());
    if has_stages {
        tx.execute("DELETE FROM stages", [])?;
    }
    for table in all_tables() {
        if let Some(Json::Array(images)) = kept.get(table) {
            for image in images {
                if let Json::Object(image) = image {
                    let id = image.get("id").and_then(|v| v.as_i64()).unwrap_or_default();
                    write_image(tx, table, id, None, Some(image as &Image))?;
                }
            }
        }
    }
    Ok(())
}
