use super::*;
use crate::model::{Board, ItemId, ItemKind, Scoring, SprintId, SprintState, WipPolicy};
use crate::model::{Column, Settings, Sprint, Wsjf};
use jiff::civil::Date;
use jiff::civil::date;
use std::collections::BTreeMap;

const TODAY: Date = date(2026, 3, 10);

fn board() -> Board {
    let mut b = Board::new("Test", "T");
    b.sprints.push(Sprint {
        id: SprintId(1),
        name: "Sprint 1".into(),
        goal: String::new(),
        start: date(2026, 3, 2),
        end: date(2026, 3, 15),
        capacity: 20,
        state: SprintState::Planned,
        committed: None,
        remaining: BTreeMap::new(),
        completed: None,
    });
    b.sprints.push(Sprint {
        id: SprintId(2),
        name: "Sprint 2".into(),
        ..b.sprints[0].clone()
    });
    for (n, points) in [(1, 3), (2, 5), (3, 8), (4, 2)] {
        let (e, _) = add_item(&b, ItemKind::Story, &format!("item {n}"), 99, TODAY).expect("adds");
        b.apply(e).expect("applies");
        b.apply(set_points(&b, ItemId(n), Some(points), TODAY).expect("fib"))
            .expect("applies");
    }
    b.repair_counters();
    b
}

macro_rules! apply {
    ($b:ident, $rule:expr) => {{
        let edit = $rule.expect("rule allows it");
        $b.apply(edit).expect("edit applies");
    }};
}

fn ids(b: &Board) -> Vec<u32> {
    b.items.iter().map(|i| i.id.0).collect()
}

#[test]
fn add_item_takes_the_next_id_and_the_first_column() {
    let b = board();
    assert_eq!(ids(&b), vec![1, 2, 3, 4]);
    assert_eq!(b.counters.item, 5);
    assert_eq!(b.items[0].status, "To do");
    assert_eq!(
        add_item(&b, ItemKind::Bug, "  ", 0, TODAY),
        Err(RuleError::EmptyTitle)
    );
}

#[test]
fn moves_in_rank_and_in_a_filtered_view() {
    let mut b = board();
    apply!(b, move_item(&b, ItemId(4), 0));
    assert_eq!(ids(&b), vec![4, 1, 2, 3]);
    // A view showing only 4 and 2: moving 4 down jumps past 2, not just past 1.
    let e = move_in_view(&b, ItemId(4), &[ItemId(4), ItemId(2)], true).expect("moves");
    b.apply(e).expect("applies");
    assert_eq!(ids(&b), vec![1, 2, 4, 3]);
    let e = move_in_view(&b, ItemId(4), &[ItemId(2), ItemId(4)], false).expect("moves");
    b.apply(e).expect("applies");
    assert_eq!(ids(&b), vec![1, 4, 2, 3]);
    assert!(
        move_in_view(&b, ItemId(4), &[ItemId(4)], true).is_none(),
        "already last in view"
    );
}

#[test]
fn delete_removes_every_link_and_undo_restores_them() {
    let mut b = board();
    std::sync::Arc::make_mut(&mut b.items[1]).blocked_by = vec![ItemId(1)];
    std::sync::Arc::make_mut(&mut b.items[2]).parent = Some(ItemId(1));
    let before = b.clone();
    let inverse = b
        .apply(delete_item(&b, ItemId(1)).expect("exists"))
        .expect("applies");
    assert!(b.item(ItemId(1)).is_none());
    assert!(b.validate().is_empty(), "{:?}", b.validate());
    assert_eq!(b.item(ItemId(3)).expect("item").parent, None);
    b.apply(inverse).expect("undoes");
    assert_eq!(b, before);
}

#[test]
fn points_must_be_fibonacci() {
    let b = board();
    assert_eq!(
        set_points(&b, ItemId(1), Some(4), TODAY),
        Err(RuleError::NotFibonacci(4))
    );
    assert!(set_points(&b, ItemId(1), None, TODAY).is_ok());
}

#[test]
fn wip_limit_refuses_a_move_into_a_full_column() {
    let mut b = board();
    for n in 1..=4 {
        apply!(b, assign_sprint(&b, ItemId(n), Some(SprintId(1)), TODAY));
    }
    apply!(b, start_sprint(&b, SprintId(1), TODAY));
    apply!(b, set_status(&b, ItemId(1), "Review", TODAY));
    apply!(b, set_status(&b, ItemId(2), "Review", TODAY));
    assert_eq!(
        set_status(&b, ItemId(3), "Review", TODAY),
        Err(RuleError::WipLimit {
            column: "Review".into(),
            limit: 2
        })
    );
    // Given the column's count (as the app's index knows it), the same answer, every column.
    for column in ["To do", "Doing", "Review", "Done"] {
        let count = b.wip_count(column);
        for id in 1..=4 {
            assert_eq!(
                set_status_counted(&b, ItemId(id), column, TODAY, count),
                set_status(&b, ItemId(id), column, TODAY),
                "CRN-{id} to {column}"
            );
        }
    }
    assert!(
        set_status_counted(&b, ItemId(3), "Review", TODAY, 1).is_ok(),
        "the count decides"
    );
    b.settings.wip_policy = WipPolicy::Warn;
    assert!(
        set_status(&b, ItemId(3), "Review", TODAY).is_ok(),
        "warn policy lets it through"
    );
    assert_eq!(
        set_status(&b, ItemId(3), "Nope", TODAY),
        Err(RuleError::NoColumn("Nope".into()))
    );
}

