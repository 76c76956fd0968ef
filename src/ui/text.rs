//! Small text helpers for drawing: widths in terminal cells, not bytes or chars.

use ratatui::buffer::CellWidth;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;

use super::theme::Theme;

/// A row of a list, marked when selected by a `▸` as well as by colour (never colour alone).
pub fn mark<'a>(line: Line<'a>, selected: bool, theme: &Theme) -> Line<'a> {
    let mut spans = vec![Span::raw(if selected { "▸ " } else { "  " })];
    spans.extend(line.spans);
    let line = Line::from(spans).style(line.style);
    if selected {
        line.style(theme.selected)
    } else {
        line
    }
}

/// Cells a string takes on screen, measured as ratatui draws it: grapheme by grapheme (so
/// `👩‍⚕️` and `❤️` take two cells, not three and one), control characters dropped.
pub fn width(text: &str) -> usize {
    graphemes(text).map(|(_, _, cells)| cells).sum()
}

/// Each grapheme ratatui would draw, with its byte offset in `text` and the cells it takes.
pub fn graphemes(text: &str) -> impl Iterator<Item = (usize, &str, usize)> {
    text.grapheme_indices(true)
        .filter(|(_, g)| !g.contains(char::is_control))
        .map(|(i, g)| (i, g, usize::from(g.cell_width())))
}

/// `text` followed by spaces to fill `cells`.
pub fn pad(text: &str, cells: usize) -> String {
    format!("{text}{}", " ".repeat(cells.saturating_sub(width(text))))
}

/// Cuts `text` to at most `max` cells, ending in `…` when cut; newlines become spaces.
pub fn fit(text: &str, max: usize) -> String {
    let flat = text.replace(['\n', '\r'], " ");
    if width(&flat) <= max {
        return flat;
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for (_, grapheme, cells) in graphemes(&flat) {
        if used + cells + 1 > max {
            break;
        }
        out.push_str(grapheme);
        used += cells;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_counts_cells_and_marks_the_cut() {
        assert_eq!(fit("Reduce falls", 20), "Reduce falls");
        assert_eq!(fit("Reduce falls on Ward 10", 10), "Reduce fa…");
        assert_eq!(width(&fit("病院の転倒を減らす取り組み", 9)), 9);
        assert_eq!(fit("a\nb", 5), "a b");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn emoji_sequences_and_wide_characters_count_as_drawn() {
        assert_eq!(width("👩‍⚕️"), 2);
        assert_eq!(width("❤️✔️"), 4);
        assert_eq!(width("山田"), 4);
        assert_eq!(width("a\u{7}b"), 2);
        assert_eq!(fit("❤️❤️❤️❤️", 5), "❤️❤️…");
        assert_eq!(fit("👩‍⚕️👩‍⚕️👩‍⚕️", 5), "👩‍⚕️👩‍⚕️…");
        assert_eq!(pad("山", 4), "山  ");
    }
}
