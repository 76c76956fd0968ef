//! The detail pane's list sections: team, score history, gateway checklist, driver diagram,
//! benefits, notes and history.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Keys;
use super::detail::{LABEL, hang, list_block, list_lines};
use super::text::fit;
use super::theme::Theme;
use crate::app::{Action, DetailView, Section};

pub(super) fn simple_list(
    frame: &mut Frame,
    area: Rect,
    view: &DetailView,
    today: chrono::NaiveDate,
    theme: &Theme,
    keys: &Keys,
) {
    let d = &view.detail;
    // Inside the borders, after the selection mark.
    let width = area.width.saturating_sub(4) as usize;
    let gateway = format!(
        "Gateway: what to meet before moving on ({} ticks the others)",
        keys.of(Action::ToggleGatewayItem)
    );
    let (title, items): (&str, Vec<String>) = match view.section {
        Section::Gateway => (
            gateway.as_str(),
            d.gateway
                .iter()
                .map(|g| {
                    let mark = if g.met { "[x]" } else { "[ ]" };
                    match &g.from_data {
                        Some(said) => format!("{mark} {} — from the data: {said}", g.item),
                        None => format!("{mark} {}", g.item),
                    }
                })
                .collect(),
        ),
        Section::Team => (
            "Team",
            d.team
                .iter()
                .map(|m| format!("{:<9}{}", m.role.key(), m.person.name))
                .collect(),
        ),
        Section::Scores => (
            "Score history",
            d.scores
                .iter()
                .rev()
                .map(|s| {
                    let score = s
                        .score
                        .map_or("none".into(), |v| format!("{v} {}", v.meaning()));
                    let who = if s.who.is_empty() {
                        String::new()
                    } else {
                        format!(" — {}", s.who)
                    };
                    format!(
                        "{}  {score}{who}: {}",
                        crate::clock::date_part(&s.at),
                        s.why
                    )
                })
                .collect(),
        ),
        Section::Drivers => {
            let lines = driver_tree(view, width);
            frame.render_widget(
                Paragraph::new(list_lines(lines, view.selected, area.height, theme))
                    .block(list_block("Driver diagram", theme, true)),
                area,
            );
            return;
        }
        Section::Benefits => (
            "Benefits",
            d.benefits
                .iter()
                .map(|b| {
                    format!(
                        "{}  {} {} · {} · {}",
                        b.claimed_date,
                        b.amount,
                        b.unit,
                        b.kind.key().replace('_', " "),
                        b.note
                    )
                })
                .collect(),
        ),
        Section::Notes => {
            notes(frame, area, view, theme, keys);
            return;
        }
        Section::History => (
            "History",
            view.history
                .iter()
                .map(|h| {
                    let undone = if h.undone { " (undone)" } else { "" };
                    let by = if h.by.is_empty() {
                        String::new()
                    } else {
                        format!(" — {}", h.by)
                    };
                    format!(
                        "{}  {}{undone}{by}",
                        h.at.replace('T', " ").trim_end_matches('Z'),
                        h.summary
                    )
                })
                .collect(),
        ),
        Section::Actions => (
            "Actions",
            d.actions
                .iter()
                .map(|a| {
                    let status = if a.is_overdue(today) {
                        "OVERDUE".to_string()
                    } else {
                        a.status.key().to_string()
                    };
                    let mut text = format!("{:>2}. {status:<8} {}", a.number, a.text);
                    if let Some(owner) = &a.owner {
                        text.push_str(&format!(" — {owner}"));
                    }
                    if let Some(due) = a.due {
                        text.push_str(&format!(", due {due}"));
                    }
                    if let Some(closed) = a.closed {
                        text.push_str(&format!(", {} {closed}", a.status.key()));
                    }
                    if let Some((cohort, n)) = &a.session {
                        text.push_str(&format!(" (raised at {cohort} session {n})"));
                    }
                    text
                })
                .collect(),
        ),
        _ => ("", Vec::new()),
    };
    let lines = if items.is_empty() {
        let empty = match view.section {
            Section::Actions => format!(
                "no actions yet — {} records what the team promises",
                keys.of(Action::AddAction)
            ),
            _ => "nothing yet".to_string(),
        };
        vec![Line::from(Span::styled(empty, theme.dim))]
    } else {
        whole_when_selected(&items, view.selected, area.height, width, theme)
    };
    frame.render_widget(
        Paragraph::new(lines).block(list_block(title, theme, true)),
        area,
    );
}

/// A list whose rows are cut to one line with `…`, except the selected one, which wraps
/// whole: a long reason or note is read by selecting it, never lost to the edge.
fn whole_when_selected(
    items: &[String],
    selected: usize,
    height: u16,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let visible = height.saturating_sub(2).max(1) as usize;
    let chosen = super::text::wrap_words(&items[selected.min(items.len() - 1)], width.max(8));
    // Scroll so the whole selected row shows, as far up as the rows before it allow.
    let offset = (selected + chosen.len()).saturating_sub(visible);
    let mut lines = Vec::new();
    for (i, item) in items.iter().enumerate().skip(offset) {
        if i == selected {
            for (n, row) in chosen.iter().enumerate() {
                let line = super::text::mark(Line::from(row.clone()), n == 0, theme);
                lines.push(if n == 0 {
                    line
                } else {
                    line.style(theme.selected)
                });
            }
        } else {
            lines.push(super::text::mark(
                Line::from(fit(item, width)),
                false,
                theme,
            ));
        }
        if lines.len() >= visible {
            break;
        }
    }
    lines.truncate(visible);
    lines
}

/// Every note whole, newest first, each line wrapped beside its date; the selected one is
/// marked (and scrolled to), for editing or deleting.
fn notes(frame: &mut Frame, area: Rect, view: &DetailView, theme: &Theme, keys: &Keys) {
    let width = area.width.saturating_sub(2) as usize;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut scroll = 0;
    for (i, note) in view.detail.notes.iter().rev().enumerate() {
        let selected = i == view.selected;
        if selected {
            scroll = lines.len();
        }
        let mut own: Vec<Line<'static>> = Vec::new();
        for (row, text) in note.text.split('\n').enumerate() {
            // The selected note is marked by more than its colour.
            let head = match (row, selected) {
                (0, true) => format!("▸{}", note.created.format("%Y-%m-%d")),
                (0, false) => format!(" {}", note.created.format("%Y-%m-%d")),
                _ => String::new(),
            };
            own.push(Line::from(vec![
                Span::styled(format!("{head:<LABEL$}"), theme.dim),
                Span::styled(text.to_string(), theme.base),
            ]));
        }
        for (row, line) in hang(own, width).into_iter().enumerate() {
            lines.push(if selected && row == 0 {
                line.style(theme.selected)
            } else {
                line
            });
        }
        lines.push(Line::from(""));
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("nothing yet — {} adds a note", keys.of(Action::AddNote)),
            theme.dim,
        )));
    }
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
            .block(list_block("Notes (newest first)", theme, true)),
        area,
    );
}

/// Aim → primary drivers → secondary drivers → change ideas, as an indented tree.
fn driver_tree(view: &DetailView, width: usize) -> Vec<Line<'static>> {
    view.driver_rows()
        .into_iter()
        .map(|(text, _)| Line::from(fit(&text, width)))
        .collect()
}
