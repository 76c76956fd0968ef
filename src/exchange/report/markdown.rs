//! What the Markdown reports share: escaping typed text for a table cell, and the charts a
//! report links to, written as SVG files in a folder beside it
//! (`board-report-2026-12-02-charts/`), since Markdown cannot hold a picture inline.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::Icon;

/// A report as it is written: its text and the chart files it links to (Markdown's; HTML
/// holds its charts inline and has none).
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub text: String,
    pub charts: Vec<LinkedChart>,
}

/// One chart file: its name inside the charts folder and its SVG.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkedChart {
    pub file: String,
    pub svg: String,
}

/// The folder a report's charts go in, named for the report: `board.md` has `board-charts/`.
pub fn charts_folder(report: &Path) -> PathBuf {
    let stem = report
        .file_stem()
        .map_or_else(|| "report".into(), |s| s.to_string_lossy().into_owned());
    report.with_file_name(format!("{stem}-charts"))
}

impl Document {
    /// Writes the charts into `charts_folder(path)` (made if missing), then the report, each
    /// file whole. A chart that fails leaves no report behind it.
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        if !self.charts.is_empty() {
            let folder = charts_folder(path);
            std::fs::create_dir_all(&folder)?;
            for chart in &self.charts {
                crate::exchange::files::write_whole(
                    &folder.join(&chart.file),
                    chart.svg.as_bytes(),
                )?;
            }
        }
        crate::exchange::files::write_whole(path, self.text.as_bytes())
    }
}

/// Collects a report's charts as it is written, and links each where it belongs. Without a
/// folder (the report goes to standard output) charts are left out and nothing links to them.
pub(super) struct ChartFolder<'a> {
    folder: Option<&'a str>,
    charts: Vec<LinkedChart>,
}

impl<'a> ChartFolder<'a> {
    pub(super) fn new(folder: Option<&'a str>) -> Self {
        Self {
            folder,
            charts: Vec::new(),
        }
    }

    /// Links the chart as an image with `words` as its text, saved as `name.svg` (made safe
    /// for a file name, and numbered so two measures whose names differ only in punctuation
    /// keep their own files).
    pub(super) fn link(&mut self, md: &mut String, words: &str, name: &str, svg: String) {
        let Some(folder) = self.folder else { return };
        let file = format!(
            "{}-{}.svg",
            self.charts.len() + 1,
            crate::exchange::files::safe_name(name)
        );
        let target = format!("{folder}/{file}");
        // A destination with a space or a bracket is only a link inside angle brackets.
        let target = if target.contains([' ', '(', ')']) {
            format!("<{target}>")
        } else {
            target
        };
        let _ = writeln!(md, "\n![{}]({target})\n", cell(words));
        self.charts.push(LinkedChart { file, svg });
    }

    pub(super) fn into_report(self, text: String) -> Document {
        Document {
            text,
            charts: self.charts,
        }
    }
}

/// Text typed into a table cell: one line, and `|` and markup that would break the table
/// or render as something else written literally.
pub(super) fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Typed text that keeps its lines (an aim, a PDSA prediction): markup escaped as in a
/// cell, each line ended with a hard break so the paragraph reads as it was typed.
pub(super) fn paragraph(text: &str) -> String {
    if text.trim().is_empty() {
        return "–".to_string();
    }
    text.trim()
        .lines()
        .map(|line| {
            let line = cell(line);
            // A line starting like a list item would end the paragraph.
            match line.trim_start().chars().next() {
                Some('-' | '+') => format!("\\{}", line.trim_start()),
                _ => line,
            }
        })
        .collect::<Vec<_>>()
        .join("  \n")
}

pub(super) fn icon(icon: Icon) -> String {
    format!("{} {}", icon.letter, icon.words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_go_in_a_folder_named_for_the_report() {
        assert_eq!(
            charts_folder(Path::new("/x/board-report-2026-12-02.md")),
            Path::new("/x/board-report-2026-12-02-charts")
        );
    }

    #[test]
    fn typed_markup_stays_text() {
        assert_eq!(cell("a | b\n<i>"), "a \\| b \\<i\\>");
        assert_eq!(paragraph("one *x*\ntwo"), "one \\*x\\*  \ntwo");
        assert_eq!(paragraph("plan:\n- ask"), "plan:  \n\\- ask");
        assert_eq!(paragraph(" "), "–");
    }
}
