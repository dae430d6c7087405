//! The forecast a PM can defend, earned value and the MoSCoW guardrail on screen: the backlog's cut
//! line (`L`), the budget view's earned value, the planning view's Must share and the timeline
//! details' P50/P85/P95 with the history behind them, at 80×24 and 120×40.

use crate::common;

use cairn::app::{Action, App, Mode};
use cairn::commands::sample_board;
use common::keys::{press, press_keys};
use common::screen::{screen, screen_into};
use jiff::civil::{Date, date};
use ratatui::crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

const TODAY: Date = date(2026, 12, 1);

fn app() -> App {
    let mut app = App::new(sample_board(TODAY), "b.ron", TODAY);
    app.mode = Mode::Normal;
    app
}

fn status(app: &App) -> String {
    app.run
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn c_walks_the_cut_line_through_the_milestones_then_off() {
    let mut app = app();
    let upcoming: Vec<String> = cairn::model::forecast::cut_candidates(&app.doc.board, TODAY)
        .iter()
        .map(|e| e.name.clone())
        .collect();
    assert!(upcoming.len() >= 2, "{upcoming:?}");
    for name in &upcoming {
        press_keys(&mut app, "L");
        let cut = app.cut().expect("a cut line");
        assert_eq!(&cut.name, name);
        assert!(status(&app).contains(name.as_str()), "{}", status(&app));
        assert!(status(&app).contains("L: the next one"), "{}", status(&app));
    }
    press_keys(&mut app, "L");
    assert!(app.cut().is_none());
    assert!(status(&app).starts_with("Cut line off"), "{}", status(&app));
}

#[test]
fn the_cut_line_is_drawn_in_rank_order_with_the_milestone_named() {
    let mut app = app();
    press_keys(&mut app, "L");
    let cut = app.cut().expect("a cut line").into_owned();
    for (w, h) in [(80, 24), (120, 40)] {
        let s = screen_into(&mut app, w, h);
        let line = s
            .lines()
            .position(|l| l.contains("85%"))
            .unwrap_or_else(|| panic!("a cut line at {w}x{h}:\n{s}"));
        assert!(
            s.lines()
                .nth(line)
                .is_some_and(|l| l.contains("Beta to 5%"))
        );
        // Every open item above the line is before the first below it in rank order.
        let first_below = cut.first_below.expect("work below the line");
        let key = app.doc.board.item_key(app.doc.board.items[first_below].id);
        let next = s.lines().nth(line + 1).unwrap_or_default();
        assert!(next.contains(&format!("{key} ")), "{key} right below:\n{s}");
        insta::assert_snapshot!(format!("cut_line_{w}x{h}"), s);
    }
}

#[test]
fn a_click_below_the_cut_line_selects_the_row_drawn_there() {
    let mut app = app();
    press_keys(&mut app, "L");
    let s = screen_into(&mut app, 80, 24);
    let line = s.lines().position(|l| l.contains("85%")).expect("cut");
    let below = s.lines().nth(line + 1).expect("a row below");
    let key = below
        .split_whitespace()
        .find(|w| w.starts_with("CRN-"))
        .expect("a key")
        .to_string();
    let click = |row: usize| MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 10,
        row: row as u16,
        modifiers: KeyModifiers::NONE,
    };
    assert_eq!(
        cairn::input::action_for_mouse(&app, click(line)),
        None,
        "the line selects nothing"
    );
    let action = cairn::input::action_for_mouse(&app, click(line + 1)).expect("a row");
    app.update(action);
    let selected = app.selected_item().expect("selected");
    assert_eq!(app.doc.board.item_key(selected.id), key);
}

#[test]
fn grouped_by_epic_the_backlog_draws_no_cut_line() {
    let mut app = app();
    press_keys(&mut app, "L");
    press_keys(&mut app, "z");
    assert!(!screen(&app, 120, 40).contains("85% sure"));
}

#[test]
fn budget_shows_earned_value_and_its_reading() {
    let mut app = app();
    press(&mut app, KeyCode::Char('3'));
    press(&mut app, KeyCode::Char('$'));
    for (w, h) in [(80, 24), (120, 40)] {
        let s = screen_into(&mut app, w, h);
        assert!(
            s.contains("for every EUR spent we deliver EUR 0.61 of planned value"),
            "{s}"
        );
        assert!(s.contains("SPI 1.04 · CPI 0.61"), "{s}");
        insta::assert_snapshot!(format!("budget_evm_{w}x{h}"), s);
    }
}

