//! The timeline's derived data brought up to date from what a change did (`app::changes`) instead
//! of from every item: the points-and-state table, the open waits and (only when an epic or an
//! item's epic changed) the epics' children. A rank move or an edit of one item then costs that
//! item and the items that wait on it, and the first frame of the timeline after a change no longer
//! walks a 100k backlog.

use crate::app::App;
use crate::app::changes::Op;
use crate::model::forecast::Work;
use crate::model::{Item, ItemId, ItemKind};

/// What the epics' children (`Work`) read of an item: its epic and whether it is one.
pub fn shape(i: &Item) -> u32 {
    let epic = if i.kind == ItemKind::Epic { 1 << 31 } else { 0 };
    epic | i.parent.filter(|&p| p != i.id).map_or(0, |p| p.0 + 1)
}

impl App {
    /// Brings the timeline's cache to `key` from the changes since it was built; false when they
    /// cannot be followed (another day, a new board, a new order, changes forgotten).
    pub(super) fn follow_timeline(
        &mut self,
        key: (u64, jiff::civil::Date, usize, usize, usize),
    ) -> bool {
        let Some(old) = self.timeline.cache.key else {
            return false;
        };
        if old.1 != key.1 || !self.index.is_at(self.doc.revision) {
            return false;
        }
        let Some(ops) = self.doc.changes.since(old.0) else {
            return false;
        };
        let mut touched: Vec<ItemId> = Vec::new();
        for op in ops {
            match *op {
                Op::Item(id) | Op::Insert { id, .. } | Op::Remove(id) => touched.push(id),
                Op::Move { .. } | Op::Other => {}
                Op::Order | Op::Columns | Op::All => return false,
            }
        }
        touched.sort_unstable();
        touched.dedup();
        let done = self.doc.board.done_column().to_string();
        let (mut changed, mut reshaped) = (false, false);
        let mut moved: Vec<(ItemId, u32, u32)> = Vec::new();
        for &id in &touched {
            let at = id.0 as usize;
            let it = self.item(id);
            let v = it.map_or(0, |i| {
                (i.points_or_zero() << 2) | if i.status == done { 2 } else { 1 }
            });
            let s = it.map_or(0, shape);
            let cache = &mut self.timeline.cache;
            if cache.items.len() <= at {
                cache.items.resize(at + 1, 0);
            }
            if cache.shapes.len() <= at {
                cache.shapes.resize(at + 1, 0);
            }
            if cache.items[at] != v {
                moved.push((id, cache.items[at], v));
            }
            changed |= cache.items[at] != v;
            reshaped |= cache.shapes[at] != s;
            cache.items[at] = v;
            cache.shapes[at] = s;
        }
        if reshaped {
            self.timeline.cache.work = Work::of(&self.doc.board);
            self.timeline.cache.work_gen += 1; // earned value counts again
        } else {
            let cache = &mut self.timeline.cache;
            for (id, old, new) in moved {
                cache.evm.follow(id, old, new, &cache.work);
            }
        }
        if changed || reshaped {
            self.timeline.cache.items_gen += 1;
            self.timeline.cache.dense_fp = None;
        }
        // The open waits of the touched items and of the items that wait on them.
        let mut affected = touched.clone();
        for &id in &touched {
            affected.extend(self.index.blocks(id));
        }
        affected.sort_unstable();
        affected.dedup();
        for a in affected {
            let on: Vec<ItemId> = self
                .item(a)
                .filter(|i| i.status != done)
                .map(|i| {
                    i.blocked_by
                        .iter()
                        .copied()
                        .filter(|b| self.timeline.cache.item(*b).is_some_and(|(_, d)| !d))
                        .collect()
                })
                .unwrap_or_default();
            if on.is_empty() {
                self.timeline.cache.waits.remove(&a);
            } else {
                self.timeline.cache.waits.insert(a, on);
            }
        }
        let (board, today) = (&self.doc.board, self.run.today);
        self.timeline.cache.refresh_entries(board, today, key);
        true
    }
}
