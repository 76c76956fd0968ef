-- The first schema of the portfolio. Every row has an integer key, a uuid (for merging
-- portfolios between laptops) and a version (bumped on each change, for conflict checks).
-- Domain rules are CHECK constraints too, so a hand-edited import cannot slip past them.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE stages (
    id        INTEGER PRIMARY KEY,
    uuid      TEXT NOT NULL UNIQUE,
    version   INTEGER NOT NULL DEFAULT 1,
    key       TEXT NOT NULL UNIQUE CHECK (length(trim(key)) > 0),
    name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
    position  INTEGER NOT NULL UNIQUE,
    wip_limit INTEGER CHECK (wip_limit IS NULL OR wip_limit > 0),
    gateway   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(gateway))
) STRICT;

CREATE TABLE people (
    id       INTEGER PRIMARY KEY,
    uuid     TEXT NOT NULL UNIQUE,
    version  INTEGER NOT NULL DEFAULT 1,
    name     TEXT NOT NULL CHECK (length(trim(name)) > 0),
    email    TEXT,
    division TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE cohorts (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    version    INTEGER NOT NULL DEFAULT 1,
    name       TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    programme  TEXT NOT NULL DEFAULT '',
    start_date TEXT CHECK (start_date IS NULL OR date(start_date) IS start_date)
) STRICT;

CREATE TABLE projects (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    version     INTEGER NOT NULL DEFAULT 1,
    ref_no      INTEGER NOT NULL UNIQUE CHECK (ref_no > 0),
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    problem     TEXT NOT NULL DEFAULT '',
    aim         TEXT NOT NULL DEFAULT '',
    scope_in    TEXT NOT NULL DEFAULT '',
    scope_out   TEXT NOT NULL DEFAULT '',
    division    TEXT NOT NULL DEFAULT '',
    department  TEXT NOT NULL DEFAULT '',
    risks       TEXT NOT NULL DEFAULT '',
    cohort_id   INTEGER REFERENCES cohorts(id),
    start_date  TEXT CHECK (start_date IS NULL OR date(start_date) IS start_date),
    target_date TEXT CHECK (target_date IS NULL OR date(target_date) IS target_date),
    stage_id    INTEGER NOT NULL REFERENCES stages(id),
    status      TEXT NOT NULL DEFAULT 'active'
                CHECK (status IN ('active', 'on_hold', 'completed', 'stopped')),
    position    INTEGER NOT NULL,
    score       INTEGER CHECK (score IS NULL OR score BETWEEN 1 AND 10), -- in halves
    created     TEXT NOT NULL,
    updated     TEXT NOT NULL,
    -- Summary columns kept current by each change, so the board never scans children.
    last_pdsa   TEXT,
    last_data   TEXT
) STRICT;
CREATE INDEX projects_by_stage ON projects(stage_id, position);

CREATE TABLE roles (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    version    INTEGER NOT NULL DEFAULT 1,
    project_id INTEGER NOT NULL REFERENCES projects(id),
    person_id  INTEGER NOT NULL REFERENCES people(id),
    role       TEXT NOT NULL CHECK (role IN ('lead', 'sponsor', 'coach', 'member')),
    UNIQUE (project_id, person_id, role)
) STRICT;
CREATE UNIQUE INDEX one_lead_sponsor_coach ON roles(project_id, role) WHERE role <> 'member';
CREATE INDEX roles_by_person ON roles(person_id);

CREATE TABLE score_history (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    version    INTEGER NOT NULL DEFAULT 1,
    project_id INTEGER NOT NULL REFERENCES projects(id),
    score      INTEGER CHECK (score IS NULL OR score BETWEEN 1 AND 10),
    at         TEXT NOT NULL,
    who        TEXT NOT NULL DEFAULT '',
    why        TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX score_history_by_project ON score_history(project_id);

CREATE TABLE drivers (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    version    INTEGER NOT NULL DEFAULT 1,
    project_id INTEGER NOT NULL REFERENCES projects(id),
    parent_id  INTEGER REFERENCES drivers(id),
    level      TEXT NOT NULL CHECK (level IN ('primary', 'secondary')),
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0)
) STRICT;
CREATE INDEX drivers_by_project ON drivers(project_id);

CREATE TABLE change_ideas (
    id          INTEGER PRIMARY KEY,
    uuid        TEXT NOT NULL UNIQUE,
    version     INTEGER NOT NULL DEFAULT 1,
    project_id  INTEGER NOT NULL REFERENCES projects(id),
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX change_ideas_by_project ON change_ideas(project_id);

CREATE TABLE change_idea_drivers (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    version        INTEGER NOT NULL DEFAULT 1,
    project_id     INTEGER NOT NULL REFERENCES projects(id),
    change_idea_id INTEGER NOT NULL REFERENCES change_ideas(id),
    driver_id      INTEGER NOT NULL REFERENCES drivers(id),
    UNIQUE (change_idea_id, driver_id)
) STRICT;
CREATE INDEX change_idea_drivers_by_project ON change_idea_drivers(project_id);

CREATE TABLE measures (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    version    INTEGER NOT NULL DEFAULT 1,
    project_id INTEGER NOT NULL REFERENCES projects(id),
    name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind       TEXT NOT NULL CHECK (kind IN ('outcome', 'process', 'balancing')),
    definition TEXT NOT NULL DEFAULT '',
    unit       TEXT NOT NULL DEFAULT '',
    source     TEXT NOT NULL DEFAULT '',
    frequency  TEXT NOT NULL DEFAULT '',
    direction  TEXT NOT NULL CHECK (direction IN ('increase', 'decrease', 'neutral')),
    target     REAL,
    UNIQUE (project_id, name)
) STRICT;

CREATE TABLE rebases (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    version    INTEGER NOT NULL DEFAULT 1,
    project_id INTEGER NOT NULL REFERENCES projects(id),
    measure_id INTEGER NOT NULL REFERENCES measures(id),
    date       TEXT NOT NULL CHECK (date(date) IS date),
    reason     TEXT NOT NULL DEFAULT '',
    UNIQUE (measure_id, date)
) STRICT;
CREATE INDEX rebases_by_project ON rebases(project_id);

CREATE TABLE data_points (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    version    INTEGER NOT NULL DEFAULT 1,
    project_id INTEGER NOT NULL REFERENCES projects(id),
    measure_id INTEGER NOT NULL REFERENCES measures(id),
    date       TEXT NOT NULL CHECK (date(date) IS date),
    value      REAL NOT NULL,
    annotation TEXT NOT NULL DEFAULT '',
    UNIQUE (measure_id, date)
) STRICT;
CREATE INDEX data_points_by_project ON data_points(project_id);

CREATE TABLE pdsa_cycles (
    id             INTEGER PRIMARY KEY,
    uuid           TEXT NOT NULL UNIQUE,
    version        INTEGER NOT NULL DEFAULT 1,
    project_id     INTEGER NOT NULL REFERENCES projects(id),
    change_idea_id INTEGER NOT NULL REFERENCES change_ideas(id),
    number         INTEGER NOT NULL CHECK (number > 0),
    objective      TEXT NOT NULL DEFAULT '',
    predictions    TEXT NOT NULL DEFAULT '',
    plan           TEXT NOT NULL DEFAULT '',
    do_notes       TEXT NOT NULL DEFAULT '',
    study          TEXT NOT NULL DEFAULT '',
    act            TEXT CHECK (act IS NULL OR act IN ('adopt', 'adapt', 'abandon')),
    next_step      TEXT NOT NULL DEFAULT '',
    start_date     TEXT CHECK (start_date IS NULL OR date(start_date) IS start_date),
    end_date       TEXT CHECK (end_date IS NULL OR date(end_date) IS end_date),
    UNIQUE (project_id, number)
) STRICT;
CREATE INDEX pdsa_by_change_idea ON pdsa_cycles(change_idea_id);

CREATE TABLE pdsa_measures (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    version    INTEGER NOT NULL DEFAULT 1,
    project_id INTEGER NOT NULL REFERENCES projects(id),
    pdsa_id    INTEGER NOT NULL REFERENCES pdsa_cycles(id),
    measure_id INTEGER NOT NULL REFERENCES measures(id),
    UNIQUE (pdsa_id, measure_id)
) STRICT;
CREATE INDEX pdsa_measures_by_project ON pdsa_measures(project_id);

CREATE TABLE benefits (
    id           INTEGER PRIMARY KEY,
    uuid         TEXT NOT NULL UNIQUE,
    version      INTEGER NOT NULL DEFAULT 1,
    project_id   INTEGER NOT NULL REFERENCES projects(id),
    kind         TEXT NOT NULL CHECK (kind IN ('time_released', 'money', 'harm_avoided',
                                               'patient_experience', 'carbon', 'other')),
    amount       REAL NOT NULL,
    unit         TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    claimed_date TEXT NOT NULL CHECK (date(claimed_date) IS claimed_date)
) STRICT;
CREATE INDEX benefits_by_project ON benefits(project_id);

CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE,
    version    INTEGER NOT NULL DEFAULT 1,
    project_id INTEGER NOT NULL REFERENCES projects(id),
    text       TEXT NOT NULL CHECK (length(trim(text)) > 0),
    created    TEXT NOT NULL
) STRICT;
CREATE INDEX notes_by_project ON notes(project_id);

-- The undo log and audit trail: one row per user-level change. `changes` holds the before
-- and after images of every row the change touched; `state` is 'done' or 'undone'.
CREATE TABLE history (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    ref_no     INTEGER,
    summary    TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('rows', 'bulk')),
    changes    TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone'))
) STRICT;
CREATE INDEX history_by_ref ON history(ref_no);
