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

use super::text::{fit, fit_middle, pad, wrap_words};
use super::theme::Theme;
use crate::app::metrics::panel_pages;
use crate::app::{Action, Context, MetricsFocus, MetricsView, Model};
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

/// Labels cut to `width` cells at their end, or in the middle where end-cut labels of one
/// list would read the same (two cohorts that differ only in their number).
fn fit_labels(labels: &[&str], width: usize) -> Vec<String> {
    let ends: Vec<String> = labels.iter().map(|l| fit(l, width)).collect();
    let clash = |i: usize| {
        ends[i] != labels[i]
            && ends
                .iter()
                .enumerate()
                .any(|(j, e)| j != i && *e == ends[i])
    };
    labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if clash(i) {
                fit_middle(l, width)
            } else {
                ends[i].clone()
            }
        })
        .collect()
}

/// A `+N more` line, said when a list has more rows than its panel shows.
fn more(hidden: usize, theme: &Theme) -> Line<'static> {
    Line::from(Span::styled(format!("+{hidden} more"), theme.dim))
}

/// Rows as labelled bars in `width` cells, at most `height` lines: when they do not all fit,
/// the last line says how many more there are.
fn bars<'a>(rows: &[(String, usize)], width: usize, height: usize, theme: &Theme) -> Vec<Line<'a>> {
    let max = rows.iter().map(|(_, n)| *n).max().unwrap_or(0);
    let count_width = max.to_string().len();
    // Labels take what they need, leaving a bar of a few cells.
    let longest = rows
        .iter()
        .map(|(l, _)| super::text::width(l))
        .max()
        .unwrap_or(0);
    let label_width = longest.min(width.saturating_sub(count_width + 6)).max(4);
    let cells = width.saturating_sub(label_width + count_width + 2);
    let shown = if rows.len() > height {
        height.saturating_sub(1)
    } else {
        rows.len()
    };
    let labels: Vec<&str> = rows.iter().map(|(l, _)| l.as_str()).collect();
    let labels = fit_labels(&labels, label_width);
    let mut lines: Vec<Line> = rows
        .iter()
        .zip(labels)
        .take(shown)
        .map(|((_, n), label)| {
            Line::from(vec![
                Span::styled(format!("{} ", pad(&label, label_width)), theme.base),
                Span::styled(format!("{n:>count_width$} "), theme.title),
                Span::styled(bar(*n, max, cells), theme.key),
            ])
        })
        .collect();
    if shown < rows.len() {
        lines.push(more(rows.len() - shown, theme));
    }
    lines
}

/// The lines a panel of `area` holds inside its border.
fn room(area: Rect) -> (usize, usize) {
    (
        area.width.saturating_sub(2) as usize,
        area.height.saturating_sub(2) as usize,
    )
}

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: &Theme) {
    let Some(view) = &model.metrics else {
        frame.render_widget(Paragraph::new("Loading…"), area);
        return;
    };
    if panel_pages((area.width, area.height)) > 1 {
        paged(frame, area, model, view, theme);
        return;
    }
    let m = &view.portfolio;
    // The top row is as tall as its longest panel needs; the lists below get the rest.
    let top_needs = [
        m.by_stage.len(),
        m.by_status.len(),
        SCORE_LINES,
        m.pdsa_by_month.len() + 1,
        IconGroup::ALL.len(),
    ]
    .into_iter()
    .max()
    .unwrap_or(0) as u16
        + 2;
    let [top, bottom] = Layout::vertical([
        Constraint::Length(top_needs.min(area.height / 2)),
        Constraint::Fill(1),
    ])
    .areas(area);
    let [stages, statuses, scores, months, icons] = Layout::horizontal([
        Constraint::Percentage(22),
        Constraint::Percentage(16),
        Constraint::Percentage(18),
        Constraint::Percentage(21),
        Constraint::Percentage(23),
    ])
    .areas(top);
    let [stalled, groups, benefits] = Layout::horizontal([
        Constraint::Percentage(40),
        Constraint::Percentage(34),
        Constraint::Percentage(26),
    ])
    .areas(bottom);
    stage_and_status(
        frame,
        (stages, statuses),
        m,
        format!(" {} projects by stage ", m.total),
        theme,
    );
    score_panel(frame, scores, m, theme);
    month_panel(frame, months, m, theme);
    icon_panel(frame, icons, model, view, theme);
    list_panel(frame, stalled, view, theme);
    group_panels(frame, groups, m, theme, false);
    benefit_panel(frame, benefits, m, theme);
}

