//! `qiboard spc`, `measure import` and `measure main` as a user meets them: the published
//! Making Data Count cases through the JSON, bad input refused in one line, a portfolio
//! measure charted with its own settings, and the card's icons kept current and undone.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod common;

use common::Portfolio;
use serde_json::Value;

const CASE_1: [f64; 18] = [
    1.0, 2.0, 1.0, 2.0, 10.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 1.0,
];
const CASE_2: [f64; 15] = [
    89.0, 86.0, 75.0, 77.0, 81.0, 74.0, 72.0, 78.0, 76.0, 82.0, 77.0, 54.0, 66.0, 77.0, 86.0,
];

/// A CSV of monthly points from January 2024, ISO dates.
fn csv(values: &[f64]) -> String {
    let mut text = String::from("date,value\n");
    for (i, v) in values.iter().enumerate() {
        text.push_str(&format!("{}-{:02}-01,{v}\n", 2024 + i / 12, i % 12 + 1));
    }
    text
}

fn write(p: &Portfolio, name: &str, text: &str) -> String {
    let path = p.path(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

fn close(actual: &Value, expected: f64) {
    near(actual, expected, 1e-6);
}

/// Published values are rounded: compare to the digits given.
fn near(actual: &Value, expected: f64, tolerance: f64) {
    let actual = actual
        .as_f64()
        .unwrap_or_else(|| panic!("{actual} is not a number"));
    assert!(
        (actual - expected).abs() < tolerance,
        "{actual} differs from {expected}"
    );
}

/// Runs a command that must be refused: exit 2, one line on stderr, nothing on stdout.
fn refused(p: &Portfolio, args: &[&str], stdin: Option<&str>) -> String {
    let mut cmd = p.cmd();
    cmd.args(args);
    if let Some(text) = stdin {
        cmd.write_stdin(text);
    }
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
    assert!(out.stdout.is_empty(), "{args:?} printed to stdout");
    stderr
}

#[test]
fn published_case_one_screened_and_unscreened() {
    let p = Portfolio::new();
    let file = write(&p, "case1.csv", &csv(&CASE_1));
    let out = json(&p.ok(&["spc", &file, "--format", "json"]));
    let mean = 35.0 / 18.0;
    let points = out["points"].as_array().unwrap();
    assert_eq!(points.len(), 18);
    for (i, point) in points.iter().enumerate() {
        close(&point["mean"], mean);
        // Screening drops the two ranges around the 10: amr = 1.
        close(&point["upl"], mean + 2.66);
        close(&point["lpl"], mean - 2.66);
        near(&point["upl"], 4.6, 0.005);
        near(&point["lpl"], -0.72, 0.005);
        close(&point["nupl"], mean + 2.0 * (2.66 / 3.0));
        assert_eq!(point["group"], 0);
        assert_eq!(point["trial"], false);
        let (rule, kind) = if i == 4 {
            ("outside_upper", "improvement")
        } else {
            ("none", "common_cause")
        };
        assert_eq!(point["rule"], rule, "point {}", i + 1);
        assert_eq!(point["point_type"], kind, "point {}", i + 1);
    }
    assert_eq!(points[0]["date"], "2024-01-01");
    assert_eq!(points[4]["value"], 10.0);
    assert_eq!(out["variation"], "common_cause");
    assert_eq!(out["assurance"], Value::Null);

    let out = json(&p.ok(&["spc", &file, "--format", "json", "--no-screen"]));
    let amr = 32.0 / 17.0;
    close(&out["points"][0]["upl"], mean + 2.66 * amr);
    close(&out["points"][0]["lpl"], mean - 2.66 * amr);
    near(&out["points"][0]["upl"], 6.95, 0.005);
    near(&out["points"][0]["lpl"], -3.06, 0.005);
    assert_eq!(out["points"][4]["rule"], "outside_upper");
}

#[test]
fn published_case_two_from_an_excel_csv_with_bom_and_uk_dates() {
    let p = Portfolio::new();
    let mut text = String::from("\u{feff}Date,Ward,Value\r\n");
    for (i, v) in CASE_2.iter().enumerate() {
        text.push_str(&format!(
            "{:02}/{:02}/2024,10,{v}\r\n",
            i % 28 + 1,
            i / 28 + 1
        ));
    }
    let file = write(&p, "case2.csv", &text);
    let out = json(&p.ok(&["spc", &file, "--format", "json", "--target", "80"]));
    let mean = 1150.0 / 15.0;
    let amr = 103.0 / 14.0;
    let points = out["points"].as_array().unwrap();
    assert_eq!(points.len(), 15);
    assert_eq!(points[0]["date"], "2024-01-01");
    close(&points[0]["mean"], mean);
    close(&points[0]["lpl"], mean - 2.66 * amr);
    close(&points[0]["upl"], mean + 2.66 * amr);
    near(&points[0]["mean"], 76.67, 0.005);
    near(&points[0]["lpl"], 57.10, 0.005);
    near(&points[0]["upl"], 96.24, 0.005);
    assert_eq!(points[11]["value"], 54.0);
    assert_eq!(points[11]["rule"], "outside_lower");
    assert_eq!(points[11]["point_type"], "concern");
    let special: Vec<usize> = (0..15)
        .filter(|&i| points[i]["point_type"] != "common_cause")
        .collect();
    assert_eq!(special, vec![11]);
    assert_eq!(points[14]["point_type"], "common_cause");
    assert_eq!(out["variation"], "common_cause");
    assert_eq!(out["assurance"], "hit_and_miss");

    let table = p.ok(&["spc", &file, "--target", "80"]);
    assert!(
        table.contains(
            "The last point is common cause variation; the target of 80 lies between the limits, so the process will hit and miss it."
        ),
        "{table}"
    );
}

#[test]
fn json_keys_are_exactly_as_scripts_expect() {
    let p = Portfolio::new();
    let file = write(&p, "s.csv", &csv(&CASE_2));
    let keys = |v: &Value| -> Vec<String> { v.as_object().unwrap().keys().cloned().collect() };
    let xmr = json(&p.ok(&["spc", &file, "--format", "json"]));
    assert_eq!(keys(&xmr), ["points", "variation", "assurance", "warnings"]);
    assert_eq!(
        keys(&xmr["points"][0]),
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
    let run = json(&p.ok(&["spc", &file, "--chart", "run", "--format", "json"]));
    assert_eq!(
        keys(&run),
        ["points", "median", "useful", "ihi", "anhoej", "warnings"]
    );
    assert_eq!(
        keys(&run["points"][0]),
        ["date", "value", "median", "shift", "trend"]
    );
    assert_eq!(
        keys(&run["ihi"]),
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
        keys(&run["anhoej"]),
        [
            "longest_run",
            "longest_run_max",
            "crossings",
            "crossings_min",
            "signal"
        ]
    );
    assert_eq!(run["median"], 77.0);
    // 15 values, three on the median (77): 12 useful points, table 3 to 11 runs.
    assert_eq!(run["useful"], 12);
    assert_eq!(run["ihi"]["runs_lower"], 3);
    assert_eq!(run["ihi"]["runs_upper"], 11);
}

#[test]
fn svg_to_stdout_or_a_file_and_standard_input() {
    let p = Portfolio::new();
    let text = csv(&CASE_2);
    let file = write(&p, "s.csv", &text);
    let svg = p.ok(&["spc", &file, "--format", "svg", "--target", "80"]);
    assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(80)]);
    assert!(svg.trim_end().ends_with("</svg>"));

    let chart = p.path("chart.svg");
    let said = p.ok(&[
        "spc",
        &file,
        "--chart",
        "run",
        "--format",
        "svg",
        "--output",
        chart.to_str().unwrap(),
    ]);
    assert!(said.starts_with("Wrote "), "{said}");
    assert!(std::fs::read_to_string(&chart).unwrap().starts_with("<svg"));

    let out = p
        .cmd()
        .args(["spc", "-", "--format", "json"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = json(&String::from_utf8(out.stdout).unwrap());
    assert_eq!(out["points"].as_array().unwrap().len(), 15);
    assert_eq!(out["points"][11]["point_type"], "concern");
}

/// PNG is for PowerPoint and older Word: the same chart as the SVG, drawn at twice its size,
/// written only to a file (its bytes on a terminal would be noise).
#[test]
fn png_is_the_svg_drawn_for_slides_and_needs_a_file() {
    let p = Portfolio::new();
    let file = write(&p, "s.csv", &csv(&CASE_2));
    let chart = p.path("chart.png");
    let said = p.ok(&[
        "spc",
        &file,
        "--format",
        "png",
        "--output",
        chart.to_str().unwrap(),
    ]);
    assert!(said.starts_with("Wrote "), "{said}");
    let png = std::fs::read(&chart).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    let svg = p.ok(&["spc", &file, "--format", "svg"]);
    let size = |name: &str| -> u32 {
        let at = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        svg[at..].split('"').next().unwrap().parse().unwrap()
    };
    assert_eq!((width, height), (2 * size("width"), 2 * size("height")));

    let out = p
        .cmd()
        .args(["spc", &file, "--format", "png"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("--format png") && err.contains("--output"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn run_chart_table_gives_the_verdict_of_the_chosen_rules() {
    let p = Portfolio::new();
    // Eight points above then eight below the median: a shift, and a long run for Anhøj.
    let values: Vec<f64> = (0..16).map(|i| if i < 8 { 10.0 } else { 1.0 }).collect();
    let file = write(&p, "s.csv", &csv(&values));
    let ihi = p.ok(&["spc", &file, "--chart", "run"]);
    assert!(
        ihi.contains("Verdict (IHI rules): non-random variation (a shift"),
        "{ihi}"
    );
    let anhoj = p.ok(&["spc", &file, "--chart", "run", "--rules", "anhoj"]);
    assert!(
        anhoj.contains("Verdict (Anhøj rules): non-random variation (a long run"),
        "{anhoj}"
    );
}

#[test]
fn every_bad_input_is_one_line_naming_where_and_what_is_expected() {
    let p = Portfolio::new();
    let good = write(&p, "good.csv", &csv(&CASE_2));
    let cases: Vec<(&str, String, &[&str])> = vec![
        (
            "one value",
            "date,value\n2024-01-01,5\n".into(),
            &["only 1 value", "at least two"],
        ),
        (
            "bad date",
            "date,value\n2024-01-01,5\n2024-02-30,6\n".into(),
            &["line 3, column date", "YYYY-MM-DD or DD/MM/YYYY"],
        ),
        (
            "not finite",
            "date,value\n2024-01-01,5\n2024-02-01,NaN\n".into(),
            &["line 3, column value", "finite number"],
        ),
        (
            "not a number",
            "date,value\n2024-01-01,5\n2024-02-01,five\n".into(),
            &["line 3, column value", "not a number"],
        ),
        (
            "out of order",
            "date,value\n2024-02-01,5\n2024-01-01,6\n".into(),
            &["line 3, column date", "increasing order"],
        ),
        (
            "repeated",
            "date,value\n2024-01-01,5\n2024-01-01,6\n".into(),
            &["line 3, column date", "repeats the date on line 2"],
        ),
        (
            "no value column",
            "date,amount\n2024-01-01,5\n2024-02-01,6\n".into(),
            &["line 1", "no value column", "date and value"],
        ),
        (
            "no header columns",
            "when,amount\n".into(),
            &["line 1", "no date and no value column"],
        ),
    ];
    for (what, text, expected) in cases {
        let file = write(&p, "bad.csv", &text);
        let message = refused(&p, &["spc", &file, "--format", "json"], None);
        for part in expected {
            assert!(message.contains(part), "{what}: {message}");
        }
        let message = refused(&p, &["spc", "-"], Some(&text));
        assert!(message.contains("standard input"), "{what}: {message}");
    }
    let message = refused(&p, &["spc", &good, "--rebase", "2030-01-01"], None);
    assert!(
        message.contains("--rebase") && message.contains("after the last point (2025-03-01)"),
        "{message}"
    );
    let message = refused(&p, &["spc", &good, "--baseline", "11"], None);
    assert!(
        message.contains("--baseline") && message.contains("at least 12"),
        "{message}"
    );
    let message = refused(&p, &["spc", &good, "--rebase", "31/02/2024"], None);
    assert!(message.contains("YYYY-MM-DD or DD/MM/YYYY"), "{message}");
    let message = refused(&p, &["spc", &good, "--target", "inf"], None);
    assert!(message.contains("finite"), "{message}");
    refused(&p, &["spc", &good, "--format", "pdf"], None);
    refused(&p, &["spc", &good, "--rules", "anhoj"], None);
    refused(&p, &["spc", &p.path("missing.csv").to_string_lossy()], None);
    let message = refused(&p, &["spc"], None);
    assert!(message.contains("<FILE>"), "{message}");
    let message = refused(&p, &["spc", "--project", "QI-0001"], None);
    assert!(message.contains("--measure"), "{message}");
}

#[test]
fn spc_on_a_file_never_opens_or_creates_the_portfolio() {
    let p = Portfolio::new();
    let file = write(&p, "s.csv", &csv(&CASE_2));
    p.ok(&["spc", &file, "--target", "-5"]);
    p.ok(&["spc", &file, "--format", "json", "--direction", "decrease"]);
    refused(&p, &["spc", &file, "--baseline", "3"], None);
    assert!(!p.db.exists(), "spc FILE created the portfolio");
}

/// A project with an outcome measure "Falls" (decrease, target 5) holding case one.
fn falls_project(p: &Portfolio) {
    p.ok(&["project", "add", "--title", "Fewer falls on Ward 10"]);
    p.ok(&[
        "measure",
        "add",
        "QI-1",
        "Falls",
        "--kind",
        "outcome",
        "--direction",
        "decrease",
        "--target",
        "5",
    ]);
    let file = write(p, "falls.csv", &csv(&CASE_1));
    p.ok(&["measure", "import", "QI-1", "Falls", &file]);
}

#[test]
fn a_portfolio_measure_brings_its_direction_target_and_rebases() {
    let p = Portfolio::new();
    falls_project(&p);
    let out = json(&p.ok(&[
        "spc",
        "--project",
        "qi-1",
        "--measure",
        "falls",
        "--format",
        "json",
    ]));
    // Decrease is better: the 10 is a concern; a target of 5 above the upper limit passes.
    assert_eq!(out["points"][4]["point_type"], "concern");
    assert_eq!(out["assurance"], "pass");

    p.ok(&[
        "measure",
        "rebase",
        "QI-1",
        "Falls",
        "2024-10-01",
        "--reason",
        "new process",
    ]);
    let rebased = json(&p.ok(&[
        "spc",
        "--project",
        "QI-1",
        "--measure",
        "Falls",
        "--format",
        "json",
    ]));
    assert_eq!(rebased["points"][8]["group"], 0);
    assert_eq!(rebased["points"][9]["group"], 1);
    assert_eq!(rebased["points"][9]["trial"], true);

    // Options override the measure's settings for this run only.
    let out = json(&p.ok(&[
        "spc",
        "--project",
        "QI-1",
        "--measure",
        "Falls",
        "--format",
        "json",
        "--direction",
        "increase",
        "--target",
        "-1",
        "--rebase",
        "2024-03-01",
    ]));
    assert_eq!(out["points"][1]["group"], 0);
    assert_eq!(out["points"][2]["group"], 1);
    assert_eq!(out["points"][4]["point_type"], "improvement");
    let again = json(&p.ok(&[
        "spc",
        "--project",
        "QI-1",
        "--measure",
        "Falls",
        "--format",
        "json",
    ]));
    assert_eq!(again, rebased, "the overrides stuck to the measure");

    let message = refused(&p, &["spc", "--project", "QI-1", "--measure", "Nope"], None);
    assert!(message.contains("has no measure \"Nope\""), "{message}");
}

#[test]
fn measure_import_is_all_or_nothing_and_one_undoable_change() {
    let p = Portfolio::new();
    p.ok(&["project", "add", "--title", "Discharge before noon"]);
    p.ok(&[
        "measure",
        "add",
        "QI-1",
        "Before noon",
        "--kind",
        "outcome",
        "--direction",
        "increase",
    ]);
    p.ok(&[
        "measure",
        "record",
        "QI-1",
        "Before noon",
        "2024-02-01",
        "40",
    ]);
    let before = p.export();
    let history = p.history_len();

    let bad = write(
        &p,
        "bad.csv",
        "date,value\n2024-01-01,30\n2024-03-01,31\n2024-04-31,32\n",
    );
    let message = refused(
        &p,
        &["measure", "import", "QI-1", "Before noon", &bad],
        None,
    );
    assert!(message.contains("line 4, column date"), "{message}");
    assert_eq!(p.export(), before, "a refused import wrote something");
    assert_eq!(p.history_len(), history);

    let good = write(
        &p,
        "good.csv",
        "Date,Value,Note\n2024-01-01,30,x\n01/02/2024,45,\n2024-03-01,,gap\n2024-04-01,-2.5,\n",
    );
    let said = p.ok(&["measure", "import", "QI-1", "before noon", &good]);
    assert_eq!(
        said,
        "QI-0001: before noon: 2 points added, 1 replaced; 1 empty value skipped \
         (missing points are not recorded) (qiboard undo removes the whole import)\n"
    );
    assert_eq!(p.history_len(), history + 1);
    let points = json(&p.ok(&["measure", "points", "QI-1", "Before noon", "--json"]));
    let values: Vec<f64> = points
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["value"].as_f64().unwrap())
        .collect();
    assert_eq!(values, vec![30.0, 45.0, -2.5]);

    let undone = p.ok(&["undo"]);
    assert!(undone.contains("imported"), "{undone}");
    assert_eq!(p.export(), before, "undo left part of the import");

    let empty = write(&p, "empty.csv", "date,value\n2024-01-01,\n");
    let message = refused(
        &p,
        &["measure", "import", "QI-1", "Before noon", &empty],
        None,
    );
    assert!(message.contains("no values"), "{message}");
    let message = refused(&p, &["measure", "import", "QI-1", "Nope", &good], None);
    assert!(message.contains("no measure"), "{message}");
    assert_eq!(p.export(), before);
}

fn icons(p: &Portfolio) -> (Value, Value) {
    let list = p.projects_json();
    (list[0]["variation"].clone(), list[0]["assurance"].clone())
}

#[test]
fn the_cards_icons_follow_the_main_measure_and_undo() {
    let p = Portfolio::new();
    falls_project(&p);
    assert_eq!(icons(&p), ("common_cause".into(), "pass".into()));

    // A new signal on the main measure changes the card in the same change.
    // The 30 widens nothing (screened) but lifts the mean: the target now lies between.
    p.ok(&["measure", "record", "QI-1", "Falls", "2025-07-01", "30"]);
    assert_eq!(icons(&p), ("concern_high".into(), "hit_and_miss".into()));
    p.ok(&["undo"]);
    assert_eq!(icons(&p), ("common_cause".into(), "pass".into()));
    p.ok(&["redo"]);
    assert_eq!(icons(&p).0, "concern_high");

    // Settings count too: without the target there is no assurance.
    p.ok(&["measure", "edit", "QI-1", "Falls", "--target", "none"]);
    assert_eq!(icons(&p), ("concern_high".into(), Value::Null));
    p.ok(&["undo"]);
    assert_eq!(icons(&p), ("concern_high".into(), "hit_and_miss".into()));

    // Another measure marked main: its icons show instead, and undo brings the first back.
    p.ok(&[
        "measure",
        "add",
        "QI-1",
        "Audit",
        "--kind",
        "process",
        "--direction",
        "increase",
        "--target",
        "100",
    ]);
    assert_eq!(icons(&p).0, "concern_high", "a process measure is not main");
    let file = write(&p, "audit.csv", &csv(&CASE_2));
    p.ok(&["measure", "import", "QI-1", "Audit", &file]);
    assert_eq!(icons(&p).0, "concern_high");
    let said = p.ok(&["measure", "main", "QI-1", "audit"]);
    assert_eq!(
        said,
        "QI-0001: the main measure is now Audit (its icons show on the card)\n"
    );
    assert_eq!(icons(&p), ("common_cause".into(), "fail".into()));
    let list = json(&p.ok(&["measure", "list", "QI-1", "--json"]));
    assert_eq!(list[0]["main"], false);
    assert_eq!(list[1]["main"], true);
    assert_eq!(
        p.ok(&["measure", "main", "QI-1", "Audit"]),
        "QI-0001: Audit is already the main measure\n"
    );
    p.ok(&["undo"]);
    assert_eq!(icons(&p).0, "concern_high");
    let message = refused(&p, &["measure", "main", "QI-1", "Nope"], None);
    assert!(message.contains("no measure"), "{message}");
}

/// A bad value on line 4 and a bad date on line 2, written with each line end in turn.
#[test]
fn line_numbers_are_the_files_own_whatever_the_line_ends() {
    let p = Portfolio::new();
    p.ok(&["project", "add", "--title", "Discharge before noon"]);
    p.ok(&[
        "measure",
        "add",
        "QI-1",
        "Before noon",
        "--kind",
        "outcome",
        "--direction",
        "increase",
    ]);
    for (style, end) in [("LF", "\n"), ("CRLF", "\r\n"), ("CR", "\r")] {
        let lines = |rows: &[&str]| rows.join(end) + end;
        let bad_value = write(
            &p,
            "value.csv",
            &lines(&[
                "date,value",
                "2024-01-01,1",
                "2024-02-01,2",
                "2024-03-01,abc",
            ]),
        );
        for args in [
            vec!["spc", bad_value.as_str()],
            vec![
                "measure",
                "import",
                "QI-1",
                "Before noon",
                bad_value.as_str(),
            ],
        ] {
            let message = refused(&p, &args, None);
            assert!(
                message.contains("line 4, column value: \"abc\""),
                "{style} {args:?}: {message}"
            );
        }
        let bad_date = write(
            &p,
            "date.csv",
            &lines(&["date,value", "2024-13-01,1", "2024-02-01,2", "2024-03-01,3"]),
        );
        let message = refused(&p, &["spc", &bad_date], None);
        assert!(
            message.contains("line 2, column date"),
            "{style}: {message}"
        );
        // A blank line and a value over two lines push the later lines down.
        let spread = lines(&[
            "date,note,value",
            "2024-01-01,,1",
            "",
            "2024-02-01,\"two",
            "lines\",2",
            "2024-03-01,,x",
        ]);
        let message = refused(&p, &["spc", "-"], Some(&spread));
        assert!(
            message.contains("line 6, column value"),
            "{style}: {message}"
        );
    }
}

/// Files that are neither CSV nor a spreadsheet are named for what they are, and a damaged
/// workbook is said to be one, in one printable line naming the file.
#[test]
fn a_damaged_workbook_or_an_image_is_refused_without_echoing_its_bytes() {
    let p = Portfolio::new();
    p.ok(&["project", "add", "--title", "Discharge before noon"]);
    p.ok(&[
        "measure",
        "add",
        "QI-1",
        "Before noon",
        "--kind",
        "outcome",
        "--direction",
        "increase",
    ]);
    let mut xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xe8\xa1".to_vec();
    xlsx.extend_from_slice(b"[Content_Types].xml date,value\n\xff\xfe\x00\x01 sheet1.xml");
    let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01".to_vec();
    png.extend_from_slice(b"\x08\x02\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDAT\x08\xd7c");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        "date,value\r\n2024-01-01,1\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let cases: [(&str, Vec<u8>, &str); 4] = [
        (
            "Falls.xlsx",
            xlsx,
            "cannot be read as a spreadsheet (it may be damaged",
        ),
        ("chart.png", png, "this is a PNG image, not CSV text"),
        ("unicode.csv", utf16, "this is UTF-16 text, not CSV text"),
        (
            "odd.csv",
            b"date,value\n2024-01-01,\x001\n".to_vec(),
            "this is binary data, not CSV text",
        ),
    ];
    for (name, bytes, what) in cases {
        let path = p.path(name);
        std::fs::write(&path, &bytes).unwrap();
        let file = path.to_string_lossy().into_owned();
        for args in [
            vec!["spc", file.as_str()],
            vec!["measure", "import", "QI-1", "Before noon", file.as_str()],
        ] {
            let message = refused(&p, &args, None);
            assert!(
                message.starts_with(&format!("qiboard: {file}: {what}")),
                "{args:?}: {message}"
            );
            assert!(
                !message
                    .trim_end()
                    .chars()
                    .any(|c| c.is_control() || c == '\u{fffd}'),
                "{args:?}: {message:?}"
            );
            for part in ["IHDR", "Content_Types", "2024-01-01"] {
                assert!(
                    !message.contains(part),
                    "{args:?} echoed the file: {message}"
                );
            }
        }
    }
    // A text file whose header is not ours names its columns, short and printable.
    let long = format!("Ward «red»,{},x\n1,2,3\n", "n".repeat(500));
    let message = refused(&p, &["spc", "-"], Some(&long));
    assert!(message.contains("no date and no value column"), "{message}");
    assert!(message.contains("found: Ward «red», nnn"), "{message}");
    assert!(message.len() < 300, "{message}");
    assert!(
        !message.trim_end().chars().any(char::is_control),
        "{message:?}"
    );
}

/// Excel exports are often newest first: `measure import` takes rows in any order, by date,
/// and still refuses a date given twice, naming both lines of the file.
#[test]
fn measure_import_takes_newest_first_files_but_not_repeated_dates() {
    let p = Portfolio::new();
    p.ok(&["project", "add", "--title", "Discharge before noon"]);
    p.ok(&[
        "measure",
        "add",
        "QI-1",
        "Before noon",
        "--kind",
        "outcome",
        "--direction",
        "increase",
    ]);
    let newest_first = write(
        &p,
        "newest.csv",
        "date,value\r\n01/04/2024,34\r\n2024-03-01,\r\n2024-02-01,32\r\n2024-01-01,31\r\n",
    );
    let said = p.ok(&["measure", "import", "QI-1", "Before noon", &newest_first]);
    assert!(said.contains("3 points added"), "{said}");
    let points = json(&p.ok(&["measure", "points", "QI-1", "Before noon", "--json"]));
    let dates: Vec<&str> = points
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2024-01-01", "2024-02-01", "2024-04-01"]);

    let before = p.export();
    let repeated = write(
        &p,
        "repeated.csv",
        "date,value\r\n2024-06-01,1\r\n2024-05-01,2\r\n2024-04-01,3\r\n01/05/2024,4\r\n",
    );
    let message = refused(
        &p,
        &["measure", "import", "QI-1", "Before noon", &repeated],
        None,
    );
    assert!(
        message.contains("line 5, column date: 2024-05-01 repeats the date on line 3"),
        "{message}"
    );
    assert_eq!(p.export(), before, "a refused import wrote something");

    // A chart's rows are its order, so `spc FILE` still wants them oldest first.
    let message = refused(&p, &["spc", &newest_first], None);
    assert!(message.contains("increasing order"), "{message}");
    assert!(
        message.contains("sort the file by date, or import it into a measure"),
        "{message}"
    );
}

/// Eleven values and a blank: the table counts eleven points and marks the gap as missing;
/// the JSON keeps the row as the reference package does.
#[test]
fn a_missing_value_is_a_gap_not_a_point() {
    let p = Portfolio::new();
    let mut text = String::from("date,value\n");
    for month in 1..=12 {
        let value = if month == 6 {
            String::new()
        } else {
            (10 + month % 4).to_string()
        };
        text.push_str(&format!("2024-{month:02}-01,{value}\n"));
    }
    let file = write(&p, "gap.csv", &text);
    let table = p.ok(&["spc", &file]);
    assert!(table.contains("\n11 points (1 missing); mean"), "{table}");
    let gap = table.lines().find(|l| l.starts_with("2024-06-01")).unwrap();
    assert!(gap.ends_with(" missing"), "{gap}");
    assert!(
        !gap.contains("common cause") && !gap.contains("trial"),
        "{gap}"
    );
    assert!(
        table.contains("12 points counting 1 missing, fewer than 13"),
        "{table}"
    );

    let run = p.ok(&["spc", &file, "--chart", "run"]);
    let gap = run.lines().find(|l| l.starts_with("2024-06-01")).unwrap();
    assert!(gap.ends_with(" missing"), "{gap}");

    let out = json(&p.ok(&["spc", &file, "--format", "json"]));
    assert_eq!(out["points"].as_array().unwrap().len(), 12);
    assert_eq!(out["points"][5]["value"], Value::Null);
    assert_eq!(out["points"][5]["point_type"], "common_cause");

    let svg = p.path("gap.svg");
    let said = p.ok(&[
        "spc",
        &file,
        "--format",
        "svg",
        "-o",
        &svg.to_string_lossy(),
    ]);
    assert!(said.ends_with(": 11 points (1 missing)\n"), "{said}");
}

/// A tracker kept in Excel: weeks as date cells, newest first, under a title row, on the
/// second sheet. `measure import` and `spc` read it as they read CSV, and name the sheet and
/// row of a bad cell.
#[test]
fn measure_data_comes_from_a_spreadsheet_sheet_and_row_named() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let p = Portfolio::new();
    p.ok(&["project", "add", "--title", "Falls on Ward 10"]);
    p.ok(&[
        "measure",
        "add",
        "QI-1",
        "Falls",
        "--kind",
        "outcome",
        "--direction",
        "decrease",
    ]);
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let tracker = |bad: bool| {
        let mut book = Workbook::new();
        let notes = book.add_worksheet().set_name("Notes").unwrap();
        notes.write(0, 0, "Falls data from Datix, weekly").unwrap();
        let sheet = book.add_worksheet().set_name("Ward 10").unwrap();
        sheet.write(0, 0, "Ward 10 falls").unwrap();
        sheet.write(2, 0, "Week").unwrap();
        sheet.write(2, 1, "Value").unwrap();
        for (i, day) in [22, 15, 8, 1].into_iter().enumerate() {
            let row = 3 + i as u32;
            let week = ExcelDateTime::from_ymd(2026, 1, day).unwrap();
            sheet
                .write_datetime_with_format(row, 0, week, &date)
                .unwrap();
            if bad && i == 2 {
                sheet.write(row, 1, "lots").unwrap();
            } else {
                sheet.write(row, 1, i as f64 + 2.0).unwrap();
            }
        }
        let path = p.path(if bad { "bad.xlsx" } else { "tracker.xlsx" });
        book.save(&path).unwrap();
        path.to_string_lossy().into_owned()
    };
    let good = tracker(false);
    let said = p.ok(&["measure", "import", "QI-1", "Falls", &good]);
    assert!(said.contains("4 points added"), "{said}");
    let points = json(&p.ok(&["measure", "points", "QI-1", "Falls", "--json"]));
    let dates: Vec<(&str, f64)> = points
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["date"].as_str().unwrap(), v["value"].as_f64().unwrap()))
        .collect();
    assert_eq!(
        dates,
        [
            ("2026-01-01", 5.0),
            ("2026-01-08", 4.0),
            ("2026-01-15", 3.0),
            ("2026-01-22", 2.0)
        ]
    );
    let bad = tracker(true);
    let message = refused(&p, &["measure", "import", "QI-1", "Falls", &bad], None);
    assert_eq!(
        message.trim_end(),
        format!(
            "qiboard: {bad}: sheet \"Ward 10\", row 6, column value: \"lots\" is not a number (expected a finite number like 12.5, or empty for a missing point)"
        )
    );
    let message = refused(&p, &["spc", &good, "--sheet", "Ward 11"], None);
    assert!(
        message.contains("there is no sheet \"Ward 11\" (sheets: Notes, Ward 10)"),
        "{message}"
    );
    // A chart follows the rows: newest first is refused with the sheet and rows named.
    let message = refused(&p, &["spc", &good, "--sheet", "ward 10"], None);
    assert!(
        message.contains("sheet \"Ward 10\", row 5, column week: 2026-01-15 comes before 2026-01-22 on sheet \"Ward 10\", row 4"),
        "{message}"
    );
}
