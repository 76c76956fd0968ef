//! The application state machine (Elm style): [`Model`] is what is on screen and selected,
//! [`Action`] every thing a user can do, [`update`] applies one to the model and the store.
//! No drawing here; `ui` reads the model, `tui` owns the terminal.

pub mod action;
pub mod availability;
pub mod board;
mod card_moves;
pub mod config;
pub mod detail;
pub mod directory;
pub mod form;
mod forms;
pub mod keymap;
pub mod metrics;
mod navigate;
pub mod overlay;
mod overlay_actions;
mod overlay_keys;
mod project_parts;
pub mod register;
mod report;
mod search;
pub mod session;
mod update;

use chrono::NaiveDate;
use crossterm::event::{Event, KeyEventKind};

pub use action::Action;
pub use board::BoardView;
pub use config::{Config, ThemeName};
pub use detail::DriverItem;
pub use detail::{ChartKind, DetailView, Section};
pub use form::{Field, FieldId, Form, FormKind};
pub use keymap::{Context, Key, Keymap};
pub use metrics::{MetricsFocus, MetricsView};
pub use overlay::{Choice, ChoicePurpose, Confirm, ConfirmPurpose, Overlay, Palette, Search};
pub use session::SessionView;
pub use update::update;

use crate::domain::ProjectRef;
use crate::store::{ProjectFilter, Store, StoreError, Unknown};

/// The four panes, named in the top bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Board,
    Detail,
    Metrics,
    Session,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Board, Pane::Detail, Pane::Metrics, Pane::Session];

    pub fn label(self) -> &'static str {
        match self {
            Pane::Board => "Board",
            Pane::Detail => "Detail",
            Pane::Metrics => "Metrics",
            Pane::Session => "Session",
        }
    }

    pub fn context(self) -> Context {
        match self {
            Pane::Board => Context::Board,
            Pane::Detail => Context::Detail,
            Pane::Metrics => Context::Metrics,
            Pane::Session => Context::Session,
        }
    }
}

/// How the status line should read: never colour alone, so each kind has a symbol too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Warning,
    /// Nothing was done, on purpose (already there, nothing chosen): not a success.
    Refused,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine {
    pub text: String,
    pub kind: StatusKind,
    /// A file the message names: drawn after the text, shortened from the left so its
    /// name always shows.
    pub path: Option<String>,
    /// Key presses since it was said: it clears after [`STATUS_KEYS`].
    pub(crate) age: u8,
}

/// A message stays for this many key presses after the one that caused it.
pub const STATUS_KEYS: u8 = 4;

impl StatusLine {
    pub fn new(kind: StatusKind, text: impl Into<String>) -> StatusLine {
        StatusLine {
            text: text.into(),
            kind,
            path: None,
            age: 0,
        }
    }

    /// A message naming a file: the path is shortened on screen, never its file name.
    pub fn with_path(kind: StatusKind, text: impl Into<String>, path: &std::path::Path) -> Self {
        StatusLine {
            path: Some(path.display().to_string()),
            ..StatusLine::new(kind, text)
        }
    }
}

/// Which portfolio file is open, shown in the top bar and help so nobody wonders where
/// their projects went.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PortfolioFile {
    pub path: Option<std::path::PathBuf>,
    /// The file does not exist yet: it is created with the first change.
    pub is_new: bool,
}

impl PortfolioFile {
    fn of(store: &Store) -> PortfolioFile {
        PortfolioFile {
            path: store.path().map(std::path::Path::to_path_buf),
            is_new: store.is_unsaved(),
        }
    }

    /// The file's name alone (the top bar has no room for a whole path); none in memory.
    pub fn name(&self) -> Option<String> {
        self.path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
    }

    pub fn shown(&self) -> Option<String> {
        self.path.as_ref().map(|p| p.display().to_string())
    }
}

/// Everything the screen shows, and what is selected.
pub struct Model {
    pub pane: Pane,
    pub board: BoardView,
    pub detail: Option<DetailView>,
    pub metrics: Option<MetricsView>,
    /// The cohort session the Session pane runs (read when the pane first shows).
    pub session: Option<SessionView>,
    /// Where Esc returns to from Detail (Metrics when a project was opened from there).
    pub back_to: Pane,
    pub overlay: Option<Overlay>,
    pub filter: ProjectFilter,
    pub status: Option<StatusLine>,
    pub config: Config,
    /// The terminal's size, kept so selection can scroll what is visible.
    pub size: (u16, u16),
    pub today: NaiveDate,
    /// The time as of the last key or tick: what the session's clock counts against.
    pub now: chrono::DateTime<chrono::Utc>,
    pub portfolio: PortfolioFile,
    pub quit: bool,
    data_version: i64,
}

