//! The sprint board driven by actions, without a terminal, on the sample board of 2026-11-28 (Sprint 23
//! active, one day left; Sprint 24 planned). Columns and cards are chosen with h/l and j/k; cards move
//! along the workflow within WIP limits; blocking, assigning, planning, starting and closing sprints
//! each change the board as one undoable step, and today's burndown point goes with every change.
//!
//! Sprint 23 on the sample board, by column and in rank order:
//! To do: CRN-25 (2) · Doing 2/3: CRN-22 (3), CRN-23 (5, blocked) · Review 2/2: CRN-21 (3), CRN-19 (5)
//! · Done: CRN-17, CRN-26, CRN-20, CRN-18, CRN-16 (13 points). 31 points, 18 remaining.

use cairn::app::form::Form;
use cairn::app::{Action, App, Effect, FormKind, Mode, Pane};
use cairn::commands::sample_board;
use cairn::input::action_for_key;
use cairn::model::{Board, Item, ItemId, SprintId, SprintState, rules};
use jiff::civil::{Date, date};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;

const TODAY: Date = date(2026, 11, 28);
const SPRINT_23: SprintId = SprintId(3);
const SPRINT_24: SprintId = SprintId(4);

/// Columns of the sample workflow.
const TO_DO: usize = 0;
const DOING: usize = 1;
const REVIEW: usize = 2;
const DONE: usize = 3;

/// Field positions in the new-sprint form.
const NAME: usize = 0;
const GOAL: usize = 1;
const START: usize = 2;
const END: usize = 3;
const CAPACITY: usize = 4;

/// The sample board on the sprint pane.
fn app() -> App {
    let mut app = App::new(sample_board(TODAY), "b.ron", TODAY);
    app.update(Action::ShowSprint);
    assert_eq!(app.pane, Pane::Sprint);
    app
}

/// `CRN-12` → its id, checking the item exists.
fn id(app: &App, key: &str) -> ItemId {
    app.board
        .parse_item_key(key)
        .unwrap_or_else(|| panic!("{key} is on the sample board"))
}

fn ids(app: &App, keys: &[&str]) -> Vec<ItemId> {
    keys.iter().map(|k| id(app, k)).collect()
}

fn item<'a>(app: &'a App, key: &str) -> &'a Item {
    app.board.item(id(app, key)).expect("the item exists")
}

fn sprint(board: &Board, id: SprintId) -> &cairn::model::Sprint {
    board.sprint(id).expect("the sprint exists")
}

fn status(app: &App) -> &str {
    app.status.as_ref().map_or("", |s| s.text.as_str())
}

fn status_is_error(app: &App) -> bool {
    app.status.as_ref().is_some_and(|s| s.error)
}

fn order(board: &Board) -> Vec<ItemId> {
    board.items.iter().map(|i| i.id).collect()
}

fn form(app: &App) -> &Form {
    match &app.mode {
        Mode::Form(f) => f,
        _ => panic!("expected a form to be open"),
    }
}

fn field_value(app: &App, at: usize) -> String {
    form(app).fields[at].value()
}

fn field_error(app: &App, at: usize) -> Option<&str> {
    form(app).fields[at].error.as_deref()
}

fn key_event(code: KeyCode) -> KeyEvent {
    let modifiers = match code {
        KeyCode::Char(c) if c.is_ascii_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    KeyEvent::new(code, modifiers)
}

/// Presses a key: through the keymap (as the terminal would), then `update`.
fn press(app: &mut App, c: char) -> Vec<Effect> {
    let action = action_for_key(app, key_event(KeyCode::Char(c)))
        .unwrap_or_else(|| panic!("{c:?} does something here"));
    app.update(action)
}

/// Types a string into the open form, one key event a character.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(key_event(KeyCode::Char(c))));
    }
}

/// Focuses a form field and replaces what is in it with `text`.
fn replace_field(app: &mut App, at: usize, text: &str) {
    while form(app).focus != at {
        app.update(Action::NextField);
    }
    for _ in 0..field_value(app, at).chars().count() {
        app.update(Action::Type(key_event(KeyCode::Backspace)));
    }
    assert_eq!(field_value(app, at), "", "field {at} cleared");
    type_text(app, text);
}

/// Column and selected card of the sprint pane.
fn selection(app: &App) -> (usize, Option<ItemId>) {
    (app.sprint.column, app.selected_card())
}

/// The board with one item replaced by `f(item)`.
fn with_item(board: &Board, id: ItemId, f: impl FnOnce(&mut Item)) -> Board {
    let mut b = board.clone();
    let at = b.item_index(id).expect("the item is on the board");
    f(Arc::make_mut(&mut b.items[at]));
    b
}

/// The board with today's burndown point of the active sprint set to `points`.
fn with_burndown(board: &Board, points: u32) -> Board {
    let mut b = board.clone();
    let active = b.active_sprint().expect("an active sprint").id;
    let s = b
        .sprints
        .iter_mut()
        .find(|s| s.id == active)
        .expect("the active sprint");
    s.remaining.insert(TODAY, points);
    b
}

/// Undo puts `before` back exactly and names the step.
fn undo_to(app: &mut App, before: &Board, label: &str) {
    assert_eq!(app.update(Action::Undo), vec![Effect::Changed]);
    assert_eq!(status(app), format!("Undid: {label}"));
    assert!(
        app.board == *before,
        "undo of \"{label}\" restores the board"
    );
}

#[test]
fn the_sample_is_what_these_tests_expect() {
    let app = app();
    let b = &app.board;
    let s23 = sprint(b, SPRINT_23);
    assert_eq!(
        (s23.name.as_str(), s23.state),
        ("Sprint 23", SprintState::Active)
    );
    assert_eq!(
        sprint(b, SPRINT_24).state,
        SprintState::Planned,
        "Sprint 24 is planned"
    );
    assert_eq!(b.columns[REVIEW].wip_limit, Some(2));
    assert_eq!(b.wip_count("Review"), 2, "Review is at its limit");
    assert_eq!(b.columns[DOING].wip_limit, Some(3));
    assert_eq!(b.wip_count("Doing"), 2, "Doing has room for one more");
    assert_eq!(
        (b.remaining_points(SPRINT_23), b.done_points(SPRINT_23)),
        (18, 13)
    );
    assert_eq!(
        s23.remaining.get(&TODAY),
        None,
        "no burndown point for today yet"
    );
    assert_eq!(app.column_cards(TO_DO), ids(&app, &["CRN-25"]));
    assert_eq!(app.column_cards(DOING), ids(&app, &["CRN-22", "CRN-23"]));
    assert_eq!(app.column_cards(REVIEW), ids(&app, &["CRN-21", "CRN-19"]));
    assert_eq!(
        app.column_cards(DONE),
        ids(&app, &["CRN-17", "CRN-26", "CRN-20", "CRN-18", "CRN-16"])
    );
}

