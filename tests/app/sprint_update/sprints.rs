//! Sprints and the workflow through their forms: a new sprint, editing the active one, starting one
//! while another runs, the workflow columns, limits and standup timebox.

use super::*;

#[test]
fn new_sprint_form_follows_the_last_sprint_and_checks_its_dates() {
    let mut app = app();
    let before = app.doc.board.clone();
    let s24 = sprint(&before, SPRINT_24).clone();

    assert_eq!(press(&mut app, 'n'), vec![]);
    assert_eq!(form(&app).kind, FormKind::NewSprint);
    assert_eq!(form(&app).focus, GOAL, "the goal is what to type first");
    assert_eq!(field_value(&app, NAME), "Sprint 25");
    assert_eq!(field_value(&app, GOAL), "");
    let start: Date = field_value(&app, START).parse().expect("a date");
    let end: Date = field_value(&app, END).parse().expect("a date");
    assert_eq!(start, date(2026, 12, 14), "the day after Sprint 24 ends");
    assert_eq!(start, s24.end.tomorrow().expect("a date"));
    assert_eq!(end, date(2026, 12, 27));
    assert_eq!(
        (end - start).get_days() + 1,
        s24.length_days(),
        "as long as Sprint 24"
    );
    assert_eq!(
        field_value(&app, CAPACITY),
        "24",
        "the average velocity of the last three sprints, 22, 23 and 27"
    );

    // A day that does not exist.
    replace_field(&mut app, START, "2026-02-30");
    assert_eq!(app.update(Action::Confirm), vec![]);
    assert!(matches!(app.mode, Mode::Form(_)), "the form stays open");
    assert_eq!(
        field_error(&app, START),
        Some("\"2026-02-30\" is not a date (YYYY-MM-DD, today, or +3d / -1w from today)")
    );
    assert_eq!(field_error(&app, END), None);
    assert_eq!(form(&app).focus, START, "the focus goes to the bad field");
    assert!(app.doc.board == before);

    // An end before the start.
    replace_field(&mut app, START, "2026-12-14");
    replace_field(&mut app, END, "2026-12-01");
    assert_eq!(app.update(Action::Confirm), vec![]);
    assert!(matches!(app.mode, Mode::Form(_)), "the form stays open");
    assert_eq!(field_error(&app, START), None);
    assert_eq!(
        field_error(&app, END),
        Some("ends 2026-12-01, before it starts 2026-12-14")
    );
    assert_eq!(form(&app).focus, END);
    assert!(app.doc.board == before);

    // Relative dates, as in every form: an end of +2w counts from the start, and a day past the
    // calendar's end is a message beside the field, not a crash.
    replace_field(&mut app, END, "+8000000d");
    assert_eq!(app.update(Action::Confirm), vec![]);
    assert!(field_error(&app, END).is_some_and(|e| e.contains("+8000000d")));
    replace_field(&mut app, END, "+13d");
    replace_field(&mut app, GOAL, "Beta to 25% of traffic");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    assert!(matches!(app.mode, Mode::Normal), "the form closed");
    assert_eq!(status(&app), "Plan Sprint 25 (2026-12-14 – 2026-12-27)");

    assert_eq!(app.doc.board.sprints.len(), before.sprints.len() + 1);
    let new = app.doc.board.sprints.last().expect("the new sprint");
    assert_eq!(new.id, SprintId(8), "the next sprint id");
    assert_eq!(new.name, "Sprint 25");
    assert_eq!(new.goal, "Beta to 25% of traffic");
    assert_eq!((new.start, new.end), (start, end));
    assert_eq!(new.capacity, 24);
    assert_eq!(new.state, SprintState::Planned);
    assert_eq!((new.committed, new.completed), (None, None));
    assert!(new.remaining.is_empty());
    assert_eq!(app.doc.board.counters.sprint, 9);
    assert_eq!(
        app.doc.board.active_sprint().map(|s| s.id),
        Some(SPRINT_23),
        "planning starts nothing"
    );
    assert_eq!(
        rules::next_planned(&app.doc.board),
        Some(SPRINT_24),
        "Sprint 24 still starts first"
    );
    assert_eq!(app.doc.board.validate(), vec![]);

    assert_eq!(
        sprint(&app.doc.board, SPRINT_23).remaining.get(&TODAY),
        Some(&18),
        "today's burndown point came with it"
    );
    undo_to(
        &mut app,
        &before,
        "Plan Sprint 25 (2026-12-14 – 2026-12-27)",
    );
}

#[test]
fn new_sprint_form_with_an_empty_name_or_a_bad_capacity_is_refused() {
    let mut app = app();
    let before = app.doc.board.clone();
    app.update(Action::NewSprint);
    replace_field(&mut app, NAME, "");
    replace_field(&mut app, CAPACITY, "lots");
    assert_eq!(app.update(Action::Confirm), vec![]);
    assert_eq!(field_error(&app, NAME), Some("a sprint needs a name"));
    assert_eq!(
        field_error(&app, CAPACITY),
        Some("\"lots\" is not a number of points")
    );
    assert_eq!(form(&app).focus, NAME, "the first bad field");
    assert!(app.doc.board == before);
    assert_eq!(app.update(Action::Cancel), vec![]);
    assert!(matches!(app.mode, Mode::Normal));
    assert!(app.doc.board == before);
}

