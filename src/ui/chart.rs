//! The XmR chart of one measure, drawn on a canvas: data line, mean, process limits, target,
//! rebase and PDSA-start markers, and every point as a letter in its type's colour
//! (`·` common cause, `I` improvement, `C` concern, `H`/`L` neutral high/low).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Line as Segment};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::Keys;
use super::text::fit;
use super::theme::Theme;
use crate::app::{Action, ChartKind, DetailView};
use crate::domain::{DataPoint, Measure};
use crate::spc::{PointType, RunChartResult};

/// Cells for the value labels left of a chart ("LPL -16.3").
const AXIS: u16 = 10;

/// Where a chart's parts go: value labels, the plot, the dates under it, the legend.
struct ChartAreas {
    axis: Rect,
    plot: Rect,
    dates_row: Rect,
    legend_row: Rect,
}

impl ChartAreas {
    /// None when the space is too small to draw a chart that says anything.
    fn of(inner: Rect) -> Option<ChartAreas> {
        if inner.height < 5 || inner.width < 20 {
            return None;
        }
        let [plot_row, dates_row, legend_row] = Layout::vertical([
            Constraint::Min(3),
            Constraint::Length(1),
            Constraint::Length(1),
        ])
        .areas(inner);
        // The value labels sit right of the plot, beside the latest group's lines: after a
        // rebase they would otherwise stand next to the old group's.
        let [plot, axis] =
            Layout::horizontal([Constraint::Min(10), Constraint::Length(AXIS)]).areas(plot_row);
        Some(ChartAreas {
            axis,
            plot,
            dates_row,
            legend_row,
        })
    }
}

fn colour(style: Style) -> Color {
    style.fg.unwrap_or(Color::Reset)
}

fn point_style(theme: &Theme, kind: PointType) -> Style {
    match kind {
        PointType::CommonCause => theme.common_cause,
        PointType::Improvement => theme.improvement,
        PointType::Concern => theme.concern,
        PointType::NeutralHigh | PointType::NeutralLow => theme.neutral,
    }
}

fn number(value: f64) -> String {
    if value.abs() >= 1000.0 || value.fract() == 0.0 {
        format!("{value:.0}")
    } else if value.abs() >= 10.0 {
        format!("{value:.1}")
    } else {
        format!("{value:.2}")
    }
}

/// A title or legend entry in long and short words.
struct Entry {
    long: String,
    short: String,
    style: Style,
}

fn entry(long: impl Into<String>, short: impl Into<String>, style: Style) -> Entry {
    Entry {
        long: long.into(),
        short: short.into(),
        style,
    }
}

/// Entries in as many cells as there are: their long words when all fit, else their short
/// ones, dropping entries from the end rather than cutting one mid-word.
fn fit_entries(entries: &[Entry], cells: usize) -> Vec<Span<'static>> {
    fn pick(e: &Entry, short: bool) -> &str {
        if short { &e.short } else { &e.long }
    }
    let width = |short: bool, n: usize| -> usize {
        entries[..n]
            .iter()
            .map(|e| super::text::width(pick(e, short)))
            .sum()
    };
    let (short, n) = if width(false, entries.len()) <= cells {
        (false, entries.len())
    } else {
        let mut n = entries.len();
        while n > 0 && width(true, n) > cells {
            n -= 1;
        }
        (true, n)
    };
    entries[..n]
        .iter()
        .map(|e| Span::styled(pick(e, short).to_string(), e.style))
        .collect()
}

/// The shown measure as the chosen chart (c switches).
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    view: &DetailView,
    measure: &Measure,
    theme: &Theme,
    keys: &Keys,
) {
    let points = view
        .points
        .as_ref()
        .map(|(_, p)| p.as_slice())
        .unwrap_or(&[]);
    match view.chart {
        ChartKind::Xmr => xmr(frame, area, view, measure, points, theme, keys),
        ChartKind::Run => run(frame, area, measure, points, view.run.as_ref(), theme, keys),
    }
}

