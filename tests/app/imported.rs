//! A board imported from Jira: the priority column in the backlog at every width, the source key
//! and the priority in the details, and `priority:` in the filter.

use crate::common;

use cairn::app::Action;
use cairn::app::App;
use cairn::model::Board;
use common::keys::{press, press_keys};
use common::screen::screen;
use jiff::civil::{Date, date};
use ratatui::crossterm::event::KeyCode;

const TODAY: Date = date(2026, 11, 29);

/// An empty board with the sample Jira Cloud export imported (as `cairn import csv` does).
fn app() -> App {
    let mut board = Board::new("Payments", "PM");
    let csv = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/jira-cloud.csv"
    ))
    .expect("the sample export");
    let plan = cairn::io::csv::plan_import(&board, &csv, TODAY).expect("reads");
    assert!(plan.skipped.is_empty(), "{:?}", plan.skipped);
    board.apply(plan.edit).expect("applies");
    App::new(board, "b.ron", TODAY)
}

#[test]
fn the_backlog_shows_each_priority_at_every_width() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let s = screen(&app(), w, h);
        let header = s.lines().find(|l| l.contains("Title")).expect("a header");
        assert!(header.contains("Pri"), "{w}x{h}: {header}");
        let row = s
            .lines()
            .find(|l| l.contains("Apple Pay on the web"))
            .expect("the row");
        assert!(row.contains('⇊'), "Lowest at {w}x{h}: {row}");
        insta::assert_snapshot!(format!("imported_backlog_{w}x{h}"), s);
    }
}

#[test]
fn a_board_without_priorities_has_no_priority_column() {
    let app = App::new(cairn::commands::sample_board(TODAY), "b.ron", TODAY);
    let s = screen(&app, 80, 24);
    assert!(!s.contains("Pri "), "{s}");
}

#[test]
fn the_details_say_where_an_item_came_from_and_its_priority() {
    let mut app = app();
    press(&mut app, KeyCode::Enter);
    assert!(app.backlog.details);
    let s = screen(&app, 100, 30);
    assert!(s.contains("From       Jira PAY-12"), "{s}");
    assert!(s.contains("Priority   High"), "{s}");
    insta::assert_snapshot!("imported_details_100x30", s);
}

#[test]
fn the_filter_takes_a_priority() {
    let mut app = app();
    let open = app.keymap.hint(&Action::Filter);
    assert!(!open.is_empty());
    press_keys(&mut app, "/priority:highest");
    press(&mut app, KeyCode::Enter);
    let s = screen(&app, 120, 40);
    assert!(s.contains("Refund fails for amounts over"), "{s}");
    assert!(!s.contains("Pay by saved card"), "{s}");
}
