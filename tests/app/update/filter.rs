//! The backlog under a filter: rank moves, the selection through filters, undo and deletes, and
//! go-to-item.

use super::*;

/// The sample board with its done items shown: these tests count rows among all the items.
fn app() -> App {
    let mut app = super::app();
    app.backlog.show_done = true;
    app.refresh_visible();
    app
}

/// Sets a filter the way a user types it: `/`, the text, Enter.
fn filter(app: &mut App, text: &str) {
    app.update(Action::Filter);
    type_text(app, text);
    app.update(Action::Confirm);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.backlog.filter.text, text);
}

#[test]
fn rank_moves_under_a_filter_pass_the_visible_neighbour() {
    let mut app = app();
    let before = app.doc.board.clone();
    let bugs = |b: &Board| -> Vec<u32> {
        b.items
            .iter()
            .filter(|i| i.kind == ItemKind::Bug)
            .map(|i| i.id.0)
            .collect()
    };
    let others = |b: &Board| -> Vec<u32> {
        b.items
            .iter()
            .filter(|i| i.kind != ItemKind::Bug)
            .map(|i| i.id.0)
            .collect()
    };
    assert_eq!(bugs(&before), [22, 18, 30, 14, 9, 43]);
    filter(&mut app, "kind:bug");
    assert_eq!(app.backlog.visible.len(), 6);

    let id = select(&mut app, "CRN-18");
    assert_eq!(app.selected_row(), Some(1));
    assert_eq!(app.update(Action::MoveDown), vec![Effect::Changed]);
    assert_eq!(bugs(&app.doc.board), [22, 30, 18, 14, 9, 43], "past CRN-30");
    assert_eq!(
        app.doc.board.item_index(id),
        app.doc.board.item_index(ItemId(30)).map(|i| i + 1),
        "right after its visible neighbour"
    );
    assert_eq!(
        others(&app.doc.board),
        others(&before),
        "hidden items keep their order"
    );
    assert_eq!(app.selected_row(), Some(2), "the selection moves with it");
    undo_redo(&mut app, &before, "Move CRN-18 down");

    let id = select(&mut app, "CRN-30");
    assert_eq!(app.update(Action::MoveUp), vec![Effect::Changed]);
    assert_eq!(bugs(&app.doc.board), [22, 30, 18, 14, 9, 43], "past CRN-18");
    assert_eq!(
        app.doc.board.item_index(id).map(|i| i + 1),
        app.doc.board.item_index(ItemId(18)),
        "right before its visible neighbour"
    );
    assert_eq!(others(&app.doc.board), others(&before));
    undo_redo(&mut app, &before, "Move CRN-30 up");
    assert_eq!(app.backlog.filter.text, "kind:bug", "the filter stays");
}

#[test]
fn the_selection_follows_its_item_through_a_filter_and_an_undo() {
    let mut app = app();
    filter(&mut app, "kind:bug");
    let id = select(&mut app, "CRN-30");
    assert_eq!(app.selected_row(), Some(2), "the third bug");
    app.update(Action::Cancel);
    assert!(app.backlog.filter.is_empty(), "Esc cleared the filter");
    assert_eq!(app.backlog.selected, Some(id));
    assert_eq!(app.selected_row(), Some(13));

    let id = select(&mut app, "CRN-19");
    app.update(Action::MoveDown);
    assert_eq!(app.selected_row(), Some(3));
    app.update(Action::Undo);
    assert_eq!(app.backlog.selected, Some(id), "undo: still on CRN-19");
    assert_eq!(app.selected_row(), Some(2), "back at its old rank");
    app.update(Action::Redo);
    assert_eq!(app.backlog.selected, Some(id), "redo: still on CRN-19");
    assert_eq!(app.selected_row(), Some(3));
}

#[test]
fn typing_a_filter_keeps_the_selection_on_an_item_it_lets_through() {
    let mut app = app();
    let id = select(&mut app, "CRN-30");
    assert_eq!(app.selected_row(), Some(13));
    filter(&mut app, "kind:bug");
    assert_eq!(
        app.backlog.selected,
        Some(id),
        "CRN-30 is a bug: still selected"
    );
    assert_eq!(app.selected_row(), Some(2));
}

#[test]
fn delete_moves_the_selection_to_the_neighbour() {
    let mut app = app();
    select(&mut app, "CRN-19");
    assert_eq!(app.selected_row(), Some(2));
    app.update(Action::DeleteItem);
    assert_eq!(
        app.backlog.selected,
        Some(ItemId(23)),
        "the item below takes the deleted one's row, selected"
    );
    assert_eq!(app.selected_row(), Some(2));

    // The last row: the one above it is the neighbour.
    select(&mut app, "CRN-4");
    app.update(Action::DeleteItem);
    assert_eq!(app.backlog.selected, Some(ItemId(39)));
}

#[test]
fn go_to_item_clears_a_filter_that_hides_it() {
    let mut app = app();
    filter(&mut app, "kind:bug");
    let visible = id(&app, "CRN-30");
    app.update(Action::GoToItem(visible));
    assert_eq!(app.backlog.filter.text, "kind:bug", "not hidden: kept");
    assert_eq!(app.backlog.selected, Some(visible));

    let hidden = id(&app, "CRN-21");
    app.update(Action::ShowSprint);
    app.update(Action::GoToItem(hidden));
    assert_eq!(app.pane, Pane::Backlog);
    assert!(app.backlog.filter.is_empty(), "the filter hid it: cleared");
    assert_eq!(app.backlog.visible.len(), app.doc.board.items.len());
    assert_eq!(app.backlog.selected, Some(hidden));
    assert_eq!(app.selected_row(), Some(1));
}
