//! Issue 12, points 4, 7 and 31: deletes that take other records with them ask first (timeline
//! entries with links, sprints with items); putting work into a sprint past its capacity says by
//! how much and asks (or warns); undo says what it undid and goes to where it happened.

use cairn::app::{Action, App, Effect, Mode, Pane};
use cairn::commands::sample_board;
use cairn::model::{Board, ItemId, ItemKind, SprintState, WipPolicy};
use jiff::civil::{Date, date};

const TODAY: Date = date(2026, 12, 1);

fn app_with(board: Board) -> App {
    App::new(board, "b.ron", TODAY)
}

fn status(app: &App) -> &str {
    app.run.status.as_ref().map_or("", |s| s.text.as_str())
}

/// An open backlog item with points, in no sprint.
fn loose_item(b: &Board) -> ItemId {
    b.items
        .iter()
        .find(|i| {
            i.sprint.is_none()
                && i.kind != ItemKind::Epic
                && !b.is_done(i)
                && i.points_or_zero() > 0
        })
        .expect("the sample has estimated backlog items")
        .id
}

fn question(app: &App) -> String {
    match &app.mode {
        Mode::ConfirmChange { question, .. } => question.clone(),
        Mode::ConfirmDelete { what, .. } => what.clone(),
        _ => String::new(),
    }
}

// ---- 7. Additions past capacity ---------------------------------------------------------------

#[test]
fn sending_work_to_a_sprint_over_capacity_says_by_how_much_and_asks() {
    let board = sample_board(TODAY);
    let active = board.active_sprint().expect("an active sprint").clone();
    let held = board.sprint_points(active.id);
    assert!(
        held > active.capacity,
        "the sample's sprint is already over: {held}"
    );
    let id = loose_item(&board);
    let points = board.item(id).expect("item").points_or_zero();
    let key = board.item_key(id);
    let mut app = app_with(board.clone());
    app.update(Action::GoToItem(id));
    assert_eq!(
        app.update(Action::SendToSprint),
        vec![],
        "nothing changes yet"
    );
    let q = question(&app);
    let after = held + points;
    assert!(
        q.contains(&format!(
            "Add {key} ({points} pts) anyway? {} would hold {after} points against a capacity of {}: {} over",
            active.name,
            active.capacity,
            after - active.capacity
        )),
        "{q}"
    );
    assert!(
        q.contains("left"),
        "a running sprint says how long it still runs: {q}"
    );
    // No keeps things as they were, and says so.
    assert_eq!(app.update(Action::No), vec![]);
    assert!(app.doc.board == board);
    assert_eq!(status(&app), format!("{key} stays where it was"));
    // Yes puts it in; the status line says by how much it is over.
    app.update(Action::SendToSprint);
    assert_eq!(app.update(Action::Yes), vec![Effect::Changed]);
    assert_eq!(
        app.doc.board.item(id).and_then(|i| i.sprint),
        Some(active.id)
    );
    assert!(
        status(&app).contains(&format!("({} over capacity)", after - active.capacity)),
        "{}",
        status(&app)
    );
    // And `s` again takes it back out, with no question: that lowers the load.
    assert_eq!(app.update(Action::SendToSprint), vec![Effect::Changed]);
    assert!(app.doc.board.item(id).and_then(|i| i.sprint).is_none());
}

#[test]
fn the_warn_policy_adds_past_capacity_and_says_by_how_much() {
    let mut board = sample_board(TODAY);
    board.settings.wip_policy = WipPolicy::Warn;
    let id = loose_item(&board);
    let mut app = app_with(board);
    app.update(Action::GoToItem(id));
    assert_eq!(app.update(Action::SendToSprint), vec![Effect::Changed]);
    assert!(matches!(app.mode, Mode::Normal));
    assert!(
        status(&app).contains("points against a capacity of") && status(&app).contains("over"),
        "{}",
        status(&app)
    );
}

#[test]
fn a_sprint_with_room_takes_work_without_a_question() {
    let mut board = sample_board(TODAY);
    board.sprints.iter_mut().for_each(|s| s.capacity = 500);
    let id = loose_item(&board);
    let mut app = app_with(board);
    app.update(Action::GoToItem(id));
    assert_eq!(app.update(Action::SendToSprint), vec![Effect::Changed]);
    assert!(!status(&app).contains("capacity"), "{}", status(&app));
}

