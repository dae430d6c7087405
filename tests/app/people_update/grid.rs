//! The power/interest grid, the pane's keys in help and nowhere else, and a read-only board.

use super::*;

#[test]
fn the_grid_moves_the_selection_and_hjkl_move_the_stakeholder() {
    let mut app = app();
    press(&mut app, KeyCode::Char('v'));
    assert_eq!(app.people.screen, Screen::Grid);
    assert_eq!(selected(&app), RAFAEL, "keep satisfied, top left");
    press(&mut app, KeyCode::Right);
    assert_eq!(
        selected(&app),
        HELEN,
        "manage closely: the most powerful first"
    );
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(selected(&app), SOFIA);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(
        app.selected_person().map(|s| s.quadrant()),
        Some(Quadrant::KeepInformed),
        "on down into the quadrant below"
    );
    press(&mut app, KeyCode::Left);
    assert_eq!(selected(&app), NADIA, "monitor");
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(
        app.selected_person().map(|s| s.name.as_str()),
        Some("Oliver Grant"),
        "up into keep satisfied, from its bottom"
    );

    // L: more interest moves Oliver from keep satisfied to manage closely.
    let before = app.doc.board.clone();
    assert_eq!(press(&mut app, KeyCode::Char('L')), vec![Effect::Changed]);
    let o = app.selected_person().expect("Oliver");
    assert_eq!(
        (o.power, o.interest, o.quadrant()),
        (4, 3, Quadrant::ManageClosely)
    );
    assert_eq!(
        status(&app),
        "Oliver Grant: interest 2 → 3, now manage closely"
    );
    undo_redo(
        &mut app,
        &before,
        "Oliver Grant: interest 2 → 3, now manage closely",
    );
    press(&mut app, KeyCode::Char('K'));
    assert_eq!(
        status(&app),
        "Oliver Grant: power 4 → 5, still keep satisfied"
    );
    press(&mut app, KeyCode::Char('K'));
    assert!(is_error(&app));
    assert_eq!(
        status(&app),
        "Oliver Grant already has power 5, the highest"
    );
    for _ in 0..4 {
        press(&mut app, KeyCode::Char('J'));
    }
    press(&mut app, KeyCode::Char('H'));
    assert_eq!(status(&app), "Oliver Grant: interest 2 → 1, still monitor");
    press(&mut app, KeyCode::Char('H'));
    assert_eq!(
        status(&app),
        "Oliver Grant already has interest 1, the lowest"
    );
    assert_eq!(
        app.selected_person().map(|s| s.quadrant()),
        Some(Quadrant::Monitor)
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.people.screen, Screen::Register, "Esc leaves the grid");
}

#[test]
fn every_key_of_the_pane_is_in_help_and_works_only_here() {
    let app = app();
    let help = app.keymap.help(Pane::Stakeholders);
    let rows: Vec<(String, &str)> = help.into_iter().flat_map(|(_, r)| r).collect();
    for (k, action) in [
        ("a", Action::AddStakeholder),
        ("e", Action::EditStakeholder),
        ("d", Action::DeleteStakeholder),
        ("n", Action::AddNote),
        ("E", Action::NoteInEditor),
        ("l", Action::LinkNote),
        ("v", Action::GridView),
        ("t", Action::NoteTimeline),
        ("s", Action::SortStakeholders),
        ("K", Action::MorePower),
        ("J", Action::LessPower),
        ("L", Action::MoreInterest),
        ("H", Action::LessInterest),
        ("r", Action::WriteReport),
        ("R", Action::WriteReportAndEdit),
    ] {
        let key = Key::parse(k).expect("a key");
        assert_eq!(
            app.keymap.lookup(Pane::Stakeholders, key),
            Some(&action),
            "{k}"
        );
        assert!(
            rows.iter()
                .any(|(keys, about)| keys == k && *about == action.about()),
            "{k} is in help: {rows:?}"
        );
        assert!(!action.about().is_empty() && action.name().is_some());
    }
    // Run from the backlog (the palette), a stakeholders command goes there and runs.
    let mut backlog = App::new(sample_board(TODAY), "b.ron", TODAY);
    backlog.update(Action::NoteTimeline);
    assert_eq!(backlog.pane, Pane::Stakeholders);
    assert_eq!(backlog.people.screen, Screen::Notes);
}

#[test]
fn read_only_refuses_every_change_and_still_browses() {
    let mut app = app();
    app.set_read_only();
    let before = app.doc.board.clone();
    for k in ['a', 'e', 'd', 'n', 'L', 'K'] {
        press(&mut app, KeyCode::Char(k));
        assert!(matches!(app.mode, Mode::Normal), "{k} opened nothing");
    }
    assert!(press(&mut app, KeyCode::Char('E')).is_empty());
    assert!(status(&app).starts_with("Read-only"), "{}", status(&app));
    press(&mut app, KeyCode::Char('v'));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.doc.board, before);
}