/// The run chart: data, median, and the points in an IHI shift (S) or trend (T).
fn run(
    frame: &mut Frame,
    area: Rect,
    measure: &Measure,
    points: &[DataPoint],
    result: Option<&RunChartResult>,
    theme: &Theme,
    keys: &Keys,
) {
    let mut title = vec![Span::styled(
        format!(" {} — run chart ", measure.name),
        theme.title,
    )];
    if let Some(r) = result {
        let mut signals = Vec::new();
        if r.ihi.shift {
            signals.push("shift");
        }
        if r.ihi.trend {
            signals.push("trend");
        }
        if r.ihi.too_few_runs {
            signals.push("too few runs");
        }
        if r.ihi.too_many_runs {
            signals.push("too many runs");
        }
        let text = if signals.is_empty() {
            "no IHI signal".to_string()
        } else {
            format!("IHI: {}", signals.join(", "))
        };
        title.push(Span::styled(format!("{text} "), theme.base));
    }
    // Too long for the border: the measure's name gives way, between words.
    let room = (area.width as usize).saturating_sub(2);
    let width: usize = title.iter().map(Span::width).sum();
    if width > room {
        let rest: usize = title[1..].iter().map(Span::width).sum();
        let name = super::text::fit_words(
            &format!("{} — run chart", measure.name),
            room.saturating_sub(rest + 2),
        );
        title[0] = Span::styled(format!(" {name} "), theme.title);
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Line::from(title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let (Some(result), Some(median)) = (result, result.and_then(|r| r.median)) else {
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!(
                    "A run chart needs at least 2 points — {} records a value.",
                    keys.of(Action::RecordValue)
                ),
                theme.dim,
            )),
            inner,
        );
        return;
    };
    let Some(ChartAreas {
        axis,
        plot,
        dates_row,
        legend_row,
    }) = ChartAreas::of(inner)
    else {
        return;
    };
    let values: Vec<f64> = points.iter().map(|p| p.value).collect();
    let low = values.iter().copied().fold(median, f64::min);
    let high = values.iter().copied().fold(median, f64::max);
    let pad = ((high - low) * 0.08).max(1e-9);
    let (low, high) = (low - pad, high + pad);
    let last_x = (points.len().max(2) - 1) as f64;
    let (x_min, x_max) = (-0.5, last_x + 0.5);
    let cell = (x_max - x_min) / f64::from(plot.width.max(1));
    let grey = colour(theme.common_cause);
    let canvas = Canvas::default()
        .marker(Marker::HalfBlock)
        .x_bounds([x_min, x_max])
        .y_bounds([low, high])
        .paint(|ctx| {
            for (i, pair) in values.windows(2).enumerate() {
                ctx.draw(&Segment::new(
                    i as f64,
                    pair[0],
                    (i + 1) as f64,
                    pair[1],
                    grey,
                ));
            }
            ctx.layer();
            let mut x = x_min + cell / 2.0;
            while x < x_max {
                ctx.print(x, median, Span::styled("─", theme.base));
                x += cell;
            }
            for (i, p) in result.points.iter().enumerate() {
                if let Some(v) = p.value {
                    let (letter, style) = match (p.shift, p.trend) {
                        (true, _) => ("S", theme.improvement),
                        (_, true) => ("T", theme.concern),
                        _ => ("·", theme.common_cause),
                    };
                    ctx.print(i as f64, v, Span::styled(letter, style));
                }
            }
        });
    frame.render_widget(canvas, plot);
    let rows = f64::from(axis.height.max(1));
    let row = (((high - median) / (high - low)) * (rows - 1.0))
        .floor()
        .clamp(0.0, rows - 1.0) as usize;
    let mut axis_lines = vec![Line::from(""); axis.height as usize];
    if let Some(line) = axis_lines.get_mut(row) {
        *line = Line::from(Span::styled(
            fit(&format!("x̃ {}", number(median)), AXIS as usize),
            theme.dim,
        ));
    }
    frame.render_widget(Paragraph::new(axis_lines), axis);
    dates_line(frame, dates_row, points, theme);
    let runs = result.ihi.runs.map_or("–".to_string(), |r| r.to_string());
    let limits = match (result.ihi.runs_lower, result.ihi.runs_upper) {
        (Some(lo), Some(hi)) => format!("{lo}–{hi}"),
        _ => "no table".to_string(),
    };
    let legend = [
        entry(" ─ median", " ─median", theme.base),
        entry(" S shift", " S shift", theme.improvement),
        entry(" T trend", " T trend", theme.concern),
        entry(
            format!(
                "  runs {runs} (expected {limits}), {} useful points",
                result.useful
            ),
            format!("  runs {runs} ({limits})"),
            theme.dim,
        ),
    ];
    frame.render_widget(
        Paragraph::new(Line::from(fit_entries(&legend, legend_row.width as usize))),
        legend_row,
    );
}

fn dates_line(frame: &mut Frame, area: Rect, points: &[DataPoint], theme: &Theme) {
    let first = points
        .first()
        .map(|p| p.date.to_string())
        .unwrap_or_default();
    let last = points
        .last()
        .map(|p| p.date.to_string())
        .unwrap_or_default();
    // Under the plot, which the value labels follow on the right.
    let gap = (area.width as usize).saturating_sub(AXIS as usize + first.len() + last.len());
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!("{first}{}{last}", " ".repeat(gap)),
            theme.dim,
        )),
        area,
    );
}

