//! The sprint standup on the sample board of 2026-12-01 (issue 12, points 8 and 28): every card of
//! a person is reachable and acted on, each walk counts its own stops, everyone with a card in the
//! sprint gets a turn, durations read as m:ss, and the screen names the standup's own keys, cut at
//! whole hints, with the room it has.
//!
//! Sprint 23, right to left (Done skipped): CRN-21 Ana (Review), CRN-19 Priya (Review), CRN-22
//! Tomasz (Doing), CRN-23 Ana (Doing, blocked), CRN-25 Jonas (To do). Léa Moreau has only Done cards
//! (CRN-26, CRN-16).

use crate::common;

use cairn::app::{Action, App, Effect};
use cairn::commands::sample_board;
use cairn::model::ItemId;
use common::keys::press;
use common::screen::screen;
use jiff::civil::{Date, date};
use ratatui::crossterm::event::KeyCode;
use std::collections::BTreeMap;
use std::time::Duration;

/// The standup's footer hints, most needed first.
const HINTS: [&str; 6] = [
    "Space next",
    "j/k card",
    "x blocked",
    "H/L move",
    "Esc end",
    "p by person",
];

const TODAY: Date = date(2026, 12, 1);

/// The sample board with the standup running (`2`, then `S`).
fn standup() -> App {
    let mut app = App::new(sample_board(TODAY), "b.ron", TODAY);
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('S'));
    assert!(app.sprint.standup().is_some(), "the standup runs");
    app
}

fn key(app: &mut App, c: char) {
    press(app, KeyCode::Char(c));
}

fn id(app: &App, key: &str) -> ItemId {
    app.doc
        .board
        .items
        .iter()
        .find(|i| app.doc.board.item_key(i.id) == key)
        .map(|i| i.id)
        .unwrap_or_else(|| panic!("{key} is on the sample board"))
}

fn selected_key(app: &App) -> String {
    app.selected_card()
        .map(|c| app.doc.board.item_key(c))
        .unwrap_or_default()
}

/// The lines of the screen holding `what`.
fn lines_with<'a>(screen: &'a str, what: &str) -> Vec<&'a str> {
    screen.lines().filter(|l| l.contains(what)).collect()
}

/// The ticked stops on screen (the status bar's `✓ saved` is not one).
fn ticks(screen: &str) -> usize {
    screen
        .lines()
        .filter(|l| l.contains('✓') && !l.contains("✓ saved"))
        .count()
}

/// Person by person, j reaches Ana's second card (and only then the next person); `›` marks only
/// the selected card; x, H and L act on the card j chose.
#[test]
fn every_card_of_a_person_is_reachable_and_acted_on() {
    let mut app = standup();
    key(&mut app, 'p');
    let s = app.sprint.standup().expect("standup");
    assert_eq!(s.current().map(|s| s.person.as_str()), Some("Ana Ribeiro"));
    assert_eq!(selected_key(&app), "CRN-21");

    key(&mut app, 'j');
    assert_eq!(
        app.sprint
            .standup()
            .and_then(|s| s.current())
            .map(|s| s.person.as_str()),
        Some("Ana Ribeiro"),
        "j stays with Ana for her second card"
    );
    assert_eq!(selected_key(&app), "CRN-23");
    let text = screen(&app, 120, 40);
    let marked: Vec<&str> = lines_with(&text, "› CRN-");
    assert_eq!(marked.len(), 1, "one card marked:\n{text}");
    assert!(marked[0].contains("CRN-23"), "{text}");

    // x on CRN-23 (blocked) unblocks CRN-23, not CRN-21.
    key(&mut app, 'x');
    let crn23 = id(&app, "CRN-23");
    let crn21 = id(&app, "CRN-21");
    assert!(!app.doc.board.item(crn23).expect("card").is_blocked());
    assert!(app.doc.board.item(crn21).expect("card").blocked.is_none());
    // H moves CRN-23 back to To do; the walk keeps it selected.
    key(&mut app, 'H');
    assert_eq!(app.doc.board.item(crn23).expect("card").status, "To do");
    assert_eq!(app.doc.board.item(crn21).expect("card").status, "Review");
    assert_eq!(selected_key(&app), "CRN-23");

    // k goes back to CRN-21; j past her last card (CRN-17, done) goes on to the next person.
    key(&mut app, 'k');
    assert_eq!(selected_key(&app), "CRN-21");
    key(&mut app, 'j');
    key(&mut app, 'j');
    assert_eq!(selected_key(&app), "CRN-17");
    key(&mut app, 'j');
    let s = app.sprint.standup().expect("standup");
    assert_eq!(s.at, 1);
    assert_ne!(s.current().map(|s| s.person.as_str()), Some("Ana Ribeiro"));
    // And k from the next person's first card goes back to Ana's last.
    key(&mut app, 'k');
    assert_eq!(selected_key(&app), "CRN-17");
}

