use super::*;
use crate::model::{Risk, RiskStatus};
use jiff::civil::date;

fn phase(id: u32, start: Date, end: Date, deps: &[u32]) -> TimelineEntry {
    TimelineEntry {
        id: EntryId(id),
        name: format!("E{id}"),
        kind: EntryKind::Phase,
        start,
        end,
        depends_on: deps.iter().map(|&d| EntryId(d)).collect(),
        items: vec![],
        owner: String::new(),
        planned_cost: 0,
        actual_cost: 0,
    }
}

fn board(entries: Vec<TimelineEntry>) -> Board {
    let mut b = Board::new("T", "T");
    b.counters.entry = entries.len() as u32 + 1;
    b.timeline = entries;
    b
}

/// 1 (Jan 1–10) → 2 (Jan 11–20) → 3 (milestone Jan 21); 4 (Jan 1–3) → 3.
fn chain() -> Board {
    let mut m = phase(3, date(2026, 1, 21), date(2026, 1, 21), &[2, 4]);
    m.kind = EntryKind::Milestone;
    board(vec![
        phase(1, date(2026, 1, 1), date(2026, 1, 10), &[]),
        phase(2, date(2026, 1, 11), date(2026, 1, 20), &[1]),
        m,
        phase(4, date(2026, 1, 1), date(2026, 1, 3), &[]),
    ])
}

fn apply(b: &mut Board, edit: Edit) -> Edit {
    b.apply(edit).expect("applies")
}

#[test]
fn shifting_breaks_a_dependency_unless_pushing() {
    let mut b = chain();
    let plain = shift_entry(&b, EntryId(1), 3, false).expect("shift");
    let undo = apply(&mut b, plain);
    let e1 = b.entry(EntryId(1)).expect("e1").clone();
    assert_eq!((e1.start, e1.end), (date(2026, 1, 4), date(2026, 1, 13)));
    let e2 = b.entry(EntryId(2)).expect("e2").clone();
    assert_eq!(
        e2.broken_dependencies(&b.timeline).len(),
        1,
        "shown on the dependent"
    );
    assert_eq!(
        broken_dependents(&b.timeline, &e1).len(),
        1,
        "and on the moved one"
    );
    apply(&mut b, undo);
    assert_eq!(b, chain(), "undo restores");

    let pushed = shift_entry(&b, EntryId(1), 3, true).expect("push");
    apply(&mut b, pushed);
    let e2 = b.entry(EntryId(2)).expect("e2");
    assert_eq!((e2.start, e2.end), (date(2026, 1, 14), date(2026, 1, 23)));
    let m = b.entry(EntryId(3)).expect("m");
    assert_eq!(
        m.start,
        date(2026, 1, 24),
        "the chain moved on to the milestone"
    );
    assert!(
        b.timeline
            .iter()
            .all(|e| e.broken_dependencies(&b.timeline).is_empty())
    );
    let e4 = b.entry(EntryId(4)).expect("e4");
    assert_eq!(e4.start, date(2026, 1, 1), "unrelated entries stay");
}

#[test]
fn moving_earlier_never_pushes_and_ends_stay_after_starts() {
    let b = chain();
    let edit = shift_entry(&b, EntryId(2), -2, true).expect("earlier");
    assert!(matches!(edit, Edit::UpdateEntry(_)), "nothing pushed");
    assert_eq!(
        shift_end(&b, EntryId(4), -3, false),
        Err(PlanError::EndBeforeStart("E4".into()))
    );
    let mut b2 = b.clone();
    apply(
        &mut b2,
        shift_end(&b, EntryId(1), 2, false).expect("longer"),
    );
    let e1 = b2.entry(EntryId(1)).expect("e1");
    assert_eq!((e1.start, e1.end), (date(2026, 1, 1), date(2026, 1, 12)));
    let mut b3 = b.clone();
    apply(
        &mut b3,
        shift_end(&b, EntryId(3), 1, false).expect("milestone"),
    );
    let m = b3.entry(EntryId(3)).expect("m");
    assert_eq!(
        (m.start, m.end),
        (date(2026, 1, 22), date(2026, 1, 22)),
        "moves whole"
    );
}

#[test]
fn dependencies_refuse_cycles_and_self() {
    let b = chain();
    assert_eq!(
        set_dependencies(&b, EntryId(1), vec![EntryId(3)]),
        Err(PlanError::Cycle {
            entry: "E1".into(),
            on: "E3".into()
        })
    );
    assert_eq!(
        set_dependencies(&b, EntryId(1), vec![EntryId(1)]),
        Err(PlanError::SelfDependency("E1".into()))
    );
    let ok = set_dependencies(&b, EntryId(2), vec![EntryId(1), EntryId(4)]).expect("ok");
    let mut b2 = b.clone();
    apply(&mut b2, ok);
    assert_eq!(
        b2.entry(EntryId(2)).expect("e2").depends_on,
        vec![EntryId(1), EntryId(4)]
    );
}

#[test]
fn critical_path_is_the_longest_chain() {
    let b = chain();
    assert_eq!(
        critical_path(&b.timeline, EntryId(3)),
        vec![EntryId(1), EntryId(2), EntryId(3)],
        "20 days through 1 and 2 beat 3 days through 4"
    );
    let all = critical_entries(&b.timeline);
    assert!(all.contains(&EntryId(1)) && !all.contains(&EntryId(4)));
    // A cycle written by hand does not hang.
    let mut looped = chain();
    looped.timeline[0].depends_on = vec![EntryId(2)];
    let path = critical_path(&looped.timeline, EntryId(3));
    assert!(path.ends_with(&[EntryId(3)]) && path.len() <= 3, "{path:?}");
}

