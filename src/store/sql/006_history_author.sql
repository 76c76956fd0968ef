-- Who made each change: the name the person goes by (--by, config.toml's name,
-- QIBOARD_USER, else the operating system's user name). Older changes say nobody.
ALTER TABLE history ADD COLUMN author TEXT NOT NULL DEFAULT '';