/// Ticks belong to the walk that made them: two stops right to left, then person by person shows
/// `0 of 5 stops` and no tick; back to right to left, its two ticks and its place are kept.
#[test]
fn each_walk_counts_its_own_stops() {
    let mut app = standup();
    key(&mut app, ' ');
    key(&mut app, ' ');
    let text = screen(&app, 120, 40);
    assert!(text.contains("2 of 5 stops"), "{text}");
    assert_eq!(ticks(&text), 2, "{text}");

    key(&mut app, 'p');
    let text = screen(&app, 120, 40);
    assert!(text.contains("0 of 5 stops"), "{text}");
    assert_eq!(ticks(&text), 0, "no tick carried over:\n{text}");
    key(&mut app, ' ');
    let text = screen(&app, 120, 40);
    assert!(text.contains("1 of 5 stops"), "{text}");
    assert_eq!(ticks(&text), 1, "{text}");

    key(&mut app, 'p');
    let text = screen(&app, 120, 40);
    assert!(
        text.contains("2 of 5 stops"),
        "the walk is where it was left:\n{text}"
    );
    assert_eq!(selected_key(&app), "CRN-22", "its third stop");
    // j and k look around without ticking: the count says what was talked about.
    key(&mut app, 'j');
    let text = screen(&app, 120, 40);
    assert!(text.contains("2 of 5 stops"), "{text}");
}

/// Everyone with a card in the sprint has a turn, Léa (all her cards done) too; her cards show and
/// can be selected.
#[test]
fn everyone_with_a_card_in_the_sprint_gets_a_turn() {
    let mut app = standup();
    key(&mut app, 'p');
    let sprint = app.doc.board.active_sprint().expect("an active sprint").id;
    let mut assignees: Vec<String> = app
        .doc
        .board
        .sprint_items(sprint)
        .map(|i| i.assignee.clone())
        .collect();
    assignees.sort();
    assignees.dedup();
    let s = app.sprint.standup().expect("standup");
    let mut people: Vec<String> = s.stops.iter().map(|s| s.person.clone()).collect();
    people.sort();
    assert_eq!(people, assignees);
    assert!(people.iter().any(|p| p == "Léa Moreau"));
    let cards: usize = s.stops.iter().map(|s| s.cards.len()).sum();
    assert_eq!(
        cards,
        app.doc.board.sprint_items(sprint).count(),
        "every card"
    );

    // Ana's open cards come before her done one: x and L act on work in progress first.
    assert_eq!(selected_key(&app), "CRN-21");
    let ana = &s.stops[0];
    assert_eq!(
        ana.cards
            .iter()
            .map(|c| app.doc.board.item_key(*c))
            .collect::<Vec<_>>(),
        ["CRN-21", "CRN-23", "CRN-17"]
    );
    while app
        .sprint
        .standup()
        .and_then(|s| s.current())
        .is_some_and(|s| s.person != "Léa Moreau")
    {
        key(&mut app, ' ');
    }
    let text = screen(&app, 80, 24);
    assert!(text.contains("Now: Léa Moreau"), "{text}");
    assert!(text.contains("CRN-26"), "{text}");
}

/// The standup's timers redraw the screen once a second, when a figure they show changes, and not
/// on every tick: a tick within the same second asks for no frame.
#[test]
fn the_standup_timer_asks_for_a_frame_once_a_second() {
    let mut app = App::new(sample_board(TODAY), "b.ron", TODAY);
    app.update(Action::Tick(Duration::from_millis(10_000)));
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('S'));
    assert!(app.sprint.standup().is_some());
    let tick = |app: &mut App, ms: u64| app.update(Action::Tick(Duration::from_millis(ms)));
    assert_eq!(tick(&mut app, 10_250), vec![], "0:00 still");
    assert_eq!(tick(&mut app, 10_500), vec![], "0:00 still");
    assert_eq!(tick(&mut app, 11_000), vec![Effect::Redraw], "0:01");
    assert_eq!(tick(&mut app, 11_750), vec![], "0:01 still");
    // The next stop's own timer starts at 0:00 in the middle of a second; it too is redrawn when
    // its figure changes.
    key(&mut app, ' ');
    assert_eq!(tick(&mut app, 12_000), vec![Effect::Redraw], "0:02 in all");
    assert_eq!(
        tick(&mut app, 12_750),
        vec![Effect::Redraw],
        "0:01 at this stop"
    );
}

/// 65 seconds read `1:05`, in the summary on screen and in the message the standup leaves.
#[test]
fn durations_read_as_minutes_and_seconds() {
    let mut app = App::new(sample_board(TODAY), "b.ron", TODAY);
    app.update(Action::Tick(Duration::from_secs(10)));
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('S'));
    app.update(Action::Tick(Duration::from_secs(75)));
    for _ in 0..5 {
        key(&mut app, ' ');
    }
    let s = app.sprint.standup().expect("standup");
    assert!(s.finished);
    let summary = s.summary(&app).join("\n");
    assert!(summary.contains("1:05"), "{summary}");
    assert!(!summary.contains("min"), "{summary}");
    let text = screen(&app, 80, 24);
    assert!(text.contains("1:05"), "{text}");
    app.update(Action::Cancel);
    let status = app
        .run
        .status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.contains("1:05"), "{status}");
    assert!(!status.contains("2 min"), "{status}");
    assert!(status.contains("Discussed 5 cards"), "{status}");
}

