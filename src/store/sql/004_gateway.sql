-- Which items of a stage's gateway checklist a project has met, as ["stage key/item", …]:
-- a move on warns only about the items still open.
ALTER TABLE projects ADD COLUMN gateway_met TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(gateway_met));

-- PDSA cycles started and finished per month (the metrics pane) read these small indexes
-- for the last twelve months instead of every worksheet's text.
CREATE INDEX pdsa_started ON pdsa_cycles (start_date, project_id);
CREATE INDEX pdsa_finished ON pdsa_cycles (end_date, project_id, act) WHERE act IS NOT NULL;
