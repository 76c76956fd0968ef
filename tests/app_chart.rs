//! A rebased chart that does not mislead: the rebase a thin dashed line, the limit labels
//! beside the latest group's lines, and a title and legend that fit without cutting a word.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod app_support;

use app_support::{demo_store, model, press, screen};
use crossterm::event::KeyCode;
use qiboard::app::Section;
use qiboard::domain::ProjectRef;

/// The demo's rebased falls chart, in Detail → Measures.
fn rebased_chart(size: (u16, u16)) -> (String, String) {
    let mut store = demo_store();
    let reference = ProjectRef(1);
    let measure = store.main_measure(reference).unwrap().unwrap();
    assert!(
        !store
            .project_detail(reference)
            .unwrap()
            .measures
            .iter()
            .find(|m| m.name == measure)
            .unwrap()
            .rebases
            .is_empty(),
        "the demo's QI-0001 main measure is rebased"
    );
    let mut m = model(&store, size);
    assert!(m.board.select(reference));
    press(&mut m, &mut store, KeyCode::Enter);
    while m.detail.as_ref().unwrap().section != Section::Measures {
        press(&mut m, &mut store, KeyCode::Char('l'));
    }
    (screen(&m), measure)
}

#[test]
fn a_rebase_is_a_thin_dashed_line_with_labels_beside_the_latest_lines() {
    for size in [(80, 24), (120, 40), (200, 50)] {
        let (text, _) = rebased_chart(size);
        let dashes = text.matches('┊').count();
        assert!(dashes >= 8, "{size:?}: no dashed rebase line:\n{text}");
        for label in ["UPL", "LPL", "x̄"] {
            let row = text
                .lines()
                .find(|l| l.contains(&format!(" {label} ")))
                .unwrap_or_else(|| panic!("{size:?}: no {label} label:\n{text}"));
            let before = row.split(&format!(" {label} ")).next().unwrap();
            // The latest group's line (or the target drawn over it where they meet) runs
            // up to the label, right of the rebase.
            let own = if label == "x̄" { '─' } else { '┄' };
            // Points and markers may sit on the line; the line itself reaches the label.
            let end = before.trim_end().chars().rev().take(3).collect::<String>();
            assert!(
                end.contains(own) || end.contains('━'),
                "{size:?}: {label} is not beside its line: {row}"
            );
            // Columns in characters of the plot (after its left border).
            let column = |segment: &str, wanted: &[char]| {
                segment
                    .chars()
                    .enumerate()
                    .filter(|(_, c)| wanted.contains(c))
                    .map(|(i, _)| i)
                    .last()
            };
            let plot = before.rsplit('│').next().unwrap_or(before);
            let rebase = text
                .lines()
                .filter_map(|l| l.rsplit('│').nth(1).and_then(|p| column(p, &['┊'])))
                .next();
            if let (Some(at), Some(last)) = (rebase, column(plot, &['┄', '─', '━'])) {
                assert!(
                    last > at,
                    "{size:?}: {label}'s line ends left of the rebase: {row}"
                );
            }
        }
        assert!(
            text.contains("rebase"),
            "{size:?}: the legend names no rebase"
        );
    }
}

#[test]
fn title_and_legend_fit_without_cutting_a_word() {
    for size in [(80, 24), (120, 40), (200, 50)] {
        let (text, measure) = rebased_chart(size);
        let title = text
            .lines()
            .find(|l| l.contains("[~]") || l.contains("[I") || l.contains("[C"))
            .unwrap_or_else(|| panic!("{size:?}: no chart title:\n{text}"));
        assert!(title.contains(&measure), "{size:?}: {title}");
        assert!(!title.contains('…'), "{size:?}: {title}");
        let legend = text.lines().find(|l| l.contains("common")).unwrap();
        let legend = legend.trim_end_matches([' ', '│']);
        assert!(
            legend.ends_with("PDSA") || legend.ends_with("rebase"),
            "{size:?}: the legend is cut: {legend}"
        );
    }
}
