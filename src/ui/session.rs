//! The Session pane: one team at a time, what a coach needs while the team talks.
//!
//! ```text
//! QSIR Practitioner — Cohort 7 · session 4 · team 3 of 9            05:12 left of 8:00
//! QI-0020 Medicines reconciliation    lead Sam Patel · Test & measure · score 3.0 ▲ from 2.5
//! ┌ Aim, latest PDSA ────────────┐┌ main measure's chart ─────────────────────────────┐
//! │                              ││                                                   │
//! ├ Open actions ────────────────┤├ Since last session ──────────────────────────────┤
//! └──────────────────────────────┘└───────────────────────────────────────────────────┘
//! Agenda 1 QI-0003 · 2 QI-0007 · ▸3 QI-0020 · 4 QI-0022 not covered   register: 7 of 9
//! ```

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::Keys;
use super::chart;
use super::detail::{hang, list_block};
use super::text::{fit, width};
use super::theme::Theme;
use crate::app::session::{SessionView, TeamClock, clock_text};
use crate::app::{Action, Model};
use crate::domain::ActionStatus;

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: &Theme) {
    let keys = Keys::here(model);
    let Some(view) = &model.session else {
        let text = format!(
            "No cohort session today or to come — {} plans one (cohort, date, title, minutes \
             per team).",
            keys.of(Action::PlanSession)
        );
        frame.render_widget(
            Paragraph::new(Span::styled(text, theme.dim))
                .wrap(Wrap { trim: true })
                .block(list_block("Session", theme, false)),
            area,
        );
        return;
    };
    let [head, team, body, agenda] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    headline(frame, head, view, model.now, theme, &keys);
    agenda_line(frame, agenda, view, theme);
    let Some(project) = &view.project else {
        frame.render_widget(
            Paragraph::new(Span::styled(
                "No teams on this session's agenda: the cohort has no active or on-hold \
                 projects. Add them to the cohort in Detail, then plan the session again.",
                theme.dim,
            ))
            .wrap(Wrap { trim: true }),
            body,
        );
        return;
    };
    team_line(frame, team, view, theme);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(body);
    let cells = left.width.saturating_sub(2) as usize;
    let worksheet = worksheet_lines(view, cells, theme);
    let actions = actions_lines(view, model.today, cells, theme, &keys);
    // The left column stacks what the coach reads: the aim and worksheet, the open actions,
    // what happened since last time. Each takes what it needs while there is room; on a
    // short screen the worksheet keeps half and what happened gives way first.
    let h = left.height;
    let since_min = if h >= 14 { 3 } else { 0 };
    let room = h - since_min;
    let (about_need, actions_need) = (worksheet.len() as u16 + 2, actions.len() as u16 + 2);
    let about_height = about_need.min((room / 2).max(room.saturating_sub(actions_need)));
    let actions_height = actions_need.min(room - about_height);
    let [about, actions_area, since] = Layout::vertical([
        Constraint::Length(about_height),
        Constraint::Length(actions_height),
        Constraint::Min(0),
    ])
    .areas(left);
    frame.render_widget(
        Paragraph::new(worksheet).block(list_block("Aim and latest PDSA", theme, false)),
        about,
    );
    let open = open_actions(view, model.today).len();
    frame.render_widget(
        Paragraph::new(actions).block(list_block(&format!("Open actions ({open})"), theme, false)),
        actions_area,
    );
    if since.height >= 3 {
        since_last(frame, since, view, theme);
    }
    match project.shown_measure() {
        Some(measure) => chart::draw(frame, right, project, measure, theme, &keys),
        None => frame.render_widget(
            Paragraph::new(Span::styled(
                "No measures yet: ask how the team will know a change is an improvement.",
                theme.dim,
            ))
            .wrap(Wrap { trim: true })
            .block(list_block("Main measure", theme, false)),
            right,
        ),
    }
}

/// `QSIR Practitioner — Cohort 7 · session 4 · team 3 of 9` and the team's clock.
fn headline(
    frame: &mut Frame,
    area: Rect,
    view: &SessionView,
    now: DateTime<Utc>,
    theme: &Theme,
    keys: &Keys,
) {
    let (clock, style) = clock_words(&view.clock, now, theme, keys);
    let room = (area.width as usize).saturating_sub(width(&clock) + 3);
    let left = fit(
        &format!(" {}", headline_text(view, room.saturating_sub(1))),
        room,
    );
    let gap = (area.width as usize).saturating_sub(width(&left) + width(&clock) + 1);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(left, theme.title),
            Span::raw(" ".repeat(gap)),
            Span::styled(clock, style),
        ])),
        area,
    );
}

