-- Which items of a stage's gateway checklist a project has met, as ["stage key/item", …]:
-- a move on warns only about the items still open.
ALTER TABLE projects ADD COLUMN gateway_met TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(gateway_met));
