-- The board reads one covering index and nothing else: the lead's name is kept on the
-- project (updated with the lead role), and the card's columns are in the index.
ALTER TABLE projects ADD COLUMN lead_name TEXT;
UPDATE projects SET lead_name = (
    SELECT pe.name FROM roles r JOIN people pe ON pe.id = r.person_id
    WHERE r.project_id = projects.id AND r.role = 'lead'
);
CREATE INDEX board_cards ON projects (
    stage_id, position, ref_no, title, lead_name, score, status, updated, version,
    variation, assurance
);

-- Each change drops the redo tail and each redo finds its next step: both by this index,
-- not by a scan of the whole undo log.
CREATE INDEX history_undone ON history (id) WHERE state = 'undone';
