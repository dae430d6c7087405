//! Looking at the timeline: selection in gantt order, scrolling, zoom and today, details, the
//! critical path and the sub-views; none of it changes the board.

use super::*;

#[test]
fn the_sample_is_what_these_tests_expect() {
    let app = app();
    let names: Vec<&str> = app
        .timeline_rows()
        .into_iter()
        .map(|id| entry(&app.doc.board, id).name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Discovery",
            "Build",
            "PCI DSS assessment",
            "Hardening",
            "Beta to 5% of traffic",
            "Pilot: ramp to 50% of traffic",
            "Checkout 2.0 GA",
            "Legacy checkout switched off",
        ]
    );
    assert_eq!(selected(&app), BUILD, "the first entry not over yet");
    assert_eq!(entry(&app.doc.board, BUILD).end, date(2026, 12, 4));
    assert_eq!(entry(&app.doc.board, HARDENING).start, date(2026, 12, 7));
    assert_eq!(entry(&app.doc.board, HARDENING).depends_on, [BUILD]);
    assert!(
        app.doc
            .board
            .timeline
            .iter()
            .all(|e| e.broken_dependencies(&app.doc.board.timeline).is_empty()),
        "no broken dependency to begin with"
    );
    assert_eq!(
        app.doc
            .board
            .remaining_points(app.doc.board.active_sprint().unwrap().id),
        REMAINING
    );
    assert_eq!(
        plan::entries_at_high_risk(&app.doc.board),
        [PCI, BETA].into_iter().collect()
    );
}

#[test]
fn j_k_g_and_g_select_entries_in_gantt_order() {
    let mut app = app();
    let before = app.doc.board.clone();
    press(&mut app, 'j');
    assert_eq!(selected(&app), PCI);
    press(&mut app, 'k');
    assert_eq!(selected(&app), BUILD);
    press(&mut app, 'g');
    assert_eq!(selected(&app), DISCOVERY);
    press(&mut app, 'k');
    assert_eq!(selected(&app), DISCOVERY, "stops at the top");
    press(&mut app, 'G');
    assert_eq!(selected(&app), EntryId(8));
    press(&mut app, 'j');
    assert_eq!(selected(&app), EntryId(8), "stops at the bottom");
    unchanged(&app, &before, "selecting");
}

#[test]
fn scrolling_zooming_and_today_change_only_the_view() {
    let mut app = app();
    let before = app.doc.board.clone();
    // A frame tells the view how many days the chart shows.
    screen_into(&mut app, 120, 30);
    let shown = app.viewport.chart_days;
    assert!(shown > 40, "{shown} days at week zoom in 120 columns");
    let origin = app.timeline_origin();
    assert_eq!(app.timeline.origin, None, "today a quarter in");
    assert_eq!(origin, days(TODAY, -i64::from(shown / 4)));

    press(&mut app, 'l');
    let step = i64::from((shown / 4).max(7));
    assert_eq!(app.timeline_origin(), days(origin, step));
    press(&mut app, 'h');
    press(&mut app, 'h');
    assert_eq!(app.timeline_origin(), days(origin, -step));
    press_code(&mut app, KeyCode::Right);
    assert_eq!(app.timeline_origin(), origin, "→ scrolls as l does");

    press(&mut app, '+');
    assert_eq!(app.timeline.zoom, Zoom::Day);
    assert_eq!(status(&app), "Showing days");
    press(&mut app, '+');
    assert_eq!(status(&app), "Already showing days");
    press(&mut app, '-');
    press(&mut app, '-');
    assert_eq!(app.timeline.zoom, Zoom::Month);
    press(&mut app, '-');
    assert_eq!(status(&app), "Already showing months");
    press(&mut app, '=');
    assert_eq!(app.timeline.zoom, Zoom::Week, "= zooms in as + does");

    press(&mut app, 't');
    assert_eq!(app.timeline.origin, None);
    assert_eq!(status(&app), "Today is 2026-11-28");
    unchanged(&app, &before, "h, l, +, -, t");
}

#[test]
fn details_critical_path_push_and_the_sub_views_are_view_toggles() {
    let mut app = app();
    let before = app.doc.board.clone();
    press_code(&mut app, KeyCode::Enter);
    assert!(app.timeline.details);
    press_code(&mut app, KeyCode::Esc);
    assert!(!app.timeline.details, "Esc hides the details");

    press(&mut app, 'c');
    assert!(app.timeline.critical);
    assert!(
        status(&app).starts_with("Critical path shown"),
        "{}",
        status(&app)
    );
    press(&mut app, 'c');
    assert!(!app.timeline.critical);

    press(&mut app, 'P');
    assert!(app.timeline.push);
    assert!(status(&app).starts_with("Push dependents on"));
    press(&mut app, 'P');
    assert!(!app.timeline.push);

    press(&mut app, '$');
    assert_eq!(app.timeline.sub, Sub::Budget);
    press(&mut app, '$');
    assert_eq!(app.timeline.sub, Sub::Gantt, "$ again goes back");
    press(&mut app, '$');
    press_code(&mut app, KeyCode::Esc);
    assert_eq!(app.timeline.sub, Sub::Gantt, "Esc goes back");
    press(&mut app, 'r');
    assert_eq!(app.timeline.sub, Sub::Risks);
    press_code(&mut app, KeyCode::Esc);
    assert_eq!(app.timeline.sub, Sub::Gantt);
    unchanged(&app, &before, "Enter, c, P, $ and r");

    // The critical path to the release: Discovery → Build → Hardening → Pilot → GA.
    assert_eq!(
        plan::critical_path(&app.doc.board.timeline, GA),
        [DISCOVERY, BUILD, HARDENING, PILOT, GA]
    );
}
