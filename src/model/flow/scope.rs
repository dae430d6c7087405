//! Scope change: what joined and left a sprint after it started, against what was committed then
//! (`Sprint::committed_items`, written when it starts).

use crate::model::{Board, Item, ItemId, SprintId, SprintState};

/// A sprint's scope against its start.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScopeChange {
    /// Points committed at the start.
    pub committed: u32,
    /// Points of the items that joined since (their points now).
    pub added: u32,
    /// Points of the committed items that left since (their points at the start).
    pub removed: u32,
    pub added_items: Vec<ItemId>,
    pub removed_items: Vec<ItemId>,
    /// The sprint started before cairn recorded which items it held: only the net change of the
    /// points is known (shown as added or removed).
    pub net_only: bool,
}

impl ScopeChange {
    /// `+8 pts added, −3 pts removed since start`; `None` when nothing changed.
    pub fn describe(&self) -> Option<String> {
        if self.added == 0
            && self.removed == 0
            && self.added_items.is_empty()
            && self.removed_items.is_empty()
        {
            return None;
        }
        let net = if self.net_only { " (net)" } else { "" };
        let pts = |n: u32| crate::model::words::count(n, "pt");
        Some(format!(
            "+{} added, −{} removed since start{net}",
            pts(self.added),
            pts(self.removed)
        ))
    }
}

/// The scope change of a started sprint (active or closed); `None` for a planned one. Walks the
/// sprint's items once.
pub fn scope_change(board: &Board, id: SprintId) -> Option<ScopeChange> {
    scope_change_of(board, id, board.sprint_items(id))
}

/// `scope_change` from the sprint's items as the caller has them (the app's index keeps the
/// active sprint's cards: no walk of the board).
pub fn scope_change_of<'a>(
    board: &Board,
    id: SprintId,
    sprint_items: impl Iterator<Item = &'a Item>,
) -> Option<ScopeChange> {
    let s = board.sprint(id)?;
    let sprint_items: Vec<&Item> = sprint_items.collect();
    if s.state == SprintState::Planned {
        return None;
    }
    let committed = s.committed.unwrap_or(0);
    let recorded = board.scope_of(id);
    let report = recorded.and_then(|r| r.report.as_ref());
    let items: &[(ItemId, u32)] = recorded.map_or(&[], |r| &r.committed_items);
    if items.is_empty() {
        let now = if s.state == SprintState::Closed {
            report.map_or(committed, |r| {
                (r.committed + r.added).saturating_sub(r.removed)
            })
        } else {
            sprint_items.iter().map(|i| i.points_or_zero()).sum()
        };
        return Some(ScopeChange {
            committed,
            added: now.saturating_sub(committed),
            removed: committed.saturating_sub(now),
            net_only: true,
            ..ScopeChange::default()
        });
    }
    if let (SprintState::Closed, Some(r)) = (s.state, report) {
        // After the close the leftovers have moved on: the report kept the figures.
        return Some(ScopeChange {
            committed: r.committed,
            added: r.added,
            removed: r.removed,
            ..ScopeChange::default()
        });
    }
    let mut out = ScopeChange {
        committed,
        ..ScopeChange::default()
    };
    let at_start = |item: ItemId| {
        items
            .binary_search_by_key(&item, |c| c.0)
            .ok()
            .map(|i| items[i].1)
    };
    let mut present = vec![false; items.len()];
    for it in sprint_items {
        match items.binary_search_by_key(&it.id, |c| c.0) {
            Ok(i) => present[i] = true,
            Err(_) => {
                out.added += it.points_or_zero();
                out.added_items.push(it.id);
            }
        }
    }
    for (i, (item, _)) in items.iter().enumerate() {
        if !present[i] {
            out.removed += at_start(*item).unwrap_or(0);
            out.removed_items.push(*item);
        }
    }
    Some(out)
}
