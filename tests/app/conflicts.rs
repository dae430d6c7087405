//! Conflicts resolved in the TUI (issue 14, point 5): a merged board keeps ours and lists each
//! conflict; the header of every pane says so; the conflicts screen (`C`, the palette's
//! "conflicts") keeps ours, takes theirs or takes a value typed in, one conflict or all, each one
//! undoable step that takes the conflict off the board with it. A value that does not fit the field
//! is refused beside it and nothing changes; theirs that cannot be put back (a dropped link, a
//! second active sprint, a rank) says so. Boards with conflicts save and load byte for byte.

use crate::common;

use cairn::app::{Action, App, Mode};
use cairn::commands::sample_board;
use cairn::model::merge::{Conflict, merge};
use cairn::model::{Board, Edit, Item, ItemId, SprintState, rules};
use common::keys::{press, press_keys};
use jiff::civil::{Date, date};
use ratatui::crossterm::event::KeyCode;

const TODAY: Date = date(2026, 12, 1);

fn id(b: &Board, k: &str) -> ItemId {
    b.parse_item_key(k).expect("on the sample")
}

fn edit_item(b: &mut Board, k: &str, f: impl FnOnce(&mut Item)) {
    let mut it = b.item(id(b, k)).unwrap().clone();
    f(&mut it);
    b.apply(Edit::UpdateItem(Box::new(it))).unwrap();
}

/// The sample merged with two sides that conflict in every way a merge records: a title, points,
/// a status and a due date changed two ways; an item deleted on ours and changed on theirs; a link
/// ours made to an item theirs deleted; a second sprint theirs started.
pub(crate) fn merged() -> Board {
    let base = sample_board(TODAY);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    edit_item(&mut ours, "CRN-20", |i| i.title = "Ours title".into());
    edit_item(&mut theirs, "CRN-20", |i| i.title = "Theirs title".into());
    edit_item(&mut ours, "CRN-21", |i| i.points = Some(1));
    edit_item(&mut theirs, "CRN-21", |i| i.points = Some(21));
    let (first, last) = (
        base.columns[0].name.clone(),
        base.columns.last().unwrap().name.clone(),
    );
    edit_item(&mut ours, "CRN-22", |i| i.status = first.clone());
    edit_item(&mut theirs, "CRN-22", |i| i.status = last.clone());
    edit_item(&mut ours, "CRN-23", |i| i.due = Some(date(2027, 1, 15)));
    edit_item(&mut theirs, "CRN-23", |i| i.due = Some(date(2027, 2, 1)));
    // Deleted on ours, changed on theirs.
    let gone = id(&ours, "CRN-24");
    ours.apply(rules::delete_item(&ours, gone).unwrap())
        .unwrap();
    edit_item(&mut theirs, "CRN-24", |i| i.title = "Theirs kept it".into());
    // Ours links CRN-25 to CRN-26, which theirs deletes.
    let (a, b) = (id(&ours, "CRN-25"), id(&ours, "CRN-26"));
    ours.apply(rules::set_blocked_by(&ours, a, vec![b]).unwrap())
        .unwrap();
    theirs
        .apply(rules::delete_item(&theirs, b).unwrap())
        .unwrap();
    // Theirs starts a planned sprint while ours keeps the active one.
    let planned = theirs
        .sprints
        .iter()
        .position(|s| s.state == SprintState::Planned)
        .expect("the sample plans a sprint");
    let mut s = theirs.sprints[planned].clone();
    s.state = SprintState::Active;
    theirs.apply(Edit::UpdateSprint(Box::new(s))).unwrap();
    let m = merge(&base, &ours, &theirs);
    assert!(m.problems.is_empty(), "{:?}", m.problems);
    m.board
}

pub(crate) fn app() -> App {
    App::new(merged(), "b.ron", TODAY)
}

/// The merged board as the app holds it once open (today's remaining work recorded).
fn opened() -> Board {
    app().doc.board.clone()
}

/// Boards compared by what differs, so a failure names it.
#[track_caller]
fn same(got: &Board, want: &Board) {
    if got != want {
        assert_eq!(got.conflicts, want.conflicts, "the conflicts");
        assert_eq!(got.items, want.items, "the items");
        assert_eq!(got.sprints, want.sprints, "the sprints");
        panic!("the boards differ elsewhere");
    }
}

