-- The id a project has in another system (a Life QI id, a register's row id, a ref from
-- another qiboard): how a second import of the same register updates instead of duplicating.
ALTER TABLE projects ADD COLUMN external_id TEXT NOT NULL DEFAULT '';
