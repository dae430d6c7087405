//! Whole-screen snapshots: the app drawn by `ui::draw` on a `TestBackend`, kept as plain text (one
//! line a row, trailing spaces trimmed) so a review can read them. The date and file name are fixed,
//! so nothing on screen changes from run to run.

use crate::common;

use common::keys::{press, press_keys as type_keys};

use cairn::app::{App, Mode};
use cairn::commands::sample_board;
use common::screen::{render, screen, text};
use jiff::civil::{Date, date};
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};

const TODAY: Date = date(2026, 11, 28);

fn app() -> App {
    App::new(sample_board(TODAY), "b.ron", TODAY)
}

/// The row of the screen that shows the selection marker.
fn selected_row(screen: &str) -> usize {
    screen
        .lines()
        .position(|l| l.contains('›'))
        .expect("a row is marked as selected")
}

#[test]
fn backlog_80x24() {
    let s = screen(&app(), 80, 24);
    assert!(
        s.lines()
            .nth(selected_row(&s))
            .is_some_and(|l| l.contains("CRN-22"))
    );
    insta::assert_snapshot!("backlog_80x24", s);
}

#[test]
fn backlog_160x48() {
    let s = screen(&app(), 160, 48);
    assert!(
        s.contains("││Webhook retries send the payment"),
        "the selected item's details beside the table when wide"
    );
    insta::assert_snapshot!("backlog_160x48", s);
}

#[test]
fn details_100x30() {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    assert!(app.backlog.details);
    insta::assert_snapshot!("details_100x30", screen(&app, 100, 30));
}

/// The add form after: a title, Tab to Points, `4`, Enter.
fn add_form_with_an_error() -> App {
    let mut app = app();
    press(&mut app, KeyCode::Char('a'));
    type_keys(&mut app, "Retry webhooks idempotently");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    type_keys(&mut app, "4");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.mode, Mode::Form(_)), "the form stays open");
    app
}

#[test]
fn add_form_with_an_error_100x30() {
    let s = screen(&add_form_with_an_error(), 100, 30);
    assert!(
        s.contains("│›Points      4 "),
        "the focus is on the bad field"
    );
    assert!(s.contains("✗ 4 is not on the Fibonacci"));
    insta::assert_snapshot!("add_form_with_an_error_100x30", s);
}

#[test]
fn add_form_error_is_shown_in_full() {
    let error = "✗ 4 is not on the Fibonacci scale (0 1 2 3 5 8 13 21 34 55 89)";
    for (width, height) in [(80, 24), (100, 30), (160, 48)] {
        let s = screen(&add_form_with_an_error(), width, height);
        assert!(s.contains(error), "{width}×{height}:\n{s}");
    }
}

#[test]
fn help_100x40() {
    let mut app = app();
    press(&mut app, KeyCode::Char('?'));
    insta::assert_snapshot!("help_100x40", screen(&app, 100, 40));
}

#[test]
fn palette_with_a_query_100x30() {
    let mut app = app();
    press(&mut app, KeyCode::Char(':'));
    type_keys(&mut app, "move");
    insta::assert_snapshot!("palette_with_a_query_100x30", screen(&app, 100, 30));
}

#[test]
fn filter_being_typed_120x30() {
    let mut app = app();
    press(&mut app, KeyCode::Char('/'));
    type_keys(&mut app, "kind:bug");
    assert!(matches!(app.mode, Mode::Filter(_)), "still typing");
    insta::assert_snapshot!("filter_being_typed_120x30", screen(&app, 120, 30));
}

#[test]
fn read_only_banner_100x24() {
    let mut app = app();
    app.set_read_only();
    let s = screen(&app, 100, 24);
    assert!(s.lines().nth(1).is_some_and(|l| l.contains("READ-ONLY")));
    insta::assert_snapshot!("read_only_banner_100x24", s);
}

#[test]
fn too_small_50x12() {
    insta::assert_snapshot!("too_small_50x12", screen(&app(), 50, 12));
}

#[test]
fn backlog_without_colour_80x24() {
    let mut app = app();
    app.color = false;
    let buffer = render(&app, 80, 24);
    let s = text(&buffer);
    assert_eq!(
        s,
        screen(&self::app(), 80, 24),
        "the same text as in colour"
    );
    // Without colour nothing is coloured, and the selected row is shown in reverse.
    assert!(
        buffer
            .content
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
        "no colour at all"
    );
    let width = usize::from(buffer.area.width);
    let row = selected_row(&s);
    let marker = &buffer.content[row * width + 1];
    assert_eq!(marker.symbol(), "›");
    assert!(marker.modifier.contains(Modifier::REVERSED));
    insta::assert_snapshot!("backlog_without_colour_80x24", s);
}
