//! The open overlay answers first: its keys win over the pane's, the picker's hint and Space, and a
//! paste into the focused field as one line.

use super::*;

/// A key an overlay binds wins over the pane's: `j` in a form is typed, `n` in the close-sprint
/// question carries the work over, and Space in a picker ticks until a search is typed.
#[test]
fn the_open_overlay_answers_first() {
    let mut app = app();
    press(&mut app, KeyCode::Char('a'));
    let typed_j = action_for_key(&app, event(KeyCode::Char('j')));
    assert!(matches!(typed_j, Some(Action::Type(_))), "{typed_j:?}");
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.mode, Mode::Normal));
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('L'));
    assert!(
        matches!(app.mode, Mode::Picker(_)),
        "L links items in the timeline"
    );
    assert_eq!(
        action_for_key(&app, event(KeyCode::Char(' '))),
        Some(Action::Check)
    );
    typed(&mut app, "x");
    assert!(matches!(
        action_for_key(&app, event(KeyCode::Char(' '))),
        Some(Action::Type(_))
    ));
    let key = Key::parse("space").expect("space");
    assert_eq!(
        app.keymap.lookup_in(&[Context::Picker], key),
        Some(&Action::Check)
    );
}

/// The picker's hint names Space as a ticking key only while no search is typed (then Space types).
#[test]
fn the_picker_hint_tells_the_truth_about_space() {
    let mut app = app();
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('L'));
    assert!(matches!(app.mode, Mode::Picker(_)));
    let screen = text(&render(&app, 120, 40));
    assert!(screen.contains("Tab/Space tick"), "{screen}");
    typed(&mut app, "pay");
    let screen = text(&render(&app, 120, 40));
    assert!(
        screen.contains("Tab tick") && !screen.contains("Space tick"),
        "{screen}"
    );
}

/// A paste goes into the field with the focus as one line; outside a text field it changes nothing.
#[test]
fn a_paste_goes_into_the_focused_field_as_one_line() {
    let mut app = app();
    let before = app.doc.board.clone();
    assert!(app.update(Action::Paste("dd\nq\n".into())).is_empty());
    assert!(app.doc.board == before, "a paste is never keys");
    assert_eq!(
        status(&app),
        "Nothing here takes text: the paste was ignored"
    );
    press(&mut app, KeyCode::Char('a'));
    app.update(Action::Paste("Fix login\ndd\n".into()));
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    assert_eq!(
        app.selected_item().map(|i| i.title.as_str()),
        Some("Fix login dd")
    );
    // A long paste is taken in at once, and the filter follows it.
    press(&mut app, KeyCode::Char('/'));
    app.update(Action::Paste("kind:bug".into()));
    assert!(app.backlog.filter.text == "kind:bug" && !app.backlog.visible.is_empty());
    app.update(Action::Cancel);
    press(&mut app, KeyCode::Char('a'));
    app.update(Action::Paste("x".repeat(10_000)));
    let Mode::Form(form) = &app.mode else {
        panic!("the form stays open");
    };
    assert_eq!(form.fields[form.focus].value().len(), 10_000);
}
