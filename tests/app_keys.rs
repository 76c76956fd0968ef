//! Key scripts through the same path as the terminal (`handle_event`), checking both the
//! model and the store: move, reorder, score, undo, redo, search, filter, forms.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod app_support;

use app_support::{ctrl, demo_store, keys, model, press};
use crossterm::event::KeyCode;
use qiboard::app::{Overlay, Pane, StatusKind};
use qiboard::domain::ProjectRef;
use qiboard::store::Store;

fn stage_of(store: &Store, reference: ProjectRef) -> String {
    store
        .list_projects(&Default::default())
        .unwrap()
        .into_iter()
        .find(|p| p.reference == reference)
        .unwrap()
        .stage
}

fn history_len(store: &Store) -> usize {
    store.history(None, 10_000).unwrap().len()
}

#[test]
fn shift_l_moves_the_card_right_stores_it_and_u_undoes_it() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    let card = m.board.selected().unwrap().reference;
    let from = stage_of(&store, card);
    press(&mut m, &mut store, KeyCode::Char('L'));
    let moved = stage_of(&store, card);
    assert_ne!(moved, from);
    assert_eq!(moved, "Define and scope");
    assert_eq!(
        m.board.selected().unwrap().reference,
        card,
        "selection did not follow the card"
    );
    let status = m.status.clone().unwrap();
    assert!(
        status
            .text
            .contains(&format!("{card} moved to Define and scope")),
        "{}",
        status.text
    );
    assert!(status.text.contains("u to undo"));
    press(&mut m, &mut store, KeyCode::Char('u'));
    assert_eq!(stage_of(&store, card), from);
    assert!(m.status.clone().unwrap().text.starts_with("Undone:"));
    ctrl(&mut m, &mut store, 'r');
    assert_eq!(stage_of(&store, card), "Define and scope");
}

#[test]
fn moving_past_the_last_stage_says_so_and_writes_nothing() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    keys(&mut m, &mut store, "lllll");
    let before = history_len(&store);
    press(&mut m, &mut store, KeyCode::Char('L'));
    assert_eq!(history_len(&store), before);
    assert!(m.status.unwrap().text.contains("already in the last stage"));
}

#[test]
fn shift_j_reorders_within_the_column() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    let first = m.board.columns[0].cards[0].reference;
    let second = m.board.columns[0].cards[1].reference;
    press(&mut m, &mut store, KeyCode::Char('J'));
    let board = store.board(&Default::default()).unwrap();
    assert_eq!(board[0].cards[0].reference, second);
    assert_eq!(board[0].cards[1].reference, first);
    assert_eq!(m.board.selected().unwrap().reference, first);
}

#[test]
fn score_form_validates_then_stores_with_its_reason() {
    let mut store = demo_store();
    store.set_author("Rory Williams");
    let mut m = model(&store, (120, 40));
    let card = m.board.selected().unwrap().reference;
    let before = history_len(&store);
    press(&mut m, &mut store, KeyCode::Char('s'));
    keys(&mut m, &mut store, "7");
    ctrl(&mut m, &mut store, 's');
    // Refused: the form stays open with the error beside the field, nothing written.
    match &m.overlay {
        Some(Overlay::Form(form)) => {
            let error = form.fields[0].error.clone().unwrap_or_default();
            assert!(error.contains("off the scale"), "{error}");
        }
        _ => panic!("the form closed on a bad score"),
    }
    assert_eq!(history_len(&store), before);
    press(&mut m, &mut store, KeyCode::Backspace);
    keys(&mut m, &mut store, "3.5");
    press(&mut m, &mut store, KeyCode::Tab);
    keys(&mut m, &mut store, "first tests on two wards");
    press(&mut m, &mut store, KeyCode::Enter);
    keys(&mut m, &mut store, "worked");
    ctrl(&mut m, &mut store, 's');
    assert!(m.overlay.is_none());
    let detail = store.project_detail(card).unwrap();
    assert_eq!(detail.project.score.unwrap().to_string(), "3.5");
    assert_eq!(
        detail.scores.last().unwrap().why,
        "first tests on two wards\nworked"
    );
    // The scorer and the history both name who is using the app.
    assert_eq!(detail.scores.last().unwrap().who, "Rory Williams");
    assert_eq!(store.history(None, 1).unwrap()[0].by, "Rory Williams");
    assert_eq!(history_len(&store), before + 1);
}

