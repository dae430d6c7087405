//! Hide done: the backlog hides done items by default and says how many, one key shows them, a
//! filter that names the done column shows them regardless, and the sprint board is unaffected.
//! Rank moves, move-to-top and rank-by-score stay right with the hidden rows; nothing of it is a
//! change to the board.

use crate::common;

use cairn::app::{Action, App, Effect, Mode, Pane};
use cairn::commands::sample_board;
use cairn::model::{Board, Item, ItemId, ItemKind};
use cairn::store;
use common::keys::{press, press_keys};
use common::screen::screen;
use jiff::civil::{Date, date};
use ratatui::crossterm::event::KeyCode;
use std::sync::Arc;

const TODAY: Date = date(2026, 12, 1);

/// Five items in rank order: open, done, done, open, done.
fn board() -> Board {
    let mut b = Board::new("Shop", "T");
    let mk = |id: u32, status: &str| {
        let mut i = Item::new(
            ItemId(id),
            ItemKind::Story,
            format!("Story {id}"),
            status,
            TODAY,
        );
        i.points = Some(3);
        Arc::new(i)
    };
    b.items = vec![
        mk(1, "To do"),
        mk(2, "Done"),
        mk(3, "Done"),
        mk(4, "Doing"),
        mk(5, "Done"),
    ];
    b.counters.item = 6;
    b
}

fn app_with(b: Board) -> App {
    let mut app = App::new(b, "b.ron", TODAY);
    app.color = false;
    app
}

fn rows(app: &App) -> Vec<u32> {
    let b = &app.doc.board;
    app.backlog
        .visible
        .iter()
        .map(|&p| b.items[p].id.0)
        .collect()
}

fn order(b: &Board) -> Vec<u32> {
    b.items.iter().map(|i| i.id.0).collect()
}

fn status(app: &App) -> String {
    app.run
        .status
        .as_ref()
        .map_or(String::new(), |s| s.text.clone())
}

#[test]
fn done_items_are_hidden_by_default_and_one_key_shows_them() {
    let mut app = app_with(board());
    let saved = store::to_ron(&app.doc.board).expect("serialises");
    assert!(!app.backlog.show_done);
    assert_eq!(rows(&app), [1, 4]);
    assert_eq!(app.backlog.done_hidden, 3);
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("Backlog — 2 of 5 items · 3 done hidden · H shows"),
        "{s}"
    );
    insta::assert_snapshot!("hide_done_80x24", s);
    insta::assert_snapshot!("hide_done_120x40", screen(&app, 120, 40));

    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.backlog.selected, Some(ItemId(4)));
    press(&mut app, KeyCode::Char('H'));
    assert!(app.backlog.show_done);
    assert_eq!(rows(&app), [1, 2, 3, 4, 5]);
    assert_eq!(app.backlog.selected, Some(ItemId(4)), "the selection stays");
    assert_eq!(status(&app), "3 done items shown (H hides them)");
    assert!(screen(&app, 80, 24).contains("Backlog — 5 items · score"));
    // Hiding again: a selected done item gives way to its neighbour.
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.backlog.selected, Some(ItemId(5)));
    press(&mut app, KeyCode::Char('H'));
    assert_eq!(rows(&app), [1, 4]);
    assert_eq!(app.backlog.selected, Some(ItemId(4)));
    assert_eq!(status(&app), "3 done items hidden (H shows them)");

    // Only a view: nothing to undo, and the board saves as it was.
    assert_eq!(app.update(Action::Undo), vec![]);
    assert_eq!(status(&app), "Nothing to undo");
    assert_eq!(store::to_ron(&app.doc.board).expect("serialises"), saved);
}