#[test]
fn planning_past_capacity_asks_for_each_pull_past_it() {
    let board = sample_board(TODAY);
    let mut app = app_with(board);
    app.update(Action::ShowSprint);
    app.update(Action::Plan);
    let planned = app.planned_sprint().expect("a planned sprint");
    let capacity = app.doc.board.sprint(planned).expect("sprint").capacity;
    let mut asked = 0;
    for _ in 0..12 {
        app.update(Action::SendToSprint);
        if let Mode::ConfirmChange { question, .. } = &app.mode {
            assert!(
                question.contains(&format!("against a capacity of {capacity}")),
                "{question}"
            );
            asked += 1;
            app.update(Action::Yes);
        }
    }
    assert!(asked > 0, "pulls past the capacity ask");
    assert!(app.doc.board.sprint_points(planned) > capacity);
}

// ---- 4. Deletes that take other records with them --------------------------------------------

#[test]
fn deleting_a_planned_sprint_with_items_asks_and_undo_brings_the_plan_back() {
    let board = sample_board(TODAY);
    let planned = cairn::model::rules::next_planned(&board).expect("Sprint 24 is planned");
    let items: Vec<ItemId> = board.sprint_items(planned).map(|i| i.id).collect();
    assert!(!items.is_empty());
    let name = board.sprint(planned).expect("sprint").name.clone();
    let mut app = app_with(board.clone());
    app.update(Action::ShowSprint);
    assert_eq!(app.update(Action::DeleteSprint), vec![]);
    assert_eq!(
        question(&app),
        format!("{name} (its {} items go back to the backlog)", items.len())
    );
    app.update(Action::No);
    assert!(app.doc.board == board, "no keeps it");
    app.update(Action::DeleteSprint);
    assert_eq!(app.update(Action::Yes), vec![Effect::Changed]);
    assert!(app.doc.board.sprint(planned).is_none());
    for id in &items {
        assert_eq!(app.doc.board.item(*id).and_then(|i| i.sprint), None);
    }
    assert_eq!(app.doc.board.validate(), vec![]);
    assert_eq!(
        status(&app),
        format!(
            "Delete {name} (its {} items go back to the backlog) (u brings it back)",
            items.len()
        )
    );
    app.update(Action::Undo);
    assert!(
        app.doc.board == board,
        "undo brings the sprint and its plan back"
    );
}

#[test]
fn an_active_or_closed_sprint_is_not_deleted() {
    let mut board = sample_board(TODAY);
    board.sprints.retain(|s| s.state != SprintState::Planned);
    board.items.iter_mut().for_each(|i| {
        if i.sprint
            .is_some_and(|s| board.sprints.iter().all(|x| x.id != s))
        {
            std::sync::Arc::make_mut(i).sprint = None;
        }
    });
    let mut app = app_with(board.clone());
    app.update(Action::ShowSprint);
    assert_eq!(app.update(Action::DeleteSprint), vec![]);
    assert!(app.doc.board == board);
    assert!(
        status(&app).starts_with("No planned sprint to delete (Sprint 23 is running: c closes it)"),
        "{}",
        status(&app)
    );
}

#[test]
fn deleting_an_entry_without_links_needs_no_question() {
    let mut board = sample_board(TODAY);
    let lonely = cairn::model::TimelineEntry {
        id: cairn::model::EntryId(board.counters.entry),
        ..board.timeline[0].clone()
    };
    let id = lonely.id;
    board.counters.entry += 1;
    let mut lonely = lonely;
    lonely.name = "Lonely".into();
    lonely.depends_on.clear();
    board.timeline.push(lonely);
    let mut app = app_with(board);
    app.update(Action::GoToEntry(id));
    assert_eq!(app.update(Action::DeleteEntry), vec![Effect::Changed]);
    assert_eq!(status(&app), "Delete \"Lonely\" (u brings it back)");
}

// ---- 31. Undo says what it undid and goes where it happened ----------------------------------