#[test]
fn escape_leaves_a_form_with_nothing_written() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    let before = history_len(&store);
    press(&mut m, &mut store, KeyCode::Char('a'));
    keys(&mut m, &mut store, "Half-typed project");
    press(&mut m, &mut store, KeyCode::Esc);
    assert!(m.overlay.is_none());
    assert_eq!(history_len(&store), before);
}

#[test]
fn adding_a_project_needs_a_title_and_lands_in_the_selected_column() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    keys(&mut m, &mut store, "ll");
    press(&mut m, &mut store, KeyCode::Char('a'));
    ctrl(&mut m, &mut store, 's');
    assert!(matches!(&m.overlay, Some(Overlay::Form(f)) if f.fields[0].error.is_some()));
    keys(&mut m, &mut store, "Reduce repeat bloods");
    ctrl(&mut m, &mut store, 's');
    let added = m.board.selected().unwrap().clone();
    assert_eq!(added.title, "Reduce repeat bloods");
    assert_eq!(stage_of(&store, added.reference), "Measure and understand");
}

#[test]
fn a_title_over_200_characters_keeps_the_form_open_naming_the_limit() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    let before = history_len(&store);
    press(&mut m, &mut store, KeyCode::Char('a'));
    qiboard::app::handle_event(
        &mut m,
        crossterm::event::Event::Paste("Reduce falls on Ward 10 ".repeat(10)),
        &mut store,
    );
    ctrl(&mut m, &mut store, 's');
    let Some(Overlay::Form(form)) = &m.overlay else {
        panic!("the form closed on a 240-character title");
    };
    assert_eq!(
        form.fields[0].error.as_deref(),
        Some("title is 239 characters long: at most 200 are allowed")
    );
    assert_eq!(history_len(&store), before);
}

#[test]
fn pasted_text_lands_whole_in_the_field() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    press(&mut m, &mut store, KeyCode::Char('n'));
    qiboard::app::handle_event(
        &mut m,
        crossterm::event::Event::Paste("From Outlook:\r\nline two, with 'quotes' & q".into()),
        &mut store,
    );
    ctrl(&mut m, &mut store, 's');
    let card = m.board.selected().unwrap().reference;
    let notes = store.project_detail(card).unwrap().notes;
    assert_eq!(
        notes.last().unwrap().text,
        "From Outlook:\nline two, with 'quotes' & q"
    );
}

#[test]
fn search_finds_by_title_and_enter_opens_the_project() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    press(&mut m, &mut store, KeyCode::Char('/'));
    keys(&mut m, &mut store, "pressure ulcers");
    press(&mut m, &mut store, KeyCode::Enter);
    assert_eq!(m.pane, Pane::Detail);
    let opened = m.detail.as_ref().unwrap().detail.project.title.clone();
    assert!(opened.to_lowercase().contains("pressure ulcer"), "{opened}");
    // Back on the board, the found card is the selected one.
    press(&mut m, &mut store, KeyCode::Esc);
    assert_eq!(m.pane, Pane::Board);
    assert_eq!(m.board.selected().unwrap().title, opened);
}

#[test]
fn search_puts_a_typed_ref_first_and_finds_coaches() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    press(&mut m, &mut store, KeyCode::Char('/'));
    keys(&mut m, &mut store, "12");
    let Some(Overlay::Search(search)) = &m.overlay else {
        panic!("/ did not open search")
    };
    assert_eq!(search.chosen().unwrap().reference, ProjectRef(12));
    for _ in 0..2 {
        press(&mut m, &mut store, KeyCode::Backspace);
    }
    keys(&mut m, &mut store, "priya");
    let Some(Overlay::Search(search)) = &m.overlay else {
        panic!()
    };
    let coached = store
        .list_projects(&Default::default())
        .unwrap()
        .into_iter()
        .filter(|p| p.coach.as_deref() == Some("Priya Raman"))
        .count();
    assert!(coached > 0);
    assert_eq!(search.matches.len(), coached, "only Priya's projects");
    for _ in 0..5 {
        press(&mut m, &mut store, KeyCode::Backspace);
    }
    keys(&mut m, &mut store, "fals");
    let Some(Overlay::Search(search)) = &m.overlay else {
        panic!()
    };
    let found: Vec<&str> = search
        .matches
        .iter()
        .map(|&i| search.items[i].title.as_str())
        .collect();
    assert!(
        !found.is_empty() && found.iter().all(|t| t.to_lowercase().contains("fall")),
        "{found:?}"
    );
}

