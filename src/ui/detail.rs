//! The detail pane: one project, its sections as tabs, the selected section below.
//!
//! ```text
//! QI-0012 Reduce falls on Ward 10            Pilot and implement · Active · 2.5
//!  Charter  Gateway  Team  Score  PDSA  Measures  Drivers  Benefits  Notes  History
//! ┌ list ─────────────┐┌ the selected item (worksheet, XmR chart) ───────────┐
//! │                   ││                                                       │
//! └───────────────────┘└───────────────────────────────────────────────────────┘
//! ```
//!
//! Charter is the overview (the charter, the latest PDSA cycle and the main chart side by
//! side when there is room); Gateway, Team, Score, Drivers, Benefits, Notes and History are
//! lists; PDSA and Measures are a list beside the chosen cycle's worksheet or measure's chart.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Tabs, Wrap};

use super::Keys;
use super::chart;
use super::text::fit;
use super::theme::Theme;
use crate::app::{Action, Context, DetailView, Section};

/// `today` marks overdue actions.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    view: &DetailView,
    today: chrono::NaiveDate,
    theme: &Theme,
    keys: &Keys,
) {
    let [head, tabs, body] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(area);
    let p = &view.detail.project;
    let right = format!(
        "{} · {} · score {}",
        p.stage_name,
        p.status.label(),
        p.score.map_or("–".into(), |s| s.to_string())
    );
    let left_room = (head.width as usize).saturating_sub(super::text::width(&right) + 3);
    let left = fit(&format!("{} {}", p.reference, p.title), left_room);
    let gap = (head.width as usize)
        .saturating_sub(super::text::width(&left) + super::text::width(&right) + 2);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!(" {left}"), theme.title),
            Span::raw(" ".repeat(gap)),
            Span::styled(format!("{right} "), theme.dim),
        ])),
        head,
    );
    // The shown section is marked by a ▸ as well as by colour.
    let titles: Vec<Line> = Section::ALL
        .iter()
        .map(|s| {
            let mark = if *s == view.section { "▸" } else { "" };
            Line::from(format!("{mark}{}", s.label()))
        })
        .collect();
    let selected = Section::ALL
        .iter()
        .position(|s| *s == view.section)
        .unwrap_or(0);
    frame.render_widget(
        Tabs::new(titles)
            .select(selected)
            .style(theme.dim)
            .highlight_style(theme.bar_active)
            .divider(" ")
            .padding("", ""),
        tabs,
    );
    match view.section {
        Section::Charter => overview(frame, body, view, theme, keys),
        Section::Pdsa => pdsa(frame, body, view, theme, keys),
        Section::Measures => measures(frame, body, view, theme, keys),
        _ => super::detail_lists::simple_list(frame, body, view, today, theme, keys),
    }
}

/// Wraps `label  value` lines to `cells`, continuing under the value (a hanging indent), so
/// a long aim reads as one block beside its label.
pub(super) fn hang(lines: Vec<Line<'static>>, cells: usize) -> Vec<Line<'static>> {
    let room = cells.saturating_sub(LABEL).max(8);
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        if line.spans.len() != 2 {
            out.push(line);
            continue;
        }
        let (head, body) = (line.spans[0].clone(), line.spans[1].clone());
        let rows = super::text::wrap_words(&body.content, room);
        for (i, row) in rows.into_iter().enumerate() {
            let lead = if i == 0 {
                head.clone()
            } else {
                Span::raw(" ".repeat(LABEL))
            };
            out.push(Line::from(vec![lead, Span::styled(row, body.style)]));
        }
    }
    out
}

/// The width of a field's label column.
pub(super) const LABEL: usize = 12;

fn field(lines: &mut Vec<Line<'static>>, label: &'static str, value: &str, theme: &Theme) {
    if value.trim().is_empty() {
        return;
    }
    let mut first = true;
    for text in value.split('\n') {
        let head = if first {
            format!("{label:<12}")
        } else {
            " ".repeat(12)
        };
        first = false;
        lines.push(Line::from(vec![
            Span::styled(head, theme.dim),
            Span::styled(text.to_string(), theme.base),
        ]));
    }
}

