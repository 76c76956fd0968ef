//! The Session pane's state and keys: a cohort session run team by team, with a clock per
//! team, and what a coach captures as the team talks (stored at once, like every change).
//!
//! ```text
//! ┌ QSIR Practitioner — Cohort 7 · session 8 · team 3 of 7 · 05:12 left of 8:00 ─────────┐
//! │ QI-0020 Medicines reconciliation …   lead · stage · score 3.0 (▲ from 2.5)             │
//! │ Aim …                                 │ main measure's chart with its icons            │
//! │ Latest PDSA: prediction, study, act   │                                                │
//! │ Open actions (overdue marked)         │ Since last session: what changed               │
//! │ Agenda: the teams, this one marked, skipped ones struck through                        │
//! └────────────────────────────────────────────────────────────────────────────────────────┘
//! ```

use chrono::{DateTime, NaiveDate, Utc};

use super::forms;
use super::navigate::open_detail;
use super::update::{open_form, people, refused};
use super::{Action, DetailView, Model, Pane};
use crate::domain::{PdsaCycle, ProgressScore, ProjectRef};
use crate::store::{AgendaTeam, Happening, SessionDetail, Store, StoreError};

/// A team's presenting time: it counts down while running and goes on below zero, so the
/// pane can say by how much time is up (silently: no sound in a meeting room).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TeamClock {
    pub allowed: i64,
    /// Seconds used before the clock was last started.
    used: i64,
    running_since: Option<DateTime<Utc>>,
}

impl TeamClock {
    pub fn new(minutes: u32) -> TeamClock {
        TeamClock {
            allowed: i64::from(minutes) * 60,
            used: 0,
            running_since: None,
        }
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Seconds left at `now` (negative once time is up).
    pub fn remaining(&self, now: DateTime<Utc>) -> i64 {
        let running = self
            .running_since
            .map_or(0, |since| (now - since).num_seconds().max(0));
        self.allowed - self.used - running
    }

    pub fn toggle(&mut self, now: DateTime<Utc>) {
        match self.running_since.take() {
            Some(since) => self.used += (now - since).num_seconds().max(0),
            None => self.running_since = Some(now),
        }
    }
}

/// `05:12` (or `-01:30` once time is up).
pub fn clock_text(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.abs();
    format!("{sign}{:02}:{:02}", s / 60, s % 60)
}

pub struct SessionView {
    pub session: SessionDetail,
    /// The team presenting: an index into the agenda.
    pub team: usize,
    /// The presenting team's project, with its chart read.
    pub project: Option<DetailView>,
    /// The cohort's session before this one, for "since last session".
    pub previous: Option<NaiveDate>,
    pub clock: TeamClock,
}

impl SessionView {
    /// Today's session (of the filter's cohort, when the board is filtered), else the next
    /// one to come; `None` when there is neither.
    pub fn open(
        store: &Store,
        cohort: Option<&str>,
        today: NaiveDate,
    ) -> Result<Option<SessionView>, StoreError> {
        let wanted = cohort.map(str::to_lowercase);
        let sessions: Vec<_> = store
            .sessions(None)?
            .into_iter()
            .filter(|s| {
                wanted
                    .as_ref()
                    .is_none_or(|w| s.cohort.to_lowercase().contains(w.as_str()))
            })
            .filter(|s| s.date >= today)
            .collect();
        // Sessions come in date order: the first on or after today is today's or the next.
        let Some(chosen) = sessions.first() else {
            return Ok(None);
        };
        SessionView::load(store, &chosen.cohort, chosen.number, 0).map(Some)
    }

    pub fn load(
        store: &Store,
        cohort: &str,
        number: i64,
        team: usize,
    ) -> Result<SessionView, StoreError> {
        let session = store.session_detail(cohort, number)?;
        let previous = store
            .sessions(Some(cohort))?
            .into_iter()
            .filter(|s| s.number < number)
            .map(|s| s.date)
            .max();
        let clock = TeamClock::new(session.session.minutes);
        let mut view = SessionView {
            session,
            team: 0,
            project: None,
            previous,
            clock,
        };
        view.show_team(team, store)?;
        Ok(view)
    }