#[test]
fn h_and_l_choose_a_column_and_j_and_k_a_card() {
    let mut app = app();
    let before = app.board.clone();
    let card = |app: &App, key: &str| Some(id(app, key));
    assert_eq!(
        selection(&app),
        (TO_DO, card(&app, "CRN-25")),
        "the first card"
    );

    assert_eq!(press(&mut app, 'l'), vec![]);
    assert_eq!(selection(&app), (DOING, card(&app, "CRN-22")));
    press(&mut app, 'j');
    assert_eq!(selection(&app), (DOING, card(&app, "CRN-23")));
    press(&mut app, 'j');
    assert_eq!(
        selection(&app),
        (DOING, card(&app, "CRN-23")),
        "j stops at the last card"
    );
    press(&mut app, 'k');
    assert_eq!(selection(&app), (DOING, card(&app, "CRN-22")));
    press(&mut app, 'k');
    assert_eq!(
        selection(&app),
        (DOING, card(&app, "CRN-22")),
        "k stops at the first card"
    );

    // Across a row: from the second card of Doing to the second card of Review.
    press(&mut app, 'j');
    press(&mut app, 'l');
    assert_eq!(selection(&app), (REVIEW, card(&app, "CRN-19")));
    press(&mut app, 'k');
    assert_eq!(selection(&app), (REVIEW, card(&app, "CRN-21")));
    press(&mut app, 'l');
    assert_eq!(selection(&app), (DONE, card(&app, "CRN-17")));
    press(&mut app, 'G');
    assert_eq!(selection(&app), (DONE, card(&app, "CRN-16")), "G: the last");
    press(&mut app, 'g');
    assert_eq!(
        selection(&app),
        (DONE, card(&app, "CRN-17")),
        "g: the first"
    );
    for _ in 0..3 {
        press(&mut app, 'j');
    }
    assert_eq!(selection(&app), (DONE, card(&app, "CRN-18")));
    press(&mut app, 'l');
    assert_eq!(
        selection(&app),
        (DONE, card(&app, "CRN-18")),
        "l stops at the last column and keeps the card"
    );
    // Back into a shorter column: its last card.
    press(&mut app, 'h');
    assert_eq!(selection(&app), (REVIEW, card(&app, "CRN-19")));
    press(&mut app, 'h');
    press(&mut app, 'h');
    assert_eq!(selection(&app), (TO_DO, card(&app, "CRN-25")));
    press(&mut app, 'h');
    assert_eq!(
        selection(&app),
        (TO_DO, card(&app, "CRN-25")),
        "h stops at the first column"
    );
    assert_eq!(app.pane, Pane::Sprint);
    assert!(app.board == before, "choosing changes nothing");
}

#[test]
fn card_right_moves_the_card_the_selection_follows_and_undo_restores_it() {
    let mut app = app();
    let before = app.board.clone();
    let crn25 = id(&app, "CRN-25");
    let since = item(&app, "CRN-25").status_since;
    assert_ne!(since, TODAY);

    assert_eq!(app.update(Action::CardRight), vec![Effect::Changed]);
    assert_eq!(status(&app), "Move CRN-25 to Doing");
    assert!(!status_is_error(&app));
    let expected = with_item(&before, crn25, |i| {
        i.status = "Doing".into();
        i.status_since = TODAY;
        i.updated = TODAY;
    });
    // The remaining points did not change, but today's burndown point is recorded with the move.
    let expected = with_burndown(&expected, 18);
    assert!(
        app.board == expected,
        "only CRN-25's status, its dates and today's burndown point changed"
    );
    assert_eq!(
        selection(&app),
        (DOING, Some(crn25)),
        "the selection follows the card"
    );
    assert_eq!(
        app.column_cards(DOING),
        ids(&app, &["CRN-22", "CRN-23", "CRN-25"]),
        "in rank order in its new column"
    );
    assert!(app.column_cards(TO_DO).is_empty());

    // To do is empty now: there is no card to act on, and each action says so.
    app.update(Action::ColumnLeft);
    assert_eq!(selection(&app), (TO_DO, None));
    let moved = app.board.clone();
    for action in [
        Action::CardRight,
        Action::CardLeft,
        Action::ToggleBlocked,
        Action::Assign,
    ] {
        assert_eq!(app.update(action.clone()), vec![], "{action:?}");
        assert_eq!(status(&app), "No card selected", "{action:?}");
        assert!(matches!(app.mode, Mode::Normal), "{action:?}: no form");
    }
    assert!(app.board == moved);

    undo_to(&mut app, &before, "Move CRN-25 to Doing");
    assert_eq!(item(&app, "CRN-25").status_since, since);
    assert_eq!(selection(&app), (TO_DO, Some(crn25)), "back in To do");
}

#[test]
fn card_left_moves_back_and_done_is_dated_then_cleared() {
    let mut app = app();
    let before = app.board.clone();
    let crn21 = id(&app, "CRN-21");
    press(&mut app, 'l');
    press(&mut app, 'l');
    assert_eq!(selection(&app), (REVIEW, Some(crn21)));

    assert_eq!(press(&mut app, 'L'), vec![Effect::Changed]);
    assert_eq!(status(&app), "Move CRN-21 to Done");
    assert_eq!(selection(&app), (DONE, Some(crn21)));
    let moved = item(&app, "CRN-21");
    assert_eq!(
        (moved.status.as_str(), moved.status_since, moved.done),
        ("Done", TODAY, Some(TODAY))
    );
    let remaining = sprint(&app.board, SPRINT_23).remaining.get(&TODAY).copied();
    assert_eq!(remaining, Some(15), "3 points fewer to do");
    let in_done = app.board.clone();

    assert_eq!(press(&mut app, 'H'), vec![Effect::Changed]);
    assert_eq!(status(&app), "Move CRN-21 to Review");
    assert_eq!(selection(&app), (REVIEW, Some(crn21)));
    let back = item(&app, "CRN-21");
    assert_eq!((back.status.as_str(), back.done), ("Review", None));
    assert_eq!(
        sprint(&app.board, SPRINT_23).remaining.get(&TODAY),
        Some(&18)
    );

    undo_to(&mut app, &in_done, "Move CRN-21 to Review");
    undo_to(&mut app, &before, "Move CRN-21 to Done");
}

