//! `App::update` driven by actions, without a terminal: every backlog change does what it says, undo
//! puts the board back exactly and names the step, redo applies it again; the selection follows its
//! item; read-only refuses; quitting, the keymap and the palette.

use cairn::app::form::Form;
use cairn::app::palette::Entry;
use cairn::app::{Action, App, Effect, FormKind, Mode, Pane, SaveState};
use cairn::commands::sample_board;
use cairn::input::action_for_key;
use cairn::model::{Board, ItemId, ItemKind, Moscow, Scoring, SprintId, rules};
use jiff::civil::{Date, date};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: Date = date(2026, 11, 28);

/// Field positions in the add/edit form.
const KIND: usize = 1;
const POINTS: usize = 2;

fn app() -> App {
    App::new(sample_board(TODAY), "b.ron", TODAY)
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

/// Types a string into whatever has the keyboard (form, filter, palette), one key event a character.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(key(c)));
    }
}

/// `CRN-12` → its id, checking the item exists.
fn id(app: &App, key: &str) -> ItemId {
    app.board
        .parse_item_key(key)
        .unwrap_or_else(|| panic!("{key} is on the sample board"))
}

/// Selects an item the way a user would jump to it.
fn select(app: &mut App, key: &str) -> ItemId {
    let id = id(app, key);
    app.update(Action::GoToItem(id));
    assert_eq!(app.backlog.selected, Some(id), "{key} selected");
    id
}

fn order(board: &Board) -> Vec<u32> {
    board.items.iter().map(|i| i.id.0).collect()
}

fn status(app: &App) -> &str {
    app.status.as_ref().map_or("", |s| s.text.as_str())
}

fn form(app: &App) -> &Form {
    match &app.mode {
        Mode::Form(f) => f,
        _ => panic!("expected the form to be open"),
    }
}

/// Clears the focused form field and types `text` into it.
fn replace_focused(app: &mut App, text: &str) {
    let f = form(app);
    let len: usize = f.fields[f.focus]
        .input
        .lines()
        .iter()
        .map(|l| l.chars().count())
        .sum();
    for _ in 0..len {
        app.update(Action::Type(KeyEvent::new(
            KeyCode::Backspace,
            KeyModifiers::NONE,
        )));
    }
    type_text(app, text);
}

fn focus_field(app: &mut App, at: usize) {
    while form(app).focus != at {
        app.update(Action::NextField);
    }
}

/// Undo restores `before` exactly and says what it undid; redo brings `after` back.
fn undo_redo(app: &mut App, before: &Board, label: &str) {
    let after = app.board.clone();
    assert_eq!(app.update(Action::Undo), vec![Effect::Changed]);
    assert!(
        app.board == *before,
        "undo of \"{label}\" restores the board"
    );
    assert_eq!(status(app), format!("Undid: {label}"));
    assert_eq!(app.update(Action::Redo), vec![Effect::Changed]);
    assert!(app.board == after, "redo of \"{label}\" applies it again");
    assert_eq!(status(app), format!("Redid: {label}"));
    // And once more back, so a test can go on from the original board.
    app.update(Action::Undo);
    assert_eq!(app.board, *before);
}

/// The active sprint's burndown point for today matches what is left (recorded with each change).
fn assert_burndown_current(board: &Board) {
    let s = board
        .active_sprint()
        .expect("the sample has an active sprint");
    assert_eq!(
        s.remaining.get(&TODAY),
        Some(&board.remaining_points(s.id)),
        "today's burndown point follows the change"
    );
}