#[test]
fn filter_narrows_the_board_and_escape_clears_it() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    let all = m.board.total_cards();
    press(&mut m, &mut store, KeyCode::Char('f'));
    press(&mut m, &mut store, KeyCode::Tab);
    press(&mut m, &mut store, KeyCode::Tab);
    press(&mut m, &mut store, KeyCode::Tab);
    // The status is picked, never typed: letters jump to an option, nothing else goes in.
    keys(&mut m, &mut store, "x");
    assert!(
        matches!(&m.overlay, Some(Overlay::Form(f)) if f.fields[3].value().is_empty()),
        "a letter no status starts with picked one"
    );
    keys(&mut m, &mut store, "o");
    assert!(
        matches!(&m.overlay, Some(Overlay::Form(f)) if f.fields[3].value() == "on_hold"),
        "o did not pick on hold"
    );
    ctrl(&mut m, &mut store, 's');
    let held = m.board.total_cards();
    assert!(held > 0 && held < all, "{held} of {all}");
    assert!(
        m.board
            .columns
            .iter()
            .flat_map(|c| &c.cards)
            .all(|c| c.status == qiboard::domain::Status::OnHold)
    );
    press(&mut m, &mut store, KeyCode::Esc);
    assert_eq!(m.board.total_cards(), all);
}

#[test]
fn status_choice_and_delete_confirmation() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    let card = m.board.selected().unwrap().reference;
    press(&mut m, &mut store, KeyCode::Char('S'));
    keys(&mut m, &mut store, "2");
    assert_eq!(
        store.project_detail(card).unwrap().project.status,
        qiboard::domain::Status::OnHold
    );
    press(&mut m, &mut store, KeyCode::Char('d'));
    keys(&mut m, &mut store, "n");
    assert!(store.project_detail(card).is_ok(), "n deleted the project");
    press(&mut m, &mut store, KeyCode::Char('d'));
    keys(&mut m, &mut store, "y");
    assert!(store.project_detail(card).is_err());
    press(&mut m, &mut store, KeyCode::Char('u'));
    assert!(
        store.project_detail(card).is_ok(),
        "undo did not bring it back"
    );
}

#[test]
fn a_change_by_another_process_shows_without_a_key_press() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.sqlite3");
    let clock = qiboard::clock::Clock::system();
    let mut app_store = Store::open(&path, clock).unwrap();
    let mut m = model(&app_store, (120, 40));
    assert_eq!(m.board.total_cards(), 0);
    let mut script = Store::open(&path, clock).unwrap();
    script
        .add_project(&qiboard::store::NewProject {
            title: "From the CLI".into(),
            ..Default::default()
        })
        .unwrap();
    m.tick(&mut app_store);
    assert_eq!(m.board.total_cards(), 1);
    // And a stale write from the app is refused, not applied over the other change.
    let version = m.board.selected().unwrap().version;
    script
        .set_status(ProjectRef(1), qiboard::domain::Status::Stopped, None)
        .unwrap();
    let refused = app_store.set_status(
        ProjectRef(1),
        qiboard::domain::Status::OnHold,
        Some(version),
    );
    assert!(refused.is_err());
    press(&mut m, &mut app_store, KeyCode::Char('S'));
    keys(&mut m, &mut app_store, "2");
    let status = m.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Error, "{}", status.text);
    assert!(status.text.contains("changed elsewhere"), "{}", status.text);
}