#[test]
fn a_move_into_a_full_column_is_refused_with_its_limit() {
    let mut app = app();
    let before = app.board.clone();
    let crn22 = id(&app, "CRN-22");
    app.update(Action::ColumnRight);
    assert_eq!(selection(&app), (DOING, Some(crn22)));

    assert_eq!(app.update(Action::CardRight), vec![]);
    assert!(status_is_error(&app), "said as an error");
    assert_eq!(
        status(&app),
        "CRN-22: \"Review\" is at its WIP limit of 2",
        "names the card, the column and the limit"
    );
    assert!(app.board == before, "nothing changed");
    assert_eq!(selection(&app), (DOING, Some(crn22)), "the selection stays");
    assert!(!app.history.can_undo(), "nothing to undo");

    // Once a card leaves Review, there is room.
    app.update(Action::ColumnRight);
    app.update(Action::CardRight);
    assert_eq!(status(&app), "Move CRN-21 to Done");
    app.update(Action::ColumnLeft);
    app.update(Action::ColumnLeft);
    assert_eq!(selection(&app), (DOING, Some(crn22)));
    assert_eq!(app.update(Action::CardRight), vec![Effect::Changed]);
    assert_eq!(status(&app), "Move CRN-22 to Review");
    assert_eq!(item(&app, "CRN-22").status, "Review");
}

#[test]
fn a_move_left_into_a_full_column_is_refused_too() {
    let mut app = app();
    // CRN-25 fills Doing to its limit of 3.
    app.update(Action::CardRight);
    assert_eq!(app.board.wip_count("Doing"), 3);
    let before = app.board.clone();
    // From the third card of Doing to the last card of Review.
    app.update(Action::ColumnRight);
    assert_eq!(selection(&app), (REVIEW, Some(id(&app, "CRN-19"))));
    assert_eq!(app.update(Action::CardLeft), vec![]);
    assert!(status_is_error(&app));
    assert_eq!(status(&app), "CRN-19: \"Doing\" is at its WIP limit of 3");
    assert!(app.board == before);
}

#[test]
fn card_left_on_the_first_column_and_card_right_on_the_last_say_so() {
    let mut app = app();
    let before = app.board.clone();
    assert_eq!(selection(&app).0, TO_DO);
    assert_eq!(app.update(Action::CardLeft), vec![]);
    assert_eq!(status(&app), "CRN-25 is in the first column");
    assert!(app.board == before);

    for _ in 0..3 {
        app.update(Action::ColumnRight);
    }
    assert_eq!(selection(&app), (DONE, Some(id(&app, "CRN-17"))));
    assert_eq!(app.update(Action::CardRight), vec![]);
    assert_eq!(status(&app), "CRN-17 is in the last column");
    assert!(app.board == before);
    assert!(!app.history.can_undo());
}

#[test]
fn toggle_blocked_asks_for_a_reason_then_blocks_and_unblocks() {
    let mut app = app();
    let before = app.board.clone();
    let crn22 = id(&app, "CRN-22");
    app.update(Action::ColumnRight);
    assert_eq!(item(&app, "CRN-22").blocked, None);

    assert_eq!(press(&mut app, 'x'), vec![]);
    assert_eq!(form(&app).kind, FormKind::Blocked(crn22));
    assert!(
        form(&app).title.contains("Block CRN-22"),
        "{}",
        form(&app).title
    );

    // An empty reason is refused beside the field; the form stays open.
    assert_eq!(app.update(Action::Confirm), vec![]);
    assert_eq!(form(&app).kind, FormKind::Blocked(crn22), "still open");
    assert_eq!(field_error(&app, 0), Some("say what it is waiting for"));
    assert!(app.board == before);

    type_text(&mut app, "waiting on legal review");
    assert_eq!(field_error(&app, 0), None, "typing clears the error");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    assert!(matches!(app.mode, Mode::Normal), "the form closed");
    assert_eq!(status(&app), "Block CRN-22");
    let blocked = with_item(&before, crn22, |i| {
        i.blocked = Some("waiting on legal review".into());
        i.updated = TODAY;
    });
    let blocked = with_burndown(&blocked, 18);
    assert!(app.board == blocked, "only the reason and the date changed");
    assert_eq!(selection(&app), (DOING, Some(crn22)));

    // Again: unblocked at once, no form.
    assert_eq!(press(&mut app, 'x'), vec![Effect::Changed]);
    assert!(matches!(app.mode, Mode::Normal), "no form to unblock");
    assert_eq!(status(&app), "Unblock CRN-22");
    assert_eq!(item(&app, "CRN-22").blocked, None);

    undo_to(&mut app, &blocked, "Unblock CRN-22");
    undo_to(&mut app, &before, "Block CRN-22");
}

#[test]
fn toggle_blocked_on_a_blocked_card_unblocks_and_cancel_changes_nothing() {
    let mut app = app();
    let before = app.board.clone();
    app.update(Action::ColumnRight);
    app.update(Action::Down);
    assert_eq!(selection(&app).1, Some(id(&app, "CRN-23")));
    assert!(
        item(&app, "CRN-23").blocked.is_some(),
        "blocked in the sample"
    );
    assert_eq!(app.update(Action::ToggleBlocked), vec![Effect::Changed]);
    assert_eq!(status(&app), "Unblock CRN-23");
    assert_eq!(item(&app, "CRN-23").blocked, None);
    undo_to(&mut app, &before, "Unblock CRN-23");

    // A reason typed and then Esc: nothing changes.
    app.update(Action::Up);
    app.update(Action::ToggleBlocked);
    type_text(&mut app, "never mind");
    assert_eq!(app.update(Action::Cancel), vec![]);
    assert!(matches!(app.mode, Mode::Normal));
    assert!(app.board == before);
}