/// What a coach reads first: the charter, the latest PDSA cycle and the main measure's chart.
fn overview(frame: &mut Frame, area: Rect, view: &DetailView, theme: &Theme, keys: &Keys) {
    if area.height < 22 || area.width < 70 {
        charter(frame, area, view, theme, keys);
        return;
    }
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area);
    charter(frame, top, view, theme, keys);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)]).areas(bottom);
    let d = &view.detail;
    match d
        .pdsa_cycles
        .iter()
        .max_by_key(|c| (c.start_date, c.number))
    {
        Some(c) => worksheet(
            frame,
            left,
            c,
            &format!(
                "Latest: {} ({} of {})",
                c.label(),
                c.ramp_position,
                c.ramp_length
            ),
            theme,
        ),
        None => frame.render_widget(
            Paragraph::new(Span::styled(
                format!(
                    "No PDSA cycles yet — {} plans the first.",
                    keys.of(Action::AddPdsa)
                ),
                theme.dim,
            ))
            .block(list_block("PDSA", theme, false)),
            left,
        ),
    }
    match view.shown_measure() {
        Some(measure) => {
            chart::draw(frame, right, view, measure, theme, keys);
        }
        None => frame.render_widget(
            Paragraph::new(Span::styled(
                format!(
                    "No measures yet: how will the team know a change is an improvement? \
                     In Measures, {} adds one.",
                    keys.in_context(Context::Measures, Action::AddMeasure)
                ),
                theme.dim,
            ))
            .wrap(Wrap { trim: true })
            .block(list_block("Measures", theme, false)),
            right,
        ),
    }
}

fn charter(frame: &mut Frame, area: Rect, view: &DetailView, theme: &Theme, keys: &Keys) {
    let d = &view.detail;
    let p = &d.project;
    let mut lines = Vec::new();
    let no_aim = format!(
        "(no aim yet — {} to write one)",
        keys.of(Action::EditProject)
    );
    let date = |x: Option<chrono::NaiveDate>| x.map(|d| d.to_string()).unwrap_or_default();
    field(
        &mut lines,
        "Aim",
        if p.aim.is_empty() { &no_aim } else { &p.aim },
        theme,
    );
    field(&mut lines, "Problem", &p.problem, theme);
    field(&mut lines, "Scope in", &p.scope_in, theme);
    field(&mut lines, "Scope out", &p.scope_out, theme);
    field(&mut lines, "Division", &p.division, theme);
    field(&mut lines, "Department", &p.department, theme);
    field(
        &mut lines,
        "Cohort",
        p.cohort.as_deref().unwrap_or(""),
        theme,
    );
    field(&mut lines, "Start", &date(p.start_date), theme);
    field(&mut lines, "Target", &date(p.target_date), theme);
    for member in d.team.iter().filter(|m| m.role.is_single()) {
        let label = match member.role {
            crate::domain::Role::Lead => "Lead",
            crate::domain::Role::Sponsor => "Sponsor",
            _ => "Coach",
        };
        field(&mut lines, label, &member.person.name, theme);
    }
    field(&mut lines, "Risks", &p.risks, theme);
    field(
        &mut lines,
        "Updated",
        &p.updated.format("%Y-%m-%d %H:%M").to_string(),
        theme,
    );
    if let Some(latest) = d.pdsa_cycles.iter().max_by_key(|c| c.number) {
        let act = latest
            .act
            .map_or("no decision yet".into(), |a| a.key().to_string());
        field(
            &mut lines,
            "Latest PDSA",
            &format!("{} ({}): {act}", latest.label(), latest.change_idea),
            theme,
        );
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(" Charter ");
    frame.render_widget(
        Paragraph::new(hang(lines, area.width.saturating_sub(2) as usize))
            .block(block)
            .scroll((view.selected as u16, 0)),
        area,
    );
}

pub(super) fn list_block<'a>(title: &'a str, theme: &Theme, focused: bool) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme.border_focus
        } else {
            theme.border
        })
        .title(format!(" {title} "))
}

/// A list with the selected row marked; scrolled so the selection shows.
pub(super) fn list_lines<'a>(
    items: Vec<Line<'a>>,
    selected: usize,
    height: u16,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let visible = height.saturating_sub(2).max(1) as usize;
    let offset = selected.saturating_sub(visible - 1);
    items
        .into_iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .map(|(i, line)| super::text::mark(line, i == selected, theme))
        .collect()
}

