//! Moving along the board: columns and cards with h/l and j/k, card moves within WIP limits and the
//! Ask policy, blocking, assigning and opening a card.

use super::*;
use cairn::app::SprintScreen;

#[test]
fn the_sample_is_what_these_tests_expect() {
    let app = app();
    let b = &app.doc.board;
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
    let before = app.doc.board.clone();
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
    assert!(app.doc.board == before, "choosing changes nothing");
}

#[test]
fn card_right_moves_the_card_the_selection_follows_and_undo_restores_it() {
    let mut app = app();
    let before = app.doc.board.clone();
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
        // The step is recorded in its history (it had none: it had not left the first column).
        assert!(i.history.is_empty());
        i.history = vec![cairn::model::flow::Step::Entered {
            on: TODAY,
            column: "Doing".into(),
        }];
    });
    // The remaining points did not change, but today's burndown point is recorded with the move.
    let expected = with_burndown(&expected, 18);
    assert!(
        app.doc.board == expected,
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
    let moved = app.doc.board.clone();
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
    assert!(app.doc.board == moved);

    undo_to(&mut app, &before, "Move CRN-25 to Doing");
    assert_eq!(item(&app, "CRN-25").status_since, since);
    assert_eq!(selection(&app), (TO_DO, Some(crn25)), "back in To do");
}

#[test]
fn card_left_moves_back_and_done_is_dated_then_cleared() {
    let mut app = app();
    let before = app.doc.board.clone();
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
    let remaining = sprint(&app.doc.board, SPRINT_23)
        .remaining
        .get(&TODAY)
        .copied();
    assert_eq!(remaining, Some(15), "3 points fewer to do");
    let in_done = app.doc.board.clone();

    assert_eq!(press(&mut app, 'H'), vec![Effect::Changed]);
    assert_eq!(status(&app), "Move CRN-21 to Review");
    assert_eq!(selection(&app), (REVIEW, Some(crn21)));
    let back = item(&app, "CRN-21");
    assert_eq!((back.status.as_str(), back.done), ("Review", None));
    assert_eq!(
        sprint(&app.doc.board, SPRINT_23).remaining.get(&TODAY),
        Some(&18)
    );

    undo_to(&mut app, &in_done, "Move CRN-21 to Review");
    undo_to(&mut app, &before, "Move CRN-21 to Done");
}

#[test]
fn a_move_into_a_full_column_is_refused_with_its_limit() {
    let mut app = app();
    let before = app.doc.board.clone();
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
    assert!(app.doc.board == before, "nothing changed");
    assert_eq!(selection(&app), (DOING, Some(crn22)), "the selection stays");
    assert!(!app.doc.history.can_undo(), "nothing to undo");

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
    assert_eq!(app.doc.board.wip_count("Doing"), 3);
    let before = app.doc.board.clone();
    // From the third card of Doing to the last card of Review.
    app.update(Action::ColumnRight);
    assert_eq!(selection(&app), (REVIEW, Some(id(&app, "CRN-19"))));
    assert_eq!(app.update(Action::CardLeft), vec![]);
    assert!(status_is_error(&app));
    assert_eq!(status(&app), "CRN-19: \"Doing\" is at its WIP limit of 3");
    assert!(app.doc.board == before);
}

#[test]
fn card_left_on_the_first_column_and_card_right_on_the_last_say_so() {
    let mut app = app();
    let before = app.doc.board.clone();
    assert_eq!(selection(&app).0, TO_DO);
    assert_eq!(app.update(Action::CardLeft), vec![]);
    assert_eq!(status(&app), "CRN-25 is in the first column");
    assert!(app.doc.board == before);

    for _ in 0..3 {
        app.update(Action::ColumnRight);
    }
    assert_eq!(selection(&app), (DONE, Some(id(&app, "CRN-17"))));
    assert_eq!(app.update(Action::CardRight), vec![]);
    assert_eq!(status(&app), "CRN-17 is in the last column");
    assert!(app.doc.board == before);
    assert!(!app.doc.history.can_undo());
}