#[test]
fn assign_sets_and_clears_the_assignee() {
    let mut app = app();
    let before = app.board.clone();
    let crn25 = id(&app, "CRN-25");
    assert_eq!(selection(&app).1, Some(crn25));

    assert_eq!(press(&mut app, 'A'), vec![]);
    assert_eq!(form(&app).kind, FormKind::Assign(crn25));
    assert_eq!(field_value(&app, 0), "Jonas Berg", "shows who has it now");
    assert!(
        form(&app).fields[0].hint.contains("Ana Ribeiro"),
        "the hint names the team: {}",
        form(&app).fields[0].hint
    );
    replace_field(&mut app, 0, "Ana Ribeiro");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(status(&app), "Assign CRN-25 to Ana Ribeiro");
    let assigned = with_item(&before, crn25, |i| {
        i.assignee = "Ana Ribeiro".into();
        i.updated = TODAY;
    });
    let assigned = with_burndown(&assigned, 18);
    assert!(app.board == assigned);

    app.update(Action::Assign);
    replace_field(&mut app, 0, "");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    assert_eq!(status(&app), "Unassign CRN-25");
    assert_eq!(item(&app, "CRN-25").assignee, "");

    undo_to(&mut app, &assigned, "Unassign CRN-25");
    undo_to(&mut app, &before, "Assign CRN-25 to Ana Ribeiro");
}

#[test]
fn enter_on_a_card_opens_it_in_the_backlog() {
    let mut app = app();
    app.update(Action::ColumnRight);
    let crn22 = id(&app, "CRN-22");
    app.update(Action::Down);
    let crn23 = id(&app, "CRN-23");
    assert_eq!(selection(&app).1, Some(crn23));
    assert_ne!(crn22, crn23);
    let enter = action_for_key(&app, key_event(KeyCode::Enter)).expect("Enter does something");
    app.update(enter);
    assert_eq!(app.pane, Pane::Backlog);
    assert_eq!(app.backlog.selected, Some(crn23));
    assert!(app.backlog.details, "with its details");
}

#[test]
fn burndown_toggles_the_view() {
    let mut app = app();
    assert!(!app.sprint.burndown);
    assert_eq!(press(&mut app, 'b'), vec![]);
    assert!(app.sprint.burndown);
    press(&mut app, 'b');
    assert!(!app.sprint.burndown);
}

#[test]
fn new_sprint_form_follows_the_last_sprint_and_checks_its_dates() {
    let mut app = app();
    let before = app.board.clone();
    let s24 = sprint(&before, SPRINT_24).clone();

    assert_eq!(press(&mut app, 'n'), vec![]);
    assert_eq!(form(&app).kind, FormKind::NewSprint);
    assert_eq!(form(&app).focus, GOAL, "the goal is what to type first");
    assert_eq!(field_value(&app, NAME), "Sprint 25");
    assert_eq!(field_value(&app, GOAL), "");
    let start: Date = field_value(&app, START).parse().expect("a date");
    let end: Date = field_value(&app, END).parse().expect("a date");
    assert_eq!(start, date(2026, 12, 14), "the day after Sprint 24 ends");
    assert_eq!(start, s24.end.tomorrow().expect("a date"));
    assert_eq!(end, date(2026, 12, 27));
    assert_eq!(
        (end - start).get_days() + 1,
        s24.length_days(),
        "as long as Sprint 24"
    );
    assert_eq!(
        field_value(&app, CAPACITY),
        "25",
        "the average velocity of 23 and 27"
    );

    // A day that does not exist.
    replace_field(&mut app, START, "2026-02-30");
    assert_eq!(app.update(Action::Confirm), vec![]);
    assert!(matches!(app.mode, Mode::Form(_)), "the form stays open");
    assert_eq!(
        field_error(&app, START),
        Some("\"2026-02-30\" is not a date (YYYY-MM-DD)")
    );
    assert_eq!(field_error(&app, END), None);
    assert_eq!(form(&app).focus, START, "the focus goes to the bad field");
    assert!(app.board == before);

    // An end before the start.
    replace_field(&mut app, START, "2026-12-14");
    replace_field(&mut app, END, "2026-12-01");
    assert_eq!(app.update(Action::Confirm), vec![]);
    assert!(matches!(app.mode, Mode::Form(_)), "the form stays open");
    assert_eq!(field_error(&app, START), None);
    assert_eq!(
        field_error(&app, END),
        Some("ends 2026-12-01, before it starts 2026-12-14")
    );
    assert_eq!(form(&app).focus, END);
    assert!(app.board == before);

    replace_field(&mut app, END, "2026-12-27");
    replace_field(&mut app, GOAL, "Beta to 25% of traffic");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    assert!(matches!(app.mode, Mode::Normal), "the form closed");
    assert_eq!(status(&app), "Plan Sprint 25 (2026-12-14 – 2026-12-27)");

    assert_eq!(app.board.sprints.len(), before.sprints.len() + 1);
    let new = app.board.sprints.last().expect("the new sprint");
    assert_eq!(new.id, SprintId(5), "the next sprint id");
    assert_eq!(new.name, "Sprint 25");
    assert_eq!(new.goal, "Beta to 25% of traffic");
    assert_eq!((new.start, new.end), (start, end));
    assert_eq!(new.capacity, 25);
    assert_eq!(new.state, SprintState::Planned);
    assert_eq!((new.committed, new.completed), (None, None));
    assert!(new.remaining.is_empty());
    assert_eq!(app.board.counters.sprint, 6);
    assert_eq!(
        app.board.active_sprint().map(|s| s.id),
        Some(SPRINT_23),
        "planning starts nothing"
    );
    assert_eq!(
        rules::next_planned(&app.board),
        Some(SPRINT_24),
        "Sprint 24 still starts first"
    );
    assert_eq!(app.board.validate(), vec![]);

    assert_eq!(
        sprint(&app.board, SPRINT_23).remaining.get(&TODAY),
        Some(&18),
        "today's burndown point came with it"
    );
    undo_to(
        &mut app,
        &before,
        "Plan Sprint 25 (2026-12-14 – 2026-12-27)",
    );
}