#[test]
fn a_filter_naming_the_done_column_shows_them_regardless() {
    let mut app = app_with(board());
    app.update(Action::Filter);
    press_keys(&mut app, "status:done");
    press(&mut app, KeyCode::Enter);
    assert_eq!(rows(&app), [2, 3, 5]);
    assert_eq!(app.backlog.done_hidden, 0);
    press(&mut app, KeyCode::Char('H'));
    assert_eq!(
        status(&app),
        "The filter names status:done: its items show either way"
    );
    press(&mut app, KeyCode::Char('H'));
    app.update(Action::Cancel);
    // The help's filter lines say so too.
    app.update(Action::Help);
    // Its last lines: paged down as far as it goes.
    for _ in 0..30 {
        app.update(Action::PageDown);
    }
    let help = screen(&app, 100, 40);
    assert!(
        help.contains("the backlog hides done items; status:done shows them regardless"),
        "{help}"
    );
    app.update(Action::Cancel);
    // Another filter hides done ones as usual, and says how many.
    app.update(Action::Filter);
    press_keys(&mut app, "story");
    press(&mut app, KeyCode::Enter);
    assert_eq!(rows(&app), [1, 4]);
    let s = screen(&app, 120, 40);
    assert!(
        s.contains("filter \"story\": 2 of 5 items · 3 done hidden · H shows"),
        "{s}"
    );
}

#[test]
fn everything_done_says_how_to_see_it() {
    let mut b = board();
    b.items.retain(|i| i.status == "Done");
    let app = app_with(b);
    assert!(app.backlog.visible.is_empty());
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("Every item is done and hidden: H shows done items."),
        "{s}"
    );
}

#[test]
fn rank_moves_and_rank_by_score_mind_the_hidden_rows() {
    let mut app = app_with(board());
    let before = app.doc.board.clone();
    // T-1 moves past its visible neighbour T-4; the hidden done ones keep their order.
    assert_eq!(app.update(Action::MoveDown), vec![Effect::Changed]);
    assert_eq!(order(&app.doc.board), [2, 3, 4, 1, 5]);
    assert_eq!(rows(&app), [4, 1]);
    assert_eq!(app.selected_row(), Some(1), "the selection moves with it");
    app.update(Action::Undo);
    assert!(app.doc.board == before);
    press(&mut app, KeyCode::Char('j'));
    app.update(Action::MoveToTop);
    assert_eq!(order(&app.doc.board), [4, 1, 2, 3, 5]);
    assert_eq!(app.backlog.selected, Some(ItemId(4)));
    app.update(Action::Undo);
    assert!(app.doc.board == before);

    // Rank by score puts done work last, whether it shows or not.
    let mut b = board();
    for (n, it) in b.items.iter_mut().enumerate() {
        Arc::make_mut(it).wsjf = Some(cairn::model::Wsjf {
            business_value: 1 + n as u8,
            time_criticality: 1,
            risk_reduction: 1,
            job_size: 1,
        });
    }
    let mut app = app_with(b);
    app.update(Action::RankByScore);
    assert!(matches!(app.mode, Mode::RankPreview(_)));
    app.update(Action::Confirm);
    assert_eq!(order(&app.doc.board), [4, 1, 2, 3, 5]);
    assert_eq!(rows(&app), [4, 1]);
}

#[test]
fn the_sprint_board_still_shows_its_done_cards() {
    let mut app = app_with(sample_board(TODAY));
    let b = &app.doc.board;
    let done_in_sprint = b
        .items
        .iter()
        .find(|i| b.is_done(i) && i.sprint == b.active_sprint().map(|s| s.id))
        .map(|i| b.item_key(i.id))
        .expect("the active sprint has done work");
    assert!(!screen(&app, 120, 40).contains(&format!("{done_in_sprint} ")));
    app.update(Action::ShowSprint);
    assert_eq!(app.pane, Pane::Sprint);
    assert!(
        screen(&app, 120, 40).contains(&done_in_sprint),
        "{done_in_sprint} on the sprint board"
    );
    // Going to a done item from anywhere shows done items, and says so.
    let id = app.doc.board.parse_item_key(&done_in_sprint).expect("key");
    app.update(Action::GoToItem(id));
    assert_eq!(app.backlog.selected, Some(id));
    assert!(app.selected_row().is_some());
    assert!(app.backlog.show_done);
    assert!(
        status(&app).starts_with("Done items are shown"),
        "{}",
        status(&app)
    );
}