#[test]
fn add_item_through_the_form() {
    let mut app = app();
    let before = app.board.clone();
    let above = select(&mut app, "CRN-22");
    app.update(Action::AddItem);
    assert_eq!(form(&app).kind, FormKind::AddItem);
    type_text(&mut app, "Retry webhooks idempotently");
    let effects = app.update(Action::Confirm);
    assert_eq!(effects, vec![Effect::Changed]);
    assert!(matches!(app.mode, Mode::Normal), "the form closed");

    let new = ItemId(36);
    assert_eq!(app.board.items.len(), before.items.len() + 1);
    assert_eq!(app.board.items[0].id, above);
    let item = &app.board.items[1];
    assert_eq!(item.id, new, "added below the selection with the next id");
    assert_eq!(item.title, "Retry webhooks idempotently");
    assert_eq!(item.kind, ItemKind::Story, "the default kind");
    assert_eq!(item.status, "To do", "the first column");
    assert_eq!((item.points, item.moscow, item.sprint), (None, None, None));
    assert_eq!((item.created, item.updated), (TODAY, TODAY));
    assert_eq!(app.board.counters.item, 37);
    assert_eq!(app.backlog.selected, Some(new), "the new item is selected");
    assert_eq!(app.board.validate(), vec![]);
    let label = "Add CRN-36 \"Retry webhooks idempotently\"";
    assert_eq!(status(&app), label);
    undo_redo(&mut app, &before, label);
}

#[test]
fn edit_item_changes_title_and_points() {
    let mut app = app();
    let before = app.board.clone();
    let id = select(&mut app, "CRN-22");
    app.update(Action::EditItem);
    assert_eq!(form(&app).kind, FormKind::EditItem(id));
    replace_focused(&mut app, "Webhook retries send duplicate emails");
    focus_field(&mut app, POINTS);
    replace_focused(&mut app, "5");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    assert!(matches!(app.mode, Mode::Normal));

    let mut expected = before.item(id).expect("CRN-22").clone();
    expected.title = "Webhook retries send duplicate emails".into();
    expected.points = Some(5);
    expected.updated = TODAY;
    assert_eq!(
        app.board.item(id),
        Some(&expected),
        "only title, points and updated"
    );
    assert_eq!(app.board.item_index(id), before.item_index(id), "same rank");
    assert_burndown_current(&app.board);
    assert_eq!(status(&app), "Edit CRN-22");
    undo_redo(&mut app, &before, "Edit CRN-22");
}

#[test]
fn edit_form_without_changes_changes_nothing_for_every_sample_item() {
    let mut app = app();
    let before = app.board.clone();
    let ids: Vec<ItemId> = before.items.iter().map(|i| i.id).collect();
    for id in ids {
        app.update(Action::GoToItem(id));
        app.update(Action::EditItem);
        assert_eq!(app.update(Action::Confirm), vec![], "{id:?}");
        assert!(matches!(app.mode, Mode::Normal), "{id:?}: the form closed");
        assert_eq!(
            status(&app),
            "No changes",
            "{}: the form reads back what it showed",
            before.item_key(id)
        );
    }
    assert_eq!(app.board, before);
}

#[test]
fn invalid_form_values_keep_the_form_open_and_change_nothing() {
    let mut app = app();
    let before = app.board.clone();
    let id = select(&mut app, "CRN-22");
    app.update(Action::EditItem);
    focus_field(&mut app, KIND);
    replace_focused(&mut app, "saga");
    focus_field(&mut app, POINTS);
    replace_focused(&mut app, "4");
    assert_eq!(app.update(Action::Confirm), vec![]);

    let f = form(&app);
    assert_eq!(f.kind, FormKind::EditItem(id), "still open");
    assert_eq!(f.focus, KIND, "the first bad field has the focus");
    let kind_error = f.fields[KIND].error.as_deref().expect("kind error");
    assert!(kind_error.contains("\"saga\" is not story"), "{kind_error}");
    let points_error = f.fields[POINTS].error.as_deref().expect("points error");
    assert!(points_error.contains("Fibonacci"), "{points_error}");
    assert!(
        f.fields
            .iter()
            .enumerate()
            .all(|(n, field)| field.error.is_some() == (n == KIND || n == POINTS)),
        "no other field is marked"
    );
    assert_eq!(app.board, before);

    // Typing in a marked field clears its mark; Esc leaves without a trace.
    type_text(&mut app, "x");
    assert_eq!(form(&app).fields[KIND].error, None);
    assert!(form(&app).fields[POINTS].error.is_some());
    app.update(Action::Cancel);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.board, before);
    app.update(Action::Undo);
    assert_eq!(status(&app), "Nothing to undo");

    // The add form too: nothing is inserted, not even the id counter moves.
    app.update(Action::AddItem);
    type_text(&mut app, "Half-baked");
    focus_field(&mut app, POINTS);
    type_text(&mut app, "4");
    assert_eq!(app.update(Action::Confirm), vec![]);
    let f = form(&app);
    assert_eq!(f.kind, FormKind::AddItem);
    assert_eq!(f.focus, POINTS);
    assert!(f.fields[POINTS].error.is_some());
    assert_eq!(app.board, before);
}

