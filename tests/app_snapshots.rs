//! What a coach sees: each pane and the help, on the demo portfolio with today fixed, at
//! 120×40, 80×24 and a tiny window. Every snapshot was read before it was accepted.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod app_support;

use app_support::{demo_store, keys, model, press, screen};
use crossterm::event::KeyCode;

#[test]
fn board_at_120_by_40_shows_all_six_stages() {
    let store = demo_store();
    let m = model(&store, (120, 40));
    let text = screen(&m);
    for stage in [
        "Start out",
        "Define",
        "Measure",
        "Design",
        "Pilot",
        "Sustain",
    ] {
        assert!(text.contains(stage), "{stage} missing");
    }
    insta::assert_snapshot!("board_120x40", text);
}

#[test]
fn board_at_80_by_24_keeps_the_selection_in_view() {
    let mut store = demo_store();
    let mut m = model(&store, (80, 24));
    keys(&mut m, &mut store, "lllll");
    let text = screen(&m);
    assert!(
        text.contains("Sustain"),
        "the selected last column is not in view:\n{text}"
    );
    assert!(
        text.contains('◀'),
        "no mark that columns lie to the left:\n{text}"
    );
    insta::assert_snapshot!("board_80x24_scrolled_right", text);
}

#[test]
fn tiny_windows_say_so_instead_of_drawing_nonsense() {
    let store = demo_store();
    // Down to 1×1 nothing panics; from 10 cells wide it says why there is no board.
    for size in [(1, 1), (3, 1), (10, 3), (29, 7), (40, 5), (200, 7)] {
        let m = model(&store, size);
        let text = screen(&m);
        if size.0 >= 10 {
            assert!(text.contains("small"), "{size:?}:\n{text}");
        }
    }
    insta::assert_snapshot!("tiny_20x5", screen(&model(&store, (20, 5))));
}

#[test]
fn detail_overview_shows_charter_latest_pdsa_and_chart() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    keys(&mut m, &mut store, "llll");
    press(&mut m, &mut store, KeyCode::Enter);
    let text = screen(&m);
    for part in ["Charter", "Aim", "Latest: PDSA", "UPL", "LPL"] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
    insta::assert_snapshot!("detail_overview_120x40", text);
    m.size = (80, 24);
    insta::assert_snapshot!("detail_overview_80x24", screen(&m));
}

#[test]
fn detail_sections_pdsa_and_measures() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    keys(&mut m, &mut store, "llll");
    press(&mut m, &mut store, KeyCode::Enter);
    while m.detail.as_ref().unwrap().section != qiboard::app::Section::Pdsa {
        press(&mut m, &mut store, KeyCode::Char('l'));
    }
    let pdsa = screen(&m);
    assert!(pdsa.contains("Ramps") && pdsa.contains("PDSA 1"), "{pdsa}");
    insta::assert_snapshot!("detail_pdsa_120x40", pdsa);
    keys(&mut m, &mut store, "l");
    let measures = screen(&m);
    assert!(
        measures.contains("Measures") && measures.contains("x̄"),
        "{measures}"
    );
    insta::assert_snapshot!("detail_measures_120x40", measures);
    m.size = (80, 24);
    insta::assert_snapshot!("detail_measures_80x24", screen(&m));
}

#[test]
fn metrics_answer_how_the_portfolio_is_doing() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    press(&mut m, &mut store, KeyCode::Char('3'));
    let text = screen(&m);
    for part in [
        "40 projects by stage",
        "Status",
        "Progress scores",
        "PDSA cycles per month",
        "Stalled",
        "Benefits claimed",
    ] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
    insta::assert_snapshot!("metrics_120x40", text);
    m.size = (80, 24);
    insta::assert_snapshot!("metrics_80x24", screen(&m));
}

#[test]
fn help_lists_every_key_from_the_registry() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    press(&mut m, &mut store, KeyCode::Char('?'));
    let text = screen(&m);
    for part in [
        "Keys",
        "move card a stage right",
        "undo the last change",
        "Ctrl-r",
    ] {
        assert!(text.contains(part), "{part} missing:\n{text}");
    }
    insta::assert_snapshot!("help_120x40", text);
    press(&mut m, &mut store, KeyCode::Char('?'));
    assert!(m.overlay.is_none(), "? did not close help");
}

