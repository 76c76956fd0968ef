//! The kanban board: one column per stage, cards from the store's summary columns.
//!
//! ```text
//! ┌ Start out 4 ──────┐┌ Define and scope 7 ┐ … ▶
//! │ QI-0001       2.5 ││ QI-0004            │
//! │ Reduce falls on … ││ Discharge before … │
//! │ Amy Pond  ⌛stale  ││ ⏸ on hold          │
//! ```

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::text::{fit, graphemes, pad, width};
use super::theme::Theme;
use crate::app::Model;
use crate::app::board::CARD_HEIGHT;
use crate::domain::Status;
use crate::spc::Variation;
use crate::store::{BoardCard, BoardColumn};

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: &Theme) {
    if model.portfolio_is_empty() {
        welcome(frame, area, model, theme);
        return;
    }
    let board = &model.board;
    let fit_n = board.columns_that_fit(area.width);
    let first = board
        .first_column
        .min(board.columns.len().saturating_sub(fit_n));
    let shown: Vec<usize> = (first..(first + fit_n).min(board.columns.len())).collect();
    let areas = Layout::horizontal(vec![
        Constraint::Ratio(1, shown.len().max(1) as u32);
        shown.len()
    ])
    .split(area);
    let stale_before =
        crate::domain::stale_cutoff(model.today, model.config.stale_weeks).to_string();
    for (slot, &index) in shown.iter().enumerate() {
        let more_left = slot == 0 && first > 0;
        let more_right = slot + 1 == shown.len() && first + shown.len() < board.columns.len();
        column(
            frame,
            areas[slot],
            &board.columns[index],
            ColumnView {
                selected: (index == board.column).then(|| board.rows[index]),
                offset: board.offsets.get(index).copied().unwrap_or(0),
                more_left: more_left.then_some(first),
                more_right: more_right.then(|| board.columns.len() - first - shown.len()),
                stale_before: &stale_before,
            },
            theme,
        );
    }
}

struct ColumnView<'a> {
    selected: Option<usize>,
    offset: usize,
    more_left: Option<usize>,
    more_right: Option<usize>,
    stale_before: &'a str,
}

fn column(
    frame: &mut Frame,
    area: Rect,
    column: &BoardColumn,
    view: ColumnView<'_>,
    theme: &Theme,
) {
    let count = column.cards.len();
    let active = column
        .cards
        .iter()
        .filter(|c| c.status == Status::Active)
        .count() as i64;
    let (tally, over) = match column.stage.wip_limit {
        Some(limit) if active > limit => (format!("{count} ⚠{active}/{limit}"), true),
        Some(limit) => (format!("{count} ({active}/{limit})"), false),
        None => (count.to_string(), false),
    };
    let left = view.more_left.map(|n| format!("◀{n} ")).unwrap_or_default();
    let right = view
        .more_right
        .map(|n| format!(" {n}▶"))
        .unwrap_or_default();
    let room =
        (area.width as usize).saturating_sub(2 + width(&left) + width(&right) + width(&tally) + 3);
    let title = vec![
        Span::styled(left, theme.warning),
        Span::styled(
            format!(" {} ", fit(&stage_label(&column.stage, room), room)),
            theme.title,
        ),
        Span::styled(
            format!("{tally} "),
            if over { theme.warning } else { theme.dim },
        ),
        Span::styled(right, theme.warning),
    ];
    let focused = view.selected.is_some();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        })
        .title(Line::from(title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if count == 0 {
        frame.render_widget(
            Paragraph::new(Span::styled(" no projects", theme.dim)),
            inner,
        );
        return;
    }
    let visible = (inner.height / CARD_HEIGHT).max(1) as usize;
    let offset = view.offset.min(count.saturating_sub(1));
    let cells = inner.width as usize;
    let mut lines: Vec<Line> = Vec::with_capacity(visible * CARD_HEIGHT as usize);
    for (i, card) in column.cards.iter().enumerate().skip(offset).take(visible) {
        let selected = view.selected == Some(i);
        card_lines(&mut lines, card, selected, cells, view.stale_before, theme);
    }
    let above = offset;
    let below = count.saturating_sub(offset + visible);
    frame.render_widget(Paragraph::new(lines), inner);
    if above > 0 || below > 0 {
        let marker = format!(
            "{}{}",
            if above > 0 {
                format!("↑{above} ")
            } else {
                String::new()
            },
            if below > 0 {
                format!("↓{below}")
            } else {
                String::new()
            }
        );
        let y = area.y + area.height.saturating_sub(1);
        let w = width(&marker) as u16;
        let x = area.x + area.width.saturating_sub(w + 2);
        frame.render_widget(
            Paragraph::new(Span::styled(marker, theme.dim)),
            Rect::new(x, y, w.min(area.width), 1),
        );
    }
}

/// The stage's name when it fits, else its short key ("Define and scope" → "Define").
fn stage_label(stage: &crate::domain::Stage, room: usize) -> String {
    if width(&stage.name) <= room {
        return stage.name.clone();
    }
    let mut key = stage.key.chars();
    key.next()
        .map(|c| c.to_uppercase().collect::<String>() + key.as_str())
        .unwrap_or_default()
}

pub(super) fn status_badge(status: Status) -> Option<&'static str> {
    match status {
        Status::Active => None,
        Status::OnHold => Some("⏸ hold"),
        Status::Completed => Some("✓ done"),
        Status::Stopped => Some("✗ stop"),
    }
}