/// The footer names the standup's keys from its own context (rebound, the footer follows) and not
/// the board's (no burndown, no close); hints are cut whole at 80 columns, in the footer and on the
/// screen: every phrase on one line.
#[test]
fn the_footer_and_the_screen_name_the_standups_keys_whole() {
    let app = standup();
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let text = screen(&app, w, h);
        let footer = text.lines().last().unwrap_or_default();
        for hint in &HINTS[..4] {
            assert!(footer.contains(hint), "{hint:?} at {w}:\n{text}");
        }
        for board in ["burndown", "close", "help"] {
            assert!(!footer.contains(board), "{board:?} at {w}:\n{text}");
        }
        for phrase in [
            "x flag blocked",
            "H/L move the card",
            "Space next",
            "j/k card",
        ] {
            assert_eq!(
                lines_with(&text, phrase).len().min(1),
                1,
                "{phrase:?} whole on a line at {w}:\n{text}"
            );
        }
        assert!(
            !text.lines().any(|l| l.trim_end().ends_with("· Space")),
            "no phrase cut at {w}:\n{text}"
        );
    }

    let mut rebound = App::new(sample_board(TODAY), "b.ron", TODAY);
    let mut keys: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    keys.entry("standup".into())
        .or_default()
        .insert("ctrl-n".into(), "standup_next".into());
    let problems = rebound.keymap.rebind(&keys);
    assert!(problems.is_empty(), "{problems:?}");
    press(&mut rebound, KeyCode::Char('2'));
    press(&mut rebound, KeyCode::Char('S'));
    let text = screen(&rebound, 120, 40);
    let footer = text.lines().last().unwrap_or_default();
    assert!(footer.contains("Ctrl-n next"), "{text}");
}

/// A footer with more hints than room keeps whole hints: at 80 columns with a long file name the
/// last hints go, none is cut.
#[test]
fn the_footer_drops_whole_hints_when_it_is_short_of_room() {
    let mut app = App::new(
        sample_board(TODAY),
        "a-board-with-a-rather-long-name.ron",
        TODAY,
    );
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('S'));
    let text = screen(&app, 80, 24);
    let footer = text.lines().last().unwrap_or_default();
    let all = HINTS.map(|h| footer.contains(h));
    assert!(all[0], "the first hint stays:\n{text}");
    assert!(!all[HINTS.len() - 1], "the last goes:\n{text}");
    let kept = all.iter().take_while(|k| **k).count();
    assert!(
        all[kept..].iter().all(|k| !k),
        "whole hints, in order:\n{text}"
    );
    assert!(footer.ends_with(HINTS[kept - 1]), "nothing cut:\n{text}");
}

/// The walk list uses the width: at 200 columns each stop shows its card's title, assignee and
/// points (right to left) or the person's cards and points (person by person); at 80 the key and
/// column always show.
#[test]
fn the_walk_list_uses_the_room_it_has() {
    let mut app = standup();
    let narrow = screen(&app, 80, 24);
    assert!(lines_with(&narrow, "CRN-19 Review").len() == 1, "{narrow}");
    let wide = screen(&app, 200, 60);
    let row = lines_with(&wide, "CRN-19");
    assert_eq!(row.len(), 1, "{wide}");
    for want in ["Review", "Priya Nair", "5 pts", "Apple Pay"] {
        assert!(row[0].contains(want), "{want:?}:\n{wide}");
    }
    key(&mut app, 'p');
    let wide = screen(&app, 200, 60);
    let ana = lines_with(&wide, "Ana Ribeiro (3 cards)");
    assert!(
        ana.iter()
            .any(|l| l.contains("CRN-21") && l.contains("8 pts open")),
        "{wide}"
    );
}

/// The standup at every size: right to left after one stop, person by person on Ana's second card,
/// and the summary at 80 columns.
#[test]
fn standup_snapshots() {
    let mut app = App::new(sample_board(TODAY), "b.ron", TODAY);
    app.update(Action::Tick(Duration::from_secs(10)));
    press(&mut app, KeyCode::Char('2'));
    press(&mut app, KeyCode::Char('S'));
    app.update(Action::Tick(Duration::from_secs(75)));
    key(&mut app, ' ');
    app.update(Action::Tick(Duration::from_secs(80)));
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        insta::assert_snapshot!(format!("standup_right_to_left_{w}x{h}"), screen(&app, w, h));
    }
    key(&mut app, 'p');
    key(&mut app, 'j');
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        insta::assert_snapshot!(format!("standup_by_person_{w}x{h}"), screen(&app, w, h));
    }
    key(&mut app, 'p');
    for _ in 0..4 {
        key(&mut app, ' ');
    }
    assert!(app.sprint.standup().is_some_and(|s| s.finished));
    insta::assert_snapshot!("standup_summary_80x24", screen(&app, 80, 24));
}
