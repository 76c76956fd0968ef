//! Overlays drawn over the pane: help (from the keymap registry), the command palette,
//! search, choices, confirmations and forms.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use super::text::fit;
use super::theme::Theme;
use crate::app::{Action, Context, Model, Overlay};

/// A box centred in `area`, at most `width` × `height`.
fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

fn frame_box<'a>(title: String, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus)
        .title(Span::styled(title, theme.title))
        .style(theme.base)
}

/// A key of the palette and search, as their titles name it.
fn list_key(model: &Model, action: Action) -> String {
    model.keymap().hint(Context::List, action)
}

pub fn draw(frame: &mut Frame, area: Rect, model: &Model, theme: &Theme) {
    match &model.overlay {
        None => {}
        Some(Overlay::Help { scroll }) => help(frame, area, model, *scroll, theme),
        Some(Overlay::Palette(palette)) => {
            let picker = Picker {
                title: format!(
                    " Commands — type to filter, {} runs, {} closes ",
                    list_key(model, Action::Choose),
                    list_key(model, Action::Close)
                ),
                prompt: "> ",
                query: palette.query.lines().join(" "),
                size: (64, 20),
                selected: palette.selected,
                count: palette.matches.len(),
                empty: "no command matches",
            };
            picker.draw(frame, area, theme, |i, width| {
                let action = palette.matches[i];
                let keys = keys_text(model, model.pane_context(), action);
                Line::from(fit(&format!("{:<34} {keys}", action.description()), width))
            });
        }
        Some(Overlay::Search(search)) => {
            let picker = Picker {
                title: format!(
                    " Search {} projects — {} selects, {} closes ",
                    search.items.len(),
                    list_key(model, Action::Choose),
                    list_key(model, Action::Close)
                ),
                prompt: "/ ",
                query: search.query.lines().join(" "),
                size: (90, 22),
                selected: search.selected,
                count: search.matches.len(),
                empty: "no project matches",
            };
            picker.draw(frame, area, theme, |i, width| {
                let item = &search.items[search.matches[i]];
                let lead = item.lead.as_deref().unwrap_or("no lead");
                Line::from(fit(
                    &format!("{}  {}  · {lead}", item.reference, item.title),
                    width,
                ))
            });
        }
        Some(Overlay::Choice(choice)) => {
            let rect = centred(area, 40, choice.options.len() as u16 + 4);
            frame.render_widget(Clear, rect);
            let lines: Vec<Line> = choice
                .options
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let line = Line::from(format!(" {} {o}", i + 1));
                    super::text::mark(line, i == choice.selected, theme)
                })
                .collect();
            frame.render_widget(
                Paragraph::new(lines).block(frame_box(
                    format!(
                        " {} — {} or 1-{} ",
                        choice.title,
                        model.keymap().hint(Context::Choice, Action::Choose),
                        choice.options.len()
                    ),
                    theme,
                )),
                rect,
            );
        }
        Some(Overlay::Confirm(confirm)) => {
            let width = 72;
            // Each line of the question wraps between words in the box.
            let mut lines: Vec<Line> = confirm
                .question
                .iter()
                .flat_map(|l| super::text::wrap_words(l, usize::from(width - 2)))
                .map(Line::from)
                .collect();
            let rows = u16::try_from(lines.len()).unwrap_or(u16::MAX);
            let rect = centred(area, width, rows.saturating_add(3));
            frame.render_widget(Clear, rect);
            let keys = model.keymap();
            lines.push(Line::from(vec![
                Span::styled(keys.hint(Context::Confirm, Action::Yes), theme.key),
                Span::raw(format!(" {}   ", confirm.yes)),
                Span::styled(
                    format!(
                        "{}/{}",
                        keys.hint(Context::Confirm, Action::No),
                        keys.hint(Context::Confirm, Action::Close)
                    ),
                    theme.key,
                ),
                Span::raw(format!(" {}", confirm.no)),
            ]));
            frame.render_widget(
                Paragraph::new(lines).block(frame_box(format!(" {} ", confirm.title), theme)),
                rect,
            );
        }
        Some(Overlay::Form(form)) => form_box(frame, area, form, model.keymap(), theme),
        Some(Overlay::Directory(directory)) => directory_box(frame, area, model, directory, theme),
    }
}

