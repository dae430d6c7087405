//! Changing entries: dependencies and linked items through the picker, the entry form (add, edit
//! costs), delete and undo, and a read-only board.

use super::*;

#[test]
fn dependencies_through_the_picker_and_a_cycle_is_refused() {
    let mut app = app();
    select(&mut app, HARDENING);
    let before = app.doc.board.clone();
    press(&mut app, 'D');
    assert_eq!(picker(&app).title, "\"Hardening\" depends on");
    assert_eq!(picker(&app).ticked(), 1, "Build is ticked");
    assert!(
        picker(&app).choices.iter().all(|c| c.label != "Hardening"),
        "not itself"
    );
    tick(&mut app, "pci", "PCI DSS assessment");
    assert_eq!(app.doc.board, before, "nothing changes before Enter");
    press_code(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Normal));
    let after = expected(&before, |b| {
        entry_mut(b, HARDENING).depends_on = vec![BUILD, PCI]
    });
    assert!(app.doc.board == after, "Hardening depends on Build and PCI");
    // PCI runs past Hardening's start: the new dependency is broken at once, and the status says so.
    assert_eq!(
        status(&app),
        "\"Hardening\" depends on 2 entries — ✗ it starts 2026-12-07 but \"PCI DSS assessment\" \
         ends 2026-12-18 (> moves it, P pushes dependents)"
    );
    assert!(status_is_error(&app));
    undo_redo(
        &mut app,
        &before,
        &after,
        "\"Hardening\" depends on 2 entries",
    );

    // Discovery cannot depend on Hardening, which needs it through Build.
    select(&mut app, DISCOVERY);
    let board = app.doc.board.clone();
    let changes = app.doc.revision;
    press(&mut app, 'D');
    tick(&mut app, "harden", "Hardening");
    assert_eq!(press_code(&mut app, KeyCode::Enter), vec![]);
    assert!(status_is_error(&app));
    assert_eq!(
        status(&app),
        "\"Discovery\" cannot depend on \"Hardening\": \"Hardening\" already depends on it, directly or through others"
    );
    assert!(app.doc.board == board, "nothing changed");
    assert_eq!(app.doc.revision, changes);
    assert!(matches!(app.mode, Mode::Normal));

    // Esc leaves everything as it was.
    press(&mut app, 'D');
    tick(&mut app, "beta", "Beta");
    press_code(&mut app, KeyCode::Esc);
    assert_eq!(status(&app), "Cancelled: no links changed");
    assert!(app.doc.board == board);
}

#[test]
fn enter_in_a_picker_without_changes_changes_nothing() {
    // The Pilot depends on [Hardening, PCI] in the file; the picker lists PCI first. Beta links
    // ten items in an order that is not the backlog's.
    for (id, key) in [(PILOT, 'D'), (BETA, 'L'), (BUILD, 'D')] {
        let mut app = app();
        select(&mut app, id);
        let before = app.doc.board.clone();
        press(&mut app, key);
        assert!(picker(&app).ticked() > 0);
        assert_eq!(press_code(&mut app, KeyCode::Enter), vec![], "{id} {key}");
        assert_eq!(status(&app), "No changes", "{id} {key}");
        assert!(
            app.doc.board == before,
            "{id} {key}: the board is as it was"
        );
        assert_eq!(app.doc.revision, 0, "{id} {key}: no undo step");
    }
}

#[test]
fn add_an_entry_through_the_form() {
    let mut app = app();
    select(&mut app, BETA);
    let before = app.doc.board.clone();
    press(&mut app, 'a');
    assert!(form(&app).title.starts_with("New timeline entry"));
    // A new entry starts the day after the selected one, for two weeks.
    assert_eq!(field_value(&app, START), "2026-12-15");
    assert_eq!(field_value(&app, END), "2026-12-28");
    assert_eq!(field_value(&app, KIND), "phase");
    type_text(&mut app, "Load test");
    replace_field(&mut app, START, "2026-02-30");
    replace_field(&mut app, END, "+2w");
    assert_eq!(press_code(&mut app, KeyCode::Enter), vec![]);
    let err = field_error(&app, START).expect("an error beside Start");
    assert!(err.contains("\"2026-02-30\" is not a date"), "{err}");
    assert_eq!(field_error(&app, NAME), None);
    assert_eq!(
        form(&app).focus,
        START,
        "the cursor goes to the wrong field"
    );
    assert!(app.doc.board == before, "nothing changed");
    let s = screen(&app, 100, 30);
    assert!(s.contains("is not a date"), "the error is on screen:\n{s}");

    replace_field(&mut app, START, "+3d");
    assert_eq!(field_error(&app, START), None, "typing clears the error");
    replace_field(&mut app, PLANNED, "25k");
    assert_eq!(press_code(&mut app, KeyCode::Enter), vec![Effect::Changed]);
    assert!(matches!(app.mode, Mode::Normal));
    let id = EntryId(9);
    let after = expected(&before, |b| {
        b.counters.entry = 10;
        b.timeline.push(TimelineEntry {
            id,
            name: "Load test".into(),
            kind: EntryKind::Phase,
            start: date(2026, 12, 1),
            end: date(2026, 12, 15),
            depends_on: vec![],
            items: vec![],
            owner: String::new(),
            planned_cost: 25_000,
            actual_cost: 0,
        });
    });
    assert!(app.doc.board == after, "{:#?}", app.doc.board.entry(id));
    assert_eq!(selected(&app), id, "the new entry is selected");
    assert_eq!(status(&app), "Add phase \"Load test\"");
    undo_redo(&mut app, &before, &after, "Add phase \"Load test\"");

    // A milestone takes one date; the end field is ignored.
    press(&mut app, 'a');
    type_text(&mut app, "Code freeze");
    replace_field(&mut app, KIND, "m");
    replace_field(&mut app, START, "2026-12-18");
    press_code(&mut app, KeyCode::Enter);
    let freeze = entry(&app.doc.board, EntryId(10));
    assert_eq!(
        (freeze.kind, freeze.start, freeze.end),
        (EntryKind::Milestone, date(2026, 12, 18), date(2026, 12, 18))
    );
}

