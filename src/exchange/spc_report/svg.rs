//! SVG charts drawn with plotters. Text is measured with DejaVu Sans embedded from `assets/`
//! (licence beside it), so a locked-down laptop without system fonts still gets labels.

use super::{SpcReportError, check, number};
use crate::spc::{PointType, RunChartPoint, RunChartResult, XmrOptions, XmrPoint, XmrResult};
use chrono::NaiveDate;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

pub(super) const FONT: &[u8] = include_bytes!("../../../assets/DejaVuSans.ttf");
const FAMILY: &str = "sans-serif";
const GREY: RGBColor = RGBColor(0xa6, 0xa6, 0xa6);
const BLUE: RGBColor = RGBColor(0x00, 0xb0, 0xf0);
const ORANGE: RGBColor = RGBColor(0xe4, 0x6c, 0x0a);
const PURPLE: RGBColor = RGBColor(0x49, 0x00, 0x92);
const TARGET_RED: RGBColor = RGBColor(0xde, 0x1b, 0x1b);
const LINE: RGBColor = RGBColor(0x40, 0x40, 0x40);
const SIZE: (u32, u32) = (960, 540);
/// The strip under a chart: one legend row, then the verdict's lines.
const LEGEND_ROW: u32 = 30;
const VERDICT_LINE: u32 = 18;

/// What a chart shows beside its data.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartNotes {
    /// PDSA cycles by the date they started and their label ("PDSA 3"), marked along the
    /// bottom at the first point on or after the date.
    pub pdsa: Vec<(NaiveDate, String)>,
    /// Said in words beneath the chart (the `spc` table's closing paragraph); empty when the
    /// page around the chart says it (a report).
    pub verdict: String,
}

impl ChartNotes {
    /// A project's PDSA cycles as its charts mark them, each at its start (cycles not yet
    /// started are not marked), and the verdict to say beneath.
    pub fn of(cycles: &[crate::domain::PdsaCycle], verdict: String) -> ChartNotes {
        ChartNotes {
            pdsa: cycles
                .iter()
                .filter_map(|c| c.start_date.map(|d| (d, c.label())))
                .collect(),
            verdict,
        }
    }
}

/// A mark in the legend: a dot, a line (solid or dashed) or a PDSA triangle, in a colour.
enum Mark {
    Dot(RGBColor),
    Line(RGBColor, bool),
    Triangle,
}

/// The legend row and the verdict, drawn in the strip below the chart.
fn draw_strip(
    strip: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    legend: &[(Mark, String)],
    verdict: &[String],
) -> Result<(), SpcReportError> {
    let font = (FAMILY, 13).into_font();
    let mut x = 24;
    let y = 14;
    for (mark, words) in legend {
        match mark {
            Mark::Dot(c) => strip
                .draw(&Circle::new((x + 8, y), 4, c.filled()))
                .map_err(svg_error)?,
            Mark::Line(c, dashed) => {
                let style = c.stroke_width(2);
                if *dashed {
                    for dash in [0, 7, 14] {
                        strip
                            .draw(&PathElement::new(
                                vec![(x + dash, y), (x + dash + 4, y)],
                                style,
                            ))
                            .map_err(svg_error)?;
                    }
                } else {
                    strip
                        .draw(&PathElement::new(vec![(x, y), (x + 18, y)], style))
                        .map_err(svg_error)?;
                }
            }
            Mark::Triangle => strip
                .draw(&TriangleMarker::new((x + 8, y), 5, PURPLE.filled()))
                .map_err(svg_error)?,
        }
        strip
            .draw(&Text::new(words.clone(), (x + 24, y - 7), font.clone()))
            .map_err(svg_error)?;
        let (width, _) = font.box_size(words).map_err(svg_error)?;
        x += 24 + i32::try_from(width).unwrap_or(200) + 18;
    }
    for (i, line) in verdict.iter().enumerate() {
        let top = i32::try_from(LEGEND_ROW + VERDICT_LINE * i as u32).unwrap_or(0);
        strip
            .draw(&Text::new(line.clone(), (24, top), font.clone()))
            .map_err(svg_error)?;
    }
    Ok(())
}

