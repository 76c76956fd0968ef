//! The metrics pane: the portfolio at a glance, under the board's filters.
//!
//! ```text
//! ┌ By stage ─────────┐┌ By status ┐┌ Scores ────────────┐┌ PDSA cycles per month ┐
//! ┌ Stalled (Enter opens) ───────────────┐┌ Divisions ┐┌ Cohorts ┐┌ Coaches ┐┌ Benefits ┐
//! ```

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::text::fit;
use super::theme::Theme;
use crate::app::{MetricsFocus, MetricsView, Model};
use crate::store::{IconGroup, PortfolioMetrics};

fn block<'a>(title: String, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Span::styled(title, theme.title))
}

/// A horizontal bar of `value` out of `max` in `cells` cells.
fn bar(value: usize, max: usize, cells: usize) -> String {
    if max == 0 || cells == 0 {
        return String::new();
    }
    let filled = (value * cells).div_ceil(max).min(cells);
    "█".repeat(filled)
}

fn bars<'a>(
    rows: &[(String, usize)],
    label_width: usize,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let max = rows.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let count_width = max.to_string().len();
    let cells = width.saturating_sub(label_width + count_width + 3);
    rows.iter()
        .map(|(label, n)| {
            Line::from(vec![
                Span::styled(
                    format!("{:<label_width$} ", fit(label, label_width)),
                    theme.base,
                ),
                Span::styled(format!("{n:>count_width$} "), theme.title),
                Span::styled(bar(*n, max, cells), theme.key),
            ])
        })
        .collect()
}

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: &Theme) {
    let Some(view) = &model.metrics else {
        frame.render_widget(Paragraph::new("Loading…"), area);
        return;
    };
    let m = &view.portfolio;
    if area.width < 110 {
        narrow(frame, area, view, theme);
        return;
    }
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let [stages, statuses, scores, months, icons] = Layout::horizontal([
        Constraint::Percentage(22),
        Constraint::Percentage(17),
        Constraint::Percentage(18),
        Constraint::Percentage(21),
        Constraint::Percentage(22),
    ])
    .areas(top);
    let [stalled, groups, benefits] = Layout::horizontal([
        Constraint::Percentage(42),
        Constraint::Percentage(34),
        Constraint::Percentage(24),
    ])
    .areas(bottom);

    let inner = |r: Rect| r.width.saturating_sub(2) as usize;
    stage_and_status(
        frame,
        (stages, statuses),
        m,
        format!(" {} projects by stage ", m.total),
        theme,
    );
    score_panel(frame, scores, m, theme);
    month_panel(frame, months, m, theme);
    icon_panel(frame, icons, view, theme);
    list_panel(frame, stalled, view, theme);
    let [divisions, cohorts, coaches] = Layout::vertical([
        Constraint::Ratio(1, 3),
        Constraint::Ratio(1, 3),
        Constraint::Ratio(1, 3),
    ])
    .areas(groups);
    for (rect, title, rows) in [
        (divisions, " Divisions ", &m.by_division),
        (cohorts, " Cohorts ", &m.by_cohort),
        (coaches, " Coaches ", &m.by_coach),
    ] {
        let rows: Vec<(String, usize)> = rows
            .iter()
            .map(|(l, n)| {
                (
                    if l.is_empty() {
                        "(none)".to_string()
                    } else {
                        l.clone()
                    },
                    *n,
                )
            })
            .collect();
        frame.render_widget(
            Paragraph::new(bars(&rows, inner(rect) * 2 / 3, inner(rect), theme))
                .block(block(title.into(), theme)),
            rect,
        );
    }
    let lines: Vec<Line> = if m.benefits.is_empty() {
        vec![Line::from(Span::styled("none claimed yet", theme.dim))]
    } else {
        m.benefits
            .iter()
            .map(|(kind, unit, total)| {
                Line::from(fit(
                    &format!(
                        "{} {} {}",
                        kind.replace('_', " "),
                        format_amount(*total),
                        unit
                    ),
                    inner(benefits),
                ))
            })
            .collect()
    };
    frame.render_widget(
        Paragraph::new(lines).block(block(" Benefits claimed ".into(), theme)),
        benefits,
    );
}

/// 512400 → "512,400": board papers group thousands.
fn format_amount(value: f64) -> String {
    let text = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    };
    let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

fn score_panel(frame: &mut Frame, area: Rect, m: &PortfolioMetrics, theme: &Theme) {
    let width = area.width.saturating_sub(2) as usize;
    let mut rows: Vec<(String, usize)> = (1..=10)
        .rev()
        .map(|h| (format!("{:.1}", h as f64 / 2.0), m.scores[h]))
        .collect();
    rows.push(("none".into(), m.scores[0]));
    let mut lines = bars(&rows, 4, width, theme);
    lines.push(Line::from(vec![
        Span::styled("90 days: ", theme.dim),
        Span::styled(format!("▲{} ", m.score_up), theme.info),
        Span::styled(format!("▼{} ", m.score_down), theme.warning),
        Span::styled(format!("={}", m.score_same), theme.dim),
    ]));
    frame.render_widget(
        Paragraph::new(lines).block(block(" Progress scores ".into(), theme)),
        area,
    );
}

