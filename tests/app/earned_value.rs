//! The budget view's earned value is kept from change to change (`app::panes::timeline::earned`)
//! instead of read from every item: after random key sequences of changes with undo and redo, and
//! after edits that move items between epics, change points and states, link work to milestones
//! and unlink it all, it equals `Evm::of` on the board as it is.

use cairn::app::timeline::Sub;
use cairn::app::{Action, App, Pane};
use cairn::commands::sample_board;
use cairn::input::action_for_key;
use cairn::io::generate::generate;
use cairn::model::evm::Evm;
use cairn::model::{Board, Edit, ItemId, ItemKind};
use jiff::civil::{Date, date};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: Date = date(2026, 11, 28);

/// Rank moves, card moves (into and out of done), deletes, sends to the sprint, MoSCoW, entry
/// shifts, undo and redo, with pane switches (`$` opens the budget view) between them.
const CHARS: &str = "1234$$jjkkgGJKTsLLLHHdduuuuJKm<>[]hl";

/// The earned value the budget view shows, read the way a frame reads it, equals a count of the
/// board.
fn same_as_counted(app: &mut App, after: &str) -> Result<(), TestCaseError> {
    let (pane, sub) = (app.pane, app.timeline.sub);
    app.pane = Pane::Timeline;
    app.timeline.sub = Sub::Budget;
    app.prepare_frame();
    prop_assert!(app.evm_is_kept(), "no earned value kept after {}", after);
    let kept = app.evm().into_owned();
    prop_assert_eq!(kept, Evm::of(&app.doc.board), "{}", after);
    (app.pane, app.timeline.sub) = (pane, sub);
    Ok(())
}

fn key(c: char) -> KeyEvent {
    let m = if c.is_ascii_uppercase() || c == '$' || c == '<' || c == '>' {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), m)
}

fn run(board: Board, keys: &[KeyEvent]) -> Result<(), TestCaseError> {
    let mut app = App::new(board, "b.ron", TODAY);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    same_as_counted(&mut app, "the start")?;
    for (n, k) in keys.iter().enumerate() {
        if let Some(action) = action_for_key(&app, *k) {
            let _ = app.update(action);
        }
        cairn::ui::draw_app(&mut terminal, &mut app).expect("draws");
        same_as_counted(&mut app, &format!("key {n} ({:?})", k.code))?;
    }
    for _ in 0..keys.len() {
        app.update(Action::Undo);
    }
    same_as_counted(&mut app, "undoing everything")?;
    for _ in 0..keys.len() {
        app.update(Action::Redo);
    }
    same_as_counted(&mut app, "redoing everything")
}

fn keys() -> impl Strategy<Value = Vec<KeyEvent>> {
    let chars: Vec<char> = CHARS.chars().collect();
    let char_key = proptest::sample::select(chars).prop_map(key);
    let special = prop_oneof![
        Just(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
        Just(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL)),
    ];
    proptest::collection::vec(prop_oneof![6 => char_key, 1 => special], 1..80)
}

fn check(board: impl Fn() -> Board, cases: u32) {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&keys(), |keys| run(board(), &keys))
        .expect("the kept earned value follows every change");
}

#[test]
fn the_kept_earned_value_equals_a_count_after_random_keys_on_the_sample_board() {
    check(|| sample_board(TODAY), 24);
}

#[test]
fn the_kept_earned_value_equals_a_count_after_random_keys_on_a_generated_board() {
    check(|| generate(300, 11), 12);
}

/// Applies `edit` as one step, as `update` does; false when the board refuses it.
fn apply(app: &mut App, edit: Edit) -> bool {
    let here = app.here();
    let ok = app.doc.apply(edit, "test".into(), here, |_| None).is_ok();
    app.refresh_visible();
    ok
}

fn update_item(app: &mut App, id: ItemId, f: impl FnOnce(&mut cairn::model::Item)) -> bool {
    let mut it = app.doc.board.item(id).expect("on the board").clone();
    f(&mut it);
    apply(app, Edit::UpdateItem(Box::new(it)))
}

/// The edits that change which items count: a story moved to another epic or out of one, an epic
/// made a story, work linked to a milestone and every link taken off (then every item counts),
/// and points and states between them; each checked, then all undone and redone.
#[test]
fn the_kept_earned_value_follows_epics_links_points_and_states() {
    for seed in [3, 5, 8] {
        let mut app = App::new(generate(400, seed), "b.ron", TODAY);
        let mut rng = fastrand::Rng::with_seed(seed);
        same_as_counted(&mut app, "the start").expect("agrees");
        let epics: Vec<ItemId> = app
            .doc
            .board
            .items
            .iter()
            .filter(|i| i.kind == ItemKind::Epic)
            .map(|i| i.id)
            .collect();
        let mut steps = 0;
        for n in 0..60 {
            let board = &app.doc.board;
            let id = board.items[rng.usize(..board.items.len())].id;
            let done = board.done_column().to_string();
            let first = board.columns[0].name.clone();
            let applied = match n % 6 {
                0 => update_item(&mut app, id, |i| {
                    i.points = [None, Some(1), Some(3), Some(8), Some(13)][rng.usize(..5)]
                }),
                1 => update_item(&mut app, id, |i| {
                    i.status = if i.status == done { first } else { done }
                }),
                2 => {
                    let epic = epics[rng.usize(..epics.len())];
                    update_item(&mut app, id, |i| {
                        i.parent = (i.id != epic && i.kind != ItemKind::Epic).then_some(epic)
                    })
                }
                3 if n == 27 => {
                    // Every link off: then every item but the epics with children counts.
                    let unlinked: Vec<Edit> = app
                        .doc
                        .board
                        .timeline
                        .iter()
                        .map(|e| {
                            let mut e = e.clone();
                            e.items.clear();
                            Edit::UpdateEntry(Box::new(e))
                        })
                        .collect();
                    apply(&mut app, Edit::Batch(unlinked))
                }
                3 => {
                    let t = &app.doc.board.timeline;
                    let mut e = t[rng.usize(..t.len())].clone();
                    e.items.push(id);
                    apply(&mut app, Edit::UpdateEntry(Box::new(e)))
                }
                4 => apply(&mut app, Edit::RemoveItem(id)),
                _ => update_item(&mut app, id, |i| {
                    i.kind = if i.kind == ItemKind::Epic {
                        ItemKind::Story
                    } else {
                        ItemKind::Epic
                    }
                }),
            };
            steps += usize::from(applied);
            same_as_counted(&mut app, &format!("edit {n} (seed {seed})")).expect("agrees");
        }
        for _ in 0..steps {
            app.update(Action::Undo);
            same_as_counted(&mut app, "an undo").expect("agrees");
        }
        for _ in 0..steps {
            app.update(Action::Redo);
        }
        same_as_counted(&mut app, "redoing everything").expect("agrees");
    }
}