#[test]
fn a_one_day_phase_cannot_end_before_it_starts() {
    let mut app = app();
    press(&mut app, 'a');
    type_text(&mut app, "Spike");
    replace_field(&mut app, START, "today");
    replace_field(&mut app, END, "today");
    press_code(&mut app, KeyCode::Enter);
    let spike = selected(&app);
    assert_eq!(entry(&app.doc.board, spike).duration_days(), 1);
    let board = app.doc.board.clone();
    assert_eq!(press(&mut app, '['), vec![]);
    assert!(status_is_error(&app));
    assert_eq!(status(&app), "\"Spike\" would end before it starts");
    assert!(app.doc.board == board);

    // An end before the start in the form is an error beside End.
    press(&mut app, 'e');
    replace_field(&mut app, END, "2026-11-01");
    press_code(&mut app, KeyCode::Enter);
    let err = field_error(&app, END).expect("an error beside End");
    assert_eq!(err, "ends 2026-11-01, before it starts 2026-11-28");
    press_code(&mut app, KeyCode::Esc);
    assert!(app.doc.board == board);
}

#[test]
fn edit_the_costs_of_a_phase() {
    let mut app = app();
    select(&mut app, PCI);
    let before = app.doc.board.clone();
    press(&mut app, 'e');
    assert_eq!(field_value(&app, PLANNED), "36000");
    assert_eq!(field_value(&app, ACTUAL), "29700");
    replace_field(&mut app, ACTUAL, "lots");
    press_code(&mut app, KeyCode::Enter);
    assert!(field_error(&app, ACTUAL).is_some_and(|e| e.contains("not an amount")));
    replace_field(&mut app, PLANNED, "40,000");
    replace_field(&mut app, ACTUAL, "31.5k");
    assert_eq!(press_code(&mut app, KeyCode::Enter), vec![Effect::Changed]);
    let after = expected(&before, |b| {
        let e = entry_mut(b, PCI);
        (e.planned_cost, e.actual_cost) = (40_000, 31_500);
    });
    assert!(app.doc.board == after);
    assert_eq!(status(&app), "Edit \"PCI DSS assessment\"");
    undo_redo(&mut app, &before, &after, "Edit \"PCI DSS assessment\"");

    // The form opened and saved untouched is no change at all.
    press(&mut app, 'e');
    assert_eq!(press_code(&mut app, KeyCode::Enter), vec![]);
    assert_eq!(status(&app), "No changes");
    assert!(app.doc.board == after);
}

#[test]
fn delete_an_entry_and_undo_brings_back_its_links() {
    let mut app = app();
    select(&mut app, BETA);
    let before = app.doc.board.clone();
    let milestone_items: Vec<ItemId> = before
        .items
        .iter()
        .filter(|i| i.milestone == Some(BETA))
        .map(|i| i.id)
        .collect();
    assert!(milestone_items.len() >= 10);
    assert!(
        before
            .risks
            .iter()
            .filter(|r| r.entries.contains(&BETA))
            .count()
            >= 2
    );
    assert!(
        before
            .stakeholders
            .iter()
            .any(|s| s.notes.iter().any(|n| n.entries.contains(&BETA)))
    );

    // It takes links with it: asked first, with what goes.
    assert_eq!(press(&mut app, 'd'), vec![]);
    let Mode::ConfirmDelete { what, .. } = &app.mode else {
        panic!("d on a linked entry asks first")
    };
    assert!(what.contains("lose their milestone"), "{what}");
    assert_eq!(press(&mut app, 'y'), vec![Effect::Changed]);
    assert_eq!(
        status(&app),
        "Delete \"Beta to 5% of traffic\" (u brings it back)"
    );
    assert!(app.doc.board.entry(BETA).is_none());
    assert!(
        app.doc
            .board
            .items
            .iter()
            .all(|i| i.milestone != Some(BETA))
    );
    assert!(
        app.doc
            .board
            .risks
            .iter()
            .all(|r| !r.entries.contains(&BETA))
    );
    assert!(
        app.doc
            .board
            .stakeholders
            .iter()
            .all(|s| s.notes.iter().all(|n| !n.entries.contains(&BETA)))
    );
    assert!(
        app.doc
            .board
            .timeline
            .iter()
            .all(|e| !e.depends_on.contains(&BETA))
    );
    assert_eq!(selected(&app), PILOT, "the next row is selected");
    let after = app.doc.board.clone();
    undo_redo(
        &mut app,
        &before,
        &after,
        "Delete \"Beta to 5% of traffic\"",
    );
    app.update(Action::Undo);
    assert!(app.doc.board == before);
    assert_eq!(
        app.doc
            .board
            .items
            .iter()
            .filter(|i| i.milestone == Some(BETA))
            .map(|i| i.id)
            .collect::<Vec<_>>(),
        milestone_items,
        "the items' milestone is back"
    );

    // Deleting an entry others depend on takes it out of their dependencies.
    select(&mut app, BUILD);
    press(&mut app, 'd');
    assert!(
        matches!(&app.mode, Mode::ConfirmDelete { what, .. } if what.contains("2 entries lose a dependency")),
        "asked first, saying what depends on it"
    );
    press(&mut app, 'y');
    assert!(entry(&app.doc.board, HARDENING).depends_on.is_empty());
    assert!(entry(&app.doc.board, BETA).depends_on.is_empty());
    app.update(Action::Undo);
    assert!(app.doc.board == before);
}

