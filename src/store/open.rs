//! Opening a portfolio: refuse what is not ours, back up before a migration, set the pragmas
//! that make every acknowledged change survive a power cut.

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::error::{Result, StoreError};
use super::schema::{APPLICATION_ID, latest_version, migrations};
use crate::clock::Clock;
use crate::platform;

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What a look at an existing file (read-only) tells us before anything is written.
enum Existing {
    Fresh,
    Current,
    Older(i64),
}

fn inspect(path: &Path) -> Result<Existing> {
    let shown = path.display();
    let mut header = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|source| StoreError::Io {
        context: format!("cannot read {shown}"),
        source,
    })?;
    let read = file.read(&mut header).map_err(|source| StoreError::Io {
        context: format!("cannot read {shown}"),
        source,
    })?;
    if read == 0 {
        return Ok(Existing::Fresh);
    }
    if read < 16 || &header != SQLITE_MAGIC {
        return Err(StoreError::File(format!(
            "{shown} is not a qiboard portfolio (not an SQLite database); it was left untouched"
        )));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| StoreError::File(format!("{shown} cannot be opened: {e}")))?;
    let broken = |e: rusqlite::Error| {
        StoreError::File(format!(
            "{shown} is damaged or not a qiboard portfolio: {e}"
        ))
    };
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(broken)?;
    let user_version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(broken)?;
    let tables: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
        .map_err(broken)?;
    if app_id != APPLICATION_ID {
        if tables == 0 && user_version == 0 {
            return Ok(Existing::Fresh);
        }
        return Err(StoreError::File(format!(
            "{shown} is an SQLite database but not a qiboard portfolio; it was left untouched"
        )));
    }
    let latest = latest_version();
    if user_version > latest {
        return Err(StoreError::File(format!(
            "{shown} was written by a newer qiboard (schema {user_version}, this one knows \
             {latest}); open it with that version"
        )));
    }
    if user_version < latest {
        return Ok(Existing::Older(user_version));
    }
    Ok(Existing::Current)
}

pub(crate) fn open_connection(path: &Path, clock: &Clock) -> Result<Connection> {
    let existing = if path.exists() {
        inspect(path)?
    } else {
        create_empty(path)?;
        Existing::Fresh
    };
    if let Existing::Older(version) = existing {
        let backup = backup_name(path, &format!("v{version}"), clock);
        copy_database(path, &backup)?;
    }
    let mut conn = Connection::open(path)
        .map_err(|e| StoreError::File(format!("{} cannot be opened: {e}", path.display())))?;
    configure(&conn)?;
    migrate(&mut conn)?;
    if let Existing::Older(version) = existing
        && version < 2
    {
        // Schema 2 added the cards' SPC summary: fill it once, as part of the upgrade.
        let tx = conn.transaction()?;
        super::spc_summary::refresh_all_spc_summaries(&tx)?;
        tx.commit()?;
    }
    Ok(conn)
}

pub(crate) fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // A change touches a dozen tables with a few statements each; rusqlite's default cache
    // of 16 made an import compile the same statements again for every row.
    conn.set_prepared_statement_cache_capacity(256);
    // WAL lets a script write while the app reads; FULL syncs the WAL on every commit, so a
    // change the user saw acknowledged survives a power cut.
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
        return Err(StoreError::File(format!(
            "the portfolio's folder does not support SQLite's WAL (got {mode}); keep it on a \
             local disk, not a network drive"
        )));
    }
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
    Ok(())
}

pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    migrations().to_latest(conn).map_err(|e| {
        StoreError::File(format!("the portfolio's schema could not be upgraded: {e}"))
    })?;
    // Opening must write nothing: set the id only on a new portfolio.
    let app_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if app_id != APPLICATION_ID {
        conn.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}"))?;
    }
    Ok(())
}

pub(crate) fn create_empty(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            context: format!("cannot create the folder {}", dir.display()),
            source,
        })?;
    }
    platform::create_private_file(path)
        .map(drop)
        .map_err(|source| StoreError::Io {
            context: format!("cannot create {}", path.display()),
            source,
        })
}

/// `qiboard.sqlite3` → `qiboard.sqlite3.v1-backup-20261123-184600.sqlite3` beside it.
pub(crate) fn backup_name(path: &Path, label: &str, clock: &Clock) -> PathBuf {
    let stamp = clock.now().format("%Y%m%d-%H%M%S");
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "qiboard.sqlite3".into());
    path.with_file_name(format!("{name}.{label}-backup-{stamp}.sqlite3"))
}

/// A consistent copy of a live database (VACUUM INTO), private like the original.
pub(crate) fn copy_database(from: &Path, to: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    vacuum_into(&conn, to)
}

pub(crate) fn vacuum_into(conn: &Connection, to: &Path) -> Result<()> {
    if to.exists() {
        return Err(StoreError::File(format!(
            "{} already exists; choose another folder",
            to.display()
        )));
    }
    create_empty(to)?;
    vacuum_into_empty(conn, to)
}

/// Writes the whole database into `to`, a file that exists and is empty (made private first).
pub(crate) fn vacuum_into_empty(conn: &Connection, to: &Path) -> Result<()> {
    let target = to.to_string_lossy().into_owned();
    conn.execute("VACUUM INTO ?1", [target])
        .map_err(|source| StoreError::Sqlite {
            context: format!("cannot write the backup {}", to.display()),
            source,
        })?;
    Ok(())
}