fn xmr(
    frame: &mut Frame,
    area: Rect,
    view: &DetailView,
    measure: &Measure,
    points: &[DataPoint],
    theme: &Theme,
    keys: &Keys,
) {
    let analysis = view.analysis.as_ref();
    let cycles = &view.detail.pdsa_cycles;
    let selected = view.point.and(view.selected_point().map(|(i, _)| i));
    // The title keeps the measure's name and the badges whole; the words after the badges
    // give way first, then the name (between words).
    let room = (area.width as usize).saturating_sub(2);
    let mut title = vec![Span::styled(format!(" {} ", measure.name), theme.title)];
    if let Some(a) = analysis {
        let trial = a.groups.last().is_some_and(|g| g.trial);
        let variation = (a.variation.badge(), a.variation.describe());
        let assurance = a.assurance.map(|x| (x.badge(), x.describe()));
        // Longest first: every word; the assurance as its badge; the badges alone.
        let choices = [(true, true), (true, false), (false, false)];
        let spans = |(vary_words, assure_words): (bool, bool)| {
            let mut spans = Vec::new();
            if trial {
                let text = if vary_words {
                    "trial limits · "
                } else {
                    "trial · "
                };
                spans.push(Span::styled(text, theme.warning));
            }
            let text = if vary_words {
                format!("{} {} ", variation.0, variation.1)
            } else {
                format!("{} ", variation.0)
            };
            spans.push(Span::styled(text, theme.base));
            if let Some((badge, words)) = assurance {
                let text = if assure_words {
                    format!("{badge} {words} ")
                } else {
                    format!("{badge} ")
                };
                spans.push(Span::styled(text, theme.base));
            }
            spans
        };
        let name_width = super::text::width(&measure.name) + 2;
        let width = |spans: &[Span]| spans.iter().map(Span::width).sum::<usize>();
        let tail = choices
            .iter()
            .map(|c| spans(*c))
            .find(|t| name_width + width(t) <= room)
            .unwrap_or_else(|| spans((false, false)));
        let name = super::text::fit_words(&measure.name, room.saturating_sub(width(&tail) + 2));
        title = vec![Span::styled(format!(" {name} "), theme.title)];
        title.extend(tail);
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border)
        .title(Line::from(title));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(analysis) = analysis else {
        let text = format!(
            "{} point(s) so far: a chart needs at least 2 — {} records a value.",
            points.len(),
            keys.of(Action::RecordValue)
        );
        frame.render_widget(Paragraph::new(Span::styled(text, theme.dim)), inner);
        return;
    };
    let Some(ChartAreas {
        axis,
        plot,
        dates_row,
        legend_row,
    }) = ChartAreas::of(inner)
    else {
        return;
    };

    let values: Vec<f64> = points.iter().map(|p| p.value).collect();
    let mut low = values.iter().copied().fold(f64::INFINITY, f64::min);
    let mut high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    for p in &analysis.points {
        for v in [p.lpl, p.upl].into_iter().flatten() {
            low = low.min(v);
            high = high.max(v);
        }
    }
    if let Some(t) = measure.target {
        low = low.min(t);
        high = high.max(t);
    }
    let pad = ((high - low) * 0.08).max(1e-9);
    let (low, high) = (low - pad, high + pad);
    let n = points.len();
    let last_x = (n.max(2) - 1) as f64;

    let grey = colour(theme.common_cause);
    let pdsa_x: Vec<f64> = cycles
        .iter()
        .filter_map(|c| c.start_date)
        .filter_map(|d| points.iter().position(|p| p.date >= d).map(|i| i as f64))
        .collect();
    // One canvas cell in data units, so lines drawn as characters land one per cell.
    let x_min = -0.5;
    let x_max = last_x + 0.5;
    let cell = (x_max - x_min) / f64::from(plot.width.max(1));
    let across = |from: f64, to: f64| {
        let mut xs = Vec::new();
        let mut x = from;
        while x <= to + 1e-9 {
            xs.push(x);
            x += cell;
        }
        xs
    };
    let canvas = Canvas::default()
        .marker(Marker::HalfBlock)
        .x_bounds([x_min, x_max])
        .y_bounds([low, high])
        .paint(|ctx| {
            for (i, pair) in values.windows(2).enumerate() {
                ctx.draw(&Segment::new(
                    i as f64,
                    pair[0],
                    (i + 1) as f64,
                    pair[1],
                    grey,
                ));
            }
            ctx.layer();
            // A rebase: a thin dashed line between two points, never a block that reads as
            // data.
            let row = (high - low) / f64::from(plot.height.max(1));
            for group in analysis.groups.iter().filter(|g| g.start > 0) {
                let x = group.start as f64 - 0.5;
                let mut y = low + row / 2.0;
                while y < high {
                    ctx.print(x, y, Span::styled("┊", theme.warning));
                    y += row;
                }
            }
            for group in &analysis.groups {
                let x1 = group.start as f64 - 0.5;
                let x2 = (group.start + group.len) as f64 - 0.5;
                for x in across(x1 + cell / 2.0, x2 - cell / 2.0) {
                    if let Some(mean) = group.mean {
                        ctx.print(x, mean, Span::styled("─", theme.base));
                    }
                    for limit in [group.upl, group.lpl].into_iter().flatten() {
                        ctx.print(x, limit, Span::styled("┄", theme.common_cause));
                    }
                }
            }
            if let Some(t) = measure.target {
                for x in across(x_min + cell / 2.0, x_max - cell / 2.0) {
                    ctx.print(x, t, Span::styled("━", theme.target));
                }
            }
            for x in &pdsa_x {
                ctx.print(*x, low, Span::styled("▲", theme.key));
            }
            if let Some(x) = selected {
                ctx.print(x as f64, high, Span::styled("▼", theme.key));
            }
            for (i, p) in analysis.points.iter().enumerate() {
                if let Some(v) = p.value {
                    let style = point_style(theme, p.point_type);
                    ctx.print(
                        i as f64,
                        v,
                        Span::styled(p.point_type.letter().to_string(), style),
                    );
                }
            }
        });
    frame.render_widget(canvas, plot);

    // The y axis: the last group's limits and mean, where they fall.
    let last = analysis.groups.last();
    let mut labels: Vec<(f64, String)> = Vec::new();
    if let Some(g) = last {
        for (v, name) in [(g.upl, "UPL"), (g.mean, "x̄"), (g.lpl, "LPL")] {
            if let Some(v) = v {
                labels.push((v, format!("{name} {}", number(v))));
            }
        }
    }
    let rows = axis.height.max(1) as f64;
    let mut axis_lines = vec![Line::from(""); axis.height as usize];
    let mut taken = vec![false; axis.height as usize];
    for (v, text) in labels {
        let row = (((high - v) / (high - low)) * (rows - 1.0))
            .floor()
            .clamp(0.0, rows - 1.0) as usize;
        // Two labels on one row would hide one: the later one takes the nearest free row.
        let free = (0..taken.len())
            .filter(|r| !taken[*r])
            .min_by_key(|r| r.abs_diff(row));
        if let Some(row) = free {
            taken[row] = true;
            axis_lines[row] = Line::from(Span::styled(
                format!(" {}", fit(&text, AXIS as usize - 1)),
                theme.dim,
            ));
        }
    }
    frame.render_widget(Paragraph::new(axis_lines), axis);

    dates_line(frame, dates_row, points, theme);
    // The point chosen with [ and ] (b rebases there), named under the chart.
    if let Some((_, p)) = view.selected_point().filter(|_| view.point.is_some()) {
        let text = format!(" ▼ {} {} ", p.date, number(p.value));
        let w = super::text::width(&text) as u16;
        let x = dates_row.x + dates_row.width.saturating_sub(w) / 2;
        frame.render_widget(
            Paragraph::new(Span::styled(text, theme.key)),
            Rect::new(x, dates_row.y, w.min(dates_row.width), 1),
        );
    }
    // The legend names what the chart shows, in words that fit.
    let shows = |kind: &[PointType]| analysis.points.iter().any(|p| kind.contains(&p.point_type));
    let mut legend = vec![entry(" · common", " ·common", theme.common_cause)];
    if shows(&[PointType::Improvement]) {
        legend.push(entry(" I improvement", " I improve", theme.improvement));
    }
    if shows(&[PointType::Concern]) {
        legend.push(entry(" C concern", " C concern", theme.concern));
    }
    if shows(&[PointType::NeutralHigh, PointType::NeutralLow]) {
        legend.push(entry(" H/L neutral", " H/L", theme.neutral));
    }
    legend.push(entry(
        " ─ mean ┄ limits",
        " ─mean ┄limits",
        theme.common_cause,
    ));
    if let Some(target) = measure.target {
        let t = number(target);
        legend.push(entry(
            format!(" ━ target {t}"),
            format!(" ━{t}"),
            theme.target,
        ));
    }
    if analysis.groups.len() > 1 {
        legend.push(entry(" ┊ rebase", " ┊rebase", theme.warning));
    }
    if !pdsa_x.is_empty() {
        legend.push(entry(" ▲ PDSA", " ▲PDSA", theme.key));
    }
    frame.render_widget(
        Paragraph::new(Line::from(fit_entries(&legend, legend_row.width as usize))),
        legend_row,
    );
}
