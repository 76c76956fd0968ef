//! Demo data: a believable portfolio of one NHS trust to try qiboard on, and the large
//! benchmark portfolio. Both are plain documents (`Portfolio`) that the store loads in one
//! transaction; both are laid out backwards from an anchor date so they always look current,
//! and both are deterministic given that anchor (only the row uuids are random).

pub mod catalogue;
mod large;
mod projects;
mod sessions;
mod story;
#[cfg(test)]
mod tests;
mod work;

use chrono::{Datelike, Days, Months, NaiveDate};
use serde_json::{Map, Value as Json};

use crate::store::{BulkRow, Portfolio};

/// ~40 believable projects of one trust, laid out backwards from `anchor`.
pub fn demo_portfolio(stage_uuids: &[String], anchor: NaiveDate) -> Portfolio {
    story::build(stage_uuids, anchor)
}

/// Projects in the benchmark portfolio.
pub const LARGE_PROJECTS: usize = large::PROJECTS;

/// The benchmark portfolio: 5,000 projects, 50,000 PDSA cycles, 500,000 data points (exact
/// counts), laid out backwards from `anchor`.
pub fn large_portfolio(stage_uuids: &[String], anchor: NaiveDate) -> Portfolio {
    let mut whole = Portfolio::default();
    let mut gather = |part: Portfolio| -> crate::store::Result<()> {
        whole.next_ref = part.next_ref;
        if whole.tables.is_empty() {
            whole.tables = part.tables;
        } else {
            for ((_, rows), (_, more)) in whole.tables.iter_mut().zip(part.tables) {
                rows.extend(more);
            }
        }
        Ok(())
    };
    // Gathering cannot fail.
    let _ = large::build_in_parts(stage_uuids, anchor, &mut gather);
    whole
}

/// The benchmark portfolio made a few hundred projects at a time, each part handed to
/// `part` (a [`crate::store::Loader`], say) so that it is never all in memory at once.
pub fn large_portfolio_in_parts(
    stage_uuids: &[String],
    anchor: NaiveDate,
    part: &mut dyn FnMut(Portfolio) -> crate::store::Result<()>,
) -> crate::store::Result<()> {
    large::build_in_parts(stage_uuids, anchor, part)
}

/// A tiny seeded generator (splitmix64): the same anchor always gives the same portfolio.
pub(crate) struct Rng(u64);

impl Rng {
    /// A generator for `anchor`; `salt` keeps the demo and the large portfolio apart.
    pub(crate) fn for_anchor(anchor: NaiveDate, salt: u64) -> Rng {
        let day = u64::from(anchor.num_days_from_ce().unsigned_abs());
        Rng(day.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ salt)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number in `lo..=hi`.
    pub(crate) fn int(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi.saturating_sub(lo) + 1)
    }

    /// An index into a slice of `len` (> 0) items.
    pub(crate) fn index(&mut self, len: usize) -> usize {
        (self.next_u64() % len.max(1) as u64) as usize
    }

    /// Uniform in [0, 1).
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Roughly normal noise, mean 0 and sd 1, never beyond ±3.47 (a sum of four uniforms):
    /// bounded, so the demo's signals are guaranteed, not just likely.
    pub(crate) fn normal(&mut self) -> f64 {
        let sum: f64 = (0..4).map(|_| self.unit()).sum();
        (sum - 2.0) * 3f64.sqrt()
    }
}

/// The tables of a portfolio document, in the order the store inserts them.
#[derive(Debug, Clone, Copy)]
pub(crate) enum T {
    People,
    Cohorts,
    Projects,
    Roles,
    Scores,
    Drivers,
    Ideas,
    IdeaDrivers,
    Measures,
    Rebases,
    Points,
    Pdsa,
    PdsaMeasures,
    Benefits,
    Notes,
    Sessions,
    Enrolments,
    Attendance,
    Agenda,
    Actions,
}

/// The tables [`T`] names, in its order: the store's own list, less the stages the demo uses
/// as they are.
fn table_names() -> Vec<&'static str> {
    crate::store::all_tables()
        .filter(|t| *t != "stages")
        .collect()
}

/// Rows being built, one list per table.
pub(crate) struct Tables {
    rows: Vec<Vec<BulkRow>>,
    /// For the large portfolio: random v4 uuids from a generator seeded by one real
    /// `Uuid::new_v4()` (a getrandom call per row costs a third of a second at this size).
    fast: Option<(Rng, u64)>,
}

impl Tables {
    pub(crate) fn new() -> Tables {
        Tables {
            rows: vec![Vec::new(); table_names().len()],
            fast: None,
        }
    }

