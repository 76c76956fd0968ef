//! What a coach adds, corrects and deletes on a project from Detail, by key script through
//! the app's own event path: measures, drivers and ideas, benefits, team and notes. Each
//! form opens on its first typed field with defaults, so a name and Ctrl-s saves.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "a test or a bench fails by panicking"
)]

mod app_support;

use app_support::{ctrl, demo_store, keys, model, press, screen};
use crossterm::event::KeyCode;
use qiboard::app::{Action, Model, Overlay, Section, update};
use qiboard::domain::{Direction, DriverLevel, MeasureKind, ProjectRef, Role};
use qiboard::store::Store;

/// Opens a project with measures, data and drivers in Detail and walks to `section`.
fn detail_at(store: &mut Store, section: Section, size: (u16, u16)) -> (Model, ProjectRef) {
    let mut m = model(store, size);
    let reference = store
        .list_projects(&Default::default())
        .unwrap()
        .into_iter()
        .map(|p| p.reference)
        .find(|r| {
            let d = store.project_detail(*r).unwrap();
            d.measures.iter().any(|x| x.points > 3) && d.drivers.len() > 1
        })
        .expect("the demo has a project with data and a driver diagram");
    assert!(m.board.select(reference));
    press(&mut m, store, KeyCode::Enter);
    while m.detail.as_ref().unwrap().section != section {
        press(&mut m, store, KeyCode::Char('l'));
    }
    (m, reference)
}

fn open_form_title(m: &Model) -> String {
    match &m.overlay {
        Some(Overlay::Form(f)) => f.title.clone(),
        other => panic!("no form open: {}", other.is_some()),
    }
}

#[test]
fn a_measure_is_added_with_its_name_alone_as_an_outcome_that_should_increase() {
    let mut store = demo_store();
    let (mut m, reference) = detail_at(&mut store, Section::Measures, (120, 40));
    let before = store.measures(reference).unwrap().len();
    press(&mut m, &mut store, KeyCode::Char('a'));
    assert!(
        open_form_title(&m).starts_with("Add a measure"),
        "{}",
        screen(&m)
    );
    keys(&mut m, &mut store, "Patients seen within 15 minutes");
    ctrl(&mut m, &mut store, 's');
    assert!(m.overlay.is_none(), "{}", screen(&m));
    let measures = store.measures(reference).unwrap();
    assert_eq!(measures.len(), before + 1);
    let added = measures
        .iter()
        .find(|x| x.name == "Patients seen within 15 minutes")
        .unwrap();
    assert_eq!(added.kind, MeasureKind::Outcome);
    assert_eq!(added.direction, Direction::Increase);
    assert!(screen(&m).contains("added to"), "{}", screen(&m));
}

#[test]
fn a_measures_kind_and_direction_are_picked_not_typed_and_edit_changes_them() {
    let mut store = demo_store();
    let (mut m, reference) = detail_at(&mut store, Section::Measures, (120, 40));
    let name = m
        .detail
        .as_ref()
        .unwrap()
        .shown_measure()
        .unwrap()
        .name
        .clone();
    press(&mut m, &mut store, KeyCode::Char('e'));
    assert_eq!(open_form_title(&m), format!("Edit {name}"));
    // To the kind: letters pick, they do not type.
    press(&mut m, &mut store, KeyCode::Tab);
    keys(&mut m, &mut store, "b");
    press(&mut m, &mut store, KeyCode::Tab);
    keys(&mut m, &mut store, "n");
    ctrl(&mut m, &mut store, 's');
    assert!(m.overlay.is_none(), "{}", screen(&m));
    let edited = store
        .measures(reference)
        .unwrap()
        .into_iter()
        .find(|x| x.name == name)
        .unwrap();
    assert_eq!(edited.kind, MeasureKind::Balancing);
    assert_eq!(edited.direction, Direction::Neutral);
}

#[test]
fn deleting_a_measure_asks_first_and_undo_brings_its_data_back() {
    let mut store = demo_store();
    let (mut m, reference) = detail_at(&mut store, Section::Measures, (120, 40));
    let name = m
        .detail
        .as_ref()
        .unwrap()
        .shown_measure()
        .unwrap()
        .name
        .clone();
    let points = store.data_points(reference, &name).unwrap().len();
    press(&mut m, &mut store, KeyCode::Char('d'));
    let text = screen(&m);
    assert!(text.contains(&format!("the measure \"{name}\"")), "{text}");
    assert!(text.contains("Its data"), "{text}");
    press(&mut m, &mut store, KeyCode::Char('n'));
    assert!(
        store
            .measures(reference)
            .unwrap()
            .iter()
            .any(|x| x.name == name)
    );
    press(&mut m, &mut store, KeyCode::Char('d'));
    press(&mut m, &mut store, KeyCode::Char('y'));
    assert!(
        !store
            .measures(reference)
            .unwrap()
            .iter()
            .any(|x| x.name == name)
    );
    assert!(screen(&m).contains("deleted"), "{}", screen(&m));
    press(&mut m, &mut store, KeyCode::Char('u'));
    assert_eq!(store.data_points(reference, &name).unwrap().len(), points);
}

