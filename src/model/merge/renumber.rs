//! Both sides added a record with the same id (each clone took the next free number): theirs is
//! given a new id, with every reference to it on their side, before the records are matched by id.

use crate::model::{Board, EntryId, ItemId, NoteId, RiskId, SprintId, StakeholderId};
use std::collections::HashSet;

/// Ids of one kind added on both sides to different records: `(ours, theirs)` records differ.
fn collisions<T: PartialEq, K: Copy + Eq + std::hash::Hash>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> K,
) -> Vec<K> {
    let in_base: HashSet<K> = base.iter().map(&id).collect();
    let ours_new: std::collections::HashMap<K, &T> = ours
        .iter()
        .filter(|r| !in_base.contains(&id(r)))
        .map(|r| (id(r), r))
        .collect();
    theirs
        .iter()
        .filter(|r| ours_new.get(&id(r)).is_some_and(|o| *o != *r))
        .map(&id)
        .collect()
}

/// Theirs' colliding ids of one kind, each with the number it takes instead: the next ones above
/// every id of that kind on the three boards and every counter in `counters` (each the next free id
/// of a side).
fn plan<T: PartialEq>(
    base: &[T],
    ours: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> u32,
    counters: &[u32],
) -> Vec<(u32, u32)> {
    let clash = collisions(base, ours, theirs, &id);
    let free = base
        .iter()
        .chain(ours)
        .chain(theirs)
        .map(&id)
        .chain(counters.iter().map(|c| c.saturating_sub(1)))
        .max()
        .map_or(1, |m| m + 1);
    clash.into_iter().zip(free..).collect()
}

/// Renumbers theirs' colliding additions; returns what was renamed, in words
/// (`CRN-57 (theirs) is now CRN-58`).
pub fn renumber(base: &Board, ours: &Board, theirs: &mut Board) -> Vec<String> {
    let mut said = Vec::new();
    // Renaming touches no counter: read each side's once.
    let sides = [&base.counters, &ours.counters, &theirs.counters].map(Clone::clone);
    let all = |f: fn(&crate::model::Counters) -> u32| sides.each_ref().map(f);
    let counters = all(|c| c.item);
    for (from, to) in plan(
        &base.items,
        &ours.items,
        &theirs.items,
        |i| i.id.0,
        &counters,
    ) {
        let (from, to) = (ItemId(from), ItemId(to));
        said.push(format!(
            "{} (theirs) is now {}",
            theirs.item_key(from),
            theirs.item_key(to)
        ));
        item(theirs, from, to);
    }
    let counters = all(|c| c.sprint);
    for (from, to) in plan(
        &base.sprints,
        &ours.sprints,
        &theirs.sprints,
        |s| s.id.0,
        &counters,
    ) {
        let (from, to) = (SprintId(from), SprintId(to));
        let name = theirs
            .sprint(from)
            .map(|s| s.name.clone())
            .unwrap_or_default();
        said.push(format!(
            "sprint {from} \"{name}\" (theirs) is now sprint {to}"
        ));
        sprint(theirs, from, to);
    }
    let counters = all(|c| c.entry);
    for (from, to) in plan(
        &base.timeline,
        &ours.timeline,
        &theirs.timeline,
        |e| e.id.0,
        &counters,
    ) {
        let (from, to) = (EntryId(from), EntryId(to));
        let name = theirs
            .entry(from)
            .map(|e| e.name.clone())
            .unwrap_or_default();
        said.push(format!(
            "entry {from} \"{name}\" (theirs) is now entry {to}"
        ));
        entry(theirs, from, to);
    }
    let counters = all(|c| c.risk);
    for (from, to) in plan(
        &base.risks,
        &ours.risks,
        &theirs.risks,
        |r| r.id.0,
        &counters,
    ) {
        let (from, to) = (RiskId(from), RiskId(to));
        said.push(format!("risk {from} (theirs) is now risk {to}"));
        for r in theirs.risks.iter_mut().filter(|r| r.id == from) {
            r.id = to;
        }
    }
    stakeholders_and_notes(base, ours, theirs, &mut said);
    said
}

