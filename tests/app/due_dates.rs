//! Issue 13, point 7: optional due dates on items. Set in the item form (any date the forms
//! understand), shown in the backlog, the details and on sprint cards when near or past, listed in
//! the report; undoable, saved and loaded as they were, moved with the sample's dates.

use crate::common::screen::screen;
use cairn::app::{Action, App, Effect, Mode};
use cairn::commands::sample_board;
use cairn::model::{Board, ItemId};
use jiff::civil::{Date, date};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const TODAY: Date = date(2026, 12, 1);

fn app() -> App {
    App::new(sample_board(TODAY), "b.ron", TODAY)
}

fn status(app: &App) -> &str {
    app.run.status.as_ref().map_or("", |s| s.text.as_str())
}

fn key(app: &App, k: &str) -> ItemId {
    app.doc.board.parse_item_key(k).expect("on the sample")
}

/// Opens the edit form of `item`, replaces its Due field with `text` and presses Enter.
fn set_due(app: &mut App, item: ItemId, text: &str) -> Vec<Effect> {
    app.update(Action::GoToItem(item));
    app.update(Action::EditItem);
    for _ in 0..20 {
        let Mode::Form(f) = &app.mode else {
            panic!("the item form is open")
        };
        if f.fields[f.focus].id.label() == "Due" {
            break;
        }
        app.update(Action::NextField);
    }
    // Clear what is there, then type.
    app.update(Action::Type(KeyEvent::new(
        KeyCode::Char('u'),
        KeyModifiers::CONTROL,
    )));
    for c in text.chars() {
        app.update(Action::Type(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
    app.update(Action::Confirm)
}

#[test]
fn a_due_date_is_set_in_the_form_undone_and_saved_as_it_was() {
    let mut app = app();
    let id = key(&app, "CRN-30");
    let before = app.doc.board.clone();
    assert_eq!(set_due(&mut app, id, "+3d"), vec![Effect::Changed]);
    assert_eq!(
        app.doc.board.item(id).and_then(|i| i.due),
        Some(date(2026, 12, 4))
    );
    // Saved and loaded back as it was.
    let text = cairn::store::to_ron(&app.doc.board).expect("serialises");
    assert!(
        text.contains("due: Some(\"2026-12-04\")"),
        "kept in the file"
    );
    let back: Board = cairn::store::from_ron(&text, std::path::Path::new("b.ron")).expect("loads");
    assert!(back == app.doc.board);
    app.update(Action::Undo);
    assert!(app.doc.board == before, "undo takes the date away");
    // An ISO date, and empty for none.
    set_due(&mut app, id, "2027-01-15");
    assert_eq!(
        app.doc.board.item(id).and_then(|i| i.due),
        Some(date(2027, 1, 15))
    );
    set_due(&mut app, id, "");
    assert_eq!(app.doc.board.item(id).and_then(|i| i.due), None);
}

#[test]
fn a_bad_due_date_is_said_beside_the_field_and_changes_nothing() {
    let mut app = app();
    let id = key(&app, "CRN-30");
    let before = app.doc.board.clone();
    assert_eq!(set_due(&mut app, id, "soonish"), vec![]);
    let Mode::Form(f) = &app.mode else {
        panic!("the form stays open")
    };
    let due = f
        .fields
        .iter()
        .find(|f| f.id.label() == "Due")
        .expect("a Due field");
    assert!(
        due.error
            .as_deref()
            .is_some_and(|e| e.contains("\"soonish\" is not a date")),
        "{:?}",
        due.error
    );
    assert!(app.doc.board == before);
    let _ = status(&app);
}

#[test]
fn near_and_past_due_dates_show_in_the_backlog_details_and_cards() {
    let mut b = sample_board(TODAY);
    let soon = b.parse_item_key("CRN-25").expect("a card in To do");
    let late = b.parse_item_key("CRN-30").expect("a backlog item");
    let done = b.parse_item_key("CRN-17").expect("a done card");
    let later = b.parse_item_key("CRN-31").expect("a backlog item");
    for (id, due) in [
        (soon, date(2026, 12, 4)),
        (late, date(2026, 11, 29)),
        (done, date(2026, 11, 20)),
        (later, date(2027, 2, 1)),
    ] {
        let i = b.items.iter_mut().find(|i| i.id == id).expect("there");
        std::sync::Arc::make_mut(i).due = Some(due);
    }
    let mut app = App::new(b, "b.ron", TODAY);
    let s = screen(&app, 120, 40);
    assert!(s.contains("[due 3d] Load test"), "{s}");
    assert!(s.contains("[2d late] Screen readers"), "{s}");
    assert!(
        !s.contains("] Refund an order"),
        "a done item is not flagged:\n{s}"
    );
    assert!(
        !s.contains("] Pay by iDEAL"),
        "a date two months out is not flagged:\n{s}"
    );
    // Details and the facts line say it in words.
    app.update(Action::GoToItem(late));
    app.update(Action::Details);
    let s = screen(&app, 80, 24);
    assert!(s.contains("2 days overdue"), "{s}");
    app.update(Action::Details);
    app.update(Action::GoToItem(later));
    app.update(Action::Details);
    let s = screen(&app, 120, 40);
    assert!(s.contains("Due") && s.contains("2027-02-01"), "{s}");
    // The sprint card.
    app.update(Action::Cancel);
    app.update(Action::ShowSprint);
    let s = screen(&app, 120, 40);
    assert!(s.contains("2p · 12d · due 3d"), "{s}");
}

#[test]
fn the_report_lists_what_is_due_soon_or_overdue() {
    let mut b = sample_board(TODAY);
    let late = b.parse_item_key("CRN-30").expect("a backlog item");
    let i = b.items.iter_mut().find(|i| i.id == late).expect("there");
    std::sync::Arc::make_mut(i).due = Some(date(2026, 11, 29));
    let report = cairn::io::report::status_report(&b, TODAY);
    assert!(report.contains("## Due soon or overdue"), "{report}");
    assert!(
        report.contains("- CRN-30 Screen readers do not announce payment errors — 2 days overdue (due 2026-11-29) **at risk**"),
        "{report}"
    );
    // Nothing due: no section.
    let quiet = cairn::io::report::status_report(&sample_board(TODAY), TODAY);
    assert!(!quiet.contains("Due soon"));
}

#[test]
fn due_dates_move_with_the_sample_and_bad_ones_are_refused_on_load() {
    let mut b = sample_board(TODAY);
    let id = b.items[0].id;
    std::sync::Arc::make_mut(&mut b.items[0]).due = Some(date(2026, 12, 10));
    b.shift_dates(7);
    assert_eq!(b.item(id).and_then(|i| i.due), Some(date(2026, 12, 17)));
    // A due date out of the years cairn keeps is a problem the load reports.
    std::sync::Arc::make_mut(&mut b.items[0]).due = Some(date(900, 10, 14));
    let problems = b.validate();
    assert!(
        problems
            .iter()
            .any(|p| p.to_string().contains("the due date")),
        "{problems:?}"
    );
}