fn pdsa(frame: &mut Frame, area: Rect, view: &DetailView, theme: &Theme, keys: &Keys) {
    let cycles = &view.detail.pdsa_cycles;
    if cycles.is_empty() {
        let text = format!(
            "No PDSA cycles yet — {} plans the first one.",
            keys.of(Action::AddPdsa)
        );
        frame.render_widget(
            Paragraph::new(Span::styled(text, theme.dim)).block(list_block(
                "PDSA cycles",
                theme,
                false,
            )),
            area,
        );
        return;
    }
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(38), Constraint::Percentage(62)]).areas(area);
    // Inside the borders, after the selection mark.
    let room = (left.width as usize).saturating_sub(4);
    let mut items = Vec::new();
    let mut last_idea = "";
    let mut index_of = Vec::new();
    for (i, c) in cycles.iter().enumerate() {
        if c.change_idea != last_idea {
            last_idea = &c.change_idea;
            index_of.push(None);
            // ◆ as in the driver diagram: ▸ marks the selection.
            items.push(Line::from(Span::styled(
                fit(&format!("◆ {}", c.change_idea), room),
                theme.title,
            )));
        }
        index_of.push(Some(i));
        // Not decided yet: "…" would read as text cut short.
        let act = c.act.map_or("running".to_string(), |a| a.key().to_string());
        let text = format!(
            "  {} ({} of {}) {act}",
            c.label(),
            c.ramp_position,
            c.ramp_length
        );
        items.push(Line::from(fit(&text, room)));
    }
    let row = index_of
        .iter()
        .position(|x| *x == Some(view.selected))
        .unwrap_or(0);
    frame.render_widget(
        Paragraph::new(list_lines(items, row, left.height, theme))
            .block(list_block("Ramps", theme, true)),
        left,
    );
    let Some(c) = cycles.get(view.selected) else {
        return;
    };
    worksheet(
        frame,
        right,
        c,
        &format!(
            "{} — {} fills in the worksheet",
            c.label(),
            keys.of(Action::EditPdsa)
        ),
        theme,
    );
}

fn worksheet(
    frame: &mut Frame,
    area: Rect,
    c: &crate::domain::PdsaCycle,
    title: &str,
    theme: &Theme,
) {
    let mut lines = Vec::new();
    let date =
        |x: Option<chrono::NaiveDate>| x.map(|d| d.to_string()).unwrap_or_else(|| "–".into());
    field(&mut lines, "Change idea", &c.change_idea, theme);
    field(
        &mut lines,
        "Dates",
        &format!("{} → {}", date(c.start_date), date(c.end_date)),
        theme,
    );
    field(&mut lines, "Objective", &c.objective, theme);
    field(&mut lines, "Prediction", &c.predictions, theme);
    field(&mut lines, "Plan", &c.plan, theme);
    field(&mut lines, "Do", &c.do_notes, theme);
    field(&mut lines, "Study", &c.study, theme);
    field(
        &mut lines,
        "Act",
        c.act.map_or("(not decided)", |a| a.key()),
        theme,
    );
    field(&mut lines, "Next step", &c.next_step, theme);
    field(&mut lines, "Measures", &c.measures.join(", "), theme);
    let lines = hang(lines, area.width.saturating_sub(2) as usize);
    frame.render_widget(
        Paragraph::new(lines).block(list_block(title, theme, false)),
        area,
    );
}

fn measures(frame: &mut Frame, area: Rect, view: &DetailView, theme: &Theme, keys: &Keys) {
    let measures = &view.detail.measures;
    if measures.is_empty() {
        let text = format!(
            "No measures yet — {} adds one.",
            keys.of(Action::AddMeasure)
        );
        frame.render_widget(
            Paragraph::new(Span::styled(text, theme.dim))
                .block(list_block("Measures", theme, false)),
            area,
        );
        return;
    }
    let list_width = (area.width / 4).clamp(18, 34);
    let [left, right] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Min(10)]).areas(area);
    let [list, notes] =
        Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(left);
    let items: Vec<Line> = measures
        .iter()
        .map(|m| {
            let shown = view.shown_measure().is_some_and(|s| s.name == m.name);
            let badge = view
                .analysis
                .as_ref()
                .filter(|_| shown)
                .map_or("", |a| a.variation.badge());
            let main = if view.main.as_deref() == Some(m.name.as_str()) {
                "★ "
            } else {
                ""
            };
            // Inside the borders and the selection mark.
            Line::from(fit(
                &format!("{main}{} {badge}", m.name),
                (list_width as usize).saturating_sub(4),
            ))
        })
        .collect();
    frame.render_widget(
        Paragraph::new(list_lines(items, view.selected, list.height, theme)).block(list_block(
            "Measures (★ main)",
            theme,
            true,
        )),
        list,
    );
    // The notes the team wrote on points ("PDSA 3 started"), newest first.
    let width = notes.width.saturating_sub(2) as usize;
    let annotated: Vec<Line> = view
        .points
        .iter()
        .flat_map(|(_, points)| points.iter().rev())
        .filter(|p| !p.annotation.trim().is_empty())
        .map(|p| Line::from(fit(&format!("{} {}", p.date, p.annotation), width)))
        .collect();
    let annotated = if annotated.is_empty() {
        vec![Line::from(Span::styled("no notes on points", theme.dim))]
    } else {
        annotated
    };
    frame.render_widget(
        Paragraph::new(annotated).block(list_block("Notes on points", theme, false)),
        notes,
    );
    if let Some(measure) = view.shown_measure() {
        chart::draw(frame, right, view, measure, theme, keys);
    }
}
