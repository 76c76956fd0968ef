//! Row images: the before and after of every row a change touched, captured and applied by
//! one routine. Undo and redo are the same code run in opposite directions.

use rusqlite::types::{Value, ValueRef};
use rusqlite::{Connection, params_from_iter};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};

use super::error::{Result, StoreError};

/// Tables in the order their rows may be inserted (parents before children).
pub const TABLES: [&str; 21] = [
    "stages",
    "people",
    "cohorts",
    "projects",
    "roles",
    "score_history",
    "drivers",
    "change_ideas",
    "change_idea_drivers",
    "measures",
    "rebases",
    "data_points",
    "pdsa_cycles",
    "pdsa_measures",
    "benefits",
    "notes",
    "cohort_sessions",
    "enrolments",
    "attendance",
    "agenda_items",
    "actions",
];

/// Every table qiboard writes rows to with undo (notes included).
pub fn table_name(name: &str) -> Result<&'static str> {
    TABLES
        .iter()
        .copied()
        .find(|t| *t == name)
        .ok_or_else(|| StoreError::File(format!("unknown table {name:?} in the undo log")))
}

/// A whole row as column → value, in column order.
pub type Image = Map<String, Json>;

/// One touched row: what it was and what it became (None = absent).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RowChange {
    pub table: String,
    pub id: i64,
    pub before: Option<Image>,
    pub after: Option<Image>,
}

pub fn to_json(value: ValueRef<'_>) -> Json {
    match value {
        ValueRef::Null => Json::Null,
        ValueRef::Integer(i) => Json::from(i),
        ValueRef::Real(f) => serde_json::Number::from_f64(f).map_or(Json::Null, Json::Number),
        ValueRef::Text(t) => Json::String(String::from_utf8_lossy(t).into_owned()),
        ValueRef::Blob(b) => Json::String(String::from_utf8_lossy(b).into_owned()),
    }
}

pub fn to_sql(value: &Json) -> Value {
    match value {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Integer(i64::from(*b)),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::Integer(i),
            None => Value::Real(n.as_f64().unwrap_or(0.0)),
        },
        Json::String(s) => Value::Text(s.clone()),
        other => Value::Text(other.to_string()),
    }
}

/// The current image of one row, or None when it does not exist.
pub fn read_image(conn: &Connection, table: &'static str, id: i64) -> Result<Option<Image>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT * FROM {table} WHERE id = ?1"))?;
    let names: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
    let mut rows = stmt.query([id])?;
    match rows.next()? {
        None => Ok(None),
        Some(row) => {
            let mut image = Map::new();
            for (i, name) in names.iter().enumerate() {
                image.insert(name.clone(), to_json(row.get_ref(i)?));
            }
            Ok(Some(image))
        }
    }
}

/// Images of every row of a table that matches a condition (used to capture cascades).
pub fn read_images_where(
    conn: &Connection,
    table: &'static str,
    condition: &str,
    arg: i64,
) -> Result<Vec<Image>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT * FROM {table} WHERE {condition} ORDER BY id"
    ))?;
    let names: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
    let mut rows = stmt.query([arg])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let mut image = Map::new();
        for (i, name) in names.iter().enumerate() {
            image.insert(name.clone(), to_json(row.get_ref(i)?));
        }
        out.push(image);
    }
    Ok(out)
}

/// Makes the row `id` of `table` equal `image` (insert, overwrite or delete).
pub fn write_image(
    conn: &Connection,
    table: &'static str,
    id: i64,
    current: Option<&Image>,
    image: Option<&Image>,
) -> Result<()> {
    match (current, image) {
        (_, None) => {
            conn.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [id])?;
        }
        (None, Some(image)) => {
            let columns: Vec<&str> = image.keys().map(String::as_str).collect();
            let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
            let sql = format!(
                "INSERT INTO {table} ({}) VALUES ({})",
                columns.join(", "),
                marks.join(", ")
            );
            conn.execute(&sql, params_from_iter(image.values().map(to_sql)))?;
        }
        (Some(_), Some(image)) => {
            let sets: Vec<String> = image
                .keys()
                .enumerate()
                .map(|(i, c)| format!("{c} = ?{}", i + 1))
                .collect();
            let sql = format!(
                "UPDATE {table} SET {} WHERE id = ?{}",
                sets.join(", "),
                image.len() + 1
            );
            let mut values: Vec<Value> = image.values().map(to_sql).collect();
            values.push(Value::Integer(id));
            conn.execute(&sql, params_from_iter(values))?;
        }
    }
    Ok(())
}
