//! A portfolio whose file does not exist yet. Opening never creates a file (a mistyped
//! `--db` must not look like a portfolio whose projects were lost): the portfolio lives in
//! memory until its first change, which writes the file whole before it is acknowledged.

use std::cell::Cell;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::error::{Result, StoreError};
use super::open::{create_empty, vacuum_into_empty};

pub(crate) struct Unsaved {
    path: PathBuf,
    /// Set once the first change wrote the file; the store then moves onto it.
    saved: Cell<bool>,
}

impl Unsaved {
    pub(crate) fn new(path: &Path) -> Unsaved {
        Unsaved {
            path: path.to_path_buf(),
            saved: Cell::new(false),
        }
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn is_saved(&self) -> bool {
        self.saved.get()
    }

    /// Where the file is written before it is renamed into place, so a crash midway never
    /// leaves a half-written portfolio at the path.
    /// This process's own: a second qiboard making the same new portfolio meanwhile (a
    /// script while the demo loads) never deletes or renames this one's file.
    fn staging(&self) -> PathBuf {
        let mut name = self.path.as_os_str().to_owned();
        name.push(format!(".new-{}", std::process::id()));
        PathBuf::from(name)
    }

    /// Before the first change commits: the folder and an empty private staging file, so a
    /// folder that cannot be written refuses the change instead of losing it.
    pub(crate) fn prepare(&self) -> Result<()> {
        // Left by a crash before a first change or a load finished: it never held an
        // acknowledged one (and a stale journal must never be replayed into a new file).
        self.abandon();
        create_empty(&self.staging())
    }

    /// After the first change committed in memory: the whole portfolio into the staging
    /// file, synced, then renamed to the portfolio's path.
    pub(crate) fn write(&self, conn: &Connection) -> Result<()> {
        let staging = self.staging();
        let written = vacuum_into_empty(conn, &staging).and_then(|()| {
            // Born in WAL mode: two qiboards opening a new portfolio at once then never race
            // to switch its journal (on Windows the loser fails at once, without waiting).
            Connection::open(&staging)
                .and_then(|c| c.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(())))
                .map_err(|source| StoreError::Sqlite {
                    context: format!("cannot write {}", self.path.display()),
                    source,
                })?;
            self.place()
        });
        match written {
            Ok(()) => Ok(()),
            Err(e) => {
                self.abandon();
                Err(e)
            }
        }
    }

    /// For a big load: the empty portfolio in `conn` as the staging file, and a connection
    /// to it, so the load is written to disk as it goes instead of held in memory.
    pub(crate) fn stage(&self, conn: &Connection) -> Result<Connection> {
        self.prepare()?;
        let staging = self.staging();
        vacuum_into_empty(conn, &staging)?;
        Connection::open(&staging).map_err(|source| StoreError::Sqlite {
            context: format!("cannot write {}", self.path.display()),
            source,
        })
    }

    /// The staging file, complete and closed, synced and renamed to the portfolio's path;
    /// never over a portfolio another program made meanwhile.
    pub(crate) fn place(&self) -> Result<()> {
        let staging = self.staging();
        let placed = (|| {
            let io = |source| StoreError::Io {
                context: format!("cannot write {}", self.path.display()),
                source,
            };
            // Opened for writing: Windows flushes a file only through a handle that may write.
            std::fs::OpenOptions::new()
                .write(true)
                .open(&staging)
                .and_then(|f| f.sync_all())
                .map_err(io)?;
            if self.path.exists() {
                // Another qiboard created it meanwhile: never overwrite a portfolio.
                return Err(StoreError::File(format!(
                    "{} was created by another program meanwhile; your change was not saved, \
                     open it again",
                    self.path.display()
                )));
            }
            std::fs::rename(&staging, &self.path).map_err(io)
        })();
        match placed {
            Ok(()) => {
                self.saved.set(true);
                Ok(())
            }
            Err(e) => {
                self.abandon();
                Err(e)
            }
        }
    }

    /// The change did not reach the file: the staging file made for it goes again (with
    /// the journal files of a load written into it).
    pub(crate) fn abandon(&self) {
        let staging = self.staging();
        for suffix in ["", "-wal", "-shm"] {
            let mut name = staging.as_os_str().to_owned();
            name.push(suffix);
            let _ = std::fs::remove_file(std::path::PathBuf::from(name));
        }
    }
}

/// What a change needs to write a new portfolio's file when it commits.
pub(crate) struct Persist<'c> {
    pub(crate) conn: &'c Connection,
    pub(crate) unsaved: &'c Unsaved,
}

impl Persist<'_> {
    /// Runs `commit` between preparing the file and writing it.
    pub(crate) fn around(&self, commit: impl FnOnce() -> Result<()>) -> Result<()> {
        self.unsaved.prepare()?;
        if let Err(e) = commit() {
            self.unsaved.abandon();
            return Err(e);
        }
        self.unsaved.write(self.conn)
    }
}
