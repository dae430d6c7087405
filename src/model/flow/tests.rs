use super::*;
use crate::model::{Board, Item, ItemId, ItemKind, Sprint, SprintId, SprintState};
use jiff::civil::date;
use std::sync::Arc;

fn board() -> Board {
    Board::new("T", "T")
}

fn item(id: u32, created: Date) -> Item {
    Item::new(
        ItemId(id),
        ItemKind::Story,
        format!("item {id}"),
        "To do",
        created,
    )
}

/// An item that started on `start` and was done `days` later, through the board's one function.
fn done_after(b: &Board, id: u32, start: Date, days: i64) -> Item {
    let flow = Workflow::of(b);
    let mut it = item(id, start);
    enter_column(&mut it, "Doing", flow, start);
    let end = crate::model::value::add_days(start, days).expect("date");
    enter_column(&mut it, "Done", flow, end);
    it
}

#[test]
fn a_step_reads_back_what_it_writes_and_a_bad_one_says_what_was_expected() {
    for s in [
        Step::Entered {
            on: date(2026, 11, 2),
            column: "In review".into(),
        },
        Step::Blocked {
            on: date(2026, 11, 3),
            reason: "waiting on the API: v2".into(),
        },
        Step::Unblocked {
            on: date(2026, 11, 5),
        },
    ] {
        assert_eq!(Step::parse(&s.to_line()), Ok(s.clone()));
    }
    assert_eq!(
        Step::Unblocked {
            on: date(2026, 11, 5)
        }
        .to_line(),
        "2026-11-05 unblocked"
    );
    let e = Step::parse("2026-11-05 moved").expect_err("bad");
    assert!(e.contains("YYYY-MM-DD in <column>"), "{e}");
    assert!(Step::parse("yesterday in Doing").is_err());
}

#[test]
fn a_status_change_records_the_day_and_keeps_the_fields_in_step() {
    let b = board();
    let flow = Workflow::of(&b);
    let mut it = item(1, date(2026, 11, 1));
    enter_column(&mut it, "Doing", flow, date(2026, 11, 2));
    enter_column(&mut it, "Doing", flow, date(2026, 11, 3));
    enter_column(&mut it, "Done", flow, date(2026, 11, 6));
    assert_eq!(it.history.len(), 2, "a move to the same column is no step");
    assert_eq!(
        (it.status_since, it.done),
        (date(2026, 11, 6), Some(date(2026, 11, 6)))
    );
    enter_column(&mut it, "Doing", flow, date(2026, 11, 7));
    assert_eq!(it.done, None, "reopened");
    assert_eq!(started(&it, flow), Some(date(2026, 11, 2)));
}

#[test]
fn an_item_saved_before_the_history_keeps_an_empty_list_until_it_changes() {
    let b = board();
    let flow = Workflow::of(&b);
    let mut it = item(1, date(2026, 10, 1));
    it.status = "Doing".into();
    it.status_since = date(2026, 10, 20);
    assert!(it.history.is_empty());
    assert_eq!(
        steps(&it, flow).to_vec(),
        vec![Step::Entered {
            on: date(2026, 10, 20),
            column: "Doing".into()
        }],
        "derived on demand"
    );
    enter_column(&mut it, "Review", flow, date(2026, 10, 25));
    assert_eq!(
        it.history.len(),
        2,
        "the implied step is written before the new one"
    );
    assert_eq!(started(&it, flow), Some(date(2026, 10, 20)));
    // Its cycle time is unknown while its history was not recorded.
    let mut old_done = item(2, date(2026, 10, 1));
    old_done.status = "Done".into();
    old_done.done = Some(date(2026, 10, 9));
    assert_eq!(cycle_days(&old_done, flow), None);
}

#[test]
fn blocked_periods_come_from_the_history() {
    let b = board();
    let flow = Workflow::of(&b);
    let mut it = item(1, date(2026, 11, 1));
    set_blocked(&mut it, Some("bank".into()), flow, date(2026, 11, 2));
    set_blocked(&mut it, None, flow, date(2026, 11, 4));
    set_blocked(&mut it, Some("legal".into()), flow, date(2026, 11, 6));
    let periods = blocked_periods(&it, flow);
    assert_eq!(
        periods,
        vec![
            BlockedPeriod {
                from: date(2026, 11, 2),
                to: Some(date(2026, 11, 4)),
                reason: "bank".into()
            },
            BlockedPeriod {
                from: date(2026, 11, 6),
                to: None,
                reason: "legal".into()
            },
        ]
    );
    assert_eq!(blocked_days(&it, flow, date(2026, 11, 9)), Some(3));
}