/// The verdict broken into lines that fit the chart's width, measured in the font.
fn verdict_lines(verdict: &str) -> Result<Vec<String>, SpcReportError> {
    let font = (FAMILY, 13).into_font();
    let room = f64::from(SIZE.0 - 48);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in verdict.split_whitespace() {
        let tried = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        let (width, _) = font.box_size(&tried).map_err(svg_error)?;
        if f64::from(width) > room && !line.is_empty() {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = tried;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Ok(lines)
}

/// The page: the chart's area on top, the legend and verdict strip under it.
fn page_height(verdict: &[String]) -> u32 {
    SIZE.1 + LEGEND_ROW + VERDICT_LINE * u32::try_from(verdict.len()).unwrap_or(0) + 8
}

/// The point each PDSA cycle is marked at: the first dated on or after it started.
fn pdsa_at(dates: &[NaiveDate], pdsa: &[(NaiveDate, String)]) -> Vec<(usize, String)> {
    pdsa.iter()
        .filter_map(|(start, label)| {
            dates
                .iter()
                .position(|d| d >= start)
                .map(|i| (i, label.clone()))
        })
        .collect()
}

/// PDSA cycles as purple triangles along the bottom, their number beside each.
fn draw_pdsa<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    marks: &[(usize, String)],
    y_low: f64,
) -> Result<(), SpcReportError> {
    chart
        .draw_series(
            marks
                .iter()
                .map(|(i, _)| TriangleMarker::new((*i as f64, y_low), 5, PURPLE.filled())),
        )
        .map_err(svg_error)?;
    chart
        .draw_series(marks.iter().map(|(i, label)| {
            let number = label.trim_start_matches("PDSA ").to_string();
            Text::new(
                number,
                (*i as f64 + 0.12, y_low),
                (FAMILY, 10).into_font().color(&PURPLE),
            )
        }))
        .map_err(svg_error)?;
    Ok(())
}

/// A value written at the right end of a line ("mean 34.7").
fn line_label<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    at: (f64, f64),
    words: String,
) -> Result<(), SpcReportError> {
    chart
        .draw_series(std::iter::once(Text::new(
            words,
            at,
            (FAMILY, 11).into_font().color(&LINE),
        )))
        .map_err(svg_error)?;
    Ok(())
}

/// Registers the embedded font once; plotters needs it to measure every label.
fn ensure_font() -> Result<(), SpcReportError> {
    static REGISTERED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let ok = *REGISTERED
        .get_or_init(|| plotters::style::register_font(FAMILY, FontStyle::Normal, FONT).is_ok());
    if ok {
        Ok(())
    } else {
        Err(SpcReportError::Svg(
            "the embedded font is unreadable".to_string(),
        ))
    }
}

/// A chart's white page, title, axes and date labels: the same for XmR and run charts.
fn chart_frame<'a, 'b>(
    root: &'a DrawingArea<SVGBackend<'b>, plotters::coord::Shift>,
    title: &str,
    dates: &'a [NaiveDate],
    x_high: f64,
    (y_low, y_high): (f64, f64),
) -> Result<
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    SpcReportError,
> {
    let mut chart = ChartBuilder::on(root)
        .caption(title, (FAMILY, 20))
        .margin(16)
        .x_label_area_size(40)
        .y_label_area_size(64)
        .build_cartesian_2d(-0.5..x_high, y_low..y_high)
        .map_err(svg_error)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE.mix(0.0))
        .x_labels(8)
        .x_label_formatter(&|x| date_label(dates, *x))
        .y_label_formatter(&|y| number(*y))
        .label_style((FAMILY, 12))
        .draw()
        .map_err(svg_error)?;
    Ok(chart)
}

fn colour(t: PointType) -> RGBColor {
    match t {
        PointType::CommonCause => GREY,
        PointType::Improvement => BLUE,
        PointType::Concern => ORANGE,
        PointType::NeutralHigh | PointType::NeutralLow => PURPLE,
    }
}

fn svg_error<E: std::fmt::Display>(e: E) -> SpcReportError {
    SpcReportError::Svg(e.to_string())
}

/// The y range that shows every value, line and the target, with a little air.
fn y_range<'a>(numbers: impl Iterator<Item = &'a Option<f64>>, extra: Option<f64>) -> (f64, f64) {
    let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
    for x in numbers.flatten().copied().chain(extra) {
        low = low.min(x);
        high = high.max(x);
    }
    if !low.is_finite() || !high.is_finite() {
        return (0.0, 1.0);
    }
    let pad = ((high - low) * 0.08).max(high.abs().max(1.0) * 1e-6);
    (low - pad, high + pad)
}

/// Date labels along x, by point index (XmR charts space points evenly).
fn date_label(dates: &[NaiveDate], x: f64) -> String {
    let i = x.round();
    if (x - i).abs() > 1e-6 || i < 0.0 {
        return String::new();
    }
    dates
        .get(i as usize)
        .map(|d| d.format("%d %b %y").to_string())
        .unwrap_or_default()
}

