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

/// Cuts `text` to at most `max` cells at a word boundary, ending in `…` when cut: a
/// message is never cut mid-word (a single word longer than the room is cut as [`fit`]).
pub fn fit_words(text: &str, max: usize) -> String {
    let flat = fit(text, usize::MAX);
    if width(&flat) <= max {
        return flat;
    }
    let mut out = String::new();
    for word in flat.split(' ') {
        let next = if out.is_empty() {
            word.to_string()
        } else {
            format!("{out} {word}")
        };
        if width(&next) + 1 > max {
            break;
        }
        out = next;
    }
    let out = out.trim_end_matches([' ', ',', ';', ':', '—', '-']);
    if out.is_empty() {
        return fit(&flat, max);
    }
    format!("{out}…")
}

/// Shortens a path to at most `max` cells by dropping whole folders from the left, so the
/// file's name always shows: `…/qiboard/QI-0012-falls-xmr.svg`.
pub fn fit_path(path: &str, max: usize) -> String {
    if width(path) <= max {
        return path.to_string();
    }
    let separators = ['/', '\\'];
    let mut rest = path;
    while let Some(i) = rest.find(separators) {
        rest = &rest[i + 1..];
        let shortened = format!("…{}{rest}", &path[path.len() - rest.len() - 1..][..1]);
        if width(&shortened) <= max {
            return shortened;
        }
    }
    // Not even the name fits: keep its end, where the kind of file shows.
    let name: Vec<char> = rest.chars().collect();
    let mut out = String::new();
    for c in name.iter().rev() {
        if width(&out) + width(c.encode_utf8(&mut [0; 4])) + 1 > max {
            break;
        }
        out.insert(0, *c);
    }
    if max == 0 {
        return String::new();
    }
    format!("…{out}")
}

/// Splits text into rows of at most `width` cells between words (a longer word is cut).
pub fn wrap_words(text: &str, room: usize) -> Vec<String> {
    let mut rows = Vec::new();
    let mut last = String::new();
    let flat = text.replace('\n', " ");
    // Split on single spaces, so runs of spaces (column gaps) survive within a row.
    for word in flat.split(' ') {
        if last.is_empty() && word.is_empty() {
            continue;
        } else if last.is_empty() {
            last.push_str(&fit(word, room));
        } else if width(&last) + 1 + width(word) <= room {
            last.push(' ');
            last.push_str(word);
        } else {
            rows.push(std::mem::replace(&mut last, fit(word, room)));
        }
    }
    rows.push(last);
    rows
}

/// Cuts `text` to at most `max` cells keeping its start and its end, `…` between: names that
/// differ only at the end (`QSIR Practitioner — Cohort 6` and `… Cohort 7`) stay apart.
pub fn fit_middle(text: &str, max: usize) -> String {
    let flat = text.replace(['\n', '\r'], " ");
    if width(&flat) <= max {
        return flat;
    }
    if max < 5 {
        return fit(&flat, max);
    }
    let pieces: Vec<(&str, usize)> = graphemes(&flat).map(|(_, g, w)| (g, w)).collect();
    let tail_room = (max - 1) / 2;
    let mut tail = Vec::new();
    let mut used = 0;
    for (g, w) in pieces.iter().rev() {
        if used + w > tail_room {
            break;
        }
        tail.push(*g);
        used += w;
    }
    let head_room = max - 1 - used;
    let mut head = String::new();
    let mut head_used = 0;
    for (g, w) in &pieces {
        if head_used + w > head_room {
            break;
        }
        head.push_str(g);
        head_used += w;
    }
    tail.reverse();
    format!("{}…{}", head.trim_end(), tail.concat().trim_start())
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
    fn messages_are_cut_between_words() {
        let said = "QI-0012 is over its WIP limit (4/3) — moved to Pilot and implement, u to undo";
        assert_eq!(fit_words(said, 200), said);
        assert_eq!(fit_words(said, 30), "QI-0012 is over its WIP limit…");
        assert_eq!(fit_words(said, 14), "QI-0012 is…");
        assert!(width(&fit_words(said, 14)) <= 14);
        assert_eq!(fit_words("Supercalifragilistic", 6), "Super…");
    }

    #[test]
    fn paths_keep_their_file_name() {
        let path = "/home/coach/Documents/qiboard/QI-0012-Falls_rate-xmr.svg";
        assert_eq!(fit_path(path, 80), path);
        assert_eq!(fit_path(path, 40), "…/qiboard/QI-0012-Falls_rate-xmr.svg");
        assert_eq!(fit_path(path, 30), "…/QI-0012-Falls_rate-xmr.svg");
        assert_eq!(fit_path(path, 10), "…e-xmr.svg");
        assert_eq!(
            fit_path(r"C:\Users\coach\Documents\qiboard\QI-0012-xmr.svg", 30),
            r"…\qiboard\QI-0012-xmr.svg"
        );
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

    #[test]
    fn names_that_differ_at_the_end_stay_apart() {
        let a = fit_middle("QSIR Practitioner — Cohort 6", 20);
        let b = fit_middle("QSIR Practitioner — Cohort 7", 20);
        assert_ne!(a, b);
        assert!(width(&a) <= 20, "{a}");
        assert!(a.ends_with("Cohort 6") && a.starts_with("QSIR"), "{a}");
        assert_eq!(fit_middle("Medicine", 20), "Medicine");
    }
}