#[test]
fn set_points() {
    let mut app = app();
    let before = app.board.clone();
    let id = select(&mut app, "CRN-30");
    app.update(Action::SetPoints);
    let f = form(&app);
    assert_eq!(f.kind, FormKind::Points(id));
    assert_eq!(f.fields[0].value(), "2", "the current points");
    replace_focused(&mut app, "4");
    app.update(Action::Confirm);
    assert!(form(&app).fields[0].error.is_some(), "4 is refused");
    assert_eq!(app.board, before);
    replace_focused(&mut app, "8");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    let item = app.board.item(id).expect("CRN-30");
    assert_eq!((item.points, item.updated), (Some(8), TODAY));
    assert_eq!(status(&app), "8 points for CRN-30");
    undo_redo(&mut app, &before, "8 points for CRN-30");
}

#[test]
fn delete_item_removes_its_links_and_undo_brings_them_back() {
    let mut app = app();
    let before = app.board.clone();
    let id = select(&mut app, "CRN-19");
    let linked = |b: &Board| {
        (
            b.items
                .iter()
                .filter(|i| i.blocked_by.contains(&id))
                .count(),
            b.timeline.iter().filter(|e| e.items.contains(&id)).count(),
            b.risks.iter().filter(|r| r.items.contains(&id)).count(),
            b.all_notes().filter(|(_, n)| n.items.contains(&id)).count(),
        )
    };
    assert_eq!(linked(&before), (1, 1, 0, 1), "CRN-24, a milestone, a note");
    assert_eq!(app.update(Action::DeleteItem), vec![Effect::Changed]);
    assert_eq!(app.board.item(id), None);
    assert_eq!(app.board.items.len(), before.items.len() - 1);
    assert_eq!(linked(&app.board), (0, 0, 0, 0), "every link is gone");
    assert_eq!(app.board.validate(), vec![]);
    assert_burndown_current(&app.board);
    let label = "Delete CRN-19 \"Pay with Apple Pay on Safari and iOS\" (u brings it back)";
    assert_eq!(status(&app), label);
    undo_redo(&mut app, &before, label);
    assert_eq!(linked(&app.board), (1, 1, 0, 1));

    // An epic: its children lose their parent, and get it back.
    let epic = select(&mut app, "CRN-3");
    app.update(Action::DeleteItem);
    assert!(app.board.items.iter().all(|i| i.parent != Some(epic)));
    assert_eq!(app.board.validate(), vec![]);
    undo_redo(
        &mut app,
        &before,
        "Delete CRN-3 \"Wallets and local payment methods\" (u brings it back)",
    );
}

