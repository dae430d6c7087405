//! A read-only board, quitting (also after a failed save) and the palette.

use super::*;

#[test]
fn read_only_refuses_every_change() {
    let mut app = app();
    // Something to undo and to redo, made before the board turned read-only.
    select(&mut app, "CRN-21");
    app.update(Action::CycleMoscow);
    app.update(Action::CycleMoscow);
    app.update(Action::Undo);
    app.set_read_only();
    assert_eq!(app.run.save, SaveState::ReadOnly);
    let before = app.doc.board.clone();
    let id = id(&app, "CRN-21");
    let actions = [
        Action::AddItem,
        Action::EditItem,
        Action::EditDescription,
        Action::SetPoints,
        Action::DeleteItem,
        Action::MoveDown,
        Action::MoveUp,
        Action::MoveToTop,
        Action::CycleMoscow,
        Action::SendToSprint,
        Action::RankByScore,
        Action::ToggleScoring,
        Action::DescriptionEdited(id, "changed".into()),
        Action::Undo,
        Action::Redo,
    ];
    for action in actions {
        app.run.status = None;
        let effects = app.update(action.clone());
        assert_eq!(effects, vec![], "{action:?}");
        assert!(
            matches!(app.mode, Mode::Normal),
            "{action:?} opened nothing"
        );
        assert_eq!(app.doc.board, before, "{action:?} changed nothing");
        let s = app
            .run
            .status
            .as_ref()
            .unwrap_or_else(|| panic!("{action:?} says why not"));
        assert!(s.error, "{action:?}");
        assert!(s.text.starts_with("Read-only"), "{action:?}: {}", s.text);
    }
    assert_eq!(app.run.save, SaveState::ReadOnly);
}

#[test]
fn quit_and_quit_after_a_failed_save() {
    let mut app = app();
    assert_eq!(app.update(Action::Quit), vec![Effect::Quit]);

    app.run.save = SaveState::Failed("disk full".into());
    assert_eq!(app.update(Action::Quit), vec![]);
    assert!(matches!(app.mode, Mode::ConfirmQuit), "asks first");
    assert_eq!(app.update(Action::No), vec![]);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(
        status(&app),
        "Not quitting: changes are kept and the save is retried"
    );
    app.update(Action::Quit);
    assert_eq!(app.update(Action::Yes), vec![Effect::Quit]);
}

#[test]
fn palette_goes_to_an_item_by_its_key() {
    let mut app = app();
    app.update(Action::ShowSprint);
    app.update(Action::Palette);
    type_text(&mut app, "crn-30");
    let Mode::Palette(p) = &app.mode else {
        panic!("the palette is open");
    };
    let target = id(&app, "CRN-30");
    assert!(
        matches!(p.matches.first(), Some(Entry::Item { id, .. }) if *id == target),
        "{:?}",
        p.matches.first()
    );
    app.update(Action::Confirm);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.pane, Pane::Backlog);
    assert_eq!(app.backlog.selected, Some(target));
}

#[test]
fn palette_finds_a_command_by_fuzzy_text() {
    let mut app = app();
    app.update(Action::Palette);
    type_text(&mut app, "undo");
    let Mode::Palette(p) = &app.mode else {
        panic!("the palette is open");
    };
    assert!(
        matches!(
            p.matches.first(),
            Some(Entry::Command { action: Action::Undo, keys, .. }) if keys == "u"
        ),
        "{:?}",
        p.matches.first()
    );
    app.update(Action::Confirm);
    assert_eq!(status(&app), "Nothing to undo", "Enter ran it");
}
