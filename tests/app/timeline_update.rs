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
use common::screen::screen;
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
    app.status.as_ref().map_or("", |s| s.text.as_str())
}

fn status_is_error(app: &App) -> bool {
    app.status.as_ref().is_some_and(|s| s.error)
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
    for _ in 0..app.board.timeline.len() {
        if selected(app) == id {
            return;
        }
        press(app, 'j');
    }
    panic!("{id} is not in the gantt");
}

fn item_id(app: &App, key: &str) -> ItemId {
    app.board
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
    assert!(app.board == *before, "undo of {label:?} restores the board");
    assert_eq!(app.update(Action::Redo), vec![Effect::Changed], "{label}");
    assert_eq!(status(app), format!("Redid: {label}"));
    assert!(app.board == *after, "redo of {label:?} replays it");
}

/// The board and its history are as they were: only the view changed.
fn unchanged(app: &App, before: &Board, what: &str) {
    assert!(app.board == *before, "{what} changes only the view");
    assert_eq!(app.changes, 0, "{what} records no change");
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

#[test]
fn the_sample_is_what_these_tests_expect() {
    let app = app();
    let names: Vec<&str> = app
        .timeline_rows()
        .into_iter()
        .map(|id| entry(&app.board, id).name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Discovery",
            "Build",
            "PCI DSS assessment",
            "Hardening",
            "Beta to 5% of traffic",
            "Pilot: ramp to 50% of traffic",
            "Checkout 2.0 GA",
            "Legacy checkout switched off",
        ]
    );
    assert_eq!(selected(&app), BUILD, "the first entry not over yet");
    assert_eq!(entry(&app.board, BUILD).end, date(2026, 12, 4));
    assert_eq!(entry(&app.board, HARDENING).start, date(2026, 12, 7));
    assert_eq!(entry(&app.board, HARDENING).depends_on, [BUILD]);
    assert!(
        app.board
            .timeline
            .iter()
            .all(|e| e.broken_dependencies(&app.board.timeline).is_empty()),
        "no broken dependency to begin with"
    );
    assert_eq!(
        app.board
            .remaining_points(app.board.active_sprint().unwrap().id),
        REMAINING
    );
    assert_eq!(
        plan::entries_at_high_risk(&app.board),
        [PCI, BETA].into_iter().collect()
    );
}

#[test]
fn j_k_g_and_g_select_entries_in_gantt_order() {
    let mut app = app();
    let before = app.board.clone();
    press(&mut app, 'j');
    assert_eq!(selected(&app), PCI);
    press(&mut app, 'k');
    assert_eq!(selected(&app), BUILD);
    press(&mut app, 'g');
    assert_eq!(selected(&app), DISCOVERY);
    press(&mut app, 'k');
    assert_eq!(selected(&app), DISCOVERY, "stops at the top");
    press(&mut app, 'G');
    assert_eq!(selected(&app), EntryId(8));
    press(&mut app, 'j');
    assert_eq!(selected(&app), EntryId(8), "stops at the bottom");
    unchanged(&app, &before, "selecting");
}

#[test]
fn scrolling_zooming_and_today_change_only_the_view() {
    let mut app = app();
    let before = app.board.clone();
    // A frame tells the view how many days the chart shows.
    screen(&app, 120, 30);
    let shown = app.timeline.chart_days.get();
    assert!(shown > 40, "{shown} days at week zoom in 120 columns");
    let origin = app.timeline_origin();
    assert_eq!(app.timeline.origin, None, "today a quarter in");
    assert_eq!(origin, days(TODAY, -i64::from(shown / 4)));

    press(&mut app, 'l');
    let step = i64::from((shown / 4).max(7));
    assert_eq!(app.timeline_origin(), days(origin, step));
    press(&mut app, 'h');
    press(&mut app, 'h');
    assert_eq!(app.timeline_origin(), days(origin, -step));
    press_code(&mut app, KeyCode::Right);
    assert_eq!(app.timeline_origin(), origin, "→ scrolls as l does");

    press(&mut app, '+');
    assert_eq!(app.timeline.zoom, Zoom::Day);
    assert_eq!(status(&app), "Showing days");
    press(&mut app, '+');
    assert_eq!(status(&app), "Already showing days");
    press(&mut app, '-');
    press(&mut app, '-');
    assert_eq!(app.timeline.zoom, Zoom::Month);
    press(&mut app, '-');
    assert_eq!(status(&app), "Already showing months");
    press(&mut app, '=');
    assert_eq!(app.timeline.zoom, Zoom::Week, "= zooms in as + does");

    press(&mut app, 't');
    assert_eq!(app.timeline.origin, None);
    assert_eq!(status(&app), "Today is 2026-11-28");
    unchanged(&app, &before, "h, l, +, -, t");
}

