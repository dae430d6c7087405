//! The timeline's rules as pure functions returning `Edit`s: add, delete and move entries (optionally
//! pushing what depends on them), dependencies without cycles, links to the work, the critical path and
//! the risk register.

mod paths;
mod risks;

pub use paths::*;
pub use risks::*;

use super::{Board, Edit, EntryId, EntryKind, ItemId, RiskId, TimelineEntry, value};
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
    value::add_days(d, i64::from(n)).ok_or(PlanError::OutOfRange)
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

/// What else refers to an entry, and so changes when it is deleted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EntryLinks {
    /// Entries that depend on it.
    pub dependents: usize,
    /// Backlog items with it as their milestone.
    pub items: usize,
    pub risks: usize,
    pub notes: usize,
}

impl EntryLinks {
    pub fn any(&self) -> bool {
        *self != EntryLinks::default()
    }
}

/// The records `delete_entry` unlinks from entry `id`.
pub fn entry_links(board: &Board, id: EntryId) -> EntryLinks {
    EntryLinks {
        dependents: board
            .timeline
            .iter()
            .filter(|e| e.depends_on.contains(&id))
            .count(),
        items: board
            .items
            .iter()
            .filter(|i| i.milestone == Some(id))
            .count(),
        risks: board
            .risks
            .iter()
            .filter(|r| r.entries.contains(&id))
            .count(),
        notes: board
            .stakeholders
            .iter()
            .flat_map(|s| &s.notes)
            .filter(|n| n.entries.contains(&id))
            .count(),
    }
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
mod tests;