/// People, cohorts or stages: a row each, name then what else is known, the selected one
/// marked; the title says the keys.
fn directory_box(
    frame: &mut Frame,
    area: Rect,
    model: &Model,
    directory: &crate::app::directory::Directory,
    theme: &Theme,
) {
    use crate::app::directory::DirectoryKind;
    let key = |action| model.keymap().hint(Context::Directory, action);
    let mut keys = vec![format!("{} adds", key(Action::ListAdd))];
    if directory.kind == DirectoryKind::Stages {
        keys = vec![format!("{} edits", key(Action::ListEdit))];
    } else {
        keys.push(format!("{} renames", key(Action::ListEdit)));
    }
    if directory.kind == DirectoryKind::People {
        keys.push(format!("{} merges", key(Action::ListMerge)));
    }
    keys.push(format!("{} closes", key(Action::Close)));
    let width = area.width.min(100);
    // As tall as the list, no taller than the window allows.
    let rows = u16::try_from(directory.rows.len().max(1)).unwrap_or(u16::MAX);
    let height = rows
        .saturating_add(2)
        .min(area.height.saturating_sub(4))
        .max(3);
    let rect = centred(area, width, height);
    frame.render_widget(Clear, rect);
    let inner_width = usize::from(width.saturating_sub(4));
    let name_width = directory
        .rows
        .iter()
        .map(|r| r.name.chars().count())
        .max()
        .unwrap_or(0)
        .min(inner_width / 2);
    let visible = usize::from(height.saturating_sub(2)).max(1);
    let offset = (directory.selected + 1).saturating_sub(visible);
    let lines: Vec<Line> = if directory.rows.is_empty() {
        vec![Line::from(Span::styled("none yet", theme.dim))]
    } else {
        directory
            .rows
            .iter()
            .enumerate()
            .skip(offset)
            .take(visible)
            .map(|(i, row)| {
                let name = fit(&row.name, name_width);
                let line = Line::from(vec![
                    Span::styled(format!("{name:<name_width$}  "), theme.base),
                    Span::styled(
                        fit(&row.detail, inner_width.saturating_sub(name_width + 2)),
                        theme.dim,
                    ),
                ]);
                super::text::mark(line, i == directory.selected, theme)
            })
            .collect()
    };
    frame.render_widget(
        Paragraph::new(lines).block(frame_box(
            format!(" {} — {} ", directory.kind.title(), keys.join(", ")),
            theme,
        )),
        rect,
    );
}

/// A box with a query line and the list it narrows (the palette and search).
struct Picker {
    title: String,
    prompt: &'static str,
    query: String,
    size: (u16, u16),
    selected: usize,
    count: usize,
    empty: &'static str,
}

impl Picker {
    fn draw(
        &self,
        frame: &mut Frame,
        area: Rect,
        theme: &Theme,
        row: impl Fn(usize, usize) -> Line<'static>,
    ) {
        let rect = centred(area, self.size.0, self.size.1);
        frame.render_widget(Clear, rect);
        let block = frame_box(self.title.clone(), theme);
        let inner = block.inner(rect);
        frame.render_widget(block, rect);
        let [input, list] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(self.prompt, theme.key),
                Span::raw(self.query.clone()),
            ])),
            input,
        );
        let width = list.width.saturating_sub(2) as usize;
        let visible = list.height as usize;
        let first = self.selected.saturating_sub(visible.saturating_sub(1));
        let lines: Vec<Line> = (first..self.count.min(first + visible))
            .map(|i| super::text::mark(row(i, width), i == self.selected, theme))
            .collect();
        let lines = if lines.is_empty() {
            vec![Line::from(Span::styled(self.empty, theme.dim))]
        } else {
            lines
        };
        frame.render_widget(Paragraph::new(lines), list);
    }
}