#[test]
fn new_sprint_form_with_an_empty_name_or_a_bad_capacity_is_refused() {
    let mut app = app();
    let before = app.board.clone();
    app.update(Action::NewSprint);
    replace_field(&mut app, NAME, "");
    replace_field(&mut app, CAPACITY, "lots");
    assert_eq!(app.update(Action::Confirm), vec![]);
    assert_eq!(field_error(&app, NAME), Some("a sprint needs a name"));
    assert_eq!(
        field_error(&app, CAPACITY),
        Some("\"lots\" is not a number of points")
    );
    assert_eq!(form(&app).focus, NAME, "the first bad field");
    assert!(app.board == before);
    assert_eq!(app.update(Action::Cancel), vec![]);
    assert!(matches!(app.mode, Mode::Normal));
    assert!(app.board == before);
}

#[test]
fn start_sprint_while_one_is_active_is_refused() {
    let mut app = app();
    let before = app.board.clone();
    assert_eq!(press(&mut app, 't'), vec![]);
    assert!(status_is_error(&app));
    assert_eq!(
        status(&app),
        "sprint \"Sprint 23\" is already active: close it first"
    );
    assert!(app.board == before);
    assert!(!app.history.can_undo());
}

/// The unfinished items of Sprint 23, in rank order.
const UNFINISHED: [&str; 5] = ["CRN-22", "CRN-21", "CRN-19", "CRN-23", "CRN-25"];
const FINISHED: [&str; 5] = ["CRN-17", "CRN-26", "CRN-20", "CRN-18", "CRN-16"];

#[test]
fn close_sprint_asks_and_b_sends_the_unfinished_work_to_the_top_of_the_backlog() {
    let mut app = app();
    // A backlog item at the top first, so that "to the top" shows: the leftovers must jump above it.
    let crn30 = id(&app, "CRN-30");
    assert_eq!(item(&app, "CRN-30").sprint, None);
    app.update(Action::GoToItem(crn30));
    app.update(Action::MoveToTop);
    assert_eq!(app.board.items[0].id, crn30);
    app.update(Action::ShowSprint);
    let before = app.board.clone();
    let unfinished = ids(&app, &UNFINISHED);

    assert_eq!(press(&mut app, 'c'), vec![]);
    assert!(
        matches!(
            app.mode,
            Mode::CloseSprint {
                sprint: SPRINT_23,
                next: Some(SPRINT_24)
            }
        ),
        "asks where the unfinished work goes"
    );
    // Other keys leave the question open; Esc keeps the sprint open.
    assert_eq!(
        action_for_key(&app, key_event(KeyCode::Char('z'))),
        None,
        "z means nothing here"
    );
    app.update(Action::Down);
    assert!(matches!(app.mode, Mode::CloseSprint { .. }), "still asking");
    let esc = action_for_key(&app, key_event(KeyCode::Esc)).expect("Esc answers");
    assert_eq!(esc, Action::Cancel);
    assert_eq!(app.update(esc), vec![]);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(status(&app), "The sprint stays open");
    assert!(app.board == before, "nothing changed");
    assert_eq!(sprint(&app.board, SPRINT_23).state, SprintState::Active);

    press(&mut app, 'c');
    assert_eq!(
        action_for_key(&app, key_event(KeyCode::Char('b'))),
        Some(Action::Answer('b')),
        "b answers the question (not the burndown)"
    );
    assert_eq!(app.update(Action::Answer('b')), vec![Effect::Changed]);
    assert!(matches!(app.mode, Mode::Normal));
    let label = "Close Sprint 23: velocity 13 points, unfinished work to the top of the backlog";
    assert_eq!(status(&app), label);

    let closed = sprint(&app.board, SPRINT_23);
    assert_eq!(closed.state, SprintState::Closed);
    assert_eq!(closed.completed, Some(13), "its done points: the velocity");
    assert_eq!(closed.committed, Some(28), "unchanged");
    assert_eq!(
        closed.remaining.get(&TODAY),
        Some(&18),
        "the last burndown point"
    );
    assert_eq!(app.board.active_sprint(), None);
    assert_eq!(
        order(&app.board)[..6],
        [unfinished.as_slice(), &[crn30]].concat(),
        "the unfinished items on top, in their order, above what was first"
    );
    for key in UNFINISHED {
        let it = item(&app, key);
        assert_eq!(it.sprint, None, "{key} is out of the sprint");
        assert_eq!(it.updated, TODAY, "{key}");
        let was = before.item(it.id).expect("was there");
        assert_eq!(it.status, was.status, "{key} keeps its status");
    }
    for key in FINISHED {
        assert_eq!(item(&app, key).sprint, Some(SPRINT_23), "{key} stays");
    }
    assert_eq!(
        sprint(&app.board, SPRINT_24),
        sprint(&before, SPRINT_24),
        "Sprint 24 untouched"
    );
    assert_eq!(app.board.validate(), vec![]);

    undo_to(&mut app, &before, label);
    assert_eq!(
        app.board.active_sprint().map(|s| s.id),
        Some(SPRINT_23),
        "one undo reopens the sprint"
    );
}

