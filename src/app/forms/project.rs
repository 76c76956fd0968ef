//! The project's own forms: add one, edit its charter, score it.

use super::Saved;
use crate::app::Model;
use crate::app::form::{Field, FieldId, Form, FormKind};
use crate::domain::{CharterField, ProgressScore, Project, ProjectRef, parse_date};
use crate::store::{NewProject, Store};

pub(in crate::app) fn add_project_form(people: Vec<String>) -> Form {
    Form::new(
        FormKind::AddProject,
        "Add a project",
        vec![
            Field::new(FieldId::Charter(CharterField::Title), ""),
            Field::new(FieldId::Charter(CharterField::Aim), ""),
            Field::new(FieldId::Lead, "")
                .hint("a name")
                .suggest(people.clone()),
            Field::new(FieldId::Coach, "")
                .hint("a name")
                .suggest(people),
            Field::new(FieldId::Charter(CharterField::Cohort), ""),
            Field::new(FieldId::Charter(CharterField::Division), ""),
        ],
    )
}

/// Every charter field, as the charter's description lists them.
pub(in crate::app) fn edit_project_form(p: &Project) -> Form {
    Form::new(
        FormKind::EditProject {
            reference: p.reference,
            version: p.version,
        },
        format!("Edit {}", p.reference),
        CharterField::ALL
            .into_iter()
            .map(|c| Field::new(FieldId::Charter(c), &c.value(p)))
            .collect(),
    )
}

/// The score form says where the project stands, as the coach weighs the new score.
pub(in crate::app) fn score_form(
    reference: ProjectRef,
    version: i64,
    now: Option<ProgressScore>,
) -> Form {
    let now = now.map_or("not scored yet".to_string(), |s| {
        format!("now {s}: {}", s.meaning())
    });
    Form::new(
        FormKind::Score { reference, version },
        format!("Score {reference} ({now})"),
        vec![
            Field::new(FieldId::Score, "").hint("0.5 to 5.0 in steps of 0.5"),
            Field::new(FieldId::Why, "")
                .multiline()
                .hint("what moved it"),
        ],
    )
    .with_guide(
        ProgressScore::scale()
            .map(|s| (s.to_string(), s.meaning().to_string()))
            .collect(),
    )
}

pub(super) fn add(model: &mut Model, form: &mut Form, store: &mut Store, undo: &str) -> Saved {
    let title = FieldId::Charter(CharterField::Title);
    if let Err(e) = crate::domain::require_title(&form.value(title)) {
        form.set_error(title, e.to_string());
        return None;
    }
    let new = NewProject {
        title: form.value(title),
        aim: form.value(FieldId::Charter(CharterField::Aim)),
        lead: form.optional(FieldId::Lead),
        coach: form.optional(FieldId::Coach),
        cohort: form.optional(FieldId::Charter(CharterField::Cohort)),
        division: form.value(FieldId::Charter(CharterField::Division)),
        stage: model
            .board
            .columns
            .get(model.board.column)
            .map(|c| c.stage.key.clone()),
        ..Default::default()
    };
    Some(store.add_project(&new).map(|reference| {
        // Added: a board that cannot be read now is said, and the card selected when it can.
        match store.board(&model.filter) {
            Ok(board) => model.board.replace(board),
            Err(e) => model.error(e.to_string()),
        }
        model.board.select(reference);
        format!("{reference} added — {undo} to undo")
    }))
}

pub(super) fn edit(
    form: &mut Form,
    store: &mut Store,
    reference: ProjectRef,
    version: i64,
    undo: &str,
) -> Saved {
    let title = FieldId::Charter(CharterField::Title);
    if let Err(e) = crate::domain::require_title(&form.value(title)) {
        form.set_error(title, e.to_string());
        return None;
    }
    for field in CharterField::ALL.into_iter().filter(|c| c.is_date()) {
        let id = FieldId::Charter(field);
        if let Some(text) = form.optional(id)
            && let Err(e) = parse_date(&text)
        {
            form.set_error(id, e.to_string());
            return None;
        }
    }
    // Only what the user changed is written: the rest stays as anyone else left it.
    let fields: Vec<(CharterField, String)> = CharterField::ALL
        .into_iter()
        .filter(|c| form.changed(FieldId::Charter(*c)))
        .map(|c| (c, form.value(FieldId::Charter(c))))
        .collect();
    if fields.is_empty() {
        return Some(Ok(format!("{reference}: nothing changed")));
    }
    Some(
        store
            .edit_project(reference, &fields, Some(version))
            .map(|()| format!("{reference} updated — {undo} to undo")),
    )
}

pub(super) fn score(
    form: &mut Form,
    store: &mut Store,
    reference: ProjectRef,
    version: i64,
    undo: &str,
) -> Saved {
    let score: ProgressScore = match form.value(FieldId::Score).parse() {
        Ok(score) => score,
        Err(e) => {
            form.set_error(FieldId::Score, format!("{e}"));
            return None;
        }
    };
    Some(
        store
            .set_score(
                reference,
                Some(score),
                "",
                &form.value(FieldId::Why),
                Some(version),
            )
            .map(|()| format!("{reference} scored {score} — {undo} to undo")),
    )
}