#[test]
fn link_items_through_the_picker_changes_progress() {
    let mut app = app();
    select(&mut app, PILOT);
    let before = app.doc.board.clone();
    assert_eq!(
        progress(&app.doc.board, entry(&app.doc.board, PILOT)).percent(),
        None
    );
    let (crn29, crn14) = (item_id(&app, "CRN-29"), item_id(&app, "CRN-14"));
    assert_eq!(app.doc.board.item(crn29).unwrap().milestone, None);
    press(&mut app, 'L');
    assert_eq!(
        picker(&app).title,
        "Items \"Pilot: ramp to 50% of traffic\" delivers"
    );
    assert_eq!(picker(&app).ticked(), 0);
    tick(&mut app, "exemptions", "CRN-29");
    tick(&mut app, "double", "CRN-14");
    assert_eq!(picker(&app).ticked(), 2);
    assert!(app.doc.board == before, "nothing changes before Enter");
    assert_eq!(press_code(&mut app, KeyCode::Enter), vec![Effect::Changed]);
    assert_eq!(
        status(&app),
        "Link 2 items to \"Pilot: ramp to 50% of traffic\""
    );
    // Backlog order: CRN-29 (to do, 3 points) comes before CRN-14 (done, 3 points).
    let pilot = entry(&app.doc.board, PILOT);
    assert_eq!(pilot.items, [crn29, crn14]);
    let p = progress(&app.doc.board, pilot);
    assert_eq!((p.done, p.total, p.percent()), (3, 6, Some(50)));
    assert_eq!(
        app.doc.board.item(crn29).unwrap().milestone,
        Some(PILOT),
        "an item without a milestone takes the entry"
    );
    assert!(gantt_line(&app, "Pilot: ramp").contains("50%"));
    let after = app.doc.board.clone();
    undo_redo(
        &mut app,
        &before,
        &after,
        "Link 2 items to \"Pilot: ramp to 50% of traffic\"",
    );

    // Unticking takes the link and the milestone away again.
    press(&mut app, 'L');
    tick(&mut app, "exemptions", "CRN-29");
    press_code(&mut app, KeyCode::Enter);
    assert_eq!(entry(&app.doc.board, PILOT).items, [crn14]);
    assert_eq!(app.doc.board.item(crn29).unwrap().milestone, None);
    assert_eq!(
        progress(&app.doc.board, entry(&app.doc.board, PILOT)).percent(),
        Some(100)
    );
}

#[test]
fn a_read_only_board_refuses_every_change() {
    let mut app = app();
    app.set_read_only();
    let before = app.doc.board.clone();
    let refused = |app: &mut App, what: &str| {
        assert!(status_is_error(app), "{what}: {}", status(app));
        assert!(
            status(app).starts_with("Read-only"),
            "{what}: {}",
            status(app)
        );
        assert!(app.doc.board == before, "{what} changed nothing");
        assert!(matches!(app.mode, Mode::Normal), "{what} opens nothing");
        app.run.status = None;
    };
    for c in ['>', '<', ']', '[', '}', '{', 'a', 'e', 'd', 'D', 'L'] {
        assert_eq!(press(&mut app, c), vec![], "{c}");
        refused(&mut app, &c.to_string());
    }
    shift(&mut app, KeyCode::Right);
    refused(&mut app, "Shift-→");
    press(&mut app, 'r');
    for c in ['a', 'e', 'x', 'L', 'd'] {
        assert_eq!(press(&mut app, c), vec![], "risk {c}");
        refused(&mut app, &format!("risk {c}"));
    }
    press_code(&mut app, KeyCode::Esc);
    // The view still works.
    press(&mut app, 'j');
    press(&mut app, '+');
    press(&mut app, 'P');
    assert!(app.timeline.push);
    assert!(app.doc.board == before);
    assert_eq!(app.doc.revision, 0);
}