fn keys_text(model: &Model, context: Context, action: Action) -> String {
    model
        .keymap()
        .keys_for(context, action)
        .iter()
        .map(|k| k.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Help generated from the keymap registry: every context, every key, every action.
pub fn help_lines(model: &Model) -> Vec<(Option<String>, String, String)> {
    let mut rows = Vec::new();
    if let Some(path) = model.portfolio.shown() {
        let new = if model.portfolio.is_new {
            " (not created yet: the first change creates it)"
        } else {
            ""
        };
        rows.push((
            Some(format!("Portfolio: {path}{new}")),
            String::new(),
            String::new(),
        ));
    }
    for context in Context::ALL {
        rows.push((
            Some(context.label().to_string()),
            String::new(),
            String::new(),
        ));
        for binding in model
            .keymap()
            .bindings
            .iter()
            .filter(|b| b.context == context)
        {
            let keys = binding
                .keys
                .iter()
                .map(|k| k.to_string())
                .collect::<Vec<_>>()
                .join(" ");
            rows.push((None, keys, binding.action.description().to_string()));
        }
    }
    // Typing, not actions: what a form's other keys do.
    rows.push((
        Some("In a form's fields".to_string()),
        String::new(),
        String::new(),
    ));
    for (keys, what) in [
        (
            "Enter",
            "next field (saves from the last); in a long text, a new line",
        ),
        ("← → Space", "in a choice: the previous / next option"),
        ("letters", "in a choice: the option starting with it"),
    ] {
        rows.push((None, keys.to_string(), what.to_string()));
    }
    rows.extend(marks_legend(model));
    rows
}

/// What the marks on cards, in Metrics and on charts mean, from the same words they are
/// drawn with.
fn marks_legend(model: &Model) -> Vec<(Option<String>, String, String)> {
    use crate::domain::Status;
    use crate::spc::{Assurance, Variation};
    let mut rows = vec![(
        Some("Marks (icons are the main measure's)".to_string()),
        String::new(),
        String::new(),
    )];
    let mut row = |mark: &str, what: String| rows.push((None, mark.to_string(), what));
    for status in Status::ALL {
        if let Some(badge) = super::board::status_badge(status) {
            row(badge, format!("status: {}", status.label()));
        }
    }
    row(
        "⌛ stale",
        format!(
            "no change to the project for {} weeks (stale_weeks)",
            model.config.stale_weeks
        ),
    );
    for variation in Variation::ALL {
        row(
            variation.badge(),
            format!("variation: {}", variation.describe()),
        );
    }
    for assurance in Assurance::ALL {
        row(
            assurance.badge(),
            format!("assurance: {}", assurance.describe()),
        );
    }
    row(
        "▲n ▼n =n",
        "Metrics: scores up, down, the same in 90 days".into(),
    );
    row("▲ on a chart", "a PDSA cycle started".into());
    let keymap = model.keymap();
    row(
        "▼ on a chart",
        format!(
            "the point chosen with {} and {}",
            keymap.hint(Context::Detail, Action::PointPrevious),
            keymap.hint(Context::Detail, Action::PointNext)
        ),
    );
    rows
}

fn help(frame: &mut Frame, area: Rect, model: &Model, scroll: usize, theme: &Theme) {
    let rect = centred(area, 76, area.height.saturating_sub(2));
    frame.render_widget(Clear, rect);
    let lines: Vec<Line> = help_lines(model)
        .into_iter()
        .map(|(heading, keys, what)| match heading {
            Some(h) => Line::from(Span::styled(h, theme.title)),
            None => Line::from(vec![
                Span::styled(format!("  {keys:<18}"), theme.key),
                Span::raw(super::text::fit_words(
                    &what,
                    (rect.width as usize).saturating_sub(22),
                )),
            ]),
        })
        .collect();
    let total = lines.len();
    let visible = rect.height.saturating_sub(2) as usize;
    let scroll = scroll.min(total.saturating_sub(visible));
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll as u16, 0))
            .block(frame_box(
                " Keys — j/k scroll, ? or Esc closes ".into(),
                theme,
            )),
        rect,
    );
}

/// The form's guide, each entry's words wrapped beside its key; the entry the first field
/// names is marked.
fn guide_lines(form: &crate::app::Form, width: u16, theme: &Theme) -> Vec<Line<'static>> {
    let chosen = form.guide_chosen();
    let key_width = form
        .guide
        .iter()
        .map(|(key, _)| key.chars().count())
        .max()
        .unwrap_or(0)
        .max(4);
    let room = usize::from(width).saturating_sub(key_width + 2).max(10);
    let mut lines = Vec::new();
    for (i, (key, words)) in form.guide.iter().enumerate() {
        let marked = chosen == Some(i);
        let style = if marked { theme.title } else { theme.dim };
        for (row, part) in super::text::wrap_words(words, room).into_iter().enumerate() {
            let key = if row == 0 { key.as_str() } else { "" };
            let line = Line::from(vec![
                Span::styled(format!("{key:>key_width$}  "), theme.key),
                Span::styled(part, style),
            ]);
            lines.push(super::text::mark(line, marked, theme));
        }
    }
    lines
}