    /// Tables whose uuids come from a seeded generator: still random version-4 uuids, and
    /// all different within the portfolio (splitmix64 never repeats a state).
    pub(crate) fn fast() -> Tables {
        let (seed, salt) = uuid::Uuid::new_v4().as_u64_pair();
        Tables {
            fast: Some((Rng(seed), salt)),
            ..Tables::new()
        }
    }

    /// A fresh uuid for a row.
    pub(crate) fn uuid(&mut self) -> String {
        match &mut self.fast {
            None => uuid::Uuid::new_v4().to_string(),
            Some((rng, salt)) => {
                let high = u128::from(rng.next_u64());
                let bits = (high << 64) | u128::from(rng.next_u64() ^ *salt);
                let uuid = uuid::Builder::from_random_bytes(bits.to_be_bytes()).into_uuid();
                let mut buffer = [0u8; uuid::fmt::Hyphenated::LENGTH];
                uuid.hyphenated().encode_lower(&mut buffer).to_owned()
            }
        }
    }

    pub(crate) fn reserve(&mut self, table: T, rows: usize) {
        self.rows[table as usize].reserve_exact(rows);
    }

    /// Adds a row with a fresh uuid and returns that uuid (for rows that refer to it).
    pub(crate) fn add<const N: usize>(&mut self, table: T, fields: [(&str, Json); N]) -> String {
        let uuid = self.uuid();
        self.push(table, uuid.clone(), fields);
        uuid
    }

    /// Adds a row nobody refers to.
    pub(crate) fn put<const N: usize>(&mut self, table: T, fields: [(&str, Json); N]) {
        let uuid = self.uuid();
        self.push(table, uuid, fields);
    }

    /// Adds a row whose uuid was made beforehand (children written first refer to it).
    pub(crate) fn push<const N: usize>(
        &mut self,
        table: T,
        uuid: String,
        fields: [(&str, Json); N],
    ) {
        let mut row = Map::with_capacity(N + 1);
        row.insert("uuid".to_owned(), Json::String(uuid));
        for (name, value) in fields {
            row.insert(name.to_owned(), value);
        }
        self.rows[table as usize].push(row);
    }

    pub(crate) fn finish(self, next_ref: u32) -> Portfolio {
        Portfolio {
            next_ref,
            tables: table_names().into_iter().zip(self.rows).collect(),
        }
    }

    /// The rows made since the last part, as a part of a portfolio; uuids go on as before.
    pub(crate) fn take_part(&mut self, next_ref: u32) -> Portfolio {
        let rows = self.rows.iter_mut().map(std::mem::take).collect::<Vec<_>>();
        Portfolio {
            next_ref,
            tables: table_names().into_iter().zip(rows).collect(),
        }
    }
}

/// A text field.
pub(crate) fn text(value: impl Into<String>) -> Json {
    Json::String(value.into())
}

/// A number field, rounded to one decimal place (an integer when `whole`).
pub(crate) fn number(value: f64, whole: bool) -> Json {
    let rounded = if whole {
        value.round()
    } else {
        (value * 10.0).round() / 10.0
    };
    if whole {
        Json::from(rounded as i64)
    } else {
        Json::from(rounded)
    }
}

/// A date or nothing.
pub(crate) fn maybe_date(date: Option<NaiveDate>) -> Json {
    date.map_or(Json::Null, |d| text(date_text(d)))
}

pub(crate) fn date_text(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// A time on `date`, `minute` minutes after midnight UTC, as the store writes times.
pub(crate) fn time_text(date: NaiveDate, minute: u64) -> String {
    let minute = minute.min(24 * 60 - 1);
    format!(
        "{}T{:02}:{:02}:00Z",
        date_text(date),
        minute / 60,
        minute % 60
    )
}

/// `days` before `date` (the date itself when out of range).
pub(crate) fn back(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days)).unwrap_or(date)
}

/// `days` after `date` (the date itself when out of range).
pub(crate) fn ahead(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap_or(date)
}

/// The first of the month `months` before `date`'s month.
pub(crate) fn month_back(date: NaiveDate, months: u32) -> NaiveDate {
    let first = date.with_day(1).unwrap_or(date);
    first
        .checked_sub_months(Months::new(months))
        .unwrap_or(first)
}

/// Days from `from` to `to` (0 when `to` is earlier).
pub(crate) fn days_between(from: NaiveDate, to: NaiveDate) -> u64 {
    u64::try_from((to - from).num_days()).unwrap_or(0)
}
