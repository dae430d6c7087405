//! The points earned value counts (`model::evm::points_of`), kept beside the timeline's item table
//! instead of read from every item when the budget view is drawn after a change: which items count
//! is worked out again only when what decides it changes (the epics' children, the milestones' and
//! releases' links); a change to an item's points or state moves the sums by its difference.

use crate::model::forecast::Work;
use crate::model::{Board, ItemId};

/// The release's points planned and done, for the item table and `Work` they were counted from.
#[derive(Debug, Default)]
pub struct EvmPoints {
    /// Fingerprint of what decides which items count (`None`: not counted yet).
    key: Option<u64>,
    /// The work linked to milestones and releases counts (else every item but the epics with
    /// children).
    linked: bool,
    /// By item id, while `linked`: the item is part of the linked work.
    member: Vec<bool>,
    pub planned: u32,
    pub done: u32,
}

/// Points and done points of an item-table value (`TimelineCache::items`).
fn points(v: u32) -> (u32, u32) {
    let p = v >> 2;
    (p, if v & 3 == 2 { p } else { 0 })
}

fn fingerprint(values: impl Iterator<Item = u64>) -> u64 {
    values.fold(0xcbf2_9ce4_8422_2325, |h, v| {
        (h ^ v).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

impl EvmPoints {
    /// Whether the sums are counted for the table they follow.
    pub fn is_counted(&self) -> bool {
        self.key.is_some()
    }

    /// An item's table value went from `old` to `new`, with the epics' children unchanged.
    pub fn follow(&mut self, id: ItemId, old: u32, new: u32, work: &Work) {
        if self.key.is_none() || old == new {
            return;
        }
        let counts = if self.linked {
            self.member.get(id.0 as usize).copied().unwrap_or(false)
        } else {
            !work.has_children(id)
        };
        if counts {
            let ((p0, d0), (p1, d1)) = (points(old), points(new));
            self.planned = self.planned.wrapping_sub(p0).wrapping_add(p1);
            self.done = self.done.wrapping_sub(d0).wrapping_add(d1);
        }
    }

    /// Counts again when what decides which items count has changed since (`work_gen` moves on
    /// whenever `work` is built again).
    pub fn refresh(&mut self, board: &Board, work: &Work, work_gen: u64, items: &[u32]) {
        let points_entries = || board.timeline.iter().filter(|e| e.kind.is_point());
        let key = fingerprint(
            std::iter::once(work_gen).chain(points_entries().flat_map(|e| {
                std::iter::once(u64::MAX - u64::from(e.id.0))
                    .chain(e.items.iter().map(|i| u64::from(i.0)))
            })),
        );
        if self.key == Some(key) {
            return;
        }
        let linked: Vec<ItemId> = points_entries()
            .flat_map(|e| e.items.iter().copied())
            .collect();
        let ids = work.expand(&linked);
        let value = |id: ItemId| items.get(id.0 as usize).copied().unwrap_or(0);
        let (mut planned, mut done) = (0u32, 0u32);
        let mut add = |v: u32| {
            let (p, d) = points(v);
            planned = planned.wrapping_add(p);
            done = done.wrapping_add(d);
        };
        self.member.clear();
        self.linked = !ids.is_empty();
        if self.linked {
            for id in ids {
                let at = id.0 as usize;
                if self.member.len() <= at {
                    self.member.resize(at + 1, false);
                }
                self.member[at] = true;
                add(value(id));
            }
        } else {
            for (at, &v) in items.iter().enumerate() {
                if v != 0 && !work.has_children(ItemId(at as u32)) {
                    add(v);
                }
            }
        }
        (self.planned, self.done) = (planned, done);
        self.key = Some(key);
    }
}