#[test]
fn details_critical_path_push_and_the_sub_views_are_view_toggles() {
    let mut app = app();
    let before = app.board.clone();
    press_code(&mut app, KeyCode::Enter);
    assert!(app.timeline.details);
    press_code(&mut app, KeyCode::Esc);
    assert!(!app.timeline.details, "Esc hides the details");

    press(&mut app, 'c');
    assert!(app.timeline.critical);
    assert!(
        status(&app).starts_with("Critical path shown"),
        "{}",
        status(&app)
    );
    press(&mut app, 'c');
    assert!(!app.timeline.critical);

    press(&mut app, 'P');
    assert!(app.timeline.push);
    assert!(status(&app).starts_with("Push dependents on"));
    press(&mut app, 'P');
    assert!(!app.timeline.push);

    press(&mut app, '$');
    assert_eq!(app.timeline.sub, Sub::Budget);
    press(&mut app, '$');
    assert_eq!(app.timeline.sub, Sub::Gantt, "$ again goes back");
    press(&mut app, '$');
    press_code(&mut app, KeyCode::Esc);
    assert_eq!(app.timeline.sub, Sub::Gantt, "Esc goes back");
    press(&mut app, 'r');
    assert_eq!(app.timeline.sub, Sub::Risks);
    press_code(&mut app, KeyCode::Esc);
    assert_eq!(app.timeline.sub, Sub::Gantt);
    unchanged(&app, &before, "Enter, c, P, $ and r");

    // The critical path to the release: Discovery → Build → Hardening → Pilot → GA.
    assert_eq!(
        plan::critical_path(&app.board.timeline, GA),
        [DISCOVERY, BUILD, HARDENING, PILOT, GA]
    );
}

#[test]
fn angle_brackets_move_the_selected_entry_a_day() {
    let mut app = app();
    let before = app.board.clone();
    assert_eq!(press(&mut app, '>'), vec![Effect::Changed]);
    let after = expected(&before, |b| moved(b, BUILD, 1));
    assert!(app.board == after, "Build moved a day later, nothing else");
    assert_eq!(status(&app), "Move \"Build\" a day later");
    assert!(!status_is_error(&app));
    undo_redo(&mut app, &before, &after, "Move \"Build\" a day later");

    press(&mut app, '<');
    press(&mut app, '<');
    let earlier = expected(&before, |b| moved(b, BUILD, -1));
    assert!(app.board == earlier, "two days earlier from a day later");
    assert_eq!(status(&app), "Move \"Build\" a day earlier");
    assert_eq!(selected(&app), BUILD, "the selection stays on the entry");
}

#[test]
fn shift_arrows_move_the_selected_entry_a_week() {
    let mut app = app();
    select(&mut app, PCI);
    let before = app.board.clone();
    shift(&mut app, KeyCode::Left);
    let after = expected(&before, |b| moved(b, PCI, -7));
    assert!(app.board == after, "PCI a week earlier");
    assert_eq!(status(&app), "Move \"PCI DSS assessment\" a week earlier");
    undo_redo(
        &mut app,
        &before,
        &after,
        "Move \"PCI DSS assessment\" a week earlier",
    );
    shift(&mut app, KeyCode::Right);
    assert!(app.board == expected(&before, |_| {}), "and back");
    // Without Shift the arrows scroll.
    let board = app.board.clone();
    press_code(&mut app, KeyCode::Left);
    assert!(app.board == board);
}

