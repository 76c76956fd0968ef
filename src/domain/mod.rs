//! The field's plain types and rules: projects, stages, people, PDSA cycles, measures.
//! No I/O, no SQL, no terminal — validation lives here so the CLI and the app agree.

mod benefit;
mod charter;
mod error;
mod gateway;
mod measure;
mod pdsa;
mod people;
mod project;
mod session;
mod stage;
mod text;

pub use benefit::{Benefit, BenefitKind, Note};
pub use charter::CharterField;
pub use error::DomainError;
pub use gateway::{Evidence, ProjectFacts};
pub use measure::{DataPoint, Direction, Measure, MeasureKind, Rebase, next_period};
pub use pdsa::{ActDecision, ChangeIdea, Driver, DriverLevel, PdsaCycle};
pub use people::{Cohort, Person, Role};
pub use project::{ProgressScore, Project, ProjectRef, Status, stale_cutoff};
pub use session::{Action, ActionStatus, CohortSession, DEFAULT_MINUTES_PER_TEAM, parse_minutes};
pub use stage::{Stage, default_stages};
pub use text::{MAX_TITLE_CHARS, parse_date, parse_value, read_date, require_text, require_title};