#[test]
fn a_milestone_without_dependencies_is_not_critical() {
    let mut b = chain();
    let mut lone = phase(5, date(2026, 2, 1), date(2026, 2, 1), &[]);
    lone.kind = EntryKind::Milestone;
    b.timeline.push(lone.clone());
    // one whose dependency is not on the board has no path either
    let mut dangling = phase(6, date(2026, 2, 2), date(2026, 2, 2), &[99]);
    dangling.kind = EntryKind::Release;
    b.timeline.push(dangling);
    let all = critical_entries(&b.timeline);
    assert!(
        !all.contains(&EntryId(5)) && !all.contains(&EntryId(6)),
        "{all:?}"
    );
    assert!(
        all.contains(&EntryId(3)),
        "the milestone with a path still is"
    );
    // A milestone with no dependencies of its own is critical when another milestone's path runs
    // through it.
    let mut after = phase(7, date(2026, 2, 2), date(2026, 2, 10), &[5]);
    after.kind = EntryKind::Phase;
    let mut end = phase(8, date(2026, 2, 11), date(2026, 2, 11), &[7]);
    end.kind = EntryKind::Milestone;
    b.timeline.extend([after, end]);
    let all = critical_entries(&b.timeline);
    assert!(
        [5, 7, 8].iter().all(|&i| all.contains(&EntryId(i))),
        "{all:?}"
    );
}

#[test]
fn delete_removes_every_link_and_undo_restores_them() {
    let mut b = chain();
    b.risks.push(Risk {
        id: RiskId(1),
        title: "R".into(),
        probability: 4,
        impact: 4,
        owner: String::new(),
        mitigation: String::new(),
        status: RiskStatus::Open,
        raised: date(2026, 1, 1),
        items: vec![],
        entries: vec![EntryId(1)],
    });
    let before = b.clone();
    assert!(entries_at_high_risk(&b).contains(&EntryId(1)));
    let edit = delete_entry(&b, EntryId(1)).expect("delete");
    let undo = apply(&mut b, edit);
    assert!(b.entry(EntryId(1)).is_none());
    assert!(b.entry(EntryId(2)).expect("e2").depends_on.is_empty());
    assert!(b.risks[0].entries.is_empty());
    assert!(b.validate().is_empty(), "{:?}", b.validate());
    apply(&mut b, undo);
    assert_eq!(b, before);
}

#[test]
fn risks_add_close_and_link() {
    let b = chain();
    let mut r = Risk {
        id: RiskId(0),
        title: "Vendor late".into(),
        probability: 3,
        impact: 5,
        owner: "Ana".into(),
        mitigation: String::new(),
        status: RiskStatus::Open,
        raised: date(2026, 1, 2),
        items: vec![],
        entries: vec![],
    };
    r.entries.clear();
    let mut b2 = b.clone();
    let (edit, id) = add_risk(&b2, r);
    apply(&mut b2, edit);
    assert_eq!(id, RiskId(1));
    assert_eq!(b2.counters.risk, 2);
    let edit = link_risk(&b2, id, vec![], vec![EntryId(2)]).expect("link");
    apply(&mut b2, edit);
    assert!(
        entries_at_high_risk(&b2).contains(&EntryId(2)),
        "15 is high"
    );
    let edit = toggle_closed(&b2, id).expect("close");
    apply(&mut b2, edit);
    assert!(
        entries_at_high_risk(&b2).is_empty(),
        "closed risks carry no marker"
    );
    let edit = toggle_closed(&b2, id).expect("reopen");
    apply(&mut b2, edit);
    assert_eq!(b2.risks[0].status, RiskStatus::Open);
}

#[test]
fn broken_dependencies_mark_both_sides_by_the_one_rule() {
    // 2 depends on 1 and starts the day 1 ends: broken. 3 depends on 2 and starts after it: sound.
    let a = phase(1, date(2026, 1, 1), date(2026, 1, 10), &[]);
    let b = phase(2, date(2026, 1, 10), date(2026, 1, 20), &[1]);
    let c = phase(3, date(2026, 1, 21), date(2026, 1, 30), &[2, 99]);
    let all = vec![a.clone(), b.clone(), c.clone()];
    let broken = broken_dependencies(&all);
    assert_eq!(broken, [EntryId(1), EntryId(2)].into_iter().collect());
    assert!(breaks(&a, &b) && !breaks(&b, &c) && !breaks(&b, &a));
    assert_eq!(broken_dependents(&all, &a), vec![&b]);
    assert_eq!(broken_dependencies_of(&all, &b), vec![&a]);
    assert_eq!(b.broken_dependencies(&all), vec![&a]);
    // The same answer as asking entry by entry, on a generated board.
    let board = crate::io::generate::generate(2000, 4);
    let mut t = board.timeline.clone();
    for e in t.iter_mut().step_by(3) {
        e.start = crate::model::value::add_days(e.start, -90).expect("date");
    }
    let t = &t;
    let one_by_one: HashSet<EntryId> = t
        .iter()
        .flat_map(|e| {
            e.broken_dependencies(t)
                .into_iter()
                .map(|d| d.id)
                .chain((!e.broken_dependencies(t).is_empty()).then_some(e.id))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(one_by_one.len() > 2, "{one_by_one:?}");
    assert_eq!(broken_dependencies(t), one_by_one);
}
