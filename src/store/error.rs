use thiserror::Error;

use crate::domain::{DomainError, ProjectRef};

/// Something named that the portfolio does not hold: a face can point at the field that named
/// it (the form's Measure field, say) without reading the message.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Unknown {
    #[error("unknown project {0}")]
    Project(ProjectRef),
    #[error("{reference} has no measure {name:?}")]
    Measure { reference: ProjectRef, name: String },
    #[error("{reference} has no PDSA {number}")]
    Pdsa { reference: ProjectRef, number: i64 },
    #[error("{reference} has no {} {name:?}", if *.primary { "primary driver" } else { "driver" })]
    Driver {
        reference: ProjectRef,
        name: String,
        primary: bool,
    },
    #[error("{reference} has no change idea {title:?}")]
    ChangeIdea {
        reference: ProjectRef,
        title: String,
    },
    #[error("{reference} has no benefit {number} (project show lists them)")]
    Benefit {
        reference: ProjectRef,
        number: usize,
    },
    #[error("{reference} has no note {number} (project show lists them)")]
    Note {
        reference: ProjectRef,
        number: usize,
    },
    #[error("{person} is not {role} of {reference}")]
    Role {
        reference: ProjectRef,
        role: crate::domain::Role,
        person: String,
    },
    #[error("no one called {0:?} in the portfolio (person list shows them)")]
    Person(String),
    #[error("unknown cohort {0:?} (cohort list shows them)")]
    Cohort(String),
    #[error("{cohort} has no session {number} (session list shows them)")]
    Session { cohort: String, number: i64 },
    #[error("{reference} has no action {number} (action list {reference} shows them)")]
    Action { reference: ProjectRef, number: i64 },
    #[error("unknown stage {0:?}: use a stage's name, key or number (1-6, e.g. pilot)")]
    Stage(String),
}

/// What the store refuses or fails at; every message is one line a user can act on.
#[derive(Debug, Error)]
pub enum StoreError {
    /// The input is wrong (unknown ref, value off the scale …): nothing was written.
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Domain(#[from] DomainError),
    /// A ref, measure, cycle, driver or stage named that the portfolio does not hold.
    #[error(transparent)]
    Unknown(#[from] Unknown),
    /// Someone else changed the row since it was read: refused, never overwritten.
    #[error("{0}")]
    Conflict(String),
    /// The change could not be written down for undo: refused rather than kept unundoable.
    #[error("the change could not be recorded for undo ({0}); nothing was written")]
    Record(String),
    #[error("nothing to undo")]
    NothingToUndo,
    #[error("nothing to redo")]
    NothingToRedo,
    /// The file is not one we may touch (foreign, newer, broken).
    #[error("{0}")]
    File(String),
    #[error("{context}: {source}")]
    Sqlite {
        context: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

impl StoreError {
    pub fn invalid(message: impl Into<String>) -> Self {
        StoreError::Invalid(message.into())
    }

    /// True for refusals caused by what the user typed or gave (exit status 2 on the CLI).
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            StoreError::Invalid(_)
                | StoreError::Domain(_)
                | StoreError::Unknown(_)
                | StoreError::File(_)
        )
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(source: rusqlite::Error) -> Self {
        let context = match &source {
            rusqlite::Error::SqliteFailure(e, _)
                if e.code == rusqlite::ErrorCode::DatabaseBusy
                    || e.code == rusqlite::ErrorCode::DatabaseLocked =>
            {
                "the portfolio is busy in another qiboard (waited 5 s); try again".to_string()
            }
            _ => "the portfolio database failed".to_string(),
        };
        StoreError::Sqlite { context, source }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