#[test]
fn close_sprint_n_carries_the_unfinished_work_into_sprint_24_and_t_starts_it() {
    let mut app = app();
    let before = app.board.clone();
    let planned_24: u32 = before.sprint_points(SPRINT_24);
    assert_eq!(planned_24, 16);

    app.update(Action::CloseSprint);
    assert_eq!(app.update(Action::Answer('n')), vec![Effect::Changed]);
    let label = "Close Sprint 23: velocity 13 points, unfinished work to Sprint 24";
    assert_eq!(status(&app), label);
    let closed = sprint(&app.board, SPRINT_23);
    assert_eq!(
        (closed.state, closed.completed),
        (SprintState::Closed, Some(13))
    );
    for key in UNFINISHED {
        assert_eq!(
            item(&app, key).sprint,
            Some(SPRINT_24),
            "{key} carried over"
        );
    }
    for key in FINISHED {
        assert_eq!(item(&app, key).sprint, Some(SPRINT_23), "{key} stays");
    }
    assert_eq!(order(&app.board), order(&before), "the rank is unchanged");
    assert_eq!(sprint(&app.board, SPRINT_24).state, SprintState::Planned);
    let after_close = app.board.clone();

    assert_eq!(press(&mut app, 't'), vec![Effect::Changed]);
    let committed = planned_24 + 18;
    assert_eq!(
        status(&app),
        format!("Start Sprint 24 with {committed} points committed")
    );
    let s24 = sprint(&app.board, SPRINT_24);
    assert_eq!(s24.state, SprintState::Active);
    assert_eq!(s24.committed, Some(committed), "the points snapshot");
    assert_eq!(
        s24.remaining.iter().collect::<Vec<_>>(),
        vec![(&TODAY, &committed)],
        "the first burndown point"
    );
    assert_eq!(app.board.active_sprint().map(|s| s.id), Some(SPRINT_24));
    assert_eq!(app.sprint.column, TO_DO);
    assert_eq!(
        app.column_cards(TO_DO),
        ids(&app, &["CRN-25", "CRN-28", "CRN-24", "CRN-27"]),
        "the new board's To do column, in rank order"
    );
    assert_eq!(app.selected_card(), Some(id(&app, "CRN-25")));
    assert_eq!(app.board.validate(), vec![]);

    undo_to(
        &mut app,
        &after_close,
        &format!("Start Sprint 24 with {committed} points committed"),
    );
    undo_to(&mut app, &before, label);
}

#[test]
fn close_sprint_with_everything_done_closes_without_asking() {
    let mut app = app();
    for it in &mut app.board.items {
        if it.sprint == Some(SPRINT_23) {
            Arc::make_mut(it).status = "Done".into();
        }
    }
    let before = app.board.clone();
    assert_eq!(app.update(Action::CloseSprint), vec![Effect::Changed]);
    assert!(matches!(app.mode, Mode::Normal), "nothing to ask");
    let closed = sprint(&app.board, SPRINT_23);
    assert_eq!(
        (closed.state, closed.completed),
        (SprintState::Closed, Some(31))
    );
    assert_eq!(order(&app.board), order(&before), "the rank is unchanged");
    assert!(status(&app).starts_with("Close Sprint 23: velocity 31 points"));
    app.update(Action::Undo);
    assert!(app.board == before);
}

#[test]
fn n_without_a_planned_sprint_keeps_asking() {
    let mut app = app();
    app.board
        .sprints
        .retain(|s| s.state != SprintState::Planned);
    let before = app.board.clone();
    app.update(Action::CloseSprint);
    assert!(matches!(
        app.mode,
        Mode::CloseSprint {
            sprint: SPRINT_23,
            next: None
        }
    ));
    assert_eq!(app.update(Action::Answer('n')), vec![]);
    assert!(matches!(app.mode, Mode::CloseSprint { .. }), "still asking");
    assert!(app.board == before);
}

#[test]
fn every_change_records_todays_burndown_point_in_the_same_undo_step() {
    let mut app = app();
    let before = app.board.clone();
    let today_point = |app: &App| sprint(&app.board, SPRINT_23).remaining.get(&TODAY).copied();
    assert_eq!(today_point(&app), None);

    // A change that moves no points still records the day (the first change of the day).
    app.update(Action::Assign);
    replace_field(&mut app, 0, "Priya Nair");
    app.update(Action::Confirm);
    assert_eq!(today_point(&app), Some(18));
    let assigned = app.board.clone();

    // Three points done: the point follows.
    press(&mut app, 'l');
    press(&mut app, 'l');
    press(&mut app, 'L');
    assert_eq!(status(&app), "Move CRN-21 to Done");
    assert_eq!(today_point(&app), Some(15));
    let moved = app.board.clone();

    // Unblocking changes nothing in the points: nothing new to record.
    press(&mut app, 'h');
    press(&mut app, 'h');
    press(&mut app, 'j');
    press(&mut app, 'x');
    assert_eq!(status(&app), "Unblock CRN-23");
    assert_eq!(today_point(&app), Some(15));
    assert_eq!(
        sprint(&app.board, SPRINT_23),
        sprint(&moved, SPRINT_23),
        "the sprint is as it was"
    );

    undo_to(&mut app, &moved, "Unblock CRN-23");
    undo_to(&mut app, &assigned, "Move CRN-21 to Done");
    assert_eq!(today_point(&app), Some(18), "undo takes the point back");
    undo_to(&mut app, &before, "Assign CRN-25 to Priya Nair");
    assert_eq!(today_point(&app), None);
    assert_eq!(app.update(Action::Undo), vec![], "one step per change");
    assert_eq!(status(&app), "Nothing to undo");
}

#[test]
fn sprint_keys_in_the_keymap() {
    let mut app = app();
    let action = |app: &App, code: KeyCode| action_for_key(app, key_event(code));
    for (c, wanted) in [
        ('h', Action::ColumnLeft),
        ('l', Action::ColumnRight),
        ('j', Action::Down),
        ('k', Action::Up),
        ('H', Action::CardLeft),
        ('L', Action::CardRight),
        ('x', Action::ToggleBlocked),
        ('A', Action::Assign),
        ('b', Action::Burndown),
        ('n', Action::NewSprint),
        ('t', Action::StartSprint),
        ('c', Action::CloseSprint),
    ] {
        assert_eq!(
            action(&app, KeyCode::Char(c)),
            Some(wanted),
            "{c} in the sprint pane"
        );
    }
    assert_eq!(action(&app, KeyCode::Left), Some(Action::ColumnLeft));
    assert_eq!(action(&app, KeyCode::Right), Some(Action::ColumnRight));
    // Without Shift in the modifiers, as some terminals send it.
    let bare_l = KeyEvent::new(KeyCode::Char('L'), KeyModifiers::NONE);
    assert_eq!(action_for_key(&app, bare_l), Some(Action::CardRight));

    app.update(Action::ShowTimeline);
    assert_eq!(app.pane, Pane::Timeline);
    assert_eq!(
        action(&app, KeyCode::Char('L')),
        Some(Action::LinkItems),
        "L moves cards only on the sprint board; in the timeline it links items"
    );
    assert_eq!(action_for_key(&app, bare_l), Some(Action::LinkItems));
}

