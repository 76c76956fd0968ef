//! Gateway checklists: each stage's items to meet before a project moves on, and which of
//! them each project has met. A move never asks; it warns about the items still open.

use super::Store;
use super::change::Change;
use super::error::{Result, StoreError};
use super::projects::{find_project, text, touch};
use super::reads;
use crate::domain::{Evidence, ProjectFacts, ProjectRef, Stage};

/// One checklist item of a project's current stage, and whether the project has met it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GatewayItem {
    pub item: String,
    pub met: bool,
    /// What the data says, for an item the data answers (`10 PDSA cycles decided`); such an
    /// item is met or not by the data, not by a tick.
    pub from_data: Option<String>,
}

/// What a project's data says for its checklist items, in one query.
pub(crate) fn facts(conn: &rusqlite::Connection, project_id: i64) -> Result<ProjectFacts> {
    Ok(conn.query_row(
        "SELECT
            EXISTS (SELECT 1 FROM roles WHERE project_id = ?1 AND role = 'sponsor'),
            (SELECT length(trim(aim)) > 0 AND length(trim(problem)) > 0 FROM projects WHERE id = ?1),
            (SELECT count(DISTINCT person_id) FROM roles WHERE project_id = ?1 AND role IN ('lead', 'member')),
            (SELECT count(*) FROM data_points WHERE project_id = ?1),
            (SELECT count(*) FROM drivers WHERE project_id = ?1),
            (SELECT count(*) FROM change_ideas WHERE project_id = ?1),
            (SELECT count(*) FROM pdsa_cycles WHERE project_id = ?1),
            (SELECT count(*) FROM pdsa_cycles WHERE project_id = ?1 AND act IS NOT NULL),
            (SELECT count(*) FROM pdsa_cycles WHERE project_id = ?1 AND act = 'adopt')",
        [project_id],
        |r| {
            let n = |i: usize| r.get::<_, i64>(i).map(|v| usize::try_from(v).unwrap_or(0));
            Ok(ProjectFacts {
                has_sponsor: r.get(0)?,
                charter_written: r.get::<_, Option<bool>>(1)?.unwrap_or(false),
                team_size: n(2)?,
                data_points: n(3)?,
                drivers: n(4)?,
                change_ideas: n(5)?,
                pdsa_cycles: n(6)?,
                decided_cycles: n(7)?,
                adopted_cycles: n(8)?,
            })
        },
    )?)
}

fn key(stage: &Stage, item: &str) -> String {
    format!("{}/{item}", stage.key)
}

fn met_items(change: &Change<'_>, project_id: i64) -> Result<Vec<String>> {
    let text: String = change.one(
        "SELECT gateway_met FROM projects WHERE id = ?1",
        [project_id],
        |r| r.get(0),
    )?;
    Ok(serde_json::from_str(&text).unwrap_or_default())
}

/// The items of `stage` a project has not met (for the warning after a move).
pub(crate) fn unmet(change: &Change<'_>, project_id: i64, stage: &Stage) -> Result<Vec<String>> {
    let met = met_items(change, project_id)?;
    let facts = facts(&change.tx, project_id)?;
    Ok(checklist(stage, &met, &facts)
        .into_iter()
        .filter(|g| !g.met)
        .map(|g| g.item)
        .collect())
}

/// A project's stage checklist: items the data answers say what it shows; the others are
/// met when ticked.
pub(crate) fn checklist(
    stage: &Stage,
    ticked: &[String],
    facts: &ProjectFacts,
) -> Vec<GatewayItem> {
    stage
        .gateway
        .iter()
        .map(|item| match Evidence::for_item(item) {
            Some(evidence) => {
                let (met, said) = evidence.answer(facts);
                GatewayItem {
                    item: item.clone(),
                    met,
                    from_data: Some(said),
                }
            }
            None => GatewayItem {
                item: item.clone(),
                met: ticked.contains(&key(stage, item)),
                from_data: None,
            },
        })
        .collect()
}

/// The ticked items as stored (`["stage key/item", …]`).
pub(crate) fn ticked(met_json: &str) -> Vec<String> {
    serde_json::from_str(met_json).unwrap_or_default()
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
            change.one("SELECT stage_id FROM projects WHERE id = ?1", [id], |r| {
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
        if let Some(evidence) = Evidence::for_item(&item) {
            let (_, said) = evidence.answer(&facts(&change.tx, id)?);
            return Err(StoreError::invalid(format!(
                "\"{item}\" is answered from the project's data ({said}), not ticked"
            )));
        }
        let mut met_list = met_items(&change, id)?;
        let wanted = key(&stage, &item);
        met_list.retain(|m| *m != wanted);
        if met {
            met_list.push(wanted);
        }
        met_list.sort();
        let json =
            serde_json::to_string(&met_list).map_err(|e| StoreError::Record(e.to_string()))?;
        touch(&mut change, id, &[("gateway_met", text(&json))])?;
        let word = if met { "met" } else { "not met" };
        change.commit(
            &format!("{reference}: gateway \"{item}\" {word}"),
            Some(reference.0),
        )?;
        Ok(item)
    }
}