#[test]
fn undo_in_another_pane_goes_to_where_the_change_was_made() {
    let board = sample_board(TODAY);
    let mut app = app_with(board.clone());
    // A change among the stakeholders...
    let person = board.stakeholders[1].id;
    app.update(Action::GoToStakeholder(person));
    let changed = match app.update(Action::MorePower) {
        e if e.is_empty() => app.update(Action::LessPower),
        e => e,
    };
    assert_eq!(changed, vec![Effect::Changed], "{}", status(&app));
    // ...undone from the backlog: undo says what, and shows it.
    app.update(Action::ShowBacklog);
    assert_eq!(app.update(Action::Undo), vec![Effect::Changed]);
    assert!(app.doc.board == board);
    assert!(status(&app).starts_with("Undid: "), "{}", status(&app));
    assert_eq!(
        app.pane,
        Pane::Stakeholders,
        "undo went to the stakeholders"
    );
    assert_eq!(app.selected_person().map(|s| s.id), Some(person));
    // Redo from the timeline goes there too.
    app.update(Action::ShowTimeline);
    assert_eq!(app.update(Action::Redo), vec![Effect::Changed]);
    assert_eq!(app.pane, Pane::Stakeholders);
    assert!(status(&app).starts_with("Redid: "), "{}", status(&app));
}

#[test]
fn undo_of_a_backlog_change_selects_the_item_again() {
    let board = sample_board(TODAY);
    let mut app = app_with(board.clone());
    let id = board.items[4].id;
    app.update(Action::GoToItem(id));
    assert_eq!(app.update(Action::MoveToTop), vec![Effect::Changed]);
    app.update(Action::GoToItem(board.items[9].id));
    app.update(Action::ShowTimeline);
    app.update(Action::Undo);
    assert_eq!(app.pane, Pane::Backlog);
    assert_eq!(
        app.backlog.selected,
        Some(id),
        "the moved item is selected again"
    );
}

#[test]
fn redo_of_an_add_goes_to_what_was_added() {
    let board = sample_board(TODAY);
    let mut app = app_with(board);
    app.update(Action::ShowTimeline);
    app.update(Action::Risks);
    let before = app.selected_risk().map(|r| r.id);
    app.update(Action::AddEntry);
    for c in "Adyen outage".chars() {
        app.update(Action::Type(ratatui::crossterm::event::KeyEvent::new(
            ratatui::crossterm::event::KeyCode::Char(c),
            ratatui::crossterm::event::KeyModifiers::NONE,
        )));
    }
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    let added = app.selected_risk().map(|r| r.id);
    assert_ne!(added, before, "the new risk is selected");
    app.update(Action::Undo);
    assert_eq!(
        app.selected_risk().map(|r| r.id),
        before,
        "undo: back where it was"
    );
    app.update(Action::ShowBacklog);
    app.update(Action::Redo);
    assert_eq!(app.pane, Pane::Timeline);
    assert_eq!(
        app.selected_risk().map(|r| r.id),
        added,
        "redo: the risk added"
    );
}

// ---- 33. The read-only banner says why -------------------------------------------------------

#[test]
fn the_read_only_banner_gives_the_reason_and_reload_can_make_it_writable() {
    let mut app = app_with(sample_board(TODAY));
    app.set_read_only_because("cannot save in /srv/boards: Permission denied");
    let s = crate::common::screen::screen(&app, 120, 40);
    assert!(
        s.contains("READ-ONLY — cannot save in /srv/boards: Permission denied; nothing you see here is saved"),
        "{s}"
    );
    // At 80 columns the banner is cut with an ellipsis, not mid-word without one.
    let s = crate::common::screen::screen(&app, 80, 24);
    let banner = s
        .lines()
        .find(|l| l.contains("READ-ONLY"))
        .expect("a banner");
    assert!(banner.trim_end().ends_with('…'), "{banner}");
    app.set_writable();
    let s = crate::common::screen::screen(&app, 120, 40);
    assert!(!s.contains("READ-ONLY"), "{s}");
    assert_eq!(
        app.update(Action::AddItem),
        vec![],
        "a form opens: it can be changed again"
    );
    assert!(matches!(app.mode, Mode::Form(_)));
}
