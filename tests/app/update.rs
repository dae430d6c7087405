//! `App::update` driven by actions, without a terminal: every backlog change does what it says, undo
//! puts the board back exactly and names the step, redo applies it again; the selection follows its
//! item; read-only refuses; quitting, the keymap and the palette.

use cairn::app::form::Form;
use cairn::app::palette::Entry;
use cairn::app::{Action, App, Effect, FormKind, Mode, Pane, SaveState};
use cairn::commands::sample_board;
use cairn::input::action_for_key;
use cairn::model::{Board, ItemId, ItemKind, Moscow, Scoring, SprintId, rules};
use jiff::civil::{Date, date};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: Date = date(2026, 11, 28);

/// Field positions in the add/edit form.
const TITLE: usize = 0;
const KIND: usize = 1;
const POINTS: usize = 2;

fn app() -> App {
    App::new(sample_board(TODAY), "b.ron", TODAY)
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

/// Types a string into whatever has the keyboard (form, filter, palette), one key event a character.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(key(c)));
    }
}

/// `CRN-12` → its id, checking the item exists.
fn id(app: &App, key: &str) -> ItemId {
    app.doc
        .board
        .parse_item_key(key)
        .unwrap_or_else(|| panic!("{key} is on the sample board"))
}

/// Selects an item the way a user would jump to it.
fn select(app: &mut App, key: &str) -> ItemId {
    let id = id(app, key);
    app.update(Action::GoToItem(id));
    assert_eq!(app.backlog.selected, Some(id), "{key} selected");
    id
}

fn order(board: &Board) -> Vec<u32> {
    board.items.iter().map(|i| i.id.0).collect()
}

fn status(app: &App) -> &str {
    app.run.status.as_ref().map_or("", |s| s.text.as_str())
}

fn form(app: &App) -> &Form {
    match &app.mode {
        Mode::Form(f) => f,
        _ => panic!("expected the form to be open"),
    }
}

/// Clears the focused form field and types `text` into it.
fn replace_focused(app: &mut App, text: &str) {
    let f = form(app);
    let len: usize = f.fields[f.focus]
        .input
        .lines()
        .iter()
        .map(|l| l.chars().count())
        .sum();
    for _ in 0..len {
        app.update(Action::Type(KeyEvent::new(
            KeyCode::Backspace,
            KeyModifiers::NONE,
        )));
    }
    type_text(app, text);
}

fn focus_field(app: &mut App, at: usize) {
    while form(app).focus != at {
        app.update(Action::NextField);
    }
}

/// Undo restores `before` exactly and says what it undid; redo brings `after` back.
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
    assert_eq!(status(app), format!("Redid: {label}"));
    // And once more back, so a test can go on from the original board.
    app.update(Action::Undo);
    assert_eq!(app.doc.board, *before);
}

/// The active sprint's burndown point for today matches what is left (recorded with each change).
fn assert_burndown_current(board: &Board) {
    let s = board
        .active_sprint()
        .expect("the sample has an active sprint");
    assert_eq!(
        s.remaining.get(&TODAY),
        Some(&board.remaining_points(s.id)),
        "today's burndown point follows the change"
    );
}

mod filter;
mod items;
mod rank;
mod session;
