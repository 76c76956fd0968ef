-- Cohort sessions: a cohort meets, numbered 1, 2, … within it; teams present in agenda
-- order; the faculty records who attended (QSIR accreditation counts attendance).
CREATE TABLE cohort_sessions (
    id        INTEGER PRIMARY KEY,
    uuid      TEXT NOT NULL UNIQUE,
    version   INTEGER NOT NULL DEFAULT 1,
    cohort_id INTEGER NOT NULL REFERENCES cohorts(id),
    number    INTEGER NOT NULL CHECK (number > 0),
    date      TEXT NOT NULL CHECK (date(date) IS date),
    title     TEXT NOT NULL DEFAULT '',
    minutes   INTEGER NOT NULL DEFAULT 8 CHECK (minutes > 0),
    UNIQUE (cohort_id, number)
) STRICT;

-- People in a cohort beyond its projects' leads (who are in it by leading).
CREATE TABLE enrolments (
    id        INTEGER PRIMARY KEY,
    uuid      TEXT NOT NULL UNIQUE,
    version   INTEGER NOT NULL DEFAULT 1,
    cohort_id INTEGER NOT NULL REFERENCES cohorts(id),
    person_id INTEGER NOT NULL REFERENCES people(id),
    UNIQUE (cohort_id, person_id)
) STRICT;

CREATE TABLE attendance (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    version    INTEGER NOT NULL DEFAULT 1,
    session_id INTEGER NOT NULL REFERENCES cohort_sessions(id),
    person_id  INTEGER NOT NULL REFERENCES people(id),
    present    INTEGER NOT NULL CHECK (present IN (0, 1)),
    UNIQUE (session_id, person_id)
) STRICT;

-- The teams in the order they present; a team passed over is kept, as not covered.
CREATE TABLE agenda_items (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    version    INTEGER NOT NULL DEFAULT 1,
    session_id INTEGER NOT NULL REFERENCES cohort_sessions(id),
    project_id INTEGER NOT NULL REFERENCES projects(id),
    position   INTEGER NOT NULL CHECK (position > 0),
    skipped    INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
    UNIQUE (session_id, project_id)
) STRICT;
CREATE INDEX agenda_by_project ON agenda_items(project_id);

-- What a team promised: numbered within its project like PDSA cycles; the owner is a person.
CREATE TABLE actions (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    version     INTEGER NOT NULL DEFAULT 1,
    project_id  INTEGER NOT NULL REFERENCES projects(id),
    number      INTEGER NOT NULL CHECK (number > 0),
    text        TEXT NOT NULL CHECK (length(trim(text)) > 0),
    person_id   INTEGER REFERENCES people(id),
    due_date    TEXT CHECK (due_date IS NULL OR date(due_date) IS due_date),
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
    created     TEXT NOT NULL,
    closed_date TEXT CHECK (closed_date IS NULL OR date(closed_date) IS closed_date),
    session_id  INTEGER REFERENCES cohort_sessions(id),
    UNIQUE (project_id, number)
) STRICT;
-- Covering for the board's overdue marks: open actions due before today, by project.
CREATE INDEX actions_open_by_due ON actions(status, due_date, project_id);
CREATE INDEX actions_by_person ON actions(person_id);