impl Model {
    /// Reads what the first screen shows (the board's summary columns only).
    pub fn load(store: &Store, config: Config, size: (u16, u16)) -> Result<Model, StoreError> {
        let filter = ProjectFilter::default();
        let board = BoardView::new(store.board(&filter)?);
        let portfolio = PortfolioFile::of(store);
        // A mistyped path must not pass for a portfolio whose projects were lost.
        let status = portfolio.shown().filter(|_| portfolio.is_new).map(|path| {
            StatusLine::new(
                StatusKind::Warning,
                format!("No portfolio at {path} yet: it is created with your first change"),
            )
        });
        Ok(Model {
            pane: Pane::Board,
            board,
            detail: None,
            metrics: None,
            session: None,
            back_to: Pane::Board,
            overlay: None,
            filter,
            status,
            config,
            size,
            today: store.clock().today(),
            now: store.clock().now(),
            portfolio,
            quit: false,
            data_version: store.data_version()?,
        })
    }

    /// Where keys are looked up now: the open overlay's context, else the pane's.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Some(Overlay::Form(_)) => Context::Form,
            Some(Overlay::Confirm(_)) => Context::Confirm,
            Some(Overlay::Choice(_)) => Context::Choice,
            Some(Overlay::Palette(_) | Overlay::Search(_)) => Context::List,
            Some(Overlay::Help { .. }) => Context::Help,
            Some(Overlay::Directory(_)) => Context::Directory,
            None => self.pane_context(),
        }
    }

    /// The pane's context; in Detail, the shown section's when it has keys of its own.
    pub fn pane_context(&self) -> Context {
        match (self.pane, self.detail.as_ref().map(|d| d.section)) {
            (Pane::Detail, Some(Section::Team)) => Context::Team,
            (Pane::Detail, Some(Section::Measures)) => Context::Measures,
            (Pane::Detail, Some(Section::Drivers)) => Context::Drivers,
            (Pane::Detail, Some(Section::Benefits)) => Context::Benefits,
            (Pane::Detail, Some(Section::Notes)) => Context::Notes,
            (Pane::Detail, Some(Section::Actions)) => Context::Actions,
            (pane, _) => pane.context(),
        }
    }

    pub fn keymap(&self) -> &Keymap {
        &self.config.keymap
    }

    /// The keys that move between Detail's sections, as hints name them ("h/l").
    pub fn section_keys(&self) -> String {
        format!(
            "{}/{}",
            self.key_hint(Action::SelectLeft),
            self.key_hint(Action::SelectRight)
        )
    }

    /// The key that does `action` here, as a hint names it ("u"), so that a rebinding in
    /// config.toml changes the hint too.
    pub fn key_hint(&self, action: Action) -> String {
        self.keymap().hint(self.pane_context(), action)
    }

    pub(crate) fn info(&mut self, text: impl Into<String>) {
        self.status = Some(StatusLine::new(StatusKind::Info, text));
    }

    pub(crate) fn warn(&mut self, text: impl Into<String>) {
        self.status = Some(StatusLine::new(StatusKind::Warning, text));
    }

    /// Nothing was done, and why (already at the top, not in the right section …).
    pub(crate) fn refuse(&mut self, text: impl Into<String>) {
        self.status = Some(StatusLine::new(StatusKind::Refused, text));
    }

    pub(crate) fn error(&mut self, text: impl Into<String>) {
        self.status = Some(StatusLine::new(StatusKind::Error, text));
    }

    /// A message naming a file: the path is shortened on screen, never its file name.
    pub(crate) fn info_with_path(&mut self, text: impl Into<String>, path: &std::path::Path) {
        self.status = Some(StatusLine::with_path(StatusKind::Info, text, path));
    }

    /// Whether the board has any projects at all (else it greets the user).
    pub fn portfolio_is_empty(&self) -> bool {
        self.board.total_cards() == 0 && self.filter_is_empty()
    }

    pub fn filter_is_empty(&self) -> bool {
        self.filter.is_empty()
    }

    /// Reloads what is on screen from the store (after a change here or elsewhere).
    pub fn reload(&mut self, store: &Store) -> Result<(), StoreError> {
        self.board.replace(store.board(&self.filter)?);
        if let Some(detail) = &mut self.detail {
            match store.project_detail(detail.reference()) {
                Ok(fresh) => detail.replace(fresh, store)?,
                // Deleted meanwhile (here, or from the command line).
                Err(StoreError::Unknown(Unknown::Project(_))) => self.detail = None,
                Err(e) => return Err(e),
            }
        }
        self.refresh_metrics(store)?;
        self.refresh_session(store)?;
        self.data_version = store.data_version()?;
        self.portfolio = PortfolioFile::of(store);
        Ok(())
    }

    /// The session shown is re-read (a capture shows at once); one deleted elsewhere goes.
    fn refresh_session(&mut self, store: &Store) -> Result<(), StoreError> {
        if let Some(view) = &mut self.session {
            match view.refresh(store) {
                Ok(()) => {}
                Err(StoreError::Unknown(Unknown::Session { .. } | Unknown::Cohort(_))) => {
                    self.session = None;
                }
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Metrics are re-read when they show; elsewhere they are dropped and read on return.
    fn refresh_metrics(&mut self, store: &Store) -> Result<(), StoreError> {
        if self.pane != Pane::Metrics {
            self.metrics = None;
        } else if let Some(metrics) = &mut self.metrics {
            metrics.refresh(store, &self.filter, self.today, self.config.stale_weeks)?;
        }
        Ok(())
    }

    /// After a change to one project: re-reads its card (and its detail if open) instead of
    /// the whole board. With a filter on, the card may leave the board: read it all then.
    pub fn reload_project(
        &mut self,
        store: &Store,
        reference: ProjectRef,
    ) -> Result<(), StoreError> {
        if !self.filter_is_empty() {
            return self.reload(store);
        }
        if let Some((stage_id, card)) = store.board_card(reference)? {
            self.board.apply(stage_id, card);
        }
        if let Some(detail) = &mut self.detail
            && detail.reference() == reference
        {
            let fresh = store.project_detail(reference)?;
            detail.replace(fresh, store)?;
        }
        self.portfolio = PortfolioFile::of(store);
        if self
            .session
            .as_ref()
            .is_some_and(|s| s.reference() == Some(reference))
        {
            self.refresh_session(store)?;
        }
        self.refresh_metrics(store)
    }

    /// Work done while the coach reads, between a frame and the next key: Metrics' figures
    /// are read ahead, so opening the pane is one frame. A change drops them (unless Metrics
    /// shows), and the next idle moment reads them again.
    pub fn idle(&mut self, store: &Store) {
        if self.metrics.is_none() {
            // A failure here is not the coach's concern yet: opening Metrics reads again
            // and says what went wrong.
            self.metrics =
                MetricsView::load(store, &self.filter, self.today, self.config.stale_weeks).ok();
        }
    }

    /// Called when no key came for a while: shows changes another qiboard made.
    pub fn tick(&mut self, store: &mut Store) {
        // An app left open overnight moves to the new day (stale marks, dates in forms).
        let today = store.clock().today();
        if today != self.today && self.pane != Pane::Metrics {
            self.metrics = None;
        }
        self.today = today;
        self.now = store.clock().now();
        if let Err(e) = store.settle() {
            self.error(e.to_string());
        }
        match store.data_version() {
            Ok(version) if version != self.data_version => {
                if let Err(e) = self.reload(store) {
                    self.error(e.to_string());
                }
            }
            Ok(_) => {}
            Err(e) => self.error(e.to_string()),
        }
    }
}

/// Feeds one terminal event to the model: key presses (never releases), pasted text, resizes.
pub fn handle_event(model: &mut Model, event: Event, store: &mut Store) {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            // An old message goes after a few key presses, so it never describes a later
            // screen; a key that says something new starts the count again.
            if let Some(status) = &mut model.status {
                status.age = status.age.saturating_add(1);
                if status.age > STATUS_KEYS {
                    model.status = None;
                }
            }
            model.now = store.clock().now();
            update::handle_key(model, &key, store);
        }
        Event::Paste(text) => update::paste(model, &text),
        Event::Resize(width, height) => {
            model.size = (width, height);
            model.board.keep_in_view(model.size);
        }
        _ => {}
    }
}
