//! The SQLite portfolio: the only place with SQL. Each user-level change is one method, one
//! `BEGIN IMMEDIATE` transaction and one history row; undo and redo are store operations.

mod actions;
mod bulk;
mod change;
mod corrections;
mod detail;
mod error;
mod gateway;
mod history;
mod measure_data;
mod metrics;
mod open;
mod project_import;
mod projects;
mod reads;
pub(crate) mod rows;
pub mod schema;
mod sessions;
mod since;
mod spc_summary;
mod stages;
mod unsaved;
mod work;
mod workbook;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior};

pub use actions::{ActionField, ActionFilter, NewAction};
pub use bulk::{BulkRow, Loader, Portfolio, all_tables};
pub use corrections::BenefitField;
pub use detail::{ProjectDetail, ScoreChange, TeamMember};
pub use error::{Result, StoreError, Unknown};
pub use gateway::GatewayItem;
pub use history::HistoryEntry;
pub use measure_data::ImportOutcome;
pub use metrics::{PortfolioMetrics, SCORE_WINDOW_DAYS, ScoreMove, SearchItem, StalledProject};
pub use project_import::{
    ImportError, ImportedRow, ProjectImport, RegisterOutcome, RowAction, RowRefused,
};
pub use projects::{MoveOutcome, MoveWarning, NewProject};
pub use reads::{BoardCard, BoardColumn, ProjectFilter, ProjectRow};
pub use sessions::{AgendaTeam, Attendance, CohortOverview, Participant, SessionDetail};
pub use since::{Happening, HappeningKind};
pub use spc_summary::{IconGroup, IconSummary, parse_assurance, parse_variation};
pub use stages::WipLimit;
pub use work::{MeasureField, NewMeasure, NewPdsa, PdsaField, RecordOutcome};
pub use workbook::{PortfolioSheet, SheetValue};

use crate::clock::{Clock, format_time};
use crate::domain::{ProjectRef, default_stages};
use change::Change;
use unsaved::{Persist, Unsaved};

/// An open portfolio.
pub struct Store {
    conn: Connection,
    clock: Clock,
    path: Option<PathBuf>,
    /// Set while the portfolio's file does not exist yet (see [`Store::open`]).
    unsaved: Option<Unsaved>,
    /// Who makes the changes, as the history records it (empty: nobody said).
    author: String,
}

impl Store {
    /// Opens the portfolio at `path`. A file that is not a qiboard portfolio, or is from a
    /// newer qiboard, is refused and left untouched. Where no file exists, none is created
    /// until the first change (or demo, or import): until then the portfolio is empty and
    /// [`Store::is_unsaved`] says so.
    pub fn open(path: &Path, clock: Clock) -> Result<Store> {
        if !path.exists() {
            let mut store = Store::open_in_memory(clock)?;
            store.path = Some(path.to_path_buf());
            store.unsaved = Some(Unsaved::new(path));
            return Ok(store);
        }
        let conn = open::open_connection(path, &clock)?;
        let mut store = Store {
            conn,
            clock,
            path: Some(path.to_path_buf()),
            unsaved: None,
            author: String::new(),
        };
        store.seed()?;
        Ok(store)
    }