#[test]
fn toggle_blocked_asks_for_a_reason_then_blocks_and_unblocks() {
    let mut app = app();
    let before = app.doc.board.clone();
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
    assert!(app.doc.board == before);

    type_text(&mut app, "waiting on legal review");
    assert_eq!(field_error(&app, 0), None, "typing clears the error");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    assert!(matches!(app.mode, Mode::Normal), "the form closed");
    assert_eq!(status(&app), "Block CRN-22");
    let blocked = with_item(&before, crn22, |i| {
        i.blocked = Some("waiting on legal review".into());
        i.updated = TODAY;
        // The blocked period starts in its history.
        i.history.push(cairn::model::flow::Step::Blocked {
            on: TODAY,
            reason: "waiting on legal review".into(),
        });
    });
    let blocked = with_burndown(&blocked, 18);
    assert!(
        app.doc.board == blocked,
        "only the reason and the date changed"
    );
    assert_eq!(selection(&app), (DOING, Some(crn22)));

    // Again: unblocked at once, no form.
    assert_eq!(press(&mut app, 'x'), vec![Effect::Changed]);
    assert!(matches!(app.mode, Mode::Normal), "no form to unblock");
    assert_eq!(status(&app), "Unblock CRN-22");
    assert_eq!(item(&app, "CRN-22").blocked, None);
    assert_eq!(
        item(&app, "CRN-22").history.last(),
        Some(&cairn::model::flow::Step::Unblocked { on: TODAY }),
        "the period ends in its history"
    );
    assert_eq!(
        item(&app, "CRN-22").history.last(),
        Some(&cairn::model::flow::Step::Unblocked { on: TODAY }),
        "the period ends in its history"
    );

    undo_to(&mut app, &blocked, "Unblock CRN-22");
    undo_to(&mut app, &before, "Block CRN-22");
}

#[test]
fn toggle_blocked_on_a_blocked_card_unblocks_and_cancel_changes_nothing() {
    let mut app = app();
    let before = app.doc.board.clone();
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
    assert!(app.doc.board == before);
}

#[test]
fn assign_sets_and_clears_the_assignee() {
    let mut app = app();
    let before = app.doc.board.clone();
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
    assert!(app.doc.board == assigned);

    app.update(Action::Assign);
    replace_field(&mut app, 0, "");
    assert_eq!(app.update(Action::Confirm), vec![Effect::Changed]);
    assert_eq!(status(&app), "Unassign CRN-25");
    assert_eq!(item(&app, "CRN-25").assignee, "");

    undo_to(&mut app, &assigned, "Unassign CRN-25");
    undo_to(&mut app, &before, "Assign CRN-25 to Ana Ribeiro");
}

/// Enter on a card shows its details over the sprint board (not in the backlog); j/k keep
/// following the cards, and Esc (or Enter again) goes back to the board on the same card.
#[test]
fn enter_on_a_card_opens_its_details_over_the_board() {
    let mut app = app();
    app.update(Action::ColumnRight);
    let crn22 = id(&app, "CRN-22");
    app.update(Action::Down);
    let crn23 = id(&app, "CRN-23");
    assert_eq!(selection(&app).1, Some(crn23));
    assert_ne!(crn22, crn23);
    let enter = action_for_key(&app, key_event(KeyCode::Enter)).expect("Enter does something");
    app.update(enter);
    assert_eq!(app.pane, Pane::Sprint, "the board stays");
    assert!(matches!(app.sprint.screen, SprintScreen::Card));
    let title = app.doc.board.item(crn23).expect("CRN-23").title.clone();
    let screen = crate::common::screen::text(&crate::common::screen::render(&app, 120, 40));
    assert!(
        screen.contains("CRN-23") && screen.contains(&title),
        "{screen}"
    );
    app.update(Action::Up);
    assert_eq!(
        selection(&app).1,
        Some(crn22),
        "the details follow the card"
    );
    let esc = action_for_key(&app, key_event(KeyCode::Esc)).expect("Esc does something");
    app.update(esc);
    assert!(
        matches!(app.sprint.screen, SprintScreen::Board),
        "Esc: back to the board"
    );
    assert_eq!((app.pane, selection(&app).1), (Pane::Sprint, Some(crn22)));
}

/// Under the Ask policy a move into a full column asks; n leaves it, y moves it as one undoable step.
#[test]
fn ask_policy_asks_before_going_over_the_limit() {
    let mut app = app();
    app.doc.board.settings.wip_policy = cairn::model::WipPolicy::Ask;
    // Doing (CRN-22) → Review, which holds 2 of 2.
    press(&mut app, 'l');
    let card = app.selected_card().expect("a card in Doing");
    let before = app.doc.board.clone();
    press(&mut app, 'L');
    assert!(matches!(app.mode, Mode::ConfirmWip { .. }), "asks");
    press(&mut app, 'n');
    assert_eq!(app.doc.board, before, "n leaves it");
    press(&mut app, 'L');
    press(&mut app, 'y');
    assert_eq!(app.doc.board.item(card).expect("card").status, "Review");
    assert!(
        status(&app).contains("over its WIP limit"),
        "{}",
        status(&app)
    );
    app.update(Action::Undo);
    assert_eq!(app.doc.board, before);
}
