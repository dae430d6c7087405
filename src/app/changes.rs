//! What each revision of the document changed, as far as the app's derived data cares: which items
//! (and how their order moved), or that another part of the board changed, or that the board is a
//! different one. The document records it for every change it makes (`Document::apply`, `replay`,
//! `merge_in`, `replace`); a cache that was built at revision `r` asks for what came after `r` and
//! brings itself up to date from that alone, so a key's work follows the change, not the board.

use crate::model::{Edit, ItemId};
use std::collections::VecDeque;

/// One thing a change did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    /// The item's fields changed (it stayed where it was in rank).
    Item(ItemId),
    /// An item was inserted at this rank (clamped to the list, as `Board::apply` does).
    Insert {
        index: usize,
        id: ItemId,
    },
    Remove(ItemId),
    /// An item moved to this rank (clamped as `Board::apply` does).
    Move {
        id: ItemId,
        to: usize,
    },
    /// The whole backlog was put in a new order.
    Order,
    /// The workflow's columns (the done column may be another one).
    Columns,
    /// Sprints, the timeline, stakeholders, settings or another part that is not the items.
    Other,
    /// A different board (a merge, a reload): everything derived is built again.
    All,
}

/// What `edit` will do, in order, appended to `out` (read before the edit is applied: it is
/// consumed by the apply).
pub fn ops_of(edit: &Edit, out: &mut Vec<Op>) {
    match edit {
        Edit::UpdateItem(it) => out.push(Op::Item(it.id)),
        Edit::InsertItem { index, item } => out.push(Op::Insert {
            index: *index,
            id: item.id,
        }),
        Edit::RemoveItem(id) => out.push(Op::Remove(*id)),
        Edit::MoveItem { id, to } => out.push(Op::Move { id: *id, to: *to }),
        Edit::Reorder(_) => out.push(Op::Order),
        Edit::SetColumns(_) => out.push(Op::Columns),
        Edit::Batch(all) => all.iter().for_each(|e| ops_of(e, out)),
        Edit::Replace(_) => out.push(Op::All),
        _ => out.push(Op::Other),
    }
}

/// The ops of one edit.
pub fn ops(edit: &Edit) -> Vec<Op> {
    let mut out = Vec::new();
    ops_of(edit, &mut out);
    out
}

/// The recent revisions' ops. Old ones are forgotten past a bound; a cache older than what is kept
/// builds itself again.
#[derive(Debug, Default)]
pub struct Changes {
    kept: VecDeque<(u64, Op)>,
    /// The newest revision whose ops were forgotten.
    forgotten: u64,
}

/// How many ops are kept (a bulk edit of more makes the caches build again, once).
const KEEP: usize = 4_096;

impl Changes {
    /// Notes what revision `revision` did.
    pub fn record(&mut self, revision: u64, ops: Vec<Op>) {
        if ops.len() > KEEP {
            self.kept.clear();
            self.forgotten = revision;
            return;
        }
        self.kept.extend(ops.into_iter().map(|op| (revision, op)));
        while self.kept.len() > KEEP {
            if let Some((r, _)) = self.kept.pop_front() {
                self.forgotten = self.forgotten.max(r);
            }
        }
    }

    /// Everything done after `revision`, oldest first; `None` when some of it was forgotten.
    pub fn since(&self, revision: u64) -> Option<impl Iterator<Item = &Op>> {
        if revision < self.forgotten {
            return None;
        }
        let from = self.kept.partition_point(|(r, _)| *r <= revision);
        Some(self.kept.range(from..).map(|(_, op)| op))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cache_sees_what_came_after_it_or_is_told_to_build_again() {
        let mut c = Changes::default();
        c.record(1, vec![Op::Item(ItemId(1))]);
        c.record(2, vec![Op::Remove(ItemId(2)), Op::Other]);
        let after1: Vec<Op> = c.since(1).expect("kept").cloned().collect();
        assert_eq!(after1, vec![Op::Remove(ItemId(2)), Op::Other]);
        assert_eq!(c.since(2).expect("kept").count(), 0);
        c.record(3, vec![Op::Other; KEEP + 1]);
        assert!(c.since(2).is_none());
        assert_eq!(c.since(3).expect("kept").count(), 0);
    }
}
