//! The backlog order: moving items, sending them to the sprint and back, ranking by score and the
//! scoring model.

use super::*;

#[test]
fn move_down_up_and_to_top() {
    let mut app = app();
    let before = app.doc.board.clone();
    let start = order(&before);
    assert_eq!(start[..4], [22, 21, 19, 23]);

    select(&mut app, "CRN-22");
    assert_eq!(app.update(Action::MoveDown), vec![Effect::Changed]);
    assert_eq!(order(&app.doc.board)[..4], [21, 22, 19, 23]);
    assert_eq!(app.doc.board.items.len(), start.len());
    assert_eq!(app.selected_row(), Some(1), "the selection moves with it");
    assert_eq!(status(&app), "Move CRN-22 down");
    undo_redo(&mut app, &before, "Move CRN-22 down");

    select(&mut app, "CRN-19");
    assert_eq!(app.update(Action::MoveUp), vec![Effect::Changed]);
    assert_eq!(order(&app.doc.board)[..4], [22, 19, 21, 23]);
    assert_eq!(status(&app), "Move CRN-19 up");
    undo_redo(&mut app, &before, "Move CRN-19 up");

    let id = select(&mut app, "CRN-30");
    assert_eq!(app.update(Action::MoveToTop), vec![Effect::Changed]);
    assert_eq!(app.doc.board.items[0].id, id);
    let mut expected = start.clone();
    expected.retain(|&n| n != 30);
    expected.insert(0, 30);
    assert_eq!(order(&app.doc.board), expected, "the rest keeps its order");
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
    assert_eq!(app.doc.board, before);
}

#[test]
fn send_to_sprint_and_back() {
    // Room in the sprint: what `s` does past capacity is tested in `first_week_c`.
    let mut board = sample_board(TODAY);
    board.sprints.iter_mut().for_each(|s| s.capacity = 200);
    let mut app = App::new(board, "b.ron", TODAY);
    let before = app.doc.board.clone();
    let active = SprintId(3);
    assert_eq!(before.active_sprint().map(|s| s.id), Some(active));
    let id = select(&mut app, "CRN-30");
    assert_eq!(app.update(Action::SendToSprint), vec![Effect::Changed]);
    assert_eq!(app.doc.board.item(id).expect("CRN-30").sprint, Some(active));
    assert_burndown_current(&app.doc.board);
    assert_eq!(status(&app), "CRN-30: backlog → Sprint 23 (active)");
    undo_redo(&mut app, &before, "CRN-30: backlog → Sprint 23 (active)");

    // Again: back out of the sprint.
    app.update(Action::SendToSprint);
    let in_sprint = app.doc.board.clone();
    assert_eq!(app.update(Action::SendToSprint), vec![Effect::Changed]);
    assert_eq!(app.doc.board.item(id).expect("CRN-30").sprint, None);
    assert_eq!(status(&app), "CRN-30: Sprint 23 (active) → backlog");
    undo_redo(&mut app, &in_sprint, "CRN-30: Sprint 23 (active) → backlog");
}

#[test]
fn rank_by_score_applies_as_one_step_and_cancel_keeps_the_order() {
    let mut app = app();
    let before = app.doc.board.clone();
    let proposed = rules::rank_by_score(&before, Scoring::Wsjf);
    assert_ne!(
        proposed,
        before.items.iter().map(|i| i.id).collect::<Vec<_>>()
    );

    assert_eq!(app.update(Action::RankByScore), vec![]);
    assert!(matches!(&app.mode, Mode::RankPreview(o) if *o == proposed));
    assert_eq!(app.doc.board, before, "the preview changes nothing");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(
        app.doc.board.items.iter().map(|i| i.id).collect::<Vec<_>>(),
        proposed
    );
    assert_eq!(
        order(&app.doc.board)[..3],
        [25, 30, 28],
        "highest WSJF of open work first (CRN-26 is done: below it)"
    );
    let label = format!("Rank {} items by score", before.items.len());
    assert_eq!(status(&app), label);
    // One undo is enough to put all of it back.
    undo_redo(&mut app, &before, &label);
    app.update(Action::Undo);
    assert_eq!(status(&app), "Nothing to undo");

    app.update(Action::RankByScore);
    assert_eq!(app.update(Action::Cancel), vec![]);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.doc.board, before);
    assert_eq!(
        status(&app),
        "Rank by score cancelled: the order is unchanged"
    );
}

#[test]
fn toggle_scoring() {
    let mut app = app();
    let before = app.doc.board.clone();
    assert_eq!(before.settings.scoring, Scoring::Wsjf);
    assert_eq!(app.update(Action::ToggleScoring), vec![Effect::Changed]);
    assert_eq!(app.doc.board.settings.scoring, Scoring::Rice);
    assert_eq!(status(&app), "Score by RICE");
    undo_redo(&mut app, &before, "Score by RICE");
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
