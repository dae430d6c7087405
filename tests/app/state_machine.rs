//! Random key sequences over all four panes, through the keymap and `App::update` as a user's keys
//! would go: nothing panics (drawing included), the board stays valid, undoing every step restores the
//! board exactly, redoing replays it, and the board survives a save and load with the same bytes.
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
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;

const TODAY: Date = date(2026, 11, 28);

/// Steps undone over all sequences, printed by the long form (`--nocapture`) to show the sequences
/// really change the board.
static UNDONE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

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
fn run(board: Board, keys: &[KeyEvent]) -> Result<(), TestCaseError> {
    let initial = board.clone();
    let mut app = App::new(board, "b.ron", TODAY);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test terminal");
    for key in keys {
        if let Some(action) = action_for_key(&app, *key) {
            // Effects ($EDITOR, reload, quit, report) belong to the runner; the model is what matters.
            let _ = app.update(action);
        }
        terminal.draw(|f| cairn::ui::draw(f, &app)).expect("draws");
    }
    let problems = app.board.validate();
    prop_assert!(problems.is_empty(), "invalid board: {problems:?}");

    // Save and load: the same board, and the same bytes when saved again.
    let text = to_ron(&app.board).expect("serialises");
    let back = from_ron(&text, Path::new("b.ron")).expect("loads what it saved");
    prop_assert_eq!(&back, &app.board);
    prop_assert_eq!(to_ron(&back).expect("serialises"), text);

    // Undo everything, then redo everything.
    let last = app.board.clone();
    app.mode = Mode::Normal;
    app.pane = Pane::Backlog;
    let mut steps = 0;
    while app.history.can_undo() {
        app.update(Action::Undo);
        steps += 1;
        prop_assert!(steps <= keys.len() * 3, "undo does not end");
    }
    prop_assert_eq!(
        &app.board,
        &initial,
        "undoing {} steps restores the board",
        steps
    );
    for _ in 0..steps {
        app.update(Action::Redo);
    }
    prop_assert_eq!(&app.board, &last, "redoing {} steps replays them", steps);
    UNDONE.fetch_add(steps, std::sync::atomic::Ordering::Relaxed);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: sequences(),
        max_shrink_iters: 200,
        ..ProptestConfig::default()
    })]

    #[test]
    fn random_keys_on_the_sample_board(keys in keys()) {
        run(sample_board(TODAY), &keys)?;
    }

    #[test]
    fn random_keys_on_a_generated_board(keys in keys(), seed in 0u64..1000) {
        run(generate(150, seed), &keys)?;
        eprintln!("steps undone so far: {}", UNDONE.load(std::sync::atomic::Ordering::Relaxed));
    }
}
