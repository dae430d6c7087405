//! Moving entries by a day or a week, moving their end, and what a move does to dependencies (said,
//! or pushed along).

use super::*;

#[test]
fn angle_brackets_move_the_selected_entry_a_day() {
    let mut app = app();
    let before = app.doc.board.clone();
    assert_eq!(press(&mut app, '>'), vec![Effect::Changed]);
    let after = expected(&before, |b| moved(b, BUILD, 1));
    assert!(
        app.doc.board == after,
        "Build moved a day later, nothing else"
    );
    assert_eq!(status(&app), "Move \"Build\" a day later");
    assert!(!status_is_error(&app));
    undo_redo(&mut app, &before, &after, "Move \"Build\" a day later");

    press(&mut app, '<');
    press(&mut app, '<');
    let earlier = expected(&before, |b| moved(b, BUILD, -1));
    assert!(
        app.doc.board == earlier,
        "two days earlier from a day later"
    );
    assert_eq!(status(&app), "Move \"Build\" a day earlier");
    assert_eq!(selected(&app), BUILD, "the selection stays on the entry");
}

#[test]
fn shift_arrows_move_the_selected_entry_a_week() {
    let mut app = app();
    select(&mut app, PCI);
    let before = app.doc.board.clone();
    shift(&mut app, KeyCode::Left);
    let after = expected(&before, |b| moved(b, PCI, -7));
    assert!(app.doc.board == after, "PCI a week earlier");
    assert_eq!(status(&app), "Move \"PCI DSS assessment\" a week earlier");
    undo_redo(
        &mut app,
        &before,
        &after,
        "Move \"PCI DSS assessment\" a week earlier",
    );
    shift(&mut app, KeyCode::Right);
    assert!(app.doc.board == expected(&before, |_| {}), "and back");
    // Without Shift the arrows scroll.
    let board = app.doc.board.clone();
    press_code(&mut app, KeyCode::Left);
    assert!(app.doc.board == board);
}

#[test]
fn brackets_and_braces_move_the_end() {
    let mut app = app();
    select(&mut app, PCI);
    let before = app.doc.board.clone();
    let end = |n| {
        expected(&before, |b| {
            let e = entry_mut(b, PCI);
            e.end = days(e.end, n);
        })
    };
    press(&mut app, ']');
    assert!(app.doc.board == end(1), "] ends PCI a day later");
    assert_eq!(status(&app), "End of \"PCI DSS assessment\" a day later");
    undo_redo(
        &mut app,
        &before,
        &end(1),
        "End of \"PCI DSS assessment\" a day later",
    );
    press(&mut app, '[');
    press(&mut app, '[');
    assert!(app.doc.board == end(-1));
    press(&mut app, '}');
    assert!(app.doc.board == end(6));
    assert_eq!(status(&app), "End of \"PCI DSS assessment\" a week later");
    press(&mut app, '{');
    press(&mut app, '{');
    assert!(app.doc.board == end(-8));
    assert_eq!(status(&app), "End of \"PCI DSS assessment\" a week earlier");

    // A milestone has one date: its "end" moves it whole.
    select(&mut app, BETA);
    let board = app.doc.board.clone();
    press(&mut app, ']');
    let mut beta = entry(&board, BETA).clone();
    (beta.start, beta.end) = (date(2026, 12, 15), date(2026, 12, 15));
    assert_eq!(*entry(&app.doc.board, BETA), beta);
    assert_eq!(status(&app), "Move \"Beta to 5% of traffic\" a day later");
}

#[test]
fn a_move_that_breaks_a_dependency_says_so_when_push_is_off() {
    let mut app = app();
    assert!(!app.timeline.push, "push dependents is off by default");
    let before = app.doc.board.clone();
    // Build a week later ends Dec 11, after Hardening (which needs it) starts Dec 7.
    shift(&mut app, KeyCode::Right);
    let after = expected(&before, |b| moved(b, BUILD, 7));
    assert!(app.doc.board == after, "only Build moved");
    assert!(status_is_error(&app), "a broken dependency is an error");
    assert_eq!(
        status(&app),
        "Move \"Build\" a week later — ✗ 1 broken dependency (P pushes dependents along)"
    );
    let hardening = entry(&app.doc.board, HARDENING);
    assert_eq!(
        hardening.broken_dependencies(&app.doc.board.timeline)[0].id,
        BUILD
    );
    // Shown on both entries.
    assert!(
        gantt_line(&app, "▬ Build").contains("✗ dep"),
        "{}",
        gantt_line(&app, "▬ Build")
    );
    assert!(gantt_line(&app, "▬ Hardening").contains("✗ dep"));
    undo_redo(&mut app, &before, &after, "Move \"Build\" a week later");
}

#[test]
fn push_dependents_keeps_the_chain_valid() {
    let mut app = app();
    let before = app.doc.board.clone();
    press(&mut app, 'P');
    shift(&mut app, KeyCode::Right);
    // Build ends Dec 11: Hardening moves to start Dec 12 (5 days), so it ends Jan 20, and the Pilot,
    // which needs it, moves to start Jan 21 (3 days). Beta (Dec 14) and GA (Feb 22) still fit.
    let after = expected(&before, |b| {
        moved(b, BUILD, 7);
        moved(b, HARDENING, 5);
        moved(b, PILOT, 3);
    });
    assert_eq!(entry(&app.doc.board, HARDENING).start, date(2026, 12, 12));
    assert_eq!(entry(&app.doc.board, PILOT).start, date(2027, 1, 21));
    assert!(
        app.doc.board == after,
        "Build, Hardening and the Pilot moved, nothing else"
    );
    assert!(!status_is_error(&app));
    assert_eq!(
        status(&app),
        "Move \"Build\" a week later, pushing 2 after it"
    );
    assert!(
        app.doc
            .board
            .timeline
            .iter()
            .all(|e| e.broken_dependencies(&app.doc.board.timeline).is_empty()),
        "no dependency broken"
    );
    // One step: undo takes back all three.
    undo_redo(
        &mut app,
        &before,
        &after,
        "Move \"Build\" a week later, pushing 2 after it",
    );
}