#[test]
fn brackets_and_braces_move_the_end() {
    let mut app = app();
    select(&mut app, PCI);
    let before = app.board.clone();
    let end = |n| {
        expected(&before, |b| {
            let e = entry_mut(b, PCI);
            e.end = days(e.end, n);
        })
    };
    press(&mut app, ']');
    assert!(app.board == end(1), "] ends PCI a day later");
    assert_eq!(status(&app), "End of \"PCI DSS assessment\" a day later");
    undo_redo(
        &mut app,
        &before,
        &end(1),
        "End of \"PCI DSS assessment\" a day later",
    );
    press(&mut app, '[');
    press(&mut app, '[');
    assert!(app.board == end(-1));
    press(&mut app, '}');
    assert!(app.board == end(6));
    assert_eq!(status(&app), "End of \"PCI DSS assessment\" a week later");
    press(&mut app, '{');
    press(&mut app, '{');
    assert!(app.board == end(-8));
    assert_eq!(status(&app), "End of \"PCI DSS assessment\" a week earlier");

    // A milestone has one date: its "end" moves it whole.
    select(&mut app, BETA);
    let board = app.board.clone();
    press(&mut app, ']');
    let mut beta = entry(&board, BETA).clone();
    (beta.start, beta.end) = (date(2026, 12, 15), date(2026, 12, 15));
    assert_eq!(*entry(&app.board, BETA), beta);
    assert_eq!(status(&app), "Move \"Beta to 5% of traffic\" a day later");
}

#[test]
fn a_move_that_breaks_a_dependency_says_so_when_push_is_off() {
    let mut app = app();
    assert!(!app.timeline.push, "push dependents is off by default");
    let before = app.board.clone();
    // Build a week later ends Dec 11, after Hardening (which needs it) starts Dec 7.
    shift(&mut app, KeyCode::Right);
    let after = expected(&before, |b| moved(b, BUILD, 7));
    assert!(app.board == after, "only Build moved");
    assert!(status_is_error(&app), "a broken dependency is an error");
    assert_eq!(
        status(&app),
        "Move \"Build\" a week later — ✗ 1 broken dependency (P pushes dependents along)"
    );
    let hardening = entry(&app.board, HARDENING);
    assert_eq!(
        hardening.broken_dependencies(&app.board.timeline)[0].id,
        BUILD
    );
    // Shown on both entries.
    assert!(
        gantt_line(&app, "▬ Build").contains("✗ dep"),
        "{}",
        gantt_line(&app, "▬ Build")
    );
    assert!(gantt_line(&app, "▬ Hardening").contains("✗ dep"));
    undo_redo(&mut app, &before, &after, "Move \"Build\" a week later");
}

#[test]
fn push_dependents_keeps_the_chain_valid() {
    let mut app = app();
    let before = app.board.clone();
    press(&mut app, 'P');
    shift(&mut app, KeyCode::Right);
    // Build ends Dec 11: Hardening moves to start Dec 12 (5 days), so it ends Jan 20, and the Pilot,
    // which needs it, moves to start Jan 21 (3 days). Beta (Dec 14) and GA (Feb 22) still fit.
    let after = expected(&before, |b| {
        moved(b, BUILD, 7);
        moved(b, HARDENING, 5);
        moved(b, PILOT, 3);
    });
    assert_eq!(entry(&app.board, HARDENING).start, date(2026, 12, 12));
    assert_eq!(entry(&app.board, PILOT).start, date(2027, 1, 21));
    assert!(
        app.board == after,
        "Build, Hardening and the Pilot moved, nothing else"
    );
    assert!(!status_is_error(&app));
    assert_eq!(
        status(&app),
        "Move \"Build\" a week later, pushing 2 after it"
    );
    assert!(
        app.board
            .timeline
            .iter()
            .all(|e| e.broken_dependencies(&app.board.timeline).is_empty()),
        "no dependency broken"
    );
    // One step: undo takes back all three.
    undo_redo(
        &mut app,
        &before,
        &after,
        "Move \"Build\" a week later, pushing 2 after it",
    );
}