#[test]
fn drivers_default_to_primary_a_secondary_needs_its_primary_and_ideas_hang_under_them() {
    let mut store = demo_store();
    let (mut m, reference) = detail_at(&mut store, Section::Drivers, (120, 40));
    press(&mut m, &mut store, KeyCode::Char('a'));
    keys(&mut m, &mut store, "Reliable handover");
    ctrl(&mut m, &mut store, 's');
    assert!(m.overlay.is_none(), "{}", screen(&m));
    let detail = store.project_detail(reference).unwrap();
    let added = detail
        .drivers
        .iter()
        .find(|d| d.text == "Reliable handover")
        .unwrap();
    assert_eq!(added.level, DriverLevel::Primary);

    // A secondary without its primary is refused beside the field, nothing written.
    press(&mut m, &mut store, KeyCode::Char('a'));
    keys(&mut m, &mut store, "SBAR at every shift change");
    press(&mut m, &mut store, KeyCode::Tab);
    press(&mut m, &mut store, KeyCode::Right);
    ctrl(&mut m, &mut store, 's');
    assert!(
        screen(&m).contains("hangs under a primary"),
        "{}",
        screen(&m)
    );
    // The refusal moved to the field; the primary is found as it is typed, Tab takes it.
    keys(&mut m, &mut store, "reliab");
    assert!(
        screen(&m).contains("takes Reliable handover"),
        "{}",
        screen(&m)
    );
    press(&mut m, &mut store, KeyCode::Tab);
    ctrl(&mut m, &mut store, 's');
    assert!(m.overlay.is_none(), "{}", screen(&m));
    let detail = store.project_detail(reference).unwrap();
    let secondary = detail
        .drivers
        .iter()
        .find(|d| d.text == "SBAR at every shift change")
        .unwrap();
    assert_eq!(secondary.parent_id, Some(added.id));

    press(&mut m, &mut store, KeyCode::Char('i'));
    keys(&mut m, &mut store, "Handover card");
    press(&mut m, &mut store, KeyCode::Tab);
    keys(&mut m, &mut store, "SBAR at every shift change");
    ctrl(&mut m, &mut store, 's');
    let detail = store.project_detail(reference).unwrap();
    let idea = detail
        .change_ideas
        .iter()
        .find(|c| c.title == "Handover card")
        .unwrap();
    assert_eq!(idea.driver_ids, vec![secondary.id]);
}

#[test]
fn the_selected_driver_or_idea_is_renamed_and_deleted() {
    let mut store = demo_store();
    let (mut m, reference) = detail_at(&mut store, Section::Drivers, (120, 40));
    // The first row is the aim: nothing to rename there.
    update(&mut m, Action::RenameDriverOrIdea, &mut store);
    assert!(m.overlay.is_none());
    press(&mut m, &mut store, KeyCode::Char('j'));
    let item = m.detail.as_ref().unwrap().selected_driver_item().unwrap();
    let qiboard::app::DriverItem::Driver(name) = item else {
        panic!("the row under the aim is a primary driver")
    };
    press(&mut m, &mut store, KeyCode::Char('e'));
    for _ in 0..name.chars().count() {
        press(&mut m, &mut store, KeyCode::Backspace);
    }
    keys(&mut m, &mut store, "Renamed driver");
    ctrl(&mut m, &mut store, 's');
    let detail = store.project_detail(reference).unwrap();
    assert!(detail.drivers.iter().any(|d| d.text == "Renamed driver"));
    assert!(!detail.drivers.iter().any(|d| d.text == name));
    press(&mut m, &mut store, KeyCode::Char('d'));
    assert!(
        screen(&m).contains("the driver \"Renamed driver\""),
        "{}",
        screen(&m)
    );
    press(&mut m, &mut store, KeyCode::Char('y'));
    let detail = store.project_detail(reference).unwrap();
    assert!(!detail.drivers.iter().any(|d| d.text == "Renamed driver"));
}