pub(crate) fn status(app: &App) -> String {
    app.run
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// The place of the conflict about `what` and `field`.
pub(crate) fn find(b: &Board, what: &str, field: &str) -> usize {
    b.conflicts
        .iter()
        .position(|c| c.what == what && c.field.starts_with(field))
        .unwrap_or_else(|| panic!("no conflict {what} {field} in {:#?}", b.conflicts))
}

/// Opens the conflicts screen on the conflict about `what` and `field`.
fn open_at(app: &mut App, what: &str, field: &str) {
    if !matches!(app.mode, Mode::Conflicts(_)) {
        press(app, KeyCode::Char('C'));
    }
    let at = find(&app.doc.board, what, field);
    press(app, KeyCode::Char('g'));
    for _ in 0..at {
        press(app, KeyCode::Char('j'));
    }
    assert_eq!(app.mode_conflict(), Some(at));
}

trait Selected {
    fn mode_conflict(&self) -> Option<usize>;
}

impl Selected for App {
    fn mode_conflict(&self) -> Option<usize> {
        match self.mode {
            Mode::Conflicts(at) => Some(at),
            _ => None,
        }
    }
}

/// `before` without the conflict at `at`, then changed by `f`.
fn expected(before: &Board, at: usize, f: impl FnOnce(&mut Board)) -> Board {
    let mut want = before.clone();
    want.conflicts.remove(at);
    f(&mut want);
    // A change records today's remaining work in the active sprint, as every change does.
    let points = |s| (want.remaining_points(s), want.sprint_points(s));
    if let Some(e) = rules::record_day_with(&want, TODAY, points) {
        want.apply(e).unwrap();
    }
    want
}

/// One undo brings `before` back (the conflict with it); redo `after` again.
fn undo_redo(app: &mut App, before: &Board, after: &Board) {
    press(app, KeyCode::Char('u'));
    same(&app.doc.board, before);
    app.update(Action::Redo);
    same(&app.doc.board, after);
}

#[test]
fn the_merge_records_every_kind_the_screen_resolves() {
    let b = merged();
    let kinds: Vec<(&str, &str)> = b
        .conflicts
        .iter()
        .map(|c| (c.what.as_str(), c.field.as_str()))
        .collect();
    for (what, field) in [
        ("CRN-20", "title"),
        ("CRN-21", "points"),
        ("CRN-22", "status"),
        ("CRN-23", "due"),
        ("CRN-24", "(the record"),
        ("CRN-25", "blocked_by"),
    ] {
        assert!(
            kinds
                .iter()
                .any(|(w, f)| *w == what && f.starts_with(field)),
            "{what} {field} in {kinds:?}"
        );
    }
    assert!(
        kinds
            .iter()
            .any(|(w, f)| w.starts_with("sprint") && *f == "state")
    );
}

#[test]
fn a_field_takes_theirs_or_keeps_ours_as_one_undoable_step() {
    let mut a = app();
    let before = a.doc.board.clone();
    open_at(&mut a, "CRN-20", "title");
    let at = find(&before, "CRN-20", "title");
    press(&mut a, KeyCode::Char('t'));
    let want = expected(&before, at, |b| {
        edit_item(b, "CRN-20", |i| i.title = "Theirs title".into())
    });
    same(&a.doc.board, &want);
    assert_eq!(
        status(&a),
        "Resolved CRN-20 title: took theirs (u brings the conflict back)"
    );
    assert!(
        matches!(a.mode, Mode::Conflicts(_)),
        "the screen stays open"
    );
    undo_redo(&mut a, &before, &want);

    // Keep ours: only the conflict goes.
    let mut a = app();
    open_at(&mut a, "CRN-21", "points");
    let at = find(&before, "CRN-21", "points");
    press(&mut a, KeyCode::Char('o'));
    let want = expected(&before, at, |_| {});
    same(&a.doc.board, &want);
    assert_eq!(
        a.doc.board.item(id(&before, "CRN-21")).unwrap().points,
        Some(1)
    );
    undo_redo(&mut a, &before, &want);
}

#[test]
fn a_record_deleted_on_one_side_is_deleted_or_kept_whole() {
    let before = opened();
    let at = find(&before, "CRN-24", "(the record");
    let gone = id(&before, "CRN-24");
    assert_eq!(before.item(gone).unwrap().title, "Theirs kept it");

    // Ours deleted it: keeping ours deletes it (and every link to it).
    let mut a = app();
    open_at(&mut a, "CRN-24", "(the record");
    press(&mut a, KeyCode::Char('o'));
    let want = expected(&before, at, |b| {
        let e = rules::delete_item(b, gone).unwrap();
        b.apply(e).unwrap();
    });
    same(&a.doc.board, &want);
    assert!(a.doc.board.item(gone).is_none());
    undo_redo(&mut a, &before, &want);

    // Theirs changed it: taking theirs keeps it as theirs has it.
    let mut a = app();
    open_at(&mut a, "CRN-24", "(the record");
    press(&mut a, KeyCode::Char('t'));
    same(&a.doc.board, &expected(&before, at, |_| {}));
    assert_eq!(a.doc.board.item(gone).unwrap().title, "Theirs kept it");

    // A whole record is not typed in.
    let mut a = app();
    open_at(&mut a, "CRN-24", "(the record");
    press(&mut a, KeyCode::Char('e'));
    same(&a.doc.board, &before);
    assert!(
        status(&a).contains("a whole record cannot be typed in"),
        "{}",
        status(&a)
    );
}

#[test]
fn a_dropped_link_and_a_second_active_sprint_only_keep_ours_and_say_why() {
    let before = opened();
    for (what, field, why) in [
        (
            "CRN-25",
            "blocked_by",
            "the linked record was deleted on the other side",
        ),
        ("", "state", "one sprint is active at a time"),
    ] {
        let what = if what.is_empty() {
            before.conflicts[find_field(&before, field)].what.clone()
        } else {
            what.to_string()
        };
        let mut a = app();
        open_at(&mut a, &what, field);
        let at = find(&before, &what, field);
        press(&mut a, KeyCode::Char('t'));
        same(&a.doc.board, &before);
        assert!(status(&a).contains(why), "{}", status(&a));
        press(&mut a, KeyCode::Char('o'));
        let want = expected(&before, at, |_| {});
        same(&a.doc.board, &want);
        undo_redo(&mut a, &before, &want);
    }
}

fn find_field(b: &Board, field: &str) -> usize {
    b.conflicts.iter().position(|c| c.field == field).unwrap()
}

/// Clears the value form's field and types `text`, then Enter.
fn type_value(a: &mut App, text: &str) {
    for _ in 0..40 {
        press(a, KeyCode::Backspace);
    }
    press_keys(a, text);
    a.update(Action::Confirm);
}

fn field_error(a: &App) -> Option<String> {
    match &a.mode {
        Mode::Form(f) => f.fields[0].error.clone(),
        _ => None,
    }
}

#[test]
fn a_typed_value_is_parsed_as_the_field_and_a_bad_one_is_refused_beside_it() {
    let before = opened();

    // Points: a number, starting from ours.
    let mut a = app();
    open_at(&mut a, "CRN-21", "points");
    press(&mut a, KeyCode::Char('e'));
    let Mode::Form(f) = &a.mode else {
        panic!("the value form is open")
    };
    assert_eq!(f.fields[0].value(), "1", "it starts as ours");
    type_value(&mut a, "banana");
    assert!(field_error(&a).is_some_and(|e| e.contains("\"banana\" is not a points")));
    same(&a.doc.board, &before);
    type_value(&mut a, "13");
    let at = find(&before, "CRN-21", "points");
    let want = expected(&before, at, |b| {
        edit_item(b, "CRN-21", |i| i.points = Some(13))
    });
    same(&a.doc.board, &want);
    assert!(
        matches!(a.mode, Mode::Conflicts(_)),
        "back on the conflicts"
    );
    undo_redo(&mut a, &before, &want);

    // A status that is not a column, then one that is.
    let mut a = app();
    open_at(&mut a, "CRN-22", "status");
    press(&mut a, KeyCode::Char('e'));
    type_value(&mut a, "Nowhere");
    let e = field_error(&a).expect("refused beside the field");
    assert!(e.contains("Nowhere"), "{e}");
    same(&a.doc.board, &before);
    let column = before.columns[1].name.clone();
    type_value(&mut a, &column);
    let at = find(&before, "CRN-22", "status");
    same(
        &a.doc.board,
        &expected(&before, at, |b| {
            edit_item(b, "CRN-22", |i| i.status = column.clone())
        }),
    );

    // A bad date, then a good one; Esc keeps the conflict.
    let mut a = app();
    open_at(&mut a, "CRN-23", "due");
    press(&mut a, KeyCode::Char('e'));
    type_value(&mut a, "2027-13-45");
    assert!(field_error(&a).is_some(), "a bad date is refused");
    same(&a.doc.board, &before);
    a.update(Action::Cancel);
    assert!(
        matches!(a.mode, Mode::Conflicts(_)),
        "Esc goes back to the list"
    );
    same(&a.doc.board, &before);
    press(&mut a, KeyCode::Char('e'));
    type_value(&mut a, "2027-03-01");
    let at = find(&before, "CRN-23", "due");
    same(
        &a.doc.board,
        &expected(&before, at, |b| {
            edit_item(b, "CRN-23", |i| i.due = Some(date(2027, 3, 1)))
        }),
    );
}

#[test]
fn all_ours_and_all_theirs_are_one_step_each() {
    let before = opened();
    let n = before.conflicts.len();

    let mut a = app();
    press(&mut a, KeyCode::Char('C'));
    press(&mut a, KeyCode::Char('O'));
    assert!(a.doc.board.conflicts.is_empty());
    assert!(
        matches!(a.mode, Mode::Normal),
        "nothing left: the screen closes"
    );
    let gone = id(&before, "CRN-24");
    assert!(a.doc.board.item(gone).is_none(), "ours deleted it");
    assert_eq!(
        a.doc.board.item(id(&before, "CRN-20")).unwrap().title,
        "Ours title"
    );
    assert_eq!(
        status(&a),
        format!(
            "Resolved {n} conflicts: kept ours; no conflicts left (u brings the conflicts back)"
        )
    );
    let after = a.doc.board.clone();
    undo_redo(&mut a, &before, &after);

    let mut a = app();
    press(&mut a, KeyCode::Char('C'));
    press(&mut a, KeyCode::Char('T'));
    let b = &a.doc.board;
    assert!(b.conflicts.is_empty());
    assert_eq!(b.item(id(&before, "CRN-20")).unwrap().title, "Theirs title");
    assert_eq!(b.item(id(&before, "CRN-21")).unwrap().points, Some(21));
    assert_eq!(
        b.item(id(&before, "CRN-23")).unwrap().due,
        Some(date(2027, 2, 1))
    );
    assert_eq!(b.item(gone).unwrap().title, "Theirs kept it");
    assert_eq!(b.validate(), Vec::new());
    assert!(
        status(&a).contains("(2 conflicts kept ours: theirs cannot be put back)"),
        "{}",
        status(&a)
    );
    let after = a.doc.board.clone();
    undo_redo(&mut a, &before, &after);
}

#[test]
fn a_board_with_conflicts_saves_and_loads_byte_for_byte() {
    let path = std::path::Path::new("b.ron");
    let b = merged();
    let text = cairn::store::to_ron(&b).expect("serialises");
    let back = cairn::store::from_ron(&text, path).expect("loads");
    assert_eq!(back.conflicts, b.conflicts);
    assert_eq!(cairn::store::to_ron(&back).expect("serialises"), text);

    // Resolved one, saved, loaded: the same board, its other conflicts kept.
    let mut a = App::new(back, "b.ron", TODAY);
    open_at(&mut a, "CRN-20", "title");
    press(&mut a, KeyCode::Char('t'));
    let text = cairn::store::to_ron(&a.doc.board).expect("serialises");
    let again = cairn::store::from_ron(&text, path).expect("loads");
    assert_eq!(again, a.doc.board);
    assert_eq!(cairn::store::to_ron(&again).expect("serialises"), text);
    // Every resolved: the file has no conflicts left, as a board that never had any.
    a.update(Action::AllOurs);
    let text = cairn::store::to_ron(&a.doc.board).expect("serialises");
    assert!(!text.contains("conflicts"), "{text}");
}

#[test]
fn a_conflict_names_nothing_left_to_set() {
    // A conflict whose item was deleted since: theirs is refused with a message, ours resolves it.
    let mut b = merged();
    let at = find(&b, "CRN-20", "title");
    let e = rules::delete_item(&b, id(&b, "CRN-20")).unwrap();
    b.apply(e).unwrap();
    let err = cairn::model::merge::resolve(&b, at, cairn::model::merge::Choice::Theirs)
        .expect_err("the item is gone");
    assert!(err.contains("no longer on the board"), "{err}");
    let c: &Conflict = &b.conflicts[at];
    assert_eq!(c.what, "CRN-20");
}