#[test]
fn earned_value_without_a_budget_says_why() {
    let mut board = sample_board(TODAY);
    board.project.budget = 0;
    for e in &mut board.timeline {
        e.planned_cost = 0;
        e.actual_cost = 0;
    }
    let mut app = App::new(board, "b.ron", TODAY);
    app.update(Action::ShowTimeline);
    app.update(Action::Budget);
    let s = screen_into(&mut app, 120, 40);
    assert!(s.contains("no cost reading (no budget set)"), "{s}");
    assert!(s.contains("SPI — · CPI —"), "{s}");
}

#[test]
fn planning_warns_when_must_passes_sixty_percent() {
    let mut board = sample_board(TODAY);
    let sprint = cairn::model::rules::next_planned(&board).expect("a planned sprint");
    for it in &mut board.items {
        if it.sprint == Some(sprint) {
            std::sync::Arc::make_mut(it).moscow = Some(cairn::model::Moscow::Must);
        }
    }
    let mut planning = App::new(board, "b.ron", TODAY);
    planning.update(Action::ShowSprint);
    planning.update(Action::Plan);
    for (w, h) in [(80, 24), (120, 40)] {
        let s = screen_into(&mut planning, w, h);
        assert!(
            s.contains("Must 16 of 16 pts (100%) ⚠ over DSDM's 60%"),
            "{s}"
        );
        insta::assert_snapshot!(format!("planning_must_{w}x{h}"), s);
    }
    // The sample as it is plans within the guardrail, and says so.
    let mut app = app();
    app.update(Action::ShowSprint);
    app.update(Action::Plan);
    assert!(screen_into(&mut app, 120, 40).contains("within DSDM's 60%"));
}

#[test]
fn timeline_details_give_p50_p85_p95_and_the_history_behind_them() {
    let mut app = app();
    app.update(Action::ShowTimeline);
    let beta = app
        .doc
        .board
        .timeline
        .iter()
        .find(|e| e.name.starts_with("Beta"))
        .expect("beta")
        .id;
    app.update(Action::GoToEntry(beta));
    app.timeline.details = true;
    for (w, h) in [(80, 24), (120, 40)] {
        let s = screen_into(&mut app, w, h);
        assert!(
            s.contains("(50%, 85% and 95%)") || s.contains("95% "),
            "{s}"
        );
        assert!(
            s.contains("5 past sprints · the next in their range: 67% = (n−1)/(n+1)"),
            "{s}"
        );
        assert!(s.contains("⛔ flagged CRN-23"), "{s}");
        insta::assert_snapshot!(format!("forecast_details_{w}x{h}"), s);
    }
}

#[test]
fn the_report_and_the_screen_give_the_same_forecast() {
    let app = app();
    let report = cairn::io::report::status_report(&app.doc.board, TODAY);
    let mut app = app;
    app.update(Action::ShowTimeline);
    app.prepare_frame();
    let board = &app.doc.board;
    for e in board.timeline.iter().filter(|e| e.kind.is_point()) {
        let info = app.row_infos(&[e]).remove(0);
        let f = info.forecast.expect("a forecast");
        if let cairn::model::forecast::Forecast::Dates { p50, p85, p95, .. } = f {
            let line = format!("50% {p50}, 85% {p85}, 95% {p95}");
            assert!(report.contains(&line), "{line} in:\n{report}");
        }
    }
}

#[test]
fn the_cut_line_and_earned_value_are_kept_by_revision() {
    use std::borrow::Cow;
    let mut app = app();
    press_keys(&mut app, "L");
    app.prepare_frame();
    assert!(
        matches!(app.cut(), Some(Cow::Borrowed(_))),
        "kept for the frame"
    );
    let before = app.cut().expect("a cut").into_owned();
    press_keys(&mut app, "j");
    app.prepare_frame();
    assert!(
        matches!(app.cut(), Some(Cow::Borrowed(_))),
        "a move changes nothing"
    );
    // A change moves the revision on: the next frame computes it again, and it agrees with the model.
    press_keys(&mut app, "J");
    assert!(matches!(app.cut(), Some(Cow::Owned(_))), "not the old one");
    app.prepare_frame();
    let after = app.cut().expect("a cut").into_owned();
    let e = app
        .doc
        .board
        .entry(before.entry)
        .expect("the milestone")
        .clone();
    assert_eq!(
        after,
        cairn::model::forecast::cut_line(&app.doc.board, &e, TODAY)
    );
    // Earned value is kept only while the budget view shows it: the timeline's own frames do not
    // pay for reading every item.
    app.update(Action::ShowTimeline);
    app.prepare_frame();
    assert!(
        matches!(app.evm(), Cow::Owned(_)),
        "not computed for the gantt"
    );
    app.update(Action::Budget);
    app.prepare_frame();
    assert!(
        matches!(app.evm(), Cow::Borrowed(_)),
        "kept for the budget view"
    );
}
