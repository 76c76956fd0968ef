//! The one clock: "today" and "now" come from here so tests (and the demo) can fix them.
//!
//! `QIBOARD_NOW` (RFC 3339, e.g. `2026-11-23T09:00:00Z`) fixes the clock for a whole process;
//! the test suite uses it to make CLI output reproducible.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    fixed: Option<DateTime<Utc>>,
}

impl Clock {
    /// The system clock, unless `QIBOARD_NOW` fixes it.
    pub fn from_env() -> Result<Self, String> {
        match std::env::var("QIBOARD_NOW") {
            Ok(text) => DateTime::parse_from_rfc3339(text.trim())
                .map(|t| Clock::fixed(t.with_timezone(&Utc)))
                .map_err(|_| {
                    format!("QIBOARD_NOW {text:?} is not a time: use e.g. 2026-11-23T09:00:00Z")
                }),
            Err(_) => Ok(Clock::system()),
        }
    }

    pub fn system() -> Self {
        Clock { fixed: None }
    }

    pub fn fixed(at: DateTime<Utc>) -> Self {
        Clock { fixed: Some(at) }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.fixed.unwrap_or_else(Utc::now)
    }

    /// The laptop's local date: a coach at 00:30 in British Summer Time is on the new day,
    /// which UTC still calls yesterday. Times are stored in UTC; dates people see are local.
    pub fn today(&self) -> NaiveDate {
        self.now().with_timezone(&chrono::Local).date_naive()
    }
}

/// Times are stored and exported as RFC 3339 in UTC, to the second: sortable as text.
pub fn format_time(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The date of a stored time (`2026-11-23T09:00:00Z` → `2026-11-23`); any other text whole.
pub fn date_part(text: &str) -> &str {
    text.get(..10).unwrap_or(text)
}

pub fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}
