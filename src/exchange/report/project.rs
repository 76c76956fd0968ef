//! The project on a page: one project's charter, team, progress, driver diagram, PDSA cycles
//! by change idea, every measure's chart with its verdict in words, benefits and latest notes,
//! read from the store as the Detail pane shows them.

use crate::exchange::spc_report::{ChartNotes, xmr_summary, xmr_svg};
use chrono::NaiveDate;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::{figure, svg};
use crate::domain::{ChangeIdea, DataPoint, Driver, Measure, Note, PdsaCycle, ProjectRef};
use crate::measure_reading::{analyse_measure, xmr_options};
use crate::spc::XmrResult;
use crate::store::{ProjectDetail, Store, StoreError};

/// Notes the page shows, newest first.
const LATEST_NOTES: usize = 5;

/// One measure with its points and their reading.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartedMeasure {
    pub measure: Measure,
    pub points: Vec<DataPoint>,
    pub analysis: Option<XmrResult>,
}

/// A measure's chart as `spc --format svg` draws it (without its verdict, which the report
/// writes beneath it as text a reader can copy), and the verdict.
pub struct DrawnChart {
    pub svg: Option<String>,
    pub verdict: String,
}

impl ChartedMeasure {
    pub fn heading(&self) -> String {
        format!(
            "{} ({}, {})",
            self.measure.name, self.measure.kind, self.measure.unit
        )
    }

    /// Why there is no chart yet.
    pub fn too_few(&self) -> String {
        format!(
            "{} point(s) so far: a chart needs at least two.",
            self.points.len()
        )
    }

    /// The chart and its verdict; none under two points.
    pub fn drawn(&self, report: &ProjectReport) -> Option<DrawnChart> {
        let analysis = self.analysis.as_ref()?;
        let dates: Vec<NaiveDate> = self.points.iter().map(|p| p.date).collect();
        let options = xmr_options(&self.measure, dates.last().copied());
        let title = format!(
            "{} · {}",
            report.detail.project.reference, self.measure.name
        );
        let notes = ChartNotes::of(&report.detail.pdsa_cycles, String::new());
        Some(DrawnChart {
            svg: xmr_svg(&dates, analysis, &options, &title, &notes).ok(),
            verdict: xmr_summary(analysis, &options),
        })
    }
}

/// Everything the project on a page says.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectReport {
    pub today: NaiveDate,
    pub detail: ProjectDetail,
    pub measures: Vec<ChartedMeasure>,
}

impl ProjectReport {
    /// The progress score's history as (date, score), oldest first; cleared scores left out.
    pub fn score_steps(&self) -> Vec<(NaiveDate, f64)> {
        self.detail
            .scores
            .iter()
            .filter_map(|s| {
                let date = crate::clock::date_part(&s.at).parse().ok()?;
                Some((date, s.score?.value()))
            })
            .collect()
    }

    /// PDSA cycles by change idea, in the ideas' order; ideas not yet tested left out.
    pub fn ramps(&self) -> Vec<(&ChangeIdea, Vec<&PdsaCycle>)> {
        self.detail
            .change_ideas
            .iter()
            .map(|idea| {
                let ramp = self
                    .detail
                    .pdsa_cycles
                    .iter()
                    .filter(|c| c.change_idea == idea.title)
                    .collect::<Vec<_>>();
                (idea, ramp)
            })
            .filter(|(_, ramp)| !ramp.is_empty())
            .collect()
    }

    /// The notes the page shows, newest first.
    pub fn latest_notes(&self) -> impl Iterator<Item = &Note> {
        self.detail.notes.iter().rev().take(LATEST_NOTES)
    }

    pub fn heading(&self) -> String {
        let p = &self.detail.project;
        format!(
            "{} · {} — project on a page — {}",
            p.reference,
            p.title,
            self.today.format("%-d %B %Y")
        )
    }
}

/// Reads what the project on a page says.
pub fn project_report(
    store: &Store,
    reference: ProjectRef,
    today: NaiveDate,
) -> Result<ProjectReport, StoreError> {
    let detail = store.project_detail(reference)?;
    let mut measures = Vec::with_capacity(detail.measures.len());
    for measure in &detail.measures {
        let points = store.data_points(reference, &measure.name)?;
        let analysis = analyse_measure(measure, &points);
        measures.push(ChartedMeasure {
            measure: measure.clone(),
            points,
            analysis,
        });
    }
    Ok(ProjectReport {
        today,
        detail,
        measures,
    })
}

