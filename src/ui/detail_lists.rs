//! The detail pane's list sections: team, score history, gateway checklist, driver diagram,
//! benefits, notes and history.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::detail::{LABEL, hang, list_block, list_lines};
use super::text::fit;
use super::theme::Theme;
use crate::app::{DetailView, Section};
use crate::domain::DriverLevel;

pub(super) fn simple_list(frame: &mut Frame, area: Rect, view: &DetailView, theme: &Theme) {
    let d = &view.detail;
    let width = area.width.saturating_sub(2) as usize;
    let (title, items): (&str, Vec<Line>) = match view.section {
        Section::Gateway => (
            "Gateway: what to meet before moving on (Space marks)",
            d.gateway
                .iter()
                .map(|g| {
                    let mark = if g.met { "[x]" } else { "[ ]" };
                    Line::from(fit(&format!("{mark} {}", g.item), width))
                })
                .collect(),
        ),
        Section::Team => (
            "Team",
            d.team
                .iter()
                .map(|m| Line::from(format!("{:<9}{}", m.role.key(), m.person.name)))
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
                    Line::from(fit(
                        &format!(
                            "{}  {score}{who}: {}",
                            crate::clock::date_part(&s.at),
                            s.why
                        ),
                        width,
                    ))
                })
                .collect(),
        ),
        Section::Drivers => ("Driver diagram", driver_tree(view, width)),
        Section::Benefits => (
            "Benefits",
            d.benefits
                .iter()
                .map(|b| {
                    Line::from(fit(
                        &format!(
                            "{}  {} {} · {} · {}",
                            b.claimed_date,
                            b.amount,
                            b.unit,
                            b.kind.key().replace('_', " "),
                            b.note
                        ),
                        width,
                    ))
                })
                .collect(),
        ),
        Section::Notes => {
            notes(frame, area, view, theme);
            return;
        }
        Section::History => (
            "History",
            view.history
                .iter()
                .map(|h| {
                    let undone = if h.undone { " (undone)" } else { "" };
                    Line::from(fit(
                        &format!(
                            "{}  {}{undone}",
                            h.at.replace('T', " ").trim_end_matches('Z'),
                            h.summary
                        ),
                        width,
                    ))
                })
                .collect(),
        ),
        _ => ("", Vec::new()),
    };
    let items = if items.is_empty() {
        vec![Line::from(Span::styled("nothing yet", theme.dim))]
    } else {
        items
    };
    frame.render_widget(
        Paragraph::new(list_lines(items, view.selected, area.height, theme))
            .block(list_block(title, theme, true)),
        area,
    );
}

/// Every note whole, newest first, each line wrapped beside its date; j/k scroll.
fn notes(frame: &mut Frame, area: Rect, view: &DetailView, theme: &Theme) {
    let mut lines: Vec<Line<'static>> = Vec::new();
    for note in view.detail.notes.iter().rev() {
        let mut first = true;
        for text in note.text.split('\n') {
            let head = if first {
                note.created.format("%Y-%m-%d").to_string()
            } else {
                String::new()
            };
            first = false;
            lines.push(Line::from(vec![
                Span::styled(format!("{head:<LABEL$}"), theme.dim),
                Span::styled(text.to_string(), theme.base),
            ]));
        }
        lines.push(Line::from(""));
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled(
            "nothing yet — n adds a note",
            theme.dim,
        )));
    }
    let lines = hang(lines, area.width.saturating_sub(2) as usize);
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((view.selected as u16, 0))
            .block(list_block("Notes (newest first; j/k scroll)", theme, true)),
        area,
    );
}

/// Aim → primary drivers → secondary drivers → change ideas, as an indented tree.
fn driver_tree(view: &DetailView, width: usize) -> Vec<Line<'static>> {
    let d = &view.detail;
    let mut lines = vec![Line::from(fit(&format!("Aim: {}", d.project.aim), width))];
    let ideas_of = |driver: i64| {
        d.change_ideas
            .iter()
            .filter(move |c| c.driver_ids.contains(&driver))
    };
    for primary in d.drivers.iter().filter(|x| x.level == DriverLevel::Primary) {
        lines.push(Line::from(fit(&format!("├─ {}", primary.text), width)));
        for idea in ideas_of(primary.id) {
            lines.push(Line::from(fit(&format!("│    ◆ {}", idea.title), width)));
        }
        let secondaries: Vec<_> = d
            .drivers
            .iter()
            .filter(|x| x.parent_id == Some(primary.id))
            .collect();
        for (i, secondary) in secondaries.iter().enumerate() {
            let last = i + 1 == secondaries.len();
            let (branch, stem) = if last {
                ("└─", " ")
            } else {
                ("├─", "│")
            };
            lines.push(Line::from(fit(
                &format!("│  {branch} {}", secondary.text),
                width,
            )));
            for idea in ideas_of(secondary.id) {
                lines.push(Line::from(fit(
                    &format!("│  {stem}    ◆ {}", idea.title),
                    width,
                )));
            }
        }
    }
    let unlinked: Vec<_> = d
        .change_ideas
        .iter()
        .filter(|c| c.driver_ids.is_empty())
        .collect();
    if !unlinked.is_empty() {
        lines.push(Line::from("Change ideas not yet on a driver:"));
        for idea in unlinked {
            lines.push(Line::from(fit(&format!("   ◆ {}", idea.title), width)));
        }
    }
    lines
}
