//! Pressing keys as a terminal would: the key event through the keymap (`action_for_key`), then
//! `App::update`.

use cairn::app::{Action, App, Effect, Mode};
use cairn::input::action_for_key;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The event a terminal sends for a key: Shift with capitals and shifted punctuation.
pub fn event(code: KeyCode) -> KeyEvent {
    let shifted =
        matches!(code, KeyCode::Char(c) if c.is_ascii_uppercase() || "<>{}$+?:".contains(c));
    let modifiers = if shifted {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(code, modifiers)
}

/// Presses a key, which must do something in the app's current mode.
pub fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let action =
        action_for_key(app, event(code)).unwrap_or_else(|| panic!("{code:?} does something here"));
    app.update(action)
}

/// Presses one key a character.
pub fn press_keys(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// Moves the open form's focus to the field called `label` (panics without a form or that field).
pub fn focus(app: &mut App, label: &str) {
    let fields = match &app.mode {
        Mode::Form(f) => f.fields.len(),
        _ => panic!("a form is open"),
    };
    for _ in 0..fields {
        if let Mode::Form(f) = &app.mode
            && f.fields[f.focus].id.label() == label
        {
            return;
        }
        app.update(Action::PrevField);
    }
    panic!("the form has no {label} field");
}
