//! The sprint pane's other screens: the burndown (and today's point recorded with every change),
//! planning and the standup.

use super::*;
use cairn::app::SprintScreen;

#[test]
fn burndown_toggles_the_view() {
    let mut app = app();
    assert!(!app.sprint.burndown());
    assert_eq!(press(&mut app, 'b'), vec![]);
    assert!(app.sprint.burndown());
    press(&mut app, 'b');
    assert!(!app.sprint.burndown());
}

#[test]
fn every_change_records_todays_burndown_point_in_the_same_undo_step() {
    let mut app = app();
    let before = app.doc.board.clone();
    let today_point = |app: &App| {
        sprint(&app.doc.board, SPRINT_23)
            .remaining
            .get(&TODAY)
            .copied()
    };
    assert_eq!(today_point(&app), None);

    // A change that moves no points still records the day (the first change of the day).
    app.update(Action::Assign);
    replace_field(&mut app, 0, "Priya Nair");
    app.update(Action::Confirm);
    assert_eq!(today_point(&app), Some(18));
    let assigned = app.doc.board.clone();

    // Three points done: the point follows.
    press(&mut app, 'l');
    press(&mut app, 'l');
    press(&mut app, 'L');
    assert_eq!(status(&app), "Move CRN-21 to Done");
    assert_eq!(today_point(&app), Some(15));
    let moved = app.doc.board.clone();

    // Unblocking changes nothing in the points: nothing new to record.
    press(&mut app, 'h');
    press(&mut app, 'h');
    press(&mut app, 'j');
    press(&mut app, 'x');
    assert_eq!(status(&app), "Unblock CRN-23");
    assert_eq!(today_point(&app), Some(15));
    assert_eq!(
        sprint(&app.doc.board, SPRINT_23),
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
    // Sprint 21, 20, 19, 18, and one more press that finds nothing earlier.
    for _ in 0..5 {
        press(&mut app, 'h');
    }
    assert_eq!(
        app.viewed_sprint().map(|s| s.name.as_str()),
        Some("Sprint 18"),
        "stops at the first"
    );
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).expect("terminal");
    cairn::ui::draw_app(&mut terminal, &mut app).expect("draws");
    let text: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(
        text.contains("Closed: 20 of 23 committed points done — velocity 20"),
        "{text}"
    );
    // Sprint 19 … 23, and one more press that would reach the planned Sprint 24.
    for _ in 0..6 {
        press(&mut app, 'l');
    }
    assert_eq!(
        app.viewed_sprint().map(|s| s.name.as_str()),
        Some("Sprint 23"),
        "planned ones have none"
    );
    press(&mut app, 'b');
    assert!(!app.sprint.burndown());
    assert!(
        matches!(app.sprint.screen, SprintScreen::Board),
        "the board again, no past sprint kept"
    );
}

/// P opens planning for the next planned sprint: `s` pulls the selected backlog item in (the
/// selection moves on), `l` then `s` sends one back, each one undoable step; Esc closes the view.
#[test]
fn planning_pulls_items_into_the_planned_sprint_and_back() {
    let mut app = app();
    press(&mut app, 'P');
    assert!(app.sprint.planning());
    let planned = app.planned_sprint().expect("Sprint 24 is planned");
    assert_eq!(sprint(&app.doc.board, planned).name, "Sprint 24");
    let (left, right) = app.planning_lists();
    assert_eq!(right.len(), 3, "Sprint 24 starts with 3 items");
    assert!(
        left.iter()
            .all(|i| app.doc.board.item(*i).is_some_and(|it| it.sprint.is_none()))
    );
    let first = left[0];
    let before = app.doc.board.clone();

    press(&mut app, 's');
    assert_eq!(
        app.doc.board.item(first).expect("item").sprint,
        Some(planned)
    );
    assert!(
        status(&app).ends_with(": backlog → Sprint 24"),
        "{}",
        status(&app)
    );
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
    assert_eq!(app.doc.board.item(out).expect("item").sprint, None);
    assert!(
        status(&app).ends_with(": Sprint 24 → backlog"),
        "{}",
        status(&app)
    );

    app.update(Action::Undo);
    app.update(Action::Undo);
    assert_eq!(app.doc.board, before, "two steps undone");

    app.update(Action::Cancel);
    assert!(!app.sprint.planning(), "Esc goes back to the board");
}