#[test]
fn the_palette_runs_what_it_lists() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    press(&mut m, &mut store, KeyCode::Char(':'));
    keys(&mut m, &mut store, "metrics");
    press(&mut m, &mut store, KeyCode::Enter);
    assert_eq!(m.pane, Pane::Metrics);
    assert!(m.metrics.is_some());
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    press(&mut m, &mut store, KeyCode::Char('q'));
    assert!(m.quit);
    let mut m = model(&store, (120, 40));
    press(&mut m, &mut store, KeyCode::Char('?'));
    ctrl(&mut m, &mut store, 'c');
    assert!(m.quit, "Ctrl-c did not quit from an overlay");
}

#[test]
fn metrics_icon_counts_open_the_projects_behind_them() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    press(&mut m, &mut store, KeyCode::Char('3'));
    press(&mut m, &mut store, KeyCode::Char('l'));
    press(&mut m, &mut store, KeyCode::Enter);
    let view = m.metrics.as_ref().unwrap();
    let improving = view.icons.improvement;
    assert!(improving > 0, "the demo has measures with real signals");
    assert_eq!(view.list.len(), improving);
    let first = view.list[0].0;
    press(&mut m, &mut store, KeyCode::Enter);
    assert_eq!(m.pane, Pane::Detail);
    let detail = m.detail.as_ref().unwrap();
    assert_eq!(detail.reference(), first);
    assert_eq!(detail.section, qiboard::app::Section::Measures);
    let analysis = detail
        .analysis
        .as_ref()
        .expect("a chart for the main measure");
    assert!(
        analysis.variation.badge().starts_with("[I"),
        "{:?}",
        analysis.variation
    );
}

#[test]
fn m_marks_the_selected_measure_as_main_and_the_card_follows() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    // Find a project with two measures and open it at its measures.
    let reference = store
        .list_projects(&Default::default())
        .unwrap()
        .into_iter()
        .map(|p| p.reference)
        .find(|r| store.measures(*r).unwrap().len() >= 2)
        .expect("a demo project with two measures");
    press(&mut m, &mut store, KeyCode::Char('/'));
    keys(&mut m, &mut store, &reference.to_string());
    press(&mut m, &mut store, KeyCode::Enter);
    press(&mut m, &mut store, KeyCode::Enter);
    while m.detail.as_ref().unwrap().section != qiboard::app::Section::Measures {
        press(&mut m, &mut store, KeyCode::Char('l'));
    }
    let main_before = store.main_measure(reference).unwrap();
    let measures = store.measures(reference).unwrap();
    let other = measures
        .iter()
        .position(|x| Some(&x.name) != main_before.as_ref())
        .unwrap();
    for _ in 0..other {
        press(&mut m, &mut store, KeyCode::Char('j'));
    }
    press(&mut m, &mut store, KeyCode::Char('m'));
    assert_eq!(
        store.main_measure(reference).unwrap(),
        Some(measures[other].name.clone())
    );
    assert_eq!(
        m.detail.as_ref().unwrap().main,
        Some(measures[other].name.clone())
    );
    press(&mut m, &mut store, KeyCode::Char('u'));
    assert_eq!(store.main_measure(reference).unwrap(), main_before);
}

#[test]
fn a_worksheet_changed_elsewhere_meanwhile_is_not_overwritten() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    keys(&mut m, &mut store, "llll");
    press(&mut m, &mut store, KeyCode::Enter);
    while m.detail.as_ref().unwrap().section != qiboard::app::Section::Pdsa {
        press(&mut m, &mut store, KeyCode::Char('l'));
    }
    let d = m.detail.as_ref().unwrap();
    let (reference, number) = (d.reference(), d.detail.pdsa_cycles[0].number);
    press(&mut m, &mut store, KeyCode::Enter);
    assert!(
        matches!(m.overlay, Some(Overlay::Form(_))),
        "Enter did not open the worksheet"
    );
    // Someone else records the study while the form is open.
    store
        .edit_pdsa(
            reference,
            number,
            &[qiboard::store::PdsaField::Study("from the CLI".into())],
            None,
        )
        .unwrap();
    keys(&mut m, &mut store, " and more");
    ctrl(&mut m, &mut store, 's');
    match &m.overlay {
        Some(Overlay::Form(form)) => {
            let error = form.error.clone().unwrap_or_default();
            assert!(error.contains("changed elsewhere"), "{error}");
        }
        _ => panic!("the stale worksheet was saved"),
    }
    let cycle = store
        .pdsa_cycles(reference)
        .unwrap()
        .into_iter()
        .find(|c| c.number == number)
        .unwrap();
    assert_eq!(cycle.study, "from the CLI");
    // Told, the coach saves again: their change lands, the other change stays.
    ctrl(&mut m, &mut store, 's');
    assert!(m.overlay.is_none(), "the second save was refused too");
    let cycle = store
        .pdsa_cycles(reference)
        .unwrap()
        .into_iter()
        .find(|c| c.number == number)
        .unwrap();
    assert_eq!(cycle.study, "from the CLI");
    assert!(
        cycle.predictions.ends_with(" and more"),
        "{}",
        cycle.predictions
    );
}