/// The progress-score bars and the line of movement below them.
const SCORE_LINES: usize = 12;

/// A window too small for every panel shows them a set at a time, with a line that says
/// which set this is and the keys to the others (from the keymap, so a rebind shows).
fn paged(frame: &mut Frame, area: Rect, model: &Model, view: &MetricsView, theme: &Theme) {
    let m = &view.portfolio;
    let pages = panel_pages((area.width, area.height));
    let page = view.page % pages;
    let [mark, body] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
    let key = |action| {
        model
            .keymap()
            .keys_for(Context::Metrics, action)
            .first()
            .map(|k| k.to_string())
            .unwrap_or_default()
    };
    let names = [
        "stages, status, main measures, stalled",
        "scores, PDSA per month, benefits",
        "divisions, cohorts, coaches",
    ];
    let said = format!(
        " Panels {}/{pages}: {} — {} next, {} previous",
        page + 1,
        names[page],
        key(Action::NextPanels),
        key(Action::PreviousPanels)
    );
    frame.render_widget(
        Paragraph::new(Span::styled(
            super::text::fit_words(&said, area.width as usize),
            theme.warning,
        )),
        mark,
    );
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(body);
    match page {
        0 => {
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
            icon_panel(frame, icons, model, view, theme);
            list_panel(frame, bottom, view, theme);
        }
        1 => {
            let [scores, months] =
                Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                    .areas(body);
            let [months, benefits] =
                Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)])
                    .areas(months);
            score_panel(frame, scores, m, theme);
            month_panel(frame, months, m, theme);
            benefit_panel(frame, benefits, m, theme);
        }
        _ => group_panels(frame, body, m, theme, true),
    }
}

/// Divisions, cohorts and coaches, each as tall as its rows need while there is room.
fn group_panels(
    frame: &mut Frame,
    area: Rect,
    m: &PortfolioMetrics,
    theme: &Theme,
    side_by_side: bool,
) {
    let lists = [
        (" Divisions ", &m.by_division),
        (" Cohorts ", &m.by_cohort),
        (" Coaches (open actions, ⚑ overdue) ", &m.by_coach),
    ];
    let rects: Vec<Rect> = if side_by_side {
        Layout::horizontal([Constraint::Ratio(1, 3); 3])
            .split(area)
            .to_vec()
    } else {
        let needs: Vec<u16> = lists.iter().map(|(_, r)| r.len() as u16 + 2).collect();
        let constraints: Vec<Constraint> = if needs.iter().sum::<u16>() <= area.height {
            needs.iter().map(|n| Constraint::Length(*n)).collect()
        } else {
            needs.iter().map(|n| Constraint::Fill(*n)).collect()
        };
        Layout::vertical(constraints).split(area).to_vec()
    };
    for (i, ((title, rows), rect)) in lists.iter().zip(rects).enumerate() {
        let coaches = i == 2;
        let rows: Vec<(String, usize)> = rows
            .iter()
            .map(|(l, n)| {
                let mut label = if l.is_empty() { "(none)" } else { l.as_str() }.to_string();
                // What the coach has to chase, beside the projects they coach.
                if let Some((open, overdue)) = m.actions_by_coach.get(l).filter(|_| coaches) {
                    label.push_str(&format!(" ({open}"));
                    if *overdue > 0 {
                        label.push_str(&format!(", ⚑{overdue}"));
                    }
                    label.push(')');
                }
                (label, *n)
            })
            .collect();
        let (width, height) = room(rect);
        frame.render_widget(
            Paragraph::new(bars(&rows, width, height, theme)).block(block((*title).into(), theme)),
            rect,
        );
    }
}