/// Where the session is: `QSIR Practitioner — Cohort 7 · session 8 · Mon 23 Nov · team
/// 3 of 7`, with the session's title when `room` allows.
fn headline_text(view: &SessionView, room: usize) -> String {
    let s = &view.session.session;
    // The cohort's own name: programmes name their cohorts after themselves already.
    let cohort = s.cohort.clone();
    let teams = view.session.agenda.len();
    let team = if teams == 0 {
        "no teams on the agenda".to_string()
    } else {
        format!("team {} of {teams}", view.team + 1)
    };
    let date = s.date.format("%a %-d %b");
    let n = s.number;
    // Longest first; on a narrow screen the title, then the date give way, and at the last
    // where the session is comes before whose it is.
    let candidates = [
        format!("{cohort} · session {n} · {} · {date} · {team}", s.title),
        format!("{cohort} · session {n} · {date} · {team}"),
        format!("{cohort} · session {n} · {team}"),
        // "QSIR Practitioner — Cohort 7" as "Cohort 7": the programme is on the board.
        format!(
            "{} · session {n} · {team}",
            cohort.rsplit(" — ").next().unwrap_or(&cohort)
        ),
    ];
    let skip_title = usize::from(s.title.is_empty());
    candidates
        .into_iter()
        .skip(skip_title)
        .find(|c| width(c) <= room)
        .unwrap_or_else(|| format!("{team} · session {n} · {cohort}"))
}

/// What the clock says and how loudly: a last minute and time up stand out, silently.
fn clock_words(
    clock: &TeamClock,
    now: DateTime<Utc>,
    theme: &Theme,
    keys: &Keys,
) -> (String, Style) {
    let left = clock.remaining(now);
    let allowed = clock_text(clock.allowed)
        .trim_start_matches('0')
        .to_string();
    if left < 0 {
        let over = clock_text(-left);
        return (
            format!("TIME UP · {over} over {allowed}"),
            theme
                .error
                .add_modifier(Modifier::BOLD | Modifier::REVERSED),
        );
    }
    let start = keys.of(Action::ToggleClock);
    let start = if start == " " {
        "Space".to_string()
    } else {
        start
    };
    if !clock.is_running() && left == clock.allowed {
        return (format!("{allowed} per team · {start} starts"), theme.dim);
    }
    let paused = if clock.is_running() { "" } else { " · paused" };
    let style = if left <= 60 {
        theme.warning.add_modifier(Modifier::BOLD)
    } else {
        theme.title
    };
    (
        format!("{} left of {allowed}{paused}", clock_text(left)),
        style,
    )
}

/// `QI-0020 Title   lead · stage · score 3.0 ▲ from 2.5`, or why the team is not covered.
fn team_line(frame: &mut Frame, area: Rect, view: &SessionView, theme: &Theme) {
    let Some(team) = view.current() else {
        return;
    };
    let p = &team.project;
    let score = p.score.map_or("–".to_string(), |s| s.to_string());
    let change = match (view.score_before(), p.score, view.previous) {
        (Some(before), Some(now), Some(_)) if now > before => format!(" ▲ from {before}"),
        (Some(before), Some(now), Some(_)) if now < before => format!(" ▼ from {before}"),
        (Some(_), Some(_), Some(_)) => " = since last session".to_string(),
        _ => String::new(),
    };
    let lead = p.lead.as_deref().unwrap_or("no lead");
    let skipped = if team.skipped { " not covered:" } else { "" };
    let mut right = format!("{lead} · {} · score {score}{change} ", p.stage);
    // The project's title matters more than its stage's name on a narrow screen.
    if (area.width as usize).saturating_sub(width(&right)) < 40 {
        right = format!("{lead} · score {score}{change} ");
    }
    let room = (area.width as usize).saturating_sub(width(&right) + 2);
    let left = fit(&format!(" {}{skipped} {}", p.reference, p.title), room);
    let gap = (area.width as usize).saturating_sub(width(&left) + width(&right));
    let title_style = if team.skipped {
        theme.dim.add_modifier(Modifier::CROSSED_OUT)
    } else {
        theme.base.add_modifier(Modifier::BOLD)
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(left, title_style),
            Span::raw(" ".repeat(gap)),
            Span::styled(right, theme.base),
        ])),
        area,
    );
}

/// The aim and the latest PDSA cycle's worksheet: what the team set out to do and learnt.
fn worksheet_lines(view: &SessionView, cells: usize, theme: &Theme) -> Vec<Line<'static>> {
    let Some(project) = &view.project else {
        return Vec::new();
    };
    let p = &project.detail.project;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut field = |label: &str, value: &str| {
        if value.trim().is_empty() {
            return;
        }
        lines.push(Line::from(vec![
            Span::styled(format!("{label:<12}"), theme.dim),
            Span::styled(value.replace('\n', " "), theme.base),
        ]));
    };
    field(
        "Aim",
        if p.aim.is_empty() {
            "(no aim yet)"
        } else {
            &p.aim
        },
    );
    match view.latest_cycle() {
        Some(c) => {
            field(
                "Latest PDSA",
                &format!(
                    "{} ({} of {}): {}",
                    c.label(),
                    c.ramp_position,
                    c.ramp_length,
                    c.change_idea
                ),
            );
            field("Prediction", &c.predictions);
            field("Study", &c.study);
            field("Act", c.act.map_or("(not decided)", |a| a.key()));
            field("Next step", &c.next_step);
        }
        None => field("Latest PDSA", "(none yet)"),
    }
    hang(lines, cells)
}

