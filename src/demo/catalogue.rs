//! The believable content of the demo: one trust's people, cohorts and about forty QI
//! projects. Kept as a compact text block (one field a line) and parsed once, so the content
//! reads like a charter and not like Rust.
//!
//! Entry format (`{by}` in an aim becomes the project's target month, e.g. "March 2027"):
//! ```text
//! === STAGE(1-6) STATUS COHORT(0 = none, 1-3) SIGNAL [stale] | Title
//!     (SIGNAL is what the measures show: none, common, shift, trend or outlier;
//!      "stale" marks a project nobody has updated for weeks)
//! at: Division | Department
//! pb: problem statement   aim: aim   in: scope in   out: scope out   risk: risks
//! m: o|p|b | name | unit | +|-|= | baseline | improved | target or - | definition | source
//! d: primary driver | secondary; secondary
//! c: change idea | description | secondary driver numbers (1-based over the project)
//! b: benefit kind | amount | unit | note
//! n: a note
//! x: the annotation of the outlier point (SIGNAL outlier)
//! ```

#![allow(
    clippy::expect_used,
    clippy::panic,
    reason = "the catalogue is text compiled into the binary and parsed by every demo test: \
              a bad line is a bug to see at once, not a condition to recover from"
)]

/// A person of the trust: name and division (the email is derived from the name).
pub const PEOPLE: [(&str, &str); 26] = [
    ("Helen Marsh", "Corporate"),
    ("Priya Raman", "Corporate"),
    ("Gareth Lewis", "Corporate"),
    ("Siobhan O'Neill", "Corporate"),
    ("Andrew Whitfield", "Medicine"),
    ("Claire Pemberton", "Surgery"),
    ("Fiona McAllister", "Women & Children"),
    ("Rajesh Patel", "Community"),
    ("Margaret Okafor", "Corporate"),
    ("Jonathan Hughes", "Clinical Support"),
    ("Sarah Thompson", "Medicine"),
    ("Daniel Okoye", "Medicine"),
    ("Emma Clarke", "Medicine"),
    ("Aisha Rahman", "Medicine"),
    ("James Fletcher", "Surgery"),
    ("Rebecca Hall", "Surgery"),
    ("Tomasz Nowak", "Surgery"),
    ("Hannah Price", "Women & Children"),
    ("Grace Adeyemi", "Women & Children"),
    ("Laura Bennett", "Community"),
    ("Mohammed Iqbal", "Community"),
    ("Kirsty Campbell", "Community"),
    ("Oliver Grant", "Corporate"),
    ("Nia Williams", "Corporate"),
    ("Ben Ashworth", "Clinical Support"),
    ("Chloe Dawson", "Clinical Support"),
];

/// The first four people are the QSIR faculty who coach; the next six sponsor.
pub const COACHES: std::ops::Range<usize> = 0..4;
pub const SPONSORS: std::ops::Range<usize> = 4..10;

/// Cohorts: name, programme, months before the anchor that it started.
pub const COHORTS: [(&str, &str, u32); 3] = [
    ("QSIR Practitioner — Cohort 6", "QSIR Practitioner", 24),
    ("QSIR Practitioner — Cohort 7", "QSIR Practitioner", 13),
    (
        "Leading Improvement — Cohort 2",
        "Leading Improvement (clinical leadership)",
        16,
    ),
];

use super::projects::PROJECTS;

/// One project of the catalogue, parsed.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    pub stage: usize,
    pub status: &'static str,
    pub cohort: usize,
    /// What the measures show: "none", "common", "shift", "trend" or "outlier".
    pub signal: &'static str,
    pub stale: bool,
    pub outlier_note: &'static str,
    pub title: &'static str,
    pub division: &'static str,
    pub department: &'static str,
    pub problem: &'static str,
    pub aim: &'static str,
    pub scope_in: &'static str,
    pub scope_out: &'static str,
    pub risks: &'static str,
    pub measures: Vec<MeasureSpec>,
    /// Primary driver text and its secondary drivers.
    pub drivers: Vec<(&'static str, Vec<&'static str>)>,
    pub ideas: Vec<IdeaSpec>,
    pub benefits: Vec<BenefitSpec>,
    pub notes: Vec<&'static str>,
}

#[derive(Debug, Clone)]
pub struct MeasureSpec {
    pub kind: &'static str,
    pub name: &'static str,
    pub unit: &'static str,
    pub direction: &'static str,
    pub baseline: f64,
    pub improved: f64,
    pub target: Option<f64>,
    pub definition: &'static str,
    pub source: &'static str,
}

#[derive(Debug, Clone)]
pub struct IdeaSpec {
    pub title: &'static str,
    pub description: &'static str,
    /// 1-based numbers of the secondary drivers it serves.
    pub drivers: Vec<usize>,
}

#[derive(Debug, Clone)]
pub struct BenefitSpec {
    pub kind: &'static str,
    pub amount: f64,
    pub unit: &'static str,
    pub note: &'static str,
}

/// The catalogue, parsed. Panics on a malformed entry (a test reads every one).
pub fn entries() -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for line in PROJECTS.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(head) = line.strip_prefix("=== ") {
            let (flags, title) = head.split_once(" | ").expect("catalogue head");
            let mut flags = flags.split(' ');
            let mut next = || flags.next().expect("catalogue flags");
            let (stage, status, cohort, signal) = (next(), next(), next(), next());
            out.push(Entry {
                stage: stage.parse().expect("stage"),
                status,
                cohort: cohort.parse().expect("cohort"),
                signal,
                stale: flags.next() == Some("stale"),
                title,
                ..Entry::default()
            });
            continue;
        }
        let entry = out.last_mut().expect("catalogue starts with a head");
        let (key, rest) = line.split_once(": ").expect("catalogue line");
        let fields: Vec<&'static str> = rest.split(" | ").map(str::trim).collect();
        match key {
            "at" => (entry.division, entry.department) = (fields[0], fields[1]),
            "pb" => entry.problem = rest,
            "aim" => entry.aim = rest,
            "in" => entry.scope_in = rest,
            "out" => entry.scope_out = rest,
            "risk" => entry.risks = rest,
            "m" => entry.measures.push(MeasureSpec {
                kind: match fields[0] {
                    "o" => "outcome",
                    "p" => "process",
                    _ => "balancing",
                },
                name: fields[1],
                unit: fields[2],
                direction: match fields[3] {
                    "+" => "increase",
                    "-" => "decrease",
                    _ => "neutral",
                },
                baseline: fields[4].parse().expect("baseline"),
                improved: fields[5].parse().expect("improved"),
                target: fields[6].parse().ok(),
                definition: fields[7],
                source: fields[8],
            }),
            "d" => entry
                .drivers
                .push((fields[0], fields[1].split("; ").collect())),
            "c" => entry.ideas.push(IdeaSpec {
                title: fields[0],
                description: fields[1],
                drivers: fields[2]
                    .split(',')
                    .map(|n| n.trim().parse().expect("driver"))
                    .collect(),
            }),
            "b" => entry.benefits.push(BenefitSpec {
                kind: fields[0],
                amount: fields[1].parse().expect("amount"),
                unit: fields[2],
                note: fields[3],
            }),
            "n" => entry.notes.push(rest),
            "x" => entry.outlier_note = rest,
            other => panic!("unknown catalogue key {other:?}"),
        }
    }
    out
}
