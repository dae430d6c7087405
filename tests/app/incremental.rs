//! The derived data the panes read (`app::index`: ranks, done flags, roll-ups, links, the active
//! sprint's cards; the backlog's rows) is kept in step with each change instead of read again from
//! the board. These check that, after random key sequences of changes with undo and redo, it is
//! exactly what a full build from the board gives: the test that catches a stale cache.

use cairn::app::index::ItemIndex;
use cairn::app::{Action, App};
use cairn::commands::sample_board;
use cairn::input::action_for_key;
use cairn::io::generate::generate;
use cairn::model::{Board, ItemId, SprintId, flow, rules};
use jiff::civil::{Date, date};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: Date = date(2026, 11, 28);

/// Keys that change the board (rank moves, sends to the sprint, card moves, deletes, adds with
/// Enter, links) and undo/redo, with motion and pane switches between them.
const CHARS: &str = "1234jjkkgGJKJKTsLHLHdxuuuJKnbaD<>[]hlmpe";

fn keys() -> impl Strategy<Value = Vec<KeyEvent>> {
    let special = prop_oneof![
        Just(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
        Just(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
        Just(KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE)),
        Just(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL)),
        Just(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL)),
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
    proptest::collection::vec(prop_oneof![5 => char_key, 2 => special], 1..120)
}

/// The items that wait on `id`, as a walk of the board finds them.
fn waiting_on(board: &Board, id: ItemId) -> Vec<ItemId> {
    board
        .items
        .iter()
        .filter(|o| o.blocked_by.contains(&id))
        .map(|o| o.id)
        .collect()
}

/// The sprint's cards in `column`, in rank order, as a scan of the board finds them.
fn cards_in(board: &Board, sprint: SprintId, column: &str) -> Vec<ItemId> {
    board
        .sprint_items(sprint)
        .filter(|i| i.status == column)
        .map(|i| i.id)
        .collect()
}

/// The index and the rows equal a build from the board as it is now.
fn same_as_rebuilt(app: &App, after: &str) -> Result<(), TestCaseError> {
    let board = &app.doc.board;
    let fresh = ItemIndex::rebuilt(board, app.doc.revision);
    prop_assert!(
        app.index.is_at(app.doc.revision),
        "index behind after {after}"
    );
    prop_assert!(app.index.same_as(&fresh), "index differs after {after}");
    // Every epic's roll-up as `rules::rollup` counts it, every item's links as a walk finds them.
    for it in board.items.iter() {
        prop_assert_eq!(app.rollup(it.id), rules::rollup(board, it.id), "{}", after);
        prop_assert_eq!(app.blocks_of(it.id), waiting_on(board, it.id), "{}", after);
    }
    // The active sprint's cards per column as a scan of the board finds them.
    if let Some(s) = board.active_sprint() {
        for (c, col) in board.columns.iter().enumerate() {
            let scan = cards_in(board, s.id, &col.name);
            prop_assert_eq!(app.index.cards(c), scan.as_slice(), "{}", after);
        }
    }
    // The note timeline's order, kept between changes that leave the notes alone.
    if app.people.notes.is_empty() {
        let kept: Vec<_> = app.timeline_notes().iter().map(|(_, n)| n.id).collect();
        let sorted: Vec<_> = board
            .notes_newest_first()
            .iter()
            .map(|(_, n)| n.id)
            .collect();
        prop_assert_eq!(kept, sorted, "{}", after);
    }
    // The backlog's rows, when no filter or grouping applies: every item not hidden for done.
    if app.backlog.filter.is_empty() && !app.backlog.group {
        let rows: Vec<usize> = board
            .items
            .iter()
            .enumerate()
            .filter(|(_, i)| app.backlog.show_done || !board.is_done(i))
            .map(|(p, _)| p)
            .collect();
        prop_assert_eq!(&app.backlog.visible, &rows, "{}", after);
    }
    // The sprint pane's flow figures, followed from the cards the changes touched, equal the
    // board's own: the cycle-time percentiles and the active sprint's scope change.
    if app.sprint.flow.is_at(app.doc.revision) {
        let sample = board.settings.cycle_sample;
        prop_assert_eq!(
            app.sprint.flow.stats,
            flow::cycle_stats(board, sample),
            "cycle stats after {}",
            after
        );
        let scope = board
            .active_sprint()
            .and_then(|s| flow::scope_change(board, s.id));
        prop_assert_eq!(&app.sprint.flow.scope, &scope, "scope after {}", after);
    }
    Ok(())
}