#[test]
fn sprint_actions_in_another_pane_change_nothing() {
    let mut app = app();
    let before = app.board.clone();
    for pane in [
        Action::ShowBacklog,
        Action::ShowTimeline,
        Action::ShowStakeholders,
    ] {
        app.update(pane.clone());
        for action in [
            Action::CardRight,
            Action::CardLeft,
            Action::ToggleBlocked,
            Action::Assign,
            Action::StartSprint,
            Action::CloseSprint,
        ] {
            assert_eq!(app.update(action.clone()), vec![], "{pane:?} {action:?}");
            assert!(matches!(app.mode, Mode::Normal), "{pane:?} {action:?}");
            assert!(app.board == before, "{pane:?} {action:?}");
        }
    }
}

/// From the palette, a sprint command can be run in any pane; the message must not send the user to
/// the backlog, where it does not work either.
#[test]
fn a_sprint_command_in_the_timeline_points_to_the_sprint_board() {
    let mut app = app();
    app.update(Action::ShowTimeline);
    app.update(Action::CardRight);
    let said = status(&app).to_string();
    assert!(
        said.starts_with("Move the card to the next column"),
        "{said}"
    );
    assert!(
        !said.contains("backlog"),
        "it does not work in the backlog: {said}"
    );
}

/// P opens planning for the next planned sprint: `s` pulls the selected backlog item in (the
/// selection moves on), `l` then `s` sends one back, each one undoable step; Esc closes the view.
#[test]
fn planning_pulls_items_into_the_planned_sprint_and_back() {
    let mut app = app();
    press(&mut app, 'P');
    assert!(app.sprint.planning);
    let planned = app.planned_sprint().expect("Sprint 24 is planned");
    assert_eq!(sprint(&app.board, planned).name, "Sprint 24");
    let (left, right) = app.planning_lists();
    assert_eq!(right.len(), 3, "Sprint 24 starts with 3 items");
    assert!(
        left.iter()
            .all(|i| app.board.item(*i).is_some_and(|it| it.sprint.is_none()))
    );
    let first = left[0];
    let before = app.board.clone();

    press(&mut app, 's');
    assert_eq!(app.board.item(first).expect("item").sprint, Some(planned));
    assert!(status(&app).starts_with("Plan "), "{}", status(&app));
    assert_eq!(
        app.planning_selection().0,
        Some(left[1]),
        "the selection moves on"
    );
    assert_eq!(app.planning_lists().1.len(), 4);

    press(&mut app, 'l');
    assert!(app.sprint.plan_right);
    let out = app.planning_selection().1.expect("a planned item");
    press(&mut app, 's');
    assert_eq!(app.board.item(out).expect("item").sprint, None);
    assert!(status(&app).starts_with("Take "), "{}", status(&app));

    app.update(Action::Undo);
    app.update(Action::Undo);
    assert_eq!(app.board, before, "two steps undone");

    app.update(Action::Cancel);
    assert!(!app.sprint.planning, "Esc goes back to the board");
}

/// Planning past the capacity is said in words.
#[test]
fn planning_over_capacity_says_so() {
    let mut app = app();
    press(&mut app, 'P');
    let planned = app.planned_sprint().expect("planned");
    for _ in 0..6 {
        press(&mut app, 's');
    }
    let points = app.board.sprint_points(planned);
    let capacity = sprint(&app.board, planned).capacity;
    assert!(points > capacity, "{points} > {capacity}");
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).expect("terminal");
    terminal.draw(|f| cairn::ui::draw(f, &app)).expect("draws");
    let text: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(
        text.contains(&format!("OVER capacity by {}", points - capacity)),
        "{text}"
    );
}

/// S walks the unfinished cards right to left (Review first), Space marks a stop discussed and goes
/// on, p walks person by person instead, x acts on the current card, and the end shows a summary.
#[test]
fn standup_walks_right_to_left_then_by_person_and_sums_up() {
    let mut app = app();
    press(&mut app, 'S');
    let s = app.standup.as_ref().expect("standup runs");
    let first = s.current().expect("a stop").cards[0];
    assert_eq!(
        app.board.item(first).expect("card").status,
        "Review",
        "closest to done first"
    );
    assert_eq!(s.stops.len(), 5, "the five unfinished cards, Done skipped");
    assert_eq!(
        app.selected_card(),
        Some(first),
        "the board follows the walk"
    );

    press(&mut app, ' ');
    let s = app.standup.as_ref().expect("standup runs");
    assert_eq!((s.at, s.discussed.clone()), (1, vec![first]));

    press(&mut app, 'p');
    let s = app.standup.as_ref().expect("standup runs");
    assert!(s.by_person);
    assert_eq!(s.stops.len(), 4, "four people have unfinished cards");
    assert_eq!(s.stops[0].person, "Ana Ribeiro");
    assert_eq!(s.discussed, vec![first], "what was discussed is kept");

    // x on the current stop opens the blocked form for its card.
    let current = app
        .standup
        .as_ref()
        .and_then(|s| s.current())
        .map(|s| s.cards[0])
        .expect("a card");
    let blocked_before = app.board.item(current).expect("card").is_blocked();
    press(&mut app, 'x');
    if blocked_before {
        assert!(
            !app.board.item(current).expect("card").is_blocked(),
            "x unblocks"
        );
    } else {
        assert!(matches!(app.mode, Mode::Form(_)), "x asks for the reason");
        app.update(Action::Cancel);
    }

    for _ in 0..4 {
        press(&mut app, 'n');
    }
    let s = app.standup.as_ref().expect("standup runs");
    assert!(s.finished);
    let summary = s.summary(&app).join("\n");
    assert!(summary.contains("Discussed: 5 card(s)"), "{summary}");
    assert!(summary.contains("Blocked: CRN-23"), "{summary}");

    app.update(Action::Cancel);
    assert!(app.standup.is_none(), "Esc ends the standup");
    assert!(
        status(&app).contains("Discussed: 5 card(s)"),
        "{}",
        status(&app)
    );
}

/// The standup timer follows the clock on each tick.
#[test]
fn standup_timer_runs_on_ticks() {
    let mut app = app();
    press(&mut app, 'S');
    std::thread::sleep(std::time::Duration::from_millis(30));
    app.update(Action::Tick);
    let elapsed = app.standup.as_ref().expect("standup runs").elapsed;
    assert!(
        elapsed >= std::time::Duration::from_millis(30),
        "{elapsed:?}"
    );
}