#[test]
fn status_change_records_dates() {
    let mut b = board();
    let later = date(2026, 3, 12);
    apply!(b, set_status(&b, ItemId(1), "Done", later));
    let it = b.item(ItemId(1)).expect("item");
    assert_eq!((it.status_since, it.done), (later, Some(later)));
    apply!(b, set_status(&b, ItemId(1), "Doing", later));
    assert_eq!(b.item(ItemId(1)).expect("item").done, None);
}

#[test]
fn sprint_lifecycle_snapshots_commitment_and_records_velocity() {
    let mut b = board();
    for n in 1..=3 {
        apply!(b, assign_sprint(&b, ItemId(n), Some(SprintId(1)), TODAY));
    }
    apply!(b, start_sprint(&b, SprintId(1), TODAY));
    let s = b.sprint(SprintId(1)).expect("sprint");
    assert_eq!((s.state, s.committed), (SprintState::Active, Some(16)));
    assert_eq!(s.remaining.get(&TODAY), Some(&16));
    assert!(matches!(
        start_sprint(&b, SprintId(2), TODAY),
        Err(RuleError::AnotherActive(_))
    ));

    apply!(b, set_status(&b, ItemId(2), "Done", TODAY));
    let e = record_remaining(&b, TODAY).expect("burndown moved");
    b.apply(e).expect("applies");
    assert_eq!(
        b.sprint(SprintId(1)).expect("s").remaining.get(&TODAY),
        Some(&11)
    );
    assert!(
        record_remaining(&b, TODAY).is_none(),
        "nothing new to record"
    );

    let end = date(2026, 3, 15);
    apply!(
        b,
        close_sprint(&b, SprintId(1), end, Leftovers::TopOfBacklog)
    );
    let s = b.sprint(SprintId(1)).expect("sprint");
    assert_eq!((s.state, s.completed), (SprintState::Closed, Some(5)));
    // Unfinished items 1 and 3 go to the top of the backlog, out of the sprint.
    assert_eq!(ids(&b), vec![1, 3, 2, 4]);
    assert_eq!(b.item(ItemId(3)).expect("item").sprint, None);
    assert_eq!(
        b.item(ItemId(2)).expect("item").sprint,
        Some(SprintId(1)),
        "done items stay"
    );
    assert!(
        assign_sprint(&b, ItemId(4), Some(SprintId(1)), TODAY).is_err(),
        "closed sprint"
    );
}

#[test]
fn close_can_carry_leftovers_into_the_next_sprint() {
    let mut b = board();
    apply!(b, assign_sprint(&b, ItemId(1), Some(SprintId(1)), TODAY));
    apply!(b, start_sprint(&b, SprintId(1), TODAY));
    apply!(
        b,
        close_sprint(&b, SprintId(1), TODAY, Leftovers::Sprint(SprintId(2)))
    );
    assert_eq!(b.item(ItemId(1)).expect("item").sprint, Some(SprintId(2)));
    assert_eq!(ids(&b), vec![1, 2, 3, 4], "rank unchanged");
}

#[test]
fn workflow_renames_by_position_and_refuses_to_drop_a_used_column() {
    let mut b = board();
    let e = set_workflow(&b, Column::defaults()[..1].to_vec(), b.settings.clone());
    assert!(
        matches!(e, Err(RuleError::Workflow(_))),
        "one column is not a workflow"
    );
    let mut cols = Column::defaults();
    cols[0].name = "Ready".into();
    cols[1].wip_limit = Some(4);
    let before = b.clone();
    let inverse = b
        .apply(
            set_workflow(
                &b,
                cols.clone(),
                Settings {
                    wip_policy: WipPolicy::Warn,
                    ..b.settings.clone()
                },
            )
            .expect("ok"),
        )
        .expect("applies");
    assert!(
        b.items.iter().all(|i| i.status == "Ready"),
        "To do renamed with its items"
    );
    assert_eq!(b.columns[1].wip_limit, Some(4));
    assert_eq!(b.settings.wip_policy, WipPolicy::Warn);
    assert!(b.validate().is_empty());
    b.apply(inverse).expect("undoes");
    assert_eq!(b, before);
    let three = vec![
        Column::new("Doing", None),
        Column::new("Review", None),
        Column::new("Done", None),
    ];
    let e = set_workflow(&b, three, b.settings.clone()).expect_err("To do still holds items");
    assert!(
        e.to_string().contains("\"To do\" still holds 4 items"),
        "{e}"
    );
}