#[test]
fn an_empty_portfolio_greets_the_user() {
    let store = qiboard::store::Store::open_in_memory(qiboard::clock::Clock::system()).unwrap();
    let m = model(&store, (80, 24));
    let text = screen(&m);
    assert!(
        text.contains("Welcome to qiboard") && text.contains("add your first project"),
        "{text}"
    );
    // A faculty with a register in Excel sees how to bring it in.
    assert!(
        text.contains("I import your projects from an Excel or CSV register"),
        "{text}"
    );
}

#[test]
fn a_long_form_in_a_small_window_still_shows_the_focused_field() {
    let mut store = demo_store();
    let mut m = model(&store, (80, 24));
    press(&mut m, &mut store, KeyCode::Char('e'));
    for _ in 0..5 {
        press(&mut m, &mut store, KeyCode::Tab);
    }
    keys(&mut m, &mut store, "XYZ");
    let text = screen(&m);
    assert!(text.contains("Division"), "{text}");
    assert!(
        text.contains("XYZ"),
        "the typed text is not visible:\n{text}"
    );
    m.size = (80, 12);
    let text = screen(&m);
    assert!(
        text.contains("XYZ"),
        "the typed text is not visible at 80x12:\n{text}"
    );
}

/// Titles and names in emoji and CJK: every card row ends at the column's border, cut text
/// ends with `…`, and the score sits at the card's right edge whatever it is.
#[test]
fn wide_characters_keep_every_card_inside_its_border() {
    use qiboard::store::{NewProject, Store};
    let clock = qiboard::clock::Clock::fixed(
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 23, 9, 0, 0).unwrap(),
    );
    let mut store = Store::open_in_memory(clock).unwrap();
    for (title, lead) in [
        (
            "❤️ Kinder discharge ❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️❤️",
            "Amy Pond",
        ),
        ("👩‍⚕️👩‍⚕️👩‍⚕️👩‍⚕️ Nurse-led discharge on Ward 10", "山田 花子"),
        (
            "病院の転倒を減らす取り組み：第十病棟での夜間の見守り",
            "✔️✔️✔️✔️✔️✔️✔️✔️✔️✔️✔️✔️",
        ),
    ] {
        let new = NewProject {
            title: title.into(),
            lead: Some(lead.into()),
            ..Default::default()
        };
        store.add_project(&new).unwrap();
    }
    let m = model(&store, (120, 40));
    let backend = ratatui::backend::TestBackend::new(120, 40);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal.draw(|frame| qiboard::ui::draw(frame, &m)).unwrap();
    let buffer = terminal.backend().buffer();
    let symbol = |x: u16, y: u16| buffer[(x, y)].symbol().to_string();
    // The first column: its borders, and the last cell drawn before the right border.
    let right = (1..120).find(|&x| symbol(x, 1) == "┐").unwrap();
    let last_drawn = |y: u16| {
        (1..right)
            .rev()
            .find(|&x| !symbol(x, y).trim().is_empty())
            .map(|x| symbol(x, y))
    };
    let text = screen(&m);
    for y in 2..16 {
        assert_eq!(symbol(0, y), "│", "row {y}:\n{text}");
        assert_eq!(symbol(right, y), "│", "row {y}:\n{text}");
    }
    // Card rows: ref and score, two title lines, lead; one blank line between cards.
    for card in 0..3u16 {
        let top = 2 + card * 5;
        assert_eq!(
            last_drawn(top).as_deref(),
            Some("–"),
            "score of card {card}:\n{text}"
        );
        assert_eq!(
            symbol(right - 2, top),
            "–",
            "score of card {card} not at the edge:\n{text}"
        );
        assert_eq!(
            last_drawn(top + 2).as_deref(),
            Some("…"),
            "title of card {card} cut unmarked:\n{text}"
        );
    }
    assert_eq!(
        last_drawn(2 + 2 * 5 + 3).as_deref(),
        Some("…"),
        "lead cut unmarked:\n{text}"
    );
    insta::assert_snapshot!("board_wide_characters", text);
}