/// In the burndown, h/l look at the earlier sprints (read-only) and back; b leaves and forgets it.
#[test]
fn burndown_looks_at_past_sprints() {
    let mut app = app();
    press(&mut app, 'b');
    assert_eq!(
        app.viewed_sprint().map(|s| s.name.as_str()),
        Some("Sprint 23")
    );
    press(&mut app, 'h');
    assert_eq!(
        app.viewed_sprint().map(|s| s.name.as_str()),
        Some("Sprint 22")
    );
    press(&mut app, 'h');
    press(&mut app, 'h');
    assert_eq!(
        app.viewed_sprint().map(|s| s.name.as_str()),
        Some("Sprint 21"),
        "stops at the first"
    );
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).expect("terminal");
    terminal.draw(|f| cairn::ui::draw(f, &app)).expect("draws");
    let text: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(
        text.contains("Closed: 23 of 26 committed points done — velocity 23"),
        "{text}"
    );
    press(&mut app, 'l');
    press(&mut app, 'l');
    press(&mut app, 'l');
    assert_eq!(
        app.viewed_sprint().map(|s| s.name.as_str()),
        Some("Sprint 23"),
        "planned ones have none"
    );
    press(&mut app, 'b');
    assert!(!app.sprint.burndown);
    assert_eq!(app.sprint.viewing, None);
}

/// W edits the workflow in a form: a renamed column takes its cards, a WIP limit changes, and the
/// full-column policy switches to warn; a column that still holds cards cannot be dropped; undo.
#[test]
fn workflow_form_renames_columns_and_limits() {
    let mut app = app();
    let before = app.board.clone();
    press(&mut app, 'W');
    assert!(matches!(app.mode, Mode::Form(_)));
    // Select all of the Columns field and type the new workflow.
    for _ in 0..60 {
        app.update(Action::Type(key_event(KeyCode::Backspace)));
    }
    type_text(&mut app, "Ready, Doing 4, In review 2, Done");
    app.update(Action::NextField);
    for _ in 0..10 {
        app.update(Action::Type(key_event(KeyCode::Backspace)));
    }
    type_text(&mut app, "warn");
    app.update(Action::Confirm);
    assert!(matches!(app.mode, Mode::Normal), "saved");
    let names: Vec<&str> = app.board.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, vec!["Ready", "Doing", "In review", "Done"]);
    assert_eq!(app.board.columns[1].wip_limit, Some(4));
    assert_eq!(app.board.settings.wip_policy, cairn::model::WipPolicy::Warn);
    assert_eq!(
        item(&app, "CRN-21").status,
        "In review",
        "Review's cards follow the rename"
    );
    assert!(app.board.validate().is_empty());
    app.update(Action::Undo);
    assert_eq!(app.board, before);

    press(&mut app, 'W');
    for _ in 0..60 {
        app.update(Action::Type(key_event(KeyCode::Backspace)));
    }
    type_text(&mut app, "Doing, Done");
    app.update(Action::Confirm);
    assert!(
        matches!(app.mode, Mode::Form(_)),
        "refused: To do and Review hold cards"
    );
    assert_eq!(app.board, before);
}

/// e edits the active sprint in the same form as a new one; its state and record stay.
#[test]
fn edit_sprint_changes_goal_and_capacity_and_keeps_it_active() {
    let mut app = app();
    let active = app.board.active_sprint().expect("Sprint 23").clone();
    press(&mut app, 'e');
    assert!(matches!(app.mode, Mode::Form(_)));
    // The focus starts on Goal: replace it, then the capacity.
    for _ in 0..80 {
        app.update(Action::Type(key_event(KeyCode::Backspace)));
    }
    type_text(&mut app, "Refunds and wallets ready for the beta");
    for _ in 0..3 {
        app.update(Action::NextField);
    }
    for _ in 0..5 {
        app.update(Action::Type(key_event(KeyCode::Backspace)));
    }
    type_text(&mut app, "30");
    app.update(Action::Confirm);
    let s = app.board.active_sprint().expect("still active");
    assert_eq!(
        (s.goal.as_str(), s.capacity),
        ("Refunds and wallets ready for the beta", 30)
    );
    // Its record stays; the change only adds today's burndown point.
    assert_eq!(s.committed, active.committed);
    let earlier: std::collections::BTreeMap<Date, u32> =
        s.remaining.range(..TODAY).map(|(d, v)| (*d, *v)).collect();
    assert_eq!(earlier, active.remaining);
    assert!(
        status(&app).starts_with("Edit Sprint 23"),
        "{}",
        status(&app)
    );
}

/// The workflow form also sets the standup timebox; a nonsense value is refused beside the field.
#[test]
fn workflow_form_sets_the_standup_minutes() {
    let mut app = app();
    press(&mut app, 'W');
    app.update(Action::NextField);
    app.update(Action::NextField);
    for _ in 0..5 {
        app.update(Action::Type(key_event(KeyCode::Backspace)));
    }
    type_text(&mut app, "abc");
    app.update(Action::Confirm);
    assert!(matches!(app.mode, Mode::Form(_)), "refused");
    for _ in 0..5 {
        app.update(Action::Type(key_event(KeyCode::Backspace)));
    }
    type_text(&mut app, "10");
    app.update(Action::Confirm);
    assert_eq!(app.board.settings.standup_minutes, 10);
}

/// Under the Ask policy a move into a full column asks; n leaves it, y moves it as one undoable step.
#[test]
fn ask_policy_asks_before_going_over_the_limit() {
    let mut app = app();
    app.board.settings.wip_policy = cairn::model::WipPolicy::Ask;
    // Doing (CRN-22) → Review, which holds 2 of 2.
    press(&mut app, 'l');
    let card = app.selected_card().expect("a card in Doing");
    let before = app.board.clone();
    press(&mut app, 'L');
    assert!(matches!(app.mode, Mode::ConfirmWip { .. }), "asks");
    press(&mut app, 'n');
    assert_eq!(app.board, before, "n leaves it");
    press(&mut app, 'L');
    press(&mut app, 'y');
    assert_eq!(app.board.item(card).expect("card").status, "Review");
    assert!(
        status(&app).contains("over its WIP limit"),
        "{}",
        status(&app)
    );
    app.update(Action::Undo);
    assert_eq!(app.board, before);
}
