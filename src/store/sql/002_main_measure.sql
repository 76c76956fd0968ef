-- SPC summary on the card: which measure is the project's main one, and that measure's
-- variation and assurance icons, kept current by each change to its data or settings.
ALTER TABLE projects ADD COLUMN main_measure_id INTEGER REFERENCES measures(id);
ALTER TABLE projects ADD COLUMN variation TEXT;
ALTER TABLE projects ADD COLUMN assurance TEXT;