/// The nearest-rank method's worked example (Wikipedia, "Percentile", nearest-rank method):
/// of 15, 20, 35, 40, 50 the 30th percentile is 20, the 40th 20, the 50th 35, the 100th 50.
#[test]
fn nearest_rank_matches_the_worked_example() {
    let v = [15, 20, 35, 40, 50];
    assert_eq!(nearest_rank(&v, 5), Some(15));
    assert_eq!(nearest_rank(&v, 30), Some(20));
    assert_eq!(nearest_rank(&v, 40), Some(20));
    assert_eq!(nearest_rank(&v, 50), Some(35));
    assert_eq!(nearest_rank(&v, 100), Some(50));
    assert_eq!(nearest_rank(&[], 50), None);
}

/// A hand-checked board: cycle times 1, 2, 3, 5, 8, 13, 21 (done in that order) and an open item.
/// P50 = rank ⌈3.5⌉ = 4th = 5 days; P85 = rank ⌈5.95⌉ = 6th = 13 days. With a sample of the last
/// 3 done (8, 13, 21): P50 = 2nd = 13, P85 = 3rd = 21.
#[test]
fn cycle_time_percentiles_on_a_hand_checked_board() {
    let mut b = board();
    let start = date(2026, 9, 1);
    for (n, days) in [1, 2, 3, 5, 8, 13, 21].into_iter().enumerate() {
        let from = crate::model::value::add_days(start, n as i64 * 30).expect("date");
        let it = done_after(&b, n as u32 + 1, from, days);
        b.items.push(Arc::new(it));
    }
    b.items.push(Arc::new(item(99, start)));
    let all = cycle_stats(&b, 30);
    assert_eq!((all.n, all.p50, all.p85), (7, Some(5), Some(13)));
    let last3 = cycle_stats(&b, 3);
    assert_eq!((last3.n, last3.p50, last3.p85), (3, Some(13), Some(21)));

    // An open item's age against them.
    let flow = Workflow::of(&b);
    let mut open = item(50, date(2026, 11, 1));
    enter_column(&mut open, "Doing", flow, date(2026, 11, 2));
    enter_column(&mut open, "Review", flow, date(2026, 11, 6));
    let age = age(&open, flow, &all, date(2026, 11, 9)).expect("open");
    assert_eq!((age.in_column, age.overall), (3, Some(7)));
    assert_eq!(age.mark, Mark::PastP50);
    assert_eq!(age.short(), "3/7d▲");
    let later = super::age(&open, flow, &all, date(2026, 11, 20)).expect("open");
    assert_eq!(later.mark, Mark::PastP85);
}

#[test]
fn the_cumulative_flow_counts_each_item_in_its_column_each_day() {
    let mut b = board();
    let flow = Workflow::of(&b);
    let mut a = item(1, date(2026, 11, 1));
    enter_column(&mut a, "Doing", flow, date(2026, 11, 2));
    enter_column(&mut a, "Done", flow, date(2026, 11, 4));
    let c = item(2, date(2026, 11, 3));
    b.items = vec![Arc::new(a), Arc::new(c)];
    let days = cumulative_flow(
        &b,
        b.items.iter().map(|i| &**i),
        date(2026, 11, 1),
        date(2026, 11, 5),
    );
    let counts: Vec<Vec<u32>> = days.iter().map(|d| d.counts.clone()).collect();
    assert_eq!(
        counts,
        vec![
            vec![1, 0, 0, 0],
            vec![0, 1, 0, 0],
            vec![1, 1, 0, 0],
            vec![1, 0, 0, 1],
            vec![1, 0, 0, 1],
        ]
    );
}

