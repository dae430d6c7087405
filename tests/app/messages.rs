//! Issue 12, point 23: messages fit the status line (cut with `…` and the key of the log that
//! shows them whole), make way for the key hints on the next key or after a few seconds, and the
//! message log keeps every one in full.

use crate::common::screen::screen;
use cairn::app::{Action, App, Effect, Mode};
use cairn::commands::sample_board;
use jiff::civil::{Date, date};
use std::time::Duration;

const TODAY: Date = date(2026, 12, 1);

fn app() -> App {
    App::new(sample_board(TODAY), "b.ron", TODAY)
}

fn last_line(s: &str) -> &str {
    s.lines().last().unwrap_or_default()
}

const LONG: &str = "Push dependents on: moving an entry later moves what depends on it later too, as far as it must";

#[test]
fn a_long_message_is_cut_with_an_ellipsis_and_names_the_log_key() {
    let mut app = app();
    app.info(LONG);
    let s = screen(&app, 80, 24);
    let bar = last_line(&s);
    assert!(bar.contains("… M all"), "80×24: {bar}");
    assert!(bar.contains("Push dependents on"), "{bar}");
    // Where it fits it is whole: no ellipsis, no log key.
    for (w, h) in [(120, 40), (200, 60)] {
        let s = screen(&app, w, h);
        assert!(last_line(&s).contains(LONG), "{}", last_line(&s));
        assert!(!last_line(&s).contains("M all"));
    }
}

#[test]
fn the_next_key_takes_a_message_away_and_the_hints_come_back() {
    let mut app = app();
    let hints = last_line(&screen(&app, 80, 24)).to_string();
    assert!(hints.contains("a add"), "the backlog's hints: {hints}");
    app.info(LONG);
    assert!(
        !last_line(&screen(&app, 80, 24)).contains("a add"),
        "the message has the line"
    );
    app.update(Action::Down);
    assert!(
        app.run.status.is_none(),
        "a key that says nothing new clears it"
    );
    assert!(last_line(&screen(&app, 80, 24)).contains("a add"));
    // A key that says something keeps its own message.
    app.update(Action::MoveDown);
    assert!(
        app.run
            .status
            .as_ref()
            .is_some_and(|s| s.text.starts_with("Move CRN-"))
    );
}

#[test]
fn a_message_goes_after_a_few_seconds_without_a_key() {
    let mut app = app();
    app.info("Saved again");
    // A tick that changes nothing on screen asks for no frame (an idle cairn draws nothing).
    let tick = |app: &mut App, ms: u64| app.update(Action::Tick(Duration::from_millis(ms)));
    assert_eq!(tick(&mut app, 100_000), vec![], "just shown");
    assert!(app.run.status.is_some(), "just shown");
    assert_eq!(tick(&mut app, 102_000), vec![], "still there after 2 s");
    assert!(app.run.status.is_some(), "still there after 2 s");
    assert_eq!(
        tick(&mut app, 105_100),
        vec![Effect::Redraw],
        "gone after 5 s"
    );
    assert!(app.run.status.is_none(), "gone after 5 s");
    assert!(last_line(&screen(&app, 80, 24)).contains("a add"));
}

#[test]
fn the_message_log_shows_every_message_in_full() {
    let mut app = app();
    app.info("First message");
    app.error(LONG);
    app.update(Action::Down);
    app.update(Action::Messages);
    assert!(matches!(app.mode, Mode::Messages(0)));
    let s = screen(&app, 80, 24);
    assert!(s.contains("Messages — 2 this run"), "{s}");
    assert!(s.contains("• First message"), "{s}");
    // The long one is wrapped, not cut: every word of it is on screen.
    let joined: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    for word in LONG.split_whitespace() {
        assert!(joined.contains(word), "{word:?} missing:\n{s}");
    }
    insta::assert_snapshot!("message_log_80x24", s);
    assert!(
        last_line(&s).contains("close"),
        "its own hints: {}",
        last_line(&s)
    );
    app.update(Action::Cancel);
    assert!(matches!(app.mode, Mode::Normal));
}

#[test]
fn the_same_message_twice_is_logged_once() {
    let mut app = app();
    for _ in 0..3 {
        app.info("CRN-22 is already at the top");
    }
    assert_eq!(app.log.entries().len(), 1);
}