#[test]
fn dependencies_through_the_picker_and_a_cycle_is_refused() {
    let mut app = app();
    select(&mut app, HARDENING);
    let before = app.board.clone();
    press(&mut app, 'D');
    assert_eq!(picker(&app).title, "\"Hardening\" depends on");
    assert_eq!(picker(&app).ticked(), 1, "Build is ticked");
    assert!(
        picker(&app).choices.iter().all(|c| c.label != "Hardening"),
        "not itself"
    );
    tick(&mut app, "pci", "PCI DSS assessment");
    assert_eq!(app.board, before, "nothing changes before Enter");
    press_code(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Normal));
    let after = expected(&before, |b| {
        entry_mut(b, HARDENING).depends_on = vec![BUILD, PCI]
    });
    assert!(app.board == after, "Hardening depends on Build and PCI");
    // PCI runs past Hardening's start: the new dependency is broken at once, and the status says so.
    assert_eq!(
        status(&app),
        "\"Hardening\" depends on 2 entries — ✗ it starts 2026-12-07 but \"PCI DSS assessment\" \
         ends 2026-12-18 (> moves it, P pushes dependents)"
    );
    assert!(status_is_error(&app));
    undo_redo(
        &mut app,
        &before,
        &after,
        "\"Hardening\" depends on 2 entries",
    );

    // Discovery cannot depend on Hardening, which needs it through Build.
    select(&mut app, DISCOVERY);
    let board = app.board.clone();
    let changes = app.changes;
    press(&mut app, 'D');
    tick(&mut app, "harden", "Hardening");
    assert_eq!(press_code(&mut app, KeyCode::Enter), vec![]);
    assert!(status_is_error(&app));
    assert_eq!(
        status(&app),
        "\"Discovery\" cannot depend on \"Hardening\": \"Hardening\" already depends on it, directly or through others"
    );
    assert!(app.board == board, "nothing changed");
    assert_eq!(app.changes, changes);
    assert!(matches!(app.mode, Mode::Normal));

    // Esc leaves everything as it was.
    press(&mut app, 'D');
    tick(&mut app, "beta", "Beta");
    press_code(&mut app, KeyCode::Esc);
    assert_eq!(status(&app), "Cancelled: no links changed");
    assert!(app.board == board);
}

#[test]
fn enter_in_a_picker_without_changes_changes_nothing() {
    // The Pilot depends on [Hardening, PCI] in the file; the picker lists PCI first. Beta links
    // ten items in an order that is not the backlog's.
    for (id, key) in [(PILOT, 'D'), (BETA, 'L'), (BUILD, 'D')] {
        let mut app = app();
        select(&mut app, id);
        let before = app.board.clone();
        press(&mut app, key);
        assert!(picker(&app).ticked() > 0);
        assert_eq!(press_code(&mut app, KeyCode::Enter), vec![], "{id} {key}");
        assert_eq!(status(&app), "No changes", "{id} {key}");
        assert!(app.board == before, "{id} {key}: the board is as it was");
        assert_eq!(app.changes, 0, "{id} {key}: no undo step");
    }
}

#[test]
fn add_an_entry_through_the_form() {
    let mut app = app();
    select(&mut app, BETA);
    let before = app.board.clone();
    press(&mut app, 'a');
    assert!(form(&app).title.starts_with("New timeline entry"));
    // A new entry starts the day after the selected one, for two weeks.
    assert_eq!(field_value(&app, START), "2026-12-15");
    assert_eq!(field_value(&app, END), "2026-12-28");
    assert_eq!(field_value(&app, KIND), "phase");
    type_text(&mut app, "Load test");
    replace_field(&mut app, START, "2026-02-30");
    replace_field(&mut app, END, "+2w");
    assert_eq!(press_code(&mut app, KeyCode::Enter), vec![]);
    let err = field_error(&app, START).expect("an error beside Start");
    assert!(err.contains("\"2026-02-30\" is not a date"), "{err}");
    assert_eq!(field_error(&app, NAME), None);
    assert_eq!(
        form(&app).focus,
        START,
        "the cursor goes to the wrong field"
    );
    assert!(app.board == before, "nothing changed");
    let s = screen(&app, 100, 30);
    assert!(s.contains("is not a date"), "the error is on screen:\n{s}");

    replace_field(&mut app, START, "+3d");
    assert_eq!(field_error(&app, START), None, "typing clears the error");
    replace_field(&mut app, PLANNED, "25k");
    assert_eq!(press_code(&mut app, KeyCode::Enter), vec![Effect::Changed]);
    assert!(matches!(app.mode, Mode::Normal));
    let id = EntryId(9);
    let after = expected(&before, |b| {
        b.counters.entry = 10;
        b.timeline.push(TimelineEntry {
            id,
            name: "Load test".into(),
            kind: EntryKind::Phase,
            start: date(2026, 12, 1),
            end: date(2026, 12, 15),
            depends_on: vec![],
            items: vec![],
            owner: String::new(),
            planned_cost: 25_000,
            actual_cost: 0,
        });
    });
    assert!(app.board == after, "{:#?}", app.board.entry(id));
    assert_eq!(selected(&app), id, "the new entry is selected");
    assert_eq!(status(&app), "Add phase \"Load test\"");
    undo_redo(&mut app, &before, &after, "Add phase \"Load test\"");

    // A milestone takes one date; the end field is ignored.
    press(&mut app, 'a');
    type_text(&mut app, "Code freeze");
    replace_field(&mut app, KIND, "m");
    replace_field(&mut app, START, "2026-12-18");
    press_code(&mut app, KeyCode::Enter);
    let freeze = entry(&app.board, EntryId(10));
    assert_eq!(
        (freeze.kind, freeze.start, freeze.end),
        (EntryKind::Milestone, date(2026, 12, 18), date(2026, 12, 18))
    );
}