#[test]
fn scope_change_counts_what_joined_and_left_after_the_start() {
    let mut b = board();
    let today = date(2026, 11, 16);
    let mut s = crate::model::rules::suggest_sprint(&b, today);
    s.id = SprintId(1);
    b.sprints.push(s);
    let mk = |id: u32, pts: u8| {
        let mut i = item(id, today);
        i.points = Some(pts);
        i.sprint = Some(SprintId(1));
        Arc::new(i)
    };
    b.items = vec![mk(1, 5), mk(2, 3), mk(3, 2)];
    let start = crate::model::rules::start_sprint(&b, SprintId(1), today).expect("starts");
    b.apply(start).expect("applies");
    assert_eq!(
        b.sprint(SprintId(1)).map(|s| s.state),
        Some(SprintState::Active)
    );
    // 2 (3 points) leaves, 4 (8 points) joins.
    Arc::make_mut(&mut b.items[1]).sprint = None;
    b.items.push(mk(4, 8));
    let c = scope_change(&b, SprintId(1)).expect("started");
    assert_eq!((c.committed, c.added, c.removed), (10, 8, 3));
    assert_eq!(
        c.describe().as_deref(),
        Some("+8 pts added, −3 pts removed since start")
    );
    assert_eq!(
        (c.added_items, c.removed_items),
        (vec![ItemId(4)], vec![ItemId(2)])
    );
    let _: Option<&Sprint> = b.sprint(SprintId(1));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// A higher percentile is never a shorter time, and it is one of the values.
        #[test]
        fn percentiles_are_monotone(mut v in proptest::collection::vec(0i32..400, 1..60), p in 0u32..100) {
            v.sort_unstable();
            let lo = nearest_rank(&v, p).expect("some");
            let hi = nearest_rank(&v, p + 1).expect("some");
            prop_assert!(lo <= hi);
            prop_assert!(v.contains(&lo));
            prop_assert_eq!(nearest_rank(&v, 100), v.last().copied());
        }

        /// Each day of the diagram counts every item created by then exactly once.
        #[test]
        fn the_diagram_counts_every_item_once(moves in proptest::collection::vec((0usize..4, 0i64..20), 0..12)) {
            let mut b = board();
            let flow = Workflow::of(&b);
            let created = date(2026, 11, 1);
            let mut it = item(1, created);
            let mut day = created;
            for (col, gap) in moves {
                day = crate::model::value::add_days(day, gap).expect("date");
                let column = b.columns[col].name.clone();
                enter_column(&mut it, &column, flow, day);
            }
            b.items = vec![Arc::new(it)];
            let end = crate::model::value::add_days(created, 250).expect("date");
            for d in cumulative_flow(&b, b.items.iter().map(|i| &**i), created, end) {
                prop_assert_eq!(d.counts.iter().sum::<u32>(), 1);
            }
        }
    }
}

/// Two clones each add a step to one item (ours moves it, theirs blocks it): the merge keeps both
/// steps, as a list does, and both changes.
#[test]
fn a_merge_where_both_sides_add_steps_keeps_both() {
    let today = date(2026, 12, 1);
    let base = crate::store::sample_board(today);
    let id = base
        .items
        .iter()
        .find(|i| i.status == "To do" && i.sprint.is_some())
        .map(|i| i.id)
        .expect("a card to do");
    let mut ours = base.clone();
    let e = crate::model::rules::set_status(&ours, id, "Doing", today).expect("moves");
    ours.apply(e).expect("applies");
    let mut theirs = base.clone();
    let mut it = theirs.item(id).expect("there").clone();
    let later = date(2026, 12, 2);
    set_blocked(
        &mut it,
        Some("the bank".into()),
        Workflow::of(&theirs),
        later,
    );
    theirs
        .apply(crate::model::Edit::UpdateItem(Box::new(it)))
        .expect("applies");
    let m = crate::model::merge::merge(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty(), "{:#?}", m.conflicts);
    let got = m.board.item(id).expect("kept");
    assert_eq!(got.status, "Doing");
    assert_eq!(got.blocked.as_deref(), Some("the bank"));
    let flow = Workflow::of(&m.board);
    assert_eq!(
        steps(got, flow).to_vec(),
        vec![
            Step::Entered {
                on: today,
                column: "Doing".into()
            },
            Step::Blocked {
                on: later,
                reason: "the bank".into()
            },
        ]
    );
}
