//! Flow (issue 17, points 1–5): the status history every change records (kept through undo, saved
//! byte for byte, an old board still loading), cycle-time age on the cards, the scope change, the
//! close walk, the cumulative flow and the standup's note. Snapshots at 80×24 and 120×40.

use crate::common;

use cairn::app::{Action, App, Effect, Mode};
use cairn::commands::sample_board;
use cairn::model::flow::{self, Step};
use cairn::model::{NoteKind, SprintId};
use common::keys::press;
use common::screen::screen;
use jiff::civil::{Date, date};
use ratatui::crossterm::event::KeyCode;
use std::path::Path;

const TODAY: Date = date(2026, 12, 1);

fn sprint_pane() -> App {
    let mut app = App::new(sample_board(TODAY), "b.ron", TODAY);
    press(&mut app, KeyCode::Char('2'));
    app
}

fn id(app: &App, key: &str) -> cairn::model::ItemId {
    app.doc.board.parse_item_key(key).expect("on the sample")
}

#[test]
fn a_move_records_a_step_and_undo_takes_it_back() {
    let mut app = sprint_pane();
    let crn25 = id(&app, "CRN-25");
    let before = app.doc.board.item(crn25).expect("there").history.clone();
    app.sprint.card = Some(crn25);
    app.sprint.column = 0;
    assert_eq!(app.update(Action::CardRight), vec![Effect::Changed]);
    let after = &app.doc.board.item(crn25).expect("there").history;
    assert_eq!(
        after.last(),
        Some(&Step::Entered {
            on: TODAY,
            column: "Doing".into()
        })
    );
    app.update(Action::Undo);
    assert_eq!(app.doc.board.item(crn25).expect("there").history, before);
}

#[test]
fn a_board_with_history_and_scope_saves_and_loads_byte_for_byte_and_v2_still_loads() {
    let mut app = sprint_pane();
    let crn25 = id(&app, "CRN-25");
    app.sprint.card = Some(crn25);
    app.update(Action::CardRight);
    let b = &app.doc.board;
    assert!(!b.sprint_scope.is_empty());
    let text = cairn::store::to_ron(b).expect("writes");
    // One line a step.
    assert!(
        text.contains("        \"2026-12-01 in Doing\",\n"),
        "{text}"
    );
    let back = cairn::store::from_ron(&text, Path::new("b.ron")).expect("reads");
    assert!(back == *b);
    assert_eq!(cairn::store::to_ron(&back).expect("writes"), text);
    let v2 = std::fs::read_to_string("tests/data/board-v2.ron").expect("the v2 board");
    let old = cairn::store::from_ron(&v2, Path::new("board-v2.ron")).expect("a v2 board loads");
    assert!(
        old.items.iter().all(|i| i.history.is_empty()),
        "nothing is built at load"
    );
    // A bad step is a named problem with its line.
    let bad = text.replace("\"2026-12-01 in Doing\"", "\"2026-12-01 moved\"");
    let e = cairn::store::from_ron(&bad, Path::new("b.ron")).expect_err("refused");
    assert!(e.to_string().contains("is not a history step"), "{e}");
}

#[test]
fn the_cycle_sample_is_a_setting_and_a_bad_one_is_refused_beside_the_field() {
    let mut app = sprint_pane();
    app.update(Action::ProjectSettings);
    let Mode::Form(form) = &mut app.mode else {
        panic!("the settings form")
    };
    let at = form
        .fields
        .iter()
        .position(|f| f.id.label() == "Cycle sample")
        .expect("the field");
    assert_eq!(form.fields[at].value(), "30");
    form.focus = at;
    for _ in 0..2 {
        app.update(Action::Type(common::keys::event(KeyCode::Backspace)));
    }
    app.update(Action::Type(common::keys::event(KeyCode::Char('0'))));
    let before = app.doc.board.clone();
    app.update(Action::Confirm);
    let Mode::Form(form) = &app.mode else {
        panic!("still open")
    };
    assert!(
        form.fields[at]
            .error
            .as_deref()
            .is_some_and(|e| e.contains("1–1000")),
        "{:?}",
        form.fields[at].error
    );
    assert!(app.doc.board == before, "nothing changed");
}

