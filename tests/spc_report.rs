//! The renderers: the JSON shape of issue 4 key by key, the summary in words, and the SVG.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

use chrono::NaiveDate;
use qiboard::exchange::series::parse_series;
use qiboard::exchange::spc_report::{
    ChartNotes, run_chart_json, run_chart_svg, run_chart_table, xmr_json, xmr_summary, xmr_svg,
    xmr_table,
};
use qiboard::spc::{Direction, XmrOptions, run_chart, xmr};
use serde_json::Value;

const CASE_2_CSV: &str = "date,value\n2024-01-01,89\n2024-02-01,86\n2024-03-01,75\n2024-04-01,77\n2024-05-01,81\n\
2024-06-01,74\n2024-07-01,72\n2024-08-01,78\n2024-09-01,76\n2024-10-01,82\n2024-11-01,77\n2024-12-01,54\n\
2025-01-01,66\n2025-02-01,77\n2025-03-01,86\n";

fn series(csv: &str) -> (Vec<NaiveDate>, Vec<Option<f64>>) {
    parse_series(csv).unwrap().into_iter().unzip()
}

fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn xmr_json_has_exactly_the_issue_shape() {
    let (dates, values) = series(CASE_2_CSV);
    let opts = XmrOptions {
        target: Some(80.0),
        ..XmrOptions::default()
    };
    let result = xmr(&dates, &values, &opts).unwrap();
    let json: Value = serde_json::from_str(&xmr_json(&dates, &result).unwrap()).unwrap();
    assert_eq!(
        keys(&json),
        ["points", "variation", "assurance", "warnings"]
    );
    let points = json["points"].as_array().unwrap();
    assert_eq!(points.len(), 15);
    assert_eq!(
        keys(&points[0]),
        [
            "date",
            "value",
            "group",
            "mean",
            "lpl",
            "upl",
            "nlpl",
            "nupl",
            "rule",
            "point_type",
            "trial"
        ]
    );
    assert_eq!(points[0]["date"], "2024-01-01");
    assert_eq!(points[0]["value"], 89.0);
    assert_eq!(points[0]["group"], 0);
    assert_eq!(points[0]["rule"], "none");
    assert_eq!(points[0]["point_type"], "common_cause");
    assert_eq!(points[0]["trial"], false);
    assert_eq!(points[11]["rule"], "outside_lower");
    assert_eq!(points[11]["point_type"], "concern");
    assert_eq!(json["variation"], "common_cause");
    assert_eq!(json["assurance"], "hit_and_miss");
    assert!(json["warnings"].as_array().unwrap().is_empty());
    assert!((points[0]["lpl"].as_f64().unwrap() - 57.10).abs() < 0.005);
}

#[test]
fn missing_value_keeps_its_row_and_undefined_limits_are_null() {
    let (dates, values) =
        series("date,value\n2024-01-01,5\n2024-01-02,\n2024-01-03,5\n2024-01-04,5\n");
    let result = xmr(&dates, &values, &XmrOptions::default()).unwrap();
    let text = xmr_json(&dates, &result).unwrap();
    assert!(!text.contains("NaN") && !text.contains("inf"));
    let json: Value = serde_json::from_str(&text).unwrap();
    let missing = &json["points"][1];
    assert_eq!(missing["value"], Value::Null);
    assert_eq!(missing["mean"], 5.0);
    assert_eq!(missing["lpl"], Value::Null);
    assert_eq!(missing["rule"], "none");
    assert_eq!(missing["point_type"], "common_cause");
    assert_eq!(missing["trial"], true);
    assert_eq!(json["assurance"], Value::Null);
    let warnings = json["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().unwrap().contains("limits undefined"))
    );
}

#[test]
fn run_chart_json_has_exactly_the_issue_shape() {
    let (dates, values) = series(CASE_2_CSV);
    let result = run_chart(&values).unwrap();
    let json: Value = serde_json::from_str(&run_chart_json(&dates, &result).unwrap()).unwrap();
    assert_eq!(
        keys(&json),
        ["points", "median", "useful", "ihi", "anhoej", "warnings"]
    );
    assert_eq!(
        keys(&json["points"][0]),
        ["date", "value", "median", "shift", "trend"]
    );
    assert_eq!(
        keys(&json["ihi"]),
        [
            "runs",
            "runs_lower",
            "runs_upper",
            "too_few_runs",
            "too_many_runs",
            "shift",
            "trend"
        ]
    );
    assert_eq!(
        keys(&json["anhoej"]),
        [
            "longest_run",
            "longest_run_max",
            "crossings",
            "crossings_min",
            "signal"
        ]
    );
    assert_eq!(json["median"], 77.0);
    assert_eq!(json["useful"], 12);
    assert_eq!(json["ihi"]["runs_lower"], 3);
}