/// Draws the data line, breaking it at missing values.
fn draw_data_line<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    values: &[Option<f64>],
) -> Result<(), SpcReportError> {
    let mut start = 0;
    while start < values.len() {
        let run: Vec<(f64, f64)> = values[start..]
            .iter()
            .enumerate()
            .map_while(|(i, v)| v.map(|y| ((start + i) as f64, y)))
            .collect();
        start += run.len().max(1);
        if run.len() > 1 {
            chart
                .draw_series(LineSeries::new(run, LINE.stroke_width(1)))
                .map_err(svg_error)?;
        }
    }
    Ok(())
}

/// The XmR chart as SVG text: data line, mean, process and near limits per group (the last
/// group's values written at their ends), target, points coloured by type with a letter
/// beside every special-cause point, rebase and PDSA markers; a legend under it, and the
/// verdict when `notes` carries one.
pub fn xmr_svg(
    dates: &[NaiveDate],
    result: &XmrResult,
    opts: &XmrOptions,
    title: &str,
    notes: &ChartNotes,
) -> Result<String, SpcReportError> {
    check(dates, result.points.len())?;
    ensure_font()?;
    let points = &result.points;
    let values: Vec<Option<f64>> = points.iter().map(|p| p.value).collect();
    let lines = points
        .iter()
        .flat_map(|p: &XmrPoint| [&p.value, &p.mean, &p.lpl, &p.upl]);
    let (y_low, y_high) = y_range(lines, opts.target);
    let x_last = (points.len().max(2) - 1) as f64 + 0.5;
    // Room right of the data for the last group's values.
    let x_high = x_last + (points.len() as f64 * 0.1).max(2.0);
    let verdict = verdict_lines(&notes.verdict)?;
    let pdsa = pdsa_at(dates, &notes.pdsa);
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (SIZE.0, page_height(&verdict))).into_drawing_area();
        root.fill(&WHITE).map_err(svg_error)?;
        let (top, strip) = root.split_vertically(SIZE.1);
        let mut chart = chart_frame(&top, title, dates, x_high, (y_low, y_high))?;

        for group in &result.groups {
            let (a, b) = (
                group.start as f64 - 0.4,
                (group.start + group.len) as f64 - 0.6,
            );
            let segment = |y: Option<f64>| y.map(|y| vec![(a, y), (b, y)]);
            if let Some(mean) = segment(group.mean) {
                chart
                    .draw_series(LineSeries::new(mean, BLACK.stroke_width(1)))
                    .map_err(svg_error)?;
            }
            for limit in [group.lpl, group.upl].into_iter().filter_map(segment) {
                chart
                    .draw_series(DashedLineSeries::new(limit, 6, 4, GREY.stroke_width(2)))
                    .map_err(svg_error)?;
            }
            for near in [group.nlpl, group.nupl].into_iter().filter_map(segment) {
                chart
                    .draw_series(DashedLineSeries::new(near, 2, 4, GREY.stroke_width(1)))
                    .map_err(svg_error)?;
            }
            if group.start > 0 {
                let x = group.start as f64 - 0.5;
                chart
                    .draw_series(DashedLineSeries::new(
                        vec![(x, y_low), (x, y_high)],
                        4,
                        4,
                        BLACK.stroke_width(1),
                    ))
                    .map_err(svg_error)?;
                chart
                    .draw_series(std::iter::once(Text::new(
                        "rebase",
                        (x + 0.1, y_high),
                        (FAMILY, 11).into_font(),
                    )))
                    .map_err(svg_error)?;
            }
        }
        if let Some(target) = opts.target {
            chart
                .draw_series(DashedLineSeries::new(
                    vec![(-0.5, target), (x_last, target)],
                    8,
                    4,
                    TARGET_RED.stroke_width(2),
                ))
                .map_err(svg_error)?;
        }
        if let Some(group) = result.groups.last() {
            let end = (group.start + group.len) as f64 - 0.4;
            for (value, name) in [(group.upl, "UPL"), (group.mean, "mean"), (group.lpl, "LPL")] {
                if let Some(y) = value {
                    line_label(&mut chart, (end, y), format!("{name} {}", number(y)))?;
                }
            }
        }
        draw_pdsa(&mut chart, &pdsa, y_low)?;
        draw_data_line(&mut chart, &values)?;
        let dots = points.iter().enumerate().filter_map(|(i, p)| {
            p.value
                .map(|y| Circle::new((i as f64, y), 4, colour(p.point_type).filled()))
        });
        chart.draw_series(dots).map_err(svg_error)?;
        let letters =
            points
                .iter()
                .enumerate()
                .filter_map(|(i, p)| match (p.value, p.point_type) {
                    (Some(y), t) if t != PointType::CommonCause => Some(Text::new(
                        t.letter().to_string(),
                        (i as f64 + 0.15, y),
                        (FAMILY, 12).into_font().color(&colour(t)),
                    )),
                    _ => None,
                });
        chart.draw_series(letters).map_err(svg_error)?;
        let mut legend = vec![
            (Mark::Dot(GREY), "common cause".to_string()),
            (Mark::Dot(BLUE), "improvement (I)".to_string()),
            (Mark::Dot(ORANGE), "concern (C)".to_string()),
        ];
        if points
            .iter()
            .any(|p| matches!(p.point_type, PointType::NeutralHigh | PointType::NeutralLow))
        {
            legend.push((Mark::Dot(PURPLE), "neutral".to_string()));
        }
        legend.push((Mark::Line(BLACK, false), "mean".to_string()));
        legend.push((Mark::Line(GREY, true), "process limits".to_string()));
        if let Some(target) = opts.target {
            legend.push((
                Mark::Line(TARGET_RED, true),
                format!("target {}", number(target)),
            ));
        }
        if result.groups.len() > 1 {
            legend.push((Mark::Line(BLACK, true), "rebase".to_string()));
        }
        if !pdsa.is_empty() {
            legend.push((Mark::Triangle, "PDSA started".to_string()));
        }
        draw_strip(&strip, &legend, &verdict)?;
        root.present().map_err(svg_error)?;
    }
    Ok(svg)
}

