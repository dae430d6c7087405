//! The timeline's rules as pure functions returning `Edit`s: add, delete and move entries (optionally
//! pushing what depends on them), dependencies without cycles, links to the work, the critical path and
//! the risk register.

use super::{Board, Edit, EntryId, EntryKind, ItemId, Risk, RiskId, RiskStatus, TimelineEntry};
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("no timeline entry {0}")]
    NoEntry(EntryId),
    #[error("no risk {0}")]
    NoRisk(RiskId),
    #[error("\"{0}\" would end before it starts")]
    EndBeforeStart(String),
    #[error("\"{0}\" cannot depend on itself")]
    SelfDependency(String),
    #[error(
        "\"{entry}\" cannot depend on \"{on}\": \"{on}\" already depends on it, directly or through others"
    )]
    Cycle { entry: String, on: String },
    #[error("the date would leave the calendar")]
    OutOfRange,
}

fn entry(board: &Board, id: EntryId) -> Result<&TimelineEntry, PlanError> {
    board.entry(id).ok_or(PlanError::NoEntry(id))
}

fn add_days(d: Date, n: i32) -> Result<Date, PlanError> {
    d.checked_add(jiff::Span::new().days(i64::from(n)))
        .map_err(|_| PlanError::OutOfRange)
}

/// Adds an entry (its id is given here) at the end of the timeline. Returns the edit and the id.
pub fn add_entry(board: &Board, mut new: TimelineEntry) -> Result<(Edit, EntryId), PlanError> {
    if new.end < new.start {
        return Err(PlanError::EndBeforeStart(new.name));
    }
    let id = EntryId(board.counters.entry);
    new.id = id;
    let mut counters = board.counters.clone();
    counters.entry += 1;
    let edit = Edit::Batch(vec![
        Edit::SetCounters(counters),
        Edit::InsertEntry {
            index: board.timeline.len(),
            entry: Box::new(new),
        },
    ]);
    Ok((edit, id))
}

/// Deletes an entry and every link to it (dependencies, items' milestone, risks, notes) as one step.
pub fn delete_entry(board: &Board, id: EntryId) -> Result<Edit, PlanError> {
    entry(board, id)?;
    let mut edits = Vec::new();
    for e in board.timeline.iter().filter(|e| e.depends_on.contains(&id)) {
        let mut e = e.clone();
        e.depends_on.retain(|d| *d != id);
        edits.push(Edit::UpdateEntry(Box::new(e)));
    }
    for it in board.items.iter().filter(|i| i.milestone == Some(id)) {
        let mut it = super::Item::clone(it);
        it.milestone = None;
        edits.push(Edit::UpdateItem(Box::new(it)));
    }
    for r in board.risks.iter().filter(|r| r.entries.contains(&id)) {
        let mut r = r.clone();
        r.entries.retain(|e| *e != id);
        edits.push(Edit::UpdateRisk(Box::new(r)));
    }
    for s in board
        .stakeholders
        .iter()
        .filter(|s| s.notes.iter().any(|n| n.entries.contains(&id)))
    {
        let mut s = s.clone();
        for n in &mut s.notes {
            n.entries.retain(|e| *e != id);
        }
        edits.push(Edit::UpdateStakeholder(Box::new(s)));
    }
    edits.push(Edit::RemoveEntry(id));
    Ok(Edit::Batch(edits))
}

/// Moves an entry by `days` (negative: earlier). With `push`, entries that depend on it and would now
/// start before it ends move later just enough, and so on down the chain.
pub fn shift_entry(board: &Board, id: EntryId, days: i32, push: bool) -> Result<Edit, PlanError> {
    let mut e = entry(board, id)?.clone();
    e.start = add_days(e.start, days)?;
    e.end = add_days(e.end, days)?;
    finish(board, e, push)
}

/// Moves an entry's end by `days`; a milestone or release (one day) moves as a whole.
pub fn shift_end(board: &Board, id: EntryId, days: i32, push: bool) -> Result<Edit, PlanError> {
    let old = entry(board, id)?;
    if old.kind.is_point() {
        return shift_entry(board, id, days, push);
    }
    let mut e = old.clone();
    e.end = add_days(e.end, days)?;
    if e.end < e.start {
        return Err(PlanError::EndBeforeStart(e.name));
    }
    finish(board, e, push)
}

