//! Renders SPC results for people and scripts: the JSON shape of issue 4 (scripts depend on
//! it, so key names and order are fixed by the structs below), a text table with a summary in
//! words, and an SVG chart drawn with plotters.
//!
//! The SVG lives in `spc_report/svg.rs`.

use crate::spc::{
    Assurance, Direction, PointType, Rule, RunChartResult, Variation, XmrOptions, XmrResult,
};
use chrono::NaiveDate;
use serde::Serialize;
use std::fmt::Write as _;

mod png;
mod svg;
pub use png::png_of_svg;
pub use svg::{ChartNotes, run_chart_svg, xmr_svg};

/// Why a report could not be rendered. Display is one line.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SpcReportError {
    #[error("{dates} dates but {points} points: every point needs a date")]
    LengthMismatch { dates: usize, points: usize },
    #[error("could not draw the chart: {0}")]
    Svg(String),
    #[error("could not draw the chart as PNG: {0}")]
    Png(String),
    #[error("could not write JSON: {0}")]
    Json(String),
}

pub(crate) fn check(dates: &[NaiveDate], points: usize) -> Result<(), SpcReportError> {
    if dates.len() == points {
        Ok(())
    } else {
        Err(SpcReportError::LengthMismatch {
            dates: dates.len(),
            points,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// JSON

#[derive(Serialize)]
struct XmrJsonPoint {
    date: String,
    value: Option<f64>,
    group: usize,
    mean: Option<f64>,
    lpl: Option<f64>,
    upl: Option<f64>,
    nlpl: Option<f64>,
    nupl: Option<f64>,
    rule: Rule,
    point_type: PointType,
    trial: bool,
}

#[derive(Serialize)]
struct XmrJson<'a> {
    points: Vec<XmrJsonPoint>,
    variation: Variation,
    assurance: Option<Assurance>,
    warnings: &'a [String],
}

/// `--format json` for an XmR chart: one object, keys exactly as in issue 4, pretty-printed.
pub fn xmr_json(dates: &[NaiveDate], result: &XmrResult) -> Result<String, SpcReportError> {
    check(dates, result.points.len())?;
    let points = dates
        .iter()
        .zip(&result.points)
        .map(|(date, p)| XmrJsonPoint {
            date: date.to_string(),
            value: p.value,
            group: p.group,
            mean: p.mean,
            lpl: p.lpl,
            upl: p.upl,
            nlpl: p.nlpl,
            nupl: p.nupl,
            rule: p.rule,
            point_type: p.point_type,
            trial: p.trial,
        })
        .collect();
    let json = XmrJson {
        points,
        variation: result.variation,
        assurance: result.assurance,
        warnings: &result.warnings,
    };
    serde_json::to_string_pretty(&json).map_err(|e| SpcReportError::Json(e.to_string()))
}

#[derive(Serialize)]
struct RunJsonPoint {
    date: String,
    value: Option<f64>,
    median: Option<f64>,
    shift: bool,
    trend: bool,
}

#[derive(Serialize)]
struct RunJson<'a> {
    points: Vec<RunJsonPoint>,
    median: Option<f64>,
    useful: usize,
    ihi: &'a crate::spc::IhiRules,
    anhoej: &'a crate::spc::AnhoejRules,
    warnings: &'a [String],
}

/// `--chart run --format json`: both rule sets at once, keys exactly as in issue 4.
pub fn run_chart_json(
    dates: &[NaiveDate],
    result: &RunChartResult,
) -> Result<String, SpcReportError> {
    check(dates, result.points.len())?;
    let points = dates
        .iter()
        .zip(&result.points)
        .map(|(date, p)| RunJsonPoint {
            date: date.to_string(),
            value: p.value,
            median: p.median,
            shift: p.shift,
            trend: p.trend,
        })
        .collect();
    let json = RunJson {
        points,
        median: result.median,
        useful: result.useful,
        ihi: &result.ihi,
        anhoej: &result.anhoej,
        warnings: &result.warnings,
    };
    serde_json::to_string_pretty(&json).map_err(|e| SpcReportError::Json(e.to_string()))
}

// ---------------------------------------------------------------------------------------------
// Text

/// A number for people: two decimals, or scientific for very small magnitudes.
pub(crate) fn number(x: f64) -> String {
    if x != 0.0 && x.abs() < 0.01 {
        format!("{x:.3e}")
    } else {
        format!("{x:.2}")
    }
}

fn cell(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), number)
}

