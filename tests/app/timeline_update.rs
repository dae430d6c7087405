//! The timeline pane driven by keys, without a terminal, on the sample board of 2026-11-28. Every key
//! goes through the keymap (`action_for_key`) and `App::update`, as the terminal would send it. Each
//! change is checked three ways: the board is exactly what it should be, undo puts the board back
//! exactly, and redo replays it.
//!
//! The sample timeline, in gantt order (by start):
//! 1 Discovery (Aug 3 – Sep 11) → 2 Build (Sep 14 – Dec 4) → 5 Hardening (Dec 7 – Jan 15) → 6 Pilot
//! (Jan 18 – Feb 12, also after 3 PCI DSS assessment, Nov 9 – Dec 18) → 7 Checkout 2.0 GA (release,
//! Feb 22) → 8 Legacy checkout switched off (Mar 31); 4 Beta to 5% of traffic (milestone, Dec 14) after
//! Build. Risk 1 (3×5 = 15, mitigating) threatens PCI and Beta: the only high open risk.

use crate::common;

use cairn::app::timeline::{Sub, Zoom};
use cairn::app::{Action, App, Effect, Form, Mode, Pane};
use cairn::commands::sample_board;
use cairn::input::action_for_key;
use cairn::model::forecast::progress;
use cairn::model::{Board, EntryId, EntryKind, ItemId, RiskId, RiskStatus, TimelineEntry, plan};
use common::screen::{screen, screen_into};
use jiff::civil::{Date, date};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: Date = date(2026, 11, 28);

const DISCOVERY: EntryId = EntryId(1);
const BUILD: EntryId = EntryId(2);
const PCI: EntryId = EntryId(3);
const BETA: EntryId = EntryId(4);
const HARDENING: EntryId = EntryId(5);
const PILOT: EntryId = EntryId(6);
const GA: EntryId = EntryId(7);

/// Remaining points of Sprint 23 today: every change records today's burndown point with it.
const REMAINING: u32 = 18;

/// Fields of the entry form.
const NAME: usize = 0;
const KIND: usize = 1;
const START: usize = 2;
const END: usize = 3;
const PLANNED: usize = 5;
const ACTUAL: usize = 6;
/// Fields of the risk form.
const PROBABILITY: usize = 1;
const IMPACT: usize = 2;
const MITIGATION: usize = 4;

/// The sample board on the timeline (key `3`).
fn app() -> App {
    let mut app = App::new(sample_board(TODAY), "b.ron", TODAY);
    press(&mut app, '3');
    assert_eq!(app.pane, Pane::Timeline);
    app
}

/// A key event as a terminal sends it: Shift with capitals and shifted symbols.
fn event(code: KeyCode) -> KeyEvent {
    let modifiers = match code {
        KeyCode::Char(c) if c.is_ascii_uppercase() || "<>{}$+".contains(c) => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    KeyEvent::new(code, modifiers)
}

/// Sends a key event through the keymap and `update`.
fn send(app: &mut App, ev: KeyEvent) -> Vec<Effect> {
    let action = action_for_key(app, ev).unwrap_or_else(|| panic!("{ev:?} does something here"));
    app.update(action)
}

fn press(app: &mut App, c: char) -> Vec<Effect> {
    send(app, event(KeyCode::Char(c)))
}

fn press_code(app: &mut App, code: KeyCode) -> Vec<Effect> {
    send(app, event(code))
}

fn shift(app: &mut App, code: KeyCode) -> Vec<Effect> {
    send(app, KeyEvent::new(code, KeyModifiers::SHIFT))
}

/// Types text into whatever takes text (a form field, the picker's search).
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, c);
    }
}

fn status(app: &App) -> &str {
    app.run.status.as_ref().map_or("", |s| s.text.as_str())
}

fn status_is_error(app: &App) -> bool {
    app.run.status.as_ref().is_some_and(|s| s.error)
}

fn entry(board: &Board, id: EntryId) -> &TimelineEntry {
    board.entry(id).expect("the entry exists")
}

fn selected(app: &App) -> EntryId {
    app.selected_entry().expect("an entry is selected").id
}