#[test]
fn move_down_up_and_to_top() {
    let mut app = app();
    let before = app.board.clone();
    let start = order(&before);
    assert_eq!(start[..4], [22, 21, 19, 23]);

    select(&mut app, "CRN-22");
    assert_eq!(app.update(Action::MoveDown), vec![Effect::Changed]);
    assert_eq!(order(&app.board)[..4], [21, 22, 19, 23]);
    assert_eq!(app.board.items.len(), start.len());
    assert_eq!(app.selected_row(), Some(1), "the selection moves with it");
    assert_eq!(status(&app), "Move CRN-22 down");
    undo_redo(&mut app, &before, "Move CRN-22 down");

    select(&mut app, "CRN-19");
    assert_eq!(app.update(Action::MoveUp), vec![Effect::Changed]);
    assert_eq!(order(&app.board)[..4], [22, 19, 21, 23]);
    assert_eq!(status(&app), "Move CRN-19 up");
    undo_redo(&mut app, &before, "Move CRN-19 up");

    let id = select(&mut app, "CRN-30");
    assert_eq!(app.update(Action::MoveToTop), vec![Effect::Changed]);
    assert_eq!(app.board.items[0].id, id);
    let mut expected = start.clone();
    expected.retain(|&n| n != 30);
    expected.insert(0, 30);
    assert_eq!(order(&app.board), expected, "the rest keeps its order");
    assert_eq!(status(&app), "Move CRN-30 to the top");
    undo_redo(&mut app, &before, "Move CRN-30 to the top");

    // At the ends nothing moves and nothing is recorded.
    select(&mut app, "CRN-22");
    assert_eq!(app.update(Action::MoveUp), vec![]);
    assert_eq!(status(&app), "CRN-22 is already at the top");
    assert_eq!(app.update(Action::MoveToTop), vec![]);
    select(&mut app, "CRN-4");
    assert_eq!(app.update(Action::MoveDown), vec![]);
    assert_eq!(status(&app), "CRN-4 is already at the bottom");
    assert_eq!(app.board, before);
}

#[test]
fn cycle_moscow() {
    let mut app = app();
    let before = app.board.clone();
    let id = select(&mut app, "CRN-22");
    assert_eq!(app.update(Action::CycleMoscow), vec![Effect::Changed]);
    let item = app.board.item(id).expect("CRN-22");
    assert_eq!((item.moscow, item.updated), (Some(Moscow::Should), TODAY));
    assert_eq!(status(&app), "MoSCoW of CRN-22: should");
    undo_redo(&mut app, &before, "MoSCoW of CRN-22: should");

    let wont = select(&mut app, "CRN-35");
    app.update(Action::CycleMoscow);
    assert_eq!(app.board.item(wont).expect("CRN-35").moscow, None);
    undo_redo(&mut app, &before, "MoSCoW of CRN-35: none");
}

#[test]
fn send_to_sprint_and_back() {
    let mut app = app();
    let before = app.board.clone();
    let active = SprintId(3);
    assert_eq!(before.active_sprint().map(|s| s.id), Some(active));
    let id = select(&mut app, "CRN-30");
    assert_eq!(app.update(Action::SendToSprint), vec![Effect::Changed]);
    assert_eq!(app.board.item(id).expect("CRN-30").sprint, Some(active));
    assert_burndown_current(&app.board);
    assert_eq!(status(&app), "Send CRN-30 to Sprint 23");
    undo_redo(&mut app, &before, "Send CRN-30 to Sprint 23");

    // Again: back out of the sprint.
    app.update(Action::SendToSprint);
    let in_sprint = app.board.clone();
    assert_eq!(app.update(Action::SendToSprint), vec![Effect::Changed]);
    assert_eq!(app.board.item(id).expect("CRN-30").sprint, None);
    assert_eq!(status(&app), "Take CRN-30 out of Sprint 23");
    undo_redo(&mut app, &in_sprint, "Take CRN-30 out of Sprint 23");
}