/// The update of `moved`, plus the pushed dependents when asked.
fn finish(board: &Board, moved: TimelineEntry, push: bool) -> Result<Edit, PlanError> {
    if !push {
        return Ok(Edit::UpdateEntry(Box::new(moved)));
    }
    let mut changed: HashMap<EntryId, TimelineEntry> = HashMap::new();
    let mut order = vec![moved.id];
    changed.insert(moved.id, moved);
    let mut queue = vec![order[0]];
    // Each push only moves entries later, so the chain settles; the bound guards against cycles
    // written into the file by hand.
    let mut budget = board.timeline.len() * board.timeline.len() + 1;
    while let Some(from) = queue.pop() {
        let end = changed[&from].end;
        for dep in board
            .timeline
            .iter()
            .filter(|d| d.depends_on.contains(&from))
        {
            let current = changed.get(&dep.id).cloned().unwrap_or_else(|| dep.clone());
            if current.start > end {
                continue;
            }
            budget = budget.saturating_sub(1);
            if budget == 0 {
                break;
            }
            let by = (end - current.start).get_days() + 1;
            let mut next = current;
            next.start = add_days(next.start, by)?;
            next.end = add_days(next.end, by)?;
            if !changed.contains_key(&dep.id) {
                order.push(dep.id);
            }
            changed.insert(dep.id, next);
            queue.push(dep.id);
        }
    }
    let mut edits: Vec<Edit> = order
        .iter()
        .filter_map(|id| changed.remove(id))
        .map(|e| Edit::UpdateEntry(Box::new(e)))
        .collect();
    Ok(if edits.len() == 1 {
        edits.remove(0)
    } else {
        Edit::Batch(edits)
    })
}

/// Entries that depend on `id` directly or through others.
fn dependents(board: &Board, id: EntryId) -> HashSet<EntryId> {
    let mut found = HashSet::new();
    let mut queue = vec![id];
    while let Some(x) = queue.pop() {
        for d in board.timeline.iter().filter(|d| d.depends_on.contains(&x)) {
            if found.insert(d.id) {
                queue.push(d.id);
            }
        }
    }
    found
}

/// Sets what an entry depends on, refusing itself and anything that already depends on it.
pub fn set_dependencies(board: &Board, id: EntryId, deps: Vec<EntryId>) -> Result<Edit, PlanError> {
    let mut e = entry(board, id)?.clone();
    if deps.contains(&id) {
        return Err(PlanError::SelfDependency(e.name));
    }
    let downstream = dependents(board, id);
    if let Some(bad) = deps.iter().find(|d| downstream.contains(d)) {
        return Err(PlanError::Cycle {
            entry: e.name,
            on: entry(board, *bad)?.name.clone(),
        });
    }
    for d in &deps {
        entry(board, *d)?;
    }
    e.depends_on = deps;
    Ok(Edit::UpdateEntry(Box::new(e)))
}

/// Links exactly `items` to an entry. Items newly linked take the entry as their milestone when they
/// have none; items unlinked lose it when it was this one, so the two records agree.
pub fn link_items(board: &Board, id: EntryId, items: Vec<ItemId>) -> Result<Edit, PlanError> {
    let mut e = entry(board, id)?.clone();
    let before: HashSet<ItemId> = e.items.iter().copied().collect();
    let after: HashSet<ItemId> = items.iter().copied().collect();
    let mut edits = Vec::new();
    for it in board.items.iter() {
        let now = after.contains(&it.id);
        let was = before.contains(&it.id);
        if now && !was && it.milestone.is_none() {
            let mut it = super::Item::clone(it);
            it.milestone = Some(id);
            edits.push(Edit::UpdateItem(Box::new(it)));
        } else if was && !now && it.milestone == Some(id) {
            let mut it = super::Item::clone(it);
            it.milestone = None;
            edits.push(Edit::UpdateItem(Box::new(it)));
        }
    }
    e.items = items;
    edits.push(Edit::UpdateEntry(Box::new(e)));
    Ok(Edit::Batch(edits))
}

/// The longest chain of dependencies (by days of work) that ends with `target`, first entry first.
/// Cycles written by hand into a file are cut where they close.
pub fn critical_path(entries: &[TimelineEntry], target: EntryId) -> Vec<EntryId> {
    let by_id: HashMap<EntryId, &TimelineEntry> = entries.iter().map(|e| (e.id, e)).collect();
    let mut memo: HashMap<EntryId, (i64, Option<EntryId>)> = HashMap::new();
    let mut on_stack = HashSet::new();
    longest(target, &by_id, &mut memo, &mut on_stack);
    let mut path = Vec::new();
    let mut at = Some(target);
    while let Some(id) = at {
        if path.contains(&id) {
            break;
        }
        path.push(id);
        at = memo.get(&id).and_then(|(_, prev)| *prev);
    }
    path.reverse();
    path
}