fn form_box(
    frame: &mut Frame,
    area: Rect,
    form: &crate::app::Form,
    model_keys: &crate::app::Keymap,
    theme: &Theme,
) {
    // Long fields get 4 lines when the window has room, fewer when it has not; when even
    // that does not fit, the fields around the focused one show.
    let room = area.height.saturating_sub(4);
    let tall = |lines: u16| -> u16 {
        form.fields
            .iter()
            .map(|f| if f.multiline { lines } else { 1 } + 1)
            .sum::<u16>()
    };
    let lines = [4u16, 3, 2, 1]
        .into_iter()
        .find(|l| tall(*l) <= room)
        .unwrap_or(1);
    let mut shown: Vec<usize> = (0..form.fields.len()).collect();
    while shown.len() > 1
        && shown
            .iter()
            .map(|i| if form.fields[*i].multiline { lines } else { 1 } + 1)
            .sum::<u16>()
            > room
    {
        // Drop the field farthest from the focus.
        let far = if form.focus.abs_diff(shown[0]) >= form.focus.abs_diff(shown[shown.len() - 1]) {
            0
        } else {
            shown.len() - 1
        };
        shown.remove(far);
    }
    let heights: Vec<u16> = shown
        .iter()
        .map(|i| if form.fields[*i].multiline { lines } else { 1 })
        .collect();
    let fields_need: u16 = heights.iter().map(|h| h + 1).sum::<u16>() + 4;
    let guide_lines = guide_lines(form, area.width.min(84).saturating_sub(2), theme);
    // The guide shows whole or not at all, and only when the fields already fit.
    let guide = u16::try_from(guide_lines.len()).unwrap_or(u16::MAX);
    let guide = if shown.len() == form.fields.len()
        && guide > 0
        && fields_need + guide < area.height.saturating_sub(2)
    {
        guide + 1
    } else {
        0
    };
    let needed = fields_need + guide;
    let rect = centred(area, 84, needed);
    frame.render_widget(Clear, rect);
    let block = frame_box(
        format!(
            " {} — {} saves, {} cancels ",
            form.title,
            model_keys.hint(Context::Form, Action::Save),
            model_keys.hint(Context::Form, Action::Close)
        ),
        theme,
    );
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let mut constraints: Vec<Constraint> = Vec::new();
    for h in &heights {
        constraints.push(Constraint::Length(1));
        constraints.push(Constraint::Length(*h));
    }
    constraints.push(Constraint::Length(guide));
    constraints.push(Constraint::Length(1));
    let rows = Layout::vertical(constraints).split(inner);
    if guide > 0 {
        let lines: Vec<Line> = std::iter::once(Line::from("")).chain(guide_lines).collect();
        frame.render_widget(Paragraph::new(lines), rows[rows.len() - 2]);
    }
    for (row, i) in shown.iter().enumerate() {
        let (i, field) = (*i, &form.fields[*i]);
        let focused = i == form.focus;
        let mut label = vec![Span::styled(
            field.label.as_str(),
            if focused { theme.key } else { theme.title },
        )];
        // The reason a value was refused takes the hint's place, so it is read whole; as a
        // name is typed, the people it may be take it.
        let matches = if focused { field.matches() } else { Vec::new() };
        let tab = model_keys.hint(Context::Form, Action::NextField);
        match &field.error {
            Some(error) => label.push(Span::styled(format!("  ✗ {error}"), theme.error)),
            None if !matches.is_empty() => {
                label.push(Span::styled(format!("  {tab} takes "), theme.dim));
                label.push(Span::styled(matches[0].to_string(), theme.key));
                let more: Vec<&str> = matches.iter().skip(1).take(3).copied().collect();
                if !more.is_empty() {
                    label.push(Span::styled(format!(" · {}", more.join(" · ")), theme.dim));
                }
            }
            None if !field.hint.is_empty() => {
                label.push(Span::styled(format!("  {}", field.hint), theme.dim))
            }
            None => {}
        }
        frame.render_widget(Paragraph::new(Line::from(label)), rows[2 * row]);
        let input_area = rows[2 * row + 1];
        if field.is_choice() {
            // Every option in a row, the chosen one marked (not by colour alone).
            let mut spans = Vec::new();
            for (i, option) in field.options.iter().enumerate() {
                let chosen = i == field.chosen;
                let text = if chosen {
                    format!("[{}]", option.shown)
                } else {
                    format!(" {} ", option.shown)
                };
                let style = match (chosen, focused) {
                    (true, true) => theme.selected,
                    (true, false) => theme.title,
                    _ => theme.dim,
                };
                spans.push(Span::styled(text, style));
                spans.push(Span::raw(" "));
            }
            if focused {
                spans.push(Span::styled("  ← →", theme.dim));
            }
            frame.render_widget(Paragraph::new(Line::from(spans)), input_area);
        } else if focused {
            frame.render_widget(&field.input, input_area);
        } else {
            let text: Vec<Line> = field
                .input
                .lines()
                .iter()
                .map(|l| Line::from(l.clone()))
                .collect();
            frame.render_widget(
                Paragraph::new(text)
                    .wrap(Wrap { trim: false })
                    .style(theme.dim),
                input_area,
            );
        }
    }
    if let (Some(error), Some(last)) = (&form.error, rows.last()) {
        frame.render_widget(
            Paragraph::new(Span::styled(format!("✗ {error}"), theme.error)),
            *last,
        );
    }
}
