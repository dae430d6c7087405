//! A new, empty board (issue 13, point 1): every pane at 80x24 says what to press to begin, with
//! the keys of the keymap (a rebound key is named); the sample says "sample board" in the header
//! until it is renamed; the settings form and its key-change question fit at 80x24.

use crate::common;

use cairn::app::{Action, App, Pane};
use cairn::commands::sample_board;
use cairn::model::Board;
use common::keys::press_keys;
use common::screen::screen;
use jiff::civil::{Date, date};

const TODAY: Date = date(2026, 11, 28);

fn empty() -> App {
    App::new(Board::new("Payments", "PAY"), "b.ron", TODAY)
}

#[test]
fn every_pane_of_an_empty_board_says_what_to_press_at_80x24() {
    let mut a = empty();
    for (name, go, says) in [
        ("backlog", Action::ShowBacklog, "a add an item"),
        ("sprint", Action::ShowSprint, "n plan a sprint"),
        ("timeline", Action::ShowTimeline, "a add a milestone"),
        (
            "stakeholders",
            Action::ShowStakeholders,
            "a add a stakeholder",
        ),
    ] {
        a.update(go);
        let s = screen(&a, 80, 24);
        assert!(s.contains("Getting started"), "{name}:\n{s}");
        assert!(s.contains(says), "{name}:\n{s}");
        assert!(
            s.contains(": then \"project settings\"") || s.contains(", opens the project settings"),
            "{name}:\n{s}"
        );
        insta::assert_snapshot!(format!("empty_{name}_80x24"), s);
    }
    // The other screens of the panes say what to press in their own words (no box over them).
    for (name, go) in [
        ("budget", Action::Budget),
        ("risks", Action::Risks),
        ("grid", Action::GridView),
        ("notes", Action::NoteTimeline),
    ] {
        if name == "grid" || name == "risks" {
            a.update(Action::Cancel);
        }
        a.update(go);
        let s = screen(&a, 80, 24);
        assert!(!s.contains("Getting started"), "{name}:\n{s}");
        insta::assert_snapshot!(format!("empty_{name}_80x24"), s);
    }
}

#[test]
fn the_getting_started_box_names_rebound_keys_and_ticks_what_is_done() {
    let mut a = empty();
    // Add an item: the backlog box goes, the others tick it.
    a.update(Action::AddItem);
    press_keys(&mut a, "First story");
    a.update(Action::Confirm);
    let s = screen(&a, 80, 24);
    assert!(!s.contains("Getting started"), "{s}");
    a.update(Action::ShowSprint);
    let s = screen(&a, 80, 24);
    assert!(s.contains("✓ 1 Backlog"), "{s}");
    assert!(s.contains("▸ 2 Sprint"), "{s}");

    // A rebound key is the one named.
    let mut sprint = std::collections::BTreeMap::new();
    sprint.insert("N".to_string(), "new_sprint".to_string());
    sprint.insert("n".to_string(), "none".to_string());
    let mut keys = std::collections::BTreeMap::new();
    keys.insert("sprint".to_string(), sprint);
    let problems = a.keymap.rebind(&keys);
    assert!(problems.is_empty(), "{problems:?}");
    let s = screen(&a, 80, 24);
    assert!(s.contains("N plan a sprint"), "{s}");
    assert!(s.contains("N plans one"), "{s}");
}

#[test]
fn the_sample_says_so_in_the_header_until_it_is_renamed() {
    let mut a = App::new(sample_board(TODAY), "b.ron", TODAY);
    a.run.sample = Some("Checkout".into());
    for (w, h) in [(80, 24), (120, 40)] {
        let s = screen(&a, w, h);
        let header = s.lines().next().unwrap_or_default().to_string();
        assert!(header.contains("sample board"), "{w}x{h}: {header}");
        insta::assert_snapshot!(format!("sample_header_{w}x{h}"), header);
    }
    let mut renamed = a.doc.board.project.clone();
    renamed.name = "Payments".into();
    a.update(Action::ProjectSettings);
    press_keys(&mut a, "Payments");
    a.update(Action::Confirm);
    assert_eq!(a.doc.board.project, renamed);
    let s = screen(&a, 120, 40);
    assert!(
        !s.lines()
            .next()
            .unwrap_or_default()
            .contains("sample board"),
        "{s}"
    );
    // Undo brings the name back, and the mark with it.
    a.update(Action::Undo);
    assert!(
        screen(&a, 120, 40)
            .lines()
            .next()
            .unwrap_or_default()
            .contains("sample board")
    );
}

#[test]
fn the_settings_form_and_the_key_question_fit_at_80x24() {
    let mut a = App::new(sample_board(TODAY), "b.ron", TODAY);
    a.update(Action::ShowTimeline);
    a.update(Action::ProjectSettings);
    assert_eq!(a.pane, Pane::Timeline);
    insta::assert_snapshot!("settings_form_80x24", screen(&a, 80, 24));
    insta::assert_snapshot!("settings_form_120x40", screen(&a, 120, 40));
    a.update(Action::NextField);
    press_keys(&mut a, "PAY");
    a.update(Action::Confirm);
    insta::assert_snapshot!("settings_key_question_80x24", screen(&a, 80, 24));
}
