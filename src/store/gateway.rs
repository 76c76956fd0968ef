//! Gateway checklists: each stage's items to meet before a project moves on, and which of
//! them each project has met. A move never asks; it warns about the items still open.

use super::Store;
use super::change::Change;
use super::error::{Result, StoreError};
use super::projects::{find_project, text, touch};
use super::reads;
use crate::domain::{ProjectRef, Stage};

/// One checklist item of a project's current stage, and whether the project has met it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatewayItem {
    pub item: String,
    pub met: bool,
}

fn key(stage: &Stage, item: &str) -> String {
    format!("{}/{item}", stage.key)
}

fn met_items(change: &Change<'_>, project_id: i64) -> Result<Vec<String>> {
    let text: String = change.tx.query_row(
        "SELECT gateway_met FROM projects WHERE id = ?1",
        [project_id],
        |r| r.get(0),
    )?;
    Ok(serde_json::from_str(&text).unwrap_or_default())
}

/// The items of `stage` a project has not met (for the warning after a move).
pub(crate) fn unmet(change: &Change<'_>, project_id: i64, stage: &Stage) -> Result<Vec<String>> {
    let met = met_items(change, project_id)?;
    Ok(stage
        .gateway
        .iter()
        .filter(|item| !met.contains(&key(stage, item)))
        .cloned()
        .collect())
}

/// A project's current stage checklist with what is met, from its stored list.
pub(crate) fn checklist(stage: &Stage, met_json: &str) -> Vec<GatewayItem> {
    let met: Vec<String> = serde_json::from_str(met_json).unwrap_or_default();
    stage
        .gateway
        .iter()
        .map(|item| GatewayItem {
            item: item.clone(),
            met: met.contains(&key(stage, item)),
        })
        .collect()
}

impl Store {
    /// Marks item `number` (1-based) of the project's current stage's gateway as met or not.
    /// Returns the item's text.
    pub fn set_gateway_item(
        &mut self,
        reference: ProjectRef,
        number: usize,
        met: bool,
    ) -> Result<String> {
        let mut change = self.begin()?;
        let (id, _) = find_project(&change, reference)?;
        let stage_id: i64 =
            change
                .tx
                .query_row("SELECT stage_id FROM projects WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
        let stage = reads::stages_on(&change.tx)?
            .into_iter()
            .find(|s| s.id == stage_id)
            .ok_or_else(|| StoreError::invalid(format!("{reference} has no stage")))?;
        let item = number
            .checked_sub(1)
            .and_then(|i| stage.gateway.get(i))
            .cloned()
            .ok_or_else(|| {
                StoreError::invalid(format!(
                    "{} has {} gateway item(s): use 1 to {}",
                    stage.name,
                    stage.gateway.len(),
                    stage.gateway.len()
                ))
            })?;
        let mut met_list = met_items(&change, id)?;
        let wanted = key(&stage, &item);
        met_list.retain(|m| *m != wanted);
        if met {
            met_list.push(wanted);
        }
        met_list.sort();
        let json = serde_json::to_string(&met_list).unwrap_or_else(|_| "[]".into());
        touch(&mut change, id, &[("gateway_met", text(&json))])?;
        let word = if met { "met" } else { "not met" };
        change.commit(
            &format!("{reference}: gateway \"{item}\" {word}"),
            Some(reference.0),
        )?;
        Ok(item)
    }
}