/// `--format table` for an XmR chart: one row per point, then the summary in words.
pub fn xmr_table(
    dates: &[NaiveDate],
    result: &XmrResult,
    opts: &XmrOptions,
) -> Result<String, SpcReportError> {
    check(dates, result.points.len())?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<10}  {:>10}  {:>5}  {:>10}  {:>10}  {:>10}  {:<14}  rule",
        "date", "value", "group", "mean", "lpl", "upl", "type"
    );
    for (date, p) in dates.iter().zip(&result.points) {
        // A missing value keeps its row (and its type in the JSON, as the reference package
        // gives it), but it is no point of common cause: say it is missing.
        let kind = if p.value.is_none() {
            "  missing".to_string()
        } else {
            format!(
                "{} {}",
                p.point_type.letter(),
                p.point_type.as_str().replace('_', " ")
            )
        };
        let rule = match (p.value, p.rule, p.trial) {
            (None, _, _) => String::new(),
            (_, Rule::None, true) => "(trial)".to_string(),
            (_, rule, true) => format!("{} (trial)", rule.describe()),
            (_, rule, false) => rule.describe().to_string(),
        };
        // "· common cause" and "N neutral high" are the widest types.
        let row = format!(
            "{:<10}  {:>10}  {:>5}  {:>10}  {:>10}  {:>10}  {:<14}  {}",
            date.to_string(),
            cell(p.value),
            p.group,
            cell(p.mean),
            cell(p.lpl),
            cell(p.upl),
            kind,
            rule
        );
        let _ = writeln!(out, "{}", row.trim_end());
    }
    out.push('\n');
    out.push_str(&xmr_summary(result, opts));
    out.push('\n');
    for warning in &result.warnings {
        let _ = writeln!(out, "warning: {warning}");
    }
    Ok(out)
}

/// One paragraph in words: the limits, what the points say, the last point, the target.
pub fn xmr_summary(result: &XmrResult, opts: &XmrOptions) -> String {
    let Some(last) = result.points.last() else {
        return "There are no points to chart.".to_string();
    };
    let mut text = String::new();
    let groups = result.groups.len();
    text.push_str(&count_points(result.points.iter().map(|p| p.value)));
    if groups > 1 {
        let _ = write!(text, " in {groups} groups");
    }
    match (last.mean, last.lpl, last.upl) {
        (Some(mean), Some(lpl), Some(upl)) => {
            let which = if groups > 1 { " (last group)" } else { "" };
            let trial = if last.trial { "trial " } else { "" };
            let _ = write!(
                text,
                "; mean {}{which}, {trial}process limits {} to {}.",
                number(mean),
                number(lpl),
                number(upl)
            );
        }
        (Some(mean), _, _) => {
            let _ = write!(text, "; mean {}, limits undefined.", number(mean));
        }
        _ => text.push_str("; no values to take a mean of."),
    }
    let count = |t: PointType| result.points.iter().filter(|p| p.point_type == t).count();
    let special = result.points.len() - count(PointType::CommonCause);
    if special == 0 {
        text.push_str(" No point shows special cause variation.");
    } else {
        let mut parts = Vec::new();
        for (t, word) in [
            (PointType::Improvement, "improvement"),
            (PointType::Concern, "concern"),
            (PointType::NeutralHigh, "neutral high"),
            (PointType::NeutralLow, "neutral low"),
        ] {
            let n = count(t);
            if n > 0 {
                parts.push(format!("{n} {word}"));
            }
        }
        let _ = write!(
            text,
            " {special} point{} show{} special cause variation ({}).",
            plural(special),
            if special == 1 { "s" } else { "" },
            parts.join(", ")
        );
    }
    let _ = write!(text, " The last point is {}", result.variation.describe());
    match (opts.target, result.assurance) {
        (Some(target), Some(assurance)) => {
            let increase = opts.direction == Direction::Increase;
            let place = match (assurance, increase, last.upl.is_some()) {
                (_, _, false) => {
                    "cannot be judged against undefined limits, so the process is reported as hit and miss"
                }
                (Assurance::HitAndMiss, _, _) => {
                    "lies between the limits, so the process will hit and miss it"
                }
                (Assurance::Pass, true, _) => {
                    "lies below the lower limit, so the process will consistently pass it"
                }
                (Assurance::Pass, false, _) => {
                    "lies above the upper limit, so the process will consistently pass it"
                }
                (Assurance::Fail, true, _) => {
                    "lies above the upper limit, so the process will consistently fail it"
                }
                (Assurance::Fail, false, _) => {
                    "lies below the lower limit, so the process will consistently fail it"
                }
            };
            let _ = write!(text, "; the target of {target} {place}.");
        }
        (Some(target), None) => {
            let _ = write!(
                text,
                "; the target of {target} is not assessed, as the direction is neutral."
            );
        }
        (None, _) => text.push('.'),
    }
    text
}

