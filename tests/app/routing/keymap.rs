//! Overlay keys live in the keymap: a config rebinds a form's keys, `?` lists every overlay's
//! context, and a message or screen names the bound key (undo, cancel), never a literal one.

use super::*;
use std::collections::BTreeMap;

fn config(entries: &[(&str, &str, &str)]) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut keys: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (context, key, command) in entries {
        keys.entry(context.to_string())
            .or_default()
            .insert(key.to_string(), command.to_string());
    }
    keys
}

/// A form's keys live in the keymap's `form` context: a config can rebind them, `?` lists them,
/// and the form's title names the bound keys.
#[test]
fn form_keys_can_be_rebound_and_show_in_help() {
    let mut app = app();
    let problems = app.keymap.rebind(&config(&[
        ("form", "ctrl-s", "confirm"),
        ("form", "enter", "none"),
    ]));
    assert!(problems.is_empty(), "{problems:?}");
    press(&mut app, KeyCode::Char('a'));
    assert!(matches!(app.mode, Mode::Form(_)));
    typed(&mut app, "Rebound");
    press(&mut app, KeyCode::Enter);
    assert!(
        matches!(app.mode, Mode::Form(_)),
        "Enter no longer saves the form"
    );
    let screen = text(&render(&app, 120, 40));
    assert!(screen.contains("Ctrl-s saves"), "{screen}");
    let save = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
    let action = action_for_key(&app, save).expect("Ctrl-s is bound");
    assert_eq!(action, Action::Confirm);
    assert_eq!(app.update(action), vec![Effect::Changed]);
    assert!(app.selected_item().is_some_and(|i| i.title == "Rebound"));
    let help = app.keymap.help(Pane::Backlog);
    let form = help
        .iter()
        .find(|(c, _)| *c == Context::Form)
        .expect("? lists the form's keys");
    assert!(
        form.1
            .iter()
            .any(|(keys, about)| keys == "Ctrl-s" && *about == Action::Confirm.about()),
        "{:?}",
        form.1
    );
}

/// Every overlay's context is in `?`, and the picker, palette and question keys come from there.
#[test]
fn help_lists_every_overlay_context() {
    let app = app();
    let contexts: Vec<Context> = app
        .keymap
        .help(Pane::Sprint)
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    for c in [
        Context::Sprint,
        Context::List,
        Context::Global,
        Context::Standup,
        Context::Form,
        Context::Filter,
        Context::Palette,
        Context::Picker,
        Context::Rank,
        Context::CloseSprint,
        Context::Confirm,
        Context::Help,
    ] {
        assert!(contexts.contains(&c), "{c:?} missing from {contexts:?}");
    }
    let backlog: Vec<Context> = app
        .keymap
        .help(Pane::Backlog)
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    assert!(
        !backlog.contains(&Context::Standup),
        "standup keys are the sprint board's"
    );
}

/// A rebound undo key is the one the delete message names.
#[test]
fn a_rebound_undo_key_shows_in_the_delete_message() {
    let mut app = app();
    let problems = app.keymap.rebind(&config(&[
        ("global", "ctrl-z", "undo"),
        ("global", "u", "none"),
    ]));
    assert!(problems.is_empty(), "{problems:?}");
    let title = app.selected_item().expect("selected").title.clone();
    press(&mut app, KeyCode::Char('d'));
    let said = status(&app);
    assert!(said.contains(&title), "{said}");
    assert!(said.ends_with("(Ctrl-z brings it back)"), "{said}");
    assert!(!said.contains("(u brings"), "{said}");
    // And the standup's keys, rebound, are the ones its frame names.
    let mut app = self::app();
    app.keymap
        .rebind(&config(&[("standup", "ctrl-n", "standup_next")]));
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('S'));
    assert!(matches!(app.sprint.screen, SprintScreen::Standup(_)));
    let screen = text(&render(&app, 120, 40));
    assert!(screen.contains("Ctrl-n/Space/n next"), "{screen}");
}

/// With Esc rebound to Ctrl-g in every context, no screen, title or hint says "Esc" any more: the
/// words come from the keymap (the class of "messages name keys literally").
#[test]
fn a_rebound_cancel_key_is_the_one_every_screen_names() {
    let mut app = app();
    let mut entries = Vec::new();
    for context in [
        "global",
        "form",
        "filter",
        "palette",
        "picker",
        "help",
        "rank",
        "close_sprint",
        "confirm",
    ] {
        entries.push((context, "ctrl-g", "cancel"));
        entries.push((context, "esc", "none"));
    }
    let problems = app.keymap.rebind(&config(&entries));
    assert!(problems.is_empty(), "{problems:?}");
    let mut seen = Vec::new();
    let mut look = |app: &App, what: &str| {
        let s = text(&render(app, 160, 48));
        assert!(!s.contains("Esc"), "{what} still says Esc:\n{s}");
        seen.push(s.contains("Ctrl-g"));
    };
    // The backlog's filter line with nothing matching, the help, a form, the palette.
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "zzzz-nothing");
    look(&app, "the filter line");
    app.update(Action::Cancel);
    press(&mut app, KeyCode::Char('?'));
    look(&app, "help");
    app.update(Action::Cancel);
    press(&mut app, KeyCode::Char('a'));
    look(&app, "the add form");
    app.update(Action::Cancel);
    press(&mut app, KeyCode::Char('R'));
    look(&app, "the rank preview");
    app.update(Action::Cancel);
    // The planning view, the standup, the risk register, the budget, the note timeline.
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('P'));
    look(&app, "planning");
    app.update(Action::Cancel);
    press(&mut app, KeyCode::Char('c'));
    look(&app, "the close-sprint question");
    app.update(Action::Cancel);
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('r'));
    look(&app, "the risk register");
    app.update(Action::Cancel);
    press(&mut app, KeyCode::Char('$'));
    look(&app, "the budget");
    app.update(Action::Cancel);
    press(&mut app, KeyCode::Char('L'));
    look(&app, "a picker");
    app.update(Action::Cancel);
    press(&mut app, KeyCode::Char('4'));
    press(&mut app, KeyCode::Char('t'));
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "zzzz-nothing");
    look(&app, "the note timeline's filter");
    assert!(
        seen.iter().filter(|s| **s).count() >= 8,
        "most of these name the rebound key: {seen:?}"
    );
}
