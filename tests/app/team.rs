//! The team (issue 13, point 3): a roster with capacity in points or days and days off per sprint;
//! a sprint's capacity can come from it; the planning view shows each person's load; assigning
//! completes from the roster and a new name joins it in the same undo step; `@ana`, `assignee:`,
//! `@me` and "my items"; a rename reaches every record in one step; bad input changes nothing; the
//! team survives save → load byte for byte and a v2 board still loads.

use crate::common;

use cairn::app::{Action, App, Form, Mode, Pane, SprintScreen};
use cairn::commands::sample_board;
use cairn::model::team::Capacity;
use cairn::model::{Board, Edit, Person, SprintId, rules};
use common::keys::press_keys;
use common::screen::screen;
use jiff::civil::{Date, date};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: Date = date(2026, 12, 1);

fn app() -> App {
    App::new(sample_board(TODAY), "b.ron", TODAY)
}

fn form(app: &App) -> &Form {
    match &app.mode {
        Mode::Form(f) => f,
        _ => panic!("a form is open"),
    }
}

fn status(app: &App) -> String {
    app.run
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// Focuses the field labelled `label` and replaces its text with `text` (a choice: picks by
/// typing its first letters).
fn set(app: &mut App, label: &str, text: &str) {
    for _ in 0..=form(app).fields.len() {
        let f = &form(app).fields[form(app).focus];
        if f.id.label() == label {
            if !f.is_choice() {
                let clear = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
                app.update(Action::Type(clear));
            }
            press_keys(app, text);
            return;
        }
        app.update(Action::NextField);
    }
    panic!("the form has no {label} field");
}

fn error(app: &App, label: &str) -> Option<String> {
    form(app)
        .fields
        .iter()
        .find(|f| f.id.label() == label)
        .and_then(|f| f.error.clone())
}

/// The planned sprint the team screen is about (Sprint 24 on the sample board).
fn planned(app: &App) -> SprintId {
    rules::next_planned(&app.doc.board).expect("a planned sprint")
}

fn open_team(app: &mut App) {
    app.update(Action::ShowSprint);
    app.update(Action::Team);
    assert!(matches!(app.sprint.screen, SprintScreen::Team(_)));
}

fn add(app: &mut App, name: &str, handle: &str, points: &str) {
    app.update(Action::AddPerson);
    set(app, "Name", name);
    set(app, "Handle", handle);
    set(app, "Points", points);
    app.update(Action::Confirm);
    assert!(matches!(app.mode, Mode::Normal), "{name} is added");
}

/// Ana (8 points, handle ana) and Léa (10 days × 1.5, handle lea) on the sample board.
fn with_team() -> App {
    let mut a = app();
    open_team(&mut a);
    add(&mut a, "Ana Ribeiro", "ana", "8");
    a.update(Action::AddPerson);
    set(&mut a, "Name", "Léa Moreau");
    set(&mut a, "Handle", "lea");
    set(&mut a, "Capacity in", "d");
    set(&mut a, "Days", "10");
    set(&mut a, "Points a day", "1.5");
    a.update(Action::Confirm);
    a
}

#[test]
fn the_roster_takes_people_days_off_and_gives_the_sprint_its_capacity() {
    let before = app().doc.board;
    let mut a = with_team();
    let s24 = planned(&a);
    let mut ana = Person::new("Ana Ribeiro", Capacity::Points(8));
    ana.handle = "ana".into();
    let mut lea = Person::new(
        "Léa Moreau",
        Capacity::Days {
            days: 10,
            points_per_day: 1.5,
        },
    );
    lea.handle = "lea".into();
    assert_eq!(a.doc.board.team, vec![ana.clone(), lea.clone()]);
    assert_eq!(status(&a), "Add Léa Moreau to the team");

    // Léa (selected: the last added) takes 3 days off in Sprint 24: 7 × 1.5 = 10.5 → 10.
    a.update(Action::DaysOff);
    assert_eq!(form(&a).title, "Days off for Léa Moreau in Sprint 24");
    set(&mut a, "Days off", "3");
    a.update(Action::Confirm);
    lea.days_off.insert(s24, 3);
    assert_eq!(a.doc.board.team[1], lea);
    assert_eq!(status(&a), "Léa Moreau: 3 days off in Sprint 24");
    let own = a.doc.board.sprint(s24).expect("s24").capacity;

    // The sprint takes the team's capacity: 8 + 10.
    a.update(Action::TeamCapacity);
    assert_eq!(
        status(&a),
        "Sprint 24's capacity comes from the team: 18 points"
    );
    assert_eq!(a.doc.board.sprint(s24).expect("s24").capacity, 18);
    assert!(a.doc.board.team_sprints.contains(&s24));

    // A change to the team moves it along, in the same step.
    a.update(Action::Up);
    a.update(Action::Details);
    set(&mut a, "Points", "5");
    a.update(Action::Confirm);
    assert_eq!(status(&a), "Edit Ana Ribeiro");
    assert_eq!(a.doc.board.sprint(s24).expect("s24").capacity, 15);
    a.update(Action::Undo);
    assert_eq!(a.doc.board.sprint(s24).expect("s24").capacity, 18);
    assert_eq!(a.doc.board.team[0], ana);

    // Remove, then undo everything back to the sample board; redo it all again.
    a.update(Action::RemovePerson);
    assert_eq!(a.doc.board.team, vec![lea.clone()]);
    assert_eq!(a.doc.board.sprint(s24).expect("s24").capacity, 10);
    for _ in 0..5 {
        a.update(Action::Undo);
    }
    assert_eq!(a.doc.board.sprint(s24).expect("s24").capacity, own);
    assert!(a.doc.board == before, "undo restores the sample board");
    for _ in 0..5 {
        a.update(Action::Redo);
    }
    assert_eq!(a.doc.board.team, vec![lea]);
    assert_eq!(a.doc.board.sprint(s24).expect("s24").capacity, 10);

    // Esc goes back to the board it came from; from the planning view, back there.
    a.update(Action::Cancel);
    assert!(matches!(a.sprint.screen, SprintScreen::Board));
    a.update(Action::Plan);
    a.update(Action::Team);
    a.update(Action::Cancel);
    assert!(a.sprint.planning());
}

#[test]
fn bad_input_is_marked_beside_its_field_and_changes_nothing() {
    let mut a = with_team();
    let before = a.doc.board.clone();
    a.update(Action::AddPerson);
    for (field, typed, why) in [
        ("Points", "-3", "-3 is outside 0–200 points"),
        ("Points", "500", "500 is outside 0–200 points"),
        ("Points", "lots", "\"lots\" is not a number of points"),
    ] {
        set(&mut a, "Name", "Bo");
        set(&mut a, field, typed);
        a.update(Action::Confirm);
        assert_eq!(error(&a, field).as_deref(), Some(why), "{typed}");
    }
    set(&mut a, "Points", "5");
    set(&mut a, "Capacity in", "d");
    set(&mut a, "Days", "10");
    set(&mut a, "Points a day", "25");
    a.update(Action::Confirm);
    assert_eq!(
        error(&a, "Points a day").as_deref(),
        Some("25 points a day is outside 0.1–20")
    );
    set(&mut a, "Capacity in", "p");
    set(&mut a, "Name", "ana ribeiro");
    a.update(Action::Confirm);
    assert_eq!(
        error(&a, "Name").as_deref(),
        Some("Ana Ribeiro is already on the team")
    );
    set(&mut a, "Name", "");
    a.update(Action::Confirm);
    assert_eq!(error(&a, "Name").as_deref(), Some("the name is empty"));
    set(&mut a, "Name", "Bo");
    set(&mut a, "Handle", "LEA");
    a.update(Action::Confirm);
    assert_eq!(
        error(&a, "Handle").as_deref(),
        Some("\"LEA\" already names Léa Moreau")
    );
    a.update(Action::Cancel);

    // Days off beyond the sprint's working days, or below zero.
    a.update(Action::DaysOff);
    for (typed, why) in [
        (
            "11",
            "11 days off is more than Sprint 24 has (10 working days)",
        ),
        ("-1", "-1 is negative: 0 means no days off"),
    ] {
        set(&mut a, "Days off", typed);
        a.update(Action::Confirm);
        assert_eq!(error(&a, "Days off").as_deref(), Some(why));
    }
    a.update(Action::Cancel);
    assert!(a.doc.board == before, "nothing changed");

    // The model refuses the same on any edit, and a board with them does not load quietly.
    let mut bad = before.team.clone();
    bad[0].capacity = Capacity::Points(1000);
    assert!(
        a.doc
            .board
            .clone()
            .apply(Edit::SetTeam(bad.clone()))
            .is_err()
    );
    let mut board = before.clone();
    board.team = bad;
    board.team[1].days_off.insert(planned(&a), 12);
    board
        .team
        .push(Person::new("ANA RIBEIRO", Capacity::Points(1)));
    let problems: Vec<String> = board.validate().into_iter().map(|p| p.0).collect();
    assert_eq!(
        problems,
        [
            "team member \"Ana Ribeiro\": capacity 1000 is outside 0–200 points a sprint",
            "team member \"Léa Moreau\": 12 days off is more than Sprint 24 has (10 working days)",
            "team: \"ANA RIBEIRO\" is the name or handle of two people",
        ]
    );
}

#[test]
fn assigning_completes_from_the_roster_and_a_new_name_joins_it_in_one_step() {
    let mut a = with_team();
    a.update(Action::Cancel);
    // The selected card on the sprint board.
    let card = a.selected_card().expect("a card");
    let before = a.doc.board.clone();
    a.update(Action::Assign);
    set(&mut a, "Assignee", "lea");
    // A whole handle stands for its person.
    assert_eq!(form(&a).fields[0].value(), "Léa Moreau");
    set(&mut a, "Assignee", "rib");
    assert_eq!(form(&a).fields[0].completion(), Some("Ana Ribeiro"));
    set(&mut a, "Assignee", "anrb");
    assert_eq!(
        form(&a).fields[0].completion(),
        Some("Ana Ribeiro"),
        "letters in order"
    );

    // A new name is asked about; Enter again assigns and adds Bo, and one undo takes both back.
    set(&mut a, "Assignee", "Bo");
    a.update(Action::Confirm);
    assert_eq!(
        error(&a, "Assignee").as_deref(),
        Some("Add Bo to the team? Enter adds them · another name picks someone else")
    );
    assert!(a.doc.board == before, "nothing yet");
    a.update(Action::Confirm);
    assert!(matches!(a.mode, Mode::Normal));
    assert_eq!(a.doc.board.item(card).expect("card").assignee, "Bo");
    assert_eq!(
        a.doc.board.team.last(),
        Some(&Person::new("Bo", Capacity::Points(0)))
    );
    assert_eq!(
        status(&a),
        "Bo joined the team with capacity 0: T then Enter sets it"
    );
    a.update(Action::Undo);
    assert!(a.doc.board == before, "one undo takes both back");
    a.update(Action::Redo);
    assert_eq!(a.doc.board.team.len(), 3);
    assert_eq!(a.doc.board.item(card).expect("card").assignee, "Bo");

    // Someone on the team is not asked about.
    a.update(Action::Assign);
    set(&mut a, "Assignee", "ana");
    a.update(Action::Confirm);
    assert!(matches!(a.mode, Mode::Normal));
    assert_eq!(
        a.doc.board.item(card).expect("card").assignee,
        "Ana Ribeiro"
    );
}

#[test]
fn a_person_filters_by_name_handle_or_me_and_my_items_shows_mine() {
    let mut a = with_team();
    let anas: Vec<_> = a
        .doc
        .board
        .items
        .iter()
        .filter(|i| i.assignee == "Ana Ribeiro")
        .map(|i| i.id)
        .collect();
    assert_eq!(anas.len(), 8);
    let shown = |a: &App| -> Vec<_> {
        a.backlog
            .visible
            .iter()
            .map(|&p| a.doc.board.items[p].id)
            .collect()
    };
    a.update(Action::MyItems);
    assert_eq!(
        status(&a),
        "Who are you? Set me: \"Your name\" in config.ron, then my items shows yours"
    );
    a.me = Some("ana".into());
    a.backlog.show_done = true;
    a.update(Action::MyItems);
    assert_eq!(a.pane, Pane::Backlog);
    assert_eq!(shown(&a), anas);
    assert_eq!(
        status(&a),
        "My items: 8 items assigned to Ana Ribeiro (Esc clears the filter)"
    );
    for typed in ["@ana", "assignee:ana-ribeiro", "me:", "@ribeiro"] {
        a.update(Action::Cancel);
        a.update(Action::Filter);
        assert!(matches!(a.mode, Mode::Filter(_)), "{typed}: {}", status(&a));
        press_keys(&mut a, typed);
        a.update(Action::Confirm);
        assert_eq!(shown(&a), anas, "{typed}");
    }
    // And on the sprint board.
    a.update(Action::ShowSprint);
    a.update(Action::Cancel);
    a.update(Action::Filter);
    press_keys(&mut a, "@lea");
    a.update(Action::Confirm);
    let s = screen(&a, 120, 40);
    assert!(!s.contains("Tomasz") && s.contains("Léa"), "{s}");
}

#[test]
fn a_rename_reaches_every_item_entry_risk_and_note_in_one_step() {
    let mut a = app();
    // Tomasz owns an entry and a risk, and a note names him.
    let mut b = a.doc.board.clone();
    b.timeline[0].owner = "Tomasz Nowak".into();
    b.risks[0].owner = "Tomasz Nowak".into();
    b.stakeholders[0].notes[0].text = "Tomasz Nowak will pair with Tomasz Nowakowski".into();
    b.team = vec![Person::new("Tomasz Nowak", Capacity::Points(8))];
    a = App::new(b, "b.ron", TODAY);
    let before = a.doc.board.clone();
    open_team(&mut a);
    a.update(Action::Details);
    set(&mut a, "Name", "Tomasz Nowak-Lee");
    a.update(Action::Confirm);
    assert_eq!(
        status(&a),
        "Rename Tomasz Nowak to Tomasz Nowak-Lee (15 records changed)"
    );
    let b = &a.doc.board;
    assert_eq!(
        b.items
            .iter()
            .filter(|i| i.assignee == "Tomasz Nowak-Lee")
            .count(),
        12
    );
    assert!(!b.items.iter().any(|i| i.assignee == "Tomasz Nowak"));
    assert_eq!(b.timeline[0].owner, "Tomasz Nowak-Lee");
    assert_eq!(b.risks[0].owner, "Tomasz Nowak-Lee");
    assert_eq!(
        b.stakeholders[0].notes[0].text,
        "Tomasz Nowak-Lee will pair with Tomasz Nowakowski"
    );
    assert_eq!(b.team[0].name, "Tomasz Nowak-Lee");
    a.update(Action::Undo);
    assert!(a.doc.board == before, "one undo");
}

#[test]
fn the_team_survives_save_and_load_byte_for_byte_and_a_v2_board_still_loads() {
    let mut a = with_team();
    a.update(Action::DaysOff);
    set(&mut a, "Days off", "2");
    a.update(Action::Confirm);
    a.update(Action::TeamCapacity);
    let b = &a.doc.board;
    let text = cairn::store::to_ron(b).expect("serialises");
    assert!(text.contains("team: ["), "{text}");
    assert!(text.contains("team_sprints: ["), "{text}");
    let back = cairn::store::from_ron(&text, std::path::Path::new("b.ron")).expect("loads");
    assert_eq!(back, *b);
    assert_eq!(cairn::store::to_ron(&back).expect("serialises"), text);
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("b.ron");
    std::fs::write(&path, &text).expect("writes");
    let read = cairn::store::read(&path).expect("the fast reader loads it");
    assert_eq!(read, *b);

    let v2 = std::path::Path::new("tests/data/board-v2.ron");
    let old: Board = cairn::store::read(v2).expect("a v2 board loads");
    assert!(old.team.is_empty() && old.team_sprints.is_empty());
    // Saved in version 3's layout with no team fields added (the settings suite's golden file).
    let golden = std::fs::read_to_string("tests/data/board-v2-migrated.ron").expect("golden");
    assert_eq!(cairn::store::to_ron(&old).expect("serialises"), golden);
}

fn planning_with_team() -> App {
    let mut a = with_team();
    a.update(Action::DaysOff);
    set(&mut a, "Days off", "3");
    a.update(Action::Confirm);
    a.update(Action::Up);
    a
}

#[test]
fn team_screen_80x24_and_120x40() {
    let a = planning_with_team();
    let s = screen(&a, 80, 24);
    for want in [
        "Team · Sprint 24",
        "The team can take on 18 points in Sprint 24",
        "› Ana Ribeiro",
        "10 d × 1.5",
        "not on team",
    ] {
        assert!(s.contains(want), "{want}:\n{s}");
    }
    insta::assert_snapshot!("team_screen_80x24", s);
    insta::assert_snapshot!("team_screen_120x40", screen(&a, 120, 40));
}

#[test]
fn planning_per_person_80x24_and_120x40() {
    let mut a = planning_with_team();
    a.update(Action::Cancel);
    a.update(Action::Plan);
    assert!(a.sprint.planning());
    let s = screen(&a, 80, 24);
    assert!(s.contains("Team: ana 0/8"), "{s}");
    assert!(s.contains("lea 3/10"), "{s}");
    insta::assert_snapshot!("planning_team_80x24", s);
    insta::assert_snapshot!("planning_team_120x40", screen(&a, 120, 40));
}
