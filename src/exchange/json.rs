//! The portfolio as one JSON document: lossless and stable, so export → import → export
//! gives the same bytes. No export time or path in it; rows refer to each other by uuid.

use serde_json::{Map, Value};
use thiserror::Error;

use crate::store::{BulkRow, Portfolio};

/// What the document says it is; anything else is refused as foreign.
pub const FORMAT: &str = "qiboard-portfolio";
/// Bumped when the document's shape changes; a newer document is refused, not guessed at.
/// Version 2 added cohort sessions, enrolments, attendance, agendas and actions.
pub const FORMAT_VERSION: u64 = 2;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum DocumentError {
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("this is not a qiboard portfolio export (no \"format\": \"{FORMAT}\")")]
    Foreign,
    #[error(
        "this export is format version {0}, newer than this qiboard reads ({FORMAT_VERSION}); \
         use a newer qiboard"
    )]
    Newer(u64),
    #[error("{0}")]
    Shape(String),
}

/// The document's text, two-space indented, ending in a newline.
pub fn to_json(portfolio: &Portfolio) -> String {
    let mut doc = Map::new();
    doc.insert("format".into(), Value::from(FORMAT));
    doc.insert("format_version".into(), Value::from(FORMAT_VERSION));
    doc.insert("next_ref".into(), Value::from(portfolio.next_ref));
    for (table, rows) in &portfolio.tables {
        doc.insert(
            (*table).to_string(),
            Value::Array(rows.iter().cloned().map(Value::Object).collect()),
        );
    }
    let mut text = serde_json::to_string_pretty(&Value::Object(doc)).unwrap_or_default();
    text.push('\n');
    text
}

/// Reads a document, refusing foreign, newer and malformed ones with where and why.
pub fn from_json(text: &str) -> Result<Portfolio, DocumentError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| DocumentError::Syntax {
        line: e.line(),
        column: e.column(),
        message: syntax_message(&e),
    })?;
    let Value::Object(mut doc) = value else {
        return Err(DocumentError::Foreign);
    };
    if doc.remove("format") != Some(Value::from(FORMAT)) {
        return Err(DocumentError::Foreign);
    }
    match doc.remove("format_version").and_then(|v| v.as_u64()) {
        Some(v) if v > FORMAT_VERSION => return Err(DocumentError::Newer(v)),
        Some(_) => {}
        None => return Err(DocumentError::Shape("\"format_version\" is missing".into())),
    }
    let next_ref = match doc.remove("next_ref") {
        Some(v) => v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| DocumentError::Shape("\"next_ref\" must be a whole number".into()))?,
        None => 1,
    };
    let mut tables = Vec::new();
    for table in crate::store::all_tables() {
        match doc.remove(table) {
            None => {}
            Some(Value::Array(rows)) => {
                let rows = rows
                    .into_iter()
                    .enumerate()
                    .map(|(i, row)| match row {
                        Value::Object(map) => Ok(map),
                        _ => Err(DocumentError::Shape(format!(
                            "{table}[{i}] is not an object"
                        ))),
                    })
                    .collect::<Result<Vec<BulkRow>, _>>()?;
                tables.push((table, rows));
            }
            Some(_) => return Err(DocumentError::Shape(format!("\"{table}\" must be a list"))),
        }
    }
    if let Some(key) = doc.keys().next() {
        return Err(DocumentError::Shape(format!("unknown section {key:?}")));
    }
    Ok(Portfolio { next_ref, tables })
}

/// serde's message without its own " at line L column C" tail (we say where first).
fn syntax_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_say_line_and_column() {
        let err = from_json("{\n  \"format\": \"qiboard-portfolio\",\n  oops\n}").unwrap_err();
        assert!(
            matches!(
                err,
                DocumentError::Syntax {
                    line: 3,
                    column: 3,
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn foreign_and_newer_documents_are_refused() {
        assert_eq!(from_json("{\"tasks\": []}"), Err(DocumentError::Foreign));
        assert_eq!(from_json("[1, 2]"), Err(DocumentError::Foreign));
        let newer = "{\"format\": \"qiboard-portfolio\", \"format_version\": 99}";
        assert_eq!(from_json(newer), Err(DocumentError::Newer(99)));
    }
}
