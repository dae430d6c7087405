//! Epics and hierarchy: the parent field of the item form (a fuzzy pick of the board's epics, and
//! the parents it refuses), the roll-up every epic shows, the backlog grouped by epic with folding,
//! rank moves that move an epic alone, and deleting an epic with or without its children. Exact
//! boards, undo and redo, and save → load byte for byte.

use crate::common;

use cairn::app::{Action, App, Effect, Mode, form::FieldId};
use cairn::model::{Board, Item, ItemId, ItemKind, rules};
use cairn::store;
use common::keys::{press, press_keys};
use common::screen::screen;
use jiff::civil::{Date, date};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;
use std::sync::Arc;

const TODAY: Date = date(2026, 12, 1);

/// A small board: epic A (T-1) with a story, a done bug and a nested epic C (T-4) holding a task;
/// epic B (T-5) with nothing; a story without an epic.
fn board() -> Board {
    let mut b = Board::new("Shop", "T");
    let mk = |id: u32, kind: ItemKind, title: &str, parent: Option<u32>, pts: u8, status: &str| {
        let mut i = Item::new(ItemId(id), kind, title, status, TODAY);
        i.parent = parent.map(ItemId);
        i.points = (pts > 0).then_some(pts);
        Arc::new(i)
    };
    b.items = vec![
        mk(1, ItemKind::Epic, "Checkout revamp", None, 0, "Doing"),
        mk(2, ItemKind::Story, "Guest checkout", Some(1), 5, "To do"),
        mk(3, ItemKind::Bug, "Totals round wrong", Some(1), 3, "Done"),
        mk(6, ItemKind::Story, "Gift cards", None, 8, "To do"),
        mk(4, ItemKind::Epic, "Wallets", Some(1), 0, "To do"),
        mk(5, ItemKind::Epic, "Loyalty points", None, 0, "To do"),
        mk(
            7,
            ItemKind::Task,
            "Apple Pay domain file",
            Some(4),
            2,
            "Doing",
        ),
    ];
    b.counters.item = 8;
    assert_eq!(b.validate(), vec![]);
    b
}

fn app() -> App {
    let mut app = App::new(board(), "b.ron", TODAY);
    app.color = false;
    app
}

fn status(app: &App) -> String {
    app.run
        .status
        .as_ref()
        .map_or(String::new(), |s| s.text.clone())
}

fn keys(app: &App) -> Vec<String> {
    let b = &app.doc.board;
    app.backlog
        .visible
        .iter()
        .map(|&p| b.item_key(b.items[p].id))
        .collect()
}

fn order(b: &Board) -> Vec<u32> {
    b.items.iter().map(|i| i.id.0).collect()
}

fn select(app: &mut App, id: u32) {
    app.update(Action::GoToItem(ItemId(id)));
    assert_eq!(app.backlog.selected, Some(ItemId(id)));
}

/// Undo restores `before`, redo gives `after` again, then undo once more.
fn undo_redo(app: &mut App, before: &Board) {
    let after = app.doc.board.clone();
    assert_eq!(app.update(Action::Undo), vec![Effect::Changed]);
    assert!(app.doc.board == *before, "undo restores the board");
    assert_eq!(app.update(Action::Redo), vec![Effect::Changed]);
    assert!(app.doc.board == after, "redo applies it again");
    app.update(Action::Undo);
}

/// Saves, loads and saves again: the same bytes, and the board it was.
fn round_trip(b: &Board) {
    let text = store::to_ron(b).expect("serialises");
    let back = store::from_ron(&text, Path::new("b.ron")).expect("loads");
    assert!(back == *b, "loads as it was saved");
    assert_eq!(
        store::to_ron(&back).expect("serialises"),
        text,
        "byte for byte"
    );
}

