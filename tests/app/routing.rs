//! One dispatch for every key: the open overlay first, then the screen on show, then the global
//! commands; a command of another pane goes there; `/` filters the pane you are in; overlay keys live
//! in the keymap, so a config can rebind them, `?` lists them and messages name the bound key.

use crate::common::screen::{render, text};
use cairn::app::{Action, App, Context, Effect, Mode, Pane, SprintScreen};
use cairn::commands::sample_board;
use cairn::input::{Key, action_for_key};
use jiff::civil::{Date, date};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;

const TODAY: Date = date(2026, 11, 28);

fn app() -> App {
    App::new(sample_board(TODAY), "b.ron", TODAY)
}

fn event(code: KeyCode) -> KeyEvent {
    let mods = match code {
        KeyCode::Char(c) if c.is_ascii_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    KeyEvent::new(code, mods)
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    match action_for_key(app, event(code)) {
        Some(action) => app.update(action),
        None => Vec::new(),
    }
}

fn typed(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn status(app: &App) -> String {
    app.run
        .status
        .as_ref()
        .map_or(String::new(), |s| s.text.clone())
}

fn config(entries: &[(&str, &str, &str)]) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut keys: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (context, key, command) in entries {
        keys.entry(context.to_string())
            .or_default()
            .insert(key.to_string(), command.to_string());
    }
    keys
}

/// `/` on the sprint board filters its cards (text, assignee, tag), not the backlog; Esc clears.
#[test]
fn slash_on_the_sprint_board_filters_its_cards() {
    let mut app = app();
    press(&mut app, KeyCode::Char('2'));
    let all = app.sprint_card_count();
    assert!(all > 3, "the sample sprint has cards");
    let unfiltered = text(&render(&app, 120, 40));
    let figures = unfiltered
        .lines()
        .find(|l| l.contains("committed"))
        .expect("the sprint's figures")
        .to_string();
    press(&mut app, KeyCode::Char('/'));
    assert!(matches!(app.mode, Mode::Filter(_)));
    assert_eq!(app.pane, Pane::Sprint, "the filter is the board's");
    let person = app
        .doc
        .board
        .active_sprint()
        .and_then(|s| {
            app.doc
                .board
                .sprint_items(s.id)
                .find(|i| !i.assignee.is_empty())
        })
        .map(|i| {
            i.assignee
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_string()
        })
        .expect("someone is assigned");
    typed(&mut app, &person);
    let shown = app.sprint_card_count();
    assert!(shown > 0 && shown < all, "{shown} of {all} for {person}");
    let sprint = app.doc.board.active_sprint().expect("active").id;
    for col in 0..app.doc.board.columns.len() {
        for id in app.column_cards(col) {
            let it = app.doc.board.item(id).expect("card");
            assert_eq!(it.sprint, Some(sprint));
        }
    }
    assert!(
        app.backlog.filter.is_empty(),
        "the backlog's filter is untouched"
    );
    let screen = text(&render(&app, 120, 40));
    assert!(screen.contains(&format!("Filter: {person}")), "{screen}");
    assert!(
        screen.contains(&format!("{shown} of {all} cards match \"{person}\"")),
        "{screen}"
    );
    assert!(
        screen.contains(&figures),
        "the sprint's figures are the whole sprint's, not the filter's:\n{figures}\n{screen}"
    );
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(
        status(&app),
        format!("{shown} cards match \"{person}\" — Esc clears")
    );
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        app.sprint_card_count(),
        all,
        "Esc clears the board's filter"
    );
}

/// `/` in the timeline filters its entries by name, owner or kind.
#[test]
fn slash_in_the_timeline_filters_its_entries() {
    let mut app = app();
    press(&mut app, KeyCode::Char('3'));
    let all = app.timeline_rows().len();
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "milestone");
    let rows = app.timeline_rows();
    assert!(
        !rows.is_empty() && rows.len() < all,
        "{} of {all}",
        rows.len()
    );
    for id in &rows {
        let e = app.doc.board.entry(*id).expect("entry");
        assert_eq!(e.kind.name(), "milestone", "{}", e.name);
    }
    assert_eq!(app.pane, Pane::Timeline);
    assert!(app.backlog.filter.is_empty());
    let screen = text(&render(&app, 120, 40));
    assert!(
        screen.contains(&format!(
            "{} of {all} entries match \"milestone\"",
            rows.len()
        )),
        "{screen}"
    );
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.timeline_rows().len(), all);
}

/// `/` in the backlog still filters the backlog.
#[test]
fn slash_in_the_backlog_filters_the_backlog() {
    let mut app = app();
    let all = app.backlog.visible.len();
    press(&mut app, KeyCode::Char('/'));
    typed(&mut app, "kind:bug");
    assert!(app.backlog.visible.len() < all);
    assert_eq!(app.pane, Pane::Backlog);
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

/// Where `needle` starts on the screen, as (column, row) in cells.
fn at(screen: &str, needle: &str) -> (u16, u16) {
    for (y, line) in screen.lines().enumerate() {
        if let Some(byte) = line.find(needle) {
            let x = line[..byte].chars().count();
            return (x as u16, y as u16);
        }
    }
    panic!("{needle} is not on the screen:\n{screen}");
}

fn click(app: &mut App, (x, y): (u16, u16)) {
    use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
    let event = MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    };
    let action = cairn::input::action_for_mouse(app, event).expect("the click lands on something");
    app.update(action);
}

/// Clicks select in every list: a sprint card (in any column), a gantt row, a stakeholder.
#[test]
fn a_click_selects_a_card_or_a_stakeholder() {
    use crate::common::screen::screen_into;
    let mut app = app();
    press(&mut app, KeyCode::Char('2'));
    let screen = screen_into(&mut app, 160, 48);
    let target = app.doc.board.parse_item_key("CRN-17").expect("CRN-17");
    assert_ne!(app.selected_card(), Some(target));
    click(&mut app, at(&screen, "CRN-17"));
    assert_eq!(
        app.selected_card(),
        Some(target),
        "the click selects the card in Done"
    );
    let done = app.doc.board.column_index("Done").expect("a Done column");
    assert_eq!(app.sprint.column, done);
    // A gantt row, by its entry's name.
    press(&mut app, KeyCode::Char('3'));
    let screen = screen_into(&mut app, 160, 48);
    let hardening = app
        .doc
        .board
        .timeline
        .iter()
        .find(|e| e.name == "Hardening")
        .map(|e| e.id)
        .expect("the sample's Hardening phase");
    assert_ne!(app.selected_entry().map(|e| e.id), Some(hardening));
    click(&mut app, at(&screen, "Hardening"));
    assert_eq!(app.selected_entry().map(|e| e.id), Some(hardening));
    press(&mut app, KeyCode::Char('4'));
    let screen = screen_into(&mut app, 160, 48);
    let name = "Sofia Marin";
    // Its row, not the summary line above the table that also names the person.
    click(&mut app, at(&screen, &format!("{name}     ")));
    assert_eq!(app.selected_person().map(|s| s.name.as_str()), Some(name));
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
