use thiserror::Error;

/// A value the field's rules refuse. Each message names the value and what is expected.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DomainError {
    #[error("{field} must not be blank")]
    Blank { field: &'static str },
    #[error("{field} is {length} characters long: at most {max} are allowed")]
    TooLong {
        field: &'static str,
        length: usize,
        max: usize,
    },
    #[error("score {0:?} is off the scale: use 0.5 to 5.0 in steps of 0.5")]
    Score(String),
    #[error("unknown status {0:?}: use active, on hold, completed or stopped")]
    Status(String),
    #[error("{what} {value:?} is not one of: {expected}")]
    Choice {
        what: &'static str,
        value: String,
        expected: &'static str,
    },
    #[error(
        "date {0:?} is not a day on the calendar: use YYYY-MM-DD or DD/MM/YYYY, e.g. 2026-03-31"
    )]
    Date(String),
    /// A field that needs a value was left empty (said as "empty", not as a quoted "").
    #[error("{what} is empty: {expected}")]
    Empty {
        what: &'static str,
        expected: &'static str,
    },
    #[error("value {0:?} is not a finite number")]
    Value(String),
    #[error("{0:?} is not a project ref: use QI-0012 (or 12)")]
    Ref(String),
    #[error("{0}")]
    Rule(String),
}