#[test]
fn start_sprint_while_one_is_active_is_refused() {
    let mut app = app();
    let before = app.doc.board.clone();
    assert_eq!(press(&mut app, 't'), vec![]);
    assert!(status_is_error(&app));
    assert_eq!(
        status(&app),
        "sprint \"Sprint 23\" is already active: close it first"
    );
    assert!(app.doc.board == before);
    assert!(!app.doc.history.can_undo());
}

/// e edits the active sprint in the same form as a new one; its state and record stay.
#[test]
fn edit_sprint_changes_goal_and_capacity_and_keeps_it_active() {
    let mut app = app();
    let active = app.doc.board.active_sprint().expect("Sprint 23").clone();
    press(&mut app, 'e');
    assert!(matches!(app.mode, Mode::Form(_)));
    // The focus starts on Goal: replace it, then the capacity.
    for _ in 0..80 {
        app.update(Action::Type(key_event(KeyCode::Backspace)));
    }
    type_text(&mut app, "Refunds and wallets ready for the beta");
    for _ in 0..3 {
        app.update(Action::NextField);
    }
    for _ in 0..5 {
        app.update(Action::Type(key_event(KeyCode::Backspace)));
    }
    type_text(&mut app, "30");
    app.update(Action::Confirm);
    let s = app.doc.board.active_sprint().expect("still active");
    assert_eq!(
        (s.goal.as_str(), s.capacity),
        ("Refunds and wallets ready for the beta", 30)
    );
    // Its record stays; the change only adds today's burndown point.
    assert_eq!(s.committed, active.committed);
    let earlier: std::collections::BTreeMap<Date, u32> =
        s.remaining.range(..TODAY).map(|(d, v)| (*d, *v)).collect();
    assert_eq!(earlier, active.remaining);
    assert!(
        status(&app).starts_with("Edit Sprint 23"),
        "{}",
        status(&app)
    );
}

/// W edits the workflow in a form: a renamed column takes its cards, a WIP limit changes, and the
/// full-column policy switches to warn; a column that still holds cards cannot be dropped; undo.
#[test]
fn workflow_form_renames_columns_and_limits() {
    let mut app = app();
    let before = app.doc.board.clone();
    press(&mut app, 'W');
    assert!(matches!(app.mode, Mode::Form(_)));
    // Select all of the Columns field and type the new workflow.
    for _ in 0..60 {
        app.update(Action::Type(key_event(KeyCode::Backspace)));
    }
    type_text(&mut app, "Ready, Doing 4, In review 2, Done");
    app.update(Action::NextField);
    for _ in 0..10 {
        app.update(Action::Type(key_event(KeyCode::Backspace)));
    }
    type_text(&mut app, "warn");
    app.update(Action::Confirm);
    assert!(matches!(app.mode, Mode::Normal), "saved");
    let names: Vec<&str> = app
        .doc
        .board
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, vec!["Ready", "Doing", "In review", "Done"]);
    assert_eq!(app.doc.board.columns[1].wip_limit, Some(4));
    assert_eq!(
        app.doc.board.settings.wip_policy,
        cairn::model::WipPolicy::Warn
    );
    assert_eq!(
        item(&app, "CRN-21").status,
        "In review",
        "Review's cards follow the rename"
    );
    assert!(app.doc.board.validate().is_empty());
    app.update(Action::Undo);
    assert_eq!(app.doc.board, before);

    press(&mut app, 'W');
    for _ in 0..60 {
        app.update(Action::Type(key_event(KeyCode::Backspace)));
    }
    type_text(&mut app, "Doing, Done");
    app.update(Action::Confirm);
    assert!(
        matches!(app.mode, Mode::Form(_)),
        "refused: To do and Review hold cards"
    );
    assert_eq!(app.doc.board, before);
}

/// The workflow form also sets the standup timebox; a nonsense value is refused beside the field.
#[test]
fn workflow_form_sets_the_standup_minutes() {
    let mut app = app();
    press(&mut app, 'W');
    app.update(Action::NextField);
    app.update(Action::NextField);
    for _ in 0..5 {
        app.update(Action::Type(key_event(KeyCode::Backspace)));
    }
    type_text(&mut app, "abc");
    app.update(Action::Confirm);
    assert!(matches!(app.mode, Mode::Form(_)), "refused");
    for _ in 0..5 {
        app.update(Action::Type(key_event(KeyCode::Backspace)));
    }
    type_text(&mut app, "10");
    app.update(Action::Confirm);
    assert_eq!(app.doc.board.settings.standup_minutes, 10);
}