#[test]
fn a_one_day_phase_cannot_end_before_it_starts() {
    let mut app = app();
    press(&mut app, 'a');
    type_text(&mut app, "Spike");
    replace_field(&mut app, START, "today");
    replace_field(&mut app, END, "today");
    press_code(&mut app, KeyCode::Enter);
    let spike = selected(&app);
    assert_eq!(entry(&app.board, spike).duration_days(), 1);
    let board = app.board.clone();
    assert_eq!(press(&mut app, '['), vec![]);
    assert!(status_is_error(&app));
    assert_eq!(status(&app), "\"Spike\" would end before it starts");
    assert!(app.board == board);

    // An end before the start in the form is an error beside End.
    press(&mut app, 'e');
    replace_field(&mut app, END, "2026-11-01");
    press_code(&mut app, KeyCode::Enter);
    let err = field_error(&app, END).expect("an error beside End");
    assert_eq!(err, "ends 2026-11-01, before it starts 2026-11-28");
    press_code(&mut app, KeyCode::Esc);
    assert!(app.board == board);
}

#[test]
fn edit_the_costs_of_a_phase() {
    let mut app = app();
    select(&mut app, PCI);
    let before = app.board.clone();
    press(&mut app, 'e');
    assert_eq!(field_value(&app, PLANNED), "36000");
    assert_eq!(field_value(&app, ACTUAL), "29700");
    replace_field(&mut app, ACTUAL, "lots");
    press_code(&mut app, KeyCode::Enter);
    assert!(field_error(&app, ACTUAL).is_some_and(|e| e.contains("not an amount")));
    replace_field(&mut app, PLANNED, "40,000");
    replace_field(&mut app, ACTUAL, "31.5k");
    assert_eq!(press_code(&mut app, KeyCode::Enter), vec![Effect::Changed]);
    let after = expected(&before, |b| {
        let e = entry_mut(b, PCI);
        (e.planned_cost, e.actual_cost) = (40_000, 31_500);
    });
    assert!(app.board == after);
    assert_eq!(status(&app), "Edit \"PCI DSS assessment\"");
    undo_redo(&mut app, &before, &after, "Edit \"PCI DSS assessment\"");

    // The form opened and saved untouched is no change at all.
    press(&mut app, 'e');
    assert_eq!(press_code(&mut app, KeyCode::Enter), vec![]);
    assert_eq!(status(&app), "No changes");
    assert!(app.board == after);
}