/// Selects an entry with g and j, as a person would.
fn select(app: &mut App, id: EntryId) {
    press(app, 'g');
    for _ in 0..app.doc.board.timeline.len() {
        if selected(app) == id {
            return;
        }
        press(app, 'j');
    }
    panic!("{id} is not in the gantt");
}

fn item_id(app: &App, key: &str) -> ItemId {
    app.doc
        .board
        .parse_item_key(key)
        .unwrap_or_else(|| panic!("{key} is on the sample board"))
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

/// Focuses a form field and replaces what is in it with `text`.
fn replace_field(app: &mut App, at: usize, text: &str) {
    while form(app).focus != at {
        press_code(app, KeyCode::Tab);
    }
    // A closed set (kind, probability, impact, status) is picked by typing its first letters.
    if form(app).fields[at].is_choice() {
        type_text(app, text);
        return;
    }
    for _ in 0..field_value(app, at).chars().count() {
        press_code(app, KeyCode::Backspace);
    }
    assert_eq!(field_value(app, at), "", "field {at} cleared");
    type_text(app, text);
}

/// `before` with today's burndown point, which goes with every change, plus `f`.
fn expected(before: &Board, f: impl FnOnce(&mut Board)) -> Board {
    let mut b = before.clone();
    let active = b.active_sprint().expect("an active sprint").id;
    let s = b
        .sprints
        .iter_mut()
        .find(|s| s.id == active)
        .expect("the active sprint");
    s.remaining.insert(TODAY, REMAINING);
    f(&mut b);
    b
}

fn entry_mut(b: &mut Board, id: EntryId) -> &mut TimelineEntry {
    b.timeline
        .iter_mut()
        .find(|e| e.id == id)
        .expect("the entry exists")
}

fn days(d: Date, n: i64) -> Date {
    d.checked_add(jiff::Span::new().days(n)).expect("in range")
}

/// Moves both dates of an entry.
fn moved(b: &mut Board, id: EntryId, n: i64) {
    let e = entry_mut(b, id);
    e.start = days(e.start, n);
    e.end = days(e.end, n);
}

/// Undo restores `before` exactly, redo gives `after` back exactly.
fn undo_redo(app: &mut App, before: &Board, after: &Board, label: &str) {
    assert_eq!(app.update(Action::Undo), vec![Effect::Changed], "{label}");
    assert_eq!(status(app), format!("Undid: {label}"));
    assert!(
        app.doc.board == *before,
        "undo of {label:?} restores the board"
    );
    assert_eq!(app.update(Action::Redo), vec![Effect::Changed], "{label}");
    assert_eq!(status(app), format!("Redid: {label}"));
    assert!(app.doc.board == *after, "redo of {label:?} replays it");
}

/// The board and its history are as they were: only the view changed.
fn unchanged(app: &App, before: &Board, what: &str) {
    assert!(app.doc.board == *before, "{what} changes only the view");
    assert_eq!(app.doc.revision, 0, "{what} records no change");
}

fn picker(app: &App) -> &cairn::app::Picker {
    match &app.mode {
        Mode::Picker(p) => p,
        _ => panic!("expected the picker to be open"),
    }
}

/// In the open picker: types `query`, checks the best match's label, and ticks it with Tab.
fn tick(app: &mut App, query: &str, label: &str) {
    while !picker(app).query().is_empty() {
        press_code(app, KeyCode::Backspace);
    }
    type_text(app, query);
    let p = picker(app);
    let first = p.shown.first().map(|&n| p.choices[n].label.as_str());
    assert!(
        first.is_some_and(|l| l.contains(label)),
        "{query:?} finds {label:?} first, not {first:?}"
    );
    press_code(app, KeyCode::Tab);
}

/// The gantt line of an entry's name at 200×60 (where the flags are words).
fn gantt_line(app: &App, name: &str) -> String {
    let s = screen(app, 200, 60);
    s.lines()
        .find(|l| l.contains(name))
        .unwrap_or_else(|| panic!("{name:?} is on the gantt:\n{s}"))
        .to_string()
}

mod entries;
mod moves;
mod risks;
mod view;
