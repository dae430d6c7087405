//! Links between backlog items: "blocked by" (this item waits on those) and "relates to" (kept
//! on both sides). A link to the item itself, to an item that does not exist, or a chain of
//! "blocked by" that comes back to where it started is refused with the keys that say why.

use super::RuleError;
use crate::model::{Board, Edit, Item, ItemId};
use std::collections::{HashMap, HashSet};

/// The items `id` waits on, directly or through others.
fn waits_on_all(board: &Board, id: ItemId) -> HashSet<ItemId> {
    let mut seen = HashSet::new();
    let mut todo = vec![id];
    while let Some(at) = todo.pop() {
        for b in board.item(at).map_or(&[][..], |i| &i.blocked_by[..]) {
            if seen.insert(*b) {
                todo.push(*b);
            }
        }
    }
    seen
}

fn check_targets(board: &Board, id: ItemId, targets: &[ItemId]) -> Result<(), RuleError> {
    let key = |i: ItemId| board.item_key(i);
    for t in targets {
        if *t == id {
            return Err(RuleError::Link(format!(
                "{} cannot be linked to itself",
                key(id)
            )));
        }
        if board.item(*t).is_none() {
            return Err(RuleError::NoItem(key(*t)));
        }
    }
    Ok(())
}

/// Sets what item `id` is blocked by (waits on). Refused when one of them already waits on `id`,
/// directly or through others: the items would wait on each other for ever.
pub fn set_blocked_by(board: &Board, id: ItemId, blockers: Vec<ItemId>) -> Result<Edit, RuleError> {
    let it = board
        .item(id)
        .ok_or_else(|| RuleError::NoItem(board.item_key(id)))?;
    check_targets(board, id, &blockers)?;
    for b in &blockers {
        if *b == id || waits_on_all(board, *b).contains(&id) {
            return Err(RuleError::Link(format!(
                "{} already waits on {}: blocking it by {} would make a cycle",
                board.item_key(*b),
                board.item_key(id),
                board.item_key(*b)
            )));
        }
    }
    let mut it = Item::clone(it);
    it.blocked_by = dedup(blockers);
    Ok(Edit::UpdateItem(Box::new(it)))
}

/// Sets what item `id` relates to; the link is kept on both sides, so the other items are updated
/// too (added where new, removed where gone), all as one edit.
pub fn set_related(board: &Board, id: ItemId, related: Vec<ItemId>) -> Result<Edit, RuleError> {
    let it = board
        .item(id)
        .ok_or_else(|| RuleError::NoItem(board.item_key(id)))?;
    check_targets(board, id, &related)?;
    let related = dedup(related);
    let mut edits = Vec::new();
    for other in &board.items {
        if other.id == id {
            continue;
        }
        let wanted = related.contains(&other.id);
        let has = other.relates_to.contains(&id);
        if wanted != has {
            let mut o = Item::clone(other);
            if wanted {
                o.relates_to.push(id);
            } else {
                o.relates_to.retain(|r| *r != id);
            }
            edits.push(Edit::UpdateItem(Box::new(o)));
        }
    }
    let mut it = Item::clone(it);
    it.relates_to = related;
    edits.push(Edit::UpdateItem(Box::new(it)));
    Ok(Edit::Batch(edits))
}

fn dedup(mut ids: Vec<ItemId>) -> Vec<ItemId> {
    let mut seen = HashSet::new();
    ids.retain(|i| seen.insert(*i));
    ids
}

/// The open items `it` waits on: what makes it blocked by work, not by a reason.
pub fn open_blockers(board: &Board, it: &Item) -> Vec<ItemId> {
    it.blocked_by
        .iter()
        .copied()
        .filter(|b| board.item(*b).is_some_and(|x| !board.is_done(x)))
        .collect()
}

/// True when `from` waits on `target`, directly or through other items.
pub fn waits_on(board: &Board, from: ItemId, target: ItemId) -> bool {
    from == target || waits_on_all(board, from).contains(&target)
}

/// Every open item that waits on open work, with the open items it waits on (in its own order).
/// One pass over the board, plus one over the items that wait; a board without blocked-by links
/// costs a scan and nothing else.
pub fn open_waits(board: &Board) -> HashMap<ItemId, Vec<ItemId>> {
    let waiting: Vec<&Item> = board
        .items
        .iter()
        .map(|i| &**i)
        .filter(|i| !i.blocked_by.is_empty() && !board.is_done(i))
        .collect();
    if waiting.is_empty() {
        return HashMap::new();
    }
    let blockers: HashSet<ItemId> = waiting
        .iter()
        .flat_map(|i| i.blocked_by.iter().copied())
        .collect();
    let open: HashSet<ItemId> = board
        .items
        .iter()
        .filter(|i| blockers.contains(&i.id) && !board.is_done(i))
        .map(|i| i.id)
        .collect();
    waiting
        .into_iter()
        .filter_map(|i| {
            let on: Vec<ItemId> = i
                .blocked_by
                .iter()
                .copied()
                .filter(|b| open.contains(b))
                .collect();
            (!on.is_empty()).then_some((i.id, on))
        })
        .collect()
}

/// An item of some work (a milestone's) that waits on open items, and which of those are not part
/// of that work: a forecast of the work counts its own points, not the blockers' outside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Waiting {
    pub item: ItemId,
    pub on: Vec<ItemId>,
    pub outside: Vec<ItemId>,
}

/// The items of `work` that wait on open work (`waits` from [`open_waits`]), in `work`'s order.
pub fn waiting_in(work: &[ItemId], waits: &HashMap<ItemId, Vec<ItemId>>) -> Vec<Waiting> {
    if waits.is_empty() {
        return Vec::new();
    }
    let inside: HashSet<ItemId> = work.iter().copied().collect();
    work.iter()
        .filter_map(|id| {
            let on = waits.get(id)?;
            Some(Waiting {
                item: *id,
                on: on.clone(),
                outside: on.iter().copied().filter(|b| !inside.contains(b)).collect(),
            })
        })
        .collect()
}

/// "CRN-12 waits on CRN-23; CRN-14 on CRN-30 and CRN-31 · CRN-30 is outside this work, not in its
/// forecast": the words the timeline's details and the report use.
pub fn describe_waiting(board: &Board, waiting: &[Waiting]) -> String {
    let keys = |ids: &[ItemId]| {
        let keys: Vec<String> = ids.iter().map(|i| board.item_key(*i)).collect();
        crate::model::words::and_list(&keys)
    };
    let parts: Vec<String> = waiting
        .iter()
        .enumerate()
        .map(|(n, w)| {
            let verb = if n == 0 { "waits on" } else { "on" };
            format!("{} {verb} {}", board.item_key(w.item), keys(&w.on))
        })
        .collect();
    let mut outside: Vec<ItemId> = waiting.iter().flat_map(|w| w.outside.clone()).collect();
    outside.sort_unstable();
    outside.dedup();
    let mut text = parts.join("; ");
    if !outside.is_empty() {
        let verb = if outside.len() == 1 { "is" } else { "are" };
        text.push_str(&format!(
            " · {} {verb} outside this work, not in its forecast",
            keys(&outside)
        ));
    }
    text
}