fn stakeholders_and_notes(base: &Board, ours: &Board, theirs: &mut Board, said: &mut Vec<String>) {
    // A stakeholder both sides added under one id: theirs gets a new id (notes go with them).
    let counters = [ours.counters.stakeholder, theirs.counters.stakeholder];
    let who = plan(
        &base.stakeholders,
        &ours.stakeholders,
        &theirs.stakeholders,
        |s| s.id.0,
        &counters,
    );
    for (from, to) in who {
        let (from, to) = (StakeholderId(from), StakeholderId(to));
        said.push(format!(
            "stakeholder {from} (theirs) is now stakeholder {to}"
        ));
        for s in theirs.stakeholders.iter_mut().filter(|s| s.id == from) {
            s.id = to;
        }
    }
    // Notes are numbered across the board: a note id both sides added is renumbered on theirs.
    fn notes(b: &Board) -> Vec<(NoteId, &crate::model::Note)> {
        b.stakeholders
            .iter()
            .flat_map(|s| s.notes.iter().map(|n| (n.id, n)))
            .collect()
    }
    let counters = [base.counters.note, ours.counters.note, theirs.counters.note];
    let clash = plan(
        &notes(base),
        &notes(ours),
        &notes(theirs),
        |n| n.0.0,
        &counters,
    );
    for (from, to) in clash {
        let (from, to) = (NoteId(from), NoteId(to));
        said.push(format!("note {from} (theirs) is now note {to}"));
        for n in theirs
            .stakeholders
            .iter_mut()
            .flat_map(|s| s.notes.iter_mut())
            .filter(|n| n.id == from)
        {
            n.id = to;
        }
    }
}

fn swap<T: PartialEq + Copy>(list: &mut [T], from: T, to: T) {
    for x in list.iter_mut().filter(|x| **x == from) {
        *x = to;
    }
}

/// Item `from` becomes `to`, with every reference to it: parents, links, timeline entries, risks and
/// notes.
fn item(b: &mut Board, from: ItemId, to: ItemId) {
    for it in b.items.iter_mut() {
        let touches = it.id == from
            || it.parent == Some(from)
            || it.blocked_by.contains(&from)
            || it.relates_to.contains(&from);
        if touches {
            let it = std::sync::Arc::make_mut(it);
            if it.id == from {
                it.id = to;
            }
            if it.parent == Some(from) {
                it.parent = Some(to);
            }
            swap(&mut it.blocked_by, from, to);
            swap(&mut it.relates_to, from, to);
        }
    }
    for e in &mut b.timeline {
        swap(&mut e.items, from, to);
    }
    for r in &mut b.risks {
        swap(&mut r.items, from, to);
    }
    for n in b.stakeholders.iter_mut().flat_map(|s| s.notes.iter_mut()) {
        swap(&mut n.items, from, to);
    }
}

fn sprint(b: &mut Board, from: SprintId, to: SprintId) {
    for s in b.sprints.iter_mut().filter(|s| s.id == from) {
        s.id = to;
    }
    for it in b.items.iter_mut().filter(|i| i.sprint == Some(from)) {
        std::sync::Arc::make_mut(it).sprint = Some(to);
    }
    for p in &mut b.team {
        if let Some(days) = p.days_off.remove(&from) {
            p.days_off.insert(to, days);
        }
    }
    if b.team_sprints.remove(&from) {
        b.team_sprints.insert(to);
    }
    for s in b.sprint_scope.iter_mut().filter(|s| s.id == from) {
        s.id = to;
    }
}

fn entry(b: &mut Board, from: EntryId, to: EntryId) {
    for e in &mut b.timeline {
        if e.id == from {
            e.id = to;
        }
        swap(&mut e.depends_on, from, to);
    }
    for it in b.items.iter_mut().filter(|i| i.milestone == Some(from)) {
        std::sync::Arc::make_mut(it).milestone = Some(to);
    }
    for r in &mut b.risks {
        swap(&mut r.entries, from, to);
    }
    for n in b.stakeholders.iter_mut().flat_map(|s| s.notes.iter_mut()) {
        swap(&mut n.entries, from, to);
    }
}
