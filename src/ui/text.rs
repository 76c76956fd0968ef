//! Small text helpers for drawing: widths in terminal cells, not bytes or chars.

use ratatui::text::{Line, Span};

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

/// Cells a string takes on screen.
pub fn width(text: &str) -> usize {
    Span::raw(text).width()
}

/// Cuts `text` to at most `max` cells, ending in `…` when cut; newlines become spaces.
pub fn fit(text: &str, max: usize) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    if width(&flat) <= max {
        return flat;
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in flat.chars() {
        let w = width(c.encode_utf8(&mut [0; 4]));
        if used + w + 1 > max {
            break;
        }
        out.push(c);
        used += w;
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
}
