//! The standup's time of day (issue 16, point 3): set in the project settings, it becomes a
//! recurring event in the calendar export. Bad input is marked beside the field and changes
//! nothing; the limit holds on load; a board with it saves and loads byte for byte; a board
//! without it saves as before.

use crate::common;

use cairn::app::{Action, App, Form, Mode};
use cairn::commands::sample_board;
use jiff::civil::{Date, date, time};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: Date = date(2026, 12, 1);

fn form(app: &App) -> &Form {
    match &app.mode {
        Mode::Form(f) => f,
        _ => panic!("a form is open"),
    }
}

/// Opens the settings and types `text` into the "Standup at" field.
fn type_time(app: &mut App, text: &str) {
    app.update(Action::ProjectSettings);
    while form(app).fields[form(app).focus].id.label() != "Standup at" {
        app.update(Action::NextField);
    }
    let clear = KeyEvent {
        modifiers: KeyModifiers::CONTROL,
        ..common::keys::event(KeyCode::Char('u'))
    };
    app.update(Action::Type(clear));
    common::keys::press_keys(app, text);
}

#[test]
fn a_standup_time_is_set_in_the_settings_and_cleared_again() {
    let mut a = App::new(sample_board(TODAY), "b.ron", TODAY);
    assert_eq!(a.doc.board.settings.standup_at, None);
    type_time(&mut a, "9:30");
    a.update(Action::Confirm);
    assert_eq!(a.doc.board.settings.standup_at, Some(time(9, 30, 0, 0)));
    // The form shows it as it is kept.
    a.update(Action::ProjectSettings);
    let f = form(&a);
    let field = f.fields.iter().find(|f| f.id.label() == "Standup at");
    assert_eq!(field.map(|f| f.value()).as_deref(), Some("09:30"));
    a.update(Action::Cancel);
    type_time(&mut a, "");
    a.update(Action::Confirm);
    assert_eq!(
        a.doc.board.settings.standup_at, None,
        "empty: no fixed time"
    );
}

#[test]
fn a_bad_time_is_marked_beside_the_field_and_changes_nothing() {
    for bad in ["930", "25:00", "9:75", "half past nine"] {
        let mut a = App::new(sample_board(TODAY), "b.ron", TODAY);
        let before = a.doc.board.clone();
        type_time(&mut a, bad);
        assert_eq!(a.update(Action::Confirm), vec![], "{bad}");
        let f = form(&a);
        let field = &f.fields[f.focus];
        assert_eq!(field.id.label(), "Standup at", "the bad field has focus");
        let error = field.error.clone().unwrap_or_default();
        assert!(error.contains("like 09:30"), "{bad}: {error}");
        assert!(a.doc.board == before, "{bad} changed nothing");
        for (w, h) in [(80, 24), (120, 40)] {
            let shown = common::screen::screen(&a, w, h);
            assert!(shown.contains("is not a time of day"), "{w}x{h}:\n{shown}");
        }
    }
}

#[test]
fn the_time_survives_save_and_load_and_a_board_without_it_is_unchanged() {
    let mut b = sample_board(TODAY);
    let plain = cairn::store::to_ron(&b).expect("serialises");
    assert!(!plain.contains("standup_at"), "not written when not set");
    b.settings.standup_at = Some(time(9, 30, 0, 0));
    let text = cairn::store::to_ron(&b).expect("serialises");
    assert!(text.contains("standup_at: Some(\"09:30:00\")"), "{text}");
    let path = std::path::Path::new("b.ron");
    let back = cairn::store::from_ron(&text, path).expect("loads");
    assert!(back == b);
    assert_eq!(cairn::store::to_ron(&back).expect("serialises"), text);
    // A time that is not a whole minute is a named problem on load.
    let odd = text.replace("\"09:30:00\"", "\"09:30:15\"");
    let e = cairn::store::from_ron(&odd, path).expect_err("refused");
    assert!(e.to_string().contains("standup time"), "{e}");
    // The v2 board has none and still loads.
    let v2 = cairn::store::read(std::path::Path::new("tests/data/board-v2.ron")).expect("loads");
    assert_eq!(v2.settings.standup_at, None);
}