#[test]
fn delete_an_entry_and_undo_brings_back_its_links() {
    let mut app = app();
    select(&mut app, BETA);
    let before = app.board.clone();
    let milestone_items: Vec<ItemId> = before
        .items
        .iter()
        .filter(|i| i.milestone == Some(BETA))
        .map(|i| i.id)
        .collect();
    assert!(milestone_items.len() >= 10);
    assert!(
        before
            .risks
            .iter()
            .filter(|r| r.entries.contains(&BETA))
            .count()
            >= 2
    );
    assert!(
        before
            .stakeholders
            .iter()
            .any(|s| s.notes.iter().any(|n| n.entries.contains(&BETA)))
    );

    assert_eq!(press(&mut app, 'd'), vec![Effect::Changed]);
    assert_eq!(status(&app), "Delete \"Beta to 5% of traffic\"");
    assert!(app.board.entry(BETA).is_none());
    assert!(app.board.items.iter().all(|i| i.milestone != Some(BETA)));
    assert!(app.board.risks.iter().all(|r| !r.entries.contains(&BETA)));
    assert!(
        app.board
            .stakeholders
            .iter()
            .all(|s| s.notes.iter().all(|n| !n.entries.contains(&BETA)))
    );
    assert!(
        app.board
            .timeline
            .iter()
            .all(|e| !e.depends_on.contains(&BETA))
    );
    assert_eq!(selected(&app), PILOT, "the next row is selected");
    let after = app.board.clone();
    undo_redo(
        &mut app,
        &before,
        &after,
        "Delete \"Beta to 5% of traffic\"",
    );
    app.update(Action::Undo);
    assert!(app.board == before);
    assert_eq!(
        app.board
            .items
            .iter()
            .filter(|i| i.milestone == Some(BETA))
            .map(|i| i.id)
            .collect::<Vec<_>>(),
        milestone_items,
        "the items' milestone is back"
    );

    // Deleting an entry others depend on takes it out of their dependencies.
    select(&mut app, BUILD);
    press(&mut app, 'd');
    assert!(entry(&app.board, HARDENING).depends_on.is_empty());
    assert!(entry(&app.board, BETA).depends_on.is_empty());
    app.update(Action::Undo);
    assert!(app.board == before);
}

#[test]
fn link_items_through_the_picker_changes_progress() {
    let mut app = app();
    select(&mut app, PILOT);
    let before = app.board.clone();
    assert_eq!(
        progress(&app.board, entry(&app.board, PILOT)).percent(),
        None
    );
    let (crn29, crn14) = (item_id(&app, "CRN-29"), item_id(&app, "CRN-14"));
    assert_eq!(app.board.item(crn29).unwrap().milestone, None);
    press(&mut app, 'L');
    assert_eq!(
        picker(&app).title,
        "Items \"Pilot: ramp to 50% of traffic\" delivers"
    );
    assert_eq!(picker(&app).ticked(), 0);
    tick(&mut app, "exemptions", "CRN-29");
    tick(&mut app, "double", "CRN-14");
    assert_eq!(picker(&app).ticked(), 2);
    assert!(app.board == before, "nothing changes before Enter");
    assert_eq!(press_code(&mut app, KeyCode::Enter), vec![Effect::Changed]);
    assert_eq!(
        status(&app),
        "Link 2 items to \"Pilot: ramp to 50% of traffic\""
    );
    // Backlog order: CRN-29 (to do, 3 points) comes before CRN-14 (done, 3 points).
    let pilot = entry(&app.board, PILOT);
    assert_eq!(pilot.items, [crn29, crn14]);
    let p = progress(&app.board, pilot);
    assert_eq!((p.done, p.total, p.percent()), (3, 6, Some(50)));
    assert_eq!(
        app.board.item(crn29).unwrap().milestone,
        Some(PILOT),
        "an item without a milestone takes the entry"
    );
    assert!(gantt_line(&app, "Pilot: ramp").contains("50%"));
    let after = app.board.clone();
    undo_redo(
        &mut app,
        &before,
        &after,
        "Link 2 items to \"Pilot: ramp to 50% of traffic\"",
    );

    // Unticking takes the link and the milestone away again.
    press(&mut app, 'L');
    tick(&mut app, "exemptions", "CRN-29");
    press_code(&mut app, KeyCode::Enter);
    assert_eq!(entry(&app.board, PILOT).items, [crn14]);
    assert_eq!(app.board.item(crn29).unwrap().milestone, None);
    assert_eq!(
        progress(&app.board, entry(&app.board, PILOT)).percent(),
        Some(100)
    );
}