#[test]
fn b_rebases_the_chart_at_the_point_chosen_with_brackets() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    keys(&mut m, &mut store, "llll");
    press(&mut m, &mut store, KeyCode::Enter);
    while m.detail.as_ref().unwrap().section != qiboard::app::Section::Measures {
        press(&mut m, &mut store, KeyCode::Char('l'));
    }
    let (reference, measure, points) = {
        let d = m.detail.as_ref().unwrap();
        let (name, points) = d.points.clone().unwrap();
        (d.reference(), name, points)
    };
    keys(&mut m, &mut store, "[[");
    let chosen = points[points.len() - 3].date;
    assert!(
        m.status
            .clone()
            .unwrap()
            .text
            .starts_with(&chosen.to_string())
    );
    press(&mut m, &mut store, KeyCode::Char('b'));
    // The form opens on the reason: the date comes from the chosen point.
    keys(&mut m, &mut store, "new triage model");
    ctrl(&mut m, &mut store, 's');
    assert!(m.overlay.is_none(), "the rebase form did not save");
    let rebases = &store
        .measures(reference)
        .unwrap()
        .into_iter()
        .find(|x| x.name == measure)
        .unwrap()
        .rebases;
    assert!(
        rebases
            .iter()
            .any(|r| r.date == chosen && r.reason == "new triage model"),
        "{rebases:?}"
    );
}

#[test]
fn space_marks_a_gateway_item_met_and_u_undoes_it() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    let reference = m.board.selected().unwrap().reference;
    press(&mut m, &mut store, KeyCode::Enter);
    press(&mut m, &mut store, KeyCode::Char('l'));
    assert_eq!(
        m.detail.as_ref().unwrap().section,
        qiboard::app::Section::Gateway
    );
    // The first item the data does not answer is a tick box.
    let gateway = store.project_detail(reference).unwrap().gateway;
    let i = gateway.iter().position(|g| g.from_data.is_none()).unwrap();
    for _ in 0..i {
        press(&mut m, &mut store, KeyCode::Char('j'));
    }
    let before = gateway[i].met;
    press(&mut m, &mut store, KeyCode::Char(' '));
    assert_eq!(
        store.project_detail(reference).unwrap().gateway[i].met,
        !before
    );
    assert_eq!(
        m.detail.as_ref().unwrap().detail.gateway[i].met,
        !before,
        "the view did not follow"
    );
    press(&mut m, &mut store, KeyCode::Char('u'));
    assert_eq!(
        store.project_detail(reference).unwrap().gateway[i].met,
        before
    );
}

#[test]
fn gateway_items_the_data_answers_are_not_ticked_and_never_contradict_it() {
    let mut store = demo_store();
    // A project in Pilot with decided and adopted cycles.
    let reference = store
        .list_projects(&Default::default())
        .unwrap()
        .into_iter()
        .find(|p| {
            p.stage == "Pilot and implement"
                && store
                    .pdsa_cycles(p.reference)
                    .unwrap()
                    .iter()
                    .any(|c| c.act == Some(qiboard::domain::ActDecision::Adopt))
        })
        .expect("a pilot project with an adopted change")
        .reference;
    let gateway = store.project_detail(reference).unwrap().gateway;
    let run = gateway
        .iter()
        .find(|g| g.item == "PDSA cycles run")
        .unwrap();
    assert!(run.met, "{run:?}");
    assert!(
        run.from_data
            .as_deref()
            .unwrap()
            .contains("PDSA cycles decided"),
        "{run:?}"
    );
    // Moving on warns about nothing the data answers.
    let outcome = store.move_project(reference, "sustain", None).unwrap();
    assert!(outcome.unmet_gateway().is_empty(), "{outcome:?}");
    store.undo().unwrap();
    // Space on such an item says why it is not a tick box.
    let mut m = model(&store, (120, 40));
    assert!(m.board.select(reference));
    press(&mut m, &mut store, KeyCode::Enter);
    press(&mut m, &mut store, KeyCode::Char('l'));
    press(&mut m, &mut store, KeyCode::Char(' '));
    let status = m.status.clone().unwrap();
    assert_eq!(status.kind, StatusKind::Refused);
    assert!(
        status.text.contains("answered from the data"),
        "{}",
        status.text
    );
}

