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

#[test]
fn sprint_actions_in_another_pane_change_nothing() {
    let mut app = app();
    let before = app.board.clone();
    for pane in [
        Action::ShowBacklog,
        Action::ShowTimeline,
        Action::ShowStakeholders,
    ] {
        app.update(pane.clone());
        for action in [
            Action::CardRight,
            Action::CardLeft,
            Action::ToggleBlocked,
            Action::Assign,
            Action::StartSprint,
            Action::CloseSprint,
        ] {
            assert_eq!(app.update(action.clone()), vec![], "{pane:?} {action:?}");
            assert!(matches!(app.mode, Mode::Normal), "{pane:?} {action:?}");
            assert!(app.board == before, "{pane:?} {action:?}");
        }
    }
}

/// From the palette, a sprint command can be run in any pane; the message must not send the user to
/// the backlog, where it does not work either.
#[test]
fn a_sprint_command_in_the_timeline_points_to_the_sprint_board() {
    let mut app = app();
    app.update(Action::ShowTimeline);
    app.update(Action::CardRight);
    let said = status(&app).to_string();
    assert!(
        said.starts_with("Move the card to the next column"),
        "{said}"
    );
    assert!(
        !said.contains("backlog"),
        "it does not work in the backlog: {said}"
    );
}
