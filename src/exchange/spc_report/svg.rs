//! SVG charts drawn with plotters. Text is measured with DejaVu Sans embedded from `assets/`
//! (licence beside it), so a locked-down laptop without system fonts still gets labels.

use super::{SpcReportError, check, number};
use crate::spc::{PointType, RunChartPoint, RunChartResult, XmrOptions, XmrPoint, XmrResult};
use chrono::NaiveDate;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

const FONT: &[u8] = include_bytes!("../../../assets/DejaVuSans.ttf");
const FAMILY: &str = "sans-serif";
const GREY: RGBColor = RGBColor(0xa6, 0xa6, 0xa6);
const BLUE: RGBColor = RGBColor(0x00, 0xb0, 0xf0);
const ORANGE: RGBColor = RGBColor(0xe4, 0x6c, 0x0a);
const PURPLE: RGBColor = RGBColor(0x49, 0x00, 0x92);
const TARGET_RED: RGBColor = RGBColor(0xde, 0x1b, 0x1b);
const LINE: RGBColor = RGBColor(0x40, 0x40, 0x40);
const SIZE: (u32, u32) = (960, 540);

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
    root.fill(&WHITE).map_err(svg_error)?;
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

/// The XmR chart as SVG text: data line, mean, process and near limits per group, target,
/// points coloured by type with a letter beside every special-cause point, rebase markers.
pub fn xmr_svg(
    dates: &[NaiveDate],
    result: &XmrResult,
    opts: &XmrOptions,
    title: &str,
) -> Result<String, SpcReportError> {
    check(dates, result.points.len())?;
    ensure_font()?;
    let points = &result.points;
    let values: Vec<Option<f64>> = points.iter().map(|p| p.value).collect();
    let lines = points
        .iter()
        .flat_map(|p: &XmrPoint| [&p.value, &p.mean, &p.lpl, &p.upl]);
    let (y_low, y_high) = y_range(lines, opts.target);
    let x_high = (points.len().max(2) - 1) as f64 + 0.5;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        let mut chart = chart_frame(&root, title, dates, x_high, (y_low, y_high))?;

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
                    vec![(-0.5, target), (x_high, target)],
                    8,
                    4,
                    TARGET_RED.stroke_width(2),
                ))
                .map_err(svg_error)?
                .label(format!("target {target}"))
                .legend(|(x, y)| {
                    PathElement::new(vec![(x, y), (x + 16, y)], TARGET_RED.stroke_width(2))
                });
        }
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
        if opts.target.is_some() {
            chart
                .configure_series_labels()
                .background_style(WHITE.mix(0.8))
                .border_style(GREY)
                .label_font((FAMILY, 12))
                .draw()
                .map_err(svg_error)?;
        }
        root.present().map_err(svg_error)?;
    }
    Ok(svg)
}

/// The run chart as SVG text: data line, median, points in a shift or trend marked.
pub fn run_chart_svg(
    dates: &[NaiveDate],
    result: &RunChartResult,
    title: &str,
) -> Result<String, SpcReportError> {
    check(dates, result.points.len())?;
    ensure_font()?;
    let values: Vec<Option<f64>> = result.points.iter().map(|p| p.value).collect();
    let (y_low, y_high) = y_range(values.iter(), result.median);
    let x_high = (values.len().max(2) - 1) as f64 + 0.5;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, SIZE).into_drawing_area();
        let mut chart = chart_frame(&root, title, dates, x_high, (y_low, y_high))?;
        if let Some(median) = result.median {
            chart
                .draw_series(LineSeries::new(
                    vec![(-0.5, median), (x_high, median)],
                    BLACK.stroke_width(1),
                ))
                .map_err(svg_error)?;
        }
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
        root.present().map_err(svg_error)?;
    }
    Ok(svg)
}
