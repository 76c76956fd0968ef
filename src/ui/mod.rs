//! Drawing only: reads the model, writes to the frame, never touches the store.
//!
//! ```text
//! ┌ top bar: qiboard · 1 Board  2 Detail  3 Metrics · filters ┐
//! │ the pane                                                  │
//! │ status line: what just happened                           │
//! └ footer: the keys that matter here                         ┘
//! ```

mod board;
mod chart;
mod detail;
mod detail_lists;
mod metrics;
mod overlays;
mod session;
pub mod text;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::app::{Action, Context, Keymap, Model, Pane, StatusKind};
use theme::Theme;

/// Key names for hints drawn on screen, from the keymap registry: a rebinding in config.toml
/// changes the hint with the key.
pub struct Keys<'a> {
    keymap: &'a Keymap,
    context: Context,
}

impl<'a> Keys<'a> {
    pub fn here(model: &'a Model) -> Keys<'a> {
        Keys {
            keymap: model.keymap(),
            context: model.pane_context(),
        }
    }

    /// The key that does `action` here, as a hint names it ("r").
    pub fn of(&self, action: Action) -> String {
        self.keymap.hint(self.context, action)
    }

    /// The key that does `action` in another context, for a hint that says where to go.
    pub fn in_context(&self, context: Context, action: Action) -> String {
        self.keymap.hint(context, action)
    }
}

/// Below this a pane cannot say anything useful.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

/// Draws one whole frame.
pub fn draw(frame: &mut Frame, model: &Model) {
    let theme = Theme::from_config(&model.config);
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, &theme);
        return;
    }
    let [top, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    top_bar(frame, top, model, &theme);
    match model.pane {
        Pane::Board => board::draw(frame, body, model, &theme),
        Pane::Detail => match &model.detail {
            Some(detail) => {
                detail::draw(frame, body, detail, model.today, &theme, &Keys::here(model))
            }
            None => board::draw(frame, body, model, &theme),
        },
        Pane::Metrics => metrics::draw(frame, body, model, &theme),
        Pane::Session => session::draw(frame, body, model, &theme),
    }
    status_line(frame, status, model, &theme);
    footer_line(frame, footer, model, &theme);
    overlays::draw(frame, area, model, &theme);
}

fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let text = if area.width >= 16 {
        "window too small"
    } else {
        "too small"
    };
    let lines = vec![Line::from(Span::styled(text, theme.warning))];
    let y = area.height / 2;
    let row = Rect {
        y: area.y + y,
        height: area.height.min(1),
        ..area
    };
    frame.render_widget(Paragraph::new(lines).centered(), row);
}

fn top_bar(frame: &mut Frame, area: Rect, model: &Model, theme: &Theme) {
    let mut spans = vec![
        Span::styled(" qiboard ", theme.title.add_modifier(Modifier::BOLD)),
        Span::raw(" "),
    ];
    for (i, pane) in Pane::ALL.iter().enumerate() {
        let label = format!(" {} {} ", i + 1, pane.label());
        let style = if *pane == model.pane {
            theme.bar_active
        } else {
            theme.bar
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::styled(" ", theme.bar));
    }
    let f = &model.filter;
    let mut filters = Vec::new();
    if let Some(c) = &f.cohort {
        filters.push(format!("cohort={c}"));
    }
    if let Some(c) = &f.coach {
        filters.push(format!("coach={c}"));
    }
    if let Some(d) = &f.division {
        filters.push(format!("division={d}"));
    }
    if let Some(s) = f.status {
        filters.push(format!("status={}", s.label()));
    }
    if !filters.is_empty() {
        spans.push(Span::styled(
            format!(
                " ⧩ {} ({} clears)",
                filters.join(" "),
                model.key_hint(Action::Back)
            ),
            theme.warning,
        ));
    }
    // Which file is open, at the right when it fits beside the panes and filters.
    frame.render_widget(
        Paragraph::new(Line::from(spans.clone())).style(theme.bar),
        area,
    );
    let Some(name) = model.portfolio.name() else {
        return;
    };
    let (name, style) = if model.portfolio.is_new {
        (format!("{name} (new) "), theme.warning)
    } else {
        (format!("{name} "), theme.dim)
    };
    let used: usize = spans.iter().map(Span::width).sum();
    let room = (area.width as usize).saturating_sub(used + 2);
    if room >= 12 {
        frame.render_widget(
            Paragraph::new(Span::styled(text::fit(&name, room), style)).right_aligned(),
            area,
        );
    }
}

fn status_line(frame: &mut Frame, area: Rect, model: &Model, theme: &Theme) {
    let Some(status) = &model.status else {
        return;
    };
    let (symbol, style) = match status.kind {
        StatusKind::Info => ("✓", theme.info),
        StatusKind::Warning => ("⚠", theme.warning),
        StatusKind::Refused => ("✗", theme.warning),
        StatusKind::Error => ("✗", theme.error),
    };
    let room = area.width as usize;
    let lead = format!(" {symbol} ");
    let line = match &status.path {
        None => text::fit_words(&format!("{lead}{}", status.text), room),
        Some(path) => {
            // The file's name matters most; the words before it give way first.
            let said = format!("{lead}{} ", status.text);
            let path_room = room.saturating_sub(text::width(&said)).max(room / 2);
            let path = text::fit_path(path, path_room);
            let said = text::fit_words(&said, room.saturating_sub(text::width(&path)));
            format!("{said}{path}")
        }
    };
    frame.render_widget(Paragraph::new(Span::styled(line, style)), area);
}

fn footer_line(frame: &mut Frame, area: Rect, model: &Model, theme: &Theme) {
    let mut spans = Vec::new();
    let mut used = 0;
    // Only keys that act here: an empty board offers no "move" or "score".
    for (key, what) in model
        .keymap()
        .footer(model.context())
        .into_iter()
        .filter(|(_, _, action)| crate::app::availability::unavailable(model, *action).is_none())
        .map(|(key, what, _)| (key, what))
    {
        let piece = format!(" {key} {what} ");
        let w = text::width(&piece);
        if used + w > area.width as usize {
            break;
        }
        used += w;
        spans.push(Span::styled(format!(" {key}"), theme.key));
        spans.push(Span::styled(format!(" {what} "), theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