#[test]
fn a_benefit_is_claimed_today_by_default_and_edited_and_deleted() {
    let mut store = demo_store();
    let (mut m, reference) = detail_at(&mut store, Section::Benefits, (120, 40));
    let before = store.project_detail(reference).unwrap().benefits.len();
    press(&mut m, &mut store, KeyCode::Char('a'));
    keys(&mut m, &mut store, "abc");
    ctrl(&mut m, &mut store, 's');
    assert!(
        matches!(&m.overlay, Some(Overlay::Form(f)) if f.fields[0].error.is_some()),
        "a non-number amount was accepted"
    );
    for _ in 0..3 {
        press(&mut m, &mut store, KeyCode::Backspace);
    }
    keys(&mut m, &mut store, "120");
    press(&mut m, &mut store, KeyCode::Tab);
    keys(&mut m, &mut store, "hours a year");
    ctrl(&mut m, &mut store, 's');
    assert!(m.overlay.is_none(), "{}", screen(&m));
    let benefits = store.project_detail(reference).unwrap().benefits;
    assert_eq!(benefits.len(), before + 1);
    let added = benefits.iter().find(|b| b.unit == "hours a year").unwrap();
    assert_eq!(added.amount, 120.0);
    assert_eq!(added.claimed_date, m.today);
    assert_eq!(added.kind, qiboard::domain::BenefitKind::TimeReleased);

    let number = benefits
        .iter()
        .position(|b| b.unit == "hours a year")
        .unwrap();
    m.detail.as_mut().unwrap().selected = number;
    press(&mut m, &mut store, KeyCode::Char('e'));
    for _ in 0..3 {
        press(&mut m, &mut store, KeyCode::Backspace);
    }
    keys(&mut m, &mut store, "150");
    ctrl(&mut m, &mut store, 's');
    let benefits = store.project_detail(reference).unwrap().benefits;
    assert!(
        benefits
            .iter()
            .any(|b| b.amount == 150.0 && b.unit == "hours a year")
    );
    press(&mut m, &mut store, KeyCode::Char('d'));
    press(&mut m, &mut store, KeyCode::Char('y'));
    assert_eq!(
        store.project_detail(reference).unwrap().benefits.len(),
        before
    );
}

#[test]
fn team_members_are_picked_from_the_portfolios_people_or_typed_new() {
    let mut store = demo_store();
    let (mut m, reference) = detail_at(&mut store, Section::Team, (120, 40));
    let someone = store
        .people()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .find(|n| {
            !store
                .project_detail(reference)
                .unwrap()
                .team
                .iter()
                .any(|t| &t.person.name == n)
        })
        .unwrap();
    let first_word: String = someone.split(' ').next().unwrap().to_string();
    press(&mut m, &mut store, KeyCode::Char('a'));
    keys(&mut m, &mut store, &first_word);
    press(&mut m, &mut store, KeyCode::Tab);
    let Some(Overlay::Form(form)) = &m.overlay else {
        panic!()
    };
    let taken = form.fields[0].value();
    assert!(
        store.people().unwrap().iter().any(|p| p.name == taken),
        "Tab took {taken:?}, not a person"
    );
    ctrl(&mut m, &mut store, 's');
    let team = store.project_detail(reference).unwrap().team;
    assert!(
        team.iter()
            .any(|t| t.person.name == taken && t.role == Role::Member)
    );

    // A new name is added; the coach's form has the coach chosen.
    press(&mut m, &mut store, KeyCode::Char('C'));
    assert!(open_form_title(&m).starts_with("Set the coach"));
    keys(&mut m, &mut store, "Dr Nadia Okafor");
    ctrl(&mut m, &mut store, 's');
    let team = store.project_detail(reference).unwrap().team;
    assert!(
        team.iter()
            .any(|t| t.person.name == "Dr Nadia Okafor" && t.role == Role::Coach)
    );

    // Removing asks, then takes the role away.
    let at = team
        .iter()
        .position(|t| t.person.name == "Dr Nadia Okafor")
        .unwrap();
    m.detail.as_mut().unwrap().selected = at;
    press(&mut m, &mut store, KeyCode::Char('d'));
    assert!(
        screen(&m).contains("Dr Nadia Okafor as coach"),
        "{}",
        screen(&m)
    );
    press(&mut m, &mut store, KeyCode::Char('y'));
    let team = store.project_detail(reference).unwrap().team;
    assert!(!team.iter().any(|t| t.person.name == "Dr Nadia Okafor"));
}