#[test]
fn rank_by_score_applies_as_one_step_and_cancel_keeps_the_order() {
    let mut app = app();
    let before = app.board.clone();
    let proposed = rules::rank_by_score(&before, Scoring::Wsjf);
    assert_ne!(
        proposed,
        before.items.iter().map(|i| i.id).collect::<Vec<_>>()
    );

    assert_eq!(app.update(Action::RankByScore), vec![]);
    assert!(matches!(&app.mode, Mode::RankPreview(o) if *o == proposed));
    assert_eq!(app.board, before, "the preview changes nothing");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(
        app.board.items.iter().map(|i| i.id).collect::<Vec<_>>(),
        proposed
    );
    assert_eq!(order(&app.board)[..3], [26, 25, 30], "highest WSJF first");
    let label = format!("Rank {} items by score", before.items.len());
    assert_eq!(status(&app), label);
    // One undo is enough to put all of it back.
    undo_redo(&mut app, &before, &label);
    app.update(Action::Undo);
    assert_eq!(status(&app), "Nothing to undo");

    app.update(Action::RankByScore);
    assert_eq!(app.update(Action::Cancel), vec![]);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.board, before);
    assert_eq!(
        status(&app),
        "Rank by score cancelled: the order is unchanged"
    );
}

#[test]
fn toggle_scoring() {
    let mut app = app();
    let before = app.board.clone();
    assert_eq!(before.settings.scoring, Scoring::Wsjf);
    assert_eq!(app.update(Action::ToggleScoring), vec![Effect::Changed]);
    assert_eq!(app.board.settings.scoring, Scoring::Rice);
    assert_eq!(status(&app), "Score by RICE");
    undo_redo(&mut app, &before, "Score by RICE");
}

#[test]
fn description_edited() {
    let mut app = app();
    let before = app.board.clone();
    let id = id(&app, "CRN-22");
    let effects = app.update(Action::DescriptionEdited(
        id,
        "Send one email per order.\n\n".into(),
    ));
    assert_eq!(effects, vec![Effect::Changed]);
    let item = app.board.item(id).expect("CRN-22");
    assert_eq!(item.description, "Send one email per order.", "trimmed");
    assert_eq!(item.updated, TODAY);
    assert_eq!(status(&app), "Edit the description of CRN-22");
    undo_redo(&mut app, &before, "Edit the description of CRN-22");

    let same = before.item(id).expect("CRN-22").description.clone();
    assert_eq!(app.update(Action::DescriptionEdited(id, same)), vec![]);
    assert_eq!(status(&app), "Description unchanged");
    assert_eq!(app.board, before);
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
    let before = app.board.clone();
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
    assert_eq!(bugs(&before), [22, 18, 30, 14, 9]);
    filter(&mut app, "kind:bug");
    assert_eq!(app.backlog.visible.len(), 5);

    let id = select(&mut app, "CRN-18");
    assert_eq!(app.selected_row(), Some(1));
    assert_eq!(app.update(Action::MoveDown), vec![Effect::Changed]);
    assert_eq!(bugs(&app.board), [22, 30, 18, 14, 9], "past CRN-30");
    assert_eq!(
        app.board.item_index(id),
        app.board.item_index(ItemId(30)).map(|i| i + 1),
        "right after its visible neighbour"
    );
    assert_eq!(
        others(&app.board),
        others(&before),
        "hidden items keep their order"
    );
    assert_eq!(app.selected_row(), Some(2), "the selection moves with it");
    undo_redo(&mut app, &before, "Move CRN-18 down");

    let id = select(&mut app, "CRN-30");
    assert_eq!(app.update(Action::MoveUp), vec![Effect::Changed]);
    assert_eq!(bugs(&app.board), [22, 30, 18, 14, 9], "past CRN-18");
    assert_eq!(
        app.board.item_index(id).map(|i| i + 1),
        app.board.item_index(ItemId(18)),
        "right before its visible neighbour"
    );
    assert_eq!(others(&app.board), others(&before));
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
    assert_eq!(app.backlog.selected, Some(ItemId(5)));
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
    assert_eq!(app.backlog.visible.len(), app.board.items.len());
    assert_eq!(app.backlog.selected, Some(hidden));
    assert_eq!(app.selected_row(), Some(1));
}

