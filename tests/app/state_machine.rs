//! Random key sequences over all four panes, through the keymap and `App::update` as a user's keys
//! would go: nothing panics (drawing included), the board stays valid, undoing every step restores the
//! board exactly, redoing replays it, and the board survives a save and load with the same bytes.
//!
//! The sequences must also do something: most of them leave a changed board, so the checks above
//! cannot pass on sequences that change nothing.
//!
//! Bounded for `cargo test` (32 sequences of 1–300 keys on each board); the long form runs more:
//! `CAIRN_SEQUENCES=5000 cargo test --release --test app state_machine`.

use cairn::app::{Action, App, Mode, Pane};
use cairn::commands::sample_board;
use cairn::input::action_for_key;
use cairn::io::generate::generate;
use cairn::model::Board;
use cairn::store::{from_ron, to_ron};
use jiff::civil::{Date, date};
use proptest::prelude::*;
use proptest::test_runner::TestRunner;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::cell::Cell;
use std::path::Path;

const TODAY: Date = date(2026, 11, 28);

/// Keys a user presses: every pane's commands, list keys, form keys and some text.
const CHARS: &str = "1234jkgGhlJKHLTaeEdpmswRxAbnStcPW<>[]{}$rDLcvni+-=/?:u qyYNoel0358-,.";

fn keys() -> impl Strategy<Value = Vec<KeyEvent>> {
    let special = prop_oneof![
        Just(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
        Just(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
        Just(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)),
        Just(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
        Just(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)),
        Just(KeyEvent::new(KeyCode::Up, KeyModifiers::NONE)),
        Just(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)),
        Just(KeyEvent::new(KeyCode::Right, KeyModifiers::SHIFT)),
        Just(KeyEvent::new(KeyCode::Left, KeyModifiers::SHIFT)),
        Just(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL)),
        Just(KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE)),
    ];
    let chars: Vec<char> = CHARS.chars().collect();
    let char_key = proptest::sample::select(chars).prop_map(|c| {
        let m = if c.is_ascii_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        KeyEvent::new(KeyCode::Char(c), m)
    });
    proptest::collection::vec(prop_oneof![4 => char_key, 1 => special], 1..300)
}

fn sequences() -> u32 {
    std::env::var("CAIRN_SEQUENCES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32)
}

/// Runs the keys, drawing after each one; then checks validity, undo, redo and the file round trip.
/// Gives the number of steps undone and whether the keys left the board changed.
fn run(board: Board, keys: &[KeyEvent]) -> Result<(usize, bool), TestCaseError> {
    let initial = board.clone();
    let mut app = App::new(board, "b.ron", TODAY);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test terminal");
    for key in keys {
        if let Some(action) = action_for_key(&app, *key) {
            // Effects ($EDITOR, reload, quit, report) belong to the runner; the model is what matters.
            let _ = app.update(action);
        }
        cairn::ui::draw_app(&mut terminal, &mut app).expect("draws");
    }
    let problems = app.doc.board.validate();
    prop_assert!(problems.is_empty(), "invalid board: {problems:?}");

    // Save and load: the same board, and the same bytes when saved again.
    let text = to_ron(&app.doc.board).expect("serialises");
    let back = from_ron(&text, Path::new("b.ron")).expect("loads what it saved");
    prop_assert_eq!(&back, &app.doc.board);
    prop_assert_eq!(to_ron(&back).expect("serialises"), text);

    // Undo everything, then redo everything.
    let last = app.doc.board.clone();
    app.mode = Mode::Normal;
    app.pane = Pane::Backlog;
    let mut steps = 0;
    while app.doc.history.can_undo() {
        app.update(Action::Undo);
        steps += 1;
        prop_assert!(steps <= keys.len() * 3, "undo does not end");
    }
    prop_assert_eq!(
        &app.doc.board,
        &initial,
        "undoing {} steps restores the board",
        steps
    );
    for _ in 0..steps {
        app.update(Action::Redo);
    }
    prop_assert_eq!(
        &app.doc.board,
        &last,
        "redoing {} steps replays them",
        steps
    );
    let changed = last != initial;
    prop_assert!(!changed || steps > 0, "a changed board has steps to undo");
    Ok((steps, changed))
}

/// At least this share of the sequences (in percent) must leave the board changed. Measured over
/// 2 × 300 sequences, 240 and 242 did (80%); with 32 a draw under half is about four standard
/// deviations off, so the bound does not flake, yet it fails a suite whose keys stopped reaching
/// the board (tried: with `update` left out, 0 of 32 changed it and both tests failed).
const MIN_CHANGED_PERCENT: usize = 50;

/// Runs `sequences()` random cases of keys (and a seed for the board) and then checks that they did
/// something: most changed the board, and each of those was undone step by step to the start.
fn random_keys(
    name: &'static str,
    cases: impl Strategy<Value = (Vec<KeyEvent>, u64)>,
    board: fn(u64) -> Board,
) {
    let mut runner = TestRunner::new(ProptestConfig {
        cases: sequences(),
        max_shrink_iters: 200,
        source_file: Some(file!()),
        test_name: Some(name),
        ..ProptestConfig::default()
    });
    let (ran, changed, undone) = (Cell::new(0usize), Cell::new(0usize), Cell::new(0usize));
    let result = runner.run(&cases, |(keys, seed)| {
        let (steps, did_change) = run(board(seed), &keys)?;
        ran.set(ran.get() + 1);
        changed.set(changed.get() + usize::from(did_change));
        undone.set(undone.get() + steps);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
    let (ran, changed, undone) = (ran.get(), changed.get(), undone.get());
    eprintln!("{name}: {changed} of {ran} sequences changed the board, {undone} steps undone");
    assert!(
        ran >= sequences() as usize,
        "{name}: every case ran ({ran})"
    );
    assert!(
        changed * 100 >= ran * MIN_CHANGED_PERCENT,
        "{name}: only {changed} of {ran} sequences changed the board (at least \
         {MIN_CHANGED_PERCENT}% must), so the undo and round-trip checks prove little"
    );
    assert!(
        undone >= changed,
        "{name}: {undone} steps undone for {changed} changed boards"
    );
}

#[test]
fn random_keys_on_the_sample_board() {
    random_keys(
        "random_keys_on_the_sample_board",
        (keys(), Just(0u64)),
        |_| sample_board(TODAY),
    );
}

#[test]
fn random_keys_on_a_generated_board() {
    random_keys(
        "random_keys_on_a_generated_board",
        (keys(), 0u64..1000),
        |seed| generate(150, seed),
    );
}
