//! The sprint board driven by actions, without a terminal, on the sample board of 2026-11-28 (Sprint 23
//! active, one day left; Sprint 24 planned). Columns and cards are chosen with h/l and j/k; cards move
//! along the workflow within WIP limits; blocking, assigning, planning, starting and closing sprints
//! each change the board as one undoable step, and today's burndown point goes with every change.
//!
//! Sprint 23 on the sample board, by column and in rank order:
//! To do: CRN-25 (2) · Doing 2/3: CRN-22 (3), CRN-23 (5, blocked) · Review 2/2: CRN-21 (3), CRN-19 (5)
//! · Done: CRN-17, CRN-26, CRN-20, CRN-18, CRN-16 (13 points). 31 points, 18 remaining.

use cairn::app::form::Form;
use cairn::app::{Action, App, Effect, FormKind, Mode, Pane};
use cairn::commands::sample_board;
use cairn::input::action_for_key;
use cairn::model::{Board, Item, ItemId, SprintId, SprintState, rules};
use jiff::civil::{Date, date};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;

const TODAY: Date = date(2026, 11, 28);
const SPRINT_23: SprintId = SprintId(3);
const SPRINT_24: SprintId = SprintId(4);

/// Columns of the sample workflow.
const TO_DO: usize = 0;
const DOING: usize = 1;
const REVIEW: usize = 2;
const DONE: usize = 3;

/// Field positions in the new-sprint form.
const NAME: usize = 0;
const GOAL: usize = 1;
const START: usize = 2;
const END: usize = 3;
const CAPACITY: usize = 4;

/// The sample board on the sprint pane.
fn app() -> App {
    let mut app = App::new(sample_board(TODAY), "b.ron", TODAY);
    app.update(Action::ShowSprint);
    assert_eq!(app.pane, Pane::Sprint);
    app
}

/// `CRN-12` → its id, checking the item exists.
fn id(app: &App, key: &str) -> ItemId {
    app.doc
        .board
        .parse_item_key(key)
        .unwrap_or_else(|| panic!("{key} is on the sample board"))
}

fn ids(app: &App, keys: &[&str]) -> Vec<ItemId> {
    keys.iter().map(|k| id(app, k)).collect()
}

fn item<'a>(app: &'a App, key: &str) -> &'a Item {
    app.doc.board.item(id(app, key)).expect("the item exists")
}

fn sprint(board: &Board, id: SprintId) -> &cairn::model::Sprint {
    board.sprint(id).expect("the sprint exists")
}

fn status(app: &App) -> &str {
    app.run.status.as_ref().map_or("", |s| s.text.as_str())
}

fn status_is_error(app: &App) -> bool {
    app.run.status.as_ref().is_some_and(|s| s.error)
}

fn order(board: &Board) -> Vec<ItemId> {
    board.items.iter().map(|i| i.id).collect()
}

fn form(app: &App) -> &Form {
    match &app.mode {
        Mode::Form(f) => f,
        _ => panic!("expected a form to be open"),
    }
}

fn field_value(app: &App, at: usize) -> String {
    form(app).fields[at].value()
}

fn field_error(app: &App, at: usize) -> Option<&str> {
    form(app).fields[at].error.as_deref()
}

fn key_event(code: KeyCode) -> KeyEvent {
    let modifiers = match code {
        KeyCode::Char(c) if c.is_ascii_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    KeyEvent::new(code, modifiers)
}

/// Presses a key: through the keymap (as the terminal would), then `update`.
fn press(app: &mut App, c: char) -> Vec<Effect> {
    let action = action_for_key(app, key_event(KeyCode::Char(c)))
        .unwrap_or_else(|| panic!("{c:?} does something here"));
    app.update(action)
}

/// Types a string into the open form, one key event a character.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(key_event(KeyCode::Char(c))));
    }
}

/// Focuses a form field and replaces what is in it with `text`.
fn replace_field(app: &mut App, at: usize, text: &str) {
    while form(app).focus != at {
        app.update(Action::NextField);
    }
    for _ in 0..field_value(app, at).chars().count() {
        app.update(Action::Type(key_event(KeyCode::Backspace)));
    }
    assert_eq!(field_value(app, at), "", "field {at} cleared");
    type_text(app, text);
}

/// Column and selected card of the sprint pane.
fn selection(app: &App) -> (usize, Option<ItemId>) {
    (app.sprint.column, app.selected_card())
}

/// The board with one item replaced by `f(item)`.
fn with_item(board: &Board, id: ItemId, f: impl FnOnce(&mut Item)) -> Board {
    let mut b = board.clone();
    let at = b.item_index(id).expect("the item is on the board");
    f(Arc::make_mut(&mut b.items[at]));
    b
}

/// The board with today's burndown point of the active sprint set to `points`.
fn with_burndown(board: &Board, points: u32) -> Board {
    let mut b = board.clone();
    let active = b.active_sprint().expect("an active sprint").id;
    let s = b
        .sprints
        .iter_mut()
        .find(|s| s.id == active)
        .expect("the active sprint");
    s.remaining.insert(TODAY, points);
    b
}

/// Undo puts `before` back exactly and names the step.
fn undo_to(app: &mut App, before: &Board, label: &str) {
    assert_eq!(app.update(Action::Undo), vec![Effect::Changed]);
    assert_eq!(status(app), format!("Undid: {label}"));
    assert!(
        app.doc.board == *before,
        "undo of \"{label}\" restores the board"
    );
}

mod board;
mod close;
mod keys;
mod sprints;
mod views;