/// "11 points (1 missing)": a missing value is a row of the file, not a point.
pub fn count_points(values: impl IntoIterator<Item = Option<f64>>) -> String {
    let (mut points, mut missing) = (0, 0);
    for value in values {
        if value.is_some() {
            points += 1;
        } else {
            missing += 1;
        }
    }
    let mut text = format!("{points} point{}", plural(points));
    if missing > 0 {
        let _ = write!(text, " ({missing} missing)");
    }
    text
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `--chart run --format table`: one row per point, then both rule sets in words.
pub fn run_chart_table(
    dates: &[NaiveDate],
    result: &RunChartResult,
) -> Result<String, SpcReportError> {
    check(dates, result.points.len())?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<10}  {:>10}  {:>4}  {:<5}  trend",
        "date", "value", "side", "shift"
    );
    for (date, p) in dates.iter().zip(&result.points) {
        let side = match (p.value, p.median) {
            (Some(y), Some(m)) if y > m => "+",
            (Some(y), Some(m)) if y < m => "-",
            (Some(_), Some(_)) => "=",
            _ => "",
        };
        let mark = |b: bool| if b { "yes" } else { "" };
        let row = format!(
            "{:<10}  {:>10}  {:>4}  {:<5}  {}",
            date.to_string(),
            cell(p.value),
            side,
            mark(p.shift),
            if p.value.is_none() {
                "missing"
            } else {
                mark(p.trend)
            }
        );
        let _ = writeln!(out, "{}", row.trim_end());
    }
    out.push('\n');
    out.push_str(&run_chart_summary(result));
    out.push('\n');
    for warning in &result.warnings {
        let _ = writeln!(out, "warning: {warning}");
    }
    Ok(out)
}

/// Both rule sets in words.
pub fn run_chart_summary(result: &RunChartResult) -> String {
    let Some(median) = result.median else {
        return "There are no values to chart.".to_string();
    };
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    let mut text = format!(
        "Median {} from {} useful point{}.",
        number(median),
        result.useful,
        plural(result.useful)
    );
    let ihi = &result.ihi;
    match (ihi.runs, ihi.runs_lower, ihi.runs_upper) {
        (Some(runs), Some(lower), Some(upper)) => {
            let verdict = if ihi.too_few_runs {
                "too few runs"
            } else if ihi.too_many_runs {
                "too many runs"
            } else {
                "no runs signal"
            };
            let _ = write!(
                text,
                " IHI rules: {runs} runs (expected {lower} to {upper}): {verdict};"
            );
        }
        (Some(runs), _, _) => {
            let _ = write!(
                text,
                " IHI rules: {runs} runs (no table for this many useful points);"
            );
        }
        _ => text.push_str(" IHI rules: no runs;"),
    }
    let _ = write!(
        text,
        " shift: {}; trend: {}.",
        yes_no(ihi.shift),
        yes_no(ihi.trend)
    );
    let a = &result.anhoej;
    if let (Some(run), Some(max), Some(crossings), Some(min)) = (
        a.longest_run,
        a.longest_run_max,
        a.crossings,
        a.crossings_min,
    ) {
        let _ = write!(
            text,
            " Anhøj rules: longest run {run} (signal above {max}), {crossings} crossings (signal below {min}): {}.",
            if a.signal { "signal" } else { "no signal" }
        );
    }
    text
}