    /// Shows the agenda's `team`th team (clamped), its clock afresh.
    fn show_team(&mut self, team: usize, store: &Store) -> Result<(), StoreError> {
        self.team = team.min(self.session.agenda.len().saturating_sub(1));
        self.clock = TeamClock::new(self.session.session.minutes);
        self.project = match self.current() {
            Some(t) => Some(DetailView::open(store, t.project.reference)?),
            None => None,
        };
        Ok(())
    }

    /// Re-reads the session and the team's project after a change, keeping the team shown
    /// (by its ref, should the agenda have moved) and its clock.
    pub fn refresh(&mut self, store: &Store) -> Result<(), StoreError> {
        let shown = self.reference();
        let clock = self.clock;
        let (cohort, number) = (
            self.session.session.cohort.clone(),
            self.session.session.number,
        );
        self.session = store.session_detail(&cohort, number)?;
        let at = shown
            .and_then(|r| {
                self.session
                    .agenda
                    .iter()
                    .position(|t| t.project.reference == r)
            })
            .unwrap_or(self.team);
        self.show_team(at, store)?;
        if self.reference() == shown {
            self.clock = clock;
        }
        Ok(())
    }

    pub fn current(&self) -> Option<&AgendaTeam> {
        self.session.agenda.get(self.team)
    }

    pub fn reference(&self) -> Option<ProjectRef> {
        self.current().map(|t| t.project.reference)
    }

    pub fn cohort(&self) -> &str {
        &self.session.session.cohort
    }

    pub fn number(&self) -> i64 {
        self.session.session.number
    }

    /// The team's score at the previous session (its last score on or before that day).
    pub fn score_before(&self) -> Option<ProgressScore> {
        self.project.as_ref()?.detail.score_on(self.previous?)
    }

    /// What the team did since the previous session (since it began, at a first session),
    /// newest first; what is captured now shows at once.
    pub fn since_last(&self) -> Vec<Happening> {
        self.project.as_ref().map_or_else(Vec::new, |p| {
            p.detail.happenings_between(self.previous, NaiveDate::MAX)
        })
    }