#[test]
fn run_chart_counts_are_null_without_useful_points() {
    let (dates, values) = series("date,value\n2024-01-01,5\n2024-01-02,5\n");
    let result = run_chart(&values).unwrap();
    let json: Value = serde_json::from_str(&run_chart_json(&dates, &result).unwrap()).unwrap();
    assert_eq!(json["ihi"]["runs"], Value::Null);
    assert_eq!(json["ihi"]["runs_lower"], Value::Null);
    assert_eq!(json["anhoej"]["crossings_min"], Value::Null);
    assert_eq!(json["anhoej"]["signal"], false);
}

#[test]
fn summary_reads_like_the_issue() {
    let (dates, values) = series(CASE_2_CSV);
    let opts = XmrOptions {
        target: Some(80.0),
        ..XmrOptions::default()
    };
    let result = xmr(&dates, &values, &opts).unwrap();
    let summary = xmr_summary(&result, &opts);
    assert!(
        summary.ends_with(
            "The last point is common cause variation; the target of 80 lies between the limits, so the process will hit and miss it."
        ),
        "{summary}"
    );
    assert!(
        summary.contains("1 point shows special cause variation (1 concern)"),
        "{summary}"
    );
    let table = xmr_table(&dates, &result, &opts).unwrap();
    assert!(table.contains("2024-12-01") && table.contains("below the lower limit"));
    let fail = XmrOptions {
        target: Some(100.0),
        ..opts.clone()
    };
    let result = xmr(&dates, &values, &fail).unwrap();
    assert!(
        xmr_summary(&result, &fail)
            .contains("above the upper limit, so the process will consistently fail it")
    );
    let neutral = XmrOptions {
        direction: Direction::Neutral,
        ..opts
    };
    let result = xmr(&dates, &values, &neutral).unwrap();
    assert!(xmr_summary(&result, &neutral).contains("not assessed"));
}

#[test]
fn run_chart_table_has_a_summary() {
    let (dates, values) = series(CASE_2_CSV);
    let table = run_chart_table(&dates, &run_chart(&values).unwrap()).unwrap();
    assert!(
        table.contains("Median 77.00 from 12 useful points."),
        "{table}"
    );
    assert!(table.contains("Anhøj rules"));
}

#[test]
fn svg_draws_points_in_reference_colours_with_letters() {
    let (dates, values) = series(CASE_2_CSV);
    let opts = XmrOptions {
        target: Some(80.0),
        rebase_dates: vec![dates[8]],
        ..XmrOptions::default()
    };
    let result = xmr(&dates, &values, &opts).unwrap();
    let notes = ChartNotes {
        pdsa: vec![(dates[3], "PDSA 2".to_string())],
        verdict: xmr_summary(&result, &opts),
    };
    let svg = xmr_svg(
        &dates,
        &result,
        &opts,
        "Patients seen within 4 hours (%)",
        &notes,
    )
    .unwrap();
    assert!(svg.starts_with("<svg"));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(
        svg.to_ascii_uppercase().contains("#A6A6A6"),
        "common cause grey"
    );
    assert!(svg.to_ascii_uppercase().contains("#DE1B1B"), "target red");
    assert!(svg.contains("rebase"));
    assert!(svg.contains("Patients seen within 4 hours"));
    assert!(!svg.contains("NaN"));
    // A legend in words, the last group's values at the ends of their lines, the PDSA
    // marked, and the verdict beneath (its first words: the count of points).
    for words in [
        "common cause",
        "improvement (I)",
        "concern (C)",
        "process limits",
        "target 80",
        "rebase",
        "PDSA started",
    ] {
        assert!(svg.contains(words), "no {words:?} in the legend");
    }
    for line in ["mean ", "UPL ", "LPL "] {
        assert!(svg.contains(line), "{line:?} is not labelled");
    }
    // The marker's number is written in the PDSA purple beside it.
    assert!(
        svg.split("fill=\"#490092\">")
            .skip(1)
            .any(|text| text.trim_start().starts_with("2")),
        "the PDSA marker has no number"
    );
    let opening: String = notes
        .verdict
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(svg.contains(&opening), "no verdict {opening:?}");

    let run = run_chart(&values).unwrap();
    let svg = run_chart_svg(&dates, &run, "Run chart", &ChartNotes::default()).unwrap();
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains("median "), "the median is not labelled");
    assert!(svg.contains("shift (S) or trend (T)"));
}

#[test]
fn svg_of_degenerate_series_does_not_fail() {
    let (dates, values) = series("date,value\n2024-01-01,5\n2024-01-02,\n2024-01-03,5\n");
    let result = xmr(&dates, &values, &XmrOptions::default()).unwrap();
    let svg = xmr_svg(
        &dates,
        &result,
        &XmrOptions::default(),
        "flat",
        &ChartNotes::default(),
    )
    .unwrap();
    assert!(!svg.contains("NaN"));
    let empty = xmr(&[], &[], &XmrOptions::default()).unwrap();
    assert!(
        xmr_svg(
            &[],
            &empty,
            &XmrOptions::default(),
            "empty",
            &ChartNotes::default()
        )
        .is_ok()
    );
    assert!(xmr_json(&dates[..1], &result).is_err());
}