#[test]
fn the_board_marks_old_cards_and_says_the_scope_change_80x24_and_120x40() {
    let mut app = sprint_pane();
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("+5 pts added, −2 pts removed since start"),
        "{s}"
    );
    assert!(s.contains("⛔ 5p · 9/9d▲ · Ana"), "{s}");
    assert!(s.contains("▲>6d ▲▲>9d"), "{s}");
    insta::assert_snapshot!("flow_board_80x24", s);
    let s = screen(&app, 120, 40);
    assert!(s.contains("▲ past P50 6d · ▲▲ past P85 9d"), "{s}");
    insta::assert_snapshot!("flow_board_120x40", s);
    let stats = flow::cycle_stats(&app.doc.board, 30);
    assert_eq!((stats.p50, stats.p85), (Some(6), Some(9)));
    app.update(Action::Burndown);
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("+5 pts added, −2") && s.contains("pts removed since start"),
        "{s}"
    );
    assert!(s.contains("▀▀▀ scope"), "{s}");
    insta::assert_snapshot!("flow_burndown_80x24", s);
    insta::assert_snapshot!("flow_burndown_120x40", screen(&app, 120, 40));
}

#[test]
fn f_from_the_burndown_shows_the_cumulative_flow_of_the_sprint_then_the_board() {
    let mut app = sprint_pane();
    app.update(Action::Burndown);
    app.update(Action::CumulativeFlow);
    let s = screen(&app, 80, 24);
    assert!(s.contains("Cumulative flow — Sprint 23"), "{s}");
    assert!(s.contains("██ Done  ▓▓ Review  ▒▒ Doing  ░░ To do"), "{s}");
    insta::assert_snapshot!("flow_cfd_sprint_80x24", s);
    insta::assert_snapshot!("flow_cfd_sprint_120x40", screen(&app, 120, 40));
    app.update(Action::CumulativeFlow);
    let s = screen(&app, 80, 24);
    assert!(s.contains("the board, last 8 weeks"), "{s}");
    insta::assert_snapshot!("flow_cfd_board_80x24", s);
    insta::assert_snapshot!("flow_cfd_board_120x40", screen(&app, 120, 40));
    app.update(Action::CumulativeFlow);
    assert!(screen(&app, 80, 24).contains("Burndown — Sprint 23"));
}

#[test]
fn the_close_walk_80x24_and_120x40() {
    let mut app = sprint_pane();
    app.update(Action::CloseSprint);
    let s = screen(&app, 80, 24);
    assert!(
        s.contains("Points committed 28 · added 5 · removed 2 · completed 13"),
        "{s}"
    );
    insta::assert_snapshot!("flow_close_question_80x24", s);
    app.update(Action::LeftoversEach);
    app.update(Action::LeftoversToNextSprint);
    let s = screen(&app, 80, 24);
    assert!(s.contains("Item 2 of 5"), "{s}");
    insta::assert_snapshot!("flow_close_walk_80x24", s);
    insta::assert_snapshot!("flow_close_walk_120x40", screen(&app, 120, 40));
    let _ = SprintId(0);
}

#[test]
fn ending_the_standup_writes_a_dated_note_linked_to_its_items_and_undo_takes_it_back() {
    let mut app = sprint_pane();
    let before = app.doc.board.clone();
    app.update(Action::Standup);
    // The blocked card's stop says for how long.
    for _ in 0..3 {
        app.update(Action::Down);
    }
    let s = screen(&app, 80, 24);
    assert!(s.contains("⛔ blocked for 4 days"), "{s}");
    insta::assert_snapshot!("flow_standup_80x24", s);
    insta::assert_snapshot!("flow_standup_120x40", screen(&app, 120, 40));
    app.update(Action::StandupNext);
    app.update(Action::StandupNext);
    assert_eq!(app.update(Action::Cancel), vec![Effect::Changed]);
    let b = &app.doc.board;
    let (team, note) = b
        .all_notes()
        .find(|(_, n)| n.kind == NoteKind::Standup)
        .expect("a standup note");
    assert_eq!(team.name, flow::TEAM);
    assert_eq!(note.date, TODAY);
    assert!(
        note.text.starts_with("Standup took 0:00 of 15:00"),
        "{}",
        note.text
    );
    assert!(
        note.text.contains("Blocked: CRN-23 (Adyen"),
        "{}",
        note.text
    );
    assert!(note.items.contains(&id(&app, "CRN-23")));
    // Counted in the report's "since last report".
    let report = cairn::io::report::status_report(b, TODAY);
    assert!(report.contains("1 standup in the last"), "{report}");
    // In the note timeline.
    app.update(Action::ShowStakeholders);
    app.update(Action::NoteTimeline);
    let s = screen(&app, 120, 40);
    assert!(s.contains("standup"), "{s}");
    app.update(Action::Undo);
    assert!(
        app.doc.board == before,
        "undo takes the note (and the new entry) back"
    );
}
