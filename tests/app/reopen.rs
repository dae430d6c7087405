//! Reopening where the user left off: the quit keeps the pane on show and the selections in the
//! view state, and the next start restores them; an item or card that is gone meanwhile falls back
//! to the row or column it was on. A selection moving alone writes nothing until the quit.

use crate::common;

use cairn::app::{Action, App, Effect, Pane};
use cairn::commands::sample_board;
use cairn::model::Board;
use cairn::store::viewstate::{Shown, ViewState};
use common::keys::press_keys;
use jiff::civil::{Date, date};

const TODAY: Date = date(2026, 11, 28);

fn app_of(board: Board) -> App {
    let mut app = App::new(board, "b.ron", TODAY);
    app.restore_views(None);
    app
}

/// The state the quit asks the runner to keep (it must ask, and before it quits).
fn quit(app: &mut App) -> ViewState {
    let effects = app.update(Action::Quit);
    let at = effects
        .iter()
        .position(|e| *e == Effect::Quit)
        .expect("a quit");
    effects[..at]
        .iter()
        .find_map(|e| match e {
            Effect::ViewState(s) => Some(s.clone()),
            _ => None,
        })
        .expect("the quit keeps where the user was")
}

/// A new run of the same board (as `board`) from `state`.
fn reopen(board: Board, state: ViewState) -> App {
    let mut app = App::new(board, "b.ron", TODAY);
    app.restore_views(Some(state));
    app
}

#[test]
fn quitting_from_the_sprint_board_reopens_it_on_the_same_card() {
    let mut app = app_of(sample_board(TODAY));
    press_keys(&mut app, "2llj");
    let (column, card) = (app.sprint.column, app.selected_card());
    assert_eq!(column, 2);
    assert!(card.is_some());
    let state = quit(&mut app);
    assert_eq!(state.place.pane, Shown::Sprint);
    let again = reopen(sample_board(TODAY), state);
    assert_eq!(again.pane, Pane::Sprint);
    assert_eq!((again.sprint.column, again.selected_card()), (column, card));
}

#[test]
fn the_backlog_reopens_on_its_item_or_the_row_it_was_on() {
    let mut app = app_of(sample_board(TODAY));
    press_keys(&mut app, "jjj");
    let id = app.backlog.selected.expect("a selection");
    let row = app.selected_row().expect("on a row");
    let state = quit(&mut app);
    assert_eq!(state.place.pane, Shown::Backlog);
    // The same board: the same item.
    let again = reopen(sample_board(TODAY), state.clone());
    assert_eq!(
        (again.pane, again.backlog.selected),
        (Pane::Backlog, Some(id))
    );
    // The item deleted meanwhile (a pull, another machine): the item now on its row.
    let mut board = sample_board(TODAY);
    board.items.retain(|i| i.id != id);
    let again = reopen(board, state);
    assert_eq!(again.selected_row(), Some(row), "the row it was on");
    assert_ne!(again.backlog.selected, Some(id));
    assert!(again.backlog.selected.is_some());
}

#[test]
fn a_card_gone_or_moved_meanwhile_falls_back_to_its_column_or_follows_it() {
    let mut app = app_of(sample_board(TODAY));
    press_keys(&mut app, "2llj");
    let card = app.selected_card().expect("a card");
    let state = quit(&mut app);
    // Gone: the column it was in, its first card.
    let mut board = sample_board(TODAY);
    board.items.retain(|i| i.id != card);
    let again = reopen(board, state.clone());
    assert_eq!(again.pane, Pane::Sprint);
    assert_eq!(again.sprint.column, 2);
    assert_eq!(
        again.selected_card(),
        again.column_cards(2).first().copied()
    );
    // Moved to Done by someone else: the board opens on it there.
    let mut board = sample_board(TODAY);
    for item in &mut board.items {
        if item.id == card {
            std::sync::Arc::make_mut(item).status = "Done".to_string();
        }
    }
    let again = reopen(board, state);
    assert_eq!(again.sprint.column, 3);
    assert_eq!(again.selected_card(), Some(card));
}

#[test]
fn a_moving_selection_writes_nothing_until_the_quit_but_a_pane_does() {
    let mut app = app_of(sample_board(TODAY));
    let keeps = |effects: &[Effect]| effects.iter().any(|e| matches!(e, Effect::ViewState(_)));
    assert!(!keeps(&app.update(Action::Down)), "j alone is not written");
    assert!(keeps(&app.update(Action::ShowSprint)), "the pane is");
    assert!(!keeps(&app.update(Action::ColumnRight)));
    // Nothing moved since the last write: the quit has nothing to add.
    let mut still = app_of(sample_board(TODAY));
    assert!(!keeps(&still.update(Action::Quit)));
}

#[test]
fn an_older_state_without_a_place_opens_the_backlog() {
    let old: ViewState = ron::from_str("(panes: {}, show_done: false)").expect("an old state");
    let app = reopen(sample_board(TODAY), old);
    assert_eq!(app.pane, Pane::Backlog);
    assert_eq!(app.selected_row(), Some(0));
}