#[test]
fn suggested_sprint_follows_the_last_one() {
    let mut b = board();
    b.sprints[1].name = "Sprint 22".into();
    b.sprints[1].end = date(2026, 3, 29);
    b.sprints[1].start = date(2026, 3, 16);
    b.sprints[1].state = SprintState::Closed;
    b.sprints[1].completed = Some(18);
    b.repair_counters();
    let s = suggest_sprint(&b, TODAY);
    assert_eq!(s.name, "Sprint 23");
    assert_eq!((s.start, s.end), (date(2026, 3, 30), date(2026, 4, 12)));
    assert_eq!(s.capacity, 18, "recent velocity");
    assert_eq!(s.id, SprintId(3));
    b.apply(add_sprint(&b, s)).expect("adds");
    assert_eq!(b.counters.sprint, 4);
    assert_eq!(
        next_planned(&b),
        Some(SprintId(1)),
        "the earliest planned sprint"
    );
}

#[test]
fn rank_by_score_puts_highest_first_and_unscored_last() {
    let mut b = board();
    let wsjf = |bv, js| {
        Some(Wsjf {
            business_value: bv,
            time_criticality: 0,
            risk_reduction: 0,
            job_size: js,
        })
    };
    std::sync::Arc::make_mut(&mut b.items[1]).wsjf = wsjf(10, 1); // item 2: 10
    std::sync::Arc::make_mut(&mut b.items[2]).wsjf = wsjf(6, 2); // item 3: 3
    std::sync::Arc::make_mut(&mut b.items[3]).wsjf = wsjf(30, 3); // item 4: 10, ranked after item 2 on a tie
    let order: Vec<u32> = rank_by_score(&b, Scoring::Wsjf)
        .iter()
        .map(|i| i.0)
        .collect();
    assert_eq!(order, vec![2, 4, 3, 1]);
}

#[test]
fn rank_by_score_keeps_done_items_below_open_work() {
    let mut b = board();
    let wsjf = |bv| {
        Some(Wsjf {
            business_value: bv,
            time_criticality: 0,
            risk_reduction: 0,
            job_size: 1,
        })
    };
    let done = b.done_column().to_string();
    for (n, score) in [(0, 50), (1, 10), (2, 30)] {
        std::sync::Arc::make_mut(&mut b.items[n]).wsjf = wsjf(score);
    }
    // Item 1 has the highest score but is done; item 4 has no score.
    std::sync::Arc::make_mut(&mut b.items[0]).status = done;
    let order: Vec<u32> = rank_by_score(&b, Scoring::Wsjf)
        .iter()
        .map(|i| i.0)
        .collect();
    assert_eq!(
        order,
        vec![3, 2, 4, 1],
        "open by score, then unscored, then done"
    );
    assert_eq!(
        rank_groups(&b, Scoring::Wsjf),
        RankGroups {
            scored: 2,
            unscored: 1,
            done: 1
        }
    );
}

/// What waits on open work: a done item waits on nothing, a done blocker blocks nothing, and the
/// blockers outside a piece of work are named as not in its forecast.
#[test]
fn open_waits_lists_open_items_on_open_blockers_and_names_the_outside_ones() {
    let mut b = board();
    let blocked_by = |b: &Board, id: u32, on: &[u32]| {
        set_blocked_by(b, ItemId(id), on.iter().map(|n| ItemId(*n)).collect()).expect("no cycle")
    };
    b.apply(blocked_by(&b, 1, &[2, 3])).unwrap();
    b.apply(blocked_by(&b, 4, &[3])).unwrap();
    let waits = open_waits(&b);
    assert_eq!(waits.len(), 2);
    assert_eq!(waits[&ItemId(1)], vec![ItemId(2), ItemId(3)]);

    let work = [ItemId(1), ItemId(2), ItemId(4)];
    let waiting = waiting_in(&work, &waits);
    assert_eq!(
        waiting,
        vec![
            Waiting {
                item: ItemId(1),
                on: vec![ItemId(2), ItemId(3)],
                outside: vec![ItemId(3)],
            },
            Waiting {
                item: ItemId(4),
                on: vec![ItemId(3)],
                outside: vec![ItemId(3)],
            },
        ]
    );
    assert_eq!(
        describe_waiting(&b, &waiting),
        "T-1 waits on T-2 and T-3; T-4 on T-3 · T-3 is outside this work, not in its forecast"
    );

    // T-3 done: T-1 waits on T-2 alone, inside the work; T-4 waits on nothing.
    let done = b.done_column().to_string();
    b.apply(set_status(&b, ItemId(3), &done, TODAY).expect("moves"))
        .unwrap();
    let waits = open_waits(&b);
    assert_eq!(waits.len(), 1);
    let waiting = waiting_in(&work, &waits);
    assert_eq!(describe_waiting(&b, &waiting), "T-1 waits on T-2");
    // T-1 done too: nothing waits.
    b.apply(set_status(&b, ItemId(1), &done, TODAY).expect("moves"))
        .unwrap();
    assert!(open_waits(&b).is_empty());
}
