//! Documents for the board and the faculty, written straight from the portfolio so a paper
//! is never retyped: the board report as self-contained HTML (inline CSS and SVG, nothing
//! fetched, every typed text escaped) or as Markdown with its charts as SVG files beside
//! it. They read the store's read models and
//! the SPC results as the app shows them; they compute nothing the app does not.

mod board;
mod board_markdown;
mod html;
mod markdown;
mod project;
mod project_markdown;
mod session;
mod session_markdown;
mod svg;

pub use board::{BoardReport, BoardRequest, MainMeasure, ReportedProject, board_report};
pub use board_markdown::board_markdown;
pub use html::board_html;
pub use markdown::{Document, LinkedChart, charts_folder};
pub use project::{ChartedMeasure, DrawnChart, ProjectReport, project_html, project_report};
pub use project_markdown::project_markdown;
pub use session::{SessionReport, TeamSummary, session_html, session_report};
pub use session_markdown::session_markdown;

use crate::spc::{Assurance, Variation};

/// How a report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    Html,
    Markdown,
}

impl ReportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Html => "html",
            ReportFormat::Markdown => "md",
        }
    }
}

/// An icon as a report shows it: its letter (a black-and-white print keeps it), its words,
/// and the Making Data Count colour of its circle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Icon {
    pub letter: &'static str,
    pub words: &'static str,
    pub colour: &'static str,
}

const BLUE: &str = "#1f77b4";
const ORANGE: &str = "#e46c0a";
const GREY: &str = "#7f7f7f";
const PURPLE: &str = "#490092";

/// The variation icon in the README's words.
pub fn variation_icon(variation: Variation) -> Icon {
    let (letter, words, colour) = match variation {
        Variation::CommonCause => ("~", "common cause", GREY),
        Variation::ImprovementHigh => ("I↑", "improvement", BLUE),
        Variation::ImprovementLow => ("I↓", "improvement", BLUE),
        Variation::ConcernHigh => ("C↑", "concern", ORANGE),
        Variation::ConcernLow => ("C↓", "concern", ORANGE),
        Variation::NeutralHigh => ("N↑", "neutral", PURPLE),
        Variation::NeutralLow => ("N↓", "neutral", PURPLE),
    };
    Icon {
        letter,
        words,
        colour,
    }
}

/// The assurance icon in the README's words.
pub fn assurance_icon(assurance: Assurance) -> Icon {
    let (letter, words, colour) = match assurance {
        Assurance::Pass => ("P", "pass", BLUE),
        Assurance::Fail => ("F", "fail", ORANGE),
        Assurance::HitAndMiss => ("?", "hit and miss", GREY),
    };
    Icon {
        letter,
        words,
        colour,
    }
}

/// A number that may be missing, as a table cell shows it: a dash for none.
pub fn figure_or_dash(value: Option<f64>) -> String {
    value.map_or("–".to_string(), figure)
}

/// A number as a report prints it: at most three decimals, no trailing zeros.
pub fn figure(value: f64) -> String {
    let text = format!("{value:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_string()
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_short_and_icons_keep_their_words() {
        assert_eq!(figure(12.5), "12.5");
        assert_eq!(figure(3.0), "3");
        assert_eq!(figure(2.0 / 3.0), "0.667");
        assert_eq!(figure(-0.0001), "0");
        assert_eq!(variation_icon(Variation::ConcernLow).words, "concern");
        assert_eq!(assurance_icon(Assurance::HitAndMiss).letter, "?");
    }
}
