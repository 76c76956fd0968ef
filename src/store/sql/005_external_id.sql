-- The id a project has in another system (a Life QI id, a register's row id, a ref from
-- another qiboard): how a second import of the same register updates instead of duplicating.
ALTER TABLE projects ADD COLUMN external_id TEXT NOT NULL DEFAULT '';

-- People are found by name in any case, once for every lead, sponsor, coach and member an
-- import names: without this index each look-up reads every person.
CREATE INDEX people_by_name ON people (lower(name));
