//! The report's charts as data and as Mermaid: the burndown carries the last recorded day forward
//! and ends at today with what the board says now; the timeline keeps every entry, in date order.

use super::*;
use crate::io::report::charts::{BarState, Burndown, Gantt};

#[test]
fn the_burndown_carries_each_day_forward_and_ends_with_today() {
    let mut b = board();
    let s = b
        .sprints
        .iter_mut()
        .find(|s| s.state == SprintState::Active)
        .unwrap();
    s.remaining = BTreeMap::from([(date(2026, 3, 10), 18), (date(2026, 3, 13), 12)]);
    let id = s.id;
    let bd = Burndown::of(&b, TODAY).expect("an active sprint");
    assert_eq!(bd.days.first(), Some(&date(2026, 3, 9)));
    assert_eq!(bd.days.last(), Some(&TODAY));
    assert_eq!(bd.days.len(), 12);
    // Before the first record: the commitment; then each record until the next.
    assert_eq!(&bd.actual[..6], &[21, 18, 18, 18, 12, 12]);
    assert_eq!(bd.actual.last(), Some(&b.remaining_points(id)));
    // The ideal falls by committed/length a day, reaching 0 on the last of 14 days.
    assert!((bd.ideal[0] - 21.0 * 13.0 / 14.0).abs() < 1e-9);
    assert_eq!(bd.length, 14);
    // Before the sprint starts there is nothing to draw.
    assert_eq!(Burndown::of(&b, date(2026, 3, 1)), None);
}

#[test]
fn the_gantt_keeps_every_entry_in_date_order_with_its_state() {
    let b = board();
    let g = Gantt::of(&b, TODAY).expect("a timeline");
    assert_eq!(g.bars.len(), b.timeline.len());
    let names: Vec<&str> = g.bars.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(
        names,
        ["Kickoff", "Discovery", "Build", "Alpha", "GA", "Beta"]
    );
    let state = |n: &str| g.bars.iter().find(|b| b.name == n).unwrap().state;
    assert_eq!(state("Discovery"), BarState::Done);
    assert_eq!(state("Build"), BarState::Active);
    let md = status_report(&b, TODAY);
    assert!(
        md.contains("    Build :active, e3, 2026-02-16, 105d\n"),
        "{md}"
    );
    assert!(
        md.contains("    Today 2026-03-20 :milestone, today, 2026-03-20, 0d\n"),
        "{md}"
    );
}

#[test]
fn a_board_without_a_timeline_or_a_sprint_has_no_charts() {
    let mut b = board();
    b.timeline.clear();
    b.sprints.retain(|s| s.state != SprintState::Active);
    let md = status_report(&b, TODAY);
    assert!(!md.contains("```mermaid"), "{md}");
    assert!(!md.contains("## Timeline"), "{md}");
}