/// Benefits claimed, each wrapped whole when they all fit so; else one line each (cut with
/// `…`), so every claim is listed; only past that a `+N more` line.
fn benefit_panel(frame: &mut Frame, area: Rect, m: &PortfolioMetrics, theme: &Theme) {
    let (width, height) = room(area);
    let texts: Vec<String> = m
        .benefits
        .iter()
        .map(|(kind, unit, total)| {
            format!(
                "{} {unit} · {}",
                format_amount(*total),
                kind.replace('_', " ")
            )
        })
        .collect();
    // Wrapped lines are indented two cells under the entry's first.
    let wrapped: Vec<Vec<String>> = texts
        .iter()
        .map(|t| wrap_words(t, width.saturating_sub(2).max(8)))
        .collect();
    let mut lines: Vec<Line> = Vec::new();
    if texts.is_empty() {
        lines.push(Line::from(Span::styled("none claimed yet", theme.dim)));
    } else if wrapped.iter().map(Vec::len).sum::<usize>() <= height {
        for rows in wrapped {
            for (n, row) in rows.into_iter().enumerate() {
                lines.push(Line::from(if n == 0 { row } else { format!("  {row}") }));
            }
        }
    } else {
        let shown = if texts.len() > height {
            height.saturating_sub(1)
        } else {
            texts.len()
        };
        lines.extend(texts[..shown].iter().map(|t| Line::from(fit(t, width))));
        if shown < texts.len() {
            lines.push(more(texts.len() - shown, theme));
        }
    }
    frame.render_widget(
        Paragraph::new(lines).block(block(" Benefits claimed ".into(), theme)),
        area,
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
    let (width, height) = room(area);
    let mut rows: Vec<(String, usize)> = (1..=10)
        .rev()
        .map(|h| (format!("{:.1}", h as f64 / 2.0), m.scores[h]))
        .collect();
    rows.push(("none".into(), m.scores[0]));
    let mut lines = bars(&rows, width, height.saturating_sub(1), theme);
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

/// Cycles started and finished a month: two numbers and two bars a row, the latest last.
fn month_panel(frame: &mut Frame, area: Rect, m: &PortfolioMetrics, theme: &Theme) {
    let (width, height) = room(area);
    let max = m
        .pdsa_by_month
        .iter()
        .map(|(_, s, f)| (*s).max(*f))
        .max()
        .unwrap_or(0);
    let count_width = max.to_string().len().max(1);
    let cells = width.saturating_sub(8 + 2 * count_width + 2) / 2;
    // A header names the two columns in the words that fit over them.
    let column = count_width + cells + 1;
    let started = if column >= 8 { "started" } else { "start" };
    let finished = if column >= 9 { "finished" } else { "done" };
    let mut lines: Vec<Line> = vec![Line::from(Span::styled(
        format!("{:<8}{started:<column$}{finished}", "month"),
        theme.dim,
    ))];
    // The latest months; a line counts the earlier ones that do not fit.
    let height = height.saturating_sub(1);
    let total = m.pdsa_by_month.len();
    let shown = if total > height {
        height.saturating_sub(1)
    } else {
        total
    };
    if shown < total {
        lines.push(Line::from(Span::styled(
            format!("+{} earlier months", total - shown),
            theme.dim,
        )));
    }
    lines.extend(
        m.pdsa_by_month[total - shown..]
            .iter()
            .map(|(month, started, finished)| {
                Line::from(vec![
                    Span::styled(format!("{month} "), theme.dim),
                    Span::styled(format!("{started:>count_width$}"), theme.title),
                    Span::styled(format!("{:<cells$}", bar(*started, max, cells)), theme.key),
                    Span::styled(format!(" {finished:>count_width$}"), theme.title),
                    Span::styled(bar(*finished, max, cells), theme.info),
                ])
            }),
    );
    let title = fit(" PDSA cycles per month ", width);
    frame.render_widget(Paragraph::new(lines).block(block(title, theme)), area);
}

/// Projects by stage and by status, side by side (both layouts open with them).
fn stage_and_status(
    frame: &mut Frame,
    (stages, statuses): (Rect, Rect),
    m: &PortfolioMetrics,
    title: String,
    theme: &Theme,
) {
    let (width, height) = room(stages);
    frame.render_widget(
        Paragraph::new(bars(&m.by_stage, width, height, theme)).block(block(title, theme)),
        stages,
    );
    let by_status: Vec<(String, usize)> = m
        .by_status
        .iter()
        .map(|(s, n)| (s.label().to_string(), *n))
        .collect();
    let (width, height) = room(statuses);
    frame.render_widget(
        Paragraph::new(bars(&by_status, width, height, theme))
            .block(block(" Status ".into(), theme)),
        statuses,
    );
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
fn icon_panel(frame: &mut Frame, area: Rect, model: &Model, view: &MetricsView, theme: &Theme) {
    let focused = view.focus == MetricsFocus::Icons;
    let width = area.width.saturating_sub(4) as usize;
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
    // How to reach the counts, from the keymap, when the title has room for it.
    let keys: Vec<String> = [Action::SelectRight, Action::Open]
        .iter()
        .filter_map(|a| {
            model
                .keymap()
                .keys_for(Context::Metrics, *a)
                .first()
                .map(|k| k.to_string())
        })
        .collect();
    let full = format!(" Main measures ({}) ", keys.join(", "));
    let title = if super::text::width(&full) + 2 <= area.width as usize {
        full
    } else {
        " Main measures ".to_string()
    };
    let mut block = block(title, theme);
    if focused {
        block = block.border_style(theme.border_focus);
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Stalled projects (or those behind an icon count): why first, so it is never cut off.
fn list_panel(frame: &mut Frame, area: Rect, view: &MetricsView, theme: &Theme) {
    let width = area.width.saturating_sub(4) as usize;
    let visible = area.height.saturating_sub(2).max(1) as usize;
    let focused = view.focus == MetricsFocus::List;
    let mut lines: Vec<Line> = if view.list.is_empty() {
        let empty = match view.group {
            None => "nothing stalled — every active project moved recently",
            Some(_) => "no project here",
        };
        vec![Line::from(Span::styled(empty, theme.dim))]
    } else {
        // The list scrolls with the selection; what lies below it is counted.
        let below_room = usize::from(view.list.len() > visible);
        let rows = visible - below_room.min(visible - 1);
        let offset = view.selected.saturating_sub(rows - 1);
        let mut lines: Vec<Line> = view
            .list
            .iter()
            .enumerate()
            .skip(offset)
            .take(rows)
            .map(|(i, (reference, text))| {
                let line = Line::from(fit(&format!("{reference} {text}"), width));
                super::text::mark(line, focused && i == view.selected, theme)
            })
            .collect();
        let hidden = view.list.len().saturating_sub(offset + rows);
        if hidden > 0 {
            lines.push(more(hidden, theme));
        }
        lines
    };
    lines.truncate(visible);
    let title = match view.group {
        None => format!(
            " Stalled: {} quiet for {} weeks ",
            view.list.len(),
            view.portfolio.stale_weeks
        ),
        Some(group) => format!(" {} {}: {} ", group.badge(), group.label(), view.list.len()),
    };
    let mut block = block(fit(&title, area.width.saturating_sub(2) as usize), theme);
    if focused {
        block = block.border_style(theme.border_focus);
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
