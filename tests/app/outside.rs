//! An outside change merged into the open board (issue 14, point 4), at the app's level: the merge
//! is one undoable step, undo takes back the merge first and then the user's own earlier steps, redo
//! brings the merge back, and the message names what came in.

use cairn::app::outside::merge_message;
use cairn::app::{Action, App, Effect};
use cairn::commands::sample_board;
use cairn::model::merge::merge;
use cairn::model::{Board, Edit, Item};
use jiff::civil::{Date, date};

const TODAY: Date = date(2026, 12, 1);

/// The board with the item at `index` retitled (another clone's change).
fn retitled(board: &Board, index: usize, title: &str) -> Board {
    let mut b = board.clone();
    let mut item: Item = (*b.items[index]).clone();
    item.title = title.into();
    b.apply(Edit::UpdateItem(Box::new(item))).expect("applies");
    b
}

#[test]
fn a_merge_is_one_step_undone_before_the_users_own() {
    let base = sample_board(TODAY);
    let mut app = App::new(base.clone(), "b.ron".to_string(), TODAY);
    // Ours: the selected item to the top.
    app.update(Action::Down);
    assert_eq!(app.update(Action::MoveToTop), vec![Effect::Changed]);
    let ours = app.doc.board.clone();
    assert_ne!(ours.items[0].id, base.items[0].id);
    // Theirs: the last item's title.
    let last = base.items.len() - 1;
    let theirs = retitled(&base, last, "Retitled on another clone");
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.problems.is_empty() && merged.conflicts.is_empty());
    let said = merge_message(&merged, &base, &theirs);
    let key = base.item_key(base.items[last].id);
    assert_eq!(said, format!("Merged 1 change from disk: {key} title"));
    let revision = app.doc.revision;
    assert!(app.merged_from_disk(merged.board.clone(), said.clone()));
    assert_eq!(app.doc.revision, revision + 1, "a change autosave sees");
    assert_eq!(app.doc.board.items[0].id, ours.items[0].id, "ours kept");
    let id = base.items[last].id;
    let title = |b: &Board| b.items.iter().find(|i| i.id == id).unwrap().title.clone();
    assert_eq!(
        title(&app.doc.board),
        "Retitled on another clone",
        "theirs in"
    );
    assert_eq!(app.run.status.as_ref().unwrap().text, said);

    // Undo: the merge first, then our move; redo walks back up.
    assert_eq!(app.update(Action::Undo), vec![Effect::Changed]);
    assert_eq!(app.doc.board, ours);
    assert_eq!(app.update(Action::Undo), vec![Effect::Changed]);
    assert_eq!(app.doc.board, base);
    app.update(Action::Redo);
    app.update(Action::Redo);
    assert_eq!(app.doc.board, merged.board);
}

#[test]
fn the_message_counts_renumbered_ids_and_conflicts() {
    let base = sample_board(TODAY);
    let ours = retitled(&base, 0, "Ours");
    let theirs = retitled(&base, 0, "Theirs");
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 1);
    let said = merge_message(&merged, &base, &theirs);
    assert!(
        said.ends_with(" · 1 conflict (see the conflicts screen)"),
        "{said}"
    );
    // A rank move alone is a change the user is told about.
    let mut moved = base.clone();
    let id = moved.items[3].id;
    moved.apply(Edit::MoveItem { id, to: 0 }).expect("moves");
    let merged = merge(&base, &base, &moved);
    assert_eq!(
        merge_message(&merged, &base, &moved),
        "Merged 1 change from disk: the backlog order"
    );
}
