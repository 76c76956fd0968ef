//! The portfolio's lists a faculty keeps tidy: people (add, rename, merge two spellings of
//! one person), cohorts (add, rename) and the board's stages (name, WIP limit, gateway
//! checklist). Each opens over any pane; its forms save through `forms`, then the list
//! shows again with the change in it.

use super::forms;
use super::overlay::Overlay;
use super::update::people;
use super::{Action, Model};
use crate::store::{Store, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DirectoryKind {
    People,
    Cohorts,
    Stages,
}

impl DirectoryKind {
    pub fn title(self) -> &'static str {
        match self {
            DirectoryKind::People => "People",
            DirectoryKind::Cohorts => "Cohorts",
            DirectoryKind::Stages => "Stage settings",
        }
    }
}

/// One row: what the store finds it by, and what else is worth seeing beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirectoryRow {
    pub name: String,
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directory {
    pub kind: DirectoryKind,
    pub rows: Vec<DirectoryRow>,
    pub selected: usize,
}

impl Directory {
    pub fn read(kind: DirectoryKind, store: &Store) -> Result<Directory, StoreError> {
        let rows = match kind {
            DirectoryKind::People => store
                .people()?
                .into_iter()
                .map(|p| DirectoryRow {
                    detail: [p.division, p.email.unwrap_or_default()]
                        .into_iter()
                        .filter(|t| !t.is_empty())
                        .collect::<Vec<_>>()
                        .join(" · "),
                    name: p.name,
                })
                .collect(),
            DirectoryKind::Cohorts => store
                .cohorts()?
                .into_iter()
                .map(|c| DirectoryRow {
                    detail: [
                        c.programme,
                        c.start_date
                            .map(|d| format!("from {d}"))
                            .unwrap_or_default(),
                    ]
                    .into_iter()
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · "),
                    name: c.name,
                })
                .collect(),
            DirectoryKind::Stages => store
                .stages()?
                .into_iter()
                .map(|s| DirectoryRow {
                    detail: format!(
                        "WIP {} · gateway: {}",
                        s.wip_limit.map_or("none".into(), |n| n.to_string()),
                        if s.gateway.is_empty() {
                            "none".into()
                        } else {
                            s.gateway.join("; ")
                        }
                    ),
                    name: s.name,
                })
                .collect(),
        };
        Ok(Directory {
            kind,
            rows,
            selected: 0,
        })
    }

    pub fn chosen(&self) -> Option<&DirectoryRow> {
        self.rows.get(self.selected)
    }
}

/// Shows a list, keeping the row selected before when it is shown again after a change.
pub(super) fn open(model: &mut Model, kind: DirectoryKind, store: &Store, selected: usize) {
    match Directory::read(kind, store) {
        Ok(mut directory) => {
            directory.selected = selected.min(directory.rows.len().saturating_sub(1));
            model.overlay = Some(Overlay::Directory(directory));
        }
        Err(e) => model.error(e.to_string()),
    }
}

/// Add, edit (rename) or merge from an open list: the form for it.
pub(super) fn act(model: &mut Model, action: Action, store: &Store) {
    let Some(Overlay::Directory(directory)) = &model.overlay else {
        return;
    };
    let (kind, row) = (directory.kind, directory.chosen().cloned());
    let at = directory.selected;
    let form = match (action, kind, row) {
        (Action::ListAdd, DirectoryKind::People, _) => forms::add_person_form(),
        (Action::ListAdd, DirectoryKind::Cohorts, _) => forms::add_cohort_form(),
        (Action::ListEdit, DirectoryKind::People, Some(row)) => {
            forms::rename_person_form(&row.name, at)
        }
        (Action::ListEdit, DirectoryKind::Cohorts, Some(row)) => {
            forms::rename_cohort_form(&row.name, at)
        }
        (Action::ListEdit, DirectoryKind::Stages, Some(row)) => {
            let Some(stage) = store
                .stages()
                .ok()
                .and_then(|s| s.into_iter().find(|s| s.name == row.name))
            else {
                return;
            };
            forms::stage_form(&stage, at)
        }
        (Action::ListMerge, DirectoryKind::People, Some(row)) => {
            let others = people(store)
                .into_iter()
                .filter(|n| *n != row.name)
                .collect();
            forms::merge_person_form(&row.name, others, at)
        }
        // Stages are not added nor cohorts merged (`availability` says why); an empty list
        // has nothing to edit.
        _ => return,
    };
    model.overlay = Some(Overlay::Form(Box::new(form)));
}