const STYLE: &str = "
body { font-family: 'Segoe UI', Arial, sans-serif; color: #212b32; margin: 24px; font-size: 14px; }
h1 { color: #005eb8; font-size: 22px; margin-bottom: 4px; }
h2 { color: #005eb8; border-bottom: 2px solid #005eb8; padding-bottom: 2px; margin-top: 24px; }
.sub { color: #4c6272; margin-top: 0; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { border: 1px solid #d8dde0; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f0f4f5; width: 22%; }
thead th { width: auto; }
td.n, td.date { width: 1%; white-space: nowrap; }
td.n { text-align: right; }
.chart svg { width: 100%; height: auto; max-width: 960px; }
.steps svg { max-width: 100%; height: auto; }
.verdict { margin-top: 2px; }
.cycle { border-left: 4px solid #005eb8; padding: 2px 10px; margin: 8px 0; }
.empty { color: #4c6272; font-style: italic; }
p.text { white-space: pre-wrap; margin: 2px 0 8px; }
@page { size: A3 landscape; margin: 12mm; }
@media print {
  body { margin: 0; font-size: 11px; }
  tr, .chart, .cycle { break-inside: avoid; }
  thead { display: table-header-group; }
  h2 { break-after: avoid; }
}
";

/// Text a person typed, or a quiet dash when they have not.
fn typed(text: &str) -> Markup {
    html! {
        @if text.trim().is_empty() { span.empty { "–" } } @else { p.text { (text) } }
    }
}

pub(super) fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

pub(super) fn date(d: Option<NaiveDate>) -> String {
    d.map_or("–".to_string(), |d| d.to_string())
}

/// The project on a page as one self-contained HTML page.
pub fn project_html(report: &ProjectReport) -> String {
    let d = &report.detail;
    let p = &d.project;
    let page = html! {
        (DOCTYPE)
        html lang="en-GB" {
            head {
                meta charset="utf-8";
                title { (report.heading()) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                h1 { (report.heading()) }
                p.sub {
                    (p.stage_name) " · " (p.status.label()) " · score "
                    (p.score.map_or("–".to_string(), |s| s.to_string()))
                }
                div.columns {
                    div {
                        h2 { "Charter" }
                        table {
                            tr { th { "Aim" } td { (typed(&p.aim)) } }
                            tr { th { "Problem" } td { (typed(&p.problem)) } }
                            tr { th { "Scope in" } td { (typed(&p.scope_in)) } }
                            tr { th { "Scope out" } td { (typed(&p.scope_out)) } }
                            tr { th { "Dates" } td { (date(p.start_date)) " to " (date(p.target_date)) } }
                            tr { th { "Division" } td { (p.division) " " (p.department) } }
                            tr { th { "Cohort" } td { (p.cohort.as_deref().unwrap_or("–")) } }
                            tr { th { "Risks" } td { (typed(&p.risks)) } }
                        }
                    }
                    div {
                        h2 { "Team" }
                        @if d.team.is_empty() {
                            p.empty { "No one named yet." }
                        } @else {
                            table {
                                @for member in &d.team {
                                    tr { th { (capitalised(&member.role.to_string())) } td { (member.person.name) } }
                                }
                            }
                        }
                        h2 { "Progress score" }
                        @if d.scores.is_empty() {
                            p.empty { "Not scored yet." }
                        } @else {
                            div.steps { (svg::score_steps(&report.score_steps(), report.today)) }
                            table {
                                thead { tr { th { "When" } th { "Score" } th { "Why" } } }
                                tbody {
                                    @for s in &d.scores {
                                        tr {
                                            td.date { (crate::clock::date_part(&s.at)) }
                                            td.n { (s.score.map_or("–".to_string(), |s| s.to_string())) }
                                            td { (s.why) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                h2 { "Driver diagram" }
                (drivers(&d.drivers, None))
                h2 { "PDSA cycles by change idea" }
                (cycles(report))
                h2 { "Measures" }
                (measures(report))
                h2 { "Benefits" }
                @if d.benefits.is_empty() {
                    p.empty { "None claimed yet." }
                } @else {
                    table {
                        thead { tr { th { "Kind" } th { "Amount" } th { "Unit" } th { "Claimed" } th { "Note" } } }
                        tbody {
                            @for b in &d.benefits {
                                tr {
                                    td { (b.kind.to_string().replace('_', " ")) }
                                    td.n { (figure(b.amount)) }
                                    td { (b.unit) }
                                    td.date { (b.claimed_date) }
                                    td { (b.note) }
                                }
                            }
                        }
                    }
                }
                h2 { "Latest notes" }
                @if d.notes.is_empty() {
                    p.empty { "No notes yet." }
                } @else {
                    @for n in report.latest_notes() {
                        p.text { strong { (n.created.format("%-d %b %Y")) } " — " (n.text) }
                    }
                }
            }
        }
    };
    page.into_string()
}

/// The driver diagram as nested lists: primary drivers, their secondary drivers below.
fn drivers(all: &[Driver], parent: Option<i64>) -> Markup {
    let here: Vec<&Driver> = all.iter().filter(|d| d.parent_id == parent).collect();
    html! {
        @if here.is_empty() {
            @if parent.is_none() { p.empty { "No driver diagram yet." } }
        } @else {
            ul {
                @for d in here {
                    li { (d.text) (drivers(all, Some(d.id))) }
                }
            }
        }
    }
}

fn cycles(report: &ProjectReport) -> Markup {
    html! {
        @if report.detail.pdsa_cycles.is_empty() {
            p.empty { "No PDSA cycles yet." }
        }
        @for (idea, ramp) in report.ramps() {
            h3 { (idea.title) }
            @for c in ramp {
                div.cycle {
                    strong { (c.label()) } " · " (date(c.start_date)) " to " (date(c.end_date))
                    @if let Some(act) = c.act { " · " strong { (act.to_string()) } }
                    p { "Prediction: " (c.predictions) }
                    p { "What was learnt: " (c.study) }
                    @if !c.next_step.trim().is_empty() { p { "Next: " (c.next_step) } }
                }
            }
        }
    }
}

fn measures(report: &ProjectReport) -> Markup {
    html! {
        @if report.measures.is_empty() {
            p.empty { "No measures yet." }
        }
        @for m in &report.measures {
            h3 { (m.heading()) }
            @match m.drawn(report) {
                Some(drawn) => {
                    // plotters writes the chart and escapes its text.
                    @if let Some(svg) = drawn.svg { div.chart { (PreEscaped(svg)) } }
                    // The verdict is the paragraph under the chart, text a reader can copy.
                    p.verdict { (drawn.verdict) }
                }
                None => { p.empty { (m.too_few()) } }
            }
        }
    }
}