fn card_lines(
    lines: &mut Vec<Line<'_>>,
    card: &BoardCard,
    selected: bool,
    cells: usize,
    stale_before: &str,
    theme: &Theme,
) {
    let style = if selected { theme.selected } else { theme.base };
    let marker = if selected { "▌" } else { " " };
    let score = card.score.map_or("–".to_string(), |s| s.to_string());
    let reference = card.reference.to_string();
    // The main measure's variation icon (Making Data Count) beside the score.
    let icon = card.variation.map_or("", |v| v.badge());
    // Overdue actions flagged on the first line, so the lead's name keeps its room.
    let overdue = match card.overdue_actions {
        0 => String::new(),
        1 => "⚑".to_string(),
        n => format!("⚑{n}"),
    };
    let used = 1 + width(&reference) + 1 + width(icon) + width(&overdue) + 1 + width(&score);
    let gap = cells.saturating_sub(used).max(1);
    lines.push(Line::from(vec![
        Span::styled(marker, theme.border_focus),
        Span::styled(
            format!("{reference} "),
            style.add_modifier(ratatui::style::Modifier::BOLD),
        ),
        Span::styled(
            icon,
            if selected {
                style
            } else {
                variation_style(card.variation, theme)
            },
        ),
        Span::styled(overdue, if selected { style } else { theme.warning }),
        Span::styled(
            format!("{}{score} ", " ".repeat(gap)),
            style.add_modifier(ratatui::style::Modifier::BOLD),
        ),
    ]));
    for line in title_lines(&card.title, cells.saturating_sub(1)) {
        lines.push(Line::from(vec![
            Span::styled(marker, theme.border_focus),
            Span::styled(pad(&line, cells.saturating_sub(1)), style),
        ]));
    }
    // Stale matters for work in progress, not for finished or stopped projects.
    let stale =
        card.status == Status::Active && card.updated.get(..10).is_some_and(|d| d < stale_before);
    let mut third = Vec::new();
    if let Some(badge) = status_badge(card.status) {
        third.push(badge.to_string());
    }
    if stale {
        third.push("⌛ stale".to_string());
    }

    if let Some(assurance) = card.assurance {
        third.push(assurance.badge().to_string());
    }
    let lead = card.lead.clone().unwrap_or_else(|| "no lead".into());
    let tail = third.join(" ");
    let room = cells.saturating_sub(1);
    let text = if tail.is_empty() {
        fit(&lead, room)
    } else {
        let lead_room = room.saturating_sub(width(&tail) + 1);
        if lead_room >= 4 {
            format!("{} {tail}", fit(&lead, lead_room))
        } else {
            fit(&tail, room)
        }
    };
    let third_style = if selected {
        theme.selected
    } else if stale || card.status != Status::Active {
        theme.warning
    } else {
        theme.dim
    };
    lines.push(Line::from(vec![
        Span::styled(marker, theme.border_focus),
        Span::styled(pad(&text, room), third_style),
    ]));
    lines.push(Line::from(""));
}

