//! A portfolio whose file does not exist yet. Opening never creates a file (a mistyped
//! `--db` must not look like a portfolio whose projects were lost): the portfolio lives in
//! memory until its first change, which writes the file whole before it is acknowledged.

use std::cell::Cell;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use super::error::Result;
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

    /// Before the first change commits: the folder and an empty private file, so a folder
    /// that cannot be written refuses the change instead of losing it.
    pub(crate) fn prepare(&self) -> Result<()> {
        create_empty(&self.path)
    }

    /// After the first change committed in memory: the whole portfolio into the file.
    pub(crate) fn write(&self, conn: &Connection) -> Result<()> {
        match vacuum_into_empty(conn, &self.path) {
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

    /// The change did not commit: the empty file made for it goes again.
    pub(crate) fn abandon(&self) {
        let _ = std::fs::remove_file(&self.path);
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
