//! What the status line says: a long message cut with an ellipsis, and `E` with no note selected.

use super::*;

/// A status message longer than the line ends in an ellipsis instead of being cut mid-word.
#[test]
fn a_long_message_is_cut_with_an_ellipsis() {
    let mut app = app();
    app.info("word ".repeat(40).trim().to_string());
    let screen = text(&render(&app, 80, 24));
    let last = screen.lines().last().expect("a status line").trim_end();
    // …and names the key of the message log, which shows it whole.
    assert!(last.ends_with("… M all"), "{last}");
    assert!(last.chars().count() <= 80, "{last}");
}

/// `E` with no note selected says it is writing a new note and how to choose its kind, before a
/// meeting note quietly counts as an update.
#[test]
fn a_new_note_in_the_editor_says_so() {
    let mut app = app();
    press(&mut app, KeyCode::Char('4'));
    let effects = press(&mut app, KeyCode::Char('E'));
    let Some(Effect::EditNote { note, text, .. }) = effects.first() else {
        panic!("E opens the editor: {effects:?}");
    };
    assert_eq!(*note, None);
    assert!(text.starts_with("kind: meeting\n"), "{text}");
    assert!(text.contains("# A new note about"), "{text}");
    assert!(
        status(&app).starts_with("Writing a new note for"),
        "{}",
        status(&app)
    );
}