#[test]
fn the_selected_note_is_rewritten_and_deleted() {
    let mut store = demo_store();
    let (mut m, reference) = detail_at(&mut store, Section::Notes, (120, 40));
    press(&mut m, &mut store, KeyCode::Char('n'));
    keys(&mut m, &mut store, "Spoke to matron");
    ctrl(&mut m, &mut store, 's');
    // The newest note is selected first.
    let (number, note) = m.detail.as_ref().unwrap().selected_note().unwrap();
    assert_eq!(note.text, "Spoke to matron");
    press(&mut m, &mut store, KeyCode::Char('e'));
    keys(&mut m, &mut store, " and the ward manager");
    ctrl(&mut m, &mut store, 's');
    let notes = store.project_detail(reference).unwrap().notes;
    assert_eq!(
        notes[number - 1].text,
        "Spoke to matron and the ward manager"
    );
    let count = notes.len();
    press(&mut m, &mut store, KeyCode::Char('d'));
    press(&mut m, &mut store, KeyCode::Char('y'));
    assert_eq!(
        store.project_detail(reference).unwrap().notes.len(),
        count - 1
    );
}

#[test]
fn typing_a_description_in_the_palette_ranks_its_action_first() {
    let mut store = demo_store();
    let (mut m, _) = detail_at(&mut store, Section::Charter, (120, 40));
    for action in [
        Action::AddMeasure,
        Action::AddDriver,
        Action::AddChangeIdea,
        Action::AddBenefit,
        Action::AddTeamMember,
        Action::SetLead,
        Action::SetSponsor,
        Action::SetCoach,
        Action::AddNote,
    ] {
        press(&mut m, &mut store, KeyCode::Char(':'));
        keys(&mut m, &mut store, action.description());
        let Some(Overlay::Palette(palette)) = &m.overlay else {
            panic!()
        };
        assert_eq!(
            palette.matches.first(),
            Some(&action),
            "{}",
            action.description()
        );
        press(&mut m, &mut store, KeyCode::Enter);
        assert!(
            matches!(&m.overlay, Some(Overlay::Form(_))),
            "{} opened no form",
            action.description()
        );
        press(&mut m, &mut store, KeyCode::Esc);
    }
}

#[test]
fn a_project_with_no_measure_says_how_to_add_one() {
    let mut store = demo_store();
    let mut m = model(&store, (120, 40));
    update(&mut m, Action::AddProject, &mut store);
    keys(&mut m, &mut store, "Fewer missed doses");
    ctrl(&mut m, &mut store, 's');
    let reference = m.board.selected().unwrap().reference;
    press(&mut m, &mut store, KeyCode::Enter);
    assert_eq!(m.detail.as_ref().unwrap().reference(), reference);
    while m.detail.as_ref().unwrap().section != Section::Measures {
        press(&mut m, &mut store, KeyCode::Char('l'));
    }
    let text = screen(&m);
    assert!(text.contains("a add measure"), "{text}");
    press(&mut m, &mut store, KeyCode::Char('a'));
    keys(&mut m, &mut store, "Missed doses per 1,000");
    ctrl(&mut m, &mut store, 's');
    press(&mut m, &mut store, KeyCode::Char('r'));
    keys(&mut m, &mut store, "12");
    ctrl(&mut m, &mut store, 's');
    let points = store
        .data_points(reference, "Missed doses per 1,000")
        .unwrap();
    assert_eq!(points.len(), 1, "{}", screen(&m));
    assert_eq!(points[0].value, 12.0);
}

#[test]
fn a_measures_values_are_imported_from_a_file_as_one_change() {
    let mut store = demo_store();
    let (mut m, reference) = detail_at(&mut store, Section::Measures, (120, 40));
    let name = m
        .detail
        .as_ref()
        .unwrap()
        .shown_measure()
        .unwrap()
        .name
        .clone();
    let before = store.data_points(reference, &name).unwrap().len();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ward tracker.csv");
    std::fs::write(
        &file,
        "Month,Value\n2030-02-01,5\n2030-01-01,4\n2030-03-01,\n",
    )
    .unwrap();
    press(&mut m, &mut store, KeyCode::Char('i'));
    // The shown measure is filled in; the file is what is left to give.
    keys(&mut m, &mut store, "/no/such/file.csv");
    ctrl(&mut m, &mut store, 's');
    assert!(screen(&m).contains("file.csv"), "{}", screen(&m));
    assert_eq!(store.data_points(reference, &name).unwrap().len(), before);
    for _ in 0.."/no/such/file.csv".len() {
        press(&mut m, &mut store, KeyCode::Backspace);
    }
    // As a terminal pastes a dropped file: quoted.
    keys(&mut m, &mut store, &format!("'{}'", file.display()));
    ctrl(&mut m, &mut store, 's');
    let text = screen(&m);
    assert!(text.contains("2 points added"), "{text}");
    assert!(text.contains("1 empty value skipped"), "{text}");
    assert_eq!(
        store.data_points(reference, &name).unwrap().len(),
        before + 2
    );
    press(&mut m, &mut store, KeyCode::Char('u'));
    assert_eq!(store.data_points(reference, &name).unwrap().len(), before);
}
