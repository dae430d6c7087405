//! Issue 13, point 6: links between backlog items. `B` picks what an item waits on (blocked by),
//! `r` what it relates to (kept on both sides), `o` goes to them in turn. Shown in the details, on
//! the sprint card and at the standup; a link to itself or a cycle of "blocked by" is refused;
//! links survive delete and undo, save and load.

use crate::common::screen::screen;
use cairn::app::{Action, App, Effect, Mode};
use cairn::commands::sample_board;
use cairn::model::{Board, ItemId};
use jiff::civil::{Date, date};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;

const TODAY: Date = date(2026, 12, 1);

fn app() -> App {
    App::new(sample_board(TODAY), "b.ron", TODAY)
}

fn id(app: &App, k: &str) -> ItemId {
    app.doc.board.parse_item_key(k).expect("on the sample")
}

fn status(app: &App) -> String {
    app.run
        .status
        .as_ref()
        .map_or(String::new(), |s| s.text.clone())
}

/// Opens the picker with `open` on `item`, ticks each key in `keys` (found by search) and confirms.
fn pick(app: &mut App, item: &str, open: Action, keys: &[&str]) -> Vec<Effect> {
    let item = id(app, item);
    app.update(Action::GoToItem(item));
    app.update(open);
    for k in keys {
        for c in k.chars() {
            app.update(Action::Type(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            )));
        }
        {
            let Mode::Picker(p) = &app.mode else {
                panic!("the picker is open")
            };
            let first = &p.choices[p.shown[p.cursor]];
            assert!(
                first.label.starts_with(&format!("{k} ")),
                "{k} is first: {}",
                first.label
            );
        }
        app.update(Action::Check);
        for _ in 0..k.len() {
            app.update(Action::Type(KeyEvent::new(
                KeyCode::Backspace,
                KeyModifiers::NONE,
            )));
        }
    }
    app.update(Action::Confirm)
}

fn waits(b: &Board, k: &str) -> Vec<String> {
    let it = b.item(b.parse_item_key(k).expect("key")).expect("item");
    it.blocked_by.iter().map(|i| b.item_key(*i)).collect()
}

fn related(b: &Board, k: &str) -> Vec<String> {
    let it = b.item(b.parse_item_key(k).expect("key")).expect("item");
    it.relates_to.iter().map(|i| b.item_key(*i)).collect()
}

#[test]
fn blocked_by_is_picked_shown_on_both_sides_and_undone() {
    let mut app = app();
    let before = app.doc.board.clone();
    assert_eq!(
        pick(&mut app, "CRN-30", Action::BlockedBy, &["CRN-23"]),
        vec![Effect::Changed]
    );
    assert_eq!(waits(&app.doc.board, "CRN-30"), ["CRN-23"]);
    assert_eq!(status(&app), "CRN-30 waits on CRN-23");
    app.update(Action::Details);
    let s = screen(&app, 120, 40);
    assert!(s.contains("Waits on   CRN-23"), "{s}");
    app.update(Action::GoToItem(id(&app, "CRN-23")));
    let s = screen(&app, 120, 40);
    assert!(s.contains("Blocks     CRN-30"), "{s}");
    // The same through the runner's frame, which reads the reverse links from their index.
    let s = crate::common::screen::text(&crate::common::screen::render_into(&mut app, 120, 40));
    assert!(s.contains("Blocks     CRN-30"), "{s}");
    app.update(Action::Undo);
    app.update(Action::GoToItem(id(&app, "CRN-23")));
    let s = crate::common::screen::text(&crate::common::screen::render_into(&mut app, 120, 40));
    assert!(
        s.contains("CRN-23") && !s.contains("Blocks     CRN-30"),
        "the index follows the board:\n{s}"
    );
    app.update(Action::Redo);
    // Saved and loaded as it was.
    let text = cairn::store::to_ron(&app.doc.board).expect("serialises");
    let back = cairn::store::from_ron(&text, std::path::Path::new("b.ron")).expect("loads");
    assert!(back == app.doc.board);
    app.update(Action::Undo);
    assert!(app.doc.board == before);
}

#[test]
fn a_cycle_of_blocked_by_is_refused_and_changes_nothing() {
    let mut app = app();
    pick(&mut app, "CRN-30", Action::BlockedBy, &["CRN-23"]);
    pick(&mut app, "CRN-23", Action::BlockedBy, &["CRN-31"]);
    let before = app.doc.board.clone();
    // CRN-31 → CRN-30 would close CRN-30 → CRN-23 → CRN-31 → CRN-30.
    assert_eq!(
        pick(&mut app, "CRN-31", Action::BlockedBy, &["CRN-30"]),
        vec![]
    );
    assert!(app.doc.board == before);
    assert!(
        status(&app)
            .contains("CRN-30 already waits on CRN-31: blocking it by CRN-30 would make a cycle"),
        "{}",
        status(&app)
    );
    // On load too: a cycle written by hand is a problem the check names.
    let mut b = before.clone();
    let i = b
        .items
        .iter_mut()
        .find(|i| i.id == id(&app, "CRN-31"))
        .expect("there");
    Arc::make_mut(i).blocked_by.push(id(&app, "CRN-30"));
    let i = b
        .items
        .iter_mut()
        .find(|i| i.id == id(&app, "CRN-29"))
        .expect("there");
    let self_id = i.id;
    Arc::make_mut(i).relates_to.push(self_id);
    let problems: Vec<String> = b.validate().iter().map(|p| p.to_string()).collect();
    assert!(
        problems
            .iter()
            .any(|p| p.contains("comes back to it (a cycle)")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("CRN-29") && p.contains("related to itself")),
        "{problems:?}"
    );
}