fn run(board: Board, keys: &[KeyEvent]) -> Result<(), TestCaseError> {
    let mut app = App::new(board, "b.ron", TODAY);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    for (n, key) in keys.iter().enumerate() {
        if let Some(action) = action_for_key(&app, *key) {
            let _ = app.update(action);
        }
        cairn::ui::draw_app(&mut terminal, &mut app).expect("draws");
        same_as_rebuilt(&app, &format!("key {n} ({:?})", key.code))?;
    }
    // Every step undone, then redone: still what a build gives.
    for _ in 0..keys.len() {
        app.update(Action::Undo);
    }
    same_as_rebuilt(&app, "undoing everything")?;
    for _ in 0..keys.len() {
        app.update(Action::Redo);
    }
    same_as_rebuilt(&app, "redoing everything")
}

fn check(board: impl Fn() -> Board, cases: u32) {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&keys(), |keys| run(board(), &keys))
        .expect("the index follows every change");
}

#[test]
fn the_index_equals_a_rebuild_after_random_changes_on_the_sample_board() {
    check(|| sample_board(TODAY), 48);
}

#[test]
fn the_index_equals_a_rebuild_after_random_changes_on_a_generated_board() {
    check(|| generate(300, 7), 16);
}

/// Applies `edit` as a step, as `update` does, and brings the derived data up to date.
fn apply(app: &mut App, edit: cairn::model::Edit) {
    let here = app.here();
    app.doc
        .apply(edit, "test".into(), here, |_| None)
        .expect("applies");
    app.refresh_visible();
}

/// A change the index cannot follow (a new order of the whole backlog, new columns, a reload)
/// builds it again, and it still agrees.
#[test]
fn a_reorder_a_new_workflow_and_a_reload_build_the_index_again() {
    let mut app = App::new(sample_board(TODAY), "b.ron", TODAY);
    let mut order: Vec<_> = app.doc.board.items.iter().map(|i| i.id).collect();
    order.reverse();
    apply(&mut app, cairn::model::Edit::Reorder(order));
    same_as_rebuilt(&app, "reorder").expect("agrees");
    let mut cols = app.doc.board.columns.clone();
    cols.swap(0, 1);
    apply(&mut app, cairn::model::Edit::SetColumns(cols));
    same_as_rebuilt(&app, "new columns").expect("agrees");
    app.reload(generate(50, 3));
    same_as_rebuilt(&app, "reload").expect("agrees");
    for it in app.doc.board_mut().items.iter_mut() {
        std::sync::Arc::make_mut(it).status = "Done".into();
    }
    app.refresh_visible();
    same_as_rebuilt(&app, "a board changed outside an edit").expect("agrees");
}

/// The timeline's tables warmed on idle while the user changes the board elsewhere
/// (`App::warm_timeline`, called by the runner when no key is waiting) draw exactly the timeline
/// that a cold build draws: following the changes in the background never leaves them stale.
#[test]
fn a_timeline_warmed_while_elsewhere_draws_what_a_cold_one_draws() {
    let board = sample_board(TODAY);
    let keys: Vec<KeyEvent> = "JJsjjsKT2LLjLHl1ddxuJ"
        .chars()
        .map(|c| {
            let m = if c.is_ascii_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            KeyEvent::new(KeyCode::Char(c), m)
        })
        .collect();
    let screen = |warm: bool| {
        let mut app = App::new(board.clone(), "b.ron", TODAY);
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        cairn::ui::draw_app(&mut terminal, &mut app).expect("draws");
        for key in &keys {
            if let Some(action) = action_for_key(&app, *key) {
                let _ = app.update(action);
            }
            if warm {
                app.warm_timeline();
                assert_eq!(app.timeline.cache.key, Some(app.timeline_key()), "warm");
            }
            cairn::ui::draw_app(&mut terminal, &mut app).expect("draws");
        }
        let three = KeyEvent::new(KeyCode::Char('3'), KeyModifiers::NONE);
        let action = action_for_key(&app, three).expect("3 opens the timeline");
        app.update(action);
        cairn::ui::draw_app(&mut terminal, &mut app).expect("draws");
        format!("{:?}", terminal.backend().buffer())
    };
    assert_eq!(screen(true), screen(false));
}

