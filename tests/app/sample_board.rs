//! The sample board a first run starts from: it loads, it is in canonical form, and it shows off
//! every part of the model (all item kinds, sprint history, timeline, risks, stakeholders).

use cairn::model::{Board, ItemKind, Quadrant, SprintState};
use cairn::store::{SAMPLE_BOARD, from_ron, to_ron};
use std::collections::{BTreeSet, HashSet};
use std::path::Path;

fn sample() -> Board {
    from_ron(SAMPLE_BOARD, Path::new("assets/sample-board.ron")).expect("the sample board loads")
}

#[test]
fn sample_parses_and_validates() {
    let board = sample();
    assert!(board.validate().is_empty(), "{:?}", board.validate());
    assert_eq!(board.project.key, "CRN");
}

#[test]
fn sample_is_canonical() {
    let text = to_ron(&sample()).expect("the sample board serialises");
    assert!(
        text == SAMPLE_BOARD,
        "assets/sample-board.ron is not what to_ron writes; first differing line: {:?}",
        text.lines()
            .zip(SAMPLE_BOARD.lines())
            .find(|(ours, theirs)| ours != theirs)
    );
}

#[test]
fn sample_backlog_covers_every_kind() {
    let board = sample();
    assert!(board.items.len() >= 28, "only {} items", board.items.len());
    let kinds: HashSet<ItemKind> = board.items.iter().map(|i| i.kind).collect();
    for kind in ItemKind::ALL {
        assert!(kinds.contains(&kind), "no {} in the sample", kind.name());
    }
}

#[test]
fn sample_has_sprint_history_and_a_full_active_sprint() {
    let board = sample();
    let closed: Vec<_> = board
        .sprints
        .iter()
        .filter(|s| s.state == SprintState::Closed)
        .collect();
    assert!(
        closed.len() >= cairn::model::forecast::ENOUGH_SPRINTS,
        "{} closed sprints: too few for a forecast",
        closed.len()
    );
    for s in &closed {
        assert!(s.completed.is_some(), "{} has no velocity", s.name);
    }
    let active: Vec<_> = board
        .sprints
        .iter()
        .filter(|s| s.state == SprintState::Active)
        .collect();
    assert_eq!(active.len(), 1, "active sprints");
    let active = active[0];
    for column in &board.columns {
        assert!(
            board
                .sprint_items(active.id)
                .any(|i| i.status == column.name),
            "no item of {} in {}",
            active.name,
            column.name
        );
    }
}

#[test]
fn sample_has_timeline_risks_and_stakeholders() {
    let board = sample();
    assert!(
        (6..=8).contains(&board.timeline.len()),
        "{} timeline entries",
        board.timeline.len()
    );
    assert!(
        board.timeline.iter().any(|e| !e.depends_on.is_empty()),
        "no timeline dependency"
    );
    assert_eq!(board.risks.len(), 5, "risks");
    assert_eq!(board.stakeholders.len(), 6, "stakeholders");
    let quadrants: BTreeSet<Quadrant> = board.stakeholders.iter().map(|s| s.quadrant()).collect();
    for q in [
        Quadrant::ManageClosely,
        Quadrant::KeepSatisfied,
        Quadrant::KeepInformed,
        Quadrant::Monitor,
    ] {
        assert!(quadrants.contains(&q), "nobody to {}", q.name());
    }
    for s in &board.stakeholders {
        assert!(!s.notes.is_empty(), "{} has no notes", s.name);
    }
}