fn variation_style(variation: Option<Variation>, theme: &Theme) -> ratatui::style::Style {
    match variation {
        Some(Variation::ImprovementHigh | Variation::ImprovementLow) => theme.improvement,
        Some(Variation::ConcernHigh | Variation::ConcernLow) => theme.concern,
        Some(Variation::NeutralHigh | Variation::NeutralLow) => theme.neutral,
        _ => theme.common_cause,
    }
}

/// A title in two lines of `cells`, broken at a space where it can be, the rest cut with `…`.
fn title_lines(title: &str, cells: usize) -> [String; 2] {
    let flat = fit(title, usize::MAX);
    if width(&flat) <= cells {
        return [flat, String::new()];
    }
    // Bytes of `flat` that fit on the first line, and the last place to break it.
    let mut end = 0;
    let mut used = 0;
    let mut last_space = None;
    for (i, grapheme, w) in graphemes(&flat) {
        if used + w > cells {
            break;
        }
        if grapheme == " " {
            last_space = Some(i);
        } else if grapheme == "-" && i + 1 < flat.len() {
            // "Catheter-associated" breaks after its hyphen, not mid-word.
            last_space = Some(i + 1);
        }
        end = i + grapheme.len();
        used += w;
    }
    let cut = match last_space {
        Some(i) if i > 0 => i,
        _ => end,
    };
    let head = flat[..cut].trim_end().to_string();
    let rest = flat[cut..].trim_start();
    [head, fit(rest, cells)]
}

fn welcome(frame: &mut Frame, area: Rect, model: &Model, theme: &Theme) {
    let key = |a| model.key_hint(a);
    let shown = fit(
        &model.portfolio.shown().unwrap_or_default(),
        (area.width as usize).saturating_sub(4),
    );
    let mut lines = vec![
        Line::from(""),
        Line::from(Span::styled("Welcome to qiboard", theme.title)),
        Line::from(""),
    ];
    if model.portfolio.is_new {
        lines.extend([
            Line::from(Span::styled(
                "There is no portfolio file here yet:",
                theme.warning,
            )),
            Line::from(Span::styled(shown, theme.warning)),
            Line::from("It is created with your first change. If you expected your projects,"),
            Line::from("check the path (--db or QIBOARD_DB)."),
        ]);
    } else {
        lines.extend([
            Line::from("Your portfolio is empty. It is kept in one file on this laptop;"),
            Line::from("every change is stored the moment you make it."),
            Line::from(Span::styled(shown, theme.dim)),
        ]);
    }
    lines.extend([
        Line::from(""),
        Line::from(vec![
            Span::styled(
                format!("  {} ", key(crate::app::Action::AddProject)),
                theme.key,
            ),
            Span::raw("add your first project"),
        ]),
        Line::from(vec![
            Span::styled(
                format!("  {} ", key(crate::app::Action::ImportProjects)),
                theme.key,
            ),
            Span::raw("import your projects from an Excel or CSV register"),
        ]),
        Line::from(vec![
            Span::styled("  qiboard demo ", theme.key),
            Span::raw("(from a terminal) loads ~40 demo projects to explore"),
        ]),
        Line::from(vec![
            Span::styled(format!("  {} ", key(crate::app::Action::Help)), theme.key),
            Span::raw("every key"),
        ]),
    ]);
    frame.render_widget(
        Paragraph::new(lines).centered().block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border),
        ),
        area,
    );
}
