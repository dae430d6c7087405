//! The stakeholders pane driven by actions, without a terminal, on the sample board of 2026-11-28.
//! Every change goes through `App::update`, is one undoable step that undo reverses exactly, and
//! cadence and overdue are worked out against the fixed "today".
//!
//! The sample's register, due first: Rafael Duarte (overdue 14d, P5 I2), Sofia Marin (overdue 3d,
//! P4 I5), Oliver Grant (due in 4d), Kwame Mensah (5d), Helen Achterberg (6d), Nadia Haddad (12d).

use cairn::app::picker::{Purpose, Target};
use cairn::app::stakeholders::{Screen, Sort};
use cairn::app::{Action, App, Effect, FormKind, Mode, Pane, PeopleForm};
use cairn::commands::sample_board;
use cairn::input::{Key, action_for_key};
use cairn::model::stakeholder::note_template;
use cairn::model::{Board, EntryId, NoteId, NoteKind, Quadrant, StakeholderId, stakeholders_due};
use jiff::civil::{Date, date};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: Date = date(2026, 11, 28);
const HELEN: StakeholderId = StakeholderId(1);
const RAFAEL: StakeholderId = StakeholderId(2);
const SOFIA: StakeholderId = StakeholderId(3);
const NADIA: StakeholderId = StakeholderId(6);

/// The sample board on the stakeholders pane.
fn app() -> App {
    let mut app = App::new(sample_board(TODAY), "b.ron", TODAY);
    app.update(Action::ShowStakeholders);
    assert_eq!(app.pane, Pane::Stakeholders);
    app
}

fn key(c: char) -> KeyEvent {
    let modifiers = if c.is_ascii_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), modifiers)
}

/// Presses a key through the keymap, as the terminal would.
fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let event = match code {
        KeyCode::Char(c) => key(c),
        other => KeyEvent::new(other, KeyModifiers::NONE),
    };
    let action =
        action_for_key(app, event).unwrap_or_else(|| panic!("{code:?} does something here"));
    app.update(action)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(key(c)));
    }
}

fn status(app: &App) -> &str {
    app.run.status.as_ref().map_or("", |s| s.text.as_str())
}

fn is_error(app: &App) -> bool {
    app.run.status.as_ref().is_some_and(|s| s.error)
}

fn form(app: &App) -> &cairn::app::Form {
    match &app.mode {
        Mode::Form(f) => f,
        _ => panic!("expected a form to be open"),
    }
}

/// Clears the focused field and types `text`.
fn replace_focused(app: &mut App, text: &str) {
    let f = form(app);
    let len = f.fields[f.focus].value().chars().count() + 2;
    for _ in 0..len {
        app.update(Action::Type(KeyEvent::new(
            KeyCode::Backspace,
            KeyModifiers::NONE,
        )));
    }
    type_text(app, text);
}

fn focus(app: &mut App, label: &str) {
    for _ in 0..20 {
        let f = form(app);
        if f.fields[f.focus].id.label() == label {
            return;
        }
        app.update(Action::NextField);
    }
    panic!("no field {label}");
}

fn names(app: &App) -> Vec<String> {
    app.people_order().iter().map(|s| s.name.clone()).collect()
}

fn selected(app: &App) -> StakeholderId {
    app.selected_person().expect("someone is selected").id
}

/// Undo puts `before` back exactly and names the step; redo applies it again; then undo once more.
fn undo_redo(app: &mut App, before: &Board, label: &str) {
    let after = app.doc.board.clone();
    assert_eq!(app.update(Action::Undo), vec![Effect::Changed]);
    assert!(
        app.doc.board == *before,
        "undo of \"{label}\" restores the board"
    );
    assert_eq!(status(app), format!("Undid: {label}"));
    assert_eq!(app.update(Action::Redo), vec![Effect::Changed]);
    assert!(
        app.doc.board == after,
        "redo of \"{label}\" applies it again"
    );
    app.update(Action::Undo);
    assert_eq!(app.doc.board, *before);
}

mod grid;
mod notes;
mod register;
