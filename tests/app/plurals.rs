//! Issue 12, point 32: words agree with their numbers on every screen. A board with one of
//! everything (one item in the sprint of 1 point, one planned, one entry, one risk, one
//! stakeholder with one note) is drawn on every screen of every pane, and no screen says
//! `1 items`, `1 pts`, `(s)` or the like.

use crate::common::screen::screen;
use cairn::app::{Action, App};
use cairn::commands::sample_board;
use cairn::model::Board;
use jiff::civil::{Date, date};
use std::sync::Arc;

const TODAY: Date = date(2026, 12, 1);

fn one_of_everything() -> Board {
    let mut b = sample_board(TODAY);
    let active = b.active_sprint().expect("active").id;
    let planned = cairn::model::rules::next_planned(&b).expect("planned");
    let in_active = b
        .items
        .iter()
        .find(|i| i.sprint == Some(active))
        .expect("a card")
        .id;
    let in_planned = b
        .items
        .iter()
        .find(|i| i.sprint == Some(planned))
        .expect("planned")
        .id;
    let loose = b
        .items
        .iter()
        .find(|i| i.sprint.is_none() && !b.is_done(i) && i.kind != cairn::model::ItemKind::Epic)
        .expect("a backlog item")
        .id;
    b.items
        .retain(|i| [in_active, in_planned, loose].contains(&i.id));
    for i in &mut b.items {
        let i = Arc::make_mut(i);
        i.points = Some(1);
        i.parent = None;
        i.milestone = None;
        i.status = "Doing".into();
        i.blocked = None;
    }
    b.timeline.truncate(1);
    b.timeline[0].depends_on.clear();
    b.timeline[0].items = vec![in_active];
    b.risks.truncate(1);
    b.risks[0].entries.retain(|e| *e == b.timeline[0].id);
    b.risks[0].items.clear();
    b.stakeholders.truncate(1);
    b.stakeholders[0].notes.truncate(1);
    b.stakeholders[0].notes[0].entries.clear();
    b.stakeholders[0].notes[0].items.clear();
    for s in &mut b.sprints {
        s.capacity = 1;
    }
    assert_eq!(b.validate(), vec![], "a consistent board");
    b
}

/// Every screen's text, with what was asked for to reach it.
fn every_screen(app: &mut App) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let routes: &[(&str, &[Action])] = &[
        ("backlog", &[Action::ShowBacklog]),
        ("backlog details", &[Action::ShowBacklog, Action::Details]),
        ("sprint board", &[Action::ShowSprint]),
        ("burndown", &[Action::ShowSprint, Action::Burndown]),
        (
            "planning",
            &[Action::ShowSprint, Action::Burndown, Action::Plan],
        ),
        (
            "standup",
            &[Action::ShowSprint, Action::Plan, Action::Standup],
        ),
        (
            "close question",
            &[Action::ShowSprint, Action::Cancel, Action::CloseSprint],
        ),
        (
            "timeline",
            &[Action::Cancel, Action::Cancel, Action::ShowTimeline],
        ),
        ("entry details", &[Action::ShowTimeline, Action::Details]),
        ("budget", &[Action::ShowTimeline, Action::Budget]),
        ("risks", &[Action::ShowTimeline, Action::Risks]),
        ("stakeholders", &[Action::Cancel, Action::ShowStakeholders]),
        (
            "stakeholder details",
            &[Action::ShowStakeholders, Action::Details],
        ),
        (
            "grid",
            &[Action::ShowStakeholders, Action::Cancel, Action::GridView],
        ),
        (
            "note timeline",
            &[Action::ShowStakeholders, Action::NoteTimeline],
        ),
    ];
    for (name, actions) in routes {
        for a in *actions {
            app.update(a.clone());
        }
        for (w, h) in [(80, 24), (120, 40)] {
            out.push((format!("{name} at {w}×{h}"), screen(app, w, h)));
        }
    }
    out
}

#[test]
fn words_agree_with_their_numbers_on_every_screen() {
    let mut app = App::new(one_of_everything(), "b.ron", TODAY);
    let wrong = regex_lite();
    let mut seen = 0;
    for (name, text) in every_screen(&mut app) {
        for bad in wrong.iter() {
            assert!(!text.contains(bad), "{name} says {bad:?}:\n{text}");
        }
        seen += 1;
    }
    assert_eq!(seen, 30);
    // The counts of one are there, in the singular.
    let all: String = every_screen(&mut App::new(one_of_everything(), "b.ron", TODAY))
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    for good in [
        "3 items",
        "1 card",
        "1 candidate",
        "Unfinished: 1 item, 1 point",
        "1 entry",
        "1 note",
        "1 pt",
    ] {
        assert!(all.contains(good), "{good:?} is on some screen");
    }
}

/// What a screen never says.
fn regex_lite() -> Vec<String> {
    let mut bad: Vec<String> = ["(s)", "(es)"].iter().map(|s| s.to_string()).collect();
    for noun in [
        "items",
        "pts",
        "points",
        "entries",
        "cards",
        "days",
        "notes",
        "stops",
        "rows",
        "candidates",
        "risks",
        "stakeholders",
        "sprints",
        "children",
        "matches",
        "people",
    ] {
        // "1 items", but not "11 items" or "21 items": a space or a non-digit before the 1.
        for before in [" ", "(", "—", "·", "/"] {
            bad.push(format!("{before}1 {noun}"));
        }
    }
    bad
}