/// A board large enough that the index reads its items on two threads (from 20,000) answers as
/// scans of the board do: the halves are put together in rank order, every roll-up, link and card
/// counted once.
#[test]
fn a_large_board_read_on_two_threads_gives_the_index_a_scan_gives() {
    let board = generate(30_000, 11);
    let app = App::new(board, "b.ron", TODAY);
    let board = &app.doc.board;
    for (row, it) in board.items.iter().enumerate().step_by(97) {
        assert_eq!(app.index.rank(it.id), Some(row), "rank of {}", it.id.0);
    }
    for it in board.items.iter().step_by(151) {
        assert_eq!(app.rollup(it.id), rules::rollup(board, it.id));
        assert_eq!(app.blocks_of(it.id), waiting_on(board, it.id));
    }
    let s = board.active_sprint().expect("an active sprint");
    let mut cards = 0;
    for (c, col) in board.columns.iter().enumerate() {
        let scan = cards_in(board, s.id, &col.name);
        assert_eq!(app.index.cards(c), scan.as_slice(), "column {}", col.name);
        cards += scan.len();
    }
    assert!(cards > 0, "the sprint has cards to check");
}

/// Cards moved into the done column and out again on the sprint board: the cycle-time figures the
/// pane keeps, followed from the moved cards, are the board's own after every move.
#[test]
fn the_sprint_panes_cycle_time_follows_cards_moved_into_done_and_back() {
    // A sample of one: the figures are the newest done card's, so each move shows in them.
    let mut board = sample_board(TODAY);
    board.settings.cycle_sample = 1;
    let mut app = App::new(board, "b.ron", TODAY);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    app.update(Action::ShowSprint);
    app.update(Action::ColumnRight);
    app.update(Action::ColumnRight); // Review: its cards go to Done and back
    let mut checked = 0;
    let mut seen = std::collections::BTreeSet::new();
    for step in 0..24 {
        let action = match step % 3 {
            0 => Action::CardRight,
            1 => Action::CardLeft,
            _ => Action::Down,
        };
        let before = app.doc.revision;
        app.update(action);
        cairn::ui::draw_app(&mut terminal, &mut app).expect("draws");
        let board = &app.doc.board;
        assert!(
            app.sprint.flow.is_at(app.doc.revision),
            "kept for the frame"
        );
        assert_eq!(
            app.sprint.flow.stats,
            flow::cycle_stats(board, board.settings.cycle_sample),
            "step {step}"
        );
        checked += usize::from(app.doc.revision != before);
        seen.insert(app.sprint.flow.stats.p50);
    }
    assert!(seen.len() > 1, "the moves changed the figures: {seen:?}");
    assert!(
        checked >= 8,
        "only {checked} of the steps changed the board"
    );
}

/// The cumulative flow is walked once per revision and view: the frames of keys that change
/// nothing draw the kept one, which equals a fresh walk; a change walks it again.
#[test]
fn the_cumulative_flow_is_kept_between_frames_and_follows_a_change() {
    let mut app = App::new(sample_board(TODAY), "b.ron", TODAY);
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    app.update(Action::ShowSprint);
    app.update(Action::Burndown);
    for view in ["the sprint's", "the board's"] {
        app.update(Action::CumulativeFlow);
        cairn::ui::draw_app(&mut terminal, &mut app).expect("draws");
        let kept = app.cumulative_flow().expect("a cumulative flow");
        app.update(Action::Down); // changes nothing
        cairn::ui::draw_app(&mut terminal, &mut app).expect("draws");
        assert_eq!(app.cumulative_flow().expect("kept"), kept, "{view}");
    }
    // A card done: the board's flow is walked again and counts it.
    let before = app.cumulative_flow().expect("kept").1;
    let id = app.doc.board.active_sprint().map(|s| s.id).expect("active");
    let card = app
        .doc
        .board
        .sprint_items(id)
        .find(|i| !app.doc.board.is_done(i))
        .map(|i| i.id)
        .expect("an open card");
    let done = app.doc.board.done_column().to_string();
    let edit = rules::set_status_over_limit(&app.doc.board, card, &done, TODAY).expect("moves");
    apply(&mut app, edit);
    cairn::ui::draw_app(&mut terminal, &mut app).expect("draws");
    let after = app.cumulative_flow().expect("kept").1;
    assert_ne!(after, before, "the change is in the kept flow");
}