#[test]
fn risk_register_add_edit_close_link_and_the_marker() {
    let mut app = app();
    press(&mut app, 'r');
    let before = app.board.clone();
    let ids: Vec<RiskId> = app.risk_rows();
    assert_eq!(ids, [RiskId(1), RiskId(2), RiskId(3), RiskId(4), RiskId(5)]);
    assert_eq!(app.selected_risk().unwrap().id, RiskId(1));
    assert!(gantt_line(&app, "Risk register").contains("4 open, 1 high"));

    // Add: a bad probability is refused beside the field, then a good one goes in first.
    press(&mut app, 'a');
    type_text(&mut app, "Adyen outage during the beta");
    replace_field(&mut app, PROBABILITY, "7");
    press_code(&mut app, KeyCode::Enter);
    assert_eq!(field_error(&app, PROBABILITY), Some("\"7\" is not 1–5"));
    assert!(app.board == before);
    replace_field(&mut app, PROBABILITY, "4");
    replace_field(&mut app, IMPACT, "5");
    replace_field(&mut app, MITIGATION, "Fallback PSP behind the flag");
    assert_eq!(press_code(&mut app, KeyCode::Enter), vec![Effect::Changed]);
    let new = RiskId(6);
    assert_eq!(
        status(&app),
        "Add risk \"Adyen outage during the beta\" (exposure 20)"
    );
    assert_eq!(app.risk_rows()[0], new, "highest exposure first");
    assert_eq!(app.selected_risk().unwrap().id, new);
    let r = app.board.risk(new).unwrap();
    assert_eq!(
        (r.probability, r.impact, r.status, r.raised),
        (4, 5, RiskStatus::Open, TODAY)
    );
    assert_eq!(app.board.counters.risk, 7);
    let added = app.board.clone();
    undo_redo(
        &mut app,
        &before,
        &added,
        "Add risk \"Adyen outage during the beta\" (exposure 20)",
    );

    // Link it to Hardening and an item: Hardening gets the ! marker (not linked, no marker).
    assert!(!plan::entries_at_high_risk(&app.board).contains(&HARDENING));
    press(&mut app, 'L');
    assert_eq!(
        picker(&app).title,
        "Risk \"Adyen outage during the beta\" threatens"
    );
    tick(&mut app, "hardening", "Hardening");
    tick(&mut app, "webhook", "CRN-22");
    press_code(&mut app, KeyCode::Enter);
    assert_eq!(
        status(&app),
        "Link risk \"Adyen outage during the beta\" to 1 entry and 1 item"
    );
    let r = app.board.risk(new).unwrap();
    assert_eq!(
        (r.entries.clone(), r.items.clone()),
        (vec![HARDENING], vec![item_id(&app, "CRN-22")])
    );
    assert!(plan::entries_at_high_risk(&app.board).contains(&HARDENING));
    let linked = app.board.clone();
    undo_redo(
        &mut app,
        &added,
        &linked,
        "Link risk \"Adyen outage during the beta\" to 1 entry and 1 item",
    );
    press_code(&mut app, KeyCode::Esc);
    assert!(gantt_line(&app, "▬ Hardening").contains("! risk"));
    press(&mut app, 'r');

    // Edit: impact 2 brings exposure to 8, under the high mark (15): the marker goes.
    press(&mut app, 'e');
    assert!(form(&app).title.starts_with("Edit risk"));
    replace_field(&mut app, IMPACT, "2");
    press_code(&mut app, KeyCode::Enter);
    assert_eq!(status(&app), "Edit risk \"Adyen outage during the beta\"");
    assert_eq!(app.board.risk(new).unwrap().exposure(), 8);
    assert!(!plan::entries_at_high_risk(&app.board).contains(&HARDENING));
    let edited = app.board.clone();
    undo_redo(
        &mut app,
        &linked,
        &edited,
        "Edit risk \"Adyen outage during the beta\"",
    );

    // Close the QSA risk (mitigating, 15): PCI and Beta lose the marker; x again reopens it.
    press(&mut app, 'g');
    assert_eq!(app.selected_risk().unwrap().id, RiskId(1));
    press(&mut app, 'x');
    assert_eq!(
        status(&app),
        "Close risk \"QSA finds cardholder data in scope beyond SAQ A-EP\""
    );
    assert_eq!(
        app.board.risk(RiskId(1)).unwrap().status,
        RiskStatus::Closed
    );
    assert_eq!(
        app.risk_rows()[4..],
        [RiskId(1), RiskId(5)],
        "closed ones after the open ones"
    );
    assert_eq!(app.selected_risk().unwrap().id, RiskId(1), "still selected");
    assert!(plan::entries_at_high_risk(&app.board).is_empty());
    let closed = app.board.clone();
    undo_redo(
        &mut app,
        &edited,
        &closed,
        "Close risk \"QSA finds cardholder data in scope beyond SAQ A-EP\"",
    );
    press_code(&mut app, KeyCode::Esc);
    let pci = gantt_line(&app, "▬ PCI DSS assessment");
    assert!(!pci.contains('!'), "no marker for a closed risk: {pci}");
    press(&mut app, 'r');
    press(&mut app, 'x');
    assert_eq!(
        status(&app),
        "Reopen risk \"QSA finds cardholder data in scope beyond SAQ A-EP\""
    );
    assert!(plan::entries_at_high_risk(&app.board).contains(&PCI));

    // Delete the new risk; undo brings it back.
    let board = app.board.clone();
    press(&mut app, 'g');
    assert_eq!(app.selected_risk().unwrap().id, RiskId(1), "15 beats 8");
    while app.selected_risk().unwrap().id != new {
        press(&mut app, 'j');
    }
    press(&mut app, 'd');
    assert!(app.board.risk(new).is_none());
    app.update(Action::Undo);
    assert!(app.board == board);
}