    /// The team's latest PDSA cycle (the highest number).
    pub fn latest_cycle(&self) -> Option<&PdsaCycle> {
        self.project
            .as_ref()?
            .detail
            .pdsa_cycles
            .iter()
            .max_by_key(|c| c.number)
    }
}

/// `4`: the session of today or the next one; a pane that offers to plan one otherwise.
pub(super) fn show(model: &mut Model, store: &Store) {
    model.pane = Pane::Session;
    if model.session.is_some() {
        return;
    }
    match SessionView::open(store, model.filter.cohort.as_deref(), model.today) {
        Ok(view) => model.session = view,
        Err(e) => model.error(e.to_string()),
    }
}

/// The Session pane's own keys.
pub(super) fn act(model: &mut Model, action: Action, store: &mut Store) {
    let now = store.clock().now();
    let undo = model.key_hint(Action::Undo);
    if action == Action::PlanSession {
        let cohorts: Vec<String> = match store.cohorts() {
            Ok(c) => c.into_iter().map(|c| c.name).collect(),
            Err(e) => return model.error(e.to_string()),
        };
        if cohorts.is_empty() {
            let people = model.key_hint(Action::Cohorts);
            return model.refuse(format!("No cohorts yet: {people} adds one"));
        }
        let chosen = model
            .session
            .as_ref()
            .map(|s| s.cohort().to_string())
            .or_else(|| model.filter.cohort.clone());
        let form = forms::plan_session_form(&cohorts, chosen.as_deref(), model.today);
        return open_form(model, form);
    }
    let Some(view) = &mut model.session else {
        let plan = model.key_hint(Action::PlanSession);
        return model.refuse(format!("No session today or to come: {plan} plans one"));
    };
    match action {
        Action::NextTeam | Action::PreviousTeam => {
            let n = view.session.agenda.len();
            let step: isize = if action == Action::NextTeam { 1 } else { -1 };
            let at = view.team as isize + step;
            if n == 0 || at < 0 || at >= n as isize {
                let end = if step > 0 { "last" } else { "first" };
                return model.refuse(format!("This is the {end} team on the agenda"));
            }
            if let Err(e) = view.show_team(at as usize, store) {
                model.error(e.to_string());
            }
        }
        Action::ToggleClock => {
            view.clock.toggle(now);
            let said = if view.clock.is_running() {
                format!(
                    "Clock running: {} left",
                    clock_text(view.clock.remaining(now))
                )
            } else {
                format!("Clock paused at {}", clock_text(view.clock.remaining(now)))
            };
            model.info(said);
        }
        Action::MoveTeamUp | Action::MoveTeamDown => {
            let down = action == Action::MoveTeamDown;
            let mut order: Vec<ProjectRef> = view
                .session
                .agenda
                .iter()
                .map(|t| t.project.reference)
                .collect();
            let i = view.team;
            let j = if down { i + 1 } else { i.wrapping_sub(1) };
            if j >= order.len() {
                let end = if down { "last" } else { "first" };
                return model.refuse(format!("The team already presents {end}"));
            }
            order.swap(i, j);
            let (cohort, number) = (view.cohort().to_string(), view.number());
            match store.set_agenda(&cohort, number, &order) {
                Ok(()) => {
                    let said = format!(
                        "{} now presents {} — {undo} to undo",
                        order[j],
                        if down { "later" } else { "sooner" }
                    );
                    after_change(model, store, said);
                }
                Err(e) => refused(model, store, e),
            }
        }
        Action::SkipTeam => {
            let Some(team) = view.current() else {
                return model.refuse("No team on the agenda to skip");
            };
            let (reference, skipped) = (team.project.reference, !team.skipped);
            let (cohort, number) = (view.cohort().to_string(), view.number());
            match store.skip_team(&cohort, number, reference, skipped) {
                Ok(()) => {
                    let said = if skipped {
                        format!("{reference} not covered this session — {undo} to undo")
                    } else {
                        format!("{reference} back on the agenda")
                    };
                    after_change(model, store, said);
                }
                Err(e) => refused(model, store, e),
            }
        }
        Action::TakeAttendance => {
            let (cohort, number) = (view.cohort().to_string(), view.number());
            let overview = match store.cohort_overview(&cohort) {
                Ok(o) => o,
                Err(e) => return model.error(e.to_string()),
            };
            let marks = &view.session.attendance;
            let mut people: Vec<(String, Option<bool>)> = overview
                .participants
                .iter()
                .map(|p| {
                    let mark = marks.iter().find(|a| a.name == p.name).map(|a| a.present);
                    (p.name.clone(), mark)
                })
                .collect();
            // Someone marked who is no longer a participant still shows on the register.
            for a in marks {
                if !people.iter().any(|(name, _)| *name == a.name) {
                    people.push((a.name.clone(), Some(a.present)));
                }
            }
            let form = forms::register_form(&cohort, number, &people, self::people(store));
            open_form(model, form);
        }
        Action::Open => {
            if let Some(reference) = view.reference() {
                open_detail(model, reference, store);
                model.back_to = Pane::Session;
            }
        }
        _ => {}
    }
}

fn after_change(model: &mut Model, store: &Store, said: String) {
    super::update::changed(model, store, said);
}

/// The team's latest cycle's worksheet, opened on its act decision.
pub(super) fn decide_latest_cycle(model: &mut Model, store: &Store) {
    let Some((reference, _)) = super::update::selected_ref(model) else {
        return;
    };
    let latest = match store.pdsa_cycles(reference) {
        Ok(cycles) => cycles.into_iter().max_by_key(|c| c.number),
        Err(e) => return model.error(e.to_string()),
    };
    let Some(cycle) = latest else {
        let add = model.key_hint(Action::AddPdsa);
        return model.refuse(format!(
            "{reference} has no PDSA cycle yet: {add} in Detail plans one"
        ));
    };
    let form = forms::worksheet_form(reference, &cycle).focus_on(super::FieldId::Act);
    open_form(model, form);
}

/// `a`: an action on the team (in a session: raised there, its owner the lead) or on the
/// project shown in Detail.
pub(super) fn add_action(model: &mut Model, store: &Store) {
    let Some((reference, _)) = super::update::selected_ref(model) else {
        return;
    };
    let in_session = model
        .session
        .as_ref()
        .filter(|s| model.pane == Pane::Session && s.reference() == Some(reference));
    let session = in_session.map(|s| s.number());
    let lead = match in_session {
        Some(s) => s.current().and_then(|t| t.project.lead.clone()),
        None => store.project_detail(reference).ok().and_then(|d| {
            d.team
                .into_iter()
                .find(|t| t.role == crate::domain::Role::Lead)
                .map(|t| t.person.name)
        }),
    };
    let form = forms::add_action_form(reference, lead.as_deref(), people(store), session);
    open_form(model, form);
}
