//! The portfolio in and out from the app, as `import projects` and `export workbook` do it on
//! the command line (the same readers and writers in `exchange/`): an import asks for a file,
//! shows what a dry run found, and writes only when the coach says yes; an export writes the
//! whole portfolio to the exports folder and says where.

use std::path::PathBuf;

use super::form::{Field, FieldId, Form, FormKind};
use super::forms::Submitted;
use super::overlay::{Confirm, ConfirmPurpose};
use super::update::{changed, refused};
use super::{Action, Model};
use crate::exchange::register::{
    Register, RegisterError, RegisterFileError, read_register_file, summary,
};
use crate::exchange::{files, register_export};
use crate::store::{ImportError, RowAction, Store};

/// Bad cells listed under the form; the count says how many more.
const CELLS_SHOWN: usize = 5;

/// An import the dry run has checked, waiting for the coach's yes.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingImport {
    pub register: Register,
    /// The file's name, as the history and the score history record it.
    pub source: String,
}

pub(super) fn import_form() -> Form {
    Form::new(
        FormKind::ImportProjects,
        "Import projects from Excel or CSV",
        vec![
            Field::new(FieldId::File, "").hint("a path: paste it, or drop the file on this window"),
            Field::new(FieldId::Sheet, "").hint("optional: else the first with a project header"),
        ],
    )
}

/// A path as a terminal gives it when a file is dropped or pasted: quoted, `file://`, or
/// with its spaces escaped.
pub fn dropped_path(text: &str) -> PathBuf {
    let mut text = text.trim();
    for quote in ['"', '\''] {
        if text.len() > 1 && text.starts_with(quote) && text.ends_with(quote) {
            text = &text[1..text.len() - 1];
        }
    }
    let text = text.strip_prefix("file://").unwrap_or(text);
    let text = if cfg!(windows) {
        text.to_string()
    } else {
        text.replace("%20", " ").replace("\\ ", " ")
    };
    match text.strip_prefix("~/") {
        Some(rest) => directories::UserDirs::new()
            .map(|u| u.home_dir().join(rest))
            .unwrap_or_else(|| PathBuf::from(&text)),
        None => PathBuf::from(text),
    }
}

/// Reads the file and runs the import dry: the confirmation to show (or that there is nothing
/// to import), else `None` with what was wrong under the form.
pub(super) fn check_import(form: &mut Form, store: &mut Store) -> Option<Submitted> {
    let typed = form.value(FieldId::File);
    if typed.trim().is_empty() {
        form.set_error(FieldId::File, "required: the register's path");
        return None;
    }
    let path = dropped_path(&typed);
    // Standard input is the keyboard here: reading it would hang the app.
    if path == std::path::Path::new("-") {
        form.set_error(
            FieldId::File,
            "a file's path ('-', standard input, works on the command line)",
        );
        return None;
    }
    let sheet = form.value(FieldId::Sheet);
    let sheet = Some(sheet.trim()).filter(|s| !s.is_empty());
    let stages = match store.stages() {
        Ok(stages) => stages,
        Err(e) => {
            form.error = Some(e.to_string());
            return None;
        }
    };
    let register = match read_register_file(&path, sheet, &[], &stages) {
        Ok(register) => register,
        Err(e) => {
            refuse_file(form, &e);
            return None;
        }
    };
    let source = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let outcome = match store.import_projects(&register.rows, &source, true) {
        Ok(outcome) => outcome,
        Err(ImportError::Row(row)) => {
            form.set_error(FieldId::File, row.to_string());
            return None;
        }
        Err(ImportError::Store(e)) => {
            form.error = Some(e.to_string());
            return None;
        }
    };
    let found = summary(&outcome, &register);
    let writes = outcome.count(RowAction::Added) + outcome.count(RowAction::Updated);
    if writes == 0 {
        return Some(Submitted::Changed(format!(
            "Nothing to import from {source}: {found}"
        )));
    }
    Some(Submitted::Confirm(Confirm {
        title: format!("Import {source}?"),
        question: vec![
            format!("A dry run, nothing written yet: {found}."),
            String::new(),
            "Import it? It is one change: undo takes all of it back.".into(),
            String::new(),
        ],
        yes: "import",
        no: "cancel",
        purpose: ConfirmPurpose::ImportProjects(Box::new(PendingImport { register, source })),
    }))
}