fn month_panel(frame: &mut Frame, area: Rect, m: &PortfolioMetrics, theme: &Theme) {
    let width = area.width.saturating_sub(2) as usize;
    let max = m
        .pdsa_by_month
        .iter()
        .map(|(_, s, f)| (*s).max(*f))
        .max()
        .unwrap_or(0);
    let count_width = max.to_string().len().max(1);
    let cells = width.saturating_sub(8 + 2 * count_width + 4) / 2;
    let lines: Vec<Line> = m
        .pdsa_by_month
        .iter()
        .rev()
        .take(area.height.saturating_sub(3) as usize)
        .rev()
        .map(|(month, started, finished)| {
            Line::from(vec![
                Span::styled(format!("{month} "), theme.dim),
                Span::styled(format!("{started:>count_width$}"), theme.title),
                Span::styled(format!("{:<cells$}", bar(*started, max, cells)), theme.key),
                Span::styled(format!(" {finished:>count_width$}"), theme.title),
                Span::styled(bar(*finished, max, cells), theme.info),
            ])
        })
        .collect();
    let mut all = vec![Line::from(Span::styled(
        "month   started  finished",
        theme.dim,
    ))];
    all.extend(lines);
    frame.render_widget(
        Paragraph::new(all).block(block(" PDSA cycles per month ".into(), theme)),
        area,
    );
}

/// Projects by stage and by status, side by side (both layouts open with them).
fn stage_and_status(
    frame: &mut Frame,
    (stages, statuses): (Rect, Rect),
    m: &PortfolioMetrics,
    title: String,
    theme: &Theme,
) {
    let inner = |r: Rect| r.width.saturating_sub(2) as usize;
    frame.render_widget(
        Paragraph::new(bars(
            &m.by_stage,
            14.min(inner(stages) / 2),
            inner(stages),
            theme,
        ))
        .block(block(title, theme)),
        stages,
    );
    let by_status: Vec<(String, usize)> = m
        .by_status
        .iter()
        .map(|(s, n)| (s.label().to_string(), *n))
        .collect();
    frame.render_widget(
        Paragraph::new(bars(&by_status, 9, inner(statuses), theme))
            .block(block(" Status ".into(), theme)),
        statuses,
    );
}

/// A small window keeps what answers "how is the portfolio doing" first: stages, status,
/// the main measures' icons, and the list; scores, months and groups need a wider one.
fn narrow(frame: &mut Frame, area: Rect, view: &MetricsView, theme: &Theme) {
    let m = &view.portfolio;
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(area);
    let [stages, statuses, icons] = Layout::horizontal([
        Constraint::Percentage(38),
        Constraint::Percentage(27),
        Constraint::Percentage(35),
    ])
    .areas(top);
    stage_and_status(
        frame,
        (stages, statuses),
        m,
        format!(" {} projects ", m.total),
        theme,
    );
    icon_panel(frame, icons, view, theme);
    list_panel(frame, bottom, view, theme);
}

/// Labels that fit a narrow panel (the full words are in the list's title).
fn short_label(group: IconGroup) -> &'static str {
    match group {
        IconGroup::Improvement => "improvement",
        IconGroup::Concern => "concern",
        IconGroup::CommonCause => "common cause",
        IconGroup::Neutral => "neutral",
        IconGroup::NoData => "no data yet",
        IconGroup::Pass => "pass target",
        IconGroup::Fail => "fail target",
        IconGroup::HitAndMiss => "hit and miss",
    }
}

/// How the portfolio's main measures read (Making Data Count icons); Enter lists the projects.
fn icon_panel(frame: &mut Frame, area: Rect, view: &MetricsView, theme: &Theme) {
    let focused = view.focus == MetricsFocus::Icons;
    let width = area.width.saturating_sub(2) as usize;
    let lines: Vec<Line> = IconGroup::ALL
        .iter()
        .enumerate()
        .map(|(i, group)| {
            let style = match group {
                IconGroup::Improvement | IconGroup::Pass => theme.improvement,
                IconGroup::Concern | IconGroup::Fail => theme.concern,
                IconGroup::Neutral => theme.neutral,
                _ => theme.common_cause,
            };
            let text = fit(
                &format!(
                    "{} {:>4} {}",
                    group.badge(),
                    view.icons.count(*group),
                    short_label(*group)
                ),
                width,
            );
            let line = Line::from(Span::styled(text, style));
            super::text::mark(line, focused && i == view.icon, theme)
        })
        .collect();
    let mut block = block(" Main measures (l, Enter) ".into(), theme);
    if focused {
        block = block.border_style(theme.border_focus);
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn list_panel(frame: &mut Frame, area: Rect, view: &MetricsView, theme: &Theme) {
    let width = area.width.saturating_sub(2) as usize;
    let visible = area.height.saturating_sub(2).max(1) as usize;
    let offset = view.selected.saturating_sub(visible - 1);
    let focused = view.focus == MetricsFocus::List;
    let lines: Vec<Line> = if view.list.is_empty() {
        let empty = match view.group {
            None => "nothing stalled — every active project moved recently",
            Some(_) => "no project here",
        };
        vec![Line::from(Span::styled(empty, theme.dim))]
    } else {
        view.list
            .iter()
            .enumerate()
            .skip(offset)
            .take(visible)
            .map(|(i, (reference, text))| {
                let line = Line::from(fit(&format!("{reference} {text}"), width));
                super::text::mark(line, focused && i == view.selected, theme)
            })
            .collect()
    };
    let title = match view.group {
        None => format!(
            " Stalled: {} (no update, PDSA or data for {} weeks) — Enter opens ",
            view.list.len(),
            view.portfolio.stale_weeks
        ),
        Some(group) => format!(
            " {} {}: {} — Enter opens, Esc back ",
            group.badge(),
            group.label(),
            view.list.len()
        ),
    };
    let mut block = block(title, theme);
    if focused {
        block = block.border_style(theme.border_focus);
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
