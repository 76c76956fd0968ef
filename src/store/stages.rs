//! Setting up the board's stages: a name, a WIP limit, the gateway checklist. Each edit is
//! one change with its history row, undone like any other.

use rusqlite::types::Value;

use super::Store;
use super::error::{Result, StoreError};
use super::projects::{find_stage, text};
use crate::domain::{Stage, require_text};

/// A stage's WIP limit as it is set: a number of projects, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WipLimit {
    Limit(i64),
    None,
}

impl Store {
    /// Renames a stage, sets its WIP limit and/or replaces its gateway checklist, as one
    /// change; returns the stage as it now is.
    pub fn edit_stage(
        &mut self,
        stage: &str,
        name: Option<&str>,
        wip: Option<WipLimit>,
        gateway: Option<&[String]>,
    ) -> Result<Stage> {
        let mut change = self.begin()?;
        let found = find_stage(&change, stage)?;
        let mut columns: Vec<(&str, Value)> = Vec::new();
        if let Some(name) = name {
            let name = require_text("stage name", name)?;
            let taken = super::reads::stages_on(&change.tx)?
                .into_iter()
                .any(|s| s.id != found.id && s.name.eq_ignore_ascii_case(name.trim()));
            if taken {
                return Err(StoreError::invalid(format!(
                    "another stage is already called {:?}",
                    name.trim()
                )));
            }
            columns.push(("name", text(name.trim())));
        }
        match wip {
            Some(WipLimit::Limit(n)) if n < 1 => {
                return Err(StoreError::invalid(format!(
                    "a WIP limit of {n}: it is a whole number of projects, at least 1"
                )));
            }
            Some(WipLimit::Limit(n)) => columns.push(("wip_limit", Value::Integer(n))),
            Some(WipLimit::None) => columns.push(("wip_limit", Value::Null)),
            None => {}
        }
        if let Some(items) = gateway {
            let mut kept: Vec<String> = Vec::new();
            for item in items.iter().map(|i| i.trim()).filter(|i| !i.is_empty()) {
                if kept.iter().any(|k| k.eq_ignore_ascii_case(item)) {
                    return Err(StoreError::invalid(format!(
                        "the gateway lists {item:?} twice"
                    )));
                }
                kept.push(item.to_string());
            }
            if kept != found.gateway {
                let json =
                    serde_json::to_string(&kept).map_err(|e| StoreError::Record(e.to_string()))?;
                columns.push(("gateway", text(&json)));
            }
        }
        if columns.is_empty() {
            return Ok(found);
        }
        change.update("stages", found.id, &columns)?;
        let summary = format!("stage {} edited", found.name);
        change.commit(&summary, None)?;
        self.stage_by_id(found.id)
    }

    /// Adds an item to a stage's gateway checklist (the items in order, each once).
    pub fn add_gateway_item(&mut self, stage: &str, item: &str) -> Result<Stage> {
        let item = require_text("gateway item", item)?.trim().to_string();
        self.set_gateway(stage, |items| {
            if items.iter().any(|i| i.eq_ignore_ascii_case(&item)) {
                return Err(StoreError::invalid(format!(
                    "the gateway already has {item:?}"
                )));
            }
            items.push(item.clone());
            Ok(format!("gateway item added: {item}"))
        })
    }

    /// Removes an item (named in any case) from a stage's gateway checklist.
    pub fn remove_gateway_item(&mut self, stage: &str, item: &str) -> Result<Stage> {
        let wanted = item.trim().to_string();
        self.set_gateway(stage, |items| {
            let Some(at) = items.iter().position(|i| i.eq_ignore_ascii_case(&wanted)) else {
                return Err(StoreError::invalid(format!(
                    "the gateway has no item {wanted:?} (it has: {})",
                    if items.is_empty() {
                        "none".to_string()
                    } else {
                        items.join("; ")
                    }
                )));
            };
            let removed = items.remove(at);
            Ok(format!("gateway item removed: {removed}"))
        })
    }

    fn set_gateway(
        &mut self,
        stage: &str,
        edit: impl FnOnce(&mut Vec<String>) -> Result<String>,
    ) -> Result<Stage> {
        let mut change = self.begin()?;
        let found = find_stage(&change, stage)?;
        let mut items = found.gateway.clone();
        let said = edit(&mut items)?;
        let json = serde_json::to_string(&items).map_err(|e| StoreError::Record(e.to_string()))?;
        change.update("stages", found.id, &[("gateway", text(&json))])?;
        change.commit(&format!("stage {}: {said}", found.name), None)?;
        self.stage_by_id(found.id)
    }

    fn stage_by_id(&self, id: i64) -> Result<Stage> {
        self.stages()?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| StoreError::invalid("the stage went missing meanwhile"))
    }
}