/// The file's refusal on the form: the first lines under the File field, the rest counted.
fn refuse_file(form: &mut Form, error: &RegisterFileError) {
    match error {
        RegisterFileError::Register {
            error: RegisterError::BadCells { sheet, cells },
            ..
        } => {
            let sheet = sheet
                .as_ref()
                .map(|s| format!("sheet {s:?}, "))
                .unwrap_or_default();
            form.set_error(
                FieldId::File,
                format!(
                    "{} bad cell{}: nothing was imported",
                    cells.len(),
                    if cells.len() == 1 { "" } else { "s" }
                ),
            );
            form.guide = cells
                .iter()
                .take(CELLS_SHOWN)
                .map(|c| {
                    (
                        format!("{sheet}row {}", c.row),
                        format!("{}: {:?} is not {}", c.column, c.value, c.expected),
                    )
                })
                .collect();
            if cells.len() > CELLS_SHOWN {
                form.guide.push((
                    "…".into(),
                    format!("and {} more", cells.len() - CELLS_SHOWN),
                ));
            }
        }
        other => {
            form.guide.clear();
            let lines = other.lines(1);
            form.set_error(FieldId::File, lines.join(" "));
        }
    }
}

/// The coach said yes: the import for real, as one change.
pub(super) fn import(model: &mut Model, store: &mut Store, pending: &PendingImport) {
    match store.import_projects(&pending.register.rows, &pending.source, false) {
        Ok(outcome) => {
            let undo = model.key_hint(Action::Undo);
            changed(
                model,
                store,
                format!(
                    "Imported {}: {} — {undo} undoes all of it",
                    pending.source,
                    summary(&outcome, &pending.register)
                ),
            );
            // The first new card is where the coach looks next.
            let first_added = outcome
                .rows
                .iter()
                .find(|r| r.action == RowAction::Added)
                .map(|r| r.reference);
            if let Some(reference) = first_added
                && model.board.select(reference)
            {
                model.board.keep_in_view(model.size);
            }
        }
        Err(ImportError::Row(row)) => model.refuse(format!("{}, {row}", pending.source)),
        Err(ImportError::Store(e)) => refused(model, store, e),
    }
}

/// The whole portfolio as an Excel workbook in the exports folder, named for the day.
pub(super) fn export_workbook(model: &mut Model, store: &Store) {
    let Some(dir) = model.config.export_dir() else {
        model.error("Cannot find your Documents folder: set exports in config.toml");
        return;
    };
    let written = store.register().and_then(|rows| {
        let sheets = store.portfolio_sheets(&mut || {})?;
        Ok((rows, sheets))
    });
    let (rows, sheets) = match written {
        Ok(read) => read,
        Err(e) => {
            model.error(e.to_string());
            return;
        }
    };
    let bytes = match register_export::workbook(&rows, &sheets, &mut || {}) {
        Ok(bytes) => bytes,
        Err(e) => {
            model.error(format!("The workbook could not be made: {e}"));
            return;
        }
    };
    let name = format!("portfolio-{}.xlsx", model.today);
    match files::write_export(&dir, &name, &bytes) {
        // The path is what the coach needs; the counts are in the workbook.
        Ok(path) => model.info_with_path(
            format!("Workbook of {} projects written to", rows.len()),
            &path,
        ),
        Err(e) => model.error(format!("Cannot write {}: {e}", dir.join(&name).display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_or_pasted_path_is_the_file_it_names() {
        assert_eq!(dropped_path("  'reg.xlsx' "), PathBuf::from("reg.xlsx"));
        assert_eq!(
            dropped_path("\"C:/QI/reg.xlsx\""),
            PathBuf::from("C:/QI/reg.xlsx")
        );
        if !cfg!(windows) {
            assert_eq!(
                dropped_path("file:///tmp/My%20register.xlsx"),
                PathBuf::from("/tmp/My register.xlsx")
            );
            assert_eq!(
                dropped_path("/tmp/My\\ register.xlsx"),
                PathBuf::from("/tmp/My register.xlsx")
            );
        }
        assert_eq!(dropped_path("'"), PathBuf::from("'"));
    }
}