#[test]
fn read_only_refuses_every_change() {
    let mut app = app();
    // Something to undo and to redo, made before the board turned read-only.
    select(&mut app, "CRN-21");
    app.update(Action::CycleMoscow);
    app.update(Action::CycleMoscow);
    app.update(Action::Undo);
    app.set_read_only();
    assert_eq!(app.save, SaveState::ReadOnly);
    let before = app.board.clone();
    let id = id(&app, "CRN-21");
    let actions = [
        Action::AddItem,
        Action::EditItem,
        Action::EditDescription,
        Action::SetPoints,
        Action::DeleteItem,
        Action::MoveDown,
        Action::MoveUp,
        Action::MoveToTop,
        Action::CycleMoscow,
        Action::SendToSprint,
        Action::RankByScore,
        Action::ToggleScoring,
        Action::DescriptionEdited(id, "changed".into()),
        Action::Undo,
        Action::Redo,
    ];
    for action in actions {
        app.status = None;
        let effects = app.update(action.clone());
        assert_eq!(effects, vec![], "{action:?}");
        assert!(
            matches!(app.mode, Mode::Normal),
            "{action:?} opened nothing"
        );
        assert_eq!(app.board, before, "{action:?} changed nothing");
        let s = app
            .status
            .as_ref()
            .unwrap_or_else(|| panic!("{action:?} says why not"));
        assert!(s.error, "{action:?}");
        assert!(s.text.starts_with("Read-only"), "{action:?}: {}", s.text);
    }
    assert_eq!(app.save, SaveState::ReadOnly);
}

#[test]
fn quit_and_quit_after_a_failed_save() {
    let mut app = app();
    assert_eq!(app.update(Action::Quit), vec![Effect::Quit]);

    app.save = SaveState::Failed("disk full".into());
    assert_eq!(app.update(Action::Quit), vec![]);
    assert!(matches!(app.mode, Mode::ConfirmQuit), "asks first");
    assert_eq!(app.update(Action::No), vec![]);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(
        status(&app),
        "Not quitting: changes are kept and the save is retried"
    );
    app.update(Action::Quit);
    assert_eq!(app.update(Action::Yes), vec![Effect::Quit]);
}

#[test]
fn shift_j_moves_down_in_the_backlog_only() {
    let mut app = app();
    for modifiers in [KeyModifiers::NONE, KeyModifiers::SHIFT] {
        let j = KeyEvent::new(KeyCode::Char('J'), modifiers);
        app.pane = Pane::Backlog;
        assert_eq!(action_for_key(&app, j), Some(Action::MoveDown));
        app.update(Action::ShowSprint);
        assert_eq!(action_for_key(&app, j), None, "not a sprint key");
    }
}

#[test]
fn palette_goes_to_an_item_by_its_key() {
    let mut app = app();
    app.update(Action::ShowSprint);
    app.update(Action::Palette);
    type_text(&mut app, "crn-30");
    let Mode::Palette(p) = &app.mode else {
        panic!("the palette is open");
    };
    let target = id(&app, "CRN-30");
    assert!(
        matches!(p.matches.first(), Some(Entry::Item { id, .. }) if *id == target),
        "{:?}",
        p.matches.first()
    );
    app.update(Action::Confirm);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.pane, Pane::Backlog);
    assert_eq!(app.backlog.selected, Some(target));
}

#[test]
fn palette_finds_a_command_by_fuzzy_text() {
    let mut app = app();
    app.update(Action::Palette);
    type_text(&mut app, "undo");
    let Mode::Palette(p) = &app.mode else {
        panic!("the palette is open");
    };
    assert!(
        matches!(
            p.matches.first(),
            Some(Entry::Command { action: Action::Undo, keys, .. }) if keys == "u"
        ),
        "{:?}",
        p.matches.first()
    );
    app.update(Action::Confirm);
    assert_eq!(status(&app), "Nothing to undo", "Enter ran it");
}