/// Planning past the capacity is said in words.
#[test]
fn planning_over_capacity_says_so() {
    let mut app = app();
    press(&mut app, 'P');
    let planned = app.planned_sprint().expect("planned");
    for _ in 0..6 {
        press(&mut app, 's');
        // Past the capacity each pull asks first, and says by how much.
        if let Mode::ConfirmChange { question, .. } = &app.mode {
            assert!(question.contains("against a capacity of"), "{question}");
            press(&mut app, 'y');
        }
    }
    let points = app.doc.board.sprint_points(planned);
    let capacity = sprint(&app.doc.board, planned).capacity;
    assert!(points > capacity, "{points} > {capacity}");
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).expect("terminal");
    cairn::ui::draw_app(&mut terminal, &mut app).expect("draws");
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
    let s = app.sprint.standup().expect("standup runs");
    let first = s.current().expect("a stop").cards[0];
    assert_eq!(
        app.doc.board.item(first).expect("card").status,
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
    let s = app.sprint.standup().expect("standup runs");
    assert_eq!((s.at, s.discussed.clone()), (1, vec![first]));

    press(&mut app, 'p');
    let s = app.sprint.standup().expect("standup runs");
    assert!(s.by_person);
    assert_eq!(
        s.stops.len(),
        5,
        "everyone with a card in the sprint, Léa (all done) too"
    );
    assert_eq!(s.stops[0].person, "Ana Ribeiro");
    assert_eq!(s.discussed, vec![first], "what was discussed is kept");

    // x on the current stop opens the blocked form for its card.
    let current = app
        .sprint
        .standup()
        .and_then(|s| s.current())
        .map(|s| s.cards[0])
        .expect("a card");
    let blocked_before = app.doc.board.item(current).expect("card").is_blocked();
    press(&mut app, 'x');
    if blocked_before {
        assert!(
            !app.doc.board.item(current).expect("card").is_blocked(),
            "x unblocks"
        );
    } else {
        assert!(matches!(app.mode, Mode::Form(_)), "x asks for the reason");
        app.update(Action::Cancel);
    }

    for _ in 0..5 {
        press(&mut app, 'n');
    }
    let s = app.sprint.standup().expect("standup runs");
    assert!(s.finished);
    let summary = s.summary(&app).join("\n");
    assert!(summary.contains("Discussed 10 cards"), "{summary}");
    assert!(summary.contains("Blocked: CRN-23"), "{summary}");

    app.update(Action::Cancel);
    assert!(app.sprint.standup().is_none(), "Esc ends the standup");
    assert!(
        status(&app).contains("Discussed 10 cards"),
        "{}",
        status(&app)
    );
}

/// The standup timer follows the clock the ticks carry (no clock is read inside the app): it counts
/// from the tick before the standup started.
#[test]
fn standup_timer_runs_on_ticks() {
    use std::time::Duration;
    let mut app = app();
    app.update(Action::Tick(Duration::from_secs(100)));
    press(&mut app, 'S');
    app.update(Action::Tick(Duration::from_secs(190)));
    let s = app.sprint.standup().expect("standup runs");
    assert_eq!(s.elapsed, Duration::from_secs(90));
    press(&mut app, ' ');
    app.update(Action::Tick(Duration::from_secs(250)));
    let s = app.sprint.standup().expect("standup runs");
    assert_eq!(
        (s.elapsed, s.stop_started),
        (Duration::from_secs(150), Duration::from_secs(90))
    );
}