#[test]
fn two_windows_editing_one_charter_lose_nothing_unseen() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    let reference = m.board.selected().unwrap().reference;
    press(&mut m, &mut store, KeyCode::Char('e'));
    // Meanwhile, another window changes the aim and the risks.
    store
        .edit_project(
            reference,
            &[
                (qiboard::domain::CharterField::Aim, "their aim".into()),
                (qiboard::domain::CharterField::Risks, "their risks".into()),
            ],
            None,
        )
        .unwrap();
    // This window changes the aim too (Tab to Aim, add text).
    press(&mut m, &mut store, KeyCode::Tab);
    keys(&mut m, &mut store, " + mine");
    ctrl(&mut m, &mut store, 's');
    let form = match &m.overlay {
        Some(Overlay::Form(form)) => form,
        _ => panic!("a stale charter was saved"),
    };
    let aim_error = form.fields[1].error.clone().unwrap_or_default();
    assert!(
        aim_error.contains("their aim"),
        "the other aim is not shown: {aim_error}"
    );
    let risks = form
        .fields
        .iter()
        .find(|f| f.label == "Risks")
        .unwrap()
        .value();
    assert_eq!(
        risks, "their risks",
        "an untouched field did not take the new value"
    );
    ctrl(&mut m, &mut store, 's');
    assert!(m.overlay.is_none());
    let p = store.project_detail(reference).unwrap().project;
    assert!(p.aim.ends_with(" + mine"), "{}", p.aim);
    assert_eq!(p.risks, "their risks");
}

/// A project deleted from the command line while the coach has it open: the next tick
/// closes Detail quietly (no error on the status line) and the board no longer shows it.
#[test]
fn a_project_deleted_elsewhere_closes_its_detail_without_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.sqlite3");
    let clock = qiboard::clock::Clock::system();
    let mut app_store = Store::open(&path, clock).unwrap();
    for title in ["Kept", "Deleted from the CLI"] {
        app_store
            .add_project(&qiboard::store::NewProject {
                title: title.into(),
                ..Default::default()
            })
            .unwrap();
    }
    let mut m = model(&app_store, (120, 40));
    press(&mut m, &mut app_store, KeyCode::Char('j'));
    press(&mut m, &mut app_store, KeyCode::Enter);
    assert_eq!(m.detail.as_ref().unwrap().reference(), ProjectRef(2));
    let mut script = Store::open(&path, clock).unwrap();
    script.delete_project(ProjectRef(2), None).unwrap();
    m.tick(&mut app_store);
    assert!(m.detail.is_none(), "Detail still shows a deleted project");
    assert!(
        m.status
            .as_ref()
            .is_none_or(|s| s.kind != StatusKind::Error),
        "{:?}",
        m.status.as_ref().map(|s| &s.text)
    );
    assert_eq!(m.board.total_cards(), 1);
}

/// `shift-tab` in config.toml is the key terminals report as BackTab with SHIFT held.
#[test]
fn a_shift_tab_binding_from_config_fires() {
    use crossterm::event::{Event, KeyEvent, KeyModifiers};
    let config =
        qiboard::app::Config::parse(Some("[keys]\nshow_metrics = \"shift-tab\"\n"), false).unwrap();
    let mut store = demo_store();
    let mut m = qiboard::app::Model::load(&store, config, (120, 40)).unwrap();
    qiboard::app::handle_event(
        &mut m,
        Event::Key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
        &mut store,
    );
    assert_eq!(m.pane, Pane::Metrics);
}