    /// A throwaway portfolio for tests and benches.
    pub fn open_in_memory(clock: Clock) -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        open::configure(&conn)?;
        open::migrate(&mut conn)?;
        let mut store = Store {
            conn,
            clock,
            path: None,
            unsaved: None,
            author: String::new(),
        };
        store.seed()?;
        Ok(store)
    }

    /// True while the portfolio's file does not exist: nothing has been changed yet.
    pub fn is_unsaved(&self) -> bool {
        self.unsaved.as_ref().is_some_and(|u| !u.is_saved())
    }

    /// Once the first change has written a new portfolio's file, works on that file from
    /// then on (so changes made by other processes show). Called before every write; the
    /// app calls it as it polls for others' changes.
    /// A file that another process created meanwhile is taken up the same way: an unsaved
    /// portfolio holds no change of its own to lose.
    pub fn settle(&mut self) -> Result<()> {
        if let Some(unsaved) = self
            .unsaved
            .as_ref()
            .filter(|u| u.is_saved() || u.path().exists())
        {
            let conn = open::open_connection(unsaved.path(), &self.clock)?;
            self.conn = conn;
            self.unsaved = None;
        }
        Ok(())
    }

    /// A load into a portfolio whose file does not exist yet goes into its staging file;
    /// the portfolio in memory is handed back, to return to if the load is dropped.
    fn stage(&mut self) -> Result<Option<Connection>> {
        let Some(unsaved) = &self.unsaved else {
            return Ok(None);
        };
        let conn = unsaved.stage(&self.conn)?;
        // Synced once, whole, before it takes the portfolio's name (see `unveil`).
        let ready = open::configure(&conn)
            .and_then(|()| Ok(conn.execute_batch("PRAGMA synchronous = OFF")?));
        if let Err(e) = ready {
            drop(conn);
            unsaved.abandon();
            return Err(e);
        }
        Ok(Some(std::mem::replace(&mut self.conn, conn)))
    }

    /// A staged load was dropped: its file goes, and the portfolio in memory is back.
    fn unstage(&mut self, in_memory: Connection) {
        self.conn = in_memory;
        if let Some(unsaved) = &self.unsaved {
            unsaved.abandon();
        }
    }

    /// A staged load committed: its file, checkpointed and closed, takes the portfolio's
    /// name (then [`Store::settle`] moves the store onto it).
    fn unveil(&mut self) -> Result<()> {
        self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
        let staged = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        staged.close().map_err(|(_, e)| e)?;
        match &self.unsaved {
            Some(unsaved) => unsaved.place(),
            None => Ok(()),
        }
    }

    /// What a change or a load needs to write a new portfolio's file as it commits.
    fn persist(&self) -> Option<Persist<'_>> {
        self.unsaved
            .as_ref()
            .filter(|u| !u.is_saved())
            .map(|unsaved| Persist {
                conn: &self.conn,
                unsaved,
            })
    }

    /// Lets time pass for a store on a fixed clock: a test can then see which changes stamp
    /// the new time and which (a reorder) do not.
    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// Who makes the changes from now on, as the history records them.
    /// Who the history says makes changes here; empty when no name could be found.
    pub fn author(&self) -> &str {
        &self.author
    }

    pub fn set_author(&mut self, name: &str) {
        self.author = name.trim().to_string();
    }

    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// A new portfolio gets the six QSIR stages and its ref counter (not an undoable change).
    fn seed(&mut self) -> Result<()> {
        // Opening must write nothing: a seeded portfolio is only read here.
        let seeded: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM stages) AND EXISTS (SELECT 1 FROM meta WHERE key = 'next_ref')",
            [],
            |r| r.get(0),
        )?;
        if seeded {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let stages: i64 = tx.query_row("SELECT count(*) FROM stages", [], |r| r.get(0))?;
        if stages == 0 {
            for stage in default_stages() {
                tx.execute(
                    "INSERT INTO stages (uuid, key, name, position, wip_limit, gateway)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    rusqlite::params![
                        uuid::Uuid::new_v4().to_string(),
                        stage.key,
                        stage.name,
                        stage.position,
                        stage.wip_limit,
                        serde_json::to_string(&stage.gateway).unwrap_or_else(|_| "[]".into()),
                    ],
                )?;
            }
        }
        tx.execute(
            "INSERT OR IGNORE INTO meta (key, value) VALUES ('next_ref', '1')",
            [],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Starts one user-level change: `BEGIN IMMEDIATE`, so a second writer waits (busy
    /// timeout 5 s) instead of failing halfway.
    fn begin(&mut self) -> Result<Change<'_>> {
        self.settle()?;
        let now = format_time(self.clock.now());
        // `&mut self` guarantees no other transaction is open on this connection.
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        Ok(Change::new(tx, now, self.persist(), self.author.clone()))
    }

    /// A counter that changes whenever another connection commits (`PRAGMA data_version`):
    /// how the app notices a change made by the CLI or a second window.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Benchmarks only: turns off the disk sync so a bench can show the sync's share of a
    /// change. Never used by the app or the CLI.
    #[doc(hidden)]
    pub fn set_synchronous_off_for_benchmarks(&self) -> Result<()> {
        self.conn.execute_batch("PRAGMA synchronous = OFF")?;
        Ok(())
    }

    /// A consistent copy of the whole portfolio into `dir` (the same copy made before a
    /// migration). Returns the file written.
    pub fn backup(&self, dir: &Path) -> Result<PathBuf> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
            context: format!("cannot create the folder {}", dir.display()),
            source,
        })?;
        let stamp = self.clock.now().format("%Y%m%d-%H%M%S");
        // Two backups in one second get -2, -3 … rather than a refusal.
        let target = (1..)
            .map(|n| match n {
                1 => dir.join(format!("qiboard-backup-{stamp}.sqlite3")),
                n => dir.join(format!("qiboard-backup-{stamp}-{n}.sqlite3")),
            })
            .find(|path| !path.exists())
            .unwrap_or_else(|| dir.join("qiboard-backup.sqlite3"));
        open::vacuum_into(&self.conn, &target)?;
        Ok(target)
    }

    /// The next ref to give; refs are never reused, also after an undo or a restore.
    fn take_next_ref(change: &Change<'_>) -> Result<ProjectRef> {
        let next: String =
            change.one("SELECT value FROM meta WHERE key = 'next_ref'", [], |r| {
                r.get(0)
            })?;
        let next: u32 = next.parse().unwrap_or(1);
        change.tx.execute(
            "UPDATE meta SET value = ?1 WHERE key = 'next_ref'",
            [next
                .checked_add(1)
                .filter(|n| *n <= bulk::MAX_REF)
                .ok_or_else(|| StoreError::invalid("this portfolio has given every ref it can"))?
                .to_string()],
        )?;
        Ok(ProjectRef(next))
    }

    pub fn next_ref(&self) -> Result<u32> {
        let next: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'next_ref'", [], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(next.and_then(|n| n.parse().ok()).unwrap_or(1))
    }

    /// True when the portfolio holds no projects, people or cohorts (demo and import need it).
    pub fn is_empty(&self) -> Result<bool> {
        let count: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM projects) + (SELECT count(*) FROM people)
                  + (SELECT count(*) FROM cohorts)",
            [],
            |r| r.get(0),
        )?;
        Ok(count == 0)
    }
}