fn open_actions(view: &SessionView, today: NaiveDate) -> Vec<&crate::domain::Action> {
    let Some(project) = &view.project else {
        return Vec::new();
    };
    let mut open: Vec<_> = project
        .detail
        .actions
        .iter()
        .filter(|a| a.status == ActionStatus::Open)
        .collect();
    open.sort_by_key(|a| a.chase_order(today));
    open
}

/// The team's open actions, overdue first, each wrapped whole.
fn actions_lines(
    view: &SessionView,
    today: NaiveDate,
    room: usize,
    theme: &Theme,
    keys: &Keys,
) -> Vec<Line<'static>> {
    let open = open_actions(view, today);
    if open.is_empty() {
        vec![Line::from(Span::styled(
            format!("none — {} records one", keys.of(Action::AddAction)),
            theme.dim,
        ))]
    } else {
        let rows = open
            .iter()
            .map(|a| {
                // The due date in the label column; overdue said in words, not colour alone.
                let (label, style) = match a.due {
                    Some(_) if a.is_overdue(today) => (
                        "OVERDUE".to_string(),
                        theme.error.add_modifier(Modifier::BOLD),
                    ),
                    Some(due) => (format!("due {}", due.format("%-d %b")), theme.dim),
                    None => ("no date".to_string(), theme.dim),
                };
                let owner = a
                    .owner
                    .as_ref()
                    .map_or(String::new(), |o| format!(" — {o}"));
                Line::from(vec![
                    Span::styled(format!("{label:<12}"), style),
                    Span::styled(format!("{}. {}{owner}", a.number, a.text), theme.base),
                ])
            })
            .collect();
        hang(rows, room)
    }
}

/// What changed in the project since the cohort last met, from its history.
fn since_last(frame: &mut Frame, area: Rect, view: &SessionView, theme: &Theme) {
    let title = match view.previous {
        Some(d) => format!(
            "Since last session ({})",
            d.format("%e %b").to_string().trim()
        ),
        None => "Since the project began".to_string(),
    };
    let room = area.width.saturating_sub(2) as usize;
    let changes = view.since_last();
    let lines: Vec<Line> = if changes.is_empty() {
        vec![Line::from(Span::styled("nothing recorded", theme.dim))]
    } else {
        let rows = changes
            .iter()
            .map(|h| {
                Line::from(vec![
                    Span::styled(format!("{:<12}", h.date.format("%-d %b")), theme.dim),
                    Span::styled(h.text.clone(), theme.base),
                ])
            })
            .collect();
        hang(rows, room)
    };
    frame.render_widget(
        Paragraph::new(lines).block(list_block(&title, theme, false)),
        area,
    );
}

/// The agenda in a line: the team shown marked, those not covered struck through; the
/// register's count at the right.
fn agenda_line(frame: &mut Frame, area: Rect, view: &SessionView, theme: &Theme) {
    let present = view.session.attendance.iter().filter(|a| a.present).count();
    let marked = view.session.attendance.len();
    let register = if marked == 0 {
        " register not taken ".to_string()
    } else {
        format!(" present {present} of {marked} ")
    };
    let room = (area.width as usize).saturating_sub(width(&register) + 1);
    let mut spans = vec![Span::styled(" Agenda ", theme.dim)];
    let mut used = 8;
    // Teams before the shown one give way first, so the coming ones stay in sight.
    let start = view.team.saturating_sub(2);
    if start > 0 {
        spans.push(Span::styled("… ", theme.dim));
        used += 2;
    }
    for (i, team) in view.session.agenda.iter().enumerate().skip(start) {
        let here = i == view.team;
        // Not covered: struck through, and a × for terminals that cannot strike.
        let text = format!(
            "{}{} {}{} ",
            if here { "▸" } else { "" },
            i + 1,
            team.project.reference,
            if team.skipped { "×" } else { "" }
        );
        if used + width(&text) > room {
            spans.push(Span::styled("…", theme.dim));
            break;
        }
        used += width(&text);
        let mut style = if here { theme.selected } else { theme.base };
        if team.skipped {
            style = style.add_modifier(Modifier::CROSSED_OUT | Modifier::DIM);
        }
        spans.push(Span::styled(text, style));
    }
    let gap = (area.width as usize).saturating_sub(used + width(&register));
    spans.push(Span::raw(" ".repeat(gap)));
    spans.push(Span::styled(register, theme.dim));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
