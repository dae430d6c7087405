//! Closing a sprint: where the unfinished work goes (the backlog or the next sprint), and when
//! cairn does not ask.

use super::*;

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
    assert_eq!(app.doc.board.items[0].id, crn30);
    app.update(Action::ShowSprint);
    let before = app.doc.board.clone();
    let unfinished = ids(&app, &UNFINISHED);

    assert_eq!(press(&mut app, 'c'), vec![]);
    assert!(
        matches!(
            app.mode,
            Mode::CloseSprint {
                sprint: SPRINT_23,
                next: Some(SPRINT_24),
                walk: None
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
    assert!(app.doc.board == before, "nothing changed");
    assert_eq!(sprint(&app.doc.board, SPRINT_23).state, SprintState::Active);

    press(&mut app, 'c');
    assert_eq!(
        action_for_key(&app, key_event(KeyCode::Char('b'))),
        Some(Action::LeftoversToBacklog),
        "b answers the question (not the burndown)"
    );
    assert_eq!(
        app.update(Action::LeftoversToBacklog),
        vec![Effect::Changed]
    );
    assert!(matches!(app.mode, Mode::Normal));
    let label = "Close Sprint 23: velocity 13 points, unfinished work to the top of the backlog";
    assert_eq!(status(&app), label);

    let closed = sprint(&app.doc.board, SPRINT_23);
    assert_eq!(closed.state, SprintState::Closed);
    assert_eq!(closed.completed, Some(13), "its done points: the velocity");
    assert_eq!(closed.committed, Some(28), "unchanged");
    assert_eq!(
        closed.remaining.get(&TODAY),
        Some(&18),
        "the last burndown point"
    );
    assert_eq!(app.doc.board.active_sprint(), None);
    assert_eq!(
        order(&app.doc.board)[..6],
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
        sprint(&app.doc.board, SPRINT_24),
        sprint(&before, SPRINT_24),
        "Sprint 24 untouched"
    );
    assert_eq!(app.doc.board.validate(), vec![]);

    undo_to(&mut app, &before, label);
    assert_eq!(
        app.doc.board.active_sprint().map(|s| s.id),
        Some(SPRINT_23),
        "one undo reopens the sprint"
    );
}

#[test]
fn close_sprint_n_carries_the_unfinished_work_into_sprint_24_and_t_starts_it() {
    let mut app = app();
    let before = app.doc.board.clone();
    let planned_24: u32 = before.sprint_points(SPRINT_24);
    assert_eq!(planned_24, 16);

    app.update(Action::CloseSprint);
    assert_eq!(
        app.update(Action::LeftoversToNextSprint),
        vec![Effect::Changed]
    );
    let label = "Close Sprint 23: velocity 13 points, unfinished work to Sprint 24";
    assert_eq!(status(&app), label);
    let closed = sprint(&app.doc.board, SPRINT_23);
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
    assert_eq!(
        order(&app.doc.board),
        order(&before),
        "the rank is unchanged"
    );
    assert_eq!(
        sprint(&app.doc.board, SPRINT_24).state,
        SprintState::Planned
    );
    let after_close = app.doc.board.clone();

    // Sprint 24 is planned to start later and now holds more than its capacity: t asks, saying
    // both; n leaves it planned, y starts it today.
    let committed = planned_24 + 18;
    let (start, capacity) = {
        let s = sprint(&app.doc.board, SPRINT_24);
        (s.start, s.capacity)
    };
    assert!(start > TODAY && committed > capacity);
    assert_eq!(press(&mut app, 't'), vec![]);
    let Mode::ConfirmChange { question, .. } = &app.mode else {
        panic!("an early, over-capacity start asks first");
    };
    assert_eq!(
        question,
        &format!(
            "Start Sprint 24 now? it is planned to start {start}; its start moves to today; \
             {committed} points against a capacity of {capacity}: {} over.",
            committed - capacity
        )
    );
    assert_eq!(press(&mut app, 'n'), vec![]);
    assert!(app.doc.board == after_close, "n leaves it planned");
    assert_eq!(press(&mut app, 't'), vec![]);
    assert_eq!(press(&mut app, 'y'), vec![Effect::Changed]);
    assert_eq!(
        sprint(&app.doc.board, SPRINT_24).start,
        TODAY,
        "started today"
    );
    assert_eq!(
        status(&app),
        format!("Start Sprint 24 with {committed} points committed")
    );
    let s24 = sprint(&app.doc.board, SPRINT_24);
    assert_eq!(s24.state, SprintState::Active);
    assert_eq!(s24.committed, Some(committed), "the points snapshot");
    assert_eq!(
        s24.remaining.iter().collect::<Vec<_>>(),
        vec![(&TODAY, &committed)],
        "the first burndown point"
    );
    assert_eq!(app.doc.board.active_sprint().map(|s| s.id), Some(SPRINT_24));
    assert_eq!(app.sprint.column, TO_DO);
    assert_eq!(
        app.column_cards(TO_DO),
        ids(&app, &["CRN-25", "CRN-28", "CRN-24", "CRN-27"]),
        "the new board's To do column, in rank order"
    );
    assert_eq!(app.selected_card(), Some(id(&app, "CRN-25")));
    assert_eq!(app.doc.board.validate(), vec![]);

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
    for it in &mut app.doc.board_mut().items {
        if it.sprint == Some(SPRINT_23) {
            Arc::make_mut(it).status = "Done".into();
        }
    }
    let before = app.doc.board.clone();
    assert_eq!(app.update(Action::CloseSprint), vec![Effect::Changed]);
    assert!(matches!(app.mode, Mode::Normal), "nothing to ask");
    let closed = sprint(&app.doc.board, SPRINT_23);
    assert_eq!(
        (closed.state, closed.completed),
        (SprintState::Closed, Some(31))
    );
    assert_eq!(
        order(&app.doc.board),
        order(&before),
        "the rank is unchanged"
    );
    assert!(status(&app).starts_with("Close Sprint 23: velocity 31 points"));
    app.update(Action::Undo);
    assert!(app.doc.board == before);
}

#[test]
fn n_without_a_planned_sprint_keeps_asking() {
    let mut app = app();
    app.doc
        .board
        .sprints
        .retain(|s| s.state != SprintState::Planned);
    let before = app.doc.board.clone();
    app.update(Action::CloseSprint);
    assert!(matches!(
        app.mode,
        Mode::CloseSprint {
            sprint: SPRINT_23,
            next: None,
            ..
        }
    ));
    assert_eq!(app.update(Action::LeftoversToNextSprint), vec![]);
    assert!(matches!(app.mode, Mode::CloseSprint { .. }), "still asking");
    assert!(app.doc.board == before);
}

/// One by one: each unfinished item carried over or returned, k steps back, and the close records
/// the report (committed, added, removed, completed, carried over, returned).
#[test]
fn e_walks_the_unfinished_items_one_by_one_and_the_close_keeps_a_report() {
    let mut app = app();
    let before = app.doc.board.clone();
    let unfinished = ids(&app, &UNFINISHED);
    press(&mut app, 'c');
    assert_eq!(
        action_for_key(&app, key_event(KeyCode::Char('e'))),
        Some(Action::LeftoversEach)
    );
    app.update(Action::LeftoversEach);
    // CRN-22 and CRN-21 to the next sprint, CRN-19 to the backlog, then back one and to the next.
    app.update(Action::LeftoversToNextSprint);
    app.update(Action::LeftoversToNextSprint);
    app.update(Action::LeftoversToBacklog);
    app.update(Action::Up);
    assert!(
        matches!(&app.mode, Mode::CloseSprint { walk: Some(w), .. } if w.len() == 2),
        "back to the third item"
    );
    assert!(
        app.doc.board == before,
        "nothing changes until the last answer"
    );
    app.update(Action::LeftoversToNextSprint);
    app.update(Action::LeftoversToBacklog);
    assert_eq!(
        app.update(Action::LeftoversToBacklog),
        vec![Effect::Changed]
    );
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(
        status(&app),
        "Close Sprint 23: velocity 13 points, 3 carried over, 2 to the backlog"
    );
    let b = &app.doc.board;
    let went: Vec<Option<SprintId>> = unfinished
        .iter()
        .map(|id| b.item(*id).expect("kept").sprint)
        .collect();
    let next = Some(SPRINT_24);
    assert_eq!(went, vec![next, next, next, None, None]);
    let report = b
        .scope_of(SPRINT_23)
        .and_then(|s| s.report.clone())
        .expect("a report");
    // The sample: 28 committed; CRN-22 (3) and CRN-25 (2) joined, CRN-30 (2) left; 13 done;
    // CRN-22, CRN-21, CRN-19 carried (3 + 3 + 5); CRN-23 and CRN-25 returned (5 + 2).
    assert_eq!(
        (
            report.committed,
            report.added,
            report.removed,
            report.completed
        ),
        (28, 5, 2, 13)
    );
    assert_eq!((report.carried, report.returned), (11, 7));
    // The closed sprint's burndown gives the report.
    app.update(Action::Burndown);
    app.update(Action::ColumnLeft);
    let s = crate::common::screen::screen(&app, 120, 40);
    assert!(
        s.contains(
            "Closed: committed 28 · added 5 · removed 2 · completed 13 · carried over 11 · to the \
             backlog 7"
        ),
        "{s}"
    );
    app.update(Action::Burndown);
    app.update(Action::Undo);
    assert!(
        app.doc.board == before,
        "undo brings the sprint and its items back"
    );
}