/// Opens the edit form on `id` and focuses its Epic field.
fn edit_epic_field(app: &mut App, id: u32) {
    select(app, id);
    app.update(Action::EditItem);
    let Mode::Form(f) = &app.mode else {
        panic!("the edit form opens")
    };
    let at = f
        .fields
        .iter()
        .position(|f| f.id == FieldId::Parent)
        .expect("an Epic field");
    for _ in 0..at {
        app.update(Action::NextField);
    }
}

fn type_text(app: &mut App, text: &str) {
    app.update(Action::Type(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    for c in text.chars() {
        app.update(Action::Type(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
}

fn field_error(app: &App) -> Option<String> {
    let Mode::Form(f) = &app.mode else {
        return None;
    };
    f.fields
        .iter()
        .find(|f| f.id == FieldId::Parent)
        .and_then(|f| f.error.clone())
}

#[test]
fn the_parent_field_picks_an_epic_by_key_or_fuzzy_title() {
    let mut app = app();
    let before = app.doc.board.clone();
    edit_epic_field(&mut app, 6);
    type_text(&mut app, "loyal");
    let s = screen(&app, 80, 24);
    assert!(s.contains("Tab → T-5 Loyalty points"), "{s}");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    assert_eq!(
        app.doc.board.item(ItemId(6)).unwrap().parent,
        Some(ItemId(5))
    );
    undo_redo(&mut app, &before);

    // By key, and fuzzily ("wlts" is Wallets); empty is no epic.
    edit_epic_field(&mut app, 2);
    type_text(&mut app, "t-4");
    app.update(Action::Confirm);
    assert_eq!(
        app.doc.board.item(ItemId(2)).unwrap().parent,
        Some(ItemId(4))
    );
    edit_epic_field(&mut app, 2);
    type_text(&mut app, "chkt rvmp");
    app.update(Action::Confirm);
    assert_eq!(
        app.doc.board.item(ItemId(2)).unwrap().parent,
        Some(ItemId(1))
    );
    edit_epic_field(&mut app, 2);
    type_text(&mut app, "");
    app.update(Action::Confirm);
    assert_eq!(app.doc.board.item(ItemId(2)).unwrap().parent, None);
    round_trip(&app.doc.board);
}

#[test]
fn a_new_item_gets_its_epic_in_the_add_form_and_shows_under_it() {
    let mut app = app();
    press(&mut app, KeyCode::Char('z'));
    select(&mut app, 1);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(keys(&app), ["T-1", "T-5", "T-6"], "T-1 folded");
    let before = app.doc.board.clone();
    app.update(Action::AddItem);
    press_keys(&mut app, "Card on file");
    let Mode::Form(f) = &app.mode else {
        panic!("the add form")
    };
    let at = f
        .fields
        .iter()
        .position(|f| f.id == FieldId::Parent)
        .unwrap();
    for _ in 0..at {
        app.update(Action::NextField);
    }
    type_text(&mut app, "wallets");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    let new = app.doc.board.item(ItemId(8)).expect("T-8 added");
    assert_eq!(
        (new.title.as_str(), new.parent),
        ("Card on file", Some(ItemId(4)))
    );
    // Its epics unfold so the new item shows, selected.
    assert_eq!(app.backlog.selected, Some(ItemId(8)));
    assert!(keys(&app).contains(&"T-8".to_string()), "{:?}", keys(&app));
    round_trip(&app.doc.board);
    undo_redo(&mut app, &before);
}

#[test]
fn a_parent_that_is_not_an_epic_itself_or_below_it_is_refused_beside_the_field() {
    let mut app = app();
    let before = app.doc.board.clone();
    let cases = [
        (2, "T-6", "T-6 is a story: only an epic can be a parent"),
        (1, "T-1", "T-1 cannot be its own parent"),
        (1, "T-4", "T-4 is under T-1: that would make a cycle"),
        (2, "nothing like it", "no epic matches \"nothing like it\""),
    ];
    for (item, text, said) in cases {
        edit_epic_field(&mut app, item);
        type_text(&mut app, text);
        assert_eq!(app.update(Action::Confirm), vec![], "{text}");
        let error = field_error(&app).unwrap_or_default();
        assert!(error.starts_with(said), "{text}: {error}");
        let s = screen(&app, 120, 40);
        assert!(s.contains(&format!("✗ {said}")), "{s}");
        app.update(Action::Cancel);
        assert!(app.doc.board == before, "nothing changed");
    }
    // An epic with children stays an epic.
    select(&mut app, 4);
    app.update(Action::EditItem);
    app.update(Action::NextField);
    app.update(Action::Type(KeyEvent::new(
        KeyCode::Char('s'),
        KeyModifiers::NONE,
    )));
    assert_eq!(app.update(Action::Confirm), vec![]);
    let Mode::Form(f) = &app.mode else {
        panic!("still open")
    };
    let kind = f.fields.iter().find(|f| f.id == FieldId::Kind).unwrap();
    assert_eq!(
        kind.error.as_deref(),
        Some("it has 1 child: an epic with children stays an epic")
    );
    app.update(Action::Cancel);
    assert!(app.doc.board == before);
}

#[test]
fn a_bad_parent_on_load_is_a_named_problem() {
    let mut b = board();
    Arc::make_mut(&mut b.items[1]).parent = Some(ItemId(6));
    Arc::make_mut(&mut b.items[0]).parent = Some(ItemId(4));
    Arc::make_mut(&mut b.items[5]).parent = Some(ItemId(5));
    let problems: Vec<String> = b.validate().into_iter().map(|p| p.0).collect();
    assert_eq!(
        problems,
        vec![
            "item T-1 (\"Checkout revamp\"): its chain of parent epics comes back to it (a cycle)",
            "item T-2 (\"Guest checkout\"): parent T-6 is a story, not an epic",
            "item T-4 (\"Wallets\"): its chain of parent epics comes back to it (a cycle)",
            "item T-5 (\"Loyalty points\"): its parent epic is itself",
        ]
    );
    let text = store::to_ron(&b).expect("serialises");
    let e = store::from_ron(&text, Path::new("b.ron")).expect_err("refused");
    let said = e.to_string();
    assert!(said.contains("comes back to it (a cycle)"), "{said}");
    assert!(said.contains("and 3 more problems"), "{said}");
    // The board of an older version still loads.
    let v2 = std::fs::read_to_string("tests/data/board-v2.ron").expect("v2 board");
    store::from_ron(&v2, Path::new("board-v2.ron")).expect("a v2 board loads");
}

#[test]
fn every_epic_shows_one_roll_up_in_the_row_the_details_and_the_report() {
    let mut app = app();
    let r = rules::rollup(&app.doc.board, ItemId(1));
    assert_eq!((r.done, r.total, r.done_points, r.points), (1, 3, 3, 8));
    assert_eq!(app.rollup(ItemId(1)), r, "the app's table agrees");
    app.backlog.show_done = true;
    app.refresh_visible();
    select(&mut app, 1);
    let s = screen(&app, 200, 60);
    let row = s.lines().find(|l| l.contains("T-1 epic")).unwrap();
    assert!(
        row.contains("Checkout revamp · 1/3 done · 3/8 pts"),
        "{row}"
    );
    assert!(
        s.contains("Children   1/3 done · 3/8 pts"),
        "the details:\n{s}"
    );
    let narrow = screen(&app, 80, 24);
    let row = narrow.lines().find(|l| l.contains("T-1 epic")).unwrap();
    assert!(row.contains("Checkout revamp · 1/3 · 3/8"), "{row}");
    let report = cairn::io::report::status_report(&app.doc.board, TODAY);
    assert!(report.contains("\n## Epics\n"), "{report}");
    let row = report
        .lines()
        .find(|l| l.starts_with("| T-1 "))
        .expect("T-1 in the report");
    assert!(
        row.contains("1/3") && row.contains("3/8") && row.contains("38%"),
        "{row}"
    );
    // A change anywhere counts again at once: a child deleted, one fewer of the total.
    select(&mut app, 2);
    assert_eq!(app.update(Action::DeleteItem), vec![Effect::Changed]);
    assert_eq!(app.rollup(ItemId(1)).describe(), "1/2 done · 3/3 pts");
    app.update(Action::Undo);
    assert_eq!(app.rollup(ItemId(1)), r);
}

#[test]
fn grouped_by_epic_each_epic_heads_its_children_and_folds() {
    let mut app = app();
    app.backlog.show_done = true;
    app.refresh_visible();
    select(&mut app, 7);
    press(&mut app, KeyCode::Char('z'));
    assert!(app.backlog.group);
    assert_eq!(
        keys(&app),
        ["T-1", "T-2", "T-3", "T-4", "T-7", "T-5", "T-6"]
    );
    assert_eq!(app.backlog.selected, Some(ItemId(7)), "the selection stays");
    insta::assert_snapshot!("epics_grouped_80x24", screen(&app, 80, 24));
    insta::assert_snapshot!("epics_grouped_120x40", screen(&app, 120, 40));

    // Space on a child folds its epic and selects it; again unfolds.
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(keys(&app), ["T-1", "T-2", "T-3", "T-4", "T-5", "T-6"]);
    assert_eq!(app.backlog.selected, Some(ItemId(4)));
    assert_eq!(status(&app), "T-4 folded: 1 row hidden");
    select(&mut app, 1);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(keys(&app), ["T-1", "T-5", "T-6"]);
    insta::assert_snapshot!("epics_folded_80x24", screen(&app, 80, 24));
    insta::assert_snapshot!("epics_folded_120x40", screen(&app, 120, 40));
    // Going to a folded child opens its epics.
    app.update(Action::GoToItem(ItemId(7)));
    assert_eq!(
        keys(&app),
        ["T-1", "T-2", "T-3", "T-4", "T-7", "T-5", "T-6"]
    );
    // A filter keeps a child's epic as its heading, dimmed.
    app.update(Action::Filter);
    press_keys(&mut app, "apple");
    press(&mut app, KeyCode::Enter);
    assert_eq!(keys(&app), ["T-1", "T-4", "T-7"]);
    assert_eq!(app.backlog.visible_items(), 1);
    app.update(Action::Cancel);
    press(&mut app, KeyCode::Char('z'));
    assert_eq!(
        keys(&app),
        ["T-1", "T-2", "T-3", "T-6", "T-4", "T-5", "T-7"]
    );
    assert_eq!(app.backlog.selected, Some(ItemId(7)));
    assert!(app.doc.board == board(), "viewing changes nothing");
}

#[test]
fn rank_moves_an_epic_alone_and_say_so() {
    let mut app = app();
    let before = app.doc.board.clone();
    press(&mut app, KeyCode::Char('z'));
    select(&mut app, 1);
    assert_eq!(app.update(Action::MoveDown), vec![Effect::Changed]);
    // Past the next epic (T-5), not past its own children.
    assert_eq!(order(&app.doc.board), [2, 3, 6, 4, 5, 1, 7]);
    assert_eq!(
        status(&app),
        "Move T-1 down (the epic alone: its children keep their rank)"
    );
    assert_eq!(keys(&app)[..2], ["T-5", "T-1"]);
    undo_redo(&mut app, &before);
    // A child moves within its epic, past the next child that shows (the done T-3 is hidden):
    // here the nested epic T-4; at the end of its epic, it says so.
    select(&mut app, 2);
    app.update(Action::MoveDown);
    assert_eq!(order(&app.doc.board), [1, 3, 6, 4, 2, 5, 7]);
    assert_eq!(keys(&app)[..4], ["T-1", "T-4", "T-7", "T-2"]);
    undo_redo(&mut app, &before);
    select(&mut app, 4);
    assert_eq!(app.update(Action::MoveDown), vec![]);
    assert_eq!(status(&app), "T-4 is already at the bottom of its group");
    // Ungrouped, T moves an epic to the top, alone.
    press(&mut app, KeyCode::Char('z'));
    select(&mut app, 5);
    app.update(Action::MoveToTop);
    assert_eq!(order(&app.doc.board)[0], 5);
    assert_eq!(status(&app), "Move T-5 to the top");
    select(&mut app, 4);
    app.update(Action::MoveToTop);
    assert_eq!(
        status(&app),
        "Move T-4 to the top (the epic alone: its child keeps its rank)"
    );
}

#[test]
fn deleting_an_epic_asks_what_becomes_of_its_children() {
    let mut app = app();
    let before = app.doc.board.clone();
    select(&mut app, 1);
    assert_eq!(app.update(Action::DeleteItem), vec![]);
    assert!(matches!(
        app.mode,
        Mode::ConfirmDeleteEpic { children: 3, .. }
    ));
    insta::assert_snapshot!("epics_delete_question_80x24", screen(&app, 80, 24));
    assert!(app.doc.board == before, "asking changes nothing");

    // y: the epic goes, its children stay with no epic.
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(order(&app.doc.board), [2, 3, 6, 4, 5, 7]);
    let parents: Vec<Option<u32>> = app
        .doc
        .board
        .items
        .iter()
        .map(|i| i.parent.map(|p| p.0))
        .collect();
    assert_eq!(parents, [None, None, None, None, None, Some(4)]);
    assert_eq!(app.doc.board.validate(), vec![]);
    round_trip(&app.doc.board);
    undo_redo(&mut app, &before);

    // a: its children go too, nested ones with them; one step.
    select(&mut app, 1);
    app.update(Action::DeleteItem);
    press(&mut app, KeyCode::Char('a'));
    assert_eq!(order(&app.doc.board), [6, 5]);
    assert_eq!(
        status(&app),
        "Delete T-1 \"Checkout revamp\" and the 4 items under it (u brings it back)"
    );
    round_trip(&app.doc.board);
    undo_redo(&mut app, &before);

    // n keeps everything; an epic without children goes at once.
    select(&mut app, 1);
    app.update(Action::DeleteItem);
    press(&mut app, KeyCode::Char('n'));
    assert!(app.doc.board == before);
    select(&mut app, 5);
    assert_eq!(app.update(Action::DeleteItem), vec![Effect::Changed]);
}

#[test]
fn an_epic_link_to_a_story_to_itself_or_round_a_cycle_is_left_unlinked_on_import() {
    let csv = "\
Summary,Issue key,Issue Type,Epic Link
Story under a story,P-1,Story,P-2
Plain story,P-2,Story,
Epic A,P-3,Epic,P-4
Epic B,P-4,Epic,P-3
Itself,P-5,Epic,P-5
";
    let mut b = Board::new("Shop", "T");
    let imp = cairn::io::csv::plan_import(&b, csv.as_bytes(), TODAY).expect("readable");
    let warnings: Vec<(u64, &str)> = imp
        .warnings
        .iter()
        .map(|w| (w.line, w.message.as_str()))
        .collect();
    assert_eq!(
        warnings,
        vec![
            (
                2,
                "Epic Link \"P-2\" is a story, not an epic; left unlinked"
            ),
            (
                5,
                "Epic Link \"P-3\" would make a cycle of epics; left unlinked"
            ),
            (6, "Epic Link \"P-5\" is the row itself; left unlinked"),
        ]
    );
    b.apply(imp.edit).expect("applies");
    let parents: Vec<Option<u32>> = b.items.iter().map(|i| i.parent.map(|p| p.0)).collect();
    assert_eq!(
        parents,
        vec![None, None, Some(4), None, None],
        "P-3 under P-4 only"
    );
    assert_eq!(b.validate(), vec![], "the imported board loads again");
    round_trip(&b);
}
