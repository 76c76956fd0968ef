//! The small inline pictures of a report, written as SVG through the same escaping template
//! as the page: an icon (a circle with its letter), a sparkline, a bar chart of counts, a
//! progress score as steps.

use maud::{Markup, html};

use super::{Icon, figure};
use crate::domain::DataPoint;
use chrono::NaiveDate;

/// An icon as a circle in its colour with its letter in white; its words as the title, so a
/// screen reader and a hover say them.
pub fn icon(icon: Icon) -> Markup {
    html! {
        svg.icon xmlns="http://www.w3.org/2000/svg" width="22" height="22" viewBox="0 0 22 22"
            role="img" aria-label=(icon.words) {
            title { (icon.words) }
            circle cx="11" cy="11" r="10" fill=(icon.colour) {}
            text x="11" y="15" text-anchor="middle" font-size="10" font-weight="bold"
                font-family="sans-serif" fill="white" { (icon.letter) }
        }
    }
}

/// The last points of a measure as a line, newest on the right, scaled to its own range.
pub fn sparkline(points: &[DataPoint], last: usize) -> Markup {
    const W: f64 = 90.0;
    const H: f64 = 20.0;
    let shown = &points[points.len().saturating_sub(last)..];
    if shown.len() < 2 {
        return html! {};
    }
    let (low, high) = shown.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| {
        (lo.min(p.value), hi.max(p.value))
    });
    let span = if high > low { high - low } else { 1.0 };
    let step = W / (shown.len() - 1) as f64;
    let coordinates: Vec<String> = shown
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let x = i as f64 * step;
            let y = H - 2.0 - (p.value - low) / span * (H - 4.0);
            format!("{x:.1},{y:.1}")
        })
        .collect();
    let first = shown.first().map_or(0.0, |p| p.value);
    let latest = shown.last().map_or(0.0, |p| p.value);
    let words = format!(
        "last {} points, from {} to {}",
        shown.len(),
        figure(first),
        figure(latest)
    );
    html! {
        svg.spark xmlns="http://www.w3.org/2000/svg" width=(W) height=(H)
            viewBox=(format!("0 0 {W} {H}")) role="img" aria-label=(words) {
            title { (words) }
            polyline points=(coordinates.join(" ")) fill="none" stroke="#1f77b4"
                stroke-width="1.5" {}
        }
    }
}

/// Counts as horizontal bars, each labelled with its name and number.
pub fn bars(counts: &[(String, usize)]) -> Markup {
    const ROW: usize = 22;
    const LABEL: usize = 190;
    const BAR: f64 = 300.0;
    let most = counts.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let height = counts.len() * ROW + 4;
    html! {
        svg.bars xmlns="http://www.w3.org/2000/svg" width=(LABEL + 360) height=(height)
            viewBox=(format!("0 0 {} {height}", LABEL + 360)) role="img"
            aria-label="projects by stage" {
            @for (i, (name, n)) in counts.iter().enumerate() {
                @let y = i * ROW + 2;
                @let width = *n as f64 / most as f64 * BAR;
                text x=(LABEL - 8) y=(y + 15) text-anchor="end" font-size="13"
                    font-family="sans-serif" { (name) }
                rect x=(LABEL) y=(y + 3) width=(format!("{width:.1}")) height="15"
                    fill="#005eb8" {}
                text x=(format!("{:.1}", LABEL as f64 + width + 6.0)) y=(y + 15) font-size="13"
                    font-family="sans-serif" { (n) }
            }
        }
    }
}

/// A progress score's history as steps on the 0.5–5 scale: each score holds until the next
/// is given, and the last holds until `today`. Gridlines at the whole scores, labelled.
pub fn score_steps(scores: &[(NaiveDate, f64)], today: NaiveDate) -> Markup {
    const W: f64 = 420.0;
    const H: f64 = 130.0;
    const LEFT: f64 = 28.0;
    const TOP: f64 = 8.0;
    const BOTTOM: f64 = 22.0;
    let Some(&(first, _)) = scores.first() else {
        return html! {};
    };
    let days = (today - first).num_days().max(1) as f64;
    let x = |d: NaiveDate| LEFT + (d - first).num_days() as f64 / days * (W - LEFT - 8.0);
    let y = |s: f64| TOP + (5.0 - s) / 4.5 * (H - TOP - BOTTOM);
    let mut path = Vec::with_capacity(scores.len() * 2 + 1);
    for (i, &(date, score)) in scores.iter().enumerate() {
        if i > 0 {
            path.push(format!("{:.1},{:.1}", x(date), y(scores[i - 1].1)));
        }
        path.push(format!("{:.1},{:.1}", x(date), y(score)));
    }
    let latest = scores.last().map_or(0.0, |s| s.1);
    path.push(format!("{:.1},{:.1}", x(today.max(first)), y(latest)));
    let words = format!(
        "progress score from {} on {} to {} today",
        figure(scores[0].1),
        first.format("%-d %b %Y"),
        figure(latest)
    );
    html! {
        svg.steps xmlns="http://www.w3.org/2000/svg" width=(W) height=(H)
            viewBox=(format!("0 0 {W} {H}")) role="img" aria-label=(words) {
            title { (words) }
            @for whole in 1..=5 {
                @let at = format!("{:.1}", y(f64::from(whole)));
                line x1=(LEFT) x2=(W - 8.0) y1=(at) y2=(at) stroke="#d8dde0" {}
                text x=(LEFT - 6.0) y=(format!("{:.1}", y(f64::from(whole)) + 4.0))
                    text-anchor="end" font-size="11" font-family="sans-serif" { (whole) }
            }
            text x=(LEFT) y=(H - 6.0) font-size="11" font-family="sans-serif" {
                (first.format("%-d %b %Y"))
            }
            text x=(W - 8.0) y=(H - 6.0) text-anchor="end" font-size="11"
                font-family="sans-serif" { (today.format("%-d %b %Y")) }
            polyline points=(path.join(" ")) fill="none" stroke="#005eb8" stroke-width="2" {}
        }
    }
}