/// The run chart as SVG text: data line, median (its value written), points in a shift or
/// trend marked, PDSA markers; a legend under it, and the verdict when `notes` carries one.
pub fn run_chart_svg(
    dates: &[NaiveDate],
    result: &RunChartResult,
    title: &str,
    notes: &ChartNotes,
) -> Result<String, SpcReportError> {
    check(dates, result.points.len())?;
    ensure_font()?;
    let values: Vec<Option<f64>> = result.points.iter().map(|p| p.value).collect();
    let (y_low, y_high) = y_range(values.iter(), result.median);
    let x_last = (values.len().max(2) - 1) as f64 + 0.5;
    let x_high = x_last + (values.len() as f64 * 0.1).max(2.0);
    let verdict = verdict_lines(&notes.verdict)?;
    let pdsa = pdsa_at(dates, &notes.pdsa);
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (SIZE.0, page_height(&verdict))).into_drawing_area();
        root.fill(&WHITE).map_err(svg_error)?;
        let (top, strip) = root.split_vertically(SIZE.1);
        let mut chart = chart_frame(&top, title, dates, x_high, (y_low, y_high))?;
        if let Some(median) = result.median {
            chart
                .draw_series(LineSeries::new(
                    vec![(-0.5, median), (x_last, median)],
                    BLACK.stroke_width(1),
                ))
                .map_err(svg_error)?;
            line_label(
                &mut chart,
                (x_last, median),
                format!("median {}", number(median)),
            )?;
        }
        draw_pdsa(&mut chart, &pdsa, y_low)?;
        draw_data_line(&mut chart, &values)?;
        let marked = |p: &RunChartPoint| p.shift || p.trend;
        let dots = result.points.iter().enumerate().filter_map(|(i, p)| {
            let c = if marked(p) { ORANGE } else { GREY };
            p.value.map(|y| Circle::new((i as f64, y), 4, c.filled()))
        });
        chart.draw_series(dots).map_err(svg_error)?;
        let letters = result.points.iter().enumerate().filter_map(|(i, p)| {
            let letter = match (p.shift, p.trend) {
                (true, true) => "ST",
                (true, false) => "S",
                (false, true) => "T",
                _ => return None,
            };
            p.value.map(|y| {
                Text::new(
                    letter,
                    (i as f64 + 0.15, y),
                    (FAMILY, 12).into_font().color(&ORANGE),
                )
            })
        });
        chart.draw_series(letters).map_err(svg_error)?;
        let mut legend = vec![
            (Mark::Dot(GREY), "point".to_string()),
            (Mark::Dot(ORANGE), "in a shift (S) or trend (T)".to_string()),
            (Mark::Line(BLACK, false), "median".to_string()),
        ];
        if !pdsa.is_empty() {
            legend.push((Mark::Triangle, "PDSA started".to_string()));
        }
        draw_strip(&strip, &legend, &verdict)?;
        root.present().map_err(svg_error)?;
    }
    Ok(svg)
}