#[test]
fn related_is_kept_on_both_sides_and_survives_delete_and_undo() {
    let mut app = app();
    assert_eq!(
        pick(
            &mut app,
            "CRN-30",
            Action::RelatedItems,
            &["CRN-31", "CRN-29"]
        ),
        vec![Effect::Changed]
    );
    let b = &app.doc.board;
    // In rank order, as the picker lists them.
    assert_eq!(related(b, "CRN-30"), ["CRN-29", "CRN-31"]);
    assert_eq!(related(b, "CRN-31"), ["CRN-30"]);
    assert_eq!(related(b, "CRN-29"), ["CRN-30"]);
    // Unticking one takes it off the other side too.
    pick(&mut app, "CRN-30", Action::RelatedItems, &["CRN-29"]);
    assert_eq!(related(&app.doc.board, "CRN-30"), ["CRN-31"]);
    assert!(related(&app.doc.board, "CRN-29").is_empty());
    // Deleting CRN-31 takes its links with it; undo brings them back.
    let linked = app.doc.board.clone();
    app.update(Action::GoToItem(id(&app, "CRN-31")));
    app.update(Action::DeleteItem);
    assert!(related(&app.doc.board, "CRN-30").is_empty());
    assert_eq!(app.doc.board.validate(), vec![]);
    app.update(Action::Undo);
    assert!(app.doc.board == linked);
}

#[test]
fn o_goes_to_each_linked_item_in_turn() {
    let mut app = app();
    pick(&mut app, "CRN-30", Action::BlockedBy, &["CRN-23"]);
    pick(&mut app, "CRN-30", Action::RelatedItems, &["CRN-31"]);
    app.update(Action::GoToItem(id(&app, "CRN-30")));
    app.update(Action::FollowLink);
    assert_eq!(app.backlog.selected, Some(id(&app, "CRN-23")));
    assert_eq!(
        status(&app),
        "CRN-30 waits on CRN-23 (1 of 2; o again: the next)"
    );
    app.update(Action::FollowLink);
    assert_eq!(app.backlog.selected, Some(id(&app, "CRN-31")));
    app.update(Action::FollowLink);
    assert_eq!(
        app.backlog.selected,
        Some(id(&app, "CRN-23")),
        "round again"
    );
    // An item without links says how to make one.
    app.update(Action::GoToItem(id(&app, "CRN-29")));
    app.update(Action::FollowLink);
    assert!(status(&app).contains("has no links: B picks what it waits on, r what it relates to"));
}

#[test]
fn a_card_waiting_on_open_work_says_so_on_the_board_and_at_the_standup() {
    let mut app = app();
    pick(&mut app, "CRN-25", Action::BlockedBy, &["CRN-30"]);
    app.update(Action::ShowSprint);
    let s = screen(&app, 120, 40);
    assert!(s.contains("⛔ by CRN-30"), "{s}");
    app.update(Action::Standup);
    let mut seen = false;
    for _ in 0..12 {
        let s = screen(&app, 120, 40);
        if s.contains("⛔ waits on CRN-30") {
            seen = true;
            break;
        }
        app.update(Action::Down);
    }
    assert!(seen, "the standup names the open blocker");
}

/// An open item of a milestone's work that waits on open work outside it: the forecast counts
/// the milestone's points, not the blocker's, so the details say so (and the report, by the same
/// words).
#[test]
fn a_milestone_whose_work_waits_on_open_work_says_so_in_its_forecast_details() {
    let mut app = app();
    let board = &app.doc.board;
    let work = cairn::model::forecast::Work::of(board);
    let (entry, item) = board
        .timeline
        .iter()
        .filter(|e| e.kind.is_point())
        .find_map(|e| {
            let open = work
                .expand(&e.items)
                .into_iter()
                .find(|i| board.item(*i).is_some_and(|x| !board.is_done(x)))?;
            Some((e.id, open))
        })
        .expect("a milestone with open work on the sample");
    let inside = work.expand(&board.entry(entry).unwrap().items);
    let outside = board
        .items
        .iter()
        .find(|i| {
            !board.is_done(i) && !inside.contains(&i.id) && i.kind != cairn::model::ItemKind::Epic
        })
        .map(|i| i.id)
        .expect("open work outside the milestone");
    let (item_key, outside_key) = (board.item_key(item), board.item_key(outside));
    let name = board.entry(entry).unwrap().name.clone();
    app.update(Action::ShowTimeline);
    app.update(Action::GoToEntry(entry));
    app.update(Action::Details);
    let before = screen(&app, 200, 60);
    assert!(
        before.contains("Details —"),
        "the details are open:\n{before}"
    );
    assert!(!before.contains("waits on"), "nothing waits yet:\n{before}");

    pick(&mut app, &item_key, Action::BlockedBy, &[&outside_key]);
    app.update(Action::ShowTimeline);
    app.update(Action::GoToEntry(entry));
    let after = screen(&app, 200, 60);
    assert!(
        after.contains("Details —"),
        "the details stay open:\n{after}"
    );
    let line = after
        .lines()
        .find(|l| l.contains("Blocked"))
        .unwrap_or_else(|| panic!("a Blocked line in the details of {name}:\n{after}"));
    assert!(
        line.contains(&format!(
            "⛔ {item_key} waits on {outside_key} · {outside_key} is outside this work, not in its forecast"
        )),
        "{line}"
    );

    // The report says it in the same words; once the blocker is done, neither does.
    let report = cairn::io::report::status_report(&app.doc.board, TODAY);
    assert!(report.contains("Blocked by open work"), "{report}");
    assert!(
        report.contains(&format!("{item_key} waits on {outside_key}")),
        "{report}"
    );
    app.update(Action::Undo);
    let report = cairn::io::report::status_report(&app.doc.board, TODAY);
    assert!(
        !report.contains(&format!("{item_key} waits on")),
        "{report}"
    );
}