fn longest(
    id: EntryId,
    by_id: &HashMap<EntryId, &TimelineEntry>,
    memo: &mut HashMap<EntryId, (i64, Option<EntryId>)>,
    on_stack: &mut HashSet<EntryId>,
) -> i64 {
    if let Some((len, _)) = memo.get(&id) {
        return *len;
    }
    let Some(e) = by_id.get(&id) else {
        return 0;
    };
    on_stack.insert(id);
    let mut best: (i64, Option<EntryId>) = (0, None);
    for d in &e.depends_on {
        if on_stack.contains(d) || !by_id.contains_key(d) {
            continue;
        }
        let len = longest(*d, by_id, memo, on_stack);
        if best.1.is_none() || len > best.0 {
            best = (len, Some(*d));
        }
    }
    on_stack.remove(&id);
    let own = if e.kind.is_point() {
        0
    } else {
        i64::from(e.duration_days())
    };
    memo.insert(id, (best.0 + own, best.1));
    best.0 + own
}

/// Every entry on the critical path of some milestone or release.
pub fn critical_entries(entries: &[TimelineEntry]) -> HashSet<EntryId> {
    entries
        .iter()
        .filter(|e| e.kind.is_point())
        .flat_map(|e| critical_path(entries, e.id))
        .collect()
}

/// Entries that depend on `id` but start on or before it ends: where a move broke the plan.
pub fn broken_dependents<'a>(
    entries: &'a [TimelineEntry],
    of: &TimelineEntry,
) -> Vec<&'a TimelineEntry> {
    entries
        .iter()
        .filter(|d| d.depends_on.contains(&of.id) && d.start <= of.end)
        .collect()
}

/// Entries with an open high-exposure risk linked to them.
pub fn entries_at_high_risk(board: &Board) -> HashSet<EntryId> {
    board
        .risks
        .iter()
        .filter(|r| r.is_open() && r.is_high())
        .flat_map(|r| r.entries.iter().copied())
        .collect()
}

/// Adds a risk with the next id. Returns the edit and the id.
pub fn add_risk(board: &Board, mut risk: Risk) -> (Edit, RiskId) {
    let id = RiskId(board.counters.risk);
    risk.id = id;
    let mut counters = board.counters.clone();
    counters.risk += 1;
    let edit = Edit::Batch(vec![
        Edit::SetCounters(counters),
        Edit::InsertRisk {
            index: board.risks.len(),
            risk: Box::new(risk),
        },
    ]);
    (edit, id)
}

/// Closes an open risk, or reopens a closed one.
pub fn toggle_closed(board: &Board, id: RiskId) -> Result<Edit, PlanError> {
    let mut r = board.risk(id).ok_or(PlanError::NoRisk(id))?.clone();
    r.status = if r.status == RiskStatus::Closed {
        RiskStatus::Open
    } else {
        RiskStatus::Closed
    };
    Ok(Edit::UpdateRisk(Box::new(r)))
}

/// Links a risk to exactly these items and entries.
pub fn link_risk(
    board: &Board,
    id: RiskId,
    items: Vec<ItemId>,
    entries: Vec<EntryId>,
) -> Result<Edit, PlanError> {
    let mut r = board.risk(id).ok_or(PlanError::NoRisk(id))?.clone();
    r.items = items;
    r.entries = entries;
    Ok(Edit::UpdateRisk(Box::new(r)))
}

/// A new risk as the add form starts it: raised today, open, medium probability and impact.
pub fn blank_risk(today: Date) -> Risk {
    Risk {
        id: RiskId(0),
        title: String::new(),
        probability: 3,
        impact: 3,
        owner: String::new(),
        mitigation: String::new(),
        status: RiskStatus::Open,
        raised: today,
        items: Vec::new(),
        entries: Vec::new(),
    }
}

/// A new entry as the add form starts it: a two-week phase from `today`.
pub fn blank_entry(today: Date) -> TimelineEntry {
    TimelineEntry {
        id: EntryId(0),
        name: String::new(),
        kind: EntryKind::Phase,
        start: today,
        end: add_days(today, 13).unwrap_or(today),
        depends_on: Vec::new(),
        items: Vec::new(),
        owner: String::new(),
        planned_cost: 0,
        actual_cost: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
}
