//! The sprint keys in the keymap, and sprint actions run from another pane.

use super::*;

#[test]
fn sprint_keys_in_the_keymap() {
    let mut app = app();
    let action = |app: &App, code: KeyCode| action_for_key(app, key_event(code));
    for (c, wanted) in [
        ('h', Action::ColumnLeft),
        ('l', Action::ColumnRight),
        ('j', Action::Down),
        ('k', Action::Up),
        ('H', Action::CardLeft),
        ('L', Action::CardRight),
        ('x', Action::ToggleBlocked),
        ('A', Action::Assign),
        ('b', Action::Burndown),
        ('n', Action::NewSprint),
        ('t', Action::StartSprint),
        ('c', Action::CloseSprint),
    ] {
        assert_eq!(
            action(&app, KeyCode::Char(c)),
            Some(wanted),
            "{c} in the sprint pane"
        );
    }
    assert_eq!(action(&app, KeyCode::Left), Some(Action::ColumnLeft));
    assert_eq!(action(&app, KeyCode::Right), Some(Action::ColumnRight));
    // Without Shift in the modifiers, as some terminals send it.
    let bare_l = KeyEvent::new(KeyCode::Char('L'), KeyModifiers::NONE);
    assert_eq!(action_for_key(&app, bare_l), Some(Action::CardRight));

    app.update(Action::ShowTimeline);
    assert_eq!(app.pane, Pane::Timeline);
    assert_eq!(
        action(&app, KeyCode::Char('L')),
        Some(Action::LinkItems),
        "L moves cards only on the sprint board; in the timeline it links items"
    );
    assert_eq!(action_for_key(&app, bare_l), Some(Action::LinkItems));
}

/// A sprint command run from another pane (the palette, a rebound key) goes to the sprint board and
/// runs there: the card moves, one undo brings it back.
#[test]
fn a_sprint_command_from_another_pane_runs_on_the_sprint_board() {
    for pane in [
        Action::ShowBacklog,
        Action::ShowTimeline,
        Action::ShowStakeholders,
    ] {
        let mut app = app();
        let before = app.doc.board.clone();
        let card = app.selected_card().expect("a card in To do");
        app.update(pane.clone());
        assert_eq!(
            app.update(Action::CardRight),
            vec![Effect::Changed],
            "{pane:?}"
        );
        assert_eq!(app.pane, Pane::Sprint, "{pane:?}");
        let moved = app.doc.board.item(card).expect("the card");
        assert_eq!(moved.status, app.doc.board.columns[1].name, "{pane:?}");
        app.update(Action::Undo);
        assert!(app.doc.board == before, "{pane:?}");
    }
}

/// "burndown" from the palette in the backlog shows the sprint's burndown (it used to say
/// "works on the" cut off, and stay in the backlog).
#[test]
fn the_palette_runs_a_command_of_another_pane_there() {
    let mut app = app();
    app.update(Action::ShowBacklog);
    app.update(Action::Palette);
    for c in "burndown".chars() {
        app.update(Action::Type(key_event(KeyCode::Char(c))));
    }
    assert_eq!(app.update(Action::Confirm), vec![]);
    assert_eq!(app.pane, Pane::Sprint);
    assert!(app.sprint.burndown(), "the burndown shows");
    assert!(matches!(app.mode, Mode::Normal));
    // A command the screen on show does not offer says so, in words about that screen.
    app.update(Action::Burndown);
    app.update(Action::Plan);
    app.update(Action::CardRight);
    let said = status(&app).to_string();
    assert_eq!(
        said,
        "Move the card to the next column: not in the planning view (Esc goes back)"
    );
}