#[test]
fn the_marker_needs_an_open_high_risk() {
    let mut app = app();
    press(&mut app, '$');
    press(&mut app, '$');
    // Mitigating and 3×5 = 15: high. Beta and PCI carry it, as symbols at 80 columns.
    assert!(gantt_line(&app, "◇ Beta to 5%").contains("! risk"));
    let s = screen(&app, 80, 24);
    let beta = s
        .lines()
        .find(|l| l.contains("◇ Beta"))
        .expect("Beta at 80×24");
    assert!(beta.contains('!'), "{beta}");
    // Risk 2 (4×3 = 12) threatens Hardening: not high, no marker.
    assert!(!gantt_line(&app, "▬ Hardening").contains('!'));
}

#[test]
fn a_read_only_board_refuses_every_change() {
    let mut app = app();
    app.set_read_only();
    let before = app.board.clone();
    let refused = |app: &mut App, what: &str| {
        assert!(status_is_error(app), "{what}: {}", status(app));
        assert!(
            status(app).starts_with("Read-only"),
            "{what}: {}",
            status(app)
        );
        assert!(app.board == before, "{what} changed nothing");
        assert!(matches!(app.mode, Mode::Normal), "{what} opens nothing");
        app.status = None;
    };
    for c in ['>', '<', ']', '[', '}', '{', 'a', 'e', 'd', 'D', 'L'] {
        assert_eq!(press(&mut app, c), vec![], "{c}");
        refused(&mut app, &c.to_string());
    }
    shift(&mut app, KeyCode::Right);
    refused(&mut app, "Shift-→");
    press(&mut app, 'r');
    for c in ['a', 'e', 'x', 'L', 'd'] {
        assert_eq!(press(&mut app, c), vec![], "risk {c}");
        refused(&mut app, &format!("risk {c}"));
    }
    press_code(&mut app, KeyCode::Esc);
    // The view still works.
    press(&mut app, 'j');
    press(&mut app, '+');
    press(&mut app, 'P');
    assert!(app.timeline.push);
    assert!(app.board == before);
    assert_eq!(app.changes, 0);
}

#[test]
fn week_moves_in_the_risk_register_behave_like_day_moves() {
    // < and > from the register go back to the gantt and move the selected entry there; the week
    // moves should do the same rather than move an entry the register hides.
    for (label, ev) in [
        ("<", event(KeyCode::Char('<'))),
        ("Shift-←", KeyEvent::new(KeyCode::Left, KeyModifiers::SHIFT)),
        ("{", event(KeyCode::Char('{'))),
    ] {
        let mut app = app();
        press(&mut app, 'r');
        send(&mut app, ev);
        assert_eq!(
            app.timeline.sub,
            Sub::Gantt,
            "{label} in the register shows the gantt, where the move is seen"
        );
    }
}
